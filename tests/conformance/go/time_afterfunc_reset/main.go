// behaviour: Reset of an AfterFunc timer returns true while pending and moves the run; after f ran, Reset returns false and schedules f again
// source: src/time/sleep_test.go TestReset; time.Timer.Reset doc
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	runs := make(chan time.Duration, 2)
	t := time.AfterFunc(time.Second, func() { runs <- time.Since(start) })
	fmt.Println("Reset while pending:", t.Reset(3*time.Second))
	fmt.Println("ran at", <-runs)
	fmt.Println("Reset after run:", t.Reset(time.Second))
	fmt.Println("ran again at", <-runs)
}
