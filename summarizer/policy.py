"""Which decision kinds a model takes, and how it chooses, chosen by measurement.

The rules rank every figure's grounded options; where they are unsure, a model may choose
among them. Whether that helps depends on the model, so each model has a policy: a JSON file
written by `summarise calibrate`, which measured each decision kind for that model against
the rules on labelled gold (corpus **train**). A kind goes to the model only where the model
was at least as accurate as the rules on at least `min_decisions` judged decisions.

Policies are looked up by the model file's name, in the user's policy directory
(`<cache>/policies`, where `summarise calibrate` writes by default) and then among the
policies shipped with the package (summarizer/policies/); a policy whose recorded SHA-256
differs from the file's is not used. A model with no policy gets the safe default: the rules
decide everything, and a one-line note says to run `summarise calibrate`.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .answers import CHOICE_METHODS
from .pipeline import DECISION_KINDS

MIN_DECISIONS = 30  # judged decisions a kind needs before the model may take it (fewer cannot tell a
# small model from the rules: 17 on corpus train gave sources to the default model by one decision,
# and dev lost .125 of source accuracy)
POLICY_FORMAT = 1


@dataclass(frozen=True)
class Policy:
    """What a model decides and how: the kinds it takes, the choice method, the shots."""

    model_decides: frozenset[str] = frozenset()
    choice: str = "greedy"
    shots: int = 0
    origin: str = "safe default"  # where it came from: a policy file, or the safe default
    note: str | None = None  # a line for the user (no policy, or a policy for another file)


def model_file(model: str | os.PathLike | None) -> Path:
    """The model's file (a .gguf) or directory, the default model's for None."""
    from .generate import default_model_path

    return default_model_path() if model is None else Path(model).expanduser()


@cache
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_hash(path: Path) -> str | None:
    """SHA-256 of a model file (of config.json for a model directory); None if unreadable."""
    target = path / "config.json" if path.is_dir() else path
    try:
        facts = target.stat()
        return _sha256(str(target.resolve()), facts.st_size, facts.st_mtime_ns)
    except OSError:
        return None


def user_policy_dir() -> Path:
    from .generate import cache_root

    return cache_root() / "policies"


def policy_name(path: Path) -> str:
    return f"{path.name}.json"


def _candidates(name: str) -> list[tuple[str, str]]:
    """(origin, text) of each policy file for `name`: the user's first, then the shipped one."""
    found = []
    user = user_policy_dir() / name
    if user.is_file():
        found.append((str(user), user.read_text("utf-8")))
    shipped = resources.files("summarizer").joinpath("policies", name)
    if shipped.is_file():
        found.append((f"summarizer/policies/{name}", shipped.read_text("utf-8")))
    return found


def find_policy(model: str | os.PathLike | None, adapter: str | None = None) -> Policy:
    """The measured policy of `model` (None: the default model) with the adapter named
    `adapter` loaded (None: no adapter), or the safe default. A policy holds only for the
    weights it was measured on: another file, or the model with another adapter or none,
    gets the safe default and a note."""
    try:
        path = model_file(model)
    except Exception:  # the model itself is missing: loading it will say so
        return Policy(note=None)
    name = policy_name(path)
    hint = f"run `summarise calibrate --model {path}` to measure which decisions it takes"
    mismatched = None
    for origin, text in _candidates(name):
        try:
            data = json.loads(text)
            policy = policy_from_json(data, origin)
        except (ValueError, KeyError, TypeError) as exc:
            return Policy(note=f"note: policy {origin} is unreadable ({exc}); the rules decide everything; {hint}")
        recorded = data.get("model_sha256")
        if recorded and recorded != model_hash(path):
            mismatched = origin
            continue
        measured_with = data.get("adapter")
        if measured_with != adapter:
            with_what = f"with the adapter {measured_with}" if measured_with else "without an adapter"
            loaded = f"the adapter {adapter}" if adapter else "no adapter"
            return Policy(
                note=f"note: policy {origin} was measured {with_what}, and {loaded} is loaded; "
                f"the rules decide everything; {hint}"
            )
        return policy
    if mismatched:
        return Policy(
            note=f"note: policy {mismatched} was measured on another {path.name}; the rules decide everything; {hint}"
        )
    return Policy(note=f"note: no decision policy for {path.name}; the rules decide everything; {hint}")


def policy_from_json(data: dict, origin: str) -> Policy:
    kinds = data["kinds"]
    decides = frozenset(kind for kind, entry in kinds.items() if entry["decider"] == "model")
    choice, shots = data["choice"], int(data["shots"])
    if not decides <= DECISION_KINDS or choice not in CHOICE_METHODS or shots < 0:
        raise ValueError("unknown decision kind, choice method or shots")
    return Policy(model_decides=decides, choice=choice, shots=shots, origin=origin)


# --- calibrate's choice rule ------------------------------------------------------------------


def decider(judged: int, rules_accuracy: float | None, model_accuracy: float | None, minimum: int) -> str:
    """ "model" where it measured at least as accurate as the rules on at least `minimum`
    judged decisions; else "rules" (too few decisions is no evidence)."""
    if judged < minimum or rules_accuracy is None or model_accuracy is None:
        return "rules"
    return "model" if model_accuracy >= rules_accuracy else "rules"


def with_deciders(kinds: dict, minimum: int) -> dict:
    """Each kind's measurement with its decider added."""
    return {
        kind: {**entry, "decider": decider(entry["judged"], entry["rules_accuracy"], entry["model_accuracy"], minimum)}
        for kind, entry in kinds.items()
    }


def gain(kinds: dict) -> float:
    """Decisions won over the rules by a variant's policy (kinds it gives the model only)."""
    return sum(
        (entry["model_accuracy"] - entry["rules_accuracy"]) * entry["judged"]
        for entry in kinds.values()
        if entry["decider"] == "model"
    )


def choose_variant(variants: list[dict]) -> dict:
    """The measured variant (choice method, shots) whose policy wins the most decisions over
    the rules; on a tie, the one listed first (cheapest first: greedy, no shots)."""
    return max(enumerate(variants), key=lambda item: (round(gain(item[1]["kinds"]), 9), -item[0]))[1]
