"""Simulated time: integer nanoseconds, as Go's ``time.Duration``.

Every instant and every duration in simlab is an ``int`` count of nanoseconds.
:func:`parse_duration` accepts exactly the syntax of Go's ``time.ParseDuration``
and :func:`format_duration` prints what Go's ``Duration.String`` prints, so that
``"5m"`` on a command line and ``5m0s`` in a report mean what a Go engineer reads.
"""

from __future__ import annotations

from typing import NamedTuple

Nanosecond = 1
Microsecond = 1000 * Nanosecond
Millisecond = 1000 * Microsecond
Second = 1000 * Millisecond
Minute = 60 * Second
Hour = 60 * Minute

_UNITS = {
    "ns": Nanosecond,
    "us": Microsecond,
    "µs": Microsecond,  # U+00B5 micro sign
    "μs": Microsecond,  # U+03BC Greek small letter mu
    "ms": Millisecond,
    "s": Second,
    "m": Minute,
    "h": Hour,
}
_MAX = 1 << 63


class DurationError(ValueError):
    """A string that Go's ``time.ParseDuration`` would reject; the message is Go's."""


def _leading_int(s: str) -> tuple[int, str]:
    i, x = 0, 0
    while i < len(s) and "0" <= s[i] <= "9":
        if x > _MAX // 10:
            raise OverflowError
        x = x * 10 + ord(s[i]) - 48
        if x > _MAX:
            raise OverflowError
        i += 1
    return x, s[i:]


def _leading_fraction(s: str) -> tuple[int, float, str]:
    i, x, scale, overflow = 0, 0, 1.0, False
    while i < len(s) and "0" <= s[i] <= "9":
        if not overflow:
            y = x * 10 + ord(s[i]) - 48
            if x > (_MAX - 1) // 10 or y > _MAX:
                overflow = True
            else:
                x, scale = y, scale * 10
        i += 1
    return x, scale, s[i:]


def parse_duration(text: str) -> int:
    """Parse a Go duration string such as ``"300ms"``, ``"1.5h"`` or ``"1h2m3.5s"``.

    Returns nanoseconds. Raises :class:`DurationError` with Go's own message
    (``time: unknown unit "d" in duration "1d"``) for anything Go rejects.
    """
    orig, s, neg, total = text, text, False, 0

    def invalid(what: str = "invalid duration") -> DurationError:
        return DurationError(f'time: {what} "{orig}"')

    if s and s[0] in "+-":
        neg, s = s[0] == "-", s[1:]
    if s == "0":
        return 0
    if not s:
        raise invalid()
    while s:
        if not (s[0] == "." or "0" <= s[0] <= "9"):
            raise invalid()
        before = len(s)
        try:
            v, s = _leading_int(s)
        except OverflowError:
            raise invalid() from None
        pre, post, f, scale = before != len(s), False, 0, 1.0
        if s and s[0] == ".":
            s = s[1:]
            before = len(s)
            f, scale, s = _leading_fraction(s)
            post = before != len(s)
        if not pre and not post:
            raise invalid()
        i = 0
        while i < len(s) and not (s[i] == "." or "0" <= s[i] <= "9"):
            i += 1
        if i == 0:
            raise invalid("missing unit in duration")
        unit_name, s = s[:i], s[i:]
        unit = _UNITS.get(unit_name)
        if unit is None:
            raise invalid(f'unknown unit "{unit_name}" in duration')
        if v > _MAX // unit:
            raise invalid()
        v *= unit
        if f > 0:
            v += int(float(f) * (float(unit) / scale))
            if v > _MAX:
                raise invalid()
        total += v
        if total > _MAX:
            raise invalid()
    if neg:
        return -total
    if total > _MAX - 1:
        raise invalid()
    return total


def _fmt_frac(v: int, prec: int) -> tuple[str, int]:
    """Go's fmtFrac: the fraction of v/10**prec without trailing zeros."""
    digits, printed = "", False
    for _ in range(prec):
        digit = v % 10
        printed = printed or digit != 0
        if printed:
            digits = str(digit) + digits
        v //= 10
    return ("." + digits if printed else ""), v


def format_duration(d: int) -> str:
    """Format nanoseconds as Go's ``Duration.String`` does: ``5m0s``, ``1.5ms``, ``0s``."""
    if d == 0:
        return "0s"
    neg, u = d < 0, abs(d)
    if u < Second:
        if u < Microsecond:
            body = f"{u}ns"
        elif u < Millisecond:
            frac, whole = _fmt_frac(u, 3)
            body = f"{whole}{frac}µs"
        else:
            frac, whole = _fmt_frac(u, 6)
            body = f"{whole}{frac}ms"
    else:
        frac, whole = _fmt_frac(u, 9)
        body = f"{whole % 60}{frac}s"
        whole //= 60
        if whole > 0:
            body = f"{whole % 60}m{body}"
            whole //= 60
            if whole > 0:
                body = f"{whole}h{body}"
    return "-" + body if neg else body


class CivilTime(NamedTuple):
    """The calendar parts of an instant in UTC, in Go's terms: ``weekday`` 0 is
    Sunday, ``yday`` 1 is January 1; any year, Go's year 0 and before too."""

    year: int
    month: int
    day: int
    hour: int
    minute: int
    second: int
    ns: int
    weekday: int
    yday: int


_CYCLE_DAYS = 146_097  # 400 Gregorian years, whose calendar and weekdays repeat
_YEAR_1 = -730_119  # 0001-01-01, in days from 2000-01-01
_YEAR_10000 = 2_921_940  # 10000-01-01, past what Python's datetime holds


def civil_time(t: int) -> CivilTime:
    """The calendar parts of the instant ``t`` ns from 2000-01-01 00:00:00 UTC (a
    year Python's ``datetime`` does not hold, before 1 or after 9999, is counted
    from a whole number of 400-year cycles away)."""
    import datetime

    secs, ns = divmod(t, Second)
    days, secs = divmod(secs, 86_400)
    outside = days < _YEAR_1 or days >= _YEAR_10000
    cycles = -((days - _YEAR_1) // _CYCLE_DAYS) if outside else 0
    d = datetime.date(2000, 1, 1) + datetime.timedelta(days=days + cycles * _CYCLE_DAYS)
    hour, rest = divmod(secs, 3600)
    weekday, yday = (d.weekday() + 1) % 7, d.timetuple().tm_yday
    return CivilTime(
        d.year - 400 * cycles, d.month, d.day, hour, rest // 60, rest % 60, ns, weekday, yday
    )


def go_year(year: int) -> str:
    """A year as Go's layouts write it: four digits at least, after the sign (-0001)."""
    return f"{'-' if year < 0 else ''}{abs(year):04d}"


def civil_days(year: int, month: int, day: int) -> int:
    """The days from 2000-01-01 to ``year-month-day`` (what :func:`civil_time`
    reads back), for any year; a month or a day out of its range carries over, as
    Go's ``time.Date`` does (month 13 is January of the next year)."""
    import datetime

    y, m = divmod(year * 12 + month - 1, 12)
    cycles = (400 - y) // 400 if y < 1 else 0  # year 0 and before: 400-year cycles later
    if y > 9999:
        cycles = -((y - 1) // 400)  # and after 9999, earlier
    start = datetime.date(y + 400 * cycles, m + 1, 1) - datetime.date(2000, 1, 1)
    return start.days - _CYCLE_DAYS * cycles + day - 1


def time_string(t: int) -> str:
    """The instant ``t`` ns into a run as Go's ``Time.String`` prints it, a run
    starting, as a ``testing/synctest`` bubble does, at 2000-01-01 00:00:00 UTC:
    ``2000-01-01 00:00:05.5 +0000 UTC``."""
    c = civil_time(t)
    frac = f".{c.ns:09d}".rstrip("0") if c.ns else ""
    clock = f"{c.month:02d}-{c.day:02d} {c.hour:02d}:{c.minute:02d}:{c.second:02d}"
    return f"{go_year(c.year)}-{clock}{frac} +0000 UTC"  # year 1 is 0001, as Go's
