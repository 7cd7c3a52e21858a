"""Every line `summarise run` writes validates against `summarise schema` (rules backend)."""

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from summarizer.brief import LINE_SCHEMA_ID, SCHEMA_VERSION
from summarizer.cli import app
from summarizer.language import language_note

runner = CliRunner()

STORY = "Gunmen killed 7 villagers in Lakeside on Friday, police said. Twelve others were wounded, officials said.\n"
PAGE = (
    "<html><head><title>Attack</title></head><body><nav>Home | World</nav><article>"
    "<p>Gunmen killed 7 villagers in Lakeside on Friday, police said after the attack on the market.</p>"
    "<p>Twelve other people were wounded in the attack, a hospital official told reporters.</p>"
    "</article></body></html>"
)
GERMAN = (
    "Bewaffnete Männer haben am Freitag in einem Dorf sieben Menschen getötet, teilte die Polizei mit. "
    "Zwölf weitere wurden nach Angaben der Behörden verletzt.\n"
)


def schema() -> dict:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    return json.loads(result.stdout)


def run_lines(tmp_path) -> list[dict]:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "german.txt").write_text(GERMAN)
    out = tmp_path / "out.jsonl"
    inputs = [str(tmp_path / name) for name in ("story.txt", "page.html", "empty.txt", "german.txt")]
    result = runner.invoke(app, ["run", "--backend", "rules", "--quiet", *inputs, "--out", str(out)])
    assert result.exit_code == 1  # the empty article failed
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def test_schema_has_an_id_and_a_version():
    printed = schema()
    assert printed["$id"] == LINE_SCHEMA_ID and printed["version"] == SCHEMA_VERSION
    jsonschema.Draft202012Validator.check_schema(printed)


def test_every_kind_of_run_line_validates(tmp_path):
    validator = jsonschema.Draft202012Validator(schema())
    lines = run_lines(tmp_path)
    by_id = {line["id"]: line for line in lines}
    assert set(by_id) == {"story", "page", "empty", "german"}
    assert "error" in by_id["empty"]  # an error line
    assert isinstance(by_id["page"].get("text"), str)  # an HTML line carries its text
    assert by_id["story"]["toll"]  # a brief line with figures
    for line in lines:
        errors = sorted(validator.iter_errors(line), key=str)
        assert not errors, f"{line['id']}: {errors[0].message}"
        assert line["schema_version"] == SCHEMA_VERSION
        assert line["tool_version"]
        assert line["model"] == {"backend": "rules", "name": "rules", "sha256": None}


def test_schema_rejects_what_is_not_a_line(tmp_path):
    validator = jsonschema.Draft202012Validator(schema())
    line = next(line for line in run_lines(tmp_path) if line["id"] == "story")
    assert validator.is_valid(line)
    assert not validator.is_valid({key: value for key, value in line.items() if key != "schema_version"})
    assert not validator.is_valid({**line, "error": "both a brief and an error"})
    assert not validator.is_valid({**line, "toll": [{**line["toll"][0], "count": "7"}]})


def test_a_non_english_article_gets_a_note_and_english_does_not(tmp_path):
    by_id = {line["id"]: line for line in run_lines(tmp_path)}
    assert any(note.startswith("language: de ") for note in by_id["german"]["notes"])
    assert not any(note.startswith("language:") for note in by_id["story"]["notes"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Des hommes armés ont tué sept villageois vendredi dans le nord du pays, selon la police locale.", "fr"),
        ("Hombres armados mataron a siete aldeanos el viernes en el norte del país, según la policía local.", "es"),
        ("Gunmen killed seven villagers on Friday in the north of the country, according to local police.", None),
        ("7 killed", None),  # too short to judge: no note
    ],
)
def test_language_note(text, expected):
    note = language_note(text)
    assert (note.split()[1] if note else None) == expected
