// behaviour: Once.Do runs its function only on the first call, even when later calls pass a different function
// source: src/sync/once_test.go TestOnce
package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	for i := 1; i <= 3; i++ {
		once.Do(func() { fmt.Println("first function, call", i) })
	}
	once.Do(func() { fmt.Println("other function") })
	fmt.Println("end")
}
