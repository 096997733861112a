// behaviour: AfterFunc(1s, f) runs f at 1s in a goroutine of its own while the caller is blocked elsewhere
// source: src/time/sleep_test.go TestAfterFunc
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ran := make(chan time.Duration, 1)
	time.AfterFunc(time.Second, func() { ran <- time.Since(start) })
	time.Sleep(3 * time.Second)
	fmt.Println("f ran at", <-ran)
}
