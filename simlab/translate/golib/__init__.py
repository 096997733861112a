"""What a translated Go program calls besides simlab: Go's formatting, errors,
arithmetic, panics and recover.

Plain functions, but for :meth:`Recoverable.defer`, so they never show as a frame
of a parked goroutine; a panic raised here shows in a traceback as the caller's
line (simlab leaves its own frames out of goroutine dumps).

Panics and recover: ``go.panic(value)`` raises a :class:`Panic`, a
:class:`~simlab.GoPanic` that keeps Go's value, so that ``recover()`` returns it
and the message Go prints (``panic: main.code(7)``, ``panic: first [recovered]``
then ``\tpanic: second``) is the exception's. A deferred call that may recover
runs from ``with go.defer(f):`` (or :class:`Recoverable` when ``f`` blocks):
``go.recover()`` returns the panic only when called directly by that ``f``, as
Go's recover does only in the deferred function itself.
"""

from __future__ import annotations

from typing import Any

from simlab.duration import time_string  # t.String(): 2000-01-01 00:00:01.5 +0000 UTC
from simlab.go.atomic import wrap
from simlab.go.goroutine import Goroutine, Op

from ._builtins import at, bound, clear_slice, close, slice_copy, sliced
from ._errors import (
    LIBRARY_ERRORS,
    JoinError,
    error_of,
    error_text,
    errors_as,
    errors_is,
    errors_join,
    errors_unwrap,
    new_error,
)
from ._fmt import (
    Bytes,
    StructValue,
    WrapErrors,
    empties,
    errorf,
    fprint,
    fprintf,
    fprintln,
    print,
    printf,
    println,
    sprint,
    sprintf,
    sprintln,
    stringed,
    struct_values,
    v,
)
from ._fmt import _struct_fields as _struct_fields
from ._io import EOF, FNV, Buffer, Builder, ErrUnexpectedEOF, discard, read_full, stderr, stdout
from ._io import _write as _write
from ._iter import (
    Range,
    iter_pull,
    maps_all,
    maps_collect,
    maps_keys,
    maps_values,
    slices_all,
    slices_backward,
    slices_collect,
    slices_sorted,
    slices_sorted_func,
    slices_values,
    strings_fields_seq,
    strings_lines,
    strings_split_after_seq,
    strings_split_seq,
)
from ._log import (
    Logger,
    fatal,
    log,
    log_flags,
    log_panic,
    log_prefix,
    log_set_flags,
    log_set_output,
    log_set_prefix,
    log_writer,
    std_logger,
)
from ._math import (
    math_abs,
    math_ceil,
    math_copysign,
    math_exp,
    math_floor,
    math_inf,
    math_is_inf,
    math_is_nan,
    math_log,
    math_max,
    math_min,
    math_mod,
    math_nan,
    math_pow,
    math_round,
    math_signbit,
    math_sqrt,
    math_trunc,
)
from ._numbers import (
    Duration,
    Float32,
    Int8,
    Int16,
    Int32,
    Int64,
    Sized,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    int8,
    int16,
    int32,
    int64,
    quo,
    quo_float,
    rem,
    uint8,
    uint16,
    uint32,
    uint64,
)
from ._panics import Panic, Recoverable, Return, defer, panic, recover
from ._pool import Pool
from ._runstate import _state
from ._runtime import (
    Exit,
    abandon,
    capture_profiles,
    dial_udp,
    exit,
    gc,
    getenv,
    goexit,
    gomaxprocs,
    lookup_env,
    num_goroutine,
    pprof_lookup,
    rand_intn,
    setenv,
    unsetenv,
)
from ._runtime_errors import GoRuntimeError, PanicNilError, runtime_error
from ._scan import sscan, sscanf
from ._sort import (
    Float64Slice,
    IntSlice,
    SortReverse,
    StringSlice,
    cmp_compare,
    cmp_less,
    heap_fix,
    heap_init,
    heap_pop,
    heap_push,
    heap_remove,
    maps_clone,
    search_sorted,
    slices_binary_search,
    slices_binary_search_func,
    slices_compact,
    slices_compact_func,
    slices_delete_func,
    slices_index,
    slices_index_func,
    slices_max,
    slices_max_func,
    slices_min,
    slices_min_func,
    slices_sort_func,
    slices_sort_func_yielding,
    sort_float64s,
    sort_is_sorted,
    sort_search,
    sort_slice,
    sort_slice_yielding,
    sort_sort,
)
from ._strconv import (
    ErrRange,
    ErrSyntax,
    NumError,
    atoi,
    format_float,
    format_int,
    parse_bool,
    parse_float,
    parse_int,
    quote,
)
from ._strings import (
    cut,
    cut_prefix,
    cut_suffix,
    fields,
    index,
    last_index,
    rune_len,
    runes,
    runes_string,
    split,
    split_after,
    split_n,
    string_of,
    strings_fields_func,
    strings_map,
    title,
    unicode_is,
    unicode_is_space,
    unicode_to,
)
from ._testing import F, M, T, crashed_test_binary, run_test, run_tests, synctest_test, test_main
from ._time import (
    ZERO_TIME,
    Month,
    Time,
    Weekday,
    compare,
    duration_round,
    duration_truncate,
    parse_duration,
    tick,
    time_date,
    time_field,
    time_format,
    time_round,
    time_text,
    time_truncate,
    time_unix,
)
from ._types import Methods, Of, StaticType, assert_type, is_pointer, is_type, is_value, must_assert
from ._values import (
    EMPTY,
    NIL_MAP,
    ElemRef,
    FieldRef,
    Named,
    NamedValue,
    NilSlice,
    Ref,
    address,
    array_equal,
    as_iface,
    as_value,
    call,
    concrete,
    copy,
    copy_array,
    copy_sync,
    equal,
    is_nil,
    method,
    plain,
    pointer_method,
    struct_equal,
    struct_hash,
)

__all__ = [
    "EMPTY",
    "EOF",
    "FNV",
    "LIBRARY_ERRORS",
    "NIL_MAP",
    "ZERO_TIME",
    "Buffer",
    "Builder",
    "Bytes",
    "Duration",
    "ElemRef",
    "ErrRange",
    "ErrSyntax",
    "ErrUnexpectedEOF",
    "Exit",
    "F",
    "FieldRef",
    "Float32",
    "Float64Slice",
    "GoRuntimeError",
    "Int8",
    "Int16",
    "Int32",
    "Int64",
    "IntSlice",
    "JoinError",
    "Logger",
    "M",
    "Methods",
    "Month",
    "Named",
    "NamedValue",
    "NilSlice",
    "NumError",
    "Of",
    "Panic",
    "PanicNilError",
    "Pool",
    "Range",
    "Recoverable",
    "Ref",
    "Return",
    "Sized",
    "SortReverse",
    "StaticType",
    "StringSlice",
    "StructValue",
    "T",
    "Time",
    "Uint",
    "Uint8",
    "Uint16",
    "Uint32",
    "Uint64",
    "Uintptr",
    "Weekday",
    "WrapErrors",
    "abandon",
    "address",
    "array_equal",
    "as_iface",
    "as_value",
    "assert_type",
    "at",
    "atoi",
    "atomic_add",
    "atomic_compare_and_swap",
    "atomic_load",
    "atomic_store",
    "atomic_swap",
    "bound",
    "call",
    "capture_profiles",
    "clear_slice",
    "close",
    "cmp_compare",
    "cmp_less",
    "compare",
    "concrete",
    "copy",
    "copy_array",
    "copy_sync",
    "crashed_test_binary",
    "cut",
    "cut_prefix",
    "cut_suffix",
    "defer",
    "dial_udp",
    "discard",
    "duration_round",
    "duration_truncate",
    "empties",
    "equal",
    "error_of",
    "error_text",
    "errorf",
    "errors_as",
    "errors_is",
    "errors_join",
    "errors_unwrap",
    "exit",
    "fatal",
    "fields",
    "format_float",
    "format_int",
    "fprint",
    "fprintf",
    "fprintln",
    "gc",
    "getenv",
    "goexit",
    "gomaxprocs",
    "heap_fix",
    "heap_init",
    "heap_pop",
    "heap_push",
    "heap_remove",
    "index",
    "int8",
    "int16",
    "int32",
    "int64",
    "is_nil",
    "is_pointer",
    "is_type",
    "is_value",
    "iter_pull",
    "last_index",
    "log",
    "log_flags",
    "log_panic",
    "log_prefix",
    "log_set_flags",
    "log_set_output",
    "log_set_prefix",
    "log_writer",
    "lookup_env",
    "maps_all",
    "maps_clone",
    "maps_collect",
    "maps_keys",
    "maps_values",
    "math_abs",
    "math_ceil",
    "math_copysign",
    "math_exp",
    "math_floor",
    "math_inf",
    "math_is_inf",
    "math_is_nan",
    "math_log",
    "math_max",
    "math_min",
    "math_mod",
    "math_nan",
    "math_pow",
    "math_round",
    "math_signbit",
    "math_sqrt",
    "math_trunc",
    "method",
    "must_assert",
    "new_error",
    "num_goroutine",
    "panic",
    "parse_bool",
    "parse_duration",
    "parse_float",
    "parse_int",
    "plain",
    "pointer_method",
    "pprof_lookup",
    "print",
    "printf",
    "println",
    "quo",
    "quo_float",
    "quote",
    "rand_intn",
    "read_full",
    "recover",
    "rem",
    "run_test",
    "run_tests",
    "rune_len",
    "runes",
    "runes_string",
    "runtime_error",
    "search_sorted",
    "setenv",
    "slice_copy",
    "sliced",
    "slices_all",
    "slices_backward",
    "slices_binary_search",
    "slices_binary_search_func",
    "slices_collect",
    "slices_compact",
    "slices_compact_func",
    "slices_delete_func",
    "slices_index",
    "slices_index_func",
    "slices_max",
    "slices_max_func",
    "slices_min",
    "slices_min_func",
    "slices_sort_func",
    "slices_sort_func_yielding",
    "slices_sorted",
    "slices_sorted_func",
    "slices_values",
    "slog",
    "sort_float64s",
    "sort_is_sorted",
    "sort_search",
    "sort_slice",
    "sort_slice_yielding",
    "sort_sort",
    "split",
    "split_after",
    "split_n",
    "sprint",
    "sprintf",
    "sprintln",
    "sscan",
    "sscanf",
    "std_logger",
    "stderr",
    "stdout",
    "string_of",
    "stringed",
    "strings_fields_func",
    "strings_fields_seq",
    "strings_lines",
    "strings_map",
    "strings_split_after_seq",
    "strings_split_seq",
    "struct_equal",
    "struct_hash",
    "struct_values",
    "synctest_test",
    "test_main",
    "tick",
    "time_date",
    "time_field",
    "time_format",
    "time_round",
    "time_string",
    "time_text",
    "time_truncate",
    "time_unix",
    "title",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "unicode_is",
    "unicode_is_space",
    "unicode_to",
    "unsetenv",
    "v",
]


_ATOMIC_BITS = {"Int32": (32, True), "Int64": (64, True), "Uint32": (32, False)}
_ATOMIC_BITS |= {"Uint64": (64, False), "Uintptr": (64, False)}


class _FieldAtomic(Op):
    """One atomic access to ``obj.field``: an operation the goroutine yields, so that
    a preemptive strategy may switch goroutines between two of them, as Go may.

    ``obj`` may also be a package's ``globals()`` (``field`` a variable's name), or a
    pointer: a ``Ref``'s ``v``, and the field or slice element a ``FieldRef`` or
    ``ElemRef`` points at."""

    __slots__ = ("args", "field", "kind", "obj", "verb")

    def __init__(self, verb: str, obj: Any, field: Any, kind: str, args: tuple[Any, ...]):
        self.verb, self.obj, self.field, self.kind, self.args = verb, obj, field, kind, args

    def start(self, rt: Any, g: Goroutine) -> Any:
        obj, field, ref = self.obj, self.field, self.obj
        if type(ref) is FieldRef:
            obj, field = ref.obj, ref.name
        elif type(ref) is ElemRef:
            obj, field = ref.s, ref.i
        ids = _state(rt).atomic_ids
        key = (id(obj), field)
        if key not in ids:  # the place's identity in this run, for dfs's footprints
            ids[key] = (obj, rt.new_id())
        rt.touch(ids[key][1])
        item = type(obj) is dict or type(obj) is list  # globals(), a slice
        old = obj[field] if item else getattr(obj, field)
        verb, args = self.verb, self.args
        if verb == "load":
            return old
        if verb == "compare_and_swap":
            if old != args[0]:
                return False
            new = args[1]
        elif verb == "add":
            new = wrap(old + args[0], *_ATOMIC_BITS[self.kind])
        else:  # store, swap
            new = args[0]
        if item:
            obj[field] = new
        else:
            setattr(obj, field, new)
        if verb == "add":
            return new
        if verb == "swap":
            return old
        return None if verb == "store" else True


def atomic_load(obj: Any, field: Any, kind: str) -> Op:
    """``atomic.LoadT(&obj.field)``: yield it for the value."""
    return _FieldAtomic("load", obj, field, kind, ())


def atomic_store(obj: Any, field: Any, kind: str, v: int) -> Op:
    """``atomic.StoreT(&obj.field, v)``."""
    return _FieldAtomic("store", obj, field, kind, (v,))


def atomic_add(obj: Any, field: Any, kind: str, delta: int) -> Op:
    """``atomic.AddT(&obj.field, delta)``: yield it for the new value, wrapped as T."""
    return _FieldAtomic("add", obj, field, kind, (delta,))


def atomic_swap(obj: Any, field: Any, kind: str, new: int) -> Op:
    """``atomic.SwapT(&obj.field, new)``: yield it for the old value."""
    return _FieldAtomic("swap", obj, field, kind, (new,))


def atomic_compare_and_swap(obj: Any, field: Any, kind: str, old: int, new: int) -> Op:
    """``atomic.CompareAndSwapT(&obj.field, old, new)``: yield it for whether it swapped."""
    return _FieldAtomic("compare_and_swap", obj, field, kind, (old, new))


# log/slog, which uses the above: go.slog
from simlab.translate import _slog as slog  # noqa: E402
