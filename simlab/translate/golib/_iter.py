"""Range over a function: the iterators a ``for ... range seq`` loop drives,
``iter.Pull``, and the library's iterators (``maps.Keys``, ``slices.All``,
``strings.SplitSeq``...).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from inspect import isgenerator
from typing import Any

from simlab.errors import GoPanic, SimlabError

from ._runtime_errors import runtime_error
from ._sort import slices_sort_func_yielding, slices_sort_stable_func_yielding, sort_float64s
from ._strings import fields
from ._values import InterfaceKeyMap, NilSlice, at_once


class _Element:
    """What a yield function hands the loop that drives the iterator."""

    __slots__ = ("v",)

    def __init__(self, v: Any) -> None:
        self.v = v


# A range-over-func loop's state, as Go's compiler keeps it beside the loop: the
# body may run (its yield may be called), is running or has panicked, has exited
# with break or return, or the iterator has returned.
_READY, _BODY, _DONE, _EXHAUSTED = range(4)
_CONTINUED = {
    _BODY: "continued iteration after loop body panic",
    _DONE: "continued iteration after function for loop body returned false",
    _EXHAUSTED: "continued iteration after whole loop exit",
}


class Range:
    """``for x := range seq``: the iterator ``seq`` run as a generator, which the loop
    resumes for each element (``while (yield from it.next()): x = it.v``); the
    operations it blocks on pass through to the runtime. ``stop`` (in the loop's
    ``finally``) answers false to the pending yield and runs the iterator to its
    end, as Go does when the body breaks, returns or panics. The yield function the
    iterator is given keeps Go's checks: one called after the body broke out,
    panicked or the loop ended panics where it is called, and an iterator that
    recovers from a body's panic and returns is a panic of the loop's.
    ``pull``: ``iter.Pull``'s iterator, whose yield after ``stop`` answers false."""

    __slots__ = ("_gen", "_outer", "_pull", "_running", "_send", "_state", "done", "v")

    def __init__(self, seq: Callable[[Any], Any], pull: bool = False) -> None:
        self._outer = sys.exception()  # a deferred call's loop: the panic it runs in
        self._pull = pull
        self._state = _READY
        self._running = False  # the iterator runs in this loop's goroutine, now
        gen = seq(self._yield)
        # a function that is no generator yields nothing: it has returned already
        self._gen: Generator[Any, Any, Any] | None = gen if isgenerator(gen) else None
        self._send: Any = None
        self.done = self._gen is None
        if self.done:
            self._state = _EXHAUSTED
        self.v: Any = None

    def _yield(self, *values: Any) -> Generator[Any, Any, bool]:
        """The yield function the iterator is given: ``yield from`` it (the
        translation makes every function of its type a generator). The element goes
        up to :meth:`_resume`, whose answer is whether the loop goes on."""
        state = self._state
        if self._pull and state in (_DONE, _EXHAUSTED):
            return False
        if state != _READY:
            self._state = _BODY
            raise GoPanic(f"runtime error: range function {_CONTINUED[state]}")
        if not self._running:
            raise SimlabError(
                "a range-over-func loop's yield called from a goroutine the iterator "
                "started is not modelled (simlab runs a loop's body on its own goroutine)"
            )
        self._state = _BODY
        go_on = yield _Element(values[0] if len(values) == 1 else values)
        return bool(go_on)

    def next(self) -> Generator[Any, Any, bool]:
        """The next element in ``v``: True; False once the iterator has returned."""
        if self._running:  # the iterator itself called next
            raise GoPanic("iter.Pull: next called again before yield")
        if self.done:
            return False
        self._state = _READY  # the body ran to its end
        item = yield from self._resume(self._send)
        if item is None:
            self._exhaust()
            return False
        self.v, self._send = item.v, True
        return True

    def stop(self) -> Generator[Any, Any, None]:
        if self.done:
            return
        panic = sys.exception()  # the loop's finally: a panic of the body on its way out
        if isinstance(panic, Exception) and not isinstance(panic, GoPanic):
            panic = runtime_error(panic) or panic  # *p of a nil p: Go's runtime error
        if not self._pull and isinstance(panic, GoPanic) and panic is not self._outer:
            # it unwinds through the iterator's pending yield, whose defers may
            # recover it: a yield called then panics, and so does the loop if the
            # iterator returns
            yield from self._resume(None, panic)
        else:
            self._state = _DONE
            yield from self._resume(False)
        self._exhaust()

    def _exhaust(self) -> None:
        """The iterator has returned: a body's panic it recovered is the loop's."""
        if self._state == _BODY and not self._pull:
            self._state = _EXHAUSTED
            raise GoPanic(
                "runtime error: range function recovered a loop body panic and did not "
                "resume panicking"
            ) from None
        self._state = _EXHAUSTED

    def _resume(
        self, send: Any, thrown: BaseException | None = None
    ) -> Generator[Any, Any, _Element | None]:
        """Run the iterator until it yields an element (returned) or returns (None);
        ``thrown``: a panic raised first at its pending yield. The iterator is this
        frame's ``delegate``: goroutine dumps and the leak oracles go on into its
        frames, as through a ``yield from``."""
        delegate = self._gen
        assert delegate is not None
        while True:
            self._running = True
            try:
                item = delegate.send(send) if thrown is None else delegate.throw(thrown)
            except StopIteration:
                self.done = True
                return None
            finally:
                self._running = False
            if type(item) is _Element:
                return item
            try:
                send, thrown = (yield item), None  # an operation of the runtime's
            except BaseException as exc:  # Goexit, a panic: thrown into the iterator
                send, thrown = None, exc


def iter_pull(
    seq: Callable[[Any], Any], *zeros: Callable[[], Any]
) -> tuple[Callable[[], Generator[Any, Any, Any]], Callable[[], Generator[Any, Any, None]]]:
    """``next, stop := iter.Pull(seq)`` (``iter.Pull2``: two zeros): ``yield from
    next()`` runs the iterator to its next element and gives it with true, or the
    zero values and false once it has returned or been stopped; ``yield from
    stop()`` answers false to the pending yield and runs the iterator to its end.
    The iterator starts at the first ``next``; a ``stop`` before it never runs it."""
    it = Range(seq, pull=True)
    started = False

    def next_() -> Generator[Any, Any, Any]:
        nonlocal started
        started = True
        if (yield from it.next()):
            return (*it.v, True) if len(zeros) == 2 else (it.v, True)
        return (*(z() for z in zeros), False)

    def stop() -> Generator[Any, Any, None]:
        if not started and not it.done:
            it.done = True
            if it._gen is not None:
                it._gen.close()
        yield from it.stop()

    return next_, stop


def _over(
    elements: Sequence[Any] | Callable[[], Iterable[Any]],
    copy_elem: Callable[[Any], Any] | None = None,
) -> Callable[[Any], Generator[Any, Any, None]]:
    """An iterator (a ``func(yield func(...) bool)``) over ``elements`` (a function
    giving them: called each time the iterator runs, read as it goes): a tuple
    element is handed to yield as its two values; with ``copy_elem``, a copy of
    each element (of a tuple's second value), made as it is yielded, as Go copies a
    struct value it passes."""

    def seq(yield_: Callable[..., Any]) -> Generator[Any, Any, None]:
        for e in elements() if callable(elements) else elements:
            if type(e) is tuple:
                k, v = e
                go_on = yield from yield_(k, v if copy_elem is None else copy_elem(v))
            else:
                go_on = yield from yield_(e if copy_elem is None else copy_elem(e))
            if not go_on:
                return

    return seq


def range_map(rt: Any, m: dict[Any, Any]) -> Iterator[Any]:
    """``for k := range m`` where the program deletes from such maps: each key in
    the order the strategy picks, but one deleted before the loop reaches it is not
    produced, as the spec says of a map's entries."""
    for k, _ in range_map_items(rt, m):
        yield k


def range_map_items(rt: Any, m: dict[Any, Any]) -> Iterator[tuple[Any, Any]]:
    """``for k, v := range m`` where the loop may see the map change: as
    :func:`range_map`, each key with the value its entry holds when the loop
    reaches it. An :class:`InterfaceKeyMap`'s entries are looked up by the keys they
    are stored under, which find a NaN key too."""
    if isinstance(m, InterfaceKeyMap):
        for stored in rt.shuffled(list(dict.keys(m))):
            if dict.__contains__(m, stored):
                yield m.key_of(stored), dict.__getitem__(m, stored)
        return
    for k in rt.shuffled(list(m)):
        if k in m:
            yield k, m[k]


def maps_keys(rt: Any, m: dict[Any, Any]) -> Callable[[Any], Generator[Any, Any, None]]:
    """``maps.Keys(m)``: a range over ``m`` each time it runs, in the order the
    strategy picks, the map read as it goes (as Go's)."""
    return _over(lambda: range_map(rt, m))


def maps_values(
    rt: Any, m: dict[Any, Any], copy_elem: Callable[[Any], Any] | None = None
) -> Callable[[Any], Generator[Any, Any, None]]:
    """``maps.Values(m)``."""
    return _over(lambda: (v for _, v in range_map_items(rt, m)), copy_elem)


def maps_all(
    rt: Any, m: dict[Any, Any], copy_elem: Callable[[Any], Any] | None = None
) -> Callable[[Any], Generator[Any, Any, None]]:
    """``maps.All(m)``: key and value."""
    return _over(lambda: range_map_items(rt, m), copy_elem)


def slices_all(
    s: list[Any], copy_elem: Callable[[Any], Any] | None = None
) -> Callable[[Any], Generator[Any, Any, None]]:
    """``slices.All(s)``: index and element, each element read as the range reaches
    it (of the slice's length when All was called, as Go's keeps the slice)."""
    n = len(s)
    return _over(lambda: ((i, s[i]) for i in range(n)), copy_elem)


def slices_values(
    s: list[Any], copy_elem: Callable[[Any], Any] | None = None
) -> Callable[[Any], Generator[Any, Any, None]]:
    """``slices.Values(s)``: as :func:`slices_all`."""
    n = len(s)
    return _over(lambda: (s[i] for i in range(n)), copy_elem)


def slices_backward(
    s: list[Any], copy_elem: Callable[[Any], Any] | None = None
) -> Callable[[Any], Generator[Any, Any, None]]:
    """``slices.Backward(s)``: index and element, from the last."""
    n = len(s)
    return _over(lambda: ((i, s[i]) for i in range(n - 1, -1, -1)), copy_elem)


def slices_chunk(s: list[Any], n: int) -> Callable[[Any], Generator[Any, Any, None]]:
    """``slices.Chunk(s, n)``: ``s`` in sub-slices of ``n`` elements, the last shorter.
    Each is a copy here (the translation refuses one where a write could show it)."""
    if n < 1:
        raise GoPanic("cannot be less than 1")
    return _over([s[i : i + n] for i in range(0, len(s), n)])


def slices_collect(seq: Callable[[Any], Any]) -> Generator[Any, Any, list[Any]]:
    """``slices.Collect(seq)``: ``yield from`` it (the iterator may block). Nothing
    collected is the nil slice, as Go's, which appends to nil."""
    out, it = [], Range(seq)
    while (yield from it.next()):
        out.append(it.v)
    return out if out else NilSlice()


def slices_sorted(seq: Callable[[Any], Any]) -> Generator[Any, Any, list[Any]]:
    """``slices.Sorted(seq)``: ``yield from`` it; floats as ``slices.Sort`` orders
    them, the NaNs first."""
    out = yield from slices_collect(seq)
    if out and isinstance(out[0], float):
        sort_float64s(out)
    else:
        out.sort()
    return out


def maps_collect(seq: Callable[[Any], Any]) -> Generator[Any, Any, dict[Any, Any]]:
    """``maps.Collect(seq)``: ``yield from`` it."""
    return dict((yield from slices_collect(seq)))


def _now(collecting: Generator[Any, Any, Any]) -> Any:
    """What ``collecting`` returns, run in one step: the library's iterators never
    block, so a collection of one yields nothing to the runtime."""
    return at_once(
        collecting, "a collection of the library's iterator blocked, which it never does in Go"
    )


def slices_collect_now(seq: Callable[[Any], Any]) -> list[Any]:
    """``slices.Collect(seq)`` of the library's iterator (``slices.Values(s)``)."""
    return _now(slices_collect(seq))


def slices_sorted_now(seq: Callable[[Any], Any]) -> list[Any]:
    """``slices.Sorted(seq)`` of the library's iterator (``maps.Keys(m)``)."""
    return _now(slices_sorted(seq))


def maps_collect_now(seq: Callable[[Any], Any]) -> dict[Any, Any]:
    """``maps.Collect(seq)`` of the library's iterator (``maps.All(m)``)."""
    return _now(maps_collect(seq))


def maps_insert(m: dict[Any, Any], seq: Callable[[Any], Any]) -> Generator[Any, Any, None]:
    """``maps.Insert(m, seq)``: ``yield from`` it; each pair set in ``m`` as the
    iterator gives it."""
    it = Range(seq)
    while (yield from it.next()):
        key, value = it.v
        m[key] = value


def slices_append_seq(s: list[Any], seq: Callable[[Any], Any]) -> Generator[Any, Any, list[Any]]:
    """``slices.AppendSeq(s, seq)``: ``yield from`` it; ``s`` itself where the
    iterator gives nothing, else a new list (an append past a capacity that is the
    length, as everywhere here)."""
    more = yield from slices_collect(seq)
    return s + more if more else s


def slices_sorted_func(
    seq: Callable[[Any], Any], cmp: Callable[[Any, Any], Any]
) -> Generator[Any, Any, list[Any]]:
    """``slices.SortedFunc(seq, cmp)``: ``yield from`` it; the elements sorted as
    ``slices.SortFunc`` sorts them (a ``cmp`` that blocks runs in this goroutine)."""
    out = yield from slices_collect(seq)
    yield from slices_sort_func_yielding(out, cmp)
    return out


def slices_sorted_stable_func(
    seq: Callable[[Any], Any], cmp: Callable[[Any, Any], Any]
) -> Generator[Any, Any, list[Any]]:
    """``slices.SortedStableFunc(seq, cmp)``: as :func:`slices_sorted_func`, equal
    elements kept in the order the iterator gave them."""
    out = yield from slices_collect(seq)
    yield from slices_sort_stable_func_yielding(out, cmp)
    return out


def strings_fields_seq(s: str) -> Callable[[Any], Generator[Any, Any, None]]:
    """``strings.FieldsSeq(s)``: the fields ``strings.Fields`` gives."""
    return _over(fields(s))


def strings_fields_func_seq(
    s: str, sep: Callable[[int], Any]
) -> Callable[[Any], Generator[Any, Any, None]]:
    """``strings.FieldsFuncSeq(s, f)``: the fields ``strings.FieldsFunc`` gives, ``f``
    called on each rune as the range reaches it, as Go's."""

    def seq(yield_: Callable[..., Any]) -> Generator[Any, Any, None]:
        start = -1
        for i, c in enumerate(s):
            if sep(ord(c)):
                if start >= 0 and not (yield from yield_(s[start:i])):
                    return
                start = -1
            elif start < 0:
                start = i
        if start >= 0:
            yield from yield_(s[start:])

    return seq


def strings_split_seq(s: str, sep: str) -> Callable[[Any], Generator[Any, Any, None]]:
    """``strings.SplitSeq(s, sep)``: the parts ``strings.Split`` gives, by a
    single-use iterator, as Go's (see ``_single_use_split``)."""
    return _single_use_split(s, sep, 0)


def strings_split_after_seq(s: str, sep: str) -> Callable[[Any], Generator[Any, Any, None]]:
    """``strings.SplitAfterSeq(s, sep)``: the parts ``strings.SplitAfter`` gives,
    by a single-use iterator."""
    return _single_use_split(s, sep, len(sep))


def _single_use_split(s: str, sep: str, keep: int) -> Callable[[Any], Generator[Any, Any, None]]:
    """Go's split iterators keep the text not split yet from one range to the next:
    a second range over the same iterator starts at the part the first stopped at
    (the last part alone, after a range to the end; nothing, for an empty ``sep``)."""
    rest = s

    def seq(yield_: Callable[..., Any]) -> Generator[Any, Any, None]:
        nonlocal rest
        if sep == "":
            while rest:
                if not (yield from yield_(rest[0])):
                    return
                rest = rest[1:]
            return
        while (i := rest.find(sep)) >= 0:
            if not (yield from yield_(rest[: i + keep])):
                return
            rest = rest[i + len(sep) :]
        yield from yield_(rest)

    return seq


def _bytes_seq(
    seq: Callable[[Any], Generator[Any, Any, None]],
) -> Callable[[Any], Generator[Any, Any, None]]:
    """``bytes``' iterators: the iterator ``strings``' gives over the text of the
    bytes (a byte that is not UTF-8's kept, surrogate-escaped), each part as bytes."""

    def over(yield_: Callable[..., Any]) -> Generator[Any, Any, None]:
        return (yield from seq(lambda part: yield_(list(part.encode(errors="surrogateescape")))))

    return over


def _text(b: list[int]) -> str:
    return bytes(b).decode(errors="surrogateescape")


def bytes_split_seq(s: list[int], sep: list[int]) -> Callable[[Any], Generator[Any, Any, None]]:
    """``bytes.SplitSeq(s, sep)``: the parts ``bytes.Split`` gives, as
    ``strings.SplitSeq``."""
    return _bytes_seq(strings_split_seq(_text(s), _text(sep)))


def bytes_split_after_seq(
    s: list[int], sep: list[int]
) -> Callable[[Any], Generator[Any, Any, None]]:
    """``bytes.SplitAfterSeq(s, sep)``."""
    return _bytes_seq(strings_split_after_seq(_text(s), _text(sep)))


def bytes_fields_seq(s: list[int]) -> Callable[[Any], Generator[Any, Any, None]]:
    """``bytes.FieldsSeq(s)``."""
    return _bytes_seq(strings_fields_seq(_text(s)))


def bytes_fields_func_seq(
    s: list[int], sep: Callable[[int], Any]
) -> Callable[[Any], Generator[Any, Any, None]]:
    """``bytes.FieldsFuncSeq(s, f)``."""
    return _bytes_seq(strings_fields_func_seq(_text(s), sep))


def bytes_lines(s: list[int]) -> Callable[[Any], Generator[Any, Any, None]]:
    """``bytes.Lines(s)``."""
    return _bytes_seq(strings_lines(_text(s)))


def strings_lines(s: str) -> Callable[[Any], Generator[Any, Any, None]]:
    """``strings.Lines(s)``: each line with its newline (the last one may lack it),
    by a single-use iterator, as Go's: a second range starts after the line the
    first stopped at."""
    rest = s

    def seq(yield_: Callable[..., Any]) -> Generator[Any, Any, None]:
        nonlocal rest
        while rest:
            line, newline, rest = rest.partition("\n")
            if not (yield from yield_(line + newline)):
                return

    return seq
