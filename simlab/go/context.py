"""Go's ``context`` package: Background, WithCancel(Cause), WithDeadline(Cause),
WithTimeout(Cause), WithValue, WithoutCancel, AfterFunc and Cause.

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

A ``with_value`` context carries one key and value and is otherwise its parent:
its children register with the nearest cancellable context above it. A
``without_cancel`` context keeps its parent's values and nothing else: never
done (``done()`` is the nil channel), no deadline, no error, no cause.
``after_func(ctx, f)`` registers ``f`` among ``ctx``'s children, as Go's
``afterFuncCtx`` is, and starts it in a goroutine of its own when ``ctx`` is
cancelled (at once if it already is).

A context of one's own (a :class:`Context` subclass made outside this module,
such as a translated program's type with Go's four methods) is a parent as Go's
``propagateCancel`` sees one: a child registers with the cancellable context
that its ``value(CANCEL_CTX_KEY)`` leads to when that context's ``done()`` is
the parent's, and otherwise a goroutine of the context package waits for either
to be done; a parent whose ``done()`` is the nil channel is never cancelled.

Errors are :class:`GoError` values, compared by identity as Go compares error
values: ``sl.errors_new("disk full")`` is Go's ``errors.New``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FunctionType, MethodType
from typing import TYPE_CHECKING, Any

from ..duration import format_duration, time_string
from ..errors import GoPanic
from .chan import Chan, NilChan, nil_chan
from .frames import GOROOT_SRC, gofunc
from .select import select

if TYPE_CHECKING:
    from types import CodeType

    from .runtime import Runtime
    from .timers import FuncTimer


class GoError:
    """A Go ``error`` value (``ctx.err()`` returns one, or None); ``str`` is its message.

    ``GoError(name, message)``: ``name`` is how ``repr`` shows it (Go's type or
    variable, ``"context.Canceled"``), ``message`` its ``Error()`` text. Two errors
    are equal only if they are the same value, as Go's ``errors.New`` values are;
    :func:`errors_new` makes one as ``errors.New`` does.
    """

    __slots__ = ("message", "name")

    def __init__(self, name: str, message: str):
        self.name = name
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.name

    def Error(self) -> str:  # Go's method name: a translated program calls it
        return self.message


class _DeadlineExceededError(GoError):
    """Go's ``context.deadlineExceededError``: a timeout, as ``net.Error`` asks."""

    __slots__ = ()

    # Go's method names: a translated program calls them
    def Timeout(self) -> bool:
        return True

    def Temporary(self) -> bool:
        return True


Canceled = GoError("context.Canceled", "context canceled")
DeadlineExceeded = _DeadlineExceededError("context.DeadlineExceeded", "context deadline exceeded")


def errors_new(message: str) -> GoError:
    """``errors.New(message)``: a new error, distinct from every other (a cause for
    ``with_cancel_cause``, ``with_timeout_cause``, an errgroup function's result)."""
    return GoError("*errors.errorString", message)


class ContextTable:
    """The program's cancellable contexts: those not cancelled yet (``live_contexts``)
    and, with ``keep_cancelled``, the cancelled ones too (for pictures of the tree)."""

    __slots__ = ("_cancelled", "_keep", "_live")

    def __init__(self, keep_cancelled: bool = True) -> None:
        self._live: dict[int, CancelCtx] = {}
        self._cancelled: dict[int, CancelCtx] = {}
        self._keep = keep_cancelled

    def add(self, ctx: CancelCtx) -> None:
        self._live[ctx.id] = ctx

    def cancelled(self, ctx: CancelCtx) -> None:
        ctx = self._live.pop(ctx.id, ctx)
        if self._keep:
            self._cancelled[ctx.id] = ctx

    def live(self) -> int:
        return len(self._live)

    def all(self) -> list[CancelCtx]:
        """Every context kept, oldest first."""
        merged = {**self._live, **self._cancelled}
        return [merged[k] for k in sorted(merged)]


class Context:
    """``context.Context``: ``done()``, ``err()``, ``deadline()``, ``value(key)``, and
    ``cause()`` (``context.Cause(ctx)``)."""

    __slots__ = ("_rt", "created_at", "created_in", "id", "name", "parent")
    kind = "Context"
    cancellable = False
    _rt: Runtime
    parent: Context | None
    id: int
    name: str | None
    created_at: tuple[CodeType, int] | None
    created_in: int | None

    def __init__(self, rt: Runtime) -> None:
        """A context of one's own, with no parent the package knows of: a subclass
        gives ``done()`` and ``err()``, and ``deadline()`` and ``value(key)`` where
        it has them (none and None, else)."""
        self._rt = rt
        self.parent = None
        self.id = 0
        self.name = None
        self.created_at = None
        self.created_in = None

    def done(self) -> Any:
        raise NotImplementedError

    def err(self) -> GoError | None:
        raise NotImplementedError

    def cause(self) -> GoError | None:
        """``context.Cause(ctx)``: None until the context is done; then the cause its
        cancellation (or its nearest cancelled ancestor's) was given, else ``err()``.
        Asked of a context of one's own, its ``value(CANCEL_CTX_KEY)`` leads to the
        cancellable context whose cause it is, as in Go."""
        found = self.value(CANCEL_CTX_KEY)
        if isinstance(found, CancelCtx):
            return found.cause()
        return self.err()

    def deadline(self) -> tuple[int, bool]:
        """``(deadline, ok)``; ``ok`` is False when no deadline is set."""
        return self.parent.deadline() if self.parent is not None else (0, False)

    def value(self, key: Any) -> Any:
        """``ctx.Value(key)``: the value of the nearest ``with_value`` up the chain
        whose key equals ``key`` (same type, equal value), else None."""
        return self.parent.value(key) if self.parent is not None else None

    @property
    def runtime(self) -> Runtime:
        """The runtime the context belongs to (for library code that is handed only a
        context, as ``errgroup.with_context`` is)."""
        return self._rt

    def ancestry(self) -> list[Context]:
        """This context, its parent, and so on up to the root."""
        chain: list[Context] = []
        ctx: Context | None = self
        while ctx is not None:
            chain.append(ctx)
            ctx = ctx.parent
        return chain

    def label(self) -> str:
        return self.name or f"{self.kind}#{self.id}"

    def __str__(self) -> str:
        """What Go's ``String`` (and so ``fmt.Println(ctx)``) prints: the parent's
        string and how this context was derived, ``context.Background.WithCancel``."""
        return f"{self.parent}.{self.kind}"

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

    def __str__(self) -> str:
        return self.name or "context.Background"

    def __repr__(self) -> str:
        return str(self)


def todo(rt: Runtime) -> Background:
    """``context.TODO()``: Background under another name."""
    ctx = Background(rt)
    ctx.name = "context.TODO"
    return ctx


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
        self._children: dict[int, CancelCtx | _AfterFunc] = {}
        self.cancel_called = False
        self.cancelled_at: int | None = None
        rt.context_table.add(self)
        _propagate(parent, self)

    def done(self) -> Chan:
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if self._done is None:
            self._done = Chan(self._rt, 0, f"{self.label()}.Done()")
            self._done.owner = self
            if self._err is not None:
                self._done.close()
        return self._done

    def err(self) -> GoError | None:
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        return self._err

    def cause(self) -> GoError | None:
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        return self._cause

    def value(self, key: Any) -> Any:
        if key is CANCEL_CTX_KEY:
            return self
        return self.parent.value(key) if self.parent is not None else None

    def children(self) -> list[CancelCtx]:
        """The cancellable contexts registered to be cancelled with this one."""
        return [c for c in self._children.values() if isinstance(c, CancelCtx)]

    def _cancel(self, remove_from_parent: bool, err: GoError, cause: GoError | None) -> None:
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
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
        if remove_from_parent:
            p = _cancel_parent(self.parent)
            if p is not None:
                p._children.pop(self.id, None)
        rt.context_table.cancelled(self)
        if rt.trace.full:
            cur = rt.current
            rt.trace.event(rt.env._now, cur.id if cur else 0, "cancel", (self.id, str(err)))

    def _cancel_func(self) -> Callable[[], None]:
        def cancel() -> None:
            self.cancel_called = True
            self._cancel(True, Canceled, None)

        return cancel

    def _cancel_cause_func(self) -> Callable[[GoError | None], None]:
        def cancel(cause: GoError | None) -> None:
            self.cancel_called = True
            self._cancel(True, Canceled, cause)

        return cancel

    def __repr__(self) -> str:
        state = f"done: {self._err}" if self._err else "live"
        return f"<{self.kind} {self.label()} {state}>"


class TimerCtx(CancelCtx):
    """A context made by ``with_deadline`` / ``with_timeout``: a deadline and its timer."""

    __slots__ = ("_deadline", "_deadline_cause", "_timer")
    kind = "WithDeadline"

    def __init__(
        self,
        parent: Context,
        deadline: int,
        name: str | None,
        depth: int,
        cause: GoError | None = None,
    ):
        self._deadline = deadline
        self._deadline_cause = cause  # the cause when the deadline passes (WithDeadlineCause)
        self._timer: FuncTimer | None = None
        super().__init__(parent, name, depth + 1)
        rt = self._rt
        remaining = deadline - rt.env._now
        if remaining <= 0:
            self._cancel(True, DeadlineExceeded, cause)
        elif self._err is None:
            self._timer = rt.after_func(remaining, self._expire, name="context.WithDeadline")

    def _expire(self) -> None:
        self._cancel(True, DeadlineExceeded, self._deadline_cause)

    def __str__(self) -> str:
        left = format_duration(self._deadline - self._rt.env._now)
        return f"{self.parent}.WithDeadline({time_string(self._deadline)} [{left}])"

    def deadline(self) -> tuple[int, bool]:
        return self._deadline, True

    def _cancel(self, remove_from_parent: bool, err: GoError, cause: GoError | None) -> None:
        super()._cancel(remove_from_parent, err, cause)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


class ValueCtx(Context):
    """A context made by ``with_value``: one key and its value; otherwise its parent."""

    __slots__ = ("key", "val")
    kind = "WithValue"

    def __init__(self, parent: Context, key: Any, val: Any):
        rt = parent._rt
        self._rt = rt
        self.parent = parent
        self.key = key
        self.val = val
        self.id = rt.new_id()
        self.name = None
        self.created_at = None
        cur = rt.current
        self.created_in = cur.id if cur is not None else None

    def done(self) -> Any:
        assert self.parent is not None
        return self.parent.done()

    def err(self) -> GoError | None:
        assert self.parent is not None
        return self.parent.err()

    def cause(self) -> GoError | None:
        assert self.parent is not None
        return self.parent.cause()

    def value(self, key: Any) -> Any:
        ctx: Context | None = self
        while isinstance(ctx, ValueCtx):  # Go's value(): a loop up the chain
            k = ctx.key
            if (k is key and not (isinstance(k, float) and k != k)) or (  # a NaN equals nothing
                type(k) is type(key) and k == key
            ):
                return ctx.val
            ctx = ctx.parent
        return ctx.value(key) if ctx is not None else None

    def label(self) -> str:
        return f"WithValue({self._stringify(self.key)}, {self._stringify(self.val)})"

    def __str__(self) -> str:
        key, val = self._stringify(self.key), self._stringify(self.val)
        return f"{self.parent}.WithValue({key}, {val})"

    def __repr__(self) -> str:
        return f"<WithValue {self._stringify(self.key)}={self.val!r}>"

    def _stringify(self, v: Any) -> str:
        """How Go's valueCtx.String shows a key or value: a Stringer by its String, a
        string as itself, nil as ``<nil>``, anything else by its dynamic type's name
        (``rt.type_names``, which a translation sets; else a class's ``go_name``)."""
        if type(v) is str:
            return v
        if v is None:
            return "<nil>"
        stringer = getattr(v, "String", None)
        if callable(stringer):
            return str(stringer())
        if (names := self._rt.type_names) is not None:
            return names(v)
        return getattr(type(v), "go_name", None) or _GO_TYPES.get(type(v), type(v).__name__)


_GO_TYPES = {bool: "bool", int: "int", float: "float64", str: "string"}


class WithoutCancelCtx(Context):
    """A context made by ``without_cancel``: its parent's values, and nothing else."""

    __slots__ = ()
    kind = "WithoutCancel"

    def __init__(self, parent: Context):
        rt = parent._rt
        self._rt = rt
        self.parent = parent
        self.id = rt.new_id()
        self.name = None
        self.created_at = None
        cur = rt.current
        self.created_in = cur.id if cur is not None else None

    def done(self) -> NilChan:
        return nil_chan

    def err(self) -> GoError | None:
        return None

    def cause(self) -> GoError | None:
        return None

    def deadline(self) -> tuple[int, bool]:
        return 0, False

    def value(self, key: Any) -> Any:
        if key is CANCEL_CTX_KEY:
            return None  # Cause(ctx) is nil: nothing above is this one's cancellation
        return self.parent.value(key) if self.parent is not None else None

    def pending_deadline(self) -> Context | None:
        return None

    def __str__(self) -> str:
        return f"{self.parent}.WithoutCancel"

    def __repr__(self) -> str:
        return f"<WithoutCancel of {self.parent!r}>"


class _CancelCtxKey:
    """The key whose value a cancellable context is itself (Go's ``&cancelCtxKey``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "&cancelCtxKey"


CANCEL_CTX_KEY = _CancelCtxKey()

# The package's contexts that nothing above them cancels.
_NEVER_CANCELLED = (Background, WithoutCancelCtx)


def _cancel_parent(ctx: Context | None) -> CancelCtx | None:
    """The context a child of ``ctx`` registers with to be cancelled along with it:
    the nearest cancellable context up through ``with_value`` layers (Go's
    ``parentCancelCtx``), or None if ``ctx`` is never cancelled (Background,
    ``without_cancel``). Through a context of one's own, the one its
    ``value(CANCEL_CTX_KEY)`` gives, if its ``done()`` is that context's."""
    while ctx is not None:
        if isinstance(ctx, CancelCtx):
            return ctx
        if not isinstance(ctx, ValueCtx):
            if isinstance(ctx, _NEVER_CANCELLED):
                return None
            done = ctx.done()
            if done is nil_chan:
                return None
            found = ctx.value(CANCEL_CTX_KEY)
            if isinstance(found, CancelCtx) and found.done() is done:
                return found
            return None
        ctx = ctx.parent
    return None


def _propagate(parent: Context, child: CancelCtx | _AfterFunc) -> None:
    """Arrange for ``child`` to be cancelled with ``parent`` (Go's ``propagateCancel``):
    at once if the parent is done, else among the children of the cancellable context
    above it; above a context of one's own that leads to none, a goroutine waits."""
    ctx: Context | None = parent
    while type(ctx) is ValueCtx:
        ctx = ctx.parent
    if ctx is None or isinstance(ctx, (CancelCtx, *_NEVER_CANCELLED)):
        err = parent.err()
        if err is not None:
            child._cancel(False, err, parent.cause())
        elif isinstance(ctx, CancelCtx):  # the nearest cancellable one: _cancel_parent
            ctx._children[child.id] = child
        return
    done = parent.done()
    if done is nil_chan:
        return  # never cancelled
    if done.closed:
        child._cancel(False, _cancel_error(parent), parent.cause())
        return
    p = _cancel_parent(parent)
    if p is not None:
        if p._err is not None:
            child._cancel(False, p._err, p._cause)
        else:
            p._children[child.id] = child
        return
    parent._rt.spawn(_wait_parent, (parent, child), _WAIT_PARENT_NAME, created_at=_PROPAGATE)


# Where Go starts the goroutine that waits on a parent of one's own (Go 1.27).
_CONTEXT_GO = f"{GOROOT_SRC}/context/context.go"
_WAIT_PARENT_NAME = "context.(*cancelCtx).propagateCancel.func2"
_PROPAGATE = ("context.(*cancelCtx).propagateCancel", _CONTEXT_GO, 523)


@gofunc(_WAIT_PARENT_NAME, file=_CONTEXT_GO)
def _wait_parent(parent: Context, child: CancelCtx | _AfterFunc) -> Any:
    """The goroutine that cancels ``child`` when a context of one's own is done."""
    i, _, _ = yield select(parent.done().recv_case(), child.done().recv_case())  # L524
    if i == 0:
        child._cancel(False, _cancel_error(parent), parent.cause())  # L526


def _cancel_error(parent: Context) -> GoError:
    """The error a child takes from a done parent of one's own: a parent done with no
    error is a broken Context, and Go's cancel panics."""
    err = parent.err()
    if err is None:
        raise GoPanic("context: internal error: missing cancel error")
    return err


class _AfterFunc:
    """What ``after_func(ctx, f)`` registers among ``ctx``'s children (Go's
    ``afterFuncCtx``): cancelling it starts ``f`` in a goroutine of its own, once."""

    __slots__ = ("_done", "_rt", "cancelled", "f", "id", "parent", "started")

    def __init__(self, ctx: Context, f: Callable[[], Any]):
        self._rt = ctx._rt
        self.f = f
        self.parent = ctx
        self.id = self._rt.new_id()
        self.started = False  # Go's once: f was started, or stop() won
        self.cancelled = False
        self._done: Chan | None = None

    def done(self) -> Chan:
        """Closed once cancelled or stopped: what a goroutine waiting on a parent of
        one's own waits on besides the parent."""
        if self._done is None:
            self._done = Chan(self._rt, 0, f"{self.label()}.Done()")
            if self.cancelled:
                self._done.close()
        return self._done

    def _cancel(self, remove_from_parent: bool, err: GoError, cause: GoError | None) -> None:
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if not self.cancelled:
            self.cancelled = True
            if self._done is not None:
                self._done.close()
        if remove_from_parent:
            p = _cancel_parent(self.parent)
            if p is not None:
                p._children.pop(self.id, None)
        if not self.started:
            self.started = True
            f = self.f
            self._rt.spawn(f, (), getattr(f, "__name__", "func"), created_at=_AFTERFUNC)

    def stop(self) -> bool:
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if self.started:
            return False
        self.started = True
        self._cancel(True, Canceled, None)
        return True

    def label(self) -> str:
        return f"AfterFunc#{self.id}"


# Where Go says a context.AfterFunc goroutine comes from (Go 1.27's context.go).
_AFTERFUNC = ("context.(*afterFuncCtx).cancel.func1", _CONTEXT_GO, 359)


def _check_parent(parent: Context | None) -> Context:
    if parent is None:
        raise GoPanic("cannot create context from nil parent")
    return parent


def with_cancel(
    parent: Context, *, name: str | None = None
) -> tuple[CancelCtx, Callable[[], None]]:
    """``ctx, cancel := context.WithCancel(parent)``."""
    ctx = CancelCtx(_check_parent(parent), name, 2)
    return ctx, ctx._cancel_func()


def with_cancel_cause(
    parent: Context, *, name: str | None = None, _depth: int = 2
) -> tuple[CancelCtx, Callable[[GoError | None], None]]:
    """``ctx, cancel := context.WithCancelCause(parent)``: ``cancel(cause)`` cancels
    ``ctx`` with ``err()`` Canceled and :func:`cause` ``cause`` (Canceled if None).
    Only the first cancellation sets the cause."""
    ctx = CancelCtx(_check_parent(parent), name, _depth)
    return ctx, ctx._cancel_cause_func()


def with_deadline(
    parent: Context, deadline: int, *, name: str | None = None, _depth: int = 2
) -> tuple[CancelCtx, Callable[[], None]]:
    """``ctx, cancel := context.WithDeadline(parent, d)``; ``deadline`` is an instant in ns."""
    return with_deadline_cause(parent, deadline, None, name=name, _depth=_depth + 1)


def with_deadline_cause(
    parent: Context,
    deadline: int,
    cause: GoError | None,
    *,
    name: str | None = None,
    _depth: int = 2,
) -> tuple[CancelCtx, Callable[[], None]]:
    """``ctx, cancel := context.WithDeadlineCause(parent, d, cause)``: as
    :func:`with_deadline`, and when the deadline passes :func:`cause` is ``cause``
    (``err()`` is DeadlineExceeded). ``cancel()`` sets no cause. If the parent's
    deadline comes first, the child is a plain cancellable context and ``cause`` is
    never used, as in Go."""
    parent = _check_parent(parent)
    cur, ok = parent.deadline()
    if ok and cur < deadline:  # the parent's deadline comes first: it is the child's
        ctx = CancelCtx(parent, name, _depth)
    else:
        ctx = TimerCtx(parent, deadline, name, _depth, cause)
    return ctx, ctx._cancel_func()


def with_timeout(
    parent: Context, timeout: int, *, name: str | None = None
) -> tuple[CancelCtx, Callable[[], None]]:
    """``ctx, cancel := context.WithTimeout(parent, d)``: a deadline ``d`` from now."""
    parent = _check_parent(parent)
    return with_deadline_cause(parent, parent._rt.env._now + timeout, None, name=name, _depth=3)


def with_timeout_cause(
    parent: Context, timeout: int, cause: GoError | None, *, name: str | None = None
) -> tuple[CancelCtx, Callable[[], None]]:
    """``ctx, cancel := context.WithTimeoutCause(parent, d, cause)``: a deadline ``d``
    from now, with ``cause`` as the cause when it passes."""
    parent = _check_parent(parent)
    return with_deadline_cause(parent, parent._rt.env._now + timeout, cause, name=name, _depth=3)


def with_value(parent: Context, key: Any, value: Any) -> Context:
    """``context.WithValue(parent, key, value)``: ``ctx.value(key)`` is ``value`` in the
    new context and everything derived from it, unless a nearer ``with_value`` of an
    equal key (same type, equal value) shadows it. A None, unhashable or function key
    panics, as a nil or non-comparable key does in Go."""
    parent = _check_parent(parent)
    if key is None:
        raise GoPanic("nil key")
    try:
        hash(key)  # a slice literal held in an interface hashes to Go's panic
    except (TypeError, GoPanic):
        raise GoPanic("key is not comparable") from None
    if isinstance(key, FunctionType | MethodType):  # a func, which Go cannot compare
        raise GoPanic("key is not comparable")
    return ValueCtx(parent, key, value)


def without_cancel(parent: Context) -> Context:
    """``context.WithoutCancel(parent)``: a context with the parent's values that is
    never cancelled: ``done()`` is the nil channel, ``err()`` and :func:`cause` None,
    no deadline; nothing derived from it is cancelled by the parent."""
    return WithoutCancelCtx(_check_parent(parent))


def cause(ctx: Context) -> GoError | None:
    """``context.Cause(ctx)``: None while ``ctx`` is not done; then the cause given to
    the cancellation that ended it (``cancel(cause)`` of ``with_cancel_cause``, the
    ``cause`` of ``with_timeout_cause``), else ``ctx.err()``."""
    return ctx.cause()


def after_func(ctx: Context, f: Callable[[], Any]) -> Callable[[], bool]:
    """``stop := context.AfterFunc(ctx, f)``: once ``ctx`` is done, ``f`` (a plain or
    a generator function) runs in a goroutine of its own, once; if ``ctx`` is done
    already, that goroutine starts at once. ``stop()`` returns True if it kept ``f``
    from being started, False if ``f`` had been started or ``stop`` already called.
    On a context that is never cancelled (Background, ``without_cancel``) ``f``
    never runs."""
    a = _AfterFunc(ctx, f)
    _propagate(ctx, a)
    return a.stop
