"""Timers and tickers follow Go 1.23+ semantics (asynctimerchan=0), checked on Go 1.27.

Each expected value is what this Go program printed under testing/synctest
(fake time), for the same sequence of calls:

    len cap 0 0                          (NewTimer(1s))
    stop after fire unreceived: true     (Sleep 2s, then Stop)
    no stale value after stop
    reset after fire unreceived: true    (NewTimer(1s), Sleep 2s, Reset(1s))
    after reset received at 5s value 5s
    stop after received: false
    stop active: true stop again: false
    reset stopped: false
    ticker len cap 0 0
    tick1 recv at 3.5s value 1s          (NewTicker(1s), Sleep 3.5s, receive)
    tick2 recv at 4s value 4s
    no stale tick after reset            (Sleep 1.2s, Reset(2s))
    tick3 recv at 7.2s value 7.2s
    After(0) ready immediately 7.2s
"""

import pytest

import simlab as sl
from tests.conftest import run

S, MS = sl.Second, sl.Millisecond


def test_timer_sequence_matches_go():
    log = []

    def main(rt):
        t = rt.timer(S)
        log.append(("len cap", len(t.c), t.c.cap))
        yield rt.sleep(2 * S)
        log.append(("stop after fire unreceived", t.stop()))
        i, _, _ = yield sl.select(t.c.recv_case(), default=True)
        log.append(("stale", i != -1))
        start = rt.now
        t2 = rt.timer(S)
        yield rt.sleep(2 * S)
        log.append(("reset after fire unreceived", t2.reset(S)))
        v, _ = yield t2.c.recv()
        log.append(("received at", rt.now - start, v - start))
        log.append(("stop after received", t2.stop()))
        t3 = rt.timer(S)
        log.append(("stop active, again", t3.stop(), t3.stop()))
        log.append(("reset stopped", t3.reset(S)))
        t3.stop()

    run(main)
    assert log == [
        ("len cap", 0, 0),
        ("stop after fire unreceived", True),
        ("stale", False),
        ("reset after fire unreceived", True),
        ("received at", 3 * S, 3 * S),
        ("stop after received", False),
        ("stop active, again", True, False),
        ("reset stopped", False),
    ]


def test_ticker_keeps_one_missed_tick_and_reset_discards_it():
    log = []

    def main(rt):
        tk = rt.ticker(S)
        log.append(("len cap", len(tk.c), tk.c.cap))
        yield rt.sleep(3500 * MS)
        v, _ = yield tk.c.recv()
        log.append(("tick1", rt.now, v))
        v, _ = yield tk.c.recv()
        log.append(("tick2", rt.now, v))
        yield rt.sleep(1200 * MS)
        tk.reset(2 * S)
        i, _, _ = yield sl.select(tk.c.recv_case(), default=True)
        log.append(("stale after reset", i != -1))
        v, _ = yield tk.c.recv()
        log.append(("tick3", rt.now, v))
        tk.stop()
        after = rt.after(0)
        i, v, _ = yield sl.select(after.recv_case(), default=True)
        log.append(("After(0)", i, v))

    run(main)
    assert log == [
        ("len cap", 0, 0),
        ("tick1", 3500 * MS, 1 * S),
        ("tick2", 4 * S, 4 * S),
        ("stale after reset", False),
        ("tick3", 7200 * MS, 7200 * MS),
        ("After(0)", 0, 7200 * MS),
    ]


def test_an_unread_ticker_waits_without_calendar_entries():
    """A 1 ns ticker nobody receives from, over 1 ms: Go drops every tick after the
    first missed one, so a million ticks would change nothing; the ticker must not
    cost a calendar event each (it has none while its tick is pending). The values:
    Go 1.27.3 under synctest, NewTicker(1ns), Sleep(1ms), two receives, printed the
    first tick's time, the second's and the time then as `1ns 1.000001ms 1.000001ms`
    (the next tick after the receive is the next multiple of the period, as tick2
    above)."""
    seen = []

    def main(rt):
        tk = rt.ticker(1)
        yield rt.sleep(MS)
        seen.append(len(rt.env._queue))  # the sleep's own entry has fired
        v, _ = yield tk.c.recv()
        w, _ = yield tk.c.recv()
        seen.append((v, w, rt.now))
        tk.stop()

    run(main)
    assert seen == [0, (1, MS + 1, MS + 1)]


def test_sleep_non_positive_returns_at_once():
    """time.Sleep: "A negative or zero duration causes Sleep to return immediately."
    (Go printed `Sleep(-1) returned at 7.2s`, the instant it was called.)"""

    def main(rt):
        yield rt.sleep(-1)
        yield rt.sleep(0)
        assert rt.now == 0

    run(main)


def test_non_positive_ticker_panics():
    def main(rt):
        rt.ticker(0)
        yield rt.sleep(1)

    with pytest.raises(sl.GoPanic, match="non-positive interval for NewTicker"):
        run(main)


def test_after_func_runs_in_a_new_goroutine():
    ran = []

    def main(rt):
        def f():
            ran.append((rt.now, rt._current.id))

        rt.after_func(5 * S, f)
        yield rt.sleep(10 * S)
        t = rt.after_func(5 * S, f)
        assert t.stop() is True
        yield rt.sleep(10 * S)

    run(main)
    assert ran == [(5 * S, 2)]


def test_unwatched_timer_does_not_postpone_deadlock():
    """Go 1.23+: a channel timer nobody waits on does not keep the program alive.
    Go printed `fatal error: all goroutines are asleep - deadlock!` at once for
    `t := time.NewTimer(2*time.Second); <-done` (and the same with a Ticker)."""

    def main(rt):
        rt.timer(2 * S)
        rt.ticker(S)
        yield rt.chan().recv()

    rt = sl.Runtime()
    with pytest.raises(sl.Deadlock):
        rt.run(main)
    assert rt.now == 0


def test_watched_timer_postpones_deadlock_until_it_fires():
    """Go printed `timer fired after 2s`, then the deadlock, for a goroutine in
    `select { case <-time.After(2*time.Second): }` beside main in `<-done`."""
    fired = []

    def main(rt):
        def waiter():
            yield rt.after(2 * S).recv()
            fired.append(rt.now)

        rt.go(waiter)
        yield rt.chan().recv()

    rt = sl.Runtime()
    with pytest.raises(sl.Deadlock):
        rt.run(main)
    assert fired == [2 * S]
    assert rt.now == 2 * S
