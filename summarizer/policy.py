"""Which decision kinds a model takes, chosen by measurement.

The rules rank every figure's grounded options; where they are unsure, a model may choose
among them. Whether that helps depends on the model, so each model has a policy: the kinds
it decides. A model is given a kind only where it measured better than (or equal to) the
rules on corpus **train**.

The default model, SmolLM2-135M-Instruct without an adapter, on corpus train (33 real
reports, 2026-12-02, runs of the same code): deciding both kinds, source accuracy 0.730
against 0.757 for the rules, toll F1 0.882 both, toll_strict 0.853 against 0.846. Its
source choices lose, so it leaves sources to the rules; categories stay with it (no loss
measured). With this policy it is asked 0 to 2 times per split: the briefs equal the
rules' (see the README's eval table). Any other model keeps both kinds: a user who passes a
stronger `--model` wants it used, and `summarise eval` shows what it does.
"""

from __future__ import annotations

from .pipeline import DECISION_KINDS

DEFAULT_MODEL_DECIDES = frozenset({"category"})


def model_decides(model: object) -> frozenset[str]:
    """The decision kinds `model` (None: the default model) takes."""
    return DEFAULT_MODEL_DECIDES if model is None else DECISION_KINDS
