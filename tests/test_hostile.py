"""Hostile input through the CLI and the API: one clear line, never a traceback, nothing lost.
All with the rules backend (no model)."""

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from summarizer import inputs
from summarizer.api import Summariser, summarise
from summarizer.cli import app
from summarizer.errors import InputError, InternalError, SummariserError

runner = CliRunner()
STORY = "Gunmen killed 7 villagers in Lakeside on Friday, police said.\n"
OTHER = "A storm injured 12 fishermen near Port Alder on Sunday, officials said.\n"


def run(*args, input=None):
    return runner.invoke(app, ["run", "--backend", "rules", "--quiet", *args], input=input)


def cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "summarizer", *args], capture_output=True, timeout=120, **kwargs)


def lines_of(path):
    return [json.loads(line) for line in path.read_text("utf-8").split("\n") if line]


# --- class 1: one article never stops the run --------------------------------------------


class Exploding:
    """A summariser whose pipeline fails like a bug would on one article."""

    def summarise(self, text, id=None):
        if "boom" in text:
            raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")
        return Summariser(backend="rules").summarise(text, id=id)

    def summarise_many(self, texts, batch_size=4, ids=None):
        return [self.summarise(t, i) for t, i in zip(texts, ids, strict=True)]


@pytest.mark.parametrize("batch_size", [1, 3])
def test_an_unexpected_exception_costs_only_its_article(tmp_path, batch_size):
    from summarizer.inputs import Article
    from summarizer.runner import run_articles

    articles = [Article("a", STORY), Article("b", "boom " + STORY), Article("c", OTHER)]
    out = tmp_path / "out.jsonl"
    tally = run_articles(Exploding(), articles, out, batch_size=batch_size)
    records = lines_of(out)
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert "internal error (ValueError" in records[1]["error"] and "toll" in records[2]
    assert (tally.done, tally.failed) == (2, 1)


def test_a_huge_number_and_a_lone_surrogate_do_not_stop_the_run(tmp_path):
    data = tmp_path / "in.jsonl"
    records = [
        '{"id": "digits", "text": "Officials said ' + "9" * 5000 + ' people were killed."}',
        '{"id": "surrogate-text", "text": "Gunmen killed 7 people \\ud800 in Lakeside."}',
        '{"id": "surrogate-id-\\udc00", "text": "Gunmen killed 8 people in Lakeside, police said."}',
        json.dumps({"id": "good", "text": STORY}),
    ]
    data.write_text("\n".join(records) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    result = run(str(data), "--out", str(out))
    assert result.exit_code == 1 and "Traceback" not in result.output
    got = {r["id"]: r for r in lines_of(out)}
    assert set(got) == {"digits", "surrogate-text", "surrogate-id-\\udc00", "good"}
    assert "error" not in got["digits"] and got["digits"]["toll"] == []  # no count of 5,000 digits
    assert "surrogate" in got["surrogate-text"]["error"]
    assert got["surrogate-id-\\udc00"]["toll"][0]["count"] == 8
    assert got["good"]["toll"][0]["count"] == 7


def test_a_file_name_that_is_not_utf8(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(STORY.encode())
    result = cli("run", "--backend", "rules", "--quiet", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "caf\\xe9"


def test_a_damaged_parquet_file_is_one_line(tmp_path):
    bad = tmp_path / "data.parquet"
    bad.write_bytes(b"PAR1" + b"\x00garbage" * 50 + b"PAR1")
    result = run(str(bad))
    assert result.exit_code == 2 and "not a readable Parquet file" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "text",
    [
        "(" * 25_000,
        "Gunmen killed 7 people " + "(" * 25_000 + " police said.",
        "word " * 1_000,
        "Gunmen attacked. " + "7 killed, " * 4_000 + "police said.",
        "See https://example.org/" + "a" * 3_000 + " where 5 people were killed, police said.",
    ],
)
def test_pathological_text_is_read_not_refused(text):
    # long sentences and long runs without a space are analysed in bounded windows
    brief = Summariser(backend="rules").summarise(text)
    assert brief.spans_match(text) == []


@pytest.mark.parametrize("text", ["twelve " * 15_000, "Gunmen killed 7 people. " * 5_000])
def test_an_article_over_the_limit_is_refused_before_analysis(text):
    with pytest.raises(InputError, match="characters; the limit"):
        Summariser(backend="rules").summarise(text)


def test_the_limits_leave_real_articles_alone(seed_text):
    assert inputs.article_problem(seed_text) is None


# --- class 2: bounded reads, no hangs -----------------------------------------------------


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = cli("run", "--backend", "rules", "--quiet", str(fifo))  # would block forever if opened
    assert result.returncode == 1
    assert "not a regular file" in json.loads(result.stdout)["error"]
    fifo_jsonl = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo_jsonl)
    result = cli("run", "--backend", "rules", "--quiet", str(fifo_jsonl))
    assert result.returncode == 2 and b"not a regular file" in result.stderr


def test_a_device_is_refused_and_endless_stdin_is_read_bounded(monkeypatch):
    result = cli("run", "--backend", "rules", "--quiet", "/dev/zero")
    assert result.returncode == 1 and "not a regular file" in json.loads(result.stdout)["error"]
    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 1000)

    class Endless:
        read_bytes = 0

        def read(self, size):
            self.read_bytes += size
            return b"a" * size

    endless = Endless()
    raw, error = inputs.read_bounded(endless, "stdin")
    assert raw is None and "limit is 1,000" in error and endless.read_bytes <= 1001


def test_out_dev_stdout_into_a_pipe_does_not_hang(tmp_path):
    story = tmp_path / "a.txt"
    story.write_text(STORY)
    command = f"{sys.executable} -m summarizer run --backend rules --quiet {story} --out /dev/stdout | cat"
    result = subprocess.run(command, shell=True, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "a"


# --- class 4: output paths, checked before any model loads --------------------------------


def test_output_path_errors_are_one_line_before_the_model(tmp_path, monkeypatch):
    import summarizer.api as api

    def no_model(*args, **kwargs):
        raise AssertionError("the model must not load before the output is checked")

    monkeypatch.setattr(api, "Summariser", no_model)
    story = tmp_path / "a.txt"
    story.write_text(STORY)
    result = runner.invoke(app, ["run", str(story), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.output
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        result = runner.invoke(app, ["run", str(story), "--out", str(locked / "out.jsonl")])
        assert result.exit_code == 2 and "cannot write" in result.output
    finally:
        locked.chmod(0o700)


def test_dev_null_and_a_full_disk(tmp_path):
    story = tmp_path / "a.txt"
    story.write_text(STORY)
    result = cli("run", "--backend", "rules", "--quiet", str(story), "--out", "/dev/null")
    assert result.returncode == 0, result.stderr
    result = cli("run", "--backend", "rules", "--quiet", str(story), "--out", "/dev/full")
    assert result.returncode == 2 and b"No space left" in result.stderr and b"Traceback" not in result.stderr


# --- class 5: input quirks ----------------------------------------------------------------


def test_csv_with_a_bom_keeps_its_first_column(tmp_path):
    data = tmp_path / "in.csv"
    data.write_bytes('\ufeffid,text\nx1,"Gunmen killed 7 villagers in Lakeside, police said."\n'.encode())
    result = run(str(data))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "x1"


def test_a_latin1_csv_is_refused(tmp_path):
    data = tmp_path / "in.csv"
    data.write_bytes("id,text\nx1,caf\xe9 attack killed 7 people\n".encode("latin-1"))
    result = run(str(data))
    assert result.exit_code == 2 and "not UTF-8" in result.output and "\ufffd" not in result.output


def test_null_and_missing_ids_are_keyed_on_the_text(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": None, "text": STORY}) + "\n" + json.dumps({"text": OTHER}) + "\n")
    result = run(str(data))
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert "None" not in ids and all(i.startswith("in:") for i in ids) and len(set(ids)) == 2


@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf", "-inf"])
def test_bad_timeouts_are_one_line(tmp_path, value):
    story = tmp_path / "a.txt"
    story.write_text(STORY)
    result = run(str(story), "--timeout", value)
    assert result.exit_code == 2 and "--timeout" in result.output and "Traceback" not in result.output


def test_shards_are_one_based():
    result = run("-", "--shard", "0/8", input=STORY)
    assert result.exit_code == 2 and "numbered from 1" in result.output


# --- class 7: views and the API -----------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u0085", "\u000b", "\u001c"])
def test_report_and_events_keep_ids_with_unicode_line_separators(tmp_path, separator):
    data = tmp_path / "in.jsonl"
    data.write_text(
        json.dumps({"id": f"a{separator}b", "text": STORY}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "c", "text": OTHER}) + "\n", "utf-8"
    )  # fmt: skip
    briefs = tmp_path / "briefs.jsonl"
    assert run(str(data), "--out", str(briefs)).exit_code == 0
    result = runner.invoke(app, ["events", str(briefs), "--articles", str(data)])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    assert sorted(i for event in events for i in event["article_ids"]) == sorted([f"a{separator}b", "c"])
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(briefs), "--articles", str(data), "--out", str(page)])
    assert result.exit_code == 0 and "2 articles" in result.output


def test_eval_predictions_that_are_binary_is_one_line(tmp_path):
    gold, articles = tmp_path / "gold.jsonl", tmp_path / "articles"
    articles.mkdir()
    gold.write_text("")
    predictions = tmp_path / "p.jsonl"
    predictions.write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(
        app, ["eval", "--gold", str(gold), "--articles", str(articles), "--out", str(tmp_path / "o"),
              "--predictions", str(predictions)]
    )  # fmt: skip
    assert result.exit_code == 2 and "binary" in result.output and "Traceback" not in result.output


def test_the_api_raises_only_its_own_errors(monkeypatch):
    import summarizer.api as api

    def no_model(*args, **kwargs):
        raise AssertionError("summarise(None) must refuse before loading the model")

    monkeypatch.setattr(api, "_DEFAULT", None)
    monkeypatch.setattr(api, "Summariser", no_model)
    with pytest.raises(InputError):
        summarise(None)
    with pytest.raises(InputError):
        summarise("Gunmen killed 7 people \ud800 in Lakeside.")
    rules = Summariser(backend="rules")
    monkeypatch.setattr(api, "summarise_text", lambda *a, **k: int("9" * 5000))
    with pytest.raises(InternalError):
        rules.summarise(STORY)


def test_summarise_many_sets_ids():
    briefs = Summariser(backend="rules").summarise_many([STORY, OTHER])
    assert [brief.id for brief in briefs] == ["0", "1"]
    briefs = Summariser(backend="rules").summarise_many([STORY], ids=["mine"])
    assert briefs[0].id == "mine"


def test_help_has_no_type_artefacts():
    result = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "200"})
    assert "INPUT..." in result.output
    for artefact in ("{inputs}", "<bool>", "<list[str]>", "<str>", "<path>"):
        assert artefact not in result.output


# --- the whole CLI on arbitrary text and bytes --------------------------------------------


def _check_output(result, records_text: str, texts: dict[str, str]) -> None:
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    for line in records_text.split("\n"):
        if not line:
            continue
        record = json.loads(line)
        assert isinstance(record["id"], str)
        if "error" in record:
            continue
        text = texts[record["id"]]
        for entity in record["who"] + record["where"] + record["attribution"]:
            for start, end in entity["mentions"]:
                assert text[start:end].casefold() in {n.casefold() for n in [entity["name"], *entity["aliases"]]}
        for figure in record["toll"]:
            start, end = figure["evidence_span"]
            assert text[start:end] == figure["evidence"]


_words = st.sampled_from(
    ["killed", "7", "twelve", "injured", "police said", "Lakeside", "according to", "(", ")", "1,200",
     "at least", "were", "people", "wounded", ".", ",", "\n", "\u2028", "Gunmen", "in", "the", "é", "\U0001f600"]
)  # fmt: skip
_story = st.one_of(st.text(max_size=300), st.lists(_words, max_size=60).map(" ".join))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_story, min_size=1, max_size=3))
def test_any_text_through_the_cli(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("jsonl")
    data = folder / "in.jsonl"
    records = [{"id": f"t{number}", "text": text} for number, text in enumerate(texts)]
    data.write_text("\n".join(json.dumps(record) for record in records) + "\n", "utf-8")
    out = folder / "out.jsonl"
    result = run(str(data), "--out", str(out))
    _check_output(result, out.read_text("utf-8"), {r["id"]: r["text"] for r in records})
    assert len(lines_of(out)) == len(texts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".html"]))
def test_any_bytes_through_the_cli(tmp_path_factory, raw, suffix):
    folder = tmp_path_factory.mktemp("bytes")
    data = folder / f"in{suffix}"
    data.write_bytes(raw)
    out = folder / "out.jsonl"
    result = run(str(data), "--out", str(out))
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output and len(result.output.strip().split("\n")) <= 1
    if result.exit_code != 2 and out.exists():
        text = raw.decode("utf-8-sig", errors="replace")
        for line in out.read_text("utf-8").split("\n"):
            if line:
                record = json.loads(line)
                if "error" not in record and suffix == ".txt":
                    _check_output(result, line, {record["id"]: text})


def test_two_runs_on_one_output_do_not_both_write(tmp_path):
    from summarizer.output import BriefsOutput

    out = tmp_path / "out.jsonl"
    first = BriefsOutput(out)
    try:
        with pytest.raises(SummariserError, match="another run"):
            BriefsOutput(out)
        story = tmp_path / "a.txt"
        story.write_text(STORY)
        result = run(str(story), "--out", str(out))
        assert result.exit_code == 2 and "another run" in result.output
    finally:
        first.close()
    assert not (tmp_path / "out.jsonl.lock").exists()
    result = run(str(tmp_path / "a.txt"), "--out", str(out))
    assert result.exit_code == 0 and len(lines_of(out)) == 1
