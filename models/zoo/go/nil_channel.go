// The nil channel (models/zoo/nil_channel.py): a goroutine waits on a channel
// that one code path never makes.
package main

import "time"

type Job struct{ result chan int }

func NewJob(async bool) *Job {
	j := &Job{}
	if async {
		j.result = make(chan int, 1) // leaky: only async jobs get a channel
	}
	return j
}

var logged int

func log(v int) { logged += v }

func handle(n int) {
	j := NewJob(n%5 != 0) // one request in five makes a sync job
	go func() { log(<-j.result) }()
	if j.result != nil {
		j.result <- 42
	}
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
			handle(requests)
		}
	}
}
