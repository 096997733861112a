// behaviour: the messages of Canceled and DeadlineExceeded, and DeadlineExceeded reports Timeout() true
// source: src/context/x_test.go TestDeadlineExceededSupportsTimeout; context.Canceled doc
package main

import (
	"context"
	"errors"
	"fmt"
)

func main() {
	fmt.Println(context.Canceled.Error())
	fmt.Println(context.DeadlineExceeded.Error())
	t, ok := context.DeadlineExceeded.(interface{ Timeout() bool })
	fmt.Println("DeadlineExceeded has Timeout:", ok, ok && t.Timeout())
	_, ok = context.Canceled.(interface{ Timeout() bool })
	fmt.Println("Canceled has Timeout:", ok)
	fmt.Println("distinct:", !errors.Is(context.Canceled, context.DeadlineExceeded))
}
