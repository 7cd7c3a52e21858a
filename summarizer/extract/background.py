"""Figures: whether a sentence's figure is about a wider or earlier event than this story's
(a war's running total, a separate incident, another year)."""

from __future__ import annotations

import re

from .people_counts import _MONTH

_WAR_BACKGROUND = re.compile(
    r"\b(since|began\s+in|started\s+in|erupted\s+in|broke\s+out\s+in)\b[^.]{0,40}\b(1[89]|20)\d\d\b"
    r"|\b(civil\s+war|decades?[- ]long|years?[- ]long|over\s+the\s+(past|last)\s+\w+\s+(years|decades))\b"
    # 'since the start of the war' (not 'of the month': an outbreak's own toll)
    r"|\bsince\s+the\s+(start|beginning|outbreak)\b(?!\s+of\s+(?:the|this)\s+(?:month|week)\b)"
    # a war's running total: 'the war, now in its ninth year, has killed ...'
    r"|\bin\s+its\s+\w+\s+year\b"
    r"|\b(?:the|civil|its|[\w-]+['’]s)\s+(?:[\w-]+\s+)?(?:war|conflict|insurgency)\b(?!-)[^.]{0,60}\b(?:has|have)\s+(?:\w+\s+)?"
    r"(?:killed|claimed|left|displaced|uprooted)\b"
    # the war's toll: 'civilians were killed in the conflict'
    r"|\b(?:killed|died|displaced|wounded|injured)\s+(?:\w+\s+)?(?:in|during)\s+the\s+(?:[\w-]+\s+)?"
    r"(?:war|conflict|insurgency)\b(?!-)",
    re.IGNORECASE,
)
# Another time than this event's: a year, 'last year', 'so far this year', an annual toll, 'In June,'.
_OTHER_TIME = re.compile(
    r"\b(1[89]|20)\d\d\b|\blast\s+(year|month|spring|summer|autumn|fall|winter)\b|\b(?:years|months|weeks)\s+ago\b|\ba\s+decade\b|\bthis\s+year\b|\bso\s+far\s+this\s+month\b"
    # 'earlier this month', 'in the past year', 'over the last three months': another time, or a period's tally
    r"|\bearlier\s+(?:this|in\s+the)\s+(?:month|year)\b|\b(?:in|over|during)\s+the\s+(?:past|last|previous)\s+"
    r"(?:[\w-]+\s+)?(?:years?|months|decades?)\b"
    r"|\b(?:first|second|third|last)\s+(?:half|quarter|six\s+months|nine\s+months)\s+of\b"
    rf"|\bannual\b|^\s*In\s+{_MONTH}\b|\bin\s+(?-i:{_MONTH})\b(?!\s+\d)",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(
    # or a relative clause that closes the sentence ('..., which has fought there since 2017.')
    r",\s*(?:which|who|whose|that|the|a|an)\b[^,]*,|,\s*(?:which|who|whose)\b[^,;]*$",
    re.IGNORECASE,
)
_STARTED = re.compile(r"\b(began|begun|started|erupted|broke\s+out|launched|unleashed)\b", re.IGNORECASE)
# A sentence that goes on about the wider event named just before ('It has killed...').
_CONTINUES = re.compile(
    r"^\s*(It|They|This|These|(?:That|Those)\s+[\w-]+|The\s+(war|conflict|fighting|insurgency|crisis)|Since\s+then)\b"
)
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
    if _SINCE_MONTH.search(core) and _RUNNING_TOTAL.search(core):
        return True
    if _THIS_EVENT_TIME.search(sentence):
        return False
    return bool(_WAR_BACKGROUND.search(core) or _OTHER_TIME.search(core))


_SEPARATE_INCIDENT = re.compile(
    r"\b(?:(?:in\s+)?an?\s+(?:separate|earlier|previous|unrelated|similar)\s+(?:\w+\s+)?(?:attack|incident|blast|bombing"
    r"|raid|clash(?:es)?|explosion|accident|shooting|strike|quake|earthquake|flood(?:ing)?)|separately|elsewhere"
    # 'Meanwhile, in the city of X, ...', 'A day earlier, ...': the story turns to another place or time
    r"|^\s*Meanwhile,?\s+(?:in|near|at|on)\b"
    # a round-up's turn ('In other violence, ...') and a class of events ('killed in such attacks')
    r"|^\s*In\s+other\s+(?:[\w-]+\s+)?(?:violence|incidents|attacks|news|developments|fighting|clashes)\b"
    r"|\b(?:in|by|from|during)\s+(?:such|similar)\s+(?:[\w-]+\s+)?(?:attacks|bombings|incidents|blasts|raids|clashes"
    r"|explosions|accidents|shootings|strikes|disasters|floods|crashes|fires)\b"
    r"|^\s*(?:a|an|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:earlier|before)\b"
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
# 'since January' / 'since the start of March' dates a running total only where the sentence
# counts one up ('brings to 43 the number killed in the region since January'); an outbreak
# or a season's floods 'has killed 57 since the start of February' is this story's own toll.
_SINCE_MONTH = re.compile(
    rf"\bsince\s+(?:the\s+)?(?:(?:start|beginning|end)\s+of\s+|(?:early|late|mid-?)\s*)?(?-i:{_MONTH})\b",
    re.IGNORECASE,
)
_RUNNING_TOTAL = re.compile(
    r"\b(?:brings?|bringing|raises?|raising|takes?|taking|pushes|pushing)\s+(?:to\s+[\w,.-]+\s+)?the\s+"
    r"(?:number|total|tally|count)\b|\bthis\s+year\b"
    # many attacks' total: 'armed groups have killed 300 people in the region since January'
    # (an outbreak or a flood season 'has killed 57 since March' is the story's own event)
    r"|\b(?:attacks|raids|violence|fighting|clashes|(?:armed|militant|rebel|jihadist|extremist)\s+groups|militants"
    r"|insurgents|jihadists|gunmen|bandits|rebels|militias|extremists)\s+(?:\w+\s+)?(?:have|has)\s+(?:\w+\s+)?"
    r"killed\b"
    # 'killed in bombings in the province since January': the toll of many events
    r"|\b(?:in|by)\s+(?:[\w-]+\s+){0,2}(?:attacks|bombings|raids|air\s*strikes|strikes|ambushes|shootings|clashes)\b",
    re.IGNORECASE,
)
# 'the worst since 2005, when a quake killed 73,000': the figure belongs to the earlier event
_EARLIER_WHEN = re.compile(r"\bsince\s+(?:1[89]|20)\d\d,?\s+when\b", re.IGNORECASE)


# A clause about an earlier event that this one follows or is compared with: 'The attack
# comes a day after gunmen killed 4 guards', 'Friday's blast followed a raid that killed 9',
# 'in retaliation for a strike last month in which 19 people died'. A figure after such a marker, in the same
# clause, is that event's.
_EARLIER_EVENT = re.compile(
    r"\b(?:come|comes|came|coming)\s+(?:just\s+|only\s+|barely\s+)?(?:(?:a|an|one|two|three|four|five|six|seven"
    r"|several|a\s+few|\d+)\s+)?(?:(?:days?|weeks?|months?|hours?|years?)\s+)?(?:after|on\s+the\s+heels\s+of)\b"
    r"|\bfollow(?:s|ed)\b(?!\s+by\b)"
    # '..., a day after a young man died in custody': the event this one followed, in the same clause
    r"|\b(?:a|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?)\s+after\b(?=[^,;]*$)"
    r"|\b(?:retaliation|revenge|reprisal|vengeance)\s+for\b[^;]*?\b(?:in\s+which|during\s+which|that|which|when)\b"
    # 'retaliating for the killing of two of its members', 'to avenge the deaths of': the earlier event's toll
    r"|\b(?:retaliat\w*|revenge|reprisal|vengeance|avenge|avenging)\s+(?:for\s+)?(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:killings?|deaths?|murders?|arrests?|detentions?|abductions?)\s+of\b"
    # 'the second attack on the town in a week, after a blast on Tuesday killed 9'
    r"|\b(?:was|is|marks|marked)\s+the\s+(?:second|third|fourth|fifth|latest)\s+(?:[\w-]+\s+){0,3}?(?:attack|blast|bombing|raid|strike|incident"
    r"|explosion|shooting|killing|assault)s?\b[^;]*?\bafter\b"
    # 'the deadliest attack since a bombing in May that killed 30': the event compared with
    r"|\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest)\b[^;]*?\bsince\b[^;]*?"
    r"\b(?:in\s+which|during\s+which|that|which|when)\b",
    re.IGNORECASE,
)
# A new clause after the marker may return to this event ('..., and police said 12 died').
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|although|though)\b|\s[—–]\s", re.IGNORECASE)


def about_earlier_event(before: str) -> bool:
    """Is a figure whose sentence reads `before` up to its number about an earlier event?"""
    markers = list(_EARLIER_EVENT.finditer(before))
    return bool(markers) and not _CLAUSE_BREAK.search(before, markers[-1].end())


# 'It was the third attack on the town this month.': the story turns to the earlier ones, and
# a figure in the next sentence that gives its own time ('On Monday, a raid killed 4',
# 'A blast killed two on March 2') is one of them.
_SERIES = re.compile(
    r"^\s*(?:It|This|That|The\s+[\w-]+)\s+(?:was|is|marked|marks|became|becomes)\s+(?:also\s+)?the\s+"
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+tieth|\d+(?:st|nd|rd|th)|latest)\b",
    re.IGNORECASE,
)
_OWN_TIME = re.compile(
    rf"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?-i:{_MONTH})\s+\d{{1,2}}\b"
    rf"|\b\d{{1,2}}\s+(?-i:{_MONTH})|\b(?:last|earlier)\s+(?:week|month|year|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)


def after_series(previous: str, sentence: str) -> bool:
    """Is a figure in `sentence` about an earlier event of a series `previous` names?"""
    return bool(_SERIES.match(previous) and _OWN_TIME.search(sentence))
