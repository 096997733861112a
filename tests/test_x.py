"""golang.org/x/sync's errgroup and semaphore, as x/sync v0.20.0 documents them.

There is no recording of these in tests/conformance (the recording machine could
not fetch x/sync); the expected values below are what Go 1.27.3 printed for the
quoted programs built against the x/sync v0.20.0 that Go 1.27.3 vendors
(src/cmd/vendor/golang.org/x/sync), 5 runs at GOMAXPROCS=1 and 10 at the default,
all alike.

errgroup.WithContext: "The derived Context is canceled the first time a function
passed to Go returns a non-nil error or the first time Wait returns, whichever
occurs first." Wait: "blocks until all function calls from the Go method have
returned, then returns the first non-nil error (if any) from them." Go: "It
blocks until the new goroutine can be added without the number of goroutines in
the group exceeding the configured limit." TryGo: "The return value reports
whether the goroutine was started." SetLimit: "A limit of zero will prevent any
new goroutines from being added."

semaphore.Acquire: "blocking until resources are available or ctx is done. On
success, returns nil. On failure, returns ctx.Err() and leaves the semaphore
unchanged." TryAcquire: "On failure, returns false and leaves the semaphore
unchanged."
"""

from __future__ import annotations

import pytest

import simlab as sl
from simlab.observe.leaks import check
from simlab.x import errgroup, semaphore
from tests.conftest import run

MS = sl.Millisecond


def v(x) -> str:
    if x is None:
        return "<nil>"
    if isinstance(x, bool):
        return "true" if x else "false"
    return str(x)


# --- errgroup ---------------------------------------------------------------------


def test_wait_returns_the_first_error_which_cancels_the_context_with_it_as_cause():
    """Go printed, for a group whose first function fails with "a failed" and whose
    second waits for ctx, `before: err <nil> cause <nil>`, `wait: a failed true`,
    `after: err context canceled cause a failed`; for a group without error, `wait:
    <nil> ctx err context canceled cause context canceled`; for a zero Group, `zero
    group waits for nothing: <nil>`."""
    out = []

    def main(rt):
        g, ctx = errgroup.with_context(rt.background())
        gate = rt.chan()
        err_a = sl.errors_new("a failed")

        def a():
            yield gate.recv()
            return err_a

        def b():
            yield ctx.done().recv()
            return sl.errors_new("b saw " + str(ctx.err()))

        g.go(a)
        g.go(b)
        g.go(lambda: None)
        out.append(f"before: err {v(ctx.err())} cause {v(sl.cause(ctx))}")
        gate.close()
        err = yield from g.wait()
        out.append(f"wait: {v(err)} {v(err is err_a)}")
        out.append(f"after: err {v(ctx.err())} cause {v(sl.cause(ctx))}")
        g2, ctx2 = errgroup.with_context(rt.background())
        g2.go(lambda: None)
        err2 = yield from g2.wait()
        out.append(f"wait: {v(err2)} ctx err {v(ctx2.err())} cause {v(sl.cause(ctx2))}")
        g3 = errgroup.Group(rt)
        out.append(f"zero group waits for nothing: {v((yield from g3.wait()))}")

    run(main)
    assert out == [
        "before: err <nil> cause <nil>",
        "wait: a failed true",
        "after: err context canceled cause a failed",
        "wait: <nil> ctx err context canceled cause context canceled",
        "zero group waits for nothing: <nil>",
    ]


def test_go_blocks_at_the_limit_and_try_go_reports_whether_it_started():
    """Go printed `TryGo at the limit: false`, `SetLimit: errgroup: modify limit while
    2 goroutines in the group are still active`, `events while at the limit: 0`,
    `<nil> Go returned third ran`, `TryGo below the limit: true`, `TryGo with limit
    0: false`."""
    out = []

    def main(rt):
        g = errgroup.Group(rt)
        g.set_limit(2)
        gate = rt.chan()

        def wait_for_gate():
            yield gate.recv()

        for _ in range(2):
            yield from g.go(wait_for_gate)
        out.append(f"TryGo at the limit: {v(g.try_go(lambda: None))}")
        try:
            g.set_limit(5)
        except sl.GoPanic as p:
            out.append(f"SetLimit: {p.message}")
        events = rt.chan(10)

        def third():
            yield events.send("third ran")

        def adder():
            yield from g.go(third)
            yield events.send("Go returned")

        rt.go(adder)
        yield rt.gosched()
        out.append(f"events while at the limit: {len(events)}")
        gate.close()
        err = yield from g.wait()
        first, _ = yield events.recv()
        second, _ = yield events.recv()
        out.append(f"{v(err)} {first} {second}")
        out.append(f"TryGo below the limit: {v(g.try_go(lambda: None))}")
        yield from g.wait()
        g0 = errgroup.Group(rt)
        g0.set_limit(0)
        out.append(f"TryGo with limit 0: {v(g0.try_go(lambda: None))}")

    run(main)
    assert out == [
        "TryGo at the limit: false",
        "SetLimit: errgroup: modify limit while 2 goroutines in the group are still active",
        "events while at the limit: 0",
        "<nil> Go returned third ran",
        "TryGo below the limit: true",
        "TryGo with limit 0: false",
    ]


def test_a_limited_go_that_is_never_run_is_reported():
    """With a limit, g.go(...) must be run with `yield from` (it may block): one that
    was only called would silently start nothing, so the group's next call says so."""

    def main(rt):
        g = errgroup.Group(rt)
        g.set_limit(1)
        g.go(lambda: None)  # forgot `yield from`
        yield from g.wait()

    with pytest.raises(TypeError, match=r"yield from g\.go"):
        run(main)


def test_without_a_limit_go_starts_at_once_and_yield_from_is_harmless():
    def main(rt):
        g = errgroup.Group(rt)
        started = g.go(lambda: None)
        yield from g.go(lambda: None)
        n = rt.num_goroutine()
        err = yield from g.wait()
        return list(started), n, err

    assert sl.Runtime().run(main).value == ([], 3, None)


def test_a_dump_reads_as_go_s_for_the_group_s_goroutines():
    """Go printed, for main in Wait, a goroutine of the group blocked in `select {}`
    and one blocked in Go at the limit:

        goroutine 1 [sync.WaitGroup.Wait]:
        sync.runtime_SemacquireWaitGroup(0x6e1ac19a0a0?, 0xb?)
        sync.(*WaitGroup).Wait(0x6e1ac202088)
        golang.org/x/sync/errgroup.(*Group).Wait(0x6e1ac202080)
            .../errgroup/errgroup.go:56 +0x1e
        main.main()
        goroutine 23 [select (no cases)]:
        main.main.func5()
        golang.org/x/sync/errgroup.(*Group).Go.func1()
            .../errgroup/errgroup.go:93 +0x50
        created by golang.org/x/sync/errgroup.(*Group).Go in goroutine 1
            .../errgroup/errgroup.go:78 +0xa5
        goroutine 24 [chan send]:
        golang.org/x/sync/errgroup.(*Group).Go(0x6e1ac202080, 0x58d330)
            .../errgroup/errgroup.go:74 +0x34
        main.main.func6()
    """

    def main(rt):
        g = errgroup.Group(rt)
        g.set_limit(1)

        def blocker():
            yield sl.select()

        yield from g.go(blocker)

        def adder():
            yield from g.go(lambda: None)

        rt.go(adder)
        yield rt.sleep(10)
        yield from g.wait()

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    dump = str(info.value)
    f = errgroup.FILE
    main_g, blocker, adder = dump.split("\n\n")[1:4]
    assert [line for line in main_g.splitlines()][:7] == [
        "goroutine 1 [sync.WaitGroup.Wait]:",
        "sync.runtime_SemacquireWaitGroup(...)",
        "\t/usr/local/go/src/runtime/sema.go:114",
        "sync.(*WaitGroup).Wait(...)",
        "\t/usr/local/go/src/sync/waitgroup.go:206",
        "golang.org/x/sync/errgroup.(*Group).Wait(...)",
        f"\t{f}:56",
    ]
    assert blocker.splitlines()[0] == "goroutine 2 [select (no cases)]:"
    assert blocker.splitlines()[3:] == [
        "golang.org/x/sync/errgroup.(*Group).Go.func1(...)",
        f"\t{f}:93",
        "created by golang.org/x/sync/errgroup.(*Group).Go in goroutine 1",
        f"\t{f}:78",
    ]
    assert adder.splitlines()[:3] == [
        "goroutine 3 [chan send]:",
        "golang.org/x/sync/errgroup.(*Group).Go(...)",
        f"\t{f}:74",
    ]


def test_goroutines_leaked_by_a_group_are_flagged():
    """A goroutine blocked in Wait on a group whose function never returns, and that
    function's goroutine: both leak, and the oracles say on what."""
    rt = sl.Runtime()

    def main(rt):
        def stuck():
            yield rt.chan().recv()

        def waiter():
            g = errgroup.Group(rt)
            g.go(stuck)
            yield from g.wait()

        rt.go(waiter, name="waiter")
        yield rt.sleep(1)

    rt.run(main)
    report = check(rt)
    by_name = {g.name: g for g in report.goroutines.values()}
    assert set(by_name) == {"waiter", "stuck"}
    w = by_name["waiter"]
    assert w.status() == "sync.WaitGroup.Wait"
    verdicts = report.verdicts[w.id]
    assert all(x.flagged for x in verdicts.values()), verdicts
    assert verdicts["durably blocked"].why.startswith("[sync.WaitGroup.Wait] on WaitGroup#")
    assert all(x.flagged for x in report.verdicts[by_name["stuck"].id].values())


# --- semaphore --------------------------------------------------------------------


def test_waiters_are_served_in_order_and_a_large_head_holds_back_smaller_ones():
    """Go printed `TryAcquire(1) with 1 free and a waiter at the head: false`,
    `acquired before Release: 0`, `big small`, and, when the big waiter's context is
    cancelled, `big: context canceled`, `small acquired once the big waiter left`."""
    out = []

    def main(rt):
        bg = rt.background()
        s = semaphore.Weighted(rt, 3)
        yield from s.acquire(bg, 2)
        order = rt.chan(10)

        def take(sem, ctx, n, name):
            yield from sem.acquire(ctx, n)
            yield order.send(name)
            sem.release(n)

        rt.go(take, s, bg, 3, "big")
        yield rt.sleep(10 * MS)
        rt.go(take, s, bg, 1, "small")
        yield rt.sleep(10 * MS)
        out.append(f"TryAcquire(1) with 1 free and a waiter at the head: {v(s.try_acquire(1))}")
        out.append(f"acquired before Release: {len(order)}")
        s.release(2)
        a, _ = yield order.recv()
        b, _ = yield order.recv()
        out.append(f"{a} {b}")

        s2 = semaphore.Weighted(rt, 3)
        yield from s2.acquire(bg, 2)
        ctx, cancel = sl.with_cancel(bg)
        errc, got = rt.chan(), rt.chan()

        def big():
            err = yield from s2.acquire(ctx, 3)
            yield errc.send(err)

        def small():
            yield from s2.acquire(bg, 1)
            yield got.send(True)

        rt.go(big)
        yield rt.sleep(10 * MS)
        rt.go(small)
        yield rt.sleep(10 * MS)
        cancel()
        err, _ = yield errc.recv()
        out.append(f"big: {v(err)}")
        yield got.recv()
        out.append("small acquired once the big waiter left")

    run(main)
    assert out == [
        "TryAcquire(1) with 1 free and a waiter at the head: false",
        "acquired before Release: 0",
        "big small",
        "big: context canceled",
        "small acquired once the big waiter left",
    ]


def test_acquire_fails_on_a_done_context_even_when_free_and_over_release_panics():
    """x/sync v0.20.0 checks ctx first ("We prefer to fail even if we could acquire the
    mutex without blocking"; the sentence "If ctx is already done, Acquire may still
    succeed without blocking" is gone from its documentation). Go printed `done
    ctx, free semaphore: context canceled then TryAcquire: true`, `over-release:
    semaphore: released more than held`, `TryAcquire(2) behind a request larger than
    the semaphore: true`, `too large: context deadline exceeded`."""
    out = []

    def main(rt):
        bg = rt.background()
        s = semaphore.Weighted(rt, 1)
        ctx, cancel = sl.with_cancel(bg)
        cancel()
        err = yield from s.acquire(ctx, 1)
        out.append(f"done ctx, free semaphore: {v(err)} then TryAcquire: {v(s.try_acquire(1))}")
        try:
            s.release(2)
        except sl.GoPanic as p:
            out.append(f"over-release: {p.message}")
        s3 = semaphore.Weighted(rt, 2)
        tctx, tcancel = sl.with_timeout(bg, 20 * MS)
        errc = rt.chan()

        def too_large():
            e = yield from s3.acquire(tctx, 5)
            yield errc.send(e)

        rt.go(too_large)
        yield rt.sleep(5 * MS)
        out.append(
            f"TryAcquire(2) behind a request larger than the semaphore: {v(s3.try_acquire(2))}"
        )
        e, _ = yield errc.recv()
        out.append(f"too large: {v(e)}")
        tcancel()

    run(main)
    assert out == [
        "done ctx, free semaphore: context canceled then TryAcquire: true",
        "over-release: semaphore: released more than held",
        "TryAcquire(2) behind a request larger than the semaphore: true",
        "too large: context deadline exceeded",
    ]


def test_tokens_granted_after_the_context_was_done_go_back():
    """Acquire's two races, as x/sync handles them once the waiter runs: granted by
    a Release after its ctx woke it ("Acquired the semaphore after we were
    canceled. Pretend we didn't and put the tokens back."), or woken by the grant
    with ctx done before it ran ("Check that ctx isn't already done"). Either way
    it returns ctx.Err() and the semaphore is unchanged."""

    def race(cancel_first):
        def main(rt):
            s = semaphore.Weighted(rt, 1)
            yield from s.acquire(rt.background(), 1)
            ctx, cancel = sl.with_cancel(rt.background())
            result = []

            def waiter():
                result.append((yield from s.acquire(ctx, 1)))

            rt.go(waiter)
            yield rt.sleep(1)
            if cancel_first:
                cancel()  # wakes the waiter through ctx.Done()
                s.release(1)  # it is still queued: the tokens are its
            else:
                s.release(1)  # wakes the waiter through ready
                cancel()
            yield rt.sleep(1)
            return result, s.cur, len(s.waiters), s.try_acquire(1)

        return sl.Runtime().run(main).value

    assert race(cancel_first=True) == ([sl.Canceled], 0, 0, True)
    assert race(cancel_first=False) == ([sl.Canceled], 0, 0, True)


def test_main_blocked_in_acquire_is_a_deadlock_in_select_with_go_s_frame():
    """Go printed `main acquires again`, then:

    fatal error: all goroutines are asleep - deadlock!

    goroutine 1 [select]:
    golang.org/x/sync/semaphore.(*Weighted).Acquire(0x351cef5a6000, {...}, 0x1)
        .../semaphore/semaphore.go:74 +0x338
    main.main()
    """

    def main(rt):
        s = semaphore.Weighted(rt, 1)
        yield from s.acquire(rt.background(), 1)
        yield from s.acquire(rt.background(), 1)

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    assert str(info.value).splitlines()[:5] == [
        "fatal error: all goroutines are asleep - deadlock!",
        "",
        "goroutine 1 [select]:",
        "golang.org/x/sync/semaphore.(*Weighted).Acquire(...)",
        f"\t{semaphore.FILE}:74",
    ]


def test_a_goroutine_leaked_in_acquire_is_flagged_with_its_wait_reason():
    """A worker that returns without Release leaks every worker waiting behind it."""
    rt = sl.Runtime()

    def main(rt):
        s = semaphore.Weighted(rt, 1)

        def worker(i):
            yield from s.acquire(rt.background(), 1)
            if i == 0:
                return  # the error path forgets s.release(1)
            s.release(1)

        rt.go(worker, 0, name="worker")
        yield rt.sleep(1)
        rt.go(worker, 1, name="worker")
        yield rt.sleep(1)

    rt.run(main)
    report = check(rt)
    [g] = report.goroutines.values()
    assert g.status() == "select"
    verdicts = report.verdicts[g.id]
    assert all(x.flagged for x in verdicts.values()), verdicts
    assert verdicts["durably blocked"].why == (
        "[select] on semaphore.Weighted#1.ready: only a goroutine can wake it"
    )
