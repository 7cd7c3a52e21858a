"""Reading articles and writing briefs: lazily in, one whole flushed line out."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class Article:
    id: str
    text: str | None
    error: str | None = None  # why this article cannot be read; it still gets an output line


def _decode(raw: bytes, where: str) -> tuple[str | None, str | None]:
    if len(raw) > MAX_FILE_BYTES:
        return None, f"{where}: file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}"
    if b"\x00" in raw[:8192]:
        return None, f"{where}: binary file, not text"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, f"{where}: not UTF-8 text (byte {exc.start})"
    if not text.strip():
        return None, f"{where}: empty article"
    return text, None


def _read_file(path: Path) -> Article:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Article(path.stem, None, f"{path}: cannot read ({exc.strerror})")
    text, error = _decode(raw, str(path))
    return Article(path.stem, text, error)


def _read_jsonl(path: Path) -> Iterator[Article]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            fallback_id = f"{path.stem}:{number}"
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                yield Article(fallback_id, None, f"{path}:{number}: not a JSON object")
                continue
            if not isinstance(record, dict):
                yield Article(fallback_id, None, f"{path}:{number}: not a JSON object")
                continue
            article_id = str(record.get("id", fallback_id))
            text = record.get("text")
            if not isinstance(text, str):
                yield Article(article_id, None, f'{path}:{number}: record has no "text" string')
            elif not text.strip():
                yield Article(article_id, None, f"{path}:{number}: empty article")
            else:
                yield Article(article_id, text)


def read_inputs(inputs: Iterable[str]) -> Iterator[Article]:
    """Articles from files, directories (*.txt, sorted), JSONL files, or '-' for stdin."""
    for item in inputs:
        if item == "-":
            text, error = _decode(sys.stdin.buffer.read(), "stdin")
            yield Article("stdin", text, error)
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{item}: no such file or directory")
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
            if not files:
                raise InputError(f"{item}: directory has no .txt files")
            for file in files:
                yield _read_file(file)
        elif path.suffix == ".jsonl":
            yield from _read_jsonl(path)
        else:
            yield _read_file(path)


def done_ids(out: Path) -> set[str]:
    """Ids already written to `out` (for resume); a torn last line is ignored."""
    if not out.exists():
        return set()
    ids = set()
    with out.open("rb") as handle:
        for raw in handle:
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if isinstance(record, dict) and "id" in record:
                ids.add(str(record["id"]))
    return ids


def repair_tail(out: Path) -> None:
    """Cut a half-written last line (a killed run) so that every line parses."""
    if not out.exists() or out.stat().st_size == 0:
        return
    with out.open("rb+") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - 1))
        if handle.read(1) == b"\n":
            return
        data = out.read_bytes()
        cut = data.rfind(b"\n") + 1
        handle.truncate(cut)


class LineWriter:
    """Appends one JSON object per line, each written whole and flushed."""

    def __init__(self, out: Path | None):
        self.out = out
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            repair_tail(out)
            self.handle = out.open("a", encoding="utf-8")
        else:
            self.handle = sys.stdout

    def write(self, record: dict) -> None:
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.handle.flush()
        if self.out is not None:
            os.fsync(self.handle.fileno())

    def close(self) -> None:
        if self.out is not None:
            self.handle.close()
