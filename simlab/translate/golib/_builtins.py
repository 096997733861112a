"""Go's built-in operations that the translation writes as calls: ``s[i]`` and
``s[low:high]`` with Go's bounds checks, ``copy(dst, src)``, ``clear(s)``, and
``close`` as a function value.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
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
    never asks of the slice: the run keeps none). A length past the most Go's
    allocator hands out, 2**48 bytes, is out of range too (a larger element's
    smaller limit is not checked: such a length fails in the model instead)."""
    if n < 0 or n > _MAX_ALLOC:
        raise GoPanic("runtime error: makeslice: len out of range")
    if cap is not None and (cap < n or cap > _MAX_ALLOC):
        raise GoPanic("runtime error: makeslice: cap out of range")
    return n


_MAX_ALLOC = 1 << 48  # the runtime's maxAlloc on linux/amd64


def _out_of_range(i: int, n: int) -> str:
    """Go's text of index ``i`` out of the range of a length ``n``."""
    return f"index out of range [{i}]" + ("" if i < 0 else f" with length {n}")


class CapSlice(list[Any]):
    """A slice whose capacity a program that asks ``cap`` reads: the list, the
    capacity Go's slice would have (what ``make`` gave it, the array or slice it
    was cut from, or Go's growth rule after an append past it), and ``rest``, the
    elements of its array past its length that the run knows (a re-slice up to
    the capacity, ``t = t[:4]`` after ``t = t[:0]``, reads them back). ``shared``
    is its array's :class:`_Forks` once an append made another slice of it, which
    a write to an element then reaches too (``t := s; t = append(t, 5); t[0] = 9``
    writes ``s[0]``, as Go's shared array does)."""

    __slots__ = ("__weakref__", "cap", "rest", "shared")

    def __init__(self, elements: list[Any], cap: int, rest: list[Any] | None = None) -> None:
        super().__init__(elements)
        self.cap = cap
        self.rest = [] if rest is None else rest
        self.shared: _Forks | None = None

    def __setitem__(self, i: Any, value: Any) -> None:
        n = len(self)
        list.__setitem__(self, i, value)
        if self.shared is None:
            return
        if type(i) is int:
            self.shared.put(self, i if i >= 0 else i + n, value)
        elif type(i) is slice and len(self) == n:  # copy(dst, src): dst[:k] = ...
            for k in range(*i.indices(n)):
                self.shared.put(self, k, list.__getitem__(self, k))

    def sort(self, *args: Any, **kwargs: Any) -> None:  # sort.Ints(s), slices.Sort(s)
        list.sort(self, *args, **kwargs)
        if self.shared is not None:
            self[:] = list(self)  # into the array's other slices too

    def reverse(self) -> None:  # slices.Reverse(s)
        list.reverse(self)
        if self.shared is not None:
            self[:] = list(self)


class _Forks:
    """An array that slices share because an append into its spare capacity made
    one of another (``a := append(base, x)``, ``f(append(path, v))``), or a re-slice
    cut one from another (``head := s[:2]``, ``page := items[1:3]``): the slices of
    it the run holds, each a list of its own here, and where each starts in the
    array. Go's append writes the array itself, so a second append into the same
    places (``b := append(base, y)``, or ``base = append(base, z)``) changes what
    the first one's slice holds: each append writes its values into every such
    slice that reaches those places (as an element, or in ``rest``), which is what
    Go's shows, and so does a write to an element, ``a[0] = v``."""

    __slots__ = ("slices",)

    def __init__(self) -> None:
        # by id (a list does not hash), in the order they were made, with where each
        # starts in the array; each entry goes when its slice does
        self.slices: dict[int, tuple[weakref.ref[CapSlice], int]] = {}

    def offset(self, s: CapSlice) -> int:
        """Where ``s`` starts in the array (0 for one not held yet: a new array's)."""
        held = self.slices.get(id(s))
        return 0 if held is None else held[1]

    def hold(self, s: CapSlice, offset: int = 0) -> None:
        key = id(s)
        if key in self.slices:
            return
        slices = self.slices

        def gone(_: weakref.ref[CapSlice]) -> None:
            slices.pop(key, None)

        slices[key] = (weakref.ref(s, gone), offset)

    def release(self, s: CapSlice) -> None:
        """``s`` moved to a new array of its own (an append past its capacity)."""
        self.slices.pop(id(s), None)

    def write(self, s: CapSlice, values: tuple[Any, ...]) -> None:
        """``values`` appended to ``s`` in its array, into places from ``len(s)`` on:
        every other slice of the array that reaches them sees them."""
        self._place(s, self.offset(s) + len(s), values)

    def put(self, s: CapSlice, i: int, value: Any) -> None:
        """``s[i] = value``: every other slice of the array that reaches the place
        sees it."""
        self._place(s, self.offset(s) + i, (value,))

    def _place(self, s: CapSlice, start: int, values: tuple[Any, ...]) -> None:
        for ref, offset in list(self.slices.values()):
            t = ref()
            if t is None or t is s:
                continue
            for at, v in enumerate(values, start - offset):
                if 0 <= at < len(t):
                    list.__setitem__(t, at, v)
                elif 0 <= at - len(t) < len(t.rest):
                    t.rest[at - len(t)] = v


def with_capacity(
    elements: list[Any], cap: int | None = None, zero: Callable[[], Any] | None = None
) -> list[Any]:
    """``make([]T, n, cap)``: the ``n`` zero values, keeping ``cap`` (``make([]T,
    n)``: ``n``) and the zero values past them (``zero`` makes one); Go's panic
    where ``cap`` is less than ``n``."""
    if cap is None:
        cap = len(elements)
    if cap < len(elements):
        raise GoPanic("runtime error: makeslice: cap out of range")
    rest = [zero() for _ in range(cap - len(elements))] if zero is not None else None
    return CapSlice(elements, cap, rest)


# The sizes of the objects Go's allocator hands out (go1.27's size classes, 8 bytes
# to 32 KiB); a larger object takes whole pages of 8 KiB.
_SIZE_CLASSES = (
    *(8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256),
    *(288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152),
    *(1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376),
    *(6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336),
    *(16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768),
)
_PAGE = 8192
_HEADER = 8  # the type word Go puts before an object of pointers above 512 bytes


def _allocated(size: int, pointers: bool) -> int:
    """The bytes Go's allocator gives a request for ``size``: the smallest size class
    that holds it (and its header, for an object of pointers above 512 bytes, which
    the caller does not get), or whole pages."""
    if size > _SIZE_CLASSES[-1] - _HEADER:
        return -(-size // _PAGE) * _PAGE
    header = _HEADER if pointers and size > 512 else 0
    return _SIZE_CLASSES[bisect_left(_SIZE_CLASSES, size + header)] - header


def grown_cap(length: int, cap: int, size: int, pointers: bool) -> int:
    """The capacity Go's ``append`` gives a slice of capacity ``cap`` that must hold
    ``length`` elements of ``size`` bytes: the length if that is more than double
    the capacity, else double it (below 256), or a quarter more and 192 each step
    (above), then as many elements as the allocator's block of those bytes holds."""
    if size == 0:
        return length
    new = cap * 2
    if length > new:
        new = length
    elif cap >= 256:
        new = cap
        while new < length:
            new += (new + 768) >> 2
    return _allocated(new * size, pointers) // size


def appended(
    s: list[Any],
    *values: Any,
    size: int = 8,
    pointers: bool = False,
    stack: int = 0,
    copy_elem: Callable[[Any], Any] | None = None,
) -> list[Any]:
    """``append(s, values...)`` as a new list, in a program that asks ``cap`` of a
    slice: the capacity kept while the values fit (they take the places of the
    array's elements past the length), else Go's growth for elements of ``size``
    bytes (``pointers``: they hold pointers, which the allocator places with a
    header above 512 bytes), into a new array that holds copies of ``s``'s struct
    values or arrays (``copy_elem``), as Go's copies them; a slice without a
    ``go.CapSlice``'s capacity has its length. ``stack``: the first append to an
    empty slice that never leaves its function, whose array Go's compiler puts in
    a buffer of ``stack`` elements in the function's frame (32 bytes), if the
    values fit there."""
    length = len(s) + len(values)
    if type(s) is View and values and s.room() >= len(values):
        # h.data = append(h.data, x) of a view (h.data = h.data[:n] before): the
        # values take the places of the array the view is of, as Go's append writes
        # them there while the array has room
        view = View([*s, *values], s.array, s.offset, s.cap)
        for k in range(len(s), length):
            view._write(k, view[k])
        return view
    if type(s) is CapSlice:
        if length <= s.cap:
            made = CapSlice([*s, *values], s.cap, s.rest[len(values) :])
            # in Go, made and s share s's array, whose places the values take (of no
            # values, append(b, none...), made is s: a write to either is the other's)
            shared = made.shared = s.shared = s.shared or _Forks()
            if values:
                shared.write(s, values)
                s.rest[: len(values)] = values
            shared.hold(s)
            shared.hold(made, shared.offset(s))
            return made
        cap = s.cap
    elif not values:
        return s + list(values)  # append(nil) is nil (a go.NilSlice's sum)
    else:
        cap = capacity(s)  # a view's, or the length
    if stack and not s and length <= stack:
        return CapSlice(list(values), stack)
    kept = s if copy_elem is None else map(copy_elem, s)
    return CapSlice([*kept, *values], grown_cap(length, cap, size, pointers))


def cloned(s: list[Any], size: int = 8, pointers: bool = False) -> list[Any]:
    """``slices.Clone(s)`` (a new list ``s``, nil for nil) in a program that asks
    ``cap``: the capacity Go's ``append(s[:0:0], s...)`` gives it, the allocator's
    block for its elements (``cap(slices.Clone(five ints))`` is 6)."""
    if not s:
        return s
    return CapSlice(s, grown_cap(len(s), 0, size, pointers))


def append_in_place(
    s: list[Any],
    *values: Any,
    size: int = 8,
    pointers: bool = False,
    stack: int = 0,
    copy_elem: Callable[[Any], Any] | None = None,
) -> list[Any]:
    """``s = append(s, values...)`` of a slice no other variable holds, in a program
    that asks ``cap``: :func:`appended`, but a ``go.CapSlice`` grows in place (its
    struct values or arrays copied, ``copy_elem``, when it outgrows its array: a
    re-slice, ``items[:3:3]``, held the same ones)."""
    if type(s) is not CapSlice or (stack and not s):
        return appended(s, *values, size=size, pointers=pointers, stack=stack, copy_elem=copy_elem)
    length = len(s) + len(values)
    if length <= s.cap:
        if s.shared is not None and values:
            s.shared.write(s, values)
        del s.rest[: len(values)]
    else:
        s.cap, s.rest = grown_cap(length, s.cap, size, pointers), []
        if s.shared is not None:
            s.shared.release(s)
            s.shared = None  # a new array, its own
        if copy_elem is not None:
            s[:] = map(copy_elem, s)
    s.extend(values)
    return s


def capacity(s: list[Any]) -> int:
    """``cap(s)`` of a slice: a ``go.CapSlice``'s, else its length (a literal's, a
    copy's)."""
    if type(s) is View and s.cap is not None:
        return s.cap  # q.items = q.items[:n] of a field: the array's room past it too
    if type(s) is not CapSlice:
        return len(s)
    if len(s) > s.cap:
        raise SimlabError(
            f"cap of a slice appended past the capacity it had ({len(s)} > {s.cap}) where"
            " simlab did not follow Go's growth rule"
        )
    return s.cap


def sliced(
    s: Any, low: int = 0, high: int | None = None, most: int | None = None, of_array: bool = False
) -> Any:
    """The slice expression ``s[low:high]`` of a slice or a string (a string's bounds
    are byte offsets, as Go's: a rune cut in two becomes U+FFFD), or Go's runtime
    panic where a bound is out of range (a slice's capacity is its length here).
    ``most`` is the third index of ``s[low:high:most]``, which gives the result
    its capacity, ``most - low``; ``of_array``: ``s`` is an array, whose bound Go's
    panic calls its length."""
    if type(s) is CapSlice:
        return _sliced_capacity(s, low, high, most, of_array)
    if most is not None:
        hi = len(s) if high is None else high
        _check_slice3(len(s), low, hi, most, "length" if of_array else "capacity")
        if not s and type(s) is not list and isinstance(s, list):
            return type(s)()  # a nil slice's s[:0:0] is nil (a go.NilSlice), as Go's
        return CapSlice(s[low:hi], most - low, s[hi:most])
    text = isinstance(s, str) and not s.isascii()
    data = s.encode() if text else s
    n = len(data)
    hi = n if high is None else high
    _check_slice(n, low, hi, "length" if isinstance(s, str) or of_array else "capacity")
    if text:
        return data[low:hi].decode(errors="replace")
    if not s and type(s) is not list and isinstance(s, list):
        return type(s)()  # a nil slice's s[0:0] is nil (a go.NilSlice), as Go's
    return s[low:hi]


def resliced(
    s: list[Any],
    low: int = 0,
    high: int | None = None,
    most: int | None = None,
    of_array: bool = False,
) -> Any:
    """:func:`sliced` of a slice or an array in a program that asks ``cap``: the
    result a ``go.CapSlice`` whose capacity runs to the end of ``s``'s (its
    length, if ``s`` keeps none), the elements past its end kept for a re-slice."""
    if type(s) is CapSlice:
        return _sliced_capacity(s, low, high, most, of_array)
    if not s and type(s) is not list:
        return sliced(s, low, high, most)  # nil stays nil
    return _sliced_capacity(CapSlice(s, len(s)), low, high, most, of_array)


def _sliced_capacity(
    s: CapSlice, low: int, high: int | None, most: int | None, of_array: bool = False
) -> CapSlice:
    """``s[low:high:most]`` of a slice that keeps its capacity: Go's bounds are the
    capacity's, and the result's capacity runs to ``most`` or to ``s``'s end."""
    end = s.cap if most is None else most
    hi = len(s) if high is None else high
    what = "length" if of_array else "capacity"
    if most is None:
        _check_slice(s.cap, low, hi, what)
    else:
        _check_slice3(s.cap, low, hi, most, what)
    whole: list[Any] = s
    if max(hi, end) > len(s):
        whole = [*s, *s.rest]
        if hi > len(whole):
            raise SimlabError(
                f"s[{low}:{hi}] of a slice of length {len(s)} and capacity {s.cap}: the"
                f" elements of its array past {len(whole)} are not kept here (Go's append"
                " moved it to a new array; slice within the length, or append)"
            )
    made = CapSlice(whole[low:hi], end - low, whole[hi:end])
    # made is s's array from low on: an append into either's room writes the
    # other's places too (saved := buf; buf = buf[:0]; append; page := items[1:3])
    shared = made.shared = s.shared = s.shared or _Forks()
    shared.hold(s)
    shared.hold(made, shared.offset(s) + low)
    return made


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


def _check_slice3(n: int, low: int, high: int, most: int, what: str = "capacity") -> None:
    """Go's runtime panic where a bound of ``s[low:high:most]`` is out of range."""
    bounds = ""
    if most < 0:
        bounds = f"[::{most}]"
    elif most > n:
        bounds = f"[::{most}] with {what} {n}"
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
    dst: list[Any], src: list[Any] | str, copy_elem: Callable[[Any], Any] | None = None
) -> int:
    """Go's ``copy(dst, src)``: as many elements as both have, each copied by
    ``copy_elem`` where they are struct values or arrays; how many. A string
    ``src`` (of a ``T ~string | ~[]byte``) gives its bytes."""
    elements = list(src.encode()) if isinstance(src, str) else src
    n = min(len(dst), len(elements))
    dst[:n] = copy_array(elements[:n], copy_elem)
    return n


def byte_seq(x: Any) -> Any:
    """A value of a type parameter ``T ~string | ~[]byte`` as its bytes: a string's
    UTF-8 (which index and ``range`` read as bytes), a slice as it is."""
    return x.encode() if isinstance(x, str) else x


def byte_slice(x: Any) -> Any:
    """``[]byte(s)`` of a type parameter ``S ~string | ~[]byte``: a string's UTF-8
    in a new slice, a slice itself (a conversion between slice types copies
    nothing)."""
    return list(x.encode()) if isinstance(x, str) else x


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


def delete(m: Any, key: Any) -> None:
    """``delete(m, key)`` as a function value (``defer delete(seen, v)``)."""
    m.pop(key, None)


def through(s: list[Any], low: int, high: int | None, call: Callable[[list[Any]], Any]) -> Any:
    """A call given the sub-slice ``s[low:high]`` that writes its elements and keeps
    nothing of it (``mergeSort(s[:mid])``, ``copy(s[i+1:], s[i:])``): ``call`` is
    given a copy, whose elements are written back into ``s`` when it returns, as
    the sub-slice, which shares ``s``'s backing array, would have left them there."""
    sub = sliced(s, low, high)
    result = call(sub)
    _write_back(s, low, sub)
    return result


def through_grown(
    s: list[Any], low: int, high: int | None, at: int | None, call: Callable[[list[Any]], Any]
) -> Any:
    """A call given the sub-slice ``s[low:high]`` that only appends to it and returns
    what it grew (``appendValues(values[:0], root)``), its result ``at`` (None: its
    only one): ``call`` is given a copy, and what it returns is written back into
    ``s`` from ``low`` on, as far as the sub-slice's capacity, where Go's appends
    wrote into the array the sub-slice shares with ``s`` until one outgrew it."""
    result = call(sliced(s, low, high))
    grown = result if at is None else result[at]
    _write_back(s, low, list(grown[: capacity(s) - low]))
    return result


def _write_back(s: list[Any], low: int, sub: list[Any]) -> None:
    """The elements of ``sub``, the copy :func:`through` gave of ``s[low:...]``,
    back in ``s``: past ``s``'s length (``copy(e[:cap(e)], src)``), into the
    elements of its array it keeps, as ``s``'s length stays what it was."""
    within = max(0, min(len(sub), len(s) - low))
    s[low : low + within] = sub[:within]
    if within < len(sub) and type(s) is CapSlice:
        at = low + within - len(s)
        s.rest[at : at + len(sub) - within] = sub[within:]


def through_blocking(
    s: list[Any], low: int, high: int | None, call: Callable[[list[Any]], Generator[Any, Any, Any]]
) -> Generator[Any, Any, Any]:
    """:func:`through` for a call that may block: ``io.ReadFull(r, hdr[low:high])``
    into a local array no other goroutine can reach, or a function that waits only
    for goroutines of its own (a parallel merge sort's half); the copy is written
    back when it returns."""
    sub = sliced(s, low, high)
    result = yield from call(sub)
    _write_back(s, low, sub)
    return result


class View(list[Any]):
    """A sub-slice of a slice parameter that its function re-slices into itself,
    then writes (``p = p[:n]; n, err := r.Read(p)``): a list of its own, each of
    whose element writes goes into ``array``, the caller's slice, at ``offset`` on,
    as Go's writes go into the array both share; ``cap``, the capacity Go's would
    have, of a view of a ``go.CapSlice`` in a program that asks ``cap``."""

    __slots__ = ("array", "cap", "offset")

    def __init__(
        self,
        elements: Any = (),
        array: list[Any] | None = None,
        offset: int = 0,
        cap: int | None = None,
    ) -> None:
        super().__init__(elements)  # (View(): an empty one, as sliced's s[0:0] of one makes)
        self.array, self.offset, self.cap = [] if array is None else array, offset, cap

    def __setitem__(self, i: Any, x: Any) -> None:
        list.__setitem__(self, i, x)
        if isinstance(i, slice):  # p[:n] = data, of as many elements
            for k in range(*i.indices(len(self))):
                self._write(k, list.__getitem__(self, k))
        else:
            self._write(i + len(self) if i < 0 else i, x)

    def sort(self, *args: Any, **kwargs: Any) -> None:  # sort.Ints(p), slices.Sort(p)
        list.sort(self, *args, **kwargs)
        self[:] = list(self)

    def reverse(self) -> None:  # slices.Reverse(p)
        list.reverse(self)
        self[:] = list(self)

    def _write(self, k: int, x: Any) -> None:
        at, array = self.offset + k, self.array
        if at < len(array):
            array[at] = x
        elif type(array) is View:
            array._write(at, x)  # past a view's length (h.data = h.data[:n] twice), in its array
        elif type(array) is CapSlice and at - len(array) < len(array.rest):
            array.rest[at - len(array)] = x  # past the caller's length, within its capacity
        elif type(array) is CapSlice and at - len(array) == len(array.rest) and at < array.cap:
            array.rest.append(x)  # the next place of its capacity, which a re-slice reads back

    def room(self) -> int:
        """The places past the view's end in the array under it (under a view of a
        view too), which an append to the view writes while they last."""
        at, array = self.offset + len(self), self.array
        while type(array) is View:
            at, array = at + array.offset, array.array
        if type(array) is CapSlice:
            return array.cap - at  # p.q = p.q[1:] of a slice with room past its length
        return len(array) - at


def param_view(s: list[Any], low: int = 0, high: int | None = None) -> View:
    """``p = p[low:high]`` of a slice parameter that is written afterwards: a
    :class:`View` over ``s``, Go's bounds checked as :func:`sliced` checks them
    (the capacity's, of a ``go.CapSlice``, whose elements past its length it reads)."""
    if type(s) is CapSlice:
        part = _sliced_capacity(s, low, high, None)
        return View(part, s, low, part.cap)
    cap = s.cap - low if type(s) is View and s.cap is not None else None  # a view's view
    return View(sliced(s, low, high), s, low, cap)


class Backing:
    """The array a sub-slice with room to grow shares with its operand (``kept :=
    hs[:0]``): an append to the sub-slice writes there, as Go's does while the
    array has room, so that ``hs`` holds what the filter kept."""

    __slots__ = ("array", "offset")

    def __init__(self, array: list[Any], offset: int) -> None:
        self.array, self.offset = array, offset

    def append(self, s: list[Any], *values: Any, **growth: Any) -> list[Any]:
        """``s = append(s, values...)`` of the sub-slice ``s``: a new list, and the
        values written into the array where Go's append puts them if they all fit
        (the array's room ends at its length, or, for a sub-slice that keeps its
        capacity, at that; past the array's length they go into the elements it
        keeps past it); else Go's append moves ``s`` to a new array, and writes
        nothing here again."""
        at, array = self.offset + len(s), self.array
        room = s.cap - len(s) if type(s) is CapSlice else len(array) - at  # s[a:b:c]'s is c-b
        if len(values) <= room:
            fit = max(0, min(len(values), len(array) - at))
            array[at : at + fit] = values[:fit]
            start = at + fit - len(array)  # past its length: in the elements kept past it
            if fit < len(values) and type(array) is CapSlice and start <= len(array.rest):
                array.rest[start : start + len(values) - fit] = values[fit:]
        if type(s) is CapSlice:  # the capacity cap(s) reads: the sub-slice's, or grown
            return appended(s, *values, **growth)  # growth: appended's size and pointers
        return [*s, *values]


def through_call(
    fn: Callable[..., Any], at: int, s: list[Any], low: int, high: int | None, *args: Any
) -> Any:
    """``go fn(..., s[low:high], ...)`` of a function that writes that parameter's
    elements in place and never blocks: the goroutine gives ``fn`` a copy of the
    sub-slice, its argument ``at``, and writes it back into ``s`` when ``fn``
    returns, in the one step it runs (see :func:`through`)."""
    return through(s, low, high, lambda sub: fn(*args[:at], sub, *args[at:]))
