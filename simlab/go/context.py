"""Go's ``context`` package: Background, WithCancel, WithDeadline, WithTimeout.

A context is a node in a tree. Cancelling a node closes its ``done()`` channel,
sets ``err()``, cancels its children (in an order the strategy picks, as Go's
map iteration would) and removes it from its parent. A child of a context that
is already done is born cancelled. A child's deadline is the earlier of its own
and its parent's: if the parent's comes first, ``with_deadline`` returns a plain
cancellable child, as Go does. ``with_timeout`` holds a timer (an ``AfterFunc``)
until the deadline or the cancel, whichever is first.

A cancellable context that is never cancelled stays registered in its parent
(what ``go vet``'s lostcancel warns about); :meth:`Runtime.live_contexts` counts
every cancellable context not yet cancelled. ``Background().done()`` is the
nil channel: waiting on it blocks forever.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .chan import Chan, nil_chan

if TYPE_CHECKING:
    from .runtime import Runtime
    from .timers import FuncTimer


class GoError:
    """A Go ``error`` value (``ctx.err()`` returns one, or None); ``str`` is its message."""

    __slots__ = ("message", "name")

    def __init__(self, name: str, message: str):
        self.name = name
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.name


Canceled = GoError("context.Canceled", "context canceled")
DeadlineExceeded = GoError("context.DeadlineExceeded", "context deadline exceeded")


class ContextTable:
    """The program's cancellable contexts: every one made (for pictures and the
    provenance shown in dumps), and those not cancelled yet (``live_contexts``)."""

    __slots__ = ("_all", "_live")

    def __init__(self) -> None:
        self._live: dict[int, CancelCtx] = {}
        self._all: list[CancelCtx] = []

    def add(self, ctx: CancelCtx) -> None:
        self._live[ctx.id] = ctx
        self._all.append(ctx)

    def cancelled(self, ctx: CancelCtx) -> None:
        self._live.pop(ctx.id, None)

    def live(self) -> int:
        return len(self._live)

    def all(self) -> list[CancelCtx]:
        return list(self._all)


class Context:
    """``context.Context``: ``done()``, ``err()``, ``deadline()``, ``cause()``."""

    __slots__ = ("_rt", "created_at", "created_in", "id", "name", "parent")
    kind = "Context"
    cancellable = False

    def done(self) -> Any:
        raise NotImplementedError

    def err(self) -> GoError | None:
        raise NotImplementedError

    def cause(self) -> GoError | None:
        """``context.Cause(ctx)``."""
        return self.err()

    def deadline(self) -> tuple[int, bool]:
        """``(deadline, ok)``; ``ok`` is False when no deadline is set."""
        return self.parent.deadline() if self.parent is not None else (0, False)

    def ancestry(self) -> list[Context]:
        """This context, its parent, and so on up to the root."""
        chain, ctx = [], self
        while ctx is not None:
            chain.append(ctx)
            ctx = ctx.parent
        return chain

    def label(self) -> str:
        return self.name or f"{self.kind}#{self.id}"

    def wake_source(self) -> str | None:
        """Time, if a deadline up the chain will cancel this context (its ``done()``
        channel asks this on behalf of the goroutines waiting on it)."""
        deadline = self.pending_deadline()
        return f"time (the deadline of {deadline.label()})" if deadline is not None else None

    def pending_deadline(self) -> Context | None:
        """The nearest context up the chain (this one included) whose deadline timer
        is still armed: time alone will cancel this one then."""
        ctx: Context | None = self
        while ctx is not None:
            timer = getattr(ctx, "_timer", None)
            if timer is not None and timer.armed and ctx.err() is None:
                return ctx
            ctx = ctx.parent
        return None


class Background(Context):
    """``context.Background()``: never cancelled, no deadline, ``done()`` is nil."""

    __slots__ = ()
    kind = "Background"

    def __init__(self, rt: Runtime):
        self._rt = rt
        self.parent = None
        self.id = 0
        self.name = "context.Background"
        self.created_at = None
        self.created_in = None

    def done(self) -> Any:
        return nil_chan

    def err(self) -> GoError | None:
        return None

    def __repr__(self) -> str:
        return "context.Background"


class CancelCtx(Context):
    """A context made by ``with_cancel`` (and the base of ``with_deadline``)."""

    __slots__ = ("_cause", "_children", "_done", "_err", "cancel_called", "cancelled_at")
    kind = "WithCancel"
    cancellable = True

    def __init__(self, parent: Context, name: str | None, depth: int):
        rt = parent._rt
        self._rt = rt
        self.parent = parent
        self.name = name
        self.id = rt.new_id()
        caller = sys._getframe(depth)
        self.created_at = (caller.f_code, caller.f_lineno)
        cur = rt.current
        self.created_in = cur.id if cur is not None else None
        self._done: Chan | None = None
        self._err: GoError | None = None
        self._cause: GoError | None = None
        self._children: dict[int, CancelCtx] = {}
        self.cancel_called = False
        self.cancelled_at: int | None = None
        rt.context_table.add(self)
        if parent.err() is not None:
            self._cancel(False, parent.err(), parent.cause())
        elif parent.cancellable:
            parent._children[self.id] = self

    def done(self) -> Chan:
        if self._done is None:
            self._done = Chan(self._rt, 0, f"{self.label()}.Done()")
            self._done.owner = self
            if self._err is not None:
                self._done.close()
        return self._done

    def err(self) -> GoError | None:
        return self._err

    def cause(self) -> GoError | None:
        return self._cause

    def children(self) -> list[CancelCtx]:
        return list(self._children.values())

    def _cancel(self, remove_from_parent: bool, err: GoError, cause: GoError | None) -> None:
        if self._err is not None:
            return
        rt = self._rt
        self._err = err
        self._cause = cause or err
        self.cancelled_at = rt.env._now
        if self._done is not None:
            self._done.close()
        children, self._children = self._children, {}
        for child in rt.shuffled(list(children.values())):
            child._cancel(False, err, cause)
        if remove_from_parent and self.parent.cancellable:
            self.parent._children.pop(self.id, None)
        rt.context_table.cancelled(self)
        if rt.trace.full:
            cur = rt.current
            rt.trace.event(rt.env._now, cur.id if cur else 0, "cancel", (self.id, str(err)))

    def _cancel_func(self) -> Callable[[], None]:
        def cancel() -> None:
            self.cancel_called = True
            self._cancel(True, Canceled, None)

        return cancel

    def __repr__(self) -> str:
        state = f"done: {self._err}" if self._err else "live"
        return f"<{self.kind} {self.label()} {state}>"


class TimerCtx(CancelCtx):
    """A context made by ``with_deadline`` / ``with_timeout``: a deadline and its timer."""

    __slots__ = ("_deadline", "_timer")
    kind = "WithDeadline"

    def __init__(self, parent: Context, deadline: int, name: str | None, depth: int):
        self._deadline = deadline
        self._timer: FuncTimer | None = None
        super().__init__(parent, name, depth + 1)
        rt = self._rt
        remaining = deadline - rt.env._now
        if remaining <= 0:
            self._cancel(True, DeadlineExceeded, None)
        elif self._err is None:
            self._timer = rt.after_func(remaining, self._expire, name="context.WithDeadline")

    def _expire(self) -> None:
        self._cancel(True, DeadlineExceeded, None)

    def deadline(self) -> tuple[int, bool]:
        return self._deadline, True

    def _cancel(self, remove_from_parent: bool, err: GoError, cause: GoError | None) -> None:
        super()._cancel(remove_from_parent, err, cause)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


def with_cancel(parent: Context, *, name: str | None = None) -> tuple[CancelCtx, Callable]:
    """``ctx, cancel := context.WithCancel(parent)``."""
    ctx = CancelCtx(parent, name, 2)
    return ctx, ctx._cancel_func()


def with_deadline(
    parent: Context, deadline: int, *, name: str | None = None, _depth: int = 2
) -> tuple[CancelCtx, Callable]:
    """``ctx, cancel := context.WithDeadline(parent, d)``; ``deadline`` is an instant in ns."""
    cur, ok = parent.deadline()
    if ok and cur < deadline:  # the parent's deadline comes first: it is the child's
        ctx = CancelCtx(parent, name, _depth)
    else:
        ctx = TimerCtx(parent, deadline, name, _depth)
    return ctx, ctx._cancel_func()


def with_timeout(
    parent: Context, timeout: int, *, name: str | None = None
) -> tuple[CancelCtx, Callable]:
    """``ctx, cancel := context.WithTimeout(parent, d)``: a deadline ``d`` from now."""
    return with_deadline(parent, parent._rt.env._now + timeout, name=name, _depth=3)
