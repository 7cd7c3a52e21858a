"""Separate the story from page boilerplate without losing offsets.

Nothing is rewritten: the result is a list of `[start, end)` segments of the original
text that belong to the story, so every later span is an offset into the input as given.
The rules are about page furniture in general (related-headline blocks, photo credits,
bylines, promos), never about particular sites or articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that opens the trailing block of a page: everything after it is not the story.
_TRAILER = re.compile(
    r"^\s*(related( by category| articles| stories| news| content| posts)?|latest( news)?"
    r"|recommended( news| for you| stories)?|more (on|from|in) [\w ]{1,30}|read (more|next|also)"
    r"|also read|most (read|popular|viewed)|trending( now| news)?|you (may|might) also like"
    r"|breaking news|top stories|popular( now| posts)?|more stories|editor'?s picks"
    r"|comments?|leave a (comment|reply)|share this( article| story)?|tags?)\s*:?\s*$",
    re.IGNORECASE,
)

# Lines that are page furniture wherever they appear.
_FURNITURE = re.compile(
    r"(©|\bphoto( credit)?s?\s*:|\bimage( credit)?s?\s*:|\bcredit\s*:|^\s*text_fields"
    r"|^\s*(caption|picture|graphic|video|file photo)\s*:|^\s*(updated|published|last updated)\b"
    r"|^\s*(source|author|advertisement|sponsored|share|tweet|email|print)\s*$"
    r"|advertisement\s*-|spot_img|^\s*(watch|listen|video|gallery|read)\s*\|"
    r"|^\s*cover photo|^\s*by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}\s*$"
    r"|^\s*(www\.|https?://)\S+\s*$)",
    re.IGNORECASE,
)

# Sentences inside story lines that sell something rather than report anything.
PROMO = re.compile(
    r"\b(for free|free trial|subscribe|sign up|newsletter|click here|follow us"
    r"|download (our|the) app|unlimited access|money-saving|all rights reserved)\b",
    re.IGNORECASE,
)

_ENDS_LIKE_PROSE = re.compile(r"[.!?:;\"”’)\]…]\s*$")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[Line]:
    lines, offset = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            lines.append(Line(offset + lead, offset + lead + len(stripped), stripped))
        offset += len(raw)
    return lines


def _is_title(line: Line, index_among_kept: int) -> bool:
    # a section label in capitals ('MIDDLE EAST MONITOR') is not the headline
    return index_among_kept == 0 and len(line.text.split()) >= 3 and not line.text.isupper()


def story_segments(text: str) -> list[tuple[int, int]]:
    """The `[start, end)` line spans of `text` that are the story itself."""
    lines = _lines(text)
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if _TRAILER.match(line.text):
            break
        if _FURNITURE.search(line.text):
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        # A caption printed twice (once bare, once with its credit) is photo furniture.
        if following.startswith(line.text) and following != line.text:
            continue
        if any(line.text == earlier.text for earlier in kept):
            continue
        # Headlines of other stories and section titles have no closing punctuation;
        # the first substantial line is this story's own title and stays.
        if not _ENDS_LIKE_PROSE.search(line.text) and not _is_title(line, len(kept)):
            continue
        kept.append(line)
    return [(line.start, line.end) for line in kept]


def title_span(text: str) -> tuple[int, int] | None:
    """The span of the story's title line, when the first kept line has no full stop."""
    segments = story_segments(text)
    if not segments:
        return None
    start, end = segments[0]
    return None if _ENDS_LIKE_PROSE.search(text[start:end]) else (start, end)
