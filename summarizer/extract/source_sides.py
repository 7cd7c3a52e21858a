"""Sources that are a side in the attack: a named armed group the story shows attacking
(it claims or denies), or someone who speaks for one, is cited as a `group`."""

from __future__ import annotations

from ..brief import Actor, Source
from .entities import _key, name_keys
from .source_types import source_type


def armed_sides_as_groups(attribution: list[Source], who: list[Actor]) -> list[Source]:
    """A cited source that the story shows attacking is a `group`, whatever its name says;
    so is a spokesperson typed official whose body (an alias: 'a spokesman for the X') is
    such an attacker and is no authority by its own words ('the police' stays official)."""
    attackers = name_keys(a for a in who if a.role == "attacker" and not a.name.islower())

    def armed(source: Source) -> bool:
        if source.type in ("other", "media"):
            return bool(name_keys([source]) & attackers)
        return source.type == "official" and any(
            _key(alias) in attackers and source_type(alias) == "other" for alias in source.aliases
        )

    return [s.model_copy(update={"type": "group"}) if armed(s) else s for s in attribution]
