"""``path`` and ``path/filepath`` on Linux, where the two agree: slash-separated
paths handled lexically, as Go's do, touching no file system."""

from __future__ import annotations

import posixpath

__all__ = [
    "path_base",
    "path_clean",
    "path_dir",
    "path_ext",
    "path_is_abs",
    "path_join",
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
