// behaviour: Stop after the value was received returns false
// source: src/time/sleep_test.go TestAfterStop; time.Timer.Stop doc
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Second)
	<-t.C
	fmt.Println("Stop after receive:", t.Stop())
}
