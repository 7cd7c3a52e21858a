"""Source phrases on invented sentences (names, places and numbers invented): coordinated
subjects, the source's whole noun phrase, unnamed common-noun sources, mononyms, armed
groups' statements, media as sources."""

from summarizer.pipeline import summarise_text

_HEAD = (
    "Blast kills eleven in Varnow\n"
    "A bomb exploded at a bus depot in the town of Varnow on Tuesday, killing eleven people. "
)


def _sources(sentence: str) -> dict[str, str]:
    return {s.name.lower(): s.type for s in summarise_text(_HEAD + sentence + "\n").attribution}


def test_coordinated_people_are_two_sources():
    found = _sources("Villagers and army officers said the bomber fled on a scooter.")
    assert "villagers" in found, found
    assert found.get("army officers") == "military", found
    assert not any(" and " in name for name in found), found


def test_a_shared_head_is_one_source():
    # 'police and hospital officials': one group of officials, not the police apart
    found = _sources("Police and clinic officials said nine of the wounded were children.")
    assert list(found) == ["police and clinic officials"], found


def test_unnamed_people_beside_witnesses_keep_their_own_type():
    found = _sources("Witnesses and aid workers said the fire burned for hours.")
    assert found.get("witnesses") == "witness", found
    assert "aid workers" in found and found["aid workers"] != "witness", found
