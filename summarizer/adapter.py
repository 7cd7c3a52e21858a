"""`summarise train`: a LoRA adapter of the default model, taught the decisions of `train.py`.

Beside `generate.py`, the only module importing torch and peft (imported lazily by the CLI).

Cost on a 2-core CPU decides the design. LoRA is put on the attention projections of the top
`layers` decoder layers only, so the layers below never change: each example's hidden state
entering the first trained layer is computed once, before training, and every step runs the
top layers alone. The loss is the answer's tokens (the JSON the constrained decoder writes),
each example's answer tokenised as inference feeds it: the prompt's ids, then the answer's.
Examples go one at a time (no padding), gradients accumulated over `batch` of them; the
order is shuffled by `seed`, and torch is seeded, so a run is reproducible on one machine.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import InputError, ModelLoadError
from .generate import _COMPLETE, _GrammarWalk, converted_model_dir, load_generator, resolve_model
from .train import DecisionExample

ADAPTER_REPORT = "training.json"
TARGET_MODULES = ("q_proj", "k_proj", "v_proj", "o_proj")


class _Prompter(_GrammarWalk):
    """The chat prompt exactly as the generator writes it, from the tokenizer alone."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer


def load_base(model: str | os.PathLike | None = None):
    """(fp32 model, tokenizer) of `model` (default: SmolLM2), fresh (not the generator's)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model_dir, gguf_file = resolve_model(model)
    cached = converted_model_dir(model_dir, gguf_file)
    if gguf_file is not None and (cached is None or not (cached / _COMPLETE).is_file()):
        load_generator(model, "cpu")  # converts the GGUF once and saves it as safetensors
        cached = converted_model_dir(model_dir, gguf_file)
    source = cached if cached is not None and (cached / _COMPLETE).is_file() else model_dir
    kwargs = {"gguf_file": gguf_file} if source == model_dir and gguf_file else {}
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
        network = AutoModelForCausalLM.from_pretrained(source, dtype=torch.float32, **kwargs)
    except Exception as exc:
        raise ModelLoadError(f"cannot load model from {source}: {str(exc).splitlines()[0]}") from exc
    return network.to("cpu"), tokenizer


def chat_prompter(tokenizer) -> Callable[[str, str], str]:
    return _Prompter(tokenizer).chat_prompt


def train_adapter(
    examples: Sequence[DecisionExample],
    out: Path,
    network,
    tokenizer,
    seed: int = 0,
    epochs: int = 3,
    rank: int = 8,
    lr: float = 1e-3,
    layers: int = 8,
    batch: int = 4,
    threads: int = 1,
    base_name: str = "",
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Train a LoRA adapter on `examples`, save it to `out`, return what was done."""
    import torch

    if not examples:
        raise InputError("no training examples: the gold gives no decision the model is asked")
    say = progress or (lambda line: None)
    random.seed(seed)
    torch.manual_seed(seed)
    # one thread: on a busy 2-core machine two threads spin against each other (measured ~10x
    # slower); the thread count does not change the result beyond float rounding
    threads_before = torch.get_num_threads()
    torch.set_num_threads(max(1, threads))
    try:
        return _train(examples, out, network, tokenizer, seed, epochs, rank, lr, layers, batch, base_name, say)
    finally:
        torch.set_num_threads(threads_before)


def _train(examples, out, network, tokenizer, seed, epochs, rank, lr, layers, batch, base_name, say) -> dict:
    import torch
    from peft import LoraConfig, get_peft_model

    started = time.perf_counter()
    depth = network.config.num_hidden_layers
    first = max(0, depth - layers)
    encoded = [_encode(tokenizer, example) for example in examples]
    say(f"{len(encoded)} examples, {sum(len(ids) for ids, _ in encoded)} tokens; caching layer {first} inputs ...")
    network.eval()
    with torch.inference_mode():
        entering = [_hidden_entering(network, ids, first) for ids, _ in encoded]
    config = LoraConfig(
        r=rank,
        lora_alpha=2 * rank,
        lora_dropout=0.0,
        target_modules=list(TARGET_MODULES),
        layers_to_transform=list(range(first, depth)),
        bias="none",
        task_type="CAUSAL_LM",
    )
    peft_model = get_peft_model(network, config)
    peft_model.train()
    trainable = [p for p in peft_model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=lr, weight_decay=0.0)
    order = list(range(len(encoded)))
    steps_per_epoch = (len(order) + batch - 1) // batch
    total_steps = epochs * steps_per_epoch
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda step: 1.0 - step / max(1, total_steps))
    losses: list[float] = []
    step = 0
    for epoch in range(epochs):
        random.shuffle(order)
        epoch_loss, epoch_tokens = 0.0, 0
        for start in range(0, len(order), batch):
            chunk = order[start : start + batch]
            answer_tokens = sum(len(encoded[i][0]) - encoded[i][1] for i in chunk)
            optimiser.zero_grad()
            chunk_loss = 0.0
            for i in chunk:
                ids, prompt_length = encoded[i]
                loss = _answer_loss(peft_model, entering[i], ids, prompt_length, first)
                (loss / answer_tokens).backward()
                chunk_loss += float(loss.detach())
            optimiser.step()
            schedule.step()
            step += 1
            epoch_loss += chunk_loss
            epoch_tokens += answer_tokens
            if step % 5 == 0 or step == total_steps:
                say(
                    f"step {step}/{total_steps} epoch {epoch + 1} loss {chunk_loss / answer_tokens:.4f} "
                    f"elapsed {time.perf_counter() - started:.0f}s"
                )
        losses.append(epoch_loss / max(1, epoch_tokens))
        say(f"epoch {epoch + 1}/{epochs}: mean answer-token loss {losses[-1]:.4f}")
    seconds = time.perf_counter() - started
    out.mkdir(parents=True, exist_ok=True)
    peft_model.peft_config["default"].base_model_name_or_path = base_name or None
    peft_model.save_pretrained(out)
    report = {
        "base_model": base_name,
        "examples": len(encoded),
        "seed": seed,
        "epochs": epochs,
        "rank": rank,
        "lr": lr,
        "layers": [first, depth - 1],
        "batch": batch,
        "steps": total_steps,
        "epoch_loss": [round(loss, 5) for loss in losses],
        "seconds": round(seconds, 1),
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
    }
    (out / ADAPTER_REPORT).write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return report


def _encode(tokenizer, example: DecisionExample) -> tuple[list[int], int]:
    """(prompt ids + answer ids, prompt length): the prompt as the generator tokenises it."""
    prompt = tokenizer(example.prompt).input_ids
    answer = tokenizer(example.answer, add_special_tokens=False).input_ids
    return prompt + answer, len(prompt)


def _hidden_entering(network, ids: list[int], layer: int):
    """The hidden state entering decoder layer `layer` (fixed: nothing below it is trained)."""
    import torch

    output = network(input_ids=torch.tensor([ids]), output_hidden_states=True, use_cache=False, logits_to_keep=1)
    return output.hidden_states[layer].detach().clone()


def _answer_loss(peft_model, hidden, ids: list[int], prompt_length: int, first: int):
    """Summed cross-entropy of the answer tokens, running decoder layers `first`.. only."""
    import torch

    inner = peft_model.get_base_model().model
    positions = torch.arange(len(ids))[None]
    embeddings = inner.rotary_emb(hidden, position_ids=positions)
    state = hidden
    for layer in inner.layers[first:]:
        # no mask: one unpadded sequence, and attention is causal without one
        state = layer(state, attention_mask=None, position_ids=positions, position_embeddings=embeddings)
    state = inner.norm(state)
    # the logits at position t predict token t + 1: the answer's tokens from the prompt's last
    logits = peft_model.get_base_model().lm_head(state[0, prompt_length - 1 : len(ids) - 1])
    targets = torch.tensor(ids[prompt_length:])
    return torch.nn.functional.cross_entropy(logits, targets, reduction="sum")


def answer_logits_check(network, tokenizer, example: DecisionExample, first: int) -> float:
    """Largest difference between the answer-token logits of the full model and of the split
    forward pass `_answer_loss` uses (a self-check: it must be ~0)."""
    import torch

    ids, prompt_length = _encode(tokenizer, example)
    with torch.inference_mode():
        full = network(input_ids=torch.tensor([ids]), use_cache=False).logits[0, prompt_length - 1 : len(ids) - 1]
        hidden = _hidden_entering(network, ids, first)
        inner = network.model
        positions = torch.arange(len(ids))[None]
        embeddings = inner.rotary_emb(hidden, position_ids=positions)
        state = hidden
        for layer in inner.layers[first:]:
            state = layer(state, attention_mask=None, position_ids=positions, position_embeddings=embeddings)
        split = network.lm_head(inner.norm(state)[0, prompt_length - 1 : len(ids) - 1])
    return float((full - split).abs().max())
