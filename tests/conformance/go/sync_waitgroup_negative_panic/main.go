// behaviour: Done below zero panics with "sync: negative WaitGroup counter"; unrecovered, the process exits with status 2
// source: src/sync/waitgroup_test.go TestWaitGroupMisuse
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	fmt.Println("counter back at zero")
	wg.Done()
	fmt.Println("not reached")
}
