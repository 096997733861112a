// behaviour: nil passed, returned or set in a field where a map or a slice is expected is that type's nil: it reads as empty, append to it works, and an assignment to an entry of the map panics
// source: Go spec "Map types" ("A nil map is equivalent to an empty map except that no elements may be added"), "Slice types", "Appending to and copying slices"
package main

import "fmt"

func count(m map[string]int, s []int) int {
	n := len(m) + len(s)
	for range m {
		n++
	}
	for range s {
		n++
	}
	return n + m["a"]
}

func lookup() map[string]int { return nil }

func items() []int { return nil }

type holder struct {
	m map[string]int
	s []int
}

func main() {
	fmt.Println(count(nil, nil))
	m := lookup()
	v, ok := m["x"]
	fmt.Println(len(m), v, ok)
	s := append(items(), 1, 2)
	fmt.Println(len(s), s[1])
	h := holder{m: nil, s: nil}
	fmt.Println(len(h.m), len(h.s))
	defer func() { fmt.Println("recovered:", recover()) }()
	lookup()["y"] = 1
	fmt.Println("not reached")
}
