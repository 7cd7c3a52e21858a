"""Decisions about the brief's entities (role, place type, source type): asked with the
vocabulary in its fixed order (the rules' value beside), answered within it, recorded in `decided_by`,
counted by the eval and judged by calibration. Logic tests with the fake model (it answers
each enum's last option); the real model goes through them in test_real_model.py."""

import json

from summarizer.brief import PLACE_TYPES, ROLES, SOURCE_TYPES
from summarizer.calibration import gold_items, judge_item, measure
from summarizer.item_decisions import item_questions
from summarizer.pipeline import Options, RunStats, analyse, build_brief, rule_choices, summarise_text
from summarizer.scoring import score

TEXT = (
    "Gunmen attack a checkpoint in Korvel\n"
    "Gunmen of the Saffron Front attacked a police checkpoint in the town of Korvel on Monday, "
    "killing 6 officers, the Interior Ministry said.\n"
)


def _rules_brief(text=TEXT):
    analysis = analyse(text)
    return analysis, build_brief(analysis, rule_choices(analysis), RunStats())


def test_every_item_is_asked_with_the_whole_vocabulary_in_its_fixed_order_and_the_rules_value_beside():
    analysis, brief = _rules_brief()
    asked = item_questions(
        brief, analysis.text, analysis.sentences, lambda s, u: u, frozenset({"role", "place_type", "source_type"})
    )
    fields = {"role": brief.who, "place_type": brief.where, "source_type": brief.attribution}
    assert [q.kind for q in asked] == [k for k, items in fields.items() for _ in items]
    assert brief.who and brief.where and brief.attribution
    vocabularies = {"role": ROLES, "place_type": PLACE_TYPES, "source_type": SOURCE_TYPES}
    for question in asked:
        item = fields[question.kind][question.index]
        options = question.schema["properties"][question.kind]["enum"]
        assert question.proposed == (item.role if question.kind == "role" else item.type)
        assert options == list(vocabularies[question.kind])  # never the rules' value first
        assert item.name in question.prompt and "Korvel" in question.prompt  # its sentence is shown


def test_only_the_kinds_given_are_asked():
    analysis, brief = _rules_brief()
    asked = item_questions(brief, analysis.text, analysis.sentences, lambda s, u: u, frozenset({"role", "category"}))
    assert {q.kind for q in asked} == {"role"} and len(asked) == len(brief.who)


def test_the_models_answer_replaces_the_rules_value_and_is_marked(fake_generator):
    rules = summarise_text(TEXT)
    assert all(item.decided_by == "rules" for item in (*rules.who, *rules.where, *rules.attribution))
    stats = RunStats()
    brief = summarise_text(TEXT, fake_generator, stats, Options(model_decides=frozenset({"role"})))
    # the fake model answers the last option: never the rules' value (offered first)
    assert [a.role for a in brief.who] == [ROLES[-1] if r.role != ROLES[-1] else ROLES[-2] for r in rules.who]
    assert all(a.decided_by == "model" for a in brief.who)
    assert [(p.name, p.type, p.decided_by) for p in brief.where] == [(p.name, p.type, "rules") for p in rules.where]
    assert stats.model_decisions == len(brief.who)


def test_no_item_kind_means_no_question(fake_generator):
    summarise_text(TEXT, fake_generator, RunStats(), Options(model_decides=frozenset()))
    assert fake_generator.calls == []


def test_the_eval_counts_each_items_decision_and_judges_the_matched_ones():
    brief = summarise_text(TEXT).model_dump()
    gold = {
        "id": "x",
        "who": [{"name": "Saffron Front", "role": "attacker"}],
        "where": [{"name": "Korvel", "type": "town"}],
        "toll": [],
        "attribution": [{"name": "Interior Ministry", "type": "government"}],
    }
    metrics = score([gold], [{**brief, "id": "x"}], {"x": TEXT})
    decisions = metrics["decisions"]
    for kind, items in (("role", brief["who"]), ("place_type", brief["where"]), ("source_type", brief["attribution"])):
        assert decisions[kind]["total"] == len(items) and decisions[kind]["by_model"] == 0
    assert decisions["place_type"]["judged"] == 1 and decisions["place_type"]["accuracy"] == 1.0


def test_calibration_judges_an_item_against_the_gold_item_it_matches(fake_generator):
    analysis, brief = _rules_brief()
    record = {"id": "x", "who": [{"name": "Saffron Front", "role": "attacker"}], "where": [], "attribution": []}
    golds = gold_items(record, brief)
    asked = item_questions(brief, analysis.text, analysis.sentences, lambda s, u: u, frozenset({"role"}))
    verdicts = [judge_item(q, {"role": "attacker"}, golds) for q in asked]
    names = [brief.who[q.index].name for q in asked]
    assert verdicts == [True if name == "Saffron Front" else None for name in names]
    [variant] = measure(fake_generator, [record], {"x": TEXT}, [("greedy", 0)], kinds=frozenset({"role"}))
    role = variant["kinds"]["role"]
    assert role["decisions"] == len(brief.who) and role["judged"] == 1
    assert (role["rules_accuracy"], role["model_accuracy"]) == (1.0, 0.0)  # the fake answers "other"
    assert json.dumps(variant)  # the policy file holds it


def test_an_answer_outside_the_vocabulary_is_a_generation_error_not_a_crash():
    import pytest

    from summarizer.errors import GenerationError
    from summarizer.item_decisions import with_answers

    analysis, brief = _rules_brief()
    asked = item_questions(brief, analysis.text, analysis.sentences, lambda s, u: u, frozenset({"role"}))
    with pytest.raises(GenerationError, match="not in its vocabulary"):
        with_answers(brief, asked[:1], [{"role": "bystander"}])
    answered = with_answers(brief, asked[:1], [{"role": "mediator"}])
    assert (answered.who[0].role, answered.who[0].decided_by) == ("mediator", "model")


class _NoAccentsGenerator:
    """A model whose vocabulary cannot write some characters: any grammar with an option
    outside ASCII fails, as outlines fails for some GGUF vocabularies ('Iași')."""

    name = "no-accents"

    def chat_prompt(self, system: str, user: str) -> str:
        return f"{system}\n{user}"

    def generate_json(self, prompts, schema, max_new_tokens):
        from summarizer.errors import GenerationError

        options = [value for prop in schema["properties"].values() for value in prop["enum"]]
        if any(not value.isascii() for value in options):
            raise GenerationError("constrained generation failed: no token for 'ș'")
        return [json.dumps({key: prop["enum"][-1] for key, prop in schema["properties"].items()}) for _ in prompts]


def test_a_decision_the_model_cannot_write_stays_with_the_rules_and_the_brief_is_kept():
    # the figure's source is a decision between 'Police', 'Ion Bălan' and 'Radu Șerban'
    text = "Police said 12 people died in the floods, Ion Bălan and Radu Șerban told reporters."
    options = Options(model_decides=frozenset({"category", "source", "place_type", "source_type"}))
    rules = summarise_text(text)
    brief = summarise_text(text, generator=_NoAccentsGenerator(), options=options)
    # the brief is not lost: every figure is there with the rules' source where the model failed
    assert [(f.count, f.source) for f in brief.toll] == [(f.count, f.source) for f in rules.toll]
    assert any("the rules kept a decision" in note for note in brief.notes)
    # questions it could write (the sources' types, all ASCII) were still the model's
    assert brief.attribution and all(source.decided_by == "model" for source in brief.attribution)
    # the batched path (decisions of many articles decoded together) keeps it too
    from summarizer.batching import summarise_batch

    [batched] = summarise_batch([text], _NoAccentsGenerator(), options=options)
    assert [(f.count, f.source) for f in batched.toll] == [(f.count, f.source) for f in rules.toll]
    assert any("the rules kept a decision" in note for note in batched.notes)


def test_calibration_credits_the_rules_with_their_proposed_value_not_the_first_option(fake_generator):
    # the victims' role is the vocabulary's third value: judged by the first option the rules
    # would score 0, by their proposed value 1
    record = {"id": "x", "who": [{"name": "officers", "role": "victim"}], "where": [], "attribution": []}
    [variant] = measure(fake_generator, [record], {"x": TEXT}, [("greedy", 0)], kinds=frozenset({"role"}))
    role = variant["kinds"]["role"]
    assert role["judged"] == 1 and ROLES[0] != "victim"
    assert (role["rules_accuracy"], role["model_accuracy"]) == (1.0, 0.0)
