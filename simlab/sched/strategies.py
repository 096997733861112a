"""Strategies: who decides the schedule.

A strategy answers the run's two kinds of question. *Which ready goroutine runs
next?* (:meth:`Strategy.pick`, answered from the ``schedule`` stream) and *which
of n equally possible outcomes happens?* (:meth:`Strategy.choose`: a ``select``
with several ready cases, the order a context's children are cancelled; answered
from the ``choice`` stream). The runtime only asks when there are at least two
options, and records every answer, so any run can be replayed.

``fifo``    the first goroutine that became ready runs first, the first ready case
            is taken: one readable, deterministic baseline.
``random``  uniform at every decision.
``pct``     Probabilistic Concurrency Testing (Burckhardt, Kothari, Musuvathi and
            Nagarakatte, ASPLOS 2010): random priorities plus d-1 priority change
            points; finds a bug of depth d with probability at least 1/(n·k^(d-1))
            for n goroutines and k steps.
``replay``  the decisions of a recorded :class:`~simlab.schedule.Schedule`.
``dfs``     every schedule in turn, over many runs (``dfs:BOUND``: those with at most
            BOUND deviations from fifo); see :mod:`simlab.sched.dfs`.

A goroutine runs until it blocks. ``random:preempt`` and ``pct:...:preempt`` may
also switch goroutines at every operation a goroutine yields that would not
block (a lock taken without waiting, an atomic load, a send into a buffer): Go
can preempt a goroutine anywhere, and some bugs need a switch between an
``if flag.Load()`` and the ``mu.Lock()`` after it. :meth:`Strategy.preempt`
answers that third question; ``fifo`` never preempts, as Go at GOMAXPROCS=1
runs a goroutine until it blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from heapq import heapify, heappop, heappush
from typing import TYPE_CHECKING

from ..errors import SimlabError
from .schedule import Schedule
from .streams import Uniform, generator

if TYPE_CHECKING:
    from ..go.goroutine import Goroutine
    from ..go.runtime import Runtime


class Strategy:
    """Base class: bind to a run's streams, then answer its decisions."""

    name = "strategy"
    preemptive = False  # True: the runtime asks preempt() at every operation yielded
    footprints = False  # True: the runtime reports each step's footprint (on_footprint)
    readies = False  # True: the runtime reports each goroutine that becomes runnable

    def bind(self, seed: int) -> None:
        """Start a fresh run with this seed (strategies keep per-run state)."""

    def attach(self, rt: Runtime) -> None:
        """The runtime this strategy decides for from now on (after :meth:`bind`): for a
        strategy that reads the program's state, as a wrapper taking notes does."""

    def on_go(self, g: Goroutine) -> None:
        """A goroutine was created."""

    def on_step(self, g: Goroutine, step: int) -> None:
        """Goroutine ``g`` just gave up the processor after scheduling step ``step``."""

    def on_ready(self, g: Goroutine) -> None:
        """Goroutine ``g`` joined the run queue: created, woken, yielded or preempted
        (asked only of a strategy with ``readies``)."""

    def preempt(self, g: Goroutine, runq: Sequence[Goroutine]) -> bool:
        """Should the running ``g`` stop here, before the operation it yielded, and let
        the goroutines in ``runq`` (at least one) be picked? Asked only of a
        ``preemptive`` strategy; ``g`` then waits in the run queue with the others."""
        return False

    def on_footprint(self, g: Goroutine | None, objects: frozenset[int]) -> None:
        """The step ``g`` just ran touched the primitives whose ids are ``objects``
        (asked only of a strategy with ``footprints``); ``g`` is None for what timers
        and callbacks touched between two steps."""

    def pick(self, runq: Sequence[Goroutine]) -> int:
        """Index into ``runq`` (oldest first, at least two) of the goroutine to run next."""
        raise NotImplementedError

    def _pick_by_count(self) -> Callable[[int], int] | None:
        """For a strategy whose :meth:`pick` reads nothing of the run queue but its
        length: a function from that length to the same index ``pick`` gives, which
        the runtime calls instead (the hot path of a run). None: call ``pick``."""
        return None

    def choose(self, n: int) -> int:
        """One of ``n`` (at least two) equally possible outcomes."""
        raise NotImplementedError

    def __str__(self) -> str:
        return self.name


class FIFO(Strategy):
    """First ready, first run; first ready case taken."""

    name = "fifo"
    go_order = True  # the runtime takes Go's own choice without asking

    def pick(self, runq: Sequence[Goroutine]) -> int:
        return 0

    def choose(self, n: int) -> int:
        return 0


class Random(Strategy):
    """Every decision uniform, from the run's own streams."""

    name = "random"

    def __init__(self, preempt: bool = False):
        self.preemptive = preempt

    def bind(self, seed: int) -> None:
        self._sched = Uniform(seed=seed, stream="schedule")
        self._choice = Uniform(seed=seed, stream="choice")
        if self.preemptive:
            self._preempt = Uniform(seed=seed, stream="preempt")

    def preempt(self, g: Goroutine, runq: Sequence[Goroutine]) -> bool:
        # as if the running goroutine were one more candidate, drawn uniformly
        return self._preempt.below(len(runq) + 1) != 0

    def pick(self, runq: Sequence[Goroutine]) -> int:
        return self._sched.below(len(runq))

    def _pick_by_count(self) -> Callable[[int], int] | None:
        if type(self).pick is not Random.pick:  # a subclass picks its own way
            return None
        return self._sched.below

    def choose(self, n: int) -> int:
        return self._choice.below(n)

    def __str__(self) -> str:
        return "random:preempt" if self.preemptive else "random"


class PCT(Strategy):
    """Probabilistic Concurrency Testing with bug depth ``depth`` over ``steps`` steps.

    Each goroutine gets a random priority above ``depth`` when it is created;
    the highest-priority ready goroutine always runs. ``depth - 1`` change points
    are drawn uniformly from ``1..steps``: when scheduling step number k_i ends,
    the goroutine that just ran drops to priority i, below every initial one.
    A step is one stretch a goroutine runs between two scheduling points.

    The runnable goroutines wait in a heap by priority, so that a pick among
    thousands costs a logarithm, not a scan: an entry is stale once its
    goroutine has left the run queue or changed priority, and is dropped when
    it reaches the top.
    """

    name = "pct"
    readies = True

    def __init__(self, depth: int = 3, steps: int = 10_000, preempt: bool = False):
        if depth < 1 or steps < 1:
            raise ValueError("pct needs depth ≥ 1 and steps ≥ 1")
        self.depth = depth
        self.steps = steps
        self.preemptive = preempt

    def bind(self, seed: int) -> None:
        rng = generator(seed, "schedule")
        count = min(self.depth - 1, self.steps)
        points = rng.choice(self.steps, size=count, replace=False) + 1
        self._change = {int(k): i + 1 for i, k in enumerate(sorted(points.tolist()))}
        self._prio = Uniform(rng)
        self._choice = Uniform(seed=seed, stream="choice")
        self._ready: list[tuple[float, int, Goroutine]] = []  # (-priority, order, g)
        self._order = 0

    def on_go(self, g: Goroutine) -> None:
        g.priority = self.depth + self._prio.next()

    def on_ready(self, g: Goroutine) -> None:
        self._order += 1
        heappush(self._ready, (-g.priority, self._order, g))

    def on_step(self, g: Goroutine, step: int) -> None:
        low = self._change.get(step)
        if low is not None:
            g.priority = float(low)
            self.on_ready(g)  # if it waits in the run queue (preempted), it waits lower

    def _highest(self, runq: Sequence[Goroutine]) -> Goroutine | None:
        heap = self._ready
        if len(heap) > 2 * len(runq) + 64:  # mostly stale: keep each live entry once
            live: dict[int, tuple[float, int, Goroutine]] = {}
            for e in heap:
                g = e[2]
                if -e[0] == g.priority and g in runq:
                    kept = live.get(g.id)
                    if kept is None or e[1] < kept[1]:
                        live[g.id] = e
            heap[:] = live.values()
            heapify(heap)
        while heap:
            neg, _, g = heap[0]
            if -neg == g.priority and g in runq:
                return g
            heappop(heap)
        return None

    def preempt(self, g: Goroutine, runq: Sequence[Goroutine]) -> bool:
        # the highest-priority runnable goroutine always runs (a woken one may outrank g)
        top = self._highest(runq)
        return top is not None and top.priority > g.priority

    def pick(self, runq: Sequence[Goroutine]) -> int:
        top = self._highest(runq)
        if top is None:
            raise SimlabError(
                "pct was told of no runnable goroutine: "
                "a strategy that wraps it must pass on on_ready"
            )
        return runq.index(top)

    def choose(self, n: int) -> int:
        return self._choice.below(n)

    def __str__(self) -> str:
        return f"pct:{self.depth}:{self.steps}" + (":preempt" if self.preemptive else "")


class Replay(Strategy):
    """Take the recorded option at every decision (option 0 where none is recorded).

    An option larger than a decision allows wraps around (``option % n``), so
    any list of deviations is a valid schedule: hypothesis relies on that when
    it shrinks one.
    """

    name = "replay"

    def __init__(self, schedule: Schedule | str):
        self.schedule = schedule if isinstance(schedule, Schedule) else Schedule.parse(schedule)

    def bind(self, seed: int) -> None:
        self._table = self.schedule.as_dict()
        self._k = 0
        self.preemptive = self.schedule.preemptive

    def _next(self, n: int) -> int:
        k = self._k
        self._k = k + 1
        return self._table.get(k, 0) % n

    def preempt(self, g: Goroutine, runq: Sequence[Goroutine]) -> bool:
        return self._next(2) == 1

    def pick(self, runq: Sequence[Goroutine]) -> int:
        return self._next(len(runq))

    def _pick_by_count(self) -> Callable[[int], int] | None:
        return self._next if type(self).pick is Replay.pick else None

    def choose(self, n: int) -> int:
        return self._next(n)

    def __str__(self) -> str:
        return f"replay:{self.schedule}"


STRATEGIES = ("fifo", "random", "pct", "replay", "dfs")


_DFS_FLAGS = ("early", "sticky", "dpor", "choices", "nosleep")


def make_strategy(spec: str | Strategy) -> Strategy:
    """A strategy from its name: ``fifo``, ``random``, ``pct``, ``pct:DEPTH``,
    ``pct:DEPTH:STEPS``, ``replay:SCHEDULE``, ``dfs`` or ``dfs:BOUND``, then for dfs
    ``:early`` (deviations before option 0 at each decision), ``:sticky`` (a
    ``choose`` deviates where its goroutine's choice changes), ``:dpor`` (dynamic
    partial-order reduction), ``:choices`` (deviations at ``choose`` decisions
    only) and ``:nosleep`` (no sleep sets: every schedule within the bound runs);
    ``random``, ``pct``
    and ``dfs`` take a last ``:preempt`` (switch at operations that do not block,
    too); a :class:`Strategy` passes through."""
    if isinstance(spec, Strategy):
        return spec
    name, _, arg = spec.partition(":")
    preempt = name in ("random", "pct", "dfs") and (arg == "preempt" or arg.endswith(":preempt"))
    if preempt:
        arg = arg.removesuffix("preempt").removesuffix(":")
    try:
        if name == "fifo" and not arg:
            return FIFO()
        if name == "random" and not arg:
            return Random(preempt)
        if name == "pct":
            nums = [int(x) for x in arg.split(":")] if arg else []
            if len(nums) <= 2:
                depth, steps = (nums + [3, 10_000][len(nums) :])[:2]
                return PCT(depth, steps, preempt=preempt)
        if name == "replay" and arg:
            return Replay(arg)
        if name == "dfs":
            from .dfs import DFS

            bound, *flags = arg.split(":") if arg else [""]
            if bound in _DFS_FLAGS:
                bound, flags = "", [bound, *flags]
            if bound and not (bound.isdigit() and len(bound) <= 9):
                raise ValueError(
                    "dfs:BOUND takes a whole number of deviations, such as dfs:2, dfs:2:early, "
                    "dfs:2:sticky, dfs:2:dpor, dfs:2:choices, dfs:2:nosleep or dfs:2:preempt"
                )
            if [f for f in flags if f not in _DFS_FLAGS] or len(set(flags)) < len(flags):
                raise ValueError(
                    "after dfs:BOUND come :early, :sticky, :dpor, :choices and :nosleep, each at "
                    "most once, then :preempt"
                )
            if "dpor" in flags and "nosleep" in flags:
                raise ValueError(
                    ":dpor works on top of the sleep sets that :nosleep turns off; take one"
                )
            return DFS(
                int(bound) if bound else None,
                preempt=preempt,
                early="early" in flags,
                sticky="sticky" in flags,
                dpor="dpor" in flags,
                choices="choices" in flags,
                reduction="nosleep" not in flags,
            )
    except ValueError as exc:
        raise SimlabError(f"bad strategy {spec!r}: {exc}") from None
    raise SimlabError(
        f"unknown strategy {spec!r}; choose fifo, random, pct, pct:DEPTH, "
        "pct:DEPTH:STEPS, replay:SCHEDULE, dfs or dfs:BOUND (dfs may add :early, :sticky, "
        ":dpor, :choices, :nosleep; random, pct and dfs may end in :preempt)"
    )
