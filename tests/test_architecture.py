"""The layers of simlab import one way: cli/testing -> lab -> observe -> x -> go -> sched -> leaves.

A module may import from its own layer and from the layers below it, never from a
layer above (imports under ``if TYPE_CHECKING:`` are for type hints only and may
point anywhere). The framework never imports the models built on it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "simlab"

# Lowest first. A top-level module not listed here is a leaf (errors, duration).
LAYERS = ["leaves", "sched", "go", "x", "observe", "lab", "top"]
TOP = {"cli", "testing", "__init__", "__main__", "pytest_plugin"}
PUBLISHES = {"lowlevel": "go"}  # a facade sits in the layer whose calls it publishes


def layer_of(module: str) -> str:
    """``simlab.go.chan`` -> ``go``; ``simlab.cli`` -> ``top``; ``simlab.errors`` -> leaves."""
    parts = module.split(".")
    assert parts[0] == "simlab", module
    if len(parts) == 1:
        return "top"
    head = parts[1]
    if head in LAYERS:
        return head
    if head in PUBLISHES:
        return PUBLISHES[head]
    if head in TOP or head == "translate":
        return "top"
    return "leaves"


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def runtime_imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) for every import executed at run time."""
    tree = ast.parse(path.read_text(), str(path))
    package = module_name(path).rsplit(".", 0 if path.name == "__init__.py" else 1)[0]
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in ast.walk(node):
                type_only.add(id(inner))
    out = []
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
                names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            else:
                names = [node.module or ""]
            out += [(node.lineno, n) for n in names]
    return out


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_layers(path: Path) -> None:
    mine = layer_of(module_name(path))
    for line, target in runtime_imports(path):
        if target.split(".")[0] == "models":
            pytest.fail(f"{path.name}:{line} imports {target}: simlab never imports models")
        if not target.startswith("simlab"):
            continue
        theirs = layer_of(target)
        assert LAYERS.index(theirs) <= LAYERS.index(mine), (
            f"{path.relative_to(PACKAGE)}:{line} ({mine}) imports {target} ({theirs}), "
            f"a layer above it; allowed: {' <- '.join(LAYERS[: LAYERS.index(mine) + 1])}"
        )


def test_the_layer_rule_would_catch_an_upward_import(tmp_path: Path) -> None:
    assert LAYERS.index(layer_of("simlab.lab.report")) > LAYERS.index(layer_of("simlab.go.chan"))
    assert layer_of("simlab.lowlevel") == "go"
    assert layer_of("simlab.errors") == "leaves"
    assert layer_of("simlab.cli") == "top"


# --- golib: one module per Go package, in layers of its own --------------------------

GOLIB = PACKAGE / "translate" / "golib"


def golib_layers() -> list[str]:
    """golib's modules as its facade's docstring lists them, lowest first."""
    doc = ast.get_docstring(ast.parse((GOLIB / "__init__.py").read_text())) or ""
    return re.findall(r"^- ``(_\w+)``", doc, re.M)


def test_golib_modules_import_only_those_below_them() -> None:
    """The facade lists every module of golib; each imports only modules listed
    before it (a type hint under ``if TYPE_CHECKING:`` aside), never the facade."""
    layers = golib_layers()
    modules = [p.stem for p in GOLIB.glob("_*.py") if p.name != "__init__.py"]
    assert sorted(layers) == sorted(modules), layers
    for i, name in enumerate(layers):
        path = GOLIB / f"{name}.py"
        facade = [
            node.lineno
            for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.ImportFrom)
            and node.module == "simlab.translate"
            and any(a.name == "golib" for a in node.names)
        ]
        assert not facade, f"golib/{name}.py:{facade[0]} imports the facade"
        for line, target in runtime_imports(path):
            if not target.startswith("simlab.translate.golib"):
                continue
            module = target.removeprefix("simlab.translate.golib").lstrip(".").split(".")[0]
            assert module in layers[:i], (
                f"golib/{name}.py:{line} imports {target}: "
                f"{'the facade' if not module else 'a module listed after it'}"
            )
