"""``strconv``: ``Atoi``, ``ParseInt``, ``ParseFloat``, ``ParseBool``, ``FormatInt``,
``FormatFloat``, ``Quote``, ``Unquote``, and their ``*strconv.NumError``.
"""

from __future__ import annotations

import decimal
import math
import re
import struct
import unicodedata
from collections.abc import Callable
from fractions import Fraction

import numpy

import simlab as sl
from simlab.errors import GoPanic, SimlabError

from ._builtins import CapSlice, appended, capacity
from ._errors import UNWRAPS_ONE, error_text, new_error
from ._numbers import nan
from ._strings import utf8_valid_rune
from ._values import _value_equal_op, struct_hash

_ATOI = re.compile(r"[+-]?[0-9]+")


ErrSyntax = new_error("invalid syntax")  # strconv.ErrSyntax
ErrRange = new_error("value out of range")  # strconv.ErrRange


class NumError(sl.GoError):
    """``*strconv.NumError``: the function that failed (``Func``), its input
    (``Num``) and why (``Err``: ``ErrSyntax`` or ``ErrRange``, what ``Unwrap``
    gives); ``strconv.Atoi: parsing "x": invalid syntax``."""

    __slots__ = ("Func", "Num", "Err")  # noqa: RUF023  # Go's order: fmt prints a value's fields
    go_signatures = UNWRAPS_ONE
    go_pointer_methods = ("Error", "Unwrap")  # a NumError value (v := *ne) prints its fields
    name = "*strconv.NumError"

    def __init__(self, Func: str = "", Num: str = "", Err: sl.GoError | None = None) -> None:
        # (Go's field names: a literal &strconv.NumError{Func: ..., Err: ...} names them)
        self.Func, self.Num, self.Err = Func, Num, Err

    @property
    def message(self) -> str:  # type: ignore[override]  # read when asked: ne.Num = "x" shows
        return f"strconv.{self.Func}: parsing {quote(self.Num)}: {error_text(self.Err)}"

    def Unwrap(self) -> sl.GoError | None:  # Go's name: errors.Is and As call it
        return self.Err


class _NumErrorValue:
    """A ``strconv.NumError`` value held in an interface (``var e any = *ne``): its
    fields, and not an error, since Go's Error method is on ``*NumError``."""

    __slots__ = ("Func", "Num", "Err")  # noqa: RUF023  # Go's order
    go_name = "strconv.NumError"
    go_struct = NumError
    __eq__ = _value_equal_op
    __hash__ = struct_hash


NumError.go_value_class = _NumErrorValue  # type: ignore[attr-defined]  # go.as_value's class


def atoi(s: str) -> tuple[int, NumError | None]:
    """``strconv.Atoi``: the int, or 0 and Go's error (a 64-bit int, as on amd64)."""
    if not _ATOI.fullmatch(s):
        return 0, NumError("Atoi", s, ErrSyntax)
    n = int(s)
    if not -(1 << 63) <= n < 1 << 63:
        clamped = (1 << 63) - 1 if n > 0 else -(1 << 63)
        return clamped, NumError("Atoi", s, ErrRange)
    return n, None


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def format_int(i: int, base: int) -> str:
    """``strconv.FormatInt``: ``i`` in ``base`` (2 to 36), lower-case digits."""
    if not 2 <= base <= 36:
        raise GoPanic("strconv: illegal AppendInt/FormatInt base")
    n, out = abs(i), ""
    while True:
        n, d = divmod(n, base)
        out = _DIGITS[d] + out
        if not n:
            return "-" + out if i < 0 else out


def append_int(dst: list[int], i: int, base: int) -> list[int]:
    """``strconv.AppendInt``: ``dst`` with ``FormatInt``'s digits after it, as
    ``append`` makes it."""
    return dst + list(format_int(i, base).encode())


def append_bool(dst: list[int], b: bool) -> list[int]:
    """``strconv.AppendBool``: ``dst`` with ``true`` or ``false`` after it."""
    return dst + list(b"true" if b else b"false")


_DECIMAL_FLOAT = re.compile(r"(\d(_?\d)*)?(\.(\d(_?\d)*)?)?([eE][+-]?\d(_?\d)*)?", re.ASCII)
_HEX_FLOAT = re.compile(
    r"0[xX](_?[0-9a-fA-F])*(\.([0-9a-fA-F](_?[0-9a-fA-F])*)?)?[pP][+-]?\d(_?\d)*", re.ASCII
)


def parse_float(s: str, bits: int) -> tuple[float, NumError | None]:
    """``strconv.ParseFloat``: Go's float literals (``1_000.5``, ``.5``, ``0x1p-2``),
    ``Inf``, ``Infinity`` and ``NaN`` in any case; else 0 and Go's error, or ±Inf
    and Go's range error for a value too large."""
    body = s[1:] if s[:1] in "+-" else s
    if body == s and s.lower() == "nan":
        return nan(), None  # math.NaN()'s bits, as Go's
    if body.lower() in ("inf", "infinity"):
        return float(s.lower().replace("infinity", "inf")), None
    if _HEX_FLOAT.fullmatch(body):
        exact = _hex_value(body)
        if exact is None:
            return 0.0, NumError("ParseFloat", s, ErrSyntax)  # 0x.p1: no digit
        x = _nearest_float(exact, bits)
        x = -x if s[:1] == "-" else x
    elif _DECIMAL_FLOAT.fullmatch(body) and any(
        c in "0123456789" for c in body.split("e")[0].split("E")[0]
    ):
        x = float(s.replace("_", ""))
        if bits == 32 and x != 0 and not math.isinf(x):
            x = _nearest_float(Fraction(s.replace("_", "")), 32)
    else:
        return 0.0, NumError("ParseFloat", s, ErrSyntax)
    if math.isinf(x):
        inf = math.copysign(math.inf, x)
        return inf, NumError("ParseFloat", s, ErrRange)
    return x, None


def _hex_value(body: str) -> Fraction | None:
    """The exact value of a hexadecimal float without its sign (``0x1.8p-3``), or
    None where its mantissa has no digit (``0x.p1``)."""
    mantissa, _, exponent = body[2:].replace("_", "").lower().partition("p")
    whole, _, fraction = mantissa.partition(".")
    if not whole + fraction:
        return None
    power = max(-5000, min(5000, int(exponent)))  # past either, ±Inf or 0 all the same
    return Fraction(int(whole + fraction, 16), 16 ** len(fraction)) * Fraction(2) ** power


# a float's bits of precision, its least normal exponent, and the power of two
# where its range ends
_FLOAT_FORMS = {32: (24, -126, 128), 64: (53, -1022, 1024)}


def _nearest_float(r: Fraction, bits: int) -> float:
    """The float32 or float64 nearest the exact ``r`` (ties to even), as Go's
    ParseFloat rounds once; ±Inf past the type's range. (Rounding a decimal to a
    float64 first, then to a float32, can round twice the wrong way.)"""
    precision, least, end = _FLOAT_FORMS[bits]
    magnitude = abs(r)
    if magnitude == 0:
        return 0.0
    exponent = magnitude.numerator.bit_length() - magnitude.denominator.bit_length()
    if magnitude < Fraction(2) ** exponent:
        exponent -= 1  # now 2**exponent <= magnitude < 2**(exponent + 1)
    quantum = Fraction(2) ** (max(exponent, least) - precision + 1)  # subnormals below 2**least
    steps, rest = divmod(magnitude, quantum)
    if rest * 2 > quantum or (rest * 2 == quantum and steps % 2 == 1):
        steps += 1
    x = math.inf if steps * quantum >= 2**end else float(steps * quantum)
    return -x if r < 0 else x


_INT_BASES = {"0x": 16, "0X": 16, "0o": 8, "0O": 8, "0b": 2, "0B": 2}


def parse_int(s: str, base: int, bits: int) -> tuple[int, NumError | None]:
    """``strconv.ParseInt``: ``s`` in ``base`` (0: by its prefix, ``0x1f``, ``0o17``,
    ``0b101``, ``017``, with ``_`` between digits), as an int of ``bits`` bits (0 for
    int's 64); out of range, the nearest and Go's range error."""
    body = s[1:] if s[:1] in "+-" else s
    if (err := _arguments_error("ParseInt", s, body, base, bits)) is not None:
        return 0, err
    return parse_any_int(s, base, bits)


def parse_any_int(s: str, base: int, bits: int) -> tuple[int, NumError | None]:
    """:func:`parse_int` of any width (``bits`` 65 for fmt's scan of a uint64)."""
    n = _unsigned(s[1:] if s[:1] in "+-" else s, base)
    if n is None:
        return 0, NumError("ParseInt", s, ErrSyntax)
    n = -n if s[:1] == "-" else n
    top = 1 << ((bits or 64) - 1)
    if not -top <= n < top:
        return (top - 1 if n > 0 else -top), NumError("ParseInt", s, ErrRange)
    return n, None


def parse_uint(s: str, base: int, bits: int) -> tuple[int, NumError | None]:
    """``strconv.ParseUint``: as :func:`parse_int`, without a sign; out of range, the
    largest value and Go's range error."""
    if (err := _arguments_error("ParseUint", s, s, base, bits)) is not None:
        return 0, err
    n = None if s[:1] in "+-" else _unsigned(s, base)
    if n is None:
        return 0, NumError("ParseUint", s, ErrSyntax)
    top = (1 << (bits or 64)) - 1
    if n > top:
        return top, NumError("ParseUint", s, ErrRange)
    return n, None


def _arguments_error(fn: str, s: str, body: str, base: int, bits: int) -> NumError | None:
    """Go's error for a base or a bit size the parser does not take (an empty
    ``body``, what follows a sign, is a syntax error first): ``invalid base 37``,
    ``invalid bit size 65``."""
    if body and not (base == 0 or 2 <= base <= 36):
        return NumError(fn, s, new_error(f"invalid base {base}"))
    if body and not 0 <= bits <= 64:
        return NumError(fn, s, new_error(f"invalid bit size {bits}"))
    return None


def _unsigned(body: str, base: int) -> int | None:
    """The number the unsigned ``body`` spells in ``base`` (0: by its prefix), or
    None where Go's parser finds a syntax error."""
    digits, literal = body, base == 0
    if literal:
        base = _INT_BASES.get(body[:2], 8 if body[:1] == "0" and len(body) > 1 else 10)
        digits = body[2:] if body[:2] in _INT_BASES else body
        prefixed = body[:2] in _INT_BASES or body[:1] == "0"  # an underscore may follow 0x, 0
        if ("_" in digits and not re.fullmatch(r"_?[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*", digits)) or (
            digits[:1] == "_" and not prefixed
        ):
            digits = "!"
        digits = digits.replace("_", "")
    elif body[:2].lower() == {16: "0x", 8: "0o", 2: "0b"}.get(base):
        return None  # a prefix only where the base is 0 (Python's int takes base's own;
        # in base 16, 0b is two digits)
    try:
        return int(digits, base) if digits and digits.isalnum() and digits.isascii() else None
    except ValueError:
        return None


_BOOLS = {"1": True, "t": True, "T": True, "TRUE": True, "true": True, "True": True}
_BOOLS |= {"0": False, "f": False, "F": False, "FALSE": False, "false": False, "False": False}


def parse_bool(s: str) -> tuple[bool, NumError | None]:
    """``strconv.ParseBool``: the spellings Go accepts, else false and Go's error."""
    if s in _BOOLS:
        return _BOOLS[s], None
    return False, NumError("ParseBool", s, ErrSyntax)


def _shortest(x: float, bits: int) -> tuple[str, int]:
    """The fewest decimal digits that read back as ``x`` (a float32 if ``bits`` is
    32), without trailing zeros, and the position of the decimal point: 0.25 is
    ``("25", 0)``, 120.0 ``("12", 3)``, zero ``("", 0)``."""
    text = str(numpy.float32(x)) if bits == 32 else repr(x)
    return _digits(decimal.Decimal(text))


def _digits(d: decimal.Decimal) -> tuple[str, int]:
    _, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # a finite number
    text = "".join(map(str, digits))
    if not text.strip("0"):
        return "", 0
    return text.rstrip("0"), len(text) + exponent


def _rounded(x: float, significant: int) -> tuple[str, int]:
    """``x``'s digits rounded to ``significant`` digits, half to even on its exact
    binary value, as strconv rounds them."""
    context = decimal.Context(prec=significant, rounding=decimal.ROUND_HALF_EVEN)
    return _digits(context.plus(decimal.Decimal(x)))


def _format_e(digits: str, point: int, prec: int, e: str) -> str:
    first, rest = (digits[:1] or "0"), digits[1:]
    text = first + ("." + rest[:prec].ljust(prec, "0") if prec > 0 else "")
    exp = point - 1 if digits else 0
    return f"{text}{e}{'-' if exp < 0 else '+'}{abs(exp):02d}"


def _format_f(digits: str, point: int, prec: int) -> str:
    whole = (digits[:point].ljust(point, "0") if point > 0 else "") or "0"
    frac = "".join(digits[point + i] if 0 <= point + i < len(digits) else "0" for i in range(prec))
    return whole + ("." + frac if prec > 0 else "")


def format_float(x: float, fmt: int, prec: int, bits: int, func: str = "FormatFloat") -> str:
    """``strconv.FormatFloat``: ``fmt`` one of 'f', 'e', 'E', 'g', 'G' (another is
    ``%`` and the byte, as Go's); ``prec`` -1 for the fewest digits that read back
    as ``x`` (as a float32 if ``bits`` is 32, the only other size Go has)."""
    if bits not in (32, 64):
        raise GoPanic(f"strconv: illegal {func} bitSize")
    if x != x:
        return "NaN"
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    verb = chr(fmt)
    if verb == "b":
        return _format_b(x, bits)
    if verb in "xX":
        if bits == 32:
            with numpy.errstate(over="ignore"):
                x = float(numpy.float32(x))
        if math.isinf(x):
            return "+Inf" if x > 0 else "-Inf"
        text = hex_float(x, prec if prec >= 0 else None)
        return text.upper() if verb == "X" else text
    sign = "-" if math.copysign(1, x) < 0 else ""
    if bits == 32:
        with numpy.errstate(over="ignore"):  # past its range: Inf, as Go's float32(x)
            x = abs(float(numpy.float32(x)))
    else:
        x = abs(x)
    if math.isinf(x):
        return (sign or "+") + "Inf"
    if verb not in "feEgG":
        return "%" + verb  # Go's text for a format it does not know
    if prec < 0:
        digits, point = _shortest(x, bits)
    elif verb == "f":
        digits, point = _digits(decimal.Decimal(f"{x:.{prec}f}"))
    elif verb in "eE":
        digits, point = _rounded(x, prec + 1)
    else:
        digits, point = _rounded(x, max(prec, 1))
    if verb == "f":
        return sign + _format_f(digits, point, prec if prec >= 0 else max(len(digits) - point, 0))
    if verb in "eE":
        return sign + _format_e(digits, point, prec if prec >= 0 else max(len(digits) - 1, 0), verb)
    # %g: %e for an exponent below -4 or at least the precision (6 for the fewest digits)
    eprec = 6 if prec < 0 else max(prec, 1)
    if prec >= 0 and eprec > len(digits) >= point:
        eprec = len(digits)
    if point - 1 < -4 or point - 1 >= eprec:
        shown = len(digits) if prec < 0 else min(max(prec, 1), len(digits))
        return sign + _format_e(digits, point, max(shown - 1, 0), "e" if verb == "g" else "E")
    shown = len(digits) if prec < 0 else max(prec, 1)
    return sign + _format_f(digits, point, max(min(shown, len(digits)) - point, 0))


def hex_float(x: float, precision: int | None = None) -> str:
    """``strconv.FormatFloat(x, 'x', precision, 64)`` and ``%x`` of a finite float: its
    binary digits in hex with a two-digit exponent, the fewest digits after the
    point, or ``precision`` of them (rounded half to even, or padded with zeros)."""
    sign = "-" if math.copysign(1, x) < 0 else ""
    if x == 0:
        return sign + "0x0" + ("." + "0" * precision if precision else "") + "p+00"
    m, e = math.frexp(abs(x))  # abs(x) = m * 2**e, 0.5 <= m < 1: a subnormal's too
    bits, e = int(m * (1 << 53)), e - 1  # 1.fraction: 53 bits, the 13 hex digits after it
    if precision is not None and precision < 13:
        drop = 4 * (13 - precision)
        half, rest = 1 << (drop - 1), bits & ((1 << drop) - 1)
        bits >>= drop
        if rest > half or (rest == half and bits & 1):
            bits += 1
        if bits >> (4 * precision + 1):  # rounded up to 2.0: 1.0 of the next power
            bits, e = bits >> 1, e + 1
        digits = format(bits - (1 << (4 * precision)), f"0{precision}x") if precision else ""
    else:
        digits = format(bits - (1 << 52), "013x")
        digits = digits.rstrip("0") if precision is None else digits.ljust(precision, "0")
    return f"{sign}0x1{'.' + digits if digits else ''}p{e:+03d}"


def _format_b(x: float, bits: int) -> str:
    """``FormatFloat(x, 'b', ...)``: the binary mantissa, an integer, then ``p`` and
    the power of two it is multiplied by (``1`` is ``4503599627370496p-52``)."""
    mant_bits, bias = (23, 127) if bits == 32 else (52, 1023)
    if bits == 32:
        with numpy.errstate(over="ignore"):  # beyond float32's range: an infinity, as Go's
            raw = int(numpy.float32(x).view(numpy.uint32))
    else:
        raw = struct.unpack("<Q", struct.pack("<d", x))[0]
    neg = raw >> (bits - 1)
    top = (1 << (bits - 1 - mant_bits)) - 1
    exp = (raw >> mant_bits) & top
    mant = raw & ((1 << mant_bits) - 1)
    if exp == top:
        return "NaN" if mant else "-Inf" if neg else "+Inf"
    if exp == 0:
        exp = 1  # a subnormal: no implicit leading bit
    else:
        mant |= 1 << mant_bits
    exp -= bias + mant_bits
    return f"{'-' if neg else ''}{mant}p{'+' if exp >= 0 else '-'}{abs(exp)}"


_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPES |= {"\v": "\\v", "\\": "\\\\", '"': '\\"'}


def quote_rune(r: int) -> str:
    """``strconv.QuoteRune`` (and ``%q`` of a rune): in single quotes, with Go's
    escapes, a single quote's too and a double quote's not; a number that is no
    rune (negative, a surrogate, past U+10FFFF) is U+FFFD, as Go's."""
    ch = chr(_valid_rune(r))
    if ch in "'\"":
        return "'\\''" if ch == "'" else "'\"'"
    return "'" + quote(ch)[1:-1] + "'"


def _valid_rune(r: int) -> int:
    return r if 0 <= r <= 0x10FFFF and not 0xD800 <= r <= 0xDFFF else 0xFFFD


def quote(text: str, graphic: bool = False) -> str:
    """``strconv.Quote`` (and ``%q``): Go's escapes for quotes, backslashes and control
    characters, a printable character as it is (with ``graphic``, as
    ``QuoteToGraphic``, a space of Unicode's too)."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch.isprintable() or (graphic and unicodedata.category(ch) == "Zs"):
            out.append(ch)
        elif ord(ch) < 0x80 or 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte not UTF-8's: see Bytes
            out.append(f"\\x{ord(ch) & 0xFF:02x}")
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def _ascii_only(quoted: str) -> str:
    """A quoted string or rune with each character past ASCII escaped, ``\\u00e9``
    (``\\U`` and eight digits past U+FFFF), as ``QuoteToASCII`` and ``%+q`` write it."""
    return "".join(
        c if ord(c) < 0x80 else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"
        for c in quoted
    )


def quote_to_ascii(text: str) -> str:
    """``strconv.QuoteToASCII``: as ``Quote``, with only ASCII characters."""
    return _ascii_only(quote(text))


def quote_rune_to_ascii(r: int) -> str:
    """``strconv.QuoteRuneToASCII``: as ``QuoteRune``, with only ASCII characters."""
    return _ascii_only(quote_rune(r))


def append_quote_rune(dst: list[int], r: int) -> list[int]:
    """``strconv.AppendQuoteRune``: ``dst`` with ``QuoteRune(r)``'s bytes after it."""
    return dst + list(quote_rune(r).encode())


def append_quote_rune_to_ascii(dst: list[int], r: int) -> list[int]:
    """``strconv.AppendQuoteRuneToASCII``."""
    return dst + list(quote_rune_to_ascii(r).encode())


def append_quote_to_ascii(dst: list[int], text: str) -> list[int]:
    """``strconv.AppendQuoteToASCII``."""
    return dst + list(quote_to_ascii(text).encode())


def quote_appended(
    dst: list[int], text: str, append: Callable[[list[int], str], list[int]]
) -> list[int]:
    """``strconv.AppendQuote(dst, text)`` (``append`` is :func:`append_quote`, or its
    ASCII or graphic form) in a program that asks ``cap``: where ``dst``'s room is
    less than ``text``'s bytes, Go's first makes a new array with ``dst``'s bytes and
    room for ``text`` and two quotes; then the quoted bytes are appended."""
    size = len(text.encode())
    if capacity(dst) - len(dst) < size:
        dst = CapSlice(list(dst), len(dst) + size + 2)
    return appended(dst, *append([], text), size=1)


def append_quote(dst: list[int], text: str) -> list[int]:
    """``strconv.AppendQuote``: ``dst`` with ``Quote(text)``'s bytes after it."""
    return dst + list(quote(text).encode())


def quote_to_graphic(text: str) -> str:
    """``strconv.QuoteToGraphic``: as ``Quote``, a space of Unicode's (U+00A0, U+3000)
    left as it is."""
    return quote(text, graphic=True)


def append_quote_to_graphic(dst: list[int] | None, text: str) -> list[int]:
    """``strconv.AppendQuoteToGraphic``."""
    return [*(dst or ()), *quote_to_graphic(text).encode()]


def append_quote_rune_to_graphic(dst: list[int] | None, r: int) -> list[int]:
    """``strconv.AppendQuoteRuneToGraphic``."""
    return [*(dst or ()), *quote_rune_to_graphic(r).encode()]


def quote_rune_to_graphic(r: int) -> str:
    """``strconv.QuoteRuneToGraphic``."""
    ch = chr(_valid_rune(r))
    if ch in "'\"":
        return quote_rune(r)
    return "'" + quote(ch, graphic=True)[1:-1] + "'"


def is_graphic(r: int) -> bool:
    """``strconv.IsGraphic``: as ``IsPrint``, or a space of Unicode's (category Zs)."""
    return is_print(r) or (0 <= r <= 0x10FFFF and unicodedata.category(chr(r)) == "Zs")


def can_backquote(s: str) -> bool:
    """``strconv.CanBackquote``: ``s`` can be a raw string literal: no control
    character but tab, no backquote, no DEL and no byte order mark."""
    return not any(
        (c < " " and c != "\t") or c in "`\x7f\ufeff" or 0xDC80 <= ord(c) <= 0xDCFF for c in s
    )


def unquote_char(s: str, q: int) -> tuple[int, bool, str, sl.GoError | None]:
    """``strconv.UnquoteChar``: the first character of the quoted literal's body
    ``s`` (an escape sequence or not), whether it is a rune past ASCII to write
    as UTF-8, and the rest of ``s``; ``0, false, "", ErrSyntax`` where it is no
    character of a literal in quotes ``q``."""
    quote_char = chr(q) if 0 <= q <= 0x10FFFF else ""
    if not s or (s[0] == quote_char and quote_char in "'\""):
        return 0, False, "", ErrSyntax
    char = _unquote_char(s, 0, quote_char)
    if char is None:
        return 0, False, "", ErrSyntax
    value, rune, after = char
    return value, rune, s[after:], None


def quoted_prefix(s: str) -> tuple[str, sl.GoError | None]:
    """``strconv.QuotedPrefix``: the Go string or rune literal at the start of ``s``
    (in double quotes, backquotes or single quotes), as it is written; ``"",
    ErrSyntax`` where ``s`` starts with none."""
    q = s[:1]
    if q == "`":
        end = s.find("`", 1)
        return (s[: end + 1], None) if end > 0 else ("", ErrSyntax)
    if q not in ('"', "'"):
        return "", ErrSyntax
    i, chars = 1, 0
    while i < len(s) and s[i] != q:
        char = _unquote_char(s, i, q) if s[i] != "\n" else None
        if char is None:
            return "", ErrSyntax
        i, chars = char[2], chars + 1
    if i >= len(s) or (q == "'" and chars != 1):
        return "", ErrSyntax
    return s[: i + 1], None


def is_print(r: int) -> bool:
    """``strconv.IsPrint``: a letter, a mark, a number, a punctuation mark, a symbol or
    the ASCII space, what ``Quote`` leaves as it is (by Python's Unicode database)."""
    return 0 <= r <= 0x10FFFF and chr(r).isprintable()


_SIMPLE_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
_ESCAPE_DIGITS = {"x": 2, "u": 4, "U": 8}  # how many hex digits follow each
_HEX_DIGITS = "0123456789abcdefABCDEF"


def _unquote_char(s: str, i: int, q: str) -> tuple[int, bool, int] | None:
    """The character of a quoted literal at ``s[i]``, an escape sequence or not: its
    value, whether it is a rune to write as UTF-8 (not a byte), and where the next
    one starts; None for a malformed escape."""
    c = s[i]
    if c != "\\":
        return ord(c), ord(c) >= 0x80, i + 1
    if i + 1 >= len(s):
        return None
    c, i = s[i + 1], i + 2
    if c in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[c], False, i
    if c in _ESCAPE_DIGITS:
        digits = s[i : i + _ESCAPE_DIGITS[c]]
        if len(digits) < _ESCAPE_DIGITS[c] or any(d not in _HEX_DIGITS for d in digits):
            return None
        value, after = int(digits, 16), i + len(digits)
        if c == "x":
            return value, False, after  # a byte, which may be no UTF-8 on its own
        return (value, True, after) if utf8_valid_rune(value) else None
    if c in "01234567":
        digits = s[i - 1 : i + 2]
        if len(digits) < 3 or any(d not in "01234567" for d in digits) or int(digits, 8) > 255:
            return None
        return int(digits, 8), False, i + 2
    if c in "'\"" and c == q:
        return ord(c), False, i
    return None


def unquote(s: str) -> tuple[str, sl.GoError | None]:
    """``strconv.Unquote``: the value of the Go string literal ``s`` (in double quotes,
    or a raw one in backquotes, its carriage returns dropped) or rune literal (in
    single quotes); ``"", strconv.ErrSyntax`` where ``s`` is not exactly one."""
    q = s[:1]
    end = s.find(q, 1) + 1  # just past the first closing quote (0: none)
    if len(s) < 2 or q not in "\"'`" or end == 0:
        return "", ErrSyntax
    if q == "`":
        return (s[1:-1].replace("\r", ""), None) if end == len(s) else ("", ErrSyntax)
    body = s[1 : end - 1]
    if "\\" not in body and "\n" not in body and (q == '"' or len(body) <= 1):
        return (body, None) if end == len(s) else ("", ErrSyntax)
    out, i = bytearray(), 1
    while i < len(s) and s[i] != q:
        char = _unquote_char(s, i, q) if s[i] != "\n" else None
        if char is None:
            return "", ErrSyntax
        value, rune, i = char
        out += chr(value).encode() if rune else bytes((value,))
        if q == "'":
            break  # one character
    if i != len(s) - 1 or s[i] != q:
        return "", ErrSyntax
    try:
        return out.decode(), None
    except UnicodeDecodeError:
        raise SimlabError(
            f"strconv.Unquote({quote(s)}) gives bytes that are not UTF-8 ({bytes(out)!r}):"
            " simlab's strings are text"
        ) from None


def append_float(dst: list[int], x: float, fmt: int, prec: int, bits: int) -> list[int]:
    """``strconv.AppendFloat``: ``dst`` with ``FormatFloat``'s text after it."""
    return dst + list(format_float(x, fmt, prec, bits, "AppendFloat").encode())
