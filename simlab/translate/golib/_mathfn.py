"""``math``'s elementary functions (trigonometric, hyperbolic, logarithms and
the rest), computed by the same steps as Go's on linux/amd64 so that each
result has Go's last bit, where the C library's often differs.

Go computes most of them in pure Go from Cephes and FreeBSD polynomials, whose
coefficients are reused here; ``Exp`` and ``Log``, on which ``Sinh``, ``Cosh``,
``Tanh``, ``Log10``, ``Log2``, ``Asinh`` and ``Acosh`` rest, are amd64
assembly there, followed step by step here (``Exp`` as on a CPU with FMA, whose
fused steps are computed exactly, then rounded once). Python float arithmetic
is the same IEEE 754 double arithmetic, one rounding per operation, and Go does
not fuse ``x*y + z`` on amd64 unless asked, so the same order of operations
gives the same bits.
"""

from __future__ import annotations

import functools
import math
import struct
import sys
from collections.abc import Callable

from ._numbers import nan

_M64 = (1 << 64) - 1
_SIGN = 1 << 63
_EXP_MASK = 0x7FF
_FRAC_MASK = (1 << 52) - 1

_PI = math.pi
_HALF_PI = float.fromhex("0x1.921fb54442d18p+0")
_QUARTER_PI = float.fromhex("0x1.921fb54442d18p-1")
_THREE_QUARTER_PI = float.fromhex("0x1.2d97c7f3321d2p+1")
_FOUR_OVER_PI = float.fromhex("0x1.45f306dc9c883p+0")
_INV_LN10 = float.fromhex("0x1.bcb7b1526e50ep-2")
_INV_LN2 = float.fromhex("0x1.71547652b82fep+0")
_LN2 = float.fromhex("0x1.62e42fefa39efp-1")
_LN2_HI = 6.93147180369123816490e-01
_LN2_LO = 1.90821492927058770002e-10


def _bits(x: float) -> int:
    return int.from_bytes(struct.pack("<d", x), "little")


def _float(b: int) -> float:
    return float(struct.unpack("<d", (b & _M64).to_bytes(8, "little"))[0])


def _fma(a: float, b: float, c: float) -> float:
    """``a*b + c`` rounded once, as the FMA instruction gives it."""
    if a == 0 or b == 0 or not (math.isfinite(a) and math.isfinite(b) and math.isfinite(c)):
        return a * b + c
    an, ad = a.as_integer_ratio()
    bn, bd = b.as_integer_ratio()
    cn, cd = c.as_integer_ratio()
    # the denominators are powers of two: the exact sum, then one rounding
    return (an * bn * cd + cn * ad * bd) / (ad * bd * cd)


def _ldexp(m: float, e: int) -> float:
    """``m * 2**e`` rounded once: Go's ``Ldexp``, ±Inf past the largest float."""
    try:
        return math.ldexp(m, max(min(e, 1 << 20), -(1 << 20)))
    except OverflowError:
        return math.copysign(math.inf, m)


def _trunc(x: float) -> float:
    return math.copysign(float(math.trunc(x)), x) if math.isfinite(x) else x


# --- Exp and Log as Go's amd64 assembly computes them


_EXP_TAYLOR = (  # 1/8! down to 1/3!, then 1/2 and 1
    2.4801587301587301587e-5,
    1.9841269841269841270e-4,
    1.3888888888888888889e-3,
    8.3333333333333333333e-3,
    4.1666666666666666667e-2,
    1.6666666666666666667e-1,
    0.5,
    1.0,
)
_EXP_LN2_HI = 0.69314718055966295651160180568695068359375
_EXP_LN2_LO = 0.28235290563031577122588448175013436025525412068e-12
_EXP_LOG2E = 1.4426950408889634073599246810018920


def _exp(x: float) -> float:
    """``math.Exp`` on amd64 with FMA: ``x = k*ln2 + r``; ``e**(r/16)`` by its
    Taylor series, squared four times as ``(1+u)**2 - 1 = u*(u+2)``, then scaled
    by ``2**k``."""
    if math.isnan(x) or x == math.inf:
        return x
    if x == -math.inf:
        return 0.0
    if x > 7.09782712893384e02:
        return math.inf
    t = _EXP_LOG2E * x
    k = round(t) if math.isfinite(t) else 0  # to nearest, ties to even, as the CPU converts
    if not math.isfinite(t) or not -(1 << 31) <= k < 1 << 31:
        k = -(1 << 31)  # the CPU's answer to a conversion out of range
    biased = k + 0x3FF
    if biased < -52:
        return 0.0
    if biased >= 0x7FF:
        return math.inf
    kf = float(k)
    r = _fma(-kf, _EXP_LN2_HI, x)
    r = _fma(-kf, _EXP_LN2_LO, r) * 0.0625
    p = _EXP_TAYLOR[0]
    for coeff in _EXP_TAYLOR[1:]:
        p = _fma(p, r, coeff)
    u = r * p  # e**r - 1
    for _ in range(3):
        u = u * (u + 2.0)
    y = _fma(u, u + 2.0, 1.0)
    if biased <= 0:  # a subnormal result: two scalings, the second rounds
        return y * _float((biased + 0x3FE) << 52) * _float(1 << 52)
    return y * _float(biased << 52)


_LOG_POLY_ODD = (1.479819860511658591e-01, 1.818357216161805012e-01, 2.857142874366239149e-01)
_LOG_POLY_EVEN = (1.531383769920937332e-01, 2.222219843214978396e-01, 3.999999999940941908e-01)
_LOG_L1 = 6.666666666666735130e-01


def _log(x: float) -> float:
    """``math.Log`` as Go's amd64 assembly: ``x = 2**k * (1+f)``, ``f`` near 0,
    and ``log(1+f)`` from ``s = f/(2+f)``. The split reads the bits as they are,
    so a subnormal ``x`` takes the exponent of the smallest normal."""
    b = _bits(x)
    if b & ~_SIGN == 0:
        return -math.inf
    if b & _SIGN:
        return nan()
    if b >= 0x7FF0000000000000:
        return x
    f1 = _float((b & _FRAC_MASK) | 0x3FE0000000000000)
    k = float((b >> 52 & _EXP_MASK) - 0x3FE)
    if not f1 > 7.07106781186547524401e-01:
        k -= 1.0
        f1 *= 2.0
    f = f1 - 1.0
    s = f / (2.0 + f)
    s2 = s * s
    s4 = s2 * s2
    odd = ((_LOG_POLY_ODD[0] * s4 + _LOG_POLY_ODD[1]) * s4 + _LOG_POLY_ODD[2]) * s4 + _LOG_L1
    even = (_LOG_POLY_EVEN[0] * s4 + _LOG_POLY_EVEN[1]) * s4 + _LOG_POLY_EVEN[2]
    big_r = s2 * odd + s4 * even
    hfsq = 0.5 * f * f
    tail = s * (hfsq + big_r) + k * _LN2_LO
    return k * _LN2_HI - ((hfsq - tail) - f)


# --- sine, cosine, tangent

_SIN_POLY = (
    1.58962301576546568060e-10,
    -2.50507477628578072866e-8,
    2.75573136213857245213e-6,
    -1.98412698295895385996e-4,
    8.33333333332211858878e-3,
    -1.66666666666666307295e-1,
)
_COS_POLY = (
    -1.13585365213876817300e-11,
    2.08757008419747316778e-9,
    -2.75573141792967388112e-7,
    2.48015872888517045348e-5,
    -1.38888888888730564116e-3,
    4.16666666666665929218e-2,
)
_PIO4_PARTS = (  # pi/4 in three pieces, for an exact enough x - n*pi/4
    7.85398125648498535156e-1,
    3.77489470793079817668e-8,
    2.69515142907905952645e-15,
)
_REDUCE_LIMIT = float(1 << 29)  # past it, pi/4 from the bits of 4/pi


@functools.cache
def _four_over_pi_bits() -> int:
    """4/pi in fixed point: 64 bits of whole part, then 1216 of fraction, cut off."""
    prec = 1280 + 64

    def arctan_inv(n: int) -> int:  # arctan(1/n) * 2**prec, by its series
        total, term, k, sign = 0, (1 << prec) // n, 1, 1
        while term:
            total += sign * (term // k)
            term //= n * n
            k += 2
            sign = -sign
        return total

    pi_fixed = 16 * arctan_inv(5) - 4 * arctan_inv(239)  # Machin's formula
    return (4 << (prec + 1216)) // pi_fixed


def _reduce_huge(x: float) -> tuple[int, float]:
    """``x`` mod pi/4 for ``x >= 2**29``, by Go's method: the 192 bits of 4/pi
    that matter for ``x``'s exponent, times its 53-bit mantissa."""
    if x < _QUARTER_PI:
        return 0, x
    b = _bits(x)
    exp = (b >> 52 & _EXP_MASK) - 1023 - 52
    mant = (b & _FRAC_MASK) | 1 << 52
    offset = exp + 61  # bits of the table before the window
    window = (_four_over_pi_bits() >> (1280 - offset - 192)) & ((1 << 192) - 1)
    prod = ((window * mant) >> 64) & ((1 << 128) - 1)  # the low word's low half dropped
    hi, lo = prod >> 64, prod & _M64
    octant = hi >> 61
    hi = (hi << 3 | lo >> 61) & _M64
    lz = 64 - hi.bit_length()
    e = 1023 - (lz + 1)
    shifted_in = lo >> (64 - (lz + 1)) if lz < 64 else 0
    hi = ((hi << (lz + 1)) & _M64) | shifted_in
    z = _float((hi >> 12) | (e & _M64) << 52)
    if octant & 1:
        octant = (octant + 1) & 7
        z -= 1
    return octant, z * _QUARTER_PI


def _reduce(x: float) -> tuple[int, float]:
    """``x >= 0`` as an even octant ``j`` (mod 8) and the rest ``z``, |z| <= pi/4."""
    if x >= _REDUCE_LIMIT:
        return _reduce_huge(x)
    j = int(x * _FOUR_OVER_PI)
    if j & 1:
        j += 1
    y = float(j)
    a, b, c = _PIO4_PARTS
    return j & 7, ((x - y * a) - y * b) - y * c


def _sin_kernel(z: float, zz: float) -> float:
    p = _SIN_POLY
    return z + z * zz * (((((p[0] * zz + p[1]) * zz + p[2]) * zz + p[3]) * zz + p[4]) * zz + p[5])


def _cos_kernel(zz: float) -> float:
    p = _COS_POLY
    poly = ((((p[0] * zz + p[1]) * zz + p[2]) * zz + p[3]) * zz + p[4]) * zz + p[5]
    return 1.0 - 0.5 * zz + zz * zz * poly


def math_sin(x: float) -> float:
    """``math.Sin`` (Go's Cephes method)."""
    if x == 0 or math.isnan(x):
        return x
    if math.isinf(x):
        return nan()
    negative = x < 0
    j, z = _reduce(abs(x))
    if j > 3:
        negative = not negative
        j -= 4
    zz = z * z
    y = _cos_kernel(zz) if j in (1, 2) else _sin_kernel(z, zz)
    return -y if negative else y


def math_cos(x: float) -> float:
    """``math.Cos`` (Go's Cephes method)."""
    if math.isnan(x) or math.isinf(x):
        return nan()
    negative = False
    j, z = _reduce(abs(x))
    if j > 3:
        j -= 4
        negative = not negative
    if j > 1:
        negative = not negative
    zz = z * z
    y = _sin_kernel(z, zz) if j in (1, 2) else _cos_kernel(zz)
    return -y if negative else y


def math_sincos(x: float) -> tuple[float, float]:
    """``math.Sincos``: ``(Sin(x), Cos(x))`` from one reduction."""
    if x == 0:
        return x, 1.0
    if math.isnan(x) or math.isinf(x):
        return nan(), nan()
    sin_negative = x < 0
    j, z = _reduce(abs(x))
    cos_negative = False
    if j > 3:
        j -= 4
        sin_negative, cos_negative = not sin_negative, not cos_negative
    if j > 1:
        cos_negative = not cos_negative
    zz = z * z
    c = _cos_kernel(zz)
    s = _sin_kernel(z, zz)
    if j in (1, 2):
        s, c = c, s
    return (-s if sin_negative else s), (-c if cos_negative else c)


_TAN_NUM = (-1.30936939181383777646e4, 1.15351664838587416140e6, -1.79565251976484877988e7)
_TAN_DEN = (
    1.36812963470692954678e4,
    -1.32089234440210967447e6,
    2.50083801823357915839e7,
    -5.38695755929454629881e7,
)


def math_tan(x: float) -> float:
    """``math.Tan`` (Go's Cephes method)."""
    if x == 0 or math.isnan(x):
        return x
    if math.isinf(x):
        return nan()
    negative = x < 0
    j, z = _reduce(abs(x))
    zz = z * z
    if zz > 1e-14:
        n, d = _TAN_NUM, _TAN_DEN
        num = zz * ((n[0] * zz + n[1]) * zz + n[2])
        den = (((zz + d[0]) * zz + d[1]) * zz + d[2]) * zz + d[3]
        y = z + z * (num / den)
    else:
        y = z
    if j & 2:
        y = -1 / y if y else math.copysign(math.inf, -y)
    return -y if negative else y


# --- inverse trigonometric


_ATAN_NUM = (
    -8.750608600031904122785e-01,
    -1.615753718733365076637e01,
    -7.500855792314704667340e01,
    -1.228866684490136173410e02,
    -6.485021904942025371773e01,
)
_ATAN_DEN = (  # monic
    1.0,
    2.485846490142306297962e01,
    1.650270098316988542046e02,
    4.328810604912902668951e02,
    4.853903996359136964868e02,
    1.945506571482613964425e02,
)


def _horner(z: float, coeffs: tuple[float, ...]) -> float:
    """``((c0*z + c1)*z + c2)...``, in that order of operations."""
    acc = coeffs[0]
    for c in coeffs[1:]:
        acc = acc * z + c
    return acc


def _atan_core(x: float) -> float:
    """atan for ``0 <= x <= 0.66``: a rational function of ``x*x``."""
    z = x * x
    z = z * _horner(z, _ATAN_NUM) / _horner(z, _ATAN_DEN)
    return x * z + x


_PIO2_LOW = 6.123233995736765886130e-17  # pi/2 minus its float
_TAN_3PI_8 = 2.41421356237309504880


def _atan_positive(x: float) -> float:
    """atan of ``x >= 0``, reduced to ``[0, 0.66]`` about 0, pi/4 or pi/2."""
    if x <= 0.66:
        return _atan_core(x)
    if x > _TAN_3PI_8:
        return _HALF_PI - _atan_core(1 / x) + _PIO2_LOW
    return _QUARTER_PI + _atan_core((x - 1) / (x + 1)) + 0.5 * _PIO2_LOW


def math_atan(x: float) -> float:
    """``math.Atan``."""
    if x == 0:
        return x
    return _atan_positive(x) if x > 0 else -_atan_positive(-x)


def math_asin(x: float) -> float:
    """``math.Asin``: NaN past ±1."""
    if x == 0:
        return x
    negative = x < 0
    x = abs(x)
    if x > 1:
        return nan()
    if math.isnan(x):
        return x
    root = math.sqrt(1 - x * x)
    y = _HALF_PI - _atan_positive(root / x) if x > 0.7 else _atan_positive(x / root)
    return -y if negative else y


def math_acos(x: float) -> float:
    """``math.Acos``: pi/2 - Asin(x)."""
    return _HALF_PI - math_asin(x)


def math_atan2(y: float, x: float) -> float:
    """``math.Atan2(y, x)``, with Go's zeros and infinities."""
    if math.isnan(y) or math.isnan(x):
        return nan()
    if y == 0:
        if x >= 0 and math.copysign(1, x) > 0:
            return math.copysign(0.0, y)
        return math.copysign(_PI, y)
    if x == 0:
        return math.copysign(_HALF_PI, y)
    if math.isinf(x):
        if x > 0:
            return math.copysign(_QUARTER_PI if math.isinf(y) else 0.0, y)
        return math.copysign(_THREE_QUARTER_PI if math.isinf(y) else _PI, y)
    if math.isinf(y):
        return math.copysign(_HALF_PI, y)
    q = math_atan(y / x)
    if x < 0:
        return q + _PI if q <= 0 else q - _PI
    return q


# --- hyperbolic


_SINH_NUM = (
    -0.2630563213397497062819489e02,
    -0.2894211355989563807284660366e04,
    -0.8991272022039509355398013511e05,
    -0.6307673640497716991184787251e06,
)
_SINH_DEN = (  # monic
    1.0,
    -0.173678953558233699533450911e03,
    0.1521517378790019070696485176e05,
    -0.6307673640497716991212077277e06,
)


def math_sinh(x: float) -> float:
    """``math.Sinh``: a rational function up to 0.5, from ``Exp`` past it."""
    negative = x < 0
    if negative:
        x = -x  # -0 stays -0
    if x > 21:
        y = _exp(x) * 0.5
    elif x > 0.5:
        ex = _exp(x)
        y = (ex - 1 / ex) * 0.5
    else:
        sq = x * x
        y = _horner(sq, _SINH_NUM) * x / _horner(sq, _SINH_DEN)
    return -y if negative else y


def math_cosh(x: float) -> float:
    """``math.Cosh``: from ``Exp``."""
    x = abs(x)
    if x > 21:
        return _exp(x) * 0.5
    ex = _exp(x)
    return (ex + 1 / ex) * 0.5


_TANH_NUM = (-9.64399179425052238628e-1, -9.92877231001918586564e1, -1.61468768441708447952e3)
_TANH_DEN = (1.0, 1.12811678491632931402e2, 2.23548839060100448583e3, 4.84406305325125486048e3)


def math_tanh(x: float) -> float:
    """``math.Tanh``: ±1 past 44, from ``Exp`` down to 0.625, a rational function below."""
    z = abs(x)
    if z > 0.5 * 8.8029691931113054295988e01:
        return -1.0 if x < 0 else 1.0
    if z >= 0.625:
        s = _exp(2 * z)
        z = 1 - 2 / (s + 1)
        return -z if x < 0 else z
    if x == 0:
        return x
    s = x * x
    return x + x * s * _horner(s, _TANH_NUM) / _horner(s, _TANH_DEN)


def math_asinh(x: float) -> float:
    """``math.Asinh``."""
    if math.isnan(x) or math.isinf(x):
        return x
    negative = x < 0
    if negative:
        x = -x  # -0 stays -0
    if x > 1 << 28:
        y = _log(x) + _LN2
    elif x > 2:
        y = _log(2 * x + 1 / (math.sqrt(x * x + 1) + x))
    elif x < 1 / (1 << 28):
        y = x
    else:
        y = math_log1p(x + x * x / (1 + math.sqrt(1 + x * x)))
    return -y if negative else y


def math_acosh(x: float) -> float:
    """``math.Acosh``: NaN below 1."""
    if x < 1 or math.isnan(x):
        return nan()
    if x == 1:
        return 0.0
    if x >= 1 << 28:
        return _log(x) + _LN2
    if x > 2:
        return _log(2 * x - 1 / (x + math.sqrt(x * x - 1)))
    t = x - 1
    return math_log1p(t + math.sqrt(2 * t + t * t))


def math_atanh(x: float) -> float:
    """``math.Atanh``: ±Inf at ±1, NaN past them."""
    if x < -1 or x > 1 or math.isnan(x):
        return nan()
    if x == 1:
        return math.inf
    if x == -1:
        return -math.inf
    negative = x < 0
    if negative:
        x = -x  # -0 stays -0
    if x < 1 / (1 << 28):
        y = x
    elif x < 0.5:
        y = x + x
        y = 0.5 * math_log1p(y + y * x / (1 - x))
    else:
        y = 0.5 * math_log1p((x + x) / (1 - x))
    return -y if negative else y


# --- logarithms and exponentials


def math_log10(x: float) -> float:
    """``math.Log10``: ``Log(x) / ln 10``."""
    return _log(x) * _INV_LN10


def math_log2(x: float) -> float:
    """``math.Log2``: exact at powers of two."""
    frac, exp = math.frexp(x)
    if frac == 0.5:
        return float(exp - 1)
    return _log(frac) * _INV_LN2 + float(exp)


_LOG1P_POLY = (
    1.479819860511658591e-01,
    1.531383769920937332e-01,
    1.818357216161805012e-01,
    2.222219843214978396e-01,
    2.857142874366239149e-01,
    3.999999999940941908e-01,
    6.666666666666735130e-01,
)


def math_log1p(x: float) -> float:
    """``math.Log1p``: ``log(1+x)``, exact near 0 (FreeBSD's method, as Go's)."""
    if x < -1 or math.isnan(x):
        return nan()
    if x == -1:
        return -math.inf
    if x == math.inf:
        return x
    ax = abs(x)
    f = 0.0
    iu = 0
    k = 1
    if ax < 4.142135623730950488017e-01:  # sqrt(2) - 1
        if ax < 1 / (1 << 29):
            if ax < 1 / (1 << 54):
                return x
            return x - x * x * 0.5
        if x > -2.928932188134524755992e-01:  # sqrt(2)/2 - 1
            k, f, iu = 0, x, 1
    c = 0.0
    if k:
        if ax < 1 << 53:
            u = 1.0 + x
            iu = _bits(u)
            k = (iu >> 52) - 1023
            c = 1.0 - (u - x) if k > 0 else x - (u - 1.0)
            c /= u
        else:
            u = x
            iu = _bits(u)
            k = (iu >> 52) - 1023
            c = 0.0
        iu &= _FRAC_MASK
        if iu < 0x0006A09E667F3BCD:  # the fraction bits of sqrt(2)
            u = _float(iu | 0x3FF0000000000000)
        else:
            k += 1
            u = _float(iu | 0x3FE0000000000000)
            iu = (0x0010000000000000 - iu) >> 2
        f = u - 1.0
    hfsq = 0.5 * f * f
    kf = float(k)
    if iu == 0:
        if f == 0:
            if k == 0:
                return 0.0
            c += kf * _LN2_LO
            return kf * _LN2_HI + c
        big_r = hfsq * (1.0 - 0.66666666666666666 * f)
        if k == 0:
            return f - big_r
        return kf * _LN2_HI - ((big_r - (kf * _LN2_LO + c)) - f)
    s = f / (2.0 + f)
    z = s * s
    poly = _LOG1P_POLY[0]
    for coeff in _LOG1P_POLY[1:]:
        poly = coeff + z * poly
    big_r = z * poly
    if k == 0:
        return f - (hfsq - s * (hfsq + big_r))
    return kf * _LN2_HI - ((hfsq - (s * (hfsq + big_r) + (kf * _LN2_LO + c))) - f)


_EXPM1_POLY = (
    -2.01099218183624371326e-07,
    4.00821782732936239552e-06,
    -7.93650757867487942473e-05,
    1.58730158725481460165e-03,
    -3.33333333333331316428e-02,
)


def _add_exponent(y: float, k: int) -> float:
    """``y`` with ``k`` added to its exponent field (no range check, as Go's)."""
    return _float(_bits(y) + ((k & _M64) << 52))


def math_expm1(x: float) -> float:
    """``math.Expm1``: ``e**x - 1``, exact near 0 (FreeBSD's method, as Go's)."""
    if math.isnan(x) or x == math.inf:
        return x
    if x == -math.inf:
        return -1.0
    negative = x < 0
    ax = abs(x)
    if ax >= 3.88162421113569373274e01:  # 56 ln 2
        if negative:
            return -1.0
        if ax >= 7.09782712893383973096e02:
            return math.inf
    c = 0.0
    if ax > 3.46573590279972654709e-01:  # ln(2) / 2
        if ax < 1.03972077083991796413e00:  # 3 ln(2) / 2
            if not negative:
                hi, lo, k = x - _LN2_HI, _LN2_LO, 1
            else:
                hi, lo, k = x + _LN2_HI, -_LN2_LO, -1
        else:
            k = int(_INV_LN2 * x - 0.5) if negative else int(_INV_LN2 * x + 0.5)
            t = float(k)
            hi = x - t * _LN2_HI
            lo = t * _LN2_LO
        x = hi - lo
        c = (hi - x) - lo
    elif ax < 1 / (1 << 54):
        return x
    else:
        k = 0
    hfx = 0.5 * x
    hxs = x * hfx
    poly = _EXPM1_POLY[0]
    for coeff in _EXPM1_POLY[1:]:
        poly = coeff + hxs * poly
    r1 = 1 + hxs * poly
    t = 3 - r1 * hfx
    e = hxs * ((r1 - t) / (6.0 - x * t))
    if k == 0:
        return x - (x * e - hxs)
    e = x * (e - c) - c
    e -= hxs
    if k == -1:
        return 0.5 * (x - e) - 0.5
    if k == 1:
        if x < -0.25:
            return -2 * (e - (x + 0.5))
        return 1 + 2 * (x - e)
    if k <= -2 or k > 56:
        y = 1 - (e - x)
        return _add_exponent(y, k) - 1
    if k < 20:
        t = _float(0x3FF0000000000000 - (0x20000000000000 >> k))  # 1 - 2**-k
        return _add_exponent(t - (e - x), k)
    t = _float((0x3FF - k) << 52)  # 2**-k
    y = x - (e + t)
    y += 1
    return _add_exponent(y, k)


_EXPMULTI_POLY = (
    4.13813679705723846039e-08,
    -1.65339022054652515390e-06,
    6.61375632143793436117e-05,
    -2.77777777770155933842e-03,
    1.66666666666666657415e-01,
)


def math_exp2(x: float) -> float:
    """``math.Exp2``: ``2**x`` (Go's pure-Go method, which amd64 uses)."""
    if math.isnan(x):
        return x
    if x > 1.0239999999999999e03:
        return math.inf
    if x < -1.0740e03:
        return 0.0
    k = int(x + 0.5) if x > 0 else int(x - 0.5) if x < 0 else 0
    t = x - float(k)
    hi = t * _LN2_HI
    lo = -t * _LN2_LO
    r = hi - lo
    tt = r * r
    poly = _EXPMULTI_POLY[0]
    for coeff in _EXPMULTI_POLY[1:]:
        poly = coeff + tt * poly
    c = r - tt * poly
    y = 1 - ((lo - (r * c) / (2 - c)) - hi)
    return _ldexp(y, k)


# --- the rest


def math_hypot(p: float, q: float) -> float:
    """``math.Hypot`` as Go's amd64 assembly: ``max * sqrt(1 + (min/max)**2)``;
    +Inf if either is infinite, even with a NaN."""
    p, q = abs(p), abs(q)
    if math.isinf(p) or math.isinf(q):
        return math.inf
    if math.isnan(p) or math.isnan(q):
        return nan()
    if p == 0 and q == 0:
        return 0.0
    big, small = (p, q) if p > q else (q, p)
    ratio = small / big
    return big * math.sqrt(ratio * ratio + 1.0)


def math_cbrt(x: float) -> float:
    """``math.Cbrt``: an estimate from the bits, one rational step, then one
    Newton step (FreeBSD's method, as Go's)."""
    if x == 0 or math.isnan(x) or math.isinf(x):
        return x
    negative = x < 0
    x = abs(x)
    t = _float(_bits(x) // 3 + (715094163 << 32))
    if x < 2.22507385850720138309e-308:  # subnormal: scaled up by 2**54 first
        t = float(1 << 54) * x
        t = _float(_bits(t) // 3 + (696219795 << 32))
    r = t * t / x
    s = 5.42857142857142815906e-01 + r * t
    t *= 3.57142857142857150787e-01 + 1.60714285714285720630e00 / (
        s + 1.41428571428571436819e00 + -7.05306122448979611050e-01 / s
    )
    t = _float((_bits(t) & (0xFFFFFFFFC << 28)) + (1 << 30))
    s = t * t
    r = x / s
    w = t + t
    r = (r - t) / (w + r)
    t = t + t * r
    return -t if negative else t


_HALF_MAX = sys.float_info.max / 2
_TWICE_SMALLEST_NORMAL = math.ldexp(1.0, -1021)


def math_remainder(x: float, y: float) -> float:
    """``math.Remainder``: IEEE 754's, ``x - n*y`` with ``n`` the nearest whole
    number to ``x/y`` (the even one at a tie)."""
    if math.isnan(x) or math.isnan(y) or math.isinf(x) or y == 0:
        return nan()
    if math.isinf(y):
        return x
    negative = x < 0
    if negative:
        x = -x  # -0 stays -0
    y = abs(y)
    if x == y:
        return -0.0 if negative else 0.0
    if y <= _HALF_MAX:
        x = math.fmod(x, y + y)
    if y < _TWICE_SMALLEST_NORMAL:
        if x + x > y:
            x -= y
            if x + x >= y:
                x -= y
    else:
        half = 0.5 * y
        if x > half:
            x -= y
            if x >= half:
                x -= y
    return -x if negative else x


def math_frexp(f: float) -> tuple[float, int]:
    """``math.Frexp``: ``f = frac * 2**exp``, ``0.5 <= |frac| < 1``; ``(f, 0)`` for
    ±0, ±Inf and NaN."""
    frac, exp = math.frexp(f)
    return frac, exp


def math_ldexp(frac: float, exp: int) -> float:
    """``math.Ldexp``: ``frac * 2**exp``, rounded once; ±Inf past the largest float."""
    return _ldexp(frac, exp)


def math_modf(f: float) -> tuple[float, float]:
    """``math.Modf``: the whole and the fractional part, each with ``f``'s sign."""
    whole = _trunc(f)
    return whole, math.copysign(f - whole, f)


def math_nextafter32(x: float, y: float) -> float:
    """``math.Nextafter32``: the next float32 after ``x`` towards ``y``."""
    return _next_after(x, y, _bits32, _float32)


def _bits32(x: float) -> int:
    return int(struct.unpack("<I", struct.pack("<f", x))[0])


def _float32(bits: int) -> float:
    return float(struct.unpack("<f", struct.pack("<I", bits))[0])


def math_dim(x: float, y: float) -> float:
    """``math.Dim``: ``max(x-y, 0)``; NaN if either is."""
    v = x - y
    return 0.0 if v <= 0 else v


def math_nextafter(x: float, y: float) -> float:
    """``math.Nextafter``: the next float after ``x`` towards ``y``."""
    return _next_after(x, y, _bits, _float)


def _next_after(
    x: float, y: float, bits: Callable[[float], int], from_bits: Callable[[int], float]
) -> float:
    """The next float of a width after ``x`` towards ``y``: one step of its bits
    (``bits``, ``from_bits``: the width's encoding), away from zero where ``y``
    lies further out, else towards it."""
    if math.isnan(x) or math.isnan(y):
        return nan()
    if x == y:
        return x
    if x == 0:
        return math.copysign(from_bits(1), y)
    return from_bits(bits(x) + 1 if (y > x) == (x > 0) else bits(x) - 1)
