"""Go's numbers where Python's differ: integer ``/`` and ``%`` (truncated toward
zero; a zero divisor panics), a float's division by zero, a result wrapped to a
sized integer type (``go.uint32(x)``), a float converted to an integer type
(``go.trunc``), and the values of the sized integer types,
``float32`` and ``time.Duration`` held in an interface (``go.Int64``,
``go.Float32``, ``go.Duration``), which a type switch tells from an ``int``.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable

import simlab as sl
from simlab.errors import GoPanic, SimlabError

_MIN_INT64 = -(1 << 63)


def quo(a: int, b: int) -> int:
    """Go's integer ``a / b``: truncated toward zero; a zero divisor panics, and the
    most negative int64 over -1 is itself, as two's complement overflows."""
    if b == 0:
        raise GoPanic("runtime error: integer divide by zero")
    if b == -1 and a == _MIN_INT64:
        return a
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def quo_float(a: float, b: float) -> float:
    """Go's floating-point ``a / b``: a zero divisor gives an infinity of the
    quotient's sign, or for ``0 / 0`` the processor's NaN (Python's ``/`` raises)."""
    if b != 0:
        return a / b
    if math.isnan(a):
        return a
    if a == 0:
        return hardware_nan()
    return math.copysign(math.inf, a) * math.copysign(1.0, b)


_NAN_BITS = (0x7FF8000000000001).to_bytes(8, "little")
_DOUBLE = struct.Struct("<d")


def nan() -> float:
    """``math.NaN()``, and the NaN Go's math functions return for their special
    cases: the bits 0x7FF8000000000001, a new float each time (a map's NaN keys are
    each their own entry, as Go's)."""
    result: float = _DOUBLE.unpack(_NAN_BITS)[0]
    return result


def float_key(k: float) -> float:
    """A map's float key ``k``; a NaN a new float (Python's dict matches a key by
    identity before equality, and Go's never finds a NaN key: each NaN written is
    an entry of its own)."""
    return k if k == k else k + 0.0


def hardware_nan() -> float:
    """The NaN an amd64 processor makes of ``0 / 0``, ``Inf - Inf`` and a square root
    of a negative number (Go's ``math.Sqrt`` is the instruction): the bits
    0xFFF8000000000000, a new float each time."""
    return -math.nan


def _wrap(bits: int, signed: bool) -> Callable[[int], int]:
    mask, half = (1 << bits) - 1, 1 << (bits - 1)

    def wrap(x: int) -> int:
        cls = type(x)
        x &= mask
        x = x - (mask + 1) if signed and x >= half else x
        if cls is int or cls is bool or issubclass(cls, Sized):
            return x
        return cls(x)  # a named type's value stays one: Level(4)

    wrap.__name__ = f"{'int' if signed else 'uint'}{bits}"
    wrap.__doc__ = f"``x`` wrapped to a {wrap.__name__}, as Go's arithmetic and conversions do."
    return wrap


# the values of Go's integer types, by their names
INT_RANGES = {
    "int8": (-(1 << 7), (1 << 7) - 1),
    "int16": (-(1 << 15), (1 << 15) - 1),
    "int32": (-(1 << 31), (1 << 31) - 1),
    "int64": (-(1 << 63), (1 << 63) - 1),
    "int": (-(1 << 63), (1 << 63) - 1),
    "uint8": (0, (1 << 8) - 1),
    "uint16": (0, (1 << 16) - 1),
    "uint32": (0, (1 << 32) - 1),
    "uint64": (0, (1 << 64) - 1),
    "uint": (0, (1 << 64) - 1),
    "uintptr": (0, (1 << 64) - 1),
}

int8, int16, int32, int64 = (_wrap(b, True) for b in (8, 16, 32, 64))
uint8, uint16, uint32, uint64 = (_wrap(b, False) for b in (8, 16, 32, 64))


def _cvtt(x: float, bits: int) -> int:
    """amd64's CVTTSD2SL (``bits`` 32) or CVTTSD2SQ (64): ``x`` toward zero, or, for a
    NaN, an infinity or a value out of the signed range, the "integer indefinite",
    the range's lowest value."""
    low = -(1 << (bits - 1))
    if -low > x > low - 1:  # False for a NaN
        return int(x)
    return low


_TO_UINT64 = float(1 << 63)
_TRUNC: dict[str, Callable[[float], int]] = {
    "int": lambda x: _cvtt(x, 64),
    "int64": lambda x: _cvtt(x, 64),
    "int32": lambda x: _cvtt(x, 32),
    "int16": lambda x: int16(_cvtt(x, 32)),
    "int8": lambda x: int8(_cvtt(x, 32)),
    "uint16": lambda x: uint16(_cvtt(x, 32)),
    "uint8": lambda x: uint8(_cvtt(x, 32)),
    "uint32": lambda x: uint32(_cvtt(x, 64)),
}


def trunc(x: float, kind: str = "int") -> int:
    """Go's conversion ``kind(x)`` of a float to an integer type: toward zero. Past
    the type's range, or of a NaN or an infinity, the spec leaves the result to the
    implementation; this is what Go gives on amd64, where simlab's recordings were
    made: the conversion instruction's lowest value for its width (32 bits for the
    types of 32 bits or fewer, but 64 for uint32), cut to the type's size, and for
    the 64-bit unsigned types one past 1<<63 taken as 1<<63 plus the rest."""
    if kind in _TRUNC:
        return _TRUNC[kind](x)
    if x < _TO_UINT64:  # uint64, uint, uintptr
        return uint64(_cvtt(x, 64))
    return uint64(_cvtt(x - _TO_UINT64, 64)) | (1 << 63)


def rem(a: int, b: int) -> int:
    """Go's integer ``a % b``: the sign of ``a``."""
    if b == -1:
        return 0  # the most negative int64's too, whose quotient overflows
    return a - quo(a, b) * b


_FLOAT32 = struct.Struct("<f")


def float32(x: float) -> float:
    """``float32(x)``, and the result of float32 arithmetic: ``x`` rounded to the
    nearest float32, an infinity past float32's range, as Go's conversion and
    operations give it (a float32 is a float here, rounded where Go rounds it)."""
    if type(x) is int and not -(1 << 53) <= x <= 1 << 53:
        x = _int_to_float32(x)  # once, where float(x) would round first to 53 bits
    try:
        result: float = _FLOAT32.unpack(_FLOAT32.pack(x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)
    return result


def _int_to_float32(n: int) -> float:
    """The integer ``n`` rounded to float32's 24 bits of mantissa, half to even."""
    q, shift = abs(n), n.bit_length() - 24
    q, r = divmod(q, 1 << shift)
    half = 1 << (shift - 1)
    if r > half or (r == half and q & 1):
        q += 1
    return math.copysign(float(q << shift), n)


def round_float32(x: float) -> float:
    """``x`` rounded to the nearest float32, as one float32 operation gives it (one
    computed in float64 and rounded once: float64 has room enough that no double
    rounding shows); one past float32's range is left as it is."""
    try:
        result: float = _FLOAT32.unpack(_FLOAT32.pack(x))[0]
    except OverflowError:
        return x
    return result


class Float32(float):
    """A float32 handed to fmt, which prints the fewest digits that read back as the
    float32 (0.1, where the float64 it is prints 0.10000000149011612), or held in an
    interface, where a type switch, an assertion and ``%T`` tell it from a float64."""

    __slots__ = ()
    go_name = "float32"


class Sized(int):
    """A value of a sized or unsigned integer type held in an interface (``var x any
    = int64(5)``): a type switch, an assertion and ``%T`` tell it from an ``int``, and
    ``==`` from another type's. Arithmetic on it gives a plain int, as the rest of
    the translation keeps every integer type."""

    __slots__ = ()
    go_name = "int"


class Int8(Sized):
    __slots__ = ()
    go_name = "int8"


class Int16(Sized):
    __slots__ = ()
    go_name = "int16"


class Int32(Sized):
    __slots__ = ()
    go_name = "int32"


class Int64(Sized):
    """An ``int64`` held in an interface. One past int64's range, which only
    arithmetic that Go wraps and the translation does not can make, ends the run
    in one line rather than print a number Go would not."""

    __slots__ = ()
    go_name = "int64"

    def __new__(cls, x: int = 0) -> Int64:
        value = super().__new__(cls, x)
        if not -(1 << 63) <= value < 1 << 63:
            raise SimlabError(
                f"an int64 of {int(value)}, past int64's range: in Go the arithmetic that "
                "made it wraps at 64 bits, which simlab's int and int64 do not (but where "
                "a variable multiplies or shifts itself); keep the numbers in range, or "
                "make the wrap explicit with a uint64"
            )
        return value


class Uint(Sized):
    __slots__ = ()
    go_name = "uint"


class Uint8(Sized):
    __slots__ = ()
    go_name = "uint8"


class Uint16(Sized):
    __slots__ = ()
    go_name = "uint16"


class Uint32(Sized):
    __slots__ = ()
    go_name = "uint32"


class Uint64(Sized):
    __slots__ = ()
    go_name = "uint64"


class Uintptr(Sized):
    __slots__ = ()
    go_name = "uintptr"


def duration_truncate(d: int, m: int) -> int:
    """``d.Truncate(m)``: ``d`` rounded toward zero to a multiple of ``m`` (``m <= 0``:
    ``d``), in integers, exact however large ``d`` is."""
    return d if m <= 0 else d - rem(d, m)


_MIN_DURATION, _MAX_DURATION = -(1 << 63), (1 << 63) - 1


def duration_round(d: int, m: int) -> int:
    """``d.Round(m)``: ``d`` to the nearest multiple of ``m``, halfway away from zero
    (``m <= 0``: ``d``); a multiple beyond a Duration's range gives the largest or
    the smallest Duration, as Go's does."""
    if m <= 0:
        return d
    r = abs(d) % m
    down = abs(d) - r
    nearest = down if r + r < m else down + m
    return max(-nearest, _MIN_DURATION) if d < 0 else min(nearest, _MAX_DURATION)


def duration_abs(d: int) -> int:
    """``d.Abs()``: the absolute value of ``d``; the smallest Duration's is the largest."""
    return _MAX_DURATION if d == _MIN_DURATION else abs(d)


def duration_in(d: int, unit: int) -> float:
    """``d.Seconds()``, ``Minutes()`` and ``Hours()``: ``d`` in units of ``unit``
    nanoseconds, worked out as Go does: the whole units and the nanoseconds left over
    each made a float apart, then added (one division of ``d`` may differ in its last
    digit)."""
    whole = quo(d, unit)
    return float(whole) + float(d - whole * unit) / float(unit)


class Duration(Sized):
    """A ``time.Duration`` held in an interface: its String method prints ``1.5s``."""

    __slots__ = ()
    go_name = "time.Duration"

    def String(self) -> str:
        return sl.format_duration(self)

    # its methods a program's interface may name (interface{ Hours() float64 }),
    # as a time.Duration variable's calls give them
    def Hours(self) -> float:
        return duration_in(self, 3_600_000_000_000)

    def Minutes(self) -> float:
        return duration_in(self, 60_000_000_000)

    def Seconds(self) -> float:
        return duration_in(self, 1_000_000_000)

    def Milliseconds(self) -> int:
        return quo(self, 1_000_000)

    def Microseconds(self) -> int:
        return quo(self, 1_000)

    def Nanoseconds(self) -> int:
        return int(self)

    def Abs(self) -> int:
        return duration_abs(self)

    def Round(self, m: int) -> int:
        return duration_round(self, m)

    def Truncate(self, m: int) -> int:
        return duration_truncate(self, m)
