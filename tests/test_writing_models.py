"""docs/writing-models.md builds models/workerpool.py from docs/examples/pool.go.

* The guide's Go listing is docs/examples/pool.go, whole.
* Every Python listing of the guide is a verbatim, contiguous piece of the model
  (but tests/test_workerpool.py, shown whole, and the plugin example), and
  together they are the whole model but its imports and docstring: nothing the
  reader needs is elided.
* pool.go's ``// L<n>`` markers are on line n, and they mark the statements the
  model's ``# L<n>`` markers mark, by the rule docs/logmonitor.go follows
  (tests/test_selfcontained.py).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from . import test_selfcontained as rule

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "writing-models.md").read_text()
GO = ROOT / "docs" / "examples" / "pool.go"
MODEL = ROOT / "models" / "workerpool.py"

# What each marked statement is, by identifiers both files use (see SIGNATURES in
# tests/test_selfcontained.py).
SIGNATURES = {
    "L26": ("jobs",),
    "L27": ("sleep", "workTime"),
    "L29": ("select", "results", "failed", "quit"),
    "L39": ("failed", "results"),
    "L42": ("close", "quit"),
    "L44": (),
    "L56": ("go", "worker", "jobs", "results", "quit"),
    "L58": ("go", "collect", "results", "quit"),
    "L61": ("select", "after", "jobInterval"),
    "L66": ("select", "jobs", "quit"),
    "L72": ("close", "jobs"),
}


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", GUIDE, re.S)


def test_the_guide_shows_pool_go_whole():
    assert GO.read_text() in blocks("go")


def test_the_guide_shows_the_hypothesis_test_it_says_runs():
    assert (ROOT / "tests" / "test_workerpool.py").read_text() in blocks("python")


def test_the_guide_s_python_is_the_model_piece_by_piece():
    model = MODEL.read_text()
    pieces = [b for b in blocks("python") if "import simlab as sl\n" not in b]
    assert len(pieces) >= 4
    for piece in pieces:
        assert piece in model, f"not in models/workerpool.py:\n{piece}"
    shown = "".join(pieces)
    body = ast.parse(model).body
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)) or (
            isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        ):
            continue  # imports and the docstring
        assert ast.get_source_segment(model, node) in shown, (
            f"the guide leaves out line {node.lineno}"
        )


def test_pool_go_markers_are_on_their_own_line_numbers():
    for n, marker in rule.go_markers(GO.read_text()):
        assert marker == f"L{n}", f"pool.go:{n} is marked {marker}"


def test_pool_go_and_the_model_mark_the_same_statements(monkeypatch):
    monkeypatch.setattr(rule, "SIGNATURES", SIGNATURES)
    model, go = MODEL.read_text(), GO.read_text()
    problems = rule.marker_problems(
        rule.model_statements(model),
        rule.model_markers(model),
        rule.go_statements(go),
        rule.go_markers(go),
    )
    assert not problems, "\n".join(problems)
