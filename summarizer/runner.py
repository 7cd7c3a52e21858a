"""The batch loop behind `summarise run`: resume, shards, per-article timeout, progress.

Each article's line is written whole and flushed before the next starts, so a run killed
at any moment leaves only complete lines (a torn last line is cut on the next start) and
a rerun with the same output skips what is done.
"""

from __future__ import annotations

import json
import math
import signal
import sys
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, InternalError, SummariserError
from .inputs import Article, printable_id
from .output import BriefsOutput
from .provenance import line_provenance


@dataclass
class Tally:
    done: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    retried: int = 0  # error lines of an earlier run, tried again
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"done {self.done}, failed {self.failed}, skipped {self.skipped}"
            + (f" (retried {self.retried} that had failed)" if self.retried else "")
            + (f", duplicate ids {self.duplicates}" if self.duplicates else "")
            + f" in {self.seconds:.1f}s"
        )


def parse_shard(shard: str | None) -> tuple[int, int] | None:
    """'K/N' -> (K, N), 1 <= K <= N: shards are numbered from 1 (a Slurm array 0..N-1 passes
    $((SLURM_ARRAY_TASK_ID+1))/N)."""
    if shard is None:
        return None
    try:
        part, total = (int(x) for x in shard.split("/"))
    except ValueError:
        raise InputError(f"--shard {shard!r}: expected K/N, e.g. 2/8") from None
    if total < 1 or total > 1_000_000:
        raise InputError(f"--shard {shard!r}: N must be between 1 and 1,000,000")
    if part == 0:
        raise InputError(f"--shard {shard!r}: shards are numbered from 1 to N (for 0-based task ids pass K+1)")
    if not 1 <= part <= total:
        raise InputError(f"--shard {shard!r}: K must be between 1 and N")
    return part, total


def parse_timeout(timeout: float | None) -> float | None:
    """--timeout: a finite number of seconds above 0, or None (no limit)."""
    if timeout is None:
        return None
    if not math.isfinite(timeout) or timeout <= 0:
        raise InputError(f"--timeout {timeout}: give a number of seconds above 0")
    if timeout > 1e6:
        raise InputError(f"--timeout {timeout:g}: at most 1,000,000 seconds")
    return timeout


def in_shard(article_id: str, shard: tuple[int, int] | None) -> bool:
    # crc32 of the id: the same split on every machine and every run, whatever the input order
    return shard is None or zlib.crc32(article_id.encode("utf-8", "backslashreplace")) % shard[1] == shard[0] - 1


class ArticleTimeout(SummariserError):
    """An article took longer than --timeout."""


@contextmanager
def time_limit(seconds: float | None):
    if not seconds or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout(f"timed out after {seconds:g}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _line(brief, article: Article) -> dict:
    line = json.loads(brief.model_dump_json())
    if article.from_html:
        line["text"] = article.text  # spans refer to the text extracted from the page
    return line


def _dated(article: Article) -> dict:
    # passed only when known, so that any engine with summarise(text, id=...) still runs
    return {"published": article.published} if article.published else {}


def _brief_lines(summariser, batch: list[Article], timeout: float | None) -> list[dict]:
    """One output line per article of `batch`, in order: a brief or {"id", "error"}. A batch
    is summarised together; if that fails, each article alone, so one bad article costs
    only its own line. Whatever an article raises (a bug included) becomes its error line:
    one article never stops the run."""
    if len(batch) > 1:
        try:
            dated = {"published": [a.published for a in batch]} if any(a.published for a in batch) else {}
            with time_limit(timeout * len(batch) if timeout else None):
                briefs = summariser.summarise_many(
                    [a.text for a in batch], batch_size=len(batch), ids=[a.id for a in batch], **dated
                )
            return [_line(brief, article) for brief, article in zip(briefs, batch, strict=True)]
        except Exception:
            pass  # find the article at fault: one at a time below
    lines = []
    for article in batch:
        try:
            with time_limit(timeout):
                lines.append(_line(summariser.summarise(article.text, id=article.id, **_dated(article)), article))
        except SummariserError as exc:
            lines.append({"id": article.id, "error": str(exc)})
        except Exception as exc:  # RecursionError, MemoryError, a library's ValueError, ...
            lines.append({"id": article.id, "error": str(InternalError.wrap(exc))})
    return lines


def run_articles(
    summariser,
    articles: Iterable[Article],
    out: Path | BriefsOutput | None,
    shard: tuple[int, int] | None = None,
    timeout: float | None = None,
    progress=None,
    warn=lambda message: print(message, file=sys.stderr),
    batch_size: int = 1,
) -> Tally:
    """Summarise `articles` into `out` (JSONL, resumed; stdout when None), `batch_size`
    articles at a time. `out` may be a BriefsOutput already opened (the CLI opens it before
    the model loads, so that a bad output path costs no wait)."""
    tally = Tally()
    started = time.perf_counter()
    writer = out if isinstance(out, BriefsOutput) else BriefsOutput(out, warn)
    provenance = line_provenance(summariser)

    def write(line: dict, article: Article) -> None:
        meta = {"meta": article.meta} if article.meta is not None else {}
        writer.write({**line, **meta, **provenance})

    already = writer.done
    tally.retried = writer.retried
    seen: set[str] = set()
    batch: list[Article] = []

    def flush() -> None:
        for line, article in zip(_brief_lines(summariser, batch, timeout), batch, strict=True):
            write(line, article)
            if "error" in line:
                tally.failed += 1
            else:
                tally.done += 1
        batch.clear()
        if progress is not None:
            progress(tally)

    try:
        for article in _in_shard(articles, shard):
            article.id = printable_id(article.id)
            if article.id in already:
                tally.skipped += 1
                continue
            if article.id in seen:
                tally.duplicates += 1
                warn(f"duplicate id {article.id!r} in the input: the later copy is skipped")
                continue
            seen.add(article.id)
            if article.error:
                if batch:
                    flush()  # keep the input's order
                write({"id": article.id, "error": article.error}, article)
                tally.failed += 1
                if progress is not None:
                    progress(tally)
                continue
            batch.append(article)
            if len(batch) >= max(1, batch_size):
                flush()
        if batch:
            flush()
    finally:
        writer.close()
        tally.seconds = time.perf_counter() - started
    return tally


def _in_shard(articles: Iterable[Article], shard) -> Iterator[Article]:
    return (article for article in articles if in_shard(article.id, shard))
