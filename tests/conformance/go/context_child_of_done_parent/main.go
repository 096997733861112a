// behaviour: a child of an already-cancelled parent is born cancelled, with the parent's Err and Cause
// source: src/context/x_test.go TestWithCancelCanceledParent
package main

import (
	"context"
	"errors"
	"fmt"
)

func main() {
	parent, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("shutdown"))
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	select {
	case <-child.Done():
		fmt.Println("child done at birth")
	default:
		fmt.Println("child not done")
	}
	fmt.Println("err:", child.Err(), "cause:", context.Cause(child))
}
