"""Stack frames of goroutines, named the way a Go engineer reads them.

A parked goroutine's stack is its chain of generators (``yield from`` calls),
innermost last; each frame is a Python function and line. A model can give a
function its Go name, and its lines the Go program's line numbers:

.. code-block:: python

    @sl.gofunc("main.(*ContainerManager).readLogs.func1", file="logmonitor.go")
    def reader():
        ...
        i, _, _ = yield sl.select(send, done)   # L981

A frame of ``reader`` then prints as ``main.(*ContainerManager).readLogs.func1``
at ``logmonitor.go:981``: a trailing comment ``# L981`` (or ``# L981-986``) on
the Python line gives the Go line. A function without ``gofunc`` prints as
``module.qualname`` at its Python file and line.
"""

from __future__ import annotations

import linecache
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType, FrameType, GeneratorType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

if TYPE_CHECKING:
    from .goroutine import Goroutine

F = TypeVar("F", bound=Callable[..., Any])

# Go's sources as simlab's traces print them: the default install's path, where a
# real trace prints the installed GOROOT's.
GOROOT_SRC = "/usr/local/go/src"

_GO_NAMES: dict[CodeType, tuple[str, str | None]] = {}
_LINE_MARK = re.compile(r"#.*?\bL(\d+)\b")
_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)
_PROJECT_DIR = str(Path(__file__).resolve().parent.parent.parent)


class Frame(NamedTuple):
    """One frame as a Go traceback prints it: function, file, line."""

    func: str
    file: str
    line: int


def gofunc(name: str, file: str | None = None) -> Callable[[F], F]:
    """Name a function as Go would in a stack trace (``main.(*T).method.func1``).

    With ``file``, lines of the function marked ``# L<n>`` print as ``file:<n>``;
    unmarked lines print as the Python file and line, never a made-up Go line.
    """

    # A closure defined in a loop is decorated at every iteration (GoKer's
    # translations do it in their hottest loops): one marker per name, made once.
    named = (name, file)
    mark = _MARKERS.get(named)
    if mark is None:

        def mark(fn: F) -> F:
            _GO_NAMES[fn.__code__] = named
            return fn

        _MARKERS[named] = mark
    return mark


_MARKERS: dict[tuple[str, str | None], Callable[[Any], Any]] = {}


def _display_path(path: str) -> str:
    for root in (_PROJECT_DIR, os.getcwd()):
        if path.startswith(root + os.sep):
            return path[len(root) + 1 :]
    return path


def frame_of(code: CodeType, line: int) -> Frame:
    """The Go-style frame for a Python code object stopped at ``line``."""
    named = _GO_NAMES.get(code)
    if named is not None:
        func, file = named
        if file is not None:
            # a generator not started yet stands at its decorators: its def is marked
            at = line
            while True:
                text = linecache.getline(code.co_filename, at)
                mark = _LINE_MARK.search(text)
                if mark:
                    return Frame(func, file, int(mark.group(1)))
                if not text.lstrip().startswith("@"):
                    break
                at += 1
        return Frame(func, _display_path(code.co_filename), line)
    module = Path(code.co_filename).stem
    qualname = code.co_qualname.replace(".<locals>", "")
    return Frame(f"{module}.{qualname}", _display_path(code.co_filename), line)


def go_frame(code: CodeType, line: int) -> Frame | None:
    """The frame of a function of a Go program (``gofunc`` with a file) stopped at
    ``line``, or None for any other function."""
    named = _GO_NAMES.get(code)
    if named is None or named[1] is None:
        return None
    return frame_of(code, line)


def _is_internal(code: CodeType) -> bool:
    return code.co_filename.startswith(_PACKAGE_DIR) and code not in _GO_NAMES


def delegate(gen: Any) -> Any:
    """The generator that the suspended generator ``gen`` runs: the one it yields from,
    or one it drives by hand and names in its local ``delegate`` (the iterator a
    translated range loop runs); None at the bottom of the chain."""
    inner = gen.gi_yieldfrom
    if inner is None:
        inner = gen.gi_frame.f_locals.get("delegate")
    return inner


def python_stack(g: Goroutine) -> list[tuple[CodeType, int]]:
    """``(code, line)`` of the goroutine's frames, innermost first, simlab's own left out."""
    frames: list[tuple[CodeType, int]] = []
    if g.state == "running" and getattr(g.gen, "gi_running", False):
        root = cast(GeneratorType, g.gen).gi_frame  # type: ignore[type-arg]
        f: FrameType | None = sys._getframe(1)
        while f is not None:
            frames.append((f.f_code, f.f_lineno))
            if f is root:
                break
            f = f.f_back
        else:
            frames = []
    else:
        gen: Any = g.gen
        chain = []
        while gen is not None and getattr(gen, "gi_frame", None) is not None:
            chain.append((gen.gi_frame.f_code, gen.gi_frame.f_lineno))
            gen = delegate(gen)
        frames = chain[::-1]
    return [(c, n) for c, n in frames if not _is_internal(c)]


def panic_stack(err: BaseException) -> list[tuple[CodeType, int] | None]:
    """``(code, line)`` of the frames a panic unwound, innermost first. A panic
    raised by a deferred call that runs during an earlier panic (``err``'s
    ``__context__``, stopped in a frame of the program) lists as Go's: the deferred
    call's frames, None where Go lists its runtime's ``panic``, then the earlier
    panic's frames down from the function whose deferred call it is, at the line
    that panicked there (Go runs deferred calls on top of the panicking stack)."""
    return [
        None if s is None else (s[0].f_code, s[1])
        for s in reversed(_unwound(err))
        if s is None or not _is_internal(s[0].f_code)
    ]


def _unwound(err: BaseException) -> list[tuple[FrameType, int] | None]:
    steps: list[tuple[FrameType, int] | None] = []
    tb = err.__traceback__
    while tb is not None:
        steps.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    earlier = err.__context__
    if earlier is None or err.__suppress_context__ or earlier.__traceback__ is None:
        return steps
    top = earlier.__traceback__.tb_frame
    at = next((i for i, s in enumerate(steps) if s is not None and s[0] is top), None)
    if at is None or _is_internal(top.f_code):
        return steps  # a library function turning one error into another
    return [*steps[:at], *_unwound(earlier), None, *steps[at + 1 :]]


def entry_frame(g: Goroutine) -> Frame | None:
    """The line of a program function a goroutine was to run, for one whose stack is
    gone (it never started, and the run's end closed it), or None."""
    code = getattr(g.gen, "gi_code", None)
    if code is None or code not in _GO_NAMES:
        return None
    return frame_of(code, code.co_firstlineno)


def goroutine_frames(g: Goroutine) -> list[Frame]:
    """The goroutine's frames in Go's order (innermost first), program frames only."""
    return [frame_of(code, line) for code, line in python_stack(g)]


def creator_frame(g: Goroutine) -> Frame | None:
    """Where the ``go`` statement that created ``g`` stands."""
    at = g.created_at
    if at is None:
        return None
    if isinstance(at[0], CodeType):
        return frame_of(at[0], at[1])
    return Frame(*at)
