"""``regexp`` for a translated program: a ``*regexp.Regexp`` matching with Python's
``re``, its pattern written by the translator's front end from Go's own parse of
a constant expression (or, for one made at run time, read here by :class:`_Reader`
in Go's common syntax), so that both match alike (leftmost-first), and its methods
with Go's rules for what Python's differ on: offsets in bytes, the successive
matches of the ``All`` forms (no empty match right after another), ``$1`` and
``${name}`` in a replacement, ``Split``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from simlab.errors import SimlabError

from ._errors import new_error
from ._panics import panic
from ._strconv import quote
from ._values import NilSlice

__all__ = [
    "Regexp",
    "compile",
    "compile_at_run_time",
    "literal",
    "match",
    "match_at_run_time",
    "match_string",
    "match_string_at_run_time",
    "must_compile",
    "must_compile_at_run_time",
    "quote_meta",
]

_Match = list[int]  # Go's match: start and end of the whole, then of each group (-1: none)


class Regexp:
    """A ``*regexp.Regexp``: ``expr``, the Python ``pattern`` that means the same and
    the names of its groups (the whole match's first, "")."""

    __slots__ = ("_names", "_re", "expr")
    go_name = "*regexp.Regexp"

    def __init__(self, expr: str, pattern: str, names: list[str], flags: int = re.ASCII) -> None:
        self.expr, self._names = expr, names
        self._re = re.compile(pattern, flags)  # ASCII for \b, where the front end wrote it

    # --- matching, in code points; Go's offsets are bytes ---------------------------

    def _find(self, s: str, pos: int) -> _Match | None:
        m = self._re.search(s, pos)
        if m is None:
            return None
        return [i for g in range(len(self._names)) for i in m.span(g)]

    def _all(self, s: str, n: int) -> Iterator[_Match]:
        """The successive matches of the All forms, at most ``n`` (all if negative):
        after a match the search goes on at its end, or a character on from an
        empty one, and an empty match right where the previous one ended is none."""
        pos, previous_end, count = 0, -1, 0
        while pos <= len(s) and count != n:
            m = self._find(s, pos)
            if m is None:
                return
            accept = not (m[1] == pos and m[0] == previous_end)
            pos = pos + 1 if m[1] == pos else m[1]
            previous_end = m[1]
            if accept:
                count += 1
                yield m

    def _replace(self, src: str, repl: Callable[[_Match], str]) -> str:
        """Each match replaced (not an empty one right after another), as Go's."""
        out, last_end, pos = [], 0, 0
        while pos <= len(src):
            m = self._find(src, pos)
            if m is None:
                break
            out.append(src[last_end : m[0]])
            if m[1] > last_end or m[0] == 0:
                out.append(repl(m))
            last_end = m[1]
            pos = pos + 1 if pos + 1 > m[1] else m[1]
        out.append(src[last_end:])
        return "".join(out)

    # --- the expression ------------------------------------------------------------

    def String(self) -> str:
        return self.expr

    def NumSubexp(self) -> int:
        return len(self._names) - 1

    def SubexpNames(self) -> list[str]:
        return list(self._names)

    def SubexpIndex(self, name: str) -> int:
        if name:
            for i, n in enumerate(self._names):
                if n == name:
                    return i
        return -1

    # --- strings ------------------------------------------------------------------

    def MatchString(self, s: str) -> bool:
        return self._re.search(s) is not None

    def FindString(self, s: str) -> str:
        m = self._find(s, 0)
        return s[m[0] : m[1]] if m is not None else ""

    def FindStringIndex(self, s: str) -> Any:
        m = self._find(s, 0)
        return _offsets(s, m[:2]) if m is not None else NilSlice()

    def FindStringSubmatch(self, s: str) -> Any:
        m = self._find(s, 0)
        return _groups(s, m) if m is not None else NilSlice()

    def FindStringSubmatchIndex(self, s: str) -> Any:
        m = self._find(s, 0)
        return _offsets(s, m) if m is not None else NilSlice()

    def FindAllString(self, s: str, n: int) -> Any:
        return _or_nil([s[m[0] : m[1]] for m in self._all(s, n)])

    def FindAllStringIndex(self, s: str, n: int) -> Any:
        return _or_nil([_offsets(s, m[:2]) for m in self._all(s, n)])

    def FindAllStringSubmatch(self, s: str, n: int) -> Any:
        return _or_nil([_groups(s, m) for m in self._all(s, n)])

    def FindAllStringSubmatchIndex(self, s: str, n: int) -> Any:
        return _or_nil([_offsets(s, m) for m in self._all(s, n)])

    def ReplaceAllString(self, src: str, repl: str) -> str:
        """``$1``, ``${1}``, ``$name``, ``${name}`` in ``repl`` are the groups'
        text (none for a group that did not match or is not there), ``$$`` a $."""
        return self._replace(src, lambda m: self._expand(repl, src, m))

    def ReplaceAllLiteralString(self, src: str, repl: str) -> str:
        return self._replace(src, lambda m: repl)

    def ReplaceAllStringFunc(self, src: str, repl: Callable[[str], str]) -> str:
        return self._replace(src, lambda m: repl(src[m[0] : m[1]]))

    def Split(self, s: str, n: int) -> Any:
        """``s`` cut around the matches, into at most ``n`` pieces (all if negative)."""
        if n == 0:
            return NilSlice()
        if self.expr and not s:
            return [""]
        pieces: list[str] = []
        begin = end = 0
        for m in self._all(s, n):
            if n > 0 and len(pieces) >= n - 1:
                break
            end = m[0]
            if m[1] != 0:
                pieces.append(s[begin:end])
            begin = m[1]
        if end != len(s):
            pieces.append(s[begin:])
        return pieces

    def _expand(self, template: str, src: str, m: _Match) -> str:
        out = []
        while "$" in template:
            before, template = template.split("$", 1)
            out.append(before)
            if template.startswith("$"):
                out.append("$")
                template = template[1:]
                continue
            name, rest = _reference(template)
            if name is None:
                out.append("$")  # malformed: the $ is text
                continue
            template = rest
            number = name.isascii() and name.isdigit() and len(name) <= 8
            index = int(name) if number and (name == "0" or name[0] != "0") else -1
            if index < 0:
                index = self._names.index(name) if name in self._names else len(self._names)
            if index < len(self._names) and m[2 * index] >= 0:
                out.append(src[m[2 * index] : m[2 * index + 1]])
        out.append(template)
        return "".join(out)

    def ExpandString(self, dst: Any, template: str, src: str, match: list[int]) -> list[int]:
        """``re.ExpandString(dst, template, src, match)``: ``dst`` and ``template``
        with its ``$`` references filled from ``src`` at ``match`` (Go's byte
        offsets, as ``FindStringSubmatchIndex`` gives them)."""
        b = src.encode(errors="surrogateescape")
        m = [len(b[:i].decode(errors="surrogateescape")) if i >= 0 else -1 for i in match]
        return [*(dst or ()), *_bytes(self._expand(template, src, m))]

    def Expand(self, dst: Any, template: list[int], src: list[int], match: list[int]) -> list[int]:
        """``re.Expand``: :meth:`ExpandString` of bytes."""
        return self.ExpandString(dst, _text(template), _text(src), match)

    # --- []byte: the text its bytes spell, each byte that is not UTF-8 its own rune --

    def Match(self, b: list[int]) -> bool:
        return self.MatchString(_text(b))

    def Find(self, b: list[int]) -> Any:
        s = _text(b)
        m = self._find(s, 0)
        return _bytes(s[m[0] : m[1]]) if m is not None else NilSlice()

    def FindIndex(self, b: list[int]) -> Any:
        return self.FindStringIndex(_text(b))

    def FindSubmatch(self, b: list[int]) -> Any:
        s = _text(b)
        m = self._find(s, 0)
        return NilSlice() if m is None else _byte_groups(s, m)

    def FindSubmatchIndex(self, b: list[int]) -> Any:
        return self.FindStringSubmatchIndex(_text(b))

    def FindAllIndex(self, b: list[int], n: int) -> Any:
        return self.FindAllStringIndex(_text(b), n)

    def FindAllSubmatchIndex(self, b: list[int], n: int) -> Any:
        return self.FindAllStringSubmatchIndex(_text(b), n)

    def FindAllSubmatch(self, b: list[int], n: int) -> Any:
        s = _text(b)
        return _or_nil([_byte_groups(s, m) for m in self._all(s, n)])

    def FindAll(self, b: list[int], n: int) -> Any:
        s = _text(b)
        return _or_nil([_bytes(s[m[0] : m[1]]) for m in self._all(s, n)])

    def ReplaceAll(self, src: list[int], repl: list[int]) -> list[int]:
        s = _text(src)
        template = _text(repl)
        return _bytes(self._replace(s, lambda m: self._expand(template, s, m)))

    def ReplaceAllLiteral(self, src: list[int], repl: list[int]) -> list[int]:
        return _bytes(self._replace(_text(src), lambda m: _text(repl)))

    def ReplaceAllFunc(self, src: list[int], repl: Callable[[list[int]], list[int]]) -> list[int]:
        s = _text(src)
        return _bytes(self._replace(s, lambda m: _text(repl(_bytes(s[m[0] : m[1]])))))


def _byte_groups(s: str, m: Any) -> list[Any]:
    """A match's text and its groups' as ``[]byte`` (nil for a group that did not
    match), from its offsets ``m`` into ``s``."""
    return [_bytes(s[m[i] : m[i + 1]]) if m[i] >= 0 else NilSlice() for i in range(0, len(m), 2)]


def _reference(template: str) -> tuple[str | None, str]:
    """The group a replacement names after its $: ``name`` or ``{name}``, letters,
    digits and _; None where there is none (or no closing brace)."""
    brace = template.startswith("{")
    body = template[1:] if brace else template
    i = 0
    while i < len(body) and (body[i].isalpha() or body[i].isdecimal() or body[i] == "_"):
        i += 1
    if i == 0:
        return None, template
    name = body[:i]
    if brace:
        if i >= len(body) or body[i] != "}":
            return None, template
        i += 1
    return name, body[i:]


def _offsets(s: str, m: _Match) -> list[int]:
    """Code point offsets into ``s`` as Go's byte offsets (-1 stays -1)."""
    return [len(s[:i].encode(errors="surrogateescape")) if i >= 0 else -1 for i in m]


def _groups(s: str, m: _Match) -> list[str]:
    return [s[m[i] : m[i + 1]] if m[i] >= 0 else "" for i in range(0, len(m), 2)]


def _or_nil(xs: list[Any]) -> Any:
    return xs if xs else NilSlice()  # Go's All forms give nil for no match


def _text(b: list[int]) -> str:
    return bytes(b).decode(errors="surrogateescape")


def _bytes(s: str) -> list[int]:
    return list(s.encode(errors="surrogateescape"))


def compile(
    expr: str, pattern: str = "", names: list[str] | None = None, err: str | None = None
) -> tuple[Regexp | None, Any]:
    """``regexp.Compile(expr)``: the Regexp, or nil and Go's error for a bad one."""
    if err is not None:
        return None, new_error(err)
    return Regexp(expr, pattern, names or [""]), None


def must_compile(
    expr: str, pattern: str = "", names: list[str] | None = None, err: str | None = None
) -> Regexp:
    """``regexp.MustCompile(expr)``: panics, as Go's, for a bad one."""
    if err is not None:
        plain = all(c == "\t" or (c.isprintable() and c not in "`\ufeff") for c in expr)
        q = f"`{expr}`" if plain else quote(expr)  # Go's strconv.CanBackquote
        panic(f"regexp: Compile({q}): {err}")
    return Regexp(expr, pattern, names or [""])


def match_string(
    s: str, expr: str, pattern: str = "", names: list[str] | None = None, err: str | None = None
) -> tuple[bool, Any]:
    """``regexp.MatchString(expr, s)``."""
    re_, bad = compile(expr, pattern, names, err)
    return (re_.MatchString(s), None) if re_ is not None else (False, bad)


def match(
    b: list[int],
    expr: str,
    pattern: str = "",
    names: list[str] | None = None,
    err: str | None = None,
) -> tuple[bool, Any]:
    """``regexp.Match(expr, b)``."""
    return match_string(_text(b), expr, pattern, names, err)


# --- an expression made at run time: Go's syntax read here, for its common part ----

_WORD = "0-9A-Za-z_"
_PERL = {"d": "0-9", "w": _WORD, "s": "\\t\\n\\f\\r "}  # Go's \d \w \s: ASCII only
_POSIX = {
    "alnum": "0-9A-Za-z",
    "alpha": "A-Za-z",
    "ascii": "\\x00-\\x7f",
    "blank": "\\t ",
    "cntrl": "\\x00-\\x1f\\x7f",
    "digit": "0-9",
    "graph": "!-~",
    "lower": "a-z",
    "print": " -~",
    "punct": "!-/:-@\\[-`{-~",
    "space": "\\t\\n\\v\\f\\r ",
    "upper": "A-Z",
    "word": _WORD,
    "xdigit": "0-9A-Fa-f",
}
_BOUNDARY = f"(?:(?<=[{_WORD}])(?![{_WORD}])|(?<![{_WORD}])(?=[{_WORD}]))"
_NOT_BOUNDARY = f"(?:(?<=[{_WORD}])(?=[{_WORD}])|(?<![{_WORD}])(?![{_WORD}]))"


class _Unsupported(Exception):
    pass


class _GoSyntax(Exception):
    """A malformed expression: Go's error code and the part of it Go quotes."""

    def __init__(self, code: str, fragment: str) -> None:
        super().__init__(f"error parsing regexp: {code}: `{fragment}`")


_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_GO_ESCAPES = set("aftnrvxpPQEAzbBdDsSwW01234567")  # the letters Go's syntax knows after \\


class _Reader:
    """Go's regexp syntax, read into the Python pattern that means the same: the
    common part of it (literals, escapes of punctuation, \\d \\w \\s and their
    negations, \\b \\B \\A \\z, classes with ranges and POSIX names, groups, named
    ones, repetitions, alternation, flags i, m and s: at the start, or inside,
    ``a(?i)b`` to the end of its group and ``(?i:b)``). Anything else
    is :class:`_Unsupported`: a constant expression, which the front end parses
    with Go's own parser, has all of Go's syntax."""

    def __init__(self, expr: str) -> None:
        self.s, self.names = expr, [""]
        flags = re.match(r"\(\?([ims]+)\)", expr)
        self.flags = flags.group(1) if flags else ""
        self.cur = set(self.flags)  # the flags where the reader is: (?i) later sets them
        self.i = flags.end() if flags else 0
        body = self.alternation()
        if self.i < len(self.s):
            raise _GoSyntax("unexpected )", expr)
        self.pattern = (f"(?{self.flags})" if self.flags else "") + body

    def peek(self, k: int = 0) -> str:
        return self.s[self.i + k] if self.i + k < len(self.s) else ""

    def alternation(self) -> str:
        parts = [self.concat()]
        while self.peek() == "|":
            self.i += 1
            parts.append(self.concat())
        return "|".join(parts)

    def concat(self) -> str:
        out = ""
        while self.peek() not in ("", "|", ")"):
            atom = self.atom()
            if atom and self.cur != set(self.flags):  # a(?i)b: b under the flags set
                on = "".join(sorted(self.cur - set(self.flags)))
                off = "".join(sorted(set(self.flags) - self.cur))
                atom = f"(?{on}{'-' + off if off else ''}:{atom})"
            first = -1
            while True:
                at = self.i
                q = self.quantifier()
                if not q:
                    break
                if first >= 0:
                    raise _GoSyntax("invalid nested repetition operator", self.s[first : at + 1])
                atom, first = f"(?:{atom}){q}", at
            out += atom
        return out

    def quantifier(self) -> str:
        c = self.peek()
        q = ""
        if c in ("*", "+", "?"):
            self.i += 1
            q = c
        elif c == "{":
            m = re.compile(r"\{(\d+)(,(\d*))?\}").match(self.s, self.i)
            if not m:
                return ""
            lo, hi = int(m.group(1)), m.group(3)
            if lo > 1000 or (hi and int(hi) > 1000) or (hi and int(hi) < lo):
                raise _GoSyntax("invalid repeat count", m.group(0))
            self.i = m.end()
            q = m.group(0)
        else:
            return ""
        if self.peek() == "?":
            self.i += 1
            q += "?"
        return q

    def atom(self) -> str:
        c = self.peek()
        self.i += 1
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == ".":
            return "."
        if c == "^":
            return "^"
        if c == "$":
            return "$" if "m" in self.cur else "\\Z"  # Go's $: the end of the text alone
        if c == "\\":
            return self.escape()
        if c in "*+?":
            raise _GoSyntax("missing argument to repetition operator", c)
        return re.escape(c)

    def group(self) -> str:
        head = "("
        if self.s.startswith("?:", self.i):
            self.i += 2
            head = "(?:"
        elif self.s.startswith("?P<", self.i) or self.s.startswith("?<", self.i):
            m = re.compile(r"\?P?<(\w+)>").match(self.s, self.i)
            if not m:
                end = self.s.find(">", self.i)
                raise _GoSyntax("invalid named capture", self.s[self.i - 1 : end + 1])
            self.i = m.end()
            self.names.append(m.group(1))
        elif self.peek() == "?":
            # (?i) sets flags to the end of the group, (?i:re) for re alone
            m = re.compile(r"\?([imsU]*)(?:-([imsU]*))?([:)])").match(self.s, self.i)
            if not m or m.group(2) == "" or not (m.group(1) or m.group(2)):
                raise _Unsupported("this group syntax")
            on, off = set(m.group(1)), set(m.group(2) or "")
            if "U" in on | off:
                raise _Unsupported("the flag U")
            self.i = m.end()
            if m.group(3) == ")":
                self.cur = (self.cur | on) - off
                return ""
            outer, self.cur = self.cur, (self.cur | on) - off
            body = self.alternation()
            if self.peek() != ")":
                raise _GoSyntax("missing closing )", self.s)
            self.i += 1
            self.cur = outer
            return "(?:" + body + ")"
        else:
            self.names.append("")
        outer = set(self.cur)
        body = self.alternation()
        if self.peek() != ")":
            raise _GoSyntax("missing closing )", self.s)
        self.i += 1
        self.cur = outer  # a group's flags end with it, as Go's
        return head + body + ")"

    def escape(self) -> str:
        e = self.peek()
        self.i += 1
        if e.lower() in _PERL:
            return ("[^" if e.isupper() else "[") + _PERL[e.lower()] + "]"
        if e in ("b", "B"):
            return _BOUNDARY if e == "b" else _NOT_BOUNDARY
        if e == "A":
            return "\\A"
        if e == "z":
            return "\\Z"
        if e in _CONTROL:
            return "\\" + e
        if e and e.isascii() and not e.isalnum():
            return "\\" + e
        if e not in _GO_ESCAPES:
            raise _GoSyntax("invalid escape sequence", "\\" + e)
        raise _Unsupported(f"the escape \\{e}")

    def char_class(self) -> str:
        start = self.i - 1
        out = "[^" if self.peek() == "^" else "["
        self.i += out == "[^"
        first = True
        while True:
            c = self.peek()
            if c == "":
                raise _GoSyntax("missing closing ]", self.s[start:])
            if c == "]" and not first:
                self.i += 1
                return out + "]"
            first = False
            if self.s.startswith("[:", self.i):
                end = self.s.find(":]", self.i)
                name = self.s[self.i + 2 : end] if end > 0 else ""
                if name not in _POSIX:
                    raise _Unsupported(f"the class [:{name}:]")
                out += _POSIX[name]
                self.i = end + 2
                continue
            at = self.i
            lo, low = self.class_char()
            if lo.startswith("[") or self.peek() != "-" or self.peek(1) in ("]", ""):
                out += lo.strip("[]") if lo.startswith("[") else lo
                continue
            self.i += 1
            if self.peek() == "":
                raise _GoSyntax("missing closing ]", self.s[start:])
            hi, high = self.class_char()
            if hi.startswith("["):
                raise _Unsupported("a class in a range")
            if low > high:
                raise _GoSyntax("invalid character class range", self.s[at : self.i])
            out += lo + "-" + hi

    def class_char(self) -> tuple[str, str]:
        """One character of a class, escaped for Python (``[...]`` for \\d \\w \\s),
        and the character it stands for."""
        c = self.peek()
        self.i += 1
        if c == "\\":
            e = self.peek()
            self.i += 1
            if e in _PERL:
                return "[" + _PERL[e] + "]", ""
            if e in _CONTROL:
                return "\\" + e, _CONTROL[e]
            if e and e.isascii() and not e.isalnum():
                return "\\" + e, e
            if e not in _GO_ESCAPES:
                raise _GoSyntax("invalid escape sequence", "\\" + e)
            raise _Unsupported(f"the escape \\{e} in a class")
        return ("\\" + c if c in "\\]^-[&~|" else c), c


def compile_at_run_time(expr: str) -> tuple[Regexp | None, Any]:
    """``regexp.Compile(pat)`` of an expression known only at run time, read as
    :class:`_Reader` reads it (``(?i)`` folding as Unicode does, as Go's): the
    Regexp, or nil and Go's error for a malformed one; one it cannot read ends
    the run in one line."""
    try:
        reader = _Reader(expr)
        return Regexp(expr, reader.pattern, reader.names, 0), None
    except _GoSyntax as bad:
        return None, new_error(str(bad))
    except (_Unsupported, re.error) as why:
        raise SimlabError(
            f"the regular expression {expr!r}, made at run time, uses {why}, which simlab"
            " reads only in a constant expression (its front end parses those with Go's"
            " own parser)"
        ) from None


def must_compile_at_run_time(expr: str) -> Regexp:
    """``regexp.MustCompile(pat)`` of an expression known only at run time."""
    regexp, err = compile_at_run_time(expr)
    if regexp is None:
        return must_compile(expr, err=str(err))
    return regexp


def match_string_at_run_time(s: str, expr: str) -> tuple[bool, Any]:
    """``regexp.MatchString(pat, s)`` of an expression known only at run time."""
    regexp, err = compile_at_run_time(expr)
    return (regexp.MatchString(s), None) if regexp is not None else (False, err)


def match_at_run_time(b: list[int], expr: str) -> tuple[bool, Any]:
    """``regexp.Match(pat, b)`` of an expression known only at run time."""
    return match_string_at_run_time(_text(b), expr)


def literal(s: str) -> Regexp:
    """``regexp.MustCompile(regexp.QuoteMeta(s))``: a Regexp matching ``s`` itself."""
    return Regexp(quote_meta(s), re.escape(s), [""])


_SPECIAL = set("\\.+*?()|[]{}^$")


def quote_meta(s: str) -> str:
    """``regexp.QuoteMeta(s)``: each of Go's special characters escaped."""
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in s)
