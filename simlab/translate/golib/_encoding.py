"""Bytes as numbers and as text: ``crypto/md5``, ``crypto/sha1``, ``crypto/sha256``
and ``crypto/sha512``'s digests (hashlib's, the same algorithms),
``encoding/hex`` and ``encoding/binary``'s byte orders, ``Read``, ``Write`` and
``Size``. A []byte is a list of numbers 0 to 255 here, an array of bytes too."""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Generator
from typing import Any

import simlab as sl
from simlab.errors import GoPanic

from ._builtins import bound
from ._errors import new_error
from ._io import _at_once, blocking_write, read_full
from ._values import NamedValue, Ref, is_typed_nil, method_set

__all__ = [
    "BigEndian",
    "ByteOrder",
    "Digest",
    "ErrLength",
    "InvalidByteError",
    "LittleEndian",
    "binary_read",
    "binary_size",
    "binary_write",
    "digest_sum",
    "hex_decode",
    "hex_decode_into",
    "hex_dump",
    "hex_encode",
]


def digest_sum(algorithm: str, data: list[int]) -> list[int]:
    """``sha256.Sum256(data)`` is ``digest_sum("sha256", data)``: the digest as
    an array of bytes (``md5``, ``sha1``, ``sha224``, ``sha256``, ``sha384``,
    ``sha512``, ``sha512_224``, ``sha512_256``)."""
    return list(hashlib.new(algorithm, bytes(data)).digest())


_DIGEST_TYPES = {
    "md5": "*md5.digest",
    "sha1": "*sha1.digest",
    "sha224": "*sha256.Digest",
    "sha256": "*sha256.Digest",
    "sha384": "*sha512.Digest",
    "sha512": "*sha512.Digest",
    "sha512_224": "*sha512.Digest",
    "sha512_256": "*sha512.Digest",
}


class Digest:
    """The ``hash.Hash`` that ``sha256.New()`` returns (``Digest("sha256")``): an
    ``io.Writer`` whose ``Sum(b)`` appends the digest of what was written so far
    to ``b`` without ending it, as Go's does."""

    __slots__ = ("_h", "algorithm")

    def __init__(self, algorithm: str) -> None:
        self.algorithm = algorithm
        self._h = hashlib.new(algorithm)

    @property
    def go_type(self) -> str:
        """Its dynamic type as ``%T`` names it (go1.27's)."""
        return _DIGEST_TYPES[self.algorithm]

    def write(self, data: Any) -> tuple[int, None]:
        """``Write``: never fails, as Go documents for every hash.Hash."""
        data = data.encode() if isinstance(data, str) else bytes(data)
        self._h.update(data)
        return len(data), None

    def sum(self, b: list[int] | None) -> list[int]:
        return [*(b or ()), *self._h.digest()]

    def reset(self) -> None:
        self._h = hashlib.new(self.algorithm)

    def size(self) -> int:
        return int(self._h.digest_size)

    def block_size(self) -> int:
        return int(self._h.block_size)


ErrLength = sl.GoError("*errors.errorString", "encoding/hex: odd length hex string")


def _nibble(c: int) -> int | None:
    if 48 <= c <= 57:
        return c - 48
    if 97 <= c <= 102 or 65 <= c <= 70:
        return (c | 32) - 87
    return None


class InvalidByteError(int):
    """``hex.InvalidByteError``: the byte that is no hexadecimal digit, an error
    and a number (``byte(e)``), whose text shows it as a rune, ``U+0067 'g'``."""

    go_name = "hex.InvalidByteError"

    def Error(self) -> str:
        c = chr(self)  # as Go's %#U: the character, quoted, where it prints
        shown = f" '{c}'" if c.isprintable() else ""
        return f"encoding/hex: invalid byte: U+{int(self):04X}{shown}"

    def __str__(self) -> str:
        return self.Error()


def hex_dump(data: list[int] | None) -> str:
    """``hex.Dump``: sixteen bytes a line, as ``hexdump -C`` prints them: the offset,
    the bytes in two groups of eight, and the printable ASCII among them."""
    src, lines = bytes(data or ()), []
    for at in range(0, len(src), 16):
        row = src[at : at + 16]
        digits = "".join(f"{b:02x} " + (" " if i == 7 else "") for i, b in enumerate(row))
        text = "".join(chr(b) if 32 <= b <= 126 else "." for b in row)
        lines.append(f"{at:08x}  {digits:<49} |{text}|\n")
    return "".join(lines)


def hex_encode(dst: list[int], src: list[int] | None) -> int:
    """``hex.Encode(dst, src)``: the digits written into ``dst``, their number."""
    digits = list(bytes(src or ()).hex().encode())
    _fill(dst, digits)
    return len(digits)


def hex_decode_into(
    dst: list[int], src: list[int] | None
) -> tuple[int, InvalidByteError | sl.GoError | None]:
    """``hex.Decode(dst, src)``: the bytes decoded into ``dst``, as DecodeString
    decodes them, their number and Go's error."""
    out, err = hex_decode(bytes(src or ()))
    _fill(dst, out)
    return len(out), err


def hex_append_encode(dst: list[int] | None, src: list[int] | None) -> list[int]:
    """``hex.AppendEncode(dst, src)``: a new slice of ``dst``'s bytes and then the
    digits of ``src``'s."""
    return [*(dst or ()), *bytes(src or ()).hex().encode()]


def hex_append_decode(
    dst: list[int] | None, src: list[int] | None
) -> tuple[list[int], InvalidByteError | sl.GoError | None]:
    """``hex.AppendDecode(dst, src)``: a new slice of ``dst``'s bytes and then those
    decoded, up to the first bad digit, and Go's error for it."""
    out, err = hex_decode(bytes(src or ()))
    return [*(dst or ()), *out], err


def _fill(dst: list[int], data: list[int]) -> None:
    """``data`` written into ``dst`` from its start; where it does not fit, Go's
    index out of range at the first element past ``dst``'s end."""
    if len(data) > len(dst):
        dst[:] = data[: len(dst)]
        raise GoPanic(f"runtime error: index out of range [{len(dst)}] with length {len(dst)}")
    dst[: len(data)] = data


def hex_decode(s: str | bytes) -> tuple[list[int], InvalidByteError | sl.GoError | None]:
    """``hex.DecodeString``: the bytes decoded up to the first bad pair, and Go's
    error for it; a string of odd length reports a bad last digit before its
    length."""
    src, out = s.encode() if isinstance(s, str) else s, list[int]()
    for i in range(0, len(src) - 1, 2):
        hi, lo = _nibble(src[i]), _nibble(src[i + 1])
        if hi is None or lo is None:
            return out, InvalidByteError(src[i] if hi is None else src[i + 1])
        out.append(hi << 4 | lo)
    if len(src) % 2:
        return out, InvalidByteError(src[-1]) if _nibble(src[-1]) is None else ErrLength
    return out, None


class ByteOrder:
    """``binary.BigEndian`` and ``binary.LittleEndian``: unsigned numbers read from
    and written into the first bytes of a []byte, which must hold them (Go's
    index check panics as Go's does)."""

    __slots__ = ("go_type", "name", "order")
    go_layout = ()  # Go's littleEndian and bigEndian are struct{}: {} in an unexported field
    # Go's methods, which a type switch's case binary.ByteOrder finds
    go_methods = method_set(
        "AppendUint16 AppendUint32 AppendUint64 GoString PutUint16 PutUint32 PutUint64 "
        "String Uint16 Uint32 Uint64"
    )

    def __init__(self, order: str, name: str) -> None:
        self.order, self.name = order, name
        self.go_type = f"binary.{order}Endian"  # %T of one held in a binary.ByteOrder

    def _read(self, b: list[int], size: int) -> int:
        bound(b, size - 1)  # Go's check of the last byte, and its panic
        return int.from_bytes(bytes(b[:size]), self.order)  # type: ignore[arg-type]

    def _put(self, b: list[int], v: int, size: int) -> None:
        bound(b, size - 1)
        b[:size] = (v & ((1 << 8 * size) - 1)).to_bytes(size, self.order)  # type: ignore[arg-type]

    def uint16(self, b: list[int]) -> int:
        return self._read(b, 2)

    def uint32(self, b: list[int]) -> int:
        return self._read(b, 4)

    def uint64(self, b: list[int]) -> int:
        return self._read(b, 8)

    def put_uint16(self, b: list[int], v: int) -> None:
        self._put(b, v, 2)

    def put_uint32(self, b: list[int], v: int) -> None:
        self._put(b, v, 4)

    def put_uint64(self, b: list[int], v: int) -> None:
        self._put(b, v, 8)

    def append_uint16(self, b: list[int] | None, v: int) -> list[int]:
        return [*(b or ()), *(v & 0xFFFF).to_bytes(2, self.order)]  # type: ignore[arg-type]

    def append_uint32(self, b: list[int] | None, v: int) -> list[int]:
        return [*(b or ()), *(v & 0xFFFFFFFF).to_bytes(4, self.order)]  # type: ignore[arg-type]

    def append_uint64(self, b: list[int] | None, v: int) -> list[int]:
        return [*(b or ()), *(v & (1 << 64) - 1).to_bytes(8, self.order)]  # type: ignore[arg-type]

    def String(self) -> str:  # Go's name: fmt calls it
        return self.name

    string = String  # binary.BigEndian.String(), as the translation names a call


BigEndian = ByteOrder("big", "BigEndian")
LittleEndian = ByteOrder("little", "LittleEndian")


# encoding/binary's Read, Write and Size: the translation gives each value's layout,
# from its Go type: a basic type's name ("uint32"), (n, layout) for an array of n,
# a dict of field name to layout for a struct (a blank field's name "_ 1", by its
# index: Write writes zeros for it, Read skips its bytes), [layout] for a slice,
# (class, layout) for a named number type with methods, whose values are its class's;
# None and the type's name for a type of no fixed size, which Go's errors name.
_SIZES = {"int8": 1, "uint8": 1, "bool": 1, "int16": 2, "uint16": 2, "int32": 4, "uint32": 4}
_SIZES |= {"int64": 8, "uint64": 8, "float32": 4, "float64": 8}


def binary_size(value: Any, layout: Any, go_type: str = "") -> int:
    """``binary.Size(v)``: the bytes ``value`` takes in encoding/binary's encoding;
    -1 for a type of no fixed size, and for a nil pointer (``struct{}{}``, None
    too, takes 0)."""
    if (value is None or is_typed_nil(value)) and layout != {}:
        return -1
    if isinstance(value, NamedValue) and value.ref is None:
        value = value.v  # type Segs []uint16 with a method: the list its class holds
    return _size(value, layout)


def _size(value: Any, layout: Any) -> int:
    """:func:`binary_size` of a value, or of any value of ``layout`` (``value``
    None)."""
    if layout is None:
        return -1
    if isinstance(layout, str):
        return _SIZES[layout]
    if isinstance(layout, tuple):
        if isinstance(layout[0], type):
            return _size(None, layout[1])
        return layout[0] * _size(None, layout[1])
    if isinstance(layout, dict):
        return sum(_size(None, part) for part in layout.values())
    return len(value) * _size(None, layout[0])


def _decode(
    order: ByteOrder, layout: Any, data: bytes, at: int, current: Any = None
) -> tuple[Any, int]:
    """The value of ``layout`` at ``data[at:]``, and where the next one starts: a
    struct is ``current`` with its fields filled in place (a struct field, or an
    array's struct elements, in turn; a blank field's bytes skipped), an array a
    new list of its elements."""
    if isinstance(layout, str):
        size = _SIZES[layout]
        raw = data[at : at + size]
        if layout == "bool":
            return raw[0] != 0, at + 1
        if layout.startswith("float"):
            fmt = (">" if order.order == "big" else "<") + ("f" if size == 4 else "d")
            return struct.unpack(fmt, raw)[0], at + size
        signed = layout.startswith("int")
        return int.from_bytes(raw, order.order, signed=signed), at + size  # type: ignore[arg-type]
    if isinstance(layout, dict):
        for field, part in layout.items():
            if field.startswith("_ "):
                at += _size(None, part)
                continue
            value, at = _decode(order, part, data, at, getattr(current, field))
            setattr(current, field, value)
        return current, at
    if isinstance(layout[0], type):
        v, at = _decode(order, layout[1], data, at)
        return layout[0](v), at
    out = []
    for i in range(layout[0]):
        v, at = _decode(order, layout[1], data, at, None if current is None else current[i])
        out.append(v)
    return out, at


def _encode(order: ByteOrder, layout: Any, value: Any) -> bytes:
    if isinstance(layout, str):
        size = _SIZES[layout]
        if layout == "bool":
            return b"\x01" if value else b"\x00"
        if layout.startswith("float"):
            fmt = (">" if order.order == "big" else "<") + ("f" if size == 4 else "d")
            return struct.pack(fmt, value)
        return (int(value) & ((1 << 8 * size) - 1)).to_bytes(size, order.order)  # type: ignore[arg-type]
    if isinstance(layout, tuple) and isinstance(layout[0], type):
        return _encode(order, layout[1], value)
    if isinstance(layout, tuple):
        return b"".join(_encode(order, layout[1], v) for v in value)
    if isinstance(layout, dict):
        return b"".join(
            bytes(_size(None, part))
            if f.startswith("_ ")
            else _encode(order, part, getattr(value, f))
            for f, part in layout.items()
        )
    return b"".join(_encode(order, layout[0], v) for v in value)


def binary_read(
    r: Any, order: ByteOrder, target: Any, layout: Any, go_type: str = ""
) -> Generator[Any, Any, Any]:
    """``binary.Read(r, order, target)``: as many bytes as the target takes, read
    with ``io.ReadFull`` (its error, ``io.EOF`` or ``io.ErrUnexpectedEOF``, is
    Read's), decoded into it: ``target`` is a ``go.Ref`` of a number, a struct
    object, or a slice filled in place. A type of no fixed size reads nothing:
    Go's error."""
    if layout is None:
        return new_error("binary.Read: invalid type " + go_type)
    data = [0] * _size(target, layout)
    _, err = yield from read_full(r, data)
    if err is not None:
        return err
    raw = bytes(data)
    if isinstance(layout, dict):
        _decode(order, layout, raw, 0, target)
    elif isinstance(layout, list):
        at = 0
        for i in range(len(target)):
            target[i], at = _decode(order, layout[0], raw, at, target[i])
    else:
        target.v, _ = _decode(order, layout, raw, 0, target.v)
    return None


def binary_read_invalid(r: Any, size: int, go_type: str) -> Generator[Any, Any, Any]:
    """``binary.Read`` into a value that is no pointer or slice: Go's error, after
    the ``size`` bytes its fast path reads for an unnamed number or bool."""
    if size:
        _, err = yield from read_full(r, [0] * size)
        if err is not None:
            return err
    return new_error("binary.Read: invalid type " + go_type)


def binary_read_invalid_now(r: Any, size: int, go_type: str) -> Any:
    """:func:`binary_read_invalid` from a reader that never blocks."""
    return _at_once(binary_read_invalid(r, size, go_type), "binary.Read")


def binary_read_now(r: Any, order: ByteOrder, target: Any, layout: Any, go_type: str = "") -> Any:
    """``binary.Read`` from a reader that never blocks (a ``*bytes.Reader``, a
    ``*bytes.Buffer``, a ``*strings.Reader`` in a program without pipes): at once."""
    return _at_once(binary_read(r, order, target, layout, go_type), "binary.Read")


def binary_write_now(w: Any, order: ByteOrder, value: Any, layout: Any, go_type: str = "") -> Any:
    """``binary.Write`` to a writer that never blocks (see :func:`binary_read_now`)."""
    return _at_once(binary_write(w, order, value, layout, go_type), "binary.Write")


def binary_write(
    w: Any, order: ByteOrder, value: Any, layout: Any, go_type: str = ""
) -> Generator[Any, Any, Any]:
    """``binary.Write(w, order, value)``: ``value`` encoded (``*p`` of a pointer),
    then one write of it to ``w``; that write's error. A type of no fixed size
    writes nothing: Go's error."""
    if layout is None:
        return new_error("binary.Write: some values are not fixed-sized in type " + go_type)
    if isinstance(value, Ref):
        value = value.v
    _, err = yield from blocking_write(w, list(_encode(order, layout, value)))
    return err


# --- encoding/binary's varints: 7 bits a byte, low first, the high bit "more" ----

_U64 = (1 << 64) - 1


def binary_put_uvarint(b: list[int], x: int) -> int:
    """``binary.PutUvarint(buf, x)``: ``x``'s varint written into ``buf`` (Go's index
    panic where it is too short); the bytes written."""
    x &= _U64
    i = 0
    while x >= 0x80:
        bound(b, i)
        b[i] = (x & 0x7F) | 0x80
        x >>= 7
        i += 1
    bound(b, i)
    b[i] = x
    return i + 1


def _zigzag(x: int) -> int:
    """An int64 as the uint64 of its signed varint: 0, -1, 1, -2... as 0, 1, 2, 3..."""
    return ((x << 1) ^ (x >> 63)) & _U64


def binary_put_varint(b: list[int], x: int) -> int:
    """``binary.PutVarint(buf, x)``: ``x`` zig-zag encoded, then as a uvarint."""
    return binary_put_uvarint(b, _zigzag(x))


def binary_append_uvarint(b: list[int] | None, x: int) -> list[int]:
    """``binary.AppendUvarint(buf, x)``."""
    tmp = [0] * 10
    return [*(b or ()), *tmp[: binary_put_uvarint(tmp, x)]]


def binary_append_varint(b: list[int] | None, x: int) -> list[int]:
    """``binary.AppendVarint(buf, x)``."""
    return binary_append_uvarint(b, _zigzag(x))


def binary_uvarint(b: list[int]) -> tuple[int, int]:
    """``binary.Uvarint(buf)``: the value and the bytes it took; ``0, 0`` where
    ``buf`` ends inside it, ``0, -n`` where it overflows 64 bits at its n-th byte."""
    x = shift = 0
    for i, byte in enumerate(b):
        if i == 10:
            return 0, -(i + 1)
        if byte < 0x80:
            if i == 9 and byte > 1:
                return 0, -(i + 1)
            return x | byte << shift, i + 1
        x |= (byte & 0x7F) << shift
        shift += 7
    return 0, 0


def binary_varint(b: list[int]) -> tuple[int, int]:
    """``binary.Varint(buf)``: as :func:`binary_uvarint`, zig-zag decoded."""
    ux, n = binary_uvarint(b)
    x = ux >> 1
    return (~x if ux & 1 else x), n
