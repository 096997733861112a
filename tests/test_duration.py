"""Durations: Go's ``time.ParseDuration`` and ``Duration.String``; instants as
Go's calendar reads them.

Every expected value below was printed by Go 1.27 for the same input
(``time.ParseDuration(s)`` and ``d.String()``).
"""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import simlab as sl
from simlab.duration import civil_time, time_string

GO_PARSE = {
    "5m": 300_000_000_000,
    "300ms": 300_000_000,
    "1.5h": 5_400_000_000_000,
    "1h2m3.5s": 3_723_500_000_000,
    "-5m": -300_000_000_000,
    ".5s": 500_000_000,
    "1.s": 1_000_000_000,
    "0": 0,
    "1µs": 1000,
    "1us": 1000,
    "+3s": 3_000_000_000,
    "2562047h": 9_223_369_200_000_000_000,
    "9223372036854775807ns": 9_223_372_036_854_775_807,
    "0.000000001s": 1,
    "0.0000000001s": 0,
}

GO_PARSE_ERRORS = {
    "9223372036854775808ns": 'time: invalid duration "9223372036854775808ns"',
    "1d": 'time: unknown unit "d" in duration "1d"',
    "1": 'time: missing unit in duration "1"',
    "": 'time: invalid duration ""',
    "x": 'time: invalid duration "x"',
    "1e3s": 'time: unknown unit "e" in duration "1e3s"',
    "3m-2s": 'time: unknown unit "m-" in duration "3m-2s"',
    " 3s": 'time: invalid duration " 3s"',
}

GO_STRING = {
    0: "0s",
    1: "1ns",
    1500: "1.5µs",
    1_500_000: "1.5ms",
    1_500_000_000: "1.5s",
    5_400_000_000_000: "1h30m0s",
    -1_000_000_000: "-1s",
    10_800_002_000_000: "3h0m0.002s",
    360_000_000_000_000: "100h0m0s",
    300_000_000_000: "5m0s",
    9_223_372_036_854_775_807: "2562047h47m16.854775807s",
}


@pytest.mark.parametrize(("text", "ns"), GO_PARSE.items())
def test_parse_duration_accepts_what_go_accepts(text, ns):
    assert sl.parse_duration(text) == ns


@pytest.mark.parametrize(("text", "message"), GO_PARSE_ERRORS.items())
def test_parse_duration_rejects_with_gos_message(text, message):
    with pytest.raises(sl.DurationError) as info:
        sl.parse_duration(text)
    assert str(info.value) == message


@pytest.mark.parametrize(("ns", "text"), GO_STRING.items())
def test_format_duration_is_gos_string(ns, text):
    assert sl.format_duration(ns) == text


def test_units_are_nanosecond_multiples():
    """time.Second == 1e9 ns, time.Minute == 60 s, time.Hour == 60 min (package time)."""
    assert sl.Second == 10**9
    assert sl.Minute == 60 * sl.Second
    assert sl.Hour == 60 * sl.Minute
    assert sl.Millisecond * 1000 == sl.Second
    assert sl.Microsecond * 1000 == sl.Millisecond


# the instants 10,000 years either side of 2000, each second of them: Go's
# calendar is the proleptic Gregorian one, which Python's date counts for years
# 1 to 9999, and which repeats every 400 years (146,097 days, a whole number of
# weeks), so a year before 1 is the year 400 years later, less 400
@given(st.integers(-(10**4) * 366 * 86_400, 7_900 * 365 * 86_400), st.integers(0, 10**9 - 1))
def test_civil_time_is_the_gregorian_calendar_of_any_year(secs, ns):
    c = civil_time(secs * 10**9 + ns)
    shift = 0
    while c.year + 400 * shift < 1:
        shift += 1
    later = civil_time((secs + 146_097 * 86_400 * shift) * 10**9 + ns)
    assert later[1:] == c[1:] and later.year == c.year + 400 * shift
    d = datetime.datetime(2000, 1, 1) + datetime.timedelta(seconds=secs + 146_097 * 86_400 * shift)
    assert (later.year, later.month, later.day) == (d.year, d.month, d.day)
    assert (later.hour, later.minute, later.second, later.ns) == (d.hour, d.minute, d.second, ns)
    assert later.weekday == d.isoweekday() % 7 and later.yday == d.timetuple().tm_yday


def test_time_string_of_year_zero_is_gos():
    """Go 1.27.3: time.Parse("15:04", "09:30") prints 0000-01-01 09:30:00 +0000 UTC."""
    year_zero = -(730_119 + 366) * 86_400 * 10**9  # 366 days before 0001-01-01: year 0 is leap
    assert time_string(year_zero + (9 * 60 + 30) * 60 * 10**9) == "0000-01-01 09:30:00 +0000 UTC"
