"""Reporting constructions that cite a source, on invented sentences (names, places, numbers invented)."""

import pytest

from summarizer.pipeline import summarise_text

_HEAD = (
    "Blast kills eleven in Varnow\n"
    "A bomb exploded at a bus depot in the town of Varnow on Tuesday, killing eleven people. "
)

CASES = [
    ("subject_said", "Police chief Tomas Orrel said the bomb was hidden in a bag.", "Tomas Orrel"),
    ("told_reporters", "Mayor Ilsa Brandt told reporters that the depot would stay closed.", "Ilsa Brandt"),
    ("added", '"We are still searching," added Kerem Dalo, a fire officer.', "Kerem Dalo"),
    ("said_inverted", '"The roof fell in," said Petra Wills, who sells tickets at the depot.', "Petra Wills"),
    (
        "according_to",
        "Eleven bodies were recovered, according to the Varnow Civil Protection Agency.",
        "Varnow Civil Protection Agency",
    ),
    ("appositive", "Jonas Ekker, a spokesman for the regional police, said two suspects had fled.", "Jonas Ekker"),
    ("passive_quoted", "Governor Amal Reyes was quoted as saying the attack was cowardly.", "Amal Reyes"),
    ("wrote_on_x", "Interior Minister Odile Fenn wrote on X that the attackers would be found.", "Odile Fenn"),
    (
        "in_statement",
        "In a statement, the Varnow Transport Union said its members were afraid.",
        "Varnow Transport Union",
    ),
    (
        "statement_said",
        "The Tollard Rail Company said in a statement that services were suspended.",
        "Tollard Rail Company",
    ),
    ("in_interview", "Speaking in an interview, Dr Hana Solm said the wounded had burns.", "Hana Solm"),
    ("said_in_post", "The Northern Front said in a post on Telegram that it had planted the bomb.", "Northern Front"),
    ("residents", "Residents said they heard two blasts.", "Residents"),
    ("witnesses", "Witnesses told the Varnow Herald that the bomber arrived on foot.", "Witnesses"),
    ("media_cited", "The Varnow Herald reported that the depot had been threatened before.", "Varnow Herald"),
    ("relay_official", "Kell News, which cited a security official, said the bomber was young.", "Kell News"),
    ("denied", "The Southern Brigade denied that it was behind the attack.", "Southern Brigade"),
    ("confirmed", "Health Minister Rui Gaspar confirmed the toll on Wednesday.", "Rui Gaspar"),
    ("announced", "The Varnow city council announced three days of mourning.", "Varnow city council"),
    (
        "described_then_named",
        "A local rights group said the depot had no guards. The Varnow Rights Watch urged calm.",
        "Varnow Rights Watch",
    ),
    ("told_agency", "A police officer told the Pellam Press agency that the bomb was on a timer.", "police officer"),
    ("warned", "The Varnow Hospital Board warned that blood supplies were low.", "Varnow Hospital Board"),
    ("explained", "Fire brigade commander Ana Petrov explained that the fire spread quickly.", "Ana Petrov"),
]


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("the ", " ").split())


@pytest.mark.parametrize(("case", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reporting_construction_cites_its_source(case, sentence, expected):
    names = [_norm(s.name) for s in summarise_text(_HEAD + sentence + "\n").attribution]
    assert any(_norm(expected) in name or name in _norm(expected) and len(name) > 3 for name in names), names


def test_place_and_victims_are_not_sources():
    text = _HEAD + "The depot was crowded with commuters heading to the market.\n"
    assert summarise_text(text).attribution == []


@pytest.mark.xfail(
    strict=True, reason="not fixed: dropping the name lowered who on synthetic dev (the name is the bomber's)"
)
def test_a_name_before_and_a_second_verb_is_not_its_subject():
    text = _HEAD + (
        "The Varnow Front said the bomber was a local man named Telmo Sarr and claimed its fighters "
        "had killed more than 30 police officers.\n"
    )
    names = [s.name for s in summarise_text(text).attribution]
    assert "Telmo Sarr" not in names
    assert any("Varnow Front" in name for name in names)


def test_an_unnamed_charity_is_a_source():
    text = _HEAD + "Nine of the wounded were children, a medical charity said.\n"
    assert any("charity" in s.name for s in summarise_text(text).attribution)


@pytest.mark.xfail(strict=True, reason="not fixed: 'he said' resolves only to people already cited as sources")
def test_a_pronoun_resolves_to_a_person_introduced_without_a_reporting_verb():
    text = _HEAD + "Lieutenant Soren Vik spoke at the scene. He said the depot had been evacuated twice.\n"
    assert any("Soren Vik" in s.name for s in summarise_text(text).attribution)


def test_a_described_ministry_is_not_folded_into_another_body():
    text = (
        "Fever kills nine in Osterby\n"
        "An outbreak of fever has killed nine children in the district of Osterby, the health ministry said "
        "on Friday. The National Institute for Disease Control (NIDC) said 400 cases had been recorded. "
        "The institute said most patients were under five. The ministry said vaccines would arrive next week.\n"
    )
    sources = {s.name.lower().removeprefix("the "): s for s in summarise_text(text).attribution}
    assert "health ministry" in sources
    institute = sources["national institute for disease control"]
    assert not any("ministry" in alias.lower() for alias in institute.aliases)


def test_a_body_that_gives_a_count_is_a_source():
    text = _HEAD + "The Varnow Emergency Service gave a higher count of injured: 31.\n"
    assert any("Varnow Emergency Service" in s.name for s in summarise_text(text).attribution)


def test_sources_the_parser_joined_to_the_victims_are_cited():
    text = (
        "Police fire on marchers in Orsk\n"
        "Police opened fire on marchers in the town of Orsk on Tuesday, killing at least four people, "
        "witnesses and a rights group said.\n"
        "The Orsk League for Civil Liberties (OLCL) said six people had been killed.\n"
    )
    names = [s.name.lower() for s in summarise_text(text).attribution]
    assert "witnesses" in names
    assert "people" not in names
