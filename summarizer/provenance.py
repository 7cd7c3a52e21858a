"""Where an output line came from: the line schema's version, the tool's version and the model
(backend, file name, SHA-256 of its bytes). Computed once per run and added to every line."""

from __future__ import annotations

import functools
import hashlib
import os
from importlib import metadata
from pathlib import Path

from .brief import SCHEMA_VERSION
from .errors import SummariserError

NO_MODEL_BACKENDS = ("rules", "regex")
WEIGHT_SUFFIXES = (".gguf", ".safetensors", ".bin", ".pt", ".pth")


def tool_version() -> str:
    try:
        return metadata.version("summarizer")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


@functools.lru_cache(maxsize=16)
def _file_sha256(path: str, size: int, mtime_ns: int) -> str:
    # keyed by size and mtime too: a model file replaced in place is hashed again
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    facts = path.stat()
    return _file_sha256(str(path.resolve()), facts.st_size, facts.st_mtime_ns)


def directory_sha256(path: Path) -> str | None:
    """One hash over a model directory's weight files (name and SHA-256 of each, in name order)."""
    weights = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in WEIGHT_SUFFIXES)
    if not weights:
        return None
    digest = hashlib.sha256()
    for weight in weights:
        digest.update(f"{weight.name}\0{file_sha256(weight)}\n".encode("utf-8", "backslashreplace"))
    return digest.hexdigest()


def model_info(summariser) -> dict:
    """{"backend", "name", "sha256"} of the model a summariser runs ("rules" and null without one)."""
    backend = getattr(summariser, "backend", None)
    if backend is None:  # a test double or another engine: say what it is, hash nothing
        return {"backend": "unknown", "name": type(summariser).__name__, "sha256": None}
    if backend in NO_MODEL_BACKENDS:
        return {"backend": backend, "name": backend, "sha256": None}
    from .generate import default_model_path

    model = getattr(summariser, "model", None)
    try:
        path = default_model_path() if model is None else Path(os.fspath(model)).expanduser()
        sha256 = directory_sha256(path) if path.is_dir() else file_sha256(path)
    except (OSError, ValueError, SummariserError):
        return {"backend": backend, "name": str(model), "sha256": None}
    return {"backend": backend, "name": path.name, "sha256": sha256}


def line_provenance(summariser) -> dict:
    """The keys every line of one run carries besides the brief or the error."""
    return {"schema_version": SCHEMA_VERSION, "tool_version": tool_version(), "model": model_info(summariser)}
