// behaviour: recovering a panic and panicking again with the same value prints "panic: boom [recovered, repanicked]"
// source: runtime/panic.go printpanics (repanicked, Go 1.25+)
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r, "and panicking again")
		panic(r)
	}()
	panic("boom")
}
