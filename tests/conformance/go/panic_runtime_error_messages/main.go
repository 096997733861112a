// behaviour: the messages of common runtime errors: index out of range, nil map assignment, integer divide by zero, nil pointer dereference, failed type assertion
// source: runtime/error.go boundsError and errorString; runtime/panic.go
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name+":", recover()) }()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i := 5
	var m map[string]int
	zero := 0
	var p *struct{ x int }
	var v any = "text"
	try("index", func() { _ = s[i] })
	try("slice", func() { _ = s[1:i] })
	try("nil map", func() { m["k"] = 1 })
	try("divide", func() { _ = 10 / zero })
	try("nil pointer", func() { _ = p.x })
	try("assertion", func() { _ = v.(int) })
}
