"""Cited sources: "according to X", "X said", "said X" by pattern, and the subject of a
reporting verb by the parse (speakers.py); their kind of source.

General patterns of English news prose, never a rule keyed to a particular story; every
candidate carries `[start, end)` offsets into the original text.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .sentences import Sentence, parse_sentences
from .source_after import GENERIC_SOURCE, NOT_NAMES, noun_phrase_after
from .source_names import (
    INCLUDING,
    inside_quotation,
    is_own_reporter,
    is_place_subject,
    is_sentence_initial_word,
    joined,
    listed_names,
    parts,
    person_name_start,
    trim_name,
    with_last_dot,
)
from .source_types import source_type as source_type  # re-exported: callers read it here
from .source_words import DESCRIPTION_HEADS, KIN
from .speakers import is_description, speakers

# ---------------------------------------------------------------- sources

_SAY = (
    r"said|says|say|reported|reports|report|added|adds|disclosed|confirmed|confirms|told|stated"
    r"|states|announced|announces|revealed|claimed|claims|noted|cited|estimated|estimates|tallied"
    r"|documented|recorded|counted"
    # 'gave the figures', 'gave a lower figure', 'put the death toll at'
    r"|(?:put|puts|gave|gives|given)\s+(?:the|a|an|its|their)\s+(?:(?:death|casualty|new|updated|preliminary"
    r"|provisional|lower|higher|different|revised|latest|final|first|own|official)\s+){0,2}"
    r"(?:toll|tally|figures?|numbers?|count|total)\b|indicated|indicate|indicates|stated"
    r"|described|warned|asserted|accused|accuse|accuses|blamed|blame|blames|urged|denied|insisted|explained|commented"
    r"|(?:took|takes|accepted)\s+responsibility"
)
# Phrases that introduce a source, both orders: "according to X", "X said", "said X".
_ACCORDING = re.compile(
    r"\b(?:according\s+to|as\s+per|citing|cited\s+by|per)\s+"
    # 'according to a statement from X': the source is X, not the statement
    # 'according to (the latest) figures (released) by X', 'per data compiled by X': X
    r"(?:(?:(?:a|the|an)\s+)?(?:[a-z]+\s+){0,2}(?:statement|report|tally|count|figures?|data|estimates?|bulletin)\s+"
    r"(?:(?:released|issued|published|compiled|provided|given|kept|collected|gathered|announced)\s+)?"
    r"(?:from|by|of)\s+)?",
    re.IGNORECASE,
)
_SUBJECT_SAY = re.compile(rf"\b(?:{_SAY})\b", re.IGNORECASE)


@dataclass(frozen=True)
class SourceMention:
    """A cited source as written at one place in the text."""

    name: str
    start: int
    end: int
    description: str  # the words around the name that say what kind of source it is
    sentence_start: int
    pronoun: bool = False  # 'he said': refers back to a person named before; not a name itself
    parsed: bool = False  # found only as a reporting verb's subject in the parse
    refers_back: bool = False  # 'the UN refugee agency said': stands for a source named elsewhere
    relay: bool = False  # 'Reuters quoted X as saying': passes on the words of the source it quotes
    claims: bool = False  # 'X claimed responsibility', 'X denied involvement': a side in the attack

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def _noun_phrase_before(text: str, position: int, floor: int) -> tuple[int, int] | None:
    """The subject right before a say-verb: 'The Syrian Observatory for Human Rights' said."""
    window = text[floor:position].rstrip()
    # 'the mayor of Chivay, Romeo Huaman, said' (', had said'): the appositive is the speaker's name
    window = re.sub(r"(?<=,)(?:\s+(?:had|has|have|also|later|earlier|previously|reportedly))+$", "", window)
    named = re.search(r",\s*((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)\s*,\s*$", window)
    # 'a local rights group, the Varo League for Human Rights,' / 'the disaster unit, UNGRD,'
    named = named or re.search(
        r",\s*(?:the\s+)?([A-Z][\w'’.-]+(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w'’.-]+){1,6}"
        r"|[A-Z]{2,}[\w.-]*)\s*,\s*$",
        window,
    )
    # 'a smaller militant group, Osk-Jamaat,': one capitalised word after a description
    named = named or re.search(r"[a-z]\s*,\s*(?:the\s+)?([A-Z][\w'’.-]+)\s*,\s*$", window)
    # 'a source in the regional capital, Lesk,': the name is the place's, in apposition
    placed = (
        named
        and " " not in named.group(1)
        and re.search(
            r"\b(?:in|at|near|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}[a-z][\w-]*\s*,\s*$", window[: named.start(1)]
        )
    )
    if named and not placed and not _PROPER_CLAUSE.search(window[: named.start(1)]):
        return floor + named.start(1), floor + named.end(1)
    # skip an appositive ", headquartered in Beirut," or a time "on Friday"
    for _ in range(2):
        window = re.sub(
            r"(\s*\([^()]{1,60}\)|,[^,]{1,120},|\s+on\s+\w+|\s+(?:also|later|earlier|previously"
            r"|had|has|have|reportedly|officially|publicly))\s*$",
            "",
            window,
        )
    state = re.search(
        r"((?:[A-Z][\w'’-]*\s+)?state(?:-run)?\s+(?:television|media|tv|broadcaster|radio))\s*$",
        window,
        re.IGNORECASE,
    )
    if state:
        return floor + state.start(1), floor + state.end(1)
    match = re.search(
        r"((?:[A-Z][\w'’.&-]*|(?:al|el)-\w+|of|for|on|the|and|de)(?:\s+(?:[A-Z][\w'’.&-]*|(?:al|el)-\w+|of|for|on|the|and|de))*)\s*$",
        window,
    )
    # 'the coordinator for Sudan said': a name after a preposition is not the speaker
    complement = (
        match
        and (
            re.search(
                r"\b(?:for|of|in|at|to|on|(?<!reports )(?<!report )(?<!statement )from)\s+$", window[: match.start(1)]
            )
            # 'elders in the village of Kerro said': the name is the place's, not the speaker's
            or (match.group(1).startswith("of ") and _PLACE_NOUN_BEFORE.search(window[: match.start(1)]))
            # 'residents of Perko told': the people of the place, not the place, are the speaker
            or (match.group(1).startswith("of ") and _DWELLERS_BEFORE.search(window[: match.start(1)]))
            # 'a source in the regional capital, Lesk': the name is the place's, in apposition
            or re.search(
                r"\b(?:in|at(?!\s+(?:least|most)\b)|near|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}[a-z][\w-]*,\s*$",
                window[: match.start(1)],
            )
        )
    )
    if match and re.search(r"[A-Z]", match.group(1)) and not complement:
        start, end = floor + match.start(1), floor + match.end(1)
        while text[start:end].split()[:1] and text[start:end].split()[0] in ("of", "for", "on", "and", "the", "de"):
            start = text.index(" ", start) + 1
        return trim_name(text, start, end)
    generic = re.search(r"\b((?:the|a|an)\s+(?:[\w-]+\s+){0,2}\w+)\s*$", window, re.IGNORECASE)
    if generic and GENERIC_SOURCE.match(generic.group(1)):
        return floor + generic.start(1), floor + generic.end(1)
    unnamed = _UNNAMED_SOURCE.search(window)
    if unnamed:
        return floor + unnamed.start(1), floor + unnamed.end(1)
    return None


# 'The Tarn Front (TTF), the main rebel group,': the clause before the apposition is itself a
# name (the apposition only renames it); 'the mayor of Osk, Ana Ruiz,' is a description
_PROPER_CLAUSE = re.compile(
    r"(?:^|[.;:]\s|,\s)\s*(?:The\s+)?[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|and|the|de|\([A-Z]{2,}\)))*"
    r"\s*,\s*(?:the\s+)?$"
)
# what only a side in an attack says of it: the source is an armed group, whatever its name says
_CLAIMS = re.compile(
    r"[^.;]{0,60}?\b(?:claimed|claims|claiming|denied|denies|denying|took|takes|accepted)\s+(?:(?:any|all)\s+)?"
    r"(?:responsibility|involvement|(?:the|its)\s+(?:attack|bombing|raid|assault|ambush|killings?|blast|strike))"
    # 'X said (on its radio) that its fighters had planted the bomb': a side speaking of its own attack
    r"|[^.;]{0,60}?\b(?:said|says|stated|announced)\b[^.;]{0,60}?\b(?:its|their)\s+"
    r"(?:fighters|militants|gunmen|combatants|mujahideen)\b",
    re.IGNORECASE,
)
# 'responsibility for the bombing was claimed by X': the passive of the same claim
_CLAIMED_BY = re.compile(
    r"\b(?:responsibility|attacks?|bombings?|blasts?)\b[^.;]{0,60}?\b(?:was|were|has\s+been|had\s+been)\s+"
    r"claimed\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DWELLERS_BEFORE = re.compile(r"\b(?:residents|villagers|inhabitants|people|locals|survivors|witnesses)\s+$", re.I)
_PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:village|town|city|district|province|region|area|county|state|capital|camp|neighbou?rhood|island)\s+$"
)


# Unnamed but real sources: "emergency officials said", "police said", "witnesses told".
_UNNAMED = (
    r"(?:officials|police|witnesses|eyewitnesses|residents|doctors|medics|rescuers|paramedics|workers"
    r"|authorities|villagers|survivors|hospital\s+sources|security\s+sources|sources)"
)
_UNNAMED_SOURCE = re.compile(
    # 'police and hospital officials said': two unnamed sources joined are one citation
    rf"(?:^|[,;]\s*|\b(?:and|but)\s+|^\W*)((?:{_UNNAMED}\s+and\s+)?"
    r"(?:(?!(?:which|who|whom|whose|that|what|as|than)\s)[a-z][\w-]+\s+){0,2}"
    rf"{_UNNAMED})\s*$",
    re.IGNORECASE,
)


# what follows a source named after its verb ('..., said the Red Cross.' / '... on Monday')
_CLAUSE_ENDS = re.compile(
    r"\s*(?:[,.;:!?\"”)]|$)|\s+(?:on|in|at|late|earlier|later|this|last|today|yesterday|told|during|after)\b"
)


# people who are cited whenever they speak, named or not ('an army spokeswoman told',
# 'witnesses said', 'a security source told', 'local media reported', 'her family said'):
# no mere description of someone, unlike 'a doctor' or 'aid groups'
_ALWAYS_SOURCES = re.compile(
    r"\b(?:spokes(?:man|woman|person|men|women|people)|(?:eye-?)?witness(?:es)?)\b"
    # 'officials said', 'authorities said', 'residents told reporters': cited in so many words
    r"|\b(?:officials|authorities|residents|villagers|survivors|locals)$"
    rf"|\b(?:sources?|media|{'|'.join(sorted(KIN))})$",
    re.I,
)


# lower-case words (no preposition) before a capitalised name whose head is a body noun
_DESCRIBED_BODY = re.compile(
    r"(?:(?!(?:of|for|at|in|on|by|with|from|to)\s)[a-z][\w-]*\s+)+"
    r"(?=[A-Z]\S*\s+(?:\S+\s+)*(?:coalition|alliance|party|movement|group|committee|council|union|front)$)"
)


def _noun_starts(doc, offset: int) -> set[int]:
    """Where the parse reads a word as a noun ('states', 'reports', 'claims'), except reports
    that a noun before qualifies: in 'state media reports said' those words name who reports."""
    if doc is None:
        return set()
    return {
        offset + token.idx
        for token in doc
        if token.pos_ in ("NOUN", "PROPN")
        and not (
            token.lower_.startswith("report") and any(c.dep_ == "compound" and c.i < token.i for c in token.children)
        )
    }


# an apposition that gives a person's office ('Ana Ruiz, the county's emergency director,')
_APPOSITION_AFTER = re.compile(
    r",\s+(?:the|a|an)\s(?=[^,.;:()\"“”]{0,80}\b(?:director|mayor|governor|chief|head|commander|minister"
    r"|spokes(?:man|woman|person)|official|administrator|coordinator|commissioner)\b)[^,.;:()\"“”]{1,100},"
)


# 'Reports indicate ...', 'Media reports said ...': reports of no one in particular cite no source
_BARE_REPORTS = re.compile(r"(?i:reports)\b(?!\s+[A-Z])|(?i:media)\s+reports?\b")


def find_sources(text: str, sentences: list[Sentence], docs: dict | None = None) -> list[SourceMention]:
    """Every source the story cites, in reading order, one mention per citation: the
    patterns below, and the subject of each reporting verb in the parse (`docs`, by
    sentence start) where the patterns found nothing inside that subject."""
    docs = parse_sentences(sentences) if docs is None else docs
    mentions: list[SourceMention] = []
    capitalised: dict[str, bool] = {}
    for sentence in sentences:
        found: list[tuple[int, int]] = []
        for match in _ACCORDING.finditer(text, sentence.start, sentence.end):
            listed = INCLUDING.match(text, match.end(), sentence.end)
            if listed:  # 'according to many news sources including X and Y': X and Y
                found += listed_names(text, listed.end(), sentence.end)
                continue
            span = noun_phrase_after(text, match.end(), sentence.end)
            if span:
                found.append(span)
        doc = docs.get(sentence.start)
        nouns = _noun_starts(doc, sentence.start)
        for match in _SUBJECT_SAY.finditer(text, sentence.start, sentence.end):
            if match.group()[0].isupper() and match.start() != sentence.start:
                continue  # 'the United States', 'Reports': a name, not a reporting verb
            if match.start() in nouns:
                continue  # 'in the states of X and Y', 'earlier reports': a noun, not a verb
            # ', reported monitoring group the X' / '"...," said X': the speaker comes after
            inverted_first = re.search(r"[,”\"]\s*$", text[max(sentence.start, match.start() - 3) : match.start()])
            span = None
            if inverted_first and re.fullmatch(
                r"said|says|added|reported|reports|wrote|explained", match.group(), re.I
            ):
                span = noun_phrase_after(text, match.end(), sentence.end)
                if span and not _CLAUSE_ENDS.match(text, span[1]):
                    span = None  # '..., a monitor, said Russian warplanes struck': a clause, not a name
            if span is None:
                span = _noun_phrase_before(text, match.start(), max(sentence.start, match.start() - 220))
            if (
                span is None
                and re.fullmatch(r"said|says|added|reported|reports|wrote|explained", match.group(), re.IGNORECASE)
                and re.match(
                    r"\s+(?:the\s+|monitoring\s+group\s+|[a-z]+\s+){0,3}[A-Z]", text[match.end() : match.end() + 40]
                )
            ):
                # inverted order: '..., reported monitoring group the Syrian Observatory'
                span = noun_phrase_after(text, match.end(), sentence.end)
                if span and not _CLAUSE_ENDS.match(text, span[1]):
                    span = None  # 'X's military said Varnian shelling had killed ...': a clause, not a name
            if span:
                found.append(span)
        kept = [
            (start, end)
            for start, end in sorted(set(found))
            if text[start:end].strip()
            and not NOT_NAMES.match(text[start:end])
            and not re.search(r"-(based|backed|led|run)$", text[start:end])
            and not is_sentence_initial_word(text, text[start:end], start, sentence.start, capitalised)
            and not _BARE_REPORTS.match(text, start)
        ]
        kept = [part for start, end in kept for part in parts(text, start, end)]
        pronouns: list[tuple[int, int]] = []
        parsed: set[tuple[int, int]] = set()
        found_speakers = speakers(doc, sentence.start) if doc is not None else []
        relays = [(s.start, s.end) for s in found_speakers if s.relay]
        kept = [part for span in kept for part in joined(text, span, found_speakers)]
        explicit = {(s.start, s.end) for s in found_speakers if s.explicit}
        for speaker in found_speakers:
            if speaker.pronoun:
                pronouns.append((speaker.start, speaker.end))
            elif not any(
                start < speaker.phrase_end
                and speaker.phrase_start < end
                # 'the head of the X Department, Ana Ruiz,', 'the website X.net': the description of a name after it
                or (re.fullmatch(r",?\s+", text[speaker.end : start]) and text[speaker.start].islower())
                for start, end in kept
            ):
                span = trim_name(text, speaker.start, speaker.end)
                span = (person_name_start(text, *span), span[1])  # 'NDRF inspector Ana Ruiz' -> 'Ana Ruiz'
                # 'the opposition Varnian Union coalition': a description before the body's name
                described = _DESCRIBED_BODY.match(text, span[0], span[1])
                span = (described.end(), span[1]) if described else span
                if (
                    span[1] > span[0]
                    and not NOT_NAMES.match(text[span[0] : span[1]])
                    and not _BARE_REPORTS.match(text, span[0])
                ):
                    kept.append(span)
                    if (
                        not _ALWAYS_SOURCES.search(text, span[0], span[1])
                        and (speaker.start, speaker.end) not in explicit
                    ):
                        parsed.add(span)
        for start, end in sorted(set(kept) | set(pronouns)):
            if is_place_subject(text, start, end) or inside_quotation(text, sentence.start, start, end):
                continue
            if is_own_reporter(text, start, end):
                continue
            # 'Ana Ruiz, the county's emergency management director, said': the whole apposition
            apposed = _APPOSITION_AFTER.match(text, end, sentence.end)
            after = max(end + 40, apposed.end() if apposed else 0)
            description = text[max(sentence.start, start - 60) : min(sentence.end, after)]
            dotted = with_last_dot(text, start, end)
            mention = SourceMention(text[start:dotted], start, dotted, description, sentence.start)
            mentions.append(
                dataclasses.replace(
                    mention,
                    pronoun=(start, end) in pronouns,
                    parsed=(start, end) in parsed,
                    refers_back=(start, end) in parsed and is_description(text, start, end),
                    relay=any(a < end and start < b for a, b in relays),
                    claims=bool(
                        _CLAIMS.match(text, end, sentence.end) or _CLAIMED_BY.search(text, sentence.start, start)
                    ),
                )
            )
    return mentions


def is_generic(name: str) -> bool:
    return bool(GENERIC_SOURCE.match(name.strip()))


def refers_back(mention: SourceMention) -> bool:
    """A mention that names no source itself: 'the monitor', 'the UN refugee agency',
    'according to the secretariat'."""
    return is_generic(mention.name) or mention.refers_back or mention.name.casefold() in DESCRIPTION_HEADS
