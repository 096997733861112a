package main

import "fmt"

type R struct{ W int }

func (r R) Format(f fmt.State, verb rune) {
	if f.Flag('#') {
		fmt.Fprint(f, "SHARP")
		return
	}
	fmt.Fprint(f, "PLAIN")
}

func main() {
	fmt.Printf("%#v\n", R{1})
	fmt.Printf("%#v\n", []R{{1}})
	fmt.Printf("%#v\n", []any{R{1}})
	fmt.Printf("%v %+v\n", []R{{1}}, []any{R{1}})
}
