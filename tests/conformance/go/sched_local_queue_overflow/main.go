// behaviour: a P's local run queue holds 256 goroutines: past that, runqput moves its first half (Go's own two runnable goroutines first) and the newcomer to the global queue, which runs after the rest
// source: runtime/proc.go runqput, runqputslow (len(pp.runq) is 256)
package main

import (
	"fmt"
	"sync"
)

// runs prints a run order as ranges of consecutive numbers.
func runs(order []int) string {
	out := ""
	for i := 0; i < len(order); {
		j := i
		for j+1 < len(order) && order[j+1] == order[j]+1 {
			j++
		}
		if i == j {
			out += fmt.Sprintf(" %d", order[i])
		} else {
			out += fmt.Sprintf(" %d-%d", order[i], order[j])
		}
		i = j + 1
	}
	return out
}

func main() {
	var wg sync.WaitGroup
	var order []int
	for i := range 300 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			order = append(order, i)
		}()
	}
	wg.Wait()
	fmt.Println("first five:", order[:5])
	fmt.Println("last five:", order[295:])
	fmt.Println("all:", runs(order))
}
