"""Figures: number expressions that a casualty word governs, with their qualifier, range,
category, group, evidence clause, and whether they belong to a wider or earlier event.
Which numbers count people is people_counts.py's; whether a sentence is background,
background.py's; verifying the chosen figure, figure_items.py's; the words around a number
(qualifier, casualty words, group, evidence), figure_words.py's; one person with no number
written, figure_singular.py's.

General patterns of English news prose, never a rule keyed to a particular story; every
candidate carries `[start, end)` offsets into the original text.
"""

from __future__ import annotations

import bisect
import re

from .background import _CONTINUES, about_earlier_event, after_series, is_background
from .figure_counted import counts_a_wider_population, counts_the_helpers, sets_off_unrest
from .figure_parse import (
    a_projection,
    counts_the_attackers,
    counts_those_on_board,
    dated_elsewhere,
    in_a_breakdown,
    in_a_since_clause,
    object_of_another_verb,
    parsed_category,
)
from .figure_singular import _singular_figures
from .figure_time import clause_in_other_time
from .figure_words import (
    _LIST_REACH,
    _RANGE_AFTER,
    _RANGE_BEFORE,
    CASUALTY,
    CASUALTY_WORDS,
    HARMED,
    FigureCandidate,
    _evidence,
    _group,
    _qualifier,
    _strip_qualifier,
    an_illness,
)
from .numbers import NUMBER, VAGUE, parse_number
from .people_counts import _is_people_count, is_a_part
from .sentences import Sentence, split_sentences

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

_THIS_YEAR = re.compile(r"\b(?:so\s+far\s+)?this\s+year\b", re.IGNORECASE)

# A casualty verb right before a number governs it: "killing at least 18", "wounded 40".
_VERB_BEFORE = re.compile(
    r"\b(?P<killed>killing|killed|kills|kill|neutrali[sz](?:ed|ing)|(?:gunn|mow)(?:ed|ing)\s+down|shot\s+dead|shooting\s+dead"
    r"|fatally\s+(?:shot|shooting|stabbed|stabbing)"
    r"|shot\s+and\s+killed|bodies\s+of"
    # 'deaths pass 120', 'fatalities reach 40' ('pass', 'top' are read off as the qualifier first)
    r"|(?:deaths|fatalities)(?:\s+now)?(?:\s+(?:reach(?:es|ed)?|hits?|nears?|neared"
    r"|(?:rise|rises|rose|climbs?|climbed|jumps?|jumped)\s+to))?)\s+$"
    r"|\b(?P<injured>wounding|wounded|wounds|wound|injuring|injured|injures|injure|treated|treating)\s+$"
    r"|\b(?P<arrested>arresting|arrested|arrests|arrest|detaining|detained|detains|detain|jailing|jailed|captured|capturing)"
    r"\s+(?:at\s+least\s+)?$"
    r"|\b(?P<displaced>displacing|displaced|displaces|evacuating|evacuated|evacuates)\s+$"
    r"|\b(?P<affected>infecting|infected|sickening|sickened)\s+$"
    r"|\btoll\s+(?:[\w-]+\s+){0,6}?(?:at|to|be|is|was|of)\s+$"
    r"|\btoll\s*:?\s+$"  # a headline's 'Mine blast: toll 23'
    # 'Officials put the figure at twenty-three': what a source puts a figure at is the toll
    r"|\b(?:put|puts|putting|placed|places|placing)\s+the\s+(?:[\w-]+\s+)?(?:figure|tally|total)\s+at\s+$"
    r"|\b(?P<missing>(?:searching|searched|looking)\s+for|trapping|trapped"
    r"|search(?:es)?\s+(?:continues|continued|goes\s+on|went\s+on|is\s+on)\s+for)\s+$",
    re.IGNORECASE,
)
# 'the number missing could be as high as 30', 'the number of dead stood at 9': a tally of a
# casualty word put at the number
_TALLY_BEFORE = re.compile(
    r"\b(?:number|count|tally|total)\s+(?P<words>(?:[\w-]+\s+){1,6}?)(?:at|to|be|is|was|of|reached)\s+$"
    # 'a higher count of injured: 23': the tally after a colon
    r"|\b(?:number|count|tally|total|toll|figure)\s+(?P<colon>(?:[\w-]+\s+){0,5}[\w-]+):\s*$",
    re.IGNORECASE,
)
# 'a further 20 bodies', 'two more bodies': bodies found since, inside the toll
_INCREMENT = re.compile(r"\b(?:further|another|additional)\s+$", re.IGNORECASE)
_BODIES = re.compile(r"\s+(?:[\w-]+\s+)?bodies\b", re.IGNORECASE)
_MORE_BODIES = re.compile(r"\s+(?:more|further|additional|other)\s+(?:[\w-]+\s+)?bodies\b", re.IGNORECASE)
# '67 people survived', '12 were rescued': the number counts those who came through
_CAME_THROUGH = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}(?:survived|escaped|(?:were|was|have\s+been|had\s+been)\s+(?:later\s+)?"
    r"(?:rescued|saved|freed|released|pulled\s+out\s+alive|found\s+alive))\b"
)
# 'five more died overnight, bringing the toll to 30': an increment inside the total its sentence gives
_MORE_AFTER = re.compile(r"\s+(?:more|other|additional|further)\b", re.IGNORECASE)
_BRINGS_TOTAL = re.compile(
    r"\b(?:bringing|raising|taking|pushing|brings|raises|takes|pushes|brought|raised|took|pushed)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:toll|total|tally|number|count|figure)\b",
    re.IGNORECASE,
)
# 'put 3,000 lives at risk', '400 lives are threatened', 'saved 60 lives': lives not lost
_LIVES_NOT_LOST = re.compile(
    r"\s+(?:[\w-]+\s+)?lives\b(?:\s+(?:are|were|is|was|remain|remained|have\s+been|had\s+been|could\s+be"
    r"|may\s+be|now)){0,2}\s+(?:at\s+(?:risk|stake)|in\s+(?:danger|jeopardy|peril)|(?:under\s+)?threat(?:ened)?"
    r"|endangered|saved|spared)\b",
    re.IGNORECASE,
)
_LIVES = re.compile(r"\s+(?:[\w-]+\s+)?lives\b", re.IGNORECASE)
_SAVED_BEFORE = re.compile(r"\b(?:sav|spar|risk|threaten|endanger|protect)(?:ed|ing|es|e|s)?\s+(?:the\s+)?$", re.I)
# '23 hostages were freed', 'ten of the hostages were released': no longer missing
_FREED = re.compile(
    r"\s*(?:of\s+(?:the|those|them)\s+)?(?:[\w-]+\s+){0,2}(?:were|was|have\s+been|had\s+been)\s+(?:later\s+)?"
    r"(?:rescued|saved|freed|released|pulled\s+out\s+alive|found\s+alive)\b",
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


# 'of the', 'of the seriously': a part taken from the people a casualty word names next
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|these)\s+(?:\w+\s+)?", re.IGNORECASE)
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
    # a verb in scare quotes still governs the number: 'had "neutralised" three'
    before = re.sub(r"[\"“”]", "", _strip_qualifier(before))
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
    matches = list(CASUALTY.finditer(ahead))
    cues = [(m.lastgroup, number_end + m.end()) for m in matches]
    if verb and (verb.lastgroup or not cues):
        # a toll or figure put at a number is of deaths, unless a word after it says ('at 40 injured')
        found.append((verb.lastgroup or "killed", number_end))
    tally = None if verb else _TALLY_BEFORE.search(before)
    tallied = CASUALTY.search(tally.group("words") or tally.group("colon")) if tally else None
    if tallied and tallied.lastgroup:
        verb = tally
        found.append((tallied.lastgroup, number_end))
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
    illness = an_illness(text)
    for sentence in sentences if sentences is not None else split_sentences(text):
        same_paragraph = previous is not None and previous.paragraph == sentence.paragraph
        # an outbreak's cases 'this year' are its own, not another year's
        words = _THIS_YEAR.sub("", sentence.text) if illness else sentence.text
        background = (
            is_background(words)
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
            if counts_the_attackers(doc, sentence.start, match.start(), end, categories[0]):
                continue  # 'some 60 attackers killed 22 people', '25 suspects fled': not a toll
            if counts_the_helpers(doc, sentence.start, match.start(), end, CASUALTY):
                continue  # 'some 900 volunteers have set up tents for the homeless'
            if a_projection(doc, sentence.start, match.start(), end):
                continue  # 'the toll could climb to 40': a forecast
            if counts_those_on_board(doc, sentence.start, match.start(), end):
                continue  # 'crashed with 140 passengers and 8 crew on board, killing all'
            group, group_end = _group(text, end, next_number)
            if group is None and count == 1 and figures and figures[-1].sentence is sentence:
                previous_end = figures[-1].number_span[1]
                if _PARTITIVE.match(text, previous_end):  # 'three of the gunmen were killed and one was wounded'
                    group = figures[-1].group
            if _ACTS.search(text, end, max(end, group_end)) or _ACTS_AFTER.match(text, group_end, sentence.end):
                continue  # '30 gunmen stormed the post': the attackers' strength, not a toll
            if is_a_part(text, sentence.start, sentence.end, match.start(), end) and any(
                f.categories[0] == categories[0] and f.count > count for f in figures
            ):
                continue  # 'two women were among the dead': a part of a toll given before, not a figure of its own
            saved = _LIVES.match(text, end) and _SAVED_BEFORE.search(_strip_qualifier(before))
            if saved or _LIVES_NOT_LOST.match(text, end):
                continue  # 'put 3,000 lives at risk', 'saved 60 lives': lives not lost
            if categories[0] == "missing" and _FREED.match(text, end, sentence.end):
                continue  # '23 hostages were freed', '14 miners were found alive': no longer missing
            increment = _INCREMENT.search(_strip_qualifier(before)) or _MORE_AFTER.match(text, end)
            if increment and _BRINGS_TOTAL.search(text, end, sentence.end):
                continue  # 'five more died overnight, bringing the toll to 30': inside the total
            more_bodies = _INCREMENT.search(before) and _BODIES.match(text, end) or _MORE_BODIES.match(text, end)
            if more_bodies and any(f.categories[0] == "killed" and f.count > count for f in figures):
                continue  # 'two more bodies were recovered': counted in the toll given before
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
                    background=background
                    or about_earlier_event(text[sentence.start : match.start()])
                    or in_a_since_clause(doc, sentence.start, match.start(), end)
                    or counts_a_wider_population(doc, sentence.start, match.start(), end)
                    or sets_off_unrest(doc, sentence.start, match.start(), end)
                    or dated_elsewhere(doc, sentence.start, match.start(), end)
                    or clause_in_other_time(doc, sentence.start, match.start(), end, bool(illness)),
                    category_sure=category_sure,
                )
            )
        in_sentence = [f.number_span for f in figures[-len(matches) :]] if matches else []
        figures += _singular_figures(text, sentence, background, in_sentence)
    if illness:
        for figure in figures:
            if figure.categories[0] == "injured" and not HARMED.search(text, *figure.evidence_span):
                figure.categories = ["affected", *figure.categories]  # 'treated 430 patients' in an outbreak
    return figures


__all__ = ["CASUALTY", "CASUALTY_WORDS", "FigureCandidate", "_qualifier", "find_figures"]
