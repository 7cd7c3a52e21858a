"""Where: names that are no place of the event wherever they stand: a dateline's city abroad
('LONDON (Reuters) -'), a name given to a disease, rockets or a festival ('the Marwa virus'),
a person's surname, a people's ('Tarni villages'); and the parts of the text about another
event ('Last week, gunmen killed six in X'). places.py reads them."""

from __future__ import annotations

import re

from .background import is_background
from .gazetteer import gazetteer_kind
from .names import EntityMention
from .sentences import Sentence

_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\([^()]{1,40}\)\s*)?[-–—:]\s")


def is_foreign_dateline(text: str, mention: EntityMention, sentences: list[Sentence]) -> bool:
    """'LONDON (Reuters) - A bomb exploded in Chad': a dateline in capitals says where the
    report was filed. It is a place of the event only when the story names it again."""
    if not (mention.text.isupper() and len(mention.text) > 2):
        return False
    starts_a_line = mention.start == 0 or text[mention.start - 1] == "\n"
    if not (starts_a_line or any(s.start == mention.start for s in sentences)):
        return False
    if not _DATELINE_AFTER.match(text, mention.end):
        return False
    spelled = re.compile(rf"\b{re.escape(mention.text.title())}\b")
    return not any(spelled.search(s.text) for s in sentences)


# 'RIVERTON —', 'OSK, Tarn Province (AP) -': a dateline's place in capitals, then the division or
# country it lies in (not a date: 'OSK, Oct 9 (Reuters) -', 'OSK, Miss. —')
_DATELINE = re.compile(
    r"(?m)^([A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+){0,3})(?:,[ ]+([A-Z][a-z][\w'’-]*(?:[ ](?:[A-Z][\w'’-]+|del|de|do|da))"
    r"{0,3}))?(?:,[ ]+[A-Z][a-z]+\.?[ ]+\d{1,2})?[ ]*(?:\([^()\n]{1,40}\)[ ]*)?[-–—][ ]"
)
_MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$")


def dateline_places(text: str, sentences: list[Sentence]) -> list[EntityMention]:
    """A dateline's place and the division after it ('OSK, Tarn Province —'), as mentions, when
    the story writes the place again ('Osk's worst shooting'): the dateline tells it is a place,
    where NER may call the name a person's. A place the story never names again is the place a
    report was filed from (is_foreign_dateline)."""
    found = []
    story = " ".join(s.text for s in sentences)
    for match in _DATELINE.finditer(text):
        name = match.group(1)
        if len(name) < 3 or not re.search(rf"\b{re.escape(name.title())}\b", story):
            continue
        found.append(EntityMention(name, match.start(1), match.end(1), "GPE"))
        division = match.group(2)
        if division and not _MONTH.match(division.split()[0]):
            found.append(EntityMention(division, match.start(2), match.end(2), "DIVISION"))
    return found


NOT_A_PLACE_AFTER = re.compile(
    # 'the Marwa virus', 'Holi, the festival of colours'
    r"(?:,\s+(?:the|an?)\s+(?:\w+\s+)?|\s+)(?:virus|fever|disease|outbreak|epidemic|strain|rockets?|missiles?"
    r"|festival|holiday|celebrations?)\b",
    re.IGNORECASE,
)
# a disease named after a place ('the Marwa virus'): the name is the disease's all through the text
_DISEASE_AFTER = re.compile(r"\s+(?:virus|fever|disease|haemorrhagic|hemorrhagic)\b")
# 'Tarni villages', 'Tarni areas': a people's villages, not a place called so (a list's plural aside)
_PEOPLES_PLACES = re.compile(r"\s+(?:villages|towns|settlements|communities|areas|lands|homelands)\b")


def never_places(text: str, mentions: list[EntityMention]) -> set[str]:
    """One-word names the article shows are not places anywhere: named with 'virus', 'rockets',
    'festival' once ('the Marwa virus ... Marwa'), or the surname of a person named in full
    ('President Ana Corvo ... Corvo said'), or a people's ('Tarni villages'). Gazetteer places stay
    places, except those that name a disease anywhere in the text ('the Marwa virus')."""
    never, disease = set(), set()
    for mention in mentions:
        if " " not in mention.text and NOT_A_PLACE_AFTER.match(text, mention.end):
            never.add(mention.text)
        if re.search(rf"\b{re.escape(mention.text)}(?i:{_DISEASE_AFTER.pattern})", text):
            disease.add(mention.text)
        listed = re.search(r"(?:,|\band|&)\s*$", text[max(0, mention.start - 6) : mention.start])
        if " " not in mention.text and _PEOPLES_PLACES.match(text, mention.end) and not listed:
            never.add(mention.text)
        if mention.label == "PERSON" and " " in mention.text:
            never.add(mention.text.split()[-1])
    return {name for name in never if " " not in name and gazetteer_kind(name) is None} | disease


# another event's time: 'Last week, ...', 'two days earlier', 'the previous month'
_EARLIER = re.compile(
    r"\b(?:last|the\s+previous|the\s+preceding)\s+week\b|\b(?:a|one|two|three|four|five|several|few)\s+"
    r"(?:days|weeks)\s+(?:ago|earlier|before)\b|\bthe\s+previous\s+(?:month|year)\b",
    re.IGNORECASE,
)
# 'the deadliest since a bombing in X': the event compared with is another one
_SINCE_ANOTHER = re.compile(
    r"\bsince\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:attack|bombing|blast|explosion|massacre|raid|strike|shooting"
    r"|earthquake|quake|flood|floods|crash|fire|stampede|clashes|riots?)\b",
    re.IGNORECASE,
)


def other_events(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The spans about another event than the story's: a background sentence after the lede
    (another time, a war's total) and, in any sentence, the event a comparison goes back to
    ('the worst since a bombing in X killed 20')."""
    spans = [(s.start, s.end) for s in sentences[2:] if is_background(s.text) or _EARLIER.search(s.text)]
    for sentence in sentences:
        since = _SINCE_ANOTHER.search(sentence.text)
        if since:
            spans.append((sentence.start + since.start(), sentence.end))
    return spans


def a_nationality(name: str, text: str) -> bool:
    """'Kyrgyz' with 'Kyrgyzstan' in the text, 'Iraqi' with 'Iraq': one word no gazetteer knows
    that begins the name of a country the text names (or, less its final 'i', is one)."""
    if " " in name or gazetteer_kind(name) is not None:
        return False
    stem = name[:-1] if name.endswith("i") else name
    return any(
        found.group() != name and len(found.group()) - len(name) <= 5 and gazetteer_kind(found.group()) == "country"
        for found in re.finditer(rf"\b{re.escape(stem)}[a-z]*\b", text)
    )


# 'By Ana Vell, Osk', 'West Africa correspondent, Osk', 'From our Osk correspondent': who wrote the
# story and where they are based
_BYLINE = re.compile(r"^(?:By|BY|From\s+our)\s|\b(?:[Cc]orrespondent|[Ss]taff\s+[Ww]riter|[Bb]ureau\s+[Cc]hief)\b")


def in_a_byline(text: str, start: int) -> bool:
    """Is the name at `start` on a short line that names the story's writer?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return len(line) <= 90 and bool(_BYLINE.search(line))
