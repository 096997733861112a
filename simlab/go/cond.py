"""``sync.Cond``: a notify list of waiting goroutines and a Locker ``L``.

``yield c.wait()`` puts the goroutine on the notify list, unlocks ``L`` and parks
(``sync.Cond.Wait``). ``c.signal()`` readies the goroutine that has waited
longest, ``c.broadcast()`` every waiter, oldest first (Go's ``notifyList``). A
woken goroutine locks ``L`` again *as itself* when it next runs (``rt.ready(g,
then=L.lock())``), so it may then wait for the lock (``sync.Mutex.Lock``) like
any other goroutine; its ``yield c.wait()`` returns once it holds ``L``. A Signal
or Broadcast with nobody waiting does nothing: it is not remembered.

``L`` is anything with a ``lock()`` that returns an operation to yield and an
``unlock()``: a ``Mutex``, a ``RWMutex``, or ``rw.rlocker()``. ``Wait`` without
holding ``L`` unlocks an unlocked mutex, which is Go's fatal error.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any, Protocol

from . import goroutine as _g
from .goroutine import Goroutine, Op

if TYPE_CHECKING:
    from .runtime import Runtime


class Locker(Protocol):
    """Go's ``sync.Locker``: ``yield l.lock()`` and ``l.unlock()``."""

    def lock(self) -> Op: ...

    def unlock(self) -> None: ...


class _Wait(Op):
    __slots__ = ("c",)

    def __init__(self, c: Cond):
        self.c = c

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        c = self.c
        if (fp := rt.footprint) is not None:
            fp.add(c.id)
        c._waiters.append(g)  # runtime_notifyListAdd: the ticket comes before Unlock
        try:
            c.L.unlock()
        except BaseException:
            c._waiters.remove(g)
            raise
        return g.park(_g.COND_WAIT, rt.now, c)


class Cond:
    """A ``sync.Cond`` (``sync.NewCond(l)``): ``yield c.wait()``, ``c.signal()``,
    ``c.broadcast()``; ``c.L`` is its Locker."""

    __slots__ = ("L", "_rt", "_wait", "_waiters", "id")

    def __init__(self, rt: Runtime, locker: Locker) -> None:
        self._rt = rt
        self.L = locker
        self._waiters: deque[Goroutine] = deque()
        self._wait = _Wait(self)
        self.id = rt.new_id()

    def wait(self) -> Op:
        """``c.Wait()``: yield it while holding ``c.L``; it returns holding ``c.L`` again."""
        self._rt.ops_made += 1
        return self._wait

    def signal(self) -> None:
        """``c.Signal()``: wake the goroutine that has waited longest, if any."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if self._waiters:
            g = self._waiters.popleft()
            self._rt.ready(g, None, None, self._relock())

    def broadcast(self) -> None:
        """``c.Broadcast()``: wake every waiting goroutine, oldest first."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        waiters, self._waiters = self._waiters, deque()
        for g in waiters:
            self._rt.ready(g, None, None, self._relock())

    def _relock(self) -> Op:
        """``L``'s lock operation, for the woken goroutine to perform: made here, by
        the signaller, but not for it to yield."""
        rt = self._rt
        made = rt.ops_made
        op = self.L.lock()
        rt.ops_made = made
        return op

    def waiting(self) -> int:
        """How many goroutines are in ``Wait``."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        return len(self._waiters)

    def label(self) -> str:
        return f"Cond#{self.id}"

    def __repr__(self) -> str:
        return f"<Cond #{self.id} waiters={len(self._waiters)}>"
