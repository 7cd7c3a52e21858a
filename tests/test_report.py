"""The HTML report: highlights at their spans, hostile text escaped, the CLI, and a real browser."""

import json
import re
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.report import Highlight, evidence_context, highlight_text, load_briefs, render_report

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
runner = CliRunner()

HOSTILE = (
    'Breaking <script>alert("x")</script> & more\r\n'
    "Gunmen killed 7 villagers in Lakeside on Friday, police said. 🔥 "
    "Officials said 12 people were injured in Lakeside.\n"
)


def span_of(text: str, part: str, after: int = 0) -> list[int]:
    start = text.index(part, after)
    return [start, start + len(part)]


def hostile_brief() -> dict:
    text = HOSTILE
    return {
        "id": "lakeside",
        "who": [{"name": "Gunmen", "role": "attacker", "aliases": [], "mentions": [span_of(text, "Gunmen")]}],
        "where": [
            {
                "name": "Lakeside",
                "type": "village",
                "aliases": [],
                "mentions": [span_of(text, "Lakeside"), span_of(text, "Lakeside", text.index("injured"))],
            }
        ],
        "toll": [
            {
                "category": "killed",
                "count": 7,
                "count_max": None,
                "qualifier": "exact",
                "group": "villagers",
                "source": "police",
                "evidence": "Gunmen killed 7 villagers in Lakeside",
                "evidence_span": span_of(text, "Gunmen killed 7 villagers in Lakeside"),
            },
            {
                "category": "injured",
                "count": 12,
                "count_max": None,
                "qualifier": "exact",
                "group": "people",
                "source": "<b>Officials</b>",
                "evidence": "12 people were injured",
                "evidence_span": span_of(text, "12 people were injured"),
            },
        ],
        "attribution": [
            {"name": "police", "type": "official", "aliases": [], "mentions": [span_of(text, "police")]},
            {"name": "Officials", "type": "official", "aliases": [], "mentions": [span_of(text, "Officials")]},
        ],
    }


class MarkText(HTMLParser):
    """Collects, per data-ref, the text inside its <mark> pieces, and the first piece's attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.text: dict[str, str] = defaultdict(str)
        self.first: dict[str, dict] = {}
        self.plain = ""

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            attributes = dict(attrs)
            self.stack.append(attributes.get("data-ref"))
            if "data-start" in attributes:
                self.first[attributes["data-ref"]] = attributes | {"offset": len(self.plain)}

    def handle_endtag(self, tag):
        if tag == "mark":
            self.stack.pop()

    def handle_data(self, data):
        self.plain += data
        for ref in self.stack:
            self.text[ref] += data


def test_highlights_cover_exactly_their_spans_even_when_they_overlap():
    text = "Rebels shelled Ostrava, the mayor of Ostrava said."
    highlights = [
        Highlight("e", "toll", 0, 22, "toll", text[0:22]),
        Highlight("w", "where", 15, 22, "where", "Ostrava"),
        Highlight("a", "who", 0, 6, "who", "Rebels"),
        Highlight("s", "attribution", 27, 44, "attribution", text[27:44]),
        Highlight("w2", "where", 37, 44, "where", "Ostrava"),
    ]
    parsed = MarkText()
    parsed.feed(str(highlight_text(text, highlights)))
    assert parsed.plain == text
    for highlight in highlights:
        assert parsed.text[highlight.ref] == text[highlight.start : highlight.end]
        assert parsed.first[highlight.ref]["offset"] == highlight.start
        assert parsed.first[highlight.ref]["data-expect"] == highlight.expected


def test_hostile_article_text_and_names_are_escaped():
    record = hostile_brief()
    page = render_report([record], {"lakeside": HOSTILE})
    assert '<script>alert("x")' not in page
    assert "&lt;script&gt;alert(" in page
    assert "<b>Officials</b>" not in page and "&lt;b&gt;Officials&lt;/b&gt;" in page
    assert page.count("<script>") == 1  # the report's own
    assert "&#13;" in page  # CR kept as a reference: the parser would fold CRLF into LF
    box = re.search(r'<div class="article-text"[^>]*>(.*?)</div>', page, re.S).group(1)
    parsed = MarkText()
    parsed.feed(box)
    assert parsed.plain == HOSTILE
    for figure in record["toll"]:
        start, end = figure["evidence_span"]
        ref = next(ref for ref, first in parsed.first.items() if first["data-start"] == str(start) and "toll" in ref)
        assert parsed.text[ref] == figure["evidence"] and parsed.first[ref]["offset"] == start


def test_spans_off_their_text_are_reported_not_drawn():
    record = hostile_brief()
    record["who"][0]["mentions"] = [[0, 6]]  # "Breaki", not "Gunmen"
    page = render_report([record], {"lakeside": HOSTILE})
    assert "span [0, 6] does not slice to it" in page
    assert 'data-ref="a0-who-0-0"' not in page


def test_errors_and_missing_texts_still_get_a_section():
    page = render_report([{"id": "gone", "error": "empty article"}, hostile_brief()], {})
    assert "No brief: empty article" in page
    assert "Article text not found" in page
    assert "Gunmen killed 7 villagers" in page  # the card still shows the evidence


def test_evidence_context_is_the_sentence_around_the_span():
    text = "First sentence. The storm killed 4 people in Alma, officials said. Next one."
    start, end = span_of(text, "killed 4 people")
    assert evidence_context(text, start, end) == ("The storm ", "killed 4 people", " in Alma, officials said.")


def test_load_briefs_keeps_texts_and_turns_bad_lines_into_errors(tmp_path):
    path = tmp_path / "briefs.jsonl"
    lines = [
        json.dumps({**hostile_brief(), "text": HOSTILE}),
        "{torn",
        json.dumps({"id": "bad", "toll": [{"category": "eaten"}]}),
        json.dumps({"id": "failed", "error": "model crashed"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    records, texts = load_briefs([path])
    assert texts == {"lakeside": HOSTILE}
    assert [record.get("error", "ok")[:11] for record in records] == ["ok", "not a JSON ", "not a valid", "model crash"]


def test_cli_report_and_events(tmp_path):
    briefs = tmp_path / "briefs.jsonl"
    briefs.write_text(json.dumps({**hostile_brief(), "text": HOSTILE}) + "\n")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(briefs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert 'data-ref="a0-toll-0"' in out.read_text()
    events_out = tmp_path / "events.json"
    result = runner.invoke(app, ["events", str(briefs), "--out", str(events_out)])
    assert result.exit_code == 0, result.output
    payload = json.loads(events_out.read_text())
    assert payload["grouping"]["method"] == "single linkage"
    assert payload["events"][0]["article_ids"] == ["lakeside"]
    assert payload["events"][0]["toll"]["killed"]["best"] == 7


def test_cli_missing_inputs_are_one_line_errors(tmp_path):
    result = runner.invoke(app, ["report", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "no such briefs file" in result.output and "Traceback" not in result.output
    briefs = tmp_path / "briefs.jsonl"
    briefs.write_text(json.dumps(hostile_brief()) + "\n")
    result = runner.invoke(app, ["events", str(briefs), "--articles", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "no such articles" in result.output


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_report_in_headless_chromium(tmp_path):
    """The seeds' real briefs plus a hostile invented article: the page runs without console
    errors and its own script finds every highlight at the offsets its span gives."""
    records, texts = load_briefs([ROOT / "docs" / "briefs-seeds.jsonl"])
    texts = {
        record["id"]: (ROOT / "eval" / "articles" / f"{record['id']}.txt").read_text("utf-8") for record in records
    }
    records.append(hostile_brief())
    texts["lakeside"] = HOSTILE
    from summarizer.events import build_events

    page = tmp_path / "report.html"
    page.write_text(render_report(records, texts, build_events(records, texts)), "utf-8")
    expected_spans = page.read_text("utf-8").count(" data-start=")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
    ]
    done = subprocess.run(
        [str(CHROMIUM), *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=180
    )
    body = re.search(r"<body([^>]*)>", done.stdout)
    assert body, done.stderr[-2000:]
    attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1)))
    assert attributes.get("data-ready") == "1"
    assert "data-js-errors" not in attributes
    assert attributes["data-span-problems"] == ""
    assert int(attributes["data-spans-checked"]) == expected_spans > 200
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    # Click the last article's first figure row: its evidence must flash and be scrolled into view.
    driver = (
        "<script>(function () {"
        "var rows = document.querySelectorAll('aside.card tbody.fig[data-target]');"
        "var row = rows[rows.length - 1]; row.querySelector('td').click();"
        "var mark = document.getElementById(row.dataset.target);"
        "var box = mark.getBoundingClientRect();"
        "document.body.dataset.clicked = row.dataset.target;"
        "document.body.dataset.flashed = String(mark.classList.contains('flash'));"
        "document.body.dataset.inView = String(box.top >= 0 && box.bottom <= window.innerHeight);"
        "})();</script></body>"
    )
    clicked = tmp_path / "clicked.html"
    clicked.write_text(page.read_text("utf-8").replace("</body>", driver), "utf-8")
    done = subprocess.run(
        [str(CHROMIUM), *flags, "--window-size=1200,900", "--dump-dom", clicked.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )
    attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', re.search(r"<body([^>]*)>", done.stdout).group(1)))
    assert attributes["data-clicked"].startswith(f"a{len(records) - 1}-toll-")
    assert attributes["data-flashed"] == "true" and attributes["data-in-view"] == "true"

    shot = tmp_path / "report.png"
    subprocess.run(
        [str(CHROMIUM), *flags, "--hide-scrollbars", "--window-size=1200,900", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=180,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
