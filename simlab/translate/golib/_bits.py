"""``math/bits``: the bits of an unsigned integer of 8, 16, 32 or 64 bits (``uint``
is 64 bits, as on the machines Go's tests run on) counted, measured, rotated and
reversed, exactly, as Python's integers allow.
"""

from __future__ import annotations

from simlab.errors import GoPanic


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


def bits_mul(x: int, y: int, size: int) -> tuple[int, int]:
    """``bits.Mul64`` (and ``Mul32``, ``Mul``): the product's high and low halves."""
    product = x * y
    return product >> size, product & ((1 << size) - 1)


def bits_add(x: int, y: int, carry: int, size: int) -> tuple[int, int]:
    """``bits.Add64`` (and its kin): the sum with the carry in, and the carry out."""
    total = x + y + carry
    return total & ((1 << size) - 1), total >> size


def bits_div(hi: int, lo: int, y: int, size: int) -> tuple[int, int]:
    """``bits.Div64`` (and ``Div32``, ``Div``): the quotient and remainder of the
    double-width ``hi, lo`` by ``y``; Go's panics for ``y`` zero, or not above
    ``hi`` (a quotient that would not fit)."""
    if y == 0:
        raise GoPanic("runtime error: integer divide by zero")
    if y <= hi:
        raise GoPanic("runtime error: integer overflow")
    return divmod(hi << size | lo, y)


def bits_rem(hi: int, lo: int, y: int, size: int) -> int:
    """``bits.Rem64`` (and ``Rem32``, ``Rem``): the remainder of the double-width
    ``hi, lo`` by ``y``, whatever the quotient's size; Go's panic for ``y`` zero."""
    if y == 0:
        raise GoPanic("runtime error: integer divide by zero")
    return (hi << size | lo) % y


def bits_sub(x: int, y: int, borrow: int, size: int) -> tuple[int, int]:
    """``bits.Sub64`` (and its kin): the difference with the borrow in, and the
    borrow out."""
    diff = x - y - borrow
    return diff & ((1 << size) - 1), 1 if diff < 0 else 0
