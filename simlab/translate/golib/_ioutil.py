"""io's readers and writers made of others: ``io.MultiWriter``, ``io.MultiReader``,
``io.TeeReader``, ``io.LimitReader`` (and ``io.CopyN`` through one) and ``io.NopCloser``.

Each reads or writes through the readers and writers it was made of, one call of
theirs at a time, as Go's. Where one of them may wait (a pipe's end, or a reader
of these over one), ``Read`` is a generator that a program calling io.Pipe or
net.Pipe yields from; otherwise it is a plain call, as the program's code reading
an ``io.Reader`` that holds it expects.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from ._errors import LIBRARY_ERRORS
from ._io import EOF, _at_once, blocking_write
from ._text import _one_read, blocking_copy, waits


class _Wrapper:
    """A reader of io's over other readers: ``Read`` waits only where they may."""

    __slots__ = ("waits",)

    def __init__(self, *readers: Any) -> None:
        self.waits = any(waits(r) for r in readers)

    def blocking_read(self, p: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        raise NotImplementedError

    def Read(self, p: list[int]) -> Any:
        """``r.Read(p)``: a generator where a reader under it may wait."""
        reading = self.blocking_read(p)
        return reading if self.waits else _at_once(reading, type(self).__name__)

    def read(self, p: list[int]) -> tuple[int, Any]:
        return _at_once(self.blocking_read(p), type(self).__name__)


class MultiReader(_Wrapper):
    """``io.MultiReader(readers...)``: each reader's bytes in turn, until the last
    one's ``io.EOF``; one ``Read`` reads from one reader."""

    __slots__ = ("_readers",)
    go_writer_to = True  # Go's has a WriteTo method, which io.Copy calls
    go_name = "io.multiReader"

    def __init__(self, *readers: Any) -> None:
        super().__init__(*readers)
        self._readers = list(readers)

    def blocking_read(self, p: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        while self._readers:
            n, err = yield from _one_read(self._readers[0], p)
            if err is EOF:
                self._readers.pop(0)
            if n > 0 or err is not EOF:
                return n, None if err is EOF and self._readers else err
        return 0, EOF


class TeeReader(_Wrapper):
    """``io.TeeReader(r, w)``: what is read from ``r`` is written to ``w`` before the
    read returns; a failed write is the read's error."""

    __slots__ = ("_r", "_w")
    go_name = "io.teeReader"

    def __init__(self, r: Any, w: Any) -> None:
        super().__init__(r)
        self._r, self._w = r, w

    def blocking_read(self, p: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        n, err = yield from _one_read(self._r, p)
        if n > 0:
            written, werr = yield from blocking_write(self._w, p[:n])
            if werr is not None:
                return written, werr
        return n, err


class LimitedReader(_Wrapper):
    """``io.LimitReader(r, n)``, an ``*io.LimitedReader``: at most ``N`` more bytes
    of ``R``, then ``io.EOF``."""

    __slots__ = ("R", "N")  # noqa: RUF023 (Go's order, which fmt prints)
    go_name = "io.LimitedReader"

    def __init__(self, R: Any = None, N: int = 0) -> None:
        super().__init__(R)
        self.R, self.N = R, N

    def blocking_read(self, p: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        if self.N <= 0:
            return 0, EOF
        if len(p) > self.N:
            part = p[: self.N]  # a copy: what is read is copied back
            n, err = yield from _one_read(self.R, part)
            p[:n] = part[:n]
        else:
            n, err = yield from _one_read(self.R, p)
        self.N -= n
        return n, err


def blocking_copy_n(dst: Any, src: Any, n: int) -> Generator[Any, Any, tuple[int, Any]]:
    """``io.CopyN(dst, src, n)``: ``io.Copy`` of at most ``n`` bytes of ``src``; the
    bytes written, and ``io.EOF`` where ``src`` ended before ``n`` without an error."""
    written, err = yield from blocking_copy(dst, LimitedReader(src, n))
    if written == n:
        return n, None
    if written < n and err is None:
        err = EOF
    return written, err


def io_copy_n(dst: Any, src: Any, n: int) -> tuple[int, Any]:
    """``io.CopyN`` where neither end blocks."""
    return _at_once(blocking_copy_n(dst, src, n), "io.CopyN")


class NopCloser(_Wrapper):
    """``io.NopCloser(r)``: ``r``, with a ``Close`` that does nothing."""

    __slots__ = ("_r",)
    go_name = "io.nopCloser"

    def __init__(self, r: Any) -> None:
        super().__init__(r)
        self._r = r

    def blocking_read(self, p: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        return (yield from _one_read(self._r, p))

    def Close(self) -> None:
        return None


class MultiWriter:
    """``io.MultiWriter(writers...)``: each write goes to every writer in turn; the
    first error stops it, and a writer that takes fewer bytes is
    ``io.ErrShortWrite``."""

    __slots__ = ("_writers",)
    go_name = "io.multiWriter"

    def __init__(self, *writers: Any) -> None:
        self._writers = writers

    def write(self, data: str | list[int]) -> tuple[int, Any]:
        return _at_once(self.blocking_write(data), "io.MultiWriter")

    def blocking_write(self, data: str | list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        size = len(data.encode()) if isinstance(data, str) else len(data)
        for w in self._writers:
            n, err = yield from blocking_write(w, data)
            if err is not None:
                return n, err
            if n != size:
                return n, LIBRARY_ERRORS["io.ErrShortWrite"]
        return size, None
