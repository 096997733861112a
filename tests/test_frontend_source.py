"""The translator's front end is Go code: it reads as gofmt writes Go, and go vet
finds nothing in it, the checks a Go reviewer runs before reading it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from simlab.translate import toolchain

FRONTEND = Path(__file__).resolve().parent.parent / "simlab" / "translate" / "frontend"


def test_the_front_end_is_gofmt_formatted() -> None:
    go, _ = toolchain.go_binary()
    gofmt = go.with_name("gofmt" + go.suffix)
    listed = subprocess.run(
        [str(gofmt), "-l", "."], cwd=FRONTEND, capture_output=True, text=True, check=True
    )
    assert listed.stdout == ""  # the files gofmt would change


def test_go_vet_finds_nothing_in_the_front_end() -> None:
    go, env = toolchain.go_binary()
    vet = subprocess.run(
        [str(go), "vet", "."],
        cwd=FRONTEND,
        env=toolchain.go_env(env),
        capture_output=True,
        text=True,
    )
    assert vet.returncode == 0, vet.stderr
