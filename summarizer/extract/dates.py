"""When: the event's date, from the text, resolved against the publication date.

Cheap first, the library last: one regular expression finds the candidate spans (explicit
dates, 'on Thursday', 'late Saturday', 'yesterday', 'last week', 'in May 2019'), the rules
choose the one nearest the toll, and only that span (and the publication date, when it is
read from the text) goes to `dateparser`, with the publication date as its base. A relative
expression without a known publication date gives a date of null: never today's date.

Where the publication date comes from, first found wins: the caller (an input column,
`summarise run --date-column`, or an HTML page's metadata), else a dateline: a line near the
top of the page that is a date and nothing else ('Tuesday, May 14, 2019', '12 March 2021'),
a date and a time of day ('14 May 2024, 09:12 GMT'), or a page's publication stamp
('Published 3 June 2022', 'Updated: March 9, 2023 at 10:40').
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .sentences import Sentence

_MONTH = (  # capitalised only: 'may' and 'march' are also verbs
    r"(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

# One pass over a sentence; each alternative is one kind of candidate (its group name).
_CANDIDATE = re.compile(
    rf"\b(?:"
    rf"(?P<iso>{_YEAR}-[01]\d-[0-3]\d)"
    rf"|(?P<mdy>{_MONTH}\s+{_DAY},?\s+{_YEAR})"
    rf"|(?P<dmy>{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})"
    rf"|(?P<md>{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})(?![\w,]*\s*{_YEAR})"
    rf"|(?P<my>(?:early\s+|late\s+|mid-?)?{_MONTH}\s+{_YEAR})"
    rf"|(?P<weekday>(?:(?:on|late|early|last|this|since)\s+)?{_WEEKDAY}{_PART}(?:\s+(?:morning|night))?)"
    rf"|(?P<dayword>(?:late\s+|early\s+)?(?:yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))"
    rf"{_PART})"
    rf"|(?P<week>(?:last|this|earlier\s+this)\s+week)"
    rf"|(?P<month>(?:last|this|earlier\s+this)\s+month)"
    rf"|(?P<year>in\s+{_YEAR})"
    rf")\b",
    re.IGNORECASE,
)
_PRECISION = {"iso": "day", "mdy": "day", "dmy": "day", "md": "day", "weekday": "day", "dayword": "day",
              "my": "month", "week": "week", "month": "month", "year": "year"}  # fmt: skip
_RELATIVE = frozenset({"md", "weekday", "dayword", "week", "month"})  # need the publication date
# how much a kind of candidate is trusted for the event's date (an explicit full date in the
# toll sentence beats a weekday; a bare year is the last resort)
_KIND_RANK = {"iso": 0, "mdy": 0, "dmy": 0, "md": 1, "weekday": 1, "dayword": 1, "week": 2, "my": 2,
              "month": 3, "year": 4}  # fmt: skip
# a dateline: a line near the top that is a date and nothing else, or that starts with a
# weekday and a date, where a caption or a file name ran on after it
_DATELINE = re.compile(
    rf"^[ \t]*(?P<label>(?:first\s+|last\s+)?(?:published|updated|posted)(?:\s+on)?:?\s+)?"
    rf"(?P<weekday>{_WEEKDAY},?\s+)?(?:(?P<mdy>{_MONTH}\s+{_DAY},?\s+{_YEAR})"
    rf"|(?P<dmy>{_DAY}\s+{_MONTH},?\s+{_YEAR})|(?P<iso>{_YEAR}-[01]\d-[0-3]\d))(?P<rest>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
# a time of day after a dateline's date ('14 May 2024, 09:12 GMT', 'May 14, 2024 at 3:05 p.m.')
_CLOCK = re.compile(
    r"^[,\s|·•–—-]*(?:at\s+|T)?(?:\d{1,2}:[0-5]\d\b|\d{1,2}\.[0-5]\d\s*(?:[ap]\.?m\b|(?-i:[A-Z]{2,4})\b))",
    re.IGNORECASE,
)
DATELINE_CHARS = 800  # a dateline sits above the story: within the first lines of the page
_EVENT_VERB = re.compile(
    r"\b(?:earthquake|kill|die|dead|death|wound|injur|attack|explo|blast|bomb|struck|strike|hit|shot|shoot|fire|clash"
    r"|erupt|collaps|crash|sank|sink|derail|flood|quake|storm|protest|arrest|detain|raid|ambush|fought|fight)",
    re.IGNORECASE,
)


# the words before a date that make it the date of a count or a deadline, not of the event
_REPORTING = re.compile(r"\b(?:as\s+of|since|until|till|by)\s+$", re.IGNORECASE)
OPENING_SENTENCES = 6  # page furniture that cleaning keeps can take the first few


@dataclass(frozen=True)
class DateCandidate:
    start: int
    end: int
    kind: str  # the group of _CANDIDATE that matched

    @property
    def precision(self) -> str:
        return _PRECISION[self.kind]


def candidates(text: str, sentence: Sentence) -> list[DateCandidate]:
    """Date expressions in one sentence, with offsets into `text`."""
    found = []
    for match in _CANDIDATE.finditer(sentence.text):
        kind = match.lastgroup
        if kind == "weekday" and match.group().lower().startswith("since"):
            continue  # 'since Monday' dates the start of something else
        if _REPORTING.search(sentence.text, 0, match.start()):
            continue  # 'as of Monday noon' dates a count, 'by Monday' a deadline
        found.append(DateCandidate(sentence.start + match.start(), sentence.start + match.end(), kind))
    return found


def dateline_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """(ISO date, span) of a dateline near the top of the page, or None."""
    found = []
    for match in _DATELINE.finditer(text, 0, DATELINE_CHARS):
        labelled = match["weekday"] or match["label"] or _CLOCK.match(match["rest"])
        if match["rest"].strip() and not labelled:
            continue  # a sentence that starts with a date is not a dateline
        kind = next(name for name in ("mdy", "dmy", "iso") if match[name])
        start, end = match.span(kind)
        parsed = parse(text[start:end], None)
        if parsed:
            # a page's 'Updated ...' stamp dates an edit: its 'Published ...' one, wherever
            # it is, dates the story
            updated = "updated" in (match["label"] or "").lower()
            found.append((updated, start, parsed.isoformat(), (start, end)))
    return min(found)[2:] if found else None


def normalise_published(value: object) -> str | None:
    """A publication date from an input column or page metadata as YYYY-MM-DD, or None when it
    is missing or unreadable (a datetime, a date, '2024-03-15', '2024-03-15T10:00Z', '15 March 2024')."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    iso = re.match(rf"^({_YEAR})-([01]\d)-([0-3]\d)", text)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    if not re.search(_YEAR, text):
        return None  # 'now', 'yesterday': relative to today, which is never a publication date
    parsed = parse(text, None)
    return parsed.isoformat() if parsed else None


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # heavy (regex tables for every language): only when a span needs it

    return dateparser


def parse(expression: str, base: dt.date | None) -> dt.date | None:
    """The date `expression` names, read by dateparser relative to `base` (dates before it
    preferred: news reports what happened); None when it cannot be read."""
    expression = re.sub(r"^(?:on|in|late|early|mid-?)\s+", "", expression.strip(), flags=re.IGNORECASE)
    expression = re.sub(r"(?i)^last\s+night$", "yesterday", expression)
    expression = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", expression, flags=re.IGNORECASE)
    if re.fullmatch(r"(?i)tonight|this", expression):
        expression = "today"
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": [], "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    found = _dateparser().parse(expression, languages=["en"], settings=settings)
    return found.date() if found else None


def _resolve(text: str, candidate: DateCandidate, published: dt.date | None) -> str | None:
    expression = text[candidate.start : candidate.end]
    lowered = expression.lower()
    if candidate.kind == "weekday" and published is not None:
        # 'on Wednesday' in a story published on a Friday is two days earlier; on the day
        # itself it is that day (dateparser would go back a week)
        weekday = next(i for i, name in enumerate(_WEEKDAYS) if name in lowered)
        back = (published.weekday() - weekday) % 7
        if lowered.startswith("last") and back == 0:
            back = 7
        return (published - dt.timedelta(days=back)).isoformat()
    if candidate.kind in _RELATIVE and published is None:
        return None
    if candidate.kind in ("week", "month"):
        day = published - dt.timedelta(days=7 if lowered.startswith("last") and candidate.kind == "week" else 0)
        if candidate.kind == "month" and lowered.startswith("last"):
            day = published.replace(day=1) - dt.timedelta(days=1)
        start = day - dt.timedelta(days=day.weekday()) if candidate.kind == "week" else day.replace(day=1)
        return start.isoformat()
    if candidate.kind == "year":
        return f"{re.search(_YEAR, expression).group()}-01-01"
    parsed = parse(expression, published)
    if parsed is None:
        return None
    if candidate.kind == "my":
        parsed = parsed.replace(day=1)
    return parsed.isoformat()


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def choose(text: str, sentences: Sequence[Sentence], anchors: Sequence[int]) -> DateCandidate | None:
    """The date expression of the event. Sentences are ranked: those of the toll (`anchors`
    are toll evidence starts) in reading order, then the opening sentences that tell an event
    ('struck', 'killed', 'exploded'), then the other opening sentences. Among the first two
    groups a day beats a week, month or year ('Saturday morning' in the lead beats 'this
    week' in a later sentence with a figure); a bare year counts only in a toll sentence."""
    ranked: dict[int, int] = {}  # sentence start -> rank (lower first)
    for anchor in sorted(anchors):
        for sentence in sentences:
            if sentence.start <= anchor < sentence.end + 1:
                ranked.setdefault(sentence.start, len(ranked))
    for position, sentence in enumerate(sentences[:OPENING_SENTENCES]):
        ranked.setdefault(sentence.start, (100 if _EVENT_VERB.search(sentence.text) else 200) + position)
    found = []
    for sentence in sentences:
        rank = ranked.get(sentence.start)
        if rank is None:
            continue
        for candidate in candidates(text, sentence):
            if candidate.kind == "year" and rank >= 100:
                continue
            told = rank < 200
            key = (not told, told and candidate.precision != "day", rank, _KIND_RANK[candidate.kind], candidate.start)
            found.append((key, candidate))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def event_date(
    text: str, sentences: Sequence[Sentence], anchors: Sequence[int], published: str | None = None
) -> dict | None:
    """The brief's event_date (see brief.EventDate) or None when the story names no date.

    `published` (YYYY-MM-DD) is the caller's publication date; without it a dateline is
    looked for. The dateline itself is never the event's date: it dates the report."""
    chosen = choose(text, sentences, anchors)
    if chosen is None:
        return None
    if published is None:
        found = dateline_date(text)
        published = found[0] if found else None
    base = dt.date.fromisoformat(published) if published else None
    relative = chosen.kind in _RELATIVE
    return {
        "date": _resolve(text, chosen, base),
        "precision": chosen.precision,
        "evidence": text[chosen.start : chosen.end],
        "evidence_span": (chosen.start, chosen.end),
        "published": published if relative else None,
    }
