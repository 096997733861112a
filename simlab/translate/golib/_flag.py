"""``flag``'s ``FlagSet`` for a translated program: flags defined on a set and
parsed from the arguments the program hands it, as Go's package parses them, with
its errors, its usage text and its three ways of handling an error.

The package's top-level functions (``flag.Int``, ``flag.Parse``...) are those of a
run without arguments, and stay in ``_runtime``; a set parses what it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from inspect import isgenerator
from typing import Any

import simlab as sl
from simlab.errors import GoPanic, SimlabError

from ._errors import new_error
from ._fmt import v
from ._io import _write, stderr
from ._numbers import Duration, Int64, Uint, Uint64
from ._panics import panic, panic_value
from ._runtime import exit
from ._runtime_errors import runtime_error
from ._strconv import (
    ErrRange,
    ErrSyntax,
    format_float,
    parse_bool,
    parse_float,
    parse_int,
    parse_uint,
    quote,
)
from ._time import parse_duration
from ._types import type_name
from ._values import BasicPointer, NamedValue, Ref, call

__all__ = ["ErrHelp", "Flag", "FlagSet", "unquote_usage"]

CONTINUE_ON_ERROR, EXIT_ON_ERROR, PANIC_ON_ERROR = range(3)  # flag.ErrorHandling

ErrHelp = new_error("flag: help requested")  # flag.ErrHelp: -h or -help, not defined
_PARSE = new_error("parse error")
_RANGE = new_error("value out of range")

# the type name the usage text gives each kind of value
_TYPE_NAMES = {
    "int": "int",
    "int64": "int",
    "uint": "uint",
    "uint64": "uint",
    "float64": "float",
    "duration": "duration",
    "string": "string",
    "bool": "",
}
_ZERO_TEXT = {"bool": "false", "string": "", "float64": "0", "duration": "0s"}
_BOXES = {"int64": Int64, "uint": Uint, "uint64": Uint64, "duration": Duration}


def _number_error(err: Any) -> Any:
    """What the package makes of strconv's error: parse error, value out of range."""
    if err is not None and err.Err is ErrSyntax:
        return _PARSE
    if err is not None and err.Err is ErrRange:
        return _RANGE
    return err


class _Value:
    """The value of a flag of one of the package's kinds (``int``, ``bool``,
    ``duration``...), kept in the variable ``ref`` points to."""

    __slots__ = ("kind", "ref")

    def __init__(self, kind: str, ref: Any) -> None:
        self.kind, self.ref = kind, ref

    def String(self) -> str:
        v, kind = self.ref.v, self.kind
        if kind == "bool":
            return "true" if v else "false"
        if kind == "float64":
            return format_float(v, ord("g"), -1, 64)
        if kind == "duration":
            return sl.format_duration(v)
        return str(v)

    def Set(self, s: str) -> Any:
        kind = self.kind
        err: Any = None
        if kind == "string":
            v: Any = s
        elif kind == "bool":
            v, err = parse_bool(s)
            err = _PARSE if err is not None else None
        elif kind == "duration":
            v, err = parse_duration(s)
            err = _PARSE if err is not None else None
        elif kind == "float64":
            v, err = parse_float(s, 64)
            err = _number_error(err)
        elif kind in ("uint", "uint64"):
            v, err = parse_uint(s, 0, 64)
            err = _number_error(err)
        else:
            v, err = parse_int(s, 0, 64)
            err = _number_error(err)
        self.ref.v = v  # as Go's, the value parsed so far even with an error
        return err

    def Get(self) -> Any:
        """``flag.Getter``'s ``Get``: the value, of the flag's type in an interface."""
        box = _BOXES.get(self.kind)
        return box(self.ref.v) if box is not None else self.ref.v


class _BoolValue(_Value):
    """A bool flag's value, which alone has ``IsBoolFlag`` (``-v`` sets it)."""

    __slots__ = ()
    go_name = "*flag.boolValue"

    def IsBoolFlag(self) -> bool:
        return True


# each kind's class, named as Go's %T names its type (*flag.intValue)
_VALUES: dict[str, type[_Value]] = {
    kind: _BoolValue
    if kind == "bool"
    else type(f"_{kind}Value", (_Value,), {"__slots__": (), "go_name": f"*flag.{kind}Value"})
    for kind in ("bool", "string", "int", "int64", "uint", "uint64", "float64", "duration")
}


def _value(kind: str, ref: Any) -> _Value:
    return _VALUES[kind](kind, ref)


class _FuncValue:
    """``fs.Func``: each value set is handed to ``fn``."""

    __slots__ = ("fn",)
    go_name = "flag.funcValue"
    go_struct = True  # a func type's value, not a pointer

    def __init__(self, fn: Callable[[str], Any]) -> None:
        self.fn = fn

    def String(self) -> str:
        return ""

    def Set(self, s: str) -> Any:
        return self.fn(s)


class _BoolFuncValue(_FuncValue):
    """``fs.BoolFunc``: as ``Func``, and ``-name`` alone hands it ``"true"``."""

    __slots__ = ()
    go_name = "flag.boolFuncValue"

    def IsBoolFlag(self) -> bool:
        return True


def _is_bool(value: Any) -> bool:
    method = getattr(value, "IsBoolFlag", None)
    return callable(method) and bool(method())


class Flag:
    """A ``*flag.Flag``: its name, usage, value and default as text."""

    __slots__ = ("Name", "Usage", "Value", "DefValue")  # noqa: RUF023 (Go's order, which fmt prints)
    go_name = "*flag.Flag"

    def __init__(self, Name: str, Usage: str, Value: Any, DefValue: str) -> None:
        self.Name, self.Usage, self.Value, self.DefValue = Name, Usage, Value, DefValue


def _definer(kind: str) -> Callable[..., Ref]:
    def define(self: FlagSet, name: str, value: Any, usage: str) -> Ref:
        """``fs.Int(name, value, usage)`` and its kin: a pointer to the value."""
        ref = Ref(value)
        self.Var(_value(kind, ref), name, usage)
        return ref

    return define


def _var_definer(kind: str) -> Callable[..., None]:
    def define_var(self: FlagSet, p: Any, name: str, value: Any, usage: str) -> None:
        """``fs.IntVar(&x, name, value, usage)`` and its kin: ``x`` takes the default."""
        p.v = value
        self.Var(_value(kind, p), name, usage)

    return define_var


class FlagSet:
    """A ``*flag.FlagSet``: ``flag.NewFlagSet(name, handling)``."""

    __slots__ = ("Usage", "_actual", "_args", "_formal", "_handling", "_name", "_out", "_parsed")
    go_name = "*flag.FlagSet"

    def __init__(self, name: str, handling: int) -> None:
        self._name, self._handling = name, handling
        self.Usage: Callable[[], Any] | None = self._default_usage  # NewFlagSet's
        self._formal: dict[str, Flag] = {}
        self._actual: dict[str, Flag] = {}
        self._args: list[str] = []
        self._out: Any = None
        self._parsed = False

    # --- defining flags: each kind of value, and a flag.Value of the program's --

    Int, IntVar = _definer("int"), _var_definer("int")
    Int64, Int64Var = _definer("int64"), _var_definer("int64")
    Uint, UintVar = _definer("uint"), _var_definer("uint")
    Uint64, Uint64Var = _definer("uint64"), _var_definer("uint64")
    String, StringVar = _definer("string"), _var_definer("string")
    Bool, BoolVar = _definer("bool"), _var_definer("bool")
    Float64, Float64Var = _definer("float64"), _var_definer("float64")
    Duration, DurationVar = _definer("duration"), _var_definer("duration")

    def Func(self, name: str, usage: str, fn: Callable[[str], Any]) -> None:
        self.Var(_FuncValue(fn), name, usage)

    def BoolFunc(self, name: str, usage: str, fn: Callable[[str], Any]) -> None:
        self.Var(_BoolFuncValue(fn), name, usage)

    def Var(self, value: Any, name: str, usage: str) -> None:
        if name.startswith("-"):
            panic(self._say(f"flag {quote(name)} begins with -"))
        elif "=" in name:
            panic(self._say(f"flag {quote(name)} contains ="))
        flag = Flag(name, usage, value, _plain(value.String()))
        if name in self._formal:
            where = f"{self._name} " if self._name else ""
            panic(self._say(f"{where}flag redefined: {name}"))
        self._formal[name] = flag

    # --- parsing ---------------------------------------------------------------

    def Parse(self, arguments: list[str]) -> Generator[Any, Any, Any]:
        """``fs.Parse(args)``: ``yield from`` it, as it may exit the program
        (``ExitOnError``) or call a ``Set`` or ``Usage`` of the program's that blocks."""
        self._parsed = True
        self._args = list(arguments)
        while True:
            seen, err = yield from self._parse_one()
            if seen:
                continue
            if err is None:
                return None
            if self._handling == CONTINUE_ON_ERROR:
                return err
            if self._handling == EXIT_ON_ERROR:
                yield exit(0 if err is ErrHelp else 2)
            panic(err)

    def _parse_one(self) -> Generator[Any, Any, tuple[bool, Any]]:
        if not self._args:
            return False, None
        s = self._args[0]
        if len(s) < 2 or s[0] != "-":
            return False, None
        minuses = 1
        if s[1] == "-":
            minuses = 2
            if len(s) == 2:  # "--" ends the flags
                self._args = self._args[1:]
                return False, None
        name = s[minuses:]
        if name == "" or name[0] in "-=":
            return False, (yield from self._fail(f"bad flag syntax: {s}"))
        self._args = self._args[1:]
        value, has_value = "", False
        if "=" in name[1:]:
            name, value = name.split("=", 1)
            has_value = True
        flag = self._formal.get(name)
        if flag is None:
            if name in ("help", "h"):
                yield from self._usage()
                return False, ErrHelp
            return False, (yield from self._fail(f"flag provided but not defined: -{name}"))
        if _is_bool(flag.Value):
            err = yield from call(flag.Value.Set, value if has_value else "true")
            if err is not None:
                if has_value:
                    msg = f"invalid boolean value {quote(value)} for -{name}: {err.Error()}"
                else:
                    msg = f"invalid boolean flag {name}: {err.Error()}"
                return False, (yield from self._fail(msg))
        else:
            if not has_value and self._args:
                value, self._args, has_value = self._args[0], self._args[1:], True
            if not has_value:
                return False, (yield from self._fail(f"flag needs an argument: -{name}"))
            err = yield from call(flag.Value.Set, value)
            if err is not None:
                msg = f"invalid value {quote(value)} for flag -{name}: {err.Error()}"
                return False, (yield from self._fail(msg))
        self._actual[name] = flag
        return True, None

    def _fail(self, msg: str) -> Generator[Any, Any, Any]:
        self._say(msg)
        yield from self._usage()
        return new_error(msg)

    def _usage(self) -> Generator[Any, Any, None]:
        if self.Usage is None or self.Usage == self._default_usage:
            self._default_usage()
        else:
            yield from call(self.Usage)

    def _default_usage(self) -> None:
        _write(self.Output(), f"Usage of {self._name}:\n" if self._name else "Usage:\n")
        self.PrintDefaults()

    def _say(self, msg: str) -> str:
        _write(self.Output(), msg + "\n")
        return msg

    # --- after parsing -------------------------------------------------------------

    def Parsed(self) -> bool:
        return self._parsed

    def Args(self) -> list[str]:
        return list(self._args)

    def NArg(self) -> int:
        return len(self._args)

    def Arg(self, i: int) -> str:
        return self._args[i] if 0 <= i < len(self._args) else ""

    def NFlag(self) -> int:
        return len(self._actual)

    def Lookup(self, name: str) -> Flag | None:
        return self._formal.get(name)

    def Set(self, name: str, value: str) -> Any:
        """``fs.Set(name, value)``: as if the flag were given; its value's error."""
        flag = self._formal.get(name)
        if flag is None:
            return new_error(f"no such flag -{name}")
        err = _plain(flag.Value.Set(value))
        if err is None:
            self._actual[name] = flag
        return err

    def Visit(self, fn: Callable[[Flag], Any]) -> None:
        """``fs.Visit(fn)``: the flags set, by name."""
        for name in sorted(self._actual):
            fn(self._actual[name])

    def VisitAll(self, fn: Callable[[Flag], Any]) -> None:
        """``fs.VisitAll(fn)``: every flag, by name."""
        for name in sorted(self._formal):
            fn(self._formal[name])

    def PrintDefaults(self) -> None:
        """Each flag, by name, as Go's package lists them: ``  -n int`` then its
        usage under it (on the same line for a one-letter bool), and its default
        where that is not its type's zero."""
        panics = []  # a String method that panicked on a zero value: listed after
        for name in sorted(self._formal):
            flag = self._formal[name]
            kind, usage = unquote_usage(flag)
            line = f"  -{name}" + (" " + kind if kind else "")
            line += "\t" if len(line.encode()) <= 4 else "\n    \t"
            line += usage.replace("\n", "\n    \t")
            try:
                zero = _is_zero(flag)
            except GoPanic as p:
                panics.append(_zero_panic(flag, p))
                zero = True
            if not zero:
                if isinstance(flag.Value, _Value) and flag.Value.kind == "string":
                    line += f" (default {quote(flag.DefValue)})"
                else:
                    line += f" (default {flag.DefValue})"
            _write(self.Output(), line + "\n")
        if panics:
            _write(self.Output(), "\n" + "".join(text + "\n" for text in panics))

    def SetOutput(self, w: Any) -> None:
        self._out = w

    def Output(self) -> Any:
        return self._out if self._out is not None else stderr

    def Name(self) -> str:
        return self._name

    def ErrorHandling(self) -> int:
        return self._handling

    def Init(self, name: str, handling: int) -> None:
        self._name, self._handling = name, handling


def unquote_usage(flag: Flag) -> tuple[str, str]:
    """``flag.UnquoteUsage(f)``: the name a back-quoted word of the usage gives (the
    quotes dropped from the usage), else its value's type's, as the usage text has it."""
    usage = flag.Usage
    first = usage.find("`")
    if first >= 0:
        second = usage.find("`", first + 1)
        if second >= 0:
            name = usage[first + 1 : second]
            return name, usage[:first] + name + usage[second + 1 :]
    value = flag.Value
    if isinstance(value, _Value):
        return _TYPE_NAMES[value.kind], usage
    return ("" if _is_bool(value) else "value"), usage


def _is_zero(flag: Flag) -> bool:
    """The default is what a zero value of the flag's type would print."""
    value = flag.Value
    if isinstance(value, _Value):
        return flag.DefValue == _ZERO_TEXT.get(value.kind, "0")
    if isinstance(value, _FuncValue):
        return flag.DefValue == ""
    try:
        if isinstance(value, BasicPointer):  # a *level: a new level
            zero: Any = BasicPointer(value.cls, Ref(value.cls()))
        elif isinstance(value, NamedValue) and value.ref is not None:  # a *tagList: a new one
            zero = type(value).pointer(Ref(type(value.ref.v)()))
        elif isinstance(value, NamedValue) and isinstance(value.v, (dict, list)):
            zero = type(value)(type(value.v)())  # a kv of map type: a nil map, map[]
        else:
            zero = type(value)()  # a pointer to a struct of the program's: a new one
    except TypeError:
        return flag.DefValue == ""
    try:
        text = _plain(zero.String())
    except Exception as e:  # a field of nil read: Go's runtime panic, recovered above
        if (p := runtime_error(e)) is None:
            raise
        raise p from e
    return bool(flag.DefValue == text)


def _zero_panic(flag: Flag, p: GoPanic) -> str:
    """Go's line for a String method that panicked on a zero value of the flag's
    type, which PrintDefaults recovers."""
    what = type_name(flag.Value).removeprefix("*")
    return f"panic calling String method on zero {what} for flag {flag.Name}: {v(panic_value(p))}"


def _plain(result: Any) -> Any:
    if isgenerator(result):
        raise SimlabError("a flag.Value whose String or Set method blocks is not modelled here")
    return result
