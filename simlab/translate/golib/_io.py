"""``io``, ``os.Stdout`` and the writers fmt and log write to: ``io.EOF``,
``io.ReadFull``, ``io.Discard``, ``bytes.Buffer`` (read from too),
``strings.Builder``, ``hash/fnv``'s hashes, ``hash/crc32``'s and ``hash/adler32``'s
checksums and hashes.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Generator
from inspect import isgenerator
from typing import Any

from simlab.errors import GoPanic, SimlabError

from ._errors import LIBRARY_ERRORS, new_error
from ._gonames import GoNames
from ._strings import rune_text, string_of, utf8_decode_rune
from ._values import NilSlice, Ref, at_once, call, is_nil, method_set

EOF = new_error("EOF")  # io.EOF
ErrUnexpectedEOF = new_error("unexpected EOF")  # io.ErrUnexpectedEOF


def _at_once(reading: Generator[Any, Any, Any], what: str) -> Any:
    """What ``reading`` (or writing) returns, where it must not block: ``what``'s
    call in a program that makes no pipe (whose translation does not yield from it)."""
    return at_once(
        reading,
        f"{what} calls a Read or a Write that blocks, which simlab models only in a"
        " program that calls io.Pipe or net.Pipe or declares a Read or Write method"
        " that blocks: read and write in the goroutine itself, or through a"
        " *strings.Reader and a bytes.Buffer",
    )


def read_full(r: Any, buf: list[Any]) -> Generator[Any, Any, tuple[int, Any]]:
    """``io.ReadFull(r, buf)``: :func:`read_at_least` of the whole of ``buf``."""
    return (yield from read_at_least(r, buf, len(buf)))


def read_at_least(r: Any, buf: list[Any], least: int) -> Generator[Any, Any, tuple[int, Any]]:
    """``io.ReadAtLeast(r, buf, least)``: ``r.Read`` until ``least`` bytes are in
    ``buf`` or it fails: the error is nil once they are, ``io.ErrUnexpectedEOF``
    for ``io.EOF`` after some bytes, ``io.ErrShortBuffer`` where ``buf`` cannot
    hold them. ``r.Read`` may block (a generator)."""
    if len(buf) < least:
        return 0, LIBRARY_ERRORS["io.ErrShortBuffer"]
    n, err = 0, None
    while n < least and err is None:
        part = buf if n == 0 else buf[n:]  # a slice is a copy here: copied back below
        nn, err = yield from call(r.Read, part)
        if part is not buf:
            buf[n : n + nn] = part[:nn]
        n += nn
    if n >= least:
        err = None
    elif n > 0 and err is EOF:
        err = ErrUnexpectedEOF
    return n, err


_IEEE = 0xEDB88320  # crc32.IEEE, the polynomial zlib's crc32 computes


def crc32_make_table(poly: int) -> Ref:
    """``crc32.MakeTable(poly)``: a pointer to the table (a ``*crc32.Table``, which
    ``tab[1]`` indexes) of the reversed polynomial ``poly`` (``crc32.IEEE``,
    ``Castagnoli``, ``Koopman``). The package keeps one table of IEEE and one of
    Castagnoli, which every call for them returns (``MakeTable(crc32.IEEE) ==
    crc32.IEEETable``); any other polynomial's is a new table each time."""
    shared = _SHARED_TABLES.get(poly)
    if shared is not None:
        return shared
    table = []
    for i in range(256):
        crc = i
        for _ in range(8):
            crc = (crc >> 1) ^ poly if crc & 1 else crc >> 1
        table.append(crc)
    return Ref(table)


_SHARED_TABLES: dict[int, Ref] = {}
IEEE_TABLE = _SHARED_TABLES[_IEEE] = crc32_make_table(_IEEE)  # crc32.IEEETable
_SHARED_TABLES[0x82F63B78] = crc32_make_table(0x82F63B78)  # crc32.Castagnoli's


def crc32_update(crc: int, table: Ref, data: Any) -> int:
    """``crc32.Update(crc, tab, p)``: ``crc`` with the bytes of ``p`` added."""
    raw = data.encode() if isinstance(data, str) else bytes(data)
    if table is IEEE_TABLE or table.v == IEEE_TABLE.v:
        return zlib.crc32(raw, crc)
    crc ^= 0xFFFFFFFF
    for b in raw:
        crc = table.v[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def crc32_checksum(data: Any, table: Ref) -> int:
    """``crc32.Checksum(data, tab)``."""
    return crc32_update(0, table, data)


def crc32_ieee(data: Any) -> int:
    """``crc32.ChecksumIEEE(data)``: the CRC-32 of the IEEE polynomial, zlib's."""
    return zlib.crc32(bytes(data))


def hash_method(h: Any, name: str) -> Any:
    """``h.Sum``, ``h.Sum64``, ``h.Reset``... of a ``hash.Hash`` that may hold a type
    of the program's, whose methods have Go's names, or one of the library's, whose
    have simlab's (``sum64``, ``block_size``)."""
    own = getattr(h, name, None)
    return own if own is not None else getattr(h, _HASH_METHODS[name])


_HASH_METHODS = {
    "Sum": "sum",
    "Sum32": "sum32",
    "Sum64": "sum64",
    "Reset": "reset",
    "Size": "size",
    "BlockSize": "block_size",
}


class CRC32:
    """``crc32.NewIEEE()`` or ``crc32.New(tab)``: a ``hash.Hash32`` of the bytes
    written so far, the checksum ``crc32.Checksum`` gives of them all."""

    __slots__ = ("_c", "_table")
    go_name = "*crc32.digest"

    def __init__(self, table: Ref = IEEE_TABLE) -> None:
        self._c, self._table = 0, table

    def write(self, data: str | list[int]) -> tuple[int, None]:
        raw = data.encode() if isinstance(data, str) else bytes(data)  # fmt's text too
        self._c = crc32_update(self._c, self._table, raw)
        return len(raw), None

    def sum32(self) -> int:
        return self._c

    def sum(self, b: list[int] | None) -> list[int]:
        """``h.Sum(b)``: ``b`` with the checksum appended, big-endian."""
        return [*(b or ()), *self._c.to_bytes(4, "big")]

    def reset(self) -> None:
        self._c = 0

    def size(self) -> int:
        return 4

    def block_size(self) -> int:
        return 1

    # Go's names, which an interface of the program calls and an assertion to
    # hash.Hash32 looks for
    Write, Sum32, Sum, Reset, Size, BlockSize = write, sum32, sum, reset, size, block_size


def adler32_checksum(data: Any) -> int:
    """``adler32.Checksum(data)``: zlib's Adler-32."""
    return zlib.adler32(bytes(data))


class Adler32(CRC32):
    """``adler32.New()``: a ``hash.Hash32`` of the Adler-32 of the bytes written."""

    __slots__ = ()
    go_name = "*adler32.digest"
    go_own_type = True  # golib builds it on its base class, which Go does not

    def __init__(self) -> None:
        super().__init__()
        self._c = 1

    def write(self, data: str | list[int]) -> tuple[int, None]:
        raw = data.encode() if isinstance(data, str) else bytes(data)
        self._c = zlib.adler32(raw, self._c)
        return len(raw), None

    def reset(self) -> None:
        self._c = 1

    def block_size(self) -> int:
        return 4

    Write, Reset, BlockSize = write, reset, block_size


class FNV:
    """``hash/fnv``'s hashes: ``fnv.New32a()`` is ``FNV(32, a=True)``. Each byte
    written is mixed in by the FNV-1 rule (multiply by the prime, then xor the
    byte) or, for FNV-1a, the other way round; ``sum32``/``sum64`` read the sum."""

    __slots__ = ("_h", "a", "bits")

    def __new__(cls, bits: int, a: bool = False) -> FNV:
        # one class for each of Go's types, for %T and hash.Hash32 or Hash64
        return object.__new__(_FNV_TYPES[bits, a] if cls is FNV else cls)

    def __init__(self, bits: int, a: bool = False) -> None:
        self.bits, self.a = bits, a
        self._h = _FNV_BASIS[bits]

    def write(self, data: str | list[int]) -> tuple[int, None]:
        raw = data.encode() if isinstance(data, str) else bytes(data)  # fmt's text too
        h, prime, mask = self._h, _FNV_PRIME[self.bits], (1 << self.bits) - 1
        for b in raw:
            h = ((h ^ b) * prime) & mask if self.a else ((h * prime) & mask) ^ b
        self._h = h
        return len(raw), None

    def sum32(self) -> int:
        return self._h

    sum64 = sum32

    def sum(self, b: list[int] | None) -> list[int]:
        """``h.Sum(b)``: ``b`` with the hash appended, big-endian."""
        return [*(b or ()), *self._h.to_bytes(self.bits // 8, "big")]

    def reset(self) -> None:
        self._h = _FNV_BASIS[self.bits]

    def size(self) -> int:
        return self.bits // 8

    def block_size(self) -> int:
        return 1

    Write, Sum, Reset, Size, BlockSize = write, sum, reset, size, block_size


class _Sum32(FNV):
    __slots__ = ()
    go_name = "*fnv.sum32"
    Sum32 = FNV.sum32


class _Sum32a(_Sum32):
    __slots__ = ()
    go_name = "*fnv.sum32a"


class _Sum64(FNV):
    __slots__ = ()
    go_name = "*fnv.sum64"
    Sum64 = FNV.sum64


class _Sum64a(_Sum64):
    __slots__ = ()
    go_name = "*fnv.sum64a"


_FNV_TYPES = {(32, False): _Sum32, (32, True): _Sum32a, (64, False): _Sum64, (64, True): _Sum64a}
_FNV_BASIS = {32: 0x811C9DC5, 64: 0xCBF29CE484222325}  # the offset bases, by bits
_FNV_PRIME = {32: 0x01000193, 64: 0x00000100000001B3}


def _writer(w: Any) -> Any:
    """Where text written to ``w`` goes: os.Stdout and os.Stderr are the process's
    streams as they are now (a test may have replaced them since golib was imported)."""
    if w is stdout:
        return sys.stdout
    if w is stderr:
        return sys.stderr
    return w


def _write(w: Any, text: str) -> tuple[int, Any]:
    """``text`` written to ``w`` by fmt or log: the bytes written and the error, what
    ``fmt.Fprint`` returns (an io.Writer of the program's: what its ``Write``
    returned)."""
    return write(w, text, "where the library calls it (fmt, log, slog)")


def write_string(w: Any, s: str) -> Any:
    """``w.WriteString(s)`` through an ``io.StringWriter``: ``w``'s own method (a
    Buffer's, a Builder's, a type of the program's), or os.Stdout's write."""
    method = getattr(w, "WriteString", None)
    return method(s) if method is not None else write(w, s)


def write(w: Any, data: str | list[int], where: str = "through an io.Writer") -> Any:
    """``w.Write(p)`` of an ``io.Writer`` (``data`` the bytes, or fmt's text): the
    library's writers' ``write``, or the program's own ``Write`` (one that blocks
    ends the run in one line, naming ``where`` it was called)."""
    out = _writer(w)
    if hasattr(out, "write"):  # a stream, a Buffer, a Builder, io.Discard, a hash
        if isinstance(data, str):
            result = out.write(data)  # a stream's count of characters, or Go's results
            return result if isinstance(result, tuple) else (len(data.encode()), None)
        if out is sys.stdout or out is sys.stderr:
            out.write(bytes(data).decode(errors="replace"))
            return len(data), None
        return out.write(data)
    result = out.Write(list(data.encode()) if isinstance(data, str) else data)  # the program's
    if isgenerator(result):
        raise SimlabError(
            f"{type(out).__name__}.Write blocks {where}, which simlab does not model:"
            " write to it from the goroutine itself (fmt.Fprintf to it), or to a bytes.Buffer"
        )
    return result


def promoted_write(w: Any, data: list[int]) -> Any:
    """The ``Write`` a struct promotes from an embedded ``io.Writer`` or ``net.Conn``:
    the writer's own ``Write`` (the program's, or a pipe end's, which blocks: a
    generator), or a library writer's ``write``."""
    out = _writer(w)
    if callable(getattr(type(out), "Write", None)):
        return out.Write(data)
    return write(out, data)


def blocking_write(w: Any, data: str | list[int]) -> Generator[Any, Any, Any]:
    """:func:`write` where ``w`` may be a writer of the program's whose ``Write``
    blocks (it locks a mutex): the goroutine runs it, blocking in it if it must, as
    ``fmt.Fprintf(w, ...)`` and ``w.Write(p)`` do in Go."""
    out = _writer(w)
    if waiting := getattr(out, "blocking_write", None):  # a bufio.Writer, over a pipe maybe
        return (yield from waiting(data))
    if hasattr(out, "write"):
        return write(out, data)
    result = out.Write(list(data.encode()) if isinstance(data, str) else data)
    return (yield from result) if isgenerator(result) else result


class Buffer(GoNames):
    """A ``bytes.Buffer``: the bytes written and not read yet, ``String()`` of them (as
    UTF-8), read from the front; ``Bytes()`` is nil until a byte is written, as Go's.
    ``Buffer(data)`` is ``bytes.NewBuffer(data)`` or ``NewBufferString``."""

    go_name = "*bytes.Buffer"

    __slots__ = ("_b", "_grown", "_rune", "_unread")
    go_writer_to = True  # Go's has a WriteTo method, which io.Copy calls
    # Go's methods, which an interface assertion finds (``io.Writer``, ``io.WriterTo``)
    go_methods = method_set(
        "Available AvailableBuffer Bytes Cap Grow Len Next Read ReadByte "
        "ReadBytes ReadFrom ReadRune ReadString Reset String Truncate UnreadByte "
        "UnreadRune Write WriteByte WriteRune WriteString WriteTo"
    )

    def __init__(self, data: str | list[int] | None = None) -> None:
        self._b = bytearray()
        self._rune = b""  # the bytes of the rune the last ReadRune took
        self._grown = False  # Go's buf is not nil
        self._unread: int | None = None  # the last byte a read took, for UnreadByte
        if data is not None:
            self._b += data.encode() if isinstance(data, str) else bytes(data)
            self._grown = isinstance(data, str) or not is_nil(data)

    def write(self, data: str | list[int]) -> tuple[int, None]:
        """``b.Write(p)``, and what ``fmt.Fprintf(&b, ...)`` writes."""
        raw = data.encode() if isinstance(data, str) else bytes(data)
        self._b += raw
        self._unread = None
        self._rune = b""
        self._grown = self._grown or bool(raw)
        return len(raw), None

    def write_string(self, s: str) -> tuple[int, None]:
        return self.write(s)

    def write_byte(self, c: int) -> None:
        self._b.append(c)
        self._unread = None
        self._rune = b""
        self._grown = True

    def write_rune(self, r: int) -> tuple[int, None]:
        return self.write(rune_text(r))

    # the io.ByteWriter and io.StringWriter a program's code calls, and the names a
    # call through the program's interface (interface{ Write([]byte) (int, error) })
    # looks for
    WriteByte, WriteString, Write, WriteRune = write_byte, write_string, write, write_rune

    def string(self) -> str:
        """``b.String()``: the unread bytes as text; bytes that are not UTF-8,
        which a Go string may hold, end the run in one line, as ``string(b)``'s."""
        try:
            return self._b.decode()
        except UnicodeDecodeError:
            raise SimlabError(
                f"{self.go_name.lstrip('*')}'s String() of bytes that are not UTF-8"
                f" ({bytes(self._b)!r}): simlab's strings are text; keep such bytes in a"
                " []byte (b.Bytes())"
            ) from None

    def String(self) -> str:  # Go's name, which fmt and fmt.Stringer look for
        return self.string()

    def bytes(self) -> list[int]:
        return list(self._b) if self._grown else NilSlice()

    def len(self) -> int:
        return len(self._b)

    def reset(self) -> None:
        self._b.clear()
        self._unread = None
        self._rune = b""

    def grow(self, n: int) -> None:
        """``b.Grow(n)``: room for ``n`` more bytes, which nothing here needs; Go's
        panic for a negative ``n``."""
        if n < 0:
            raise GoPanic("bytes.Buffer.Grow: negative count")
        self._grown = self._grown or n > 0

    def truncate(self, n: int) -> None:
        """``b.Truncate(n)``: only the first ``n`` unread bytes kept."""
        if n != 0 and not 0 <= n <= len(self._b):
            raise GoPanic("bytes.Buffer: truncation out of range")
        del self._b[n:]
        self._unread = None
        self._rune = b""

    def read(self, p: list[int]) -> tuple[int, Any]:
        """``b.Read(p)``: the next bytes, as many as fit in ``p``; ``0, io.EOF`` once
        none is left (``0, nil`` for an empty ``p``)."""
        if not self._b:
            self._unread, self._rune = None, b""  # Go's Reset: no read to undo
            return 0, EOF if p else None
        n = min(len(p), len(self._b))
        p[:n] = self._b[:n]
        del self._b[:n]
        self._unread = p[n - 1] if n else None
        self._rune = b""
        return n, None

    Read = read  # the io.Reader io.ReadFull and a program's code call
    # the names a call through the program's interface (interface{ Reset() }) or a
    # type parameter's constraint looks for
    Reset, Grow, Len, Truncate = reset, grow, len, truncate

    def read_byte(self) -> tuple[int, Any]:
        """``b.ReadByte()``: the next byte; ``0, io.EOF`` once none is left."""
        if not self._b:
            self._unread, self._rune = None, b""  # Go's Reset: no read to undo
            return 0, EOF
        c = self._unread = self._b.pop(0)
        self._rune = b""
        return c, None

    def read_rune(self) -> tuple[int, int, Any]:
        """``b.ReadRune()``: the next rune and its width in bytes (a byte that starts
        no valid encoding a ``RuneError`` of width 1); ``0, 0, io.EOF`` at the end."""
        if not self._b:
            self._unread, self._rune = None, b""  # Go's Reset: no read to undo
            return 0, 0, EOF
        r, width = utf8_decode_rune(list(self._b[:4]))
        self._unread = self._b[width - 1]
        self._rune = bytes(self._b[:width])
        del self._b[:width]
        return r, width, None

    def unread_rune(self, width: int | None = None) -> Any:
        """``b.UnreadRune()``: the rune the last operation, a ReadRune, took put back,
        else Go's error; with ``width``, the rune of ``width`` bytes just read put
        back: fmt's scan reading the buffer as an io.RuneScanner."""
        if width is None and not self._rune:
            return new_error(
                "bytes.Buffer: UnreadRune: previous operation was not a successful ReadRune"
            )
        self._b[:0] = self._rune if width is None else self._rune[:width]
        self._unread, self._rune = None, b""
        return None

    def unread_byte(self) -> Any:
        """``b.UnreadByte()``: the last byte the last read took put back, or Go's
        error where the last operation was not a read that took one."""
        if self._unread is None:
            return new_error(
                "bytes.Buffer: UnreadByte: previous operation was not a successful read"
            )
        self._b.insert(0, self._unread)
        self._unread = None
        self._rune = b""
        return None

    # the io.ByteScanner and io.RuneReader a program's code calls
    ReadByte, ReadRune, UnreadByte, UnreadRune = read_byte, read_rune, unread_byte, unread_rune

    def next(self, n: int) -> list[int]:
        """``b.Next(n)``: the next ``n`` bytes (all there are, if fewer), read."""
        if n < 0:
            raise SimlabError(
                f"bytes.Buffer.Next({n}): Go's panic for a negative count names its read"
                " offset, which simlab does not keep"
            )
        data = list(self._b[:n])
        del self._b[:n]
        self._unread = data[-1] if data else None
        self._rune = b""
        return data if self._grown else NilSlice()

    def write_to(self, w: Any) -> tuple[int, Any]:
        """``b.WriteTo(w)``: the unread bytes written to ``w``, and read; how many,
        and the writer's error (``io.ErrShortWrite`` where it took fewer)."""
        data = list(self._b)
        n, err = write(w, data)
        self.next(n)
        if err is None and n != len(data):
            err = LIBRARY_ERRORS["io.ErrShortWrite"]
        return n, err

    def read_bytes(self, delim: int) -> tuple[list[int], Any]:
        """``b.ReadBytes(delim)``: the bytes up to and with the first ``delim``, read;
        all of them and ``io.EOF`` where there is none (nil, if none is left)."""
        i = self._b.find(delim)
        end, err = (i + 1, None) if i >= 0 else (len(self._b), EOF)
        line = list(self._b[:end])
        del self._b[:end]
        self._unread = line[-1] if line else None
        self._rune = b""
        return line or NilSlice(), err

    def read_string(self, delim: int) -> tuple[str, Any]:
        """``b.ReadString(delim)``: ``ReadBytes``'s bytes, as a string."""
        line, err = self.read_bytes(delim)
        return string_of(line), err


class Builder(Buffer):
    """A ``strings.Builder``: the same bytes as a ``bytes.Buffer`` written to alike
    (``WriteByte`` of a UTF-8 sequence's bytes makes its character)."""

    go_name = "*strings.Builder"
    go_own_type = True  # golib builds it on its base class, which Go does not
    # Go's methods, which an interface assertion finds (the base class's readers are not)
    go_methods = method_set("Cap Grow Len Reset String Write WriteByte WriteRune WriteString")

    __slots__ = ()

    def grow(self, n: int) -> None:
        """``b.Grow(n)``: Go's panic for a negative ``n``, else nothing to do here."""
        if n < 0:
            raise GoPanic("strings.Builder.Grow: negative count")

    Grow = grow


stdout = sys.stdout  # os.Stdout: a profile written here is printed (or captured: capture_profiles)
stderr = sys.stderr

# the methods of Go's *os.File, which an interface assertion finds on os.Stdout
FILE_METHODS = method_set(
    "Chdir Chmod Chown Close Fd Name Read ReadAt ReadDir ReadFrom Readdir Readdirnames "
    "Seek SetDeadline SetReadDeadline SetWriteDeadline Stat Sync SyscallConn Truncate "
    "Write WriteAt WriteString WriteTo"
)


def file_name(f: Any) -> str:
    """``f.Name()`` of os.Stdout or os.Stderr."""
    return "/dev/stdout" if f is stdout else "/dev/stderr"


class _Discard:
    """``io.Discard``: every write succeeds and goes nowhere. Go's is a value of an
    empty struct type, which fmt prints ``{}``."""

    __slots__ = ()
    go_name = "io.discard"
    go_struct = True
    go_methods = method_set("Write WriteString")  # (and ReadFrom, which simlab lacks)

    def write(self, data: Any) -> tuple[int, None]:
        return len(data), None

    def WriteString(self, s: str) -> tuple[int, None]:  # an io.StringWriter's
        return len(s.encode()), None

    Write = write


discard = _Discard()
