"""A library type's methods called by their Go names."""

from __future__ import annotations

import re
from typing import Any

_WORD = re.compile(r"(?<!^)(?=[A-Z])")


class GoNames:
    """A library type whose methods golib spells in snake case (``len``,
    ``write_string``), called by their Go names (``Len``, ``WriteString``) where an
    interface of the program's holds a value of it (``var l Lener =
    strings.NewReader(s)``, then ``l.Len()``): the snake-case method, which takes
    and returns what Go's does."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        if name[:1].isupper():
            snake = _WORD.sub("_", name).lower()
            if hasattr(type(self), snake):
                return getattr(self, snake)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
