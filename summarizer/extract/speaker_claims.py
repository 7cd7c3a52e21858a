"""Claims as reports, read from the parse: 'X claims that ...', 'X took responsibility for
the attack', 'X's claim that only ten died' (speakers.py cites their subjects)."""

from __future__ import annotations

from .source_words import is_source_head
from .speaker_names import name_span

_CLAIM_VERBS = frozenset(
    {"claim", "claims", "claimed", "claiming", "insist", "insists", "insisted", "alleged", "alleges"}
    # 'the minister wrote on social media that ...': written words are a report too
    | {"wrote", "writes", "posted", "tweeted"}
)


def claims_that(verb) -> bool:
    """'One witness claims that the police fired': a claim of words (a 'that' clause), not
    'claimed the lives of' (an object)."""
    return (
        verb.lower_ in _CLAIM_VERBS
        and verb.pos_ == "VERB"
        and any(c.dep_ == "ccomp" for c in verb.children)
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


_RESPONSIBILITY_VERBS = frozenset({"claimed", "claims", "claim", "took", "takes", "accepted", "accepts"})


def takes_responsibility(verb) -> bool:
    """'X, the group's armed wing, took responsibility for the attack': a side's own account of
    the attack, cited as a source."""
    return verb.lower_ in _RESPONSIBILITY_VERBS and any(
        c.dep_ == "dobj" and c.lower_ == "responsibility" for c in verb.children
    )


_CLAIM_NOUNS = frozenset({"claim", "claims", "statement", "estimate", "estimates", "assertion", "account", "figures"})


def claim_owner(noun):
    """Whose claim it is: the possessor of a report noun with a 'that' clause ('X's claim that
    only ten people died'), a name or a noun for a source."""
    if noun.lower_ not in _CLAIM_NOUNS or not any(c.dep_ in ("acl", "ccomp", "relcl") for c in noun.children):
        return None
    owners = [c for c in noun.children if c.dep_ == "poss" and (c.pos_ == "PROPN" or is_source_head(c))]
    return owners[0] if owners else None


# what a side claims: 'responsibility for the bombing was claimed by X', 'the attack was claimed by X'
_CLAIMED = frozenset(
    {"responsibility", "attack", "attacks", "bombing", "bombings", "blast", "blasts", "raid", "ambush"}
)


def claimed_by(verb) -> list:
    """The agents of a passive claim of an attack ('responsibility ... was claimed by X'), not
    of lives ('ten lives were claimed by the flood')."""
    if verb.lower_ != "claimed" or not any(c.dep_ == "nsubjpass" and c.lower_ in _CLAIMED for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "agent"]


def claimant_span(claimant) -> tuple[int, int] | None:
    """The words that name who claims an attack: its name, and a place its group is named by
    ('the Osk Jamaat group in the Tarn Valley'), not an apposition or a clause after it."""
    span = name_span(claimant)
    if span is None:
        return None
    for prep in claimant.children:
        named = any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children)
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i == claimant.i + 1 and named:
            return span[0], prep.right_edge.idx + len(prep.right_edge)
    return span
