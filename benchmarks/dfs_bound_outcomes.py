"""How often a bounded search with sleep sets misses an outcome within its bound.

Sleep sets and a bound are not complete together: a schedule within the bound can
be skipped when its only explored equivalent needs more deviations. This counts,
over random little programs (tests/test_dfs.py's: 2 or 3 goroutines of 1 to 3
operations on two channels and a mutex), those whose search with sleep sets at
bound B misses an outcome (what each goroutine saw, how the run ended) that the
search without them reaches at that bound: in the plain order, in the early order
(``dfs:B:early``), in the early order without its rule that a goroutine
explored as a deviation does not sleep below option 0, and with dynamic
partial-order reduction on top of the sleep sets (``dfs:B:dpor``).

    python benchmarks/dfs_bound_outcomes.py [--programs 150] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import simlab as sl
import simlab.pytest_plugin  # the hypothesis profile tests/conftest.py extends
from simlab.sched.dfs import DFS, Redundant

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ is not installed
from tests.test_dfs import _program

OPS = ["send", "recv", "trysend", "tryrecv", "select", "lock", "yield", "close"]


def outcomes(
    spec, bound: int, reduction: bool, early: bool, rule: bool = True, dpor: bool = False
) -> set:
    dfs = DFS(bound, reduction=reduction, early=early, dpor=dpor)
    seen = set()
    while True:
        if not rule:
            for d in dfs._path:
                if d.pick:  # a choose's is a shared, read-only empty set
                    d.deviated.clear()
        logs: list[list] = [[] for _ in spec]
        ended: str | None = "ok"
        try:
            sl.Runtime(strategy=dfs).run(_program(spec), logs)
        except Redundant:
            ended = None
        except (sl.Deadlock, sl.GoPanic) as exc:
            ended = type(exc).__name__
        if ended is not None:
            seen.add((ended, repr(logs)))
        if not dfs.backtrack():
            return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--programs", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    orders = {
        "plain": (False, True, False),
        "early": (True, True, False),
        "early, no rule": (True, False, False),
        "dpor": (False, True, True),
    }
    missed = {(b, o): 0 for b in (1, 2) for o in orders}
    for _ in range(args.programs):
        spec = [
            [(rng.choice(OPS), rng.randint(0, 1)) for _ in range(rng.randint(1, 3))]
            for _ in range(rng.randint(2, 3))
        ]
        for bound in (1, 2):
            full = outcomes(spec, bound, False, False)
            for name, (early, rule, dpor) in orders.items():
                missed[bound, name] += outcomes(spec, bound, True, early, rule, dpor) != full
    print(f"{args.programs} random programs (seed {args.seed}); programs where sleep sets miss")
    print("an outcome the search without them reaches within the bound:")
    for (bound, name), n in missed.items():
        print(f"  bound {bound}, {name:<15} {n}")


if __name__ == "__main__":
    main()
