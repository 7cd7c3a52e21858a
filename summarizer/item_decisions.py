"""Decisions about the brief's entities: an actor's role, a place's type, a cited source's
type. The rules' brief proposes each value; a model that a policy gives the kind chooses
among the whole closed vocabulary, by the same constrained decoding as the figures'
decisions. Every item records who decided.

The options come in the vocabulary's fixed order, never with the rules' value first: a model
taught on questions whose first option was the rules' (right nine times in ten on its
training texts) learns to answer "the first", and then only echoes the rules. In a fixed
order the answer has to be read from the sentence, so a model that ties the rules has
matched them, not copied them. The rules' value travels beside the question (`proposed`).

The question shows the sentence where the item is first named, so a decision costs that
sentence and its options; the answer can only be a value of the schema's vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .brief import PLACE_TYPES, ROLES, SOURCE_TYPES, Brief
from .candidates import Sentence
from .errors import GenerationError
from .prompts_io import examples, render

# kind -> (the brief's field, the item's attribute, the vocabulary)
ITEM_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "role": ("who", "role", ROLES),
    "place_type": ("where", "type", PLACE_TYPES),
    "source_type": ("attribution", "type", SOURCE_TYPES),
}
MAX_SENTENCE_CHARS = 400  # a longer sentence is cut around the item's name


@dataclass(frozen=True)
class ItemQuestion:
    """One decision about one item of the brief: its kind, its index in its field, the
    answer schema (one enum) and the chat prompt."""

    kind: str
    index: int
    schema: dict
    prompt: str
    proposed: str  # the rules' value: what the brief keeps unless the model decides

    @property
    def field(self) -> str:
        return ITEM_KINDS[self.kind][0]


def item_examples(kind: str, shots: int) -> list[dict]:
    """The first `shots` invented, labelled examples of this kind (prompts/choose_item_examples.json)."""
    if shots <= 0:
        return []
    vocabulary = ITEM_KINDS[kind][2]
    found = [example for example in examples("choose_item_examples") if example["kind"] == kind]
    return [{**example, "options": list(vocabulary)} for example in found[:shots]]


def _sentence_of(item, text: str, sentences: Sequence[Sentence]) -> str:
    """The story sentence where the item is first named (else the first that holds its name),
    cut to MAX_SENTENCE_CHARS around the name."""
    starts = [start for start, _ in item.mentions] or [i for i in [text.find(item.name)] if i >= 0]
    anchor = min(starts) if starts else None
    chosen = next((s for s in sentences if anchor is not None and s.start <= anchor < s.end), None)
    if chosen is None:
        chosen = next((s for s in sentences if item.name in s.text), None)
    if chosen is None:
        return item.name
    sentence = chosen.text
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence
    at = max(0, (anchor - chosen.start if anchor is not None else 0) - MAX_SENTENCE_CHARS // 2)
    return sentence[at : at + MAX_SENTENCE_CHARS]


def item_questions(
    brief: Brief,
    text: str,
    sentences: Sequence[Sentence],
    chat_prompt: Callable[[str, str], str],
    decides: frozenset[str],
    shots: int = 0,
) -> list[ItemQuestion]:
    """A question for every item of each kind in `decides`, in field order."""
    asked: list[ItemQuestion] = []
    system = render("system")
    for kind, (field_name, attribute, vocabulary) in ITEM_KINDS.items():
        if kind not in decides:
            continue
        shown = item_examples(kind, shots)
        for index, item in enumerate(getattr(brief, field_name)):
            proposed = getattr(item, attribute)
            options = list(vocabulary)
            user = render(
                "choose_item",
                kind=kind,
                examples=shown,
                sentence=_sentence_of(item, text, sentences),
                item=item.name,
                options=options,
            )
            schema = {
                "type": "object",
                "properties": {kind: {"enum": options}},
                "required": [kind],
                "additionalProperties": False,
            }
            asked.append(ItemQuestion(kind, index, schema, chat_prompt(system, user), proposed))
    return asked


def with_answers(brief: Brief, asked: Sequence[ItemQuestion], answers: Sequence[dict | None]) -> Brief:
    """The brief with each asked item's value set to the model's answer, marked as the model's
    (an unanswered question, None, keeps the rules' value)."""
    fields = {name: list(getattr(brief, name)) for name, _, _ in ITEM_KINDS.values()}
    for question, answer in zip(asked, answers, strict=True):
        if answer is None:
            continue
        _, attribute, vocabulary = ITEM_KINDS[question.kind]
        value = answer.get(question.kind)
        if value not in vocabulary:  # the grammar allows nothing else; a defect if it happens
            raise GenerationError(f"{question.kind} answer {value!r} is not in its vocabulary")
        items = fields[question.field]
        items[question.index] = items[question.index].model_copy(update={attribute: value, "decided_by": "model"})
    return brief.model_copy(update=fields)
