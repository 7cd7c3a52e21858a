"""The brief: pydantic models that are the single source of truth.

`schemas/brief.schema.json` is generated from `Brief` and `schemas/line.schema.json` (every
line `summarise run` writes: a brief line or an error line) from `OutputLine` (see
`write_schema`); a test fails when a committed file drifts from these models.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

Role = Literal["attacker", "target", "victim", "authority", "mediator", "other"]
PlaceType = Literal[
    "country",
    "region",
    "province",
    "city",
    "town",
    "village",
    "district",
    "neighbourhood",
    "site",
    "other",
]
Category = Literal["killed", "injured", "missing", "arrested", "displaced", "affected"]
Qualifier = Literal["exact", "at_least", "over", "about", "approximate", "up_to"]
SourceType = Literal[
    "monitor",
    "government",
    "state_media",
    "media",
    "official",
    "ngo",
    "un",
    "military",
    "witness",
    "group",
    "other",
]

ROLES: tuple[str, ...] = Role.__args__
PLACE_TYPES: tuple[str, ...] = PlaceType.__args__
CATEGORIES: tuple[str, ...] = Category.__args__
QUALIFIERS: tuple[str, ...] = Qualifier.__args__
SOURCE_TYPES: tuple[str, ...] = SourceType.__args__
DatePrecision = Literal["day", "week", "month", "year"]
# the kinds of event (README "Event types" defines each); "other" when no event word is near the toll
EventKind = Literal[
    "armed_attack",
    "bombing",
    "air_or_drone_strike",
    "shelling",
    "clashes",
    "protest_or_riot",
    "crackdown",
    "arrests",
    "natural_disaster",
    "accident",
    "disease_outbreak",
    "other",
]
EVENT_KINDS: tuple[str, ...] = EventKind.__args__
# UCDP GED-style location precision: 1 the exact place (a city, town or village the gazetteer
# knows), 4 a first-level division (province, state, region), 6 the country
GeoPrecision = Literal[1, 2, 3, 4, 5, 6]

# A character span [start, end) into the exact input text.
Span = tuple[int, int]


def _check_span(span: Span) -> Span:
    start, end = span
    if start < 0 or end <= start:
        raise ValueError(f"span {list(span)} must satisfy 0 <= start < end")
    return span


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Actor(_Item):
    """Someone involved in the event, with the role they played."""

    name: str = Field(min_length=1, description="As written in the article.")
    role: Role
    aliases: list[str] = Field(default_factory=list, description="Other ways the text names it.")
    mentions: list[Span] = Field(default_factory=list, description="[start, end) offsets.")
    decided_by: Literal["rules", "model"] = Field(default="rules", description="Who chose its role.")

    _spans = field_validator("mentions")(lambda v: [_check_span(s) for s in v])


class Place(_Item):
    """A place where the event happened, geocoded when a gazetteer knows it (else the
    geographic fields are null: never invented)."""

    name: str = Field(min_length=1)
    type: PlaceType
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    country_code: str | None = Field(default=None, pattern="^[A-Z]{2}$", description="ISO 3166-1 alpha-2.")
    admin1: str | None = Field(default=None, description="First-level division (province, state, region).")
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    precision: GeoPrecision | None = Field(
        default=None, description="UCDP-style: 1 exact place (city, town, village), 4 first-level division, 6 country."
    )
    gazetteer_id: str | None = Field(
        default=None, description='The entry that resolved it: "geonames:<id>" or "iso3166-2:<code>".'
    )
    decided_by: Literal["rules", "model"] = Field(default="rules", description="Who chose its type.")

    _spans = field_validator("mentions")(lambda v: [_check_span(s) for s in v])


class Figure(_Item):
    """One casualty figure, for one group, from one source."""

    category: Category
    count: int | None = Field(default=None, ge=0, description="null for vague counts.")
    count_max: int | None = Field(default=None, ge=0, description="upper bound of a range.")
    qualifier: Qualifier = "exact"
    group: str | None = Field(default=None, description="Who the figure counts, as written.")
    source: str | None = Field(default=None, description="Who reported it, as written.")
    evidence: str = Field(min_length=1, description="Verbatim substring of the article.")
    evidence_span: Span
    decided_by: dict[Literal["category", "source"], Literal["rules", "model"]] = Field(
        default_factory=dict,
        description="For each choice the text left open (more than one grounded category or source), who took it.",
    )
    exact_span: bool | None = Field(
        default=None,
        description="Trust signal: the evidence is the text at evidence_span exactly and holds the group as "
        "written (false: the group was read from elsewhere in the sentence); null when not checked.",
    )

    _span = field_validator("evidence_span")(lambda v: _check_span(v))

    @model_validator(mode="after")
    def _range_is_ordered(self) -> Figure:
        if self.count_max is not None and (self.count is None or self.count_max < self.count):
            raise ValueError("count_max needs a count and must be >= count")
        return self


class Source(_Item):
    """A monitor, official, agency or witness that the article cites."""

    name: str = Field(min_length=1)
    type: SourceType
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    decided_by: Literal["rules", "model"] = Field(default="rules", description="Who chose its type.")

    _spans = field_validator("mentions")(lambda v: [_check_span(s) for s in v])


class EventDate(_Item):
    """When the event happened, as the text fixes it."""

    date: str | None = Field(
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="YYYY-MM-DD (the first day of the week, month or year for a coarser precision); null when "
        "the evidence is relative ('on Wednesday') and no publication date is known to resolve it.",
    )
    precision: DatePrecision
    evidence: str = Field(min_length=1, description="Verbatim substring of the article.")
    evidence_span: Span
    published: str | None = Field(
        default=None,
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="The publication date a relative expression was resolved against; null for an explicit date.",
    )

    _span = field_validator("evidence_span")(lambda v: _check_span(v))


class EventType(_Item):
    """What kind of event it was, from a closed vocabulary, with the words that say so."""

    type: EventKind
    evidence: str | None = Field(default=None, description="Verbatim substring; null for 'other'.")
    evidence_span: Span | None = None
    decided_by: Literal["rules", "model"] = "rules"
    margin: float | None = Field(
        default=None, ge=0, le=1, description="Share of the weighted event words that chose this type."
    )

    _span = field_validator("evidence_span")(lambda v: v if v is None else _check_span(v))


class Brief(_Item):
    """The structured brief of one article (see GOLD_FORMAT.md)."""

    id: str | None = None
    who: list[Actor] = Field(default_factory=list)
    where: list[Place] = Field(default_factory=list)
    toll: list[Figure] = Field(default_factory=list)
    attribution: list[Source] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list, description="What the pipeline had to do unusually to read this article."
    )
    event_date: EventDate | None = Field(default=None, description="When; null when the text does not fix it.")
    event_type: EventType | None = Field(default=None, description="What kind of event.")

    def spans_match(self, text: str) -> list[str]:
        """Problems with this brief's spans against `text` (empty when all slice right)."""
        problems: list[str] = []
        for field_name, items in (
            ("who", self.who),
            ("where", self.where),
            ("attribution", self.attribution),
        ):
            for item in items:
                for start, end in item.mentions:
                    if end > len(text) or text[start:end] not in (item.name, *item.aliases):
                        problems.append(f"{field_name} {item.name!r}: span {[start, end]}")
        for figure in self.toll:
            start, end = figure.evidence_span
            if text[start:end] != figure.evidence:
                problems.append(f"toll evidence {figure.evidence!r}: span {[start, end]}")
        for name, item in (("event_date", self.event_date), ("event_type", self.event_type)):
            if item is not None and item.evidence_span is not None:
                start, end = item.evidence_span
                if text[start:end] != item.evidence:
                    problems.append(f"{name} evidence {item.evidence!r}: span {[start, end]}")
        return problems


# --- output lines ------------------------------------------------------------------------
# What `summarise run` writes, one JSON object per line: the brief (or an error) of one
# article, plus where it came from. Bump SCHEMA_VERSION when a line's shape changes.

SCHEMA_VERSION = "1.2.0"
LINE_SCHEMA_ID = f"urn:summarizer:schema:line:{SCHEMA_VERSION}"


class ModelInfo(_Item):
    """The model behind a line: which backend, which model file, which exact bytes."""

    backend: str = Field(description="transformers, rules, llamacpp, regex or single-pass.")
    name: str = Field(description='Model file or directory name; the backend name when no model runs ("rules").')
    sha256: str | None = Field(
        default=None,
        pattern="^[0-9a-f]{64}$",
        description="SHA-256 of the model file (of its weight files, in name order, for a directory); "
        "null when no model runs.",
    )


class _Provenance(_Item):
    schema_version: str = Field(pattern=r"^\d+\.\d+\.\d+$", description="Version of this line schema.")
    tool_version: str = Field(description="Version of the summarizer package that wrote the line.")
    model: ModelInfo
    text: str | None = Field(
        default=None, description="The text the spans refer to, when it was extracted from HTML input."
    )
    meta: dict[str, str | int | float | bool | None] | None = Field(
        default=None, description="Input columns passed through with `summarise run --keep-columns`."
    )


class BriefLine(Brief, _Provenance):
    """A line of `summarise run` output for an article that was summarised."""

    id: str = Field(min_length=1)


class ErrorLine(_Provenance):
    """A line of `summarise run` output for an article that could not be read or summarised."""

    id: str = Field(min_length=1)
    error: str = Field(min_length=1, description="Why, in one line.")


OutputLine = Annotated[BriefLine | ErrorLine, Field(description="One line of `summarise run` output.")]

# Keys a line adds around the brief of GOLD_FORMAT.md (stripped before scoring a line as a brief).
PROVENANCE_KEYS: tuple[str, ...] = tuple(_Provenance.model_fields)


def brief_json_schema() -> dict:
    return Brief.model_json_schema()


def line_json_schema() -> dict:
    """The JSON Schema every line of `summarise run` output validates against."""
    schema = TypeAdapter(OutputLine).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": LINE_SCHEMA_ID,
        "title": "summarise run output line",
        "version": SCHEMA_VERSION,
        **schema,
    }


SCHEMAS = {"brief.schema.json": brief_json_schema, "line.schema.json": line_json_schema}


def write_schema(path) -> None:
    """Write the schema named like `path` (brief.schema.json or line.schema.json) to `path`."""
    from pathlib import Path

    build = SCHEMAS.get(Path(path).name, brief_json_schema)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(build(), handle, indent=2, sort_keys=True)
        handle.write("\n")
