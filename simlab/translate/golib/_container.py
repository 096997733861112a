"""``container/list`` and ``container/ring``: Go's doubly linked list and circular
list, each element a node whose ``Value`` the program reads and assigns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._gonames import GoNames


class Element(GoNames):
    """A ``*list.Element``: its ``Value``, and the list it is in (None once removed,
    when ``Next`` and ``Prev`` give nil, as Go's)."""

    go_name = "*list.Element"

    __slots__ = ("Value", "_list", "_next", "_prev")

    def __init__(self, value: Any = None) -> None:
        self.Value = value
        self._list: List | None = None
        self._next: Element | None = None
        self._prev: Element | None = None

    def next(self) -> Element | None:
        """``e.Next()``: the element after ``e``, or nil at the back."""
        after = self._next
        if self._list is None or after is self._list._root:
            return None
        return after

    def prev(self) -> Element | None:
        """``e.Prev()``: the element before ``e``, or nil at the front."""
        before = self._prev
        if self._list is None or before is self._list._root:
            return None
        return before


class List(GoNames):
    """A ``list.List`` (``list.New()``, or its zero value, ready to use): a ring of
    elements through a sentinel that is no element of it. An element of another
    list given to a method leaves this one unchanged, as Go's."""

    go_name = "*list.List"

    __slots__ = ("_len", "_root")

    def __init__(self) -> None:
        self._root = Element()
        self.init()

    def init(self) -> List:
        """``l.Init()``: the list emptied; its elements are left as they were."""
        self._root._next = self._root._prev = self._root
        self._len = 0
        return self

    def len(self) -> int:
        return self._len

    def front(self) -> Element | None:
        return None if self._len == 0 else self._root._next

    def back(self) -> Element | None:
        return None if self._len == 0 else self._root._prev

    def _link(self, e: Element, at: Element) -> Element:
        """``e`` put in this list right after ``at``."""
        after = at._next
        assert after is not None
        e._prev, e._next, e._list = at, after, self
        at._next = after._prev = e
        self._len += 1
        return e

    def _unlink(self, e: Element) -> None:
        """``e`` taken out of this list, its links cleared."""
        assert e._prev is not None and e._next is not None
        e._prev._next, e._next._prev = e._next, e._prev
        e._next = e._prev = e._list = None
        self._len -= 1

    def _relink(self, e: Element, at: Element) -> None:
        """``e``, already in this list, moved to right after ``at``."""
        if e is at:
            return
        self._unlink(e)
        self._link(e, at)

    def _before(self, at: Element) -> Element:
        assert at._prev is not None
        return at._prev

    def push_front(self, v: Any) -> Element:
        return self._link(Element(v), self._root)

    def push_back(self, v: Any) -> Element:
        return self._link(Element(v), self._before(self._root))

    def insert_before(self, v: Any, mark: Element) -> Element | None:
        """``l.InsertBefore(v, mark)``: nil when ``mark`` is not of this list."""
        if mark._list is not self:
            return None
        return self._link(Element(v), self._before(mark))

    def insert_after(self, v: Any, mark: Element) -> Element | None:
        if mark._list is not self:
            return None
        return self._link(Element(v), mark)

    def remove(self, e: Element) -> Any:
        """``l.Remove(e)``: ``e.Value``, ``e`` taken out if it is of this list."""
        if e._list is self:
            self._unlink(e)
        return e.Value

    def move_to_front(self, e: Element) -> None:
        if e._list is self and self._root._next is not e:
            self._relink(e, self._root)

    def move_to_back(self, e: Element) -> None:
        if e._list is self and self._root._prev is not e:
            self._relink(e, self._before(self._root))

    def move_before(self, e: Element, mark: Element) -> None:
        if e._list is self and mark._list is self and e is not mark:
            self._relink(e, self._before(mark))

    def move_after(self, e: Element, mark: Element) -> None:
        if e._list is self and mark._list is self and e is not mark:
            self._relink(e, mark)

    def push_back_list(self, other: List) -> None:
        """``l.PushBackList(other)``: a copy of each value of ``other`` (as many as it
        holds now: ``l`` may be ``other``) at the back."""
        e = other.front()
        for _ in range(other.len()):
            assert e is not None
            self.push_back(e.Value)
            e = e.next()

    def push_front_list(self, other: List) -> None:
        """``l.PushFrontList(other)``: a copy of ``other``'s values at the front, in
        their order."""
        e = other.back()
        for _ in range(other.len()):
            assert e is not None
            self.push_front(e.Value)
            e = e.prev()


def list_new() -> List:
    """``list.New()``."""
    return List()


class Ring:
    """A ``*ring.Ring``: one element of a circular list, with its ``Value``. The zero
    ``ring.Ring`` is a ring of one element. ``Len`` and ``Do`` of nil (``ring.New(0)``)
    are 0 and nothing, as Go's: the translation calls them as ``go.Ring.len(r)``."""

    go_name = "*ring.Ring"

    __slots__ = ("Value", "_next", "_prev")

    def __init__(self) -> None:
        self.Value: Any = None
        self._next: Ring = self
        self._prev: Ring = self

    def next(self) -> Ring:
        return self._next

    def prev(self) -> Ring:
        return self._prev

    def move(self, n: int) -> Ring:
        """``r.Move(n)``: the element ``n`` steps on (back for ``n < 0``), modulo the
        ring's length."""
        r = self
        if n < 0:
            for _ in range(-n % self.len()):
                r = r._prev
        else:
            for _ in range(n % self.len()):
                r = r._next
        return r

    def link(self, s: Ring | None) -> Ring:
        """``r.Link(s)``: ``s``'s ring spliced in after ``r`` (when it is another ring),
        or the elements from ``r.Next()`` up to ``s`` cut out (when it is this one);
        the result is what ``r.Next()`` was."""
        after = self._next
        if s is not None:
            last = s._prev
            self._next, s._prev = s, self
            after._prev, last._next = last, after
        return after

    def unlink(self, n: int) -> Ring | None:
        """``r.Unlink(n)``: the ``n % r.Len()`` elements after ``r`` taken out as a
        ring of their own; nil for ``n <= 0``."""
        if n <= 0:
            return None
        return self.link(self.move(n + 1))

    def len(self: Ring | None) -> int:
        """``r.Len()``: how many elements the ring holds; 0 for nil."""
        if self is None:
            return 0
        n, r = 1, self._next
        while r is not self:
            n, r = n + 1, r._next
        return n

    def do(self: Ring | None, f: Callable[[Any], Any]) -> None:
        """``r.Do(f)``: ``f`` of each element's value, from ``r`` on; nothing for nil."""
        if self is None:
            return
        f(self.Value)
        r = self._next
        while r is not self:
            f(r.Value)
            r = r._next


def ring_new(n: int) -> Ring | None:
    """``ring.New(n)``: a ring of ``n`` elements holding nil; nil for ``n <= 0``."""
    if n <= 0:
        return None
    r = Ring()
    for _ in range(n - 1):
        r.link(Ring())
    return r
