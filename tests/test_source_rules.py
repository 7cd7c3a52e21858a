"""Cited sources and the sources of toll figures, on invented sentences."""

from summarizer.pipeline import summarise_text


def test_a_figure_restated_by_a_second_source_keeps_the_first_source():
    text = (
        "Blast hits grain depot in Varnel\n"
        "A bomb exploded at a grain depot in the town of Varnel on Monday, killing at least 14 people, "
        "provincial officials said.\n"
        'Regional police chief Tomas Edric said: "We have found 14 bodies and the search goes on."\n'
    )
    killed = [f for f in summarise_text(text).toll if f.category == "killed" and f.count == 14]
    assert [f.source for f in killed] == ["provincial officials"]


def test_a_headline_figure_does_not_swallow_the_body_report():
    text = (
        "Ferry sinks off Osk, 9 dead, coastguard says\n"
        "Nine passengers drowned when a ferry sank off the island of Osk, the port authority said on Friday.\n"
    )
    killed = [f for f in summarise_text(text).toll if f.category == "killed" and f.count == 9]
    assert "port authority" in {f.source for f in killed}
