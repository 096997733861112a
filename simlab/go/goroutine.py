"""A goroutine, and the protocol of the operations it yields.

A goroutine is a Python generator. Everything that can block in Go is an
:class:`Op` that the goroutine yields; the scheduler starts the operation, and
either hands its result straight back (the operation did not block, the goroutine
keeps the processor) or parks the goroutine until another goroutine or a timer
makes it runnable again. Between two yields a goroutine runs alone
(GOMAXPROCS=1), so the only interleavings are at those yields.

A parked goroutine records Go's wait reason, the objects it waits on, and whether
the wait is *durable*: whether only another goroutine of the program can end it
(a channel, a lock) or something else will (time, the network). The leak oracles
and the deadlock detector read nothing else, so a new primitive that parks through
this protocol is understood by them without any change to their code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Generator

    from .chan import Waiter
    from .runtime import Runtime

# Goroutine states, with Go's words for them.
RUNNABLE = "runnable"
RUNNING = "running"
WAITING = "waiting"
DEAD = "dead"

# Go's wait reasons (runtime2.go), as the goroutine profile prints them.
CHAN_SEND = "chan send"
CHAN_RECEIVE = "chan receive"
CHAN_SEND_NIL = "chan send (nil chan)"
CHAN_RECEIVE_NIL = "chan receive (nil chan)"
SELECT = "select"
SELECT_NO_CASES = "select (no cases)"
WAITGROUP_WAIT = "sync.WaitGroup.Wait"
MUTEX_LOCK = "sync.Mutex.Lock"
RWMUTEX_RLOCK = "sync.RWMutex.RLock"  # a reader behind a writer
RWMUTEX_LOCK = "sync.RWMutex.Lock"  # a writer waiting for the readers to leave
COND_WAIT = "sync.Cond.Wait"
SLEEP = "sleep"
IO_WAIT = "IO wait"
SYNCTEST_WAIT = "synctest.Wait"


class _Park:
    """The answer of an operation that blocked: the goroutine gives up the processor."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "PARK"


PARK = _Park()


class Op:
    """An operation a goroutine yields: it may complete at once or block.

    :meth:`start` runs with the goroutine ``g`` on the processor. It returns the
    value of the ``yield`` expression, or :data:`PARK` after parking ``g``
    (:meth:`Goroutine.park`) and arranging for somebody to call
    ``rt.ready(g, value)`` later. Raising :class:`~simlab.GoPanic` panics in ``g``
    at its ``yield``.
    """

    __slots__ = ()

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        raise NotImplementedError


class Case(Op):
    """An operation that can also be a case of a ``select``.

    ``ch`` is the object a goroutine waits on through this case (None for the nil
    channel: never ready, waits nowhere), ``queue`` the FIFO its waiter joins
    while the select blocks, ``value`` what a send case carries. :meth:`ready`
    says whether the case could complete now; :meth:`commit` completes it and
    returns ``(value, ok)``.
    """

    __slots__ = ()
    ch: Any = None
    queue: Any = None
    value: Any = None

    def ready(self) -> bool:
        raise NotImplementedError

    def commit(self) -> tuple[Any, bool]:
        raise NotImplementedError


class Goroutine:
    """One goroutine: its identity, where it was created, and what it waits for.

    ``id`` is 1 for main, then in creation order. ``name`` is its function's
    name as counted in metrics (``reader``, ``heartbeat``); ``system``
    goroutines belong to the world outside the program (a Docker daemon, the
    kernel) and are not counted by ``NumGoroutine`` or shown in profiles.
    """

    __slots__ = (
        "_alarm",
        "_exc",
        "_then",
        "_value",
        "_waiter",
        "_waiters",
        "blocked_on",
        "created_at",
        "created_in",
        "durable",
        "gen",
        "id",
        "name",
        "priority",
        "started",
        "state",
        "system",
        "wait_reason",
        "waiting_since",
    )

    def __init__(
        self,
        gid: int,
        name: str,
        gen: Generator[Any, Any, Any],
        *,
        system: bool,
        created_in: int | None,
        created_at: tuple[Any, ...] | None,
        now: int,
    ):
        self.id = gid
        self.name = name
        self.system = system
        self.created_in = created_in  # id of the goroutine whose `go` statement made this one
        # (code, line) of that `go` statement, or Go's (function, file, line) for one
        # inside the standard library (time.AfterFunc's goFunc)
        self.created_at = created_at
        self.started = now
        self.state = RUNNABLE
        self.wait_reason = ""
        self.waiting_since = now
        self.blocked_on: Any = ()  # what a parked goroutine waits on: see waiting_on()
        self.durable = False  # parked where only another goroutine can wake it
        self.gen = gen  # the goroutine's body; its frames are the goroutine's stack
        self.priority = 0.0  # scratch space of priority-based strategies (PCT)
        self._value: Any = None
        self._exc: BaseException | None = None
        self._then: Op | None = None
        self._alarm: Any = None  # the calendar entry of its sleeps, made at the first
        # The waiter (sudog) of the channel operations it blocks in, and the two of the
        # two-case selects, made at the first: a goroutine waits in one place at a
        # time, and its waiter is in no queue any more once it has been woken.
        self._waiter: Waiter | None = None
        self._waiters: tuple[list[Waiter], Waiter, Waiter] | None = None

    def park(self, reason: str, now: int, blocked_on: Any = (), *, durable: bool = True) -> Any:
        """Record that this goroutine is blocked, why (Go's wait reason) and on what,
        and return :data:`PARK` for the operation to hand back to the scheduler.

        ``blocked_on`` is the primitive waited on (a channel, a WaitGroup, a lock),
        an object with a ``primitives()`` method (a ``select``), or ``()`` for
        nothing at all (the nil channel). ``durable=False`` says that something
        other than a goroutine ends this wait (a sleep's timer, the network).
        Each object waited on may have a ``wake_source()`` method naming what, besides
        a goroutine, can make it ready (an armed timer, the outside world).
        """
        self.state = WAITING
        self.wait_reason = reason
        self.waiting_since = now
        self.blocked_on = blocked_on
        self.durable = durable
        return PARK

    def waiting_on(self) -> tuple[Any, ...]:
        """The primitives a parked goroutine waits on (empty if none: sleep, nil channel)."""
        b = self.blocked_on
        if isinstance(b, tuple):
            return b
        primitives = getattr(b, "primitives", None)
        return primitives() if primitives is not None else (b,)

    def wake_sources(self) -> list[str]:
        """What besides another goroutine could end this goroutine's wait (empty if
        nothing: then it is durably blocked)."""
        if self.state != WAITING:
            return [self.state]
        if not self.durable:
            return [self.wait_reason]
        sources = []
        for p in self.waiting_on():
            source = getattr(p, "wake_source", None)
            said = source() if source is not None else None
            if said:
                sources.append(said)
        return sources

    @property
    def alive(self) -> bool:
        """False once the goroutine has returned (or the program ended with it)."""
        return self.state != DEAD

    def status(self) -> str:
        """Go's status word: the wait reason of a blocked goroutine, else its state."""
        return self.wait_reason if self.state == WAITING else self.state

    def __repr__(self) -> str:
        return f"<goroutine {self.id} {self.name} [{self.status()}]>"
