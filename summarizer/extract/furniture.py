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
    r"|^\s*(www\.|https?://)\S+\s*$"
    r"|[,(]\s*(file|archive)\s+(photo|picture|image)\)?\.?\s*$"  # a caption: 'Troops near Osk, file photo.'
    r"|^\s*(?-i:FILE)\s*[-–—:]\s"  # an archive photo's caption: 'FILE - Troops patrol near Osk, May 2.'
    # a label and a list of headlines: 'MOST READ: Budget passed | Two hurt in crash | ...'
    r"|^\s*(most\s+(read|popular|viewed|shared)|trending(\s+now)?|related(\s+\w+)?|latest(\s+news)?"
    r"|read\s+(more|next|also)|top\s+stories|more\s+stories|popular(\s+now)?|editor'?s\s+picks)\s*:"
    r"\s*[^|\n]+(\|[^|\n]+)+$)",
    re.IGNORECASE,
)

_CREDIT_LINE = re.compile(r"(?:image|photo|picture)(?:\s+credit)?s?\s*:", re.IGNORECASE)

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


_MIN_PROSE_WORDS = 8
# A line cut off mid-sentence (a page captured up to a length) is still prose when it is long
# and reads like running text: mostly lower-case words.
_MIN_UNENDED_PROSE_WORDS = 14


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’-]*", text)


def _is_running_text(text: str) -> bool:
    words = _words(text)
    return bool(words) and sum(w[0].islower() for w in words) / len(words) >= 0.5


def _is_prose(line: Line, last: bool) -> bool:
    """A line of the story's running text: a sentence shape, not a label, link or headline.
    Only the page's last line may lack its full stop (the capture stopped mid-sentence)."""
    words = _words(line.text)
    if _ENDS_LIKE_PROSE.search(line.text):
        return len(words) >= 3
    return last and len(words) >= _MIN_UNENDED_PROSE_WORDS and _is_running_text(line.text)


def _is_title_shaped(line: Line) -> bool:
    # a section label in capitals ('MIDDLE EAST MONITOR') is not a headline; nor is a date line,
    # nor an item of a list of links ('- 3 May: Floods kill 9'): a headline wears no bullet
    words = _words(line.text)
    return (
        3 <= len(words) <= 25
        and not line.text.isupper()
        and not _ENDS_LIKE_PROSE.search(line.text)
        and not _BULLET.match(line.text)
    )


_BULLET = re.compile(r"[-–—•*·]\s")


def _joined(text: str, lines: list[Line]) -> list[Line]:
    """A sentence broken over a line break ('... killed\nat least five ...') is one line."""
    out: list[Line] = []
    for line in lines:
        if (
            out
            and not _ENDS_LIKE_PROSE.search(out[-1].text)
            and len(_words(out[-1].text)) >= 4
            and re.match(r"[a-z0-9]", line.text)
            and "\n\n" not in text[out[-1].end : line.start].replace("\r", "")
        ):
            merged = Line(out[-1].start, line.end, text[out[-1].start : line.end])
            out[-1] = merged
            continue
        out.append(line)
    return out


def _repeated(lines: list[Line]) -> set[str]:
    """Lines printed more than once on the page (captions, archive notices): furniture."""
    seen: dict[str, int] = {}
    for line in lines:
        seen[line.text] = seen.get(line.text, 0) + 1
    repeated = {text for text, count in seen.items() if count > 1}
    # A copy cut short by the page capture repeats the start of a longer line, and a copy
    # with a word or credit added repeats its end. Sorted neighbours, forwards and
    # backwards: n log n however many lines a page has.
    texts = [text for text in seen if len(text) >= 30]
    for key in (lambda t: t, lambda t: t[::-1]):
        ordered = sorted(texts, key=key)
        for shorter, longer in zip(ordered, ordered[1:], strict=False):
            if key(longer).startswith(key(shorter)):
                repeated |= {shorter, longer}
    return repeated


def story_segments(text: str) -> list[tuple[int, int]]:
    """The `[start, end)` line spans of `text` that are the story itself.

    Evidence that generalises across outlets: a trailer heading ('Related news') ends the
    story only once the story's prose has begun (navigation at the top of a page carries
    the same words); lines printed twice are captions or notices; lines that are not
    sentences (labels, menus, other stories' headlines) are dropped, except the headline
    right before the first prose line; a long unpunctuated line of running text is prose
    cut off by the page capture."""
    lines = _joined(text, _lines(text))
    repeated = _repeated(lines)
    kept: list[Line] = []
    prose_started = False
    headline: Line | None = None
    listing = False  # inside a 'Related news' list above the story: its lines are other stories
    for index, line in enumerate(lines):
        if _TRAILER.match(line.text):
            if prose_started:
                break
            listing = True
            continue
        if listing and index and "\n\n" in text[lines[index - 1].end : line.start].replace("\r", ""):
            listing = False  # a blank line closes the list
        if _FURNITURE.search(line.text) or line.text in repeated:
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        # A caption printed twice (once bare, once with its credit) is photo furniture, and
        # so is a line right above a credit line ('Image: Ana Ruiz.').
        above_credit = _CREDIT_LINE.match(following) and _ENDS_LIKE_PROSE.search(line.text)  # not a headline
        if (following.startswith(line.text) and following != line.text) or above_credit:
            continue
        if _is_prose(line, last=index == len(lines) - 1):
            if not prose_started and headline is not None:
                kept.append(headline)
            prose_started = True
            kept.append(line)
        elif not prose_started and not listing and _is_title_shaped(line):
            headline = line  # the last headline-shaped line before the story begins
    return [(line.start, line.end) for line in kept]


def whole_page(text: str) -> list[tuple[int, int]]:
    """Every non-blank line: the reading used when cleaning leaves no story at all."""
    return [(line.start, line.end) for line in _lines(text)]
