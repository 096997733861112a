"""Record how often real Go's goroutineleak profile finds each GoKer bug.

Usage::

    python tests/conformance/record_goker.py [--go PATH] [--runs N] [--only NAME]...
                                             [--out FILE]

The programs and Go's expectations come from the toolchain's own GOROOT
(``src/runtime/testdata/testgoroutineleakprofile/goker/`` and
``src/runtime/goroutineleakprofile_test.go``), and Kubernetes1321's, which Go's
test leaves out, from ``goker.OWN_EXPECTATIONS``. They are built once, as Go's
test builds them (the suite's directory as one ``main`` package), and each
program of Go's test is run ``--runs`` times the way the test runs it:
``GODEBUG=asyncpreemptoff=1``, plus ``GOMAXPROCS=1`` for the cases the test
makes with ``makeTest`` (the others run at the machine's GOMAXPROCS). Each
run's leaks are read with the test's ``extractLeaks`` (``simlab.translate.goker``
ports it). A run *detects* the bug when its leaks are exactly Go's expected
ones: every expected regex matches a leak and every leak matches one, the
rule simlab's search uses for "found". Written to
``tests/data/goker_go_detection.json``::

    {"Cockroach584": {"runs": 10, "detected": 10, "some": 10, "go": "1.27.3"}, ...}

``some`` counts the runs where at least one expected regex matched. The go
binary is ``--go``, else the one ``simlab translate`` uses. Needs the machine
to itself for honest numbers: detection depends on timing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from simlab.translate import goker  # noqa: E402
from simlab.translate.toolchain import go_binary  # noqa: E402

OUT = ROOT / "tests" / "data" / "goker_go_detection.json"
RUNS = 10
TIMEOUT = 60  # seconds per run


def go_env(goroot: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"GOTOOLCHAIN": "local", "GOPROXY": "off", "GOFLAGS": "", "GOWORK": "off"})
    env.update({"CGO_ENABLED": "0", "GO111MODULE": "on"})
    for var in ("GOMAXPROCS", "GODEBUG", "GOEXPERIMENT"):
        env.pop(var, None)
    if goroot:
        env["GOROOT"] = goroot
    return env


def simple_cases(test_source: str) -> set[str]:
    """The GoKer cases Go's test makes with makeTest (GOMAXPROCS=1), not makeFlakyTest."""
    return {e.name for e in goker.expectations(test_source).values() if not e.flaky}


def build(go: str, env: dict[str, str], suite: Path, work: Path) -> Path:
    """The suite's programs as one binary, as Go's test builds them."""
    for path in suite.glob("*.go"):
        shutil.copy(path, work / path.name)
    (work / "go.mod").write_text("module goker\n\ngo 1.27\n")
    exe = work / "goker.exe"
    subprocess.run([go, "build", "-o", str(exe), "."], cwd=work, env=env, check=True)
    return exe


def run_once(exe: Path, name: str, env: dict[str, str], simple: bool) -> str:
    run_env = dict(env, GODEBUG="asyncpreemptoff=1")
    if simple:
        run_env["GOMAXPROCS"] = "1"
    try:
        done = subprocess.run(
            [str(exe), name], env=run_env, capture_output=True, text=True, timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired:
        return ""
    return done.stdout + done.stderr  # the test reads the combined output


def detection(
    exe: Path, name: str, regexes: list[str], env: dict[str, str], simple: bool, runs: int
) -> tuple[int, int]:
    """(runs with exactly Go's expected leaks, runs with at least one of them)."""
    exact = some = 0
    for _ in range(runs):
        leaks = goker.extract_leaks(run_once(exe, name, env, simple))
        missing, extra = goker.match(regexes, leaks)
        exact += not missing and not extra
        some += len(missing) < len(regexes)
    return exact, some


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--go", default=None, help="the go binary (default: simlab's)")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.go:
        go, goroot = args.go, None
    else:
        binary, extra = go_binary()
        go, goroot = str(binary), extra.get("GOROOT")
    env = go_env(goroot)

    def go_var(name: str) -> str:
        done = subprocess.run([go, "env", name], env=env, capture_output=True, text=True)
        return done.stdout.strip()

    root = Path(go_var("GOROOT"))
    go_version = go_var("GOVERSION").removeprefix("go")
    test_source = (root / goker.TEST).read_text()
    cases = goker.expectations(test_source) | goker.OWN_EXPECTATIONS
    simple = simple_cases(test_source) | {
        n for n, e in goker.OWN_EXPECTATIONS.items() if not e.flaky
    }
    names = sorted(args.only or cases, key=str.lower)
    unknown = [n for n in names if n not in cases]
    if unknown:
        sys.exit(f"not a GoKer case of Go's test (or goker.OWN_EXPECTATIONS): {unknown[0]}")
    out: dict[str, dict[str, object]] = {}
    if args.only and args.out.exists():
        out = json.loads(args.out.read_text())
    with tempfile.TemporaryDirectory(prefix="simlab-goker-go-") as tmp:
        exe = build(go, env, root / goker.SUITE, Path(tmp))
        for name in names:
            exact, some = detection(exe, name, cases[name].regexes, env, name in simple, args.runs)
            out[name] = {"runs": args.runs, "detected": exact, "some": some, "go": go_version}
            print(f"{name:<18} {exact:>2}/{args.runs} exact, {some:>2} some", flush=True)
    rows = [f" {json.dumps(k)}: {json.dumps(out[k], sort_keys=True)}" for k in sorted(out)]
    text = "{\n" + ",\n".join(rows) + "\n}\n"
    tmp_out = args.out.with_suffix(".tmp")
    tmp_out.write_text(text)
    tmp_out.replace(args.out)
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
