// behaviour: panic(nil) is turned into a *runtime.PanicNilError (Go 1.21+): recover returns it, non-nil, with its message
// source: runtime/panic.go PanicNilError; Go 1.21 release notes
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer func() {
		r := recover()
		_, isNilErr := r.(*runtime.PanicNilError)
		fmt.Println("recovered non-nil:", r != nil, "PanicNilError:", isNilErr)
		fmt.Println("message:", r)
	}()
	panic(nil)
}
