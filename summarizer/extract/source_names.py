"""The name inside a cited source's words: without a leading conjunction ('But
authorities'), the tail of a hyphenated modifier ('run X' of 'state-run X') or a title
before a person's name ('Interior minister Ana Ruiz'), and split where it joins two names
or lists several ('CNN, the BBC and USA Today')."""

from __future__ import annotations

import re

from .gazetteer import gazetteer_kind
from .source_words import SOURCE_HEADS

# 'But authorities said', '... while other sources said'; the tail of 'state-run X' ('run X')
_LEADING_CONJUNCTION = re.compile(
    r"(?:(?i:but|and|yet|so|however|while|whereas|though|although|meanwhile)|based|run|led|backed|owned)\s+"
)
# 'the BBC and CNN reported': two one-word names joined by 'and' are two sources
_TWO_NAMES = re.compile(r"([A-Z][\w'’.&-]*)\s+and\s+([A-Z][\w'’.&-]*)")
# 'residents and police officials said': a plural of people that never modifies the noun after
# it ('police officials' does; 'residents officials' cannot) is a source of its own
_PEOPLE_AND = re.compile(
    r"((?i:residents|witnesses|eyewitnesses|villagers|survivors|doctors|medics|rescuers|paramedics|officials"
    r"|authorities|relatives|locals|activists|journalists|neighbou?rs))\s+and\s+(?:(?:the|a|an)\s+)?(\S.*)"
)


# 'trader Musa Garba', 'Interior minister Ana Ruiz', 'Col. Jon Ekko': the person's name is
# the capitalised words after a lower-case description or an abbreviated title
_PERSON_AFTER_TITLE = re.compile(
    r"(?:.*\s)?(?:(?!(?:of|for|on|in|at|to|and|the|with|from|by|de|du|des)\s)[a-z][\w-]*"
    r"|(?:Gen|Col|Lt|Maj|Capt|Sgt|Brig|Cpl|Dr|Mr|Mrs|Ms|Prof|Rev|Sen|Gov|Rep)\.?)\s+"
    r"([A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|(?:al|el)-[\w'’-]+|bin|ibn|de|da|van|von)){1,3})"
)


def person_name_start(text: str, start: int, end: int) -> int:
    """Where the person's own name starts inside a source span (its start if none)."""
    from .names import ORG_WORD  # names.py reads this module's helpers

    person = _PERSON_AFTER_TITLE.fullmatch(text, start, end)
    if person and not ORG_WORD.search(person.group(1)):
        return person.start(1)
    return start


_OF_BODY = re.compile(r"(.+?)\s+of\s+(?:the\s+)?[A-Z]")


def _person_end(text: str, start: int, end: int) -> int:
    """'Ana Ruiz of the Osk Red Cross said': the person ends before 'of' (the body is the
    description that types her)."""
    from .entities import _looks_like_person  # entities reads names, which reads this module

    person = _OF_BODY.match(text, start, end)
    if person and _BODY_HEAD.search(person.group(1)):
        return end  # 'the Varnian League of Press Freedom': a body's name that goes on with 'of'
    return start + len(person.group(1)) if person and _looks_like_person(person.group(1)) else end


# heads of bodies' names that a person's name never ends in (besides entities.ORG_WORD)
_BODY_HEAD = re.compile(
    r"\b(?:League|Charter|Alliance|Society|Coalition|Federation|Syndicate|Chamber|Forum|Observatory|Trust"
    r"|Board|Directorate|Secretariat|Unit|Command|Mission|Initiative|Institution|Centre|Center)$"
)


def parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A source span without a leading conjunction ('But authorities') or the tail of a
    hyphenated modifier ('run Anadolu Agency' of 'state-run'), split in two where it
    joins two one-word names ('BBC and CNN')."""
    lead = _LEADING_CONJUNCTION.match(text, start, end)
    if lead and lead.end() < end:
        start = lead.end()
    start = person_name_start(text, start, end)
    end = _person_end(text, start, end)
    pair = _TWO_NAMES.fullmatch(text, start, end)
    if pair:
        return [pair.span(1), pair.span(2)]
    people = _PEOPLE_AND.fullmatch(text, start, end)
    if people:
        return [people.span(1), *parts(text, *people.span(2))]
    return [(start, end)]


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,.;:\"“”'’(":
        start += 1
    while end > start and text[end - 1] in " ,.;:\"“”'’)":
        end -= 1
    for article in ("the ", "The "):
        if text.startswith(article, start) and end - start > 4:
            start += len(article)
    if text[start:end].endswith("'s") or text[start:end].endswith("’s"):
        end -= 2
    trailing = re.search(r"(?:\s+(?:and|or|of|for|the|on|in|at|de))+$", text[start:end])
    if trailing:
        end = start + trailing.start()
    return start, end


def with_last_dot(text: str, start: int, end: int) -> int:
    """'the U.N.': a dotted abbreviation at a name's end keeps its last dot (the new end)."""
    dotted = text.startswith(".", end) and re.search(r"(?:^|\W)(?:[A-Z]\.)+[A-Z]$", text[start:end])
    return end + 1 if dotted else end


INCLUDING = re.compile(
    r"(?:[a-z][\w-]*\s+){0,3}(?:sources|outlets|media|reports|organi[sz]ations|groups|agencies)\s*,?\s+"
    r"(?:including|such\s+as|among\s+them)\s+"
)


def listed_names(text: str, position: int, ceiling: int) -> list[tuple[int, int]]:
    """'CNN, the BBC and USA Today': each capitalised name of a list, in order."""
    names: list[tuple[int, int]] = []
    while True:
        item = _LIST_ITEM.match(text, position, ceiling)
        if not item:
            return names
        names.append(item.span(1))
        if not item.group(2):
            return names
        position = item.end()


_LIST_ITEM = re.compile(r"(?:the\s+)?([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)(,?\s+and\s+|\s*,\s*)?")


def joined(text: str, span: tuple[int, int], found: list) -> list[tuple[int, int]]:
    """'Police and the Osk Red Cross said': a span the patterns read as one name, where the
    parse finds two subjects joined by 'and the' inside it, is each of them ('and' alone
    joins the words of one name: 'the Disaster and Emergency Authority')."""
    inside = [(s.start, s.end) for s in found if not s.pronoun and span[0] <= s.start and s.end <= span[1]]
    if len(inside) < 2 or not re.search(r"\band\s+(?:the|a|an)\s", text[span[0] : span[1]]):
        return [span]
    return [trim_name(text, *part) for part in sorted(set(inside))]


def is_sentence_initial_word(text: str, name: str, start: int, sentence_start: int, seen: dict[str, bool]) -> bool:
    """'Observers noted', 'Local reports said': a capitalised common word, not a name. A real
    name is an acronym or is capitalised somewhere mid-sentence too. `seen` remembers each
    word's answer for this article, so a word that starts many sentences is searched once."""
    if " " in name or name.isupper() or start != sentence_start or name.lower() in SOURCE_HEADS:
        return False  # 'Police denied ...': a noun for a source, whatever its case
    if name not in seen:
        seen[name] = re.search(rf"(?<=[a-z,;] ){re.escape(name)}\b", text) is not None
    return not seen[name]


# 'Osk and Tarn counties reported 540 cases': places that count, not sources
_PLACES_REPORTING = re.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]+)?\s+(?:count(?:y|ies)|provinces?|districts?|states?|regions?|prefectures?)"
    r"\s+(?:(?:has|have|had)\s+)?(?:reported|recorded|registered|confirmed)\b"
)
# 'Varnia has recorded 41 deaths this year': where they happened, not who reports them
_COUNTRY_RECORDING = re.compile(r"\s+(?:has|have|had)\s+(?:(?:so\s+far|now|already)\s+)?(?:recorded|registered|seen)\b")


def is_place_subject(text: str, start: int, end: int) -> bool:
    """A place the parse or the patterns took for the subject of a reporting verb."""
    if _PLACES_REPORTING.match(text, end):
        return True
    return gazetteer_kind(text[start:end]) == "country" and bool(_COUNTRY_RECORDING.match(text, end))


def inside_quotation(text: str, sentence_start: int, start: int, end: int) -> bool:
    """'"Reliable sources have confirmed ...," the website said': whom a speaker cites in their
    own words is not cited by the article; the quotation opens and closes around the name."""
    before, after = text[sentence_start:start], text[end : end + 300].split("\n")[0]
    straight = before.count('"') % 2 == 1 and '"' in after
    curly = before.count("“") > before.count("”") and "”" in after
    return straight or curly


def strip_connectives(text: str, start: int, end: int) -> tuple[int, int]:
    """A name without the connectives it ends on ('Ministry of' -> 'Ministry')."""
    words = text[start:end]
    trimmed = re.sub(r"(\s+(?:of|for|and|the|de))+$", "", words)
    return start, start + len(trimmed)


# What follows 'according to'.
# 'an official of the Varnian Interior Ministry', 'the head of the Osk Police Department': a
# person who speaks for a named body is the source (typed by what they are), not the body
PERSON_OF_BODY = re.compile(
    r"\s*(?:the\s+|an?\s+)?((?:(?:senior|top|local|high-ranking|unnamed)\s+)?"
    r"(?:officials?|spokes(?:man|woman|person)|chief|head|director|commander|representative)"
    r"\s+(?:of|for|with|at)\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|the|de)\b)*\s*)+)"
    r"(?<=\S)(?=\s*(?:[,.;:]|$|\s+[a-z]))"
)
# the person's name after that description, in apposition
APPOSED_NAME = re.compile(r",\s*((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)\s*,")
# 'according to Varnian government officials': the people of the body, not the body
PEOPLE_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}\s+(?:officials|sources|authorities|police|spokes(?:man|woman|person)"
    # 'the Osk health department': the body the name qualifies
    r"|department|ministry|agency|directorate|authority)\b"
)
# 'according to the Attorney General's office': the office is the source
POSSESSED_BODY = re.compile(r"['’]s\s+(?:press\s+)?(?:office|ministry|department|bureau|secretariat|command)\b")
# a description and the name in apposition after it, which ends the clause
DESCRIBED_THEN_NAMED = re.compile(
    r"\s*(?:the|a|an)\s+(?:[\w.'’-]+\s+){0,4}?([a-z]+)\s*,\s*(?:the\s+)?([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)"
    r"(?<![.])(?=\s*(?:[,;]|[.](?:\s|$)|$))"
)


# "Vesna Radio's Pel Okra reports": the outlet's own correspondent tells the story, citing no one
_OWN_REPORTER = re.compile(
    r"((?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*)['’]s\s+(?:[a-z]+\s+)?(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+"
    r"$"
)
_OUTLET = re.compile(
    r"\b(?:radio|tv|television|news|times|post|daily|herald|courier|journal|gazette|tribune|press|channel|bbc|cnn"
    r"|reuters|voa|afp|media)\b",
    re.IGNORECASE,
)


def is_own_reporter(text: str, start: int, end: int) -> bool:
    """'Vesna Radio's Pel Okra reports ...': a correspondent of an outlet, named with it."""
    window = text[max(0, start - 60) : end]  # 'Varnow TV's correspondent Ana Ruiz': the outlet before the name
    return any(
        m.end() == len(window) and m.start() <= start - max(0, start - 60) and _OUTLET.search(m.group(1))
        for m in _OWN_REPORTER.finditer(window)
    ) and bool(re.match(r"\s+(?:reports|reported|reporting|writes|wrote)\b", text[end:]))
