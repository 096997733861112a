// Command logmonitor is the service that follows the logs of many Docker
// containers, the program that models/logmonitor.py renders statement for
// statement. It is reconstructed from the code review that docs/findings.md
// summarises, which quoted the service's file, container_manager.go, by line
// number: a comment such as // L952 marks the statement the review calls line
// 952, and the model marks the same statement # L952 (the line numbers are the
// review's, not this file's; tests/test_selfcontained.py checks that the two
// files agree). Every field of Options is a parameter of the model, under the
// same name in snake case (RotationInterval is rotation_interval). AsWritten
// holds the values of the code as the review found it, with the bug of line
// 952: the reader's context is a child of the application context. The fix the
// review approved is the one change ReaderParent: "stream", which makes it a
// child of the stream's context. The program needs the Docker SDK and is
// neither built nor run here; the model is what runs.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log"
	"math/rand"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
)

// Options are the service's knobs: one field per parameter of
// models/logmonitor.py. The parameters of models/docker.py describe the Docker
// client and daemon, not this program, and have no field here.
type Options struct {
	Containers        int           // containers monitored at once
	RotationInterval  time.Duration // life of one log stream: streamCtx's timeout (L847)
	ReadBuffer        int           // capacity of readCh (L949)
	ReaderParent      string        // parent of readerCtx (L952): "app" as written, "stream" is the fix
	ReaderOnError     string        // after passing a read error on, the reader "return"s or "retry"s
	WaitReader        string        // how monitor waits for the reader at rotation (L883): "block", "timeout" or "skip"
	WaitTimeout       time.Duration // how long WaitReader "timeout" waits
	CloseOrder        string        // "close-then-cancel" or "cancel-then-close" (L877-878)
	RetryBackoff      time.Duration // pause after a failed ContainerLogs or read
	HeartbeatInterval time.Duration // ticker period of the heartbeat goroutine
	ProcessTime       time.Duration // time process takes for one log line
	StartStagger      time.Duration // containers start evenly spread over this window
	Churn             float64       // containers stopped and replaced by new ones, per hour
	AppContext        string        // "cancellable": WithCancel(Background), cancelled at shutdown; or "background"
}

// AsWritten is the code the review read: the model's defaults.
var AsWritten = Options{
	Containers:        55,
	RotationInterval:  5 * time.Minute,
	ReadBuffer:        10,
	ReaderParent:      "app",
	ReaderOnError:     "return",
	WaitReader:        "block",
	WaitTimeout:       10 * time.Second,
	CloseOrder:        "close-then-cancel",
	RetryBackoff:      time.Second,
	HeartbeatInterval: 30 * time.Second,
	ProcessTime:       0,
	StartStagger:      0,
	Churn:             0,
	AppContext:        "cancellable",
}

// logStream is one container's follow-mode log stream: Read returns the next line.
type logStream interface {
	Read() ([]byte, error)
	Close() error
}

// dockerClient is the part of the Docker SDK the service calls.
type dockerClient interface {
	ContainerLogs(ctx context.Context, id string) (logStream, error)
}

// sdkClient opens log streams with the Docker SDK: follow mode, only lines
// written from now on.
type sdkClient struct {
	cli *client.Client
}

func (c sdkClient) ContainerLogs(ctx context.Context, id string) (logStream, error) {
	body, err := c.cli.ContainerLogs(ctx, id, container.LogsOptions{
		ShowStdout: true,
		ShowStderr: true,
		Follow:     true,
		Tail:       "0",
	})
	if err != nil {
		return nil, err
	}
	return &lineStream{body: body, lines: bufio.NewReader(body)}, nil
}

// lineStream reads an HTTP response body a line at a time.
type lineStream struct {
	body  io.ReadCloser
	lines *bufio.Reader
}

func (s *lineStream) Read() ([]byte, error) {
	return s.lines.ReadBytes('\n')
}

func (s *lineStream) Close() error {
	return s.body.Close()
}

// readResult is what the reader goroutine passes to readLogs: a line or an error.
type readResult struct {
	data []byte
	err  error
}

// managedContainer is one container's cancel funcs, WaitGroups and counters.
type managedContainer struct {
	id            string
	cancel        context.CancelFunc
	readerCancel  context.CancelFunc // overwritten at every rotation (L955)
	heartbeatWg   sync.WaitGroup
	readerWg      sync.WaitGroup
	rotationCount int
	waitTimeouts  int
}

// ContainerManager starts, monitors and stops containers. Start and Stop are
// called from main only.
type ContainerManager struct {
	docker     dockerClient
	opt        Options
	wg         sync.WaitGroup // one per monitor goroutine
	containers map[string]*managedContainer
}

func NewContainerManager(docker dockerClient, opt Options) *ContainerManager {
	return &ContainerManager{
		docker:     docker,
		opt:        opt,
		containers: make(map[string]*managedContainer),
	}
}

// Start follows a container: a heartbeat goroutine, and a monitor goroutine
// that opens a log stream per rotation.
func (cm *ContainerManager) Start(ctx context.Context, id string) {
	mc := &managedContainer{id: id}
	cm.containers[id] = mc
	containerCtx, cancel := context.WithCancel(ctx) // L803
	mc.cancel = cancel
	mc.heartbeatWg.Add(1)
	go cm.heartbeat(containerCtx, mc) // L815
	cm.wg.Add(1)
	go cm.monitor(ctx, containerCtx, mc)
}

// Stop cancels a container's context and its current reader's, and waits for
// its heartbeat. It does not wait for the monitor: main does, at shutdown.
func (cm *ContainerManager) Stop(id string) {
	mc := cm.containers[id]
	mc.cancel()
	if mc.readerCancel != nil { // written by monitor at every rotation, read here without a lock
		mc.readerCancel()
	}
	mc.heartbeatWg.Wait()
}

func (cm *ContainerManager) heartbeat(ctx context.Context, mc *managedContainer) {
	defer mc.heartbeatWg.Done()
	ticker := time.NewTicker(cm.opt.HeartbeatInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			// the container is alive; what the service reports is not modelled
		case <-ctx.Done():
			return
		}
	}
}

// monitor rotates the container's log stream every RotationInterval until the
// container's context ends. ctx is the application context, passed on to
// readLogs.
func (cm *ContainerManager) monitor(ctx, containerCtx context.Context, mc *managedContainer) {
	defer cm.wg.Done()
	for containerCtx.Err() == nil {
		streamCtx, streamCancel := context.WithTimeout(containerCtx, cm.opt.RotationInterval) // L847
		stream, err := cm.docker.ContainerLogs(streamCtx, mc.id)                              // L853
		if err != nil {
			streamCancel()
			select {
			case <-containerCtx.Done():
			case <-time.After(cm.opt.RetryBackoff):
			}
			continue
		}
		cm.readLogs(ctx, streamCtx, mc, stream)
		if cm.opt.CloseOrder == "close-then-cancel" {
			stream.Close() // L877
			streamCancel() // L878
		} else {
			streamCancel()
			stream.Close()
		}
		switch cm.opt.WaitReader {
		case "block":
			mc.readerWg.Wait() // L883
		case "timeout":
			waitDone := make(chan struct{})
			go func() {
				mc.readerWg.Wait()
				close(waitDone)
			}()
			select {
			case <-waitDone:
			case <-time.After(cm.opt.WaitTimeout):
				mc.waitTimeouts++
			}
		case "skip":
			// the next stream opens at once, whatever the reader is doing
		}
		mc.rotationCount++
	}
}

// readLogs starts a reader goroutine on the stream and processes what it reads
// until the stream's context ends or the reader passes on an error.
func (cm *ContainerManager) readLogs(ctx, streamCtx context.Context, mc *managedContainer, stream logStream) {
	readCh := make(chan readResult, cm.opt.ReadBuffer) // L949
	parent := ctx                                      // as written: the application context, the bug
	if cm.opt.ReaderParent == "stream" {
		parent = streamCtx // the fix
	}
	readerCtx, readerCancel := context.WithCancel(parent) // L952
	mc.readerCancel = readerCancel                        // L955
	mc.readerWg.Add(1)
	go func() { // L958
		defer mc.readerWg.Done()
		for {
			data, err := stream.Read()
			select { // L981-986
			case readCh <- readResult{data, err}:
			case <-readerCtx.Done():
				return
			}
			if err != nil {
				if cm.opt.ReaderOnError == "return" {
					return
				}
				select {
				case <-readerCtx.Done():
					return
				case <-time.After(cm.opt.RetryBackoff):
				}
			}
		}
	}()
	for {
		select {
		case result := <-readCh:
			if result.err != nil {
				return
			}
			cm.process(mc, result.data)
		case <-streamCtx.Done():
			return
		}
	}
}

// process handles one log line. What it does with the line is not modelled,
// only how long it takes; it watches no context.
func (cm *ContainerManager) process(mc *managedContainer, line []byte) {
	if cm.opt.ProcessTime > 0 {
		time.Sleep(cm.opt.ProcessTime)
	}
}

// main runs the load test: it starts the containers spread over StartStagger,
// replaces one at random Churn times an hour, and on SIGTERM stops every
// container, waits for the monitors and cancels the application context.
func main() {
	opt := AsWritten
	cli, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.Background(), context.CancelFunc(nil)
	if opt.AppContext == "cancellable" {
		ctx, cancel = context.WithCancel(context.Background())
	}
	cm := NewContainerManager(sdkClient{cli}, opt)

	sigterm := make(chan os.Signal, 1)
	signal.Notify(sigterm, syscall.SIGTERM)

	var running []string
	started, nextID := 0, opt.Containers
	startNext := time.After(0)
	churn := churnAfter(opt)
	for {
		select {
		case <-startNext:
			id := fmt.Sprintf("c%03d", started)
			cm.Start(ctx, id)
			running = append(running, id)
			started++
			startNext = nil
			if started < opt.Containers {
				startNext = time.After(opt.StartStagger / time.Duration(opt.Containers))
			}
		case <-churn:
			if len(running) > 0 {
				i := rand.Intn(len(running))
				cm.Stop(running[i])
				running = append(running[:i], running[i+1:]...)
				id := fmt.Sprintf("c%03d", nextID)
				cm.Start(ctx, id)
				running = append(running, id)
				nextID++
			}
			churn = churnAfter(opt)
		case <-sigterm:
			for _, id := range running {
				cm.Stop(id)
			}
			cm.wg.Wait()
			if cancel != nil {
				cancel()
			}
			return
		}
	}
}

// churnAfter returns when the next container is to be replaced: exponentially
// distributed, Churn times an hour on average; never if Churn is 0.
func churnAfter(opt Options) <-chan time.Time {
	if opt.Churn <= 0 {
		return nil
	}
	return time.After(time.Duration(rand.ExpFloat64() * float64(time.Hour) / opt.Churn))
}
