"""``golang.org/x/sync/errgroup``, as x/sync v0.20.0 has it.

A Group is a WaitGroup of goroutines that return an error (or None), the first of
which it keeps::

    from simlab.x import errgroup

    g, ctx = errgroup.with_context(parent)   # Go: g, ctx := errgroup.WithContext(parent)
    for url in urls:
        g.go(fetch, ctx, url)                # Go: g.Go(func() error { return fetch(ctx, url) })
    err = yield from g.wait()                # Go: err := g.Wait()

* ``g.go(f, *args)`` starts ``f(*args)`` in a new goroutine (``f`` a plain function
  or a generator function, returning an error or None). Without a limit it never
  blocks and the plain call is all it takes. After ``g.set_limit(n)``, Go's
  ``Go`` blocks (in ``chan send``) while ``n`` goroutines of the group are active,
  so ``g.go(...)`` then returns a generator that must be run with ``yield from
  g.go(...)``, which waits for a free slot and starts the goroutine; a limited
  ``g.go(...)`` that was never run is reported (a TypeError) by the group's next
  call. ``yield from g.go(...)`` is right in both cases.
* ``err = yield from g.wait()`` waits for every goroutine (``sync.WaitGroup.Wait``)
  and returns the first non-nil error. With ``with_context``, the first error
  cancels ``ctx`` with that error as its cause, and ``wait`` cancels it when it
  returns (cause Canceled if no error).
* ``g.try_go(f, *args)`` starts ``f`` only if the limit allows it now, and says so.
* ``errgroup.Group(rt)`` is Go's zero Group: no limit, no context.

A panic in ``f`` is not caught: as in x/sync since v0.16, it ends the program
from ``f``'s goroutine. The goroutines' frames print as Go's
(``golang.org/x/sync/errgroup.(*Group).Go.func1``, created by ``(*Group).Go``).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from inspect import GEN_CREATED, getgeneratorstate, isgenerator
from typing import Any

from ..errors import GoPanic
from ..go.chan import Chan
from ..go.context import Context, GoError, with_cancel_cause
from ..go.frames import gofunc
from ..go.runtime import Runtime
from ..go.sync import WaitGroup

FILE = "$GOPATH/pkg/mod/golang.org/x/sync@v0.20.0/errgroup/errgroup.go"
_GO = ("golang.org/x/sync/errgroup.(*Group).Go", FILE, 78)
_TRY_GO = ("golang.org/x/sync/errgroup.(*Group).TryGo", FILE, 119)
_STARTED: tuple[()] = ()


class Group:
    """An ``errgroup.Group``: ``g.go(f, *args)``, ``err = yield from g.wait()``,
    ``g.try_go(f, *args)``, ``g.set_limit(n)``."""

    __slots__ = ("_cancel", "_err", "_err_once", "_rt", "_sem", "_unstarted", "_wg", "id")

    def __init__(self, rt: Runtime) -> None:
        self._rt = rt
        self.id = rt.new_id()
        self._cancel: Callable[[GoError | None], None] | None = None
        self._wg = WaitGroup(rt)
        self._sem: Chan | None = None  # a token per active goroutine, when limited
        self._err_once = False
        self._err: Any = None
        self._unstarted: Generator[Any, Any, None] | None = None

    def go(self, f: Callable[..., Any], *args: Any, name: str | None = None) -> Iterable[Any]:
        """``g.Go(f)``: run ``f(*args)`` in a new goroutine of the group.

        Without a limit the goroutine has started when this returns. With one
        (``set_limit``), run it as ``yield from g.go(f, ...)``: it waits while the
        group is at its limit, then starts the goroutine. ``name`` names the
        goroutine in metrics (default: ``f``'s name).
        """
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        self._check()
        if self._sem is None:
            self._start(f, args, name, self._go_func1, _GO)
            return _STARTED
        gen = self._go_limited(f, args, name)
        self._unstarted = gen
        return gen

    @gofunc("golang.org/x/sync/errgroup.(*Group).Go", file=FILE)
    def _go_limited(
        self, f: Callable[..., Any], args: tuple[Any, ...], name: str | None
    ) -> Generator[Any, Any, None]:
        sem = self._sem
        if sem is not None:
            yield sem.send()  # L74
        self._start(f, args, name, self._go_func1, _GO)

    def try_go(self, f: Callable[..., Any], *args: Any, name: str | None = None) -> bool:
        """``g.TryGo(f)``: start ``f(*args)`` only if the group is below its limit now;
        whether it started."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        self._check()
        if self._sem is not None and not self._sem.try_send():
            return False
        self._start(f, args, name, self._try_go_func1, _TRY_GO)
        return True

    def set_limit(self, n: int) -> None:
        """``g.SetLimit(n)``: at most ``n`` active goroutines (negative: no limit; zero:
        no goroutine can be added). Panics if goroutines of the group are active."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        self._check()
        if n < 0:
            self._sem = None
            return
        active = len(self._sem) if self._sem is not None else 0
        if active != 0:
            raise GoPanic(
                f"errgroup: modify limit while {active} goroutines in the group are still active"
            )
        self._sem = self._rt.chan(n, name=f"{self.label()}.sem")

    @gofunc("golang.org/x/sync/errgroup.(*Group).Wait", file=FILE)
    def wait(self) -> Generator[Any, Any, Any]:
        """``g.Wait()``: ``err = yield from g.wait()``, the first non-nil error of the
        group's functions once they have all returned."""
        self._check()
        yield self._wg.wait()  # L56
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if self._cancel is not None:
            self._cancel(self._err)
        return self._err

    def label(self) -> str:
        return f"errgroup.Group#{self.id}"

    def __repr__(self) -> str:
        limit = f" limit={self._sem.cap}" if self._sem is not None else ""
        return f"<errgroup.Group #{self.id} active={self._wg.count}{limit} err={self._err!r}>"

    # --- the goroutines -----------------------------------------------------------

    def _check(self) -> None:
        gen = self._unstarted
        if gen is not None and getgeneratorstate(gen) == GEN_CREATED:
            self._unstarted = None
            raise TypeError(
                "errgroup: a g.go(...) of a group with a limit was never run: "
                "call it as `yield from g.go(...)` (it waits while the group is at its limit)"
            )

    def _start(
        self,
        f: Callable[..., Any],
        args: tuple[Any, ...],
        name: str | None,
        body: Callable[..., Generator[Any, Any, None]],
        created_at: tuple[str, str, int],
    ) -> None:
        self._wg.add(1)
        self._rt.spawn(
            body, (f, args), name or getattr(f, "__name__", "func"), created_at=created_at
        )

    @gofunc("golang.org/x/sync/errgroup.(*Group).Go.func1", file=FILE)
    def _go_func1(self, f: Callable[..., Any], args: tuple[Any, ...]) -> Generator[Any, Any, None]:
        err = f(*args)  # L93
        if isgenerator(err):
            err = yield from err  # L93
        if err is not None:
            self._error(err)
        yield from self._done()  # L101

    @gofunc("golang.org/x/sync/errgroup.(*Group).TryGo.func1", file=FILE)
    def _try_go_func1(
        self, f: Callable[..., Any], args: tuple[Any, ...]
    ) -> Generator[Any, Any, None]:
        err = f(*args)  # L122
        if isgenerator(err):
            err = yield from err  # L122
        if err is not None:
            self._error(err)
        yield from self._done()  # L130

    def _error(self, err: Any) -> None:
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if not self._err_once:  # g.errOnce.Do
            self._err_once = True
            self._err = err
            if self._cancel is not None:
                self._cancel(err)

    @gofunc("golang.org/x/sync/errgroup.(*Group).done", file=FILE)
    def _done(self) -> Generator[Any, Any, None]:
        sem = self._sem
        if sem is not None:
            yield sem.recv()  # L38
        self._wg.done()


def with_context(ctx: Context) -> tuple[Group, Context]:
    """``g, ctx := errgroup.WithContext(ctx)``: a Group and a context derived from
    ``ctx`` (``with_cancel_cause``) that is cancelled, with the error as its cause,
    the first time a function of the group returns an error, or when ``wait``
    returns, whichever comes first."""
    derived, cancel = with_cancel_cause(ctx, _depth=3)
    g = Group(ctx.runtime)
    g._cancel = cancel
    return g, derived
