"""The repository stands on its own: a clone has everything its files point to.

* Every relative link of every Markdown file leads to a file of the repository.
* docs/logmonitor.go, the Go program that models/logmonitor.py renders, carries
  the model's line markers on the same statements, and its ``Options`` are the
  model's parameters, with the model's defaults as ``AsWritten``.
* No file points to the design document or the shared folder the project was
  started from, which a clone does not have.
"""

from __future__ import annotations

import ast
import io
import itertools
import re
import subprocess
import tokenize
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "logmonitor.py"
GO = ROOT / "docs" / "logmonitor.go"


def repo_files() -> list[str]:
    """The repository's files, relative to its root: tracked ones, and new ones git
    does not ignore (so that a file added but not yet committed counts)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        names = listed.split("\0")
    except (OSError, subprocess.CalledProcessError):  # not a git checkout
        skip = {".git", ".venv", "results", "__pycache__", ".pytest_cache", ".ruff_cache"}
        names = [
            str(p.relative_to(ROOT))
            for p in ROOT.rglob("*")
            if p.is_file() and not skip & set(p.relative_to(ROOT).parts)
        ]
    return sorted(
        n for n in names if n and not n.startswith((".git/", ".venv/")) and (ROOT / n).is_file()
    )


# --- links --------------------------------------------------------------------------

FENCED = re.compile(r"^ {0,3}(```|~~~)[^\n]*\n.*?^ {0,3}\1[^\n]*$", re.S | re.M)
CODE_SPAN = re.compile(r"(`+).*?\1", re.S)
INLINE_LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?", re.M)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def link_targets(markdown: str) -> list[str]:
    """The targets of a Markdown text's links and images, outside code."""
    text = CODE_SPAN.sub("", FENCED.sub("", markdown))
    return INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)


def test_markdown_links_resolve_inside_the_repository():
    """A relative link (``#anchor`` and ``?query`` dropped; http(s), mailto and other
    schemes ignored) must name a file of the repository, or a folder holding one. A
    file that exists on this machine but not in a clone (``../elsewhere``, ``results/``)
    does not count."""
    files = repo_files()
    known = set(files) | {str(parent) for f in files for parent in Path(f).parents}
    documents = [f for f in files if f.endswith(".md")]
    assert "README.md" in documents and "docs/findings.md" in documents
    broken = []
    for doc in documents:
        for target in link_targets((ROOT / doc).read_text()):
            path = unquote(target.split("#", 1)[0].split("?", 1)[0])
            if not path or SCHEME.match(target):
                continue
            resolved = ((ROOT / doc).parent / path).resolve()
            inside = resolved.is_relative_to(ROOT)
            if not inside or str(resolved.relative_to(ROOT)) not in known:
                broken.append(f"{doc}: link {target!r} leads to no file of the repository")
    assert not broken, "\n".join(broken)


# --- the model's line markers in the Go program -------------------------------------

# What each marker's statement is, by the identifiers it must contain, compared
# without case and underscores (reader_wg is readerWg): see
# test_go_program_carries_the_model_markers_on_the_same_statements.
SIGNATURES = {
    "L803": ("containerCtx", "cancel", "WithCancel"),
    "L815": ("go", "heartbeat", "containerCtx"),
    "L847": ("streamCtx", "streamCancel", "WithTimeout", "containerCtx", "RotationInterval"),
    "L853": ("stream", "err", "ContainerLogs", "streamCtx"),
    "L877": ("stream", "Close"),
    "L878": ("streamCancel",),
    "L883": ("readerWg", "Wait"),
    "L949": ("readCh", "chan", "ReadBuffer"),
    "L952": ("readerCtx", "readerCancel", "WithCancel", "parent"),
    "L955": ("mc", "readerCancel"),
    "L958": ("go", "readerCtx", "readCh", "stream"),
    "L981-986": ("select", "readCh", "data", "err", "readerCtx", "Done"),
}

PY_MARKER = re.compile(r"#\s*(L\d+(?:-\d+)?)\b")
GO_MARKER = re.compile(r"//\s*(L\d+(?:-\d+)?)\b")
GO_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
GO_STRING = re.compile(r'"(?:\\.|[^"\\])*"|`[^`]*`|\'(?:\\.|[^\'\\])*\'')
GO_TOP_FUNC = re.compile(r"^func\s+(?:\(\s*\w+\s+(\*?)\s*(\w+)\s*\)\s*)?(\w+)")


def norm(name: str) -> str:
    return name.replace("_", "").lower()


@dataclass(frozen=True)
class Statement:
    first: int  # line numbers, 1-based, inclusive
    last: int
    function: str  # the Go function it runs in, as a goroutine dump names it
    names: frozenset[str]  # its identifiers, normalized
    text: str  # its code, to tell apart identical statements
    callees: tuple[tuple[int, int], ...] = ()  # model: lines of the model functions it calls

    def has(self, signature) -> bool:
        return {norm(n) for n in signature} <= self.names


def model_statements(source: str) -> list[Statement]:
    """Every statement of the model, in the Go function its ``@gofunc`` names."""
    tree = ast.parse(source)
    spans: dict[str, list[tuple[int, int]]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            spans.setdefault(node.name, []).append((node.lineno, node.end_lineno))

    def gofunc(fn: ast.FunctionDef) -> str:
        for dec in fn.decorator_list:
            if isinstance(dec, ast.Call) and getattr(dec.func, "attr", None) == "gofunc":
                return dec.args[0].value
        return ""

    def names(node: ast.AST) -> frozenset[str]:
        found = set()
        for n in ast.walk(node):
            if isinstance(n, ast.Name):
                found.add(n.id)
            elif isinstance(n, ast.Attribute):
                found.add(n.attr)
            elif isinstance(n, ast.arg):
                found.add(n.arg)
            elif isinstance(n, ast.FunctionDef):
                found.add(n.name)
        return frozenset(norm(f) for f in found)

    def callees(node: ast.AST) -> tuple[tuple[int, int], ...]:
        called = set()
        for n in ast.walk(node):
            if isinstance(n, ast.Call):
                f = n.func
                if isinstance(f, ast.Attribute) and getattr(f.value, "id", None) == "self":
                    called.add(f.attr)
                elif isinstance(f, ast.Name):
                    called.add(f.id)
        return tuple(span for name in sorted(called) for span in spans.get(name, ()))

    found: list[Statement] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                found.append(
                    Statement(
                        child.lineno,
                        child.end_lineno,
                        function,
                        names(child),
                        ast.dump(child),
                        callees(child),
                    )
                )
            visit(child, gofunc(child) if isinstance(child, ast.FunctionDef) else function)

    visit(tree, "")
    return found


def model_markers(source: str) -> list[tuple[int, str]]:
    """(line, marker) of every ``# L<number>`` comment of the model."""
    return [
        (tok.start[0], m.group(1))
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT and (m := PY_MARKER.search(tok.string))
    ]


def split_go_line(line: str) -> tuple[str, str]:
    """(code, comment) of a line of Go: ``//`` inside a string is code."""
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\" and quote != "`":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'`":
            quote = c
        elif line.startswith("//", i):
            return line[:i], line[i:]
        i += 1
    return line, ""


def go_functions(code: list[str]) -> list[str]:
    """The Go function each line starts in, closures named as the runtime names
    them: ``F.func1``, ``F.func2`` for closures in F, ``F.func1.1`` in F.func1."""
    in_function: list[str] = []
    stack: list[list] = []  # [name, depth of its body, closures so far, top level?]
    depth, pending = 0, None
    for line in code:
        in_function.append(stack[-1][0] if stack else "")
        for token in re.finditer(r"\bfunc\b|[{}]", line):
            if token.group() == "func":
                top = GO_TOP_FUNC.match(line) if depth == 0 else None
                if top:
                    pointer, receiver, name = top.groups()
                    if receiver:
                        receiver = f"(*{receiver})" if pointer else receiver
                        name = f"{receiver}.{name}"
                    pending = (f"main.{name}", True)
                elif stack:
                    outer = stack[-1]
                    outer[2] += 1
                    pending = (f"{outer[0]}.{'func' if outer[3] else ''}{outer[2]}", False)
            elif token.group() == "{":
                depth += 1
                if pending:
                    stack.append([pending[0], depth, 0, pending[1]])
                    pending = None
            else:
                if stack and stack[-1][1] == depth:
                    stack.pop()
                depth -= 1
    return in_function


def go_statements(source: str) -> list[Statement]:
    """Every statement of the Go program. A statement starts on a line that does not
    continue an open parenthesis or bracket and does not begin by closing a block;
    it runs on while the brackets and braces it opens stay open (a ``select`` or a
    ``go func() {...}()`` with its whole body)."""
    lines = source.splitlines()
    code = [split_go_line(line)[0] for line in lines]
    bare = [GO_STRING.sub('""', c) for c in code]
    functions = go_functions(bare)

    def balance(line: str) -> int:
        return sum(line.count(c) for c in "([{") - sum(line.count(c) for c in ")]}")

    starts, open_parens = [], 0
    for i, line in enumerate(bare):
        if line.strip() and open_parens <= 0 and not line.lstrip().startswith(("}", ")")):
            starts.append(i)
        open_parens += sum(line.count(c) for c in "([") - sum(line.count(c) for c in ")]")
    found = []
    for i in starts:
        j, depth = i, balance(bare[i])
        while depth > 0 and j + 1 < len(bare):
            j += 1
            depth += balance(bare[j])
        found.append(
            Statement(
                i + 1,
                j + 1,
                functions[i],
                frozenset(norm(n) for n in GO_IDENTIFIER.findall(" ".join(bare[i : j + 1]))),
                " ".join(" ".join(code[i : j + 1]).split()),
            )
        )
    return found


def go_markers(source: str) -> list[tuple[int, str]]:
    """(line, marker) of every ``// L<number>`` comment that follows code."""
    found = []
    for n, line in enumerate(source.splitlines(), 1):
        code, comment = split_go_line(line)
        if code.strip() and (m := GO_MARKER.match(comment)):
            found.append((n, m.group(1)))
    return found


def marker_problems(
    model: list[Statement],
    model_marks: list[tuple[int, str]],
    go: list[Statement],
    go_marks: list[tuple[int, str]],
) -> list[str]:
    """What breaks the rule of the test below; nothing when the two files agree."""
    problems = []
    in_model = {m for _, m in model_marks}
    in_go = {m for _, m in go_marks}
    problems += [f"{m} is marked in the model, not in docs/logmonitor.go" for m in in_model - in_go]
    problems += [f"{m} is marked in docs/logmonitor.go, not in the model" for m in in_go - in_model]
    problems += [f"{m} has no entry in SIGNATURES" for m in (in_model | in_go) - set(SIGNATURES)]
    problems += [f"SIGNATURES has {m}, marked nowhere" for m in set(SIGNATURES) - in_model - in_go]

    for where, marks in (("the model", model_marks), ("docs/logmonitor.go", go_marks)):
        numbers = [(int(m[1:].split("-")[0]), m) for _, m in sorted(marks)]
        for (a, ma), (b, mb) in itertools.pairwise(numbers):
            if b < a:
                problems.append(f"{where}: {mb} comes after {ma}")

    def innermost(statements: list[Statement], line: int) -> Statement:
        holding = [s for s in statements if s.first <= line <= s.last]
        return min(reversed(holding), key=lambda s: s.last - s.first)

    marked: dict[str, dict[str, list[Statement]]] = {"model": {}, "go": {}}
    for line, m in model_marks:
        s = innermost(model, line)
        delegates = any(
            lo <= other <= hi for other, m2 in model_marks if m2 == m for lo, hi in s.callees
        )
        if not delegates:  # a call to a model helper that carries m marks nothing itself
            marked["model"].setdefault(m, []).append(s)
    go_by_start = {s.first: s for s in go}
    for line, m in go_marks:
        if line not in go_by_start:
            problems.append(f"docs/logmonitor.go:{line}: {m} is not on a statement's first line")
            continue
        marked["go"].setdefault(m, []).append(go_by_start[line])

    statements = {"model": model, "go": go}
    for m, signature in SIGNATURES.items():
        py, g = marked["model"].get(m, []), marked["go"].get(m, [])
        if len(py) != 1 or len(g) != 1:
            if py or g:
                problems.append(
                    f"{m} marks {len(py)} model and {len(g)} Go statements, not 1 and 1"
                )
            continue
        pair = {"model": py[0], "go": g[0]}
        if pair["model"].function != pair["go"].function:
            problems.append(
                f"{m} is in {pair['model'].function or 'no Go function'} in the model, "
                f"in {pair['go'].function or 'no Go function'} in docs/logmonitor.go"
            )
        rank = {}
        for side, s in pair.items():
            here = f"{m} (line {s.first} of {'the model' if side == 'model' else 'the Go'})"
            missing = [n for n in signature if norm(n) not in s.names]
            if missing:
                problems.append(f"{here}: the statement has no {', '.join(missing)}")
            inner = [
                t
                for t in statements[side]
                if t is not s and s.first <= t.first and t.last <= s.last and t.has(signature)
            ]
            if inner and not missing:
                problems.append(
                    f"{here}: the statement holds the one that matches, line {inner[0].first}"
                )
            twins = [t for t in statements[side] if t.function == s.function and t.text == s.text]
            rank[side] = (twins.index(s) + 1, len(twins))
        if rank["model"][0] != rank["go"][0]:
            problems.append(
                f"{m} marks occurrence {rank['model'][0]} of {rank['model'][1]} of its statement "
                f"in the model, {rank['go'][0]} of {rank['go'][1]} in the Go"
            )
    return problems


@pytest.fixture(scope="module")
def sources():
    model_source, go_source = MODEL.read_text(), GO.read_text()
    return (
        model_statements(model_source),
        model_markers(model_source),
        go_statements(go_source),
        go_markers(go_source),
    )


def test_go_program_carries_the_model_markers_on_the_same_statements(sources):
    """Every ``# L<number>`` (or ``# L<first>-<last>``) marker of models/logmonitor.py
    is a ``// L<number>`` comment of docs/logmonitor.go, and the other way round, and
    both mark the same statement. A marker is on the same statement when:

    1. it is in the same Go function in both files: in the model the function its
       ``@gofunc`` names, in the Go file the ``func`` it is in, closures named
       ``F.func1`` as a goroutine dump names them;
    2. both statements contain every identifier of the marker's entry in
       SIGNATURES (without case or underscores: ``reader_wg`` is ``readerWg``);
    3. neither holds a smaller statement that also does (a marker on the ``if`` or
       the loop around ``stream.Close()`` is not on ``stream.Close()``);
    4. where a function has the same statement more than once (``stream.Close()`` and
       ``streamCancel()`` in both orders of L877-878), it is the same occurrence,
       counted from the top;
    5. markers come in the order of their numbers in each file, and each marks one
       statement in each file.

    A statement is, in the model, the innermost one on the marker's line; in the Go
    file, the one that starts on it and runs on while the brackets and braces it
    opens stay open. The model may also mark a call to one of its own functions
    that carries the same marker (``self.wait_for_reader(mc)  # L883``): Go writes
    that function inline, so the marker inside it is the one that counts.

    test_moving_any_marker_breaks_the_rule checks that this rule is strict enough:
    a marker moved to any other statement of either file breaks it.
    """
    problems = marker_problems(*sources)
    assert not problems, "\n".join(problems)


def moves(marks: list[tuple[int, str]], statements: list[Statement]):
    """(marker, line, markers) for each marker moved to each statement that has none."""
    taken = {line for line, _ in marks}
    for i, (_, m) in enumerate(marks):
        for s in statements:
            if s.first not in taken:
                yield m, s.first, [*marks[:i], (s.first, m), *marks[i + 1 :]]


def test_moving_any_marker_breaks_the_rule(sources):
    """Each marker, moved in turn to each other unmarked statement of either file
    (in the model, of a function that runs in Go), is caught by the rule of the test
    above."""
    model, model_marks, go, go_marks = sources
    undetected = [
        f"{m} moved to line {line} of the model"
        for m, line, moved in moves(model_marks, [s for s in model if s.function])
        if not marker_problems(model, moved, go, go_marks)
    ]
    undetected += [
        f"{m} moved to line {line} of docs/logmonitor.go"
        for m, line, moved in moves(go_marks, go)
        if not marker_problems(model, model_marks, go, moved)
    ]
    assert not undetected, "\n".join(undetected)


# --- the options are the model's parameters -----------------------------------------

DURATION = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")
UNITS = {"ns": 1, "us": 10**3, "µs": 10**3, "ms": 10**6, "s": 10**9, "m": 60 * 10**9}
UNITS |= {"h": 3600 * 10**9}
GO_UNITS = {"Nanosecond": 1, "Microsecond": 10**3, "Millisecond": 10**6, "Second": 10**9}
GO_UNITS |= {"Minute": 60 * 10**9, "Hour": 3600 * 10**9}


def model_value(value):
    """A parameter default as a number of nanoseconds if it is a duration string."""
    if isinstance(value, str) and value and DURATION.sub("", value) == "":
        return sum(float(n) * UNITS[u] for n, u in DURATION.findall(value))
    return value


def go_value(expr: str):
    """The value of a constant Go expression of AsWritten: a string, a number or a
    duration (``5 * time.Minute``), durations in nanoseconds."""
    expr = expr.strip()
    if m := re.fullmatch(r"(?:(\d+(?:\.\d+)?)\s*\*\s*)?time\.(\w+)", expr):
        return float(m.group(1) or 1) * GO_UNITS[m.group(2)]
    if expr.startswith('"'):
        return ast.literal_eval(expr)
    return float(expr)


def go_block(source: str, opening: str) -> list[str]:
    """The lines (comments dropped) between a line starting with ``opening`` and the
    ``}`` that closes it."""
    lines = source.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(opening))
    last = next(i for i in range(first, len(lines)) if lines[i] == "}")
    return [split_go_line(line)[0].strip() for line in lines[first + 1 : last]]


def test_go_options_are_the_model_parameters():
    """Options has one field per parameter of models/logmonitor.py, in the same order
    (``rotation_interval`` is ``RotationInterval``), and AsWritten gives each the
    model's default. The parameters of models/docker.py describe the Docker client and
    daemon, not the program, and are not fields."""
    params = {}
    for node in ast.walk(ast.parse(MODEL.read_text())):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "PARAMS":
            for call in node.value.elts:
                if isinstance(call, ast.Call):  # *docker.PARAMS is not the program's
                    params[call.args[0].value] = ast.literal_eval(call.args[1])
    assert "reader_parent" in params
    go_source = GO.read_text()
    fields = [line.split()[0] for line in go_block(go_source, "type Options struct") if line]
    camel = {name: "".join(w.capitalize() for w in name.split("_")) for name in params}
    assert fields == list(camel.values())
    as_written = dict(
        line.rstrip(",").split(":", 1) for line in go_block(go_source, "var AsWritten =") if line
    )
    for name, default in params.items():
        assert go_value(as_written[camel[name]]) == model_value(default), name


# --- nothing outside the repository --------------------------------------------------


def test_no_file_points_outside_the_repository():
    """No file of the repository names the design document or the shared folder the
    project was started from: what a reader needs from them is in the repository's
    own words (docs/findings.md, docs/logmonitor.go). The names are spelt in two
    pieces here so that this file passes its own test."""
    forbidden = ("DES" + "IGN.md", ".." + "/shared")
    found = []
    for name in repo_files():
        try:
            text = (ROOT / name).read_text()
        except (UnicodeDecodeError, OSError):
            continue  # images and other binary files
        for n, line in enumerate(text.splitlines(), 1):
            found += [f"{name}:{n}: mentions {word}" for word in forbidden if word in line]
    assert not found, "\n".join(found)
