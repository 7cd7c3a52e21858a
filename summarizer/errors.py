"""The one error hierarchy. The CLI turns each into a one-line message and an exit code."""

from __future__ import annotations


class SummariserError(Exception):
    """Base of every error this package raises on purpose."""

    exit_code = 1


class InputError(SummariserError):
    """An input path, file or record that cannot be read as an article."""

    exit_code = 2


class ModelLoadError(SummariserError):
    """The model is missing, unreadable or cannot run on the requested device."""

    exit_code = 3


class OutputError(SummariserError):
    """An output path that cannot be written (a directory, read-only, full, locked by another run)
    or an existing output that is not a briefs file."""

    exit_code = 2


class InternalError(SummariserError):
    """An unexpected failure on one article (a bug: please report it with the article). The
    run gives that article an error line and goes on."""

    @classmethod
    def wrap(cls, exc: BaseException) -> InternalError:
        message = str(exc).strip().split("\n")[0][:300]
        return cls(f"internal error ({type(exc).__name__}{': ' + message if message else ''}); please report it")


class GenerationError(SummariserError):
    """The model ran but its output could not be turned into a brief."""


class GoldError(SummariserError):
    """A gold record that breaks GOLD_FORMAT.md (evidence not in the article, bad vocabulary)."""

    exit_code = 2


class RegressionError(SummariserError):
    """An eval score fell below the baseline by more than the tolerance."""

    exit_code = 4
