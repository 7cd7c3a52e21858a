"""The ablation table: what each stage adds, scored on a gold set in one run.

    python eval/ablation.py [--gold eval/gold/seeds.jsonl] [--articles eval/articles] [--out eval/ablation.md]

Rows: the one-hour regex; the naive single-pass model; the pipeline with one stage off at a
time (cleaning, background filter, merging, the model's choices); the full pipeline.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from summarizer.api import Summariser
from summarizer.evaluation import load_gold
from summarizer.pipeline import Options
from summarizer.scoring import score

ROWS = [
    ("one-hour regex (no model)", "regex", Options()),
    ("single pass: schema -> outlines -> greedy", "single-pass", Options()),
    ("pipeline, no cleaning", "transformers", Options(clean=False)),
    ("pipeline, no background filter", "transformers", Options(background=False)),
    ("pipeline, no merging of repeats", "transformers", Options(merge=False)),
    ("pipeline, rules choose (no model)", "rules", Options()),
    ("full pipeline (default)", "transformers", Options()),
]
FIELDS = ("toll", "toll_strict", "who", "where", "attribution")


def run_row(backend: str, options: Options, gold: list[dict], articles: dict[str, str]) -> dict:
    summariser = Summariser(backend=backend, options=options)
    predictions = []
    started = time.perf_counter()
    for record in gold:
        try:
            brief = summariser.summarise(articles[record["id"]], id=record["id"])
            predictions.append(json.loads(brief.model_dump_json()))
        except Exception as exc:  # a failed brief is scored as invalid, the table goes on
            predictions.append({"id": record["id"], "error": str(exc)})
    metrics = score(gold, predictions, articles)
    metrics["seconds_per_article"] = (time.perf_counter() - started) / len(gold)
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", default="eval/gold/seeds.jsonl")
    parser.add_argument("--articles", default="eval/articles")
    parser.add_argument("--out", default="eval/ablation.md")
    parser.add_argument("--skip", action="append", default=[], help="skip rows whose backend is this (repeatable)")
    args = parser.parse_args()
    gold, articles = load_gold(Path(args.gold), Path(args.articles))
    header = "| system | " + " | ".join(f"{f} F1" for f in FIELDS) + " | source acc. | validity | s/article |"
    lines = [header, "|" + "---|" * (len(FIELDS) + 4)]
    for label, backend, options in ROWS:
        if backend in args.skip:
            continue
        metrics = run_row(backend, options, gold, articles)
        source = metrics["accuracy"]["source"]
        cells = [f"{metrics[f]['f1']:.3f}" for f in FIELDS]
        cells += [f"{source:.3f}" if source is not None else "n/a", f"{metrics['validity']:.2f}"]
        cells.append(f"{metrics['seconds_per_article']:.1f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
        print(lines[-1], flush=True)
    Path(args.out).write_text("\n".join(lines) + "\n", "utf-8")


if __name__ == "__main__":
    main()
