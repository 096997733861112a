// The errgroup stage that ignores its context (models/zoo/errgroup_pipeline.py):
// the last stage fails and the group's context is cancelled, but the middle
// stage sends without watching it, so it blocks and g.Wait() never returns.
package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"golang.org/x/sync/errgroup"
)

var errWrite = errors.New("client went away")

func handle(ctx context.Context, n int) error {
	g, ctx := errgroup.WithContext(ctx)
	ids := make(chan int)
	rows := make(chan string)
	g.Go(func() error { // list the rows to send
		defer close(ids)
		for id := 0; id < 3; id++ {
			select {
			case ids <- id:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	g.Go(func() error { // fetch each row
		defer close(rows)
		for id := range ids {
			time.Sleep(time.Millisecond)   // query the row
			rows <- fmt.Sprint("row ", id) // leaky: blocks once write has returned (fixed: select with <-ctx.Done())
		}
		return nil
	})
	g.Go(func() error { // write the rows to the client
		for range rows {
			if n%5 == 0 { // one request in five loses its client
				return errWrite
			}
		}
		return nil
	})
	return g.Wait()
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
			go handle(context.Background(), requests)
			runtime.Gosched()
		}
	}
}
