"""`summarise eval`: run (or load) predictions for a gold set, score them, compare to a baseline."""

from __future__ import annotations

import json
import time
from pathlib import Path

from .brief import PROVENANCE_KEYS
from .errors import GoldError, InputError
from .scoring import SCORED_FIELDS, check_gold, score


def load_gold(gold_path: Path, articles_dir: Path) -> tuple[list[dict], dict[str, str]]:
    """Gold records and their article texts; refuses gold that breaks GOLD_FORMAT.md."""
    if not gold_path.is_file():
        raise InputError(f"{gold_path}: no such gold file")
    if not articles_dir.is_dir():
        raise InputError(f"{articles_dir}: no such articles directory")
    gold = []
    for number, line in enumerate(gold_path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            gold.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{gold_path}:{number}: not JSON ({exc.msg})") from exc
    articles = {}
    for record in gold:
        path = articles_dir / f"{record.get('id')}.txt"
        if path.is_file():
            articles[str(record["id"])] = path.read_text("utf-8")
    check_gold(gold, articles)
    return gold, articles


def read_predictions(path: Path) -> list[dict]:
    """Brief lines of a predictions file. Lines are split on "\\n" only (an id may hold
    U+2028); a file that is not UTF-8 JSON Lines is an InputError, a torn line is skipped."""
    if not path.is_file():
        raise InputError(f"{path}: no such predictions file")
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary file, not JSON Lines of briefs")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    records = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue  # a torn line counts as a missing prediction
        if isinstance(record, dict) and "id" in record:
            # a `summarise run` line: the brief plus its provenance, which is not scored
            records.append({key: value for key, value in record.items() if key not in PROVENANCE_KEYS})
    if text.strip() and not records:
        raise InputError(f"{path}: no line is a brief (a JSON object with an id)")
    return records


def run_predictions(summariser, gold: list[dict], articles: dict[str, str], out: Path) -> tuple[list[dict], float]:
    """Summarise every gold article; returns predictions and seconds per article."""
    predictions = []
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for record in gold:
            article_id = str(record["id"])
            try:
                brief = summariser.summarise(articles[article_id], id=article_id)
                line = json.loads(brief.model_dump_json())
            except Exception as exc:  # an article that fails is scored as failed, the eval goes on
                line = {"id": article_id, "error": f"{type(exc).__name__}: {exc}"}
            predictions.append(line)
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    return predictions, elapsed / max(1, len(gold))


def run_stats(summariser) -> dict:
    """What the pipeline did besides the briefs: model decisions taken, items dropped by verification."""
    stats = getattr(summariser, "stats", None)
    return {"model_decisions": stats.model_decisions, "dropped_by_verification": stats.dropped} if stats else {}


def evaluate(gold, articles, predictions, seconds_per_article: float | None) -> dict:
    metrics = score(gold, predictions, articles)
    metrics["seconds_per_article"] = seconds_per_article
    return metrics


def table_rows(metrics: dict) -> list[tuple[str, str, str, str]]:
    return [
        (
            field,
            f"{metrics[field]['precision']:.3f}",
            f"{metrics[field]['recall']:.3f}",
            f"{metrics[field]['f1']:.3f}",
        )
        for field in SCORED_FIELDS
    ]


def markdown_table(metrics: dict) -> str:
    lines = ["| field | precision | recall | F1 |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in table_rows(metrics)]
    return "\n".join(lines)


def load_gold_sets(pairs: list[tuple[Path, Path]]) -> tuple[list[dict], dict[str, str]]:
    """Gold records and article texts of every (gold.jsonl, articles dir) pair, checked as
    `summarise eval` checks them; an id given twice is an InputError."""
    gold: list[dict] = []
    articles: dict[str, str] = {}
    for gold_path, articles_dir in pairs:
        records, texts = load_gold(gold_path, articles_dir)
        for record in records:
            if str(record["id"]) in articles:
                raise InputError(f"{gold_path}: article id {record['id']!r} is in two gold sets")
        gold += records
        articles.update(texts)
    return gold, articles
