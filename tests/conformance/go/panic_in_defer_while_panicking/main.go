// behaviour: a deferred call that panics while a panic is in progress: both values are printed, the first then the second indented
// source: runtime/panic.go printpanics; Go spec "Handling panics"
package main

func main() {
	defer func() {
		panic("second")
	}()
	panic("first")
}
