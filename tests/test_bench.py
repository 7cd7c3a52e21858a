"""The bench's arithmetic and plumbing without timing assertions; the model only where marked."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.batching import summarise_batch
from summarizer.bench import (
    per_minute,
    ratio,
    read_articles,
    roofline_share,
    roofline_tok_s,
    rounded,
    run_bench,
    share,
    summary_rows,
)
from summarizer.cli import app
from summarizer.errors import InputError, SummariserError
from summarizer.pipeline import summarise_text

ARTICLES = Path(__file__).resolve().parent.parent / "eval" / "articles"


def test_ratio_handles_missing_and_zero():
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(None, 2.0) is None
    assert ratio(1.0, 0) is None
    assert ratio(1.0, None) is None


def test_share_and_per_minute():
    assert share([True, False, True, True]) == 0.75
    assert share([]) is None
    assert per_minute(5, 30.0) == 10.0
    assert per_minute(5, 0.0) is None


def test_roofline_arithmetic():
    # 10 GB/s over 500 MB of weights per token allows 20 tokens/s; measuring 5 is a quarter of it
    assert roofline_tok_s(10e9, 500e6) == pytest.approx(20.0)
    assert roofline_share(5.0, 10e9, 500e6) == pytest.approx(0.25)
    assert roofline_share(None, 10e9, 500e6) is None


def test_rounded_is_recursive_and_leaves_other_types():
    assert rounded({"a": [1.234567, {"b": 2.0000001}], "c": True, "d": "x"}, 2) == {
        "a": [1.23, {"b": 2.0}],
        "c": True,
        "d": "x",
    }


def test_summary_rows_show_every_backend_and_mark_missing_fields():
    result = {
        "backends": {
            "rules": {"articles_per_min_batch_1": 300.0, "peak_rss_mb": 400.5},
            "transformers": {"load_s": 26.2, "articles_per_min_batch_1": 8.5, "batch_identical": True},
        }
    }
    rows = {row[0]: row[1:] for row in summary_rows(result)}
    assert rows["load_s"] == ("-", "26.2")
    assert rows["articles_per_min_batch_1"] == ("300", "8.5")
    assert rows["batch_identical"] == ("-", "yes")
    assert "roofline_share" not in rows  # no backend measured it


def test_weight_bytes_count_tied_storage_once_and_one_row_of_an_untied_embedding():
    torch = pytest.importorskip("torch")
    from summarizer.bench import weight_bytes_per_token

    class Tiny(torch.nn.Module):
        def __init__(self, tied: bool):
            super().__init__()
            self.embed = torch.nn.Embedding(100, 8)
            self.head = torch.nn.Linear(8, 100, bias=False)
            if tied:
                self.head.weight = self.embed.weight

        def get_input_embeddings(self):
            return self.embed

        def get_output_embeddings(self):
            return self.head

    table = 100 * 8 * 4
    assert weight_bytes_per_token(Tiny(tied=True)) == table  # lm_head reads the shared table once
    assert weight_bytes_per_token(Tiny(tied=False)) == table + 8 * 4  # head + one looked-up row


def test_read_articles_limits_and_refuses_a_missing_directory(tmp_path):
    assert len(read_articles(ARTICLES, 2)) == 2
    with pytest.raises(InputError):
        read_articles(tmp_path / "nope", None)


def test_batched_decisions_give_the_same_briefs_as_one_article_at_a_time(fake_generator):
    texts = [path.read_text("utf-8") for path in sorted(ARTICLES.glob("*.txt"))[:3]]
    one_by_one = [summarise_text(text, fake_generator).model_dump_json() for text in texts]
    calls_one_by_one = len(fake_generator.calls)
    fake_generator.calls.clear()
    batched = [brief.model_dump_json() for brief in summarise_batch(texts, fake_generator)]
    assert batched == one_by_one
    assert len(fake_generator.calls) <= calls_one_by_one  # pooled per schema across articles


def test_rules_only_bench_writes_its_fields(tmp_path):
    result = run_bench(ARTICLES, backends=["rules"], limit=1)
    rules = result["backends"]["rules"]
    assert rules["articles_per_min_batch_1"] > 0
    assert rules["peak_rss_mb"] > 0
    assert result["machine"]["logical_cores"] >= 1
    assert result["articles"]["count"] == 1
    assert rules["time_to_first_brief_s"] > 0  # a fresh process ran and wrote a brief
    assert rules["time_to_first_brief_vs_rules"] == 1.0


def test_unknown_backend_is_a_user_error():
    with pytest.raises(SummariserError):
        run_bench(ARTICLES, backends=["llama"], limit=1)


def test_bench_command_writes_json_and_prints_a_table(tmp_path):
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(
        app, ["bench", "--out", str(out), "--articles", str(ARTICLES), "--backend", "rules", "--limit", "1"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["backends"]["rules"]["articles_per_min_batch_1"] > 0
    assert "articles_per_min_batch_1" in result.stdout


def test_bench_command_error_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["bench", "--out", str(tmp_path / "b.json"), "--articles", str(tmp_path / "x")])
    assert result.exit_code != 0
    assert "articles not found" in result.output
    assert "Traceback" not in result.output


@pytest.mark.real_model
def test_fast_forward_takes_fewer_passes_and_stays_in_the_schema():
    from summarizer.generate import load_generator

    generator = load_generator()
    assert generator.fast_forward, "grammar-fixed text is free by default"
    schema = {"type": "object", "properties": {"source": {"enum": ["Red Cross", "police", "not stated"]}},
              "required": ["source"], "additionalProperties": False}  # fmt: skip
    prompt = generator.chat_prompt("Answer in JSON.", "Who reported it? 'Police said two died.'")
    exact = generator.trace_json(prompt, schema, 24, fast_forward=False)
    assert exact.forward_passes == len(exact.token_ids)  # one pass per token
    assert exact.text == generator.with_options(fast_forward=False).generate_json([prompt], schema, 24)[0]
    assert sum(exact.forced) > sum(exact.single) > 0  # keys and punctuation are fixed text
    for _ in range(2):  # the second call reuses the shared prompt prefix's KV cache
        trace = generator.trace_json(prompt, schema, 24)
        assert json.loads(trace.text)["source"] in schema["properties"]["source"]["enum"]
        assert trace.forward_passes < len(trace.token_ids) - sum(trace.forced) + 1
        assert generator.generate_json([prompt], schema, 24) == [trace.text]


@pytest.mark.real_model
def test_a_batch_of_mixed_schemas_decodes_as_each_prompt_alone():
    from summarizer.generate import load_generator

    generator = load_generator()
    place = {"type": "object", "properties": {"category": {"enum": ["killed", "injured"]},
             "source": {"enum": ["Red Cross", "police", "not stated"]}},
             "required": ["category", "source"], "additionalProperties": False}  # fmt: skip
    who = {"type": "object", "properties": {"source": {"enum": ["the governor", "a local monitor"]}},
           "required": ["source"], "additionalProperties": False}  # fmt: skip
    stories = [
        "Police said two died when a bus overturned near the river crossing late on Sunday.",
        "The Red Cross said 14 were hurt.",
        "A local monitor reported that 9 people were killed in the shelling, while the governor spoke of 5.",
        "Officials said 3 people were injured.",
        "Rescuers pulled 11 bodies from the rubble, police and the Red Cross said on Tuesday morning.",
    ]
    requests = [
        (generator.chat_prompt("Answer in JSON.", f"Sentence: {story}\nWho reported it?"), schema, 48)
        for story, schema in zip(stories, [place, place, who, place, place], strict=True)
    ]
    alone = generator.generate_requests(requests, batch_size=1)
    together = generator.generate_requests(requests, batch_size=4)  # unequal lengths: padded rows
    assert together == alone
    for (_, schema, _), output in zip(requests, together, strict=True):
        answer = json.loads(output)
        assert set(answer) == set(schema["properties"])
        assert all(answer[key] in prop["enum"] for key, prop in schema["properties"].items())
