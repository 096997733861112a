// behaviour: a goroutine started by another goroutine takes runnext on the same P: at GOMAXPROCS=1 it runs as soon as its creator blocks, before older runnable goroutines
// source: runtime/proc.go newproc (runqput on the creator's P with next=true)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		fmt.Println("parent")
		go func() {
			defer wg.Done()
			fmt.Println("child of parent")
		}()
		fmt.Println("parent exits")
	}()
	go func() {
		defer wg.Done()
		fmt.Println("second")
	}()
	wg.Wait()
}
