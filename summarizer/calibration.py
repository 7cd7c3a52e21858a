"""`summarise calibrate`: measure each decision kind for a model against the rules on gold,
and write the model's policy (policy.py) from the measurement.

The measurement is paired, decision by decision: for every question the pipeline would put
to the model on a gold article (model deciding every kind), the rules' answer (their
first-ranked option) and the model's answer are both judged against the gold figure the
question is about. So rules and model are compared on exactly the same decisions, before the
brief merges figures. A figure is the gold's when a gold figure of the same count (and
count_max) has evidence containing the figure's number; a category is judged when those gold
figures agree on one; a source is right when it names the gold figure's source (or both say
nobody), as the eval's source accuracy counts it.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from .pipeline import (
    DECISION_KINDS,
    NOT_STATED,
    Analysis,
    Question,
    RunStats,
    analyse,
    model_answers,
    questions,
)
from .policy import MIN_DECISIONS, POLICY_FORMAT, choose_variant, model_hash, with_deciders
from .scoring import _same_source


def gold_figures(record: dict, text: str, analysis: Analysis, index: int) -> list[dict]:
    """The gold figures a candidate figure is: same count, evidence holding its number (or,
    when no evidence does, every gold figure of that count)."""
    figure = analysis.figures[index]
    same = [
        g for g in record.get("toll", []) if g.get("count") == figure.count and g.get("count_max") == figure.count_max
    ]
    number_start, number_end = figure.number_span
    around = [
        g
        for g in same
        if g.get("evidence")
        and any(
            m.start() <= number_start and number_end <= m.end() for m in re.finditer(re.escape(g["evidence"]), text)
        )
    ]
    return around or same


def judge(question: Question, answer: dict, golds: list[dict], record: dict) -> dict[str, bool | None]:
    """Each kind of the answer: right, wrong, or None where the gold does not decide it."""
    verdicts: dict[str, bool | None] = {}
    if "category" in answer:
        categories = {g.get("category") for g in golds}
        verdicts["category"] = answer["category"] in categories if len(categories) == 1 else None
    if "source" in answer:
        source = None if answer["source"] == NOT_STATED else answer["source"]
        said = {"source": source}
        right = any((g.get("source") is None and source is None) or _same_source(g, said, record) for g in golds)
        verdicts["source"] = right if golds else None
    return verdicts


def rules_answer(question: Question) -> dict:
    return {name: prop["enum"][0] for name, prop in question.schema["properties"].items()}


def measure(
    generator,
    gold: Sequence[dict],
    texts: dict[str, str],
    variants: Sequence[tuple[str, int]],
    progress: Callable[[str], None] | None = None,
) -> list[dict]:
    """For each (choice, shots) variant: per decision kind the questions asked, the judged
    ones, rules and model accuracy on them, and ms per decision."""
    tallies = [{kind: [0, 0, 0, 0] for kind in sorted(DECISION_KINDS)} for _ in variants]  # asked, judged, rules, model
    seconds = [0.0] * len(variants)
    asked_total = [0] * len(variants)
    for number, record in enumerate(gold, start=1):
        article_id = str(record["id"])
        if article_id not in texts:
            continue
        text = texts[article_id]
        analysis = analyse(text)
        for v, (choice, shots) in enumerate(variants):
            asked = questions(analysis, generator, DECISION_KINDS, shots)
            started = time.perf_counter()
            answers = model_answers(generator, asked, choice, RunStats())
            seconds[v] += time.perf_counter() - started
            asked_total[v] += len(asked)
            for question, answer in zip(asked, answers, strict=True):
                golds = gold_figures(record, text, analysis, question.index)
                by_rules = judge(question, rules_answer(question), golds, record)
                by_model = judge(question, answer, golds, record)
                for kind, verdict in by_rules.items():
                    counts = tallies[v][kind]
                    counts[0] += 1
                    if verdict is not None:
                        counts[1] += 1
                        counts[2] += verdict
                        counts[3] += bool(by_model[kind])
        if progress is not None and number % 10 == 0:
            progress(f"{number}/{len(gold)} articles")
    results = []
    for v, (choice, shots) in enumerate(variants):
        kinds = {
            kind: {
                "decisions": asked,
                "judged": judged,
                "rules_accuracy": round(rules / judged, 4) if judged else None,
                "model_accuracy": round(model / judged, 4) if judged else None,
            }
            for kind, (asked, judged, rules, model) in tallies[v].items()
        }
        ms = round(1000 * seconds[v] / asked_total[v], 1) if asked_total[v] else None
        results.append({"choice": choice, "shots": shots, "ms_per_decision": ms, "kinds": kinds})
    return results


def calibrate(
    generator,
    model_path: Path,
    gold_path: Path,
    gold: Sequence[dict],
    texts: dict[str, str],
    variants: Sequence[tuple[str, int]],
    minimum: int = MIN_DECISIONS,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """The policy JSON for the model at `model_path`: every variant measured, the best one
    chosen (policy.choose_variant), its deciders per kind."""
    measured = measure(generator, gold, texts, variants, progress)
    for variant in measured:
        variant["kinds"] = with_deciders(variant["kinds"], minimum)
    chosen = choose_variant(measured)
    return {
        "format": POLICY_FORMAT,
        "model": model_path.name,
        "model_sha256": model_hash(model_path),
        "choice": chosen["choice"],
        "shots": chosen["shots"],
        "kinds": chosen["kinds"],
        "min_decisions": minimum,
        "gold": {"file": gold_path.name, "articles": len(gold), "sha256": _file_hash(gold_path)},
        "measured": datetime.now(UTC).strftime("%Y-%m-%d"),
        "rule": "a kind goes to the model where its accuracy >= the rules' on >= min_decisions judged "
        "decisions; the variant (choice, shots) winning the most decisions over the rules is chosen",
        "variants": measured,
    }


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
