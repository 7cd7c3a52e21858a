"""The one error hierarchy. The CLI turns each into a one-line message and an exit code."""


class SummariserError(Exception):
    """Base of every error this package raises on purpose."""

    exit_code = 1


class InputError(SummariserError):
    """An input path, file or record that cannot be read as an article."""

    exit_code = 2


class ModelLoadError(SummariserError):
    """The model is missing, unreadable or cannot run on the requested device."""

    exit_code = 3


class GenerationError(SummariserError):
    """The model ran but its output could not be turned into a brief."""


class GoldError(SummariserError):
    """A gold record that breaks GOLD_FORMAT.md (evidence not in the article, bad vocabulary)."""

    exit_code = 2


class RegressionError(SummariserError):
    """An eval score fell below the baseline by more than the tolerance."""

    exit_code = 4
