"""The real default model through the real constrained decoder (slow; run in CI)."""

import json

import pytest

from summarizer.brief import Brief
from summarizer.pipeline import DECISION_KINDS, Options, RunStats, summarise_text

pytestmark = pytest.mark.real_model


@pytest.fixture(scope="module")
def summariser():
    from summarizer import Summariser

    return Summariser()


def test_real_model_brief_on_a_seed(summariser, seed_text):
    brief = summariser.summarise(seed_text, id="seed")
    Brief.model_validate_json(brief.model_dump_json())
    assert brief.spans_match(seed_text) == []
    assert brief.toll, "the seed reports casualty figures"
    for figure in brief.toll:
        assert seed_text[figure.evidence_span[0] : figure.evidence_span[1]] == figure.evidence


def test_real_model_decides_an_ambiguous_source(summariser):
    text = (
        "Clashes in the hills\n"
        "The Hill Monitor said fighting continued on Monday. The Interior Ministry said 5 rebels were "
        "killed, the Hill Monitor added.\n"
    )
    from summarizer.policy import find_policy

    # the default model runs by its shipped policy (summarizer/policies/)
    policy = find_policy(None, summariser.adapter.name)  # measured with the shipped adapter
    assert policy.note is None and policy.origin.startswith("summarizer/policies/")
    assert (summariser.options.model_decides, summariser.options.choice) == (policy.model_decides, policy.choice)
    before = summariser.stats.model_decisions
    brief = summariser.summarise(text)
    asked = 1 if "source" in policy.model_decides else 0  # two sources in one sentence: one decision
    by_kind = {"role": brief.who, "place_type": brief.where, "source_type": brief.attribution}
    asked += sum(len(items) for kind, items in by_kind.items() if kind in policy.model_decides)  # one per item
    assert summariser.stats.model_decisions == before + asked
    stats = RunStats()
    greedy = summarise_text(text, summariser.generator, stats, Options(model_decides=DECISION_KINDS))
    # every kind to the model: the one open source, and the role or type of every entity
    items = [*greedy.who, *greedy.where, *greedy.attribution]
    assert len(greedy.attribution) == 2
    assert stats.model_decisions == 1 + len(items)
    assert all(item.decided_by == "model" for item in items)
    for kind, kept in by_kind.items():
        assert all(item.decided_by == ("model" if kind in policy.model_decides else "rules") for item in kept)
    for figure in (*brief.toll, *greedy.toll):
        assert figure.source in ("Interior Ministry", "Hill Monitor")
    assert brief.spans_match(text) == [] and greedy.spans_match(text) == []


def test_real_model_loglik_scores_every_option_once_from_the_prompt_cache(summariser):
    """Log-likelihood choice through the real model on a sentence written for this test: the
    scores from the forked KV cache equal those of scoring each option with its whole prompt,
    and the choice is one of the grammar's options."""
    import torch

    from summarizer.answers import Question, answer_text, grammar_answers, model_answers
    from summarizer.pipeline import Options

    generator = summariser.generator
    prompt = generator.chat_prompt(
        "You read news reports about violent events and answer with JSON only.",
        'Sentence: "Three fishermen drowned off the cape, the coast guard said, while the mayor spoke of four."\n'
        'Figure: "Three"\nWho reported this figure? Choose one of: the coast guard; the mayor; not stated.',
    )
    schema = {"type": "object", "properties": {"source": {"enum": ["the coast guard", "the mayor", "not stated"]}},
              "required": ["source"], "additionalProperties": False}  # fmt: skip
    options = [answer_text(answer) for answer in grammar_answers(schema)]
    scored = generator.score_completions(prompt, options)
    again = generator.score_completions(prompt, options)  # from the kept prefix cache this time
    prompt_ids = generator.tokenizer(prompt).input_ids
    with torch.inference_mode():
        for option, (total, tokens) in zip(options, scored, strict=True):
            option_ids = generator._encode(option)
            logits = generator.model(input_ids=torch.tensor([prompt_ids + option_ids])).logits[0].float()
            steps = torch.log_softmax(logits, dim=-1)[len(prompt_ids) - 1 : -1]
            reference = float(steps.gather(1, torch.tensor(option_ids)[:, None]).sum())
            assert tokens == len(option_ids)
            assert abs(total - reference) < 1e-3 * max(1.0, abs(reference))
    assert [round(a[0], 3) for a in again] == [round(s[0], 3) for s in scored]
    [answer] = model_answers(generator, [Question(0, schema, prompt)], "loglik")
    assert answer["source"] in schema["properties"]["source"]["enum"]
    assert Options().choice == "greedy"  # the pipeline's own default; policies choose loglik


def test_real_constrained_decoder_obeys_the_schema(summariser):
    generator = summariser.generator
    schema = {"type": "object", "properties": {"source": {"enum": ["Red Cross", "police", "not stated"]}},
              "required": ["source"], "additionalProperties": False}  # fmt: skip
    prompt = generator.chat_prompt("Answer in JSON.", "Who reported it? 'Police said two died.'")
    [output] = generator.generate_json([prompt], schema, max_new_tokens=24)
    assert json.loads(output)["source"] in schema["properties"]["source"]["enum"]
    assert " " not in output.replace("Red Cross", "").replace("not stated", "")  # compact JSON


def test_llamacpp_backend_decodes_within_the_schema():
    pytest.importorskip("llama_cpp")  # optional extra: pip install '.[llamacpp]'
    from summarizer.generate import load_llamacpp

    generator = load_llamacpp()
    schema = {"type": "object", "properties": {"category": {"enum": ["killed", "injured"]},
              "source": {"enum": ["Red Cross", "police", "not stated"]}},
              "required": ["category", "source"], "additionalProperties": False}  # fmt: skip
    prompt = generator.chat_prompt("Answer in JSON.", "Sentence: Police said two died.\nWhat happened, who said it?")
    for _ in range(2):  # the second call starts from the prompt prefix left in llama.cpp's cache
        trace = generator.trace_json(prompt, schema, 48)
        answer = json.loads(trace.text)
        assert answer["category"] in ("killed", "injured") and answer["source"] in ("Red Cross", "police", "not stated")
        assert trace.forward_passes <= len(trace.token_ids) - sum(trace.forced)
