"""``reflect.DeepEqual``, the one function of ``reflect`` a translation calls: Go's
deep equality over the values a run holds."""

from __future__ import annotations

from typing import Any

import simlab as sl

from ._types import TypedList
from ._values import NIL_MAP, NamedValue, NilSlice, Ref

__all__ = ["deep_equal"]


def deep_equal(x: Any, y: Any) -> bool:
    """``reflect.DeepEqual(x, y)``: values of one type that are deeply equal, as Go
    defines it: a nil slice or map equals no empty one; slices and arrays element
    by element, maps key by key, structs field by field (unexported fields too),
    pointers by what they point to; a function only if both are nil; a NaN nothing.
    A struct value and a pointer to one are of different types (the value is held
    as ``go.as_value``'s copy); the types of two slices are told apart only where
    the run keeps them (a literal's)."""
    return _deep(x, y, set())


def _deep(x: Any, y: Any, seen: set[tuple[int, int]]) -> bool:
    if x is None or y is None:
        return x is y
    if isinstance(x, list) and isinstance(y, list):
        if isinstance(x, TypedList) and isinstance(y, TypedList) and x.go_type != y.go_type:
            return False
        if _nil_slice(x) != _nil_slice(y) or len(x) != len(y):
            return False
        return all(_deep(a, b, seen) for a, b in zip(x, y, strict=True))
    if isinstance(x, dict) and isinstance(y, dict):
        if (x is NIL_MAP) != (y is NIL_MAP) or len(x) != len(y):
            return False
        return all(k in y and _deep(v, y[k], seen) for k, v in x.items())
    if type(x) is not type(y):
        return False
    if isinstance(x, int | float | str):
        return bool(x == y)  # a NaN equals nothing, itself too
    if isinstance(x, sl.GoError):
        return x is y or str(x) == str(y)  # errors.New's: pointers to equal strings
    if isinstance(x, Ref | NamedValue):
        return x is y or _pair_seen(x, y, seen) or _deep(x.v, y.v, seen)
    if callable(x) and not hasattr(type(x), "__slots__"):
        return False  # functions: equal only when both are nil
    if not type(x).__module__.startswith("simlab.translated.") or not hasattr(type(x), "__slots__"):
        return x is y or bool(x == y)  # a channel, a primitive, a value of the library's
    if x is y or _pair_seen(x, y, seen):
        return True
    return all(_deep(getattr(x, s), getattr(y, s), seen) for s in _fields(type(x)))


def _nil_slice(x: list[Any]) -> bool:
    return type(x) is NilSlice and not x


def _pair_seen(x: Any, y: Any, seen: set[tuple[int, int]]) -> bool:
    """Whether the pair is being compared already (a cycle): then it is equal so far."""
    pair = (id(x), id(y))
    if pair in seen:
        return True
    seen.add(pair)
    return False


def _fields(cls: type) -> list[str]:
    """The fields of a struct class of the program, its type arguments aside."""
    hidden = getattr(cls, "go_type_params", ())
    return [s for s in getattr(cls, "__slots__", ()) if s not in hidden]
