"""``time``: a ``time.Duration``'s parsing and rounding, ``time.Tick``, and
``time.Time``, an int: the ns since the run began.

A run's clock is a testing/synctest bubble's: it starts at 2000-01-01 00:00:00 UTC,
in UTC (as TZ=UTC prints it), and a time carries no monotonic reading.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import simlab as sl
from simlab.duration import time_string  # t.String(): 2000-01-01 00:00:01.5 +0000 UTC

from ._errors import new_error
from ._numbers import quo, rem
from ._runstate import _binary, _calling_runtime


def duration_truncate(d: int, m: int) -> int:
    """``d.Truncate(m)``: ``d`` rounded toward zero to a multiple of ``m`` (``m <= 0``:
    ``d``), in integers, exact however large ``d`` is."""
    return d if m <= 0 else d - rem(d, m)


_MIN_DURATION, _MAX_DURATION = -(1 << 63), (1 << 63) - 1


def duration_round(d: int, m: int) -> int:
    """``d.Round(m)``: ``d`` to the nearest multiple of ``m``, halfway away from zero
    (``m <= 0``: ``d``); a multiple beyond a Duration's range gives the largest or
    the smallest Duration, as Go's does."""
    if m <= 0:
        return d
    r = abs(d) % m
    down = abs(d) - r
    nearest = down if r + r < m else down + m
    return max(-nearest, _MIN_DURATION) if d < 0 else min(nearest, _MAX_DURATION)


def duration_abs(d: int) -> int:
    """``d.Abs()``: the absolute value of ``d``; the smallest Duration's is the largest."""
    return _MAX_DURATION if d == _MIN_DURATION else abs(d)


def duration_in(d: int, unit: int) -> float:
    """``d.Seconds()``, ``Minutes()`` and ``Hours()``: ``d`` in units of ``unit``
    nanoseconds, worked out as Go does: the whole units and the nanoseconds left over
    each made a float apart, then added (one division of ``d`` may differ in its last
    digit)."""
    whole = quo(d, unit)
    return float(whole) + float(d - whole * unit) / float(unit)


_UNITS = {
    b"ns": 1,
    b"us": 1_000,
    "µs".encode(): 1_000,  # U+00B5, the micro sign
    "μs".encode(): 1_000,  # U+03BC, the Greek letter mu
    b"ms": 1_000_000,
    b"s": 1_000_000_000,
    b"m": 60_000_000_000,
    b"h": 3_600_000_000_000,
}
_DURATION_PART = re.compile(rb"([0-9]*)(?:\.([0-9]*))?([^0-9.]*)")


def _duration_quote(b: bytes) -> str:
    """time's own quoting: a byte outside printable ASCII as ``\\xNN``."""
    out = "".join(
        f"\\x{c:02x}" if c < 0x20 or c >= 0x80 else "\\" * (c in b'"\\') + chr(c) for c in b
    )
    return f'"{out}"'


def parse_duration(s: str) -> tuple[int, sl.GoError | None]:
    """``time.ParseDuration(s)``: a sequence of decimal numbers, each with an optional
    fraction and a unit (``ns``, ``us``/``µs``, ``ms``, ``s``, ``m``, ``h``), with an
    optional sign: ``"1h2m3.5s"``, ``"-1.5h"``, ``"0"``; Go's errors, word for word,
    and Go's arithmetic (a fraction through a float64, as Go's)."""
    orig = s.encode()
    rest = orig[1:] if orig[:1] in (b"-", b"+") else orig

    def invalid() -> tuple[int, sl.GoError]:
        return 0, new_error("time: invalid duration " + _duration_quote(orig))

    if rest == b"0":
        return 0, None
    if not rest:
        return invalid()
    d = 0
    while rest:
        m = _DURATION_PART.match(rest)
        assert m is not None  # every part of the pattern may be empty
        whole, fraction, unit = m.group(1), m.group(2), m.group(3)
        if not whole and not fraction:
            return invalid()  # no digits: "x", ".s"
        v = int(whole or b"0")
        if v > 1 << 63:
            return invalid()
        if not unit:
            return 0, new_error("time: missing unit in duration " + _duration_quote(orig))
        if unit not in _UNITS:
            text = _duration_quote(unit)
            return 0, new_error(f"time: unknown unit {text} in duration {_duration_quote(orig)}")
        rest = rest[m.end() :]
        scale = _UNITS[unit]
        if v > (1 << 63) // scale:
            return invalid()
        v *= scale
        f, digits = _leading_fraction(fraction or b"")
        if f > 0:
            v += int(float(f) * (float(scale) / 10.0**digits))
            if v > 1 << 63:
                return invalid()
        d += v
        if d > 1 << 63:
            return invalid()
    if orig[:1] == b"-":
        return -d, None
    if d > _MAX_DURATION:
        return invalid()
    return d, None


def _leading_fraction(digits: bytes) -> tuple[int, int]:
    """The fraction's digits as an integer and how many of them it holds: those that
    fit below 1<<63, as Go's leadingFraction keeps them."""
    x = 0
    for i, c in enumerate(digits):
        y = x * 10 + c - ord("0")
        if x > ((1 << 63) - 1) // 10 or y > 1 << 63:
            return x, i
        x = y
    return x, len(digits)


def tick(rt: sl.Runtime, d: int) -> Any:
    """``time.Tick(d)``: a ticker's channel, or nil for ``d <= 0``."""
    return rt.ticker(d).c if d > 0 else sl.nil_chan


_EPOCH_UNIX = 946_684_800  # 2000-01-01 00:00:00 UTC, in seconds since 1970
_EPOCH_ABS = 63_082_281_600  # the same, in seconds since 0001-01-01, Go's zero Time
ZERO_TIME = -_EPOCH_ABS * 1_000_000_000  # time.Time{}: 0001-01-01 00:00:00 UTC
_NS = 1_000_000_000
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def _civil(t: int) -> tuple[datetime.datetime, int]:
    """The calendar time of ``t`` (whole seconds) and its nanoseconds."""
    secs, ns = divmod(t, _NS)
    return datetime.datetime(2000, 1, 1) + datetime.timedelta(seconds=secs), ns


def _bubble_start(rt: Any) -> int:
    """When the synctest bubble running in ``rt``'s test binary began, or 0: Go starts
    each bubble's clock at 2000-01-01 00:00:00 UTC, where the run's clock started. A
    time is kept on the run's clock and shown on the bubble's (of two bubbles of
    parallel tests running at once, the later one's)."""
    binary = _binary(rt) if rt is not None else None
    return max(binary.bubbles.values(), default=0) if binary is not None else 0


def _shown(t: int, rt: Any) -> int:
    """``t``, kept on the run's clock, on the clock of the synctest bubble running: ns
    since 2000-01-01 00:00:00 UTC there. The zero Time is year 1 on every clock."""
    return t if t == ZERO_TIME else t - _bubble_start(rt)


class Time(int):
    """A ``time.Time`` where fmt or an interface sees it (``var x any = t``, a struct's
    field): the instant on the run's clock, an int, whose String method prints it on
    the clock of the synctest bubble running (``rt``'s, else the calling model's)."""

    go_name = "time.Time"
    rt: Any

    def __new__(cls, t: int, rt: Any = None) -> Time:
        self = super().__new__(cls, t)
        self.rt = rt
        return self

    @property
    def t(self) -> int:
        """The instant on the bubble's clock: ns since 2000-01-01 00:00:00 UTC."""
        return _shown(self, self.rt if self.rt is not None else _calling_runtime())

    def String(self) -> str:
        return time_string(self.t)


def time_text(t: int, rt: Any = None) -> str:
    """``t.String()``: ``2000-01-01 00:00:01.5 +0000 UTC``, on the clock of the
    synctest bubble running, if any (``rt``)."""
    return time_string(_shown(t, rt))


class Month(int):
    """A ``time.Month`` handed to fmt: ``January``."""

    go_name = "time.Month"

    def String(self) -> str:
        return _MONTHS[self - 1] if 1 <= self <= 12 else f"%!Month({int(self)})"


class Weekday(int):
    """A ``time.Weekday`` handed to fmt: ``Sunday``."""

    go_name = "time.Weekday"

    def String(self) -> str:
        return _DAYS[self] if 0 <= self <= 6 else f"%!Weekday({int(self)})"


def time_date(
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    sec: int,
    nsec: int,
    loc: Any,
    rt: Any = None,
) -> int:
    """``time.Date(...)`` in UTC (every location is UTC in a run); out-of-range values
    carry over, as Go's do (month 13 is January of the next year). On the run's clock:
    in a synctest bubble (``rt``'s), ``time.Date(2000, 1, 1, ...)`` is when it began."""
    y, m = divmod(year * 12 + month - 1, 12)
    start = datetime.datetime(y, m + 1, 1) - datetime.datetime(2000, 1, 1)
    days = start.days + day - 1
    return (((days * 24 + hour) * 60 + minute) * 60 + sec) * _NS + nsec + _bubble_start(rt)


def time_unix(sec: int, nsec: int, rt: Any = None) -> int:
    """``time.Unix(sec, nsec)``, on the run's clock (see :func:`time_date`)."""
    return (sec - _EPOCH_UNIX) * _NS + nsec + _bubble_start(rt)


def time_field(t: int, name: str, rt: Any = None) -> Any:
    """``t.Year()``, ``t.Month()``, ... ``t.Unix()``, ``t.UnixNano()``, by Go's name (on
    the clock of the synctest bubble running, if any: ``rt``)."""
    t = _shown(t, rt)
    if name.startswith("Unix"):
        scale = {"Unix": _NS, "UnixMilli": 1_000_000, "UnixMicro": 1_000, "UnixNano": 1}[name]
        return (t + _EPOCH_UNIX * _NS) // scale
    dt, ns = _civil(t)
    if name == "Nanosecond":
        return ns
    if name == "Weekday":
        return Weekday((dt.weekday() + 1) % 7)
    if name == "YearDay":
        return dt.timetuple().tm_yday
    if name == "Month":
        return Month(dt.month)
    return getattr(dt, name.lower())


def time_add_date(t: int, years: int, months: int, days: int, rt: Any = None) -> int:
    """``t.AddDate(years, months, days)``: ``time.Date`` of ``t``'s date moved by them
    and its clock, so that October 31 and a month is December 1, as in Go (on the
    clock of the synctest bubble running, if any: ``rt``)."""
    dt, ns = _civil(_shown(t, rt))
    year, month, day = dt.year + years, dt.month + months, dt.day + days
    return time_date(year, month, day, dt.hour, dt.minute, dt.second, ns, None, rt)


def compare(a: Any, b: Any) -> int:
    """``a.Compare(b)`` of two times: -1, 0 or +1."""
    return (a > b) - (a < b)


def time_truncate(t: int, d: int, rt: Any = None) -> int:
    """``t.Truncate(d)``: down to a multiple of ``d`` since Go's zero Time (on the
    clock of the synctest bubble running, if any: ``rt``)."""
    if d <= 0:
        return t
    return t - (_shown(t, rt) - ZERO_TIME) % d


def time_round(t: int, d: int, rt: Any = None) -> int:
    """``t.Round(d)``: to the nearest multiple of ``d`` since Go's zero Time, halfway
    up (on the clock of the synctest bubble running, if any: ``rt``)."""
    if d <= 0:
        return t
    r = (_shown(t, rt) - ZERO_TIME) % d
    return t - r + d if r + r >= d else t - r


def _layout_chunks() -> re.Pattern[str]:
    # the elements of a Go layout, longest first where one begins another
    names = [
        "January", "Jan", "Monday", "Mon", "MST", "2006", "002", "__2", "_2", "01", "02",
        "03", "04", "05", "06", "15", "1", "2", "3", "4", "5", "PM", "pm",
        "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07", "-07:00:00", "-070000", "-07:00",
        "-0700", "-07",
    ]  # fmt: skip
    return re.compile(r"[.,](?:0+|9+)(?!\d)|" + "|".join(re.escape(n) for n in names))


_LAYOUT = _layout_chunks()


def time_format(t: int, layout: str, rt: Any = None) -> str:
    """``t.Format(layout)``: Go's reference time ``Mon Jan 2 15:04:05 MST 2006`` in
    ``layout`` stands for the parts of ``t``; the zone is UTC's (the clock, the
    synctest bubble's running, if any: ``rt``)."""
    dt, ns = _civil(_shown(t, rt))
    hour12 = dt.hour % 12 or 12

    def part(m: re.Match[str]) -> str:
        chunk = m.group()
        if chunk[0] in ".,":
            digits = f"{ns:09d}"[: len(chunk) - 1]
            if chunk[1] == "9":
                digits = digits.rstrip("0")
                return chunk[0] + digits if digits else ""
            return chunk[0] + digits
        if chunk.startswith("Z"):
            return "Z"
        if chunk.startswith("-07"):
            return {"-07": "+00", "-0700": "+0000", "-07:00": "+00:00"}.get(
                chunk, "+00:00:00" if ":" in chunk else "+000000"
            )
        return {
            "January": _MONTHS[dt.month - 1],
            "Jan": _MONTHS[dt.month - 1][:3],
            "Monday": _DAYS[(dt.weekday() + 1) % 7],
            "Mon": _DAYS[(dt.weekday() + 1) % 7][:3],
            "MST": "UTC",
            "2006": f"{dt.year:04d}",
            "06": f"{dt.year % 100:02d}",
            "002": f"{dt.timetuple().tm_yday:03d}",
            "__2": f"{dt.timetuple().tm_yday:>3d}",
            "_2": f"{dt.day:>2d}",
            "01": f"{dt.month:02d}",
            "02": f"{dt.day:02d}",
            "03": f"{hour12:02d}",
            "04": f"{dt.minute:02d}",
            "05": f"{dt.second:02d}",
            "15": f"{dt.hour:02d}",
            "1": str(dt.month),
            "2": str(dt.day),
            "3": str(hour12),
            "4": str(dt.minute),
            "5": str(dt.second),
            "PM": "PM" if dt.hour >= 12 else "AM",
            "pm": "pm" if dt.hour >= 12 else "am",
        }[chunk]

    return _LAYOUT.sub(part, layout)


def context_deadline(ctx: Any) -> tuple[int, bool]:
    """``ctx.Deadline()``: the deadline and true, or the zero Time and false where
    no deadline is set (Go's ``time.Time{}``, not the run's first instant)."""
    deadline, ok = ctx.deadline()
    return (deadline if ok else ZERO_TIME), ok
