"""The smaller instances the fixed search runs of the heavy GoKer programs.

An instance must still be the program: its patches apply where they say (in GoKer's
source and in the fixed one), it keeps at least two of what it shrinks, and with the
same patches the buggy program still gives exactly Go's expected leaks (the regexes of
Go's own test) within the first 50 schedules the search tries. That last check runs
for one program of each GoBench category among them.
"""

from __future__ import annotations

import re

import pytest

from simlab.translate import goker
from simlab.translate.goker_scaled import SCALED

# One program per GoBench category of SCALED, and the schedule (index in the search's
# order) at which its buggy instance first gave Go's leaks when the instance was chosen.
EVIDENCE = [
    ("Cockroach10214", "AB-BA leak", 2),
    ("Cockroach1462", "Channel & WaitGroup", 2),
    ("Cockroach10790", "Channel & Context", 1),
    ("Cockroach2448", "Communication / Channel", 2),  # its polling shortened too
    ("Cockroach6181", "RWR Deadlock", 1),
    ("Kubernetes10182", "Channel & Lock", 1),
    ("Grpc3017", "Missing unlock", 2),
    ("Hugo3251", "RWR deadlock", 2),
    ("Hugo5379", "Double locking", 1),
    ("Kubernetes11298", "Condition Variable", 6),  # after four runs that spin
    ("Kubernetes30872", "AB-BA deadlock", 1),
]
SLACK = 10
WITHIN = 50  # the first 50 schedules of the search


def _count(patch: tuple) -> int:
    return patch[2] if len(patch) == 3 else 1


def test_every_scaled_program_is_a_goker_program_with_a_fix_and_says_what_it_runs() -> None:
    programs = goker.programs()
    for name, scaled in SCALED.items():
        assert name in programs
        assert name in goker.FIXES
        assert scaled.instance.strip()
        assert scaled.patches


@pytest.mark.parametrize("name", sorted(SCALED))
def test_each_patch_occurs_as_often_as_it_says_in_gokers_source_and_in_the_fixed_one(
    name: str,
) -> None:
    original = goker.programs()[name].file.read_text()
    fixed = goker.fixed_source(name)
    for patch in SCALED[name].patches:
        assert original.count(patch[0]) == _count(patch), patch[0]
        assert fixed.count(patch[0]) == _count(patch), patch[0]
    # and the patches apply in order, to both
    assert goker.patched_source(name, SCALED[name].patches) != original
    assert goker.fixed_source(name, SCALED[name].patches) != fixed


def _bound(text: str) -> tuple[str, int] | None:
    """``i < 1000; i++`` -> ("i < #; i++", 1000); ``i <= 1000`` counts 1,001. Digits
    of a name (``_etcd7902``) are not a number."""
    numbers = re.findall(r"(?<!\w)\d+", text)
    if len(numbers) != 1:
        return None
    n = int(numbers[0])
    if re.search(r"<= ?\d", text):
        text, n = text.replace("<=", "<"), n + 1
    return re.sub(r"(?<!\w)\d+", "#", text), n


@pytest.mark.parametrize("name", sorted(SCALED))
def test_every_shrunk_count_keeps_at_least_two_and_is_smaller_than_gokers(name: str) -> None:
    shrunk = 0
    for patch in SCALED[name].patches:
        old, new = _bound(patch[0]), _bound(patch[1])
        if old is None or new is None or old[0] != new[0]:
            continue  # not a count: a deadline in another unit
        shrunk += 1
        assert 2 <= new[1] < old[1], patch
    assert shrunk >= 1  # copies or repetitions: what makes the instance smaller


def test_a_changed_sleep_is_a_poll_the_instance_says_it_shortened() -> None:
    for name, scaled in SCALED.items():
        if any("time." in patch[0] for patch in scaled.patches):
            assert "poll" in scaled.instance, name


def test_moby27782_runs_the_instance_that_shows_its_leaks_unreachable() -> None:
    unreachable = goker.UNREACHABLE["Moby27782"]
    instance = goker.smaller_instance("Moby27782")
    assert instance is not None and "Moby27782" not in SCALED
    assert (instance.patches, instance.instance) == (unreachable.shrink, unreachable.instance)
    fixed = goker.fixed_source("Moby27782")
    assert goker.fixed_source("Moby27782", instance.patches) != fixed  # it applies


def test_the_evidence_covers_every_gobench_category_of_the_scaled_programs() -> None:
    programs = goker.programs()
    categories = {programs[name].category for name in SCALED}
    covered = set()
    for name, category, _ in EVIDENCE:
        assert category in programs[name].category
        covered.add(programs[name].category)
    assert covered == categories


@pytest.fixture(scope="module")
def buggy_instances() -> dict[str, str]:
    names = [name for name, _, _ in EVIDENCE]
    sources = goker.translations(names, False, {n: SCALED[n].patches for n in names})
    out = {}
    for name, src in sources.items():
        assert isinstance(src, str), src
        out[name] = src
    return out


@pytest.mark.parametrize(("name", "category", "found"), EVIDENCE, ids=[e[0] for e in EVIDENCE])
def test_the_smaller_buggy_instance_still_leaks_exactly_as_go_expects(
    name: str, category: str, found: int, buggy_instances: dict[str, str]
) -> None:
    prog = goker.programs()[name]
    assert prog.expected is not None
    regexes = prog.expected.regexes  # Go's test's
    module = goker.load(prog.file, buggy_instances[name])
    seen = []
    for i, strategy, seed in goker._schedules(min(found + SLACK, WITHIN)):
        run = goker.run_one(module, prog, strategy, seed)
        missing, extra = goker.match(regexes, run.leaks)
        if run.outcome == "profiled" and not missing and not extra:
            break
        seen.append((i, strategy, seed, run.outcome, missing, extra[:2]))
    else:
        pytest.fail(f"{name}'s instance never leaked as Go expects: {seen}")
    # every regex of Go's test matches a leak, and every leak matches one
    for rx in regexes:
        assert any(re.search(rx, leak) for leak in run.leaks), rx
    for leak in run.leaks:
        assert any(re.search(rx, leak) for rx in regexes), leak
