"""Pictures of experiments: goroutines and file descriptors over time.

Up to eight parameter sets are drawn as lines on the same axes (so bug and fix
sit side by side); a larger sweep is drawn as one point per parameter set on
the plane of its first two evidence metrics, with the review's figures marked.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from .duration import Minute

if TYPE_CHECKING:
    from .experiment import Experiment
    from .runner import Row

MAX_LINES = 8


def plot_experiment(exp: Experiment, rows: list[Row], path: Path) -> None:
    from .report import row_label

    if len(rows) <= MAX_LINES:
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
    else:
        fig, ax = plt.subplots(figsize=(9, 6))
        x_ev, y_ev = (exp.evidence + exp.evidence)[:2] if exp.evidence else (None, None)
        xm = x_ev.metric if x_ev else "growth_per_min"
        ym = y_ev.metric if y_ev and y_ev.metric != xm else "leaked_per_rotation"
        xs = [r.mean(xm) for r in rows]
        ys = [r.mean(ym) for r in rows]
        ax.scatter(
            [x for x in xs if x is not None],
            [y for x, y in zip(xs, ys, strict=True) if x is not None],
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
                label="the review's figures",
            )
        ax.set_xlabel(xm)
        ax.set_ylabel(ym)
        ax.set_title(f"{exp.name}: {len(rows)} parameter sets", fontsize=10)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
