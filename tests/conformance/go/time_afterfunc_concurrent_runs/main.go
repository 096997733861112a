// behaviour: each AfterFunc run is a new goroutine: a slow f does not delay the next run scheduled by Reset
// source: src/time/sleep_test.go TestAfterFunc; time.AfterFunc doc (f runs in its own goroutine)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	var t *time.Timer
	log := make(chan string, 4)
	n := 0
	t = time.AfterFunc(time.Second, func() {
		n++
		me := n
		log <- fmt.Sprint("run ", me, " starts at ", time.Since(start))
		if me == 1 {
			t.Reset(time.Second)
			time.Sleep(5 * time.Second)
		}
		log <- fmt.Sprint("run ", me, " ends at ", time.Since(start))
	})
	for i := 0; i < 4; i++ {
		fmt.Println(<-log)
	}
}
