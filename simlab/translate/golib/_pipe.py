"""``io.Pipe`` and ``net.Pipe``: synchronous pipes between goroutines, in memory.

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

``a, b = go.net_pipe(rt)`` is ``a, b := net.Pipe()``: two ``net.Conn`` ends, each
direction such a pipe, without its errors' memory: closing an end fails its own
reads and writes with ``io.ErrClosedPipe`` and the other end's reads with
``io.EOF``, its writes with ``io.ErrClosedPipe``. Each end has a read and a write
deadline (``SetDeadline``, ``SetReadDeadline``, ``SetWriteDeadline``), a channel
that an ``AfterFunc`` closes when the time comes; a read or write waiting then
fails with a ``*net.OpError`` holding ``os.ErrDeadlineExceeded`` (``read pipe:
i/o timeout``), and so does every one after it until the deadline is moved.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import simlab as sl

from ._errors import LIBRARY_ERRORS, OpError
from ._io import EOF
from ._time import ZERO_TIME

ErrClosedPipe = LIBRARY_ERRORS["io.ErrClosedPipe"]
ErrDeadlineExceeded = LIBRARY_ERRORS["os.ErrDeadlineExceeded"]
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
    go_name = "io.PipeReader"

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
    go_name = "io.PipeWriter"

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


NET_FILE = "/usr/local/go/src/net/pipe.go"


class PipeAddr(str):
    """``net.pipeAddr``: both addresses of a ``net.Pipe`` end, ``pipe`` on the
    network ``pipe``."""

    __slots__ = ()
    go_name = "net.pipeAddr"

    def String(self) -> str:
        return str(self)

    def Network(self) -> str:
        return "pipe"


PIPE_ADDR = PipeAddr("pipe")


class _Deadline:
    """Go's ``pipeDeadline``: ``cancel``, a channel closed once the deadline has
    passed, by a timer's function or at once for a time already past."""

    __slots__ = ("_rt", "cancel", "timer")

    def __init__(self, rt: sl.Runtime) -> None:
        self._rt = rt
        self.cancel = rt.chan()
        self.timer: Any = None

    def set(self, t: int) -> Generator[Any, Any, None]:
        """The deadline moved to ``t`` (the zero Time: none)."""
        if self.timer is not None and not self.timer.stop():
            yield self.cancel.recv()  # the timer fired: its goroutine closes cancel first
        self.timer = None
        closed = self.cancel.closed
        if t == ZERO_TIME or t > self._rt.now:
            if closed:
                self.cancel = self._rt.chan()
            if t != ZERO_TIME:
                self.timer = self._rt.after_func(
                    t - self._rt.now, self._expire, name="net.(*pipeDeadline).set.func1"
                )
        elif not closed:
            self.cancel.close()

    def _expire(self) -> None:
        self.cancel.close()


class Conn:
    """One end of a ``net.Pipe``, a ``*net.pipe``: it reads from the other end's
    writes and writes to its reads."""

    __slots__ = (
        "_rt",
        "local_done",
        "rd",
        "rd_n",
        "read_deadline",
        "remote_done",
        "wr",
        "wr_n",
        "write_deadline",
        "writing",
    )
    go_name = "net.pipe"

    def __init__(self, rt: sl.Runtime, rd: Any, rd_n: Any, wr: Any, wr_n: Any) -> None:
        self._rt = rt
        self.writing = rt.mutex()
        self.rd, self.rd_n = rd, rd_n  # the other end's writes, and the counts back
        self.wr, self.wr_n = wr, wr_n  # to the other end's reads, and their counts
        self.local_done = rt.chan()
        self.remote_done: Any = None  # the other end's local_done: set by net_pipe
        self.read_deadline = _Deadline(rt)
        self.write_deadline = _Deadline(rt)

    def LocalAddr(self) -> PipeAddr:
        return PIPE_ADDR

    def RemoteAddr(self) -> PipeAddr:
        return PIPE_ADDR

    @sl.gofunc("net.(*pipe).Read", file=NET_FILE)
    def Read(self, b: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        """``c.Read(b)``: ``n, err = yield from c.Read(b)``."""
        n, err = yield from self._read(b)  # L142
        if err is not None and err is not EOF and err is not ErrClosedPipe:
            err = OpError(Op="read", Net="pipe", Err=err)
        return n, err

    @sl.gofunc("net.(*pipe).read", file=NET_FILE)
    def _read(self, b: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        if self.local_done.closed:
            return 0, ErrClosedPipe
        if self.remote_done.closed:
            return 0, EOF
        if self.read_deadline.cancel.closed:
            return 0, ErrDeadlineExceeded
        i, written, _ = yield sl.select(  # L159
            self.rd.recv_case(),
            self.local_done.recv_case(),
            self.remote_done.recv_case(),
            self.read_deadline.cancel.recv_case(),
        )
        if i == 0:
            n = min(len(b), len(written))
            b[:n] = written[:n]
            yield self.rd_n.send(n)  # L162
            return n, None
        return 0, (ErrClosedPipe, EOF, ErrDeadlineExceeded)[i - 1]

    @sl.gofunc("net.(*pipe).Write", file=NET_FILE)
    def Write(self, b: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        """``c.Write(b)``: ``n, err = yield from c.Write(b)``."""
        n, err = yield from self._write(b)  # L174
        if err is not None and err is not ErrClosedPipe:
            err = OpError(Op="write", Net="pipe", Err=err)
        return n, err

    @sl.gofunc("net.(*pipe).write", file=NET_FILE)
    def _write(self, b: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        if self.local_done.closed or self.remote_done.closed:
            return 0, ErrClosedPipe
        if self.write_deadline.cancel.closed:
            return 0, ErrDeadlineExceeded
        yield self.writing.lock()  # L191
        n, first = 0, True
        while first or b:
            first = False
            i, _, _ = yield sl.select(  # L194
                self.wr.send_case(b),
                self.local_done.recv_case(),
                self.remote_done.recv_case(),
                self.write_deadline.cancel.recv_case(),
            )
            if i != 0:
                self.writing.unlock()
                return n, ErrDeadlineExceeded if i == 3 else ErrClosedPipe
            took, _ = yield self.wr_n.recv()  # L196
            b = b[took:]
            n += took
        self.writing.unlock()
        return n, None

    def _open(self) -> bool:
        return not (self.local_done.closed or self.remote_done.closed)

    def SetDeadline(self, t: int) -> Generator[Any, Any, Any]:
        """``c.SetDeadline(t)``: ``err = yield from c.SetDeadline(t)`` (it waits for a
        deadline's timer that has just fired)."""
        if not self._open():
            return ErrClosedPipe
        yield from self.read_deadline.set(t)
        yield from self.write_deadline.set(t)
        return None

    def SetReadDeadline(self, t: int) -> Generator[Any, Any, Any]:
        if not self._open():
            return ErrClosedPipe
        yield from self.read_deadline.set(t)
        return None

    def SetWriteDeadline(self, t: int) -> Generator[Any, Any, Any]:
        if not self._open():
            return ErrClosedPipe
        yield from self.write_deadline.set(t)
        return None

    def Close(self) -> None:
        """``c.Close()``: both ends' waiting reads and writes fail."""
        if not self.local_done.closed:
            self.local_done.close()


WAITING_READERS = PipeReader | Conn  # the readers whose Read waits for a write


def net_pipe(rt: sl.Runtime) -> tuple[Conn, Conn]:
    """``net.Pipe()``: the two ends of a new full-duplex pipe."""
    a_to_b, b_to_a, a_took, b_took = rt.chan(), rt.chan(), rt.chan(), rt.chan()
    a = Conn(rt, rd=b_to_a, rd_n=a_took, wr=a_to_b, wr_n=b_took)
    b = Conn(rt, rd=a_to_b, rd_n=b_took, wr=b_to_a, wr_n=a_took)
    a.remote_done, b.remote_done = b.local_done, a.local_done
    return a, b
