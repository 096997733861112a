"""FASE 6 on simlab against a bare-SimPy skeleton of the same workload.

The skeleton has the same containers, log lines and rotations and nothing of
Go: per container one producer process writing a line every second into the
current Store, and one consumer process taking lines until the stream's 5-minute
deadline, then opening a new Store. simlab runs the log-monitor model (code as
written, real SDK behaviour), goroutines, contexts, channels, selects and all.

Prints wall time, SimPy calendar events and goroutine steps per second, and the
ratio simlab / skeleton. Targets: fase6 under 5 s, at most 3x the skeleton.

    python benchmarks/fase6_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time

import simpy

import simlab as sl
from simlab.lab.model import load_model
from simlab.lab.simulation import Simulation
from simlab.observe.metrics import Sampler

CONTAINERS, DURATION, LINE, ROTATION = 55, 60 * sl.Minute, sl.Second, 5 * sl.Minute


def skeleton() -> int:
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
                deadline = env.timeout(ROTATION)
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

    for i in range(CONTAINERS):
        container(i)
    env.run(until=DURATION)
    return lines["n"]


def simlab_fase6() -> tuple[int, int]:
    model = load_model("models.logmonitor")
    params = model.resolve({"containers": CONTAINERS, "duration": "60m", "start_stagger": "55s"})
    rt = sl.Runtime(seed=1, strategy="random")
    sim = Simulation(rt, params)
    Sampler(rt, params.sample_every, params.duration, lambda: sim.sample())
    rt.run(model.main, params, sim, until=params.duration)
    return next(rt.env._eid), rt._steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    best_sk = best_sl = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        delivered = skeleton()
        best_sk = min(best_sk, time.perf_counter() - t)
        t = time.perf_counter()
        events, steps = simlab_fase6()
        best_sl = min(best_sl, time.perf_counter() - t)
    print(f"bare-SimPy skeleton: {best_sk:6.2f} s  ({delivered:,} lines delivered)")
    print(
        f"simlab fase6:        {best_sl:6.2f} s  ({events / best_sl:,.0f} calendar events/s, "
        f"{steps / best_sl:,.0f} goroutine steps/s)"
    )
    print(f"ratio simlab / skeleton: {best_sl / best_sk:.2f}  (target: at most 3; fase6 under 5 s)")


if __name__ == "__main__":
    main()
