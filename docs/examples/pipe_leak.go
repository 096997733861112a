// A report streamed through an io.Pipe to a reader that stops at the first
// line it wants. The writer is left blocked in its next Write: nobody reads
// the pipe again, and nobody closes it.
package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

func report(w io.WriteCloser) {
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(w, "row %d\n", i)
	}
	w.Close()
}

func findRow(want string, closeEarly bool) string {
	pr, pw := io.Pipe()
	go report(pw)
	if closeEarly {
		defer pr.Close() // the writer's next Write fails with io.ErrClosedPipe
	}
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if strings.HasSuffix(sc.Text(), want) {
			return sc.Text()
		}
	}
	return ""
}

func main() {
	fmt.Println(findRow("2", false))
	time.Sleep(time.Second)
}

func fixed() {
	fmt.Println(findRow("2", true))
	time.Sleep(time.Second)
}
