"""The dynamic type of an interface value: a type switch's cases
(:func:`is_type`, :func:`is_value`, :func:`is_pointer`), a type assertion
(``x.(T)``: :func:`must_assert`, :func:`assert_type`), and Go's name of the type
(:func:`type_name`, what ``%T`` prints).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import simlab as sl
from simlab.errors import GoPanic, SimlabError
from simlab.go import atomic
from simlab.go import context as contexts
from simlab.go.rwmutex import RLocker

from ._builtins import CapSlice, View
from ._context import CustomContext
from ._encoding import ByteOrder, Digest
from ._io import FILE_METHODS, stderr, stdout
from ._numbers import (
    INT_RANGES,
    Duration,
    Float32,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    int64,
    quo,
    quo_float,
)
from ._runtime_errors import GoRuntimeError, PanicNilError
from ._time import Month, Time, Weekday
from ._values import (
    _BASIC_ARGS,
    EMPTY,
    FMT_METHOD,
    NIL_MAP,
    BasicPointer,
    InterfaceKeyMap,
    Locker,
    Named,
    NamedValue,
    NilMap,
    NilSlice,
    ParamKeyMap,
    Ref,
    SyncValue,
    TypedRef,
    _value_class,
    array_equal,
    array_hash,
    concrete,
    copies_values,
    copy,
    copy_value,
    has_method,
    is_array_type,
    is_typed_nil,
    named_pointer,
    pointer_to,
    type_arg_name,
)

_GO_TYPES: dict[str, Callable[[Any], bool]] = {
    "int": lambda x: type(x) is int,
    "string": lambda x: type(x) is str,
    "bool": lambda x: type(x) is bool,
    "float64": lambda x: type(x) is float,
    "complex128": lambda x: type(x) is complex,
    "float32": lambda x: type(x) is Float32,
    "int8": lambda x: type(x) is Int8,
    "int16": lambda x: type(x) is Int16,
    "int32": lambda x: type(x) is Int32,
    "int64": lambda x: type(x) is Int64,
    "uint": lambda x: type(x) is Uint,
    "uint8": lambda x: type(x) is Uint8,
    "uint16": lambda x: type(x) is Uint16,
    "uint32": lambda x: type(x) is Uint32,
    "uint64": lambda x: type(x) is Uint64,
    "uintptr": lambda x: type(x) is Uintptr,
    "time.Duration": lambda x: type(x) is Duration,
    "time.Time": lambda x: type(x) is Time,
    "time.Month": lambda x: type(x) is Month,
    "time.Weekday": lambda x: type(x) is Weekday,
    "error": lambda x: isinstance(x, sl.GoError) or _ERROR.missing(x) is None,
    "runtime.Error": lambda x: isinstance(x, GoRuntimeError),
    "*runtime.PanicNilError": lambda x: isinstance(x, PanicNilError),
    # the primitives a sync.Map or an interface may hold by pointer
    "*sync.Mutex": lambda x: isinstance(x, sl.Mutex),
    "*sync.RWMutex": lambda x: isinstance(x, sl.RWMutex),
    "*sync.WaitGroup": lambda x: isinstance(x, sl.WaitGroup),
    "*sync/atomic.Int32": lambda x: isinstance(x, atomic.Int32),
    "*sync/atomic.Int64": lambda x: isinstance(x, atomic.Int64),
    "*sync/atomic.Uint32": lambda x: isinstance(x, atomic.Uint32),
    "*sync/atomic.Uint64": lambda x: isinstance(x, atomic.Uint64),
    "*sync/atomic.Bool": lambda x: isinstance(x, atomic.Bool),
}
# a pointer to a number, a string or a bool is a go.Ref, which does not keep its
# target's type: it passes for each type of the kind of the value it points to now
# (a *string case takes no pointer to an int; *int and *int64 are alike). A pointer
# to a slice, an array or a map: see PointerTo.
_POINTED_KINDS: dict[str, Callable[[Any], bool]] = {
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "float": lambda v: isinstance(v, float),
}
_POINTED = {"string": "string", "bool": "bool", "float64": "float", "float32": "float"}
_INTS = "int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64"
_POINTED |= dict.fromkeys(_INTS.split(), "int")


def _points_to(kind: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda x: isinstance(x, Ref) and kind(x.v)


_GO_TYPES.update({f"*{name}": _points_to(_POINTED_KINDS[kind]) for name, kind in _POINTED.items()})


def _value_lacks(x: Any, name: str) -> bool:
    """``x`` is a value of a named slice, map, array, number or string type (no
    pointer to one) and ``name`` one of its type's pointer methods
    (``go.pointer_method``), which the value's method set lacks."""
    raw = next((k.__dict__[name] for k in type(x).__mro__ if name in k.__dict__), None)
    if getattr(raw, "pointer", False) is not True:
        return False
    return x.ref is None if isinstance(x, NamedValue) else isinstance(x, int | float | str)


class Methods:
    """The T of ``x.(T)`` for a non-empty interface: a value whose type has its methods
    (``go_name`` is the interface's Go name, for a failed assertion's panic). Where a
    method's name has more than one signature in the program, ``signatures`` gives
    the interface's (``{"Unwrap": "func()([]error)"}``), and a type that declares
    another for it (``go_signatures``) lacks the method."""

    __slots__ = ("go_name", "names", "signatures")

    def __init__(self, go_name: str, *names: str, signatures: dict[str, str] | None = None) -> None:
        self.go_name, self.names = go_name, names
        self.signatures = signatures or {}

    def missing(self, x: Any) -> str | None:
        """The first method ``x`` lacks, or None: a struct value held in an interface
        lacks its type's pointer methods (``go_pointer_methods``)."""
        cls = type(x.m) if type(x) is SyncValue else type(x)  # the atomic's or WaitGroup's
        held = getattr(cls, "go_pointer_methods", ()) if hasattr(cls, "go_struct") else ()
        declared = getattr(cls, "go_signatures", None) or _SYNC_SIGNATURES.get(cls, {})
        # a library type's, in Go's names
        go_methods = getattr(cls, "go_methods", None) or _SYNC_METHODS.get(cls)
        if x is stdout or x is stderr:
            go_methods = FILE_METHODS  # an *os.File
        for n in self.names:
            if go_methods is not None:
                if n not in go_methods:
                    return n
            elif isinstance(x, BasicPointer):
                if not has_method(x, n):  # &level: its value methods and its pointer ones
                    return n
            elif n in held or not callable(getattr(cls, n, None)) or _value_lacks(x, n):
                return n
            want = self.signatures.get(n)
            if want is not None and declared.get(n, want) != want:
                return n
        return None


_ERROR: Methods = Methods("error", "Error", signatures={"Error": FMT_METHOD})  # for x.(error)


def _atomic_signatures(t: str, bits: bool = True) -> dict[str, str]:
    """The signatures of a sync/atomic type's methods, ``t`` the type of its value,
    as the translation spells them (``func()(int64)``); with ``bits``, an
    integer's ``Add``, ``And`` and ``Or`` too."""
    one = f"func({t})({t})"
    sigs = {
        "Load": f"func()({t})",
        "Store": f"func({t})()",
        "Swap": one,
        "CompareAndSwap": f"func({t}, {t})(bool)",
    }
    return {**sigs, "Add": one, "And": one, "Or": one} if bits else sigs


# the methods' signatures of sync's WaitGroup and sync/atomic's values, which an
# interface naming one of those methods with another signature in the program asks
# (x.(interface{ Load() bool }) of an *atomic.Int64 fails)
_SYNC_SIGNATURES: dict[type, dict[str, str]] = {
    atomic.Int32: _atomic_signatures("int32"),
    atomic.Int64: _atomic_signatures("int64"),
    atomic.Uint32: _atomic_signatures("uint32"),
    atomic.Uint64: _atomic_signatures("uint64"),
    atomic.Bool: _atomic_signatures("bool", bits=False),
    sl.WaitGroup: {
        "Add": "func(int)()",
        "Done": "func()()",
        "Wait": "func()()",
        "Go": "func(func())()",
    },
}

# the method sets of the pointers to sync's lockers and WaitGroup and to sync/atomic's
# values, whose simlab methods are lower case (x.(sync.Locker) of an &mu)
_SYNC_METHODS: dict[type, frozenset[str]] = {
    sl.Mutex: frozenset(("Lock", "TryLock", "Unlock")),
    sl.RWMutex: frozenset(("Lock", "RLock", "RLocker", "RUnlock", "TryLock", "TryRLock", "Unlock")),
    RLocker: frozenset(("Lock", "Unlock")),
    **{cls: frozenset(sigs) for cls, sigs in _SYNC_SIGNATURES.items()},
    **dict.fromkeys(
        (atomic.Pointer, atomic.Value), frozenset(("CompareAndSwap", "Load", "Store", "Swap"))
    ),
}


class _Uncomparable:
    """A slice or a map held in an interface, of the Go type ``go_type``, which Go
    cannot compare: keying a map with it is Go's panic, and ``go_uncomparable``
    names the type for simlab.go's ``interface_equal``."""

    __slots__ = ()
    go_type: str
    go_under: str  # a named type's underlying type (see typed)

    def __hash__(self) -> int:
        raise GoPanic(f"runtime error: hash of unhashable type {self.go_type}")  # a map[any]V's key

    @property
    def go_uncomparable(self) -> str | None:
        return self.go_type


class TypedList(_Uncomparable, list[Any]):  # type: ignore[misc]
    """A slice literal that goes into an interface where it stands (``[]any{[]int{4}}``,
    ``var x any = []string{"a"}``): the list, keeping its Go type for ``%T``, a type
    switch and an assertion (and, for a named type's, ``go_under``, its underlying
    type's name, for ``%#v``). No variable holds it, so nothing else sees a plain list."""

    __slots__ = ("go_type", "go_under")


class TypedNilList(TypedList):
    """A nil slice that goes into an interface where it stands (``map[string]any{"n":
    names}`` of a nil ``names``): empty, and nil to ``== nil`` and to JSON, which
    writes ``null``, as Go's."""

    __slots__ = ()
    go_nil_slice = True


class TypedArray(TypedList):
    """An array literal that goes into an interface where it stands
    (``m[[2]int{1, 2}]`` of a ``map[any]int``): a :class:`TypedList` that hashes by its
    elements, as Go's map keys an array."""

    __slots__ = ()

    @property
    def go_uncomparable(self) -> str | None:
        return None  # an array compares element by element

    def __hash__(self) -> int:  # type: ignore[override]
        return array_hash(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TypedArray) and other.go_type != self.go_type:
            return False
        if isinstance(other, list):
            return len(other) == len(self) and array_equal(self, other)
        return NotImplemented


class TypedDict(_Uncomparable, dict[Any, Any]):  # type: ignore[misc]
    """A map literal that goes into an interface where it stands: see
    :class:`TypedList`."""

    __slots__ = ("go_type", "go_under")


class TypedNilMap(TypedDict, NilMap):  # type: ignore[misc]
    """A nil map that goes into an interface (``var v any = m`` of a nil ``m``): a
    nil map, which keeps its Go type for ``%T`` and a type switch."""

    __slots__ = ()


def typed(x: list[Any] | dict[Any, Any], go_type: str, under: str = "") -> Any:
    """A slice or map literal ``x`` of the Go type ``go_type`` going into an interface;
    ``under``: the underlying type of a named one (``main.Sym``'s ``[]int``)."""
    kept: TypedList | TypedDict
    under = under or go_type
    if x is NIL_MAP:
        kept = TypedNilMap()
    elif is_array_type(under):
        kept = TypedArray(x)
    elif isinstance(x, list):
        kept = TypedNilList() if type(x) is NilSlice and not x else TypedList(x)
    else:
        kept = TypedDict(x)
    kept.go_type, kept.go_under = go_type, under
    return kept


def param_keyed(K: Any) -> type[InterfaceKeyMap] | type[ParamKeyMap]:
    """The class of a map keyed by the type parameter ``K`` (``map[K]V{}`` in a
    generic): where the type argument is an interface type (``K = any``), an
    :class:`InterfaceKeyMap`, which keys ``1``, ``1.0`` and ``int8(1)`` apart; else a
    :class:`ParamKeyMap`."""
    return InterfaceKeyMap if isinstance(K, TypeArg) and K.is_interface() else ParamKeyMap


def _unwrapped(x: int) -> int:
    return x


def wrapping(T: Any) -> Callable[[Any], Any]:
    """In a generic whose type parameter ``T`` may be a sized integer type
    (``[T ~int8 | ~int]``), or a named number type of the program's: what its
    arithmetic on ``T`` wraps with, the type argument's (``go.int8`` for ``int8``,
    ``go.float32`` for ``float32``; ``int`` and ``int64`` grow as elsewhere), and
    for a named type its class (a ``Cents`` with a String method)."""
    wrap = T.wrap if isinstance(T, TypeArg) else None
    cls = type(T()) if T not in (int, float) else None
    if cls in (None, int, float):
        return wrap or _unwrapped
    if wrap is None:
        return cls  # Cents: the sum of two Cents is a Cents
    return lambda x: cls(wrap(x))


def wrapping64(T: Any) -> Callable[[Any], Any]:
    """:func:`wrapping` for a shift or a product in a generic (``x <<= 1``,
    ``h *= 31``), where an ``int`` or ``int64`` type argument (a named one too) wraps
    at 64 bits, as the translation wraps such an operation of a plain int64."""
    wrap = wrapping(T)
    zero = T()
    sized = isinstance(T, TypeArg) and (T.wrap is not None or T.go_name == "time.Duration")
    if sized or not isinstance(zero, int) or isinstance(zero, bool):
        return wrap
    return lambda x: wrap(int64(x))


class TypeArg:
    """A generic's type argument other than int, string, float64 and bool (which are
    Python's own types): called as a type is (``T()``), it makes the zero value; its
    Go name is what ``%T`` of an instance shows (``main.entry[string,main.Pair]``) and
    what an assertion to one compares (``x.(*entry[K, V])``, and ``x.(T)`` in the
    generic). An interface type other than ``any`` and ``error`` comes with the
    names of its methods, ``methods``, which a value it holds has (and the
    ``signatures`` of those whose names are ambiguous, as :class:`Methods` takes
    them); a sized number, a time.Duration, with ``box``, the class of such a value
    held in an interface (``go.Int8``), where the generic's own values are Python's
    numbers; a sized integer type or float32 with ``wrap``, what its arithmetic in
    the generic wraps or rounds with (``go.int8``, ``go.float32``: see
    :func:`wrapping` and :func:`convert`); in a program that decodes JSON
    into a value of a type parameter's type, with ``json``, the type's descriptor
    for ``go.json`` (see its ``type_param``); a ``struct{}`` type, or one holding
    ``struct{}`` values, with ``empties``, the way to them for :func:`go.empties`
    (``""`` for ``struct{}`` itself), so that fmt prints a generic's field of that
    type as ``{}`` where the generic keeps ``None``; an array type of struct values or
    arrays with ``copier``, which copies a value of it, its elements too
    (``Box[[2]Pt]``: see :func:`copy_value`)."""

    __slots__ = (
        "box",
        "copier",
        "empties",
        "go_name",
        "json",
        "methods",
        "signatures",
        "wrap",
        "zero",
    )

    def __init__(
        self,
        go_name: str,
        zero: Callable[[], Any],
        methods: tuple[str, ...] = (),
        box: Callable[[Any], Any] | None = None,
        signatures: dict[str, str] | None = None,
        wrap: Callable[[Any], Any] | None = None,
        json: tuple[Any, ...] | None = None,
        empties: str | None = None,
        copier: Callable[[Any], Any] | None = None,
    ) -> None:
        self.go_name, self.zero, self.methods, self.box = go_name, zero, methods, box
        self.signatures, self.wrap, self.json, self.empties = signatures, wrap, json, empties
        self.copier = copier

    def interface(self) -> Methods:
        """The interface type argument as ``x.(T)`` checks it."""
        return Methods(self.go_name, *self.methods, signatures=self.signatures)

    def is_interface(self) -> bool:
        """The type argument is an interface type (``any``, ``error``, ``Shape``)."""
        return bool(self.methods) or self.go_name in ("any", "interface {}", "error")

    def __call__(self) -> Any:
        return self.zero()

    def holds(self, x: Any) -> bool:
        """``x``, an interface's value, is of this type: ``x.(T)`` in a generic."""
        if x is None:
            return False
        name = self.go_name
        if self.methods:
            return self.interface().missing(x) is None
        if name in ("any", "interface {}"):
            return True
        if name in _GO_TYPES:
            return _GO_TYPES[name](x)
        if isinstance(x, TypedList | TypedDict):
            return x.go_type == name
        if isinstance(x, Ref):  # a pointer to a number, a string...: its target's type is not kept
            return name.startswith("*")
        if isinstance(x, list | dict):  # a run does not keep a slice's type
            return name.startswith("[]" if isinstance(x, list) else "map[")
        if isinstance(x, sl.Chan) and not name.startswith(("chan", "<-chan")):
            return False  # *T, a named type: not a channel of any element type
        return type_name(x) == name


def _channel_type_unknown() -> None:
    raise SimlabError(
        "the Go type of a channel held in an interface (%T, case chan T:, json.Marshal) "
        "is not modelled: a run's channel does not keep its element type"
    )


def convert(t: Any, x: Any) -> Any:
    """``T(x)`` in a generic whose type parameter ``T`` holds only numbers, ``t``
    its type argument: an integer type's value truncates a float and wraps to
    the type's size (``int8(300)`` is 44), a float type's is a float (a float32's
    rounded), and a named type's is of its class (a ``Port`` with a String method)."""
    zero = t()  # the type's zero, of its class: int, float, or the named type's
    value: Any = int(x) if isinstance(zero, int) else float(x)
    if isinstance(t, TypeArg) and t.wrap is not None:
        value = t.wrap(value)  # int8's wrap, float32's rounding
    elif isinstance(zero, int) and not -(1 << 63) <= value < 1 << 63:
        value = int64(value)  # int(u) of a uint past MaxInt64 wraps, an int and int64's 64 bits
    cls = type(zero)
    return value if cls in (int, float) else cls(value)


def pointer_of(t: Any) -> Callable[[Any], Any]:
    """What makes ``&v`` of a variable of a type parameter's type, ``t`` its type
    argument: of an interface type (``error``, ``any``) or a pointer type
    (``*main.S``, whose value is the struct object), a :class:`Ref`, whatever the
    variable holds; else :func:`pointer_to`, by the value."""
    if isinstance(t, TypeArg) and (t.is_interface() or t.go_name.startswith("*")):
        return Ref
    return pointer_to


def convert_text(t: Any, text: str) -> Any:
    """``T(x)`` in a generic whose type parameter ``T`` holds only string types, ``t``
    its type argument, ``text`` the string ``x`` converts to: of the named type's
    class where it has one (a ``Name`` with a String method)."""
    cls = type(t())
    return text if cls is str else cls(text)


def quo_of(t: Any, a: Any, b: Any) -> Any:
    """``a / b`` in a generic whose type parameter's set holds both integer and
    float types (``[N int | float64]``), ``t`` its type argument: an integer
    type's quotient truncates toward zero (a zero divisor panics), a float type's
    zero divisor gives an infinity; then the type's wrap or rounding."""
    zero = t()
    integral = isinstance(zero.v if isinstance(zero, NamedValue) else zero, int)
    return wrapping(t)(quo(a, b) if integral else quo_float(a, b))


def boxed(t: Any, x: Any) -> Any:
    """A value of a type parameter converted to an interface, ``t`` its type
    argument: a sized number becomes the value of its class, which keeps its type
    (``int8``, not ``int``, to ``%T``, a type switch and an assertion), a struct
    the copy an interface holds (``go.as_value``), and an array a copy that keeps its
    type (``go.typed``), which keys a ``map[any]V`` by its elements."""
    box = t.box if isinstance(t, TypeArg) else None
    if box is None and isinstance(t, TypeArg) and type(x) is list and is_array_type(t.go_name):
        return typed(list(x), t.go_name)  # [2]int: a copy that keeps its type
    return box(x) if box is not None and type(x) is not box else x


def copied(t: Any, x: Any) -> Any:
    """``x``, a value of a type parameter's type read from where it is stored
    (``xs[0]``, ``b.head``), as Go reads it: a copy where the type argument ``t`` is a
    struct or an array type, whose values Go copies; any other value itself."""
    if isinstance(t, TypeArg) and copies_values(t):
        return copy_value(t, x)
    return x


def type_of(t: Any, x: Any) -> Any:
    """``x``, a value of a type parameter whose type argument is ``t``, for ``%T``:
    the argument's name, which a value's own type cannot tell (a struct value and a
    pointer to it are one object, a nil pointer is None), but the value's dynamic
    type where the argument is an interface type, as Go's."""
    name = _BASIC_ARGS.get(t) or getattr(t, "go_name", None)
    if not isinstance(name, str) or (
        isinstance(t, TypeArg) and (t.methods or name in ("any", "interface {}", "error"))
    ):
        return x
    return StaticType(name, x)


def spelled(template: str, *args: Any) -> str:
    """A Go type's name in a generic, ``template`` with a ``%s`` for each type
    parameter in it (``map[%s]%s``), spelled by the type arguments ``args``."""
    return template % tuple(type_arg_name(a) for a in args)


def _instance_name(cls: type, args: tuple[Any, ...]) -> str:
    """The Go name of the instance of the generic class ``cls`` with the type
    arguments ``args``: ``main.entry[string,int]``."""
    name = getattr(cls, "go_name", None) or f"main.{cls.__name__}"
    return name + "[" + ",".join(type_arg_name(a) for a in args) + "]"


class Instance:
    """The T of ``x.(T)`` for an instance of a generic struct type, ``*entry[K, V]``
    (``args`` the type arguments, in the order of the class's ``go_type_params``): an
    object of the class whose own type arguments have the same Go names."""

    __slots__ = ("args", "cls")

    def __init__(self, cls: type, *args: Any) -> None:
        self.cls, self.args = cls, args

    def holds(self, x: Any, value: bool) -> bool:
        return (
            isinstance(x, self.cls)
            and hasattr(type(x), "go_struct") == value
            and all(
                type_arg_name(getattr(x, p)) == type_arg_name(a)
                for p, a in zip(self.cls.go_type_params, self.args, strict=True)  # type: ignore[attr-defined]
            )
        )

    def go_name(self, value: bool) -> str:
        name = _instance_name(self.cls, self.args)
        return name if value else "*" + name


class Of:
    """The T of ``x.(T)`` for a slice or a map type, ``[]string`` or
    ``map[string]int``: a slice or a map whose elements (and keys) hold their types,
    ``elem`` and ``key`` (None for ``any``). A run does not keep a slice's static
    type, so an empty one passes for every slice type, and a value of a named slice
    type without methods (``type list []int``) for ``[]int``, and a ``[]int`` for a
    ``list`` (``kind``, the named type's underlying type: ``go.Of("main.list",
    "int", kind="[]int")``)."""

    __slots__ = ("elem", "go_name", "key", "kind")

    def __init__(self, go_name: str, elem: Any, key: Any = None, kind: str = "") -> None:
        self.go_name, self.elem, self.key = go_name, elem, key
        self.kind = kind or go_name

    def holds(self, x: Any) -> bool:
        if isinstance(x, TypedList | TypedDict):
            return x.go_type == self.go_name
        if self.kind.startswith("["):  # a plain list: a slice, or an array of this length
            length = self.kind[1 : self.kind.index("]")]
            fits = not length or (isinstance(x, list) and str(len(x)) == length)
            return fits and isinstance(x, list) and all(_holds(e, self.elem) for e in x)
        return isinstance(x, dict) and all(
            _holds(k, self.key) and _holds(e, self.elem) for k, e in x.items()
        )


class PointerTo:
    """The T of ``x.(T)`` for a pointer to a slice, an array or a map type
    (``bufPool.Get().(*[]byte)``): a ``go.Ref`` whose target is a list, or for a map
    type a dict. A Ref does not keep its target's type, so any pointer to a slice
    or an array passes for each such type, and any pointer to a map for each map
    type. A pointer to a named type with methods (``*Names``) is held as its
    class's :meth:`NamedValue.pointer`, which keeps the type: ``of`` is the class.
    A pointer to a pointer to a struct of the program (``**HTTPError``, which an
    ``As`` method asks of ``errors.As``'s target): ``target`` is the struct's class,
    and a ``go.TypedRef`` says its type, a plain Ref what it points to now. A
    pointer to an interface of the program (``*Labeler``, ``typed``) passes only as
    the TypedRef errors.As gives an As method."""

    __slots__ = ("go_name", "map", "of", "target", "typed")

    def __init__(
        self,
        go_name: str,
        map: bool = False,
        of: type | None = None,
        target: type | None = None,
        typed: bool = False,
    ) -> None:
        self.go_name, self.map, self.of, self.target = go_name, map, of, target
        self.typed = typed  # a pointer to an interface of the program: a TypedRef only

    def holds(self, x: Any) -> bool:
        if self.typed:
            return type(x) is TypedRef and x.go_type == self.go_name
        if self.of is not None:
            return named_pointer(x) is self.of
        if self.target is not None:
            if type(x) is TypedRef:
                return x.go_type == self.go_name
            return isinstance(x, Ref) and isinstance(x.v, self.target)
        return isinstance(x, Ref) and isinstance(x.v, dict if self.map else list)


class TypedFunc:
    """A func value converted to an interface, in a program that asserts one back
    to its func type (``ctx.Value(k).(context.CancelCauseFunc)``, ``case func()
    int:``): the function and its Go type, for the assertion, a type switch and
    ``%T``; called, it calls the function."""

    __slots__ = ("fn", "go_type")
    go_func = True  # a func value, which a pointer to holds in a Ref (go.pointer_to)

    def __init__(self, fn: Callable[..., Any], go_type: str) -> None:
        self.fn, self.go_type = fn, go_type

    def __call__(self, *args: Any) -> Any:
        return self.fn(*args)


class FuncType:
    """The T of ``x.(T)`` for a func type: a :class:`TypedFunc` of that type."""

    __slots__ = ("go_name",)

    def __init__(self, go_name: str) -> None:
        self.go_name = go_name

    def holds(self, x: Any) -> bool:
        return isinstance(x, TypedFunc) and x.go_type == self.go_name


AssertedType = (
    type | str | Methods | Of | PointerTo | Instance | TypeArg | FuncType
)  # the T of x.(T)


def _holds(e: Any, t: Any) -> bool:
    """An element ``e`` of a slice or map is of the type ``t`` (see :class:`Of`): a
    nil pointer, interface or slice element is None, which passes."""
    if t is None or e is None:
        return True
    if isinstance(t, type):
        return isinstance(e, t)  # a struct element: a value or a pointer alike
    if type(e) is int and (bounds := INT_RANGES.get(t)) is not None:
        # a slice keeps its sized integers as ints (but a literal's, go.typed):
        # make([]byte, n) passes for a []uint8, and for an []int too, where in range
        return bounds[0] <= e <= bounds[1]
    if type(e) is float and t == "float32":
        return True
    if type(e) is int and t in _INT_ELEMENTS:
        return True  # a []time.Duration keeps plain ints
    if t == "struct {}":
        return e is EMPTY  # a set's struct{}{} (None, which passes above, elsewhere)
    return _is(e, t)


# the library's named integer types whose values a slice or a map keeps as ints
_INT_ELEMENTS = frozenset(
    ("time.Duration", "time.Month", "time.Weekday", "slog.Level", "fs.FileMode")
)


def _is(x: Any, t: AssertedType, value: bool = False) -> bool:
    """``x`` holds a ``t``; for a class, a struct value (``go.as_value``'s copy) when
    ``value``, else a pointer to a struct or a named number or string."""
    if type(x) is CustomContext:
        x = x.held
    if type(x) in (Locker, SyncValue) and not isinstance(t, Methods):
        x = x.m
    if isinstance(t, str):
        return x is not None and _GO_TYPES[t](x)
    if isinstance(t, Methods):
        return x is not None and t.missing(x) is None
    if isinstance(t, Of | FuncType | PointerTo):
        return t.holds(x)
    if isinstance(t, Instance):
        return t.holds(x, value)
    if isinstance(t, TypeArg):
        return t.holds(x)
    if t in _BASIC_ARGS:  # x.(T) in a generic, T int, string, float64 or bool
        return type(x) is t
    own = type(x).__base__ if is_typed_nil(x) else type(x)  # a (*strings.Builder)(nil) too
    if getattr(own, "go_own_type", False) and own is not t:
        return False  # a strings.Builder is no bytes.Buffer, though golib builds one on the other
    if named_pointer(x) is not None:
        return False  # a *Names, which PointerTo's of asks for, is no Names
    return isinstance(x, t) and hasattr(type(x), "go_struct") == value


def is_value(x: Any, cls: type) -> bool:
    """A type switch's ``case T`` for a struct type T: ``x`` holds a T value."""
    return _is(x, cls, value=True)


def is_pointer(x: Any, cls: type) -> bool:
    """A type switch's ``case *T`` for a struct type T: ``x`` holds a pointer to one."""
    return _is(x, cls)


def is_type(x: Any, t: AssertedType) -> bool:
    """A type switch's ``case T:``: ``x`` holds a value of the type ``T``."""
    return _is(x, t)


def arg_is(t: Any, x: Any, of: Of) -> bool:
    """A type switch's ``case []byte:`` on ``any(v)``, ``v`` of a type parameter whose
    type argument is ``t``: that argument is the type (``[]int`` is not, though its
    elements would fit a ``[]byte``); for an interface type argument, the value's
    own type, as :func:`is_type` finds it."""
    if isinstance(t, TypeArg) and not t.is_interface():
        return t.go_name == of.go_name
    return _is(x, of)


# context's two errors, named by their variables, and their dynamic types
_CONTEXT_ERROR_TYPES = {
    "context.Canceled": "*errors.errorString",
    "context.DeadlineExceeded": "context.deadlineExceededError",
}


#: The classes of the slices and maps that carry no Go type (go.typed's classes do):
#: a plain literal's, a nil one's, one with capacity, a parameter's view, a map
#: made in a generic.
_UNTYPED = (list, dict, NilSlice, NilMap, CapSlice, View, ParamKeyMap, InterfaceKeyMap)


def untyped(x: Any) -> bool:
    """``x`` is a slice or a map whose Go type simlab does not keep, held in an
    interface: ``%T`` has no name for it."""
    return type(x) in _UNTYPED


def type_name(x: Any) -> str:
    """Go's name for the dynamic type of ``x``."""
    if x is None:
        return "nil"
    for py, go in (
        (bool, "bool"),
        (int, "int"),
        (str, "string"),
        (float, "float64"),
        (complex, "complex128"),
    ):
        if type(x) is py:
            return go
    if isinstance(x, sl.GoError):
        return _CONTEXT_ERROR_TYPES.get(x.name, x.name)
    if x is stdout or x is stderr:
        return "*os.File"
    if type(x) in (Locker, SyncValue):
        return type_name(x.m)  # the mutex's, or the struct's that embeds one
    if isinstance(x, StaticType | TypedList | TypedDict | TypedFunc | Digest | ByteOrder):
        return x.go_type
    if type(x) is BasicPointer:
        return x.go_name  # *main.level, a pointer to a named number held in an interface
    if type(x) is CustomContext:
        return x.go_type
    if isinstance(x, sl.Context):
        return _context_type(x)
    if (cls := named_pointer(x)) is not None:
        return "*" + _class_name(cls, x)
    if (name := _PRIMITIVES.get(type(x))) is not None:
        return name
    if isinstance(x, sl.Chan) or x is sl.nil_chan:
        _channel_type_unknown()
    if isinstance(x, Ref) and isinstance(x.v, int | str | float):
        return "*" + type_name(x.v)  # new(T) of a generic, T int; &l of a type L int
    if type(x) is Ref and x.v is EMPTY:
        return "*struct {}"
    if untyped(x):
        raise SimlabError(
            "simlab does not keep the type of a slice or a map held in an interface, "
            "whose Go name this needs: give it a variable of the slice's or the map's own type"
        )
    return _class_name(type(x), x)


_PRIMITIVES: dict[type, str] = {
    sl.Mutex: "*sync.Mutex",
    sl.RWMutex: "*sync.RWMutex",
    sl.WaitGroup: "*sync.WaitGroup",
    sl.Once: "*sync.Once",
    sl.Cond: "*sync.Cond",
    RLocker: "*sync.rlocker",
    atomic.Int32: "*atomic.Int32",
    atomic.Int64: "*atomic.Int64",
    atomic.Uint32: "*atomic.Uint32",
    atomic.Uint64: "*atomic.Uint64",
    atomic.Bool: "*atomic.Bool",
    atomic.Value: "*atomic.Value",
}


def _context_type(ctx: Any) -> str:
    """The dynamic type of a context, as the context package names its own."""
    if isinstance(ctx, contexts.Background):
        return "context.todoCtx" if ctx.name == "context.TODO" else "context.backgroundCtx"
    if isinstance(ctx, contexts.TimerCtx):
        return "*context.timerCtx"
    if isinstance(ctx, contexts.CancelCtx):
        return "*context.cancelCtx"
    if isinstance(ctx, contexts.ValueCtx):
        return "*context.valueCtx"
    return "context.withoutCancelCtx"


def _class_name(cls: type, x: Any = None) -> str:
    """Go's name for the type a class of the translation stands for: a named string,
    number (complex too) or channel type's value is the value; an object of a struct class
    stands for a pointer to the struct; ``x``, an object of a generic class, gives
    its type arguments."""
    name = getattr(cls, "go_name", None) or f"main.{cls.__name__}"
    if isinstance(x, NamedValue) and x.type_args:
        name = _instance_name(cls, tuple(x.type_args.values()))
    elif x is not None and (params := getattr(cls, "go_type_params", ())):
        name = _instance_name(cls, tuple(getattr(x, p) for p in params))
    if hasattr(cls, "go_struct"):  # a value: a library struct's too (v := *u)
        return name.removeprefix("*")
    held_as_value = issubclass(cls, int | float | complex | str | Named | NamedValue)
    return name if held_as_value or name.startswith("*") else "*" + name


class StaticType:
    """An operand of ``%T`` whose type the translator knew: a struct value and a
    pointer to it are one object at run time, so it wrote the Go type down."""

    __slots__ = ("go_type", "x")

    def __init__(self, go_type: str, x: Any) -> None:
        self.go_type, self.x = go_type, x


def assert_type(
    x: Any, t: AssertedType, zero: Any = None, copied: bool | Callable[[Any], Any] = False
) -> tuple[Any, bool]:
    """``v, ok := x.(T)``: ``(x, True)`` if ``x`` holds a ``T``, else ``(zero, False)``,
    ``zero`` being T's zero value (nil, the default, for a pointer or an interface);
    ``copied`` for a struct value T: a copy of ``x``; for an array type, the function
    that copies one (``go.copy_array``)."""
    if type(x) is CustomContext:
        x = x.held
    if _is(x, t, value=copied is True):
        if callable(copied):
            return copied(_held(x, t)), True
        if _interface(t):
            return x, True  # an interface holding what x holds: a (*T)(nil) too, not nil
        return (copy(x) if copied or _struct_value_of(t, x) else _held(x, t)), True
    return zero, False


def _interface(t: AssertedType) -> bool:
    """``t``, the T of ``x.(T)``, is an interface type: its result is what ``x``
    holds as it is, a ``(*T)(nil)`` too."""
    return isinstance(t, Methods) or t in ("error", "any", "interface {}")


def _held(x: Any, t: Any = None) -> Any:
    """What a type assertion to ``t`` gives of ``x``: a :class:`TypedFunc`'s function,
    a named slice, map, func, array or bool's plain value (``x.(Names)``) or its
    pointer (``x.(*Names)``), else the pointer or value the interface holds."""
    if isinstance(x, NamedValue) and isinstance(t, type) and issubclass(t, NamedValue):
        return x.v
    if isinstance(t, PointerTo) and t.of is not None:
        return x.ref
    if type(x) is Duration:
        return int(x)  # a time.Duration variable holds a plain int: int64(d) prints a number
    return x.fn if isinstance(x, TypedFunc) else concrete(held_map(x))


def held_map(x: Any) -> Any:
    """A type switch's clause variable of a map type: the map the interface holds,
    :data:`NIL_MAP` for a nil one, which ``m == nil`` finds."""
    return NIL_MAP if type(x) is TypedNilMap else x


def _struct_value_of(t: AssertedType, x: Any) -> bool:
    """``x.(T)`` in a generic, ``T`` a struct type and ``x`` holding one of its values:
    the result is a copy of the struct's own class, as a ``T`` variable holds, which
    ``==`` and slices.Index compare with another (not the interface's value); ``T``
    an interface type (``As[any](r)``): the value the interface holds, as it is."""
    return isinstance(t, TypeArg) and not t.is_interface() and hasattr(type(x), "go_struct")


def must_assert(x: Any, t: AssertedType, iface: str, value: bool = False) -> Any:
    """``x.(T)``: ``x``, or the panic ``interface conversion: ...``; ``value`` for a
    struct value T."""
    if isinstance(t, TypeArg) and t.methods:  # x.(T) in a generic, T an interface
        t = t.interface()
    if type(x) in (Locker, SyncValue) and not isinstance(t, Methods):
        x = x.m  # l.(*Account) of a struct that embeds a mutex
    if _is(x, t, value):
        if _struct_value_of(t, x):
            return copy(x)
        return x if _interface(t) and type(x) is not CustomContext else _held(x, t)
    if t == "error" or (isinstance(t, TypeArg) and t.go_name == "error"):
        t = _ERROR  # an interface: Go names the method the value lacks
    if isinstance(t, TypeArg) and t.is_interface() and x is None:
        iface = "interface"  # x.(T) in a generic, T any: Go's names no interface type
    if isinstance(t, Methods):
        if x is None:
            raise GoPanic(f"interface conversion: interface is nil, not {t.go_name}")
        raise GoPanic(
            f"interface conversion: {type_name(x)} is not {t.go_name}: missing method "
            f"{t.missing(x)}"
        )
    if isinstance(t, Of | FuncType | PointerTo):
        want = t.go_name
    elif isinstance(t, Instance):
        want = t.go_name(value)
    elif isinstance(t, TypeArg) or t in _BASIC_ARGS:
        want = type_arg_name(t)
    else:
        want = t if isinstance(t, str) else _class_name(_value_class(t) if value else t)
    if x is None:
        raise GoPanic(f"interface conversion: {iface} is nil, not {want}")
    if isinstance(x, list | dict) and not isinstance(x, TypedList | TypedDict):
        raise SimlabError(
            "a type assertion failed on a slice or a map held in an interface, whose type "
            f"simlab does not keep for Go's panic message (interface conversion: {iface} "
            f"is ?, not {want}): assert with the comma-ok form, v, ok := x.({want})"
        )
    raise GoPanic(f"interface conversion: {iface} is {type_name(x)}, not {want}")
