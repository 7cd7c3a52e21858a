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
    before = summariser.stats.model_decisions
    summariser.summarise(text)
    # the default model's policy (policy.py) leaves sources to the rules: it is not asked
    assert summariser.stats.model_decisions == before
    stats = RunStats()
    brief = summarise_text(text, summariser.generator, stats, Options(model_decides=DECISION_KINDS))
    assert stats.model_decisions == 1, "two sources in one sentence, sources open to the model: one decision"
    [figure] = brief.toll
    assert figure.source in ("Interior Ministry", "Hill Monitor")
    assert brief.spans_match(text) == []


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
