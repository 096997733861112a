// behaviour: closing a closed channel panics with "close of closed channel"
// source: Go spec "Close"; runtime/chan.go closechan
package main

import "fmt"

func main() {
	ch := make(chan int)
	close(ch)
	defer func() { fmt.Println("recovered:", recover()) }()
	close(ch)
}
