"""Figures: the words around a number: its qualifier ('at least', 'nearly'), the casualty
words that may govern it, the group it counts (the noun phrase after it), the clause that is
its evidence, and the candidate that carries them. Finding the candidates is figures.py's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sentences import Sentence

# ---------------------------------------------------------------- qualifiers and ranges

_QUALIFIERS = [
    ("at_least", r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of"),
    (
        "over",
        r"more\s+than|over|in\s+excess\s+of|upwards?\s+of|above|exceeding|beyond"
        r"|(?<=(?:toll|aths)\s)(?:passes|passed|pass|tops|topped|top|exceeds|exceeded|exceed|surpasses|surpassed|surpass)",
    ),
    ("up_to", r"up\s+to|as\s+many\s+as|as\s+high\s+as|at\s+most|no\s+more\s+than|(?<!no\s)(?:fewer|less)\s+than"),
    ("about", r"about|around|nearly|almost|close\s+to|just\s+under|some\s+(?=\d)"),
    ("approximate", r"some|roughly|approximately|an\s+estimated|estimated|approx\.?|circa"),
]
_QUALIFIER_BEFORE = [(name, re.compile(rf"\b(?:{pattern})\s*$", re.IGNORECASE)) for name, pattern in _QUALIFIERS]
_RANGE_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*(?:and|to|-|–)\s*", re.IGNORECASE)


# ---------------------------------------------------------------- casualty words

CASUALTY_WORDS = [
    ("killed", r"fatally\s+(?:shot|stabbed|wounded|injured|hit|struck|beaten|burned)"
     r"|killed|kill(?:s|ing)?|dead|deaths?|died|dying|fatalities|fatality"
     r"|lives(?!\s+(?:are\s+|were\s+|is\s+)?(?:(?:now|still|increasingly)\s+)?(?:at\s+risk|in\s+danger|threatened|endangered))"
     r"|slain|perished|succumbed|executed|massacred|bodies|death\s+toll|murdered|lost\s+their\s+lives"
     r"|drowned|burned\s+to\s+death|crushed\s+to\s+death|electrocuted|beheaded|lynched|neutrali[sz]ed|eliminated"),
    ("injured", r"injured|wounded|injuries|injuring|wounding|hurt|hospitali[sz]ed|maimed"
     r"|admitted\s+to\s+(?:[\w'’-]+\s+){0,4}?hospitals?"
     r"|treated\s+for|to\s+(?:a\s+|the\s+)?(?:local\s+|nearby\s+)?hospitals?|suffering\s+from|gunshot\s+(?:victims|wounds)|taken\s+to\s+hospital|beaten"
     r"|(?:badly|severely|seriously|critically)\s+burn(?:ed|t)|suffered\s+burns"
     r"|(?:remain(?:ed|s)?|were|are|still)\s+in\s+(?:the\s+)?hospitals?"
     r"|in\s+(?:a\s+)?(?:critical|serious|grave)\s+condition"
     # 'others were being treated at the hospital', 'men with gunshot and stab wounds'
     r"|(?:being|been)\s+treated|receiving\s+treatment|(?:with|suffering|sustained)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}wounds"),
    ("missing", r"missing|unaccounted\s+for|disappeared|abducted|kidnapped"
     r"|feared\s+(?:buried|trapped)|still\s+trapped|trapped\s+(?:under|beneath|in)"
     r"|(?:remain(?:ed|s)?|are|were)\s+(?:still\s+)?trapped"
     r"|believed\s+to\s+be\s+(?:buried|under|beneath)"
     # 'taken to unknown locations': an enforced disappearance
     r"|taken\s+(?:away\s+)?to\s+(?:an?\s+)?(?:unknown|undisclosed)\s+(?:locations?|destinations?|places?)"),
    ("arrested", r"arrested|arrests?|detained|detentions?|apprehended|captured|in(?:to)?\s+custody|jailed"
     r"|rounded\s+up|held\s+in\s+custody"
     # 'picked up by police', 'picked up in raids' (not survivors picked up by a boat)
     r"|picked\s+up[\"”']?\s+(?:by\s+(?:the\s+)?(?:police|security|soldiers|troops|army|authorities)"
     r"|in\s+(?:[\w-]+\s+)?(?:operations|raids|sweeps|crackdowns?))"
     r"|(?:taken|brought|held|picked\s+up)\s+(?:in\s+)?for\s+questioning"),
    ("displaced", r"displaced|evacuated|homeless|forced\s+from\s+their\s+homes|fled|lost\s+their\s+homes"
     r"|(?:forced\s+to\s+|had\s+to\s+|to\s+)?flee(?:ing)?(?:\s+(?:their\s+(?:\w+\s+)?homes?|the\s+(?:area|region|fighting|violence)))?"
     r"|(?:from|out\s+of)\s+their\s+homes"
     r"|(?:took|taken|taking|sought|seeking)\s+refuge"
     r"|relocated|(?:moved|taken|bus(?:s)?ed|transported|ferried)\s+(?:by\s+\w+\s+)?(?:in)?to\s+(?:\w+\s+){0,3}"
     r"(?:shelters|camps|facilities|halls|evacuation\s+cent(?:re|er)s)"
     # 'had crowded into the mission compound': people who fled to a refuge
     r"|(?:crowded|packed|crammed|flocked)\s+into\s+(?:[\w-]+\s+){0,3}(?:compounds?|missions?|camps?|bases?|churche?s?"
     r"|mosques?|barracks)"
     r"|in\s+(?:\w+\s+){0,2}shelters|sheltering|took\s+shelter|sought\s+shelter"
     r"|without\s+(?:shelter|a\s+home|homes|a\s+roof)"
     r"|(?:spent|spend|spending|sleeping|slept|living|staying|stayed)\s+(?:the\s+nights?\s+)?"
     r"(?:in\s+(?:makeshift\s+|emergency\s+|temporary\s+)?tents|in\s+the\s+open|outdoors)"),
    ("affected", r"affected|stranded|marooned|cut\s+off|(?:lashed|battered|pounded|buffeted)\s+by"
     r"|infected|infections?|(?:suspected\s+|confirmed\s+)?cases"
     r"|sickened|(?:fell|fallen|taken|become|became)\s+(?:ill|sick)"
     # 'puts 9,000 lives at risk', 'some 5,000 villagers are at risk': people the event endangers
     r"|at\s+(?:grave\s+|serious\s+|high\s+)?risk|in\s+danger"),
]  # fmt: skip
CASUALTY = re.compile(
    "|".join(rf"(?P<{name}>\b(?:{pattern})\b)" for name, pattern in CASUALTY_WORDS),
    re.IGNORECASE,
)

# An outbreak's story: those treated or in hospital are its cases, not injured (words of harm say otherwise)
_ILLNESS = re.compile(
    r"\b(?:cholera|measles|ebola|marburg|lassa|dengue|malaria|typhoid|meningitis|diphtheria|mpox|covid|coronavirus"
    r"|influenza|anthrax|plague|hepatitis|polio|outbreaks?|epidemics?|pandemic|virus|infections?|infected"
    r"|poisoning|poisoned|contaminated)\b",
    re.IGNORECASE,
)
HARMED = re.compile(r"injur|wound|hurt|burn|maim|beaten|gunshot|shrapnel|fractur|trauma", re.IGNORECASE)


def an_illness(text: str) -> bool:
    """Is the story about an illness (its words twice or more), not a blast or a flood that names one once?"""
    return len(_ILLNESS.findall(text)) >= 2


# Words that end the noun phrase after a number (the group it counts).
_GROUP_STOP = re.compile(
    r"\b(were|was|have|has|had|are|is|be|been|being|in|on|at|during|when|after|before|while|as"
    r"|who|whose|which|that|from|across|including|along|amid|near|since|by|following|and|but|with"
    r"|reportedly|also|so|far|others?\s+were|may|might|could|would|will|can|must|should|remain|remains|remained"
    r"|left|sustained|suffered|suffering|sustaining|spent|spend|spending)\b|[,;:()“”\"—–]",
    re.IGNORECASE,
)


@dataclass
class FigureCandidate:
    """One number expression tied to a casualty word, with its context."""

    count: int
    count_max: int | None
    qualifier: str
    categories: list[str]  # plausible categories, best first
    group: str | None
    number_span: tuple[int, int]
    evidence_span: tuple[int, int]
    sentence: Sentence
    background: bool = False
    category_sure: bool = True  # a casualty word right before or after the number governs it
    sources: list[str] = field(default_factory=list)  # plausible sources, best first
    sources_in_sentence: int = 0  # distinct sources its own sentence cites


def _qualifier(before: str) -> str:
    for name, pattern in _QUALIFIER_BEFORE:
        if pattern.search(before):
            return name
    return "exact"


def _group(text: str, start: int, limit: int) -> tuple[str | None, int]:
    """The noun phrase right after a number: up to a stop word, casualty word or punctuation."""
    window = text[start:limit]
    stop = _GROUP_STOP.search(window)
    casualty = CASUALTY.search(window)
    cut = min([m.start() for m in (stop, casualty) if m] + [len(window), 60])
    phrase = window[:cut]
    phrase = re.sub(r"^\s*(of\s+(the\s+)?|people\s+of\s+)", "", phrase)
    phrase = phrase.strip(" ,.;:'\"")
    if re.match(r"(?:whom|which|them|those|these)\b", phrase, re.IGNORECASE):
        return None, start  # 'three of whom died': a part of a group named before, not a group
    words = phrase.split()
    if not words or len(words) > 8 or not re.search(r"[^\W\d_]", phrase):
        return None, start
    return phrase, start + window.find(phrase) + len(phrase)


_LIST_REACH = 400  # characters before a number searched for its cue or its clause's start


def _strip_qualifier(before: str) -> str:
    for _, pattern in _QUALIFIER_BEFORE:
        before = pattern.sub("", before)
    return _RANGE_BEFORE.sub("", before)


def _evidence(text: str, sentence: Sentence, start: int, end: int, limit: int, casualty_end: int) -> tuple[int, int]:
    """A short clause around the figure: from the start of its clause through the number, its
    group and the casualty word that governs it."""
    floor = max(sentence.start, start - _LIST_REACH)
    left = text[floor:start]
    cut = max(left.rfind(", "), left.rfind("; "), left.rfind(" – "))
    clause_start = floor + (cut + 2 if cut >= 0 else 0)
    _, group_end = _group(text, end, limit)
    clause_end = max(end, group_end, casualty_end)
    while clause_end > clause_start and text[clause_end - 1] in " ,;:":
        clause_end -= 1
    while clause_start < clause_end and text[clause_start] in " ,;:":
        clause_start += 1
    return clause_start, clause_end
