"""What real Go 1.27.3 printed for the conformance programs (tests/conformance/).

``GO[name]`` is one program's recording (see tests/conformance/README.md for the
schema); :func:`headers` reads a simlab dump the way the recorder reads Go's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

RECORDED = Path(__file__).resolve().parent / "conformance" / "recorded.json"
GO = {p["name"]: p for p in json.loads(RECORDED.read_text())["programs"]}


def headers(dump: str) -> list[str]:
    """The goroutine header lines of a dump, numbered as the recorder does (main
    keeps 1, every other goroutine is N; the minutes of a long wait dropped)."""
    out = []
    for line in dump.splitlines():
        m = re.fullmatch(r"goroutine (\d+) \[(.*?)(?:, \d+ minutes)?\]:", line)
        if m:
            out.append(f"goroutine {m[1] if m[1] == '1' else 'N'} [{m[2]}]:")
    return out
