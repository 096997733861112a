"""``time``: a ``time.Duration``'s parsing, ``time.Tick``, and
``time.Time``, an int: the ns since the run began.

A run's clock is a testing/synctest bubble's: it starts at 2000-01-01 00:00:00 UTC,
in UTC (as TZ=UTC prints it), and a time carries no monotonic reading.
"""

from __future__ import annotations

import re
from typing import Any

import simlab as sl
from simlab.duration import civil_days, civil_time, go_year, time_string
from simlab.errors import SimlabError

from ._numbers import _MAX_DURATION
from ._runstate import _binary, _calling_runtime

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


def _quote(b: bytes) -> str:
    """time's own quoting: a byte outside printable ASCII as ``\\xNN``."""
    out = "".join(
        f"\\x{c:02x}" if c < 0x20 or c >= 0x80 else "\\" * (c in b'"\\') + chr(c) for c in b
    )
    return f'"{out}"'


class ParseDurationError(sl.GoError):
    """``*time.parseDurationError``: why ``time.ParseDuration`` failed (Go's field
    ``message``) and the text it was given (``value``)."""

    __slots__ = ("reason", "value")

    def __init__(self, reason: str, value: str, text: str) -> None:
        super().__init__("*time.parseDurationError", text)
        self.reason, self.value = reason, value


def parse_duration(s: str) -> tuple[int, sl.GoError | None]:
    """``time.ParseDuration(s)``: a sequence of decimal numbers, each with an optional
    fraction and a unit (``ns``, ``us``/``µs``, ``ms``, ``s``, ``m``, ``h``), with an
    optional sign: ``"1h2m3.5s"``, ``"-1.5h"``, ``"0"``; Go's errors, word for word,
    and Go's arithmetic (a fraction through a float64, as Go's)."""
    orig = s.encode()
    rest = orig[1:] if orig[:1] in (b"-", b"+") else orig

    def failed(reason: str) -> tuple[int, sl.GoError]:
        return 0, ParseDurationError(reason, s, f"time: {reason} {_quote(orig)}")

    def invalid() -> tuple[int, sl.GoError]:
        return failed("invalid duration")

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
            return failed("missing unit in duration")
        if unit not in _UNITS:
            return failed(f"unknown unit {_quote(unit)} in duration")
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

    # its methods a program's interface may name (type B interface{ Before(time.Time)
    # bool }): the argument and the results as a time.Time variable holds them, ints
    def Before(self, u: int) -> bool:
        return int(self) < u

    def After(self, u: int) -> bool:
        return int(self) > u

    def Equal(self, u: int) -> bool:
        return int(self) == u

    def Compare(self, u: int) -> int:
        return (int(self) > u) - (int(self) < u)

    def Sub(self, u: int) -> int:
        return int(self) - u

    def Add(self, d: int) -> int:
        return int(self) + d

    def Format(self, layout: str) -> str:
        return time_format(int(self), layout, self.rt)

    def AddDate(self, years: int, months: int, days: int) -> int:
        return time_add_date(int(self), years, months, days, self.rt)

    def Truncate(self, d: int) -> int:
        return time_truncate(int(self), d, self.rt)

    def Round(self, d: int) -> int:
        return time_round(int(self), d, self.rt)

    def IsZero(self) -> bool:
        return int(self) == ZERO_TIME

    def UTC(self) -> int:
        return int(self)  # every time of a run is in UTC

    Local = UTC

    def GoString(self) -> str:
        """``%#v``: ``time.Date(2024, time.July, 4, 0, 0, 0, 500000000, time.UTC)``."""
        c = civil_time(self.t)
        clock = f"{c.hour}, {c.minute}, {c.second}, {c.ns}"
        return f"time.Date({c.year}, time.{_MONTHS[c.month - 1]}, {c.day}, {clock}, time.UTC)"


def _field_method(name: str) -> Any:
    """Time's method ``name`` of :func:`time_field` (``Year``, ``Unix``...)."""

    def method(self: Time) -> Any:
        return time_field(int(self), name, self.rt)

    method.__name__ = method.__qualname__ = name
    return method


for _field in (
    "Year", "Month", "Day", "Hour", "Minute", "Second", "Nanosecond", "Weekday", "YearDay",
    "ISOWeek", "Date", "Clock", "Unix", "UnixMilli", "UnixMicro", "UnixNano",
):  # fmt: skip
    setattr(Time, _field, _field_method(_field))
del _field


class TimeFields:
    """A ``time.Time`` where fmt may call none of its methods (inside an unexported
    field): the struct Go keeps, as fmt prints it, ``{wall:5 ext:63839664000
    loc:<nil>}``. That is a time in UTC without a monotonic reading, as
    ``time.Date`` makes it: ``wall`` its nanoseconds within the second, ``ext`` its
    seconds since January 1 of year 1 (a time of ``time.Now`` or in ``time.Local``
    differs from run to run in Go, which a run's times do not mimic)."""

    __slots__ = ("wall", "ext", "loc")  # noqa: RUF023 (Go's order, which fmt prints)
    go_name = "time.Time"
    go_struct = True  # a struct value: {...}, not &{...}

    def __init__(self, t: Time) -> None:
        seconds, self.wall = divmod(t.t, _NS)
        self.ext = seconds + _EPOCH_ABS
        self.loc = None

    def literal(self) -> str:
        """``%#v``: ``time.Time{wall:0x5, ext:63839664000, loc:(*time.Location)(nil)}``."""
        return f"time.Time{{wall:{hex(self.wall)}, ext:{self.ext}, loc:(*time.Location)(nil)}}"


def time_text(t: int, rt: Any = None) -> str:
    """``t.String()``: ``2000-01-01 00:00:01.5 +0000 UTC``, on the clock of the
    synctest bubble running, if any (``rt``)."""
    return time_string(_shown(t, rt))


class Month(int):
    """A ``time.Month`` handed to fmt: ``January``."""

    go_name = "time.Month"

    def String(self) -> str:
        if 1 <= self <= 12:
            return _MONTHS[self - 1]
        return f"%!Month({int(self) & 0xFFFF_FFFF_FFFF_FFFF})"  # the number as a uint64


class Weekday(int):
    """A ``time.Weekday`` handed to fmt: ``Sunday``."""

    go_name = "time.Weekday"

    def String(self) -> str:
        return _DAYS[self] if 0 <= self <= 6 else f"%!Weekday({int(self) & 0xFFFF_FFFF_FFFF_FFFF})"


class Location:
    """A ``*time.Location``: a run has one zone, UTC, which ``time.UTC``,
    ``time.Local`` and every time's ``Location()`` are, and print as (``UTC``, as
    they do where TZ=UTC)."""

    __slots__ = ("name",)
    go_name = "*time.Location"

    def __init__(self, name: str) -> None:
        self.name = name

    def String(self) -> str:
        return self.name


UTC = Location("UTC")


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
    days = civil_days(year, month, day)
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
    c = civil_time(t)
    if name == "Nanosecond":
        return c.ns
    if name == "Weekday":
        return Weekday(c.weekday)
    if name == "YearDay":
        return c.yday
    if name == "ISOWeek":
        return _iso_week(c.year, c.yday, c.weekday)
    if name == "Month":
        return Month(c.month)
    if name == "Date":
        return c.year, Month(c.month), c.day
    if name == "Clock":
        return c.hour, c.minute, c.second
    return getattr(c, name.lower())


def _iso_week(year: int, yday: int, weekday: int) -> tuple[int, int]:
    """The ISO 8601 year and week of a day (``yday`` from 1, ``weekday`` 0 for
    Sunday): the week, Monday to Sunday, whose Thursday falls in that year."""
    thursday = yday - (weekday + 6) % 7 + 3
    if thursday < 1:
        year -= 1
        thursday += _days_of(year)
    elif thursday > _days_of(year):
        year, thursday = year + 1, thursday - _days_of(year)
    return year, (thursday - 1) // 7 + 1


def _days_of(year: int) -> int:
    return civil_days(year + 1, 1, 1) - civil_days(year, 1, 1)


def time_add_date(t: int, years: int, months: int, days: int, rt: Any = None) -> int:
    """``t.AddDate(years, months, days)``: ``time.Date`` of ``t``'s date moved by them
    and its clock, so that October 31 and a month is December 1, as in Go (on the
    clock of the synctest bubble running, if any: ``rt``)."""
    c = civil_time(_shown(t, rt))
    year, month, day = c.year + years, c.month + months, c.day + days
    return time_date(year, month, day, c.hour, c.minute, c.second, c.ns, None, rt)


def time_sub(t: int, u: int) -> int:
    """``t.Sub(u)`` (``time.Since``, ``time.Until``): the duration between two
    times, held to a Duration's range where it overflows, as Go's is."""
    return max(-(1 << 63), min((1 << 63) - 1, t - u))


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
        "January", "Jan(?![a-z])", "Monday", "Mon(?![a-z])", "MST", "2006", "002", "__2",
        "_2(?!006)", "01", "02", "03", "04", "05", "06", "15", "1", "2", "3", "4", "5", "PM", "pm",
        "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07", "-07:00:00", "-070000", "-07:00",
        "-0700", "-07",
    ]  # fmt: skip
    return re.compile(r"[.,](?:0+|9+)(?!\d)|" + "|".join(names))  # Month, _2006: no chunk


_LAYOUT = _layout_chunks()


_YEAR_RANGE = "year outside of range [0,9999]"


def time_marshal_text(t: int, rt: Any = None) -> tuple[list[int], sl.GoError | None]:
    """``t.MarshalText()``: the bytes of RFC 3339 with nanoseconds, or Go's error for a
    year that format cannot write."""
    year = civil_time(_shown(t, rt)).year
    if not 0 <= year <= 9999:
        return [], sl.GoError("*errors.errorString", "Time.MarshalText: " + _YEAR_RANGE)
    return list(time_format(t, "2006-01-02T15:04:05.999999999Z07:00", rt).encode()), None


def time_marshal_json(t: int, rt: Any = None) -> tuple[list[int], sl.GoError | None]:
    """``t.MarshalJSON()``: RFC 3339 with nanoseconds, quoted, or Go's error for a
    year that format cannot write."""
    text, err = time_marshal_text(t, rt)
    if err is not None:
        return [], sl.GoError("*errors.errorString", "Time.MarshalJSON: " + _YEAR_RANGE)
    return [ord('"'), *text, ord('"')], None


def time_unmarshal_text(data: list[int], rt: Any = None) -> tuple[int, Any]:
    """``t.UnmarshalText(data)``: the time RFC 3339 text gives, and Go's parse
    error, the zero time with it, as Go sets ``*t`` then."""
    t, err = time_parse("2006-01-02T15:04:05Z07:00", bytes(data or ()).decode(), rt)
    return (ZERO_TIME, err) if err is not None else (t, None)


def time_unmarshal_json(data: list[int], old: int, rt: Any = None) -> tuple[int, Any]:
    """``t.UnmarshalJSON(data)``: as :func:`time_unmarshal_text` of a JSON string's
    text; ``null`` leaves ``old``, and anything but a string is Go's error."""
    raw = bytes(data or ())
    if raw == b"null":
        return old, None
    if len(raw) < 2 or raw[:1] != b'"' or raw[-1:] != b'"':
        return old, sl.GoError(
            "*errors.errorString", "Time.UnmarshalJSON: input is not a JSON string"
        )
    return time_unmarshal_text(list(raw[1:-1]), rt)


def time_format(t: int, layout: str, rt: Any = None) -> str:
    """``t.Format(layout)``: Go's reference time ``Mon Jan 2 15:04:05 MST 2006`` in
    ``layout`` stands for the parts of ``t``; the zone is UTC's (the clock, the
    synctest bubble's running, if any: ``rt``)."""
    c = civil_time(_shown(t, rt))
    ns, hour12 = c.ns, c.hour % 12 or 12

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
            "January": _MONTHS[c.month - 1],
            "Jan": _MONTHS[c.month - 1][:3],
            "Monday": _DAYS[c.weekday],
            "Mon": _DAYS[c.weekday][:3],
            "MST": "UTC",
            "2006": go_year(c.year),
            "06": f"{abs(c.year) % 100:02d}",
            "002": f"{c.yday:03d}",
            "__2": f"{c.yday:>3d}",
            "_2": f"{c.day:>2d}",
            "01": f"{c.month:02d}",
            "02": f"{c.day:02d}",
            "03": f"{hour12:02d}",
            "04": f"{c.minute:02d}",
            "05": f"{c.second:02d}",
            "15": f"{c.hour:02d}",
            "1": str(c.month),
            "2": str(c.day),
            "3": str(hour12),
            "4": str(c.minute),
            "5": str(c.second),
            "PM": "PM" if c.hour >= 12 else "AM",
            "pm": "pm" if c.hour >= 12 else "am",
        }[chunk]

    return _LAYOUT.sub(part, layout)


class ParseError(sl.GoError):
    """``*time.ParseError``: ``parsing time "2024-13-01" as "2006-01-02": cannot
    parse ...``, or its message after the value (``: month out of range``)."""

    __slots__ = ("Layout", "LayoutElem", "Message", "Value", "ValueElem")

    def __init__(self, layout: str, value: str, layout_elem: str, value_elem: str, message: str):
        if message:
            text = f"parsing time {_quote(value.encode())}{message}"
        else:
            text = (
                f"parsing time {_quote(value.encode())} as {_quote(layout.encode())}: cannot"
                f" parse {_quote(value_elem.encode())} as {_quote(layout_elem.encode())}"
            )
        super().__init__("*time.ParseError", text)
        self.Layout, self.Value, self.LayoutElem, self.ValueElem = (
            layout,
            value,
            layout_elem,
            value_elem,
        )
        self.Message = message


def _days_in(month: int, year: int) -> int:
    return civil_days(year, month + 1, 1) - civil_days(year, month, 1)


def _ascii_digits(s: str) -> bool:
    """``s`` is digits 0 to 9, which are all a layout's numbers take (not ``٢``)."""
    return s.isascii() and s.isdigit()


def _num(s: str, fixed: bool, most: int = 2) -> tuple[int, str] | None:
    """Go's reading of a number of one to ``most`` digits at the start of ``s`` (all
    ``most`` of them if ``fixed``), and what follows it; None where there is none."""
    n = 0
    while n < most and n < len(s) and s[n] in "0123456789":
        n += 1
    if n == 0 or (fixed and n < most):
        return None
    return int(s[:n]), s[n:]


def _name(names: list[str], s: str) -> tuple[int, str] | None:
    """The index of the name ``s`` begins with, ASCII letters in either case."""
    for i, name in enumerate(names):
        if s[: len(name)].lower() == name.lower() and len(s) >= len(name):
            return i, s[len(name) :]
    return None


def _zone_name(value: str) -> bool:
    """``value`` starts with what Go's Parse takes for a zone's name under ``MST``:
    three to five upper-case letters (four or five ending in T, or WITA), GMT, or
    a sign (ChST and MeST too)."""
    if len(value) < 3:
        return False
    if value[:4] in ("ChST", "MeST") or value[:3] == "GMT" or value[0] in "+-":
        return True
    upper = 0
    while upper < min(len(value), 6) and "A" <= value[upper] <= "Z":
        upper += 1
    return (
        upper == 3
        or (upper == 4 and (value[3] == "T" or value[:4] == "WITA"))
        or (upper == 5 and value[4] == "T")
    )


def _skip(value: str, prefix: str) -> tuple[str, bool]:
    """``value`` after the layout's literal ``prefix`` (a space in the layout matches
    any run of spaces), and whether it matched; where it did not, what is left of
    ``value`` from the first character that did not, which Go's error names."""
    while prefix:
        if prefix[0] == " ":
            if value and value[0] != " ":
                return value, False
            prefix, value = prefix.lstrip(" "), value.lstrip(" ")
            continue
        if not value or value[0] != prefix[0]:
            return value, False
        prefix, value = prefix[1:], value[1:]
    return value, True


def _fraction(value: str, n: int) -> tuple[int, str]:
    """The nanoseconds of ``value[:n]``, a period or comma and digits (beyond nine
    of them, the rest ignored), and what follows."""
    digits = value[1 : min(n, 10)]
    if value[0] not in ".," or not digits.isdigit() or not digits.isascii():
        raise _Bad
    return int(digits) * 10 ** (9 - len(digits)), value[n:]


def _fraction_next(value: str) -> bool:
    return value[:1] in (".", ",") and _ascii_digits(value[1:2])


def _fraction_end(value: str) -> int:
    """Where the digits after ``value``'s period or comma end."""
    n = 2
    while n < len(value) and value[n] in "0123456789":
        n += 1
    return n


class _Bad(Exception):
    """A value element that does not read as its layout element."""


def time_parse(layout: str, value: str, rt: Any = None) -> tuple[int, Any]:
    """``time.Parse(layout, value)``: the time ``value`` writes in ``layout``, read as
    Go reads it (a space matching spaces, one or two digits where the layout has
    ``1`` or ``2``, a fraction after the seconds taken whether the layout has one
    or not, a year-less layout in year 0), in UTC, on the run's clock (see
    :func:`time_date`); or the zero Time and Go's ``*time.ParseError``."""
    whole_layout, whole_value = layout, value

    def failed(layout_elem: str, value_elem: str, message: str = "") -> tuple[int, ParseError]:
        return ZERO_TIME, ParseError(whole_layout, whole_value, layout_elem, value_elem, message)

    year, month, day, yday, hour, minute, sec, nsec = 0, -1, -1, -1, 0, 0, 0, 0
    am = pm = False
    offset = -1
    while True:
        m = _LAYOUT.search(layout)
        prefix = layout[: m.start()] if m else layout
        value, matched = _skip(value, prefix)
        if not matched:
            return failed(prefix, value)
        if m is None:
            if value:
                return failed("", value, f": extra text: {_quote(value.encode())}")
            break
        chunk, layout, hold, out_of_range = m.group(), layout[m.end() :], value, ""
        try:
            if chunk == "06":
                if len(value) < 2 or not _ascii_digits(value[:2]):
                    raise _Bad
                year, value = int(value[:2]), value[2:]
                year += 1900 if year >= 69 else 2000
            elif chunk == "2006":
                if len(value) < 4 or not _ascii_digits(value[:4]):
                    raise _Bad
                year, value = int(value[:4]), value[4:]
            elif chunk in ("Jan", "January", "Mon", "Monday"):
                names = _MONTHS if chunk.startswith("J") else _DAYS
                found = _name([n[:3] for n in names] if len(chunk) == 3 else names, value)
                if found is None:
                    raise _Bad
                if chunk.startswith("J"):
                    month = found[0] + 1
                value = found[1]
            elif chunk in ("1", "01", "2", "02", "_2", "15", "3", "03", "4", "04", "5", "05"):
                if chunk == "_2" and value[:1] == " ":
                    value = value[1:]
                got = _num(value, fixed=len(chunk) == 2 and chunk[0] == "0")
                if got is None:
                    raise _Bad
                n, value = got
                if chunk in ("1", "01"):
                    month = n
                    out_of_range = "month" if not 1 <= n <= 12 else ""
                elif chunk in ("2", "02", "_2"):
                    day = n
                elif chunk == "15":
                    hour = n
                    out_of_range = "hour" if n >= 24 else ""
                elif chunk in ("3", "03"):
                    hour = n
                    out_of_range = "hour" if n > 12 else ""
                elif chunk in ("4", "04"):
                    minute = n
                    out_of_range = "minute" if n >= 60 else ""
                else:
                    sec = n
                    out_of_range = "second" if n >= 60 else ""
                    after = _LAYOUT.search(layout)
                    fraction_next = after is not None and after.group()[0] in ".,"
                    if not out_of_range and not fraction_next and _fraction_next(value):
                        nsec, value = _fraction(value, _fraction_end(value))
            elif chunk in ("002", "__2"):
                for _ in range(2):
                    if chunk == "__2" and value[:1] == " ":
                        value = value[1:]
                got = _num(value, fixed=chunk == "002", most=3)
                if got is None:
                    raise _Bad
                yday, value = got
            elif chunk in ("PM", "pm"):
                word = value[:2]
                if word not in (("PM", "AM") if chunk == "PM" else ("pm", "am")):
                    raise _Bad
                pm, am, value = word in ("PM", "pm"), word in ("AM", "am"), value[2:]
            elif chunk.startswith(("Z", "-")):
                if chunk[0] == "Z" and value[:1] == "Z":
                    value, offset = value[1:], 0
                else:
                    offset, out_of_range, value = _zone_offset(chunk.lstrip("Z-"), value)
            elif chunk == "MST":
                if value[:3] != "UTC" and not _zone_name(value):
                    raise _Bad  # no zone's name there: Go's parse error
                if value[:3] != "UTC":
                    raise SimlabError(
                        f"time.Parse of {whole_value!r}: a zone other than UTC (simlab's"
                        " times are UTC only)"
                    )
                value, offset = value[3:], 0
            elif chunk[1] == "0":  # .000: exactly that many digits
                if len(value) < len(chunk):
                    raise _Bad
                nsec, value = _fraction(value, len(chunk))
            elif _fraction_next(value):  # .999: any digits, or none
                nsec, value = _fraction(value, _fraction_end(value))
        except _Bad:
            return failed(chunk, hold)
        if out_of_range:
            return failed(chunk, value, f": {out_of_range} out of range")
    if pm and hour < 12:
        hour += 12
    elif am and hour == 12:
        hour = 0
    if yday >= 0:
        lengths = [_days_in(i, year) for i in range(1, 13)]
        if not 1 <= yday <= sum(lengths):
            return failed("", value, ": day-of-year out of range")
        in_month, of_day = 1, yday
        while of_day > lengths[in_month - 1]:
            of_day, in_month = of_day - lengths[in_month - 1], in_month + 1
        for seen, read, what in ((month, in_month, "month"), (day, of_day, "day")):
            if seen >= 0 and seen != read:
                return failed("", value, f": day-of-year does not match {what}")
        month, day = in_month, of_day
    month, day = (1 if month < 0 else month), (1 if day < 0 else day)
    if not 1 <= day <= _days_in(month, year):
        return failed("", value, ": day out of range")
    if offset not in (-1, 0):
        raise SimlabError(
            f"time.Parse of {whole_value!r}: a zone offset other than UTC's (simlab's times"
            " are UTC only)"
        )
    return time_date(year, month, day, hour, minute, sec, nsec, None, rt), None


def _zone_offset(form: str, value: str) -> tuple[int, str, str]:
    """The offset in seconds of ``value`` in the zone layout ``form`` (``07:00``,
    ``0700``, ``07``, ``07:00:00``, ``070000``), the range error's name, what
    follows."""
    colon = ":" in form
    size = {2: 3, 4: 5, 5: 6, 6: 7, 8: 9}[len(form)]
    if len(value) < size or (len(form) > 2 and (value[3] == ":") != colon):
        raise _Bad
    digits = value[1:size].replace(":", "") if colon else value[1:size]
    parts = [digits[i : i + 2] for i in range(0, len(digits), 2)] + ["00", "00"]
    if not all(len(p) == 2 and _ascii_digits(p) for p in parts[:3]) or value[0] not in "+-":
        raise _Bad
    hh, mm, ss = (int(p) for p in parts[:3])
    out_of_range = ""
    if hh > 24:
        out_of_range = "time zone offset hour"
    if mm > 60:
        out_of_range = "time zone offset minute"
    if ss > 60:
        out_of_range = "time zone offset second"
    offset = (hh * 60 + mm) * 60 + ss
    return (-offset if value[0] == "-" else offset), out_of_range, value[size:]


def context_deadline(ctx: Any) -> tuple[int, bool]:
    """``ctx.Deadline()``: the deadline and true, or the zero Time and false where
    no deadline is set (Go's ``time.Time{}``, not the run's first instant)."""
    deadline, ok = ctx.deadline()
    return (deadline if ok else ZERO_TIME), ok
