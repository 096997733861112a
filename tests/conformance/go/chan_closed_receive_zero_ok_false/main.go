// behaviour: a receive from a closed empty channel never blocks and returns the zero value with ok=false, every time
// source: Go spec "Receive operator"
package main

import "fmt"

func main() {
	ch := make(chan string)
	close(ch)
	for i := 0; i < 3; i++ {
		v, ok := <-ch
		fmt.Printf("%q %v\n", v, ok)
	}
}
