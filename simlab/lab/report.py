"""What ``simlab run`` prints and writes: the table, the evidence, ``results/NAME/``."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from ..duration import Minute, Second
from . import publish
from .experiment import Evidence, Experiment
from .publish import Destination
from .runner import Row

# Headings and default columns for the metrics every run reports; a model names
# its own (Model.labels, Model.columns) and an experiment file may choose (columns).
LABELS = {
    "growth_per_min": "growth/min",
    "goroutines_end": "goroutines",
    "fds_end": "FDs",
    "live_contexts_end": "contexts",
    "goroutines_per_leaked_fd": "gor/leaked FD",
    "goroutines_after_shutdown": "left after stop",
    "fds_after_shutdown": "FDs after stop",
    "leaked_goroutines": "leaked",
    "leaked_fds": "leaked FDs",
}
DEFAULT_COLUMNS = (
    "growth_per_min",
    "goroutines_end",
    "fds_end",
    "live_contexts_end",
    "goroutines_after_shutdown",
)


def _fmt(value: float | None, signed: bool = False, whole: bool = False) -> str:
    """A figure for a table: whole numbers (counts) without decimals, others with two."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if math.isinf(value):
        return "-inf" if value < 0 else "inf"
    if abs(value) < 0.005:
        value = 0.0  # no "-0.00"
    if (whole or isinstance(value, int)) and float(value).is_integer():
        text = f"{value:,.0f}"
    elif abs(value) >= 100:
        text = f"{value:,.1f}"
    else:
        text = f"{value:.2f}"
    return ("+" if signed and value > 0 else "") + text


def _cell(row: Row, metric: str) -> str:
    mean, span = row.mean(metric), row.span(metric)
    signed = metric == "growth_per_min"
    whole = row.counts(metric)
    text = _fmt(mean, signed, whole)
    if span and len(row.runs) > 1 and span[0] != span[1]:
        text += f" [{_fmt(span[0], whole=whole)}..{_fmt(span[1], whole=whole)}]"
    return text


def varying(exp: Experiment) -> list[str]:
    """The swept parameters that take more than one value."""
    return [k for k, v in exp.sweep.items() if len(v) > 1]


def row_label(exp: Experiment, row: Row) -> str:
    parts = [row.scenario] if row.scenario else []
    parts += [f"{n}={exp.model.param(n).show(row.params[n])}" for n in varying(exp)]
    return " ".join(parts) or exp.name


def table_columns(exp: Experiment, rows: list[Row]) -> list[str]:
    """The table's metrics: the experiment's ``columns``, else the model's (or the
    generic ones) that the runs report."""
    if exp.columns:
        return list(exp.columns)
    chosen = exp.model.columns or DEFAULT_COLUMNS
    return [m for m in chosen if any(m in r.runs[0].metrics for r in rows)]


def heading(exp: Experiment, metric: str) -> str:
    """A metric's heading: the model's label for it, the generic one, or its name."""
    return exp.model.labels.get(metric) or LABELS.get(metric, metric)


def format_table(exp: Experiment, rows: list[Row]) -> str:
    """One line per parameter set; seeds aggregated as mean [min..max]."""
    names = varying(exp)
    metrics = table_columns(exp, rows)
    scenario = ["scenario"] if exp.scenarios else []
    header = [*scenario, *names, *(heading(exp, m) for m in metrics)]
    body = [
        [
            *([r.scenario] if scenario else []),
            *(exp.model.param(n).show(r.params[n]) for n in names),
            *(_cell(r, m) for m in metrics),
        ]
        for r in rows
    ]
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(header)]
    left = len(scenario)  # the scenario's name reads better flush left

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i < left else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    lines = [line(header), *(line(b) for b in body)]
    if "growth_per_min" in metrics:
        flat = [r for r in rows if not_distinguishable_from_zero(exp, r)]
        if flat:
            shown = ", ".join(f"{row_label(exp, r)} ({_cell(r, 'growth_per_min')})" for r in flat)
            lines.append(
                f"{heading(exp, 'growth_per_min')} of {shown}: within two standard errors "
                "of 0, not distinguishable from no growth"
            )
    errors = [
        f"  {row_label(exp, r)} seed {run.seed}: {run.error}"
        for r in rows
        for run in r.runs
        if run.error
    ]
    if errors:
        lines += ["", "runs that ended abnormally:", *errors]
    return "\n".join(lines)


def growth_stderr(exp: Experiment, row: Row, run: Any) -> float:
    """The standard error of a run's ``growth_per_min``: of the least-squares slope of
    its goroutine count after start-up (NaN with fewer than three samples)."""
    s = run.samples
    keep = s.t >= exp.model.warmup(row.params)
    x, y = s.t[keep] / Minute, s.goroutines[keep].astype(float)
    if len(x) < 3 or np.ptp(x) == 0:
        return math.nan
    b, a = np.polyfit(x, y, 1)
    residual = float(((y - (a + b * x)) ** 2).sum())
    return math.sqrt(residual / (len(x) - 2) / float(((x - x.mean()) ** 2).sum()))


def not_distinguishable_from_zero(exp: Experiment, row: Row) -> bool:
    """Is the row's growth per minute noise? Yes when it prints as non-zero but every
    run's slope is within two of its standard errors of zero (the two-sided 95%
    rule); a slope printed 0.00 needs no such note."""
    mean = row.mean("growth_per_min")
    if mean is None or abs(mean) < 0.005:
        return False
    for run in row.runs:
        slope, se = run.metrics.get("growth_per_min"), growth_stderr(exp, row, run)
        if not isinstance(slope, int | float) or not math.isfinite(se) or abs(slope) >= 2 * se:
            return False
    return True


def is_threshold(ev: Evidence) -> bool:
    """Is the evidence's "observed" figure a bound the simulation must stay within
    (``range = [-inf, 2.0]`` with ``observed = 2.0``), not a measurement?"""
    return (math.isinf(ev.low) and ev.observed == ev.high) or (
        math.isinf(ev.high) and ev.observed == ev.low
    )


def compare_evidence(exp: Experiment, rows: list[Row]) -> list[dict[str, Any]]:
    """One entry per evidence item and row it applies to."""
    out = []
    for ev in exp.evidence:
        for row in rows:
            if not ev.applies(dict(row.params), row.scenario):
                continue
            simulated = figure(exp, row, ev)
            out.append(
                {
                    "name": ev.name,
                    "metric": ev.metric,
                    "observed": ev.observed,
                    "threshold": is_threshold(ev),
                    "simulated": simulated,
                    "accepted": [ev.low, ev.high],
                    "match": ev.matches(simulated),
                    "params": _show_params(exp, row),
                    "scenario": row.scenario or None,
                }
            )
    return out


def figure(exp: Experiment, row: Row, ev: Evidence) -> float | None:
    """The simulated counterpart of an evidence item in ``row``."""
    if ev.is_expression:
        return row.evaluate(ev.metric, law_names(exp, row))
    return row.mean(ev.metric)


def _distance(ev: Evidence, value: float | None) -> float:
    if value is None or math.isnan(value):
        return math.inf
    return abs(value - ev.observed) / (abs(ev.observed) or 1)


def format_evidence(exp: Experiment, rows: list[Row]) -> str:
    if not exp.evidence:
        return ""
    lines = [f"evidence ({exp.evidence_title}):" if exp.evidence_title else "evidence:"]
    width = max(len(ev.name) for ev in exp.evidence)
    for ev in exp.evidence:
        applicable = [r for r in rows if ev.applies(dict(r.params), r.scenario)]
        if not applicable:
            continue
        best = min(applicable, key=lambda r: _distance(ev, figure(exp, r, ev)))
        value = figure(exp, best, ev)
        verdict = "match" if ev.matches(value) else "MISS "
        whole = not ev.is_expression and best.counts(ev.metric)
        kind = (
            ("at most " if math.isinf(ev.low) else "at least") if is_threshold(ev) else "observed"
        )
        head = (
            f"  {ev.name:<{width}}  {kind} {_fmt(ev.observed, whole=whole):>8}  "
            f"simulated {_fmt(value, whole=whole):>8}  {verdict} "
            f"(accepts {ev.describe_tolerance()})"
        )
        if len(applicable) > 1:
            hits = [r for r in applicable if ev.matches(figure(exp, r, ev))]
            head += f"\n  {'':<{width}}  {len(hits)} of {len(applicable)} rows match"
            head += f"; closest: {row_label(exp, best)}"
        lines.append(head)
        if ev.note:
            lines.append(f"  {'':<{width}}  {ev.note}")
    return "\n".join(lines)


def format_leaks(exp: Experiment, rows: list[Row]) -> str:
    """The leak oracles' verdicts on the first run of each row, if they were taken."""
    from ..duration import format_duration
    from ..observe.leaks import format_groups

    blocks = []
    for row in rows:
        groups = row.runs[0].leaks
        if not groups:
            continue
        title = format_groups(groups, format_duration(row.params.duration))
        label = row_label(exp, row)
        blocks.append(title if label == exp.name else f"[{label}] {title}")
    return "\n\n".join(blocks)


def law_names(exp: Experiment, row: Row) -> dict[str, float]:
    names: dict[str, float] = {}
    for p in exp.model.all_params():
        value = row.params[p.name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        names[p.name] = float(value)
        if p.kind == "duration":
            names[f"{p.name}_min"] = value / Minute
            names[f"{p.name}_s"] = value / Second
    for metric in row.runs[0].metrics:
        mean = row.mean(metric)
        if mean is not None:
            names[metric] = mean
    return names


def check_law(exp: Experiment, rows: list[Row]) -> dict[str, Any] | None:
    if exp.law is None:
        return None
    values = [r.evaluate(exp.law.expression, law_names(exp, r)) for r in rows]
    known = [v for v in values if v is not None]
    mean = sum(known) / len(known) if known else math.nan
    complete = len(known) == len(values) and bool(mean)
    spread = max(abs(v - mean) / abs(mean) for v in known) if complete else math.inf
    return {
        "statement": exp.law.statement,
        "expression": exp.law.expression,
        "values": values,
        "mean": mean,
        "max_relative_deviation": spread,
        "tolerance": exp.law.tolerance,
        "holds": spread <= exp.law.tolerance,
    }


def format_law(result: dict[str, Any] | None) -> str:
    if result is None:
        return ""
    verdict = "holds" if result["holds"] else "DOES NOT HOLD"
    return (
        f"law: {result['statement']}\n"
        f"  {result['expression']} = {_fmt(result['mean'])} in every row, "
        f"within {result['max_relative_deviation']:.1%} "
        f"(tolerance {result['tolerance']:.0%}): {verdict}"
    )


def _show_params(exp: Experiment, row: Row) -> dict[str, Any]:
    out = {}
    for p in exp.model.all_params():
        v = row.params[p.name]
        out[p.name] = p.show(v) if p.kind == "duration" else v
    return out


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def summary(exp: Experiment, rows: list[Row]) -> dict[str, Any]:
    """The ``--json`` object; also ``results/NAME/summary.json``."""
    return _clean(
        {
            "experiment": exp.name,
            "description": exp.description,
            "model": exp.model_name,
            "strategy": exp.strategy,
            "runs": [
                {
                    "params": _show_params(exp, row),
                    "scenario": row.scenario or None,
                    "seed": run.seed,
                    "metrics": run.metrics,
                    "growth_per_min_stderr": growth_stderr(exp, row, run),
                    "digest": run.digest,
                    "error": run.error,
                    **({"leaks": [g.as_dict() for g in run.leaks]} if run.leaks else {}),
                }
                for row in rows
                for run in row.runs
            ],
            "evidence": compare_evidence(exp, rows),
            "law": check_law(exp, rows),
        }
    )


def write_results(exp: Experiment, rows: list[Row], data: dict[str, Any], root: Path) -> Path:
    """Write ``samples.csv``, ``summary.json`` and ``plot.png`` as ``root/NAME/``,
    atomically (:mod:`simlab.lab.publish`)."""
    dest = Destination(root, exp.name)
    staging = dest.prepare()
    try:
        write_into(exp, rows, data, staging)
        return dest.publish()
    except BaseException:
        dest.discard()
        raise


def write_into(exp: Experiment, rows: list[Row], data: dict[str, Any], directory: Path) -> None:
    """The three result files, into ``directory``."""
    _write_samples(exp, rows, directory / "samples.csv")
    publish._checkpoint("samples.csv")
    (directory / "summary.json").write_text(json.dumps(data, indent=2) + "\n")
    publish._checkpoint("summary.json")
    from .plots import plot_experiment

    plot_experiment(exp, rows, directory / "plot.png")
    publish._checkpoint("plot.png")


def _write_samples(exp: Experiment, rows: list[Row], path: Path) -> None:
    names = varying(exp)
    per_name = sorted({n for r in rows for run in r.runs for n in run.samples.by_name})
    extras = sorted({k for r in rows for run in r.runs for k in run.samples.extra})
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            ["row", "seed", *names, "t_s", "goroutines", "fds", "live_contexts"]
            + [f"goroutines[{n}]" for n in per_name]
            + extras
        )
        for i, row in enumerate(rows):
            shown = [exp.model.param(n).show(row.params[n]) for n in names]
            for run in row.runs:
                s = run.samples
                for k in range(len(s.t)):
                    w.writerow(
                        [
                            i,
                            run.seed,
                            *shown,
                            s.t[k] / Second,
                            s.goroutines[k],
                            s.fds[k],
                            s.contexts[k],
                        ]
                        + [int(s.by_name[n][k]) if n in s.by_name else 0 for n in per_name]
                        + [s.extra[e][k] if e in s.extra else "" for e in extras]
                    )
