"""Go channels: ``make(chan T, n)``, send, receive, close, and the nil channel.

A channel is a buffer of at most ``cap`` values and two FIFO queues of blocked
goroutines, exactly as Go's ``hchan``: ``recvq`` and ``sendq``. An operation
that can complete does so at once and the goroutine keeps running; one that
cannot puts a *waiter* (Go's ``sudog``) in a queue and parks the goroutine.

The rules, from the Go specification and ``runtime/chan.go``:

* a send to a waiting receiver hands the value over directly (an unbuffered send
  completes only at this rendezvous); otherwise it goes into the buffer if there
  is room; otherwise the sender blocks;
* a receive from a full buffer with blocked senders takes the oldest value and
  moves the first blocked sender's value into the buffer;
* a receive on a closed channel drains the buffer with ``ok=True``, then returns
  ``(None, False)`` (``None`` plays the zero value);
* ``close`` wakes every blocked receiver with ``(None, False)`` and makes every
  blocked sender panic; send on a closed channel, and close of a closed or nil
  channel, panic with Go's messages.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

from ..errors import GoPanic
from . import goroutine as _g
from .goroutine import Case, Goroutine, Op

if TYPE_CHECKING:
    from .runtime import Runtime


class Waiter:
    """A goroutine blocked on one channel operation (Go's ``sudog``).

    ``index`` is the ``select`` case it stands for (or -1 for a plain
    operation); ``group`` holds all the waiters of one ``select``, so the first
    to fire can withdraw the others.
    """

    __slots__ = ("g", "group", "index", "queue", "value")

    def __init__(
        self,
        g: Goroutine,
        queue: deque[Waiter],
        index: int,
        value: Any,
        group: list[Waiter] | None,
    ):
        self.g = g
        self.queue = queue
        self.index = index
        self.value = value
        self.group = group


def _withdraw(w: Waiter) -> None:
    """``w`` fired: take its siblings of the same ``select`` out of their queues."""
    group = w.group
    if group:
        for other in group:
            if other is not w:
                other.queue.remove(other)
        # The group and its waiters refer to each other: once none is queued, empty
        # the group, so that they die with their last reference instead of waiting
        # for the cycle collector (a run made them by the million, and paid for it).
        # An empty group is also where a two-case select's next wait starts: the
        # goroutine's waiters and their group are used again (select._Select2.start).
        group.clear()


def _wake_receiver(rt: Runtime, w: Waiter, value: Any, ok: bool) -> None:
    if w.group is None:
        rt.ready(w.g, (value, ok))
    else:
        _withdraw(w)
        rt.ready(w.g, (w.index, value, ok))


class Chan:
    """A Go channel. ``len(ch)`` and ``ch.cap`` are Go's ``len`` and ``cap``."""

    __slots__ = (
        "_buf",
        "_cap",
        "_recv",
        "_recvq",
        "_rt",
        "_sendq",
        "closed",
        "external",
        "id",
        "name",
        "owner",
    )

    def __init__(self, rt: Runtime, cap: int = 0, name: str | None = None, external: bool = False):
        if cap < 0:
            raise GoPanic("makechan: size out of range")
        self._rt = rt
        self._cap = cap
        self._buf: deque[Any] = deque()
        self._recvq: deque[Waiter] = deque()
        self._sendq: deque[Waiter] = deque()
        self.closed = False
        self.id = rt.new_id()
        self.name = name
        self.external = external  # the outside world (a signal, the netpoller) operates it
        self.owner: Any = None  # what it signals for: the context of a Done(), a timer
        self._recv = Recv(self)

    @property
    def cap(self) -> int:
        return self._cap

    def __len__(self) -> int:
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        return len(self._buf)

    def __repr__(self) -> str:
        label = f" {self.name}" if self.name else ""
        closed = " closed" if self.closed else ""
        return f"<chan{label} #{self.id} len={len(self)} cap={self.cap}{closed}>"

    def label(self) -> str:
        """How reports name this channel: its name, else ``chan#ID``."""
        return self.name or f"chan#{self.id}"

    def wake_source(self) -> str | None:
        """What besides a goroutine can make this channel ready: the outside world for
        an external channel, time for the channel of a timer or of a context with a
        pending deadline."""
        if self.external:
            return f"the outside world ({self.name or 'external channel'})"
        source = getattr(self.owner, "wake_source", None)
        return source() if source is not None else None

    # --- what goroutines yield ------------------------------------------------

    def send(self, value: Any = None) -> Op:
        """``ch <- value``."""
        self._rt.ops_made += 1
        return Send(self, value)

    def recv(self) -> Op:
        """``v, ok := <-ch``: the ``yield`` returns ``(v, ok)``."""
        self._rt.ops_made += 1
        return self._recv

    def send_case(self, value: Any = None) -> Case:
        """``case ch <- value:`` in a :func:`~simlab.select`."""
        return Send(self, value)

    def recv_case(self) -> Case:
        """``case v, ok := <-ch:`` in a :func:`~simlab.select`."""
        return self._recv

    def try_send(self, value: Any = None) -> bool:
        """``select { case ch <- value: default: }``: send if it can complete now.

        Never blocks, so the outside world (a daemon, the kernel) may call it too.
        """
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if type(self) is Chan:  # _can_send, inlined (a timer's channel has its own)
            if not (self.closed or self._recvq or len(self._buf) < self._cap):
                return False
        elif not self._can_send():
            return False
        self._do_send(value)
        return True

    def close(self) -> None:
        """``close(ch)``: wake every receiver with ``(None, False)``, panic every sender."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if self.closed:
            raise GoPanic("close of closed channel")
        self.closed = True
        rt = self._rt
        if rt.trace.full:
            cur = rt.current
            rt.trace.event(rt.env._now, cur.id if cur is not None else 0, "close", self.id)
        # As closechan does: take every waiter off the queues first (a select's other
        # cases with it), then ready them from a stack, so the first receiver ends up
        # in runnext and runs first, the others after it in reverse order.
        woken: list[tuple[Goroutine, Any, BaseException | None]] = []
        while self._recvq:
            w = self._recvq.popleft()
            if w.group is None:
                woken.append((w.g, (None, False), None))
            else:
                _withdraw(w)
                woken.append((w.g, (w.index, None, False), None))
        while self._sendq:
            w = self._sendq.popleft()
            if w.group is not None:
                _withdraw(w)
            woken.append((w.g, None, GoPanic("send on closed channel")))
        for g, value, exc in reversed(woken):
            rt.ready(g, value, exc)

    # --- the mechanics, shared by plain operations and select -------------------

    def _can_send(self) -> bool:
        return self.closed or bool(self._recvq) or len(self._buf) < self._cap

    def _can_recv(self) -> bool:
        return bool(self._buf) or bool(self._sendq) or self.closed

    def _do_send(self, value: Any) -> None:
        """Complete a send that :meth:`_can_send` allows."""
        if self.closed:
            raise GoPanic("send on closed channel")
        recvq = self._recvq
        if recvq:  # _wake_receiver, inlined: the commonest wake-up there is
            w = recvq.popleft()
            group = w.group
            if group is None:
                self._rt.ready(w.g, (value, True))
            else:
                for other in group:  # _withdraw, inlined
                    if other is not w:
                        other.queue.remove(other)
                group.clear()
                self._rt.ready(w.g, (w.index, value, True))
        else:
            self._buf.append(value)

    def _do_recv(self) -> tuple[Any, bool]:
        """Complete a receive that :meth:`_can_recv` allows."""
        sendq = self._sendq
        if sendq:
            w = sendq.popleft()
            if self._cap == 0:
                value = w.value
            else:  # full buffer: take the oldest, the first sender's value takes its place
                buf = self._buf
                value = buf.popleft()
                buf.append(w.value)
            group = w.group  # wake the sender (as _wake_receiver does)
            if group is None:
                self._rt.ready(w.g, None)
            else:
                for other in group:  # _withdraw, inlined
                    if other is not w:
                        other.queue.remove(other)
                group.clear()
                self._rt.ready(w.g, (w.index, None, True))
            return value, True
        if self._buf:
            return self._buf.popleft(), True
        return None, False


class Send(Case):
    """``ch <- value``, as a statement or as a ``select`` case.

    As a case, ``queue`` is where it waits (``sendq``) and ``value`` what it sends.
    """

    __slots__ = ("ch", "queue", "value")

    def __init__(self, ch: Chan, value: Any):
        self.ch = ch
        self.queue = ch._sendq
        self.value = value

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        ch = self.ch
        if (fp := rt.footprint) is not None:
            fp.add(ch.id)
        if type(ch) is Chan:  # ch._can_send(), inlined (a timer's channel has its own)
            can_send = ch.closed or ch._recvq or len(ch._buf) < ch._cap
        else:
            can_send = ch._can_send()
        if can_send:
            ch._do_send(self.value)
            return None
        w = g._waiter  # ch._enqueue_send, inlined, with the goroutine's own waiter
        if w is None:
            w = g._waiter = Waiter(g, ch._sendq, -1, self.value, None)
        else:
            w.queue = ch._sendq
            w.value = self.value
        ch._sendq.append(w)
        return g.park(_g.CHAN_SEND, rt.env._now, ch)

    # as a select case
    def ready(self) -> bool:
        return bool(self.ch._can_send())

    def commit(self) -> tuple[Any, bool]:
        self.ch._do_send(self.value)
        return None, True

    def __repr__(self) -> str:
        return f"<send to {self.ch!r}>"


class Recv(Case):
    """``v, ok := <-ch``, as an expression or as a ``select`` case."""

    __slots__ = ("ch", "queue")
    value = None

    def __init__(self, ch: Chan):
        self.ch = ch
        self.queue = ch._recvq

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        ch = self.ch
        if (fp := rt.footprint) is not None:
            fp.add(ch.id)
        if ch._buf or ch._sendq or ch.closed:  # ch._can_recv(), inlined
            return ch._do_recv()
        w = g._waiter  # ch._enqueue_recv, inlined, with the goroutine's own waiter
        if w is None:
            w = g._waiter = Waiter(g, ch._recvq, -1, None, None)
        else:
            w.queue = ch._recvq
            w.value = None
        ch._recvq.append(w)
        return g.park(_g.CHAN_RECEIVE, rt.env._now, ch)

    def ready(self) -> bool:
        ch = self.ch  # Chan._can_recv, inlined: select asks this of every case
        return bool(ch._buf or ch._sendq or ch.closed)

    def commit(self) -> tuple[Any, bool]:
        value, ok = self.ch._do_recv()
        return value, ok

    def __repr__(self) -> str:
        return f"<receive from {self.ch!r}>"


class _Forever(Case):
    """An operation on the nil channel: it blocks forever."""

    __slots__ = ("reason",)
    ch = None
    queue = None
    value = None

    def __init__(self, reason: str):
        self.reason = reason

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        return g.park(self.reason, rt.env._now)

    # as a select case: never ready, never enqueued
    def ready(self) -> bool:
        return False


class NilChan:
    """The nil channel (``var ch chan T``): send and receive block forever,
    it is never ready in a ``select``, and closing it panics."""

    __slots__ = ()
    _send = _Forever(_g.CHAN_SEND_NIL)
    _recv = _Forever(_g.CHAN_RECEIVE_NIL)
    cap = 0
    closed = False
    id = 0
    name = "nil"

    def __len__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "<nil chan>"

    def send(self, value: Any = None) -> Op:
        return self._send

    def recv(self) -> Op:
        return self._recv

    send_case = send

    def recv_case(self) -> Case:
        return self._recv

    def close(self) -> None:
        raise GoPanic("close of nil channel")


nil_chan = NilChan()
