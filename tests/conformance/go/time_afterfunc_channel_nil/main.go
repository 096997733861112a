// behaviour: the Timer returned by AfterFunc has a nil C
// source: time.AfterFunc doc
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.AfterFunc(time.Hour, func() {})
	fmt.Println("C is nil:", t.C == nil)
	t.Stop()
}
