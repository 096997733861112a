"""File descriptors: what the program holds open, who opened it, and when.

Numbers are allocated as a Unix kernel does: the lowest free number, starting
at 3 (0, 1 and 2 are the standard streams).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .runtime import Runtime


@dataclass(frozen=True)
class OpenFile:
    """One open descriptor: ``kind`` (``socket``, ``pipe``...), ``owner``, opening time."""

    fd: int
    kind: str
    owner: str
    opened_at: int


class FDTable:
    """The program's descriptor table: ``open`` returns a number, ``close`` releases it."""

    def __init__(self, rt: Runtime):
        self._rt = rt
        self._open: dict[int, OpenFile] = {}
        self._free: list[int] = []
        self._next = 3
        self.opened = 0  # ever
        self.closed = 0

    def open(self, kind: str, owner: str = "") -> int:
        """Open a descriptor of ``kind`` on behalf of ``owner``; returns its number."""
        fd = heapq.heappop(self._free) if self._free else self._next
        if fd == self._next:
            self._next += 1
        self._open[fd] = OpenFile(fd, kind, owner, self._rt.env._now)
        self.opened += 1
        return fd

    def close(self, fd: int) -> bool:
        """Close ``fd``; False (Unix's EBADF) if it is not open."""
        if self._open.pop(fd, None) is None:
            return False
        heapq.heappush(self._free, fd)
        self.closed += 1
        return True

    def __len__(self) -> int:
        return len(self._open)

    def __contains__(self, fd: int) -> bool:
        return fd in self._open

    def listing(self) -> list[OpenFile]:
        """The open descriptors, lowest number first."""
        return [self._open[fd] for fd in sorted(self._open)]
