// Command rotation is the log monitor's leak in a few lines: every rotation opens
// a stream for one minute and starts a reader, and the reader's context is a
// child of the application's context instead of the stream's, so no rotation
// ever stops a reader. docs/translate.md finds the leak from this file.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

func reader(ctx context.Context, lines <-chan string, out chan<- string) {
	for {
		select {
		case line := <-lines:
			select {
			case out <- line:
			case <-ctx.Done():
				return
			}
		case <-ctx.Done():
			return
		}
	}
}

// readerCancel is overwritten at every rotation, as in the service.
var readerCancel context.CancelFunc

func monitor(app context.Context, rotations int) {
	for i := 0; i < rotations; i++ {
		stream, cancel := context.WithTimeout(app, time.Minute)
		lines, out := make(chan string), make(chan string)
		readerCtx, cancelReader := context.WithCancel(stream) // the fix: stream, not app
		readerCancel = cancelReader
		go reader(readerCtx, lines, out)
		<-stream.Done()
		cancel()
	}
}

func main() {
	app, stop := context.WithCancel(context.Background())
	defer stop() // the service cancels app only when it shuts down
	go monitor(app, 3)
	time.Sleep(time.Hour)
	fmt.Println(runtime.NumGoroutine(), "goroutines")
}
