"""Go's own documentation examples, translated from the installed GOROOT, print what
their ``// Output:`` comments say.

``go test`` checks every ``Example`` function with an ``// Output:`` comment: it
runs the function and compares what it printed with the comment, both trimmed of
surrounding space (``// Unordered output:``: the lines in any order). The examples
of ``context`` and ``sync`` are short concurrent programs whose outputs Go itself
guarantees; here each is translated and run on simlab under fifo, and held to the
same comparison. Nothing of them is copied into this repository: the files are
read from the toolchain's GOROOT at test time, as the GoKer programs are.

An example that needs what simlab does not model is taken out before translation,
with its reason (a network connection, a file).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import simlab as sl
from simlab import translate
from simlab.translate import goker

# package: (its example file, how many examples document their output, those taken
# out and why, Go source added to the package)
PACKAGES = {
    "context": (
        "example_test.go",
        6,
        {"ExampleAfterFunc_connection": "it sets deadlines on a net.Conn"},
        # a constant of the package's other test files
        'package context_test\n\nimport "time"\n\nconst shortDuration = time.Millisecond\n',
    ),
    "encoding/base64": ("example_test.go", 6, {}, ""),
    "encoding/csv": ("example_test.go", 5, {}, ""),
    "encoding/hex": (
        "example_test.go",
        5,
        {"ExampleDumper": "hex.Dumper, a stream of hexdump lines, is not modelled"},
        "",
    ),
    "net/url": ("example_test.go", 28, {}, ""),
    "sync": (
        "example_test.go",
        2,
        {"ExampleOnceValues": "it reads a file (os.ReadFile)"},
        "",
    ),
}


def _without(source: str, name: str) -> str:
    """``source`` without the function ``name`` and its doc comment."""
    start = source.index(f"\nfunc {name}(") + 1
    end = source.index("\n}\n", start) + 3
    while source.rfind("\n", 0, start - 1) >= 0:
        above = source.rfind("\n", 0, start - 1) + 1
        if not source.startswith("//", above):
            break
        start = above
    return source[:start] + source[end:]


def _unused_imports_dropped(source: str) -> str:
    """Imports nothing refers to any more (net, os) dropped, as Go requires."""
    body = source[source.index(")", source.index("import (")) :]
    for path in re.findall(r'^\t"([\w/]+)"$', source, re.M):
        if not re.search(rf"\b{path.rsplit('/', 1)[-1]}\.", body):
            source = source.replace(f'\t"{path}"\n', "", 1)
    return source


def _outputs(source: str) -> dict[str, tuple[str, bool]]:
    """Each example's documented output, and whether its order is free."""
    out = {}
    for m in re.finditer(r"^func (Example\w*)\(\) \{\n(.*?)^\}$", source, re.M | re.S):
        body = m.group(2)
        mark = re.search(r"^\t// (Unordered output|Output):(.*)$", body, re.M | re.I)
        if mark is None:
            continue
        lines = [mark.group(2)] + [
            line.removeprefix("\t//").removeprefix(" ")
            for line in body[mark.end() :].splitlines()
            if line.startswith("\t//")
        ]
        out[m.group(1)] = ("\n".join(lines).strip(), mark.group(1).lower().startswith("unordered"))
    return out


@pytest.fixture(scope="module", params=sorted(PACKAGES))
def package(request, tmp_path_factory):
    name = request.param
    file, documented, removed, extra = PACKAGES[name]
    source = (goker.goroot() / "src" / name / file).read_text()
    for example in removed:
        source = _without(source, example)
    source = _unused_imports_dropped(source)
    root = tmp_path_factory.mktemp(name.replace("/", "_"))
    (root / file.replace("_test", "")).write_text(source)
    if extra:
        (root / "extra.go").write_text(extra)
    outputs = _outputs(source)
    assert len(outputs) == documented, f"{name}: {sorted(outputs)}"
    return translate.load(root), outputs


def test_every_documented_output_is_printed(package, capsys):
    module, outputs = package
    wrong = {}
    for example, (want, unordered) in outputs.items():
        sl.Runtime(seed=1, strategy="fifo").run(translate.entry(module, example), until=sl.Hour)
        got = capsys.readouterr().out.strip()
        if unordered:
            got, want = sorted(got.splitlines()), sorted(want.splitlines())
        if got != want:
            wrong[example] = (got, want)
    assert wrong == {}


def test_the_output_comments_are_read_as_go_test_reads_them():
    source = (
        "func ExampleA() {\n\tfmt.Println(1)\n\t// Output: 1\n}\n"
        "func ExampleB() {\n\t// Unordered output:\n\t// b\n\t// a\n}\n"
        "func ExampleC() {\n\tfmt.Println()\n}\n"
    )
    assert _outputs(source) == {"ExampleA": ("1", False), "ExampleB": ("b\na", True)}


def test_taking_an_example_out_leaves_the_others(tmp_path: Path):
    source = "package p\n\nfunc ExampleA() {\n}\n\n// B uses x.\nfunc ExampleB() {\n\tx()\n}\n"
    assert _without(source, "ExampleB") == "package p\n\nfunc ExampleA() {\n}\n\n"
