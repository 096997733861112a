"""Bytes as numbers and as text: ``crypto/md5``, ``crypto/sha1``, ``crypto/sha256``
and ``crypto/sha512``'s digests (hashlib's, the same algorithms),
``encoding/hex`` and ``encoding/binary``'s byte orders. A []byte is a list of
numbers 0 to 255 here, an array of bytes too."""

from __future__ import annotations

import hashlib
from typing import Any

import simlab as sl

from ._builtins import bound

__all__ = [
    "BigEndian",
    "ByteOrder",
    "Digest",
    "ErrLength",
    "LittleEndian",
    "digest_sum",
    "hex_decode",
]


def digest_sum(algorithm: str, data: list[int]) -> list[int]:
    """``sha256.Sum256(data)`` is ``digest_sum("sha256", data)``: the digest as
    an array of bytes (``md5``, ``sha1``, ``sha224``, ``sha256``, ``sha384``,
    ``sha512``)."""
    return list(hashlib.new(algorithm, bytes(data)).digest())


class Digest:
    """The ``hash.Hash`` that ``sha256.New()`` returns (``Digest("sha256")``): an
    ``io.Writer`` whose ``Sum(b)`` appends the digest of what was written so far
    to ``b`` without ending it, as Go's does."""

    __slots__ = ("_h", "algorithm")

    def __init__(self, algorithm: str) -> None:
        self.algorithm = algorithm
        self._h = hashlib.new(algorithm)

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


def _invalid_byte(c: int) -> sl.GoError:
    """``hex.InvalidByteError``: the byte shown as a rune, ``U+0067 'g'``."""
    return sl.GoError("hex.InvalidByteError", f"encoding/hex: invalid byte: U+{c:04X} {chr(c)!r}")


def hex_decode(s: str) -> tuple[list[int], sl.GoError | None]:
    """``hex.DecodeString``: the bytes decoded up to the first bad pair, and Go's
    error for it; a string of odd length reports a bad last digit before its
    length."""
    src, out = s.encode(), list[int]()
    for i in range(0, len(src) - 1, 2):
        hi, lo = _nibble(src[i]), _nibble(src[i + 1])
        if hi is None or lo is None:
            return out, _invalid_byte(src[i] if hi is None else src[i + 1])
        out.append(hi << 4 | lo)
    if len(src) % 2:
        return out, _invalid_byte(src[-1]) if _nibble(src[-1]) is None else ErrLength
    return out, None


class ByteOrder:
    """``binary.BigEndian`` and ``binary.LittleEndian``: unsigned numbers read from
    and written into the first bytes of a []byte, which must hold them (Go's
    index check panics as Go's does)."""

    __slots__ = ("name", "order")

    def __init__(self, order: str, name: str) -> None:
        self.order, self.name = order, name

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


BigEndian = ByteOrder("big", "BigEndian")
LittleEndian = ByteOrder("little", "LittleEndian")
