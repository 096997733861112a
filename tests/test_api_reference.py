"""docs/api.md, the Python API reference, against the code, both ways.

The page is made of sections headed ``PREFIX``: ``TARGET`` (``rt``: ``sl.Runtime``),
each with table rows whose first cell is ``PREFIX.NAME`` or ``PREFIX.NAME(PARAMS)``.

* Every documented name exists on its target (a module's attribute; a class's
  method, property, class attribute, slot, dataclass field, or an attribute its
  methods set on ``self``), and a documented call has the real parameters: the
  same names in the same order, of the same kind (positional, ``*args``,
  keyword-only, ``**kw``), with the same defaults (``...`` stands for a default
  that is not a literal: a function). A method is documented with its
  parentheses, an attribute without.
* Every public name is documented: the ``__all__`` of ``simlab`` and
  ``simlab.lowlevel``, the public functions and classes of ``simlab.testing``
  and ``simlab.x``'s modules, and every public member of every class among them
  (and of the two a model meets without importing: ``Simulation``, ``RunRecord``).
  A member a class inherits or overrides from a simlab base class is documented
  once, in the base's section.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import re
import textwrap
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import simlab
from simlab.lab.simulation import RunRecord, Simulation

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "docs" / "api.md"

MODULES = ["simlab", "simlab.testing", "simlab.lowlevel", "simlab.x.errgroup", "simlab.x.semaphore"]
EXTRA_CLASSES = [Simulation, RunRecord]  # what main and sl.testing.run hand a model's author

HEADING = re.compile(r"^(#+)\s+(.*)$")
SECTION = re.compile(r"^`([\w.]+)`: `([\w.]+)`$")
ENTRY = re.compile(r"^([\w.]+?)(\((.*)\))?$")


def resolve(dotted: str) -> Any:
    """``sl.Runtime`` or ``simlab.x.errgroup.Group``: the object it names."""
    if dotted == "sl" or dotted.startswith("sl."):
        dotted = "simlab" + dotted[2:]
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name)
        return obj
    raise LookupError(dotted)


@dataclasses.dataclass
class Entry:
    line: int
    prefix: str
    target: Any
    name: str
    params: str | None  # the text between the parentheses, None without them


def entries(text: str) -> list[Entry]:
    """Every documented name, with its section's target; fails on a row outside a
    section or with another section's prefix."""
    found = []
    section: tuple[int, str, Any] | None = None  # heading level, prefix, target
    for n, line in enumerate(text.splitlines(), 1):
        if m := HEADING.match(line):
            level, title = len(m.group(1)), m.group(2).strip()
            if s := SECTION.match(title):
                section = (level, s.group(1), resolve(s.group(2)))
            elif section is not None and level <= section[0]:
                section = None
            continue
        if not line.startswith("| `"):
            continue
        code = line.split("`")[1]
        if section is None:
            pytest.fail(f"docs/api.md:{n}: `{code}` is in no `PREFIX`: `TARGET` section")
        _, prefix, target = section
        assert code.startswith(prefix + "."), f"docs/api.md:{n}: `{code}` is not {prefix}.NAME"
        m = ENTRY.match(code[len(prefix) + 1 :])
        assert m, f"docs/api.md:{n}: `{code}` is not NAME or NAME(PARAMS)"
        found.append(Entry(n, prefix, target, m.group(1), m.group(3)))
    return found


@cache
def documented() -> tuple[Entry, ...]:
    return tuple(entries(API.read_text()))


# --- what a class has ------------------------------------------------------------------


def simlab_classes(cls: type) -> list[type]:
    """``cls`` and its bases that are simlab's (not object, Exception, Mapping...)."""
    return [c for c in cls.__mro__ if c.__module__.startswith("simlab")]


@cache
def self_attributes(cls: type) -> set[str]:
    """Public names the class's own methods assign on ``self``."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return set()
    names = set()
    for node in ast.walk(ast.parse(source)):
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        for t in targets:
            if isinstance(t, ast.Attribute) and getattr(t.value, "id", None) == "self":
                names.add(t.attr)
    return {n for n in names if not n.startswith("_")}


def own_members(cls: type) -> set[str]:
    """Public members ``cls`` defines itself: methods, properties, class attributes,
    annotations, slots, dataclass fields, attributes set on ``self``."""
    names = (
        set(vars(cls))
        | set(getattr(cls, "__slots__", ()))
        | set(vars(cls).get("__annotations__", {}))
    )
    if dataclasses.is_dataclass(cls):
        names |= {f.name for f in dataclasses.fields(cls)}
    names |= self_attributes(cls)
    return {n for n in names if not n.startswith("_")}


@cache
def members(cls: type) -> set[str]:
    return set().union(*(own_members(c) for c in simlab_classes(cls)))


def introduced(cls: type) -> set[str]:
    """Members ``cls`` adds: not those of a simlab base class it overrides."""
    inherited = set().union(set(), *(members(b) for b in simlab_classes(cls)[1:]))
    return own_members(cls) - inherited


# --- signatures ------------------------------------------------------------------------

KINDS = {
    "posonlyargs": inspect.Parameter.POSITIONAL_ONLY,
    "args": inspect.Parameter.POSITIONAL_OR_KEYWORD,
    "vararg": inspect.Parameter.VAR_POSITIONAL,
    "kwonlyargs": inspect.Parameter.KEYWORD_ONLY,
    "kwarg": inspect.Parameter.VAR_KEYWORD,
}
NOT_LITERAL = object()
MISSING = inspect.Parameter.empty


def documented_parameters(text: str) -> list[tuple[str, Any, Any]]:
    """(name, kind, default) of ``a, b=1, *args, c=..., **kw``; ``...`` is NOT_LITERAL."""
    fn = ast.parse(f"def f({text}): pass").body[0]
    assert isinstance(fn, ast.FunctionDef)
    a = fn.args
    positional = [*a.posonlyargs, *a.args]
    defaults: list[Any] = [MISSING] * (len(positional) - len(a.defaults)) + list(a.defaults)
    out = []

    def value(node: Any) -> Any:
        if node is MISSING or node is None:
            return MISSING
        if isinstance(node, ast.Constant) and node.value is Ellipsis:
            return NOT_LITERAL
        return ast.literal_eval(node)

    for arg, default in zip(positional, defaults, strict=True):
        kind = KINDS["posonlyargs" if arg in a.posonlyargs else "args"]
        out.append((arg.arg, kind, value(default)))
    if a.vararg:
        out.append((a.vararg.arg, KINDS["vararg"], MISSING))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults, strict=True):
        out.append((arg.arg, KINDS["kwonlyargs"], value(default)))
    if a.kwarg:
        out.append((a.kwarg.arg, KINDS["kwarg"], MISSING))
    return out


def real_parameters(owner: Any, name: str) -> list[tuple[str, Any, Any]]:
    """(name, kind, default) of what ``owner.name`` takes when called, without
    ``self`` and without private parameters (``_depth``)."""
    obj = getattr(owner, name)
    signature = inspect.signature(obj)
    params = list(signature.parameters.values())
    if inspect.isclass(owner) and inspect.isfunction(inspect.getattr_static(owner, name)):
        params = params[1:]  # an instance method, looked up on its class: self
    fields = {f.name: f for f in dataclasses.fields(obj)} if dataclasses.is_dataclass(obj) else {}
    out = []
    for p in params:
        if p.name.startswith("_"):
            continue
        default = p.default
        if p.name in fields and fields[p.name].default_factory is not dataclasses.MISSING:
            default = fields[p.name].default_factory()
        if callable(default) and not isinstance(default, type):
            default = NOT_LITERAL
        out.append((p.name, p.kind, default))
    return out


def same_default(a: Any, b: Any) -> bool:
    return a is b or (type(a) is type(b) and a == b)


# --- the tests -------------------------------------------------------------------------


def test_the_page_has_the_sections_it_should():
    targets = {e.prefix: e.target for e in documented()}
    assert targets["sl"] is simlab and targets["rt"] is simlab.Runtime
    assert targets["sim"] is Simulation and targets["g"] is simlab.Goroutine


@pytest.mark.parametrize("entry", documented(), ids=lambda e: f"{e.prefix}.{e.name}")
def test_every_documented_name_exists_with_that_signature(entry: Entry):
    where = f"docs/api.md:{entry.line}: {entry.prefix}.{entry.name}"
    target = entry.target
    if isinstance(target, ModuleType):
        assert hasattr(target, entry.name), f"{where}: {target.__name__} has no {entry.name}"
    else:
        assert entry.name in members(target), f"{where}: {target.__name__} has no {entry.name}"
    static = inspect.getattr_static(target, entry.name, None)
    is_method = inspect.isfunction(static) or isinstance(static, (classmethod, staticmethod))
    if isinstance(target, ModuleType):
        is_method = inspect.isfunction(static)
    elif dataclasses.is_dataclass(target) and entry.name in {
        f.name for f in dataclasses.fields(target)
    }:
        is_method = False  # a field whose default is a function: Model.metrics
    if entry.params is None:
        assert not is_method, f"{where}: a function: document its parameters"
        return
    assert callable(getattr(target, entry.name, None)), f"{where}: not callable"
    doc = documented_parameters(entry.params)
    real = real_parameters(target, entry.name)
    shown = [(n, k.name) for n, k, _ in doc]
    actual = [(n, k.name) for n, k, _ in real]
    assert shown == actual, f"{where}: documented {shown}, the code takes {actual}"
    for (n, _, d), (_, _, r) in zip(doc, real, strict=True):
        assert same_default(d, r), f"{where}: {n} defaults to {r!r}, documented {d!r}"


def public_names(module: ModuleType) -> set[str]:
    if hasattr(module, "__all__"):
        return set(module.__all__)
    return {
        n
        for n, obj in vars(module).items()
        if not n.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and obj.__module__ == module.__name__
    }


@pytest.mark.parametrize("dotted", MODULES)
def test_every_public_name_of_the_module_is_documented(dotted):
    module = importlib.import_module(dotted)
    names = public_names(module) | ({"testing"} if module is simlab else set())
    shown = {e.name for e in documented() if e.target is module}
    assert sorted(names - shown) == [], f"{dotted}: undocumented"
    assert sorted(shown - names) == [], f"{dotted}: documented, not public"


def classes_to_document() -> list[type]:
    found: dict[int, type] = {}
    for dotted in MODULES:
        module = importlib.import_module(dotted)
        for name in public_names(module):
            obj = getattr(module, name)
            if inspect.isclass(obj) and obj.__module__.startswith("simlab"):
                for c in simlab_classes(obj):
                    found[id(c)] = c
    for c in EXTRA_CLASSES:
        found[id(c)] = c
    return sorted(found.values(), key=lambda c: (c.__module__, c.__qualname__))


@pytest.mark.parametrize("cls", classes_to_document(), ids=lambda c: c.__qualname__)
def test_every_public_member_of_the_class_is_documented(cls):
    wanted = introduced(cls)
    shown = {e.name for e in documented() if e.target is cls}
    if wanted and not shown:
        pytest.fail(f"{cls.__qualname__}: no `PREFIX`: `TARGET` section for {sorted(wanted)}")
    assert sorted(wanted - shown) == [], f"{cls.__qualname__}: undocumented"


def test_the_rule_catches_a_wrong_signature_and_a_missing_member():
    """The checks above can fail: a changed default, a missing parameter, a member
    that does not exist."""
    rt = next(e for e in documented() if e.prefix == "rt" and e.name == "chan")
    assert documented_parameters(rt.params) == real_parameters(simlab.Runtime, "chan")
    wrong = documented_parameters("cap=1, *, name=None, external=False")
    assert not all(
        same_default(a[2], b[2])
        for a, b in zip(wrong, real_parameters(simlab.Runtime, "chan"), strict=True)
    )
    assert len(documented_parameters("cap=0, *, name=None")) != len(
        real_parameters(simlab.Runtime, "chan")
    )
    assert "no_such_method" not in members(simlab.Runtime)
    assert "alive" in members(simlab.Goroutine) and "signal" in members(Simulation)
