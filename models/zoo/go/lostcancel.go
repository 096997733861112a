// The context never cancelled (models/zoo/lostcancel.py, go vet's lostcancel):
// each request's watcher waits on a Done that only shutdown closes.
package main

import (
	"context"
	"time"
)

type Server struct {
	ctx context.Context
}

func (s *Server) handle(n int) {
	ctx, cancel := context.WithCancel(s.ctx) // leaky: cancel is never called
	_ = cancel
	go watch(ctx)
	time.Sleep(10 * time.Millisecond) // work(req)
}

func watch(ctx context.Context) {
	<-ctx.Done()
}

// serve handles a request a second until the stop signal, as the zoo's server does.
func serve(s *Server) {
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
			s.handle(requests)
		}
	}
}

func main() {
	ctx, stop := context.WithCancel(context.Background())
	s := &Server{ctx: ctx}
	serve(s)
	stop() // the server's context ends at shutdown
	time.Sleep(time.Millisecond)
}
