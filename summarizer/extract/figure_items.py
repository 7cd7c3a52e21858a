"""The toll grounded: each decided figure candidate verified against its evidence and
made the brief's figure (or dropped, and counted), and the figures deduplicated. Finding
the candidates is figures.py's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..brief import Figure
from .entities import _key
from .figures import FigureCandidate
from .numbers import read_count


@dataclass
class Choice:
    """The decision taken for one figure candidate."""

    candidate: FigureCandidate
    category: str
    source: str | None
    by_model: frozenset[str] = frozenset()  # the decision kinds the model answered for it


def figure_item(text: str, choice: Choice) -> Figure | None:
    """The brief's figure, or None when it fails verification: the evidence must hold the
    number, the number must read back as the count, and the category and source must be
    among the options the text offered for it."""
    candidate = choice.candidate
    start, end = candidate.evidence_span
    number_start, number_end = candidate.number_span
    if not (start <= number_start < number_end <= end) or not text[start:end].strip():
        return None
    # the number written first is the count, or the high end of a range written backwards
    if read_count(text, number_start, number_end) not in (candidate.count, candidate.count_max):
        return None
    if choice.category not in candidate.categories:
        return None
    if choice.source is not None and choice.source not in candidate.sources:
        return None
    return Figure(
        category=choice.category,
        count=candidate.count,
        count_max=candidate.count_max,
        qualifier=candidate.qualifier,
        group=candidate.group if candidate.group and candidate.group in text else None,
        source=choice.source,
        evidence=text[start:end],
        evidence_span=(start, end),
        decided_by={kind: "model" if kind in choice.by_model else "rules" for kind in open_decisions(candidate)},
    )


def open_decisions(candidate: FigureCandidate) -> list[str]:
    """The kinds the text leaves open for this figure: more than one grounded category, or
    more than one possible source (or one, not named in the figure's own sentence)."""
    kinds = ["category"] if len(candidate.categories) > 1 else []
    if len(candidate.sources) > 1 or (candidate.sources and candidate.sources_in_sentence == 0):
        kinds.append("source")
    return kinds


def dedupe_figures(figures: list[Figure], speaks_for: dict[str, str] | None = None, text: str = "") -> list[Figure]:
    """One entry per (category, figure, source); the same figure restated is kept once, and
    so is one given by a spokesperson and by the body they speak for (`speaks_for`: the
    person's name -> the body's), or restated by another source later in the story."""
    speaks_for = speaks_for or {}
    seen: dict[tuple, list[Figure]] = {}
    kept = []
    for figure in figures:
        source = speaks_for.get(figure.source or "", figure.source or "")
        key = (figure.category, figure.count, figure.count_max, _key(source))
        if key in seen and not all(_other_group(figure, other) for other in seen[key]):
            continue
        seen.setdefault(key, []).append(figure)
        kept.append(figure)
    kept = _without_restatements(kept, text)
    # an unattributed figure ('at least 12 people were killed' in the lede) that a source
    # gives elsewhere in the article ('12 people died, police said') is that source's figure
    sourced: dict[tuple, Figure] = {}
    for figure in kept:
        if figure.source:
            sourced.setdefault((figure.category, figure.count, figure.count_max), figure)
    # ... and when the source's words are plain ('23 were killed') but the story's are not
    # ('at least 23 people are reported dead'), the story's words give the qualifier
    hedged: dict[int, Figure] = {}
    for figure in kept:
        source_figure = sourced.get((figure.category, figure.count, figure.count_max))
        if figure.source or source_figure is None or id(source_figure) in hedged:
            continue
        if figure.qualifier != "exact" and source_figure.qualifier == "exact":
            hedged[id(source_figure)] = source_figure.model_copy(
                update={"qualifier": figure.qualifier, "evidence": figure.evidence,
                        "evidence_span": figure.evidence_span}
            )  # fmt: skip
    return [hedged.get(id(f), f) for f in kept if f.source or (f.category, f.count, f.count_max) not in sourced]


def _without_restatements(figures: list[Figure], text: str) -> list[Figure]:
    """'at least 19 people were killed, police said' ... 'a police spokesman said "we have
    recovered 19 bodies"': the same figure credited again to a second source later in the
    story restates the first report (one entry per figure), unless the first stood in a
    headline, which the body's report supersedes."""
    first: dict[tuple, list[Figure]] = {}
    kept = []
    for figure in figures:
        key = (figure.category, figure.count, figure.count_max)
        earlier = [
            other
            for other in first.get(key, [])
            if other.evidence_span[0] < figure.evidence_span[0] and not _in_headline(text, other.evidence_span[0])
        ]
        if figure.source and figure.count and earlier and not all(_other_group(figure, o) for o in earlier):
            continue
        if figure.source:
            first.setdefault(key, []).append(figure)
        kept.append(figure)
    return kept


def _in_headline(text: str, position: int) -> bool:
    """A line that does not end as a sentence does: a headline (unknown text: assume so)."""
    if not text:
        return True
    end = text.find("\n", position)
    line = text[position : len(text) if end < 0 else end].rstrip()
    return not re.search(r"[.!?\"”’')]$", line)


def _other_group(figure: Figure, other: Figure) -> bool:
    """'Two policemen and two civilians were killed': the same count of another group in the
    same clause (their evidence overlaps), or said to be one more ('5 militants were also
    killed'), is a figure of its own, not the first restated."""
    if not figure.group or not other.group:
        return False
    one, two = figure.group.casefold(), other.group.casefold()
    if re.match(r"(?:other|more|additional|further)\s", one):
        return True  # 'two other soldiers died later': more of the same group
    if one in two or two in one:
        return False
    if figure.count == 1 and one.split()[-1] != two.split()[-1]:
        return True  # 'one of the gunmen was wounded' and 'one guard was wounded': two people
    (start, end), (other_start, other_end) = figure.evidence_span, other.evidence_span
    return start < other_end and other_start < end or bool(_ADDED.search(figure.evidence))


_ADDED = re.compile(r"\b(?:also|too|as\s+well|another|other)\b", re.IGNORECASE)
