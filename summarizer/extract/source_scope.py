"""How far a figure looks for its source when its own paragraph cites none.

News paragraphs are short (often one sentence), and a figure given without a source is
often credited in the next paragraph ('... 100,000 civilians have been cut off.' /
'The UN humanitarian chief said ...'), or continues the report of the paragraph before it.
"""

from __future__ import annotations

import re

from .sentences import Sentence


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
