"""Who: the actors of this event, not of the wider war or of an earlier incident the story
recalls ('10 people have been killed by such rockets since 2002'). The conventions leave
the actors of other events out (optional at most): an actor named only in such sentences
is not listed as a victim or target."""

from __future__ import annotations

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
