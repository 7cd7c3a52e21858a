"""How far a figure looks for its source when its own paragraph cites none.

News paragraphs are short (often one sentence), and a figure given without a source is
often credited in the next paragraph ('... 100,000 civilians have been cut off.' /
'The UN humanitarian chief said ...'), or continues the report of the paragraph before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import Entity
from .figure_words import FigureCandidate
from .sentences import Sentence
from .sources import SourceMention


def neighbouring_paragraphs(paragraphs: dict[int, list[Sentence]], sentence: Sentence) -> list[list[int]]:
    """Sentence starts to read, in order, for a figure whose paragraph cites no source: the
    next paragraph (where the source of a lede's figure is named), then the one before it
    (whose report the figure continues). A headline credits nobody it does not name."""
    if _is_headline(paragraphs, sentence):
        return []
    return [
        [s.start for s in paragraphs.get(number, [])]
        for number in (sentence.paragraph + 1, sentence.paragraph - 1)
        if paragraphs.get(number)
    ]


def _is_headline(paragraphs: dict[int, list[Sentence]], sentence: Sentence) -> bool:
    """The story's first line when it does not end as a sentence does ('Blast kills 18')."""
    first = min(paragraphs) if paragraphs else None
    return sentence.paragraph == first and not re.search(r"[.!?\"”]$", sentence.text)


def source_options(
    text: str,
    figure: FigureCandidate,
    index: SourceIndex,
    mentions: list[SourceMention],
    mention_entity: dict[int, int],
    sources: list[Entity],
    quoted: set[int],
) -> tuple[list[str], int]:
    """Sources that may have given this figure, most likely first: those cited in its
    sentence (nearest first), then earlier sentences of its paragraph, then later ones;
    where its paragraph cites none, the next paragraph's, else the previous one's."""
    sentence = figure.sentence
    by_sentence = index.mentions_by_sentence

    def names_in(starts: list[int]) -> list[str]:
        found = [
            (
                # a source that only relays another's words ('state media quoted X') comes after it,
                # and one in another clause ('X put the toll at 16, while Y said 9 died') after those
                (
                    mentions[i].relay,
                    _other_clause(text, mentions[i].start, figure.number_span[0]),
                    abs(mentions[i].start - figure.number_span[0]),
                ),
                sources[mention_entity[i]].name,
            )
            for start in starts
            for i in by_sentence.get(start, [])
            if i in mention_entity
        ]
        return [name for _, name in sorted(found)]

    same = names_in([sentence.start])
    paragraph = index.paragraphs[sentence.paragraph]
    position = index.positions[sentence.start]
    before = names_in([s.start for s in paragraph[max(0, position - 2) : position]])
    after = names_in([s.start for s in paragraph[position + 1 : position + 3]])
    if sentence.start in quoted:
        # inside a quotation that closes in a later sentence ('"... were killed. ... We are
        # trying ...," he said'), the speaker named where it closes comes first
        closing = next((s for s in paragraph[position + 1 :] if s.start not in quoted), None)
        speaker = names_in([closing.start]) if closing is not None else []
        candidates = same + speaker + after + before
    else:
        candidates = same + before + after
    if not candidates:  # nobody cited in its paragraph: the next paragraph's sources, else the previous one's
        neighbours = neighbouring_paragraphs(index.paragraphs, sentence)
        candidates = next((found for starts in neighbours if (found := names_in(starts))), [])
    return list(dict.fromkeys(candidates)), len(set(same))


# where a sentence turns to another clause: 'X put the toll at 16, while Y said 9 died'
_CLAUSE_TURN = re.compile(r",\s*(?:while|but|whereas|although|though)\b|;|\s[—–]\s", re.IGNORECASE)


def _other_clause(text: str, one: int, other: int) -> bool:
    """Does a clause turn lie between two places of one sentence?"""
    return _CLAUSE_TURN.search(text, min(one, other), max(one, other)) is not None


@dataclass
class SourceIndex:
    """Lookups built once per article, so that each figure's options cost what it reads."""

    mentions_by_sentence: dict[int, list[int]]
    paragraphs: dict[int, list[Sentence]]
    positions: dict[int, int]  # a sentence's place in its paragraph, by its start

    @classmethod
    def build(cls, sentences: list[Sentence], mentions: list[SourceMention]) -> SourceIndex:
        by_sentence: dict[int, list[int]] = {}
        for index, mention in enumerate(mentions):
            by_sentence.setdefault(mention.sentence_start, []).append(index)
        paragraphs: dict[int, list[Sentence]] = {}
        positions: dict[int, int] = {}
        for sentence in sentences:
            positions[sentence.start] = len(paragraphs.setdefault(sentence.paragraph, []))
            paragraphs[sentence.paragraph].append(sentence)
        return cls(by_sentence, paragraphs, positions)


def quoted_sentences(sentences: list[Sentence]) -> set[int]:
    """Starts of the sentences after which a quotation is still open (it closes in a later
    sentence of the paragraph): one pass over the story."""
    quoted: set[int] = set()
    depth, paragraph = 0, None
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            depth, paragraph = 0, sentence.paragraph
        for char in sentence.text:
            if char == "“":
                depth = 1
            elif char == "”":
                depth = 0
            elif char == '"':
                depth = 1 - depth
        if depth == 1:
            quoted.add(sentence.start)
    return quoted
