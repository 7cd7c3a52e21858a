"""Who fought whom, read off a brief: ACLED's event type and sub-event type, and UCDP's
`type_of_violence`, for the kinds whose row depends on the sides.

Each actor of the brief (its name and aliases) and each killed or injured figure's group is
classed by the words that name it:
- `state`: a government's forces or bodies ("army", "soldiers", "police", "security forces",
  "government"), or a country named as an actor;
- `armed`: an organised non-state armed actor ("militants", "rebels", "gunmen", "militia", "an
  armed group", "Liberation Front"); a force word qualified as rebel or opposition is this;
- `civilian`: people who were not fighting ("civilians", "villagers", "worshippers", "people").
A name with none of these words is not classed (a group known only by its name, "Hamas"): the
cell that would need it stays empty rather than guessed.

The attacking side is the actors with role `attacker`; the side acted on is the actors with
role `target` or `victim` and the groups of killed and injured figures (a group of the
attacking side's own class is its own dead, unless an actor acted on shares that class).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_NON_STATE = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|insurgency|gunm[ae]n|fighters?|militias?|militiam[ae]n|"
    r"jihadists?|extremists?|separatists?|guerrillas?|bandits?|assailants?|attackers?|bombers?|"
    r"terrorists?|kidnappers?|raiders?|pirates?|gangs?|gangsters?|cartels?|armed\s+(?:group|men)s?|"
    r"insurgent|rebel|opposition|liberation|resistance|revolutionary|separatist|jihadist)\b",
    re.IGNORECASE,
)
_STATE = re.compile(
    r"\b(?:army|armies|armed\s+forces|military|militaries|troops?|soldiers?|servicem[ae]n|police|"
    r"policem[ae]n|policewom[ae]n|officers?|gendarmes?|gendarmerie|security\s+forces|forces|navy|"
    r"air\s+force|marines?|paratroopers?|coast\s+guard|border\s+guards?|national\s+guard|"
    r"government|ministry|regime|authorities|peacekeepers?|constabulary|paramilitar(?:y|ies))\b",
    re.IGNORECASE,
)
_CIVILIAN = re.compile(
    r"\b(?:civilians?|people|persons?|villagers?|residents?|inhabitants?|locals?|citizens?|"
    r"worshippers?|pilgrims?|passengers?|commuters?|shoppers?|traders?|vendors?|farmers?|herders?|"
    r"fishermen|workers?|miners?|students?|pupils?|children|child|boys?|girls?|women|woman|men|man|"
    r"famil(?:y|ies)|teachers?|doctors?|nurses?|patients?|journalists?|reporters?|tourists?|"
    r"protesters?|demonstrators?|mourners?|guests?|spectators?|fans|refugees?|migrants?|"
    r"bystanders?|interpreters?|others)\b",
    re.IGNORECASE,
)
_RIOTERS = re.compile(r"\b(?:rioters?|mobs?|protesters?|demonstrators?|crowds?)\b", re.IGNORECASE)


def side_class(names: Iterable[str]) -> str | None:
    """`armed`, `state`, `civilian` or None for an actor known by `names` (module docstring)."""
    names = [name for name in names if name]
    for pattern, kind in ((_NON_STATE, "armed"), (_STATE, "state"), (_CIVILIAN, "civilian")):
        if any(pattern.search(name) for name in names):
            return kind
    from .extract.names import gazetteer_kind

    if any(gazetteer_kind(name) == "country" for name in names):
        return "state"
    return None


def _kind(brief: Mapping) -> str | None:
    return (brief.get("event_type") or {}).get("type")


def _actors(brief: Mapping, roles: tuple[str, ...]) -> list[Mapping]:
    return [actor for actor in brief.get("who") or [] if actor.get("role") in roles]


def sides(brief: Mapping) -> tuple[set[str], set[str]]:
    """The classes of the attacking side and of the side acted on."""
    attacking = {side_class([a["name"], *(a.get("aliases") or [])]) for a in _actors(brief, ("attacker",))}
    acted_on = {side_class([a["name"], *(a.get("aliases") or [])]) for a in _actors(brief, ("target", "victim"))}
    hurt = set()
    for figure in brief.get("toll") or []:
        if figure.get("category") in ("killed", "injured") and figure.get("group"):
            hurt.add(side_class([figure["group"]]))
    # dead of the attacking side's own class ('three of the gunmen were killed') are the
    # attackers', unless an actor acted on is of that class too
    attacking.discard(None)
    acted_on |= hurt - (attacking - acted_on)
    return attacking, acted_on - {None}


def _hurt(brief: Mapping) -> bool:
    return any(f.get("category") in ("killed", "injured") for f in brief.get("toll") or [])


def _protest_type(brief: Mapping, attacking: set[str]) -> tuple[str | None, str | None]:
    """A protest met with deadly or injuring force by the state; a riot (rioters or a mob
    attacking); a protest broken up (arrests, or a state actor and no harm); or peaceful (no
    harm, no arrests, no force named)."""
    rioting = any(_RIOTERS.search(a["name"]) for a in _actors(brief, ("attacker",)))
    if "state" in attacking and _hurt(brief):
        return "Protests", "Excessive force against protesters"
    if rioting:
        return "Riots", "Violent demonstration"
    arrests = any(f.get("category") == "arrested" for f in brief.get("toll") or [])
    if arrests or "state" in attacking:
        return "Protests", "Protest with intervention"
    if not _hurt(brief):
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
    states = [a for a in _actors(brief, ("attacker",)) if side_class([a["name"], *(a.get("aliases") or [])]) == "state"]
    if "state" in fighting and ("armed" in fighting or len(states) > 1):
        return 1
    if fighting == {"armed"}:
        return 2
    return None
