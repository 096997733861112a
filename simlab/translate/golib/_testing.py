"""``testing`` and ``testing/synctest``: a Go test run as a program, as ``go test
-v`` runs it.
"""

from __future__ import annotations

import io
import re
import sys
import weakref
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from inspect import isgenerator
from types import FrameType
from typing import Any

import simlab as sl
from simlab.errors import Goexit, GoPanic
from simlab.go.goroutine import (
    MUTEX_LOCK,
    RWMUTEX_LOCK,
    RWMUTEX_RLOCK,
    SYNCTEST_WAIT,
    WAITING,
    Op,
)
from simlab.observe.leaks import durably_blocked

from ._fmt import _print, sprintf, sprintln
from ._numbers import duration_round
from ._panics import panic
from ._runstate import _binary, _state
from ._runtime import _AT_EXIT, exit, goexit, lookup_env, setenv, unsetenv
from ._strconv import is_print, quote_rune

_TIMEOUT = 10 * sl.Minute  # go test's default -timeout
_PARALLEL_CONFLICT = (
    "testing: test using t.Setenv, t.Chdir, or cryptotest.SetGlobalRandom can not use t.Parallel"
)


class _TestState:
    """What the tests of one run share, as go test's ``testState`` and its chatty
    printer: the test whose line was printed last (another's log line comes under
    a ``=== NAME`` line), and the count of tests running against ``-parallel``. The
    main test holds a place; a parallel test asks for one once its parent's function
    has returned, and waits for a place a finished test hands over."""

    __slots__ = ("deadline", "max_parallel", "running", "shown", "start_parallel", "waiting")

    def __init__(self, rt: Any, max_parallel: int) -> None:
        self.deadline = rt.now + _TIMEOUT  # go test's default -timeout, from the start
        self.max_parallel = max_parallel
        self.running = 1  # the main test, which runs the top-level tests in turn
        self.waiting = 0
        self.start_parallel = rt.chan(name="testState.startParallel")
        self.shown = ""

    def update(self, name: str, line: str) -> None:
        """A line of test ``name`` that needs no ``=== NAME`` line above it."""
        _print(line)
        self.shown = name

    @sl.gofunc("testing.(*testState).waitParallel")
    def wait_parallel(self) -> Generator[Any, Any, None]:
        if self.running < self.max_parallel:
            self.running += 1
            return
        self.waiting += 1
        yield self.start_parallel.recv()

    @sl.gofunc("testing.(*testState).release")
    def release(self) -> Generator[Any, Any, None]:
        if self.waiting == 0:
            self.running -= 1
            return
        self.waiting -= 1
        yield self.start_parallel.send(True)  # a waiting test takes the place


class T:
    """A ``*testing.T`` for a test ``simlab go-run`` runs (``--entry TestX``): what the
    test logs is written as ``go test -v`` writes it, ``    file.go:12: message``,
    at the Go line of the call (of its caller, for a function that called
    ``t.Helper()``), under a ``=== NAME`` line when another test printed last;
    ``Fatal`` and ``Skip`` end the test's goroutine (Goexit); ``t.Run`` runs a
    subtest in a goroutine of its own and waits for it to end or to call
    ``t.Parallel``; ``synctest_test`` runs a bubble."""

    __slots__ = (
        "_barrier",
        "_bubble",
        "_bubbled",
        "_cleanup_site",
        "_cleanups",
        "_context",
        "_deny_parallel",
        "_done",
        "_failed",
        "_finished",
        "_helpers",
        "_name",
        "_names",
        "_parallel",
        "_parent",
        "_results",
        "_rt",
        "_signal",
        "_skipped",
        "_start",
        "_state",
        "_subs",
        "_took",
    )

    def __init__(self, rt: Any, name: str, parent: T | None = None, max_parallel: int = 1) -> None:
        self._rt = rt
        self._name = name
        self._parent = parent  # None for the main test, whose subtests are the top-level tests
        self._state: _TestState = parent._state if parent else _TestState(rt, max_parallel)
        self._failed = False
        self._finished = False  # its function returned, or called FailNow or SkipNow
        self._done = False  # its function and its subtests have ended
        self._skipped = False
        self._parallel = False
        self._deny_parallel = False  # it called t.Setenv
        self._bubble = False  # inside synctest.Test
        # each cleanup, with where it was registered: the code and line of each caller
        self._cleanups: list[tuple[Callable[[], Any], list[tuple[Any, int]]]] = []
        self._cleanup_site: list[tuple[Any, int]] = []  # the running cleanup's
        self._context: tuple[Any, Any] | None = None  # t.Context() and its cancel
        self._helpers: set[Any] = set()
        self._names: dict[str, int] = {}  # each subtest name asked for: how many times
        self._results: list[str] = []  # the subtests' verdict lines, printed with ours
        self._subs: list[T] = []  # the parallel subtests, run once our function returns
        self._barrier = rt.chan(name="T.barrier")  # closed as our function returns
        self._signal = rt.chan(1, name="T.signal")  # to the parent: ended, or paused
        self._start = rt.now
        self._bubbled = 0  # nanoseconds spent in synctest bubbles: none on a wall clock
        self._took = 0  # the time it took: not that in bubbles, nor a parallel test's pause

    def name(self) -> str:
        return self._name

    def skipped(self) -> bool:
        return self._skipped

    def context(self) -> Any:
        """``t.Context()``: a context canceled just before the test's cleanups run."""
        if self._context is None:
            self._context = sl.with_cancel(self._rt.background())
        return self._context[0]

    def _report(self, text: str) -> None:
        frame = sys._getframe(2)
        while frame.f_back is not None and frame.f_code in self._helpers:
            frame = frame.f_back
        code, line = frame.f_code, frame.f_lineno
        if code is T._cleanup.__code__:
            # a cleanup that called t.Helper(): Go reports where it was registered,
            # its helpers passed over
            site = frame.f_locals["self"]._cleanup_site
            code, line = next(((c, n) for c, n in site if c not in self._helpers), site[-1])
        file, line = _deferred_site(frame, code, line)
        test = self  # where the line goes: the test, or its nearest parent still running
        while test._done and test._parent is not None:
            test = test._parent
        if test._done:
            raise GoPanic(f"Log in goroutine after {self._name} has completed: {text}")
        if test._parent is None and test is not self:
            return  # the main test's output, which go test -v never prints
        if self._state.shown != test._name:
            self._state.update(test._name, f"=== NAME  {test._name}")
        lines = text.removesuffix("\n").split("\n")
        rest = "".join("\n        " + line for line in lines[1:])
        sys.stdout.write(f"    {file}:{line}: {lines[0]}{rest}\n")

    def log(self, *args: Any) -> None:
        self._report(sprintln(*args))

    def logf(self, format: str, *args: Any) -> None:
        self._report(sprintf(format, *args))

    def error(self, *args: Any) -> None:
        self._report(sprintln(*args))
        self.fail()

    def errorf(self, format: str, *args: Any) -> None:
        self._report(sprintf(format, *args))
        self.fail()

    def fail(self) -> None:
        """``t.Fail()``: the test fails, and each test above it. A test that has
        completed panics (``Fail in goroutine after TestX/sub has completed``): a
        goroutine it left failed it too late, as Go's."""
        if self._parent is not None:
            self._parent.fail()
        if self._done:
            raise GoPanic(f"Fail in goroutine after {self._name} has completed")
        self._failed = True

    def failed(self) -> bool:
        return self._failed

    def fatal(self, *args: Any) -> Op:
        self._report(sprintln(*args))
        return self.fail_now()

    def fatalf(self, format: str, *args: Any) -> Op:
        self._report(sprintf(format, *args))
        return self.fail_now()

    def fail_now(self) -> Op:
        """Yield it: the test's goroutine ends, failed."""
        self.fail()
        self._finished = True
        return goexit()

    def skip(self, *args: Any) -> Op:
        self._report(sprintln(*args))
        return self.skip_now()

    def skipf(self, format: str, *args: Any) -> Op:
        self._report(sprintf(format, *args))
        return self.skip_now()

    def skip_now(self) -> Op:
        self._skipped = self._finished = True
        return goexit()

    def helper(self) -> None:
        """``t.Helper()``: lines are reported at this function's caller."""
        self._helpers.add(sys._getframe(1).f_code)

    def cleanup(self, f: Callable[[], Any]) -> None:
        self._cleanups.append((f, _callers(sys._getframe(1))))

    def deadline(self) -> tuple[int, bool]:
        """``t.Deadline()``: when go test's default ``-timeout`` of 10m, counted from
        the test binary's start, runs out, and true."""
        return self._state.deadline, True

    @sl.gofunc("testing.(*T).Setenv")
    def setenv(self, key: str, value: str) -> Generator[Any, Any, None]:
        """``t.Setenv(key, value)``: ``yield from`` it. ``os.Setenv``, the old value (or
        its absence) put back by a cleanup; a panic in a parallel test or below one,
        and the test's end (Fatal) for a key ``os.Setenv`` refuses."""
        node: T | None = self
        while node is not None:
            if node._parallel:
                raise GoPanic(_PARALLEL_CONFLICT)
            node = node._parent
        self._deny_parallel = True
        old, had = lookup_env(self._rt, key)
        err = setenv(self._rt, key, value)
        if err is not None:
            yield self.fatalf("cannot set environment variable: %v", err)
        if had:
            self._cleanups.append((lambda: setenv(self._rt, key, old), []))
        else:
            self._cleanups.append((lambda: unsetenv(self._rt, key), []))

    def run(self, name: str, f: Callable[[T], Any]) -> Generator[Any, Any, bool]:
        """``t.Run(name, f)``: ``yield from`` it for whether the subtest passed (true
        for one that paused in ``t.Parallel``). Its name is Go's: spaces made
        underscores, an empty name ``#00``, a repeated name numbered ``#01``,
        ``#02``, the next number tried while one is a name given before (``a#01``,
        ``a``, ``a`` run as ``a#01``, ``a``, ``a#02``), and a name given as such a
        number already used numbered again (``a``, ``a``, ``a#01``: ``a#01#01``)."""
        if self._bubble:
            raise GoPanic("testing: t.Run called inside synctest bubble")
        sub = T(self._rt, f"{self._name}/{self._unique(name)}", self)
        yield from _run(sub, f)
        return not sub._failed

    def _unique(self, asked: str) -> str:
        """The name of a subtest ``t.Run`` was given ``asked`` for, as Go's matcher
        makes it unique among its parent's."""
        base = "".join(map(_name_char, asked))
        while True:
            n = self._names.get(base, 0)
            self._names[base] = n + 1
            if n == 0 and base != "":
                numbered = _repeat_number(base)
                if numbered is not None and numbered[1] < self._names.get(numbered[0], 0):
                    continue  # base is the name Go gave a repeat of numbered[0] already
                return base
            name = f"{base}#{n:02d}"
            if self._names.get(name, 0) == 0:  # no subtest was given it as its name
                return name

    @sl.gofunc("testing.(*T).Parallel")
    def parallel(self) -> Generator[Any, Any, None]:
        """``t.Parallel()``: ``yield from`` it. The test pauses (``t.Run`` returns to its
        parent) until the parent's function has returned (the main test's: every
        top-level test has run or paused), then waits for a place among the
        ``-parallel`` tests that may run at once, and goes on."""
        if self._parallel:
            raise GoPanic("testing: t.Parallel called multiple times")
        if self._bubble:
            raise GoPanic("testing: t.Parallel called inside synctest bubble")
        if self._deny_parallel:
            raise GoPanic(_PARALLEL_CONFLICT)
        parent, state = self._parent, self._state
        assert parent is not None, "the main test is never parallel"
        self._parallel = True
        self._took += self._lap()  # a pause is not the test's time
        parent._subs.append(self)
        state.update(self._name, f"=== PAUSE {self._name}")
        self._running(False)
        yield self._signal.send(True)
        yield parent._barrier.recv()
        yield from state.wait_parallel()
        state.update(self._name, f"=== CONT  {self._name}")
        self._running(True)
        self._lap()

    def _running(self, running: bool) -> None:
        """The test starts or goes on (``running``), or pauses or ends: the tests the
        alarm of go test's binary names as it fires."""
        binary = _binary(self._rt)
        if binary is None:
            return
        if running:
            binary.running[self._name] = self
        else:
            binary.running.pop(self._name, None)

    def _in_bubble(self, ns: int) -> None:
        """The test, or a subtest of it, spent ``ns`` in a synctest bubble: none of it
        on the wall clock, the test's nor its parents' nor the test binary's."""
        t: T | None = self
        while t is not None:
            t._bubbled += ns
            t = t._parent
        binary = _binary(self._rt)
        if binary is not None:
            binary.bubbled += ns
            binary.bubbles.pop(self._name, None)

    def _lap(self) -> int:
        """Nanoseconds since the test (re)started, as go test -v counts them: what ran in
        a synctest bubble took no time on the wall clock. Starts the next lap."""
        lap = max(0, self._rt.now - self._start - self._bubbled)
        self._start, self._bubbled = self._rt.now, 0
        return lap

    def _elapsed(self) -> int:
        """The test's nanoseconds so far (for the verdicts printed as a panic ends it)."""
        return self._took + max(0, self._rt.now - self._start - self._bubbled)

    def _cleanup(self) -> Generator[Any, Any, None]:
        """The cleanups, last added first. One that calls ``t.FailNow`` or ``t.SkipNow``
        (or ``runtime.Goexit``) ends there and the next runs, as Go's; one that panics
        lets the rest run too, then its panic goes on (the last, if several did)."""
        if self._context is not None:
            self._context[1]()  # canceled before the cleanups, as Go's
        panicked: GoPanic | None = None
        while self._cleanups:
            f, self._cleanup_site = self._cleanups.pop()
            try:
                ran = f()
                if isgenerator(ran):
                    yield from ran
            except Goexit:
                continue  # the test's verdict is as FailNow or SkipNow left it
            except GoPanic as err:
                panicked = err
        if panicked is not None:
            raise panicked

    def _run_parallel_subtests(self) -> Generator[Any, Any, None]:
        """As tRunner does once a test's function has returned: give up our place,
        let the parallel subtests go on, and wait for each to end."""
        yield from self._state.release()
        self._barrier.close()
        for sub in self._subs:
            yield sub._signal.recv()

    def _verdict(self) -> list[str]:
        """Go's verdict lines: ours, then each subtest's indented below it, in the
        order they ended."""
        word = "FAIL" if self._failed else "SKIP" if self._skipped else "PASS"
        head = f"--- {word}: {self._name} ({self._took / 1e9:.2f}s)"
        return [head, *("    " + line for line in self._results)]


class F(T):
    """A ``*testing.F`` for a fuzz target as ``go test -v`` runs it without ``-fuzz``:
    ``f.Fuzz`` runs the fuzz function on each input ``f.Add`` gave (the seed corpus),
    each a subtest named ``seed#0``, ``seed#1``, ... in a goroutine of its own, as
    ``t.Run`` runs one; the target is otherwise a test, with ``f.Log``,
    ``f.Cleanup``..."""

    __slots__ = ("_corpus", "_fuzzed")

    def __init__(self, rt: Any, name: str, parent: T | None = None) -> None:
        super().__init__(rt, name, parent)
        self._corpus: list[tuple[Any, ...]] = []
        self._fuzzed = False

    def add(self, *args: Any) -> None:
        """``f.Add(args...)``: one input of the seed corpus."""
        self._corpus.append(args)

    @sl.gofunc("testing.(*F).Fuzz")
    def fuzz(self, ff: Callable[..., Any]) -> Generator[Any, Any, None]:
        """``f.Fuzz(ff)``: ``yield from`` it. ``ff(t, args...)`` on each seed input, in
        the order added, each a subtest that must end before the next starts."""
        if self._fuzzed:
            raise GoPanic("testing: F.Fuzz called more than once")
        self._fuzzed = True
        if self._failed:
            return
        for i, values in enumerate(self._corpus):

            def seed(t: T, values: tuple[Any, ...] = values) -> Any:
                return ff(t, *values)

            yield from _run(T(self._rt, f"{self._name}/seed#{i}", self), seed)


def _deferred_site(frame: FrameType, code: Any, line: int) -> tuple[str, int]:
    """The file and line a Log reports for its caller ``frame`` at ``line``. A call
    deferred as it stands (``defer t.Log(x)``) while its function unwinds is made
    by the runtime: after ``runtime.Goexit`` (``t.Fatal``, ``t.Skip``) it is Go
    1.27's ``panic.go:694``, where Goexit runs the deferred calls; during a panic,
    the line that panicked (testing passes over ``runtime.gopanic``)."""
    from simlab.go.frames import frame_of, go_frame

    at = frame_of(code, line)
    exc = sys.exception()
    tb = exc.__traceback__ if exc is not None else None
    while tb is not None and tb.tb_frame is not frame:
        tb = tb.tb_next
    if tb is not None and isinstance(exc, Goexit):
        return "panic.go", 694
    while tb is not None:  # the innermost function of the program the panic left
        at = go_frame(tb.tb_frame.f_code, tb.tb_lineno) or at
        tb = tb.tb_next
    return at.file.rsplit("/", 1)[-1], at.line


def _callers(frame: FrameType | None) -> list[tuple[Any, int]]:
    """The code and line of ``frame`` and of each frame that called it."""
    site = []
    while frame is not None:
        site.append((frame.f_code, frame.f_lineno))
        frame = frame.f_back
    return site


def _call(t: T, test: Callable[[T], Any], bubble: bool = False) -> Generator[Any, Any, None]:
    """``test(t)``. If it panics: as tRunner's deferred call does, the test fails and
    its cleanups run; then, from it up to its top-level test, each one's ``--- FAIL``
    goes to its parent (printed, for a top-level test, with its subtests' below) and
    the parent's cleanups run; and the panic is raised again (``[recovered,
    repanicked]``) to end the program. In a synctest ``bubble``'s goroutine, whose
    test is Go's bubble's own, no ``--- FAIL`` line is printed, as go test prints
    none there."""
    try:
        ran = test(t)
        if isgenerator(ran):
            yield from ran
        t._finished = True
    except GoPanic as err:
        err.repanicked = True  # tRunner recovers the panic and panics again with it
        t._failed = True
        if bubble:
            raise  # the bubble's cleanups run as its goroutine ends
        yield from _crash(t, err)


def _crash(t: T, err: GoPanic) -> Generator[Any, Any, None]:
    """As tRunner does with a panic it recovered: the test fails and its cleanups
    left run; then, up to its top-level test, each one's ``--- FAIL`` goes to its
    parent (printed, for a top-level test, with its subtests' below) and the
    parent's cleanups run; then ``err`` is raised, to end the program."""
    t._failed = True
    yield from t._cleanup()
    node = t
    while node._parent is not None:
        parent = node._parent
        node._failed, node._took = True, node._elapsed()
        if parent._parent is None:
            for line in node._verdict():
                node._state.update(node._name, line)
            break
        parent._results += node._verdict()
        yield from parent._cleanup()
        node = parent
    raise err


@sl.gofunc("testing.tRunner")
def _t_runner(t: T, test: Callable[[T], Any]) -> Generator[Any, Any, None]:
    exited = False
    try:
        yield from _call(t, test)
    except Goexit:  # t.FailNow, t.SkipNow: the rest is tRunner's
        exited = not t._finished
    if exited and not any(p._finished for p in _parents(t)):
        # runtime.Goexit called by the test itself: tRunner fails it and panics
        yield from _crash(t, GoPanic(_NIL_PANIC_OR_GOEXIT))
    state = t._state
    if t._subs:  # the function's time, the subtests' not, the cleanups' again
        t._took += t._lap()
        yield from t._run_parallel_subtests()
        t._lap()
        yield from _cleanup_or_crash(t)
        t._took += t._lap()
        if not t._parallel:
            yield from state.wait_parallel()
    else:
        yield from _cleanup_or_crash(t)
        t._took += t._lap()
        if t._parallel:
            yield from state.release()
    parent = t._parent
    assert parent is not None, "the main test runs in run_tests"
    parent._failed = parent._failed or t._failed
    if parent._parent is not None:
        parent._results += t._verdict()  # printed below the parent's, as it ends
    elif t._parallel:
        for line in t._verdict():
            state.update(t._name, line)
    # a sequential top-level test's verdict is printed by run_tests, once what the
    # test left running has settled
    t._running(False)
    t._done = True
    yield t._signal.send(True)


# The runes go test's matcher writes as _ in a subtest's name: ASCII's spaces,
# NEL, NBSP, Ogham's space mark, U+2000 to U+200A and the line, paragraph,
# narrow, medium mathematical and ideographic spaces (not Unicode's Z class).
_NAME_SPACES = frozenset("\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000")


def _name_char(c: str) -> str:
    """One rune of a subtest's name as go test rewrites it: a space as ``_``, a rune
    strconv does not print as its quoted escape (``\\x01``, ``\\u200b``)."""
    if c in _NAME_SPACES or "\u2000" <= c <= "\u200a":
        return "_"
    if not is_print(ord(c)):
        return quote_rune(ord(c))[1:-1]
    return c


def _repeat_number(name: str) -> tuple[str, int] | None:
    """``("a", 2)`` for a subtest name ``a#02``, as Go numbers the repeats of ``a``;
    None for a name no repeat could have (``a#2``, ``a#002``; ``#00`` is the first
    empty name's, but ``a#00`` no one's)."""
    prefix, hash_, suffix = name.rpartition("#")
    if not hash_ or len(suffix) < 2 or (len(suffix) > 2 and suffix[0] == "0"):
        return None
    if suffix == "00" and prefix != "":
        return None
    if re.fullmatch(r"[+-]?[0-9]+", suffix) is None:
        return None
    n = int(suffix)
    return (prefix, n) if 0 <= n < 2**31 else None


def _parents(t: T) -> Generator[T, None, None]:
    while t._parent is not None:
        t = t._parent
        yield t


def _cleanup_or_crash(t: T) -> Generator[Any, Any, None]:
    """The test's cleanups once its function has ended; a panic in one (the others
    run) fails the test and ends the program as a panic in the test does."""
    try:
        yield from t._cleanup()
    except GoPanic as err:
        err.repanicked = True
        yield from _crash(t, err)


def _ancestry(name: str) -> list[str]:
    """TestA, TestA/b, TestA/b/c for TestA/b/c."""
    parts = name.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


_NIL_PANIC_OR_GOEXIT = "test executed panic(nil) or runtime.Goexit"
_BUBBLE_DEADLOCK = "deadlock: main bubble goroutine has exited but blocked goroutines remain"
_BUBBLE_BLOCKED = "deadlock: all goroutines in bubble are blocked"


def synctest_test(t: T, f: Callable[[T], Any]) -> Generator[Any, Any, None]:
    """``synctest.Test(t, f)``: ``yield from`` it. ``f`` runs in a goroutine of its own,
    the bubble (a run's clock is fake already); Test returns once every goroutine
    started since has exited, the clock moving on while some sleep. If all that are
    left are durably blocked, Go panics, as here; and once ``f`` has returned the
    bubble's time stops, so that one still asleep then is blocked for good too.
    Time in the bubble is not the test's wall time: ``go test -v`` prints it as
    none. ``f``'s T is Go's new one, of the same name: its own ``Failed`` and
    ``Skipped`` (a Skip ends only ``f``), and a failure in it fails ``t`` at once,
    as ``t.FailNow`` would."""
    rt = t._rt
    if t._bubble:
        raise GoPanic("synctest.Run called from within a synctest bubble")
    failed, skipped, finished = t._failed, t._skipped, t._finished
    t._failed = t._skipped = t._finished = False  # f's T's
    start, before, done = rt.now, {g.id for g in rt.goroutines()}, rt.chan()
    outside, t._cleanups = t._cleanups, []  # f's cleanups run in the bubble, as it ends
    t._bubble = True
    binary = _binary(rt)
    if binary is not None:
        binary.bubbles[t._name] = start  # the alarm does not count it
    made_before = rt.new_id()  # the bubble's timers are those made after it
    rt.go(_bubble, t, f, done, name="testing/synctest.Test")
    while not done.closed:  # f still running: the bubble's main goroutine
        yield rt.wait_idle()
        left = [g for g in rt.goroutines() if g.id not in before]
        if done.closed:
            break
        if (
            left
            and all(durably_blocked(g).flagged for g in left)
            and not any(  # an AfterFunc's f runs in a new goroutine, which may wake them
                t.always_wakes and t.id > made_before for t in rt.timer_table.armed()
            )
        ) and not (binary is not None and _hangs(left)):
            t._in_bubble(rt.now - start)  # the bubble's time is none on the wall clock
            raise GoPanic(_BUBBLE_BLOCKED)
        if any(g.state != WAITING or g.wait_reason == SYNCTEST_WAIT for g in left):
            yield rt.gosched()  # a synctest.Wait of the bubble returns at this instant too
        elif binary is not None and _hangs(left):
            binary.hang()
            while True:
                yield rt.gosched()  # the alarm fires at this instant
        else:
            yield rt.sleep(max(1, int(rt.env.peek()) - rt.now))  # to the next timer
    t._cleanups, t._bubble = outside, False
    while True:  # the bubble's time stops once f has returned: no timer fires
        yield rt.wait_idle()
        left = [g for g in rt.goroutines() if g.id not in before]
        if not left:
            break
        if all(g.state == WAITING for g in left):
            t._in_bubble(rt.now - start)
            raise GoPanic(_BUBBLE_DEADLOCK)
        yield rt.gosched()
    t._in_bubble(rt.now - start)
    failed_in_bubble = t._failed
    t._failed, t._skipped, t._finished = failed or failed_in_bubble, skipped, finished
    if failed_in_bubble:
        yield t.fail_now()


def _hangs(left: list[Any]) -> bool:
    """Go moves a bubble's clock on, or finds its goroutines deadlocked, only once
    every one of them is durably blocked, and one waiting to lock a sync.Mutex or
    RWMutex is not: with nothing else to run, the bubble is stuck, and the test
    binary hangs until go test's ``-timeout``."""
    return any(g.wait_reason in _NOT_DURABLE for g in left)


@sl.gofunc("testing.tRunner")
def _bubble(t: T, f: Callable[[T], Any], done: sl.Chan) -> Generator[Any, Any, None]:
    """The bubble's goroutine: ``f(t)``, then its cleanups, however it ends."""
    try:
        yield from _call(t, f, bubble=True)
    finally:
        yield from t._cleanup()
        done.close()


@sl.gofunc("testing.(*T).Run")
def _run(t: T, test: Callable[[T], Any]) -> Generator[Any, Any, None]:
    """Run ``test`` in a goroutine of its own, as ``testing.tRunner`` does, and wait
    for it to end or to pause in ``t.Parallel``."""
    t._state.update(t._name, f"=== RUN   {t._name}")
    t._lap()
    t._running(True)
    t._rt.go(_t_runner, t, test, name="testing.tRunner")
    yield t._signal.recv()


@sl.gofunc("testing.runExample")
def _run_example(
    rt: Any, name: str, example: Callable[[], Any], want: str, unordered: bool
) -> Generator[Any, Any, bool]:
    """Run an Example as go test does: what it prints while it runs is captured and
    compared with its output comment (``want``, the comment's text after ``Output:``),
    both trimmed (their lines sorted if unordered). An example that panics fails,
    what it printed unshown, and its panic ends the run, ``[recovered,
    repanicked]``; one that calls ``runtime.Goexit`` fails and panics with Go's
    ``test executed panic(nil) or runtime.Goexit``."""
    _print(f"=== RUN   {name}")
    start, done, printed = rt.now, rt.chan(), io.StringIO()
    shown = sys.stdout

    def verdict(panicked: bool, finished: bool) -> bool:
        sys.stdout = shown
        raw = printed.getvalue()
        got, trimmed = raw.strip(), want.strip()
        lines = sorted if unordered else list
        same = panicked or lines(got.split("\n")) == lines(trimmed.split("\n"))
        passed = same and finished and not panicked
        _print(f"--- {'PASS' if passed else 'FAIL'}: {name} ({(rt.now - start) / 1e9:.2f}s)")
        if not same and unordered:  # what was printed and the comment's text, untrimmed
            _print(f"got:\n{raw}\nwant (unordered):\n{want}")
        elif not same:
            _print(f"got:\n{got}\nwant:\n{trimmed}")
        return passed

    @sl.gofunc("testing.runExample.func1")
    def runner() -> Generator[Any, Any, None]:
        try:
            ran = example()
            if isgenerator(ran):
                yield from ran
        except GoPanic as err:
            verdict(panicked=True, finished=False)
            err.repanicked = True  # go test recovers it, fails the example, panics again
            raise
        except Goexit:
            verdict(panicked=False, finished=False)
            raise GoPanic(_NIL_PANIC_OR_GOEXIT) from None
        finally:
            done.close()

    sys.stdout = printed
    try:
        rt.go(runner, name="testing.runExample")
        yield done.recv()
    finally:
        sys.stdout = shown
    return verdict(panicked=False, finished=True)


def run_test(
    test: Callable[[T], Any], name: str, parallel: int = 1
) -> Callable[[Any], Generator[Any, Any, None]]:
    """A main that runs ``test`` as ``go test -v -run '^name$'`` would: in a goroutine
    of its own (``t.Fatal`` ends it, not the program), its cleanups last-added first;
    once every goroutine it left is blocked or asleep, ``--- PASS``, ``--- FAIL`` or
    ``--- SKIP`` with the simulated time the test took, its subtests' below; a failed
    test exits with status 1, as the test binary does."""
    return run_tests([(name, test)], summary=False, parallel=parallel)


def run_tests(
    tests: list[tuple[str, Callable[[T], Any]]],
    summary: bool = True,
    examples: Sequence[tuple[str, Callable[[], Any], str, bool]] = (),
    parallel: int = 1,
    package: str = "command-line-arguments",
    fuzz_targets: Sequence[tuple[str, Callable[[F], Any]]] = (),
) -> Callable[[Any], Generator[Any, Any, None]]:
    """A main that runs ``tests`` one after another, as ``go test -v`` runs a file's
    (each as :func:`run_test` does; what one leaves running stays for the next), then
    those that paused in ``t.Parallel``, at most ``parallel`` at a time (``go test
    -parallel``, whose default is GOMAXPROCS: 1 in simlab), then the
    ``fuzz_targets`` on their seed corpus (:class:`F`), then the ``examples``
    (name, function, documented output, whether its lines may come in any order),
    then ``PASS`` or ``FAIL`` as the test binary ends and go test's line for the
    ``package`` (``ok  \tprobe/cache\t0.150s``, the simulated time the tests took),
    exiting with status 1 on a failure."""

    def main(rt: Any) -> Generator[Any, Any, None]:
        if summary:
            _TEST_PACKAGE[rt] = package
            # a test that calls os.Exit ends the binary: go test's line still follows
            _AT_EXIT[rt] = lambda code: _print(_package_line(rt, package, code != 0))
        failed = yield from _test_binary(
            rt, tests, summary, examples, parallel, package, fuzz_targets
        )
        if failed:
            yield exit(1)  # as the test binary exits: a failed test fails the run

    return main


class M:
    """The ``*testing.M`` that go test hands a test file's ``TestMain``: ``m.Run()``
    runs the tests as :func:`run_tests` does, prints ``PASS`` or ``FAIL`` and returns
    the exit code, which ``TestMain`` gives ``os.Exit``; go test's line for the
    package follows as the program exits (:func:`test_main`)."""

    __slots__ = ("_examples", "_fuzz", "_package", "_parallel", "_rt", "_tests", "code")

    def __init__(
        self,
        rt: Any,
        tests: list[tuple[str, Callable[[T], Any]]],
        examples: Sequence[tuple[str, Callable[[], Any], str, bool]],
        parallel: int,
        package: str,
        fuzz_targets: Sequence[tuple[str, Callable[[F], Any]]] = (),
    ) -> None:
        self._rt, self._tests, self._examples = rt, tests, examples
        self._parallel, self._package, self._fuzz = parallel, package, fuzz_targets
        self.code = 0

    def run(self) -> Generator[Any, Any, int]:
        _AT_EXIT[self._rt] = self._end
        _TEST_PACKAGE[self._rt] = self._package
        failed = yield from _test_binary(
            self._rt, self._tests, True, self._examples, self._parallel, None, self._fuzz
        )
        self.code = 1 if failed else 0
        return self.code

    def _end(self, code: int) -> None:
        """go test's line for the package, as the test binary exits with ``code``."""
        _print(_package_line(self._rt, self._package, code != 0))


# the package of a run's test binary, whose line go test prints as the binary ends
_TEST_PACKAGE: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def _package_line(rt: Any, package: str, failed: bool) -> str:
    """go test's line for the package as its test binary ends, the time the run's
    simulated time but what synctest bubbles took, which is none on the wall clock:
    ``ok  \tpkg\t0.150s``, or ``FAIL\tpkg\t0.150s`` and ``FAIL``."""
    state = _state(rt)
    hung = state.binary.hung if state.binary is not None else 0  # a stuck bubble's wait
    took = f"{(rt.now - state.bubbled + hung) / 1e9:.3f}s"
    return f"FAIL\t{package}\t{took}\nFAIL" if failed else f"ok  \t{package}\t{took}"


def crashed_test_binary(rt: Any) -> str | None:
    """What go test prints after the dump of a test binary that a panic or a fatal
    error ended: its ``FAIL`` line for the package, then ``FAIL``; None if the run
    was no test binary's (a program's main, or one test run by ``--entry``)."""
    package = _TEST_PACKAGE.get(rt)
    return None if package is None else _package_line(rt, package, True)


def test_main(m: M, main: Callable[[M], Any]) -> Generator[Any, Any, None]:
    """go test's call of a test file's ``TestMain(m)``; if it returns, the test binary
    exits with the code of ``m.Run()`` (0 if it never called it), as Go's does, and
    go test's line for the package follows however the binary exits."""
    _AT_EXIT[m._rt] = m._end
    _TEST_PACKAGE[m._rt] = m._package
    ran = main(m)
    if isgenerator(ran):
        yield from ran
    yield exit(m.code)


TEST_TIMEOUT = 10 * sl.Minute  # go test's default -timeout

# waits that do not block a goroutine durably in a synctest bubble, by Go's rule
_NOT_DURABLE = frozenset({MUTEX_LOCK, RWMUTEX_LOCK, RWMUTEX_RLOCK})


@dataclass
class TestBinary:
    """What go test's binary keeps while its tests run: the ``-timeout`` alarm,
    the tests running (by name), and the time spent in synctest bubbles, which is
    none on the wall clock the alarm counts (``bubbles``: the start of each that
    is running, by its test's name)."""

    rt: Any
    start: int
    alarm: Any = None
    running: dict[str, T] = field(default_factory=dict)
    bubbled: int = 0
    bubbles: dict[str, int] = field(default_factory=dict)
    hung: int = 0

    def wall(self) -> int:
        """The nanoseconds the binary has run on the wall clock."""
        return self.rt.now - self.start - self.in_bubbles() + self.hung

    def in_bubbles(self) -> int:
        """The nanoseconds its synctest bubbles have taken, those running too."""
        now = self.rt.now
        return self.bubbled + sum(now - s for s in self.bubbles.values())

    def arm(self, d: int) -> None:
        self.alarm = self.rt.after_func(d, _alarm, self, name="testing.(*M).startAlarm.func1")

    def hang(self) -> None:
        """A test hangs for good (a synctest bubble whose clock cannot move on): the
        alarm fires now, as it would once the rest of ``-timeout`` had gone by on
        the wall clock (``hung``, added to every test's time)."""
        self.hung = max(0, TEST_TIMEOUT - self.wall())
        if self.alarm is not None:
            self.alarm.stop()
        self.arm(0)


def bubble_time(rt: Any) -> int:
    """The nanoseconds of ``rt``'s run spent in synctest bubbles: fake time, which go
    test's alarm does not count, nor ``go-run``'s ``--until``."""
    binary = _binary(rt)
    return _state(rt).bubbled if binary is None else binary.in_bubbles()


@sl.gofunc("testing.(*M).startAlarm.func1")
def _alarm(binary: TestBinary) -> None:
    """go test's alarm: the test binary panics once it has run ``-timeout`` on the
    wall clock, naming the tests running; time in a bubble puts it off."""
    wall = binary.wall()
    if wall < TEST_TIMEOUT:
        binary.arm(TEST_TIMEOUT - wall)
        return
    running = sorted(
        f"{name} ({sl.format_duration(duration_round(t._elapsed() + binary.hung, 1_000_000_000))})"
        for name, t in binary.running.items()
    )
    listed = "".join("\n\t" + r for r in running)
    panic(
        f"test timed out after {sl.format_duration(TEST_TIMEOUT)}"
        + ("\nrunning tests:" + listed if running else "")
    )


def _test_binary(
    rt: Any,
    tests: list[tuple[str, Callable[[T], Any]]],
    summary: bool,
    examples: Sequence[tuple[str, Callable[[], Any], str, bool]],
    parallel: int,
    package: str | None,
    fuzz_targets: Sequence[tuple[str, Callable[[F], Any]]] = (),
) -> Generator[Any, Any, bool]:
    """The tests, then the fuzz targets, then the examples, then ``PASS`` or ``FAIL``
    and (given the ``package``) go test's line for it; whether any failed."""
    failed = False
    binary = _state(rt).binary = TestBinary(rt, rt.now)
    binary.arm(TEST_TIMEOUT)
    if summary and not (tests or fuzz_targets or examples):
        _print("testing: warning: no tests to run")
    # go test's main test for the tests, and another for the fuzz targets
    runs: list[tuple[Sequence[tuple[str, Callable[[Any], Any]]], type[T]]]
    runs = [(tests, T), (fuzz_targets, F)]
    for targets, kind in runs:
        if not targets:
            continue
        root = T(rt, "", max_parallel=parallel)
        for name, test in targets:
            t = kind(rt, name, root)
            yield from _run(t, test)
            if not t._parallel:
                yield rt.wait_idle()  # what the test left running settles, as synctest.Wait lets it
                for line in t._verdict():
                    root._state.update(name, line)
        if root._subs:
            yield from root._run_parallel_subtests()
            yield rt.wait_idle()
        failed = failed or root._failed
    for name, example, want, unordered in examples:
        passed = yield from _run_example(rt, name, example, want, unordered)
        failed = failed or not passed
    binary.alarm.stop()
    _state(rt).binary, _state(rt).bubbled = None, binary.bubbled
    if summary:
        _print("FAIL" if failed else "PASS")
    if summary and package is not None:
        _AT_EXIT.pop(rt, None)  # the line is printed here, not as the binary exits
        none = "" if tests or fuzz_targets or examples else " [no tests to run]"
        _print(_package_line(rt, package, bool(failed)) + none)
    return bool(failed)
