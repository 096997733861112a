"""The trace of a run, its digest, and (when asked for) the full event log.

Every run keeps the *scheduling trace*: for each stretch a goroutine ran, the
instant and the goroutine's id, plus every decision the strategy took. Its
sha256 is the run's digest: equal digests mean the same interleaving at the same
instants. The trace is folded into the hash as it grows, so it costs constant
memory however long the run.

With ``Runtime(trace=True)`` the run also keeps :attr:`Trace.events`, a list of
``(time, goroutine id, kind, detail)`` tuples (goroutine create, block, unblock
and exit, channel operations, context cancellations) for the Perfetto export.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from typing import Any

_FOLD_AT = 1 << 15


class Trace:
    """The scheduling trace of one run, hashed as it grows; optionally every event."""

    __slots__ = ("_hash", "_ints", "events", "full")

    def __init__(self, full: bool = False):
        self._hash = hashlib.sha256()
        self._ints = array("q")
        self.full = full
        self.events: list[tuple[int, int, str, Any]] = []

    def segment(self, now: int, gid: int) -> None:
        """Goroutine ``gid`` got the processor at ``now``."""
        ints = self._ints
        ints.append(now)
        ints.append(gid)
        if len(ints) >= _FOLD_AT:
            self._fold()

    def mark(self, code: int, value: int) -> None:
        """Something else the digest must see: a decision (code, option), an exit."""
        ints = self._ints
        ints.append(-code)
        ints.append(value)

    def event(self, now: int, gid: int, kind: str, detail: Any = None) -> None:
        self.events.append((now, gid, kind, detail))

    def _fold(self) -> None:
        ints = self._ints
        if sys.byteorder == "big":  # the digest is of little-endian int64s everywhere
            ints.byteswap()
        self._hash.update(ints.tobytes())
        del ints[:]

    def digest(self) -> str:
        """sha256 (hex) of the scheduling trace so far."""
        self._fold()
        return self._hash.copy().hexdigest()
