"""``explore --strategy dfs[:BOUND]``: every schedule of one configuration, in turn.

One process runs the program again and again under one seed, each run under the
next schedule of a depth-first search (:mod:`simlab.sched.dfs`), checking the
model's properties in each, until every schedule (within the bound) has run or
``--schedules`` runs have been spent. Runs the sleep sets prove redundant are
abandoned early and counted as pruned. The first failing schedule is shrunk as
``explore`` shrinks a random one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import SimlabError
from ..sched.dfs import DFS, Redundant, bound_words, bounded_sleep_sets_note, pruning_words
from ..sched.schedule import Schedule
from .experiment import Experiment
from .explore import (
    Exploration,
    Outcome,
    _changed,
    _config,
    _format_shrunk,
    choose_row,
    shrink_schedule,
)
from .runner import Interrupted, _Progress
from .simulation import run_model


@dataclass
class Exhaustion(Exploration):
    """An :class:`Exploration` by depth-first search: every outcome ran under
    ``base_seed``; ``schedules[i]`` is the schedule outcome ``i`` ran."""

    bound: int | None = None
    reduction: bool = True
    schedules: list[str] = field(default_factory=list)
    pruned: int = 0
    exhausted: bool = False

    def first_failure(self) -> int | None:
        return next((i for i, o in enumerate(self.outcomes) if o.failed), None)

    def replay_command(self, seed: int, schedule: Any = None) -> str:
        if schedule is None:
            first = self.first_failure()
            schedule = self.schedules[first] if first is not None else "fifo"
        return super().replay_command(seed, schedule)

    def bound_words(self) -> str:
        return bound_words(self.bound)


def exhaust(
    exp: Experiment,
    schedules: int,
    strategy: str | DFS,
    seed: int = 0,
    *,
    row: int | None = None,
    reduction: bool = True,
    progress: bool = True,
    shrink: bool = True,
    fail_fast: bool = False,
    max_seconds: float | None = None,
    refuse: dict[str, Any] | None = None,
) -> Exhaustion:
    """Explore the schedules of the experiment's first parameter set under ``seed``
    depth first, at most ``schedules`` runs (pruned ones included); ``row`` (from 1)
    explores another row of the experiment; ``fail_fast`` stops at the first failing
    schedule, ``max_seconds`` after that much wall-clock time. ``refuse`` names
    options of ``explore`` that a search under one seed in one process cannot take:
    any of them set is a :class:`SimlabError`.

    ``strategy`` is ``"dfs"``, ``"dfs:BOUND"`` or a fresh :class:`DFS`;
    ``reduction=False`` turns the sleep sets off (for measurements).
    """
    from ..sched.strategies import make_strategy

    for option, value in (refuse or {}).items():
        if value is not None:
            raise SimlabError(
                f"{option} does not apply to --strategy dfs, which searches the schedules "
                "of one seed (--seed) in one process"
            )
    dfs = make_strategy(strategy) if isinstance(strategy, str) else strategy
    assert isinstance(dfs, DFS), strategy
    if not reduction:
        dfs = dfs.unreduced()
    n_row, n_rows, scenario, params = choose_row(exp, row)
    model = exp.model
    start = time.monotonic()
    bar = _Progress(schedules, f"simlab explore {exp.name}", progress)
    outcomes: list[Outcome] = []
    done: list[str] = []
    stopped = ""
    try:
        while dfs.runs < schedules:
            if max_seconds is not None and time.monotonic() - start >= max_seconds:
                stopped = "time budget"
                break
            try:
                record = run_model(model, params, seed, dfs, properties=model.properties)
            except Redundant:
                pass
            else:
                outcomes.append(Outcome(seed, list(record.violations), record.digest))
                done.append(str(dfs.schedule()))
                if fail_fast and record.violations:
                    stopped = "fail-fast"
                    break
            bar.advance(dfs.runs)
            if not dfs.backtrack():
                break
    except KeyboardInterrupt:
        failed = sum(bool(o.failed) for o in outcomes)
        verdict = f"a property broke in {failed} of them" if failed else "no property broke"
        raise Interrupted(f"{len(outcomes)} schedules had run; {verdict}") from None
    bar.close()
    result = Exhaustion(
        exp.name,
        params,
        str(dfs),
        seed,
        outcomes,
        [p.name for p in model.properties],
        scenario=scenario,
        overrides={
            **{k: str(v) for k, v in exp.overrides.items()},
            **{n: model.param(n).show(params[n]) for n in exp.sweep},
        },
        changed=_changed(exp, params),
        row=n_row,
        rows=n_rows,
        asked=schedules,
        bound=dfs.bound,
        reduction=dfs.reduction,
        schedules=done,
        pruned=dfs.pruned,
        exhausted=dfs.exhausted,
        stopped=stopped,
        fail_fast=fail_fast,
    )
    first = result.first_failure()
    if shrink and first is not None:
        prop = outcomes[first].failed[0]
        result.shrunk = shrink_schedule(model, params, seed, f"replay:{done[first]}", prop)
    result.seconds = time.monotonic() - start
    return result


def format_exhaustion(result: Exhaustion) -> str:
    n = len(result.outcomes)
    lines = [
        f"simlab explore {result.name}: strategy {result.strategy}, seed {result.base_seed}, "
        f"depth-first search in 1 process, at most {result.asked:,} runs",
        f"configuration: {_config(result)}",
    ]
    if result.rows > 1:
        lines.append(
            f"row {result.row} of {result.rows} (choose another with --row N or --scenario NAME)"
        )
    lines.append("")
    width = max(len(p) for p in result.properties)
    for prop in result.properties:
        failed = [i for i, o in enumerate(result.outcomes) if prop in o.failed]
        verdict = (
            f"FAILED in {len(failed)} of {n} schedules (first: schedule {failed[0] + 1}, "
            f"{result.schedules[failed[0]]})"
            if failed
            else f"held in all {n} schedules"
        )
        lines.append(f"  {prop:<{width}}  {verdict}")
    lines.append("")
    pruned = pruning_words(result.pruned, result.reduction)
    if result.exhausted:
        searched = f"all {n:,} schedules {result.bound_words()} checked ({pruned})"
    else:
        why = {
            "fail-fast": "at the first failure (--fail-fast)",
            "time budget": "after the time budget (--max-time)",
        }.get(result.stopped, f"after {result.asked:,} runs (--schedules)")
        searched = (
            f"stopped {why}: {n:,} schedules checked ({pruned}); "
            f"schedules {result.bound_words()} remain unexplored"
        )
    first = result.first_failure()
    note = bounded_sleep_sets_note(result.strategy, result.bound, result.reduction)
    caveat = [f"  ({note})"] if result.exhausted and note else []
    if first is None:
        lines += [f"{searched}; every property held ({result.seconds:.1f} s)", *caveat]
        return "\n".join(lines)
    failing = sum(bool(o.failed) for o in result.outcomes)
    lines += [
        searched,
        *caveat,
        f"{failing} of {n} schedules failed ({result.seconds:.1f} s); first failing schedule: "
        f"schedule {first + 1}, {result.schedules[first]}",
        f"  replay: {result.replay_command(result.base_seed)}",
        f"  digest: {result.outcomes[first].digest}",
    ]
    if result.shrunk is not None:
        lines += ["", *_format_shrunk(result, result.shrunk)]
    return "\n".join(lines)


def exhaustion_json(result: Exhaustion) -> dict[str, Any]:
    first = result.first_failure()
    data: dict[str, Any] = {
        "experiment": result.name,
        "scenario": result.scenario or None,
        "overrides": result.overrides,
        "strategy": result.strategy,
        "seed": result.base_seed,
        "bound": result.bound,
        "schedules": len(result.outcomes),
        "pruned": result.pruned,
        "exhausted": result.exhausted,
        # exhausted, and no schedule within the bound skipped for an equivalent beyond it
        "complete": result.exhausted
        and bounded_sleep_sets_note(result.strategy, result.bound, result.reduction) is None,
        "seconds": result.seconds,
        "properties": {
            p: {
                "failed": sum(p in o.failed for o in result.outcomes),
                "first_schedule": next(
                    (result.schedules[i] for i, o in enumerate(result.outcomes) if p in o.failed),
                    None,
                ),
            }
            for p in result.properties
        },
        "first_failure": None,
        "shrunk": None,
    }
    if first is not None:
        data["first_failure"] = {
            "index": first,
            "schedule": result.schedules[first],
            "replay": result.replay_command(result.base_seed),
            "digest": result.outcomes[first].digest,
        }
    s = result.shrunk
    if s is not None:
        data["shrunk"] = {
            "property": s.property,
            "schedule": str(s.schedule),
            "deviations": len(s.schedule),
            "from_deviations": s.started_from,
            "runs": s.runs,
            "digest": s.record.digest,
            "replay": result.replay_command(s.record.seed, s.schedule),
        }
    return data


@dataclass
class Explored:
    """One schedule a :func:`search_program` ran to the end, and how the run ended."""

    schedule: Schedule
    digest: str
    error: BaseException | None  # the panic, fatal error or deadlock that ended it


def search_program(
    main: Callable[..., Any],
    *args: Any,
    bound: int | None = None,
    reduction: bool = True,
    runs: int = 100_000,
    seed: int = 0,
    preempt: bool = False,
    early: bool = False,
    sticky: bool = False,
    dpor: bool = False,
    choices: bool = False,
) -> tuple[list[Explored], DFS]:
    """Run ``main(rt, *args)`` (a program, not a model) under every schedule, depth first:
    the schedules run to the end, and the :class:`DFS` that chose them (its ``pruned``,
    ``runs`` and ``exhausted``). At most ``runs`` runs, pruned ones included; with
    ``preempt``, the schedules of ``dfs:BOUND:preempt``; with ``early``, in the order
    of ``dfs:BOUND:early``; with ``sticky``, those of ``dfs:BOUND:sticky``; with
    ``dpor``, dynamic partial-order reduction on top of the sleep sets; with
    ``choices``, the schedules of ``dfs:BOUND:choices``."""
    from ..errors import Deadlock, FatalError, GoPanic, Livelock
    from ..go.runtime import Runtime

    dfs = DFS(
        bound,
        reduction=reduction,
        preempt=preempt,
        early=early,
        sticky=sticky,
        dpor=dpor,
        choices=choices,
    )
    out: list[Explored] = []
    while dfs.runs < runs:
        rt = Runtime(seed, dfs)
        error: BaseException | None = None
        redundant = False
        try:
            rt.run(main, *args)
        except Redundant:
            redundant = True
        except (Deadlock, GoPanic, FatalError, Livelock) as exc:
            error = exc
        if not redundant:
            out.append(Explored(dfs.schedule(), rt.trace_digest(), error))
        if not dfs.backtrack():
            break
    return out, dfs
