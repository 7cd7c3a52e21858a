"""`summarise calibrate`: measure each decision kind for a model against the rules on gold,
and write the model's policy (policy.py) from the measurement.

The measurement is paired, decision by decision: for every question the pipeline would put
to the model on a gold article (model deciding every kind), the rules' answer (their
first-ranked option) and the model's answer are both judged against the gold figure the
question is about. So rules and model are compared on exactly the same decisions, before the
brief merges figures. A figure is the gold's when a gold figure of the same count (and
count_max) has evidence containing the figure's number; a category is judged when those gold
figures agree on one; a source is judged only against required gold figures the article
credits to someone (the figures the eval's source accuracy is over) and is right when it names
such a figure's source: judging "nobody" right on figures credited to nobody would reward a
model for answering "not stated", which the brief's source accuracy never does.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from .answers import Question, model_answers
from .errors import GenerationError
from .item_decisions import ITEM_KINDS, ItemQuestion, item_questions
from .pipeline import (
    DECISION_KINDS,
    NOT_STATED,
    Analysis,
    RunStats,
    analyse,
    build_brief,
    questions,
    rule_choices,
)
from .policy import MIN_DECISIONS, POLICY_FORMAT, choose_variant, model_hash, with_deciders
from .scoring import _credited, _match, _same_entity, _same_source


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
        credited = [g for g in golds if _credited(g)]
        verdicts["source"] = any(_same_source(g, said, record) for g in credited) if credited else None
    return verdicts


def gold_items(record: dict, brief) -> dict[tuple[str, int], dict]:
    """The gold item each of the rules' brief items is, by (field, index): matched one to one
    by name as the eval matches them (items the gold does not list are left out)."""
    found: dict[tuple[str, int], dict] = {}
    for field_name in {field_name for field_name, _, _ in ITEM_KINDS.values()}:
        gold = [item for item in record.get(field_name, []) if isinstance(item, dict)]
        predicted = [item.model_dump() for item in getattr(brief, field_name)]
        matching = _match(gold, predicted, _same_entity)
        by_id = {id(item): index for index, item in enumerate(predicted)}
        for gold_item, pred_item in matching.pairs(gold, predicted):
            found[(field_name, by_id[id(pred_item)])] = gold_item
    return found


def judge_item(question: ItemQuestion, answer: dict, golds: dict[tuple[str, int], dict]) -> bool | None:
    """Whether the answer is the gold item's role or type; None where the gold lists no such item."""
    gold = golds.get((question.field, question.index))
    if gold is None:
        return None
    return gold.get(ITEM_KINDS[question.kind][1]) == answer[question.kind]


def rules_answer(question: Question | ItemQuestion) -> dict:
    """The rules' answer: an entity's proposed value, else a figure's first-ranked option."""
    if isinstance(question, ItemQuestion):
        return {question.kind: question.proposed}
    return {name: prop["enum"][0] for name, prop in question.schema["properties"].items()}


def measure(
    generator,
    gold: Sequence[dict],
    texts: dict[str, str],
    variants: Sequence[tuple[str, int]],
    progress: Callable[[str], None] | None = None,
    kinds: frozenset[str] = DECISION_KINDS,
) -> list[dict]:
    """For each (choice, shots) variant: per decision kind the questions asked, the judged
    ones, rules and model accuracy on them, and ms per decision. Each variant runs over all
    articles in turn (so its prompts share their KV-cached prefix as in a real run); a
    variant the model cannot run (a GenerationError) is recorded with its error."""
    records = [record for record in gold if str(record["id"]) in texts]
    analyses = [analyse(texts[str(record["id"])]) for record in records]
    briefs = [build_brief(analysis, rule_choices(analysis), RunStats()) for analysis in analyses]
    golds_by_item = [gold_items(record, brief) for record, brief in zip(records, briefs, strict=True)]
    results = []
    for choice, shots in variants:
        tally = {kind: [0, 0, 0, 0] for kind in sorted(kinds)}  # asked, judged, rules right, model right
        seconds, asked_total, error = 0.0, 0, None
        work = list(zip(records, analyses, briefs, golds_by_item, strict=True))
        for done, (record, analysis, brief, item_golds) in enumerate(work):
            if progress is not None and done and done % 10 == 0:
                progress(f"{choice}, {shots} shots: {done}/{len(work)} articles, {asked_total} decisions so far")
            asked = questions(analysis, generator.chat_prompt, kinds, shots)
            items = item_questions(brief, analysis.text, analysis.sentences, generator.chat_prompt, kinds, shots)
            started = time.perf_counter()
            try:
                # a question the model cannot write keeps the rules' answer, as in a run
                found = model_answers(generator, [*asked, *items], choice, RunStats(), fallback=True)
            except GenerationError as exc:
                error = str(exc).splitlines()[0][:300]
                break
            answers = [a if a is not None else rules_answer(q) for q, a in zip([*asked, *items], found, strict=True)]
            seconds += time.perf_counter() - started
            asked_total += len(asked) + len(items)
            for question, answer in zip(items, answers[len(asked) :], strict=True):
                counts = tally[question.kind]
                counts[0] += 1
                verdict = judge_item(question, answer, item_golds)
                if verdict is not None:
                    counts[1] += 1
                    counts[2] += judge_item(question, rules_answer(question), item_golds)
                    counts[3] += verdict
            text = texts[str(record["id"])]
            for question, answer in zip(asked, answers[: len(asked)], strict=True):
                golds = gold_figures(record, text, analysis, question.index)
                by_rules = judge(question, rules_answer(question), golds, record)
                by_model = judge(question, answer, golds, record)
                for kind, verdict in by_rules.items():
                    counts = tally[kind]
                    counts[0] += 1
                    if verdict is not None:
                        counts[1] += 1
                        counts[2] += verdict
                        counts[3] += bool(by_model[kind])
        kinds = {
            kind: {
                "decisions": asked,
                "judged": judged,
                "rules_accuracy": round(rules / judged, 4) if judged else None,
                "model_accuracy": round(model / judged, 4) if judged else None,
            }
            for kind, (asked, judged, rules, model) in tally.items()
        }
        ms = round(1000 * seconds / asked_total, 1) if asked_total else None
        result = {"choice": choice, "shots": shots, "ms_per_decision": ms, "kinds": kinds}
        if error is not None:
            result = {"choice": choice, "shots": shots, "error": error, "kinds": {}}
        results.append(result)
        if progress is not None:
            progress(f"{choice}, {shots} shots: {error or f'{asked_total} decisions, {ms} ms each'}")
    return results


def calibrate(
    generator,
    model_path: Path,
    gold_paths: Sequence[Path],
    gold: Sequence[dict],
    texts: dict[str, str],
    variants: Sequence[tuple[str, int]],
    minimum: int = MIN_DECISIONS,
    progress: Callable[[str], None] | None = None,
    kinds: frozenset[str] = DECISION_KINDS,
) -> dict:
    """The policy JSON for the model at `model_path`: every variant measured, the best one
    chosen (policy.choose_variant), its deciders per kind."""
    measured = measure(generator, gold, texts, variants, progress, kinds)
    for variant in measured:
        variant["kinds"] = with_deciders(variant["kinds"], minimum)
    runnable = [variant for variant in measured if "error" not in variant]
    if not runnable:
        raise GenerationError(f"no choice method ran with this model: {measured[0]['error']}")
    chosen = choose_variant(runnable)
    return {
        "format": POLICY_FORMAT,
        "model": model_path.name,
        "model_sha256": model_hash(model_path),
        "choice": chosen["choice"],
        "shots": chosen["shots"],
        "kinds": chosen["kinds"],
        "min_decisions": minimum,
        "gold": [{"file": path.name, "sha256": _file_hash(path)} for path in gold_paths],
        "articles": len(gold),
        "measured": datetime.now(UTC).strftime("%Y-%m-%d"),
        "rule": "a kind goes to the model where its accuracy >= the rules' on >= min_decisions judged "
        "decisions; the variant (choice, shots) winning the most decisions over the rules is chosen",
        "variants": measured,
    }


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
