"""Long runs: time and memory of fase6 over 1 and 24 simulated hours (issue 13).

The leak keeps every rotation's connection alive, each with a full queue of
64 lines that nobody will read: such a connection must cost nothing per log
line, so that run time grows with the duration (and the goroutines alive), not
with its square. Target: 24 simulated hours in at most 30x the time of one.
Memory must follow what is alive, not the elapsed time: the fixed program
(fase6-fixed, real net/http), which leaks nothing, holds about as much after 24
hours as after one.

Each run is one seed (1), without the leak oracles, in a fresh process of its
own so that its peak resident memory is its own.

    python benchmarks/long_run_bench.py [--hours 24]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time

from simlab.lab.experiment import load_experiment
from simlab.lab.simulation import run_model


def _measure(name: str, hours: float, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    exp = load_experiment(name).with_overrides({"duration": f"{hours}h"}, 1)
    _, params = exp.rows()[0]
    start = time.perf_counter()
    record = run_model(exp.model, params, 1, exp.strategy)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.put((seconds, peak_mb, record.metrics["goroutines_end"]))


def measure(name: str, hours: float) -> tuple[float, float, int]:
    """(seconds, peak resident MB, goroutines at the end) of one run, in its own process."""
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    p = ctx.Process(target=_measure, args=(name, hours, out))
    p.start()
    result = out.get()
    p.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hours", type=float, default=24)
    args = parser.parse_args()
    for name in ("fase6", "fase6-fixed"):
        one = measure(name, 1)
        many = measure(name, args.hours)
        print(
            f"{name:<12}  1 h: {one[0]:6.1f} s {one[1]:6.0f} MB {one[2]:6,} goroutines   "
            f"{args.hours:g} h: {many[0]:6.1f} s {many[1]:6.0f} MB {many[2]:6,} goroutines   "
            f"time ratio {many[0] / one[0]:5.1f}x (target <= {30 * args.hours / 24:g}x)"
        )


if __name__ == "__main__":
    main()
