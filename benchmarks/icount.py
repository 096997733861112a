"""Workloads sized for counting instructions under valgrind, where the load of
other processes on the machine changes nothing.

fase6    ``run_model(fase6, seed 1, leak_check=True)`` with 55 containers for 10
         minutes (one sixth of the command's run);
explore  20 schedules of ``simlab explore fase6-fixed`` (3 containers, 3 rotations of
         30 s), as a worker runs them;
rowN     row N of ``simlab run hypotheses`` (seed 1, leak oracles), for 10 minutes;
dfs      10 runs of GoKer's Kubernetes13135 under ``dfs:1:preempt`` (the whole
         program; needs what ``simlab goker`` needs), to subtract ``dfs0`` from;
dfs0     its start-up: the imports and the program's translation, loaded;
none     nothing: the start-up (imports), to subtract from the others.

It prints the run's digest. Count with (the two thread variables keep OpenBLAS's
threads from spinning a varying number of instructions; run both trees the same way,
after ``python -m compileall -q simlab models`` in each)::

    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 PYTHONHASHSEED=0 PYTHONPATH=. \\
        valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python benchmarks/icount.py fase6
"""

from __future__ import annotations

import sys

EXPLORE = {"containers": "3", "rotation_interval": "30s", "duration": "100s"}


def main(what: str) -> None:
    from simlab.lab.experiment import load_experiment
    from simlab.lab.explore import _explore_batch
    from simlab.lab.simulation import run_model

    if what == "none":  # the imports above are the start-up
        return
    if what in ("dfs", "dfs0"):
        from simlab.translate import goker
        from simlab.translate.goker_dfs import search_dfs

        goker.translations(["Kubernetes13135"])
        if what == "dfs":
            print(search_dfs("Kubernetes13135", 1, runs=10, preempt=True).runs)
        return
    if what == "explore":
        exp = load_experiment("fase6-fixed").with_overrides(EXPLORE, None)
        outs = _explore_batch(exp.model_name, dict(exp.rows()[0][1]), list(range(20)), "random")
        print(outs[-1].digest)
        return
    if what == "fase6":
        exp = load_experiment("fase6").with_overrides({"duration": "10m"}, None)
        row = 0
    elif what.startswith("row") and what[3:].isdigit():
        exp = load_experiment("hypotheses").with_overrides({"duration": "10m"}, None)
        row = int(what[3:])
    else:
        raise SystemExit(f"icount.py: {what!r}: choose fase6, explore, rowN, dfs, dfs0 or none")
    print(run_model(exp.model, exp.rows()[row][1], 1, "random", leak_check=True).digest)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fase6")
