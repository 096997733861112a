"""Go's ``select`` statement.

``i, v, ok = yield sl.select(case, ..., default=True)``:

* if some cases are ready, one of them is chosen uniformly at random (Go polls
  the cases in a random order); the strategy makes that choice, so ``fifo``
  takes the first ready case and ``random`` draws from the run's ``choice`` stream;
* if none is ready and there is a ``default``, ``i`` is -1;
* otherwise the goroutine waits on every case at once; the first that becomes
  ready wins and the others are withdrawn.

``v, ok`` are the received value and Go's ``ok`` for a receive case, ``None,
True`` for a send case, ``None, False`` for default. ``sl.select()`` with no
cases blocks forever. As the Go compiler does, a ``select`` with one case and
no default is that plain channel operation (it shows in a goroutine dump as
``chan receive``, not ``select``).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

from . import goroutine as _g
from .chan import Chan, Recv, Send, Waiter
from .goroutine import PARK, Case, Goroutine, Op

if TYPE_CHECKING:
    from .runtime import Runtime

_DEFAULT = (-1, None, False)
_NOWHERE: deque[Waiter] = deque()  # the queue of a waiter not made to wait yet


class Select(Op):
    """A ``select`` statement over ``cases``, with or without ``default``.

    It holds no state of its own between uses: a loop may build it once and
    yield it at every iteration, as the same statement runs again.
    """

    __slots__ = ("cases", "default", "durable", "reason")

    def __init__(self, cases: tuple[Case, ...], default: bool, reason: str = _g.SELECT):
        self.cases = cases
        self.default = default
        self.reason = reason
        self.durable = reason == _g.SELECT  # another wait reason is below Go's channels

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        cases = self.cases
        if (fp := rt.footprint) is not None:
            fp.update(c.ch.id for c in cases if c.ch is not None)
        ready = [i for i, case in enumerate(cases) if case.ready()]
        if ready:
            i = ready[0] if len(ready) == 1 else ready[rt.choose(len(ready))]
            value, ok = cases[i].commit()
            return i, value, ok
        if self.default:
            return _DEFAULT
        if not cases:
            return g.park(_g.SELECT_NO_CASES, rt.env._now)
        group: list[Waiter] = []
        for i, case in enumerate(cases):
            queue = case.queue
            if queue is not None:  # a nil-channel case waits nowhere
                w = Waiter(g, queue, i, case.value, group)
                queue.append(w)
                group.append(w)
        g.state = _g.WAITING
        g.wait_reason = self.reason
        g.waiting_since = rt.env._now
        g.blocked_on = self
        g.durable = self.durable
        return PARK

    def primitives(self) -> tuple[Any, ...]:
        """The channels this select waits on (nil channels left out)."""
        return tuple(c.ch for c in self.cases if c.ch is not None)

    def __repr__(self) -> str:
        default = ", default" if self.default else ""
        return f"<select {list(self.cases)}{default}>"


class _Select2(Select):
    """A two-case ``select`` without default, the commonest shape, without the loops.

    A loop may build it once and yield it at every line (``Body.Read``'s netpoll
    wait), or build one per line (the reader's send on ``readCh``): both its
    construction and :meth:`start` are on a run's hottest path.
    """

    __slots__ = ("a", "b", "ra", "rb", "sa", "sb")
    default = False  # never: a class attribute, one store less per select built

    def __init__(self, a: Case, b: Case, reason: str = _g.SELECT):
        self.a = a
        self.b = b
        self.reason = reason
        self.durable = reason == _g.SELECT
        # A receive or send case's channel, whose readiness and commit start() does
        # inline (Recv.ready, Send.ready, commit); None for any other case.
        ta, tb = type(a), type(b)
        self.ra = a.ch if ta is Recv else None
        self.rb = b.ch if tb is Recv else None
        self.sa = a.ch if ta is Send and type(a.ch) is Chan else None
        self.sb = b.ch if tb is Send and type(b.ch) is Chan else None

    @property
    def cases(self) -> tuple[Case, ...]:  # type: ignore[override]  # Select's slot, read-only
        return (self.a, self.b)

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        if (fp := rt.footprint) is not None:
            fp.update(c.ch.id for c in self.cases if c.ch is not None)
        ra = self.ra
        sa = self.sa
        if ra is not None:
            a_ready = ra._buf or ra._sendq or ra.closed
        elif sa is not None:
            a_ready = sa.closed or sa._recvq or len(sa._buf) < sa._cap
        else:
            a_ready = self.a.ready()
        rb = self.rb
        sb = self.sb
        if rb is not None:
            b_ready = rb._buf or rb._sendq or rb.closed
        elif sb is not None:
            b_ready = sb.closed or sb._recvq or len(sb._buf) < sb._cap
        else:
            b_ready = self.b.ready()
        if a_ready and not (b_ready and rt.choose(2)):
            if ra is not None:
                value, ok = ra._do_recv()
                return 0, value, ok
            if sa is not None:
                sa._do_send(self.a.value)
                return 0, None, True
            value, ok = self.a.commit()
            return 0, value, ok
        if b_ready:
            if rb is not None:
                value, ok = rb._do_recv()
                return 1, value, ok
            if sb is not None:
                sb._do_send(self.b.value)
                return 1, None, True
            value, ok = self.b.commit()
            return 1, value, ok
        # Blocked: the goroutine's own two waiters wait on both cases. They are free:
        # the last select it blocked in fired (its group emptied: see chan._withdraw),
        # and a goroutine waits in one select at a time.
        waiters = g._waiters
        if waiters is None:
            group: list[Waiter] = []
            waiters = g._waiters = (
                group,
                Waiter(g, _NOWHERE, 0, None, group),
                Waiter(g, _NOWHERE, 1, None, group),
            )
        group, wa, wb = waiters
        a, b = self.a, self.b
        queue = a.queue
        if queue is not None:  # a nil-channel case waits nowhere
            wa.queue = queue
            wa.value = None if ra is not None else a.value
            queue.append(wa)
            group.append(wa)
        queue = b.queue
        if queue is not None:
            wb.queue = queue
            wb.value = None if rb is not None else b.value
            queue.append(wb)
            group.append(wb)
        g.state = _g.WAITING
        g.wait_reason = self.reason
        g.waiting_since = rt.env._now
        g.blocked_on = self
        g.durable = self.durable
        return PARK


class _Single(Op):
    """A one-case ``select`` without default: the plain operation, answered as a select."""

    __slots__ = ("case",)

    def __init__(self, case: Case):
        self.case = case

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        case = self.case
        if (fp := rt.footprint) is not None and case.ch is not None:
            fp.add(case.ch.id)
        if case.ready():
            value, ok = case.commit()
            return 0, value, ok
        queue = case.queue
        if queue is None:  # the nil channel
            return g.park(getattr(case, "reason", _g.CHAN_RECEIVE_NIL), rt.env._now)
        group: list[Waiter] = []
        w = Waiter(g, queue, 0, case.value, group)
        group.append(w)
        queue.append(w)
        return g.park(_plain_reason(case), rt.env._now, case.ch)


def _plain_reason(case: Case) -> str:
    return _g.CHAN_SEND if isinstance(case, Send) else _g.CHAN_RECEIVE


def select(*cases: Case, default: bool = False, wait_reason: str | None = None) -> Op:
    """``select { case ...: ... default: }`` — yield it: ``i, v, ok = yield sl.select(...)``.

    ``wait_reason`` is for models of code below Go's channels: a wait on the
    network poller is a select on readiness that Go reports as ``IO wait``.
    """
    if len(cases) == 2 and not default:
        a, b = cases
        return _Select2(a, b, wait_reason or _g.SELECT)
    if wait_reason is not None:
        return Select(cases, default, wait_reason)
    if len(cases) == 1 and not default:
        return _Single(cases[0])
    return Select(cases, default)
