"""People named with their age ('Maria Okonjo, 34, a teacher, ...'): news gives a person's age
when it tells what happened to them, so a name with an age is a person whatever NER tagged it
(or left untagged), and such a person with no other cue near is one of the event's victims.

The parse shows the age as a number in apposition to the name's last word; the name is the
run of proper nouns that ends there, less a title before it ('Inspector')."""

from __future__ import annotations

import re

from .entities import reads_as_place
from .gazetteer import gazetteer_kind
from .names import _TITLES, EntityMention
from .sentences import Sentence

_TITLE_WORD = re.compile(rf"{_TITLES}|[A-Z]\w*-(?:General|Colonel)")
# the lower-case particles inside personal names ('Ana de la Cruz', 'Ali bin Said')
_PARTICLES = frozenset({"de", "del", "la", "da", "das", "do", "dos", "van", "von", "der", "bin", "ibn", "al", "el"})
# the age after a name: ', 34,' or ', 34.'
AGE_AFTER = re.compile(r",\s+(\d{1,3})\s*[,.;)]")


def _age(token) -> bool:
    """A number of years a person can be, in apposition to a proper noun right before its comma."""
    if not token.text.isdigit() or not 0 < int(token.text) <= 110:
        return False
    head = token.head
    return (
        token.dep_ == "appos"
        and head.pos_ == "PROPN"
        and head.i == token.i - 2
        and token.doc[token.i - 1].text == ","
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].text in (",", ".", ";", ")")
    )


def _hyphen_joined(doc, first: int) -> bool:
    """Whether the token at `first` is joined by a bare hyphen to a capitalised word before it
    ('Mary-Jo', 'Abu-Bakr'): one name, which the tokenizer splits in three."""
    return (
        first >= 2
        and doc[first - 1].text == "-"
        and not doc[first - 1].whitespace_
        and not doc[first - 2].whitespace_
        and doc[first - 2].text[:1].isupper()
        and doc[first - 2].is_alpha
    )


def _name_before(last) -> list:
    """The proper nouns that end at `last` ('Ana de la Cruz'), without a title before them."""
    doc = last.doc
    first = last.i
    while first > 0:
        before = doc[first - 1]
        if (
            before.pos_ == "PROPN"
            and before.text[:1].isupper()
            or before.lower_ in _PARTICLES
            and first >= 2
            and doc[first - 2].pos_ == "PROPN"
        ):
            first -= 1
        elif _hyphen_joined(doc, first):
            first -= 2
        else:
            break
    tokens = list(doc[first : last.i + 1])
    while tokens and _TITLE_WORD.fullmatch(tokens[0].text):
        tokens.pop(0)
    return tokens


def aged_people(sentences: list[Sentence], docs: dict) -> list[EntityMention]:
    """Every name written with an age, as a person's mention."""
    found = []
    for sentence in sentences:
        doc = docs.get(sentence.start)
        if doc is None:
            continue
        for token in doc:
            if not _age(token):
                continue
            tokens = _name_before(token.head)
            if not 2 <= len(tokens) <= 5 or not all(
                t.text[:1].isupper() or t.lower_ in _PARTICLES or t.text == "-" for t in tokens
            ):
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            name = doc.text[start:end]
            if gazetteer_kind(name) or reads_as_place(name):
                continue
            found.append(EntityMention(name, sentence.start + start, sentence.start + end, "PERSON"))
    return found


def with_aged_people(mentions: list[EntityMention], aged: list[EntityMention]) -> list[EntityMention]:
    """The mentions, with each name written with an age as a person in place of the mentions
    that overlap it (NER's 'Ruiz Martínez' of 'Dolores Ruiz Martínez', or a place's tag)."""
    kept = [m for m in mentions if not any(m.start < a.end and a.start < m.end for a in aged)]
    return sorted(kept + aged, key=lambda m: m.start)


def written_with_age(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether any mention of a person is followed by their age ('X, 34,')."""
    return any(AGE_AFTER.match(text, end) and 0 < int(AGE_AFTER.match(text, end).group(1)) <= 110 for _, end in spans)


# '..., said a neighbour, X, 52.' / 'X, 52, told reporters': the age of someone who speaks
_SPEAKER_BEFORE = re.compile(
    r"\b(?:said|says|told|recalled|added|explained|according\s+to)\s+(?:(?:an?|the|his|her|their|one)\s+)?"
    r"(?:[a-z-]+\s+){0,2}[a-z-]+,\s*$"
)
_SPEAKER_AFTER = re.compile(
    r",\s+\d{1,3},\s+(?:(?:an?|the)\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s+)?(?:said|says|told|recalled|added|explained)\b"
)


def speaks_with_age(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a mention written with an age is the person who speaks ('said a neighbour, X, 52')."""
    return any(
        _SPEAKER_BEFORE.search(text, max(0, start - 60), start) or _SPEAKER_AFTER.match(text, end)
        for start, end in spans
    )
