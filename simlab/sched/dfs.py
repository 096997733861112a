"""Exhaustive schedule search: stateless depth-first search over a run's decisions.

The strategy :class:`DFS` is kept across many runs of one program with one seed.
Each run replays a prefix of decisions and takes option 0 (``fifo``'s choice)
beyond it; the strategy records every decision of the run on a stack: how many
options it had and, for a choice of goroutine, the ids of the runnable goroutines
in run-queue order (goroutine ids are given in creation order, so the same prefix
gives the same ids), or only option 0's where the bound leaves no deviation to
spend (a run can have thousands runnable at each of thousands of decisions),
or, where many are runnable and none sleeps, the first few until a replay comes
back to that decision to try another option. After the run,
:meth:`DFS.backtrack` finds the deepest decision with an option not yet
explored and makes the prefix of the next run end there. The search is over
when no decision has one left.

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
per operation, so keep the bound small. A goroutine that has gone on ``SLICE``
operations in a row while others waited is switched out free of charge (switching
is then the free option), as Go's scheduler stops a goroutine that has run 10ms:
otherwise a loop that never blocks until another goroutine stops it would run on
into the livelock guard as soon as the bound is spent.

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

``dfs:BOUND:choices`` deviates at ``choose`` decisions only: every goroutine runs in
``fifo``'s order, as Go 1.27's scheduler at GOMAXPROCS=1 would run them, and the
search explores what Go leaves to chance in that order (which ready ``select``
case, which child context is cancelled first, a map's order). A run has far fewer
choices than picks, and a bug that needs one ``select`` to take its other case is
found at bound 1 however many picks come after it.

``dfs:BOUND:dpor`` adds dynamic partial-order reduction to the sleep sets: at a
decision, a goroutine other than option 0 is tried only where a race in some run
asks for it (source sets: Abdulla, Aronis, Jonsson and Sagonas, POPL 2014, on the
dynamic partial-order reduction of Flanagan and Godefroid, POPL 2005). After each
run, the steps it took are ordered by "happens before" (a goroutine's own steps,
the step that made a goroutine runnable, and two steps that touched a common
primitive, transitively: a vector clock per step), and two steps of different
goroutines that touched a common primitive with no step between them in that
order are a race: the run in which the later one's goroutine (or the first
goroutine that can go first towards it) runs at the earlier one's decision is
another class, to be tried there. The goroutines still runnable at the run's last
decision that never ran after it are in a race with its end. The sleep sets still
abandon what is equivalent to an explored schedule; the races spare the runs that
the sleep sets would have abandoned. The analysis costs time in proportion to
the run's steps and the races between them: about twice a run of ten thousand
steps, so ``dpor`` is for programs of hundreds of steps and fewer.

The reduction is sound only for programs whose goroutines share state through
simlab's primitives alone (channels, locks, ...), as a race-free Go program does:
two goroutines that both write a plain Python attribute between two operations
look independent to it. With a bound it may also skip a schedule within the bound
whose only explored equivalent needs more deviations than the bound allows: the
bound makes steps that commute cost different deviations in their two orders.
So that the ``early`` order does not make this worse, a goroutine explored as a
deviation at a decision is not put to sleep for the subtree of option 0 explored
after it there, which has one deviation more to spend (in the plain order option
0 always comes first, and the rule never applies). ``dfs:BOUND:nosleep`` turns
the sleep sets off (and with them ``dpor``): every schedule within the bound
then runs.
"""

from __future__ import annotations

import weakref
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from operator import attrgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, NoReturn, cast

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
# runnable goroutines from which a pick is "many": its ids kept packed, not a tuple, or
# (with nobody asleep) only its first ones until a backtrack needs the rest; a replay
# checks such a pick by its count, its first ids and the goroutine taken
_MANY = 64
_HEAD = 8  # the first ids a many pick always keeps (and a divergence shows)
# dfs:preempt: a goroutine that went on this many operations in a row while others
# waited is switched out free of charge, as Go's scheduler stops a goroutine that
# has run for 10ms; without it a loop that never blocks (until another goroutine
# stops it) runs on into the livelock guard once the bound is spent
SLICE = 1000


class Redundant(Exception):
    """Raised from the strategy to abandon a run whose every runnable goroutine sleeps:
    the schedules it could reach are equivalent to ones already explored."""


@dataclass(slots=True)
class _Step:
    """dpor: one step of the run, at the decision that picked it (-1: the only
    goroutine runnable), the step that last made its goroutine runnable (-1: none)."""

    decision: int
    gid: int
    footprint: Footprint
    woke: int


@dataclass(slots=True)
class _Decision:
    """One decision of the current path: a choice of goroutine (``ids`` set) or a
    ``choose(n)`` (``ids`` empty). A pick where the bound leaves no deviation to
    spend can only take option 0: its ``ids`` hold that goroutine's alone.

    Under ``dfs:preempt`` every operation is a decision, millions in a run that
    spins: a ``choose`` shares read-only empty ``asleep``, ``done`` and
    ``deviated`` (only a pick's are ever written), and slots keep each small."""

    n: int
    ids: Sequence[int]  # a tuple; from _MANY goroutines, packed (_pack), or lazy
    taken: int  # the option the current path takes (-1: lazy, until a replay resolves it)
    spent: int  # deviations from option 0 before this decision
    asleep: dict[int, Footprint] = field(default_factory=dict)  # inherited on arrival
    done: dict[int, Footprint] = field(default_factory=dict)  # explored here, their steps
    step: Footprint = _EMPTY  # the taken goroutine's step, over every run through it
    deviated: set[int] = field(default_factory=set)  # in done, explored as a deviation
    free: int = 0  # the option that costs no deviation: 0, or with sticky a choose's last
    backtrack: set[int] | None = None  # dpor: the goroutines a race says to try here
    gid: int = 0  # a pick: the goroutine taken
    # a many pick with nobody asleep: ``ids`` holds the first _HEAD alone, and the
    # replay that reaches it as its last decision reads them all and takes the first
    # option not explored (_resolve): a run with thousands runnable at thousands of
    # picks reads them all at the one pick a backtrack comes to, not at every pick
    lazy: bool = False

    @property
    def deviates(self) -> bool:
        return self.taken != self.free

    @property
    def pick(self) -> bool:
        return bool(self.ids)


# what a choose decision has asleep, explored and deviated to: nothing, read-only
_NONE = cast(dict[int, Footprint], MappingProxyType({}))
_NOBODY = cast(set[int], frozenset())


class DFS(Strategy):
    """Stateless depth-first search over schedules, deviating at most ``bound`` times
    (None: no bound), with sleep sets unless ``reduction=False``; with ``preempt``,
    also switching (or not) at every operation yielded while another goroutine is
    runnable; with ``early``, trying the deviations at each decision before option 0;
    with ``sticky``, a ``choose`` deviating only where its goroutine's choice changes;
    with ``dpor``, trying a goroutine other than option 0 only where a race asks for it;
    with ``choices``, deviating at ``choose`` decisions only, every pick ``fifo``'s.

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
        dpor: bool = False,
        choices: bool = False,
    ):
        if bound is not None and bound < 0:
            raise ValueError("the bound must be ≥ 0")
        self.bound = bound
        self.reduction = reduction
        self.preemptive = preempt
        self.early = early
        self.sticky = sticky
        self.dpor = dpor and reduction
        self.choices = choices
        self.readies = self.dpor  # the runtime reports every goroutine made runnable
        self._steps: list[_Step] = []  # dpor: this run's steps, in order
        self._woken: dict[int, int] = {}  # dpor: goroutine -> the step that readied it
        self._picked = -1  # dpor: the decision of the step about to run (-1: none)
        self._ended = False  # the run reached its end (it was not abandoned)
        self.footprints = reduction
        self.pruned = 0
        self.runs = 0
        self._path: list[_Decision] = []
        self._prefix = 0  # decisions the next run replays
        self._k = 0  # the next decision of this run
        self._asleep: dict[int, Footprint] = {}
        self._chosen: dict[tuple[int, int], int] = {}  # sticky: (goroutine, n) -> last option
        self._slice_gid = self._slice = 0  # preempt: who went on, how many times in a row
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
        self._slice_gid = self._slice = 0
        self._steps = []
        self._woken = {}
        self._picked = -1
        self._ended = True
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
            _verify(d, k, runq, n)
            if d.lazy and k == self._prefix - 1:
                self._resolve(d, runq, n)
            i = d.taken
        else:
            spent = self._spent(k)
            if self.choices or not self._within(spent + 1):  # forced: option 0 alone
                d, i = self._arrive_pick(k, spent, n, (runq[0].id,))
            elif n >= _MANY and not self._asleep and not self.dpor:
                d, i = self._arrive_many(k, spent, n, runq)
            else:
                d, i = self._arrive_pick(k, spent, n, _ids(runq, n))
        if self.dpor:
            self._picked = k
        if self.reduction:
            done = d.done
            if i == 0 and d.deviated and self.bound is not None:
                done = {t: f for t, f in done.items() if t not in d.deviated}
            # a sleep set is never changed in place, only replaced: a decision shares
            # it with the next while nobody wakes or joins (thousands may sleep)
            self._asleep = {**d.asleep, **done} if done else d.asleep
            self._stepping = d
        return i

    def _arrive_pick(self, k: int, spent: int, n: int, ids: Sequence[int]) -> tuple[_Decision, int]:
        asleep = self._asleep
        awake = (i for i, gid in enumerate(ids) if gid not in asleep)  # lazily: few sleep
        i = next(awake, None)
        if i == 0 and self.early and self._within(spent + 1):
            i = next(awake, 0)  # the first deviation awake, if there is one
        if i is None or not self._within(spent + (i > 0)):
            self._abandon(k)
        d = _Decision(n, ids, i, spent, asleep, gid=ids[i])
        del self._path[k:]
        self._path.append(d)
        return d, i

    def _arrive_many(
        self, k: int, spent: int, n: int, runq: Sequence[Goroutine]
    ) -> tuple[_Decision, int]:
        """:meth:`_arrive_pick` of a lazy pick: nobody asleep, so option 0 (in the early
        order option 1, a deviation left to spend) is the one taken."""
        i = 1 if self.early else 0
        head = tuple(islice(map(_ID, runq), _HEAD))
        d = _Decision(n, head, i, spent, _NONE, gid=runq[i].id, lazy=True)
        del self._path[k:]
        self._path.append(d)
        return d, i

    def _resolve(self, d: _Decision, runq: Sequence[Goroutine], n: int) -> None:
        """The replay has reached lazy pick ``d``, the decision :meth:`backtrack` left
        with an option to explore: read every id and take the first option of
        :meth:`_order` not explored there, as :meth:`backtrack` would have with them
        (nobody was asleep, and a deviation is left to spend)."""
        ids = _ids(runq, n)
        i = next(i for i in self._order(n) if ids[i] not in d.done)
        d.ids, d.lazy, d.taken, d.gid = ids, False, i, ids[i]

    def choose(self, n: int) -> int:
        if not self.sticky:
            return self._decide(n, None)
        rt = self._runtime() if self._runtime is not None else None
        g = rt.current if rt is not None else None
        return self._decide(n, (g.id if g is not None else 0, n))

    def preempt(self, g: Goroutine, runq: Sequence[Goroutine]) -> bool:
        """``dfs:preempt``: a decision of two options, go on (0) or switch (1). After
        ``SLICE`` operations in a row while others wait, switching is the free one."""
        if g.id != self._slice_gid:
            self._slice_gid, self._slice = g.id, 0
        self._slice += 1
        switch = self._decide(2, None, 1 if self._slice > SLICE else 0) == 1
        if switch:
            self._slice_gid = 0
        return switch

    def _decide(self, n: int, key: tuple[int, int] | None, free: int = 0) -> int:
        """A decision of ``n`` options; ``key``: sticky, the goroutine choosing and ``n``,
        whose last option is this one's free option; otherwise ``free``."""
        k = self._k
        self._k = k + 1
        if k < self._prefix:
            d = self._path[k]
            if d.ids or d.n != n:  # d.pick, inlined
                raise SimlabError(_diverged(k, f"{d.n} options", f"{n}"))
        else:  # under dfs:preempt, at every operation: _spent, _within and _order inlined
            path = self._path
            if len(path) > k:
                del path[k:]
            if k:
                last = path[k - 1]
                spent = last.spent + (last.taken != last.free)
            else:
                spent = 0
            if key is not None:
                free = self._chosen.get(key, 0)
            # the first option in _order: the free one, or (early, a deviation left to
            # spend) the first other
            taken = free
            if self.early and n > 1 and (self.bound is None or spent < self.bound):
                taken = 1 if free == 0 else 0
            d = _Decision(n, (), taken, spent, _NONE, _NONE, deviated=_NOBODY, free=free)
            path.append(d)
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
            if self.dpor and self._steps:
                self._steps[-1].footprint |= footprint
            self._asleep = _wake(self._asleep, footprint)
            return
        # still "running" after its step: it panicked (or the run was halted in it); main
        # returning ends the program too
        if g.state == "running" or (g.state == "dead" and g.id == 1):
            footprint = footprint | {_ENDS}
        d = self._stepping
        self._last = None
        if self.dpor:
            step = _Step(self._picked, g.id, footprint, self._woken.get(g.id, -1))
            self._steps.append(step)
            self._picked = -1
        if d is not None:
            self._stepping = None
            if d.gid == g.id:
                d.step = d.step | footprint
                self._last = d
        asleep = self._asleep
        if g.id in asleep:  # the only runnable goroutine, and it sleeps
            self._abandon(self._k)
        if asleep:
            self._asleep = _wake(asleep, footprint, step=True)

    def on_ready(self, g: Goroutine) -> None:
        """dpor: the step running (or, for a timer's wake, the last one) made ``g``
        runnable; a goroutine that yielded or was switched was runnable all along."""
        rt = self._runtime() if self._runtime is not None else None
        running = rt.current if rt is not None else None
        if running is not g:
            self._woken[g.id] = len(self._steps) - (running is None)

    def _abandon(self, k: int) -> NoReturn:
        del self._path[k:]
        self._ended = False
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
        if self.dpor:
            self._races(self._ended)
        while path:
            d = path[-1]
            if d.pick:
                gid = d.gid
                d.done[gid] = d.step
                if d.taken > 0:
                    d.deviated.add(gid)
                d.step = _EMPTY
                if d.lazy:  # every option within the bound; which is next, _resolve reads
                    if len(d.done) < d.n:
                        d.taken = -1
                        self._prefix = len(path)
                        return True
                    path.pop()
                    continue
                # with no deviation left to spend here, option 0 is the only one to try
                deviates = self._within(d.spent + 1) and not self.choices
                for i in self._order(d.n) if deviates else (0,):
                    t = d.ids[i]
                    if t in d.done or (self.reduction and t in d.asleep):
                        continue
                    if i > 0 and self.dpor and (d.backtrack is None or t not in d.backtrack):
                        continue  # no race asks for t here
                    if self._within(d.spent + (i > 0)):
                        d.taken, d.gid = i, t
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

    def _races(self, ended: bool) -> None:
        """dpor: source sets (Abdulla, Aronis, Jonsson and Sagonas, POPL 2014) over this
        run's steps. Step j happens after step i when a chain of steps, each of one
        goroutine or touching a primitive the next touches, leads from i to j (a vector
        clock per step; being made runnable by a step counts). Steps i and j of two
        goroutines are in a race when they touched a common primitive (or j ended the
        program) and no other step comes between them in that order: the run with j's
        goroutine first at i's decision is another class. Its first goroutines are
        those of the steps after i that do not happen after i, then j, whose first
        step there comes after none of the others; unless one of them is tried at i's
        decision already, the first is added. The goroutines still runnable at the
        run's last decision that never ran after it are in a race with the end."""
        steps = self._steps
        latest: dict[int, int] = {}  # primitive -> the latest step that touched it
        clocks: list[dict[int, int]] = []
        prev: dict[int, int] = {}  # goroutine -> its latest step
        own: dict[int, list[int]] = {}  # goroutine -> its steps so far
        for j, step in enumerate(steps):
            p, f = step.gid, step.footprint
            k = prev.get(p)
            clock = dict(clocks[k]) if k is not None else {}
            if step.woke >= 0:
                _join(clock, clocks[step.woke])
            if _ENDS in f:
                deps = {c for c in prev.values() if steps[c].gid != p}
            else:
                deps = {latest[x] for x in f if x in latest}
            # those this step depends on that no other of them (nor its goroutine's own
            # past) comes after: its races
            top: dict[int, int] = {}  # goroutine -> its latest step any of them follows
            hits: dict[int, int] = {}  # how many of them follow that step
            for o in deps:
                for g, s in clocks[o].items():
                    t = top.get(g, -1)
                    if s > t:
                        top[g], hits[g] = s, 1
                    elif s == t:
                        hits[g] += 1
            racing = []
            for i in deps:
                g = steps[i].gid
                if g != p and clock.get(g, -1) < i and top[g] == i and hits[g] == 1:
                    racing.append(i)
            for o in deps:
                _join(clock, clocks[o])
            clock[p] = j
            clocks.append(clock)
            own.setdefault(p, []).append(j)
            for i in racing:
                self._race(clocks, own, i, j)
            prev[p] = j
            for x in f:
                latest[x] = j
        if not ended:
            return
        for e in range(len(steps) - 1, -1, -1):
            if steps[e].decision >= 0:
                d = self._path[steps[e].decision]
                if len(d.ids) == d.n:
                    ran = {s.gid for s in steps[e:]}
                    for r in d.ids:
                        if r not in ran:
                            self._add(d, r)
                return

    def _race(
        self, clocks: list[dict[int, int]], own: dict[int, list[int]], i: int, j: int
    ) -> None:
        steps = self._steps
        k = steps[i].decision
        if k < 0:
            return  # its goroutine was the only one runnable: nothing to try there
        d = self._path[k]
        if len(d.ids) < d.n:
            return  # a forced pick: no deviation left to spend there
        q = steps[i].gid
        taken = d.gid
        tried = d.backtrack or ()
        p = steps[j].gid
        if p in d.ids and self._goes_first(clocks, own, i, j):
            if not (p == taken or p in tried or p in d.done):
                self._add(d, p)
            return
        first: dict[int, int] = {}  # goroutine -> its first step in the race's sequence
        initial = None  # the first goroutine that can go first, none of them tried yet
        for m in chain(range(i + 1, j), (j,)):
            cm = clocks[m]
            if m != j and cm.get(q, -1) >= i:
                continue  # happens after step i
            r = steps[m].gid
            if r in first:
                continue
            first[r] = m
            # it can go first at i if no step before it in the sequence happens before it
            if all(first.get(g, s + 1) > s for g, s in cm.items() if g != r):
                if r == taken or r in tried or r in d.done:
                    return  # tried there already
                if initial is None and r in d.ids:
                    initial = r
        if initial is not None:
            self._add(d, initial)

    def _goes_first(
        self, clocks: list[dict[int, int]], own: dict[int, list[int]], i: int, j: int
    ) -> bool:
        """Does no step between i and j that does not happen after i happen before j?
        Then j's goroutine can go first at i's decision. ``own``: each goroutine's steps."""
        steps = self._steps
        q, p = steps[i].gid, steps[j].gid
        for g, s in clocks[j].items():
            if s <= i or g == p:
                continue
            mine = own[g]
            f = mine[bisect_right(mine, i)]  # g's first step after i, at most s
            if f < j and clocks[f].get(q, -1) < i:
                return False
        return True

    def _add(self, d: _Decision, gid: int) -> None:
        if self._within(d.spent + 1):
            if d.backtrack is None:
                d.backtrack = set()
            d.backtrack.add(gid)

    def unreduced(self) -> DFS:
        """A fresh search of the same schedules without the reduction (nor dpor, which
        needs it): every schedule within the bound runs."""
        return DFS(
            self.bound,
            reduction=False,
            preempt=self.preemptive,
            early=self.early,
            sticky=self.sticky,
            choices=self.choices,
        )

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
        name += ":dpor" if self.dpor else ""
        name += ":choices" if self.choices else ""
        name += "" if self.reduction else ":nosleep"
        return name + ":preempt" if self.preemptive else name


def bound_words(bound: int | None) -> str:
    """How a search's report names its bound: "up to bound 2", "with no bound"."""
    return "with no bound" if bound is None else f"up to bound {bound}"


def pruning_words(pruned: int, reduction: bool) -> str:
    """How a search's report names what the sleep sets saved."""
    return f"{pruned:,} pruned by sleep sets" if reduction else "no reduction"


def bounded_sleep_sets_note(spec: str, bound: int | None, reduction: bool) -> str | None:
    """What a search that ran out of schedules must add to "all N schedules up to bound
    B checked" when it had sleep sets and a bound (``spec``, such as ``dfs:2:preempt``,
    is the search's strategy): the schedules they may have skipped, and the search
    that runs every one; None otherwise."""
    if bound is None or not reduction:
        return None
    spec, at, clock = spec.partition("@")
    flags = [f for f in spec.split(":") if f not in ("dpor", "preempt")]
    every = ":".join([*flags, "nosleep", *(["preempt"] if spec.endswith(":preempt") else [])])
    return (
        "with a bound, the sleep sets may skip a schedule within it whose equivalent "
        f"schedules all need more deviations; --strategy {every}{at}{clock} runs every one"
    )


def _wake(
    asleep: dict[int, Footprint], footprint: Footprint, step: bool = False
) -> dict[int, Footprint]:
    """The sleep set once ``footprint`` has been touched: without the goroutines whose
    steps touched any of it, and after a goroutine's ``step``, without those whose
    steps end the program too (dependent with every other). The same dict if nobody
    wakes: a sleep set is replaced, never changed in place."""
    woken = [t for t, f in asleep.items() if f & footprint or (step and _ENDS in f)]
    if not woken:  # the common case, after most steps: no dict built
        return asleep
    kept = dict(asleep)
    for t in woken:
        del kept[t]
    return kept


def _join(clock: dict[int, int], other: dict[int, int]) -> None:
    for g, step in other.items():
        if clock.get(g, -1) < step:
            clock[g] = step


def _ids(runq: Sequence[Goroutine], n: int) -> Sequence[int]:
    """The ids of a pick's ``n`` runnable goroutines, in run-queue order, as the search
    keeps them until it backtracks past the pick: a tuple, or from ``_MANY``
    goroutines an array (:func:`_pack`)."""
    return tuple(map(_ID, runq)) if n < _MANY else _pack(runq)


def _verify(d: _Decision, k: int, runq: Sequence[Goroutine], n: int) -> None:
    """A replay meets pick ``d`` again: as many runnable, the same first ids (all of
    them, if fewer than ``_MANY``) and the same goroutine at the option taken; else
    the program is not deterministic."""
    m = len(d.ids) if len(d.ids) < _MANY else _HEAD
    now = tuple(islice(map(_ID, runq), m))
    if (
        not d.pick
        or d.n != n
        or tuple(d.ids[:m]) != now
        or (d.taken >= 0 and runq[d.taken].id != d.gid)  # -1: lazy, not chosen yet
    ):
        raise SimlabError(_diverged(k, _runnable(d.ids, d.n), _runnable(now, n)))


def _pack(runq: Sequence[Goroutine]) -> Sequence[int]:
    """With thousands runnable at thousands of picks, a tuple's 8 bytes a goroutine
    ran out of memory: packed, 2 bytes while ids stay below 65,536, and built and
    compared (by a replay) without a Python object per id."""
    try:
        return array("H", map(_ID, runq))
    except OverflowError:
        return array("I", map(_ID, runq))


def _runnable(ids: Sequence[int], n: int, shown: int = 8) -> str:
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
