// time.After in a loop (models/zoo/after_in_loop.py): a timer per message,
// kept until it fires before Go 1.23.
package main

import (
	"runtime"
	"time"
)

const (
	idle            = time.Minute
	messageInterval = 10 * time.Millisecond
)

var handled int

func consume(msgs <-chan string, done <-chan struct{}) {
	for {
		select {
		case <-msgs:
			handled++
		case <-time.After(idle): // a new timer at every message
		case <-done:
			return
		}
	}
}

func produce(msgs chan<- string, done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case <-time.After(messageInterval):
		}
		select {
		case msgs <- "m":
		case <-done: // the consumer may have stopped first
			return
		}
	}
}

// main handles a request a second until the stop signal, as the zoo's server does.
func main() {
	msgs, done := make(chan string), make(chan struct{})
	go consume(msgs, done)
	go produce(msgs, done)
	stop := time.After(60*time.Second + 500*time.Millisecond)
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	requests := 0
loop:
	for {
		select {
		case <-stop:
			time.Sleep(time.Second)
			break loop
		case <-ticker.C:
			requests++
			runtime.Gosched()
		}
	}
	close(done)
	time.Sleep(time.Millisecond)
}
