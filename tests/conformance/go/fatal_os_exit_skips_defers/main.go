// behaviour: os.Exit ends the program at once with the given status; deferred calls do not run
// source: os.Exit doc
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred, never printed")
	fmt.Println("exiting with 3")
	os.Exit(3)
}
