"""A schedule: the decisions a run took, as a short string that replays it.

Whenever a run has a real choice (two or more goroutines ready at once, two or
more ``select`` cases ready, several children of a context to cancel), it takes
option 0, 1, ... of that decision. Option 0 is what the ``fifo`` strategy takes,
so a schedule is written as its *deviations* from ``fifo``: ``"fifo"`` takes
option 0 everywhere, ``"3:1,17:2"`` takes option 1 at decision 3 and option 2 at
decision 17. Long schedules (a ``random`` run) are packed as ``"z..."``.

A leading ``p`` (``"p3:1"``, ``"pfifo"``) marks the schedule of a preemptive run
(``random:preempt``, ``pct:...:preempt``): its runs also took a decision, option
0 "go on" or 1 "switch", at every operation a goroutine yielded while another
was runnable, so its replay must ask the same questions.
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import SimlabError

_READABLE_MAX = 16


def _varints(values: Iterable[int]) -> bytes:
    out = bytearray()
    for v in values:
        while True:
            byte, v = v & 0x7F, v >> 7
            out.append(byte | (0x80 if v else 0))
            if not v:
                break
    return bytes(out)


def _unvarints(data: bytes) -> list[int]:
    values, v, shift = [], 0, 0
    for byte in data:
        v |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            values.append(v)
            v, shift = 0, 0
    if shift:
        raise ValueError("truncated")
    return values


@dataclass(frozen=True)
class Schedule:
    """Deviations from ``fifo``: sorted ``(decision, option)`` pairs, option ≥ 1;
    ``preemptive`` if its run also decided at every operation (see the module)."""

    deviations: tuple[tuple[int, int], ...] = ()
    preemptive: bool = False

    @classmethod
    def from_choices(cls, choices: Sequence[int], preemptive: bool = False) -> Schedule:
        """The schedule of a run that took ``choices[k]`` at decision ``k``."""
        return cls(tuple((k, c) for k, c in enumerate(choices) if c), preemptive)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[int, int]], preemptive: bool = False) -> Schedule:
        """Normalise arbitrary pairs: later pairs win, option 0 is dropped."""
        table: dict[int, int] = {}
        for pos, opt in pairs:
            if pos < 0 or opt < 0:
                raise ValueError(f"decision {pos}, option {opt}: both must be ≥ 0")
            table[pos] = opt
        return cls(tuple(sorted((p, o) for p, o in table.items() if o)), preemptive)

    def as_dict(self) -> dict[int, int]:
        return dict(self.deviations)

    def __len__(self) -> int:
        return len(self.deviations)

    def __str__(self) -> str:
        return ("p" if self.preemptive else "") + self._body()

    def _body(self) -> str:
        if not self.deviations:
            return "fifo"
        if len(self.deviations) <= _READABLE_MAX:
            return ",".join(f"{p}:{o}" for p, o in self.deviations)
        flat, prev = [], -1
        for pos, opt in self.deviations:
            flat += [pos - prev - 1, opt - 1]
            prev = pos
        packed = zlib.compress(_varints(flat), 9)
        return "z" + base64.urlsafe_b64encode(packed).decode().rstrip("=")

    def describe(self) -> str:
        """In words, for a report: ``fifo, except option 1 at decision 3``."""
        if not self.deviations:
            return "fifo at every decision"
        shown = ", ".join(f"option {o} at decision {p}" for p, o in self.deviations[:8])
        more = f" and {len(self.deviations) - 8} more" if len(self.deviations) > 8 else ""
        return f"fifo, except {shown}{more}"

    @classmethod
    def parse(cls, text: str) -> Schedule:
        """Read what ``str(schedule)`` wrote; a malformed string is a :class:`SimlabError`."""
        text = original = text.strip()
        preemptive = text.startswith("p")
        text = text.removeprefix("p")
        try:
            return cls._parse(text, preemptive)
        except (ValueError, zlib.error, TypeError):
            raise SimlabError(
                f"malformed schedule {original!r}: expected 'fifo', 'DECISION:OPTION,...' "
                "or a packed 'z...' string as a run prints it (a leading 'p' if preemptive)"
            ) from None

    @classmethod
    def _parse(cls, text: str, preemptive: bool) -> Schedule:
        if text == "fifo":
            return cls((), preemptive)
        if text.startswith("z"):
            raw = base64.urlsafe_b64decode(text[1:] + "=" * (-len(text[1:]) % 4))
            flat = _unvarints(zlib.decompress(raw))
            if len(flat) % 2:
                raise ValueError("odd length")
            pairs, prev = [], -1
            for gap, opt in zip(flat[::2], flat[1::2], strict=True):
                prev += gap + 1
                pairs.append((prev, opt + 1))
            return cls(tuple(pairs), preemptive)
        listed = []
        for item in text.split(","):
            at, option = item.split(":")
            listed.append((int(at), int(option)))
        return cls.from_pairs(listed, preemptive)
