"""``runtime``, ``os`` and the world outside: ``runtime.Goexit``, ``GC``,
``GOMAXPROCS`` and ``NumGoroutine``, ``os.Exit``, the environment (``os.Getenv``,
``os.Expand``...), ``io/fs``'s ``FileMode``,
``runtime/pprof``'s profiles, ``math/rand``, ``net.DialUDP`` and ``syscall``'s
signals as values.
"""

from __future__ import annotations

import os
import sys
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import simlab as sl
from simlab.errors import Goexit, GoPanic, SimlabError
from simlab.go.goroutine import Goroutine, Op

from ._errors import AddrError, new_error
from ._io import _writer, stdout
from ._runstate import _binary, _state


class Signal(int):
    """A ``syscall.Signal`` (``os.Interrupt`` is ``Signal(2)``), an ``os.Signal``
    that fmt prints by its ``String`` method: ``terminated``, as Linux names it."""

    go_name = "syscall.Signal"

    def String(self) -> str:
        if 0 < self <= len(_SIGNALS):
            return _SIGNALS[self - 1]
        return f"signal {int(self)}"

    def Signal(self) -> None:
        """The ``os.Signal`` interface's marker method."""


_SIGNALS = (
    "hangup", "interrupt", "quit", "illegal instruction", "trace/breakpoint trap", "aborted",
    "bus error", "floating point exception", "killed", "user defined signal 1",
    "segmentation fault", "user defined signal 2", "broken pipe", "alarm clock", "terminated",
    "stack fault", "child exited", "continued", "stopped (signal)", "stopped",
    "stopped (tty input)", "stopped (tty output)", "urgent I/O condition",
    "CPU time limit exceeded", "file size limit exceeded", "virtual timer expired",
    "profiling timer expired", "window changed", "I/O possible", "power failure",
    "bad system call",
)  # fmt: skip


def _env(rt: Any) -> dict[str, str]:
    state = _state(rt)
    if state.env is None:
        state.env = dict(os.environ)
    return state.env


def os_args(rt: Any) -> list[str]:
    """``os.Args``: a run takes no arguments, so the name of the program alone,
    ``main`` (Go's is the path of the binary go run built, ``.../exe/main``, which
    differs from run to run)."""
    state = _state(rt)
    if state.args is None:
        state.args = ["main"]
    return state.args


def flag_parse() -> None:
    """``flag.Parse()``: of no arguments, as a run has none; every flag keeps its
    default."""


def expand(s: str, mapping: Callable[[str], str]) -> str:
    """``os.Expand``: each ``$name`` and ``${name}`` in ``s`` replaced by
    ``mapping(name)``, as Go's shell-like rules read them: a name of letters, digits
    and ``_``, or one special character (``$1``, ``$$``, ``${@}``); a ``$`` with no
    name after it kept; a malformed ``${`` or ``${}`` dropped."""
    out = []
    i = j = 0
    while j < len(s):
        if s[j] == "$" and j + 1 < len(s):
            out.append(s[i:j])
            name, width = _shell_name(s[j + 1 :])
            if name:
                out.append(mapping(name))
            elif width == 0:
                out.append("$")
            j += width
            i = j + 1
        j += 1
    return "".join(out) + s[i:] if out else s


_SHELL_SPECIAL = frozenset("*#$@!?-0123456789")


def _shell_name(s: str) -> tuple[str, int]:
    """The name after a ``$`` at the start of ``s``, and how many bytes it takes."""
    if s[0] == "{":
        if len(s) > 2 and s[1] in _SHELL_SPECIAL and s[2] == "}":
            return s[1], 3
        close = s.find("}", 1)
        if close == 1:
            return "", 2  # ${}: dropped
        return ("", 1) if close < 0 else (s[1:close], close + 1)
    if s[0] in _SHELL_SPECIAL:
        return s[0], 1
    i = 0
    while i < len(s) and (s[i] == "_" or (s[i].isascii() and s[i].isalnum())):
        i += 1
    return s[:i], i


def expand_env(rt: Any, s: str) -> str:
    """``os.ExpandEnv``: :func:`expand` by the run's environment."""
    return expand(s, lambda key: getenv(rt, key))


class FileMode(int):
    """An ``fs.FileMode`` (``os.FileMode``): the type bits above the permission
    bits, which fmt prints by its ``String`` method, ``drwxr-xr-x``."""

    go_name = "fs.FileMode"

    def String(self) -> str:
        kinds = "".join(c for i, c in enumerate("dalTLDpSugct?") if self & 1 << (31 - i))
        perm = "".join(c if self & 1 << (8 - i) else "-" for i, c in enumerate("rwxrwxrwx"))
        return (kinds or "-") + perm

    def IsDir(self) -> bool:
        return bool(self & _MODE_DIR)

    def IsRegular(self) -> bool:
        return not self & _MODE_TYPE

    def Perm(self) -> FileMode:
        return FileMode(self & 0o777)

    def Type(self) -> FileMode:
        return FileMode(self & _MODE_TYPE)


_MODE_DIR = 1 << 31
# directory, symlink, named pipe, socket, device, char device, irregular
_MODE_TYPE = _MODE_DIR | 1 << 27 | 1 << 25 | 1 << 24 | 1 << 26 | 1 << 21 | 1 << 19


def getenv(rt: Any, key: str) -> str:
    """``os.Getenv``: of the run's environment, which starts as simlab's own."""
    return _env(rt).get(key, "")


def lookup_env(rt: Any, key: str) -> tuple[str, bool]:
    """``os.LookupEnv``."""
    env = _env(rt)
    return env.get(key, ""), key in env


def setenv(rt: Any, key: str, value: str) -> sl.GoError | None:
    """``os.Setenv``, in the run's environment only: Go's error for an empty key or
    one holding ``=`` or NUL."""
    if key == "" or "=" in key or "\0" in key or "\0" in value:
        return sl.GoError("*os.SyscallError", "setenv: invalid argument")
    _env(rt)[key] = value
    return None


def unsetenv(rt: Any, key: str) -> None:
    """``os.Unsetenv``."""
    _env(rt).pop(key, None)


def net_split_host_port(hostport: str) -> tuple[str, str, Any]:
    """``net.SplitHostPort``: ``host:port`` or ``[host]:port`` split at its last
    colon, with Go's ``*net.AddrError`` for a missing port, too many colons, or a
    bracket out of place."""

    def bad(why: str) -> tuple[str, str, Any]:
        return "", "", AddrError(why, hostport)

    i = hostport.rfind(":")
    if i < 0:
        return bad("missing port in address")
    j = k = 0
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0:
            return bad("missing ']' in address")
        if end + 1 == len(hostport):
            return bad("missing port in address")
        if end + 1 != i:
            colons = hostport[end + 1] == ":"
            return bad("too many colons in address" if colons else "missing port in address")
        host, j, k = hostport[1:end], 1, end + 1
    else:
        host = hostport[:i]
        if ":" in host:
            return bad("too many colons in address")
    if "[" in hostport[j:]:
        return bad("unexpected '[' in address")
    if "]" in hostport[k:]:
        return bad("unexpected ']' in address")
    return host, hostport[i + 1 :], None


def net_join_host_port(host: str, port: str) -> str:
    """``net.JoinHostPort``: ``[host]:port`` where the host has a colon (IPv6)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def dial_udp(network: str, laddr: Any, raddr: None) -> tuple[None, sl.GoError]:
    """``net.DialUDP(network, laddr, nil)``: Go's error, without touching a network."""
    if network not in ("udp", "udp4", "udp6"):
        return None, new_error(f"dial {network}: unknown network {network}")
    return None, new_error(f"dial {network}: missing address")


class Exit(Exception):
    """``os.Exit(code)``: the program ends at once with this status; no deferred call runs."""

    def __init__(self, code: int):
        super().__init__(f"exit status {code}")
        self.code = code


class _Exit(Op):
    __slots__ = ("code",)

    def __init__(self, code: int):
        self.code = code

    def start(self, rt: Any, g: Goroutine) -> Any:
        if self.code == 0 and _binary(rt) is not None:
            # go test runs its binary with -test.paniconexit0: while tests run, an
            # os.Exit(0) would pass a test that never ended
            raise GoPanic("unexpected call to os.Exit(0) during test")
        at_exit = _AT_EXIT.pop(rt, None)
        if at_exit is not None:
            at_exit(self.code)
        abandon(rt)
        raise Exit(self.code)  # raised by the runtime, not in the goroutine: no finally runs


# what a run prints as its program exits: go test's line for the package, after
# a TestMain's os.Exit
_AT_EXIT: weakref.WeakKeyDictionary[Any, Callable[[int], None]] = weakref.WeakKeyDictionary()


def abandon(rt: sl.Runtime) -> None:
    """Drop the goroutines of a program that has ended (os.Exit, a panic, a fatal
    error, a deadlock), as Go's exit drops them: no deferred call of theirs prints.

    A suspended generator runs its ``finally`` blocks when it is closed or
    collected, whenever that is; this closes them now, their output discarded,
    while the translated module still reaches this runtime through its ``rt``
    (collected later, they would run with ``rt`` bound to another run).
    """
    rt.drop_goroutines()


def exit(code: int) -> Op:
    """``os.Exit(code)``: yield it (the goroutine never resumes, so no defer runs)."""
    return _Exit(code)


class _Goexit(Op):
    __slots__ = ()

    def start(self, rt: Any, g: Goroutine) -> Any:
        raise Goexit()  # the runtime throws it into the goroutine: its defers run


_GOEXIT = _Goexit()


def goexit() -> Op:
    """``runtime.Goexit()``: yield it. The goroutine's deferred calls run (recover
    returns nil in them) and it ends; other goroutines go on."""
    return _GOEXIT


def gc() -> None:
    """``runtime.GC()``: simlab has no heap to collect; its leak oracles and the
    goroutineleak profile read what is reachable when they are asked."""


def gomaxprocs(n: int) -> int:
    """``runtime.GOMAXPROCS(n)``: simlab runs one processor."""
    return 1


def num_cpu() -> int:
    """``runtime.NumCPU()``: the run's machine has one CPU, as its one processor
    (Go's count is the host's, which a deterministic run cannot read)."""
    return 1


@dataclass
class ProfileWrite:
    """One ``prof.WriteTo(w, debug)`` of a translated program, as it happened."""

    name: str
    debug: int
    at: int
    text: str
    leaked: list[Any]  # the goroutines the goroutineleak profile reported (its name only)


def capture_profiles(rt: Any) -> list[ProfileWrite]:
    """From now on, profiles the program running on ``rt`` writes are kept in the returned
    list instead of printed."""
    state = _state(rt)
    if state.captured is None:
        state.captured = []
    return state.captured


def _live_locals(frame: Any) -> list[tuple[str, Any]]:
    """What the function writing a profile still holds: its own locals and captures."""
    fn = frame.f_code.co_qualname.replace(".<locals>", "")
    return [(f"{fn}() local {k}", v) for k, v in frame.f_locals.items()]


def goroutineleak(rt: Any, writer: Any = None) -> list[Any]:
    """The goroutines Go 1.27's goroutineleak collection marks leaked, right now.

    The unreachable oracle's rule, with Go's liveness for the goroutine that asks:
    of its stack only the frame writing the profile (``writer``) is scanned, since
    nothing its callers hold is used again. Without ``writer``, every frame is.
    """
    from simlab.observe import leaks

    roots = _live_locals(writer) if writer is not None else None
    return leaks.leaked_goroutines(rt, roots=roots)


def debug_stack(rt: Any) -> list[int]:
    """``runtime/debug.Stack()``: the calling goroutine's stack, headed as Go's
    (``goroutine 1 [running]:``), its frames the model's as simlab's goroutine dumps
    write them (Go's would start at ``runtime/debug.Stack`` and give addresses)."""
    from simlab.go.profile import format_goroutine

    g = rt.current
    return list(format_goroutine(g, rt.now, running=True, contexts=False).encode())


def runtime_stack(rt: Any, buf: list[int], all: bool) -> int:
    """``runtime.Stack(buf, all)``: the calling goroutine's stack as
    :func:`debug_stack` writes it, then, for ``all``, every other goroutine's after
    a blank line, copied into ``buf`` as far as it holds; the count copied."""
    from simlab.go.profile import format_goroutine

    me = rt.current
    parts = [format_goroutine(me, rt.now, running=True, contexts=False)]
    if all:
        parts += [
            format_goroutine(g, rt.now, contexts=False) for g in rt.goroutines() if g is not me
        ]
    data = "\n".join(parts).encode()
    n = min(len(data), len(buf))
    buf[:n] = data[:n]
    return n


def debug_print_stack(rt: Any) -> None:
    """``runtime/debug.PrintStack()``: :func:`debug_stack` written to os.Stderr."""
    sys.stderr.write(bytes(debug_stack(rt)).decode())


class Profile:
    """``*pprof.Profile`` of ``pprof.Lookup(name)``: ``goroutine`` or ``goroutineleak``."""

    def __init__(self, rt: Any, name: str):
        self.rt = rt
        self.name = name

    def write_to(self, w: Any, debug: int) -> None:
        from simlab.go.profile import count_profile, goroutine_profile, goroutineleak_traceback

        rt = self.rt
        writer = sys._getframe(1)
        if self.name == "goroutineleak":
            leaked = goroutineleak(rt, writer)
            if debug >= 2:
                text = goroutineleak_traceback(rt, leaked)
            else:
                text = count_profile(self.name, leaked)
        elif self.name == "goroutine":
            leaked = []
            text = goroutine_profile(rt, debug=2 if debug >= 2 else 1)
        else:
            raise SimlabError(f"pprof.Lookup({self.name!r}): simlab has goroutine, goroutineleak")
        kept = _state(rt).captured
        if kept is not None:
            kept.append(ProfileWrite(self.name, debug, rt.now, text, leaked))
            return None
        _writer(w if hasattr(w, "write") else stdout).write(text)
        return None


def pprof_lookup(rt: Any, name: str) -> Profile:
    return Profile(rt, name)


def _workload(rt: Any) -> Any:
    """The run's stream for the top-level functions of ``math/rand`` and
    ``math/rand/v2``, which Go seeds at random: the same draws for the same seed."""
    state = _state(rt)
    if state.rand is None:
        state.rand = rt.rng("workload", 7)
    return state.rand


def rand_intn(rt: Any, n: int, name: str = "Intn") -> Any:
    """``rand.Intn(n)`` (``Int31n``, ``Int63n``, v2's ``IntN``, ``N``...): below ``n``,
    of ``n``'s type (``rand.N(time.Second)`` is a Duration); Go's panic for ``n <= 0``,
    naming the function ``name``."""
    if n <= 0:
        raise GoPanic(f"invalid argument to {name}")
    drawn = int(_workload(rt).integers(n))
    return drawn if type(n) is int else type(n)(drawn)


def rand_int63(rt: Any) -> int:
    """``rand.Int63()``, ``rand.Int()``, v2's ``Int64()``: 63 random bits."""
    return int(_workload(rt).integers(1 << 63))


def rand_bits(rt: Any, bits: int) -> int:
    """``rand.Uint32()``, ``rand.Uint64()``, ``rand.Int31()``: ``bits`` random bits."""
    return int(_workload(rt).integers(1 << bits, dtype="uint64" if bits > 63 else "int64"))


def rand_float64(rt: Any) -> float:
    """``rand.Float64()``: in [0, 1)."""
    return float(_workload(rt).random())


def rand_norm_float64(rt: Any) -> float:
    """``rand.NormFloat64()``: standard normal (Go's is seeded at random: any such)."""
    return float(_workload(rt).standard_normal())


def rand_exp_float64(rt: Any) -> float:
    """``rand.ExpFloat64()``: exponential of rate 1."""
    return float(_workload(rt).standard_exponential())


def rand_perm(rt: Any, n: int) -> list[int]:
    """``rand.Perm(n)``: a permutation of ``0..n-1``."""
    return [int(x) for x in _workload(rt).permutation(n)]


def rand_shuffle(rt: Any, n: int, swap: Callable[[int, int], Any]) -> None:
    """``rand.Shuffle(n, swap)``: Fisher and Yates's, from the last element."""
    if n < 0:
        raise GoPanic("invalid argument to Shuffle")
    gen = _workload(rt)
    for i in range(n - 1, 0, -1):
        swap(i, int(gen.integers(i + 1)))


def num_goroutine(rt: Any) -> int:
    """``runtime.NumGoroutine()``: the run's goroutines, and in a test binary one more
    for each synctest bubble running, whose function Go runs in a tRunner goroutine
    of its own besides the one synctest.Test starts."""
    binary = _binary(rt)
    return int(rt.num_goroutine()) + (len(binary.bubbles) if binary is not None else 0)
