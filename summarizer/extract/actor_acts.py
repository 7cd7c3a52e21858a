"""Who acts in the story and who only speaks about it, read from the dependency parse.

The conventions list an authority (the police, a minister, a mayor) as an actor when it
does something in the event (arrests, disperses, visits, orders); when it only speaks
('police said', 'the president of X said', 'according to police') or only qualifies
another noun ('a police chief said', 'the police station'), it belongs in attribution,
not in who. An authority none of whose mentions stands where an actor stands is dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from .actor_time import mention_in_other_time
from .actors import _ARMED, _ARREST, _FORCE_HEADS, _HURT, _ITSELF, _arguments, _counted, _parsed_tokens, _prep_objects
from .entities import _key
from .gazetteer import gazetteer_kind
from .sentences import Sentence

# Forms of the verbs of speech (matched by their start: the lemmatiser is not loaded)
_SPEECH = re.compile(
    r"(say|said|tell|told|report|confirm|announc|add|state[sd]?$|stating|note[sd]?$|noting|describ|warn|urg"
    r"|condemn|express|estimat|believ|spok|speak|quot|cite|citing|deni|deny|insist|explain|predict|fear|comment"
    r"|threat|suggest|blam|accus)"
)
# a noun's modifiers: 'police chief', 'the police's spokesman', 'police-run'
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})


def _root(span: tuple[int, int], sentences: list[Sentence], docs: dict):
    """The head token of the words at `span`, or None when its sentence was not parsed."""
    sentence = next((s for s in sentences if s.start <= span[0] < s.end), None)
    doc = docs.get(sentence.start) if sentence is not None else None
    if doc is None:
        return None
    words = doc.char_span(span[0] - sentence.start, span[1] - sentence.start, alignment_mode="expand")
    return words.root if words is not None else None


def _acts(token) -> bool:
    """Whether a mention stands where a side of the event stands, not where a speaker, a
    source or a modifier of another noun stands."""
    if any(c.dep_ in ("compound", "appos") and c.lower_.startswith("spokes") for c in token.children):
        return False  # 'spokesman X': a speaker by title
    if _in_byline(token) or mention_in_other_time(token):
        return False  # the writer; an act of another time ('have fought the army since 1984')
    while token.dep_ == "compound" and token.head.tag_ == "NNS":
        token = token.head  # 'police officers': the people the force's name qualifies
    while token.dep_ in ("conj", "appos") and token.head is not token:
        appos = token.dep_ == "appos"
        token = token.head  # 'police and soldiers said', 'the president, X, said'
        if appos and token.dep_ == "pobj" and token.head.lower_ == "of":
            token = token.head.head  # 'the governor of Y, X, said': X is the governor
    if token.dep_ in _MODIFIER_DEPS or token.lower_.startswith("spokes"):
        return False  # 'police chief', 'its spokesman, X'
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return False
    if token.dep_ == "nsubj" and _SPEECH.match(token.head.lower_):
        return _reports_own_arrests(token.head)  # 'police said they had arrested three suspects'
    return not (token.dep_ == "dobj" and _SPEECH.match(token.head.lower_))


def _reports_own_arrests(verb) -> bool:
    """A force that reports its own arrests ('police said they had arrested three men', 'police
    said two suspects had been detained'): the reported verb is one of arrest, its subject the
    speaker itself or, passive, no one else."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"):
        if not _ARREST.match(clause.lower_) or clause.lower_.startswith(("charg", "round")):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if subjects and all(_ITSELF.fullmatch(s.lower_) for s in subjects):
            return True
        passive = any(c.dep_ == "nsubjpass" for c in clause.children)
        if passive and not any(c.dep_ == "agent" for c in clause.children):
            return True
    return False


def _in_byline(token) -> bool:
    """'By X | Staff': a line that is only 'By' and a name is the byline, the writer's; so is a
    line of names alone (the outlet's masthead, 'X Daily News'), and the outlet credited
    before a dash that opens the story ('OSK (X) —', 'X — Gunmen stormed ...')."""
    sent = token.sent
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        by = sent.root.lower_ == "by" and sent.root.i == sent.start
        return by or all(t.pos_ in ("PROPN", "PUNCT", "DET", "ADP", "CCONJ", "NUM") for t in sent)
    dash = next((t for t in sent if t.text in ("—", "–", "--")), None)
    if dash is None or token.i > dash.i:
        return False
    return all(t.pos_ in ("PROPN", "PUNCT", "DET") for t in sent if t.i < dash.i)


def _audience(token) -> bool:
    """Whether a mention is whom a speaker told ('officials told the X', 'said in an interview
    with X', 'speaking to X'): an outlet or a listener, no side of the event."""
    while token.dep_ in ("conj", "appos", "compound") and token.head is not token:
        token = token.head
    head = token.head
    if token.dep_ == "dobj" and head.lower_ in ("told", "tell", "tells", "telling"):
        return True
    if token.dep_ == "pobj" and head.lower_ in ("to", "with"):
        return _SPEECH.match(head.head.lower_) is not None or head.head.lower_ in ("interview", "speaking", "talking")
    return False


def acting_authorities(who: list, sentences: list[Sentence], docs: dict) -> list:
    """The actors, less the writer of the story in its byline and the authorities that only
    speak or only qualify another noun."""
    if not docs:
        return who
    out = []
    for actor in who:
        roots = [_root(tuple(span), sentences, docs) for span in actor.mentions]
        parsed = [token for token in roots if token is not None]
        if parsed and all(_in_byline(token) or _audience(token) for token in parsed):
            continue  # the story's writer, its outlet, the outlet told
        if actor.role == "authority" and parsed and not any(_acts(token) for token in parsed):
            continue
        out.append(actor)
    return out


# Forms of the verbs of arrest (an authority's act on the people it holds)
_DETAINED = re.compile(r"(arrest|detain|jail|imprison|abduct|kidnap|seiz|round)")


def _held(token) -> bool:
    """Whether a mention is the one held: the subject of a passive arrest ('X was detained'),
    or one of those it includes ('six officials, including X and Y, were detained')."""
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "including":
        token = token.head.head  # 'officials, including X'
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            token = token.head.head  # 'six of its officials, including X'
    verb = token.head
    return token.dep_ == "nsubjpass" and verb.pos_ == "VERB" and _DETAINED.match(verb.lower_) is not None


def held_authorities_as_victims(who: list, sentences: list[Sentence], docs: dict) -> list:
    """A person listed by their title as an authority ('opposition leader X', 'chairman X')
    whom the story shows being arrested is a victim of the event, not its authority."""
    out = []
    for actor in who:
        if actor.role == "authority" and " " in actor.name and not actor.name.islower():
            roots = [_root(tuple(span), sentences, docs) for span in actor.mentions]
            if any(token is not None and _held(token) for token in roots):
                actor = actor.model_copy(update={"role": "victim"})
        out.append(actor)
    return out


# prepositions of place: 'inside the X', 'near X'
_SPATIAL = frozenset({"in", "at", "inside", "outside", "near", "into", "across", "through", "around", "within"})


def _placed(token, place_keys: set[str]) -> bool:
    """Whether a mention stands where a place stands: the object of a preposition of place
    ('inside the X'), what someone visits ('visited X'), or joined by 'and' to a place of the
    brief ('Y and X')."""
    if any(_key(other.text) in place_keys or _PLACE_NOUN.match(other.lower_) for other in token.conjuncts):
        return True  # 'X and Y', 'between X and Y villages'
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in _SPATIAL:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "from" and (_known_place(token) or token.head.head.pos_ == "VERB"):
        return True  # 'a unit from X arrived', 'families moved from X': where they came from
    if token.dep_ in ("compound", "nmod") and _names_a_place(token, place_keys):
        return True
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lower_ in _LYING:
        return True  # 'X lies on the river', 'X is located 40 km north of Y': a place's verbs
    return token.dep_ == "dobj" and token.head.lower_.startswith(("visit", "tour"))  # 'visited X and Y'


# verbs whose subject is a place ('X lies on the river', 'X is located near Y')
_LYING = frozenset({"lies", "lie", "lay", "located", "situated", "sits", "borders", "straddles", "overlooks"})

# common nouns for places that a name qualifies ('X state', 'the X and Y villages', 'X market')
_PLACE_NOUN = re.compile(r"(state|province|district|county|region|villages?|towns?|city|market|area|valley|camp)$")


def _known_place(token) -> bool:
    """Whether a name is one the gazetteer or NER knows as a place."""
    words = token.doc[token.left_edge.i : token.i + 1].text
    return token.ent_type_ in ("GPE", "LOC", "FAC") or gazetteer_kind(words) is not None


def _names_a_place(token, place_keys: set[str]) -> bool:
    """Whether a name qualifies a noun that names a place: a common noun of places ('X state',
    'between X and Y villages') or a place of the brief ('the X public market')."""
    head = token.head
    while head.dep_ in ("compound", "nmod") and head.head.i > head.i:
        head = head.head
    if head.pos_ != "NOUN" or head.i <= token.i:
        return False
    return (
        _PLACE_NOUN.match(head.lower_) is not None or _key(token.doc[token.left_edge.i : head.i + 1].text) in place_keys
    )


# titles and ranks: a name that carries one is a person's ('General X'), whatever its slot
_TITLES = frozenset(
    [
        "general",
        "major-general",
        "brigadier",
        "colonel",
        "major",
        "captain",
        "lieutenant",
        "sergeant",
        "commander",
        "minister",
        "president",
        "governor",
        "mayor",
        "chief",
        "director",
        "inspector",
        "commissioner",
        "officer",
        "judge",
        "senator",
    ]
)


def _titled(token) -> bool:
    """Whether the name's own words hold a title or rank ('Brigadier-General X', 'general X')."""
    words = [c for c in token.subtree if c.dep_ == "compound" and c.i < token.i]
    return any(word.lower_ in _TITLES or word.lower_.split("-")[-1] in _TITLES for word in words)


def _qualifies(token) -> bool:
    """Whether a one-word name only qualifies the common noun after it ('the X councillor')."""
    return token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i == token.i + 1


def without_placed_names(who: list, sentences: list[Sentence], docs: dict, place_keys: set[str]) -> list:
    """The actors, less the capitalised names every mention of which reads as a place
    (NER often tags a bar, a village or an island as a person or an organisation); a name
    with a title is a person's, though it stands after 'in' ('arrested in the hills General X').
    A mention that only qualifies a noun ('X councillor') reads as the place's too."""
    out = []
    for actor in who:
        if re.match(r"[A-Z]", actor.name):
            roots = [_root(tuple(span), sentences, docs) for span in actor.mentions]
            parsed = [token for token in roots if token is not None]
            placed = [token for token in parsed if _placed(token, place_keys) and not _titled(token)]
            # the others only qualify a noun ('X councillor', 'X police'), as a place's name does
            if placed and all(token in placed or _qualifies(token) for token in parsed):
                continue
        out.append(actor)
    return out


# verbs whose object is killed, not merely attacked ('killed two soldiers')
_KILLING = re.compile(r"(kill|shot|shoot|stab|behead|execut|massacr|murder|slay|slew)")


def _parsed_roles(who: list, indices: list[int], sentences: list[Sentence], docs: dict) -> dict[int, set[str]]:
    """The roles the parse gives the mentions of the actors at `indices` ('a convoy of X' is
    X's mention); a target of a verb of killing is a victim."""
    mentioned = {}
    for index in indices:
        for span in who[index].mentions:
            token = _root(tuple(span), sentences, docs)
            if token is not None:
                mentioned[(id(token.doc), token.i)] = index
    roles: dict[int, set[str]] = {}
    if not mentioned:
        return roles
    for _offset, token in _parsed_tokens(sentences, docs):
        for head, role in _arguments(token):
            for each in (head, *_prep_objects(head, ("of",))):  # 'a convoy of X'
                index = mentioned.get((id(each.doc), each.i))
                if index is not None:
                    killed = role == "target" and token.pos_ == "VERB" and _KILLING.match(token.lower_)
                    roles.setdefault(index, set()).add("victim" if killed else role)
    return roles


def attacked_forces(who: list, sentences: list[Sentence], docs: dict) -> list:
    """The state's forces, listed as the authority, as the target when the parse shows them
    only attacked ('stormed a convoy of paramilitary forces', 'an attack on a convoy of
    foreign troops'), or as victims when only killed or hurt ('killed two soldiers')."""
    forces = [
        index
        for index, actor in enumerate(who)
        if actor.role == "authority" and actor.name.split()[-1].lower() in _FORCE_HEADS
    ]
    out = list(who)
    for index, found in _parsed_roles(who, forces, sentences, docs).items():
        if found <= {"target", "victim"}:
            out[index] = who[index].model_copy(update={"role": "target" if "target" in found else "victim"})
    return out


def struck_armed_men(who: list, sentences: list[Sentence], docs: dict) -> list:
    """Armed men named by a common noun ('militants', 'fighters') whom the parse shows only
    killed or attacked, never attacking, are the victims of another side's attack ('a drone
    strike killed five militants'), when another side is the attacker."""
    armed = [
        index
        for index, actor in enumerate(who)
        if actor.role == "attacker" and (actor.name.islower() or actor.name.split()[-1].lower() in _ARMED)
    ]
    if not armed or not any(a.role == "attacker" for i, a in enumerate(who) if i not in armed):
        return who
    out = list(who)
    for index, found in _parsed_roles(who, armed, sentences, docs).items():
        if found <= {"target", "victim"}:
            # a named group's men ('X militants') are its side, the target; unnamed men the victims
            role = "victim" if who[index].name.islower() else "target"
            out[index] = who[index].model_copy(update={"role": role})
    return out


# and one armed man ('police shot the gunman dead' answers 'a gunman killed three')
_ARMED_ONE = _ARMED | {"attacker", "assailant", "gunman", "militant", "bomber", "shooter", "suspect"}


def forces_attacked(sentences: list[Sentence], docs: dict) -> bool:
    """Whether the parse shows the state's forces as the side that attacked ('security forces
    fired on protesters', 'police opened fire', 'troops shelled villages') more often than as
    the side attacked: by convention, forces who fire on people are attackers, not authorities;
    forces who kill armed men are attackers unless those men are shown attacking too or are
    told of as killed by the forces ('troops raided the camp, killing 30 militants' against
    'gunmen stormed a hotel ... three attackers were killed by police')."""
    roles: Counter = Counter()
    # (the hurt are not counted: 'officers were injured' says nothing of who fired first)
    parsed = [_arguments(token) for _offset, token in _parsed_tokens(sentences, docs) if not _HURT.match(token.lower_)]
    # armed men who attack ('gunmen stormed a post'), whom the forces answer
    armed_attack = any(
        role == "attacker" and head.lower_ in _ARMED_ONE for arguments in parsed for head, role in arguments
    )
    for arguments in parsed:
        # ('killed three of the insurgents': the men the number counts)
        counted = [(_counted(head), role) for head, role in arguments]
        answered = [head for head, role in counted if role != "attacker" and head.lower_ in _ARMED_ONE]
        if answered and (armed_attack or any(head.dep_ == "nsubjpass" for head in answered)):
            continue  # 'three attackers were killed by police': forces responding to an attack
        for head, role in arguments:
            if head.lower_ in _FORCE_HEADS and not head.ent_type_:
                roles[role] += 1
    return roles["attacker"] > 0 and roles["attacker"] > roles["target"] + roles["victim"]


def with_forces_as_attackers(who: list, sentences: list[Sentence], docs: dict) -> list:
    """The state's side, listed as the authority, as attacker when the parse shows it attacking."""
    if not any(a.role == "authority" for a in who) or not forces_attacked(sentences, docs):
        return who
    return [
        a.model_copy(update={"role": "attacker"})
        if a.role == "authority" and a.name.split()[-1].lower() in _FORCE_HEADS
        else a
        for a in who
    ]
