"""The goroutine profile, in the text formats of Go's ``runtime/pprof``.

``debug=1`` is what ``/debug/pprof/goroutine?debug=1`` serves: a header
``goroutine profile: total N``, then one group per distinct stack, largest
group first, each ``COUNT @ PC PC ...`` followed by ``#`` lines for the
program's frames, columns aligned by Go's ``text/tabwriter``.

``debug=2`` is what ``?debug=2`` (and a crash) prints: every goroutine as
``goroutine 18 [chan send, 5 minutes]:``, its frames, and ``created by F in
goroutine N``. The minutes appear once a goroutine has waited a whole minute.

The ``goroutineleak`` profile (Go 1.27) has the same two forms: ``debug=1``
counts the leaked goroutines only (``goroutineleak profile: total N``);
``debug=2`` is every goroutine's stack, a leaked one headed
``goroutine 18 [chan send (leaked)]:`` (no minutes), the goroutine writing the
profile first with ``runtime/pprof``'s frames on top. Which goroutines have
leaked is decided in ``simlab.observe.leaks``.

Program counters are not real addresses: each frame gets a stable fake one
derived from its function and line, so that equal stacks group together and the
same run prints the same profile in any process.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..duration import Minute, format_duration
from . import goroutine as _g
from ._tabwriter import tabwrite
from .context import CancelCtx, Context
from .frames import (
    GOROOT_SRC,
    Frame,
    creator_frame,
    delegate,
    frame_of,
    goroutine_frames,
    panic_stack,
)

if TYPE_CHECKING:
    from .goroutine import Goroutine
    from .runtime import Runtime


# Library frames Go shows above the program's frames, per wait reason (Go 1.27's lines).
_LIBRARY_FRAMES: dict[str, tuple[Frame, ...]] = {
    _g.WAITGROUP_WAIT: (
        Frame("sync.runtime_SemacquireWaitGroup", f"{GOROOT_SRC}/runtime/sema.go", 114),
        Frame("sync.(*WaitGroup).Wait", f"{GOROOT_SRC}/sync/waitgroup.go", 206),
    ),
    _g.MUTEX_LOCK: (
        Frame("internal/sync.runtime_SemacquireMutex", f"{GOROOT_SRC}/runtime/sema.go", 95),
        Frame("internal/sync.(*Mutex).lockSlow", f"{GOROOT_SRC}/internal/sync/mutex.go", 149),
        Frame("internal/sync.(*Mutex).Lock", f"{GOROOT_SRC}/internal/sync/mutex.go", 70),
        Frame("sync.(*Mutex).Lock", f"{GOROOT_SRC}/sync/mutex.go", 46),
    ),
    _g.RWMUTEX_RLOCK: (
        Frame("sync.runtime_SemacquireRWMutexR", f"{GOROOT_SRC}/runtime/sema.go", 100),
        Frame("sync.(*RWMutex).RLock", f"{GOROOT_SRC}/sync/rwmutex.go", 74),
    ),
    _g.RWMUTEX_LOCK: (
        Frame("sync.runtime_SemacquireRWMutex", f"{GOROOT_SRC}/runtime/sema.go", 105),
        Frame("sync.(*RWMutex).Lock", f"{GOROOT_SRC}/sync/rwmutex.go", 155),
    ),
    _g.COND_WAIT: (
        Frame("sync.runtime_notifyListWait", f"{GOROOT_SRC}/runtime/sema.go", 617),
        Frame("sync.(*Cond).Wait", f"{GOROOT_SRC}/sync/cond.go", 71),
    ),
    _g.SLEEP: (Frame("time.Sleep", f"{GOROOT_SRC}/runtime/time.go", 368),),
    _g.IO_WAIT: (
        Frame("internal/poll.runtime_pollWait", f"{GOROOT_SRC}/runtime/netpoll.go", 351),
        Frame(
            "internal/poll.(*pollDesc).wait", f"{GOROOT_SRC}/internal/poll/fd_poll_runtime.go", 84
        ),
        Frame(
            "internal/poll.(*pollDesc).waitRead",
            f"{GOROOT_SRC}/internal/poll/fd_poll_runtime.go",
            89,
        ),
        Frame("internal/poll.(*FD).Read", f"{GOROOT_SRC}/internal/poll/fd_unix.go", 170),
        Frame("net.(*netFD).Read", f"{GOROOT_SRC}/net/fd_posix.go", 68),
        Frame("net.(*conn).Read", f"{GOROOT_SRC}/net/net.go", 196),
    ),
}

# Runtime frames Go hides from the listing but whose PCs head the `@` line.
_RUNTIME_FRAMES: dict[str, tuple[str, ...]] = {
    _g.CHAN_SEND: ("runtime.gopark", "runtime.chansend", "runtime.chansend1"),
    _g.CHAN_RECEIVE: ("runtime.gopark", "runtime.chanrecv", "runtime.chanrecv2"),
    _g.CHAN_SEND_NIL: ("runtime.gopark", "runtime.chansend", "runtime.chansend1"),
    _g.CHAN_RECEIVE_NIL: ("runtime.gopark", "runtime.chanrecv", "runtime.chanrecv1"),
    _g.SELECT: ("runtime.gopark", "runtime.selectgo"),
    _g.SELECT_NO_CASES: ("runtime.gopark", "runtime.block"),
    _g.WAITGROUP_WAIT: ("runtime.gopark", "runtime.goparkunlock", "runtime.semacquire1"),
    _g.MUTEX_LOCK: ("runtime.gopark", "runtime.goparkunlock", "runtime.semacquire1"),
    _g.SLEEP: ("runtime.gopark",),
    _g.IO_WAIT: ("runtime.gopark", "runtime.netpollblock"),
}


def _entry(func: str) -> int:
    return 0x401000 + (zlib.crc32(func.encode()) % 0xB0000) * 16


def _pc(func: str, line: int) -> int:
    """A stable fake return address for ``func`` stopped at ``line``."""
    return _entry(func) + 1 + zlib.crc32(f"{func}:{line}".encode()) % 0x3F0


def frames(g: Goroutine) -> list[Frame]:
    """Everything a Go traceback lists for ``g``: library frames, then the program's."""
    listed = list(_LIBRARY_FRAMES.get(g.wait_reason, ())) if g.state == _g.WAITING else []
    return listed + goroutine_frames(g)


def panic_dump(g: Goroutine, now: int, err: BaseException) -> str:
    """What Go prints for a panic (GOTRACEBACK=single): the panicking goroutine only."""
    stack = [_PANIC if s is None else frame_of(*s) for s in panic_stack(err)]
    return format_goroutine(g, now, running=True, stack=stack)


# Go's runtime frame under a deferred call that runs during a panic.
_PANIC = Frame("panic", f"{GOROOT_SRC}/runtime/panic.go", 859)

# What a goroutine writing the goroutineleak profile at debug=2 shows above its own frames.
_WRITE_LEAK_FRAMES = (
    Frame("runtime/pprof.writeGoroutineStacks", f"{GOROOT_SRC}/runtime/pprof/pprof.go", 816),
    Frame("runtime/pprof.writeGoroutineLeak", f"{GOROOT_SRC}/runtime/pprof/pprof.go", 803),
    Frame("runtime/pprof.(*Profile).WriteTo", f"{GOROOT_SRC}/runtime/pprof/pprof.go", 405),
)


def _status(g: Goroutine, now: int, running: bool, leaked: bool = False) -> str:
    if running:
        return "running"
    if leaked:
        return f"{g.wait_reason} (leaked)"  # Go counts no minutes for a leaked goroutine
    status = g.status()
    if g.state == _g.WAITING:
        minutes = (now - g.waiting_since) // Minute
        if minutes >= 1:
            status += f", {minutes} minutes"
    return status


def format_goroutine(
    g: Goroutine,
    now: int,
    running: bool = False,
    stack: list[Frame] | None = None,
    leaked: bool = False,
    contexts: bool = True,
    above: Sequence[Frame] = (),
) -> str:
    """One goroutine in ``debug=2`` form (``stack`` overrides its current frames,
    ``above`` goes over them: the library's frames where it failed), headed
    ``[wait reason (leaked)]`` if ``leaked``, followed (if ``contexts``) by the
    ancestry of the contexts it waits on or holds (simlab's addition: lines
    ``\tcontext ...``)."""
    lines = [f"goroutine {g.id} [{_status(g, now, running, leaked)}]:"]
    for f in [*above, *(frames(g) if stack is None else stack)]:
        lines += [f"{f.func}(...)", f"\t{f.file}:{f.line}"]
    creator = creator_frame(g)
    if creator is not None:
        where = f" in goroutine {g.created_in}" if g.created_in is not None else ""
        lines += [f"created by {creator.func}{where}", f"\t{creator.file}:{creator.line}"]
    if contexts:
        lines += context_lines(g, now)
    return "\n".join(lines) + "\n"


def _held_contexts(g: Goroutine) -> list[tuple[str, Context]]:
    """Contexts ``g`` waits on (their Done channel) or holds in a local variable."""
    seen: dict[int, tuple[str, Context]] = {}
    if g.state == _g.WAITING:
        for p in g.waiting_on():
            owner = getattr(p, "owner", None)
            if isinstance(owner, Context):
                seen.setdefault(id(owner), ("waits on", owner))
    gen: Any = g.gen
    while gen is not None and getattr(gen, "gi_frame", None) is not None:
        for name, value in gen.gi_frame.f_locals.items():
            if isinstance(value, Context) and value.cancellable:
                seen.setdefault(id(value), (f"holds {name}", value))
        gen = delegate(gen)
    return list(seen.values())


def describe_context(ctx: Context, now: int) -> str:
    """``readerCtx[c000]: WithCancel, live, cancel never called, created at L952``."""
    if not isinstance(ctx, CancelCtx):
        return ctx.label()
    parts = [ctx.kind]
    deadline, has = ctx.deadline()
    if ctx.err() is not None:
        parts.append(f"{ctx.err()} at {format_duration(ctx.cancelled_at or 0)}")
    else:
        parts.append("live")
    if has and ctx.kind == "WithDeadline":
        parts.append(f"deadline {format_duration(deadline)}")
    parts.append("cancel called" if ctx.cancel_called else "cancel never called")
    if ctx.created_at is not None:
        at = frame_of(*ctx.created_at)
        parts.append(f"created at {at.file}:{at.line}")
    return f"{ctx.label()}: " + ", ".join(parts)


def context_lines(g: Goroutine, now: int) -> list[str]:
    """One line per context the goroutine waits on or holds, with its parent chain."""
    out = []
    for how, ctx in _held_contexts(g):
        chain = " <- ".join(describe_context(c, now) for c in ctx.ancestry())
        out.append(f"\tcontext ({how}) {chain}")
    return out


def traceback_dump(
    rt: Runtime, first: Goroutine | None = None, running: bool = False, above: Sequence[Frame] = ()
) -> str:
    """Every program goroutine in ``debug=2`` form; ``first`` leads (``running`` if so),
    under ``above``, the library's frames where it failed."""
    now = rt.env._now
    parts = []
    if first is not None:
        parts.append(format_goroutine(first, now, running, above=above))
    for g in rt.goroutines():
        if g is not first:
            parts.append(format_goroutine(g, now, g.state == _g.RUNNING))
    return "\n".join(parts)


def goroutineleak_traceback(rt: Runtime, leaked: list[Goroutine]) -> str:
    """The ``goroutineleak`` profile at ``debug=2``: every program goroutine, ``leaked``
    ones marked ``(leaked)``; the running goroutine (the one writing the profile, if
    any) first, under ``runtime/pprof``'s frames, the others by id. No simlab
    ``context`` lines: this is Go's text."""
    now = rt.now
    ids = {g.id for g in leaked}
    current = rt.current
    parts = []
    if current is not None:
        stack = list(_WRITE_LEAK_FRAMES) + goroutine_frames(current)
        parts.append(format_goroutine(current, now, True, stack, contexts=False))
    for g in rt.goroutines():
        if g is not current:
            parts.append(format_goroutine(g, now, leaked=g.id in ids, contexts=False))
    return "\n".join(parts)


def _stack(g: Goroutine) -> tuple[list[int], list[tuple[Frame, int]]]:
    """The `@` line's PCs (hidden runtime frames included) and the listed frames with theirs."""
    hidden = _RUNTIME_FRAMES.get(g.wait_reason, ()) if g.state == _g.WAITING else ()
    shown = frames(g)
    if g.id == 1:
        shown.append(Frame("runtime.main", f"{GOROOT_SRC}/runtime/proc.go", 302))
    listed = [(f, _pc(f.func, f.line)) for f in shown]
    pcs = [_pc(name, 0) for name in hidden] + [pc for _, pc in listed]
    pcs.append(_pc("runtime.goexit", 1771))
    return pcs, listed


def count_profile(name: str, goroutines: list[Goroutine]) -> str:
    """A ``debug=1`` count profile (``goroutine``, ``goroutineleak``) of ``goroutines``."""
    groups: dict[str, list[Any]] = {}
    for g in goroutines:
        pcs, listed = _stack(g)
        key = "@" + "".join(f" {pc:#x}" for pc in pcs)
        if key in groups:
            groups[key][0] += 1
        else:
            groups[key] = [1, listed]
    order = sorted(groups, key=lambda k: (-groups[k][0], k))
    text = [f"{name} profile: total {len(goroutines)}\n"]
    for key in order:
        n, listed = groups[key]
        text.append(f"{n} {key}\n")
        for f, pc in listed:
            offset = pc - 1 - _entry(f.func)
            text.append(f"#\t{pc - 1:#x}\t{f.func}+{offset:#x}\t{f.file}:{f.line}\n")
        text.append("\n")
    return tabwrite("".join(text))


def goroutine_profile(rt: Runtime, debug: int = 1) -> str:
    """``pprof.Lookup("goroutine").WriteTo(w, debug)`` for ``debug`` 1 or 2."""
    if debug == 1:
        return count_profile("goroutine", rt.goroutines())
    if debug == 2:
        running = rt.current
        return traceback_dump(rt, first=running, running=running is not None)
    raise ValueError(f"debug must be 1 or 2, not {debug!r}")
