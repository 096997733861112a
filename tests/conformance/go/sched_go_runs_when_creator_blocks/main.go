// behaviour: a new goroutine does not run at the go statement: at GOMAXPROCS=1 it runs when its creator blocks
// source: Go memory model "Goroutine creation"; runtime/proc.go newproc (runqput with next=true)
package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("goroutine runs")
		close(done)
	}()
	fmt.Println("main after go 1")
	fmt.Println("main after go 2")
	<-done
	fmt.Println("main resumes")
}
