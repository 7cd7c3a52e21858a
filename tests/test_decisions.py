"""Decisions: log-likelihood choice, few-shot prompts, policies and calibration (fake models)."""

import json

import pytest

from summarizer.answers import answer_text, few_shot_examples, grammar_answers, model_answers
from summarizer.pipeline import (
    DECISION_KINDS,
    NOT_STATED,
    Options,
    RunStats,
    analyse,
    questions,
    summarise_text,
)

# the 5 rebels: two sources in the sentence, so the source is open to the model
TWO_SOURCES = (
    "Clashes in the hills\n"
    "The Hill Monitor said fighting continued on Monday. The Interior Ministry said 5 rebels were "
    "killed, the Hill Monitor added.\n"
)


class ScoringGenerator:
    """A fake model whose log-likelihoods the test sets: `scores` maps an option's text (the
    value inside the JSON) to (total log-probability, tokens); unknown options score -100."""

    name = "scoring-fake"

    def __init__(self, scores: dict[str, tuple[float, int]]):
        self.scores = scores
        self.scored: list[tuple[str, list[str]]] = []
        self.generated = 0

    def chat_prompt(self, system: str, user: str) -> str:
        return f"{system}\n{user}"

    def generate_json(self, prompts, schema, max_new_tokens):
        self.generated += len(prompts)
        return [json.dumps({k: p["enum"][0] for k, p in schema["properties"].items()}) for _ in prompts]

    def score_completions(self, prompt, completions):
        self.scored.append((prompt, list(completions)))
        values = [next(iter(json.loads(text).values())) for text in completions]
        return [self.scores.get(value, (-100.0, 1)) for value in values]


def test_grammar_answers_are_every_answer_the_schema_allows_rules_first():
    schema = {
        "type": "object",
        "properties": {"category": {"enum": ["killed", "injured"]}, "source": {"enum": ["police", NOT_STATED]}},
        "required": ["category", "source"],
        "additionalProperties": False,
    }
    answers = grammar_answers(schema)
    assert answers[0] == {"category": "killed", "source": "police"}
    assert len(answers) == 4 and len({answer_text(a) for a in answers}) == 4
    assert answer_text({"source": "Ağrı police"}) == '{"source":"Ağrı police"}'  # as the grammar writes it


def test_loglik_takes_the_most_likely_whole_option_and_norm_the_most_likely_per_token():
    # "Hill Monitor": the higher total; "Interior Ministry": the higher per token
    generator = ScoringGenerator({"Interior Ministry": (-12.0, 8), "Hill Monitor": (-10.0, 4)})
    total = summarise_text(TWO_SOURCES, generator, options=Options(choice="loglik"))
    norm = summarise_text(TWO_SOURCES, generator, options=Options(choice="loglik-norm"))
    assert total.toll[0].source == "Hill Monitor"
    assert norm.toll[0].source == "Interior Ministry"
    assert total.toll[0].decided_by == {"source": "model"}
    assert generator.generated == 0, "log-likelihood choice never decodes"
    prompt, completions = generator.scored[0]
    assert completions == ['{"source":"Interior Ministry"}', '{"source":"Hill Monitor"}']
    assert "5" in prompt


def test_the_fake_generator_scores_like_it_decodes(fake_generator):
    greedy = summarise_text(TWO_SOURCES, fake_generator, options=Options(choice="greedy"))
    loglik = summarise_text(TWO_SOURCES, fake_generator, options=Options(choice="loglik"))
    assert greedy.toll[0].source == loglik.toll[0].source == "Hill Monitor"  # the last option


class PriorGenerator(ScoringGenerator):
    """Scores that depend on the prompt: after the neutral premise (no article) an option
    scores its prior; after a decision prompt, `scores`."""

    def __init__(self, scores, priors):
        super().__init__(scores)
        self.priors = priors

    def score_completions(self, prompt, completions):
        if "Sentence:" in prompt:
            return super().score_completions(prompt, completions)
        values = [next(iter(json.loads(text).values())) for text in completions]
        return [self.priors.get(value, (-100.0, 1)) for value in values]


def test_loglik_pmi_discounts_an_option_likely_without_the_article():
    text = "Flood\nThe river burst its banks on Monday, the Red Cross said. Nine people drowned.\n"
    scores = {"Red Cross": (-9.0, 4), NOT_STATED: (-8.0, 3)}
    priors = {"Red Cross": (-20.0, 4), NOT_STATED: (-6.0, 3)}  # "not stated": likely anywhere
    generator = PriorGenerator(scores, priors)
    by_loglik = summarise_text(text, generator, options=Options(choice="loglik")).toll[0]
    assert by_loglik.decided_by == {"source": "model"} and by_loglik.source is None
    assert summarise_text(text, generator, options=Options(choice="loglik-pmi")).toll[0].source == "Red Cross"


def test_loglik_tie_goes_to_the_rules_order():
    generator = ScoringGenerator({"Interior Ministry": (-5.0, 3), "Hill Monitor": (-5.0, 3)})
    brief = summarise_text(TWO_SOURCES, generator, options=Options(choice="loglik"))
    assert brief.toll[0].source == summarise_text(TWO_SOURCES).toll[0].source


class DecodeOnly:
    """A model that can only decode (no `score_completions`): answers the last option."""

    name = "decode-only"

    def __init__(self):
        self.calls = []

    def chat_prompt(self, system: str, user: str) -> str:
        return f"{system}\n{user}"

    def generate_json(self, prompts, schema, max_new_tokens):
        self.calls.append(prompts)
        return [json.dumps({k: p["enum"][-1] for k, p in schema["properties"].items()}) for _ in prompts]


def test_loglik_with_a_generator_that_cannot_score_falls_back_to_greedy_and_says_so():
    generator = DecodeOnly()
    stats = RunStats()
    brief = summarise_text(TWO_SOURCES, generator, stats, Options(choice="loglik"))
    assert generator.calls, "answered by decoding"
    assert brief.toll[0].decided_by == {"source": "model"}
    assert any("fell back to greedy" in note for note in brief.notes)  # said in the brief, not only in stats


def test_each_kind_is_its_own_question():
    text = "Storm\nThe storm killed 4 and injured 9 more on Monday.\nOfficials said 3 were missing, police said.\n"
    analysis = analyse(text)
    generator = ScoringGenerator({})
    for asked in questions(analysis, generator.chat_prompt, DECISION_KINDS):
        assert len(asked.schema["properties"]) == 1


def test_few_shot_examples_come_first_and_are_grounded_in_their_own_sentences():
    examples = few_shot_examples(3)
    assert len(examples) == 3
    for example in examples:
        [(kind, value)] = example["answer"].items()
        options = example["categories"] if kind == "category" else example["sources"]
        assert value in options
        assert value == NOT_STATED or kind == "category" or value in example["sentence"] + example["context"]
    generator = ScoringGenerator({})
    [with_shots] = questions(analyse(TWO_SOURCES), generator.chat_prompt, DECISION_KINDS, shots=3)
    [without] = questions(analyse(TWO_SOURCES), generator.chat_prompt, DECISION_KINDS, shots=0)
    assert "Examples:" in with_shots.prompt and "Examples:" not in without.prompt
    assert with_shots.prompt.index("Examples:") < with_shots.prompt.index("Interior Ministry said 5")
    with pytest.raises(Exception, match="shots"):
        few_shot_examples(99)


def test_batched_loglik_briefs_equal_one_by_one():
    from summarizer.batching import summarise_batch

    generator = ScoringGenerator({"Hill Monitor": (-1.0, 2)})
    options = Options(choice="loglik")
    texts = [TWO_SOURCES, TWO_SOURCES.replace("5 rebels", "7 rebels")]
    batched = summarise_batch(texts, generator, options=options)
    alone = [summarise_text(text, generator, options=options) for text in texts]
    assert [b.model_dump() for b in batched] == [b.model_dump() for b in alone]
    assert batched[0].toll[0].source == "Hill Monitor"


def test_unknown_choice_method_is_an_error():
    from summarizer.errors import GenerationError

    with pytest.raises(GenerationError, match="choice"):
        model_answers(ScoringGenerator({}), [], "sampling")


# --- policies ---------------------------------------------------------------------------------


@pytest.fixture
def policy_home(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def _write_policy(directory, model_path, kinds_to_model, sha=None, choice="loglik", shots=0, adapter=None):
    from summarizer.policy import model_hash

    kinds = {
        kind: {"decisions": 20, "judged": 20, "rules_accuracy": 0.5, "model_accuracy": 0.6,
               "decider": "model" if kind in kinds_to_model else "rules"}
        for kind in sorted(DECISION_KINDS)
    }  # fmt: skip
    directory.mkdir(parents=True, exist_ok=True)
    policy = {"model": model_path.name, "model_sha256": sha or model_hash(model_path), "choice": choice,
              "shots": shots, "kinds": kinds, **({"adapter": adapter} if adapter else {})}  # fmt: skip
    (directory / f"{model_path.name}.json").write_text(json.dumps(policy), "utf-8")


def test_a_model_without_a_policy_leaves_every_decision_to_the_rules_and_says_how_to_calibrate(policy_home):
    from summarizer.policy import find_policy

    model = policy_home / "other-model.gguf"
    model.write_bytes(b"GGUF not really")
    policy = find_policy(model)
    assert policy.model_decides == frozenset()
    assert "summarise calibrate" in policy.note and "\n" not in policy.note


def test_a_calibrated_policy_is_found_by_file_name_and_hash(policy_home):
    from summarizer.policy import find_policy, user_policy_dir

    model = policy_home / "other-model.gguf"
    model.write_bytes(b"GGUF not really")
    _write_policy(user_policy_dir(), model, {"source"}, shots=3)
    policy = find_policy(model)
    assert (policy.model_decides, policy.choice, policy.shots) == (frozenset({"source"}), "loglik", 3)
    assert policy.note is None
    model.write_bytes(b"GGUF another file, same name")  # the policy was measured on other weights
    changed = find_policy(model)
    assert changed.model_decides == frozenset() and "another" in changed.note


def test_a_policy_measured_with_an_adapter_holds_only_with_that_adapter_loaded(policy_home):
    from summarizer.policy import find_policy, user_policy_dir

    model = policy_home / "other-model.gguf"
    model.write_bytes(b"GGUF not really")
    _write_policy(user_policy_dir(), model, {"role"}, adapter="tuned-a")
    assert find_policy(model, "tuned-a").model_decides == frozenset({"role"})
    for loaded in (None, "tuned-b"):  # the bare model, or another adapter: not what was measured
        policy = find_policy(model, loaded)
        assert policy.model_decides == frozenset()
        assert "tuned-a" in policy.note and "rules decide everything" in policy.note
    _write_policy(user_policy_dir(), model, {"role"})  # measured on the bare model
    assert find_policy(model).model_decides == frozenset({"role"})
    assert find_policy(model, "tuned-a").model_decides == frozenset()


def test_the_default_model_ships_with_its_measured_policy():
    from importlib import resources

    from summarizer.generate import DEFAULT_GGUF
    from summarizer.policy import policy_from_json

    shipped = resources.files("summarizer").joinpath("policies", f"{DEFAULT_GGUF}.json")
    data = json.loads(shipped.read_text("utf-8"))
    policy = policy_from_json(data, "shipped")
    assert data["model"] == DEFAULT_GGUF and len(data["model_sha256"]) == 64
    for kind, entry in data["kinds"].items():  # the model never takes a kind it measured worse on
        if kind in policy.model_decides:
            assert entry["model_accuracy"] >= entry["rules_accuracy"]
            assert entry["judged"] >= data["min_decisions"]


def test_summariser_without_a_policy_notes_it_once_and_lets_the_overrides_win(policy_home, monkeypatch):
    import summarizer.generate as generate
    from summarizer import Summariser

    model = policy_home / "other-model.gguf"
    model.write_bytes(b"GGUF not really")
    monkeypatch.setattr(generate, "load_generator", lambda *args, **kwargs: ScoringGenerator({}))
    heard = []
    summariser = Summariser(model=str(model), progress=heard.append)
    assert summariser.options.model_decides == frozenset()
    assert len(heard) == 1 and "calibrate" in heard[0]
    forced = Summariser(model=str(model), model_decides=frozenset({"source"}), choice="loglik", shots=3)
    assert (forced.options.model_decides, forced.options.choice, forced.options.shots) == (
        frozenset({"source"}), "loglik", 3,
    )  # fmt: skip


# --- calibration ------------------------------------------------------------------------------


def test_the_model_decides_a_kind_only_when_at_least_as_accurate_on_enough_decisions():
    from summarizer.policy import decider

    assert decider(judged=20, rules_accuracy=0.5, model_accuracy=0.5, minimum=10) == "model"
    assert decider(judged=20, rules_accuracy=0.6, model_accuracy=0.55, minimum=10) == "rules"
    assert decider(judged=9, rules_accuracy=0.1, model_accuracy=0.9, minimum=10) == "rules"
    assert decider(judged=0, rules_accuracy=None, model_accuracy=None, minimum=0) == "rules"


def test_calibrate_chooses_the_variant_that_wins_most_decisions():
    from summarizer.policy import choose_variant, with_deciders

    def variant(name, model_accuracy):
        kinds = {"source": {"decisions": 40, "judged": 40, "rules_accuracy": 0.5, "model_accuracy": model_accuracy}}
        return {"choice": name, "shots": 0, "kinds": with_deciders(kinds, 10)}

    assert choose_variant([variant("greedy", 0.4), variant("loglik", 0.6)])["choice"] == "loglik"
    assert choose_variant([variant("greedy", 0.4), variant("loglik", 0.45)])["choice"] == "greedy"  # no gain: first


def test_calibration_judges_rules_and_model_on_the_same_decisions():
    from summarizer.calibration import measure

    gold = [{"id": "a", "toll": [{"category": "killed", "count": 5, "count_max": None, "qualifier": "exact",
                                  "source": "Hill Monitor", "evidence": "5 rebels were killed"}]}]  # fmt: skip
    texts = {"a": TWO_SOURCES}
    prefers_monitor = ScoringGenerator({"Hill Monitor": (-1.0, 2)})
    [result] = measure(prefers_monitor, gold, texts, [("loglik", 0)])
    source = result["kinds"]["source"]
    assert (source["decisions"], source["judged"]) == (1, 1)
    assert source["model_accuracy"] == 1.0
    assert source["rules_accuracy"] == (1.0 if summarise_text(TWO_SOURCES).toll[0].source == "Hill Monitor" else 0.0)


def test_calibrate_command_writes_a_policy(policy_home, monkeypatch):
    from typer.testing import CliRunner

    import summarizer.generate as generate
    from summarizer.cli import app

    model = policy_home / "other-model.gguf"
    model.write_bytes(b"GGUF not really")
    articles = policy_home / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(TWO_SOURCES, "utf-8")
    gold = policy_home / "gold.jsonl"
    record = {"id": "a", "who": [], "where": [], "attribution": [],
              "toll": [{"category": "killed", "count": 5, "count_max": None, "qualifier": "exact",
                        "group": "rebels", "source": "Hill Monitor", "evidence": "5 rebels were killed"}]}  # fmt: skip
    gold.write_text(json.dumps(record) + "\n", "utf-8")
    monkeypatch.setattr(generate, "load_generator", lambda *a, **k: ScoringGenerator({"Hill Monitor": (-1.0, 2)}))
    out = policy_home / "policy.json"
    result = CliRunner().invoke(
        app,
        ["calibrate", "--model", str(model), "--gold", str(gold), "--articles", str(articles), "--out", str(out),
         "--variants", "greedy:0,loglik:0", "--min-decisions", "1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    policy = json.loads(out.read_text("utf-8"))
    assert policy["model"] == "other-model.gguf" and len(policy["model_sha256"]) == 64
    assert [(v["choice"], v["shots"]) for v in policy["variants"]] == [("greedy", 0), ("loglik", 0)]
    assert set(policy["kinds"]) == set(DECISION_KINDS)
    assert policy["kinds"]["source"]["decider"] in ("model", "rules")
    first_source_decisions = policy["variants"][1]["kinds"]["source"]["decisions"]
    assert first_source_decisions >= 1
    assert policy["articles"] == 1 and [g["file"] for g in policy["gold"]] == ["gold.jsonl"]
    # a second labelled set (e.g. synthetic articles the adapter never saw) adds its decisions
    more = policy_home / "more"
    more.mkdir()
    (more / "b.txt").write_text(TWO_SOURCES, "utf-8")
    (more / "gold.jsonl").write_text(json.dumps({**record, "id": "b"}) + "\n", "utf-8")
    both = CliRunner().invoke(
        app,
        ["calibrate", "--model", str(model), "--gold", str(gold), "--articles", str(articles),
         "--gold", str(more / "gold.jsonl"), "--articles", str(more), "--out", str(out),
         "--variants", "loglik:0", "--min-decisions", "1"],
    )  # fmt: skip
    assert both.exit_code == 0, both.output
    policy = json.loads(out.read_text("utf-8"))
    assert policy["articles"] == 2 and len(policy["gold"]) == 2
    assert policy["variants"][0]["kinds"]["source"]["decisions"] == 2 * first_source_decisions
    unpaired = CliRunner().invoke(
        app, ["calibrate", "--model", str(model), "--gold", str(gold), "--gold", str(gold), "--articles", str(articles)]
    )
    assert unpaired.exit_code != 0 and "one --articles per --gold" in unpaired.output
