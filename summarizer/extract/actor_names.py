"""The name an argument of an action verb gives (see actors.py): its own entity, the entity
it belongs to ('militants from X', 'members of X'), a name NER missed before an attack
noun ('a Red Dawn Front raid'), or a lone attacker's phrase ('a suicide bomber')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import _looks_like_person, reads_as_place
from .names import TITLE

# every content word capitalised ('Red Hand Brigade', 'al-Qaeda in the Maghreb'), an Arabic
# article before any ('al-Nusra Front'), the particles of personal names ('bin', 'van')
_PROPER_NAME = re.compile(
    r"(?:\d+(?:st|nd|rd|th)\s+)?(?:[a-z]{1,3}-)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|for|and|in|al|el|de|du|la|le|al-\w+|bin|ibn|van|von|der|da|di)\s+)*"
    r"(?:[a-z]{1,3}-)?[A-Z][\w'’.-]*)*"
)
_HEDGES = ("suspected", "alleged", "presumed", "purported")
_NAME_LABELS = frozenset({"ORG", "NORP", "PERSON", "GPE"})

# Heads of attacker phrases that are not names ('a suicide bomber', 'gunmen').
# A lone perpetrator is an actor even unnamed ('a suicide bomber'); plural generic groups
# ('gunmen', 'militants') are left to the patterns of actor_patterns.py (measured: more spurious than found).
_LONE_ATTACKER = frozenset({"bomber", "gunman", "attacker", "assailant", "shooter", "militant"})

# ORG-like names that are never sides of the event
_NOT_SIDES = re.compile(
    r"\b(News|Times|Post|Press|TV|Television|Radio|Reuters|Agence|Associated|BBC|CNN|VOA|AFP|AP|Xinhua|Hospital"
    r"|University)\b"
)
# the endings of words for peoples and faiths ('Alawite', 'Kurdish', 'Shiite', 'Varnian')
_PEOPLES_ENDING = re.compile(r"(?:ite|ites|ish|ian|ians|an|ans|ese|i|is|ic|en|ch)$")
_CITED = re.compile(r"\baccording\s+to\s+(?:[\w'’.-]+\s+){0,5}$", re.IGNORECASE)


@dataclass(frozen=True)
class RoleCue:
    """One piece of evidence of a side's role: the name as written and where."""

    name: str
    role: str
    start: int
    end: int
    claimed: bool = False  # a claim or an accusation ('X claimed responsibility', 'blamed X')


def _entity_of(token):
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in _NAME_LABELS:
            return ent
    return None


def _name_of(head, offset: int, role: str) -> RoleCue | None:
    """The name an argument gives: its own entity, or the entity it belongs to ('militants
    from X', 'members of X', 'workers with X'), or an attacker noun phrase."""
    if head.pos_ == "PRON":
        return None
    spokesman = head.lower_.startswith("spokes")  # 'a spokesman for X, Y, said': X's side, not Y's
    ent = None if spokesman else _entity_of(head) or _named_by_modifier(head)
    if ent is not None and len(ent) == 1 and qualifies_a_noun(ent[0]):
        return None  # 'Varnish shelling killed six': a people's adjective, not a person
    if ent is None:
        # 'militants from X', 'members of X', and 'a spokesman for X' (who speaks as X)
        belongs = ("of", "from", "with", "for") if spokesman else ("of", "from", "with")
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in belongs):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                ent = _entity_of(obj) or _named_by_modifier(obj)
                if ent is None and role == "attacker" and not spokesman and obj.pos_ == "PROPN" and not obj.ent_type_:
                    named = _group_name(obj, offset)  # 'fighters of the X Front': a name NER missed
                    if named is not None:
                        return named
                if ent is not None:
                    if role == "victim":  # 'workers with X were killed': X was the target
                        role = "target"
                    break
            if ent is not None:
                break
    if ent is not None:
        if ent.label_ == "GPE" and role in ("victim", "target") or _described_as_place(head):
            return None  # 'shelled Karvela', 'stormed Osk, a farming village': a place, not a side
        if role == "victim" and ent[-1].lower_ in _BUILDINGS:
            return None  # 'Osk Central Mosque was hit': a building, hurt by no one (the target, if attacked)
        if ent.label_ == "PERSON" and role == "target":
            role = "victim"
        # (not 'the', nor a hedge NER took into the name: 'Suspected X Brigade fighters')
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ in ("the", "a", "an", *_HEDGES))]
        if not tokens:
            return None
        if role == "attacker":
            tokens = _proper_compounds(tokens[0]) + tokens
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        name = head.doc.text[start:end]
        if _NOT_SIDES.search(name) or not _PROPER_NAME.fullmatch(name) or name.isupper() and len(name) > 4:
            return None  # an outlet, a common noun NER took for a name, a capitalised dateline
        if len(tokens) == 1 and tokens[0].tag_ in ("NN", "NNS"):
            return None  # 'Gunfire erupted': a common noun at the start of a sentence
        if _CITED.search(head.doc.text[: ent.start_char]):
            return None  # 'according to X, gunmen killed ...': X is the source, not a side
        return RoleCue(name, role, offset + start, offset + end)
    if role == "attacker" and head.dep_ == "compound" and head.pos_ == "PROPN" and not head.ent_type_:
        return _compound_name(head, offset)  # 'a Red Dawn Front raid': a name NER missed
    named = head.head if head.dep_ == "conj" else head
    if role == "attacker" and head.pos_ == "PROPN" and named.dep_ == "nmod" and _between(named.head):
        return _phrase([head], role, offset)  # 'between the X and Y clans': a side's name NER missed
    if role == "attacker" and head.lower_ in _STATE_FORCES:
        return _national_force(head, offset)  # 'the U.S. military', 'the Saudi-led coalition'
    modifiers = _modifiers(head)
    belongs = any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in head.children)
    if (
        role == "attacker"
        and head.tag_ == "NNS"
        and _between(head)
        and all(m.is_lower for m in modifiers)
        and not belongs
    ):
        return _phrase(modifiers + [head], role, offset)  # 'clashes between cattle herders and farmers'
    if role == "attacker" and head.lower_ in _LONE_ATTACKER and all(m.is_lower for m in modifiers):
        return _phrase(modifiers + [head], role, offset)  # 'a suicide bomber', 'a lone gunman', 'the gunman'
    if role == "victim" and head.dep_ == "nsubjpass" and head.pos_ == "PROPN" and head.ent_type_ not in _NAME_LABELS:
        return _unnamed_person(head, offset)  # 'Tomas Reyna was shot': a person NER missed
    # 'an Israeli woman was killed' (as attacker or target such phrases measured worse: 'Korean ship')
    if (
        role == "victim"
        and head.pos_ == "NOUN"
        and any(m.ent_type_ == "NORP" or qualifies_a_noun(m) for m in modifiers)
    ):
        return _phrase(modifiers + [head], role, offset)
    return None


# nouns the text uses to say what kind of place a name is ('Osk, a farming village')
_PLACE_NOUNS = frozenset(
    {"village", "town", "city", "district", "province", "region", "island", "suburb", "neighbourhood",
     "neighborhood", "hamlet", "settlement", "county", "municipality", "capital"}
)  # fmt: skip


# the last words of the names of buildings and sites ('Osk Central Mosque', 'Tarn Primary School')
_BUILDINGS = frozenset(
    {"mosque", "church", "temple", "school", "college", "university", "hospital", "clinic", "market", "hotel",
     "station", "building", "tower", "mall", "stadium", "bridge", "road", "street", "square", "airport",
     "prison", "camp", "factory", "plant", "mine", "centre", "center", "office", "court", "palace", "embassy"}
)  # fmt: skip


def _described_as_place(head) -> bool:
    """'stormed Osk, a farming village near the border': the name in apposition to a place noun."""
    return any(c.dep_ == "appos" and c.lower_ in _PLACE_NOUNS for c in head.children)


def _proper_compounds(first) -> list:
    """The capitalised names written right before an entity as parts of one name that NER
    split ('Harak State' before 'Tesk Province' in 'Harak State Tesk Province claimed ...')."""
    found: list = []
    i = first.i - 1
    while i >= 0:
        token = first.doc[i]
        if (
            token.pos_ != "PROPN"
            or token.dep_ != "compound"
            or not token.text[:1].isupper()
            or TITLE.match(token.text)
            or token.lower_ in _HEDGES
        ):
            break  # ('Commander X': a title, not a part of the name)
        if not (token.i < token.head.i <= first.i + 3):
            break  # a compound of another noun
        found.insert(0, token)
        i -= 1
    return found


def qualifies_a_noun(token) -> bool:
    """'one Varnish serviceman': a lone word NER calls a person, written before a common noun
    it qualifies, is a people's adjective (NORP)."""
    one_word = token.ent_iob_ == "B" and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    head = token.head
    # ('Varnish shelling killed six': a gerund the parse reads as a verb is a noun there)
    gerund = head.tag_ == "VBG" and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and head.i == token.i + 1
    modifier = token.dep_ in ("compound", "amod") and head.pos_ == "NOUN" or token.dep_ == "nsubj" and gerund
    return token.ent_type_ == "PERSON" and one_word and modifier


def _between(head) -> bool:
    """Whether a noun is one of the sides after 'between' ('clashes between X and Y')."""
    side = head.head if head.dep_ == "conj" else head
    if head.lower_ in ("groups", "sides", "factions", "parties") or any(c.dep_ == "nummod" for c in head.children):
        return False  # 'fighting between two ethnic groups, X and Y': a word for the sides, naming none
    return side.dep_ == "pobj" and side.head.lower_ == "between"


# a state's armed forces and aircraft, named by the state ('the U.S. military', 'Varnian warplanes')
_STATE_FORCES = frozenset(
    {
        "military",
        "army",
        "coalition",
        "navy",
        "forces",
        "troops",
        "warplanes",
        "jets",
        "aircraft",
        "drones",
        "artillery",
    }
)


def _national_force(head, offset: int) -> RoleCue | None:
    """The words before a state's force that name the state ('the U.S. military', 'the
    Saudi-led coalition'): one capitalised word at least, written right before the noun."""
    words = [t for t in head.doc[head.left_edge.i : head.i + 1] if t.dep_ not in ("det", "poss", "case")]
    owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ == "GPE" and c.i == head.i - 2), None)
    if len(words) == 1 and owner is not None and owner.left_edge.i == owner.i:
        words = [owner, head.doc[owner.i + 1], head]  # 'Varnia's military': the state's own force
    if len(words) < 2 or words[-1].i - words[0].i + 1 != len(words):
        return None
    joined = [t for t in words if t.text == "-" or t.i > 0 and t.doc[t.i - 1].text == "-"]
    if any(t.pos_ in ("VERB", "NUM", "PUNCT") and t not in joined for t in words):
        return None  # 'the army that fired', 'the 5th army'
    if not any(t.text[:1].isupper() for t in words[:-1]):
        return None
    return _phrase(words, "attacker", offset)


def _named_by_modifier(head):
    """The name a common noun carries: 'the X Brigade group', 'the militant group X',
    'X fighters' (a place before the noun names no side: 'Kabul police')."""
    if head.pos_ != "NOUN":
        return None
    for child in head.children:
        if child.dep_ in ("compound", "appos") and child.pos_ == "PROPN":
            ent = _entity_of(child)
            # a people or faith before a noun is an adjective ('Alawite villagers'), not a side
            # (a group NER calls a people, 'Harakiyya', is no adjective: it has no people's ending)
            # written before a thing of theirs ('a Harakat depot'), not before people ('Shia villagers')
            group = ent is not None and ent.label_ == "NORP" and not _PEOPLES_ENDING.search(ent.text)
            group = group and head.tag_ == "NN"
            if ent is not None and (ent.label_ == "ORG" or group or child.dep_ == "appos" and ent.label_ == "PERSON"):
                return ent
    return None


def _modifiers(head) -> list:
    """The adjectives and nouns written right before `head`, in order ('suicide', 'Slavic')."""
    words = []
    for left in reversed(list(head.lefts)):
        next_word = words[0] if words else head
        if left.i != next_word.i - 1 or left.dep_ not in ("compound", "amod") or not left.is_alpha:
            break
        words.insert(0, left)
    return words


def _phrase(words: list, role: str, offset: int) -> RoleCue:
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return RoleCue(words[0].doc.text[start:end], role, offset + start, offset + end)


def _unnamed_person(head, offset: int) -> RoleCue | None:
    """The two or three capitalised words of a person's name that end at `head`, NER tagging none
    of them ('Tomas Reyna, 45, was hit'), not a place's or a body's name."""
    words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.ent_type_ not in _NAME_LABELS]
    words.append(head)
    if words[-1].i - words[0].i + 1 != len(words):
        return None
    cue = _phrase(words, "victim", offset)
    return cue if _looks_like_person(cue.name) else None


def _compound_name(head, offset: int) -> RoleCue | None:
    """The capitalised words that end at `head` ('Red Dawn Front' in 'a Red Dawn Front raid')."""
    words = sorted(head.subtree, key=lambda t: t.i)
    if words[-1].i != head.i or words[-1].i - words[0].i + 1 != len(words):
        return None
    cue = _phrase(words, "attacker", offset)
    if not _PROPER_NAME.fullmatch(cue.name) or len(words) < 2 or _NOT_SIDES.search(cue.name):
        return None  # one capitalised word before a noun may be anything ('a Monday raid')
    return cue


def extends(name: str, shorter: str) -> bool:
    """'Harak Front Northern Command' after 'Harak Front': a proper name that begins with a
    shorter one and goes on in capitalised words."""
    rest = name[len(shorter) :].split()
    return name.startswith(shorter + " ") and shorter[:1].isupper() and all(w[:1].isupper() for w in rest)


def _group_name(obj, offset: int) -> RoleCue | None:
    """The capitalised words that end at a proper noun after 'of'/'from' ('the Valen Front'):
    two words at least, every content word capitalised."""
    words = [t for t in obj.doc[obj.left_edge.i : obj.i + 1] if t.dep_ not in ("det", "poss")]
    if len(words) < 2 or words[-1].i - words[0].i + 1 != len(words) or any(t.pos_ != "PROPN" for t in words):
        return None
    cue = _phrase(words, "attacker", offset)
    if not _PROPER_NAME.fullmatch(cue.name) or _NOT_SIDES.search(cue.name) or reads_as_place(cue.name):
        return None  # ('fighters from the Kessa Valley': a place)
    return cue
