// The abandoned receiver (models/zoo/abandoned_receiver.py): a logger goroutine
// waits for a result that the request's error path never sends.
package main

import (
	"errors"
	"time"
)

var errInvalid = errors.New("invalid request")

var logged int

func handle(n int) error {
	result := make(chan int)
	go func() { log(<-result) }()
	if err := validate(n); err != nil {
		return err // leaky: the receiver waits forever (fixed: close(result) first)
	}
	result <- compute(n)
	return nil
}

func log(v int) { logged += v }

// validate fails one request in five: the zoo's error path.
func validate(n int) error {
	if n%5 == 0 {
		return errInvalid
	}
	return nil
}

func compute(n int) int { return 42 }

// main handles a request a second until the stop signal, as the zoo's server does.
func main() {
	stop := time.After(60*time.Second + 500*time.Millisecond)
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	requests := 0
	for {
		select {
		case <-stop:
			time.Sleep(time.Second) // graceful: let requests in flight finish
			return
		case <-ticker.C:
			requests++
			handle(requests)
		}
	}
}
