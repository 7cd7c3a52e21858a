"""Described people among the cited sources: an unnamed title ('a provincial official said')
that is the person the article names elsewhere with the same words beside their name, or
who 'also says' right after it, folded into that person as one source."""

from __future__ import annotations

import re

from .entities import Entity, _looks_like_person, fold_entities
from .sources import SourceMention

_PERSON_TITLES = frozenset(
    [
        "official",
        "governor",
        "minister",
        "mayor",
        "chief",
        "commander",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "administrator",
        "coordinator",
        "superintendent",
        "inspector",
        "commissioner",
        "chairman",
        "chairwoman",
        "officer",
    ]
)


def fold_described_people(
    text: str, mentions: list[SourceMention], entities: list[Entity], resolved: dict[int, int]
) -> None:
    """'a provincial official said' ... 'provincial transport minister Ana Ruiz told AFP': an
    unnamed title is the person the article names with the same words beside their name (the
    nearest such person of the same kind); the description becomes one of the person's names."""
    folded: dict[int, int] = {}
    for number, entity in enumerate(entities):
        names = sorted(entity.names, key=len, reverse=True)
        if not names or not all(name.split()[0].islower() for name in names):
            continue
        also = _also_named(text, mentions, entities, resolved, number)
        if also is not None and names[0].split()[0] in _PERSON_TITLES:
            folded[number] = also  # 'the governor of X, ..., says' ... 'Ana Ruiz also says'
            continue
        words = {w.lower() for w in content_words(names[0])}
        if any(re.search(r"[A-Z]", name) for name in names):
            continue
        if names[0].split()[-1].lower() not in _PERSON_TITLES or len(words) < 2:
            continue
        first = min(m.start for i, m in enumerate(mentions) if resolved.get(i) == number)
        near = [
            (abs(m.start - first), resolved[i])
            for i, m in enumerate(mentions)
            if resolved.get(i) not in (None, number)
            and entities[resolved[i]].kind == entity.kind
            and _looks_like_person(entities[resolved[i]].name)
            and words & set(re.findall(r"[a-z]+", _title_beside(text, m).lower()))
        ]
        if near:
            folded[number] = min(near)[1]
    for number, person in folded.items():
        if entities[person].kind == "other":
            entities[person].kind = entities[number].kind
    fold_entities(entities, resolved, folded)


def _also_named(
    text: str, mentions: list[SourceMention], entities: list[Entity], resolved: dict[int, int], number: int
) -> int | None:
    """'The governor of X, who was at the hotel, says ...' and then 'Ana Ruiz also says ...':
    the person the next citation names with nothing beside the name but 'also' is the one just
    described (the entity number of that person, if so)."""
    last = max(i for i in resolved if resolved[i] == number)
    following = next((i for i in range(last + 1, len(mentions)) if i in resolved and not mentions[i].pronoun), None)
    if following is None:
        return None
    mention, person = mentions[following], entities[resolved[following]]
    bare = not _title_beside(text, mention).strip() and re.match(r"\s+also\b", text[mention.end :])
    return resolved[following] if bare and _looks_like_person(person.name) and person.kind == "other" else None


def _title_beside(text: str, mention: SourceMention) -> str:
    """The words that describe a named person in their own clause: the title before the name
    ('provincial transport minister Ana Ruiz') and the apposition after it (', chairman of X')."""
    before = re.split(r"[,.;:\"“”(]", text[mention.sentence_start : mention.start])[-1]
    after = re.match(r",\s*([^,.;]*)", text[mention.end : mention.end + 120])
    return before + " " + (after.group(1) if after else "")


def content_words(name: str) -> list[str]:
    return [w for w in name.split() if w.lower() not in ("the", "a", "an") and not w.endswith(("'s", "’s"))]


_ITS_SPOKESPERSON = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+)?spokes(?:man|woman|person)\b")


def body_named_before(
    text: str, index: int, mentions: list[SourceMention], entities: list[Entity], resolved: dict[int, int]
) -> list[Entity]:
    """'The X Foundation said ... Its spokesman, Ana Ruiz, said': the body cited last before,
    within a few sentences, is the one 'its' spokesperson speaks for."""
    mention = mentions[index]
    before = text[mention.sentence_start : mention.start]
    if not _ITS_SPOKESPERSON.search(before):
        return []
    for j in range(index - 1, -1, -1):
        if mention.start - mentions[j].start > 600:
            break
        body = entities[resolved[j]] if j in resolved else None
        if body is not None and body is not entities[resolved[index]] and not _looks_like_person(body.name):
            return [body] if re.search(r"[A-Z]", body.name) else []
    return []
