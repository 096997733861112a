// The mutex held on an error path (models/zoo/mutex_error_path.py): Get returns
// early holding the lock, and every later Lock waits forever.
package main

import (
	"errors"
	"runtime"
	"sync"
	"time"
)

var errInvalid = errors.New("invalid key")

type Cache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *Cache) Get(k string, n int) (string, error) {
	c.mu.Lock()
	if n%5 == 0 { // one request in five asks for an invalid key
		return "", errInvalid // leaky: returns holding the lock
	}
	v := c.m[k]
	c.mu.Unlock()
	return v, nil
}

func handle(c *Cache, n int) {
	c.Get("k", n)
}

// main handles a request a second until the stop signal, as the zoo's server does.
func main() {
	c := &Cache{m: map[string]string{"k": "v"}}
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
