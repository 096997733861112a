// The recursive read lock (models/zoo/recursive_rlock.py): a handler holds the
// read lock and calls a helper that takes it again; a writer that comes in
// between waits for the first read lock, and the second waits behind the writer.
package main

import (
	"runtime"
	"sync"
	"time"
)

type Cache struct {
	mu sync.RWMutex
	m  map[string]string
}

func (c *Cache) Get(k string, n int) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v := c.m[k]
	if n%5 == 0 { // one request in five finds its entry stale
		go c.refresh(k)
	}
	time.Sleep(10 * time.Millisecond) // render the page
	return v + c.footer()             // fixed: c.m["footer"], the read lock being held
}

// footer takes the read lock again: it waits behind a writer that waits for Get.
func (c *Cache) footer() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m["footer"]
}

func (c *Cache) refresh(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = "fresh"
}

func handle(c *Cache, n int) {
	c.Get("k", n)
}

// main handles a request a second until the stop signal, as the zoo's server does.
func main() {
	c := &Cache{m: map[string]string{"k": "v", "footer": "."}}
	stop := time.After(60*time.Second + 500*time.Millisecond)
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	requests := 0
	for {
		select {
		case <-stop:
			time.Sleep(time.Second)
			return
		case <-ticker.C:
			requests++
			go handle(c, requests)
			runtime.Gosched()
		}
	}
}
