// behaviour: a channel or slice variable set to nil is the zero value: a select case on the nil channel is never ready, and append to the nil slice starts a new one
// source: Go spec "Select statements" (nil channel cases), "Appending to and copying slices"
package main

import "fmt"

type pool struct {
	reset chan int
	conns []int
}

func main() {
	p := &pool{reset: make(chan int, 1), conns: []int{7, 8}}
	p.reset <- 1
	p.reset = nil
	p.conns = nil
	p.conns = append(p.conns, 3)
	select {
	case v := <-p.reset:
		fmt.Println("received", v)
	default:
		fmt.Println("nil channel not ready")
	}
	fmt.Println(len(p.conns), p.conns[0], p.reset == nil)
}
