// behaviour: OnceValues computes (value, error) once; every call returns the same pair
// source: src/sync/oncefunc_test.go TestOnceValues
package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	computed := 0
	load := sync.OnceValues(func() (string, error) {
		computed++
		return "partial", errors.New("file truncated")
	})
	for i := 0; i < 2; i++ {
		v, err := load()
		fmt.Println(v, err)
	}
	fmt.Println("computed", computed, "time(s)")
}
