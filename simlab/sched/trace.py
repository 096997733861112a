"""The trace of a run, its digest, and (when asked for) the full event log.

Every run keeps the *scheduling trace*: for each stretch a goroutine ran, the
instant and the goroutine's id, plus every decision the strategy took
(:class:`DecisionLog`). Their sha256 is the run's digest: equal digests mean the
same interleaving at the same instants. Both are folded into hashes as they grow,
so they cost constant memory however long the run.

With ``Runtime(trace=True)`` the run also keeps :attr:`Trace.events`, a list of
``(time, goroutine id, kind, detail)`` tuples (goroutine create, block, unblock
and exit, channel operations, context cancellations) for the Perfetto export.
"""

from __future__ import annotations

import hashlib
from struct import pack
from typing import Any

FOLD_AT = 1 << 15


def _int64s(ints: list[int]) -> bytes:
    """``ints`` as little-endian int64s, whatever the machine's byte order."""
    return pack(f"<{len(ints)}q", *ints)


class Trace:
    """The scheduling trace of one run, hashed as it grows; optionally every event.

    The runtime appends ``now, goroutine id`` to :attr:`ints` each time a
    goroutine gets the processor (inline, it is the hottest path there is) and
    calls :meth:`fold` when it holds :data:`FOLD_AT` numbers. A list, not an
    ``array``: appending to a list is cheaper, and the fold packs it at once.
    """

    __slots__ = ("_hash", "events", "full", "ints")

    def __init__(self, full: bool = False):
        self._hash = hashlib.sha256()
        self.ints: list[int] = []
        self.full = full
        self.events: list[tuple[int, int, str, Any]] = []

    def event(self, now: int, gid: int, kind: str, detail: Any = None) -> None:
        self.events.append((now, gid, kind, detail))

    def fold(self) -> None:
        """Hash what :attr:`ints` holds and empty it."""
        ints = self.ints
        self._hash.update(_int64s(ints))  # the digest is of little-endian int64s everywhere
        ints.clear()

    def digest(self, decisions: DecisionLog) -> str:
        """sha256 (hex) of the scheduling trace so far and the run's ``decisions``."""
        self.fold()
        return hashlib.sha256(self._hash.digest() + decisions.hashed()).hexdigest()


class DecisionLog:
    """Every decision a run took (the option chosen, 0 being fifo's): counted and
    hashed always; kept, as deviations from fifo, only when ``record`` is set, so
    that a long run's memory does not grow with its length."""

    __slots__ = ("_folded", "_hash", "buf", "deviations", "record")

    def __init__(self, record: bool = True):
        self.record = record
        self.deviations: list[tuple[int, int]] = []
        self.buf: list[int] = []  # options not yet hashed; the runtime appends fifo's 0s itself
        self._folded = 0
        self._hash = hashlib.sha256()

    @property
    def count(self) -> int:
        """How many decisions the run has taken."""
        return self._folded + len(self.buf)

    def append(self, option: int) -> None:
        buf = self.buf
        if option and self.record:
            self.deviations.append((self._folded + len(buf), option))
        buf.append(option)
        if len(buf) >= FOLD_AT:
            self.fold()

    def fold(self) -> None:
        """Hash the buffered options and empty the buffer."""
        buf = self.buf
        self._folded += len(buf)
        self._hash.update(_int64s(buf))
        buf.clear()

    def hashed(self) -> bytes:
        """sha256 of every option taken so far, in order."""
        self.fold()
        return self._hash.digest()

    def __len__(self) -> int:
        return self.count
