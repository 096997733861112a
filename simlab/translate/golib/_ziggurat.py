"""``NormFloat64`` and ``ExpFloat64`` of ``math/rand`` and ``math/rand/v2``: the
numbers Go's seeded generators give, by Go's ziggurat method.

Marsaglia and Tsang's ziggurat covers a density with strips of equal area: a
32-bit draw picks a strip (its low 7 bits for the normal's 128 strips, 8 bits for
the exponential's 256) and a position in it; a position under the strip's inner
edge (``kn``, ``ke``) is the answer, which it is more than 99 times in 100. Else
the base strip samples the tail, and any other strip compares a uniform height
against the density, in float32 as Go's code does. The strips' tables are Go's
own, read from the installed toolchain's ``src/math/rand`` on first use (as
``_rand`` reads ``rngCooked``): a table recomputed here could differ from Go's in
a last bit, and with it a number.

A generator gives its draws through ``draw``, a function returning the strip
index and the 32-bit position (signed for the normal), so that v1 (``Uint32``)
and v2 (both halves of one ``Uint64``) share the method.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from functools import cache

from simlab.errors import SimlabError

from ._mathfn import _exp, _log
from ._numbers import round_float32 as _f32

__all__ = ["exp_float64", "norm_float64"]

_RN = 3.442619855899  # where the normal's tail begins (a float64 as Go's constant)
_INV_RN = float(1 / Fraction("3.442619855899"))  # Go's constant 1.0/rn, rounded once
_RE = 7.69711747013104972  # where the exponential's tail begins


@cache
def _tables(name: str) -> tuple[tuple[int, ...], tuple[float, ...], tuple[float, ...]]:
    """The inner edges, widths and heights of Go's strips from ``src/math/rand/NAME.go``
    (``normal``: kn, wn, fn; ``exp``: ke, we, fe)."""
    from ..toolchain import goroot

    path = goroot() / "src" / "math" / "rand" / f"{name}.go"
    try:
        text = path.read_text()
    except OSError as exc:
        raise SimlabError(f"math/rand's {name} draws need Go's source: {exc}") from None
    size = 128 if name == "normal" else 256
    out: list[list[str]] = []
    for table, kind in zip("kwf", ("uint32", "float32", "float32"), strict=True):
        suffix = "n" if name == "normal" else "e"
        body = re.search(rf"var {table}{suffix}\s*=\s*\[{size}\]{kind}\{{(.*?)\}}", text, re.S)
        words = re.findall(r"[-+.\w]+", body.group(1)) if body else []
        if len(words) != size:
            raise SimlabError(f"math/rand: {path} does not hold the tables simlab reads")
        out.append(words)
    k = tuple(int(w, 0) for w in out[0])
    w = tuple(_f32(float(x)) for x in out[1])
    f = tuple(_f32(float(x)) for x in out[2])
    return k, w, f


def norm_float64(draw: Callable[[], tuple[int, int]], float64: Callable[[], float]) -> float:
    """A standard normal number: ``draw()`` gives a strip (0 to 127) and an int32."""
    kn, wn, fn = _tables("normal")
    while True:
        i, j = draw()
        x = j * wn[i]
        if abs(j) < kn[i]:
            return x
        if i == 0:  # the tail beyond the base strip
            while True:
                x = -_log(float64()) * _INV_RN
                y = -_log(float64())
                if y + y >= x * x:
                    break
            return _RN + x if j > 0 else -_RN - x
        height = _f32(fn[i] + _f32(_f32(float64()) * _f32(fn[i - 1] - fn[i])))
        if height < _f32(_exp(-0.5 * x * x)):
            return x


def exp_float64(draw: Callable[[], tuple[int, int]], float64: Callable[[], float]) -> float:
    """An exponential number of rate 1: ``draw()`` gives a strip (0 to 255) and a uint32."""
    ke, we, fe = _tables("exp")
    while True:
        i, j = draw()
        x = j * we[i]
        if j < ke[i]:
            return x
        if i == 0:
            return _RE - _log(float64())
        height = _f32(fe[i] + _f32(_f32(float64()) * _f32(fe[i - 1] - fe[i])))
        if height < _f32(_exp(-x)):
            return x
