"""Pictures: goroutines and FDs over time, a metric against a parameter, a context tree.

An experiment of up to eight parameter sets is drawn as goroutines and open FDs
over time, one line per set on the same axes (bug and fix side by side). With a
``[plot]`` table (``x``, ``y``, ``series``) it is drawn as a metric against a
swept parameter, one line per value of another. A larger sweep is drawn as one
point per parameter set on the plane of its first two evidence metrics, with the
observed figures marked. :func:`plot_context_tree` draws the contexts of a live
program, cancelled ones marked.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from ..duration import Minute, format_duration
from ..go.context import CancelCtx

if TYPE_CHECKING:
    from ..go.context import Context
    from .experiment import Experiment
    from .runner import Row

MAX_LINES = 8


def plot_experiment(exp: Experiment, rows: list[Row], path: Path) -> None:
    if exp.plot:
        fig = _metric_plot(exp, rows)
    elif len(rows) <= MAX_LINES:
        fig = _time_plot(exp, rows)
    else:
        fig = _evidence_plane(exp, rows)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _time_plot(exp: Experiment, rows: list[Row]) -> Figure:
    from .report import row_label

    fig, (ax_g, ax_f) = plt.subplots(2, 1, figsize=(9, 7), sharex=True)
    for row in rows:
        s = row.runs[0].samples
        label = row_label(exp, row)
        (line,) = ax_g.plot(s.t / Minute, s.goroutines, label=label)
        ax_f.plot(s.t / Minute, s.fds, color=line.get_color(), label=label)
    ax_g.set_ylabel("goroutines")
    ax_f.set_ylabel("open file descriptors")
    ax_f.set_xlabel("simulated time (minutes)")
    ax_g.set_title(f"{exp.name}: {exp.description}"[:110], fontsize=10)
    ax_g.legend(fontsize=8, loc="upper left")
    for ax in (ax_g, ax_f):
        ax.grid(alpha=0.3)
    return fig


def _metric_plot(exp: Experiment, rows: list[Row]) -> Figure:
    x, y, series = exp.plot["x"], exp.plot.get("y", "growth_per_min"), exp.plot.get("series")
    fig, ax = plt.subplots(figsize=(8, 5.5))
    groups: dict[str, list[Row]] = {}
    for row in rows:
        key = exp.model.param(series).show(row.params[series]) if series else exp.name
        groups.setdefault(key, []).append(row)
    for key, members in groups.items():
        members.sort(key=lambda r: r.params[x])
        ax.plot(
            [r.params[x] for r in members],
            [_or_nan(r.mean(y)) for r in members],
            marker="o",
            label=f"{series} = {key}" if series else key,
        )
    if exp.plot.get("logx"):
        ax.set_xscale("log")
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    ax.set_title(f"{exp.name}: {exp.description}"[:110], fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return fig


def _evidence_plane(exp: Experiment, rows: list[Row]) -> Figure:
    from .report import table_columns

    fig, ax = plt.subplots(figsize=(9, 6))
    x_ev, y_ev = (exp.evidence + exp.evidence)[:2] if exp.evidence else (None, None)
    xm = x_ev.metric if x_ev else "growth_per_min"
    # without a second evidence metric: the first other metric of the table
    others = [m for m in table_columns(exp, rows) if m != xm] or ["goroutines_end"]
    ym = y_ev.metric if y_ev and y_ev.metric != xm else others[0]
    means = [(r.mean(xm), r.mean(ym)) for r in rows]
    points = [(a, b) for a, b in means if a is not None and b is not None]
    ax.scatter(
        [a for a, _ in points],
        [b for _, b in points],
        s=18,
        alpha=0.7,
        label="simulated parameter sets",
    )
    if x_ev and y_ev and y_ev.metric == ym:
        ax.scatter(
            [x_ev.observed],
            [y_ev.observed],
            marker="*",
            s=250,
            color="crimson",
            label=exp.evidence_title or "evidence",
        )
    ax.set_xlabel(xm)
    ax.set_ylabel(ym)
    ax.set_title(f"{exp.name}: {len(rows)} parameter sets", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return fig


def _or_nan(value: float | None) -> float:
    return math.nan if value is None else value


def _tree_layout(
    root: Context, children: dict[int, list[Context]]
) -> dict[int, tuple[float, int, Context]]:
    """x by leaf order (parents centred over their children), y by depth."""
    pos: dict[int, tuple[float, int, Context]] = {}
    leaf = [0]

    def place(ctx: Context, depth: int) -> float:
        kids = children.get(id(ctx), [])
        x: float
        if not kids:
            x = leaf[0]
            leaf[0] += 1
        else:
            xs = [place(k, depth + 1) for k in kids]
            x = sum(xs) / len(xs)
        pos[id(ctx)] = (x, -depth, ctx)
        return x

    place(root, 0)
    return pos


def plot_context_tree(contexts: Sequence[Context], path: Path, now: int, title: str) -> None:
    """Draw ``contexts`` (and their ancestors) as the tree they form at ``now``.

    A live context is blue; a cancelled one grey and dashed, with when and why;
    a context whose cancel function was never called says so."""
    members: dict[int, Context] = {}
    for ctx in contexts:
        for c in ctx.ancestry():
            members[id(c)] = c
    roots = [c for c in members.values() if c.parent is None]
    children: dict[int, list[Context]] = {}
    for c in members.values():
        if c.parent is not None:
            children.setdefault(id(c.parent), []).append(c)
    for kids in children.values():
        kids.sort(key=lambda c: c.id)
    pos = _tree_layout(roots[0], children)
    width = max(x for x, _, _ in pos.values()) + 1
    depth = -min(y for _, y, _ in pos.values()) + 1
    fig, ax = plt.subplots(figsize=(max(7, 2.3 * width), 1.9 * depth + 1))
    for x, y, ctx in pos.values():
        if ctx.parent is not None and id(ctx.parent) in pos:
            px, py, _ = pos[id(ctx.parent)]
            style = "--" if ctx.err() is not None else "-"
            ax.plot([px, x], [py, y], style, color="0.6", zorder=1)
    for x, y, ctx in pos.values():
        ax.text(
            x,
            y,
            _node_text(ctx),
            ha="center",
            va="center",
            fontsize=7,
            zorder=2,
            bbox=_node_box(ctx),
        )
    ax.set_xlim(-0.7, width - 0.3)
    ax.set_ylim(-depth + 0.4, 0.6)
    ax.axis("off")
    ax.set_title(f"{title} at {format_duration(now)}", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _node_text(ctx: Context) -> str:
    if not isinstance(ctx, CancelCtx):
        return ctx.label()
    lines = [ctx.label(), ctx.kind]
    err, at = ctx.err(), ctx.cancelled_at
    if err is None:
        lines.append("live")
    else:
        lines.append(f"{err}\nat {format_duration(at)}" if at is not None else str(err))
    if not ctx.cancel_called:
        lines.append("cancel never called")
    return "\n".join(lines)


def _node_box(ctx: Context) -> dict[str, Any]:
    if not isinstance(ctx, CancelCtx):
        return {"boxstyle": "round", "facecolor": "white", "edgecolor": "black"}
    if ctx.err() is not None:
        return {"boxstyle": "round", "facecolor": "0.92", "edgecolor": "0.5", "linestyle": "--"}
    return {"boxstyle": "round", "facecolor": "#d6e6f5", "edgecolor": "#1f5f99"}
