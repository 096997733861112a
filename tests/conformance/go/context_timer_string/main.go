// behaviour: String of a WithTimeout context shows the deadline and the time left, inside a synctest bubble's fake clock
// source: context.go (*timerCtx).String; testing/synctest (fake clock starts at 2000-01-01 UTC)
// mode: synctest
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	fmt.Println(ctx)
	time.Sleep(2 * time.Second)
	fmt.Println(ctx)
}
