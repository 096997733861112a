"""``math``: its functions where Python's ``math`` differs (NaN, the infinities,
-0, an overflow), as Go's give them.
"""

from __future__ import annotations

import math


def math_round(x: float) -> float:
    """``math.Round``: half away from zero (Python's round takes the even one)."""
    if math.isinf(x) or math.isnan(x):
        return x
    t = float(math.trunc(x))
    if abs(x - t) >= 0.5:
        t += math.copysign(1.0, x)
    return math.copysign(t, x)


def math_max(x: float, y: float) -> float:
    """``math.Max``: NaN if either is, +0 over -0."""
    if math.isnan(x) or math.isnan(y):
        return math.nan
    if x == y == 0:
        return x if math.copysign(1, x) > 0 else y
    return float(max(x, y))


def math_min(x: float, y: float) -> float:
    """``math.Min``: NaN if either is, -0 under +0."""
    if math.isnan(x) or math.isnan(y):
        return math.nan
    if x == y == 0:
        return x if math.copysign(1, x) < 0 else y
    return float(min(x, y))


def math_nan() -> float:
    """``math.NaN()``."""
    return math.nan


def math_is_nan(x: float) -> bool:
    """``math.IsNaN(x)``."""
    return math.isnan(x)


def math_sqrt(x: float) -> float:
    """``math.Sqrt``: NaN below zero."""
    return math.sqrt(x) if x >= 0 else math.nan


def math_floor(x: float) -> float:
    """``math.Floor`` (an infinity or NaN as it is)."""
    return float(math.floor(x)) if math.isfinite(x) else float(x)


def math_ceil(x: float) -> float:
    """``math.Ceil``."""
    return float(math.ceil(x)) if math.isfinite(x) else float(x)


def math_trunc(x: float) -> float:
    """``math.Trunc``."""
    return float(math.trunc(x)) if math.isfinite(x) else float(x)


def math_abs(x: float) -> float:
    """``math.Abs``."""
    return abs(float(x))


def math_pow(x: float, y: float) -> float:
    """``math.Pow``: an infinity where the result overflows, NaN where it is not real."""
    try:
        return math.pow(x, y)
    except OverflowError:
        return math.inf
    except ValueError:
        return math.inf if x == 0 else math.nan  # Pow(±0, y<0) is +Inf


def math_mod(x: float, y: float) -> float:
    """``math.Mod``: the remainder with x's sign; NaN for y 0, x infinite or a NaN."""
    if y == 0 or math.isinf(x) or math.isnan(x) or math.isnan(y):
        return math.nan
    return math.fmod(x, y)


def math_log(x: float) -> float:
    """``math.Log``: -Inf at 0, NaN below."""
    if x == 0:
        return -math.inf
    return math.log(x) if x > 0 else math.nan


def math_exp(x: float) -> float:
    """``math.Exp``: +Inf where it overflows."""
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


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
