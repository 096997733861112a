// behaviour: Go 1.23+ Reset results: true on an active timer, true on a fired-but-unreceived one (whose value is dropped), false after the value was received or after Stop
// source: src/time/sleep_test.go TestReset, TestResetResult; src/time/tick_test.go TestChan
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(time.Second)
	fmt.Println("Reset while active:", t.Reset(2*time.Second))
	time.Sleep(3 * time.Second)
	fmt.Println("Reset after firing, unread:", t.Reset(time.Second))
	v := <-t.C
	fmt.Println("value", v.Sub(start), "received at", time.Since(start))
	fmt.Println("Reset after receive:", t.Reset(time.Second))
	t.Stop()
	fmt.Println("Reset after Stop:", t.Reset(time.Second))
	v = <-t.C
	fmt.Println("value", v.Sub(start), "received at", time.Since(start))
}
