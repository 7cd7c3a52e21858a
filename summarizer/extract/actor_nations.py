"""A nationality adjective as the agent of an attack noun ('Varnian shelling hit the market',
'a Norwegian drone strike killed four', 'Swedish air strikes'): the state, or its forces,
struck. The adjective is matched to a country the gazetteer knows by the shape of the word
('Norwegian' -> 'Norway'); the actor is named as the story names that side: the state's
forces where a phrase such as 'Norwegian forces' is written, else the country where its
name is written, else the adjective itself."""

from __future__ import annotations

import re
from functools import lru_cache

from ..brief import Actor
from .actors import _parsed_tokens
from .entities import _key, name_keys, occurrences
from .gazetteer import _gazetteer, country_code, gazetteer_kind
from .sentences import Sentence

# nouns for a state's strike ('an air strike', 'the shelling', 'a drone attack')
_STRIKE_NOUN = re.compile(
    r"(?:air)?strikes?|shelling|bombardments?|bombings?|raids?|attacks?|barrages?|offensive|incursions?|assaults?"
)
# a state's armed forces and aircraft, written after its adjective ('Varnian troops')
_FORCE_WORDS = r"(?:armed\s+forces|air\s+force|forces|troops|military|army|navy|soldiers|warplanes|jets|aircraft)"
# demonyms that do not begin with their country's name (general English, not any story's)
_IRREGULAR = {
    "American": "United States",
    "British": "United Kingdom",
    "French": "France",
    "Dutch": "Netherlands",
    "Spanish": "Spain",
    "Polish": "Poland",
    "Finnish": "Finland",
    "Danish": "Denmark",
    "Swiss": "Switzerland",
    "Filipino": "Philippines",
    "Emirati": "United Arab Emirates",
    "Saudi": "Saudi Arabia",
    "Greek": "Greece",
}


# the endings of nationality adjectives ('Omani', 'Kenyan', 'Sudanese', 'Swedish'): not of
# personal names that begin like a country's ('Malik')
_DEMONYM_END = re.compile(r"(?:i|an|en|ese|ish|ic)s?$")


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, ...]:
    cache = _gazetteer()
    return tuple(c["name"] for c in cache.get_countries().values()) if cache is not None else ()


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


@lru_cache(maxsize=256)
def country_of_demonym(word: str) -> str | None:
    """The country a nationality adjective names ('Norwegian' -> 'Norway', 'Turkish' ->
    'Turkey', 'Afghan' -> 'Afghanistan'), or None: the country whose one-word name the
    adjective begins with (or that begins with it), else the one it shares all but the
    country's last two letters with (the longest such)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) < 4 or not word[:1].isupper() or not word.isalpha() or not _DEMONYM_END.search(word):
        return None
    best, rank = None, (False, 0)
    for country in _country_names():
        if " " in country:
            continue
        shared = _common_prefix(word, country)
        # a whole name first: 'Nigerien' is Niger's, 'Nigerian' Nigeria's
        whole = shared == len(country) or shared == len(word)
        if (whole or shared >= max(4, len(country) - 2)) and (whole, shared) > rank:
            best, rank = country, (whole, shared)
    return best


def state_key(nation: str) -> str:
    """One key for the ways a story names a state ('U.S.', 'US', 'American', 'United States'):
    its ISO code where the words name a country or its people, else the words themselves."""
    bare = nation.replace(".", "")
    return country_code(bare) or country_code(country_of_demonym(nation) or "") or nation


def _striking_adjectives(token) -> list:
    """The nationality adjectives an attack noun carries ('a Varnian air strike')."""
    # ('shelling' is often tagged as a verb: a gerund in a noun's place is read as the noun)
    nominal = token.pos_ == "NOUN" or token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
    if not nominal or not _STRIKE_NOUN.fullmatch(token.lower_):
        return []
    return [
        c
        for c in token.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") and c.is_alpha and c.text[:1].isupper()
    ]


def _forces_phrase(text: str, adjective: str) -> str | None:
    """'Varnian forces', 'Varnian air force' as written in the story, or None."""
    found = re.search(rf"(?<![\w-]){re.escape(adjective)}\s+{_FORCE_WORDS}\b", text)
    return found.group(0) if found else None


def _own_forces(adjective: str, country: str, who: list[Actor]) -> Actor | None:
    """An actor already listed that is this state or its forces ('Varnian troops', 'Varnia')."""
    for actor in who:
        for name in (actor.name, *actor.aliases):
            first, _, rest = name.partition(" ")
            if name in (country, adjective) or first == adjective and re.fullmatch(_FORCE_WORDS, rest, re.I):
                return actor
    return None


def with_striking_nations(text: str, sentences: list[Sentence], docs: dict, who: list[Actor]) -> list[Actor]:
    """The states whose adjective is the agent of an attack noun, as attackers."""
    who = list(who)
    for _offset, token in _parsed_tokens(sentences, docs):
        for adjective in _striking_adjectives(token):
            country = country_of_demonym(adjective.text)
            if country is None:
                continue
            own = _own_forces(adjective.text, country, who)
            forces = _forces_phrase(text, adjective.text)
            if own is not None:
                if own.role in ("authority", "other"):
                    who[who.index(own)] = own.model_copy(update={"role": "attacker"})
                continue
            names = [n for n in (forces, country, adjective.text) if n and occurrences(text, [n], sentences)]
            if not names or _key(names[0]) in name_keys(who):
                continue
            spans = occurrences(text, names, sentences)
            who.append(Actor(name=names[0], role="attacker", aliases=names[1:], mentions=spans))
    return [_as_its_forces(text, sentences, actor) for actor in who]


def _as_its_forces(text: str, sentences: list[Sentence], actor: Actor) -> Actor:
    """An armed side named by a bare nationality ('Varnian' as the subject of 'shelled'), under
    the name of its forces where the story writes one ('Varnian forces')."""
    if actor.role not in ("attacker", "authority") or country_of_demonym(actor.name) is None:
        return actor
    forces = _forces_phrase(text, actor.name)
    if forces is None:
        return actor
    aliases = sorted({*actor.aliases, actor.name} - {forces})
    return actor.model_copy(
        update={"name": forces, "aliases": aliases, "mentions": occurrences(text, [forces, *aliases], sentences)}
    )


# what a state does as the authority of the event ('declared a state of emergency', 'blocked
# access', 'removed the monument', 'deployed troops', 'continues to crack down')
_STATE_ACT = re.compile(
    r"(declar|prevent|ban|block|impos|deploy|order|arrest|detain|crack|expel|evacuat|remov|refus|suspend|shut|curb)"
)
_AUTHORITY_NOUNS = frozenset({"authorities", "government"})


def _acting_state(token) -> tuple[int, int] | None:
    """The span of a state that is the subject of an authority's act: a country's name ('China
    declared ...') or a nationality before 'authorities' or 'government' ('the Varnian
    authorities removed ...')."""
    if token.dep_ != "nsubj" or token.head.pos_ != "VERB":
        return None
    verb = token.head
    if verb.tag_ in ("VBZ", "VBP"):
        return None  # the present of headlines and of lists of other stories ('X declares emergency')
    acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    if not any(_STATE_ACT.match(v.lower_) for v in acts):
        return None
    if token.ent_type_ == "GPE" and token.ent_iob_ == "B" and gazetteer_kind(token.text) == "country":
        return token.idx, token.idx + len(token.text)
    if token.lower_ in _AUTHORITY_NOUNS:
        nation = [c for c in token.children if c.dep_ in ("amod", "compound") and country_of_demonym(c.text)]
        if nation and nation[0].i == token.i - 1:
            return nation[0].idx, token.idx + len(token.text)
    return None


def with_acting_states(text: str, sentences: list[Sentence], docs: dict, who: list[Actor]) -> list[Actor]:
    """The states the parse shows acting as the event's authority ('China declared ...',
    'Varnian authorities removed ...'), as authorities, when not already listed."""
    who = list(who)
    for _offset, token in _parsed_tokens(sentences, docs):
        span = _acting_state(token)
        if span is None:
            continue
        name = token.doc.text[span[0] : span[1]]
        country = country_of_demonym(name.split()[0]) or name
        if _key(name) in name_keys(who) or _own_forces(name.split()[0], country, who) is not None:
            continue
        spans = occurrences(text, [name], sentences)
        if spans:
            who.append(Actor(name=name, role="authority", mentions=spans))
    return who
