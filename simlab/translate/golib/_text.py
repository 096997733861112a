"""``strings.Reader``, ``bufio.Scanner`` over one, ``strings.Replacer``,
``text/tabwriter`` and ``bufio.Writer``: a string read as its UTF-8 bytes, split into
lines, words, runes or bytes with Go's buffer (so that a token too long for it ends
the scan with ``bufio.ErrTooLong`` where Go's does), rewritten as Go's replacer
does, byte by byte, aligned in columns, or held in a buffer until it is flushed.
"""

from __future__ import annotations

from typing import Any

from simlab.errors import SimlabError
from simlab.go._tabwriter import FILTER_HTML, STRIP_ESCAPE, Tabwriter

from ._errors import new_error
from ._io import EOF, _write
from ._panics import panic
from ._strings import unicode_is_space, utf8_full_rune
from ._values import NilSlice

ErrTooLong = new_error("bufio.Scanner: token too long")  # bufio.ErrTooLong

_MAX_TOKEN = 64 * 1024  # bufio.MaxScanTokenSize
_FIRST_BUFFER = 4096  # the size of a Scanner's first buffer


class StringsReader:
    """A ``*strings.Reader``: the bytes of a string, read from the front."""

    __slots__ = ("_b", "_i")

    def __init__(self, s: str = "") -> None:
        self._b = s.encode()
        self._i = 0

    def len(self) -> int:
        """``r.Len()``: the bytes not read yet."""
        return len(self._b) - self._i

    def size(self) -> int:
        """``r.Size()``: the bytes of the whole string."""
        return len(self._b)

    def reset(self, s: str) -> None:
        """``r.Reset(s)``: reading ``s`` from its start."""
        self._b, self._i = s.encode(), 0

    def read(self, p: list[int]) -> tuple[int, Any]:
        """``r.Read(p)``: as many bytes as fit in ``p``; ``0, io.EOF`` once all are
        read."""
        if self._i >= len(self._b):
            return 0, EOF
        n = min(len(p), len(self._b) - self._i)
        p[:n] = self._b[self._i : self._i + n]
        self._i += n
        return n, None

    Read = read  # the io.Reader a program's code calls

    def read_byte(self) -> tuple[int, Any]:
        """``r.ReadByte()``: the next byte; ``0, io.EOF`` at the end."""
        if self._i >= len(self._b):
            return 0, EOF
        self._i += 1
        return self._b[self._i - 1], None

    def read_rune(self) -> tuple[int, int, Any]:
        """``r.ReadRune()``: the next rune and its width in bytes; ``0, 0, io.EOF``
        at the end."""
        if self._i >= len(self._b):
            return 0, 0, EOF
        r, width = _decode(self._b, self._i)
        self._i += width
        return r, width, None


def _decode(b: bytes | bytearray, i: int) -> tuple[int, int]:
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


class Scanner:
    """A ``*bufio.Scanner`` over a ``*strings.Reader``: Go's buffer (4096 bytes, then
    doubled up to the longest token, 64 KiB or ``Buffer``'s), refilled by ``Read``
    as Go's is, so each ``Scan`` gives Go's token, or stops with Go's error."""

    __slots__ = ("_buf", "_end", "_err", "_max", "_r", "_scanned", "_split", "_start", "_token")

    def __init__(self, r: Any) -> None:
        if not isinstance(r, StringsReader):
            raise SimlabError(
                "bufio.NewScanner of a reader other than a *strings.Reader, which simlab"
                " does not model: scan strings.NewReader(text)"
            )
        self._r = r
        self._split = _scan_lines
        self._max = _MAX_TOKEN
        self._buf = bytearray()
        self._start = self._end = 0
        self._err: Any = None
        self._token: bytes | None = None
        self._scanned = False

    def split(self, kind: str) -> None:
        """``s.Split(bufio.ScanWords)``: ``kind`` is ``"lines"``, ``"words"``,
        ``"runes"`` or ``"bytes"``."""
        if self._scanned:
            panic("Split called after Scan")
        self._split = _SPLITS[kind]

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
        self._scanned = True
        while True:
            if self._end > self._start or self._err is not None:
                data = self._buf[self._start : self._end]
                advance, token = self._split(data, self._err is not None)
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
            self._fill()

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

    def _fill(self) -> None:
        """One ``Read`` into the free end of the buffer."""
        room = [0] * (len(self._buf) - self._end)
        n, err = self._r.read(room)
        self._buf[self._end : self._end + n] = bytes(room[:n])
        self._end += n
        if err is not None:
            self._set_err(err)

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


class Replacer:
    """A ``*strings.Replacer``: pairs of old and new strings. At each byte of the
    text the first pair (in the order given) whose old string starts there is
    replaced, and the text after it goes on; an empty old string matches at every
    byte but right after its own match, so ``("", "-")`` puts ``-`` between bytes."""

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


class TabWriter:
    """A ``*tabwriter.Writer``: what is written to it (by ``fmt.Fprintf(w, ...)`` or
    ``w.Write``) is aligned in columns and passed on to its output a block at a time,
    when Go's writer would pass it on; ``Flush`` passes on the rest."""

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

    def write(self, data: str | list[int]) -> tuple[int, None]:
        """``w.Write(p)``, and what ``fmt.Fprintf(w, ...)`` writes."""
        text = data if isinstance(data, str) else bytes(data).decode(errors="replace")
        if out := self._tw.write(text):
            _write(self._out, out)
        return len(text.encode()), None

    def flush(self) -> None:
        """``w.Flush()``: the lines written so far, aligned, to the output."""
        if out := self._tw.flush():
            _write(self._out, out)


def io_read_all(r: Any) -> tuple[list[int], Any]:
    """``io.ReadAll(r)`` of a ``*strings.Reader``: the bytes not read yet."""
    if not isinstance(r, StringsReader):
        raise SimlabError(
            f"io.ReadAll: simlab reads a *strings.Reader only, not a {type(r).__name__}"
        )
    rest = list(r._b[r._i :])
    r._i = len(r._b)
    return rest, None


class BufWriter:
    """A ``*bufio.Writer``: what is written waits in its buffer (4096 bytes unless
    ``NewWriterSize`` says) until ``Flush``, or until it would overflow, as Go's: a
    write that does not fit fills the buffer and flushes it, and one larger than an
    empty buffer goes straight through. What is never flushed is never written."""

    __slots__ = ("_buf", "_out", "_size")

    def __init__(self, out: Any, size: int = 4096) -> None:
        self._out, self._size, self._buf = out, size if size > 0 else 4096, bytearray()

    def write(self, data: str | list[int]) -> tuple[int, None]:
        """``w.Write(p)``, ``w.WriteString(s)``, and what ``fmt.Fprintf(w, ...)`` writes."""
        raw = data.encode() if isinstance(data, str) else bytes(data)
        n = len(raw)
        while len(raw) > self._size - len(self._buf):
            if not self._buf:  # a large write with nothing buffered: straight through
                _write(self._out, raw.decode(errors="replace"))
                return n, None
            room = self._size - len(self._buf)
            self._buf += raw[:room]
            raw = raw[room:]
            self.flush()
        self._buf += raw
        return n, None

    def write_string(self, s: str) -> tuple[int, None]:
        return self.write(s)

    def write_byte(self, b: int) -> None:
        self.write([b])

    def write_rune(self, r: int) -> tuple[int, None]:
        return self.write(chr(r))

    def flush(self) -> None:
        """``w.Flush()``: the buffered bytes to the output."""
        if self._buf:
            text, self._buf = bytes(self._buf).decode(errors="replace"), bytearray()
            _write(self._out, text)

    def buffered(self) -> int:
        return len(self._buf)

    def available(self) -> int:
        return self._size - len(self._buf)

    def size(self) -> int:
        return self._size
