"""Who: whether an act the parse shows is this event's or another time's. A story recalls
what its sides did before ('the group has carried out suicide bombings before', 'rebels
have fought the army since 1984', 'in March the Front attacked a convoy'); such an act
makes nobody an attacker, target or victim of this event. Read from the clause of the
verb (or the attack noun) that shows the act: its own words name another time (a year,
'last month', 'in March', 'since ...') and not the story's day, or say it happened
habitually or before ('previously', 'repeatedly', 'has staged attacks')."""

from __future__ import annotations

from .background import _OTHER_TIME, _THIS_EVENT_TIME
from .figure_parse import _CLAUSE_TIME, _clause_words

# adverbs of an act done before or habitually ('has attacked the town before')
_HABITUAL = frozenset({"before", "previously", "repeatedly", "often", "frequently", "regularly", "routinely"})
# adjectives of an earlier attack ('a previous attack on the base')
_EARLIER = frozenset({"previous", "earlier", "past", "prior", "former", "last"})
# clauses that share the time of the clause they hang on ('attacked a convoy, killing 12')
_SAME_EVENT = frozenset({"conj", "advcl", "xcomp"})
_PERFECT = frozenset({"has", "have", "had", "'s", "'ve"})


def _dated_elsewhere(words: list) -> bool:
    """Whether a clause's words name another time than the story's day ('in March', '2019',
    'last week') and not the story's day; a day in a possessive ('Tuesday's attack') names the event."""
    words = [w for w in words if not any(c.dep_ == "case" for c in w.children)]
    text = " ".join(w.text for w in words)
    return bool(_OTHER_TIME.search(text) or _CLAUSE_TIME.search(text)) and not _THIS_EVENT_TIME.search(text)


def _habitual(verb) -> bool:
    """'has carried out suicide bombings before', 'have fought the army since ...',
    'has repeatedly attacked': an act done before this event or again and again."""
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children):
        return not _THIS_EVENT_TIME.search(
            " ".join(t.text for c in verb.children if c.lower_ == "since" for t in c.subtree)
        )
    perfect = any(c.dep_ == "aux" and c.lower_ in _PERFECT for c in verb.children)
    # 'has staged attacks on ...': a perfect verb with a bare plural object is a record, not one act
    return perfect and any(
        c.dep_ == "dobj" and c.tag_ == "NNS" and not any(d.dep_ in ("det", "poss", "nummod") for d in c.children)
        for c in verb.children
    )


def _earlier_noun(noun) -> bool:
    """'a previous attack', 'the 2019 bombing', 'last year's raid': an attack noun of another time."""
    if any(c.dep_ == "amod" and c.lower_ in _EARLIER for c in noun.children):
        return True
    own = [t for c in noun.children if c.dep_ in ("nummod", "compound", "poss", "npadvmod") for t in c.subtree]
    return _dated_elsewhere(own)


def in_other_time(token) -> bool:
    """Whether the act a token shows (a verb, or an attack noun) is of another time than this event."""
    if token.pos_ == "NOUN":
        return _earlier_noun(token)
    verb = token
    while True:
        if _dated_elsewhere(_clause_words(verb)) or _habitual(verb):
            return True
        if verb.dep_ not in _SAME_EVENT or verb.head is verb or verb.head.pos_ not in ("VERB", "AUX"):
            return False
        verb = verb.head


def mention_in_other_time(token) -> bool:
    """Whether a mention stands only in an act of another time: the verb that governs it (or
    an earlier attack noun it belongs to, 'a previous attack on X') is another time's."""
    for above in token.ancestors:
        if above.pos_ == "NOUN" and _earlier_noun(above):
            return True
        if above.pos_ in ("VERB", "AUX"):
            return in_other_time(above)
    return False
