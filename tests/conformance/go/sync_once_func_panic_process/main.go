// behaviour: an unrecovered panic from OnceFunc's f, seen on the second call, kills the process: stderr shows the value and exit status 2
// source: src/sync/oncefunc_test.go TestOnceFuncPanicTraceback
package main

import (
	"fmt"
	"sync"
)

func main() {
	f := sync.OnceFunc(func() { panic("once failed") })
	func() {
		defer func() { fmt.Println("first call recovered:", recover()) }()
		f()
	}()
	fmt.Println("second call, not recovered")
	f()
}
