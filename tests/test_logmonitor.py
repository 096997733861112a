"""The log-monitor model against timelines worked out by hand.

Set-up for every case (SMALL): one container, streams rotated every 10 s,
ContainerLogs answers in 100 ms, one log line per second, retry backoff 1 s,
reader wait timeout 10 s, fifo strategy. Healthy, the program holds six
goroutines: main, heartbeat, monitor, and while a stream is open its reader and
net/http's readLoop and writeLoop. Streams open at 0.1 s, 10.1 s, 20.1 s,
30.1 s; deadlines fall at 10, 20, 30 s. We look at t = 5, 15, 25, 35 s: the
middle of the first four streams.
"""

import pytest

import simlab as sl
from simlab.lab.model import load_model
from simlab.lab.simulation import Simulation, run_model

S = sl.Second
SMALL = {
    "containers": 1,
    "rotation_interval": "10s",
    "log_interval": "1s",
    "api_latency": "100ms",
    "duration": "40s",
    "retry_backoff": "1s",
    "wait_timeout": "10s",
    "heartbeat_interval": "30s",
}
HEALTHY = {"main": 1, "heartbeat": 1, "monitor": 1, "reader": 1, "readLoop": 1, "writeLoop": 1}
MODEL = load_model("models.logmonitor")


def timeline(overrides, at=(5, 15, 25, 35)):
    """Goroutines per name, open FDs and completed rotations at each instant of ``at``."""
    p = MODEL.resolve({**SMALL, **overrides})
    rt = sl.Runtime(seed=0, strategy="fifo")
    sim = Simulation(rt, p)
    seen = {}
    for k, t in enumerate(at):
        rt.run(MODEL.main, p, sim, until=t * S) if k == 0 else rt.run(until=t * S)
        seen[t] = (rt.num_goroutine_by_name(), rt.open_fds(), sim.state.rotations())
    return seen


def test_as_written_with_real_sdk_does_not_leak_goroutines():
    """reader_on_error=return, wait=block, real net/http. At each deadline the
    read fails (connection closed or context ended), the reader passes the error
    into readCh, which has room (lines are processed at once), and returns; the
    monitor's readerWg.Wait() returns; one rotation per stream."""
    seen = timeline({})
    assert seen == {
        5: (HEALTHY, 1, 0),
        15: (HEALTHY, 1, 1),
        25: (HEALTHY, 1, 2),
        35: (HEALTHY, 1, 3),
    }


def test_retrying_reader_with_blocking_wait_stalls_the_container():
    """reader_on_error=retry, wait=block: after the first deadline the reader
    keeps reading errors, one per backoff second, into readCh (t=10..19), fills
    its 10 slots and blocks at t=20 on readerCtx, a child of the app context
    that nobody cancels. The monitor waits for it forever: no rotation ever
    completes, so nothing accumulates: 4 goroutines, no FD, 0 rotations."""
    stalled = {"main": 1, "heartbeat": 1, "monitor": 1, "reader": 1}
    seen = timeline({"reader_on_error": "retry"})
    assert seen[15] == seen[25] == seen[35] == (stalled, 0, 0)


def test_retrying_reader_with_wait_timeout_leaks_a_reader_and_a_waiter_per_rotation():
    """Recommendation 3: the monitor waits 10 s for readerWg, then goes on. The
    waiter goroutine stays blocked (readerWg never reaches zero again), so does
    the reader. Deadline 10 -> rotation 1 completes at 20, stream 2 opens at
    20.1, deadline 30 -> rotation 2 completes at 40.
    t=15: main, heartbeat, monitor, reader1, waiter1 (stream 1 closed).
    t=25: + reader2 and stream 2's readLoop and writeLoop; one rotation.
    t=35: readers 1 and 2, waiters 1 and 2, stream 2 closed; still one rotation."""
    seen = timeline({"reader_on_error": "retry", "wait_reader": "timeout"})
    base = {"main": 1, "heartbeat": 1, "monitor": 1}
    assert seen[15] == ({**base, "reader": 1, "waiter": 1}, 0, 0)
    assert seen[25] == ({**base, "reader": 2, "waiter": 1, "readLoop": 1, "writeLoop": 1}, 1, 1)
    assert seen[35] == ({**base, "reader": 2, "waiter": 2}, 0, 1)


def test_retrying_reader_without_wait_leaks_one_reader_per_rotation():
    """wait=skip: the monitor starts the next stream at once, every old reader
    lives on (erroring, then blocked on a full readCh): 1, 2, 3, 4 readers."""
    seen = timeline({"reader_on_error": "retry", "wait_reader": "skip"})
    for t, readers, rotations in ((5, 1, 0), (15, 2, 1), (25, 3, 2), (35, 4, 3)):
        assert seen[t] == ({**HEALTHY, "reader": readers}, 1, rotations)


def test_review_fix_stops_the_retrying_reader_at_every_rotation():
    """reader_parent=stream: the deadline cancels readerCtx too; the reader's
    next select sees it and returns. Healthy at every instant."""
    seen = timeline({"reader_on_error": "retry", "reader_parent": "stream"})
    assert [v[0] for v in seen.values()] == [HEALTHY] * 4
    assert [v[2] for v in seen.values()] == [0, 1, 2, 3]


def test_sdk_that_never_closes_connections_leaks_two_goroutines_and_one_fd_per_rotation():
    """cancel_closes_conn = close_closes_conn = false: neither streamCancel nor
    stream.Close releases the connection, so every rotation leaves its readLoop,
    its writeLoop and its socket: 2 goroutines : 1 FD, the review's ratio."""
    seen = timeline({"cancel_closes_conn": False, "close_closes_conn": False})
    for t, conns, rotations in ((5, 1, 0), (15, 2, 1), (25, 3, 2), (35, 4, 3)):
        expected = {**HEALTHY, "readLoop": conns, "writeLoop": conns}
        assert seen[t] == (expected, conns, rotations)


def test_review_fix_does_not_help_when_the_sdk_leaks_connections():
    seen = timeline(
        {"cancel_closes_conn": False, "close_closes_conn": False, "reader_parent": "stream"}
    )
    assert seen[35][0]["readLoop"] == 4 and seen[35][1] == 4


def test_close_order_does_not_matter():
    """The review worried whether stream.Close() before streamCancel() (L877-878)
    matters: with either order the same goroutines leak at the same instants."""
    a = timeline({"reader_on_error": "retry", "wait_reader": "skip"})
    b = timeline(
        {"reader_on_error": "retry", "wait_reader": "skip", "close_order": "cancel-then-close"}
    )
    assert a == b


def test_demux_goroutine_while_healthy():
    """With the demux goroutine, a healthy stream costs one goroutine more."""
    seen = timeline({"demux_goroutine": True, "reader_parent": "stream"})
    assert seen[35] == ({**HEALTHY, "demux": 1}, 1, 3)


def test_end_of_run_check_passes_after_shutdown_although_readers_leaked():
    """Shutdown stops the container, waits for the monitor, cancels the app
    context: the leaked readers are children of it and return. goleak would see
    only main: the leak grew during the whole run and left no trace at the end."""
    p = MODEL.resolve({**SMALL, "reader_on_error": "retry", "wait_reader": "skip"})
    run = run_model(MODEL, p, seed=0, strategy="fifo")
    assert run.metrics["goroutines_by_name_end"]["reader"] == 4
    assert run.metrics["goroutines_after_shutdown"] == 0
    assert run.metrics["fds_after_shutdown"] == 0
    assert run.metrics["shutdown_hung"] is False


def test_lines_are_counted_produced_delivered_lost():
    """40 s at one line a second: lines at 1, 2, ..., 40 s are produced. With the
    real SDK and processing at once, a line is lost only when it is written in the
    instant the old stream closes or while the new one is not yet open (the 100 ms
    after each deadline at 10, 20, 30 s: the lines at 10, 20, 30 s, if the stream
    closed first) and the line at 40 s, written as the program is told to stop."""
    run = run_model(MODEL, MODEL.resolve(SMALL), seed=0, strategy="fifo")
    m = run.metrics
    assert m["lines_produced"] == 40
    assert m["lines_delivered"] + m["lines_lost"] == 40
    assert 0 <= m["lines_lost"] <= 4


def test_leak_per_rotation_and_fd_ratio_metrics():
    """Over 10 rotations of 10 s with retry/skip and a leaking SDK, each rotation
    leaves a reader, a readLoop, a writeLoop and a socket: 3 goroutines and 1 FD.
    (Sampled every second, so that samples taken in the instant of a rotation,
    between two streams, weigh the same at every rotation count.)"""
    p = MODEL.resolve(
        {
            **SMALL,
            "duration": "105s",
            "sample_every": "1s",
            "reader_on_error": "retry",
            "wait_reader": "skip",
            "cancel_closes_conn": False,
            "close_closes_conn": False,
        }
    )
    m = run_model(MODEL, p, seed=0, strategy="fifo").metrics
    assert m["rotations"] == 10
    assert m["leaked_per_rotation"] == pytest.approx(3.0, abs=0.05)
    assert m["leaked_fds_per_rotation"] == pytest.approx(1.0, abs=0.05)
    assert m["leaked_goroutines"] == 30 and m["leaked_fds"] == 10
    assert m["goroutines_per_leaked_fd"] == 3.0
