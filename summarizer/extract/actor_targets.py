"""What an attack hit when it is a vehicle or a column of them ('ambushed a military convoy',
'a bomb hit an army vehicle', 'an attack on a convoy of foreign troops', 'the convoy was the
target'): the target of the event, read from the dependency parse."""

from __future__ import annotations

import re

from ..brief import Actor
from .actors import _ATTACK_NOUN, _parsed_tokens, _prep_objects
from .entities import _key, name_keys, occurrences
from .sentences import Sentence

# nouns for the vehicles and columns an attack hits
_VEHICLES = frozenset({"convoy", "convoys", "vehicle", "vehicles", "motorcade", "patrol", "bus", "truck", "tank"})
# verbs of an attack on a vehicle, and of a blast or a shot reaching it ('a bomb hit a military
# vehicle'); not 'burnt' or 'seized', which a fire or a theft does as well
_HIT = re.compile(r"(attack|ambush|target|hit|struck|strik|ramm?|bomb|shell|fire|shot|shoot|raid|storm|rocket)")


def _hit_objects(token) -> list:
    """The objects of an attack verb or noun: 'ambushed X', 'hit X', 'the attack on X', 'X was the target'."""
    if token.pos_ == "VERB" and _HIT.match(token.lower_):
        if any(c.dep_ == "nsubjpass" for c in token.children):
            return [c for c in token.children if c.dep_ == "nsubjpass"]
        if _prep_objects(token, ("into",)):  # 'rammed a truck into X': the object was driven, X hit
            return _prep_objects(token, ("into", "on", "at", "against"))
        return [c for c in token.children if c.dep_ == "dobj"] + _prep_objects(token, ("on", "at", "against"))
    if token.pos_ == "NOUN" and _ATTACK_NOUN.match(token.lower_):
        return _prep_objects(token, ("on", "against"))
    if token.lower_ in ("was", "were", "is") and any(
        c.dep_ == "attr" and c.lower_ in ("target", "targets") for c in token.children
    ):
        return [c for c in token.children if c.dep_ == "nsubj"]
    return []


def _phrase(head) -> tuple[int, int, object | None]:
    """The character span of a vehicle's phrase ('military convoy', 'convoy of foreign troops')
    without its article, and the noun after its 'of' (the force it carries), if any."""
    start = head
    for left in reversed(list(head.lefts)):
        if left.i != start.i - 1 or left.dep_ not in ("compound", "amod", "nmod") or not left.is_alpha:
            break
        if left.lower_ in ("other", "several", "many", "some", "more", "another"):
            break
        start = left
    # and the words before a modifier that qualify it ('a Varnian army convoy')
    while start.i != head.i and start.i > 0:
        left = start.doc[start.i - 1]
        if left.head.i != start.i or left.dep_ not in ("compound", "amod") or not left.is_alpha:
            break
        start = left
    end, carried = head, None
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1]
    if of:
        objects = [g for g in of[0].children if g.dep_ == "pobj"]
        words = sorted(objects[0].subtree, key=lambda t: t.i) if objects else []
        if words and words[-1].i - of[0].i == len(words) and not any(t.dep_ == "prep" for t in words):
            end, carried = words[-1], objects[0]
    return start.idx, end.idx + len(end.text), carried


def with_vehicle_targets(text: str, sentences: list[Sentence], docs: dict, who: list[Actor]) -> list[Actor]:
    """The vehicles an attack hit, as its target: a new actor, or, when the vehicle carries a
    side already listed ('a convoy of paramilitary forces'), that side."""
    who = list(who)
    for _offset, token in _parsed_tokens(sentences, docs):
        for head in _hit_objects(token):
            if head.lower_ not in _VEHICLES or head.pos_ != "NOUN":
                continue
            start, end, carried = _phrase(head)
            name = head.doc.text[start:end]
            keys = {_key(name)} | ({_key(" ".join(t.text for t in carried.subtree))} if carried is not None else set())
            keys |= {_key(carried.text)} if carried is not None else set()
            same = next((a for a in who if keys & name_keys([a])), None)
            owner = head.doc.text[start : head.idx].strip()  # 'Varnian army' of 'Varnian army convoy'
            listed = next((a for a in who if " " in owner and _key(owner) == _key(a.name)), None)
            if same is None and listed is not None and listed.role in ("authority", "other", "victim", "target"):
                # the force listed by the words that name its vehicle: the vehicle, as the target
                aliases = sorted({*listed.aliases, listed.name} - {name})
                spans = occurrences(text, [name, *aliases], sentences)
                update = {"name": name, "aliases": aliases, "mentions": spans, "role": "target"}
                who[who.index(listed)] = listed.model_copy(update=update)
                continue
            if same is not None:
                if same.role in ("authority", "other", "victim"):  # 'a convoy of foreign troops': the force
                    who[who.index(same)] = same.model_copy(update={"role": "target"})
                continue
            if " " not in name:
                continue  # a bare 'convoy' names nobody's
            spans = occurrences(text, [name], sentences)
            if spans:
                who.append(Actor(name=name, role="target", mentions=spans))
    return who
