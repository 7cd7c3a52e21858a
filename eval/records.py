"""How well briefs fill the analysts' columns: event-type accuracy against hand labels, date
coverage, geocoding rate by place type, and dateparser's cost per article.

    summarise run ../shared/corpus/articles --backend rules --out /tmp/x.jsonl
    python eval/records.py /tmp/x.jsonl [--labels eval/labels/event_types.csv] [--articles ../shared/corpus/articles]

The labels (`eval/labels/event_types.csv`: id, split, event_type; no article text) were
written by hand for the 67 corpus articles; the rules were written on train, dev only
measures. With --articles, dateparser's cost is timed on each article's event date.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("briefs", type=Path)
    parser.add_argument("--labels", type=Path, default=Path(__file__).parent / "labels" / "event_types.csv")
    parser.add_argument("--articles", type=Path, default=None)
    args = parser.parse_args()
    with args.labels.open(newline="", encoding="utf-8") as handle:
        labels = {row["id"]: row for row in csv.DictReader(handle)}
    briefs = [json.loads(line) for line in args.briefs.read_text("utf-8").splitlines() if line.strip()]
    briefs = [brief for brief in briefs if "error" not in brief]
    for split in ("train", "dev"):
        scored = [b for b in briefs if labels.get(b["id"], {}).get("split") == split]
        right = sum((b.get("event_type") or {}).get("type") == labels[b["id"]]["event_type"] for b in scored)
        if scored:
            print(f"event_type accuracy, {split}: {right}/{len(scored)} = {right / len(scored):.3f}")
    found = sum(1 for b in briefs if b.get("event_date"))
    dated = Counter(b["event_date"]["precision"] for b in briefs if (b.get("event_date") or {}).get("date"))
    print(f"event_date: found in {found}/{len(briefs)}; with a date {sum(dated.values())}/{len(briefs)} {dict(dated)}")
    places, resolved = Counter(), Counter()
    for brief in briefs:
        for place in brief["where"]:
            places[place["type"]] += 1
            resolved[place["type"]] += place.get("precision") is not None
    total = sum(places.values())
    print(f"places geocoded: {sum(resolved.values())}/{total} = {sum(resolved.values()) / max(total, 1):.3f}")
    print("  by type: " + ", ".join(f"{kind} {resolved[kind]}/{places[kind]}" for kind, _ in places.most_common()))
    if args.articles:
        _dateparser_cost(briefs, args.articles)


def _dateparser_cost(briefs: list[dict], articles: Path) -> None:
    """Milliseconds of dateparser per article: the pipeline calls it on the chosen span only."""
    from summarizer.extract import dates

    started = time.perf_counter()
    dates.parse("yesterday", None)
    loading = time.perf_counter() - started
    calls, seconds = 0, 0.0
    original = dates.parse

    def timed(*args, **kwargs):
        nonlocal calls, seconds
        begun = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            calls += 1
            seconds += time.perf_counter() - begun

    dates.parse = timed
    try:
        from summarizer.extract.sentences import split_sentences

        for brief in briefs:
            text = (articles / f"{brief['id']}.txt").read_text("utf-8")
            anchors = [figure["evidence_span"][0] for figure in brief["toll"]]
            dates.event_date(text, split_sentences(text), anchors)
    finally:
        dates.parse = original
    print(
        f"dateparser: first call (import) {loading * 1000:.0f} ms; then {calls} calls on {len(briefs)} articles, "
        f"{seconds * 1000 / max(len(briefs), 1):.2f} ms/article"
    )


if __name__ == "__main__":
    main()
