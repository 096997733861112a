"""The three leak oracles, against Go's own answers and the incident's case.

`test_unreachable_matches_go_goroutineleak` runs the program that Go 1.27's
`pprof.Lookup("goroutineleak")` was asked about (see tests/data/); Go printed
`goroutineleak profile: total 7`: the three senders of `ch <- 1`, the worker on
a cancellable context whose cancel was dropped, the WaitGroup waiter, the nil
channel receiver and `select {}`; not the Mutex waiter (the mutex is on main's
live stack) and not the sleeper.
"""

import re

import simlab as sl
from simlab.lab.model import load_model
from simlab.lab.simulation import Simulation, run_model
from simlab.observe.leaks import check, goroutineleak_profile
from tests.conftest import run

MODEL = load_model("models.logmonitor")
SMALL = {
    "containers": 1,
    "rotation_interval": "10s",
    "duration": "40s",
    "reader_on_error": "retry",
    "wait_reader": "skip",
}


def go_probe_program(found):
    def leak(ch):
        yield ch.send(1)

    def worker(ctx, wg):
        try:
            yield sl.select(ctx.done().recv_case())
        finally:
            wg.done()

    def waiter(wg):
        yield wg.wait()

    def main(rt):
        for _ in range(3):
            rt.go(leak, rt.chan())
        ctx, cancel = sl.with_cancel(rt.background())
        wg = rt.waitgroup()
        wg.add(1)
        rt.go(worker, ctx, wg)
        rt.go(waiter, wg, name="func2")
        del ctx, cancel, wg  # dead after this point, as Go's liveness analysis knows
        mu = rt.mutex()
        yield mu.lock()
        rt.go(lambda: (yield mu.lock()), name="func1")
        rt.go(lambda: (yield sl.nil_chan.recv()), name="func3")
        rt.go(lambda: (yield sl.select()), name="func4")
        rt.go(lambda: (yield rt.sleep(sl.Hour)), name="func5")
        yield rt.sleep(100 * sl.Millisecond)
        found["report"] = check(rt)
        found["profile"] = goroutineleak_profile(rt)

    return main


def test_unreachable_matches_go_goroutineleak():
    found = {}
    run(go_probe_program(found))
    flagged = sorted(g.name for g in found["report"].flagged("unreachable"))
    assert flagged == ["func2", "func3", "func4", "leak", "leak", "leak", "worker"]
    profile = found["profile"]
    assert profile.startswith("goroutineleak profile: total 7\n")
    assert re.search(r"^3 @ ", profile, re.M)


def test_durably_blocked_spares_goroutines_time_can_wake():
    found = {}
    run(go_probe_program(found))
    flagged = {g.name for g in found["report"].flagged("durably blocked")}
    assert "func5" not in flagged  # asleep: time wakes it
    assert {"leak", "worker", "func1", "func2", "func3", "func4"} <= flagged


def at_35s(**overrides):
    """The log monitor at t=35 s (4 streams, 3 rotations), retrying readers, no wait."""
    p = MODEL.resolve({**SMALL, **overrides})
    rt = sl.Runtime(seed=0, strategy="fifo")
    rt.run(MODEL.main, p, Simulation(rt, p), until=35 * sl.Second)
    return rt, check(rt)


def leaked_readers(report):
    """Readers of earlier streams, blocked for good in the select of L981-986."""
    return [
        g
        for g in report.goroutines.values()
        if g.name == "reader"
        and g.wait_reason == "select"
        and g.waiting_on()[0].cap == 10
        and len(g.waiting_on()[0]) == 10
    ]


def test_unreachable_cannot_see_the_leaked_reader_when_the_app_context_is_cancellable():
    """As written, readerCtx is a child of the cancellable app context: the parent's
    children map keeps it, and its Done channel, reachable from main, so Go's
    goroutineleak rule counts the reader as live. The report says through what."""
    _, report = at_35s(app_context="cancellable")
    readers = leaked_readers(report)
    assert len(readers) == 2  # the readers of the streams that ended at 10 s and 20 s
    for g in readers:
        verdict = report.verdicts[g.id]["unreachable"]
        assert not verdict.flagged
        assert "main() local ctx (ctx) -> _children" in verdict.why
        assert "readerCtx[c000]" in verdict.why
        assert report.verdicts[g.id]["durably blocked"].flagged


def test_unreachable_finds_the_leaked_reader_when_the_app_context_is_background():
    """With context.Background() as the app context, nothing registers readerCtx:
    only the leaked reader's own frame references it and its readCh."""
    _, report = at_35s(app_context="background")
    readers = leaked_readers(report)
    assert len(readers) == 2
    for g in readers:
        assert report.verdicts[g.id]["unreachable"].flagged
        assert report.verdicts[g.id]["durably blocked"].flagged


def test_end_of_run_check_misses_what_shutdown_frees():
    """The same leak, measured after a full shutdown: goleak's rule sees nothing
    when the app context is cancellable (shutdown cancels it), and every leaked
    reader when it is Background (nothing can)."""
    by_ctx = {}
    for ctx in ("cancellable", "background"):
        p = MODEL.resolve({**SMALL, "app_context": ctx})
        rec = run_model(MODEL, p, seed=0, strategy="fifo", leak_check=True)
        readers = [g for g in rec.leaks if g.key.startswith("reader [select] container_manager")]
        by_ctx[ctx] = readers[0]
    assert by_ctx["cancellable"].flagged["end of run"] == 0
    assert by_ctx["background"].flagged["end of run"] == by_ctx["background"].count == 3
    assert by_ctx["background"].leaked == 3


def test_healthy_program_raises_no_unreachable_leak():
    _, report = at_35s(reader_parent="stream")
    assert report.flagged("unreachable") == []


def test_dump_shows_the_wrong_parent_at_a_glance():
    """debug=2 shows the ancestry of the context a goroutine waits on: the leaked
    reader's readerCtx hangs off the app context, not off a streamCtx."""
    rt, report = at_35s()
    dump = rt.goroutine_profile(debug=2)
    reader = leaked_readers(report)[0]
    block = next(b for b in dump.split("\n\n") if b.startswith(f"goroutine {reader.id} "))
    line = next(x for x in block.splitlines() if x.startswith("\tcontext (waits on)"))
    assert "readerCtx[c000]: WithCancel, live, cancel never called" in line
    assert "created at container_manager.go:952 <- ctx: WithCancel, live" in line
    assert "streamCtx" not in line
    fixed_rt, _ = at_35s(reader_parent="stream")
    line = next(
        x
        for x in fixed_rt.goroutine_profile(debug=2).splitlines()
        if x.startswith("\tcontext (holds reader_ctx) readerCtx")
    )
    assert "created at container_manager.go:952 <- streamCtx[c000]: WithDeadline" in line
