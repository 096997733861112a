"""The Go runtime model: goroutines, one processor, and the simulated clock.

:class:`Runtime` is a Go program's runtime. It owns a SimPy environment, which
keeps simulated time and the calendar of timers, and a run queue of goroutines.
One goroutine runs at a time (GOMAXPROCS=1) until it blocks; then the strategy
picks the next from the run queue. Everything due at an instant (timers firing,
goroutines they wake) becomes ready before anyone is picked, so "which of the
goroutines ready at this instant runs first" is always a decision of the
strategy, recorded in the run's schedule.

Why goroutines are not SimPy processes: a SimPy process is resumed by the
event calendar, in first-scheduled-first order. To let a strategy choose among
the goroutines ready at one instant, the scheduler must own the resumption. So
simlab drives goroutine generators itself, switching from one to the next
without a trip through the calendar, and uses SimPy for time: every timer is a
SimPy timeout, and the scheduler runs inside SimPy's event loop.
"""

from __future__ import annotations

import contextlib
import gc
import io
import sys
import weakref
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from heapq import heappop, heappush
from inspect import isgenerator, isgeneratorfunction
from itertools import chain, count, islice
from typing import Any, TypeVar, overload

import numpy as np
import simpy
from simpy.core import StopSimulation
from simpy.events import NORMAL, URGENT, Event

from ..errors import (
    Deadlock,
    FatalError,
    Goexit,
    GoPanic,
    Livelock,
    SimlabError,
    UnyieldedOperation,
)
from ..sched.schedule import Schedule
from ..sched.strategies import FIFO, Strategy, make_strategy
from ..sched.streams import generator
from ..sched.trace import FOLD_AT, DecisionLog, Trace
from . import atomic
from . import goroutine as _g
from .chan import Chan
from .cond import Cond, Locker
from .context import Background, CancelCtx, Context, ContextTable, todo
from .fds import FDTable
from .frames import Frame
from .goroutine import PARK, Goroutine, Op
from .once import Once
from .profile import format_goroutine, goroutine_profile, panic_dump, traceback_dump
from .rwmutex import RWMutex
from .sync import Mutex, WaitGroup
from .syncmap import Map
from .timers import FuncTimer, Ticker, Timer, TimerTable

T = TypeVar("T")

# When a run is a livelock: this many goroutine steps at one instant, a hundredth as
# many wake-ups from the calendar at one instant (the outside world retrying with no
# delay), or a goroutine completing 100,000 operations without ever blocking.
LIVELOCK_STEPS = 10_000_000

# Go's time slice, forcePreemptNS: sysmon preempts a goroutine that has run 10ms, or a
# chain of goroutines that took the processor through runnext (they inherit one
# slice). simlab's clock stands still while goroutines run, so it counts instead:
# this many steps taken through runnext at one instant, or operations one goroutine
# completes without blocking while another waits. go1.27.3 ran 22,000-29,000 rounds
# of a two-step handoff (send, then wake the receiver) in a 10ms slice here.
TIME_SLICE = 50_000

# The length of a processor's local run queue (Go's runq array); past it, runqput
# moves half of it to the global queue.
RUNQ_SIZE = 256

# Go's own goroutines that are runnable when main starts, at the head of the local
# queue: go1.27.3 has two (the GOMAXPROCS updater and the finalizer goroutine,
# which GOTRACEBACK=system shows [runnable] in a panic at main's first line). Each
# takes a slot of the queue (a full one moves it to the global queue with its
# first half) and, when Go's schedule reaches it, a schedule: it runs and parks.
# The runtime counts them at the head of a queue; no strategy chooses them.
SYSTEM_RUNNABLE = 2

LATE = NORMAL + 1  # after everything else due at the same instant


class Clock(simpy.Environment):
    """SimPy's environment, which can also tell whether an event is due right now.

    Time is an integer count of nanoseconds, as Go's ``time.Duration``.
    """

    _now: int
    # The calendar entry schedule_now() made while an event was being processed, not
    # pushed on the heap yet: run() takes it next without a trip through the heap if
    # nothing comes before it when that event is done, and pushes it otherwise.
    _held: tuple[int, int, int, Event] | None = None
    _processing = False

    def due_now(self) -> bool:
        """Is an event due at this instant that must be processed before the scheduler picks?"""
        q = self._queue
        return bool(q) and q[0][0] == self._now and q[0][1] <= NORMAL

    def schedule_now(self, event: Event) -> None:
        """``schedule(event)``: at this instant, after what is already due at it."""
        entry = (self._now, NORMAL, next(self._eid), event)
        if self._processing and self._held is None:
            self._held = entry
        else:
            heappush(self._queue, entry)

    def run(self, until: Any = None) -> Any:
        """SimPy's ``run``, with its ``step`` inlined (a run processes an event per log
        line, per timer, per wake-up from outside): the same events in the same order,
        the same return value and errors. ``until`` is an event or None."""
        if until is not None:
            if not isinstance(until, Event):
                return super().run(until)
            if until.callbacks is None:  # already processed
                return until.value
            until.callbacks.append(StopSimulation.callback)
        queue: list[tuple[int, int, int, Event]] = self._queue  # type: ignore[assignment]
        self._processing = True
        try:
            while True:
                held = self._held
                if held is not None and (not queue or held < queue[0]):
                    self._held = None
                    event = held[3]  # due now: the clock stays
                else:
                    if held is not None:
                        self._held = None
                        heappush(queue, held)
                    if not queue:
                        break
                    self._now, _, _, event = heappop(queue)
                callbacks = event.callbacks
                event.callbacks = None  # type: ignore[assignment]  # as SimPy does
                try:
                    for callback in callbacks:
                        callback(event)
                except StopSimulation:
                    # as SimPy does: the remaining callbacks run when the run resumes
                    event.callbacks = callbacks[callbacks.index(callback) + 1 :]
                    self.schedule(event, URGENT - 1)  # type: ignore[arg-type]
                    raise
                if not event._ok and not hasattr(event, "_defused"):
                    exc = type(event._value)(*event._value.args)
                    exc.__cause__ = event._value
                    raise exc
        except StopSimulation as stop:
            return stop.args[0]
        finally:
            self._processing = False
            held = self._held
            if held is not None:  # the run ends: back to the heap, as schedule() would
                self._held = None
                heappush(queue, held)
        if until is not None:  # the calendar ran dry first
            raise RuntimeError(
                f'No scheduled events left but "until" event was not triggered: {until}'
            )
        return None

    def call(
        self,
        callback: Callable[[Event], None] | None,
        delay: int = 0,
        priority: int = NORMAL,
        value: Any = None,
    ) -> Event:
        """A calendar entry that calls ``callback(event)`` ``delay`` from now."""
        ev = Event(self)
        ev._ok = True
        ev._value = value
        if callback is not None:
            ev.callbacks.append(callback)
        self.schedule(ev, priority, delay)  # type: ignore[arg-type]  # SimPy's int enum
        return ev


class _Discard(io.TextIOBase):
    """Where a program's output goes once it has ended: nowhere."""

    def write(self, text: str) -> int:
        return len(text)


@dataclass(frozen=True)
class RunResult:
    """How a call to :meth:`Runtime.run` ended.

    ``reason`` is ``"main returned"`` (the program exited; ``value`` is what main
    returned) or ``"until"`` (simulated time reached the limit; the program can
    be resumed with another ``run(until=...)``).
    """

    now: int
    reason: str
    value: Any = None


_DROPPED = FIFO()  # the strategy of a program that is over (see Runtime.drop_goroutines)

# programs over whose goroutines are not closed yet (Runtime._over)
_ENDED: weakref.WeakSet[Runtime] = weakref.WeakSet()
_saved_output: list[tuple[Any, Any]] = []


def _quiet_collection(phase: str, _info: dict[str, int]) -> None:
    """A garbage collection while an ended program's goroutines may be finalized:
    their ``finally`` blocks (a Go program's defers, which never run once it has
    exited) print nothing."""
    if phase == "start" and _ENDED:
        _saved_output.append((sys.stdout, sys.stderr))
        sys.stdout = sys.stderr = _Discard()
    elif phase == "stop" and _saved_output:
        sys.stdout, sys.stderr = _saved_output.pop()


gc.callbacks.append(_quiet_collection)


def _call_out(ev: Event) -> None:
    fn, args = ev._value
    fn(*args)


def _call_later(fn: Callable[..., Any], args: tuple[Any, ...]) -> Generator[Any, Any, Any]:
    """The body of ``go f(args)`` for an ``f`` that is not itself a generator function."""
    result: Any = fn(*args)
    if isgenerator(result):
        return (yield from result)
    return result


class _Alarm(Event):
    """The calendar entry that ends one goroutine's ``time.Sleep``.

    A goroutine sleeps at most once at a time, so it keeps one alarm and re-arms
    it for every sleep instead of making a new timeout each time.
    """

    def __init__(self, env: simpy.Environment, g: Goroutine):
        super().__init__(env)
        self.g = g
        self._ok = True
        self._value = None


class _Sleep(Op):
    __slots__ = ("d",)

    def __init__(self, d: int):
        self.d = d

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        if self.d <= 0:  # time.Sleep(d <= 0) returns at once, without yielding
            return None
        alarm = g._alarm
        if alarm is None:
            alarm = g._alarm = _Alarm(rt.env, g)
        alarm.callbacks = rt._wake_sleeper  # SimPy only reads this list, never appends
        rt.timer_table.live += 1
        rt.env.schedule(alarm, NORMAL, self.d)
        g.state = _g.WAITING
        g.wait_reason = _g.SLEEP
        g.waiting_since = rt.env._now
        g.blocked_on = ()
        g.durable = False
        return PARK


class _Gosched(Op):
    __slots__ = ()

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        g.state = _g.RUNNABLE
        rt._globq.append(g)  # Go's goschedImpl: the global run queue
        rt._nrunnable += 1
        if rt._on_ready is not None:
            rt._on_ready(g)
        return PARK


_GOSCHED = _Gosched()


class _Goexit(Op):
    __slots__ = ()

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        raise Goexit()  # thrown into the goroutine by _run, as a panic is


_GOEXIT = _Goexit()


class _WaitIdle(Op):
    __slots__ = ()

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        rt._idle_waiters.append(g)
        return g.park(_g.SYNCTEST_WAIT, rt.env._now, durable=False)


_WAIT_IDLE = _WaitIdle()


class _Runnable(Sequence[Goroutine]):
    """The runnable goroutines as a strategy sees them: Go's next choice first, then
    the others in queue order (runnext, the local queue, the global queue); a view
    that builds no list, since most strategies only ask how many there are."""

    __slots__ = ("_rt",)

    def __init__(self, rt: Runtime) -> None:
        self._rt = rt

    def __len__(self) -> int:
        return self._rt._nrunnable

    @overload
    def __getitem__(self, i: int) -> Goroutine: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Goroutine]: ...
    def __getitem__(self, i: int | slice) -> Goroutine | Sequence[Goroutine]:
        if isinstance(i, slice):
            return [self[k] for k in range(len(self))[i]]
        if not 0 <= i < len(self):
            raise IndexError(i)
        queue, j = self._rt._locate(i)
        if queue is None:
            g = self._rt._runnext
            assert g is not None
            return g
        return queue[j]

    def __iter__(self) -> Iterator[Goroutine]:
        """In :meth:`__getitem__`'s order, without locating each one (dfs reads them
        all at every decision, thousands of goroutines: the queues' own iterators,
        chained, with no Python frame per goroutine)."""
        rt = self._rt
        globq = rt._globq
        first = bool(globq) and rt._schedtick % 61 == 0 and not rt._sys_globq
        head = [globq[0]] if first else []
        if rt._runnext is not None:
            head.append(rt._runnext)
        return chain(head, rt._runq, islice(globq, 1 if first else 0, None))

    def __contains__(self, g: object) -> bool:
        """Is ``g`` waiting in a run queue? Told by its state, not by a search."""
        return getattr(g, "state", None) == _g.RUNNABLE and g is not self._rt._paused

    def index(self, g: Any, start: int = 0, stop: int = sys.maxsize) -> int:
        """Where runnable ``g`` is in :meth:`__getitem__`'s order, found by the queues'
        own search (a priority strategy knows whom it picks, not where)."""
        if start or stop != sys.maxsize:
            return super().index(g, start, stop)
        rt = self._rt
        globq = rt._globq
        skip = 1 if globq and rt._schedtick % 61 == 0 and not rt._sys_globq else 0
        if skip and globq[0] is g:
            return 0
        k = skip
        if rt._runnext is not None:
            if rt._runnext is g:
                return k
            k += 1
        try:
            return k + rt._runq.index(g)
        except ValueError:
            return k + len(rt._runq) + globq.index(g, skip) - skip


class Runtime:
    """A Go program's runtime: ``seed`` and ``strategy`` fix every decision of its run.

    ``strategy`` is ``"fifo"``, ``"random"``, ``"pct"``, ``"pct:DEPTH"``,
    ``"replay:SCHEDULE"`` or a :class:`~simlab.strategies.Strategy`. With
    ``trace=True`` the run also records every event for the Perfetto export.
    ``record=False`` keeps neither the schedule (:meth:`schedule`) nor cancelled
    contexts (:meth:`contexts`), so that memory follows what is alive, not how
    long the program has run. ``livelock_steps`` goroutine steps at one instant,
    with time never moving, end the run with :class:`~simlab.Livelock`.

    ``op_cost`` chooses the clock. At 0 (the default) time moves only when every
    goroutine is blocked, as in ``testing/synctest``: a goroutine's work takes
    no time, so a timer never fires while a goroutine computes. With
    ``op_cost=d`` every operation a goroutine yields first takes ``d`` of
    simulated time, during which the timers due fire (their callbacks run, the
    goroutines they wake join the run queue), as on a machine where other
    processors run timers while this one computes.

    As Go's scheduler (sysmon, after 10ms), the runtime preempts a goroutine that
    has gone on ``TIME_SLICE`` operations without blocking while another waits, and
    a chain of ``TIME_SLICE`` steps through ``runnext`` at one instant (a handoff
    that would starve the run queue): the goroutine goes to the global queue.

    ``gotraceback`` is Go's ``GOTRACEBACK`` for a fatal error: ``"single"`` (Go's
    default) prints the failing goroutine, ``"all"`` every goroutine.
    """

    def __init__(
        self,
        seed: int = 0,
        strategy: str | Strategy = "fifo",
        *,
        trace: bool = False,
        record: bool = True,
        livelock_steps: int = LIVELOCK_STEPS,
        op_cost: int = 0,
        gotraceback: str = "single",
    ):
        if not isinstance(seed, int) or seed < 0:
            raise SimlabError(f"seed must be a non-negative integer, got {seed!r}")
        self.seed = seed
        self.env = Clock()
        # State a library built on simlab keeps for one run, by the library's name: it
        # goes with the run (a table of the library's own keyed by runtime would keep
        # every run's program alive through what its values reference).
        self.library_state: dict[str, Any] = {}
        self.strategy = make_strategy(strategy)
        self.strategy.bind(seed)
        overridden = type(self.strategy).on_step is not Strategy.on_step
        self._on_step = self.strategy.on_step if overridden else None
        self._preempt = self.strategy.preempt if self.strategy.preemptive else None
        self._footprints = self.strategy.footprints
        self._on_ready = self.strategy.on_ready if self.strategy.readies else None
        # the ids the running step touched (and, between steps, timers and callbacks)
        self.footprint: set[int] | None = set() if self._footprints else None
        # the ids made during the running step: not part of its footprint (below)
        self._fresh: set[int] | None = set() if self._footprints else None
        self.op_cost = duration_arg("Runtime(op_cost=...)", op_cost)
        if gotraceback not in ("single", "all"):
            raise SimlabError(f"gotraceback={gotraceback!r}: choose 'single' or 'all'")
        self.gotraceback = gotraceback
        # how the program's own Python errors read as Go's runtime errors (a translation
        # sets it: AttributeError on None is a nil dereference); None: as Python errors
        self.runtime_errors: Callable[[BaseException], GoPanic | None] | None = None
        # Go's name for a value's dynamic type (a translation sets it, so that a
        # context's String names main.userKey); None: a class's go_name, or its name
        self.type_names: Callable[[Any], str] | None = None
        self._paused: Goroutine | None = None  # stopped mid-step while op_cost passes
        self._main_goexited = False
        self._muted: tuple[Any, Any] | None = None  # stdout, stderr while a fatal error unwinds
        self.trace = Trace(full=trace)
        self._trace_ints = self.trace.ints
        self._tracing = trace  # every event, for the Perfetto export
        # Go's run queue at GOMAXPROCS=1: the P's runnext slot, its local queue, and
        # the global queue (where runtime.Gosched puts a goroutine).
        self._runnext: Goroutine | None = None
        self._runq: deque[Goroutine] = deque()
        self._globq: deque[Goroutine] = deque()
        # Go's own runnable goroutines at the head of each queue (SYSTEM_RUNNABLE)
        self._sys_runq, self._sys_globq = SYSTEM_RUNNABLE, 0
        self._nrunnable = 0  # of the program's
        # Go's count of schedules when main starts, the phase of the global queue's
        # turn every 61st: go1.27.3's at GOMAXPROCS=1 here, measured (programs that
        # Gosched k times, k from 0 to 54, then interleave their queues as Go's
        # did in most runs)
        self._schedtick = 4
        self._go_order = getattr(self.strategy, "go_order", False)
        self.strategy.attach(self)
        self._runnable = _Runnable(self)
        self._goroutines: dict[int, Goroutine] = {}  # alive, in creation order
        self._count = 0  # program goroutines alive
        self._by_name: dict[str, int] = {}
        self._next_id = 2  # 1 is main's
        self._main: Goroutine | None = None
        self._main_value: Any = None
        self._current: Goroutine | None = None
        self._running = False  # the scheduler loop is on the stack
        self._dispatch_pending = False
        self._in_run = False
        self._halted: str | None = None  # why the program ended for good
        self._error: BaseException | None = None
        self._steps = 0
        self.ops_made = 0  # operations made in this step of a goroutine: see lowlevel
        self._decisions = DecisionLog(record)
        # whether _run has anything to do between operations, and _loop's locals (how
        # it draws a random decision among them): see run()
        self._hooks = True
        self._loop_with: tuple[Any, ...] = ()
        self._livelock_steps = livelock_steps
        self._spin_limit = min(livelock_steps, 100_000)
        self._slice_ops = min(TIME_SLICE, self._spin_limit)
        self._inherited = 0  # steps through runnext since the schedtick last moved
        self._wakeup_limit = max(livelock_steps // 100, 1_000)
        self._instant = -1  # the instant of the last step, and the steps and wake-ups at it
        self._instant_steps = 0
        self._instant_wakeups = 0
        self._idle_waiters: list[Goroutine] = []  # in wait_idle (synctest.Wait)
        self._wake_sleeper = [self._sleep_done]
        self._dispatch_event = Event(self.env)  # at most one dispatch is ever pending
        self._dispatch_event._ok = True
        self._dispatch_event._value = None
        self._dispatch_callbacks: list[Any] = [self._dispatch]
        self._serial = count(1)  # identities of channels, contexts, ...
        self.timer_table = TimerTable()
        self.context_table = ContextTable(keep_cancelled=record)
        self.fds = FDTable(self)
        self._background = Background(self)

    # --- time -------------------------------------------------------------------

    @property
    def now(self) -> int:
        """Simulated time since the start of the run, in nanoseconds."""
        return self.env._now

    @property
    def current(self) -> Goroutine | None:
        """The goroutine on the processor, or None between goroutines (a timer firing,
        the outside world acting)."""
        return self._current

    def touch(self, obj_id: int) -> None:
        """The running goroutine (or callback) operates on the primitive ``obj_id``:
        part of its step's footprint, for a strategy that reduces schedules by
        independence (``dfs``). Every operation of a primitive should touch it."""
        fp = self.footprint
        if fp is not None:
            fp.add(obj_id)

    def new_id(self) -> int:
        """A fresh identity for a primitive (a channel, a context, a lock): 1, 2, ..."""
        i = next(self._serial)
        if self._fresh is not None:
            self._fresh.add(i)
        return i

    # --- goroutines -------------------------------------------------------------

    def go(
        self, fn: Callable[..., Any], *args: Any, name: str | None = None, system: bool = False
    ) -> Goroutine:
        """``go fn(args...)``: start a goroutine; ``name`` is its function name in metrics.

        ``system=True`` marks a goroutine of the world outside the program (a
        daemon, a peer): it runs like any other but is not counted or profiled.
        """
        return self.spawn(fn, args, name, system=system, depth=1)

    def spawn(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...] = (),
        name: str | None = None,
        *,
        system: bool = False,
        depth: int = 1,
        created_at: tuple[Any, ...] | None = None,
    ) -> Goroutine:
        """Create a goroutine running ``fn(*args)``, for primitives that start one
        (``wg.Go``, ``time.AfterFunc``). Its ``go`` statement is the caller
        ``depth`` frames up from the caller of ``spawn``, or ``created_at``: a
        ``(code, line)`` pair or Go's ``(function, file, line)``."""
        gen = fn(*args) if isgeneratorfunction(fn) else _call_later(fn, args)
        if created_at is None:
            caller = sys._getframe(depth + 1)
            created_at = (caller.f_code, caller.f_lineno)
        cur = self._current
        g = Goroutine(
            self._next_id,
            name or str(getattr(fn, "__name__", "func")),
            gen,
            system=system,
            created_in=cur.id if cur is not None else None,
            created_at=created_at,
            now=self.env._now,
        )
        self._next_id += 1
        self._register(g)
        return g

    def _register(self, g: Goroutine) -> None:
        self._goroutines[g.id] = g
        if not g.system:
            self._count += 1
            self._by_name[g.name] = self._by_name.get(g.name, 0) + 1
        self.strategy.on_go(g)
        if self._tracing:
            self.trace.event(self.env._now, g.id, "go", (g.name, g.created_in, g.system))
        self._put_next(g)  # newproc: the new goroutine takes runnext
        if not self._running:
            self._kick()

    def call_later(self, d: int, fn: Callable[..., Any], *args: Any) -> None:
        """The outside world acts ``d`` from now: ``fn(*args)`` runs between goroutines.

        For models of what is not Go code (a daemon writing logs, the kernel):
        ``fn`` must not block; it may send with ``ch.try_send``, close channels
        and so wake goroutines. It is not a goroutine and is never counted.
        """
        self.env.call(_call_out, max(duration_arg("rt.call_later", d), 0), value=(fn, args))

    def wait_idle(self) -> Op:
        """``synctest.Wait()``: yield it; it returns once every other goroutine of the
        program is durably blocked (on a primitive, or asleep on the fake clock),
        before time moves on."""
        return _WAIT_IDLE

    def _wake_idle(self) -> None:
        """The run queue is empty: wake ``wait_idle`` callers if nothing else can run
        at this instant; otherwise look again once what is due now has happened."""
        if self.env.due_now():
            self._schedule_dispatch()
            return
        for g in self._goroutines.values():
            if g.state != _g.WAITING:
                return
            if not g.durable and g.wait_reason not in (_g.SLEEP, _g.SYNCTEST_WAIT):
                return  # the network or the outside world may still act
        waiters, self._idle_waiters = self._idle_waiters, []
        for g in waiters:
            self.ready(g)

    def gosched(self) -> Op:
        """``runtime.Gosched()``: yield the processor; the goroutine stays runnable."""
        self.ops_made += 1
        return _GOSCHED

    def goexit(self) -> Op:
        """``runtime.Goexit()``: yield it. The goroutine's deferred calls (``finally``
        blocks) run, then it ends. In main, the program goes on without main until
        no other goroutine is left: the fatal error ``no goroutines (main called
        runtime.Goexit) - deadlock!``."""
        self.ops_made += 1
        return _GOEXIT

    def sleep(self, d: int) -> Op:
        """``time.Sleep(d)``: block for ``d`` nanoseconds (``d <= 0`` returns at once)."""
        self.ops_made += 1
        return _Sleep(duration_arg("time.Sleep", d))

    # --- the scheduler ----------------------------------------------------------

    def ready(
        self,
        g: Goroutine,
        value: Any = None,
        exc: BaseException | None = None,
        then: Op | None = None,
    ) -> None:
        """Make a parked goroutine runnable: its ``yield`` returns ``value``, or raises
        ``exc`` (a :class:`~simlab.GoPanic` panics in that goroutine).

        With ``then``, the goroutine first performs that operation when it runs
        again, and its ``yield`` returns what ``then`` returns: how ``Cond.Wait``
        locks its mutex again after a signal, as the woken goroutine, not the waker.
        """
        g._value = value
        g._exc = exc
        g._then = then
        g.state = _g.RUNNABLE
        g.blocked_on = ()
        old = self._runnext  # goready: a woken goroutine takes runnext (_put_next, inlined)
        self._runnext = g
        if old is not None:
            if len(self._runq) + self._sys_runq < RUNQ_SIZE:
                self._runq.append(old)
            else:
                self._runq_overflow(old)
        self._nrunnable += 1
        if self._on_ready is not None:
            self._on_ready(g)
        if self._tracing:
            waker = self._current.id if self._current is not None else 0
            self.trace.event(self.env._now, g.id, "ready", waker)
        # _kick, inlined
        if not (self._running or self._dispatch_pending) and self._in_run and self._halted is None:
            self._schedule_dispatch()

    def _livelock(self, steps: int) -> None:
        since = self._instant if self._instant >= 0 else None
        self._halt("livelock", Livelock(steps, self.env._now, self._dump_all(), since=since))

    def _put_next(self, g: Goroutine) -> None:
        """``runqput(pp, g, next=true)``: ``g`` takes the runnext slot, and the goroutine
        it displaces goes to the tail of the local queue."""
        old = self._runnext
        self._runnext = g
        if old is not None:
            if len(self._runq) + self._sys_runq < RUNQ_SIZE:
                self._runq.append(old)
            else:
                self._runq_overflow(old)
        self._nrunnable += 1
        if self._on_ready is not None:
            self._on_ready(g)

    def _runq_overflow(self, g: Goroutine) -> None:
        """``runqputslow``: the local queue is full, so its first half and ``g`` go to
        the tail of the global queue (Go's own goroutines at its head first: at the
        global queue's head too where it is empty, else they count as run now)."""
        runq, globq = self._runq, self._globq
        moved = min(self._sys_runq, RUNQ_SIZE // 2)
        if moved:
            self._sys_runq -= moved
            if globq:
                self._schedtick += moved
            else:
                self._sys_globq += moved
        for _ in range(RUNQ_SIZE // 2 - moved):
            globq.append(runq.popleft())
        globq.append(g)

    def _go_pick(self) -> Goroutine:
        """Take the goroutine Go's ``schedule`` would run next at GOMAXPROCS=1: one
        from the global queue every 61st schedule, else runnext, else the local
        queue's head, else the global queue's.

        runnext inherits the time slice: the schedtick stays. Once ``TIME_SLICE``
        steps have gone through it at one instant, the slice is over: its goroutine
        is preempted as it starts, to the global queue, and the pick goes on (so a
        strategy's option 0, shown as runnext, is then the local queue's head)."""
        self._nrunnable -= 1
        globq = self._globq
        while True:  # once more after each of Go's own goroutines it reaches
            if (globq or self._sys_globq) and self._schedtick % 61 == 0:
                self._schedtick += 1
                self._inherited = 0
                if not self._sys_globq:
                    return globq.popleft()
                self._sys_globq -= 1
                continue
            g = self._runnext
            if g is not None:
                self._runnext = None
                inherited = self._inherited + 1
                if inherited < TIME_SLICE:
                    self._inherited = inherited
                    return g
                globq.append(g)
                if self._tracing:
                    self.trace.event(self.env._now, g.id, "preempted", "time slice")
            self._schedtick += 1
            self._inherited = 0
            if self._sys_runq:  # Go's own goroutine at the local queue's head runs, and parks
                self._sys_runq -= 1
                continue
            if self._runq:
                return self._runq.popleft()
            if self._sys_globq:  # globrunqget's batch starts with Go's own: this one runs
                self._sys_globq -= 1
                batch = min(self._sys_globq, 127)
                self._sys_globq -= batch
                self._sys_runq += batch
                for _ in range(min(len(globq), 127 - batch)):
                    self._runq.append(globq.popleft())
                continue
            g = globq.popleft()
            for _ in range(min(len(globq), 127)):  # globrunqget moves a batch to the local queue
                self._runq.append(globq.popleft())
            return g

    def _locate(self, i: int) -> tuple[deque[Goroutine] | None, int]:
        """Where the ``i``-th runnable goroutine is, in the order :class:`_Runnable`
        shows them: (its queue, its index there), or (None, 0) for runnext."""
        globq = self._globq
        skip = 0
        if globq and self._schedtick % 61 == 0 and not self._sys_globq:
            if i == 0:
                return globq, 0
            i, skip = i - 1, 1
        if self._runnext is not None:
            if i == 0:
                return None, 0
            i -= 1
        if i < len(self._runq):
            return self._runq, i
        return globq, i - len(self._runq) + skip

    def _take(self, i: int) -> Goroutine:
        """Take the ``i``-th runnable goroutine (a strategy's choice) off its queue, in
        the order :meth:`_locate` counts them (inlined: a random run takes one at
        nearly every decision)."""
        globq = self._globq
        self._nrunnable -= 1
        skip = 0
        if self._sys_globq and self._schedtick % 61 == 0:
            self._sys_globq -= 1  # the global queue's turn runs Go's own goroutine first
            self._schedtick += 1
        if globq and self._schedtick % 61 == 0:
            self._schedtick += 1
            if i == 0:
                return globq.popleft()
            i, skip = i - 1, 1
        else:
            self._schedtick += 1
        self._inherited = 0
        g = self._runnext
        if g is not None:
            if i == 0:
                self._runnext = None
                return g
            i -= 1
        runq = self._runq
        if i < len(runq):
            g = runq[i]
            del runq[i]
            return g
        i = i - len(runq) + skip
        g = globq[i]
        del globq[i]
        return g

    def _kick(self) -> None:
        """Someone became runnable while nobody runs, from inside a callback (a timer,
        the outside world): run once that callback has finished and everything due
        at this instant has happened."""
        if self._dispatch_pending or not self._in_run or self._halted is not None:
            return
        self._schedule_dispatch()

    def _schedule_dispatch(self) -> None:
        self._dispatch_pending = True
        ev = self._dispatch_event  # one calendar entry, re-armed: as a sleeper's _Alarm
        ev.callbacks = self._dispatch_callbacks  # SimPy only reads this list
        self.env.schedule_now(ev)

    def _dispatch(self, _event: Event) -> None:
        self._dispatch_pending = False
        paused = self._paused
        if paused is not None:  # its operation's cost has passed: it is next, in Go's order
            self._paused = None
            self._put_next(paused)
        self._loop()

    def _loop(self) -> None:
        """Run goroutines one after another until all are blocked (Go's schedule loop)."""
        env = self.env
        queue, go_pick, run, by_count, decisions, go_order, zeros, record, deviations = (
            self._loop_with
        )
        if env._now != self._instant:
            self._instant, self._instant_steps, self._instant_wakeups = env._now, 0, 0
            self._inherited = 0  # the processor was idle: a new slice
        self._instant_wakeups += 1
        if self._instant_wakeups > self._wakeup_limit:
            self._livelock(self._instant_steps)
            return
        steps, limit = 0, self._livelock_steps - self._instant_steps
        self._running = True
        try:
            while True:
                n = self._nrunnable
                if not n or self._halted is not None:
                    break
                if self._paused is not None:
                    return  # the processor is busy until the paused operation's cost has passed
                if queue and queue[0][0] == env._now and queue[0][1] <= NORMAL:
                    self._schedule_dispatch()  # timers due now join the run queue first
                    return
                steps += 1
                if steps > limit:
                    self._livelock(self._instant_steps + steps - 1)
                    return
                if n == 1:
                    run(go_pick())
                elif go_order:
                    zeros.append(0)  # decisions.append(0), inlined: fifo's hot path
                    if len(zeros) >= FOLD_AT:
                        decisions.fold()
                    run(go_pick())
                elif by_count is not None:  # random's hot path, decisions.append inlined
                    i = by_count(n)
                    if i and record:
                        deviations.append((decisions._folded + len(zeros), i))
                    zeros.append(i)
                    if len(zeros) >= FOLD_AT:
                        decisions.fold()
                    run(self._take(i) if i else go_pick())
                else:
                    i = self.strategy.pick(self._runnable)
                    decisions.append(i)
                    run(self._take(i) if i else go_pick())
        finally:
            self._running = False
            self._instant_steps += steps
        if self._nrunnable or self._halted is not None or self._paused is not None:
            return
        if self._idle_waiters:
            self._wake_idle()
        elif self._main_goexited and not self._count and not self.timer_table.wakes_someone():
            self._halt(
                "deadlock", FatalError("no goroutines (main called runtime.Goexit) - deadlock!")
            )
        elif not self.timer_table.live and self._asleep_forever():  # live: a sleep will end
            self._halt("deadlock", Deadlock(self._dump_all()))

    def choose(self, n: int) -> int:
        """One of ``n`` equally possible outcomes, decided by the strategy and recorded."""
        if n < 2:
            return 0
        i = self.strategy.choose(n)
        self._decisions.append(i)
        return i

    def shuffled(self, items: list[T]) -> list[T]:
        """``items`` in an order the strategy decides, as Go's map iteration would give."""
        rest, out = list(items), []
        while rest:
            out.append(rest.pop(self.choose(len(rest))))
        return out

    def _run(self, g: Goroutine) -> None:
        """Give ``g`` the processor until it blocks, exits or panics (or, under a
        preemptive strategy or an ``op_cost`` clock, until it is stopped before an
        operation it yielded). A run has ``_hooks`` when it records trace events or
        footprints, calls a per-step hook, or has preemption points or an ``op_cost``;
        most have none, and this hottest of paths then skips their tests."""
        self._current = g
        g.state = _g.RUNNING
        self._steps += 1
        now = self.env._now
        ints = self._trace_ints
        ints.append(now)
        ints.append(g.id)
        if len(ints) >= FOLD_AT:
            self.trace.fold()
        hooks = self._hooks
        if hooks:
            if self._tracing:
                self.trace.event(now, g.id, "run")
            if self._footprints:
                between = self.footprint
                if between:  # touched by timers and callbacks since the last step
                    self.strategy.on_footprint(None, frozenset(between))
                self.footprint = set()
                self._fresh = set()
            points = self._preempt is not None or self.op_cost > 0
        else:
            points = False
        gen, value, exc, op = g.gen, g._value, g._exc, g._then
        self.ops_made = 0
        ops, limit = 0, self._slice_ops  # operations that completed without blocking
        try:
            while True:
                if op is None:
                    if exc is None:
                        op = gen.send(value)
                    else:
                        op, exc = gen.throw(exc), None
                    if self.ops_made:
                        if self.ops_made > 1:
                            raise UnyieldedOperation(_unyielded(g, "before this yield"))
                        self.ops_made = 0
                    if points and self._stop_before(g, op):
                        break
                else:  # ready(then=op): finish the operation the goroutine yielded
                    g._then = None
                try:
                    # a method call, not `start = op.start`: Python 3.11 makes a bound
                    # method for that at every operation (op's type varies too much)
                    value = op.start(self, g)
                except (GoPanic, Goexit) as panic:
                    exc = panic  # the panic happens at the yield, inside the goroutine
                    op = None
                    continue
                except AttributeError as err:
                    if not hasattr(op, "start"):
                        raise TypeError(_bad_yield(g, op)) from None
                    # from inside the operation: a translation's nil (a Cond's nil L)
                    # is Go's panic at the yield, any other a crash
                    exc = self._as_panic(err)
                    op = None
                    continue
                op = None
                if value is PARK or self._halted is not None:
                    if hooks and self._tracing and g.state == _g.WAITING:
                        self.trace.event(self.env._now, g.id, "block", g.wait_reason)
                    break
                ops += 1
                if ops > limit:
                    limit = self._slice_spent(g, ops, value)
                    if not limit:
                        break
        except StopIteration as stop:
            if self.ops_made:
                self._crash(g, UnyieldedOperation(_unyielded(g, "before it returned")))
            else:
                self._exit(g, stop.value)
        except Goexit:
            self._exit(g, None, goexit=True)
        except BaseException as err:
            self._unmute()
            self._crash(g, err)
        finally:
            self._current = None
            if self._muted is not None:
                self._unmute()
        if hooks:
            if self._on_step is not None:
                self._on_step(g, self._steps)
            if self._footprints:
                # A primitive the step made cannot have been touched by a step that
                # ran before it, and a step after it reaches it only through what the
                # step published it by (a channel, a lock: in both footprints) or as
                # a goroutine it started. Its id is also the run's n-th, which in
                # another order names another primitive: kept, it would make the
                # first steps of a thousand goroutines that each make their own
                # channels all look dependent.
                fp, self.footprint = self.footprint, set()
                self.strategy.on_footprint(g, frozenset(fp or ()) - (self._fresh or set()))

    def _slice_spent(self, g: Goroutine, ops: int, value: Any) -> int:
        """``g`` has completed ``ops`` operations in a row without blocking, the last
        returning ``value``. With another goroutine runnable its time slice is over:
        it goes to the global queue (Go's ``gopreempt_m``), its operations counted as
        steps against the livelock guard of this instant. Alone it goes on, since
        only a timer could wake anyone and time stands still while it runs, until
        the spin limit ends the run as a livelock. Returns the count of operations
        at which to ask again, or 0 when ``g`` is off the processor."""
        if ops > self._spin_limit:  # a goroutine that never blocks, time standing still
            self._livelock(ops - 1)
            return 0
        if not self._nrunnable:
            return min(ops + 1_000, self._spin_limit)
        self._instant_steps += ops
        if self._instant_steps > self._livelock_steps:
            self._livelock(self._instant_steps)
            return 0
        g._value, g._exc, g._then = value, None, None
        self._preempted(g, self._globq, "time slice")
        return 0

    def _preempted(self, g: Goroutine, queue: deque[Goroutine], why: str) -> None:
        """``g``, stopped while it could go on, joins ``queue`` as runnable."""
        g.state = _g.RUNNABLE
        if queue is self._runq and len(queue) + self._sys_runq >= RUNQ_SIZE:
            self._runq_overflow(g)
        else:
            queue.append(g)
        self._nrunnable += 1
        if self._on_ready is not None:
            self._on_ready(g)
        if self._tracing:
            self.trace.event(self.env._now, g.id, "preempted", why)

    def _stop_before(self, g: Goroutine, op: Any) -> bool:
        """A preemption point, before ``g`` starts the operation it yielded: let
        ``op_cost`` pass, and let a preemptive strategy switch. True if ``g`` has
        been taken off the processor (it resumes with ``op`` when it runs again)."""
        if not hasattr(op, "start"):
            return False  # the bad yield is reported where it is started
        cost = self.op_cost
        if cost:
            env = self.env
            due = env._now + cost
            queue = env._queue
            if queue and queue[0][0] <= due:  # something happens meanwhile: let it
                g._then, g._value, g._exc = op, None, None
                g.state = _g.RUNNABLE
                self._paused = g
                self._dispatch_pending = True
                env.call(self._dispatch, cost)
                if self._tracing:
                    self.trace.event(env._now, g.id, "preempted", "op_cost")
                return True
            env._now = due  # nothing is due before then: the clock just moves on
        preempt = self._preempt
        if preempt is None or not self._nrunnable:
            return False
        if not preempt(g, self._runnable):
            zeros = self._decisions.buf  # decisions.append(0), inlined: at every operation
            zeros.append(0)
            if len(zeros) >= FOLD_AT:
                self._decisions.fold()
            return False
        self._decisions.append(1)
        g._then, g._value, g._exc = op, None, None
        self._preempted(g, self._runq, "strategy")
        return True

    def _exit(self, g: Goroutine, value: Any, goexit: bool = False) -> None:
        g.state = _g.DEAD
        g._waiter = g._waiters = None  # in no queue: let them go now, not at a collection
        del self._goroutines[g.id]
        if not g.system:
            self._count -= 1
            left = self._by_name[g.name] - 1
            if left:
                self._by_name[g.name] = left
            else:
                del self._by_name[g.name]
        if self._tracing:
            self.trace.event(self.env._now, g.id, "exit")
        if g is self._main:
            if goexit:
                self._main_goexited = True  # the others go on: see _loop's end
                return
            self._main_value = value
            self._halt("main returned")

    def _as_panic(self, err: AttributeError) -> GoPanic:
        """The Go panic a Python error raised inside an operation stands for
        (``runtime_errors``); ``err`` itself, re-raised, where none does."""
        panic = self.runtime_errors(err) if self.runtime_errors is not None else None
        if panic is None:
            raise err
        return panic.with_traceback(err.__traceback__)

    def _crash(self, g: Goroutine, err: BaseException) -> None:
        if self.runtime_errors is not None and not isinstance(err, GoPanic | FatalError):
            panic = self.runtime_errors(err)  # a nil dereference of a translated program
            if panic is not None:
                err = panic.with_traceback(err.__traceback__)
        if isinstance(err, GoPanic) and err.unprintable is not None:
            err = FatalError(f"panic while printing panic value: {err.unprintable}")
        if isinstance(err, GoPanic):
            earlier = err.__context__
            if isinstance(earlier, GoPanic) and not err.__suppress_context__ and not err.repanicked:
                # raised by a deferred call while earlier unwound: Go prints both, as
                # a translation's panic() chains them where it is raised
                chain = f"{earlier.message}{earlier.chain_mark}\n\tpanic: "
                if not err.message.startswith(chain):
                    err.message = chain + err.message
            err.goroutine = f"{g.id} [{g.name}]"
            err.dump = panic_dump(g, self.env._now, err)
        elif isinstance(err, FatalError):
            err.dump = err.dump or traceback_dump(self, first=g, running=True)
        elif isinstance(err, KeyboardInterrupt | SystemExit):
            raise err
        else:
            err.add_note(f"(in goroutine {g.id} [{g.name}] at t={self.env._now}ns)")
        self._halt("panic", err)

    def fatal(self, message: str, *, above: Sequence[Frame] = ()) -> None:
        """A Go fatal error (``fatal error: ...``): the run ends; no recover, no defers.

        Go prints the failing goroutine only, ``above`` (the library's frames that
        found the error, innermost first) over the program's. Raised inside a
        goroutine, the error unwinds its Python frames, whose ``finally`` blocks
        (its defers) run on the way: their output is discarded until the runtime has
        caught the error.
        """
        g = self._current
        if self.gotraceback == "all":
            dump = traceback_dump(self, first=g, running=True, above=above)
        else:
            dump = format_goroutine(g, self.env._now, True, above=above) if g is not None else ""
        err = FatalError(message, dump)
        self._halt("fatal error", err)
        if g is not None and self._muted is None:
            self._muted = (sys.stdout, sys.stderr)
            sys.stdout = sys.stderr = _Discard()
        raise err

    def _unmute(self) -> None:
        if self._muted is not None:
            sys.stdout, sys.stderr = self._muted
            self._muted = None

    def __del__(self) -> None:
        """The program is gone: drop its goroutines as Go's exit drops them.

        Python closes a suspended generator when it is collected, and its
        ``finally`` blocks (the goroutine's defers) run then, whenever that is; a
        Go program's goroutines never run their defers once the program has
        ended. So close them here, first, with their output discarded.
        """
        if getattr(self, "_goroutines", None):  # not when __init__ failed
            self._halted = self._halted or "collected"
            self.drop_goroutines()

    def drop_goroutines(self) -> None:
        """For a program that is over: close the goroutines now, their output
        discarded. What their ``finally`` blocks do takes no decision from the
        strategy: a strategy may serve many runs (dfs), and a run left behind
        (abandoned by the sleep sets, or collected at some later moment) must not
        change the decisions of the run in progress."""
        goroutines = getattr(self, "_goroutines", None)
        _ENDED.discard(self)
        if not goroutines:
            return
        self.strategy = _DROPPED  # fifo answers whatever they still ask
        self._on_step = self._preempt = self._on_ready = None
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = _Discard()
        try:
            for g in list(goroutines.values()):
                gen = g.gen
                if getattr(gen, "gi_running", False):
                    continue
                with contextlib.suppress(BaseException):
                    gen.close()
        finally:
            sys.stdout, sys.stderr = saved

    def _halt(self, reason: str, error: BaseException | None = None) -> None:
        """End the program for good (main returned, panic, fatal error, deadlock)."""
        if self._halted is not None:
            return
        self._halted = reason
        self._error = error
        self.env.call(StopSimulation.callback, priority=URGENT, value=reason)

    def _asleep_forever(self) -> bool:
        """Nothing runnable, no timer that will wake anyone: Go's checkdead condition.

        A wait that is not durable (the network poller, a sleep) or a primitive with
        a wake source (an armed timer's channel, the outside world's signal) can
        always end: Go never declares such a program dead.
        """
        if self.timer_table.wakes_someone():
            return False
        return all(not g.wake_sources() for g in self._goroutines.values())

    def _sleep_done(self, alarm: _Alarm) -> None:
        """A sleep ended. Nothing else happens in this callback, so the goroutine may
        run at once if nothing else is due at this instant."""
        self.timer_table.live -= 1
        g = alarm.g
        g.state = _g.RUNNABLE
        g._value = g._exc = g._then = None
        self._put_next(g)
        if self._tracing:
            self.trace.event(self.env._now, g.id, "ready", 0)
        if self._running or self._dispatch_pending or not self._in_run or self._halted:
            return
        if self.env.due_now():
            self._schedule_dispatch()
        else:
            self._loop()

    # --- running ----------------------------------------------------------------

    def run(
        self, main: Callable[..., Any] | None = None, *args: Any, until: int | None = None
    ) -> RunResult:
        """Run ``main(rt, *args)`` as goroutine 1 until it returns or time reaches ``until``.

        Raises :class:`~simlab.GoPanic` if a goroutine panics, :class:`~simlab.Deadlock`
        if every goroutine blocks for good, :class:`~simlab.FatalError` on a fatal
        error. After ``reason == "until"``, ``run(until=later)`` continues the program.
        """
        if self._halted is not None:
            raise SimlabError(f"this program has ended ({self._halted}); make a new Runtime")
        if main is not None:
            if self._main is not None:
                raise SimlabError("main is already running; call run(until=...) to continue")
            self._main = self._start_main(main, args)
        elif self._main is None:
            raise SimlabError("the first run() needs main: rt.run(main, until=...)")
        env = self.env
        stop = None
        if until is not None:
            if until < env._now:
                raise SimlabError(f"until={until}ns is before now ({env._now}ns)")
            stop = env.call(None, until - env._now, LATE, "until")
        # what _loop runs with, bound at every run, not in __init__: a strategy may be
        # bound again between runs
        self._hooks = bool(
            self._tracing
            or self._footprints
            or self._on_step is not None
            or self._preempt is not None
            or self.op_cost > 0
        )
        decisions = self._decisions
        self._loop_with = (  # _loop's locals, bound here once: it runs at every wake-up
            env._queue,
            self._go_pick,
            self._run,
            None if self._go_order else self.strategy._pick_by_count(),
            decisions,
            self._go_order,
            decisions.buf,
            decisions.record,
            decisions.deviations,
        )
        self._in_run = True
        try:
            if self._nrunnable and not self._dispatch_pending:
                self._schedule_dispatch()
            reason = env.run(until=stop)
        finally:
            self._in_run = False
        if reason is None and self._error is None:  # the calendar ran dry, main blocked
            self._halt("deadlock", Deadlock(self._dump_all()))
        if self._halted is not None:
            self._over()
        if self._error is not None:
            raise self._error
        return RunResult(now=env._now, reason=reason, value=self._main_value)

    def _over(self) -> None:
        """The program has ended: until :meth:`drop_goroutines` closes the goroutines
        left, a garbage collection that finalizes one of them first (Python's order
        among the objects of a cycle is its own) runs its ``finally`` blocks with
        their output discarded."""
        if self._goroutines:
            _ENDED.add(self)

    def _start_main(self, main: Callable[..., Any], args: tuple[Any, ...]) -> Goroutine:
        args = (self, *args)
        gen = main(*args) if isgeneratorfunction(main) else _call_later(main, args)
        g = Goroutine(
            1, "main", gen, system=False, created_in=None, created_at=None, now=self.env._now
        )
        self._register(g)
        return g

    @property
    def halted(self) -> str | None:
        """Why the program ended for good, or None while it can still run."""
        return self._halted

    # --- randomness -------------------------------------------------------------

    def rng(self, stream: str, *key: int) -> np.random.Generator:
        """A numpy Generator of the run's ``"workload"`` or ``"faults"`` stream, keyed."""
        if stream not in ("workload", "faults"):
            raise ValueError(f"models draw from 'workload' or 'faults', not {stream!r}")
        return generator(self.seed, stream, *key)

    # --- primitives -------------------------------------------------------------

    def chan(self, cap: int = 0, *, name: str | None = None, external: bool = False) -> Chan:
        """``make(chan T, cap)``; ``rt.chan()`` is unbuffered.

        ``external=True`` marks a channel the outside world operates (a signal
        channel, a socket's readiness): leak oracles count it as always live.
        """
        return Chan(self, cap, name, external)

    def waitgroup(self) -> WaitGroup:
        """A ``sync.WaitGroup``."""
        return WaitGroup(self)

    def mutex(self) -> Mutex:
        """A ``sync.Mutex``."""
        return Mutex(self)

    def rwmutex(self) -> RWMutex:
        """A ``sync.RWMutex``."""
        return RWMutex(self)

    def cond(self, locker: Locker) -> Cond:
        """``sync.NewCond(locker)``: ``locker`` is a Mutex, a RWMutex or ``rw.rlocker()``."""
        return Cond(self, locker)

    def once(self) -> Once:
        """A ``sync.Once``."""
        return Once(self)

    def atomic_int32(self, value: int = 0) -> atomic.Int32:
        """``var x atomic.Int32`` (``value`` to start from); every access is yielded."""
        return atomic.Int32(self, value)

    def atomic_int64(self, value: int = 0) -> atomic.Int64:
        """``var x atomic.Int64``."""
        return atomic.Int64(self, value)

    def atomic_uint32(self, value: int = 0) -> atomic.Uint32:
        """``var x atomic.Uint32``."""
        return atomic.Uint32(self, value)

    def atomic_uint64(self, value: int = 0) -> atomic.Uint64:
        """``var x atomic.Uint64``."""
        return atomic.Uint64(self, value)

    def atomic_bool(self, value: bool = False) -> atomic.Bool:
        """``var b atomic.Bool``."""
        return atomic.Bool(self, value)

    def atomic_pointer(self, value: Any = None) -> atomic.Pointer[Any]:
        """``var p atomic.Pointer[T]``."""
        return atomic.Pointer(self, value)

    def atomic_value(self) -> atomic.Value:
        """``var v atomic.Value``."""
        return atomic.Value(self)

    def sync_map(self) -> Map:
        """``var m sync.Map``: every access is yielded, ``yield from m.range(f)``."""
        return Map(self)

    def after(self, d: int) -> Chan:
        """``time.After(d)``: a channel that receives the time once ``d`` has passed."""
        return Timer(self, duration_arg("time.After", d)).c

    def timer(self, d: int) -> Timer:
        """``time.NewTimer(d)``."""
        return Timer(self, duration_arg("time.NewTimer", d))

    def ticker(self, d: int) -> Ticker:
        """``time.NewTicker(d)``."""
        return Ticker(self, duration_arg("time.NewTicker", d))

    def after_func(
        self, d: int, f: Callable[..., Any], *args: Any, name: str | None = None
    ) -> FuncTimer:
        """``time.AfterFunc(d, f)``: run ``f`` in its own goroutine once ``d`` has passed."""
        duration_arg("time.AfterFunc", d)
        return FuncTimer(self, d, f, args, name)

    def todo(self) -> Context:
        """``context.TODO()``: a Background context, printed ``context.TODO``."""
        return todo(self)

    def background(self) -> Context:
        """``context.Background()``."""
        return self._background

    # --- observation ------------------------------------------------------------

    def num_goroutine(self) -> int:
        """``runtime.NumGoroutine()``: the program's live goroutines, main included."""
        return self._count

    def num_goroutine_by_name(self) -> dict[str, int]:
        """Live program goroutines per function name, names sorted."""
        return dict(sorted(self._by_name.items()))

    def goroutines(self, *, system: bool = False) -> list[Goroutine]:
        """The live goroutines by id; ``system=True`` includes the outside world's."""
        return [g for g in self._goroutines.values() if system or not g.system]

    def open_fds(self) -> int:
        """File descriptors the program holds open."""
        return len(self.fds)

    def live_contexts(self) -> int:
        """Cancellable contexts whose cancellation has not happened yet."""
        return self.context_table.live()

    def pending_timers(self) -> int:
        """Timers, tickers and AfterFuncs armed and not yet fired or stopped: the runtime's
        timer heap before Go 1.23, which kept a timer until it fired even if nothing
        referenced its channel any more."""
        return len(self.timer_table)

    def contexts(self) -> list[CancelCtx]:
        """Every cancellable context the program made, cancelled or not, oldest first."""
        return self.context_table.all()

    def goroutine_profile(self, debug: int = 1) -> str:
        """The pprof goroutine profile as text: ``debug=1`` grouped, ``debug=2`` every stack."""
        return goroutine_profile(self, debug)

    def _dump_all(self) -> str:
        return traceback_dump(self)

    def schedule(self) -> Schedule:
        """The decisions this run has taken so far, replayable with ``strategy="replay:..."``."""
        if not self._decisions.record:
            raise SimlabError("this run did not record its schedule: Runtime(record=True)")
        return Schedule(tuple(self._decisions.deviations), self._preempt is not None)

    def decisions(self) -> int:
        """How many decisions (two or more options) this run has taken."""
        return len(self._decisions)

    def trace_digest(self) -> str:
        """sha256 of the scheduling trace: the same for the same seed, strategy and program."""
        return self.trace.digest(self._decisions)


def duration_arg(func: str, d: Any) -> int:
    """``d`` if it is a ``time.Duration`` (an int of nanoseconds); else a TypeError in
    Go's terms, naming what to write instead."""
    if type(d) is int:
        return d
    if isinstance(d, str):
        hint = f"sl.parse_duration({d!r})"
    elif isinstance(d, float):
        hint = f"int({d!r}) or a product of ints such as 3 * sl.Second // 2"
    else:
        hint = "5 * sl.Second"
    raise TypeError(
        f"{func} takes a time.Duration, an int of nanoseconds, not {type(d).__name__} "
        f"{d!r}: write {hint}"
    )


def _unyielded(g: Goroutine, when: str) -> str:
    from .frames import delegate, frame_of

    gen: Any = g.gen  # the innermost frame of the goroutine's suspended chain
    where = ""
    while gen is not None and getattr(gen, "gi_frame", None) is not None:
        f = frame_of(gen.gi_frame.f_code, gen.gi_frame.f_lineno)
        where = f" in {f.func} at {f.file}:{f.line}"
        gen = delegate(gen)
    return (
        f"goroutine {g.id} [{g.name}] made an operation (ch.send, ch.recv, mu.lock, "
        f"wg.wait, rt.sleep, ...) and never yielded it{where}, {when}: write "
        "`yield ch.send(v)`, not `ch.send(v)` (a blocking helper: `yield from helper()`)"
    )


def _bad_yield(g: Goroutine, op: Any) -> str:
    if isgenerator(op):
        return (
            f"goroutine {g.id} [{g.name}] yielded a generator: call a blocking helper "
            "with `yield from helper(...)`, not `yield helper(...)`"
        )
    return (
        f"goroutine {g.id} [{g.name}] yielded {op!r}: yield a simlab operation "
        "(ch.send(v), ch.recv(), sl.select(...), rt.sleep(d), wg.wait(), mu.lock())"
    )
