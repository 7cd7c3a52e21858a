"""The party held responsible for a disaster ('police arrested the bus's driver', 'the
captain and the boat's owner had been detained', 'ordered the arrest of the developer'):
by the corpus conventions a responsible person or company is an actor of role `other`.
Read from the parse: the one arrested or detained is named by a noun for the person in
charge of the vehicle, building or business (not a protester, a suspect or a crowd)."""

from __future__ import annotations

import re

from ..brief import Actor
from .actors import _parsed_tokens, _prep_objects
from .entities import _key, name_keys, occurrences
from .sentences import Sentence

_HOLD = re.compile(r"(arrest|detain)")
# the people in charge of a vehicle, a building or a business
_IN_CHARGE = frozenset(
    {
        "driver", "captain", "skipper", "pilot", "owner", "manager", "developer", "operator", "contractor",
        "landlord", "proprietor", "builder", "engineer", "conductor",
    }
)  # fmt: skip


def _held(token) -> list:
    """The heads of what a token shows arrested or detained ('arrested X', 'X was detained',
    'the arrest of X', 'X had been taken into custody')."""
    if token.pos_ == "VERB" and _HOLD.match(token.lower_):
        passive = [c for c in token.children if c.dep_ == "nsubjpass"]
        if passive or any(c.dep_ == "auxpass" for c in token.children):
            if not passive and token.dep_ == "conj":  # 'the driver survived and has been detained'
                passive = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return passive
        return [c for c in token.children if c.dep_ == "dobj"]
    if token.pos_ == "NOUN" and token.lower_ in ("arrest", "detention"):
        return _prep_objects(token, ("of",))
    if token.lower_ == "taken" and any(g.lower_ == "custody" for g in _prep_objects(token, ("into",))):
        return [c for c in token.children if c.dep_ == "nsubjpass"]
    return []


def _person(token) -> str | None:
    """The person's name a head gives or is given ('the owner, X', 'X, the owner')."""
    for t in (token, *(c for c in token.children if c.dep_ == "appos")):
        if t.ent_type_ == "PERSON":
            ent = next(e for e in t.doc.ents if e.start <= t.i < e.end)
            return ent.text
    return None


def _in_charge(head) -> str | None:
    """The name for one in charge that a held head gives: the person's name where written
    with the noun, else the noun ('driver')."""
    nouns = [head, *(c for c in head.children if c.dep_ == "appos")]
    if not any(t.lower_ in _IN_CHARGE and t.tag_ == "NN" for t in nouns):
        return None
    return _person(head) or next(t.text for t in nouns if t.lower_ in _IN_CHARGE)


def with_responsible_parties(text: str, sentences: list[Sentence], docs: dict, who: list[Actor]) -> list[Actor]:
    """The ones in charge who were arrested or detained, as actors of role `other`."""
    who = list(who)
    for _offset, token in _parsed_tokens(sentences, docs):
        for head in _held(token):
            for each in (head, *head.conjuncts):
                name = _in_charge(each)
                if name is None:
                    continue
                same = next((a for a in who if _key(name) in name_keys([a])), None)
                if same is not None:
                    if same.role != "attacker":
                        who[who.index(same)] = same.model_copy(update={"role": "other"})
                    continue
                spans = occurrences(text, [name], sentences)
                if spans:
                    who.append(Actor(name=name, role="other", mentions=spans))
    return who
