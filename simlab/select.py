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
from .chan import Send
from .goroutine import PARK, Goroutine, Op

if TYPE_CHECKING:
    from .runtime import Runtime

_DEFAULT = (-1, None, False)


class Select(Op):
    """A ``select`` statement over ``cases``, with or without ``default``."""

    __slots__ = ("cases", "default")

    def __init__(self, cases: tuple, default: bool):
        self.cases = cases
        self.default = default

    def _start(self, rt: Runtime, g: Goroutine) -> Any:
        cases = self.cases
        ready = [i for i, case in enumerate(cases) if case._ready()]
        if ready:
            i = ready[0] if len(ready) == 1 else ready[rt.choose(len(ready))]
            value, ok = cases[i]._commit()
            return i, value, ok
        if self.default:
            return _DEFAULT
        if not cases:
            g.park(_g.SELECT_NO_CASES, rt.env._now)
            return PARK
        group: list = []
        for i, case in enumerate(cases):
            w = case._enqueue(g, i, group)
            if w is not None:
                group.append(w)
        g.park(_g.SELECT, rt.env._now, tuple(c.ch for c in cases if c.ch is not None))
        return PARK

    def __repr__(self) -> str:
        default = ", default" if self.default else ""
        return f"<select {list(self.cases)}{default}>"


class _Single(Op):
    """A one-case ``select`` without default: the plain operation, answered as a select."""

    __slots__ = ("case",)

    def __init__(self, case: Op):
        self.case = case

    def _start(self, rt: Runtime, g: Goroutine) -> Any:
        case = self.case
        if case._ready():
            value, ok = case._commit()
            return 0, value, ok
        group: list = []
        w = case._enqueue(g, 0, group)
        if w is None:  # the nil channel
            g.park(case.reason, rt.env._now)
            return PARK
        group.append(w)
        g.park(_plain_reason(case), rt.env._now, (case.ch,))
        return PARK


def _plain_reason(case: Op) -> str:
    return _g.CHAN_SEND if isinstance(case, Send) else _g.CHAN_RECEIVE


def select(*cases: Op, default: bool = False) -> Op:
    """``select { case ...: ... default: }`` — yield it: ``i, v, ok = yield sl.select(...)``."""
    if len(cases) == 1 and not default:
        return _Single(cases[0])
    return Select(cases, default)
