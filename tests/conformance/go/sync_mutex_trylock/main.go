// behaviour: TryLock succeeds on an unlocked Mutex and fails, without blocking, on a locked one
// source: src/sync/mutex_test.go TestMutex (TryLock checks)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	fmt.Println("first TryLock:", mu.TryLock())
	fmt.Println("second TryLock:", mu.TryLock())
	mu.Unlock()
	fmt.Println("after Unlock:", mu.TryLock())
	mu.Unlock()
}
