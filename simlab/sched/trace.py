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

FOLD_AT = 1 << 15


class Trace:
    """The scheduling trace of one run, hashed as it grows; optionally every event.

    The runtime appends ``now, goroutine id`` to :attr:`ints` each time a
    goroutine gets the processor (inline, it is the hottest path there is) and
    calls :meth:`fold` when it holds :data:`FOLD_AT` numbers.
    """

    __slots__ = ("_hash", "events", "full", "ints")

    def __init__(self, full: bool = False):
        self._hash = hashlib.sha256()
        self.ints = array("q")
        self.full = full
        self.events: list[tuple[int, int, str, Any]] = []

    def event(self, now: int, gid: int, kind: str, detail: Any = None) -> None:
        self.events.append((now, gid, kind, detail))

    def fold(self) -> None:
        """Hash what :attr:`ints` holds and empty it."""
        ints = self.ints
        if sys.byteorder == "big":  # the digest is of little-endian int64s everywhere
            ints.byteswap()
        self._hash.update(ints.tobytes())
        del ints[:]

    def digest(self, decisions: list[int]) -> str:
        """sha256 (hex) of the scheduling trace so far and the run's ``decisions``."""
        self.fold()
        h = self._hash.copy()
        options = array("q", decisions)
        if sys.byteorder == "big":
            options.byteswap()
        h.update(options.tobytes())
        return h.hexdigest()
