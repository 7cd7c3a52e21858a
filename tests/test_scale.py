"""Robustness at scale: kill and resume with the real CLI, shards, formats, timeouts,
long and hostile input, and properties of the candidate finder on any string."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from summarizer.candidates import find_figures, find_sources, split_sentences
from summarizer.cli import app
from summarizer.pipeline import summarise_text
from summarizer.runner import in_shard, parse_shard

ARTICLES = Path(__file__).resolve().parent.parent / "eval" / "articles"
runner = CliRunner()
STORY = "Gunmen killed 7 villagers in Lakeside on Friday, police said.\n"


def _corpus(folder: Path, copies: int) -> list[str]:
    seeds = sorted(ARTICLES.glob("*.txt"))
    ids = []
    for number in range(copies):
        seed = seeds[number % len(seeds)]
        article_id = f"copy{number:04d}_{seed.stem[:3]}"
        (folder / f"{article_id}.txt").write_text(seed.read_text("utf-8"), "utf-8")
        ids.append(article_id)
    return ids


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "summarizer", *args]


def test_kill_mid_run_leaves_whole_lines_and_resume_finishes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    ids = _corpus(corpus, 60)
    out = tmp_path / "briefs.jsonl"
    command = _cli("run", str(corpus), "--out", str(out), "--backend", "rules", "--quiet")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or len(out.read_bytes().splitlines()) < 5):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    written = out.read_bytes().splitlines()
    assert 5 <= len(written) < len(ids), "the kill landed mid-run"
    complete = [line for line in out.read_bytes().split(b"\n")[:-1]]
    for line in complete:
        json.loads(line)  # every whole line parses
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted(ids)  # nothing lost, nothing twice
    assert all("toll" in r for r in records)


def test_shards_partition_the_ids():
    ids = [f"article-{n}" for n in range(300)]
    parts = [[i for i in ids if in_shard(i, (k, 4))] for k in range(1, 5)]
    assert sorted(sum(parts, [])) == sorted(ids)
    assert all(40 < len(part) < 110 for part in parts)
    assert parse_shard("2/4") == (2, 4)
    for bad in ("0/4", "5/4", "x"):
        with pytest.raises(Exception, match="--shard"):
            parse_shard(bad)


def test_shard_option_on_the_cli(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    ids = _corpus(corpus, 12)
    seen = []
    for k in (1, 2, 3):
        out = tmp_path / f"part{k}.jsonl"
        result = runner.invoke(
            app, ["run", str(corpus), "--backend", "rules", "--quiet", "--shard", f"{k}/3", "--out", str(out)]
        )
        assert result.exit_code == 0, result.output
        seen += [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(seen) == sorted(ids)


def test_duplicate_ids_are_reported_not_overwritten(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text("\n".join(json.dumps({"id": "same", "text": STORY}) for _ in range(2)) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(data), "--backend", "rules", "--out", str(out)])
    assert result.exit_code == 0
    assert "duplicate id 'same'" in result.output
    assert len(out.read_text().splitlines()) == 1


def test_csv_parquet_and_saved_dataset_inputs(tmp_path):
    import datasets
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = {"doc": ["a1", "a2"], "body": [STORY, "Nine miners were injured, the company said.\n"]}
    csv_path = tmp_path / "in.csv"
    import csv

    with csv_path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc", "body"])
        writer.writerows(zip(rows["doc"], rows["body"], strict=True))
    pq.write_table(pa.table(rows), tmp_path / "in.parquet")
    datasets.Dataset.from_dict(rows).save_to_disk(str(tmp_path / "saved"))
    for source in ("in.csv", "in.parquet", "saved"):
        result = runner.invoke(
            app,
            [
                "run",
                str(tmp_path / source),
                "--backend",
                "rules",
                "--quiet",
                "--text-column",
                "body",
                "--id-column",
                "doc",
            ],
        )
        assert result.exit_code == 0, (source, result.output)
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["id"] for r in records] == ["a1", "a2"], source
        assert records[1]["toll"][0]["category"] == "injured"


def test_html_page_is_converted_and_spans_refer_to_its_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><nav>Home | World</nav><article><h1>Bus attack</h1>"
        "<p>At least 14 passengers were killed when gunmen attacked a bus near Oruvale, police said.</p>"
        "</article><aside>Related: Storm kills 300</aside></body></html>"
    )
    result = runner.invoke(app, ["run", str(page), "--backend", "rules", "--quiet"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    figure = record["toll"][0]
    assert figure["count"] == 14 and figure["qualifier"] == "at_least"
    assert record["text"][figure["evidence_span"][0] : figure["evidence_span"][1]] == figure["evidence"]


def test_recursive_glob(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text(STORY)
    (tmp_path / "top.txt").write_text(STORY)
    result = runner.invoke(app, ["run", str(tmp_path), "--backend", "rules", "--quiet", "--glob", "**/*.txt"])
    assert sorted(json.loads(line)["id"] for line in result.stdout.splitlines()) == ["deep", "top"]


def test_timeout_fails_the_article_and_the_run_goes_on(tmp_path, monkeypatch):
    from summarizer import runner as runner_module

    class Slow:
        def summarise(self, text, id=None):
            if "slow" in text:
                time.sleep(5)
            return summarise_text(text)

    data = [
        runner_module.Article("slow", "slow " + STORY),
        runner_module.Article("fast", STORY),
    ]
    out = tmp_path / "o.jsonl"
    tally = runner_module.run_articles(Slow(), data, out, timeout=0.5)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert "timed out" in lines[0]["error"] and "toll" in lines[1]
    assert tally.failed == 1 and tally.done == 1


def test_long_article_completes_with_spans_into_the_original():
    paragraph = (
        "The storm flooded the lower town of Mirel, the regional government said. "
        "Officials said 23 people were killed and 140 injured in the district. "
    )
    text = "Storm floods Mirel\n" + "\n".join(paragraph for _ in range(1400)) + "\n"
    assert len(text) > 200_000
    brief = summarise_text(text)
    assert brief.spans_match(text) == []
    assert {(f.category, f.count) for f in brief.toll} == {("killed", 23), ("injured", 140)}


def test_numbers_unrelated_to_casualties_give_no_toll():
    text = (
        "The market index rose 3.2 percent to 14,500 points on Monday. "
        "Exports reached 2 million tonnes in 2023, up from 1.7 million, and 45 companies listed shares.\n"
    )
    assert summarise_text(text).toll == []


def test_non_english_text_gives_a_valid_brief():
    text = "Au moins 12 personnes ont été tuées lors d'une attaque, selon la police.\n"
    brief = summarise_text(text)
    assert brief.spans_match(text) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=400))
def test_candidates_never_crash_and_spans_stay_inside(text):
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    for figure in find_figures(text, sentences):
        start, end = figure.evidence_span
        assert 0 <= start <= end <= len(text)
        assert 0 <= figure.number_span[0] < figure.number_span[1] <= len(text)
    for mention in find_sources(text, sentences):
        assert text[mention.start : mention.end] == mention.name


casualty_words = st.sampled_from(
    ["killed", "injured", "dead", "wounded", "arrested", "missing", "said", "according to"]
)
numberish = st.sampled_from(["3", "at least 12", "more than 1,000", "twenty-one", "between 4 and 9", "dozens"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(casualty_words, numberish, st.text(max_size=12)), max_size=30))
def test_any_brief_is_grounded(parts):
    text = " ".join(parts)
    if not text.strip():
        return
    brief = summarise_text(text)
    assert brief.spans_match(text) == []
    for figure in brief.toll:
        assert figure.evidence in text


def test_count_inputs_for_the_eta(tmp_path):
    from summarizer.inputs import count_inputs

    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY)
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "x", "text": STORY}) + "\n\n" + json.dumps({"id": "y", "text": STORY}) + "\n")
    assert count_inputs([str(tmp_path)]) == 2
    assert count_inputs([str(tmp_path), str(data)]) == 4
    assert count_inputs(["-"]) is None


def test_a_file_over_50_mb_is_a_one_line_error_and_the_run_goes_on(tmp_path):
    (tmp_path / "a_huge.txt").write_bytes(b"Five people were killed. " * (51 * 1024 * 1024 // 25 + 1))
    (tmp_path / "b_small.txt").write_text(STORY)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(tmp_path), "--backend", "rules", "--quiet", "--out", str(out)])
    assert result.exit_code == 1
    huge, small = (json.loads(line) for line in out.read_text().splitlines())
    assert "limit" in huge["error"] and "\n" not in huge["error"]
    assert small["toll"][0]["count"] == 7


class _MixedFake:
    """A fake model that decodes mixed schemas in one call, as the real generator does."""

    name = "fake"

    def __init__(self):
        self.pooled_calls = []

    def chat_prompt(self, system, user):
        return f"{system}\n{user}"

    def generate_json(self, prompts, schema, max_new_tokens):
        answer = {key: prop["enum"][-1] for key, prop in schema["properties"].items()}
        return [json.dumps(answer) for _ in prompts]

    def generate_requests(self, requests, batch_size=None):
        self.pooled_calls.append((len(requests), batch_size))
        return [self.generate_json([prompt], schema, limit)[0] for prompt, schema, limit in requests]


def _fake_summariser():
    from summarizer import Summariser
    from summarizer.pipeline import DECISION_KINDS, Options

    # every decision kind open to the fake model, whatever the default model's policy
    summariser = Summariser(backend="rules", options=Options(model_decides=DECISION_KINDS))
    summariser.backend, summariser.generator = "transformers", _MixedFake()
    return summariser


def test_batched_run_writes_the_same_lines_in_input_order(tmp_path):
    from summarizer import runner as runner_module

    dev = sorted((ARTICLES.parent / "dev" / "articles").glob("*.txt"))[:6]
    data = [runner_module.Article(path.stem, path.read_text("utf-8")) for path in dev]
    data.insert(2, runner_module.Article("unreadable", None, error="binary file, not text"))
    data.insert(4, runner_module.Article("empty", "   "))  # fails inside the batch: retried alone
    outputs = {}
    for size in (1, 3):
        summariser = _fake_summariser()
        out = tmp_path / f"batch{size}.jsonl"
        tally = runner_module.run_articles(summariser, data, out, batch_size=size)
        outputs[size] = out.read_text().splitlines()
        assert (tally.done, tally.failed) == (6, 2)
        assert [json.loads(line)["id"] for line in outputs[size]] == [a.id for a in data]
        if size > 1:
            assert summariser.generator.pooled_calls, "the model's decisions went through the pooled path"
    assert outputs[1] == outputs[3]


def test_summarise_many_batches_give_the_briefs_of_summarise():
    summariser = _fake_summariser()
    texts = [path.read_text("utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    alone = [summariser.summarise(text, id=f"a{i}").model_dump_json() for i, text in enumerate(texts)]
    many = summariser.summarise_many(texts, batch_size=4, ids=[f"a{i}" for i in range(len(texts))])
    assert [brief.model_dump_json() for brief in many] == alone
    assert [n for n, _ in summariser.generator.pooled_calls] and all(
        size == 4 for _, size in summariser.generator.pooled_calls
    )
