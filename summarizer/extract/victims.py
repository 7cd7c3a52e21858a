"""The generic victims: the people the toll's figures count ('people', 'passengers',
'soldiers'), listed when the story names no victim or target otherwise."""

from __future__ import annotations

import re
from collections import Counter

from ..brief import Actor, Figure
from .actor_nations import country_of_demonym
from .actor_targets import _VEHICLES
from .actors import _ATTACKER_NOUNS
from .entities import _key, _looks_like_person, name_keys, occurrences
from .sentences import Sentence

_GENERIC_VICTIM = re.compile(r"^(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*$")
# 'killing 5 and wounding 30 more', 'others', 'and three other men' (the rest of a list): a
# group word that names nobody
_NOBODY = re.compile(
    r"^(?:(?:more|others?|several|many|some|those|dozens|hundreds|scores)(?:\s+people)?(?:\s+\w+ly)?"
    r"|(?:other|more)\s+[a-z]+)$"
)
# head nouns that say only that the counted are human: any other head is more specific
_ANYONE = frozenset({"people", "person", "persons", "individuals", "others", "victims"})
# one person counted by a word that says only that they are human ('one person was killed'):
# no group of victims to name
_ONE_ANYONE = frozenset({"person", "individual"})
# plural nouns for people that do not end in -s
_PLURALS = frozenset({"people", "men", "women", "children", "police", "personnel", "staff", "crew", "youth"})
# a speaker's own ('our compatriots'): a quote's words, not the story's
# (and a group named only by its owner's pronoun, 'its members', 'their fighters', names nobody)
_SPEAKERS_OWN = frozenset({"our", "my", "your", "its", "their"})
# nouns that name people by the crime they committed ('two of the kidnappers were killed'): the
# perpetrators, never the victims whom the toll counts
_PERPETRATORS = _ATTACKER_NOUNS | {"kidnappers", "abductors", "hijackers", "captors", "robbers", "killers"}


def _people_noun(word: str) -> bool:
    """A plural noun for people as the group's head ('villagers', 'men'), or one person."""
    return word in _PLURALS or word in _ANYONE or len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def _counted_group(group: str) -> str | None:
    """The group as far as its head noun ('passengers remain' -> 'passengers', 'police officers'), or None
    when it has none ('unidentified', 'those rescued')."""
    words = group.split()
    if words[0] in _SPEAKERS_OWN:
        return None
    heads = [_people_noun(word) for word in words]
    if True not in heads:
        return None
    end = heads.index(True)
    while end + 1 < len(words) and heads[end + 1]:
        end += 1  # 'police officers': the last of the nouns is the head
    return " ".join(words[: end + 1])


def _person(name: str) -> bool:
    """A person's name ('Nur Adan', 'Dana bin Ras', 'Omar al-Ras'), not a group's, a force's or a place's."""
    words = [re.sub(r"^[a-z]{1,3}-", "", word) for word in name.split() if not re.fullmatch(r"[a-z]{1,3}", word)]
    return _looks_like_person(" ".join(words))


def counted_victims(text: str, sentences: list[Sentence], figures: list[Figure], who: list[Actor]) -> list[Actor]:
    """When no victim or target is named otherwise, the people the figures count are the victims
    ('people', 'passengers', 'coal miners'): the group of the killed, injured or missing
    figures, as written, a group with a head noun more specific than 'people' first ('seven
    people, among them five students': the students), then the most counted. Every figure read
    counts, before repeated figures are merged: 'killing 16 workers' names the victims even when
    the toll keeps a later '16 bodies' for the same figure."""
    if any(
        actor.role in ("victim", "target")
        and actor.name.split()[-1] not in _VEHICLES
        and not _person(actor.name)
        and not country_of_demonym(actor.name)  # 'Varnians': a people, not who the toll counts
        for actor in who
    ):
        # the toll counts those already named as victims or targets (not the vehicle they rode,
        # nor one person among the many it counts)
        return []
    attackers = name_keys(actor for actor in who if actor.role == "attacker")
    counted: Counter = Counter()
    killed: set[str] = set()
    for f in figures:
        if f.category in ("killed", "injured", "missing") and f.group and _GENERIC_VICTIM.match(f.group):
            group = _counted_group(f.group)
            if (
                group
                and not _NOBODY.match(group)
                and _key(group) not in attackers  # attackers killed
                and group.split()[-1] not in _PERPETRATORS
                and group.split()[-1] not in _ONE_ANYONE
            ):
                counted[group] += 1
                if f.category == "killed":
                    killed.add(group)
    if not counted:
        return []
    order = list(counted)
    # the dead before the hurt, a specific noun before 'people', the most counted, the first
    name = max(counted, key=lambda g: (g in killed, g.split()[-1] not in _ANYONE, counted[g], -order.index(g)))
    same = [actor for actor in who if _key(name) in name_keys([actor])]
    if same:  # listed once: 'soldiers' read as the state's side whom the toll counts are victims;
        if same[0].role == "authority":
            same[0].role = "victim"
        return []
    spans = occurrences(text, [name], sentences)
    return [Actor(name=name, role="victim", mentions=spans)] if spans else []
