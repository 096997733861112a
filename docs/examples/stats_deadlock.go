// Request counters served as JSON. Stats marshals itself under its own lock,
// and report calls json.Marshal while already holding that lock: MarshalJSON
// waits for a mutex its own goroutine holds, and the program deadlocks.
package main

import (
	"encoding/json"
	"fmt"
	"sync"
)

type Stats struct {
	mu   sync.Mutex
	hits map[string]int
}

func (s *Stats) MarshalJSON() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return json.Marshal(s.hits)
}

func (s *Stats) hit(page string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[page]++
}

func (s *Stats) report() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, _ := json.Marshal(s) // MarshalJSON locks s.mu again
	return string(b)
}

func (s *Stats) reportFixed() string {
	b, _ := json.Marshal(s) // MarshalJSON takes the lock itself
	return string(b)
}

func serve(s *Stats) {
	var wg sync.WaitGroup
	for _, page := range []string{"/", "/about", "/"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.hit(page)
		}()
	}
	wg.Wait()
}

func main() {
	s := &Stats{hits: map[string]int{}}
	serve(s)
	fmt.Println(s.report())
}

func fixed() {
	s := &Stats{hits: map[string]int{}}
	serve(s)
	fmt.Println(s.reportFixed())
}
