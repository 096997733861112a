// behaviour: three goroutines sleeping until the same instant all wake then, in an order that varies from run to run even at GOMAXPROCS=1 (synctest breaks timer ties at random)
// source: src/time/sleep_test.go TestSleep; testing/synctest (time advances to the next timer)
// mode: synctest
// runs1: 30
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	order := make(chan string, 3)
	for _, name := range []string{"a", "b", "c"} {
		go func() {
			time.Sleep(time.Second)
			order <- name + "@" + time.Since(start).String()
		}()
	}
	for i := 0; i < 3; i++ {
		fmt.Print(<-order, " ")
	}
	fmt.Println()
}
