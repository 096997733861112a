"""``runtime.Error``: the panics of Go's runtime itself (a nil map's assignment,
a closed channel's misuse, a nil pointer dereference, an index out of range), of
the dynamic type Go gives each, and the Python errors of a translation that stand
for them (:func:`runtime_error`, ``rt.runtime_errors``).
"""

from __future__ import annotations

import ast
import linecache
from collections.abc import Callable
from typing import Any

import simlab as sl
from simlab.errors import GoPanic

from ._builtins import _out_of_range


class GoRuntimeError(sl.GoError):
    """A ``runtime.Error``: what recover returns for a panic of the runtime itself,
    of the dynamic type Go gives it (``%T``): ``runtime.boundsError`` for an index out
    of range, ``runtime.plainError`` for a channel's or a nil map's misuse,
    ``*runtime.TypeAssertionError`` for a failed assertion, else
    ``runtime.errorString``."""

    __slots__ = ()

    def __init__(self, message: str):
        super().__init__(_runtime_type(message), message)

    def RuntimeError(self) -> None:  # Go's marker method of runtime.Error
        pass


def _runtime_type(message: str) -> str:
    if message in _RUNTIME_ERRORS or is_nil_value_method(message):
        return "runtime.plainError"
    if message.startswith(_BOUNDS_ERRORS):
        return "runtime.boundsError"
    if message.startswith("interface conversion: "):
        return "*runtime.TypeAssertionError"
    return "runtime.errorString"


_BOUNDS_ERRORS = (
    "runtime error: index out of range",
    "runtime error: slice bounds",
    "runtime error: cannot convert slice with length",  # [4]byte(s) of a shorter s
)


class PanicNilError(GoRuntimeError):
    """``*runtime.PanicNilError``: ``panic(nil)`` panics with this (Go 1.21+)."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__("runtime error: panic called with nil argument")
        self.name = "*runtime.PanicNilError"


# the panics of Go's runtime that are runtime.Error values (the others, from the
# standard library, are strings: "sync: negative WaitGroup counter")
_RUNTIME_ERRORS = (
    "send on closed channel",
    "close of closed channel",
    "close of nil channel",
    "assignment to entry in nil map",
    "makechan: size out of range",
)


def is_nil_value_method(message: str) -> bool:
    """``message`` is the panic of a value method called through a nil pointer in
    an interface (``value method main.S.Len called using nil *S pointer``), a
    ``runtime.plainError``."""
    return message.startswith("value method ") and message.endswith(" pointer")


_NIL_DEREFERENCE = "runtime error: invalid memory address or nil pointer dereference"


def runtime_error(exc: BaseException) -> GoPanic | None:
    """The Go runtime panic a Python error of the translation stands for, if any
    (``rt.runtime_errors``): a field, a method or a call of nil (``None``) is a nil
    pointer dereference; an index past a slice's end is Go's index out of range,
    without the index and the length Go's message gives, which Python's does not
    carry; a shift by a negative count is Go's negative shift amount."""
    if isinstance(exc, AttributeError) and str(exc).startswith("'NoneType' object"):
        return GoPanic(_NIL_DEREFERENCE)
    if isinstance(exc, AttributeError) and getattr(type(exc.obj), "go_nil", False):
        return GoPanic(_NIL_DEREFERENCE)  # a field of (*T)(nil) held in an interface
    if isinstance(exc, TypeError) and str(exc).startswith("'NoneType' object"):
        return GoPanic(_NIL_DEREFERENCE)
    if isinstance(exc, IndexError) and str(exc).endswith(
        ("index out of range", "cannot fit 'int' into an index-sized integer")
    ):  # (the second: a uint64 index of 2**63 or more)
        return GoPanic(f"runtime error: {_index_text(exc)}")
    if isinstance(exc, ValueError) and str(exc) == "negative shift count":
        return GoPanic("runtime error: negative shift amount")  # 1 << s of an s < 0
    return None


def _index_text(exc: IndexError) -> str:
    """Go's text of an index out of range (``index out of range [5] with length 3``)
    for a subscript of the translation that raised ``exc``: read back from the
    model's line, where its operands are variables, fields and constants, else
    without the index and the length, which Python's error does not carry."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "index out of range"
    code = tb.tb_frame.f_code
    positions = list(code.co_positions())
    at = tb.tb_lasti // 2
    line, _, start, end = positions[at] if at < len(positions) else (None, None, None, None)
    text = linecache.getline(code.co_filename, line or 0).encode()
    try:
        node = ast.parse(text[start:end].decode(), mode="eval").body
        names = {**tb.tb_frame.f_globals, **tb.tb_frame.f_locals}
        if isinstance(node, ast.Subscript):
            seq, i = _operand(node.value, names), _operand(node.slice, names)
            if isinstance(i, int) and isinstance(seq, list | tuple | bytes):
                return _out_of_range(i, len(seq))
    except (SyntaxError, ValueError, TypeError, LookupError, AttributeError):
        pass
    return "index out of range"


def _operand(node: ast.expr, names: dict[str, Any]) -> Any:
    """The value of a subscript's operand that only reads: a variable, a field, a
    constant, a list literal (its length), an element of a slice or a map, a
    string's bytes, the length of such, or a sum, difference, product, quotient,
    remainder, shift, bitwise operation or sized integer conversion of such;
    ValueError for any other."""
    if isinstance(node, ast.Name):
        return names[node.id]
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.List) and not any(isinstance(e, ast.Starred) for e in node.elts):
        return [None] * len(node.elts)  # ["off", "on"][s]: a literal's length
    if isinstance(node, ast.Attribute):
        return getattr(_operand(node.value, names), node.attr)
    if isinstance(node, ast.Subscript):  # grid[1][1]: an element read on the way
        return _operand(node.value, names)[_operand(node.slice, names)]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "len"
        and names.get("len", len) is len
        and len(node.args) == 1
    ):  # items[len(items) + 2]
        return len(_operand(node.args[0], names))
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "go"
        and node.func.attr in ("quo", "rem", *_CONVERSIONS)
        and len(node.args) == (1 if node.func.attr in _CONVERSIONS else 2)
    ):  # xs[go.quo(len(xs), 2)], w[go.uint8(j)]: Go's / and % of integers, a conversion
        arithmetic = getattr(names["go"], node.func.attr)
        return arithmetic(*(_operand(a, names) for a in node.args))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        m = _operand(node.func.value, names)
        if node.func.attr == "get" and isinstance(m, dict):  # m.get(k, zero): a map's element
            key = _operand(node.args[0], names)
            return m[key] if key in m or len(node.args) < 2 else _operand(node.args[1], names)
        if node.func.attr == "encode" and isinstance(m, str) and not node.args:
            return m.encode()  # s.encode()[0]: a string's byte
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        return _ARITHMETIC[type(node.op)](_operand(node.left, names), _operand(node.right, names))
    raise ValueError(node)


_ARITHMETIC: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: lambda x, y: x + y,
    ast.Sub: lambda x, y: x - y,
    ast.Mult: lambda x, y: x * y,
    ast.FloorDiv: lambda x, y: x // y,  # an unsigned / and %, which the translation writes so
    ast.Mod: lambda x, y: x % y,
    ast.RShift: lambda x, y: x >> y,  # words[i>>6], tbl[h&mask]: a bitset's, a hash's
    ast.LShift: lambda x, y: x << y,
    ast.BitAnd: lambda x, y: x & y,
    ast.BitOr: lambda x, y: x | y,
    ast.BitXor: lambda x, y: x ^ y,
}

# the conversions of sized integers, which only compute (w[go.uint8(j)])
_CONVERSIONS = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
