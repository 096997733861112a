"""Running an experiment: every parameter set under every seed, in parallel if asked.

Runs are independent, so ``jobs > 1`` spreads them over worker processes; each
run is still deterministic, so the results do not depend on ``jobs``.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..observe.metrics import Samples
from .experiment import Experiment, evaluate
from .model import Params, load_model
from .pool import LocalPool, Pool, WorkerDied, cores, open_pool
from .simulation import RunRecord, run_model

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
    return cores()


def worker_count(jobs: int, tasks: int) -> int:
    """Worker processes a pool of ``jobs`` starts for ``tasks``: no more than the cores."""
    return max(1, min(jobs, cores(), tasks))


class Interrupted(Exception):
    """Ctrl-C (or SIGTERM) during the runs; the message says what had finished."""


def _run_task(
    model_name: str, values: dict[str, Any], seed: int, strategy: str, leak_check: bool
) -> RunRecord:
    model = load_model(model_name)
    return run_model(model, model.resolve(values), seed, strategy, leak_check=leak_check)


def lost_record(params: Params, seed: int, strategy: str, why: WorkerDied) -> RunRecord:
    """What stands for a run whose worker died twice: no figures, an infrastructure error."""
    empty = np.zeros(0, dtype=np.int64)
    return RunRecord(
        params=dict(params),
        seed=seed,
        strategy=strategy,
        metrics={},
        samples=Samples(empty, empty, empty, empty),
        digest="",
        schedule="",
        error=f"infrastructure error: {why}",
        infrastructure=True,
    )


class _Progress:
    """A progress bar on stderr, on a terminal only and once the work outlasts a second:
    how far, the failures so far, and an ETA from the average rate since the start
    (completed work over elapsed time, so one slow or fast task does not make it jump).
    ``unit`` names what ``total`` counts (``"schedules"``); without one, only the share."""

    WIDTH = 24
    EVERY = 0.2  # seconds between two redraws

    def __init__(self, total: int, label: str, enabled: bool, unit: str = ""):
        self.total = max(1, total)
        self.label = label
        self.unit = unit
        self.enabled = enabled and sys.stderr.isatty()
        self.start = time.monotonic()
        self.done = 0
        self.failed = 0
        self.shown = False
        self._drawn = 0.0

    def advance(self, to: int, failed: int = 0) -> None:
        """Done up to ``to``; ``failed`` more failures since the last call."""
        self.done, self.failed = to, self.failed + failed
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start > 1.0 and now - self._drawn >= self.EVERY:
            self._draw(now)

    def line(self, now: float) -> str:
        share = min(1.0, self.done / self.total)
        filled = int(share * self.WIDTH)
        parts = [self.label, f"[{'#' * filled}{'-' * (self.WIDTH - filled)}]", f"{share:4.0%}"]
        if self.unit:
            parts.append(f"{self.done:,}/{self.total:,} {self.unit}")
        if self.unit or self.failed:
            parts.append(f"failures: {self.failed:,}")
        elapsed = now - self.start
        if 0 < self.done < self.total:
            parts.append(f"eta {_clock(elapsed * (self.total - self.done) / self.done)}")
        else:
            parts.append(f"took {_clock(elapsed)}")
        return "  ".join(parts)

    def _draw(self, now: float) -> None:
        self._drawn, self.shown = now, True
        width = shutil.get_terminal_size().columns - 1  # a wrapped line would not redraw
        sys.stderr.write("\r" + self.line(now)[:width] + "\x1b[K")
        sys.stderr.flush()

    def close(self) -> None:
        if self.shown:
            self._draw(time.monotonic())
            sys.stderr.write("\n")
            sys.stderr.flush()


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    hours = f"{s // 3600}:" if s >= 3600 else ""
    return f"{hours}{s // 60 % 60 if hours else s // 60:02d}:{s % 60:02d}"


def run_experiment(
    exp: Experiment,
    jobs: int = 1,
    progress: bool = True,
    check: Callable[[RunRecord], None] | None = None,
    cluster: str | None = None,
) -> list[Row]:
    """Run every parameter set of ``exp`` under each of its seeds.

    ``check(record)`` sees each run as it completes (the first one tells which
    metrics exist) and may raise to stop everything. Ctrl-C raises
    :class:`Interrupted`, saying what had finished; a run whose worker process
    died twice is a record with ``infrastructure=True``, and every other run
    still completes.
    """
    labelled = exp.rows()
    sets = [p for _, p in labelled]
    tasks = [(i, p, seed) for i, p in enumerate(sets) for seed in exp.seeds]
    # the leak oracles read the first run of each row, when there are few rows to show
    checked = {(i, exp.seeds[0]) for i in range(len(sets))} if len(sets) <= LEAK_ROWS else set()
    results: dict[tuple[int, int], RunRecord] = {}

    def done(key: tuple[int, int], record: RunRecord) -> None:
        results[key] = record
        if check is not None and not record.infrastructure:
            check(record)

    try:
        if cluster is None and worker_count(jobs, len(tasks)) <= 1:
            duration = max(p.duration for p in sets) or 1
            bar = _Progress(len(tasks) * duration, f"simlab run {exp.name}", progress)
            for n, (i, p, seed) in enumerate(tasks):
                base = n * duration

                def tick(t: int, base: int = base) -> None:
                    bar.advance(base + t)

                done(
                    (i, seed),
                    run_model(
                        exp.model,
                        p,
                        seed,
                        exp.strategy,
                        on_sample=tick,
                        leak_check=(i, seed) in checked,
                    ),
                )
            bar.close()
        else:
            bar = _Progress(len(tasks), f"simlab run {exp.name}", progress, "runs")
            argsets = [
                (exp.model_name, dict(p), seed, exp.strategy, (i, seed) in checked)
                for i, p, seed in tasks
            ]
            pool: Pool = (
                LocalPool(jobs)
                if cluster is None
                else open_pool(jobs, cluster, len(tasks), exp.model_name)
            )
            with pool:
                for k, (n, value) in enumerate(pool.run(_run_task, argsets), 1):
                    i, p, seed = tasks[n]
                    if isinstance(value, WorkerDied):
                        value = lost_record(p, seed, exp.strategy, value)
                    done((i, seed), value)
                    bar.advance(k, failed=value.error is not None)
            bar.close()
    except KeyboardInterrupt:
        finished = [f"{labelled[i][0] or _label(exp, sets[i])} seed {s}" for i, s in results]
        shown = "; ".join(finished[:6])
        if len(finished) > 6:
            shown += f" and {len(finished) - 6} more"
        raise Interrupted(
            f"{len(results)} of {len(tasks)} runs had finished"
            + (f" ({shown})" if finished else "")
            + "; nothing written"
        ) from None
    return [
        Row(p, [results[(i, seed)] for seed in exp.seeds], label)
        for i, (label, p) in enumerate(labelled)
    ]


def _label(exp: Experiment, params: Params) -> str:
    varying = [n for n, values in exp.sweep.items() if len(values) > 1]
    return " ".join(f"{n}={exp.model.param(n).show(params[n])}" for n in varying) or exp.name
