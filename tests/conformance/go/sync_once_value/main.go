// behaviour: OnceValue computes its value on the first call and returns the cached value afterwards
// source: src/sync/oncefunc_test.go TestOnceValue
package main

import (
	"fmt"
	"sync"
)

func main() {
	computed := 0
	get := sync.OnceValue(func() int {
		computed++
		return 42
	})
	fmt.Println(get(), get(), get())
	fmt.Println("computed", computed, "time(s)")
}
