"""What golib keeps for one run of a program, in ``rt.library_state``: the run's
heap addresses, environment, standard logger, test binary and the rest
(:class:`_RunState`), each made at its first use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

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
