// behaviour: recover returns nil unless called directly by a deferred function: a helper called from the defer does not stop the panic, an outer defer does
// source: Go spec "Handling panics" (recover called directly by a deferred function)
package main

import "fmt"

func helper() {
	fmt.Println("helper's recover:", recover())
}

func main() {
	defer func() { fmt.Println("outer recover:", recover()) }()
	defer func() { helper() }()
	panic("oops")
}
