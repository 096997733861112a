"""sync.Cond behaves as the sync package documents, and as Go 1.27 ran it.

Wait "atomically unlocks c.L and suspends execution of the calling goroutine.
After later resuming execution, Wait locks c.L before returning." Signal "wakes
one goroutine waiting on c, if there is any." Broadcast "wakes all goroutines
waiting on c." (The runtime's notifyList serves waiters in the order they called
Wait.)

Where a test ports a program of tests/conformance/go/, it compares with what Go
1.27.3 printed for it (tests/conformance/recorded.json).
"""

from __future__ import annotations

import pytest

import simlab as sl
from simlab.observe.leaks import check
from tests.conftest import run
from tests.recorded import GO, headers

MS = sl.Millisecond


def waiter(rt, mu, c, i, woke):
    yield mu.lock()
    yield c.wait()
    mu.unlock()
    yield woke.send(i)


def test_signal_wakes_the_goroutine_that_has_waited_longest():
    """Port of sync_cond_signal_fifo: Go printed `signal 1 woke waiter 1`, `signal 2
    woke waiter 2`, `signal 3 woke waiter 3`."""
    out = []

    def main(rt):
        mu = rt.mutex()
        c = rt.cond(mu)
        woke = rt.chan(3)
        for i in (1, 2, 3):
            rt.go(waiter, rt, mu, c, i, woke)
            yield rt.sleep(MS)  # waiter i is in Wait before waiter i+1 starts
        for i in range(3):
            c.signal()
            v, _ = yield woke.recv()
            out.append(f"signal {i + 1} woke waiter {v}")

    run(main)
    assert out == GO["sync_cond_signal_fifo"]["stdout"]


def test_signal_wakes_one_goroutine_and_broadcast_all():
    """Port of sync_cond_signal_wakes_one: Go printed `woken after one Signal: 1`,
    `woken after Broadcast: 2`."""
    out = []

    def main(rt):
        mu = rt.mutex()
        c = rt.cond(mu)
        woke = rt.chan(2)
        for i in (1, 2):
            rt.go(waiter, rt, mu, c, i, woke)
        yield rt.sleep(sl.Second)
        c.signal()
        yield rt.sleep(sl.Second)
        out.append(f"woken after one Signal: {len(woke)}")
        c.broadcast()
        yield rt.sleep(sl.Second)
        out.append(f"woken after Broadcast: {len(woke)}")

    run(main)
    assert out == GO["sync_cond_signal_wakes_one"]["stdout"]


def test_broadcast_wakes_every_waiter_at_once():
    """Port of sync_cond_broadcast_wakes_all: Go printed `woken at [2s 2s 2s]`."""

    def main(rt):
        mu = rt.mutex()
        c = rt.cond(mu)
        wg = rt.waitgroup()
        woke = [0, 0, 0]

        def w(i):
            try:
                yield mu.lock()
                yield c.wait()
                woke[i] = rt.now
                mu.unlock()
            finally:
                wg.done()

        for i in range(3):
            wg.add(1)
            rt.go(w, i)
        yield rt.sleep(2 * sl.Second)
        c.broadcast()
        yield wg.wait()
        return "woken at [" + " ".join(sl.format_duration(t) for t in woke) + "]"

    assert [sl.Runtime().run(main).value] == GO["sync_cond_broadcast_wakes_all"]["stdout"]


def test_goroutines_woken_by_broadcast_run_in_go_s_order():
    """Port of sync_cond_broadcast_wake_order. Go readies the waiters oldest first,
    each taking the runnext slot, so at GOMAXPROCS=1 the last one runs first: Go
    printed `4 1 2 3` (and also `4 2 1 3` at the default GOMAXPROCS)."""

    def main(rt):
        mu = rt.mutex()
        c = rt.cond(mu)
        order = rt.chan(4)
        for i in (1, 2, 3, 4):
            rt.go(lambda i=i: (yield from waiter_then_send(rt, mu, c, i, order)))
            yield rt.sleep(MS)
        c.broadcast()
        got = []
        for _ in range(4):
            v, _ = yield order.recv()
            got.append(str(v))
        return " ".join(got)

    def waiter_then_send(rt, mu, c, i, order):
        yield mu.lock()
        yield c.wait()
        mu.unlock()
        yield order.send(i)

    go = GO["sync_cond_broadcast_wake_order"]
    assert [sl.Runtime().run(main).value] == go["stdout"]
    seen = {sl.Runtime(seed=s, strategy="random").run(main).value for s in range(40)}
    go_all = {o["stdout"][0] for o in go["outcomes"] + go["gomaxprocs1"]["outcomes"]}
    assert go_all <= seen


def test_wait_unlocks_while_waiting_and_holds_the_lock_again_when_it_returns():
    """Port of sync_cond_wait_unlocks_relocks: Go printed `main locked the mutex while
    the waiter is in Wait`, `waiter returned from Wait; TryLock from waiter: false`,
    `TryLock after the waiter unlocked: true`."""
    out = []

    def main(rt):
        mu = rt.mutex()
        c = rt.cond(mu)
        holding, done = rt.chan(), rt.chan()

        def w():
            yield mu.lock()
            yield holding.send(True)  # main cannot take the lock until Wait releases it
            yield c.wait()
            tried = "true" if mu.try_lock() else "false"
            out.append(f"waiter returned from Wait; TryLock from waiter: {tried}")
            mu.unlock()
            done.close()

        rt.go(w)
        yield holding.recv()
        yield mu.lock()
        out.append("main locked the mutex while the waiter is in Wait")
        c.signal()
        mu.unlock()
        yield done.recv()
        out.append(f"TryLock after the waiter unlocked: {'true' if mu.try_lock() else 'false'}")

    run(main)
    assert out == GO["sync_cond_wait_unlocks_relocks"]["stdout"]


def test_a_woken_waiter_relocks_as_itself_and_may_wait_for_the_lock():
    """The woken goroutine locks c.L when it runs, not the signaller: if the
    signaller still holds the lock, the woken one waits in sync.Mutex.Lock."""

    def main(rt):
        mu = rt.mutex()
        c = rt.cond(mu)
        g = rt.go(lambda: (yield from relock(mu, c)))
        yield rt.sleep(1)
        yield mu.lock()
        c.signal()
        yield rt.sleep(1)
        status = g.status()
        mu.unlock()
        yield rt.sleep(1)
        return status, g.alive

    def relock(mu, c):
        yield mu.lock()
        yield c.wait()
        mu.unlock()

    assert sl.Runtime().run(main).value == ("sync.Mutex.Lock", False)


def test_a_signal_with_nobody_waiting_is_lost():
    """Port of sync_cond_signal_before_wait_lost: Go printed `signalled with nobody
    waiting`, then the deadlock: `goroutine 1 [sync.WaitGroup.Wait]:`, `goroutine N
    [sync.Cond.Wait]:`."""
    out = []

    def main(rt):
        mu = rt.mutex()
        c = rt.cond(mu)
        c.signal()
        c.broadcast()
        out.append("signalled with nobody waiting")
        wg = rt.waitgroup()
        wg.add(1)

        def w():
            try:
                yield mu.lock()
                yield c.wait()
                mu.unlock()
            finally:
                wg.done()

        rt.go(w)
        yield wg.wait()

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    go = GO["sync_cond_signal_before_wait_lost"]
    assert out == go["stdout"]
    assert headers(str(info.value)) == go["goroutines"]


def test_wait_without_holding_the_lock_is_the_fatal_error_of_unlocking_it():
    """Port of sync_cond_wait_without_lock_fatal: Go printed `fatal error: sync:
    unlock of unlocked mutex`."""

    def main(rt):
        c = rt.cond(rt.mutex())
        yield c.wait()

    with pytest.raises(sl.FatalError) as info:
        run(main)
    want = GO["sync_cond_wait_without_lock_fatal"]["stderr_head"]
    assert [f"fatal error: {info.value.message}"] == want


def test_a_cond_on_an_rlocker_wakes_readers_holding_the_read_lock():
    """c.L may be rw.RLocker(). Go 1.27 printed, 15 runs out of 15: `both waiting;
    TryLock: true`, `reader 1 woke holding the read lock; TryLock: false`, `reader 2
    woke holding the read lock; TryLock: false`, `after: TryLock true`."""
    out = []

    def main(rt):
        rw = rt.rwmutex()
        c = rt.cond(rw.rlocker())
        state = {"ready": False}
        done = rt.chan()

        def reader(i):
            yield rw.rlock()
            while not state["ready"]:
                yield c.wait()
            tried = "true" if rw.try_lock() else "false"
            out.append(f"reader {i} woke holding the read lock; TryLock: {tried}")
            rw.runlock()
            yield done.send(True)

        for i in (1, 2):
            rt.go(reader, i)
        yield rt.sleep(10 * MS)
        out.append(f"both waiting; TryLock: {'true' if rw.try_lock() else 'false'}")
        state["ready"] = True
        rw.unlock()
        c.broadcast()
        yield done.recv()
        yield done.recv()
        out.append(f"after: TryLock {'true' if rw.try_lock() else 'false'}")

    run(main)
    assert out == [
        "both waiting; TryLock: true",
        "reader 1 woke holding the read lock; TryLock: false",
        "reader 2 woke holding the read lock; TryLock: false",
        "after: TryLock true",
    ]


def test_a_dump_shows_go_s_frames_for_a_goroutine_in_wait():
    """Go 1.27 printed:

    goroutine 7 [sync.Cond.Wait]:
    sync.runtime_notifyListWait(0x145025002090, 0x0)
        .../src/runtime/sema.go:617 +0x1b3
    sync.(*Cond).Wait(0x0?)
        .../src/sync/cond.go:71 +0x73
    """

    def main(rt):
        c = rt.cond(rt.mutex())
        rt.go(lambda: (yield from lock_and_wait(c)))
        yield rt.sleep(1)
        return rt.goroutine_profile(debug=2)

    def lock_and_wait(c):
        yield c.L.lock()
        yield c.wait()

    waiting = sl.Runtime().run(main).value.split("\n\n")[1]
    assert waiting.splitlines()[:5] == [
        "goroutine 2 [sync.Cond.Wait]:",
        "sync.runtime_notifyListWait(...)",
        "\t/usr/local/go/src/runtime/sema.go:617",
        "sync.(*Cond).Wait(...)",
        "\t/usr/local/go/src/sync/cond.go:71",
    ]


def test_a_goroutine_leaked_in_wait_is_flagged_with_its_wait_reason():
    rt = sl.Runtime()

    def main(rt):
        mu = rt.mutex()
        c = rt.cond(mu)

        def consumer():
            yield mu.lock()
            yield c.wait()  # nobody will ever signal
            mu.unlock()

        rt.go(consumer, name="consumer")
        yield rt.sleep(1)

    rt.run(main)
    report = check(rt)
    [g] = report.goroutines.values()
    assert g.name == "consumer" and g.status() == "sync.Cond.Wait"
    verdicts = report.verdicts[g.id]
    assert all(v.flagged for v in verdicts.values()), verdicts
    assert verdicts["durably blocked"].why == (
        "[sync.Cond.Wait] on Cond#2: only a goroutine can wake it"
    )


def test_main_blocked_in_wait_is_a_deadlock_with_the_wait_reason_in_the_dump():
    def main(rt):
        c = rt.cond(rt.mutex())
        yield c.L.lock()
        yield c.wait()

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    assert str(info.value).splitlines()[2] == "goroutine 1 [sync.Cond.Wait]:"
