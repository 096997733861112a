"""``sync.RWMutex``, with Go's algorithm (sync/rwmutex.go), counter for counter.

A writer first takes the RWMutex's inner ``sync.Mutex`` ``w`` (a second writer
waits there, as ``sync.Mutex.Lock``, with everything Go's Mutex does: barging,
starvation mode), then announces itself by subtracting ``rwmutexMaxReaders``
from the reader count, which blocks every new reader (``sync.RWMutex.RLock``),
and waits for the readers already inside to leave (``sync.RWMutex.Lock``). The
last of them to ``runlock`` wakes it. ``unlock`` lets in every reader that
arrived meanwhile, then unlocks ``w``. So a writer is never starved by readers,
and a reader that takes the read lock twice while a writer waits deadlocks.

``RUnlock`` of a RWMutex that no reader holds and ``Unlock`` of one no writer
holds are fatal errors, as in Go (``sync: RUnlock of unlocked RWMutex``,
``sync: Unlock of unlocked RWMutex``); no ``recover`` catches them.

Go's runtime semaphores (``readerSem``, ``writerSem``) are counting semaphores,
and so are these: ``unlock`` releases a count of ``readerSem`` for each reader it
lets in and wakes a waiting reader, which takes a count when it runs. A reader
that blocks in ``RLock`` before then (behind the next writer) takes one first,
and the woken reader it was meant for waits again, for that writer's ``Unlock``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import goroutine as _g
from .frames import GOROOT_SRC, Frame
from .goroutine import PARK, Goroutine, Op
from .sync import Mutex
from .waitqueue import WaitQueue

if TYPE_CHECKING:
    from .runtime import Runtime

MAX_READERS = 1 << 30  # Go's rwmutexMaxReaders


# What Go's trace lists above the program's frame when Unlock or RUnlock finds the
# RWMutex unlocked (go1.27.3's lines).
_RWMUTEX_GO = f"{GOROOT_SRC}/sync/rwmutex.go"
_SYNC_FATAL = Frame("sync.fatal", f"{GOROOT_SRC}/runtime/panic.go", 1175)
_UNLOCK_UNLOCKED = (_SYNC_FATAL, Frame("sync.(*RWMutex).Unlock", _RWMUTEX_GO, 212))
_RUNLOCK_UNLOCKED = (
    _SYNC_FATAL,
    Frame("sync.(*RWMutex).rUnlockSlow", _RWMUTEX_GO, 132),
    Frame("sync.(*RWMutex).RUnlock", _RWMUTEX_GO, 122),
)


class _Then(Op):
    """``first``, then, once it has completed, ``after``: how a writer woken by ``w``
    goes on with ``Lock`` as itself once it holds ``w``."""

    __slots__ = ("after", "first")

    def __init__(self, first: Op, after: Op):
        self.first = first
        self.after = after

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        if self.first.start(rt, g) is PARK:
            return PARK
        return self.after.start(rt, g)


class _WriterQueue(WaitQueue):
    """The waiters of ``w``. However the mutex wakes one (to compete for it in normal
    mode, or holding it in starvation mode), the writer announces itself next."""

    __slots__ = ("after",)

    def __init__(self, rt: Runtime, owner: object, after: Op):
        super().__init__(rt, owner, _g.MUTEX_LOCK)
        self.after = after

    def wake(
        self, value: Any = None, exc: BaseException | None = None, then: Op | None = None
    ) -> Goroutine | None:
        g = self.first()
        if g is None:
            return None
        self.remove(g)
        self._rt.ready(g, value, exc, self.after if then is None else _Then(then, self.after))
        return g


class _WriterMutex(Mutex):
    """``rw.w``: a ``sync.Mutex`` whose holder goes on to announce itself as the writer."""

    __slots__ = ("rw",)

    def __init__(self, rt: Runtime, rw: RWMutex):
        super().__init__(rt)
        self.rw = rw
        self._waiters = _WriterQueue(rt, self, rw._announce)

    def label(self) -> str:
        return f"{self.rw.label()}.w"


class _Announce(Op):
    """The writer holds ``w``: block new readers, and wait for those inside to leave."""

    __slots__ = ("rw",)

    def __init__(self, rw: RWMutex):
        self.rw = rw

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        rw = self.rw
        if (fp := rt.footprint) is not None:
            fp.add(rw.id)
        r = rw._reader_count
        rw._reader_count = r - MAX_READERS
        if r != 0:
            rw._reader_wait += r
            if rw._reader_wait != 0:
                if rw._writer_sem:
                    rw._writer_sem -= 1
                    return None
                return rw._writer.park(g)
        return None


class _Lock(Op):
    __slots__ = ("rw",)

    def __init__(self, rw: RWMutex):
        self.rw = rw

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        rw = self.rw
        if (fp := rt.footprint) is not None:
            fp.add(rw.id)
        if rw._w_lock.start(rt, g) is PARK:  # behind another writer: announce once woken
            return PARK
        r = rw._reader_count  # _Announce, inlined
        rw._reader_count = r - MAX_READERS
        if r == 0:
            return None
        rw._reader_wait += r
        if rw._reader_wait == 0:
            return None
        if rw._writer_sem:
            rw._writer_sem -= 1
            return None
        return rw._writer.park(g)


class _RLock(Op):
    __slots__ = ("rw",)

    def __init__(self, rw: RWMutex):
        self.rw = rw

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        rw = self.rw
        if (fp := rt.footprint) is not None:
            fp.add(rw.id)
        n = rw._reader_count + 1
        rw._reader_count = n
        if n >= 0:
            return None
        if rw._reader_sem:  # a count released for a reader that has not run yet
            rw._reader_sem -= 1
            return None
        return rw._readers.park(g)  # a writer is pending: wait for its Unlock


class _ReaderWoken(Op):
    """A reader woken by ``Unlock``, as itself: take its count of ``readerSem``, or
    wait again if another reader took it (Go's runtime ``semacquire`` retrying)."""

    __slots__ = ("rw",)

    def __init__(self, rw: RWMutex):
        self.rw = rw

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        rw = self.rw
        if (fp := rt.footprint) is not None:
            fp.add(rw.id)
        if not rw._reader_sem:
            return rw._readers.park(g)
        rw._reader_sem -= 1
        return None


class RWMutex:
    """A ``sync.RWMutex``: ``yield rw.lock()``, ``rw.unlock()``, ``yield rw.rlock()``,
    ``rw.runlock()``, ``rw.try_lock()``, ``rw.try_rlock()``, ``rw.rlocker()``."""

    __slots__ = (
        "_announce",
        "_lock",
        "_reader_count",
        "_reader_sem",
        "_reader_wait",
        "_reader_woken",
        "_readers",
        "_rlock",
        "_rlocker",
        "_rt",
        "_w_lock",
        "_writer",
        "_writer_sem",
        "id",
        "w",
    )

    def __init__(self, rt: Runtime) -> None:
        self._rt = rt
        self.id = rt.new_id()
        self._reader_count = 0  # readers in or waiting; minus MAX_READERS while a writer is
        self._reader_wait = 0  # readers a pending writer still waits for
        self._reader_sem = 0
        self._writer_sem = 0
        self._readers = WaitQueue(rt, self, _g.RWMUTEX_RLOCK)
        self._writer = WaitQueue(rt, self, _g.RWMUTEX_LOCK)
        self._announce = _Announce(self)
        self.w = _WriterMutex(rt, self)  # held if there are pending writers
        made = rt.ops_made
        self._w_lock = self.w.lock()  # w's Lock, which ours starts: never yielded itself
        rt.ops_made = made
        self._lock = _Lock(self)
        self._rlock = _RLock(self)
        self._reader_woken = _ReaderWoken(self)
        self._rlocker = RLocker(self)

    def lock(self) -> Op:
        """``rw.Lock()``: yield it."""
        self._rt.ops_made += 1
        return self._lock

    def unlock(self) -> None:
        """``rw.Unlock()``: let in every reader that waited, then unlock ``w``."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        r = self._reader_count + MAX_READERS
        self._reader_count = r
        if r >= MAX_READERS:
            self._rt.fatal("sync: Unlock of unlocked RWMutex", above=_UNLOCK_UNLOCKED)
        readers = self._readers
        for _ in range(r):
            self._reader_sem += 1
            readers.wake(then=self._reader_woken)
        self.w.unlock()

    def rlock(self) -> Op:
        """``rw.RLock()``: yield it."""
        self._rt.ops_made += 1
        return self._rlock

    def runlock(self) -> None:
        """``rw.RUnlock()``: the last reader a pending writer waits for wakes it."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        r = self._reader_count - 1
        self._reader_count = r
        if r < 0:
            if r + 1 == 0 or r + 1 == -MAX_READERS:
                self._rt.fatal("sync: RUnlock of unlocked RWMutex", above=_RUNLOCK_UNLOCKED)
            self._reader_wait -= 1
            if self._reader_wait == 0 and self._writer.wake() is None:
                self._writer_sem += 1

    def try_lock(self) -> bool:
        """``rw.TryLock()``: lock for writing if nobody holds it or waits, without blocking."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if not self.w.try_lock():
            return False
        if self._reader_count != 0:
            self.w.unlock()
            return False
        self._reader_count = -MAX_READERS
        return True

    def try_rlock(self) -> bool:
        """``rw.TryRLock()``: lock for reading unless a writer holds it or waits."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if self._reader_count < 0:
            return False
        self._reader_count += 1
        return True

    def rlocker(self) -> RLocker:
        """``rw.RLocker()``: a Locker whose ``lock``/``unlock`` are ``rlock``/``runlock``."""
        return self._rlocker

    def readers(self) -> int:
        """Readers holding the lock or waiting for it (Go's readerCount, writer bias removed)."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        r = self._reader_count
        return r + MAX_READERS if r < 0 else r

    def writer(self) -> bool:
        """Whether a writer holds the lock or has announced itself and waits for readers."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        return self._reader_count < 0

    def label(self) -> str:
        return f"RWMutex#{self.id}"

    def __repr__(self) -> str:
        writer = " writer" if self.writer() else ""
        return (
            f"<RWMutex #{self.id} readers={self.readers()}{writer} "
            f"waiting readers={len(self._readers)}>"
        )


class RLocker:
    """``rw.RLocker()``: ``yield l.lock()`` is ``rw.RLock()``, ``l.unlock()`` is ``rw.RUnlock()``
    (for a ``sync.Cond`` whose waiters hold the read lock)."""

    __slots__ = ("rw",)

    def __init__(self, rw: RWMutex):
        self.rw = rw

    def lock(self) -> Op:
        """``RLock``: yield it."""
        return self.rw.rlock()

    def unlock(self) -> None:
        """``RUnlock``."""
        self.rw.runlock()

    def label(self) -> str:
        return f"{self.rw.label()}.RLocker()"
