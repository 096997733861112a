"""Running an experiment: every parameter set under every seed, in parallel if asked.

Runs are independent, so ``jobs > 1`` spreads them over worker processes; each
run is still deterministic, so the results do not depend on ``jobs``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click
import numpy as np

from .experiment import Experiment, evaluate
from .model import Params, load_model
from .simulation import RunRecord, run_model

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

LEAK_ROWS = 4  # experiments with at most this many rows show the leak oracles' verdicts


@dataclass
class Row:
    """One parameter set (of a scenario, if the experiment names them) and its runs."""

    params: Params
    runs: list[RunRecord]
    scenario: str = ""

    def values(self, metric: str) -> list[float]:
        out = []
        for r in self.runs:
            v = r.metrics.get(metric)
            if isinstance(v, bool):
                v = float(v)
            if isinstance(v, int | float) and not (isinstance(v, float) and np.isnan(v)):
                out.append(float(v))
        return out

    def counts(self, metric: str) -> bool:
        """Is ``metric`` a count (whole numbers in every run)?"""
        raw = [r.metrics.get(metric) for r in self.runs]
        return all(isinstance(v, int) for v in raw)

    def mean(self, metric: str) -> float | None:
        vals = self.values(metric)
        return float(np.mean(vals)) if vals else None

    def evaluate(self, expression: str, names: dict[str, float]) -> float | None:
        """An arithmetic expression over this row's mean metrics and parameters; None
        when it cannot be computed (a metric missing, a division by zero)."""
        try:
            return evaluate(expression, names)
        except (ZeroDivisionError, TypeError):
            return None

    def span(self, metric: str) -> tuple[float, float] | None:
        vals = self.values(metric)
        return (min(vals), max(vals)) if vals else None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run_task(
    model_name: str, values: dict[str, Any], seed: int, strategy: str, leak_check: bool
) -> RunRecord:
    model = load_model(model_name)
    return run_model(model, model.resolve(values), seed, strategy, leak_check=leak_check)


class _Progress:
    """A progress bar on stderr, shown only on a terminal and once a run outlasts a second."""

    def __init__(self, total: int, label: str, enabled: bool):
        self.total = total
        self.label = label
        self.enabled = enabled and sys.stderr.isatty()
        self.start = time.monotonic()
        self.done = 0
        self.bar: ProgressBar[int] | None = None

    def advance(self, to: int) -> None:
        step, self.done = to - self.done, to
        if not self.enabled:
            return
        if self.bar is None and time.monotonic() - self.start > 1.0:
            self.bar = click.progressbar(length=self.total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
            step = self.done
        if self.bar is not None and step > 0:
            self.bar.update(step)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def run_experiment(exp: Experiment, jobs: int = 1, progress: bool = True) -> list[Row]:
    """Run every parameter set of ``exp`` under each of its seeds."""
    labelled = exp.rows()
    sets = [p for _, p in labelled]
    tasks = [(i, p, seed) for i, p in enumerate(sets) for seed in exp.seeds]
    # the leak oracles read the first run of each row, when there are few rows to show
    checked = {(i, exp.seeds[0]) for i in range(len(sets))} if len(sets) <= LEAK_ROWS else set()
    results: dict[tuple[int, int], RunRecord] = {}
    if jobs <= 1 or len(tasks) == 1:
        duration = max(p.duration for p in sets) or 1
        bar = _Progress(len(tasks) * duration, f"simlab run {exp.name}", progress)
        for n, (i, p, seed) in enumerate(tasks):
            base = n * duration

            def tick(t: int, base: int = base) -> None:
                bar.advance(base + t)

            results[(i, seed)] = run_model(
                exp.model, p, seed, exp.strategy, on_sample=tick, leak_check=(i, seed) in checked
            )
        bar.close()
    else:
        bar = _Progress(len(tasks), f"simlab run {exp.name}", progress)
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {
                pool.submit(
                    _run_task, exp.model_name, dict(p), seed, exp.strategy, (i, seed) in checked
                ): (i, seed)
                for i, p, seed in tasks
            }
            for k, fut in enumerate(as_completed(futures), 1):
                results[futures[fut]] = fut.result()
                bar.advance(k)
        bar.close()
    return [
        Row(p, [results[(i, seed)] for seed in exp.seeds], label)
        for i, (label, p) in enumerate(labelled)
    ]


def run_many(
    fn: Callable[..., Any], argsets: list[tuple[Any, ...]], jobs: int, ordered: bool = True
) -> Iterator[Any]:
    """``fn(*args)`` for every tuple of ``argsets`` over ``jobs`` processes; results in
    order, or as they complete with ``ordered=False``."""
    if jobs <= 1:
        for args in argsets:
            yield fn(*args)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(fn, *args) for args in argsets]
        for fut in futures if ordered else as_completed(futures):
            yield fut.result()
