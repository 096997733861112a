"""Exhaustive schedule search: stateless depth-first search over a run's decisions.

The strategy :class:`DFS` is kept across many runs of one program with one seed.
Each run replays a prefix of decisions and takes option 0 (``fifo``'s choice)
beyond it; the strategy records every decision of the run on a stack: how many
options it had and, for a choice of goroutine, the ids of the runnable goroutines
in run-queue order (goroutine ids are given in creation order, so the same prefix
gives the same ids). After the run, :meth:`DFS.backtrack` finds the deepest
decision with an option not yet explored and makes the prefix of the next run end
there. The search is over when no decision has one left.

``dfs:BOUND`` explores only the schedules that deviate from option 0 at no more
than ``BOUND`` decisions: delay bounding (Emmi, Qadeer and Rakamarić, POPL 2011),
the run-to-block analogue of CHESS's iterative context bounding. Bound 0 is the
single ``fifo`` schedule.

``dfs:preempt`` and ``dfs:BOUND:preempt`` also decide at every operation a
goroutine yields while another is runnable: option 0 goes on, option 1 switches
(the goroutine joins the run queue's tail, and the next pick's option 0 runs
another). A switch is one deviation, so ``dfs:BOUND:preempt`` is CHESS's
preemption bounding (Musuvathi and Qadeer, PLDI 2007) over the run-to-block
picks and those switches together. It reaches the bugs that need a goroutine
stopped between two operations that do not block; each run then has a decision
per operation, so keep the bound small.

The reduction is Godefroid's sleep sets. Two steps (what a goroutine does between
getting the processor and blocking) are *dependent* when they touched a common
primitive; independent steps commute, so the order in which they run gives the
same state. After the subtree below "goroutine t runs next" has been explored at a
decision, t is put to sleep for the subtrees of the options explored after it, and
stays asleep down those subtrees until a step dependent with t's step runs: any
schedule running t while it sleeps is equivalent to one already explored. A run
in which every runnable goroutine is asleep is redundant: it is abandoned at once
and counted as pruned. A step that ends the program (main returning, a panic) is
dependent with every other. ``choose`` decisions (which ready ``select`` case, which
child context is cancelled first) and the switches of ``dfs:preempt`` are explored
in full, without reduction.

The reduction is sound only for programs whose goroutines share state through
simlab's primitives alone (channels, locks, ...), as a race-free Go program does:
two goroutines that both write a plain Python attribute between two operations
look independent to it. With a bound it may also skip a schedule within the bound
whose only explored equivalent needs more deviations than the bound allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import SimlabError
from .schedule import Schedule
from .strategies import Strategy

if TYPE_CHECKING:
    from ..go.goroutine import Goroutine

Footprint = frozenset[int]
_EMPTY: Footprint = frozenset()
_ENDS = -1  # in a footprint: the step ended the program, which every other step depends on


class Redundant(Exception):
    """Raised from the strategy to abandon a run whose every runnable goroutine sleeps:
    the schedules it could reach are equivalent to ones already explored."""


@dataclass
class _Decision:
    """One decision of the current path: a choice of goroutine (``ids`` set) or a
    ``choose(n)`` (``ids`` empty)."""

    n: int
    ids: tuple[int, ...]
    taken: int  # the option the current path takes
    spent: int  # deviations from option 0 before this decision
    asleep: dict[int, Footprint] = field(default_factory=dict)  # inherited on arrival
    done: dict[int, Footprint] = field(default_factory=dict)  # explored here, their steps
    step: Footprint = _EMPTY  # the taken goroutine's step, over every run through it

    @property
    def pick(self) -> bool:
        return bool(self.ids)


class DFS(Strategy):
    """Stateless depth-first search over schedules, deviating at most ``bound`` times
    (None: no bound), with sleep sets unless ``reduction=False``; with ``preempt``,
    also switching (or not) at every operation yielded while another goroutine is
    runnable.

    Call :meth:`backtrack` after each run (see
    :func:`simlab.lab.exhaust.exhaust`); :attr:`pruned` counts abandoned runs.
    """

    name = "dfs"
    footprints = True  # the runtime reports every step's footprint to on_footprint

    def __init__(self, bound: int | None = None, *, reduction: bool = True, preempt: bool = False):
        if bound is not None and bound < 0:
            raise ValueError("the bound must be ≥ 0")
        self.bound = bound
        self.reduction = reduction
        self.preemptive = preempt
        self.footprints = reduction
        self.pruned = 0
        self.runs = 0
        self._path: list[_Decision] = []
        self._prefix = 0  # decisions the next run replays
        self._k = 0  # the next decision of this run
        self._asleep: dict[int, Footprint] = {}
        self._stepping: _Decision | None = None  # the choice whose goroutine is running
        self._last: _Decision | None = None  # the choice whose goroutine's step just ended
        self._exhausted = False

    # --- one run ------------------------------------------------------------------

    def bind(self, seed: int) -> None:
        self.runs += 1
        self._k = 0
        self._asleep = {}
        self._stepping = None
        self._last = None

    def pick(self, runq: Sequence[Goroutine]) -> int:
        k = self._k
        self._k = k + 1
        ids = tuple(g.id for g in runq)
        if k < self._prefix:
            d = self._path[k]
            if d.ids != ids:
                raise SimlabError(_diverged(k, f"goroutines {list(d.ids)}", f"{list(ids)}"))
            i = d.taken
        else:
            d, i = self._arrive_pick(k, ids)
        if self.reduction:
            self._asleep = {**d.asleep, **d.done}
            self._stepping = d
        return i

    def _arrive_pick(self, k: int, ids: tuple[int, ...]) -> tuple[_Decision, int]:
        spent = self._spent(k)
        asleep = dict(self._asleep)
        awake = [i for i, gid in enumerate(ids) if gid not in asleep]
        if not awake or not self._within(spent + (awake[0] > 0)):
            self._abandon(k)
        i = awake[0]
        d = _Decision(len(ids), ids, i, spent, asleep)
        del self._path[k:]
        self._path.append(d)
        return d, i

    def choose(self, n: int) -> int:
        k = self._k
        self._k = k + 1
        if k < self._prefix:
            d = self._path[k]
            if d.pick or d.n != n:
                raise SimlabError(_diverged(k, f"{d.n} options", f"{n}"))
            return d.taken
        del self._path[k:]
        self._path.append(_Decision(n, (), 0, self._spent(k)))
        return 0

    def preempt(self, g: Goroutine, runq: Sequence[Goroutine]) -> bool:
        """``dfs:preempt``: a decision of two options, go on (0) or switch (1)."""
        return self.choose(2) == 1

    def on_footprint(self, g: Goroutine | None, footprint: Footprint) -> None:
        """Goroutine ``g`` ended a step that touched the primitives ``footprint`` (None:
        timers and callbacks touched them between two steps)."""
        if not self.reduction:
            return
        if g is None:
            # Touched by timers and callbacks since the last step: charged to that step
            # (a callback it armed at this instant is part of what it did), and waking
            # the sleepers that depend on it.
            if self._last is not None:
                self._last.step = self._last.step | footprint
            self._asleep = {t: f for t, f in self._asleep.items() if not f & footprint}
            return
        # still "running" after its step: it panicked (or the run was halted in it); main
        # returning ends the program too
        if g.state == "running" or (g.state == "dead" and g.id == 1):
            footprint = footprint | {_ENDS}
        d = self._stepping
        self._last = None
        if d is not None:
            self._stepping = None
            if d.ids[d.taken] == g.id:
                d.step = d.step | footprint
                self._last = d
        asleep = self._asleep
        if g.id in asleep:  # the only runnable goroutine, and it sleeps
            self._abandon(self._k)
        if asleep:
            self._asleep = {t: f for t, f in asleep.items() if not f & footprint and _ENDS not in f}

    def _abandon(self, k: int) -> None:
        del self._path[k:]
        self.pruned += 1
        raise Redundant(f"every runnable goroutine sleeps at decision {k}")

    # --- between runs ---------------------------------------------------------------

    def schedule(self) -> Schedule:
        """The decisions of the run just ended, as a replayable schedule."""
        return Schedule.from_choices([d.taken for d in self._path[: self._k]], self.preemptive)

    def backtrack(self) -> bool:
        """After a run: make the next run's prefix end at the deepest decision with an
        option left; False if there is none (the search is over)."""
        path = self._path
        del path[self._k :]
        while path:
            d = path[-1]
            if d.pick:
                gid = d.ids[d.taken]
                d.done[gid] = d.step
                d.step = _EMPTY
                for i, t in enumerate(d.ids):
                    if t in d.done or (self.reduction and t in d.asleep):
                        continue
                    if self._within(d.spent + (i > 0)):
                        d.taken = i
                        self._prefix = len(path)
                        return True
            elif d.taken + 1 < d.n and self._within(d.spent + 1):
                d.taken += 1
                self._prefix = len(path)
                return True
            path.pop()
        self._exhausted = True
        self._prefix = 0
        return False

    @property
    def exhausted(self) -> bool:
        """Has every schedule (within the bound) been explored?"""
        return self._exhausted

    def _spent(self, k: int) -> int:
        if k == 0:
            return 0
        d = self._path[k - 1]
        return d.spent + (d.taken > 0)

    def _within(self, deviations: int) -> bool:
        return self.bound is None or deviations <= self.bound

    def __str__(self) -> str:
        name = "dfs" if self.bound is None else f"dfs:{self.bound}"
        return name + ":preempt" if self.preemptive else name


def _diverged(k: int, expected: str, got: str) -> str:
    return (
        f"the program is not deterministic: replaying decision {k} expected {expected}, "
        f"got {got} (does it use wall-clock time, hash order or global random state?)"
    )
