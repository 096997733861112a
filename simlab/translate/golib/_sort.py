"""``sort``, ``slices``, ``maps``, ``cmp`` and ``container/heap``: Go's sorts (by
swaps, with a less function that may block), searches, minima and maxima,
compactions and heaps.

``sort.Slice``, ``sort.Sort`` and ``slices.SortFunc`` follow Go's pattern-defeating
quicksort (pdqsort) step by step, and ``sort.SliceStable``, ``sort.Stable`` and
``slices.SortStableFunc`` Go's insertion sort of blocks then symmetric merges: each
asks ``less`` about the same pairs of indices, in the same order, and swaps the same
elements as Go's, so that equal elements end where Go's leave them (neither of Go's
unstable sorts keeps their order from 13 elements on) and a ``less`` that counts or
prints its calls sees the calls Go's sees.

Each algorithm is written once, as a generator of the pairs ``(i, j)`` it wants
``less(i, j)`` of, sent each answer back; :func:`_ask` answers them by calling
``less``, and ``yield from`` the answer when ``less`` blocks (is a generator).
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Callable, Generator, Sequence
from inspect import isgenerator
from typing import Any

import simlab as sl
from simlab.errors import GoPanic, SimlabError

from ._builtins import CapSlice, capacity, copy_array, grown_cap, sliced
from ._math import max_of, min_of
from ._panics import panic
from ._types import TypedArray, type_name
from ._values import NIL_MAP, InterfaceKeyMap, NamedValue, NilSlice, ParamKeyMap, is_nil, method

Less = Callable[[int, int], Any]
"""``less(i, j)``: whether the element at ``i`` goes before the one at ``j``; a
bool, or a generator that returns one when it blocks."""

Swap = Callable[[int, int], None]

Steps = Generator[tuple[int, int], Any, Any]
"""A sort's steps: each pair yielded asks ``less`` of it, the truth sent back."""


def sort_slice(xs: list[Any], less: Less) -> None:
    """``sort.Slice(xs, less)``: ``less`` compares the elements now at two indices,
    so the slice is sorted in place, by swaps, as Go's pdqsort sorts it."""
    _never_blocking(sort_slice_yielding(xs, less), "sort.Slice: its less function")


def sort_slice_yielding(xs: list[Any], less: Less) -> Generator[Any, Any, None]:
    """``sort.Slice`` whose ``less`` may block (it locks a mutex): ``yield from`` it,
    and each comparison runs in the sorting goroutine, as Go's does."""
    xs = _plain(xs)
    yield from _ask(_pdqsort(len(xs), _swapper(xs)), less)


def sort_slice_stable(xs: list[Any], less: Less) -> None:
    """``sort.SliceStable(xs, less)``: as ``sort_slice``, equal elements kept in
    their order, by Go's steps."""
    _never_blocking(sort_slice_stable_yielding(xs, less), "sort.SliceStable: its less function")


def sort_slice_stable_yielding(xs: list[Any], less: Less) -> Generator[Any, Any, None]:
    """``sort.SliceStable`` whose ``less`` may block: ``yield from`` it."""
    xs = _plain(xs)
    yield from _ask(_stable(len(xs), _swapper(xs)), less)


def sort_sort(data: Any) -> None:
    """``sort.Sort(data)``: by ``data.Less`` and ``data.Swap``, as Go's pdqsort."""
    _never_blocking(_ask(_pdqsort(data.Len(), data.Swap), data.Less), "sort.Sort: its Less method")


def sort_stable(data: Any) -> None:
    """``sort.Stable(data)``: as ``sort_sort``, equal elements kept in their order."""
    steps = _stable(data.Len(), data.Swap)
    _never_blocking(_ask(steps, data.Less), "sort.Stable: its Less method")


def _plain(xs: Any) -> list[Any]:
    """The list ``sort.Slice`` sorts: a slice of a named type with methods comes
    as the value held in its ``any`` parameter; a value that is no slice is
    reflect's panic, as Go's Swapper panics."""
    if isinstance(xs, NamedValue):
        return xs.v
    if isinstance(xs, list) and not isinstance(xs, TypedArray):
        return xs
    panic(sl.GoError("*reflectlite.ValueError", f"reflect: call of Swapper on {_kind(xs)} Value"))


def _kind(x: Any) -> str:
    """The name reflect gives the kind of ``x``'s type."""
    if x is None:
        return "zero"
    if isinstance(x, TypedArray):
        return "array"
    if isinstance(x, int | float | str | complex):  # a bool too
        name = type_name(x)
        if "." not in name:
            return name  # bool, int64, float32, string...
        return _LIBRARY_KINDS.get(name) or next(k for b, k in _BASE_KINDS if isinstance(x, b))
    if isinstance(x, dict):
        return "map"
    if isinstance(x, sl.Chan):
        return "chan"
    if hasattr(type(x), "go_struct"):
        return "struct"
    return "func" if callable(x) and not hasattr(type(x), "__slots__") else "ptr"


# the kinds of the library's named types held as Python numbers, and of the
# program's named number and string types by the class they extend
_LIBRARY_KINDS = {"time.Duration": "int64", "fs.FileMode": "uint32"}
_BASE_KINDS = ((int, "int"), (float, "float64"), (str, "string"), (complex, "complex128"))


def _swapper(xs: list[Any]) -> Swap:
    def swap(i: int, j: int) -> None:
        xs[i], xs[j] = xs[j], xs[i]

    return swap


def _never_blocking(sorting: Generator[Any, Any, None], what: str) -> None:
    for _ in sorting:
        raise SimlabError(f"{what} blocked, which the translation missed")


def _ask(steps: Steps, less: Less) -> Generator[Any, Any, None]:
    """Run a sort's ``steps``, answering each pair it asks about with ``less``."""
    pair = next(steps, None)
    while pair is not None:
        answer = less(*pair)
        if isgenerator(answer):
            answer = yield from answer
        try:
            pair = steps.send(answer)
        except StopIteration:
            return


# --- pdqsort: sort.Slice, sort.Sort, slices.SortFunc ------------------------------

_SMALL = 12  # a range this long or shorter is insertion sorted
_UNKNOWN, _ASCENDING, _DESCENDING = range(3)  # what the pivot's choice saw
_MASK64 = (1 << 64) - 1


def _pdqsort(n: int, swap: Swap) -> Steps:
    """Go's pdqsort of ``[0, n)``. Go recurses into the shorter side of each
    partition and loops on the longer; here the longer side waits on a stack,
    with what Go's loop keeps (its bad pivots left, whether its last partition was
    balanced, whether it found the range already partitioned), so the steps are
    the same, in the same order."""
    waiting = [(0, n, n.bit_length(), True, True)]
    while waiting:
        lo, hi, bad_left, balanced, partitioned = waiting.pop()
        while True:
            size = hi - lo
            if size <= _SMALL:
                yield from _insertion_sort(lo, hi, swap)
                break
            if bad_left == 0:  # too many lopsided partitions
                yield from _heapsort(lo, hi, swap)
                break
            if not balanced:
                _scatter(lo, hi, swap)
                bad_left -= 1
            pivot, seen = yield from _choose_pivot(lo, hi)
            if seen == _DESCENDING:
                _reverse(lo, hi, swap)
                pivot = hi - 1 - (pivot - lo)
                seen = _ASCENDING
            likely_sorted = balanced and partitioned and seen == _ASCENDING
            if likely_sorted and (yield from _nearly_sorted(lo, hi, swap)):
                break
            # the element before the range (an earlier pivot) is not less than this
            # pivot: none in the range is less than it, so many equal it
            if lo > 0 and not (yield lo - 1, pivot):
                lo = yield from _partition_equal(lo, hi, pivot, swap)
                continue
            mid, partitioned = yield from _partition(lo, hi, pivot, swap)
            if mid - lo < hi - mid:
                balanced = mid - lo >= size // 8
                waiting.append((mid + 1, hi, bad_left, balanced, partitioned))
                hi = mid
            else:
                balanced = hi - mid >= size // 8
                waiting.append((lo, mid, bad_left, balanced, partitioned))
                lo = mid + 1
            balanced = partitioned = True  # the shorter side starts afresh


def _insertion_sort(lo: int, hi: int, swap: Swap) -> Steps:
    """Each element of ``[lo, hi)`` swapped down past the greater ones before it."""
    for i in range(lo + 1, hi):
        j = i
        while j > lo and (yield j, j - 1):
            swap(j, j - 1)
            j -= 1


def _heapsort(lo: int, hi: int, swap: Swap) -> Steps:
    """``[lo, hi)`` made a heap with the greatest element first, then the first
    swapped to the end of the heap, which shrinks, again and again."""
    size = hi - lo
    for top in range((size - 1) // 2, -1, -1):
        yield from _sift_down(lo, top, size, swap)
    for end in range(size - 1, -1, -1):
        swap(lo, lo + end)
        yield from _sift_down(lo, 0, end, swap)


def _sift_down(base: int, node: int, size: int, swap: Swap) -> Steps:
    """Sink heap node ``node`` (index ``base + node``) of a heap of ``size`` below
    its greater child while that child is greater."""
    while (child := 2 * node + 1) < size:
        if child + 1 < size and (yield base + child, base + child + 1):
            child += 1
        if not (yield base + node, base + child):
            return
        swap(base + node, base + child)
        node = child


def _scatter(lo: int, hi: int, swap: Swap) -> None:
    """Three elements about the middle of ``[lo, hi)`` swapped with others picked by
    a xorshift generator seeded with the length, as Go breaks patterns that keep
    making lopsided partitions."""
    size = hi - lo
    if size < 8:
        return
    state = size
    span = 1 << size.bit_length()
    middle = lo + size // 4 * 2
    for i in range(middle - 1, middle + 2):
        state ^= (state << 13) & _MASK64
        state ^= state >> 7
        state ^= (state << 17) & _MASK64
        other = state & (span - 1)
        if other >= size:
            other -= size
        swap(i, lo + other)


def _choose_pivot(lo: int, hi: int) -> Generator[tuple[int, int], Any, tuple[int, int]]:
    """The pivot's index and what its choice saw of the order: the median of three
    elements at the quarters of ``[lo, hi)`` (each the median of it and its
    neighbours from 50 elements on); ascending when no comparison found a pair
    out of order, descending when all twelve did."""
    size = hi - lo
    a, b, c = lo + size // 4, lo + size // 4 * 2, lo + size // 4 * 3
    turned = 0
    if size >= 8:
        if size >= 50:
            a, t1 = yield from _median(a - 1, a, a + 1)
            b, t2 = yield from _median(b - 1, b, b + 1)
            c, t3 = yield from _median(c - 1, c, c + 1)
            turned = t1 + t2 + t3
        b, t = yield from _median(a, b, c)
        turned += t
    if turned == 0:
        return b, _ASCENDING
    return b, _DESCENDING if turned == 12 else _UNKNOWN


def _median(a: int, b: int, c: int) -> Generator[tuple[int, int], Any, tuple[int, int]]:
    """The index of the median of the elements at ``a``, ``b`` and ``c`` (by three
    comparisons, no swap), and how many of them found the later one less."""
    turned = 0
    if (yield b, a):
        a, b, turned = b, a, turned + 1
    if (yield c, b):
        b, c, turned = c, b, turned + 1
    if (yield b, a):
        a, b, turned = b, a, turned + 1
    return b, turned


def _reverse(lo: int, hi: int, swap: Swap) -> None:
    i, j = lo, hi - 1
    while i < j:
        swap(i, j)
        i, j = i + 1, j - 1


def _nearly_sorted(lo: int, hi: int, swap: Swap) -> Generator[tuple[int, int], Any, bool]:
    """Whether ``[lo, hi)`` is sorted, after mending up to five neighbours out of
    order (none in a range shorter than 50): each pair swapped, then the less one
    moved down and the greater up as far as they go."""
    i = lo + 1
    for _ in range(5):
        while i < hi and not (yield i, i - 1):
            i += 1
        if i == hi:
            return True
        if hi - lo < 50:
            return False
        swap(i, i - 1)
        if i - lo >= 2:
            j = i - 1
            while j >= 1:  # Go's bound: not lo + 1
                if not (yield j, j - 1):
                    break
                swap(j, j - 1)
                j -= 1
        if hi - i >= 2:
            j = i + 1
            while j < hi:
                if not (yield j, j - 1):
                    break
                swap(j, j - 1)
                j += 1
    return False


def _partition(
    lo: int, hi: int, pivot: int, swap: Swap
) -> Generator[tuple[int, int], Any, tuple[int, bool]]:
    """The pivot moved to ``lo``, then the elements less than it gathered before
    the others, by pairs swapped from both ends, and the pivot swapped in
    between; where it ends, and whether no pair needed swapping."""
    swap(lo, pivot)
    i, j = lo + 1, hi - 1
    already = True
    while True:
        while i <= j and (yield i, lo):
            i += 1
        while i <= j and not (yield j, lo):
            j -= 1
        if i > j:
            break
        already = False
        swap(i, j)
        i, j = i + 1, j - 1
    swap(j, lo)
    return j, already


def _partition_equal(
    lo: int, hi: int, pivot: int, swap: Swap
) -> Generator[tuple[int, int], Any, int]:
    """``[lo, hi)``, none of it less than the pivot: the pivot moved to ``lo``, then
    the elements equal to it gathered before the greater ones; where the greater
    ones start."""
    swap(lo, pivot)
    i, j = lo + 1, hi - 1
    while True:
        while i <= j and not (yield lo, i):
            i += 1
        while i <= j and (yield lo, j):
            j -= 1
        if i > j:
            return i
        swap(i, j)
        i, j = i + 1, j - 1


# --- stable: sort.SliceStable, sort.Stable, slices.SortStableFunc -----------------


def _stable(n: int, swap: Swap) -> Steps:
    """Go's stable sort of ``[0, n)``: blocks of 20 insertion sorted, then
    neighbouring runs merged, twice as long each round."""
    run = 20
    start = 0
    while start + run <= n:
        yield from _insertion_sort(start, start + run, swap)
        start += run
    yield from _insertion_sort(start, n, swap)
    while run < n:
        start = 0
        while start + 2 * run <= n:
            yield from _merge(start, start + run, start + 2 * run, swap)
            start += 2 * run
        if start + run < n:
            yield from _merge(start, start + run, n, swap)
        run *= 2


def _merge(lo: int, mid: int, hi: int, swap: Swap) -> Steps:
    """The sorted runs ``[lo, mid)`` and ``[mid, hi)`` merged in place, by Kim and
    Kutzner's symmetric merge (SymMerge), as Go's: a lone element is moved in by a
    binary search; otherwise the two middle stretches swapped by a rotation and
    the two halves left merged in turn."""
    if mid - lo == 1:  # the first before the first of the second run not less
        i, j = mid, hi
        while i < j:
            h = (i + j) >> 1
            if (yield h, lo):
                i = h + 1
            else:
                j = h
        for k in range(lo, i - 1):
            swap(k, k + 1)
        return
    if hi - mid == 1:  # the last before the first of the first run greater
        i, j = lo, mid
        while i < j:
            h = (i + j) >> 1
            if not (yield mid, h):
                i = h + 1
            else:
                j = h
        for k in range(mid, i, -1):
            swap(k, k - 1)
        return
    half = (lo + hi) >> 1
    total = half + mid
    start, end = (total - hi, half) if mid > half else (lo, mid)
    last = total - 1
    while start < end:
        c = (start + end) >> 1
        if not (yield last - c, c):
            start = c + 1
        else:
            end = c
    end = total - start
    if start < mid < end:
        _rotate(start, mid, end, swap)
    if lo < start < half:
        yield from _merge(lo, start, half, swap)
    if half < end < hi:
        yield from _merge(half, end, hi, swap)


def _rotate(lo: int, mid: int, hi: int, swap: Swap) -> None:
    """``[lo, mid)`` and ``[mid, hi)`` exchanged, by swaps of equal stretches."""
    left, right = mid - lo, hi - mid
    while left != right:
        if left > right:
            _swap_stretch(mid - left, mid, right, swap)
            left -= right
        else:
            _swap_stretch(mid - left, mid + right - left, left, swap)
            right -= left
    _swap_stretch(mid - left, mid, left, swap)


def _swap_stretch(a: int, b: int, count: int, swap: Swap) -> None:
    for k in range(count):
        swap(a + k, b + k)


def sort_float64s(xs: list[float]) -> None:
    """``sort.Float64s(xs)`` and ``slices.Sort`` of floats: increasing, the NaNs
    first, by Go's pdqsort, which leaves equal values that print apart (0 and -0)
    where Go's leaves them (Python's sort keeps their order, and leaves a list
    holding NaN unsorted)."""

    def less(i: int, j: int) -> bool:
        a, b = xs[i], xs[j]
        return a < b or (a != a and b == b)

    _never_blocking(_ask(_pdqsort(len(xs), _swapper(xs)), less), "sort.Float64s")


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
    """``sort.Reverse(data)``: ``data`` with ``Less`` the other way round, held in
    the embedded field Go's struct names ``Interface`` (``%+v``: ``&{Interface:...}``)."""

    __slots__ = ("Interface",)
    go_name = "*sort.reverse"  # a pointer to the struct that embeds data

    def __init__(self, data: Any):
        self.Interface = data

    def Len(self) -> int:
        return int(self.Interface.Len())

    def Less(self, i: int, j: int) -> bool:
        return bool(self.Interface.Less(j, i))

    def Swap(self, i: int, j: int) -> None:
        self.Interface.Swap(i, j)


def sort_is_sorted(data: Any) -> bool:
    """``sort.IsSorted(data)``: no element less than the one before it."""
    return not any(data.Less(i, i - 1) for i in range(data.Len() - 1, 0, -1))


def _heap_up(h: Any, j: int) -> None:
    """Raise the element at ``j`` above its parent while it is less, as Go's ``up``:
    it stops where the parent, Go's ``(j - 1) / 2`` truncated, is ``j`` itself (0,
    or -1 of an item heap.Pop marked gone); an index below that reaches ``Less``."""
    while True:
        i = (j - 1) // 2 if j >= 1 else -((1 - j) // 2)
        if i == j or not h.Less(j, i):
            return
        h.Swap(i, j)
        j = i


def _heap_down(h: Any, i0: int, n: int) -> bool:
    """Sink the element at ``i0`` below its lesser child while that child is less;
    whether it moved."""
    i = i0
    while 0 <= 2 * i + 1 < n:  # i0 of -1 (an item heap.Pop marked gone) stays
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


def slices_equal(
    xs: list[Any], ys: list[Any], eq: Callable[[Any, Any], bool] = operator.eq
) -> bool:
    """``slices.Equal`` of elements that may be NaN: Go's ``==`` of each pair (a
    NaN equal to nothing, itself neither, where Python's list ``==`` takes an
    object as equal to itself); ``eq`` is interface values' (``go.equal``: 1 is
    not 1.0)."""
    return len(xs) == len(ys) and all(eq(x, y) for x, y in zip(xs, ys, strict=True))


def slices_index(xs: list[Any], x: Any, eq: Callable[[Any, Any], bool] = operator.eq) -> int:
    """``slices.Index``: the first index of ``x``, or -1 (``eq`` as for
    :func:`slices_equal`)."""
    return next((i for i, e in enumerate(xs) if eq(e, x)), -1)


def cmp_or(zero: Any, *values: Any) -> Any:
    """``cmp.Or(values...)``: the first of ``values`` that is not ``zero``, the zero
    value of their type (nil, None, for a pointer or an interface), else ``zero``."""
    for v in values:
        if (v is not None) if zero is None else (v != zero):
            return v
    return zero


def slices_index_func(xs: list[Any], f: Callable[[Any], Any]) -> int:
    """``slices.IndexFunc``: the first index whose element ``f`` holds for, or -1."""
    return next((i for i, e in enumerate(xs) if f(e)), -1)


def slices_clone(s: list[Any], copy_elem: Callable[[Any], Any] | None = None) -> list[Any]:
    """``slices.Clone(s)`` in a program that tells a nil slice from an empty one: a
    new list (its struct values copied by ``copy_elem``), or nil for nil (a
    :class:`NilSlice`)."""
    return NilSlice() if is_nil(s) else copy_array(s, copy_elem)


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


def slices_delete(s: list[Any], i: int, j: int, zero: Callable[[], Any]) -> list[Any]:
    """``slices.Delete(s, i, j)``: ``s`` without ``s[i:j]``, the elements after it moved
    down in place and the ones left behind set to the zero value, as Go 1.22's;
    Go's bounds panic where ``s[i:j:len(s)]`` is out of range. What it returns is
    ``s`` itself when ``i == j``, else the shortened prefix, a copy (as
    ``slices_delete_func``'s)."""
    n = len(s)
    if not (0 <= j <= n and 0 <= i <= j):
        bounds = f"[:{j}:{n}]" if not 0 <= j <= n else f"[{i}::]" if i < 0 else f"[{i}:{j}:]"
        raise GoPanic(f"runtime error: slice bounds out of range {bounds}")
    if i == j:
        return s
    s[i : n - (j - i)] = s[j:]
    return _shortened(s, n - (j - i), zero)


def slices_insert(
    s: list[Any],
    i: int,
    *vs: Any,
    capacities: bool = False,
    size: int = 8,
    pointers: bool = False,
) -> list[Any]:
    """``slices.Insert(s, i, vs...)``: a new list, ``vs`` before ``s[i]`` (``s`` itself
    when ``vs`` is empty); Go's bounds panic where ``s[i:]`` is out of range.
    ``capacities``: in a program that keeps them, within ``s``'s capacity the result
    keeps it, past it the new array has ``append``'s growth (see :func:`slices_grow`)."""
    if not 0 <= i <= len(s):
        bounds = f"[{i}:]" if i < 0 else f"[{i}:{len(s)}]"
        raise GoPanic(f"runtime error: slice bounds out of range {bounds}")
    if not vs:
        return s
    total = len(s) + len(vs)
    if type(s) is CapSlice and total <= s.cap:  # it fits: s's capacity
        return CapSlice([*s[:i], *vs, *s[i:]], s.cap, s.rest[len(vs) :])
    return _moved([*s[:i], *vs, *s[i:]], s, capacities, size, pointers)


def _moved(new: list[Any], s: list[Any], capacities: bool, size: int, pointers: bool) -> list[Any]:
    """``new``, the elements an insert or a replace put past ``s``'s capacity, in the
    array Go's ``append(s[:i], ...)`` grows for them, in a program that keeps
    capacities."""
    return CapSlice(new, grown_cap(len(new), capacity(s), size, pointers)) if capacities else new


def slices_replace(
    s: list[Any],
    i: int,
    j: int,
    *vs: Any,
    zero: Callable[[], Any],
    capacities: bool = False,
    size: int = 8,
    pointers: bool = False,
) -> list[Any]:
    """``slices.Replace(s, i, j, vs...)``: ``s`` with ``vs`` in place of ``s[i:j]``,
    written in ``s`` where it fits (the elements past the new length set to the zero
    value, as Go 1.22's), else a new list, as Go's append past the capacity (which
    is the length here, or, ``capacities``, what the program keeps: as
    :func:`slices_insert`); Go's bounds panic where ``s[i:j]`` is out of range."""
    n = len(s)
    if not (0 <= j <= n and 0 <= i <= j):
        sliced(s, i, j)  # Go's own check, _ = s[i:j], and its panic
    if i == j:
        return slices_insert(s, i, *vs, capacities=capacities, size=size, pointers=pointers)
    total = n - (j - i) + len(vs)
    if total > n:
        if type(s) is CapSlice and total <= s.cap:  # it fits: s's capacity
            return CapSlice([*s[:i], *vs, *s[j:]], s.cap, s.rest[total - n :])
        return _moved([*s[:i], *vs, *s[j:]], s, capacities, size, pointers)
    s[:total] = [*s[:i], *vs, *s[j:]]
    return _shortened(s, total, zero)


def slices_grow(
    s: list[Any],
    n: int,
    *,
    capacities: bool = False,
    size: int = 8,
    pointers: bool = False,
    zero: Callable[[], Any] | None = None,
) -> list[Any]:
    """``slices.Grow(s, n)``: ``s`` with room for ``n`` more, which Go makes by moving
    it to a new array when its capacity is short: a copy, so that writes to it leave
    ``s`` alone as in Go; ``s`` itself for ``n == 0``, or where the room is there
    (``capacities``: in a program that keeps them, whose new array has Go's growth
    for ``len(s) + n`` elements of ``size`` bytes, as ``append`` gives it, and
    past ``s``'s elements what its array held, then zero values, which ``zero``
    makes, for ``s[:cap(s)]`` to read); Go's panic for a negative ``n``."""
    if n < 0:
        panic("cannot be negative")
    if not capacities:
        return s if n == 0 else list(s)
    cap = capacity(s)
    if cap - len(s) >= n:
        return s
    new_cap = grown_cap(len(s) + n, cap, size, pointers)
    rest = list(s.rest) if type(s) is CapSlice else []
    if zero is None or len(rest) < cap - len(s):
        return CapSlice(list(s), new_cap)  # the old array's room past the length is not known
    return CapSlice(list(s), new_cap, [*rest, *(zero() for _ in range(new_cap - cap))])


def slices_clip(s: list[Any]) -> list[Any]:
    """``slices.Clip(s)`` in a program that keeps capacities: ``s[:len(s):len(s)]``."""
    if type(s) is not CapSlice or s.cap == len(s):
        return s
    return CapSlice(s, len(s))


def slices_compare(a: list[Any], b: list[Any]) -> int:
    """``slices.Compare(a, b)``: the first pair of elements that differ, by
    ``cmp.Compare``; else the shorter slice is the lesser."""
    for x, y in zip(a, b, strict=False):
        if c := cmp_compare(x, y):
            return c
    return (len(a) > len(b)) - (len(a) < len(b))


def slices_compare_func(a: list[Any], b: list[Any], cmp: Callable[[Any, Any], int]) -> int:
    """``slices.CompareFunc(a, b, cmp)``: ``cmp`` of each pair in order, up to the
    first that is not zero; else the shorter slice is the lesser."""
    for x, y in zip(a, b, strict=False):
        if c := cmp(x, y):
            return c
    return (len(a) > len(b)) - (len(a) < len(b))


def sort_slice_is_sorted(xs: list[Any], less: Callable[[int, int], Any]) -> bool:
    """``sort.SliceIsSorted(xs, less)``: ``less(i, i-1)`` false for every ``i``,
    asked from the back, as Go's, up to the first that is true (of a named slice type
    with methods, its plain list's)."""
    return not any(less(i, i - 1) for i in range(len(_plain(xs)) - 1, 0, -1))


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
    """``s[:n]`` after ``clear(s[n:])``: ``s`` itself for its own length; else a copy
    that keeps ``s``'s capacity and the zero values past its length."""
    if n == len(s):
        return s
    for i in range(n, len(s)):
        s[i] = zero()
    if type(s) is CapSlice:
        return CapSlice(s[:n], s.cap, [*s[n:], *s.rest])
    return CapSlice(s[:n], len(s), s[n:])


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
    """``slices.SortFunc(xs, cmp)``: in place, by ``cmp``'s sign, as Go's pdqsort."""
    _never_blocking(slices_sort_func_yielding(xs, cmp), "slices.SortFunc: its cmp function")


def slices_sort_func_yielding(
    xs: list[Any], cmp: Callable[[Any, Any], Any]
) -> Generator[Any, Any, None]:
    """``slices.SortFunc`` whose ``cmp`` may block (it locks a mutex): ``yield from``
    it, and each comparison runs in the sorting goroutine, as Go's does."""
    yield from _ask(_pdqsort(len(xs), _swapper(xs)), _less_by(xs, cmp))


def slices_sort_stable_func(xs: list[Any], cmp: Callable[[Any, Any], Any]) -> None:
    """``slices.SortStableFunc(xs, cmp)``: as ``slices_sort_func``, equal elements
    kept in their order, by Go's steps."""
    steps = slices_sort_stable_func_yielding(xs, cmp)
    _never_blocking(steps, "slices.SortStableFunc: its cmp function")


def slices_sort_stable_func_yielding(
    xs: list[Any], cmp: Callable[[Any, Any], Any]
) -> Generator[Any, Any, None]:
    """``slices.SortStableFunc`` whose ``cmp`` may block: ``yield from`` it."""
    yield from _ask(_stable(len(xs), _swapper(xs)), _less_by(xs, cmp))


def _less_by(xs: list[Any], cmp: Callable[[Any, Any], Any]) -> Less:
    """``cmp(xs[i], xs[j]) < 0``, as Go's generic sorts ask it."""

    def less(i: int, j: int) -> Any:
        order = cmp(xs[i], xs[j])
        return _negative(order) if isgenerator(order) else order < 0

    return less


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
    return functools.reduce(max_of, xs) if isinstance(xs[0], float) else max(xs)


def slices_min(xs: list[Any]) -> Any:
    """``slices.Min(xs)``: as the builtin ``min`` of its elements (NaN if one is);
    an empty slice panics, as Go's."""
    if not xs:
        panic("slices.Min: empty list")
    return functools.reduce(min_of, xs) if isinstance(xs[0], float) else min(xs)


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


def maps_clone(m: dict[Any, Any], copy_elem: Callable[[Any], Any] | None = None) -> dict[Any, Any]:
    """``maps.Clone(m)``: a new map of the same entries (struct values copied by
    ``copy_elem``); nil for a nil map."""
    if m is NIL_MAP:
        return m
    if isinstance(m, InterfaceKeyMap | ParamKeyMap):
        return type(m)((k, x if copy_elem is None else copy_elem(x)) for k, x in m.items())
    return dict(m) if copy_elem is None else {k: copy_elem(x) for k, x in m.items()}


def slices_is_sorted(xs: list[Any]) -> bool:
    """``slices.IsSorted``: no element is less than the one before it (``cmp.Less``:
    a NaN is less than any other float)."""
    return not any(cmp_less(xs[i], xs[i - 1]) for i in range(len(xs) - 1, 0, -1))


def slices_is_sorted_func(xs: list[Any], cmp: Callable[[Any, Any], Any]) -> bool:
    """``slices.IsSortedFunc``: ``cmp`` of each element and the one before it never
    negative, compared from the back, as Go's, up to the first that is."""
    return not any(cmp(xs[i], xs[i - 1]) < 0 for i in range(len(xs) - 1, 0, -1))


def slices_concat(*parts: list[Any], copy_elem: Callable[[Any], Any] | None = None) -> list[Any]:
    """``slices.Concat``: a new slice of the elements of each (struct values copied
    by ``copy_elem``); nil when none has any."""
    joined = copy_array([x for part in parts for x in part], copy_elem)
    return joined if joined else NilSlice()


def slices_repeat(
    xs: list[Any], count: int, copy_elem: Callable[[Any], Any] | None = None
) -> list[Any]:
    """``slices.Repeat``: a new slice of ``xs`` ``count`` times (never nil), struct
    values copied by ``copy_elem``; a negative count panics, as Go's."""
    if count < 0:
        panic("cannot be negative")
    return copy_array(list(xs) * count, copy_elem)


def slices_equal_func(a: list[Any], b: list[Any], eq: Callable[[Any, Any], Any]) -> bool:
    """``slices.EqualFunc``: as long, and ``eq`` true of each pair, in order, up to the
    first it is false of."""
    return len(a) == len(b) and all(eq(x, y) for x, y in zip(a, b, strict=True))


def maps_copy(
    dst: dict[Any, Any], src: dict[Any, Any], copy_elem: Callable[[Any], Any] | None = None
) -> None:
    """``maps.Copy(dst, src)``: each entry of ``src`` set in ``dst``, a struct value
    copied by ``copy_elem`` (a nil ``dst`` panics when ``src`` has one, as an
    assignment to a nil map does)."""
    for k, x in src.items():
        dst[k] = x if copy_elem is None else copy_elem(x)


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
    # a NaN key is never found (Python's dict finds the same object by identity)
    return all(k == k and k in b and eq(x, b[k]) for k, x in a.items())


def maps_delete_func(m: dict[Any, Any], delete: Callable[[Any, Any], Any]) -> None:
    """``maps.DeleteFunc(m, del)``: every pair ``del`` is true of removed (``del`` is
    called on each pair in turn, which Go does in its map's own order)."""
    for k in [k for k, v in m.items() if delete(k, v)]:
        if k == k:  # delete(m, k) of a NaN key finds none, as Go's
            del m[k]


def sort_find(n: int, cmp: Callable[[int], int]) -> tuple[int, bool]:
    """``sort.Find(n, cmp)``: the least ``i`` in ``[0, n)`` at which ``cmp(i) <= 0``
    (``n`` if none), and whether ``cmp(i) == 0`` there, halving the range as
    :func:`sort_search` does."""
    i = sort_search(n, lambda j: cmp(j) <= 0)
    return i, i < n and cmp(i) == 0
