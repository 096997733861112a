"""Go's built-in operations that the translation writes as calls: ``s[i]`` and
``s[low:high]`` with Go's bounds checks, ``copy(dst, src)``, ``clear(s)``, and
``close`` as a function value.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from itertools import islice
from typing import Any

from simlab.errors import GoPanic, SimlabError


def clear_slice(s: list[Any], zero: Callable[[], Any]) -> None:
    """``clear(s)`` of a slice: every element the zero value, the length kept."""
    for i in range(len(s)):
        s[i] = zero()


def at(s: Any, i: int) -> Any:
    """``s[i]`` of a slice, an array or a string's bytes where ``i`` may be negative
    (Python would count it from the end): Go's runtime panic where it is out of
    range."""
    return s[bound(s, i)]


def bound(s: Any, i: int) -> int:
    """The index ``i`` of ``s``, checked as Go checks it: a target ``s[go.bound(s,
    i)] = v``, or Go's runtime panic, ``index out of range [5] with length 3`` (a
    negative index, ``[-1]``)."""
    if 0 <= i < len(s):
        return i
    raise GoPanic(f"runtime error: {_out_of_range(i, len(s))}")


def slice_len(n: int, cap: int | None = None) -> int:
    """The length ``n`` of ``make([]T, n)``, or Go's runtime panic for a negative one,
    or for one above the capacity of ``make([]T, n, cap)`` (a capacity the program
    never asks of the slice: the run keeps none)."""
    if n < 0:
        raise GoPanic("runtime error: makeslice: len out of range")
    if cap is not None and cap < n:
        raise GoPanic("runtime error: makeslice: cap out of range")
    return n


def _out_of_range(i: int, n: int) -> str:
    """Go's text of index ``i`` out of the range of a length ``n``."""
    return f"index out of range [{i}]" + ("" if i < 0 else f" with length {n}")


class CapSlice(list[Any]):
    """A slice ``make`` gave a capacity beyond its length (``make([]T, 0, n)``), in a
    program that asks ``cap`` of a slice: the list, and the capacity Go's would
    have, which appends in place within it and a sub-slice from its start keep."""

    __slots__ = ("cap",)

    def __init__(self, elements: list[Any], cap: int) -> None:
        super().__init__(elements)
        self.cap = cap


def with_capacity(elements: list[Any], cap: int | None = None) -> list[Any]:
    """``make([]T, n, cap)``: the ``n`` zero values, keeping ``cap`` (``make([]T,
    n)``: ``n``); Go's panic where ``cap`` is less than ``n``."""
    if cap is None:
        cap = len(elements)
    if cap < len(elements):
        raise GoPanic("runtime error: makeslice: cap out of range")
    return CapSlice(elements, cap)


def appended(s: list[Any], *values: Any) -> list[Any]:
    """``append(s, values...)`` as a new list, in a program that asks ``cap`` of a
    slice: a slice that keeps its capacity keeps it (``cap`` reads it while the
    appends fit)."""
    if type(s) is CapSlice:
        return CapSlice([*s, *values], s.cap)
    return s + list(values)  # append(nil) is nil (a go.NilSlice's sum)


def capacity(s: list[Any]) -> int:
    """``cap(s)`` of a slice: what ``make`` gave it, while its appends fit; else its
    length (a literal's, a copy's), or the end of the run where appends took it
    past the capacity, which Go grows by its own rule."""
    if type(s) is not CapSlice:
        return len(s)
    if len(s) > s.cap:
        raise SimlabError(
            f"cap of a slice appended past the capacity it had ({len(s)} > {s.cap}):"
            " Go grows a slice's capacity by its own rule, which simlab does not follow"
        )
    return s.cap


def sliced(s: Any, low: int = 0, high: int | None = None, most: int | None = None) -> Any:
    """The slice expression ``s[low:high]`` of a slice or a string (a string's bounds
    are byte offsets, as Go's: a rune cut in two becomes U+FFFD), or Go's runtime
    panic where a bound is out of range (a slice's capacity is its length here).
    ``most`` is the third index of ``s[low:high:most]``, which gives the result
    its capacity, ``most - low``."""
    if type(s) is CapSlice:
        return _sliced_capacity(s, low, high, most)
    if most is not None:
        hi = len(s) if high is None else high
        _check_slice3(len(s), low, hi, most)
        return CapSlice(s[low:hi], most - low)
    text = isinstance(s, str) and not s.isascii()
    data = s.encode() if text else s
    n = len(data)
    hi = n if high is None else high
    _check_slice(n, low, hi, "length" if isinstance(s, str) else "capacity")
    if text:
        return data[low:hi].decode(errors="replace")
    if not s and type(s) is not list and isinstance(s, list):
        return type(s)()  # a nil slice's s[0:0] is nil (a go.NilSlice), as Go's
    return s[low:hi]


def _sliced_capacity(s: CapSlice, low: int, high: int | None, most: int | None) -> CapSlice:
    """``s[low:high:most]`` of a slice that keeps its capacity: Go's bounds are the
    capacity's, and the result's capacity runs to ``most`` or to ``s``'s end."""
    end = s.cap if most is None else most
    hi = len(s) if high is None else high
    if most is None:
        _check_slice(s.cap, low, hi, "capacity")
    else:
        _check_slice3(s.cap, low, hi, most)
    if hi > len(s):
        raise SimlabError(
            f"s[{low}:{hi}] of a slice of length {len(s)}: its elements past its length, in"
            " its capacity, are not kept here (slice within the length, or append)"
        )
    return CapSlice(s[low:hi], end - low)


def _check_slice(n: int, low: int, hi: int, what: str) -> None:
    """Go's runtime panic where a bound of ``s[low:hi]`` is out of range, ``n`` the
    length of a string or the capacity of a slice."""
    if not 0 <= low <= hi <= n:
        if hi < 0:
            bounds = f"[:{hi}]"  # a negative bound: Go names no length or capacity
        elif hi > n:
            bounds = f"[:{hi}] with {what} {n}"
        elif low < 0:
            bounds = f"[{low}:]"
        else:
            bounds = f"[{low}:{hi}]"
        raise GoPanic(f"runtime error: slice bounds out of range {bounds}")


def _check_slice3(n: int, low: int, high: int, most: int) -> None:
    """Go's runtime panic where a bound of ``s[low:high:most]`` is out of range."""
    bounds = ""
    if most < 0:
        bounds = f"[::{most}]"
    elif most > n:
        bounds = f"[::{most}] with capacity {n}"
    elif high < 0:
        bounds = f"[:{high}:]"
    elif high > most:
        bounds = f"[:{high}:{most}]"
    elif low < 0:
        bounds = f"[{low}::]"
    elif low > high:
        bounds = f"[{low}:{high}:]"
    if bounds:
        raise GoPanic(f"runtime error: slice bounds out of range {bounds}")


def copy_array(x: list[Any], copy_elem: Callable[[Any], Any] | None = None) -> list[Any]:
    """A copy of an array (a list), or of a slice's elements into a new array, as Go
    copies them: each element copied by ``copy_elem`` (struct values, arrays), or
    shared as it is (numbers, strings, pointers, channels)."""
    return [copy_elem(e) for e in x] if copy_elem is not None else list(x)


def ranged(x: list[Any]) -> Iterator[Any]:
    """``range xs`` where the loop's body appends to ``xs``: Go reads the slice's
    length once, before the loop, and each element as the loop reaches it."""
    return islice(x, len(x))


def slice_copy(
    dst: list[Any], src: list[Any], copy_elem: Callable[[Any], Any] | None = None
) -> int:
    """Go's ``copy(dst, src)``: as many elements as both have, each copied by
    ``copy_elem`` where they are struct values or arrays; how many."""
    n = min(len(dst), len(src))
    dst[:n] = copy_array(src[:n], copy_elem)
    return n


def slice_to_array(
    s: list[Any], n: int, copy_elem: Callable[[Any], Any] | None = None
) -> list[Any]:
    """``[n]T(s)``: an array of the first ``n`` elements of ``s``, each copied by
    ``copy_elem`` where they are struct values; Go's panic where ``s`` has fewer."""
    if len(s) < n:
        raise GoPanic(
            f"runtime error: cannot convert slice with length {len(s)} to array or pointer"
            f" to array with length {n}"
        )
    return copy_array(s[:n], copy_elem)


def close(ch: Any) -> None:
    """``close(ch)`` as a function value (``defer close(ch)`` in a loop)."""
    ch.close()


def through(s: list[Any], low: int, high: int | None, call: Callable[[list[Any]], Any]) -> Any:
    """A call given the sub-slice ``s[low:high]`` that writes its elements and keeps
    nothing of it (``mergeSort(s[:mid])``, ``copy(s[i+1:], s[i:])``): ``call`` is
    given a copy, whose elements are written back into ``s`` when it returns, as
    the sub-slice, which shares ``s``'s backing array, would have left them there."""
    sub = sliced(s, low, high)
    result = call(sub)
    s[low : low + len(sub)] = sub
    return result


def through_blocking(
    s: list[Any], low: int, high: int | None, call: Callable[[list[Any]], Generator[Any, Any, Any]]
) -> Generator[Any, Any, Any]:
    """:func:`through` for a call that may block: ``io.ReadFull(r, hdr[low:high])``
    into a local array no other goroutine can reach, or a function that waits only
    for goroutines of its own (a parallel merge sort's half); the copy is written
    back when it returns."""
    sub = sliced(s, low, high)
    result = yield from call(sub)
    s[low : low + len(sub)] = sub
    return result


class Backing:
    """The array a sub-slice with room to grow shares with its operand (``kept :=
    hs[:0]``): an append to the sub-slice writes there, as Go's does while the
    array has room, so that ``hs`` holds what the filter kept."""

    __slots__ = ("array", "offset")

    def __init__(self, array: list[Any], offset: int) -> None:
        self.array, self.offset = array, offset

    def append(self, s: list[Any], *values: Any) -> list[Any]:
        """``s = append(s, values...)`` of the sub-slice ``s``: a new list, and the
        values written into the array where Go's append puts them if they all fit
        (the array's capacity is its length here); else Go's append moves ``s`` to
        a new array, and writes nothing here again."""
        at, array = self.offset + len(s), self.array
        room = s.cap - len(s) if type(s) is CapSlice else len(array) - at  # s[a:b:c]'s is c-b
        if len(values) <= room:
            array[at : at + len(values)] = values
        if type(s) is CapSlice:  # the capacity cap(s) reads stays the sub-slice's
            return CapSlice([*s, *values], s.cap)
        return [*s, *values]


def through_call(
    fn: Callable[..., Any], at: int, s: list[Any], low: int, high: int | None, *args: Any
) -> Any:
    """``go fn(..., s[low:high], ...)`` of a function that writes that parameter's
    elements in place and never blocks: the goroutine gives ``fn`` a copy of the
    sub-slice, its argument ``at``, and writes it back into ``s`` when ``fn``
    returns, in the one step it runs (see :func:`through`)."""
    return through(s, low, high, lambda sub: fn(*args[:at], sub, *args[at:]))
