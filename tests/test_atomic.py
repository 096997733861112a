"""sync/atomic, and the switch points it brings: each test's expected value is
what Go 1.27.3 printed (tests/data/atomic_go/), the Go spec, or arithmetic."""

from __future__ import annotations

from pathlib import Path

import pytest

import simlab as sl

GO = Path(__file__).parent / "data" / "atomic_go"


def port_of_main_go(rt: sl.Runtime):
    """tests/data/atomic_go/main.go, line by line."""
    out: list[str] = []

    def attempt(name, op):
        try:
            yield op
        except sl.GoPanic as p:
            out.append(f"{name} -> {p.message}")
        else:
            out.append(f"{name} -> <nil>")

    v = rt.atomic_value()
    yield from attempt("store nil", v.store(None))
    yield from attempt("swap nil", v.swap(None))
    yield from attempt("cas nil new", v.compare_and_swap(None, None))
    ok = yield v.compare_and_swap(None, 1)
    out.append(f"cas empty {str(ok).lower()} {(yield v.load())}")
    yield from attempt("store str", v.store("x"))
    yield from attempt("swap str", v.swap("x"))
    yield from attempt("cas str", v.compare_and_swap(1, "x"))
    yield from attempt("cas mixed", v.compare_and_swap("a", 2))
    ok = yield v.compare_and_swap(2, 3)
    out.append(f"cas 2 1 {str(ok).lower()} {(yield v.load())}")
    i = rt.atomic_int32()
    yield i.store(2**31 - 1)
    out.append(f"int32 wrap {(yield i.add(1))}")
    u = rt.atomic_uint32()
    out.append(f"uint32 dec {(yield u.add(2**32 - 1))}")
    u64 = rt.atomic_uint64()
    out.append(f"uint64 dec {(yield u64.add(2**64 - 1))}")
    i64 = rt.atomic_int64()
    parts = [(yield i64.swap(5)), (yield i64.load())]
    parts += [(yield i64.compare_and_swap(4, 1)), (yield i64.compare_and_swap(5, 1))]
    parts.append((yield i64.load()))
    out.append("int64 swap " + " ".join(str(p).lower() for p in parts))
    b = rt.atomic_bool()
    parts = [(yield b.swap(True)), (yield b.load()), (yield b.compare_and_swap(False, True))]
    parts += [(yield b.compare_and_swap(True, False)), (yield b.load())]
    out.append("bool " + " ".join(str(p).lower() for p in parts))
    return out


def test_atomic_types_print_what_go_printed():
    rt = sl.Runtime()
    result = rt.run(port_of_main_go)
    go = (GO / "go-1.27.3.out").read_text().splitlines()
    assert result.value == go


def test_an_atomic_access_is_an_operation_to_yield():
    def main(rt):
        n = rt.atomic_int32()
        n.add(1)  # not yielded
        yield rt.sleep(1)

    with pytest.raises(sl.UnyieldedOperation):
        sl.Runtime().run(main)


def lost_update(rt: sl.Runtime):
    """Two goroutines each read x and write x+1: 2 unless one reads between the
    other's read and write (then 1)."""
    x, wg = rt.atomic_int64(), rt.waitgroup()

    def incr():
        v = yield x.load()
        yield x.store(v + 1)
        wg.done()

    wg.add(2)
    rt.go(incr)
    rt.go(incr)
    yield wg.wait()
    return (yield x.load())


def outcomes(strategy: str, seeds: range) -> set[int]:
    return {sl.Runtime(seed=s, strategy=strategy).run(lost_update).value for s in seeds}


def test_a_goroutine_runs_until_it_blocks_without_preemption():
    assert outcomes("fifo", range(1)) == {2}
    assert outcomes("random", range(1, 41)) == {2}
    assert outcomes("pct", range(1, 41)) == {2}


def test_a_preemptive_strategy_switches_between_two_atomic_accesses():
    assert outcomes("random:preempt", range(1, 41)) == {1, 2}


def test_a_preemptive_schedule_replays_to_the_same_outcome():
    for seed in range(1, 41):
        rt = sl.Runtime(seed=seed, strategy="random:preempt")
        if rt.run(lost_update).value == 1:
            break
    schedule = rt.schedule()
    assert str(schedule).startswith("p")
    again = sl.Runtime(strategy=f"replay:{schedule}")
    assert again.run(lost_update).value == 1
    assert again.trace_digest() == rt.trace_digest()


def test_pct_runs_a_woken_goroutine_of_higher_priority_at_once():
    """PCT's rule is that the highest-priority runnable goroutine always runs: a
    goroutine main wakes with a send into a buffer, if it outranks main, runs before
    main's next operation."""

    def main(rt):
        ch, order = rt.chan(1), []

        def receiver():
            yield ch.recv()
            order.append("receiver")

        g = rt.go(receiver)
        yield rt.sleep(1)  # receiver parks first
        yield ch.send(1)
        marker = rt.atomic_bool()
        yield marker.store(True)
        order.append("main")
        yield rt.sleep(1)
        return order, g.priority > rt.current.priority

    seen = set()
    for seed in range(1, 30):
        order, outranks = sl.Runtime(seed=seed, strategy="pct:1:preempt").run(main).value
        assert order == (["receiver", "main"] if outranks else ["main", "receiver"])
        seen.add(outranks)
    assert seen == {True, False}


def test_the_synctest_clock_stops_while_a_goroutine_computes():
    """time.AfterFunc(1ns) then an operation that does not block, then Stop: with
    time standing still, the timer cannot have fired (Stop returns true)."""

    def main(rt):
        t = rt.after_func(1, lambda: None)
        mu = rt.mutex()
        yield mu.lock()
        mu.unlock()
        return t.stop()

    assert sl.Runtime().run(main).value is True


def test_with_op_cost_a_due_timer_fires_while_a_goroutine_computes():
    """With every operation taking 1us, the 1ns timer is due before the lock: it
    fires, so Stop returns false (Go: false if the timer already expired)."""

    def main(rt):
        t = rt.after_func(1, lambda: None)
        mu = rt.mutex()
        yield mu.lock()
        mu.unlock()
        return t.stop(), rt.now

    stopped, now = sl.Runtime(op_cost=sl.Microsecond).run(main).value
    assert stopped is False
    assert now == sl.Microsecond  # one operation, one microsecond


def test_op_cost_is_a_duration():
    with pytest.raises(TypeError, match=r"time\.Duration"):
        sl.Runtime(op_cost=1.5)


def test_an_atomic_field_keeps_its_identity_for_the_whole_run(monkeypatch):
    """dfs's footprints name a field accessed with sync/atomic by an identity given at
    its first access. A struct made after another has died is another field, even
    where the allocator puts it at the dead one's address (CPython's often does):
    otherwise whether two steps look dependent would depend on the allocator."""
    from simlab.translate import golib

    class Counter:
        def __init__(self) -> None:
            self.n = 0

    def main(rt):
        for _ in range(3):
            c = Counter()
            yield golib.atomic_add(c, "n", "Int32", 1)
            del c

    rt = sl.Runtime()
    touched: list[int] = []
    monkeypatch.setattr(rt, "touch", touched.append)
    rt.run(main)
    assert len(touched) == 3
    assert len(set(touched)) == 3


def test_a_pointer_names_the_place_it_points_at(monkeypatch):
    """atomic.AddInt32(p, 1) with p := &c.n accesses c.n, as atomic.AddInt32(&c.n, 1)
    does, and &s[1] the element s[1]: dfs's footprints must see one place, whichever
    pointer reached it (each &c.n the translation makes is a FieldRef of its own)."""
    from simlab.translate import golib

    class Counter:
        def __init__(self) -> None:
            self.n = 0

    c, s = Counter(), [0, 0]

    def main(rt):
        yield golib.atomic_add(c, "n", "Int32", 1)
        yield golib.atomic_add(golib.FieldRef(c, "n"), "v", "Int32", 1)
        yield golib.atomic_add(golib.FieldRef(c, "n"), "v", "Int32", 1)
        yield golib.atomic_add(s, 1, "Int64", 5)
        yield golib.atomic_add(golib.ElemRef(s, 1), "v", "Int64", 5)
        yield golib.atomic_add(golib.ElemRef(s, 0), "v", "Int64", 5)

    rt = sl.Runtime()
    touched: list[int] = []
    monkeypatch.setattr(rt, "touch", touched.append)
    rt.run(main)
    assert (c.n, s) == (3, [5, 10])
    assert touched[0] == touched[1] == touched[2]
    assert touched[3] == touched[4] != touched[5]
    assert len({touched[0], touched[3], touched[5]}) == 3
