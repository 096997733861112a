// behaviour: the context constructors panic on misuse: nil parent, nil key, key of a non-comparable type
// source: src/context/x_test.go TestWithValueChecksKey, TestInvalidDerivedFail
package main

import (
	"context"
	"fmt"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name+":", recover()) }()
	f()
}

func main() {
	try("nil parent", func() { context.WithCancel(nil) })
	try("nil key", func() { context.WithValue(context.Background(), nil, 1) })
	try("slice key", func() { context.WithValue(context.Background(), []int{1}, 1) })
	try("WithoutCancel nil parent", func() { context.WithoutCancel(nil) })
}
