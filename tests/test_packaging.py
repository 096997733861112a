"""What installing simlab installs: simlab, with its models and experiments inside it.

The repository keeps ``models/`` and ``experiments/`` at its top; the wheel must
carry them as ``simlab/_bundled/...`` and put no top-level package ``models`` into
site-packages. The wheel is built offline from a copy of the sources (setuptools
from the test environment) and then run from a directory that has no
experiments, the way a user who ran ``pip install simlab`` would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "simlab", "models", "experiments")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=ignore)
        else:
            shutil.copy2(path, src / name)
    out = tmp_path_factory.mktemp("wheel")
    offline = ["--no-deps", "--no-build-isolation", "--no-index", "--disable-pip-version-check"]
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(src), *offline, "-q", "-w", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("simlab-*.whl")
    return built


def names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        return set(z.namelist())


def test_the_wheel_installs_no_top_level_models_package(wheel: Path) -> None:
    tops = {n.split("/")[0] for n in names(wheel)}
    assert all(t == "simlab" or t.endswith(".dist-info") for t in tops), tops
    with zipfile.ZipFile(wheel) as z:
        info = next(n for n in z.namelist() if n.endswith(".dist-info/top_level.txt"))
        assert z.read(info).decode().split() == ["simlab"]


def test_the_wheel_bundles_every_model_and_experiment(wheel: Path) -> None:
    inside = names(wheel)
    experiments = sorted(p.name for p in (ROOT / "experiments").glob("*.toml"))
    assert experiments, "the repository has experiments"
    missing = [e for e in experiments if f"simlab/_bundled/experiments/{e}" not in inside]
    assert not missing, missing
    models = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "models").rglob("*.py"))
    missing = [m for m in models if f"simlab/_bundled/{m}" not in inside]
    assert not missing, missing


def test_the_wheel_holds_every_simlab_package_and_py_typed(wheel: Path) -> None:
    inside = names(wheel)
    assert "simlab/py.typed" in inside
    packages = [p.relative_to(ROOT).as_posix() for p in (ROOT / "simlab").rglob("__init__.py")]
    assert not [p for p in packages if p not in inside]


def test_installed_simlab_finds_its_experiments_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    """The wheel unpacked (a pure-Python wheel installs by unpacking) and put first
    on the path, run from an empty directory: ``list`` shows the bundled
    experiments and one of them runs, while ``import models`` fails."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}

    def python(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
        )

    where = python("-c", "import simlab; print(simlab.__file__)")
    assert where.stdout.strip() == str(site / "simlab" / "__init__.py"), where.stderr
    assert "No module named 'models'" in python("-c", "import models").stderr
    listed = python("-m", "simlab", "list")
    assert listed.returncode == 0, listed.stderr
    assert "  zoo-lostcancel " in listed.stdout and "  fase6 " in listed.stdout
    assert "models.zoo.lostcancel" in listed.stdout
    ran = python("-m", "simlab", "run", "zoo-lostcancel", "--seed", "1", "--jobs", "1")
    assert ran.returncode == 0, ran.stderr
    assert "variant  growth/min" in ran.stdout
    assert (cwd / "results" / "zoo-lostcancel" / "summary.json").is_file()


# --- where simlab finds models and experiments: the working directory first ------

MINE = """
description = "mine"
model = "{model}"
[params]
duration = "1m"
"""

OWN_MODEL = """
import simlab as sl


def main(rt, p, sim):
    yield sim.signal.recv()


MODEL = sl.Model(name="own", summary="a model of my own", params=(), main=main)
"""


def test_the_working_directory_comes_first(tmp_path: Path, monkeypatch) -> None:
    from simlab.lab.experiment import available, load_experiment

    (tmp_path / "experiments").mkdir()
    (tmp_path / "experiments" / "mine.toml").write_text(MINE.format(model="models.zoo.lostcancel"))
    (tmp_path / "experiments" / "fase6.toml").write_text(MINE.format(model="models.workerpool"))
    monkeypatch.chdir(tmp_path)
    names = available()
    assert "mine" in names and "zoo-lostcancel" in names  # its own, and the bundled ones
    assert names == sorted(names)
    assert load_experiment("fase6").model_name == "models.workerpool"  # its own wins
    assert load_experiment("fase3").model_name == "models.logmonitor"


def test_a_model_of_the_working_directory_is_found(tmp_path: Path, monkeypatch) -> None:
    from simlab.lab.model import load_model

    package = tmp_path / "simlab_test_own_models"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "own.py").write_text(OWN_MODEL)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delitem(sys.modules, package.name, raising=False)
    try:
        model = load_model(f"{package.name}.own")
        assert model.name == "own"
        assert sys.modules[package.name].__file__ == str(package / "__init__.py")
    finally:
        for name in [n for n in sys.modules if n.split(".")[0] == package.name]:
            del sys.modules[name]


def test_models_of_your_own_sit_beside_the_bundled_ones(tmp_path: Path) -> None:
    """A ``models/`` package in the working directory adds to simlab's: ``list``
    loads both kinds of experiment in one process, and each runs."""
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "__init__.py").write_text("")
    (tmp_path / "models" / "own.py").write_text(OWN_MODEL)
    (tmp_path / "experiments").mkdir()
    (tmp_path / "experiments" / "mine.toml").write_text(MINE.format(model="models.own"))

    def simlab(*argv: str) -> subprocess.CompletedProcess[str]:
        # -I: the working directory is not on sys.path, as for the `simlab` script
        return subprocess.run(
            [sys.executable, "-I", "-m", "simlab", *argv],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )

    listed = simlab("list")
    assert listed.returncode == 0, listed.stderr
    assert "  mine " in listed.stdout and "  zoo-lostcancel " in listed.stdout
    assert "models.own " in listed.stdout and "models.logmonitor " in listed.stdout
    ran = simlab("run", "mine", "--no-write", "--jobs", "1")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("mine: mine\nmodel models.own")
