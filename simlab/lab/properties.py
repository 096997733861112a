"""Properties: what must hold in every run, checked as the run goes.

A :class:`Property` is a predicate with the moments it is checked at:
``"sample"`` (every metric sample), ``"end"`` (at ``duration``, before the stop
signal), ``"shutdown"`` (after the program stopped), ``"deadlock"`` (the run
ended in a global deadlock), or any moment a model announces itself with
``sim.checkpoint("rotation", ...)``. The :class:`Checker` keeps the first
violation of each property together with the goroutine dump of that instant,
which is what a failing schedule is reported with.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..duration import format_duration


@dataclass(frozen=True)
class Property:
    """A named predicate: ``check(sim, moment, **info)`` returns None, or what is wrong."""

    name: str
    description: str
    moments: tuple[str, ...]
    check: Callable[..., str | None]


@dataclass(frozen=True)
class Violation:
    """The first time a property did not hold: when, what, and the goroutine dump then."""

    property: str
    at: int
    detail: str
    dump: str

    def headline(self) -> str:
        return f"{self.property} broke at {format_duration(self.at)}: {self.detail}"


class Checker:
    """Checks properties at the moments of a run; remembers each one's first violation."""

    def __init__(self, properties: Sequence[Property]):
        self.properties = tuple(properties)
        self.violations: dict[str, Violation] = {}
        self._by_moment: dict[str, list[Property]] = {}
        for p in self.properties:
            for m in p.moments:
                self._by_moment.setdefault(m, []).append(p)

    def checkpoint(self, sim: Any, moment: str, **info: Any) -> None:
        for p in self._by_moment.get(moment, ()):
            if p.name in self.violations:
                continue
            detail = p.check(sim, moment, **info)
            if detail is not None:
                rt = sim.rt
                dump = rt.goroutine_profile(debug=2) if moment != "shutdown" else _left(rt)
                self.violations[p.name] = Violation(p.name, rt.now, detail, dump)

    def failed(self) -> list[str]:
        """Names of the properties that broke, in the order they are declared."""
        return [p.name for p in self.properties if p.name in self.violations]


def _left(rt: Any) -> str:
    from ..go.profile import traceback_dump

    return traceback_dump(rt)
