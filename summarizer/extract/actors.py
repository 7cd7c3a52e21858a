"""Who did what to whom, read from spaCy's dependency parse.

News prose names the sides of an event by their place around an action verb: the subject
of 'attacked', 'stormed', 'opened fire on' is the attacker, its object the target; the
subject of a passive 'were killed' is the victim and its 'by' agent the attacker; the
subject of 'claimed responsibility', the object of 'blamed ... on' are attackers; the
subject of 'arrested', 'detained', 'dispersed' is an authority. The parse gives the
verb's arguments whatever stands between them, so 'Militants from the Northern Front,
who had crossed the river at night, stormed ...' still gives the Front as attacker.

Only names are taken from here (a named group, force, organisation, people or person:
the entities NER finds), plus a few attacker nouns ('a suicide bomber', 'gunmen'): the
generic groups of victims come from the toll (see pipeline.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..brief import Actor
from .actor_names import RoleCue, _name_of, extends
from .actor_time import in_other_time
from .entities import _STORM_NAME, _key, _related, name_keys, occurrences
from .gazetteer import gazetteer_kind
from .sentences import Sentence

# Forms of the verbs (the lemmatiser is not loaded: forms are matched by their start).
_ATTACK = re.compile(
    r"(attack|ambush|storm|raid|bomb|shell|shoot|shot|kill|massacr|behead|execut|stab|assault"
    r"|overr[au]n|abduct|kidnap|target|besieg|fire|fired|firing|rocket|invad|torch|burn|loot|lynch|rape"
    r"|clash|fought|fight|hijack|seiz|wound|injur|struck|strik|hit)",
)
# the speaker's side, named again in what it says ('it', 'the group')
_ITSELF = re.compile(r"it|they|we|the (?:group|organi[sz]ation|movement|militia)")
_SPEECH_VERB = re.compile(r"(said|says|say|announced|stated|reported|confirmed)$")
# nouns for a fight between two sides
_FIGHTING = re.compile(r"(clash|fighting|battle|gunfight|firefight|skirmish|hostilit)")
_ARREST = re.compile(r"(arrest|detain|captur|apprehend|disperse|round|jail|imprison|charg)")
_CLAIM = re.compile(r"(claim|took|take|accept|admit)")
_BLAME = re.compile(r"(blam|accus)")
_DENY = re.compile(r"(den[iy]|reject|refut)")
_CARRY_OUT = re.compile(r"(carri|carry|perpetrat|launch|stag|mount|orchestrat)")
# nouns for an attack, in 'the attack on X', 'blamed the bombing on X', 'carried out the raid'
_ATTACK_NOUN = re.compile(
    r"(attack|assault|ambush|raid|bomb|blast|explosion|shooting|strike|massacre|killing|violence|offensive)"
)

_BE = frozenset({"was", "were", "is", "are"})
_HURT = re.compile(r"(wound|injur)")
# what a force fires to disperse a crowd ('fired tear gas', 'water cannon')
_DISPERSING = frozenset({"gas", "cannon", "cannons", "canisters", "smoke"})
# plural nouns for the perpetrators, as the subject of 'were' ('the attackers were ...')
_ATTACKER_NOUNS = frozenset({"attackers", "assailants", "gunmen", "bombers", "perpetrators", "culprits", "raiders"})
_NAMING = frozenset({"identified", "named"})
# verbs that list the dead ('the dead included X')
_LISTING = frozenset({"include", "included", "includes"})


ROLE_ORDER = ("attacker", "target", "victim", "authority")


def role_cues(sentences: list[Sentence], docs: dict) -> list[RoleCue]:
    """Every (name, role) the parse shows, in reading order."""
    cues: list[RoleCue] = []
    for offset, token in _parsed_tokens(sentences, docs):
        claim = _CLAIM.match(token.lower_) or _BLAME.match(token.lower_) or token.lower_ in _NAMING | {"fell"}
        for head, role in _arguments(token):
            cue = _name_of(head, offset, role)
            if cue is not None:
                # an identification of the dead decides a victim as a claim decides an attacker
                named = role == "victim" and token.lower_ in _NAMING | _LISTING | _BE
                # so does a side of a fight ('clashes between X and Y'): both sides attack
                # (the corpus convention), a state's forces as much as an armed group
                side = role == "attacker" and _between_sides(head)
                cues.append(replace(cue, claimed=bool(claim) and role == "attacker" or named or side))
    return cues


def _between_sides(head) -> bool:
    """Whether a head is a side after 'between' of a fighting noun ('fighting between X and Y')."""
    side = head.head if head.dep_ == "conj" else head
    side = side.head if side.dep_ in ("nmod", "compound") else side  # 'between the X and Y clans'
    prep = side.head
    return side.dep_ == "pobj" and prep.lower_ == "between" and _FIGHTING.match(prep.head.lower_) is not None


def _parsed_tokens(sentences: list[Sentence], docs: dict):
    """Every token of the parsed sentences, with its sentence's offset in the article, but for
    the verbs and attack nouns of another time's acts ('has attacked the town before')."""
    for sentence in sentences:
        doc = docs.get(sentence.start)
        if doc is not None:
            yield from ((sentence.start, token) for token in doc if not _another_time(token))


def _another_time(token) -> bool:
    """Whether a verb or an attack noun shows an act of another time than this event (the
    sides of a fighting 'between' two groups are the conflict's, whatever its time)."""
    if _FIGHTING.match(token.lower_) or any(c.dep_ == "nsubj" and _FIGHTING.match(c.lower_) for c in token.children):
        return False
    if token.pos_ in ("VERB", "AUX") or token.pos_ == "NOUN" and _ATTACK_NOUN.match(token.lower_):
        return in_other_time(token)
    return False


# the heads of phrases for the state's armed forces ('security forces', 'riot police')
_FORCE_HEADS = frozenset(
    {"forces", "police", "troops", "soldiers", "army", "military", "policemen", "officers", "paramilitaries"}
)

# the armed side that forces fight back against
_ARMED = frozenset(
    {"attackers", "assailants", "gunmen", "militants", "insurgents", "rebels", "fighters", "bombers", "suspects"}
)


def roles_by_name(cues: list[RoleCue]) -> dict[str, tuple[str, list[RoleCue]]]:
    """One role per name (its most frequent cue; ties by ROLE_ORDER), with its cues."""
    by_name: dict[str, list[RoleCue]] = {}
    for cue in cues:
        by_name.setdefault(cue.name, []).append(cue)
    decided = {}
    for name, found in by_name.items():
        counts = Counter(cue.role for cue in found)
        role = min(counts, key=lambda r: (-counts[r], ROLE_ORDER.index(r)))
        decided[name] = (role, found)
    return decided


# ---------------------------------------------------------------- the verb's arguments


def _subjects(verb) -> list:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj",)]
    # 'X said it had killed seven militants', 'a spokesman for X said the group had carried out
    # the attack': the side that reports its own strike
    if (
        len(subjects) == 1
        and _ITSELF.fullmatch(" ".join(t.lower_ for t in subjects[0].subtree))
        and verb.dep_ == "ccomp"
        and _SPEECH_VERB.match(verb.head.lower_)
    ):
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    # 'stormed the post, killing six': the participle's and the conjunct's subject is the head's
    # (not the subject of a denial: 'X denied targeting homes' shows X attacking nobody)
    if (
        not subjects
        and verb.dep_ in ("conj", "advcl", "xcomp")
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "nsubjpass" for c in verb.children)
        and not _DENY.match(verb.head.lower_)
        and not _SPEECH_VERB.match(verb.head.lower_)  # '..., killing three, police said'
    ):
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return subjects


def _agents(verb) -> list:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _objects(verb) -> list:
    found = [c for c in verb.children if c.dep_ in ("dobj",)]
    found += _prep_objects(verb, ("on", "at", "against", "upon"))
    # 'opened fire on X'
    for obj in [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "fire"]:
        found += _prep_objects(obj, ("on", "at"))
    return [f for f in found if f.lower_ != "fire"]


def _prep_objects(token, words: tuple[str, ...]) -> list:
    """The objects of `token`'s prepositions that are among `words` ('on X', 'with X')."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ in words for g in c.children if g.dep_ == "pobj"]


def _with_conjuncts(token) -> list:
    """'the Lou and the Murle clashed': each conjunct of an argument is an argument too."""
    return [token, *(c for c in token.conjuncts if c.pos_ in ("NOUN", "PROPN"))]


def _arguments(token) -> list[tuple[object, str]]:
    """The (argument head, role) pairs that `token`, if an action verb or an attack noun, gives."""
    word = token.lower_
    out: list[tuple[object, str]] = []
    if token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in _DISPERSING for c in token.children):
        return []  # 'fired tear gas at the crowd': a force dispersing it, not attacking
    if token.pos_ == "VERB":
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        responsibility = any(
            c.dep_ in ("dobj", "nsubjpass") and c.lower_.startswith("responsib") for c in token.children
        )
        # 'X claimed the ambush': the attack itself as what is claimed
        claimed_attack = word.startswith("claim") and any(
            c.dep_ in ("dobj", "nsubjpass") and _ATTACK_NOUN.match(c.lower_) and c.tag_ == "NN" for c in token.children
        )
        if _CLAIM.match(word) and (responsibility or claimed_attack):
            # 'X claimed responsibility', 'responsibility was claimed by X', 'X took responsibility'
            out += [(s, "attacker") for s in (_agents(token) if passive else _subjects(token))]
        elif _BLAME.match(word):
            # 'blamed the attack on X' / 'blamed X for the attack' / 'accused X of'
            for obj in (c for c in token.children if c.dep_ == "dobj"):
                if _ATTACK_NOUN.match(obj.lower_):
                    out += [(g, "attacker") for g in _prep_objects(obj, ("on",))]
                elif _of_an_attack(token) or word.startswith("blam") and not _blamed_for(token):
                    # not 'accused X of failing to respond'; 'officials blamed X' in a story of an attack
                    out.append((obj, "attacker"))
            out += [(g, "attacker") for g in _prep_objects(token, ("on",))]
        elif word in _NAMING:
            # 'the bombers, identified as X and Y', 'the attackers were named as X'
            named = (
                token.head if token.dep_ == "acl" else next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            )
            if named is not None and named.lower_ in _ATTACKER_NOUNS:
                out += [(g, "attacker") for g in _prep_objects(token, ("as",))]
            elif _the_dead(named if named is not None else _object(token)):
                # 'those killed were identified as X, 27, and Y', 'identified the victims as X, his wife Y'
                out += [(t, "victim") for g in _prep_objects(token, ("as",)) for t in _people_listed(g)]
        elif word in _LISTING and any(c.dep_ == "nsubj" and _the_dead(c) for c in token.children):
            # 'the dead included X, a commander of Y': the persons the dead are told to include
            out += [(t, "victim") for c in token.children if c.dep_ == "dobj" for t in _people_listed(c)]
        elif word.startswith("fell") and any(c.dep_ == "nsubj" and c.lower_ == "suspicion" for c in token.children):
            # 'suspicion fell on X'
            out += [(g, "attacker") for g in _prep_objects(token, ("on",))]
        elif _CARRY_OUT.match(word) and (
            passive or any(c.dep_ == "dobj" and _ATTACK_NOUN.match(c.lower_) for c in token.children)
        ):
            out += [(g, "attacker") for g in (_agents(token) if passive else _subjects(token))]
        elif (
            _ATTACK.match(word)
            or word.startswith("open")
            and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in token.children)
        ):  # 'opened fire on the crowd
            if passive:
                out += [(g, "attacker") for g in _agents(token)]
                out += [(c, "victim") for c in token.children if c.dep_ == "nsubjpass"]
            else:
                clash = word.startswith(("clash", "fought", "fight"))
                out += [(s, "attacker") for s in _subjects(token)]
                out += [(o, "attacker" if clash else "target") for o in _objects(token)]
                if clash:  # 'clashed with X': both sides fought
                    out += [(g, "attacker") for g in _prep_objects(token, ("with",))]
        elif _ARREST.match(word) and not passive:
            out += [(s, "authority") for s in _subjects(token)]
        elif _ARREST.match(word) and passive:
            out += [(g, "authority") for g in _agents(token)]
    elif token.lower_ in _BE and token.pos_ == "AUX":
        # 'the attackers were fighters of X': a copula naming who the attackers were
        if any(c.dep_ == "nsubj" and c.lower_ in _ATTACKER_NOUNS for c in token.children):
            out += [(c, "attacker") for c in token.children if c.dep_ == "attr"]
        if any(_the_dead(g) for g in _prep_objects(token, ("among",))):
            # 'among the dead was the commander, X', 'among those killed were X and Y'
            named = [c for c in token.children if c.dep_ in ("nsubj", "attr")]
            out += [(t, "victim") for c in named for t in _people_listed(c)]
    elif token.pos_ == "NOUN" and _ATTACK_NOUN.match(token.lower_) and not _BLAME.match(token.head.lower_):
        # 'the attack on the convoy', 'the militia's raid'
        out += [(g, "target") for g in _prep_objects(token, ("on", "against"))]
        # 'an air strike by the army on the village', 'the attack by gunmen'
        out += [(g, "attacker") for g in _prep_objects(token, ("by",))]
        out += [(c, "attacker") for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        # 'a Taliban attack', 'an Islamic State raid': a named group written before the noun
        # (not an adjective of nationality: 'an Israeli strike' names no side by itself)
        out += [
            (c, "attacker")
            for c in token.children
            if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "NORP", "")
        ]
    if (
        _FIGHTING.match(word)
        and (token.pos_ == "NOUN" or token.tag_ == "VBG" and token.dep_ in ("nsubj", "dobj", "pobj"))
        or any(c.dep_ == "nsubj" and _FIGHTING.match(c.lower_) for c in token.children)
    ):
        # 'clashes (erupted) between X and Y', 'fighting between the two groups, X and Y': both fought
        for side in _prep_objects(token, ("between",)):
            # 'between the X and Y clans': the names before the group noun are the sides
            named = [c for c in side.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"]
            if side.tag_ == "NNS" and any(c.conjuncts for c in named):
                out += [(g, "attacker") for g in named]
                continue
            out += [(g, "attacker") for g in (side, *(c for c in side.children if c.dep_ == "appos"))]
    # 'killing six people, including a journalist, X': those the victims include are victims
    out += [(g, role) for head, role in out if role in ("victim", "target") for g in _included(head)]
    return [(each, role) for head, role in out for each in _with_conjuncts(head)]


def _included(head) -> list:
    """The persons a group includes ('six people, including X and Y', 'among them X')."""
    found = []
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("including", "among")):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            found += [t for t in obj.subtree if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
    return found


# nouns for the people an event killed or hurt ('the victims were identified as X')
_DEAD = frozenset({"victims", "dead", "deceased", "bodies", "wounded", "injured"})


def _counted(head):
    """'three of the gunmen': the noun a number counts, or the head itself."""
    return next(iter(_prep_objects(head, ("of",))), head) if head.pos_ == "NUM" else head


def _object(verb):
    """The direct object, or what it counts ('four of the victims')."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is None else _counted(obj)


def _the_dead(noun) -> bool:
    """'the victims', 'those killed', 'the dead': the people the event killed or hurt."""
    if noun is None:
        return False
    if noun.lower_ in _DEAD:
        return True
    return any(c.dep_ == "acl" and _ATTACK.match(c.lower_) for c in noun.children)


def _people_listed(head) -> list:
    """The persons NER finds in a list ('X, 71, his wife Y, 65, and neighbour Z'), which the
    parse chains by apposition and conjunction."""
    return [t for t in head.subtree if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]


def _blamed_for(verb) -> bool:
    """'blamed X for the delays': what X is blamed for is written (an attack or not)."""
    return any(c.dep_ == "prep" and c.lower_ in ("for", "of", "over") for c in verb.children)


def _of_an_attack(verb) -> bool:
    """'blamed X for the bombing', 'accused X of killing': what X is blamed for is an attack."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "over")):
        for what in prep.children:
            if what.dep_ in ("pobj", "pcomp") and (
                _ATTACK_NOUN.match(what.lower_) or _ATTACK.match(what.lower_) or _CARRY_OUT.match(what.lower_)
            ):
                return True
    return False


def with_parsed_roles(
    text: str, sentences: list[Sentence], who: list[Actor], cues: list[RoleCue], excluded: set[str]
) -> list[Actor]:
    """The sides the parse shows ('X stormed', 'claimed by X', 'the attack on X'): a name not
    yet an actor is added with its role. An actor already found keeps its role (overriding
    it with the parse's measured no better on corpus train: role accuracy .622 -> .600),
    unless that role is 'other', which says only that nothing decided it, or a claim of
    the attack overrides a victim's role read from the words nearby."""
    who = list(who)
    for name, (role, found) in roles_by_name(cues).items():
        key = _key(name)
        if not key or key in excluded or gazetteer_kind(name) or _STORM_NAME.match(name):
            continue
        same = next((a for a in who if key in name_keys([a])), None)
        if same is not None:
            claimed = role in ("attacker", "victim") and any(cue.claimed for cue in found)
            # a name's words gave no side ('other'), or the words around a name read as a
            # victim's ('killed' nearby) or an authority's where the parse shows a claim or an accusation
            # a side the parse shows only as killed or hurt ('X has been killed by ...') is a victim
            only_hurt = role == "victim" and {cue.role for cue in found} == {"victim"}
            if same.role == "other" or claimed or only_hurt and same.role == "attacker":
                who[who.index(same)] = same.model_copy(update={"role": role})
            continue
        # (a full name after a shorter one, 'X Northern Command' after 'X', is listed to be folded)
        related = next((a for a in who if _related(a.name, name)), None)
        if related is not None and not (role == related.role == "attacker" and extends(name, related.name)):
            continue
        # a victim or target read inside the words of an actor already listed ('X troops were
        # wounded' where 'X troops' is an alias) is that actor (a group named inside its
        # attackers' phrase, 'X militants', is listed, to be folded with them)
        inside = {
            (cue.start, cue.end)
            for cue in found
            if any(m[0] <= cue.start and cue.end <= m[1] for a in who for m in a.mentions)
        }
        if role != "attacker" and inside:
            continue
        spans = occurrences(text, [name], sentences)
        if spans:
            who.append(Actor(name=name, role=role, mentions=spans))
    return who
