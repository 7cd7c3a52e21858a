"""The name inside a cited source's words: without a leading conjunction ('But
authorities'), the tail of a hyphenated modifier ('run X' of 'state-run X') or a title
before a person's name ('Interior minister Ana Ruiz'), and split where it joins two names."""

from __future__ import annotations

import re

# 'But authorities said', '... while other sources said'; the tail of 'state-run X' ('run X')
_LEADING_CONJUNCTION = re.compile(
    r"(?:(?i:but|and|yet|so|however|while|whereas|though|although|meanwhile)|based|run|led|backed|owned)\s+"
)
# 'the BBC and CNN reported': two one-word names joined by 'and' are two sources
_TWO_NAMES = re.compile(r"([A-Z][\w'’.&-]*)\s+and\s+([A-Z][\w'’.&-]*)")


# 'trader Musa Garba', 'Interior minister Ana Ruiz', 'Col. Jon Ekko': the person's name is
# the capitalised words after a lower-case description or an abbreviated title
_PERSON_AFTER_TITLE = re.compile(
    r"(?:.*\s)?(?:(?!(?:of|for|on|in|at|to|and|the|with|from|by|de|du|des)\s)[a-z][\w-]*"
    r"|(?:Gen|Col|Lt|Maj|Capt|Sgt|Brig|Cpl|Dr|Mr|Mrs|Ms|Prof|Rev|Sen|Gov|Rep)\.?)\s+"
    r"([A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|(?:al|el)-[\w'’-]+|bin|ibn|de|da|van|von)){1,3})"
)


def person_name_start(text: str, start: int, end: int) -> int:
    """Where the person's own name starts inside a source span (its start if none)."""
    from .names import ORG_WORD  # names.py reads this module's helpers

    person = _PERSON_AFTER_TITLE.fullmatch(text, start, end)
    if person and not ORG_WORD.search(person.group(1)):
        return person.start(1)
    return start


def parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A source span without a leading conjunction ('But authorities') or the tail of a
    hyphenated modifier ('run Anadolu Agency' of 'state-run'), split in two where it
    joins two one-word names ('BBC and CNN')."""
    lead = _LEADING_CONJUNCTION.match(text, start, end)
    if lead and lead.end() < end:
        start = lead.end()
    start = person_name_start(text, start, end)
    pair = _TWO_NAMES.fullmatch(text, start, end)
    if pair:
        return [pair.span(1), pair.span(2)]
    return [(start, end)]
