"""``io.Pipe``: a synchronous pipe between goroutines, in memory.

``pr, pw = go.pipe(rt)`` is ``pr, pw := io.Pipe()``. It is built from simlab's
channels, select and mutex the way Go 1.27 builds its own, so that a goroutine
blocked in a pipe blocks where Go's does and shows the same wait reason:

* ``Write`` hands its bytes to a ``Read`` over an unbuffered channel and waits on
  a second one for the count that read took; it returns only once every byte was
  read (a write of nothing waits for one read too), or the pipe was closed. A
  second writer waits for the first on the pipe's mutex (``sync.Mutex.Lock``).
* ``Read`` takes at most what its buffer holds of one write: the rest is the next
  read's.
* Either end's ``Close`` or ``CloseWithError`` closes the pipe's ``done`` channel
  once, waking every read and write blocked in it; the first error each end
  gives is kept. A read after the writer's close returns the writer's error
  (``io.EOF`` for ``Close``); a write after the reader's close returns the
  reader's (``io.ErrClosedPipe`` for ``Close``); a read after its own end's
  close, and a write after its own, ``io.ErrClosedPipe``.

A goroutine blocked in ``Write`` on a pipe nobody will read is leaked: its frames
are ``io.(*pipe).write`` and ``io.(*PipeWriter).Write``, as in Go's traceback.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import simlab as sl

from ._errors import LIBRARY_ERRORS
from ._io import EOF

ErrClosedPipe = LIBRARY_ERRORS["io.ErrClosedPipe"]
FILE = "/usr/local/go/src/io/pipe.go"  # as runtime/pprof's frames name the library's files


class _Pipe:
    """The state both ends share: Go's ``io.pipe``."""

    __slots__ = ("data", "done", "n", "rerr", "werr", "writing")

    def __init__(self, rt: sl.Runtime) -> None:
        self.writing = rt.mutex()  # one Write at a time
        self.data = rt.chan()  # a write's bytes, to one read
        self.n = rt.chan()  # how many of them that read took, back to the write
        self.done = rt.chan()  # closed by the first Close of either end
        self.rerr: Any = None  # the reader's close error, the first one given
        self.werr: Any = None  # the writer's

    @sl.gofunc("io.(*pipe).read", file=FILE)
    def read(self, b: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        i, _, _ = yield sl.select(self.done.recv_case(), default=True)  # L51
        if i == 0:
            return 0, self._read_close_error()
        i, written, _ = yield sl.select(self.data.recv_case(), self.done.recv_case())  # L57
        if i == 1:
            return 0, self._read_close_error()
        n = min(len(b), len(written))
        b[:n] = written[:n]
        yield self.n.send(n)  # L60
        return n, None

    @sl.gofunc("io.(*pipe).write", file=FILE)
    def write(self, b: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        i, _, _ = yield sl.select(self.done.recv_case(), default=True)  # L77
        if i == 0:
            return 0, self._write_close_error()
        yield self.writing.lock()  # L81
        n, first = 0, True
        while first or b:
            first = False
            i, _, _ = yield sl.select(self.data.send_case(b), self.done.recv_case())  # L86
            if i == 1:
                self.writing.unlock()
                return n, self._write_close_error()
            took, _ = yield self.n.recv()  # L88
            b = b[took:]
            n += took
        self.writing.unlock()
        return n, None

    def close_read(self, err: Any) -> None:
        if self.rerr is None:
            self.rerr = ErrClosedPipe if err is None else err
        if not self.done.closed:
            self.done.close()

    def close_write(self, err: Any) -> None:
        if self.werr is None:
            self.werr = EOF if err is None else err
        if not self.done.closed:
            self.done.close()

    def _read_close_error(self) -> Any:
        if self.rerr is None and self.werr is not None:
            return self.werr
        return ErrClosedPipe

    def _write_close_error(self) -> Any:
        if self.werr is None and self.rerr is not None:
            return self.rerr
        return ErrClosedPipe


class PipeReader:
    """An ``*io.PipeReader``: the read end."""

    __slots__ = ("_p",)

    def __init__(self, p: _Pipe) -> None:
        self._p = p

    @sl.gofunc("io.(*PipeReader).Read", file=FILE)
    def Read(self, data: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        """``r.Read(data)``: ``n, err = yield from r.Read(data)``."""
        return (yield from self._p.read(data))  # L134

    def Close(self) -> None:
        """``r.Close()``: a write from now on fails with ``io.ErrClosedPipe``."""
        self._p.close_read(None)

    def CloseWithError(self, err: Any) -> None:
        """``r.CloseWithError(err)``: a write from now on fails with ``err`` (the
        first one given; ``io.ErrClosedPipe`` for nil)."""
        self._p.close_read(err)


class PipeWriter:
    """An ``*io.PipeWriter``: the write end."""

    __slots__ = ("_p",)

    def __init__(self, p: _Pipe) -> None:
        self._p = p

    @sl.gofunc("io.(*PipeWriter).Write", file=FILE)
    def Write(self, data: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        """``w.Write(data)``: ``n, err = yield from w.Write(data)``."""
        return (yield from self._p.write(data))  # L161

    def Close(self) -> None:
        """``w.Close()``: a read from now on returns ``io.EOF``."""
        self._p.close_write(None)

    def CloseWithError(self, err: Any) -> None:
        """``w.CloseWithError(err)``: a read from now on returns ``err`` (the first one
        given; ``io.EOF`` for nil)."""
        self._p.close_write(err)


def pipe(rt: sl.Runtime) -> tuple[PipeReader, PipeWriter]:
    """``io.Pipe()``: the two ends of a new pipe."""
    p = _Pipe(rt)
    return PipeReader(p), PipeWriter(p)
