// Range over a channel never closed (models/zoo/range_unclosed.py): the
// consumer waits for more after the producer's last item.
package main

import "time"

var processed int

func process(v int) { processed += v }

func handle(items []int) {
	ch := make(chan int)
	go func() {
		for v := range ch { // ends only when ch is closed
			process(v)
		}
	}()
	for _, it := range items {
		ch <- it
	}
	// leaky: close(ch) is missing
}

// main handles a request a second until the stop signal, as the zoo's server does.
func main() {
	stop := time.After(60*time.Second + 500*time.Millisecond)
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	requests := 0
	for {
		select {
		case <-stop:
			time.Sleep(time.Second)
			return
		case <-ticker.C:
			requests++
			handle([]int{0, 1, 2})
		}
	}
}
