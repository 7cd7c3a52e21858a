"""When: event dates in invented sentences, resolved against known publication dates."""

import pytest

from summarizer.extract.dates import dateline_date, event_date, normalise_published
from summarizer.extract.sentences import split_sentences

FRIDAY = "2024-03-15"  # a Friday


def when(text, published=None, anchor="killed"):
    sentences = split_sentences(text)
    start = text.find(anchor)
    return event_date(text, sentences, [start] if start >= 0 else [], published)


@pytest.mark.parametrize(
    ("sentence", "date", "precision"),
    [
        ("Gunmen killed six farmers in Velmora on Wednesday, police said.", "2024-03-13", "day"),
        ("Gunmen killed six farmers in Velmora yesterday, police said.", "2024-03-14", "day"),
        ("Gunmen killed six farmers in Velmora late Saturday, police said.", "2024-03-09", "day"),
        ("Gunmen killed six farmers in Velmora on Friday, police said.", "2024-03-15", "day"),  # the day itself
        ("Gunmen killed six farmers in Velmora last Friday, police said.", "2024-03-08", "day"),
        ("Gunmen killed six farmers in Velmora on March 12, police said.", "2024-03-12", "day"),
        ("Gunmen killed six farmers in Velmora last week, police said.", "2024-03-04", "week"),  # its Monday
        ("Gunmen killed six farmers in Velmora last month, police said.", "2024-02-01", "month"),
        ("Gunmen killed six farmers in Velmora today, police said.", FRIDAY, "day"),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(sentence, date, precision):
    found = when(sentence, FRIDAY)
    assert (found["date"], found["precision"], found["published"]) == (date, precision, FRIDAY)
    start, end = found["evidence_span"]
    assert sentence[start:end] == found["evidence"]


def test_relative_date_without_publication_date_is_null_never_today():
    found = when("Gunmen killed six farmers in Velmora on Wednesday, police said.")
    assert found["date"] is None and found["evidence"] == "on Wednesday" and found["published"] is None


@pytest.mark.parametrize(
    ("sentence", "date", "precision", "evidence"),
    [
        ("A blast killed nine people in Osterby on 3 January 2020.", "2020-01-03", "day", "3 January 2020"),
        ("A blast killed nine people in Osterby on January 3, 2020.", "2020-01-03", "day", "January 3, 2020"),
        ("Floods in May 2019 killed nine people in Osterby.", "2019-05-01", "month", "May 2019"),
        ("A blast killed nine people in Osterby in 2018.", "2018-01-01", "year", "in 2018"),
    ],
)
def test_explicit_dates_need_no_publication_date(sentence, date, precision, evidence):
    found = when(sentence)
    assert (found["date"], found["precision"], found["evidence"], found["published"]) == (
        date,
        precision,
        evidence,
        None,
    )


def test_the_toll_sentence_date_beats_other_dates():
    text = (
        "The town held elections on 2 February 2021. "
        "On Sunday gunmen killed eleven villagers near Osterby, officials said."
    )
    assert when(text, "2021-03-10")["date"] == "2021-03-07"


def test_dateline_at_the_top_gives_the_publication_date():
    text = "Blast in Osterby\n\nTuesday, May 14, 2019\n\nA bomb killed four people on Sunday, police said.\n"
    assert dateline_date(text)[0] == "2019-05-14"
    found = when(text)
    assert (found["date"], found["published"]) == ("2019-05-12", "2019-05-14")
    # a date inside a sentence of the story is not a dateline
    assert dateline_date("Police said on Tuesday, May 14, 2019 that four died.") is None


def test_a_pages_publication_stamp_or_a_date_with_its_time_is_a_dateline():
    text = (
        "Menu\nWorld\nMarsh fire kills six in Tallow Creek\nBy Ida Venn\nPublished 8 August 2023, 14:05 BST\n"
        "Six farm workers died on Sunday when a fire swept a camp, the fire service said.\n"
    )
    assert dateline_date(text)[0] == "2023-08-08"
    assert when(text)["date"] == "2023-08-06"
    assert dateline_date("Crash\nUpdated: October 2, 2022 at 6:40 p.m.\nTwo died.")[0] == "2022-10-02"
    assert dateline_date("Crash\n2 October 2022, 18:40\nTwo died.")[0] == "2022-10-02"
    assert dateline_date("Crash\n2 October 2022 · 18:40\nTwo died.")[0] == "2022-10-02"
    assert dateline_date("Crash\n2022-10-02T18:40:00Z\nTwo died.")[0] == "2022-10-02"
    # an edit's stamp above the publication stamp does not date the story
    assert dateline_date("Crash\nUpdated 15 August 2023\nPublished 8 August 2023\nTwo died.")[0] == "2023-08-08"
    # a sentence that opens with a date and runs on in words is still not a dateline, even
    # when a decimal number follows the date
    assert dateline_date("October 2, 2022 was the day the bridge fell.") is None
    assert dateline_date("2 October 2022, 3.50 metres of snow fell on the pass.") is None


def test_words_that_look_like_months_are_not_dates():
    assert when("Four people may have died. Rescuers killed time; 5 march on.") is None
    assert when("No date here: a bomb killed four people.") is None


def test_publication_dates_from_columns_are_normalised():
    import datetime as dt

    assert normalise_published("2024-03-15T10:30:00Z") == "2024-03-15"
    assert normalise_published(dt.datetime(2024, 3, 15, 9)) == "2024-03-15"
    assert normalise_published("15 March 2024") == "2024-03-15"
    assert normalise_published("") is None and normalise_published(None) is None
    assert normalise_published("2024-13-45") is None
    assert normalise_published("yesterday") is None and normalise_published("now") is None  # never today


def test_last_night_is_the_day_before_and_a_dateline_may_run_on():
    text = "Riot in Osterby\nSunday, June 9, 2019 File:square.jpg\nOne man was killed in the riot last night.\n"
    found = when(text)
    assert (found["date"], found["evidence"], found["published"]) == ("2019-06-08", "last night", "2019-06-09")


def test_as_of_dates_a_count_not_the_event():
    text = "A bomb went off near the depot on Monday. As of March 14, 2024, the toll stood at nine dead."
    assert when(text, "2024-03-15", anchor="nine dead")["evidence"] == "on Monday"


def test_the_api_takes_a_publication_date_and_refuses_one_that_is_not():
    import datetime as dt

    from summarizer.api import Summariser
    from summarizer.errors import InputError

    summariser = Summariser(backend="rules")
    text = "Gunmen killed six farmers in Velmora on Wednesday, police said."
    assert summariser.summarise(text, published=dt.date(2024, 3, 15)).event_date.date == "2024-03-13"
    assert summariser.summarise(text, published="March 15, 2024").event_date.date == "2024-03-13"
    briefs = summariser.summarise_many([text, text], published=["2024-03-15", None])
    assert [brief.event_date.date for brief in briefs] == ["2024-03-13", None]
    with pytest.raises(InputError, match="not a date"):
        summariser.summarise(text, published="soon")
