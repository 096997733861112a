"""A parameter named like a method of a Mapping: ``items``, ``keys``, ``values``, ``get``.

``Params`` is a ``Mapping`` read as ``p.name``, so a parameter named ``items`` would
hide (or be hidden by) ``Params.items``. Either answer is fine, but it must come
at once: the ``Model`` that declares it is refused when it is defined, in one line
naming the parameter, or the parameter works like any other (``p.items``,
``p["items"]``, ``--set items=5``). What is not fine is a model that imports, is
listed, and fails with a traceback when it runs.
"""

from __future__ import annotations

import sys

import pytest

import simlab as sl
from simlab import Param
from simlab.errors import SimlabError

from .conftest import invoke

NAMES = ["items", "keys", "values", "get"]


def main(rt, p, sim):
    yield sim.signal.recv()


def define(name: str) -> sl.Model:
    return sl.Model(name="m", summary="m", params=(Param(name, 3, "how many"),), main=main)


@pytest.mark.parametrize("name", NAMES)
def test_refused_when_the_model_is_defined_or_read_like_any_parameter(name):
    try:
        model = define(name)
    except (ValueError, SimlabError) as exc:
        assert name in str(exc) and "\n" not in str(exc)
        return
    p = model.resolve({})
    assert getattr(p, name) == 3 and p[name] == 3
    assert getattr(model.resolve({name: "5"}), name) == 5
    assert dict(p)[name] == 3


MODULE = """
import simlab as sl
from simlab import Param


def main(rt, p, sim):
    yield sim.signal.recv()


MODEL = sl.Model(name="m", summary="m", params=(Param({name!r}, 3, "how many"),), main=main)
"""


@pytest.mark.parametrize("name", NAMES)
def test_simlab_run_says_it_in_one_line_or_runs(name, tmp_path, monkeypatch, capsys):
    module = f"simlab_test_param_{name}"
    (tmp_path / f"{module}.py").write_text(MODULE.format(name=name))
    (tmp_path / "experiments").mkdir()
    (tmp_path / "experiments" / "m.toml").write_text(
        f'description = "m"\nmodel = "{module}"\n[params]\nduration = "2s"\nsample_every = "1s"\n'
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delitem(sys.modules, module, raising=False)
    try:
        code, out, err = invoke(
            capsys, "run", "m", "--no-write", "--jobs", "1", "--set", f"{name}=4"
        )
    except Exception as exc:  # what the user would see as a traceback
        pytest.fail(f"simlab run raised {type(exc).__name__}: {exc}")
    finally:
        sys.modules.pop(module, None)
    if code == 2:
        assert len(err.strip().splitlines()) == 1 and name in err, err
    else:
        assert code == 0, err
        assert out.startswith("m: m\n")
