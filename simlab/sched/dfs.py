"""Exhaustive schedule search: stateless depth-first search over a run's decisions.

The strategy :class:`DFS` is kept across many runs of one program with one seed.
Each run replays a prefix of decisions and takes option 0 (``fifo``'s choice)
beyond it; the strategy records every decision of the run on a stack: how many
options it had and, for a choice of goroutine, the ids of the runnable goroutines
in run-queue order (goroutine ids are given in creation order, so the same prefix
gives the same ids), or only option 0's where the bound leaves no deviation to
spend (a run can have thousands runnable at each of thousands of decisions).
After the run, :meth:`DFS.backtrack` finds the deepest decision with an option
not yet explored and makes the prefix of the next run end there. The search is
over when no decision has one left.

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

``dfs:BOUND:early`` (and ``dfs:BOUND:early:preempt``) visits the same schedules in
another order: at each decision it tries the deviations before option 0, so the
search deviates nearest the start of a run first, where plain depth-first order
deviates nearest its end. Within a bound the set of schedules is the same; what
changes is which comes first. A bug that needs its goroutines to start in another
order is found in a few runs even when a run has thousands of decisions, and a
run abandoned by the sleep sets is abandoned near its start, cheaply.

``dfs:BOUND:sticky`` counts the deviations of ``choose`` decisions otherwise. Go's
``select`` takes one of its ready cases uniformly at random, so no case is the
one Go takes; a loop whose ``select`` keeps taking its second case costs one
deviation per iteration from option 0, and a bug that needs it a dozen times in
a row is out of reach of any small bound. With ``sticky``, a choice's free option
is the one the same goroutine took at its previous choice among as many options
(option 0 at its first), and a deviation is a change of it: "from here on this
loop takes its other case" is one. Picks and the switches of ``dfs:preempt`` are
counted as before, and bound 0 is still ``fifo``'s schedule. The schedules are
another family, each within the bound in its own measure; with no bound both
are every schedule.

The reduction is Godefroid's sleep sets. Two steps (what a goroutine does between
getting the processor and blocking) are *dependent* when they touched a common
primitive; independent steps commute, so the order in which they run gives the
same state. After the subtree below "goroutine t runs next" has been explored at a
decision, t is put to sleep for the subtrees of the options explored after it, and
stays asleep down those subtrees until a step dependent with t's step runs: any
schedule running t while it sleeps is equivalent to one already explored. A run
in which every runnable goroutine is asleep is redundant: it is abandoned at once
and counted as pruned. A step that ends the program (main returning, a panic) is
dependent with every other. A primitive a step made is not in its footprint: no
step before it can have touched it, and its id (the run's n-th) names another
primitive in another order. ``choose`` decisions (which ready ``select`` case,
which child context is cancelled first) and the switches of ``dfs:preempt`` are
explored in full, without reduction.

The reduction is sound only for programs whose goroutines share state through
simlab's primitives alone (channels, locks, ...), as a race-free Go program does:
two goroutines that both write a plain Python attribute between two operations
look independent to it. With a bound it may also skip a schedule within the bound
whose only explored equivalent needs more deviations than the bound allows. So
that the ``early`` order does not make this worse, a goroutine explored as a
deviation at a decision is not put to sleep for the subtree of option 0 explored
after it there, which has one deviation more to spend (in the plain order option
0 always comes first, and the rule never applies).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, NoReturn

from ..errors import SimlabError
from .schedule import Schedule
from .strategies import Strategy

if TYPE_CHECKING:
    from ..go.goroutine import Goroutine
    from ..go.runtime import Runtime

Footprint = frozenset[int]
_EMPTY: Footprint = frozenset()
_ENDS = -1  # in a footprint: the step ended the program, which every other step depends on
_ID = attrgetter("id")


class Redundant(Exception):
    """Raised from the strategy to abandon a run whose every runnable goroutine sleeps:
    the schedules it could reach are equivalent to ones already explored."""


@dataclass
class _Decision:
    """One decision of the current path: a choice of goroutine (``ids`` set) or a
    ``choose(n)`` (``ids`` empty). A pick where the bound leaves no deviation to
    spend can only take option 0: its ``ids`` hold that goroutine's alone."""

    n: int
    ids: tuple[int, ...]
    taken: int  # the option the current path takes
    spent: int  # deviations from option 0 before this decision
    asleep: dict[int, Footprint] = field(default_factory=dict)  # inherited on arrival
    done: dict[int, Footprint] = field(default_factory=dict)  # explored here, their steps
    step: Footprint = _EMPTY  # the taken goroutine's step, over every run through it
    deviated: set[int] = field(default_factory=set)  # in done, explored as a deviation
    free: int = 0  # the option that costs no deviation: 0, or with sticky a choose's last

    @property
    def deviates(self) -> bool:
        return self.taken != self.free

    @property
    def pick(self) -> bool:
        return bool(self.ids)


class DFS(Strategy):
    """Stateless depth-first search over schedules, deviating at most ``bound`` times
    (None: no bound), with sleep sets unless ``reduction=False``; with ``preempt``,
    also switching (or not) at every operation yielded while another goroutine is
    runnable; with ``early``, trying the deviations at each decision before option 0;
    with ``sticky``, a ``choose`` deviating only where its goroutine's choice changes.

    Call :meth:`backtrack` after each run (see
    :func:`simlab.lab.exhaust.exhaust`); :attr:`pruned` counts abandoned runs.
    """

    name = "dfs"
    footprints = True  # the runtime reports every step's footprint to on_footprint

    def __init__(
        self,
        bound: int | None = None,
        *,
        reduction: bool = True,
        preempt: bool = False,
        early: bool = False,
        sticky: bool = False,
    ):
        if bound is not None and bound < 0:
            raise ValueError("the bound must be ≥ 0")
        self.bound = bound
        self.reduction = reduction
        self.preemptive = preempt
        self.early = early
        self.sticky = sticky
        self.footprints = reduction
        self.pruned = 0
        self.runs = 0
        self._path: list[_Decision] = []
        self._prefix = 0  # decisions the next run replays
        self._k = 0  # the next decision of this run
        self._asleep: dict[int, Footprint] = {}
        self._chosen: dict[tuple[int, int], int] = {}  # sticky: (goroutine, n) -> last option
        self._stepping: _Decision | None = None  # the choice whose goroutine is running
        self._last: _Decision | None = None  # the choice whose goroutine's step just ended
        self._exhausted = False
        self._runtime: weakref.ReferenceType[Runtime] | None = None  # of the run in progress

    # --- one run ------------------------------------------------------------------

    def attach(self, rt: Runtime) -> None:
        """A new run starts: the last one is over, and its goroutines are dropped now.
        Left to the collector, they would run their deferred calls in the middle of
        some later run, and take its decisions from this strategy."""
        previous = self._runtime() if self._runtime is not None else None
        if previous is not None and previous is not rt:
            previous.drop_goroutines()
        self._runtime = weakref.ref(rt)

    def bind(self, seed: int) -> None:
        self.runs += 1
        self._k = 0
        self._chosen = {}
        self._asleep = {}
        self._stepping = None
        self._last = None

    def pick(self, runq: Sequence[Goroutine]) -> int:
        k = self._k
        self._k = k + 1
        n = len(runq)
        if k < self._prefix:
            d = self._path[k]
            # a run may have thousands runnable at thousands of decisions: a forced
            # pick (the bound spent) reads option 0 alone, the others read them all
            # without a Python call per goroutine
            ids = (runq[0].id,) if len(d.ids) < n else tuple(map(_ID, runq))
            if d.ids != ids or d.n != n:
                raise SimlabError(_diverged(k, _runnable(d.ids, d.n), _runnable(ids, n)))
            i = d.taken
        else:
            spent = self._spent(k)
            forced = not self._within(spent + 1)
            ids = (runq[0].id,) if forced else tuple(map(_ID, runq))
            d, i = self._arrive_pick(k, spent, n, ids)
        if self.reduction:
            done = d.done
            if i == 0 and d.deviated and self.bound is not None:
                done = {t: f for t, f in done.items() if t not in d.deviated}
            self._asleep = {**d.asleep, **done}
            self._stepping = d
        return i

    def _arrive_pick(
        self, k: int, spent: int, n: int, ids: tuple[int, ...]
    ) -> tuple[_Decision, int]:
        asleep = dict(self._asleep)
        awake = (i for i, gid in enumerate(ids) if gid not in asleep)  # lazily: few sleep
        i = next(awake, None)
        if i == 0 and self.early and self._within(spent + 1):
            i = next(awake, 0)  # the first deviation awake, if there is one
        if i is None or not self._within(spent + (i > 0)):
            self._abandon(k)
        d = _Decision(n, ids, i, spent, asleep)
        del self._path[k:]
        self._path.append(d)
        return d, i

    def choose(self, n: int) -> int:
        if not self.sticky:
            return self._decide(n, None)
        rt = self._runtime() if self._runtime is not None else None
        g = rt.current if rt is not None else None
        return self._decide(n, (g.id if g is not None else 0, n))

    def preempt(self, g: Goroutine, runq: Sequence[Goroutine]) -> bool:
        """``dfs:preempt``: a decision of two options, go on (0) or switch (1)."""
        return self._decide(2, None) == 1

    def _decide(self, n: int, key: tuple[int, int] | None) -> int:
        """A decision of ``n`` options; ``key``: sticky, the goroutine choosing and ``n``,
        whose last option is this one's free option."""
        k = self._k
        self._k = k + 1
        if k < self._prefix:
            d = self._path[k]
            if d.pick or d.n != n:
                raise SimlabError(_diverged(k, f"{d.n} options", f"{n}"))
        else:
            del self._path[k:]
            spent = self._spent(k)
            free = self._chosen.get(key, 0) if key is not None else 0
            taken = self._order(n, free)[0] if self._within(spent + 1) else free
            d = _Decision(n, (), taken, spent, free=free)
            self._path.append(d)
        if key is not None:
            self._chosen[key] = d.taken
        return d.taken

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

    def _abandon(self, k: int) -> NoReturn:
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
                if d.taken > 0:
                    d.deviated.add(gid)
                d.step = _EMPTY
                # with no deviation left to spend here, option 0 is the only one to try
                for i in self._order(d.n) if self._within(d.spent + 1) else (0,):
                    t = d.ids[i]
                    if t in d.done or (self.reduction and t in d.asleep):
                        continue
                    if self._within(d.spent + (i > 0)):
                        d.taken = i
                        self._prefix = len(path)
                        return True
            else:
                after = self._next_option(d)
                if after is not None and self._within(d.spent + (after != d.free)):
                    d.taken = after
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

    def _order(self, n: int, free: int = 0) -> Sequence[int]:
        """The order in which a decision's ``n`` options are tried, ``free`` the one that
        is no deviation: first, or in the early order last."""
        if free == 0:
            return [*range(1, n), 0] if self.early else range(n)
        others = [i for i in range(n) if i != free]
        return [*others, free] if self.early else [free, *others]

    def _next_option(self, d: _Decision) -> int | None:
        """The option of a ``choose`` tried after the one taken, in :meth:`_order` (None:
        it was the last; in the early order the free option also comes first when no
        deviation is left to spend, and then it is the only one)."""
        order = self._order(d.n, d.free)
        after = order.index(d.taken) + 1
        return order[after] if after < len(order) else None

    def _spent(self, k: int) -> int:
        if k == 0:
            return 0
        d = self._path[k - 1]
        return d.spent + d.deviates

    def _within(self, deviations: int) -> bool:
        return self.bound is None or deviations <= self.bound

    def __str__(self) -> str:
        name = "dfs" if self.bound is None else f"dfs:{self.bound}"
        name += ":early" if self.early else ""
        name += ":sticky" if self.sticky else ""
        return name + ":preempt" if self.preemptive else name


def _runnable(ids: tuple[int, ...], n: int, shown: int = 8) -> str:
    """``goroutines [1, 2, 3]``; when thousands are runnable, or only option 0's id was
    read, the first ids and how many there are."""
    if len(ids) == n <= shown:
        return f"goroutines {list(ids)}"
    return f"{n:,} goroutines [{', '.join(map(str, ids[:shown]))}, ...]"


def _diverged(k: int, expected: str, got: str) -> str:
    return (
        f"the program is not deterministic: replaying decision {k} expected {expected}, "
        f"got {got} (does it use wall-clock time, hash order or global random state?)"
    )
