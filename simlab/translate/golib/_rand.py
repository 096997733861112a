"""``math/rand``'s seeded generator, ``rand.New(rand.NewSource(seed))``: the numbers
Go's gives for the same seed, in the same order.

Go's source is an additive lagged Fibonacci generator (lags 607 and 273) over 64-bit
words; a seed fills its register from a Lehmer generator, each word mixed with a
constant of Go's table ``rngCooked``, which is read from the installed toolchain's
``src/math/rand/rng.go`` on first use (the table is 607 words that Go computed once
by running the generator 7.8e12 steps). The methods of ``*rand.Rand`` draw from it
as Go's do: rejection for ``Intn``, Lemire's multiply for ``Shuffle``, the
ziggurat (``_ziggurat``) for ``NormFloat64`` and ``ExpFloat64``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from simlab.errors import SimlabError

from ._builtins import slice_len
from ._panics import panic
from ._ziggurat import exp_float64, norm_float64

_LEN, _TAP = 607, 273
_M32 = (1 << 31) - 1  # the Lehmer generator's modulus
_MASK64 = (1 << 64) - 1
_MASK63 = (1 << 63) - 1


@cache
def _cooked() -> tuple[int, ...]:
    """Go's ``rngCooked``, from the toolchain's source, as unsigned 64-bit words."""
    from ..toolchain import goroot

    path = goroot() / "src" / "math" / "rand" / "rng.go"
    try:
        text = path.read_text()
    except OSError as exc:
        raise SimlabError(f"math/rand's seeded generator needs Go's source: {exc}") from None
    body = re.search(r"rngCooked\s*\[rngLen\]int64\s*=\s*\[\.\.\.\]int64\{(.*?)\}", text, re.S)
    words = re.findall(r"-?\d+", body.group(1)) if body else []
    if len(words) != _LEN:
        raise SimlabError(f"math/rand: {path} does not hold the 607 words simlab reads")
    return tuple(int(w) & _MASK64 for w in words)


def _lehmer(x: int) -> int:
    """The next of the seeding sequence: ``x * 48271 mod (2**31 - 1)``, by Schrage's
    method as Go computes it (the same value)."""
    return 48271 * x % _M32


class Source:
    """A ``rand.Source`` of ``rand.NewSource(seed)``."""

    __slots__ = ("_feed", "_tap", "_vec")
    go_name = "*rand.rngSource"  # Go's type of it, which %T names

    def __init__(self, seed: int) -> None:
        self._vec = [0] * _LEN
        self.Seed(seed)

    def Seed(self, seed: int) -> None:
        """``src.Seed(seed)`` (a source's methods have Go's names, as a Rand's)."""
        cooked = _cooked()
        self._tap, self._feed = 0, _LEN - _TAP
        seed %= _M32  # Go's remainder keeps the sign; Python's is never negative
        if seed == 0:
            seed = 89482311
        x = seed
        for i in range(-20, _LEN):
            x = _lehmer(x)
            if i >= 0:
                u = x << 40
                x = _lehmer(x)
                u ^= x << 20
                x = _lehmer(x)
                u ^= x
                self._vec[i] = (u ^ cooked[i]) & _MASK64

    def Uint64(self) -> int:
        """The next word."""
        self._tap = (self._tap - 1) % _LEN
        self._feed = (self._feed - 1) % _LEN
        x = (self._vec[self._feed] + self._vec[self._tap]) & _MASK64
        self._vec[self._feed] = x
        return x

    def Int63(self) -> int:
        """The next word's low 63 bits."""
        return self.Uint64() & _MASK63


class Rand:
    """A ``*rand.Rand`` of ``rand.New(src)``: its methods have Go's names (``Int`` is
    no Python name to shadow)."""

    __slots__ = ("src",)
    go_name = "*rand.Rand"

    def __init__(self, src: Source) -> None:
        self.src = src

    def Seed(self, seed: int) -> None:
        self.src.Seed(seed)

    def Int63(self) -> int:
        return self.src.Int63()

    def Uint32(self) -> int:
        return self.src.Int63() >> 31

    def Uint64(self) -> int:
        return self.src.Uint64()

    def Int31(self) -> int:
        return self.src.Int63() >> 32

    def Int(self) -> int:
        return self.src.Int63()

    def Int63n(self, n: int) -> int:
        return self._below(n, self.Int63, 63, "Int63n")

    def Int31n(self, n: int) -> int:
        return self._below(n, self.Int31, 31, "Int31n")

    def _below(self, n: int, draw: Callable[[], int], bits: int, name: str) -> int:
        """A draw below ``n`` of ``bits`` random bits as Int63n and Int31n make it: a
        mask for a power of two, else draws above the largest multiple of ``n`` that
        fits rejected, so that every value is as likely."""
        if n <= 0:
            panic(f"invalid argument to {name}")
        if n & (n - 1) == 0:
            return draw() & (n - 1)
        top = (1 << bits) - 1 - (1 << bits) % n
        v = draw()
        while v > top:
            v = draw()
        return v % n

    def Intn(self, n: int) -> int:
        if n <= 0:
            panic("invalid argument to Intn")
        return self.Int31n(n) if n <= (1 << 31) - 1 else self.Int63n(n)

    def Float64(self) -> float:
        while True:
            f = float(self.Int63()) / (1 << 63)
            if f != 1:  # a draw that rounds up to 1 is drawn again
                return f

    def Float32(self) -> float:
        from ._numbers import float32

        while True:
            f = float32(self.Float64())  # rounded to the nearest float32
            if f != 1:
                return f

    def NormFloat64(self) -> float:
        return norm_float64(self._normal_strip, self.Float64)

    def ExpFloat64(self) -> float:
        return exp_float64(self._exp_strip, self.Float64)

    def _normal_strip(self) -> tuple[int, int]:
        """One ``Uint32`` as an int32, and its low 7 bits: the normal's strip."""
        j = self.Uint32()
        j -= (j >> 31) << 32
        return j & 0x7F, j

    def _exp_strip(self) -> tuple[int, int]:
        """One ``Uint32``, and its low 8 bits: the exponential's strip."""
        j = self.Uint32()
        return j & 0xFF, j

    def Perm(self, n: int) -> list[int]:
        m = [0] * slice_len(n)  # make([]int, n): Go's panic for a negative n
        for i in range(n):
            j = self.Intn(i + 1)
            m[i] = m[j]
            m[j] = i
        return m

    def Shuffle(self, n: int, swap: Callable[[int, int], Any]) -> None:
        if n < 0:
            panic("invalid argument to Shuffle")
        i = n - 1
        while i > (1 << 31) - 2:
            swap(i, self.Int63n(i + 1))
            i -= 1
        while i > 0:
            swap(i, self._multiplied(i + 1))
            i -= 1

    def _multiplied(self, n: int) -> int:
        """A draw below ``n`` by Lemire's multiply and shift, which Shuffle uses."""
        prod = self.Uint32() * n
        low = prod & 0xFFFFFFFF
        if low < n:
            thresh = (-n & 0xFFFFFFFF) % n
            while low < thresh:
                prod = self.Uint32() * n
                low = prod & 0xFFFFFFFF
        return prod >> 32


def rand_new_source(seed: int) -> Source:
    """``rand.NewSource(seed)``."""
    return Source(seed)


def rand_new(src: Source) -> Rand:
    """``rand.New(src)``."""
    if not isinstance(src, Source):
        raise SimlabError("math/rand.New: simlab models a source of rand.NewSource only")
    return Rand(src)
