// behaviour: RLocker's Lock and Unlock are RLock and RUnlock: while it is held, TryRLock succeeds and TryLock fails
// source: src/sync/rwmutex_test.go TestRLocker
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	l := rw.RLocker()
	l.Lock()
	l.Lock()
	fmt.Println("held twice via RLocker: TryLock", rw.TryLock(), "TryRLock", rw.TryRLock())
	rw.RUnlock()
	l.Unlock()
	l.Unlock()
	fmt.Println("released: TryLock", rw.TryLock())
	rw.Unlock()
}
