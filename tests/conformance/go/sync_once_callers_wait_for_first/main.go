// behaviour: a concurrent Do caller does not return until the first caller's function has finished
// source: src/sync/once_test.go TestOnce; sync.Once.Do doc
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var once sync.Once
	finished := false
	inside := make(chan bool)
	release := make(chan bool)
	go once.Do(func() {
		inside <- true
		<-release
		finished = true
	})
	<-inside
	result := make(chan bool)
	go func() {
		once.Do(func() { fmt.Println("second function ran") })
		result <- finished
	}()
	time.Sleep(10 * time.Millisecond)
	close(release)
	fmt.Println("second caller returned after the first finished:", <-result)
}
