"""``strings``, ``unicode`` and ``unicode/utf8``: what Python's own methods do not
say alike (byte offsets, Go's white space, runes), and ``string(b)`` of a
``[]byte``.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from simlab.errors import GoPanic, SimlabError

from ._builtins import _MAX_ALLOC, byte_slice
from ._values import NilSlice


def rune_len(r: int) -> int:
    """``utf8.RuneLen``: the bytes of ``r`` in UTF-8, -1 for no valid rune."""
    if not 0 <= r <= 0x10FFFF or 0xD800 <= r <= 0xDFFF:
        return -1
    return len(chr(r).encode())


_RUNE_ERROR = 0xFFFD  # utf8.RuneError, U+FFFD


def rune_text(r: int) -> str:
    """``string(rune(r))``: the character of the code point ``r``, U+FFFD for one
    that is none (a surrogate half, a negative number, past U+10FFFF), as Go's."""
    return chr(r) if rune_len(r) > 0 else "\ufffd"


def utf8_valid_rune(r: int) -> bool:
    """``utf8.ValidRune``: ``r`` is a code point UTF-8 can encode (no surrogate)."""
    return rune_len(r) > 0


def utf8_valid(b: list[int]) -> bool:
    """``utf8.Valid``: the bytes are UTF-8 (Python's strict decoder refuses what Go's
    does: overlong forms, surrogates, code points past U+10FFFF)."""
    try:
        bytes(b).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def utf8_decode_rune(b: list[int]) -> tuple[int, int]:
    """``utf8.DecodeRune``: the first rune of the bytes and its width; a byte that
    starts no valid encoding is ``RuneError`` of width 1, and no bytes ``(RuneError,
    0)``."""
    if not b:
        return _RUNE_ERROR, 0
    for n in range(1, min(4, len(b)) + 1):
        try:
            return ord(bytes(b[:n]).decode("utf-8")), n
        except UnicodeDecodeError:
            continue
    return _RUNE_ERROR, 1


def utf8_decode_last_rune(b: list[int]) -> tuple[int, int]:
    """``utf8.DecodeLastRune``: the last rune of the bytes and its width."""
    if not b:
        return _RUNE_ERROR, 0
    for n in range(1, min(4, len(b)) + 1):
        r, width = utf8_decode_rune(b[-n:])
        if width == n and (r != _RUNE_ERROR or b[-n:] == [0xEF, 0xBF, 0xBD]):
            return r, n
    return _RUNE_ERROR, 1


# the second byte a lead byte allows, where it is narrower than 0x80 to 0xBF: what
# keeps out overlong forms, surrogates and code points past U+10FFFF
_SECOND_BYTE = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F), 0xF0: (0x90, 0xBF), 0xF4: (0x80, 0x8F)}


def utf8_full_rune(b: bytes | bytearray | list[int]) -> bool:
    """``utf8.FullRune``: ``b`` begins with a whole encoding of a rune, or with bytes
    that no further bytes could make one of (a whole ``RuneError``); false for no
    bytes."""
    if not b:
        return False
    lead = b[0]
    need = 1 if lead < 0xC2 or lead > 0xF4 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    if len(b) >= need:
        return True
    lo, hi = _SECOND_BYTE.get(lead, (0x80, 0xBF))
    if len(b) > 1 and not lo <= b[1] <= hi:
        return True
    return len(b) > 2 and not 0x80 <= b[2] <= 0xBF


def utf8_rune_count(b: list[int]) -> int:
    """``utf8.RuneCount``: the runes in the bytes, each byte of no valid encoding one."""
    count = i = 0
    while i < len(b):
        i += utf8_decode_rune(b[i : i + 4])[1]
        count += 1
    return count


def utf8_append_rune(b: list[int], r: int) -> list[int]:
    """``utf8.AppendRune``: the bytes with ``r``'s UTF-8 after them (an invalid rune's
    is ``RuneError``'s)."""
    return [*b, *chr(r if rune_len(r) > 0 else _RUNE_ERROR).encode()]


def utf8_encode_rune(p: list[int], r: int) -> int:
    """``utf8.EncodeRune``: writes ``r``'s UTF-8 into ``p`` and returns its width; past
    ``p``'s end, Go's index out of range."""
    data = chr(r if rune_len(r) > 0 else _RUNE_ERROR).encode()
    for i, byte in enumerate(data):
        p[i] = byte
    return len(data)


def utf16_is_surrogate(r: int) -> bool:
    """``utf16.IsSurrogate``: ``r`` is half of a surrogate pair, U+D800 to U+DFFF."""
    return 0xD800 <= r < 0xE000


def utf16_rune_len(r: int) -> int:
    """``utf16.RuneLen``: the 16-bit units of ``r`` in UTF-16, -1 for no valid rune."""
    if 0 <= r < 0xD800 or 0xE000 <= r < 0x10000:
        return 1
    return 2 if 0x10000 <= r <= 0x10FFFF else -1


def utf16_encode_rune(r: int) -> tuple[int, int]:
    """``utf16.EncodeRune``: the surrogate pair of a rune past U+FFFF, else U+FFFD
    twice."""
    if not 0x10000 <= r <= 0x10FFFF:
        return _RUNE_ERROR, _RUNE_ERROR
    r -= 0x10000
    return 0xD800 + (r >> 10), 0xDC00 + (r & 0x3FF)


def utf16_decode_rune(r1: int, r2: int) -> int:
    """``utf16.DecodeRune``: the rune of a surrogate pair, U+FFFD for anything else."""
    if 0xD800 <= r1 < 0xDC00 and 0xDC00 <= r2 < 0xE000:
        return ((r1 - 0xD800) << 10 | (r2 - 0xDC00)) + 0x10000
    return _RUNE_ERROR


def utf16_append_rune(a: list[int], r: int) -> list[int]:
    """``utf16.AppendRune``: the units with ``r``'s after them (U+FFFD's for a
    surrogate half or no rune)."""
    n = utf16_rune_len(r)
    if n == 2:
        return [*a, *utf16_encode_rune(r)]
    return [*a, r if n == 1 else _RUNE_ERROR]


def utf16_encode(s: list[int]) -> list[int]:
    """``utf16.Encode``: the UTF-16 units of the runes, a new slice (empty, not
    nil, for none)."""
    units: list[int] = []
    for r in s:
        units = utf16_append_rune(units, r)
    return units


def utf16_decode(s: list[int]) -> list[int]:
    """``utf16.Decode``: the runes of the UTF-16 units, U+FFFD for a surrogate half
    without its other half; a new slice (empty, not nil, for none)."""
    runes: list[int] = []
    i = 0
    while i < len(s):
        u = s[i]
        if 0xD800 <= u < 0xDC00 and i + 1 < len(s) and 0xDC00 <= s[i + 1] < 0xE000:
            runes.append(utf16_decode_rune(u, s[i + 1]))
            i += 2
            continue
        runes.append(_RUNE_ERROR if utf16_is_surrogate(u) else u)
        i += 1
    return runes


def unicode_is(category: str, r: int) -> bool:
    """``unicode.IsLetter`` and kin: ``r`` is in the Unicode general ``category``
    (``"L"``: any letter, ``"Lu"``: an upper case letter), as Go's tables put it."""
    return 0 <= r <= 0x10FFFF and unicodedata.category(chr(r)).startswith(category)


# unicode.IsSpace: Latin-1's spaces, then the White_Space property's others
_SPACES = frozenset((*b"\t\n\v\f\r ", 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B)))
_SPACES |= {0x2028, 0x2029, 0x202F, 0x205F, 0x3000}
SPACE = "".join(map(chr, sorted(_SPACES)))
"""Go's white space (``unicode.IsSpace``), for ``s.strip(go.SPACE)``: Python's ``strip``
also takes U+001C to U+001F."""


def unicode_is_space(r: int) -> bool:
    """``unicode.IsSpace``."""
    return r in _SPACES


def unicode_to(case: str, r: int) -> int:
    """``unicode.ToUpper`` (``case`` ``"upper"``), ``ToLower`` and ``ToTitle``: Go's
    simple case mapping, one rune for one (``ß`` stays itself; Python's full
    mapping gives ``SS``)."""
    if not 0 <= r <= 0x10FFFF:
        return r
    return ord(_simple_case(case, chr(r)))


def unicode_to_case(case: int, r: int) -> int:
    """``unicode.To(case, r)``: ``r`` in ``unicode.UpperCase`` (0), ``LowerCase``
    (1) or ``TitleCase`` (2); ``unicode.ReplacementChar`` for another case."""
    if not 0 <= case < 3:
        return 0xFFFD
    return unicode_to(("upper", "lower", "title")[case], r)


def _simple_case(case: str, c: str) -> str:
    if case != "title":
        mapped = c.upper() if case == "upper" else c.lower()
        if len(mapped) == 1:
            return mapped
        if case == "lower":
            return mapped[0]  # İ: i and a combining dot; its simple mapping is i
    title = c.title()  # ᾳ: its simple upper case is its one-rune title case ᾼ
    return title if len(title) == 1 else c


def _mapped(case: str, s: str) -> str:
    """Each rune of ``s`` by Go's simple case mapping; ASCII at once (an ASCII
    letter's title case is its upper case)."""
    if s.isascii():
        return s.lower() if case == "lower" else s.upper()
    return "".join(_simple_case(case, c) for c in s)


def to_upper(s: str) -> str:
    """``strings.ToUpper``: each rune by Go's simple case mapping (``unicode.ToUpper``)."""
    return _mapped("upper", s)


def to_lower(s: str) -> str:
    """``strings.ToLower``: each rune by ``unicode.ToLower``, with no final sigma."""
    return _mapped("lower", s)


def equal_fold(s: str, t: str) -> bool:
    """``strings.EqualFold``: the same runes under Go's simple case folding: rune for
    rune (``ß`` is not ``ss``), and the Turkish ``İ`` and ``ı`` fold to no other."""
    if s.isascii() and t.isascii():
        return s.lower() == t.lower()
    if len(s) != len(t):
        return False
    for a, b in zip(s, t, strict=True):
        if a == b:
            continue
        if a in "İı" or b in "İı":
            return False
        if _simple_case("upper", a) != _simple_case("upper", b) and _simple_case(
            "lower", a
        ) != _simple_case("lower", b):
            return False
    return True


def cut(s: str, sep: str) -> tuple[str, str, bool]:
    """``strings.Cut``: the text before and after the first ``sep``, and whether
    there was one (else ``s``, ``""``, false)."""
    if not sep:
        return "", s, True  # found at once
    before, found, after = s.partition(sep)
    return before, after, bool(found)


def cut_prefix(s: str, prefix: str) -> tuple[str, bool]:
    """``strings.CutPrefix``: ``s`` without ``prefix``, and whether it had it."""
    return (s[len(prefix) :], True) if s.startswith(prefix) else (s, False)


def cut_suffix(s: str, suffix: str) -> tuple[str, bool]:
    """``strings.CutSuffix``: ``s`` without ``suffix``, and whether it had it."""
    return (s[: len(s) - len(suffix)], True) if s.endswith(suffix) else (s, False)


def runes(s: str) -> Iterator[tuple[int, int]]:
    """``for i, r := range s``: each rune of ``s`` (its code point) and the byte offset
    in ``s`` where it starts."""
    offset = 0
    for ch in s:
        yield offset, ord(ch)
        offset += len(ch.encode())


def strings_repeat(s: str, count: int) -> str:
    """``strings.Repeat`` of a count that may be negative: Go's panic for one, for a
    length in bytes past an int's, and the runtime's for one past the most its
    allocator hands out (``strings.Repeat("=", math.MaxInt)``)."""
    if count < 0:
        raise GoPanic("strings: negative Repeat count")
    if s and len(s.encode()) * count > _MAX_INT:
        raise GoPanic("strings: Repeat output length overflow")
    if len(s.encode()) * count > _MAX_ALLOC:
        raise GoPanic("runtime error: makeslice: len out of range")
    return s * count


def runes_string(rs: list[int]) -> str:
    """``string(rs)`` of a ``[]rune``: each code point's character, U+FFFD for one
    that is not a valid code point (a surrogate half, or out of range), as Go's."""
    return "".join(rune_text(r) for r in rs)


def split(s: str, sep: str) -> list[str]:
    """``strings.Split``: an empty separator splits after each character."""
    return list(s) if sep == "" else s.split(sep)


def split_after(s: str, sep: str) -> list[str]:
    """``strings.SplitAfter``: as ``Split``, each part but the last keeping the
    ``sep`` that ends it; an empty separator splits after each character."""
    if sep == "":
        return list(s)
    parts = s.split(sep)
    return [part + sep for part in parts[:-1]] + parts[-1:]


def split_after_n(s: str, sep: str, n: int) -> list[str]:
    """``strings.SplitAfterN``: as ``SplitN``, each part but the last keeping the
    ``sep`` that ends it."""
    if n == 0:
        return NilSlice()
    if n < 0:
        return split_after(s, sep)
    if sep == "":
        return [*s[: n - 1], s[n - 1 :]] if len(s) > n else list(s)
    parts = s.split(sep, n - 1)
    return [part + sep for part in parts[:-1]] + parts[-1:]


def fields(s: str) -> list[str]:
    """``strings.Fields``: the runs of ``s`` between white space, as Go's
    ``unicode.IsSpace`` tells it (Python's ``split`` takes U+001C to U+001F too)."""
    return strings_fields_func(s, unicode_is_space)


def strings_fields_func(s: str, sep: Callable[[int], Any]) -> list[str]:
    """``strings.FieldsFunc``: the runs of ``s`` whose runes ``sep`` is false of,
    ``sep`` called once for each rune, in order."""
    return _runs(s, ((i, ord(c)) for i, c in enumerate(s)), sep)


def _runs(s: Any, runes: Iterable[tuple[int, int]], sep: Callable[[int], Any]) -> list[Any]:
    """The runs of ``s`` (a string or bytes) between the runes ``sep`` is true of,
    ``runes`` its runes with their offsets, in order."""
    out, start = [], -1
    for i, r in runes:
        if sep(r):
            if start >= 0:
                out.append(s[start:i])
                start = -1
        elif start < 0:
            start = i
    if start >= 0:
        out.append(s[start:])
    return out


def index(s: str, sub: str) -> int:
    """``strings.Index``: the byte offset of the first ``sub`` in ``s``, or -1."""
    i = s.find(sub)
    return i if i <= 0 else len(s[:i].encode())


def last_index(s: str, sub: str) -> int:
    """``strings.LastIndex``: the byte offset of the last ``sub`` in ``s``, or -1."""
    i = s.rfind(sub)
    return i if i <= 0 else len(s[:i].encode())


def split_n(s: str, sep: str, n: int) -> list[str]:
    """``strings.SplitN``: at most ``n`` parts, the last the unsplit rest (none, nil,
    for ``n == 0``; all of them for ``n < 0``)."""
    if n == 0:
        return NilSlice()
    if n < 0:
        return split(s, sep)
    if sep == "":
        return [*s[: n - 1], s[n - 1 :]] if len(s) > n else list(s)
    return s.split(sep, n - 1)


def title(s: str) -> str:
    """``strings.Title``: each letter that begins a word in title case (Go's one-rune
    mapping), a word begun after a space, or an ASCII character but a letter, a
    digit or ``_``."""

    def separator(c: str) -> bool:
        if c.isascii():
            return not (c.isalnum() or c == "_")
        return c.isspace()

    out, prev = [], " "
    for c in s:
        out.append(_simple_case("title", c) if separator(prev) else c)  # ß stays ß
        prev = c
    return "".join(out)


def strings_map(mapping: Callable[[int], int], s: str) -> str:
    """``strings.Map(mapping, s)``: each rune of ``s`` replaced by ``mapping``'s, dropped
    where it is negative; a rune that is not valid Unicode is written as U+FFFD, as
    Go's ``utf8.AppendRune`` writes it."""
    out = []
    for c in s:
        r = mapping(ord(c))
        if r >= 0:
            out.append(chr(r) if rune_len(r) > 0 else "\ufffd")
    return "".join(out)


def bytes_map(mapping: Callable[[int], int], b: list[int]) -> list[int]:
    """``bytes.Map(mapping, b)``: :func:`strings_map` of ``b``'s UTF-8 text, a new
    slice."""
    return list(strings_map(mapping, bytes(b).decode(errors="replace")).encode())


def string_of(b: list[int]) -> str:
    """``string(b)`` of a ``[]byte``: its text. A run's strings are text, so bytes
    that are not UTF-8, which a Go string may hold, end the run in one line."""
    try:
        return bytes(b).decode()
    except UnicodeDecodeError:
        raise SimlabError(
            f"string(b) of bytes that are not UTF-8 ({bytes(b)!r}): simlab's strings "
            "are text; keep such bytes in a []byte"
        ) from None


def seq_string(s: Any) -> str:
    """``string(s)`` of a type parameter ``S ~string | ~[]byte``: a string's text (a
    named string type's as a plain string), a slice's bytes as :func:`string_of`."""
    return str.__str__(s) if isinstance(s, str) else string_of(s)


def convert_seq(t: Any, x: Any) -> Any:
    """``S(x)`` in a generic whose type parameter ``S ~string | ~[]byte``, ``t`` its
    type argument: for a string type, ``x``'s text (of the named type's class where
    it has one); for a slice type, ``x``'s bytes (:func:`byte_slice`)."""
    zero = t()
    if not isinstance(zero, str):
        return byte_slice(x)
    text = seq_string(x)
    return text if type(zero) is str else type(zero)(text)


def strings_to_title(s: str) -> str:
    """``strings.ToTitle``: each rune mapped to its title case, one rune for one
    (``ǆ`` to ``ǅ``; ``ß``, with no single-rune title case, stays itself)."""
    return _mapped("title", s)


def strings_index_rune(s: str, r: int) -> int:
    """``strings.IndexRune``: the byte offset of the first ``r`` in ``s``, or -1 (and
    -1 for a rune that is not valid)."""
    return index(s, chr(r)) if utf8_valid_rune(r) else -1


def strings_index_byte(s: str, c: int) -> int:
    """``strings.IndexByte``: the offset of the first byte ``c`` of ``s``'s UTF-8."""
    return s.encode().find(bytes((c,)))


def strings_last_index_byte(s: str, c: int) -> int:
    """``strings.LastIndexByte``: the offset of the last byte ``c`` of ``s``'s UTF-8."""
    return s.encode().rfind(bytes((c,)))


def strings_contains_func(s: str, f: Callable[[int], Any]) -> bool:
    """``strings.ContainsFunc``: ``f`` true of a rune of ``s``, called on each rune in
    turn until it is."""
    return any(f(ord(c)) for c in s)


def bytes_contains(b: list[int], sub: list[int]) -> bool:
    """``bytes.Contains``."""
    return bytes(sub) in bytes(b)


def bytes_index(b: list[int], sub: list[int]) -> int:
    """``bytes.Index``: the offset of the first ``sub`` in ``b``, or -1."""
    return bytes(b).find(bytes(sub))


def bytes_index_byte(b: list[int], c: int) -> int:
    """``bytes.IndexByte``: the offset of the first ``c`` in ``b``, or -1."""
    return b.index(c) if c in b else -1


def bytes_last_index_byte(b: list[int], c: int) -> int:
    """``bytes.LastIndexByte``: the offset of the last ``c`` in ``b``, or -1."""
    return bytes(b).rfind(bytes((c,)))


def bytes_has_prefix(b: list[int], prefix: list[int]) -> bool:
    """``bytes.HasPrefix``."""
    return bytes(b).startswith(bytes(prefix))


def bytes_has_suffix(b: list[int], suffix: list[int]) -> bool:
    """``bytes.HasSuffix``."""
    return bytes(b).endswith(bytes(suffix))


def strings_index_func(s: str, f: Callable[[int], Any]) -> int:
    """``strings.IndexFunc``: the byte offset of the first rune ``f`` is true of, or -1."""
    at = 0
    for c in s:
        if f(ord(c)):
            return at
        at += len(c.encode())
    return -1


def strings_last_index_func(s: str, f: Callable[[int], Any]) -> int:
    """``strings.LastIndexFunc``: the byte offset of the last rune ``f`` is true of, or
    -1 (the runes tried from the end)."""
    at = len(s.encode())
    for c in reversed(s):
        at -= len(c.encode())
        if f(ord(c)):
            return at
    return -1


def strings_trim_left_func(s: str, f: Callable[[int], Any]) -> str:
    """``strings.TrimLeftFunc``: ``s`` without its leading runes ``f`` is true of."""
    i = 0
    while i < len(s) and f(ord(s[i])):
        i += 1
    return s[i:]


def strings_trim_right_func(s: str, f: Callable[[int], Any]) -> str:
    """``strings.TrimRightFunc``: ``s`` without its trailing runes ``f`` is true of,
    tried from the end."""
    j = len(s)
    while j > 0 and f(ord(s[j - 1])):
        j -= 1
    return s[:j]


def strings_trim_func(s: str, f: Callable[[int], Any]) -> str:
    """``strings.TrimFunc``: both ends, the left first, as Go's."""
    return strings_trim_right_func(strings_trim_left_func(s, f), f)


def bytes_to_upper(b: list[int]) -> list[int]:
    """``bytes.ToUpper``: a new slice, each rune by Go's simple case mapping."""
    return list(to_upper(bytes(b).decode(errors="replace")).encode())


def bytes_to_lower(b: list[int]) -> list[int]:
    """``bytes.ToLower``."""
    return list(to_lower(bytes(b).decode(errors="replace")).encode())


def bytes_to_title(b: list[int]) -> list[int]:
    """``bytes.ToTitle``."""
    return list(strings_to_title(bytes(b).decode(errors="replace")).encode())


def strings_index_any(s: str, chars: str) -> int:
    """``strings.IndexAny``: the byte offset of the first rune of ``s`` that is one of
    ``chars``'s, or -1."""
    at = 0
    for c in s:
        if c in chars:
            return at
        at += len(c.encode())
    return -1


def strings_last_index_any(s: str, chars: str) -> int:
    """``strings.LastIndexAny``: the byte offset of the last rune of ``s`` that is one
    of ``chars``'s, or -1."""
    found, at = -1, 0
    for c in s:
        if c in chars:
            found = at
        at += len(c.encode())
    return found


def _runes_of(b: list[int]) -> Iterator[tuple[int, int, int]]:
    """Each rune of the bytes: its offset, the rune and its width (a byte that starts
    no valid encoding a ``RuneError`` of width 1)."""
    i = 0
    while i < len(b):
        r, width = utf8_decode_rune(b[i : i + 4])
        yield i, r, width
        i += width


def bytes_equal_fold(a: list[int], b: list[int]) -> bool:
    """``bytes.EqualFold``: :func:`equal_fold` of the bytes' runes, a byte that starts
    no valid encoding a ``RuneError``."""
    return equal_fold(*("".join(chr(r) for _, r, _ in _runes_of(x)) for x in (a, b)))


def bytes_compare(a: list[int], b: list[int]) -> int:
    """``bytes.Compare``: -1, 0 or +1, byte by byte, a prefix first."""
    return (a > b) - (a < b)


_MAX_INT = (1 << 63) - 1


def bytes_repeat(b: list[int], count: int) -> list[int]:
    """``bytes.Repeat``: a new slice of ``count`` copies of ``b``; Go's panic for a
    negative count, a length past an int's or past the allocator's most."""
    if count < 0:
        raise GoPanic("bytes: negative Repeat count")
    if len(b) * count > _MAX_INT:
        raise GoPanic("bytes: Repeat output length overflow")
    if len(b) * count > _MAX_ALLOC:
        raise GoPanic("runtime error: makeslice: len out of range")
    return list(b) * count


def bytes_join(parts: list[list[int]], sep: list[int]) -> list[int]:
    """``bytes.Join``: a new slice of the parts, ``sep`` between each two."""
    out: list[int] = []
    for i, part in enumerate(parts):
        if i:
            out.extend(sep)
        out.extend(part)
    return out


def bytes_fields(b: list[int]) -> list[list[int]]:
    """``bytes.Fields``: the runs of ``b`` between white space (``unicode.IsSpace`` of
    its runes, a byte of no valid encoding none)."""
    return _runs(b, ((i, r) for i, r, _ in _runes_of(b)), unicode_is_space)


def bytes_fields_func(b: list[int], sep: Callable[[int], Any]) -> list[list[int]]:
    """``bytes.FieldsFunc``: the runs of ``b`` whose runes ``sep`` is false of, ``sep``
    called once for each rune in order (a ``RuneError`` for a byte of no valid
    encoding)."""
    return _runs(b, ((i, r) for i, r, _ in _runes_of(b)), sep)


def bytes_index_func(b: list[int] | None, f: Callable[[int], Any]) -> int:
    """``bytes.IndexFunc``: the offset of the first rune ``f`` is true of, or -1 (a
    byte of no valid encoding a ``RuneError``)."""
    return next((i for i, r, _ in _runes_of(b or []) if f(r)), -1)


def bytes_last_index_func(b: list[int] | None, f: Callable[[int], Any]) -> int:
    """``bytes.LastIndexFunc``: the offset of the last rune ``f`` is true of, or -1,
    the runes tried from the end."""
    return next((i for i, r, _ in reversed(list(_runes_of(b or []))) if f(r)), -1)


def bytes_contains_func(b: list[int] | None, f: Callable[[int], Any]) -> bool:
    """``bytes.ContainsFunc``."""
    return bytes_index_func(b, f) >= 0


def bytes_trim_left_func(b: list[int], f: Callable[[int], Any]) -> list[int]:
    """``bytes.TrimLeftFunc``: ``b`` from its first rune ``f`` is false of; nil where
    there is none, as Go's."""
    at = next((i for i, r, _ in _runes_of(b) if not f(r)), -1)
    return NilSlice() if at < 0 else b[at:]


def bytes_trim_right_func(b: list[int], f: Callable[[int], Any]) -> list[int]:
    """``bytes.TrimRightFunc``: ``b`` up to its last rune ``f`` is false of (an empty
    slice where there is none, nil of nil)."""
    if type(b) is NilSlice:
        return b
    end = next((i + w for i, r, w in reversed(list(_runes_of(b))) if not f(r)), 0)
    return b[:end]


def bytes_trim_func(b: list[int], f: Callable[[int], Any]) -> list[int]:
    """``bytes.TrimFunc``: both ends, the left first, as Go's."""
    return bytes_trim_right_func(bytes_trim_left_func(b, f), f)


def bytes_runes(b: list[int] | None) -> list[int]:
    """``bytes.Runes``: the runes of ``b``, a ``RuneError`` for each byte of no
    valid encoding."""
    return [r for _, r, _ in _runes_of(b or [])]


def bytes_to_valid_utf8(b: list[int] | None, replacement: list[int] | None) -> list[int]:
    """``bytes.ToValidUTF8``: a new slice of ``b`` with each run of bytes that
    encode no rune replaced by ``replacement`` once (an empty slice, not nil, for
    an empty ``b``)."""
    b, out, bad = b or [], list[int](), False
    for i, r, width in _runes_of(b):
        if r == 0xFFFD and width == 1:
            if not bad:
                out.extend(replacement or ())
            bad = True
            continue
        bad = False
        out.extend(b[i : i + width])
    return out


def bytes_split(b: list[int], sep: list[int]) -> list[list[int]]:
    """``bytes.Split``: the parts of ``b`` between each ``sep``; an empty separator
    splits after each rune's UTF-8 (a byte of no valid encoding alone)."""
    if not sep:
        return [b[i : i + width] for i, _, width in _runes_of(b)]
    return [list(part) for part in bytes(b).split(bytes(sep))]


def bytes_split_after(b: list[int], sep: list[int]) -> list[list[int]]:
    """``bytes.SplitAfter``: the parts of ``b`` each up to and with a ``sep``, and
    the rest after the last; an empty separator splits as ``bytes.Split``'s."""
    if not sep:
        return bytes_split(b, sep)
    parts = bytes(b).split(bytes(sep))
    return [list(part + bytes(sep)) for part in parts[:-1]] + [list(parts[-1])]


def bytes_trim(b: list[int], cutset: str, left: bool = True, right: bool = True) -> list[int]:
    """``bytes.Trim(b, cutset)`` (``TrimLeft``: ``right=False``; ``TrimRight``:
    ``left=False``): ``b`` without the runes of ``cutset`` at its ends; nil where
    nothing is left, as Go's, but of ``TrimRight``, which is ``b[:0]`` (``b`` itself
    where it is empty)."""
    spans = list(_runes_of(b))
    lo, hi = 0, len(spans)
    while left and lo < hi and chr(spans[lo][1]) in cutset:
        lo += 1
    while right and hi > lo and chr(spans[hi - 1][1]) in cutset:
        hi -= 1
    if lo == hi:
        return NilSlice() if left else b[:0] if b else b
    last = spans[hi - 1]
    return b[spans[lo][0] : last[0] + last[2]]


def bytes_count(b: list[int], sep: list[int]) -> int:
    """``bytes.Count``: the non-overlapping ``sep`` in ``b``; for an empty ``sep``,
    one more than ``b``'s runes, as Go's."""
    if not sep:
        return len(list(_runes_of(b))) + 1
    return bytes(b).count(bytes(sep))


def bytes_cut(b: list[int], sep: list[int]) -> tuple[list[int], Any, bool]:
    """``bytes.Cut``: what is before and after the first ``sep``, and true; else
    ``b``, nil and false."""
    i = bytes_index(b, sep)
    if i < 0:
        return b, NilSlice(), False
    if not b:  # Cut(nil, nil): both halves of a nil slice are nil
        return b, b, True
    return b[:i], b[i + len(sep) :], True


def bytes_split_n(b: list[int], sep: list[int], n: int) -> list[list[int]]:
    """``bytes.SplitN``: at most ``n`` parts, the last the unsplit rest (nil for
    ``n == 0``; all of them for ``n < 0``)."""
    if n == 0:
        return NilSlice()
    if n < 0:
        return bytes_split(b, sep)
    if not sep:
        parts = bytes_split(b, sep)
        return parts if len(parts) <= n else [*parts[: n - 1], b[sum(map(len, parts[: n - 1])) :]]
    return [list(part) for part in bytes(b).split(bytes(sep), n - 1)]


def bytes_split_after_n(b: list[int], sep: list[int], n: int) -> list[list[int]]:
    """``bytes.SplitAfterN``: as ``SplitN``, each part but the last keeping its
    ``sep``."""
    if n < 0:
        return bytes_split_after(b, sep)
    if n == 0 or not sep:
        return bytes_split_n(b, sep, n)  # nil, or after each rune's UTF-8
    parts = bytes(b).split(bytes(sep), n - 1)
    return [list(part + bytes(sep)) for part in parts[:-1]] + [list(parts[-1])]


def bytes_last_index(b: list[int], sub: list[int]) -> int:
    """``bytes.LastIndex``: the offset of the last ``sub`` in ``b``, or -1."""
    return bytes(b).rfind(bytes(sub))


def bytes_index_rune(b: list[int], r: int) -> int:
    """``bytes.IndexRune``: the offset of the first ``r`` in ``b``, or -1; a
    ``RuneError`` finds the first byte of no valid encoding too, and a rune that is
    no valid code point nothing."""
    if r == 0xFFFD:
        return next((i for i, rune, _ in _runes_of(b) if rune == r), -1)
    if not (0 <= r <= 0x10FFFF) or 0xD800 <= r <= 0xDFFF:
        return -1
    return bytes(b).find(chr(r).encode())


def bytes_contains_rune(b: list[int], r: int) -> bool:
    """``bytes.ContainsRune``."""
    return bytes_index_rune(b, r) >= 0


def bytes_index_any(b: list[int], chars: str) -> int:
    """``bytes.IndexAny``: the offset of the first rune of ``b`` that is in
    ``chars`` (a byte of no valid encoding: if ``chars`` holds U+FFFD), or -1."""
    return next((i for i, r, _ in _runes_of(b) if chr(r) in chars), -1) if chars else -1


def bytes_last_index_any(b: list[int], chars: str) -> int:
    """``bytes.LastIndexAny``: the offset of the last rune of ``b`` that is in
    ``chars`` (a byte of no valid encoding: if ``chars`` holds U+FFFD), or -1."""
    return next((i for i, r, _ in reversed(list(_runes_of(b))) if chr(r) in chars), -1)


def bytes_contains_any(b: list[int], chars: str) -> bool:
    """``bytes.ContainsAny``."""
    return bytes_index_any(b, chars) >= 0


def bytes_replace(b: list[int], old: list[int], new: list[int], n: int) -> list[int]:
    """``bytes.Replace``: a copy of ``b`` with the first ``n`` (all, for ``n < 0``)
    non-overlapping ``old`` replaced by ``new``; an empty ``old`` matches at the
    start and after each rune. Nothing replaced in an empty ``b`` gives nil, as
    Go's copy of it does."""
    if not b and (old or n == 0):
        return NilSlice()
    if old:
        return list(bytes(b).replace(bytes(old), bytes(new), n))
    out, count = [], 0
    for i, _, width in _runes_of(b):
        if n < 0 or count < n:
            out += new
            count += 1
        out += b[i : i + width]
    if n < 0 or count < n:
        out += new
    return out


def bytes_replace_all(b: list[int], old: list[int], new: list[int]) -> list[int]:
    """``bytes.ReplaceAll``: ``bytes.Replace`` of every ``old``."""
    return bytes_replace(b, old, new, -1)


def bytes_cut_prefix(b: list[int], prefix: list[int]) -> tuple[list[int], bool]:
    """``bytes.CutPrefix``: ``b`` without ``prefix`` and true, if it starts so."""
    if not bytes_has_prefix(b, prefix):
        return b, False
    return (b[len(prefix) :] if b else b), True  # of nil, nil


def bytes_cut_suffix(b: list[int], suffix: list[int]) -> tuple[list[int], bool]:
    """``bytes.CutSuffix``: ``b`` without ``suffix`` and true, if it ends so."""
    if not bytes_has_suffix(b, suffix):
        return b, False
    return (b[: len(b) - len(suffix)] if b else b), True  # of nil, nil


def bytes_trim_prefix(b: list[int], prefix: list[int]) -> list[int]:
    """``bytes.TrimPrefix``: ``b`` without ``prefix`` at its start, if it is there."""
    return b[len(prefix) :] if prefix and b[: len(prefix)] == list(prefix) else b


def bytes_trim_suffix(b: list[int], suffix: list[int]) -> list[int]:
    """``bytes.TrimSuffix``: ``b`` without ``suffix`` at its end, if it is there."""
    return b[: len(b) - len(suffix)] if suffix and b[len(b) - len(suffix) :] == list(suffix) else b


def bytes_trim_space(b: list[int]) -> list[int]:
    """``bytes.TrimSpace``: ``b`` without its leading and trailing white space; nil
    where nothing is left, as Go's."""
    spans = list(_runes_of(b))
    lo, hi = 0, len(spans)
    while lo < hi and unicode_is_space(spans[lo][1]):
        lo += 1
    while hi > lo and unicode_is_space(spans[hi - 1][1]):
        hi -= 1
    if lo == hi:
        return NilSlice()
    last = spans[hi - 1]
    return b[spans[lo][0] : last[0] + last[2]]


class RangeTable:
    """A ``*unicode.RangeTable``: the runes of a script, a category or a property, as
    ranges ``(low, high, stride)`` in increasing order, which the translation copies
    from Go's ``unicode`` package (``unicode_Han = go.RangeTable(...)``)."""

    __slots__ = ("_lows", "_ranges")

    def __init__(self, *ranges: tuple[int, int, int]) -> None:
        self._ranges = ranges
        self._lows = [r[0] for r in ranges]

    def __contains__(self, r: int) -> bool:
        i = bisect.bisect_right(self._lows, r) - 1
        if i < 0:
            return False
        low, high, stride = self._ranges[i]
        return r <= high and (r - low) % stride == 0


def unicode_in(r: int, *tables: RangeTable) -> bool:
    """``unicode.In(r, tables...)``, and ``unicode.Is(table, r)``: ``r`` is in one of
    the tables."""
    return any(r in t for t in tables)
