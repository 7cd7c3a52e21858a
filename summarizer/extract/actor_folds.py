"""One actor per side: the phrases that name a group's men ('X militants', 'the gunmen')
folded into the group they name."""

from __future__ import annotations

import re

from .actor_names import _PROPER_NAME
from .actors import _ARMED
from .entities import _key
from .names import gazetteer_kind


def fold_named_attackers(who: list) -> list:
    """The armed side found as a generic phrase ('gunmen', 'X militants') is the named group
    when one of its phrases names it ('al-Shabab militants' and the attacker 'al-Shabab'):
    one actor, under the group's name, with the phrases as aliases."""
    attackers = [a for a in who if a.role == "attacker"]
    # a state is no group of armed men ('a Varnia drone strike killed militants')
    # ('Gunmen' capitalised at a sentence's start names no group)
    named = [
        a
        for a in attackers
        if _PROPER_NAME.fullmatch(a.name) and gazetteer_kind(a.name) != "country" and not _unnamed_armed(a.name)
    ]
    out = list(who)
    for generic in [a for a in attackers if a not in named]:
        phrases = [generic.name, *generic.aliases]
        group = next((n for n in named if any(_names_in(n.name, p) for p in phrases)), None)
        if group is None and len(named) == 1 and _unnamed_armed(generic.name):
            group = named[0]  # 'militants' where one named group is the attacker: its fighters
        if group is None:
            continue
        aliases = sorted({*group.aliases, *(p for p in phrases if p != group.name)})
        mentions = sorted({*map(tuple, group.mentions), *map(tuple, generic.mentions)})
        out[out.index(group)] = group.model_copy(update={"aliases": aliases, "mentions": mentions})
        out.remove(generic)
    return out


def fold_named_groups_members(who: list) -> list:
    """'X militants', 'X fighters' listed beside the group X, whatever X's role (the parse
    may show the group struck: 'jets hit X compounds and cars carrying X militants'): one
    actor, under the group's name and role, with the phrase as an alias."""
    out = list(who)
    for generic in [a for a in who if _unnamed_armed(a.name.split()[-1]) and " " in a.name]:
        group = next(
            (g for g in out if g is not generic and g.role != "attacker" and _names_in(g.name, generic.name)), None
        )
        if group is None or generic not in out:
            continue
        aliases = sorted({*group.aliases, generic.name, *generic.aliases} - {group.name})
        mentions = sorted({*map(tuple, group.mentions), *map(tuple, generic.mentions)})
        out[out.index(group)] = group.model_copy(update={"aliases": aliases, "mentions": mentions})
        out.remove(generic)
    return out


def _unnamed_armed(phrase: str) -> bool:
    """'militants', 'the gunmen': armed men whom the phrase does not name ('Hamas militants' does)."""
    words = phrase.split()
    return words[-1].lower() in _ARMED and (len(words) == 1 or phrase.islower())


def _names_in(name: str, phrase: str) -> bool:
    """Whether `phrase` writes `name`, as normalised ('Shabab militants' names 'al-Shabab')."""
    key = _key(name)
    return phrase != name and bool(key) and re.search(rf"(?<!\S){re.escape(key)}(?!\S)", _key(phrase)) is not None
