"""The one path from article text to a Brief:

clean (story segments) -> candidates (figures, sources, names) -> choices (rules rank the
grounded options; the model picks among them by constrained decoding) -> ground (each
field's room in extract/: merge, attach spans, verify) -> Brief.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .answers import Question, decision_schema, few_shot_examples, model_answers, split_values
from .brief import Actor, Brief, EventDate, EventType, Figure, Source
from .candidates import (
    FigureCandidate,
    Sentence,
    SourceMention,
    find_entities,
    find_figures,
    find_sources,
    parse_sentences,
    split_sentences,
)
from .errors import GenerationError, InputError
from .extract.actor_acts import (
    acting_authorities,
    attacked_forces,
    held_authorities_as_victims,
    struck_armed_men,
    with_forces_as_attackers,
    without_placed_names,
)
from .extract.actor_ages import aged_people, with_aged_people
from .extract.actor_blame import with_responsible_parties
from .extract.actor_bodies import with_acting_bodies
from .extract.actor_folds import (
    fold_acronyms,
    fold_force_phrases,
    fold_named_attackers,
    fold_named_groups_members,
    fold_same_states_forces,
    fold_shortened_names,
)
from .extract.actor_nations import with_acting_states, with_striking_nations
from .extract.actor_patterns import group_actors, organisations_from, people_from
from .extract.actor_scope import without_background_actors, without_other_times_actors
from .extract.actor_states import with_striking_states
from .extract.actor_targets import with_vehicle_targets
from .extract.actors import (
    role_cues,
    with_parsed_roles,
)
from .extract.entities import Entity, _key, name_keys
from .extract.enumerations import enumerated_figures
from .extract.figure_items import Choice, dedupe_figures, figure_item
from .extract.furniture import story_segments, whole_page
from .extract.places import event_countries, places_from
from .extract.sites import event_sites
from .extract.source_entities import merge_sources, sources_as_items
from .extract.source_scope import SourceIndex, quoted_sentences, source_options
from .extract.source_sides import armed_sides_as_groups
from .extract.source_words import describes_a_body
from .extract.victims import counted_victims
from .generate import Generator
from .item_decisions import ITEM_KINDS, item_questions, with_answers
from .prompts_io import render

NOT_STATED = "not stated"
MAX_ARTICLE_CHARS = 2_000_000


@dataclass
class Analysis:
    """Everything found in the text before any decision is taken."""

    text: str
    sentences: list[Sentence]
    figures: list[FigureCandidate]
    source_mentions: list[SourceMention]
    sources: list[Entity]
    mention_entity: dict[int, int]
    notes: list[str]  # what had to be done unusually, for the brief
    docs: dict  # spaCy parse of each story sentence, by its start
    quoted: set[int]  # sentences inside a quotation still open after them
    index: SourceIndex  # lookups for each figure's source options
    published: str | None = None  # the publication date (YYYY-MM-DD) the caller knows


FIGURE_KINDS = frozenset({"category", "source"})
# figures' category and source, then the entities' role, place type and source type
DECISION_KINDS = FIGURE_KINDS | frozenset(ITEM_KINDS)


@dataclass(frozen=True)
class Options:
    """Stages that can be switched off, for the ablation table (all on by default)."""

    clean: bool = True  # drop page boilerplate before reading
    background: bool = True  # drop figures about a wider or earlier event
    merge: bool = True  # one entry per figure, per source, per group
    # the decision kinds the model takes (the rest the rules take): the figures' kinds where
    # the rules are unsure, the entities' kinds (role, place_type, source_type) for every item
    # when given; a model's measured policy (policy.py) sets it
    model_decides: frozenset[str] = FIGURE_KINDS
    choice: str = "greedy"  # how the model picks an option: greedy, loglik, loglik-norm
    shots: int = 0  # labelled examples shown in each decision prompt (prompts/choose_figure_examples.json)


@dataclass
class RunStats:
    model_decisions: int = 0
    dropped: int = 0
    notes: list[str] = field(default_factory=list)


NO_STORY_NOTE = "page furniture: cleaning left no story lines, so the page was read uncleaned"


def analyse(text: str, options: Options = Options(), published: str | None = None) -> Analysis:
    notes: list[str] = []
    segments = story_segments(text) if options.clean else whole_page(text)
    if not segments:  # a page never loses its whole story silently
        segments = whole_page(text)
        notes.append(NO_STORY_NOTE)
    sentences = split_sentences(text, segments=segments)
    docs = parse_sentences(sentences)
    figures = enumerated_figures(text, sentences, docs, find_figures(text, sentences, docs))
    figures = [f for f in figures if not (options.background and f.background)]
    mentions = find_sources(text, sentences, docs)
    entities, resolved = merge_sources(text, mentions)
    analysis = Analysis(
        text, sentences, figures, mentions, entities, resolved, notes, docs,
        quoted_sentences(sentences), SourceIndex.build(sentences, mentions), published,
    )  # fmt: skip
    for figure in figures:
        figure.sources, figure.sources_in_sentence = source_options(
            text, figure, analysis.index, mentions, resolved, entities, analysis.quoted
        )
    return analysis


def rule_choices(analysis: Analysis) -> list[Choice]:
    return [
        Choice(figure, figure.categories[0], figure.sources[0] if figure.sources else None)
        for figure in analysis.figures
    ]


def questions(
    analysis: Analysis, chat_prompt: Callable[[str, str], str], decides: frozenset[str] = DECISION_KINDS, shots: int = 0
) -> list[Question]:
    """The decisions the model is asked for this article, in figure order, one question per
    kind, as `chat_prompt` (the generator's) renders them. It is asked only where the rules
    are unsure: a category borrowed from earlier in the sentence, a source not named in the
    figure's own sentence (or more than one)."""
    asked: list[Question] = []
    system = render("system")
    examples = few_shot_examples(shots)
    for index, figure in enumerate(analysis.figures):
        offered = {}
        if not figure.category_sure and "category" in decides and len(figure.categories) > 1:
            offered["category"] = figure.categories
        if figure.sources_in_sentence != 1 and figure.sources and "source" in decides:
            sources = [*figure.sources, NOT_STATED] if figure.sources_in_sentence == 0 else figure.sources
            if len(sources) > 1:
                offered["source"] = sources
        if not offered:
            continue  # one grounded option: nothing for the model to decide
        paragraph = [
            s
            for s in analysis.sentences
            if s.paragraph == figure.sentence.paragraph and s.start < figure.sentence.start
        ]
        # One question per kind: a policy gives kinds to the model one by one, so each answer
        # must not depend on whether the other kind is asked too (calibration measures what
        # runs); the second question shares the first's prompt up to its last line, so the
        # kept KV cache makes it cost that line and its options.
        for kind, values in offered.items():
            user = render(
                "choose_figure",
                examples=examples,
                sentence=figure.sentence.text,
                context=paragraph[-1].text if paragraph else "",
                figure=analysis.text[figure.number_span[0] : figure.number_span[1]],
                categories=values if kind == "category" else [],
                sources=values if kind == "source" else [],
            )
            asked.append(Question(index, decision_schema(*split_values(kind, values)), chat_prompt(system, user)))
    return asked


def pending_decisions(
    analysis: Analysis, chat_prompt: Callable[[str, str], str], decides: frozenset[str] = DECISION_KINDS, shots: int = 0
) -> list[tuple[int, dict, str]]:
    """The questions the model is asked about this article's figures, as (figure index,
    answer schema, chat prompt): `summarise train` builds its examples from them."""
    return [(q.index, q.schema, q.prompt) for q in questions(analysis, chat_prompt, decides, shots)]


def model_choices(
    analysis: Analysis,
    generator: Generator,
    stats: RunStats,
    decides: frozenset[str] = DECISION_KINDS,
    choice: str = "greedy",
    shots: int = 0,
) -> list[Choice]:
    """Let the model choose category and source where the text offers more than one; the
    enums hold only grounded options, so any answer is something the article says.
    `choice`: "greedy" walks the grammar token by token (an enum's first token decides it);
    "loglik" scores every answer the grammar allows as a whole completion of the prompt and
    takes the most likely, "loglik-norm" the most likely per token, "loglik-pmi" the one
    whose likelihood the question raises most over a premise without the article (so a
    phrase likely anywhere, such as "not stated", does not win by its surface form)."""
    choices = rule_choices(analysis)
    asked = questions(analysis, generator.chat_prompt, decides, shots)
    answers = model_answers(generator, asked, choice, stats, fallback=True)
    for question, answer in zip(asked, answers, strict=True):
        if answer is None:  # the model could not write this grammar: the rules' choice stands
            continue
        stats.model_decisions += 1
        if "category" in answer:
            choices[question.index].category = answer["category"]
        if "source" in answer:
            choices[question.index].source = None if answer["source"] == NOT_STATED else answer["source"]
        choices[question.index].by_model |= frozenset(answer)
    return choices


def _without_headline_restatements(kept: list[tuple[Choice, Figure]], sentences: list[Sentence]) -> list[Figure]:
    """A headline's figure that the body gives again ('Blast kills 18' / 'killing at least
    18 people') is the same figure: keep the body's, which has its qualifier and source."""
    headline = sentences[0] if sentences and not re.search(r"[.!?\"”]$", sentences[0].text) else None
    body = {(f.category, f.count, f.count_max) for c, f in kept if c.candidate.sentence is not headline}
    return [f for c, f in kept if not (c.candidate.sentence is headline and (f.category, f.count, f.count_max) in body)]


def _cited(attribution: list[Source], analysis: Analysis, figures: list[Figure]) -> list[Source]:
    """Sources as attribution items. An unnamed one that only the parse found ('local
    officials said', 'a hospital spokeswoman said') is listed when a figure is credited to
    it, or when it is a body of people ('the armed forces said'); otherwise it is a description
    of someone, not a source an analyst would list."""
    parsed = {m.span for m in analysis.source_mentions if m.parsed}
    credited = {f.source for f in figures if f.source}
    return [
        item
        for item in attribution
        if item.name in credited
        or re.search(r"[A-Z]", item.name)
        or not all(tuple(span) in parsed for span in item.mentions)
        or describes_a_body(item.name)
    ]


def _without_places(who: list[Actor], excluded: set[str]) -> list[Actor]:
    """Places and media are never actors (officials who speak may be: they often command)."""
    # (a number in a name is a count, '2 soldiers'; an ordinal names a unit, '3rd Brigade')
    numbered = re.compile(r"\d(?!\d*(?:st|nd|rd|th)\b)")
    return [actor for actor in who if _key(actor.name) not in excluded and not numbered.search(actor.name)]


def build_brief(analysis: Analysis, choices: list[Choice], stats: RunStats, options: Options = Options()) -> Brief:
    text, sentences = analysis.text, analysis.sentences
    kept: list[tuple[Choice, Figure]] = []
    for choice in choices:
        item = figure_item(text, choice)
        if item is None:
            stats.dropped += 1
            continue
        kept.append((choice, item))
    figures = _without_headline_restatements(kept, sentences) if options.merge else [f for _, f in kept]
    attribution = _cited(sources_as_items(text, analysis.sources, sentences), analysis, figures)
    entities = find_entities(text, sentences, analysis.docs)
    where = places_from(text, entities, sentences, name_keys(attribution))
    aged = aged_people(sentences, analysis.docs)
    # a name written with an age ('X, 16,') is a person's, whatever the places read it as
    place_keys = name_keys(where) - {_key(m.text) for m in aged}
    source_spans = [span for s in attribution for span in s.mentions]
    # people who are cited may still be actors (an official who commands forces); bodies are not
    institution_keys = name_keys(s for s in attribution if s.type not in ("official", "witness", "other"))
    groups = [f.group for f in figures if f.group]
    who = group_actors(text, sentences, groups)
    who += people_from(
        text, with_aged_people(entities, aged), sentences, source_spans, place_keys | institution_keys | name_keys(who)
    )
    media_keys = name_keys(s for s in attribution if s.type in ("media", "state_media", "monitor", "ngo", "un"))
    who += organisations_from(text, entities, sentences, place_keys | name_keys(who) | media_keys)
    who = _without_places(who, place_keys | media_keys)
    who = with_parsed_roles(text, sentences, who, role_cues(sentences, analysis.docs), place_keys | media_keys)
    who = without_placed_names(
        without_other_times_actors(who, sentences, analysis.docs), sentences, analysis.docs, place_keys
    )
    who = held_authorities_as_victims(acting_authorities(who, sentences, analysis.docs), sentences, analysis.docs)
    who = fold_shortened_names(with_forces_as_attackers(who, sentences, analysis.docs))
    who = fold_named_groups_members(fold_named_attackers(who))
    who = with_striking_states(text, sentences, analysis.docs, who)
    who = fold_acronyms(fold_same_states_forces(with_striking_nations(text, sentences, analysis.docs, who)))
    who = fold_force_phrases(who)
    who = with_acting_states(text, sentences, analysis.docs, who)
    who = struck_armed_men(attacked_forces(who, sentences, analysis.docs), sentences, analysis.docs)
    who = with_vehicle_targets(text, sentences, analysis.docs, who)
    who = with_responsible_parties(text, sentences, analysis.docs, who)
    who = with_acting_bodies(text, sentences, analysis.docs, entities, who, place_keys | media_keys)
    who = without_background_actors(who, sentences)
    # a name the story makes an actor ('Hamas fired ...') is not also a place of the event
    actor_keys = name_keys(who)
    where = [place for place in where if place.type == "country" or _key(place.name) not in actor_keys]
    where = event_countries(where, sentences)
    where += event_sites(text, sentences, analysis.docs, where)
    speaks_for = {e.name: e.speaks_for.name for e in analysis.sources if e.speaks_for is not None}
    toll = dedupe_figures(figures, speaks_for, text) if options.merge else figures
    who += counted_victims(text, sentences, figures, who)
    attribution = armed_sides_as_groups(attribution, who)
    brief = Brief(who=who, where=where, toll=toll, attribution=attribution, notes=analysis.notes)
    brief = _when_what_where(brief, analysis)
    problems = brief.spans_match(text)
    if problems:  # a defect in this package, never the input's fault
        raise GenerationError(f"ungrounded span in brief: {problems[0]}")
    return brief


def _when_what_where(brief: Brief, analysis: Analysis) -> Brief:
    """The brief with its event date, event type and geocoded places (each from its own room:
    extract/dates.py, kinds.py, geo.py), read from the toll's sentences and the places found."""
    from .extract.dates import event_date
    from .extract.geo import geocode
    from .extract.kinds import event_type

    text = analysis.text
    anchors = [figure.evidence_span[0] for figure in brief.toll]
    where, geo_notes = geocode(brief.where, text)
    for figure in brief.toll:
        figure.exact_span = text[slice(*figure.evidence_span)] == figure.evidence and (
            figure.group is None or figure.group in figure.evidence
        )
    date = event_date(text, analysis.sentences, anchors, analysis.published)
    kind = event_type(text, analysis.sentences, analysis.docs, anchors, [figure.category for figure in brief.toll])
    return brief.model_copy(
        update={
            "where": where,
            "notes": [*brief.notes, *geo_notes],
            "event_date": EventDate(**date) if date else None,
            "event_type": EventType(**kind) if kind else None,
        }
    )


def check_article(text: object) -> str:
    """The article text, or an InputError saying why it cannot be summarised."""
    if not isinstance(text, str):
        raise InputError("article text must be a string")
    if not text.strip():
        raise InputError("article is empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"article has {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}")
    return text


def summarise_text(
    text: str,
    generator: Generator | None = None,
    stats: RunStats | None = None,
    options: Options = Options(),
    published: str | None = None,
) -> Brief:
    """The brief of one article. With `generator=None` the rules' first choice is taken.
    `published` (YYYY-MM-DD) resolves relative dates ('on Thursday'); else a dateline does."""
    check_article(text)
    stats = stats or RunStats()
    analysis = analyse(text, options, published)
    if generator is None:
        return build_brief(analysis, rule_choices(analysis), stats, options)
    noted = len(stats.notes)
    choices = model_choices(analysis, generator, stats, options.model_decides, options.choice, options.shots)
    brief = model_items(build_brief(analysis, choices, stats, options), analysis, generator, stats, options)
    return with_new_notes(brief, stats, noted)


def model_items(brief: Brief, analysis: Analysis, generator: Generator, stats: RunStats, options: Options) -> Brief:
    """The brief with the model's choice of role, place type and source type for the kinds
    `options.model_decides` gives it (item_decisions.py); the rules' values stand elsewhere."""
    kinds = options.model_decides & frozenset(ITEM_KINDS)
    if not kinds:
        return brief
    asked = item_questions(brief, analysis.text, analysis.sentences, generator.chat_prompt, kinds, options.shots)
    answers = model_answers(generator, asked, options.choice, stats, fallback=True)
    stats.model_decisions += sum(answer is not None for answer in answers)
    return with_answers(brief, asked, answers)


def with_new_notes(brief: Brief, stats: RunStats, noted: int) -> Brief:
    """The brief with the notes the model's decisions for it added to `stats` (after the first
    `noted`: a fallback to greedy, a decision the rules kept), each once; `stats.notes` is
    cut back, so a long run's stats do not grow."""
    new_notes = [note for note in dict.fromkeys(stats.notes[noted:]) if note not in brief.notes]
    del stats.notes[noted:]
    return brief.model_copy(update={"notes": [*brief.notes, *new_notes]}) if new_notes else brief
