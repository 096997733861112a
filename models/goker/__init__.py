"""Hand ports of GoKer programs: one per GoBench category of blocking bug.

Go 1.27 ships GoKer's programs under ``$GOROOT/src/runtime/testdata/
testgoroutineleakprofile/goker/``; ``simlab goker`` translates them at run time.
These are the same bugs written by hand as simlab models, one per category:

=================  ==================  ==================================================
module             GoKer program       category (GoBench)
=================  ==================  ==================================================
device_delete      Moby4951            Resource / AB-BA deadlock
range_cache        Cockroach6181       Resource / RWR deadlock
watch_stop         Kubernetes25331     Communication / Channel & Context
broadcast_stop     Etcd6873            Mixed / Channel & Lock
plugin_activate    Moby30408           Communication / Condition Variable
plugin_init        Moby25348           Mixed / Misuse WaitGroup
=================  ==================  ==================================================

Each module names its program (``PROGRAM``) and has ``main(rt, out)``: the
program's entry function, which ends as the GoKer program does, by appending the
goroutineleak profile (debug=2) to ``out`` after a pause. Its goroutines carry
the Go program's function names (``@sl.gofunc``), so Go's test reads the same
leaks from its profile (``simlab.translate.goker.extract_leaks``) as from the
translation's; tests/test_goker.py checks that they are the same.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

import simlab as sl
from simlab.errors import SimlabError

PORTS = (
    "device_delete",
    "range_cache",
    "watch_stop",
    "broadcast_stop",
    "plugin_activate",
    "plugin_init",
)


def port(name: str) -> ModuleType:
    """The port module ``models.goker.<name>``."""
    return importlib.import_module(f"{__name__}.{name}")


@dataclass
class PortRun:
    strategy: str
    seed: int
    outcome: str  # "profiled", or how the run ended without a profile
    profile: str  # the goroutineleak profile at debug=2


def run(module: ModuleType, strategy: str = "fifo", seed: int = 0) -> PortRun:
    """One schedule of a port, until it has written its goroutineleak profile."""
    out: list[str] = []
    rt = sl.Runtime(seed=seed, strategy=strategy)
    try:
        rt.run(module.main, out, until=sl.Minute)
        outcome = "profiled" if out else "no profile written"
    except SimlabError as err:
        outcome = f"{type(err).__name__}: {str(err).splitlines()[0]}"
    return PortRun(strategy, seed, outcome, "\n\n".join(out))
