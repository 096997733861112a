"""A worker pool whose collector gives up: the model docs/writing-models.md builds.

The Go program is docs/examples/pool.go; ``# L<n>`` marks the statement of its
line n. With ``variant = "leaky"`` the collector returns at the first failure and every
worker ends up blocked sending its next result. The fix (``variant = "fixed"``)
closes a ``quit`` channel when the collector gives up, and workers select on it.
"""

from __future__ import annotations

import simlab as sl
from simlab import Param

GO = "pool.go"

PARAMS = (
    Param("workers", 4, "worker goroutines in the pool", min=1),
    Param("job_interval", "100ms", "time between two jobs", "duration", min=1),
    Param("work_time", "50ms", "time a job takes", "duration"),
    Param("error_rate", 0.01, "probability that a job fails", "float", min=0, max=1),
    Param(
        "variant", "leaky", "the pool as written, or fixed", "choice", choices=("leaky", "fixed")
    ),
)


class Pool:
    """What the metrics and properties read: the workers, the jobs done."""

    def __init__(self) -> None:
        self.workers: list[sl.Goroutine] = []
        self.done = 0


@sl.gofunc("main.worker", file=GO)
def worker(rt: sl.Runtime, p: sl.Params, k: int, jobs: sl.Chan, results: sl.Chan, quit: sl.Chan):
    faults = rt.rng("faults", k)
    while True:
        _, ok = yield jobs.recv()  # L26: for range jobs
        if not ok:
            return
        yield rt.sleep(p.work_time)  # L27: do(j)
        failed = bool(faults.random() < p.error_rate)
        i, _, _ = yield sl.select(results.send_case(failed), quit.recv_case())  # L29
        if i == 1:
            return


@sl.gofunc("main.collect", file=GO)
def collect(p: sl.Params, pool: Pool, results: sl.Chan, quit: sl.Chan):
    while True:
        failed, _ = yield results.recv()  # L39
        if failed:
            if p.variant == "fixed":
                quit.close()  # L42: the fix, tell the workers nobody listens any more
            return  # L44: gives up at the first failure
        pool.done += 1


@sl.gofunc("main.main", file=GO)
def main(rt: sl.Runtime, p: sl.Params, sim):
    pool = sim.state = Pool()
    sim.sample = lambda: {"jobs_done": pool.done}
    jobs, results = rt.chan(name="jobs"), rt.chan(name="results")
    quit = rt.chan(name="quit")
    for k in range(p.workers):
        pool.workers.append(rt.go(worker, rt, p, k, jobs, results, quit, name="worker"))  # L56
    rt.go(collect, p, pool, results, quit, name="collect")  # L58
    job = 0
    while True:
        i, _, _ = yield sl.select(  # L61: SIGTERM, or the next job's time
            sim.signal.recv_case(), rt.after(p.job_interval).recv_case()
        )
        if i == 0:
            break
        yield sl.select(jobs.send_case(job), quit.recv_case(), default=True)  # L66
        job += 1
    jobs.close()  # L72: SIGTERM, no more jobs; idle workers return
    yield rt.sleep(sl.Second)


def workers_make_progress(sim, moment: str, **info) -> str | None:
    """At the end, no worker has been blocked on a send for more than a second."""
    rt = sim.rt
    stuck = [
        g
        for g in sim.state.workers
        if g.alive and g.wait_reason == "select" and rt.now - g.waiting_since > sl.Second
    ]
    return f"{len(stuck)} workers stuck sending a result" if stuck else None


MODEL = sl.Model(
    name="workerpool",
    summary="a worker pool whose collector gives up at the first failed job",
    params=PARAMS,
    main=main,
    metrics=lambda sim, end, samples: {"jobs_done": sim.state.done},
    baseline=lambda p: 1 + p.workers + 1,
    properties=(
        sl.Property(
            "workers make progress", workers_make_progress.__doc__, ("end",), workers_make_progress
        ),
    ),
)
