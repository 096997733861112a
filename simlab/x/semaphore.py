"""``golang.org/x/sync/semaphore``: a weighted semaphore, as x/sync v0.20.0 has it.

::

    from simlab.x import semaphore

    sem = semaphore.Weighted(rt, 10)         # Go: sem := semaphore.NewWeighted(10)
    err = yield from sem.acquire(ctx, 3)     # Go: err := sem.Acquire(ctx, 3)
    ...
    sem.release(3)

* ``acquire`` takes ``n`` tokens, waiting (in a ``select`` on the context and the
  waiter's own ``ready`` channel) until they are free or ``ctx`` is done; it
  returns None, or ``ctx.err()`` and leaves the semaphore unchanged. Waiters are
  served first come, first served: a large request at the head of the queue
  holds back smaller ones behind it, so it is never starved.
* If ``ctx`` is already done, ``acquire`` fails at once even if the tokens are
  free (since x/sync v0.7.0; the older documentation said it "may still succeed").
* A request larger than the semaphore can never succeed: it waits for ``ctx``
  alone (``chan receive``) without holding back anyone.
* ``try_acquire(n)`` takes the tokens only if that needs no waiting;
  ``release(n)`` returns them and wakes the waiters at the head that now fit;
  releasing more than is held panics ``semaphore: released more than held``.

Its frames print as Go's (``golang.org/x/sync/semaphore.(*Weighted).Acquire`` at
its line of ``semaphore.go``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Generator
from typing import Any

from ..errors import GoPanic
from ..go.chan import Chan
from ..go.context import Context, GoError
from ..go.frames import gofunc
from ..go.runtime import Runtime
from ..go.select import select

FILE = "$GOPATH/pkg/mod/golang.org/x/sync@v0.20.0/semaphore/semaphore.go"


class _Waiter:
    __slots__ = ("n", "ready")

    def __init__(self, n: int, ready: Chan):
        self.n = n
        self.ready = ready  # closed when the semaphore is acquired


class Weighted:
    """A ``semaphore.Weighted`` of ``n`` tokens (``semaphore.NewWeighted(n)``)."""

    __slots__ = ("_rt", "cur", "id", "size", "waiters")

    def __init__(self, rt: Runtime, n: int) -> None:
        self._rt = rt
        self.id = rt.new_id()
        self.size = n
        self.cur = 0
        self.waiters: deque[_Waiter] = deque()

    @gofunc("golang.org/x/sync/semaphore.(*Weighted).Acquire", file=FILE)
    def acquire(self, ctx: Context, n: int) -> Generator[Any, Any, GoError | None]:
        """``s.Acquire(ctx, n)``: ``err = yield from s.acquire(ctx, n)``."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        done = ctx.done()
        if done.closed:  # ctx was done before the call: fail, even if the tokens are free
            return ctx.err()
        if self.size - self.cur >= n and not self.waiters:
            self.cur += n
            return None
        if n > self.size:  # doomed: do not make other Acquire calls wait behind it
            yield done.recv()  # L65
            return ctx.err()
        ready = self._rt.chan(name=f"{self.label()}.ready")
        w = _Waiter(n, ready)
        self.waiters.append(w)
        cases: tuple[Any, Any] = (done.recv_case(), ready.recv_case())
        i, _, _ = yield select(*cases)  # L74
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if i == 0:
            if ready.closed:  # acquired after ctx was done: put the tokens back
                self.cur -= n
                self._notify_waiters()
            else:
                is_front = self.waiters[0] is w
                self.waiters.remove(w)
                if is_front and self.size > self.cur:  # tokens left: wake who fits now
                    self._notify_waiters()
            return ctx.err()
        if done.closed:  # acquired, but ctx is done too: give them back
            self.release(n)
            return ctx.err()
        return None

    def try_acquire(self, n: int) -> bool:
        """``s.TryAcquire(n)``: take ``n`` tokens if that needs no waiting."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if self.size - self.cur >= n and not self.waiters:
            self.cur += n
            return True
        return False

    def release(self, n: int) -> None:
        """``s.Release(n)``: return ``n`` tokens and serve the waiters that now fit."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        self.cur -= n
        if self.cur < 0:
            raise GoPanic("semaphore: released more than held")
        self._notify_waiters()

    def _notify_waiters(self) -> None:
        waiters = self.waiters
        while waiters:
            w = waiters[0]
            if self.size - self.cur < w.n:
                break  # the head does not fit: nobody behind it jumps the queue
            self.cur += w.n
            waiters.popleft()
            w.ready.close()

    def label(self) -> str:
        return f"semaphore.Weighted#{self.id}"

    def __repr__(self) -> str:
        return (
            f"<semaphore.Weighted #{self.id} size={self.size} cur={self.cur} "
            f"waiters={len(self.waiters)}>"
        )
