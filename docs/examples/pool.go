// A worker pool whose collector gives up at the first failed job: the program
// models/workerpool.py renders, built in docs/writing-models.md. Its flags are
// the model's parameters; `// L<n>` marks the statements the model marks.
package main

import (
	"flag"
	"math/rand"
	"os"
	"os/signal"
	"syscall"
	"time"
)

var (
	workers     = flag.Int("workers", 4, "worker goroutines in the pool")
	jobInterval = flag.Duration("job_interval", 100*time.Millisecond, "time between two jobs")
	workTime    = flag.Duration("work_time", 50*time.Millisecond, "time a job takes")
	errorRate   = flag.Float64("error_rate", 0.01, "probability that a job fails")
	variant     = flag.String("variant", "leaky", "the pool as written, or fixed")
)

var done int // jobs done: what the metrics read

func worker(jobs <-chan int, results chan<- bool, quit <-chan bool) {
	for range jobs { // L26
		time.Sleep(*workTime) // L27: do(j)
		failed := rand.Float64() < *errorRate
		select { // L29
		case results <- failed:
		case <-quit: // the fix: nobody listens any more
			return
		}
	}
}

func collect(results <-chan bool, quit chan<- bool) {
	for {
		failed := <-results // L39
		if failed {
			if *variant == "fixed" {
				close(quit) // L42: the fix
			}
			return // L44: gives up at the first failure
		}
		done++
	}
}

func main() {
	flag.Parse()
	sigterm := make(chan os.Signal, 1)
	signal.Notify(sigterm, syscall.SIGTERM)
	jobs, results, quit := make(chan int), make(chan bool), make(chan bool)
	for i := 0; i < *workers; i++ {
		go worker(jobs, results, quit) // L56
	}
	go collect(results, quit) // L58
loop:
	for j := 0; ; j++ {
		select { // L61: SIGTERM, or the next job's time
		case <-sigterm:
			break loop
		case <-time.After(*jobInterval):
		}
		select { // L66: an idle worker takes the job, or it is dropped
		case jobs <- j:
		case <-quit:
		default:
		}
	}
	close(jobs) // L72: no more jobs; idle workers return
	time.Sleep(time.Second)
}
