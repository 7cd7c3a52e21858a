"""Who fought whom, read off a brief: ACLED's event type and sub-event type, and UCDP's
`type_of_violence`, for the kinds whose row depends on the sides.

Each actor of the brief (its name and aliases) and each killed or injured figure's group is
classed by the head noun of its name (the last word), with a few modifiers:
- `state`: a government's forces or bodies ("army", "soldiers", "police", "security forces",
  "security men", "government"), or a country named as an actor;
- `armed`: an organised non-state armed actor ("militants", "rebels", "gunmen", "militia", "an
  armed group", "armed men"); a force qualified as rebel or opposition ("rebel forces");
- `civilian`: people who were not fighting ("civilians", "villagers", "worshippers", "people",
  "anti-government protesters").
A name with none of these heads is not classed (a group known only by its name, "Hamas";
"fighter jets"), nor is a force whose modifier leaves it open ("People's Liberation Army",
"Democratic Forces"): the cell that would need it stays empty rather than guessed.

The attacking side is the actors with role `attacker`; the side acted on is the actors with
role `target` or `victim` and the groups of killed and injured figures (a group of an armed or
state attacking side's own class is its own dead, unless an actor acted on shares that class).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# Classes by the head noun (the last word) of an actor's name, so that a modifier does not
# decide ('fighter jets', 'anti-government protesters', 'security men' are not what their
# first word says).
_STATE_HEADS = frozenset(
    [
        "army",
        "armies",
        "military",
        "militaries",
        "troops",
        "troop",
        "soldiers",
        "soldier",
        "servicemen",
        "serviceman",
        "police",
        "policemen",
        "policeman",
        "policewomen",
        "gendarmes",
        "gendarme",
        "gendarmerie",
        "navy",
        "marines",
        "paratroopers",
        "government",
        "ministry",
        "regime",
        "authorities",
        "peacekeepers",
        "constabulary",
        "paramilitaries",
        "paramilitary",
        "forces",
        "force",
        "guards",
        "guard",
        "corps",
    ]
)
_ARMED_HEADS = frozenset(
    [
        "militants",
        "militant",
        "rebels",
        "rebel",
        "insurgents",
        "insurgent",
        "insurgency",
        "gunmen",
        "gunman",
        "fighters",
        "fighter",
        "militia",
        "militias",
        "militiamen",
        "jihadists",
        "jihadist",
        "extremists",
        "extremist",
        "separatists",
        "separatist",
        "guerrillas",
        "guerrilla",
        "bandits",
        "bandit",
        "assailants",
        "assailant",
        "attackers",
        "attacker",
        "bombers",
        "bomber",
        "terrorists",
        "terrorist",
        "kidnappers",
        "raiders",
        "pirates",
        "gang",
        "gangs",
        "gangsters",
        "cartel",
        "cartels",
    ]
)
_CIVILIAN_HEADS = frozenset(
    [
        "civilians",
        "civilian",
        "people",
        "persons",
        "person",
        "villagers",
        "villager",
        "residents",
        "resident",
        "inhabitants",
        "locals",
        "citizens",
        "worshippers",
        "pilgrims",
        "passengers",
        "commuters",
        "shoppers",
        "traders",
        "vendors",
        "farmers",
        "herders",
        "fishermen",
        "workers",
        "miners",
        "students",
        "pupils",
        "children",
        "child",
        "boys",
        "girls",
        "women",
        "woman",
        "men",
        "man",
        "family",
        "families",
        "teachers",
        "doctors",
        "nurses",
        "patients",
        "journalists",
        "reporters",
        "tourists",
        "protesters",
        "demonstrators",
        "marchers",
        "mourners",
        "guests",
        "spectators",
        "fans",
        "refugees",
        "migrants",
        "bystanders",
        "interpreters",
        "supporters",
        "others",
    ]
)
# modifiers that make a force or a group of men an armed group ('rebel forces', 'armed men'),
# a state's ('security men'), or leave it unknown ('People's Liberation Army' is a state's
# army, the 'Kosovo Liberation Army' was not)
_ARMED_MODIFIERS = frozenset(
    ["rebel", "rebels", "opposition", "insurgent", "militia", "separatist", "jihadist", "islamist", "militant"]
)
_GROUP_MODIFIERS = _ARMED_MODIFIERS | {"armed", "terrorist", "extremist", "criminal", "masked"}
_STATE_MODIFIERS = frozenset(["security", "government", "state", "army", "police", "military"])
_UNKNOWN_MODIFIERS = frozenset(
    ["liberation", "revolutionary", "resistance", "democratic", "popular", "people's", "free"]
)
_RIOTERS = re.compile(r"\b(?:rioters?|mobs?|protesters?|demonstrators?|crowds?)\b", re.IGNORECASE)
_PROTESTERS = re.compile(r"\b(?:protesters?|demonstrators?|marchers?|rall(?:y|ies)|protests?)\b", re.IGNORECASE)


def _name_class(name: str) -> str | None:
    words = re.findall(r"[a-z][a-z'’-]*", name.lower().replace("’", "'"))
    if not words:
        return None
    head, modifiers = words[-1], set(words[:-1])
    if head in ("group", "groups", "men", "man", "units", "unit"):
        if modifiers & _GROUP_MODIFIERS:
            return "armed"
        if modifiers & _STATE_MODIFIERS:
            return "state"
    if head in _STATE_HEADS:
        if modifiers & _ARMED_MODIFIERS:
            return "armed"
        return None if modifiers & _UNKNOWN_MODIFIERS else "state"
    if head in _ARMED_HEADS:
        return "armed"
    if head in _CIVILIAN_HEADS:
        return "civilian"
    return None


def side_class(names: Iterable[str]) -> str | None:
    """`armed`, `state`, `civilian` or None for an actor known by `names` (module docstring):
    the first class in that order that one of its names has."""
    classes = {_name_class(name) for name in names if name}
    for kind in ("armed", "state", "civilian"):
        if kind in classes:
            return kind
    # imported here: the gazetteer loads only when a name is left unclassed by its words
    from .extract.gazetteer import gazetteer_kind

    if any(name and gazetteer_kind(name) == "country" for name in names):
        return "state"
    return None


def _actor_class(actor: Mapping) -> str | None:
    return side_class([actor["name"], *(actor.get("aliases") or [])])


def _kind(brief: Mapping) -> str | None:
    return (brief.get("event_type") or {}).get("type")


def _actors(brief: Mapping, roles: tuple[str, ...]) -> list[Mapping]:
    return [actor for actor in brief.get("who") or [] if actor.get("role") in roles]


def sides(brief: Mapping) -> tuple[set[str], set[str]]:
    """The classes of the attacking side and of the side acted on."""
    attacking = {_actor_class(a) for a in _actors(brief, ("attacker",))}
    acted_on = {_actor_class(a) for a in _actors(brief, ("target", "victim"))}
    hurt = set()
    for figure in brief.get("toll") or []:
        if figure.get("category") in ("killed", "injured") and figure.get("group"):
            hurt.add(side_class([figure["group"]]))
    # dead of an armed or state attacking side's own class ('three of the gunmen were killed')
    # are the attackers', unless an actor acted on is of that class too
    attacking.discard(None)
    acted_on |= hurt - ((attacking & {"armed", "state"}) - acted_on)
    return attacking, acted_on - {None}


def _hurt(brief: Mapping) -> bool:
    return any(f.get("category") in ("killed", "injured") for f in brief.get("toll") or [])


def _protest_type(brief: Mapping, attacking: set[str]) -> tuple[str | None, str | None]:
    """A protest met with deadly or injuring force by the state; a riot (rioters or a mob
    attacking); a protest broken up (arrests, or a state actor and no harm); or peaceful (the
    brief names protesters, and no harm, arrests, force or rioting); else unknown."""
    rioting = any(_RIOTERS.search(a["name"]) for a in _actors(brief, ("attacker",)))
    if "state" in attacking and _hurt(brief):
        return "Protests", "Excessive force against protesters"
    if rioting:
        return "Riots", "Violent demonstration"
    arrests = any(f.get("category") == "arrested" for f in brief.get("toll") or [])
    if arrests or "state" in attacking:
        return "Protests", "Protest with intervention"
    protesters = any(_PROTESTERS.search(a["name"]) for a in brief.get("who") or [])
    if protesters and not _hurt(brief):
        return "Protests", "Peaceful protest"
    return None, None


def acled_sided_type(brief: Mapping, kind: str | None) -> tuple[str | None, str | None]:
    """ACLED's (event_type, sub_event_type) of an armed attack or a protest, from its sides:
    an attack on armed forces or an armed group is a battle; one whose side acted on is only
    civilians is violence against civilians; (None, None) when the sides do not settle it."""
    attacking, acted_on = sides(brief)
    if kind == "armed_attack":
        if acted_on & {"state", "armed"}:
            return "Battles", "Armed clash"
        if acted_on == {"civilian"}:
            return "Violence against civilians", "Attack"
    if kind == "protest_or_riot":
        return _protest_type(brief, attacking)
    return None, None


# ACLED's event type and sub-event type of this tool's kinds, where the kind alone fixes them.
# An armed attack is ACLED's "Attack" on civilians or a "Battle" with armed forces, and a
# protest or riot is peaceful, met with force, or violent: `acled_sided_type` reads which from
# who fought whom. Disasters, accidents and outbreaks, which ACLED does not record, stay
# empty.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "air_or_drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "clashes": ("Battles", "Armed clash"),
    "crackdown": ("Protests", "Excessive force against protesters"),
    "arrests": ("Strategic developments", "Arrests"),
}


def acled_type(brief: Mapping) -> tuple[str | None, str | None]:
    """ACLED's (event_type, sub_event_type) of the brief's kind; a bombing whose evidence says
    suicide is a "Suicide bomb"; an armed attack or a protest is typed by its sides
    (`acled_sided_type`); (None, None) where neither settles them."""
    kind = _kind(brief)
    if kind not in ACLED_TYPES:
        return acled_sided_type(brief, kind)
    event_type, sub_event_type = ACLED_TYPES[kind]
    if kind == "bombing" and "suicide" in (brief["event_type"].get("evidence") or "").lower():
        sub_event_type = "Suicide bomb"
    return event_type, sub_event_type


# kinds that are organised violence in UCDP's sense (a disaster or an accident is none)
_ORGANISED = frozenset({"armed_attack", "bombing", "air_or_drone_strike", "shelling", "clashes", "crackdown"})


def type_of_violence(brief: Mapping) -> int | None:
    """UCDP's type_of_violence: 1 state-based (a government's forces on one side, an organised
    armed actor on the other), 2 non-state (two organised armed actors, neither a government),
    3 one-sided (an organised actor against civilians only); None when the sides do not
    settle it or the kind is not organised violence."""
    kind = _kind(brief)
    if kind not in _ORGANISED:
        return None
    attacking, acted_on = sides(brief)
    if kind == "crackdown" and not attacking:
        attacking = {"state"}  # a crackdown is a government's by definition
    organised = {"state", "armed"}
    if kind == "clashes":  # both sides fight: civilians caught in them do not make it one-sided
        return _clash_violence(brief, attacking, acted_on)
    if attacking & organised and acted_on == {"civilian"}:
        return 3
    both = attacking | acted_on
    if "state" in both and ("armed" in both or "state" in attacking & acted_on):
        return 1
    if attacking == {"armed"} and acted_on & organised == {"armed"} and "state" not in both:
        return 2
    return None


def _clash_violence(brief: Mapping, attacking: set[str], acted_on: set[str]) -> int | None:
    """Clashes: state-based when a government's forces fight (an armed group, or a second
    state's forces named as a second attacker); non-state when every classed side is armed."""
    fighting = attacking | (acted_on - {"civilian"})
    states = [a for a in _actors(brief, ("attacker",)) if _actor_class(a) == "state"]
    # two states: two attackers whose names begin with different proper words ('Varnian
    # troops', 'Oskan army'); 'police' and 'soldiers' may be one government's
    nations = {m.group() for a in states if (m := re.match(r"(?:[Tt]he\s+)?[A-Z][\w'’-]*", a["name"]))}
    if "state" in fighting and ("armed" in fighting or len(nations) > 1):
        return 1
    if fighting == {"armed"}:
        return 2
    return None
