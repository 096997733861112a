"""``reflect.DeepEqual``, Go's deep equality over the values a run holds, and
``reflect.TypeOf``'s ``reflect.Type`` as far as a type's name tells it: compared,
a map's key, its ``String``, ``Name`` and ``Elem``."""

from __future__ import annotations

from typing import Any

import simlab as sl

from ._panics import panic
from ._types import TypedList, type_arg_name, type_name
from ._values import NamedValue, NilMap, Ref, is_nil

__all__ = ["Type", "deep_equal", "reflect_pointer_to", "reflect_type", "reflect_type_of"]


def deep_equal(x: Any, y: Any) -> bool:
    """``reflect.DeepEqual(x, y)``: values of one type that are deeply equal, as Go
    defines it: a nil slice or map equals no empty one; slices and arrays element
    by element, maps key by key, structs field by field (unexported fields too),
    pointers by what they point to; a function only if both are nil; a NaN nothing;
    a cycle through slices, maps or pointers is equal where it comes round again,
    as Go's. (Go finds a slice or a map equal to itself, NaNs and all; here the
    call is given copies that keep the types, which are not the same list.)
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
        if x is y or _pair_seen(x, y, seen):
            return True  # one array (a NaN in it too), or a cycle through it
        return all(_deep(a, b, seen) for a, b in zip(x, y, strict=True))
    if isinstance(x, dict) and isinstance(y, dict):
        kx, ky = getattr(x, "go_type", None), getattr(y, "go_type", None)
        if kx is not None and ky is not None and kx != ky:
            return False  # map[ID]int against map[string]int: another type
        if (isinstance(x, NilMap)) != (isinstance(y, NilMap)) or len(x) != len(y):
            return False
        if x is y or _pair_seen(x, y, seen):
            return True
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
    return is_nil(x)  # a NilSlice, or go.typed's of one


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


_UNNAMED = ("*", "[", "map[", "chan ", "chan<- ", "<-chan ", "func(", "struct {", "interface {")


class Type:
    """A ``reflect.Type``: the type whose name ``%T`` prints, ``main.OrderPlaced``
    or ``*main.OrderPlaced``; two are equal, and key a map alike, where the names
    are."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Type) and other._name == self._name

    def __hash__(self) -> int:
        return hash((Type, self._name))

    def __repr__(self) -> str:
        return f"reflect.Type({self._name!r})"

    def String(self) -> str:
        """``t.String()``: the name as ``%T`` prints it."""
        return self._name

    def Name(self) -> str:
        """``t.Name()``: a defined type's name in its package (``OrderPlaced``, ``int``);
        "" for a pointer, slice, map, channel, function or literal type."""
        if self._name.startswith(_UNNAMED):
            return ""
        head = self._name.split("[", 1)[0]
        return self._name[head.rfind(".") + 1 :]

    def Elem(self) -> Type:
        """``t.Elem()``: the element type of a pointer, slice, array, channel or map
        type; Go's panic for any other."""
        elem = self._elem()
        if elem is None:
            panic(f"reflect: Elem of invalid type {self._name}")
        return Type(elem or "")

    def _elem(self) -> str | None:
        name = self._name
        for prefix in ("*", "[]", "chan ", "chan<- ", "<-chan "):
            if name.startswith(prefix):
                return name[len(prefix) :]
        if name.startswith(("[", "map[")):
            depth = 0
            for i, c in enumerate(name):
                depth += {"[": 1, "]": -1}.get(c, 0)
                if depth == 0 and c == "]":
                    return name[i + 1 :]
        return None


def reflect_type(name: str, _x: Any = None) -> Type:
    """``reflect.TypeOf(x)`` of an ``x`` whose type the program states, ``name`` as
    ``%T`` prints it (``x`` evaluated, as Go evaluates it)."""
    return Type(name)


def reflect_type_of(x: Any) -> Type | None:
    """``reflect.TypeOf(x)`` of an interface value: its dynamic type; nil for nil."""
    return None if x is None else Type(type_name(x))


def reflect_pointer_to(t: Any) -> Type:
    """``reflect.TypeOf((*T)(nil))`` of a type parameter ``T``: a pointer to its
    argument."""
    return Type("*" + type_arg_name(t))
