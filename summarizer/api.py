"""The public entry points: `summarise(text)` and `Summariser`."""

from __future__ import annotations

import os
from collections.abc import Iterable

from .brief import Brief
from .errors import InputError, InternalError, SummariserError
from .inputs import article_problem, printable_id
from .pipeline import Options, RunStats, check_article, summarise_text

# transformers: the pipeline, the model choosing among grounded options (default)
# rules:        the pipeline, the rules' first-ranked option everywhere, no model
# regex:        the one-hour regex baseline (eval reference row)
# single-pass:  the naive whole-article schema-constrained generation (eval reference row)
# llamacpp:     the pipeline with llama.cpp running the .gguf (optional: pip install '.[llamacpp]')
BACKENDS = ("transformers", "rules", "regex", "single-pass", "llamacpp")
_NEEDS_MODEL = ("transformers", "single-pass")


class Summariser:
    """Holds one loaded model and reuses it for every article."""

    def __init__(
        self,
        model: str | os.PathLike | None = None,
        backend: str = "transformers",
        device: str = "auto",
        options: Options | None = None,
        quantize: str | None = None,
        progress=None,
        adapter: str | os.PathLike | None = "default",
        choice: str | None = None,
        shots: int | None = None,
        model_decides: frozenset[str] | None = None,
    ):
        """`progress`, a callable taking one line, hears about slow steps (loading the model)
        and a model without a decision policy. The model's measured policy (policy.py) says
        which kinds it decides, by which choice method, with how many shots; `choice`,
        `shots` and `model_decides` override it, `options` replaces it. `adapter`: a LoRA
        adapter directory (`summarise train`), None for none; "default" is the adapter shipped
        for the default model, when there is one (never for another model)."""
        if backend not in BACKENDS:
            raise SummariserError(f"unknown backend {backend!r}; choose from {', '.join(BACKENDS)}")
        self.backend = backend
        self.model = model  # the argument, for the provenance of output lines
        self.adapter = None  # the adapter directory loaded, if any
        self.policy = None
        self.stats = RunStats()
        self.generator = None
        if backend in _NEEDS_MODEL:
            from .generate import load_generator

            self.generator = load_generator(model, device, quantize, progress=progress, adapter=adapter)
            self.adapter = getattr(self.generator, "adapter", None)
        elif backend == "llamacpp":
            from .generate import load_llamacpp

            if adapter is not None and str(adapter).lower() not in ("default", "none"):
                raise SummariserError("an adapter is loaded by the transformers backend only")

            if device == "cuda" or quantize:
                raise SummariserError("the llamacpp backend runs the .gguf as stored, on the CPU")
            self.generator = load_llamacpp(model)
        if options is None:
            options = Options(model_decides=frozenset())
            if backend in ("transformers", "llamacpp"):
                from .policy import find_policy

                # the policy measured for this model with the adapter now loaded (or none)
                self.policy = find_policy(model, self.adapter.name if self.adapter is not None else None)
                if self.policy.note and model_decides is None and progress is not None:
                    progress(self.policy.note)
                options = Options(
                    model_decides=self.policy.model_decides if model_decides is None else model_decides,
                    choice=self.policy.choice if choice is None else choice,
                    shots=self.policy.shots if shots is None else shots,
                )
        self.options = options

    def summarise(self, text: str, id: str | None = None, published: str | None = None) -> Brief:
        """The brief of `text`. Raises only SummariserError subclasses: InputError for text
        that cannot be summarised (not a string, empty, over the size limits), InternalError
        for an unexpected failure inside the pipeline. `published` (YYYY-MM-DD), the article's
        publication date, resolves relative dates ('on Thursday'); without it only a
        dateline in the text can."""
        check_text(text)
        published = check_published(published)
        try:
            brief = self._summarise(text, published)
        except SummariserError:
            raise
        except Exception as exc:  # a bug or a library's error on hostile text: still one of ours
            raise InternalError.wrap(exc) from exc
        brief.id = None if id is None else printable_id(id)
        _note_language(brief, text)
        return brief

    def _summarise(self, text: str, published: str | None = None) -> Brief:
        if self.backend == "regex":
            from .baselines import regex_brief

            brief = regex_brief(text)
        elif self.backend == "single-pass":
            from .baselines import single_pass_brief

            brief = single_pass_brief(text, self.generator)
        else:
            brief = summarise_text(text, self.generator, self.stats, self.options, published)
        return brief

    def summarise_many(
        self,
        texts: Iterable[str],
        batch_size: int = 4,
        ids: Iterable[str | None] | None = None,
        published: Iterable[str | None] | None = None,
    ) -> list[Brief]:
        """Briefs for `texts`, in order, with the model loaded once. With the model, every
        `batch_size` articles are analysed together and their model decisions decoded as one
        pool, `batch_size` prompts per forward pass; the briefs are those of `summarise`
        (tests check it). On a CPU that is not faster (`summarise bench`); on a GPU it is.
        Each brief's id is its entry of `ids`, or its index in `texts` ("0", "1", ...);
        `published` holds each article's publication date (or None)."""
        from itertools import islice

        if isinstance(texts, str | bytes) or texts is None:
            raise InputError("summarise_many takes a list of article texts")
        texts = list(texts)
        ids = list(ids) if ids is not None else [str(number) for number in range(len(texts))]
        dates = list(published) if published is not None else [None] * len(texts)
        if len(ids) != len(texts) or len(dates) != len(texts):
            raise InputError("summarise_many: ids (or published) and texts differ in length")
        if self.backend != "transformers" or batch_size <= 1:
            return [
                self.summarise(text, id=article_id, published=date)
                for text, article_id, date in zip(texts, ids, dates, strict=True)
            ]
        for text in texts:
            check_text(text)
        dates = [check_published(date) for date in dates]
        from .batching import summarise_batch

        briefs: list[Brief] = []
        chunks = iter(zip(texts, dates, strict=True))
        try:
            while chunk := list(islice(chunks, batch_size)):
                briefs.extend(
                    summarise_batch(
                        [text for text, _ in chunk],
                        self.generator,
                        self.stats,
                        self.options,
                        batch_size,
                        published=[date for _, date in chunk],
                    )  # fmt: skip
                )
        except SummariserError:
            raise
        except Exception as exc:
            raise InternalError.wrap(exc) from exc
        for brief, article_id, text in zip(briefs, ids, texts, strict=True):
            brief.id = None if article_id is None else printable_id(article_id)
            _note_language(brief, text)
        return briefs


def _note_language(brief: Brief, text: str) -> None:
    """A non-English article gets a note in its brief: the candidate finder reads English, so
    its brief is likely empty, and an empty brief should say why."""
    from .language import language_note

    note = language_note(text)
    if note is not None and note not in brief.notes:
        brief.notes.append(note)


def check_text(text: object) -> str:
    """`text` if it can be summarised, else an InputError saying why (before any model work)."""
    check_article(text)
    problem = article_problem(text)
    if problem:
        raise InputError(problem)
    return text


def check_published(published: object) -> str | None:
    """A publication date as YYYY-MM-DD (from a date, a datetime or text), None for None, or an
    InputError for a value that is not a date."""
    if published is None:
        return None
    from .extract.dates import normalise_published

    normalised = normalise_published(published)
    if normalised is None:
        raise InputError(f"published {str(published)[:40]!r}: not a date (give YYYY-MM-DD)")
    return normalised


_DEFAULT: Summariser | None = None


def summarise(text: str, published: str | None = None) -> Brief:
    """The brief of `text` with the default model (loaded once per process, then cached);
    `published` (YYYY-MM-DD) resolves relative dates in the story."""
    global _DEFAULT
    check_text(text)  # refuse bad input before the model loads
    if _DEFAULT is None:
        _DEFAULT = Summariser()
    return _DEFAULT.summarise(text, published=published)
