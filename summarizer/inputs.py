"""Reading articles and writing briefs: lazily in, one whole flushed line out."""

from __future__ import annotations

import csv
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
    from_html: bool = False  # text extracted from a page: spans refer to this text


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


def _read_jsonl(path: Path, text_column: str = "text", id_column: str = "id") -> Iterator[Article]:
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


def _html_to_text(raw: bytes, where: str) -> tuple[str | None, str | None]:
    try:
        import trafilatura
    except ImportError:
        return None, f"{where}: HTML input needs trafilatura (pip install trafilatura)"
    text = trafilatura.extract(raw.decode("utf-8", errors="replace"), include_comments=False, favor_precision=True)
    if not text or not text.strip():
        return None, f"{where}: no article text found in the HTML page"
    return text, None


def _read_file(path: Path) -> Article:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Article(path.stem, None, f"{path}: cannot read ({exc.strerror})")
    if path.suffix.lower() in (".html", ".htm") and len(raw) <= MAX_FILE_BYTES:
        text, error = _html_to_text(raw, str(path))
        return Article(path.stem, text, error, from_html=True)
    text, error = _decode(raw, str(path))
    return Article(path.stem, text, error)


def _record(article_id: object, text: object, where: str) -> Article:
    article_id = str(article_id)
    if not isinstance(text, str):
        return Article(article_id, None, f"{where}: record has no text string")
    if not text.strip():
        return Article(article_id, None, f"{where}: empty article")
    return Article(article_id, text)


def _read_csv(path: Path, text_column: str, id_column: str) -> Iterator[Article]:
    csv.field_size_limit(MAX_FILE_BYTES)
    with path.open(newline="", encoding="utf-8", errors="replace") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or text_column not in reader.fieldnames:
            raise InputError(f"{path}: no column {text_column!r} (use --text-column)")
        for number, row in enumerate(reader, start=2):
            yield _record(row.get(id_column) or f"{path.stem}:{number}", row.get(text_column), f"{path}:{number}")


def _read_parquet(path: Path, text_column: str, id_column: str) -> Iterator[Article]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    names = parquet.schema_arrow.names
    if text_column not in names:
        raise InputError(f"{path}: no column {text_column!r} (use --text-column)")
    columns = [text_column] + ([id_column] if id_column in names else [])
    row = 0
    for batch in parquet.iter_batches(batch_size=256, columns=columns):  # lazily, a batch at a time
        for record in batch.to_pylist():
            row += 1
            yield _record(record.get(id_column, f"{path.stem}:{row}"), record.get(text_column), f"{path}:{row}")


def _is_saved_dataset(path: Path) -> bool:
    return (path / "dataset_info.json").is_file() or (path / "dataset_dict.json").is_file()


def _read_dataset(path: Path, text_column: str, id_column: str) -> Iterator[Article]:
    from datasets import DatasetDict, load_from_disk

    loaded = load_from_disk(str(path))  # memory-mapped Arrow: rows are read as they are used
    splits = loaded.values() if isinstance(loaded, DatasetDict) else [loaded]
    for split in splits:
        if text_column not in split.column_names:
            raise InputError(f"{path}: no column {text_column!r} (use --text-column)")
        for row, record in enumerate(split):
            yield _record(record.get(id_column, f"{path.name}:{row}"), record.get(text_column), f"{path}:{row}")


def read_inputs(
    inputs: Iterable[str], glob: str = "*.txt", text_column: str = "text", id_column: str = "id"
) -> Iterator[Article]:
    """Articles, read lazily, from: .txt/.html files; directories (files matching `glob`,
    sorted; '**/*.txt' recurses); .jsonl, .csv and .parquet files; saved Hugging Face
    datasets; or '-' for stdin."""
    for item in inputs:
        if item == "-":
            text, error = _decode(sys.stdin.buffer.read(), "stdin")
            yield Article("stdin", text, error)
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{item}: no such file or directory")
        if path.is_dir() and _is_saved_dataset(path):
            yield from _read_dataset(path, text_column, id_column)
        elif path.is_dir():
            files = sorted(p for p in path.glob(glob) if p.is_file())
            if not files:
                raise InputError(f"{item}: directory has no files matching {glob!r}")
            for file in files:
                yield _read_file(file)
        elif path.suffix == ".jsonl":
            yield from _read_jsonl(path, text_column, id_column)
        elif path.suffix == ".csv":
            yield from _read_csv(path, text_column, id_column)
        elif path.suffix == ".parquet":
            yield from _read_parquet(path, text_column, id_column)
        else:
            yield _read_file(path)


def count_inputs(inputs: Iterable[str], glob: str = "*.txt") -> int | None:
    """How many articles the inputs hold, when that is cheap to know (for the ETA); else None."""
    total = 0
    for item in inputs:
        path = Path(item)
        if item == "-" or not path.exists():
            return None
        if path.is_dir() and _is_saved_dataset(path):
            return None
        if path.is_dir():
            total += sum(1 for p in path.glob(glob) if p.is_file())
        elif path.suffix == ".jsonl":
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif path.suffix == ".parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(path).metadata.num_rows
        elif path.suffix == ".csv":
            return None  # quoted newlines make a line count wrong
        else:
            total += 1
    return total


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
