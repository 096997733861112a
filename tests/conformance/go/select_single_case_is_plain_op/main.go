// behaviour: a select with a single case and no default is compiled as the plain operation: the dump says "chan receive", not "select"
// source: cmd/compile walk/select.go (single-case select rewritten); runtime wait reasons
package main

import "fmt"

func main() {
	a := make(chan int)
	fmt.Println("selecting on one case")
	select {
	case <-a:
	}
}
