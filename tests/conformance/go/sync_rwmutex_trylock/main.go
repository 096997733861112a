// behaviour: TryLock and TryRLock: both fail under a writer, TryRLock succeeds and TryLock fails under a reader, both succeed when free
// source: src/sync/rwmutex_test.go (TryLock/TryRLock checks in TestRWMutex)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	fmt.Println("free: TryLock", rw.TryLock())
	fmt.Println("write-locked: TryLock", rw.TryLock(), "TryRLock", rw.TryRLock())
	rw.Unlock()
	fmt.Println("free: TryRLock", rw.TryRLock())
	fmt.Println("read-locked: TryRLock", rw.TryRLock(), "TryLock", rw.TryLock())
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println("free again: TryLock", rw.TryLock())
	rw.Unlock()
}
