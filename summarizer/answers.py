"""How a model answers a figure's decision: the question (grounded options as a JSON Schema
of enums, and the prompt), then either the constrained decoder's greedy walk through the
grammar or log-likelihood scoring of every answer the grammar allows (total, per token, or
against a neutral premise). The pipeline asks (pipeline.questions); this module answers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import GenerationError
from .generate import Generator
from .prompts_io import render

if TYPE_CHECKING:
    from .pipeline import RunStats

CHOICE_METHODS = ("greedy", "loglik", "loglik-norm", "loglik-pmi")


@dataclass(frozen=True)
class Question:
    """One decision put to the model: the figure it is about (its index among the rules'
    choices), the grounded options as a JSON Schema of enums, and the prompt."""

    index: int
    schema: dict
    prompt: str


def decision_schema(categories: list[str], sources: list[str]) -> dict:
    properties, required = {}, []
    if len(categories) > 1:
        properties["category"] = {"enum": categories}
        required.append("category")
    if len(sources) > 1:
        properties["source"] = {"enum": sources}
        required.append("source")
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def split_values(kind: str, values: list[str]) -> tuple[list[str], list[str]]:
    return (values, []) if kind == "category" else ([], values)


def model_answers(
    generator: Generator, asked: list[Question], choice: str, stats: RunStats | None = None, fallback: bool = False
) -> list[dict | None]:
    """The model's answer (a dict of the schema's keys) to each question, in order.

    With `fallback`, a question whose grammar the model cannot write (an option with a
    character its vocabulary has no token for, 'Iași' for some GGUF vocabularies) gets None,
    so that the rules keep that decision and the brief is not lost; the brief's notes say so."""
    if choice not in CHOICE_METHODS:
        raise GenerationError(f"unknown choice method {choice!r}; use {', '.join(CHOICE_METHODS)}")
    if choice != "greedy":
        scorer = getattr(generator, "score_completions", None)
        if scorer is not None:
            neutral = generator.chat_prompt(render("system"), render("neutral_premise"))
            scored: list[dict | None] = []
            for question in asked:
                try:
                    scored.append(_most_likely(scorer, question, choice, neutral))
                except GenerationError as exc:
                    scored.append(_fallen_back(generator, exc, stats, fallback))
            return scored
        if stats is not None and asked:  # said in the brief's notes, never silent
            stats.notes.append(f"{generator.name}: cannot score options; {choice} choice fell back to greedy")
    answers: list[dict | None] = [None] * len(asked)
    # one batch per distinct schema: the generator compiles each grammar once
    by_schema: dict[str, tuple[dict, list[int]]] = {}
    for position, question in enumerate(asked):
        by_schema.setdefault(json.dumps(question.schema, sort_keys=True), (question.schema, []))[1].append(position)
    for schema, positions in by_schema.values():
        try:
            outputs = generator.generate_json([asked[p].prompt for p in positions], schema, _max_tokens(schema))
        except GenerationError as exc:
            _fallen_back(generator, exc, stats, fallback)
            continue  # these questions keep None: the rules decide them
        for position, output in zip(positions, outputs, strict=True):
            try:
                answers[position] = json.loads(output)
            except json.JSONDecodeError as exc:
                raise GenerationError(f"model output is not JSON: {output[:80]!r}") from exc
    return answers


def _fallen_back(generator: Generator, exc: GenerationError, stats: RunStats | None, fallback: bool) -> None:
    """None (the rules decide) with a note in the brief, or the error when not falling back."""
    if not fallback:
        raise exc
    if stats is not None:
        reason = str(exc).splitlines()[0][:160]
        stats.notes.append(f"{generator.name}: the rules kept a decision the model could not answer ({reason})")
    return None


def grammar_answers(schema: dict) -> list[dict]:
    """Every answer the decision grammar allows (all combinations of its enums), the rules'
    first options first: the completions log-likelihood choice scores."""
    answers: list[dict] = [{}]
    for name, prop in schema["properties"].items():
        answers = [{**answer, name: value} for answer in answers for value in prop["enum"]]
    return answers


def answer_text(answer: dict) -> str:
    """An answer as the grammar writes it: compact JSON, keys in schema order."""
    return json.dumps(answer, separators=(",", ":"), ensure_ascii=False)


def _most_likely(scorer, question: Question, choice: str, neutral: str = "") -> dict:
    """The allowed answer with the highest log-likelihood (total; per token for
    "loglik-norm"; less its log-likelihood after the `neutral` premise for "loglik-pmi",
    the domain-conditional PMI of Holtzman et al. 2021); on a tie the rules' order decides."""
    answers = grammar_answers(question.schema)
    texts = [answer_text(answer) for answer in answers]
    scores = scorer(question.prompt, texts)
    values = [total / max(1, tokens) if choice == "loglik-norm" else total for total, tokens in scores]
    if choice == "loglik-pmi":
        values = [value - prior for value, (prior, _) in zip(values, scorer(neutral, texts), strict=True)]
    return answers[max(range(len(answers)), key=lambda i: (values[i], -i))]


def few_shot_examples(shots: int) -> list[dict]:
    """The first `shots` labelled examples of prompts/choose_figure_examples.json (invented
    sentences, written for the prompt), as the template shows them."""
    if shots <= 0:
        return []
    from .prompts_io import examples

    found = examples("choose_figure_examples")
    if shots > len(found):
        raise GenerationError(f"{shots} shots asked; prompts/choose_figure_examples.json holds {len(found)}")
    return [{**example, "answer_text": answer_text(example["answer"])} for example in found[:shots]]


def _max_tokens(schema: dict) -> int:
    # Every value is an enum, so the longest possible answer is known: its characters bound
    # its tokens. Capping there means generation can never run on to a token limit.
    longest = {name: max(prop["enum"], key=len) for name, prop in schema["properties"].items()}
    return len(json.dumps(longest, separators=(",", ":"))) + 4
