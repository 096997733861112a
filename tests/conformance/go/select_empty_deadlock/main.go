// behaviour: select {} blocks forever; alone, main deadlocks in "select (no cases)"
// source: Go spec "Select statements" (a select with no cases blocks forever); runtime wait reasons
package main

import "fmt"

func main() {
	fmt.Println("about to select {}")
	select {}
}
