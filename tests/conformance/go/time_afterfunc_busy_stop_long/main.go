// behaviour: outside a bubble, AfterFunc(1ns, f), then 100ms of busy work that never blocks (longer than the 10ms preemption slice), then Stop: what Stop returns
// source: src/time/sleep_test.go TestAfterFuncStarvation; runtime/proc.go sysmon (forcePreemptNS = 10ms)
// runs1: 20
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ran := make(chan bool, 1)
	t := time.AfterFunc(time.Nanosecond, func() { ran <- true })
	spins := 0
	for time.Since(start) < 100*time.Millisecond { // busy, never blocks
		spins++
	}
	stopped := t.Stop()
	fmt.Println("Stop:", stopped)
	if !stopped {
		<-ran
		fmt.Println("f ran")
	}
}
