// behaviour: when two cases are always ready, select picks among them uniformly: over 1000 rounds both are taken (prints only booleans)
// source: Go spec "Select statements" (uniform pseudo-random selection); src/runtime/chan_test.go TestSelectFairness
package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	na, nb := 0, 0
	for i := 0; i < 1000; i++ {
		a <- 1
		b <- 1
		select {
		case <-a:
			na++
			<-b
		case <-b:
			nb++
			<-a
		}
	}
	fmt.Println("a taken:", na > 0)
	fmt.Println("b taken:", nb > 0)
	fmt.Println("both over 300:", na > 300 && nb > 300)
}
