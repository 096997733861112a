"""Observing a run: metrics sampled over time, and what they add up to.

:class:`Sampler` records, every ``sample_every``, the program's goroutines (in
all and per function name), open file descriptors, live contexts, and whatever
the model adds. A sample at instant t is taken after everything due at t has run,
so it sees the settled state of that instant. :class:`Samples` holds the result
as numpy arrays and computes the growth per minute: the least-squares slope.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from simpy.events import Event

from ..duration import Minute
from ..go.runtime import LATE, Runtime


@dataclass
class Samples:
    """Metrics over time: ``t`` in nanoseconds, one array per metric."""

    t: np.ndarray
    goroutines: np.ndarray
    fds: np.ndarray
    contexts: np.ndarray
    by_name: dict[str, np.ndarray] = field(default_factory=dict)
    extra: dict[str, np.ndarray] = field(default_factory=dict)

    def growth_per_min(self, since: int = 0) -> float:
        """Least-squares slope of the goroutine count, per minute, over samples at t ≥ since."""
        return slope_per_min(self.t, self.goroutines, since)

    def fd_growth_per_min(self, since: int = 0) -> float:
        return slope_per_min(self.t, self.fds, since)


def slope(x: np.ndarray, y: np.ndarray) -> float:
    """Least-squares slope of ``y`` against ``x``; NaN if ``x`` does not vary."""
    if len(x) < 2 or np.ptp(x) == 0:
        return float("nan")
    return _fit(x.astype(float), y.astype(float))


def slope_per_min(t: np.ndarray, values: np.ndarray, since: int = 0) -> float:
    """Least-squares slope of ``values`` against ``t`` (ns), in units per minute; NaN if
    fewer than two samples."""
    keep = t >= since
    if keep.sum() < 2:
        return float("nan")
    return _fit(t[keep] / Minute, values[keep].astype(float))


def _fit(x: np.ndarray, y: np.ndarray) -> float:
    # The straight line's closed form, on centred x: what np.polyfit(x, y, 1) gives
    # (to rounding), without its SVD, which cost a short run 4 % of its time.
    dx = x - x.mean()
    return float(dx @ (y - y.mean()) / (dx @ dx))


class Sampler:
    """Takes a sample every ``every`` ns from t=0 while t < ``until``.

    ``extra()`` returns the model's own figures for a sample; ``on_sample(t)`` is
    told each time (a progress bar listens), ``after_sample(t)`` too (properties
    are checked then).
    """

    def __init__(
        self,
        rt: Runtime,
        every: int,
        until: int,
        extra: Callable[[], dict[str, float]] | None = None,
        on_sample: Callable[[int], None] | None = None,
        after_sample: Callable[[int], None] | None = None,
    ):
        self.rt = rt
        self.every = every
        self.until = until
        self.extra = extra
        self.on_sample = on_sample
        self.after_sample = after_sample
        self._t: list[int] = []
        self._g: list[int] = []
        self._fds: list[int] = []
        self._ctx: list[int] = []
        self._names: list[dict[str, int]] = []
        self._extra: list[dict[str, float]] = []
        self._schedule(0)

    def _schedule(self, delay: int) -> None:
        self.rt.env.call(self._on_event, delay, LATE)

    def _on_event(self, _ev: Event) -> None:
        self.record()
        if self.after_sample is not None:
            self.after_sample(self.rt.now)
        if self.rt.now + self.every < self.until:
            self._schedule(self.every)

    def record(self) -> None:
        """Take a sample now."""
        rt = self.rt
        self._t.append(rt.now)
        self._g.append(rt.num_goroutine())
        self._fds.append(rt.open_fds())
        self._ctx.append(rt.live_contexts())
        self._names.append(rt.num_goroutine_by_name())
        self._extra.append(self.extra() if self.extra else {})
        if self.on_sample is not None:
            self.on_sample(rt.now)

    def samples(self) -> Samples:
        names = sorted({n for row in self._names for n in row})
        extras = sorted({k for row in self._extra for k in row})
        return Samples(
            t=np.array(self._t, dtype=np.int64),
            goroutines=np.array(self._g, dtype=np.int64),
            fds=np.array(self._fds, dtype=np.int64),
            contexts=np.array(self._ctx, dtype=np.int64),
            by_name={n: np.array([row.get(n, 0) for row in self._names]) for n in names},
            extra={k: np.array([row.get(k, np.nan) for row in self._extra]) for k in extras},
        )
