"""``fmt``: ``%v`` and the other verbs, ``Print``, ``Sprint``, ``Fprint`` and their
kin, and ``fmt.Errorf`` with the errors its ``%w`` wraps.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Generator, Iterator
from inspect import isgenerator
from typing import Any

import simlab as sl
from simlab.errors import GoPanic, SimlabError
from simlab.go import atomic, syncmap
from simlab.go.rwmutex import RLocker

from ._container import Element, List, Ring
from ._context import CustomContext
from ._errors import UNWRAPS_MANY, UNWRAPS_ONE, JoinError
from ._fmtstate import formatted
from ._gosyntax import GoSyntax, go_syntax, value_context
from ._io import _write, stderr
from ._numbers import Duration, Float32, Uint8
from ._pool import Pool
from ._runtime_errors import _NIL_DEREFERENCE, runtime_error
from ._strconv import _ascii_only, format_float, hex_float, quote, quote_rune
from ._strings import rune_len, rune_text
from ._time import Time, TimeFields
from ._types import TypeArg, TypedDict, TypedList, boxed, type_name, typed, untyped
from ._values import (
    EMPTY,
    NIL_MAP,
    ArrayKey,
    BasicPointer,
    FieldInstance,
    InterfaceKeyMap,
    Named,
    NamedBool,
    NamedValue,
    NilSlice,
    Ref,
    SyncValue,
    _address_text,
    _EmptyStruct,
    _fmt_method,
    _fmt_method_of,
    _Identity,
    _Panicked,
    _struct_key,
    as_value,
    has_method,
    is_typed_nil,
)

_print: Callable[..., None] = print  # the builtin, before fmt.Print below hides it


class WrapError(sl.GoError):
    """``fmt.Errorf("...%w...", err)``: an error that wraps another."""

    __slots__ = ("wrapped",)
    go_signatures = UNWRAPS_ONE

    def __init__(self, message: str, wrapped: Any):
        super().__init__("*fmt.wrapError", message)
        self.wrapped = wrapped

    def Unwrap(self) -> Any:  # an interface{ Unwrap() error } sees it
        return self.wrapped


class WrapErrors(sl.GoError):
    """``fmt.Errorf`` with several ``%w``: an error that wraps each of them."""

    __slots__ = ("errs",)
    go_signatures = UNWRAPS_MANY

    def __init__(self, message: str, errs: list[Any]):
        super().__init__("*fmt.wrapErrors", message)
        self.errs = errs

    def Unwrap(self) -> list[Any]:
        return self.errs


def _float(x: float) -> str:
    """A float as ``%v`` prints it: ``strconv.FormatFloat(x, 'g', -1, 64)``, or 32 for
    a float32."""
    return format_float(x, ord("g"), -1, 32 if isinstance(x, Float32) else 64)


def _method_text(x: Any, method: str, verb: str = "v") -> str:
    """fmt's call of ``x``'s String or Error method. fmt recovers a panic there and
    prints it in the text's place, ``%!v(PANIC=String method: boom)``, and the
    program goes on, as Go's fmt does (a nil pointer's is ``<nil>``:
    :func:`_fmt_method`)."""
    try:
        return _fmt_method(x, method)
    except (GoPanic, AttributeError, IndexError, TypeError) as exc:
        if _nil_basic_pointer(x):
            return "<nil>"  # a nil *Celsius whose String method read through it
        return _recovered(exc, method, verb)


def _nil_basic_pointer(x: Any) -> bool:
    """``x`` is a nil pointer to a named number or string type: fmt prints ``<nil>``
    where its String or Format method panics."""
    return type(x) is BasicPointer and x.ref is None


def _format_method(x: Any, verb: str, flags: str, width: int | None, precision: int | None) -> str:
    """fmt's call of ``x``'s Format method, which recovers a panic there as it does
    one of String: ``<nil>`` for a nil pointer's (a value method called on it),
    else what the method wrote and ``%!v(PANIC=Format method: ...)``."""

    def panicked(exc: Exception) -> str:
        if is_typed_nil(x) or _nil_basic_pointer(x):
            return "<nil>"
        return _recovered(exc, "Format", verb)

    return formatted(x, verb, flags, width, precision, panicked=panicked)


def _recovered(exc: Exception, method: str, verb: str) -> _Panicked:
    """fmt's text for the panic ``exc`` of a String or Error method: a program's
    panic by its value, the runtime's (a Python error standing for one) by its
    message; any other error is not a panic, and goes on."""
    caught = exc if isinstance(exc, GoPanic) else runtime_error(exc)
    if caught is None:
        raise exc
    value = caught.value if hasattr(caught, "value") else caught.message  # a Panic's
    return _Panicked(f"%!{verb}(PANIC={method} method: {v(value)})")


_TIMED = {"time.Time": Time, "time.Duration": Duration}  # the values fmt prints by String
_PRINTED_AS = {**_TIMED, "float32": Float32}


def _timed(x: Any, go_type: str) -> Any:
    """A slice, an array or a map of times or durations held in an interface (a
    literal's, ``go.typed``): each element as fmt prints it, by its String method
    (``[2024-12-31 22:00:00 +0000 UTC]``, ``map[a:1s]``), not the number it is here;
    at any depth (``[[1s]]``)."""
    elem = _elem_type(go_type)
    wrap: Any = _PRINTED_AS.get(elem)
    if wrap is None and _holds_timed(elem):
        wrap = functools.partial(_timed, go_type=elem)  # [][]time.Duration: each inner slice
    if wrap is None:
        return x
    if isinstance(x, dict):
        return {k: wrap(e) for k, e in x.items()}
    return [wrap(e) for e in x]


def _timed_leaves(wrap: Any, x: Any) -> Any:
    """``x``, a generic's slice, array or map of ``T`` (at any depth) where ``T`` is
    time.Time or time.Duration: each one as ``wrap`` makes it, which fmt prints by
    its String method."""
    if isinstance(x, dict):
        return {k: _timed_leaves(wrap, e) for k, e in x.items()}
    if isinstance(x, list):
        return [_timed_leaves(wrap, e) for e in x]
    return wrap(x) if type(x) is int else x


def _holds_timed(go_type: str) -> bool:
    """``go_type`` is a slice, an array or a map type of times, durations or float32s,
    at any depth (``[][]time.Duration``)."""
    while go_type[:1] == "[" or go_type.startswith("map["):
        go_type = _elem_type(go_type)
        if go_type in ("time.Time", "time.Duration", "float32"):
            return True
    return False


def _elem_type(go_type: str) -> str:
    """The element type of the slice, array or map type ``go_type``: ``main.P`` of
    ``map[[2]int]main.P``."""
    if not go_type.startswith("map["):
        return go_type[go_type.find("]") + 1 :]
    depth, i = 0, 3
    while i < len(go_type):
        depth += {"[": 1, "]": -1}.get(go_type[i], 0)
        if depth == 0:
            break
        i += 1
    return go_type[i + 1 :]


def v(x: Any, plus: bool = False, raw: bool = False, verb: str = "v") -> str:
    """``x`` as Go's ``%v`` prints it (``%+v`` with ``plus``: struct fields named;
    ``raw``: an unexported field's value, whose String and Error methods fmt cannot
    call; ``verb``: the one fmt names where a String or Error method panics)."""
    if x is None or x is sl.nil_chan:
        return "<nil>"
    if x is EMPTY:
        return "{}"
    if isinstance(x, bool):
        return "true" if x else "false"
    if type(x) is int or type(x) is str:
        return str(x)
    if type(x) is float:
        return _float(x)
    if type(x) is complex:
        return _complex(x, "g", "", None, None)
    if isinstance(x, sl.GoError | sl.Context):
        if type(x) is JoinError and not raw:
            return _method_text(x, "Error", verb)  # its errors' Error methods, which may panic
        if type(x) is CustomContext:
            return v(x.held, plus, raw)  # the program's value
        if raw and x.name == "*errors.errorString":
            return "&{s:" + str(x) + "}" if plus else "&{" + str(x) + "}"  # its one field
        if raw and x.name == "context.DeadlineExceeded":
            return "{}"  # a struct value of no fields, context.deadlineExceededError{}
        return str(x)
    if isinstance(x, list):
        if isinstance(x, TypedList):
            timed = _timed(x, x.go_type)
            if timed is not x:
                x = timed
            elif _holds_values(x.go_type):
                x = _by_value(x, raw)  # an [2]main.P in an interface: [{1 2} {3 4}]
        return "[" + " ".join(_inner(e, plus, raw) for e in x) + "]"
    if isinstance(x, dict):
        if isinstance(x, TypedDict):
            timed = _timed(x, x.go_type)
            if timed is not x:
                x = timed
            elif _holds_values(_elem_type(x.go_type)):
                x = _by_value(x, raw)  # a map[string]main.P in an interface: map[k:{1 2}]
        items = _entries(x)
        pairs = (f"{_key(k, plus, raw)}:{_inner(e, plus, raw)}" for k, e in items)
        return "map[" + " ".join(pairs) + "]"
    if isinstance(x, sl.Chan):
        return f"0xc{x.id:09x}"
    if isinstance(x, StructValue):
        if (fields := _sync_fields(x.x)) is not None:
            return _layout(fields, plus)  # fmt.Printf("%v", mu): Go's struct, by value
        return _fields(x.x, plus, raw)
    if not raw:
        if _formatter_of(x):
            return _format_method(x, "v", "+" if plus else "", None, None)
        method = _fmt_method_of(x)
        if method is not None:
            return _method_text(x, method, verb)
    if is_typed_nil(x):
        return "<nil>"
    if isinstance(x, float):  # a float32, a named float type's value
        return _float(x)
    if isinstance(x, complex):
        return _complex(x, "g", "", None, None)
    if isinstance(x, int | str):  # a named string or number type's value
        return str(x)
    if isinstance(x, Named):
        return v(x.v, plus, raw)
    if isinstance(x, NamedValue):
        held = _by_value(x.v, True) if getattr(type(x), "go_by_value", False) else x.v
        return ("" if x.ref is None else "&") + v(held, plus, raw)
    if isinstance(x, Ref):  # &[1 2] for a pointer to a slice, an array or a map, &{} to a struct{}
        shown = isinstance(x.v, list | dict) or x.v is EMPTY
        return "&" + v(x.v, plus, raw) if shown else _address_text(x)
    if isinstance(x, RLocker):  # *sync.rlocker, the RWMutex's pointer
        return "&" + v(x.rw, plus, raw)
    if (fields := _sync_fields(x)) is not None:
        return _layout(fields, plus)
    if type(x) is SyncPointer:
        return "&" + v(x.x, plus, raw)
    if type(x) is SyncValue:
        return "&" + v(x.m, plus, raw)
    if isinstance(x, List | Element | Ring):
        raise SimlabError(
            f"fmt of a container/{'ring' if isinstance(x, Ring) else 'list'} value, which Go"
            " prints with the addresses of its elements: print the values it holds"
        )
    slots = getattr(type(x), "__slots__", None)
    if slots is not None:
        return ("" if hasattr(type(x), "go_struct") else "&") + _fields(x, plus, raw)
    if callable(x):
        return _address_text(x)  # a func value: its code's address, 0x...
    return str(x)


def _holds_values(go_type: str) -> bool:
    """A slice or an array of the Go type ``go_type`` holds values, not pointers or
    interfaces, at its innermost level (``[2][]main.P``, not ``[]*main.P``)."""
    elem = go_type
    while elem.startswith("["):
        elem = elem[elem.index("]") + 1 :]
    return not elem.startswith(("*", "interface", "any", "map[", "func", "chan"))


def _inner(x: Any, plus: bool, raw: bool) -> str:
    """``x`` inside another value (an element, a field): a pointer is its address
    there, unless fmt calls its String or Error method (``raw``: it calls none)."""
    if type(x) is Ref and not raw:
        x = _method_pointer(x)
    if _is_pointer(x, raw):
        return "<nil>" if is_typed_nil(x) else _address_text(x)
    return v(x, plus, raw)


def _method_pointer(x: Ref) -> Any:
    """``x``, a pointer to a named number or string (a field of type ``*Level``), as
    a :class:`BasicPointer` where the pointer's method set, which holds the value's
    methods too, has String, Error or Format; else ``x``."""
    held = type(x.v)
    if held in (int, str, float, bool) or not isinstance(x.v, int | str | float):
        return x
    pointer = BasicPointer(held, x)
    return x if _fmt_method_of(pointer) is None and not _formatter_of(pointer) else pointer


def _is_pointer(x: Any, raw: bool) -> bool:
    """Whether fmt prints ``x``, inside another value, as an address: a pointer to a
    struct of the program (the object itself; a value is a :class:`StructValue` or
    of a class marked ``go_struct``), to another variable (a :class:`Ref`) or to a
    library's error, unless fmt calls its String or Error method. The library's
    other objects print as before."""
    cls = type(x)
    if isinstance(x, NamedValue):
        pointer = x.ref is not None
    elif isinstance(x, sl.GoError):  # errors.New's, fmt.Errorf's: a pointer in Go
        pointer = x.name != "context.DeadlineExceeded"  # but this struct value
    else:
        pointer = isinstance(x, Ref) or (
            hasattr(cls, "__slots__")
            and not hasattr(cls, "go_struct")
            and not isinstance(x, _NOT_STRUCTS)
            and not _library_class(cls)
        )
    return pointer and (raw or (_fmt_method_of(x) is None and not _formatter_of(x)))


def _library_class(cls: type) -> bool:
    """A class of simlab's own (a timer, a logger), not of a translated program."""
    module = cls.__module__
    return module.startswith("simlab.") and not module.startswith("simlab.translated.")


def _layout(fields: list[tuple[str, Any]], plus: bool) -> str:
    """A struct of the standard library as fmt prints it, from its fields' names and
    values (a nested list is a struct field)."""
    parts = []
    for name, x in fields:
        text = _layout(x, plus) if isinstance(x, list) else str(x)
        parts.append(f"{name}:{text}" if plus else text)
    return "{" + " ".join(parts) + "}"


def _sync_fields(x: Any) -> list[tuple[str, Any]] | None:
    """The fields of Go's own struct for a sync or sync/atomic value, which fmt prints
    (a struct holding a mutex, printed whole): the words of its state as Go keeps
    them, read from simlab's primitive, which mirrors them; a golib class's
    ``go_layout``, where fmt cannot call its String (an unexported field). None for
    another value."""
    if isinstance(x, sl.Mutex):
        # the state word: locked, woken, starving, and the waiters above them
        state = x.locked | x._woken << 1 | x.starving << 2 | len(x._waiters) << 3
        return [("_", []), ("mu", [("state", state), ("sema", x._sema)])]
    if isinstance(x, sl.RWMutex):
        return [
            ("w", _sync_fields(x.w)),
            ("writerSem", x._writer_sem),
            ("readerSem", x._reader_sem),
            ("readerCount", [("_", []), ("v", x._reader_count)]),
            ("readerWait", [("_", []), ("v", x._reader_wait)]),
        ]
    if isinstance(x, sl.WaitGroup):
        state = x.count << 32 | len(x._waiters)  # the counter above the waiters
        return [("noCopy", []), ("state", [("_", []), ("_", []), ("v", state)]), ("sema", 0)]
    if isinstance(x, sl.Once):
        done = [("_", []), ("v", int(x.done))]
        return [("_", []), ("done", done), ("m", _sync_fields(x.m))]
    if isinstance(x, atomic.Int64 | atomic.Uint64):
        return [("_", []), ("_", []), ("v", x._v)]  # noCopy, align64
    if isinstance(x, atomic.Int32 | atomic.Uint32 | atomic.Bool):
        return [("_", []), ("v", int(x._v))]
    if isinstance(x, atomic.Value | atomic.Pointer | sl.Cond | syncmap.Map | Pool):
        pkg = "atomic" if isinstance(x, atomic.Pointer) else "sync"
        raise SimlabError(f"fmt: simlab does not print the inside of a {pkg}.{type(x).__name__}")
    layout = getattr(type(x), "go_layout", None)  # a library value's own: binary.LittleEndian's {}
    return None if layout is None else list(layout)


def _key(k: Any, plus: bool, raw: bool = False) -> str:
    """A map key as fmt prints it: a struct key (a class equal by value) as a value."""
    if type(k) is ArrayKey:
        return "[" + " ".join(_key(e, plus, raw) for e in k) + "]"  # [{1} {2}] of a [2]P
    return _value_text(k, plus, raw) if _struct_valued(k) else v(k, plus, raw)


def _struct_valued(k: Any) -> bool:
    """``k``, a map key, is a struct value: of a class with slots, equal by value."""
    return (
        not isinstance(k, int | float | str)
        and type(k).__hash__ is not object.__hash__
        and hasattr(type(k), "__slots__")
    )


def _key_by_value(k: Any) -> Any:
    """A map key under a verb: a struct key as the value fmt formats field by field."""
    return StructValue(k) if _struct_valued(k) and not isinstance(k, _NOT_STRUCTS) else k


def _entries(m: dict[Any, Any]) -> list[tuple[Any, Any]]:
    """A map's entries in the order fmt prints them: by key, and the keys of a
    ``map[any]V`` grouped by their types first, a nil key before them all. Go
    orders those groups by where the linker put each type's descriptor, which no
    program can rely on; simlab by the types' names."""
    if len({type(k) for k in m}) > 1:  # a nil key first, as Go's fmt sorts it
        return sorted(
            m.items(),
            key=lambda item: (item[0] is not None, type_name(item[0]), _map_order(item)),
        )
    return sorted(m.items(), key=_map_order)


def _map_order(item: tuple[Any, Any]) -> Any:
    """The order fmt prints a map's entries in: by key (a NaN first), a struct key
    field by field."""
    k = item[0]
    if isinstance(k, NamedValue):
        k = k.v  # type K [2]byte with methods: by its elements, not by its String
    if type(k) is ArrayKey:
        return tuple(_map_order((e, None)) for e in k)  # element by element
    if isinstance(k, complex):
        return (k.real, k.imag)  # by real part, then imaginary
    if isinstance(k, int | float):
        return (0, 0.0) if k != k else (1, k)  # NaN: less than every other number
    if isinstance(k, str) or not hasattr(type(k), "__slots__"):
        return k
    return _field_order(_struct_key(k))


def _field_order(x: Any) -> Any:
    """A struct key's part in fmt's order: nil first, then by type and value, as fmt
    orders an interface field's values (of one type in Go's own order, of several
    in one of its own), a pointer by its address."""
    if x is None:
        return (0,)
    if type(x) is tuple:
        return (1, "", tuple(_field_order(e) for e in x))
    if type(x) is _Identity:
        return (1, "*", int(_address_text(x.x), 16))
    if hasattr(type(x), "__slots__") and not isinstance(x, int | float | str):
        return (1, type(x).__name__, _field_order(_struct_key(x)))
    return (1, type(x).__name__, (0, 0.0) if x != x else (1, x))  # a NaN first


def _value_text(x: Any, plus: bool, raw: bool) -> str:
    """A struct value inside another value (a field, a map key): by its String or
    Error method where fmt may call it, else field by field."""
    return v(_by_value(x, raw), plus, raw)


def _field_value(x: Any, raw: bool) -> Any:
    """A field of ``go_fmt_values``, for fmt: a struct value, or a slice, an array or
    a map of them, each printed by its Format, String or Error method where fmt
    may call it (a value's, not only its pointer's), else field by field."""
    return _by_value(x, raw)


def _by_value(x: Any, raw: bool) -> Any:
    """A struct value, or an array of them, held inside another value (or a pointer
    to such an array), for fmt: a struct that fmt prints field by field is a
    :class:`StructValue`, ``{...}``, not ``&{...}`` (``raw``: fmt calls no method
    of it)."""
    if isinstance(x, list):
        return [_by_value(e, raw) for e in x]
    if isinstance(x, StructValue):
        return x  # marked already
    if type(x) is Ref and isinstance(x.v, list | dict | NamedValue):
        return Ref(_by_value(x.v, raw))  # &[]Leaf{...}: &[{x}]
    if isinstance(x, InterfaceKeyMap):
        return InterfaceKeyMap((k, _by_value(e, raw)) for k, e in x.items())
    if isinstance(x, dict):
        return {k: _by_value(e, raw) for k, e in x.items()}
    if isinstance(x, NamedValue) and x.ref is None and isinstance(x.v, list | dict):
        if not raw and _fmt_method_of(x, value=True) is not None:
            return x  # type People []Person with String: fmt calls it on the elements as they are
        held = type(x)(_by_value(x.v, raw))  # type Tasks []Task with a method: [{a 1}]
        held.type_args = x.type_args
        return held
    if isinstance(x, _NOT_STRUCTS) or not hasattr(type(x), "__slots__"):
        return x
    if not raw and getattr(type(x), "go_formatter", False) is True:
        return x  # fmt calls its Format method, of a value receiver
    if raw or (method := _fmt_method_of(x, value=True)) is None:
        return StructValue(x)
    return x if method == _fmt_method_of(x) else as_value(x)  # String, not *T's Error


def _struct_fields(x: Any) -> Iterator[tuple[str, Any, str]]:
    """The fields of the struct ``x`` that fmt prints, each with its Go name and
    its kind: ``"value"`` for a struct value, or a slice, an array or a map of them
    (``go_fmt_values``), ``"elements"`` for a generic type's slice, array or map of
    ``T`` where the type argument is a struct type, ``"duration"`` for a
    time.Duration (``go_durations``), else ``""``; a blank field as its zero value
    (``go_blank_fields``), which the class does not keep; a float32 field, or a
    slice or an array of them (``go_float32s``), as :class:`Float32`. An exported field of a type of
    package time or of a named number type of the program with a String or Error
    method (``go_stringers``) comes as the value whose method fmt calls,
    ``go.Month(2)``; a generic type's field of type ``T``, or a slice, an array or a
    map of ``T`` (``go_generic_fields``, ``go_generic_elems``), as a value where the
    type argument is a struct type (whose String method fmt calls on an exported
    field's elements). A generic type's type arguments are no fields."""
    cls = type(x)
    values, durations = getattr(cls, "go_fmt_values", ()), getattr(cls, "go_durations", ())
    float32s = getattr(cls, "go_float32s", ())
    times: dict[str, Any] = getattr(cls, "go_stringers", {})
    empty: dict[str, str] = getattr(cls, "go_empties", {})
    for s, param in getattr(cls, "go_generic_fields", {}).items():
        arg = getattr(x, param)
        if _struct_arg(arg):
            values = (*values, s)  # a field of type T, T a struct type (with methods or not)
        elif isinstance(arg, TypeArg) and isinstance(arg.box, type):  # T a named number type
            times = {**times, s: arg.box}
        elif isinstance(arg, TypeArg) and arg.empties is not None:  # T struct{}, []struct{}
            empty = {**empty, s: arg.empties}
        elif isinstance(arg, TypeArg) and s[:1].isupper() and _holds_timed(arg.go_name):
            # T a []time.Duration: each element by its String
            times = {**times, s: functools.partial(_timed, go_type=arg.go_name)}
    elems: tuple[str, ...] = ()  # a []T, [4]T, map[K]T of structs: fmt may call their methods
    for s, param in getattr(cls, "go_generic_elems", {}).items():
        arg = getattr(x, param)
        if _struct_arg(arg):
            elems = (*elems, s)
        elif isinstance(arg, TypeArg) and s[:1].isupper() and arg.go_name in _TIMED:
            times = {**times, s: functools.partial(_timed_leaves, _TIMED[arg.go_name])}
    hidden = getattr(cls, "go_type_params", ())
    blanks = list(getattr(cls, "go_blank_fields", ()))  # (before the n-th field, its zero)
    shown = 0
    for s in cls.__slots__:
        while blanks and blanks[0][0] == shown:
            yield "_", blanks.pop(0)[1], ""
        if s not in hidden:
            shown += 1
            kind = "value" if s in values else "elements" if s in elems else ""
            kind = kind or ("duration" if s in durations else "")
            name, value = s.removesuffix("_"), getattr(x, s)
            if s in times and name[:1].isupper():  # fmt calls no method of an unexported field
                to = times[s]
                value = to.of(value, x) if type(to) is FieldInstance else to(value)
            elif s in times and (held := _time_fields(value, times[s])) is not value:
                value = held
            elif s in float32s:
                value = _as_float32(value)
            elif s in empty:
                value = EMPTY if not empty[s] else empties(value, empty[s])
            yield name, value, kind
    for _, zero in blanks:  # blank fields after the last
        yield "_", zero, ""


def _time_fields(value: Any, to: Any) -> Any:
    """An unexported field's ``value``, which ``to`` makes what fmt prints by its
    methods: a time.Time in it (or in its slice, array or map) as the struct Go
    keeps (:class:`TimeFields`), whose fields fmt prints there; else ``value``."""
    if type(to) is FieldInstance:
        return value
    held = to(value)
    if isinstance(held, Time):
        return TimeFields(held)
    if isinstance(held, list) and any(isinstance(e, Time) for e in held):
        return [TimeFields(e) if isinstance(e, Time) else e for e in held]
    if isinstance(held, dict) and any(isinstance(e, Time) for e in held.values()):
        return {k: TimeFields(e) if isinstance(e, Time) else e for k, e in held.items()}
    return value


def _struct_arg(arg: Any) -> bool:
    """The type argument ``arg`` is a struct type: one without methods (a
    :class:`ValueType`) or with them (boxed as values)."""
    return isinstance(arg, ValueType) or (isinstance(arg, TypeArg) and arg.box is as_value)


def _as_float32(x: Any) -> Any:
    """A float32 field (``go_float32s``), or a slice or an array of them, as fmt
    prints it: with a float32's fewest digits (``3.3``)."""
    if isinstance(x, list):
        return [Float32(e) for e in x]
    return Float32(x) if isinstance(x, int | float) else x


def _fields(x: Any, plus: bool = False, raw: bool = False) -> str:
    parts = []
    for name, value, kind in _struct_fields(x):
        inner = raw or not name[:1].isupper()  # fmt calls no method of an unexported field
        if kind == "duration":
            text = str(value) if inner else sl.format_duration(value)
        elif kind == "value":
            text = v(_field_value(value, inner), plus, inner)
        elif kind == "elements":
            text = v(_by_value(value, inner), plus, inner)
        else:
            text = _inner(value, plus, inner)
        parts.append(f"{name}:{text}" if plus else text)
    return "{" + " ".join(parts) + "}"


def empty(_: Any) -> _EmptyStruct:
    """A ``struct{}`` value that had to be computed (a call's, ``m[k]``) handed to fmt,
    which prints ``{}``."""
    return EMPTY


def empties(m: Any, path: str = "") -> Any:
    """A set (``map[K]struct{}``) or a slice of ``struct{}`` handed to fmt, which
    prints ``map[a:{} b:{}]`` and ``[{} {}]``; ``path``, the way to such a value
    deeper inside ``m`` (``s`` an element, ``m`` a map's value, ``.`` the set or
    the slice there, ``k`` a map's struct{} key, ``K`` its value struct{} too):
    ``[[{}]]``, ``map[{}:1]``, ``map[{}:{}]``."""
    if not path or path == ".":
        return dict.fromkeys(m, EMPTY) if isinstance(m, dict) else [EMPTY] * len(m)
    step, rest = path[0], path[1:]
    if step == "k":
        return {EMPTY: m[None]} if m else {}  # its one key, None, the struct{}
    if step == "K":
        return {EMPTY: EMPTY} if m else {}  # map[struct{}]struct{}
    if step == "m":
        return {k: empties(v, rest) for k, v in m.items()}
    return [empties(e, rest) for e in m]


class StructValue:
    """A struct value handed to fmt, which prints it ``{...}``, not ``&{...}``: ``*p``
    of a nil ``p`` is Go's nil pointer dereference."""

    __slots__ = ("x",)

    def __init__(self, x: Any):
        if x is None:
            raise GoPanic(_NIL_DEREFERENCE)
        self.x = x


class _NilPointer:
    """A nil pointer handed to fmt under ``%d``, ``%x``, ``%p``... (``pointer_arg``),
    which Go prints as the address 0 where a nil interface is a bad verb."""

    __slots__ = ()
    go_nil = True


_NIL_POINTER = _NilPointer()


class PointedBytes:
    """A pointer to a byte array or slice handed to fmt under ``%s``, ``%q``, ``%x``
    or ``%X``: ``&`` and the bytes as text or hex, as Go's prints it."""

    __slots__ = ("p",)

    def __init__(self, p: Ref) -> None:
        self.p = p


def bytes_pointer(p: Any) -> Any:
    """``&tag`` of a ``[2]byte`` as fmt's operand under a verb that prints bytes (see
    :class:`PointedBytes`); a nil one as fmt's nil pointer."""
    return _NIL_POINTER if p is None else PointedBytes(p)


def pointer_arg(x: Any) -> Any:
    """An operand of a pointer type under a verb that prints its address: a nil one
    as fmt's nil pointer (``0``, ``0x0``), not its nil interface."""
    return _NIL_POINTER if x is None else x


class SyncPointer:
    """A pointer to a sync or sync/atomic value handed to fmt (``fmt.Println(&wg)``),
    which prints ``&`` and Go's struct; the value itself (the same object here)
    prints the struct alone."""

    __slots__ = ("x",)

    def __init__(self, x: Any):
        self.x = x


class Stringed:
    """What a String or Error method that blocks returned, kept for fmt: the
    translation runs the method where the print is (``yield from go.stringed(x)``),
    as the goroutine's own call, and fmt prints the text it gave."""

    __slots__ = ("of", "text")

    def __init__(self, text: str, of: Any):
        self.text = text
        self.of = of  # the value itself, which fmt.Errorf's %w wraps

    def String(self) -> str:  # Go's name, which fmt looks for
        return self.text


def stringed(x: Any) -> Generator[Any, Any, Any]:
    """``x`` for fmt, where its String or Error method may block (it locks a mutex):
    the method run now, the goroutine blocking in it if it must, as fmt would run
    it; any other value as it is."""
    if isinstance(x, sl.GoError):  # the library's error: its message
        return x
    method = _fmt_method_of(x)
    if method is not None:
        try:
            text = getattr(x, method)()
            if isgenerator(text):
                text = yield from text
        except (GoPanic, AttributeError, IndexError, TypeError) as exc:
            if is_typed_nil(x) or _nil_basic_pointer(x):
                text = _Panicked("<nil>")  # a nil pointer's, whose String locked its mutex
            else:
                text = _recovered(exc, method, "v")  # printed in the text's place
        return Stringed(text, x)
    if isinstance(x, list):  # a slice's elements, a map's values: fmt prints each so
        elements = []
        for e in x:
            elements.append((yield from stringed(e)))
        return elements
    if type(x) is dict:
        values = {}
        for k, e in x.items():
            values[k] = yield from stringed(e)
        return values
    return x


def stringed_after(at: tuple[int, ...], *args: Any) -> Generator[Any, Any, tuple[Any, ...]]:
    """The operands of a print, those ``at`` these positions run through
    :func:`stringed` once all are evaluated, as fmt runs String and Error methods
    only then: ``fmt.Println(c, c.n.Add(1))`` prints the count ``Add`` left."""
    out = list(args)
    for i in at:
        out[i] = yield from stringed(out[i])
    return tuple(out)


class ValueType(TypeArg):
    """A type argument that is a struct type whose values fmt prints field by field (no
    String or Error method of theirs), or a slice, an array or a map of such values:
    ``show(Pair{...})`` passes ``T=go.ValueType("main.Pair", lambda: Pair(), ...)``. It
    tells fmt that a value of ``T``, the same object as a pointer to it here, prints
    ``{...}``, not ``&{...}``."""

    __slots__ = ()


def elements_type(t: Any) -> type[TypeArg]:
    """The class of a type argument a generic builds of its type parameter's
    elements (``Box[[]T]``, ``map[string]T``), ``t`` that parameter's argument:
    :class:`ValueType` where ``t``'s values print by value, as a slice of them does."""
    return ValueType if isinstance(t, ValueType) else TypeArg


def as_type(t: Any, x: Any) -> Any:
    """A value of a type parameter handed to fmt, ``t`` its type argument: a struct
    value prints ``{...}``, and so does each in a slice or a map; a sized number
    keeps its type (:func:`boxed`)."""
    if isinstance(t, TypeArg) and t.go_name == "[]uint8" and type(x) is list:
        return typed(x, "[]uint8")  # a []byte keeps its type: %x prints its hex
    return _by_value(x, True) if isinstance(t, ValueType) else boxed(t, x)


def elems_as_type(t: Any, x: Any) -> Any:
    """A slice, an array or a map whose elements (at any depth) are of a type
    parameter, ``t`` its type argument, handed to fmt: a struct value in it prints
    ``{...}``, as :func:`as_type` prints one alone, and a float32 its fewest digits."""
    if isinstance(t, TypeArg) and t.box is Float32:
        return float32s(x)
    return _by_value(x, True) if isinstance(t, ValueType) else x


def pointed(cls: Any, p: Any) -> Any:
    """A pointer to a value of a library type fmt prints by its String method (a
    ``*time.Month``): what it points to, as ``cls``, whose method fmt calls through
    the pointer; a nil one prints ``<nil>``, as fmt catches the method's panic."""
    return _NIL_RECEIVER if p is None else cls(p.v if isinstance(p, Ref) else p)


class _NilReceiver:
    """A nil pointer whose String method fmt calls: the method panics, and fmt
    prints ``<nil>`` in its place."""

    __slots__ = ()

    def String(self) -> str:
        return "<nil>"


_NIL_RECEIVER = _NilReceiver()


def float32s(x: Any) -> Any:
    """A slice, an array or a map with float32 elements or keys (at any depth) handed
    to fmt, which prints each with a float32's fewest digits: ``[[0.1]]``."""
    if isinstance(x, float) and not isinstance(x, Float32):
        return Float32(x)
    if isinstance(x, NamedValue) and x.ref is None:  # type Mat2 [2][2]float32
        return float32s(x.v)
    if isinstance(x, dict) and not isinstance(x, InterfaceKeyMap):
        return {float32s(k): float32s(e) for k, e in x.items()}
    if isinstance(x, ArrayKey):  # a map's [2]float32 key: an array key still
        return ArrayKey(float32s(e) for e in x)
    if isinstance(x, list):
        return [float32s(e) for e in x]
    return x


def method_values(x: Any) -> Any:
    """A slice, an array or a map of struct values handed to fmt, of a type whose
    String method fmt calls on each element, where only its pointer has an Error
    method (which would come first): ``[str str]``."""
    return _by_value(x, False)


def struct_values(x: Any) -> Any:
    """A slice, an array or a map of struct values (or of slices and maps of them)
    handed to fmt: ``[{1 2} {3 4}]``, ``map[k:[{1 2}]]``. Their type has no String
    or Error method (the translation looked): one of its pointer's, which the class
    has too, fmt cannot call on an element."""
    return _by_value(x, True)


def sprint(*args: Any) -> str:
    """``fmt.Sprint``: a space between operands when neither is a string."""
    out = ""
    for i, a in enumerate(args):
        if i and not isinstance(a, str) and not isinstance(args[i - 1], str):
            out += " "
        out += v(a)
    return out


def sprintln(*args: Any) -> str:
    """``fmt.Sprintln``."""
    return " ".join(v(a) for a in args) + "\n"


def _print_out(text: str) -> tuple[int, None]:
    """``text`` to standard output; the bytes written and a nil error, fmt's results."""
    _print(text, end="")
    return len(text.encode()), None


def println(*args: Any) -> tuple[int, None]:
    """``fmt.Println``."""
    return _print_out(" ".join(v(a) for a in args) + "\n")


def print(*args: Any) -> tuple[int, None]:  # Go's fmt.Print
    """``fmt.Print``."""
    return _print_out(sprint(*args))


def builtin_print(*args: Any, newline: bool = False) -> None:
    """The builtins ``print`` and, with ``newline``, ``println``: each operand as the
    runtime writes it to standard error (a number as ``%v`` prints it, a named
    type's value without its methods), spaces between them and a newline after
    them for ``println``."""
    text = (" " if newline else "").join(_runtime_text(a) for a in args)
    _write(stderr, text + "\n" if newline else text)


def _runtime_text(x: Any) -> str:
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return int.__repr__(x)
    if isinstance(x, float):
        return _float(x if isinstance(x, Float32) else float(x))
    return str.__str__(x)


def sprintf(format: str, *args: Any) -> str:
    """``fmt.Sprintf``: the verbs %v %+v %d %b %o %x %X %c %U %s %q %t %f %F %e %E %g %G
    %T %p %w %%, the flags ``+ - # 0`` and space, a width and a precision (``*`` for
    an operand's), explicit operand indexes (``%[2]d``), and Go's marks of a wrong
    format: ``%!d(MISSING)``, ``%!z(int=3)``, ``%!(EXTRA int=2)``, ``%!(NOVERB)``,
    ``%!d(BADINDEX)``, ``%!(BADWIDTH)``, ``%!(BADPREC)``."""
    return _Printf(format, args).run()


class _Printf:
    """One ``Sprintf``: the format read left to right, each verb taking the next
    operand or the one its index names."""

    def __init__(self, format: str, args: tuple[Any, ...], wraps: bool = False):
        self.format, self.args, self.wraps = format, args, wraps  # wraps: Errorf's %w
        self.i = 0  # where in the format
        self.arg = 0  # the next operand
        self.reordered = False  # an explicit index was used: no EXTRA then
        self.good_index = True
        self.used: list[tuple[str, int, Any]] = []  # each verb, its operand's index and it, for %w

    def run(self) -> str:
        out, f, n = [], self.format, len(self.format)
        while self.i < n:
            j = f.find("%", self.i)
            if j < 0:
                out.append(f[self.i :])
                break
            out.append(f[self.i : j])
            self.i = j + 1
            out.append(self.directive())
        if not self.reordered and self.arg < len(self.args):
            extra = ", ".join(
                "<nil>" if a is None else f"{_operand_type(a)}={v(a)}"
                for a in self.args[self.arg :]
            )
            out.append(f"%!(EXTRA {extra})")
        return "".join(out)

    def directive(self) -> str:
        f, n = self.format, len(self.format)
        flags = ""
        while self.i < n and f[self.i] in "+-# 0":
            flags += f[self.i]
            self.i += 1
        self.good_index = True
        marks = ""
        self.index()
        width: int | None = None
        if self.i < n and f[self.i] == "*":
            self.i += 1
            width = self.star()
            if width is None:
                marks += "%!(BADWIDTH)"
            elif width < 0:
                flags, width = flags + "-", -width
        else:
            width = self.number()
        precision: int | None = None
        if self.i < n and f[self.i] == ".":
            self.i += 1
            self.index()
            if self.i < n and f[self.i] == "*":
                self.i += 1
                precision = self.star()
                if precision is None or precision < 0:
                    marks += "%!(BADPREC)"  # a negative precision too, as Go's
                    precision = None
            else:
                precision = self.number() or 0
        self.index()
        if self.i >= n:
            return marks + "%!(NOVERB)"
        verb = f[self.i]
        self.i += 1
        if verb == "%":
            return marks + "%"
        if not self.good_index:
            return marks + f"%!{verb}(BADINDEX)"
        if self.arg >= len(self.args):
            return marks + f"%!{verb}(MISSING)"
        x = self.args[self.arg]
        self.used.append((verb, self.arg, x))
        self.arg += 1
        if verb == "w" and not self.wraps:  # %w outside Errorf: the error's fields
            x = x.of if type(x) is Stringed else x
            if x is None:
                return marks + "%!w(<nil>)"
            errors_new = isinstance(x, sl.GoError) and type_name(x) == _ERROR_STRING
            shown = "&{" + x.message + "}" if errors_new else v(x, raw=True)
            return marks + f"%!w({_operand_type(x)}={shown})"
        if verb == "w" and _is_error(x):
            verb = "v"  # what Errorf's %w prints, a Format method of the error's too
        return marks + _format_one(x, verb, flags, width, precision)

    def index(self) -> None:
        """``[n]``: the next operand is the n-th."""
        f = self.format
        if self.i >= len(f) or f[self.i] != "[":
            return
        self.reordered = True
        end = f.find("]", self.i)
        text = f[self.i + 1 : end] if end > 0 else ""
        if end < 0 or not text.isdigit() or not 1 <= int(text) <= len(self.args):
            self.good_index = False
            self.i = end + 1 if end > 0 else len(f)
            return
        self.arg, self.i = int(text) - 1, end + 1

    def number(self) -> int | None:
        f, start = self.format, self.i
        while self.i < len(f) and f[self.i].isdigit():
            self.i += 1
        return int(f[start : self.i]) if self.i > start else None

    def star(self) -> int | None:
        """A width or precision from the operand: an integer of any integer type
        (``int8``, ``uint``, a named one), at most a million either way, else None."""
        if self.arg >= len(self.args):
            return None
        x = self.args[self.arg]
        self.arg += 1
        if not isinstance(x, int) or isinstance(x, bool) or abs(x) > 1_000_000:
            return None
        return int(x)


# the verbs fmt applies to a slice's or a map's elements one by one
_ELEMENT_VERBS = "bcdoOqxXUeEfFgGs"

_ERROR_STRING = "*errors.errorString"

_VERBS_OF = {
    bool: "tv",
    int: "bcdoOqxXUv",
    float: "beEfFgGxXv",
    complex: "beEfFgGxXv",
    str: "sqvxX",
}


def _complex(x: complex, verb: str, flags: str, width: int | None, precision: int | None) -> str:
    """A complex number as fmt prints it: each part under the verb (``%v`` is ``%g``)
    and padded to the width on its own, the imaginary part always signed."""
    if verb == "v":
        verb, flags = "g", flags.replace("+", "")  # %+v's plus names struct fields
    real = _format_one(x.real, verb, flags, width, precision)
    imag = _format_one(x.imag, verb, flags + "+", width, precision)
    return f"({real}{imag}i)"


def _of_bytes(go_type: str) -> bool:
    """``go_type`` is ``[]uint8`` or an array of them, ``[32]uint8``, which fmt prints
    as text or hex under ``%s``, ``%q``, ``%x`` and ``%X``."""
    size = go_type.removesuffix("uint8")
    return size == "[]" or (size[:1] == "[" and size[-1:] == "]" and size[1:-1].isdigit())


def _nil_channel(verb: str, flags: str, width: int | None) -> str:
    """A nil channel under a verb other than ``%v`` and ``%T``: the address 0 where
    fmt prints a pointer's (``%p`` ``0x0``, ``%#p`` ``0``, ``%d`` and ``%x`` ``0``, as of a nil
    pointer: :func:`_nil_pointer`); under another,
    Go's mark names the channel's type, which the run does not keep."""
    if verb in "bdoxXp":
        return _nil_of("", verb, flags, width)
    raise SimlabError(
        f"fmt: %{verb} of a nil channel: Go's mark names its type (%!{verb}(chan int=<nil>)), "
        "which simlab does not keep: print it with %v"
    )


def _format_one(x: Any, verb: str, flags: str, width: int | None, precision: int | None) -> str:
    """One operand under one verb, padded to ``width``."""
    if type(x) is CustomContext:
        x = x.held
    if isinstance(x, sl.Context) and verb not in "vTpw":
        if verb not in "sqxX":  # the struct Go keeps it in: no String method called, and
            return value_context(x, False)  # no field a width would pad
        x = str(x)  # its String method's text
    if type(x) is Bytes and verb not in "sqxX":
        x = x._held  # %s %[1]d of a []byte: its numbers under %d
    if type(x) is PointedBytes and verb in "sqxX":  # &tag of a [2]byte: &ok, &6f6b
        return "&" + _format_one(Bytes(x.p.v), verb, flags, width, precision)
    if verb in "sqxX" and isinstance(x, TypedList) and _of_bytes(x.go_under):
        x = Bytes(x)  # var x any = []byte("raw") (or a Blob's): its text under %s, its hex under %x
    elif verb not in "vTp" and isinstance(x, TypedList | TypedDict):
        x = _timed(x, x.go_type)  # []time.Time in an interface: each by its String under %s
    if verb not in "Tp" and _formatter_of(x):
        return _format_method(x, verb, flags, width, precision)
    if type(x) is GoSyntax and _formatter_of(x.x):
        return _format_method(x.x, verb, flags, width, precision)  # %#v calls Format too
    if (verb == "v" and "#" in flags) or isinstance(x, GoSyntax):
        return go_syntax(x, verb, flags, width, precision)  # %#v: Go syntax
    if is_typed_nil(x) and verb not in "vT" and (verb not in "sqxXw" or not _fmt_method_of(x)):
        return _nil_pointer(x, verb, flags, width)  # not its Error or String method
    if x is sl.nil_chan and verb not in "vT":
        return _nil_channel(verb, flags, width)
    if x is sl.nil_chan and verb == "v":
        return _nil_of("", verb, flags, width)  # <nil> in the width, which a precision leaves whole
    if verb not in "vTp" and isinstance(x, Ref) and isinstance(x.v, list | dict):
        return "&" + _format_one(x.v, verb, flags, width, precision)  # &xs, &c.W under %d: &[1 2]
    if verb not in "vsqxXwTp" and isinstance(x, sl.GoError) and type_name(x) == _ERROR_STRING:
        # errors.New's, a pointer to a struct of one string, whose Error method fmt
        # calls under no other verb: the struct, its field under the verb
        return "&{" + _format_one(x.message, verb, flags, width, precision) + "}"
    if verb not in "vsqxXwTp" and type(x) in (WrapError, WrapErrors):
        # fmt.Errorf's with %w: its struct, the message and what it wraps, its
        # unexported fields, under the verb without their methods
        wrapped = x.wrapped if type(x) is WrapError else x.errs
        parts = (_format_raw(f, verb, flags, width, precision) for f in (x.message, wrapped))
        return "&{" + " ".join(parts) + "}"
    if (
        isinstance(x, NamedBool)
        and verb not in "tvTp"
        and (verb not in "sqxX" or _fmt_method_of(x) is None)
    ):  # type Ready bool under %d: fmt's mark names the named type (and calls no String)
        shown = _format_one(x.v, "v", flags.replace("+", "").replace("#", ""), width, precision)
        return f"%!{verb}({type_name(x)}={shown})"
    if (
        isinstance(x, NamedValue)
        and x.ref is None
        and (verb in _ELEMENT_VERBS or verb == "v")
        and (verb in "dbcoOUeEfFgG" or _fmt_method_of(x) is None)
    ):
        # type Vec []float64 with a method, under %.1f or %-3v: element by element
        x = _by_value(x.v, True) if getattr(type(x), "go_by_value", False) else x.v
    if verb == "w" and not _is_error(x) and type(x) is not Stringed:  # %w of no error
        return "%!w(<nil>)" if x is None else f"%!w({_operand_type(x)}={v(x, raw=True)})"
    plain = verb == "v" and width is None and precision is None and not flags.strip("+")
    if verb not in "Tp" and not plain:  # v() prints a plain %v, element by element too
        elements = _format_elements(x, verb, flags, width, precision)
        if elements is not None:
            return elements
    if verb == "p":
        return _pointer(x, verb, flags, width)
    if (
        verb == "v"
        and (precision is not None or " " in flags)
        and isinstance(x, float)
        and not _fmt_method_of(x)
    ):
        verb, flags = "g", flags.replace("+", "")  # %v of a float is %g, its precision too
    kind = type(x)
    if (
        kind not in _VERBS_OF
        and isinstance(x, int | float | str)
        and (verb not in "vsqxX" or not _fmt_method_of(x))
    ):
        # type Temp float64, or a type with a String method under a verb that calls
        # none: the verbs of its underlying type
        kind = next(c for c in kind.__mro__ if c in _VERBS_OF)
    if (
        isinstance(x, complex)
        and verb in _VERBS_OF[complex]
        and (verb != "v" or not _fmt_method_of(x))
    ):
        return _complex(x, verb, flags, width, precision)
    if kind in _VERBS_OF and verb not in _VERBS_OF[kind] and verb not in "Tw":
        # a verb the value's type has not: the value as %v, with the width and flags,
        # and without its String method, which fmt does not call while it marks one
        bare = kind(x) if type(x) is not kind and _fmt_method_of(x) else x
        shown = _format_one(bare, "v", flags.replace("+", "").replace("#", ""), width, precision)
        return f"%!{verb}({type_name(x)}={shown})"
    if x is None and verb not in "vT":
        return f"%!{verb}(<nil>)"  # fmt's mark of a nil operand under any other verb
    if type(x) is Bytes and verb in "sq":
        # the bytes' text; %q escapes a byte that is not UTF-8's (\xab), which
        # surrogateescape keeps as U+DCAB for quote
        x, kind = x.data.decode(errors="surrogateescape" if verb == "q" else "replace"), str
    if (verb in "qxX" or (verb in "vs" and precision is not None)) and kind not in _VERBS_OF:
        # an error or a Stringer: its text, which a precision cuts
        method = _fmt_method_of(x)
        if method is not None:
            x = _method_text(x, method, verb)
            if type(x) is _Panicked:
                return x
    if isinstance(x, str) and precision is not None and verb in "svq":
        x = x[:precision]  # a string's precision cuts the operand
    if (
        verb == "v"
        and precision is not None
        and isinstance(x, int)
        and type(x) is not bool
        and not _fmt_method_of(x)
    ):
        verb = "d"  # %.3v of an integer: its digits, as %.3d
    if verb in "vsw":
        text = v(x, plus="+" in flags and verb == "v", verb="s" if verb == "s" else "v")
        if type(text) is _Panicked:
            return text
    elif (verb in "dboO" and not (verb == "b" and isinstance(x, float))) or (
        verb in "xX" and isinstance(x, int | list)
    ):
        text = _integer(x, verb, flags)
        if precision is not None and isinstance(x, int) and type(x) is not bool and verb != "O":
            # the digits take the precision's zeros, then the sign and the # prefix
            if not x and not precision:
                text = ""  # Go's fmtInteger: no digits, no sign, no # prefix, only padding
            else:
                digits = _integer(abs(int(x)), verb, "")
                sign = text[: len(text) - len(text.lstrip("+- "))]
                text = sign + _alternate(digits.rjust(precision, "0"), verb, flags)
    elif verb == "q":
        text = _quoted(x, "#" in flags)
        if "+" in flags and not text.startswith("`"):  # %+q: ASCII only, as QuoteToASCII
            text = _ascii_only(text)
    elif verb == "c":
        text = "[" + " ".join(map(rune_text, x)) + "]" if isinstance(x, list) else rune_text(x)
    elif verb == "U":
        places = 4 if precision is None else max(4, precision)  # %.6U: U+0000E9
        text = f"U+{x % (1 << 64):0{places}X}"  # a negative rune as Go's uint64 of it
        flags = flags.replace("0", "")  # Go pads %U with spaces, never zeros
        if "#" in flags and rune_len(x) > 0 and chr(x).isprintable():
            text += f" '{chr(x)}'"  # %#U: the character too
    elif verb == "t":
        text = v(x.v if isinstance(x, NamedBool) else x)  # true: fmt calls no String under %t
    elif verb in "xX":
        text = format_hex(x, verb, flags, precision)
        if "#" in flags and isinstance(x, float):
            text = _sharp_float(text, verb, precision)
        if isinstance(x, float) and "+" in flags and not text.startswith(("-", "+")):
            text = "+" + text  # %+x of 1.0: +0x1p+00
        elif isinstance(x, float) and " " in flags and not text.startswith("-"):
            text = " " + text.removeprefix("+")
    elif verb in "feEfFgG" or (verb == "b" and isinstance(x, float)):
        p = 6 if precision is None else precision
        if verb in "gG" and precision is None:
            p = -1  # the fewest digits
        form = ord("f" if verb == "F" else verb)
        text = format_float(float(x), form, p, 32 if isinstance(x, Float32) else 64)
        if "#" in flags and verb != "b":
            text = _sharp_float(text, verb, precision)
        if "+" in flags and not text.startswith(("-", "+")):
            text = "+" + text
        elif " " in flags and not text.startswith("-"):
            text = " " + text.removeprefix("+")  # +Inf is " Inf"
    elif verb == "T":
        if untyped(x):
            raise SimlabError(
                "fmt: simlab does not keep the type of a slice or a map held in an "
                "interface, %T: give %T a variable of the slice's or the map's own type"
            )
        if isinstance(x, Ref) and isinstance(x.v, list | dict):
            raise SimlabError(
                "fmt: simlab does not keep the type a pointer held in an interface points "
                "to, %T: give %T a variable of the pointer's own type"
            )
        if callable(x) and not hasattr(type(x), "__slots__"):
            raise SimlabError(
                "fmt: simlab does not keep the type of a function held in an interface, "
                "%T: give %T a variable of the function's own type"
            )
        text = "<nil>" if x is None else _operand_type(x)
    else:
        text = v(x)
    if width is not None:
        if "-" in flags:
            text = text.ljust(width)
        elif "0" in flags and isinstance(x, float) and not math.isfinite(x):
            text = text.rjust(width)  # an infinity or NaN is padded with spaces
        elif "0" in flags and precision is not None and isinstance(x, int) and verb in "bdoxXv":
            text = text.rjust(width)  # an integer's precision turns the zero padding off
        elif "0" in flags and not isinstance(x, list):
            number = isinstance(x, int | float) and type(x) is not bool
            if number and verb in "vsqxX" and _fmt_method_of(x) is not None:
                number = False  # its String's text, padded as a string is: 000-5
            sign = text[0] if number and text[:1] in "+- " else ""  # zeros go after it
            if "#" in flags and verb in "boxX" and isinstance(x, int):
                # the digits take the width, as a precision would; the prefix is extra
                digits = _integer(x, verb, flags.replace("#", "")).lstrip("+- ")
                text = sign + _alternate(digits.rjust(width - len(sign), "0"), verb, flags)
            elif verb == "O" and isinstance(x, int):
                digits = format(abs(int(x)), "o").rjust(width - len(sign), "0")
                text = sign + "0o" + _alternate(digits, "o", flags)  # its prefix is extra too
            else:
                text = sign + text[len(sign) :].rjust(width - len(sign), "0")
        else:
            text = text.rjust(width)
    return text


def _nil_pointer(x: Any, verb: str, flags: str, width: int | None) -> str:
    """``(*T)(nil)`` under a verb but ``%v`` and ``%T``: its address, 0, as a number
    or under ``%p``, else Go's mark of a bad verb."""
    return _nil_of(type_name(x), verb, flags, width)


def _nil_of(go_type: str, verb: str, flags: str, width: int | None) -> str:
    """A nil pointer of type ``go_type`` under a verb, inside another value: see
    :func:`_nil_pointer`; under ``%v``, ``<nil>`` in the width."""
    if verb in "bdoxX":
        return _format_one(0, verb, flags, width, None)
    if verb == "p":
        return _format_one("0" if "#" in flags else "0x0", "s", flags.replace("0", ""), width, None)
    nil = "<nil>".ljust(width or 0) if "-" in flags else "<nil>".rjust(width or 0)
    return nil if verb == "v" else f"%!{verb}({go_type}={nil})"


def _pointer(x: Any, verb: str, flags: str, width: int | None, raw: bool = False) -> str:
    """A pointer under ``%p``, or inside another value: ``0x`` and its address in hex
    (``%#p``: without the ``0x``), under ``%d``, ``%x``... the address as an integer.
    A slice, a map, a channel has an address too; anything else is Go's bad verb."""
    if x is None:
        return f"%!{verb}(<nil>)"
    if x is NIL_MAP or (type(x) is NilSlice and not x):
        text = "0x0"  # a nil map's or slice's address, Go's 0
    elif isinstance(x, sl.Chan):
        text = v(x)
    elif _is_pointer(x, True) or isinstance(x, list | dict):
        text = _address_text(x)
    else:
        return f"%!{verb}({type_name(x)}={v(x)})"
    if verb in "dboOxX":
        return _format_one(int(text, 16), verb, flags, width, None)
    if verb not in "vp":
        # the bad verb's mark shows the operand as %v does: &{4} of a *User (raw:
        # of an unexported field, whose methods fmt does not call)
        shown = text if isinstance(x, sl.Chan | list | dict) else v(x, raw=raw)
        return f"%!{verb}({type_name(x)}={shown})"
    text = text[2:] if "#" in flags else text
    return text.rjust(width or 0) if "-" not in flags else text.ljust(width or 0)


def _format_elements(
    x: Any, verb: str, flags: str, width: int | None, precision: int | None, raw: bool = False
) -> str | None:
    """A slice's, a map's or a struct's elements each under the verb, the width
    and flags applying to each, as fmt formats them; None for any other value.
    ``raw``: ``x`` is inside an unexported field, where fmt calls no method."""

    def one(e: Any) -> str:
        if raw:
            return _format_raw(e, verb, flags, width, precision)
        if e is None:  # a nil interface inside: fmt marks no verb, pads nothing
            return "<nil>"
        if is_typed_nil(e) and _is_pointer(e, False):
            return _nil_pointer(e, verb, flags, width)  # [%!s(*main.P=<nil>)]
        if _is_pointer(e, False):
            return _pointer(e, verb, flags, width)
        return _format_one(e, verb, flags, width, precision)

    if isinstance(x, list):
        return "[" + " ".join(one(e) for e in x) + "]"
    if isinstance(x, dict):
        items = _entries(x)
        methods = verb in "vsqxX" and not raw  # a key's String method formats it
        return (
            "map["
            + " ".join(
                f"{one(k if methods and _fmt_method_of(k) else _key_by_value(k))}:{one(e)}"
                for k, e in items
            )
            + "]"
        )
    if x is EMPTY:
        return "{}"  # no fields to take the verb, the width or the flags
    by_value = isinstance(x, StructValue)
    obj = x.x if by_value else x
    if not by_value and not raw and verb in "vsqxXw" and _fmt_method_of(obj) is not None:
        return None  # its String or Error method formats it (fmt's handleMethods)
    if not hasattr(type(obj), "__slots__") or isinstance(obj, _NOT_STRUCTS):
        return None
    if is_typed_nil(obj):
        return None  # (*T)(nil): <nil>
    named = "+" in flags and verb == "v"
    parts = []
    sized = getattr(type(obj), "go_sized", None)
    nil_pointers: dict[str, tuple[str, str, str]] = getattr(type(obj), "go_nil_pointers", {})
    for name, value, kind in _struct_fields(obj):
        exported = name[:1].isupper() and not raw  # fmt calls no method of an unexported field
        if name in nil_pointers:  # a nil *int field, not a nil interface
            slot, go_type, verbs = nil_pointers[name]
            if getattr(obj, slot) is None and not (exported and (verbs == "*" or verb in verbs)):
                text = _nil_of(go_type, verb, flags, width)
                parts.append((f"{name}:" if named else "") + text)
                continue
        if sized is not None and name in sized:
            value = _as_sized(value, sized[name], verb)
        if kind == "value":  # a struct-valued field: {...}, not &{...}, by its method
            value = _field_value(
                value, not exported or verb not in "vsqxXw"
            )  # where the verb calls one
        elif kind == "elements":
            value = _by_value(value, not exported or verb not in "vsqxXw")
        if kind == "duration" and verb in "vsqxX" and exported:
            value = sl.format_duration(value)  # its String method, but under %d
        if type(value) is Ref and exported:
            value = _method_pointer(value)  # a *Secret field: by (*Secret).String under %s
        if kind == "duration" and not exported and type(value) is int:
            value = Duration(value)  # its type's name in a bad verb's mark, without String
        text = one(value) if exported else _format_raw(value, verb, flags, width, precision)
        parts.append((f"{name}:" if named else "") + text)
    pointer = not by_value and not hasattr(type(obj), "go_struct")
    return ("&" if pointer else "") + "{" + " ".join(parts) + "}"


def _format_raw(x: Any, verb: str, flags: str, width: int | None, precision: int | None) -> str:
    """``x`` inside an unexported field under the verb: fmt calls none of the
    methods of what it reaches there (a named number's ``String`` or ``Format``,
    an error's pointer's ``Error``), at any depth."""
    one = functools.partial(_format_one, verb=verb, flags=flags, width=width, precision=precision)
    if x is None:
        return "<nil>"
    methods = bool(_fmt_method_of(x) or _formatter_of(x))
    if methods and isinstance(x, int | float | str):
        return _without_methods(x, one)
    if not methods and is_typed_nil(x) and _is_pointer(x, False):
        return _nil_pointer(x, verb, flags, width)  # %!s(*main.P=<nil>)
    if _is_pointer(x, methods):  # an error's pointer too: as a pointer without methods
        return _pointer(x, verb, flags, width, raw=methods)
    if isinstance(x, StructValue) or (isinstance(x, list | dict) and not isinstance(x, Bytes)):
        elements = _format_elements(x, verb, flags, width, precision, raw=True)
        if elements is not None:
            return elements
    return one(x)


def _as_sized(x: Any, cls: Any, verb: str) -> Any:
    """A field of a sized integer type, or a slice, an array or a map of them
    (``go_sized``), as the values of ``cls`` fmt names under a bad verb
    (``%!s(int8=-1)``); a []byte field (``cls`` :class:`Bytes`), or a slice or a map
    of them (``(Bytes,)``), as its text or hex under ``%s``, ``%q``, ``%x`` and ``%X``."""
    if cls is Bytes or cls == (Bytes,):
        if verb not in "sqxX":
            if verb in _VERBS_OF[int]:
                return x
            # a bad verb names each byte's type: %!f(uint8=97)
            if cls is Bytes:
                return _as_sized(x, Uint8, verb)
            if isinstance(x, list):  # [][]byte
                return [_as_sized(e, Uint8, verb) for e in x]
            if isinstance(x, dict):
                return {k: _as_sized(e, Uint8, verb) for k, e in x.items()}
            return x
        if cls is Bytes:
            return _as_bytes(x)
        if isinstance(x, list):  # [][]byte
            return [_as_bytes(e) for e in x]
        if isinstance(x, dict):  # map[K][]byte
            return {k: _as_bytes(e) for k, e in x.items()}
        return x
    if type(x) is int:
        return cls(x)
    if isinstance(x, list):
        return [cls(e) if type(e) is int else e for e in x]
    if isinstance(x, dict):
        return {k: cls(e) if type(e) is int else e for k, e in x.items()}
    return x


def _as_bytes(x: Any) -> Any:
    """A []byte (a list, or None for nil) as :class:`Bytes`, which prints its text."""
    return Bytes(x or []) if isinstance(x, list | None) else x


def _operand_type(x: Any) -> str:
    """The Go type of an operand as a bad verb's mark names it: a struct value's
    type, not a pointer's."""
    if isinstance(x, StructValue):
        return type_name(x.x).removeprefix("*")
    return type_name(x)


def _without_methods(x: Any, one: Callable[[Any], str]) -> str:
    """``x``, a value of a named number or string type with a String or Error method
    in an unexported field, under a verb: as its underlying value, which fmt formats
    without the method it cannot call, but named by its type in a bad verb's mark
    (``%!s(main.Level=2)``)."""
    base = next(c for c in type(x).__mro__ if c in (Float32, int, float, str))
    plain = base(x)
    return one(plain).replace(f"({type_name(plain)}=", f"({type_name(x)}=")


def _integer(x: Any, verb: str, flags: str) -> str:
    """``%d``, ``%b``, ``%o``, ``%x`` of an integer (``+`` and space flags for its sign),
    or of a slice of them, element by element."""
    if isinstance(x, list):
        return "[" + " ".join(_integer(e, verb, flags) for e in x) + "]"
    if isinstance(x, dict):
        items = _entries(x)
        return (
            "map["
            + " ".join(f"{_integer(k, verb, flags)}:{_integer(e, verb, flags)}" for k, e in items)
            + "]"
        )
    if not isinstance(x, int):  # a string, a float (a named float type's too)
        return f"%!{verb}({type_name(x)}={v(x, raw=True)})"  # Go's mark of a verb the value has not
    n = int(x)
    digits = format(abs(n), {"d": "d", "b": "b", "o": "o", "O": "o", "x": "x", "X": "X"}[verb])
    if verb == "O":
        # %O: always Go's 0o prefix, which %#O puts before the leading 0 of %#o
        digits = "0o" + _alternate(digits, "o", flags)
    sign = "-" if n < 0 else "+" if "+" in flags else " " if " " in flags else ""
    return sign + _alternate(digits, verb, flags)


def _alternate(digits: str, verb: str, flags: str) -> str:
    """The ``#`` flag's prefix of an integer's digits: 0x, 0X, 0b, or a leading 0."""
    if "#" not in flags:
        return digits
    if verb == "o":
        return digits if digits.startswith("0") else "0" + digits
    return {"x": "0x", "X": "0X", "b": "0b"}.get(verb, "") + digits


def _quoted(x: Any, raw: bool = False) -> str:
    """``%q``: a string quoted, a rune (an integer) in single quotes, a slice element
    by element; ``%#q`` (``raw``): a string in backquotes where it can be one."""
    if isinstance(x, list):
        return "[" + " ".join(_quoted(e, raw) for e in x) + "]"
    if isinstance(x, int) and not isinstance(x, bool):
        return quote_rune(x)
    if raw and _backquotable(str(x)):
        return f"`{x}`"
    return quote(str(x))


def _backquotable(s: str) -> bool:
    """``strconv.CanBackquote``: ``s`` can be a raw string literal: no backquote, no
    control character but a tab, no byte order mark."""
    return all(
        c == "\t" or (c >= " " and c not in "`\x7f\ufeff" and not 0xDC80 <= ord(c) <= 0xDCFF)
        for c in s
    )


def _sharp_float(text: str, verb: str, precision: int | None) -> str:
    """A float under the ``#`` flag: its mantissa keeps a decimal point (``%#.0f`` of
    3 is ``3.``), and under ``%g``, ``%G`` and ``%x`` trailing zeros make up the
    precision's count of significant digits, 6 without one (``%#g`` of 3.5 is
    ``3.50000``); Go counts the ``x`` of a hex float's ``0x`` as one of them, so
    ``%#x`` of 3.5 is ``0x1.c000p+01``. An infinity or NaN is left as it is."""
    sign = text[:1] if text[:1] in "+- " else ""
    body = text[len(sign) :]
    if not body[:1].isdigit():
        return text
    exponent = "pP" if verb in "xX" else "eEpP"
    cut = next((i for i, ch in enumerate(body) if ch in exponent), len(body))
    mantissa, tail = body[:cut], body[cut:]
    missing = (6 if precision is None else precision) if verb in "gGx" else 0
    seen_nonzero = False
    for ch in mantissa:
        if ch == ".":
            continue
        seen_nonzero = seen_nonzero or ch != "0"
        if seen_nonzero:
            missing -= 1
    if "." not in mantissa:
        if mantissa == "0":
            missing -= 1  # a lone 0 is one digit
        mantissa += "."
    return sign + mantissa + "0" * max(missing, 0) + tail


def format_hex(x: Any, verb: str, flags: str = "", precision: int | None = None) -> str:
    """``%x`` of a string or a []byte (:class:`Bytes`): its bytes in hex (``% x``:
    apart; ``%#x``: each 0x-prefixed; ``%.4x``: the first four); of an integer: its
    digits."""
    if isinstance(x, str | Bytes):
        data = x.data if isinstance(x, Bytes) else x.encode()
        if precision is not None:
            data = data[:precision]  # %.4x: the first four bytes
        pairs = [format(b, "02x") for b in data]
        if "#" in flags and pairs:  # nothing at all for no bytes
            pairs = ["0x" + p for p in pairs] if " " in flags else ["0x" + "".join(pairs)]
        text = (" " if " " in flags else "").join(pairs)
    elif isinstance(x, float):
        if math.isinf(x) or math.isnan(x):
            return _float(x)  # +Inf, NaN under %X too
        text = hex_float(x, precision)
    else:
        text = format(int(x), "x")
    return text.upper() if verb == "X" else text


def _formatter_of(x: Any) -> bool:
    """``x`` is a ``fmt.Formatter``: its class is marked (a pointer's, the class of
    what it points to), and ``x`` has the method."""
    cls = x.cls if type(x) is BasicPointer else type(x)
    return getattr(cls, "go_formatter", False) and has_method(x, "Format")


class Bytes:
    """A []byte that fmt prints as text (``%s``, ``%q``) or as hex (``%x``, ``%X``),
    where the translator knows the operand's type: elsewhere a []byte is a list of
    numbers, as ``%v`` and ``%d`` print it."""

    __slots__ = ("_held",)

    def __init__(self, data: list[int] | NamedValue):
        self._held = data

    @property
    def data(self) -> bytes:
        """The bytes as fmt reads them, when it formats: a later argument's call that
        wrote into the slice shows (``Printf("%s %d", b, zero(b))``)."""
        held = self._held
        return bytes(held.v if isinstance(held, NamedValue) else held)  # type Wire []byte


def printf(format: str, *args: Any) -> tuple[int, None]:
    """``fmt.Printf``."""
    return _print_out(sprintf(format, *args))


def fprint(w: Any, *args: Any) -> tuple[int, None]:
    """``fmt.Fprint``: what ``fmt.Sprint`` gives, written to ``w``; the bytes written."""
    return _write(w, sprint(*args))


def fprintln(w: Any, *args: Any) -> tuple[int, None]:
    """``fmt.Fprintln``."""
    return _write(w, sprintln(*args))


def fprintf(w: Any, format: str, *args: Any) -> tuple[int, None]:
    """``fmt.Fprintf``."""
    return _write(w, sprintf(format, *args))


def fmt_append(b: list[int] | None, text: str) -> list[int]:
    """``fmt.Appendf(b, ...)``, ``Append``, ``Appendln``: ``b`` and the bytes of the
    text formatted as ``Sprintf`` (``Sprint``, ``Sprintln``) formats it."""
    return [*(b or ()), *text.encode()]


def errorf(format: str, *args: Any) -> sl.GoError:
    """``fmt.Errorf``; with ``%w`` the error wraps its argument (``errors.Is`` sees it),
    with several ``%w`` each of theirs (``*fmt.wrapErrors``, which ``errors.Unwrap``
    does not unwrap)."""
    printf = _Printf(format, args, wraps=True)
    message = printf.run()
    # each %w's operand (a blocking String's value, not its text); one operand under
    # two %w is one error, in a *fmt.wrapErrors, as Go counts the verbs
    uses = [(i, x) for verb, i, x in printf.used if verb == "w"]
    wrapped = {i: x.of if isinstance(x, Stringed) else x for i, x in uses}
    if len(uses) == 1:
        (x,) = wrapped.values()
        return WrapError(message, x if _is_error(x) else None)
    if wrapped:  # in the order of the operands, as Go's (%[2]w then %[1]w)
        return WrapErrors(message, [x for _, x in sorted(wrapped.items()) if _is_error(x)])
    return sl.GoError("*errors.errorString", message)


def _is_error(x: Any) -> bool:
    """``x`` is an error: simlab's, or a value whose method set has Error."""
    return isinstance(x, sl.GoError) or has_method(x, "Error")


# the standard library's sync and sync/atomic values: fmt prints them as Go's own
# structs (_sync_fields) or ends the run, never field by field as the program's
_SYNC_VALUES = (
    sl.Mutex,
    sl.RWMutex,
    sl.WaitGroup,
    sl.Once,
    sl.Cond,
    syncmap.Map,
    Pool,
    atomic.Int32,
    atomic.Int64,
    atomic.Uint32,
    atomic.Uint64,
    atomic.Bool,
    atomic.Pointer,
)

# values of classes with __slots__ that fmt does not print field by field
_NOT_STRUCTS: tuple[type, ...] = (
    int,
    str,
    float,
    complex,
    sl.GoError,
    sl.Context,
    sl.Chan,
    Named,
    NamedValue,
    Bytes,
    *_SYNC_VALUES,
)
