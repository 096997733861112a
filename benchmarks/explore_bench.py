"""Schedules per second of `simlab explore`, with 1 and 2 worker processes.

The configuration of issue 4: the fixed log monitor (fase6-fixed, real net/http)
with 3 containers, 3 rotations of 30 s (duration 100 s), a log line a second,
properties checked in every schedule. Targets: at least 500 schedules per second
per core (issue 14; it was 50), and a speed-up of at least 1.7 on 2 cores.

Beside them, the floor: the bare-SimPy skeleton of fase6_bench.py (a producer
and a consumer per container, a Store per stream, nothing of Go) at the same
size, one SimPy environment per schedule, in this process.

    python benchmarks/explore_bench.py [--schedules N]
"""

from __future__ import annotations

import argparse
import time

from fase6_bench import SECOND, skeleton

from simlab.lab.experiment import load_experiment
from simlab.lab.explore import explore

CONFIG = {"containers": "3", "rotation_interval": "30s", "duration": "100s"}


def skeleton_rate(schedules: int) -> float:
    t0 = time.perf_counter()
    for _ in range(schedules):
        skeleton(containers=3, duration=100 * SECOND, rotation=30 * SECOND)
    return schedules / (time.perf_counter() - t0)


def rate(schedules: int, jobs: int) -> float:
    exp = load_experiment("fase6-fixed").with_overrides(CONFIG, None)
    result = explore(exp, schedules, "random", jobs=jobs, progress=False)
    assert result.ok(), "the fixed program should hold every property"
    return len(result.outcomes) / result.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schedules", type=int, default=2000)
    args = parser.parse_args()
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
