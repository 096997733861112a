// behaviour: panicking with a value of a named non-error type prints it as main.code(7)
// source: runtime/error.go printpanicval (values of other types print with their type name)
package main

type code int

func main() {
	panic(code(7))
}
