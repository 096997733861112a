"""The documentation tells the truth.

* Every ```console block in README.md and docs/*.md is run: each ``$ simlab ...``
  command, from a scratch directory, and what the docs quote under it must be a
  contiguous part of what it prints (blank lines aside), but where an elision
  mark stands: a line ``...`` (or ``[... 4 evidence rows ...]``, which must then
  stand for exactly that many lines) skips one or more lines. So a quote may
  stop before the end or start after the beginning, but never skips a line
  between two it shows without saying so.
* docs/reference.md lists every command and option the CLI has, every key an
  experiment file takes and every parameter of every model, with its default;
  and nothing that does not exist.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import click
import pytest

from simlab.cli import cli
from simlab.lab.experiment import (
    EVIDENCE_KEYS,
    EXPERIMENT_KEYS,
    LAW_KEYS,
    PLOT_KEYS,
    available,
    load_experiment,
)
from simlab.lab.model import COMMON_PARAMS, load_model

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
REFERENCE = (ROOT / "docs" / "reference.md").read_text()


def console_commands() -> list[tuple[str, str, list[str]]]:
    """(document, command, quoted lines) for every ``$`` line of every console block."""
    found = []
    for doc in DOCS:
        in_block, current = False, None
        for line in doc.read_text().splitlines():
            if line.startswith("```console"):
                in_block = True
                continue
            if in_block and line.startswith("```"):
                in_block, current = False, None
                continue
            if not in_block:
                continue
            if line.startswith("$ "):
                current = (doc.name, line[2:], [])
                found.append(current)
            elif current is not None and line.strip():
                current[2].append(line.rstrip())
    return found


@cache
def output_of(command: str, scratch: str) -> str:
    argv = shlex.split(command)
    assert argv[0] == "simlab", f"docs may only show simlab commands in console blocks: {command}"
    done = subprocess.run(
        [sys.executable, "-m", "simlab", *argv[1:]],
        cwd=scratch,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode in (0, 1), f"{command!r} failed:\n{done.stderr}"
    assert "Traceback" not in done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def scratch(tmp_path_factory) -> str:
    """An empty working directory, but for docs/examples/ (the Go files the docs run)."""
    path = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "docs" / "examples", path / "docs" / "examples")
    return str(path)


ELISION = re.compile(r"^\s*(?:\.\.\.|\[\.\.\.(?:\s+(\d+)\b[^\]]*?)?\s*\.\.\.\])\s*$")


def elision(line: str) -> tuple[bool, int | None]:
    """Whether ``line`` is an elision mark, and how many lines it says it stands for."""
    m = ELISION.match(line)
    return (m is not None, int(m.group(1)) if m and m.group(1) else None)


def quote_fits(quoted: list[str], printed: list[str]) -> bool:
    """Whether ``quoted`` is a contiguous run of ``printed`` with runs of lines
    replaced by elision marks (each mark one or more lines, or exactly as many as
    it says; a first or last mark counts from the printout's start or end);
    blank lines of the printout do not count."""
    printed = [line for line in printed if line.strip()]
    trailing_mark = bool(quoted) and elision(quoted[-1])[0]

    @cache
    def fits(q: int, p: int) -> bool:
        if q == len(quoted):
            return p == len(printed) if trailing_mark else True
        is_mark, count = elision(quoted[q])
        if not is_mark:
            return p < len(printed) and printed[p] == quoted[q] and fits(q + 1, p + 1)
        skips = [count] if count is not None else range(1, len(printed) - p + 1)
        return any(p + n <= len(printed) and fits(q + 1, p + n) for n in skips)

    if quoted and elision(quoted[0])[0]:
        return fits(0, 0)
    return any(fits(0, p) for p in range(len(printed)))


def first_misfit(quoted: list[str], printed: list[str]) -> str:
    """The first quoted line that is not where the quote puts it, for the message."""
    lines = [line for line in quoted if not elision(line)[0]]
    for k in range(1, len(lines) + 1):
        if not quote_fits_loose(lines[:k], printed):
            return f"not printed, or not right after the line quoted before it:\n{lines[k - 1]}"
    return "the marks: a line skipped without `...`, or a mark standing for the wrong count"


def quote_fits_loose(lines: list[str], printed: list[str]) -> bool:
    """``lines`` appear contiguously somewhere in ``printed`` (blank lines aside)."""
    printed = [line for line in printed if line.strip()]
    n = len(lines)
    return any(printed[i : i + n] == lines for i in range(len(printed) - n + 1))


@pytest.mark.parametrize(
    ("doc", "command", "quoted"),
    console_commands(),
    ids=[f"{d}: {c}" for d, c, _ in console_commands()],
)
def test_documented_command_prints_what_the_docs_quote(doc, command, quoted, scratch):
    printed = [line.rstrip() for line in output_of(command, scratch).splitlines()]
    if quoted and not quote_fits(quoted, printed):
        pytest.fail(f"{doc}: `{command}`: {first_misfit(quoted, printed)}")


@pytest.mark.parametrize(
    ("quoted", "fits"),
    [
        (["a", "b", "c", "d"], True),
        (["a", "c", "d"], False),  # b skipped silently
        (["a", "...", "d"], True),
        (["b", "c"], True),  # a contiguous part
        (["...", "c", "d"], True),
        (["[... 2 lines ...]", "c", "d"], True),
        (["...", "a", "b"], False),  # a mark for nothing
        (["a", "b", "..."], True),
        (["a", "[... 2 lines ...]", "d"], True),
        (["a", "[... 1 line ...]", "d"], False),  # the mark miscounts
        (["a", "[... 1 line ...]"], False),  # the end: three lines, not one
        (["a", "b", "c", "d", "..."], False),  # a mark for nothing
        (["d", "...", "a"], False),  # out of order
        (["a", "e"], False),  # never printed
    ],
)
def test_the_elision_rule(quoted, fits):
    """The rule on a printout of four lines and a blank one, a to d."""
    assert quote_fits(quoted, ["a", "b", "", "c", "d"]) is fits


def test_readme_python_example_runs(capsys):
    """The README's example runs as shown and prints what its comments say."""
    text = (ROOT / "README.md").read_text()
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "goroutine 2 [select]:" in printed
    assert printed.splitlines()[-1].startswith("1 5000000000 ")


# --- docs/reference.md --------------------------------------------------------


def sections(text: str) -> dict[str, list[list[str]]]:
    """Table rows (cells) under each ``###`` heading."""
    out: dict[str, list[list[str]]] = {}
    heading = None
    for line in text.splitlines():
        if line.startswith("### "):
            heading = line[4:].strip()
            out[heading] = []
        elif heading and line.startswith("| ") and not line.startswith("| ---"):
            out[heading].append([c.strip() for c in line.strip().strip("|").split("|")])
    return out


def first_code(cell: str) -> str:
    match = re.search(r"`([^`]+)`", cell)
    return match.group(1) if match else ""


def test_reference_lists_every_command_and_option():
    documented = {
        h.split()[1]: rows for h, rows in sections(REFERENCE).items() if h.startswith("simlab ")
    }
    assert set(documented) == set(cli.commands), "commands"
    for name, command in cli.commands.items():
        options = {max(p.opts, key=len) for p in command.params if isinstance(p, click.Option)}
        rows = {first_code(r[0]).split()[0] for r in documented[name][1:] if r and r[0]}
        assert rows == options - {"--help"}, f"simlab {name}"


def models_in_use() -> dict[str, object]:
    names = {load_experiment(e).model_name for e in available()}
    return {n: load_model(n) for n in sorted(names)}


def test_reference_lists_every_model_parameter_with_its_default():
    table = sections(REFERENCE)

    def documented(section: str) -> dict[str, str]:
        return {first_code(r[0]): first_code(r[1]) for r in table.get(section, [])[1:]}

    common = documented("every model")
    assert common == {p.name: p.show(p.parse(p.default)) for p in COMMON_PARAMS}
    seen_sections = {"every model"}
    for dotted, model in models_in_use().items():
        shared = "models.zoo" if dotted.startswith("models.zoo.") else None
        docs = {**documented(dotted), **(documented(shared) if shared else {})}
        seen_sections |= {dotted, *([shared] if shared else [])}
        actual = {p.name: p.show(p.parse(p.default)) for p in model.params}
        assert docs == actual, dotted
    model_sections = {h for h in table if h.startswith("models.") or h == "every model"}
    assert model_sections <= seen_sections, "a documented model that no experiment uses"


def test_reference_lists_every_experiment_file_key():
    text = REFERENCE.split("## Experiment files", 1)[1].split("### Metrics", 1)[0]
    tables = re.split(r"\n\n(?=\| key)", text)
    keys = [
        {first_code(line.split("|")[1]) for line in t.splitlines() if line.startswith("| `")}
        for t in tables[1:]
    ]
    assert keys == [set(EXPERIMENT_KEYS), set(EVIDENCE_KEYS), set(LAW_KEYS), set(PLOT_KEYS)]
