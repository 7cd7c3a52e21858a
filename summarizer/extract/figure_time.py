"""Figures: the time of the clause a number sits in, read off the parse. A sentence may name
this event's day in one clause ('police said on Wednesday', 'Tuesday's attack') and another
time in the clause of the figure ('... killed 410 people last year'); the figure's own clause
decides."""

from __future__ import annotations

import re

from .background import _OTHER_TIME, _THIS_EVENT_TIME
from .figure_parse import _clause_words, _number_head

_THIS_YEAR = re.compile(r"\b(?:so\s+far\s+)?this\s+year\b", re.IGNORECASE)


def _verb_of(number):
    return next((a for a in number.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _phrase_top(noun):
    """'its 2016 attack on the station': from the noun a relative clause hangs on up to the
    head of the whole noun phrase."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def clause_words(doc, offset: int, start: int, end: int) -> list:
    """The words of the clause the number at text[start:end] is counted in, with the noun
    phrase a relative clause describes ('its 2016 attack, which killed 19'), without the
    clauses it governs or is governed by, or [] without a parse."""
    if doc is None:
        return []
    number = _number_head(doc, offset, start, end)
    verb = _verb_of(number) if number is not None else None
    if verb is None:
        return []
    words = _clause_words(verb)
    if verb.dep_ in ("relcl", "acl"):
        words += _clause_words(_phrase_top(verb.head))
    return sorted(words, key=lambda w: w.i)


def clause_in_other_time(doc, offset: int, start: int, end: int, illness: bool = False) -> bool:
    """Does the number's own clause name another time than the story's ('in April', 'last
    year', '2016') and not the story's day? A day written as a possessive ('Tuesday's attack')
    names the event, not the time of the clause."""
    words = [w for w in clause_words(doc, offset, start, end) if not any(c.dep_ == "case" for c in w.children)]
    text = " ".join(w.text for w in words)
    if illness:  # an outbreak's cases 'this year' are its own
        text = _THIS_YEAR.sub("", text)
    return bool(text) and bool(_OTHER_TIME.search(text)) and not _THIS_EVENT_TIME.search(text)
