"""``%#v``: a value in Go syntax, a literal of its type, as fmt prints it
(``main.P{X:1, Name:"a"}``, ``[]int(nil)``, ``map[string]int{"a":1}``, ``0x5`` for
an unsigned integer, ``&errors.errorString{s:"x"}``).

A run keeps few static types: an int is an int, and a list does not know it is a
``[]int``. So the translation hands each operand of ``%#v`` to fmt as a
:class:`GoSyntax` holding a descriptor of the operand's static type:

- a basic type's name, ``"int"``, ``"uint8"``, ``"float32"``, ``"string"``,
  ``"bool"`` (a named number or string type's underlying one: its values print as
  numbers and strings);
- a struct class of the program, whose ``go_syntax`` the translation sets to the
  struct's Go name and its fields' descriptors, by Go name (or to a text naming
  what %#v cannot print in it: an interface may hold such a value);
- ``("slice", name, elem)``, ``("array", name, elem)``, ``("map", name, key,
  elem)``, ``("ptr", name, elem)`` (``elem`` None where only the address prints),
  ``("iface", name)`` (``("iface?", line, name)`` in a program that converts a
  pointer or a func that may be nil to an interface at ``line``: a nil it holds
  may be Go's typed nil, which the run does not keep, and ends the run in one
  line), ``("struct", name, fields)`` for an anonymous or a generic
  struct type, ``("gostring", cls, descriptor)`` for a type whose values have
  a GoString method, which fmt calls where it may (not inside an unexported field),
  and ``("format", cls, descriptor)`` for one with a Format method, which it calls
  first.

What an interface holds prints by the dynamic type the run keeps: a Python int is
an ``int``, a ``go.Uint8`` a ``uint8``, an object of a struct class a pointer to
the struct, ``go.as_value``'s copy the struct value, the library's errors as Go's.
What a run does not keep (a slice or a map held in an interface, what a pointer
held there points to) ends the run in one line, as does a value %#v cannot print
as Go does (a channel, a function, a ``time.Time``).
"""

from __future__ import annotations

import math
from inspect import isgenerator
from typing import Any

import simlab as sl
from simlab.errors import GoPanic, SimlabError

from ._errors import LIBRARY_ERRORS
from ._fmtstate import formatted
from ._numbers import Duration, Float32, Sized
from ._strconv import format_float, quote
from ._time import Time, TimeFields
from ._types import type_name
from ._values import (
    EMPTY,
    NamedBool,
    NamedValue,
    NilMap,
    Ref,
    _address_text,
    _of_nil_pointer,
    has_method,
    is_nil,
    is_typed_nil,
    method,
)

_UNSIGNED = frozenset({"uint", "uint8", "uint16", "uint32", "uint64", "uintptr"})
_BASIC = _UNSIGNED | {"int", "int8", "int16", "int32", "int64", "float64", "float32"}
_BASIC |= {"string", "bool", "complex128"}

# the library's errors simlab makes with errors.New but Go with a type of its own
_OTHER_ERRORS = ("os.ErrDeadlineExceeded", "net.ErrClosed")


class GoSyntax:
    """An operand of ``%#v`` with the descriptor of its static type, ``t``."""

    __slots__ = ("t", "x")

    def __init__(self, t: Any, x: Any) -> None:
        self.t, self.x = t, x


def go_syntax(x: Any, verb: str, flags: str, width: int | None, precision: int | None) -> str:
    """``%#v`` of ``x``, the translation's :class:`GoSyntax` (``%+#v`` is the same),
    or, in a format the translation did not read (``fmt.Printf(format, args...)``
    of a logging helper), an operand as the interface fmt takes it holds it: by
    its dynamic type, as Go's prints it there too."""
    if not isinstance(x, GoSyntax) and verb == "v" and "#" in flags:
        if x is None:
            raise SimlabError(
                "fmt: %#v of a nil operand in a format that is not a constant: simlab "
                "cannot tell a nil interface from a typed nil pointer there: use %v"
            )
        x = GoSyntax(("iface", "interface {}"), x)
    if not isinstance(x, GoSyntax) or verb != "v" or "#" not in flags:
        raise SimlabError(
            "fmt: simlab prints %#v (Go syntax) only in a constant format, where the "
            "translation gives fmt the operand's type: use %v or %+v"
        )
    if width is not None or precision is not None or flags.strip("#+"):
        raise SimlabError("fmt: simlab prints %#v without a width, a precision or flags")
    return _value(x.x, x.t, 0, False)


def _plain_iface(t: tuple[Any, ...], x: Any) -> tuple[Any, ...]:
    """The descriptor ``("iface?", line, name)`` as ``("iface", name)``, for a value
    ``x`` that is not nil."""
    if x is None:
        raise SimlabError(
            f"fmt: %#v of a nil interface value, in a program that converts a pointer "
            f"or a func that may be nil to an interface (line {t[1]}): simlab's "
            "interface holds nil there, Go's may hold the typed nil: use %v"
        )
    return ("iface", t[2])


def _value(x: Any, t: Any, depth: int, raw: bool) -> str:
    """``x`` of the type ``t`` (a descriptor) at ``depth`` (0: the operand itself);
    ``raw``: inside an unexported field, where fmt calls no GoString method."""
    if isinstance(t, str):
        if t == "time.Time" and raw:  # fmt calls no GoString there: Go's struct
            return TimeFields(Time(x)).literal()
        return _basic(x, t)
    if isinstance(t, type):
        name, fields = _syntax(t)
        return _struct(x, name, fields, depth, raw)
    kind = t[0]
    if kind == "iface?":
        t, kind = _plain_iface(t, x), "iface"
    if kind == "gostring":
        return _value(x, t[2], depth, raw) if raw else _go_string(x, t[1])
    if kind == "format":
        return (
            _value(x, t[2], depth, raw) if raw else formatted(x, "v", "#", None, None, t[1].Format)
        )
    if kind == "iface":
        if x is None:
            return "<nil>" if depth == 0 else t[1] + "(nil)"
        return _dynamic(x, depth, raw)
    if kind == "struct":
        return _struct(x, t[1], t[2], depth, raw)
    if kind == "ptr":
        return _pointer(x, t[1], t[2], depth, raw)
    name = t[1]
    if kind == "map":
        if isinstance(x, NilMap) or x is None:
            return name + "(nil)"
        keys = {type(k) for k in x if k is not None}
        if isinstance(t[2], tuple) and t[2][0] in ("iface", "iface?") and len(keys) > 1:
            raise SimlabError(
                "fmt: simlab does not order the keys of a map keyed by an interface "
                "holding values of several types as Go's %#v does (by the types' addresses)"
            )
        items = sorted(x.items(), key=lambda item: _order(item[0], t[2], True))
        pairs = (
            _value(k, t[2], depth + 1, raw) + ":" + _value(e, t[3], depth + 1, raw)
            for k, e in items
        )
        return name + "{" + ", ".join(pairs) + "}"
    if kind == "slice" and (x is None or is_nil(x)):
        return name + "(nil)"
    return name + "{" + ", ".join(_value(e, t[2], depth + 1, raw) for e in x) + "}"


def _kept_type(name: str) -> Any:
    """The descriptor of the Go type ``name`` that a slice or a map held in an
    interface keeps (``go.typed``), where it is made of basic types, interfaces and
    pointers (``[]int``, ``map[string]interface {}``, ``[2][]string``); else None."""
    if name in _BASIC:
        return name
    if name in ("interface {}", "any", "error"):
        return ("iface", "interface {}" if name == "any" else name)
    if name.startswith("*"):
        return ("ptr", name, None)  # inside a slice or a map: its address
    if name.startswith("[]"):
        elem = _kept_type(name[2:])
        return None if elem is None else ("slice", name, elem)
    if name.startswith("map["):
        depth = 0
        for i, c in enumerate(name[3:], 3):
            depth += {"[": 1, "]": -1}.get(c, 0)
            if depth == 0:
                key, elem = _kept_type(name[4:i]), _kept_type(name[i + 1 :])
                return None if key is None or elem is None else ("map", name, key, elem)
        return None
    if name.startswith("[") and "]" in name:
        elem = _kept_type(name[name.index("]") + 1 :])
        return None if elem is None else ("array", name, elem)
    return None


def _basic(x: Any, t: str) -> str:
    """A value of a basic type as a Go literal without its type: an unsigned
    integer in hex (``0x5``), a string quoted, a float as ``%v`` prints it."""
    if t == "string":
        return quote(x)
    if t == "time.Time":
        return Time(x).GoString()
    if t == "bool":
        return "true" if x else "false"
    if t in ("float64", "float32"):
        return format_float(float(x), ord("g"), -1, 32 if t == "float32" else 64)
    if t == "complex128":
        imag = format_float(x.imag, ord("g"), -1, 64)
        return f"({format_float(x.real, ord('g'), -1, 64)}{'' if imag[0] in '+-' else '+'}{imag}i)"
    if t in _UNSIGNED:
        return hex(int(x) & 0xFFFF_FFFF_FFFF_FFFF)
    return str(int(x))


def _syntax(cls: type) -> tuple[str, dict[str, Any]]:
    """The Go name and the fields of a struct class, which the translation set
    (``go_syntax``), or the end of the run where it could not."""
    syntax = getattr(cls, "go_syntax", None)
    if isinstance(syntax, tuple):
        return syntax
    if isinstance(syntax, str):  # what %#v cannot print in it
        raise SimlabError(f"fmt: simlab does not print {syntax}, under %#v")
    name = getattr(cls, "go_name", None) or f"main.{cls.__name__}"
    if hasattr(cls, "go_type_params"):
        raise SimlabError(
            f"fmt: simlab does not print an instance of the generic {name} held in an "
            "interface under %#v: print a variable of the instance's own type"
        )
    raise SimlabError(f"fmt: simlab does not print a {name} under %#v")


def _struct(x: Any, name: str, fields: dict[str, Any], depth: int, raw: bool) -> str:
    """``main.P{X:1, Name:"a"}``: each field by its Go name. An unexported field's
    values are printed raw: fmt may call none of their methods."""
    parts = []
    slots = getattr(type(x), "__slots__", ())
    for field, t in fields.items():
        value = getattr(x, field if field in slots else field + "_")  # a Python keyword's
        inner = raw or not field[:1].isupper()
        parts.append(field + ":" + _value(value, t, depth + 1, inner))
    return name + "{" + ", ".join(parts) + "}"


def _pointer(x: Any, name: str, elem: Any, depth: int, raw: bool) -> str:
    """A pointer: ``&`` and what it points to, as the operand itself, if that is a
    struct, an array, a slice or a map; else ``(*T)(0xc000010000)``, its address in
    the run's heap, or ``(*T)(nil)``."""
    if x is None or is_typed_nil(x):
        return f"({name})(nil)"
    if depth == 0 and elem is not None:
        return "&" + _value(x.v if isinstance(x, Ref) else x, elem, depth + 1, raw)
    return f"({name})({_address_text(x)})"


def _value_method(cls: Any, name: str) -> bool:
    """The method ``name`` of the program's class ``cls`` has a value receiver (by
    its Go name, ``main.T.GoString``, not ``main.(*T).GoString``)."""
    held = cls.__dict__.get(name)
    if isinstance(held, method):  # a named slice's, map's or func type's
        return not held.pointer
    return held is not None and _of_nil_pointer(held) is not None


def _go_string(x: Any, cls: Any = None) -> str:
    """What ``x``'s GoString method returns (the method of ``cls``, the static type's
    class, where the translation knew it: a nil receiver too): ``<nil>`` for a nil
    pointer whose method fails on it, as fmt catches the panic."""
    if (x is None or is_typed_nil(x)) and _value_method(cls or type(x), "GoString"):
        return "<nil>"  # a value method through a nil pointer: fmt catches Go's panic
    try:
        text = x.GoString() if cls is None else cls.GoString(x)
    except AttributeError:
        if x is None or is_typed_nil(x):
            return "<nil>"
        raise
    except GoPanic as exc:  # fmt recovers it and prints it in the text's place
        value = getattr(exc, "value", exc.message)  # a program's panic(v), or the library's
        shown = value.Error() if isinstance(value, sl.GoError) else value
        return f"%!v(PANIC=GoString method: {shown})"
    if isgenerator(text):
        text.close()
        raise SimlabError(
            f"fmt called the GoString method of {type_name(x)}, which blocks, under "
            "%#v: print x.GoString() instead"
        )
    return str(text)


def _has_go_string(x: Any) -> bool:
    """fmt calls ``x``'s GoString method: its type's method set has one (a struct
    value held in an interface lacks its pointer methods)."""
    cls = type(x)
    if not callable(getattr(cls, "GoString", None)) or isinstance(x, sl.GoError):
        return False
    return not hasattr(cls, "go_struct") or "GoString" not in getattr(cls, "go_pointer_methods", ())


def _dynamic(x: Any, depth: int, raw: bool) -> str:
    """What an interface holds, by the dynamic type the run keeps."""
    cls = type(x)
    if not raw and getattr(cls, "go_formatter", False) and has_method(x, "Format"):
        return formatted(x, "v", "#", None, None)  # fmt asks a Formatter first
    if not raw and _has_go_string(x):
        return _go_string(x)
    if getattr(cls, "go_nil", False):  # (*T)(nil), not nil: go.as_iface's
        return f"({type_name(x)})(nil)"
    if x is EMPTY:
        return "struct {}{}"
    if isinstance(x, bool):
        return _basic(x, "bool")
    if cls is int or cls is str or cls is float or cls is complex:
        return _basic(x, {int: "int", str: "string", float: "float64", complex: "complex128"}[cls])
    if cls is Float32:
        return _basic(x, "float32")
    if isinstance(x, Duration):
        return _basic(x, "int64")
    if isinstance(x, Sized):
        return _basic(x, cls.go_name)
    syntax = getattr(cls, "go_syntax", None)
    if isinstance(x, int | str | float) and syntax in _BASIC:  # a named number or string
        return _basic(x, syntax)
    if isinstance(x, sl.GoError):
        return _library_error(x, depth)
    if isinstance(syntax, tuple) and not isinstance(x, NamedValue):
        name, fields = syntax
        if hasattr(cls, "go_struct"):  # go.as_value's copy: the struct value
            return _struct(x, name, fields, depth, raw)
        if depth == 0:
            return "&" + _struct(x, name, fields, depth + 1, raw)
        return f"(*{name})({_address_text(x)})"
    if isinstance(syntax, str) and hasattr(cls, "__slots__"):
        raise SimlabError(f"fmt: simlab does not print {syntax}, under %#v")
    if hasattr(cls, "go_type_params"):
        _syntax(cls)  # a generic type's value: its type arguments are not kept
    if isinstance(x, NamedBool):
        return _basic(x.v, "bool")  # type Retryable bool: true, as Go's %#v
    if isinstance(x, list | dict) and (kept := _kept_type(getattr(x, "go_under", ""))):
        if x.go_type != x.go_under:  # type: ignore[union-attr]  # main.Sym{4}: a named type's
            kept = (kept[0], x.go_type, *kept[2:])  # type: ignore[union-attr]
        if depth == 0 and kept[1] == "[]uint8":
            kept = ("slice", "[]byte", kept[2])  # fmt's own case for a []byte operand
        return _value(x, kept, depth, raw)  # go.typed's: []int{1}, map[string]interface {}{...}
    if isinstance(x, list | dict | NamedValue):
        raise SimlabError(
            "fmt: simlab does not keep the type of a slice or a map held in an interface, "
            "%#v: print a variable of the slice's or the map's own type"
        )
    if isinstance(x, sl.Chan) or (callable(x) and not hasattr(cls, "__slots__")):
        what = "a channel" if isinstance(x, sl.Chan) else "a function"
        raise SimlabError(f"fmt: simlab does not print {what} held in an interface under %#v")
    if isinstance(x, Ref):
        raise SimlabError(
            "fmt: simlab does not keep the type a pointer held in an interface points "
            "to, %#v: print a variable of the pointer's own type"
        )
    if isinstance(x, str):  # a library's named string type (json.Number): quoted, as Go's
        return _basic(str(x), "string")
    if isinstance(x, sl.Context):
        return value_context(x, True)
    raise SimlabError(f"fmt: simlab does not print a {type_name(x)} under %#v")


def value_context(x: sl.Context, syntax: bool) -> str:
    """A context Go keeps in a struct value (Background, TODO, WithoutCancel of one),
    as fmt prints it field by field: in Go syntax,
    ``context.backgroundCtx{emptyCtx:context.emptyCtx{}}``, or bare, ``{{}}`` (under
    a verb that is not a string's, which calls no String method). Another is a
    pointer, whose fields Go prints with addresses."""
    if x.kind == "Background":
        name = "todoCtx" if str(x) == "context.TODO" else "backgroundCtx"
        return f"context.{name}{{emptyCtx:context.emptyCtx{{}}}}" if syntax else "{{}}"
    if x.kind == "WithoutCancel" and x.parent is not None:
        inner = value_context(x.parent, syntax)
        return f"context.withoutCancelCtx{{c:{inner}}}" if syntax else "{" + inner + "}"
    raise SimlabError(
        f"fmt: simlab does not print the inside of a {type_name(x)}, which Go holds by "
        "pointer and prints with addresses: use %v"
    )


def _library_error(err: sl.GoError, depth: int) -> str:
    """An error of the standard library as the struct Go makes it: errors.New's
    ``&errors.errorString{s:"x"}`` (its address inside another value), fmt.Errorf's,
    errors.Join's and strconv's; context.DeadlineExceeded is a struct value."""
    for other in _OTHER_ERRORS:
        if err is LIBRARY_ERRORS[other]:  # Go's is a struct of its own
            raise SimlabError(f"fmt: simlab does not print {other} under %#v")
    if err.name == "context.DeadlineExceeded":
        return "context.deadlineExceededError{}"
    name = _LIBRARY_ERROR_TYPES.get(err.name)
    if name is None:
        raise SimlabError(f"fmt: simlab does not print the inside of a {type_name(err)} under %#v")
    if depth > 0:
        return f"(*{name})({_address_text(err)})"
    error = ("iface", "error")
    fields_of: Any = err  # WrapError's, JoinError's, NumError's own fields
    fields: dict[str, str] = {}
    if name == "runtime.PanicNilError":
        fields = {"_": "[0]*runtime.PanicNilError{}"}  # Go's mark that its values never compare
    elif name == "time.parseDurationError":
        fields = {"message": quote(fields_of.reason), "value": quote(fields_of.value)}
    elif name != "errors.joinError" and name != "strconv.NumError":
        fields["msg" if name.startswith("fmt.") else "s"] = quote(err.message)
    if name == "fmt.wrapError":
        fields["err"] = _value(fields_of.wrapped, error, 1, True)
    elif name in ("fmt.wrapErrors", "errors.joinError"):
        fields["errs"] = _value(fields_of.errs, ("slice", "[]error", error), 1, True)
    elif name == "strconv.NumError":
        fields = {f: quote(getattr(fields_of, f)) for f in ("Func", "Num")}
        fields["Err"] = _value(fields_of.Err, error, 1, False)
    return "&" + name + "{" + ", ".join(f"{k}:{text}" for k, text in fields.items()) + "}"


# the structs Go makes the library's errors of, each held by pointer
_LIBRARY_ERROR_TYPES = {
    "*errors.errorString": "errors.errorString",
    "context.Canceled": "errors.errorString",
    "*fmt.wrapError": "fmt.wrapError",
    "*fmt.wrapErrors": "fmt.wrapErrors",
    "*errors.joinError": "errors.joinError",
    "*strconv.NumError": "strconv.NumError",
    "*time.parseDurationError": "time.parseDurationError",
    "*runtime.PanicNilError": "runtime.PanicNilError",
}


def _order(k: Any, t: Any, top: bool = False) -> Any:
    """The order fmt prints a map's entries in, by key of the type ``t``: numbers,
    strings and booleans by value (a NaN first), structs and arrays field by field
    and element by element, pointers by address; keys of an interface type (``top``:
    the key itself, all of one type) nil first, then by value."""
    if isinstance(t, str):
        if t in ("float64", "float32"):
            return (0, 0.0) if math.isnan(k) else (1, k)
        return k
    if isinstance(t, type):
        return _order_fields(k, _syntax(t)[1])
    kind = t[0]
    if kind == "iface?":
        t, kind = _plain_iface(t, k), "iface"
    if kind == "struct":
        return _order_fields(k, t[2])
    if kind == "array":
        return tuple(_order(e, t[2]) for e in k)
    if kind == "gostring":
        return _order(k, t[2], top)
    if kind == "ptr":
        return -1 if k is None else int(_address_text(k), 16)
    if kind == "iface" and top:
        if k is None:
            return (0, 0)
        if isinstance(k, int | str | float):  # bool too
            return (1, _order(k, "float64" if isinstance(k, float) else ""))
        raise SimlabError(
            f"fmt: simlab does not order the keys of a map that are {type_name(k)} "
            "values held in an interface as Go's %#v does"
        )
    raise SimlabError(f"fmt: simlab does not order the keys of a map keyed by a {t[1]} under %#v")


def _order_fields(k: Any, fields: dict[str, Any]) -> tuple[Any, ...]:
    slots = getattr(type(k), "__slots__", ())
    return tuple(_order(getattr(k, f if f in slots else f + "_"), t) for f, t in fields.items())
