"""Decisions as training data (`summarizer/train.py`), the adapter round trip and `summarise train`.

The articles and gold here are written for these tests; no corpus file is read."""

import json

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.evaluation import load_gold_sets
from summarizer.pipeline import FIGURE_KINDS, RunStats, analyse, model_choices, pending_decisions
from summarizer.train import answer_json, article_examples, decision_examples, summary

TEXT = (
    "Blast hits market in Northtown\n"
    "A car bomb exploded at a busy market in Northtown on Tuesday. The Regional Health Office said the blast "
    "killed 14 people. Another 40 were wounded, according to hospital staff.\n"
    "The Interior Ministry said the attack was the worst this year. Police arrested 3 suspects near the market.\n"
)
GOLD = {
    "id": "northtown",
    "who": [],
    "where": [{"name": "Northtown", "type": "town"}],
    "attribution": [
        {"name": "Regional Health Office", "type": "government"},
        {"name": "hospital staff", "type": "other"},
        {"name": "Interior Ministry", "type": "government"},
    ],
    "toll": [
        {"category": "killed", "count": 14, "count_max": None, "qualifier": "exact", "group": "people",
         "source": "Regional Health Office", "evidence": "killed 14 people"},
        {"category": "injured", "count": 40, "count_max": None, "qualifier": "exact", "group": None,
         "source": "hospital staff", "evidence": "Another 40 were wounded"},
        {"category": "arrested", "count": 3, "count_max": None, "qualifier": "exact", "group": "suspects",
         "source": None, "evidence": "Police arrested 3 suspects"},
    ],
}  # fmt: skip


def chat(system: str, user: str) -> str:
    return f"<system>{system}</system><user>{user}</user><assistant>"


class Recorder:
    """Stands in for the model: keeps every prompt and schema it is asked."""

    name = "recorder"

    def __init__(self):
        self.asked = []

    def chat_prompt(self, system, user):
        return chat(system, user)

    def generate_json(self, prompts, schema, max_new_tokens):
        self.asked += [(prompt, schema) for prompt in prompts]
        return [json.dumps({key: prop["enum"][0] for key, prop in schema["properties"].items()}) for _ in prompts]


def test_examples_are_the_questions_the_model_is_asked_with_the_gold_answer():
    examples = article_examples(GOLD, TEXT, chat, FIGURE_KINDS)
    assert [(e.answer, e.kinds, e.asked) for e in examples] == [('{"source":"not stated"}', ("source",), True)]
    recorder = Recorder()
    model_choices(analyse(TEXT), recorder, RunStats())
    assert [prompt for prompt, _ in recorder.asked] == [examples[0].prompt]
    assert "Police arrested 3 suspects" in examples[0].prompt
    assert "Choose one of: Interior Ministry; not stated." in examples[0].prompt


def test_sure_decisions_add_examples_answered_from_the_gold():
    examples = article_examples(GOLD, TEXT, chat, FIGURE_KINDS, sure=True)
    answers = {json.loads(e.answer)["source"]: e.asked for e in examples}
    assert answers == {"Regional Health Office": False, "hospital staff": False, "not stated": True}
    assert summary(examples) == {"examples": 3, "source": 1, "source (extra)": 2}


def test_other_orders_of_the_options_keep_the_answer_and_not_stated_last():
    examples = article_examples(GOLD, TEXT, chat, FIGURE_KINDS, sure=True, orders=2)
    assert summary(examples) == {"examples": 5, "source": 1, "source (extra)": 4}
    office = [e for e in examples if 'Sentence: "The Regional Health Office said' in e.prompt]
    assert {e.answer for e in office} == {'{"source":"Regional Health Office"}'}
    assert any("Choose one of: hospital staff; Regional Health Office." in e.prompt for e in office)
    assert any("Choose one of: Regional Health Office; hospital staff." in e.prompt for e in office)
    # one named source and "not stated": the same question in either order, asked once
    assert sum("Police arrested 3 suspects" in e.prompt for e in examples) == 1


def test_a_gold_choice_not_among_the_options_teaches_nothing():
    gold = json.loads(json.dumps(GOLD))
    gold["toll"][2]["source"] = "a police spokesman"  # not an option the text offers
    assert article_examples(gold, TEXT, chat, FIGURE_KINDS) == []
    gold["toll"] = []  # no gold figure: nothing to pair the candidates with
    assert decision_examples([gold], {"northtown": TEXT}, chat, FIGURE_KINDS, sure=True) == []


def test_only_the_decision_kinds_given_are_asked():
    analysis = analyse(TEXT)
    assert pending_decisions(analysis, chat, frozenset({"category"})) == []
    assert article_examples(GOLD, TEXT, chat, frozenset({"category"})) == []


def test_answer_json_is_what_the_grammar_writes():
    assert answer_json({"category": "killed", "source": "Ministère de l'Intérieur"}) == (
        '{"category":"killed","source":"Ministère de l\'Intérieur"}'
    )


def _write_set(folder, records, texts):
    folder.mkdir()
    (folder / "articles").mkdir()
    (folder / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    for article_id, text in texts.items():
        (folder / "articles" / f"{article_id}.txt").write_text(text)
    return folder / "gold.jsonl", folder / "articles"


def test_training_sets_are_read_together_and_an_id_twice_is_refused(tmp_path):
    first = _write_set(tmp_path / "a", [GOLD], {"northtown": TEXT})
    other = dict(GOLD, id="northtown-2")
    second = _write_set(tmp_path / "b", [other], {"northtown-2": TEXT})
    gold, articles = load_gold_sets([first, second])
    assert [r["id"] for r in gold] == ["northtown", "northtown-2"] and set(articles) == {"northtown", "northtown-2"}
    again = _write_set(tmp_path / "c", [GOLD], {"northtown": TEXT})
    with pytest.raises(Exception, match="two gold sets"):
        load_gold_sets([first, again])


runner = CliRunner()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--articles", "B"], "one --articles per --gold"),
        (["--epochs", "0"], "--epochs must be at least 1"),
        (["--rank", "0"], "--rank must be at least 1"),
        (["--lr", "0"], "--lr must be above 0"),
    ],
)
def test_train_argument_errors_are_one_line(tmp_path, extra, message):
    gold, articles = _write_set(tmp_path / "a", [GOLD], {"northtown": TEXT})
    result = runner.invoke(
        app, ["train", "--gold", str(gold), "--articles", str(articles), "--out", str(tmp_path / "out"), *extra]
    )
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_train_missing_gold_and_out_a_file_are_one_line_errors(tmp_path):
    gold, articles = _write_set(tmp_path / "a", [GOLD], {"northtown": TEXT})
    missing = runner.invoke(
        app, ["train", "--gold", str(tmp_path / "nope.jsonl"), "--articles", str(articles), "--out", str(tmp_path)]
    )
    assert missing.exit_code == 2 and "no such gold file" in missing.output
    (tmp_path / "file").write_text("x")
    a_file = runner.invoke(
        app, ["train", "--gold", str(gold), "--articles", str(articles), "--out", str(tmp_path / "file")]
    )
    assert a_file.exit_code == 2 and "is not a directory" in a_file.output
    for result in (missing, a_file):
        assert len(result.output.strip().splitlines()) == 1


def test_adapter_option_names_a_directory_with_an_adapter(tmp_path):
    from summarizer.errors import ModelLoadError
    from summarizer.generate import resolve_adapter

    assert resolve_adapter(None, None) is None and resolve_adapter("none", None) is None
    assert resolve_adapter("default", "/some/other/model.gguf") is None  # never the default model's adapter
    with pytest.raises(ModelLoadError, match="not an adapter directory"):
        resolve_adapter(tmp_path, None)


def test_a_shipped_default_adapter_is_small_and_for_the_default_model():
    from summarizer.generate import DEFAULT_GGUF, default_adapter, resolve_adapter

    shipped = default_adapter()
    assert resolve_adapter("default", None) == shipped
    if shipped is None:
        pytest.skip("no adapter shipped for the default model")
    size = sum(path.stat().st_size for path in shipped.iterdir() if path.is_file())
    assert size < 5_000_000
    assert json.loads((shipped / "adapter_config.json").read_text())["base_model_name_or_path"] == DEFAULT_GGUF


def test_an_adapter_for_a_backend_that_cannot_load_one_is_refused(tmp_path):
    from summarizer import Summariser
    from summarizer.errors import SummariserError

    with pytest.raises(SummariserError, match="transformers backend only"):
        Summariser(backend="llamacpp", adapter=tmp_path)


def test_entities_become_examples_answered_with_the_gold_role_or_type():
    from summarizer.item_decisions import item_questions
    from summarizer.pipeline import build_brief, rule_choices

    examples = article_examples(GOLD, TEXT, chat, frozenset({"place_type", "source_type"}))
    analysis = analyse(TEXT)
    brief = build_brief(analysis, rule_choices(analysis), RunStats())
    asked = item_questions(brief, TEXT, analysis.sentences, chat, frozenset({"place_type", "source_type"}))
    gold_types = {item["name"]: item["type"] for item in GOLD["where"] + GOLD["attribution"]}
    field = {"place_type": brief.where, "source_type": brief.attribution}
    expected = [
        (q.prompt, json.dumps({q.kind: gold_types[field[q.kind][q.index].name]}, separators=(",", ":")), (q.kind,))
        for q in asked
        if field[q.kind][q.index].name in gold_types
    ]
    assert expected  # the gold lists some of the brief's places and sources
    assert [(e.prompt, e.answer, e.kinds) for e in examples] == expected
    assert article_examples(GOLD, TEXT, chat, frozenset({"role"})) == []  # the gold lists no actor
