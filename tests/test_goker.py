"""GoKer: Go 1.27's own blocking bugs, translated from GOROOT, caught with the schedule.

The expected leaks are Go's: the regular expressions of
``src/runtime/goroutineleakprofile_test.go``, parsed when the test runs; the leaks
are read from simlab's goroutineleak profile by a port of that test's
``extractLeaks``. One program per GoBench category that simlab catches today.
"""

from __future__ import annotations

import re

import pytest

from simlab.translate import goker

# (program, GoBench category, schedules allowed): the budget is fixed, the answer is Go's.
SUBSET = [
    ("Moby4951", "AB-BA deadlock", 20),
    ("Kubernetes62464", "RWR deadlock", 20),
    ("Cockroach584", "Double Locking", 20),
    ("Cockroach10790", "Channel & Context", 20),
    ("Etcd6873", "Channel & Lock", 20),
    ("Moby28462", "Channel & Lock", 20),
    ("Moby30408", "Condition Variable", 20),
    ("Moby25348", "Misuse WaitGroup", 20),
    ("Cockroach1462", "Channel & WaitGroup", 20),
    ("Cockroach24808", "Channel", 20),
    ("Cockroach6181", "RWR Deadlock", 20),
    ("Cockroach16167", "Double Locking", 20),
    ("Etcd6708", "Double locking", 20),
    ("Hugo5379", "Double locking", 20),
    ("Kubernetes10182", "Channel & Lock", 20),
    ("Moby33781", "Channel & Context", 20),
]


@pytest.fixture(scope="module")
def expected() -> dict[str, goker.Expectation]:
    goker.translations([name for name, _, _ in SUBSET])  # one run of the front end for all
    return goker.expectations()


def test_go_test_file_parses_into_its_62_cases_and_110_regexes(expected) -> None:
    assert len(expected) == 62
    assert sum(len(e.regexes) for e in expected.values()) == 110
    assert sum(e.flaky for e in expected.values()) == 39
    assert set(expected) | {"Kubernetes1321"} == set(goker.programs())


def test_extract_leaks_reads_the_profile_as_gos_test_does() -> None:
    dump = (
        "goroutine 1 [running]:\nmain.main()\n\tmain.go:3\n\n"
        "goroutine 7 [chan send (leaked)]:\nmain.F.func1()\n\tf.go:9\n"
        "created by main.F in goroutine 1\n\tf.go:8\n\n"
        "goroutine 8 [select]:\nmain.G()\n\tf.go:20\ncreated by main.F in goroutine 1\n\tf.go:8\n"
    )
    # Go's split eats "goroutine", so its header regexp no longer applies: the id stays.
    assert goker.extract_leaks(dump) == ["F.func1()  7 [chan send]:"]


@pytest.mark.parametrize(("name", "category", "budget"), SUBSET, ids=[s[0] for s in SUBSET])
def test_goker_program_leaks_exactly_as_go_expects(name, category, budget, expected) -> None:
    prog = goker.programs()[name]
    assert category in prog.category
    result = goker.search(name, budget=budget)
    regexes = expected[name].regexes
    assert result.found, result.why
    assert result.schedules_to_find <= budget
    # every regex of Go's test matches a leak simlab found, and every leak matches one
    for rx in regexes:
        assert any(re.search(rx, leak) for leak in result.leaks), (rx, result.leaks)
    for leak in result.leaks:
        assert any(re.search(rx, leak) for rx in regexes), (leak, regexes)
    # the recorded schedule replays to the same leaks
    again = goker.replay(name, result.strategy, result.seed)
    assert again.leaks == result.leaks
    assert again.schedule == result.schedule
    assert "(leaked)]:" in again.profile


def test_a_translator_refusal_is_reported_with_its_construct() -> None:
    result = goker.search("Cockroach10214", budget=1)
    assert not result.found
    assert result.why.startswith("translator: cockroach10214.go:")
    assert "unsupported: package unsafe" in result.why
