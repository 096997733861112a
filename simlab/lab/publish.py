"""``results/NAME``: written aside, swapped in at once, never lost, never mixed.

Each ``simlab run`` writes its results into a directory of its own,
``results/.NAME.versions/<unique>/``, created (which checks that the destination
can be written) before any simulation runs. When everything is written,
``results/NAME`` becomes a symbolic link to it, by renaming a new link over the
old one: one ``rename(2)``, atomic, so that at every instant ``results/NAME`` is
the previous complete results or the new complete ones, whatever is killed when.
The previous version is then deleted.

Every step that reads or changes ``.NAME.versions/`` (creating a version,
swapping the link, cleaning up) holds ``.NAME.versions/.lock`` (``flock``), for
milliseconds; a run holds ``<unique>.lock`` as long as it writes its version. A
version that is not the one ``results/NAME`` points to and whose lock nobody
holds was left by a run that crashed or lost a race: the next run deletes it.

A ``results/NAME`` that is a plain directory (written by an older simlab) is
moved into ``.NAME.versions/`` the first time; only then is there an instant
without ``results/NAME``.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import SimlabError

MAX_NAME = 200  # bytes: .NAME.versions/ and its entries must fit in 255


def _checkpoint(step: str) -> None:
    """Between two steps of writing (tests pause or kill a run here)."""


def _explain(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return exc.strerror or str(exc)


@contextlib.contextmanager
def _locked(path: Path, blocking: bool = True) -> Iterator[bool]:
    """Hold ``flock`` on ``path`` (made if missing); yields False if someone else holds
    it and ``blocking`` is off. A lock file deleted while we waited is made again."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(fd)
            yield False
            return
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield True
    finally:
        os.close(fd)


class Destination:
    """Where one run's ``results/NAME/`` goes: :meth:`prepare`, write into
    :attr:`staging`, then :meth:`publish` (or :meth:`discard`)."""

    def __init__(self, root: Path, name: str):
        self.root = root
        self.name = name
        self.final = root / name
        self.versions = root / f".{name}.versions"
        self.staging: Path | None = None
        self._lock_fd: int | None = None
        self._made_root = False

    @contextlib.contextmanager
    def _versions_locked(self) -> Iterator[None]:
        """Hold the lock of ``.NAME.versions/`` (made if missing, even meanwhile)."""
        with contextlib.ExitStack() as stack:
            while True:
                self.versions.mkdir(exist_ok=True)
                try:
                    stack.enter_context(_locked(self.versions / ".lock"))
                    break
                except FileNotFoundError:  # removed meanwhile by a run that wrote nothing
                    continue
            yield

    def prepare(self) -> Path:
        """Check that results can be written there and make this run's directory;
        a :class:`SimlabError` names the problem otherwise."""
        where = f"--out {self.root}"
        if len(self.name.encode()) > MAX_NAME or "/" in self.name or self.name.startswith("."):
            raise SimlabError(
                f"cannot write results for an experiment named {self.name[:40]!r}...: a "
                f"results folder name is at most {MAX_NAME} bytes, without '/' or a leading '.'"
            )
        try:
            self._made_root = not self.root.exists()
            self.root.mkdir(parents=True, exist_ok=True)
            if self.final.exists() and not self.final.is_dir():
                raise SimlabError(
                    f"{self.final} exists and is not a results folder; move it away first"
                )
            with self._versions_locked():
                self._clean()
                self.staging = Path(tempfile.mkdtemp(dir=self.versions, prefix="v"))
                mask = os.umask(0o022)
                os.umask(mask)
                self.staging.chmod(0o777 & ~mask)  # as an ordinary new folder, not 0700
                self._lock_fd = os.open(self._lockfile(self.staging), os.O_RDWR | os.O_CREAT)
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        except OSError as exc:
            self.discard()
            raise SimlabError(f"{where}: cannot write results there: {_explain(exc)}") from None
        return self.staging

    def prepared(self) -> Path:
        """The directory :meth:`prepare` made, to write into."""
        if self.staging is None:
            raise RuntimeError("Destination.prepare() first")
        return self.staging

    @staticmethod
    def _lockfile(version: Path) -> Path:
        return version.with_name(version.name + ".lock")

    def _current(self) -> str | None:
        """The version ``results/NAME`` points to, if it is a link into the versions."""
        try:
            target = os.readlink(self.final)
        except OSError:
            return None
        return Path(target).name

    def _clean(self) -> None:
        """Delete versions nobody uses: not current, not locked by a live run (lock held)."""
        current = self._current()
        for entry in sorted(self.versions.iterdir()):
            if entry.name == ".lock" or entry.name == current:
                continue
            if entry.name.endswith(".link"):
                entry.unlink(missing_ok=True)  # a link made by a run killed before the swap
                continue
            if entry.name.endswith(".lock"):
                if not (self.versions / entry.name[: -len(".lock")]).exists():
                    with _locked(entry, blocking=False) as free:
                        if free:
                            entry.unlink(missing_ok=True)
                continue
            if entry == self.staging:
                continue
            lock = self._lockfile(entry)
            with _locked(lock, blocking=False) as free:
                if free:
                    shutil.rmtree(entry, ignore_errors=True)
                    lock.unlink(missing_ok=True)

    def publish(self) -> Path:
        """Make the written directory ``results/NAME``, atomically; delete the old one."""
        assert self.staging is not None, "prepare() first"
        _checkpoint("written")
        link = self.staging.with_name(self.staging.name + ".link")
        with self._versions_locked():
            if self.final.is_dir() and not self.final.is_symlink():  # an older simlab's
                os.rename(self.final, tempfile.mkdtemp(dir=self.versions, prefix="old"))
            os.symlink(f"{self.versions.name}/{self.staging.name}", link)
            _checkpoint("linked")
            os.replace(link, self.final)  # the one atomic step
            _checkpoint("published")
            self._release()
            self._clean()
        self.staging = None
        return self.final

    def _release(self) -> None:
        if self._lock_fd is not None:
            if self.staging is not None:
                self._lockfile(self.staging).unlink(missing_ok=True)
            os.close(self._lock_fd)
            self._lock_fd = None

    def discard(self) -> None:
        """Remove what this run wrote; ``results/NAME`` is left as it was, and a
        destination that had no results is left as it was found."""
        if self.staging is None:
            self._release()
            return
        shutil.rmtree(self.staging, ignore_errors=True)
        self._release()
        self.staging = None
        with contextlib.suppress(OSError), self._versions_locked():
            left = {e.name for e in self.versions.iterdir()}
            if left == {".lock"} and not self.final.is_symlink():
                (self.versions / ".lock").unlink()
                self.versions.rmdir()
        if self._made_root:
            with contextlib.suppress(OSError):
                self.root.rmdir()  # only if empty
