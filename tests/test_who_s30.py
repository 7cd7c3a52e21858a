"""Who: places are not actors, generic victims and the sides of the event (invented sentences,
one test per pattern plus a near miss)."""

from summarizer.pipeline import summarise_text


def _who(text: str) -> dict[str, str]:
    return {a.name: a.role for a in summarise_text(text).who}


def test_a_country_of_two_words_is_no_victim():
    text = (
        "Police shoot protesters near gold mine; at least 3 dead\n\n"
        "By JOHN MENSAH Associated Press\n\n"
        "KUMASI, Sierra Leone (AP) — Police in northern Sierra Leone opened fire on dozens of farmers "
        "protesting against the loss of their land, killing at least three people, police said Tuesday.\n"
    )
    who = _who(text)
    assert "Sierra Leone" not in who
    assert who.get("Police") == "attacker"


def test_a_person_named_among_the_dead_stays_a_victim():
    text = (
        "Police shoot protesters near gold mine; at least 3 dead\n\n"
        "KUMASI (AP) — Police opened fire on dozens of farmers protesting against the loss of their land, "
        "killing at least three people, police said Tuesday. Among the dead was Kwame Boateng, a farmer.\n"
    )
    assert _who(text).get("Kwame Boateng") == "victim"
