// The Once that calls itself (models/zoo/recursive_once.py): a request's lazy
// parse logs its error through a method that asks the same Once for the user.
package main

import (
	"errors"
	"runtime"
	"sync"
	"time"
)

var errBadToken = errors.New("bad token")

var logged []string

type Request struct {
	n    int
	once sync.Once
	name string
	err  error
}

// User parses the request's token the first time it is called.
func (r *Request) User() (string, error) {
	r.once.Do(r.parse)
	return r.name, r.err
}

func (r *Request) parse() {
	time.Sleep(time.Millisecond) // decode the token
	if r.n%5 == 0 {              // one request in five has a bad token
		r.err = errBadToken
		r.logf("rejected") // leaky: logf calls User, inside the Once's Do
		return
	}
	r.name = "gopher"
}

func (r *Request) logf(msg string) {
	user, _ := r.User() // fixed: log r.n; a function Do runs must not call Do
	logged = append(logged, user+": "+msg)
}

func handle(n int) {
	r := &Request{n: n}
	r.User()
}

// main handles a request a second until the stop signal, as the zoo's server does.
func main() {
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
			go handle(requests)
			runtime.Gosched()
		}
	}
}
