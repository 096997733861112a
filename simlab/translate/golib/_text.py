"""``strings.Reader``, ``bytes.Reader``, ``bufio.Scanner`` and ``bufio.Reader`` over
one (or over a ``bytes.Buffer``), ``strings.Replacer``, ``text/tabwriter`` and
``bufio.Writer``: a string read as its UTF-8 bytes, split into lines, words, runes or
bytes with Go's buffer (so that a token too long for it ends the scan with
``bufio.ErrTooLong`` where Go's does), read through Go's buffer, rewritten as Go's
replacer does, byte by byte, aligned in columns, or held in a buffer until it is
flushed.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from inspect import isgenerator, isgeneratorfunction
from typing import Any

from simlab.errors import SimlabError
from simlab.go._tabwriter import FILTER_HTML, STRIP_ESCAPE, Tabwriter

from ._builtins import _check_slice
from ._errors import LIBRARY_ERRORS, new_error
from ._gonames import GoNames
from ._io import EOF, Buffer, ErrUnexpectedEOF, _at_once, blocking_write, discard, stderr, stdout
from ._panics import panic
from ._pipe import WAITING_READERS
from ._strings import rune_text, string_of, unicode_is_space, utf8_full_rune
from ._values import NilSlice, is_nil, method_set

ErrTooLong = new_error("bufio.Scanner: token too long")  # bufio.ErrTooLong
ErrBadReadCount = new_error("bufio.Scanner: Read returned impossible count")
ErrBufferFull = new_error("bufio: buffer full")  # bufio.ErrBufferFull
ErrNegativeCount = new_error("bufio: negative count")  # bufio.ErrNegativeCount
ErrInvalidUnreadByte = new_error("bufio: invalid use of UnreadByte")
ErrInvalidUnreadRune = new_error("bufio: invalid use of UnreadRune")
ErrFinalToken = new_error("final token")  # bufio.ErrFinalToken
ErrNegativeAdvance = new_error("bufio.Scanner: SplitFunc returns negative advance count")
ErrAdvanceTooFar = new_error("bufio.Scanner: SplitFunc returns advance count beyond input")
_MAX_EMPTY_TOKENS = 100  # tokens in a row at the end that do not advance, before Go's panic

_MAX_TOKEN = 64 * 1024  # bufio.MaxScanTokenSize
_FIRST_BUFFER = 4096  # the size of a Scanner's first buffer


class StringsReader(GoNames):
    """A ``*strings.Reader``: the bytes of a string, read from the front."""

    go_name = "*strings.Reader"

    __slots__ = ("_b", "_i", "_prev")
    go_writer_to = True  # Go's has a WriteTo method, which io.Copy calls
    # Go's methods (a bytes.Reader's too), which an interface assertion finds (io.Seeker)
    go_methods = method_set(
        "Len Read ReadAt ReadByte ReadRune Reset Seek Size UnreadByte UnreadRune WriteTo"
    )
    _package, _what = "strings", "string"  # which Reader, for its errors

    def __init__(self, s: str = "") -> None:
        self._b: bytes | list[int] = s.encode()
        self._i = 0
        self._prev = -1  # where the rune just read starts, for UnreadRune; else -1

    def len(self) -> int:
        """``r.Len()``: the bytes not read yet."""
        return max(len(self._b) - self._i, 0)  # 0 after a Seek past the end, as Go's

    def size(self) -> int:
        """``r.Size()``: the bytes of the whole string."""
        return len(self._b)

    def reset(self, s: str) -> None:
        """``r.Reset(s)``: reading ``s`` from its start."""
        self._b, self._i, self._prev = s.encode(), 0, -1

    def read(self, p: list[int]) -> tuple[int, Any]:
        """``r.Read(p)``: as many bytes as fit in ``p``; ``0, io.EOF`` once all are
        read."""
        self._prev = -1
        if self._i >= len(self._b):
            return 0, EOF
        n = min(len(p), len(self._b) - self._i)
        p[:n] = self._b[self._i : self._i + n]
        self._i += n
        return n, None

    Read = read  # the io.Reader a program's code calls

    def read_byte(self) -> tuple[int, Any]:
        """``r.ReadByte()``: the next byte; ``0, io.EOF`` at the end."""
        self._prev = -1
        if self._i >= len(self._b):
            return 0, EOF
        self._i += 1
        return self._b[self._i - 1], None

    def read_rune(self) -> tuple[int, int, Any]:
        """``r.ReadRune()``: the next rune and its width in bytes; ``0, 0, io.EOF``
        at the end."""
        if self._i >= len(self._b):
            self._prev = -1
            return 0, 0, EOF
        r, width = _decode(self._b, self._i)
        self._prev = self._i
        self._i += width
        return r, width, None

    def unread_rune(self, width: int | None = None) -> Any:
        """``r.UnreadRune()``: the rune just read by ReadRune put back, else an error
        (at the start, or after another operation); with ``width``, the rune of
        ``width`` bytes just read put back: fmt's scan reading the reader as an
        io.RuneScanner."""
        if width is not None:
            self._i -= width
            self._prev = -1
            return None
        if self._i <= 0:
            return new_error(f"{self._package}.Reader.UnreadRune: at beginning of {self._what}")
        if self._prev < 0:
            return new_error(
                f"{self._package}.Reader.UnreadRune: previous operation was not ReadRune"
            )
        self._i, self._prev = self._prev, -1
        return None

    def unread_byte(self) -> Any:
        """``r.UnreadByte()``: the byte before the next put back; an error at the start."""
        if self._i <= 0:
            return new_error(f"{self._package}.Reader.UnreadByte: at beginning of {self._what}")
        self._i, self._prev = self._i - 1, -1
        return None

    # the io.ByteScanner and io.RuneReader a program's code calls
    ReadByte, ReadRune, UnreadByte = read_byte, read_rune, unread_byte
    Len = len  # a call through the program's interface{ Len() int }

    def seek(self, offset: int, whence: int) -> tuple[int, Any]:
        """``r.Seek(offset, whence)``: the next read at ``offset`` from the start
        (``io.SeekStart``), the current position or the end; a position before the
        start is an error and moves nothing, one past the end reads ``io.EOF``."""
        if whence not in (0, 1, 2):
            return 0, new_error(f"{self._package}.Reader.Seek: invalid whence")
        self._prev = -1
        position = offset + (0, self._i, len(self._b))[whence]
        if position < 0:
            return 0, new_error(f"{self._package}.Reader.Seek: negative position")
        self._i = position
        return position, None


class BytesReader(StringsReader):
    """A ``*bytes.Reader``: a ``*strings.Reader`` of a ``[]byte``'s elements, the list
    itself, so that a write to one not read yet is read, as from Go's."""

    go_name = "*bytes.Reader"
    go_own_type = True  # golib builds it on its base class, which Go does not

    __slots__ = ()
    _package, _what = "bytes", "slice"

    def __init__(self, b: list[int] | None = None) -> None:
        self._b = [] if b is None else b
        self._i, self._prev = 0, -1

    def reset(self, b: list[int]) -> None:  # type: ignore[override]
        """``r.Reset(b)``: reading ``b`` from its start."""
        self._b, self._i, self._prev = b, 0, -1


def _library_reader(r: Any, what: str) -> Any:
    """``r``, a reader that ``what`` reads: a ``*strings.Reader``, a
    ``*bytes.Reader``, a ``*bytes.Buffer``, a ``*bufio.Reader``, a pipe's end, one
    of io's readers over others, or a reader of the program's (its ``Read``); any
    other value ends the run in one line."""
    if not isinstance(r, StringsReader | Buffer | BufReader) and not callable(
        getattr(type(r), "Read", None)
    ):
        raise SimlabError(
            f"{what} of a {type(r).__name__}, which is no io.Reader simlab models: read a"
            " *strings.Reader, a *bytes.Reader, a *bytes.Buffer, a *bufio.Reader, a"
            " pipe's end or a reader of the program's"
        )
    return r


def waits(r: Any) -> bool:
    """Whether a ``Read`` of ``r`` may wait for a write: a pipe's end, or a reader of
    the library's over one."""
    while isinstance(r, BufReader):
        r = r._rd
    return isinstance(r, WAITING_READERS) or getattr(r, "waits", False) is True


def _one_read(r: Any, p: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
    """One ``r.Read(p)``: a library reader's, or a ``Read`` method that may block
    (an ``io.Pipe``'s, the program's)."""
    if hasattr(r, "blocking_read"):  # a bufio.Reader, io's wrappers
        return (yield from r.blocking_read(p))
    if isinstance(r, StringsReader | Buffer):
        return r.read(p)
    result = r.Read(p)
    if isgenerator(result):
        result = yield from result
    n, err = result
    return int(n), err


def _decode(b: bytes | bytearray | list[int], i: int) -> tuple[int, int]:
    """The rune of UTF-8 starting at ``b[i]`` and its width; ``RuneError`` of width
    1 where no complete, valid encoding starts."""
    for width in range(1, 5):
        try:
            return ord(bytes(b[i : i + width]).decode()), width
        except UnicodeDecodeError:
            continue
    return 0xFFFD, 1


def _scan_lines(data: bytearray, at_eof: bool) -> tuple[int, bytes | None]:
    """``bufio.ScanLines``: up to a newline, without it or a carriage return before
    it; the last line may have none."""
    i = data.find(b"\n")
    if i >= 0:
        return i + 1, bytes(data[:i]).removesuffix(b"\r")
    if at_eof and data:
        return len(data), bytes(data).removesuffix(b"\r")
    return 0, None


def _scan_words(data: bytearray, at_eof: bool) -> tuple[int, bytes | None]:
    """``bufio.ScanWords``: runes between runs of white space (``unicode.IsSpace``)."""
    start = 0
    while start < len(data):
        r, width = _decode(data, start)
        if not unicode_is_space(r):
            break
        start += width
    i = start
    while i < len(data):
        r, width = _decode(data, i)
        if unicode_is_space(r):
            return i + width, bytes(data[start:i])
        i += width
    if at_eof and len(data) > start:
        return len(data), bytes(data[start:])
    return start, None


def _scan_runes(data: bytearray, at_eof: bool) -> tuple[int, bytes | None]:
    """``bufio.ScanRunes``: each rune's bytes; a byte of no valid encoding is U+FFFD's."""
    if not data:
        return 0, None
    if data[0] < 0x80:
        return 1, bytes(data[:1])
    width = _decode(data, 0)[1]
    if width > 1:
        return width, bytes(data[:width])
    if not at_eof and not utf8_full_rune(data):
        return 0, None
    return 1, "\ufffd".encode()


def _scan_bytes(data: bytearray, at_eof: bool) -> tuple[int, bytes | None]:
    """``bufio.ScanBytes``: each byte."""
    return (1, bytes(data[:1])) if data else (0, None)


_SPLITS = {"lines": _scan_lines, "words": _scan_words, "runes": _scan_runes, "bytes": _scan_bytes}


def _split_func(split: Callable[[bytearray, bool], tuple[int, bytes | None]]) -> Any:
    def split_func(data: list[int], at_eof: bool) -> tuple[int, list[int], Any]:
        advance, token = split(bytearray(data), at_eof)
        return advance, (NilSlice() if token is None else list(token)), None

    split_func.__doc__ = f"``bufio.{split.__name__.title().replace('_', '')}`` as a SplitFunc."
    return split_func


bufio_scan_lines = _split_func(_scan_lines)
bufio_scan_words = _split_func(_scan_words)
bufio_scan_runes = _split_func(_scan_runes)
bufio_scan_bytes = _split_func(_scan_bytes)


class Scanner(GoNames):
    """A ``*bufio.Scanner`` over a reader of the library's (a ``*strings.Reader``, a
    ``*bytes.Reader``, a ``*bytes.Buffer``, a ``*bufio.Reader``) or of the program's
    whose ``Read`` does not block: Go's buffer (4096 bytes, then doubled up to the
    longest token, 64 KiB or ``Buffer``'s), refilled by ``Read`` as Go's is, so each
    ``Scan`` gives Go's token, or stops with Go's error."""

    go_name = "*bufio.Scanner"

    __slots__ = (
        "_buf",
        "_done",
        "_empties",
        "_end",
        "_err",
        "_max",
        "_program_split",
        "_r",
        "_scanned",
        "_split",
        "_start",
        "_token",
    )

    def __init__(self, r: Any) -> None:
        self._r = (
            r
            if callable(getattr(type(r), "Read", None))
            else _library_reader(r, "bufio.NewScanner")
        )
        self._split = _scan_lines
        self._max = _MAX_TOKEN
        self._buf = bytearray()
        self._start = self._end = 0
        self._err: Any = None
        self._token: bytes | None = None
        self._scanned = self._done = False
        self._program_split: Callable[..., Any] | None = None
        self._empties = 0

    def split(self, kind: str | Callable[..., Any]) -> None:
        """``s.Split(bufio.ScanWords)``: ``kind`` is ``"lines"``, ``"words"``,
        ``"runes"`` or ``"bytes"``, or a SplitFunc of the program's, called with the
        bytes buffered and whether the input has ended, as Go's."""
        if self._scanned:
            panic("Split called after Scan")
        if isinstance(kind, str):
            self._split, self._program_split = _SPLITS[kind], None
        else:
            self._program_split = kind

    def buffer(self, size: int, longest: int) -> None:
        """``s.Buffer(buf, max)``: the first buffer holds ``size`` bytes (``buf``'s
        capacity), and it grows up to ``max``."""
        if self._scanned:
            panic("Buffer called after Scan")
        self._buf = bytearray(size)
        self._max = longest

    def _set_err(self, err: Any) -> None:
        if self._err is None or self._err is EOF:
            self._err = err

    def scan(self) -> bool:
        """``s.Scan()``: the next token, false at the end of the input or on an error."""
        return bool(_at_once(self.blocking_scan(), "bufio.Scanner"))

    def blocking_scan(self) -> Generator[Any, Any, bool]:
        """``s.Scan()`` over a reader whose ``Read`` may block (an ``io.Pipe``'s):
        ``ok = yield from s.blocking_scan()``."""
        if self._done:
            return False
        self._scanned = True
        while True:
            if self._end > self._start or self._err is not None:
                data = self._buf[self._start : self._end]
                if self._program_split is None:
                    advance, token = self._split(data, self._err is not None)
                else:
                    found = self._split_by_program(data)
                    if found is not None:
                        return found
                    yield from self._fill()
                    continue
                self._start += advance
                self._token = token
                if token is not None:
                    return True
            if self._err is not None:
                self._start = self._end = 0
                return False
            self._make_room()
            if self._err is ErrTooLong:
                return False
            yield from self._fill()

    def _split_by_program(self, data: bytearray) -> bool | None:
        """One call of the program's SplitFunc, as Go's Scan makes it: what Scan
        returns, or None where it reads on."""
        assert self._program_split is not None
        advance, token, err = self._program_split(list(data), self._err is not None)
        token = None if token is None or is_nil(token) else bytes(token)
        if err is not None:
            if err is ErrFinalToken:
                self._token, self._done = token, True
                return token is not None
            self._set_err(err)
            return False
        if advance < 0 or advance > len(data):
            self._set_err(ErrNegativeAdvance if advance < 0 else ErrAdvanceTooFar)
            return False
        self._start += advance
        self._token = token
        if token is not None:
            if self._err is None or advance > 0:
                self._empties = 0
            else:
                self._empties += 1
                if self._empties > _MAX_EMPTY_TOKENS:
                    panic("bufio.Scan: too many empty tokens without progressing")
            return True
        if self._err is not None:
            self._start = self._end = 0
            return False
        self._make_room()
        return False if self._err is ErrTooLong else None

    def _make_room(self) -> None:
        """The unread bytes moved to the front of the buffer when it is full or half
        read, and the buffer doubled when it is full (``ErrTooLong`` past the longest)."""
        if self._start > 0 and (self._end == len(self._buf) or self._start > len(self._buf) // 2):
            self._buf[: self._end - self._start] = self._buf[self._start : self._end]
            self._end -= self._start
            self._start = 0
        if self._end == len(self._buf):
            if len(self._buf) >= self._max:
                self._set_err(ErrTooLong)
                return
            size = min(len(self._buf) * 2 or _FIRST_BUFFER, self._max)
            grown = bytearray(size)
            grown[: self._end - self._start] = self._buf[self._start : self._end]
            self._end -= self._start
            self._start = 0
            self._buf = grown

    def _fill(self) -> Generator[Any, Any, None]:
        """``Read`` into the free end of the buffer until it gives bytes or an error,
        as Go's: a count out of range is ``ErrBadReadCount``, and a 101st read of
        nothing in a row ``io.ErrNoProgress``."""
        for _ in range(101):
            room = [0] * (len(self._buf) - self._end)
            n, err = yield from _one_read(self._r, room)
            if not 0 <= n <= len(room):
                self._set_err(ErrBadReadCount)
                return
            self._buf[self._end : self._end + n] = bytes(room[:n])
            self._end += n
            if err is not None:
                self._set_err(err)
                return
            if n > 0:
                return
        self._set_err(LIBRARY_ERRORS["io.ErrNoProgress"])

    def text(self) -> str:
        """``s.Text()``: the token as a string."""
        token = self._token or b""
        try:
            return token.decode()
        except UnicodeDecodeError:
            raise SimlabError(
                "Scanner.Text of bytes that are no UTF-8, a string simlab cannot hold: use Bytes"
            ) from None

    def bytes(self) -> list[int]:
        """``s.Bytes()``: the token's bytes; nil before the first token."""
        return NilSlice() if self._token is None else list(self._token)

    def err(self) -> Any:
        """``s.Err()``: the error that ended the scan; nil at the end of the input."""
        return None if self._err is EOF else self._err


class Replacer(GoNames):
    """A ``*strings.Replacer``: pairs of old and new strings. At each byte of the
    text the first pair (in the order given) whose old string starts there is
    replaced, and the text after it goes on; an empty old string matches at every
    byte but right after its own match, so ``("", "-")`` puts ``-`` between bytes."""

    go_name = "*strings.Replacer"

    __slots__ = ("_pairs",)

    def __init__(self, *oldnew: str) -> None:
        if len(oldnew) % 2:
            panic("strings.NewReplacer: odd argument count")
        self._pairs = [
            (oldnew[i].encode(), oldnew[i + 1].encode()) for i in range(0, len(oldnew), 2)
        ]

    def replace(self, s: str) -> str:
        """``r.Replace(s)``; one that would cut a rune's UTF-8 (an empty old string
        in a text that is not ASCII), which simlab cannot hold, ends the run."""
        text, out = s.encode(), bytearray()
        i = last = 0
        after_empty = False
        while i <= len(text):
            match = next(
                (
                    (old, new)
                    for old, new in self._pairs
                    if text.startswith(old, i) and not (after_empty and not old)
                ),
                None,
            )
            after_empty = match is not None and not match[0]
            if match is None:
                i += 1
                continue
            out += text[last:i] + match[1]
            i += len(match[0])
            last = i
        out += text[last:]
        try:
            return out.decode()
        except UnicodeDecodeError:
            raise SimlabError(
                "strings.Replacer with an empty old string cuts the UTF-8 of a rune, a"
                " string simlab cannot hold"
            ) from None


class TabWriter(GoNames):
    """A ``*tabwriter.Writer``: what is written to it (by ``fmt.Fprintf(w, ...)`` or
    ``w.Write``) is aligned in columns and passed on to its output a block at a time,
    when Go's writer would pass it on; ``Flush`` passes on the rest."""

    go_name = "*tabwriter.Writer"
    go_methods = method_set("Flush Init Write")  # which an interface assertion finds

    __slots__ = ("_out", "_tw")

    def __init__(self, output: Any = None, *config: int) -> None:
        self._out: Any = None
        self._tw = Tabwriter()
        if output is not None:
            self.init(output, *config)

    def init(
        self, output: Any, minwidth: int, tabwidth: int, padding: int, padchar: int, flags: int
    ) -> TabWriter:
        """``w.Init(output, minwidth, tabwidth, padding, padchar, flags)``."""
        if flags & (FILTER_HTML | STRIP_ESCAPE):
            raise SimlabError(
                "text/tabwriter: simlab does not model FilterHTML or StripEscape: "
                "write the text as it should be aligned"
            )
        if minwidth < 0 or tabwidth < 0 or padding < 0:
            panic("negative minwidth, tabwidth, or padding")
        self._out = output
        self._tw = Tabwriter(minwidth, tabwidth, padding, chr(padchar), flags)
        return self

    def write(self, data: str | list[int]) -> tuple[int, Any]:
        """``w.Write(p)``, and what ``fmt.Fprintf(w, ...)`` writes."""
        return _at_once(self.blocking_write(data), "tabwriter.Writer")

    def flush(self) -> Any:
        """``w.Flush()``: the lines written so far, aligned, to the output."""
        return _at_once(self.blocking_flush(), "tabwriter.Writer")

    Write, Flush = write, flush  # Go's names, which an interface of the program calls

    def blocking_write(self, data: str | list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        """``w.Write(p)`` in a program that calls io.Pipe or net.Pipe, whose output
        may be a pipe's. Where the output fails (or takes fewer bytes), Go's writer
        stops there: it returns the bytes taken up to the end of that block and the
        error, and keeps the block's lines."""
        text = data if isinstance(data, str) else bytes(data).decode(errors="replace")
        for i, pieces, kept in self._tw.blocks(text):
            err = yield from self._put(pieces)
            if err is not None:
                self._tw.restore(kept)
                return len(text[: i + 1].encode()), err
        return len(text.encode()), None

    def blocking_flush(self) -> Generator[Any, Any, Any]:
        """``w.Flush()``: its error is the output's; the lines go, written or not."""
        return (yield from self._put(self._tw.flush_pieces()))

    def _put(self, pieces: list[str]) -> Generator[Any, Any, Any]:
        """Each piece, one ``Write`` of the output each, as Go's writer hands them
        over; the first error (``io.ErrShortWrite`` for fewer bytes taken) stops it."""
        for piece in pieces:
            n, err = yield from blocking_write(self._out, piece)
            if err is None and n != len(piece.encode()):
                err = LIBRARY_ERRORS["io.ErrShortWrite"]
            if err is not None:
                return err
        return None


def io_read_all(r: Any) -> tuple[list[int], Any]:
    """``io.ReadAll(r)`` of a reader of the library's."""
    return _at_once(blocking_read_all(r), "io.ReadAll")


def blocking_read_all(r: Any) -> Generator[Any, Any, tuple[list[int], Any]]:
    """``io.ReadAll(r)``: the bytes not read yet (an empty slice, not nil, where
    there are none), and nil at ``io.EOF``; ``r`` is a reader of the library's or
    an ``io.Pipe``'s, whose reads may block."""
    _library_reader(r, "io.ReadAll")
    out: list[int] = []
    while True:
        chunk = [0] * 512
        n, err = yield from _one_read(r, chunk)
        if n < 0:  # Go's b = b[:len(b)+n] shrinks the bytes read, and panics below 0
            _check_slice(len(out), 0, len(out) + n, "capacity")
            del out[len(out) + n :]
        out += chunk[: max(n, 0)]
        if err is not None:
            return out, None if err is EOF else err


_COPY_BUFFER = 32 * 1024  # io.Copy's, for a reader and writer that do not copy themselves
_DISCARD_BLOCK = 8192  # io.Discard's ReadFrom reads into blocks of this size


def io_copy(dst: Any, src: Any) -> tuple[int, Any]:
    """``io.Copy(dst, src)`` where neither end blocks."""
    return _at_once(blocking_copy(dst, src), "io.Copy")


def blocking_copy(dst: Any, src: Any) -> Generator[Any, Any, tuple[int, Any]]:
    """``io.Copy(dst, src)``: ``src``'s bytes written to ``dst`` until ``src``'s
    ``io.EOF`` (nil then) or another error, a read of up to 32 KiB at a time, each
    written at once; the bytes written, and the first error, with Go's
    ``io.ErrShortWrite`` for a write that took fewer bytes than it was given.
    Either end may block (an ``io.Pipe``'s, a writer of the program's). As Go's,
    a ``src`` of the program's with a ``WriteTo`` method copies itself, and else a
    ``dst`` with a ``ReadFrom`` method reads ``src`` (unless ``src`` is one of the
    library's readers that Go gives a ``WriteTo``, whose writes go to ``dst``'s
    ``Write``)."""
    if isinstance(src, StringsReader | Buffer):
        return (yield from _write_to(src, dst))
    if callable(getattr(type(src), "WriteTo", None)):
        return (yield from _copied_by(src.WriteTo, dst))
    library_writer_to = getattr(type(src), "go_writer_to", False)  # writes to dst's Write
    if callable(getattr(type(dst), "ReadFrom", None)) and not library_writer_to:
        return (yield from _copied_by(dst.ReadFrom, src))
    written, size = 0, _DISCARD_BLOCK if dst is discard else _COPY_BUFFER
    while True:
        buf = [0] * size
        nr, rerr = yield from _one_read(src, buf)
        if nr > 0:
            nw, werr = yield from blocking_write(dst, buf[:nr])
            if not 0 <= nw <= nr:
                nw, werr = 0, werr or _INVALID_WRITE
            written += nw
            if werr is not None:
                return written, werr
            if nw != nr:
                return written, LIBRARY_ERRORS["io.ErrShortWrite"]
        if rerr is not None:
            return written, None if rerr is EOF else rerr


def promoted_write_to(r: Any, w: Any) -> Generator[Any, Any, tuple[int, Any]]:
    """The ``WriteTo`` a struct promotes from an embedded ``*strings.Reader``,
    ``*bytes.Reader`` or ``*bufio.Reader`` (``struct{ *bytes.Reader }``), which
    ``io.Copy`` calls: the reader's bytes written to ``w``, as ``io.Copy(w, r)`` of
    the reader itself writes them."""
    return (yield from blocking_copy(w, r))


def _copied_by(method: Callable[[Any], Any], other: Any) -> Generator[Any, Any, tuple[int, Any]]:
    """A copy the program's ``WriteTo`` or ``ReadFrom`` makes (it may block)."""
    result = method(other)
    n, err = (yield from result) if isgenerator(result) else result
    return int(n), err


def _write_to(src: StringsReader | Buffer, dst: Any) -> Generator[Any, Any, tuple[int, Any]]:
    """Go's ``WriteTo`` of a strings.Reader, a bytes.Reader or a bytes.Buffer, which
    io.Copy calls: what is left of it in one write (a strings.Reader's through
    ``io.WriteString``), none where nothing is; how many bytes were taken, and the
    writer's error (``io.ErrShortWrite`` where it took fewer)."""
    rest: bytes | list[int]
    if isinstance(src, Buffer):
        rest, name = list(src.bytes()), "bytes.Buffer"
    else:
        rest, name = src._b[src._i :], f"{src._package}.Reader"
        src._prev = -1
    if not rest:
        return 0, None
    method = "WriteString" if type(src) is StringsReader else "Write"
    if method == "WriteString" and callable(getattr(type(dst), "WriteString", None)):
        result = dst.WriteString(bytes(rest).decode())
    else:
        text = bytes(rest).decode() if method == "WriteString" else list(rest)
        result = yield from blocking_write(dst, text)
    m, err = (yield from result) if isgenerator(result) else result
    if m > len(rest):
        panic(f"{name}.WriteTo: invalid {method} count")
    if isinstance(src, Buffer):
        src.next(m)
    else:
        src._i += m
    if err is None and m != len(rest):
        err = LIBRARY_ERRORS["io.ErrShortWrite"]
    return m, err


def io_copy_buffer(dst: Any, src: Any, buf: Any) -> tuple[int, Any]:
    """``io.CopyBuffer(dst, src, buf)``: :func:`io_copy`, its reads of up to 32 KiB
    where Go's reads into ``buf`` (a ``WriterTo`` or ``ReaderFrom`` uses neither);
    Go's panic for an empty, non-nil ``buf``."""
    if buf is not None and not isinstance(buf, NilSlice) and len(buf) == 0:
        panic("empty buffer in CopyBuffer")
    return io_copy(dst, src)


_INVALID_WRITE = new_error("invalid write result")  # io's errInvalidWrite


_DEFAULT_BUF_SIZE = 4096  # a bufio.Reader's or Writer's, unless its maker says


class BufReader(GoNames):
    """A ``*bufio.Reader`` over a reader of the library's: Go's buffer (4096 bytes
    unless ``NewReaderSize`` says, 16 at least) filled by the reader's ``Read`` as Go's
    is, so that ``ReadLine`` gives a line longer than it in parts, as Go's does.
    ``bufio_new_reader`` makes one."""

    go_name = "*bufio.Reader"

    __slots__ = ("_buf", "_err", "_last_byte", "_last_rune", "_r", "_rd", "_w")
    go_writer_to = True  # Go's has a WriteTo method, which io.Copy calls
    go_methods = method_set(
        "Buffered Discard Peek Read ReadByte ReadBytes ReadLine ReadRune "
        "ReadSlice ReadString Reset Size UnreadByte UnreadRune WriteTo"
    )

    def __init__(self, rd: Any, size: int = _DEFAULT_BUF_SIZE) -> None:
        self._rd = _library_reader(rd, "bufio.NewReader")
        self._buf = bytearray(max(size, 16))
        self._r = self._w = 0  # where the bytes buffered and not read begin and end
        self._err: Any = None  # what the reader's last Read returned, not given yet
        # what UnreadByte and UnreadRune put back: the last read's last byte, and
        # the width of the rune a ReadRune read last (-1: none, the last read was
        # no read or not a ReadRune)
        self._last_byte = self._last_rune = -1

    def _took(self, n: int, rune: int = -1) -> None:
        """A read took the ``n`` bytes before ``_r`` (a ReadRune a rune of that
        width); one that took none leaves what an unread would put back."""
        if n > 0:
            self._last_byte, self._last_rune = self._buf[self._r - 1], rune

    def _read_err(self) -> Any:
        err, self._err = self._err, None
        return err

    def _fill(self) -> Generator[Any, Any, None]:
        """The buffered bytes moved to its front, then ``Read`` after them until it
        gives bytes or an error, as Go's: a 100th read of nothing in a row is
        ``io.ErrNoProgress``."""
        if self._r > 0:
            self._buf[: self._w - self._r] = self._buf[self._r : self._w]
            self._w -= self._r
            self._r = 0
        for _ in range(100):
            room = [0] * (len(self._buf) - self._w)
            n, err = yield from _one_read(self._rd, room)
            self._buf[self._w : self._w + n] = bytes(room[:n])
            self._w += n
            self._err = err
            if n > 0 or err is not None:
                return
        self._err = LIBRARY_ERRORS["io.ErrNoProgress"]

    def size(self) -> int:
        """``b.Size()``: the buffer's size."""
        return len(self._buf)

    def reset(self, rd: Any) -> None:
        """``b.Reset(r)``: what is buffered dropped, reading from ``r`` now (a reset
        to itself does nothing, as Go's)."""
        if rd is self:
            return
        self._rd = _library_reader(rd, "bufio.Reader.Reset")
        self._r = self._w = 0
        self._err = None
        self._last_byte = self._last_rune = -1

    def buffered(self) -> int:
        """``b.Buffered()``: the bytes read into the buffer and not from it yet."""
        return self._w - self._r

    # Each read has two forms: ``read_string`` and the others, and ``blocking_...``,
    # the generator that a program calling io.Pipe yields from (its reader may be
    # a pipe's, whose Read waits for a write).

    def read(self, p: list[int]) -> tuple[int, Any]:
        """``b.Read(p)``."""
        return _at_once(self.blocking_read(p), "bufio.Reader")

    def blocking_read(self, p: list[int]) -> Generator[Any, Any, tuple[int, Any]]:
        """``b.Read(p)``: the buffered bytes that fit in ``p``; with none buffered, one
        ``Read`` of the reader, into ``p`` itself if it is as large as the buffer."""
        if not p:
            return 0, None if self.buffered() > 0 else self._read_err()
        if self._r == self._w:
            if self._err is not None:
                return 0, self._read_err()
            if len(p) >= len(self._buf):
                n, self._err = yield from _one_read(self._rd, p)
                if n > 0:
                    self._last_byte, self._last_rune = p[n - 1], -1
                return n, self._read_err()
            self._r = self._w = 0
            yield from self._fill()
            if self._w == 0:
                return 0, self._read_err()
        n = min(len(p), self._w - self._r)
        p[:n] = self._buf[self._r : self._r + n]
        self._r += n
        self._took(n)
        return n, None

    def Read(self, p: list[int]) -> Any:
        """The io.Reader io.ReadFull and a program's code call: a generator where a
        pipe's reader is under it."""
        return self.blocking_read(p) if waits(self._rd) else self.read(p)

    def read_byte(self) -> tuple[int, Any]:
        """``b.ReadByte()``."""
        return _at_once(self.blocking_read_byte(), "bufio.Reader")

    def blocking_read_byte(self) -> Generator[Any, Any, tuple[int, Any]]:
        """``b.ReadByte()``: the next byte; ``0`` and the reader's error at its end."""
        self._last_rune = -1
        while self._r == self._w:
            if self._err is not None:
                return 0, self._read_err()
            yield from self._fill()
        self._r += 1
        self._took(1)
        return self._buf[self._r - 1], None

    def read_rune(self) -> tuple[int, int, Any]:
        """``b.ReadRune()``."""
        return _at_once(self.blocking_read_rune(), "bufio.Reader")

    # the io.ByteReader and io.RuneReader a program's code calls
    ReadByte, ReadRune = read_byte, read_rune

    def unread_byte(self) -> Any:
        """``b.UnreadByte()``: the last byte the last read took put back;
        ``ErrInvalidUnreadByte`` after no read, or where the buffer has no room
        before its bytes."""
        if self._last_byte < 0 or (self._r == 0 and self._w > 0):
            return ErrInvalidUnreadByte
        if self._r > 0:
            self._r -= 1
        else:
            self._w = 1  # the buffer was empty: the byte is all it holds
        self._buf[self._r] = self._last_byte
        self._last_byte = self._last_rune = -1
        return None

    def peek(self, n: int) -> tuple[list[int], Any]:
        """``b.Peek(n)``."""
        return _at_once(self.blocking_peek(n), "bufio.Reader")

    def blocking_peek(self, n: int) -> Generator[Any, Any, tuple[list[int], Any]]:
        """``b.Peek(n)``: the next ``n`` bytes, not read (a copy, where Go's is the
        buffer itself, valid until the next read); fewer and the reader's error, or
        ``ErrBufferFull``, where it has fewer; ``ErrNegativeCount`` for ``n < 0``."""
        self._last_byte = self._last_rune = -1
        if n < 0:
            return [], ErrNegativeCount
        while self._w - self._r < min(n, len(self._buf)) and self._err is None:
            yield from self._fill()
        if n > len(self._buf):
            return list(self._buf[self._r : self._w]), ErrBufferFull
        err = None
        if self._w - self._r < n:
            n = self._w - self._r
            err = self._read_err() or ErrBufferFull
        return list(self._buf[self._r : self._r + n]), err

    def discard(self, n: int) -> tuple[int, Any]:
        """``b.Discard(n)``."""
        return _at_once(self.blocking_discard(n), "bufio.Reader")

    def blocking_discard(self, n: int) -> Generator[Any, Any, tuple[int, Any]]:
        """``b.Discard(n)``: the next ``n`` bytes skipped; how many, and the
        reader's error where it had fewer; ``ErrNegativeCount`` for ``n < 0``."""
        self._last_byte = self._last_rune = -1
        if n < 0:
            return 0, ErrNegativeCount
        left = n
        while left > 0:
            if self._r == self._w:
                if self._err is not None:
                    return n - left, self._read_err()
                yield from self._fill()
                continue
            skip = min(left, self._w - self._r)
            self._r += skip
            left -= skip
        return n, None

    def blocking_read_rune(self) -> Generator[Any, Any, tuple[int, int, Any]]:
        """``b.ReadRune()``: the next rune and its width (a byte that starts no valid
        encoding a ``RuneError`` of width 1); ``0, 0`` and the error at the end."""
        while (
            self._w - self._r < 4
            and not utf8_full_rune(self._buf[self._r : self._w])
            and self._err is None
            and self._w - self._r < len(self._buf)
        ):
            yield from self._fill()
        self._last_rune = -1
        if self._r == self._w:
            return 0, 0, self._read_err()
        r, width = _decode(self._buf[: self._w], self._r)
        self._r += width
        self._took(width, width)
        return r, width, None

    def unread_rune(self, width: int | None = None) -> Any:
        """``b.UnreadRune()``: the rune the last read, a ReadRune, took put back;
        ``ErrInvalidUnreadRune`` after any other. (fmt's scan, reading the reader
        as an io.RuneScanner, gives the ``width`` of the rune it puts back.)"""
        if width is None:
            width = self._last_rune
            if width < 0 or self._r < width:
                return ErrInvalidUnreadRune
        self._r -= width
        self._last_byte = self._last_rune = -1
        return None

    # the io.ByteScanner and io.RuneScanner a program's code calls
    UnreadByte, UnreadRune = unread_byte, unread_rune

    def _read_slice(self, delim: int) -> Generator[Any, Any, tuple[bytes, Any]]:
        """Go's ``ReadSlice``: the bytes up to and with ``delim``; the rest and the
        reader's error at its end; a full buffer and ``ErrBufferFull`` where the
        buffer holds no ``delim``."""
        searched = 0
        while True:
            i = self._buf.find(delim, self._r + searched, self._w)
            if i >= 0:
                line = bytes(self._buf[self._r : i + 1])
                self._r = i + 1
                self._took(len(line))
                return line, None
            if self._err is not None:
                line = bytes(self._buf[self._r : self._w])
                self._r = self._w
                self._took(len(line))
                return line, self._read_err()
            if self.buffered() >= len(self._buf):
                self._r = self._w
                self._took(len(self._buf))
                return bytes(self._buf), ErrBufferFull
            searched = self._w - self._r
            yield from self._fill()

    def _collect(self, delim: int) -> Generator[Any, Any, tuple[bytes, Any]]:
        out = b""
        while True:
            part, err = yield from self._read_slice(delim)
            out += part
            if err is not ErrBufferFull:
                return out, err

    def read_bytes(self, delim: int) -> tuple[list[int], Any]:
        """``b.ReadBytes(delim)``."""
        return _at_once(self.blocking_read_bytes(delim), "bufio.Reader")

    def blocking_read_bytes(self, delim: int) -> Generator[Any, Any, tuple[list[int], Any]]:
        """``b.ReadBytes(delim)``: the bytes up to and with the first ``delim``; all
        there are, and the reader's error (``io.EOF``), where there is none."""
        line, err = yield from self._collect(delim)
        return list(line), err

    def read_string(self, delim: int) -> tuple[str, Any]:
        """``b.ReadString(delim)``."""
        return _at_once(self.blocking_read_string(delim), "bufio.Reader")

    def blocking_read_string(self, delim: int) -> Generator[Any, Any, tuple[str, Any]]:
        """``b.ReadString(delim)``: ``ReadBytes``'s bytes, as a string."""
        line, err = yield from self._collect(delim)
        return string_of(list(line)), err

    def read_line(self) -> tuple[list[int], bool, Any]:
        """``b.ReadLine()``."""
        return _at_once(self.blocking_read_line(), "bufio.Reader")

    def blocking_read_line(self) -> Generator[Any, Any, tuple[list[int], bool, Any]]:
        """``b.ReadLine()``: the next line without its ``\\n`` or ``\\r\\n``, and whether
        it is only its first part, the buffer full; at the end, nil and ``io.EOF``."""
        line, err = yield from self._read_slice(0x0A)
        if err is ErrBufferFull:
            if line.endswith(b"\r"):  # the \r of a \r\n the buffer cut, read again
                self._r -= 1
                line = line[:-1]
            return list(line), True, None
        if not line:
            return NilSlice() if err is not None else [], False, err
        if line.endswith(b"\n"):
            line = line[:-2] if line.endswith(b"\r\n") else line[:-1]
        return list(line), False, None


def bufio_new_reader(rd: Any, size: int = _DEFAULT_BUF_SIZE) -> BufReader:
    """``bufio.NewReader(rd)`` and ``NewReaderSize``: ``rd`` itself where it is a
    ``*bufio.Reader`` with a buffer as large, as Go's."""
    if isinstance(rd, BufReader) and len(rd._buf) >= size:
        return rd
    return BufReader(rd, size)


_UINT64 = (1 << 64) - 1
_VARINT_OVERFLOW = new_error("binary: varint overflows a 64-bit integer")


def binary_read_uvarint(r: Any) -> tuple[int, Any]:
    """``binary.ReadUvarint(r)``: a varint read byte by byte from an io.ByteReader
    (a ``bufio.Reader``, ``bytes.Reader``, ``bytes.Buffer``, or the program's
    ``ReadByte``); Go's ``io.ErrUnexpectedEOF`` where it ends inside one, and its
    overflow error."""
    return _at_once(blocking_read_uvarint(r), "binary.ReadUvarint")


def binary_read_varint(r: Any) -> tuple[int, Any]:
    """``binary.ReadVarint(r)``: as :func:`binary_read_uvarint`, zig-zag decoded."""
    return _at_once(blocking_read_varint(r), "binary.ReadVarint")


def blocking_read_varint(r: Any) -> Generator[Any, Any, tuple[int, Any]]:
    """:func:`binary_read_varint` from a reader that may wait (a pipe's under a
    ``bufio.Reader``), in a program that calls io.Pipe or net.Pipe."""
    ux, err = yield from blocking_read_uvarint(r)
    x = ux >> 1
    return (~x if ux & 1 else x), err


def blocking_read_uvarint(r: Any) -> Generator[Any, Any, tuple[int, Any]]:
    """:func:`binary_read_uvarint` from a reader that may wait."""
    blocking = getattr(r, "blocking_read_byte", None)
    read = getattr(r, "read_byte", None) or r.ReadByte
    x = shift = 0
    for i in range(10):
        b, err = (yield from blocking()) if blocking is not None else read()
        if err is not None:
            return x, ErrUnexpectedEOF if i > 0 and err is EOF else err
        if b < 0x80:
            if i == 9 and b > 1:
                return x, _VARINT_OVERFLOW
            return (x | b << shift) & _UINT64, None
        x = (x | (b & 0x7F) << shift) & _UINT64  # the tenth byte's bits past 64 are lost
        shift += 7
    return x, _VARINT_OVERFLOW


def _may_block(w: Any) -> bool:
    """``w``'s Write may block: a pipe's, or the program's that waits."""
    return isgeneratorfunction(getattr(type(w), "Write", None))


class BufWriter(GoNames):
    """A ``*bufio.Writer``: what is written waits in its buffer (4096 bytes unless
    ``NewWriterSize`` says) until ``Flush``, or until it would overflow, as Go's: a
    write that does not fit fills the buffer and flushes it, and one larger than an
    empty buffer goes straight through. What is never flushed is never written.
    The first error the output gives is kept: every write and flush after it
    returns it, as Go's. Each write and ``Flush`` has a generator form,
    ``blocking_...``, that a program calling io.Pipe or net.Pipe yields from (the
    output may be a pipe's, whose Write waits for a read)."""

    go_name = "*bufio.Writer"

    __slots__ = ("_buf", "_err", "_out", "_size")

    def __init__(self, out: Any, size: int = 4096) -> None:
        self._out, self._size, self._buf = out, size if size > 0 else 4096, bytearray()
        self._err: Any = None

    def write(self, data: str | list[int]) -> tuple[int, Any]:
        """``w.Write(p)``, ``w.WriteString(s)``, and what ``fmt.Fprintf(w, ...)`` writes."""
        return _at_once(self.blocking_write(data), "bufio.Writer")

    def write_string(self, s: str) -> tuple[int, Any]:
        return _at_once(self.blocking_write_string(s), "bufio.Writer")

    def write_byte(self, b: int) -> Any:
        return _at_once(self.blocking_write_byte(b), "bufio.Writer")

    # the io.ByteWriter and io.StringWriter a program's code calls
    WriteByte, WriteString = write_byte, write_string

    def write_rune(self, r: int) -> tuple[int, Any]:
        return self.write(rune_text(r))

    def flush(self) -> Any:
        """``w.Flush()``: the buffered bytes to the output; the error kept, if any."""
        return _at_once(self.blocking_flush(), "bufio.Writer")

    # Go's names, which an interface of the program calls (a Flush beside io.Writer);
    # its Write through go.call where the io.Writer's may block: the generator form
    # where the output's Write may block (a pipe's), else the plain one

    def Write(self, data: list[int]) -> Any:
        return self.blocking_write(data) if _may_block(self._out) else self.write(data)

    WriteString, WriteByte, WriteRune, Flush = write_string, write_byte, write_rune, flush

    def ReadFrom(self, r: Any) -> Any:
        """``w.ReadFrom(r)``, which ``io.Copy(w, r)`` calls: the generator form where
        ``r``'s Read or the output's Write may block, else its result."""
        reading = self.blocking_read_from(r)
        if _may_block(self._out) or isgeneratorfunction(getattr(type(r), "Read", None)):
            return reading
        return _at_once(reading, "bufio.Writer.ReadFrom")

    def blocking_read_from(self, r: Any) -> Generator[Any, Any, tuple[int, Any]]:
        """Go's ReadFrom: ``r`` read straight into the buffer's room, flushed when
        full; into an output that reads from readers itself (its ReadFrom) once the
        buffer is empty; at ``io.EOF`` a buffer filled exactly is flushed, and else
        what was read waits for Flush. A hundred reads in a row of nothing is
        ``io.ErrNoProgress``."""
        if self._err is not None:
            return 0, self._err
        reader_from = getattr(type(self._out), "ReadFrom", None)
        n, err = 0, None
        while True:
            if (
                len(self._buf) >= self._size
                and (flushed := (yield from self.blocking_flush())) is not None
            ):
                return n, flushed
            if callable(reader_from) and not self._buf:
                nn, self._err = yield from _copied_by(self._out.ReadFrom, r)
                return n + nn, self._err
            for _ in range(100):
                room = [0] * (self._size - len(self._buf))
                m, err = yield from _one_read(r, room)
                if m != 0 or err is not None:
                    break
            else:
                return n, LIBRARY_ERRORS["io.ErrNoProgress"]
            self._buf += bytes(room[:m])
            n += m
            if err is not None:
                break
        if err is EOF:
            err = (yield from self.blocking_flush()) if len(self._buf) >= self._size else None
        return n, err

    def blocking_write(
        self, data: str | list[int], straight: Callable[[bytes], Any] | bool | None = None
    ) -> Generator[Any, Any, tuple[int, Any]]:
        """Write's loop: a write that does not fit fills the buffer and flushes it;
        one larger than an empty buffer goes straight to the output (``straight``,
        its Write unless said otherwise), or, ``straight`` False, through the buffer."""
        raw = data.encode() if isinstance(data, str) else bytes(data)
        written = 0
        while len(raw) > self._size - len(self._buf) and self._err is None:
            if not self._buf and straight is not False:  # large, nothing buffered
                if straight is None or straight is True:
                    n, self._err = yield from blocking_write(self._out, list(raw))
                else:
                    result = straight(raw)
                    n, self._err = (yield from result) if isgenerator(result) else result
            else:
                n = self._size - len(self._buf)
                self._buf += raw[:n]
                yield from self.blocking_flush()
            written += n
            raw = raw[n:]
        if self._err is not None:
            return written, self._err
        self._buf += raw
        return written + len(raw), None

    def blocking_write_string(self, s: str) -> Generator[Any, Any, tuple[int, Any]]:
        """``w.WriteString(s)``: as Write, but a large string goes straight through
        only to an output that has WriteString itself (Go's io.StringWriter: a file,
        a Buffer, a Builder, a type of the program's), by that method; to any other
        it goes through the buffer, a buffer-full at a time."""
        out = self._out
        method = getattr(out, "WriteString", None)
        if callable(method):
            return (yield from self.blocking_write(s, lambda rest: method(rest.decode())))
        if out is stdout or out is stderr:  # an *os.File, whose WriteString writes it at once
            return (yield from self.blocking_write(s))
        return (yield from self.blocking_write(s, False))

    def blocking_write_byte(self, b: int) -> Generator[Any, Any, Any]:
        if self._err is not None:
            return self._err
        if len(self._buf) >= self._size and (yield from self.blocking_flush()) is not None:
            return self._err
        self._buf.append(b)
        return None

    def blocking_write_rune(self, r: int) -> Generator[Any, Any, tuple[int, Any]]:
        return (yield from self.blocking_write(rune_text(r)))

    def blocking_flush(self) -> Generator[Any, Any, Any]:
        if self._err is not None or not self._buf:
            return self._err
        n, err = yield from blocking_write(self._out, list(self._buf))
        n = max(0, min(n, len(self._buf)))
        if n < len(self._buf) and err is None:
            err = LIBRARY_ERRORS["io.ErrShortWrite"]
        del self._buf[:n]
        self._err = err
        return err

    def buffered(self) -> int:
        return len(self._buf)

    def available(self) -> int:
        return self._size - len(self._buf)

    def size(self) -> int:
        return self._size

    def reset(self, out: Any) -> None:
        """``w.Reset(out)``: what is buffered and the error kept dropped, writing to
        ``out`` now (a reset to itself does nothing, as Go's)."""
        if out is self:
            return
        self._out, self._buf, self._err = out, bytearray(), None

    # the methods a program's interface declares (interface{ io.Writer; Buffered() int })
    Buffered, Available, Size = buffered, available, size
