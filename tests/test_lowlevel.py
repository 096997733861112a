"""simlab.lowlevel is enough to write a primitive, and it is the only way in.

docs/writing-primitives.md builds a counting semaphore on ``simlab.lowlevel``
alone; its blocks run here, and the deadlock detector and all three leak oracles
must handle a goroutine blocked on it, with its wait reason, although none of
their modules knows it exists.
"""

from __future__ import annotations

import ast
import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import simlab
import simlab as sl
from simlab import lowlevel

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "writing-primitives.md"


def blocks() -> list[tuple[str, str]]:
    """(kind, text) of every fenced python and text block of the page, in order."""
    return re.findall(r"```(python|text)\n(.*?)```", PAGE.read_text(), re.S)


def test_every_block_of_the_page_prints_what_the_page_shows() -> None:
    namespace: dict = {"__name__": "writing_primitives"}
    printed = ""
    checked = 0
    for kind, text in blocks():
        if kind == "python":
            out = io.StringIO()
            with redirect_stdout(out):
                exec(compile(text, str(PAGE), "exec"), namespace)
            printed = out.getvalue()
        else:
            assert printed == text, f"the page shows\n{text}\nbut the block printed\n{printed}"
            checked += 1
    assert checked == 2


def test_the_semaphore_is_at_most_40_lines_and_uses_only_lowlevel() -> None:
    semaphore = blocks()[0][1]
    code_lines = [line for line in semaphore.splitlines() if line.strip()]
    assert len(code_lines) <= 40
    for node in ast.walk(ast.parse(semaphore)):
        if isinstance(node, ast.ImportFrom):
            names = [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        assert names == ["simlab.lowlevel"], names


def test_the_oracles_and_the_detector_name_no_primitive_of_their_own() -> None:
    """The leak oracles and the deadlock detector read the parking protocol only:
    they import no sync, timer or select module, and name no wait reason of Go's
    primitives (the semaphore above works although they have never heard of it)."""
    for path in (ROOT / "simlab" / "observe" / "leaks.py", ROOT / "simlab" / "go" / "runtime.py"):
        source = path.read_text()
        for module in ("sync", "select", "timers"):
            assert f"from .{module} import" not in source or path.name == "runtime.py"
            assert f"from ..go.{module} import" not in source
        for reason in ("MUTEX_LOCK", "WAITGROUP_WAIT", "CHAN_RECEIVE", "SELECT"):
            assert f"_g.{reason}" not in source, f"{path.name} special-cases {reason}"


def test_nothing_outside_the_runtime_module_touches_a_private_runtime_field() -> None:
    private = re.compile(r"\b(?:rt|_rt|runtime)\._[a-z]\w*")
    offenders = []
    for path in sorted((ROOT / "simlab").rglob("*.py")) + sorted((ROOT / "models").rglob("*.py")):
        if path.name == "runtime.py":
            continue
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if private.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_runtime_calls_the_contract_names_exist_and_are_public() -> None:
    named = re.findall(r"``rt\.(\w+)", lowlevel.__doc__ or "")
    assert {"ready", "current", "new_id", "spawn", "timer_table"} <= set(named)
    rt = sl.Runtime()
    for name in named:
        assert not name.startswith("_")
        assert hasattr(rt, name), f"lowlevel names rt.{name}, which Runtime does not have"


def test_the_public_api_is_exactly_what_it_documents() -> None:
    """The facade and the low-level contract export what they list, each documented."""
    for module in (simlab, lowlevel):
        exported = set(module.__all__)
        public = {n for n in vars(module) if not n.startswith("_")} - {"annotations"}
        submodules = {n for n in public if type(getattr(module, n)).__name__ == "module"}
        assert exported == public - submodules, module.__name__
        for name in exported:
            obj = getattr(module, name)
            if callable(obj):
                assert obj.__doc__, f"{module.__name__}.{name} has no docstring"
