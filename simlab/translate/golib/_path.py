"""``path`` and ``path/filepath`` on Linux, where the two agree: slash-separated
paths handled lexically, as Go's do, touching no file system."""

from __future__ import annotations

import posixpath
from typing import Any

from ._errors import LIBRARY_ERRORS

__all__ = [
    "path_base",
    "path_clean",
    "path_dir",
    "path_ext",
    "path_is_abs",
    "path_join",
    "path_match",
    "path_split",
]


def path_clean(p: str) -> str:
    """``path.Clean``: the shortest path naming the same place, lexically: one slash
    between names, no ``.``, no ``..`` after a name or at the root; ``.`` for an
    empty path (Go keeps no leading ``//``, which POSIX's normpath does)."""
    out = posixpath.normpath(p)
    return "/" + out.lstrip("/") if out.startswith("//") else out


def path_join(*elems: str) -> str:
    """``path.Join``: the non-empty elements joined by slashes and cleaned; ``""``
    when all are empty."""
    kept = [e for e in elems if e]
    return path_clean("/".join(kept)) if kept else ""


def path_split(p: str) -> tuple[str, str]:
    """``path.Split``: the path up to and including its last slash, and the rest."""
    i = p.rfind("/") + 1
    return p[:i], p[i:]


def path_base(p: str) -> str:
    """``path.Base``: the last element, trailing slashes dropped; ``.`` for an
    empty path, ``/`` for slashes only."""
    if not p:
        return "."
    p = p.rstrip("/")
    return p[p.rfind("/") + 1 :] if p else "/"


def path_dir(p: str) -> str:
    """``path.Dir``: all but the last element, cleaned."""
    return path_clean(path_split(p)[0])


def path_ext(p: str) -> str:
    """``path.Ext``: the suffix from the last dot of the last element, or ``""``."""
    for i in range(len(p) - 1, -1, -1):
        if p[i] == "/":
            break
        if p[i] == ".":
            return p[i:]
    return ""


def path_is_abs(p: str) -> bool:
    """``path.IsAbs``: the path starts at the root."""
    return p.startswith("/")


class _BadPattern(Exception):
    """The pattern is malformed: ``path.ErrBadPattern``."""


def path_match(pattern: str, name: str, filepath: bool = False) -> tuple[bool, Any]:
    """``path.Match``: does ``name`` match the shell pattern (``*`` any run of
    characters but ``/``, ``?`` one of them, ``[a-z]``, ``[^...]``, ``\\`` quoting
    the next); ``path.ErrBadPattern`` for a malformed one, found as Go finds it
    (a malformed part after where the match failed is still an error);
    ``filepath.Match`` with ``filepath``, whose ErrBadPattern is another error."""
    try:
        return _match(pattern, name), None
    except _BadPattern:
        return False, LIBRARY_ERRORS[
            "path/filepath.ErrBadPattern" if filepath else "path.ErrBadPattern"
        ]


def _match(pattern: str, name: str) -> bool:
    while pattern:
        star, chunk, pattern = _scan_chunk(pattern)
        if star and not chunk:
            return "/" not in name  # a trailing * takes the rest of the element
        rest = _match_chunk(chunk, name)
        if rest is not None and (not rest or pattern):
            name = rest
            continue
        if star:  # let the star take one more character at a time, never a slash
            taken = None
            for i in range(len(name)):
                if name[i] == "/":
                    break
                rest = _match_chunk(chunk, name[i + 1 :])
                if rest is not None and (pattern or not rest):
                    taken = rest
                    break
            if taken is not None:
                name = taken
                continue
        while pattern:  # no match: the rest of the pattern must still be well formed
            _, chunk, pattern = _scan_chunk(pattern)
            _match_chunk(chunk, "")
        return False
    return not name


def _scan_chunk(pattern: str) -> tuple[bool, str, str]:
    """The leading stars of ``pattern``, the chunk up to the next star outside a
    class, and what follows it."""
    stripped = pattern.lstrip("*")
    star, pattern = len(stripped) < len(pattern), stripped
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1 if i + 1 < len(pattern) else 0
        elif c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "*" and not in_class:
            return star, pattern[:i], pattern[i:]
        i += 1
    return star, pattern, ""


def _match_chunk(chunk: str, s: str) -> str | None:
    """What is left of ``s`` after ``chunk`` matched its start, or None; the whole
    chunk is read even after a failure, so that a malformed one raises."""
    failed = False
    while chunk:
        failed = failed or not s
        c = chunk[0]
        if c == "[":
            r = ""
            if not failed:
                r, s = s[0], s[1:]
            chunk = chunk[1:]
            negated = chunk[:1] == "^"
            if negated:
                chunk = chunk[1:]
            matched, ranges = False, 0
            while True:
                if chunk[:1] == "]" and ranges > 0:
                    chunk = chunk[1:]
                    break
                lo, chunk = _class_char(chunk)
                hi = lo
                if chunk[0] == "-":
                    hi, chunk = _class_char(chunk[1:])
                matched = matched or (not failed and lo <= r <= hi)
                ranges += 1
            failed = failed or matched == negated
        elif c == "?":
            if not failed:
                failed, s = s[0] == "/", s[1:]
            chunk = chunk[1:]
        else:
            if c == "\\":
                chunk = chunk[1:]
                if not chunk:
                    raise _BadPattern
            if not failed:
                failed, s = chunk[0] != s[0], s[1:]
            chunk = chunk[1:]
    return None if failed else s


def _class_char(chunk: str) -> tuple[str, str]:
    """One character of a class, quoted or not, and the rest of the chunk; a class
    that ends too soon is malformed."""
    if not chunk or chunk[0] in "-]":
        raise _BadPattern
    if chunk[0] == "\\":
        chunk = chunk[1:]
        if not chunk:
            raise _BadPattern
    r, rest = chunk[0], chunk[1:]
    if not rest:
        raise _BadPattern
    return r, rest
