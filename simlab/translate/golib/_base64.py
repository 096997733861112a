"""``encoding/base64`` for a translated program: the four encodings of RFC 4648,
their ``Strict`` and ``WithPadding`` variants, and Go's ``CorruptInputError``.

golib's facade re-exports this module as ``go.base64``. A ``[]byte`` is a list of
numbers 0 to 255, a string is text; a decoded string's bytes are its UTF-8. The
decoder is Go's in behaviour: it skips ``\\r`` and ``\\n`` anywhere, stops at the
first byte it cannot take, and returns the bytes of the quanta it completed
before it with an error naming that byte's offset (``illegal base64 data at input
byte 4``); one quantum of padding ends the input, and anything after it but
newlines is an error at its offset, the quantum's bytes kept.
"""

from __future__ import annotations

from typing import Any

from simlab.errors import GoPanic

from ._io import write
from ._values import Ref

__all__ = [
    "CorruptInputError",
    "Encoding",
    "NewEncoder",
    "NoPadding",
    "RawStdEncoding",
    "RawURLEncoding",
    "StdEncoding",
    "StdPadding",
    "URLEncoding",
]

StdPadding = ord("=")
NoPadding = -1

_NEWLINES = (ord("\n"), ord("\r"))


class CorruptInputError(int):
    """``base64.CorruptInputError``: the offset of the first byte the decoder could
    not take, an error and a number (``%d``, ``int64(e)``)."""

    go_name = "base64.CorruptInputError"

    def Error(self) -> str:
        return f"illegal base64 data at input byte {int(self)}"

    def __str__(self) -> str:
        return self.Error()


class Encoding:
    """A ``*base64.Encoding``: an alphabet of 64 bytes, a padding byte or none, and
    whether decoding is strict (the bits a final quantum leaves must be zero)."""

    go_name = "*base64.Encoding"

    def __init__(self, alphabet: str, pad: int = StdPadding, strict: bool = False):
        self.alphabet = alphabet.encode()
        self.pad = pad
        self.strict_ = strict
        self.values = {c: i for i, c in enumerate(self.alphabet)}

    def with_padding(self, pad: int) -> Encoding:
        """``enc.WithPadding(padding)``: the same alphabet, another padding byte or
        ``NoPadding``."""
        return Encoding(self.alphabet.decode(), pad, self.strict_)

    def strict(self) -> Encoding:
        """``enc.Strict()``: the same encoding, whose decoder refuses a final quantum
        whose unused bits are not zero."""
        return Encoding(self.alphabet.decode(), self.pad, True)

    def encoded_len(self, n: int) -> int:
        if self.pad == NoPadding:
            return n // 3 * 4 + (n % 3 * 8 + 5) // 6
        return (n + 2) // 3 * 4

    def decoded_len(self, n: int) -> int:
        if self.pad == NoPadding:
            return n * 6 // 8
        return n // 4 * 3

    def encode_to_string(self, src: list[int] | None) -> str:
        return self._encode(bytes(src or ())).decode()

    def append_encode(self, dst: list[int] | None, src: list[int] | None) -> list[int]:
        return [*(dst or ()), *self._encode(bytes(src or ()))]

    def encode(self, dst: list[int] | Ref, src: list[int] | None) -> None:
        """``enc.Encode(dst, src)``: the text written into ``dst``'s first
        ``EncodedLen(len(src))`` elements."""
        _put(dst, self._encode(bytes(src or ())), 4)

    def decode_string(self, s: str) -> tuple[list[int], Any]:
        out, err = self._decode(s.encode())
        return list(out), err

    def append_decode(self, dst: list[int] | None, src: list[int] | None) -> tuple[list[int], Any]:
        out, err = self._decode(bytes(src or ()))
        return [*(dst or ()), *out], err

    def decode(self, dst: list[int] | Ref, src: list[int] | None) -> tuple[int, Any]:
        """``enc.Decode(dst, src)``: the bytes written into ``dst``, their number and
        the error."""
        out, err = self._decode(bytes(src or ()))
        _put(dst, out, 3)
        return len(out), err

    def _encode(self, src: bytes) -> bytes:
        out = bytearray()
        for i in range(0, len(src), 3):
            chunk = src[i : i + 3]
            bits = int.from_bytes(chunk.ljust(3, b"\0"))
            digits = len(chunk) + 1  # 2, 3 or 4 characters carry its bits
            out += bytes(self.alphabet[bits >> (18 - 6 * k) & 63] for k in range(digits))
            if self.pad != NoPadding:
                out += bytes([self.pad]) * (4 - digits)
        return bytes(out)

    def _decode(self, src: bytes) -> tuple[bytearray, CorruptInputError | None]:
        out = bytearray()
        i, end = 0, len(src)
        while True:
            quantum: list[int] = []
            padded = False
            while len(quantum) < 4:
                if i == end:
                    if not quantum:
                        return out, None
                    if len(quantum) == 1 or self.pad != NoPadding:
                        return out, CorruptInputError(i - len(quantum))  # where it began
                    break  # an unpadded last quantum
                c = src[i]
                i += 1
                if c in self.values:
                    quantum.append(self.values[c])
                    continue
                if c in _NEWLINES:
                    continue
                if c != self.pad or len(quantum) < 2:
                    return out, CorruptInputError(i - 1)
                if len(quantum) == 2:  # a second padding byte is due, newlines aside
                    i = _past_newlines(src, i)
                    if i == end:
                        return out, CorruptInputError(end)
                    if src[i] != self.pad:
                        return out, CorruptInputError(i - 1)
                    i += 1
                i = _past_newlines(src, i)
                padded = True
                break
            bits = 0
            for k, value in enumerate(quantum):
                bits |= value << (18 - 6 * k)
            count = len(quantum) - 1  # the bytes the quantum carries
            if self.strict_ and count < 3 and bits & (0xFFFFFF >> 8 * count):
                return out, CorruptInputError(i - (3 - count))
            out += bits.to_bytes(3)[:count]
            if padded:
                return out, CorruptInputError(i) if i < end else None
            if len(quantum) < 4:
                return out, None


_ENCODER_CHUNK = 768  # the bytes whose text fills Go's encoder's 1024-byte buffer


class NewEncoder:
    """``base64.NewEncoder(enc, w)``: an ``io.WriteCloser`` that writes to ``w`` the
    text of each whole quantum of the bytes written to it as it fills; ``Close``
    writes the last, padded. The first error ``w`` returns is every later
    call's."""

    go_name = "*base64.encoder"

    def __init__(self, enc: Encoding, w: Any):
        self.enc, self.w = enc, w
        self.held = b""
        self.err: Any = None

    def write(self, data: str | list[int]) -> tuple[int, Any]:
        """As Go's: the held bytes completed to a quantum and written on their own,
        then the rest in writes of at most 768 bytes' text, a last part held."""
        if self.err is not None:
            return 0, self.err
        p = data.encode() if isinstance(data, str) else bytes(data)
        n = 0
        if self.held:
            taken = p[: 3 - len(self.held)]
            self.held += taken
            n, p = len(taken), p[len(taken) :]
            if len(self.held) < 3:
                return n, None
            self._out(self.held)
            self.held = b""
            if self.err is not None:
                return n, self.err
        while len(p) >= 3:
            chunk = min(_ENCODER_CHUNK, len(p) // 3 * 3)
            self._out(p[:chunk])
            if self.err is not None:
                return n, self.err
            n, p = n + chunk, p[chunk:]
        self.held = p
        return n + len(p), None

    def Close(self) -> Any:
        if self.err is None and self.held:
            self._out(self.held)
            self.held = b""
        return self.err

    def _out(self, raw: bytes) -> None:
        _, self.err = write(self.w, list(self.enc._encode(raw)))


def _past_newlines(src: bytes, i: int) -> int:
    while i < len(src) and src[i] in _NEWLINES:
        i += 1
    return i


def _put(dst: list[int] | Ref, data: bytes | bytearray, unit: int) -> None:
    """``data`` written into ``dst``, quantum by quantum (``unit`` bytes each): where
    one does not fit, Go's index out of range, of the part of ``dst`` left."""
    target = dst.v if isinstance(dst, Ref) else dst
    if len(data) > len(target):
        fits = len(target) // unit * unit
        target[:fits] = data[:fits]
        left = len(target) - fits
        raise GoPanic(f"runtime error: index out of range [{left}] with length {left}")
    target[: len(data)] = data


StdEncoding = Encoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
URLEncoding = Encoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
RawStdEncoding = StdEncoding.with_padding(NoPadding)
RawURLEncoding = URLEncoding.with_padding(NoPadding)
