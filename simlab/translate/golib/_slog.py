"""``log/slog`` for a translated program: loggers, the text and JSON handlers, and
the default logger, which writes through ``log``'s standard logger.

golib's facade re-exports this module as ``go.slog``; it uses golib's printing
(``_fmt``), its clock (``_time``) and its standard logger (``_log``), importing
those modules, never the facade. A record's time is the run's clock,
which starts at 2000-01-01 00:00:00 UTC: ``time=2000-01-01T00:00:00.000Z``, where
Go prints the wall clock's. The default logger's line is ``log``'s, which carries
no date and time until ``log.SetFlags`` (golib's :class:`~golib.Logger` says why).
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable, Generator, Iterable
from inspect import isgenerator
from typing import Any

import simlab as sl
from simlab.errors import SimlabError

from . import _fmt
from ._errors import error_text, new_error
from ._fmt import errorf
from ._io import _write, blocking_write
from ._json import _json_float
from ._json import marshal as json_marshal
from ._log import std_logger
from ._numbers import Duration, Float32, Sized, Uint, Uint64, Uintptr
from ._panics import panic
from ._runstate import _state
from ._strconv import atoi, format_float, quote, unquote
from ._strings import string_of, unicode_is_space
from ._time import ZERO_TIME, Time, time_format
from ._types import TypedList
from ._values import NilMap, NilSlice, Ref, call, has_method, method

__all__ = [
    "Attr",
    "DefaultHandler",
    "Handler",
    "HandlerOptions",
    "Kind",
    "Level",
    "LevelVar",
    "Logger",
    "Record",
    "Value",
    "any_value",
    "attr",
    "default",
    "discard_handler",
    "group",
    "group_value",
    "handle",
    "leveler_level",
    "new_record",
    "set_default",
]

# Go's Kind constants, in the order of their declaration (a program compares them)
ANY, BOOL, DURATION, FLOAT64, INT64, STRING, TIME, UINT64, GROUP, LOGVALUER = range(10)
DEBUG, INFO, WARN, ERROR = -4, 0, 4, 8


def _unmarshal_level(ref: Ref, data: list[int], quoted: bool) -> Any:
    """``(*Level).UnmarshalJSON`` and ``UnmarshalText``: a name, any case, with an
    offset, ``warn+1``, as ``String`` writes it; Go's errors, quoting the text."""
    text = string_of(data)
    if quoted:
        text, err = unquote(text)
        if err is not None:
            return err
    name, offset = text, 0
    at = next((i for i, c in enumerate(text) if c in "+-"), -1)
    if at >= 0:
        name = text[:at]
        offset, err = atoi(text[at:])
        if err is not None:
            return errorf("slog: level string %q: %w", text, err)
    base = {"DEBUG": DEBUG, "INFO": INFO, "WARN": WARN, "ERROR": ERROR}.get(name.upper())
    if base is None:
        return errorf("slog: level string %q: %w", text, new_error("unknown name"))
    ref.v = Level(base + offset)
    return None


class Level(int):
    """A ``slog.Level``: ``INFO``, ``WARN+1``, ``DEBUG-2``."""

    __slots__ = ()
    go_name = "slog.Level"

    def String(self) -> str:
        name, base = "ERROR", ERROR
        for below, at in (("DEBUG", DEBUG), ("INFO", INFO), ("WARN", WARN)):
            if self < at + 4:
                name, base = below, at
                break
        delta = int(self) - base
        return name if delta == 0 else f"{name}{delta:+d}"

    def Level(self) -> int:
        return int(self)

    # value methods go.json calls on the class, with the field's plain int too
    def MarshalJSON(self) -> tuple[list[int], Any]:
        return list(quote(Level(self).String()).encode()), None

    def MarshalText(self) -> tuple[list[int], Any]:
        return list(Level(self).String().encode()), None

    # pointer methods: given the go.Ref of the variable they set (see BasicPointer)
    UnmarshalJSON = method(functools.partial(_unmarshal_level, quoted=True), pointer=True)
    UnmarshalText = method(functools.partial(_unmarshal_level, quoted=False), pointer=True)


def leveler_level(x: Any) -> Level:
    """``l.Level()`` of a ``slog.Leveler``: a ``*LevelVar``'s level now, what a
    Level method of the program's type returns, or the ``Level`` itself."""
    if x is None:  # Level() of a nil Leveler fails, as Go's nil dereference does
        raise TypeError("'NoneType' object has no attribute 'Level'")
    return Level(_level_of(x))


class LevelVar:
    """A ``slog.LevelVar``: a level a program may change while handlers use it."""

    __slots__ = ("_level",)
    go_name = "slog.LevelVar"

    def __init__(self) -> None:
        self._level = INFO

    def Level(self) -> Level:
        return Level(self._level)

    def Set(self, level: int) -> None:
        self._level = int(level)

    def String(self) -> str:
        return f"LevelVar({Level(self._level).String()})"


def _level_of(leveler: Any) -> int:
    """The level a ``Leveler`` stands for: a Level, a LevelVar, a value of the
    program's type with a Level method; INFO for nil."""
    if leveler is None:
        return INFO
    method = getattr(leveler, "Level", None)
    if type(leveler) is int or isinstance(leveler, Level) or not callable(method):
        return int(leveler)
    level = method()  # a LevelVar's, or a Level method of the program's type's
    if isinstance(level, int):
        return int(level)
    raise SimlabError("a slog.Leveler whose Level method blocks is not modelled")


class Value:
    """A ``slog.Value``: its Kind and what it holds."""

    __slots__ = ("kind", "v")
    go_name = "slog.Value"

    def __init__(self, kind: int = ANY, v: Any = None) -> None:
        self.kind, self.v = kind, v

    def Kind(self) -> Kind:
        return Kind(self.kind)

    def Any(self) -> Any:
        if self.kind == DURATION:
            return Duration(self.v)  # a time.Duration to a type switch, as Go's
        if self.kind == TIME:
            return Time(self.v)
        return self.v

    def String(self) -> str:
        if self.kind == STRING:
            return str(self.v)
        if self.kind == GROUP:
            return "[" + " ".join(a.String() for a in self.v) + "]"
        if self.kind == ANY:
            if isinstance(self.v, Kind):
                return str(int(self.v))  # Go keeps it as a type without a String method
            return _fmt.sprint(self.v)
        if self.kind == TIME:
            return str(Time(self.v).String())  # time.Time's String, not the handlers' RFC 3339
        return _text_value(self)

    def Int64(self) -> int:
        return int(_value_as(self, INT64, "Int64"))

    def Uint64(self) -> int:
        return int(_value_as(self, UINT64, "Uint64"))

    def Float64(self) -> float:
        return float(_value_as(self, FLOAT64, "Float64"))

    def Bool(self) -> bool:
        return bool(_value_as(self, BOOL, "Bool"))

    def Duration(self) -> int:
        return int(_value_as(self, DURATION, "Duration"))

    def Time(self) -> int:
        return int(_value_as(self, TIME, "Time"))

    def Group(self) -> list[Attr]:
        if self.kind != GROUP:
            panic("Group: bad kind")
        return list(self.v) if self.v else NilSlice()  # an empty group's: nil, as Go's

    def Resolve(self) -> Value:
        return _resolve(self)

    def Equal(self, other: Value) -> bool:
        return self.kind == other.kind and self.v == other.v

    def is_empty(self) -> bool:
        return self.kind == ANY and self.v is None


def _value_as(v: Value, kind: int, name: str) -> Any:
    """What ``v`` holds, for ``v.Int64()`` and its kin: Go panics for another kind."""
    if v.kind != kind:
        panic(f"Value kind is {Kind(v.kind).String()}, not {name}")
    return v.v


class Kind(int):
    """A ``slog.Kind``, printed by its String method: ``String``, ``Group``."""

    __slots__ = ()
    go_name = "slog.Kind"

    def String(self) -> str:
        return _KIND_NAMES[self] if 0 <= self < len(_KIND_NAMES) else "<unknown slog.Kind>"


_KIND_NAMES = (
    "Any",
    "Bool",
    "Duration",
    "Float64",
    "Int64",
    "String",
    "Time",
    "Uint64",
    "Group",
    "LogValuer",
)


def _nil_value() -> Value:
    return Value()


def any_value(x: Any) -> Value:
    """``slog.AnyValue(x)``: the kind of ``x``, as the translation hands it (a
    ``go.Duration``, a ``go.Time``, a value of the program's own type, ...)."""
    if isinstance(x, Value):
        return x
    if isinstance(x, bool):
        return Value(BOOL, x)
    if isinstance(x, Duration):
        return Value(DURATION, int(x))
    if type(x) is int or (isinstance(x, Sized) and not isinstance(x, Level)):
        return Value(UINT64 if isinstance(x, Uint64 | Uint | Uintptr) else INT64, int(x))
    if type(x) is float or isinstance(x, Float32):
        return Value(FLOAT64, float(x))
    if type(x) is str:
        return Value(STRING, x)
    if isinstance(x, Time):
        return Value(TIME, x.t)
    if has_method(x, "LogValue"):
        return Value(LOGVALUER, x)
    if isinstance(x, _fmt.StructValue) and has_method(x.x, "LogValue", value=True):
        return Value(LOGVALUER, x.x)  # a struct value: its value methods
    return Value(ANY, x)


class Attr:
    """A ``slog.Attr``: a key and a value."""

    __slots__ = ("Key", "Value")
    go_name = "slog.Attr"

    def __init__(self, Key: str = "", Value: Value | None = None) -> None:
        self.Key = Key
        self.Value = Value if Value is not None else _nil_value()

    def String(self) -> str:
        return f"{self.Key}={self.Value.String()}"

    def Equal(self, other: Attr) -> bool:
        return (
            self.Key == other.Key
            and self.Value.kind == other.Value.kind
            and (self.Value.v == other.Value.v)
        )

    def is_empty(self) -> bool:
        return self.Key == "" and self.Value.is_empty()


def attr(key: str, x: Any) -> Attr:
    """``slog.String(key, v)``, ``Int``, ``Bool``, ``Duration``, ``Time``, ``Any``..."""
    return Attr(key, any_value(x))


def group(key: str, *args: Any) -> Attr:
    """``slog.Group(key, args...)``: a group of the attributes the arguments make."""
    return Attr(key, group_value(*_attrs(args)))


def group_value(*attrs: Attr) -> Value:
    """``slog.GroupValue(as...)``: a group of the attributes, without those that are
    empty groups, as Go's."""
    return Value(GROUP, [a for a in attrs if not (a.Value.kind == GROUP and not a.Value.v)])


def _attrs(args: tuple[Any, ...] | list[Any]) -> list[Attr]:
    """The attributes of a call's arguments: an Attr, or a key (a string) and the
    value after it; anything else, or a key with no value, is a ``!BADKEY``."""
    out, i = [], 0
    while i < len(args):
        a = args[i]
        if isinstance(a, Attr):
            out.append(a)
            i += 1
        elif type(a) is str and i + 1 < len(args):
            out.append(attr(a, args[i + 1]))
            i += 2
        else:
            out.append(attr("!BADKEY", a))
            i += 1
    return out


def _resolve(v: Value) -> Value:
    """A LogValuer's value, followed (as Go, at most 100 times)."""
    for _ in range(100):
        if v.kind != LOGVALUER:
            return v
        got = v.v.LogValue()
        if isgenerator(got):
            raise SimlabError("a LogValue method that blocks is not modelled")
        v = any_value(got)
    return v


class HandlerOptions:
    """A ``slog.HandlerOptions``: the least level, and ReplaceAttr."""

    __slots__ = ("AddSource", "Level", "ReplaceAttr")
    go_name = "slog.HandlerOptions"

    def __init__(
        self,
        AddSource: bool = False,
        Level: Any = None,
        ReplaceAttr: Callable[[list[str], Attr], Attr] | None = None,
    ) -> None:
        self.AddSource, self.Level, self.ReplaceAttr = AddSource, Level, ReplaceAttr


class Record:
    """A ``slog.Record``: the time, level and message of one logging call and its
    attributes, as a logger hands it to its handler's ``Handle``.

    Go passes a Record by value, and the translation copies it (``go.copy``) as a
    struct of the program's: a handler that adds attributes to its copy before
    passing it on does not change what its caller's other handlers see."""

    __slots__ = ("Level", "Message", "PC", "Time", "_attrs")
    go_name = "slog.Record"

    def __init__(
        self,
        Time: int = ZERO_TIME,
        Message: str = "",
        Level: int = INFO,
        PC: int = 0,
        attrs: list[Attr] | None = None,
    ) -> None:
        self.Time, self.Message, self.Level, self.PC = Time, Message, Level, PC
        self._attrs = list(attrs) if attrs is not None else []

    def NumAttrs(self) -> int:
        return len(self._attrs)

    def Attrs(self, f: Callable[[Attr], bool]) -> None:
        for a in list(self._attrs):
            if not f(a):
                return

    def AddAttrs(self, *attrs: Attr) -> None:
        self._attrs = self._attrs + [a for a in attrs if not _empty_group(a)]

    def Add(self, *args: Any) -> None:
        self._attrs = self._attrs + [a for a in _attrs(args) if not _empty_group(a)]

    def Clone(self) -> Record:
        return Record(self.Time, self.Message, self.Level, self.PC, self._attrs)


def _empty_group(a: Attr) -> bool:
    return a.Value.kind == GROUP and not a.Value.v


def new_record(t: int, level: int, msg: str, pc: int) -> Record:
    """``slog.NewRecord(t, level, msg, pc)``: a record with no attributes."""
    return Record(t, msg, Level(level), pc)


# --- writing -----------------------------------------------------------------------


def _text_string(s: str) -> str:
    """A key or a string value as the text handler writes it: quoted (strconv.Quote)
    if empty, or holding a space, ``=``, ``"``, a control character below space, or a
    non-printing one past ASCII."""
    if s == "":
        return '""'
    for ch in s:
        o = ord(ch)
        if o < 0x80:
            if ch != "\\" and (ch in ' ="' or o < 0x20):  # DEL is safe, as Go's safeSet says
                return quote(s)
        elif ch == "\ufffd" or unicode_is_space(o) or not ch.isprintable():
            return quote(s)
    return s


def _time(t: int, layout: str) -> str:
    return time_format(t, layout)


_TEXT_TIME = "2006-01-02T15:04:05.000Z07:00"  # RFC 3339 to the millisecond
_JSON_TIME = "2006-01-02T15:04:05.999999999Z07:00"  # time.RFC3339Nano


def _text_value(v: Value) -> str:
    kind, x = v.kind, v.v
    if kind == STRING:
        return _text_string(x)
    if kind == TIME:
        return _time(x, _TEXT_TIME)
    if kind == BOOL:
        return "true" if x else "false"
    if kind in (INT64, UINT64):
        return str(x)
    if kind == FLOAT64:
        return format_float(x, ord("g"), -1, 64)
    if kind == DURATION:
        return sl.format_duration(x)
    if kind == GROUP:
        return _text_string(v.String())
    if isinstance(x, Level):
        return x.String()  # its MarshalText
    if isinstance(x, _fmt.Bytes):
        return quote(x.data.decode(errors="replace"))  # a []byte: its text, quoted
    if type(x) is TypedList and x.go_type == "[]uint8":
        return quote(bytes(x).decode(errors="replace"))  # one held in an interface too
    return _text_string(_fmt.v(x, plus=True))


_JSON_SHORT = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _json_string(s: str, marshal: bool = False) -> str:
    """``s`` quoted for JSON as slog writes it (``marshal``: as encoding/json does,
    without HTML escapes, which also spells backspace and form feed short)."""
    out = []
    for ch in s:
        if ch in _JSON_SHORT:
            out.append(_JSON_SHORT[ch])
        elif marshal and ch in "\b\f":
            out.append("\\b" if ch == "\b" else "\\f")
        elif ord(ch) < 0x20 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _json_object(pairs: Iterable[tuple[str, str]]) -> str:
    return "{" + ",".join(k + ":" + e for k, e in pairs) + "}"


def _program_struct(x: Any) -> bool:
    """``x`` is a struct of the program (a value, or a pointer: one object here)."""
    cls = type(x)
    return hasattr(cls, "__slots__") and cls.__module__.startswith("simlab.translated.")


def _json_marshal(x: Any) -> str:
    """``json.Marshal(x)`` of a value of the program: numbers, strings, bools, nil,
    slices, maps and the exported fields of structs."""
    if isinstance(x, _fmt.StructValue):
        x = x.x
    if x is None or isinstance(x, NilSlice | NilMap):
        return "null"
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, Level):
        return _json_string(x.String())  # its MarshalJSON
    if isinstance(x, _fmt.Bytes):
        return '"' + base64.b64encode(x.data).decode() + '"'  # a []byte
    if isinstance(x, int):
        return str(int(x))
    if isinstance(x, float):
        return _json_float(x)
    if isinstance(x, str):
        return _json_string(x, marshal=True)
    if isinstance(x, list):
        return "[" + ",".join(_json_marshal(e) for e in x) + "]"
    if isinstance(x, dict):
        items = sorted((_fmt.v(k), e) for k, e in x.items())
        return (
            "{" + ",".join(_json_string(k, True) + ":" + _json_marshal(e) for k, e in items) + "}"
        )
    if getattr(type(x), "go_json", None) is not None:  # a struct with field tags
        text, err = json_marshal(x, ("any", ""))
        if err is not None:
            raise ValueError(error_text(err))
        return bytes(text).decode()
    if _program_struct(x):
        fields = [(n, e) for n, e, _ in _fmt._struct_fields(x) if n[:1].isupper()]
        return (
            "{" + ",".join(_json_string(n, True) + ":" + _json_marshal(e) for n, e in fields) + "}"
        )
    raise SimlabError(f"the JSON of a {type(x).__name__} in a slog record is not modelled")


def _json_value(v: Value) -> str:
    kind, x = v.kind, v.v
    try:
        if kind == STRING:
            return _json_string(x)
        if kind == TIME:
            return _json_string(_time(x, _JSON_TIME))
        if kind == BOOL:
            return "true" if x else "false"
        if kind in (INT64, UINT64, DURATION):
            return str(x)  # a Duration in nanoseconds
        if kind == FLOAT64:
            return _json_float(x)
        if callable(getattr(type(x), "Error", None)):
            return _json_string(error_text(x))
        return _json_marshal(x)
    except ValueError as err:
        return _json_string(f"!ERROR:{err}")


# --- handlers ------------------------------------------------------------------------


Node = list[tuple[str, Any]]  # a record's attributes: a key and a Value or a Node


class Handler:
    """``slog.NewTextHandler(w, opts)``, ``slog.NewJSONHandler(w, opts)``: a line of
    ``key=value`` pairs, or a JSON object, for each record at or above the level."""

    __slots__ = ("_chain", "_mu", "json", "opts", "out")
    go_name = "*slog.TextHandler"

    def __init__(self, out: Any, opts: HandlerOptions | None, json: bool = False) -> None:
        self.out, self.json = out, json
        self.opts = opts if opts is not None else HandlerOptions()
        if self.opts.AddSource:
            raise SimlabError("slog's AddSource is not modelled")
        self._chain: list[tuple[str, Any]] = []  # ("group", name) or ("attrs", Node)
        self._mu: list[Any] = [None]  # the lock its copies share, made by a blocking write

    def Enabled(self, ctx: Any, level: int) -> bool:
        return level >= _level_of(self.opts.Level)

    def Handle(self, ctx: Any, r: Record) -> None:
        """``h.Handle(ctx, r)``, called by a handler of the program that wraps this
        one; its error is always nil."""
        self.handle(r.Time, r.Level, r.Message, r._attrs)

    # a handler's own (a program's handler wrapping this one calls them): a new
    # handler each time, as Go's, and a group of an empty name too (Logger.WithGroup
    # skips that one, the handler does not)
    def WithAttrs(self, attrs: list[Attr]) -> Handler:
        return self.with_attrs(list(attrs)) if attrs else self._copy()

    def WithGroup(self, name: str) -> Handler:
        return self.with_group(name)

    def with_attrs(self, attrs: list[Attr]) -> Handler:
        """A copy that writes ``attrs`` in every record, resolved and passed through
        ReplaceAttr now, once, as Go's handler formats them in ``With``."""
        h = self._copy()
        groups = [x for kind, x in self._chain if kind == "group"]
        node: Node = []
        for a in attrs:
            h._add(node, a, groups)
        h._chain.append(("attrs", node))
        return h

    def with_group(self, name: str) -> Handler:
        h = self._copy()
        h._chain.append(("group", name))
        return h

    def _copy(self) -> Any:
        h = object.__new__(type(self))
        for s in ("_chain", "_mu", "json", "opts", "out"):
            setattr(h, s, getattr(self, s))
        h._chain = list(self._chain)
        return h

    def _add(self, node: Node, a: Attr, groups: list[str]) -> None:
        v = _resolve(a.Value)
        replace = self.opts.ReplaceAttr
        if v.kind != GROUP and replace is not None:
            a = replace(list(groups), Attr(a.Key, v))
            if isgenerator(a):
                raise SimlabError("a ReplaceAttr that blocks is not modelled")
            v = _resolve(a.Value)
        if v.kind == GROUP:
            if a.Key == "":
                for m in v.v:
                    self._add(node, m, groups)
                return
            inner: Node = []
            for m in v.v:
                self._add(inner, m, [*groups, a.Key])
            if inner:
                node.append((a.Key, inner))
        elif not (a.Key == "" and v.is_empty()):
            node.append((a.Key, v))

    def attrs_of(self, attrs: list[Attr], builtin: list[Attr]) -> Node:
        """What a record writes: the built-in attributes, then the handler's and the
        record's, in their groups (a group with nothing in it is left out)."""
        root: Node = []
        for a in builtin:
            self._add(root, a, [])
        node, groups = root, list[str]()
        for kind, x in self._chain:
            if kind == "group":
                inner: Node = []
                node.append((x, inner))
                node, groups = inner, [*groups, x]
            else:
                node.extend(x)  # With's, written already
        for a in attrs:
            self._add(node, a, groups)
        return _pruned(root)

    def handle(self, t: int, level: int, msg: str, attrs: list[Attr]) -> None:
        _write(self.out, self._line(t, level, msg, attrs))

    def blocking_handle(
        self, rt: Any, t: int, level: int, msg: str, attrs: list[Attr]
    ) -> Generator[Any, Any, None]:
        """:meth:`handle` where the output may be a pipe's: the record's line is
        written holding the lock this handler shares with its ``With`` and
        ``WithGroup`` copies, so a second record waits for it (``sync.Mutex.Lock``),
        as Go's."""
        line = self._line(t, level, msg, attrs)
        if self._mu[0] is None:
            self._mu[0] = rt.mutex()
        yield self._mu[0].lock()
        yield from blocking_write(self.out, line)
        self._mu[0].unlock()

    def _line(self, t: int, level: int, msg: str, attrs: list[Attr]) -> str:
        builtin = [
            Attr("level", Value(ANY, Level(level))),
            Attr("msg", Value(STRING, msg)),
        ]
        if t != ZERO_TIME:  # a record of the zero time is written without one
            builtin.insert(0, Attr("time", Value(TIME, t)))
        node = self.attrs_of(attrs, builtin)
        return (_json_node(node) if self.json else " ".join(_text_node(node, ""))) + "\n"


def _pruned(node: Node) -> Node:
    out: Node = []
    for key, x in node:
        if isinstance(x, list):
            x = _pruned(x)
            if not x:
                continue
        out.append((key, x))
    return out


def _text_node(node: Node, prefix: str) -> list[str]:
    out = []
    for key, x in node:
        if isinstance(x, list):
            out += _text_node(x, prefix + key + ".")
        else:
            out.append(_text_string(prefix + key) + "=" + _text_value(x))
    return out


def _json_node(node: Node) -> str:
    parts = []
    for key, x in node:
        text = _json_node(x) if isinstance(x, list) else _json_value(x)
        parts.append(_json_string(key) + ":" + text)
    return "{" + ",".join(parts) + "}"


class DefaultHandler(Handler):
    """The default logger's handler: ``INFO msg k=v``, written by ``log``'s standard
    logger (with its prefix and flags), for records at INFO and above."""

    __slots__ = ("rt",)
    go_name = "*slog.defaultHandler"

    def __init__(self, rt: Any) -> None:
        super().__init__(None, None)
        self.rt = rt

    def _copy(self) -> Any:
        h = super()._copy()
        h.rt = self.rt
        return h

    def handle(self, t: int, level: int, msg: str, attrs: list[Attr]) -> None:
        std_logger(self.rt).output(self._text(level, msg, attrs))

    def blocking_handle(
        self, rt: Any, t: int, level: int, msg: str, attrs: list[Attr]
    ) -> Generator[Any, Any, None]:
        yield from std_logger(self.rt).blocking_output(self._text(level, msg, attrs))

    def _text(self, level: int, msg: str, attrs: list[Attr]) -> str:
        return " ".join([Level(level).String(), msg, *_text_node(self.attrs_of(attrs, []), "")])


class _DiscardHandler(Handler):
    """``slog.DiscardHandler``: enabled at no level, so it handles no record."""

    __slots__ = ()
    go_name = "slog.discardHandler"
    go_struct = True  # a value, not a pointer to one

    def __init__(self) -> None:
        super().__init__(None, None)

    def Enabled(self, ctx: Any, level: int) -> bool:
        return False


discard_handler = _DiscardHandler()


class _HandlerWriter:
    """Where ``log``'s standard logger writes once ``slog.SetDefault`` was given a
    logger of another handler: each line is a record at INFO of that handler."""

    __slots__ = ("handler", "rt")

    def __init__(self, rt: Any, handler: Any) -> None:
        self.rt, self.handler = rt, handler

    def write(self, text: str) -> tuple[int, None]:
        _handle(self.rt, self.handler, None, INFO, text.removesuffix("\n"), [])
        return len(text.encode()), None

    def blocking_write(self, text: str) -> Generator[Any, Any, tuple[int, None]]:
        """:meth:`write` where the handler's output may block (a pipe's)."""
        yield from _blocking_handle(self.rt, self.handler, None, INFO, text.removesuffix("\n"), [])
        return len(text.encode()), None


# --- loggers -----------------------------------------------------------------------


def _now(rt: Any) -> int:
    """A record's time: the run's clock (a synctest bubble's, in one)."""
    return Time(rt.now, rt).t


def _plain(result: Any, method: str) -> Any:
    if isgenerator(result):
        raise SimlabError(f"a slog.Handler whose {method} method blocks is not modelled here")
    return result


def _handle(rt: Any, h: Any, ctx: Any, level: int, msg: str, attrs: list[Attr]) -> None:
    """One logging call at ``level``, as Go's logger makes it: if the handler is
    enabled at that level, a record of the run's time goes to its ``Handle``
    (golib's handlers write it; a handler of the program's is called)."""
    if isinstance(h, Handler):
        if h.Enabled(ctx, level):
            h.handle(_now(rt), level, msg, attrs)
        return
    ctx = ctx if ctx is not None else rt.background()
    if _plain(h.Enabled(ctx, Level(level)), "Enabled"):
        _plain(h.Handle(ctx, Record(_now(rt), msg, Level(level), 0, attrs)), "Handle")


def _blocking_handle(
    rt: Any, h: Any, ctx: Any, level: int, msg: str, attrs: list[Attr]
) -> Generator[Any, Any, None]:
    """:func:`_handle` where the handler's output, or its methods, may block."""
    if isinstance(h, Handler):
        if h.Enabled(ctx, level):
            yield from h.blocking_handle(rt, _now(rt), level, msg, attrs)
        return
    ctx = ctx if ctx is not None else rt.background()
    if (yield from call(h.Enabled, ctx, Level(level))):
        yield from call(h.Handle, ctx, Record(_now(rt), msg, Level(level), 0, attrs))


def handle(rt: Any, h: Any, ctx: Any, r: Record) -> Generator[Any, Any, Any]:
    """``h.Handle(ctx, r)`` called by the program where a handler's output or its
    methods may block: golib's handler writes holding its lock, a handler of the
    program's is called."""
    if isinstance(h, Handler):
        yield from h.blocking_handle(rt, r.Time, r.Level, r.Message, r._attrs)
        return None
    return (yield from call(h.Handle, ctx, r))


class Logger:
    """A ``*slog.Logger``: ``slog.New(h)``, of golib's handler or of the program's
    (a value with the methods of ``slog.Handler``)."""

    __slots__ = ("_handler", "rt")
    go_name = "*slog.Logger"

    def __init__(self, rt: Any, handler: Any) -> None:
        if handler is None:
            panic("nil Handler")
        self.rt, self._handler = rt, handler

    def Handler(self) -> Any:
        return self._handler

    def Enabled(self, ctx: Any, level: int) -> bool:
        h = self._handler
        if isinstance(h, Handler):
            return h.Enabled(ctx, level)
        ctx = ctx if ctx is not None else self.rt.background()
        return bool(_plain(h.Enabled(ctx, Level(level)), "Enabled"))

    def log(self, level: int, msg: str, *args: Any, ctx: Any = None) -> None:
        """``l.Info(msg, args...)``, ``Debug``, ``Warn``, ``Error``, ``Log``; the
        ``...Context`` forms hand their context, ``ctx``, to the handler."""
        _handle(self.rt, self._handler, ctx, level, msg, _attrs(args))

    def log_attrs(self, level: int, msg: str, *attrs: Attr, ctx: Any = None) -> None:
        """``l.LogAttrs(ctx, level, msg, attrs...)``."""
        _handle(self.rt, self._handler, ctx, level, msg, list(attrs))

    def blocking_log(
        self, level: int, msg: str, *args: Any, ctx: Any = None
    ) -> Generator[Any, Any, None]:
        """:meth:`log` where the handler's output may block (a pipe's, a writer of
        the program's that locks), or its methods: ``yield from l.blocking_log(...)``."""
        yield from _blocking_handle(self.rt, self._handler, ctx, level, msg, _attrs(args))

    def blocking_log_attrs(
        self, level: int, msg: str, *attrs: Attr, ctx: Any = None
    ) -> Generator[Any, Any, None]:
        """:meth:`log_attrs` where the handler's output may block."""
        yield from _blocking_handle(self.rt, self._handler, ctx, level, msg, list(attrs))

    def With(self, *args: Any) -> Logger:
        if not args:
            return self
        return Logger(self.rt, _plain(self._handler.WithAttrs(_attrs(args)), "WithAttrs"))

    def WithGroup(self, name: str) -> Logger:
        if name == "":
            return self
        return Logger(self.rt, _plain(self._handler.WithGroup(name), "WithGroup"))


def default(rt: Any) -> Logger:
    """``slog.Default()``: the run's default logger, writing through ``log``."""
    state = _state(rt)
    if state.slog_default is None:
        state.slog_default = Logger(rt, DefaultHandler(rt))
    logger: Logger = state.slog_default
    return logger


def set_default(rt: Any, logger: Logger) -> None:
    """``slog.SetDefault(l)``: and unless ``l`` writes through ``log`` itself, ``log``'s
    standard logger now writes each line as a record of ``l``'s handler, at INFO, with
    no flags (as Go's)."""
    _state(rt).slog_default = logger
    if not isinstance(logger.Handler(), DefaultHandler):
        std = std_logger(rt)
        std.set_output(_HandlerWriter(rt, logger.Handler()))
        std.set_flags(0)
