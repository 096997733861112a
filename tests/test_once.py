"""sync.Once, OnceFunc, OnceValue and OnceValues behave as the sync package
documents, and as Go 1.27 ran them.

Once.Do "calls the function f if and only if Do is being called for the first time
for this instance of Once." "No call to Do returns until the one call to f
returns." "If f panics, Do considers it to have returned; future calls of Do
return without calling f." "Because no call to Do returns until the one call to
f returns, if f causes Do to be called, it will deadlock." OnceFunc "returns a
function that invokes f only once"; "If f panics, the returned function will
panic with the same value on every call."

In simlab ``once.do(f)`` and the functions the helpers return are generator
helpers: ``yield from once.do(f)``, ``yield from call()``, ``v = yield from get()``.
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


def test_do_calls_f_only_on_the_first_call_for_this_instance():
    """Port of sync_once_runs_once: Go printed `first function, call 1`, `end`."""
    out = []

    def main(rt):
        once = rt.once()
        for i in (1, 2, 3):
            yield from once.do(lambda i=i: out.append(f"first function, call {i}"))
        yield from once.do(lambda: out.append("other function"))
        out.append("end")

    run(main)
    assert out == GO["sync_once_runs_once"]["stdout"]


def test_no_call_to_do_returns_until_the_one_call_to_f_returns():
    """Port of sync_once_callers_wait_for_first: Go printed `second caller returned
    after the first finished: true`."""

    def main(rt):
        once = rt.once()
        state = {"finished": False}
        inside, release, result = rt.chan(), rt.chan(), rt.chan()

        def first():
            yield inside.send(True)
            yield release.recv()
            state["finished"] = True

        rt.go(once.do, first)
        yield inside.recv()

        def second():
            yield from once.do(lambda: print("second function ran"))
            yield result.send(state["finished"])

        g = rt.go(second)
        yield rt.sleep(10 * MS)
        waiting = g.status()
        release.close()
        v, _ = yield result.recv()
        return waiting, f"second caller returned after the first finished: {str(v).lower()}"

    waiting, line = sl.Runtime().run(main).value
    assert waiting == "sync.Mutex.Lock"  # on the Once's mutex, as in Go
    assert [line] == GO["sync_once_callers_wait_for_first"]["stdout"]


def test_if_f_panics_do_considers_it_to_have_returned():
    """Port of sync_once_panic_counts_as_done: Go printed `recovered: init failed`,
    `second Do ran its function: false`."""
    out = []

    def main(rt):
        once = rt.once()

        def boom():
            raise sl.GoPanic("init failed")

        try:
            yield from once.do(boom)
        except sl.GoPanic as p:
            out.append(f"recovered: {p.message}")
        ran = []
        yield from once.do(lambda: ran.append(True))
        out.append(f"second Do ran its function: {'true' if ran else 'false'}")

    run(main)
    assert out == GO["sync_once_panic_counts_as_done"]["stdout"]


def test_if_f_causes_do_to_be_called_it_will_deadlock():
    """Port of sync_once_recursive_deadlock: Go printed `outer function`, then the
    deadlock with `goroutine 1 [sync.Mutex.Lock]:`, the Once's own frames above f's:

        sync.(*Once).doSlow(0x0?, 0x56b2c0)
            .../src/sync/once.go:74 +0x48
        sync.(*Once).Do(...)
            .../src/sync/once.go:69
        main.main.func5.1()
        sync.(*Once).doSlow(0x0?, 0x0?)
            .../src/sync/once.go:78 +0xab
        sync.(*Once).Do(...)
            .../src/sync/once.go:69
    """
    out = []

    def main(rt):
        once = rt.once()

        def outer():
            out.append("outer function")
            yield from once.do(lambda: out.append("inner function"))

        yield from once.do(outer)

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    go = GO["sync_once_recursive_deadlock"]
    assert out == go["stdout"]
    assert headers(str(info.value)) == go["goroutines"]
    lines = str(info.value).splitlines()
    frames = [line for line in lines[3:] if not line.startswith("\t")]
    places = [line.strip() for line in lines[3:] if line.startswith("\t")]
    assert frames[4:9] == [
        "sync.(*Once).doSlow(...)",
        "sync.(*Once).Do(...)",
        "test_once.test_if_f_causes_do_to_be_called_it_will_deadlock.main.outer(...)",
        "sync.(*Once).doSlow(...)",
        "sync.(*Once).Do(...)",
    ]
    assert [places[4], places[7], places[8]] == [
        "/usr/local/go/src/sync/once.go:74",
        "/usr/local/go/src/sync/once.go:78",
        "/usr/local/go/src/sync/once.go:69",
    ]


def test_once_func_invokes_f_only_once():
    """Port of sync_once_func: Go printed `f ran 1 time(s)`."""

    def main(rt):
        calls = []
        f = sl.once_func(lambda: calls.append(1))
        for _ in range(3):
            yield from f()
        return f"f ran {len(calls)} time(s)"

    assert [sl.Runtime().run(main).value] == GO["sync_once_func"]["stdout"]


def test_once_func_panics_with_the_same_value_on_every_call():
    """Port of sync_once_func_panic_repeats: Go printed `call 1 recovered: bad
    config` (and calls 2 and 3 the same), `f ran 1 time(s)`."""
    out = []

    def main(rt):
        runs = []

        def bad():
            runs.append(1)
            raise sl.GoPanic("bad config")

        f = sl.once_func(bad)
        for i in (1, 2, 3):
            try:
                yield from f()
            except sl.GoPanic as p:
                out.append(f"call {i} recovered: {p.message}")
        out.append(f"f ran {len(runs)} time(s)")

    run(main)
    assert out == GO["sync_once_func_panic_repeats"]["stdout"]


def test_an_unrecovered_panic_from_once_func_s_f_ends_the_program():
    """Port of sync_once_func_panic_process: Go printed `first call recovered: once
    failed`, `second call, not recovered`, then `panic: once failed`. (On the first
    call Go recovers f's panic and panics again: unrecovered, it prints `panic: once
    failed [recovered, repanicked]`.)"""
    out = []

    def main(rt):
        def fail():
            raise sl.GoPanic("once failed")

        f = sl.once_func(fail)
        try:
            yield from f()
        except sl.GoPanic as p:
            out.append(f"first call recovered: {p.message}")
        out.append("second call, not recovered")
        yield from f()

    with pytest.raises(sl.GoPanic) as info:
        run(main)
    go = GO["sync_once_func_panic_process"]
    assert out == go["stdout"]
    assert str(info.value).splitlines()[0] == go["stderr_head"][0]

    def first_call(rt):
        yield from sl.once_func(lambda: (_ for _ in ()).throw(sl.GoPanic("once failed")))()

    with pytest.raises(sl.GoPanic) as info:
        run(first_call)
    assert str(info.value).splitlines()[0] == "panic: once failed [recovered, repanicked]"


def test_once_value_returns_the_value_f_returned_on_every_call():
    """Port of sync_once_value: Go printed `42 42 42`, `computed 1 time(s)`."""

    def main(rt):
        computed = []

        def compute():
            computed.append(1)
            return 42

        get = sl.once_value(compute)
        values = []
        for _ in range(3):
            values.append((yield from get()))
        return [" ".join(map(str, values)), f"computed {len(computed)} time(s)"]

    assert sl.Runtime().run(main).value == GO["sync_once_value"]["stdout"]


def test_once_values_returns_the_same_pair_on_every_call():
    """Port of sync_once_values: Go printed `partial file truncated` twice, `computed
    1 time(s)`."""
    out = []

    def main(rt):
        computed = []

        def load():
            computed.append(1)
            return "partial", sl.errors_new("file truncated")

        get = sl.once_values(load)
        for _ in range(2):
            v, err = yield from get()
            out.append(f"{v} {err}")
        out.append(f"computed {len(computed)} time(s)")

    run(main)
    assert out == GO["sync_once_values"]["stdout"]


def test_once_value_and_values_panic_with_the_same_value_on_every_call():
    """Port of sync_once_value_panic_repeats: Go printed `OnceValue recovered: no
    value`, `OnceValues recovered: no values` (twice), `functions ran 2 time(s)`."""
    out = []

    def main(rt):
        runs = []

        def no_value():
            runs.append(1)
            raise sl.GoPanic("no value")

        def no_values():
            runs.append(1)
            raise sl.GoPanic("no values")

        v, vs = sl.once_value(no_value), sl.once_values(no_values)
        for _ in range(2):
            for name, f in (("OnceValue", v), ("OnceValues", vs)):
                try:
                    yield from f()
                except sl.GoPanic as p:
                    out.append(f"{name} recovered: {p.message}")
        out.append(f"functions ran {len(runs)} time(s)")

    run(main)
    assert out == GO["sync_once_value_panic_repeats"]["stdout"]


def test_f_may_block_and_callers_that_come_meanwhile_wait_for_it():
    """f may be a generator function that blocks; callers that come while it runs
    wait on the Once's mutex and then get its value. Go 1.27 printed, for goroutines
    calling a OnceFunc whose f blocks on a channel receive:

        goroutine 7 [chan receive]:
        main.main.func1()
        sync.OnceFunc.func1.1()
            .../src/sync/oncefunc.go:33 +0x4b
        sync.(*Once).doSlow(0x0?, 0x0?)
            .../src/sync/once.go:78 +0xab
        sync.(*Once).Do(0x0?, 0x0?)
            .../src/sync/once.go:69 +0x19
        sync.OnceFunc.func1()
            .../src/sync/oncefunc.go:22 +0x39
        goroutine 8 [sync.Mutex.Lock]:
        ...
        sync.(*Once).doSlow(0x0?, 0xdeb551b17b8)
            .../src/sync/once.go:74 +0x48
        sync.(*Once).Do(0x0?, 0x0?)
            .../src/sync/once.go:69 +0x19
        sync.OnceFunc.func1()
            .../src/sync/oncefunc.go:22 +0x39
    """

    def main(rt):
        block = rt.chan()

        def slow():
            v, _ = yield block.recv()
            return v

        get = sl.once_value(slow)
        got = rt.chan(2)

        def caller():
            v = yield from get()
            yield got.send(v)

        rt.go(caller)
        yield rt.sleep(1)
        rt.go(caller)
        yield rt.sleep(1)
        dump = rt.goroutine_profile(debug=2)
        yield block.send(7)
        a, _ = yield got.recv()
        b, _ = yield got.recv()
        values = [a, b]
        return dump, values

    dump, values = sl.Runtime().run(main).value
    assert values == [7, 7]
    first, second = dump.split("\n\n")[1:3]
    assert [line for line in first.splitlines() if not line.startswith("\t")][:6] == [
        "goroutine 2 [chan receive]:",
        "test_once.test_f_may_block_and_callers_that_come_meanwhile_wait_for_it.main.slow(...)",
        "sync.OnceValue[...].func1.1(...)",
        "sync.(*Once).doSlow(...)",
        "sync.(*Once).Do(...)",
        "sync.OnceValue[...].func1(...)",
    ]
    assert "\t/usr/local/go/src/sync/oncefunc.go:66" in first.splitlines()
    assert second.splitlines()[0] == "goroutine 3 [sync.Mutex.Lock]:"
    assert second.splitlines()[10:15] == [
        "\t/usr/local/go/src/sync/once.go:74",
        "sync.(*Once).Do(...)",
        "\t/usr/local/go/src/sync/once.go:69",
        "sync.OnceValue[...].func1(...)",
        "\t/usr/local/go/src/sync/oncefunc.go:58",
    ]


def test_a_goroutine_leaked_waiting_for_a_once_is_flagged_with_its_wait_reason():
    """A Once whose f never returns leaks every later caller on the Once's mutex."""
    rt = sl.Runtime()

    def main(rt):
        once = rt.once()

        def stuck():
            yield rt.chan().recv()

        def caller():
            yield from once.do(stuck)

        rt.go(caller, name="first")
        yield rt.sleep(1)
        rt.go(caller, name="second")
        yield rt.sleep(1)

    rt.run(main)
    report = check(rt)
    by_name = {g.name: g for g in report.goroutines.values()}
    second = by_name["second"]
    assert second.status() == "sync.Mutex.Lock"
    verdicts = report.verdicts[second.id]
    assert all(v.flagged for v in verdicts.values()), verdicts
    assert verdicts["durably blocked"].why == (
        "[sync.Mutex.Lock] on Once#1.m: only a goroutine can wake it"
    )


def test_main_blocked_on_a_once_is_a_deadlock_with_the_wait_reason_in_the_dump():
    def main(rt):
        once = rt.once()
        rt.go(once.do, lambda: (yield rt.chan().recv()))
        yield rt.sleep(1)
        yield from once.do(lambda: None)

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    assert str(info.value).splitlines()[2] == "goroutine 1 [sync.Mutex.Lock]:"
