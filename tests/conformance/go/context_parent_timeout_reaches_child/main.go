// behaviour: a WithCancel child of a WithTimeout parent is cancelled at the parent's deadline, with Err DeadlineExceeded
// source: src/context/x_test.go TestLayersTimeout
// mode: synctest
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	parent, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	_, has := child.Deadline()
	fmt.Println("child has deadline:", has)
	<-child.Done()
	fmt.Println("child done at", time.Since(start), child.Err())
}
