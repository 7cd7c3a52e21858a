"""A state as the side that struck ('Varnia launched an air strike on Osk', 'a Varnia drone
strike killed five men', 'Varnia shelled the village'), read from the dependency parse.
Places are not actors elsewhere (a country named in the story is mostly where things
happen); here only a country that is the subject of an attack verb or names an attack
noun, in an event of this story (one strike, not 'has carried out 250 strikes'), is an actor."""

from __future__ import annotations

import re

from ..brief import Actor
from .actors import _ATTACK_NOUN, _CARRY_OUT, _parsed_tokens
from .entities import _key, name_keys, occurrences
from .gazetteer import gazetteer_kind
from .sentences import Sentence

# verbs a state strikes with (its forces' acts, not 'killed' or 'fought', which speak of people)
_STRIKE = re.compile(r"(bomb|shell|strik|struck|attack|invad|raid|target)")


def _one_attack(noun) -> bool:
    """'an air strike', 'the raid': one attack, not a count of them ('250 strikes')."""
    return noun.tag_ == "NN" and not any(c.dep_ == "nummod" for c in noun.children)


def _state_of(token):
    """The country a token names, as its whole entity ('United States'), or None."""
    if token.ent_type_ != "GPE":
        return None
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    words = [t for t in ent if t.lower_ != "the"] if ent is not None else []
    if not words or gazetteer_kind(ent.doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]) != "country":
        return None
    return words[0], words[-1]


def _strikers(token) -> list:
    """The countries `token` shows striking: the subject of 'launched an air strike' or of
    'shelled'; the name before an attack noun ('a Varnia drone strike')."""
    if token.pos_ == "VERB" and not any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        objects = [c for c in token.children if c.dep_ == "dobj"]
        launched = _CARRY_OUT.match(token.lower_) and any(
            _ATTACK_NOUN.match(o.lower_) and _one_attack(o) for o in objects
        )
        if launched or _STRIKE.match(token.lower_):
            return [c for c in token.children if c.dep_ == "nsubj"]
    if token.pos_ == "NOUN" and _ATTACK_NOUN.match(token.lower_) and _one_attack(token):
        return [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and not _where(c)]
    return []


# the nouns for places and sites a country's name can qualify ('a Varnia village raid')
_SITES = frozenset(
    {"village", "town", "city", "market", "border", "camp", "prison", "school", "mosque", "church",
     "hospital", "district", "province", "region", "capital", "checkpoint", "mine", "port"}
)  # fmt: skip
_COMPASS = re.compile(r"(?:north|south|east|west|central)(?:ern|-\w+)?$")


def _where(name) -> bool:
    """'in northern Varnia village raid', 'a Varnia market attack': the country names where the
    attack was, not who struck (a compass word before it, a place noun after it)."""
    after = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
    compass = any(c.dep_ == "amod" and _COMPASS.match(c.lower_) for c in name.children)
    compass = compass or name.i > 0 and _COMPASS.match(name.doc[name.i - 1].lower_) is not None
    return compass or after is not None and after.lower_ in _SITES


def _named_by_its_forces(state: str, who: list[Actor]) -> bool:
    """Whether an attacker already listed is the state's own force ('Varnian Air Force' for
    'Varnia'): the state's name begins a word of that actor's name."""
    stem = state[:-1] if len(state) > 4 else state
    return any(
        a.role == "attacker" and any(word.startswith(stem) for word in (a.name, *a.aliases) for word in word.split())
        for a in who
    )


def with_striking_states(text: str, sentences: list[Sentence], docs: dict, who: list[Actor]) -> list[Actor]:
    """The countries the parse shows striking, as attackers (once, and not beside their own forces)."""
    who = list(who)
    for _offset, token in _parsed_tokens(sentences, docs):
        for subject in _strikers(token):
            found = _state_of(subject)
            if found is None:
                continue
            first, last = found
            name = token.doc.text[first.idx : last.idx + len(last.text)]
            same = next((a for a in who if _key(name) in name_keys([a])), None)
            if same is not None or _named_by_its_forces(name, who):
                continue
            spans = occurrences(text, [name], sentences)
            if spans:
                who.append(Actor(name=name, role="attacker", mentions=spans))
    return who
