"""Figures with no number written: one person, counted by the article before a noun for one
('an American soldier was killed', 'a 57-year-old woman died', 'killing a policeman')."""

from __future__ import annotations

import re

from .background import about_earlier_event
from .figure_words import FigureCandidate, _evidence
from .sentences import Sentence

_ONE_PERSON = (
    r"(?:person|man|woman|child|boy|girl|baby|infant|toddler|teenager|youth|soldier|officer|policeman"
    r"|policewoman|trooper|marine|seal|sailor|pilot|guard|bodyguard|civilian|worker|employee|student|journalist"
    r"|photographer|reporter|farmer|shepherd|resident|local|national|citizen|fighter|militant|member|passenger"
    r"|pilgrim|miner|migrant|inmate|prisoner|teacher|doctor|nurse|priest|imam|driver|tourist|villager|refugee"
    r"|peacekeeper|attacker|gunman|bomber|suspect|protester|demonstrator|commander|official|leader"
    # and any noun for someone by what they do ('a bystander', 'a pedestrian', 'one serviceman')
    r"|passer-by|conscript|recruit|patient|relative"
    # (not a comparative or other word in -er: 'and a further 20 were wounded')
    r"|(?!(?:number|total|quarter|order|matter|further|later|earlier|larger|greater|wider|higher|lower|smaller"
    r"|bigger|better|rather|never|under|over|after|ever|either|neither|whether|another|other|per|super|inner"
    r"|outer|upper|former|latter)\b)[a-z'’-]*[a-z](?:er|or|ist|ian|man|woman|ee))"
)
# 'an American soldier was killed', 'a 57-year-old woman died', and 'killing a policeman':
# one person, counted, though no digit or number word is written.
_SINGULAR_AFTER = re.compile(
    rf"\b(?P<number>an?|one)\s+(?P<group>(?:[\w'’-]+\s+){{0,3}}?{_ONE_PERSON})\s+"
    r"(?:(?:who|that)\s+)?(?:was|has\s+been|had\s+been|is|have\s+been)\s+(?:\w+ly\s+)?(?:shot\s+)?"
    r"(?P<verb>fatally\s+(?:shot|stabbed|wounded|injured|hit|struck|beaten)|killed|dead|injured|wounded|hurt|arrested|detained|abducted|kidnapped|missing)\b"
    r"|\b(?P<number2>an?|one)\s+(?P<group2>(?:[\w'’-]+\s+){0,3}?"
    + _ONE_PERSON
    + r")\s+(?P<verb2>died|drowned|perished|was\s+killed)\b",
    re.IGNORECASE,
)
_SINGULAR_BEFORE = re.compile(
    r"\b(?P<verb>fatally\s+(?:shot|shooting|stabbed|stabbing)|killing|killed|wounding|wounded|injuring|injured|arresting|arrested|detaining|detained"
    r"|abducting|abducted|kidnapping|kidnapped)\s+"
    # the last of a list the verb governs: 'killing six policemen and a passer-by'
    r"(?:(?:[\w'’-]+\s+){1,3}?and\s+)?(?P<number>an?|one)\s+"
    rf"(?P<group>(?:[\w'’-]+\s+){{0,3}}?{_ONE_PERSON})\b",
    re.IGNORECASE,
)
# 'two soldiers and a civilian were killed': one person joined to a counted group by 'and'
_SINGULAR_JOINED = re.compile(
    rf"(?<=\band\s)(?P<number>an?|one)\s+(?P<group>(?:[\w'’-]+\s+){{0,3}}?{_ONE_PERSON})\s+"
    r"(?:(?:were|have\s+been|had\s+been|are)\s+(?:\w+ly\s+)?(?:shot\s+)?"
    r"(?P<verb>killed|dead|injured|wounded|hurt|arrested|detained|abducted|kidnapped|missing)|(?P<verb2>died))\b",
    re.IGNORECASE,
)
# 'a soldier and two civilians were killed': one person before a counted group
_SINGULAR_LEADS = re.compile(
    rf"\b(?P<number>an?|one)\s+(?P<group>(?:[\w'’-]+\s+){{0,2}}?{_ONE_PERSON})\s+and\s+(?:\d[\d,]*|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)\s+(?:[\w'’-]+\s+){1,3}?"
    r"(?:(?:were|have\s+been|had\s+been|are)\s+(?:\w+ly\s+)?(?:shot\s+)?"
    r"(?P<verb>killed|dead|injured|wounded|hurt|arrested|detained|abducted|kidnapped|missing)|(?P<verb2>died))\b",
    re.IGNORECASE,
)
# 'killing six police commandos and their civilian driver': one person the list's last
_POSSESSIVE_ONE = re.compile(
    r"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured|arresting|arrested|detaining|detained)\s+"
    r"(?:[\w'’-]+\s+){1,4}?and\s+(?P<number>their|his|her)\s+"
    rf"(?P<group>(?:[\w'’-]+\s+){{0,2}}{_ONE_PERSON})(?![\w'’-])",
    re.IGNORECASE,
)
# 'eight men were killed and a ninth, a boy of 15, was badly burned': one more person
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
_ORDINAL_AFTER = re.compile(
    rf"\b(?P<number>an?)\s+(?P<group>{_ORDINAL}(?:\s+(?:[\w'’-]+\s+){{0,2}}?{_ONE_PERSON})?)(?:\s*,[^,.;]{{1,60}},)?\s+"
    r"(?:(?:was|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?(?:shot\s+)?(?P<verb>burned\s+to\s+death|killed|dead|injured"
    r"|wounded|hurt|burned|burnt|arrested|detained|abducted|kidnapped|missing)|(?:had\s+|has\s+)?(?P<verb2>died)"
    r"|(?P<verb3>(?:believed|feared)\s+(?:to\s+be\s+)?(?:buried|trapped|missing)))\b",
    re.IGNORECASE,
)
# 'both were taken into custody', 'both men died', 'killing both pilots': a pair, counted
_BOTH = re.compile(
    r"\b(?P<number>[Bb]oth)(?:\s+(?P<group>(?:[\w'’-]+\s+){0,2}?(?:[\w'’-]+s|men|women|children|police|crew)))?\s+"
    r"(?:(?:were|have\s+been|had\s+been|are)\s+(?:\w+ly\s+)?(?:shot\s+)?(?P<verb>killed|dead|injured|wounded|hurt"
    r"|arrested|detained|abducted|kidnapped|missing|taken\s+into\s+custody)|(?:have\s+|had\s+)?(?P<verb2>died))\b"
    r"|\b(?P<verb3>killing|killed|wounding|wounded|injuring|injured|arresting|arrested|detaining|detained)\s+"
    r"(?P<number2>both)\s+(?P<group2>(?:[\w'’-]+\s+){0,2}?(?:[\w'’-]+s|men|women|children|police|crew))\b"
)
# 'nine were hurt, one of whom died on Monday': one of a group counted before
_ONE_OF_THEM = re.compile(
    r"\b(?P<number>one)\s+of\s+(?:whom|them|those|these)\s+(?:later\s+|subsequently\s+|has\s+since\s+|had\s+|has\s+)?"
    r"(?P<verb>died|was\s+killed|perished|succumbed|was\s+arrested|was\s+detained|is\s+missing|remains\s+missing)\b",
    re.IGNORECASE,
)
_VERB_CATEGORY = [
    ("killed", r"kill|dead|died|drown|perish|burned\s+to|fatally|succumb"),
    ("injured", r"injur|wound|hurt|burn"),
    ("arrested", r"arrest|detain|taken\s+into|was\s+(?:arrested|detained)"),
    ("missing", r"abduct|kidnap|missing|believed|feared|is\s+missing|remains"),
]


_NOT_A_GROUP = re.compile(r"\b(?:after|before|since|when|while|a|an|the)\s", re.IGNORECASE)
_PATTERNS = (_SINGULAR_AFTER, _SINGULAR_BEFORE, _ORDINAL_AFTER, _BOTH)


def _singular_figures(
    text: str, sentence: Sentence, background: bool, taken: list[tuple[int, int]]
) -> list[FigureCandidate]:
    found: list[FigureCandidate] = []
    for pattern in (*_PATTERNS, _SINGULAR_JOINED, _SINGULAR_LEADS, _POSSESSIVE_ONE, _ONE_OF_THEM):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            number = "number" if match.group("number") else "number2"
            group_name = "group2" if "group2" in pattern.groupindex and match.group("group2") else "group"
            group = match.group(group_name) if group_name in pattern.groupindex else None
            verbs = [name for name in ("verb", "verb2", "verb3") if name in pattern.groupindex]
            verb = next(match.group(name) for name in verbs if match.group(name))
            span = match.span(number)
            # the words this person is read from: not the counted group they are listed with
            high = match.end("group") if pattern is _SINGULAR_LEADS else match.end()
            if any(start < high and span[0] < end for start, end in taken):
                continue  # a counted figure already covers these words
            if pattern is not _BOTH and _NOT_A_GROUP.search(group or ""):
                continue  # 'a day after a student died': the article is the day's, not the person's
            category = next(name for name, cue in _VERB_CATEGORY if re.match(cue, verb, re.IGNORECASE))
            evidence = _evidence(text, sentence, span[0], span[1], match.end(), match.end())
            found.append(
                FigureCandidate(
                    count=2 if pattern is _BOTH else 1,
                    count_max=None,
                    qualifier="exact",
                    categories=[category],
                    group=group,
                    number_span=span,
                    evidence_span=evidence,
                    sentence=sentence,
                    background=background or about_earlier_event(text[sentence.start : span[0]]),
                )
            )
            taken = [*taken, (match.start(), match.end())]
    return found
