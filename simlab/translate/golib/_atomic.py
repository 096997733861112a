"""``sync/atomic`` on a field: ``atomic.LoadInt32(&s.draining)``."""

from __future__ import annotations

from typing import Any

from simlab.go.atomic import wrap
from simlab.go.goroutine import Goroutine, Op

from ._runstate import _state
from ._values import ElemRef, FieldRef

_ATOMIC_BITS = {"Int32": (32, True), "Int64": (64, True), "Uint32": (32, False)}
_ATOMIC_BITS |= {"Uint64": (64, False), "Uintptr": (64, False)}


class _FieldAtomic(Op):
    """One atomic access to ``obj.field``: an operation the goroutine yields, so that
    a preemptive strategy may switch goroutines between two of them, as Go may.

    ``obj`` may also be a package's ``globals()`` (``field`` a variable's name), or a
    pointer: a ``Ref``'s ``v``, and the field or slice element a ``FieldRef`` or
    ``ElemRef`` points at."""

    __slots__ = ("args", "field", "kind", "obj", "verb")

    def __init__(self, verb: str, obj: Any, field: Any, kind: str, args: tuple[Any, ...]):
        self.verb, self.obj, self.field, self.kind, self.args = verb, obj, field, kind, args

    def start(self, rt: Any, g: Goroutine) -> Any:
        obj, field, ref = self.obj, self.field, self.obj
        if type(ref) is FieldRef:
            obj, field = ref.obj, ref.name
        elif type(ref) is ElemRef:
            obj, field = ref.s, ref.i
        ids = _state(rt).atomic_ids
        key = (id(obj), field)
        if key not in ids:  # the place's identity in this run, for dfs's footprints
            ids[key] = (obj, rt.new_id())
        rt.touch(ids[key][1])
        item = isinstance(obj, dict | list)  # globals(), a slice
        old = obj[field] if item else getattr(obj, field)
        verb, args = self.verb, self.args
        if verb == "load":
            return old
        if verb == "compare_and_swap":
            if old != args[0]:
                return False
            new = args[1]
        elif verb == "add":
            new = wrap(old + args[0], *_ATOMIC_BITS[self.kind])
        elif verb in ("and", "or"):
            new = wrap(old & args[0] if verb == "and" else old | args[0], *_ATOMIC_BITS[self.kind])
        else:  # store, swap
            new = args[0]
        if item:
            obj[field] = new
        else:
            setattr(obj, field, new)
        if verb == "add":
            return new
        if verb in ("swap", "and", "or"):
            return old
        return None if verb == "store" else True


def atomic_load(obj: Any, field: Any, kind: str) -> Op:
    """``atomic.LoadT(&obj.field)``: yield it for the value."""
    return _FieldAtomic("load", obj, field, kind, ())


def atomic_store(obj: Any, field: Any, kind: str, v: int) -> Op:
    """``atomic.StoreT(&obj.field, v)``."""
    return _FieldAtomic("store", obj, field, kind, (v,))


def atomic_add(obj: Any, field: Any, kind: str, delta: int) -> Op:
    """``atomic.AddT(&obj.field, delta)``: yield it for the new value, wrapped as T."""
    return _FieldAtomic("add", obj, field, kind, (delta,))


def atomic_swap(obj: Any, field: Any, kind: str, new: int) -> Op:
    """``atomic.SwapT(&obj.field, new)``: yield it for the old value."""
    return _FieldAtomic("swap", obj, field, kind, (new,))


def atomic_and(obj: Any, field: Any, kind: str, mask: int) -> Op:
    """``atomic.AndT(&obj.field, mask)``: yield it for the old value."""
    return _FieldAtomic("and", obj, field, kind, (mask,))


def atomic_or(obj: Any, field: Any, kind: str, mask: int) -> Op:
    """``atomic.OrT(&obj.field, mask)``: yield it for the old value."""
    return _FieldAtomic("or", obj, field, kind, (mask,))


def atomic_compare_and_swap(obj: Any, field: Any, kind: str, old: int, new: int) -> Op:
    """``atomic.CompareAndSwapT(&obj.field, old, new)``: yield it for whether it swapped."""
    return _FieldAtomic("compare_and_swap", obj, field, kind, (old, new))
