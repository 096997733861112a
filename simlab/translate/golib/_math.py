"""``math``: its functions where Python's ``math`` differs (NaN, the infinities,
-0, an overflow), as Go's give them.
"""

from __future__ import annotations

import math
import struct
from fractions import Fraction
from typing import Any

from ._mathfn import _exp, _log
from ._numbers import hardware_nan, nan


def math_round(x: float) -> float:
    """``math.Round``: half away from zero (Python's round takes the even one)."""
    if math.isinf(x) or math.isnan(x):
        return x
    t = float(math.trunc(x))
    if abs(x - t) >= 0.5:
        t += math.copysign(1.0, x)
    return math.copysign(t, x)


def math_roundtoeven(x: float) -> float:
    """``math.RoundToEven``: half to even, as Python's ``round``, keeping -0."""
    if math.isinf(x) or math.isnan(x):
        return x
    return math.copysign(float(round(x)), x)


_POW10 = tuple(float(f"1e{k}") for k in range(32))
_POW10_BY_32 = tuple(float(f"1e{32 * k}") for k in range(10))
_POW10_BY_MINUS_32 = tuple(float(f"1e-{32 * k}") for k in range(11))


def math_pow10(n: int) -> float:
    """``math.Pow10``: ``10**n`` as Go computes it, the product (or quotient) of two
    correctly rounded powers, one of them a power of 10**32; 0 below -323 and +Inf
    above 308."""
    if 0 <= n <= 308:
        return _POW10_BY_32[n // 32] * _POW10[n % 32]
    if -323 <= n < 0:
        return _POW10_BY_MINUS_32[-n // 32] / _POW10[-n % 32]
    return 0.0 if n < 0 else math.inf


def math_fma(x: float, y: float, z: float) -> float:
    """``math.FMA``: ``x*y + z`` rounded once."""
    if x == 0 or y == 0 or z == 0 or not all(map(math.isfinite, (x, y, z))):
        return x * y + z
    exact = Fraction(x) * Fraction(y) + Fraction(z)
    if exact == 0:
        return 0.0
    try:
        return float(exact)
    except OverflowError:
        return math.inf if exact > 0 else -math.inf


def math_ilogb(x: float) -> int:
    """``math.Ilogb``: the binary exponent of ``x``; MinInt32 for 0, MaxInt32 for
    an infinity or NaN."""
    if x == 0:
        return -(1 << 31)
    if math.isinf(x) or math.isnan(x):
        return (1 << 31) - 1
    return math.frexp(x)[1] - 1


def math_logb(x: float) -> float:
    """``math.Logb``: the binary exponent of ``x`` as a float; -Inf for 0, +Inf for
    an infinity."""
    if x == 0:
        return -math.inf
    if math.isinf(x):
        return math.inf
    if math.isnan(x):
        return x
    return float(math.frexp(x)[1] - 1)


def math_max(x: float, y: float) -> float:
    """``math.Max``: +Inf if either is, else NaN if either is, +0 over -0."""
    if (math.isinf(x) and x > 0) or (math.isinf(y) and y > 0):
        return math.inf
    return float(max_of(x, y))


def math_min(x: float, y: float) -> float:
    """``math.Min``: -Inf if either is, else NaN if either is, -0 under +0."""
    if (math.isinf(x) and x < 0) or (math.isinf(y) and y < 0):
        return -math.inf
    return float(min_of(x, y))


def max_of(x: Any, y: Any) -> Any:
    """The builtin ``max`` of two floats, or of a type parameter's values that may
    be floats: a NaN wins over any number, and +0 is over -0 (Python's keeps the
    first of equal values)."""
    if x != x or y != y:
        return nan()
    if x == y == 0 and isinstance(x, float):
        return x if math.copysign(1, x) > 0 else y
    return max(x, y)


def min_of(x: Any, y: Any) -> Any:
    """The builtin ``min``: as :func:`max_of`, -0 under +0."""
    if x != x or y != y:
        return nan()
    if x == y == 0 and isinstance(x, float):
        return x if math.copysign(1, x) < 0 else y
    return min(x, y)


def math_nan() -> float:
    """``math.NaN()``."""
    return nan()


def math_is_nan(x: float) -> bool:
    """``math.IsNaN(x)``."""
    return math.isnan(x)


def math_sqrt(x: float) -> float:
    """``math.Sqrt``: NaN below zero."""
    return math.sqrt(x) if x >= 0 else hardware_nan()


def math_floor(x: float) -> float:
    """``math.Floor`` (an infinity or NaN as it is, -0 too)."""
    return math.copysign(float(math.floor(x)), x) if math.isfinite(x) else float(x)


def math_ceil(x: float) -> float:
    """``math.Ceil`` (-0 for a negative above -1, as Go's)."""
    return math.copysign(float(math.ceil(x)), x) if math.isfinite(x) else float(x)


def math_trunc(x: float) -> float:
    """``math.Trunc`` (-0 for a negative above -1, as Go's)."""
    return math.copysign(float(math.trunc(x)), x) if math.isfinite(x) else float(x)


def math_abs(x: float) -> float:
    """``math.Abs``."""
    return abs(float(x))


def math_pow(x: float, y: float) -> float:
    """``math.Pow``, by Go's own method, whose last digit often differs from the C
    library's: ``x`` to the whole part of ``|y|`` by repeated squaring of its
    mantissa, the powers of two kept apart, times ``exp(f * log(x))`` for the
    fraction ``f`` of ``y`` (taken in ``[-0.5, 0.5]``), and Go's special cases."""
    if y == 0 or x == 1:
        return 1.0
    if y == 1:
        return x
    if math.isnan(x) or math.isnan(y):
        return nan()
    if x == 0:
        odd = math.copysign(1, x) < 0 and _is_odd_int(y)
        if y < 0:
            return -math.inf if odd else math.inf
        return x if odd else 0.0
    if math.isinf(y):
        if x == -1:
            return 1.0
        return 0.0 if (abs(x) < 1) == (y > 0) else math.inf
    if math.isinf(x):
        if x < 0:
            return math_pow(1 / x, -y)  # (-0)**-y
        return 0.0 if y < 0 else math.inf
    if y == 0.5:
        return math.sqrt(x) if x >= 0 else hardware_nan()
    if y == -0.5:
        return 1 / math.sqrt(x) if x >= 0 else hardware_nan()
    fraction, whole = math.modf(abs(y))
    if fraction != 0 and x < 0:
        return nan()
    if whole >= 1 << 63:  # an even power so large that only x == -1 escapes 0 or Inf
        if x == -1:
            return 1.0
        return 0.0 if (abs(x) < 1) == (y > 0) else math.inf
    mantissa, exponent = 1.0, 0  # the result: mantissa * 2**exponent
    if fraction != 0:
        if fraction > 0.5:
            fraction -= 1
            whole += 1
        mantissa = _exp(fraction * _log(x))
    base, base_exp = math.frexp(x)
    n = int(whole)
    while n:
        if not -(1 << 12) <= base_exp <= 1 << 12:
            exponent += base_exp  # far past a float's range: 0 or Inf below
            break
        if n & 1:
            mantissa *= base
            exponent += base_exp
        base *= base
        base_exp <<= 1
        if base < 0.5:
            base += base
            base_exp -= 1
        n >>= 1
    if y < 0:
        mantissa, exponent = 1 / mantissa, -exponent
    return _ldexp(mantissa, exponent)


def _is_odd_int(y: float) -> bool:
    if abs(y) >= 1 << 53:
        return False
    fraction, whole = math.modf(y)
    return fraction == 0 and int(whole) & 1 == 1


def _ldexp(m: float, e: int) -> float:
    """``m * 2**e``: ±Inf past the largest float, ±0 below the smallest."""
    try:
        return math.ldexp(m, max(min(e, 1 << 20), -(1 << 20)))
    except OverflowError:
        return math.copysign(math.inf, m)


def math_mod(x: float, y: float) -> float:
    """``math.Mod``: the remainder with x's sign; NaN for y 0, x infinite or a NaN."""
    if y == 0 or math.isinf(x) or math.isnan(x) or math.isnan(y):
        return nan()
    return math.fmod(x, y)


def math_log(x: float) -> float:
    """``math.Log``, by Go's amd64 steps (the C library's last bit often differs)."""
    return _log(x)


def math_exp(x: float) -> float:
    """``math.Exp``, by Go's amd64 steps: +Inf where it overflows."""
    return _exp(x)


def math_copysign(f: float, sign: float) -> float:
    """``math.Copysign(f, sign)``: ``f``'s magnitude with ``sign``'s sign (-0 too)."""
    return math.copysign(f, sign)


def math_signbit(x: float) -> bool:
    """``math.Signbit(x)``: ``x`` is negative or negative zero."""
    return math.copysign(1.0, x) < 0


def math_inf(sign: int) -> float:
    """``math.Inf(sign)``."""
    return math.inf if sign >= 0 else -math.inf


def math_is_inf(x: float, sign: int) -> bool:
    """``math.IsInf(x, sign)``."""
    return math.isinf(x) and (sign == 0 or (x > 0) == (sign > 0))


def math_float64bits(f: float) -> int:
    """``math.Float64bits``: the IEEE 754 binary64 bits of ``f``."""
    return int.from_bytes(struct.pack(">d", f))


def math_float64frombits(b: int) -> float:
    """``math.Float64frombits``."""
    return float(struct.unpack(">d", (b & (1 << 64) - 1).to_bytes(8))[0])


def math_float32bits(f: float) -> int:
    """``math.Float32bits``: the IEEE 754 binary32 bits of ``f``."""
    return int.from_bytes(struct.pack(">f", f))


def math_float32frombits(b: int) -> float:
    """``math.Float32frombits``: a float32, a float as every float32 is here (fmt
    prints it by its static type; ``float64(f)`` is the float itself)."""
    result: float = struct.unpack(">f", (b & (1 << 32) - 1).to_bytes(4))[0]
    return result
