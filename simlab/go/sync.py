"""``sync.WaitGroup`` and ``sync.Mutex``.

WaitGroup: ``add(n)`` moves a counter; ``wait`` blocks until it is zero and
returns at once if it already is; a negative counter panics with
``sync: negative WaitGroup counter``.

Mutex: ``lock`` takes it or queues; ``unlock`` hands it directly to the longest
waiter (FIFO hand-off: Go's starvation mode, the fair case); unlocking an
unlocked mutex is a fatal error, which no ``recover`` can catch.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from inspect import isgenerator
from typing import TYPE_CHECKING, Any

from ..errors import GoPanic
from . import goroutine as _g
from .goroutine import Goroutine, Op
from .waitqueue import WaitQueue

if TYPE_CHECKING:
    from .runtime import Runtime


class _Wait(Op):
    __slots__ = ("wg",)

    def __init__(self, wg: WaitGroup):
        self.wg = wg

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        wg = self.wg
        if wg.count == 0:
            return None
        return wg._waiters.park(g)


class WaitGroup:
    """A ``sync.WaitGroup``: ``add``, ``done``, and ``yield wg.wait()``."""

    __slots__ = ("_rt", "_wait", "_waiters", "count", "id")

    def __init__(self, rt: Runtime) -> None:
        self._rt = rt
        self.count = 0
        self._waiters = WaitQueue(rt, self, _g.WAITGROUP_WAIT)
        self._wait = _Wait(self)
        self.id = rt.new_id()

    def add(self, delta: int) -> None:
        """``wg.Add(delta)``."""
        count = self.count + delta
        if count < 0:
            raise GoPanic("sync: negative WaitGroup counter")
        self.count = count
        if count == 0 and self._waiters:
            self._waiters.wake_all()

    def done(self) -> None:
        """``wg.Done()``."""
        self.add(-1)

    def wait(self) -> Op:
        """``wg.Wait()``: yield it."""
        return self._wait

    def go(self, fn: Callable[..., Any], *args: Any, name: str | None = None) -> Goroutine:
        """``wg.Go(f)`` (Go 1.25): ``Add(1)``, then ``go`` f with ``Done`` deferred."""
        self.add(1)

        def tracked() -> Generator[Any, Any, None]:
            try:
                result = fn(*args)
                if isgenerator(result):
                    yield from result
            finally:
                self.done()

        return self._rt.spawn(tracked, (), name or getattr(fn, "__name__", "func"), depth=1)

    def label(self) -> str:
        return f"WaitGroup#{self.id}"

    def __repr__(self) -> str:
        return f"<WaitGroup #{self.id} count={self.count} waiters={len(self._waiters)}>"


class _Lock(Op):
    __slots__ = ("mu",)

    def __init__(self, mu: Mutex):
        self.mu = mu

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        mu = self.mu
        if not mu.locked:
            mu.locked = True
            return None
        return mu._waiters.park(g)


class Mutex:
    """A ``sync.Mutex``: ``yield mu.lock()``, ``mu.unlock()``."""

    __slots__ = ("_lock", "_rt", "_waiters", "id", "locked")

    def __init__(self, rt: Runtime) -> None:
        self._rt = rt
        self.locked = False
        self._waiters = WaitQueue(rt, self, _g.MUTEX_LOCK)
        self._lock = _Lock(self)
        self.id = rt.new_id()

    def lock(self) -> Op:
        """``mu.Lock()``: yield it."""
        return self._lock

    def try_lock(self) -> bool:
        """``mu.TryLock()``."""
        if self.locked:
            return False
        self.locked = True
        return True

    def unlock(self) -> None:
        """``mu.Unlock()``: the longest waiter, if any, now holds the mutex."""
        if not self.locked:
            self._rt.fatal("sync: unlock of unlocked mutex")
        if not self._waiters.wake():
            self.locked = False

    def label(self) -> str:
        return f"Mutex#{self.id}"

    def __repr__(self) -> str:
        state = "locked" if self.locked else "unlocked"
        return f"<Mutex #{self.id} {state} waiters={len(self._waiters)}>"
