"""sync.WaitGroup and sync.Mutex behave as the sync package documents.

WaitGroup.Add: "If the counter becomes zero, all goroutines blocked on Wait are
released. If the counter goes negative, Add panics." Wait: "blocks until the
WaitGroup counter is zero." Mutex.Unlock: "It is a run-time error if m is not
locked on entry to Unlock." (Go printed `fatal error: sync: unlock of unlocked
mutex`, and the deferred recover did not run.)
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import simlab as sl
from tests.conftest import run


def test_wait_returns_at_once_when_counter_is_zero():
    def main(rt):
        wg = rt.waitgroup()
        yield wg.wait()
        assert rt.now == 0

    run(main)


def test_wait_releases_every_waiter_when_counter_reaches_zero():
    released = []

    def main(rt):
        wg = rt.waitgroup()
        wg.add(2)

        def waiter(name):
            yield wg.wait()
            released.append((name, rt.now))

        rt.go(waiter, "a")
        rt.go(waiter, "b")
        yield rt.sleep(3)
        wg.done()
        yield rt.sleep(3)
        assert released == []
        wg.done()
        yield rt.sleep(1)

    run(main)
    assert released == [("a", 6), ("b", 6)]


def test_negative_waitgroup_counter_panics():
    """Go printed `panic: sync: negative WaitGroup counter` for wg.Done() on a zero WaitGroup."""

    def main(rt):
        rt.waitgroup().done()
        yield rt.sleep(1)

    with pytest.raises(sl.GoPanic, match="sync: negative WaitGroup counter"):
        run(main)


def test_a_waitgroup_reused_before_its_wait_returned_panics_in_the_waiter():
    """Wait's doc: "If a WaitGroup is reused to wait for several independent sets of
    events, new Add calls must happen after all previous Wait calls have returned."
    Go printed `panic: sync: WaitGroup is reused before previous Wait has returned`
    in the waiter for Done, then Add(1) before the woken waiter ran."""
    panicked = []

    def main(rt):
        wg = rt.waitgroup()
        wg.add(1)

        def waiter():
            try:
                yield wg.wait()
            except sl.GoPanic as panic:
                panicked.append(panic.message)

        rt.go(waiter)
        yield rt.sleep(1)
        wg.done()
        wg.add(1)  # the waiter is runnable, not yet returned
        yield rt.sleep(1)
        wg.done()

    run(main)
    assert panicked == ["sync: WaitGroup is reused before previous Wait has returned"]


def test_waitgroup_go_adds_and_marks_done():
    def main(rt):
        wg = rt.waitgroup()

        def work():
            yield rt.sleep(5)

        wg.go(work)
        wg.go(work)
        assert wg.count == 2
        yield wg.wait()
        assert rt.now == 5

    run(main)


def test_mutex_wakes_its_waiters_in_fifo_order():
    """sync/mutex.go queues waiters FIFO (semacquire); the contenders queue in the
    order Go runs them at GOMAXPROCS=1, the last one started first (runnext)."""
    order = []

    def main(rt):
        mu = rt.mutex()
        yield mu.lock()

        def contender(name):
            yield mu.lock()
            order.append(name)
            yield rt.sleep(1)
            mu.unlock()

        for name in "abc":
            rt.go(contender, name)
        yield rt.sleep(1)
        mu.unlock()
        yield rt.sleep(10)

    run(main)
    assert order == ["c", "a", "b"]


def test_mutex_waiter_reason():
    def main(rt):
        mu = rt.mutex()
        yield mu.lock()
        g = rt.go(lambda: (yield mu.lock()), name="contender")
        yield rt.sleep(1)
        assert g.status() == "sync.Mutex.Lock"
        mu.unlock()
        yield rt.sleep(1)
        assert not g.alive and mu.locked

    run(main)


def test_unlock_of_unlocked_mutex_is_fatal_and_not_recoverable():
    after = []

    def main(rt):
        try:
            rt.mutex().unlock()
        except sl.FatalError:
            after.append("caught")  # Go cannot recover; simlab ends the run regardless
        yield rt.sleep(1)
        after.append("still running")

    with pytest.raises(sl.FatalError) as info:
        run(main)
    assert info.value.message == "sync: unlock of unlocked mutex"
    assert "still running" not in after


def test_try_lock_reports_whether_it_locked():
    """Mutex.TryLock "tries to lock m and reports whether it succeeded"."""

    def main(rt):
        mu = rt.mutex()
        assert mu.try_lock() is True
        assert mu.try_lock() is False
        mu.unlock()
        assert mu.try_lock() is True
        yield rt.sleep(1)

    run(main)


def _unlocker_and_waiter(rt, hold):
    """Go's sync_mutex_barging and sync_mutex_starvation programs (tests/conformance):
    the unlocker unlocks and locks again twice, yielding in between."""
    mu, order = rt.mutex(), []
    yield mu.lock()
    waiting, done = rt.chan(), rt.chan()

    def waiter():
        yield waiting.send(True)
        yield mu.lock()
        order.append("waiter")
        mu.unlock()
        done.close()

    rt.go(waiter)
    yield waiting.recv()
    yield rt.gosched()
    yield rt.sleep(hold)
    for i in (1, 2):
        mu.unlock()
        yield mu.lock()
        order.append(f"unlocker {i}")
        yield rt.gosched()
    mu.unlock()
    yield done.recv()
    return order


def test_mutex_in_normal_mode_lets_the_unlocker_lock_again_before_the_woken_waiter():
    """sync/mutex.go: "a woken up waiter does not own the mutex and competes with
    new arriving goroutines". Go 1.27 printed [unlocker 1 unlocker 2 waiter]."""
    result = sl.Runtime().run(lambda rt: (yield from _unlocker_and_waiter(rt, 0)))
    assert result.value == ["unlocker 1", "unlocker 2", "waiter"]


def test_mutex_starves_into_hand_off_after_a_waiter_waited_over_1ms():
    """sync/mutex.go: "If a waiter fails to acquire the mutex for more than 1ms, it
    switches mutex to the starvation mode", where "ownership of the mutex is directly
    handed off from the unlocking goroutine to the waiter at the front of the queue".
    Go 1.27 printed [unlocker 1 waiter unlocker 2] after a 20 ms wait."""
    result = sl.Runtime().run(lambda rt: (yield from _unlocker_and_waiter(rt, 20 * sl.Millisecond)))
    assert result.value == ["unlocker 1", "waiter", "unlocker 2"]


def _contenders(rt, goroutines, rounds):
    """Goroutines locking one mutex in turn, yielding while they hold it and between
    their turns, so that waiters are woken, overtaken and queued again."""
    mu, wg, turns = rt.mutex(), rt.waitgroup(), []

    def contender(name):
        for _ in range(rounds):
            yield mu.lock()
            turns.append(name)
            yield rt.gosched()
            mu.unlock()
            yield rt.gosched()
        wg.done()

    for name in range(goroutines):
        wg.add(1)
        rt.go(contender, name)
    yield wg.wait()
    return turns


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), strategy=st.sampled_from(["random", "random:preempt"]))
def test_every_goroutine_that_locks_a_mutex_gets_it_in_any_schedule(seed, strategy):
    """sync.Mutex loses no waiter, whatever runs in between. Go's mutex counts its
    waiters in its state word, and Unlock releases the semaphore while that count is
    above zero, not while goroutines sleep on it: a waiter that took the count
    released for another, and the other once woken, are both still owed a turn."""
    rt = sl.Runtime(seed=seed, strategy=strategy)
    result = rt.run(lambda rt: (yield from _contenders(rt, 4, 3)), until=sl.Second)
    assert result.reason == "main returned"
    assert sorted(result.value) == sorted(list(range(4)) * 3)


def test_waitgroup_go_repanics_a_panic_of_f_without_calling_done():
    """sync.WaitGroup.Go: if f panics, the panic is recovered and raised again, and
    Done is not called. Go 1.27 printed "panic: worker exploded [recovered,
    repanicked]" (tests/conformance: sync_waitgroup_go_panic)."""
    counts = []

    def main(rt):
        wg = rt.waitgroup()

        def worker():
            raise sl.GoPanic("worker exploded")

        wg.go(worker)
        yield rt.sleep(1)
        counts.append(wg.count)

    with pytest.raises(sl.GoPanic) as err:
        sl.Runtime().run(main)
    assert str(err.value).splitlines()[0] == "panic: worker exploded [recovered, repanicked]"
    assert counts == []
