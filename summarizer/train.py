"""Decisions as training data: (prompt, answer) pairs built from hand-labelled gold.

Each training article goes through the pipeline's own analysis; every figure the model would
be asked about (`pipeline.pending_decisions`: more than one grounded category, or a source
the rules are unsure of) becomes one example whose prompt is the exact chat prompt the model
sees at inference and whose answer is the JSON the constrained decoder would write for the
gold's choice. What is trained is what is asked.

A candidate figure is paired with a gold figure by scoring's one-to-one matching (same count
and count_max; first among gold figures whose evidence overlaps the candidate's sentence,
then any). The label is the gold's category, and the option naming the gold's source
(scoring's `_same_source`), or "not stated" when the gold credits nobody. A figure whose
gold choice is not among its options teaches nothing and is left out.

`sure=True` also turns the decisions the rules take alone into questions (the figure's
category options offered though a casualty word governs it; all its sources offered though
its sentence names one): more examples of the same task, answered from the same gold.
`orders=n` asks each source question again with its named options rotated (up to n orders
in all; "not stated" stays last, as at inference), so that the answer is read from the
text, not from where the rules ranked it.

The entities' decisions (role, place type, source type: item_decisions.py) are taught the
same way: the rules' brief of the article is built, each of its items the gold lists (the
eval's one-to-one name matching) becomes the question the model is asked about it, answered
with the gold's role or type.

No ML import here: the training loop is in `adapter.py`, behind the ML door.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .calibration import gold_items
from .item_decisions import ITEM_KINDS, item_questions
from .pipeline import (
    DECISION_KINDS,
    NOT_STATED,
    Analysis,
    RunStats,
    analyse,
    build_brief,
    pending_decisions,
    rule_choices,
)
from .scoring import _match, _same_count, _same_source

ChatPrompt = Callable[[str, str], str]


@dataclass(frozen=True)
class DecisionExample:
    """One question the model is asked, with the gold's answer."""

    article_id: str
    prompt: str  # the chat prompt, as the generator receives it
    answer: str  # compact JSON, keys in the schema's order: what constrained decoding writes
    kinds: tuple[str, ...]  # the decision kinds it holds ("category", "source", "role", ...)
    asked: bool  # True: the pipeline asks it so; False: an extra (sure=True, or options reordered)

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


def answer_json(answer: dict) -> str:
    """The answer as the grammar writes it: no whitespace, the schema's key order, text as is."""
    return json.dumps(answer, separators=(",", ":"), ensure_ascii=False)


def decision_examples(
    gold: list[dict],
    articles: dict[str, str],
    chat_prompt: ChatPrompt,
    decides: frozenset[str] = DECISION_KINDS,
    sure: bool = False,
    orders: int = 1,
) -> list[DecisionExample]:
    """Examples of every labelled article of `gold` (records without an article are skipped)."""
    examples: list[DecisionExample] = []
    for record in gold:
        text = articles.get(str(record.get("id")))
        if text is not None:
            examples += article_examples(record, text, chat_prompt, decides, sure, orders)
    return examples


def article_examples(
    record: dict,
    text: str,
    chat_prompt: ChatPrompt,
    decides: frozenset[str] = DECISION_KINDS,
    sure: bool = False,
    orders: int = 1,
) -> list[DecisionExample]:
    analysis = analyse(text)
    examples = _item_examples(record, analysis, chat_prompt, decides)
    asked = {index for index, _, _ in pending_decisions(analysis, chat_prompt, decides)}
    if sure:
        _open_every_decision(analysis)
    gold_of = gold_figures(analysis, record.get("toll") or [])
    ranked = [list(figure.sources) for figure in analysis.figures]
    seen: set[str] = set()
    for turn in range(max(1, orders)):
        for figure, sources in zip(analysis.figures, ranked, strict=True):
            figure.sources = sources[turn % len(sources) :] + sources[: turn % len(sources)] if sources else []
        for index, schema, prompt in pending_decisions(analysis, chat_prompt, decides):
            gold = gold_of.get(index)
            if gold is None or prompt in seen:
                continue  # not a figure of this event's toll (or a restatement), or asked already
            answer = _gold_answer(schema, gold, record)
            if answer is not None:
                seen.add(prompt)
                kinds = tuple(schema["properties"])
                examples.append(
                    DecisionExample(str(record["id"]), prompt, answer_json(answer), kinds, index in asked and turn == 0)
                )
    return examples


def _item_examples(record: dict, analysis: Analysis, chat_prompt: ChatPrompt, decides: frozenset[str]):
    """Examples of the entities' decisions: each item of the rules' brief the gold lists, asked
    as the pipeline asks it, answered with the gold item's role or type."""
    kinds = decides & frozenset(ITEM_KINDS)
    if not kinds:
        return []
    brief = build_brief(analysis, rule_choices(analysis), RunStats())
    golds = gold_items(record, brief)
    examples = []
    for question in item_questions(brief, analysis.text, analysis.sentences, chat_prompt, kinds):
        gold = golds.get((question.field, question.index))
        value = None if gold is None else gold.get(ITEM_KINDS[question.kind][1])
        if value in question.schema["properties"][question.kind]["enum"]:
            answer = answer_json({question.kind: value})
            examples.append(DecisionExample(str(record["id"]), question.prompt, answer, (question.kind,), True))
    return examples


def _open_every_decision(analysis: Analysis) -> None:
    """Make the rules unsure of every figure with more than one grounded option, so that
    `pending_decisions` asks about it too. Only for building examples: the analysis is not
    used for a brief afterwards."""
    for figure in analysis.figures:
        figure.category_sure = False
        if figure.sources_in_sentence == 1 and len(figure.sources) > 1:
            figure.sources_in_sentence = 2  # offered all its sources, without "not stated"


def gold_figures(analysis: Analysis, gold_toll: list[dict]) -> dict[int, dict]:
    """The gold figure of each candidate figure (by index), one-to-one: first pairs whose gold
    evidence lies in (or holds) the candidate's sentence, then the rest by count alone."""
    text = analysis.text
    candidates = [
        {"count": figure.count, "count_max": figure.count_max, "sentence": figure.sentence}
        for figure in analysis.figures
    ]

    def near(gold: dict, candidate: dict) -> bool:
        evidence, sentence = gold.get("evidence") or "", candidate["sentence"]
        written = text[sentence.start : sentence.end]
        return _same_count(gold, candidate) and bool(evidence) and (evidence in written or written in evidence)

    paired: dict[int, dict] = {}
    first = _match(gold_toll, candidates, near)
    for gold_index, candidate_index in first.owner.items():
        paired[candidate_index] = gold_toll[gold_index]
    left_gold = [g for i, g in enumerate(gold_toll) if i not in first.owner]
    left = [i for i in range(len(candidates)) if i not in paired]
    second = _match(left_gold, [candidates[i] for i in left], _same_count)
    for gold_index, position in second.owner.items():
        paired[left[position]] = left_gold[gold_index]
    return paired


def _gold_answer(schema: dict, gold: dict, record: dict) -> dict | None:
    """The answer naming the gold's choice for each question of `schema`, or None when one of
    them has no option that says what the gold says."""
    answer = {}
    for kind, question in schema["properties"].items():
        options = question["enum"]
        if kind == "category":
            choice = gold.get("category") if gold.get("category") in options else None
        else:
            choice = _gold_source_option(options, gold, record)
        if choice is None:
            return None
        answer[kind] = choice
    return answer


def _gold_source_option(options: list[str], gold: dict, record: dict) -> str | None:
    if gold.get("source") is None:
        return NOT_STATED if NOT_STATED in options else None
    for option in options:
        if option != NOT_STATED and _same_source(gold, {"source": option}, record):
            return option
    return None


def summary(examples: Iterable[DecisionExample]) -> dict:
    """How many examples of each kind: asked as the pipeline asks them, or extra (a decision
    the rules take alone, or a question with its options in another order)."""
    counts: Counter = Counter()
    for example in examples:
        for kind in example.kinds:
            counts[f"{kind}{'' if example.asked else ' (extra)'}"] += 1
        counts["examples"] += 1
    return dict(sorted(counts.items()))
