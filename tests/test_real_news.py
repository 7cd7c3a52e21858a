"""What the rules must do on real news pages, pinned on text written for these tests.

Every sentence and mini-article below is invented (invented people, places and numbers);
none is taken from the corpus, the seeds or the eval articles. Each test names one kind of
error seen on real pages: page furniture, sources, repeated figures, numbers that are not
casualties, number words, places, actors and attribution types.
"""

import pytest

from summarizer.pipeline import summarise_text

try:  # the number parser may move to its own module
    from summarizer.extract.numbers import parse_number
except ImportError:  # pragma: no cover - depends on the package layout
    from summarizer.candidates import parse_number


# ---------------------------------------------------------------- helpers


def figures(brief) -> set[tuple[str, int | None]]:
    return {(f.category, f.count) for f in brief.toll}


def counts(brief) -> set[int | None]:
    return {f.count for f in brief.toll}


def the_figure(brief, category: str, count: int):
    found = [f for f in brief.toll if f.category == category and f.count == count]
    assert len(found) == 1, f"want one {category} {count}, got {[(f.category, f.count) for f in brief.toll]}"
    return found[0]


def source_of(brief, category: str, count: int) -> str:
    source = the_figure(brief, category, count).source
    assert source, f"{category} {count} has no source"
    return source


def names(items) -> set[str]:
    return {name.casefold() for item in items for name in (item.name, *item.aliases)}


def has_name(items, word: str) -> bool:
    return any(word.casefold() in name for name in names(items))


def type_of(items, word: str) -> str:
    found = [item for item in items if word.casefold() in item.name.casefold()]
    assert found, f"no item naming {word!r} in {[item.name for item in items]}"
    return getattr(found[0], "type", None) or found[0].role


# ---------------------------------------------------------------- 1. page furniture

BROADCASTER_PAGE = """Accessibility links

Skip to main content

Breaking News

Home
World
Africa
Europe
Business
Sport

Print

Rescue workers search the wreckage of a bus station in Karvela, southern Dremmia, on Sunday.
Rescue workers search the wreckage of a bus station in Karvela, southern Dremmia, on Sunday.

By Halina Voss
March 3, 2019

At least 14 people were killed and 30 wounded when a bomb exploded at a crowded bus station \
in the town of Karvela on Sunday, police said.

The device was hidden in a parcel left near a ticket office, according to local police.

Related

Flood kills 40 in neighbouring province
"""


def test_story_after_navigation_and_breaking_news_banner_keeps_its_toll():
    brief = summarise_text(BROADCASTER_PAGE)
    assert ("killed", 14) in figures(brief)
    assert ("injured", 30) in figures(brief)


def test_related_headline_after_the_story_is_not_a_figure():
    assert figures(summarise_text(BROADCASTER_PAGE)) == {("killed", 14), ("injured", 30)}


def test_navigation_words_are_not_places_or_actors():
    brief = summarise_text(BROADCASTER_PAGE)
    for word in ("Africa", "Europe", "Breaking News", "Skip", "Accessibility"):
        assert word.casefold() not in names(brief.where)
        assert word.casefold() not in names(brief.who)


def test_caption_printed_twice_does_not_double_anything():
    brief = summarise_text(BROADCASTER_PAGE)
    assert len([f for f in brief.toll if f.category == "killed"]) == 1
    assert len([p for p in brief.where if "karvela" in p.name.casefold()]) <= 1


WIRE_PAGE = """Print

Gunmen kill wedding guests in Orlesh

By Tomas Ferreiro | Reuters | 12 June 2014

Gunmen opened fire on a wedding party in the village of Orlesh late on Saturday, killing
23 guests and wounding 17 others, a provincial official said.
The attackers fled on motorbikes towards the hills.
Eleven of the wounded were flown to the regional hospital, where doctors said 4 remained in critical condition.
"""


def test_sentence_broken_across_a_line_break_keeps_its_figures():
    brief = summarise_text(WIRE_PAGE)
    assert ("killed", 23) in figures(brief)
    assert ("injured", 17) in figures(brief)


def test_paragraphs_run_together_keep_their_own_figures():
    text = (
        "Train derails near Pollack Junction\n"
        "A passenger train left the tracks near Pollack Junction on Monday, killing 6 people.\n"
        "Railway officials said 52 passengers were injured, nine of them seriously.\n"
        "Investigators are examining a damaged section of rail.\n"
    )
    brief = summarise_text(text)
    assert ("killed", 6) in figures(brief)
    assert ("injured", 52) in figures(brief)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Landslide hits mining camp\n\nA landslide buried a mining camp above Tavira on Friday, and 19 workers "
         "are still missing as rescuers dig through the", ("missing", 19)),
        ("Storm lashes coast\n\nThe storm killed at least 27 people across the coastal province of Mervan and "
         "forced", ("killed", 27)),
        ("Bridge collapse kills 7 in Dorrin\n\nA road bridge collapsed into the river at Dorrin on Tuesday. "
         "Divers were still searching the water on Wednesday.", ("killed", 7)),
    ],
)  # fmt: skip
def test_line_without_a_full_stop_still_gives_its_figure(text, expected):
    assert expected in figures(summarise_text(text))


# ---------------------------------------------------------------- 2. sources


def test_quote_then_police_said():
    text = '"Nine people were killed and many more were hurt," police said.'
    assert "police" in source_of(summarise_text(text), "killed", 9).casefold()


def test_quote_then_said_named_official():
    text = '"At least 20 people have died in the floods," said Marta Quell, the regional governor.'
    assert "Marta Quell" in source_of(summarise_text(text), "killed", 20)


@pytest.mark.parametrize(
    ("text", "category", "count", "source"),
    [
        ("A fire at a textile factory in Brenholt killed 32 workers on Thursday. The figure was given by the "
         "Brenholt Fire Service.", "killed", 32, "Brenholt Fire Service"),
        ("Forty-one people were injured in the crush at the stadium gates. Eleven of them are in a serious "
         "condition, the Health Ministry said in a statement.", "injured", 41, "Health Ministry"),
    ],
)  # fmt: skip
def test_source_named_in_the_next_sentence(text, category, count, source):
    assert source in source_of(summarise_text(text), category, count)


def test_told_reuters_credits_the_speaker_not_the_agency():
    text = (
        "Six people were killed when the roof of the market collapsed, district administrator Omar Haldane "
        "told Reuters."
    )
    source = source_of(summarise_text(text), "killed", 6)
    assert "Omar Haldane" in source
    assert "Reuters" not in source


def test_spokesman_for_a_ministry():
    text = "At least 17 people were arrested after the clashes, a spokesman for the Interior Ministry said."
    assert "Interior Ministry" in source_of(summarise_text(text), "arrested", 17)


@pytest.mark.parametrize(
    ("text", "category", "count", "source"),
    [
        ("The National Disaster Agency said the floods had forced 2,400 people from their homes. "
         "The agency said 13 people had drowned.", "killed", 13, "National Disaster Agency"),
        ("The Ministry of Health in Velara confirmed the outbreak on Monday. The ministry said 23 patients "
         "had died in three districts.", "killed", 23, "Ministry of Health"),
        ("Provincial police chief Daniel Orvik said the gunmen had escaped into the forest. He said 4 officers "
         "were killed in the exchange of fire.", "killed", 4, "Daniel Orvik"),
    ],
)  # fmt: skip
def test_referring_back_to_a_named_source(text, category, count, source):
    assert source in source_of(summarise_text(text), category, count)


# ---------------------------------------------------------------- 3. one figure, once

LEDE_AND_BODY = """At least 12 people were killed when a fuel tanker exploded on a highway near Sandor on Wednesday.

The tanker had overturned after a collision with a lorry, and residents had gathered to collect fuel.

Twelve people died, police said, and the road was closed for the night.
"""


def test_unattributed_lede_and_sourced_restatement_are_one_figure():
    brief = summarise_text(LEDE_AND_BODY)
    the_figure(brief, "killed", 12)
    assert "police" in source_of(brief, "killed", 12).casefold()


@pytest.mark.parametrize(
    "text",
    [
        "Blast kills 9 in market\n\nA bomb tore through a crowded market in the town of Esk on Saturday, "
        "killing nine people, officials said.",
        "Nine dead as gunmen attack checkpoint\n\nGunmen attacked an army checkpoint outside Harbury on Friday "
        "night. Nine soldiers were killed in the attack, the army said.",
    ],
)
def test_headline_figure_restated_in_the_body_is_one_figure(text):
    brief = summarise_text(text)
    the_figure(brief, "killed", 9)
    assert [f.count for f in brief.toll if f.category == "killed"] == [9]


@pytest.mark.parametrize(
    "arrests",
    ["Police arrested the owner and two guards.", "The manager and two engineers were detained, police said."],
)
def test_a_list_of_people_arrested_is_one_figure(arrests):
    text = f"Fire in Osk\nA fire killed 9 workers at a warehouse in Osk. {arrests}\n"
    assert figures(summarise_text(text)) == {("killed", 9), ("arrested", 3)}


def test_a_part_of_the_injured_who_died_is_not_counted_as_injured():
    text = (
        "Bus bomb in Osk\nA bomb on a bus in Osk killed 11 people and wounded 40 on Monday, police said. "
        "Four of the injured died in hospital overnight.\n"
    )
    assert ("injured", 4) not in figures(summarise_text(text))


# ---------------------------------------------------------------- 4. not casualties


def test_survivors_a_search_a_part_of_a_figure_and_people_still_in_hospital():
    text = (
        "Boat sinks off Osk\n"
        '"We have found 38 bodies and 67 people survived," a navy officer said. '
        "Rescuers were searching for more than 20 others, local officials said. "
        "Governor Ana Ruiz said 64 people remained in hospital, nine of them in intensive care. "
        "Divers called off the search for 160 people lost in a separate sinking.\n"
    )
    assert figures(summarise_text(text)) == {("killed", 38), ("missing", 20), ("injured", 64)}


def test_a_toll_raised_from_an_earlier_figure_keeps_only_the_new_one():
    text = (
        "Quake toll rises\n"
        "The death toll rose to 23 on Tuesday, raising the toll from 12 announced in the morning, officials said.\n"
    )
    brief = summarise_text(text)
    assert figures(brief) == {("killed", 23)}
    assert "announced" not in {actor.name for actor in brief.who}


def test_camps_and_tanks_are_not_people():
    text = (
        "Floods in Osk\n"
        "Nearly 30,000 people are sheltering in 740 relief camps, officials said. "
        "Fighting destroyed 12 army tanks and wounded nine soldiers.\n"
    )
    assert counts(summarise_text(text)) == {30000, 9}


def test_a_wars_running_total_is_background_but_a_war_torn_region_is_not():
    text = (
        "Bombs kill 23 and wound 162 in Varn\n"
        "Two car bombs exploded in the capital of Varn on Wednesday, killing 23 people, officials said.\n"
        "The war, now in its ninth year, has killed more than 150,000 people, according to aid groups.\n"
        "The civil war has displaced four million people.\n"
    )
    assert figures(summarise_text(text)) == {("killed", 23), ("injured", 162)}
    torn = "Clashes in the war-torn region of Osk have left over 70 people dead, the Osk Monitor said on Friday.\n"
    assert ("killed", 70) in figures(summarise_text("Clashes in Osk\n" + torn))


@pytest.mark.parametrize(
    "headline,expected",
    [
        ("Bombs kill 23 people and wound 162 in Varn", ("injured", 162)),
        ("Police arrest 12 after riot in Osk", ("arrested", 12)),
    ],
)
def test_a_headline_verb_in_the_present_governs_its_number(headline, expected):
    assert expected in figures(summarise_text(headline + "\nThe blasts shook the city centre.\n"))


@pytest.mark.parametrize(
    ("text", "figure", "not_a_count"),
    [
        ("Lena Marsh, 34, a schoolteacher, was among the 3 people killed in the explosion.", ("killed", 3), 34),
        ("The shelling killed 5 civilians, among them Piet Arno, 71, a retired farmer.", ("killed", 5), 71),
        ("About 30 gunmen stormed the police post in the village of Kerem before dawn, killing four officers.",
         ("killed", 4), 30),
        ("A group of some 200 militants attacked the town at night, and 11 residents were killed.",
         ("killed", 11), 200),
        ("The death toll rose to 27 on Sunday, raising an earlier toll of 12, officials said.", ("killed", 27), 12),
        ("Officials now say 40 people died, up from 25 reported on Saturday.", ("killed", 40), 25),
    ],
)  # fmt: skip
def test_number_that_is_not_this_events_toll(text, figure, not_a_count):
    brief = summarise_text(text)
    assert figure in figures(brief)
    assert not_a_count not in counts(brief)


def test_people_on_board_and_rescued_are_not_a_toll():
    text = (
        "A ferry carrying 120 people capsized in rough seas off Cape Lornay on Tuesday.\n\n"
        "Coastguard officials said 45 passengers were rescued, 7 bodies were recovered and 18 people were "
        "still missing.\n\n"
        "The ferry carried 120 people, though it was licensed for 80."
    )
    brief = summarise_text(text)
    assert ("missing", 18) in figures(brief)
    assert counts(brief).isdisjoint({120, 45, 80})


def test_separate_incident_in_the_same_article_is_not_counted():
    text = (
        "A roadside bomb killed 3 police officers on a patrol near the town of Yarrow on Monday, the provincial "
        "governor said.\n\nIn a separate attack last week, 5 soldiers were killed at a checkpoint near the border."
    )
    brief = summarise_text(text)
    assert ("killed", 3) in figures(brief)
    assert 5 not in counts(brief)


def test_a_number_of_groups_is_not_a_count_of_people():
    text = "Clashes\nFighting between two rival armed groups in the town of Marrow has killed 14 people, medics said.\n"
    assert figures(summarise_text(text)) == {("killed", 14)}


@pytest.mark.parametrize(
    "earlier",
    [
        "The bombing came two days after gunmen killed 11 guards at a prison near the border.",
        "Tuesday's blast followed a raid on a market in Varn that killed at least 11 traders.",
        "The Varn Front said it fired in revenge for an air strike on its camp last week, in which 11 of its "
        "fighters were killed.",
    ],
)
def test_the_earlier_event_this_one_follows_is_background(earlier):
    text = f"Blast in Osk\nA car bomb killed 6 people at a checkpoint in Osk on Tuesday, police said. {earlier}\n"
    assert figures(summarise_text(text)) == {("killed", 6)}


@pytest.mark.parametrize(
    "aside", ["Among the dead was a girl of 12.", "A man of about 70 was wounded, a local elder said."]
)
def test_a_person_of_a_number_is_an_age(aside):
    text = f"Strike in Osk\nAn air strike killed six people in a car near Osk on Sunday. {aside}\n"
    assert counts(summarise_text(text)) == {6}


def test_people_in_critical_condition_are_injured():
    text = "9 workers dead, 2 in critical condition after blast at Osk plant\nA tank exploded in Osk.\n"
    assert figures(summarise_text(text)) == {("killed", 9), ("injured", 2)}


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Floods killed 12 people in Osk, officials said. The state will pay Rs 3 lakh to the families of the dead.",
         {("killed", 12)}),
        ("Two trains collided near Osk on Monday, killing 8 people. Officials said 40 ambulances had been sent to "
         "the scene and the injured were taken to hospital.", {("killed", 8)}),
        ("Cholera has killed 30 people in Osk, the ministry said. The outbreak has spread to 9 of the country's 20 "
         "provinces, with most cases in the north.", {("killed", 30)}),
    ],
)  # fmt: skip
def test_money_vehicles_and_a_part_of_a_count_of_places_are_not_people(text, toll):
    assert figures(summarise_text("Osk\n" + text + "\n")) == toll


def test_the_verb_of_the_next_number_does_not_govern_a_list_before_it():
    text = (
        "Shelling in Osk\nMortar fire hit the village of Osk on Sunday, killing a farmer and three children "
        "and wounding seven, officials said.\n"
    )
    assert figures(summarise_text(text)) == {("killed", 1), ("killed", 3), ("injured", 7)}


@pytest.mark.parametrize(
    "aside",
    [
        "More than 2,500 civilians were wounded in the insurgency, a UN report says.",
        "Police made 700 arrests in the first half of the year, the ministry said.",
    ],
)
def test_a_wars_toll_and_a_half_years_total_are_background(aside):
    text = f"Bomb in Osk\nA bomb killed 6 people at a court in Osk, police said. {aside}\n"
    assert figures(summarise_text(text)) == {("killed", 6)}


@pytest.mark.parametrize(
    ("aside", "toll"),
    [
        ("Among the missing is a fisherman, 52, who was swept off a jetty.", {("killed", 5)}),
        ("About 300 residents were evacuated to a school, and boats of the coastguard rescued 40 people from "
         "their roofs.", {("killed", 5), ("displaced", 300)}),
    ],
)  # fmt: skip
def test_an_age_after_a_person_noun_and_people_rescued_are_not_a_toll(aside, toll):
    text = f"Floods in Osk\nFloods killed 5 people in Osk on Friday, police said. {aside}\n"
    assert figures(summarise_text(text)) == toll


# ---------------------------------------------------------------- 5. number words


@pytest.mark.parametrize(
    ("expression", "value"),
    [("one hundred thousand", 100_000), ("three thousand five hundred", 3_500), ("two dozen", 24),
     ("half a dozen", 6), ("a hundred", 100), ("twenty-one", 21), ("1.2 million", 1_200_000),
     ("200 000", 200_000), ("1.2m", 1_200_000)],
)  # fmt: skip
def test_parse_number_words(expression, value):
    assert parse_number(expression) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An American soldier was killed in the ambush, the military said.", ("killed", 1)),
        ("A hundred people were injured when the stands gave way.", ("injured", 100)),
        ("Two dozen protesters were arrested outside the parliament on Friday.", ("arrested", 24)),
        ("The floods have displaced 200 000 people in the lowlands, aid workers said.", ("displaced", 200_000)),
        ("Half a dozen miners were killed when the shaft flooded.", ("killed", 6)),
    ],
)  # fmt: skip
def test_number_words_in_sentences(text, expected):
    assert expected in figures(summarise_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "A fire at a market in Osk killed 14 people on Monday, officials said. Three traders and a guard "
        "are among the dead, the mayor said.",
        "A fire at a market in Osk killed 14 people on Monday, officials said. Among the dead were a guard "
        "and three children.",
        "Rescuers recovered 14 bodies, including those of three children, after the boat sank off Osk.",
    ],
)
def test_a_part_of_the_toll_is_not_a_figure_of_its_own(text):
    assert 3 not in counts(summarise_text(text)) and 14 in counts(summarise_text(text))


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Residents of Osk said more than 300 people had fled after the raid on Monday.", ("displaced", 300)),
        ("After the cyclone, some 9,000 people had taken refuge in schools in Osk, officials said.",
         ("displaced", 9000)),
        ("Twelve families lost their homes when the river burst its banks in Osk, officials said.",
         ("displaced", 12)),
        ("The Red Cross said it had evacuated 40 families trapped in their homes by the floods in Osk.",
         ("displaced", 40)),
        ("The army said its troops neutralized about 30 fighters near Osk on Sunday.", ("killed", 30)),
        ("A rights group said 27 protesters had been beaten by police in Osk.", ("injured", 27)),
        ("Two children were badly burned when the fire swept through the camp near Osk.", ("injured", 2)),
    ],
)  # fmt: skip
def test_more_words_for_casualties(text, figure):
    assert figure in figures(summarise_text(text))


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # an aside between the number and its verb
        ("At least 16 soldiers and rebels — possibly more — were killed in Varnia on Saturday during an ambush.",
         ("killed", 16, "at_least")),
        # a relative clause between them
        ("Police said 30 taxi drivers who took part in demonstrations against the election results were arrested.",
         ("arrested", 30, "exact")),
        # a part 'of' a group, with an aside naming some of them
        ("The party said six of its top officials, including its chairman Dan Ruiz, had been detained.",
         ("arrested", 6, "exact")),
    ],
)  # fmt: skip
def test_the_parse_finds_the_verb_of_a_number_across_an_aside(text, figure):
    assert figure in {(f.category, f.count, f.qualifier) for f in summarise_text(text).toll}


def test_a_breakdown_in_apposition_is_part_of_the_figure():
    text = "Nine international staff, seven from the agency and two from other groups, have been evacuated to Osk."
    assert figures(summarise_text(text)) == {("displaced", 9)}


def test_a_sourced_restatement_keeps_the_hedge_of_the_story():
    text = (
        "Bus bomb in Osk\nAt least 14 people were killed when a bomb exploded on a bus in Osk on Monday.\n"
        '"Fourteen people were killed and 30 wounded," said Colonel Dan Ruiz, a spokesman for the army.\n'
    )
    figure = the_figure(summarise_text(text), "killed", 14)
    assert figure.qualifier == "at_least" and figure.source == "Dan Ruiz"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The death toll could be as high as 40, officials in Osk said.", ("killed", 40, "up_to")),
        ("Rescuers were digging by hand for up to 12 more believed to be buried under the mud in Osk, he said.",
         ("missing", 12, "up_to")),
        ("The floods have forced an estimated 90,000 people from their homes in Osk, the UN said.",
         ("displaced", 90000, "approximate")),
        ("Police in Osk said two men had been taken into custody after the blast.", ("arrested", 2, "exact")),
        ("Three of the gunmen were killed and one was seriously wounded in the gun battle in Osk.",
         ("injured", 1, "exact")),
    ],
)  # fmt: skip
def test_counts_hedges_and_phrases_of_a_toll(text, figure):
    assert figure in {(f.category, f.count, f.qualifier) for f in summarise_text(text).toll}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the toll named several words before its verb
        ("The toll from the Osk blast has risen to 52, the ministry said, revising an earlier figure of 40.",
         {("killed", 52)}),
        # a first report that a later one replaces
        ("Officials had initially reported 12 dead, but later raised the toll to 19.", {("killed", 19)}),
        # an earlier incident weeks ago
        ("A bomb killed 12 people in Osk on Monday, the third such attack this month. Two weeks ago, 25 people "
         "were killed in Tarn.", {("killed", 12)}),
    ],
)  # fmt: skip
def test_superseded_and_earlier_tolls_give_way_to_the_current_one(text, expected):
    assert figures(summarise_text(text)) == expected


# ---------------------------------------------------------------- 6. places


def test_another_outlets_dateline_is_not_a_place_of_the_event():
    text = (
        "LONDON (Reuters) - A bomb exploded in a market in the village of Tarnak in Chad on Tuesday, "
        "killing 8 people, police said."
    )
    brief = summarise_text(text)
    assert "london" not in names(brief.where)
    assert type_of(brief.where, "Tarnak") == "village"


def test_a_country_is_typed_country():
    text = "Floods in Kenya have killed at least 60 people this month, the Kenya Red Cross said."
    assert type_of(summarise_text(text).where, "Kenya") == "country"


def test_a_place_whose_name_starts_with_a_letter_outside_ascii_is_kept():
    text = "Floods swept through the city's Örnekvar district on Sunday, killing 9 people, officials said."
    assert type_of(summarise_text(text).where, "Örnekvar") == "district"


def test_a_village_named_as_the_home_of_speakers_stays_a_place():
    text = (
        "Drone strike kills four in Lower Varna\nElders in the village of Tarbo Hulle, about 9 kilometers "
        "south of Odeyo, said the strike killed 4 men.\n"
    )
    assert type_of(summarise_text(text).where, "Tarbo Hulle") == "village"


@pytest.mark.parametrize(
    ("text", "place", "kind"),
    [
        # a name before a lower-case noun of an area, whatever NER calls it
        ("At least seven people were killed when a building collapsed in the Ikarro area of Lagos on Friday, "
         "officials said.", "Ikarro", "neighbourhood"),  # an area of a city
        ("Shells hit villages in the Karrun sector on Sunday, killing three civilians, army officials said.",
         "Karrun", "district"),
        ("Relief workers reached the Pelloa department on Monday, where floods killed 15 people, officials said.",
         "Pelloa", "province"),
        # in apposition to 'the capital'
        ("Nine people died in a crush at a stadium in Cameroon's capital, Ombassa, the health minister said.",
         "Ombassa", "city"),
        # joined by 'and' to a place: its type too
        ("Two people died after a flash flood tore through the village of Altenfeld and neighbouring Rasbach "
         "overnight, police said.", "Rasbach", "village"),
    ],
)  # fmt: skip
def test_a_name_in_a_place_slot_of_the_parse_is_a_place(text, place, kind):
    brief = summarise_text(text)
    assert type_of(brief.where, place) == kind
    assert not has_name(brief.who, place)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a disease named after a town, though the gazetteer knows the town
        ("Virus kills 30 in Varnia\nMore than 30 people have died in Kesto province from the Garoua virus, "
         "officials said. The worst form of Garoua has a survival rate of only 10 percent.\n", "Garoua"),
        # a people's villages
        ("Officials in Osk said at least 50 people were killed when 3,000 fighters attacked Toposa villages "
         "on Friday.", "Toposa"),
        # a nationality describing the town named after 'of'
        ("Gunmen attacked the aid compound in the Somali town of Orrow on Sunday, killing two guards, "
         "officials said.", "Somali"),
        # a suspect's home town
        ("Four people were killed when a man opened fire in a bar in Osk on Sunday. The suspect, Dan Ruiz, 34, "
         "of Tellbrook, was arrested, police said.", "Tellbrook"),
        # where the wounded are treated
        ("Eight people died in a crush at a stadium in Osk, the minister said. 38 of the injured were being "
         "treated at Bamenda hospital.", "Bamenda"),
    ],
)  # fmt: skip
def test_a_name_used_for_something_else_than_the_events_place_is_not_a_place(text, name):
    assert not has_name(summarise_text(text).where, name)


def test_a_city_named_with_and_without_city_is_one_place():
    text = (
        "Air strike on Garoua kills four\nThe air force launched another strike into Garoua City at about 2 p.m. "
        "today, leaving four dead and 40 wounded in Garoua, medics said.\n"
    )
    assert len([place for place in summarise_text(text).where if "garoua" in place.name.casefold()]) == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an organisation after 'members of', though a town abroad has the name
        ("Four people were killed in Osk on Monday, police said. The clashes pitted members of Fano against "
         "the army.", "Fano"),
        # a body named after its county
        ("A tornado killed five people near Osk on Saturday. Tarrant County Emergency Management director "
         "Ray Dunn said four of the dead lived in a trailer park near Osk.", "Emergency"),
    ],
)  # fmt: skip
def test_an_organisation_named_like_a_place_is_not_a_place(text, name):
    assert not has_name(summarise_text(text).where, name)


@pytest.mark.parametrize(
    ("text", "place", "kind"),
    [
        ("Gunmen killed six soldiers in an attack on a base in Diffa on Monday, the army said.", "Diffa", "town"),
        ("A car bomb killed 12 people in a market in Niamey on Monday, police said.", "Niamey", "city"),
    ],
)
def test_a_small_gazetteer_settlement_is_a_town_a_large_one_a_city(text, place, kind):
    assert type_of(summarise_text(text).where, place) == kind


def test_places_listed_together_share_the_type_the_text_states_for_one():
    text = (
        "Floods have killed 20 people in the state, with Morvan, Kalpur and Varnia the worst hit, officials "
        "said. Six of the dead were in Morvan district."
    )
    where = summarise_text(text).where
    assert type_of(where, "Kalpur") == "district" and type_of(where, "Varnia") == "district"


def test_a_place_in_a_division_is_not_a_list():
    where = summarise_text("A bomb killed 5 people in the village of Tarnak, Kesto province, on Monday.").where
    assert type_of(where, "Tarnak") == "village" and type_of(where, "Kesto") == "province"


def test_a_headline_phrase_before_a_site_noun_is_not_a_place():
    text = (
        "Strike on market kills 12\nAn air strike hit a crowded market in the town of Kessa on Monday, "
        "killing 12 people, residents said.\n"
    )
    assert not has_name(summarise_text(text).where, "strike on")


@pytest.mark.parametrize(
    ("text", "place", "kind"),
    [
        # a settlement noun in apposition after the name
        ("Gunmen killed 7 villagers in Belo, a village in the Tarni region, on Sunday, officials said.",
         "Belo", "village"),
        # 'the X neighbourhood of Y': the noun types X, not Y, a city that has quarters
        ("The blast hit the Karamu neighbourhood of Osk on Friday, killing 6 people.", "Osk", "city"),
        ("The blast hit the Karamu neighbourhood of Osk on Friday, killing 6 people.", "Karamu", "neighbourhood"),
        # ... but an adjective or a feature before the noun leaves it to type Y
        ("A blast tore through a mine in the Black Sea town of Dervo on Friday, killing 9 miners.", "Dervo", "town"),
    ],
)  # fmt: skip
def test_the_noun_next_to_a_name_types_the_right_name(text, place, kind):
    assert type_of(summarise_text(text).where, place) == kind


def test_a_labelled_list_of_headlines_is_furniture():
    text = (
        "Bomb kills 9 in Osk\nA bomb exploded in a market in the town of Kessa on Monday, killing 9 people, "
        "police said.\n\nMOST READ: Council approves budget | Two hurt in Birch Road crash | High school wins title\n"
    )
    where = summarise_text(text).where
    assert not has_name(where, "Birch Road") and not has_name(where, "High school")


# ---------------------------------------------------------------- 7. who


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Gunmen killed 5 villagers in the hamlet of Borrow, a local elder told the BBC.", "BBC"),
        ("Six people were killed when the roof of the market collapsed, district administrator Omar Haldane "
         "told Reuters.", "Reuters"),
    ],
)  # fmt: skip
def test_media_outlet_is_not_an_actor(text, outlet):
    assert not has_name(summarise_text(text).who, outlet)


# ---------------------------------------------------------------- 8. attribution types


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Police chief Tomas Brandt said 8 people were killed in the raid.", "Tomas Brandt", "official"),
        ("The Interior Ministry said 15 people were arrested overnight.", "Interior Ministry", "government"),
        ("Ten people were killed in the shooting, witnesses said.", "witnesses", "witness"),
        # police and authorities who report speak for an authority: 'official'
        ("Ten people were killed in the shooting, police said.", "police", "official"),
        ("Local authorities said 12 houses were destroyed and 3 people died.", "Local authorities", "official"),
        # state bodies whose names carry no 'ministry' or 'agency'
        (
            "The Varnian Geological Survey said the quake killed at least 40 people.",
            "Varnian Geological Survey",
            "government",
        ),
        (
            "The Ostland Centre for Fever Control said 9 people had died.",
            "Ostland Centre for Fever Control",
            "government",
        ),
        ("The National Weather Service said the storm killed 4 people.", "National Weather Service", "government"),
        # news agencies that states run, and UN agencies named by their own names
        ("Xinhua said 11 miners were killed in the blast.", "Xinhua", "state_media"),
        ("The World Food Programme said 3 of its staff were killed.", "World Food Programme", "un"),
        # a rank makes the speaker military
        ("Colonel Dana Ruiz said 6 soldiers were killed in the ambush.", "Dana Ruiz", "military"),
    ],
)
def test_attribution_types(text, name, kind):
    assert type_of(summarise_text(text).attribution, name) == kind


def test_an_armed_group_cited_as_a_source_is_a_group_and_its_audience_says_nothing():
    text = (
        "Bombing in Osk\nA car bomb killed 12 soldiers at a checkpoint in Osk on Tuesday. "
        "Harakat Nur claimed responsibility for the attack. "
        "Harakat Nur told journalists that 20 soldiers had been killed.\n"
    )
    assert type_of(summarise_text(text).attribution, "Harakat Nur") == "group"


def test_the_people_a_toll_counts_are_the_victims_when_no_one_else_is():
    brief = summarise_text("A landslide buried a hillside hamlet on Friday, killing 14 villagers, officials said.")
    assert ("villagers", "victim") in {(actor.name, actor.role) for actor in brief.who}


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # a head noun more specific than 'people' names the victims
        (
            "Blast in Osk\nA bomb exploded outside a college in Osk on Monday, killing 9 people. "
            "Six students died at the scene and 20 were wounded, officials said.\n",
            "students",
        ),
        # the attackers killed are not the victims; a group's trailing verb is not its name
        (
            "Raid in Osk\nRaiders attacked a farm in Osk on Sunday, killing 11 people, officials said. "
            "Three of the attackers were killed, police said.\n",
            "people",
        ),
    ],
)  # fmt: skip
def test_the_most_specific_group_the_dead_count_is_the_victim(text, victims):
    who = summarise_text(text).who
    assert [actor.name for actor in who if actor.role == "victim"] == [victims]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ambush\nGunmen ambushed a military convoy near Osk on Monday, killing 5 soldiers, officials said.\n",
         "military convoy"),
        ("Blast\nA roadside bomb hit an army vehicle near Osk on Monday, killing 3 soldiers, officials said.\n",
         "army vehicle"),
        # the force a column carries is the target, listed once
        ("Attack\nGunmen attacked a convoy of paramilitary forces near Osk on Monday, killing 5 soldiers. "
         "The paramilitary forces said they returned fire.\n", "paramilitary forces"),
    ],
)  # fmt: skip
def test_a_vehicle_an_attack_hit_is_its_target(text, target):
    who = summarise_text(text).who
    assert (target, "target") in {(actor.name, actor.role) for actor in who}, who


def test_vehicles_burnt_in_an_accident_are_no_target():
    text = "Crash\nA tanker exploded on a highway near Osk, killing 12 people, and three other vehicles were burnt.\n"
    assert not [actor for actor in summarise_text(text).who if actor.role == "target"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bombing in Osk\nTwo car bombs killed 14 people in Osk on Tuesday. A statement showed photos of the "
         "bombers, identified as Karim bin Tahir and Yusuf Malik.\n", "Karim bin Tahir"),
        # an Arabic article before a later word of the name
        ("Rockets\nA rocket killed a farmer near Osk on Monday. Harun al-Ras, the group's armed wing, "
         "took responsibility for the attack.\n", "Harun al-Ras"),
    ],
)  # fmt: skip
def test_a_name_with_particles_is_read_whole(text, name):
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(name) == "attacker", roles


@pytest.mark.parametrize(
    ("text", "attacker", "victims"),
    [
        # a state that struck is a side
        ("Air strike\nNorway launched an air strike on a depot in Osk on Tuesday, killing three people, "
         "medics said.\n", "Norway", "people"),
        # a state's aircraft named by the state
        ("Raid\nVarnian warplanes struck a market in Osk on Tuesday, killing 9 civilians, rescuers said.\n",
         "Varnian warplanes", "civilians"),
        # forces who raid and kill armed men are the attackers, the men they kill the victims
        ("Raid\nVarnian troops raided a camp in Osk on Monday, killing 30 militants, the army said.\n",
         "Varnian troops", "militants"),
    ],
)  # fmt: skip
def test_the_side_that_struck_and_the_men_it_killed(text, attacker, victims):
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(attacker) == "attacker", roles
    assert roles.get(victims) == "victim", roles


def test_a_state_that_struck_before_is_no_side_of_this_event():
    text = (
        "Raid\nGunmen killed four guards at a depot in Osk on Monday, officials said. "
        "Norway has carried out more than 250 strikes in the region since 2017.\n"
    )
    assert "Norway" not in {actor.name for actor in summarise_text(text).who}


def test_a_groups_members_are_the_group_whatever_its_role():
    text = (
        "Strike on Osk\nVarnian jets targeted two Harak Front compounds and cars carrying Harak Front militants "
        "in Osk on Monday, killing four people. The Harak Front said one of its commanders was killed.\n"
    )
    names = [actor.name for actor in summarise_text(text).who]
    assert "Harak Front" in names and "Harak Front militants" not in names, names


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # firing tear gas disperses a crowd: the force is the authority
        ("Riot\nOstlandic police fired tear gas at rioters in Osk on Sunday. Police arrested 20 people, "
         "the interior ministry said.\n", {"Ostlandic police": "authority"}),
        # a lone gunman is the attacker; the police who shoot him answer his attack
        ("Shooting\nA gunman killed 3 people at a bar in Osk on Monday, police said. Police shot the gunman "
         "dead.\n", {"gunman": "attacker", "police": "authority"}),
    ],
)  # fmt: skip
def test_forces_who_disperse_or_answer_an_attack_are_authorities(text, roles):
    found = {actor.name: actor.role for actor in summarise_text(text).who}
    assert {name: found.get(name) for name in roles} == roles, found


def test_a_named_person_the_dead_include_is_a_victim():
    text = (
        "Bombing\nA car bomb exploded near a hotel in Osk on Monday, killing 6 people, including Ostland "
        "journalist Peter Varga, police said.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get("Peter Varga") == "victim", roles


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # the masthead, and the outlet officials told
        ("Gunmen kill 5 in Osk\nVarnia Daily Monitor\nGunmen attacked a village in Osk on Monday, killing 5 "
         "people, officials told the Varnia Daily Monitor.\n", "Varnia Daily Monitor"),
        # the outlet credited before the dash that opens the story
        ("Attack\nBy Sam Dorn, Kestrel Broadcasting Corporation\nKestrel Broadcasting Corporation — Militants "
         "stormed a police station in Osk on Monday, killing 4 officers.\n", "Kestrel Broadcasting Corporation"),
    ],
)  # fmt: skip
def test_the_pages_outlet_is_no_side(text, outlet):
    assert outlet not in {actor.name for actor in summarise_text(text).who}


def test_a_named_groups_men_a_strike_killed_are_its_target():
    text = "Strike\nVarnian jets struck a camp near Osk on Tuesday, killing seven al-Harb militants, officials said.\n"
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get("al-Harb militants") == "target", roles


def test_the_group_the_toll_counts_is_listed_beside_a_named_victim():
    text = (
        "Mine collapse\nA tunnel collapsed at a coal mine near Osk on Monday, killing 12 miners. "
        "Rescuers pulled survivor Tomas Reed, 27, from the rubble, officials said.\n"
    )
    victims = {actor.name for actor in summarise_text(text).who if actor.role == "victim"}
    assert {"miners", "Tomas Reed"} <= victims, victims


def test_a_headlines_topic_label_is_no_person():
    text = (
        "Ostara Kessel: boat capsizes near Osk, dozens feared dead\n"
        "A boat carrying traders capsized near Osk on Sunday, killing 20 people, police said.\n"
    )
    assert "Ostara Kessel" not in {actor.name for actor in summarise_text(text).who}


def test_forces_of_two_states_are_two_sides():
    text = (
        "Border clash\nVarnian troops shelled villages near Osk on Sunday, killing four civilians, officials said. "
        "Ostlandic troops returned fire, Ostlandic army officials said. Ostlandic army officials said the "
        "Varnian troops withdrew. Police said the villages were evacuated.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    # each state's forces under the name that acts ('troops'), not the one that speaks ('army officials')
    assert roles.get("Varnian troops") == "attacker" and roles.get("Ostlandic troops") == "attacker", roles


def test_a_place_named_in_and_before_a_title_is_no_actor():
    """NER may read a small town as a person: 'in X' and 'the X councillor' both read as its name."""
    text = (
        "Attack\nGunmen stormed a hotel in Osk on Monday, killing 7 people. "
        "Gunmen shot dead Osk councillor Peter Lind outside his home.\n"
    )
    who = {actor.name: actor.role for actor in summarise_text(text).who}
    assert "Osk" not in who and who.get("Peter Lind") == "victim", who


def test_a_person_an_attacker_wounded_is_a_victim():
    text = (
        "Attack\nA suicide bomber killed 9 people in Osk on Monday. The bomber also wounded Senator Mia Holt, "
        "officials said.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get("Mia Holt") == "victim", roles


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Clashes\nAt least 27 people have been killed in two days of clashes between cattle herders and "
         "farmers near Osk, the government said.\n", {"cattle herders", "farmers"}),
        # a word for the sides names none of them
        ("Clashes\nAbout 20 people were killed in fighting between two ethnic groups near Osk, "
         "officials said.\n", set()),
    ],
)  # fmt: skip
def test_the_generic_sides_of_a_clash_are_attackers(text, sides):
    attackers = {actor.name for actor in summarise_text(text).who if actor.role == "attacker"}
    assert attackers == sides, attackers


def test_no_generic_victim_when_the_attack_names_its_target():
    text = "Gunmen ambushed a police patrol near the border on Monday, killing six officers, the army said."
    roles = {(actor.name, actor.role) for actor in summarise_text(text).who}
    assert ("officers", "victim") not in roles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Half a million people were displaced by the floods, the relief agency said.", ("displaced", 500000, None)),
        ("Between 40 and 30 people were killed in the raid.", ("killed", 30, 40)),
        ("Between 30 and 40 people were killed in the raid.", ("killed", 30, 40)),
    ],
)
def test_halves_and_backward_ranges(text, expected):
    assert expected in {(f.category, f.count, f.count_max) for f in summarise_text(text).toll}


# ---------------------------------------------------------------- 7. who: sides from the parse

ROLE_SENTENCES = [
    (
        "Militants from the Northern Front stormed a police post in Karvela, killing six officers.",
        "Northern Front",
        "attacker",
    ),
    ("The Red Hand Brigade claimed responsibility for the blast.", "Red Hand Brigade", "attacker"),
    ("Responsibility for the attack was claimed by the Ostrava Army.", "Ostrava Army", "attacker"),
    ("Officials blamed the bombing on the Ostrava Army, which denied it.", "Ostrava Army", "attacker"),
    ("Rebels ambushed a patrol of the National Guard, killing two soldiers.", "National Guard", "target"),
    ("A suicide bomber killed nine people at a checkpoint in the town of Deral.", "suicide bomber", "attacker"),
    ("An Italian engineer was killed by a roadside bomb near the town of Deral.", "Italian engineer", "victim"),
    (
        "The blast came a week after a Varga Liberation Front raid on a border post.",
        "Varga Liberation Front",
        "attacker",
    ),
    ("A Kestrel Army attack killed two guards near the dam.", "Kestrel Army", "attacker"),
    # the name a common noun carries: 'members of the X group', 'the militant group X'
    (
        "Armed members of the hardline Zafar Brigade group tried to storm a clinic in the town of Beled.",
        "Zafar Brigade",
        "attacker",
    ),
    ("Officials blamed the militant group Harakat Nur for the attack on the depot.", "Harakat Nur", "attacker"),
    # a copula naming who the attackers were; an Arabic article before a name
    ("The attackers were fighters of the Ansar Front, the charity said.", "Ansar Front", "attacker"),
    ("Fighters from al-Nasr Brigade stormed a checkpoint outside Deral.", "al-Nasr Brigade", "attacker"),
]


def test_a_group_the_toll_counts_is_listed_once():
    text = "Clashes in Osk\nA security source told VOA that at least 20 soldiers had died near Osk on Monday.\n"
    soldiers = [actor for actor in summarise_text(text).who if actor.name == "soldiers"]
    assert [actor.role for actor in soldiers] == ["victim"]


def test_generic_attackers_that_a_phrase_names_are_the_named_group():
    text = (
        "Depot raided\nHeavily armed gunmen raided a food depot in Osk on Sunday, killing two guards. "
        "The gunmen were al-Harb militants from outside the town, police said. "
        "The al-Harb group later claimed responsibility for the raid.\n"
    )
    attackers = [actor for actor in summarise_text(text).who if actor.role == "attacker"]
    assert [actor.name for actor in attackers] == ["al-Harb"]
    assert "al-Harb militants" in attackers[0].aliases


def test_a_dateline_in_capitals_is_not_a_person():
    text = (
        "Mine collapse kills 12\nVARNOK (Reuters) - A gold mine collapsed near the town of Osk on Tuesday, "
        "killing 12 miners, the mining ministry said.\n"
    )
    assert not [actor for actor in summarise_text(text).who if actor.name.isupper()]


def test_a_force_named_by_its_place_is_listed_once(monkeypatch):
    """NER sometimes reads 'X police' as a person: the force found as a side is not listed again."""
    import summarizer.pipeline as pipeline
    from summarizer.extract.names import EntityMention

    text = (
        "Factory fire\nA fire at a shoe factory in Osk killed 9 workers on Monday. Police arrested the owner "
        "on Tuesday, Morvale police chief Dana Petrov told reporters.\n"
    )
    found = pipeline.find_entities

    def as_a_person(text, sentences, docs=None):
        start = text.index("Morvale police")
        return [*found(text, sentences, docs), EntityMention("Morvale police", start, start + 14, "PERSON")]

    monkeypatch.setattr(pipeline, "find_entities", as_a_person)
    names = [actor.name for actor in summarise_text(text).who]
    assert names.count("Morvale police") == 1, names


@pytest.mark.parametrize(
    "text,role",
    [
        # forces who fire on people are attackers by convention
        (
            "Crackdown in Osk\nRiot police opened fire on marchers in Osk on Friday, killing four people, "
            "a rights group said.\n",
            "attacker",
        ),
        (
            "Border shelling\nTwo farmers were killed on Sunday when army troops shelled villages near Osk, "
            "officials said.\n",
            "attacker",
        ),
        # forces who fight back against attackers stay the authority
        (
            "Hotel siege\nGunmen stormed a hotel in Osk on Monday, killing six guests. "
            "Three gunmen were killed by police officers, officials said.\n",
            "authority",
        ),
    ],
)
def test_forces_that_fire_on_people_are_attackers(text, role):
    forces = [a for a in summarise_text(text).who if a.name.split()[-1] in ("police", "troops", "commandos")]
    assert forces and {a.role for a in forces} == {role}, [(a.name, a.role) for a in summarise_text(text).who]


@pytest.mark.parametrize(
    "sentence,name",
    [
        ("A video showed the purported bombers, identified as Karim Dassa, Musa Tell and Abu Halim.", "Abu Halim"),
        ("The attackers were identified as Karim Dassa and Musa Tell.", "Musa Tell"),
        (
            "No group claimed the attack, but suspicion fell on the Ostrava Army, "
            "a rebel group whose insurgency has killed thousands of people.",
            "Ostrava Army",
        ),
        (
            "The Kestrel Brigade, the armed wing of the Union party, also took responsibility "
            "for the attack, which killed 14.",
            "Kestrel Brigade",
        ),
    ],
)
def test_a_claim_or_an_identification_makes_the_attacker_whatever_the_words_nearby(sentence, name):
    text = f"Car bomb in Osk\nA car bomb killed 14 people in Osk on Tuesday, police said. {sentence}\n"
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(name) == "attacker", roles


def test_a_faith_or_people_before_a_noun_is_not_made_a_side():
    text = "Raid on Osk\nGunmen raided the village of Osk on Sunday. Eleven Shia villagers were killed, police said.\n"
    assert "Shia" not in {actor.name for actor in summarise_text(text).who}


def test_an_accusation_of_something_other_than_an_attack_names_no_attacker():
    text = (
        "Raid on Osk\nGunmen raided the village of Osk on Sunday, killing eleven farmers. A rights group "
        "accused security forces of failing to respond to calls for help for hours.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get("security forces") != "attacker", roles


def test_a_named_storm_is_not_an_actor():
    text = (
        "Cyclone Amara slams into the coast, killing at least 19\n"
        "Cyclone Amara made landfall near the port of Beral early on Monday, killing at least 19 people, "
        "officials said. Beral was largely destroyed by Cyclone Ivo in 2019, which killed more than 1,000 people.\n"
    )
    assert not [actor.name for actor in summarise_text(text).who if actor.name.startswith("Cyclone")]


def test_supporters_a_broadcaster_and_half_an_organisations_name_are_not_sides():
    text = (
        "Quake brings down offices\n"
        "The quake brought down the Lesk Television building in Osk on Tuesday, killing 40 people. "
        "Teams from Osk Search and Rescue worked through the night. "
        "Supporters of the mayor gathered outside the town hall, police said.\n"
    )
    names = {actor.name for actor in summarise_text(text).who}
    assert not {"Lesk Television", "Osk Search", "Supporters"} & names


def test_one_capitalised_word_before_an_attack_noun_is_not_a_side():
    from summarizer.extract.actors import role_cues
    from summarizer.extract.sentences import parse_sentences, split_sentences

    sentences = split_sentences("A Monday raid on the depot in Oster left two guards dead.")
    assert not {cue.name for cue in role_cues(sentences, parse_sentences(sentences))} & {"Monday", "Oster"}


def test_a_headline_phrase_does_not_name_the_lone_attacker():
    text = (
        "Harbour Suicide Bomber Kills 7 in Port Town\n"
        "A suicide bomber killed seven people at the harbour gate of Lesk on Friday, police said.\n"
    )
    names = {actor.name for actor in summarise_text(text).who if actor.role == "attacker"}
    assert "suicide bomber" in names
    assert "Harbour Suicide Bomber" not in names


@pytest.mark.parametrize("region", ["Central Varnia", "Tessel Prefecture", "North Oskar"])
def test_a_region_read_as_a_person_is_not_an_actor(region):
    text = (
        "Quake hits the north\n"
        f"The earthquake shook {region} on Monday, and officials said two residents were hurt. "
        f"Emergency crews from {region} were sent to the coast.\n"
    )
    assert region not in {actor.name for actor in summarise_text(text).who}


@pytest.mark.parametrize(
    "name,place",
    [
        ("Central Varnia", True),
        ("Tessel Prefecture", True),
        ("Cyclone Amara", True),
        ("Anna North", False),
        ("Tom Ash", False),
    ],
)
def test_a_name_with_a_place_word_reads_as_a_place(name, place):
    from summarizer.extract.entities import reads_as_place

    assert reads_as_place(name) is place


@pytest.mark.parametrize("sentence,name,role", ROLE_SENTENCES)
def test_role_is_read_from_the_verb_a_name_is_an_argument_of(sentence, name, role):
    from summarizer.extract.actors import role_cues, roles_by_name
    from summarizer.extract.sentences import parse_sentences, split_sentences

    sentences = split_sentences(sentence)
    found = roles_by_name(role_cues(sentences, parse_sentences(sentences)))
    assert found[name][0] == role


def test_a_source_in_according_to_is_not_a_side():
    from summarizer.extract.actors import role_cues
    from summarizer.extract.sentences import parse_sentences, split_sentences

    sentences = split_sentences("According to army spokesman Pavel Orsk, gunmen killed four guards on Monday.")
    assert "Pavel Orsk" not in {cue.name for cue in role_cues(sentences, parse_sentences(sentences))}


def test_a_common_noun_or_a_place_is_not_made_a_side():
    text = (
        "Troops shell town\n"
        "Shelling hit the town of Varno overnight. Troops shelled Varno again on Tuesday, killing three people, "
        "the mayor said.\n"
    )
    brief = summarise_text(text)
    assert {"Varno", "Shelling"}.isdisjoint(actor.name for actor in brief.who)
    assert "Varno" in {place.name for place in brief.where}


def test_parsed_attacker_reaches_the_brief():
    text = (
        "Gunmen kill 5 at market\n"
        "The Silver Hand Movement claimed responsibility for an attack on a market in the town of Deral "
        "that killed five people, police said.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get("Silver Hand Movement") == "attacker"


# ---------------------------------------------------------------- 6. places of the event


def test_countries_named_only_further_down_are_background():
    text = (
        "Quake kills 40 in Peru\n"
        "An earthquake struck northern Peru on Sunday, killing 40 people, officials said.\n"
        "The quake was felt across the region and cut power to thousands of homes.\n"
        "Many of the dead were in older houses built of mud brick.\n"
        "Rescue teams from Norway, Japan and Chile arrived on Tuesday to help search the rubble.\n"
    )
    countries = {place.name for place in summarise_text(text).where if place.type == "country"}
    assert countries == {"Peru"}


def test_a_division_written_with_lower_case_state_keeps_the_word():
    text = (
        "Troops fire on protesters\n"
        "Soldiers shot dead eight protesters in Varn state on Sunday, residents said. "
        "Police in Kachu state said two more people died.\n"
    )
    places = {place.name: place.type for place in summarise_text(text).where}
    assert places.get("Varn state") == "province"
    assert places.get("Kachu state") == "province"


def test_a_state_named_by_two_words_or_by_a_country_name_keeps_the_word(monkeypatch):
    import summarizer.extract.places as places

    known = places.gazetteer_kind
    monkeypatch.setattr(places, "gazetteer_kind", lambda name: "country" if name == "Varnia" else known(name))
    text = (
        "Floods kill 14\n"
        "Floods killed 12 people in Cross Marin state on Monday, officials said. "
        "In Varnia state, two more people died, Varnia state media reported.\n"
    )
    places_found = {place.name: place.type for place in summarise_text(text).where}
    assert places_found.get("Cross Marin state") == "province"
    assert places_found.get("Varnia state") == "province"


def test_a_surname_or_a_virus_name_is_not_a_place_anywhere_in_the_story():
    text = (
        "Outbreak in Tessel\n"
        "President Ivo Dorsk declared an emergency in the district of Tessel on Friday after the Kessel virus "
        "killed nine people, health officials said. Cases of Kessel rose to 40, and Dorsk visited Tessel.\n"
    )
    places = {place.name for place in summarise_text(text).where}
    assert "Tessel" in places
    assert not {"Dorsk", "Kessel"} & places


def test_names_never_places_whatever_ner_says():
    from summarizer.extract.names import EntityMention
    from summarizer.extract.places import _never_places

    text = "President Ivo Dorsk said the Kessel virus spread. Dorsk flew to Kessel and Tessel."
    mentions = [
        EntityMention("Ivo Dorsk", 10, 19, "PERSON"),
        EntityMention("Kessel", 29, 35, "GPE"),
        EntityMention("Dorsk", 51, 56, "GPE"),
        EntityMention("Kessel", 65, 71, "GPE"),
        EntityMention("Tessel", 76, 82, "GPE"),
    ]
    assert _never_places(text, mentions) == {"Dorsk", "Kessel"}


def test_a_name_with_an_al_particle_islands_and_a_demonym():
    text = (
        "Market shelled\n"
        "Shells hit the Souq al-Juma district of Osk on Monday, killing six people, officials said. "
        "Varnian troops fired back from positions near the Kessa islands.\n"
    )
    places = {place.name for place in summarise_text(text).where}
    assert "Souq al-Juma" in places and "Juma" not in places
    assert "Varnian" not in places


def test_a_division_the_story_names_beats_the_gazetteers_city(monkeypatch):
    import summarizer.extract.places as places

    known = places.gazetteer_kind
    monkeypatch.setattr(places, "gazetteer_kind", lambda name: "city" if name == "Varno" else known(name))
    text = (
        "Jets struck a market in Varno on Monday, killing nine people, officials said. "
        "Rebels hold most of Varno province.\n"
    )
    assert type_of(summarise_text(text).where, "Varno") == "province"


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("Floods have killed 30 people in the Teska, Morvi and Dalun districts since Sunday, officials said.",
         "district"),
        ("An outbreak has killed 12 people in the southern states of Kavo and Lemba, health officials said.",
         "province"),
        ("Nine people were hurt in Tarsk, Obel and Varn prefectures when the quake struck, police said.",
         "province"),
    ],
)  # fmt: skip
def test_a_plural_place_noun_types_every_name_of_its_list(sentence, kind):
    places = {place.name: place.type for place in summarise_text(sentence).where}
    assert places and all(kind == places.get(name) for name in places), places


def test_a_name_ending_in_county_or_prefecture_is_typed_by_that_word():
    text = "A tornado killed five people in rural Tesker County late Saturday, officials said."
    assert type_of(summarise_text(text).where, "Tesker") == "district"


def test_a_known_place_before_a_site_noun_is_the_place_not_a_named_site(monkeypatch):
    import summarizer.extract.places as places

    known = places.gazetteer_kind
    monkeypatch.setattr(places, "gazetteer_kind", lambda name: "city" if name == "Varno" else known(name))
    text = (
        "Shelling of Varno market kills seven\n"
        "Shells hit a covered market in Varno on Monday, killing seven people, the governor said.\n"
    )
    where = names(summarise_text(text).where)
    assert "varno" in where and "varno market" not in where


def test_a_person_is_not_a_place_for_a_citys_alternate_name(monkeypatch):
    import summarizer.extract.places as places

    known = places.gazetteer_kind
    monkeypatch.setattr(places, "gazetteer_kind", lambda name: "city" if name == "Moravec" else known(name))
    text = (
        "Police fired on supporters of President Jan Moravec in the town of Tesk on Monday, killing two people. "
        "Supporters of Moravec marched again on Tuesday, witnesses said.\n"
    )
    where = names(summarise_text(text).where)
    assert "tesk" in where and "moravec" not in where


def test_a_disease_or_a_weapon_named_after_a_place_is_not_a_place():
    text = (
        "Outbreak in the north\n"
        "Nine people have died of Marwa fever in the district of Tessel, health officials said on Friday.\n"
    )
    places = {place.name for place in summarise_text(text).where}
    assert "Marwa" not in places
    assert "Tessel" in places


@pytest.mark.parametrize(
    "text,site",
    [
        ("A suicide bomber blew himself up inside a crowded mosque in the town of Tesk on Friday, killing 14 "
         "worshippers, police said. The bomber walked into the prayer hall during prayers. The wounded were taken "
         "to a hospital in the town.", "mosque"),
        ("Gunmen stormed a guesthouse used by aid workers in the town of Tesk late Monday, killing five people, "
         "officials said. Survivors are living in a school nearby.", "guesthouse"),
        ("Eleven people were killed on Tuesday when a six-storey building under construction collapsed in the town "
         "of Tesk, officials said.", "six-storey building"),
        ("Two bombs went off in a bath house in the town of Tesk on Friday, killing nine people, police said.",
         "bath house"),
        ("Eight people were killed in a bombing at the main bus station in the town of Tesk, police said. "
         "The bomb was left near the ticket hall.", "bus station"),
        ("An air strike hit a Varnian building in the town of Tesk, killing four people, officials said. Shells "
         "then hit a covered market in the town.", "covered market"),
    ],
)  # fmt: skip
def test_the_common_noun_site_of_the_event_is_a_place(text, site):
    """The site an event verb or noun happens in or at, or the object of an attack: named
    without the words that only describe it, once; not where the wounded went or people
    shelter, not a building a name owns, not a part of the site named later."""
    where = {place.name: place.type for place in summarise_text(text).where}
    assert where.get(site) == "site", where
    assert not {"prayer hall", "ticket hall", "crowded mosque", "hospital", "school", "building"} & set(where)


def test_a_name_written_only_inside_a_longer_place_name_is_not_a_place_of_its_own():
    text = (
        "Strike on market kills 20\n"
        "An air strike hit the Suq al-Dowra market in the town of Tesk on Wednesday, killing 20 people, "
        "health officials said.\n"
    )
    where = {place.name for place in summarise_text(text).where}
    assert "Suq al-Dowra market" in where and "Suq al-Dowra" not in where, where


def test_a_continent_a_sea_or_a_river_is_not_a_place_of_the_event():
    text = (
        "Boat sinks off Tesk\n"
        "A boat carrying 60 people sank off the town of Tesk on Sunday, killing 14, officials said. "
        "It is the deadliest accident in the Eastern Mediterranean Sea this year, and the ferry network of "
        "Varnia is the oldest in Africa. The boat had sailed down the Dowra River.\n"
    )
    where = {place.name for place in summarise_text(text).where}
    assert "Tesk" in where
    assert not {"Africa", "Eastern Mediterranean Sea", "Dowra River"} & where, where


def test_a_place_named_only_in_a_background_sentence_is_not_a_place_of_the_event():
    text = (
        "Ferry sinks off Tesk\n"
        "A ferry carrying 80 people sank off the town of Tesk on Sunday, killing 21, officials said.\n"
        "Rescuers searched the water through the night.\n"
        "In October, 27 people died when a boat sank near the town of Dorvik.\n"
        "The country's worst ferry disaster, at Lamsa in 2009, killed 300 people.\n"
    )
    where = {place.name for place in summarise_text(text).where}
    assert "Tesk" in where
    assert not {"Dorvik", "Lamsa"} & where, where


def test_a_country_used_as_a_modifier_of_soldiers_or_units_is_not_a_place():
    text = (
        "Car bomb kills 16 in Tesk\n"
        "A car bomb packed with 3 US lbs of explosives killed two US soldiers and 14 civilians in the town of "
        "Tesk on Monday, police said.\n"
    )
    where = {place.name for place in summarise_text(text).where}
    assert "Tesk" in where and "US" not in where, where


def test_the_city_where_a_spokesperson_spoke_is_not_a_place_of_the_event():
    text = (
        "Boat capsizes off Tesk\n"
        "A boat carrying 40 migrants capsized off the town of Tesk on Sunday, killing 12 people. "
        '"This is another tragedy at sea," the agency\'s spokeswoman Mara Velt said in Geneva.\n'
    )
    where = {place.name for place in summarise_text(text).where}
    assert "Tesk" in where and "Geneva" not in where, where


# ---------------------------------------------------------------- 2. sources: more report shapes


def test_a_conjunction_or_a_modifier_tail_is_not_part_of_a_source_name():
    text = (
        "Storm kills 9 on the coast\n"
        "The storm killed nine people in the port of Lesk, state-run Osk Agency said. "
        "But officials said four people were still missing.\n"
    )
    brief = summarise_text(text)
    names = {source.name for source in brief.attribution}
    assert "Osk Agency" in names and "officials" in names
    assert not {"run Osk Agency", "But officials"} & names


def test_states_in_a_country_name_is_not_a_reporting_verb():
    text = (
        "Quake kills 30\n"
        "A quake killed 30 people in the town of Osk on Saturday, officials said. "
        "The United States sent rescue teams on Sunday.\n"
    )
    names = {source.name for source in summarise_text(text).attribution}
    assert "United" not in names


@pytest.mark.parametrize(
    "sentence,name",
    [
        ("A bomb killed eight people at a market in Osk on Monday, police spokesman Ali Veron said.", "Ali Veron"),
        ("Interior minister Kaspar Oden said eight people were killed in the blast in Osk.", "Kaspar Oden"),
        ("Col. Tarek al-Mansi said eight soldiers were killed near Osk.", "Tarek al-Mansi"),
        ("The Varnian Observatory for Human Rights said eight people were killed in Osk.", None),
    ],
)
def test_a_person_source_is_named_without_the_title_before_the_name(sentence, name):
    names = {source.name for source in summarise_text("Blast in Osk\n" + sentence + "\n").attribution}
    if name is None:  # an organisation's name keeps its words
        assert "Varnian Observatory for Human Rights" in names and "Human Rights" not in names
    else:
        assert name in names


def test_it_said_refers_back_to_the_body_cited_before():
    text = (
        "Floods kill 14\n"
        "Fourteen people died in floods across Osk province on Thursday, the Osk Disaster Authority said.\n"
        "Nearly 3,000 people are sheltering in relief camps, it said. Mayor Lina Varo visited the camps.\n"
    )
    assert source_of(summarise_text(text), "displaced", 3000) == "Osk Disaster Authority"


def test_an_unnamed_secretariat_is_a_government_source_and_a_president_is_an_official():
    text = (
        "Quake kills 46\n"
        "A strong earthquake has killed at least 46 people in the coastal province of Lesk, "
        "the national emergency secretariat says. The secretariat said 312 people were injured. "
        'President Anton Vel, who flew to the region, said "at least 60" had died.\n'
    )
    brief = summarise_text(text)
    assert source_of(brief, "injured", 312) == "national emergency secretariat"
    types = {source.name: source.type for source in brief.attribution}
    assert types["national emergency secretariat"] == "government"
    assert types["Anton Vel"] == "official"


def test_an_officer_who_told_an_outlet_is_the_source_and_a_place_ending_a_headline_is_kept():
    text = (
        "Gunmen kill 4 in Osk\n"
        "Gunmen killed four people in the town of Osk on Monday, a police officer told VOA. "
        "Two others were wounded, a local official told Reuters.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "killed", 4) == "police officer"
    assert source_of(brief, "injured", 2) == "local official"
    assert "Osk" in {place.name for place in brief.where}
    assert "Osk" not in {actor.name for actor in brief.who}


def test_the_town_of_a_name_is_a_place_whatever_ner_says():
    from summarizer.extract.entities import _named_as_place

    text = "Fighting spread to the town of Osk and to Dorva."
    assert _named_as_place(text, text.index("Osk"), "Osk")
    assert not _named_as_place(text, text.index("Dorva"), "Dorva")


@pytest.mark.parametrize(
    "sentence,count,source",
    [
        ("A local rights group, the Varo League for Human Rights, said its members had counted 41 dead.", 41,
         "Varo League for Human Rights"),
        ("The national disaster unit, VNDU, said nine injured people were taken to hospital.", 9, "VNDU"),
        ("A security source in the regional capital, Lesk, who spoke on condition of anonymity, told VOA that "
         "at least 20 soldiers had died.", 20, "security source"),
    ],
)  # fmt: skip
def test_a_source_named_in_apposition_and_a_place_in_apposition(sentence, count, source):
    brief = summarise_text("Clashes in Osk\n" + sentence + "\n")
    assert [f.source for f in brief.toll if f.count == count] == [source]


def test_a_long_quotation_is_credited_to_the_speaker_named_where_it_closes():
    text = (
        "Quake in Osk\n"
        "The quake struck the district of Osk on Monday, officials said.\n\n"
        '"We update the figures as they reach us. For the injured, the latest figure is 446. We are setting up '
        'bases. Lesk will be a central base. We are also building a hub," said Ana Ruiz.\n'
    )
    assert source_of(summarise_text(text), "injured", 446) == "Ana Ruiz"


def test_two_outlets_joined_by_and_are_two_sources():
    text = "Blast kills 6\nA blast killed six people at a bus stop in Dorva on Monday, the KTV and RNO reported.\n"
    names = {source.name for source in summarise_text(text).attribution}
    assert {"KTV", "RNO"} <= names


@pytest.mark.parametrize(
    "text,count,source",
    [
        # 'at least 12 people, the X (XA) said': 'at least' is not 'a source at a place'
        (
            "Flood kills 12\nA flood swept through the town of Osk on Monday, killing at least 12 people, "
            "the Regional Disaster Relief Agency (RDRA) said on Tuesday.\n",
            12,
            "Regional Disaster Relief Agency",
        ),
        # 'the agency' stands for the body whose own name ends in 'Agency', whatever its kind
        (
            "Flood kills 12\nThe Regional Disaster Relief Agency said a flood killed 12 people in Osk on Monday.\n"
            "The agency said 300 residents had been evacuated to schools.\n",
            300,
            "Regional Disaster Relief Agency",
        ),
        # or for a body of no known kind named before
        (
            "Fever outbreak\nThe Varnian Centre for Fever Control (VCFC) said on Monday that 14 people had died.\n"
            "The agency said 210 cases had been confirmed in nine districts.\n",
            210,
            "Varnian Centre for Fever Control",
        ),
    ],
)
def test_a_body_named_with_its_acronym_and_the_description_that_refers_back_to_it(text, count, source):
    brief = summarise_text(text)
    credited = [f.source for f in brief.toll if f.count == count]
    assert credited == [source], credited


def test_a_name_opening_the_reported_clause_is_not_a_source_after_its_verb():
    text = (
        "Border shelling\nThree villagers were killed on Sunday when troops shelled villages near Osk, "
        "Varnian army officials said.\nKarvelia's military said Varnian shelling had killed two of its civilians.\n"
    )
    brief = summarise_text(text)
    assert "Varnian" not in {s.name for s in brief.attribution}
    assert source_of(brief, "killed", 2) == "Karvelia's military"


def test_people_whose_work_gives_them_the_figures_are_sources():
    text = (
        "Factory fire\nA fire at a shoe factory in Osk killed 9 workers on Monday, police said. "
        "Osk's civil surgeon said 34 injured workers had been admitted to hospitals.\n"
        "A Radio Varna correspondent said 12 people were missing.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "injured", 34) == "Osk's civil surgeon"
    assert source_of(brief, "missing", 12) == "Radio Varna correspondent"
    assert {s.name: s.type for s in brief.attribution}["Radio Varna correspondent"] == "media"


@pytest.mark.parametrize(
    "sentence,source",
    [
        ("Relief workers said 14 bodies had been pulled from the rubble.", "Relief workers"),
        ("The toll rose to 14, according to a statement from the Osk Fire Brigade.", "Osk Fire Brigade"),
        ("The toll rose to 14, according to the Attorney General's office.", "Attorney General's office"),
        ("The United Nations mission in Varnia said at least 14 civilians were killed.", "United Nations mission"),
    ],
)
def test_more_ways_of_citing_a_source(sentence, source):
    assert source_of(summarise_text(f"Attack in Osk\n{sentence}\n"), "killed", 14) == source


def test_a_description_with_its_own_proper_adjective_is_not_another_source():
    text = (
        "Strikes on Osk\nAir strikes on Osk killed 22 people on Monday, a war monitor said. "
        "The Varnia Observatory, a monitoring group, said Ostrian and Varnian warplanes carried out eight raids. "
        "The Varnia Civil Defence said it had pulled 19 bodies from the rubble. "
        "The Ostrian defence ministry said its aircraft had struck weapons depots.\n"
    )
    names = {s.name for s in summarise_text(text).attribution}
    assert "Ostrian" not in names and "Varnian" not in names, names
    assert "Ostrian defence ministry" in names and "Varnia Civil Defence" in names, names


def test_a_speaker_found_by_the_parse_is_named_without_the_description():
    text = (
        "Storm hits Osk\nA tornado killed 14 people in Osk on Monday, officials said. "
        '"There was nothing left," said resident Dana Varga, who hid in a cellar with her son.\n'
    )
    assert "Dana Varga" in {s.name for s in summarise_text(text).attribution}


def test_a_named_news_agency_is_a_source_of_its_own():
    text = (
        "Floods kill 12\n"
        "Floods killed 12 people in the town of Osk on Monday, the KTV channel reported.\n"
        "The Varo-Tass news agency said three people were missing.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "missing", 3) == "Varo-Tass news agency"


@pytest.mark.parametrize(
    "text,count,source",
    [
        ("Floods hit north\nThe National Relief Agency put the death toll at 26.\n", 26, "National Relief Agency"),
        (
            "Mine blast\nRescue chief Omar Bekov spoke at the site, saying 33 bodies had been recovered.\n",
            33,
            "Omar Bekov",
        ),
        (
            "Mine blast\nThe governor, Lia Harm, told reporters crews were digging, adding that 14 were missing.\n",
            14,
            "Lia Harm",
        ),
    ],
)
def test_put_the_toll_at_and_a_participle_of_saying_credit_their_subject(text, count, source):
    figures = {f.count: f.source for f in summarise_text(text).toll}
    assert source in (figures[count] or "")


@pytest.mark.parametrize(
    "sentence,count,source,kind",
    [
        # a fire department is a civil force like the police: official, as the labelled data types it
        ("Wildfires have killed at least 12 people, local fire departments reported on Monday.", 12,
         "local fire departments", "official"),
        ("The storm destroyed hundreds of homes and killed nine people, several press reports said.", 9,
         "several press reports", "media"),
        ("At least 25 protesters were killed in the crackdown, human rights monitors said.", 25,
         "human rights monitors", None),
        ("Initial reports said three farmers were killed in the raid.", 3, "Initial reports", "media"),
    ],
)  # fmt: skip
def test_a_plural_or_generic_source_is_cited_and_credited(sentence, count, source, kind):
    brief = summarise_text("Deaths in Osk\n" + sentence + "\n")
    assert source_of(brief, "killed", count) == source
    assert source.casefold() in names(brief.attribution)
    if kind:
        assert type_of(brief.attribution, source) == kind


def test_a_figure_whose_paragraph_cites_nobody_takes_the_source_of_the_next_paragraph_or_the_one_before():
    text = (
        "Floods in Varnia\n\n"
        "Floodwaters swept through three villages in northern Varnia, leaving 23 people dead.\n\n"
        "The National Disaster Office said rescue teams were still searching the area on Friday.\n\n"
        "Another 41 people were taken to hospital in Osk.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "killed", 23) == "National Disaster Office"
    assert source_of(brief, "injured", 41) == "National Disaster Office"


def test_a_party_is_a_source_named_as_written_or_by_the_name_given_beside_it_before():
    brief = summarise_text(
        "Leader held\nOpposition leader Dan Ruiz was detained outside his home on Friday, his party said.\n"
    )
    assert source_of(brief, "arrested", 1) == "his party"
    assert type_of(brief.attribution, "his party") == "other"
    text = (
        "Protests in Osk\n"
        "The main opposition party, the Union for Osk Renewal called the protest on Sunday.\n"
        "Rights groups said the police had used tear gas.\n"
        "The party said that six of its top officials, including its chairman Leo Vas, had been detained.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "arrested", 6) == "Union for Osk Renewal"
    assert type_of(brief.attribution, "Union for Osk Renewal") == "other"


def test_people_of_a_named_village_are_the_source_not_the_village():
    brief = summarise_text(
        "Strike in Osk\nElders in the village of Kerro said 5 civilians were killed in the strike.\n"
    )
    assert source_of(brief, "killed", 5) == "Elders"
    assert type_of(brief.attribution, "Elders") == "witness"
    assert not has_name(brief.attribution, "Kerro")


@pytest.mark.parametrize(
    "sentence,source,relay",
    [
        ("State media quoted the health ministry as saying 19 people were killed.", "health ministry", "State media"),
        ("At least 19 people had died, the Osk Times reported, quoting a police official.", "police official",
         "Osk Times"),
    ],
)  # fmt: skip
def test_a_quoted_source_is_credited_and_the_outlet_quoting_it_is_only_cited(sentence, source, relay):
    brief = summarise_text("Blast in Osk\n" + sentence + "\n")
    assert source_of(brief, "killed", 19) == source
    assert relay.casefold() in names(brief.attribution)


def test_joined_unnamed_sources_and_armed_groups_that_claim_or_deny_are_cited_as_written():
    text = (
        "Mosque bombing in Osk\n"
        "A bomb killed 27 worshippers in Osk on Friday, police and hospital officials said.\n"
        "The Tarn Liberation Front (TLF), the main insurgency, denied involvement. "
        "A smaller group, Osk-Jamaat, claimed responsibility in a statement.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "killed", 27) == "police and hospital officials"
    kinds = {source.name: source.type for source in brief.attribution}
    assert kinds.get("Tarn Liberation Front") == "group"
    assert kinds.get("Osk-Jamaat") == "group"
    assert "main insurgency" not in kinds and "smaller group" not in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Abu Karim, a spokesman for the Free Tarn Front, said its fighters had killed 11 soldiers.",
        "A rebel spokesman, Abu Karim, said 11 soldiers had been killed.",
    ],
)
def test_who_speaks_for_an_armed_group_is_typed_as_the_group(sentence):
    brief = summarise_text("Raid in Osk\n" + sentence + "\n")
    assert source_of(brief, "killed", 11) == "Abu Karim"
    assert type_of(brief.attribution, "Abu Karim") == "group"


def test_who_speaks_for_a_ministry_stays_an_official():
    brief = summarise_text("Raid in Osk\nLena Hart, a spokeswoman for the Interior Ministry, said 11 were killed.\n")
    assert type_of(brief.attribution, "Lena Hart") == "official"


def test_a_description_stands_for_the_name_that_holds_its_words_not_the_nearest_source():
    text = (
        "Tanker blast\n"
        "A fuel tanker exploded on Saturday, killing at least 48 people, the state emergency agency said.\n"
        "The head of the Osk State Emergency Management Agency, Dan Ruiz, said the truck had overturned.\n"
        "The Federal Road Safety Corps (FRSC) said in a separate statement that 52 people died.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "killed", 48) == "Osk State Emergency Management Agency"
    assert source_of(brief, "killed", 52) == "Federal Road Safety Corps"


def test_a_body_named_by_who_runs_it_is_its_own_source_and_its_officials_are_the_same_source():
    text = (
        "Strike kills 31, health officials say\n"
        "An air strike hit a busy market in northern Osk on Wednesday, killing at least 31 civilians, "
        "according to the Tarn-run health ministry, while a local hospital said it had received 26 bodies.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "killed", 31) == "Tarn-run health ministry"
    assert source_of(brief, "killed", 26) == "local hospital"
    kinds = {source.name: source.type for source in brief.attribution}
    assert kinds["Tarn-run health ministry"] == "government" and "health officials" not in kinds


def test_each_of_two_joined_subjects_is_cited_and_an_indefinite_monitor_is_the_one_named_next():
    text = (
        "Strikes on Osk\n"
        "Air strikes on a town killed 22 people on Monday, a war monitor and rescue workers said.\n"
        "The Varnian Observatory for Human Rights, a Britain-based monitor, said warplanes carried out eight raids. "
        "It said more than 50 people were injured.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "killed", 22) == "Varnian Observatory for Human Rights"
    assert "rescue workers" in names(brief.attribution)


def test_a_spokesman_for_an_attacking_group_is_a_group_and_a_police_spokesman_stays_official():
    text = (
        "Base attacked\nThe Hakra killed 11 soldiers in an attack on an army base in Osk on Monday. "
        "A spokesman for the Hakra, Abu Karim, said the group had carried out the attack.\n"
    )
    assert type_of(summarise_text(text).attribution, "Abu Karim") == "group"
    text = (
        "Protest crushed\nPolice fired on protesters in Osk on Monday, killing 11 people. "
        "A spokesman for the police, Dan Ruiz, said officers had acted in self-defence.\n"
    )
    assert type_of(summarise_text(text).attribution, "Dan Ruiz") == "official"


def test_an_opposition_spokesman_is_typed_other_not_official():
    text = "Protest crushed\nPolice fired on protesters, killing 11 people, opposition spokesman Dan Ruiz said.\n"
    assert type_of(summarise_text(text).attribution, "Dan Ruiz") == "other"


def test_unnamed_sources_keep_their_quantifier_as_written():
    text = "Clash in Dorn\nSome media agencies in the area reported that 8 soldiers died in the clash.\n"
    # the unnamed place they speak from is part of the phrase (the gold: 'media in the area')
    assert source_of(summarise_text(text), "killed", 8) == "Some media agencies in the area"


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("Jon Brask, a Tarn Front commander, said 11 soldiers were killed.", "group"),
        ("Jon Brask, a commander of the group, said 11 soldiers were killed.", "group"),
        ("Police commander Jon Brask said 11 soldiers were killed.", "official"),
    ],
)
def test_a_commander_of_an_armed_group_is_typed_group(sentence, kind):
    assert type_of(summarise_text("Raid in Osk\n" + sentence + "\n").attribution, "Jon Brask") == kind


def test_two_sources_joined_by_and_the_are_two_but_one_name_with_and_stays_one():
    brief = summarise_text("Fire in Osk\nPolice and the Osk Red Cross said 22 people died in the fire.\n")
    assert {"police", "osk red cross"} <= names(brief.attribution)
    brief = summarise_text("Quake in Osk\nThe Disaster and Emergency Management Authority said 22 people died.\n")
    assert [s.name for s in brief.attribution] == ["Disaster and Emergency Management Authority"]


def test_whose_claim_or_statement_it_is_gives_the_figure():
    text = (
        "Unrest in Osk\nThe Osk Council says that at least 80 people have been killed, "
        "despite Varnia's claim that only ten people are dead.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "killed", 80) == "Osk Council"
    assert source_of(brief, "killed", 10) == "Varnia"
    brief = summarise_text("Raid in Osk\nThe Tarn Front's statement said 12 soldiers died.\n")
    assert source_of(brief, "killed", 12) == "Tarn Front"


def test_a_headline_figure_takes_no_source_from_the_next_paragraph():
    text = "Blast kills 18 in Osk\n\nThe Osk Civil Defence said rescue teams were searching the rubble on Monday.\n"
    figure = the_figure(summarise_text(text), "killed", 18)
    assert figure.source is None


def test_who_claims_that_is_a_source_but_what_claimed_lives_is_not():
    text = "Protests\nOne eye-witness at the hospital claims that the police fired into the crowd, killing 4.\n"
    brief = summarise_text(text)
    # the source keeps the unnamed place it speaks from, as the corpus gold writes such sources
    assert source_of(brief, "killed", 4) == "eye-witness at the hospital"
    assert type_of(brief.attribution, "eye-witness at the hospital") == "witness"
    brief = summarise_text("Floods\nThe floods claimed the lives of 12 people in Osk on Monday.\n")
    assert not brief.attribution


def test_an_unnamed_source_cited_with_according_to_is_listed_even_without_a_figure():
    text = (
        "Ship sinks off Osk\nThe patrol ship sank on Friday. While no cause was confirmed by authorities, "
        "there was an explosion. According to the ship's captain, the ship keeled to the right.\n"
    )
    listed = names(summarise_text(text).attribution)
    assert "ship's captain" in listed and "authorities" not in listed


def test_aid_groups_are_typed_ngo():
    brief = summarise_text("Floods in Osk\nAid groups said 40 people had died in the floods.\n")
    assert source_of(brief, "killed", 40) == "Aid groups"
    assert type_of(brief.attribution, "Aid groups") == "ngo"


def test_people_of_a_town_are_cited_without_the_town_but_an_office_keeps_its_place():
    brief = summarise_text("Strike\nResidents of the town of Kerro said 5 civilians were killed.\n")
    assert source_of(brief, "killed", 5) == "Residents"
    brief = summarise_text("Strike\nThe governor of the region told reporters 5 civilians were killed.\n")
    assert source_of(brief, "killed", 5) == "governor of the region"


# ---------------------------------------------------------------- 5. counts written as a list of people


@pytest.mark.parametrize(
    "text,category,count",
    [
        ("Ferry sinks\nPolice said the captain and the ferry's owner had been arrested.\n", "arrested", 2),
        ("Crash\nThe driver, his assistant and a signalman were detained pending an inquiry.\n", "arrested", 3),
        ("Crash\nThe driver and a passenger died at the scene, police said.\n", "killed", 2),
        ("Shooting\nThe suspect, a 30-year-old welder, was arrested a block away, police said.\n", "arrested", 1),
        ("Raid\nPolice arrested the factory's owner on Tuesday.\n", "arrested", 1),
    ],
)
def test_a_list_of_people_is_counted(text, category, count):
    assert [(f.category, f.count) for f in summarise_text(text).toll] == [(category, count)]


def test_one_person_killed_named_by_a_definite_noun_is_not_counted_from_the_parse():
    text = "Flood\nThe river burst its banks in Osk. Her brother was killed in a flood in 2009, she said.\n"
    assert not summarise_text(text).toll


def test_a_list_with_numbers_stays_one_figure_per_group_and_plurals_are_not_guessed():
    text = "Shelling\nThe shelling killed a soldier and two civilians, officials said. Guards and a cook were hurt.\n"
    figures = sorted((f.category, f.count) for f in summarise_text(text).toll)
    assert ("killed", 3) not in figures and ("killed", 2) in figures
    assert not any(f[0] == "injured" for f in figures)  # 'guards' gives no count


@pytest.mark.parametrize(
    ("text", "name", "listed"),
    [
        # an authority that only speaks or only qualifies another noun is a source, not an actor
        ("Flood in Osk\nFloodwater swept through Osk on Monday, killing 7 people, police said.\n", "police", False),
        (
            'Quake in Osk\nA quake struck Osk on Monday, killing 9 people. "We are lucky it was not worse," '
            "said the governor of Varna, Ilse Moravec.\n",
            "Ilse Moravec",
            False,
        ),
        (
            "Blast in Osk\nA gas blast killed 5 people in Osk on Monday, Osk police chief Dan Rell told reporters.\n",
            "police",
            False,
        ),
        # an authority that acts in the event is an actor
        (
            "Riot in Osk\nThree people were killed in a riot in Osk on Monday. Police arrested 40 people, "
            "officials said.\n",
            "police",
            True,
        ),
    ],
)
def test_an_authority_that_only_speaks_is_not_an_actor(text, name, listed):
    who = summarise_text(text).who
    assert has_name(who, name) == listed, [(a.name, a.role) for a in who]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Opposition leader Tomas Varga, 61, was arrested at his office before the march.", "Tomas Varga"),
        (
            "The party said that four of its leaders, including chairman Ivo Kalner and secretary Mira Dost, "
            "had been detained.",
            "Mira Dost",
        ),
    ],
)
def test_a_leader_the_story_shows_arrested_is_a_victim(sentence, name):
    text = f"Crackdown in Osk\nPolice detained 200 protesters in Osk on Saturday, a rights group said. {sentence}\n"
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(name) == "victim", roles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a spokesman speaks for a side: a source, not an actor
        (
            "Bombing in Osk\nA bomb killed 8 people at a mosque in Osk on Friday. The Ostrava Front claimed "
            "responsibility in a statement sent to reporters by its spokesman, Darel Hun.\n",
            "Darel Hun",
        ),
        # the writer of the story, in its byline
        ("Storm in Osk\nBy Mara Quill | Herald staff\nA tornado killed 3 people in Osk on Sunday.\n", "Mara Quill"),
    ],
)
def test_a_spokesman_or_the_byline_is_not_an_actor(text, name):
    who = summarise_text(text).who
    assert not has_name(who, name), [(a.name, a.role) for a in who]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name NER reads as a person or a body where the parse shows a place
        (
            "Bar shooting\nA gunman killed 4 people at a bar in Millford on Friday. Police found the victims "
            "inside the Copper Lantern and on the street outside, a police spokesman said.\n",
            "Copper Lantern",
        ),
        (
            "Typhoon in Varnia\nThe typhoon killed 40 people on Thursday. President Olek Darum visited Mirova "
            "and Selden over the weekend and stressed the need for aid to affected residents.\n",
            "Mirova",
        ),
    ],
)
def test_a_name_the_parse_shows_as_a_place_is_not_an_actor(text, name):
    who = summarise_text(text).who
    assert not has_name(who, name), [(a.name, a.role) for a in who]


def test_the_victims_are_named_by_the_figure_that_counts_them_even_when_the_toll_keeps_a_restatement():
    text = (
        "Fire at a textile mill kills 12 near Varnok\nVARNOK, Ostland — A fire tore through a textile mill on "
        "the edge of Varnok on Sunday night, killing 12 weavers and injuring more than 20. Many of the victims "
        'were trapped behind locked doors.\n"We recovered 12 bodies, most of them women," fire service '
        "spokesman Lev Adler said.\n"
    )
    roles = {(actor.name, actor.role) for actor in summarise_text(text).who}
    assert ("weavers", "victim") in roles, roles


@pytest.mark.parametrize(
    "sentence",
    [
        "Those killed were identified as Omar Vint, 27, Lena Kord, 31, and her brother Pavel Kord, 25.",
        "The county coroner identified three of the victims as Omar Vint, 70, his wife Lena Kord, 66, "
        "and their neighbour Pavel Kord, 41.",
    ],
)
def test_people_identified_as_the_dead_are_victims(sentence):
    text = f"Shooting in Osk\nA gunman killed five people at a diner in Osk on Saturday, police said. {sentence}\n"
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert [roles.get(name) for name in ("Omar Vint", "Lena Kord", "Pavel Kord")] == ["victim"] * 3, roles


def test_generic_attackers_that_name_the_group_without_its_article_are_the_named_group():
    text = (
        "Base attacked\nHarb militants stormed an army base near Osk on Sunday, killing nine soldiers. "
        "The Harb militants came in trucks at dawn, officials said. "
        "The al-Harb group later claimed responsibility for the attack.\n"
    )
    attackers = [actor for actor in summarise_text(text).who if actor.role == "attacker"]
    assert [actor.name for actor in attackers] == ["al-Harb"], [(a.name, a.aliases) for a in attackers]


def test_unnamed_armed_men_are_the_one_named_attacking_group():
    text = (
        "Convoy ambushed\nHundreds of militants ambushed a supply convoy near Osk on Monday, killing seven "
        "drivers, officials said. The militants also burned 12 trucks. "
        "The Ostrava Front claimed responsibility for the ambush.\n"
    )
    attackers = [actor for actor in summarise_text(text).who if actor.role == "attacker"]
    assert [actor.name for actor in attackers] == ["Ostrava Front"], [(a.name, a.aliases) for a in attackers]


def test_a_force_the_parse_shows_only_as_killed_is_a_victim():
    text = (
        "Officer killed\nDefense officials say an Ostland Army Ranger has been killed by enemy fire during "
        "a militant attack on a border post in northern Varnia.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get("Ostland Army Ranger") == "victim", roles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Convoy ambushed\nHundreds of rebels stormed a convoy of Varnian border troops near Osk on Saturday, "
            "killing 14 people, officials said.\n",
            "Varnian border troops",
        ),
        (
            "Convoy hit\nA suicide bomber killed at least six people on Monday in an attack on a convoy of "
            "foreign troops near Osk, officials said.\n",
            "foreign troops",
        ),
    ],
)
def test_forces_the_parse_shows_only_attacked_are_the_target(text, name):
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(name) == "target", roles


@pytest.mark.parametrize(
    "sentence",
    [
        "Clashes erupted late on Sunday between the Kestrel Brigade and the Ostrava Front near the port.",
        "Heavy clashes between the Kestrel Brigade and the Ostrava Front lasted until dawn.",
    ],
)
def test_both_sides_of_clashes_between_two_groups_are_attackers(sentence):
    text = f"Fighting in Osk\nAt least 9 people were killed in Osk, the health ministry said. {sentence}\n"
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert (roles.get("Kestrel Brigade"), roles.get("Ostrava Front")) == ("attacker", "attacker"), roles


def test_a_force_named_by_its_town_is_listed_under_its_own_name(monkeypatch):
    """'Morvale police' and 'Police': the force's name is 'police' (the town says where it serves)."""
    import summarizer.extract.actor_patterns as actor_patterns

    known = actor_patterns.gazetteer_kind
    monkeypatch.setattr(actor_patterns, "gazetteer_kind", lambda name: "city" if name == "Morvale" else known(name))
    text = (
        "Depot fire\nA fire at a fuel depot near Morvale killed 7 workers on Monday. Police arrested the owner "
        "on Tuesday. Morvale police also detained two guards, officials said.\n"
    )
    forces = [actor.name for actor in summarise_text(text).who if actor.role == "authority"]
    assert [name.lower() for name in forces] == ["police"], forces


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The Varnian military said on Sunday it had killed 12 militants in an air strike near Osk.",
            "Varnian military",
        ),
        (
            "The Ostland-led coalition said it had targeted a gathering of rebel fighters near Osk.",
            "Ostland-led coalition",
        ),
    ],
)
def test_a_state_force_that_reports_its_own_strike_is_the_attacker(sentence, name):
    text = f"Strike near Osk\n{sentence} Local elders said 9 civilians were among the dead.\n"
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(name) == "attacker", roles


def test_a_group_whose_spokesman_says_the_group_carried_out_the_attack_is_the_attacker():
    text = (
        "Court bombed\nA car bomb exploded outside a court in Osk on Tuesday, killing at least 9 people, "
        "officials said. A spokesman for the Ostrava Front, Darel Hun, said in a message to reporters that "
        "the group had carried out the attack because the court had jailed its fighters.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get("Ostrava Front") == "attacker", roles


# ---------------------------------------------------------------- attribution (sources cited)


def test_a_spokesperson_named_with_their_body_is_cited_by_their_own_name():
    text = (
        "Market blast\nA bomb killed nine people at a market in Tesk on Friday, said Orla Vane, a spokeswoman "
        "for the Tesk Regional Emergency Relief Centre.\n"
    )
    brief = summarise_text(text)
    assert "Orla Vane" in source_of(brief, "killed", 9)
    assert any(item.name == "Orla Vane" for item in brief.attribution)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # a name that merely contains the letters of a word is not that word
        ("Bridge collapse\nPolice spokesman Daniel Mwangombe said 12 people were killed.\n", "Mwangombe", "official"),
        ("Camp fire\nThe fire killed 40 people, U.N. envoy Marta Fellin said.\n", "Marta Fellin", "un"),
        ("Flood\nNine people drowned, the agency's director-general Samuel Okoro said.\n", "Samuel Okoro", "official"),
        ("Raid\nTwo people were killed, press secretary Tom Valen told reporters.\n", "Tom Valen", "official"),
        ("Riot\nFour people were arrested, a prosecutor in Brask, Ilya Moren, said.\n", "Ilya Moren", "official"),
    ],
)  # fmt: skip
def test_title_words_type_the_person_who_speaks(text, word, kind):
    assert type_of(summarise_text(text).attribution, word) == kind


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # a private person: an age after the name, or a civilian noun beside it
        ('Flood\nTwelve people drowned, police said. "The water came at night," said Tomas Brel, 46.\n',
         "Tomas Brel", "witness"),
        ('Raid\nSix people were killed, officials said. "They burned the houses," farmer Ansa Kolt said.\n',
         "Ansa Kolt", "witness"),
        # a hospital's people speak for no authority
        ("Blast\nThe director of the Orvel city hospital, Dr. Mina Salk, said 14 people had died.\n",
         "Mina Salk", "other"),
        # a police colonel speaks for the police
        ("Crash\nThe head of the Brask traffic police, Col. Ivo Marten, said 19 bodies had been found.\n",
         "Ivo Marten", "official"),
        # a person who speaks for a government body
        ("Quake\nLeno Dask, who heads the district disaster management department, said 8 people died.\n",
         "Leno Dask", "official"),
    ],
)  # fmt: skip
def test_what_a_named_person_is_follows_the_words_beside_the_name(text, word, kind):
    assert type_of(summarise_text(text).attribution, word) == kind


def test_a_country_cited_as_a_source_is_its_government():
    text = "Border clash\nFrance said 30 of its soldiers were killed in the clash on Sunday.\n"
    assert type_of(summarise_text(text).attribution, "France") == "government"


def test_a_noun_spelled_like_a_reporting_verb_names_no_source():
    text = "Fever kills 30 in Varland's Osk, Brem states, health agency says\n\nThe fever has killed 30 people.\n"
    assert not has_name(summarise_text(text).attribution, "Brem")


def test_a_name_that_begins_with_the_letters_of_an_article_is_not_a_description():
    text = "Floods\nAt least 12 people were killed in the floods, the Anvaro Agency said on Monday.\n"
    assert "Anvaro Agency" in source_of(summarise_text(text), "killed", 12)


def test_state_run_outlet_named_without_the_tail_of_its_modifier():
    text = "Raid\nFive people were detained, according to the state-run Ankora Agency, after the raid on Monday.\n"
    brief = summarise_text(text)
    assert any(item.name == "Ankora Agency" for item in brief.attribution)
    assert not has_name(brief.attribution, "run ankora")


def test_the_source_of_a_report_is_who_issued_it():
    text = (
        "Ferry sinks\nThe ferry sank near Osk on Sunday, the port authority said. Earlier reports on state "
        "television had put the number of dead at 27.\n"
    )
    assert "state television" in source_of(summarise_text(text), "killed", 27)


def test_police_and_the_police_chief_who_speaks_are_two_sources():
    text = (
        "Shooting\nThree people were killed in a shooting at a cafe in Brask on Sunday, police said. "
        "Police Chief Dara Velk said a suspect was arrested nearby.\n"
    )
    brief = summarise_text(text)
    assert source_of(brief, "killed", 3) == "police"
    assert "Dara Velk" in source_of(brief, "arrested", 1)


def test_a_name_spelled_like_a_reporting_verb_is_not_one():
    text = "Blast\nDistrict police chief Gen Said Varek said 9 people died in the blast.\n"
    brief = summarise_text(text)
    assert [item.name for item in brief.attribution] == ["Said Varek"]


def test_an_unnamed_spokesperson_who_speaks_is_a_cited_source():
    text = (
        "Raid\nTwo people were killed in the raid on Osk, the regional governor said. Tanks moved toward the "
        "border overnight, an army spokeswoman told reporters.\n"
    )
    assert has_name(summarise_text(text).attribution, "army spokeswoman")


def test_according_to_officials_of_a_named_country_keeps_the_officials():
    text = "Quake\nAccording to Varnian government officials, 210 people died in the earthquake.\n"
    brief = summarise_text(text)
    assert source_of(brief, "killed", 210) == "Varnian government officials"


def test_a_person_who_commented_is_a_cited_source():
    text = (
        'Convoy hit\nA roadside bomb struck a convoy near Osk. Captain Ivo Brandel commented, "It was a big blast."\n'
    )
    assert has_name(summarise_text(text).attribution, "Ivo Brandel")


def test_the_statement_said_refers_back_to_whose_statement_it_is():
    text = (
        "Post overrun\nGunmen killed 14 soldiers at a post near Osk, the army said in a statement. "
        "Hundreds of attackers overran the post before dawn, the statement said.\n"
    )
    assert [item.name for item in summarise_text(text).attribution] == ["army"]


def test_sources_listed_after_including_are_each_cited():
    text = (
        "Mine flood\nAccording to several news outlets including Radio Velka and the Osk Herald, 9 miners "
        "died in the flooded shaft.\n"
    )
    brief = summarise_text(text)
    assert has_name(brief.attribution, "Radio Velka") and has_name(brief.attribution, "Osk Herald")
    assert source_of(brief, "killed", 9) in ("Radio Velka", "Osk Herald")


def test_a_source_named_after_an_inverted_reports():
    text = (
        "Journalists jailed after protests\n\nPolice fired on protesters in the capital on Tuesday, and at least "
        "12 people were killed, officials said. The authorities have jailed at least two journalists since the "
        "vote, reports the Varnia Press Council. Police arrested three editors on Monday.\n"
    )
    assert source_of(summarise_text(text), "arrested", 2) == "Varnia Press Council"


def test_a_body_whose_name_joins_words_with_to_keeps_its_whole_name():
    text = (
        "Farmers detained\n\nSoldiers fired on a march in the valley on Monday, killing 3 people, officials said. "
        "The army has detained at least 14 farmers since the march, reports the Committee to Defend Varnian "
        "Farmers. Police arrested two organisers on Tuesday.\n"
    )
    assert source_of(summarise_text(text), "arrested", 14) == "Committee to Defend Varnian Farmers"


def test_a_defenders_group_named_by_its_formula_is_an_ngo():
    text = (
        "Arrests\nPolice detained 40 reporters in Osk on Friday, the League for the Defence of Varnian Writers said.\n"
    )
    assert type_of(summarise_text(text).attribution, "League") == "ngo"


def test_a_hospital_cited_as_a_source_speaks_for_no_authority():
    text = "Blast\nThe local hospital said 17 people died, while the interior ministry gave no figure.\n"
    assert type_of(summarise_text(text).attribution, "hospital") == "other"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Blast\nA nurse at Orvel General Hospital, who asked not to be named, said 11 people had died.\n",
         "nurse at Orvel General Hospital"),
        ("Blast\nA doctor at the district hospital said 11 people had died in the blast.\n",
         "doctor at the district hospital"),
    ],
)  # fmt: skip
def test_an_unnamed_person_is_known_by_where_they_work(text, source):
    assert source_of(summarise_text(text), "killed", 11) == source


def test_officials_at_a_place_are_still_officials():
    text = "Shelling\nLocal officials in Brask said 30 people had been killed in the shelling.\n"
    assert source_of(summarise_text(text), "killed", 30) == "Local officials"


def test_a_relative_pronoun_is_not_part_of_the_source():
    text = "Crush\nNine people died in the crush at the north gate, which witnesses said had been locked.\n"
    assert not has_name(summarise_text(text).attribution, "which")


def test_officials_who_blame_a_group_are_a_cited_source():
    text = (
        "Raid\nA night raid killed 9 soldiers in Osk, the army said. Varnian officials blame the Red Hand "
        "militia for the attack.\n"
    )
    assert has_name(summarise_text(text).attribution, "Varnian officials")


def test_a_name_with_an_el_particle_is_kept_whole():
    text = "Crash\nTransport minister Samir el-Oudeh said 6 people were killed in the crash.\n"
    assert source_of(summarise_text(text), "killed", 6) == "Samir el-Oudeh"


def test_a_website_cited_as_a_source_is_media():
    text = "Unrest\nAt least 7 people were killed in the unrest, according to Varnia.net.\n"
    assert type_of(summarise_text(text).attribution, "Varnia.net") == "media"


def test_a_titled_name_after_in_is_a_person_not_a_place():
    text = (
        "Police hold a former general\nOn Friday police arrested in the northern hills in Varia General "
        "Tomas Rell Okan, who ran the prison service, the monitor said.\n"
    )
    assert "Tomas Rell Okan" in [actor.name for actor in summarise_text(text).who]


def test_reports_that_a_name_qualifies_are_that_sources_reports():
    text = (
        "Clashes in Varia\nFighting spread on Monday. State media reports said 12 people were killed in the "
        "hills of Varia.\n"
    )
    brief = summarise_text(text)
    assert [(f.count, f.source) for f in brief.toll] == [(12, "State media")]
    assert "State media" in [source.name for source in brief.attribution]


# ---------------------------------------------------------------- toll patterns (held-out error kinds)


def test_a_figure_after_a_colon_in_prose_is_read():
    brief = summarise_text("A landslide buried a hamlet near Pomerov on Monday. The toll: 23 dead and 40 missing.")
    assert ("killed", 23) in figures(brief)
    assert ("missing", 40) in figures(brief)


def test_a_similar_attack_as_the_subject_is_another_incident():
    brief = summarise_text(
        "A bomb killed 11 people at a bus station in Kaspivo on Monday. "
        "Last week, a similar attack in the same town killed 20."
    )
    assert figures(brief) == {("killed", 11)}


def test_a_running_total_since_a_month_is_background():
    brief = summarise_text(
        "Gunmen killed 5 villagers in Hadrimo on Monday. "
        "The attack brings to 43 the number of people killed in the region since January."
    )
    assert figures(brief) == {("killed", 5)}


def test_families_forced_to_flee_their_homes_are_displaced():
    brief = summarise_text(
        "A storm lashed the province of Naldeira on Monday. "
        "Nearly 3,000 families were forced to flee their homes and six people were reported missing."
    )
    displaced = the_figure(brief, "displaced", 3000)
    assert displaced.qualifier == "about"
    assert ("missing", 6) in figures(brief)


def test_workers_a_collapse_traps_are_missing():
    brief = summarise_text("A mine collapsed in Durnovo on Monday, trapping 25 workers.")
    assert figures(brief) == {("missing", 25)}


def test_a_modal_verb_is_not_part_of_the_group():
    brief = summarise_text("Up to 300 people may have died in the floods in Sarnova province, the Red Cross said.")
    figure = the_figure(brief, "killed", 300)
    assert figure.qualifier == "up_to" and figure.group == "people"


def test_the_search_continues_for_people_still_missing():
    brief = summarise_text(
        "A boat capsized on Lake Varnemo on Monday; 30 bodies have been recovered "
        "and the search continues for at least 20 more."
    )
    assert ("killed", 30) in figures(brief)
    missing = the_figure(brief, "missing", 20)
    assert missing.qualifier == "at_least"


def test_a_range_written_with_a_bare_hyphen_is_a_range():
    brief = summarise_text("Police said 30-40 people were hurt in Vellmoor on Monday.")
    figure = the_figure(brief, "injured", 30)
    assert figure.count_max == 40 and figure.qualifier == "exact"


def test_a_number_joined_to_a_word_by_a_hyphen_is_not_a_count():
    brief = summarise_text("Nine people died of COVID-19 in Vellmoor on Monday, officials said.")
    assert figures(brief) == {("killed", 9)}


def test_people_abducted_by_gunmen_are_missing_not_attackers():
    brief = summarise_text("Four people were shot dead and two others abducted by gunmen in Vellmoor on Monday.")
    assert figures(brief) == {("killed", 4), ("missing", 2)}


def test_people_left_without_shelter_are_displaced():
    brief = summarise_text("The quake killed 8, injured 45 and left 300 without shelter in Vellmoor on Monday.")
    assert figures(brief) == {("killed", 8), ("injured", 45), ("displaced", 300)}


def test_upward_of_is_over():
    brief = summarise_text("Police detained upward of 200 demonstrators in Vellmoor on Monday.")
    assert the_figure(brief, "arrested", 200).qualifier == "over"


def test_every_noun_of_a_listed_subject_takes_the_verb():
    brief = summarise_text("Five policemen, three civilians and two attackers were killed in Dornvik.")
    assert figures(brief) == {("killed", 5), ("killed", 3), ("killed", 2)}


def test_people_sent_to_hospital_are_injured():
    brief = summarise_text("The fire in Dornvik on Monday killed 13 and sent 40 more to hospital.")
    assert figures(brief) == {("killed", 13), ("injured", 40)}


def test_gunned_down_is_killed():
    brief = summarise_text("Security forces gunned down 7 protesters in Dornvik on Monday.")
    assert figures(brief) == {("killed", 7)}


def test_forcing_people_to_flee_displaces_them():
    brief = summarise_text("Mobs torched homes in Dornvik on Monday, leaving 5 people dead and forcing 2,000 to flee.")
    assert figures(brief) == {("killed", 5), ("displaced", 2000)}


def test_a_sentence_run_into_the_next_after_a_capitalised_word_keeps_its_figure():
    brief = summarise_text("The storm hit Varnolia on Monday.Eight people were killed and 30 were injured.")
    assert figures(brief) == {("killed", 8), ("injured", 30)}


# ---------------------------------------------------------------- place types from the subdivision list


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Floods killed 5 people in Zambales on Monday.", "Zambales", "province"),  # inside a region
        ("A landslide hit a village in Kalimantan on Monday, killing 5 people.", "Kalimantan", "region"),  # an island
        ("A bomb exploded in Adygeya on Monday, killing 5 people.", "Adygeya", "region"),  # a republic
    ],
)
def test_a_subdivision_the_list_knows_is_typed_by_it(text, name, kind):
    assert type_of(summarise_text(text).where, name) == kind


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("A building collapsed in the Orvani area of Tessaly on Monday, killing 5 workers.", "Orvani", "neighbourhood"),
        ("The quake flattened several remote villages, including Marvoda, on Monday, killing 5.", "Marvoda", "village"),
        ("The blast hit Marvoda, a popular cafe in the old town, on Monday, killing 5 people.", "Marvoda", "site"),
        ("A ferry ran aground off the island of Marvoda on Monday, killing 5 people.", "Marvoda", "region"),
    ],
)
def test_a_phrase_around_a_place_states_its_type(text, name, kind):
    assert type_of(summarise_text(text).where, name) == kind


@pytest.mark.parametrize(
    "text",
    [
        "The navy ship Dornia sank near Tessaly on Monday; 5 sailors died.",
        "A naval vessel, the HMS Dornia, sank near Tessaly on Monday; 5 sailors died.",
    ],
)
def test_a_ships_name_is_not_a_place(text):
    assert not has_name(summarise_text(text).where, "Dornia")


def test_a_nationality_before_a_site_noun_is_not_a_sites_name():
    brief = summarise_text(
        "A suicide bomber killed at least four people on Thursday in an attack on a convoy "
        "between Tessaly and the largest French base in the country."
    )
    assert not has_name(brief.where, "French base")


def test_a_story_with_no_other_place_is_where_its_local_police_act():
    brief = summarise_text(
        "Thousands of students marched against the closure of a television channel. Bucaramanga Metropolitan "
        "Police fired tear gas and rubber bullets into the crowds, and 12 people were hurt."
    )
    assert type_of(brief.where, "Bucaramanga") == "city"


def test_a_verb_after_the_counted_noun_is_not_part_of_the_group():
    brief = summarise_text(
        "A blast ripped through a market in Tessaly on Monday. "
        "Four people lost their lives and 12 others sustained injuries."
    )
    assert the_figure(brief, "injured", 12).group == "others"
    assert the_figure(brief, "killed", 4).group == "people"


def test_names_before_informal_settlements_are_quarters_of_a_city():
    brief = summarise_text(
        "A rights group said four people were shot dead in the Marvoda and Tesselo informal settlements "
        "of the capital on Tuesday."
    )
    assert type_of(brief.where, "Marvoda") == "neighbourhood"
    assert type_of(brief.where, "Tesselo") == "neighbourhood"


def test_a_states_abbreviation_in_a_dateline_is_not_a_place():
    brief = summarise_text("KELVORTH, Miss. — A tornado tore through rural Dornby County late Saturday, killing five.")
    assert not has_name(brief.where, "Miss")


def test_known_places_listed_together_are_places_whatever_ner_calls_them():
    brief = summarise_text(
        "Cholera has killed 40 people since the outbreak began. The disease has spread to 9 of the "
        "country's 20 districts, with Cuttack, Rajshahi and Mwanza recording the most cases."
    )
    assert {type_of(brief.where, name) for name in ("Cuttack", "Rajshahi", "Mwanza")} == {"district"}


def test_an_outbreak_s_toll_since_a_month_is_this_story_s_own():
    brief = summarise_text(
        "Cholera outbreak kills 38 in Varnel\n"
        "A cholera outbreak in the Varnel district has killed 38 people since the start of April, "
        "and 600 suspected cases have been recorded, the regional health office said on Tuesday."
    )
    assert ("killed", 38) in figures(brief)


def test_a_web_domain_with_a_capitalised_ending_stays_one_source():
    brief = summarise_text(
        "Gunmen killed 6 guards at a depot in Marvik on Sunday, Kestrel.Az reported, citing local officials. "
        "The attack began at dawn.He said the depot was closed."
    )
    names = [source.name for source in brief.attribution]
    assert "Kestrel.Az" in names and "Az" not in names
    assert ("killed", 6) in figures(brief)


def test_reports_that_are_only_counted_are_not_a_source():
    brief = summarise_text(
        "A bomb killed 9 people in Tarvel on Friday, police said. "
        "Additional reports have confirmed injuries among the guards, and local media reports said 20 were hurt."
    )
    names = [source.name.lower() for source in brief.attribution]
    assert not any(name.startswith("additional") for name in names)
    assert any("media reports" in name for name in names)


def test_a_security_source_relayed_by_state_media_is_an_official():
    from summarizer.extract.source_types import source_type

    sentence = "Looting spread, according to a security source cited by the state news agency VarNews."
    assert source_type("security source", sentence) == "official"  # not the relaying outlet's type
    assert source_type("police spokesman", "a police spokesman quoted by the Dorvana Daily said") == "official"
    assert source_type("Dorvana Daily", "a police spokesman quoted by the Dorvana Daily said") == "media"


def test_a_collective_owner_inside_an_organisation_name_keeps_the_name_whole():
    brief = summarise_text(
        "A landslide buried 40 homes in Karvo district on Monday, killing 12 people. "
        "Volunteers are digging alongside soldiers of the Marra People's Defence Forces (MPDF), officials said."
    )
    who = {actor.name: actor.role for actor in brief.who}
    assert not any(name.startswith("s ") for name in who)
    assert who.get("Marra People's Defence Forces") == "authority"


def test_a_vehicle_rammed_into_a_gate_is_the_weapon_not_the_target():
    brief = summarise_text(
        "A suicide bomber rammed an explosives-laden truck into the gate of a police post in Korva province "
        "on Friday, killing six policemen, officials said."
    )
    assert not any("truck" in actor.name for actor in brief.who)


def test_what_a_vehicle_was_rammed_into_is_the_target():
    brief = summarise_text(
        "A suicide bomber rammed a car into a military convoy in Korva province on Friday, "
        "killing six soldiers, officials said."
    )
    assert {"military convoy": "target"}.items() <= {a.name: a.role for a in brief.who}.items()


def test_a_lone_name_before_a_common_noun_is_a_nationality_not_a_person():
    brief = summarise_text(
        "Korvan forces shelled Velish army positions overnight, killing two Velish soldiers, "
        "the defence ministry said. Korvia's defence ministry accused Velish troops of opening fire first "
        "and said one Korvan serviceman had been killed."
    )
    who = {actor.name: actor.role for actor in brief.who}
    assert "Korvan" not in who
    assert who.get("Korvan serviceman") == "victim"


def test_the_rest_of_a_list_of_dead_is_not_the_victims_name():
    brief = summarise_text(
        "A drone strike hit a car near Tarvo on Sunday, killing four people, officials said. "
        "The mayor said the dead included Jorel Vasto, a local commander, and three other men."
    )
    victims = {actor.name for actor in brief.who if actor.role == "victim"}
    assert "other men" not in victims and "people" in victims


def test_armed_men_are_the_attackers():
    brief = summarise_text(
        "Seven people were shot dead late Saturday when armed men burst into a wedding party "
        "in the town of Corvel, police said."
    )
    assert {"armed men": "attacker"}.items() <= {a.name: a.role for a in brief.who}.items()


@pytest.mark.parametrize(
    "text",
    [
        'Gunmen killed six farmers in Olemba on Sunday, police said. "They were killing everyone in the street,"'
        " said Marisol Quiñón, 47.",
        "Gunmen killed six farmers in Olemba on Sunday, police said."
        " Among the dead was the village chief, Tavo Brel, 58.",
    ],
)
def test_an_age_after_a_name_at_the_end_of_a_sentence_is_no_figure(text):
    assert figures(summarise_text(text)) == {("killed", 6)}


def test_a_number_with_a_leading_zero_is_a_label():
    text = (
        "Gunmen killed six farmers in Olemba on Sunday, police said. Residents said the bodies of at least "
        "four of the farmers lay in the streets of Sector 07."
    )
    assert ("killed", 7) not in figures(summarise_text(text))


def test_an_apposition_the_parser_joins_to_a_list_of_arrested_people_is_not_one_more():
    import spacy
    from spacy.tokens import Doc

    from summarizer.extract.enumerations import _enumeration

    # 'Police detained the captain and two guards of the ship, Orla Vent, a spokesman said.'
    # as a parser may read it: 'Vent' a third conjunct of 'captain'
    words = "Police detained the captain and two guards of the ship , Orla Vent , a spokesman said .".split(" ")  # noqa: SIM905
    heads = [1, 16, 3, 1, 3, 6, 3, 6, 9, 7, 6, 12, 6, 16, 15, 16, 16, 16]
    deps = ["nsubj", "ccomp", "det", "dobj", "cc", "nummod", "conj", "prep", "det", "pobj", "punct", "compound"]
    deps += ["conj", "punct", "det", "nsubj", "ROOT", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "CC", "CD", "NNS", "IN", "DT", "NN", ",", "NNP", "NNP", ",", "DT", "NN"]
    tags += ["VBD", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "CCONJ", "NUM", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN"]
    pos += ["PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    ents = ["O"] * 11 + ["B-PERSON", "I-PERSON"] + ["O"] * 5
    lemmas = [w.lower() for w in words[:1]] + ["detain"] + [w.lower() for w in words[2:]]
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, lemmas=lemmas, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
    category, count, _, _ = _enumeration(doc[1])
    assert (category, count) == ("arrested", 3)


@pytest.mark.parametrize(
    "earlier",
    [
        "On Tuesday, a drone strike killed four men near Vessa.",
        "A roadside bomb killed four soldiers near Vessa on Oct. 3.",
    ],
)
def test_a_figure_after_a_series_sentence_with_its_own_time_is_an_earlier_event(earlier):
    text = (
        "A car bomb killed seven people at a market in Dorvik on Friday, police said. "
        f"It was the third attack in the province this month. {earlier}"
    )
    assert figures(summarise_text(text)) == {("killed", 7)}


def test_a_figure_last_spring_is_an_earlier_event():
    text = (
        "Shelling killed three soldiers near Kalvo on Friday, the army said. "
        "Fighting in the same area last spring killed 22 soldiers."
    )
    assert figures(summarise_text(text)) == {("killed", 3)}


@pytest.mark.parametrize("verb", ['"eliminated"', "eliminated"])
def test_rebels_eliminated_in_an_army_statement_are_killed(verb):
    text = (
        "Troops clashed with rebels near Osso on Monday. The army said in a statement that soldiers had "
        f"{verb} 31 rebels and detained 12 others."
    )
    assert {("killed", 31), ("arrested", 12)} <= figures(summarise_text(text))


def test_the_number_of_people_on_board_is_not_a_toll():
    text = (
        "A ferry sank in the Lusa river on Friday. Ten passengers are still missing, according to the port "
        "authority, which put the number of people on board at about 90."
    )
    assert figures(summarise_text(text)) == {("missing", 10)}


def test_the_part_of_whom_died_is_the_toll_not_the_people_treated():
    text = (
        "A cholera outbreak in Tamba has killed 40 people since May, the health ministry said. A charity that "
        "runs clinics there said it had treated 300 patients, 15 of whom died."
    )
    # the patients an outbreak's clinics treated are its cases (affected), as the gold labels them
    assert figures(summarise_text(text)) == {("killed", 40), ("killed", 15), ("affected", 300)}


def test_attackers_quoted_and_placed_before_their_act_are_not_a_toll():
    text = (
        "Gunmen ambushed an army patrol near Sako on Monday, killing nine soldiers, the ministry said. It said "
        '"about forty bandits" on motorbikes took part in the attack, and that troops had killed "around ten" of them.'
    )
    assert figures(summarise_text(text)) == {("killed", 9), ("killed", 10)}


def test_a_person_after_a_named_apposition_is_one_more_arrested():
    text = (
        "A fire at a club in Dovra killed 8 people on Friday, state media said. Police have arrested the club's "
        "owner, Ivo Marten, 51, and its manager on suspicion of violating safety rules, the ministry said."
    )
    assert ("arrested", 2) in figures(summarise_text(text))


@pytest.mark.parametrize(
    "sentence, count",
    [
        ("Police said the bodies of 12 villagers were found on Saturday.", 12),
        ("Residents said the bodies of at least 9 soldiers were lying in the streets.", 9),
    ],
)
def test_the_bodies_of_a_number_of_people_are_killed(sentence, count):
    brief = summarise_text(f"Gunmen attacked Lomo on Friday. {sentence}")
    assert ("killed", count) in figures(brief)


def test_a_time_of_day_at_a_number_is_no_figure_but_a_toll_put_at_one_is():
    text = (
        "Gunmen killed six farmers in Olemba on Sunday, police said. "
        '"My brother called me at five and said they were killing people," said a resident.'
    )
    assert figures(summarise_text(text)) == {("killed", 6)}
    text = "Gunmen attacked Olemba on Sunday, police said. Officials put the toll at five."
    assert figures(summarise_text(text)) == {("killed", 5)}


def test_fewer_or_less_than_n_is_an_upper_bound():
    brief = summarise_text(
        "Fewer than 10 people were hurt in the blast in Torvik, police said. "
        "No fewer than 12 people died, the governor said."
    )
    assert {(f.category, f.count, f.qualifier) for f in brief.toll} >= {
        ("injured", 10, "up_to"),
        ("killed", 12, "at_least"),
    }


def test_a_described_agency_is_its_own_source_and_never_the_place_or_person_beside_it():
    text = (
        "Mudslides killed 17 people in upper Orlavia, the disaster relief agency said. "
        '"We lost everything," said Petra Wendel, a baker. '
        "About 900 people have fled their homes, the agency said."
    )
    brief = summarise_text(text)
    sources = {f.count: f.source for f in brief.toll}
    # 'Orlavia, the disaster relief agency said' is no apposition: the agency is not Orlavia
    assert sources[17] == "the disaster relief agency"
    # 'the agency' refers back to the agency described above, not to the baker quoted between
    assert sources[900] == "the disaster relief agency"
    assert "Orlavia" not in {s.name for s in brief.attribution}
    # a sentence-initial 'In X,' is no name in apposition either
    opening = (
        "In Tarsk Province, the flood agency, which runs the shelters, said 40 people had died. "
        "About 700 people have fled their homes, the agency said."
    )
    sources = {f.count: f.source for f in summarise_text(opening).toll}
    assert sources == {40: "the flood agency", 700: "the flood agency"}


def test_many_attacks_total_since_a_month_is_background_but_an_outbreaks_is_not():
    attack = (
        "Gunmen killed nine people at a bus stop in Tarvik on Sunday, police said. "
        "Militant groups have killed more than 250 people in the province since February, a rights group said."
    )
    assert sorted(f.count for f in summarise_text(attack).toll if f.category == "killed") == [9]
    outbreak = "Cholera has killed 57 people in Orvel province since March, health officials said."
    assert [f.count for f in summarise_text(outbreak).toll if f.category == "killed"] == [57]
    # a claim of responsibility is no running total; aid groups are no armed groups
    claimed = (
        "A suicide bomber killed 14 people at a market in Tarvik on Sunday, the first attack in the city since "
        "March; militants have claimed responsibility."
    )
    assert [f.count for f in summarise_text(claimed).toll if f.category == "killed"] == [14]
    aid = "Cholera has killed 57 people in Orvel province since March, aid groups have said."
    assert [f.count for f in summarise_text(aid).toll if f.category == "killed"] == [57]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed 4 soldiers near Rono and freed 120 inmates from the jail, the army said.",
        "Militants killed 11 people in Sefa in an attack involving 25 fighters, officials said.",
        "The army killed 15 militants near Rono and seized 30 rifles, a spokesman said.",
        "The quake killed 14 people in Rono. Troops evacuated 600 residents and housed 250 of them in tents.",
    ],
)
def test_a_number_another_verb_takes_as_object_is_not_in_the_list_of_the_dead(sentence):
    brief = summarise_text(sentence)
    assert not counts(brief) & {120, 25, 30, 250}


def test_the_dead_that_include_a_number_still_list_it():
    brief = summarise_text("A drone strike killed 5 people in Rono, the mayor said. The dead included three other men.")
    assert ("killed", 3) in figures(brief)


@pytest.mark.parametrize(
    "sentence, groups",
    [
        ("Two policemen and two farmers were killed in the blast in Sefa, police said.", {"policemen", "farmers"}),
        ("The attack in Sefa killed 4 soldiers and 4 teachers, officials said.", {"soldiers", "teachers"}),
        ("Troops killed 7 herders in Tarm and 7 rebels in nearby Vosk, the army said.", {"herders", "rebels"}),
    ],
)
def test_the_same_count_of_two_groups_in_one_clause_is_two_figures(sentence, groups):
    brief = summarise_text(sentence)
    assert {f.group for f in brief.toll if f.category == "killed"} == groups


def test_the_same_count_restated_for_another_group_later_is_one_figure():
    brief = summarise_text(
        "Floods killed 9 people in Rono on Monday, officials said. Officials said 9 villagers drowned in the river."
    )
    assert [f.count for f in brief.toll] == [9]


@pytest.mark.parametrize(
    "second",
    [
        "The attack was the deadliest in Rono since a bombing in May that killed 30 people.",
        "It was the worst flood in the valley since a storm in which 30 people died.",
    ],
)
def test_the_event_a_superlative_compares_with_is_an_earlier_event(second):
    brief = summarise_text(f"A blast killed 4 people in Rono on Monday, police said. {second}")
    assert figures(brief) == {("killed", 4)}


def test_a_superlative_since_a_time_keeps_this_event_s_own_toll():
    brief = summarise_text(
        "The blast in Rono was the deadliest in the city since March, killing 30 people, police said."
    )
    assert figures(brief) == {("killed", 30)}


def test_the_toll_of_many_attacks_since_a_month_is_background():
    brief = summarise_text(
        "Gunmen killed 7 people in Lusk on Monday, police said. "
        "More than 300 people have been killed in attacks in the province since January."
    )
    assert figures(brief) == {("killed", 7)}


def test_an_outbreak_s_toll_since_the_start_of_the_month_is_this_story_s_own():
    brief = summarise_text(
        "A cholera outbreak in the Masu district has killed 27 people since the start of the month, "
        "health officials said."
    )
    assert figures(brief) == {("killed", 27)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Witnesses said some 60 attackers on horseback killed 22 people in Zeba.",
        "Between 20 and 30 gunmen wearing uniforms killed 22 people at a wedding in Amra, police said.",
        "Gunmen killed 22 villagers in Dassa on Sunday. The attackers, numbering about 30, fled on motorcycles.",
        "Police said 25 suspects fled after the attack in Dassa, in which 22 guards were killed.",
    ],
)
def test_the_attackers_counted_are_not_a_toll(sentence):
    assert counts(summarise_text(sentence)) == {22}


def test_people_who_fled_their_homes_are_still_displaced():
    brief = summarise_text("Floods hit Dassa on Monday. Officials said 1,300 people had fled their homes.")
    assert ("displaced", 1300) in figures(brief)


@pytest.mark.parametrize(
    "sentence, toll",
    [
        ("The plane crashed near Orvo with 140 passengers and 8 crew on board, killing all of them.", set()),
        ("The ferry, with 300 people aboard, sank off Lesa; 40 were killed, the navy said.", {("killed", 40)}),
        ("The plane crashed near Velo, killing all 62 people on board, officials said.", {("killed", 62)}),
        ("All 62 people on board were killed when the plane crashed near Velo.", {("killed", 62)}),
    ],
)
def test_the_people_a_vehicle_carried_are_not_its_toll(sentence, toll):
    assert figures(summarise_text(sentence)) == toll


@pytest.mark.parametrize(
    "sentence, figure",
    [
        ("The toll, according to the Rivan Courier, stood at 16.", ("killed", 16)),
        ("The toll from Monday's floods in the northern hills has reached 23.", ("killed", 23)),
    ],
)
def test_a_tally_a_verb_puts_at_a_number_across_an_aside_is_read(sentence, figure):
    assert figures(summarise_text(f"A flood hit Kolo on Monday. {sentence}")) == {figure}


def test_a_toll_a_relative_clause_says_was_put_before_is_superseded():
    brief = summarise_text(
        "A flood hit Kolo. The death toll, which officials had put at 9 on Monday, rose to 23 on Tuesday."
    )
    assert figures(brief) == {("killed", 23)}


def test_a_source_in_the_figure_s_own_clause_is_preferred_to_a_nearer_one_in_another():
    brief = summarise_text(
        "A blast hit Tarsi on Monday. Private television station Zora put the toll at 16, "
        "while the government said 9 people had died."
    )
    assert source_of(brief, "killed", 16) == "Zora"
    assert source_of(brief, "killed", 9) == "government"


@pytest.mark.parametrize(
    "sentence, source, count",
    [
        ("Dawnlight put the toll at 16.", "Dawnlight", 16),
        ("Kurir put the figure at sixteen.", "Kurir", 16),
        ("The Observer newspaper put the toll at 16.", "Observer newspaper", 16),
        ("Officials put the figure at twenty-three.", "Officials", 23),
    ],
)
def test_an_outlet_that_puts_the_toll_or_figure_at_a_number_is_its_source(sentence, source, count):
    brief = summarise_text(f"A blast hit Tarsi on Monday. {sentence}")
    assert figures(brief) == {("killed", count)}
    assert source_of(brief, "killed", count) == source


def test_a_figure_put_at_a_number_of_another_kind_takes_that_kind():
    brief = summarise_text("Floods hit Tarsi on Monday. Officials put the figure at 3,000 displaced.")
    assert figures(brief) == {("displaced", 3000)}


def test_a_figure_a_source_had_put_before_is_superseded():
    brief = summarise_text(
        "The toll from the blast in Tarsi has risen to 19, the health office said. "
        "The office had put the figure at 12 on Monday evening."
    )
    assert figures(brief) == {("killed", 19)}


@pytest.mark.parametrize(
    "sentence, figure",
    [
        ("Police said seven men were killed and a eighth, a boy of 12, was badly burned.", ("injured", 1)),
        ("Two guards were killed near Sefa, and a third guard was wounded, the army said.", ("injured", 1)),
        ("Three protesters were arrested on Friday, and a fourth was detained on Saturday.", ("arrested", 1)),
    ],
)
def test_one_more_person_named_by_an_ordinal_is_a_figure_of_one(sentence, figure):
    assert figure in figures(summarise_text(sentence))


@pytest.mark.parametrize(
    "sentence, figure",
    [
        ("The agency said the number missing could be as high as 40.", ("missing", 40)),
        ("The number of people still unaccounted for stood at 12 on Monday.", ("missing", 12)),
    ],
)
def test_a_tally_of_a_casualty_word_put_at_a_number_takes_its_category(sentence, figure):
    assert figures(summarise_text(f"A boat sank near Lusa on Sunday. {sentence}")) == {figure}


def test_people_who_spent_the_night_in_tents_are_displaced():
    brief = summarise_text(
        "A quake struck Vora on Monday, killing 12 people, officials said. Some 3,000 people spent the night "
        "in tents, and about 800 villagers were sleeping in the open."
    )
    assert {("displaced", 3000), ("displaced", 800)} <= figures(brief)


def test_who_gave_the_tents_people_sheltered_in_is_no_victim():
    brief = summarise_text(
        "A quake struck Vora on Monday, killing 12 people, officials said. Some 3,000 people spent the night "
        "in tents donated by Amira Nassar, a local businesswoman."
    )
    assert not [a for a in brief.who if "Nassar" in a.name and a.role == "victim"]


@pytest.mark.parametrize(
    "sentence, figure",
    [
        ("A bomb hit a police post in Tarsa, killing six policemen and a passer-by, officials said.", ("killed", 1)),
        ("The blast in Tarsa killed a bystander and wounded four officers, police said.", ("killed", 1)),
        ("A motorist was killed and three people were hurt when a wall collapsed in Kerro.", ("killed", 1)),
        ("One fisherman drowned and two are missing after a boat capsized off Dilo.", ("killed", 1)),
        ("A conscript was shot dead at a checkpoint near Osso, the army said.", ("killed", 1)),
    ],
)
def test_one_person_named_by_any_noun_for_someone_is_a_figure_of_one(sentence, figure):
    assert figure in figures(summarise_text(sentence))


def test_a_second_reporting_verb_that_gives_a_toll_shares_the_first_one_s_subject():
    brief = summarise_text(
        "Shelling hit the border village of Sotra on Monday. The Varnian defence ministry accused rebel troops "
        "of firing first and said one Varnian serviceman had been killed."
    )
    assert source_of(brief, "killed", 1) == "Varnian defence ministry"


def test_a_comparative_after_a_is_no_person():
    brief = summarise_text("The blast in Tarsa killed 10 people and a further 20 were wounded, police said.")
    assert figures(brief) == {("killed", 10), ("injured", 20)}


@pytest.mark.parametrize(
    "second",
    [
        "Meanwhile, in the southern city of Beka, gunmen killed 3 policemen at a checkpoint.",
        "A day earlier, a car bomb in the capital killed 3 people.",
        "It was the second attack on the town in a week, after a blast on Tuesday killed 3.",
    ],
)
def test_a_turn_to_another_place_or_earlier_time_is_another_event(second):
    brief = summarise_text(f"A suicide bomber killed 12 people at a market in Harsa on Monday, police said. {second}")
    assert figures(brief) == {("killed", 12)}


def test_a_second_blast_after_the_first_is_this_event():
    brief = summarise_text(
        "A bomb exploded in Tusa on Monday, killing 4 people. A second bomb exploded after rescuers arrived, "
        "killing 5 more people."
    )
    assert ("killed", 5) in figures(brief)


@pytest.mark.parametrize(
    "sentence, toll",
    [
        ("Rescuers pulled 15 people, some of them injured, from the rubble in Vasa.", set()),
        ("Rescuers pulled 15 bodies from the rubble in Vasa.", {("killed", 15)}),
    ],
)
def test_people_pulled_from_rubble_are_rescued_but_bodies_are_dead(sentence, toll):
    assert figures(summarise_text(sentence)) == toll


def test_the_same_count_of_another_group_said_to_be_one_more_is_a_figure_of_its_own():
    brief = summarise_text(
        "The army said 5 soldiers were killed in the ambush near Kesh. It said 5 raiders were also killed."
    )
    assert {f.group for f in brief.toll if (f.category, f.count) == ("killed", 5)} == {"soldiers", "raiders"}


def test_the_same_count_of_other_people_of_the_group_is_a_figure_of_its_own():
    brief = summarise_text(
        "Two guards were killed in the ambush near Kesh, the army said. "
        "Two other guards died later in hospital, the army said."
    )
    assert [(f.category, f.count) for f in brief.toll] == [("killed", 2), ("killed", 2)]


@pytest.mark.parametrize(
    "sentence, toll",
    [
        ("The victims, aged 19, 23 and 31, were shot dead at a checkpoint in Osso.", set()),
        ("Four suspects, aged between 19 and 24, were arrested in Osso, police said.", {("arrested", 4)}),
        ("A 35-year-old mother of three was killed in the blast in Osso.", {("killed", 1)}),
        ("The fire gutted 12 of the 40 stalls in the Osso market, injuring 5 vendors.", {("injured", 5)}),
    ],
)
def test_ages_children_and_stalls_are_not_counts_of_casualties(sentence, toll):
    assert figures(summarise_text(sentence)) == toll


@pytest.mark.parametrize(
    "headline, figure",
    [
        ("Mine blast in Kavra: toll 23", ("killed", 23, "exact")),
        ("Kavra quake toll passes 300", ("killed", 300, "over")),
    ],
)
def test_a_headline_toll_without_a_verb_is_read(headline, figure):
    brief = summarise_text(f"{headline}\n\nA disaster struck Kavra on Friday.")
    assert {(f.category, f.count, f.qualifier) for f in brief.toll} == {figure}


def test_the_person_a_second_passive_verb_shares_with_the_first_is_counted():
    brief = summarise_text(
        "A fire killed 3 people at a club in Lemo on Monday. The owner of the club fled but was arrested on "
        "Tuesday, police said."
    )
    assert ("arrested", 1) in figures(brief)


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        # a nationality before the strike names the state; the country, where the story names it
        ("Strike on Osk\nA Norwegian drone strike on a car near Osk killed four men on Sunday, officials said. "
         "Norway's defence ministry did not comment.\n", "Norway"),
        # 'shelling' read as a noun, and the state's forces under the name the story gives them
        ("Market hit\nSwedish shelling hit a market in the town of Tesk on Saturday, killing nine people, the "
         "mayor said. It was the second strike by Swedish forces on the town this month.\n", "Swedish forces"),
        # neither the country nor its forces written: the adjective itself
        ("Raid\nGreek air strikes killed 12 fighters at a camp near Kessa on Monday, medics said.\n", "Greek"),
    ],
)  # fmt: skip
def test_a_nationality_before_an_attack_noun_is_the_side_that_struck(text, attacker):
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(attacker) == "attacker", roles


def test_a_states_forces_listed_as_authority_struck_when_its_adjective_heads_a_strike():
    text = (
        "Border strike\nA Swedish air strike hit a depot near Osk on Monday, killing five people, medics said. "
        "Swedish troops later sealed off the area.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get("Swedish troops") == "attacker", roles


@pytest.mark.parametrize(
    ("word", "country"),
    [("Nigerien", "Niger"), ("Nigerian", "Nigeria"), ("Afghan", "Afghanistan"), ("Turkish", "Turkey"),
     ("Omani", "Oman"), ("Malik", None), ("Chadwick", None)],
)  # fmt: skip
def test_nationality_adjectives_are_read_as_their_countries(word, country):
    from summarizer.extract.actor_nations import country_of_demonym

    assert country_of_demonym(word) == country


def test_capitalised_gunmen_are_the_named_group_that_claimed_the_attack():
    text = (
        "Hotel attack\nGunmen stormed a hotel in Osk on Monday, killing six guests, police said. "
        "The Harak Brigade claimed responsibility for the attack.\n"
    )
    attackers = [actor for actor in summarise_text(text).who if actor.role == "attacker"]
    assert [actor.name for actor in attackers] == ["Harak Brigade"], attackers
    assert "Gunmen" in attackers[0].aliases


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the state written two ways: its abbreviation and its people's adjective
        ("Raid in Osk\nU.S. forces raided a compound in Osk on Monday, killing four militants, officials said. "
         "American troops then withdrew from the area. The U.S. forces said no soldiers were hurt. American "
         "troops had also raided a village in May.\n", {"U.S. forces", "American troops"}),
        # a headline's generic phrase and the body's national one
        ("Security forces kill 7 in Osk\nSyrian forces shelled the town of Osk on Monday, killing seven "
         "civilians, residents said. Syrian forces later withdrew.\n", {"Syrian forces", "Security forces"}),
    ],
)  # fmt: skip
def test_one_states_forces_named_two_ways_are_one_actor(text, names):
    actors = [actor for actor in summarise_text(text).who if actor.role in ("attacker", "authority")]
    assert len(actors) == 1 and names <= {actors[0].name, *actors[0].aliases}, actors


def test_a_groups_own_army_name_is_not_the_states_side():
    text = (
        "Post attacked\nA suicide bomber drove a truck into a police post in Osk on Monday, killing seven "
        "policemen. The Harak Liberation Army, or HLA, claimed responsibility. Police said they had detained "
        "two men.\n"
    )
    who = summarise_text(text).who
    group = [actor for actor in who if actor.name == "Harak Liberation Army"]
    assert len(group) == 1 and group[0].role == "attacker", who
    assert not any(alias.lower() == "police" for alias in group[0].aliases), who


def test_an_acronym_listed_beside_the_name_it_spells_is_its_alias():
    from summarizer.brief import Actor
    from summarizer.extract.actor_folds import fold_acronyms

    who = [
        Actor(name="Harak Liberation Army", role="attacker", mentions=[(10, 31)]),
        Actor(name="HLA", role="attacker", mentions=[(36, 39)]),
        Actor(name="UN", role="other", mentions=[(50, 52)]),
    ]
    folded = fold_acronyms(who)
    assert [(a.name, a.aliases) for a in folded] == [("Harak Liberation Army", ["HLA"]), ("UN", [])]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a title does not make an authority of a person listed among the dead
        ("Blast at police post\nA bomb exploded at a police post in Osk on Monday, killing six policemen, "
         "officials said. Among the dead was the station commander, Captain Tomas Reed, 48, officials said.\n",
         "Tomas Reed"),
        ("Strike kills four\nA drone strike hit a car near Osk on Sunday, killing four men. The mayor, Lena Pol, "
         "said the dead included Piet Varga, a commander of the Harak Front, and three other men.\n",
         "Piet Varga"),
    ],
)  # fmt: skip
def test_a_person_the_dead_are_told_to_include_is_a_victim(text, person):
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(person) == "victim", roles


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # a country as the subject of an authority's act
        ("Riots in Osk\nRioters burned cars in Osk on Friday, and at least 12 people were hurt, medics said. "
         "Norway deployed extra police to the city and banned all gatherings.\n", "Norway"),
        # a nationality before 'authorities'
        ("Unrest in Osk\nAt least 40 people were detained after a night of rioting in Osk. The riots began after "
         "Swedish authorities removed a statue from the main square.\n", "Swedish authorities"),
    ],
)  # fmt: skip
def test_a_state_that_acts_as_the_authority_is_listed(text, state):
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(state) == "authority", roles


def test_a_state_in_a_present_tense_line_of_other_stories_is_no_actor():
    text = (
        "Floods in Osk\nRelated news\n- 3 May 2024: Norway declares state of emergency in two provinces\n"
        "Floods killed 9 people in Osk on Monday, officials said.\n"
    )
    assert "Norway" not in {actor.name for actor in summarise_text(text).who}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Bus plunges into gorge\nA bus carrying 40 pilgrims plunged into a gorge near Osk on Sunday, killing 17 "
         "people, police said. The driver survived and has been detained, police said.\n", "driver"),
        ("Fire at warehouse\nA fire swept through a warehouse in Osk on Friday, killing nine workers. Police "
         "arrested the warehouse's owner, Piet Dorn, 52, on suspicion of negligence.\n", "Piet Dorn"),
        ("Tower collapse\nA six-storey tower collapsed in Osk on Monday, killing 11 people. The governor ordered "
         "the arrest of the contractor, officials said.\n", "contractor"),
    ],
)  # fmt: skip
def test_the_one_in_charge_arrested_after_a_disaster_is_an_other_actor(text, party):
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(party) == "other", roles


def test_the_states_forces_fighting_an_armed_group_are_attackers():
    text = (
        "Dozens killed in Osk\nFighting between Norwegian federal troops and fighters of the Harak militia in the "
        "town of Osk has killed at least 30 people over two days, residents say. Doctors said 12 of the dead "
        "were civilians.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    troops = [name for name in roles if name.endswith("troops")]
    assert troops and all(roles[name] == "attacker" for name in troops), roles
    assert "fighters" not in roles, roles


def test_a_place_named_before_its_kind_is_no_person():
    text = (
        "Bus crash\nA bus fell into a river near Osk on Monday, killing 14 people, police said. Separately, two "
        "people died when a truck overturned in neighbouring Kessa Tarn district, officials said.\n"
    )
    assert "Kessa Tarn" not in {actor.name for actor in summarise_text(text).who}
    # as when NER reads the place as a person
    from summarizer.extract.actor_patterns import people_from
    from summarizer.extract.names import EntityMention
    from summarizer.pipeline import analyse

    start = text.index("Kessa Tarn")
    mention = EntityMention("Kessa Tarn", start, start + len("Kessa Tarn"), "PERSON")
    assert people_from(text, [mention], analyse(text).sentences, [], set()) == []


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # the attack itself as what is claimed
        ("Convoy ambushed\nGunmen ambushed an army convoy near Osk on Monday, killing 17 soldiers, the ministry "
         "said. The Harak Brigade claimed the ambush in a statement.\n", "Harak Brigade"),
        # a name NER splits in two, read whole
        ("Convoy ambushed\nGunmen ambushed an army convoy near Osk on Monday, killing 17 soldiers, the ministry "
         "said. Islamic State Tesk Province claimed the ambush in a statement.\n", "Islamic State Tesk Province"),
    ],
)  # fmt: skip
def test_the_group_that_claimed_the_attack_is_the_attacker(text, group):
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get(group) == "attacker", roles


def test_a_claim_of_past_attacks_names_no_attacker_of_this_one():
    text = (
        "Raids\nPolice detained 40 people in raids in Osk on Tuesday, officials said. The Harak Brigade has "
        "claimed several deadly attacks in the country.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get("Harak Brigade") != "attacker", roles


def test_a_people_named_as_victims_leaves_the_counted_group_listed():
    text = (
        "Minibus ambushed\nGunmen ambushed a minibus near Osk on Monday, killing seven passengers, police said. "
        "A spokesman for the Harak Brigade claimed that 10 Norwegians had been killed.\n"
    )
    victims = {actor.name for actor in summarise_text(text).who if actor.role == "victim"}
    assert "passengers" in victims, victims


def test_a_forces_vehicle_hit_is_the_target_under_its_whole_phrase():
    text = (
        "Convoy ambushed\nGunmen ambushed a Norwegian army convoy near Osk on Monday, killing 12 soldiers, the "
        "ministry said. The Norwegian army said four more soldiers were missing.\n"
    )
    targets = [actor for actor in summarise_text(text).who if actor.role == "target"]
    assert [actor.name for actor in targets] == ["Norwegian army convoy"], targets


def test_the_group_whose_site_a_strike_hit_is_the_target():
    text = (
        "Strike on depot\nA Norwegian air strike hit a house in Osk on Monday, killing four people, medics said. "
        "Norway said its jets struck a Harakat weapons depot near the town.\n"
    )
    roles = {actor.name: actor.role for actor in summarise_text(text).who}
    assert roles.get("Harakat") == "target", roles


def test_a_forces_word_qualifying_another_noun_does_not_name_the_side():
    text = (
        "Gunmen kill 6 in Osk\nA Norwegian police officer stands beside a bus, file photo.\n"
        "Gunmen attacked a bus near Osk on Monday, killing six passengers, police said. Norwegian troops were "
        "pursuing the attackers on Tuesday, police said.\n"
    )
    names = {actor.name for actor in summarise_text(text).who if actor.role in ("authority", "attacker")}
    assert "Norwegian troops" in names and "Norwegian police" not in names, names


@pytest.mark.parametrize(
    "sentence, cited",
    [
        ("Among the dead was a baker, Tomas Irvel, who ran a stall by the bridge, his family said.", "his family"),
        ("Among the dead were two brothers from Kesto village, relatives said.", "relatives"),
        ("Among the dead was Mira Olent, 7, her uncle told reporters.", "her uncle"),
        ("A diplomatic source told Varnian radio that a guard was among the dead.", "diplomatic source"),
        ("Among the dead were a nurse and her son, local media reported.", "local media"),
    ],
)
def test_kin_unnamed_sources_and_media_who_speak_of_the_dead_are_cited(sentence, cited):
    brief = summarise_text(f"A bomb killed 14 people at a market in Dorvo on Friday, police said. {sentence}")
    found = {source.name.lower(): source.type for source in brief.attribution}
    assert cited in found
    assert found[cited] in ("other", "media")
    assert found[cited] == ("media" if "media" in cited else "other")


def test_a_bulleted_list_of_related_headlines_is_not_the_headline():
    text = (
        "Rebels ambush army convoy in eastern Dorvia\n\nMonday, May 5, 2031\n\nRelated news\n"
        "- 1 May 2031: Floods kill 4 in Kesto\n- 28 April 2031: Varnia says 30 rebels killed near Ostrel\n\n"
        "Gunmen ambushed an army convoy near the village of Lumba on Sunday, killing 12 soldiers, "
        "the army said in a statement.\n"
    )
    brief = summarise_text(text)
    assert not has_name(brief.attribution, "Varnia")
    assert not has_name(brief.where, "Ostrel")
    assert ("killed", 30) not in figures(brief)


def test_the_ministry_is_not_a_body_of_another_kind_named_later():
    brief = summarise_text(
        "Gunmen ambushed a convoy near Lumba on Monday, killing 17 soldiers, the country's defence ministry said. "
        "The Kesto Valley Brotherhood claimed the ambush in a statement cited by the group's news agency. "
        "The ministry said four soldiers were missing."
    )
    ministry = [s for s in brief.attribution if "ministry" in s.name.lower()]
    assert ministry and "Kesto" not in ministry[0].name
    assert not any("ministry" in alias.lower() for s in brief.attribution if "Kesto" in s.name for alias in s.aliases)


def test_residents_of_a_place_are_the_source_not_the_place():
    brief = summarise_text(
        "Shelling hit the border village of Perko overnight, killing two soldiers, the defence ministry said. "
        "The exchange lasted about three hours, residents of Perko told reporters by phone. "
        "Residents of the Lumo and Dasta neighbourhoods said gendarmes had fired tear gas into homes."
    )
    written = {name: source.type for source in brief.attribution for name in (source.name, *source.aliases)}
    assert written.get("residents of Perko") == "witness"
    assert written.get("Residents") == "witness"
    assert "Perko" not in written
    assert not any(name.startswith("Residents of the Lumo") for name in written)


def test_a_described_agency_does_not_stand_for_unnamed_guards_named_later():
    brief = summarise_text(
        "A storm killed nine people in Dorvia, the country's disaster management agency said on Tuesday. "
        "Two boats went missing near Kesto island, according to border guards cited by state media."
    )
    found = {source.name: source.type for source in brief.attribution}
    assert found.get("border guards") == "military"
    agency = [s for s in brief.attribution if "agency" in s.name]
    assert agency and agency[0].type == "government" and "border guards" not in agency[0].aliases


def test_the_outlet_a_person_speaks_to_does_not_type_the_person():
    from summarizer.extract.source_types import source_type

    sentence = "Speaking to Varnia Daily, Tomas Irvel said most of the dead were in the village of Osk."
    assert source_type("Tomas Irvel", sentence) == "other"


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("The Dorvan Rescue Force (DRF) later raised the toll to 24 after two bodies were found.", "DRF"),
        ("Interior Minister Ana Kesto wrote on social media that 24 people had been killed.", "Ana Kesto"),
    ],
)
def test_a_raised_toll_or_a_written_statement_is_a_report(sentence, source):
    brief = summarise_text(f"A bus plunged into a gorge near Osk on Monday, killing 22 people, police said. {sentence}")
    assert has_name(brief.attribution, source)


def test_who_claims_the_ambush_is_an_armed_group():
    brief = summarise_text(
        "Gunmen ambushed a convoy near Lumba on Monday, killing 17 soldiers, the army said. "
        "The Kesto Valley Brotherhood claimed the ambush in a statement."
    )
    assert type_of(brief.attribution, "Kesto Valley Brotherhood") == "group"


@pytest.mark.parametrize(
    "name, description, kind",
    [
        ("provincial governor's office", "the provincial governor's office said", "government"),
        ("Office of the Prime Minister", "the Office of the Prime Minister said", "government"),
        ("Lesk chief prosecutor's office", "the Lesk chief prosecutor's office said", "government"),
        ("provincial health directorate", "the provincial health directorate says", "government"),
        ("Tarn Liberation Army", "the Tarn Liberation Army claimed the attack", "group"),
        ("hospital spokeswoman", "at Osk Medical Center, a hospital spokeswoman said", "other"),
        ("National News Agency", "the National News Agency (NNA) reported", "state_media"),
        ("Dorvan Medics Coalition", "the Dorvan Medics Coalition said", "ngo"),
        ("Local civil society groups", "Local civil society groups said", "ngo"),
        ("humanitarian workers", "humanitarian workers said", "ngo"),
        ("doctors' committee", "a doctors' committee said", "ngo"),
        ("Ana Kesto", "A spokesman for the militant group Tarn Brotherhood, Ana Kesto, said", "group"),
        (
            "Lieutenant Colonel Ana Kesto",
            "A spokesman for the national fire brigade, Lieutenant Colonel Ana Kesto, told reporters",
            "official",
        ),
    ],
)
def test_source_types_of_bodies_armed_movements_hospitals_and_civil_forces(name, description, kind):
    from summarizer.extract.source_types import source_type

    assert source_type(name, description) == kind


def test_an_outlet_the_tagger_reads_as_a_common_noun_still_reports():
    brief = summarise_text(
        "At least 33 people died in a second day of protests in Osk, the capital of Dorvia. "
        "Varnitel put the figure at twenty-three."
    )
    assert has_name(brief.attribution, "Varnitel")


def test_an_armed_wing_taking_responsibility_is_a_cited_group():
    brief = summarise_text(
        "A rocket killed a woman in Lumba on Tuesday, police said. "
        "Saif al-Din al-Kasr, the movement's military wing, also took responsibility for the attack."
    )
    assert type_of(brief.attribution, "Saif al-Din al-Kasr") == "group"


def test_a_negated_report_and_a_newspapers_count_cite_no_one_new():
    brief = summarise_text(
        "Gunmen killed 11 people at a bar in Osk on Saturday, police said. "
        "The Kesto Brotherhood did not comment on the attack. "
        "It was the 14th massacre in the state this year, according to a count by the newspaper."
    )
    names = [source.name.lower() for source in brief.attribution]
    assert not any("kesto" in name for name in names)
    assert "count" not in names


@pytest.mark.parametrize(
    "sentence, cited, kind",
    [
        ("The interior ministry announced that 20 people had been wounded.", "interior ministry", "government"),
        (
            "Twenty were wounded, according to figures released by the Osk health department.",
            "health department",
            "government",
        ),
        ("Twenty people were wounded, a spokesman for the rebels said.", "spokesman for the rebels", "group"),
        (
            "Twenty people were wounded, an official at Osk General Hospital said.",
            "official at Osk General Hospital",
            "official",
        ),
        ("Dr. Ana Kesto, director of Osk General Hospital, said 20 people were wounded.", "Ana Kesto", "other"),
    ],
)
def test_descriptions_report_issuers_and_hospital_names_as_sources(sentence, cited, kind):
    brief = summarise_text(f"A bomb exploded at a market in Osk on Friday, killing 14 people. {sentence}")
    assert type_of(brief.attribution, cited) == kind
    assert not has_name(brief.attribution, "figures")
    wounded = [f for f in brief.toll if f.count == 20]
    assert wounded and wounded[0].source and cited.lower() in wounded[0].source.lower()


@pytest.mark.parametrize(
    "sentence, cited, kind",
    [
        ("Twenty people were wounded, Ana Kesto was quoted by Varnia Daily as saying.", "Ana Kesto", "other"),
        ("The police chief was quoted as saying 20 people were wounded.", "police chief", "official"),
        ("The toll rose to 20 wounded, Ana Kesto told a press conference.", "Ana Kesto", "other"),
        ("Twenty people were wounded, the UN's humanitarian office said.", "humanitarian office", "un"),
        ("Twenty people were wounded, Tomas Irvel of the Osk Red Cross said.", "Tomas Irvel", "ngo"),
    ],
)
def test_passive_quotes_press_conferences_and_people_of_a_body(sentence, cited, kind):
    brief = summarise_text(f"A bomb exploded at a market in Osk on Friday, killing 14 people. {sentence}")
    assert type_of(brief.attribution, cited) == kind
    wounded = [f for f in brief.toll if f.count == 20]
    assert wounded and wounded[0].source and wounded[0].source.lower().endswith(cited.lower())


def test_an_unnamed_title_is_the_person_named_later_with_the_same_words():
    brief = summarise_text(
        "A ferry sank on Lake Osk on Saturday, killing 12 people, a provincial official said. "
        "The boat was carrying 80 passengers, provincial transport minister Ana Kesto told reporters. "
        "The coast guard detained the captain, a coast guard spokesperson said."
    )
    kesto = [s for s in brief.attribution if s.name == "Ana Kesto"]
    assert kesto and "provincial official" in kesto[0].aliases
    assert not any(s.name == "provincial official" for s in brief.attribution)
    assert any(s.name == "coast guard spokesperson" for s in brief.attribution)


def test_an_opposition_coalition_is_cited_by_its_name_and_is_it():
    brief = summarise_text(
        "Two young men were shot dead in Osk on Wednesday when police fired on a protest, "
        "the opposition Citizens' Union coalition said. It said 34 protesters had been injured."
    )
    coalition = [s for s in brief.attribution if "coalition" in s.name]
    assert coalition and coalition[0].name == "Citizens' Union coalition" and coalition[0].type == "other"
    assert source_of(brief, "injured", 34) == "Citizens' Union coalition"


def test_a_state_led_coalition_is_military():
    from summarizer.extract.source_types import source_type

    assert source_type("Dorvan-led coalition", "The Dorvan-led coalition said it had struck a camp") == "military"


def test_a_described_source_in_a_named_place_is_the_source_not_its_place():
    brief = summarise_text(
        "Gunmen ambushed an army convoy near Lumba on Monday, killing 17 soldiers, the army said. "
        "A military source in Osk, who asked not to be named, told reporters that the toll was 21."
    )
    assert "military source" in {source.name for source in brief.attribution}
    assert not has_name(brief.attribution, "military source in Osk")


def test_a_place_the_parser_takes_for_the_subject_gives_way_to_the_source_in_apposition():
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc, Span

    from summarizer.extract.speakers import speakers

    # '... in northern Varnia, the country's prison authority said.' misread as the place
    # being the subject and the authority its apposition (as the parser does on some texts)
    words = ["in", "northern", "Varnia", ",", "the", "country", "'s", "prison", "authority", "said", "."]
    heads = [9, 2, 9, 2, 5, 8, 5, 8, 2, 9, 9]
    deps = ["prep", "amod", "nsubj", "punct", "det", "poss", "case", "compound", "appos", "ROOT", "punct"]
    pos = ["ADP", "ADJ", "PROPN", "PUNCT", "DET", "NOUN", "PART", "NOUN", "NOUN", "VERB", "PUNCT"]
    spaces = [True, True, False, True, True, False, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 2, 3, label="GPE")]
    found = [doc.text[s.start : s.end] for s in speakers(doc, 0)]
    assert found == ["country's prison authority"]


def test_the_body_a_title_heads_keeps_its_own_of():
    brief = summarise_text(
        "An earthquake struck Osk province on Friday, killing at least 11 villagers, officials said. "
        "The head of Osk's university of medical sciences put the figure at 14 dead on Saturday evening."
    )
    assert "head of Osk's university of medical sciences" in {source.name for source in brief.attribution}


def test_an_acronym_of_a_name_after_its_owner_is_the_same_source():
    brief = summarise_text(
        "The United Nation's Dorvan Relief Mission says gunmen attacked its compound in Osk late Sunday. "
        "Nine DRM staff have been evacuated, the mission said. DRM said two guards were wounded."
    )
    assert len([s for s in brief.attribution if "DRM" in (s.name, *s.aliases)]) == 1
    assert not any(s.name == "DRM" for s in brief.attribution)


def test_a_bare_name_that_also_says_is_the_title_just_cited():
    brief = summarise_text(
        "Militants attacked a hotel in Osk overnight, killing 11 soldiers, officials said. "
        "The governor of Dorvia's Lesk region, who was at the hotel, says the dead include six soldiers. "
        "Tomas Irvel also says he believes eight militants were killed in the attack."
    )
    irvel = [s for s in brief.attribution if s.name == "Tomas Irvel"]
    assert irvel and irvel[0].type == "official"
    assert "governor of Dorvia's Lesk region" in irvel[0].aliases


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Troops shelled villages in North Kavuma on Monday, killing 40 people.", "North Kavuma", "province"),
        ("A landslide buried a West Karamo village on Sunday, killing six people.", "West Karamo", "province"),
        ("Floods hit the South Island of Vorlandia on Monday, and 12 people drowned.", "South Island", "region"),
    ],
)  # fmt: skip
def test_a_name_after_a_compass_word_is_a_province_or_region(text, name, kind):
    assert type_of(summarise_text(text).where, name) == kind


def test_the_name_before_a_town_of_another_is_the_division_that_holds_it():
    brief = summarise_text("Gunmen stormed a bar in the Kesto town of Tarnville on Saturday, killing seven.")
    assert type_of(brief.where, "Kesto") == "province"
    assert type_of(brief.where, "Tarnville") == "town"


def test_a_names_own_division_noun_beats_a_list_noun_before_it():
    brief = summarise_text("A landslide buried homes in three villages of Kasomo District on Monday, killing 13.")
    assert type_of(brief.where, "Kasomo") == "district"


def test_a_related_news_list_above_the_story_is_not_its_headline():
    brief = summarise_text(
        "Rebels ambush army convoy in the north\n\n"
        "Related news\n"
        "- 28 May 2031: Floods kill 9 in the town of Ostrakol\n\n"
        "Gunmen ambushed an army convoy near the village of Pelmora on Monday, killing 17 soldiers, "
        "the defence ministry said."
    )
    assert not has_name(brief.where, "Ostrakol")
    assert has_name(brief.where, "Pelmora")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Floodwater swept through the Tarvessa valley on Sunday, killing 12 people.", "Tarvessa valley", "region"),
        ("A cargo plane crashed into homes in the Meloko commune on Friday, killing 20 people.",
         "Meloko commune", "district"),
        ("A launch capsized in the Korvash river off Delmar Sadar upazila on Friday; nine passengers drowned.",
         "Korvash river", "other"),
    ],
)  # fmt: skip
def test_a_lower_case_area_noun_after_a_name_is_part_of_it(text, name, kind):
    places = summarise_text(text).where
    assert name in {p.name for p in places}
    assert type_of(places, name) == kind


def test_a_river_the_rescuers_search_is_not_a_place_of_the_event():
    brief = summarise_text(
        "A bus plunged into a gorge near Kelvani on Monday, killing 14 people. Two passengers were "
        "still missing and rescuers were searching the Tamsura river below, police said."
    )
    assert not has_name(brief.where, "Tamsura")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 17 soldiers near Pelmora on Monday. Islamic State Varosha Province claimed the ambush.",
        "Gunmen killed 17 soldiers near Pelmora on Monday. The group is also known as the Islamic State "
        "in the Greater Varosha (ISGV).",
    ],
)
def test_a_place_ending_an_armed_groups_name_is_not_a_place(text):
    assert not has_name(summarise_text(text).where, "Varosha")


def test_a_place_no_gazetteer_knows_and_no_word_types_is_a_town():
    brief = summarise_text(
        "A tornado struck Kelvarta, Mississippi, on Friday night, killing five people, "
        "and the fifth victim died in nearby Orvessa."
    )
    assert type_of(brief.where, "Orvessa") == "town"
    assert type_of(brief.where, "Kelvarta") == "town"


def test_names_in_apposition_to_gangs_are_groups_not_places():
    brief = summarise_text(
        "At least 14 inmates were killed in a riot at the Osk prison on Tuesday after members of two "
        "rival gangs, Los Tarnos and Los Vellos, fought with knives and guns."
    )
    assert not has_name(brief.where, "Los Vellos")


def test_a_county_jail_where_the_suspect_is_held_is_not_a_place_of_the_event():
    brief = summarise_text(
        "A gunman killed four people at a bar in Kelvarta on Saturday, police said. "
        "The suspect is being held at the Dornby County jail on four counts of murder."
    )
    assert not has_name(brief.where, "Dornby")


def test_a_file_photo_caption_names_no_place_of_the_event():
    brief = summarise_text(
        "Militants storm army post in the north\n\n"
        "Soldiers patrol a road near Kelvarta, file photo.\n\n"
        "Suspected jihadists attacked a military detachment at Pelvona on Monday, killing 12 soldiers, "
        "the army said."
    )
    assert not has_name(brief.where, "Kelvarta")


def test_a_name_placed_in_a_region_after_at_is_a_town():
    brief = summarise_text(
        "Hundreds of assailants on motorbikes overran the army post at Gorvadji, in the Tessaly region, "
        "before dawn on Monday, killing 12 soldiers, the army said."
    )
    assert type_of(brief.where, "Gorvadji") == "town"


def test_a_place_named_before_its_state_after_in_is_a_place_whatever_ner_misses():
    from summarizer.extract.place_slots import slot_mentions
    from summarizer.pipeline import analyse

    text = "Twelve coal miners were found dead in the mine in Talvo, West Virginia and only one has survived."
    doc = next(iter(analyse(text).docs.values()))
    doc.ents = [ent for ent in doc.ents if ent.text != "Talvo"]  # as NER reads it in some stories
    assert "Talvo" in {mention.text for mention in slot_mentions(doc, 0)}


def test_a_places_other_name_is_not_a_second_place():
    brief = summarise_text(
        "Soldiers shot dead 12 protesters in Aungvar on Sunday. Developments in Myanmar, which is also "
        "known as Burma, are hard to confirm."
    )
    assert not has_name(brief.where, "Burma")


def test_a_caption_above_an_image_credit_names_no_place_of_the_event():
    brief = summarise_text(
        "Protesters say 80 killed in crackdown\n\n"
        "In Kelvarta, Oregon, a protest against the crackdown is held.\n"
        "Image: Dana Pell.\n\n"
        "Security forces killed 80 people in Dornavik during protests this week, exiles said on Sunday."
    )
    assert not has_name(brief.where, "Kelvarta")


def test_a_name_cut_off_where_the_page_capture_stops_is_not_a_place():
    brief = summarise_text(
        "A magnitude 6.3 earthquake struck Dornavik on Tuesday, killing at least 65 people. "
        "The cathedral in Dornavik has half collapsed, while the old Tesmara"
    )
    assert not has_name(brief.where, "Tesmara")


def test_the_hospital_town_the_wounded_were_taken_to_is_not_a_place_of_the_event():
    brief = summarise_text(
        "A suicide car bomber killed three civilians in Kelvani district on Thursday. Six soldiers were "
        "wounded and taken to the military hospital at Pavrosk, officials said."
    )
    assert not has_name(brief.where, "Pavrosk")


def test_a_country_named_only_as_a_sides_ministry_is_not_a_place_of_the_event():
    brief = summarise_text(
        "A drone strike killed four fighters near a checkpoint in the town of Dornavik on Monday, officials said. "
        "Turkey's defence ministry said its forces had neutralised three militants in the region."
    )
    assert not has_name(brief.where, "Turkey")
    assert has_name(brief.where, "Dornavik")


def test_a_place_neighbouring_a_province_is_a_province():
    brief = summarise_text(
        "Six of the dead were in Kesto province, where winds tore roofs off houses, and three in "
        "neighbouring Tham Vell, the agency said."
    )
    assert type_of(brief.where, "Tham Vell") == "province"


@pytest.mark.parametrize("name", ["Côte d'Ivoire", "Czech Republic", "Britain"])
def test_every_iso_spelling_of_a_country_is_a_country(name):
    brief = summarise_text(f"Floods killed 12 people in {name} on Sunday, officials said.")
    assert type_of(brief.where, name) == "country"


@pytest.mark.parametrize(
    "origin",
    ["a nurse who hailed from Tamsk", "a nurse originally from Tamsk", "a nurse born in Tamsk", "a native of Tamsk",
     "a Tamsk native"],
)  # fmt: skip
def test_where_a_victim_comes_from_is_not_a_place_of_the_event(origin):
    brief = summarise_text(
        "A gunman shot dead three people at a market in the town of Kelvarta on Friday. "
        f"The dead included two teachers and {origin}."
    )
    assert not has_name(brief.where, "Tamsk")
    assert has_name(brief.where, "Kelvarta")


def test_a_name_that_owns_a_district_is_its_province():
    brief = summarise_text(
        "A suicide car bomber struck a convoy in Kesvar's Tolmani district on Thursday, killing three civilians."
    )
    assert type_of(brief.where, "Kesvar") == "province"
    assert type_of(brief.where, "Tolmani") == "district"


def test_the_site_where_people_died_in_a_riot_is_a_place_of_the_event():
    brief = summarise_text(
        "At least 19 inmates have died in a riot at the regional prison in the port city of Tarnova, "
        "the prison authority said on Wednesday."
    )
    assert type_of(brief.where, "prison") == "site"


def test_a_lake_named_lake_first_is_other():
    brief = summarise_text(
        "Lake Tesvaro: boat capsizes, dozens feared dead\n\n"
        "At least 38 people drowned after a wooden boat capsized on Lake Tesvaro in the west of the country on Sunday."
    )
    assert type_of(brief.where, "Lake Tesvaro") == "other"


def test_a_group_known_by_a_name_is_not_a_place():
    from summarizer.extract.names import EntityMention
    from summarizer.extract.places import places_from
    from summarizer.pipeline import analyse

    text = (
        "Airstrikes killed 12 civilians in the town of Kelvarta on Monday. Rescue workers known as the "
        "Green Vests said they had pulled 19 bodies from the rubble."
    )
    start = text.index("Green Vests")
    mentions = [EntityMention("Green Vests", start, start + len("Green Vests"), "FAC")]  # as NER may tag it
    assert not places_from(text, mentions, analyse(text).sentences, set())


def test_the_place_named_by_its_authorities_is_a_place_typed_by_their_level():
    brief = summarise_text(
        "Floodwaters killed at least 19 people overnight, the district authorities in Tolvenau said on Thursday."
    )
    assert type_of(brief.where, "Tolvenau") == "district"
