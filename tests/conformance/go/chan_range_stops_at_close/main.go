// behaviour: a for-range over a channel yields every value sent, including those buffered before close, and ends at close
// source: Go spec "For statements with range clause" (channels)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ch := make(chan int, 2)
	go func() {
		for i := 1; i <= 4; i++ {
			ch <- i
			time.Sleep(time.Second)
		}
		close(ch)
	}()
	for v := range ch {
		fmt.Println("got", v, "at", time.Since(start))
	}
	fmt.Println("range ended at", time.Since(start))
}
