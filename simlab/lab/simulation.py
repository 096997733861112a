"""One run of a model: start it, sample it, stop it like an operator would, measure it.

The harness runs the model's ``main`` for ``duration``, takes the end-of-run
figures at that instant, then closes ``sim.signal`` (the program's SIGTERM) and
gives shutdown ``shutdown_grace`` to finish. A shutdown that does not finish in
time counts as hung, which is itself a finding.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Deadlock, FatalError, GoPanic, Livelock
from ..go.runtime import Runtime
from ..observe import leaks
from ..observe.leaks import Group
from ..observe.metrics import Sampler, Samples
from ..sched.strategies import Strategy
from .model import Model, Params
from .properties import Checker, Property, Violation


class Simulation:
    """What a model's ``main`` gets besides the runtime: the stop signal and a place
    to keep its state for the metrics."""

    def __init__(self, rt: Runtime, params: Params, checker: Checker | None = None):
        self.rt = rt
        self.params = params
        self.signal = rt.chan(name="signal", external=True)  # closed at `duration`: SIGTERM
        self.state: Any = None  # the model's own objects, read by its metrics
        self.sample: Callable[[], dict[str, float]] = dict
        self.checker = checker

    def checkpoint(self, moment: str, **info: Any) -> None:
        """A moment at which properties are checked (``"rotation"``, ``"sample"``...)."""
        if self.checker is not None:
            self.checker.checkpoint(self, moment, **info)


@dataclass
class RunRecord:
    """The outcome of one run: parameters, seed, metrics, samples and how it ended."""

    params: dict[str, Any]
    seed: int
    strategy: str
    metrics: dict[str, Any]
    samples: Samples
    digest: str
    schedule: str  # empty unless asked for
    error: str | None = None
    violations: dict[str, Violation] = field(default_factory=dict)
    leaks: list[Group] | None = None  # the oracles' verdicts, if asked for
    decisions: int = 0  # scheduling decisions the run took (two or more options)
    infrastructure: bool = False  # never ran to the end: its worker process died


def run_model(
    model: Model,
    params: Params,
    seed: int,
    strategy: str | Strategy = "random",
    *,
    on_sample: Callable[[int], None] | None = None,
    inspect: Callable[[Runtime, Simulation], None] | None = None,
    shutdown: bool = True,
    keep_schedule: bool = False,
    properties: Sequence[Property] = (),
    leak_check: bool = False,
    trace: bool = False,
    workload_seed: int | None = None,
) -> RunRecord:
    """Run ``model`` once; ``inspect(rt, sim)`` sees the program at ``duration``.

    With ``shutdown=False`` the program is left as it is at ``duration``;
    ``keep_schedule`` records the schedule string (long for a random run);
    ``properties`` are checked as the run goes (see :mod:`simlab.properties`);
    ``leak_check`` applies the three leak oracles at ``duration`` and after shutdown;
    ``trace`` records every event for the Perfetto export (:mod:`simlab.perfetto`);
    ``workload_seed`` fixes the workload and faults streams while ``seed`` keys the
    schedule's own (by default ``seed`` keys all four).
    """
    if workload_seed == seed:
        workload_seed = None
    rt = Runtime(
        seed=seed if workload_seed is None else workload_seed,
        strategy=strategy,
        trace=trace,
        record=keep_schedule or inspect is not None,
    )
    if workload_seed is not None:
        rt.strategy.bind(seed)  # the schedule and choice streams from the schedule's seed
    checker = Checker(properties) if properties else None
    sim = Simulation(rt, params, checker)
    after = (lambda _t: sim.checkpoint("sample")) if checker else None
    sampler = Sampler(
        rt, params.sample_every, params.duration, lambda: sim.sample(), on_sample, after
    )
    error = None
    try:
        rt.run(model.main, params, sim, until=params.duration)
    except (GoPanic, FatalError, Livelock) as exc:
        error = _failed(sim, exc)
    if error is None and rt.halted is None:
        sampler.record()
    samples = sampler.samples()
    metrics = _end_metrics(model, params, rt, sim, samples)
    if error is None:
        sim.checkpoint("end", metrics=metrics)
    if inspect is not None:
        inspect(rt, sim)
    during = leaks.check(rt) if leak_check and error is None else None
    healthy = model.healthy(sim) if during is not None and model.healthy else None
    if shutdown and error is None and rt.halted is None:
        error = _shut_down(rt, sim, params)
    if shutdown:
        metrics.update(_after_shutdown(model, rt, sim))
        sim.checkpoint("shutdown", metrics=metrics)
    alive_after = {g.id for g in rt.goroutines()} if shutdown else None
    groups = leaks.summarize(during, alive_after, healthy) if during is not None else None
    return RunRecord(
        params=dict(params),
        seed=seed,
        strategy=str(rt.strategy),
        metrics=metrics,
        samples=samples,
        digest=run_digest(model, params, seed, rt.trace_digest(), workload_seed),
        schedule=str(rt.schedule()) if keep_schedule else "",
        error=error,
        violations=dict(checker.violations) if checker else {},
        leaks=groups,
        decisions=rt.decisions(),
    )


def run_digest(
    model: Model, params: Params, seed: int, trace_digest: str, workload_seed: int | None = None
) -> str:
    """What identifies a run: sha256 of the program (the model and its ``main``), every
    parameter value, the seed (and the workload seed, if another) and the scheduling
    trace (which holds every decision, so a replay of a run under any strategy has the
    run's digest)."""
    main = getattr(model.main, "__module__", "") + "." + getattr(model.main, "__qualname__", "")
    seeds: list[int] = [seed] if workload_seed is None else [seed, workload_seed]
    identity = json.dumps(
        [model.name, main, sorted((k, repr(v)) for k, v in params.items()), *seeds, trace_digest]
    )
    return hashlib.sha256(identity.encode()).hexdigest()


def _failed(sim: Simulation, exc: BaseException) -> str:
    if isinstance(exc, Deadlock):
        sim.checkpoint("deadlock")
    return str(exc).split("\n", 1)[0]


def _end_metrics(
    model: Model, params: Params, rt: Runtime, sim: Simulation, samples: Samples
) -> dict[str, Any]:
    goroutines, fds = rt.num_goroutine(), rt.open_fds()
    m: dict[str, Any] = {
        "growth_per_min": samples.growth_per_min(since=model.warmup(params)),
        "fd_growth_per_min": samples.fd_growth_per_min(since=model.warmup(params)),
        "goroutines_end": goroutines,
        "goroutines_by_name_end": rt.num_goroutine_by_name(),
        "fds_end": fds,
        "live_contexts_end": rt.live_contexts(),
    }
    if model.baseline is not None:
        baseline = model.baseline(params)
        m["leaked_goroutines"] = goroutines - baseline
        warm = samples.goroutines[samples.t >= model.warmup(params)]
        m["peak_leaked_goroutines"] = int(warm.max()) - baseline if len(warm) else None
    if model.baseline_fds is not None:
        m["leaked_fds"] = fds - model.baseline_fds(params)
        leaked = m.get("leaked_goroutines", math.nan)
        m["goroutines_per_leaked_fd"] = leaked / m["leaked_fds"] if m["leaked_fds"] > 0 else None
    if len(samples.t) or not rt.halted:  # a program that died before its first sample
        m.update(model.metrics(sim, m, samples))  # has no model figures to give
    return m


def _shut_down(rt: Runtime, sim: Simulation, params: Params) -> str | None:
    sim.signal.close()
    try:
        result = rt.run(until=params.duration + params.shutdown_grace)
    except (GoPanic, FatalError, Livelock) as exc:
        return _failed(sim, exc)
    if result.reason != "main returned":
        return "shutdown hung"
    return None


def _after_shutdown(model: Model, rt: Runtime, sim: Simulation) -> dict[str, Any]:
    main_alive = rt.halted is None or rt.halted == "deadlock"
    return {
        "goroutines_after_shutdown": rt.num_goroutine() - (1 if main_alive else 0),
        "fds_after_shutdown": rt.open_fds(),
        "shutdown_hung": rt.halted != "main returned",
        **model.after_shutdown(sim),
    }
