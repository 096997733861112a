"""GoKer: the 63 blocking bugs Go 1.27 ships, translated at run time and searched.

The programs are read from the installed toolchain's GOROOT
(``src/runtime/testdata/testgoroutineleakprofile/goker/``) and nothing of them is
copied: each is translated when it is first run, together with a stub of the
suite's ``main.go`` (``register`` and ``yieldCount`` only: the entry function is
called directly). What Go expects of each program, the regular expressions over
``"function(...) [wait reason]"`` strings, is parsed from Go's own test,
``src/runtime/goroutineleakprofile_test.go``, and a program's leaks are built
from simlab's goroutineleak profile by a port of that test's ``extractLeaks``.

A program is *found* when one schedule's profile has exactly Go's expected
leaks: every expected regular expression matches a leak, and every leak matches
one (a leak no expression matches is an *extra*). The search runs fifo, then
random on a clock where every operation takes 1us (``random@1us``), random, pct,
preemptive random (``random:preempt``) and both (``random:preempt@1us``) seeds in
turn, up to ``budget`` schedules.

.. code-block:: python

    from simlab.translate import goker

    rows = goker.run_goker(["Cockroach584"], budget=100)
    print(goker.format_table(rows))
"""

from __future__ import annotations

import functools
import gc
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import simlab as sl
from simlab.errors import Deadlock, FatalError, GoPanic, Livelock, SimlabError

from . import entry, golib, load, translate_all
from .goker_scaled import ONE_COPY, SCALED, Scaled
from .toolchain import TranslateError, go_binary, go_env

__all__ = [
    "Program",
    "expectations",
    "extract_leaks",
    "format_categories",
    "format_table",
    "programs",
    "run_goker",
    "run_one",
    "search",
]

SUITE = "src/runtime/testdata/testgoroutineleakprofile/goker"
TEST = "src/runtime/goroutineleakprofile_test.go"
UNTIL = sl.Minute  # every program profiles within milliseconds of simulated time

# The suite's main.go reads os.Args to pick a program; the stub only declares what
# the programs use from it. The entry function is run directly.
_STUB_MAIN = """package main

const yieldCount = 10

func register(name string, f func()) {}

func registerInit(name string, f func()) {}
"""


def goroot() -> Path:
    """The GOROOT of the toolchain the translator uses."""
    go, extra = go_binary()
    if "GOROOT" in extra:
        return Path(extra["GOROOT"])
    out = subprocess.run(
        [str(go), "env", "GOROOT"], env=go_env(extra), capture_output=True, text=True, check=True
    )
    return Path(out.stdout.strip())


# --- what Go's test expects ------------------------------------------------------


@dataclass
class Expectation:
    name: str
    flaky: bool
    regexes: list[str]


def expectations(test_source: str | None = None) -> dict[str, Expectation]:
    """The GoKer cases of Go's test, by the name a program registers: their regexes."""
    if test_source is None:
        test_source = (goroot() / TEST).read_text()
    start = test_source.index("gokerTestCases := []testCase{")
    block = test_source[start:]
    block = block[: block.index("\n\t}\n")]
    code = "\n".join(line for line in block.splitlines() if not line.lstrip().startswith("//"))
    out = {}
    case = r'(makeFlakyTest|makeTest)\(\s*"(\w+)"((?:\s*,\s*`[^`]*`)*)\s*,?\s*\)'
    for m in re.finditer(case, code):
        out[m.group(2)] = Expectation(
            m.group(2), m.group(1) == "makeFlakyTest", re.findall(r"`([^`]*)`", m.group(3))
        )
    return out


_HEADER = re.compile(r"goroutine \d+ \[")


def extract_leaks(output: str) -> list[str]:
    """Go's ``extractLeaks``: ``"leaked.func1(...) [wait reason]"`` per leaked goroutine."""
    leaks = []
    for stack in output.split("\n\ngoroutine"):
        lines = stack.split("\n")
        if len(lines) < 5 or "(leaked)" not in lines[0]:
            continue
        reason = _HEADER.sub("[", lines[0]).replace(" (leaked)", "")
        func = ""
        for i in range(len(lines) - 1, -1, -1):
            if "created by" in lines[i]:
                func = lines[i - 2].removeprefix("main.")
                break
        if not func:
            raise SimlabError(f"no function name in a leaked stack: {lines}")
        leaks.append(f"{func} {reason}")
    return leaks


def match(regexes: list[str], leaks: list[str]) -> tuple[list[str], list[str]]:
    """(the regexes no leak matches, the leaks no regex matches), as Go's test decides."""
    compiled = [re.compile(r) for r in regexes]
    missing = [r.pattern for r in compiled if not any(r.search(x) for x in leaks)]
    extra = [x for x in leaks if not any(r.search(x) for r in compiled)]
    return missing, extra


# --- the programs ----------------------------------------------------------------


@dataclass
class Program:
    name: str  # as registered: Cockroach584
    file: Path
    entry: str  # the Go function run as main
    project: str
    category: str  # GoBench's Type / Sub-type, from the suite's README
    flaky: str  # GoBench's "Flaky: 40/100" header, if any
    expected: Expectation | None


def _readme_categories(readme: str) -> dict[str, str]:
    out = {}
    for sec in re.split(r"\n## ", readme)[1:]:
        title = sec.split("\n", 1)[0].strip()
        row = re.search(r"\n\|\s*\[[^\n]*\|\s*([^|\n]+?)\s*\|\s*([^|\n]+?)\s*\|\s*\n", sec)
        if row:
            out[title.replace("/", "").lower()] = f"{row.group(1)} / {row.group(2)}"
    return out


# Kubernetes1321 has no active case in Go's test (a data race in the original program
# can crash it). Its commented-out case names the first goroutine by a go-statement
# wrapper, NewMux_kubernetes1321.gowrap1, which Go 1.27.3 does not show: run 10 times,
# it printed "(*Mux_kubernetes1321).loop(...) [chan send]" and
# "testMuxWatcherClose_kubernetes1321() [sync.Mutex.Lock]", 1,000 of each, every time
# (tests/data/goker_go_detection.json, `make record-goker`). These are the leaks its
# README describes; the regexes are that case's, with the function Go printed.
OWN_EXPECTATIONS = {
    "Kubernetes1321": Expectation(
        "Kubernetes1321",
        False,
        [
            r"\(\*Mux_kubernetes1321\)\.loop\(.* \[chan send\]",
            r"testMuxWatcherClose_kubernetes1321\(.* \[sync\.Mutex\.Lock\]",
        ],
    ),
}


@functools.cache
def programs() -> dict[str, Program]:
    """Every GoKer program of the installed toolchain, by registered name."""
    root = goroot()
    suite = root / SUITE
    expect = expectations((root / TEST).read_text())
    cats = _readme_categories((suite / "README.md").read_text())
    out = {}
    for path in sorted(suite.glob("*.go")):
        if path.name == "main.go":
            continue
        src = path.read_text()
        reg = re.search(r'register(?:Init)?\("(\w+)",\s*(\w+)\)', src)
        if reg is None:
            continue
        flaky = re.search(r"Flaky:\s*(\S+)", src)
        proj = re.search(r"Project:\s*(\S+)", src)
        out[reg.group(1)] = Program(
            name=reg.group(1),
            file=path,
            entry=reg.group(2),
            project=proj.group(1) if proj else re.sub(r"\d+$", "", path.stem),
            category=cats.get(path.stem, ""),
            flaky=flaky.group(1) if flaky else "",
            expected=expect.get(reg.group(1), OWN_EXPECTATIONS.get(reg.group(1))),
        )
    return out


# --- programs whose expected leaks cannot happen --------------------------------


@dataclass(frozen=True)
class Unreachable:
    """Why no schedule of GoKer's program gives Go's expected leaks, and the evidence:
    a small instance (``shrink``, patches of the Go source) whose every schedule the
    search runs, and the change (``race``) after which the leaks do happen."""

    why: str
    instance: str  # what ``shrink`` leaves, in words
    shrink: tuple[tuple[str, str], ...]
    race: tuple[tuple[str, str], ...]


UNREACHABLE: dict[str, Unreachable] = {
    "Moby27782": Unreachable(
        why=(
            "readLogs holds the logger's mutex for the whole of followLogs, and only "
            "JSONFileLogger.Close, which takes that mutex, closes the watch's "
            "closeNotifier: waitRead never sees WatchClose, so it never calls Remove"
        ),
        instance="the program with two containers instead of 10,000 (each its own logger)",
        shrink=(("i < 10000", "i < 2"),),
        race=(
            ("i < 10000", "i < 1"),
            ("\tl.mu.Lock()\n\tdefer l.mu.Unlock()\n\n\tl.readers", "\tl.readers"),
        ),
    ),
}


# --- the fixes ----------------------------------------------------------------------

# Each program's bug fixed as its README entry describes: (old, new) replacements of
# a few tokens of its Go source, applied before translating; the old text must be
# there exactly once, or (old, new, n) exactly n times. The fixed program must leak
# nothing in any schedule.
Patch = tuple[str, str] | tuple[str, str, int]

FIXES: dict[str, tuple[Patch, ...]] = {
    # the loops break out holding g.mu: unlock first
    "Cockroach584": (("break", "g.mu.Unlock()\n\t\t\tbreak", 2),),
    # the senders do not watch the context the reader gave up on
    "Cockroach18101": (
        (
            "readyForImportCh <- (false || i != 0)",
            "select {\n\t\tcase readyForImportCh <- (false || i != 0):\n"
            "\t\tcase <-ctx.Done():\n\t\t\treturn\n\t\t}",
        ),
    ),
    # nobody rolls the transaction back, so its context is never cancelled
    "Cockroach13197": (
        ("db.begin(context.Background())", "db.begin(context.Background()).Rollback()"),
    ),
    # exit is called with l.mu held: it must not lock it again
    "Cockroach9935": (("l.mu.Lock() // Blocked forever\n\tdefer l.mu.Unlock()", ""),),
    # Start sends on the compactor's full channel before its reader runs: it must not
    "Cockroach24808": (("\tc.ch <- struct{}{}\n\tstopper.RunWorker", "\tstopper.RunWorker"),),
    # Status waits for a node that stopped: give up once it is done
    "Etcd6857": (
        (
            "\tn.status <- c\n\treturn <-c",
            "\tselect {\n\tcase n.status <- c:\n\t\treturn <-c\n"
            "\tcase <-n.done:\n\t\treturn Status_etcd6857{}\n\t}",
        ),
    ),
    # the worker's answer has nowhere to go once the loop stopped: buffer it
    "Grpc660": (("done := make(chan bool)", "done := make(chan bool, 1)"),),
    # a second GracefulStop locks where it meant to unlock
    "Grpc795": (("if s.drain {\n\t\ts.mu.Lock()", "if s.drain {\n\t\ts.mu.Unlock()"),),
    # the drainer goroutine waits on channels the senders gave up on
    "Cockroach10790": (
        (
            "\t\t\t\t\t<-ch\n",
            "\t\t\t\t\tselect {\n\t\t\t\t\tcase <-ch:\n\t\t\t\t\tcase <-ctxDone:\n\t\t\t\t\t}\n",
        ),
    ),
    # getDatabaseCache read-locks what its caller already read-locked
    "Cockroach16167": (
        (
            "getDatabaseCache() {\n\te.systemConfigMu.RLock()\n\tdefer e.systemConfigMu.RUnlock()",
            "getDatabaseCache() {",
        ),
    ),
    # the queue waits for the store to drain instead of asking whether it is draining
    "Cockroach25456": (
        (
            "\t<-repl.store.Stopper().ShouldQuiesce()",
            "\tselect {\n\tcase <-repl.store.Stopper().ShouldQuiesce():\n\tdefault:\n\t}",
        ),
    ),
    # the outbox fails at start without closing its row channel
    "Cockroach35073": (
        ("run(wg *sync.WaitGroup) {", "run(wg *sync.WaitGroup) {\n\tm.ConsumerClosed()"),
    ),
    # the canceller blocks on the first full stream: push without blocking
    "Cockroach35931": (
        (
            "\trc.dataChan <- struct{}{}",
            "\tselect {\n\tcase rc.dataChan <- struct{}{}:\n\tdefault:\n\t}",
        ),
    ),
    # String read-locks what LookupRangeDescriptor already read-locked
    "Cockroach6181": (("[]byte(rdc.String())", "[]byte(rdc.stringLocked())"),),
    # Sync calls SetEndpoints holding the client's lock, and Do read-locks it
    "Etcd6708": (
        (
            "\tdefer c.Unlock()\n\n\tc.SetEndpoints()",
            "\tc.Unlock()\n\tc.SetEndpoints()",
        ),
    ),
    # notify read-locks what clearAddresses holds
    "Syncthing4829": (
        (
            "\tif len(removed) > 0 {\n\t\tm.notify(nil, removed)\n\t}\n\tm.mut.Unlock()",
            "\tm.mut.Unlock()\n\tif len(removed) > 0 {\n\t\tm.notify(nil, removed)\n\t}",
        ),
    ),
    # stop waits for the broadcaster holding the lock the broadcaster needs
    "Etcd6873": (
        (
            "\tdefer wbs.mu.Unlock()\n\tclose(wbs.updatec)\n",
            "\tclose(wbs.updatec)\n\twbs.mu.Unlock()\n",
        ),
    ),
    # init waits for all plugins inside the loop that starts them: wait after it
    "Moby25348": (("\t\tgroup.Wait() // Block here\n\t}", "\t}\n\tgroup.Wait()"),),
    # removeDeviceAndWait lets go of the global lock while the device lock is held,
    # and takes it again: the other order. Keep holding it.
    "Moby4951": (
        (
            "\tdevices.Unlock()\n\ttime.Sleep(300 * time.Nanosecond)\n\tdevices.Lock()",
            "\ttime.Sleep(300 * time.Nanosecond)",
        ),
    ),
    # the caller's context is never cancelled: close the rows
    "Cockroach13755": (
        (
            "rs.initContextClose(context.Background())",
            "rs.initContextClose(context.Background())\n\trs.close(nil)",
        ),
    ),
    # Renew calls the checkpointer holding le.mu: Checkpoint must not lock it again
    "Etcd10492": (("le.mu.Lock() // Lock acquired twice here\n\tdefer le.mu.Unlock()", ""),),
    # the worker's answer has nowhere to go once the caller timed out: buffer it
    "Kubernetes5316": (
        ("ch := make(chan bool)", "ch := make(chan bool, 1)"),
        ("errCh := make(chan error)", "errCh := make(chan error, 1)"),
    ),
    # run no longer cancels, and gives up its result once the watch is stopped
    "Kubernetes25331": (
        ("\t\twc.cancel() // Removed in fix\n", ""),
        (
            "\t\twc.resultChan <- errResult",
            "\t\tselect {\n\t\tcase wc.resultChan <- errResult:\n\t\tcase <-wc.ctx.Done():\n\t\t}",
        ),
    ),
    # the early return keeps the device lock: unlock on every path
    "Moby17176": (("\t\treturn nil", "\t\tdevices.Unlock()\n\t\treturn nil"),),
    # waitActive waits for an activation that failed: stop waiting on an error
    "Moby30408": (("for !p.activated() {", "for !p.activated() && p.activateErr == nil {"),),
    # the probe's result is never read once the monitor stops: buffer it
    "Moby33781": (("results := make(chan bool)", "results := make(chan bool, 1)"),),
    # hotRemoveVHDsAtStart is called with the lock held: it must not take it again
    "Moby36114": (
        (
            "hotRemoveVHDsAtStart() {\n\tsvm.Lock()\n\tdefer svm.Unlock()",
            "hotRemoveVHDsAtStart() {",
        ),
    ),
    # sendQueuedHeartbeats holds coalescedMu while it locks each replica's raftMu, and
    # tick takes them the other way round: take the responses, then unlock first
    "Cockroach10214": (
        (
            "\tdefer s.coalescedMu.Unlock() // L2 release\n"
            "\tfor i := 0; i < len(s.coalescedMu.heartbeatResponses); i++ {",
            "\tresponses := s.coalescedMu.heartbeatResponses\n"
            "\ts.coalescedMu.heartbeatResponses = nil\n"
            "\ts.coalescedMu.Unlock()\n"
            "\tfor i := 0; i < len(responses); i++ {",
        ),
    ),
    # Stop waits for the workers holding s.mu, which a task that saw the stopper not
    # draining needs to start: Stop quiesces, then waits unlocked; Quiesce leaves
    # draining set and StartTask checks it again under the lock; and a started task
    # finishes (its drain.Done, which the reduced program left out)
    "Cockroach1055": (
        (
            "\ts.mu.Lock() // L1\n\tdefer s.mu.Unlock()\n\tatomic.StoreInt32(&s.draining, 1)\n"
            "\ts.drain.Wait()\n\tclose(s.stopper)",
            "\ts.Quiesce()\n\tclose(s.stopper)",
        ),
        ("\tatomic.StoreInt32(&s.draining, 0)\n", ""),
        (
            "\t\tdefer s.mu.Unlock()\n\t\ts.drain.Add(1)",
            "\t\tdefer s.mu.Unlock()\n\t\tif atomic.LoadInt32(&s.draining) == 1 {\n"
            "\t\t\treturn false\n\t\t}\n\t\ts.drain.Add(1)",
        ),
        (
            "\t\t\t\t\ts.StartTask()\n",
            "\t\t\t\t\tif s.StartTask() {\n\t\t\t\t\t\ts.drain.Done()\n\t\t\t\t\t}\n",
        ),
    ),
    # the transport's worker sends events nobody reads once the reader stopped: send
    # each one as a task, so that Stop drains it before it closes the stopper
    "Cockroach1462": (
        (
            "\t\t\t\tlt.Events <- interceptMessage_cockroach1462(0)\n",
            "\t\t\t\tif lt.stopper.StartTask() {\n"
            "\t\t\t\t\tlt.Events <- interceptMessage_cockroach1462(0)\n"
            "\t\t\t\t\tlt.stopper.FinishTask()\n\t\t\t\t}\n",
        ),
    ),
    # the raft loop blocks sending an event while the store waits to hand it a callback:
    # queue the events, and send the next one from the loop's select
    "Cockroach2448": (
        (
            "\tcallbackChan chan func()\n}",
            "\tcallbackChan chan func()\n\tpendingEvents []interface{}\n}",
        ),
        (
            "\tselect {\n\tcase m.Events <- event: // Waiting for events consumption\n"
            "\tcase <-m.stopper.ShouldStop():\n\t}",
            "\tm.pendingEvents = append(m.pendingEvents, event)",
        ),
        (
            "\tfor {\n\t\tselect {\n\t\tcase <-s.stopper.ShouldStop():\n\t\t\treturn\n"
            "\t\tcase cb := <-s.callbackChan:\n\t\t\tcb()\n",
            "\tfor {\n\t\tvar eventsChan chan interface{}\n\t\tvar event interface{}\n"
            "\t\tif len(s.pendingEvents) > 0 {\n\t\t\teventsChan = s.Events\n"
            "\t\t\tevent = s.pendingEvents[0]\n\t\t}\n"
            "\t\tselect {\n\t\tcase <-s.stopper.ShouldStop():\n\t\t\treturn\n"
            "\t\tcase cb := <-s.callbackChan:\n\t\t\tcb()\n"
            "\t\tcase eventsChan <- event:\n\t\t\ts.pendingEvents = s.pendingEvents[1:]\n",
        ),
    ),
    # ForceRaftLogScanAndProcess read-locks s.mu and RaftStatus read-locks it again,
    # with a writer waiting between: collect the replicas, unlock, then queue them
    "Cockroach3710": (
        (
            "\ts.mu.RLock()\n\truntime.Gosched()\n\tfor _, r := range s.replicas {\n"
            "\t\ts.raftLogQueue.MaybeAdd(r)\n\t}\n\ts.mu.RUnlock()\n",
            "\ts.mu.RLock()\n\truntime.Gosched()\n\tvar replicas []*Replica_cockroach3710\n"
            "\tfor _, r := range s.replicas {\n\t\treplicas = append(replicas, r)\n\t}\n"
            "\ts.mu.RUnlock()\n\tfor _, r := range replicas {\n"
            "\t\ts.raftLogQueue.MaybeAdd(r)\n\t}\n",
        ),
    ),
    # release holds the lease's lock while it takes the name cache's, the other order
    # of AcquireByName: let go of the lease before removing it from the cache
    "Cockroach7504": (("\tdefer s.mu.Unlock() // L1\n", "\ts.mu.Unlock()\n"),),
    # acquire returns on a closed client still holding its read lock
    "Etcd5509": (
        (
            "return ErrConnClosed_etcd5509 // Missing RUnlock before return",
            "r.client.mu.RUnlock()\n\t\t\treturn ErrConnClosed_etcd5509",
        ),
    ),
    # the token keeper's loop takes simpleTokensMu to delete tokens while a holder of
    # it waits to hand the loop a token: add tokens directly under that lock, and let
    # the loop delete them holding it, with no channel between
    "Etcd7492": (
        (
            "\tdeleteTokenFunc  func(string)\n}",
            "\tdeleteTokenFunc  func(string)\n\tmu               *sync.RWMutex\n}",
        ),
        (
            "NewSimpleTokenTTLKeeper_etcd7492(deletefunc func(string))",
            "NewSimpleTokenTTLKeeper_etcd7492(deletefunc func(string), mu *sync.RWMutex)",
        ),
        ("\t\tdeleteTokenFunc:  deletefunc,\n", "\t\tdeleteTokenFunc:  deletefunc,\n\t\tmu: mu,\n"),
        (
            "\t\tcase <-tm.addSimpleTokenCh:\n\t\t\truntime.Gosched()\n"
            "\t\t\t/// Make tm.tokens not empty is enough\n"
            '\t\t\ttm.tokens["1"] = time.Now()\n',
            "",
        ),
        (
            "\t\t\tfor t, _ := range tm.tokens {\n\t\t\t\ttm.deleteTokenFunc(t)\n"
            "\t\t\t\tdelete(tm.tokens, t)\n\t\t\t}\n",
            "\t\t\ttm.mu.Lock()\n\t\t\tfor t, _ := range tm.tokens {\n"
            "\t\t\t\ttm.deleteTokenFunc(t)\n\t\t\t\tdelete(tm.tokens, t)\n\t\t\t}\n"
            "\t\t\ttm.mu.Unlock()\n",
        ),
        ("\ttm.addSimpleTokenCh <- struct{}{}\n", '\ttm.tokens["1"] = time.Now()\n'),
        ("\t\tt.simpleTokensMu.Lock()\n\t\tdefer t.simpleTokensMu.Unlock()\n", ""),
        (
            "NewSimpleTokenTTLKeeper_etcd7492(newDeleterFunc(t))",
            "NewSimpleTokenTTLKeeper_etcd7492(newDeleterFunc(t), &t.simpleTokensMu)",
        ),
    ),
    # a follower blocks in release holding mu, and only the leader, which needs mu to
    # release, can unblock it: release without the lock
    "Etcd7902": (
        (
            "\t\t\t\tmu.Lock()\n\t\t\t\trc.release()\n\t\t\t\tmu.Unlock()\n",
            "\t\t\t\trc.release()\n",
        ),
    ),
    # CloseStream never tells the stream's reader: send it the end of the stream, and
    # Read returns it as an error
    "Grpc1275": (
        (
            "\tcase <-r.recv.get():\n\t}\n\treturn 0, nil",
            "\tcase ok := <-r.recv.get():\n\t\tif !ok {\n\t\t\treturn 0, io.EOF\n\t\t}\n"
            "\t}\n\treturn 0, nil",
        ),
        (
            "CloseStream(s *Stream_grpc1275) {\n",
            "CloseStream(s *Stream_grpc1275) {\n"
            "\ts.trReader.(*recvBufferReader_grpc1275).recv.c <- false\n",
        ),
    ),
    # lbWatcher returns without closing the channel its starter waits on
    "Grpc1424": (
        (
            "lbWatcher(doneChan chan bool) {\n",
            "lbWatcher(doneChan chan bool) {\n\tdefer close(doneChan)\n",
        ),
    ),
    # keepalive waits to be woken holding t.mu, which NewStream needs to wake it: keep
    # the channel full while keepalive is awake, empty it under the lock before going
    # dormant, and wait unlocked; NewStream wakes it and fills the channel again
    "Grpc1460": (
        (
            "\t\t<-t.awakenKeepalive\n\t\truntime.Gosched()\n\t\tt.mu.Unlock()\n",
            "\t\t<-t.awakenKeepalive\n\t\tt.mu.Unlock()\n"
            "\t\t<-t.awakenKeepalive\n\t\truntime.Gosched()\n",
        ),
        (
            "\t\tcase t.awakenKeepalive <- struct{}{}:\n",
            "\t\tcase t.awakenKeepalive <- struct{}{}:\n\t\t\tt.awakenKeepalive <- struct{}{}\n",
        ),
        (
            "\t\t\t\tawakenKeepalive: make(chan struct{}),\n\t\t\t}\n",
            "\t\t\t\tawakenKeepalive: make(chan struct{}, 1),\n\t\t\t}\n"
            "\t\t\tclient.awakenKeepalive <- struct{}{}\n",
        ),
    ),
    # the timer's callback returns with ccc.mu held when its deletion was aborted
    "Grpc3017": (
        (
            "\t\t\treturn // Missing unlock\n",
            "\t\t\tccc.mu.Unlock()\n\t\t\treturn\n",
        ),
    ),
    # DialContext returns no connection without closing the one it made, whose
    # URLLock waits for the URL's mutex holding the map's write lock, which its holder
    # needs (read) to unlock it: take the URL's mutex after unlocking the map
    "Hugo3251": (
        (
            "\tl.Lock() // L1\n\tif _, ok := l.m[url]; !ok {\n\t\tl.m[url] = &sync.Mutex{}\n"
            "\t}\n\tl.m[url].Lock() // L2\n\truntime.Gosched()\n\tl.Unlock() // L1\n",
            "\tl.Lock()\n\tlock, ok := l.m[url]\n\tif !ok {\n\t\tlock = &sync.Mutex{}\n"
            "\t\tl.m[url] = lock\n\t}\n\tl.Unlock()\n\truntime.Gosched()\n\tlock.Lock()\n",
        ),
    ),
    # the content goroutine holds contentInitMu and renders a shortcode that locks it
    # again: initContent holds the lock itself around the wait, not the goroutine
    "Hugo5379": (
        (
            "\t\tgo func() { // G2\n\t\t\tvar err error\n"
            "\t\t\tp.contentInitMu.Lock() // first lock here\n"
            "\t\t\tdefer p.contentInitMu.Unlock()\n",
            "\t\tp.contentInitMu.Lock()\n\t\tdefer p.contentInitMu.Unlock()\n\n"
            "\t\tgo func() {\n\t\t\tvar err error\n",
        ),
    ),
    # the handler sends on done holding the lock the test takes before it receives:
    # unlock before sending; and on stop the monitor waits for one more event nobody
    # sends: return
    "Istio16224": (
        (
            "\t\t\t\tdefer lock.Unlock()\n\t\t\t\tdone <- true",
            "\t\t\t\tlock.Unlock()\n\t\t\t\tdone <- true",
        ),
        (
            "\t\t\tif _, ok := <-m.eventCh; ok {\n\t\t\t\tclose(m.eventCh)\n\t\t\t}\n\t\t\treturn",
            "\t\t\treturn",
        ),
    ),
    # a restart's status has nobody to read it once Run returned: Run closes a channel
    # when it returns, and runWait gives up then
    "Istio17860": (
        (
            "\tactiveEpochs map[int]struct{}\n}",
            "\tactiveEpochs map[int]struct{}\n\tdone         chan struct{}\n}",
        ),
        (
            "Run(ctx context.Context) {\n\tfor {",
            "Run(ctx context.Context) {\n\tdefer close(a.done)\n\tfor {",
        ),
        (
            "\ta.statusCh <- exitStatus_istio17860(epoch)\n",
            "\tselect {\n\tcase a.statusCh <- exitStatus_istio17860(epoch):\n"
            "\tcase <-a.done:\n\t}\n",
        ),
        (
            "\t\tactiveEpochs: make(map[int]struct{}),\n",
            "\t\tactiveEpochs: make(map[int]struct{}),\n\t\tdone:         make(chan struct{}),\n",
        ),
    ),
    # the loop drains a timer that already fired and was received, and waits forever;
    # then OnChange blocks on the full reset channel: drain without blocking
    "Istio18454": (
        (
            "\t\t\t\tif !s.timer.Stop() {\n\t\t\t\t\t<-s.timer.C\n\t\t\t\t}\n",
            "\t\t\t\tif !s.timer.Stop() {\n\t\t\t\t\tselect {\n\t\t\t\t\tcase <-s.timer.C:\n"
            "\t\t\t\t\tdefault:\n\t\t\t\t\t}\n\t\t\t\t}\n",
        ),
    ),
    # the syncer takes the status lock after each receive, while a sender holds it
    # waiting for the syncer: a pod gone from the server needs no delete
    "Kubernetes10182": (
        ("\t<-s.podStatusChannel\n\ts.DeletePodStatus()", "\t<-s.podStatusChannel"),
    ),
    # the notifier locks what the service loop holds, and a signal can come before the
    # wait: a channel of one tells the service loop of a change instead, without blocking
    "Kubernetes11298": (
        ("\tcond *sync.Cond\n}", "\tchanged chan struct{}\n}"),
        (
            "\tn.lock.Lock()\n\tdefer n.lock.Unlock()\n\tfor {\n\t\tselect {\n\t\tcase <-abort:\n"
            "\t\t\treturn\n\t\tdefault:\n\t\t\tch := After_kubernetes11298(func() {\n"
            "\t\t\t\tn.cond.Wait()\n\t\t\t})\n\t\t\tselect {\n\t\t\tcase <-abort:\n"
            "\t\t\t\tn.cond.Signal()\n\t\t\t\t<-ch\n\t\t\t\treturn\n\t\t\tcase <-ch:\n\t\t\t}\n",
            "\tfor {\n\t\tselect {\n\t\tcase <-abort:\n\t\t\treturn\n\t\tcase <-n.changed:\n"
            "\t\t\tn.lock.Lock()\n\t\t\tn.lock.Unlock()\n",
        ),
        ("\tn.cond = sync.NewCond(&n.lock)", "\tn.changed = make(chan struct{}, 1)"),
        (
            "\t\t\t\t\t\tn.cond.Signal()\n\t\t\t\t\t}()",
            "\t\t\t\t\t}()\n\t\t\t\t\tselect {\n\t\t\t\t\tcase n.changed <- struct{}{}:\n"
            "\t\t\t\t\tdefault:\n\t\t\t\t\t}",
        ),
    ),
    # the cacher's own lock stands for "not initialized yet" and is held across the
    # reflector's calls into the watch cache: a separate lock marks the cacher usable
    "Kubernetes13135": (
        ("\tsync.Mutex\n\tinitialized", "\tsync.Mutex\n\tusable      sync.RWMutex\n\tinitialized"),
        (
            "startCaching(stopChannel <-chan struct{}) {\n\tc.Lock()",
            "startCaching(stopChannel <-chan struct{}) {\n\tc.usable.Lock()",
        ),
        ("\t\tcacher.Unlock()", "\t\tcacher.usable.Unlock()"),
    ),
    # distribute sends holding the lock that stopWatching needs to close the result:
    # Stop closes a second channel first, and distribute gives up on it
    "Kubernetes1321": (
        ("\tresult chan struct{}\n", "\tresult  chan struct{}\n\tstopped chan struct{}\n"),
        (
            "\t\tresult: make(chan struct{}),\n",
            "\t\tresult:  make(chan struct{}),\n\t\tstopped: make(chan struct{}),\n",
        ),
        ("\tmw.m.stopWatching(mw.id)", "\tclose(mw.stopped)\n\tmw.m.stopWatching(mw.id)"),
        (
            "\t\tw.result <- struct{}{}\n",
            "\t\tselect {\n\t\tcase w.result <- struct{}{}:\n\t\tcase <-w.stopped:\n\t\t}\n",
        ),
    ),
    # pop waits for the stop channel holding the listener's lock: hold it only while
    # waiting for a notification
    "Kubernetes26980": (
        (
            "\tp.lock.Lock()\n\truntime.Gosched()\n\tdefer p.lock.Unlock()\n\tfor {\n"
            "\t\tfor len(p.pendingNotifications) == 0 {\n\t\t\tselect {\n\t\t\tcase <-stopCh:\n"
            "\t\t\t\treturn\n\t\t\tdefault:\n\t\t\t}\n\t\t\tp.cond.Wait()\n\t\t}\n",
            "\tfor {\n\t\tstopped := func() bool {\n\t\t\tp.lock.Lock()\n\t\t\truntime.Gosched()\n"
            "\t\t\tdefer p.lock.Unlock()\n\t\t\tfor len(p.pendingNotifications) == 0 {\n"
            "\t\t\t\tselect {\n\t\t\t\tcase <-stopCh:\n\t\t\t\t\treturn true\n\t\t\t\tdefault:\n"
            "\t\t\t\t}\n\t\t\t\tp.cond.Wait()\n\t\t\t}\n\t\t\treturn false\n\t\t}()\n"
            "\t\tif stopped {\n\t\t\treturn\n\t\t}\n",
        ),
    ),
    # ClustersSynced asks the queue holding the informer's lock, and the queue's handler
    # takes that lock: copy the controller under the lock, ask it after
    "Kubernetes30872": (
        (
            "\tf.Lock() // L1\n\tdefer f.Unlock()\n\tf.clusterInformer.controller.HasSynced()",
            "\tf.Lock()\n\tcontroller := f.clusterInformer.controller\n\tf.Unlock()\n"
            "\tcontroller.HasSynced()",
        ),
    ),
    # the watcher's events wait for a reader that stopped: stop closes a done channel
    # the sender also waits on
    "Kubernetes38669": (
        ("\tstopped bool\n}", "\tstopped bool\n\tdone    chan struct{}\n}"),
        (
            "\tc.result <- Event_kubernetes38669(*event)",
            "\tselect {\n\tcase c.result <- Event_kubernetes38669(*event):\n\tcase <-c.done:\n\t}",
        ),
        ("\t\tclose(c.input)", "\t\tclose(c.done)\n\t\tclose(c.input)"),
        ("\t\tstopped: false,\n", "\t\tstopped: false,\n\t\tdone:    make(chan struct{}),\n"),
    ),
    # the workers wait on a queue holding the read lock that Sync's writer queues behind:
    # take the read lock only once the queue gave an item. And the reduced queue loses
    # an item put before Get waits (Put only signals): count the items, and wait only
    # while there are none, as the README's queue does
    "Kubernetes58107": (
        (
            "\t\trq.workerLock.RLock()\n\t\tdefer rq.workerLock.RUnlock()\n\t\tqueue.Get()",
            "\t\tqueue.Get()\n\t\trq.workerLock.RLock()\n\t\tdefer rq.workerLock.RUnlock()",
        ),
        ("\tcond *sync.Cond\n}", "\tcond  *sync.Cond\n\titems int\n}"),
        ("\tq.cond.Wait()\n}", "\tfor q.items == 0 {\n\t\tq.cond.Wait()\n\t}\n\tq.items--\n}"),
        (
            "\tq.cond.Signal()\n",
            "\tq.cond.L.Lock()\n\tq.items++\n\tq.cond.L.Unlock()\n\tq.cond.Signal()\n",
        ),
        ("{sync.NewCond(&sync.Mutex{})}", "{cond: sync.NewCond(&sync.Mutex{})}", 2),
    ),
    # GetCPUSetOrDefault read-locks around callees that read-lock again: they lock
    # for themselves
    "Kubernetes62464": (
        ("GetCPUSetOrDefault() {\n\ts.RLock()\n\tdefer s.RUnlock()", "GetCPUSetOrDefault() {"),
    ),
    # WriteFrame sends holding the write lock that monitor needs to close the channel:
    # monitor drains the channel before it takes the lock
    "Kubernetes6632": (
        (
            "\t\tcase <-i.conn.closeChan:\n\t\t\ti.writeLock.Lock()",
            "\t\tcase <-i.conn.closeChan:\n\t\t\tgo func() {\n\t\t\t\tfor range resetChan {\n"
            "\t\t\t\t}\n\t\t\t}()\n\t\t\ti.writeLock.Lock()",
        ),
    ),
    # the poller is stopped by the caller's channel, closed only after the caller waits
    # for the poller: WaitFor stops it with a channel of its own when it returns
    "Kubernetes70277": (
        (
            "\tc := wait(done)",
            "\tstopCh := make(chan struct{})\n\tdefer close(stopCh)\n\tc := wait(stopCh)",
        ),
    ),
    # the test's consumer gave up on a skipped progress update, which is allowed:
    # it reads every update to the end
    "Moby21233": (("\t\t\tif rand.Int31n(2) >= 1 {\n\t\t\t\treturn\n\t\t\t}\n", ""),),
    # the reader removes the file watch while no one reads its events, and Remove waits
    # for them to be read: a goroutine of its own removes it (unless the reader already
    # stopped), the reader stops on a context
    "Moby27782": (
        ('\t"errors"\n', '\t"context"\n\t"errors"\n'),
        (
            "\twaitRead := func() {",
            "\tctx, cancel := context.WithCancel(context.Background())\n\tdefer cancel()\n"
            "\tgo func() {\n\t\tselect {\n\t\tcase <-logWatcher.WatchClose():\n"
            "\t\t\tselect {\n\t\t\tcase <-ctx.Done():\n\t\t\tdefault:\n"
            "\t\t\t\tfileWatcher.Remove()\n\t\t\t\tcancel()\n\t\t\t}\n"
            "\t\tcase <-ctx.Done():\n\t\t}\n\t}()\n\twaitRead := func() {",
        ),
        (
            "\t\tcase <-logWatcher.WatchClose():\n\t\t\tfileWatcher.Remove()\n\t\t\treturn\n",
            "\t\tcase <-ctx.Done():\n\t\t\treturn\n",
        ),
    ),
    # CloseMonitorChannel sends on stop holding the container lock that the monitor
    # needs before it receives: close the channel instead
    "Moby28462": (("\t\ts.stop <- struct{}{}", "\t\tclose(s.stop)\n\t\ts.stop = nil"),),
    # the error path continues holding the lock: unlock in every iteration
    "Moby7559": (
        ("\t\t\tcontinue\n", "\t\t\tproxy.connTrackLock.Unlock()\n\t\t\tcontinue\n"),
        (
            "\t\tif i == 0 {\n\t\t\tbreak\n\t\t}\n\t}\n\tproxy.connTrackLock.Unlock()",
            "\t\tproxy.connTrackLock.Unlock()\n\t\tif i == 0 {\n\t\t\tbreak\n\t\t}\n\t}",
        ),
    ),
    # the test unlocks its requests in order, but they reach the breaker in any order:
    # each request waits (polling) until it is running or queued before the next
    "Serving2137": (
        (
            "\tr.lock.Lock()\n\tvar start sync.WaitGroup",
            "\tr.lock.Lock()\n\tvar queue chan token_serving2137\n"
            "\tif len(b.activeRequests) < cap(b.activeRequests) {\n"
            "\t\tqueue = b.activeRequests\n"
            "\t} else if len(b.pendingRequests) < cap(b.pendingRequests) {\n"
            "\t\tqueue = b.pendingRequests\n\t}\n\twant := len(queue) + 1\n"
            "\tvar start sync.WaitGroup",
        ),
        (
            "\tstart.Wait() // Ensure that the go func has had a chance to execute.\n",
            "\tstart.Wait()\n\tfor queue != nil && len(queue) < want {\n"
            "\t\ttime.Sleep(time.Millisecond)\n\t}\n",
        ),
    ),
    # the dispatcher loop calls Close, which waits for the dispatcher loop: close from
    # a goroutine of its own
    "Syncthing5795": (("\tc.closeOnce.Do(func() {", "\tgo c.closeOnce.Do(func() {"),),
    # resetAddrConn waits for its context: close it whenever none is returned
    "Grpc862": (
        (
            "\t\t\tif conn != nil {\n\t\t\t\tconn.Close()\n\t\t\t}\n"
            "\t\t\tconn = nil\n\t\tdefault:\n\t\t}\n",
            "\t\t\tconn = nil\n\t\tdefault:\n\t\t}\n"
            "\t\tif conn == nil {\n\t\t\tcc.Close()\n\t\t}\n",
        ),
    ),
}


def fixed_source(name: str, patches: tuple[Patch, ...] = ()) -> str:
    """The Go source of program ``name`` with ``FIXES[name]`` applied (and then
    ``patches``, each an ``(old, new)`` replacement that must apply once)."""
    return patched_source(name, patches, patched_source(name, FIXES[name], what="fix"))


def patched_source(
    name: str, patches: tuple[Patch, ...], src: str | None = None, what: str = "patch"
) -> str:
    """The Go source of program ``name`` (or ``src``) with each ``(old, new[, times])``
    replacement made; ``old`` must occur ``times`` times (once if not given)."""
    prog = programs()[name]
    src = prog.file.read_text() if src is None else src
    for old, new, *times in patches:
        want = times[0] if times else 1
        if src.count(old) != want:
            raise SimlabError(
                f"the {what} of {name} no longer applies: {old!r} is in {prog.file.name} "
                f"{src.count(old)} times, not {want}"
            )
        src = src.replace(old, new)
    return src


_SOURCES: dict[tuple[str, bool, tuple[Patch, ...]], str | TranslateError] = {}


def translations(
    names: list[str],
    fixed: bool = False,
    patches: tuple[Patch, ...] | dict[str, tuple[Patch, ...]] = (),
) -> dict[str, str | TranslateError]:
    """The translation of each program (with the stub main), in one run of the front end;
    with ``fixed``, of each program with its fix (``FIXES``) applied; with ``patches``,
    ``(old, new)`` replacements made in each program's source too (after its fix): the
    same for every program, or by name (a program not named gets none)."""
    each = patches if isinstance(patches, dict) else dict.fromkeys(names, patches)

    def key(n: str) -> tuple[str, bool, tuple[Patch, ...]]:
        return n, fixed, each.get(n, ())

    todo = [n for n in names if key(n) not in _SOURCES]
    if todo:
        progs = programs()
        with tempfile.TemporaryDirectory(prefix="simlab-goker-") as tmp:
            dirs: list[str | Path] = []
            for n in todo:
                d = Path(tmp) / progs[n].file.stem
                d.mkdir()
                (d / "main.go").write_text(_STUB_MAIN)
                if fixed:
                    (d / progs[n].file.name).write_text(fixed_source(n, each.get(n, ())))
                elif each.get(n):
                    (d / progs[n].file.name).write_text(patched_source(n, each[n]))
                else:
                    os.symlink(progs[n].file, d / progs[n].file.name)
                dirs.append(d)
            for n, res in zip(todo, translate_all(dirs), strict=True):
                if isinstance(res, TranslateError):
                    res = TranslateError(str(res).replace(tmp + "/", ""))
                _SOURCES[key(n)] = res
    return {n: _SOURCES[key(n)] for n in names}


# --- running -----------------------------------------------------------------------


@dataclass
class Run:
    strategy: str
    seed: int
    outcome: str  # "profiled", or how the run ended without a profile
    leaks: list[str]
    schedule: str
    profile: str = ""
    oracles: str = ""  # simlab's three leak oracles on the goroutines left, if asked
    livelock: bool = False  # it ended in the runtime's livelock guard


def _first_line(err: BaseException) -> str:
    return next(iter(str(err).splitlines()), "")


def run_one(
    module: Any,
    prog: Program,
    strategy: str,
    seed: int,
    oracles: bool = False,
    rt: sl.Runtime | None = None,
) -> Run:
    """One schedule of a translated program: the leaks of its goroutineleak profile
    (``oracles``: and the verdicts of simlab's three leak oracles once it ended).
    ``rt``: a fresh runtime to run it on instead of ``runtime(strategy, seed)``."""
    rt = runtime(strategy, seed) if rt is None else rt
    writes = golib.capture_profiles(rt)
    outcome = "profiled"
    livelock = False
    # Most programs start a thousand goroutines; the cyclic collector would scan them
    # again and again while they run (a third of the run's time). Collect a hundred
    # times less often during the run, not never: a long run's garbage stays bounded.
    thresholds = gc.get_threshold()
    gc.set_threshold(100 * thresholds[0], *thresholds[1:])
    try:
        result = rt.run(entry(module, prog.entry), until=UNTIL)
        if result.reason == "until":
            outcome = f"still running at {sl.format_duration(UNTIL)}"
    except Deadlock:
        outcome = "deadlock"
    except GoPanic as err:
        outcome = f"panic: {_first_line(err)}"
    except FatalError as err:
        outcome = f"fatal: {_first_line(err)}"
    except golib.Exit as err:
        outcome = f"exit {err.code}"
    except SimlabError as err:
        outcome = f"{type(err).__name__}: {_first_line(err)}"
    except Exception as err:  # a translation that runs wrong is a finding
        cause = err.__cause__ or err
        if isinstance(cause, MemoryError):  # the machine's limit, not the program's
            raise cause from None
        outcome = f"error: {type(cause).__name__}: {_first_line(cause)}"
        livelock = isinstance(cause, Livelock)
    finally:
        gc.set_threshold(*thresholds)
    verdicts = ""
    if oracles:
        from simlab.observe import leaks

        groups = leaks.summarize(leaks.check(rt), alive_after=None, healthy=None)
        verdicts = leaks.format_groups(groups, sl.format_duration(rt.now))
    if rt.halted is not None:
        golib.abandon(rt)
    leak_writes = [w for w in writes if w.name == "goroutineleak"]
    if not leak_writes and outcome == "profiled":
        outcome = "no goroutineleak profile written"
    text = "\n\n".join(w.text for w in leak_writes)
    found = extract_leaks(text)
    schedule = str(rt.schedule())
    if rt.halted is None:
        # A run stopped at UNTIL or abandoned by dfs's sleep sets still has goroutines:
        # drop them now, while the module's rt is this runtime, not when the collector
        # finds them in the middle of a later run (what their defers do would reach it).
        golib.abandon(rt)
    return Run(strategy, seed, outcome, found, schedule, text, verdicts, livelock)


# In turn, after fifo. "@1us" runs the strategy on the clock where every operation
# takes 1us (sl.Runtime(op_cost=...)): timers fire while goroutines compute, as in
# Go outside a synctest bubble (Grpc3017, Istio18454, Cockroach2448, Hugo3251). It
# comes first: on the synctest clock those programs' goroutines poll every 100us
# until the profile is written, a minute of work per schedule, and on this clock
# they find their bug within microseconds and stop. Preemption on that clock is Go
# with GOMAXPROCS > 1 for a goroutine that spins until a timer stops it
# (Kubernetes11298: on the synctest clock it spins forever).
SEARCHED = ("random@1us", "random", "pct", "random:preempt", "random:preempt@1us")

# A GoKer program does its work in microseconds of simulated time with at most a
# thousand goroutines; a schedule that takes more goroutine steps than this at one
# instant spins (a goroutine polls what only a timer or another spinner changes) and
# ends in the livelock guard after this many, not the runtime's 10 million.
LIVELOCK_STEPS = 300_000


def clock(strategy: str) -> tuple[str, int]:
    """``STRATEGY`` or ``STRATEGY@OP_COST`` as (the strategy, nanoseconds an operation
    takes): ``random:preempt@1us`` is ``("random:preempt", 1000)``."""
    name, _, cost = strategy.partition("@")
    try:
        return name, sl.parse_duration(cost) if cost else 0
    except ValueError as err:  # Go's message names the duration
        raise SimlabError(f"{strategy!r}: after @ comes a Go duration (1us): {err}") from None


def runtime(strategy: str, seed: int) -> sl.Runtime:
    """The runtime of one schedule: ``STRATEGY`` or ``STRATEGY@OP_COST``."""
    name, op_cost = clock(strategy)
    return sl.Runtime(seed=seed, strategy=name, op_cost=op_cost, livelock_steps=LIVELOCK_STEPS)


def _schedules(budget: int) -> Iterator[tuple[int, str, int]]:
    """fifo, then the SEARCHED strategies' seeds in turn: (index, strategy, seed).
    Preemption finds the bugs that need a switch between two operations that do
    not block (Cockroach1055, Istio16224); the 1us clock, those that need a timer
    to fire while a goroutine computes."""
    for i in range(1, budget + 1):
        yield i, *nth_schedule(i)


def nth_schedule(i: int) -> tuple[str, int]:
    """The search's ``i``-th schedule (from 1) as (strategy, seed): fifo, then the
    SEARCHED strategies' seeds in turn."""
    if i == 1:
        return "fifo", 0
    k, turn = divmod(i - 2, len(SEARCHED))
    return SEARCHED[turn], k + 1


@dataclass
class Result:
    name: str
    project: str
    category: str
    flaky: str
    expected: list[str]
    found: bool = False
    leaks: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    schedules_to_find: int | None = None
    schedules_run: int = 0
    strategy: str = ""
    seed: int | None = None
    replay: str = ""
    schedule: str = ""
    why: str = ""
    seconds: float = 0.0
    timed_out: bool = False  # stopped by max_seconds before the budget
    union_found: bool = False  # every regex matched by some schedule's leaks, none extra
    unreachable: bool = False  # every schedule of UNREACHABLE's instance ran, none leaked
    outcomes: dict[str, int] = field(default_factory=dict)
    fixed_schedules: int | None = None  # schedules of the fixed program run (None: no fix)
    fixed_clean: bool | None = None  # every one profiled and leaked nothing
    fixed_why: str = ""  # the first schedule that was not clean, and how to replay it
    fixed_spun: int = 0  # fixed runs that spun into the livelock guard without preemption
    fixed_instance: str = ""  # the smaller instance the fixed search ran, if any
    # the schedule at which that instance, without the fix, leaked exactly as Go expects
    instance_found: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class _OutOfTime(BaseException):
    """The search's wall-clock cap passed while a schedule ran: the schedule is
    abandoned and not counted (a BaseException, so the program's code cannot catch it)."""


@contextmanager
def _cap(deadline: float | None) -> Iterator[None]:
    """Abandon what runs inside at ``deadline`` (``time.perf_counter()``) by raising
    :class:`_OutOfTime` from a timer signal: one schedule can take minutes (a thousand
    goroutines polling every 100us), and the cap is the search's, not each schedule's.
    Raised inside a goroutine, it runs that goroutine's ``finally`` blocks (its
    deferred calls), which may yield and let the run go on, changed; so once the
    signal has fired, :class:`_OutOfTime` is raised on leaving too, whatever the
    block did meanwhile. A no-op without a deadline, off the main thread, or without
    ``setitimer``."""
    if (
        deadline is None
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    fired = False

    def expire(_signum: int, _frame: Any) -> None:
        nonlocal fired
        fired = True
        raise _OutOfTime

    def unraisable(info: Any) -> None:  # the signal landed in a __del__: it fires again
        if not isinstance(info.exc_value, _OutOfTime):
            hook(info)

    hook = sys.unraisablehook
    sys.unraisablehook = unraisable
    previous = signal.signal(signal.SIGALRM, expire)
    # again every 0.1 s: a signal that lands in a weakref callback or __del__ is lost
    signal.setitimer(signal.ITIMER_REAL, max(deadline - time.perf_counter(), 0.001), 0.1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.unraisablehook = hook
    if fired:
        raise _OutOfTime


def search(name: str, budget: int = 1000, max_seconds: float | None = None) -> Result:
    """Search one program's schedules until its leaks are exactly Go's expected ones
    (at most ``budget`` schedules, and no new one after ``max_seconds``)."""
    t0 = time.perf_counter()
    prog = programs()[name]
    exp = prog.expected.regexes if prog.expected else []
    res = Result(name, prog.project, prog.category, prog.flaky, exp)
    source = translations([name])[name]
    if isinstance(source, TranslateError):
        res.why = f"translator: {source}"
        res.seconds = time.perf_counter() - t0
        return res
    try:
        module = load(prog.file, source)
    except Exception as err:  # a translation that does not load is a finding
        res.why = f"translation does not load: {type(err).__name__}: {err}"
        return res
    covered: set[str] = set()
    extras_seen: dict[str, int] = {}
    best: Run | None = None
    best_missing: list[str] = exp
    deadline = None if max_seconds is None else t0 + max_seconds
    unreachable = UNREACHABLE.get(name)
    for i, strategy, seed in _schedules(1 if unreachable else budget):
        try:
            with _cap(deadline):
                run = run_one(module, prog, strategy, seed)
        except _OutOfTime:
            res.timed_out = True
            break
        res.schedules_run = i
        res.outcomes[run.outcome] = res.outcomes.get(run.outcome, 0) + 1
        missing, extra = match(exp, run.leaks)
        for x in extra:
            extras_seen[x] = extras_seen.get(x, 0) + 1
        covered |= set(exp) - set(missing)
        if best is None or len(missing) + len(extra) < len(best_missing) + len(
            match(exp, best.leaks)[1]
        ):
            best, best_missing = run, missing
        if not missing and not extra and run.outcome == "profiled":
            res.found = True
            res.schedules_to_find = i
            break
        if max_seconds is not None and time.perf_counter() - t0 > max_seconds:
            res.timed_out = True
            break
    if best is None:  # the cap passed during the first schedule
        res.why = f"oracle mismatch: stopped after {max_seconds:.0f} s (0 schedules)"
        res.seconds = time.perf_counter() - t0
        return res
    res.union_found = covered == set(exp) and not extras_seen
    res.leaks = best.leaks
    res.missing, res.extra = match(exp, best.leaks)
    res.strategy, res.seed, res.schedule = best.strategy, best.seed, best.schedule
    res.replay = replay_command(name, best.strategy, best.seed)
    if not res.found:
        parts = []
        if res.outcomes.get("profiled", 0) < res.schedules_run:
            bad = {k: v for k, v in res.outcomes.items() if k != "profiled"}
            ends = "; ".join(f"{v}x {k}" for k, v in bad.items())
            parts.append(f"runs without a profile: {ends}")
        if res.missing:
            parts.append("never together: " + ", ".join(res.missing))
        if extras_seen:
            parts.append("extra leaks: " + ", ".join(_tally(list(extras_seen))))
        if res.timed_out:
            parts.append(f"stopped after {max_seconds:.0f} s ({res.schedules_run} schedules)")
        res.why = "oracle mismatch: " + " | ".join(parts) if parts else "not found"
    if unreachable is not None and not res.found:
        res.unreachable, res.why = _prove_unreachable(name, unreachable, deadline)
    res.seconds = time.perf_counter() - t0
    return res


def _prove_unreachable(name: str, u: Unreachable, deadline: float | None) -> tuple[bool, str]:
    """Run every schedule of the program's small instance (dfs, no bound, sleep sets):
    (shown: every one ran and none leaked, the row's ``why``)."""
    from .goker_dfs import search_dfs  # goker_dfs builds on this module

    left = None if deadline is None else max(deadline - time.perf_counter(), 0.0)
    proof = search_dfs(name, None, patches=u.shrink, runs=100_000, max_seconds=left)
    if proof.exhausted:
        shown = f"dfs ran all {proof.schedules:,} schedules of {u.instance}"
        shown += ": none leaks" if not proof.leaked else f": {proof.leaked:,} leak"
    else:
        shown = f"dfs of {u.instance} stopped after {proof.schedules:,} schedules"
    proved = proof.exhausted and not proof.leaked
    return proved, f"unreachable in GoKer's program: {u.why}; {shown}"


def _tally(leaks: list[str]) -> list[str]:
    """Leaks without the goroutine ids Go's split leaves in them, counted: ``2x f(...) [x]``."""
    counts: dict[str, int] = {}
    for leak in leaks:
        short = re.sub(r"\s+\d+ \[", " [", leak).removesuffix(":")
        counts[short] = counts.get(short, 0) + 1
    return [f"{n}x {k}" if n > 1 else k for k, n in sorted(counts.items())]


def replay_command(
    name: str,
    strategy: str,
    seed: int,
    fixed: bool = False,
    full_scale: bool = False,
    one_copy: bool = False,
) -> str:
    """The command line that runs this schedule again and prints its profile."""
    what = f"{strategy}:{seed}"
    if not re.fullmatch(r"[\w:@.,]+", what):  # a replay's schedule, packed: quote it
        what = f"'{what}'"
    cmd = f"simlab goker {name}" + (" --one-copy" if one_copy else "")
    cmd += f" --replay {what}" + (" --fixed" if fixed else "")
    scaled = smaller_instance(name) is not None
    return cmd + (" --full-scale" if fixed and full_scale and scaled else "")


def smaller_instance(name: str, full_scale: bool = False) -> Scaled | None:
    """The smaller instance the fixed search runs of program ``name``: its entry in
    :data:`SCALED`, or for a program of :data:`UNREACHABLE` the instance that shows its
    leaks cannot happen; None for a program run as written (or with ``full_scale``)."""
    if full_scale:
        return None
    if name in SCALED:
        return SCALED[name]
    u = UNREACHABLE.get(name)
    return None if u is None else Scaled(u.instance, u.shrink)


def fixed_patches(name: str, full_scale: bool = False) -> tuple[Patch, ...]:
    """The patches that make the instance the fixed search runs (:func:`smaller_instance`);
    none for a program run as written."""
    instance = smaller_instance(name, full_scale)
    return () if instance is None else instance.patches


def one_copy_patches(name: str) -> tuple[Patch, ...]:
    """The patches that make :data:`ONE_COPY`'s instance of program ``name``."""
    if name not in ONE_COPY:
        raise SimlabError(f"no one-copy instance of {name}; there is one of {', '.join(ONE_COPY)}")
    return ONE_COPY[name].patches


def parse_replay(text: str) -> tuple[str, int]:
    """``random:7`` -> ("random", 7); the strategies of the search (fifo and SEARCHED),
    and ``replay:SCHEDULE[@OP_COST]``, a schedule the exhaustive search printed."""
    strategy, sep, seed = text.rpartition(":")
    replayed = strategy.startswith("replay:") and len(strategy) > len("replay:")
    if not (replayed or strategy in ("fifo", *SEARCHED)) or not sep or not seed.isdigit():
        raise SimlabError(
            f"--replay {text!r}: expected STRATEGY:SEED, STRATEGY one of fifo, "
            f"{', '.join(SEARCHED)} or replay:SCHEDULE[@OP_COST] (e.g. random:7)"
        )
    return strategy, int(seed)


def replay(
    name: str,
    strategy: str,
    seed: int,
    fixed: bool = False,
    full_scale: bool = False,
    one_copy: bool = False,
) -> Run:
    """One run of a program (``fixed``: with its fix, as the fixed search runs it, the
    smaller instance of :func:`smaller_instance` unless ``full_scale``; ``one_copy``:
    the buggy program's instance of :data:`ONE_COPY`), with its goroutineleak profile
    (debug=2) in ``Run.profile``."""
    progs = programs()
    if name not in progs:
        raise SimlabError(f"no GoKer program {name!r}; they are {', '.join(sorted(progs))}")
    if fixed and name not in FIXES:
        raise SimlabError(f"{name} has no fix yet; the fixed programs are {', '.join(FIXES)}")
    if one_copy and fixed:
        raise SimlabError("--one-copy runs the buggy program; leave out --fixed")
    if one_copy:
        patches = one_copy_patches(name)
    else:
        patches = fixed_patches(name, full_scale) if fixed else ()
    source = translations([name], fixed, patches)[name]
    if isinstance(source, TranslateError):
        raise source
    return run_one(load(progs[name].file, source), progs[name], strategy, seed, oracles=True)


def format_replay(name: str, run: Run) -> str:
    """A replayed run: its goroutineleak profile (debug=2), the leaks Go's test reads
    from it against Go's expectations, and simlab's three oracles once it ended."""
    exp = programs()[name].expected
    regexes = exp.regexes if exp else []
    missing, extra = match(regexes, run.leaks)
    lines = [run.profile.rstrip("\n"), ""] if run.profile else []
    lines.append(f"outcome: {run.outcome}; schedule {run.schedule}")
    lines += [f"leak: {x}" for x in _tally(run.leaks)]
    for rx in regexes:
        lines.append(f"Go expects {rx}: {'missing' if rx in missing else 'found'}")
    lines += [f"extra: {x}" for x in _tally(extra)]
    if regexes or run.leaks:
        same = not missing and not extra and run.outcome == "profiled"
        lines.append("leaks exactly as Go expects" if same else "leaks differ from Go's")
    if run.oracles:
        lines.append(run.oracles)
    return "\n".join(lines)


# The one searched strategy under which a goroutine that spins cannot stop the
# program: it is preempted between two operations that do not block (as Go's
# scheduler preempts one that has run for 10 ms) and time passes while it runs.
GO_LIKE = "random:preempt@1us"


# A kind of schedule whose fixed runs spun this many times is not tried again: each
# spin costs LIVELOCK_STEPS steps, and the next run of that kind spins as well.
SPINS_BEFORE_SKIP = 2


def _spun(strategy: str, run: Run) -> bool:
    """A run that ended in the livelock guard under a strategy that cannot preempt or
    keeps the clock still while goroutines run: a goroutine spun waiting for another
    goroutine, or for time, that Go would have let run or pass."""
    return strategy != GO_LIKE and run.livelock


def search_fixed(
    name: str, budget: int = 1000, max_seconds: float | None = None, full_scale: bool = False
) -> tuple[int, bool, str, int]:
    """Run the fixed program's schedules (fifo, then the searched strategies' seeds) until
    ``budget`` of them ended, and no new one after ``max_seconds``; stop at the first
    that is not clean (did not write its profile, or leaked). A run that spun into the
    livelock guard under any strategy but :data:`GO_LIKE` says nothing of the program
    (in Go the spinner is preempted and time passes): it is counted apart, not as a
    schedule, and a kind of schedule that spun :data:`SPINS_BEFORE_SKIP` times is
    not tried again. A heavy program runs as its :func:`smaller_instance` unless
    ``full_scale``.
    (schedules that ended, all clean, why not, schedules that spun)."""
    t0 = time.perf_counter()
    source = translations([name], True, fixed_patches(name, full_scale))[name]
    if isinstance(source, TranslateError):
        return 0, False, f"translator: {source}", 0
    prog = programs()[name]
    module = load(prog.file, source)
    ended = spun = 0
    spins: dict[str, int] = {}  # a kind that spun twice spins again: not tried again
    deadline = None if max_seconds is None else t0 + max_seconds
    for _, strategy, seed in _schedules(budget * (1 + len(SEARCHED))):
        if spins.get(strategy, 0) >= SPINS_BEFORE_SKIP:
            continue
        try:
            with _cap(deadline):
                run = run_one(module, prog, strategy, seed)
        except _OutOfTime:
            break  # abandoned, not counted
        if _spun(strategy, run):
            spun += 1
            spins[strategy] = spins.get(strategy, 0) + 1
        elif run.outcome != "profiled" or run.leaks:
            what = ", ".join(_tally(run.leaks)) if run.leaks else run.outcome
            why = f"{what} ({replay_command(name, strategy, seed, True, full_scale)})"
            return ended + 1, False, why, spun
        else:
            ended += 1
            if ended >= budget:
                break
        if max_seconds is not None and time.perf_counter() - t0 > max_seconds:
            break
    return ended, True, "", spun


def instance_evidence(
    name: str, budget: int = 50, patches: tuple[Patch, ...] | None = None
) -> int | None:
    """The first of the search's schedules (1-based) at which the smaller instance of
    :data:`SCALED` (or the one ``patches`` make), without the fix, leaks exactly as Go
    expects: the evidence that the instance still has the bug. None if none of the
    first ``budget`` does."""
    prog = programs()[name]
    regexes = prog.expected.regexes if prog.expected else []
    patches = SCALED[name].patches if patches is None else patches
    source = translations([name], False, patches)[name]
    if isinstance(source, TranslateError):
        return None
    module = load(prog.file, source)
    for i, strategy, seed in _schedules(budget):
        run = run_one(module, prog, strategy, seed)
        if run.outcome == "profiled" and match(regexes, run.leaks) == ([], []):
            return i
    return None


def _search_star(args: tuple[str, int, float | None, bool, float | None, bool]) -> Result:
    name, budget, max_seconds, fixed, fixed_seconds, full_scale = args
    res = search(name, budget, max_seconds)
    if fixed and name in FIXES:
        t0 = time.perf_counter()
        res.fixed_schedules, res.fixed_clean, res.fixed_why, res.fixed_spun = search_fixed(
            name, budget, fixed_seconds, full_scale
        )
        instance = smaller_instance(name, full_scale)
        if instance is not None:
            res.fixed_instance = instance.instance
            if res.expected and name in SCALED:  # an UNREACHABLE one cannot leak
                res.instance_found = instance_evidence(name)
        res.seconds += time.perf_counter() - t0
    return res


def run_goker(
    names: list[str] | None = None,
    budget: int = 1000,
    jobs: int = 1,
    max_seconds: float | None = 120.0,
    fixed: bool = False,
    fixed_seconds: float | None = None,
    full_scale: bool = False,
) -> list[dict]:
    """Search every program (or ``names``); one dict per program, in name order. With
    ``fixed``, also run each fixed program (``FIXES``) for ``budget`` schedules, and no
    new one after ``fixed_seconds`` (default: ``max_seconds``): a heavy program as its
    :func:`smaller_instance` unless ``full_scale``."""
    progs = programs()
    if names is None:
        names = sorted(progs, key=str.lower)
    unknown = [n for n in names if n not in progs]
    if unknown:
        raise SimlabError(f"no GoKer program {unknown[0]!r}; they are {', '.join(sorted(progs))}")
    translations(names)  # one run of the front end for all
    if fixed:
        fixes = [n for n in names if n in FIXES]
        translations(fixes, True, {n: fixed_patches(n, full_scale) for n in fixes})
        if not full_scale:  # the evidence that each smaller instance has the bug
            scaled = [n for n in fixes if n in SCALED]
            translations(scaled, False, {n: SCALED[n].patches for n in scaled})
    if fixed_seconds is None:
        fixed_seconds = max_seconds
    tasks = [(n, budget, max_seconds, fixed, fixed_seconds, full_scale) for n in names]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_search_star, tasks))
    else:
        results = [_search_star(t) for t in tasks]
    return [r.as_dict() for r in results]


GO_DETECTION = Path(__file__).resolve().parents[2] / "tests" / "data" / "goker_go_detection.json"


def go_detection(path: Path = GO_DETECTION) -> dict[str, dict[str, Any]]:
    """How often real Go found each bug (``make record-goker``), if recorded here."""
    import json

    return json.loads(path.read_text()) if path.is_file() else {}


def readable(regex: str) -> str:
    """One of Go's expected-leak regexes as the leak it stands for:
    ``\\(\\*Mux\\)\\.loop\\(.* \\[chan send\\]`` -> ``(*Mux).loop(...) [chan send]``."""
    return re.sub(r"\\(.)", r"\1", regex.replace("\\(.* ", "(...) "))


def format_table(rows: list[dict], go: dict[str, dict[str, Any]] | None = None) -> str:
    """The Markdown table of ``docs/goker.md`` and a line of totals. ``go``: real Go's
    detection per program (``go_detection()``), a column if given."""
    go = go or {}
    head = (
        "| program | project | category (GoBench) | Go's expected leaks | Go finds | found "
        "| schedules to find | strategy | fixed | why not / extras |\n"
        "| --- | --- | --- | --- | ---: | --- | ---: | --- | --- | --- |"
    )
    lines = [head]
    for r in rows:
        found = "yes" if r["found"] else ("union" if r["union_found"] else "no")
        n = r["schedules_to_find"] if r["found"] else f"> {r['schedules_run']}"
        if r["why"].startswith("translator"):
            n = "-"
        if r.get("unreachable"):
            found, n = "unreachable", "-"
        strat = f"{r['strategy']} seed {r['seed']}" if r["found"] else ""
        why = r["why"]
        if r["found"] and r["extra"]:
            why = "extra: " + ", ".join(_tally(r["extra"]))
        fixed = ""
        if r.get("fixed_schedules") is not None:
            fixed = f"clean in {r['fixed_schedules']}" if r["fixed_clean"] else "not clean"
            if r["fixed_clean"] and not r["fixed_schedules"]:
                fixed = "none ended"  # the cap passed during the first schedule
            if r.get("fixed_instance"):
                fixed += ", smaller instance"
            if r.get("fixed_spun"):
                fixed += f" ({r['fixed_spun']} spun)"
            if not r["fixed_clean"]:
                why = (why + " | " if why else "") + "fixed: " + r["fixed_why"]
        g = go.get(r["name"])
        finds = f"{g['detected']}/{g['runs']}" if g else ""
        expects = "<br>".join(f"`{readable(x)}`" for x in r["expected"])
        lines.append(
            f"| {r['name']} | {r['project']} | {r['category']} | {expects} "
            f"| {finds} | {found} | {n} | {strat} | {fixed} | {why.replace('|', chr(92) + '|')} |"
        )
    scored = [r for r in rows if r["expected"]]
    found = sum(r["found"] for r in scored)
    translated = sum(not r["why"].startswith("translator") for r in rows)
    unreachable = [r["name"] for r in scored if r.get("unreachable")]
    lines.append("")
    lines.append(
        f"{found} of {len(scored)} programs with Go's expectations matched exactly in one "
        f"schedule"
        + (f", {len(unreachable)} unreachable ({', '.join(unreachable)})" if unreachable else "")
        + f"; {translated} of {len(rows)} translate."
    )
    fixes = [r for r in rows if r.get("fixed_schedules") is not None]
    if fixes:
        clean = [r for r in fixes if r["fixed_clean"] and r["fixed_schedules"]]
        most = max(r["fixed_schedules"] for r in fixes)
        full = [r for r in clean if r["fixed_schedules"] >= most]
        smaller = sum(bool(r.get("fixed_instance")) for r in full)
        lines.append(
            f"{len(clean)} of {len(fixes)} fixed programs leaked nothing in any schedule run "
            f"({len(full)} over all {most}, {smaller} of these as a smaller instance; the "
            "others until the cap); the rest did not end a schedule within the cap, or were "
            "not clean."
        )
    return "\n".join(lines)


def format_instances(rows: list[dict]) -> str:
    """The smaller instances the fixed search ran, one row per program."""
    lines = [
        "| program | the fixed search's instance | without the fix, Go's leaks at schedule |",
        "| --- | --- | ---: |",
    ]
    for r in rows:
        if r.get("fixed_instance"):
            found = r.get("instance_found")
            at = "-" if r.get("unreachable") else ("none of 50" if found is None else found)
            lines.append(f"| {r['name']} | {r['fixed_instance']} | {at} |")
    return "\n".join(lines)


def format_categories(rows: list[dict]) -> str:
    """Programs matched per GoBench category (Type / Sub-type, case folded)."""
    cats: dict[str, list[dict]] = {}
    for r in rows:
        if r["expected"]:
            cats.setdefault(r["category"].lower() or "?", []).append(r)
    lines = ["| category (GoBench) | programs | matched | which |", "| --- | ---: | ---: | --- |"]
    for cat, rs in sorted(cats.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        hit = [r["name"] for r in rs if r["found"]]
        lines.append(f"| {cat} | {len(rs)} | {len(hit)} | {', '.join(hit)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """``python -m simlab.translate.goker [NAMES...] [--budget N] [--jobs J]
    [--max-seconds S] [--fixed [--fixed-seconds S] [--full-scale]] [--json]``; ``NAME
    --replay STRATEGY:SEED [--fixed [--full-scale]]`` runs one schedule."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description="Search Go 1.27's GoKer programs.")
    parser.add_argument("names", nargs="*")
    parser.add_argument("--budget", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--max-seconds", type=float, default=120.0)
    parser.add_argument("--fixed", action="store_true")
    parser.add_argument("--fixed-seconds", type=float, default=None)
    parser.add_argument("--full-scale", action="store_true")
    parser.add_argument("--replay", default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.replay is not None:
        if len(args.names) != 1:
            parser.error("--replay needs one NAME")
        strategy, seed = parse_replay(args.replay)
        run = replay(args.names[0], strategy, seed, args.fixed, args.full_scale)
        print(format_replay(args.names[0], run))
        return
    rows = run_goker(
        args.names or None,
        args.budget,
        args.jobs,
        args.max_seconds,
        args.fixed,
        args.fixed_seconds,
        args.full_scale,
    )
    if args.json:
        for row in rows:
            print(json.dumps(row, default=str))
    else:
        print(format_table(rows, go_detection()))
        if any(r.get("fixed_instance") for r in rows):
            print()
            print(format_instances(rows))
        print()
        print(format_categories(rows))


if __name__ == "__main__":
    main()
