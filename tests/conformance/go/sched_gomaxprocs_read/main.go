// behaviour: runtime.GOMAXPROCS(0) reads the setting without changing it (1 under GOMAXPROCS=1, the CPU count by default)
// source: runtime.GOMAXPROCS doc
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	fmt.Println("again:", runtime.GOMAXPROCS(0))
}
