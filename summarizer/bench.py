"""`summarise bench`: how fast the model path runs on this machine, measured in one run.

Everything is measured on the real pipeline's decision prompts (the per-figure prompts and
enum-only schemas `pipeline.model_choices` sends to the model) for the articles given, with
the real model, and written as one JSON file of times *and* ratios:

- prefill and decode throughput, and the decode throughput's share of the memory-bandwidth
  roofline (bytes of weights read per token against a bandwidth measured in this run);
- ms per output token constrained (the pipeline's `generate_json`) and unconstrained (the
  same prompts, the same number of new tokens, no grammar), and their ratio;
- the share of output tokens the grammar fixes, and whether those cost a forward pass;
- articles per minute through the pipeline at batch size 1 and 4, and whether batching
  changes any brief;
- load time and peak memory; machine facts.

Times are wall-clock minima over repeats, A/B runs interleaved, because other processes on
a shared machine slow both sides alike. Besides generate.py this is the only module that
imports torch, always inside functions, so `summarise --help` stays fast.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .errors import InputError, SummariserError

BENCH_BACKENDS = ("transformers", "rules", "llamacpp")


def default_backends() -> list[str]:
    """transformers and rules, plus llamacpp where its optional extra is installed."""
    import importlib.util

    return ["transformers", "rules"] + (["llamacpp"] if importlib.util.find_spec("llama_cpp") else [])


REPEATS = 2  # timed repeats per prompt; the minimum is kept
DECODE_STEPS = 16  # decode steps timed per prompt for the decode throughput
DECODE_PROMPTS = 4  # prompts used for prefill/decode micro-measurements in the experiments
BANDWIDTH_MB = 256  # array size for the memory-bandwidth measurement (larger than any cache)

DEFINITIONS = {
    "load_s": "seconds to load tokenizer and model (GGUF de-quantised) and build the outlines model",
    "prefill_tok_s": "prompt tokens per second, one forward pass over each decision prompt, batch 1",
    "decode_tok_s": f"tokens per second of single-token forward passes with KV cache ({DECODE_STEPS} steps "
    "after each prompt), batch 1, no grammar: the model's unconstrained decode speed",
    "decode_tok_s_batch_N": "the same with one prompt repeated N times as a batch (tokens of all rows counted)",
    "decode_batch_speedup": "decode_tok_s_batch_4 / decode_tok_s_batch_1",
    "ms_per_token_constrained": "wall ms of the pipeline's generate_json call (prefill included) per output "
    "token, grammar compiled beforehand; one prompt per call; default decoding (fast-forward)",
    "ms_per_token_unconstrained": "the same prompts through outlines' generator with no grammar, "
    "min_new_tokens=max_new_tokens=the constrained output's length",
    "constraint_overhead": "ms_per_token_constrained / ms_per_token_unconstrained: the default decoding against "
    "free generation of as many tokens (below 1 when forced tokens cost no forward pass)",
    "constraint_overhead_with_compile": "as constraint_overhead, with each distinct schema's grammar "
    "compile added to the constrained side once (a real run meets a new schema per figure)",
    "constraint_overhead_per_pass": "the grammar's own cost: outlines' constrained generator (one forward pass "
    "per token) against the same generator unconstrained, same prompts and lengths",
    "constraint_overhead_per_pass_with_compile_outlines_default": "the same with outlines' own grammar build "
    "(vocabulary rebuilt per schema) added once per schema, as generate.py did before",
    "forced_token_share": "share of output tokens (one-pass-per-token decoding, EOS included) lying wholly in "
    "text the grammar fixes at that point: every legal continuation starts with it",
    "forced_token_share_single_id": "share of output tokens where the grammar allowed exactly one token id",
    "forward_passes_per_output_token": "forward passes of the default decoding / its output tokens",
    "forced_token_share_default": "share of the default decoding's output tokens appended as grammar-fixed text",
    "forced_tokens_free": "true only if the default decoding took fewer forward passes than output tokens "
    "and no more than the tokens it had to choose (output tokens less grammar-fixed ones), measured",
    "output_tokens_per_article": "constrained output tokens per article (decision prompts only)",
    "articles_per_min_batch_N": "articles per minute through the whole pipeline (rules + model decisions); "
    "batch N: N articles analysed, their decision prompts (schemas mixed) decoded N rows per forward pass",
    "batch_identical": "every brief at batch 4 equals the brief at batch 1",
    "peak_rss_mb": "peak resident memory of the process after the backend's main measurements",
    "roofline_share": "decode_tok_s / (memory_bandwidth / weight_bytes_per_token)",
    "ms_per_decision": "wall ms per model decision (generate_json of one prompt), rounds of all decisions in order",
    "ms_per_decision_loglik": "wall ms per decision by log-likelihood choice (every allowed answer scored from the "
    "prompt's KV cache in one batched pass), rounds of all decisions in order",
    "decision_speedup_vs_transformers": "llamacpp: transformers ms_per_decision / llamacpp ms_per_decision",
    "weight_bytes_per_token (llamacpp)": "the GGUF file's size: its quantised weights, read once per token",
    "time_to_first_brief_s": "wall seconds of a fresh `summarise run ARTICLE --backend NAME --quiet` process on the "
    "first article, from start to exit with its brief (imports and model load included; the converted-model "
    "cache already warm, as on any run after the first); the minimum of 2 runs taking turns",
    "time_to_first_brief_vs_rules": "time_to_first_brief_s of the backend / that of the rules backend",
    "memory_bandwidth_gb_s": f"best read bandwidth summing a {BANDWIDTH_MB} MB array (torch, model's threads; "
    "numpy, one thread), measured in this run",
}


# ---------------------------------------------------------------- pure helpers


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is 0."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def share(flags: Sequence[bool]) -> float | None:
    """The fraction of true flags, or None for no flags."""
    return sum(1 for flag in flags if flag) / len(flags) if flags else None


def per_minute(count: int, seconds: float) -> float | None:
    return ratio(count * 60.0, seconds)


def roofline_tok_s(bandwidth_bytes_per_s: float, bytes_per_token: float) -> float | None:
    """The decode speed memory bandwidth allows when every token reads all the weights once."""
    return ratio(bandwidth_bytes_per_s, bytes_per_token)


def roofline_share(decode_tok_s: float | None, bandwidth_bytes_per_s: float, bytes_per_token: float) -> float | None:
    return ratio(decode_tok_s, roofline_tok_s(bandwidth_bytes_per_s, bytes_per_token))


def rounded(value, digits: int = 4):
    """`value` with floats rounded, recursively, for a readable JSON file."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {key: rounded(item, digits) for key, item in value.items()}
    if isinstance(value, list):
        return [rounded(item, digits) for item in value]
    return value


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_facts() -> dict:
    facts = {
        "cpu_model": cpu_model(),
        "logical_cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
    }
    try:
        import psutil

        facts["memory_gb"] = psutil.virtual_memory().total / 1e9
        facts["physical_cores"] = psutil.cpu_count(logical=False)
    except ImportError:  # psutil is a dependency, but the facts are optional
        pass
    return facts


def _timed(function: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


# ---------------------------------------------------------------- inputs


@dataclass
class Request:
    """One decision prompt exactly as the pipeline sends it."""

    article: str
    prompt: str
    schema: dict
    max_new_tokens: int


def default_articles() -> Path:
    """The seed articles: eval/articles under the working directory, else beside the package."""
    here = Path("eval/articles")
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "eval" / "articles"


def read_articles(articles: Path | Sequence[Path], limit: int | None) -> list[tuple[str, str]]:
    from .inputs import read_inputs

    sources = [articles] if isinstance(articles, Path) else list(articles)
    for source in sources:
        if not source.exists():
            raise InputError(f"articles not found: {source}")
    found = [(a.id, a.text) for a in read_inputs([str(p) for p in sources]) if a.text is not None and not a.error]
    if not found:
        raise InputError(f"no readable articles in {', '.join(map(str, sources))}")
    return found[:limit] if limit else found


def decision_requests(analyses: dict, generator) -> list[Request]:
    """The decision prompts `model_choices` sends for each analysed article, recorded."""
    from .batching import _Recorder
    from .pipeline import RunStats, model_choices

    requests: list[Request] = []
    for article_id, analysis in analyses.items():
        recorder = _Recorder(generator)
        model_choices(analysis, recorder, RunStats())
        for (_, prompt), (schema, max_new_tokens) in recorder.requests.items():
            requests.append(Request(article_id, prompt, schema, max_new_tokens))
    return requests


# ---------------------------------------------------------------- model measurements


def weight_bytes_per_token(model) -> int:
    """Bytes of weights one decode step reads: every parameter and buffer once (shared storage
    once), int8-packed linear weights included, but of an input embedding table not tied to
    the output layer only the one row looked up."""
    seen: set[int] = set()
    total = 0
    for tensor in [*model.parameters(), *model.buffers()]:
        if tensor.data_ptr() not in seen:
            seen.add(tensor.data_ptr())
            total += tensor.numel() * tensor.element_size()
    for module in model.modules():
        packed = getattr(module, "_packed_params", None)
        if packed is not None and callable(getattr(module, "weight", None)):
            weight = module.weight()
            total += weight.numel() * weight.element_size()
            bias = module.bias()
            if bias is not None:
                total += bias.numel() * bias.element_size()
    embedding = model.get_input_embeddings().weight
    output = model.get_output_embeddings()
    output_weight = getattr(output, "weight", None) if output is not None else None
    tied = (
        output_weight is not None and not callable(output_weight) and output_weight.data_ptr() == embedding.data_ptr()
    )
    if not tied:
        total -= (embedding.shape[0] - 1) * embedding.shape[1] * embedding.element_size()
    return total


def memory_bandwidth() -> dict:
    """Read bandwidth in bytes/s: the best of several sums over an array far larger than cache."""
    import numpy as np
    import torch

    elements = BANDWIDTH_MB * 1024 * 1024 // 4
    results = {}
    tensor = torch.ones(elements, dtype=torch.float32)
    tensor.sum()
    results["torch_sum"] = max(tensor.numel() * 4 / _timed(tensor.sum)[0] for _ in range(5))
    del tensor
    array = np.ones(elements, dtype=np.float32)
    array.sum()
    results["numpy_sum"] = max(array.nbytes / _timed(array.sum)[0] for _ in range(5))
    del array
    results["best"] = max(results.values())
    return results


class _ForwardCounter:
    """Counts the model's forward passes (one per generated token in transformers' generate)."""

    def __init__(self, model):
        self.calls = 0
        self._handle = model.register_forward_hook(self._hook)

    def _hook(self, *_):
        self.calls += 1

    def remove(self):
        self._handle.remove()


def _prefill_seconds(generator, prompt: str) -> tuple[int, float]:
    ids = generator.tokenizer(prompt, return_tensors="pt").input_ids.to(generator.model.device)
    best = min(
        _timed(lambda: generator.model(input_ids=ids, use_cache=True, logits_to_keep=1))[0] for _ in range(REPEATS)
    )
    return ids.shape[1], best


def _decode_seconds(generator, prompt: str, steps: int, batch: int = 1) -> float:
    """Seconds for `steps` single-token forward passes after the prompt (greedy, no grammar),
    the prompt repeated as `batch` rows."""
    ids = generator.tokenizer(prompt, return_tensors="pt").input_ids.to(generator.model.device).repeat(batch, 1)
    output = generator.model(input_ids=ids, use_cache=True, logits_to_keep=1)
    cache, token = output.cache, output.logits[:, -1:].argmax(-1)
    started = time.perf_counter()
    for _ in range(steps):
        output = generator.model(input_ids=token, cache=cache, use_cache=True, logits_to_keep=1)
        cache, token = output.cache, output.logits[:, -1:].argmax(-1)
    return time.perf_counter() - started


def speed(generator, requests: Sequence[Request]) -> dict:
    """Prefill and decode throughput of `generator`'s model on the requests' prompts."""
    import torch

    with torch.inference_mode():
        prompt_tokens = prefill_time = 0.0
        for request in requests:
            tokens, seconds = _prefill_seconds(generator, request.prompt)
            prompt_tokens += tokens
            prefill_time += seconds
        decode_time = sum(
            min(_decode_seconds(generator, r.prompt, DECODE_STEPS) for _ in range(REPEATS))
            for r in requests[:DECODE_PROMPTS]
        )
    decode_tokens = DECODE_STEPS * len(requests[:DECODE_PROMPTS])
    return {
        "prefill_tok_s": ratio(prompt_tokens, prefill_time),
        "decode_tok_s": ratio(decode_tokens, decode_time),
        "prompt_tokens_mean": ratio(prompt_tokens, len(requests)),
    }


def decode_batching(generator, request: Request, sizes: Sequence[int] = (1, 4)) -> dict:
    """Decode tokens/s (no grammar) with the same prompt repeated as a batch of each size:
    batching pays where steps are memory-bound (decode), not where compute is (prefill)."""
    import torch

    measured = {}
    with torch.inference_mode():
        for size in sizes:
            best = min(_decode_seconds(generator, request.prompt, DECODE_STEPS, size) for _ in range(REPEATS))
            measured[size] = ratio(DECODE_STEPS * size, best)
    first, last = sizes[0], sizes[-1]
    return {
        **{f"decode_tok_s_batch_{size}": value for size, value in measured.items()},
        "decode_batch_speedup": ratio(measured[last], measured[first]),
    }


def forget_prefix(generator) -> None:
    """Drop the KV cache a generator keeps between calls, so that every timed round starts
    cold and then shares prefixes between consecutive prompts as a real run does (timing
    the same prompt twice in a row would reuse all of it)."""
    if hasattr(generator, "_prefix"):
        generator._prefix = None
    if hasattr(generator, "llm"):
        generator.llm.n_tokens = 0


def decision_rounds(generator, requests: Sequence[Request]) -> tuple[list[float], list[str]]:
    """Seconds per request of `generate_json` (the fastest of REPEATS rounds, each round all
    requests in order from a cold cache) and the outputs."""
    for request in requests:
        generator.generate_json([request.prompt], request.schema, request.max_new_tokens)  # compile, warm
    best = [float("inf")] * len(requests)
    outputs = [""] * len(requests)
    for _ in range(REPEATS):
        forget_prefix(generator)
        for i, request in enumerate(requests):
            seconds, output = _timed(lambda r=request: generator.generate_json([r.prompt], r.schema, r.max_new_tokens))
            best[i] = min(best[i], seconds)
            outputs[i] = output[0]
    return best, outputs


def loglik_rounds(generator, requests: Sequence[Request]) -> tuple[list[float], list[str]]:
    """Seconds per request of log-likelihood choice (every answer the grammar allows scored
    from the prompt's KV cache; the fastest of REPEATS rounds, each from a cold cache) and
    the answers, as JSON."""
    from .answers import Question, answer_text, model_answers

    def answer(request: Request) -> str:
        [chosen] = model_answers(generator, [Question(0, request.schema, request.prompt)], "loglik")
        return answer_text(chosen)

    for request in requests:
        answer(request)  # warm
    best = [float("inf")] * len(requests)
    outputs = [""] * len(requests)
    for _ in range(REPEATS):
        forget_prefix(generator)
        for i, request in enumerate(requests):
            seconds, output = _timed(lambda r=request: answer(r))
            best[i] = min(best[i], seconds)
            outputs[i] = output
    return best, outputs


def constrained_vs_unconstrained(generator, requests: Sequence[Request]) -> dict:
    """ms per output token through the pipeline's `generate_json` vs the same prompts and
    output lengths with no grammar, in alternating rounds; grammars compiled beforehand."""
    import outlines
    import torch

    free = outlines.Generator(generator.outlines_model)  # no output type: no logits processor
    lengths = []  # output tokens per request, EOS included, as the constrained decoding made them
    counter = _ForwardCounter(generator.model)
    try:
        for request in requests:
            generator._compiled(request.schema)  # compile outside the timed calls
            if generator.fast_forward:  # more tokens than forward passes: count them
                trace = generator.trace_json(request.prompt, request.schema, request.max_new_tokens)
                lengths.append(len(trace.token_ids))
            else:  # outlines' generator: one forward pass per token
                counter.calls = 0
                generator.generate_json([request.prompt], request.schema, request.max_new_tokens)
                lengths.append(counter.calls)
    finally:
        counter.remove()
    constrained = [float("inf")] * len(requests)
    unconstrained = [float("inf")] * len(requests)
    outputs = [""] * len(requests)
    for _ in range(REPEATS):  # the two sides take turns, a round each
        forget_prefix(generator)
        for i, request in enumerate(requests):
            seconds, output = _timed(lambda r=request: generator.generate_json([r.prompt], r.schema, r.max_new_tokens))
            constrained[i], outputs[i] = min(constrained[i], seconds), output[0]
        with torch.inference_mode():
            for i, request in enumerate(requests):
                seconds, _ = _timed(
                    lambda r=request, n=lengths[i]: free(r.prompt, max_new_tokens=n, min_new_tokens=n, do_sample=False)
                )
                unconstrained[i] = min(unconstrained[i], seconds)
    tokens = sum(lengths)
    return {
        "outputs": outputs,
        "output_tokens": tokens,
        "ms_per_token_constrained": ratio(1000 * sum(constrained), tokens),
        "ms_per_token_unconstrained": ratio(1000 * sum(unconstrained), tokens),
        "constrained_s": sum(constrained),
        "unconstrained_s": sum(unconstrained),
    }


def grammar_compile(generator, requests: Sequence[Request]) -> dict:
    """Seconds to build the grammar vocabulary (once per model) and each distinct schema's index."""
    generator._grammars.clear()
    generator._vocabulary = None
    schemas = {json.dumps(r.schema, sort_keys=True): r.schema for r in requests}
    first = second = None
    times = []
    for schema in schemas.values():
        seconds, _ = _timed(lambda s=schema: generator._compiled(s))
        if first is None:
            first = seconds
        else:
            times.append(seconds)
    if first is not None and not times:  # one schema: time an index build with the vocabulary built
        generator._grammars.clear()
        second, _ = _timed(lambda: generator._compiled(next(iter(schemas.values()))))
        times.append(second)
    return {
        "distinct_schemas": len(schemas),
        "first_compile_s": first,  # includes building the 49k-token grammar vocabulary
        "grammar_compile_ms": ratio(1000 * sum(times), len(times)),
        "compile_total_s": (first or 0.0) + sum(times) if len(schemas) > 1 else first,
        "grammar_compile_ms_outlines_default": _outlines_compile_ms(generator, list(schemas.values())),
    }


def _outlines_compile_ms(generator, schemas: list[dict]) -> float | None:
    """ms per schema the way outlines builds a grammar on its own, vocabulary rebuilt each time
    (what generate.py did before it kept the vocabulary): the before of that optimisation."""
    import outlines
    from outlines.types import JsonSchema

    times = [
        _timed(lambda s=schema: outlines.Generator(generator.outlines_model, JsonSchema(s, whitespace_pattern="")))[0]
        for schema in schemas
    ]
    return ratio(1000 * sum(times), len(times))


def traces(generator, requests: Sequence[Request], fast_forward: bool) -> dict:
    """Token-level decoding of every request: forced shares, forward passes, timing."""
    results = []
    started = time.perf_counter()
    for request in requests:
        results.append(generator.trace_json(request.prompt, request.schema, request.max_new_tokens, fast_forward))
    seconds = time.perf_counter() - started
    forced = [flag for trace in results for flag in trace.forced]
    single = [flag for trace in results for flag in trace.single]
    tokens = sum(len(trace.token_ids) for trace in results)
    passes = sum(trace.forward_passes for trace in results)
    return {
        "texts": [trace.text for trace in results],
        "output_tokens": tokens,
        "forward_passes": passes,
        "forced_tokens": sum(forced),
        "forced_token_share": share(forced),
        "forced_token_share_single_id": share(single),
        "seconds": seconds,
        "ms_per_token": ratio(1000 * seconds, tokens),
    }


def pipeline_throughput(
    generator, texts: dict[str, str], batch_size: int, options=None
) -> tuple[float, list[str], int]:
    """Seconds for the whole pipeline over `texts`, the briefs as JSON, generate_json calls;
    `options`: the decisions the model takes (its policy's; None: the pipeline's default)."""
    from .batching import summarise_batch
    from .pipeline import Options, RunStats, summarise_text

    options = options or Options()
    calls = _CallCounter(generator)
    generator._grammars.clear()  # a real run meets every schema new: compile inside the timing
    items = list(texts.values())
    started = time.perf_counter()
    if batch_size == 1:
        briefs = [summarise_text(text, calls, RunStats(), options) for text in items]
    else:
        briefs = []
        for start in range(0, len(items), batch_size):
            chunk = items[start : start + batch_size]
            briefs.extend(summarise_batch(chunk, calls, RunStats(), options, batch_size=batch_size))
    seconds = time.perf_counter() - started
    return seconds, [brief.model_dump_json() for brief in briefs], calls.calls


def interleaved_pipelines(runs: dict[str, tuple], texts: dict[str, str], options=None) -> dict[str, dict]:
    """Each labelled (generator, batch size) run REPEATS times, taking turns, so a burst of
    load from other processes falls on every configuration alike; the fastest round counts."""
    results: dict[str, dict] = {}
    for _ in range(REPEATS):
        for label, (generator, batch_size) in runs.items():
            seconds, briefs, calls = pipeline_throughput(generator, texts, batch_size, options)
            best = results.setdefault(label, {"seconds": seconds, "briefs": briefs, "calls": calls})
            best["seconds"] = min(best["seconds"], seconds)
            best["stable"] = best.get("stable", True) and best["briefs"] == briefs
    return results


class _CallCounter:
    """A generator wrapper counting generate_json calls."""

    def __init__(self, generator):
        self.name = getattr(generator, "name", "model")
        self._generator = generator
        self.calls = 0

    def chat_prompt(self, system: str, user: str) -> str:
        return self._generator.chat_prompt(system, user)

    def generate_json(self, prompts, schema, max_new_tokens):
        self.calls += 1
        return self._generator.generate_json(prompts, schema, max_new_tokens)

    def generate_requests(self, requests, batch_size=None):
        self.calls += 1
        return self._generator.generate_requests(requests, batch_size=batch_size)


# ---------------------------------------------------------------- backends


def bench_rules(texts: dict[str, str]) -> dict:
    """The rules-only baseline: no model; its one-off cost is spaCy loading on first use."""
    from .pipeline import summarise_text

    first_s, _ = _timed(lambda: summarise_text(next(iter(texts.values()))))
    seconds, _ = _timed(lambda: [summarise_text(text) for text in texts.values()])
    return {
        "first_article_s": first_s,
        "articles_per_min_batch_1": per_minute(len(texts), seconds),
        "seconds_per_article": ratio(seconds, len(texts)),
        "peak_rss_mb": peak_rss_mb(),
    }


def bench_llamacpp(texts: dict[str, str], model: str | None, threads: int | None, progress) -> dict:
    """The optional llama.cpp backend on the same GGUF: the same prompts, grammar and decoding,
    llama.cpp's kernels on the stored quantised weights."""
    from .generate import LlamaCppGenerator, default_model_path
    from .pipeline import analyse, summarise_text

    path = default_model_path() if model is None else Path(model).expanduser()
    progress("loading the model in llama.cpp")
    load_s, generator = _timed(lambda: LlamaCppGenerator(path, threads=threads))
    llm = generator.llm
    result: dict = {"model": str(path), "device": "cpu", "load_s": load_s}
    result["weight_bytes_per_token"] = path.stat().st_size
    summarise_text(next(iter(texts.values())))  # spaCy loaded before any timing
    analyses = {article_id: analyse(text) for article_id, text in texts.items()}
    requests = decision_requests(analyses, generator)
    result["decisions"] = len(requests)
    if not requests:
        result["note"] = "no article offered the model a decision; model measurements skipped"
        result["peak_rss_mb"] = peak_rss_mb()
        return result

    progress("llama.cpp: prefill and decode throughput")
    prompt_tokens = prefill_s = decode_s = 0.0
    for number, request in enumerate(requests):
        ids = generator._encode(request.prompt)

        def prefill(ids=ids) -> float:
            llm.n_tokens = 0
            return _timed(lambda: llm.eval(ids))[0]

        prefill_s += min(prefill() for _ in range(REPEATS))
        prompt_tokens += len(ids)
        if number < DECODE_PROMPTS:
            steps = []
            for _ in range(REPEATS):
                prefill()
                steps.append(sum(_timed(lambda t=token: llm.eval([t]))[0] for token in ids[:DECODE_STEPS]))
            decode_s += min(steps)
    decode_tokens = DECODE_STEPS * len(requests[:DECODE_PROMPTS])
    result["prefill_tok_s"] = ratio(prompt_tokens, prefill_s)
    result["decode_tok_s"] = ratio(decode_tokens, decode_s)

    progress("llama.cpp: decisions and pipeline")
    times, outputs = decision_rounds(generator, requests)
    result["ms_per_decision"] = ratio(1000 * sum(times), len(requests))
    result["decision_outputs"] = outputs
    forget_prefix(generator)
    traced = traces(generator, requests, fast_forward=True)
    result["forward_passes_per_output_token"] = ratio(traced["forward_passes"], traced["output_tokens"])
    result["forced_tokens_free"] = traced["forward_passes"] <= traced["output_tokens"] - traced["forced_tokens"]
    seconds = min(pipeline_throughput(generator, texts, 1)[0] for _ in range(REPEATS))
    result["articles_per_min_batch_1"] = per_minute(len(texts), seconds)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def bench_transformers(
    texts: dict[str, str],
    model: str | None,
    device: str,
    threads: int | None,
    experiments: bool,
    progress: Callable[[str], None],
    adapter: str | None = None,
) -> dict:
    import torch

    from .generate import TransformersGenerator, pick_device, resolve_adapter, resolve_model
    from .pipeline import Options, analyse, summarise_text
    from .policy import find_policy

    model_dir, gguf_file = resolve_model(model)
    progress("loading the model")
    resolved_device = pick_device(device)
    adapter_dir = resolve_adapter(adapter, model)
    load_s, generator = _timed(
        lambda: TransformersGenerator(model_dir, gguf_file, resolved_device, threads=threads, adapter=adapter_dir)
    )
    result: dict = {
        "model": str(model_dir / gguf_file) if gguf_file else str(model_dir),
        "device": generator.device,
        "torch_threads": torch.get_num_threads(),
        "attention": getattr(generator.model.config, "_attn_implementation", None),
        "weights_dtype": str(next(generator.model.parameters()).dtype).replace("torch.", ""),
        "options": {"quantize": generator.quantize, "fast_forward": generator.fast_forward},
        "load_s": load_s,
        "adapter": str(adapter_dir) if adapter_dir else None,
    }
    # warm the rules side (spaCy loads on first use) so pipeline timings hold no one-off load
    result["rules_first_article_s"], _ = _timed(lambda: summarise_text(next(iter(texts.values()))))
    analyses = {article_id: analyse(text) for article_id, text in texts.items()}
    requests = decision_requests(analyses, generator)
    result["decisions"] = len(requests)
    result["decisions_per_article"] = ratio(len(requests), len(texts))
    if not requests:
        result["note"] = "no article offered the model a decision; model measurements skipped"
        result["peak_rss_mb"] = peak_rss_mb()
        return result

    progress("first call (cold)")
    first = requests[0]
    result["first_call_s"], _ = _timed(
        lambda: generator.generate_json([first.prompt], first.schema, first.max_new_tokens)
    )
    result.update(grammar_compile(generator, requests))

    progress("prefill and decode throughput")
    result.update(speed(generator, requests))

    progress("constrained vs unconstrained")
    ab = constrained_vs_unconstrained(generator, requests)
    result["ms_per_token_constrained"] = ab["ms_per_token_constrained"]
    result["ms_per_token_unconstrained"] = ab["ms_per_token_unconstrained"]
    result["constraint_overhead"] = ratio(ab["constrained_s"], ab["unconstrained_s"])
    compile_s = (result["grammar_compile_ms"] or 0.0) / 1000 * result["distinct_schemas"]
    result["constraint_overhead_with_compile"] = ratio(ab["constrained_s"] + compile_s, ab["unconstrained_s"])
    result["output_tokens_per_article"] = ratio(ab["output_tokens"], len(texts))
    result["ms_per_decision"] = ratio(1000 * ab["constrained_s"], len(requests))
    result["decision_outputs"] = ab["outputs"]
    if hasattr(generator, "score_completions"):
        progress("log-likelihood choice")
        loglik_times, loglik_outputs = loglik_rounds(generator, requests)
        result["ms_per_decision_loglik"] = ratio(1000 * sum(loglik_times), len(requests))
        result["loglik_same_as_greedy"] = sum(
            json.loads(a) == json.loads(b) for a, b in zip(loglik_outputs, ab["outputs"], strict=True)
        )
    reference = generator.with_options(fast_forward=False)
    if generator.fast_forward:  # the grammar's own cost, one forward pass per token on both sides
        per_pass = constrained_vs_unconstrained(reference, requests)
    else:
        per_pass = ab
    result["constraint_overhead_per_pass"] = ratio(per_pass["constrained_s"], per_pass["unconstrained_s"])
    compile_before_s = (result["grammar_compile_ms_outlines_default"] or 0.0) / 1000 * result["distinct_schemas"]
    result["constraint_overhead_per_pass_with_compile_outlines_default"] = ratio(
        per_pass["constrained_s"] + compile_before_s, per_pass["unconstrained_s"]
    )

    progress("grammar-forced tokens")
    exact = traces(generator, requests, fast_forward=False)
    result["forced_token_share"] = exact["forced_token_share"]
    result["forced_token_share_single_id"] = exact["forced_token_share_single_id"]
    if generator.fast_forward:
        mine = traces(generator, requests, fast_forward=True)
        passes, tokens, forced = mine["forward_passes"], mine["output_tokens"], mine["forced_tokens"]
    else:  # outlines' generator: one forward pass per output token
        mine, passes, tokens, forced = exact, ab["output_tokens"], ab["output_tokens"], 0
    result["trace_matches_generate"] = sum(a == b for a, b in zip(mine["texts"], ab["outputs"], strict=True))
    result["forward_passes_per_article"] = ratio(passes, len(texts))
    result["forward_passes_per_output_token"] = ratio(passes, tokens)
    result["forced_token_share_default"] = ratio(forced, tokens)
    # free: no forced token took a pass of its own; every pass chose a token the grammar left open
    result["forced_tokens_free"] = passes < tokens and passes <= tokens - forced

    progress("decode at batch size 1 and 4")
    result.update(decode_batching(generator, requests[0]))

    progress("pipeline at batch size 1 and 4")
    runs = {"batch_1": (generator, 1), "batch_4": (generator, 4)}
    if experiments and generator.fast_forward:
        runs["reference_batch_1"] = (reference, 1)
    # the whole pipeline as `run` runs it: the model takes the decisions its policy gives it
    policy = find_policy(model, adapter_dir.name if adapter_dir is not None else None)
    options = Options(model_decides=policy.model_decides, choice=policy.choice, shots=policy.shots)
    result["policy_decides"] = sorted(options.model_decides)
    pipelines = interleaved_pipelines(runs, texts, options)
    batch_1, batch_4 = pipelines["batch_1"], pipelines["batch_4"]
    result["articles_per_min_batch_1"] = per_minute(len(texts), batch_1["seconds"])
    result["articles_per_min_batch_4"] = per_minute(len(texts), batch_4["seconds"])
    result["batch_speedup"] = ratio(batch_1["seconds"], batch_4["seconds"])
    result["batch_identical"] = batch_1["briefs"] == batch_4["briefs"]
    result["generate_calls_batch_1"] = batch_1["calls"]
    result["generate_calls_batch_4"] = batch_4["calls"]
    result["repeat_runs_identical"] = batch_1["stable"] and batch_4["stable"]
    result["peak_rss_mb"] = peak_rss_mb()

    if experiments:
        result["experiments"] = run_experiments(generator, requests, texts, pipelines, ab, per_pass, progress)
    progress("memory bandwidth")
    bandwidth = memory_bandwidth()
    result["memory_bandwidth_gb_s"] = bandwidth["best"] / 1e9
    result["memory_bandwidth_detail_gb_s"] = {k: v / 1e9 for k, v in bandwidth.items() if k != "best"}
    result["weight_bytes_per_token"] = weight_bytes_per_token(generator.model)
    result["roofline_decode_tok_s"] = roofline_tok_s(bandwidth["best"], result["weight_bytes_per_token"])
    result["roofline_share"] = roofline_share(
        result["decode_tok_s"], bandwidth["best"], result["weight_bytes_per_token"]
    )
    for variant in result.get("experiments", {}).values():
        if isinstance(variant, dict) and "weight_bytes_per_token" in variant:
            variant["roofline_share"] = roofline_share(
                variant.get("decode_tok_s"), bandwidth["best"], variant["weight_bytes_per_token"]
            )
    return result


def run_experiments(generator, requests, texts, pipelines, ab, reference_ab, progress) -> dict:
    """The CPU speed options of generate.py, each against the default on the same prompts."""
    import torch

    experiments: dict = {}
    sample = requests[:DECODE_PROMPTS]
    baseline = speed(generator, sample)

    if "reference_batch_1" in pipelines:
        progress("experiment: fast-forward (default) against one forward pass per token (outlines' generator)")
        reference = generator.with_options(fast_forward=False)
        before = traces(reference, requests, fast_forward=False)
        after = traces(generator, requests, fast_forward=True)
        seconds_ref, briefs_ref = pipelines["reference_batch_1"]["seconds"], pipelines["reference_batch_1"]["briefs"]
        seconds_1, briefs_1 = pipelines["batch_1"]["seconds"], pipelines["batch_1"]["briefs"]
        experiments["fast_forward"] = {
            "output_tokens": after["output_tokens"],
            "forward_passes": after["forward_passes"],
            "forward_passes_reference": before["forward_passes"],
            "ms_per_decision": ratio(1000 * after["seconds"], len(requests)),
            "ms_per_decision_reference": ratio(1000 * reference_ab["constrained_s"], len(requests)),
            "decisions_identical": sum(a == b for a, b in zip(after["texts"], before["texts"], strict=True)),
            "decisions": len(requests),
            "articles_per_min_reference": per_minute(len(texts), seconds_ref),
            "pipeline_speedup": ratio(seconds_ref, seconds_1),
            "briefs_identical": briefs_ref == briefs_1,
        }
        experiments["fast_forward"]["decision_speedup"] = ratio(
            experiments["fast_forward"]["ms_per_decision_reference"], experiments["fast_forward"]["ms_per_decision"]
        )

    progress("experiment: prompt-prefix KV cache kept between calls")
    cold = generator.with_options(reuse_prefix=False)
    kept_s = cold_s = 0.0
    same = True
    for _ in range(REPEATS):  # taking turns; the fastest round of each counts
        warm_run, cold_run = traces(generator, requests, True), traces(cold, requests, True)
        kept_s = min(kept_s or warm_run["seconds"], warm_run["seconds"])
        cold_s = min(cold_s or cold_run["seconds"], cold_run["seconds"])
        same = same and warm_run["texts"] == cold_run["texts"]
    experiments["prefix_cache"] = {
        "ms_per_decision": ratio(1000 * kept_s, len(requests)),
        "ms_per_decision_without": ratio(1000 * cold_s, len(requests)),
        "decision_speedup": ratio(cold_s, kept_s),
        "decisions_identical": same,
    }

    progress("experiment: int8 dynamic quantisation")
    int8 = generator.with_options(quantize="int8")
    int8_speed = speed(int8, sample)
    int8_times, int8_outputs = decision_rounds(int8, requests)
    int8_ab_s = sum(int8_times)
    experiments["int8_dynamic"] = {
        **int8_speed,
        "prefill_speedup": ratio(int8_speed["prefill_tok_s"], baseline["prefill_tok_s"]),
        "decode_speedup": ratio(int8_speed["decode_tok_s"], baseline["decode_tok_s"]),
        "decision_speedup": ratio(ab["constrained_s"], int8_ab_s),
        "decisions_identical": sum(a == b for a, b in zip(int8_outputs, ab["outputs"], strict=True)),
        "decisions": len(requests),
        "weight_bytes_per_token": weight_bytes_per_token(int8.model),
    }
    del int8

    progress("experiment: attention implementation")
    attention = getattr(generator.model.config, "_attn_implementation", None)
    if attention and hasattr(generator.model, "set_attn_implementation"):
        other = "eager" if attention != "eager" else "sdpa"
        try:
            generator.model.set_attn_implementation(other)
            other_speed = speed(generator, sample)
        finally:
            generator.model.set_attn_implementation(attention)
        experiments["attention"] = {
            "default": attention,
            "other": other,
            f"{attention}_prefill_tok_s": baseline["prefill_tok_s"],
            f"{attention}_decode_tok_s": baseline["decode_tok_s"],
            f"{other}_prefill_tok_s": other_speed["prefill_tok_s"],
            f"{other}_decode_tok_s": other_speed["decode_tok_s"],
        }

    progress("experiment: torch threads")
    threads_before = torch.get_num_threads()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    by_threads = {}
    try:
        for count in sorted({1, cores}):
            torch.set_num_threads(count)
            by_threads[str(count)] = speed(generator, sample)
    finally:
        torch.set_num_threads(threads_before)
    experiments["threads"] = {
        "default": threads_before,
        **{f"{n}_prefill_tok_s": s["prefill_tok_s"] for n, s in by_threads.items()},
        **{f"{n}_decode_tok_s": s["decode_tok_s"] for n, s in by_threads.items()},
    }

    progress("experiment: OpenMP wait policy (one fresh process per setting)")
    experiments["omp_wait_policy"] = wait_policy_experiment(generator, sample)
    return experiments


def wait_policy_experiment(generator, sample: Sequence[Request]) -> dict:
    """Prefill/decode speed with libgomp's threads spinning (ACTIVE) vs sleeping (PASSIVE).
    The policy is read when torch loads, so each setting runs in a fresh process, taking turns."""
    import subprocess
    import tempfile

    job = {
        "model": str(generator.model_dir / generator.gguf_file) if generator.gguf_file else str(generator.model_dir),
        "device": generator.device,
        "threads": generator.threads,
        "requests": [[r.article, r.prompt, r.schema, r.max_new_tokens] for r in sample],
    }
    results: dict[str, list[dict]] = {"ACTIVE": [], "PASSIVE": []}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(job, handle)
    try:
        for _ in range(REPEATS):
            for policy in results:
                completed = subprocess.run(
                    [sys.executable, "-c", "from summarizer.bench import _speed_child; _speed_child()", handle.name],
                    env={**os.environ, "OMP_WAIT_POLICY": policy},
                    capture_output=True,
                    text=True,
                    timeout=900,
                )
                if completed.returncode != 0:
                    return {"error": (completed.stderr.strip().splitlines() or ["child failed"])[-1]}
                results[policy].append(json.loads(completed.stdout.strip().splitlines()[-1]))
    finally:
        os.unlink(handle.name)
    summary = {}
    for policy, runs in results.items():
        summary[f"{policy.lower()}_prefill_tok_s"] = max(run["prefill_tok_s"] for run in runs)
        summary[f"{policy.lower()}_decode_tok_s"] = max(run["decode_tok_s"] for run in runs)
        summary[f"{policy.lower()}_load_average"] = [run["load_average"] for run in runs]
    summary["passive_over_active_prefill"] = ratio(summary["passive_prefill_tok_s"], summary["active_prefill_tok_s"])
    summary["passive_over_active_decode"] = ratio(summary["passive_decode_tok_s"], summary["active_decode_tok_s"])
    return summary


def _speed_child() -> None:
    """Entry point of `wait_policy_experiment`'s child process: prints one JSON line."""
    from .generate import TransformersGenerator, resolve_model

    job = json.loads(Path(sys.argv[1]).read_text("utf-8"))
    model_dir, gguf_file = resolve_model(job["model"])
    generator = TransformersGenerator(model_dir, gguf_file, job["device"], threads=job["threads"])
    measured = speed(generator, [Request(*item) for item in job["requests"]])
    measured["load_average"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    print(json.dumps(measured))


# ---------------------------------------------------------------- the command


def run_bench(
    articles: Path | Sequence[Path],
    backends: Sequence[str] = BENCH_BACKENDS,
    limit: int | None = None,
    model: str | None = None,
    device: str = "auto",
    threads: int | None = None,
    experiments: bool = True,
    progress: Callable[[str], None] = lambda message: None,
    adapter: str | None = "default",
) -> dict:
    unknown = [name for name in backends if name not in BENCH_BACKENDS]
    if unknown:
        raise SummariserError(f"unknown backend {unknown[0]!r}; choose from {', '.join(BENCH_BACKENDS)}")
    if limit is not None and limit < 1:
        raise InputError("--limit must be at least 1")
    found = read_articles(articles, limit)
    texts = dict(found)
    result: dict = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["summarise", *sys.argv[1:]]) if sys.argv else "summarise bench",
        "machine": machine_facts(),
        "articles": {
            "source": str(articles) if isinstance(articles, Path) else [str(path) for path in articles],
            "count": len(texts),
            "ids": list(texts),
        },
        "backends": {},
        "definitions": DEFINITIONS,
    }
    # rules first: its peak memory is read before the model is in the process
    for name in sorted(backends, key=lambda n: n != "rules"):
        progress(f"backend {name}")
        if name == "rules":
            result["backends"][name] = bench_rules(texts)
        elif name == "llamacpp":
            result["backends"][name] = bench_llamacpp(texts, model, threads, progress)
        else:
            result["backends"][name] = bench_transformers(texts, model, device, threads, experiments, progress, adapter)
    progress("time to first brief (fresh processes)")
    first_brief = time_to_first_brief(found[0][1], list(result["backends"]), model)
    for name, seconds in first_brief.items():
        result["backends"][name]["time_to_first_brief_s"] = seconds
        if "rules" in first_brief:
            result["backends"][name]["time_to_first_brief_vs_rules"] = ratio(seconds, first_brief["rules"])
    llama, torch_side = result["backends"].get("llamacpp"), result["backends"].get("transformers")
    if llama and "decode_tok_s" in llama:
        bandwidth = torch_side.get("memory_bandwidth_gb_s") if torch_side else None
        if bandwidth is None:
            bandwidth = memory_bandwidth()["best"] / 1e9
        llama["roofline_share"] = roofline_share(
            llama["decode_tok_s"], bandwidth * 1e9, llama["weight_bytes_per_token"]
        )
        if torch_side and "ms_per_decision" in torch_side:
            llama["decision_speedup_vs_transformers"] = ratio(torch_side["ms_per_decision"], llama["ms_per_decision"])
            llama["pipeline_speedup_vs_transformers"] = ratio(
                llama["articles_per_min_batch_1"], torch_side["articles_per_min_batch_1"]
            )
            llama["decisions_identical_to_transformers"] = sum(
                a == b for a, b in zip(llama["decision_outputs"], torch_side["decision_outputs"], strict=True)
            )
    if "transformers" in backends:
        import torch

        result["machine"]["torch"] = torch.__version__
        result["machine"]["torch_threads"] = torch.get_num_threads()
        result["machine"]["device"] = result["backends"]["transformers"]["device"]
    result["machine"]["load_average_end"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    for package in ("transformers", "outlines", "outlines_core"):
        try:
            from importlib.metadata import version

            result["machine"][package] = version(package)
        except Exception:  # a missing distribution name only leaves the fact out
            pass
    return rounded(result)


def time_to_first_brief(text: str, backends: Sequence[str], model: str | None, repeats: int = 2) -> dict:
    """Seconds from the start of a fresh `summarise run` process to its exit with one brief,
    per backend (min of `repeats`, backends taking turns); a backend whose run fails is left out."""
    import subprocess
    import tempfile

    times: dict[str, list[float]] = {name: [] for name in backends}
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "first.txt"
        article.write_text(text, "utf-8")
        for _ in range(repeats):
            for name in backends:
                command = [sys.executable, "-m", "summarizer", "run", str(article), "--backend", name, "--quiet"]
                if model is not None and name != "rules":
                    command += ["--model", str(model)]
                started = time.perf_counter()
                completed = subprocess.run(command, capture_output=True, timeout=900)
                if completed.returncode == 0 and completed.stdout.strip():
                    times[name].append(time.perf_counter() - started)
    return {name: min(values) for name, values in times.items() if values}


SUMMARY_FIELDS = (
    "time_to_first_brief_s",
    "time_to_first_brief_vs_rules",
    "load_s",
    "prefill_tok_s",
    "decode_tok_s",
    "ms_per_token_constrained",
    "ms_per_token_unconstrained",
    "constraint_overhead",
    "constraint_overhead_with_compile",
    "constraint_overhead_per_pass",
    "forced_token_share",
    "forced_token_share_single_id",
    "forced_tokens_free",
    "forward_passes_per_output_token",
    "output_tokens_per_article",
    "articles_per_min_batch_1",
    "articles_per_min_batch_4",
    "batch_speedup",
    "batch_identical",
    "decode_batch_speedup",
    "ms_per_decision",
    "ms_per_decision_loglik",
    "decision_speedup_vs_transformers",
    "peak_rss_mb",
    "memory_bandwidth_gb_s",
    "roofline_share",
)


def summary_rows(result: dict) -> list[tuple[str, ...]]:
    """(field, value per backend) rows for the printed table."""
    backends = result["backends"]

    def cell(value) -> str:
        if value is None:
            return "-"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, float):
            return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
        return str(value)

    return [
        (field, *(cell(backends[name].get(field)) for name in backends))
        for field in SUMMARY_FIELDS
        if any(field in backends[name] for name in backends)
    ]


def write_result(result: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    partial.replace(out)
