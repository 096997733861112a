"""A queue of goroutines parked on one primitive, first come, first served.

This is the runtime's ``sudog`` list for primitives that are not channels: the
waiters of a ``sync.Mutex``, a ``sync.WaitGroup``, a semaphore. Parking through a
:class:`WaitQueue` records Go's wait reason and the primitive waited on, which is
all the deadlock detector and the leak oracles need to know about the wait.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .goroutine import Goroutine, Op
    from .runtime import Runtime


class WaitQueue:
    """Goroutines waiting on ``owner``, each parked with Go's wait ``reason``."""

    __slots__ = ("_q", "_rt", "owner", "reason")

    def __init__(self, rt: Runtime, owner: object, reason: str) -> None:
        self._rt = rt
        self._q: deque[Goroutine] = deque()
        self.owner = owner
        self.reason = reason

    def park(self, g: Goroutine, reason: str | None = None, *, front: bool = False) -> Any:
        """Queue ``g`` (at the head with ``front``) and park it; return what
        :meth:`Op.start` returns (``PARK``)."""
        if front:
            self._q.appendleft(g)
        else:
            self._q.append(g)
        return g.park(reason or self.reason, self._rt.now, self.owner)

    def wake(
        self, value: Any = None, exc: BaseException | None = None, then: Op | None = None
    ) -> Goroutine | None:
        """Make the longest waiter runnable (its ``yield`` returns ``value`` or raises
        ``exc``; with ``then``, it first performs that operation, see
        :meth:`Runtime.ready`); None if nobody waits."""
        if not self._q:
            return None
        g = self._q.popleft()
        self._rt.ready(g, value, exc, then)
        return g

    def wake_all(self, value: Any = None) -> int:
        """Make every waiter runnable, oldest first; how many there were."""
        q, self._q = self._q, deque()
        for g in q:
            self._rt.ready(g, value)
        return len(q)

    def remove(self, g: Goroutine) -> bool:
        """Take ``g`` out of the queue without waking it (it stopped waiting)."""
        try:
            self._q.remove(g)
        except ValueError:
            return False
        return True

    def first(self) -> Goroutine | None:
        """The longest waiter, left in the queue."""
        return self._q[0] if self._q else None

    def __len__(self) -> int:
        return len(self._q)

    def __bool__(self) -> bool:
        return bool(self._q)

    def __iter__(self) -> Iterator[Goroutine]:
        return iter(self._q)
