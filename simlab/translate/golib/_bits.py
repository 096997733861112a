"""``math/bits``: the bits of an unsigned integer of 8, 16, 32 or 64 bits (``uint``
is 64 bits, as on the machines Go's tests run on) counted, measured, rotated and
reversed, exactly, as Python's integers allow.
"""

from __future__ import annotations


def bits_ones_count(x: int) -> int:
    """``bits.OnesCount`` and its sized forms: the bits set."""
    return x.bit_count()


def bits_len(x: int) -> int:
    """``bits.Len``: the bits needed to write ``x``, 0 for 0."""
    return x.bit_length()


def bits_leading_zeros(x: int, size: int) -> int:
    """``bits.LeadingZeros``: the zero bits above the highest set one of ``size``."""
    return size - x.bit_length()


def bits_trailing_zeros(x: int, size: int) -> int:
    """``bits.TrailingZeros``: the zero bits below the lowest set one; ``size`` for 0."""
    return size if x == 0 else (x & -x).bit_length() - 1


def bits_rotate_left(x: int, k: int, size: int) -> int:
    """``bits.RotateLeft``: ``x`` rotated left by ``k`` (right for a negative ``k``)."""
    k %= size
    return ((x << k) | (x >> (size - k))) & ((1 << size) - 1)


def bits_reverse(x: int, size: int) -> int:
    """``bits.Reverse``: the bits of ``x`` in the other order."""
    return int(f"{x:0{size}b}"[::-1], 2)


def bits_reverse_bytes(x: int, size: int) -> int:
    """``bits.ReverseBytes``: the bytes of ``x`` in the other order."""
    return int.from_bytes(x.to_bytes(size // 8, "big"), "little")
