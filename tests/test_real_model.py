"""The real default model through the real constrained decoder (slow; run in CI)."""

import json

import pytest

from summarizer.brief import Brief

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
    brief = summariser.summarise(text)
    assert summariser.stats.model_decisions == before + 1, "two sources in one sentence: one model decision"
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
