"""Who: the actors of this event, not of the wider war or of an earlier incident the story
recalls ('10 people have been killed by such rockets since 2002'). The conventions leave
the actors of other events out (optional at most): an actor named only in such sentences
is not listed as a victim or target."""

from __future__ import annotations

from .actor_acts import _root
from .actor_time import mention_in_other_time
from .actors import _FIGHTING
from .background import is_background
from .sentences import Sentence


def without_background_actors(who: list, sentences: list[Sentence]) -> list:
    """The actors, less the victims and targets every mention of which stands in a sentence
    about a wider or earlier event (a running total since a year, a separate incident). The
    armed sides stay: a story often names the event's attackers in a sentence on their past
    ('X, whose insurgency has killed thousands since 2009')."""
    out = []
    for actor in who:
        if actor.role not in ("victim", "target"):
            out.append(actor)
            continue
        found = [next((s for s in sentences if s.start <= span[0] < s.end), None) for span in actor.mentions]
        if found and all(s is not None and is_background(s.text) for s in found):
            continue
        out.append(actor)
    return out


def without_other_times_actors(who: list, sentences: list[Sentence], docs: dict) -> list:
    """The actors, less those every mention of which the parse shows only in an act of another
    time ('In March, the X Front attacked a convoy', 'rebels have fought the army since 1984')."""
    out = []
    for actor in who:
        roots = [_root(tuple(span), sentences, docs) for span in actor.mentions]
        if roots and all(token is not None and mention_in_other_time(token) and not _a_side(token) for token in roots):
            continue
        out.append(actor)
    return out


def _a_side(token) -> bool:
    """'fighting escalated last year between the two groups, X and Y': a side of the fighting
    between two groups is one side of the conflict, this event's as much as the earlier one's."""
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "between":
        return False
    # 'fighting between ...', 'fighting escalated between ...'
    return any(_FIGHTING.match(t.lower_) for t in (prep.head, *(c for c in prep.head.children if c.dep_ == "nsubj")))
