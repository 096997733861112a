// behaviour: cancelling a parent cancels its children and grandchildren; cancelling a child leaves the parent and siblings alone
// source: src/context/x_test.go TestParentFinishesChild, TestChildFinishesFirst
package main

import (
	"context"
	"fmt"
)

func main() {
	root, cancelRoot := context.WithCancel(context.Background())
	a, cancelA := context.WithCancel(root)
	b, cancelB := context.WithCancel(root)
	defer cancelB()
	grand, cancelGrand := context.WithCancel(a)
	defer cancelGrand()
	val := context.WithValue(b, "k", "v")
	cancelA()
	fmt.Println("after cancel a: root", root.Err(), "a", a.Err(), "b", b.Err(), "grand", grand.Err())
	cancelRoot()
	fmt.Println("after cancel root: root", root.Err(), "b", b.Err(), "value child", val.Err())
}
