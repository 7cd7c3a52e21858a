"""The public entry points: `summarise(text)` and `Summariser`."""

from __future__ import annotations

import os
from collections.abc import Iterable

from .brief import Brief
from .pipeline import RunStats, summarise_text

BACKENDS = ("transformers", "rules")


class Summariser:
    """Holds one loaded model and reuses it for every article.

    backend="transformers" runs the local model (constrained choices among grounded
    options); backend="rules" takes the rules' first choice everywhere (the baseline).
    """

    def __init__(
        self,
        model: str | os.PathLike | None = None,
        backend: str = "transformers",
        device: str = "auto",
    ):
        from .errors import SummariserError

        if backend not in BACKENDS:
            raise SummariserError(f"unknown backend {backend!r}; choose from {', '.join(BACKENDS)}")
        self.backend = backend
        self.stats = RunStats()
        self.generator = None
        if backend == "transformers":
            from .generate import load_generator

            self.generator = load_generator(model, device)

    def summarise(self, text: str, id: str | None = None) -> Brief:
        brief = summarise_text(text, self.generator, self.stats)
        brief.id = id
        return brief

    def summarise_many(self, texts: Iterable[str], batch_size: int = 4) -> list[Brief]:
        # Choices inside one article are already decoded as a batch; articles go in order.
        return [self.summarise(text) for text in texts]


_DEFAULT: Summariser | None = None


def summarise(text: str) -> Brief:
    """The brief of `text` with the default model (loaded once per process, then cached)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Summariser()
    return _DEFAULT.summarise(text)
