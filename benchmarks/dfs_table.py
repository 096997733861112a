"""The table of docs/exhaustive.md: exhaustive search of the zoo, with and without sleep sets.

For each zoo experiment (experiments/zoo-*.toml, its first row: the leaky variant)
at a short duration, and each bound: how many schedules `explore --strategy
dfs:BOUND` runs to exhaust the search with the reduction (and how many runs it
prunes) and without it, and at which schedule it first breaks a property; beside
it, the seed at which `explore --strategy random` first breaks one.

    python benchmarks/dfs_table.py [--duration 10s] [--cap 1000] [--bounds 0,1,2,3,none]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from simlab.lab.exhaust import exhaust
from simlab.lab.experiment import load_experiment
from simlab.lab.explore import explore

ROOT = Path(__file__).resolve().parent.parent


def _cell(count: int, exhausted: bool) -> str:
    return f"{count:,}" if exhausted else f">{count:,}"


def _found(first: int | None) -> str:
    return "no" if first is None else f"#{first + 1}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--cap", type=int, default=1000, help="runs per search at most")
    parser.add_argument("--bounds", default="0,1,2,3,none")
    parser.add_argument("--random", type=int, default=100, help="random seeds at most")
    args = parser.parse_args()
    bounds = [None if b == "none" else int(b) for b in args.bounds.split(",")]
    sets = {"duration": args.duration}
    print(
        f"zoo-*.toml, first row, --set duration={args.duration}, seed 0; '>N': N schedules "
        f"when {args.cap:,} runs were spent\n"
        "bug: the first schedule that broke a property (with / without sleep sets); "
        "random: the first seed that did\n"
    )
    print("experiment                  bound  sleep sets (pruned)  no reduction  bug      random")
    for path in sorted((ROOT / "experiments").glob("zoo-*.toml")):
        exp = load_experiment(path.stem).with_overrides(sets, None)
        randomly = explore(
            exp, args.random, "random", jobs=1, progress=False, shrink=False, fail_fast=True
        )
        failing = randomly.failing_seeds()
        rand = f"seed {failing[0]}" if failing else f"none in {args.random}"
        for bound in bounds:
            spec = "dfs" if bound is None else f"dfs:{bound}"
            on = exhaust(exp, args.cap, spec, progress=False, shrink=False)
            off = exhaust(exp, args.cap, spec, reduction=False, progress=False, shrink=False)
            with_ = f"{_cell(len(on.outcomes), on.exhausted)} ({on.pruned:,})"
            found = f"{_found(on.first_failure())} / {_found(off.first_failure())}"
            print(
                f"{path.stem:<27} {'none' if bound is None else bound:>5}  {with_:<19}  "
                f"{_cell(len(off.outcomes), off.exhausted):<12}  {found:<7}  {rand}"
            )


if __name__ == "__main__":
    main()
