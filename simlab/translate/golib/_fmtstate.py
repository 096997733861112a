"""``fmt.State``: what a ``Format`` method of the program writes its text to."""

from __future__ import annotations

from collections.abc import Callable
from inspect import isgenerator
from typing import Any

from simlab.errors import GoPanic, SimlabError

from ._types import type_name


class State:
    """The ``fmt.State`` a ``Format`` method of the program (a ``fmt.Formatter``)
    writes its operand's text to, with the flags, width and precision of the verb
    it was given."""

    __slots__ = ("_flags", "_precision", "_width", "parts")

    def __init__(self, flags: str, width: int | None, precision: int | None) -> None:
        self._flags, self._width, self._precision = flags, width, precision
        self.parts: list[str] = []

    def write(self, data: str | list[int]) -> tuple[int, None]:
        text = data if isinstance(data, str) else bytes(data).decode(errors="replace")
        self.parts.append(text)
        return len(text.encode()), None

    def width(self) -> tuple[int, bool]:
        return (self._width or 0), self._width is not None

    def precision(self) -> tuple[int, bool]:
        return (self._precision or 0), self._precision is not None

    def flag(self, c: int) -> bool:
        return chr(c) in self._flags


def formatted(
    x: Any,
    verb: str,
    flags: str,
    width: int | None,
    precision: int | None,
    method: Callable[[Any, State, int], Any] | None = None,
    panicked: Callable[[Exception], str] | None = None,
) -> str:
    """What the Formatter ``x`` writes for ``verb`` (by ``method``, its static type's
    ``Format``, where given; else its own): fmt pads none of it. Where the method
    panics, what it wrote and then ``panicked``'s text for the panic, as fmt
    recovers it (without ``panicked``, the panic goes on)."""
    state = State(flags, width, precision)
    try:
        result = x.Format(state, ord(verb)) if method is None else method(x, state, ord(verb))
    except (GoPanic, AttributeError, IndexError, TypeError, ZeroDivisionError) as exc:
        if panicked is None:
            raise
        return "".join(state.parts) + panicked(exc)
    if isgenerator(result):
        raise SimlabError(
            f"fmt called the Format method of {type_name(x)}, which blocks: simlab runs"
            " fmt's methods in one step"
        )
    return "".join(state.parts)
