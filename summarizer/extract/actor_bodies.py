"""Who: named bodies that take part in the event without fighting in it, read from the parse.

By the corpus conventions a state body that responds (a health ministry that pulls products,
a disaster agency that sends rescue teams) is an `authority`; a relief body that treats the
wounded (a Red Cross or Red Crescent society, a medical charity) and the company whose plane,
ship, mine or factory the event struck are `other`. A body counts only where it acts: the
subject of a verb that is not one of speech ('the agency sent teams', not 'the agency said'),
the agent of a passive ('a plane operated by X'), or the owner of a vehicle or a site ('X's
plane'); one that only speaks belongs in attribution."""

from __future__ import annotations

import re

from ..brief import Actor
from .actor_acts import _SPEECH, _root
from .actor_time import mention_in_other_time
from .entities import _key, name_keys, occurrences
from .sentences import Sentence

# relief bodies and charities
_RELIEF = re.compile(
    r"\b(?:Red\s+Cross|Red\s+Crescent|Without\s+Borders|M[ée]decins|Save\s+the\s+Children|UNICEF|Oxfam|Caritas"
    r"|World\s+Vision|Relief|Charity|Rescue\s+Committee|Search\s+and\s+Rescue|Humanitarian)\b"
)
# a state's bodies ('the Ministry of Health', 'the National Disaster Management Agency')
_STATE_BODY = re.compile(
    r"\b(?:Ministry|Agency|Authority|Department|Administration|Directorate|Commission|Management)\b"
)
# companies ('X Airlines', 'X Mining Corp', 'X Shipping', 'X Ltd')
_COMPANY = re.compile(
    r"\b(?:Corp|Corporation|Inc|Ltd|Limited|LLC|PLC|Company|Co|Airlines?|Airways|Aviation|Shipping|Lines"
    r"|Mining|Textiles|Industries|Holdings|Enterprises|Developers|Construction|Petroleum|Energy|Electric"
    r"|Railways?|Motors|Logistics|Freight|Cargo|Transport|Ferries|Marine|Garments?|Chemicals?|Steel|Coal)\b"
)
# verbs of owning or running a vehicle, a site or a business ('a ferry owned by X')
_RUNNING = re.compile(r"(own|operat|run|manag|charter|buil)")
# what a company owns that an accident strikes ('X's plane')
_PROPERTY = frozenset(
    {
        "plane", "aircraft", "jet", "airliner", "helicopter", "flight", "ship", "ferry", "boat", "vessel", "tanker",
        "train", "bus", "mine", "factory", "plant", "warehouse", "building", "dam", "pipeline", "tower",
    }
)  # fmt: skip


def _kind(name: str) -> str | None:
    """The role a body's name gives it when it acts: relief `other`, state `authority`, company `other`."""
    if _RELIEF.search(name):
        return "other"
    if _STATE_BODY.search(name):
        return "authority"
    if _COMPANY.search(name):
        return "other"
    return None


# what a body that only reports gives ('put the number at', 'gave a lower toll', 'issued a warning')
_REPORT_NOUNS = frozenset(
    {"number", "toll", "figure", "figures", "count", "tally", "warning", "statement", "alert", "details", "estimate"}
)
# verbs of what a body noted or counted, not did ('it had recorded 14 aftershocks')
_NOTING = re.compile(r"(record|regist|count|confirm|estimat|document|not|observ|detect|verif|receiv|believ|expect)")
_MODALS = frozenset({"would", "will", "could", "may", "might", "should", "must", "'ll"})


def _reports(verb) -> bool:
    """A verb of speech, one whose object is a report ('put the number at 40', 'issued a
    warning'), or a verb of what a body will do, not what it did ('would investigate')."""
    if _SPEECH.match(verb.lower_) or any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    return any(t.lower_ in _REPORT_NOUNS for c in verb.children if c.dep_ == "dobj" for t in c.subtree)


def _acts(token) -> str | None:
    """How a body's mention takes part: 'owner' (a plane operated by X, X's ferry), 'acts'
    (the subject of a verb not of speech), or None."""
    while token.dep_ in ("conj", "appos", "compound") and token.head is not token:
        token = token.head
    head = token.head
    if token.dep_ == "poss" and head.lower_ in _PROPERTY:
        return "owner"
    if token.dep_ == "pobj" and head.dep_ == "agent" and head.head.pos_ == "VERB":
        verb = head.head
        return "owner" if _RUNNING.match(verb.lower_) else None if _reports(verb) else "acts"
    if token.dep_ == "pobj" and head.lower_ in ("of", "from") and head.head.dep_ == "nsubj":
        token, head = head.head, head.head.head  # 'volunteers of the X', 'teams from the Y' did it
    if token.dep_ == "nsubj" and head.pos_ == "VERB" and not _reports(head):
        return "acts"
    if token.dep_ == "nsubj" and _SPEECH.match(head.lower_) and any(_own_men_act(c) for c in head.children):
        return "acts"  # 'X says its surgical teams have treated scores of wounded'
    return None


def _own_men_act(clause) -> bool:
    """'its teams have treated ...', 'it had sent rescuers': a reported clause whose subject is the
    speaker itself or its own people doing something (not saying or estimating it)."""
    if clause.dep_ != "ccomp" or clause.pos_ != "VERB" or _reports(clause) or _NOTING.match(clause.lower_):
        return False
    return any(
        c.dep_ == "nsubj"
        and (c.lower_ in ("it", "they") or any(p.dep_ == "poss" and p.lower_ in ("its", "their") for p in c.children))
        for c in clause.children
    )


def with_acting_bodies(
    text: str, sentences: list[Sentence], docs: dict, mentions: list, who: list[Actor], excluded: set[str]
) -> list[Actor]:
    """Bodies that act in the event, by their kind: state bodies as authorities, relief bodies
    and the companies that own what the event struck as `other`. A body already listed as a
    victim (a company or a charity read as a person harmed) takes its body's role."""
    who = list(who)
    for mention in mentions:
        if mention.label != "ORG" or _key(mention.text) in excluded:
            continue
        role = _kind(mention.text)
        token = _root((mention.start, mention.end), sentences, docs)
        if role is None or token is None or mention_in_other_time(token):
            continue
        how = _acts(token)
        if how is None or how == "owner" and not _COMPANY.search(mention.text) and role == "authority":
            continue
        same = next((a for a in who if _key(mention.text) in name_keys([a])), None)
        if same is not None:
            if same.role == "victim":
                who[who.index(same)] = same.model_copy(update={"role": role})
            continue
        name = re.sub(r"^(?:the|The)\s+", "", mention.text)
        spans = occurrences(text, [name], sentences)
        if spans:
            who.append(Actor(name=name, role=role, mentions=spans))
    return who
