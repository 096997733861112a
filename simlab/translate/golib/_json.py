"""``encoding/json``: Marshal, MarshalIndent, Unmarshal, Valid, Compact, Indent,
HTMLEscape, Encoder, Decoder and Number, as Go 1.27's (whose encoding/json runs on
its json/v2 engine: its error texts and offsets).

The translation hands each call a *descriptor* of the static Go type involved,
since a Python value does not say whether it is an ``int8`` or a ``[]byte``:

- ``(kind, go_type)`` for ``bool``, ``string``, the integer kinds (``"int8"``...),
  ``"float32"``, ``"float64"`` (``(kind, go_type, cls)`` for a named type of the
  program's with methods: a decoded value is of its class), ``"any"`` (an empty
  interface), ``"iface"`` (any other interface), ``"bytes"`` (a ``[]byte``),
  ``"time"`` (a ``time.Time``, as RFC 3339 text), ``"raw"`` (a
  ``json.RawMessage``), ``"number"`` (a ``json.Number``), ``"empty"`` (a
  ``struct{}``), ``"unsupported"`` (a channel, a function), ``"nil"``
  (``json.Marshal(nil)``);
- ``("refused", go_type, what)``: a type simlab does not model, in a struct only an
  interface may hold; the run ends in one line if it is encoded;
- ``("slice", go_type, elem)``, ``("array", go_type, elem, n)``,
  ``("map", go_type, elem, key)``, ``("ptr", go_type, elem)``;
- ``("struct", go_type, cls, name)`` (of a generic type's instance, ``("struct",
  go_type, cls, name, type_args)``, which a new value is made with), whose fields
  are the class's ``go_json``: one ``(path, key, omitempty, omitzero, quoted,
  descriptor)`` per field encoding/json sees, ``path`` the attributes that reach
  it (through embedded structs; an embedded pointer's step is ``(attr, cls or
  None, go_type)``);
- ``("methods", go_type, plain, marshal, unmarshal, cls)``: a type with its own
  MarshalJSON (``marshal`` ``"json"``) or MarshalText (``"text"``), ``*`` after it
  for a pointer method, or UnmarshalJSON (``unmarshal`` ``"json"``); ``plain``
  describes the type without them.

``go_type`` is the type as Go's errors name it (``[]string``, ``main.Point``).
A value held in an interface is encoded by what it is (an ``int`` as a number, a
``list`` as an array, an object of the program by its class's ``go_json`` and
``go_marshal``). Encoding and decoding are generators, since a method of the
program's they call may block.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Generator, Iterator
from decimal import Decimal
from inspect import isgenerator
from typing import Any

import simlab as sl
from simlab.errors import SimlabError

from ._base64 import StdEncoding
from ._errors import UNWRAPS_ONE
from ._fmt import StructValue, _elem_type
from ._io import EOF, ErrUnexpectedEOF, _at_once, blocking_write
from ._numbers import INT_RANGES, Float32
from ._numbers import round_float32 as _f32
from ._runstate import _calling_runtime
from ._strconv import format_float, parse_float, parse_int, quote, quote_rune
from ._text import _one_read
from ._time import _YEAR_RANGE, ZERO_TIME, Time, time_marshal_json, time_parse
from ._types import _BASIC_ARGS, TypedFunc, type_arg_name, type_name, typed
from ._values import (
    EMPTY,
    NIL_MAP,
    BasicPointer,
    NamedBool,
    NamedValue,
    NilMap,
    NilSlice,
    Ref,
    TypedRef,
    is_nil,
)

Desc = tuple[Any, ...]

_ANY = ("any", "interface {}")
_FLOAT32 = ("float32", "float32")
_TIME = ("time", "time.Time")
_FLOAT32_OVERFLOW = Decimal(2**128 - 2**103)  # float32's largest, and half its last step
_INVALID_SYNTAX = sl.GoError("strconv.ErrSyntax", "invalid syntax")
_UNSETTABLE = sl.GoError(
    "*errors.errorString", "cannot set embedded pointer to unexported struct type"
)
_RFC3339 = "2006-01-02T15:04:05Z07:00"


# --- errors -------------------------------------------------------------------------


class SyntaxError(sl.GoError):
    """``*json.SyntaxError``: the text is malformed; ``Offset`` is where (the bytes
    read when the error was found)."""

    __slots__ = ("Offset", "msg")

    def __init__(self, msg: str = "", Offset: int = 0) -> None:
        super().__init__("*json.SyntaxError", msg)
        self.msg, self.Offset = msg, Offset

    def Error(self) -> str:
        return self.msg

    def __str__(self) -> str:
        return self.msg


class Delim(int):
    """A ``json.Delim``: one of ``[ ] { }``, as Token gives it; prints as itself."""

    __slots__ = ()
    go_name = "json.Delim"

    def String(self) -> str:
        return chr(self)


class Number(str):
    """A ``json.Number``: a JSON number's text, kept as it was written."""

    __slots__ = ()
    go_name = "json.Number"

    def String(self) -> str:
        return str(self)

    def Int64(self) -> tuple[int, Any]:
        return parse_int(self, 10, 64)

    def Float64(self) -> tuple[float, Any]:
        return parse_float(self, 64)


class ReflectType(str):
    """The ``reflect.Type`` an error names (``te.Type``): fmt prints its name."""

    __slots__ = ()
    go_name = "*reflect.rtype"

    def String(self) -> str:
        return str(self)


class UnmarshalTypeError(sl.GoError):
    """``*json.UnmarshalTypeError``: a JSON value (``Value``: ``"string"``,
    ``"number 1.5"``) that does not fit the Go type it was to go into; ``Struct``
    and ``Field`` say where, as Go 1.27 does (the outermost struct's name, the path
    of keys and indexes)."""

    __slots__ = ("Err", "Field", "Offset", "Struct", "Type", "Value")
    go_signatures = UNWRAPS_ONE

    def __init__(
        self,
        Value: str = "",
        go_type: str = "",
        Offset: int = 0,
        Struct: str = "",
        Field: str = "",
        Err: Any = None,
    ) -> None:
        super().__init__("*json.UnmarshalTypeError", "")
        self.Value, self.Type, self.Offset = Value, ReflectType(go_type), Offset
        self.Struct, self.Field, self.Err = Struct, Field, Err

    def Error(self) -> str:
        if self.Struct or self.Field:
            last = self.Field.rsplit(".", 1)[-1]
            into = "" if last.isdigit() else "Go struct field "
            text = f"json: cannot unmarshal {self.Value} into {into}{self.Struct}.{self.Field}"
        else:
            text = f"json: cannot unmarshal {self.Value} into Go value"
        text += f" of type {self.Type}"
        if self.Err is not None:
            text += ": " + self.Err.Error()
        return text

    def __str__(self) -> str:
        return self.Error()

    def Unwrap(self) -> Any:
        return self.Err


class InvalidUnmarshalError(sl.GoError):
    """``*json.InvalidUnmarshalError``: Unmarshal was given no pointer, or a nil one."""

    __slots__ = ()

    def __init__(self, message: str = "") -> None:
        super().__init__("*json.InvalidUnmarshalError", message)


class UnsupportedTypeError(sl.GoError):
    """``*json.UnsupportedTypeError``: a channel, a function, a complex number."""

    __slots__ = ()

    def __init__(self, go_type: str = "") -> None:
        super().__init__("*json.UnsupportedTypeError", "json: unsupported type: " + go_type)


class UnsupportedValueError(sl.GoError):
    """``*json.UnsupportedValueError``: a NaN or an infinity, or a cycle of pointers."""

    __slots__ = ()

    def __init__(self, text: str = "") -> None:
        super().__init__("*json.UnsupportedValueError", "json: unsupported value: " + text)


_RANGE_OF_YEAR = sl.GoError("*errors.errorString", _YEAR_RANGE)

_QUOTABLE = ("bool", "string", "float32", "float64", *INT_RANGES)


def _quotable(d: Desc) -> bool:
    """A field of this descriptor takes the ``,string`` option: a bool, a number or a
    string, or a pointer to one."""
    return d[0] in _QUOTABLE or (d[0] == "ptr" and d[2][0] in _QUOTABLE)


class MarshalerError(sl.GoError):
    """``*json.MarshalerError``: a MarshalJSON or MarshalText method failed, or
    wrote what is not JSON."""

    __slots__ = ("Err", "Type", "method")
    go_signatures = UNWRAPS_ONE

    def __init__(self, go_type: str = "", err: Any = None, method: str = "MarshalJSON") -> None:
        super().__init__("*json.MarshalerError", "")
        self.Type, self.Err, self.method = ReflectType("*" + go_type), err, method

    def Error(self) -> str:
        text = self.Err.Error() if self.Err is not None else ""
        return f"json: error calling {self.method} for type {self.Type}: {text}"

    def __str__(self) -> str:
        return self.Error()

    def Unwrap(self) -> Any:
        return self.Err


def _call(method: Any, *args: Any) -> Generator[Any, Any, Any]:
    """A method of the program's that encoding/json calls, which may block."""
    result = method(*args)
    if isgenerator(result):
        result = yield from result
    return result


def _tokens(text: str) -> Iterator[str]:
    """JSON ``text``'s strings whole and its other characters one by one, the
    spaces between them left out."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            yield text[i : j + 1]
            i = j + 1
            continue
        if ch not in " \t\r\n":
            yield ch
        i += 1


def _number_text(text: str) -> str:
    """A json.Number's JSON: its text, if it is a number's (Go's MarshalerError if not)."""
    node, _ = _parse(text.encode())
    if node is None or node[0] != "0" or node[3] != len(text):
        err = sl.GoError(
            "*errors.errorString", f"cannot parse {quote(text)} as JSON number: invalid syntax"
        )
        raise _Fail(MarshalerError("json.Number", err, "MarshalJSONTo"))
    return text


def _compact(text: str) -> str:
    """JSON ``text`` without the spaces between its tokens."""
    return "".join(_tokens(text))


class _Fail(Exception):
    """Marshal stops at the first error, which this carries up."""

    def __init__(self, err: sl.GoError) -> None:
        self.err = err


# --- encoding ------------------------------------------------------------------------

_SHORT = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_HTML = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def _string(s: str, html: bool) -> str:
    out = []
    for ch in s:
        if ch in _SHORT:
            out.append(_SHORT[ch])
        elif html and ch in _HTML:
            out.append(_HTML[ch])
        elif ord(ch) < 0x20 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:  # not UTF-8: Go writes the replacement
            out.append("\ufffd")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _float(x: float, bits: int) -> str:
    if math.isinf(x) or math.isnan(x):
        raise _Fail(UnsupportedValueError(format_float(x, ord("g"), -1, bits)))
    if bits == 64:
        return _json_float(x)
    a = abs(_f32(x))  # the float32 it is: 5e-324 is 0
    if a != 0 and (a < _f32(1e-6) or a >= _f32(1e21)):  # compared as float32s, as Go's
        text = format_float(x, ord("e"), -1, 32)
        mantissa, exp = text.split("e")
        return f"{mantissa}e{exp[0]}{exp[1:].lstrip('0') or '0'}"
    return format_float(x, ord("f"), -1, 32)


def _empty(v: Any, d: Desc) -> bool:
    """``omitempty``: false, 0, "", a nil pointer or interface, an empty slice or map."""
    if d[0] == "methods":
        d = d[2]
    kind = d[0]
    if kind in ("slice", "bytes", "map", "array", "raw"):
        return v is None or len(v) == 0
    if kind in ("ptr", "any", "iface"):
        return v is None
    if kind in ("struct", "time", "empty", "unsupported"):
        # a struct is never empty, nor is a func, a chan or a complex (Go's error then)
        return False
    if kind == "number":
        return not v
    return not v


def _zero(v: Any, d: Desc) -> bool:
    """``omitzero``: the type's zero value (a struct of zero fields), or what its
    own ``IsZero`` method says."""
    is_zero = getattr(type(v), "IsZero", None)
    if is_zero is not None and type(v).__module__.startswith("simlab.translated."):
        result = is_zero(v)
        if isgenerator(result):
            result.close()
            raise SimlabError("an IsZero method that blocks is not modelled")
        return bool(result)
    if d[0] == "methods":
        d = d[2]
    kind = d[0]
    if kind == "struct":
        return all(_zero(_get(v, path), fd) for path, _, _, _, _, fd in _fields(d[2], v))
    if kind == "array":
        return all(_zero(x, d[2]) for x in v)
    if kind in ("slice", "bytes", "raw"):
        return v is None or is_nil(v)
    if kind == "map":
        return v is None or isinstance(v, NilMap)
    if kind in ("ptr", "any", "iface", "unsupported"):
        return v is None
    if kind == "time":
        return int(v) == ZERO_TIME
    if kind == "empty":
        return True
    return not v


def _get(obj: Any, path: tuple[Any, ...]) -> Any:
    """The field at ``path``: names, and (name, class) for an embedded pointer."""
    for step in path:
        if obj is None:
            return None
        obj = getattr(obj, step if isinstance(step, str) else step[0])
    return obj


Gen = Generator[Any, Any, str]


class _Encoder:
    """Writes a value's JSON. Its methods are generators, since a MarshalJSON of
    the program's may block (lock a mutex): ``yield from`` them."""

    __slots__ = ("depth", "html", "through")

    def __init__(self, html: bool) -> None:
        self.html, self.depth = html, 0
        self.through: set[int] = set()  # the pointers being encoded, outermost first

    def value(self, v: Any, d: Desc, addressable: bool = False) -> Gen:
        """The JSON of ``v``; ``addressable``: Go could take its address (reached
        through a pointer or a slice), so a pointer method marshals it."""
        kind = d[0]
        if kind == "nil":  # json.Marshal(nil)
            return "null"
        if type(v).__base__ is NamedValue and kind in ("slice", "array", "map", "bytes"):
            v = v.v  # a value of a named type with methods: the list or dict it holds
        if kind == "methods":
            return (yield from self.marshaler(v, d, addressable))
        if kind == "bool":
            return "true" if v else "false"
        if kind == "string":
            return _string(v, self.html)
        if kind in INT_RANGES:
            return str(int(v))
        if kind == "float64":
            return _float(float(v), 64)
        if kind == "float32":
            return _float(float(v), 32)
        if kind == "bytes":
            if v is None or is_nil(v):
                return "null"
            return '"' + base64.b64encode(bytes(v)).decode() + '"'
        if kind == "time":
            quoted, err = time_marshal_json(int(v), _calling_runtime())
            if err is not None:  # Go's MarshalerError names the year's range alone
                raise _Fail(MarshalerError("time.Time", _RANGE_OF_YEAR, "MarshalJSON"))
            return bytes(quoted).decode()
        if kind == "number":  # a json.Number: its text, which must be a number's
            return _number_text(str(v or "0"))
        if kind == "raw":  # a json.RawMessage: its bytes, checked and compacted
            if v is None or len(v) == 0:
                return "null"
            node, bad = _parse(bytes(v))
            if bad is not None or node is None:
                raise _Fail(MarshalerError("jsontext.Value", bad, "MarshalJSON"))
            text = _compact(bytes(v).decode("utf-8", "replace"))
            return _html(text) if self.html else text
        if kind == "unsupported":
            raise _Fail(UnsupportedTypeError(d[1]))
        if kind == "refused":
            raise SimlabError(d[2] + " is not modelled")
        if kind in ("any", "iface"):
            return (yield from self.dynamic(v))
        if kind == "ptr":
            if v is None or getattr(type(v), "go_nil", False):
                return "null"
            if id(v) in self.through:  # a pointer inside what it points to: Go's cycle error
                raise _Fail(UnsupportedValueError(f"encountered a cycle via {d[1]}"))
            self.through.add(id(v))
            try:
                return (yield from self.nested(v.v if isinstance(v, Ref) else v, d[2], True))
            finally:
                self.through.discard(id(v))
        if kind in ("slice", "array"):
            if kind == "slice" and (v is None or is_nil(v)):
                return "null"
            through = addressable or kind == "slice"
            parts = []
            for x in v:
                parts.append((yield from self.nested(x, d[2], through)))
            return "[" + ",".join(parts) + "]"
        if kind == "map":
            if v is None or isinstance(v, NilMap):
                return "null"
            items = []
            for k, x in v.items():
                items.append(((yield from self.key(k, d[3])), x))
            parts = []
            for k, x in sorted(items, key=lambda item: item[0]):
                parts.append(_string(k, self.html) + ":" + (yield from self.nested(x, d[2])))
            return "{" + ",".join(parts) + "}"
        if kind == "struct":
            return (yield from self.struct(v, d[2], addressable))
        if kind == "empty":  # struct{}
            return "{}"
        raise AssertionError(d)

    def nested(self, v: Any, d: Desc, addressable: bool = False) -> Gen:
        self.depth += 1
        if self.depth > 200:
            raise SimlabError("json.Marshal of a value nested 200 deep (a cycle?) is not modelled")
        try:
            return (yield from self.value(v, d, addressable))
        finally:
            self.depth -= 1

    def marshaler(self, v: Any, d: Desc, addressable: bool) -> Gen:
        """A value of a type with a MarshalJSON or MarshalText method: what the
        method returns (a pointer method's only where Go could take the address)."""
        _, go_type, inner, marshal, _, cls = d
        if not marshal or (marshal.endswith("*") and not addressable):
            return (yield from self.value(v, inner, addressable))
        method = "MarshalJSON" if marshal.startswith("json") else "MarshalText"
        receiver = v
        if marshal.endswith("*") and isinstance(v, int | float | str | list | dict):
            receiver = Ref(v)  # a named number's (string's, slice's) pointer method reads *c
        data, err = yield from _call(getattr(cls, method), receiver)
        if err is not None:
            raise _Fail(MarshalerError(go_type, err, method))
        text = bytes(data).decode("utf-8", "replace")
        if method == "MarshalText":
            return _string(text, self.html)
        node, bad = _parse(bytes(data))
        if bad is not None or node is None:
            raise _Fail(MarshalerError(go_type, bad, method))
        return _html(_compact(text)) if self.html else _compact(text)

    def key(self, k: Any, d: Desc) -> Gen:
        """A map's key as its JSON text: a MarshalText method's, or the value's."""
        if isinstance(k, str) or (d[0] == "methods" and d[2][0] == "string"):
            return str(k)  # a key of a string kind is its text, MarshalText or not
        if d[0] == "any" and getattr(type(k), "go_marshal", "").startswith("text"):
            d = ("methods", getattr(type(k), "go_name", ""), _ANY, "text", "", type(k))
        if d[0] == "methods" and d[3].startswith("text"):
            data, err = yield from _call(d[5].MarshalText, k)
            if err is not None:
                raise _Fail(MarshalerError(d[1], err, "MarshalText"))
            return bytes(data).decode("utf-8", "replace")
        if isinstance(k, float):  # as a float value is written: 1, not 1.0; 1e+21
            return _float(float(k), 32 if isinstance(k, Float32) else 64)
        return str(k)

    def struct(self, v: Any, cls: type, addressable: bool = False) -> Gen:
        if isinstance(v, StructValue):
            v = v.x
        parts = []
        for path, key, omitempty, omitzero, quoted, fd in _fields(cls, v):
            x = _get(v, path)
            if len(path) > 1 and x is None and _through_nil(v, path):
                continue
            if (omitempty and _empty(x, fd)) or (omitzero and _zero(x, fd)):
                continue
            text = yield from self.nested(x, fd, addressable)
            if quoted and (_quotable(fd) or fd[0] == "number") and text != "null":
                text = _string(text, self.html)
            parts.append(_string(key, self.html) + ":" + text)
        return "{" + ",".join(parts) + "}"

    def dynamic(self, v: Any) -> Gen:
        """A value held in an interface: encoded by what it is."""
        if isinstance(v, StructValue):
            v = v.x
        if v is None or is_nil(v) or isinstance(v, NilMap) or getattr(type(v), "go_nil", False):
            return "null"
        cls = type(v)
        marshal = getattr(cls, "go_marshal", "")
        # a struct value in an interface is of a class of values (go.as_value), whose
        # address Go cannot take: a pointer method does not marshal it
        if marshal and not (marshal.endswith("*") and "go_struct" in cls.__dict__):
            name = type_name(v).removeprefix("*")  # main.Broken, which a MarshalerError names
            methods = ("methods", name, ("any", ""), marshal, "", cls)
            return (yield from self.marshaler(v, methods, True))
        if isinstance(v, NamedBool):
            v = v.v  # type BoolLit bool: the bool it holds
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, TypedFunc | complex | sl.Chan):
            raise _Fail(UnsupportedTypeError(type_name(v)))
        if isinstance(v, Float32):
            return _float(v, 32)
        if isinstance(v, Time):
            return (yield from self.value(v, ("time", "time.Time")))
        if isinstance(v, int):
            return str(int(v))
        if isinstance(v, float):
            return _float(v, 64)
        if isinstance(v, Number):
            return _number_text(v)
        if isinstance(v, str):
            return _string(v, self.html)
        if isinstance(v, list):
            go_type = getattr(v, "go_type", "")
            if go_type == "[]uint8":  # a []byte literal's
                return (yield from self.value(v, ("bytes", "[]uint8")))
            if go_type == "jsontext.Value":  # json.RawMessage(...)'s
                return (yield from self.value(v, ("raw", "json.RawMessage")))
            elem = _held_elements(getattr(v, "go_under", ""))
            return (yield from self.nested(v, ("slice", "[]interface {}", elem)))
        if isinstance(v, dict):
            elem = _held_elements(getattr(v, "go_under", ""))
            return (yield from self.nested(v, ("map", "map[string]interface {}", elem, _ANY)))
        if isinstance(v, Ref):
            return (yield from self.nested(v.v, _ANY))
        if getattr(cls, "go_json", None) is not None:
            # a pointer to the struct (no go.as_value's class): its fields are
            # addressable, so their pointer methods marshal them
            pointer = "go_struct" not in cls.__dict__
            return (yield from self.nested(v, ("struct", "", cls, ""), pointer))
        if v is EMPTY or type_name(v) in _FIELDLESS_ERRORS:
            return "{}"  # struct{}{}, errors.New's: a struct of no exported fields
        raise SimlabError(f"the JSON of a {cls.__name__} held in an interface is not modelled")


def _held_elements(under: str) -> Any:
    """How JSON writes the elements of a slice, an array or a map of the Go type
    ``under`` held in an interface: a float32's fewest digits (``0.1``), a time's
    RFC 3339 text, anything else by what it holds."""
    elem = _elem_type(under) if under else ""
    return _FLOAT32 if elem == "float32" else _TIME if elem == "time.Time" else _ANY


def _through_nil(v: Any, path: tuple[Any, ...]) -> bool:
    """A promoted field behind a nil embedded pointer: Go leaves it out."""
    for step in path[:-1]:
        v = getattr(v, step if isinstance(step, str) else step[0])
        if v is None:
            return True
    return False


# the library's errors whose structs export no field: an error field marshals {}
_FIELDLESS_ERRORS = frozenset(
    (
        "*errors.errorString",
        "*errors.joinError",
        "*fmt.wrapError",
        "*fmt.wrapErrors",
        "context.deadlineExceededError",
    )
)


def _fields(cls: type, v: Any = None) -> tuple[Any, ...]:
    """The fields of the class's ``go_json``; of a generic class's object ``v``,
    with each ``("param", "T")`` the descriptor of the type argument ``v`` keeps."""
    fields = getattr(cls, "go_json", None)
    if fields is None:
        raise SimlabError(f"the JSON of a {cls.__name__} is not modelled")
    result: tuple[Any, ...] = fields
    params = getattr(cls, "go_type_params", ())
    if params and v is not None:
        if isinstance(v, StructValue):
            v = v.x
        args = {p: getattr(v, p) for p in params}
        result = tuple((*f[:5], _bind(f[5], args)) for f in result)
    return result


def _bind(d: Any, args: dict[str, Any]) -> Any:
    """The descriptor ``d`` with each ``("param", slot)`` in it the descriptor of
    the type argument ``args[slot]``."""
    if not isinstance(d, tuple):
        return d
    if len(d) == 2 and d[0] == "param":
        return type_param(args[d[1]])
    bound = tuple(_bind(x, args) for x in d)
    if len(bound) > 1 and isinstance(bound[1], str):  # its Go name: []T is []int
        name = _PARAM_NAME.sub(
            lambda m: type_param(args[m[0]])[1] if m[0] in args else m[0], bound[1]
        )
        bound = (bound[0], name, *bound[2:])
    return bound


_PARAM_NAME = re.compile(r"(?<![\w.])\w+")


def _marshal(v: Any, d: Desc, html: bool = True) -> Generator[Any, Any, tuple[str | None, Any]]:
    try:
        return (yield from _Encoder(html).value(v, d)), None
    except _Fail as fail:
        return None, fail.err


def marshal(v: Any, d: Desc) -> tuple[Any, Any]:
    """``json.Marshal(v)``: the JSON of ``v``, or nil and the error."""
    result: tuple[Any, Any] = _at_once(blocking_marshal(v, d), "json.Marshal")
    return result


def blocking_marshal(v: Any, d: Desc) -> Generator[Any, Any, tuple[Any, Any]]:
    """:func:`marshal` where a MarshalJSON of the program's may block (lock a mutex)."""
    text, err = yield from _marshal(v, d)
    return (NilSlice(), err) if text is None else (list(text.encode()), None)


def marshal_indent(v: Any, d: Desc, prefix: str, indent: str) -> tuple[Any, Any]:
    """``json.MarshalIndent(v, prefix, indent)``: Marshal's, then ``Indent``'s."""
    result: tuple[Any, Any] = _at_once(
        blocking_marshal_indent(v, d, prefix, indent), "json.MarshalIndent"
    )
    return result


def blocking_marshal_indent(
    v: Any, d: Desc, prefix: str, indent: str
) -> Generator[Any, Any, tuple[Any, Any]]:
    """:func:`marshal_indent` where a MarshalJSON of the program's may block."""
    text, err = yield from _marshal(v, d)
    if text is None:
        return NilSlice(), err
    return list(_indent(text, prefix, indent).encode()), None


def _indent(text: str, prefix: str, indent: str) -> str:
    """JSON laid out one element per line, as ``json.Indent`` does: an empty array
    or object stays ``[]`` or ``{}``; every new line starts with ``prefix``, then
    ``indent`` once per level."""
    tokens = list(_tokens(text))
    out: list[str] = []
    depth = 0
    for i, tok in enumerate(tokens):
        if tok in ("[", "{"):
            if i + 1 < len(tokens) and tokens[i + 1] in ("]", "}"):
                out.append(tok)  # and its closing one, next, as it is
                continue
            depth += 1
            out.append(tok + "\n" + prefix + indent * depth)
        elif tok in ("]", "}"):
            if i > 0 and tokens[i - 1] in ("[", "{"):
                out.append(tok)
                continue
            depth -= 1
            out.append("\n" + prefix + indent * depth + tok)
        elif tok == ",":
            out.append(",\n" + prefix + indent * depth)
        elif tok == ":":
            out.append(": ")
        else:
            out.append(tok)
    return "".join(out)


def raw_text(v: Any) -> str:
    """A ``json.RawMessage`` printed by fmt (its String method): the text, or null."""
    return "null" if v is None or is_nil(v) else bytes(v).decode("utf-8", "replace")


class RawField:
    """A struct's exported ``json.RawMessage`` field as fmt sees it (the class's
    ``go_stringers``): a ``jsontext.Value``, whose String method fmt calls."""

    __slots__ = ("v",)
    go_name = "jsontext.Value"

    def __init__(self, v: Any) -> None:
        self.v = v

    def String(self) -> str:  # Go's name, which fmt looks for
        return raw_text(self.v)


def compact(dst: Any, src: list[int]) -> Any:
    """``json.Compact(dst, src)``: ``src`` without its spaces, appended to ``dst`` (a
    ``*bytes.Buffer``); a syntax error writes nothing."""
    raw = bytes(src)
    _, err = _parse(raw)
    if err is not None:
        return err
    dst.write(_compact(raw.decode("utf-8", "replace")))
    return None


def indent(dst: Any, src: list[int], prefix: str, indent: str) -> Any:
    """``json.Indent(dst, src, prefix, indent)``: ``src`` laid out as MarshalIndent
    lays it out; the spaces before it dropped, the ones after kept, as Go's."""
    raw = bytes(src)
    _, err = _parse(raw)
    if err is not None:
        return err
    text = raw.decode("utf-8", "replace")
    body = text.strip(" \t\r\n")
    trailing = text[len(text.rstrip(" \t\r\n")) :]
    dst.write(_indent(_compact(body), prefix, indent) + trailing)
    return None


def html_escape(dst: Any, src: list[int]) -> None:
    """``json.HTMLEscape(dst, src)``: ``<``, ``>``, ``&``, U+2028 and U+2029 in
    ``src`` written as ``\\u003c``..., so that the JSON is safe in an HTML page."""
    dst.write(_html(bytes(src).decode("utf-8", "replace")))


def _html(text: str) -> str:
    """JSON ``text`` with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped."""
    for ch, esc in (*_HTML.items(), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


# --- parsing -------------------------------------------------------------------------

# a parsed value: ("{", [(key, node, key_offset)]), ("[", [node]), ('"', str),
# ("0", text), ("b", bool), ("n", None); each with the offsets it starts and ends at
Node = tuple[str, Any, int, int]

_WS = b" \t\r\n"
_LITERALS = {ord("t"): b"true", ord("f"): b"false", ord("n"): b"null"}


class _End(Exception):
    """The text ended inside a value."""

    def __init__(self, offset: int) -> None:
        self.offset = offset


class _Bad(Exception):
    def __init__(self, msg: str, offset: int) -> None:
        self.msg, self.offset = msg, offset


class _Parser:
    __slots__ = ("data", "i")

    def __init__(self, data: bytes) -> None:
        self.data, self.i = data, 0

    def space(self) -> None:
        data, i = self.data, self.i
        while i < len(data) and data[i] in _WS:
            i += 1
        self.i = i

    def peek(self) -> int:
        self.space()
        if self.i >= len(self.data):
            raise _End(len(self.data))
        return self.data[self.i]

    def closed(self, close: int, what: str) -> bool:
        """After a member or an element: True past the closing bracket, False past a
        comma; anything else is Go's error ``invalid character ... what``."""
        c = self.peek()
        if c != ord(",") and c != close:
            raise self.bad(what)
        self.i += 1
        return c == close

    def bad(self, what: str) -> _Bad:
        return _Bad(f"invalid character {quote_rune(self.data[self.i])} {what}", self.i + 1)

    def value(self, depth: int = 0) -> Node:
        node = self._value(depth)
        return (*node, self.i)

    def _value(self, depth: int) -> tuple[str, Any, int]:
        if depth > 500:
            raise SimlabError("JSON nested 500 deep is not modelled")
        c = self.peek()
        start = self.i
        if c == ord("{"):
            self.i += 1
            members: list[tuple[str, Node, int]] = []
            if self.peek() == ord("}"):
                self.i += 1
                return ("{", members, start)
            while True:
                if self.peek() != ord('"'):
                    raise self.bad("looking for beginning of object key string")
                at = self.i
                key = self.string()
                if self.peek() != ord(":"):
                    raise self.bad("after object key")
                self.i += 1
                members.append((key, self.value(depth + 1), at))
                if self.closed(ord("}"), "after object key:value pair"):
                    return ("{", members, start)
        if c == ord("["):
            self.i += 1
            elems: list[Node] = []
            if self.peek() == ord("]"):
                self.i += 1
                return ("[", elems, start)
            while True:
                elems.append(self.value(depth + 1))
                if self.closed(ord("]"), "after array element"):
                    return ("[", elems, start)
        if c == ord('"'):
            return ('"', self.string(), start)
        if c in _LITERALS:
            word = _LITERALS[c]
            for k, expect in enumerate(word):
                if self.i + k >= len(self.data):
                    raise _End(len(self.data))
                if self.data[self.i + k] != expect:
                    self.i += k
                    name = word.decode()
                    raise self.bad(f"in literal {name} (expecting {quote_rune(expect)})")
            self.i += len(word)
            if c == ord("n"):
                return ("n", None, start)
            return ("b", c == ord("t"), start)
        if c == ord("-") or ord("0") <= c <= ord("9"):
            return ("0", self.number(), start)
        raise self.bad("looking for beginning of value")

    def number(self) -> str:
        data, start = self.data, self.i
        i = start
        if data[i] == ord("-"):
            i += 1
        if i < len(data) and data[i] == ord("0"):
            i += 1
        else:
            i = self.digits(i)
        if i < len(data) and data[i] == ord("."):
            i = self.digits(i + 1)
        if i < len(data) and data[i] in b"eE":
            i += 1
            if i < len(data) and data[i] in b"+-":
                i += 1
            i = self.digits(i)
        self.i = i
        return data[start:i].decode()

    def digits(self, i: int) -> int:
        """Past the one or more digits a number has at ``i``."""
        data = self.data
        if i >= len(data):
            raise _End(0)  # Go 1.27 reports a number cut short at offset 0
        if not ord("0") <= data[i] <= ord("9"):
            self.i = i
            raise self.bad("in numeric literal")
        while i < len(data) and ord("0") <= data[i] <= ord("9"):
            i += 1
        return i

    def string(self) -> str:
        data = self.data
        i = self.i + 1
        out = bytearray()
        while True:
            if i >= len(data):
                raise _End(len(data))
            c = data[i]
            if c == ord('"'):
                self.i = i + 1
                return out.decode("utf-8", "replace")
            if c < 0x20:
                self.i = i
                raise _Bad(f"invalid character {quote_rune(c)} in string", i + 1)
            if c != ord("\\"):
                out.append(c)
                i += 1
                continue
            if i + 1 >= len(data):
                raise _End(len(data))
            e = data[i + 1]
            simple = {
                ord('"'): b'"',
                ord("\\"): b"\\",
                ord("/"): b"/",
                ord("b"): b"\b",
                ord("f"): b"\f",
                ord("n"): b"\n",
                ord("r"): b"\r",
                ord("t"): b"\t",
            }
            if e in simple:
                out += simple[e]
                i += 2
                continue
            if e != ord("u"):
                seq = data[i : i + 2].decode("utf-8", "replace")
                raise _Bad(f"invalid escape sequence `{seq}` in string", i + 2)
            code, i = self.hex4(i)
            if 0xD800 <= code < 0xDC00 and data[i : i + 2] == b"\\u":
                low, j = self.hex4(i)
                if 0xDC00 <= low < 0xE000:
                    out += chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)).encode()
                    i = j
                    continue
            out += (chr(code) if not 0xD800 <= code < 0xE000 else "\ufffd").encode()

    def hex4(self, i: int) -> tuple[int, int]:
        """The code of ``\\uXXXX`` at ``i``, and where what follows starts."""
        data = self.data
        for k in range(2, 6):
            if i + k >= len(data):
                raise _End(len(data))
            if chr(data[i + k]) not in "0123456789abcdefABCDEF":
                seq = data[i : i + 6].decode("utf-8", "replace")  # what there is of six
                raise _Bad(f"invalid escape sequence `{seq}` in string", i + len(seq))
        return int(data[i + 2 : i + 6], 16), i + 6


def _parse(data: bytes) -> tuple[Node | None, SyntaxError | None]:
    """The one JSON value ``data`` holds, or Go's syntax error."""
    p = _Parser(data)
    try:
        node = p.value()
        p.space()
        if p.i < len(data):
            raise p.bad("after top-level value")
        return node, None
    except _End as end:
        return None, SyntaxError("unexpected end of JSON input", end.offset)
    except _Bad as bad:
        return None, SyntaxError(bad.msg, bad.offset)


def valid(data: list[int]) -> bool:
    """``json.Valid(data)``."""
    return _parse(bytes(data))[1] is None


# --- decoding ------------------------------------------------------------------------

_KINDS = {"{": "object", "[": "array", '"': "string", "0": "number", "b": "bool"}


class _Decoder:
    """Decodes a parsed value into a Go value of a descriptor's type; keeps the first
    type error and goes on, as Go's does."""

    __slots__ = ("args", "data", "err", "path", "root", "unknown", "use_number")

    def __init__(self, data: bytes, root: str, unknown: bool, use_number: bool = False) -> None:
        self.err: Any = None
        self.path: list[str] = []
        self.data, self.root, self.unknown, self.use_number = data, root, unknown, use_number
        # the type arguments of the generic struct whose fields are being decoded, by
        # its parameters' names: a field's descriptor names its types by them
        self.args: dict[str, Any] = {}

    def zero_of(self, d: Desc) -> Any:
        """The zero value of ``d``'s type, a generic struct's by :meth:`new_struct`."""
        return self.new_struct(d) if d[0] == "struct" else _zero_of(d)

    def new_struct(self, d: Desc) -> Any:
        """A zero value of the struct ``d`` describes; of a generic one its field's
        descriptor spells in the enclosing struct's parameters (``[]*Node[T]``
        inside a ``Node[int]``), with the arguments they stand for."""
        params = getattr(d[2], "go_type_params", ())
        if len(d) > 4 or not params:
            return _new_struct(d)
        named = _type_args_of(d[3])
        if len(named) == len(params) and all(n in self.args for n in named):
            return d[2](**{p: self.args[n] for p, n in zip(params, named, strict=True)})
        return _new_struct(d)

    def fail(self, node: Node, value: str, d: Desc, err: Any = None) -> None:
        if self.err is None:
            field = ".".join(self.path)
            root = self.root if field else ""
            at = node[2] + 1 if node[0] in "{[" else node[3]  # past an opening, or the value
            self.err = UnmarshalTypeError(value, d[1], at, root, field, err)

    def decode(self, node: Node, d: Desc, cur: Any) -> Generator[Any, Any, Any]:
        """The value ``cur`` (of type ``d``) becomes: a struct is filled in place."""
        kind, what = d[0], node[0]
        if kind == "methods":
            if d[4] != "json":
                return (yield from self.decode(node, d[2], cur))
            ref = Ref(cur) if isinstance(cur, int | float | str | list | dict) else None
            # a value of a named number, string, slice or map type: its method is
            # called on a pointer to it, which the method sets
            unmarshal = cur.UnmarshalJSON if ref is None else BasicPointer(d[5], ref).UnmarshalJSON
            err = yield from _call(unmarshal, list(self.data[node[2] : node[3]]))
            if err is not None and self.err is None:
                self.err = err
            return cur if ref is None else ref.v
        if kind == "number" and what != "n":  # a json.Number: a number's text, quoted or not
            text = node[1] if what in ('"', "0") else ""
            inner, err = _parse(text.encode())
            if inner is None or err is not None or inner[0] != "0" or inner[3] != len(text):
                quoted = what == '"'  # a string's text: strconv's invalid syntax; else none
                value = "string " + quote(text) if quoted else _KINDS[what]
                cause = _INVALID_SYNTAX if quoted else None
                if self.err is None:  # Go 1.27 names no field here
                    self.err = UnmarshalTypeError(value, d[1], node[3], "", "", cause)
                return cur
            return Number(text)
        if kind == "raw":  # a json.RawMessage: the value's own bytes, null's too
            return list(self.data[node[2] : node[3]])
        if what == "n":
            if kind in ("ptr", "any", "iface"):
                return None
            if kind in ("slice", "bytes"):
                return NilSlice()
            if kind == "map":
                return NIL_MAP
            return cur
        if kind == "ptr":
            inner = d[2]
            if _base(inner)[0] == "struct":
                target = cur if cur is not None else self.new_struct(_base(inner))
                yield from self.decode(node, inner, target)
                return target
            if inner[0] == "time":  # a *time.Time is its Time, as the translation keeps it
                return (yield from self.decode(node, inner, ZERO_TIME if cur is None else cur))
            ref = cur if cur is not None else Ref(self.zero_of(inner))
            ref.v = yield from self.decode(node, inner, ref.v)
            return ref
        if kind in ("any", "iface") and cur is not None and not isinstance(cur, Ref):
            held = _held(cur, d) if getattr(type(cur), "go_json", None) is not None else d
            if held[0] == "ptr":  # an interface holding a *Node: Go decodes into the Node
                yield from self.decode(node, held[2], cur)
                return cur
        if kind == "any":
            return self.plain(node, d)
        if kind == "iface":
            self.fail(node, _KINDS[what], d)
            return cur
        if kind == "refused":
            raise SimlabError(d[2] + " is not modelled")
        if kind == "unsupported":
            self.fail(node, _KINDS[what], d)
            return cur
        if kind == "struct":
            return (yield from self.struct(node, d, cur))
        if kind == "empty":
            if what != "{":
                self.fail(node, _KINDS[what], d)
            return cur
        if kind == "time":
            if what != '"':
                self.fail(node, _KINDS[what], d)
                return cur
            t, err = time_parse(_RFC3339, node[1], _calling_runtime())
            if err is not None:
                if self.err is None:
                    self.err = err
                return cur
            return t
        if kind == "map":
            return (yield from self.map(node, d, cur))
        if kind in ("slice", "array"):
            if what != "[":
                self.fail(node, _KINDS[what], d)
                return cur
            return (yield from self.array(node, d, cur))
        if kind == "bytes":
            if what != '"':
                if what == "[":  # Go decodes an array of numbers into a []byte too
                    return (yield from self.array(node, ("slice", d[1], ("uint8", "uint8")), cur))
                self.fail(node, _KINDS[what], d)
                return cur
            data, err = StdEncoding.decode_string(node[1])  # newlines skipped, as Go's
            if err is None:
                return data
            self.fail(node, "string", d, sl.GoError("base64.CorruptInputError", err.Error()))
            return cur
        return self.scalar(node, d, cur)

    def scalar(self, node: Node, d: Desc, cur: Any) -> Any:
        value = self._scalar(node, d, cur)
        return d[2](value) if len(d) > 2 and value is not None else value

    def _scalar(self, node: Node, d: Desc, cur: Any) -> Any:
        kind, what, x = d[0], node[0], node[1]
        if kind == "bool":
            if what == "b":
                return x
        elif kind == "string":
            if what == '"':
                return x
        elif what == "0":
            if kind in ("float64", "float32"):
                f = float(x)
                # past float32's range: a value that rounds to infinity as a float32
                if math.isinf(f) or (
                    kind == "float32" and Decimal(x).copy_abs() >= _FLOAT32_OVERFLOW
                ):
                    self.fail(node, "number " + x, d)
                    return cur
                if kind == "float64":
                    return f
                # rounded once, from the decimal (a float64 first could land on a
                # halfway point between two float32s that the decimal is beside)
                return parse_float(x, 32)[0]
            low, high = INT_RANGES[kind]
            try:
                n = int(x)
            except ValueError:
                self.fail(node, "number " + x, d)
                return cur
            if not low <= n <= high:
                self.fail(node, "number " + x, d)
                return cur
            return n
        self.fail(node, _KINDS[what], d)
        return cur

    def quoted(self, node: Node, d: Desc, cur: Any) -> Generator[Any, Any, Any]:
        """A ``,string`` field: its value is a JSON string holding the JSON of one
        (of what a pointer field points to, or null)."""
        if not _quotable(d) or node[0] == "n":
            return (yield from self.decode(node, d, cur))
        if node[0] != '"':
            self.fail(node, _KINDS[node[0]], d)
            return cur
        inner, err = _parse(node[1].encode())
        kind = d[2][0] if d[0] == "ptr" else d[0]
        want = "b" if kind == "bool" else '"' if kind == "string" else "0"
        if err is not None or inner is None or inner[0] not in (want, "n"):
            if want == "0":  # Go names what the quotes hold as a number
                self.fail(node, "number " + node[1], d)
            elif want == "b":
                self.fail(node, "string " + quote(node[1]), d, _INVALID_SYNTAX)
            else:
                self.fail(node, "string", d)
            return cur
        return (yield from self.decode(inner, d, cur))

    def struct(self, node: Node, d: Desc, cur: Any) -> Generator[Any, Any, Any]:
        if node[0] != "{":
            self.fail(node, _KINDS[node[0]], d)
            return cur
        cls = d[2]
        enclosing = self.args
        if params := getattr(cls, "go_type_params", ()):
            self.args = {p: getattr(cur, p) for p in params}
        try:
            return (yield from self.fill(node, d, cur))
        finally:
            self.args = enclosing

    def fill(self, node: Node, d: Desc, cur: Any) -> Generator[Any, Any, Any]:
        """The struct ``cur``'s fields set from the object ``node``, each by its key."""
        fields = _fields(d[2], cur)
        exact = {f[1]: f for f in fields}
        folded: dict[str, Any] = {}
        for f in fields:
            folded.setdefault(f[1].casefold(), f)
        for key, value, _ in node[1]:
            f = exact.get(key) or folded.get(key.casefold())
            if f is None:
                if self.unknown and self.err is None:
                    text = f"json: unknown field {quote(key)}"
                    self.err = sl.GoError("*errors.errorString", text)
                continue
            path, _, _, _, quoted, fd = f
            owner = self.owner(cur, path)
            if owner is None:  # behind a nil pointer to a struct of an unexported type
                self.path.append(key)
                self.fail(value, _KINDS.get(value[0], "null"), d, _UNSETTABLE)
                self.path.pop()
                continue
            self.path.append(key)
            old = getattr(owner, path[-1])
            if quoted:
                new = yield from self.quoted(value, fd, old)
            else:
                new = yield from self.decode(value, fd, old)
            if new is not old or fd[0] != "struct":
                setattr(owner, path[-1], new)
            self.path.pop()
        return cur

    def owner(self, cur: Any, path: tuple[Any, ...]) -> Any:
        """The struct that holds the field at ``path`` of ``cur``: through embedded
        structs, making a nil embedded pointer's; None where Go cannot (a pointer
        to a struct of an unexported type)."""
        for step in path[:-1]:
            if isinstance(step, str):
                cur = getattr(cur, step)
                continue
            inner = getattr(cur, step[0])
            if inner is None and step[1] is None:
                return None
            if inner is None:
                inner = step[1]()
                setattr(cur, step[0], inner)
            cur = inner
        return cur

    def map(self, node: Node, d: Desc, cur: Any) -> Generator[Any, Any, Any]:
        if node[0] != "{":
            self.fail(node, _KINDS[node[0]], d)
            return cur
        out = {} if cur is None or cur is NIL_MAP else cur
        key_d: Desc = d[3]
        for key, value, _ in node[1]:
            k: Any = key
            self.path.append(key)
            if key_d[0] == "methods" and key_d[2][0] == "struct" and not key_d[4]:
                # a struct key written by its MarshalText, which nothing reads back
                self.fail(node, "string", key_d)
                self.path.pop()
                continue
            # a key of a type with MarshalText but no UnmarshalText is read by its kind
            kind = key_d[2][0] if key_d[0] == "methods" and not key_d[4] else key_d[0]
            if kind in INT_RANGES:
                low, high = INT_RANGES[kind]
                # strconv.ParseInt's syntax: a sign, then decimal digits, leading zeros too ("007")
                digits = key[1:] if key[:1] in "+-" else key
                ok = digits.isascii() and digits.isdigit() and low <= (k := int(key)) <= high
                if not ok:
                    self.fail(node, "number " + key, key_d)
                    self.path.pop()
                    continue
                if kind != key_d[0]:
                    k = key_d[5](k)  # type ID int: a value of its class
            if key_d[0] != "methods" and len(key_d) > 2:
                k = key_d[2](k)  # a named type with methods: a value of its class
            out[k] = yield from self.decode(value, d[2], self.zero_of(d[2]))
            self.path.pop()
        return out

    def array(self, node: Node, d: Desc, cur: Any) -> Generator[Any, Any, Any]:
        elems = node[1]
        elem_d: Desc = d[2]
        if d[0] == "array":
            n = d[3]
            out = list(cur)
            for i in range(n):
                self.path.append(str(i))
                if i < len(elems):
                    out[i] = yield from self.decode(elems[i], elem_d, out[i])
                else:
                    out[i] = self.zero_of(elem_d)
                self.path.pop()
            return out
        old = cur if cur is not None else []
        result = []
        for i, e in enumerate(elems):  # into the elements there are, as Go's
            self.path.append(str(i))
            x = yield from self.decode(e, elem_d, old[i] if i < len(old) else self.zero_of(elem_d))
            result.append(x)
            self.path.pop()
        return result

    def plain(self, node: Node, d: Desc) -> Any:
        """The value of an empty interface: map[string]any, []any, float64, string,
        bool, nil."""
        what, x = node[0], node[1]
        if what == "{":
            out = typed({}, "map[string]interface {}")  # which %T and a type switch see
            for key, value, _ in x:
                self.path.append(key)
                out[key] = self.plain(value, d)
                self.path.pop()
            return out
        if what == "[":
            items = []
            for i, e in enumerate(x):
                self.path.append(str(i))
                items.append(self.plain(e, d))
                self.path.pop()
            return typed(items, "[]interface {}")
        if what == "0":
            if self.use_number:
                return Number(x)
            f = float(x)
            if math.isinf(f):
                self.fail(node, "number " + x, ("float64", "float64"))
                return 0.0
            return f
        return x


def _zero_of(d: Desc) -> Any:
    kind = d[0]
    if kind in ("bool", "string", "float32", "float64", *INT_RANGES):
        zero = {"bool": False, "string": "", "float32": 0.0, "float64": 0.0}.get(kind, 0)
        return d[2](zero) if len(d) > 2 else zero  # a named type's: of its class
    if kind in ("slice", "bytes", "raw"):
        return NilSlice()
    if kind == "map":
        return NIL_MAP
    if kind == "array":
        return [_zero_of(d[2]) for _ in range(d[3])]
    if kind == "struct":
        return _new_struct(d)
    if kind == "time":
        return ZERO_TIME
    if kind == "empty":
        return EMPTY
    if kind == "methods":
        return _zero_of(d[2])
    return None


def _held(target: Any, d: Desc) -> Desc:
    """The descriptor of what an interface handed to Unmarshal or Decode holds (``d``
    says any): a pointer to a struct of the program, by its class's ``go_json``;
    nil and a struct value are Go's errors; a pointer to anything else is not
    modelled (a go.Ref does not keep its target's type)."""
    if d[0] not in ("any", "iface"):
        return d
    if target is None:
        return ("nil", "nil")
    cls = type(target)
    if isinstance(target, Held):
        return target.desc
    if isinstance(target, Ref):
        raise SimlabError(
            "json.Unmarshal into an interface holding a pointer to anything but a struct"
            " is not modelled: pass the pointer itself, json.Unmarshal(data, &v)"
        )
    name = type_name(target)
    if getattr(cls, "go_json", None) is not None and name.startswith("*"):
        # an anonymous struct's errors name no type: "Go struct field .A"
        short = "" if name.startswith("*struct {") else cls.__name__
        return ("ptr", name, ("struct", name[1:], cls, short))
    return ("value", name)  # non-pointer main.Config


class Held(TypedRef):
    """A pointer to something other than a struct handed, as an ``any``, to a
    function of the program that decodes JSON into it (``decode(raw, &names)``):
    the pointer, and the descriptor of its type, which the :class:`Ref` it wraps
    does not keep."""

    __slots__ = ("desc",)

    def __init__(self, ref: Ref, desc: Desc):
        super().__init__(ref, desc[1])
        self.desc = desc


held = Held  # &v going into the any a decoding function of the program takes


def type_param(T: Any) -> Desc:
    """The descriptor of a type parameter's type: its type argument's, which the
    translation gives a ``go.TypeArg`` (``json=``) in a program that decodes into a
    value of that type (``json.Unmarshal(body, &out)`` of an ``out T``)."""
    if T in _BASIC_ARGS:  # int, str, float, bool: Go's kind is its name
        return (_BASIC_ARGS[T], _BASIC_ARGS[T])
    desc: Desc | None = getattr(T, "json", None)
    if desc is None:
        raise SimlabError(f"encoding/json of the type argument {T!r} is not modelled")
    return desc


def unmarshal(data: list[int], target: Any, d: Desc) -> Any:
    """``json.Unmarshal(data, &v)``: see :func:`blocking_unmarshal`."""
    return _at_once(blocking_unmarshal(data, target, d), "json.Unmarshal")


def blocking_unmarshal(data: list[int], target: Any, d: Desc) -> Generator[Any, Any, Any]:
    """``json.Unmarshal(data, &v)``: the first error (a syntax error decodes nothing;
    a type error leaves that value as it was and decodes the rest)."""
    d = _held(target, d)
    if d[0] != "ptr":
        if d[0] == "nil":
            return InvalidUnmarshalError("json: Unmarshal(nil)")
        return InvalidUnmarshalError(f"json: Unmarshal(non-pointer {d[1]})")
    if target is None or getattr(type(target), "go_nil", False):
        return InvalidUnmarshalError(f"json: Unmarshal(nil {d[1]})")
    raw = bytes(data)
    node, err = _parse(raw)
    if err is not None or node is None:
        return err
    return (yield from _decode_into(node, target, d, False, raw))


def _json_float(x: float) -> str:
    """A float64 as encoding/json writes it: ``1e-7``, ``100000000000000000000``."""
    if math.isinf(x) or math.isnan(x):
        raise ValueError(f"json: unsupported value: {format_float(x, ord('g'), -1, 64)}")
    a = abs(x)
    if a != 0 and (a < 1e-6 or a >= 1e21):
        text = format_float(x, ord("e"), -1, 64)
        mantissa, exp = text.split("e")
        return f"{mantissa}e{exp[0]}{exp[1:].lstrip('0') or '0'}"
    return format_float(x, ord("f"), -1, 64)


def _name(go_type: str) -> str:
    """What reflect's ``Name`` gives of a type: a named type's name without its
    package (``IntKeyed`` of ``main.IntKeyed``), or "" for an unnamed one."""
    if go_type.startswith(("[", "map[", "*", "chan ", "func(", "struct {")) or "." not in go_type:
        return ""
    return go_type.split(".", 1)[1]


def _type_args_of(name: str) -> list[str]:
    """The type arguments ``Node[K, V]`` is written with, ``["K", "V"]``."""
    if not name.endswith("]") or "[" not in name:
        return []
    inner, depth, start, out = name[name.index("[") + 1 : -1], 0, 0, []
    for i, c in enumerate(inner):
        depth += {"[": 1, "]": -1}.get(c, 0)
        if c == "," and depth == 0:
            out.append(inner[start:i].strip())
            start = i + 1
    return [*out, inner[start:].strip()]


def _new_struct(d: Desc) -> Any:
    """A zero value of the struct ``d`` describes, with its type arguments."""
    return d[2](**d[4]) if len(d) > 4 else d[2]()


def _base(d: Desc) -> Desc:
    """The descriptor of the type under its MarshalJSON and UnmarshalJSON methods."""
    return d[2] if d[0] == "methods" else d


def _decode_into(
    node: Node, target: Any, d: Desc, unknown: bool, data: bytes, use_number: bool = False
) -> Generator[Any, Any, Any]:
    inner = d[2]
    struct = _base(inner)[0] == "struct"
    root = _base(inner)[3] if struct else _name(inner[1])
    if struct and (params := getattr(type(target), "go_type_params", ())):
        # Envelope[int], decoded in a generic whose static type says Envelope[T]
        args = ",".join(type_arg_name(getattr(target, p)) for p in params)
        root = root.split("[", 1)[0] + "[" + args + "]"
    dec = _Decoder(data, root, unknown, use_number)
    if struct:
        yield from dec.decode(node, inner, target)
    else:
        target.v = yield from dec.decode(node, inner, target.v)
    return dec.err


# --- streams -------------------------------------------------------------------------


class Encoder:
    """``json.NewEncoder(w)``: ``Encode(v)`` writes the JSON of ``v`` and a newline
    in one write."""

    __slots__ = ("_html", "_indent", "_prefix", "_w")
    go_name = "*json.Encoder"

    def __init__(self, w: Any) -> None:
        self._w, self._html, self._prefix, self._indent = w, True, "", ""

    def SetEscapeHTML(self, on: bool) -> None:
        self._html = on

    def SetIndent(self, prefix: str, indent: str) -> None:
        self._prefix, self._indent = prefix, indent

    def blocking_encode(self, v: Any, d: Desc) -> Generator[Any, Any, Any]:
        """``enc.Encode(v)`` where the writer may block (a pipe's)."""
        text, err = yield from _marshal(v, d, self._html)
        if text is None:
            return err
        if self._prefix or self._indent:
            text = _indent(text, self._prefix, self._indent)
        _, err = yield from blocking_write(self._w, list((text + "\n").encode()))
        return err

    def encode(self, v: Any, d: Desc) -> Any:
        return _at_once(self.blocking_encode(v, d), "json.Encoder.Encode")


class Decoder:
    """``json.NewDecoder(r)``: ``Decode(&v)`` reads from ``r`` until it holds one
    whole JSON value (values follow one another, spaces between), keeping what it
    read past it for the next; ``io.EOF`` where nothing but spaces was left."""

    __slots__ = ("_buf", "_end", "_err", "_numbers", "_offset", "_open", "_r", "_unknown")
    go_name = "*json.Decoder"

    def __init__(self, r: Any) -> None:
        self._r, self._buf, self._unknown, self._numbers = r, b"", False, False
        self._offset = 0  # the bytes of the stream before the buffer's
        self._end = 0  # where the last value read ended
        self._err: Any = None  # the reader's error, or the stream's syntax error
        # the arrays and objects Token has opened and not closed, innermost last:
        # "[" or "{", and "," once a value in it is read, ":" after an object's key
        self._open: list[list[str]] = []

    def DisallowUnknownFields(self) -> None:
        self._unknown = True

    def UseNumber(self) -> None:
        """``dec.UseNumber()``: a number in an interface is a json.Number."""
        self._numbers = True

    def InputOffset(self) -> int:
        """``dec.InputOffset()``: where in the stream the last value read ended."""
        return self._end

    def _space(self) -> bytes:
        """The buffer, the spaces at its front dropped (and counted)."""
        rest = self._buf.lstrip(_WS)
        self._offset += len(self._buf) - len(rest)
        self._buf = rest
        return rest

    def _value(self, end_of_stream: bool) -> tuple[Node | None, bytes, Any]:
        """The value at the front of the buffer, taken off it, and the bytes it was
        read from; or None (more is needed), or the syntax error."""
        p = _Parser(self._buf)
        try:
            node = p.value()
        except _End:
            return None, b"", ErrUnexpectedEOF if end_of_stream else None
        except _Bad as bad:
            return None, b"", SyntaxError(bad.msg, self._offset + bad.offset)
        if node[0] == "0" and p.i == len(self._buf) and not end_of_stream:
            return None, b"", None  # a number may go on in the next read
        raw, self._buf = self._buf, self._buf[p.i :]
        self._offset += p.i
        self._end = self._offset
        return node, raw, None

    def _fill(self) -> Generator[Any, Any, bool]:
        """One read from ``r`` into the buffer; False once ``r`` has ended."""
        if self._err is not None:
            return False
        chunk = [0] * 512
        n, err = yield from _one_read(self._r, chunk)
        self._buf += bytes(chunk[:n])
        if err is not None:
            self._err = err
        return n > 0 or err is None

    def _separator(self) -> Generator[Any, Any, None]:
        """The ``,`` or ``:`` before the next value in what Token has opened, read
        (jsontext reads them between tokens without giving them)."""
        if not self._open:
            return
        state = self._open[-1]
        while not self._space():
            if not (yield from self._fill()):
                return
        if len(state) > 1 and self._buf[:1].decode() == state[1]:
            self._buf = self._buf[1:]
            self._offset += 1
            state[1] = "" if state[1] == "," else ":read"

    def _after_value(self) -> None:
        """A value (or a key) in what Token has opened has been read."""
        if self._open:
            state = self._open[-1]
            key = state[0] == "{" and state[1:] in ([], [""])
            state[1:] = [":"] if key else [","]

    def blocking_token(self) -> Generator[Any, Any, Any]:
        """``dec.Token()``: the next token of the stream (a ``json.Delim`` for a
        bracket or a brace, a string, a float64 or ``json.Number``, a bool, nil),
        the commas and colons between them read and checked, as Go 1.27's
        (jsontext's) Token reads them; ``io.EOF`` at the end of the stream."""
        if self._err is not None and self._err is not EOF:
            return None, self._err
        yield from self._separator()
        while not self._space():
            if not (yield from self._fill()):
                if self._err is not EOF:
                    return None, self._err
                return None, EOF  # the stream ended between tokens
        c = self._buf[:1].decode()
        state = self._open[-1] if self._open else None
        if c in "]}":
            if state is None or state[0] != {"]": "[", "}": "{"}[c] or state[1:] not in ([], [","]):
                return self._malformed()
            self._open.pop()
            self._buf, self._offset = self._buf[1:], self._offset + 1
            self._end = self._offset
            self._after_value()
            return Delim(ord(c)), None
        if state is not None and (state[1:] == [","] or state[1:] == [":"]):
            return self._malformed()  # a value where a comma or a colon belongs
        if state is not None and state[0] == "{" and state[1:] in ([], [""]) and c != '"':
            return self._malformed()  # an object's key must be a string
        if c in "[{":
            self._buf, self._offset = self._buf[1:], self._offset + 1
            self._end = self._offset
            self._open.append([c])
            return Delim(ord(c)), None
        ended = False
        while True:
            node, _, err = self._value(ended)
            if err is not None:
                return (None, err) if err is ErrUnexpectedEOF else self._malformed()
            if node is not None:
                break
            if ended:
                return None, ErrUnexpectedEOF
            if not (yield from self._fill()):
                ended = True
        self._after_value()
        kind, value = node[0], node[1]
        if kind == "0":
            return (Number(value), None) if self._numbers else (float(value), None)
        return value, None

    def _malformed(self) -> Any:
        raise SimlabError(
            "json.Decoder.Token of a stream that is not valid JSON: simlab models Token's"
            " tokens, not Go's syntax errors for it (read such a stream with Decode)"
        )

    def token(self) -> Any:
        return _at_once(self.blocking_token(), "json.Decoder.Token")

    def blocking_decode(self, target: Any, d: Desc) -> Generator[Any, Any, Any]:
        """``dec.Decode(&v)`` where the reader may block (a pipe's)."""
        d = _held(target, d)
        if d[0] != "ptr" or target is None or getattr(type(target), "go_nil", False):
            return (yield from blocking_unmarshal([], target, d))
        yield from self._separator()
        if self._open and self._open[-1][1:] in ([","], [":"]):
            return self._malformed()
        before = self._end
        err = yield from self._decode_value(target, d)
        if err is None or self._end != before:
            self._after_value()  # read, if not into the target (a type error): Go goes on past it
        return err

    def _decode_value(self, target: Any, d: Desc) -> Generator[Any, Any, Any]:
        ended = False
        while True:
            if self._space():
                node, raw, err = self._value(ended)
                if err is not None:
                    if isinstance(err, SyntaxError):
                        self._err = err
                    return err
                if node is not None:
                    return (
                        yield from _decode_into(node, target, d, self._unknown, raw, self._numbers)
                    )
            if ended:
                return self._err
            if not (yield from self._fill()):
                if self._err is not EOF:
                    return self._err
                ended = True

    def decode(self, target: Any, d: Desc) -> Any:
        return _at_once(self.blocking_decode(target, d), "json.Decoder.Decode")

    def blocking_more(self) -> Generator[Any, Any, bool]:
        """``dec.More()``: whether another value follows (reading to see), past the
        comma after the last one Token or Decode read."""
        while True:
            if rest := self._space():
                if self._open and self._open[-1][1:] == [","] and rest[:1] == b",":
                    rest = rest[1:].lstrip(_WS)
                    if not rest:
                        if not (yield from self._fill()):
                            return False
                        continue
                return rest[0] not in b"]}"
            if not (yield from self._fill()):
                return False

    def more(self) -> bool:
        result: bool = _at_once(self.blocking_more(), "json.Decoder.More")
        return result


__all__ = [
    "Decoder",
    "Delim",
    "Encoder",
    "InvalidUnmarshalError",
    "MarshalerError",
    "Number",
    "RawField",
    "SyntaxError",
    "UnmarshalTypeError",
    "UnsupportedTypeError",
    "UnsupportedValueError",
    "blocking_marshal",
    "blocking_marshal_indent",
    "blocking_unmarshal",
    "compact",
    "held",
    "html_escape",
    "indent",
    "marshal",
    "marshal_indent",
    "raw_text",
    "type_param",
    "unmarshal",
    "valid",
]
