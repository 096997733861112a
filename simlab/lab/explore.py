"""Exploring schedules: run one configuration under many seeds, check its properties.

``explore`` runs N schedules (seeds ``base .. base+N-1`` under a strategy such as
``random`` or ``pct``), in worker processes, and counts for each property of the
model the schedules that broke it. The first failing schedule is reported with
the command that replays it and shrunk: its decisions, as deviations from
``fifo``, are cut down (delta debugging, Zeller and Hildebrandt 2002) to as few as
still break the same property, and that run is shown with the goroutine dump of
the moment the property broke and the leak oracles' verdicts.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import SimlabError
from ..sched.schedule import Schedule
from ..sched.strategies import Replay
from .experiment import Experiment
from .model import Model, Params, load_model
from .pool import LocalPool, WorkerDied
from .runner import Interrupted, _Progress, worker_count
from .simulation import RunRecord, run_model

SHRINK_BUDGET = 300  # runs the shrinker may spend
MAX_SCHEDULES = 1_000_000  # per explore: a million outcomes are about 300 MB


@dataclass
class Outcome:
    """What one explored schedule did: the properties it broke, its digest."""

    seed: int
    failed: list[str]
    digest: str


@dataclass
class Shrunk:
    """The simplest schedule found that still breaks ``property``, and its run."""

    property: str
    schedule: Schedule
    started_from: int  # deviations of the schedule it was shrunk from
    runs: int
    record: RunRecord


@dataclass
class Exploration:
    """Counts per property over every explored schedule, and the first failure."""

    name: str
    params: Params
    strategy: str
    base_seed: int
    outcomes: list[Outcome]
    properties: list[str]
    shrunk: Shrunk | None = None
    seconds: float = 0.0
    overrides: dict[str, str] = field(default_factory=dict)
    scenario: str = ""
    lost: list[int] = field(default_factory=list)  # seeds whose worker died twice
    lost_reason: str = ""
    workers: int = 1

    def failures(self, prop: str) -> list[int]:
        return [o.seed for o in self.outcomes if prop in o.failed]

    def failing_seeds(self) -> list[int]:
        return [o.seed for o in self.outcomes if o.failed]

    def ok(self) -> bool:
        return not self.failing_seeds()

    def exit_status(self) -> int:
        """0: every property held; 1: one broke; 3: some schedules were lost (a worker died)."""
        if self.failing_seeds():
            return 1
        return 3 if self.lost else 0

    def replay_command(self, seed: int, schedule: Schedule | None = None) -> str:
        parts = ["simlab replay", self.name, f"--seed {seed}"]
        if schedule is not None:
            parts.append(f"--schedule {schedule}")
        else:
            parts.append(f"--strategy {self.strategy}")
        if self.scenario:
            parts.append(f'--scenario "{self.scenario}"')
        parts += [f"--set {k}={v}" for k, v in self.overrides.items()]
        return " ".join(parts)


def _explore_batch(
    model_name: str, values: dict[str, Any], seeds: list[int], strategy: str
) -> list[Outcome]:
    model = load_model(model_name)
    params = model.resolve(values)
    out = []
    for seed in seeds:
        record = run_model(model, params, seed, strategy, properties=model.properties)
        out.append(Outcome(seed, list(record.violations), record.digest))
    return out


def explore(
    exp: Experiment,
    schedules: int,
    strategy: str,
    jobs: int,
    base_seed: int = 0,
    progress: bool = True,
    shrink: bool = True,
) -> Exploration:
    """Run the experiment's first parameter set under ``schedules`` seeds.

    Ctrl-C raises :class:`~simlab.lab.runner.Interrupted`, saying how many schedules
    had run and whether a property broke in them."""
    if schedules > MAX_SCHEDULES:
        raise SimlabError(
            f"--schedules {schedules:,}: at most {MAX_SCHEDULES:,} in one explore "
            "(run several, each with its own --seed, to cover more)"
        )
    scenario, params = exp.rows()[0]
    model = exp.model
    start = time.monotonic()
    seeds = range(base_seed, base_seed + schedules)
    workers = worker_count(jobs, schedules)
    per_task = max(1, math.ceil(len(seeds) / (workers * 8)))
    batches = [seeds[i : i + per_task] for i in range(0, len(seeds), per_task)]
    bar = _Progress(len(batches), f"simlab explore {exp.name}", progress)
    outcomes: list[Outcome] = []
    lost: list[int] = []
    reason = ""
    args = [(exp.model_name, dict(params), list(batch), strategy) for batch in batches]
    try:
        if workers <= 1:
            for k, arg in enumerate(args, 1):
                outcomes += _explore_batch(*arg)
                bar.advance(k)
        else:
            with LocalPool(workers) as pool:
                for k, (n, value) in enumerate(pool.run(_explore_batch, args), 1):
                    if isinstance(value, WorkerDied):
                        lost += batches[n]
                        reason = str(value)
                    else:
                        outcomes += value
                    bar.advance(k)
    except KeyboardInterrupt:
        broke = sorted({p for o in outcomes for p in o.failed})
        verdict = (
            f"{', '.join(repr(p) for p in broke)} broke in "
            f"{sum(bool(o.failed) for o in outcomes)} of them"
            if broke
            else "no property broke in them"
        )
        raise Interrupted(f"{len(outcomes)} of {schedules} schedules had run; {verdict}") from None
    bar.close()
    outcomes.sort(key=lambda o: o.seed)
    result = Exploration(
        exp.name,
        params,
        strategy,
        base_seed,
        outcomes,
        [p.name for p in model.properties],
        scenario=scenario,
        lost=sorted(lost),
        lost_reason=reason,
        workers=workers,
    )
    failing = result.failing_seeds()
    if shrink and failing:
        first = next(o for o in outcomes if o.failed)
        result.shrunk = shrink_schedule(model, params, first.seed, strategy, first.failed[0])
    result.seconds = time.monotonic() - start
    return result


class CheckedReplay(Replay):
    """A replay that notices when the schedule does not fit the program: a recorded
    option beyond the choices a decision has, or decisions the run never reached."""

    def bind(self, seed: int) -> None:
        super().bind(seed)
        self.misfits: list[tuple[int, int, int]] = []  # (decision, option, choices)

    def _next(self, n: int) -> int:
        option = self._table.get(self._k, 0)
        if option >= n:
            self.misfits.append((self._k, option, n))
        return super()._next(n)

    def check(self, taken: int) -> None:
        """Raise if the run (which took ``taken`` decisions) did not follow the schedule."""
        hint = "a schedule from another experiment, other parameters or another seed?"
        if self.misfits:
            k, option, n = self.misfits[0]
            raise SimlabError(
                f"the schedule does not fit this program: it takes option {option} at "
                f"decision {k}, which has {n} choices ({hint})"
            )
        beyond = [k for k, _ in self.schedule.deviations if k >= taken]
        if beyond:
            raise SimlabError(
                f"the schedule does not fit this program: it sets decision {beyond[0]:,} "
                f"but the run took {taken:,} decisions ({hint})"
            )


def shrink_schedule(model: Model, params: Params, seed: int, strategy: str, prop: str) -> Shrunk:
    """Cut the decisions of a failing run down to as few deviations as still break ``prop``."""
    original = run_model(model, params, seed, strategy, keep_schedule=True)
    start = Schedule.parse(original.schedule)
    runs = 0

    def run(schedule: Schedule) -> RunRecord:
        nonlocal runs
        runs += 1
        return run_model(
            model,
            params,
            seed,
            f"replay:{schedule}",
            properties=model.properties,
            keep_schedule=True,
            leak_check=True,
        )

    def fails(schedule: Schedule) -> bool:
        return runs < SHRINK_BUDGET and prop in run(schedule).violations

    pre = start.preemptive
    best = _ddmin(list(start.deviations), lambda devs: fails(Schedule(tuple(devs), pre)))
    best = _lower_options(best, lambda devs: fails(Schedule(tuple(devs), pre)))
    schedule = Schedule(tuple(best), pre)
    return Shrunk(prop, schedule, len(start), runs, run(schedule))


Deviations = list[tuple[int, int]]  # (decision, option) pairs, as a Schedule holds them


def _ddmin(items: Deviations, fails: Callable[[Deviations], bool]) -> Deviations:
    """Zeller's ddmin: a 1-minimal sublist of ``items`` that still ``fails``."""
    if fails([]):
        return []
    n = 2
    while len(items) >= 2:
        size = math.ceil(len(items) / n)
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        for i, chunk in enumerate(chunks):
            if fails(chunk):
                items, n = chunk, 2
                break
            rest = [x for j, c in enumerate(chunks) if j != i for x in c]
            if fails(rest):
                items, n = rest, max(n - 1, 2)
                break
        else:
            if n >= len(items):
                break
            n = min(2 * n, len(items))
    return items


def _lower_options(items: Deviations, fails: Callable[[Deviations], bool]) -> Deviations:
    """Try option 1 wherever a deviation takes a larger one."""
    items = list(items)
    for k, (pos, option) in enumerate(items):
        if option > 1:
            trial = [*items[:k], (pos, 1), *items[k + 1 :]]
            if fails(trial):
                items = trial
    return items


# --- what explore and replay print ---------------------------------------------


def _config(result: Exploration) -> str:
    shown = " ".join(f"{k}={v}" for k, v in result.overrides.items())
    scenario = f'scenario "{result.scenario}"' if result.scenario else ""
    parts = [p for p in (scenario, shown) if p]
    return "; ".join(parts) or "as in the experiment file"


def _seed_ranges(seeds: list[int]) -> str:
    spans: list[list[int]] = []
    for s in seeds:
        if spans and s == spans[-1][1] + 1:
            spans[-1][1] = s
        else:
            spans.append([s, s])
    shown = [f"{a}..{b}" if a != b else str(a) for a, b in spans[:5]]
    return ", ".join(shown) + (", ..." if len(spans) > 5 else "")


def format_exploration(result: Exploration, jobs: int | None = None) -> str:
    n = len(result.outcomes)
    last = result.base_seed + n + len(result.lost) - 1
    rate = n / result.seconds if result.seconds else 0.0
    workers = result.workers if jobs is None else jobs
    lines = [
        f"simlab explore {result.name}: {n + len(result.lost)} schedules, strategy "
        f"{result.strategy}, seeds {result.base_seed}..{last}, "
        f"{workers} worker{'s' if workers > 1 else ''}",
        f"configuration: {_config(result)}",
        "",
    ]
    width = max(len(p) for p in result.properties)
    for prop in result.properties:
        failed = result.failures(prop)
        verdict = (
            f"FAILED in {len(failed)} of {n} schedules (first: seed {failed[0]})"
            if failed
            else f"held in all {n} schedules"
        )
        lines.append(f"  {prop:<{width}}  {verdict}")
    lines.append("")
    if result.lost:
        lines.append(
            f"infrastructure error: {len(result.lost)} schedules not explored (seeds "
            f"{_seed_ranges(result.lost)}): {result.lost_reason}"
        )
    if result.ok():
        lines.append(f"every property held ({n} schedules in {result.seconds:.1f} s, {rate:.0f}/s)")
        return "\n".join(lines)
    failing = result.failing_seeds()
    first = next(o for o in result.outcomes if o.failed)
    lines += [
        f"{len(failing)} of {n} schedules failed ({result.seconds:.1f} s, {rate:.0f}/s); "
        f"first failing schedule: seed {failing[0]}",
        f"  replay: {result.replay_command(failing[0])}",
        f"  digest: {first.digest}",
    ]
    if result.shrunk is not None:
        lines += ["", *_format_shrunk(result, result.shrunk)]
    return "\n".join(lines)


def _format_shrunk(result: Exploration, s: Shrunk) -> list[str]:
    v = s.record.violations.get(s.property)
    lines = [
        f'shrunk: "{s.property}" still breaks under {s.schedule.describe()} '
        f"({len(s.schedule)} deviations, from {s.started_from:,}; {s.runs} runs)",
        f"  replay: {result.replay_command(s.record.seed, s.schedule)}",
        f"  digest: {s.record.digest}",
    ]
    if v is not None:
        lines += [f"  {v.headline()}", "", "goroutines at that moment:", v.dump.rstrip()]
    if s.record.leaks:
        from ..observe.leaks import format_groups

        lines += ["", format_groups(s.record.leaks, "the end of the run")]
    return lines


def exploration_json(result: Exploration) -> dict[str, Any]:
    failing = result.failing_seeds()
    data: dict[str, Any] = {
        "experiment": result.name,
        "scenario": result.scenario or None,
        "overrides": result.overrides,
        "strategy": result.strategy,
        "schedules": len(result.outcomes),
        "base_seed": result.base_seed,
        "seconds": result.seconds,
        "properties": {
            p: {
                "failed": len(result.failures(p)),
                "first_seed": next(iter(result.failures(p)), None),
            }
            for p in result.properties
        },
        "failing_seeds": failing,
        "replay": [result.replay_command(seed) for seed in failing[:10]],
        "digests": {
            o.seed: o.digest for o in result.outcomes if o.failed and o.seed in failing[:10]
        },
        "shrunk": None,
        "lost_seeds": result.lost,
    }
    s = result.shrunk
    if s is not None:
        v = s.record.violations.get(s.property)
        data["shrunk"] = {
            "property": s.property,
            "schedule": str(s.schedule),
            "deviations": len(s.schedule),
            "from_deviations": s.started_from,
            "runs": s.runs,
            "seed": s.record.seed,
            "digest": s.record.digest,
            "replay": result.replay_command(s.record.seed, s.schedule),
            "violation": None if v is None else {"at_ns": v.at, "detail": v.detail, "dump": v.dump},
            "leaks": [g.as_dict() for g in s.record.leaks or []],
        }
    return data


def format_replay(record: RunRecord) -> str:
    lines = [
        f"seed {record.seed}, strategy {record.strategy}",
        f"digest: {record.digest}",
        f"decisions: {len(Schedule.parse(record.schedule)) if record.schedule else 0} deviations",
    ]
    if record.error:
        lines.append(f"the run ended with: {record.error}")
    if not record.violations:
        lines.append("every property held")
    for v in record.violations.values():
        lines.append(v.headline())
    first = next(iter(record.violations.values()), None)
    if first is not None:
        lines += ["", f"goroutines when {first.property!r} broke:", first.dump.rstrip()]
    if record.leaks:
        from ..observe.leaks import format_groups

        lines += ["", format_groups(record.leaks, "the end of the run")]
    return "\n".join(lines)


def replay_json(record: RunRecord) -> dict[str, Any]:
    return {
        "seed": record.seed,
        "strategy": record.strategy,
        "digest": record.digest,
        "error": record.error,
        "violations": [
            {"property": v.property, "at_ns": v.at, "detail": v.detail, "dump": v.dump}
            for v in record.violations.values()
        ],
        "leaks": [g.as_dict() for g in record.leaks or []],
    }
