"""Reading articles: lazily, bounded, every quirk an error line rather than a crash.

Limits (documented in the README): a file or stdin is read up to MAX_FILE_BYTES and no
further, and only regular files are read (a FIFO or a device would block or never end); an
article over MAX_ARTICLE_CHARS is refused with a one-line reason. Long sentences and long
runs without a space are read, not refused: the analysis bounds its own windows (see
`candidates.MAX_PARSED_SENTENCE_CHARS` and `_LIST_REACH`).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ARTICLE_CHARS = 100_000  # a long news feature is ~30,000; a book chapter is not an article
_READ_CHUNK = 1024 * 1024


def article_problem(text: str) -> str | None:
    """Why `text` is refused before analysis (too long, not valid Unicode), or None."""
    if len(text) > MAX_ARTICLE_CHARS:
        return f"article has {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"article text is not valid Unicode (lone surrogate at character {exc.start})"
    return None


def printable_id(value: object) -> str:
    """An id that can be written as UTF-8 whatever it came from: a lone surrogate (a JSON
    "\\ud800" or a file name that is not UTF-8) is kept as its backslash escape."""
    text = value if isinstance(value, str) else str(value)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape" if _only_escapes(text) else "backslashreplace").decode(
            "utf-8", "backslashreplace"
        )


def _only_escapes(text: str) -> bool:
    # surrogateescape's \udc80-\udcff stand for undecodable bytes of a file name
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def content_id(prefix: str, text: str) -> str:
    """The id of a record that has none: its source and a hash of its text, so that a resume
    after the input changed never gives one article's brief to another."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{prefix}:{digest}"


def read_bounded(handle, where: str) -> tuple[bytes | None, str | None]:
    """At most MAX_FILE_BYTES + 1 bytes of a binary handle (an endless stream stops there)."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_FILE_BYTES:
        chunk = handle.read(min(_READ_CHUNK, MAX_FILE_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_FILE_BYTES:
        return None, f"{where}: more than {MAX_FILE_BYTES:,} bytes; the limit is {MAX_FILE_BYTES:,}"
    return b"".join(chunks), None


def _regular_file_problem(path: Path) -> str | None:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"{printable_id(path)}: cannot read ({exc.strerror})"
    if not stat.S_ISREG(mode):
        return f"{printable_id(path)}: not a regular file (a pipe or a device); use - to read standard input"
    return None


@dataclass
class Article:
    id: str
    text: str | None
    error: str | None = None  # why this article cannot be read; it still gets an output line
    from_html: bool = False  # text extracted from a page: spans refer to this text
    published: str | None = None  # publication date (YYYY-MM-DD): --date-column or the page's metadata
    meta: dict | None = None  # input columns kept with --keep-columns


@dataclass(frozen=True)
class Columns:
    """Record columns read besides the text and the id: the publication date (`--date-column`)
    and the columns passed through to the output line (`--keep-columns`)."""

    date: str | None = None
    keep: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([*([self.date] if self.date else []), *self.keep]))

    def missing(self, available, where: str) -> None:
        """An InputError for a requested column that a tabular input does not have."""
        absent = [name for name in self.names if name not in available]
        if absent:
            raise InputError(f"{where}: no column {absent[0]!r} (--date-column / --keep-columns)")

    def apply(self, article: Article, record: dict) -> Article:
        from .extract.dates import normalise_published

        if self.date:
            article.published = normalise_published(record.get(self.date))
        if self.keep:
            article.meta = {name: _json_scalar(record.get(name)) for name in self.keep}
        return article


def _json_scalar(value: object) -> str | int | float | bool | None:
    """A kept column's value as JSON writes it: scalars as they are, dates as ISO text,
    anything else (a list, bytes, a struct) as its text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _decode(raw: bytes | None, where: str) -> tuple[str | None, str | None]:
    if raw is None:
        return None, f"{where}: could not be read"
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


def _lines(handle, where: str) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) of a binary handle; a line over MAX_FILE_BYTES is (number, None) and is
    skipped without holding it in memory."""
    number = 0
    while True:
        raw = handle.readline(MAX_FILE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_FILE_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(_READ_CHUNK)
            yield number, None
            continue
        yield number, raw


def _read_jsonl(
    path: Path, text_column: str = "text", id_column: str = "id", columns: Columns = Columns()
) -> Iterator[Article]:
    where = printable_id(path)
    problem = _regular_file_problem(path)
    if problem:
        raise InputError(problem)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{where}: cannot read ({exc.strerror})") from exc
    stem = printable_id(path.stem)
    with handle:
        for number, raw in _lines(handle, where):
            fallback_id = f"{stem}:{number}"
            if raw is None:
                yield Article(fallback_id, None, f"{where}:{number}: line longer than {MAX_FILE_BYTES:,} bytes")
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
                yield Article(fallback_id, None, f"{where}:{number}: not a JSON object")
                continue
            if not isinstance(record, dict):
                yield Article(fallback_id, None, f"{where}:{number}: not a JSON object")
                continue
            yield columns.apply(
                _record(
                    record.get(id_column), record.get(text_column), f"{where}:{number}", fallback_id, stem, text_column
                ),
                record,
            )


def _html_to_text(raw: bytes, where: str) -> tuple[str | None, str | None]:
    try:
        import trafilatura
    except ImportError as exc:  # trafilatura itself, or what it imports (lxml_html_clean)
        missing = "lxml_html_clean" if "lxml_html_clean" in str(exc) else getattr(exc, "name", None) or "trafilatura"
        return None, f"{where}: HTML input needs {missing}, which is not installed (pip install {missing})"
    try:
        text = trafilatura.extract(raw.decode("utf-8", errors="replace"), include_comments=False, favor_precision=True)
    except Exception as exc:  # lxml and trafilatura raise many types on hostile pages
        return None, f"{where}: HTML page could not be parsed ({type(exc).__name__})"
    if not text or not text.strip():
        return None, f"{where}: no article text found in the HTML page"
    return text, None


def _html_date(raw: bytes) -> str | None:
    """The page's publication date from its metadata (trafilatura's reading of meta tags,
    JSON-LD and the like), or None."""
    try:
        import trafilatura

        from .extract.dates import normalise_published

        metadata = trafilatura.extract_metadata(raw.decode("utf-8", errors="replace"))
        return normalise_published(getattr(metadata, "date", None))
    except Exception:  # metadata is a bonus: a page whose metadata cannot be read has none
        return None


def _read_file(path: Path) -> Article:
    article_id, where = printable_id(path.stem), printable_id(path)
    problem = _regular_file_problem(path)
    if problem:
        return Article(article_id, None, problem)
    try:
        with path.open("rb") as handle:
            raw, error = read_bounded(handle, where)
    except OSError as exc:
        return Article(article_id, None, f"{where}: cannot read ({exc.strerror})")
    if error:
        return Article(article_id, None, error)
    if path.suffix.lower() in (".html", ".htm"):
        text, error = _html_to_text(raw, where)
        return Article(article_id, text, error, from_html=True, published=None if error else _html_date(raw))
    text, error = _decode(raw, where)
    return Article(article_id, text, error)


def _record(
    article_id: object, text: object, where: str, fallback_id: str, prefix: str, column: str = "text"
) -> Article:
    """An article from a record: its id (when the record has none, or a null, an id made
    from the text's hash) and its text, or the reason it has none."""
    if not isinstance(text, str):
        return Article(printable_id(fallback_id if article_id is None else article_id), None,
                       f'{where}: record has no "{column}" string')  # fmt: skip
    article_id = content_id(prefix, text) if article_id is None or article_id == "" else article_id
    article_id = printable_id(article_id)
    if not text.strip():
        return Article(article_id, None, f"{where}: empty article")
    return Article(article_id, text)


def _check_utf8(path: Path, where: str) -> None:
    """Refuse a file that is not UTF-8 before any of it is used (a latin-1 CSV would
    otherwise be read with replacement characters or fail half-way)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_READ_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                raise InputError(f"{where}: not UTF-8 text (byte {offset + exc.start})") from None
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not UTF-8 text (byte {offset + exc.start})") from None


def _read_csv(path: Path, text_column: str, id_column: str, columns: Columns = Columns()) -> Iterator[Article]:
    where, stem = printable_id(path), printable_id(path.stem)
    problem = _regular_file_problem(path)
    if problem:
        raise InputError(problem)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(f"{where}: file is {path.stat().st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    _check_utf8(path, where)
    csv.field_size_limit(MAX_FILE_BYTES)
    # utf-8-sig: a header written with a byte-order mark keeps its first column's name
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        try:
            fieldnames = reader.fieldnames
        except csv.Error as exc:
            raise InputError(f"{where}: not a CSV file ({exc})") from None
        if fieldnames is None or text_column not in fieldnames:
            raise InputError(f"{where}: no column {text_column!r} (use --text-column)")
        columns.missing(fieldnames, where)
        number = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(f"{where}:{reader.line_num}: not valid CSV ({exc})") from None
            number += 1
            yield columns.apply(
                _record(
                    row.get(id_column), row.get(text_column), f"{where}:{number}", f"{stem}:{number}", stem, text_column
                ),
                row,
            )


def _read_parquet(path: Path, text_column: str, id_column: str, columns: Columns = Columns()) -> Iterator[Article]:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError(f"{printable_id(path)}: Parquet input needs pyarrow (pip install pyarrow)") from exc
    where, stem = printable_id(path), printable_id(path.stem)
    problem = _regular_file_problem(path)
    if problem:
        raise InputError(problem)
    try:
        parquet = pq.ParquetFile(path)
        names = parquet.schema_arrow.names
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ... on a damaged file
        raise InputError(f"{where}: not a readable Parquet file ({_first_line(exc)})") from None
    if text_column not in names:
        raise InputError(f"{where}: no column {text_column!r} (use --text-column)")
    extra, read = columns, list(dict.fromkeys([text_column] + ([id_column] if id_column in names else [])))
    extra.missing(names, where)
    columns = list(dict.fromkeys([*read, *extra.names]))
    row = 0
    batches = parquet.iter_batches(batch_size=256, columns=columns)  # lazily, a batch at a time
    while True:
        try:
            batch = next(batches)
            records = batch.to_pylist()
        except StopIteration:
            return
        except Exception as exc:  # a damaged row group: the rows before it are kept
            raise InputError(f"{where}: Parquet data after row {row} is damaged ({_first_line(exc)})") from None
        for record in records:
            row += 1
            yield extra.apply(
                _record(
                    record.get(id_column), record.get(text_column), f"{where}:{row}", f"{stem}:{row}", stem, text_column
                ),
                record,
            )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.split("\n")[0][:200] if text else type(exc).__name__


def _is_saved_dataset(path: Path) -> bool:
    return (path / "dataset_info.json").is_file() or (path / "dataset_dict.json").is_file()


def _read_dataset(path: Path, text_column: str, id_column: str, columns: Columns = Columns()) -> Iterator[Article]:
    from datasets import DatasetDict, load_from_disk

    where, name = printable_id(path), printable_id(path.name)
    try:
        loaded = load_from_disk(str(path))  # memory-mapped Arrow: rows are read as they are used
    except Exception as exc:  # datasets raises many types on a damaged directory
        raise InputError(f"{where}: not a readable saved dataset ({_first_line(exc)})") from None
    splits = loaded.values() if isinstance(loaded, DatasetDict) else [loaded]
    for split in splits:
        if text_column not in split.column_names:
            raise InputError(f"{where}: no column {text_column!r} (use --text-column)")
        columns.missing(split.column_names, where)
        for row, record in enumerate(split):
            yield columns.apply(
                _record(
                    record.get(id_column), record.get(text_column), f"{where}:{row}", f"{name}:{row}", name, text_column
                ),
                record,
            )


def read_inputs(
    inputs: Iterable[str],
    glob: str = "*.txt",
    text_column: str = "text",
    id_column: str = "id",
    columns: Columns = Columns(),
) -> Iterator[Article]:
    """Articles, read lazily, from: .txt/.html files; directories (files matching `glob`,
    sorted; '**/*.txt' recurses); .jsonl, .csv and .parquet files; saved Hugging Face
    datasets; or '-' for stdin. `columns`: the publication date and the kept columns of
    record inputs (an HTML page's date comes from its metadata)."""
    for item in inputs:
        if item == "-":
            raw, error = read_bounded(sys.stdin.buffer, "stdin")
            text, error = (None, error) if error else _decode(raw, "stdin")
            yield Article("stdin", text, error)
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{printable_id(item)}: no such file or directory")
        if path.is_dir() and _is_saved_dataset(path):
            yield from _read_dataset(path, text_column, id_column, columns)
        elif path.is_dir():
            files = sorted(p for p in path.glob(glob) if p.is_file())
            if not files:
                raise InputError(f"{printable_id(item)}: directory has no files matching {glob!r}")
            for file in files:
                yield _read_file(file)
        elif path.suffix == ".jsonl":
            yield from _read_jsonl(path, text_column, id_column, columns)
        elif path.suffix == ".csv":
            yield from _read_csv(path, text_column, id_column, columns)
        elif path.suffix == ".parquet":
            yield from _read_parquet(path, text_column, id_column, columns)
        else:
            yield _read_file(path)


def count_inputs(inputs: Iterable[str], glob: str = "*.txt") -> int | None:
    """How many articles the inputs hold, when that is cheap to know (for the ETA); else None."""
    try:
        return _count(inputs, glob)
    except Exception:  # an ETA is a nicety: a damaged input is reported when it is read
        return None


def _count(inputs: Iterable[str], glob: str) -> int | None:
    total = 0
    for item in inputs:
        path = Path(item)
        if item == "-" or not path.exists():
            return None
        if path.is_dir() and _is_saved_dataset(path):
            return None
        if path.is_dir():
            total += sum(1 for p in path.glob(glob) if p.is_file())
        elif _regular_file_problem(path):
            total += 1
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
