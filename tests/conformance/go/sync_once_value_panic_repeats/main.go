// behaviour: if OnceValue's or OnceValues' function panics, every call re-panics with the same value
// source: src/sync/oncefunc_test.go TestOnceValuePanic, TestOnceValuesPanic
package main

import (
	"fmt"
	"sync"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	runs := 0
	v := sync.OnceValue(func() int { runs++; panic("no value") })
	vs := sync.OnceValues(func() (int, error) { runs++; panic("no values") })
	for i := 0; i < 2; i++ {
		try("OnceValue", func() { v() })
		try("OnceValues", func() { vs() })
	}
	fmt.Println("functions ran", runs, "time(s)")
}
