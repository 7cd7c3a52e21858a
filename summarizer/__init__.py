"""summarizer: grounded briefs (who, where, toll, attribution) of news articles about violent events."""

from .api import Summariser, summarise
from .brief import Actor, Brief, EventDate, EventType, Figure, Place, Source
from .errors import (
    GenerationError,
    GoldError,
    InputError,
    ModelLoadError,
    RegressionError,
    SummariserError,
)

__all__ = [
    "Actor",
    "Brief",
    "EventDate",
    "EventType",
    "Figure",
    "GenerationError",
    "GoldError",
    "InputError",
    "ModelLoadError",
    "Place",
    "RegressionError",
    "Source",
    "Summariser",
    "SummariserError",
    "summarise",
]
