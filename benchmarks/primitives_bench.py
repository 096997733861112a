"""The uncontended cost of the newer sync primitives, beside sync.Mutex's.

Each workload is one goroutine doing ``n`` rounds of one operation pair on a
primitive nobody else touches, in the same loop shape:

mutex       ``yield mu.lock()``, ``mu.unlock()`` (the reference);
rwmutex     ``yield rw.lock()``, ``rw.unlock()``;
rlock       ``yield rw.rlock()``, ``rw.runlock()``;
once        ``yield from once.do(f)`` on a Once that has already run ``f``
            (the fast path every later caller takes).

Prints operations per second and each one's time per operation as a ratio of the
Mutex's (the target is at most 2). Best of five runs each.

    python benchmarks/primitives_bench.py [--quick]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Generator
from typing import Any

import simlab as sl


def mutex(n: int) -> None:
    def main(rt: sl.Runtime) -> Generator[Any, Any, None]:
        mu = rt.mutex()
        for _ in range(n):
            yield mu.lock()
            mu.unlock()

    sl.Runtime().run(main)


def rwmutex(n: int) -> None:
    def main(rt: sl.Runtime) -> Generator[Any, Any, None]:
        rw = rt.rwmutex()
        for _ in range(n):
            yield rw.lock()
            rw.unlock()

    sl.Runtime().run(main)


def rlock(n: int) -> None:
    def main(rt: sl.Runtime) -> Generator[Any, Any, None]:
        rw = rt.rwmutex()
        for _ in range(n):
            yield rw.rlock()
            rw.runlock()

    sl.Runtime().run(main)


def once(n: int) -> None:
    def main(rt: sl.Runtime) -> Generator[Any, Any, None]:
        o = rt.once()

        def f() -> None:
            pass

        for _ in range(n):
            yield from o.do(f)

    sl.Runtime().run(main)


def best(fn: Callable[[int], None], n: int, repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(n)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer operations")
    args = parser.parse_args()
    n = 20_000 if args.quick else 200_000
    reference = best(mutex, n)
    print(f"{'workload':<10} {'ops/s':>12} {'vs Mutex':>9}")
    for name, fn in (("mutex", mutex), ("rwmutex", rwmutex), ("rlock", rlock), ("once", once)):
        t = reference if fn is mutex else best(fn, n)
        print(f"{name:<10} {n / t:>12,.0f} {t / reference:>8.2f}x")


if __name__ == "__main__":
    main()
