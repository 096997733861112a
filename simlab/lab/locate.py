"""Where simlab finds models and experiments: the working directory first, then its own.

``simlab run NAME`` reads ``experiments/NAME.toml`` from the first of these roots
that has it, and an experiment's ``model = "models.x"`` is the module
``models/x.py`` of the first root that has that file, else whatever Python
imports by that name (a package of your own, installed). A name without a dot,
``model = "x"``, is ``x.py`` of a root, else ``models/x.py`` of that root (root
by root, in order). The roots are:

1. the working directory;
2. the models and experiments that come with simlab: ``simlab/_bundled/`` in an
   installed simlab (the wheel carries the repository's ``models/`` and
   ``experiments/`` there, see pyproject.toml, so that installing simlab installs no
   top-level package ``models``), or the top of the repository in a checkout.

A package of that name in several roots is one package whose modules are looked
for in each, in that order: a ``models/mine.py`` of your own beside the bundled
``models/logmonitor.py``, whether or not your ``models/`` has an ``__init__.py``.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from collections.abc import MutableSequence
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parents[1]  # simlab/
BUNDLED = PACKAGE / "_bundled"


def bundled_root() -> Path | None:
    """``simlab/_bundled`` when installed; the repository's top in a checkout."""
    if BUNDLED.is_dir():
        return BUNDLED
    checkout = PACKAGE.parent
    if (checkout / "experiments").is_dir() and (checkout / "models").is_dir():
        return checkout
    return None


def roots() -> list[Path]:
    """The directories searched, in order: the working directory, then the bundled root."""
    found = [Path.cwd().resolve()]
    bundled = bundled_root()
    if bundled is not None and bundled not in found:
        found.append(bundled)
    return found


def experiment_files() -> dict[str, Path]:
    """Every experiment by name, sorted; the working directory's hide bundled ones
    of the same name."""
    found: dict[str, Path] = {}
    for root in reversed(roots()):
        for path in (root / "experiments").glob("*.toml"):
            found[path.stem] = path
    return dict(sorted(found.items()))


def import_model_module(dotted: str) -> ModuleType:
    """Import ``dotted`` (``models.zoo.lostcancel``) from the first root that holds
    its file; a bare ``pipeline`` may also be ``models/pipeline.py``; else as Python
    would."""
    dotted = _resolve_bare_name(dotted)
    top = dotted.partition(".")[0]
    if top not in sys.modules:
        relative = Path(*dotted.split("."))
        for root in roots():
            if _holds(root, relative):
                _import_top_level(top, root)
                break
    package = sys.modules.get(top)
    if package is not None and isinstance(getattr(package, "__path__", None), list):
        _search_every_root(package.__path__, top)  # a package's list of dirs
    return importlib.import_module(dotted)


def _holds(root: Path, relative: Path) -> bool:
    """Whether ``root`` has the module file or package of ``relative`` (``models/x``)."""
    return (root / relative).with_suffix(".py").is_file() or (
        root / relative / "__init__.py"
    ).is_file()


def _resolve_bare_name(dotted: str) -> str:
    """``pipeline`` is ``pipeline.py`` of the first root that has it or its
    ``models/pipeline.py``, root by root; a dotted name or a name no root holds is
    left as it is."""
    if "." in dotted or dotted in sys.modules:
        return dotted
    for root in roots():
        if _holds(root, Path(dotted)):
            return dotted
        if _holds(root, Path("models", dotted)):
            return f"models.{dotted}"
    return dotted


def _import_top_level(name: str, root: Path) -> None:
    """Import the top-level package or module ``name`` from ``root`` only."""
    spec = importlib.machinery.PathFinder.find_spec(name, [str(root)])
    if spec is None:
        return
    if spec.submodule_search_locations is not None:
        # a folder without __init__.py (a namespace package, no loader) gets a plain
        # list too, so that _search_every_root can add the other roots' folders to it
        spec.submodule_search_locations = list(spec.submodule_search_locations)
    elif spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        if spec.loader is not None:
            spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise


def _search_every_root(path: MutableSequence[str], name: str) -> None:
    """Let the package ``name`` find its modules in every root that has a folder of
    that name, in the roots' order (as ``pkgutil.extend_path`` does): ``models.mine``
    from the working directory's ``models/``, ``models.logmonitor`` from simlab's."""
    mine = [str(root / name) for root in roots() if (root / name).is_dir()]
    path[:] = [*mine, *(p for p in path if p not in mine)]
