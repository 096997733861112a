// behaviour: AfterFunc(0, f) starts f in a new goroutine: the caller continues first and f runs when the caller blocks
// source: src/time/sleep_test.go TestAfterFunc; time.AfterFunc doc
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	done := make(chan bool)
	time.AfterFunc(0, func() {
		fmt.Println("f runs at", time.Since(start))
		close(done)
	})
	fmt.Println("caller continues")
	<-done
	fmt.Println("caller resumes")
}
