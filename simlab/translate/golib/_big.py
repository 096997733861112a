"""``math/big``'s ``Int``: an integer of any size, a Python ``int`` held in a mutable
box, since Go's methods set their receiver (``z.Add(x, y)`` sets ``z`` and returns it).

A ``*big.Int`` is one :class:`Int` object; two pointers are equal only when they are
the same object, as Go's ``==`` of pointers, so the class has no ``__eq__``.
"""

from __future__ import annotations

import math
from typing import Any

from simlab import GoPanic

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_MASK64 = (1 << 64) - 1
_PREFIXES = {"0b": 2, "0o": 8, "0x": 16}


def _division_by_zero() -> GoPanic:
    return GoPanic("division by zero")  # big's own panic, a string, not a runtime.Error


def _signed64(bits: int) -> int:
    return bits - (1 << 64) if bits >> 63 else bits


class Int:
    """A ``big.Int``: ``new(big.Int)`` and the zero ``big.Int`` are 0, ``big.NewInt(x)``
    is ``x``. fmt prints it by its ``Format`` method, as Go's (``%d``, ``%x``, ``%b``,
    ``%o``, ``%O``, ``%s``, ``%v`` with Go's flags, width and precision)."""

    __slots__ = ("v",)
    go_name = "*big.Int"
    go_formatter = "pointer"

    def __init__(self, value: int = 0) -> None:
        self.v = value

    def _set(self, value: int) -> Int:
        self.v = value
        return self

    def Set(self, x: Int) -> Int:
        return self._set(x.v)

    def SetInt64(self, x: int) -> Int:
        return self._set(x)

    def SetUint64(self, x: int) -> Int:
        return self._set(x)

    def SetBit(self, x: Int, i: int, b: int) -> Int:
        if b not in (0, 1):
            raise GoPanic("set bit is not 0 or 1")
        return self._set(x.v | (1 << i) if b else x.v & ~(1 << i))

    def SetString(self, s: str, base: int) -> tuple[Int | None, bool]:
        """``z.SetString(s, base)``: ``(z, true)``, or ``(nil, false)`` where ``s`` is
        no integer in ``base`` (2 to 62; 0 reads Go's prefixes ``0b``, ``0o``, ``0x``
        and ``0``, and ``_`` between digits)."""
        value = _parse(s, base)
        if value is None:
            return None, False
        return self._set(value), True

    def Add(self, x: Int, y: Int) -> Int:
        return self._set(x.v + y.v)

    def Sub(self, x: Int, y: Int) -> Int:
        return self._set(x.v - y.v)

    def Mul(self, x: Int, y: Int) -> Int:
        return self._set(x.v * y.v)

    def Neg(self, x: Int) -> Int:
        return self._set(-x.v)

    def Abs(self, x: Int) -> Int:
        return self._set(abs(x.v))

    def Quo(self, x: Int, y: Int) -> Int:
        """Division truncated toward zero, as Go's ``/`` of integers."""
        return self._set(_quo_rem(x.v, y.v)[0])

    def Rem(self, x: Int, y: Int) -> Int:
        """The remainder of :meth:`Quo`, with the sign of ``x``."""
        return self._set(_quo_rem(x.v, y.v)[1])

    def QuoRem(self, x: Int, y: Int, r: Int) -> tuple[Int, Int]:
        q, m = _quo_rem(x.v, y.v)
        r.v = m
        return self._set(q), r

    def Div(self, x: Int, y: Int) -> Int:
        """Euclidean division: the quotient whose remainder (:meth:`Mod`) is never negative."""
        return self._set(_div_mod(x.v, y.v)[0])

    def Mod(self, x: Int, y: Int) -> Int:
        return self._set(_div_mod(x.v, y.v)[1])

    def DivMod(self, x: Int, y: Int, m: Int) -> tuple[Int, Int]:
        q, r = _div_mod(x.v, y.v)
        m.v = r
        return self._set(q), m

    def Exp(self, x: Int, y: Int, m: Int | None) -> Int | None:
        """``x**y mod |m|``; with ``m`` nil or 0, ``x**y``, which is 1 for ``y <= 0``;
        a negative ``y`` with ``m`` uses the inverse of ``x``, and gives nil (``z``
        unchanged) where there is none."""
        modulus = 0 if m is None else abs(m.v)
        if modulus == 0:
            return self._set(x.v**y.v if y.v > 0 else 1)
        try:
            return self._set(pow(x.v, y.v, modulus))
        except ValueError:  # no inverse
            return None

    def ModInverse(self, g: Int, n: Int) -> Int | None:
        if n.v == 0:
            raise _division_by_zero()
        try:
            return self._set(pow(g.v, -1, abs(n.v)))
        except ValueError:
            return None

    def GCD(self, x: Int | None, y: Int | None, a: Int, b: Int) -> Int:
        """The greatest common divisor of ``a`` and ``b``, never negative; ``x`` and
        ``y``, where not nil, are set to Bézout's coefficients, ``z = a*x + b*y``, the
        ones Euclid's extended algorithm gives (``y`` is 0 where ``b`` is 0, as Go's)."""
        g, s = _extended_gcd(a.v, b.v) if a.v or b.v else (0, 0)
        if x is not None:
            x.v = s
        if y is not None:
            y.v = 0 if b.v == 0 else (g - a.v * s) // b.v
        return self._set(g)

    def Sqrt(self, x: Int) -> Int:
        if x.v < 0:
            raise GoPanic("square root of negative number")
        return self._set(math.isqrt(x.v))

    def Binomial(self, n: int, k: int) -> Int:
        return self._set(math.comb(n, k) if 0 <= k <= n else 0)

    def MulRange(self, a: int, b: int) -> Int:
        """The product of the integers from ``a`` to ``b``: 1 where the range is empty."""
        if a > b:
            return self._set(1)
        if a <= 0 <= b:
            return self._set(0)
        return self._set(math.prod(range(a, b + 1)))

    def Lsh(self, x: Int, n: int) -> Int:
        return self._set(x.v << n)

    def Rsh(self, x: Int, n: int) -> Int:
        return self._set(x.v >> n)  # toward minus infinity, as Go's for a negative x

    def And(self, x: Int, y: Int) -> Int:
        return self._set(x.v & y.v)

    def Or(self, x: Int, y: Int) -> Int:
        return self._set(x.v | y.v)

    def Xor(self, x: Int, y: Int) -> Int:
        return self._set(x.v ^ y.v)

    def Not(self, x: Int) -> Int:
        return self._set(~x.v)

    def AndNot(self, x: Int, y: Int) -> Int:
        return self._set(x.v & ~y.v)

    def Cmp(self, y: Int) -> int:
        return (self.v > y.v) - (self.v < y.v)

    def CmpAbs(self, y: Int) -> int:
        return (abs(self.v) > abs(y.v)) - (abs(self.v) < abs(y.v))

    def Sign(self) -> int:
        return (self.v > 0) - (self.v < 0)

    def BitLen(self) -> int:
        return abs(self.v).bit_length()

    def Bit(self, i: int) -> int:
        return (self.v >> i) & 1  # a negative x in two's complement, as Go's

    def TrailingZeroBits(self) -> int:
        magnitude = abs(self.v)
        return (magnitude & -magnitude).bit_length() - 1 if magnitude else 0

    def Int64(self) -> int:
        """The low 64 bits of ``|x|`` with ``x``'s sign, as an int64: Go leaves a
        value out of range undefined, and gives this."""
        low = _signed64(abs(self.v) & _MASK64)
        return _signed64(-low & _MASK64) if self.v < 0 else low

    def Uint64(self) -> int:
        return abs(self.v) & _MASK64  # the sign is dropped, as Go's

    def IsInt64(self) -> bool:
        return -(1 << 63) <= self.v < 1 << 63

    def IsUint64(self) -> bool:
        return 0 <= self.v <= _MASK64

    def ProbablyPrime(self, n: int) -> bool:
        """Whether ``x`` is prime: exact below 2**64, as Go's; above, Miller-Rabin
        with fixed bases, where Go adds random ones and a Lucas test (they differ
        only on a composite that passes every base here)."""
        if n < 0:
            raise GoPanic("negative n for ProbablyPrime")
        return _is_prime(self.v)

    def String(self: Int | None) -> str:
        return "<nil>" if self is None else str(self.v)

    def Text(self, base: int) -> str:
        return _text(self.v, base)

    def Format(self, s: Any, verb: int) -> None:
        """fmt's ``Formatter``: the verb's base, Go's sign flags (``+``, space), ``#``
        prefixes, precision as a least number of digits, width padding."""
        ch = chr(verb)
        base = {"b": 2, "o": 8, "O": 8, "d": 10, "s": 10, "v": 10, "x": 16, "X": 16}.get(ch)
        if base is None:
            s.write(f"%!{ch}(big.Int={self.v})")
            return
        sign = "-" if self.v < 0 else "+" if s.flag(ord("+")) else " " if s.flag(ord(" ")) else ""
        prefix = "0o" if ch == "O" else ""
        if s.flag(ord("#")):
            prefix = {"b": "0b", "o": "0", "x": "0x", "X": "0X"}.get(ch, prefix)
        digits = _text(abs(self.v), base)
        if ch == "X":
            digits = digits.upper()
        zeros = 0
        precision, has_precision = s.precision()
        if has_precision:
            if precision == 0 and digits == "0":
                return  # a zero under %.0d prints nothing
            zeros = max(precision - len(digits), 0)
        left = right = 0
        width, has_width = s.width()
        pad = width - (len(sign) + len(prefix) + zeros + len(digits)) if has_width else 0
        if pad > 0:
            if s.flag(ord("-")):
                right = pad
            elif s.flag(ord("0")) and not has_precision:
                zeros = pad
            else:
                left = pad
        s.write(" " * left + sign + prefix + "0" * zeros + digits + " " * right)


def new_int(x: int) -> Int:
    """``big.NewInt(x)``."""
    return Int(x)


def _quo_rem(x: int, y: int) -> tuple[int, int]:
    if y == 0:
        raise _division_by_zero()
    q = abs(x) // abs(y)
    q = q if (x < 0) == (y < 0) else -q
    return q, x - q * y


def _div_mod(x: int, y: int) -> tuple[int, int]:
    if y == 0:
        raise _division_by_zero()
    m = x % abs(y)
    return (x - m) // y, m


def _extended_gcd(a: int, b: int) -> tuple[int, int]:
    """``(g, s)``: ``g = gcd(a, b) >= 0`` and ``s`` with ``a*s = g (mod b)``, by
    Euclid's extended algorithm on ``|a|`` and ``|b|``."""
    old_r, r, old_s, s = abs(a), abs(b), 1, 0
    while r:
        q = old_r // r
        old_r, r = r, old_r - q * r
        old_s, s = s, old_s - q * s
    return old_r, old_s if a >= 0 else -old_s


def _text(x: int, base: int) -> str:
    if not 2 <= base <= 62:
        raise GoPanic("invalid base")
    if x == 0:
        return "0"
    digits, magnitude = [], abs(x)
    while magnitude:
        magnitude, d = divmod(magnitude, base)
        digits.append(_DIGITS[d])
    return ("-" if x < 0 else "") + "".join(reversed(digits))


def _parse(s: str, base: int) -> int | None:
    text, negative = s, False
    if text[:1] in ("+", "-"):
        text, negative = text[1:], text[0] == "-"
    underscores = False
    if base == 0:
        base = 10
        if text[:2].lower() in _PREFIXES:
            base, text, underscores = _PREFIXES[text[:2].lower()], text[2:], True
        elif text[:1] == "0" and len(text) > 1:
            base, text, underscores = 8, text[1:], True
        else:
            underscores = True
    if not text or not 2 <= base <= 62:
        return None
    if underscores:
        if text.startswith("_") or text.endswith("_") or "__" in text:
            return None
        text = text.replace("_", "")
    value = 0
    for c in text:
        d = _DIGITS.find(c) if base > 36 else _DIGITS.find(c.lower())
        if d < 0 or d >= base:
            return None
        value = value * base + d
    return -value if negative else value


_SMALL_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
_MORE_BASES = (41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113)


def _is_prime(x: int) -> bool:
    if x < 2:
        return False
    for p in _SMALL_PRIMES:
        if x % p == 0:
            return x == p
    d, r = x - 1, 0
    while d % 2 == 0:
        d, r = d // 2, r + 1
    bases = _SMALL_PRIMES if x < 1 << 64 else _SMALL_PRIMES + _MORE_BASES
    for a in bases:
        y = pow(a, d, x)
        if y in (1, x - 1):
            continue
        for _ in range(r - 1):
            y = y * y % x
            if y == x - 1:
                break
        else:
            return False
    return True
