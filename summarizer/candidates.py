"""The extraction's names, gathered in one place for the modules that read candidates.

The language rules live in `summarizer/extract/`, one module per stage: `furniture` (story
vs page chrome), `sentences` (sentences and the one spaCy parse of the article), `numbers`
(number expressions), `figures` (the toll's candidates), `speakers` and `sources` (who is
cited), `names` (places and the cues for actors' roles).
"""

from .extract.background import is_background
from .extract.figures import (
    CASUALTY,
    FigureCandidate,
    _qualifier,
    find_figures,
)
from .extract.gazetteer import gazetteer_kind
from .extract.names import (
    ACRONYM_AFTER,
    ACTOR_NOUNS,
    ARREST_BEFORE,
    ATTACK_VERB,
    ATTACKER_CUE,
    ATTACKER_WORDS,
    AUTHORITY_WORDS,
    BODY_AFTER,
    BODY_BEFORE,
    CHARGED,
    CLAIM,
    FORCE_NAME,
    FORMER,
    INSTITUTION,
    MEDIA_OR_ANALYST,
    MODIFIER_USE,
    ORG_WORD,
    SPOKESPERSON,
    STATE_NAME,
    TARGETED,
    TITLE,
    TITLE_PREFIX,
    VICTIM_CUE,
    VICTIM_WORDS,
    EntityMention,
    find_entities,
    place_type_from_context,
)
from .extract.numbers import (
    NUMBER,
    parse_number,
)
from .extract.sentences import (
    MAX_PARSED_SENTENCE_CHARS,
    Sentence,
    parse_sentences,
    split_sentences,
)
from .extract.sources import (
    SourceMention,
    find_sources,
    is_generic,
    refers_back,
    source_type,
)

__all__ = [
    "ACRONYM_AFTER",
    "ACTOR_NOUNS",
    "ARREST_BEFORE",
    "ATTACKER_CUE",
    "ATTACKER_WORDS",
    "ATTACK_VERB",
    "AUTHORITY_WORDS",
    "BODY_AFTER",
    "BODY_BEFORE",
    "CASUALTY",
    "CHARGED",
    "CLAIM",
    "EntityMention",
    "FORCE_NAME",
    "FORMER",
    "FigureCandidate",
    "INSTITUTION",
    "MAX_PARSED_SENTENCE_CHARS",
    "MEDIA_OR_ANALYST",
    "MODIFIER_USE",
    "NUMBER",
    "ORG_WORD",
    "SPOKESPERSON",
    "STATE_NAME",
    "Sentence",
    "SourceMention",
    "TARGETED",
    "TITLE",
    "TITLE_PREFIX",
    "VICTIM_CUE",
    "VICTIM_WORDS",
    "_qualifier",
    "find_entities",
    "find_figures",
    "find_sources",
    "gazetteer_kind",
    "is_background",
    "is_generic",
    "parse_number",
    "parse_sentences",
    "place_type_from_context",
    "refers_back",
    "source_type",
    "split_sentences",
]
