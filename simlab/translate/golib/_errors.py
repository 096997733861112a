"""``errors``: ``errors.New``, ``Join``, ``Unwrap``, ``Is`` and ``As``, ``err.Error()``,
and the standard library's sentinel errors (``os.ErrNotExist``...).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from inspect import isgenerator
from types import MappingProxyType
from typing import Any

import simlab as sl
from simlab.errors import GoPanic

from ._runtime_errors import _NIL_DEREFERENCE
from ._values import (
    NamedValue,
    Ref,
    TypedRef,
    _fmt_method,
    concrete,
    copy,
    equal,
    has_method,
    is_typed_nil,
    uncomparable_type,
)

# The go_signatures of the library's errors with an Unwrap method, which an
# interface{ Unwrap() error } and an interface{ Unwrap() []error } tell apart (see
# golib's Methods).
UNWRAPS_ONE = MappingProxyType({"Unwrap": "func()(error)"})
UNWRAPS_MANY = MappingProxyType({"Unwrap": "func()([]error)"})


class JoinError(sl.GoError):
    """``errors.Join(errs...)``: the non-nil errors, their messages one per line,
    read when the message is (an Error method that panics panics there, where fmt
    recovers it)."""

    __slots__ = ("errs",)
    go_signatures = UNWRAPS_MANY

    def __init__(self, errs: list[Any]):
        self.name = "*errors.joinError"
        self.errs = errs

    @property
    def message(self) -> str:  # type: ignore[override]
        return "\n".join(error_text(e) for e in self.errs)

    def Unwrap(self) -> list[Any]:
        return self.errs


def error_text(err: Any) -> str:
    """``err.Error()`` for an ``error``: the method of the program's error type, or
    the message of the library's (nil is Go's nil pointer dereference)."""
    if callable(getattr(type(err), "Error", None)):
        if is_typed_nil(err):
            return str(err.Error())  # (*T)(nil): Go's panic if Error dereferences it
        return _fmt_method(err, "Error")
    if err is None:
        raise GoPanic(_NIL_DEREFERENCE)
    return str(err)


def error_of(err: Any) -> Generator[Any, Any, str]:
    """:func:`error_text`, where the program has an Error method that blocks."""
    if callable(getattr(type(err), "Error", None)):
        text = err.Error()
        return (yield from text) if isgenerator(text) else text
    return error_text(err)


def errors_join(*errs: Any) -> JoinError | None:
    """``errors.Join``: nil when every error is nil."""
    kept = [e for e in errs if e is not None]
    return JoinError(kept) if kept else None


def _tree(err: Any) -> Iterator[Any]:
    """``err`` and the errors it wraps, depth first, as ``errors.Is`` and ``As`` walk
    them: what ``%w`` wrapped, each error ``errors.Join`` joined, and what an error
    type of the program's ``Unwrap`` method returns (one error, or a slice)."""
    while err is not None:
        yield err
        if has_method(err, "Unwrap"):  # a value's method set lacks (*T).Unwrap
            inner = err.Unwrap()
        else:
            inner = getattr(err, "errs", None)
            if inner is None:
                inner = getattr(err, "wrapped", None)
        if isinstance(inner, list):
            for e in inner:
                yield from _tree(e)
            return
        err = inner


def new_error(message: str) -> sl.GoError:
    """``errors.New(message)``: a distinct error value."""
    return sl.GoError("*errors.errorString", message)


def errors_unwrap(err: Any) -> Any:
    """``errors.Unwrap``: what ``err`` wraps, if it wraps one error (a joined error,
    or an ``Unwrap`` that returns a slice, gives nil)."""
    if has_method(err, "Unwrap"):
        inner = err.Unwrap()
        return None if isinstance(inner, list) else inner
    return getattr(err, "wrapped", None)


def _func_or_collection(x: Any) -> bool:
    """``x``, an error, is of a named func, slice or map type, which Go's errors.Is
    does not compare with ``==`` (only an ``Is`` method of the chain can match it)."""
    if not isinstance(x, NamedValue) or x.ref is not None or getattr(type(x), "go_array", False):
        return False  # (a pointer to one compares)
    return callable(x.v) or isinstance(x.v, list | dict)


def errors_is(err: Any, target: Any) -> bool:
    """``errors.Is``: ``err`` is ``target`` or wraps it, or an error of its tree says
    it is, by an ``Is(target) bool`` method of the program; with a nil on either
    side, whether both are nil."""
    if err is None or target is None:
        return err is target
    comparable = uncomparable_type(target) is None and not _func_or_collection(target)
    for e in _tree(err):
        if comparable and (e is target or equal(e, target)):
            return True
        if has_method(e, "Is") and e.Is(target):
            return True
    return False


def errors_as(
    err: Any,
    target: Any,
    matches: Callable[[Any], bool],
    iface: bool = False,
    target_type: str | None = None,
) -> bool:
    """``errors.As(err, &target)``: the first error of ``err``'s chain (``err``, then
    what each wraps) that ``matches`` the target's type goes into ``target.v``; a
    target of interface type (``iface``) takes it as the chain holds it, so a
    ``(*T)(nil)`` there is not nil. An error that does not match may fill the target
    by its own ``As(target) bool`` method, given the target's Go type (``target_type``,
    ``**main.HTTPError``) where the program has such a method. A nil ``err`` is
    false before the target is looked at, as Go's."""
    if err is None:
        return False
    _non_nil(target)
    pointer = isinstance(target, Ref)  # &err, or &h.Err, &errs[0] of a field, an element
    given = TypedRef(target, target_type) if target_type and pointer else target
    for e in _tree(err):
        if not matches(e):
            if has_method(e, "As") and e.As(given):
                return True  # the error's own As method filled the target
            continue
        if pointer:
            target.v = e if iface else concrete(e)
        elif isinstance(target, NamedValue) and target.ref is not None:
            target.ref.v = _plain(e)  # &ve of type ValidationErrors []FieldError
        else:  # &v of a struct value v: the object itself, whose fields take e's
            value = copy(e)
            for name in type(target).__slots__:
                setattr(target, name, getattr(value, name))
        return True
    return False


def errors_as_invalid(err: Any, target: Any) -> bool:
    """``errors.As`` with a target whose element type is no interface and does not
    implement error (``var se StatusError`` where only ``*StatusError`` has Error):
    false of a nil ``err``, else Go's panic, which first asks for a non-nil pointer."""
    if err is None:
        return False
    _non_nil(target)
    raise GoPanic("errors: *target must be interface or implement error")


def errors_as_no_pointer(err: Any, target: Any) -> bool:
    """``errors.As(err, target)`` with a target that is no pointer: false of a nil
    ``err``, else Go's panic, a string to recover, which tells a nil target from
    another value."""
    if err is None:
        return False
    if target is None:
        raise GoPanic("errors: target cannot be nil")
    raise GoPanic("errors: target must be a non-nil pointer")


def _non_nil(target: Any) -> None:
    """Go's panic, a string to recover, for errors.As given a nil target."""
    if target is None or is_typed_nil(target):
        raise GoPanic("errors: target must be a non-nil pointer")


def errors_as_type(
    err: Any,
    matches: Callable[[Any], bool],
    zero: Callable[[], Any],
    iface: bool = False,
    target_type: str | None = None,
    struct: bool = False,
) -> Any:
    """``errors.AsType[E](err)`` (Go 1.26): the first error of ``err``'s chain that
    ``matches`` E, and true (of an interface E, ``iface``, as the chain holds it);
    else E's zero value and false. An error that does not match may fill a new E by
    its own ``As(target) bool`` method, given a pointer to it of the Go type
    ``target_type`` (``*main.Code``) where the program has such a method: for a
    struct type E (``struct``), the struct object itself, as ``&v`` is."""
    target: Any = None
    for e in _tree(err):
        if matches(e):
            if iface:
                return e, True
            return (copy(e) if hasattr(type(e), "go_struct") else _plain(e)), True
        if target_type is not None and has_method(e, "As"):
            if target is None:
                target = zero() if struct else TypedRef(Ref(zero()), target_type)
            if e.As(target):
                return (target if struct else target.v), True
    return zero(), False


def _plain(e: Any) -> Any:
    """What a variable of ``e``'s type holds of the error ``e``: a named slice, map or
    bool's plain value (an interface holds it as a ``go.NamedValue``), else ``e``."""
    return e.v if isinstance(e, NamedValue) else concrete(e)


class PathError(sl.GoError):
    """``*fs.PathError`` (``*os.PathError``, the same type): the operation (``Op``), the
    path (``Path``) and the error it met (``Err``, what ``Unwrap`` gives); its text,
    ``open /missing: file does not exist``, is made of the fields as they are now."""

    __slots__ = ("Err", "Op", "Path")
    go_signatures = UNWRAPS_ONE

    def __init__(self, Op: str = "", Path: str = "", Err: Any = None) -> None:
        super().__init__("*fs.PathError", "")
        self.Op, self.Path, self.Err = Op, Path, Err

    def Error(self) -> str:
        return f"{self.Op} {self.Path}: {error_text(self.Err)}"

    def __str__(self) -> str:
        return self.Error()

    def Unwrap(self) -> Any:  # Go's name: errors.Is and As call it
        return self.Err

    def Timeout(self) -> bool:
        """Whether ``Err`` says it is a timeout, as Go's asks it."""
        return callable(getattr(type(self.Err), "Timeout", None)) and bool(self.Err.Timeout())


class DeadlineExceeded(sl.GoError):
    """``os.ErrDeadlineExceeded``: a timeout (``Timeout`` and ``Temporary`` true), so
    that a ``net.Error`` holds it."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__("*poll.DeadlineExceededError", "i/o timeout")

    def Timeout(self) -> bool:
        return True

    def Temporary(self) -> bool:
        return True


class OpError(sl.GoError):
    """``*net.OpError``: the operation (``Op``), the network (``Net``), the addresses
    (``Source``, ``Addr``: nil here, or what the program set) and the error met
    (``Err``, what ``Unwrap`` gives); its text, ``read pipe: i/o timeout``, is made
    of the fields as they are now, as Go's."""

    __slots__ = ("Addr", "Err", "Net", "Op", "Source")
    go_signatures = UNWRAPS_ONE

    def __init__(
        self, Op: str = "", Net: str = "", Source: Any = None, Addr: Any = None, Err: Any = None
    ) -> None:
        super().__init__("*net.OpError", "")
        self.Op, self.Net, self.Source, self.Addr, self.Err = Op, Net, Source, Addr, Err

    def Error(self) -> str:
        s = self.Op
        if self.Net:
            s += " " + self.Net
        if self.Source is not None:
            s += " " + str(self.Source)
        if self.Addr is not None:
            s += ("->" if self.Source is not None else " ") + str(self.Addr)
        return s + ": " + error_text(self.Err)

    def __str__(self) -> str:
        return self.Error()

    def Unwrap(self) -> Any:
        return self.Err

    def Timeout(self) -> bool:
        """Whether ``Err`` says it is a timeout, as Go's asks it."""
        return callable(getattr(type(self.Err), "Timeout", None)) and bool(self.Err.Timeout())

    def Temporary(self) -> bool:
        """Whether ``Err`` says it is temporary, as Go's asks it."""
        return callable(getattr(type(self.Err), "Temporary", None)) and bool(self.Err.Temporary())


class AddrError(sl.GoError):
    """``*net.AddrError``: what is wrong (``Err``) with an address (``Addr``);
    ``address 10.0.0.1: missing port in address``."""

    __slots__ = ("Addr", "Err")

    def __init__(self, Err: str = "", Addr: str = "") -> None:
        super().__init__("*net.AddrError", "")
        self.Err, self.Addr = Err, Addr

    def Error(self) -> str:
        return f"address {self.Addr}: {self.Err}" if self.Addr else self.Err

    def __str__(self) -> str:
        return self.Error()

    def Timeout(self) -> bool:
        return False

    def Temporary(self) -> bool:
        return False


# the standard library's other sentinel errors a program compares with errors.Is,
# by their Go names: each is one value, as Go's are
LIBRARY_ERRORS = {
    "os.ErrNotExist": new_error("file does not exist"),
    "os.ErrExist": new_error("file already exists"),
    "os.ErrClosed": new_error("file already closed"),
    "os.ErrDeadlineExceeded": DeadlineExceeded(),
    "io.ErrClosedPipe": new_error("io: read/write on closed pipe"),
    "io.ErrShortWrite": new_error("short write"),
    "io.ErrShortBuffer": new_error("short buffer"),
    "io.ErrNoProgress": new_error("multiple Read calls return no data or error"),
    "net.ErrClosed": sl.GoError("poll.errNetClosing", "use of closed network connection"),
    "errors.ErrUnsupported": new_error("unsupported operation"),
    "os.ErrPermission": new_error("permission denied"),
    "path.ErrBadPattern": new_error("syntax error in pattern"),
}
for _name in ("ErrNotExist", "ErrExist", "ErrClosed", "ErrPermission"):
    LIBRARY_ERRORS["io/fs." + _name] = LIBRARY_ERRORS["os." + _name]  # one error, two names
LIBRARY_ERRORS["path/filepath.ErrBadPattern"] = new_error("syntax error in pattern")  # another
