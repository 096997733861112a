// behaviour: Add with a negative delta below zero panics with "sync: negative WaitGroup counter", which recover catches
// source: src/sync/waitgroup_test.go TestWaitGroupMisuse
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	defer func() { fmt.Println("recovered:", recover()) }()
	wg.Add(2)
	wg.Add(-3)
}
