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
Items are paired as `summarise eval` pairs them (scoring's one-to-one matching, required
items first; figures on category, count and count_max, names with their aliases).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

# the scorer's own one-to-one matching and tests of sameness, as calibration.py and train.py use them
from summarizer.scoring import _match, _same_entity, _same_figure, _same_source

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


def _entities(counts: Counter, kind: str, gold: list[dict], pred: list[dict], attribute: str) -> None:
    matching = _match(gold, pred, _same_entity)
    counts[kind] += len(matching.missed) + len(matching.spurious)
    counts[kind] += sum(
        1
        for g, p in matching.owner.items()
        if g in matching.required and gold[g].get(attribute) != pred[p].get(attribute)
    )


def count(record: dict, brief: dict) -> Counter:
    counts: Counter = Counter()
    gold_toll, pred_toll = record.get("toll", []), brief.get("toll", [])
    if any(not figure.get("optional") for figure in gold_toll) and not pred_toll:
        counts["1 story lost"] += 1
        return counts
    figures = _match(gold_toll, pred_toll, _same_figure)
    for gold_index, pred_index in figures.owner.items():
        figure = gold_toll[gold_index]
        if not figure.get("optional") and figure.get("source") is not None:
            counts["2 source"] += not _same_source(figure, pred_toll[pred_index], record)
    for index in figures.spurious:
        key = _key(pred_toll[index])
        twin = any(_key(other) == key for j, other in enumerate(pred_toll) if j != index)
        counts["3 same figure twice" if twin else "4 not casualties"] += 1
    for index in figures.missed:
        evidence = gold_toll[index].get("evidence", "")
        counts["figures missed (digits)" if _DIGIT.search(evidence) else "5 number words"] += 1
    _entities(counts, "6 places", record.get("where", []), brief.get("where", []), "type")
    _entities(counts, "7 who", record.get("who", []), brief.get("who", []), "role")
    gold_sources, pred_sources = record.get("attribution", []), brief.get("attribution", [])
    sources = _match(gold_sources, pred_sources, _same_entity)
    counts["8 attribution types"] += sum(
        1 for g, p in sources.owner.items() if gold_sources[g].get("type") != pred_sources[p].get("type")
    )
    counts["attribution missed or spurious"] += len(sources.missed) + len(sources.spurious)
    return counts


def _key(figure: dict) -> tuple:
    return figure.get("category"), figure.get("count"), figure.get("count_max")


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
