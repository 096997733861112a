package main

import (
	"fmt"
	"math"
	"sync/atomic"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	var v atomic.Value
	try("store nil", func() { v.Store(nil) })
	try("swap nil", func() { v.Swap(nil) })
	try("cas nil new", func() { v.CompareAndSwap(nil, nil) })
	fmt.Println("cas empty", v.CompareAndSwap(nil, 1), v.Load())
	try("store str", func() { v.Store("x") })
	try("swap str", func() { v.Swap("x") })
	try("cas str", func() { v.CompareAndSwap(1, "x") })
	try("cas mixed", func() { v.CompareAndSwap("a", 2) })
	fmt.Println("cas 2 1", v.CompareAndSwap(2, 3), v.Load())
	var i atomic.Int32
	i.Store(math.MaxInt32)
	fmt.Println("int32 wrap", i.Add(1))
	var u atomic.Uint32
	fmt.Println("uint32 dec", u.Add(^uint32(0)))
	var u64 atomic.Uint64
	fmt.Println("uint64 dec", u64.Add(^uint64(0)))
	var i64 atomic.Int64
	fmt.Println("int64 swap", i64.Swap(5), i64.Load(), i64.CompareAndSwap(4, 1), i64.CompareAndSwap(5, 1), i64.Load())
	var b atomic.Bool
	fmt.Println("bool", b.Swap(true), b.Load(), b.CompareAndSwap(false, true), b.CompareAndSwap(true, false), b.Load())
}
