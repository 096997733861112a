"""Exploring schedules: run one configuration under many seeds, check its properties.

``explore`` runs N schedules (seeds ``base .. base+N-1`` under a strategy such as
``random`` or ``pct``), in worker processes, and counts for each property of the
model the schedules that broke it. The first failing schedule is reported with
the command that replays it and shrunk: its decisions, as deviations from
``fifo``, are cut down (delta debugging, Zeller and Hildebrandt 2002) to as few as
still break the same property, and that run is shown with the goroutine dump of
the moment the property broke and the leak oracles' verdicts.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import math
import os
import shlex
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SimlabError
from ..sched.schedule import Schedule
from ..sched.strategies import Replay
from .experiment import Experiment
from .model import Model, Params, load_model
from .pool import WorkerDied, open_pool
from .runner import Interrupted, _Progress
from .simulation import RunRecord, run_model

SHRINK_BUDGET = 300  # runs the shrinker may spend
MAX_SCHEDULES = 1_000_000  # per explore: a million outcomes are about 300 MB
BATCH = 100  # schedules per task at most: the unit of progress, streaming and retries


@dataclass
class Outcome:
    """What one explored schedule did: the properties it broke, its digest."""

    seed: int
    failed: list[str]
    digest: str


@dataclass
class Shrunk:
    """The simplest schedule found that still breaks ``property``, and its run."""

    property: str
    schedule: Schedule
    started_from: int  # deviations of the schedule it was shrunk from
    runs: int
    record: RunRecord


@dataclass
class Exploration:
    """Counts per property over every explored schedule, and the first failure."""

    name: str
    params: Params
    strategy: str
    base_seed: int
    outcomes: list[Outcome]
    properties: list[str]
    shrunk: Shrunk | None = None
    seconds: float = 0.0
    overrides: dict[str, str] = field(default_factory=dict)  # --set, as replay takes them
    scenario: str = ""
    lost: list[int] = field(default_factory=list)  # seeds whose worker died twice
    lost_reason: str = ""
    workers: int = 1
    asked: int = 0  # schedules asked for (``outcomes`` holds fewer if the search stopped early)
    changed: dict[str, str] = field(default_factory=dict)  # params unlike the model's defaults
    row: int = 1  # of ``rows``, counted from 1 as `simlab run` lists them
    rows: int = 1
    workload_seed: int | None = None  # fixed workload and faults; None: each seed's own
    stopped: str = ""  # why the search ended early: "fail-fast", "time budget"
    stream: str = ""  # the JSON-lines file the outcomes went to
    resumed: int = 0  # outcomes read back from the stream, not run again
    where: str = ""  # "2 workers", "local:2 (2 workers)"
    fail_fast: bool = False
    max_time: str = ""  # the time budget, as given (e.g. "30s")
    source: str = ""  # the experiment as the command named it (a path to a file, say)

    def failures(self, prop: str) -> list[int]:
        return [o.seed for o in self.outcomes if prop in o.failed]

    def failing_seeds(self) -> list[int]:
        return [o.seed for o in self.outcomes if o.failed]

    def ok(self) -> bool:
        return not self.failing_seeds()

    def exit_status(self) -> int:
        """0: every property held; 1: one broke; 3: some schedules were lost (a worker died)."""
        if self.failing_seeds():
            return 1
        return 3 if self.lost else 0

    def replay_command(self, seed: int, schedule: Schedule | None = None) -> str:
        parts = ["simlab replay", shlex.quote(self.source or self.name), f"--seed {seed}"]
        if self.workload_seed is not None:
            parts.append(f"--workload-seed {self.workload_seed}")
        if schedule is not None:
            parts.append(f"--schedule {schedule}")
        else:
            parts.append(f"--strategy {self.strategy}")
        if self.scenario:
            parts.append(f'--scenario "{self.scenario}"')
        parts += [f"--set {k}={v}" for k, v in self.overrides.items()]
        return " ".join(parts)


def _explore_batch(
    model_name: str,
    values: dict[str, Any],
    seeds: list[int],
    strategy: str,
    options: dict[str, Any] | None = None,
) -> list[Outcome]:
    """The outcomes of ``seeds``. ``options``: ``workload_seed``; ``fail_fast`` (stop
    after the first failing seed); ``deadline`` (``time.time()`` after which no seed
    starts: the search's time budget decides how many runs happen, never what one does)."""
    opts = options or {}
    model = load_model(model_name)
    params = model.resolve(values)
    out = []
    for seed in seeds:
        if opts.get("deadline") is not None and time.time() >= opts["deadline"]:
            break
        record = run_model(
            model,
            params,
            seed,
            strategy,
            properties=model.properties,
            workload_seed=opts.get("workload_seed"),
        )
        out.append(Outcome(seed, list(record.violations), record.digest))
        if record.violations and opts.get("fail_fast"):
            break
    return out


def choose_row(exp: Experiment, row: int | None) -> tuple[int, int, str, Params]:
    """``(row, rows, scenario, params)``: row ``row`` (from 1) of the experiment, the first
    if None."""
    rows = exp.rows()
    n = 1 if row is None else row
    if not 1 <= n <= len(rows):
        raise SimlabError(
            f"--row {row}: {exp.name} has {len(rows)} row{'s' if len(rows) > 1 else ''} "
            f"(1..{len(rows)}, in the order `simlab run {exp.name}` lists them)"
        )
    scenario, params = rows[n - 1]
    return n, len(rows), scenario, params


def _changed(exp: Experiment, params: Params) -> dict[str, str]:
    """The parameters whose value is not the model's default: ``--set`` ones first, as
    they were typed."""
    out = {}
    for p in exp.model.all_params():
        if params[p.name] != p.parse(p.default):
            out[p.name] = p.show(params[p.name])
    shown = {k: str(exp.overrides[k]) for k in exp.overrides if k in out}
    for k, v in out.items():
        shown.setdefault(k, v)
    return shown


def explore(
    exp: Experiment,
    schedules: int,
    strategy: str,
    jobs: int,
    base_seed: int = 0,
    progress: bool = True,
    shrink: bool = True,
    *,
    cluster: str | None = None,
    row: int | None = None,
    workload_seed: int | None = None,
    fail_fast: bool = False,
    max_seconds: float | None = None,
    stream: Path | None = None,
    resume: Path | None = None,
    stream_root: Path | None = None,
    announce: Callable[[Exploration], None] | None = None,
) -> Exploration:
    """Run one row of the experiment (the first, or ``row``) under ``schedules`` seeds.

    ``cluster`` runs them on a Dask cluster instead of ``jobs`` local processes;
    ``workload_seed`` fixes the workload and faults streams while each seed gives its
    schedule; ``fail_fast`` stops at the first failure, ``max_seconds`` after that
    much wall-clock time (both then count only the schedules that ran). Outcomes are
    appended to ``stream`` (or a file of their own under ``stream_root``) as they
    arrive; ``resume`` reads such a file back and runs only the seeds it does not
    hold. ``announce(result)`` sees the configuration before anything runs. Ctrl-C
    raises :class:`~simlab.lab.runner.Interrupted`, saying how many schedules had run
    and whether a property broke in them."""
    if strategy.partition(":")[0] == "dfs":  # exhaustive search: one process, one seed
        from .exhaust import exhaust

        refuse = {"--cluster": cluster, "--workload-seed": workload_seed, "--stream": stream}
        return exhaust(
            exp, schedules, strategy, base_seed, row=row, progress=progress, shrink=shrink,
            fail_fast=fail_fast, max_seconds=max_seconds, refuse={**refuse, "--resume": resume},
        )  # fmt: skip
    if schedules > MAX_SCHEDULES:
        raise SimlabError(
            f"--schedules {schedules:,}: at most {MAX_SCHEDULES:,} in one explore "
            "(run several, each with its own --seed, to cover more)"
        )
    n_row, n_rows, scenario, params = choose_row(exp, row)
    model = exp.model
    if workload_seed is not None and workload_seed < 0:
        raise SimlabError(f"--workload-seed {workload_seed}: a seed is 0 or more")
    start = time.monotonic()
    pinned = {n: model.param(n).show(params[n]) for n in exp.sweep}
    result = Exploration(
        exp.name,
        params,
        strategy,
        base_seed,
        [],
        [p.name for p in model.properties],
        overrides={**{k: str(v) for k, v in exp.overrides.items()}, **pinned},
        scenario=scenario,
        asked=schedules,
        changed=_changed(exp, params),
        row=n_row,
        rows=n_rows,
        workload_seed=workload_seed,
    )
    header = stream_header(exp, result)
    done: dict[int, Outcome] = {}
    out: Stream | None = None
    if resume is not None:
        out, earlier = Stream.resume(resume, header)
        done = {o.seed: o for o in earlier if base_seed <= o.seed < base_seed + schedules}
    elif stream is not None:
        out = Stream.create(stream, header)
    elif stream_root is not None:
        out = Stream.create(default_stream(exp, header, stream_root), header)
    result.stream = str(out.path) if out is not None else ""
    result.resumed = len(done)
    todo = [s for s in range(base_seed, base_seed + schedules) if s not in done]
    if fail_fast and any(o.failed for o in done.values()):
        todo, result.stopped = [], "fail-fast"  # the stream already holds a failure
    outcomes: list[Outcome] = list(done.values())
    lost: list[int] = []
    try:
        with open_pool(jobs, cluster, len(todo), exp.model_name) as pool:
            workers = pool.workers
            result.workers = workers
            result.where = (
                f"{cluster} ({workers} worker{'s' if workers > 1 else ''})"
                if cluster
                else f"{workers} worker{'s' if workers > 1 else ''}"
            )
            if announce is not None:
                announce(result)
            per_task = max(1, min(BATCH, math.ceil(len(todo) / (workers * 8))))
            batches = [todo[i : i + per_task] for i in range(0, len(todo), per_task)]
            options: dict[str, Any] = {}
            if workload_seed is not None:
                options["workload_seed"] = workload_seed
            if fail_fast:
                options["fail_fast"] = True
            if max_seconds is not None:
                options["deadline"] = time.time() + max_seconds - (time.monotonic() - start)
            base = (exp.model_name, dict(params), strategy)
            args = [(*base[:2], b, base[2], *([options] if options else [])) for b in batches]
            bar = _Progress(schedules, f"simlab explore {exp.name}", progress, "schedules")
            bar.advance(len(outcomes), failed=sum(bool(o.failed) for o in outcomes))
            with contextlib.closing(pool.run(_explore_batch, args)) as results:
                for n, value in results:
                    if isinstance(value, WorkerDied):
                        lost += batches[n]
                        result.lost_reason = str(value)
                        continue
                    outcomes += value
                    if out is not None:
                        out.append(value)
                    failed = sum(bool(o.failed) for o in value)
                    bar.advance(len(outcomes), failed=failed)
                    if failed and fail_fast:
                        result.stopped = "fail-fast"
                        break
            bar.close()
    except KeyboardInterrupt:
        broke = sorted({p for o in outcomes for p in o.failed})
        verdict = (
            f"{', '.join(repr(p) for p in broke)} broke in "
            f"{sum(bool(o.failed) for o in outcomes)} of them"
            if broke
            else "no property broke in them"
        )
        kept = f"; they are in {out.path} (go on with --resume {out.path})" if out else ""
        raise Interrupted(
            f"{len(outcomes)} of {schedules} schedules had run; {verdict}{kept}"
        ) from None
    finally:
        if out is not None:
            out.close()
    if max_seconds is not None and not result.stopped and len(outcomes) + len(lost) < schedules:
        result.stopped = "time budget"
    outcomes.sort(key=lambda o: o.seed)
    result.outcomes = outcomes
    result.lost = sorted(lost)
    failing = result.failing_seeds()
    if shrink and failing:
        first = next(o for o in outcomes if o.failed)
        result.shrunk = shrink_schedule(
            model, params, first.seed, strategy, first.failed[0], workload_seed
        )
    result.seconds = time.monotonic() - start
    return result


# --- the stream: outcomes as JSON lines, as they arrive --------------------------

STREAM_KIND = "simlab explore stream"
COMPARED = ("experiment", "model", "scenario", "params", "strategy", "workload_seed")


def stream_header(exp: Experiment, result: Exploration) -> dict[str, Any]:
    """The first line of a stream: what was explored (a resume must explore the same)."""
    from importlib.metadata import version

    try:
        simlab_version = version("simlab")
    except Exception:
        simlab_version = "unknown"
    return {
        "kind": STREAM_KIND,
        "format": 1,
        "experiment": exp.name,
        "model": exp.model_name,
        "scenario": result.scenario,
        "params": {p.name: p.show(result.params[p.name]) for p in exp.model.all_params()},
        "strategy": result.strategy,
        "workload_seed": result.workload_seed,
        "simlab": simlab_version,
    }


def default_stream(exp: Experiment, header: dict[str, Any], root: Path) -> Path:
    """``root/explore/NAME-KEY.jsonl``, KEY a digest of what is explored: two searches of
    other parameters never share a file; the same search replaces its last stream."""
    key = hashlib.sha256(
        json.dumps([header[k] for k in COMPARED], sort_keys=True).encode()
    ).hexdigest()[:12]
    name = Path(exp.name).stem if exp.name.endswith(".toml") else exp.name
    return root / "explore" / f"{name}-{key}.jsonl"


class Stream:
    """A JSON-lines file of outcomes: the header (:func:`stream_header`) on the first
    line, then one outcome a line, appended whole as batches arrive. One writer at a
    time (``flock``); a line a crash cut short is dropped when the file is resumed."""

    def __init__(self, path: Path, fd: int):
        self.path = path
        self._fd = fd

    @staticmethod
    def _open(path: Path, option: str) -> int:
        try:
            if path.is_dir():
                raise SimlabError(f"{option} {path}: is a directory; give a file name")
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o666)
        except OSError as exc:
            raise SimlabError(
                f"{option} {path}: cannot write there: {exc.strerror or exc}"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise SimlabError(
                f"{option} {path}: another simlab explore is writing it; wait for it or "
                "give another --stream"
            ) from None
        return fd

    @classmethod
    def create(cls, path: Path, header: dict[str, Any]) -> Stream:
        """A new stream at ``path``: a file that is not a stream is never overwritten."""
        fd = cls._open(path, "--stream")
        with os.fdopen(os.dup(fd), "rb") as f:
            first = f.readline()
        if first and _header_of(first) is None:
            os.close(fd)
            raise SimlabError(
                f"--stream {path}: the file exists and is not a simlab explore stream; "
                "give another path"
            )
        os.ftruncate(fd, 0)
        stream = cls(path, fd)
        stream._write([header])
        return stream

    @classmethod
    def resume(cls, path: Path, header: dict[str, Any]) -> tuple[Stream, list[Outcome]]:
        """The stream at ``path`` opened to go on, with the outcomes it holds; refused if
        it explored something else."""
        if not path.is_file():
            raise SimlabError(f"--resume {path}: no such file")
        fd = cls._open(path, "--resume")
        try:
            with os.fdopen(os.dup(fd), "rb") as f:
                data = f.read()
            lines = data.split(b"\n")
            theirs = _header_of(lines[0])
            if theirs is None:
                raise SimlabError(f"--resume {path}: not a simlab explore stream")
            for key in COMPARED:
                if theirs.get(key) != header[key]:
                    what = _differs(key, theirs, header)
                    raise SimlabError(
                        f"--resume {path}: it holds another search ({what}); "
                        "resume with the same experiment, --set, --scenario or --row, "
                        "--strategy and --workload-seed"
                    )
            complete = data.rfind(b"\n") + 1
            if complete < len(data):  # a line a crash cut short
                os.ftruncate(fd, complete)
            outcomes = []
            for k, line in enumerate(data[:complete].split(b"\n")[1:-1], 2):
                try:
                    item = json.loads(line)
                    outcomes.append(
                        Outcome(int(item["seed"]), list(item["failed"]), item["digest"])
                    )
                except (ValueError, KeyError, TypeError):
                    raise SimlabError(f"--resume {path}: line {k} is not an outcome") from None
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd), outcomes

    def _write(self, items: list[dict[str, Any]]) -> None:
        data = "".join(json.dumps(item, separators=(",", ":")) + "\n" for item in items)
        view = memoryview(data.encode())
        while view:
            view = view[os.write(self._fd, view) :]

    def append(self, outcomes: list[Outcome]) -> None:
        if outcomes:
            self._write(
                [{"seed": o.seed, "failed": o.failed, "digest": o.digest} for o in outcomes]
            )

    def close(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.fsync(self._fd)
            os.close(self._fd)  # and the lock with it
            self._fd = -1


def _header_of(line: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(line)
    except ValueError:
        return None
    return data if isinstance(data, dict) and data.get("kind") == STREAM_KIND else None


def _differs(key: str, theirs: dict[str, Any], ours: dict[str, Any]) -> str:
    if key == "params":
        a, b = theirs.get("params") or {}, ours["params"]
        names = [n for n in b if a.get(n) != b[n]] or sorted(set(a) - set(b))
        n = names[0]
        return f"{n}={a.get(n, '?')}, not {n}={b.get(n, '?')}"
    return f"{key} {theirs.get(key)!r}, not {ours[key]!r}"


class CheckedReplay(Replay):
    """A replay that notices when the schedule does not fit the program: a recorded
    option beyond the choices a decision has, or decisions the run never reached."""

    def bind(self, seed: int) -> None:
        super().bind(seed)
        self.misfits: list[tuple[int, int, int]] = []  # (decision, option, choices)

    def _next(self, n: int) -> int:
        option = self._table.get(self._k, 0)
        if option >= n:
            self.misfits.append((self._k, option, n))
        return super()._next(n)

    def check(self, taken: int) -> None:
        """Raise if the run (which took ``taken`` decisions) did not follow the schedule."""
        hint = "a schedule from another experiment, other parameters or another seed?"
        if self.misfits:
            k, option, n = self.misfits[0]
            raise SimlabError(
                f"the schedule does not fit this program: it takes option {option} at "
                f"decision {k}, which has {n} choices ({hint})"
            )
        beyond = [k for k, _ in self.schedule.deviations if k >= taken]
        if beyond:
            raise SimlabError(
                f"the schedule does not fit this program: it sets decision {beyond[0]:,} "
                f"but the run took {taken:,} decisions ({hint})"
            )


def shrink_schedule(
    model: Model,
    params: Params,
    seed: int,
    strategy: str,
    prop: str,
    workload_seed: int | None = None,
) -> Shrunk:
    """Cut the decisions of a failing run down to as few deviations as still break ``prop``."""
    original = run_model(
        model, params, seed, strategy, keep_schedule=True, workload_seed=workload_seed
    )
    start = Schedule.parse(original.schedule)
    runs = 0

    def run(schedule: Schedule) -> RunRecord:
        nonlocal runs
        runs += 1
        return run_model(
            model,
            params,
            seed,
            f"replay:{schedule}",
            properties=model.properties,
            keep_schedule=True,
            leak_check=True,
            workload_seed=workload_seed,
        )

    def fails(schedule: Schedule) -> bool:
        return runs < SHRINK_BUDGET and prop in run(schedule).violations

    pre = start.preemptive
    best = _ddmin(list(start.deviations), lambda devs: fails(Schedule(tuple(devs), pre)))
    best = _lower_options(best, lambda devs: fails(Schedule(tuple(devs), pre)))
    schedule = Schedule(tuple(best), pre)
    return Shrunk(prop, schedule, len(start), runs, run(schedule))


Deviations = list[tuple[int, int]]  # (decision, option) pairs, as a Schedule holds them


def _ddmin(items: Deviations, fails: Callable[[Deviations], bool]) -> Deviations:
    """Zeller's ddmin: a 1-minimal sublist of ``items`` that still ``fails``."""
    if fails([]):
        return []
    n = 2
    while len(items) >= 2:
        size = math.ceil(len(items) / n)
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        for i, chunk in enumerate(chunks):
            if fails(chunk):
                items, n = chunk, 2
                break
            rest = [x for j, c in enumerate(chunks) if j != i for x in c]
            if fails(rest):
                items, n = rest, max(n - 1, 2)
                break
        else:
            if n >= len(items):
                break
            n = min(2 * n, len(items))
    return items


def _lower_options(items: Deviations, fails: Callable[[Deviations], bool]) -> Deviations:
    """Try option 1 wherever a deviation takes a larger one."""
    items = list(items)
    for k, (pos, option) in enumerate(items):
        if option > 1:
            trial = [*items[:k], (pos, 1), *items[k + 1 :]]
            if fails(trial):
                items = trial
    return items


# --- what explore and replay print ---------------------------------------------


def _config(result: Exploration) -> str:
    shown = " ".join(f"{k}={v}" for k, v in (result.changed or result.overrides).items())
    scenario = f'scenario "{result.scenario}"' if result.scenario else ""
    parts = [p for p in (scenario, shown) if p]
    if not parts:
        return "the model's defaults"
    return "; ".join(parts) + (" (the model's defaults otherwise)" if shown else "")


def _seed_ranges(seeds: list[int]) -> str:
    spans: list[list[int]] = []
    for s in seeds:
        if spans and s == spans[-1][1] + 1:
            spans[-1][1] = s
        else:
            spans.append([s, s])
    shown = [f"{a}..{b}" if a != b else str(a) for a, b in spans[:5]]
    return ", ".join(shown) + (", ..." if len(spans) > 5 else "")


def format_header(result: Exploration) -> str:
    """What is about to be explored, exactly: printed before the search starts."""
    n = result.asked or len(result.outcomes) + len(result.lost)
    where = result.where or f"{result.workers} worker{'s' if result.workers > 1 else ''}"
    lines = [
        f"simlab explore {result.name}: {n} schedules, strategy {result.strategy}, "
        f"seeds {result.base_seed}..{result.base_seed + n - 1}, {where}",
        f"configuration: {_config(result)}",
    ]
    if result.rows > 1:
        lines.append(
            f"row {result.row} of {result.rows} (choose another with --row N or --scenario NAME)"
        )
    if result.workload_seed is None:
        lines.append("seeds: a schedule's seed sets its interleaving, its workload and its faults")
    else:
        lines.append(
            "seeds: a schedule's seed sets its interleaving; the workload and faults are "
            f"those of seed {result.workload_seed} in every schedule (--workload-seed)"
        )
    limits = []
    if result.fail_fast:
        limits.append("at the first failure (--fail-fast)")
    if result.max_time:
        limits.append(f"after {result.max_time} (--max-time)")
    if limits:
        lines.append("stops " + " or ".join(limits))
    if result.stream:
        resumed = f" ({result.resumed:,} schedules read back)" if result.resumed else ""
        lines.append(f"outcomes: {result.stream}{resumed}")
    return "\n".join(lines)


def format_verdicts(result: Exploration) -> str:
    """What the search found: a line per property, then the first failure, shrunk."""
    if result.strategy.startswith("dfs"):
        from .exhaust import format_exhaustion

        return format_exhaustion(result)  # type: ignore[arg-type]  # an Exhaustion
    n = len(result.outcomes)
    ran = n - result.resumed
    rate = ran / result.seconds if result.seconds else 0.0
    lines = []
    width = max(len(p) for p in result.properties)
    for prop in result.properties if n else []:
        failed = result.failures(prop)
        verdict = (
            f"FAILED in {len(failed)} of {n} schedules (first: seed {failed[0]})"
            if failed
            else f"held in all {n} schedules"
        )
        lines.append(f"  {prop:<{width}}  {verdict}")
    lines.append("")
    if result.stopped == "time budget":
        lines.append(f"stopped after the time budget: {n:,} of {result.asked:,} schedules")
    elif result.stopped == "fail-fast":
        lines.append(f"stopped at the first failure: {n:,} of {result.asked:,} schedules")
    if result.lost:
        lines.append(
            f"infrastructure error: {len(result.lost)} schedules not explored (seeds "
            f"{_seed_ranges(result.lost)}): {result.lost_reason}"
        )
    if not n:
        lines.append("no schedule ran: nothing to say about the properties")
        return "\n".join(lines)
    if result.ok():
        lines.append(f"every property held ({n} schedules in {result.seconds:.1f} s, {rate:.0f}/s)")
        return "\n".join(lines)
    failing = result.failing_seeds()
    first = next(o for o in result.outcomes if o.failed)
    lines += [
        f"{len(failing)} of {n} schedules failed ({result.seconds:.1f} s, {rate:.0f}/s); "
        f"first failing schedule: seed {failing[0]}",
        f"  replay: {result.replay_command(failing[0])}",
        f"  digest: {first.digest}",
    ]
    if result.shrunk is not None:
        lines += ["", *_format_shrunk(result, result.shrunk)]
    return "\n".join(lines)


def format_exploration(result: Exploration) -> str:
    if result.strategy.startswith("dfs"):
        return format_verdicts(result)  # its own header: see simlab.lab.exhaust
    return format_header(result) + "\n\n" + format_verdicts(result)


def _format_shrunk(result: Exploration, s: Shrunk) -> list[str]:
    v = s.record.violations.get(s.property)
    lines = [
        f'shrunk: "{s.property}" still breaks under {s.schedule.describe()} '
        f"({len(s.schedule)} deviations, from {s.started_from:,}; {s.runs} runs)",
        f"  replay: {result.replay_command(s.record.seed, s.schedule)}",
        f"  digest: {s.record.digest}",
    ]
    if v is not None:
        lines += [f"  {v.headline()}", "", "goroutines at that moment:", v.dump.rstrip()]
    if s.record.leaks:
        from ..observe.leaks import format_groups

        lines += ["", format_groups(s.record.leaks, "the end of the run")]
    return lines


def exploration_json(result: Exploration) -> dict[str, Any]:
    if result.strategy.startswith("dfs"):
        from .exhaust import exhaustion_json

        return exhaustion_json(result)  # type: ignore[arg-type]  # an Exhaustion
    failing = result.failing_seeds()
    data: dict[str, Any] = {
        "experiment": result.name,
        "scenario": result.scenario or None,
        "overrides": result.overrides,
        "strategy": result.strategy,
        "schedules": len(result.outcomes),
        "asked": result.asked,
        "base_seed": result.base_seed,
        "row": result.row,
        "params": result.changed,
        "workload_seed": result.workload_seed,
        "stopped": result.stopped or None,
        "stream": result.stream or None,
        "resumed": result.resumed,
        "seconds": result.seconds,
        "properties": {
            p: {
                "failed": len(result.failures(p)),
                "first_seed": next(iter(result.failures(p)), None),
            }
            for p in result.properties
        },
        "failing_seeds": failing,
        "replay": [result.replay_command(seed) for seed in failing[:10]],
        "digests": {
            o.seed: o.digest for o in result.outcomes if o.failed and o.seed in failing[:10]
        },
        "shrunk": None,
        "lost_seeds": result.lost,
    }
    s = result.shrunk
    if s is not None:
        v = s.record.violations.get(s.property)
        data["shrunk"] = {
            "property": s.property,
            "schedule": str(s.schedule),
            "deviations": len(s.schedule),
            "from_deviations": s.started_from,
            "runs": s.runs,
            "seed": s.record.seed,
            "digest": s.record.digest,
            "replay": result.replay_command(s.record.seed, s.schedule),
            "violation": None if v is None else {"at_ns": v.at, "detail": v.detail, "dump": v.dump},
            "leaks": [g.as_dict() for g in s.record.leaks or []],
        }
    return data


def format_replay(record: RunRecord) -> str:
    lines = [
        f"seed {record.seed}, strategy {record.strategy}",
        f"digest: {record.digest}",
        f"decisions: {len(Schedule.parse(record.schedule)) if record.schedule else 0} deviations",
    ]
    if record.error:
        lines.append(f"the run ended with: {record.error}")
    if not record.violations:
        lines.append("every property held")
    for v in record.violations.values():
        lines.append(v.headline())
    first = next(iter(record.violations.values()), None)
    if first is not None:
        lines += ["", f"goroutines when {first.property!r} broke:", first.dump.rstrip()]
    if record.leaks:
        from ..observe.leaks import format_groups

        lines += ["", format_groups(record.leaks, "the end of the run")]
    return "\n".join(lines)


def replay_json(record: RunRecord) -> dict[str, Any]:
    return {
        "seed": record.seed,
        "strategy": record.strategy,
        "digest": record.digest,
        "error": record.error,
        "violations": [
            {"property": v.property, "at_ns": v.at, "detail": v.detail, "dump": v.dump}
            for v in record.violations.values()
        ],
        "leaks": [g.as_dict() for g in record.leaks or []],
    }
