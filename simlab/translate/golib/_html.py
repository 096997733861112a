"""``html``'s ``EscapeString`` and ``UnescapeString`` for a translated program.

Named character references are HTML5's, from Python's ``html.entities.html5``,
the same WHATWG table as Go's; the reading of a reference is Go's: the longest
run of ASCII letters and digits, a legacy name without its semicolon matched by
its longest prefix, a numeric reference with its windows-1252 replacements.
"""

from __future__ import annotations

from html.entities import html5

_ESCAPES = {"&": "&amp;", "'": "&#39;", "<": "&lt;", ">": "&gt;", '"': "&#34;"}

# what a numeric reference to 0x80 to 0x9F stands for: windows-1252's characters
_REPLACEMENTS = (
    "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f"
    "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178"
)
_LONGEST_WITHOUT_SEMICOLON = 6  # "middot", the longest legacy name
_HEX = {c: int(c, 16) for c in "0123456789abcdefABCDEF"}


def html_escape_string(s: str) -> str:
    """``html.EscapeString``: ``<``, ``>``, ``&``, ``'`` and ``"`` as Go writes them,
    ``&lt;``, ``&gt;``, ``&amp;``, ``&#39;``, ``&#34;``."""
    return "".join(_ESCAPES.get(c, c) for c in s)


def html_unescape_string(s: str) -> str:
    """``html.UnescapeString``: each character reference of ``s`` replaced by its
    characters; one that is none left as it is."""
    out, i = [], 0
    while (amp := s.find("&", i)) >= 0:
        out.append(s[i:amp])
        text, i = _reference(s, amp)
        out.append(text)
    out.append(s[i:])
    return "".join(out)


def _reference(s: str, start: int) -> tuple[str, int]:
    """What the reference at ``s[start]``, an ``&``, stands for, and where the text
    after it starts."""
    i = start + 1
    if i >= len(s):
        return "&", i
    if s[i] == "#":
        return _numeric(s, start)
    while i < len(s) and s[i].isascii() and s[i].isalnum():
        i += 1
    if i < len(s) and s[i] == ";":
        i += 1
    name = s[start + 1 : i]
    if name in html5:
        return html5[name], i
    for j in range(min(len(name) - 1, _LONGEST_WITHOUT_SEMICOLON), 1, -1):
        if name[:j] in html5:
            return html5[name[:j]], start + 1 + j
    return s[start:i], i


def _numeric(s: str, start: int) -> tuple[str, int]:
    """A numeric reference at ``s[start]``, ``&#`` then decimal digits or ``x`` and
    hexadecimal ones, ended by ``;`` or by any other character."""
    if len(s) - start <= 3:
        return "&", start + 1
    i = start + 2
    base = 10
    if s[i] in "xX":
        base, i = 16, i + 1
    x = 0
    while i < len(s):
        digit = _HEX.get(s[i], 99)
        i += 1
        if digit < base:
            x = (x * base + digit + 2**31) % 2**32 - 2**31  # a rune, an int32
            continue
        if s[i - 1] != ";":
            i -= 1
        break
    if i - start <= 3:
        return "&", start + 1
    if 0x80 <= x <= 0x9F:
        return _REPLACEMENTS[x - 0x80], i
    if x <= 0 or 0xD800 <= x <= 0xDFFF or x > 0x10FFFF:
        return "\ufffd", i
    return chr(x), i
