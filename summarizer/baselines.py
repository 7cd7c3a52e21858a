"""Reference systems for the eval table, kept to measure what the pipeline adds:

- `regex_brief`: the one-hour regex (a number near a casualty word, "according to X"),
  with no cleaning, no grouping, no model;
- `single_pass_brief`: the naive design, "pydantic schema -> outlines -> greedy" over the
  whole article, with values kept only when the article contains them.
"""

from __future__ import annotations

import json
import re

from pydantic import BaseModel, Field, ValidationError

from .brief import Actor, Brief, Category, Figure, Place, PlaceType, Qualifier, Role, Source, SourceType
from .candidates import CASUALTY, NUMBER, _qualifier, parse_number
from .errors import GenerationError
from .prompts_io import render

_ACCORDING = re.compile(r"according to (?:the )?((?:[A-Z][\w'-]*\s?)+)")


def regex_brief(text: str) -> Brief:
    toll, sources = [], {}
    for line in re.finditer(r"[^\n]+", text):
        source = _ACCORDING.search(line.group())
        source_name = source.group(1).strip() if source else None
        if source_name:
            start = line.start() + source.start(1)
            sources.setdefault(source_name, []).append((start, start + len(source_name)))
        for match in NUMBER.finditer(line.group()):
            count = parse_number(match.group())
            casualty = CASUALTY.search(line.group(), match.end(), match.end() + 40)
            if count is None or casualty is None:
                continue
            start, end = line.start() + match.start(), line.start() + casualty.end()
            toll.append(
                Figure(
                    category=casualty.lastgroup,
                    count=count,
                    qualifier=_qualifier(line.group()[max(0, match.start() - 30) : match.start()]),
                    source=source_name,
                    evidence=text[start:end],
                    evidence_span=(start, end),
                )
            )
    attribution = [Source(name=name, type="other", mentions=spans) for name, spans in sources.items()]
    return Brief(toll=toll, attribution=attribution)


class _DraftFigure(BaseModel):
    category: Category
    count: int
    qualifier: Qualifier
    source: str = Field(max_length=60)
    evidence: str = Field(max_length=120)


class _DraftActor(BaseModel):
    name: str = Field(max_length=60)
    role: Role


class _DraftPlace(BaseModel):
    name: str = Field(max_length=40)
    type: PlaceType


class _DraftSource(BaseModel):
    name: str = Field(max_length=60)
    type: SourceType


class _Draft(BaseModel):
    who: list[_DraftActor] = Field(max_length=4)
    where: list[_DraftPlace] = Field(max_length=4)
    toll: list[_DraftFigure] = Field(max_length=4)
    attribution: list[_DraftSource] = Field(max_length=4)


SINGLE_PASS_MAX_TOKENS = 600


def _spans(text: str, name: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)] if name else []


def single_pass_brief(text: str, generator, max_chars: int = 6000) -> Brief:
    """The whole article in, the whole brief out; ungrounded values are dropped."""
    prompt = generator.chat_prompt(render("system"), render("single_pass", article=text[:max_chars]))
    plain = getattr(generator, "with_options", None)
    if plain is not None:  # the reference row is outlines' own decoding, without our fast-forward
        generator = plain(fast_forward=False)
    [raw] = generator.generate_json([prompt], _Draft.model_json_schema(), SINGLE_PASS_MAX_TOKENS)
    try:
        draft = _Draft.model_validate(json.loads(raw))
    except (json.JSONDecodeError, ValidationError) as exc:
        raise GenerationError(f"single-pass output is not a complete brief: {raw[-60:]!r}") from exc
    who = [
        Actor(name=a.name, role=a.role, mentions=_spans(text, a.name)) for a in draft.who if a.name and a.name in text
    ]
    where = [
        Place(name=p.name, type=p.type, mentions=_spans(text, p.name)) for p in draft.where if p.name and p.name in text
    ]
    attribution = [
        Source(name=s.name, type=s.type, mentions=_spans(text, s.name))
        for s in draft.attribution
        if s.name and s.name in text
    ]
    toll = []
    for figure in draft.toll:
        start = text.find(figure.evidence) if figure.evidence else -1
        if start < 0:
            continue
        toll.append(
            Figure(
                category=figure.category,
                count=figure.count,
                qualifier=figure.qualifier,
                source=figure.source if figure.source in text else None,
                evidence=figure.evidence,
                evidence_span=(start, start + len(figure.evidence)),
            )
        )
    return Brief(who=who, where=where, toll=toll, attribution=attribution)
