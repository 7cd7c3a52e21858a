"""A self-contained HTML report: each article with its brief's spans highlighted, the brief
as a card beside it, and the events view across articles.

Article text is hostile input: it is escaped here (markupsafe) and everything else by the
template's autoescape. The page loads nothing from the network; its only script links
figures to their evidence and checks, in the browser, that every highlight sits at the
offsets its span gives (the result is written to `body[data-span-problems]`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from markupsafe import Markup, escape
from pydantic import ValidationError

from .brief import Brief
from .errors import InputError
from .events import format_figure

TEMPLATE = "report_template.html.j2"
FIELDS = ("toll", "who", "where", "attribution")  # nesting order: evidence outermost
FIELD_LABELS = {"who": "who", "where": "where", "toll": "toll", "attribution": "attribution"}
SENTENCE_ENDS = ".!?\n"
CONTEXT_LIMIT = 240  # characters of sentence kept on either side of an evidence span


# --- reading briefs and articles ------------------------------------------------------------


def load_briefs(paths: Iterable[Path]) -> tuple[list[dict], dict[str, str]]:
    """Brief records from JSONL files, and any article texts that travel with them.

    A line that is not a valid brief becomes `{"id": ..., "error": ...}` so the report can
    show it; a missing file is an InputError.
    """
    records: list[dict] = []
    texts: dict[str, str] = {}
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no such briefs file")
        # split on "\n" only: splitlines() would also break at U+2028, U+0085 ... inside a JSON string
        for number, line in enumerate(path.read_text("utf-8", errors="replace").split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError):
                records.append({"id": f"{path.name}:{number}", "error": "not a JSON line"})
                continue
            if not isinstance(record, dict):
                records.append({"id": f"{path.name}:{number}", "error": "not a JSON object"})
                continue
            article_id = str(record.get("id", f"{path.name}:{number}"))
            if isinstance(record.get("text"), str):
                texts[article_id] = record["text"]
            if "error" in record:
                records.append({"id": article_id, "error": str(record["error"])})
                continue
            fields = {key: value for key, value in record.items() if key in Brief.model_fields}
            try:
                brief = Brief.model_validate({**fields, "id": article_id})
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(part) for part in first["loc"])
                records.append({"id": article_id, "error": f"not a valid brief: {where}: {first['msg']}"})
                continue
            records.append(brief.model_dump(mode="json"))
    return records, texts


def _decode(raw: bytes) -> str:
    # As `summarise run` reads files: UTF-8, a leading byte-order mark dropped.
    return raw.decode("utf-8-sig", errors="replace")


def load_texts(source: Path | None, ids: Iterable[str]) -> dict[str, str]:
    """Article texts by id from a directory of `<id>.txt` or a JSONL file of {"id", "text"}."""
    if source is None:
        return {}
    if not source.exists():
        raise InputError(f"{source}: no such articles directory or file")
    wanted = set(ids)
    texts: dict[str, str] = {}
    if source.is_dir():
        for article_id in wanted:
            path = source / f"{article_id}.txt"
            if path.is_file():
                texts[article_id] = _decode(path.read_bytes())
        return texts
    for line in _decode(source.read_bytes()).split("\n"):
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict) and str(record.get("id")) in wanted and isinstance(record.get("text"), str):
            texts[str(record["id"])] = record["text"]
    return texts


# --- highlighting ---------------------------------------------------------------------------


@dataclass
class Highlight:
    """One span of the brief on the article text."""

    ref: str  # the DOM id of its first piece
    field: str
    start: int
    end: int
    label: str
    expected: str  # what text[start:end] must be


@dataclass
class ArticleView:
    index: int
    id: str
    error: str | None = None
    text_html: Markup | None = None
    who: list[dict] = field(default_factory=list)
    where: list[dict] = field(default_factory=list)
    attribution: list[dict] = field(default_factory=list)
    toll: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    n_highlights: int = 0


def html_text(text: str) -> Markup:
    """Escaped text whose DOM text is exactly `text`: the HTML parser turns a raw CR into
    LF, which would shift every offset after it, so CR is written as a character reference."""
    return Markup(str(escape(text)).replace("\r", "&#13;"))


def highlight_text(text: str, highlights: list[Highlight]) -> Markup:
    """The article as HTML, each highlight a run of <mark> elements over exactly its span.

    Spans overlap (an evidence clause holds a source's name), so the text is cut at every
    span boundary and each piece is wrapped in one <mark> per span covering it; the pieces
    of one span share `data-ref`, and the first carries its id, offsets and expected text.
    """
    bounds = sorted({0, len(text), *(h.start for h in highlights), *(h.end for h in highlights)})
    order = {name: rank for rank, name in enumerate(FIELDS)}
    started: set[str] = set()
    pieces: list[str] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        covering = sorted(
            (h for h in highlights if h.start <= left and right <= h.end),
            key=lambda h: (order[h.field], h.start, -h.end),
        )
        opening = []
        for h in covering:
            attributes = f'class="hl hl-{h.field}" data-ref="{h.ref}" title="{html_text(h.label)}"'
            if h.ref not in started:
                started.add(h.ref)
                attributes += (
                    f' id="{h.ref}" data-start="{h.start}" data-end="{h.end}" data-expect="{html_text(h.expected)}"'
                )
            opening.append(f"<mark {attributes}>")
        pieces.append("".join(opening) + str(html_text(text[left:right])) + "</mark>" * len(covering))
    return Markup("".join(pieces))


def evidence_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence around an evidence span, cut as (before, evidence, after)."""
    left = max(text.rfind(char, max(0, start - CONTEXT_LIMIT), start) for char in SENTENCE_ENDS) + 1
    if left <= 0:
        left = max(0, start - CONTEXT_LIMIT)
    ends = [
        position for position in (text.find(char, end, end + CONTEXT_LIMIT) for char in SENTENCE_ENDS) if position >= 0
    ]
    right = min(ends) + 1 if ends else min(len(text), end + CONTEXT_LIMIT)
    return text[left:start].lstrip(), text[start:end], text[end:right].rstrip()


def _entity_items(
    index: int, field_name: str, items: list[dict], text: str | None
) -> tuple[list[dict], list[Highlight], list[str]]:
    views, highlights, problems = [], [], []
    for number, item in enumerate(items):
        names = (item["name"], *item.get("aliases", []))
        kind = item.get("role") or item.get("type") or ""
        refs = []
        for mention_number, (start, end) in enumerate(item.get("mentions", [])):
            ref = f"a{index}-{field_name}-{number}-{mention_number}"
            if text is None:
                continue
            if end > len(text) or text[start:end] not in names:
                problems.append(f"{field_name} {item['name']!r}: span [{start}, {end}] does not slice to it")
                continue
            refs.append(ref)
            label = f"{FIELD_LABELS[field_name]}: {item['name']} ({kind})"
            highlights.append(Highlight(ref, field_name, start, end, label, text[start:end]))
        views.append(
            {
                "name": item["name"],
                "kind": kind,
                "aliases": list(item.get("aliases", [])),
                "refs": refs,
                "n_mentions": len(item.get("mentions", [])),
            }
        )
    return views, highlights, problems


def _toll_items(index: int, figures: list[dict], text: str | None) -> tuple[list[dict], list[Highlight], list[str]]:
    views, highlights, problems = [], [], []
    for number, figure in enumerate(figures):
        start, end = figure["evidence_span"]
        ref = f"a{index}-toll-{number}"
        view = {
            "category": figure["category"],
            "figure": format_figure(figure) if figure.get("count") is not None else "unspecified",
            "qualifier": figure["qualifier"],
            "group": figure.get("group"),
            "source": figure.get("source"),
            "evidence": figure["evidence"],
            "context": None,
            "ref": None,
        }
        if text is not None:
            if end <= len(text) and text[start:end] == figure["evidence"]:
                view["ref"] = ref
                view["context"] = evidence_context(text, start, end)
                label = f"toll: {figure['category']} {view['figure']} ({figure.get('source') or 'unattributed'})"
                highlights.append(Highlight(ref, "toll", start, end, label, figure["evidence"]))
            else:
                problems.append(f"toll evidence {figure['evidence']!r}: span [{start}, {end}] does not slice to it")
        views.append(view)
    return views, highlights, problems


def article_view(index: int, record: Mapping, text: str | None) -> ArticleView:
    view = ArticleView(index=index, id=str(record.get("id")), error=record.get("error"))
    if view.error:
        if text is not None:
            view.text_html = html_text(text)
        return view
    highlights: list[Highlight] = []
    for field_name in ("who", "where", "attribution"):
        items, found, problems = _entity_items(index, field_name, record.get(field_name, []), text)
        setattr(view, field_name, items)
        highlights += found
        view.problems += problems
    view.toll, found, problems = _toll_items(index, record.get("toll", []), text)
    highlights += found
    view.problems += problems
    view.n_highlights = len(highlights)
    if text is not None:
        view.text_html = highlight_text(text, highlights)
    return view


# --- events ---------------------------------------------------------------------------------


def _event_views(events: list[dict], views: list[ArticleView], records: list[dict]) -> list[dict]:
    """Events with each figure linked to its highlighted evidence in the article sections."""
    section = {view.id: f"article-{view.index}" for view in views}
    evidence_ref: dict[tuple[str, tuple[int, int]], str] = {}
    for view, record in zip(views, records, strict=True):
        for figure, shown in zip(record.get("toll", []), view.toll, strict=False):
            if shown["ref"]:
                evidence_ref[(view.id, tuple(figure["evidence_span"]))] = shown["ref"]
    shown_events = []
    for event in events:
        categories = []
        for category, summary in event["toll"].items():
            figures = []
            for figure in sorted(summary["figures"], key=lambda f: (f["group"] is not None, -f["count"])):
                span = tuple(figure.get("evidence_span") or ())
                figures.append(
                    {
                        **figure,
                        "text": format_figure(figure),
                        "ref": evidence_ref.get((figure["article_id"], span)),
                    }
                )
            categories.append({**summary, "category": category, "figures": figures})
        shown_events.append(
            {
                **event,
                "articles": [(article_id, section.get(article_id)) for article_id in event["article_ids"]],
                "categories": categories,
            }
        )
    return shown_events


def _format_value(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, list):
        return f"{value[0]:,}–{value[1]:,}"
    return f"{value:,}"


# --- the page -------------------------------------------------------------------------------


def render_report(
    records: list[dict],
    texts: Mapping[str, str],
    events: list[dict] | None = None,
    title: str = "Briefs report",
) -> str:
    """The whole report as one HTML string (no external resources)."""
    from jinja2 import Environment, StrictUndefined

    template_text = resources.files("summarizer").joinpath(TEMPLATE).read_text("utf-8")
    environment = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    environment.filters["num"] = _format_value
    views = [article_view(index, record, texts.get(str(record.get("id")))) for index, record in enumerate(records)]
    return environment.from_string(template_text).render(
        title=title,
        articles=views,
        events=_event_views(events or [], views, records),
        n_highlights=sum(view.n_highlights for view in views),
        n_problems=sum(len(view.problems) for view in views),
        n_errors=sum(1 for view in views if view.error),
        field_labels=FIELD_LABELS,
    )
