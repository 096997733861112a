// behaviour: WithoutCancel keeps the parent's values but has no Done channel, no deadline, and no Err after the parent is cancelled
// source: src/context/x_test.go TestWithoutCancel
// mode: synctest
package main

import (
	"context"
	"fmt"
	"time"
)

type key int

func main() {
	parent, cancel := context.WithTimeout(context.WithValue(context.Background(), key(1), "kept"), time.Second)
	detached := context.WithoutCancel(parent)
	cancel()
	_, has := detached.Deadline()
	fmt.Println("parent err:", parent.Err())
	fmt.Println("detached err:", detached.Err(), "cause:", context.Cause(detached))
	fmt.Println("detached done is nil:", detached.Done() == nil, "deadline:", has)
	fmt.Println("detached value:", detached.Value(key(1)))
	fmt.Println("string:", detached)
}
