"""``encoding/csv`` for a translated program: ``csv.Reader`` and ``csv.Writer``.

golib's facade re-exports this module as ``go.csv``. A ``Reader`` reads its input
a line at a time through a ``bufio.Reader`` (a pipe's reads block, as Go's do:
``blocking_read``), and parses a record as Go's does: RFC 4180's quotes, its
options (``Comma``, ``Comment``, ``FieldsPerRecord``, ``LazyQuotes``,
``TrimLeadingSpace``, ``ReuseRecord``), and a ``*csv.ParseError`` at the line and
column (1-based, in bytes) where Go's stops. A ``Writer`` quotes a field where Go's
does, into a ``bufio.Writer`` flushed by ``Flush``, when full, or by ``WriteAll``.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import simlab as sl

from ._errors import UNWRAPS_ONE, new_error
from ._io import EOF, _at_once
from ._panics import panic
from ._strings import unicode_is_space
from ._text import BufReader, BufWriter, _decode
from ._values import NilSlice

__all__ = [
    "ErrBareQuote",
    "ErrFieldCount",
    "ErrQuote",
    "ParseError",
    "Reader",
    "Writer",
]

ErrBareQuote = new_error('bare " in non-quoted-field')
ErrQuote = new_error('extraneous or missing " in quoted-field')
ErrFieldCount = new_error("wrong number of fields")
_ErrInvalidDelim = new_error("csv: invalid field or comment delimiter")

_QUOTE = ord('"')
_NL = ord("\n")


class ParseError(sl.GoError):
    """A ``*csv.ParseError``: where the record began, the line and column where the
    parse stopped, and why (``errors.Is`` finds ``csv.ErrQuote`` and kin in it)."""

    go_signatures = UNWRAPS_ONE

    def __init__(self, start_line: int, line: int, column: int, err: Any):
        self.StartLine, self.Line, self.Column, self.Err = start_line, line, column, err
        if err is ErrFieldCount:
            text = f"record on line {line}: {err.Error()}"
        elif start_line != line:
            text = f"record on line {start_line}; parse error on line {line}, column {column}: "
            text += err.Error()
        else:
            text = f"parse error on line {line}, column {column}: {err.Error()}"
        super().__init__("*csv.ParseError", text)

    def Unwrap(self) -> Any:
        return self.Err


def _valid_delim(r: int) -> bool:
    return (
        r not in (0, _QUOTE, ord("\r"), _NL, 0xFFFD)
        and 0 < r <= 0x10FFFF
        and not (0xD800 <= r <= 0xDFFF)
    )


def _first_rune(b: bytes) -> int:
    """The rune ``b`` starts with (``RuneError`` for a bad one), or -1 for none."""
    return _decode(b, 0)[0] if b else -1


class Reader:
    """A ``*csv.Reader`` of ``csv.NewReader(r)``: its exported fields are Go's,
    to be set before the first read."""

    go_name = "*csv.Reader"

    def __init__(self, r: Any) -> None:
        self.Comma = ord(",")
        self.Comment = 0
        self.FieldsPerRecord = 0
        self.LazyQuotes = False
        self.TrimLeadingSpace = False
        self.ReuseRecord = False
        self._in = r if isinstance(r, BufReader) else BufReader(r)
        self._lines = 0
        self._offset = 0
        self._positions: list[tuple[int, int]] = []
        self._last: list[str] | None = None  # the record ReuseRecord fills again

    def Read(self) -> tuple[list[str], Any]:
        return _at_once(self.blocking_read(), "csv.Reader")

    def ReadAll(self) -> tuple[list[list[str]], Any]:
        return _at_once(self.blocking_read_all(), "csv.Reader")

    def FieldPos(self, field: int) -> tuple[int, int]:
        if not 0 <= field < len(self._positions):
            panic("out of range index passed to FieldPos")
        return self._positions[field]

    def InputOffset(self) -> int:
        return self._offset

    def blocking_read_all(self) -> Generator[Any, Any, tuple[list[list[str]], Any]]:
        records: list[list[str]] = NilSlice()  # nil until a record is read, as Go's
        while True:
            record, err = yield from self._read_record()  # ReuseRecord aside, as Go's
            if err is EOF:
                return records, None
            if err is not None:
                return NilSlice(), err
            records.append(record)

    def _line(self) -> Generator[Any, Any, tuple[bytes, Any]]:
        """The next line, its ``\\r\\n`` ending made ``\\n``; a last line without
        one has no error, and loses a final ``\\r``."""
        data, err = yield from self._in.blocking_read_bytes(_NL)
        line = bytes(data)
        if line and err is EOF:
            err = None
            if line.endswith(b"\r"):
                line = line[:-1]
        self._lines += 1
        self._offset += len(data)
        if line.endswith(b"\r\n"):
            line = line[:-2] + b"\n"
        return line, err

    def blocking_read(self) -> Generator[Any, Any, tuple[list[str], Any]]:
        """``r.Read()``: the next record, or ``io.EOF``; a record that fails to parse
        comes with the fields read before the error. With ``ReuseRecord``, a record
        of as many fields as the last one is that list, filled again, as Go's
        fills the last record's array; one of fewer fills its first fields and is a
        list of its own here (Go's is a slice of that array)."""
        record, err = yield from self._read_record()
        last = self._last
        if not record and (last is None or not self.ReuseRecord):
            return NilSlice(), err  # no field read ("a"x): Go's nil record
        if not self.ReuseRecord:
            return record, err
        if last is None or len(record) > len(last):
            self._last = record
            return record, err
        last[: len(record)] = record
        return (last if len(record) == len(last) else record), err

    def _read_record(self) -> Generator[Any, Any, tuple[list[str], Any]]:
        comma, comment = self.Comma, self.Comment
        if comma == comment or not _valid_delim(comma) or (comment and not _valid_delim(comment)):
            return NilSlice(), _ErrInvalidDelim
        line, read_err = b"", None
        while read_err is None:
            line, read_err = yield from self._line()
            if comment and _first_rune(line) == comment:
                line = b""
                continue  # a comment line
            if read_err is None and line in (b"", b"\n"):
                continue  # an empty line
            break
        if read_err is EOF:
            return NilSlice(), read_err
        sep = chr(comma).encode()
        start = pos_line = self._lines
        fields: list[bytes] = []
        self._positions = []
        err: Any = None
        col = 1
        while True:  # a field a turn; a quoted one may run on over lines
            if self.TrimLeadingSpace:
                text = line.decode(errors="surrogateescape")
                i = next((k for k, ch in enumerate(text) if not unicode_is_space(ord(ch))), None)
                if i is None:
                    skip = len(line)
                    col -= line.endswith(b"\n")
                else:
                    skip = len(text[:i].encode(errors="surrogateescape"))
                line = line[skip:]
                col += skip
            if not line or line[0] != _QUOTE:
                i = line.find(sep)
                field = line[:i] if i >= 0 else line[: len(line) - line.endswith(b"\n")]
                if not self.LazyQuotes and (j := field.find(b'"')) >= 0:
                    err = ParseError(start, self._lines, col + j, ErrBareQuote)
                    break
                fields.append(field)
                self._positions.append((pos_line, col))
                if i < 0:
                    break
                line = line[i + len(sep) :]
                col += i + len(sep)
                continue
            at = (pos_line, col)  # where the quoted field begins
            line = line[1:]
            col += 1
            value = bytearray()
            more = False  # another field follows this one
            while True:
                i = line.find(b'"')
                if i >= 0:
                    value += line[:i]
                    line = line[i + 1 :]
                    col += i + 1
                    after = _first_rune(line)
                    if after == _QUOTE:  # "" stands for "
                        value.append(_QUOTE)
                        line = line[1:]
                        col += 1
                        continue
                    if after == comma:
                        line = line[len(sep) :]
                        col += len(sep)
                        fields.append(bytes(value))
                        self._positions.append(at)
                        more = True
                    elif line in (b"", b"\n"):
                        fields.append(bytes(value))
                        self._positions.append(at)
                    elif self.LazyQuotes:
                        value.append(_QUOTE)
                        continue
                    else:
                        err = ParseError(start, self._lines, col - 1, ErrQuote)
                    break
                if line:  # the field goes on to the next line
                    value += line
                    if read_err is not None:
                        break  # a failed read: the field is not kept
                    col += len(line)
                    line, read_err = yield from self._line()
                    if line:
                        pos_line += 1
                        col = 1
                    if read_err is EOF:
                        read_err = None
                    continue
                if not self.LazyQuotes and read_err is None:  # the input ended inside
                    err = ParseError(start, pos_line, col, ErrQuote)
                else:
                    fields.append(bytes(value))
                    self._positions.append(at)
                break
            if not more:
                break
        if err is None:
            err = read_err
        record = [f.decode(errors="replace") for f in fields]
        if self.FieldsPerRecord > 0:
            if len(record) != self.FieldsPerRecord and err is None:
                err = ParseError(start, start, 1, ErrFieldCount)
        elif self.FieldsPerRecord == 0:
            self.FieldsPerRecord = len(record)
        return record, err


class Writer:
    """A ``*csv.Writer`` of ``csv.NewWriter(w)``: ``Comma`` and ``UseCRLF`` as Go's,
    its output through a ``bufio.Writer``."""

    go_name = "*csv.Writer"

    def __init__(self, w: Any) -> None:
        self.Comma = ord(",")
        self.UseCRLF = False
        self._out = BufWriter(w)

    def _needs_quotes(self, field: str) -> bool:
        if field == "":
            return False
        if field == "\\.":
            return True
        if any(c in field for c in ('"', "\r", "\n", chr(self.Comma))):
            return True
        return unicode_is_space(ord(field[0]))

    def _text(self, record: list[str]) -> str:
        parts = []
        for field in record:
            if not self._needs_quotes(field):
                parts.append(field)
                continue
            quoted = field.replace('"', '""')
            if self.UseCRLF:
                quoted = quoted.replace("\r", "").replace("\n", "\r\n")
            parts.append('"' + quoted + '"')
        return chr(self.Comma).join(parts) + ("\r\n" if self.UseCRLF else "\n")

    def Write(self, record: list[str] | None) -> Any:
        return _at_once(self.blocking_write(record), "csv.Writer")

    def blocking_write(self, record: list[str] | None) -> Generator[Any, Any, Any]:
        if not _valid_delim(self.Comma):
            return _ErrInvalidDelim
        _, err = yield from self._out.blocking_write(self._text(list(record or ())))
        return err

    def Flush(self) -> None:
        _at_once(self.blocking_flush(), "csv.Writer")

    def blocking_flush(self) -> Generator[Any, Any, None]:
        yield from self._out.blocking_flush()

    def Error(self) -> Any:
        _, err = self._out.write([])
        return err

    def WriteAll(self, records: list[list[str]] | None) -> Any:
        return _at_once(self.blocking_write_all(records), "csv.Writer")

    def blocking_write_all(self, records: list[list[str]] | None) -> Generator[Any, Any, Any]:
        for record in records or ():
            err = yield from self.blocking_write(record)
            if err is not None:
                return err
        return (yield from self._out.blocking_flush())
