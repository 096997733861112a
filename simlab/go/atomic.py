"""``sync/atomic``: ``Int32``, ``Int64``, ``Uint32``, ``Uint64``, ``Bool``, ``Value``
and ``Pointer``.

Every access is an operation the goroutine yields (``v = yield n.load()``,
``yield n.add(1)``), although none ever blocks: an atomic access is where
another goroutine's access can come between two of this one's, so it is a
point where a preemptive strategy may switch goroutines (and, with an
``op_cost`` clock, where time passes). Integers wrap around as Go's do:
``Int32`` at 2³¹, ``Uint64`` modulo 2⁶⁴.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..errors import GoPanic
from .frames import GOROOT_SRC, gofunc
from .goroutine import Goroutine, Op

if TYPE_CHECKING:
    from .runtime import Runtime

T = TypeVar("T")


class _Access(Op):
    """One atomic access: ``fn(*args)`` when the goroutine performs it; ``obj`` is what
    it accesses (an atomic, a ``sync.Map``), named by its ``id`` in footprints."""

    __slots__ = ("args", "fn", "obj")

    def __init__(self, obj: Any, fn: Callable[..., Any], args: tuple[Any, ...]):
        self.obj = obj
        self.fn = fn
        self.args = args

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        fp = rt.footprint
        if fp is not None:
            fp.add(self.obj.id)
        return self.fn(*self.args)


class _Atomic:
    """What every atomic type shares: one value, read and replaced whole."""

    __slots__ = ("_rt", "_v", "id")
    go_type = "atomic"

    def __init__(self, rt: Runtime, value: Any) -> None:
        self._rt = rt
        self._v = value
        self.id = rt.new_id()

    def _op(self, fn: Callable[..., Any], *args: Any) -> Op:
        self._rt.ops_made += 1
        return _Access(self, fn, args)

    def _load(self) -> Any:
        return self._v

    def _set(self, v: Any) -> None:
        self._v = v

    def _swap(self, new: Any) -> Any:
        old, self._v = self._v, new
        return old

    def _cas(self, old: Any, new: Any) -> bool:
        if self._v != old:
            return False
        self._v = new
        return True

    def label(self) -> str:
        return f"{self.go_type}#{self.id}"

    def __repr__(self) -> str:
        return f"<{self.go_type} #{self.id} {self._v!r}>"


def wrap(v: int, bits: int, signed: bool) -> int:
    """``v`` as a Go integer of ``bits`` bits holds it: two's complement, wrapped."""
    v &= (1 << bits) - 1
    return v - (1 << bits) if signed and v >> (bits - 1) else v


class _Integer(_Atomic):
    """An atomic integer of ``bits`` bits, signed or not."""

    __slots__ = ()
    bits = 32
    signed = True

    def __init__(self, rt: Runtime, value: int = 0) -> None:
        super().__init__(rt, self._wrap(value))

    def _wrap(self, v: int) -> int:
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError(f"{self.go_type} holds an int, not {type(v).__name__} {v!r}")
        return wrap(v, self.bits, self.signed)

    def load(self) -> Op:
        """``x.Load()``: yield it for the value."""
        return self._op(self._load)

    def store(self, v: int) -> Op:
        """``x.Store(v)``."""
        return self._op(self._set, self._wrap(v))

    def add(self, delta: int) -> Op:
        """``x.Add(delta)``: yield it for the new value (wrapped around)."""
        return self._op(self._add, delta)

    def swap(self, new: int) -> Op:
        """``x.Swap(new)``: yield it for the old value."""
        return self._op(self._swap, self._wrap(new))

    def compare_and_swap(self, old: int, new: int) -> Op:
        """``x.CompareAndSwap(old, new)``: yield it for whether it swapped."""
        return self._op(self._cas, self._wrap(old), self._wrap(new))

    def and_(self, mask: int) -> Op:
        """``x.And(mask)``: yield it for the old value; the bits of ``mask`` kept."""
        return self._op(self._bits, self._wrap(mask), True)

    def or_(self, mask: int) -> Op:
        """``x.Or(mask)``: yield it for the old value; the bits of ``mask`` set."""
        return self._op(self._bits, self._wrap(mask), False)

    def _add(self, delta: int) -> int:
        new = self._v = self._wrap(self._v + delta)
        return new

    def _bits(self, mask: int, keep: bool) -> int:
        old: int = self._v
        self._v = self._wrap(old & mask if keep else old | mask)
        return old


class Int32(_Integer):
    """``atomic.Int32``."""

    __slots__ = ()
    go_type = "atomic.Int32"


class Int64(_Integer):
    """``atomic.Int64``."""

    __slots__ = ()
    go_type = "atomic.Int64"
    bits = 64


class Uint32(_Integer):
    """``atomic.Uint32``."""

    __slots__ = ()
    go_type = "atomic.Uint32"
    signed = False


class Uint64(_Integer):
    """``atomic.Uint64``."""

    __slots__ = ()
    go_type = "atomic.Uint64"
    bits = 64
    signed = False


class Bool(_Atomic):
    """``atomic.Bool``."""

    __slots__ = ()
    go_type = "atomic.Bool"

    def __init__(self, rt: Runtime, value: bool = False) -> None:
        super().__init__(rt, bool(value))

    def load(self) -> Op:
        """``b.Load()``: yield it for the value."""
        return self._op(self._load)

    def store(self, v: bool) -> Op:
        """``b.Store(v)``."""
        return self._op(self._set, bool(v))

    def swap(self, new: bool) -> Op:
        """``b.Swap(new)``: yield it for the old value."""
        return self._op(self._swap, bool(new))

    def compare_and_swap(self, old: bool, new: bool) -> Op:
        """``b.CompareAndSwap(old, new)``: yield it for whether it swapped."""
        return self._op(self._cas, bool(old), bool(new))


class Pointer(_Atomic, Generic[T]):
    """``atomic.Pointer[T]``: compares by identity, as Go compares pointers."""

    __slots__ = ()
    go_type = "atomic.Pointer"

    def __init__(self, rt: Runtime, value: T | None = None) -> None:
        super().__init__(rt, value)

    def load(self) -> Op:
        """``p.Load()``: yield it for the pointer (None for nil)."""
        return self._op(self._load)

    def store(self, v: T | None) -> Op:
        """``p.Store(v)``."""
        return self._op(self._set, v)

    def swap(self, new: T | None) -> Op:
        """``p.Swap(new)``: yield it for the old pointer."""
        return self._op(self._swap, new)

    def compare_and_swap(self, old: T | None, new: T | None) -> Op:
        """``p.CompareAndSwap(old, new)``: yield it for whether it swapped."""
        return self._op(self._cas, old, new)

    def _cas(self, old: Any, new: Any) -> bool:
        if self._v is not old:
            return False
        self._v = new
        return True


_VALUE_GO = f"{GOROOT_SRC}/sync/atomic/value.go"


class Value(Pointer[Any]):
    """``atomic.Value``: nil cannot be stored, and every value stored after the first
    must have the first one's type (Go panics otherwise, its trace showing the
    method that did); compare-and-swap compares values with ``==``, as Go compares
    interface values."""

    __slots__ = ("_named",)
    go_type = "atomic.Value"

    def __init__(self, rt: Runtime, value: Any = None) -> None:
        super().__init__(rt, value)
        # the Go type of the slices or maps it holds, once one stored names it (a
        # translation keeps some without their type: see _same_type)
        self._named: str | None = None

    def _holds(self, v: Any) -> None:
        self._named = self._named or getattr(v, "go_type", None)
        self._v = v

    def _consistent(self, v: Any) -> bool:
        return self._v is None or _same_type(v, self._v, self._named)

    @gofunc("sync/atomic.(*Value).Store", file=_VALUE_GO)
    def _set(self, v: Any) -> None:
        if v is None:
            raise GoPanic("sync/atomic: store of nil value into Value")  # L49
        if not self._consistent(v):
            raise GoPanic("sync/atomic: store of inconsistently typed value into Value")  # L78
        self._holds(v)

    @gofunc("sync/atomic.(*Value).Swap", file=_VALUE_GO)
    def _swap(self, new: Any) -> Any:
        if new is None:
            raise GoPanic("sync/atomic: swap of nil value into Value")  # L92
        if not self._consistent(new):
            raise GoPanic("sync/atomic: swap of inconsistently typed value into Value")  # L121
        old = self._v
        self._holds(new)
        return old

    @gofunc("sync/atomic.(*Value).CompareAndSwap", file=_VALUE_GO)
    def _cas(self, old: Any, new: Any) -> bool:
        if new is None:
            raise GoPanic("sync/atomic: compare and swap of nil value into Value")  # L136
        if old is not None and not _same_type(old, new):
            raise GoPanic("sync/atomic: compare and swap of inconsistently typed values")  # L142
        if not self._consistent(new):
            what = "compare and swap of inconsistently typed value into Value"
            raise GoPanic(f"sync/atomic: {what}")  # L172
        if not interface_equal(self._v, old):
            return False
        self._holds(new)
        return True


def _dynamic_type(v: Any) -> type:
    """The class of the Go type an interface holding ``v`` has: a typed nil pointer
    (``(*Conn)(nil)``, an object of a subclass the translation marks ``go_nil``) is
    of its struct's class, as a pointer to one is; a slice or a map the translation
    keeps in a list or a dict of its own is compared by :func:`_same_type`."""
    t = type(v)
    return t.__mro__[1] if getattr(t, "go_nil", False) else t


def _same_type(a: Any, b: Any, named: str | None = None) -> bool:
    """Whether interfaces holding ``a`` and ``b`` hold values of one Go type: by
    :func:`_dynamic_type`, or two slices (two maps) the translation keeps in lists
    (dicts) of several kinds, a nil one, one with a capacity, one that names its Go
    type (then alike where both name one; ``named``: ``b``'s, where it is known
    though ``b`` does not carry it)."""
    for kind in (list, dict):
        if isinstance(a, kind) and isinstance(b, kind):
            named_a, named_b = getattr(a, "go_type", None), getattr(b, "go_type", None) or named
            return named_a is None or named_b is None or named_a == named_b
    return _dynamic_type(a) is _dynamic_type(b)


def interface_equal(a: Any, b: Any) -> bool:
    """Go's ``==`` of two interface values (``Value.CompareAndSwap``'s, ``sync.Map``'s):
    a slice or a map that names its type in ``go_uncomparable`` (a translated
    program's literal held in an interface) is of a type Go cannot compare, and
    comparing two of one such type is Go's runtime panic (a struct value whose
    type Go cannot compare panics in its own ``==``). Values of two dynamic types are
    never equal (``int64(7)`` is not ``7``)."""
    if not _same_type(a, b):
        return False
    name = getattr(a, "go_uncomparable", None) if isinstance(a, list | dict) else None
    if name is not None and name == getattr(b, "go_uncomparable", None):
        raise GoPanic(f"runtime error: comparing uncomparable type {name}")
    return bool(a == b)
