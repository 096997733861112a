"""GoKer: the 63 blocking bugs Go 1.27 ships, translated at run time and searched.

The programs are read from the installed toolchain's GOROOT
(``src/runtime/testdata/testgoroutineleakprofile/goker/``) and nothing of them is
copied: each is translated when it is first run, together with a stub of the
suite's ``main.go`` (``register`` and ``yieldCount`` only: the entry function is
called directly). What Go expects of each program, the regular expressions over
``"function(...) [wait reason]"`` strings, is parsed from Go's own test,
``src/runtime/goroutineleakprofile_test.go``, and a program's leaks are built
from simlab's goroutineleak profile by a port of that test's ``extractLeaks``.

A program is *found* when one schedule's profile has exactly Go's expected
leaks: every expected regular expression matches a leak, and every leak matches
one (a leak no expression matches is an *extra*). The search runs fifo, then
random and pct seeds in turn, up to ``budget`` schedules.

.. code-block:: python

    from simlab.translate import goker

    rows = goker.run_goker(["Cockroach584"], budget=100)
    print(goker.format_table(rows))
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import simlab as sl
from simlab.errors import Deadlock, FatalError, GoPanic, SimlabError

from . import entry, golib, load, translate_all
from .toolchain import TranslateError, go_binary, go_env

__all__ = [
    "Program",
    "expectations",
    "extract_leaks",
    "format_categories",
    "format_table",
    "programs",
    "run_goker",
    "run_one",
    "search",
]

SUITE = "src/runtime/testdata/testgoroutineleakprofile/goker"
TEST = "src/runtime/goroutineleakprofile_test.go"
UNTIL = sl.Minute  # every program profiles within milliseconds of simulated time

# The suite's main.go reads os.Args to pick a program; the stub only declares what
# the programs use from it. The entry function is run directly.
_STUB_MAIN = """package main

const yieldCount = 10

func register(name string, f func()) {}

func registerInit(name string, f func()) {}
"""


def goroot() -> Path:
    """The GOROOT of the toolchain the translator uses."""
    go, extra = go_binary()
    if "GOROOT" in extra:
        return Path(extra["GOROOT"])
    out = subprocess.run(
        [str(go), "env", "GOROOT"], env=go_env(extra), capture_output=True, text=True, check=True
    )
    return Path(out.stdout.strip())


# --- what Go's test expects ------------------------------------------------------


@dataclass
class Expectation:
    name: str
    flaky: bool
    regexes: list[str]


def expectations(test_source: str | None = None) -> dict[str, Expectation]:
    """The GoKer cases of Go's test, by the name a program registers: their regexes."""
    if test_source is None:
        test_source = (goroot() / TEST).read_text()
    start = test_source.index("gokerTestCases := []testCase{")
    block = test_source[start:]
    block = block[: block.index("\n\t}\n")]
    code = "\n".join(line for line in block.splitlines() if not line.lstrip().startswith("//"))
    out = {}
    case = r'(makeFlakyTest|makeTest)\(\s*"(\w+)"((?:\s*,\s*`[^`]*`)*)\s*,?\s*\)'
    for m in re.finditer(case, code):
        out[m.group(2)] = Expectation(
            m.group(2), m.group(1) == "makeFlakyTest", re.findall(r"`([^`]*)`", m.group(3))
        )
    return out


_HEADER = re.compile(r"goroutine \d+ \[")


def extract_leaks(output: str) -> list[str]:
    """Go's ``extractLeaks``: ``"leaked.func1(...) [wait reason]"`` per leaked goroutine."""
    leaks = []
    for stack in output.split("\n\ngoroutine"):
        lines = stack.split("\n")
        if len(lines) < 5 or "(leaked)" not in lines[0]:
            continue
        reason = _HEADER.sub("[", lines[0]).replace(" (leaked)", "")
        func = ""
        for i in range(len(lines) - 1, -1, -1):
            if "created by" in lines[i]:
                func = lines[i - 2].removeprefix("main.")
                break
        if not func:
            raise SimlabError(f"no function name in a leaked stack: {lines}")
        leaks.append(f"{func} {reason}")
    return leaks


def match(regexes: list[str], leaks: list[str]) -> tuple[list[str], list[str]]:
    """(the regexes no leak matches, the leaks no regex matches), as Go's test decides."""
    compiled = [re.compile(r) for r in regexes]
    missing = [r.pattern for r in compiled if not any(r.search(x) for x in leaks)]
    extra = [x for x in leaks if not any(r.search(x) for r in compiled)]
    return missing, extra


# --- the programs ----------------------------------------------------------------


@dataclass
class Program:
    name: str  # as registered: Cockroach584
    file: Path
    entry: str  # the Go function run as main
    project: str
    category: str  # GoBench's Type / Sub-type, from the suite's README
    flaky: str  # GoBench's "Flaky: 40/100" header, if any
    expected: Expectation | None


def _readme_categories(readme: str) -> dict[str, str]:
    out = {}
    for sec in re.split(r"\n## ", readme)[1:]:
        title = sec.split("\n", 1)[0].strip()
        row = re.search(r"\n\|\s*\[[^\n]*\|\s*([^|\n]+?)\s*\|\s*([^|\n]+?)\s*\|\s*\n", sec)
        if row:
            out[title.replace("/", "").lower()] = f"{row.group(1)} / {row.group(2)}"
    return out


@functools.cache
def programs() -> dict[str, Program]:
    """Every GoKer program of the installed toolchain, by registered name."""
    root = goroot()
    suite = root / SUITE
    expect = expectations((root / TEST).read_text())
    cats = _readme_categories((suite / "README.md").read_text())
    out = {}
    for path in sorted(suite.glob("*.go")):
        if path.name == "main.go":
            continue
        src = path.read_text()
        reg = re.search(r'register(?:Init)?\("(\w+)",\s*(\w+)\)', src)
        if reg is None:
            continue
        flaky = re.search(r"Flaky:\s*(\S+)", src)
        proj = re.search(r"Project:\s*(\S+)", src)
        out[reg.group(1)] = Program(
            name=reg.group(1),
            file=path,
            entry=reg.group(2),
            project=proj.group(1) if proj else re.sub(r"\d+$", "", path.stem),
            category=cats.get(path.stem, ""),
            flaky=flaky.group(1) if flaky else "",
            expected=expect.get(reg.group(1)),
        )
    return out


_SOURCES: dict[str, str | TranslateError] = {}


def translations(names: list[str]) -> dict[str, str | TranslateError]:
    """The translation of each program (with the stub main), in one run of the front end."""
    todo = [n for n in names if n not in _SOURCES]
    if todo:
        progs = programs()
        with tempfile.TemporaryDirectory(prefix="simlab-goker-") as tmp:
            dirs: list[str | Path] = []
            for n in todo:
                d = Path(tmp) / progs[n].file.stem
                d.mkdir()
                (d / "main.go").write_text(_STUB_MAIN)
                os.symlink(progs[n].file, d / progs[n].file.name)
                dirs.append(d)
            for n, res in zip(todo, translate_all(dirs), strict=True):
                if isinstance(res, TranslateError):
                    res = TranslateError(str(res).replace(tmp + "/", ""))
                _SOURCES[n] = res
    return {n: _SOURCES[n] for n in names}


# --- running -----------------------------------------------------------------------


@dataclass
class Run:
    strategy: str
    seed: int
    outcome: str  # "profiled", or how the run ended without a profile
    leaks: list[str]
    schedule: str
    profile: str = ""


def run_one(module: Any, prog: Program, strategy: str, seed: int) -> Run:
    """One schedule of a translated program: the leaks of its goroutineleak profile."""
    rt = sl.Runtime(seed=seed, strategy=strategy)
    writes = golib.capture_profiles(rt)
    outcome = "profiled"
    try:
        result = rt.run(entry(module, prog.entry), until=UNTIL)
        if result.reason == "until":
            outcome = f"still running at {sl.format_duration(UNTIL)}"
    except Deadlock:
        outcome = "deadlock"
    except GoPanic as err:
        outcome = f"panic: {str(err).splitlines()[0]}"
    except FatalError as err:
        outcome = f"fatal: {str(err).splitlines()[0]}"
    except golib.Exit as err:
        outcome = f"exit {err.code}"
    except SimlabError as err:
        outcome = f"{type(err).__name__}: {str(err).splitlines()[0]}"
    except Exception as err:  # a translation that runs wrong is a finding
        cause = err.__cause__ or err
        outcome = f"error: {type(cause).__name__}: {str(cause).splitlines()[0]}"
    if rt.halted is not None:
        golib.abandon(rt)
    leak_writes = [w for w in writes if w.name == "goroutineleak"]
    if not leak_writes and outcome == "profiled":
        outcome = "no goroutineleak profile written"
    text = "\n\n".join(w.text for w in leak_writes)
    return Run(strategy, seed, outcome, extract_leaks(text), str(rt.schedule()), text)


def _schedules(budget: int) -> Iterator[tuple[int, str, int]]:
    """fifo, then random and pct seeds in turn: (index, strategy, seed)."""
    yield 1, "fifo", 0
    for i in range(2, budget + 1):
        k = i // 2
        yield i, ("random" if i % 2 == 0 else "pct"), k


@dataclass
class Result:
    name: str
    project: str
    category: str
    flaky: str
    expected: list[str]
    found: bool = False
    leaks: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    schedules_to_find: int | None = None
    schedules_run: int = 0
    strategy: str = ""
    seed: int | None = None
    replay: str = ""
    schedule: str = ""
    why: str = ""
    seconds: float = 0.0
    timed_out: bool = False  # stopped by max_seconds before the budget
    union_found: bool = False  # every regex matched by some schedule's leaks, none extra
    outcomes: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def search(name: str, budget: int = 1000, max_seconds: float | None = None) -> Result:
    """Search one program's schedules until its leaks are exactly Go's expected ones
    (at most ``budget`` schedules, and no new one after ``max_seconds``)."""
    t0 = time.perf_counter()
    prog = programs()[name]
    exp = prog.expected.regexes if prog.expected else []
    res = Result(name, prog.project, prog.category, prog.flaky, exp)
    source = translations([name])[name]
    if isinstance(source, TranslateError):
        res.why = f"translator: {source}"
        res.seconds = time.perf_counter() - t0
        return res
    try:
        module = load(prog.file, source)
    except Exception as err:  # a translation that does not load is a finding
        res.why = f"translation does not load: {type(err).__name__}: {err}"
        return res
    covered: set[str] = set()
    extras_seen: dict[str, int] = {}
    best: Run | None = None
    best_missing: list[str] = exp
    for i, strategy, seed in _schedules(budget):
        run = run_one(module, prog, strategy, seed)
        res.schedules_run = i
        res.outcomes[run.outcome] = res.outcomes.get(run.outcome, 0) + 1
        missing, extra = match(exp, run.leaks)
        for x in extra:
            extras_seen[x] = extras_seen.get(x, 0) + 1
        covered |= set(exp) - set(missing)
        if best is None or len(missing) + len(extra) < len(best_missing) + len(
            match(exp, best.leaks)[1]
        ):
            best, best_missing = run, missing
        if not missing and not extra and run.outcome == "profiled":
            res.found = True
            res.schedules_to_find = i
            break
        if max_seconds is not None and time.perf_counter() - t0 > max_seconds:
            res.timed_out = True
            break
    assert best is not None
    res.union_found = covered == set(exp) and not extras_seen
    res.leaks = best.leaks
    res.missing, res.extra = match(exp, best.leaks)
    res.strategy, res.seed, res.schedule = best.strategy, best.seed, best.schedule
    res.replay = f"simlab goker {name} --strategy {best.strategy} --seed {best.seed}"
    if not res.found:
        parts = []
        if res.outcomes.get("profiled", 0) < res.schedules_run:
            bad = {k: v for k, v in res.outcomes.items() if k != "profiled"}
            ends = "; ".join(f"{v}x {k}" for k, v in bad.items())
            parts.append(f"runs without a profile: {ends}")
        if res.missing:
            parts.append("never together: " + ", ".join(res.missing))
        if extras_seen:
            parts.append("extra leaks: " + ", ".join(_tally(list(extras_seen))))
        if res.timed_out:
            parts.append(f"stopped after {max_seconds:.0f} s ({res.schedules_run} schedules)")
        res.why = "oracle mismatch: " + " | ".join(parts) if parts else "not found"
    res.seconds = time.perf_counter() - t0
    return res


def _tally(leaks: list[str]) -> list[str]:
    """Leaks without the goroutine ids Go's split leaves in them, counted: ``2x f(...) [x]``."""
    counts: dict[str, int] = {}
    for leak in leaks:
        short = re.sub(r"\s+\d+ \[", " [", leak).removesuffix(":")
        counts[short] = counts.get(short, 0) + 1
    return [f"{n}x {k}" if n > 1 else k for k, n in sorted(counts.items())]


def replay(name: str, strategy: str, seed: int) -> Run:
    """One run of a program, with its goroutineleak profile (debug=2) in ``Run.profile``."""
    source = translations([name])[name]
    if isinstance(source, TranslateError):
        raise source
    prog = programs()[name]
    return run_one(load(prog.file, source), prog, strategy, seed)


def _search_star(args: tuple[str, int, float | None]) -> Result:
    return search(*args)


def run_goker(
    names: list[str] | None = None,
    budget: int = 1000,
    jobs: int = 1,
    max_seconds: float | None = 120.0,
) -> list[dict]:
    """Search every program (or ``names``); one dict per program, in name order."""
    progs = programs()
    if names is None:
        names = sorted(progs, key=str.lower)
    unknown = [n for n in names if n not in progs]
    if unknown:
        raise SimlabError(f"no GoKer program {unknown[0]!r}; they are {', '.join(sorted(progs))}")
    translations(names)  # one run of the front end for all
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_search_star, [(n, budget, max_seconds) for n in names]))
    else:
        results = [search(n, budget, max_seconds) for n in names]
    return [r.as_dict() for r in results]


def format_table(rows: list[dict]) -> str:
    """The Markdown table of ``docs/goker.md`` and a line of totals."""
    head = (
        "| program | project | category (GoBench) | Go's regexes | found | schedules to find "
        "| strategy | why not / extras |\n| --- | --- | --- | ---: | --- | ---: | --- | --- |"
    )
    lines = [head]
    for r in rows:
        found = "yes" if r["found"] else ("union" if r["union_found"] else "no")
        n = r["schedules_to_find"] if r["found"] else f"> {r['schedules_run']}"
        if r["why"].startswith("translator"):
            n = "-"
        strat = f"{r['strategy']} seed {r['seed']}" if r["found"] else ""
        why = r["why"].replace("|", "\\|")
        if r["found"] and r["extra"]:
            why = "extra: " + ", ".join(_tally(r["extra"]))
        lines.append(
            f"| {r['name']} | {r['project']} | {r['category']} | {len(r['expected'])} "
            f"| {found} | {n} | {strat} | {why} |"
        )
    scored = [r for r in rows if r["expected"]]
    found = sum(r["found"] for r in scored)
    translated = sum(not r["why"].startswith("translator") for r in rows)
    lines.append("")
    lines.append(
        f"{found} of {len(scored)} programs with Go's expectations matched exactly in one "
        f"schedule; {translated} of {len(rows)} translate."
    )
    return "\n".join(lines)


def format_categories(rows: list[dict]) -> str:
    """Programs matched per GoBench category (Type / Sub-type, case folded)."""
    cats: dict[str, list[dict]] = {}
    for r in rows:
        if r["expected"]:
            cats.setdefault(r["category"].lower() or "?", []).append(r)
    lines = ["| category (GoBench) | programs | matched | which |", "| --- | ---: | ---: | --- |"]
    for cat, rs in sorted(cats.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        hit = [r["name"] for r in rs if r["found"]]
        lines.append(f"| {cat} | {len(rs)} | {len(hit)} | {', '.join(hit)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """``python -m simlab.translate.goker [NAMES...] [--budget N] [--jobs J] [--json]``."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description="Search Go 1.27's GoKer programs.")
    parser.add_argument("names", nargs="*")
    parser.add_argument("--budget", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--max-seconds", type=float, default=120.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = run_goker(args.names or None, args.budget, args.jobs, args.max_seconds)
    if args.json:
        for row in rows:
            print(json.dumps(row, default=str))
    else:
        print(format_table(rows))
        print()
        print(format_categories(rows))


if __name__ == "__main__":
    main()
