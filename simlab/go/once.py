"""``sync.Once`` and Go 1.21's ``sync.OnceFunc``, ``OnceValue`` and ``OnceValues``.

``yield from once.do(f)`` runs ``f`` (a plain function or a generator function)
on the first call only. Callers that come while ``f`` runs wait on the Once's
mutex (``sync.Mutex.Lock``) until it has returned. ``f`` counts as done even if
it panics (the panic goes on to the caller); a ``do`` of the same Once from
inside ``f`` waits for that mutex forever, which is the deadlock Go has.

The helpers are generator functions, called with ``yield from`` as every simlab
helper that can block::

    load = sl.once_value(read_config)   # read_config: plain or a generator function
    cfg = yield from load()             # Go: cfg := load()

If ``f`` panics, every call panics with the same value (the first call's panic is
the original, printed ``[recovered, repanicked]`` as Go does). They need no
runtime: the first call learns it from the goroutine that makes it.

Their frames print as Go's (``sync.(*Once).doSlow``, ``sync.(*Once).Do``,
``sync.OnceFunc.func1``...) at Go 1.27's lines, so a dump of a goroutine waiting
for a Once is the dump Go prints.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from inspect import isgenerator
from typing import TYPE_CHECKING, Any

from ..errors import GoPanic
from .frames import GOROOT_SRC, gofunc
from .goroutine import Goroutine, Op
from .sync import Mutex, repanicked

if TYPE_CHECKING:
    from .runtime import Runtime

_ONCE = f"{GOROOT_SRC}/sync/once.go"
_ONCEFUNC = f"{GOROOT_SRC}/sync/oncefunc.go"


class _OnceMutex(Mutex):
    """A Once's ``m``, named after its Once in reports."""

    __slots__ = ("once",)

    def __init__(self, rt: Runtime, once: Once):
        super().__init__(rt)
        self.once = once

    def label(self) -> str:
        return f"{self.once.label()}.m"


class Once:
    """A ``sync.Once``: ``yield from once.do(f)``; ``once.done`` says whether f has run."""

    __slots__ = ("done", "id", "m")

    def __init__(self, rt: Runtime) -> None:
        self.id = rt.new_id()
        self.done = False
        self.m = _OnceMutex(rt, self)

    @gofunc("sync.(*Once).Do", file=_ONCE)
    def do(self, f: Callable[[], Any]) -> Generator[Any, Any, None]:
        """``once.Do(f)``: ``yield from once.do(f)``."""
        if (fp := self.m._rt.footprint) is not None:
            fp.add(self.id)
        if not self.done:
            yield from self._do_slow(f)  # L69

    @gofunc("sync.(*Once).doSlow", file=_ONCE)
    def _do_slow(self, f: Callable[[], Any]) -> Generator[Any, Any, None]:
        yield self.m.lock()  # L74
        gone = False  # the program is over and the generator is being collected
        try:
            if not self.done:
                try:
                    result = f()  # L78
                    if isgenerator(result):
                        yield from result  # L78
                finally:
                    if (fp := self.m._rt.footprint) is not None:
                        fp.add(self.id)
                    self.done = True
        except GeneratorExit:
            gone = True
            raise
        finally:
            if not gone:
                self.m.unlock()

    def label(self) -> str:
        return f"Once#{self.id}"

    def __repr__(self) -> str:
        return f"<Once #{self.id} {'done' if self.done else 'not done'}>"


class _RuntimeOf(Op):
    """Yielded, it returns the runtime of the goroutine at once, without blocking."""

    __slots__ = ()

    def start(self, rt: Runtime, g: Goroutine) -> Any:
        return rt


_RUNTIME = _RuntimeOf()


class _Memo:
    """What Go's OnceFunc family keeps in one struct: f, its Once, and the outcome."""

    __slots__ = ("f", "once", "p", "result", "valid")

    def __init__(self, f: Callable[[], Any]):
        self.f: Callable[[], Any] | None = f
        self.once: Once | None = None
        self.valid = False  # f returned without panicking
        self.p: BaseException | None = None  # its panic, which every later call raises
        self.result: Any = None


def _call(d: _Memo) -> Generator[Any, Any, None]:
    """Run f once (the body of the function Go passes to ``once.Do``)."""
    try:
        f = d.f
        if f is None:  # sync.OnceValue(nil): a call of a nil func, Go's nil dereference
            raise TypeError("'NoneType' object is not callable")
        result = f()
        if isgenerator(result):
            result = yield from result
        d.result = result
        d.valid = True
    except Exception as err:  # recovered, then panicked again with the same value
        panic = err if d.once is None else repanicked(d.once.m._rt, err)
        d.p = panic
        raise panic from None
    finally:
        d.f = None  # do not keep f alive after invoking it


def _outcome(d: _Memo) -> Any:
    """What a call returns once f has run: its result, or a panic with the value f
    panicked with (a panic of its own: not marked as repanicked)."""
    if not d.valid:
        p = d.p
        if p is None:
            raise GoPanic("sync: f panicked")
        raise p._anew() if isinstance(p, GoPanic) else p.with_traceback(None)
    return d.result


def once_func(f: Callable[[], Any]) -> Callable[[], Generator[Any, Any, None]]:
    """``sync.OnceFunc(f)``: a function that runs ``f`` only on its first call.

    ``call = sl.once_func(f)``, then ``yield from call()`` (Go: ``call()``). ``f``
    is a plain function or a generator function; callers that come while it runs
    wait for it. If ``f`` panics, every call panics with the same value.
    """
    d = _Memo(f)

    @gofunc("sync.OnceFunc.func1.1", file=_ONCEFUNC)
    def run() -> Generator[Any, Any, None]:
        yield from _call(d)  # L33

    @gofunc("sync.OnceFunc.func1", file=_ONCEFUNC)
    def call() -> Generator[Any, Any, None]:
        once = d.once
        if once is None:
            once = d.once = Once((yield _RUNTIME))
        yield from once.do(run)  # L22
        _outcome(d)

    return call


def once_value(f: Callable[[], Any]) -> Callable[[], Generator[Any, Any, Any]]:
    """``sync.OnceValue(f)``: a function that runs ``f`` on its first call only and
    returns what it returned, on every call.

    ``get = sl.once_value(f)``, then ``v = yield from get()`` (Go: ``v := get()``).
    If ``f`` panics, every call panics with the same value.
    """
    d = _Memo(f)

    @gofunc("sync.OnceValue[...].func1.1", file=_ONCEFUNC)
    def run() -> Generator[Any, Any, None]:
        yield from _call(d)  # L66

    @gofunc("sync.OnceValue[...].func1", file=_ONCEFUNC)
    def get() -> Generator[Any, Any, Any]:
        once = d.once
        if once is None:
            once = d.once = Once((yield _RUNTIME))
        yield from once.do(run)  # L58
        return _outcome(d)

    return get


def once_values(f: Callable[[], tuple[Any, Any]]) -> Callable[[], Generator[Any, Any, Any]]:
    """``sync.OnceValues(f)``: as :func:`once_value` for an ``f`` that returns two
    values (a value and an error, typically).

    ``get = sl.once_values(f)``, then ``v, err = yield from get()`` (Go:
    ``v, err := get()``). If ``f`` panics, every call panics with the same value.
    """
    d = _Memo(f)

    @gofunc("sync.OnceValues[...].func1.1", file=_ONCEFUNC)
    def run() -> Generator[Any, Any, None]:
        yield from _call(d)  # L101

    @gofunc("sync.OnceValues[...].func1", file=_ONCEFUNC)
    def get() -> Generator[Any, Any, Any]:
        once = d.once
        if once is None:
            once = d.once = Once((yield _RUNTIME))
        yield from once.do(run)  # L93
        return _outcome(d)

    return get
