"""Does each export of the plan read back as what the plan says?"""

import copy
import csv
import dataclasses
import datetime as dt
import html
import io
import re
from html.parser import HTMLParser

import docx
import icalendar
import pytest

from smcourse.core import plan, plan_export
from smcourse.core.plan_export import calendar_csv, calendar_ics, export, to_docx, to_html, to_markdown

CELL_WORDS = 20  # the most words a table cell of the exported plan may hold


class _Cells(HTMLParser):
    """The text of every table cell, of every numbered note (by its id), the note each link
    points to, and the print rules of an HTML page."""

    def __init__(self):
        super().__init__()
        self.cells, self.notes, self.links, self.style = [], {}, [], ""
        self._open, self._note = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "td":
            self.cells.append("")
        elif tag == "li" and attrs.get("id", "").startswith("note-"):
            self._note = attrs["id"]
            self.notes[self._note] = ""
        elif tag == "a":
            self.links.append(attrs["href"])
        self._open.append(tag)

    def handle_endtag(self, tag):
        self._open.pop()
        if tag == "li":
            self._note = None

    def handle_data(self, text):
        if "td" in self._open:
            self.cells[-1] += text
        elif self._note:
            self.notes[self._note] += text
        elif self._open[-1:] == ["style"]:
            self.style += text


def _one_text(reasons):
    """One metric's reasons, each once, a label the first opens with left off the later ones."""
    first, *later = dict.fromkeys(reasons)
    label = re.split(r"[:.]", first)[0]
    return " ".join([first, *(re.sub(rf"^{re.escape(label)}[:.] ", "", r) for r in later)])


def _long_texts(lumen):
    """The texts of Lumen's plan that its tables hold and that are too long for a cell (the
    reasons of one metric's milestones as one text)."""
    reasons: dict[tuple[str, str], list[str]] = {}
    for objective in lumen.objectives:
        reasons.setdefault((objective.outcome, objective.metric), []).append(objective.reason)
    texts = [_one_text(group) for group in reasons.values()] + [
        c.purpose for c in lumen.channels] + [
        lumen.budget.other_work, lumen.budget.tools, lumen.budget.surge,
        lumen.budget.case.partition("\n\n")[2]] + [
        action.step for action in lumen.actions.values()] + [
        p.description for p in lumen.pillars] + [p.description for p in lumen.audience.personas]
    return [" ".join(text.split()) for text in texts if len(text.split()) > CELL_WORDS]


def _markdown_cells(text):
    return [cell.strip() for line in text.splitlines() if line.startswith("| ")
            for cell in re.split(r"(?<!\\)\|", line.strip("|"))]


def _markdown_cells_by_row(text):
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            for line in text.splitlines() if line.startswith("| ")]


def _markdown_notes(text):
    notes = text.split("\n## Notes\n", 1)[1]
    return dict(re.findall(r"^(\d+)\. \*\*[^*]+\*\*: (.+)$", notes, re.MULTILINE))


def _lumen_written(tmp_path):
    return {path.name: path for path in export(plan.example_plan(), tmp_path / "lumen.plan.json")}


def test_export_writes_every_format_beside_the_save_file(tmp_path):
    assert sorted(_lumen_written(tmp_path)) == sorted([
        "lumen.plan.md", "lumen.plan.html", "lumen.plan.letter.html", "lumen.plan.docx",
        "lumen.plan.calendar.csv", "lumen.plan.calendar.ics", "lumen.plan.staff.md",
        "lumen.plan.staff.html", "lumen.plan.staff.letter.html", "lumen.plan.staff.docx",
        "lumen.plan.director.md", "lumen.plan.director.html", "lumen.plan.director.letter.html",
        "lumen.plan.director.docx"])


def test_the_markdown_follows_the_oasis_order_and_has_nothing_open(tmp_path):
    text = _lumen_written(tmp_path)["lumen.plan.md"].read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.split(". ", 1)[-1] for h in headings][:5] == [
        "## Executive summary", "Where we start", "Objectives", "What social media will do",
        "Audience insight"]
    assert headings[-3:] == ["## 14. From existing to living", "## Notes",
                             "## Annex: calendar of the first 6 weeks"]
    assert "Still open" not in text


def test_no_table_cell_of_lumen_s_export_is_longer_than_a_line(tmp_path):
    written = _lumen_written(tmp_path)
    html_cells = _Cells()
    html_cells.feed(written["lumen.plan.html"].read_text(encoding="utf-8"))
    word_cells = [cell.text for table in docx.Document(str(written["lumen.plan.docx"])).tables
                  for row in table.rows for cell in row.cells]
    for cells in (_markdown_cells(written["lumen.plan.md"].read_text(encoding="utf-8")),
                  html_cells.cells, word_cells):
        assert len(cells) > 300
        assert max(len(cell.split()) for cell in cells) <= CELL_WORDS


def test_every_long_text_is_a_note_its_cell_points_to(tmp_path):
    lumen = plan.example_plan()
    long = _long_texts(lumen)
    assert len(long) >= 10  # the reasons of the objectives, the budget's details, and more
    written = _lumen_written(tmp_path)
    text = written["lumen.plan.md"].read_text(encoding="utf-8")
    notes = _markdown_notes(text)
    assert sorted(notes.values()) == sorted(long)
    pointed = [cell for cell in _markdown_cells(text) if cell.startswith("see note ")]
    assert sorted(int(cell.split()[-1]) for cell in pointed) == list(range(1, len(long) + 1))
    assert "| Surge contingency | 16,000 USD a year | see note 11 |" in text
    assert notes["11"] == " ".join(lumen.budget.surge.split())
    ask, _, figures = lumen.budget.case.partition("\n\n")  # the director reads the ask
    assert f"**What it buys**: {ask}\n" in text and text.count(" ".join(figures.split())) == 1
    assert "| The case in figures | – | see note 12 |" in text
    assert notes["12"] == " ".join(figures.split()) and len(ask.split()) < 150

    page = _Cells()
    page.feed(written["lumen.plan.letter.html"].read_text(encoding="utf-8"))
    assert sorted(page.links) == sorted(f"#note-{n}" for n in notes) == sorted(
        f"#{note_id}" for note_id in page.notes)
    assert all(page.notes[f"note-{n}"].endswith(f": {note}") for n, note in notes.items())

    paragraphs = docx.Document(str(written["lumen.plan.docx"])).paragraphs
    texts = [p.text for p in paragraphs]
    last = [p for p in paragraphs[texts.index("Notes") + 1:texts.index(
        "Annex: calendar of the first 6 weeks")] if p.text]  # the page break before the annex aside
    assert [(label.text, label.bold) for label, _ in (p.runs for p in last)][10] == (
        "11. Budget, Surge contingency: Details", True)
    assert [" ".join(text.text.removeprefix(": ").split()) for _, text in (p.runs for p in last)] == [
        notes[str(n)] for n in range(1, len(notes) + 1)]


def test_a_plan_with_only_short_texts_has_no_notes():
    lumen = plan.example_plan()
    short = dataclasses.replace(
        lumen, objectives=[dataclasses.replace(o, reason="Judged on the spring months.")
                           for o in lumen.objectives],
        channels=[dataclasses.replace(c, purpose="Reach.") for c in lumen.channels],
        budget=dataclasses.replace(lumen.budget, other_work="", tools="", surge="",
                                   case=lumen.budget.case.partition("\n\n")[0]),
        actions={d: dataclasses.replace(a, step="Do it.") for d, a in lumen.actions.items()})
    text = to_markdown(short)
    assert "## Notes" not in text and "see note" not in text


def test_what_is_still_open_is_listed_by_field_named_in_words():
    lumen = dataclasses.replace(plan.example_plan(), disclosure="")
    lumen.objectives[3].target = "soon"
    lumen.community.who_answers = ""
    text = to_markdown(lumen)
    assert ("- Disclosure: Write your disclosure policy: how gifts, paid partnerships and staff "
            "posts about the organisation are labelled.") in text.split("## Still open", 1)[1]
    assert "- Objective 4, target: The target of objective 4 (“soon”) is not a number." in text
    assert "- Community, who answers: Say who answers" in text


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
    assert "<li><strong>What it buys</strong>: The ask: 17,037 USD a year of new money" in page
    assert "**" not in page
    assert "Wholesale and careers" in parser.cells


def test_an_unknown_paper_size_is_refused():
    with pytest.raises(ValueError, match="A4, Letter"):
        to_html(plan.example_plan(), "A5")


def test_the_objectives_table_has_one_row_per_metric_with_its_milestones():
    lumen = plan.example_plan()
    rows = [row for row in _markdown_cells_by_row(to_markdown(lumen)) if len(row) == 8][1:]
    metrics = {(o.outcome, o.metric) for o in lumen.objectives}
    assert len(rows) == len(metrics) < len(lumen.objectives)
    assert rows[1][2:5] == ["30", "38 → 44", "30 June, 31 December 2027"]  # dates in words (reader 151)


def test_a_label_both_milestones_open_with_is_said_once_in_the_rows_note():
    lumen = plan.example_plan()
    leads = [o for o in lumen.objectives if o.outcome == "leads"]
    label = "Lumen's own records (assumed)"
    assert len(leads) == 2 and all(o.reason.startswith(label) for o in leads)
    note = next(line for line in to_markdown(lumen).splitlines()
                if line.startswith(tuple(f"{n}. **Objectives, leads" for n in range(1, 30))))
    assert note.count(label) == 1
    assert leads[1].reason[len(label) + 2:] in note  # the year-end reason, its label left off


def test_the_word_document_reads_back_with_its_headings_and_tables(tmp_path):
    path = tmp_path / "lumen.docx"
    path.write_bytes(to_docx(plan.example_plan()))
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:5] == ["Executive summary", "Decision needed", "Top risks", "1. Where we start",
                            "2. Objectives"]
    assert "14. From existing to living" in headings
    objectives = next(t for t in document.tables if t.rows[0].cells[0].text == "Business outcome")
    assert [c.text for c in objectives.rows[2].cells] == [
        "sales", "Web-shop orders from unpaid social links or the SOCIAL code (orders a month)",
        "30", "38 → 44", "30 June, 31 December 2027", "varies by 6 a month; mean of 3 months",
        "Lumen's web-shop order records, 2026 (assumed)", "see note 2"]
    assert any(p.text.startswith("2. Objectives, sales: Why we expect it: "
                                 f"{plan.example_plan().objectives[1].reason} ")
               for p in document.paragraphs)  # the milestone's reason, then the year-end's
    assert objectives.rows[1].cells[5].text == "varies by 3.5 a month; mean of 3 months"
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert {"Holding statement", "Rota", "Cover", "What it buys", "Weakest dimension"} <= set(bold)
    assert not any("**" in p.text for p in document.paragraphs)
    budget = next(t for t in document.tables if t.rows[0].cells[0].text == "Item")
    items = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in budget.rows}
    assert items["Surge contingency"] == ["16,000 USD a year", "see note 11"]
    assert items["Tools"][0] == "250 USD a month" and items["People"][0] == "42 hours a week"
    assert items["People cost"] == [
        "95,550 USD a year", "42 hours a week × 52 × 43.75 USD an hour (wages and on-costs)"]
    lumen = plan.example_plan().budget  # its other costs may change with the overtime's rate
    assert items["Other costs"][0] == f"{lumen.other_costs_per_year:,.0f} USD a year"
    assert items["Total a year"][0] == f"{lumen.total():,.0f} USD"


def test_the_calendar_csv_reads_back_as_the_plan_s_calendar():
    lumen = plan.example_plan()
    rows = list(csv.DictReader(calendar_csv(lumen).splitlines()))
    owners = {channel.name: channel.owner for channel in lumen.channels}
    assert [(r["date"], r["channel"], r["pillar"], r["posted_by"]) for r in rows] == [
        (e.day.isoformat(), e.channel, e.pillar, owners[e.channel]) for e in plan.calendar(lumen)]
    assert {r["posted_by"] for r in rows} == {"Sam", "Ade", "Head of marketing"}  # every post's


def test_the_calendar_and_mix_do_not_depend_on_the_order_a_mix_was_typed():
    """Reader 117 found 39 of the 155 posts of the calendar the lesson's builder exported under other
    pillars than the exported files': the builder holds a mix in the pillars' order, Lumen's plan held
    it as typed. Lumen's mixes typed backwards give the same calendar and channel table."""
    lumen = plan.example_plan()
    backwards = copy.deepcopy(lumen)
    for channel in backwards.channels:
        channel.mix = dict(reversed(channel.mix.items()))
    assert [list(c.mix) for c in backwards.channels] != [list(c.mix) for c in lumen.channels]
    assert plan.calendar(backwards) == plan.calendar(lumen)
    table = plan_export.part_markdown(lumen, "channels")
    assert plan_export.part_markdown(backwards, "channels") == table
    assert "Behind the roaster 20%, Ask the roaster 40%, New roasts and offers 40%" in table  # Facebook


def test_the_icalendar_file_parses_into_one_all_day_event_per_post():
    parsed = icalendar.Calendar.from_ical(calendar_ics(plan.example_plan()))
    events = list(parsed.walk("VEVENT"))
    entries = plan.calendar(plan.example_plan())
    assert len(events) == len(entries) and len({e["uid"] for e in events}) == len(events)
    first = events[0]
    assert first.decoded("dtstart") == dt.date(2027, 1, 4)
    assert str(first["summary"]) == f"{entries[0].channel}: {entries[0].pillar}"


def test_two_plans_calendars_never_share_an_event_and_each_names_who_posts():
    """Reader 77 imported a second plan's calendar beside Lumen's and saw events overwritten: each
    UID now names the organisation, the day and the channel."""
    lumen = plan.example_plan()
    other = dataclasses.replace(lumen, organisation="Thornbury Lane Garden Centre")
    events = [list(icalendar.Calendar.from_ical(calendar_ics(p)).walk("VEVENT")) for p in (lumen, other)]
    assert not {str(e["uid"]) for e in events[0]} & {str(e["uid"]) for e in events[1]}
    first, owners = events[0][0], {channel.name: channel.owner for channel in lumen.channels}
    channel = str(first["summary"]).split(":")[0]
    slug = channel.lower().replace(" ", "-")
    assert str(first["uid"]) == f"2027-01-04-{slug}-1@lumen-coffee-roasters.smcourse"
    assert str(first["description"]) == f"Posted by {owners[channel]}."


def test_the_same_plan_gives_the_same_calendar_file_stamped_when_it_was_made():
    """Reader 108: each event was stamped (DTSTAMP) with its own, future, day; iCalendar's stamp is when
    the file was made (RFC 5545, 3.8.7.2), and with it given the file is the same every time."""
    made = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone.utc)
    assert calendar_ics(plan.example_plan(), made) == calendar_ics(plan.example_plan(), made)
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    events = icalendar.Calendar.from_ical(calendar_ics(plan.example_plan())).walk("VEVENT")
    assert {event.decoded("dtstamp") for event in events} <= {
        before + dt.timedelta(seconds=second) for second in range(5)}
    stamped = icalendar.Calendar.from_ical(calendar_ics(plan.example_plan(), made)).walk("VEVENT")
    assert {event.decoded("dtstamp") for event in stamped} == {made}
    assert b"DTSTAMP:20261201T093000Z" in calendar_ics(plan.example_plan(), made)


def test_an_export_that_cannot_be_written_says_where(tmp_path):
    blocked = tmp_path / "lumen.plan.md"
    blocked.mkdir()
    with pytest.raises(plan.PlanFileError, match="lumen.plan.md could not be written"):
        export(plan.example_plan(), tmp_path / "lumen.plan.json")


def test_a_part_shown_in_the_lesson_is_headed_as_part_of_the_plan():
    shown = plan_export.part_markdown(plan.example_plan(), "budget")
    assert shown.startswith("#### From the plan · part 12. Budget\n")


def test_a_part_shown_alone_keeps_its_own_notes_numbered_as_in_the_document():
    lumen = plan.example_plan()
    shown = plan_export.part_markdown(lumen, "budget")
    notes = {n: text for n, text in _markdown_notes(to_markdown(lumen)).items()
             if f"| see note {n} |" in shown}
    assert sorted(notes, key=int) == ["9", "10", "11", "12"]
    assert shown.split("\n\n**Notes**\n\n", 1)[1].splitlines() == [
        f"{n}. **Budget, {item}: Details**: {notes[n]}"
        for n, item in zip(notes, ["Of which other work", "Tools", "Surge contingency",
                                   "The case in figures"], strict=True)]
    assert "**Notes**" not in plan_export.part_markdown(lumen, "voice")


def test_a_row_whose_name_is_itself_a_note_is_named_by_its_number():
    lumen = plan.example_plan()
    name = " ".join(["slow"] * (CELL_WORDS + 1))
    lumen.pillars[0] = plan.Pillar(name, "Short.")
    shown = plan_export.part_markdown(lumen, "pillars")
    number = re.search(r"^\| see note (\d+) \| Short\. \|$", shown, re.MULTILINE)[1]
    assert f"{number}. **Content pillars, row 1: Pillar**: {name}" in shown.splitlines()


# a staged ask as long as a worked example's, written here so no test reads Lumen's own
STAGED_ASK = {
    "first_stage": "January to March 2027 only: the 4 hours moved from other work, the overtime, "
                   "the tools and the paid promotion",
    "first_stage_cost": 6040,
    "go_no_go": "2027-04-01: go on if January to March bring 100 code and link orders and 9 "
                "wholesale enquiries, against 90 and 6 in the same months of 2026, else take the "
                "cheaper option or stop.\n"
                "1 July 2027: go on only if January to June bring 199 orders and 17 enquiries.\n"
                "October 2027: fewer than 5 wholesale accounts opened stops the added spending.",
    "payback": "Without a surge it pays back in March 2031, after a first-year loss of 19,450 USD; "
               "that rests on wholesale accounts, 96% of 2029's value."}


GATES = ["1 April 2027: go on if January to March bring 100 code and link orders and 9 wholesale "
         "enquiries, against 90 and 6 in the same months of 2026, else take the cheaper option or "
         "stop.",
         "1 July 2027: go on only if January to June bring 199 orders and 17 enquiries.",
         "October 2027: fewer than 5 wholesale accounts opened stops the added spending."]


def _staged(lumen, **changes):
    return dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, **{**STAGED_ASK, **changes}))


def _summary_markdown(text):
    return text.split("## Executive summary\n", 1)[1].split("\n## 1. ", 1)[0]


def _decision_markdown(exported_plan):
    """The summary's decision as Markdown: its recommendation, the ask's rows by name, and the
    gates and first report a line each."""
    summary = _summary_markdown(to_markdown(exported_plan))
    decision = summary.split("### Decision needed\n\n", 1)[1].split("\n\n### Top risks", 1)[0]
    recommendation, ask, lines = decision.split("\n\n")
    return recommendation, dict(_markdown_cells_by_row(ask)[1:]), lines.splitlines()


LUMEN_S_ASK = {
    "Reserve for a surge": "16,000 USD a year, held for a surge",
    "A full year": "32,962 USD more than today: 17,037 of new money and 15,925 of moved hours",
    "Pays back": "June 2033 at 35 hours (at 31, June 2036; never at the data's 18); cheaper option: "
                 "April 2031.",
    "Rests on": "35 hours a week on social today (assumed; 2025's data: 15.4 to 18), from each person's "
                "two-week log in December"}  # its first clause: the semicolon in brackets stays


def test_the_export_opens_with_a_summary_built_from_the_plan_s_own_fields():
    """The plan in two sentences, in place of the goal's set wording, and the goal's activities, the
    headline objectives, then the decision: one recommendation, the ask, the gates. The whole cost a
    year with wages (129,067 USD) is in part 12 alone: the director's page gives one total a year,
    the cost beyond today's spending (32,962), with its new money and moved hours."""
    lumen = _staged(plan.example_plan())
    summary = _summary_markdown(to_markdown(lumen))
    budget = lumen.budget
    assert summary.strip().split("\n\n")[0] == lumen.summary and "**Goal**" not in summary
    assert f"- **Building ties**: {lumen.goals[2].why}" in summary
    unsaid = _summary_markdown(to_markdown(dataclasses.replace(lumen, summary=" ")))
    assert unsaid.strip().split("\n\n")[0] == ("**Goal**: Lumen Coffee Roasters will monitor, "
                                                "communicate and connect on social media:")
    rows = [cells for cells in (_markdown_cells(line) for line in summary.splitlines()
                                if line.startswith("| ")) if len(cells) == 4 and cells[0] != "Outcome"]
    assert [row[0] for row in rows] == ["loyalty", "sales", "reviews", "service", "leads"]
    assert rows[1][2:] == ["30 → 38 → 44", "30 June, 31 December 2027"]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", summary)  # one date style: 4 January 2027
    metrics = {(o.outcome, o.metric) for o in lumen.objectives}
    assert f"{len(metrics) - 5} more objectives are in part 2." in summary  # a metric with its milestones
    besides = budget.other_costs_per_year + 3_000 + 2_400
    assert budget.total() == 95_550 + besides + 16_000  # the wages, the spending and the reserve
    assert budget.added_per_year() == 17_037 + 7 * 52 * 43.75 == 32_962
    assert f"{budget.total():,.0f}" not in summary and summary.count("32,962") == 1
    whole = _budget_rows(lumen)
    assert whole["Total a year"][0] == f"{budget.total():,.0f} USD"
    assert whole["Added cost a year"][0] == "32,962 USD"
    recommendation, ask, lines = _decision_markdown(lumen)
    assert recommendation == ("Approve 4 January to 31 March 2027: 6,040 USD of new money, 7 people "
                              "hours a week moved from other work and a 16,000 USD reserve for a surge.")
    assert ask == {**LUMEN_S_ASK, "Pays back": ask["Pays back"]}
    number = ask["Pays back"].removeprefix("see note ")  # the first sentence, whole: too long a cell
    assert _markdown_notes(to_markdown(lumen))[number] == STAGED_ASK["payback"]
    assert lines == [*(f"- **Gate {number}**: {gate}" for number, gate in enumerate(GATES, 1)),
                     f"- **First report**: monthly to {lumen.reporting.readers}, on 1 February 2027."]
    risks = summary.split("### Top risks", 1)[1]
    assert ("**Tightest target**: reviews, 6 to 9 by 30 June 2027, is 1.0 times what chance "
            "can move it") in risks  # the outcome one measure counts, as the table above names it
    team = lumen.community
    assert ("**The inbox**: the 77 messages a week planned for, each answered within 4 staffed hours "
            f"(the fastest promise), take {team.hours_needed(4):.1f} of the inbox's 10 staffed hours "
            "a week at 10-minute looks, "
            f"{team.hours_needed(4, 20):.1f} at 20") in risks
    assert "within 4 hours" not in risks  # the objective promises half, the channels each theirs
    assert f"**Weakest dimension, {lumen.weakest}**: {lumen.actions[lumen.weakest].step}" in risks


def test_the_decision_reads_back_the_same_from_markdown_html_and_word(tmp_path):
    """Lumen's recommendation and the ask's rows, as the Markdown gives them, in the HTML page's
    paragraph and table cells and in the Word document's paragraph and table."""
    recommendation, ask, _ = _decision_markdown(plan.example_plan())
    assert recommendation == ("Approve 4 January to 31 March 2027: 6,686 USD of new money, 7 people "
                              "hours a week moved from other work and a 16,000 USD reserve for a surge, if "
                              "December's timing finds at least 31 of the 35 hours on social today, "
                              "or the cheaper option's first stage, 5,910 USD, at 27 to 30 hours, "
                              "neither below.")
    assert ask == LUMEN_S_ASK
    written = _lumen_written(tmp_path)
    page = written["lumen.plan.html"].read_text(encoding="utf-8")
    assert f"<p>{html.escape(recommendation)}</p>" in page
    cells = _Cells()
    cells.feed(page)
    start = cells.cells.index("Reserve for a surge")
    assert dict(zip(cells.cells[start:start + 8:2], cells.cells[start + 1:start + 8:2],
                    strict=True)) == ask
    document = docx.Document(str(written["lumen.plan.docx"]))
    texts = [p.text for p in document.paragraphs]
    assert texts.index("Decision needed") + 1 == texts.index(recommendation)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "The ask")
    assert {row.cells[0].text: row.cells[1].text for row in table.rows[1:]} == ask


@pytest.mark.parametrize("first_stage, provided", [
    ("January to March 2027, once the owner has timed today's hours: the tools", ", once the owner "
     "has timed today's hours."),
    ("January to March 2027; only if March's count (at least 30 orders; or 5 enquiries) holds",
     ", if March's count holds."),
    ("January to March 2027: the tools and the paid promotion", " reserve for a surge.")])
def test_the_recommendation_keeps_the_first_stage_s_condition(first_stage, provided):
    """A stage approved on a condition says so in the one line a director reads (an expert reader
    missed Lumen's 35-hour condition there): the clause from "if", "once", "provided" or "unless" to
    the colon or semicolon that ends it outside brackets, without its asides (as the gates); a stage
    with none ends on its reserve."""
    lumen = plan.example_plan()
    staged = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget,
                                                                   first_stage=first_stage))
    recommendation, _, _ = _decision_markdown(staged)
    assert recommendation.endswith(provided)


@pytest.mark.parametrize("start, first_stage, approve", [
    ("2026-11-02", "November to January: the tools", "Approve 2 November 2026 to 31 January 2027"),
    ("2027-03-15", "one month of tools", "Approve 15 March to 31 March 2027"),
    ("2027-01-04", "the tools, until the first gate", "Approve the first stage from 4 January 2027"),
    ("2027-01-04", "February to April 2027: the paid posts", "Approve 1 February to 30 April 2027"),
    ("2027-01-04", "January 5 to March 31, 2027", "Approve 5 January to 31 March 2027"),
    # reader 108: the year written after both months is both months' (a stage of 15 months was read)
    ("2027-01-04", "4 January to 31 March 2028", "Approve 4 January to 31 March 2028"),
    ("2027-01-04", "Feb 8th - 15 April: the paid posts", "Approve 8 February to 15 April 2027"),
    ("2027-01-04", "3 January to 31 February 2027", "Approve 4 January to 28 February 2027"),
    # reader 97: a weekday before each day, and a first month with its own year
    ("2027-01-04", "Tuesday 5 January to Saturday 3 April 2027", "Approve 5 January to 3 April 2027"),
    ("2026-12-01", "December 2026 to March 2027: the tools", "Approve 1 December 2026 to 31 March 2027")])
def test_the_first_stage_s_days_are_read_from_its_start_and_its_length(start, first_stage, approve):
    """Its days run from the later of the plan's start and the first day it names (its first month's
    first when it names no day, reader 91), to the last day it names, else the end of the month it
    names last (in the year written after it); else to the end of the month its length reaches; a
    stage whose length is not given is "the first stage", from the start."""
    lumen = plan.example_plan()
    staged = dataclasses.replace(lumen, start=start, budget=dataclasses.replace(
        lumen.budget, first_stage=first_stage))
    recommendation, _, _ = _decision_markdown(staged)
    assert recommendation.startswith(f"{approve}: 6,686 USD of new money, 7 people hours a week moved "
                                     "from other work and a 16,000 USD reserve")


def test_the_summary_gives_the_gates_without_their_asides_and_part_12_whole():
    """Lumen's gates carry their odds in brackets: the summary leaves them out, part 12 keeps each
    gate as written; gates without brackets read the same in both (`GATES`)."""
    lumen = plan.example_plan()
    gates = lumen.budget.go_no_go.splitlines()
    assert all("(" in gate for gate in gates)
    _, _, lines = _decision_markdown(lumen)
    assert lines[:2] == [
        "- **Gate 1**: 1 April 2027, a check that the plan runs, not its results: stop if under 9 in 10 "
        "of the calendar's posts or 9 of the 12 sample bags went out, or if January to March bring both "
        "at most 90 code or social-link orders and 6 enquiries; a stop ends only the code posts, promotion "
        "and wholesale route; passed, the founder approves April to December.",
        "- **Gate 2**: 1 July 2027, each leg on January to June: code posts go on only with at least "
        "199 code or social-link orders, 19 over the baseline's 180, the wholesale route only with "
        "at least 17 "
        "enquiries, 5 over 12; a stopped leg's spending and hours end."]
    budget_part = plan_export.part_markdown(lumen, "budget")
    assert all(f"- **Gate {number}**: {gate}\n" in budget_part for number, gate in enumerate(gates, 1))
    assert _decision_markdown(_staged(lumen))[2][:3] == [
        f"- **Gate {number}**: {gate}" for number, gate in enumerate(GATES, 1)]


@pytest.mark.parametrize("text, short", [
    ("stop under 90 orders (odds 7 in 100), else go on", "stop under 90 orders, else go on"),
    ("go on (if (as we expect) orders grow) at 199 orders", "go on at 199 orders"),
    ("go on at 199 orders", "go on at 199 orders"),
    ("go on at 199 orders (or 17 enquiries", "go on at 199 orders (or 17 enquiries"),
    ("(all of it an aside)", "(all of it an aside)")])
def test_an_aside_in_brackets_is_left_out_nested_or_not(text, short):
    assert plan_export.without_asides(text) == short


@pytest.mark.parametrize("text, short", [
    ("tools 2,520 (250 a month less the 40 paid today)", "tools 2,520 (250 a month less the 40 paid today)"),
    ("15 USD (an estimate)", "15 USD"),
    ("5 a month rather than 8 (assumed)", "5 a month rather than 8 (assumed)"),  # reader 156
    ("a year (our assumption, not yet measured)", "a year (our assumption, not yet measured)")])
def test_the_director_s_asides_keep_a_figure_or_an_assumption(text, short):
    assert plan_export._figures_only(text) == short


@pytest.mark.parametrize("gate, first_page", [
    ("go on at 330 redemptions (290 in 2026), else stop",
     "go on at 330 redemptions (290 in 2026), else stop"),
    ("go on at 330 (the case's path under 1 in 100), else stop", "go on at 330, else stop"),
    ("go on at 330 (a 1 in 20 chance), else stop", "go on at 330, else stop")])
def test_the_director_s_gate_keeps_a_baseline_in_a_year_and_drops_the_odds(gate, first_page):
    """A baseline "(290 in 2026)" is a figure the gate is set from, not odds (reader 151)."""
    assert plan_export._director_gate(gate) == first_page


def test_the_summary_follows_a_smaller_plan_and_says_what_is_open():
    lumen = plan.example_plan()
    first_six = list(dict.fromkeys((o.outcome, o.metric) for o in lumen.objectives))[:6]
    six_metrics = [o for o in lumen.objectives if (o.outcome, o.metric) in first_six]
    assert "1 more objective is in part 2." in _summary_markdown(to_markdown(
        dataclasses.replace(lumen, objectives=six_metrics)))
    small = dataclasses.replace(lumen, objectives=lumen.objectives[:3], weakest="",
                                budget=dataclasses.replace(lumen.budget, tools_per_month=10,
                                                           paid_per_month=0, hourly_cost=0,
                                                           other_costs_per_year=10139, case=""))
    small = _staged(small, first_stage="", go_no_go="", payback="")
    small.objectives[0].target = "8"  # worse than its baseline of 12
    summary = _summary_markdown(to_markdown(small))
    assert "more objective" not in summary
    recommendation, ask, lines = _decision_markdown(small)
    assert recommendation == (
        "What to approve now is not written yet: say what is approved and until when, such as "
        "“January to March 2027: the tools and the paid promotion” (Budget: First stage).")
    assert "First stage" not in ask  # the recommendation asks for it
    assert ask["A full year"] == ("17,037 USD of new money; 7 people hours a week moved from other "
                                  "work, unpriced (Budget: Cost of an hour)")
    assert ask["Pays back"] == "when it pays back is not written yet (Budget: Payback)."
    assert lines[0] == ("- **Go/no-go test**: the test that decides the next stage is not written "
                        "yet (Budget: Go/no-go gates).")
    one_gate = _staged(small, go_no_go=GATES[1])
    assert _decision_markdown(one_gate)[0].startswith(
        "Approve 4 January to 31 March 2027: 6,040 USD of new money, 7 people hours a week moved from "
        "other work and a 16,000 USD reserve")
    assert _decision_markdown(one_gate)[2][0] == f"- **Go/no-go test**: {GATES[1]}"
    assert "| loyalty | Repeat web-shop orders from customers who came through social (repeat " \
        "orders a month) | 12 → 8 | 30 June 2027 |" in summary
    assert _budget_rows(small)["Total a year"][0] == "26,259 USD, wages aside"  # no longer summed above
    assert "**Unfinished**:" in summary and "Weakest dimension" not in summary


def test_the_summary_says_what_is_missing_rather_than_print_0():
    lumen = plan.example_plan()
    unsaid = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, hours_today=0, new_money_per_year=0))
    assert _decision_markdown(unsaid)[1]["A full year"] == (
        "new money not written yet (Budget: New money a year); hours spent today not written yet "
        "(Budget: Of these, today)")
    assert not re.search(r"\b0 USD", _summary_markdown(to_markdown(unsaid)))
    every_hour_today = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, hours_today=42))
    assert _decision_markdown(every_hour_today)[1]["A full year"] == (
        "17,037 USD of new money; no people hours moved from other work")


def test_a_plan_with_a_blank_budget_exports_with_what_to_write(tmp_path):
    """Every budget field blank: the export is written, the decision says what to write for each,
    and no amount of 0 is printed in the summary."""
    lumen = plan.example_plan()
    blank = dataclasses.replace(lumen, budget=plan.Budget(currency="USD"))
    written = {path.name: path for path in export(blank, tmp_path / "blank.plan.json")}
    recommendation, ask, lines = _decision_markdown(blank)
    assert recommendation.startswith("What to approve now is not written yet")
    assert ask == {
        "Reserve for a surge": "none (Budget: Surge contingency a year)",
        "A full year": "new money not written yet (Budget: New money a year); hours spent today "
                       "not written yet (Budget: Of these, today)",
        "Pays back": "when it pays back is not written yet (Budget: Payback).",
        "Rests on": "not written yet: the assumptions the case rests on (Budget: Rests on)."}
    assert lines[0].startswith("- **Go/no-go test**: the test that decides the next stage is not "
                               "written yet")
    assert not re.search(r"\b0 USD", _summary_markdown(to_markdown(blank)))
    texts = [p.text for p in docx.Document(str(written["blank.plan.docx"])).paragraphs]
    assert recommendation in texts
    assert html.escape(recommendation) in written["blank.plan.html"].read_text(encoding="utf-8")


def test_what_the_case_rests_on_is_said_once_its_opening_in_the_ask_the_rest_in_the_risks():
    """The ask gives the riskiest assumption (the first clause); the top risks open with the rest,
    or leave it out when the ask shows it all; part 12 keeps the whole text."""
    lumen = plan.example_plan()
    risks = _summary_markdown(to_markdown(lumen)).split("### Top risks\n\n", 1)[1].splitlines()
    assert risks[0] == ("- **The case also rests on**: wholesale, 96% of 2029's value: two more "
                        "enquiries a month need six more cafés sampled and the founder's outreach "
                        "(3 hours a week, priced), tested at both gates.")
    premises = "That 35 hours are spent on social today:\ntimed for four weeks in January."
    written = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, rests_on=premises))
    assert _decision_markdown(written)[1]["Rests on"] == " ".join(premises.split())
    assert "rests on" not in _summary_markdown(to_markdown(written)).split("### Top risks", 1)[1]
    unwritten = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, rests_on=""))
    assert _decision_markdown(unwritten)[1]["Rests on"] == ("not written yet: the assumptions the "
                                                            "case rests on (Budget: Rests on).")
    assert "rests on" not in _summary_markdown(to_markdown(unwritten)).split("### Top risks", 1)[1]
    budget_part = plan_export.part_markdown(written, "budget")
    assert f"- **The case rests on**: {' '.join(premises.split())}\n" in budget_part
    assert f"- **The case rests on**: {lumen.budget.rests_on}\n" in plan_export.part_markdown(
        lumen, "budget")


def test_a_tightest_target_whose_outcome_has_several_measures_is_named_by_its_measure():
    lumen = plan.example_plan()
    reviews = next(o for o in lumen.objectives if o.outcome == "reviews")
    second = dataclasses.replace(reviews, metric="Five-star reviews", target="10", spread="2")
    risks = _summary_markdown(to_markdown(dataclasses.replace(
        lumen, objectives=[*lumen.objectives, second]))).split("### Top risks", 1)[1]
    assert f"**Tightest target**: {plan.measure_label(reviews)}, 6 to 9 by 30 June 2027" in risks


def test_the_crisis_part_shows_account_security_in_every_format(tmp_path):
    lumen = plan.example_plan()
    security = ("The founder and the head of marketing are the only admins, each with two-factor "
                "login; the head of marketing recovers a hacked or locked account the same day.")
    secured = dataclasses.replace(lumen, crisis=dataclasses.replace(
        lumen.crisis, account_security=security))
    assert f"- **Account security**: {security}" in plan_export.part_markdown(secured, "crisis")
    assert f"<li><strong>Account security</strong>: {html.escape(security)}</li>" in to_html(secured)
    document = docx.Document(io.BytesIO(to_docx(secured)))
    texts = [p.text for p in document.paragraphs]
    crisis = texts.index("10. Crisis policy")
    assert f"Account security: {security}" in texts[crisis:texts.index("11. Disclosure policy")]
    unsecured = dataclasses.replace(lumen, crisis=dataclasses.replace(
        lumen.crisis, account_security=""))
    assert "- **Account security**: not written yet." in plan_export.part_markdown(unsecured,
                                                                                    "crisis")


def test_the_summary_is_a_page_of_its_own_in_html_and_word(tmp_path):
    written = _lumen_written(tmp_path)
    page = written["lumen.plan.html"].read_text(encoding="utf-8")
    assert re.findall(r"<h2[^>]*>", page)[:2] == ["<h2>", '<h2 class="new-page">']
    assert page.index("<h2>Executive summary</h2>") < page.index("Decision needed") \
        < page.index("Top risks") < page.index('<h2 class="new-page">1. Where we start')
    assert ".new-page{break-before:page}" in page
    document = docx.Document(str(written["lumen.plan.docx"]))
    texts = [p.text for p in document.paragraphs]
    start, end = texts.index("Executive summary"), texts.index("1. Where we start")
    assert any("Decision needed" in text for text in texts[start:end])
    breaks = [i for i, p in enumerate(document.paragraphs)
              if 'w:type="page"' in p._p.xml]
    assert breaks and start < breaks[0] < end
    summary = document.tables[0]
    assert [c.text for c in summary.rows[0].cells] == ["Outcome", "Measure", "Baseline → target", "By"]


def test_the_start_date_is_written_as_the_summary_writes_dates(tmp_path):
    written = _lumen_written(tmp_path)
    started = "Starts 4 January 2027."
    assert started in written["lumen.plan.md"].read_text(encoding="utf-8")
    assert f"<p>{started}</p>" in written["lumen.plan.html"].read_text(encoding="utf-8")
    assert started in [p.text for p in docx.Document(str(written["lumen.plan.docx"])).paragraphs]


PYTHON_NAME = re.compile(r"\b\w+\.\w+\(|\bplan_import\b|\bmetrics\.|\b[a-z]+_[a-z_]+\b")


def test_labels_and_baseline_sources_are_in_words_in_every_format(tmp_path):
    written = _lumen_written(tmp_path)
    text = written["lumen.plan.md"].read_text(encoding="utf-8")
    table = next(t for t in docx.Document(str(written["lumen.plan.docx"])).tables
                 if t.rows[0].cells[0].text == "Business outcome")
    header = [c.text for c in table.rows[0].cells]
    labels = [row.cells[header.index(name)].text for row in table.rows[1:]
              for name in ("Metric", "Baseline from")]
    assert not [label for label in labels if PYTHON_NAME.search(label)]
    assert any(PYTHON_NAME.search(o.source) for o in plan.example_plan().objectives)
    for shown in (text, written["lumen.plan.html"].read_text(encoding="utf-8"), *labels):
        assert "plan_import" not in shown and "likely_spam" not in shown
    assert ("| Mean of weekly median response times (hours) | 8.0 | 4.5 → 4.5 | 31 March, 31 December "
            "2027 | varies by 4.3 a week; mean of 12, then of 26 weeks | The course data: Lumen's "
            "comments.csv, 2025 without the recall weeks, mean of weekly medians |") in text


@pytest.mark.parametrize("source, shown", [
    ("the course data, plan_import.baseline(lumen, lumen_comments)",
     "The course data: Lumen's comments.csv, 2025, median of every answer"),
    ("Lumen's Instagram in the course data, pooled, without the recall",
     "The course data: Lumen's Instagram comments.csv, 2025 without the recall weeks, median of "
     "every answer"),
    ("our export, plan_import.weekly(posts).mean() of 2026",
     "our export, weekly mean of 2026"),
    ("Meta Business Suite inbox, 2026", "Meta Business Suite inbox, 2026")])
def test_a_baseline_s_source_is_shown_in_words(source, shown):
    objective = plan.Objective("service", "response_time", "9.95", "6", "2027-03-31",
                               source=source)
    assert plan_export.plain_source(objective) == shown


@pytest.mark.parametrize("source, label", [
    ("the course data: the mean of plan_import.weekly's weekly medians",
     "Mean of weekly median response times (hours)"),
    ("the course data, pooled", "Median response time (hours)"),
    ("our Meta Business Suite inbox", "Median response time (hours)")])
def test_the_response_time_is_named_for_the_measure_its_source_says(source, label):
    lumen = plan.example_plan()
    lumen.objectives = [dataclasses.replace(o, source=source) if o.metric == "response_time" else o
                        for o in lumen.objectives]
    rows = _markdown_cells_by_row(to_markdown(lumen))
    assert [row[1] for row in rows if len(row) == 8 and "response" in row[1].lower()] == [label]


def test_the_budget_shows_the_staged_ask_in_markdown_html_and_word():
    lumen = _staged(plan.example_plan())
    lines = {"First stage": f"{STAGED_ASK['first_stage']} (6,040 USD of new money).",
             "Gate 1": STAGED_ASK["go_no_go"].splitlines()[0], "Gate 3": GATES[2],
             "Payback": STAGED_ASK["payback"]}
    budget = plan_export.part_markdown(lumen, "budget")
    assert all(f"- **{label}**: {text}\n" in budget for label, text in lines.items())
    page = to_html(lumen)
    assert all(f"<li><strong>{label}</strong>: {html.escape(text)}</li>" in page
               for label, text in lines.items())
    texts = [p.text for p in docx.Document(io.BytesIO(to_docx(lumen))).paragraphs]
    budget_texts = texts[texts.index("12. Budget"):texts.index("13. Measurement and reporting")]
    assert all(f"{label}: {text}" in budget_texts for label, text in lines.items())
    empty = plan_export.part_markdown(_staged(lumen, first_stage="", go_no_go="", payback=""),
                                      "budget")
    assert all(f"- **{label}**: not written yet.\n" in empty
               for label in ("First stage", "Go/no-go test", "Payback"))
    one_gate = plan_export.part_markdown(_staged(lumen, go_no_go=GATES[1]), "budget")
    assert f"- **Go/no-go test**: {GATES[1]}\n" in one_gate and "Gate 1" not in one_gate


def test_the_budget_shows_what_is_new_in_markdown_html_and_word():
    """The hours spent on social today, the new money a year and what the plan adds a year
    (Lumen: 35 hours, 17,037 USD and 32,962 USD), read back from each format."""
    lumen = plan.example_plan()
    rows = _budget_rows(lumen)
    expected = {"Of which spent on social today": ["35 hours a week", "the other 7 move from "
                                                   "other work"],
                "New money": ["17,037 USD a year", "the cash the plan adds a year, spending "
                                                   "today aside"],
                "Added cost a year": ["32,962 USD", "new money + 7 moved hours a week × 52 × "
                                                    "43.75 USD an hour"]}
    assert {item: rows[item] for item in expected} == expected
    page = to_html(lumen)
    assert all(f"<td>{html.escape(item)}</td><td>{html.escape(amount)}</td>"
               f"<td>{html.escape(details)}</td>" in page
               for item, (amount, details) in expected.items())
    table = next(t for t in docx.Document(io.BytesIO(to_docx(lumen))).tables
                 if t.rows[0].cells[0].text == "Item")
    read_back = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows}
    assert {item: read_back[item] for item in expected} == expected
    unsaid = _budget_rows(dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, hours_today=0, new_money_per_year=0)))
    assert unsaid["Of which spent on social today"] == [
        "not given", "how many of the people hours are spent on social today"]
    assert unsaid["New money"][0] == "not given" and "Added cost a year" not in unsaid


def test_where_the_moved_hours_come_from_is_in_part_12_and_on_the_director_s_money_page():
    """Part 12 says, under its table, what the hours moved from other work come from, and so does
    the director's page on money (whole, as Lumen's is short), in Word too; blank, the line says it
    is not written; with no hours moved there is no line."""
    lumen = plan.example_plan()
    line = f"**Where the 7 moved hours a week come from**: {lumen.budget.moved_from}"
    assert f"- {line}\n" in plan_export.part_markdown(lumen, "budget")
    money = plan_export.director_markdown(lumen).split("## What it costs", 1)[1].split("## In a crisis")[0]
    assert f"- {line}\n" in money
    words = [p.text for p in docx.Document(io.BytesIO(plan_export.director_docx(lumen))).paragraphs]
    assert line.replace("**", "") in words
    blank = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, moved_from=" "))
    assert ("- **Where the 7 moved hours a week come from**: not written yet.\n"
            in plan_export.part_markdown(blank, "budget"))
    none_moved = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, hours_today=42))
    assert "moved hours a week come from" not in plan_export.to_markdown(none_moved)
    assert "moved hours a week come from" not in plan_export.director_markdown(none_moved)


@pytest.mark.browser
@pytest.mark.parametrize("staged", [False, True])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_lumen_s_summary_prints_on_one_page(tmp_path, paper, staged):
    """The summary, everything before the page break that starts part 1, printed by chromium:
    Lumen's, and Lumen's with a staged ask as long as a worked example's (STAGED_ASK)."""
    from playwright import sync_api

    lumen = plan.example_plan()
    page_text = to_html(_staged(lumen) if staged else lumen, paper)
    summary = page_text[:page_text.index('<h2 class="new-page">')] + "</body>\n</html>\n"
    path = tmp_path / "summary.html"
    path.write_text(summary, encoding="utf-8")
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(path.as_uri())
        pdf = page.pdf(prefer_css_page_size=True)
        browser.close()
    assert "Top risks" in summary and "Weakest dimension" in summary
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1


def _budget_rows(exported_plan):
    part = plan_export.part_markdown(exported_plan, "budget")
    return {row[0]: row[1:] for row in _markdown_cells_by_row(part)}


def test_a_promise_of_a_whole_staffed_day_says_so_in_the_channel_table():
    """Lumen's review sites promise 12.5 staffed hours, its inbox's whole day from 07:00 to 19:30: the
    full plan's channel table reads "12.5 (a staffed day)"; a shorter promise reads as typed."""
    rows = {row[0]: row[-1] for row in _markdown_cells_by_row(
        plan_export.part_markdown(plan.example_plan(), "channels"))}
    assert rows["Review sites"] == "12.5 (a staffed day)" and rows["Instagram"] == "4"


def test_the_channel_table_gives_days_to_weekly_cadences_and_counts_promises_in_staffed_hours():
    """A cadence names its days only when posts keep off some of them ("2 a week, on weekdays",
    "5 a week", "1 a month", never "1 a month, every day"); the promise's hours are read as the
    inbox's open hours."""
    lumen = plan.example_plan()
    part = plan_export.part_markdown(lumen, "channels")
    rows = {row[0]: row[1:] for row in _markdown_cells_by_row(part)}
    assert rows["Channel"][-1] == "Answered within (hours the inbox is staffed)"
    assert rows["YouTube"][2] == "1 a month" and rows["Email newsletter"][2] == "2 a month"
    assert rows["LinkedIn"][2] == "2 a week, on weekdays" and rows["Instagram"][2] == "5 a week"
    on_fridays = dataclasses.replace(lumen, channels=[dataclasses.replace(
        channel, days="Fri") if channel.name == "YouTube" else channel for channel in lumen.channels])
    assert "| 1 a month, on Fri |" in plan_export.part_markdown(on_fridays, "channels")


def test_the_budget_table_prices_the_people_and_totals_a_year_from_its_lines():
    """Lumen's total a year is its people cost, other costs, twelve months of tools and paid
    promotion, and the contingency, whatever the other costs come to."""
    budget = plan.example_plan().budget
    rows = _budget_rows(plan.example_plan())
    amounts = {item: float(re.sub(r"[^\d.]", "", rows[item][0].split(" USD")[0]))
               for item in ("People cost", "Other costs", "Tools", "Paid promotion",
                            "Surge contingency", "Total a year")}
    assert amounts["People cost"] == budget.people_hours * 52 * budget.hourly_cost
    assert amounts["Other costs"] == budget.other_costs_per_year
    assert amounts["Total a year"] == amounts["People cost"] + amounts["Other costs"] + 12 * (
        amounts["Tools"] + amounts["Paid promotion"]) + amounts["Surge contingency"]
    assert rows["Other costs"][1] == budget.other_costs


def test_a_budget_without_an_hourly_cost_totals_wages_aside_and_says_the_cost_is_not_given():
    """Its total a year leaves the wages out and says so (the summary, which summed it before,
    now sends the reader here)."""
    lumen = plan.example_plan()
    unpriced = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, hourly_cost=0))
    rows = _budget_rows(unpriced)
    assert rows["People cost"] == ["not given", "no hourly cost given"]
    budget = unpriced.budget
    spending = budget.other_costs_per_year + 12 * (budget.tools_per_month + budget.paid_per_month)
    assert rows["Total a year"] == [f"{spending + budget.contingency:,.0f} USD, wages aside",
                                    "other costs + 12 × (tools + paid promotion) + surge contingency; "
                                    "no hourly cost given"]


def _calendar_rows(lumen):
    return [[entry.day.isoformat(), entry.day.strftime("%a"), entry.channel, entry.pillar]
            for entry in plan.calendar(lumen)]


def test_the_calendar_is_an_annex_at_the_end_with_a_pointer_in_part_8(tmp_path):
    lumen = plan.example_plan()
    rows, written = _calendar_rows(lumen), _lumen_written(tmp_path)
    pointer = (f"{len(rows)} posts from {plan_export.day_text(rows[0][0])} to "
               f"{plan_export.day_text(rows[-1][0])}, listed day by day in the annex at the end (and "
               "exported as CSV and iCalendar files).")
    assert pointer.startswith("155 posts from 4 January 2027 to 14 February 2027,")
    text = written["lumen.plan.md"].read_text(encoding="utf-8")
    part_8 = text.split("## 8. Calendar: the first 6 weeks\n\n", 1)[1].split("\n\n## ", 1)[0]
    assert part_8 == pointer
    annex = text.split("\n## Annex: calendar of the first 6 weeks\n\n", 1)[1]
    assert _markdown_cells_by_row(annex) == [["Date", "Day", "Channel", "Pillar"], *rows]

    page = written["lumen.plan.html"].read_text(encoding="utf-8")
    assert re.findall(r"<h2[^>]*>([^<]+)</h2>", page)[-2:] == [
        "Notes", "Annex: calendar of the first 6 weeks"]
    assert f"<p>{pointer}</p>" in page
    annex_cells = _Cells()
    annex_cells.feed(page.split('<h2 class="new-page">Annex: calendar of the first 6 weeks</h2>',
                                1)[1].split("</body>", 1)[0])
    assert annex_cells.cells == [cell for row in rows for cell in row]

    document = docx.Document(str(written["lumen.plan.docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[-2:] == ["Notes", "Annex: calendar of the first 6 weeks"]
    assert pointer in [p.text for p in document.paragraphs]
    last = document.tables[-1]
    assert [[cell.text for cell in row.cells] for row in last.rows] == [
        ["Date", "Day", "Channel", "Pillar"], *rows]
    assert len([t for t in document.tables if t.rows[0].cells[0].text == "Date"]) == 1


def test_a_plan_without_posts_has_no_annex():
    lumen = plan.example_plan()
    quiet = dataclasses.replace(lumen, channels=[dataclasses.replace(c, posts=0)
                                                 for c in lumen.channels])
    text = to_markdown(quiet)
    assert "## 8. Calendar: the first 6 weeks\n\nNo posts planned yet." in text
    assert "Annex" not in text


def test_hours_by_person_are_a_table_in_markdown_html_and_word():
    """Lumen's hours as its plan splits them: each person's hours, the posts of the channels they
    own, their hours on the inbox (the 10 inbox hours over the rota's 28 looks) and what is left
    for the other work, which the plan does not split by person (not free: the head of
    marketing's 2.5 are booked, the founder's 3 hold the wholesale outreach). A plan that does not
    split its hours has no table."""
    lumen = plan.example_plan()
    rows = [("Sam", "15", "6.9", "3.6", "4.5"), ("Ade", "15", "8.8", "3.6", "2.6"),
            ("Jo", "5", "0.0", "2.9", "2.1"), ("Head of marketing", "4", "1.5", "0.0", "2.5"),
            ("Founder", "3", "0.0", "0.0", "3.0")]
    loads = plan.person_loads(lumen)
    assert [(name, loads[name].hours, round(loads[name].free(), 1)) for name in loads] == [
        (row[0], float(row[1]), float(row[4])) for row in rows]
    budget = plan_export.part_markdown(lumen, "budget")
    header = ("Person", "Hours", "Posts", "On the inbox", "Left for other work")
    assert f"| {' | '.join(header)} |\n|---|---|---|---|---|\n" + "".join(
        f"| {' | '.join(row)} |\n" for row in rows) in budget
    page = to_html(lumen)
    assert all("".join(f"<td>{cell}</td>" for cell in row) in re.sub(r"\s+<", "<", page)
               for row in rows)
    assert "".join(f"<th>{cell}</th>" for cell in header) in re.sub(r"\s+<", "<", page)
    tables = docx.Document(io.BytesIO(to_docx(lumen))).tables
    assert [tuple(cell.text for cell in row.cells) for table in tables
            if table.rows[0].cells[0].text == "Person" for row in table.rows] == [header, *rows]
    # reader 97: a person a few minutes over, within the tolerance, has 0.0 left, not -0.0
    jo, hours = loads["Jo"], lumen.budget.hours_by_person
    short = round(jo.total() - 0.04, 2)
    lumen.budget.hours_by_person = {**hours, "Jo": short, "Sam": hours["Sam"] + jo.hours - short}
    assert "| Jo | " in plan_export.part_markdown(lumen, "budget")
    assert "-0.0" not in plan_export.part_markdown(lumen, "budget")
    lumen.budget.hours_by_person = {}
    for channel in lumen.channels:
        channel.owner = ""
    assert "| Person | Hours |" not in plan_export.part_markdown(lumen, "budget")


def test_the_numbers_to_ring_stay_on_the_staff_sheet_not_in_the_director_s_summary():
    lumen = plan.example_plan()
    number = lumen.community.contacts["on-call phone"]
    assert number in plan_export.staff_markdown(lumen)
    assert number not in plan_export.part_markdown(lumen, "summary")
    assert number not in plan_export.to_markdown(lumen)
    assert number not in plan_export.director_markdown(lumen)


def test_a_shift_on_the_inbox_reads_as_its_hours_not_as_a_count_of_looks():
    """A rota of shifts ("Jo 07:00 to 16:00") gives Jo every look, nine a day: her row says her
    hours on the inbox, never the count of looks, and the inbox's 10 staffed hours are all hers, not
    the 10.5 that ten-minute looks would add up to (reader 160's people shared 18.8 of 17)."""
    lumen = plan.example_plan()
    shifts = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, rota={day: "Jo 07:00 to 16:00" for day in plan.WEEKDAYS}))
    jo = plan.person_loads(shifts)["Jo"]
    assert jo.looks == 63 and jo.look_hours == 10
    budget = plan_export.part_markdown(shifts, "budget")
    assert f"| Jo | 5 | 0.0 | {jo.look_hours:.1f} |" in budget
    assert not re.search(r"\d looks\)", budget) and "their hours on the inbox by the rota" in budget


@pytest.mark.parametrize("count, unit, said", [
    (1, "orders a month", "order a month"), (2, "orders a month", "orders a month"),
    (1, "staffed hours", "staffed hour"), (0.5, "hours", "hours"), (1, "enquiries a week",
                                                                  "enquiry a week"),
    (1, "batches", "batch"), (1, "points of the plan", "point of the plan"),
    (1, "USD a month", "USD a month"), (1, "% of impressions", "% of impressions")])
def test_a_unit_is_singular_for_a_count_of_one(count, unit, said):
    assert plan.unit_for(count, unit) == said


def test_a_count_of_one_reads_in_the_singular_in_the_exports():
    """An own metric's target of 1, a one-day week and a one-hour promise, as the document, the
    plan's checks and the staff sheet say them."""
    assert plan.MetricSpec("Orders", "orders a month", 0, 10, (), "").amount(1) == "1 order a month"
    lumen = plan.example_plan()
    one = dataclasses.replace(
        lumen, community=dataclasses.replace(lumen.community, days=1, minutes_per_reply=1),
        channels=[dataclasses.replace(c, response_hours="1") for c in lumen.channels])
    document, sheet = to_markdown(one), plan_export.staff_markdown(one)
    assert "**Staffed**: 1 day a week, 07:00 to 19:30" in document
    assert "about 1 minute each" in document
    assert ("Staffed 1 day a week, 07:00 to 19:30. The fastest promise is 1 staffed hour: look "
            "through every inbox at least every 1 hour,") in sheet
    assert not re.search(r"\b1 (?:days|hours|minutes|looks|points|posts|orders)\b",
                         document + sheet)


# ---------------------------------------------------------------------------- the director's version

LUMEN_BUDGET = plan.example_plan().budget
DIRECTOR_HEADINGS = ["Executive summary", "The objectives", "What it costs and what it returns",
                     "In a crisis: who decides"]
# Lumen's figures a director approving the money needs, as each format of the director's version
# gives them: the total a year, the new money, the added cost, the first stage's days and new money,
# the surge reserve, the payback, the returns and who approves in a crisis.
LUMEN_DIRECTOR_FIGURES = [
    f"{LUMEN_BUDGET.total():,.0f} USD", f"{LUMEN_BUDGET.new_money_per_year:,.0f} USD",
    f"{LUMEN_BUDGET.added_per_year():,.0f} USD", "4 January to 31 March 2027",
    f"{LUMEN_BUDGET.first_stage_cost:,.0f} USD of new money", f"{LUMEN_BUDGET.contingency:,.0f} USD, held",
    "June 2033 at 35 hours", "The plan earns back 4,712 USD in 2027 and, to the nearest 1,000, "
    "18,000 in 2028",
    "The founder or head of marketing, first to answer"]


def _director_written(tmp_path, exported_plan, name="lumen"):
    """The director's version's four files as `export` writes them: the Markdown, the HTML pages'
    text (tags left out), and the Word document's paragraphs and table cells, one text each."""
    written = {path.name: path for path in export(exported_plan, tmp_path / f"{name}.plan.json")}
    texts = {suffix: written[f"{name}.plan.director.{suffix}"].read_text(encoding="utf-8")
             for suffix in ("md", "html", "letter.html")}
    for suffix in ("html", "letter.html"):
        texts[suffix] = html.unescape(re.sub(r"<[^>]+>", "", texts[suffix]))
    document = docx.Document(str(written[f"{name}.plan.director.docx"]))
    texts["docx"] = "\n".join([p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells])
    return texts, document


def test_the_director_s_version_reads_back_lumen_s_figures_in_every_format(tmp_path):
    lumen = plan.example_plan()
    texts, document = _director_written(tmp_path, lumen)
    for name, text in texts.items():
        assert [figure for figure in LUMEN_DIRECTOR_FIGURES if figure not in text] == [], name
    markdown = texts["md"]
    assert markdown.startswith("# Social media plan in brief: Lumen Coffee Roasters\n\nStarts 4 "
                               "January 2027. The decision, goal and top risks first")
    assert re.findall(r"^## (.+)$", markdown, re.MULTILINE) == DIRECTOR_HEADINGS
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == DIRECTOR_HEADINGS
    assert markdown == plan_export.director_markdown(lumen)
    assert "- **Approves what we say**: The founder or head of marketing, first to answer" in markdown
    assert ("- **First stage, 4 January to 31 March 2027**: 6,686 USD of new money. Approve a "
            "16,000 reserve and January to March 2027, if December's timing") in markdown


def test_the_director_s_version_gives_every_objective_with_what_it_is_judged_on_without_sources():
    """Page 2 lists every metric with its milestones (the first page says how many and of which
    outcomes), as the summary's table does: outcome, measure, baseline → targets and dates, and
    what each is judged on: the mean of its periods and two spreads over their root, the spread
    never below chance's (√6 for 6 reviews a month), and under the table how that is read."""
    lumen = plan.example_plan()
    brief = plan_export.director_markdown(lumen)
    summary, rest = brief.split("\n---\n", 1)
    metrics = list(dict.fromkeys((o.outcome, o.metric) for o in lumen.objectives))
    assert (f"**Objectives**: {len(metrics)} measures of loyalty, sales, reviews, service, leads and "
            "partnerships, on the next page.") in summary
    rows = _markdown_cells_by_row(rest.split("## What it costs", 1)[0])
    assert rows[0] == ["Outcome", "Measure", "Baseline → target", "By", "Judged on"]
    assumed = {"loyalty", "sales", "reviews", "leads", "partnerships"}  # Lumen's own records, assumed
    assert [(row[0], row[2]) for row in rows[1:]] == [
        (group[0].outcome, " → ".join([group[0].baseline + " (assumed)" * (group[0].outcome in assumed),
                                       *(o.target for o in group)]))
        for group in ([o for o in lumen.objectives if (o.outcome, o.metric) == metric]
                      for metric in metrics)]
    assert rows[4] == ["service", "Mean of weekly median response times (hours)", "8.0 → 4.5 → 4.5",
                       "31 March, 31 December 2027",
                       "12-week mean by 31 March (±2.5), 26-week by 31 December (±1.7)"]
    assert 2 * 4.3 / 12 ** 0.5 == pytest.approx(2.48, abs=0.01) and 2 * 4.3 / 26 ** 0.5 == pytest.approx(
        1.69, abs=0.01)
    reach = 2 * max(2.5, 6 ** 0.5) / 3 ** 0.5
    assert rows[3][4] == f"3-month mean by each date, ±{reach:.1f}" == (
        "3-month mean by each date, ±2.9")
    # reader 112: mentions answered, typed ±4.3 but judged by chance's own 100√(0.41 × 0.59 / 96) = 5.0
    # points, so ±5.8 over 3 months; the full plan's noise column now says so, and the reach follows
    chance = 100 * (0.41 * 0.59 / 96) ** 0.5
    assert rows[6][4] == f"3-month mean by each date, ±{2 * chance / 3 ** 0.5:.1f} points" \
        == "3-month mean by each date, ±5.8 points"  # a rate moves by points
    again = dataclasses.replace(lumen.objectives[0], baseline="30", target="40")  # reader 160's
    counted = plan_export.director_markdown(dataclasses.replace(lumen, objectives=[*lumen.objectives, again]))
    assert (f"**Objectives**: {len(metrics) + 1} targets on {len(metrics)} measures of loyalty, sales, "
            "reviews") in counted  # a row of its own from another baseline
    one_date = [o for o in lumen.objectives if o.by != "2027-12-31"]  # reader 151: one date, not each
    assert _markdown_cells_by_row(plan_export.director_markdown(dataclasses.replace(
        lumen, objectives=one_date)).split("## The objectives")[1])[3][4] == "3-month mean by the date, ±2.9"
    objectives = plan_export.part_markdown(lumen, "objectives")
    assert "| varies by 4.3 a month, chance alone 5.0; mean of 3 months |" in objectives
    assert "| varies by 3.5 a month; mean of 3 months |" in objectives
    assert ("- **How they are judged**: at each date, the mean of the months or weeks by it meets the "
            "target or misses it;") in rest
    assert "| 12 (assumed) → 18 → 22 |" in rest and "| 8.0 → 4.5 → 4.5 |" in rest  # from the course data
    assert "over √periods. An assumed baseline is not yet measured, nor its spread.\n" in rest
    measured = dataclasses.replace(lumen, objectives=[
        dataclasses.replace(o, source=o.source.replace(" (assumed)", "")) for o in lumen.objectives])
    assert "assumed" not in plan_export.director_markdown(measured).split("## The objectives")[1].split(
        "## What it costs")[0]
    assert "Noise" not in brief and "Baseline from" not in brief


def _director_summary_markdown(exported_plan):
    """The first page of the director's version as Markdown, up to the rule before page 2."""
    return plan_export.director_markdown(exported_plan).split("\n---\n", 1)[0]


def test_the_director_s_first_page_puts_the_decision_first_under_headings():
    """The director's page opens with the decision and its ask, then the goal and where the
    objectives are, then the top risks, each under a heading; its opening line says so. The full
    plan's summary keeps its own order (the lesson shows it), under two of the headings."""
    lumen = plan.example_plan()
    summary = _director_summary_markdown(lumen)
    headings = ["### Decision needed", "### Goal and objectives", "### Top risks"]
    assert [line for line in summary.splitlines() if line.startswith("### ")] == headings
    order = [summary.index(text) for text in (
        "The decision, goal and top risks first; the figures follow.",
        "### Decision needed",
        "\nApprove the first stage, 4 January to 31 March 2027, with the money", "| The money |",
        "| Pays back |", "- **Gate 1**", f"### Goal and objectives\n\n{lumen.summary}\n\n- **Listening**",
        "**Objectives**:", "### Top risks",
        "- **The case rests on**:", "- **Tightest target**:", "- **The inbox**:")]
    assert order == sorted(order)
    assert "| Outcome |" not in summary  # the objectives are tabled once, on the next page
    full = _summary_markdown(to_markdown(lumen))
    assert full.index(lumen.summary) < full.index("| Outcome |") < full.index("### Decision needed")
    assert [line for line in full.splitlines() if line.startswith("### ")] == [headings[0], headings[2]]


def _money_box(exported_plan):
    """The first page's money box as Markdown cells, by its rows' names."""
    summary = _director_summary_markdown(exported_plan)
    box = summary[summary.index("| The money |"):].split("\n\n", 1)[0]
    return {row[0]: row[1:] for row in _markdown_cells_by_row(box)[1:]}


def test_the_director_s_money_box_states_each_figure_once_from_the_plan():
    """One box on the first page, beside the first stage and a full year: the new money, the staff
    time moved from other work and its worth, the two together, the reserve (held), what the plan
    earns back and when it pays back; each figure read back equals the budget's own, and none of
    them is stated again elsewhere on the page. The full plan's summary keeps its ask."""
    lumen = plan.example_plan()
    budget, weeks = lumen.budget, 87 / 7  # 4 January to 31 March 2027: 87 days
    moved, a_year = budget.moved_hours(), budget.moved_hours() * 52 * budget.hourly_cost
    stage_time = 3806  # 7 hours × 87/7 weeks × 43.75 USD = 3,806.25
    assert f"{moved * weeks * budget.hourly_cost:,.2f}" == "3,806.25"
    summary = _director_summary_markdown(lumen)
    assert "| The money | First stage | A full year |" in summary  # its days are in the decision above it
    assert "Approve the first stage, 4 January to 31 March 2027, with the money" in summary
    assert _money_box(lumen) == {
        "New money (cash)": [f"{budget.first_stage_cost:,.0f} USD, 2,475 of it paid once",  # the day
                             f"{budget.new_money_per_year:,.0f} USD, and 2,475 paid once"],  # training
        f"Staff time moved from other work, {moved:g} hours a week": [
            f"worth {stage_time:,} USD (12.4 weeks)", f"worth {a_year:,.0f} USD"],
        "Cash and staff time together": [f"{budget.first_stage_cost + stage_time:,} USD",
                                         f"{budget.added_per_year():,.0f} USD, and 2,475 paid once"],
        "Reserve for a surge": [f"{budget.contingency:,.0f} USD, held", "the same, held each year"],
        "What it earns back": ["–", "The plan earns back 4,712 USD in 2027 and, to the nearest 1,000, "
                               "18,000 in 2028 and 30,000 in 2029: 53,000 against 101,000 of cost. "
                               "Loses 31,000 in 2027 (35,389 of cost, staff time in it, less the "
                               "4,712), 48,000 short at 2029's end, all without a surge."],
        "Pays back": ["–", "June 2033 at 35 hours (at 31, June 2036; never at the data's 18)"]}
    for figure in (budget.first_stage_cost, budget.new_money_per_year, budget.added_per_year(),
                   budget.contingency, a_year):
        assert summary.count(f"{figure:,.0f}") == 1, figure
    assert f"{budget.total():,.0f}" not in summary
    assert summary.count("cheaper") == 1
    assert "or the cheaper option's first stage, 5,910 USD, at 27 to 30" in summary
    assert "2027's cash" not in plan_export.director_markdown(lumen)  # a rival year's figure, dropped
    assert list(_decision_markdown(lumen)[1]) == ["Reserve for a surge", "A full year", "Pays back",
                                                  "Rests on"]  # the full plan's summary as before
    silent = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, case=lumen.budget.case.partition("\n\n")[0], payback="June 2033."))
    assert "What it earns back" not in _money_box(silent)
    stated = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, case="The ask: 500 USD.", payback="In 2029. It earns 400 USD a year."))
    assert _money_box(stated)["What it earns back"] == ["–", "It earns 400 USD a year."]
    unit_first = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, case=(
        "An extra e-bike service earns about 50 GBP after parts. Each order earns 5. The plan earns back "
        "about 5,800 in 2027.")))  # what one unit earns is a figure behind the case, not its return
    assert _money_box(unit_first)["What it earns back"][1].startswith("The plan earns back about 5,800")


@pytest.mark.parametrize("stage, days, worth, weeks", [
    ("January to March 2027: the tools", "4 January to 31 March 2027", 3806, 12.4),  # 7 × 43.75 × 87/7 days
    ("5 January to 15 February 2027: the tools", "5 January to 15 February 2027", 1838, 6),  # 1,837.5, up
    ("The first ten weeks: the tools", "4 January to 14 March 2027", 3063, 10)])  # 3,062.5, up
def test_the_first_stage_s_staff_time_is_worth_its_weeks_and_the_sum_is_of_the_figures_shown(
        stage, days, worth, weeks):
    """A stage of six weeks is not priced as two whole months, nor one of ten weeks left unpriced;
    the box's sum adds the figures as printed (733 and 952 make 1,685, not a rounding away)."""
    lumen = plan.example_plan()
    staged = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, first_stage=stage, first_stage_cost=733.4))
    box = _money_box(staged)
    assert f"Approve the first stage, {days}, with the money" in _director_summary_markdown(staged)
    staff_time = box["Staff time moved from other work, 7 hours a week"][0]
    assert staff_time == f"worth {worth:,} USD ({weeks:g} weeks)"
    assert box["Cash and staff time together"] == [f"{733 + worth:,} USD", "32,962 USD, and 2,475 paid once"]


def test_a_plan_without_a_budget_has_a_money_box_that_says_what_is_not_written_yet():
    blank = plan.Plan(start="2027-01-04")
    assert _money_box(blank) == {
        "New money (cash)": ["not written yet (Budget: First stage)",
                             "not written yet (Budget: New money a year)"],
        "Staff time moved from other work": [
            "–", "hours spent on social today not written yet (Budget: Of these, today)"],
        "Reserve for a surge": ["none (Budget: Surge contingency a year)", "–"],
        "Pays back": ["–", "when it pays back is not written yet (Budget: Payback)."]}
    brief = plan_export.director_markdown(blank)
    assert "- **The cheaper option**: none named in the case.\n" in brief
    assert "| Total a year | 0 [currency], wages aside |" in brief  # no share spent today without its figures


def test_the_director_s_budget_table_says_what_of_its_total_is_spent_today():
    """Page 2's total is everything a year, today's hours included: it says what of it is spent
    today (the total less the reserve and the first page's cash and staff time), and gives no rival
    new money or added cost."""
    lumen = plan.example_plan()
    budget = lumen.budget
    rest = plan_export.director_markdown(lumen).split("\n---\n", 1)[1]
    money = rest.split("## What it costs", 1)[1]
    rows = {row[0]: row[1:] for row in _markdown_cells_by_row(money.split("\n- ", 1)[0])}
    today = budget.total() - budget.contingency - budget.added_per_year()
    assert today >= budget.hours_today * 52 * budget.hourly_cost  # today's hours, and what is paid
    assert rows["Everything a year, with today's spending and reserve"] == [
        f"{budget.total():,.0f} USD", f"of which {today:,.0f} USD is spent today (the "
        f"{budget.hours_today:g} hours on social and what is paid today); the rest is the first "
        "page's cash, staff time and reserve, the reserve only if needed"]
    none_held = dataclasses.replace(lumen, budget=dataclasses.replace(budget, contingency=0))
    money = plan_export.director_markdown(none_held).split("\n---\n", 1)[1].split("## What it costs", 1)[1]
    rows = {row[0]: row[1:] for row in _markdown_cells_by_row(money.split("\n- ", 1)[0])}
    assert rows["Everything a year, with today's spending"][1].endswith(
        "the rest is the first page's cash and staff time")
    assert "New money" not in rows and "Added cost a year" not in rows and "Total a year" not in rows


def test_the_director_s_reserve_row_says_what_the_reserve_is_held_for():
    """Reader 118 asked what else the 16,000 pays for: the row gives the case's sentences that name
    the reserve, and a case that names none says it is held for the surge priced under the crisis."""
    lumen = plan.example_plan()

    def reserve_row(exported_plan):
        money = plan_export.director_markdown(exported_plan).split("## What it costs", 1)[1]
        return {row[0]: row[1:] for row in _markdown_cells_by_row(money.split("\n- ", 1)[0])}[
            "Surge contingency"]

    named = [sentence for sentence in re.split(r"(?<=\.)\s+", " ".join(lumen.budget.case.split()))
             if "reserve of 16,000" in sentence]
    assert len(named) == 1 and "overnight alert" in named[0]
    assert reserve_row(lumen) == ["16,000 USD a year", named[0]]
    silent = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, case="The ask: 500 USD."))
    assert reserve_row(silent) == ["16,000 USD a year", "held for a surge (In a crisis, below)"]
    asked = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, case=(  # reader 160's
        "The ask: 6,686 USD a year of new money: paid promotion and tools; a surge reserve of 16,000 "
        "is held apart. The plan earns back 4,712 USD in 2027.")))
    assert reserve_row(asked) == ["16,000 USD a year", "held for a surge (In a crisis, below)"]
    listed = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, case=(  # reader 163's
        f"The owner is asked for USD {lumen.budget.new_money_per_year:,.0f} a year in new cash (ads, "
        "tools), a surge reserve of USD 16,000, and 7 hours a week moved. The plan earns back 4,712 USD.")))
    assert reserve_row(listed) == ["16,000 USD a year", "held for a surge (In a crisis, below)"]


def test_short_labels_and_amounts_print_on_one_line():
    """The full summary's ask keeps its labels, and the director's budget its amounts, on one line
    each (a wrapped "Reserve for a surge" cost the summary its room on Letter paper); no other
    column is held unbroken."""
    lumen = plan.example_plan()
    nowrap = '<td style="white-space:nowrap">'
    full = to_html(lumen, "Letter")
    ask = full[full.index("<th>The ask</th>"):].split("</table>", 1)[0]
    assert ask.count(nowrap) == 4 and f"{nowrap}Reserve for a surge</td><td>16,000" in ask
    brief = plan_export.director_html(lumen, "A4")
    budget = brief[brief.index("<th>Item</th>"):].split("</table>", 1)[0]
    assert f"<td>People</td>{nowrap}42 hours a week</td><td>" in budget
    assert budget.count(nowrap) == budget.count("<tr>") == 8  # every row of the body
    assert full.count(nowrap) == 4 and brief.count(nowrap) == budget.count(nowrap)


def test_the_director_s_version_sets_the_cheaper_option_beside_the_plan():
    """Page 2 tables the plan beside the cheaper option its case names, after the cash and the staff
    hours it saves and their sum (reader 128 read a bare 9,180 total as cash, reader 130 missed it),
    its cash and its staff hours apart: the option's new money and moved hours are the plan's less
    what the case says it saves, its payback and what it loses the plan's own words; a case whose
    option says no figures says so in the cells."""
    lumen = plan.example_plan()
    budget = lumen.budget
    rest = plan_export.director_markdown(lumen).split("\n---\n", 1)[1]
    saved_cash, saved_hours = 3080, 2.68  # as Lumen's case says: "3,080 of cash (…) and 2.68 moved hours"
    time_saved = round(saved_hours * budget.hourly_cost * 52, -1)
    assert f"{saved_cash + time_saved:,.0f}" == "9,180" and f"({time_saved:,.0f})" in budget.case
    assert ("**The cheaper option**, without YouTube, Threads and the paid promotion, beside the plan "
            "(saving 3,080 USD of cash a year and 2.68 staff hours a week, worth 6,100: 9,180 in all):\n\n"
            "| Side by side | The plan | The cheaper option |") in rest
    parts = "promotion 2,400, holiday cover 560, a Buffer channel 120"
    assert f"{saved_cash:,} of cash ({parts}) and {saved_hours} moved hours" in " ".join(budget.case.split())
    table = rest[rest.index("| Side by side |"):].split("\n\n", 1)[0]
    assert {row[0]: row[1:] for row in _markdown_cells_by_row(table)[1:]} == {
        "New money a year": [f"{budget.new_money_per_year:,.0f} USD",
                             f"{budget.new_money_per_year - saved_cash:,.0f} USD "
                             f"({saved_cash:,} less: {parts})"],
        "Staff time moved from other work": [
            f"{budget.moved_hours():g} hours a week",
            f"{budget.moved_hours() - saved_hours:.2f} hours a week ({saved_hours} fewer, worth "
            f"{time_saved:,.0f} USD a year)"],
        "Pays back": ["June 2033 at 35 hours", budget.payback.split(": ", 1)[1].split(".")[0]],
        "What it loses": ["–", "a video, an untested channel and the paid test, assumed to bring no "
                          "sales"],
        "Why the plan": ["The plan is chosen over the cheaper option for its paid test.", "–"]}  # reader 108
    vague = dataclasses.replace(lumen, budget=dataclasses.replace(
        budget, case="The ask: 500 USD.\n\nA cheaper option saves about a third.", payback="In 2029."))
    brief = plan_export.director_markdown(vague)
    table = brief[brief.index("| Side by side |"):].split("\n\n", 1)[0]
    assert [row[2] for row in _markdown_cells_by_row(table)[1:]] == [
        "not stated in the case"] * 2 + ["not stated in the payback", "not stated in the case", "–"]
    assert [row[1] for row in _markdown_cells_by_row(table)[1:]][-1] == (
        "not stated: say why the plan is chosen over the cheaper option (Budget: Payback)")
    assert "- **More on payback and returns**: A cheaper option saves about a third." in \
        plan_export.director_markdown(vague)
    one_sum = dataclasses.replace(lumen, budget=dataclasses.replace(budget, case=(
        "The ask: 17,037 USD a year of new money.\n\nThe cheaper option, without the paid posts, saves "
        "1,200 USD a year and loses the spring push."), payback="July 2027; the cheaper option by May 2027."))
    brief = plan_export.director_markdown(one_sum)  # a florist's: one sum saved is cash
    assert "**The cheaper option**, without the paid posts, beside the plan:" in brief
    table = brief[brief.index("| Side by side |"):].split("\n\n", 1)[0]
    assert [row[2] for row in _markdown_cells_by_row(table)[1:]] == [
        "15,837 USD (1,200 less)", "not stated in the case", "by May 2027", "the spring push", "–"]
    later = dataclasses.replace(one_sum, budget=dataclasses.replace(one_sum.budget, payback=(
        "July 2027. If orders stay flat it never pays back. The cheaper option pays back about "
        "June 2028, on 5 more orders a month rather than 8 (assumed).")))
    brief = plan_export.director_markdown(later)  # reader 156's: its payback in a later sentence
    table = brief[brief.index("| Side by side |"):].split("\n\n", 1)[0]
    assert _markdown_cells_by_row(table)[3][2] == (
        "about June 2028, on 5 more orders a month rather than 8 (assumed)")
    cash_too = dataclasses.replace(one_sum, budget=dataclasses.replace(one_sum.budget, payback=(
        "July 2027. The cheaper option: never, at 5 more orders a month (assumed; 3,000 USD earned "
        "against 4,100 of cost a year); on cash alone its 1,314 USD is earned back by February 2027.")))
    brief = plan_export.director_markdown(cash_too)  # reader 160's: the sentence's rest is the option's
    table = brief[brief.index("| Side by side |"):].split("\n\n", 1)[0]
    assert _markdown_cells_by_row(table)[3][2] == (
        "never, at 5 more orders a month (assumed; 3,000 USD earned against 4,100 of cost a year); on "
        "cash alone its 1,314 USD is earned back by February 2027")
    assert brief.count("its 1,314 USD is earned back") == 1  # not again under "More on payback"
    assert plan_export.cheaper_paybacks(cash_too) is None  # "never" is no day, February 2027 not its


def test_the_director_s_tightest_target_gives_its_change_beside_what_chance_moves():
    """Reader 91 found "1.0 times what chance alone can move it" course talk on the director's
    page: the director reads the change and chance's reach side by side, computed the same way."""
    lumen = plan.example_plan()
    reviews = next(objective for objective in lumen.objectives if objective.outcome == "reviews")
    reach = plan.NOISE_WIDTH * plan.noise_spread(reviews, lumen) / float(reviews.periods or 1) ** 0.5
    assert (f"- **Tightest target**: reviews, 6 to 9 by 30 June 2027, where chance can move it by "
            f"about {reach:.1f}: an early report that shows no change proves little."
            ) in _director_summary_markdown(lumen)
    assert "is 1.0 times what chance can move it" in plan_export.to_markdown(lumen)


def test_the_inbox_s_looks_are_the_rota_s_when_it_holds_more_than_the_promise_needs():
    """Reader 156's rota looked four times a day where its 4-hour promise needed three; both pages
    priced three. Lumen's 28 looks a week are 4.7 hours at 10 minutes, whatever its promise; its
    total is the sum of its parts as printed (reader 157 read "6.2 … 4.5: 10.8")."""
    lumen = plan.example_plan()
    for channel in lumen.channels:
        channel.response_hours = "12"  # a look a day would keep it
    line = next(line for line in _director_summary_markdown(lumen).splitlines() if "**The inbox**" in line)
    assert "Answering the 77 messages a week planned for takes 5.1 hours and the looks 4.7: 9.8 of " in line
    assert plan.timed_looks(lumen.community) == 28 and lumen.community.looks_a_day(12) == 2
    lumen.community.messages_per_week, lumen.community.dms_per_week = 75, 0  # 6.25 hours of replies
    lumen.community.minutes_per_reply = 5
    line = next(line for line in _director_summary_markdown(lumen).splitlines() if "**The inbox**" in line)
    assert "takes 6.3 hours and the looks 4.7: 11.0 of " in line  # 6.25 + 4.67 is 10.9, printed as its parts


def test_the_director_s_risks_say_what_the_inbox_promise_is_and_the_weakest_dimension_is_a_commitment():
    """The inbox's risk, in plain sentences, says the promise is a look every fastest promise, in
    staffed hours, not an answer to each message within it, and names no table the director's
    version leaves out; the weakest dimension's action is something the director commits to, under
    the decision, not a risk. The full plan's summary keeps its lines (the lesson shows them)."""
    lumen = plan.example_plan()
    summary = _director_summary_markdown(lumen)
    decision, risks = summary.split("### Top risks", 1)
    team = lumen.community
    replies = 77 * team.minutes_per_reply / 60  # reader 77: the looks are no message time
    assert ("- **The inbox**: staffed every day, 07:00 to 19:30, and looked through at least every 4 "
            "hours. "
            f"Answering the 77 messages a week planned for takes {replies:.1f} hours and the looks "
            f"{team.hours_needed(4) - replies:.1f}: {team.hours_needed(4):.1f} of the 10 weekly hours "
            f"set aside if a look takes 10 minutes, {team.hours_needed(4, 20):.1f} if 20: more messages "
            "or slower looks, and answers wait longer.\n") in risks
    del team.rota["Mon"], team.rota["Sun"]
    assert "staffed Tue–Sat, 07:00 to 19:30, and looked" in _director_summary_markdown(lumen)
    team.rota = {"Mon": "Sam", "Wed": "Sam", "Thu": "Jo", "Fri": "Jo"}
    assert "staffed Mon and Wed–Fri, 07:00 to 19:30, and looked" in _director_summary_markdown(lumen)
    assert "each answered within" not in summary and "Weakest dimension" not in summary
    assert "channel table" not in plan_export.director_markdown(lumen)
    action = lumen.actions[lumen.weakest]
    assert f"- **The plan also depends on**: {action.step} (Founder, by 4 January 2027).\n" in decision
    full = _summary_markdown(to_markdown(lumen))
    assert "each answered within 4 staffed hours (the fastest promise)" in full
    assert "**Weakest dimension, commitment**" in full and "The plan also depends on" not in full


def test_the_director_s_risks_open_with_what_the_case_rests_on_whole_and_the_ask_leaves_it_out():
    """What the case rests on decides whether the plan pays back: the director's top risks open
    with all of it, the first clause too, in whole sentences (a long text keeps its opening
    sentences and says where the full plan has it whole), and the ask has no row repeating it. The
    full plan's summary keeps its row and its risk of what else the case rests on."""
    lumen = plan.example_plan()
    decision, risks = _director_summary_markdown(lumen).split("### Top risks\n\n", 1)
    assert risks.splitlines()[0] == f"- **The case rests on**: {lumen.budget.rests_on}"
    assert "| Rests on |" not in decision and "also rests on" not in risks
    assert "35 hours a week on social today" not in decision
    full = _summary_markdown(to_markdown(lumen))
    assert _decision_markdown(lumen)[1]["Rests on"] == LUMEN_S_ASK["Rests on"]
    assert "- **The case also rests on**: wholesale, 96% of 2029's value" in full
    long_premise = " ".join(["That 35 hours a week are spent on social today, timed in December."]
                            + [f"That café {n} orders two bags a week for three years." for n in range(10)])
    variant = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, rests_on=long_premise))
    first = _director_summary_markdown(variant).split("### Top risks\n\n", 1)[1].splitlines()[0]
    assert first == ("- **The case rests on**: That 35 hours a week are spent on social today, timed in "
                     "December. " + " ".join(f"That café {n} orders two bags a week for three years."
                                             for n in range(6)) + " (More in part 12 of the full plan.)")


def test_the_director_s_word_document_heads_the_decision_and_the_risks():
    """In Word the first page's parts are headings a level below the page's (Heading 2), not bold
    paragraphs, and so are the full plan's summary's (reader 108), so Word's navigation finds them."""
    lumen = plan.example_plan()
    document = docx.Document(io.BytesIO(plan_export.director_docx(lumen)))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"] == [
        "Decision needed", "Goal and objectives", "Top risks"]
    assert '<h3>Decision needed</h3>' in plan_export.director_html(lumen)
    full = docx.Document(io.BytesIO(to_docx(lumen)))
    assert [p.text for p in full.paragraphs if p.style.name == "Heading 2"][:2] == [
        "Decision needed", "Top risks"]


def test_the_director_s_version_leaves_the_running_of_the_plan_to_the_full_plan_and_staff_sheet():
    lumen = plan.example_plan()
    brief = plan_export.director_markdown(lumen)
    assert lumen.voice[:40] not in brief and lumen.pillars[0].description[:40] not in brief
    assert "Mon–Tue" not in brief and "Rota" not in brief and "Annex" not in brief
    assert not re.search(r"\d{4}-\d{2}-\d{2}", brief)  # no calendar day; every date as "4 January 2027"
    assert lumen.budget.other_work[:40] not in brief  # the hours' breakdown is part 12's
    assert "Of which other work" not in brief and "The case in figures" not in brief


def test_a_long_text_is_shortened_at_a_sentence_never_inside_one_and_says_where_it_is_whole():
    """The director's version gives a text whole up to DIRECTOR_WORDS words; a longer one loses its
    asides that carry no figure nor an assumption, then its later sentences, and says where the
    full plan has the rest; a single sentence longer than that is given whole, never cut with "…"."""
    lumen = plan.example_plan()
    words = plan_export.DIRECTOR_WORDS
    sentence = "It buys the tools " + "and the training " * words + "at last."

    def bought(ask):
        variant = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, case=ask))
        return next(line for line in plan_export.director_markdown(variant).splitlines()
                    if line.startswith("- **What the new money buys**"))

    assert bought(f"It costs 500 USD a year (an estimate). {sentence}") == (
        "- **What the new money buys**: It costs 500 USD a year. (More in part 12 of the full plan.)")
    assert bought(f"It costs 500 USD a year (assumed). {sentence}") == (  # reader 156: an assumption stays
        "- **What the new money buys**: It costs 500 USD a year (assumed). (More in part 12 of the full "
        "plan.)")
    assert bought(f"It costs 500 USD a year (12 × 41.67, assumed). {sentence}") == (
        "- **What the new money buys**: It costs 500 USD a year (12 × 41.67, assumed). (More in part "
        "12 of the full plan.)")
    assert bought(sentence) == f"- **What the new money buys**: {sentence}"
    payback = f"{sentence.removesuffix('.')} in 2031. It loses 9,000 USD in 2027."
    long_lead = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, payback=payback))
    rows = dict(row[:2] for row in _markdown_cells_by_row(plan_export.director_markdown(long_lead)))
    assert rows["Pays back"] == f"{sentence.removesuffix('.')} in 2031."  # whole, on the first page too
    full = to_markdown(long_lead)  # its summary notes the sentence whole
    number = next(row[1] for row in _markdown_cells_by_row(full) if row[0] == "Pays back")
    number = number.removeprefix("see note ")
    assert _markdown_notes(full)[number] == f"{sentence.removesuffix('.')} in 2031."


def test_no_cell_of_the_director_s_version_is_cut_and_its_asides_with_figures_stay():
    """No cell of the director's version, in any format, is cut with "…": a detail too long for a
    cell keeps its opening sentences, whole; the asides that carry figures stay, so that the new
    money's items reconcile with the budget table (tools 250 a month less the 40 paid today) and the
    first stage (sample bags 990 in 2027, 180 of them in its three months)."""
    for exported_plan in (plan.example_plan(), _staged(plan.example_plan())):
        brief = plan_export.director_markdown(exported_plan)
        page = _Cells()
        page.feed(plan_export.director_html(exported_plan))
        document = docx.Document(io.BytesIO(plan_export.director_docx(exported_plan)))
        word = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        for cells in (_markdown_cells(brief), page.cells, word):
            assert len(cells) > 40 and not [cell for cell in cells if "…" in cell]
        assert "…" not in brief
    brief = plan_export.director_markdown(plan.example_plan())
    rows = {row[0]: row[1:] for row in _markdown_cells_by_row(brief)}
    assert rows["Tools"] == ["250 USD a month", "About 250 USD a month, our estimate of November 2026; "
                             "the head of marketing confirms each price by 18 December 2026, 17 days "
                             "before the start. (More in part 12 of the full plan.)"]
    assert "tools 2,520 (250 a month less the 40 paid today)" in brief
    assert "sample bags 1,080 (990 in 2027)" in brief and "sample bags 180," in brief


def test_the_surge_line_keeps_what_a_surge_costs_and_the_returns_what_the_first_page_leaves():
    """Of a long surge, the director's version keeps the first sentence and the sentences that price
    a surge (the reserve itself is on the first page); of the case's figures and the payback, the
    sentences on the cheaper option and what the plan earns, saves or loses that the first page's
    ask does not give."""
    lumen = plan.example_plan()
    brief = plan_export.director_markdown(lumen)
    surge = next(line for line in brief.splitlines() if line.startswith("- **Surge reserve**"))
    assert surge.startswith("- **Surge reserve**: One surge a year like the 2025 recall")
    assert "A surge week, hours past 40 at time and a half, costs about 2,892 USD" in surge
    assert "Day of Rest" not in surge and surge.endswith("(More in part 12 of the full plan.)")
    returns = next(line for line in brief.splitlines()
                   if line.startswith("- **More on payback and returns**"))
    assert returns == (
        "- **More on payback and returns**: As wholesale accounts build up, from 2030 it earns more than a "
        "year's cost: about 39,000 against 32,962. If enquiries fall back to 2026's level after 2027, "
        "neither option pays back. The paid promotion stops if its cost per order on its ad-only code is "
        "above the 6.40 USD an extra order earns, after three months. The 35,389 is a year's 35,437 less "
        "90 of bags while enquiries climb, plus Buffer's 42. (More, and the gates in full, in part 12 "
        "of the full plan.)")  # why the plan is chosen: beside the cheaper option, in its table
    assert "It loses a video" not in brief  # beside the plan, in the cheaper option's table


def test_the_director_s_version_says_each_thing_once():
    """Pages 2 and 3 carry only what the first page does not: the gates, the payback, what the case
    rests on, the first report and the surge reserve are on the first page alone; the gates' asides
    (the odds) are left to the full plan, which the line on payback and returns points to (or a
    line of their own when that line has nothing to say, none when there are no asides), the
    objectives are tabled once, all of them, and the crisis gives who approves and the surge, not
    the staff sheet's steps."""
    lumen = plan.example_plan()
    brief = plan_export.director_markdown(lumen)
    summary, rest = brief.split("\n---\n", 1)
    for line in ("- **Gate 1**:", "- **Gate 2**:", "| Reserve for a surge", "- **The case rests on**:",
                 "- **First report**:", "June 2033 at 35 hours (at 31, June 2036;",
                 "35 hours a week on social today", "The plan earns back 4,712 USD in 2027"):
        assert brief.count(line) == 1 and line in summary, line
    assert rest.count("| Outcome | Measure |") == 1 and "| Outcome |" not in summary
    assert len([row for row in _markdown_cells_by_row(rest.split("## What it costs", 1)[0])]) == 9
    assert "in detail" not in brief and "in 100" not in brief  # the odds are the full plan's
    assert re.findall(r"^- \*\*([^*]+)\*\*", rest.split("## In a crisis", 1)[0], re.MULTILINE) == [
        "How they are judged", "What the new money buys",
        "Where the 7 moved hours a week come from",
        "First stage, 4 January to 31 March 2027", "More on payback and returns"]
    for gone in ("**Payback**", "| Rests on |", "**What it returns**", "When you hear next",
                 "**Reports**", "**Scheduled posts**", "**Who is told**"):
        assert gone not in brief, gone
    crisis = brief.split("## In a crisis: who decides\n", 1)[1]
    assert re.findall(r"^- \*\*([^*]+)\*\*", crisis, re.MULTILINE) == ["Approves what we say", "Out of hours",
                                                                     "Surge reserve"]
    # reader 113: the director asks who hears of a complaint at night; the alerts' opening, then part 9
    assert ("- **Out of hours**: The on-call phone goes with the lead at work that day and the night after: "
            "Sam on Monday and Tuesday, Ade on Saturday and Sunday,") in crisis
    assert ("Between the 19:00 and 07:00 looks, whoever holds the on-call phone gets an "
            "alert for a public mention, or a comment on our posts, with a crisis word. No alert comes "
            "from messages, private groups or platforms the listening tool misses: nobody watches them "
            "overnight. (More in part 10 of the full plan.)\n") in crisis
    # reader 142: the pointer names the part that holds what it leaves out, who answers (9) or the crisis (10)
    alerts = [re.search(rf"{opening}[^.]+\.", lumen.crisis.escalation)[0]
              for opening in ("Between the 19:00", "An alert answered overnight")]
    split = dataclasses.replace(
        lumen, community=dataclasses.replace(lumen.community,
                                             who_answers=" ".join([lumen.community.who_answers, *alerts])),
        crisis=dataclasses.replace(lumen.crisis, escalation=" ".join(
            sentence for sentence in plan_export._sentences(lumen.crisis.escalation)
            if sentence not in alerts)))
    assert "nobody watches them overnight. (More in parts 9 and 10 of the full plan.)\n" in (
        plan_export.director_markdown(split))
    nobody = dataclasses.replace(
        lumen, community=dataclasses.replace(lumen.community, who_answers="Sam and Ade answer at each look.",
                                             escalation="Sam tells the founder."),
        crisis=dataclasses.replace(lumen.crisis, escalation="Sam tells the founder, who decides."))
    assert "- **Out of hours**: Nobody looks while the inbox is closed, and no alert is planned.\n" in (
        plan_export.director_markdown(nobody))
    # reader 163: nobody looks at night, but the on-call tradesperson rings the director: the page says so
    rung = dataclasses.replace(nobody, crisis=dataclasses.replace(nobody.crisis, escalation=(
        "A crisis is anyone hurt or a hacked account. 1. Anyone hurt: 000 first. 2. The on-call "
        "tradesperson rings Karen at once, then Leanne."), approver="Karen, the owner."))
    assert ("- **Out of hours**: Nobody looks while the inbox is closed, and no alert is planned. In a "
            "crisis, the on-call tradesperson rings Karen at once, then Leanne.\n") in (
        plan_export.director_markdown(rung))
    then = dataclasses.replace(rung, crisis=dataclasses.replace(rung.crisis, escalation=(
        rung.crisis.escalation.replace("tradesperson rings", "tradesperson then rings"))))  # reader 164
    assert "In a crisis, the on-call tradesperson rings Karen at once" in plan_export.director_markdown(then)
    # reader 152: a night sentence before the one on the phone must not push the phone off the page
    waiting = dataclasses.replace(lumen, community=dataclasses.replace(lumen.community, who_answers=(
        f"Messages after 19:30 wait for the 07:00 look, and our profiles say so. "
        f"{lumen.community.who_answers}")))
    assert ("- **Out of hours**: The on-call phone goes with the lead at work that day and the night after: "
            in plan_export.director_markdown(waiting))
    one = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, go_no_go="1 April 2027: go on with 100 orders (a 1 in 3 chance)."))
    assert "1 in 3" not in plan_export.director_markdown(one)
    assert "plus Buffer's 42. (More, and the gates in full, in part 12 of the full plan.)\n" in \
        plan_export.director_markdown(one)
    plain = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, go_no_go="1 April 2027: go on with 100 orders."))
    assert "plus Buffer's 42. (More in part 12 of the full plan.)\n" in plan_export.director_markdown(plain)
    short = dataclasses.replace(one, budget=dataclasses.replace(
        one.budget, case="The ask: 500 USD.\n\nThe cheaper option saves about a third.",
        payback="In 2029."))
    assert ("- **More on payback and returns**: The cheaper option saves about a third. (The gates "
            "in full are in part 12 of the full plan.)\n") in plan_export.director_markdown(short)
    assert "gates in full" not in plan_export.director_markdown(dataclasses.replace(
        short, budget=dataclasses.replace(short.budget, go_no_go=plain.budget.go_no_go)))


def test_a_blank_plan_exports_its_director_s_version(tmp_path):
    """Every field blank: the four files are written and say what is not written yet, never
    "None" or an empty label."""
    texts, document = _director_written(tmp_path, plan.Plan(), "blank")
    markdown = texts["md"]
    assert re.findall(r"^## (.+)$", markdown, re.MULTILINE) == DIRECTOR_HEADINGS
    assert "- **First stage**: not written yet." in markdown
    assert "- **Approves what we say**: not written yet." in markdown
    assert "- **Surge reserve**: none set aside." in markdown
    assert "- **The case rests on**: not written yet (Budget: Rests on).\n" in markdown
    assert "listed in the full plan, under Still open" in markdown
    assert "None" not in markdown and not re.search(r"\*\*: *$", markdown, re.MULTILINE)
    assert "What to approve now is not written yet" in texts["html"] and "not written yet" in texts["docx"]


def test_the_director_s_version_opens_with_the_summary_alone_on_its_first_page(tmp_path):
    """The summary is a first page at least a page tall (3 mm short: no heading fits there), so that
    the objectives start the second page, after the summary's own run-over if it has one."""
    page = plan_export.director_html(plan.example_plan())
    assert page.index('<div class="first-page">') < page.index("<h2>Executive summary</h2>") \
        < page.index("</div>") < page.index("<h2>The objectives</h2>") and "class=\"new-page\"" not in page
    assert "@media print{.first-page{min-height:258mm}}" in page  # 297 less two 18 mm margins and 3
    assert "@media print{.first-page{min-height:240.4mm}}" in plan_export.director_html(
        plan.example_plan(), "Letter")
    document = docx.Document(io.BytesIO(plan_export.director_docx(plan.example_plan())))
    texts = [p.text for p in document.paragraphs]
    breaks = [i for i, p in enumerate(document.paragraphs) if 'w:type="page"' in p._p.xml]
    assert breaks == [texts.index("The objectives") - 1]
    assert texts.index("Executive summary") < breaks[0]
    assert "@page{size:letter;" in plan_export.director_html(plan.example_plan(), "Letter")


# A sentence that makes Lumen's summary run past its first page, on A4 twice
RUN_OVER = ("It also trains the café team to answer comments, so the founder spends her evenings on the "
            "wholesale accounts rather than the inbox, and it keeps the monthly report short enough to read "
            "in five minutes.")


@pytest.mark.browser
@pytest.mark.parametrize("over", [0, 2])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_director_s_objectives_start_the_second_page_whatever_the_summary_s_length(
        tmp_path, browser, paper, over):
    """Readers 160 and 161's summaries ran a few lines past the first page, and the page break
    before the objectives left the second page holding one bullet, four pages in all: the objectives
    start the second page both when the summary fits the first and when it runs over."""
    lumen = plan.example_plan()
    page_text = plan_export.director_html(
        dataclasses.replace(lumen, summary=" ".join([lumen.summary, *[RUN_OVER] * over])), paper)
    objectives = page_text.index("<h2>The objectives</h2>")
    first_row = page_text[:page_text.index("</tr>", page_text.index("<td", objectives))] + "</tr></table>"
    pages = {}
    for name, text in (("summary", page_text[:page_text.index("</div>")] + "</div>"),
                       ("to the first objective", first_row)):
        path = tmp_path / f"{name}.html"
        path.write_text(text + "</body>\n</html>\n", encoding="utf-8")
        page = browser.new_page()
        page.goto(path.as_uri())
        pages[name] = len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(prefer_css_page_size=True)))
        page.close()
    assert pages == {"summary": 2 if over else 1, "to the first objective": 2}


@pytest.mark.browser
@pytest.mark.parametrize("staged", [False, True])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_lumen_s_director_s_version_prints_on_at_most_three_pages(tmp_path, browser, paper, staged):
    """The director's version printed by chromium: at most three pages, the summary, everything
    before the objectives, on the first alone."""
    lumen = plan.example_plan()
    page_text = plan_export.director_html(_staged(lumen) if staged else lumen, paper)
    summary = page_text[:page_text.index("</div>")] + "</div></body>\n</html>\n"
    pages = {}
    for name, text in (("whole", page_text), ("summary", summary)):
        path = tmp_path / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        page = browser.new_page()
        page.goto(path.as_uri())
        pages[name] = len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(prefer_css_page_size=True)))
        page.close()
    assert "Top risks" in summary and "In a crisis: who decides" in page_text
    assert pages["summary"] == 1 and 2 <= pages["whole"] <= 3


def test_every_word_file_is_on_a4_and_the_letter_copy_is_html():
    """python-docx's own template is Letter: the full plan, the staff sheet and the director's
    version are written on A4 in Word, one paper for all three; Letter readers have the HTML's
    Letter copies."""
    lumen = plan.example_plan()
    for written in (to_docx(lumen), plan_export.staff_docx(lumen), plan_export.director_docx(lumen)):
        for page in docx.Document(io.BytesIO(written)).sections:
            assert (round(page.page_width.mm), round(page.page_height.mm)) == plan_export.A4_MM
    assert "@page{size:letter;" in plan_export.director_html(lumen, "Letter")


def test_page_2_states_the_first_stage_s_new_money_once():
    """Spokes' first stage states its own new money ("1,950 GBP of new money"): page 2's line on
    the first stage gives it once, as the stage says it, not again before it; when the ask on
    page 2 states it, the line leaves it to the ask. Lumen's stage, which does not state its sum,
    is given it; the full plan's part 12 says it once too."""
    lumen = plan.example_plan()
    stage = "January to March 2027: 1,950 GBP of new money for the booking tool and the first promotion"
    spokes = dataclasses.replace(lumen, organisation="Spokes", budget=dataclasses.replace(
        lumen.budget, currency="GBP", first_stage=stage, first_stage_cost=1950))

    def page_2(exported_plan):
        return plan_export.director_markdown(exported_plan).split("\n---\n", 1)[1]

    assert page_2(spokes).count("1,950") == 1
    assert f"- **First stage, 4 January to 31 March 2027**: {stage}.\n" in page_2(spokes)
    asked = dataclasses.replace(spokes, budget=dataclasses.replace(
        spokes.budget, first_stage="January to March 2027: the booking tool and the first promotion",
        case="The ask: 5,400 GBP a year of new money, 1,950 of it from January to March."))
    assert page_2(asked).count("1,950") == 1
    assert ("- **First stage, 4 January to 31 March 2027**: January to March 2027: the booking tool "
            "and the first promotion.\n") in page_2(asked)
    assert "- **First stage, 4 January to 31 March 2027**: 6,686 USD of new money. Approve" in page_2(lumen)
    assert plan_export.part_markdown(spokes, "budget").count("1,950") == 1


def test_the_director_s_first_page_keeps_a_gate_s_asides_that_carry_figures():
    """Spokes' go/no-go explains its 74 in brackets: the director's first page keeps that aside and
    leaves out the one without a figure, and page 2 points to the gates in full for it; a gate
    whose asides all carry figures is whole on the first page, and page 2 does not point to it.
    Odds in brackets (Lumen's) stay the full plan's, whose summary gives the gates without asides."""
    lumen = plan.example_plan()
    gate = ("1 June 2027: go on with at least 74 bookings a month by 1 June (66 at 2026's rate, 82 on "
            "the plan's path) and stop the paid promotion if under 60 (our guess)")
    spokes = dataclasses.replace(lumen, organisation="Spokes", budget=dataclasses.replace(
        lumen.budget, go_no_go=gate))
    brief = plan_export.director_markdown(spokes)
    summary, rest = brief.split("\n---\n", 1)
    assert ("- **Go/no-go test**: 1 June 2027: go on with at least 74 bookings a month by 1 June (66 at "
            "2026's rate, 82 on the plan's path) and stop the paid promotion if under 60\n") in summary
    assert "(More, and the gates in full, in part 12 of the full plan.)" in rest
    figures_only = dataclasses.replace(spokes, budget=dataclasses.replace(
        spokes.budget, go_no_go=gate.removesuffix(" (our guess)")))
    assert f"- **Go/no-go test**: {gate.removesuffix(' (our guess)')}\n" in \
        plan_export.director_markdown(figures_only)
    assert "gates in full" not in plan_export.director_markdown(figures_only)
    assert "- **Go/no-go test**: 1 June 2027: go on with at least 74 bookings a month by 1 June and " \
           "stop the paid promotion if under 60\n" in _summary_markdown(to_markdown(spokes))


def test_the_plan_in_two_sentences_opens_the_goal_on_both_first_pages_and_an_old_save_loads_without_it(
        tmp_path):
    """Spokes says what its plan does, for whom and what it asks: the director's first page gives it
    first under its heading, the full plan's summary at its top, each in place of the goal's set
    wording. A plan saved before the field existed loads with it blank and keeps that wording."""
    lumen = plan.example_plan()
    said = ("Spokes answers Leeds riders within a working day and books more e-bike services. It asks "
            "for a booking tool, a year of promotion and a reserve.")
    spokes = dataclasses.replace(lumen, organisation="Spokes", summary=f" {said}\n")
    director = _director_summary_markdown(spokes)
    assert f"### Goal and objectives\n\n{said}\n\n- **Listening**:" in director and "**Goal**" not in director
    assert _summary_markdown(to_markdown(spokes)).startswith(f"\n{said}\n\n- **Listening**:")
    for goal in spokes.goals:  # the director's page and the full plan name each goal alike
        plain, full = plan_export.activity_label(goal.activity), to_markdown(spokes)
        assert f"- **{plain}**: {goal.why}" in director and f"- **{plain}**: {goal.why}" in full
        assert f"- **{plain} ({goal.activity})**: {goal.why}" in full  # part 3
    saved = plan.to_dict(spokes)
    del saved["plan"]["summary"]
    old = plan.from_dict(saved)
    assert old.summary == "" and dataclasses.replace(old, summary=spokes.summary) == spokes
    assert "### Goal and objectives\n\n**Goal**: Spokes will monitor, communicate and connect on social " \
           "media:" in _director_summary_markdown(old)


def _field_paths(value, path=""):
    """The path of every text and number in `value` (a plan or a part of it), a list's first item
    standing for the rest: "objectives[0].target", "actions{monitor}.owner"."""
    if dataclasses.is_dataclass(value):
        for part in dataclasses.fields(value):
            yield from _field_paths(getattr(value, part.name), f"{path}.{part.name}".lstrip("."))
    elif isinstance(value, list):
        yield from _field_paths(value[0], f"{path}[0]") if value else ()
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _field_paths(item, f"{path}{{{key}}}")
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
        yield path


def _blanked(lumen, path):
    """`lumen` with the field at `path` emptied ("" or 0), and the field as `check` names it
    (lists counted from 1, a channel by its name)."""
    steps = re.findall(r"\{[^}]*\}|\[\d+\]|\w+", path)
    holder = lumen
    for step in steps[:-1]:
        holder = holder[int(step[1:-1])] if step[0] == "[" else holder[step[1:-1]] \
            if step[0] == "{" else getattr(holder, step)
    last = steps[-1]
    if last[0] == "{":
        holder[last[1:-1]] = "" if isinstance(holder[last[1:-1]], str) else 0
    else:
        setattr(holder, last, "" if isinstance(getattr(holder, last), str) else 0)
    where = path.replace("channels[0]", f"channels.{lumen.channels[0].name}")
    return lumen, re.sub(r"\[(\d+)\]", lambda number: f"[{int(number.group(1)) + 1}]", where)


def test_a_field_an_export_calls_not_written_is_one_the_checks_name():
    """Blank any one field of Lumen's plan: if an export (the plan, the staff sheet or the director's
    version) then says something is not written yet, `check` names that field or its part, so a
    plan the checks pass never reaches the director with a gap."""
    def unwritten(each):
        return sum(text.count("not written yet") for text in (
            to_markdown(each), plan_export.staff_markdown(each), plan_export.director_markdown(each)))
    assert unwritten(plan.example_plan()) == 0
    silent = []
    for path in _field_paths(plan.example_plan()):
        blanked, where = _blanked(plan.example_plan(), path)
        if unwritten(blanked):
            named = {issue.where for issue in plan.check(blanked)}
            part = where.rsplit(".", 1)[0]
            if not any(name == where or name.startswith(f"{where}.") or name.startswith(f"{part}.")
                       for name in named):
                silent.append(where)
    assert silent == []


def test_an_empty_table_cell_reads_as_a_dash_in_every_format(tmp_path):
    """Lumen's budget table leaves the people row's details empty: each format shows "–" there,
    not a blank a reader could take for a missing figure."""
    lumen = plan.example_plan()
    markdown_row = next(row for row in _markdown_cells_by_row(to_markdown(lumen))
                        if row[:2] == ["People", "42 hours a week"])
    page = _Cells()
    page.feed(to_html(lumen))
    html_row = page.cells[page.cells.index("42 hours a week") + 1]
    path = tmp_path / "lumen.docx"
    path.write_bytes(to_docx(lumen))
    budget = next(t for t in docx.Document(str(path)).tables if t.rows[0].cells[0].text == "Item")
    docx_row = next(row for row in budget.rows if row.cells[0].text == "People")
    assert (markdown_row[2], html_row, docx_row.cells[2].text) == ("–", "–", "–")


def test_the_case_s_main_risk_is_a_top_risk_on_the_director_s_first_page():
    """Readers 163 and 164 wrote "The main risk is that…" in the case and found it on no page of the
    director's version; it is a top risk now, whole, and printed once."""
    lumen = plan.example_plan()
    risk = "The main risk is that wedding enquiries do not rise, as weddings carry most of the value."
    figures = lumen.budget.case.partition("\n\n")[2]
    said = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, case=f"{lumen.budget.case.partition(chr(10) * 2)[0]}\n\n{figures} {risk}"))
    summary = _director_summary_markdown(said)
    assert f"- **The main risk, as the case says**: {risk}" in summary
    assert plan_export.director_markdown(said).count(risk) == 1
    assert "main risk" not in _director_summary_markdown(lumen)


@pytest.mark.browser
def test_a_table_s_opening_line_is_not_left_at_a_page_s_foot(browser):
    """Reader 164's A4 page printed "The cheaper option … beside the plan:" as page 2's last line and
    its table on page 3. Printed by chromium, a line that fits above a page's foot where the table's
    first row does not moves over with it: page 2 filled but for half that line overflows to a
    third page only when the line moves (the plain style, without the rule, keeps two)."""
    mm = 96 / 25.4
    line_text = "<p id=line>The cheaper option beside the plan:</p>"
    rows = "".join(f"<tr><td>Row {number}</td><td>{'words ' * 12}</td></tr>" for number in range(6))
    table = f"<table><thead><tr><th>Side</th><th>The plan</th></tr></thead><tbody>{rows}</tbody></table>"
    top, sides = plan_export.PLAN_MARGINS_MM
    height = (297 - 2 * top) * mm
    page = browser.new_page(viewport={"width": round((210 - 2 * sides) * mm), "height": 1000})
    counted = {}
    for name, style in (("plain", plan_export._STYLE.replace("p:has(+table){break-after:avoid}", "")),
                        ("ours", plan_export._STYLE)):
        def document(body, style=style):
            return (f"<!doctype html><html><head><style>@page{{size:A4;margin:{top}mm {sides}mm}}"
                    f"{style}</style></head><body>{body}</body></html>")
        page.set_content(document(line_text + table))
        page.emulate_media(media="print")
        line, tall = (page.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().height")
                      for selector in ("#line", "table"))
        page.set_content(document(f"<div style='height:{height - line - 20}px'></div>{line_text}{table}"
                                  f"<div style='height:{height - tall - line / 2 - 10}px'></div>"))
        counted[name] = len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(prefer_css_page_size=True)))
    page.close()
    assert counted == {"plain": 2, "ours": 3}
