// behaviour: panicking with an error value prints its Error() text after "panic: "
// source: runtime/error.go printpanicval (error and Stringer values)
package main

import (
	"errors"
	"fmt"
)

func main() {
	err := fmt.Errorf("loading config: %w", errors.New("file not found"))
	panic(err)
}
