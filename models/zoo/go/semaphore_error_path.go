// The semaphore not released on an error path (models/zoo/semaphore_error_path.py):
// each failed query keeps its token, and once they are all kept every request
// waits in Acquire for good.
package main

import (
	"context"
	"errors"
	"runtime"
	"time"

	"golang.org/x/sync/semaphore"
)

var errQuery = errors.New("query failed")

type Pool struct {
	sem *semaphore.Weighted // at most 3 queries at once
}

func (p *Pool) Query(ctx context.Context, n int) error {
	if err := p.sem.Acquire(ctx, 1); err != nil {
		return err
	}
	if err := query(n); err != nil {
		return err // leaky: keeps the token (fixed: defer p.sem.Release(1) after Acquire)
	}
	p.sem.Release(1)
	return nil
}

// query takes 10 ms and fails for one request in five.
func query(n int) error {
	time.Sleep(10 * time.Millisecond)
	if n%5 == 0 {
		return errQuery
	}
	return nil
}

func handle(p *Pool, n int) {
	p.Query(context.Background(), n) // no deadline: Acquire waits as long as it takes
}

// main handles a request a second until the stop signal, as the zoo's server does.
func main() {
	p := &Pool{sem: semaphore.NewWeighted(3)}
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
			go handle(p, requests)
			runtime.Gosched()
		}
	}
}
