// The lost signal (models/zoo/lost_signal.py): a fetch that fails at once
// signals its Cond before the handler waits on it, and the handler waits forever.
package main

import (
	"errors"
	"runtime"
	"sync"
	"time"
)

var errFailed = errors.New("fetch failed")

type Result struct {
	mu   sync.Mutex
	cond *sync.Cond
	done bool // set by fetch, under mu
	v    string
	err  error
}

func handle(n int) {
	r := &Result{}
	r.cond = sync.NewCond(&r.mu)
	go fetch(r, n)
	time.Sleep(time.Millisecond) // parse the request meanwhile
	r.mu.Lock()
	r.cond.Wait() // leaky: fetch may have signalled already (fixed: for !r.done { r.cond.Wait() })
	r.mu.Unlock()
}

func fetch(r *Result, n int) {
	if n%5 == 0 { // one request in five fails at once
		r.mu.Lock()
		r.err, r.done = errFailed, true
		r.mu.Unlock()
		r.cond.Signal() // nobody waits yet: the signal is lost
		return
	}
	time.Sleep(5 * time.Millisecond) // query the backend
	r.mu.Lock()
	r.v, r.done = "result", true
	r.mu.Unlock()
	r.cond.Signal()
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
