"""Several articles' model decisions decoded together.

`pipeline.summarise_text` decodes one article's decisions at a time (those sharing a schema
as one batch). `summarise_batch` analyses several articles first, pools all their decision
prompts, hands the model the whole pool (schemas mixed) in one call, then builds each brief. The
prompts come from `pipeline.model_choices` itself (run once against a recorder), so they are
the exact prompts of the one-article path.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .brief import Brief
from .errors import GenerationError
from .generate import Generator
from .pipeline import (
    DECISION_KINDS,
    Analysis,
    Options,
    RunStats,
    analyse,
    build_brief,
    check_article,
    model_choices,
    model_items,
    with_new_notes,
)


class _Recorder:
    """Stands in for the model while `model_choices` lays out its prompts; answers with each
    enum's first option so the pass runs to the end without a model."""

    def __init__(self, generator: Generator):
        self.name = generator.name
        self._generator = generator
        self.requests: dict[tuple[str, str], tuple[dict, int]] = {}
        self.scorings: dict[tuple[str, tuple[str, ...]], None] = {}
        if getattr(generator, "score_completions", None) is not None:
            self.score_completions = self._record_scoring

    def _record_scoring(self, prompt: str, completions: list[str]) -> list[tuple[float, int]]:
        self.scorings[(prompt, tuple(completions))] = None
        return [(0.0, 1)] * len(completions)

    def chat_prompt(self, system: str, user: str) -> str:
        return self._generator.chat_prompt(system, user)

    def generate_json(self, prompts: list[str], schema: dict, max_new_tokens: int) -> list[str]:
        key = json.dumps(schema, sort_keys=True)
        for prompt in prompts:
            self.requests[(key, prompt)] = (schema, max_new_tokens)
        answer = {name: prop["enum"][0] for name, prop in schema["properties"].items()}
        return [json.dumps(answer)] * len(prompts)


class _Replayer:
    """Hands `model_choices` the answers the model gave for the pooled prompts."""

    def __init__(self, generator: Generator, answers: dict[tuple[str, str], str], scores: dict | None = None):
        self.name = generator.name
        self._generator = generator
        self._answers = answers
        self._scores = scores or {}
        if getattr(generator, "score_completions", None) is not None:
            self.score_completions = self._replay_scoring

    def _replay_scoring(self, prompt: str, completions: list[str]) -> list[tuple[float, int]]:
        try:
            return self._scores[(prompt, tuple(completions))]
        except KeyError as exc:
            raise GenerationError("a decision prompt changed between layout and replay") from exc

    def chat_prompt(self, system: str, user: str) -> str:
        return self._generator.chat_prompt(system, user)

    def generate_json(self, prompts: list[str], schema: dict, max_new_tokens: int) -> list[str]:
        key = json.dumps(schema, sort_keys=True)
        try:
            return [self._answers[(key, prompt)] for prompt in prompts]
        except KeyError as exc:  # model_choices asked for something the recorder never saw
            raise GenerationError("a decision prompt changed between layout and replay") from exc


def pooled_answers(
    analyses: Sequence[Analysis],
    generator: Generator,
    batch_size: int | None = None,
    decides: frozenset[str] = DECISION_KINDS,
    choice: str = "greedy",
    shots: int = 0,
    scores: dict | None = None,
) -> tuple[dict, int]:
    """The model's answer to every decision prompt of `analyses`, and the number of calls to
    the generator it took. A generator that decodes mixed schemas together
    (`generate_requests`) gets the whole pool in one call, `batch_size` prompts per forward
    pass; any other gets one `generate_json` call per schema. Log-likelihood choice scores
    each prompt's options (filled into `scores`, keyed by prompt and options)."""
    recorder = _Recorder(generator)
    for analysis in analyses:
        model_choices(analysis, recorder, RunStats(), decides, choice, shots)
    if scores is not None:
        for prompt, completions in recorder.scorings:
            scores[(prompt, completions)] = generator.score_completions(prompt, list(completions))
    keys = list(recorder.requests)
    if not keys:
        return {}, 0
    mixed = getattr(generator, "generate_requests", None)
    if mixed is not None:
        requests = [(prompt, *recorder.requests[(key, prompt)]) for key, prompt in keys]
        try:
            outputs = mixed(requests, batch_size=batch_size)
            return dict(zip(keys, outputs, strict=True)), 1
        except GenerationError:
            pass  # one grammar the model cannot write: schema by schema, without that one
    by_schema: dict[str, list[str]] = {}
    for key, prompt in keys:
        by_schema.setdefault(key, []).append(prompt)
    answers: dict[tuple[str, str], str] = {}
    for key, prompts in by_schema.items():
        schema, max_new_tokens = recorder.requests[(key, prompts[0])]
        try:
            outputs = generator.generate_json(prompts, schema, max_new_tokens)
        except GenerationError:
            continue  # unanswered: the replay fails these questions, and the rules keep them
        answers.update({(key, prompt): output for prompt, output in zip(prompts, outputs, strict=True)})
    return answers, len(by_schema)


def summarise_batch(
    texts: Sequence[str],
    generator: Generator,
    stats: RunStats | None = None,
    options: Options | None = None,
    batch_size: int | None = None,
    published: Sequence[str | None] | None = None,
) -> list[Brief]:
    """The briefs of `texts`, their model decisions decoded together (see module docstring);
    `published`: each text's publication date, or None."""
    stats = stats or RunStats()
    options = options or Options()
    dates = list(published) if published is not None else [None] * len(texts)
    analyses = [analyse(check_article(text), options, date) for text, date in zip(texts, dates, strict=True)]
    scores: dict = {}
    answers, _ = pooled_answers(
        analyses, generator, batch_size, options.model_decides, options.choice, options.shots, scores
    )
    replayer = _Replayer(generator, answers, scores)
    # the entities' decisions (if the policy gives any to the model) follow each brief, asked
    # article by article: they need the brief the figures' decisions make
    briefs = []
    for analysis in analyses:
        noted = len(stats.notes)
        choices = model_choices(analysis, replayer, stats, options.model_decides, options.choice, options.shots)
        brief = model_items(build_brief(analysis, choices, stats, options), analysis, generator, stats, options)
        briefs.append(with_new_notes(brief, stats, noted))
    return briefs
