"""Resume re-validates every existing line of --out (rules backend, no model)."""

import json

from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()
STORIES = {
    "a": "Gunmen killed 7 villagers in Lakeside on Friday, police said.\n",
    "b": "A storm injured 12 fishermen near Port Alder on Sunday, officials said.\n",
    "c": "Police arrested 30 protesters in Eastbridge on Monday, witnesses said.\n",
}


def run(*args):
    return runner.invoke(app, ["run", "--backend", "rules", "--quiet", *args])


def corpus(tmp_path, stories=STORIES):
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name, text in stories.items():
        (folder / f"{name}.txt").write_text(text)
    return folder


def records(out):
    return [json.loads(line) for line in out.read_text("utf-8").split("\n") if line]


def test_a_complete_last_line_without_newline_is_kept(tmp_path):
    folder, out = corpus(tmp_path), tmp_path / "out.jsonl"
    assert run(str(folder), "--out", str(out)).exit_code == 0
    first = out.read_bytes().split(b"\n")[0]
    out.write_bytes(first)  # a's whole line, no newline
    result = run(str(folder), "--out", str(out))
    assert result.exit_code == 0
    assert out.read_bytes().endswith(b"\n")
    assert [r["id"] for r in records(out)] == ["a", "b", "c"]
    assert out.read_bytes().split(b"\n")[0] == first


def test_a_corrupt_middle_line_is_reported_and_its_article_redone(tmp_path):
    folder, out = corpus(tmp_path), tmp_path / "out.jsonl"
    run(str(folder), "--out", str(out))
    lines = out.read_bytes().split(b"\n")
    lines[1] = lines[1][:25] + b"\x00garbage"
    out.write_bytes(b"\n".join(lines))
    result = run(str(folder), "--out", str(out))
    assert result.exit_code == 0
    assert "line 2" in result.output and "redone" in result.output
    assert sorted(r["id"] for r in records(out)) == ["a", "b", "c"]
    assert all("toll" in r for r in records(out))


def test_a_file_that_is_not_jsonl_is_refused_and_left_alone(tmp_path):
    folder, out = corpus(tmp_path), tmp_path / "notes.txt"
    out.write_text("my thesis, chapter 1\nplease do not delete\n")
    result = run(str(folder), "--out", str(out))
    assert result.exit_code == 2 and "not a briefs JSONL file" in result.output
    assert out.read_text() == "my thesis, chapter 1\nplease do not delete\n"


def test_failed_articles_are_retried(tmp_path):
    folder, out = corpus(tmp_path, {**STORIES, "b": "   \n"}), tmp_path / "out.jsonl"
    assert run(str(folder), "--out", str(out)).exit_code == 1
    (folder / "b.txt").write_text(STORIES["b"])  # fixed since
    result = run(str(folder), "--out", str(out))
    assert result.exit_code == 0
    got = records(out)
    assert sorted(r["id"] for r in got) == ["a", "b", "c"] and all("error" not in r for r in got)


def test_jsonl_without_ids_resumes_by_content_after_the_input_changed(tmp_path):
    data, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    data.write_text(json.dumps({"text": STORIES["a"]}) + "\n" + json.dumps({"text": STORIES["b"]}) + "\n")
    assert run(str(data), "--out", str(out)).exit_code == 0
    # a record inserted at the top: line numbers shift, the texts do not
    data.write_text("\n".join(json.dumps({"text": STORIES[k]}) for k in ("c", "a", "b")) + "\n")
    assert run(str(data), "--out", str(out)).exit_code == 0
    from summarizer.inputs import content_id

    text_of = {content_id("in", text): text for text in STORIES.values()}
    got = records(out)
    assert sorted(r["id"] for r in got) == sorted(text_of)
    for record in got:  # every brief's evidence is in the text its id names
        assert record["toll"][0]["evidence"] in text_of[record["id"]]


def test_repeated_lines_from_an_old_double_run_are_dropped(tmp_path):
    folder, out = corpus(tmp_path), tmp_path / "out.jsonl"
    run(str(folder), "--out", str(out))
    out.write_bytes(out.read_bytes() * 2)
    assert run(str(folder), "--out", str(out)).exit_code == 0
    assert [r["id"] for r in records(out)] == ["a", "b", "c"]
