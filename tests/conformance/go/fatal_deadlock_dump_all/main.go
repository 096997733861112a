// behaviour: the deadlock dump lists every goroutine with its wait reason: main in WaitGroup.Wait, others in Mutex.Lock, Cond.Wait, select, select (no cases), nil-channel send and receive
// source: runtime/proc.go checkdead; runtime/runtime2.go waitReasonStrings
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var cmu sync.Mutex
	c := sync.NewCond(&cmu)
	var nilch chan int
	a, b := make(chan int), make(chan int)
	mu.Lock()
	steps := []func(){
		func() { mu.Lock() },
		func() { cmu.Lock(); c.Wait() },
		func() {
			select {
			case <-a:
			case <-b:
			}
		},
		func() { select {} },
		func() { nilch <- 1 },
		func() { <-nilch },
	}
	for _, f := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f()
		}()
		time.Sleep(time.Millisecond) // goroutines block one after the other
	}
	fmt.Println("main waits")
	wg.Wait()
}
