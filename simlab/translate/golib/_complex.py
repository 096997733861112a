"""``complex128`` and ``math/cmplx``: a Go complex number is a Python ``complex``.

Python's ``+``, ``-``, ``*`` and ``==`` on two complex numbers compute each part as
Go's compiled code does (a product's real part is ``a*c - b*d``, its imaginary
``a*d + b*c``, no fused multiply-add at Go's default amd64 level), and the
translation turns every constant of a complex type into a ``complex`` (so that no
float meets a complex in an operation, which Python 3.14 computes otherwise).
Division is Go's runtime's: Smith's algorithm, with C99's infinities and zeros
where it gives NaN twice (Python's ``/`` raises on a zero divisor). The ``cmplx``
functions follow Go's steps on top of golib's bit-exact ``math``.
"""

from __future__ import annotations

import math

from ._math import math_pow, math_sqrt
from ._mathfn import _exp, _log, math_atan2, math_hypot, math_sincos
from ._numbers import quo_float

__all__ = [
    "cmplx_abs",
    "cmplx_conj",
    "cmplx_exp",
    "cmplx_inf",
    "cmplx_is_inf",
    "cmplx_is_nan",
    "cmplx_log",
    "cmplx_nan",
    "cmplx_phase",
    "cmplx_polar",
    "cmplx_pow",
    "cmplx_rect",
    "cmplx_sqrt",
    "quo_complex",
]


def quo_complex(n: complex, m: complex) -> complex:
    """Go's ``n / m`` of two ``complex128``: ``(1+0i) / 0`` is ``(+Inf+NaNi)``."""
    a, b, c, d = n.real, n.imag, m.real, m.imag
    if abs(c) >= abs(d):
        ratio = quo_float(d, c)
        denom = c + ratio * d
        e = quo_float(a + b * ratio, denom)
        f = quo_float(b - a * ratio, denom)
    else:  # a NaN part of m comes here too
        ratio = quo_float(c, d)
        denom = d + ratio * c
        e = quo_float(a * ratio + b, denom)
        f = quo_float(b * ratio - a, denom)
    if math.isnan(e) and math.isnan(f):
        if m == 0 and not (math.isnan(a) and math.isnan(b)):
            e = math.copysign(math.inf, c) * a
            f = math.copysign(math.inf, c) * b
        elif (math.isinf(a) or math.isinf(b)) and math.isfinite(c) and math.isfinite(d):
            a, b = _inf_to_one(a), _inf_to_one(b)
            e = math.inf * (a * c + b * d)
            f = math.inf * (b * c - a * d)
        elif (math.isinf(c) or math.isinf(d)) and math.isfinite(a) and math.isfinite(b):
            c, d = _inf_to_one(c), _inf_to_one(d)
            e = 0 * (a * c + b * d)
            f = 0 * (b * c - a * d)
    return complex(e, f)


def _inf_to_one(x: float) -> float:
    """1 with an infinity's sign, 0 with a finite number's."""
    return math.copysign(1.0 if math.isinf(x) else 0.0, x)


def cmplx_abs(x: complex) -> float:
    """``cmplx.Abs``: ``math.Hypot`` of the parts."""
    return math_hypot(x.real, x.imag)


def cmplx_phase(x: complex) -> float:
    """``cmplx.Phase``: the argument, in [-Pi, Pi]."""
    return math_atan2(x.imag, x.real)


def cmplx_polar(x: complex) -> tuple[float, float]:
    """``cmplx.Polar``: the absolute value and the phase."""
    return cmplx_abs(x), cmplx_phase(x)


def cmplx_rect(r: float, theta: float) -> complex:
    """``cmplx.Rect``: the number of absolute value ``r`` and phase ``theta``."""
    s, c = math_sincos(theta)
    return complex(r * c, r * s)


def cmplx_conj(x: complex) -> complex:
    """``cmplx.Conj``."""
    return complex(x.real, -x.imag)


def cmplx_inf() -> complex:
    """``cmplx.Inf()``: both parts +Inf."""
    return complex(math.inf, math.inf)


def cmplx_nan() -> complex:
    """``cmplx.NaN()``: both parts NaN."""
    return complex(math.nan, math.nan)


def cmplx_is_inf(x: complex) -> bool:
    """``cmplx.IsInf``: either part infinite."""
    return math.isinf(x.real) or math.isinf(x.imag)


def cmplx_is_nan(x: complex) -> bool:
    """``cmplx.IsNaN``: a part NaN and neither infinite."""
    if cmplx_is_inf(x):
        return False
    return math.isnan(x.real) or math.isnan(x.imag)


def cmplx_sqrt(x: complex) -> complex:
    """``cmplx.Sqrt``: the root with a real part >= 0, its imaginary part of x's
    sign; computed on parts scaled into range as Go's."""
    a, b = x.real, x.imag
    if b == 0:
        if a == 0:
            return complex(0.0, b)
        if a < 0:
            return complex(0.0, math.copysign(math_sqrt(-a), b))
        return complex(math_sqrt(a), b)
    if math.isinf(b):
        return complex(math.inf, b)
    if a == 0:
        r = math_sqrt(0.5 * abs(b))
        return complex(r, -r if b < 0 else r)
    if abs(a) > 4 or abs(b) > 4:
        a, b, scale = a * 0.25, b * 0.25, 2.0
    else:
        a, b, scale = a * 2.0**54, b * 2.0**54, 2.0**-27
    r = math_hypot(a, b)
    if a > 0:
        t = math_sqrt(0.5 * r + 0.5 * a)
        r = scale * abs((0.5 * b) / t)
        t *= scale
    else:
        r = math_sqrt(0.5 * r - 0.5 * a)
        t = scale * abs((0.5 * b) / r)
        r *= scale
    return complex(t, -r if b < 0 else r)


def cmplx_exp(x: complex) -> complex:
    """``cmplx.Exp``: e to the real part, turned by the imaginary part."""
    re, im = x.real, x.imag
    if math.isinf(re):
        if re > 0 and im == 0:
            return x
        if math.isinf(im) or math.isnan(im):
            return complex(0.0, math.copysign(0.0, im)) if re < 0 else complex(math.inf, math.nan)
    elif math.isnan(re) and im == 0:
        return complex(math.nan, im)
    r = _exp(re)
    s, c = math_sincos(im)
    return complex(r * c, r * s)


def cmplx_log(x: complex) -> complex:
    """``cmplx.Log``: the natural logarithm of the absolute value, and the phase."""
    return complex(_log(cmplx_abs(x)), cmplx_phase(x))


def cmplx_pow(x: complex, y: complex) -> complex:
    """``cmplx.Pow``: ``x**y``, with Go's answers for a zero base."""
    if x == 0:
        if cmplx_is_nan(y):
            return cmplx_nan()
        r, i = y.real, y.imag
        if r == 0:
            return complex(1.0, 0.0)
        if r < 0:
            return complex(math.inf, 0.0) if i == 0 else cmplx_inf()
        return complex(0.0, 0.0)
    modulus = cmplx_abs(x)
    if modulus == 0:
        return complex(0.0, 0.0)
    r = math_pow(modulus, y.real)
    arg = cmplx_phase(x)
    theta = y.real * arg
    if y.imag != 0:
        r *= _exp(-y.imag * arg)
        theta += y.imag * _log(modulus)
    s, c = math_sincos(theta)
    return complex(r * c, r * s)
