"""Figures: number expressions that a casualty word governs, with their qualifier, range,
category, group, evidence clause, and whether they belong to a wider or earlier event.
Which numbers count people is people_counts.py's; whether a sentence is background,
background.py's; verifying the chosen figure, figure_items.py's.

General patterns of English news prose, never a rule keyed to a particular story; every
candidate carries `[start, end)` offsets into the original text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .background import _CONTINUES, about_earlier_event, after_series, is_background
from .figure_parse import in_a_breakdown, object_of_another_verb, parsed_category
from .numbers import NUMBER, VAGUE, parse_number
from .people_counts import _is_people_count, is_a_part
from .sentences import Sentence, split_sentences

# ---------------------------------------------------------------- qualifiers and ranges

_QUALIFIERS = [
    ("at_least", r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of"),
    ("over", r"more\s+than|over|in\s+excess\s+of|upwards?\s+of|above|exceeding|beyond"),
    ("up_to", r"up\s+to|as\s+many\s+as|as\s+high\s+as|at\s+most|no\s+more\s+than|(?<!no\s)(?:fewer|less)\s+than"),
    ("about", r"about|around|nearly|almost|close\s+to|just\s+under|some\s+(?=\d)"),
    ("approximate", r"some|roughly|approximately|an\s+estimated|estimated|approx\.?|circa"),
]
_QUALIFIER_BEFORE = [(name, re.compile(rf"\b(?:{pattern})\s*$", re.IGNORECASE)) for name, pattern in _QUALIFIERS]
_RANGE_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*(?:and|to|-|–)\s*", re.IGNORECASE)


# ---------------------------------------------------------------- casualty words

CASUALTY_WORDS = [
    ("killed", r"killed|kill(?:s|ing)?|dead|deaths?|died|dying|fatalities|fatality|lives"
     r"|slain|perished|executed|massacred|bodies|death\s+toll|murdered|lost\s+their\s+lives"
     r"|drowned|burned\s+to\s+death|crushed\s+to\s+death|electrocuted|beheaded|lynched|neutrali[sz]ed|eliminated"),
    ("injured", r"injured|wounded|injuries|injuring|wounding|hurt|hospitali[sz]ed|maimed"
     r"|treated\s+for|to\s+(?:a\s+|the\s+)?(?:local\s+|nearby\s+)?hospitals?|suffering\s+from|gunshot\s+(?:victims|wounds)|taken\s+to\s+hospital|beaten"
     r"|(?:badly|severely|seriously|critically)\s+burn(?:ed|t)|suffered\s+burns"
     r"|(?:remain(?:ed|s)?|were|are|still)\s+in\s+(?:the\s+)?hospitals?"
     r"|in\s+(?:a\s+)?(?:critical|serious|grave)\s+condition"),
    ("missing", r"missing|unaccounted\s+for|disappeared|abducted|kidnapped"
     r"|feared\s+(?:buried|trapped)|still\s+trapped|trapped\s+(?:under|beneath|in)"
     r"|believed\s+to\s+be\s+(?:buried|under|beneath)"),
    ("arrested", r"arrested|arrests?|detained|detentions?|apprehended|captured|in(?:to)?\s+custody|jailed"
     r"|rounded\s+up|held\s+in\s+custody"),
    ("displaced", r"displaced|evacuated|homeless|forced\s+from\s+their\s+homes|fled|lost\s+their\s+homes"
     r"|(?:forced\s+to\s+|had\s+to\s+|to\s+)?flee(?:ing)?(?:\s+(?:their\s+(?:\w+\s+)?homes?|the\s+(?:area|region|fighting|violence)))?"
     r"|(?:from|out\s+of)\s+their\s+homes"
     r"|(?:took|taken|taking|sought|seeking)\s+refuge"
     r"|relocated|(?:moved|taken)\s+(?:in)?to\s+(?:\w+\s+){0,3}(?:shelters|camps|facilities)"
     r"|in\s+(?:\w+\s+){0,2}shelters|sheltering|took\s+shelter|sought\s+shelter"
     r"|without\s+(?:shelter|a\s+home|homes|a\s+roof)"),
    ("affected", r"affected|stranded|marooned|cut\s+off|infected|infections?|(?:suspected\s+|confirmed\s+)?cases"
     r"|sickened|fell\s+ill|taken\s+ill"),
]  # fmt: skip
CASUALTY = re.compile(
    "|".join(rf"(?P<{name}>\b(?:{pattern})\b)" for name, pattern in CASUALTY_WORDS),
    re.IGNORECASE,
)

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


# The subject of an action: the people who did something, not a count of casualties.
_ACTS = re.compile(
    r"\s+(?:had\s+|have\s+|has\s+)?(?:stormed|attacked|raided|ambushed|opened|fired|launched|entered|surrounded"
    r"|arrived|gathered|marched|boarded|staged|took\s+part|participated|protested|rallied|fought|clashed|stood"
    r"|rode|travell?ed|stormed|set\s+fire|took\s+control|overran|seized|abducted|kidnapped)\b(?!\s+by\b)",
    re.IGNORECASE,
)

# '"around sixty gunmen" on motorbikes took part': the act after a closing quote and a short phrase
_ACTS_AFTER = re.compile(
    r"[\"”’']?(?:\s+(?:on|in|with|aboard|from)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?" + _ACTS.pattern, re.I
)


def _group(text: str, start: int, limit: int) -> tuple[str | None, int]:
    """The noun phrase right after a number: up to a stop word, casualty word or punctuation."""
    window = text[start:limit]
    stop = _GROUP_STOP.search(window)
    casualty = CASUALTY.search(window)
    cut = min([m.start() for m in (stop, casualty) if m] + [len(window), 60])
    phrase = window[:cut]
    phrase = re.sub(r"^\s*(of\s+(the\s+)?|people\s+of\s+)", "", phrase)
    phrase = phrase.strip(" ,.;:'\"")
    words = phrase.split()
    if not words or len(words) > 8 or not re.search(r"[^\W\d_]", phrase):
        return None, start
    return phrase, start + window.find(phrase) + len(phrase)


# A casualty verb right before a number governs it: "killing at least 18", "wounded 40".
_VERB_BEFORE = re.compile(
    r"\b(?P<killed>killing|killed|kills|kill|(?:gunn|mow)(?:ed|ing)\s+down|shot\s+dead|shooting\s+dead"
    r"|shot\s+and\s+killed|bodies\s+of)\s+$"
    r"|\b(?P<injured>wounding|wounded|wounds|wound|injuring|injured|injures|injure)\s+$"
    r"|\b(?P<arrested>arresting|arrested|arrests|arrest|detaining|detained|detains|detain|jailing|jailed)"
    r"\s+(?:at\s+least\s+)?$"
    r"|\b(?P<displaced>displacing|displaced|displaces|evacuating|evacuated|evacuates)\s+$"
    r"|\b(?P<affected>infecting|infected|sickening|sickened)\s+$"
    r"|\btoll\s+(?:[\w-]+\s+){0,6}?(?:at|to|be|is|was|of)\s+$"
    r"|\b(?P<missing>(?:searching|searched|looking)\s+for|trapping|trapped"
    r"|search(?:es)?\s+(?:continues|continued|goes\s+on|went\s+on|is\s+on)\s+for)\s+$",
    re.IGNORECASE,
)
# '67 people survived', '12 were rescued': the number counts those who came through
_CAME_THROUGH = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}(?:survived|escaped|(?:were|was)\s+(?:rescued|saved|pulled\s+out\s+alive))\b"
)
# A clause of its own after the number ("45 people were rescued") stops a list reading.
_OTHER_PREDICATE = re.compile(
    r"\s*(?:were|was|are|is|have|had|has)\s+(?:been\s+)?(?:\w+ly\s+)?(\w+)",
    re.IGNORECASE,
)


_NEW_CLAUSE = re.compile(
    r",\s+(?:while|but|whereas|although|though|as|after|before|when|and\s+(?:the|a|an)\b)|;|—|\s–\s",
    re.IGNORECASE,
)


# 'of the', 'of the seriously': a part taken from the people a casualty word names next
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|these)\s+(?:\w+\s+)?", re.IGNORECASE)
_LIST_REACH = 400  # characters before a number searched for its cue or its clause's start
_CLAUSE_WORD = re.compile(
    r"\b(?:as(?!\s+(?:high|many|much|well|of|low|large|few|little)\b)|after|before|when|because|since)\s|;",
    re.IGNORECASE,
)


def _categories_for(
    text: str, sentence: Sentence, number_start: int, number_end: int, next_number: int
) -> tuple[list[str], int, bool]:
    """Categories that may govern a number, best first, and where the evidence should end.

    In order: a casualty verb right before it ('killing at least 18'); the casualty word
    after it, before the next number ('18 people were killed'); then, for a bare noun phrase
    in a list, the nearest casualty word before it ('the deaths of 3 X, 4 Y and 5 Z')."""
    before = text[max(sentence.start, number_start - 40) : number_start]
    before = _strip_qualifier(before)
    subset = re.match(r"\s+of\s+(?:the|those|them|these)\b", text[number_end : number_end + 12], re.IGNORECASE)
    reach = number_end + 90 if subset else next_number  # 'three of the four people killed'
    ahead = text[number_end : min(reach, number_end + 90, sentence.end)]
    new_clause = _NEW_CLAUSE.search(ahead)
    if new_clause:
        ahead = ahead[: new_clause.start()]
    elif number_end + len(ahead) == next_number:
        # the verb right before the next number is that number's ('a soldier and two civilians
        # and injuring five'): it does not govern this one
        governs_next = _VERB_BEFORE.search(_strip_qualifier(ahead))
        ahead = ahead[: governs_next.start()] if governs_next else ahead
    found: list[tuple[str, int]] = []
    verb = _VERB_BEFORE.search(before)
    if verb:
        found.append((verb.lastgroup or "killed", number_end))
    matches = list(CASUALTY.finditer(ahead))
    cues = [(m.lastgroup, number_end + m.end()) for m in matches]
    if (
        subset
        and not verb
        and len(cues) > 1
        and cues[1][0] != cues[0][0]
        and _PARTITIVE.fullmatch(ahead, 0, matches[0].start())
    ):
        # 'five of the wounded died': the predicate says what became of the part
        cues = [cues[1], cues[0], *cues[2:]]
    found += cues
    _, group_end = _group(text, number_end, min(next_number, sentence.end))
    predicate = _OTHER_PREDICATE.match(text, group_end, min(group_end + 40, sentence.end))
    own_clause = predicate is not None and not CASUALTY.match(predicate.group(1))
    own_clause = own_clause or bool(_CAME_THROUGH.match(text, number_end, min(number_end + 40, sentence.end)))
    if not own_clause:
        # a list reading needs a cue close by; the bound keeps a long sentence linear
        behind = text[max(sentence.start, number_start - _LIST_REACH) : number_start]
        # a cue in another clause ('... kill 14 as floods strand a million') does not govern it
        clauses = list(_CLAUSE_WORD.finditer(behind))
        if clauses:
            behind = behind[clauses[-1].end() :]
        found += [(m.lastgroup, number_end) for m in reversed(list(CASUALTY.finditer(behind)))]
    ordered: list[str] = []
    for name, _ in found:
        if name not in ordered:
            ordered.append(name)
    evidence_end = found[0][1] if found else number_end
    # sure when the best cue is right at the number, not borrowed from earlier in the sentence
    sure = bool(verb) or bool(found) and found[0][1] > number_end
    return ordered, evidence_end, sure


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


def _next_start(matches: list, first: int, end: int, vague: list[int], limit: int) -> int:
    """Where the next number (or vague count) after `end` starts; matches and vague are in
    order, so the scan stops at the first one past `end`."""
    following = next((m.start() for m in matches[first:] if m.start() >= end), limit)
    index = bisect.bisect_left(vague, end)
    return min(following, vague[index] if index < len(vague) else limit, limit)


def find_figures(text: str, sentences: list[Sentence] | None = None, docs: dict | None = None) -> list[FigureCandidate]:
    """Every number expression in the story that a casualty word governs (or, in the parse of
    its sentence in `docs`, the verb its noun is the subject of)."""
    figures: list[FigureCandidate] = []
    previous: Sentence | None = None
    previous_background = False
    for sentence in sentences if sentences is not None else split_sentences(text):
        same_paragraph = previous is not None and previous.paragraph == sentence.paragraph
        background = (
            is_background(sentence.text)
            or (previous_background and same_paragraph and bool(_CONTINUES.match(sentence.text)))
            or (same_paragraph and after_series(previous.text, sentence.text))
        )
        previous, previous_background = sentence, background
        matches = [
            m
            for m in NUMBER.finditer(text, sentence.start, sentence.end)
            if _is_people_count(text, m.start(), m.end(), m.group())
        ]
        vague = [m.start() for m in VAGUE.finditer(text, sentence.start, sentence.end)]
        consumed: set[int] = set()
        for index, match in enumerate(matches):
            if index in consumed:
                continue
            count = parse_number(match.group())
            if count is None or re.match(r"\s+of\b", text[match.end() : match.end() + 4]) and count == 1:
                continue
            before = text[max(sentence.start, match.start() - 30) : match.start()]
            end, count_max, qualifier = match.end(), None, _qualifier(before)
            if index + 1 < len(matches) and (
                _RANGE_BEFORE.search(before) or re.fullmatch(r"\s*(-|–|to)\s*", text[end : matches[index + 1].start()])
            ):
                upper = parse_number(matches[index + 1].group())
                between = text[end : matches[index + 1].start()]
                # 'between 40 and 30' is the range 30-40 written backwards; '40-30' is not a range
                backwards = upper is not None and upper < count and _RANGE_BEFORE.search(before)
                if upper is not None and (upper > count or backwards) and _RANGE_AFTER.match(between):
                    count, count_max = min(count, upper), max(count, upper)
                    end = matches[index + 1].end()
                    consumed.add(index + 1)
                    qualifier = "exact" if _RANGE_BEFORE.search(before) else qualifier
            next_number = _next_start(matches, index + 1, end, vague, sentence.end)
            categories, casualty_end, category_sure = _categories_for(text, sentence, match.start(), end, next_number)
            doc = (docs or {}).get(sentence.start)
            parsed = None if categories else parsed_category(doc, sentence.start, match.start(), end, CASUALTY)
            if parsed:  # '16 soldiers — possibly more — were killed': the parse reads past the aside
                categories, casualty_end, category_sure = [parsed[0]], parsed[1], True
            if not categories or in_a_breakdown(doc, sentence.start, match.start(), end):
                continue
            if not category_sure and object_of_another_verb(doc, sentence.start, match.start(), end, CASUALTY):
                continue  # 'and freed 120 inmates': the cue before is another verb's
            group, group_end = _group(text, end, next_number)
            if _ACTS.search(text, end, max(end, group_end)) or _ACTS_AFTER.match(text, group_end, sentence.end):
                continue  # '30 gunmen stormed the post': the attackers' strength, not a toll
            if is_a_part(text, sentence.start, sentence.end, match.start(), end) and any(
                f.categories[0] == categories[0] and f.count > count for f in figures
            ):
                continue  # 'two women were among the dead': a part of a toll given before, not a figure of its own
            figures.append(
                FigureCandidate(
                    count=count,
                    count_max=count_max,
                    qualifier=qualifier,
                    categories=categories,
                    group=group,
                    number_span=(match.start(), end),
                    evidence_span=_evidence(text, sentence, match.start(), end, next_number, casualty_end),
                    sentence=sentence,
                    background=background or about_earlier_event(text[sentence.start : match.start()]),
                    category_sure=category_sure,
                )
            )
        in_sentence = [f.number_span for f in figures[-len(matches) :]] if matches else []
        figures += _singular_figures(text, sentence, background, in_sentence)
    return figures


_ONE_PERSON = (
    r"(?:person|man|woman|child|boy|girl|baby|infant|toddler|teenager|youth|soldier|officer|policeman"
    r"|policewoman|trooper|marine|seal|sailor|pilot|guard|bodyguard|civilian|worker|employee|student|journalist"
    r"|photographer|reporter|farmer|shepherd|resident|local|national|citizen|fighter|militant|member|passenger"
    r"|pilgrim|miner|migrant|inmate|prisoner|teacher|doctor|nurse|priest|imam|driver|tourist|villager|refugee"
    r"|peacekeeper|attacker|gunman|bomber|suspect|protester|demonstrator|commander|official|leader)"
)
# 'an American soldier was killed', 'a 57-year-old woman died', and 'killing a policeman':
# one person, counted, though no digit or number word is written.
_SINGULAR_AFTER = re.compile(
    rf"\b(?P<number>an?|one)\s+(?P<group>(?:[\w'’-]+\s+){{0,3}}?{_ONE_PERSON})\s+"
    r"(?:(?:who|that)\s+)?(?:was|has\s+been|had\s+been|is|have\s+been)\s+(?:\w+ly\s+)?(?:shot\s+)?"
    r"(?P<verb>killed|dead|injured|wounded|hurt|arrested|detained|abducted|kidnapped|missing)\b"
    r"|\b(?P<number2>an?|one)\s+(?P<group2>(?:[\w'’-]+\s+){0,3}?" + _ONE_PERSON + r")\s+(?P<verb2>died|was\s+killed)\b",
    re.IGNORECASE,
)
_SINGULAR_BEFORE = re.compile(
    r"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured|arresting|arrested|detaining|detained"
    r"|abducting|abducted|kidnapping|kidnapped)\s+(?P<number>an?|one)\s+"
    rf"(?P<group>(?:[\w'’-]+\s+){{0,3}}?{_ONE_PERSON})\b",
    re.IGNORECASE,
)
_VERB_CATEGORY = [
    ("killed", r"kill|dead|died"),
    ("injured", r"injur|wound|hurt"),
    ("arrested", r"arrest|detain"),
    ("missing", r"abduct|kidnap|missing"),
]


def _singular_figures(
    text: str, sentence: Sentence, background: bool, taken: list[tuple[int, int]]
) -> list[FigureCandidate]:
    found: list[FigureCandidate] = []
    for pattern in (_SINGULAR_AFTER, _SINGULAR_BEFORE):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            number = "number" if match.group("number") else "number2"
            group_name = "group" if match.group("group") else "group2"
            verb = match.group("verb") or match.group("verb2") if pattern is _SINGULAR_AFTER else match.group("verb")
            span = match.span(number)
            if any(start < match.end() and span[0] < end for start, end in taken):
                continue  # a counted figure already covers these words
            category = next(name for name, cue in _VERB_CATEGORY if re.match(cue, verb, re.IGNORECASE))
            evidence = _evidence(text, sentence, span[0], span[1], match.end(), match.end())
            found.append(
                FigureCandidate(
                    count=1,
                    count_max=None,
                    qualifier="exact",
                    categories=[category],
                    group=match.group(group_name),
                    number_span=span,
                    evidence_span=evidence,
                    sentence=sentence,
                    background=background or about_earlier_event(text[sentence.start : span[0]]),
                )
            )
            taken = [*taken, (match.start(), match.end())]
    return found
