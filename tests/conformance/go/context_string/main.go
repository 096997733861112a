// behaviour: String of derived contexts: the parent's string followed by .WithCancel, .WithValue(key, value), .WithoutCancel
// source: src/context/x_test.go (String checks in TestWithCancel, TestValues); context.go contextName
package main

import (
	"context"
	"fmt"
)

type key string

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fmt.Println(ctx)
	v := context.WithValue(ctx, key("user"), "ann")
	fmt.Println(v)
	fmt.Println(context.WithValue(context.TODO(), "n", 42))
	fmt.Println(context.WithoutCancel(v))
	c2, cancel2 := context.WithCancelCause(v)
	defer cancel2(nil)
	fmt.Println(c2)
}
