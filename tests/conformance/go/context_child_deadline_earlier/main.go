// behaviour: a child's deadline is the earlier of its own and its parent's; a child with a later timeout is cancelled at the parent's deadline
// source: src/context/x_test.go TestDeadline (child with later deadline)
// mode: synctest
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	parent, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	later, cancelLater := context.WithTimeout(parent, 10*time.Second)
	defer cancelLater()
	sooner, cancelSooner := context.WithTimeout(parent, 2*time.Second)
	defer cancelSooner()
	dl, _ := later.Deadline()
	ds, _ := sooner.Deadline()
	fmt.Println("later child deadline", dl.Sub(start))
	fmt.Println("sooner child deadline", ds.Sub(start))
	<-sooner.Done()
	fmt.Println("sooner done at", time.Since(start), sooner.Err())
	<-later.Done()
	fmt.Println("later done at", time.Since(start), later.Err())
}
