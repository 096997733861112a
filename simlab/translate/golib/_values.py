"""Go's values as the translation keeps them: pointers (:class:`Ref`,
:class:`FieldRef`, :class:`ElemRef`, and an address in the run's heap), named
types with methods (:class:`Named`, :class:`NamedValue`), nil maps and slices,
struct values (copied, compared and hashed field by field; the copy an interface
holds, and its typed nil), ``==`` of interface values, ``struct{}{}``, the String
or Error method fmt and ``err.Error()`` call, and the program's function values
that the library calls (:func:`call`, :func:`plain`).
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Generator, Iterator
from inspect import isgenerator
from typing import Any

import simlab as sl
from simlab.errors import GoPanic, SimlabError
from simlab.go.frames import go_frame
from simlab.go.goroutine import Op

from ._builtins import bound, copy_array
from ._context import CustomContext
from ._runstate import _calling_runtime, _state
from ._runtime_errors import _NIL_DEREFERENCE


def plain(f: Callable[..., Any]) -> Callable[..., Any]:
    """``f``, a function value of the program that the library calls as a plain
    function (``slices.IndexFunc``'s): a generator function only because another
    function of its type blocks, it runs to its end at once. One that does block
    ends the run in one line: the library cannot wait."""

    def call(*args: Any) -> Any:
        result = f(*args)
        if not isgenerator(result):
            return result
        try:
            next(result)
        except StopIteration as done:
            return done.value
        result.close()
        raise SimlabError(
            "a function the standard library calls blocked (simlab runs slices.IndexFunc's, "
            "DeleteFunc's, strings.Map's... functions at once): give it one that does not block"
        )

    return call


class NilMap(dict[Any, Any]):
    """A nil map: it reads as an empty map (``len`` 0, a lookup gives the zero value,
    ``range`` and ``delete`` do nothing), and an assignment to an entry panics."""

    __slots__ = ()

    def _assign(self, *_args: Any, **_kwargs: Any) -> Any:
        raise GoPanic("assignment to entry in nil map")

    __setitem__ = setdefault = update = __ior__ = _assign

    def __repr__(self) -> str:
        return "go.NIL_MAP"


NIL_MAP = NilMap()  # never holds an entry, so one value serves every nil map


def method_set(names: str) -> frozenset[str]:
    """A library type's methods in Go's names (``"Len Read Seek"``), as ``go_methods``
    gives them to an interface assertion, where golib's class spells them its own way
    or has more."""
    return frozenset(names.split())


class _TypedKey(tuple[type, Any]):
    """A key of an :class:`InterfaceKeyMap` beside its dynamic type."""

    __slots__ = ()


def _typed_key(k: Any) -> Any:
    """The dict key ``k`` is kept under in a map with an interface key type: a number
    or a named string type's value with its type (Python takes 1, 1.0 and True, or
    "a" and a named string's "a", for one key); any other key as it is."""
    if isinstance(k, int | float | complex | str) and type(k) is not str:
        if k != k:  # a NaN: a new one, as Go's map never finds a NaN key (see float_key)
            nan: Any = k
            k = nan + 0.0 if type(nan) is float else type(nan)(nan)
        return _TypedKey((type(k), k))
    if _pointer(k) and type(k).__hash__ is not object.__hash__:
        return _Identity(k)  # a *Pt whose class keys a map[Pt] by value: Go's pointer key
    return k


class _KeyedMap(dict[Any, Any]):
    """A map whose keys a dict would not tell apart as Go does: each key is kept as
    ``_key`` makes it. Made from a dict or from ``(key, value)`` pairs (a literal's
    keys may be equal in Python)."""

    __slots__ = ()

    @staticmethod
    def _key(k: Any) -> Any:
        return k

    def __init__(self, entries: Any = ()) -> None:
        super().__init__()
        for k, x in entries.items() if isinstance(entries, dict) else entries:
            self[k] = x

    def __getitem__(self, k: Any) -> Any:
        return dict.__getitem__(self, self._key(k))

    def __setitem__(self, k: Any, x: Any) -> None:
        dict.__setitem__(self, self._key(k), x)

    def __delitem__(self, k: Any) -> None:
        dict.__delitem__(self, self._key(k))

    def __contains__(self, k: object) -> bool:
        return dict.__contains__(self, self._key(k))

    def get(self, k: Any, default: Any = None) -> Any:
        return dict.get(self, self._key(k), default)

    def pop(self, k: Any, *default: Any) -> Any:
        return dict.pop(self, self._key(k), *default)

    def setdefault(self, k: Any, default: Any = None) -> Any:
        return dict.setdefault(self, self._key(k), default)

    def update(self, other: Any = (), /, **_: Any) -> None:
        for k, x in other.items() if isinstance(other, dict) else other:
            self[k] = x

    def copy(self) -> Any:
        return type(self)(self.items())


class InterfaceKeyMap(_KeyedMap):
    """A map whose key type is an interface (``map[any]V``): Go tells two keys apart
    by their dynamic types as well as their values, so ``m[1]``, ``m[1.0]``,
    ``m[int8(1)]`` and ``m[true]`` are four entries."""

    __slots__ = ()
    _key = staticmethod(_typed_key)

    def __iter__(self) -> Any:
        return (self.key_of(k) for k in dict.__iter__(self))

    @staticmethod
    def key_of(stored: Any) -> Any:
        """The key the program sees of the dict key ``stored`` (a NaN is found only
        by the very key it is stored under: :func:`range_map_items` reads these)."""
        if type(stored) is _Identity:
            return stored.x
        return stored[1] if type(stored) is _TypedKey else stored

    def keys(self) -> Any:
        return list(self)

    def items(self) -> Any:
        return [(self.key_of(k), x) for k, x in dict.items(self)]

    def __repr__(self) -> str:
        return f"go.InterfaceKeyMap({self.items()!r})"


class NilSlice(list[Any]):
    """A nil slice, in a program that compares a slice with nil: it reads as an empty
    slice, and ``s == nil`` (:func:`is_nil`) holds of it until an element is appended
    in place (``s = append(s, x)``), where an empty slice that ``make`` or a literal
    made is never nil. A program that never compares a slice with nil cannot tell a
    nil slice from an empty one: its nil slice is ``[]``."""

    __slots__ = ()

    def __add__(self, other: Any) -> list[Any]:
        """``append(s, xs...)``: nil still, if ``xs`` is empty, as Go's."""
        return NilSlice() if not self and not other else [*self, *other]


def is_nil(s: list[Any]) -> bool:
    """``s == nil`` of a slice (one an interface holds too, ``go.typed``'s)."""
    return (type(s) is NilSlice or getattr(type(s), "go_nil_slice", False)) and not s


class _Whole:
    """A slice given to a ``...T`` parameter whole, ``f(s...)``: see :func:`spread`."""

    __slots__ = ("s",)

    def __init__(self, s: list[Any]) -> None:
        self.s = s


def spread(s: list[Any]) -> tuple[_Whole]:
    """The arguments of ``f(s...)`` for a function of the program whose ``...T``
    parameter is a slice (:func:`variadic`): ``s`` itself, which Go's parameter is
    (the callee writes the caller's elements; a nil ``s`` stays nil)."""
    return (_Whole(s),)


def variadic(args: tuple[Any, ...], nil: bool = False) -> list[Any]:
    """A ``...T`` parameter as the slice Go's is: the slice ``f(s...)`` gave
    (:func:`spread`), else a new one of the arguments, nil if there are none
    (``nil``: in a program that tells a nil slice from an empty one)."""
    if len(args) == 1 and type(args[0]) is _Whole:
        return args[0].s
    if not args and nil:
        return NilSlice()
    return list(args)


def generator(fn: Callable[..., Any]) -> Callable[..., Generator[Any, Any, Any]]:
    """A function of the library that never blocks, used as a value where its
    family's calls are ``yield from`` (another of its type blocks): ``fn`` as a
    generator function that returns its result without yielding."""

    def called(*args: Any) -> Generator[Any, Any, Any]:
        return fn(*args)
        yield  # never reached: it makes this a generator

    return called


def instantiate(fn: Callable[..., Any], **type_args: Any) -> Callable[..., Any]:
    """``F[int]`` of a generic function of the program, ``go F(x)`` starting one:
    ``fn`` given its type arguments (``T=int``), a function of the rest."""
    return functools.partial(fn, **type_args)


def method_expr(name: str) -> Callable[..., Any]:
    """``I.M`` of an interface type ``I`` of the program: a function that runs the
    method ``M`` of the value it is given (Go's nil dereference for a nil one)."""

    def run(recv: Any, *args: Any) -> Any:
        if recv is None:
            raise GoPanic(_NIL_DEREFERENCE)
        return getattr(recv, name)(*args)

    return run


def method_value(method: Callable[..., Any], recv: Any, **type_args: Any) -> Callable[..., Any]:
    """``f := t.Name`` of a method that tests its pointer receiver for nil: the
    method bound to ``t``, which may be nil (a bound Python method cannot be); of a
    generic named slice or map's method, its ``type_args`` too (``f := s.Len`` of a
    ``Vec[float64]`` embedded in ``s``)."""
    return functools.partial(method, recv, **type_args)


def yielding(op: Callable[..., Any]) -> Callable[..., Generator[Any, Any, Any]]:
    """``read := hits.Load`` of an atomic: a generator function that yields the
    operation, as a call of the method does (``yield hits.load()``), so that its
    callers run it with ``yield from read()`` as any function that may block."""
    return functools.partial(call, op)


def at_once(gen: Generator[Any, Any, Any], blocked: str) -> Any:
    """What the generator ``gen`` returns, run in one step where it must not block
    (no other goroutine runs meanwhile); ``blocked`` is the line that ends the run
    if it yields after all."""
    try:
        gen.send(None)
    except StopIteration as stop:
        return stop.value
    gen.close()
    raise SimlabError(blocked)


def call(fn: Callable[..., Any], *args: Any) -> Generator[Any, Any, Any]:
    """``yield from go.call(f, *args)``: call ``f``, a generator function or not, or
    a library method whose operation is yielded (a deferred ``flag.Store(false)``)."""
    result = fn(*args)
    if isgenerator(result):
        return (yield from result)
    if isinstance(result, Op):
        return (yield result)
    return result


class Named:
    """A value of a named channel type with methods (``type out chan<- T``): the
    class holds the channel, ``v``, and its channel operations are the channel's."""

    __slots__ = ("v",)

    def __init__(self, v: Any):
        self.v = v

    def __getattr__(self, name: str) -> Any:  # send, recv, close, the select cases
        return getattr(self.v, name)

    def __len__(self) -> int:
        return len(self.v)


class NamedValue:
    """A value of a named slice, map, func or array type with methods (``type byAge
    []person``) held in an interface: ``v`` is the slice, map or function, shared as
    Go shares them (an array's class whose value methods write their receiver has
    ``go_copy``, which gives each such call its own copy, as Go's). Elsewhere such
    a value is the plain list, dict or function, and a method is called on the
    class (``byAge.Len(people)``). Held as a pointer (``heap.Init(&pq)``), ``ref``
    is the pointer (a :class:`Ref`) and ``v`` reads through it. A generic type's
    value keeps its type arguments, ``type_args``, which its methods take as
    keywords (``Set.Add(s, v, T=int)``)."""

    __slots__ = ("_v", "ref", "type_args")

    def __init__(self, v: Any):
        self._v: Any = v
        self.ref: Ref | None = None
        self.type_args: dict[str, Any] | None = None

    def __iter__(self) -> Iterator[Any]:  # a slice's or an array's elements, for fmt
        return iter(self.v)

    def _array(self) -> bool:
        return (
            getattr(type(self), "go_array", False) and self.ref is None and not is_typed_nil(self)
        )

    def __eq__(self, other: object) -> bool:
        """An array value (``go_array``) equals another of its type with equal
        elements, as Go's ``==`` of two interfaces holding them; a slice, a map, a
        func or a pointer is itself only."""
        if self._array():
            return type(other) is type(self) and other._array() and array_equal(self.v, other.v)
        if self.ref is not None:  # a *T: the same variable's (&s twice)
            return type(other) is type(self) and other.ref is self.ref
        return self is other

    def __hash__(self) -> int:
        """An array value hashes by its elements; a pointer (``*T``, nil too) by
        itself; a slice, a map or a func is Go's panic, as a map key (``m[e]`` of a
        ``map[error]int``)."""
        if self._array():
            return hash((type(self), array_hash(self.v)))
        if self.ref is None and not is_typed_nil(self):
            raise GoPanic(
                f"runtime error: hash of unhashable type {getattr(type(self), 'go_name', '')}"
            )
        return id(self.ref) if self.ref is not None else id(self)

    @classmethod
    def pointer(cls, ref: Ref, **type_args: Any) -> NamedValue:
        """A ``*T`` held in an interface (of a generic type's instance, with its type
        arguments); nil is ``(*T)(nil)``, whose value methods panic as Go's do."""
        if ref is None:
            nil = _typed_nil(cls, type_args)
            nil._v, nil.ref, nil.type_args = None, None, type_args or None
            return nil
        value = cls(None)
        value.ref = ref
        value.type_args = type_args or None
        return value

    @classmethod
    def instance(cls, v: Any, **type_args: Any) -> NamedValue:
        """A value of an instance of a generic type held in an interface,
        ``Set.instance(s, T=int)``."""
        value = cls(v)
        value.type_args = type_args
        return value

    @property
    def v(self) -> Any:
        return self._v if self.ref is None else self.ref.v

    @v.setter
    def v(self, value: Any) -> None:  # *p = x through a *T held so (fmt.Sscan(&flag))
        if self.ref is None:
            self._v = value
        else:
            self.ref.v = value


class NamedBool(NamedValue):
    """A value of a named bool type (``type BoolLit bool``) held in an interface:
    Python's bool takes no subclass, so the class holds it as :class:`NamedValue`
    holds a list; ``==`` compares it by value, as a map key too."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.v == self.v

    def __hash__(self) -> int:
        return hash((type(self), self.v))


class FieldInstance:
    """How fmt sees a struct field of an instance of a generic named slice or map type
    whose type arguments are the struct's own type parameters (``X G[T]`` of a
    ``type S[T any] struct``): the field's value as an instance of ``cls`` given the
    type arguments the struct value keeps (``params``: the parameter's name, the
    struct's slot), whose methods take them."""

    __slots__ = ("cls", "params")

    def __init__(self, cls: type[NamedValue], **params: str) -> None:
        self.cls, self.params = cls, params

    def of(self, value: Any, owner: Any) -> NamedValue:
        args = {name: getattr(owner, slot) for name, slot in self.params.items()}
        return self.cls.instance(value, **args)


class method:  # a decorator, named as Python's staticmethod is
    """A method of a named slice, map or func type: on the class, the function,
    called with the receiver (``byAge.Len(people)``); on a :class:`NamedValue`, the
    function bound to the value (``pointer=True``: to the pointer)."""

    __slots__ = ("fn", "pointer")

    def __init__(self, fn: Callable[..., Any], pointer: bool = False):
        self.fn, self.pointer = fn, pointer

    def __get__(self, obj: NamedValue | None, cls: type | None = None) -> Callable[..., Any]:
        if obj is None:
            return self.fn
        if self.pointer:
            if obj.ref is None:
                raise SimlabError("a pointer method called on a value held in an interface")
            receiver = obj.ref
        else:
            receiver = obj.v
            if hasattr(obj, "go_copy"):  # an array, which a value method is given a copy of
                receiver = obj.go_copy(receiver)
        if obj.type_args:
            return functools.partial(self.fn, receiver, **obj.type_args)
        return functools.partial(self.fn, receiver)


def pointer_method(fn: Callable[..., Any]) -> method:
    """A method with a pointer receiver of a named slice, map or func type."""
    return method(fn, pointer=True)


class BasicPointer:
    """A pointer to a value of a named number or string type held in an interface
    (``var v flag.Value = &level``): the class's pointer methods are bound to the
    pointer, ``ref``, its value methods to the value it points to now."""

    __slots__ = ("cls", "ref")

    def __init__(self, cls: type, ref: Ref) -> None:
        self.cls, self.ref = cls, ref

    @property
    def go_name(self) -> str:
        return "*" + str(getattr(self.cls, "go_name", self.cls.__name__))

    def __getattr__(self, name: str) -> Any:
        for klass in self.cls.__mro__:
            attr = klass.__dict__.get(name)
            if isinstance(attr, method):
                return functools.partial(attr.fn, self.ref)
            if attr is not None and self.ref is None:  # a value method of a nil pointer
                return _of_nil_pointer(attr) or _nil_dereference
            if attr is not None:
                return getattr(self.cls(self.ref.v), name)
        raise AttributeError(name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BasicPointer) and other.ref is self.ref

    def __hash__(self) -> int:
        return id(self.ref)


def _nil_dereference(*_args: Any) -> Any:
    raise GoPanic(_NIL_DEREFERENCE)


def _of_nil_pointer(method: Any) -> Callable[..., Any] | None:
    """A value method called through a nil pointer held in an interface: Go's wrapper
    for ``*T`` panics, ``value method main.S.String called using nil *S pointer``;
    None for a pointer method, which Go calls with the nil receiver."""
    code = getattr(method, "__code__", None)
    named = go_frame(code, code.co_firstlineno) if code is not None else None
    if named is None or "(*" in named.func:
        return None
    receiver = named.func.rsplit(".", 1)[0].split(".", 1)[1]  # Pair[...] of main.Pair[...].String
    wrapped = f"value method {named.func} called using nil *{receiver} pointer"

    def dereference(*_args: Any) -> Any:
        raise GoPanic(wrapped)

    return dereference


def via_pointer(method: Callable[..., Any], deref: bool = False) -> Callable[..., Any]:
    """``(*T).M`` of a value method ``M``: a function of a pointer receiver that
    calls ``M`` with the value it points to (``deref``: through a :class:`Ref`; a
    struct's pointer and value are one object), and for a nil pointer panics with
    Go's wrapper's ``value method main.T.M called using nil *T pointer``."""
    of_nil = _of_nil_pointer(method) or _nil_dereference

    def call(receiver: Any, *args: Any, **type_args: Any) -> Any:
        if receiver is None:
            return of_nil()
        return method(receiver.v if deref else receiver, *args, **type_args)

    return call


class Locker:
    """A ``*sync.Mutex`` or ``*sync.RWMutex`` held in an interface of the program
    (``type Locker interface{ Lock(); Unlock() }``): the interface's calls are the
    mutex's methods by their Go names, ``yield from l.Lock()``."""

    __slots__ = ("m",)

    def __init__(self, m: Any):
        self.m = m

    def __getattr__(self, name: str) -> Any:  # the interface's other methods: the struct's
        return getattr(self.m, name)

    def Lock(self) -> Generator[Any, Any, None]:
        yield self.m.lock()

    def RLock(self) -> Generator[Any, Any, None]:
        yield self.m.rlock()

    # Unlock never blocks, but where another Unlock of the interface's types does, a
    # call is ``yield from l.Unlock()``: the empty tuple it returns serves both calls
    def Unlock(self) -> tuple[()]:
        self.m.unlock()
        return ()

    def RUnlock(self) -> tuple[()]:
        self.m.runlock()
        return ()

    def TryLock(self) -> bool:
        return bool(self.m.try_lock())

    def TryRLock(self) -> bool:
        return bool(self.m.try_rlock())

    def lock(self) -> Any:  # sync.Locker's, where the interface embeds it
        return self.m.lock()

    def unlock(self) -> None:
        self.m.unlock()


class SyncValue:
    """A ``*sync.WaitGroup`` or a pointer to a value of sync/atomic held in an
    interface of the program (``type Counter interface{ Add(int64) int64; Load()
    int64 }``): the interface's calls are the value's methods by their Go names. An
    atomic access is a switch point, as is Wait: ``n = yield from c.Add(1)``."""

    __slots__ = ("m",)

    def __init__(self, m: Any):
        self.m = m

    def Load(self) -> Generator[Any, Any, Any]:
        return (yield self.m.load())

    def Store(self, v: Any) -> Generator[Any, Any, None]:
        yield self.m.store(v)

    def Swap(self, new: Any) -> Generator[Any, Any, Any]:
        return (yield self.m.swap(new))

    def CompareAndSwap(self, old: Any, new: Any) -> Generator[Any, Any, bool]:
        return bool((yield self.m.compare_and_swap(old, new)))

    def And(self, mask: int) -> Generator[Any, Any, int]:
        return int((yield self.m.and_(mask)))

    def Or(self, mask: int) -> Generator[Any, Any, int]:
        return int((yield self.m.or_(mask)))

    def Add(self, delta: int) -> Any:
        if isinstance(self.m, sl.WaitGroup):
            self.m.add(delta)
            return ()  # as Locker's Unlock: a plain call, or yield from where a family blocks
        return self._add(delta)

    def _add(self, delta: int) -> Generator[Any, Any, int]:
        return int((yield self.m.add(delta)))

    def Done(self) -> tuple[()]:
        self.m.done()
        return ()

    def Wait(self) -> Generator[Any, Any, None]:
        yield self.m.wait()


class Ref:
    """A pointer to a variable that is not a struct (``&x``, ``new(int)``): ``p.v``
    is ``*p``. Pointers to struct values are the objects themselves."""

    __slots__ = ("v",)

    def __init__(self, v: Any):
        self.v = v


class TypedRef(Ref):
    """``errors.As``'s target as an error's own ``As(target any) bool`` method is
    given it: the pointer (``p.v`` reads and writes through it) and the Go type it
    has (``**main.HTTPError``), which a plain :class:`Ref` does not keep and the
    method's type assertion (``target.(**HTTPError)``) reads."""

    __slots__ = ("go_type", "ref")

    def __init__(self, ref: Ref, go_type: str):
        self.ref, self.go_type = ref, go_type

    @property
    def v(self) -> Any:
        return self.ref.v

    @v.setter
    def v(self, value: Any) -> None:
        self.ref.v = value


class FieldRef(Ref):
    """``&s.f``: ``p.v`` reads and writes the field ``f`` of ``s``."""

    __slots__ = ("name", "obj")

    def __init__(self, obj: Any, name: str):
        self.obj, self.name = obj, name

    @property
    def v(self) -> Any:
        return getattr(self.obj, self.name)

    @v.setter
    def v(self, value: Any) -> None:
        setattr(self.obj, self.name, value)

    def __eq__(self, other: object) -> bool:  # each &s.f makes one: Go's pointers are equal
        return type(other) is type(self) and self.obj is other.obj and self.name == other.name

    def __hash__(self) -> int:
        return hash((id(self.obj), self.name))


class ElemRef(Ref):
    """``&s[i]``: ``p.v`` reads and writes the element ``i`` of the slice ``s``; an
    ``i`` out of range panics at the ``&``, as Go's index does."""

    __slots__ = ("i", "s")

    def __init__(self, s: list[Any] | dict[str, Any], i: Any):
        if isinstance(s, list):
            bound(s, i)
        self.s, self.i = s, i

    @property
    def v(self) -> Any:
        return self.s[self.i]

    @v.setter
    def v(self, value: Any) -> None:
        self.s[self.i] = value

    def __eq__(self, other: object) -> bool:  # each &s[i] makes one: Go's pointers are equal
        return type(other) is type(self) and self.s is other.s and self.i == other.i

    def __hash__(self) -> int:
        return hash((id(self.s), self.i))


class FieldElemRef(Ref):
    """``&s.a[i]`` of an array field ``a``: ``p.v`` reads and writes the element ``i``
    of the array the field holds when it is read, as Go's pointer into the struct's
    storage does after ``s.a`` is assigned a whole array."""

    __slots__ = ("i", "name", "obj")

    def __init__(self, obj: Any, name: str, i: int):
        self.obj, self.name, self.i = obj, name, i

    @property
    def v(self) -> Any:
        return getattr(self.obj, self.name)[self.i]

    @v.setter
    def v(self, value: Any) -> None:
        getattr(self.obj, self.name)[self.i] = value

    def __eq__(self, other: object) -> bool:
        return (
            type(other) is type(self)
            and self.obj is other.obj
            and (self.name, self.i) == (other.name, other.i)
        )

    def __hash__(self) -> int:
        return hash((id(self.obj), self.name, self.i))


class GlobalRef(ElemRef):
    """``&x`` of a package's variable: ``p.v`` reads and writes the model's global
    ``x``, the item of its ``globals()`` (``go.GlobalRef(globals(), "x")``)."""

    __slots__ = ()


def pointer_equal(a: Ref | None, b: Ref | None) -> bool:
    """``p == q`` of pointers to values that are not structs: the same variable
    (one :class:`Ref`), or the same field of one object, or the same element of one
    slice, whose :class:`FieldRef` or :class:`ElemRef` each ``&`` makes anew."""
    return a is b or (a is not None and a == b)


_AN_ADDRESS = "0xc000012000"


def address(rt: Any, obj: Any) -> int:
    """``uintptr(unsafe.Pointer(p))``: the address of the object ``p``, from a heap
    of the run's own (the first object whose address is taken is at 0xc000010000,
    the next 16 bytes on), the same in every run of a program and schedule."""
    heap = _state(rt).addresses
    if id(obj) not in heap:
        heap[id(obj)] = (obj, 0xC000010000 + 16 * len(heap))  # keeps obj, and its id, alive
    return heap[id(obj)][1]


_ZERO_HANDLE = object()  # what the zero unique.Handle holds: no value at all


class Handle:
    """A ``unique.Handle[T]`` of ``unique.Make(v)``: Go makes one per value, and its
    handles compare by their pointers; here a handle holds the value, and compares
    and hashes by it, which tells the same handles apart."""

    __slots__ = ("value",)
    go_name = "unique.Handle"

    def __init__(self, value: Any = _ZERO_HANDLE) -> None:
        self.value = value  # the zero handle (Handle()) holds none, not even nil

    def Value(self) -> Any:
        """``h.Value()``: the value; of the zero handle, Go's nil dereference."""
        if self.value is _ZERO_HANDLE:
            raise GoPanic(_NIL_DEREFERENCE)
        return self.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Handle) and _value_equal(self.value, other.value)

    def __hash__(self) -> int:
        return hash(_struct_key(self.value) if _is_value(self.value) else self.value)


def _address_text(x: Any) -> str:
    """A pointer as fmt prints it inside another value and under ``%p``: the address
    of its object in the run's heap (:func:`address`), the run being the one whose
    program called fmt: the model module's ``rt``."""
    rt = _calling_runtime()
    return _AN_ADDRESS if rt is None else hex(address(rt, x))  # outside a run: a fixed one


def copy(x: Any) -> Any:
    """A copy of the struct value ``x``, as Go copies a struct where it is stored or
    passed: its fields are shared, but those holding struct values or arrays
    (``go_values``), which are copied in turn, an array's elements too where they
    are struct values or arrays (``go_arrays``, the copier of each such field). A
    nil pointer's (``*p``) is Go's nil pointer dereference."""
    if type(x) in (list, ArrayKey):  # (a map's array key, ranged over in a generic)
        return copy_array(x)
    if x is None:
        raise GoPanic(_NIL_DEREFERENCE)
    return _copy_as(x, getattr(type(x), "go_struct", type(x)))


def store(p: Any, v: Any) -> None:
    """``*p = v`` for a pointer to a struct: the struct ``p`` points to, the same
    object wherever another pointer reaches it, takes the fields of ``v`` (a copy
    already, as the right side of an assignment is), and its struct-valued fields
    (``go_values``) theirs in turn."""
    if p is None:
        raise GoPanic(_NIL_DEREFERENCE)
    cls = getattr(type(p), "go_struct", type(p))
    values = getattr(cls, "go_values", ())
    for name in cls.__slots__:
        held = getattr(p, name)
        if name in values and isinstance(held, list):
            held[:] = getattr(v, name)  # an array field in place, as &o.A reaches it
        elif name in values and held is not None:
            store(held, getattr(v, name))  # a struct-valued field in place: &o.In still reaches it
        else:
            setattr(p, name, getattr(v, name))


class _StructAt:
    """``*p`` of a pointer to a struct held by a type parameter's variable: ``.v``
    reads a copy of the struct and writing it sets the struct's fields (``*p = v``)."""

    __slots__ = ("p",)

    def __init__(self, p: Any) -> None:
        self.p = p

    @property
    def v(self) -> Any:
        return copy(self.p)

    @v.setter
    def v(self, value: Any) -> None:
        store(self.p, value)


def deref(p: Any) -> Any:
    """``*p`` where ``p`` is a ``*T`` of a type parameter ``T``: ``go.deref(p).v`` reads
    and writes it. A pointer to a struct is the struct itself, to a ``time.Time``
    the time, to anything else a :class:`Ref`; the generic code cannot tell which
    until it runs."""
    if isinstance(p, Ref):
        return p
    if p is None:
        raise GoPanic(_NIL_DEREFERENCE)
    if isinstance(p, int):
        return Ref(p)  # a *time.Time: the time itself, which no one writes through
    return _StructAt(p)


def unref(p: Any) -> Any:
    """A ``*time.Time`` a generic's ``&v`` made (a :class:`Ref`) as a ``*time.Time`` is
    elsewhere: the time itself; nil stays nil."""
    return p.v if isinstance(p, Ref) else p


_NilChan = type(sl.nil_chan)


def pointer_to(x: Any) -> Any:
    """A new variable holding ``x``, a value of a type parameter's type, and its
    pointer (``new(T)``, ``&v``): a struct itself (``bytes.Buffer``'s too), or a
    :class:`Ref` of a number, a string, a slice, a map, a channel, a func, a pointer."""
    value = (
        x is None
        or isinstance(x, _HELD_BY_REF)
        or getattr(type(x), "go_func", False)  # a TypedFunc
    )
    return Ref(x) if value else x  # a struct of the program's or the library's


# what a pointer to holds in a Ref: numbers, strings, slices, maps, channels, and
# func values (a function, a bound method, a partial one)
_HELD_BY_REF = (
    int,
    float,
    complex,
    str,
    list,
    dict,
    Named,
    NamedValue,
    sl.Chan,
    _NilChan,
    types.FunctionType,
    types.MethodType,
    types.BuiltinFunctionType,
    functools.partial,
)


def pointer_at(place: Any, T: Any = None) -> Any:
    """``&s[i]`` or ``&x.f`` of the type parameter ``T``'s type, ``place`` the
    ElemRef or FieldRef of it: where the type argument is a struct type, the struct
    there itself, which is its own pointer; else (a pointer, an interface, a
    number) the Ref."""
    x = place.v
    if T is not None and not copies_values(T):
        return place  # a *Node there is a value of its own: *p = b writes the place
    return x if pointer_to(x) is x else place


def as_iface(x: Any, cls: type, **type_args: Any) -> Any:
    """A pointer to a struct of class ``cls`` converted to an error (``var err error
    = p``): ``x``, or for nil the interface holding ``(*T)(nil)``, which is not nil
    (``err != nil``), prints ``<nil>`` where its Error method dereferences it, and
    is ``*T`` to ``%T``, a type switch and an assertion, which gives back nil. A
    generic ``cls`` is given the instance's ``type_args`` (``T=int``)."""
    return x if x is not None else _typed_nil(cls, type_args)


def typed_nils(x: Any, cls: type) -> Any:
    """The elements of ``x``, a slice, an array or a map of pointers to ``cls`` handed
    to fmt, each nil one as ``(*T)(nil)`` (:func:`as_iface`), on which fmt calls the
    type's String method, as Go's does."""
    if isinstance(x, NamedValue) and x.ref is None:  # type PQ []*Task with a method
        held = type(x)(typed_nils(x.v, cls))
        held.type_args = x.type_args
        return held
    if isinstance(x, dict):
        return {k: as_iface(e, cls) for k, e in x.items()}
    return [as_iface(e, cls) for e in x] if x else x


def _typed_nil(cls: type, type_args: dict[str, Any]) -> Any:
    """The one ``(*T)(nil)`` of the class (of each instance of a generic class, by
    its type arguments' Go names), held in an interface: an object of a subclass
    marked ``go_nil``, whose fields are never set (reading one is Go's nil pointer
    dereference: :func:`runtime_error`) but the type arguments (a go.TypeArg known
    by its Go name), which it keeps as an instance does, for ``%T`` and for the
    methods that take them."""
    nils = cls.__dict__.get("go_typed_nils")
    if nils is None:
        nils = {}
        type.__setattr__(cls, "go_typed_nils", nils)
    key = tuple((name, getattr(a, "go_name", a)) for name, a in type_args.items())
    nil = nils.get(key)
    if nil is None:
        methods = {
            name: _nil_receiver(f.fn if isinstance(f, method) else f, type_args)
            for klass in reversed(cls.__mro__)
            for name, f in vars(klass).items()
            if (callable(f) or isinstance(f, method)) and not name.startswith(("_", "go_"))
        }
        nil = object.__new__(_subclass(cls, go_nil=True, **methods, **type_args))
        nils[key] = nil
    return nil


def _nil_receiver(method: Callable[..., Any], type_args: dict[str, Any]) -> Callable[..., Any]:
    """``method`` called on ``(*T)(nil)`` held in an interface: with a nil receiver,
    as Go calls it (``if d == nil`` in the method holds; a field read panics), and
    the type arguments where the method of a generic type takes them (one that
    checks for a nil receiver: ``def String(t, *, T=None)``)."""
    code = getattr(method, "__code__", None)
    takes: tuple[str, ...] = ()
    if code is not None:
        takes = code.co_varnames[code.co_argcount : code.co_argcount + code.co_kwonlyargcount]
    keywords = {name: a for name, a in type_args.items() if name in takes}
    value_method = _of_nil_pointer(method)
    if value_method is not None:
        return value_method

    def call(self: Any, *args: Any) -> Any:
        return method(None, *args, **keywords)

    return call


def _subclass(cls: Any, **marks: Any) -> Any:
    """A subclass of ``cls`` with its name and no fields of its own, marked with
    ``marks`` (class attributes): what ``cls``'s values or nil pointers are when an
    interface holds them."""
    namespace = {"__slots__": (), "__module__": cls.__module__, "__qualname__": cls.__qualname__}
    return type(cls.__name__, (cls,), {**namespace, **marks})


def is_typed_nil(x: Any) -> bool:
    """``x`` is ``(*T)(nil)`` held in an interface (:func:`as_iface`'s)."""
    return getattr(type(x), "go_nil", False)


def named_pointer(x: Any) -> type | None:
    """The class of the named slice, map, func, array, number or string type ``T``
    where ``x`` is a ``*T`` held in an interface (:meth:`NamedValue.pointer`,
    :class:`BasicPointer`), ``(*T)(nil)`` too."""
    if type(x) is BasicPointer:
        return x.cls
    if not isinstance(x, NamedValue):
        return None
    if is_typed_nil(x):
        return type(x).__base__
    return type(x) if x.ref is not None else None


def concrete(x: Any) -> Any:
    """What an interface holds, as the pointer a type assertion gives: nil for
    ``(*T)(nil)``, the program's value for a context of its own type, the mutex, the
    WaitGroup or the atomic that a :class:`Locker` or a :class:`SyncValue` holds."""
    if type(x) is CustomContext:
        return x.held
    if type(x) is Locker or type(x) is SyncValue:
        return x.m
    return None if is_typed_nil(x) else x


def as_value(x: Any) -> Any:
    """A struct value converted to an interface (``var s Shape = Rect{3, 4}``): the copy
    the interface holds, of a class that says it is a value. A pointer to a struct and
    the struct are one object at run time; held as a value, fmt prints it ``{3 4}``
    (not ``&{3 4}``), ``%T`` names ``main.Rect`` (not ``*main.Rect``), and ``==``
    compares it field by field, as a map key or in ``atomic.Value.CompareAndSwap``.
    ``x`` nil is ``*p`` of a nil ``p``: Go's nil pointer dereference."""
    if x is None:
        raise GoPanic(_NIL_DEREFERENCE)
    return _copy_as(x, _value_class(getattr(type(x), "go_struct", type(x))))


def results_as(results: tuple[Any, ...], *classes: Any) -> tuple[Any, ...]:
    """A call's results passed on as another's arguments where that one takes
    interfaces (``fmt.Println(time.ParseDuration(s))``, ``fmt.Println(get())``):
    each through what marks its type in an interface (``go.Duration``, a named
    type's class, :func:`as_value` for a struct value), None for one left as it is."""
    return tuple(x if cls is None else cls(x) for x, cls in zip(results, classes, strict=True))


def _value_class(cls: Any) -> Any:
    """The class of ``cls``'s values held in interfaces: a subclass, so that a type
    switch or an assertion finds ``cls``, with the same fields; made once, and kept
    on ``cls``."""
    value: Any = cls.__dict__.get("go_value_class")
    if value is None:
        value = _subclass(
            cls,
            __eq__=_value_equal_op,
            __hash__=struct_hash,
            go_struct=cls,
        )
        value.__slots__ = cls.__slots__  # the fields, read by copy, fmt and ==
        cls.go_value_class = value
    return value


def _value_equal_op(a: Any, b: Any) -> bool:
    """``==`` of a struct value held in an interface (``atomic.Value``'s
    CompareAndSwap, ``slices.Index`` of a ``[]any``): Go's panic where its type
    holds a slice, a map or a func."""
    if type(a) is not type(b):
        return False
    if uncomparable := uncomparable_type(a):
        raise GoPanic(f"runtime error: comparing uncomparable type {uncomparable}")
    return struct_equal(a, b)


def uncomparable_type(x: Any) -> str | None:
    """The Go name of ``x``'s type where ``x`` is a struct value (go.as_value's copy)
    whose type holds a slice, a map or a func (``go_uncomparable``), which ``==``
    cannot compare, an instance of a generic type named by its type arguments
    (``main.Bad[int]``); None for anything else, a pointer to such a struct too."""
    cls = type(x)
    name: str | None = getattr(cls, "go_uncomparable", None) if hasattr(cls, "go_struct") else None
    if name is not None and (params := getattr(cls, "go_type_params", ())):
        args = ",".join(type_arg_name(getattr(x, p)) for p in params)
        return f"{name.partition('[')[0]}[{args}]"
    return name


_BASIC_ARGS: dict[Any, str] = {int: "int", str: "string", float: "float64", bool: "bool"}


def type_arg_name(t: Any) -> str:
    """The Go name of the type argument ``t``, as ``%T`` spells it."""
    name = _BASIC_ARGS.get(t) or getattr(t, "go_name", None)
    if not isinstance(name, str):
        raise SimlabError(f"simlab does not know the Go name of the type argument {t!r}")
    return name


def convert_struct(x: Any, cls: Any) -> Any:
    """``T(x)`` of a struct value of another named type with T's fields (``type
    Message Row``): a copy of ``x``'s fields in an object of ``T``'s class."""
    return _copy_as(x, cls)


def _copy_as(x: Any, cls: Any) -> Any:
    c = object.__new__(cls)
    for name in cls.__slots__:
        setattr(c, name, getattr(x, name))
    arrays = getattr(cls, "go_arrays", {})
    for name in getattr(cls, "go_values", ()):
        v = getattr(x, name)
        setattr(c, name, arrays[name](v) if name in arrays else copy(v))
    for name in getattr(cls, "go_locks", ()):
        setattr(c, name, copy_sync(getattr(x, name)))
    for name, param in getattr(cls, "go_generic_fields", {}).items():
        if copies_values(t := getattr(x, param)):  # a field of type T, T a struct or an array type
            setattr(c, name, copy_value(t, getattr(x, name)))
    values = getattr(cls, "go_values", ())
    for name, param in getattr(cls, "go_generic_elems", {}).items():
        held = getattr(c, name)
        if name in values and type(held) is list and copies_values(getattr(x, param)):
            setattr(c, name, copy_array(held, copy))  # a [2]T array of T a struct or an array type
    return c


def copies_values(t: Any) -> bool:
    """The type argument ``t`` is a struct or an array type, whose values Go copies."""
    return getattr(t, "box", None) is as_value or is_array_type(getattr(t, "go_name", ""))


def copy_value(t: Any, x: Any) -> Any:
    """A copy of ``x``, a value of the type argument ``t``, a struct or an array type
    (:func:`copies_values`): an array's elements copied too by ``t``'s ``copier``
    where they are struct values or arrays (``Box[[2]Pt]``)."""
    copier = getattr(t, "copier", None)
    return copier(x) if copier is not None else copy(x)


def is_array_type(go_name: str) -> bool:
    """``go_name`` names an array type (``[2]int``), not a slice type (``[]int``)."""
    return go_name.startswith("[") and go_name[1:2] != "]"


_TRANSLATED = "simlab.translated."  # the module of a translated program's classes


def struct_equal(a: Any, b: Any) -> bool:
    """``a == b`` of two struct values: each field equal, one holding a struct value
    (``go_values``) compared field by field in turn, one holding an interface value
    (``go_ifaces``) as :func:`equal` compares them, one of a type parameter's type
    (``go_generic_fields``) as its type argument's values compare, a pointer or a
    channel by identity (a pointer to a struct whose class compares by value, as a
    map key, too); a struct of golib's compares its fields as they compare."""
    cls = type(a)
    values, ifaces = getattr(cls, "go_values", ()), getattr(cls, "go_ifaces", ())
    generic = getattr(cls, "go_generic_fields", {})  # a field of type T: as T's values compare
    pointers = getattr(cls, "go_pointer_arrays", ())  # [4]*Item: element by element, by address
    iface_arrays = getattr(cls, "go_iface_arrays", ())  # [2]Shape: each as interfaces compare
    same = _same if cls.__module__.startswith(_TRANSLATED) else _plain_equal  # golib's: its own
    return all(
        _identity_key(getattr(a, f)) == _identity_key(getattr(b, f))
        if f in pointers
        else _value_equal(getattr(a, f), getattr(b, f), equal if f in iface_arrays else None)
        if f in values
        else equal_as(getattr(a, generic[f]), getattr(a, f), getattr(b, f))
        if f in generic
        else equal(getattr(a, f), getattr(b, f))
        if f in ifaces
        else same(getattr(a, f), getattr(b, f))
        for f in _compared(cls)
    )


def equal_as(T: Any, a: Any, b: Any) -> bool:
    """``a == b`` of two values of the type parameter ``T``: of a struct or an array
    type argument by value (the generic holds such a value as the object a pointer
    to it would be), of a number or string type (``T.box``: ``type ID int``) by
    value, where arithmetic left one a plain number (``Eq(x+1, 2)``), of another as
    interface values compare."""
    box = getattr(T, "box", None)
    if isinstance(box, type) and issubclass(box, int | float | complex | str):
        return bool(a == b)
    return _value_equal(a, b) if copies_values(T) else equal(a, b)


def _pointer(x: Any) -> bool:
    """``x`` is a pointer to a struct of the program (the object itself, not a value
    ``go.as_value`` marks), which ``==`` compares by identity even where its class
    compares by value as a map key; not one to an empty struct, whose pointers the
    spec lets be equal."""
    cls = type(x)
    return (
        cls.__module__.startswith(_TRANSLATED)
        and bool(getattr(cls, "__slots__", ()))
        and not hasattr(cls, "go_struct")
    )


def _same(x: Any, y: Any) -> bool:
    """``x == y`` of two fields that are neither struct values nor interfaces."""
    return x is y if _pointer(x) else bool(x == y)


def _plain_equal(x: Any, y: Any) -> bool:
    return bool(x == y)


def _compared(cls: type) -> tuple[str, ...]:
    """The slots of a struct class that ``==`` compares: its fields, not the type
    arguments an instance of a generic type keeps (``go_type_params``), which Go's
    static types make the same."""
    params, slots = getattr(cls, "go_type_params", ()), getattr(cls, "__slots__", ())
    return tuple(s for s in slots if s not in params) if params else slots


def array_equal(a: list[Any], b: list[Any], by: Callable[[Any, Any], bool] | None = None) -> bool:
    """``a == b`` of two arrays of struct values or of arrays: element by element;
    ``by``, how two elements compare where their type is an interface type
    (:func:`equal`: the same dynamic type, and equal values)."""
    return all(_value_equal(x, y, by) for x, y in zip(a, b, strict=True))


def _value_equal(x: Any, y: Any, by: Callable[[Any, Any], bool] | None = None) -> bool:
    if type(x) is list:
        return array_equal(x, y, by)
    if by is not None:
        return by(x, y)
    if isinstance(x, list | dict) and getattr(x, "go_type", None) is not None:
        return equal(x, y)  # an interface element holding a slice or a map: Go's panic
    if _is_value(x):
        return struct_equal(x, y)
    return bool(x == y)


def _struct_key(x: Any) -> tuple[Any, ...]:
    """A struct value's fields as a tuple, those holding struct values or arrays
    in turn."""
    if type(x) is list:
        return tuple(_struct_key(e) if _is_value(e) else e for e in map(_hashable, x))
    values = getattr(type(x), "go_values", ())
    generic = getattr(type(x), "go_generic_fields", {})
    pointers = getattr(type(x), "go_pointer_arrays", ())
    iface_arrays = getattr(type(x), "go_iface_arrays", ())
    ours = type(x).__module__.startswith(_TRANSLATED)
    return tuple(
        _identity_key(v)
        if f in pointers
        else _iface_array_key(v)
        if f in iface_arrays
        else _struct_key(v)
        if f in values or (f in generic and copies_values(getattr(x, generic[f])))
        else (_Identity(v) if ours and _pointer(v) else v)
        for f in _compared(type(x))
        for v in (getattr(x, f),)
    )


def _iface_array_key(x: Any) -> Any:
    """An array of interface values (of arrays of them), ``go_iface_arrays``, as a
    tuple: a pointer by its identity, a struct value by its fields, as Go hashes
    what an interface holds."""
    if type(x) is list:
        return tuple(_iface_array_key(e) for e in map(_hashable, x))
    if _pointer(x):
        return _Identity(x)
    return _struct_key(x) if _is_value(x) else x


def _identity_key(x: Any) -> Any:
    """An array of pointers (of arrays of them), ``go_pointer_arrays``, as a tuple
    of its elements' identities: Go compares and hashes pointers by address."""
    if type(x) is list:
        return tuple(_identity_key(e) for e in x)
    return _Identity(x)


class _Identity:
    """A pointer field in a map key's hash: equal only to itself, as Go's pointers
    (a key holding a pointer to a keyed struct does not hash what it points to)."""

    __slots__ = ("x",)

    def __init__(self, x: Any) -> None:
        self.x = x

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Identity) and other.x is self.x

    def __hash__(self) -> int:
        return id(self.x)


def _is_value(x: Any) -> bool:
    """An array's element that is itself a struct value or an array (not a
    number, a string, a pointer, a channel): what _value_equal compares in turn."""
    return type(x) is list or (
        hasattr(type(x), "__slots__") and not isinstance(x, int | float | str)
    )


def struct_hash(x: Any) -> int:
    """The hash of a struct value a map is keyed by: of its fields (see struct_equal);
    a field of an interface type holding a slice or a map literal panics as Go's."""
    if uncomparable := uncomparable_type(x):
        raise GoPanic(f"runtime error: hash of unhashable type {uncomparable}")
    key = _struct_key(x)
    try:
        return hash(key)
    except TypeError:
        held = next((f for f in key if isinstance(f, list | dict) and hasattr(f, "go_type")), None)
        if held is None:
            raise
        raise GoPanic(f"runtime error: hash of unhashable type {held.go_type}") from None


def array_hash(x: list[Any]) -> int:
    """The hash of an array in an interface that keys a map (``map[any]int``): of its
    elements, struct values and arrays by their fields (see struct_hash)."""
    return hash(tuple(_struct_key(e) if _is_value(e) else e for e in map(_hashable, x)))


def _hashable(e: Any) -> Any:
    """``e``, an array's element, unless it is a slice or a map an interface holds,
    which Go cannot hash: its panic."""
    if isinstance(e, list | dict) and (held := getattr(e, "go_uncomparable", None)):
        raise GoPanic(f"runtime error: hash of unhashable type {held}")
    return e


class ArrayKey(list[Any]):
    """An array that keys a map (``map[[2]int]bool``): a list that hashes by its
    elements, as Go compares arrays; ranging over the map gives it back."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self))


def array_key(x: list[Any]) -> ArrayKey:
    """The key of a map keyed by an array: a copy that hashes (an array of arrays
    too), as Go's map keeps a copy of the key."""
    return ArrayKey(array_key(e) if isinstance(e, list) else e for e in map(_hashable, x))


class ParamKeyMap(_KeyedMap):
    """A map keyed by a type parameter (``map[T]bool`` in ``func Count[T comparable]``):
    a type argument that is an array type keys it by its arrays, which hash here as
    :func:`array_key` makes them (a comparable type's list can only be an array)."""

    __slots__ = ()

    @staticmethod
    def _key(k: Any) -> Any:
        return _param_key(k)


def _param_key(k: Any) -> Any:
    return array_key(k) if isinstance(k, list) and type(k) is not ArrayKey else k


def param_key(k: Any) -> Any:
    """A key, in a generic, of a map keyed by a type parameter ``K``, which may be a
    map made outside the generic (``map[[2]int]int`` in a ``Cache[K, V]``): an array
    (a plain list: ``K``'s type argument is an array type) as :func:`array_key` makes
    it, anything else as it is."""
    return array_key(k) if type(k) is list else k


def copy_sync(x: Any) -> Any:
    """A copy of a ``sync.WaitGroup`` or ``sync.Mutex`` value, passed or stored as Go
    copies it (go vet's copylocks warns; the program runs): it starts with the
    value's state, a WaitGroup's counter, a Mutex's lock, and is its own after, with
    none of the waiters."""
    if isinstance(x, sl.WaitGroup):
        c = x._rt.waitgroup()
        c.count = x.count
        return c
    if isinstance(x, sl.Mutex):
        m = x._rt.mutex()
        m.locked = x.locked
        return m
    raise TypeError(f"copy_sync: {type(x).__name__} is not a sync.WaitGroup or sync.Mutex")


def _fmt_method_of(x: Any, value: bool = False) -> str | None:
    """The method fmt prints ``x`` by: Error for an error, String for a Stringer
    (``value``: of ``x`` a struct value, see :func:`has_method`)."""
    for method in ("Error", "String"):
        if has_method(x, method, value):
            return method
    return None


FMT_METHOD = "func()(string)"  # the signature of fmt's Error and String methods


def has_method(x: Any, name: str, value: bool = False) -> bool:
    """``x``'s method set has the method ``name``: a struct value held in an
    interface, or a struct value fmt finds in a field or an element (``value``), has
    only its type's value methods."""
    if isinstance(x, BasicPointer):
        return callable(getattr(x, name, None))
    cls = type(x)
    if (
        name in ("Error", "String")
        and getattr(cls, "go_signatures", {}).get(name, FMT_METHOD) != FMT_METHOD
    ):
        return False  # Error() float64: not the method fmt calls
    lacks = getattr(cls, "go_pointer_methods", ()) if value or hasattr(cls, "go_struct") else ()
    raw = next((k.__dict__[name] for k in cls.__mro__ if name in k.__dict__), None)
    if isinstance(raw, method) and raw.pointer and getattr(x, "ref", None) is None:
        return False  # a value, whose method set lacks its pointer methods
    return name not in lacks and callable(getattr(cls, name, None))


class _EmptyStruct:
    """``struct{}{}`` where Go shows it: held in an interface, or printed, where it
    is ``{}``. Elsewhere the translation keeps the empty struct as None, a signal's
    value (``done <- struct{}{}``)."""

    __slots__ = ()
    go_name = "struct {}"
    go_struct = True  # a value, not a pointer to one

    def __repr__(self) -> str:
        return "{}"


EMPTY = _EmptyStruct()


class _Panicked(str):
    """What fmt prints for a String or Error method that panicked, in the place of
    the text it would have given: printed as it is, neither quoted nor padded."""

    __slots__ = ()


def _fmt_method(x: Any, method: str) -> str:
    if is_typed_nil(x) or (type(x) is BasicPointer and x.ref is None):
        try:  # fmt prints <nil> for a nil pointer whose method panics (under %q too)
            text = getattr(x, method)()
        except (GoPanic, AttributeError):
            return _Panicked("<nil>")
        if isgenerator(text):
            text.close()
            return _Panicked("<nil>")
        return str(text)
    text = getattr(x, method)()
    if isgenerator(text):
        text.close()
        name = getattr(type(x), "go_name", type(x).__name__)
        raise SimlabError(
            f"fmt called the {method} method of {name}, which blocks, on a value the "
            "translation did not hand to fmt itself (a struct's field, say): print "
            f"x.{method}() instead"
        )
    return str(text)


_BY_VALUE = (int, float, complex, str, bool)


def equal(a: Any, b: Any) -> bool:
    """Go's ``==`` on interface values and type parameters: the same dynamic type and
    equal values, numbers, strings, booleans, arrays and struct values by value,
    anything else (a pointer, an error, a channel) only itself."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, dict)) and (go_type := getattr(a, "go_type", None)) is not None:
        if go_type != b.go_type:  # a literal's, go.typed
            return False
        if isinstance(a, dict) or getattr(a, "go_under", go_type).startswith("[]"):
            raise GoPanic(f"runtime error: comparing uncomparable type {go_type}")
    if (
        isinstance(a, NamedValue)
        and a.ref is None
        and (isinstance(a.v, list | dict) or callable(a.v) or a.v is None)
        and not getattr(type(a), "go_array", False)
    ):  # type L []int or type F func() with methods: a slice, a map or a func, which
        # == takes only to nil
        name = getattr(type(a), "go_name", type(a).__name__)
        raise GoPanic(f"runtime error: comparing uncomparable type {name}")
    if isinstance(a, list):  # an array: its elements compared as == compares them
        return len(a) == len(b) and array_equal(a, b)
    by_value = isinstance(a, _BY_VALUE) or hasattr(type(a), "go_struct")
    if not by_value and _pointer(a):
        return a is b  # a pointer, though its struct type keys a map by value
    return a == b if by_value or type(a).__hash__ is not object.__hash__ else a is b
