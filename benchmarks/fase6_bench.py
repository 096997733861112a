"""FASE 6 on simlab against a bare-SimPy skeleton of the same workload.

The skeleton has the same containers, log lines and rotations and nothing of
Go: per container one producer process writing a line every second into the
current Store, and one consumer process taking lines until the stream's 5-minute
deadline, then opening a new Store. simlab runs the log-monitor model (code as
written, real SDK behaviour), goroutines, contexts, channels, selects and all.

Two measures, in alternating rounds (the machine is shared: medians, not bests):

in-process  the skeleton against simlab's run of the model (no leak oracles),
            with SimPy calendar events and goroutine steps per second;
process     the whole command as a user times it,
            ``python -m simlab run fase6 --seed 1 --jobs 1 --no-write``
            (start-up, the run, the leak oracles, the report), against the
            skeleton run as a process of its own (``--skeleton``: SimPy only).

Targets (issue 14): the command at most ~0.95 s, or no slower than the skeleton
as a process. Both processes start from compiled bytecode, as a user's do after
their first run (or a ``pip install``): the script compiles simlab and the models
first, which matters where ``PYTHONDONTWRITEBYTECODE`` is set (this machine sets
it, and then every command compiled simlab's sources again: 40 ms).

    python benchmarks/fase6_bench.py [--repeat N] [--skip-process]
    python benchmarks/fase6_bench.py --phases   # start-up, imports, run, leak oracles,
                                                # the rest, the exit; the skeleton's too
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import time

SECOND = 1_000_000_000
CONTAINERS, DURATION, LINE, ROTATION = 55, 3600 * SECOND, SECOND, 300 * SECOND
COMMAND = ["-m", "simlab", "run", "fase6", "--seed", "1", "--jobs", "1", "--no-write"]


def skeleton(
    containers: int = CONTAINERS, duration: int = DURATION, rotation: int = ROTATION
) -> int:
    """The workload on bare SimPy; the log lines consumed."""
    import simpy  # here, so that --phases counts simpy among simlab's imports

    env = simpy.Environment()
    lines = {"n": 0}

    def container(index: int):
        current = {"store": simpy.Store(env)}

        def producer():
            while True:
                yield env.timeout(LINE)
                current["store"].put(env.now)

        def consumer():
            while True:
                deadline = env.timeout(rotation)
                store = current["store"]
                while True:
                    get = store.get()
                    got = yield get | deadline
                    if deadline in got:
                        store.get_queue.remove(get) if get in store.get_queue else None
                        break
                    lines["n"] += 1
                current["store"] = simpy.Store(env)

        env.process(producer())
        env.process(consumer())

    for i in range(containers):
        container(i)
    env.run(until=duration)
    return lines["n"]


def simlab_fase6() -> tuple[int, int]:
    import simlab as sl
    from simlab.lab.model import load_model
    from simlab.lab.simulation import Simulation
    from simlab.observe.metrics import Sampler

    model = load_model("models.logmonitor")
    params = model.resolve({"containers": CONTAINERS, "duration": "60m", "start_stagger": "55s"})
    rt = sl.Runtime(seed=1, strategy="random")
    sim = Simulation(rt, params)
    Sampler(rt, params.sample_every, params.duration, lambda: sim.sample())
    rt.run(model.main, params, sim, until=params.duration)
    return next(rt.env._eid), rt._steps


def _process(args: list[str]) -> float:
    """Wall time of ``python ARGS`` as a process of its own."""
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL, env=os.environ)
    return time.perf_counter() - start


def phases() -> None:
    """The parts of the command and of the skeleton, each run as a process of its own
    that times its parts inside (``--phases-inner``) while this one times its start
    and its exit."""
    for which in ("command", "skeleton"):
        launched = time.time()
        out = subprocess.run(
            [sys.executable, __file__, "--phases-inner", which],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        ended = time.time()
        inner = json.loads(out.splitlines()[-1])
        started, finished = inner.pop("started"), inner.pop("finished")
        parts = {"start-up": started - launched, **inner, "exit": ended - finished}
        print(f"{which + ':':9} " + ", ".join(f"{k} {v:.3f} s" for k, v in parts.items()))


def _skeleton_inner() -> None:
    started = time.time()
    start = time.perf_counter()
    import simpy  # noqa: F401  # what the skeleton imports

    imported = time.perf_counter()
    skeleton()
    ran = time.perf_counter()
    times = {"imports": imported - start, "run": ran - imported}
    print(json.dumps({"started": started, **times, "finished": time.time()}))


def _phases_inner() -> None:
    import contextlib
    import io

    started = time.time()
    start = time.perf_counter()
    from simlab import cli
    from simlab.go.runtime import Runtime
    from simlab.observe import leaks

    imported = time.perf_counter()
    spent = {"run": 0.0, "leak oracles": 0.0}

    def timed(name: str, fn):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t

        return wrapper

    Runtime.run = timed("run", Runtime.run)  # type: ignore[method-assign]
    leaks.check = timed("leak oracles", leaks.check)
    sys.argv = ["simlab", *COMMAND[2:]]  # no argv: main ends the process as the command does
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main()
    total = time.perf_counter() - imported
    times = {"imports": imported - start, **spent, "the rest": total - sum(spent.values())}
    print(json.dumps({"started": started, **times, "finished": time.time()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-process", action="store_true", help="in-process only")
    parser.add_argument("--skeleton", action="store_true", help="run the skeleton once, quit")
    parser.add_argument(
        "--phases", action="store_true", help="time the command's parts, in a fresh process"
    )
    parser.add_argument("--phases-inner", choices=["command", "skeleton"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.skeleton:
        skeleton()
        return
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for package in ("simlab", "models"):  # before anything of simlab is imported
        compileall.compile_dir(os.path.join(root, package), quiet=1)
    if args.phases_inner:
        _phases_inner() if args.phases_inner == "command" else _skeleton_inner()
        return
    if args.phases:
        phases()
        return
    sk, sl_, sk_proc, sl_proc = [], [], [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        delivered = skeleton()
        sk.append(time.perf_counter() - t)
        t = time.perf_counter()
        events, steps = simlab_fase6()
        sl_.append(time.perf_counter() - t)
        if not args.skip_process:
            sk_proc.append(_process([__file__, "--skeleton"]))
            sl_proc.append(_process(COMMAND))
    m_sk, m_sl = statistics.median(sk), statistics.median(sl_)
    print(f"medians of {args.repeat} alternating rounds")
    print(f"bare-SimPy skeleton: {m_sk:6.2f} s  ({delivered:,} lines delivered)")
    print(
        f"simlab fase6 run:    {m_sl:6.2f} s  ({events / m_sl:,.0f} calendar events/s, "
        f"{steps / m_sl:,.0f} goroutine steps/s)  ratio {m_sl / m_sk:.2f}"
    )
    if sk_proc:
        p_sk, p_sl = statistics.median(sk_proc), statistics.median(sl_proc)
        print(f"skeleton as a process:       {p_sk:6.2f} s")
        print(f"`simlab {' '.join(COMMAND[2:])}`: {p_sl:6.2f} s  ratio {p_sl / p_sk:.2f}")
        print("target: the command at most ~0.95 s, or no slower than the skeleton as a process")


if __name__ == "__main__":
    main()
