// behaviour: calling Do of the same Once from inside its function deadlocks on the Once's mutex ("sync.Mutex.Lock")
// source: sync.Once.Do doc (a call to Do from f deadlocks)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	once.Do(func() {
		fmt.Println("outer function")
		once.Do(func() { fmt.Println("inner function") })
	})
}
