"""``math/big``'s ``Int``: an integer of any size, a Python ``int`` held in a mutable
box, since Go's methods set their receiver (``z.Add(x, y)`` sets ``z`` and returns it);
and its ``Rat``, a fraction of two such boxes.

A ``*big.Int`` is one :class:`Int` object; two pointers are equal only when they are
the same object, as Go's ``==`` of pointers, so the class has no ``__eq__``.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from simlab import GoPanic

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_MASK64 = (1 << 64) - 1
_PREFIXES = {"0b": 2, "0o": 8, "0x": 16}


def _division_by_zero() -> GoPanic:
    return GoPanic("division by zero")  # big's own panic, a string, not a runtime.Error


def _decimal(x: int) -> str:
    """``x`` in decimal digits, of any length: Python's ``str`` refuses an int of
    more than 4,300 digits, a guard against slow conversions that Go does not have."""
    return str(x) if x.bit_length() < 14_000 else str(Decimal(x))


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
        """``z, r = x/y, x%y`` truncated; where ``z`` and ``r`` are one Int, it
        holds the remainder, set last, as Go's."""
        q, m = _quo_rem(x.v, y.v)
        z = self._set(q)
        r.v = m
        return z, r

    def Div(self, x: Int, y: Int) -> Int:
        """Euclidean division: the quotient whose remainder (:meth:`Mod`) is never negative."""
        return self._set(_div_mod(x.v, y.v)[0])

    def Mod(self, x: Int, y: Int) -> Int:
        return self._set(_div_mod(x.v, y.v)[1])

    def DivMod(self, x: Int, y: Int, m: Int) -> tuple[Int, Int]:
        """Euclidean division, as Go's computes it: :meth:`QuoRem`, then a negative
        remainder moved up by ``|y|`` (so ``z`` and ``m`` one Int ends as Go's does)."""
        y0 = y.v  # (QuoRem panics for a zero y)
        z, m = self.QuoRem(x, y, m)
        if m.v < 0:
            z._set(z.v + 1 if y0 < 0 else z.v - 1)
            m.v = m.v - y0 if y0 < 0 else m.v + y0
        return z, m

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

    def Bytes(self) -> list[int]:
        """``|x|`` as big-endian bytes, as few as hold it (none for 0)."""
        magnitude = abs(self.v)
        return list(magnitude.to_bytes((magnitude.bit_length() + 7) // 8, "big"))

    def SetBytes(self, buf: list[int] | None) -> Int:
        return self._set(int.from_bytes(bytes(buf or ()), "big"))

    def FillBytes(self, buf: list[int]) -> list[int]:
        """``|x|`` written into ``buf`` big-endian, zeros before it; Go's panic where
        ``buf`` is too short."""
        data = self.Bytes()
        if len(data) > len(buf):
            raise GoPanic("math/big: buffer too small to fit value")
        buf[:] = [0] * (len(buf) - len(data)) + data
        return buf

    def Append(self: Int | None, buf: list[int] | None, base: int) -> list[int]:
        """``buf`` and then ``x``'s digits in ``base``, a new slice."""
        return [*(buf or ()), *Int.Text(self, base).encode()]

    def String(self: Int | None) -> str:
        return "<nil>" if self is None else _decimal(self.v)

    def Text(self: Int | None, base: int) -> str:
        return "<nil>" if self is None else _text(self.v, base)

    def Format(self: Int | None, s: Any, verb: int) -> None:
        """fmt's ``Formatter``: the verb's base, Go's sign flags (``+``, space), ``#``
        prefixes, precision as a least number of digits, width padding; ``<nil>``
        for a nil ``*big.Int`` (``go.as_iface``'s), under every verb."""
        ch = chr(verb)
        base = {"b": 2, "o": 8, "O": 8, "d": 10, "s": 10, "v": 10, "x": 16, "X": 16}.get(ch)
        if base is None:
            s.write(f"%!{ch}(big.Int={Int.String(self)})")
            return
        if self is None:
            s.write("<nil>")
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


class Rat:
    """A ``big.Rat``: a fraction of two integers of any size, kept in lowest terms
    with a positive denominator, as Go's ``norm`` keeps it. The numerator and the
    denominator are :class:`Int` boxes, so ``x.Num()`` and ``x.Denom()`` are Go's
    references into ``x`` (a write through one changes ``x``). The zero ``Rat``
    (``new(big.Rat)``) is 0 with a denominator not yet set, for which ``Denom``
    returns a new 1, as Go's does. fmt prints it by its ``String`` method."""

    __slots__ = ("a", "b")
    go_name = "*big.Rat"

    def __init__(self) -> None:
        self.a = Int(0)
        self.b = Int(0)  # 0: not set yet, which reads as 1

    def _den(self) -> int:
        return self.b.v or 1

    def _set(self, num: int, den: int) -> Rat:
        if den == 0:
            raise _division_by_zero()
        if den < 0:
            num, den = -num, -den
        g = math.gcd(num, den)
        self.a.v, self.b.v = num // g, den // g
        return self

    def Set(self, x: Rat) -> Rat:
        if x is not self:
            self.a.v, self.b.v = x.a.v, x._den()
        return self

    def SetFrac(self, a: Int, b: Int) -> Rat:
        return self._set(a.v, b.v)

    def SetFrac64(self, a: int, b: int) -> Rat:
        return self._set(a, b)

    def SetInt(self, x: Int) -> Rat:
        return self._set(x.v, 1)

    def SetInt64(self, x: int) -> Rat:
        return self._set(x, 1)

    def SetUint64(self, x: int) -> Rat:
        return self._set(x, 1)

    def SetFloat64(self, f: float) -> Rat | None:
        """``z.SetFloat64(f)``: exactly ``f``, or nil where ``f`` is not finite."""
        if not math.isfinite(f):
            return None
        num, den = f.as_integer_ratio()
        return self._set(num, den)

    def SetString(self, s: str) -> tuple[Rat | None, bool]:
        """``z.SetString(s)``: ``(z, true)``, or ``(nil, false)`` where ``s`` is
        neither a fraction ``a/b`` (each an integer with Go's base prefixes, the
        divisor unsigned and not 0) nor a number with a radix point and an exponent
        (``e`` of base 10 or ``p`` of base 2; a mantissa with a prefix ``0b``, ``0o``
        or ``0x``, but a leading ``0`` is a decimal one)."""
        parsed = _parse_rat(s)
        if parsed is None:
            return None, False
        return self._set(*parsed), True

    def Abs(self, x: Rat) -> Rat:
        return self._set(abs(x.a.v), x._den())

    def Neg(self, x: Rat) -> Rat:
        return self._set(-x.a.v, x._den())

    def Inv(self, x: Rat) -> Rat:
        if x.a.v == 0:
            raise _division_by_zero()
        return self._set(x._den(), x.a.v)

    def Add(self, x: Rat, y: Rat) -> Rat:
        return self._set(x.a.v * y._den() + y.a.v * x._den(), x._den() * y._den())

    def Sub(self, x: Rat, y: Rat) -> Rat:
        return self._set(x.a.v * y._den() - y.a.v * x._den(), x._den() * y._den())

    def Mul(self, x: Rat, y: Rat) -> Rat:
        return self._set(x.a.v * y.a.v, x._den() * y._den())

    def Quo(self, x: Rat, y: Rat) -> Rat:
        if y.a.v == 0:
            raise _division_by_zero()
        return self._set(x.a.v * y._den(), x._den() * y.a.v)

    def Cmp(self, y: Rat) -> int:
        d = self.a.v * y._den() - y.a.v * self._den()
        return (d > 0) - (d < 0)

    def Sign(self) -> int:
        return (self.a.v > 0) - (self.a.v < 0)

    def IsInt(self) -> bool:
        return self._den() == 1

    def Num(self) -> Int:
        return self.a

    def Denom(self) -> Int:
        return self.b if self.b.v else Int(1)

    def Float64(self) -> tuple[float, bool]:
        """The ``float64`` nearest ``x``, and whether it is ``x`` exactly, as Go
        works them out (:func:`_quotient_float64`)."""
        f, exact = _quotient_float64(abs(self.a.v), self._den())
        return (-f if self.a.v < 0 else f), exact

    def String(self) -> str:
        return f"{_decimal(self.a.v)}/{_decimal(self._den())}"

    def RatString(self) -> str:
        return _decimal(self.a.v) if self.IsInt() else self.String()

    def FloatString(self, prec: int) -> str:
        """``x`` with ``prec`` digits after the radix point, the last rounded to
        nearest and a half away from zero; a negative ``x`` that rounds to zero
        keeps its sign (``-0.00``), as Go's."""
        num, den = abs(self.a.v), self._den()
        scale = 10 ** max(prec, 0)
        if den == 1:
            whole, frac = num, 0
        else:
            whole, rest = divmod(num, den)
            frac, twice = divmod(rest * scale, den)
            if 2 * twice >= den:
                frac += 1
                if frac >= scale:
                    whole, frac = whole + 1, frac - scale
        sign = "-" if self.a.v < 0 else ""
        if prec <= 0:
            return sign + _decimal(whole)
        digits = _decimal(frac)
        return f"{sign}{_decimal(whole)}.{'0' * (prec - len(digits))}{digits}"

    def FloatPrec(self) -> tuple[int, bool]:
        """The number of digits after the radix point of ``x``'s decimal form, up
        to where it repeats, and whether that many are exact: the larger power of
        2 and of 5 in the denominator, exact where nothing else divides it."""
        den, twos, fives = self._den(), 0, 0
        while den % 2 == 0:
            den, twos = den // 2, twos + 1
        while den % 5 == 0:
            den, fives = den // 5, fives + 1
        return max(twos, fives), den == 1


def new_rat(a: int, b: int) -> Rat:
    """``big.NewRat(a, b)``: ``a/b`` in lowest terms; big's division-by-zero panic
    where ``b`` is 0."""
    return Rat()._set(a, b)


_BITS = {2: 1, 8: 3, 16: 4}


def _parse_rat(s: str) -> tuple[int, int] | None:
    """The numerator and the denominator ``Rat.SetString`` reads in ``s``, or
    None where Go's reports failure."""
    if "/" in s:
        num_text, den_text = s.split("/", 1)
        num = _parse(num_text, 0)
        den = None if den_text[:1] in ("+", "-") else _parse(den_text, 0)
        return None if num is None or not den else (num, den)
    i, n = 0, len(s)
    negative = s[:1] == "-"
    if s[:1] in ("+", "-"):
        i = 1
    base, prev = 10, "start"
    if s[i : i + 2].lower() in _PREFIXES:
        base, prev, i = _PREFIXES[s[i : i + 2].lower()], "prefix", i + 2
    mantissa, digits, fraction = 0, 0, -1
    while i < n:
        c = s[i]
        d = _DIGITS.find(c.lower())
        if c == "_":
            if prev not in ("digit", "prefix"):
                return None
            prev = "_"
        elif c == "." and fraction < 0 and prev != "_":
            fraction, prev = 0, "."
        elif 0 <= d < base:
            mantissa, digits, prev = mantissa * base + d, digits + 1, "digit"
            fraction += fraction >= 0
        else:
            break
        i += 1
    if digits == 0 or prev == "_":
        return None
    exp, exp_base = 0, 10
    if i < n and s[i] in "eEpP":
        exp_base, i = 10 if s[i] in "eE" else 2, i + 1
        exp_text = s[i:].lstrip("+-")
        if len(s) - i - len(exp_text) > 1 or not exp_text:
            return None
        if exp_text[0] == "_" or exp_text[-1] == "_" or "__" in exp_text:
            return None
        if not exp_text.replace("_", "").isdigit():
            return None
        exp = int(exp_text.replace("_", ""))
        exp, i = -exp if s[i] == "-" else exp, n
    if i != n:
        return None
    if mantissa == 0:
        return 0, 1
    fraction = max(fraction, 0)
    exp2 = -fraction * _BITS.get(base, 1) + exp
    exp5 = (-fraction if base == 10 else 0) + (exp if exp_base == 10 else 0)
    if abs(exp5) > 1_000_000 or abs(exp2) > 10_000_000:
        return None  # Go's bound on the exponents
    num, den = mantissa, 1
    num, den = (num * 5**exp5, den) if exp5 >= 0 else (num, den * 5**-exp5)
    num, den = (num << exp2, den) if exp2 >= 0 else (num, den << -exp2)
    return (-num if negative else num), den


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
    underscores = prefixed = False
    if base == 0:
        base = 10
        if text[:2].lower() in _PREFIXES:
            base, text, underscores, prefixed = _PREFIXES[text[:2].lower()], text[2:], True, True
        elif text[:1] == "0" and len(text) > 1:
            base, text, underscores, prefixed = 8, text[1:], True, True
        else:
            underscores = True
    if prefixed and text[:1] == "_":
        text = text[1:]  # 0x_1f: an underscore may follow the prefix, as in a Go literal
        if text[:1] == "_":
            return None
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


def _quotient_float64(a: int, b: int) -> tuple[float, bool]:
    """``a / b`` (``a >= 0``, ``b > 0``) as Go's ``Rat.Float64`` rounds it: 54 bits of
    quotient, a subnormal's shifted into place, then to nearest even; exact where no
    bit was lost. Past the largest float64 it is an infinity, not exact; far below
    the smallest subnormal it is 0, and exact where the division left no remainder
    (1/2**1100: Go's own answer)."""
    if a == 0:
        return 0.0, True
    exp = a.bit_length() - b.bit_length()
    shift = 54 - exp  # the quotient's bits: 53 of the float's and one to round by
    q, r = divmod(a << shift, b) if shift > 0 else divmod(a, b << -shift)
    mantissa, remainder = q & (1 << 64) - 1, r != 0
    if mantissa >> 54 == 1:
        remainder = remainder or bool(mantissa & 1)
        mantissa >>= 1
        exp += 1
    if -1074 <= exp <= -1022:  # a subnormal: fewer bits of mantissa
        lost = -1022 - (exp - 1)
        remainder = remainder or bool(mantissa & (1 << lost) - 1)
        mantissa >>= lost
        exp = -1021
    exact = not remainder
    if mantissa & 1:
        exact = False
        if remainder or mantissa & 2:
            mantissa += 1
            if mantissa >= 1 << 54:
                mantissa >>= 1
                exp += 1
    try:
        return math.ldexp(mantissa >> 1, exp - 53), exact
    except OverflowError:
        return math.inf, False
