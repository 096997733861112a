// behaviour: a nil map reads as empty (len 0, a lookup gives the zero value, range and delete do nothing) and an assignment to one of its entries panics
// source: Go spec "Map types" ("A nil map is equivalent to an empty map except that no elements may be added"), "Deletion of map elements"
package main

import "fmt"

type registry struct {
	byName map[string]int
}

func main() {
	var m map[string]int
	v, ok := m["a"]
	fmt.Println(len(m), m["a"], v, ok)
	for k := range m {
		fmt.Println("never", k)
	}
	delete(m, "a")
	r := &registry{}
	fmt.Println(len(r.byName))
	r.byName = make(map[string]int)
	r.byName["x"] = 1
	r.byName = nil
	fmt.Println(len(r.byName))
	defer func() { fmt.Println("recovered:", recover()) }()
	r.byName["y"] = 2
	fmt.Println("not reached")
}
