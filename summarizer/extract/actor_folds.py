"""One actor per side: the phrases that name a group's men ('X militants', 'the gunmen')
folded into the group they name."""

from __future__ import annotations

import re

from .actor_names import _PROPER_NAME, extends
from .actor_nations import country_of_demonym, state_key
from .actors import _ARMED
from .entities import _key
from .gazetteer import gazetteer_kind

# words a generic force's phrase may begin with, capitalised at a sentence's start
_COMMON = frozenset({"security", "government", "federal", "state", "riot", "the", "armed", "national"})

# the nouns for a state's armed forces, after the words that name the state ('U.S. forces')
_STATE_FORCE = re.compile(r"(.+?)\s+(?:armed\s+forces|forces|troops|soldiers|military|army|police|artillery)")


def _folded(into, other, **update):
    """`into` with `other`'s name, aliases and mentions made its own (one actor), and any
    other fields in `update`."""
    aliases = sorted({*into.aliases, other.name, *other.aliases} - {into.name})
    mentions = sorted({*map(tuple, into.mentions), *map(tuple, other.mentions)})
    return into.model_copy(update={"aliases": aliases, "mentions": mentions, **update})


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
        if group is None and len(named) == 1 and _unnamed_armed(generic.name) and not _bombers(generic.name):
            # 'militants' where one named group is the attacker: its fighters (not the bombers who
            # carried the bombs, an actor of their own beside the group that sent or is blamed for them)
            group = named[0]
        if group is None:
            continue
        out[out.index(group)] = _folded(group, generic)
        out.remove(generic)
    return out


def _bombers(name: str) -> bool:
    """'a suicide bomber', 'the bombers': the ones who carried the bombs."""
    return name.split()[-1].lower() in ("bomber", "bombers")


def fold_shortened_names(who: list) -> list:
    """'Harak Front' and 'Harak Front Northern Command', both attackers: one group, under the
    full name (the short one is how a headline or a second mention writes it)."""
    out = list(who)
    for short in [a for a in who if a.role == "attacker"]:
        full = next((a for a in out if a.role == "attacker" and extends(a.name, short.name)), None)
        if full is not None and short in out:
            out[out.index(full)] = _folded(full, short)
            out.remove(short)
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
        out[out.index(group)] = _folded(group, generic)
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


def _states_forces(actor) -> set[str]:
    """The states whose forces an actor's names are ('U.S. forces', 'American troops': the US)."""
    keys = set()
    for name in (actor.name, *actor.aliases):
        found = _STATE_FORCE.fullmatch(name)
        if found and found.group(1)[:1].isupper():
            key = state_key(found.group(1))
            if key != found.group(1):  # a country or its people, not 'Kessa police' nor 'Security forces'
                keys.add(key)
    return keys


def fold_same_states_forces(who: list) -> list:
    """One state's forces written two ways ('U.S. forces' raided, 'American troops' withdrew),
    listed as two actors of the same side: one actor, under the first name, the other as an
    alias (the attacker's role where one of them struck)."""
    out = _generic_into_national(list(who))
    for later in list(out):
        keys = _states_forces(later)
        first = next((a for a in out if a is not later and keys & _states_forces(a)), None)
        if first is None or later not in out or out.index(first) > out.index(later):
            continue
        roles = {first.role, later.role}
        if not roles <= {"attacker", "authority"}:
            continue  # a state's men struck and the same state's men hurt are two sides of the story
        role = "attacker" if "attacker" in roles else first.role
        out[out.index(first)] = _folded(first, later, role=role)
        out.remove(later)
    return out


_MILITARY = frozenset({"forces", "troops", "soldiers", "military", "army"})
_POLICE = frozenset({"police", "policemen"})


def _force_class(name: str) -> frozenset | None:
    last = name.split()[-1].lower()
    return next((kind for kind in (_MILITARY, _POLICE) if last in kind), None)


def _generic_into_national(who: list) -> list:
    """'security forces' (a headline's words) and 'Varnian forces', both the state's side:
    where one country's forces of the same kind (army or police) are the only ones named, the
    generic phrase is theirs."""
    national = [a for a in who if _states_forces(a) and a.role in ("attacker", "authority")]
    if len({key for a in national for key in _states_forces(a)}) != 1:
        return who
    out = list(who)
    for generic in [a for a in who if a.role in ("attacker", "authority") and not _states_forces(a)]:
        kind = _force_class(generic.name)
        words = generic.name.split()[:-1]
        if kind is None or any(w[:1].isupper() and w.lower() not in _COMMON for w in words):
            continue  # a named or placed force ('Kessa police'), not the state's generic one
        same = next((a for a in national if a in out and _force_class(a.name) is kind), None)
        if same is None:
            continue
        role = "attacker" if "attacker" in (same.role, generic.role) else same.role
        out[out.index(same)] = _folded(same, generic, role=role)
        out.remove(generic)
    return out


def _initials(name: str) -> str:
    """'Harak Liberation Army' -> 'HLA' (the capitalised words' first letters)."""
    return "".join(word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper())


def fold_acronyms(who: list) -> list:
    """'the Harak Liberation Army, or HLA,' listed twice: the acronym is an alias of the name
    whose capitalised words it spells."""
    out = list(who)
    for short in [a for a in who if a.name.isupper() and 2 <= len(a.name) <= 6 and a.name.isalpha()]:
        full = next(
            (a for a in out if a is not short and len(a.name.split()) > 1 and _initials(a.name) == short.name), None
        )
        if full is None:
            continue
        out[out.index(full)] = _folded(full, short)
        out.remove(short)
    return out


# nouns for a force's men after its name ('X troops', 'X personnel')
_MEN = frozenset({"troops", "forces", "soldiers", "personnel", "officers", "members", "units", "fighters", "militants"})
_SIDE_ROLES = frozenset({"attacker", "authority", "other"})


def _same_force(full: str, short: str) -> bool:
    """'Varnian Air Force' and 'Air Force', 'Varnian police' and 'police' (the nationality
    dropped), 'Harak Corps troops' and 'Harak Corps' (the force's men): one force."""
    words = full.split()
    if words[1:] and " ".join(words[1:]) == short and country_of_demonym(words[0]):
        return True
    return (
        short[:1].isupper()
        and full.startswith(short + " ")
        and len(words) == len(short.split()) + 1
        and (words[-1].lower() in _MEN)
    )


def fold_force_phrases(who: list) -> list:
    """A force listed twice, once under its full name and once shortened (the nationality or
    the noun for its men dropped or added): one actor, under the name with the nationality
    ('Varnian Air Force') or the bare proper name ('Harak Corps'); the attacker's role where
    one of them struck. A force's men struck and the force acting stay two sides."""
    out = list(who)
    for a in list(out):
        b = next((b for b in out if b is not a and a in out and _same_force(a.name, b.name)), None)
        if b is None or not {a.role, b.role} <= _SIDE_ROLES:
            continue
        keep, drop = (a, b) if country_of_demonym(a.name.split()[0]) else (b, a)
        roles = {a.role, b.role}
        role = "attacker" if "attacker" in roles else "authority" if "authority" in roles else keep.role
        out[out.index(keep)] = _folded(keep, drop, role=role)
        out.remove(drop)
    return out
