"""A goroutine, and the protocol of the operations it yields.

A goroutine is a Python generator. Everything that can block in Go is an
:class:`Op` that the goroutine yields; the scheduler starts the operation, and
either hands its result straight back (the operation did not block, the goroutine
keeps the processor) or parks the goroutine until another goroutine or a timer
makes it runnable again. Between two yields a goroutine runs alone
(GOMAXPROCS=1), so the only interleavings are at those yields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Generator
    from types import CodeType

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
SLEEP = "sleep"
IO_WAIT = "IO wait"


class _Park:
    """The answer of an operation that blocked: the goroutine gives up the processor."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "PARK"


PARK = _Park()


class Op:
    """An operation a goroutine yields: it may complete at once or block.

    ``_start`` runs with the goroutine ``g`` on the processor. It returns the
    value of the ``yield`` expression, or :data:`PARK` after arranging for
    somebody to call ``rt._ready(g, value)`` later.
    """

    __slots__ = ()

    def _start(self, rt: Runtime, g: Goroutine) -> Any:
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
        "_gen",
        "_prio",
        "_value",
        "blocked_on",
        "created_at",
        "created_in",
        "id",
        "name",
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
        gen: Generator,
        *,
        system: bool,
        created_in: int | None,
        created_at: tuple[CodeType, int] | None,
        now: int,
    ):
        self.id = gid
        self.name = name
        self.system = system
        self.created_in = created_in  # id of the goroutine whose `go` statement made this one
        self.created_at = created_at  # (code, line) of that `go` statement
        self.started = now
        self.state = RUNNABLE
        self.wait_reason = ""
        self.waiting_since = now
        self.blocked_on: Any = ()  # what a parked goroutine waits on: see waiting_on()
        self._gen = gen
        self._value: Any = None
        self._exc: BaseException | None = None
        self._prio = 0.0  # used by priority-based strategies (PCT)
        self._alarm = None  # the calendar entry of its sleeps, made at the first

    def park(self, reason: str, now: int, blocked_on: Any = ()) -> None:
        """Record that this goroutine is blocked, why (Go's wait reason) and on what:
        a channel, a WaitGroup, a Mutex, or a ``select`` over several channels."""
        self.state = WAITING
        self.wait_reason = reason
        self.waiting_since = now
        self.blocked_on = blocked_on

    def waiting_on(self) -> tuple:
        """The primitives a parked goroutine waits on (empty if none: sleep, nil channel)."""
        b = self.blocked_on
        if isinstance(b, tuple):
            return b
        primitives = getattr(b, "primitives", None)
        return primitives() if primitives is not None else (b,)

    @property
    def alive(self) -> bool:
        return self.state != DEAD

    def status(self) -> str:
        """Go's status word: the wait reason of a blocked goroutine, else its state."""
        return self.wait_reason if self.state == WAITING else self.state

    def __repr__(self) -> str:
        return f"<goroutine {self.id} {self.name} [{self.status()}]>"
