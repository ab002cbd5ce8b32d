"""Does each export of the plan read back as what the plan says?"""

import csv
import dataclasses
import datetime as dt
from html.parser import HTMLParser

import docx
import icalendar
import pytest

from smcourse import plan, plan_export
from smcourse.plan_export import calendar_csv, calendar_ics, export, to_docx, to_html, to_markdown


class _Cells(HTMLParser):
    """The text of every table cell and the print rules of an HTML page."""

    def __init__(self):
        super().__init__()
        self.cells, self.style, self._in = [], "", None

    def handle_starttag(self, tag, attrs):
        self._in = tag

    def handle_data(self, text):
        if self._in == "td":
            self.cells.append(text)
        elif self._in == "style":
            self.style += text


def _lumen_written(tmp_path):
    return {path.name: path for path in export(plan.example_plan(), tmp_path / "lumen.plan.json")}


def test_export_writes_every_format_beside_the_save_file(tmp_path):
    assert sorted(_lumen_written(tmp_path)) == sorted([
        "lumen.plan.md", "lumen.plan.html", "lumen.plan.letter.html", "lumen.plan.docx",
        "lumen.plan.calendar.csv", "lumen.plan.calendar.ics"])


def test_the_markdown_follows_the_oasis_order_and_has_nothing_open(tmp_path):
    text = _lumen_written(tmp_path)["lumen.plan.md"].read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.split(". ", 1)[1] for h in headings][:4] == [
        "Where we start", "Objectives", "What social media will do", "Audience insight"]
    assert "| service | Median response time (hours) | 8.0 | 4.5 | 2027-03-31 |" in text
    assert "Still open" not in text


def test_what_is_still_open_is_listed_by_field():
    lumen = dataclasses.replace(plan.example_plan(), disclosure="")
    text = to_markdown(lumen)
    assert text.rstrip().endswith("- disclosure: Write your disclosure policy: how gifts, paid "
                                  "partnerships and staff posts about the organisation are "
                                  "labelled.")


def test_learner_text_cannot_break_a_markdown_table():
    lumen = plan.example_plan()
    lumen.pillars[0] = plan.Pillar("Tips | tricks", "two\nlines")
    assert "| Tips \\| tricks | two lines |" in plan_export.part_markdown(lumen, "pillars")


@pytest.mark.parametrize("paper, size", [("A4", "size:A4"), ("Letter", "size:letter")])
def test_the_html_prints_on_the_chosen_paper_and_escapes_what_was_typed(paper, size):
    lumen = dataclasses.replace(plan.example_plan(), organisation="<b>Lumen</b> & co")
    parser = _Cells()
    page = to_html(lumen, paper)
    parser.feed(page)
    assert f"@page{{{size};" in parser.style and "@media print" in parser.style
    assert "&lt;b&gt;Lumen&lt;/b&gt; &amp; co" in page and "<b>Lumen</b>" not in page
    assert "Wholesale and careers" in parser.cells


def test_an_unknown_paper_size_is_refused():
    with pytest.raises(ValueError, match="A4, Letter"):
        to_html(plan.example_plan(), "A5")


def test_the_word_document_reads_back_with_its_headings_and_tables(tmp_path):
    path = tmp_path / "lumen.docx"
    path.write_bytes(to_docx(plan.example_plan()))
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["1. Where we start", "2. Objectives"]
    assert "14. From existing to living" in headings
    objectives = next(t for t in document.tables if t.rows[0].cells[0].text == "Business outcome")
    assert [c.text for c in objectives.rows[2].cells] == [
        "sales", "Web-shop orders from unpaid social links or the SOCIAL code (orders a month)",
        "30", "38", "2027-06-30", "±6 a month; mean of 3 months",
        "Lumen's web-shop order records, 2026 (invented for this example)",
        plan.example_plan().objectives[1].reason]
    assert objectives.rows[1].cells[5].text == "±3 a month; mean of 3 months"
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert {"Holding statement", "Rota", "Cover"} <= set(bold)
    budget = next(t for t in document.tables if t.rows[0].cells[0].text == "Item")
    assert budget.rows[-1].cells[1].text == "16000 USD a year"
    assert budget.rows[-1].cells[0].text.startswith("Surge contingency (One surge a year")


def test_the_calendar_csv_reads_back_as_the_plan_s_calendar():
    rows = list(csv.DictReader(calendar_csv(plan.example_plan()).splitlines()))
    entries = plan.calendar(plan.example_plan())
    assert [(r["date"], r["channel"], r["pillar"]) for r in rows] == [
        (e.day.isoformat(), e.channel, e.pillar) for e in entries]


def test_the_icalendar_file_parses_into_one_all_day_event_per_post():
    parsed = icalendar.Calendar.from_ical(calendar_ics(plan.example_plan()))
    events = list(parsed.walk("VEVENT"))
    entries = plan.calendar(plan.example_plan())
    assert len(events) == len(entries) and len({e["uid"] for e in events}) == len(events)
    first = events[0]
    assert first.decoded("dtstart") == dt.date(2027, 1, 4)
    assert str(first["summary"]) == f"{entries[0].channel}: {entries[0].pillar}"


def test_the_same_plan_always_gives_the_same_calendar_file():
    assert calendar_ics(plan.example_plan()) == calendar_ics(plan.example_plan())


def test_an_export_that_cannot_be_written_says_where(tmp_path):
    blocked = tmp_path / "lumen.plan.md"
    blocked.mkdir()
    with pytest.raises(plan.PlanFileError, match="lumen.plan.md could not be written"):
        export(plan.example_plan(), tmp_path / "lumen.plan.json")


def test_a_part_shown_in_the_lesson_is_headed_as_part_of_the_plan():
    shown = plan_export.part_markdown(plan.example_plan(), "budget")
    assert shown.startswith("#### From the plan · part 12. Budget\n")
