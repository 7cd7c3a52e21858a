"""What kind: event types from event words near the toll, in invented sentences."""

import pytest

from summarizer.brief import EVENT_KINDS
from summarizer.extract.kinds import event_type
from summarizer.extract.sentences import parse_sentences, split_sentences
from summarizer.pipeline import summarise_text


def kind(text, categories=("killed",), parsed=False):
    sentences = split_sentences(text)
    docs = parse_sentences(sentences) if parsed else {}
    anchors = [s.start for s in sentences if any(w in s.text for w in ("killed", "died", "dead", "arrested"))]
    return event_type(text, sentences, docs, anchors, categories)


@pytest.mark.parametrize(
    ("text", "expected", "evidence"),
    [
        ("A car bomb killed seven people outside a bank in Osterby, police said.", "bombing", "car bomb"),
        ("An air strike on a depot killed nine fighters, the army said.", "air_or_drone_strike", "air strike"),
        ("A drone killed three men in a pickup truck near the border.", "air_or_drone_strike", "drone"),
        ("Mortar rounds fired into the market killed five traders.", "shelling", "Mortar"),
        ("Gunmen killed eight guests at a wedding party on Saturday.", "armed_attack", "Gunmen"),
        ("Two militias clashed over grazing land; 14 people were killed.", "clashes", "clashed"),
        ("A strong earthquake killed 40 people in the hill towns.", "natural_disaster", "earthquake"),
        ("A ferry capsized in the strait and 23 passengers died.", "accident", "capsized"),
        ("A cholera outbreak killed 61 people in the camps, health officials said.", "disease_outbreak", "cholera"),
        ("Rioters burned cars; one man died in the riot, police said.", "protest_or_riot", "Rioters"),
    ],
)
def test_event_words_near_the_toll_choose_the_kind(text, expected, evidence):
    found = kind(text)
    assert found["type"] == expected and found["evidence"] == evidence
    start, end = found["evidence_span"]
    assert text[start:end] == found["evidence"] and 0 < found["margin"] <= 1


def test_forces_firing_on_protesters_is_a_crackdown():
    text = "Riot police used tear gas on the marchers outside parliament; two demonstrators were killed."
    assert kind(text)["type"] == "crackdown"


def test_a_toll_of_arrests_only_is_arrests():
    text = "Police arrested 40 people at a rally of the opposition on Sunday."
    assert kind(text, categories=("arrested",))["type"] == "arrests"


def test_an_explosion_in_a_mine_is_an_accident():
    text = "An explosion in a coal mine killed 12 miners, the company said."
    assert kind(text)["type"] == "accident"


def test_no_event_word_is_other_without_evidence():
    found = kind("Twelve people died in Osterby, officials said.")
    assert found == {"type": "other", "evidence": None, "evidence_span": None, "decided_by": "rules", "margin": None}


def test_words_that_only_start_like_event_words_do_not_vote():
    # 'shelter' is not 'shell', 'trained' is not a train crash, a suicide alone is not a bombing
    found = kind("Families in the shelter trained volunteers; three died of suicide.")
    assert found["type"] == "other"


def test_the_parsed_sentence_gives_the_same_kind():
    text = "Gunmen stormed a police post and killed six officers, officials said."
    assert kind(text, parsed=True)["type"] == kind(text)["type"] == "armed_attack"


def test_brief_carries_event_type_from_the_closed_vocabulary():
    text = "A suicide bomber blew himself up at a checkpoint in Osterby on Tuesday, killing 15 people, police said."
    brief = summarise_text(text)
    assert brief.event_type.type == "bombing" and brief.event_type.type in EVENT_KINDS
    assert brief.spans_match(text) == []
