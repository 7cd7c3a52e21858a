"""Entities shared by the rooms that ground names (sources, places, actors): mentions
merged into one entity by a normalised key, every exact occurrence of its names as spans,
and what a bare name reads as (a place, a person) whatever NER tagged it.

Nothing a room grounds leaves it unless the article contains it verbatim: every name of
the brief carries the spans where the text writes it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import gazetteer_kind
from .names import ORG_WORD
from .sentences import Sentence


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"['’]s\b", "", folded)
    folded = re.sub(r"\b(al|el|the)[- ]", "", folded)
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def name_keys(items) -> set[str]:
    """Normalised keys of every name and alias of brief items (actors, places, sources)."""
    return {_key(name) for item in items for name in (item.name, *item.aliases)}


def _words(name: str) -> set[str]:
    return set(_key(name).split())


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper()).upper()


@dataclass
class Entity:
    name: str
    kind: str  # a role, place type or source type
    names: Counter = field(default_factory=Counter)
    spans: list[tuple[int, int]] = field(default_factory=list)
    pinned: bool = False  # the name was chosen deliberately
    # a spokesperson's body, when the article cites it too
    speaks_for: Entity | None = field(default=None, compare=False, repr=False)

    def add(self, name: str, span: tuple[int, int]) -> None:
        self.names[name] += 1
        self.spans.append(span)

    def related(self, name: str) -> bool:
        """Does `name` name this entity: one name's words within the other's ('Observatory'),
        or an acronym of it ('SOHR')? Checked against every name the entity has had."""
        return any(_related(known, name) for known in [self.name, *self.names])


def fold_entities(entities: list[Entity], resolved: dict[int, int], folded: dict[int, int]) -> None:
    """Merge each folded entity (index -> the index of the one it joins) into its target, names
    and spans, and drop it; the mentions' entity numbers in `resolved` follow."""
    for number, target in folded.items():
        for name, count in entities[number].names.items():
            entities[target].names[name] += count
        entities[target].spans += entities[number].spans
    if not folded:
        return
    kept = [n for n in range(len(entities)) if n not in folded]
    index = {old: new for new, old in enumerate(kept)}
    for i, number in list(resolved.items()):
        resolved[i] = index[folded.get(number, number)]
    entities[:] = [entities[n] for n in kept]


def _related(known: str, name: str) -> bool:
    mine, theirs = _words(known), _words(name)
    if not mine or not theirs:
        return False
    if mine <= theirs or theirs <= mine:
        return True
    return (name.isupper() and len(name) >= 3 and name in _acronyms(known)) or (
        known.isupper() and len(known) >= 3 and known in _acronyms(name)
    )


def _acronyms(name: str) -> set[str]:
    """The initials of a name, and of its part after an owner ('the UN's World Food Program'
    is also 'WFP')."""
    owned = re.sub(r"^.*['’]s\s+", "", name)
    return {_initials(name), _initials(owned)}


def occurrences(text: str, names: list[str], sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Every exact occurrence of any of `names` inside the story sentences."""
    spans: set[tuple[int, int]] = set()
    for sentence in sentences:
        for name in names:
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence.text):
                spans.add((sentence.start + match.start(), sentence.start + match.end()))
    # drop spans nested inside a longer one (an alias inside the full name)
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for span in ordered:
        if kept and span[0] >= kept[-1][0] and span[1] <= kept[-1][1]:
            continue
        kept.append(span)
    return kept


# ---------------------------------------------------------------- what a name reads as


_PLACE_OF = re.compile(
    r"\b(?:town|city|village|district|province|region|county|department|governorate|prefecture|municipality|state"
    r"|port|capital|island|suburb|neighbou?rhood)\s+of\s+$",
    re.IGNORECASE,
)


def _named_as_place(text: str, start: int, name: str) -> bool:
    """'the town of Osk': one capitalised word the text itself calls a place."""
    return bool(re.fullmatch(r"[A-Z][\w'’-]+", name) and _PLACE_OF.search(text[max(0, start - 30) : start]))


# 'the islands of Tanna and Erromango', 'the villages of Osk, Brava and Tell': every name of the list
_PLACES_OF = re.compile(
    r"\b(?:towns?|cit(?:y|ies)|villages?|districts?|provinces?|regions?|counties|county|islands?|suburbs?"
    r"|neighbou?rhoods?|communities|settlements?|hamlets?)\s+of\s+"
    r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?:,\s+|,?\s+and\s+))*$"
)


def listed_as_place(text: str, start: int) -> bool:
    """Whether the name at `start` is one of the places a place noun lists ('the islands of X and Y')."""
    return bool(_PLACES_OF.search(text[max(0, start - 120) : start]))


def _looks_like_person(name: str) -> bool:
    """NER often calls a person an organisation; two or three plain capitalised words with no
    organisation word ('DeMarcus Hill') are read as a person, subject to the role cues."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(re.fullmatch(r"[A-Z][\w'’-]+", w) for w in words)
        and not ORG_WORD.search(name)
        and not reads_as_place(name)
        and not any(gazetteer_kind(w) in ("country", "province", "region") for w in words)
    )


# 'Fukushima Prefecture', 'Kirov Oblast': a place, however it is tagged
_PLACE_WORD = re.compile(
    r"\b(Prefectures?|Provinces?|Region|District|County|Oblast|Governorate|Island|Islands|Valley|Coast)\b"
)
# 'Central Java', 'North Kivu': a compass word and one name is a region, not a person
_REGION_NAME = re.compile(
    r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower)\s+[A-Z]\w+$"
)


def reads_as_place(name: str) -> bool:
    """A name whose words make it a place (or a storm: 'Cyclone Amara') whatever NER tagged it."""
    return bool(_PLACE_WORD.search(name) or _REGION_NAME.match(name) or _STORM_NAME.match(name))


_STORM_NAME = re.compile(r"(?:Super\s+)?(?:Cyclone|Typhoon|Hurricane|Tropical\s+Storm|Storm|Tropical\s+Depression)\s")
