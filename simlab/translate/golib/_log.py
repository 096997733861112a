"""``log``: a ``*log.Logger`` and each run's standard logger, which the package's
functions (``log.Printf``...) write with.
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from typing import Any

from simlab.go.frames import go_frame
from simlab.go.goroutine import Op

from ._fmt import sprint, sprintf, sprintln
from ._io import _write, blocking_write, stderr
from ._panics import panic
from ._runstate import _state
from ._runtime import _Exit
from ._time import time_format

# log's flags: Ldate, Ltime, Lmicroseconds, Llongfile, Lshortfile, LUTC, Lmsgprefix
_LDATE, _LTIME, _LMICROSECONDS, _LLONGFILE, _LSHORTFILE, _LMSGPREFIX = 1, 2, 4, 8, 16, 64
_LSTD_FLAGS = _LDATE | _LTIME


class Logger:
    """A ``*log.Logger``, ``log.New(out, prefix, flags)``, and each run's standard
    logger, which ``log.Printf`` and the package's other functions write with. A line
    is the prefix, then what the flags ask for: the date and time of the run's clock
    (2000/01/01 00:00:00 at its start), the Go file and line of the call, the prefix
    after them with ``Lmsgprefix``; then the text, ended by a newline. The standard
    logger writes no date and time until ``log.SetFlags``: Go's default,
    ``LstdFlags``, would write the wall clock's, which no run can match."""

    __slots__ = ("_flags", "_mu", "_out", "_prefix", "rt")
    go_name = "*log.Logger"  # %T of one held in an interface

    def __init__(self, rt: Any, out: Any, prefix: str = "", flags: int | None = _LSTD_FLAGS):
        self.rt, self._out, self._prefix, self._flags = rt, out, prefix, flags
        self._mu: Any = None  # Go's lock around a write: made by the first that may block

    def output(self, text: str) -> None:
        """``l.Printf``, ``Print``, ``Println``: the line, written to the output."""
        _write(self._out, self._line(text))

    # Go's names, for a method value (logf := logger.Printf) whose calls print at once
    def Printf(self, format: str, *args: Any) -> None:
        self.output(sprintf(format, *args))

    def Println(self, *args: Any) -> None:
        self.output(sprintln(*args))

    def Print(self, *args: Any) -> None:
        self.output(sprint(*args))

    def blocking_output(self, text: str) -> Generator[Any, Any, None]:
        """``l.Printf`` in a program that calls io.Pipe or net.Pipe, whose output may
        be a pipe's: ``yield from l.blocking_output(text)``. The logger's mutex is
        held while the line is written, so a second goroutine logging meanwhile
        waits for it (``sync.Mutex.Lock``), as Go's."""
        line = self._line(text)
        if self._mu is None:
            self._mu = self.rt.mutex()
        yield self._mu.lock()
        yield from blocking_write(self._out, line)
        self._mu.unlock()

    def blocking_panic(self, text: str) -> Generator[Any, Any, None]:
        yield from self.blocking_output(text)
        panic(text)

    def blocking_fatal(self, text: str) -> Generator[Any, Any, None]:
        yield from self.blocking_output(text)
        yield _Exit(1)

    def _line(self, text: str) -> str:
        flags, prefix = self._flags or 0, self._prefix
        head = "" if flags & _LMSGPREFIX else prefix
        layout = "2006/01/02 " if flags & _LDATE else ""
        if flags & (_LTIME | _LMICROSECONDS):
            layout += "15:04:05.000000 " if flags & _LMICROSECONDS else "15:04:05 "
        if layout:
            head += time_format(self.rt.now, layout, self.rt)
        if flags & (_LSHORTFILE | _LLONGFILE):
            file, line = _log_caller()
            if flags & _LSHORTFILE:
                file = file.rsplit("/", 1)[-1]
            head += f"{file}:{line}: "
        if flags & _LMSGPREFIX:
            head += prefix
        text = head + text
        return text if text.endswith("\n") else text + "\n"

    def panic(self, text: str) -> None:
        """``l.Panicf``, ``Panic``, ``Panicln``: the line, then ``panic(text)``."""
        self.output(text)
        panic(text)

    def fatal(self, text: str) -> Op:
        """``l.Fatalf``, ``Fatal``, ``Fatalln``: the line, then ``os.Exit(1)`` (yield
        it)."""
        self.output(text)
        return _Exit(1)

    def set_flags(self, flags: int) -> None:
        """``l.SetFlags(flags)`` (LUTC changes nothing: a run's clock is in UTC)."""
        self._flags = flags

    def flags(self) -> int:
        """``l.Flags()``: the standard logger's is ``LstdFlags`` until SetFlags."""
        return _LSTD_FLAGS if self._flags is None else self._flags

    def set_prefix(self, prefix: str) -> None:
        """``l.SetPrefix(prefix)``."""
        self._prefix = prefix

    def prefix(self) -> str:
        """``l.Prefix()``."""
        return self._prefix

    def set_output(self, w: Any) -> None:
        """``l.SetOutput(w)``: os.Stdout, os.Stderr, io.Discard, a bytes.Buffer, a
        strings.Builder or a writer of the program."""
        self._out = w

    def writer(self) -> Any:
        """``l.Writer()``."""
        return self._out


def std_logger(rt: Any) -> Logger:
    """The run's standard logger, ``log``'s package functions': on os.Stderr."""
    state = _state(rt)
    if state.logger is None:
        state.logger = Logger(rt, stderr, "", None)
    return state.logger


def log(rt: Any, text: str) -> None:
    """``log.Printf``, ``Print``, ``Println``: the standard logger's line."""
    std_logger(rt).output(text)


def log_panic(rt: Any, text: str) -> None:
    """``log.Panicf``, ``Panic``, ``Panicln``."""
    std_logger(rt).panic(text)


def fatal(rt: Any, text: str) -> Op:
    """``log.Fatalf``, ``Fatal``, ``Fatalln``: the line, then ``os.Exit(1)`` (yield it)."""
    return std_logger(rt).fatal(text)


def blocking_log(rt: Any, text: str) -> Generator[Any, Any, None]:
    """``log.Printf`` and kin in a program that calls io.Pipe or net.Pipe."""
    yield from std_logger(rt).blocking_output(text)


def blocking_log_panic(rt: Any, text: str) -> Generator[Any, Any, None]:
    yield from std_logger(rt).blocking_panic(text)


def blocking_fatal(rt: Any, text: str) -> Generator[Any, Any, None]:
    yield from std_logger(rt).blocking_fatal(text)


def log_set_flags(rt: Any, flags: int) -> None:
    """``log.SetFlags(flags)``."""
    std_logger(rt).set_flags(flags)


def log_flags(rt: Any) -> int:
    """``log.Flags()``: ``LstdFlags`` until ``log.SetFlags``, as Go's."""
    return std_logger(rt).flags()


def log_set_prefix(rt: Any, prefix: str) -> None:
    """``log.SetPrefix(prefix)``."""
    std_logger(rt).set_prefix(prefix)


def log_prefix(rt: Any) -> str:
    """``log.Prefix()``."""
    return std_logger(rt).prefix()


def log_set_output(rt: Any, w: Any) -> None:
    """``log.SetOutput(w)``."""
    std_logger(rt).set_output(w)


def log_writer(rt: Any) -> Any:
    """``log.Writer()``."""
    return std_logger(rt).writer()


def _log_caller() -> tuple[str, int]:
    """The Go file and line of the program's call to log (runtime.Caller's): the
    innermost frame of a Go function; ``???``, 0 for none, as Go's."""
    frame = sys._getframe(1)
    while frame is not None:
        at = go_frame(frame.f_code, frame.f_lineno)
        if at is not None:
            where = frame.f_globals.get("go_dir")
            return (f"{where}/{at.file}" if where else at.file), at.line
        frame = frame.f_back  # type: ignore[assignment]
    return "???", 0
