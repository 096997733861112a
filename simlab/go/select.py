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

from typing import TYPE_CHECKING, Any

from . import goroutine as _g
from .chan import Chan, Recv, Send, Waiter
from .goroutine import PARK, Case, Goroutine, Op

if TYPE_CHECKING:
    from .runtime import Runtime

_DEFAULT = (-1, None, False)


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
    """A two-case ``select`` without default, the commonest shape, without the loops."""

    __slots__ = ("_parked", "a", "b", "ra", "rb", "sa", "sb")

    def __init__(self, a: Case, b: Case, reason: str = _g.SELECT):
        self.cases = (a, b)
        self.default = False
        self.reason = reason
        self.durable = reason == _g.SELECT
        self.a = a
        self.b = b
        # A receive or send case's channel, whose readiness and commit start() does
        # inline (Recv.ready, Send.ready, commit); None for any other case.
        self.ra = a.ch if type(a) is Recv else None
        self.rb = b.ch if type(b) is Recv else None
        self.sa = a.ch if type(a) is Send and type(a.ch) is Chan else None
        self.sb = b.ch if type(b) is Send and type(b.ch) is Chan else None
        # (goroutine, group, waiter a, waiter b) of the last time it blocked: a loop
        # that yields the same select again queues the same waiters again.
        self._parked: tuple[Goroutine, list[Waiter], Waiter | None, Waiter | None] | None = None

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        if (fp := rt.footprint) is not None:
            fp.update(c.ch.id for c in self.cases if c.ch is not None)
        ra, rb, sa, sb = self.ra, self.rb, self.sa, self.sb
        if ra is not None:
            a_ready = ra._buf or ra._sendq or ra.closed
        elif sa is not None:
            a_ready = sa.closed or sa._recvq or len(sa._buf) < sa._cap
        else:
            a_ready = self.a.ready()
        if rb is not None:
            b_ready = rb._buf or rb._sendq or rb.closed
        elif sb is not None:
            b_ready = sb.closed or sb._recvq or len(sb._buf) < sb._cap
        else:
            b_ready = self.b.ready()
        if a_ready:
            if b_ready and rt.choose(2):
                ch, send, case, i = rb, sb, self.b, 1
            else:
                ch, send, case, i = ra, sa, self.a, 0
        elif b_ready:
            ch, send, case, i = rb, sb, self.b, 1
        else:
            parked = self._parked
            # Its waiters fired (the group emptied: see chan._withdraw) for this very
            # goroutine: they are in no queue and can wait again.
            if parked is not None and parked[0] is g and not parked[1]:
                _, group, wa, wb = parked
            else:
                group = []
                qa, qb = self.a.queue, self.b.queue
                wa = Waiter(g, qa, 0, self.a.value, group) if qa is not None else None
                wb = Waiter(g, qb, 1, self.b.value, group) if qb is not None else None
                self._parked = (g, group, wa, wb)
            if wa is not None:
                wa.queue.append(wa)
                group.append(wa)
            if wb is not None:
                wb.queue.append(wb)
                group.append(wb)
            g.state = _g.WAITING
            g.wait_reason = self.reason
            g.waiting_since = rt.env._now
            g.blocked_on = self
            g.durable = self.durable
            return PARK
        if ch is not None:
            value, ok = ch._do_recv()
            return i, value, ok
        if send is not None:
            send._do_send(case.value)
            return i, None, True
        value, ok = case.commit()
        return i, value, ok


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
        return _Select2(*cases, wait_reason or _g.SELECT)
    if wait_reason is not None:
        return Select(cases, default, wait_reason)
    if len(cases) == 1 and not default:
        return _Single(cases[0])
    return Select(cases, default)
