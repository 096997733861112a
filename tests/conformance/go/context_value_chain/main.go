// behaviour: Value looks up the chain of parents through cancel layers; the nearest WithValue of a key shadows an outer one; a missing key gives nil
// source: src/context/x_test.go TestValues
package main

import (
	"context"
	"fmt"
)

type key string

func main() {
	ctx := context.WithValue(context.Background(), key("user"), "ann")
	ctx = context.WithValue(ctx, key("role"), "admin")
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	inner := context.WithValue(ctx, key("user"), "bob")
	fmt.Println("inner user:", inner.Value(key("user")))
	fmt.Println("inner role:", inner.Value(key("role")))
	fmt.Println("outer user:", ctx.Value(key("user")))
	fmt.Println("missing:", inner.Value(key("team")))
	fmt.Println("other key type:", inner.Value("user"))
}
