"""Goroutines, the scheduler, deadlock and panics, as the Go runtime behaves.

Spec, "Program execution": "Program execution begins by initializing the program
and then invoking the function main in package main. When that function
invocation returns, the program exits. It does not wait for other (non-main)
goroutines to complete."
"""

import pytest

import simlab as sl
from tests.conftest import run


def test_main_returning_ends_the_program_without_waiting():
    ran = []

    def main(rt):
        def late():
            yield rt.sleep(10)
            ran.append("late")

        rt.go(late)
        yield rt.sleep(1)
        return "exit value"

    rt = sl.Runtime()
    result = rt.run(main, until=sl.Hour)
    assert (result.reason, result.now, result.value) == ("main returned", 1, "exit value")
    assert ran == []


def test_goroutine_ids_main_first_then_creation_order():
    def main(rt):
        gs = [rt.go(lambda: (yield rt.sleep(5)), name=f"g{i}") for i in range(3)]
        assert [g.id for g in gs] == [2, 3, 4]
        assert [g.created_in for g in gs] == [1, 1, 1]
        yield rt.sleep(1)

    run(main)


def test_num_goroutine_counts_live_goroutines_including_main():
    """runtime.NumGoroutine "returns the number of goroutines that currently exist"."""
    counts = []

    def main(rt):
        counts.append(rt.num_goroutine())
        for _ in range(3):
            rt.go(lambda: (yield rt.sleep(10)), name="sleeper")
        counts.append(rt.num_goroutine())
        assert rt.num_goroutine_by_name() == {"main": 1, "sleeper": 3}
        yield rt.sleep(20)
        counts.append(rt.num_goroutine())

    run(main)
    assert counts == [1, 4, 1]


def test_system_goroutines_are_not_counted():
    def main(rt):
        rt.go(lambda: (yield rt.sleep(10)), name="daemon", system=True)
        assert rt.num_goroutine() == 1
        assert [g.name for g in rt.goroutines(system=True)] == ["main", "daemon"]
        yield rt.sleep(1)

    run(main)


def test_a_goroutine_runs_until_it_blocks():
    """GOMAXPROCS=1: between two blocking operations a goroutine is not interrupted."""
    log = []

    def main(rt):
        def other():
            log.append("other")
            yield rt.sleep(0)

        rt.go(other)
        for i in range(3):
            log.append(i)  # no yield: `other` cannot run in between
        yield rt.sleep(1)

    run(main)
    assert log == [0, 1, 2, "other"]


def test_gosched_lets_others_run_and_stays_runnable():
    log = []

    def main(rt):
        def other():
            log.append("other")
            yield rt.sleep(0)

        rt.go(other)
        log.append("before")
        yield rt.gosched()
        log.append("after")

    run(main)
    assert log == ["before", "other", "after"]


def test_goroutines_ready_at_one_instant_all_become_ready_before_anyone_runs():
    """Two timers due at the same instant both fire before the scheduler picks, so
    which goroutine runs first at t=10 is a decision of the strategy: fifo takes
    the one that slept first, and random takes either, depending on the seed."""

    def first_at_ten(seed, strategy):
        log = []

        def main(rt):
            def sleeper(name):
                yield rt.sleep(10)
                log.append(name)

            rt.go(sleeper, "a")
            rt.go(sleeper, "b")
            yield rt.sleep(20)

        rt = run(main, seed=seed, strategy=strategy)
        # decisions: who runs first at t=0 (a or b), and again at t=10
        assert rt.decisions() == 2
        return log[0]

    assert first_at_ten(0, "fifo") == "a"
    assert {first_at_ten(seed, "random") for seed in range(16)} == {"a", "b"}


def test_deadlock_dump():
    """Go 1.27 printed, for main blocked in `<-done` beside a leaked sender:

    fatal error: all goroutines are asleep - deadlock!

    goroutine 1 [chan receive]:
    main.main()
    ...
    goroutine 18 [chan send]:
    main.leak(...)
    ...
    created by main.main in goroutine 1
    """

    def leak(ch):
        yield ch.send(1)

    def main(rt):
        rt.go(leak, rt.chan())
        rt.go(lambda: (yield rt.sleep(sl.Millisecond)), name="sleeper")
        yield rt.chan().recv()

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    text = str(info.value)
    assert text.startswith("fatal error: all goroutines are asleep - deadlock!\n\n")
    assert "goroutine 1 [chan receive]:\n" in text
    assert "goroutine 2 [chan send]:\ntest_runtime.test_deadlock_dump.leak(...)" in text
    assert "created by test_runtime.test_deadlock_dump.main in goroutine 1\n" in text
    assert "goroutine 3" not in text  # the sleeper had exited, as in Go's dump


def test_panic_names_the_goroutine_and_ends_the_run():
    def main(rt):
        def boom():
            yield rt.sleep(1)
            raise sl.GoPanic("boom")

        rt.go(boom, name="boom")
        yield rt.sleep(10)

    rt = sl.Runtime()
    with pytest.raises(sl.GoPanic) as info:
        rt.run(main)
    assert info.value.goroutine == "2 [boom]"
    assert rt.now == 1
    assert rt.halted == "panic"


def test_python_error_in_a_goroutine_names_it():
    def main(rt):
        def buggy():
            yield rt.sleep(1)
            return 1 / 0

        rt.go(buggy, name="buggy")
        yield rt.sleep(10)

    with pytest.raises(ZeroDivisionError) as info:
        run(main)
    assert any("goroutine 2 [buggy]" in note for note in info.value.__notes__)


def test_yielding_a_generator_instead_of_yield_from_is_explained():
    def helper(rt):
        yield rt.sleep(1)

    def main(rt):
        yield helper(rt)

    with pytest.raises(TypeError, match="yield from helper"):
        run(main)


def test_run_until_then_continue():
    def main(rt):
        for _ in range(10):
            yield rt.sleep(sl.Minute)

    rt = sl.Runtime()
    first = rt.run(main, until=3 * sl.Minute)
    assert (first.reason, first.now) == ("until", 3 * sl.Minute)
    second = rt.run(until=sl.Hour)
    assert (second.reason, second.now) == ("main returned", 10 * sl.Minute)
    with pytest.raises(sl.SimlabError, match="has ended"):
        rt.run(until=2 * sl.Hour)


def test_until_includes_everything_due_at_that_instant():
    seen = []

    def main(rt):
        yield rt.sleep(sl.Second)
        seen.append(rt.now)
        yield rt.sleep(sl.Second)

    rt = sl.Runtime()
    rt.run(main, until=sl.Second)
    assert seen == [sl.Second]


def test_plain_function_goroutine_runs_later_not_at_go_statement():
    log = []

    def main(rt):
        rt.go(lambda: log.append("body"), name="plain")
        log.append("after go")
        yield rt.sleep(1)

    run(main)
    assert log == ["after go", "body"]


def test_fds_are_lowest_free_numbers_from_three():
    def main(rt):
        a = rt.fds.open("socket", "conn-1")
        b = rt.fds.open("socket", "conn-2")
        assert (a, b, rt.open_fds()) == (3, 4, 2)
        assert rt.fds.close(a) is True
        assert rt.fds.close(a) is False  # EBADF
        assert rt.fds.open("pipe") == 3
        assert [f.fd for f in rt.fds.listing()] == [3, 4]
        assert 4 in rt.fds and a in rt.fds
        yield rt.sleep(1)

    run(main)


def test_waiting_on_the_outside_world_is_not_a_deadlock():
    """A Go program blocked in signal.Notify's channel (or a network read) is never
    declared deadlocked: something outside the program can still wake it."""

    def main(rt):
        yield sig.recv()
        return "stopped"

    rt = sl.Runtime()
    sig = rt.chan(name="signal", external=True)
    first = rt.run(main, until=sl.Hour)
    assert first.reason == "until"
    sig.close()  # SIGTERM, from outside
    assert rt.run().value == "stopped"


def test_wait_idle_returns_when_every_other_goroutine_is_durably_blocked_before_time_moves():
    """testing/synctest.Wait: "Wait blocks until every goroutine within the current
    bubble, other than the current goroutine, is durably blocked"; a goroutine
    sleeping on the bubble's fake clock is durably blocked, so time has not moved."""
    seen = []

    def main(rt):
        ch = rt.chan()

        def sleeper():
            yield rt.sleep(sl.Second)
            seen.append(("sleeper woke", rt.now))

        def receiver():
            yield ch.recv()
            seen.append(("receiver got", rt.now))

        rt.go(sleeper)
        rt.go(receiver)
        yield rt.wait_idle()
        seen.append(("idle", rt.now))
        yield ch.send(1)
        yield rt.wait_idle()  # the receiver runs and exits before Wait returns
        seen.append(("idle", rt.now))

    sl.Runtime().run(main)
    assert seen == [("idle", 0), ("receiver got", 0), ("idle", 0)]


def _two_yielders(rt):
    """Main and one other goroutine handing the processor back and forth forever."""

    def spinner():
        while True:
            yield rt.gosched()

    rt.go(spinner)
    while True:
        yield rt.gosched()


def test_goroutines_that_run_forever_without_time_moving_end_the_run_as_a_livelock():
    """Two goroutines handing the processor back and forth with Gosched never block,
    so simulated time never moves: the run stops with a dump instead of hanging."""
    rt = sl.Runtime(livelock_steps=1_000)
    with pytest.raises(sl.Livelock) as err:
        rt.run(_two_yielders, until=sl.Second)
    assert err.value.steps == 1_000 and err.value.at == 0
    assert str(err.value).startswith("livelock: 1,000 goroutine steps at 0s")
    assert "goroutine 2 [runnable]:" in err.value.dump


def test_on_the_op_cost_clock_a_livelock_says_only_the_goroutines_moved_time():
    """The same two goroutines on the clock where every operation takes 1 us: time
    moves, but only by their own operations; after 1,000 Gosched, 1 ms."""
    rt = sl.Runtime(livelock_steps=1_000, op_cost=sl.Microsecond)
    with pytest.raises(sl.Livelock) as err:
        rt.run(_two_yielders, until=sl.Second)
    assert (err.value.since, err.value.at) == (0, 1_000 * sl.Microsecond)
    assert err.value.message.startswith(
        "livelock: 1,000 goroutine steps from 0s to 1ms with no timer firing"
    )


def test_a_run_that_does_not_record_keeps_no_schedule_and_no_cancelled_contexts():
    def main(rt):
        for _ in range(100):
            _, cancel = sl.with_cancel(rt.background())
            cancel()
        yield rt.sleep(1)

    rt = sl.Runtime(record=False)
    rt.run(main)
    assert rt.contexts() == [] and rt.live_contexts() == 0
    with pytest.raises(sl.SimlabError):
        rt.schedule()
    recorded = sl.Runtime()
    recorded.run(main)
    assert len(recorded.contexts()) == 100
    assert recorded.trace_digest() == rt.trace_digest()


def test_an_operation_made_and_never_yielded_is_reported_with_where_it_was():
    """`mu.lock()` without `yield` does nothing (a Go port once did `mu.lock();
    mu.lock()` and returned normally): simlab reports it at once, as asyncio
    reports a coroutine never awaited."""

    def twice(rt):
        mu = rt.mutex()
        mu.lock()
        mu.lock()
        yield rt.sleep(1)

    with pytest.raises(sl.UnyieldedOperation) as err:
        sl.Runtime().run(twice)
    assert "goroutine 1 [main] made an operation" in str(err.value)
    assert "test_runtime.py" in str(err.value) and "before this yield" in str(err.value)

    def forgot_at_the_end(rt):
        ch = rt.chan(1)
        yield ch.send(1)
        ch.recv()

    with pytest.raises(sl.UnyieldedOperation, match="before it returned"):
        sl.Runtime().run(forgot_at_the_end)


def test_durations_of_the_wrong_type_are_refused_in_go_terms():
    rt = sl.Runtime()
    with pytest.raises(TypeError, match=r"time.Sleep takes a time.Duration.*sl.parse_duration"):
        rt.sleep("5s")
    with pytest.raises(TypeError, match=r"time.NewTimer takes a time.Duration, .* not float"):
        rt.timer(1.5 * sl.Second)
    with pytest.raises(TypeError, match=r"rt.call_later takes a time.Duration, .* not float"):
        rt.call_later(1.5, print)


def test_one_goroutine_that_never_blocks_is_a_livelock_too():
    """`for { select { case <-done: return; case <-time.After(0): } }`: time.After(0)
    is ready at once, so the loop never blocks and time never moves."""

    def main(rt):
        done = rt.chan()
        while True:
            i, _, _ = yield sl.select(done.recv_case(), rt.after(0).recv_case())
            if i == 0:
                return

    with pytest.raises(sl.Livelock) as err:
        sl.Runtime(livelock_steps=500).run(main, until=sl.Second)
    assert err.value.steps == 500 and "goroutine 1 [running]:" in err.value.dump


def _starved_by_handoffs(rt, rounds):
    """A goroutine waits in the local queue while main and a fresh helper hand the
    processor to each other through runnext, round after round, at one instant."""
    done = rt.chan(1)

    def worker():
        yield done.send(True)

    rt.go(worker)
    n = 0
    while len(done) == 0:
        ch = rt.chan()

        def helper(ch=ch):
            yield ch.send(1)

        rt.go(helper)
        yield ch.recv()
        n += 1
    rounds.append(n)


def test_goroutines_run_through_runnext_share_one_time_slice():
    """runtime/proc.go's retake: sysmon preempts "a sequence of goroutines run via
    runnext, which share a single schedtick time slice", after forcePreemptNS (10ms).
    The Go of this model (a helper started and received from, each round, while a
    goroutine made first waits) printed 22,424, 22,824, 22,923, 28,944 and 28,944
    rounds before that goroutine ran, in five runs of go1.27.3 at GOMAXPROCS=1 here.
    fifo, which would otherwise starve it for good, runs it within that order."""
    rounds: list[int] = []
    sl.Runtime().run(lambda rt: _starved_by_handoffs(rt, rounds), until=sl.Second)
    assert len(rounds) == 1 and 10_000 <= rounds[0] <= 60_000


def test_a_goroutine_that_spins_while_another_waits_is_preempted():
    """`for !ready.Load() {}` while the goroutine that sets it is runnable: Go
    preempts the spinner after its 10ms slice (since Go 1.14, at any instruction),
    the other runs, and go1.27.3 printed "n = 42". Its operations count against the
    livelock guard, which they stay far below here."""
    seen = []

    def main(rt):
        ready, n = rt.atomic_bool(), rt.atomic_int64()

        def setter():
            yield n.store(42)
            yield ready.store(True)

        rt.go(setter)
        while not (yield ready.load()):
            pass
        seen.append((yield n.load()))

    assert sl.Runtime().run(main, until=sl.Second).reason == "main returned"
    assert seen == [42]


def test_goroutines_that_spin_waiting_for_each_other_are_still_a_livelock():
    """Two goroutines each spinning until the other stops: preempting them in turn
    moves nothing on, and the operations of their slices, counted as steps, fill
    the livelock guard of the instant."""

    def main(rt):
        a, b = rt.atomic_bool(), rt.atomic_bool()

        def other():
            while not (yield a.load()):
                pass
            yield b.store(True)

        rt.go(other)
        while not (yield b.load()):
            pass
        yield a.store(True)

    with pytest.raises(sl.Livelock) as err:
        sl.Runtime(livelock_steps=300_000).run(main, until=sl.Second)
    assert err.value.steps > 300_000 and err.value.at == 0
    assert "[runnable]:" in err.value.dump  # the one preempted last


def test_once_the_program_has_ended_no_goroutine_runs_its_defers(capsys):
    """Go's exit drops the goroutines left: none of their deferred calls runs, not
    while the program's state is read after the run, nor when it is collected."""
    import gc

    ran: list[str] = []

    def main(rt):
        def blocked():
            try:
                yield sl.select()
            finally:
                ran.append("defer")
                print("deferred in a leaked goroutine")

        rt.go(blocked)
        yield rt.sleep(1)

    rt = sl.Runtime()
    rt.run(main)
    assert ran == []  # the metrics read after a run see the program as it ended
    del rt
    gc.collect()
    assert capsys.readouterr().out == ""


def test_a_fatal_error_runs_no_deferred_call_of_the_failing_goroutine(capsys):
    def main(rt):
        mu = rt.mutex()
        try:
            print("unlocking")
            mu.unlock()
        finally:
            print("main's defer")
        yield rt.sleep(1)

    with pytest.raises(sl.FatalError) as err:
        sl.Runtime().run(main)
    assert capsys.readouterr().out == "unlocking\n"
    assert str(err.value).splitlines()[0] == "fatal error: sync: unlock of unlocked mutex"
    assert [ln for ln in str(err.value).splitlines() if ln.startswith("goroutine ")] == [
        "goroutine 1 [running]:"
    ]


def test_goexit_runs_the_defers_and_no_recover_or_except_stops_it():
    """runtime.Goexit's documentation: it runs all deferred calls; a recover in
    them returns nil (the goroutine still ends); other goroutines go on."""
    seen: list[str] = []

    def main(rt):
        done = rt.chan()

        def worker():
            try:
                try:
                    yield rt.goexit()
                    seen.append("after Goexit")  # never
                except Exception:
                    seen.append("except Exception")  # never
                except sl.GoPanic:
                    seen.append("recovered")  # never
            finally:
                seen.append("defer")
                done.close()

        rt.go(worker)
        yield done.recv()
        return seen

    assert sl.Runtime().run(main).value == ["defer"]


@pytest.mark.parametrize("strategy", ["fifo", "random", "pct"])
def test_the_run_queue_lists_the_same_goroutines_iterated_as_indexed(strategy):
    """A strategy sees the runnable goroutines as a sequence; dfs reads them all by
    iterating, the others by index. 600 goroutines overflow the local run queue
    (256 in Go), so the global queue, and its turn every 61st tick, are covered."""
    checked = []

    def main(rt):
        for _ in range(600):
            rt.go(lambda: (yield rt.gosched()))
        for _ in range(300):
            runq = rt._runnable
            assert list(runq) == [runq[i] for i in range(len(runq))]
            checked.append(bool(rt._globq))
            yield rt.gosched()

    sl.Runtime(1, strategy).run(main)
    assert any(checked)


def test_a_run_with_trace_events_takes_the_same_steps_as_one_without():
    """A run without trace events (nor hooks, preemption or op_cost) skips their
    tests on the runtime's hottest path: recording the events must not change a
    single step of the schedule."""

    def main(rt):
        ch, done = rt.chan(), rt.chan()
        mu = rt.mutex()

        def worker(i):
            try:
                yield mu.lock()
                if i == 2:
                    raise sl.GoPanic("boom")
                mu.unlock()
                yield sl.select(ch.send_case(i), done.recv_case())
            except sl.GoPanic:
                mu.unlock()

        for i in range(5):
            rt.go(worker, i)
        got = []
        for _ in range(4):
            v, _ = yield ch.recv()
            got.append(v)
        done.close()
        return got

    for seed in range(20):
        runs = [sl.Runtime(seed, "random", trace=t) for t in (False, True)]
        results = [rt.run(main) for rt in runs]
        assert results[0].value == results[1].value
        assert runs[0].trace_digest() == runs[1].trace_digest()
        assert runs[0].schedule() == runs[1].schedule()
