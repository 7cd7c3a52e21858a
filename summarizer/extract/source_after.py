"""The source named after 'according to' or an inverted 'said': the noun phrase that follows
('according to the state news agency SANA', '..., said the Red Cross')."""

from __future__ import annotations

import re

from .source_names import (
    APPOSED_NAME,
    DESCRIBED_THEN_NAMED,
    PEOPLE_AFTER,
    PERSON_OF_BODY,
    POSSESSED_BODY,
    strip_connectives,
    trim_name,
)
from .source_words import DESCRIPTION_HEADS

# the small words inside names ('Ministry of Health', 'Minera Andina del Sur'), whole words only
_NAME = (
    r"(?:[A-Z][\w'’.&-]*|(?:al|el)-\w+|(?:of|for|on|the|and|de|du|del|da|do|dos|das|el|bin|ibn)(?!\w)"
    r"|to(?=\s+[A-Z]))"
)
PROPER = re.compile(rf"[A-Z][\w'’.&-]*(?:\s+{_NAME})*(?<![\s,])")

# Descriptions that stand for a source named elsewhere ("the monitor added").
GENERIC_SOURCE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?-i:[a-z][\w-]*|UK-based|US-based)\s+){0,2}"
    r"(monitor(?:ing\s+group)?|observatory|agency|news\s+agency|ministry|group|watchdog|report"
    r"|organi[sz]ation|broadcaster|channel|newspaper|outlet)$",
    re.IGNORECASE,
)


_DESCRIPTOR = (
    r"state|news|agency|spokes\w*|official|minister|ministry|monitor\w*|group|media|television|tv"
    r"|run|based|war|rights|defen[cs]e|source|director|commander|chief|head|police|security"
)
_NP_AFTER = re.compile(
    rf"\s*(?:the\s+|a\s+|an\s+)?((?:(?:[A-Z][\w'’.&-]*|(?:al|el)-\w+|{_DESCRIPTOR}|of|for|and|the|del|da|do|dos|das|to(?=\s+[A-Z]))\s*){{1,9}})"
)
NOT_NAMES = re.compile(
    r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May"
    r"|June|July|August|September|October|November|December|It|He|She|They|We|I|This|That|These"
    r"|Those|There|On|In|At|During|After|Before|Earlier|Later|Meanwhile|However|But|And|Its|Their|His|Her|Our"
    r"|A|An|The)$"
)


def _last_proper_run(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The last run of capitalised words in a noun phrase: 'state news agency SANA' -> SANA."""
    runs = list(PROPER.finditer(text, start, end))
    runs = [r for r in runs if not NOT_NAMES.match(r.group())]
    if not runs:
        return None
    run = runs[-1]
    # keep 'Syrian Defence Ministry spokesperson Hasan X' -> 'Hasan X', but a name split only
    # by 'of'/'for' ('Ministry of Defence') is one run already.
    return trim_name(text, *strip_connectives(text, run.start(), run.end()))


def noun_phrase_after(text: str, position: int, ceiling: int) -> tuple[int, int] | None:
    """The source right after 'according to' or an inverted 'said X'."""
    described = DESCRIBED_THEN_NAMED.match(text[:ceiling], position)
    if described and described.group(1).casefold() in DESCRIPTION_HEADS:
        return described.span(2)  # 'according to the UN peacekeeping mission, MINUSCA': the name
    person = PERSON_OF_BODY.match(text[:ceiling], position)
    if person:  # 'according to an official of the X Ministry (, Ana Ruiz,)': the person
        named = APPOSED_NAME.match(text[:ceiling], person.end())
        start, end = named.span(1) if named else person.span(1)
        return start, start + len(text[start:end].rstrip(".,;:"))
    window_match = _NP_AFTER.match(text[:ceiling], position)
    if not window_match:
        return None
    np_start, np_end = window_match.start(1), window_match.end(1)
    phrase = text[np_start:np_end].strip()
    if re.fullmatch(
        r"(?:the\s+|a\s+|an\s+)?[\w-]*\s*(?:[\w-]+\s+)?"
        r"(?:monitor\w*|observatory|agency|ministry|group|report|watchdog|source)",
        phrase,
        re.I,
    ) and not re.search(r"\b[A-Z]{2,}\b(?!-based)|\b[A-Z][a-z]+\s+[A-Z]", phrase):
        generic = re.match(r"\s*((?:the|a|an)\s+(?:[\w-]+\s+){0,2}\w+)", text[position:ceiling], re.I)
        if generic and GENERIC_SOURCE.match(generic.group(1)):
            return position + generic.start(1), position + generic.end(1)
    span = _last_proper_run(text, np_start, np_end) if re.search(r"[A-Z]", phrase) else None
    people = span and PEOPLE_AFTER.match(text[:ceiling], span[1])
    if people:  # 'according to Varnian government officials': the officials, not 'Varnian'
        return span[0], people.end()
    possessed = span and POSSESSED_BODY.match(text, span[1])
    # 'according to the Attorney General's office': the office is the source
    return (span[0], possessed.end()) if possessed else span
