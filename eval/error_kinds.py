"""Count the error kinds of issue 14 in one eval run's briefs against gold.

    python eval/error_kinds.py --gold GOLD.jsonl --predictions OUT/predictions.jsonl [--json]

The kinds follow the issue's list; each error is counted once, in the first kind it fits:

1. story lost: an article whose brief has no figure where the gold has a required one
2. source: a required, credited gold figure matched by a brief figure whose source is missing
   or names another entity (as source accuracy judges it)
3. same figure twice: a brief figure matching no gold figure one-to-one whose category and
   count equal another brief figure's (a restatement or headline copy left in)
4. not casualties: any other brief figure matching no gold figure, required or optional
5. number words: a required gold figure missed whose evidence writes its number in words
6. places: a required place missed, a spurious place, or a matched place of the wrong type
7. who: a required actor missed, a spurious actor, or a matched actor in the wrong role
8. attribution types: a matched cited source of the wrong type (missed and spurious sources
   are counted on their own line)

plus "figures missed (digits)" for required figures missed that are written in digits.
Figures match on category, count and count_max, one to one; names as the scorer matches them
(`scoring.names_match`, aliases included).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from summarizer.scoring import names_match, normalise

KINDS = (
    "1 story lost",
    "2 source",
    "3 same figure twice",
    "4 not casualties",
    "5 number words",
    "figures missed (digits)",
    "6 places",
    "7 who",
    "8 attribution types",
    "attribution missed or spurious",
)
_DIGIT = re.compile(r"\d")


def _key(figure: dict) -> tuple:
    return figure.get("category"), figure.get("count"), figure.get("count_max")


def _names(item: dict) -> list[str]:
    return [item["name"], *item.get("aliases", [])]


def _match(gold: list[dict], pred: list[dict], same) -> dict[int, int]:
    """Gold index -> prediction index, required gold items first, each used once."""
    owner: dict[int, int] = {}
    used: set[int] = set()
    order = sorted(range(len(gold)), key=lambda index: bool(gold[index].get("optional")))
    for gold_index in order:
        for pred_index, item in enumerate(pred):
            if pred_index not in used and same(gold[gold_index], item):
                owner[gold_index] = pred_index
                used.add(pred_index)
                break
    return owner


def _same_entity(gold_item: dict, pred_item: dict) -> bool:
    return names_match(pred_item.get("name") or "", _names(gold_item))


def _source_right(gold_figure: dict, pred_figure: dict, record: dict) -> bool:
    source = pred_figure.get("source")
    if not source:
        return False
    names = [gold_figure["source"]]
    for item in record.get("attribution", []):
        if names_match(gold_figure["source"], _names(item)):
            names += _names(item)
    wanted = f" {normalise(source)} "
    return names_match(source, names) or any(
        (candidate := f" {normalise(name)} ").strip() and (wanted in candidate or candidate in wanted) for name in names
    )


def _entities(counts: Counter, kind: str, gold: list[dict], pred: list[dict], attribute: str) -> None:
    owner = _match(gold, pred, _same_entity)
    counts[kind] += sum(1 for index, item in enumerate(gold) if not item.get("optional") and index not in owner)
    counts[kind] += len(pred) - len(owner)
    counts[kind] += sum(
        1 for g, p in owner.items() if not gold[g].get("optional") and gold[g].get(attribute) != pred[p].get(attribute)
    )


def count(record: dict, brief: dict) -> Counter:
    counts: Counter = Counter()
    gold_toll, pred_toll = record.get("toll", []), brief.get("toll", [])
    required = [figure for figure in gold_toll if not figure.get("optional")]
    if required and not pred_toll:
        counts["1 story lost"] += 1
        return counts
    owner = _match(gold_toll, pred_toll, lambda g, p: _key(g) == _key(p))
    for gold_index, pred_index in owner.items():
        figure = gold_toll[gold_index]
        if not figure.get("optional") and figure.get("source") is not None:
            counts["2 source"] += not _source_right(figure, pred_toll[pred_index], record)
    matched = set(owner.values())
    for index, figure in enumerate(pred_toll):
        if index in matched:
            continue
        twin = any(_key(other) == _key(figure) for j, other in enumerate(pred_toll) if j != index)
        counts["3 same figure twice" if twin else "4 not casualties"] += 1
    for index, figure in enumerate(gold_toll):
        if figure.get("optional") or index in owner:
            continue
        counts["figures missed (digits)" if _DIGIT.search(figure.get("evidence", "")) else "5 number words"] += 1
    _entities(counts, "6 places", record.get("where", []), brief.get("where", []), "type")
    _entities(counts, "7 who", record.get("who", []), brief.get("who", []), "role")
    gold_sources, pred_sources = record.get("attribution", []), brief.get("attribution", [])
    sources = _match(gold_sources, pred_sources, _same_entity)
    counts["8 attribution types"] += sum(
        1 for g, p in sources.items() if gold_sources[g].get("type") != pred_sources[p].get("type")
    )
    counts["attribution missed or spurious"] += sum(
        1 for index, item in enumerate(gold_sources) if not item.get("optional") and index not in sources
    ) + (len(pred_sources) - len(sources))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--predictions", type=Path, required=True)
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args()
    briefs = {}
    for line in args.predictions.read_text("utf-8").splitlines():
        if line.strip():
            brief = json.loads(line)
            briefs.setdefault(brief.get("id"), brief)
    total: Counter = Counter()
    for line in args.gold.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            total += count(record, briefs.get(record["id"], {}))
    table = {kind: total[kind] for kind in KINDS}
    if args.json:
        print(json.dumps(table))
        return
    for kind, number in table.items():
        print(f"{kind:32} {number}")


if __name__ == "__main__":
    main()
