"""``sync.WaitGroup`` and ``sync.Mutex``.

WaitGroup: ``add(n)`` moves a counter; ``wait`` blocks until it is zero and
returns at once if it already is; a negative counter panics with
``sync: negative WaitGroup counter`` and stays negative (a later ``wait`` blocks
for good, as Go's does).

Mutex: ``lock`` takes it or queues; ``unlock`` frees it and wakes the longest
waiter to compete for it (Go's normal mode), or hands it over (starvation mode);
unlocking an unlocked mutex is a fatal error, which no ``recover`` can catch.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from inspect import isgenerator
from typing import TYPE_CHECKING, Any, NoReturn

from ..errors import Goexit, GoPanic
from . import goroutine as _g
from .frames import GOROOT_SRC, Frame, gofunc
from .goroutine import Goroutine, Op
from .waitqueue import WaitQueue

if TYPE_CHECKING:
    from .runtime import Runtime

_WAITGROUP_GO = f"{GOROOT_SRC}/sync/waitgroup.go"

# What Go's trace lists above the program's frame when Unlock finds the mutex
# unlocked (go1.27.3's lines).
_UNLOCK_UNLOCKED = (
    Frame("internal/sync.fatal", f"{GOROOT_SRC}/runtime/panic.go", 1205),
    Frame("internal/sync.(*Mutex).unlockSlow", f"{GOROOT_SRC}/internal/sync/mutex.go", 204),
    Frame("internal/sync.(*Mutex).Unlock", f"{GOROOT_SRC}/internal/sync/mutex.go", 198),
    Frame("sync.(*Mutex).Unlock", f"{GOROOT_SRC}/sync/mutex.go", 65),
)


class _Wait(Op):
    __slots__ = ("wg",)

    def __init__(self, wg: WaitGroup):
        self.wg = wg

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        wg = self.wg
        if (fp := rt.footprint) is not None:
            fp.add(wg.id)
        if wg.count == 0:
            return None
        return wg._waiters.park(g)


class _Returned(_Wait):
    """What a woken ``Wait`` checks as it returns: the WaitGroup is as Add left it,
    with no count and no waiter, or it was reused before this Wait returned."""

    __slots__ = ()

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        wg = self.wg
        if (fp := rt.footprint) is not None:
            fp.add(wg.id)
        if wg.count != 0 or wg._waiters:
            raise GoPanic("sync: WaitGroup is reused before previous Wait has returned")
        return None


class WaitGroup:
    """A ``sync.WaitGroup``: ``add``, ``done``, and ``yield wg.wait()``."""

    __slots__ = ("_returned", "_rt", "_wait", "_waiters", "count", "id")

    def __init__(self, rt: Runtime) -> None:
        self._rt = rt
        self.count = 0
        self._waiters = WaitQueue(rt, self, _g.WAITGROUP_WAIT)
        self._wait = _Wait(self)
        self._returned = _Returned(self)
        self.id = rt.new_id()

    @gofunc("sync.(*WaitGroup).Add", file=_WAITGROUP_GO)
    def add(self, delta: int) -> None:
        """``wg.Add(delta)``."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        count = self.count = self.count + delta
        if count < 0:  # the counter stays negative, as Go's does: a later Wait blocks
            raise GoPanic("sync: negative WaitGroup counter")  # L118
        if count == 0 and self._waiters:
            while self._waiters.wake(then=self._returned) is not None:
                pass  # each waiter checks, as it runs, that no Add came first

    @gofunc("sync.(*WaitGroup).Done", file=_WAITGROUP_GO)
    def done(self) -> None:
        """``wg.Done()``."""
        self.add(-1)  # L156

    def wait(self) -> Op:
        """``wg.Wait()``: yield it."""
        self._rt.ops_made += 1
        return self._wait

    def go(self, fn: Callable[..., Any], *args: Any, name: str | None = None) -> Goroutine:
        """``wg.Go(f)`` (Go 1.25): ``Add(1)``, then ``go`` f and ``Done`` once f returns.

        If f panics, Go recovers and panics again with the same value (printed
        ``panic: X [recovered, repanicked]``) without calling ``Done``: Wait must not
        return while the program is dying. The goroutine's stack shows Go's
        function literal under f, and its creator is ``sync.(*WaitGroup).Go``.
        """
        self.add(1)
        return self._rt.spawn(
            _wg_go, (self, fn, args), name or getattr(fn, "__name__", "func"), created_at=_WG_GO
        )

    def label(self) -> str:
        return f"WaitGroup#{self.id}"

    def __repr__(self) -> str:
        return f"<WaitGroup #{self.id} count={self.count} waiters={len(self._waiters)}>"


_Body = Generator[Any, Any, None]
_WG_GO = ("sync.(*WaitGroup).Go", _WAITGROUP_GO, 238)  # go1.27.3


@gofunc("sync.(*WaitGroup).Go.func1", file=_WAITGROUP_GO)
def _wg_go(wg: WaitGroup, f: Callable[..., Any], args: tuple[Any, ...]) -> _Body:  # L238
    """The goroutine ``wg.Go(f)`` starts: f, then ``Done`` unless f panicked."""
    try:
        result = f(*args)  # L258
        if isgenerator(result):
            yield from result  # L258
    except Goexit:
        wg.done()  # Go's deferred Done runs when f calls runtime.Goexit
        raise
    except Exception as err:
        _repanic(wg._rt, err)
    wg.done()


@gofunc("sync.(*WaitGroup).Go.func1.1", file=_WAITGROUP_GO)
def _repanic(rt: Runtime, err: Exception) -> NoReturn:
    """The deferred call that recovers f's panic and panics again with its value:
    a panic of its own, raised while f's unwinds, so that its trace lists this
    frame, then Go's ``panic``, then f's frames."""
    panic = repanicked(rt, err)
    if isinstance(panic, GoPanic):
        again = panic._anew()
        again.repanicked = True
        raise again  # L251
    raise panic


def repanicked(rt: Runtime, err: Exception) -> Exception:
    """``err``, a panic that the library recovered and raised again with the same
    value, which Go prints ``panic: X [recovered, repanicked]``: a panic of the
    program, or a Python error a translated program's runtime makes one of
    (``rt.runtime_errors``: an index out of range). Any other error is returned
    as it is: simlab's own bug."""
    panic = err
    if not isinstance(err, GoPanic) and rt.runtime_errors is not None:
        panic = rt.runtime_errors(err) or err
    if isinstance(panic, GoPanic):
        panic.repanicked = True
    return panic.with_traceback(err.__traceback__)


STARVATION_THRESHOLD = 1_000_000  # Go's starvationThresholdNs: 1 ms


class _Lock(Op):
    __slots__ = ("mu",)

    def __init__(self, mu: Mutex):
        self.mu = mu

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        mu = self.mu
        if (fp := rt.footprint) is not None:
            fp.add(mu.id)
        if not mu.locked:
            mu.locked = True
            return None
        mu._wait_start[g.id] = rt.now
        mu._nwait += 1
        if mu._sema:  # the count Unlock released for a waiter that has not run yet
            mu._sema -= 1
            return mu._awoke(g)
        return mu._waiters.park(g)


class _Semacquired(Op):
    """What a waiter woken by ``Unlock`` does when it runs again, as itself: take the
    semaphore count released for it, then compete for the mutex; if a goroutine
    that blocked in ``Lock`` meanwhile took the count, wait again, where it waited
    (Go's runtime ``semacquire`` retrying)."""

    __slots__ = ("mu",)

    def __init__(self, mu: Mutex):
        self.mu = mu

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        mu = self.mu
        if (fp := rt.footprint) is not None:
            fp.add(mu.id)
        if not mu._sema:
            return mu._waiters.park(g, front=g.id in mu._lifo)
        mu._sema -= 1
        return mu._awoke(g)


class Mutex:
    """A ``sync.Mutex``: ``yield mu.lock()``, ``mu.unlock()``.

    As Go's, in normal mode: ``unlock`` frees the mutex, releases a count of its
    semaphore and wakes the longest waiter, which must take the count and then
    compete for the mutex when it runs. A goroutine that locks in between takes
    the mutex first (under ``fifo``, the unlocker locking again does, as in Go at
    GOMAXPROCS=1), and the waiter queues again at the head; one that blocks in
    ``Lock`` in between takes the count, so the woken waiter waits again where it
    was. A waiter that has waited more than 1 ms puts the mutex in starvation
    mode: ``unlock`` then hands it straight to the longest waiter, until a waiter
    that waited less than 1 ms, or the last one, takes it.
    """

    __slots__ = (
        "_lifo",
        "_lock",
        "_nwait",
        "_rt",
        "_sema",
        "_semacquired",
        "_wait_start",
        "_waiters",
        "_woken",
        "id",
        "locked",
        "starving",
    )

    def __init__(self, rt: Runtime) -> None:
        self._rt = rt
        self.locked = False
        self.starving = False
        self._woken = False  # a waiter was woken and has not run yet (Go's mutexWoken)
        self._sema = 0  # the counts of Go's m.sema released and not taken yet
        # Go's waiter count in m.state: up by one each time a goroutine in Lock goes to
        # the semaphore, down by one each time Unlock releases a count. It is not the
        # queue's length: a woken waiter that has not run yet is in neither, and one
        # that took a count released for another went to the semaphore twice
        self._nwait = 0
        self._waiters = WaitQueue(rt, self, _g.MUTEX_LOCK)
        self._wait_start: dict[int, int] = {}
        self._lifo: set[int] = set()  # waiters queued at the head: they had waited before
        self._lock = _Lock(self)
        self._semacquired = _Semacquired(self)
        self.id = rt.new_id()

    def lock(self) -> Op:
        """``mu.Lock()``: yield it."""
        self._rt.ops_made += 1
        return self._lock

    def _awoke(self, g: Goroutine) -> Any:
        """``g`` has taken a count of the semaphore in ``Lock``: take the mutex if it
        is free; if not, switch it to starvation mode once ``g`` has waited more than
        1 ms, and queue at the head (``lockSlow`` in Go's sync/mutex.go)."""
        self._woken = False
        while self.locked:
            if self._rt.now - self._wait_start.get(g.id, self._rt.now) > STARVATION_THRESHOLD:
                self.starving = True
            self._nwait += 1
            if not self._sema:
                self._lifo.add(g.id)
                return self._waiters.park(g, front=True)
            self._sema -= 1
        self.locked = True
        self._wait_start.pop(g.id, None)
        self._lifo.discard(g.id)
        return None

    def try_lock(self) -> bool:
        """``mu.TryLock()``."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if self.locked:
            return False
        self.locked = True
        return True

    def unlock(self) -> None:
        """``mu.Unlock()``: free the mutex and wake the longest waiter to compete for
        it, or in starvation mode hand it to that waiter."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if not self.locked:
            self._rt.fatal("sync: unlock of unlocked mutex", above=_UNLOCK_UNLOCKED)
        waiters = self._waiters
        if self.starving and waiters:
            g = waiters.wake()
            assert g is not None
            self._nwait -= 1
            self._lifo.discard(g.id)
            waited = self._rt.now - self._wait_start.pop(g.id, self._rt.now)
            if waited <= STARVATION_THRESHOLD or not waiters:
                self.starving = False
            return  # handed off: still locked, now by g
        self.locked = False
        if self._nwait and not self._woken:
            self._nwait -= 1
            self._woken = True
            self._sema += 1
            if waiters:  # else the count waits for a woken waiter that has not run yet
                waiters.wake(then=self._semacquired)

    def label(self) -> str:
        return f"Mutex#{self.id}"

    def __repr__(self) -> str:
        state = "locked" if self.locked else "unlocked"
        return f"<Mutex #{self.id} {state} waiters={len(self._waiters)}>"
