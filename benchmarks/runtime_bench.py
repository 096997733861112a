"""simlab's runtime against bare SimPy doing the same work, in the same process.

Three workloads, each written twice, once with simlab's Go primitives and once
directly on SimPy:

ping-pong   two goroutines bounce a value over two unbuffered channels
            (SimPy: two processes and two Stores);
select      a consumer loops on `select { case v := <-ch: case <-time.After(1s): }`
            while a producer sends every millisecond (SimPy: `store.get() | timeout`);
sleepers    1,000 goroutines each sleeping 1 ms, 100 times (SimPy: 1,000 processes
            yielding timeouts).

Prints operations per second for both and the ratio of time per operation,
simlab / SimPy (the target is at most 2). Best of five runs each.

    python benchmarks/runtime_bench.py [--quick]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import simpy

import simlab as sl

MS = sl.Millisecond


def simlab_pingpong(n: int) -> None:
    def main(rt):
        a, b = rt.chan(), rt.chan()

        def pong():
            for _ in range(n):
                v, _ = yield a.recv()
                yield b.send(v)

        rt.go(pong)
        for i in range(n):
            yield a.send(i)
            yield b.recv()

    sl.Runtime().run(main)


def simpy_pingpong(n: int) -> None:
    env = simpy.Environment()
    a, b = simpy.Store(env), simpy.Store(env)

    def ping():
        for i in range(n):
            yield a.put(i)
            yield b.get()

    def pong():
        for _ in range(n):
            v = yield a.get()
            yield b.put(v)

    env.process(ping())
    env.process(pong())
    env.run()


def simlab_select(n: int) -> None:
    def main(rt):
        ch = rt.chan()

        def producer():
            for i in range(n):
                yield rt.sleep(MS)
                yield ch.send(i)

        rt.go(producer)
        for _ in range(n):
            yield sl.select(ch.recv_case(), rt.after(sl.Second).recv_case())

    sl.Runtime().run(main)


def simpy_select(n: int) -> None:
    env = simpy.Environment()
    store = simpy.Store(env)

    def producer():
        for i in range(n):
            yield env.timeout(MS)
            yield store.put(i)

    def consumer():
        for _ in range(n):
            yield store.get() | env.timeout(sl.Second)

    env.process(producer())
    env.process(consumer())
    env.run()


def simlab_sleepers(n: int, rounds: int = 100) -> None:
    def main(rt):
        wg = rt.waitgroup()

        def sleeper():
            for _ in range(rounds):
                yield rt.sleep(MS)

        for _ in range(n // rounds):
            wg.go(sleeper)
        yield wg.wait()

    sl.Runtime().run(main)


def simpy_sleepers(n: int, rounds: int = 100) -> None:
    env = simpy.Environment()

    def sleeper():
        for _ in range(rounds):
            yield env.timeout(MS)

    for _ in range(n // rounds):
        env.process(sleeper())
    env.run()


def best(fn: Callable[[int], None], n: int, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(n)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller workloads, fewer repeats")
    args = parser.parse_args()
    scale, repeat = (0.1, 2) if args.quick else (1.0, 5)
    cases = [
        ("ping-pong (round trips)", simlab_pingpong, simpy_pingpong, 100_000),
        ("select + time.After (iterations)", simlab_select, simpy_select, 50_000),
        ("1,000 sleepers (sleeps)", simlab_sleepers, simpy_sleepers, 100_000),
    ]
    print(f"{'workload':34} {'simlab ops/s':>13} {'SimPy ops/s':>13} {'simlab/SimPy':>13}")
    for label, ours, theirs, n in cases:
        n = int(n * scale)
        t_ours, t_theirs = best(ours, n, repeat), best(theirs, n, repeat)
        print(f"{label:34} {n / t_ours:13,.0f} {n / t_theirs:13,.0f} {t_ours / t_theirs:13.2f}")


if __name__ == "__main__":
    main()
