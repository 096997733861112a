"""Schedules per second of `simlab explore`, with 1 and 2 worker processes.

The configuration of issue 4: the fixed log monitor (fase6-fixed, real net/http)
with 3 containers, 3 rotations of 30 s (duration 100 s), a log line a second,
properties checked in every schedule. Targets: at least 500 schedules per second
per core (issue 14; it was 50), and a speed-up of at least 1.7 on 2 cores.

Beside them, the floor: the bare-SimPy skeleton of fase6_bench.py (a producer
and a consumer per container, a Store per stream, nothing of Go) at the same
size, one SimPy environment per schedule, in this process.

    python benchmarks/explore_bench.py [--schedules N]
    python benchmarks/explore_bench.py --decompose [--schedules N]

``--decompose`` splits a schedule's cost, 1 worker, in alternating rounds: the
configuration as above, and the same with streams of 1,000 s (none rotates
within the 100 s), each beside the skeleton at that rotation. The difference is
what the 7 rotations of a schedule cost (each the end of an HTTP stream and a
new one: contexts, a dial, transport goroutines, a reader); what is left is the
log lines, the samples and the properties.
"""

from __future__ import annotations

import argparse
import time

from fase6_bench import SECOND, skeleton

from simlab.lab.experiment import load_experiment
from simlab.lab.explore import explore

CONFIG = {"containers": "3", "rotation_interval": "30s", "duration": "100s"}


def skeleton_rate(schedules: int, rotation: int = 30) -> float:
    t0 = time.perf_counter()
    for _ in range(schedules):
        skeleton(containers=3, duration=100 * SECOND, rotation=rotation * SECOND)
    return schedules / (time.perf_counter() - t0)


def rate(schedules: int, jobs: int, rotation: int = 30) -> float:
    config = {**CONFIG, "rotation_interval": f"{rotation}s"}
    exp = load_experiment("fase6-fixed").with_overrides(config, None)
    result = explore(exp, schedules, "random", jobs=jobs, progress=False)
    assert result.ok(), "the fixed program should hold every property"
    return len(result.outcomes) / result.seconds


def decompose(schedules: int, rounds: int = 3) -> None:
    """Milliseconds per schedule with and without rotations, simlab and skeleton."""
    rate(50, 1)  # warm the file system cache and the interpreter
    ms: dict[tuple[str, int], list[float]] = {}
    for _ in range(rounds):
        for rotation in (30, 1000):
            ms.setdefault(("simlab", rotation), []).append(1000 / rate(schedules, 1, rotation))
            ms.setdefault(("skeleton", rotation), []).append(
                1000 / skeleton_rate(schedules, rotation)
            )
    for (what, rotation), values in ms.items():
        row = " ".join(f"{v:.2f}" for v in values)
        print(f"{what:<8} streams of {rotation:>4} s: {row} ms a schedule")
    for what in ("simlab", "skeleton"):
        cost = [a - b for a, b in zip(ms[(what, 30)], ms[(what, 1000)], strict=True)]
        print(f"{what:<8} 7 rotations: " + " ".join(f"{c:.2f}" for c in cost) + " ms a schedule")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schedules", type=int, default=2000)
    parser.add_argument("--decompose", action="store_true", help="rotations against the rest")
    args = parser.parse_args()
    if args.decompose:
        decompose(args.schedules)
        return
    rate(50, 2)  # warm the file system cache and the interpreter
    one = rate(args.schedules, 1)
    floor = skeleton_rate(args.schedules)
    two = rate(args.schedules, 2)
    print(f"1 worker:  {one:7.1f} schedules/s")
    print(f"2 workers: {two:7.1f} schedules/s ({two / 2:.1f} per core)")
    print(f"speed-up:  {two / one:.2f}x  (targets: >= 500 per core, >= 1.7x on 2 cores)")
    print(f"bare-SimPy skeleton of the same schedule, 1 process: {floor:7.1f} schedules/s")


if __name__ == "__main__":
    main()
