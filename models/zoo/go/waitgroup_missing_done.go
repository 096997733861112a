// The WaitGroup with a missing Done (models/zoo/waitgroup_missing_done.py): an
// error path returns without wg.Done(), and wg.Wait() waits forever.
package main

import (
	"errors"
	"runtime"
	"sync"
	"time"
)

var errFailed = errors.New("work failed")

func handle(n int) {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			if err := work(n); err != nil {
				return // leaky: wg.Done() is skipped (fixed: defer wg.Done() first)
			}
			wg.Done()
		}()
	}
	wg.Wait() // waits forever after an error
}

// work fails for one request in five.
func work(n int) error {
	time.Sleep(5 * time.Millisecond)
	if n%5 == 0 {
		return errFailed
	}
	return nil
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
			go handle(requests)
			runtime.Gosched()
		}
	}
}
