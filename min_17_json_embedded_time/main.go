package main

import (
	"encoding/json"
	"fmt"
	"time"
)

type Event struct {
	time.Time
	Name string
}

func main() {
	b, err := json.Marshal(Event{time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC), "x"})
	fmt.Println(string(b), err)
}
