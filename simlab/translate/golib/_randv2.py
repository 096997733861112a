"""``math/rand/v2``'s seeded generators: ``rand.New(rand.NewPCG(seed1, seed2))``
draws Go's numbers, in Go's order, for the same seeds, and ``rand.New`` of a source
of the program's draws from its ``Uint64``.

PCG is a 128-bit linear congruential generator whose output is the DXSM
permutation of the state's high half, mixed with its low half. ``*rand.Rand``
turns each 64-bit word into what a method returns as Go's does: the top bits for
the narrow integers, Lemire's multiply-and-shift with rejection for a bound that
is not a power of two (a mask for one that is), the low 53 bits for Float64, the
ziggurat (``_ziggurat``) for NormFloat64 and ExpFloat64.
(The top-level functions, seeded at random in Go, draw from the run's seed:
golib's ``rand_intn`` and kin.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._builtins import slice_len
from ._panics import panic
from ._ziggurat import exp_float64, norm_float64

__all__ = ["PCG", "RandV2", "rand_v2_new"]

_M64 = (1 << 64) - 1
_M128 = (1 << 128) - 1
_MUL = 2549297995355413924 << 64 | 4865540595714422341
_INC = 6364136223846793005 << 64 | 1442695040888963407
_CHEAP_MUL = 0xDA942042E4DD58B5


class PCG:
    """A ``*rand.PCG`` of ``rand.NewPCG(seed1, seed2)``: its state is the 128-bit
    number ``hi << 64 | lo``, kept in Go's two fields, which fmt prints
    (``&{hi:1 lo:2}``)."""

    __slots__ = ("hi", "lo")
    go_name = "*rand.PCG"

    def __init__(self, seed1: int, seed2: int) -> None:
        self.hi, self.lo = seed1 & _M64, seed2 & _M64

    def Seed(self, seed1: int, seed2: int) -> None:
        self.hi, self.lo = seed1 & _M64, seed2 & _M64

    def Uint64(self) -> int:
        state = ((self.hi << 64 | self.lo) * _MUL + _INC) & _M128
        hi, lo = self.hi, self.lo = state >> 64, state & _M64
        hi ^= hi >> 32
        hi = hi * _CHEAP_MUL & _M64
        hi ^= hi >> 48
        return hi * (lo | 1) & _M64


class RandV2:
    """A v2 ``*rand.Rand``: Go's methods, by Go's names, over a source's
    ``Uint64``."""

    __slots__ = ("src",)
    go_name = "*rand.Rand"

    def __init__(self, src: Any) -> None:
        self.src = src

    def Uint64(self) -> int:
        return int(self.src.Uint64()) & _M64

    def Int64(self) -> int:
        return self.Uint64() & (_M64 >> 1)

    def Uint32(self) -> int:
        return self.Uint64() >> 32

    def Int32(self) -> int:
        return self.Uint64() >> 33

    def Int(self) -> int:
        return self.Uint64() & (_M64 >> 1)

    def Uint(self) -> int:
        return self.Uint64()

    def _below(self, n: int, name: str, positive: bool = True) -> int:
        if n <= 0 if positive else n == 0:
            panic(f"invalid argument to {name}")
        if n & (n - 1) == 0:
            return self.Uint64() & (n - 1)
        product = self.Uint64() * n
        if product & _M64 < n:
            threshold = (-n & _M64) % n  # 2**64 mod n: the draws that would favour some
            while product & _M64 < threshold:
                product = self.Uint64() * n
        return product >> 64

    def IntN(self, n: int) -> int:
        return self._below(n, "IntN")

    def Int64N(self, n: int) -> int:
        return self._below(n, "Int64N")

    def Int32N(self, n: int) -> int:
        return self._below(n, "Int32N")

    def UintN(self, n: int) -> int:
        return self._below(n, "UintN", positive=False)

    def Uint64N(self, n: int) -> int:
        return self._below(n, "Uint64N", positive=False)

    def Uint32N(self, n: int) -> int:
        return self._below(n, "Uint32N", positive=False)

    def N(self, n: Any) -> Any:
        drawn = self._below(int(n), "N")
        return drawn if type(n) is int else type(n)(drawn)  # a Duration stays one

    def Float64(self) -> float:
        return (self.Uint64() & ((1 << 53) - 1)) / (1 << 53)

    def Float32(self) -> float:
        return (self.Uint32() & ((1 << 24) - 1)) / (1 << 24)  # 24 bits: a float32 exactly

    def NormFloat64(self) -> float:
        return norm_float64(self._normal_strip, self.Float64)

    def ExpFloat64(self) -> float:
        return exp_float64(self._exp_strip, self.Float64)

    def _normal_strip(self) -> tuple[int, int]:
        """One ``Uint64``: its low half as an int32, 7 bits of its high half the strip."""
        u = self.Uint64()
        j = u & 0xFFFFFFFF
        j -= (j >> 31) << 32
        return u >> 32 & 0x7F, j

    def _exp_strip(self) -> tuple[int, int]:
        """One ``Uint64``: its low half, and 8 bits of its high half the strip."""
        u = self.Uint64()
        return u >> 32 & 0xFF, u & 0xFFFFFFFF

    def Perm(self, n: int) -> list[int]:
        p = list(range(slice_len(n)))  # make([]int, n): Go's panic for a negative n

        def swap(i: int, j: int) -> None:
            p[i], p[j] = p[j], p[i]

        self.Shuffle(n, swap)
        return p

    def Shuffle(self, n: int, swap: Callable[[int, int], Any]) -> None:
        if n < 0:
            panic("invalid argument to Shuffle")
        for i in range(n - 1, 0, -1):
            swap(i, self._below(i + 1, "Shuffle"))


def rand_v2_new(src: Any) -> RandV2:
    """v2's ``rand.New(src)``."""
    return RandV2(src)
