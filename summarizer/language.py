"""Which language an article is written in, so that a non-English article gets a note in its
brief instead of a silently empty one (the candidate finder reads English).

py3langid (a small offline n-gram model) reads the first few thousand characters; an article
is called non-English only when the identifier is confident and the text is long enough to
judge."""

from __future__ import annotations

import functools

SAMPLE_CHARS = 3000  # enough to identify a language; keeps a long article cheap
MIN_LETTERS = 40  # below this a guess is noise: no note
MIN_PROBABILITY = 0.9


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of `text`'s language, or None when too short to judge."""
    sample = text[:SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    return str(language), float(probability)


def language_note(text: str) -> str | None:
    """A note for a brief whose article is confidently not English; None otherwise."""
    found = identify(text)
    if found is None:
        return None
    language, probability = found
    if language == "en" or probability < MIN_PROBABILITY:
        return None
    return f"language: {language} (not English, p={probability:.2f}); the brief is likely empty or incomplete"
