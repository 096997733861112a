"""``sync.Map``: a map that goroutines share without a lock of their own.

Every method but ``range`` is one access the goroutine yields (``v, ok = yield
m.load(key)``), as an atomic access is: none ever blocks, but another goroutine's
access may come between two of this one's, so a preemptive strategy may switch
there. ``yield from m.range(f)`` visits the keys in an order the strategy picks,
as Go's map iteration has none, each visit one access: a key stored during the
range may or may not be visited (here it is not), a key deleted before its visit
is not, and each visit sees the key's value of that moment, as Go allows.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from inspect import isgenerator
from typing import TYPE_CHECKING, Any

from .atomic import _Access, interface_equal
from .goroutine import Op

if TYPE_CHECKING:
    from .runtime import Runtime

_ABSENT = object()


class _Keys(dict[Any, Any]):
    """The entries of a sync.Map, whose keys are interface values: Go tells them
    apart by their dynamic types too, so ``1``, ``True`` and ``1.0`` (an int, a
    bool, a float64) are three keys, where a Python dict has one."""

    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__((type(key), key))

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__((type(key), key), value)

    def __delitem__(self, key: Any) -> None:
        super().__delitem__((type(key), key))

    def __contains__(self, key: object) -> bool:
        return super().__contains__((type(key), key))

    def __iter__(self) -> Any:
        return (key for _, key in super().__iter__())

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get((type(key), key), default)

    def pop(self, key: Any, *default: Any) -> Any:
        return super().pop((type(key), key), *default)


class Map:
    """A ``sync.Map``, made by ``rt.sync_map()``; keys and values are any value."""

    __slots__ = ("_m", "_rt", "id")

    def __init__(self, rt: Runtime) -> None:
        self._rt = rt
        self._m = _Keys()
        self.id = rt.new_id()

    def _op(self, fn: Callable[..., Any], *args: Any) -> Op:
        self._rt.ops_made += 1
        return _Access(self, fn, args)

    def load(self, key: Any) -> Op:
        """``m.Load(key)``: yield it for ``(value, ok)``; ``(None, False)`` if absent."""
        return self._op(self._load, key)

    def store(self, key: Any, value: Any) -> Op:
        """``m.Store(key, value)``."""
        return self._op(self._m.__setitem__, key, value)

    def load_or_store(self, key: Any, value: Any) -> Op:
        """``m.LoadOrStore(key, value)``: yield it for ``(actual, loaded)``: the value
        there, and True; else ``value``, stored, and False."""
        return self._op(self._load_or_store, key, value)

    def load_and_delete(self, key: Any) -> Op:
        """``m.LoadAndDelete(key)``: yield it for ``(value, loaded)``."""
        return self._op(self._load_and_delete, key)

    def delete(self, key: Any) -> Op:
        """``m.Delete(key)``."""
        return self._op(self._delete, key)

    def swap(self, key: Any, value: Any) -> Op:
        """``m.Swap(key, value)``: yield it for ``(previous, loaded)``."""
        return self._op(self._swap, key, value)

    def compare_and_swap(self, key: Any, old: Any, new: Any) -> Op:
        """``m.CompareAndSwap(key, old, new)``: yield it for whether it swapped (only
        where ``key`` holds ``old``)."""
        return self._op(self._compare_and_swap, key, old, new)

    def compare_and_delete(self, key: Any, old: Any) -> Op:
        """``m.CompareAndDelete(key, old)``: yield it for whether it deleted."""
        return self._op(self._compare_and_delete, key, old)

    def clear(self) -> Op:
        """``m.Clear()``."""
        return self._op(self._m.clear)

    def range(self, f: Callable[[Any, Any], Any]) -> Generator[Any, Any, None]:
        """``m.Range(f)``: ``yield from m.range(f)``. ``f(key, value)`` returns whether to
        go on; it may be a generator function (then the range waits for it)."""
        for key in self._rt.shuffled(list(self._m)):
            value = yield self._op(self._m.get, key, _ABSENT)
            if value is _ABSENT:
                continue  # deleted since the range began
            more = f(key, value)
            if isgenerator(more):
                more = yield from more
            if not more:
                return

    def _load(self, key: Any) -> tuple[Any, bool]:
        value = self._m.get(key, _ABSENT)
        return (None, False) if value is _ABSENT else (value, True)

    def _load_or_store(self, key: Any, value: Any) -> tuple[Any, bool]:
        if key in self._m:
            return self._m[key], True
        self._m[key] = value
        return value, False

    def _load_and_delete(self, key: Any) -> tuple[Any, bool]:
        value = self._m.pop(key, _ABSENT)
        return (None, False) if value is _ABSENT else (value, True)

    def _delete(self, key: Any) -> None:
        self._m.pop(key, None)

    def _swap(self, key: Any, value: Any) -> tuple[Any, bool]:
        previous = self._m.get(key, _ABSENT)
        self._m[key] = value
        return (None, False) if previous is _ABSENT else (previous, True)

    def _compare_and_swap(self, key: Any, old: Any, new: Any) -> bool:
        if key not in self._m or not interface_equal(self._m[key], old):
            return False
        self._m[key] = new
        return True

    def _compare_and_delete(self, key: Any, old: Any) -> bool:
        if key not in self._m or not interface_equal(self._m[key], old):
            return False
        del self._m[key]
        return True

    def label(self) -> str:
        return f"sync.Map#{self.id}"

    def __repr__(self) -> str:
        return f"<sync.Map #{self.id} len={len(self._m)}>"
