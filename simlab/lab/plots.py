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
import textwrap
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
MAX_TREE_LEAVES = 24  # contexts drawn side by side at most; the picture stays a few
MAX_TREE_INCHES = 30.0  # thousand pixels wide
LINESTYLES = ("-", "--", ":", "-.")
UNITS = {  # the generic metrics' units, for an axis
    "growth_per_min": "goroutines per minute",
    "fd_growth_per_min": "file descriptors per minute",
    "goroutines_end": "goroutines",
    "fds_end": "file descriptors",
    "live_contexts_end": "contexts",
    "leaked_goroutines": "goroutines",
    "peak_leaked_goroutines": "goroutines",
    "leaked_fds": "file descriptors",
    "goroutines_after_shutdown": "goroutines",
    "fds_after_shutdown": "file descriptors",
}


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
    """Goroutines (and open FDs, if the program ever has one) over time: one colour per
    parameter set, one line style per seed. A later line is drawn thinner over the
    earlier ones, so that identical curves show as a line with a border, and the
    legend says which are identical."""
    from .report import row_label

    with_fds = any(float(run.samples.fds.max(initial=0)) > 0 for row in rows for run in row.runs)
    if with_fds:
        fig, axes = plt.subplots(2, 1, figsize=(12, 7), sharex=True)
        panels = [(axes[0], "goroutines", "goroutines"), (axes[1], "fds", "open file descriptors")]
    else:
        fig, ax = plt.subplots(figsize=(12, 4.5))
        panels = [(ax, "goroutines", "goroutines")]
    seeds = exp.seeds
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    width = lambda k: (4.2, 2.6, 1.5, 0.9)[min(k, 3)]  # noqa: E731
    for ax, attr, ylabel in panels:
        drawn: list[tuple[str, Any]] = []  # (label, values) of the first seed's curves
        for k, row in enumerate(rows):
            label = row_label(exp, row)
            first = getattr(row.runs[0].samples, attr)
            same = next((name for name, v in drawn if _same(v, first)), None)
            drawn.append((label, first))
            for run in row.runs:
                s = run.samples
                j = seeds.index(run.seed)  # later seeds thinner, on top: all stay visible
                style = LINESTYLES[j % len(LINESTYLES)]
                ax.plot(
                    s.t / Minute,
                    getattr(s, attr),
                    linestyle=style,
                    linewidth=width(k) / (1 + j),
                    color=_shade(colours[k % len(colours)], j),
                    label=None
                    if run is not row.runs[0]
                    else _wrap(f"{label} (= {same})" if same else label),
                    zorder=2 + k + j / 10,
                )
        if len(seeds) > 1:
            for j, seed in enumerate(seeds):
                ax.plot(
                    [],
                    [],
                    color="0.3",
                    linestyle=LINESTYLES[j % len(LINESTYLES)],
                    label=f"seed {seed}",
                )
        ax.set_ylabel(ylabel)
        ax.grid(alpha=0.3)
    _draw_observed(exp, rows, panels)
    for ax, _, _ in panels:
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    panels[-1][0].set_xlabel("simulated time (minutes)")
    fig.suptitle(f"{exp.name}: {exp.description}"[:110], fontsize=10)
    return fig


def _shade(colour: str, j: int) -> tuple[float, float, float]:
    """The row's colour for its ``j``-th seed: darker for each later seed, so that a
    seed's line drawn over another's identical one still shows."""
    r, g, b = matplotlib.colors.to_rgb(colour)
    f = 0.55 ** min(j, 3)
    return (r * f, g * f, b * f)


def _wrap(label: str) -> str:
    return textwrap.fill(label, 44, subsequent_indent="  ")


def _same(a: Any, b: Any) -> bool:
    return len(a) == len(b) and bool((a == b).all())


def _draw_observed(exp: Experiment, rows: list[Row], panels: list[tuple[Any, str, str]]) -> None:
    """The evidence a time plot can show: an observed growth per minute as a line of
    that slope from the end of start-up, an observed end count as a star."""
    axes = {attr: ax for ax, attr, _ in panels}
    for ev in exp.evidence:
        if ev.is_expression:
            continue
        applicable = [r for r in rows if ev.applies(dict(r.params), r.scenario)]
        if not applicable:
            continue
        row = applicable[0]
        s = row.runs[0].samples
        attr = {"growth_per_min": "goroutines", "goroutines_end": "goroutines"}.get(ev.metric)
        attr = attr or {"fd_growth_per_min": "fds", "fds_end": "fds"}.get(ev.metric)
        if attr not in axes or not len(s.t):
            continue
        ax, values = axes[attr], getattr(s, attr)
        label = f"{exp.evidence_title or 'observed'}: {ev.name}"
        if ev.metric.endswith("_end"):
            ax.scatter(
                [s.t[-1] / Minute],
                [ev.observed],
                marker="*",
                s=160,
                color="crimson",
                label=_wrap(label),
                zorder=20,
            )
        else:
            start = exp.model.warmup(row.params)
            i = min(int((s.t < start).sum()), len(s.t) - 1)
            t0, y0 = s.t[i] / Minute, float(values[i])
            t1 = s.t[-1] / Minute
            ax.plot(
                [t0, t1],
                [y0, y0 + ev.observed * (t1 - t0)],
                color="crimson",
                linestyle=(0, (6, 3)),
                linewidth=1.3,
                label=_wrap(label),
                zorder=20,
            )


def axis_label(exp: Experiment, metric: str) -> str:
    """``growth/min (goroutines per minute)``: the table's heading and the unit."""
    from .report import heading

    head, unit = heading(exp, metric), UNITS.get(metric)
    return f"{head} ({unit})" if unit and unit != head else head


def _metric_plot(exp: Experiment, rows: list[Row]) -> Figure:
    x, y, series = exp.plot["x"], exp.plot.get("y", "growth_per_min"), exp.plot.get("series")
    fig, ax = plt.subplots(figsize=(8, 5.5))
    groups: dict[str, list[Row]] = {}
    for row in rows:
        key = exp.model.param(series).show(row.params[series]) if series else exp.name
        groups.setdefault(key, []).append(row)
    xparam = exp.model.param(x)
    scale = Minute if xparam.kind == "duration" else 1
    from .report import check_law

    law = check_law(exp, rows)
    target = law["mean"] if law is not None else math.nan
    law_drawn = False
    markers = ("o", "s", "^", "D", "v", "P", "X")
    for k, (key, members) in enumerate(groups.items()):
        members.sort(key=lambda r: r.params[x])
        xs = [r.params[x] / scale for r in members]
        (line,) = ax.plot(
            xs,
            [_or_nan(r.mean(y)) for r in members],
            marker=markers[k % len(markers)],
            label=f"{series} = {key}" if series else key,
            zorder=3,
        )
        seeds = [(r.params[x] / scale, v) for r in members for v in r.values(y)]
        if any(len(r.runs) > 1 for r in members):
            ax.scatter(
                [a for a, _ in seeds],
                [b for _, b in seeds],
                s=10,
                color=line.get_color(),
                alpha=0.5,
                zorder=2,
            )
        predicted = [_law_prediction(exp, r, y, target) for r in members]
        if law is not None and all(v is not None for v in predicted):
            ax.plot(
                xs,
                [_or_nan(v) for v in predicted],
                linestyle="--",
                color=line.get_color(),
                linewidth=1,
                zorder=1,
            )
            law_drawn = True
    for ev in exp.evidence:
        if ev.is_expression or ev.metric != y:
            continue
        xs_ev = sorted(
            {r.params[x] / scale for r in rows if ev.applies(dict(r.params), r.scenario)}
        )
        if xs_ev:
            ax.scatter(
                xs_ev,
                [ev.observed] * len(xs_ev),
                marker="*",
                s=160,
                color="crimson",
                zorder=5,
                label=f"{exp.evidence_title or 'observed'}: {ev.name}",
            )
    if law is not None and law_drawn:
        ax.plot(
            [],
            [],
            linestyle="--",
            color="0.3",
            linewidth=1,
            label=f"law, dashed: {law['expression']} = {law['mean']:.2f} in every row",
        )
    if any(len(r.runs) > 1 for r in rows):
        ax.scatter([], [], s=10, color="0.4", alpha=0.5, label="each seed")
    if exp.plot.get("logx"):
        ax.set_xscale("log")
    ax.set_xlabel(f"{x} (minutes)" if scale != 1 else x)
    ax.set_ylabel(axis_label(exp, y))
    ax.set_title(f"{exp.name}: {exp.description}"[:110], fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return fig


def _law_prediction(exp: Experiment, row: Row, metric: str, target: float) -> float | None:
    """The value of ``metric`` in ``row`` that would make the law's expression equal
    ``target`` (its mean over every row): solved when the expression is linear in the
    metric (checked at three points), else None."""
    from .report import law_names

    law = exp.law
    if law is None or metric not in law.expression:
        return None
    names = law_names(exp, row)

    def at(v: float) -> float | None:
        return row.evaluate(law.expression, {**names, metric: v})

    f0, f1, f2 = at(0.0), at(1.0), at(2.0)
    if f0 is None or f1 is None or f2 is None or not math.isfinite(target):
        return None
    slope = f1 - f0
    if slope == 0 or abs((f2 - f1) - slope) > 1e-9 * max(1.0, abs(slope)):
        return None
    return (target - f0) / slope


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


def plot_context_tree(
    contexts: Sequence[Context], path: Path, now: int, title: str
) -> list[Context]:
    """Draw ``contexts`` (and their ancestors) as the tree they form at ``now``; returns
    the contexts drawn.

    A live context is blue; a cancelled one grey and dashed, with when and why;
    a context whose cancel function was never called says so. At most
    :data:`MAX_TREE_LEAVES` contexts without children are drawn side by side (the
    first created), so that the picture stays readable; the title says how many
    were left out."""
    members: dict[int, Context] = {}
    for ctx in contexts:
        for c in ctx.ancestry():
            members[id(c)] = c
    parents = {id(c.parent) for c in members.values() if c.parent is not None}
    leaves = [c for c in members.values() if id(c) not in parents]
    if len(leaves) > MAX_TREE_LEAVES:
        kept = _whole_branches(list(members.values()), MAX_TREE_LEAVES)
        members = {id(c): c for leaf in kept for c in leaf.ancestry()}
        title += f" (the first {len(kept)} of {len(leaves):,} branches; --match picks)"
    roots = [c for c in members.values() if c.parent is None]
    children: dict[int, list[Context]] = {}
    for c in members.values():
        if c.parent is not None:
            children.setdefault(id(c.parent), []).append(c)
    for kids in children.values():
        kids.sort(key=_ctx_order)
    pos = _tree_layout(roots[0], children)
    width = max(x for x, _, _ in pos.values()) + 1
    depth = -min(y for _, y, _ in pos.values()) + 1
    fig, ax = plt.subplots(figsize=(min(max(7, 2.3 * width), MAX_TREE_INCHES), 1.9 * depth + 1))
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
            fontsize=7 if 2.3 * width <= MAX_TREE_INCHES else 5.5,
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
    return [c for c in contexts if id(c) in members]


def _whole_branches(members: list[Context], budget: int) -> list[Context]:
    """At most ``budget`` leaves of the tree ``members`` form, whole subtrees first, in
    creation order: a context is drawn with all its children or not at all, unless
    even the first of its siblings has more leaves than the budget."""
    children: dict[int, list[Context]] = {}
    for c in members:
        if c.parent is not None:
            children.setdefault(id(c.parent), []).append(c)
    for kids in children.values():
        kids.sort(key=_ctx_order)

    def leaves(c: Context) -> list[Context]:
        kids = children.get(id(c))
        return [leaf for k in kids for leaf in leaves(k)] if kids else [c]

    def take(c: Context, room: int) -> list[Context]:
        mine = leaves(c)
        if len(mine) <= room:
            return mine
        out: list[Context] = []
        for k in children.get(id(c), []):
            got = take(k, room - len(out)) if not out else leaves(k)
            if len(out) + len(got) > room:
                break
            out += got
        return out

    roots = sorted((c for c in members if c.parent is None), key=_ctx_order)
    kept: list[Context] = []
    for root in roots:
        kept += take(root, budget - len(kept))
    return kept


def _ctx_order(c: Context) -> int:
    return int(getattr(c, "id", 0))


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
