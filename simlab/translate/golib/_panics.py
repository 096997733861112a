"""``panic``, ``recover`` and ``defer``.

``go.panic(value)`` raises a :class:`Panic`, a :class:`~simlab.GoPanic` that keeps
Go's value, so that ``recover()`` returns it and the message Go prints
(``panic: main.code(7)``, ``panic: first [recovered]`` then ``\tpanic: second``) is
the exception's. A deferred call that may recover runs from ``with go.defer(f):``
(or :class:`Recoverable` when ``f`` blocks): ``go.recover()`` returns the panic only
when called directly by that ``f``, as Go's recover does only in the deferred
function itself.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator
from inspect import isgenerator
from types import FrameType, TracebackType
from typing import Any, NoReturn

import simlab as sl
from simlab.errors import GoPanic

from ._fmt import _NOT_STRUCTS, v
from ._numbers import Float32, Sized
from ._runtime_errors import (
    _RUNTIME_ERRORS,
    GoRuntimeError,
    PanicNilError,
    is_nil_value_method,
    runtime_error,
)
from ._types import type_name
from ._values import NamedBool, _address_text, call


class Panic(GoPanic):
    """``panic(value)`` of the program: a :class:`~simlab.GoPanic` that keeps the value."""

    def __init__(self, value: Any, message: str):
        super().__init__(message)
        self.value = value


def panic_value(p: GoPanic) -> Any:
    """The Go value of a panic: what ``recover()`` returns."""
    if isinstance(p, Panic):
        return p.value
    value = getattr(p, "value", None)
    if value is None:
        msg = p.message
        runtime = (
            msg in _RUNTIME_ERRORS
            or msg.startswith(("runtime error: ", "interface conversion: "))
            or is_nil_value_method(msg)
        )
        value = GoRuntimeError(msg) if runtime else msg
        p.value = value  # type: ignore[attr-defined]  # the same value on a second look
    return value


def _panic_text(value: Any) -> str:
    """What Go prints after ``panic: `` for ``value`` (runtime's printpanicval), each
    newline followed by a tab."""
    return _panic_value(value).replace("\n", "\n\t")


def _panic_value(value: Any) -> str:
    if isinstance(value, sl.GoError):
        return str(value)
    error = getattr(value, "Error", None) or getattr(value, "String", None)
    if callable(error):
        return str(error())
    name = getattr(type(value), "go_name", None)
    if isinstance(value, Sized) or type(value) is Float32:  # an unnamed type: the value alone
        return v(value)
    if name is not None and isinstance(value, str):
        return f'{name}("{value}")'
    if name is not None and isinstance(value, int | float):
        return f"{name}({v(type(value).__mro__[1](value))})"
    if isinstance(value, NamedBool):
        return f"{type_name(value)}({v(value.v)})"  # main.Flag(true)
    if hasattr(type(value), "__slots__") and not isinstance(value, _NOT_STRUCTS):
        # a struct or a pointer to one: its type and its address, as fmt's %p
        return f"({type_name(value)}) {_address_text(value)}"
    return v(value)


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, PanicNilError):
        return True  # panic(nil)'s: pointers to a zero-size value, one address in Go
    return a == b if isinstance(a, int | float | str) else a is b


def panic(value: Any) -> NoReturn:
    """``panic(value)``: raises a :class:`Panic`.

    Called while another panic unwinds (in a deferred call), the message is
    Go's chain: the earlier panic, ``[recovered]`` if it was, then this one on
    a line of its own; re-panicking with the value just recovered is one line,
    ``[recovered, repanicked]``.
    """
    if value is None:
        value = PanicNilError()
    try:
        text = _panic_text(value)
    except (GoPanic, AttributeError, IndexError, TypeError, ZeroDivisionError) as exc:
        # its Error or String method panics (a nil *E's that reads a field): a panic
        # the program may recover; the runtime's fatal error if it ends the run
        caught = exc if isinstance(exc, GoPanic) else runtime_error(exc)
        if caught is None:
            raise
        unprintable = Panic(value, "panic while printing panic value")
        inner = panic_value(caught)  # Go's fatal error names a string, else its type
        unprintable.unprintable = inner if type(inner) is str else f"type {type_name(inner)}"
        raise unprintable from None
    earlier = sys.exc_info()[1]
    if not isinstance(earlier, GoPanic):  # a runtime error, or a panic a blocking f caught
        earlier = _deferred_panic(sys._getframe(1)) or _as_panic(earlier)
    if earlier is not None:
        recovered = getattr(earlier, "recovered", False)
        if recovered and _same(panic_value(earlier), value):
            again = Panic(value, earlier.message)
            again.repanicked = True  # GoPanic prints it: [recovered, repanicked]
            raise again
        text = _chained(earlier, text)
    raise Panic(value, text)


def _chained(earlier: GoPanic, text: str) -> str:
    """What Go prints for a panic of ``text`` raised while ``earlier`` unwound: its
    line, ``[recovered]`` if a deferred call recovered it (``[recovered,
    repanicked]`` for a panic of the value just recovered), then this one's."""
    return f"{earlier.message}{earlier.chain_mark}\n\tpanic: {text}"


def _as_panic(exc: BaseException | None) -> GoPanic | None:
    """The Go panic unwinding through a deferred call: ``exc``, or the runtime error
    it stands for."""
    if exc is None or isinstance(exc, GoPanic):
        return exc
    return runtime_error(exc)


def _deferred_panic(frame: FrameType | None) -> GoPanic | None:
    """The panic during which the deferred call running on ``frame``'s stack was
    called, if any: the runtime error a Python exception stands for, made when
    the deferred call began."""
    while frame is not None:
        if frame.f_code in _RUNNERS:
            panic: GoPanic | None = frame.f_locals["self"].panic
            return panic
        frame = frame.f_back
    return None


def recover() -> Any:
    """``recover()``: the panic the calling deferred function runs during, now stopped.

    None unless the caller is a deferred call run by :func:`defer` or
    :meth:`Recoverable.defer` while a panic unwinds (a function that the
    deferred call calls in turn gets None, as in Go).
    """
    caller = sys._getframe(1)
    runner = caller.f_back
    if runner is None or runner.f_code not in _RUNNERS:
        return None
    deferred = runner.f_locals.get("self")
    p = getattr(deferred, "panic", None)
    if p is None or getattr(p, "recovered", False):
        return None
    p.recovered = True
    return panic_value(p)


class defer:  # reads as the statement it renders: with go.defer(f):
    """``defer f(args)`` for an ``f`` that calls recover: ``with go.defer(f, *args):``.

    On the way out of the block, normally or by a panic, calls ``f(*args)``; if
    ``f`` recovered the panic, the panic stops there, as in Go.
    """

    __slots__ = ("args", "fn", "panic")

    def __init__(self, fn: Callable[..., Any], *args: Any):
        self.fn = fn
        self.args = args
        self.panic: GoPanic | None = None

    def __enter__(self) -> defer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        self.panic = p = _as_panic(exc)
        chained: BaseException | None
        try:
            self._call()
        except Exception as again:
            chained = _raised_during(p, again) if p is not None else again
            if chained is again:
                raise
        else:
            chained = None
        if chained is not None:
            raise chained  # raised during exc, its __context__, whose frames it lists
        if p is not None and getattr(p, "recovered", False):
            return True
        if p is not None and p is not exc:
            raise p.with_traceback(tb)  # the runtime error unwinds on, as Go's panic
        return False

    def _call(self) -> None:
        self.fn(*self.args)


def run_defers(defers: list[tuple[Callable[..., Any], tuple[Any, ...]]]) -> None:
    """A function's deferred calls where a ``defer`` sits in a loop or a branch (the
    list its defer statements append to), last first, as its ``finally`` runs them:
    a call that panics does not stop the ones before it, which run during that
    panic, as nested ``try``/``finally`` blocks would run them."""
    while defers:
        call, args = defers.pop()
        try:
            call(*args)
        except GeneratorExit:
            raise
        except BaseException:
            run_defers(defers)  # a later panic in these replaces this one, chained
            raise


def run_blocking_defers(
    defers: list[tuple[Callable[..., Any], tuple[Any, ...]]],
) -> Generator[Any, Any, None]:
    """:func:`run_defers` where a deferred call may block."""
    while defers:
        call_, args = defers.pop()
        try:
            yield from call(call_, *args)
        except GeneratorExit:
            raise
        except BaseException:
            yield from run_blocking_defers(defers)
            raise


class deferring:  # reads as the statement it renders: with go.deferring(defers):
    """The deferred calls of a function whose defers sit in loops or branches and one
    of which may call recover: ``with go.deferring(defers):`` around its body, whose
    defer statements append to ``defers``. On the way out, normally or by a panic,
    the calls run last first, each as :class:`defer` runs one: during the panic,
    which one that recovers stops, and one that panics replaces, chained."""

    __slots__ = ("defers",)

    def __init__(self, defers: list[tuple[Callable[..., Any], tuple[Any, ...]]]):
        self.defers = defers

    def __enter__(self) -> deferring:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        current = exc
        while self.defers:
            fn, args = self.defers.pop()
            try:
                if defer(fn, *args).__exit__(
                    None if current is None else type(current),
                    current,
                    None if current is None else current.__traceback__,
                ):
                    current = None  # recovered
            except GeneratorExit:
                raise
            except BaseException as again:
                current = again
        if current is exc:
            return False
        if current is None:
            return True  # a deferred call recovered the panic
        raise current


class Recoverable:
    """``defer f(args)`` for an ``f`` that blocks and calls recover::

    recovering = go.Recoverable()
    try:
        with recovering:  # keeps the panic, if any
            ...
    finally:
        yield from recovering.defer(f, *args)  # re-raises it unless f recovered it
    """

    __slots__ = ("panic",)

    def __init__(self) -> None:
        self.panic: GoPanic | None = None

    def __enter__(self) -> Recoverable:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        self.panic = _as_panic(exc)
        if self.panic is not None:
            self.panic.with_traceback(tb)
            return True
        return False

    def defer(self, fn: Callable[..., Any], *args: Any) -> Generator[Any, Any, None]:
        p = self.panic
        chained: BaseException | None
        try:
            result = fn(*args)
            if isgenerator(result):
                yield from result
        except BaseException as again:
            if p is None or again is p:
                raise
            chained = _raised_during(p, again)
            if chained.__context__ is None:
                chained.__context__ = p  # raised during p, as a with block's would be
            if chained is again:
                raise
        else:
            chained = None
        if chained is not None:
            raise chained
        if p is not None and not getattr(p, "recovered", False):
            raise p


def _raised_during(p: GoPanic, again: BaseException) -> BaseException:
    """``again``, raised by a deferred call that runs during the panic ``p``: a
    runtime error or a library's panic (``panic()`` chains its own) as Go prints
    it. Where ``p`` was recovered and ``again``'s value is the same (a runtime
    error's if it is one of Go's fixed ones), one line, ``[recovered, repanicked]``; else ``p``'s
    message, ``[recovered]`` if it was, then ``again``'s on a line of its own."""
    new = _as_panic(again) if isinstance(again, Exception) else None
    if new is None or isinstance(new, Panic):
        return again
    recovered = getattr(p, "recovered", False)
    was, now = panic_value(p), panic_value(new)
    if recovered and (_same(was, now) or _same_runtime_error(was, now)):
        new.repanicked = True
    else:
        new.message = _chained(p, new.message)
    return new if new is again else new.with_traceback(again.__traceback__)


def _same_runtime_error(a: Any, b: Any) -> bool:
    """Go compares a panic's value with the recovered one by its interface's data
    pointer: one of the runtime's fixed errors (a package variable, a constant's
    text) is the same each time; one it makes anew (an index out of range, an
    interface conversion) never is."""
    return (
        type(a) is type(b) is GoRuntimeError
        and str(a) == str(b)
        and (str(a) in _RUNTIME_ERRORS or str(a) in _FIXED_RUNTIME_ERRORS)
    )


_FIXED_RUNTIME_ERRORS = (
    "runtime error: invalid memory address or nil pointer dereference",
    "runtime error: integer divide by zero",
    "runtime error: negative shift amount",
)

_RUNNERS = (defer._call.__code__, Recoverable.defer.__code__)


class Return(BaseException):
    """``raise go.Return``: a return statement of a function whose deferred closure
    sets its named results, before its end. The function catches it around its
    body, after the deferred calls ran, and returns the results as they left them
    (Python's return would give the values it had before the deferred calls)."""
