// behaviour: WithDeadline or WithTimeout under a parent with an earlier deadline returns a plain cancel context (String shows WithCancel) carrying the parent's deadline
// source: context.go WithDeadlineCause (parent's deadline already sooner); src/context/x_test.go TestDeadline
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
	child, cancelChild := context.WithTimeout(parent, time.Hour)
	defer cancelChild()
	d, _ := child.Deadline()
	fmt.Println(child)
	fmt.Println("child deadline", d.Sub(start))
}
