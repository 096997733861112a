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
from .chan import Recv, Send, Waiter
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

    __slots__ = ("a", "b", "ra", "rb")

    def __init__(self, a: Case, b: Case, reason: str = _g.SELECT):
        self.cases = (a, b)
        self.default = False
        self.reason = reason
        self.durable = reason == _g.SELECT
        self.a = a
        self.b = b
        # a receive case's channel, whose readiness start() reads inline (Recv.ready)
        self.ra = a.ch if type(a) is Recv else None
        self.rb = b.ch if type(b) is Recv else None

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        a, b, ra, rb = self.a, self.b, self.ra, self.rb
        if (fp := rt.footprint) is not None:
            fp.update(c.ch.id for c in self.cases if c.ch is not None)
        a_ready = (ra._buf or ra._sendq or ra.closed) if ra is not None else a.ready()
        b_ready = (rb._buf or rb._sendq or rb.closed) if rb is not None else b.ready()
        if a_ready:
            i = 1 if b_ready and rt.choose(2) else 0
        elif b_ready:
            i = 1
        else:
            group: list[Waiter] = []
            qa, qb = a.queue, b.queue
            if qa is not None:
                w = Waiter(g, qa, 0, a.value, group)
                qa.append(w)
                group.append(w)
            if qb is not None:
                w = Waiter(g, qb, 1, b.value, group)
                qb.append(w)
                group.append(w)
            g.state = _g.WAITING
            g.wait_reason = self.reason
            g.waiting_since = rt.env._now
            g.blocked_on = self
            g.durable = self.durable
            return PARK
        value, ok = (b if i else a).commit()
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
