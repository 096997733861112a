// behaviour: closing a nil channel panics with "close of nil channel"
// source: Go spec "Close"; runtime/chan.go closechan
package main

import "fmt"

func main() {
	var ch chan int
	defer func() { fmt.Println("recovered:", recover()) }()
	close(ch)
}
