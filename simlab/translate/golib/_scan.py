"""``fmt.Sscan``, ``Sscanln``, ``Sscanf`` and their ``Fscan`` forms: values read
back from text.

Each operand is a pointer (a Ref: ``p.v`` is ``*p``) with the name of the basic type
it points to, ``(x, "int8")``: the front end knows it, golib could not tell an int8's
Ref from an int's. Reading follows fmt's rules: every verb but %c skips the spaces
before its text; a width caps the characters the verb reads; Sscan takes newlines
for spaces, Sscanf wants them where its format has them. A failure is the error Go
returns (io.EOF, io.ErrUnexpectedEOF, a *strconv.NumError, or fmt's own text) and
the count of operands stored before it.

An Fscan reads its reader a rune at a time as the scan needs one, so that over a
pipe it waits where Go's waits; the rune it reads past the text it takes is put
back into a reader with UnreadRune (a ``*strings.Reader``, a ``*bufio.Reader``, a
``bytes.Buffer``) and lost from any other, as in Go.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Generator
from inspect import isgenerator
from typing import Any, NoReturn

import numpy

from ._errors import new_error
from ._io import EOF, Buffer, ErrUnexpectedEOF, _at_once
from ._strconv import ErrSyntax, NumError, atoi, parse_any_int, parse_float
from ._strings import _SPACES, string_of, utf8_decode_rune, utf8_full_rune
from ._text import BufReader, StringsReader, _library_reader, _one_read
from ._values import BasicPointer

_SCAN_INTS = {  # an integer type: its bits, and whether it is signed
    "int": (64, True),
    "int8": (8, True),
    "int16": (16, True),
    "int32": (32, True),
    "int64": (64, True),
    "uint": (64, False),
    "uint8": (8, False),
    "uint16": (16, False),
    "uint32": (32, False),
    "uint64": (64, False),
    "uintptr": (64, False),
}
_DECIMAL, _OCTAL, _BINARY = "0123456789", "01234567", "01"
_HEXADECIMAL = "0123456789aAbBcCdDeEfF"
_NO_WIDTH = sys.maxsize


class _ScanFailed(Exception):
    """Ends a scan: ``err`` is what Sscan or Sscanf returns."""

    def __init__(self, err: Any) -> None:
        super().__init__(err)
        self.err = err


class _NeedMore(Exception):
    """Ends a scan of a reader that read past the characters read from it so far:
    the scan runs again from the start once one more has been read."""


class _Scan:
    """One Sscan or Sscanf: the input, how far it has been read, and how many
    characters the verb being read may still take. The input of an Fscan is what
    has been read from its reader so far, and ``end`` what a read past it gives:
    io.EOF, another error of the reader's, or None where a read may give more."""

    def __init__(self, text: str, newline_is_space: bool, end: Any = EOF) -> None:
        self.text, self.pos, self.end = text, 0, end
        self.count, self.limit = 0, _NO_WIDTH
        self.newline_is_space = newline_is_space

    def read(self) -> str:
        """The next character, "" at the end of the input or of the width."""
        if self.count >= self.limit:
            return ""
        if self.pos >= len(self.text):
            if self.end is None:
                raise _NeedMore
            if self.end is not EOF:
                raise _ScanFailed(self.end)
            return ""
        self.pos += 1
        self.count += 1
        return self.text[self.pos - 1]

    def unread(self) -> None:
        self.pos -= 1
        self.count -= 1

    def accept(self, chars: str) -> str:
        """The next character if it is one of ``chars`` (read), else ""."""
        c = self.read()
        if c and c in chars:
            return c
        if c:
            self.unread()
        return ""

    def must_read(self) -> str:
        c = self.read()
        if not c:
            raise _ScanFailed(ErrUnexpectedEOF)
        return c

    def fail(self, text: str) -> NoReturn:
        raise _ScanFailed(new_error(text))

    def not_at_end(self) -> None:
        if not self.read():
            raise _ScanFailed(EOF)
        self.unread()

    def skip_space(self) -> None:
        while c := self.read():
            if c == "\n" and not self.newline_is_space:
                self.fail("unexpected newline")
            if ord(c) not in _SPACES:
                self.unread()
                return

    def check_verb(self, verb: str, verbs: str, what: str) -> None:
        if verb not in verbs:
            self.fail(f"bad verb '%{verb}' for {what}")

    def match(self, format: str, i: int) -> int:
        """Reads what ``format[i:]`` says up to its next verb: a run of spaces there
        takes one or more spaces of the input (or none at its end), a newline takes
        the input's spaces up to a newline (or the end), the spaces after it those
        after the input's newline; another character, %% too, must be the next
        one. The index of the verb (or of the format's end); -1 for a character
        the input lacks."""
        while i < len(format):
            if ord(format[i]) in _SPACES:
                newlines, trailing = 0, False
                while i < len(format) and ord(format[i]) in _SPACES:
                    newlines += format[i] == "\n"
                    trailing = format[i] != "\n"
                    i += 1
                for _ in range(newlines):
                    c = self.read()
                    while c and c != "\n" and ord(c) in _SPACES:
                        c = self.read()
                    if c and c != "\n":
                        self.fail("newline in format does not match input")
                if trailing:
                    c = self.read()
                    if not newlines:
                        if c and ord(c) not in _SPACES:
                            self.fail("expected space in input to match format")
                        if c == "\n":
                            self.fail("newline in input does not match format")
                    while c and c != "\n" and ord(c) in _SPACES:
                        c = self.read()
                    if c:
                        self.unread()
                continue
            if format[i] == "%":
                if i + 1 == len(format):
                    self.fail("missing verb: % at end of format string")
                if format[i + 1] != "%":
                    return i
                i += 1  # %% is a literal %
            if self.must_read() != format[i]:
                self.unread()
                return -1
            i += 1
        return i

    def scan(self, verb: str, target: tuple[Any, str]) -> None:
        """Reads one operand by ``verb`` and stores it through its pointer."""
        ref, kind = target
        if type(ref) is BasicPointer:
            ref = ref.ref  # &d of a time.Duration: the variable it points to
        if kind in _SCAN_INTS:
            ref.v = self.integer(verb, *_SCAN_INTS[kind])
        elif kind in ("float32", "float64"):
            self.check_verb(verb, "beEfFgGv", kind)
            self.skip_space()
            self.not_at_end()
            ref.v = self.to_float(self.float_token(), 32 if kind == "float32" else 64)
        elif kind == "string":
            ref.v = self.string(verb)
        else:
            ref.v = self.boolean(verb)

    def integer(self, verb: str, bits: int, signed: bool) -> int:
        if verb == "c":  # one character, spaces too
            self.not_at_end()
            c = self.read()
            if ord(c) != _wrap_signed(ord(c), bits):
                self.fail(f"overflow on character value {c}")
            return ord(c)
        self.skip_space()
        self.not_at_end()
        self.check_verb(verb, "bdoUxXv", "integer")
        base, digits = {"b": (2, _BINARY), "o": (8, _OCTAL)}.get(verb, (10, _DECIMAL))
        if verb in "xXU":
            base, digits = 16, _HEXADECIMAL
        token, seen = "", False
        if verb == "U":  # U+1F600
            if not self.accept("U") or not self.accept("+"):
                self.fail("bad unicode format ")
        else:
            token = self.accept("+-") if signed else ""
            if verb == "v":  # a prefix gives the base, as in Go's literals; _ between digits
                base, digits = 0, _DECIMAL + "_"
                if self.accept("0"):
                    token, seen = token + "0", True
                    digits = _OCTAL + "_"
                    for marks, chars in (("bB", _BINARY), ("oO", _OCTAL), ("xX", _HEXADECIMAL)):
                        if mark := self.accept(marks):
                            token, digits = token + mark, chars + "_"
                            break
        while c := self.accept(digits):
            token, seen = token + c, True
        if not seen:
            self.not_at_end()
            self.fail("expected integer")
        # parsed as a 64-bit value first (strconv's error beyond that), then fitted
        n, err = parse_any_int(token, base, 64 if signed else 65)
        if err is not None:
            raise _ScanFailed(err if signed else NumError("ParseUint", token, err.Err))
        if signed and n != _wrap_signed(n, bits):
            self.fail(f"integer overflow on token {token}")
        if not signed and n >> bits:
            self.fail(f"unsigned integer overflow on token {token}")
        return n

    def float_token(self) -> str:
        """The text of a float: NaN, a sign, Inf, or digits (hex after 0x) with a
        point, an exponent (e or p) and _ between digits; parsed afterwards."""
        token = self.accept("nN")
        if token and (a := self.accept("aA")):
            token += a
            if n := self.accept("nN"):
                return token + n
        token += self.accept("+-")
        if i := self.accept("iI"):
            token += i
            if n := self.accept("nN"):
                token += n
                if f := self.accept("fF"):
                    return token + f
        digits, exponent = _DECIMAL + "_", "eEpP"
        if zero := self.accept("0"):
            token += zero
            if x := self.accept("xX"):
                token, digits, exponent = token + x, _HEXADECIMAL + "_", "pP"
        while c := self.accept(digits):
            token += c
        if point := self.accept("."):
            token += point
            while c := self.accept(digits):
                token += c
        if e := self.accept(exponent):
            token += e + self.accept("+-")
            while c := self.accept(_DECIMAL + "_"):
                token += c
        return token

    def to_float(self, token: str, bits: int) -> float:
        p = token.find("p")
        if p >= 0 and "x" not in token and "X" not in token:  # 1.5p3: 1.5 * 2**3
            mantissa, err = parse_float(token[:p], bits)
            if err is not None:
                raise _ScanFailed(NumError("ParseFloat", token, err.Err))
            exponent, err = atoi(token[p + 1 :])
            if err is not None:
                raise _ScanFailed(NumError("Atoi", token, err.Err))
            try:
                x = math.ldexp(mantissa, exponent)
            except OverflowError:
                x = math.copysign(math.inf, mantissa)
            if bits == 32:
                with numpy.errstate(over="ignore"):
                    x = float(numpy.float32(x))
            return x
        x, err = parse_float(token, bits)
        if err is not None:
            raise _ScanFailed(err)
        return x

    def string(self, verb: str) -> str:
        self.check_verb(verb, "svqxX", "string")
        self.skip_space()
        self.not_at_end()
        if verb == "q":
            return self.quoted()
        if verb in "xX":
            return self.hex_bytes()
        out = []
        while (c := self.read()) and ord(c) not in _SPACES:
            out.append(c)
        if c:
            self.unread()
        return "".join(out)

    def quoted(self) -> str:
        """A Go string literal, "..." with its escapes or `...` as it is."""
        quote = self.read()
        if quote == "`":
            out = []
            while (c := self.must_read()) != "`":
                out.append(c)
            return "".join(out)
        if quote != '"':
            self.fail("expected quoted string")
        literal = [quote]
        while True:
            c = self.must_read()
            literal.append(c)
            if c == "\\":
                literal.append(self.must_read())  # the escaped character, a quote too
            elif c == '"':
                break
        text = _unquote("".join(literal))
        if text is None:
            raise _ScanFailed(ErrSyntax)
        return text

    def hex_bytes(self) -> str:
        """Pairs of hex digits, the bytes of the string."""
        data = []
        while (c := self.read()) and c in _HEXADECIMAL:
            low = self.must_read()
            if low not in _HEXADECIMAL:
                self.fail("illegal hex digit")
            data.append(int(c + low, 16))
        if c:
            self.unread()
        if not data:
            self.fail("no hex data for %x string")
        return string_of(data)

    def boolean(self, verb: str) -> bool:
        """1, 0, t, f, true, false in any case; another character is false, read."""
        self.skip_space()
        self.not_at_end()
        self.check_verb(verb, "tv", "boolean")
        c = self.read()
        if c in "tT":
            if self.accept("rR") and not (self.accept("uU") and self.accept("eE")):
                raise _ScanFailed(_BOOL_SYNTAX)
            return True
        if c in "fF":
            if self.accept("aA") and not (
                self.accept("lL") and self.accept("sS") and self.accept("eE")
            ):
                raise _ScanFailed(_BOOL_SYNTAX)
            return False
        return c == "1"


_BOOL_SYNTAX = new_error("syntax error scanning boolean")


def _wrap_signed(n: int, bits: int) -> int:
    """``n`` wrapped to a signed integer of ``bits`` bits."""
    half = 1 << (bits - 1)
    return (n + half) % (1 << bits) - half


_UNQUOTE_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, '"': 34}


def _unquote(literal: str) -> str | None:
    """``strconv.Unquote`` of a double-quoted literal: its text, None where Go's
    gives ErrSyntax (an unknown escape, a newline, a \\u that is no character)."""
    body, out, i = literal[1:-1], bytearray(), 0
    if "\n" in body:
        return None
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode()
            i += 1
            continue
        e = body[i + 1 : i + 2]
        if e in _UNQUOTE_ESCAPES:
            out.append(_UNQUOTE_ESCAPES[e])
            i += 2
            continue
        size = {"x": 2, "u": 4, "U": 8}.get(e, 3 if e and e in _OCTAL else 0)
        digits = body[i + 2 : i + 2 + size] if e in "xuU" else body[i + 1 : i + 4]
        valid = _HEXADECIMAL if e in "xuU" else _OCTAL
        if not size or len(digits) != size or any(d not in valid for d in digits):
            return None
        value = int(digits, 16 if e in "xuU" else 8)
        if e in "uU":
            if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
                return None
            out += chr(value).encode()
        elif value > 255:
            return None
        else:
            out.append(value)
        i += (2 if e in "xuU" else 1) + size
    return string_of(list(out))


def sscan(text: str, *targets: tuple[Any, str]) -> tuple[int, Any]:
    """``fmt.Sscan(text, &a, &b)``: each operand by ``%v``, newlines counted as
    spaces; the operands stored, and nil or the error that stopped it."""
    return _scan_operands(_Scan(text, newline_is_space=True), targets, newline_ends=False)


def sscanln(text: str, *targets: tuple[Any, str]) -> tuple[int, Any]:
    """``fmt.Sscanln(text, &a, &b)``: as :func:`sscan`, but a newline before the last
    operand is an error, and after it only spaces may come before a newline."""
    return _scan_operands(_Scan(text, newline_is_space=False), targets, newline_ends=True)


def sscanf(text: str, format: str, *targets: tuple[Any, str]) -> tuple[int, Any]:
    """``fmt.Sscanf(text, format, &a, &b)``: each verb of ``format`` reads one
    operand (a width caps the characters it takes), the text between verbs must
    match (see ``_Scan.match``); the operands stored, and nil or the error."""
    return _scan_format(_Scan(text, newline_is_space=False), format, targets)


def _scan_operands(
    scan: _Scan, targets: tuple[tuple[Any, str], ...], newline_ends: bool
) -> tuple[int, Any]:
    n = 0
    try:
        for target in targets:
            scan.scan("v", target)
            n += 1
        while newline_ends and (c := scan.read()) != "\n" and c:
            if ord(c) not in _SPACES:
                scan.fail("expected newline")
    except _ScanFailed as failed:
        return n, failed.err
    return n, None


def _scan_format(scan: _Scan, format: str, targets: tuple[tuple[Any, str], ...]) -> tuple[int, Any]:
    n, i = 0, 0
    try:
        while i < len(format):
            at = scan.match(format, i)
            if at > i:
                i = at
                continue
            if format[i] != "%":
                if at < 0:
                    scan.fail("input does not match format")
                break
            i += 1
            width, last = "", len(format) - 1  # a width's digits stop before the last
            while i < last and format[i] in _DECIMAL:
                width += format[i]
                i += 1
            verb = format[i] if i < len(format) else "\ufffd"
            rest, i = format[i:], i + 1
            if verb != "c":
                scan.skip_space()
            if verb == "%":  # %5%: a literal percent, spaces before it allowed
                scan.not_at_end()
                if not scan.accept("%"):
                    scan.fail("missing literal %")
                continue
            if width:
                scan.limit = scan.count + int(width)
            if n >= len(targets):
                scan.fail(f"too few operands for format '%{rest}'")
            scan.scan(verb, targets[n])
            n += 1
            scan.limit = _NO_WIDTH
        if n < len(targets):
            scan.fail("too many operands")
    except _ScanFailed as failed:
        return n, failed.err
    return n, None


class _RuneSource:
    """What an Fscan has read from its reader so far, a rune at a time: by the
    reader's ReadRune where it has one (an io.RuneScanner), else a byte at a time
    by its Read, as fmt's scan reads; ``end`` as :class:`_Scan`'s."""

    def __init__(self, r: Any) -> None:
        self.r = _library_reader(r, "fmt.Fscan")
        library = isinstance(r, StringsReader | Buffer | BufReader)
        # a reader of the program's with ReadRune and UnreadRune is one too
        self.program = not library and all(
            callable(getattr(type(r), m, None)) for m in ("ReadRune", "UnreadRune")
        )
        self.rune_scanner = library or self.program
        self.text, self.widths = "", list[int]()
        self.end: Any = None

    def read(self) -> Generator[Any, Any, None]:
        """One more rune read (or the end)."""
        if self.rune_scanner:
            if self.program:
                result = self.r.ReadRune()
                rune, width, err = (yield from result) if isgenerator(result) else result
            elif isinstance(self.r, BufReader):
                rune, width, err = yield from self.r.blocking_read_rune()
            else:
                rune, width, err = self.r.read_rune()
            if err is None:
                self.text, self.widths = self.text + chr(rune), [*self.widths, width]
            self.end = err
            return
        raw = bytearray()
        while len(raw) < 4 and not utf8_full_rune(raw):
            one = [0]
            n, err = yield from _one_read(self.r, one)
            if n == 0 and err is None:
                continue
            raw += bytes(one[:n])
            if err is not None:  # a byte and an error: the byte, then the error
                if not raw:
                    self.end = err
                    return
                break
        rune, width = utf8_decode_rune(list(raw))
        self.text, self.widths = self.text + chr(rune), [*self.widths, width]

    def give_back(self, used: int) -> Generator[Any, Any, None]:
        """The scan took the first ``used`` runes read: a RuneScanner has the one
        after them (if read) put back; any other reader has lost it, as Go's. (Go's
        scan peeks and unreads as it goes, so a program's ReadRune and UnreadRune
        are called here fewer times than Go calls them, leaving it where Go's do.)"""
        if used < len(self.widths) and self.program:
            result = self.r.UnreadRune()
            if isgenerator(result):
                yield from result
        elif used < len(self.widths) and self.rune_scanner:
            self.r.unread_rune(self.widths[used])


def _scan_reader(
    r: Any, newline_is_space: bool, run: Callable[[_Scan], tuple[int, Any]]
) -> Generator[Any, Any, tuple[int, Any]]:
    """``run`` over what ``r`` gives, read as the scan asks for more: the scan
    starts again from the beginning each time it has read past what has come (the
    operands it stored are stored again, the same)."""
    source = _RuneSource(r)
    while True:
        scan = _Scan(source.text, newline_is_space, source.end)
        try:
            result = run(scan)
        except _NeedMore:
            yield from source.read()
            continue
        yield from source.give_back(scan.pos)
        return result


def blocking_fscan(r: Any, *targets: tuple[Any, str]) -> Generator[Any, Any, tuple[int, Any]]:
    """``fmt.Fscan(r, &a, &b)``: :func:`sscan` of what is read from ``r``, which may
    wait for a write (a pipe's end)."""
    return (
        yield from _scan_reader(r, True, lambda s: _scan_operands(s, targets, newline_ends=False))
    )


def blocking_fscanln(r: Any, *targets: tuple[Any, str]) -> Generator[Any, Any, tuple[int, Any]]:
    """``fmt.Fscanln(r, &a, &b)``: :func:`sscanln` of what is read from ``r``."""
    return (
        yield from _scan_reader(r, False, lambda s: _scan_operands(s, targets, newline_ends=True))
    )


def blocking_fscanf(
    r: Any, format: str, *targets: tuple[Any, str]
) -> Generator[Any, Any, tuple[int, Any]]:
    """``fmt.Fscanf(r, format, &a, &b)``: :func:`sscanf` of what is read from ``r``."""
    return (yield from _scan_reader(r, False, lambda s: _scan_format(s, format, targets)))


def fscan(r: Any, *targets: tuple[Any, str]) -> tuple[int, Any]:
    """``fmt.Fscan`` in a program whose reads do not wait (no pipe)."""
    return _at_once(blocking_fscan(r, *targets), "fmt.Fscan")


def fscanln(r: Any, *targets: tuple[Any, str]) -> tuple[int, Any]:
    """``fmt.Fscanln`` in a program whose reads do not wait (no pipe)."""
    return _at_once(blocking_fscanln(r, *targets), "fmt.Fscanln")


def fscanf(r: Any, format: str, *targets: tuple[Any, str]) -> tuple[int, Any]:
    """``fmt.Fscanf`` in a program whose reads do not wait (no pipe)."""
    return _at_once(blocking_fscanf(r, format, *targets), "fmt.Fscanf")
