"""``sync.Pool``."""

from __future__ import annotations

from collections.abc import Callable, Generator
from inspect import isgenerator
from typing import Any


class Pool:
    """``sync.Pool`` as Go 1.27 keeps it on one processor: the first value Put waits
    in the processor's private slot, later ones on a stack; ``Get`` takes the
    private one, then the newest on the stack, else calls ``New`` (nil without
    one). Go may also drop pooled values at any garbage collection; simlab never
    does, which is the pool of a program that ran no collection."""

    go_name = "*sync.Pool"

    __slots__ = ("New", "_private", "_shared")

    def __init__(self, New: Callable[[], Any] | None = None) -> None:
        self.New = New
        self._private: Any = None
        self._shared: list[Any] = []

    def get(self) -> Any:
        x, self._private = self._private, None
        if x is None and self._shared:
            x = self._shared.pop()
        if x is None and self.New is not None:
            x = self.New()
        return x

    def get_yielding(self) -> Generator[Any, Any, Any]:
        """``Get`` in a program where a pool's ``New`` blocks (it locks a mutex, or
        counts its allocations with an atomic): ``New`` runs as the getter's own
        steps (another pool's ``New``, which does not block, is a plain call)."""
        x, self._private = self._private, None
        if x is None and self._shared:
            x = self._shared.pop()
        if x is None and self.New is not None:
            x = self.New()
            if isgenerator(x):
                x = yield from x
        return x

    def put(self, x: Any) -> None:
        if x is None:
            return  # Put(nil) does nothing
        if self._private is None:
            self._private = x
        else:
            self._shared.append(x)
