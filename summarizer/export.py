"""Briefs as tables analysts already load: `summarise export BRIEFS.jsonl --format F --out FILE`.

- `csv` / `parquet`: long form, one row per toll figure, with the article's places, actors and
  sources joined into text columns.
- `acled`: one row per article (one brief = one event for now) in ACLED-like columns.
- `ucdp`: one row per article in UCDP-GED-like columns.

`acled` and `ucdp` are written as CSV, or as Parquet when `--out` ends in `.parquet`. The date,
the kind of event and the coordinates come from the brief (`event_date`, `event_type`, the
geocoded `where`); a cell the brief does not fill stays empty: never guessed. Error lines
(and lines that are not valid briefs) are skipped and counted.

low / best / high of an article's killed figures (`killed_range`):
- the figures are the brief's killed figures with a count. Figures for everyone (no group, or
  "people", "civilians and others"... see `events.is_total_group`) are totals and set the
  range; when there are none, each source's group figures are summed into one total per source.
- low: the smallest figure ("over N" / "at least N" count as N; "up to N" gives no floor);
- high: the largest (the upper end of "between N and M"); `high_is_lower_bound` when the
  largest is "over N" / "at least N";
- best: the largest figure credited to a named source (within one article a higher credited
  figure is usually the later count: "rose to 27"); when no figure is credited, the low;
- ACLED's `fatalities` is the low: ACLED records the most conservative figure.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from .errors import InputError, OutputError
from .sides import acled_type, type_of_violence

FORMATS = ("csv", "parquet", "acled", "ucdp")
JOIN = "; "

# column name -> pyarrow type name ("string", "int64", "float64", "bool")
FIGURE_COLUMNS: dict[str, str] = {
    "id": "string",
    "category": "string",
    "count": "int64",
    "count_max": "int64",
    "qualifier": "string",
    "group": "string",
    "source": "string",
    "evidence": "string",
    "evidence_start": "int64",
    "evidence_end": "int64",
    "places": "string",
    "actors": "string",
    "sources": "string",
}
ACLED_COLUMNS: dict[str, str] = {
    "event_id_cnty": "string",
    "event_date": "string",
    "time_precision": "int64",
    "event_type": "string",
    "sub_event_type": "string",
    "event_kind": "string",
    "actor1": "string",
    "actor2": "string",
    "country": "string",
    "country_code": "string",
    "admin1": "string",
    "location": "string",
    "latitude": "float64",
    "longitude": "float64",
    "geo_precision": "int64",
    "source": "string",
    "notes": "string",
    "fatalities": "int64",
    "low": "int64",
    "best": "int64",
    "high": "int64",
    "high_is_lower_bound": "bool",
}
UCDP_COLUMNS: dict[str, str] = {
    "id": "string",
    "date_start": "string",
    "date_end": "string",
    "date_prec": "int64",
    "event_type": "string",
    "type_of_violence": "int64",
    "side_a": "string",
    "side_b": "string",
    "country": "string",
    "country_code": "string",
    "adm_1": "string",
    "where_coordinates": "string",
    "where_prec": "int64",
    "latitude": "float64",
    "longitude": "float64",
    "low": "int64",
    "best": "int64",
    "high": "int64",
    "high_is_lower_bound": "bool",
    "number_of_sources": "int64",
    "source_office": "string",
    "source_article": "string",
    "evidence": "string",
}

LOCATION_TYPES = ("neighbourhood", "village", "town", "city", "district")
OTHER_LOCATION_TYPES = ("site", "other")
ADMIN1_TYPES = ("province", "region")
# UCDP GED where_prec: 1 exact place, 3 second-order division, 4 first-order division, 6 country.
# A geocoded location gives its own precision; otherwise this says how precise the finest
# *named* place is.
WHERE_PRECISION = {"neighbourhood": 1, "site": 1, "village": 1, "town": 1, "city": 1, "district": 3,
                   "province": 4, "region": 4, "country": 6}  # fmt: skip


# --- low / best / high -------------------------------------------------------------------


def killed_range(brief: Mapping) -> dict:
    """low, best, high and high_is_lower_bound of one brief's killed figures (module docstring)."""
    from .events import category_summary, is_total_group

    figures = [
        {**figure, "article_id": brief.get("id")}
        for figure in brief.get("toll", [])
        if figure.get("category") == "killed" and figure.get("count") is not None
    ]
    empty = {"low": None, "best": None, "high": None, "high_is_lower_bound": None}
    if not figures:
        return empty
    summary = category_summary("killed", figures)
    ranged = summary.get("derived_totals") or [f for f in summary["figures"] if is_total_group(f.get("group"))]
    credited = [figure["count"] for figure in ranged if figure.get("source") and figure["qualifier"] != "up_to"]
    best = max(credited) if credited else summary["low"]
    return {
        "low": summary["low"],
        "best": best,
        "high": summary["high"],
        "high_is_lower_bound": summary["high_is_lower_bound"],
    }


# --- rows --------------------------------------------------------------------------------


def _names(items: Iterable[Mapping]) -> str | None:
    names = [item["name"] for item in items]
    return JOIN.join(names) if names else None


def _first(items: Iterable[Mapping], types: Iterable[str], key: str = "type") -> Mapping | None:
    """The item of one of `types` named earliest in the article (news names the event's place and
    actors first); items without mentions come after, in brief order."""
    matches = [item for item in items if item.get(key) in tuple(types)]
    if not matches:
        return None
    return min(matches, key=lambda item: min((start for start, _ in item.get("mentions") or []), default=1 << 62))


def figure_rows(brief: Mapping) -> list[dict]:
    places, actors, sources = _names(brief["where"]), _names(brief["who"]), _names(brief["attribution"])
    rows = []
    for figure in brief["toll"]:
        start, end = figure["evidence_span"]
        rows.append(
            {
                "id": brief["id"],
                **{key: figure.get(key) for key in ("category", "count", "count_max", "qualifier", "group", "source")},
                "evidence": figure["evidence"],
                "evidence_start": start,
                "evidence_end": end,
                "places": places,
                "actors": actors,
                "sources": sources,
            }
        )
    return rows


def _sides(brief: Mapping) -> tuple[str | None, str | None]:
    """Actor 1 (who acted: the attacker) and actor 2 (who was acted on: target, then victim)."""
    attacker = _first(brief["who"], ["attacker"], key="role")
    target = _first(brief["who"], ["target", "victim"], key="role")
    return (attacker or {}).get("name"), (target or {}).get("name")


def _killed_evidence(brief: Mapping) -> str | None:
    evidence = [f"{figure['evidence']} [{figure['evidence_span'][0]}:{figure['evidence_span'][1]}]"
                for figure in brief["toll"] if figure["category"] == "killed"]  # fmt: skip
    return " | ".join(evidence) if evidence else None


def _precision(*places: Mapping | None) -> int | None:
    named = [WHERE_PRECISION.get(place["type"]) for place in places if place is not None]
    named = [value for value in named if value is not None]
    return min(named) if named else None


# ACLED time_precision: 1 the day, 2 within a week, 3 within a month (a year is coarser still: 3)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# UCDP GED date_prec: 1 the day, 3 the week, 4 the month, 5 the year
DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}


def _when(brief: Mapping) -> tuple[str | None, str | None, str | None]:
    """(first day, last day, precision) of the brief's event date; Nones when it has none."""
    import calendar
    import datetime as dt

    when = brief.get("event_date") or {}
    if not when.get("date"):
        return None, None, None
    start = dt.date.fromisoformat(when["date"])
    precision = when.get("precision", "day")
    end = {
        "day": start,
        "week": start + dt.timedelta(days=6),
        "month": start.replace(day=calendar.monthrange(start.year, start.month)[1]),
        "year": start.replace(month=12, day=31),
    }.get(precision, start)
    return start.isoformat(), end.isoformat(), precision


def _mentioned_at(place: Mapping) -> int:
    return min((start for start, _ in place.get("mentions") or []), default=1 << 62)


def _primary_country(where: list[Mapping]) -> str | None:
    """The ISO code most of the geocoded places share (ties: the one named first): the row's
    country, so that a city named in passing abroad is not the event's location."""
    codes = [(place["country_code"], _mentioned_at(place)) for place in where if place.get("country_code")]
    if not codes:
        return None
    count: dict[str, int] = {}
    for code, _ in codes:
        count[code] = count.get(code, 0) + 1
    first = {code: min(at for c, at in codes if c == code) for code in count}
    return min(count, key=lambda code: (-count[code], first[code]))


def _map(brief: Mapping) -> dict:
    """The geographic cells of a row. The country is the one most geocoded places lie in
    (else the first country named); the location is the earliest-named town, city or district
    in that country or not geocoded at all; admin1 is the location's geocoded division, else
    the first province or region named in that country; coordinates are the location's, when
    the gazetteer knew it (otherwise empty: never a country's or a division's centre)."""
    where = brief["where"]
    code = _primary_country(where)
    in_country = [place for place in where if code is None or place.get("country_code") in (None, code)]
    country = next((p for p in in_country if p.get("type") == "country" and p.get("country_code") == code), None)
    country = country or (None if code else _first(where, ["country"]))
    admin1 = _first(in_country, ADMIN1_TYPES)
    location = _first(in_country, LOCATION_TYPES) or _first(in_country, OTHER_LOCATION_TYPES)
    has_point = location is not None and location.get("latitude") is not None
    admin1_name = (location or {}).get("admin1") or (admin1 or {}).get("admin1") or (admin1 or {}).get("name")
    return {
        "country": (country or {}).get("name") or _country_name(code),
        "country_code": code,
        "admin1": admin1_name,
        "location": (location or {}).get("name"),
        "latitude": location["latitude"] if has_point else None,
        "longitude": location["longitude"] if has_point else None,
        "geo_precision": location.get("precision") if has_point else _precision(country, admin1, location),
        "_where_coordinates": (location or admin1 or country or {}).get("name"),
    }


def _country_name(code: str | None) -> str | None:
    if code is None:
        return None
    from .extract.geo import country_name

    return country_name(code)


def _kind(brief: Mapping) -> str | None:
    return (brief.get("event_type") or {}).get("type")


def acled_row(brief: Mapping) -> dict:
    actor1, actor2 = _sides(brief)
    ranged = killed_range(brief)
    start, _, precision = _when(brief)
    where = _map(brief)
    where.pop("_where_coordinates")
    event_type, sub_event_type = acled_type(brief)
    return {
        "event_id_cnty": brief["id"],
        "event_date": start,
        "time_precision": TIME_PRECISION.get(precision),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "event_kind": _kind(brief),
        "actor1": actor1,
        "actor2": actor2,
        **where,
        "source": _names(brief["attribution"]),
        "notes": _killed_evidence(brief),
        "fatalities": ranged["low"],
        **ranged,
    }


def ucdp_row(brief: Mapping) -> dict:
    side_a, side_b = _sides(brief)
    start, end, precision = _when(brief)
    where = _map(brief)
    return {
        "id": brief["id"],
        "date_start": start,
        "date_end": end,
        "date_prec": DATE_PREC.get(precision),
        "event_type": _kind(brief),
        "type_of_violence": type_of_violence(brief),
        "side_a": side_a,
        "side_b": side_b,
        "country": where["country"],
        "country_code": where["country_code"],
        "adm_1": where["admin1"],
        "where_coordinates": where["_where_coordinates"],
        "where_prec": where["geo_precision"],
        "latitude": where["latitude"],
        "longitude": where["longitude"],
        **killed_range(brief),
        "number_of_sources": len(brief["attribution"]),
        "source_office": _names(brief["attribution"]),
        "source_article": brief["id"],
        "evidence": _killed_evidence(brief),
    }


TABLES: dict[str, tuple[dict[str, str], Callable[[Mapping], list[dict]]]] = {
    "csv": (FIGURE_COLUMNS, figure_rows),
    "parquet": (FIGURE_COLUMNS, figure_rows),
    "acled": (ACLED_COLUMNS, lambda brief: [acled_row(brief)]),
    "ucdp": (UCDP_COLUMNS, lambda brief: [ucdp_row(brief)]),
}


# --- writing -----------------------------------------------------------------------------


def _write_csv(rows: list[dict], columns: dict[str, str], handle) -> None:
    writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})


def _write_parquet(rows: list[dict], columns: dict[str, str], path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns.items()])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)


def write_table(rows: list[dict], columns: dict[str, str], out: Path, as_parquet: bool) -> None:
    """Write atomically: a temporary file in the same directory, renamed into place."""
    if out.is_dir():
        raise OutputError(f"--out {out} is a directory; give a file name")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    except OSError as exc:
        raise OutputError(f"--out {out}: cannot write in its directory ({exc.strerror})") from None
    try:
        if as_parquet:
            os.close(descriptor)
            _write_parquet(rows, columns, temporary)
        else:
            with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
                _write_csv(rows, columns, handle)
        os.replace(temporary, out)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export_briefs(inputs: list[Path], format: str, out: Path) -> dict:
    """Write the briefs of `inputs` as one table; returns counts (briefs, rows, skipped)."""
    from .report import load_briefs

    if format not in FORMATS:
        raise InputError(f"--format {format!r}: choose from {', '.join(FORMATS)}")
    records, _ = load_briefs(inputs)
    briefs = [record for record in records if "error" not in record]
    columns, to_rows = TABLES[format]
    rows = [row for brief in briefs for row in to_rows(brief)]
    as_parquet = format == "parquet" or (format in ("acled", "ucdp") and out.suffix.lower() == ".parquet")
    write_table(rows, columns, out, as_parquet)
    return {"briefs": len(briefs), "rows": len(rows), "skipped": len(records) - len(briefs)}
