// The forgotten sender (models/zoo/forgotten_sender.py): a worker sends its
// answer on an unbuffered channel to a caller that has timed out.
package main

import (
	"errors"
	"time"
)

const timeout = 100 * time.Millisecond

var errTimeout = errors.New("search timed out")

func search(q string, queryTime time.Duration) (string, error) {
	ch := make(chan string) // fixed: make(chan string, 1)
	go func() { ch <- query(q, queryTime) }()
	select {
	case r := <-ch:
		return r, nil
	case <-time.After(timeout):
		return "", errTimeout
	}
}

func query(q string, queryTime time.Duration) string {
	time.Sleep(queryTime)
	return "result"
}

// latency: how long the n-th query takes; every third one is too slow.
func latency(n int) time.Duration {
	return time.Duration(30+50*(n%3)) * time.Millisecond
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
			search("q", latency(requests))
		}
	}
}
