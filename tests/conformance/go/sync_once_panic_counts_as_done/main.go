// behaviour: if Once.Do's function panics, Do counts as done: the panic reaches the caller and later calls do not run anything
// source: src/sync/once_test.go TestOncePanic
package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		once.Do(func() { panic("init failed") })
	}()
	ran := false
	once.Do(func() { ran = true })
	fmt.Println("second Do ran its function:", ran)
}
