"""sync.Map: what its documentation promises, where goroutines meet.

Each method's results on one goroutine are checked against what Go printed, in
tests/conformance/go/sync_map_*; here, what only interleavings show.
"""

from __future__ import annotations

import simlab as sl


def test_an_update_made_of_a_load_and_a_store_can_be_lost_under_preemption():
    """Load, then Store the value plus one, is two accesses: another goroutine's can
    come between them when Go preempts there (random:preempt may), never otherwise."""

    def outcomes(strategy: str) -> set[int]:
        seen = set()
        for seed in range(30):

            def main(rt):
                m = rt.sync_map()
                yield m.store("n", 0)
                wg = rt.waitgroup()

                def bump():
                    v, _ = yield m.load("n")
                    yield m.store("n", v + 1)
                    wg.done()

                for _ in range(2):
                    wg.add(1)
                    rt.go(bump)
                yield wg.wait()
                n, _ = yield m.load("n")
                seen.add(n)

            sl.Runtime(seed=seed, strategy=strategy).run(main)
        return seen

    assert outcomes("random") == {2}
    assert outcomes("random:preempt") == {1, 2}


def test_range_skips_a_key_deleted_before_its_visit_and_sees_the_value_of_the_moment():
    """Range is no snapshot: a key another goroutine deletes before Range reaches it
    is not visited, and a key whose value changed is visited with its new value.
    Under fifo the keys come in the order they were stored."""
    visits = []

    def main(rt):
        m = rt.sync_map()
        for k in ("a", "b", "c"):
            yield m.store(k, 1)
        go_on = rt.chan()

        def meddle():
            yield go_on.recv()
            yield m.delete("b")
            yield m.store("c", 2)
            yield m.store("d", 1)  # stored during the range: not visited
            yield go_on.send(None)

        rt.go(meddle)

        def f(k, v):
            visits.append((k, v))
            if k == "a":  # block mid-range while the other goroutine changes the map
                yield go_on.send(None)
                yield go_on.recv()
            return True

        yield from m.range(f)
        n, ok = yield m.load("d")
        visits.append((n, ok))

    sl.Runtime(strategy="fifo").run(main)
    assert visits == [("a", 1), ("c", 2), (1, True)]


def test_range_stops_when_f_returns_false_and_its_order_is_the_strategys():
    """f returning false ends Range; the order of the keys is not Go's to promise,
    so it varies with the seed under random, as a Go map's iteration does."""
    orders = set()
    for seed in range(20):
        seen: list[int] = []

        def main(rt, seen=seen):
            m = rt.sync_map()
            for k in range(4):
                yield m.store(k, k)
            yield from m.range(lambda k, v: seen.append(k) or True)
            stop_after = []
            yield from m.range(lambda k, v: stop_after.append(k) or len(stop_after) < 2)
            assert len(stop_after) == 2

        sl.Runtime(seed=seed, strategy="random").run(main)
        assert sorted(seen) == [0, 1, 2, 3]
        orders.add(tuple(seen))
    assert len(orders) > 1
