"""Introduced bodies among the cited sources: an indefinite description of a body ('a
lawyers' group said') whose name the article gives at once ('The Union of X Lawyers said',
'The coalition, Y, said') is that named body, one source, of the description's kind."""

from __future__ import annotations

import re
from itertools import pairwise

from .entities import Entity, fold_entities
from .source_words import DESCRIPTION_HEADS
from .sources import SourceMention

# kinds of source an unnamed body ('a doctors' group') is never a name of
_STATE_KINDS = frozenset({"government", "official", "military", "un", "state_media"})


def fold_introduced_bodies(
    text: str, mentions: list[SourceMention], entities: list[Entity], resolved: dict[int, int]
) -> None:
    """'..., a lawyers' group said. The Union of X Lawyers, which ..., said': the body named
    by the next citation is the one just introduced when it repeats a word of the description
    ('lawyers') in the same or the next sentence, or, a few sentences on, when it is set
    beside the description's noun ('The coalition, Y, said'). The description becomes one of
    the body's names."""
    order = sorted((i for i in resolved if not mentions[i].pronoun), key=lambda i: mentions[i].start)
    folded: dict[int, int] = {}
    for here, following in pairwise(order):
        mention, named = mentions[here], mentions[following]
        number, target = resolved[here], resolved[following]
        if number == target or number in folded or target in folded:
            continue
        description, body = entities[number], entities[target]
        if not _introduced(text, mention) or any(re.search(r"[A-Z]", n) for n in description.names):
            continue
        if body.kind in _STATE_KINDS or not re.search(r"[A-Z]", named.name):
            continue
        ends = len(re.findall(r"[.!?][\"”’]?\s", text[mention.end : named.start]))
        head = mention.name.lower().split(" of ")[0].split()[-1]  # "coalition of ... groups"
        beside = re.search(r"\b(?:the|its)\s+(\w+),\s*$", text[named.sentence_start : named.start], re.IGNORECASE)
        if beside and beside.group(1).lower() == head and ends <= 3:
            folded[number] = target  # 'The coalition, Y, said': a few sentences on
        elif _stems(mention.name) & _stems(named.name) and ends <= 1:
            folded[number] = target  # the same or the next sentence
    for number, target in folded.items():
        body = entities[target]
        if body.kind in ("other", "group") and entities[number].kind != "other":
            body.kind = entities[number].kind
    fold_entities(entities, resolved, folded)


def _introduced(text: str, mention: SourceMention) -> bool:
    """A body brought in with 'a'/'an' and named by its kind ('a doctors' group', 'a
    coalition of civil society groups')."""
    if not re.search(r"\b(?:a|an)\s+$", text[max(0, mention.start - 4) : mention.start], re.IGNORECASE):
        return False
    words = mention.name.lower().split()
    return any(w in DESCRIPTION_HEADS or w in ("union", "association", "network", "alliance") for w in words)


def _stems(name: str) -> set[str]:
    """The content words of a name, lower-cased, without a plural or possessive ending."""
    words = re.findall(r"[A-Za-z]{4,}", name)
    skip = DESCRIPTION_HEADS | {"union", "association", "network", "alliance", "groups", "national"}
    return {re.sub(r"(?:es|s)$", "", w.lower()) for w in words if w.lower() not in skip}


# 'X, the army's media wing', 'X, the press office of the interior ministry'
_WING = r"(?:media|press|public\s+relations|information)\s+(?:wing|arm|office|service|cell|department|directorate)"
_OWNER = r"[\w'’ -]{2,40}?"
_WING_OF = re.compile(
    rf"\)?\s*(?:\([^)]{{1,12}}\))?\s*,\s*(?:the|its)\s+(?:(?P<owner>{_OWNER})(?:'s|’s)\s+{_WING}|{_WING}\s+of\s+(?:the\s+)?(?P<of>{_OWNER}))\b[,.;]"
)


def fold_media_wings(
    text: str, mentions: list[SourceMention], entities: list[Entity], resolved: dict[int, int]
) -> None:
    """'the Directorate of X (DX), the Pakistani military's media wing, said ...' and
    'Pakistan's military said ...': a body's media wing speaks for it, so the body cited
    without its wing ('the military', 'Pakistan's military') is the wing's source."""
    folded: dict[int, int] = {}
    for i, mention in enumerate(mentions):
        wing = _WING_OF.match(text, mention.end)
        if i not in resolved or not wing:
            continue
        owner = (wing.group("owner") or wing.group("of")).split()
        for number, parent in enumerate(entities):
            if number == resolved[i] or number in folded or resolved[i] in folded:
                continue
            if any(_owned_by(name, owner) for name in parent.names):
                folded[number] = resolved[i]
    for target in folded.values():
        entities[target].pinned = True  # the wing's own name, not its owner's
    fold_entities(entities, resolved, folded)


def _owned_by(name: str, owner: list[str]) -> bool:
    """Does a cited name ('Pakistan's military', 'the army') name the owner of a wing ('the
    Pakistani military')? The same head noun, and any proper word the start of one of the
    owner's ('Pakistan' of 'Pakistani')."""
    words = re.sub(r"(?:'s|’s)\b", "", name).split()
    if not words or words[-1].lower() != owner[-1].lower():
        return False
    proper = [w for w in words[:-1] if w[:1].isupper() and w.lower() != "the"]
    return all(any(o.lower().startswith(p.lower()) or p.lower().startswith(o.lower()) for o in owner) for p in proper)
