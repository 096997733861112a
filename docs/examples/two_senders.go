// Two senders and a receiver: whichever sender runs first, then main or the other
// sender. docs/translate.md counts its schedules with go-run --strategy dfs.
package main

func main() {
	done := make(chan bool)
	for i := 0; i < 2; i++ {
		go func() { done <- true }()
	}
	<-done
	<-done
}
