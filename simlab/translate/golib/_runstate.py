"""What golib keeps for one run of a program, in ``rt.library_state``: the run's
heap addresses, environment, standard logger, test binary and the rest
(:class:`_RunState`), each made at its first use.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from types import FrameType
from typing import TYPE_CHECKING, Any

import simlab as sl

if TYPE_CHECKING:
    from ._log import Logger
    from ._runtime import ProfileWrite
    from ._testing import TestBinary


@dataclass
class _RunState:
    """What this library keeps for one run of a program, in ``rt.library_state``."""

    addresses: dict[int, tuple[Any, int]] = field(default_factory=dict)  # id -> (obj, addr)
    captured: list[ProfileWrite] | None = None  # profiles kept instead of printed
    rand: Any = None  # math/rand's source: the run's workload stream 7
    # (id(obj), field) -> (obj, the field's identity): obj is kept, so that no object
    # made later at its address takes the identity (the allocator's choice, not the same
    # in every run of a schedule)
    atomic_ids: dict[tuple[int, Any], tuple[Any, int]] = field(default_factory=dict)
    env: dict[str, str] | None = None  # the process's environment, copied at first use
    args: list[str] | None = None  # os.Args, made at first use
    binary: TestBinary | None = None  # the test binary's, while one runs
    bubbled: int = 0  # the time its synctest bubbles took, once it has ended
    logger: Logger | None = None  # the standard logger, made at its first use
    slog_default: Any = None  # log/slog's default logger, made at its first use


_LIBRARY = __name__.rpartition(".")[0]  # the key in rt.library_state: golib's name


def _state(rt: Any) -> _RunState:
    state = rt.library_state.get(_LIBRARY)
    if state is None:
        state = rt.library_state[_LIBRARY] = _RunState()
    return state


def _binary(rt: Any) -> TestBinary | None:
    return _state(rt).binary


def _calling_runtime() -> sl.Runtime | None:
    """The run whose program called: the ``rt`` of the nearest model module on the
    stack, or None outside a run (fmt finds a pointer's address or a time's bubble
    by it, so that a model's ``go.println(p)`` needs no runtime argument)."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        rt = frame.f_globals.get("rt")
        if isinstance(rt, sl.Runtime):
            return rt
        frame = frame.f_back
    return None
