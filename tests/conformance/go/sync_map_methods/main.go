// behaviour: sync.Map's methods: an absent key loads nil, false; LoadOrStore stores once; Swap, CompareAndSwap (false on an absent key), CompareAndDelete, LoadAndDelete, Delete of an absent key, Clear; Range visits every key once, stops when f returns false, and f may delete
// source: src/sync/map.go (each method's documentation), src/sync/map_test.go TestCompareAndSwap_NonExistingKey, TestMapRangeNestedCall
package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	v, loaded := m.LoadOrStore("a", 1)
	fmt.Println(v, loaded)
	v, loaded = m.LoadOrStore("a", 2)
	fmt.Println(v, loaded)
	prev, loaded := m.Swap("a", 3)
	fmt.Println(prev, loaded)
	prev, loaded = m.Swap("b", 4)
	fmt.Println(prev, loaded)
	fmt.Println(m.CompareAndSwap("a", 1, 5), m.CompareAndSwap("a", 3, 5), m.CompareAndSwap("z", nil, 1))
	fmt.Println(m.CompareAndDelete("b", 5), m.CompareAndDelete("b", 4))
	v, loaded = m.LoadAndDelete("a")
	fmt.Println(v, loaded)
	v, loaded = m.LoadAndDelete("a")
	fmt.Println(v, loaded)
	for i := 0; i < 5; i++ {
		m.Store(i, i*i)
	}
	visits, sum := 0, 0
	m.Range(func(k, v any) bool {
		visits++
		sum += v.(int)
		return true
	})
	fmt.Println(visits, sum)
	visits = 0
	m.Range(func(k, v any) bool {
		visits++
		return visits < 2
	})
	fmt.Println(visits)
	m.Delete(0)
	m.Delete(99)
	m.Range(func(k, v any) bool {
		m.Delete(k)
		return true
	})
	m.Store("x", 1)
	m.Clear()
	_, ok = m.Load("x")
	visits = 0
	m.Range(func(k, v any) bool {
		visits++
		return true
	})
	fmt.Println(ok, visits)
}
