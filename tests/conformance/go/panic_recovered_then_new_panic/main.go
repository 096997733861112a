// behaviour: recovering and then panicking with a different value prints the first panic marked [recovered] and the second below it
// source: runtime/panic.go printpanics
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic("second")
	}()
	panic("first")
}
