"""The JSONL output of a run: checked, locked and re-validated before the model loads, then
one whole, flushed (and, for a file, fsynced) line per article.

Resume rules: every existing line is re-read. A brief line marks its id done; an error line
is dropped so that its article is tried again; a line that is not a JSON object with an id
(a corrupt line, a torn last line) is reported and dropped, so its article is redone. A
complete last line without its newline is kept. A file none of whose lines is a brief or an
error line is not ours: it is refused, never truncated. One run at a time per output: a
second run on the same file stops with a one-line error (an flock on `<out>.lock`).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from .errors import OutputError
from .inputs import printable_id

MIN_FREE_BYTES = 1024 * 1024  # below this the output's file system counts as full


class BriefsOutput:
    """Where briefs go: a JSONL file (resumed and locked), a pipe or device (written as it
    is), or standard output (path None)."""

    def __init__(self, path: Path | None, warn: Callable[[str], None] = lambda message: None):
        self.path = path
        self.warn = warn
        self.done: set[str] = set()
        self.retried = 0
        self._lock_fd: int | None = None
        self._lock_path: Path | None = None
        self._handle = None
        self._regular = False
        if path is None:
            return
        self._name = printable_id(path)
        try:
            mode = path.stat().st_mode if path.exists() else None
        except OSError as exc:
            raise OutputError(f"--out {self._name}: {exc.strerror}") from None
        if mode is not None and stat.S_ISDIR(mode):
            raise OutputError(f"--out {self._name} is a directory; give a file name")
        if mode is not None and not stat.S_ISREG(mode):
            self._handle = self._open(path, "ab")  # /dev/null, /dev/stdout, a pipe: nothing to resume
            return
        self._regular = True
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"--out {self._name}: cannot create its directory ({exc.strerror})") from None
        self._lock()
        try:
            self._check_space()
            if mode is not None:
                self._revalidate()
            self._handle = self._open(path, "ab")
        except BaseException:
            self._unlock()
            raise

    def _open(self, path: Path, mode: str):
        try:
            return path.open(mode, buffering=0)  # each line goes down in os.write calls, nothing held back
        except OSError as exc:
            raise OutputError(f"--out {self._name}: cannot write ({exc.strerror})") from None

    def _lock(self) -> None:
        lock_path = self.path.with_name(self.path.name + ".lock")
        import fcntl

        while True:
            try:
                fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise OutputError(f"--out {self._name}: cannot write in its directory ({exc.strerror})") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
                os.close(fd)
                raise OutputError(
                    f"--out {self._name} is being written by another run (pid {holder}); "
                    "wait for it or give another --out"
                ) from None
            # the lock file may have been removed by a run that just ended: lock the current one
            try:
                same = os.fstat(fd).st_ino == os.stat(lock_path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._lock_fd, self._lock_path = fd, lock_path

    def _unlock(self) -> None:
        if self._lock_fd is None:
            return
        with contextlib.suppress(OSError):
            self._lock_path.unlink()
        os.close(self._lock_fd)
        self._lock_fd = None

    def _check_space(self) -> None:
        try:
            facts = os.statvfs(self.path.parent)
        except OSError:
            return
        if facts.f_bavail * facts.f_frsize < MIN_FREE_BYTES:
            raise OutputError(f"--out {self._name}: no space left on its file system")

    def _revalidate(self) -> None:
        """Read every existing line; keep briefs, drop error lines (retried), corrupt lines and
        repeats (reported); rewrite the file atomically when anything is dropped or torn."""
        keep: list[int] = []
        dropped_corrupt: list[int] = []
        records = 0
        needs_rewrite = False
        try:
            with self.path.open("rb") as handle:
                lines = handle.read().split(b"\n")
        except OSError as exc:
            raise OutputError(f"--out {self._name}: cannot read it to resume ({exc.strerror})") from None
        if lines and lines[-1] == b"":
            lines.pop()
        else:
            needs_rewrite = bool(lines)  # a last line without its newline
        for number, raw in enumerate(lines):
            if not raw.strip():
                needs_rewrite = True
                continue
            record = _parse(raw)
            if record is None:
                dropped_corrupt.append(number + 1)
                needs_rewrite = True
                continue
            records += 1
            article_id = str(record["id"])
            if "error" in record:
                self.retried += 1
                needs_rewrite = True
            elif article_id in self.done:
                needs_rewrite = True  # a second copy (two runs before outputs were locked)
            else:
                self.done.add(article_id)
                keep.append(number)
        if lines and records == 0:
            raise OutputError(
                f"--out {self._name} exists and is not a briefs JSONL file (no line is a JSON object with an "
                '"id"); refusing to overwrite it: move it or give another --out'
            )
        if dropped_corrupt:
            shown = ", ".join(map(str, dropped_corrupt[:10])) + (" ..." if len(dropped_corrupt) > 10 else "")
            self.warn(
                f"{self._name}: {len(dropped_corrupt)} line(s) not a brief or error line (line {shown}) "
                "dropped; their articles are redone"
            )
        if needs_rewrite:
            self._rewrite([lines[number] for number in keep])

    def _rewrite(self, kept: list[bytes]) -> None:
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with temporary.open("wb") as handle:
                for line in kept:
                    handle.write(line + b"\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise OutputError(f"--out {self._name}: cannot rewrite it to resume ({exc.strerror})") from None

    def write(self, record: dict) -> None:
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")
        if self._handle is None:  # standard output
            try:
                sys.stdout.buffer.write(line) if hasattr(sys.stdout, "buffer") else sys.stdout.write(line.decode())
                sys.stdout.flush()
            except BrokenPipeError:
                raise OutputError("standard output was closed (the reader of the pipe ended)") from None
            return
        position = self._handle.tell() if self._regular else None
        try:
            view = memoryview(line)
            while view:
                view = view[self._handle.write(view) :]
            if self._regular:
                os.fsync(self._handle.fileno())
        except OSError as exc:
            if position is not None:
                with contextlib.suppress(OSError):
                    os.ftruncate(self._handle.fileno(), position)  # no torn line left behind
            raise OutputError(f"cannot write to {self._name}: {exc.strerror or exc}") from None

    def close(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None
        self._unlock()


def _parse(raw: bytes) -> dict | None:
    try:
        record = json.loads(raw)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str | int):
        return None
    return record
