"""Figures: whom a number counts, read off the parse, when it is not this event's casualties:
people counted in a wider event ('one of 40,000 displaced by the war'), helpers ('900
volunteers have set up tents for the homeless'), and the deaths that set off a riot ('the
riots began after two youths died')."""

from __future__ import annotations

import re

from .figure_parse import _COMPLEMENTS, _counted_noun, _number_head

# the wider events a population is counted in ('displaced by the war', 'killed in the conflict')
_WIDER_EVENTS = frozenset({"war", "wars", "conflict", "conflicts", "insurgency", "occupation", "uprising"})


def counts_a_wider_population(doc, offset: int, start: int, end: int) -> bool:
    """'She is one of some 40,000 people displaced by the war': the people a number counts are
    described by a clause that puts them in a wider event (the war, the conflict) than the
    story's, so the figure is that event's, not this one's."""
    noun = _counted_noun(doc, offset, start, end)
    if noun is None:
        return False
    clauses = [child for child in noun.children if child.dep_ in ("acl", "relcl")]
    return any(word.lower_ in _WIDER_EVENTS for clause in clauses for word in clause.subtree)


# those who come to help: 'some 900 volunteers have set up tents', '300 rescuers were deployed'
_HELPERS = frozenset(
    {"volunteers", "rescuers", "workers", "firefighters", "firemen", "medics", "paramedics", "doctors", "nurses",
     "troops", "soldiers", "police", "policemen", "officers", "personnel", "staff", "teams", "divers", "searchers",
     "responders", "engineers", "experts", "specialists"}
)  # fmt: skip


def counts_the_helpers(doc, offset: int, start: int, end: int, casualty: re.Pattern) -> bool:
    """'Some 900 volunteers of the relief society have set up tents for the homeless': the
    number counts helpers, the subject of a verb that is no casualty word (nor is its
    complement or object), so a casualty word elsewhere in the clause does not make it a toll."""
    noun = _counted_noun(doc, offset, start, end)
    if noun is None or noun.lower_ not in _HELPERS or noun.dep_ != "nsubj" or noun.head.pos_ != "VERB":
        return False
    verb = noun.head  # an act with an object of its own ('have set up tents'), not 'were admitted'
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    words = (*noun.subtree, verb, *(c for c in verb.children if c.dep_ in (*_COMPLEMENTS, "dobj", "prt", "advmod")))
    return not any(casualty.match(doc.text, word.idx) for word in words)  # not '34 injured workers


_UNREST = frozenset(
    {"riots", "riot", "rioting", "protests", "protest", "unrest", "demonstrations", "violence", "clashes",
     "disturbances", "uprising", "anger", "outrage", "fury", "looting", "tensions", "protesters", "rioters"}
)  # fmt: skip
_SETS_OFF = re.compile(
    r"(?:began|begun|begin|started|start|erupted|erupt|broke|flared|spread|sparked|triggered|ignited|prompted"
    r"|provoked|fuell?ed|set|touched)$",
    re.IGNORECASE,
)


def sets_off_unrest(doc, offset: int, start: int, end: int) -> bool:
    """'The riots began after two youths died in a police chase', 'protests over the deaths of
    three students', 'the unrest was sparked by the killing of two teenagers': the deaths that
    set off a riot are its cause, told as background, not the riot's own toll."""
    number = _number_head(doc, offset, start, end) if doc is not None else None
    if number is None:
        return False
    node = number
    for parent in number.ancestors:
        if parent.lower_ in _UNREST and node.dep_ == "prep" and node.lower_ in ("over", "against", "after"):
            return True  # 'riots over the deaths of three students'
        if parent.pos_ == "VERB" and _SETS_OFF.match(parent.lower_):
            subjects = [c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")]
            marks = [c.lower_ for c in node.children if c.dep_ == "mark"]
            linked = node.dep_ == "advcl" and any(m in ("after", "when") for m in marks)
            linked = linked or node.dep_ in ("agent", "prep") and node.lower_ in ("by", "over", "after", "following")
            if linked and any(s.lower_ in _UNREST for s in subjects):
                return True
        node = parent
    return False
