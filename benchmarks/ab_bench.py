"""This tree against another copy of simlab (the base), in alternating rounds.

Each round runs, in fresh processes, first on the base then on this tree:

cmd      the whole command ``python -m simlab run fase6 --seed 1 --jobs 1 --no-write``
         (its CPU time is the child's user + system time);
fase6    ``run_model(fase6, seed 1, leak_check=True)`` in process, the leak oracles
         timed apart, and how many collections the cycle collector made;
explore  200 schedules of ``simlab explore fase6-fixed`` (3 containers, 3 rotations
         of 30 s) in one process, as a worker runs them;
rows     five rows of ``simlab run hypotheses`` (0, 45, 90, 130, 167: real net/http,
         slow processing, Close keeps conn, demux, demux with slow processing) in one
         process, leak oracles included (not in the default ``--only``).

It prints the median of each figure and checks that both trees give the same
digests. The machine is shared: read the CPU time, not the wall time, when the
load average is above the number of cores. Make the base with
``git worktree add /tmp/base HEAD`` (before the change) and compile both trees
(``python -m compileall -q simlab models``) so that neither pays for it.

    python benchmarks/ab_bench.py /tmp/base [--rounds 5] [--only cmd,fase6,explore,rows]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
COMMAND = ["-m", "simlab", "run", "fase6", "--seed", "1", "--jobs", "1", "--no-write"]
EXPLORE = {"containers": "3", "rotation_interval": "30s", "duration": "100s"}
ROWS = (0, 45, 90, 130, 167)


def measure(what: str) -> dict[str, object]:
    """One measurement in this process (the ``--inner`` mode)."""
    import gc

    from simlab.lab.experiment import load_experiment
    from simlab.lab.explore import _explore_batch
    from simlab.lab.simulation import run_model
    from simlab.observe import leaks

    collections = [0]
    gc.callbacks.append(lambda phase, info: collections.__setitem__(0, collections[0] + 1))
    if what == "explore":
        exp = load_experiment("fase6-fixed").with_overrides(EXPLORE, None)
        params = dict(exp.rows()[0][1])
        _explore_batch(exp.model_name, params, [1000], "random")  # warm
        collections[0] = 0
        cpu, wall = time.process_time(), time.perf_counter()
        outs = _explore_batch(exp.model_name, params, list(range(200)), "random")
        digest = outs[-1].digest
        leak_cpu = 0.0
    elif what == "rows":
        exp = load_experiment("hypotheses")
        rows = exp.rows()
        cpu, wall = time.process_time(), time.perf_counter()
        digest = " ".join(
            run_model(exp.model, rows[i][1], 1, "random", leak_check=True).digest[:12] for i in ROWS
        )
        leak_cpu = 0.0
    else:
        exp = load_experiment("fase6")
        spent = [0.0]
        check = leaks.check

        def timed(rt: object, ignore: tuple[str, ...] = ()) -> object:
            start = time.process_time()
            try:
                return check(rt, ignore)  # type: ignore[arg-type]
            finally:
                spent[0] += time.process_time() - start

        leaks.check = timed  # type: ignore[assignment]
        cpu, wall = time.process_time(), time.perf_counter()
        digest = run_model(exp.model, exp.rows()[0][1], 1, "random", leak_check=True).digest
        leak_cpu = spent[0]
    return {
        "cpu": time.process_time() - cpu,
        "wall": time.perf_counter() - wall,
        "leak_cpu": leak_cpu,
        "gc": collections[0] // 2,  # a start and a stop callback per collection
        "digest": digest,
    }


def one(tree: Path, what: str) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    if what == "cmd":
        before, start = os.times(), time.perf_counter()
        subprocess.run(
            [sys.executable, *COMMAND], cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL
        )
        wall, after = time.perf_counter() - start, os.times()
        cpu = (after.children_user + after.children_system) - (
            before.children_user + before.children_system
        )
        return {"cpu": cpu, "wall": wall}
    out = subprocess.run(
        [sys.executable, __file__, "--inner", what],
        cwd=tree,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base", nargs="?", type=Path, help="the other tree (a worktree)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", default="cmd,fase6,explore")
    parser.add_argument("--inner", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        print(json.dumps(measure(args.inner)))
        return
    if args.base is None:
        parser.error("name the base tree, e.g. /tmp/base")
    trees = {"base": args.base.resolve(), "this tree": HERE}
    for what in args.only.split(","):
        got: dict[str, list[dict[str, object]]] = {k: [] for k in trees}
        for _ in range(args.rounds):
            for name, tree in trees.items():
                got[name].append(one(tree, what))
        print(f"{what}: medians of {args.rounds} alternating rounds")
        for name, rows in got.items():
            figures = {
                k: statistics.median(float(r[k]) for r in rows)  # type: ignore[arg-type]
                for k in rows[0]
                if k != "digest"
            }
            shown = "  ".join(
                f"{k} {v:.0f}" if k == "gc" else f"{k} {v:.3f}" for k, v in figures.items()
            )
            print(f"  {name:<10} {shown}")
        digests = {str(r["digest"]) for rows in got.values() for r in rows if "digest" in r}
        if len(digests) > 1:
            print(f"  DIGESTS DIFFER: {sorted(digests)}")
    print(f"load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
