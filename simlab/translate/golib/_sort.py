"""``sort``, ``slices``, ``maps``, ``cmp`` and ``container/heap``: Go's sorts (stable,
by swaps, with a less function that may block), searches, minima and maxima,
compactions and heaps.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Generator, Sequence
from inspect import isgenerator
from typing import Any

from simlab.errors import SimlabError

from ._math import math_max, math_min
from ._panics import panic
from ._values import NIL_MAP, NamedValue, NilSlice, is_nil, method


def sort_slice(xs: list[Any], less: Callable[[int, int], Any]) -> None:
    """``sort.Slice(xs, less)`` and ``sort.SliceStable``: ``less`` compares the elements
    now at two indices, so the slice is sorted in place, by swaps. Stable (Go leaves
    the order of equal elements of ``sort.Slice`` unspecified)."""
    for _ in sort_slice_yielding(xs, less):
        raise SimlabError("sort.Slice: its less function blocked, which the translation missed")


def sort_slice_yielding(
    xs: list[Any], less: Callable[[int, int], Any]
) -> Generator[Any, Any, None]:
    """``sort.Slice`` whose ``less`` may block (it locks a mutex): ``yield from`` it,
    and each comparison runs in the sorting goroutine, as Go's does."""

    def swap(i: int, j: int) -> None:
        xs[i], xs[j] = xs[j], xs[i]

    yield from _insertion_sort(len(xs), less, swap)


def sort_sort(data: Any) -> None:
    """``sort.Sort(data)`` and ``sort.Stable``: by ``data.Less`` and ``data.Swap``.
    Stable (Go leaves the order of equal elements of ``sort.Sort`` unspecified)."""
    for _ in _insertion_sort(data.Len(), data.Less, data.Swap):
        raise SimlabError("sort.Sort: its Less method blocked, which the translation missed")


def _insertion_sort(
    n: int, less: Callable[[int, int], Any], swap: Callable[[int, int], None]
) -> Generator[Any, Any, None]:
    """Each element swapped down past the greater ones before it: stable, as Go's
    sort is below 13 elements. ``less`` may be a generator function."""
    for i in range(1, n):
        j = i
        while j > 0:
            smaller = less(j, j - 1)
            if isgenerator(smaller):
                smaller = yield from smaller
            if not smaller:
                break
            swap(j, j - 1)
            j -= 1


def sort_float64s(xs: list[float]) -> None:
    """``sort.Float64s(xs)``: increasing, the NaNs first, as Go orders them (Python's
    sort leaves a list holding NaN unsorted)."""
    xs.sort(key=lambda x: (False, 0.0) if math.isnan(x) else (True, x))


def sort_search(n: int, f: Callable[[int], Any]) -> int:
    """``sort.Search(n, f)``: the least ``i`` in ``[0, n)`` for which ``f(i)`` is
    true, ``n`` if none is, by halving the range, so ``f`` is called at the indices
    Go's calls it at."""
    lo, hi = 0, n  # f is false below lo and true from hi on
    while lo < hi:
        mid = (lo + hi) // 2
        if f(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def search_sorted(xs: Sequence[Any], x: Any) -> int:
    """``sort.SearchInts(xs, x)``, ``SearchStrings`` and ``SearchFloat64s``: where
    ``x`` is, or would be inserted, in the sorted ``xs``: the first element ``>= x``."""
    return sort_search(len(xs), lambda i: xs[i] >= x)


class SortReverse:
    """``sort.Reverse(data)``: ``data`` with ``Less`` the other way round."""

    __slots__ = ("data",)

    def __init__(self, data: Any):
        self.data = data

    def Len(self) -> int:
        return int(self.data.Len())

    def Less(self, i: int, j: int) -> bool:
        return bool(self.data.Less(j, i))

    def Swap(self, i: int, j: int) -> None:
        self.data.Swap(i, j)


def sort_is_sorted(data: Any) -> bool:
    """``sort.IsSorted(data)``: no element less than the one before it."""
    return not any(data.Less(i, i - 1) for i in range(data.Len() - 1, 0, -1))


def _heap_up(h: Any, j: int) -> None:
    while j > 0 and h.Less(j, (j - 1) // 2):  # a child less than its parent rises
        h.Swap((j - 1) // 2, j)
        j = (j - 1) // 2


def _heap_down(h: Any, i0: int, n: int) -> bool:
    """Sink the element at ``i0`` below its lesser child while that child is less;
    whether it moved."""
    i = i0
    while 2 * i + 1 < n:
        child = 2 * i + 1
        if child + 1 < n and h.Less(child + 1, child):
            child += 1
        if not h.Less(child, i):
            break
        h.Swap(i, child)
        i = child
    return i > i0


def heap_init(h: Any) -> None:
    """``heap.Init(h)``: the heap order, each parent from the last down sunk in turn."""
    n = h.Len()
    for i in range(n // 2 - 1, -1, -1):
        _heap_down(h, i, n)


def heap_push(h: Any, x: Any) -> None:
    """``heap.Push(h, x)``: ``h.Push(x)``, then the new last element risen."""
    h.Push(x)
    _heap_up(h, h.Len() - 1)


def heap_pop(h: Any) -> Any:
    """``heap.Pop(h)``: the least element swapped to the end, the new first sunk, then
    ``h.Pop()``."""
    n = h.Len() - 1
    h.Swap(0, n)
    _heap_down(h, 0, n)
    return h.Pop()


def heap_remove(h: Any, i: int) -> Any:
    """``heap.Remove(h, i)``: the element at ``i`` swapped to the end and the heap
    order restored at ``i``, then ``h.Pop()``."""
    n = h.Len() - 1
    if n != i:
        h.Swap(i, n)
        if not _heap_down(h, i, n):
            _heap_up(h, i)
    return h.Pop()


def heap_fix(h: Any, i: int) -> None:
    """``heap.Fix(h, i)``: the element at ``i`` sunk or risen to its place."""
    if not _heap_down(h, i, h.Len()):
        _heap_up(h, i)


def slices_index(xs: list[Any], x: Any) -> int:
    """``slices.Index``: the first index of ``x``, or -1."""
    return next((i for i, e in enumerate(xs) if e == x), -1)


def slices_index_func(xs: list[Any], f: Callable[[Any], Any]) -> int:
    """``slices.IndexFunc``: the first index whose element ``f`` holds for, or -1."""
    return next((i for i, e in enumerate(xs) if f(e)), -1)


def slices_clone(s: list[Any]) -> list[Any]:
    """``slices.Clone(s)`` in a program that tells a nil slice from an empty one: a
    new list, or nil for nil (a :class:`NilSlice`)."""
    return NilSlice() if is_nil(s) else list(s)


def slices_delete_func(
    s: list[Any], delete: Callable[[Any], Any], zero: Callable[[], Any]
) -> list[Any]:
    """``slices.DeleteFunc(s, delete)``: the elements ``delete`` is false of, in
    order, moved to the front of ``s`` in place (``delete`` called once for each,
    in order); the elements after them set to the zero value, as Go 1.22's. What
    it returns is ``s`` itself when nothing went, else the kept prefix, a copy (a
    sub-slice is one in the translation)."""
    kept = 0
    for x in s:
        if not delete(x):
            s[kept] = x
            kept += 1
    return _shortened(s, kept, zero)


def slices_compact(
    s: list[Any], zero: Callable[[], Any], equal: Callable[[Any, Any], Any] | None = None
) -> list[Any]:
    """``slices.Compact(s)``: the first of each run of equal elements (``==``, else
    ``equal``: struct values field by field), as ``slices_compact_func``."""
    return slices_compact_func(s, equal or _plain_equal, zero)


def _plain_equal(a: Any, b: Any) -> bool:
    return bool(a == b)


def slices_compact_func(
    s: list[Any], equal: Callable[[Any, Any], Any], zero: Callable[[], Any]
) -> list[Any]:
    """``slices.CompactFunc(s, equal)``: the first element of each run whose
    neighbours ``equal`` holds of, moved to the front of ``s`` in place; ``equal``
    is called once for each pair of neighbours, in order, the later one first, as
    Go's; the rest as ``slices_delete_func``."""
    if len(s) < 2:
        return s
    kept, previous = 1, s[0]
    for x in s[1:]:
        if not equal(x, previous):
            s[kept] = x
            kept += 1
        previous = x
    return _shortened(s, kept, zero)


def _shortened(s: list[Any], n: int, zero: Callable[[], Any]) -> list[Any]:
    """``s[:n]`` after ``clear(s[n:])``: ``s`` itself for its own length."""
    if n == len(s):
        return s
    for i in range(n, len(s)):
        s[i] = zero()
    return s[:n]


def _is_nan(x: Any) -> bool:
    return isinstance(x, float) and math.isnan(x)


def cmp_compare(x: Any, y: Any) -> int:
    """``cmp.Compare(x, y)``: -1, 0 or +1; a NaN is less than any other float and
    equal to a NaN."""
    if _is_nan(x) or _is_nan(y):
        return _is_nan(y) - _is_nan(x)
    return (x > y) - (x < y)


def cmp_less(x: Any, y: Any) -> bool:
    """``cmp.Less(x, y)``: ``cmp.Compare(x, y) < 0``."""
    return cmp_compare(x, y) < 0


def slices_sort_func(xs: list[Any], cmp: Callable[[Any, Any], Any]) -> None:
    """``slices.SortFunc(xs, cmp)`` and ``SortStableFunc``: in place, by ``cmp``'s
    sign. Stable (Go leaves the order of equal elements of ``SortFunc`` unspecified)."""
    for _ in slices_sort_func_yielding(xs, cmp):
        raise SimlabError("slices.SortFunc: its cmp function blocked, which the translation missed")


def slices_sort_func_yielding(
    xs: list[Any], cmp: Callable[[Any, Any], Any]
) -> Generator[Any, Any, None]:
    """``slices.SortFunc`` whose ``cmp`` may block (it locks a mutex): ``yield from``
    it, and each comparison runs in the sorting goroutine, as Go's does."""

    def less(i: int, j: int) -> Any:
        order = cmp(xs[i], xs[j])
        return _negative(order) if isgenerator(order) else order < 0

    def swap(i: int, j: int) -> None:
        xs[i], xs[j] = xs[j], xs[i]

    yield from _insertion_sort(len(xs), less, swap)


def _negative(order: Generator[Any, Any, Any]) -> Generator[Any, Any, bool]:
    return (yield from order) < 0


def slices_binary_search(xs: list[Any], x: Any) -> tuple[int, bool]:
    """``slices.BinarySearch(xs, x)``: where ``x`` is, or would be inserted, in the
    sorted ``xs``, and whether it is there (NaNs first, as cmp.Compare orders them)."""
    i = sort_search(len(xs), lambda h: cmp_compare(xs[h], x) >= 0)
    return i, i < len(xs) and cmp_compare(xs[i], x) == 0


def slices_binary_search_func(
    xs: list[Any], target: Any, cmp: Callable[[Any, Any], int]
) -> tuple[int, bool]:
    """``slices.BinarySearchFunc(xs, target, cmp)``: as ``BinarySearch``, by ``cmp``,
    called at the indices Go's calls it at."""
    i = sort_search(len(xs), lambda h: cmp(xs[h], target) >= 0)
    return i, i < len(xs) and cmp(xs[i], target) == 0


def slices_max(xs: list[Any]) -> Any:
    """``slices.Max(xs)``: as the builtin ``max`` of its elements (NaN if one is);
    an empty slice panics, as Go's."""
    if not xs:
        panic("slices.Max: empty list")
    return functools.reduce(math_max, xs) if isinstance(xs[0], float) else max(xs)


def slices_min(xs: list[Any]) -> Any:
    """``slices.Min(xs)``: as the builtin ``min`` of its elements (NaN if one is);
    an empty slice panics, as Go's."""
    if not xs:
        panic("slices.Min: empty list")
    return functools.reduce(math_min, xs) if isinstance(xs[0], float) else min(xs)


def slices_max_func(xs: list[Any], cmp: Callable[[Any, Any], int]) -> Any:
    """``slices.MaxFunc(xs, cmp)``: the first of the greatest elements by ``cmp``; an
    empty slice panics, as Go's."""
    return _first_by(xs, lambda x, m: cmp(x, m) > 0, "slices.MaxFunc")


def slices_min_func(xs: list[Any], cmp: Callable[[Any, Any], int]) -> Any:
    """``slices.MinFunc(xs, cmp)``: the first of the least elements by ``cmp``; an
    empty slice panics, as Go's."""
    return _first_by(xs, lambda x, m: cmp(x, m) < 0, "slices.MinFunc")


def _first_by(xs: list[Any], better: Callable[[Any, Any], bool], name: str) -> Any:
    """The first element of ``xs`` no later one is ``better`` than."""
    if not xs:
        panic(f"{name}: empty list")
    m = xs[0]
    for x in xs[1:]:
        if better(x, m):
            m = x
    return m


class IntSlice(NamedValue):
    """``sort.IntSlice(xs)`` held in an interface (``sort.Sort(sort.IntSlice(xs))``):
    ``Len``, ``Less`` and ``Swap`` on the list itself, which the sort reorders in
    place, as Go's shares the slice's elements."""

    __slots__ = ()
    go_name = "sort.IntSlice"

    @method
    def Len(xs: list[Any]) -> int:
        return len(xs)

    @method
    def Less(xs: list[Any], i: int, j: int) -> bool:
        return bool(xs[i] < xs[j])

    @method
    def Swap(xs: list[Any], i: int, j: int) -> None:
        xs[i], xs[j] = xs[j], xs[i]


class StringSlice(IntSlice):
    """``sort.StringSlice(xs)`` held in an interface."""

    __slots__ = ()
    go_name = "sort.StringSlice"


class Float64Slice(IntSlice):
    """``sort.Float64Slice(xs)`` held in an interface: a NaN is less than any number."""

    __slots__ = ()
    go_name = "sort.Float64Slice"

    @method
    def Less(xs: list[Any], i: int, j: int) -> bool:
        return bool(xs[i] < xs[j] or (math.isnan(xs[i]) and not math.isnan(xs[j])))


def maps_clone(m: dict[Any, Any]) -> dict[Any, Any]:
    """``maps.Clone(m)``: a new map of the same entries; nil for a nil map."""
    return m if m is NIL_MAP else dict(m)


def slices_is_sorted(xs: list[Any]) -> bool:
    """``slices.IsSorted``: no element is less than the one before it (``cmp.Less``:
    a NaN is less than any other float)."""
    return not any(cmp_less(xs[i], xs[i - 1]) for i in range(len(xs) - 1, 0, -1))


def slices_is_sorted_func(xs: list[Any], cmp: Callable[[Any, Any], Any]) -> bool:
    """``slices.IsSortedFunc``: ``cmp`` of each element and the one before it never
    negative, compared from the back, as Go's, up to the first that is."""
    return not any(cmp(xs[i], xs[i - 1]) < 0 for i in range(len(xs) - 1, 0, -1))


def slices_concat(*parts: list[Any]) -> list[Any]:
    """``slices.Concat``: a new slice of the elements of each; nil when none has any."""
    joined = [x for part in parts for x in part]
    return joined if joined else NilSlice()


def slices_repeat(xs: list[Any], count: int) -> list[Any]:
    """``slices.Repeat``: a new slice of ``xs`` ``count`` times (never nil); a
    negative count panics, as Go's."""
    if count < 0:
        panic("cannot be negative")
    return list(xs) * count


def slices_equal_func(a: list[Any], b: list[Any], eq: Callable[[Any, Any], Any]) -> bool:
    """``slices.EqualFunc``: as long, and ``eq`` true of each pair, in order, up to the
    first it is false of."""
    return len(a) == len(b) and all(eq(x, y) for x, y in zip(a, b, strict=True))


def maps_copy(dst: dict[Any, Any], src: dict[Any, Any]) -> None:
    """``maps.Copy(dst, src)``: each entry of ``src`` set in ``dst`` (a nil ``dst``
    panics when ``src`` has one, as an assignment to a nil map does)."""
    for k, x in src.items():
        dst[k] = x


def maps_equal(
    a: dict[Any, Any], b: dict[Any, Any], equal: Callable[[Any, Any], Any] | None = None
) -> bool:
    """``maps.Equal``: the same keys, the values of each ``==`` (``equal``: struct
    values field by field; a NaN is equal to nothing)."""
    return maps_equal_func(a, b, equal or _plain_equal)


def maps_equal_func(a: dict[Any, Any], b: dict[Any, Any], eq: Callable[[Any, Any], Any]) -> bool:
    """``maps.EqualFunc``: the same keys, and ``eq`` true of the values of each."""
    if len(a) != len(b):
        return False
    return all(k in b and eq(x, b[k]) for k, x in a.items())
