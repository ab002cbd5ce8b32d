"""Does the staff sheet, printed on both sides and pinned by the desk, read back in every format as
what the plan says, carry every duty the staff perform, and print on two pages, the crisis on the
back?"""

import dataclasses
import datetime as dt
import io
import json
import math
import re
from html.parser import HTMLParser

import docx
import pytest
from capstone_reference import reference_plan

from smcourse.core import plan, plan_export
from smcourse.core.plan_export import (
    STAFF_SOURCES,
    _sentences,
    director_markdown,
    export,
    staff_docx,
    staff_html,
    staff_markdown,
    staff_sheet_left_out,
)

LUMEN_ROTA = [  # a row per run of days with the same shift
    ["Mon–Tue", "Sam at 07:00 and 11:00, Jo at 15:00 and 19:00"],
    ["Wed–Fri", "Ade at 07:00 and 11:00, Sam at 15:00 and 19:00"],
    ["Sat–Sun", "Ade at 07:00 and 11:00, Jo at 15:00 and 19:00"]]
HEADINGS = ["The inbox rota", "Who answers what", "In a crisis, in this order", "Disclosure"]
RECOVERY = ("Whoever finds an account hacked or locked rings the on-call phone, then the approvers, "
            "clicks no link and screenshots the posts. An approver starts recovery within the hour at the "
            "platform's address, typed in (Instagram's: instagram.com/hacked)")
CRISIS = ("Any post or message about safety, a hacked account or a complaint spreading fast (in a day: 10 "
          "mentions, spam aside, or three people with the same complaint; or press or a regulator asking): "
          "ring the on-call phone; no answer in 10 minutes: an approver.")
NUMBERS = ("**Numbers to ring**: on-call phone 555-0142; approver 555-0117 (founder), 555-0123 "
           "(head of marketing); cover 555-0160 (Jo), 555-0175 (Lee)")
STAFF_RULE = ("Staff who post about Lumen say they work here; staff never review Lumen, nor ask "
              "family or friends to (Google's review rules; stricter than 16 CFR 465.5).")


@pytest.fixture(scope="module")
def bakery(tmp_path_factory):
    return reference_plan(tmp_path_factory.mktemp("reference"))


class _Page(HTMLParser):
    """The headings, table cells (row by row) and list items of an HTML page."""

    def __init__(self):
        super().__init__()
        self.headings, self.rows, self.items, self._open = [], [], [], []

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.rows[-1].append("")
        elif tag in ("h2", "li"):
            (self.headings if tag == "h2" else self.items).append("")
        self._open.append(tag)

    def handle_endtag(self, tag):
        self._open.pop()

    def handle_data(self, text):
        if {"td", "th"} & set(self._open[-2:]):
            self.rows[-1][-1] += text
        elif "li" in self._open:
            self.items[-1] += text
        elif self._open[-1:] == ["h2"]:
            self.headings[-1] += text


def _parsed(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    return parsed


def _markdown_rows(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split(" | ")]
            for line in text.splitlines() if line.startswith("| ")]


def _staffing(lumen: plan.Plan) -> str:
    """Lumen's staffing line, its figures computed from the plan: the fastest promise, the looks a
    day it needs over the staffed window, and the inbox hours `Community.hours_needed` gives at
    the minutes a look and a reply it assumes."""
    team, promises = lumen.community, lumen.promises()
    fastest = min(promises.values())
    looks = math.ceil(team.window_hours() / fastest)
    return (f"Staffed 7 days a week, 07:00 to 19:30. The fastest promise is {fastest:g} staffed "
            f"hours: look through every inbox at least every {fastest:g} hours, {looks} or more looks a "
            f"day, {team.hours_needed(fastest, plan.CHECK_MINUTES):.1f} of the 10 inbox hours a "
            f"week ({plan.CHECK_MINUTES}-minute looks, {team.minutes_per_reply:g} minutes a reply).")


def test_lumen_s_staffing_line_is_its_fastest_promise_and_the_inbox_hours_it_needs():
    lumen = plan.example_plan()
    assert _staffing(lumen) == (
        "Staffed 7 days a week, 07:00 to 19:30. The fastest promise is 4 staffed hours: look "
        "through every inbox at least every 4 hours, 4 or more looks a day, 9.8 of the 10 inbox hours a "
        "week (10-minute looks, 4 minutes a reply).")
    assert _staffing(lumen) in staff_markdown(lumen)
    slower = dataclasses.replace(lumen, community=dataclasses.replace(lumen.community,
                                                                      minutes_per_reply=6))
    assert "(10-minute looks, 6 minutes a reply)" in staff_markdown(slower)


def test_the_markdown_sheet_has_lumen_s_rota_promises_and_crisis_steps():
    lumen = plan.example_plan()
    text = staff_markdown(lumen)
    assert text.startswith("# Staff sheet: Lumen Coffee Roasters\n\nPin both pages side by side by "
                           "the desk: the plan day to day from 4 January 2027; a crisis on page 2.")
    # reader 153: a sheet printed on both sides and pinned shows one side, the crisis or the rota
    assert re.findall(r"^## (.+)$", text, re.MULTILINE) == HEADINGS
    rows = _markdown_rows(text)
    assert rows[:4] == [["Day", "On the inbox, and when they look"], *LUMEN_ROTA]
    channels = {row[0]: row[1:] for row in rows[4:]}
    assert channels["Instagram"] == ["4 staffed hours", "5 a week", "Sam"]
    assert channels["LinkedIn"] == ["4 staffed hours", "2 a week, on weekdays", "Head of marketing"]
    assert channels["Email newsletter"][0] == "no promise"
    assert channels["Review sites"] == ["12.5 staffed hours", "none", "–"]
    assert f"**1. Send the holding statement**: {lumen.crisis.holding_statement}" in text
    assert (f"- **What counts as a crisis**: {CRISIS}\n- {NUMBERS}\n- **Approves what we say**: "
            f"{lumen.crisis.approver}\n- **Hacked or locked account, first**: {RECOVERY}"
            in text)  # who approves, and the hack's first steps, are read before the checklist
    # the words written and approved ahead go out first, then the call, then the pause
    assert re.search(r"^- \*\*Hacked or locked account, first\*\*: .+\n"
                     r"- \*\*1\. Send the holding statement\*\*: .+\n- \*\*2\. Tell\*\*: .+\n"
                     r"- \*\*3\. Pause", text, re.MULTILINE)
    assert ("**2. Tell**: Anything about safety or a hack goes to the founder and head of marketing at once "
            "(about the café, its manager too); anything else to the "
            "community lead, then head of marketing, then founder, within the hour, by the on-call "
            "phone. On a suspected illness or a possible recall, the founder calls the FDA's recall "
            "coordinator (out of hours: 1-866-300-4374)") in text
    assert ("**Out of hours**: The on-call phone goes with the lead at work that day and the night "
            "after: Sam on Monday and Tuesday, Ade on Saturday and Sunday, and from Wednesday to Friday Sam "
            "in odd weeks and Ade in even ones (week 1 begins 4 January 2027); whoever held "
            "the 19:00 look reads our own accounts at 22:00, whoever holds the 07:00 one at 06:30. "
            "No day spans over 10 hours") in text
    assert ("**Holidays and sickness**: When a lead is away, about 5 weeks a year (4 on holiday, 1 "
            "sick: Lumen's assumption), Jo takes their looks and night checks on Thursday and Friday "
            "and Lee, a barista, on their other days (both are trained on the inbox); the other lead "
            "holds the on-call phone on the days they work, the head of marketing on the others. "
            "Each keeps a whole day of rest a week (New York Labor Law section 161): Jo Wednesday, "
            "Lee Thursday. Before a holiday the lead makes the posts ahead") in text
    assert f"**Posting about us yourself**: {STAFF_RULE}" in text


def test_out_of_hours_gives_the_sentences_with_a_time_outside_the_staffed_hours():
    """A time inside the staffed hours (07:00 to 19:30) is a look, not a night check; a plan that
    names no time outside them says that nobody looks, and messages wait for the next day's first look."""
    lumen = plan.example_plan()
    inside = dataclasses.replace(lumen, crisis=dataclasses.replace(
        lumen.crisis, escalation="The lead on duty tells the founder by 19:00 at the latest."))
    assert ("**Out of hours**: Nobody looks while the inbox is closed: messages wait for the next "
            "day's first look.\n") in staff_markdown(inside)
    night = dataclasses.replace(inside, community=dataclasses.replace(
        inside.community, who_answers="Ade checks the apps at 21:30 on weekdays."))
    assert "**Out of hours**: Ade checks the apps at 21:30 on weekdays.\n" in staff_markdown(night)


def test_a_night_planned_only_in_the_alerts_is_not_called_unwatched():
    """Reader 161's "At 23:30 every day whoever holds the on-call phone checks Messenger …; the
    on-call phone gets Meta Business Suite alerts" printed under "Overnight alerts", beside "Nobody
    looks while the inbox is closed" on both pages."""
    lumen = plan.example_plan()
    check = ("At 23:30 every day whoever holds the on-call phone checks Messenger for illness only; "
             "the on-call phone gets alerts for new messages overnight.")
    alerted = dataclasses.replace(
        lumen, community=dataclasses.replace(lumen.community, who_answers=f"Ade answers the inbox. {check}"),
        crisis=dataclasses.replace(lumen.crisis, escalation="Ade tells the founder at once."))
    assert ("**Out of hours**: Nobody works the inbox while it is closed, but for the overnight alerts and "
            "checks below: other messages wait for the next day's first look.") in staff_markdown(alerted)
    assert f"**Overnight alerts**: {check}" in staff_markdown(alerted)
    assert ("**Out of hours**: Nobody works the inbox while it is closed, but for these alerts and checks: "
            f"{check}") in director_markdown(alerted)
    assert "Nobody looks" not in staff_markdown(alerted) + director_markdown(alerted)


def test_the_night_s_sentences_of_who_answers_are_printed_once():
    """Reader 160's "The on-call phone is held overnight (22:00 to 07:00) by Siobhán…", written in
    who answers, printed under both Who answers and Out of hours."""
    lumen = plan.example_plan()
    night = "The on-call phone is held overnight (22:00 to 07:00) by Ade, who reads any urgent message."
    held = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, who_answers=f"Sam and Ade answer at each look. {night}"))
    text = staff_markdown(held)
    assert text.count(night) == 1 and f"**Out of hours**: {night}" in text
    assert "**Who answers**: Sam and Ade answer at each look.\n" in text


def test_night_checks_planned_under_cover_reach_the_out_of_hours_lines():
    """Reader 157's clinic planned its evening checks in the Cover box; both pages said "Nobody
    looks while the inbox is closed" and printed the checks under holidays and sickness."""
    lumen = plan.example_plan()
    check = ("Out of hours, whoever holds the on-call phone reads our own accounts at 21:00 every "
             "evening.")
    covered = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, who_answers="Ade answers the inbox.", deputy=f"Jo covers Ade's looks. {check}"),
        crisis=dataclasses.replace(lumen.crisis, escalation="Ade tells the founder at once."))
    text = staff_markdown(covered)
    assert "**Out of hours**: Whoever holds the on-call phone reads our own accounts at 21:00 every " \
        "evening." in text and "Nobody looks" not in text
    assert "**Holidays and sickness**: Jo covers Ade's looks.\n" in text
    assert "**Out of hours**: Whoever holds the on-call phone reads our own accounts" in \
        director_markdown(covered)


def test_a_side_longer_than_a_printed_side_holds_is_asked_to_be_shortened():
    """Reader 156's crisis side (a 434-word holding statement) and reader 157's everyday side ran
    onto a third page; Lumen's, at 903 and 979 words with its tables, fill both sides of Letter."""
    lumen = plan.example_plan()
    assert not [issue for issue in plan.check(lumen) if "printed side" in issue.message]
    longer = dataclasses.replace(lumen, crisis=dataclasses.replace(
        lumen.crisis, holding_statement=lumen.crisis.holding_statement + " Thank you." * 12))
    [asked] = [issue for issue in plan.check(longer) if "printed side" in issue.message]
    assert (asked.level, asked.where) == ("consider", "crisis.escalation")  # the longest text there
    assert asked.message.startswith("The staff sheet's crisis side runs to about 1,003 words with its "
                                    "tables, more than one printed side holds (about 1,000): shorten "
                                    "Escalation (Crisis)")
    wordy = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, who_answers=lumen.community.who_answers + " We answer kindly." * 20))
    assert [issue.where for issue in plan.check(wordy) if "printed side" in issue.message] == [
        "community.deputy"]  # Lumen's cover is its longest text there


def test_cover_s_shift_times_are_no_night_and_out_of_hours_is_not_said_twice():
    """Reader 156's cover sentence ("Tyler (07:00 to 15:30) takes her looks and Dana holds the
    on-call phone") took the director's out-of-hours line from its overnight vet; reader 157's
    "Out of hours, whoever holds…" printed "Out of hours: Out of hours, whoever…"."""
    lumen = plan.example_plan()
    night = "Overnight the attendant calls the vet, then the on-call phone."
    team = dataclasses.replace(lumen.community, who_answers="Ade answers the inbox.", deputy=(
        "When Ade is away, Tyler (07:00 to 15:30) takes his looks and Dana holds the on-call phone."))
    shifts = dataclasses.replace(lumen, community=team, crisis=dataclasses.replace(
        lumen.crisis, escalation=f"Ade tells the founder at once. {night}"))
    assert f"**Out of hours**: {night}" in director_markdown(shifts)
    assert f"**Out of hours**: {night}" in staff_markdown(shifts)
    said = dataclasses.replace(shifts, community=dataclasses.replace(
        team, deputy="Out of hours, whoever holds the on-call phone reads our accounts at 21:00."),
        crisis=dataclasses.replace(lumen.crisis, escalation="Ade tells the founder at once."))
    for text in (director_markdown(said), staff_markdown(said)):
        assert "**Out of hours**: Whoever holds the on-call phone reads our accounts at 21:00." in text


def test_the_html_sheet_reads_back_with_the_rota_and_escapes_what_was_typed():
    lumen = plan.example_plan()
    page = _parsed(staff_html(lumen, "Letter"))
    assert page.headings == HEADINGS
    assert page.rows[:4] == [["Day", "On the inbox, and when they look"], *LUMEN_ROTA]
    assert f"What counts as a crisis: {CRISIS}" in page.items
    assert NUMBERS.replace("**", "") in page.items
    assert f"Posting about us yourself: {STAFF_RULE}" in page.items
    assert ["Threads", "4 staffed hours", "2 a week", "Sam"] in page.rows
    assert f"1. Send the holding statement: {lumen.crisis.holding_statement}" in page.items
    assert any(item.startswith("3. Pause every scheduled post: Whoever holds the on-call phone")
               for item in page.items)
    assert "@page{size:letter;" in staff_html(lumen, "Letter")
    typed = dataclasses.replace(lumen, organisation="<b>Lumen</b>", community=dataclasses.replace(
        lumen.community, rota={**lumen.community.rota, "Mon": "Sam & <i>Jo</i> at 7"}))
    shown = staff_html(typed)
    assert "<b>Lumen</b>" not in shown and "<i>Jo</i>" not in shown
    assert ["Mon", "Sam & <i>Jo</i> at 07:00"] in _parsed(shown).rows
    assert ["Tue", "Sam at 07:00 and 11:00, Jo at 15:00 and 19:00"] in _parsed(shown).rows


def test_an_unknown_paper_size_is_refused_with_the_sizes_there_are():
    with pytest.raises(ValueError, match="paper should be one of A4, Letter, not 'A5'"):
        staff_html(plan.example_plan(), "A5")


def test_the_word_sheet_reads_back_with_its_headings_rota_and_crisis_steps():
    lumen = plan.example_plan()
    document = docx.Document(io.BytesIO(staff_docx(lumen)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == HEADINGS
    rota = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rota == [["Day", "On the inbox, and when they look"], *LUMEN_ROTA]
    channels = [[cell.text for cell in row.cells] for row in document.tables[1].rows]
    assert ["TikTok", "4 staffed hours", "5 a week", "Ade"] in channels
    steps = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert f"1. Send the holding statement: {lumen.crisis.holding_statement}" in steps
    assert any(step.startswith(f"Hacked or locked account, first: {RECOVERY}") for step in steps)
    assert steps[steps.index(f"What counts as a crisis: {CRISIS}") + 1] == NUMBERS.replace("**", "")
    assert f"Posting about us yourself: {STAFF_RULE}" in steps
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert "2. Tell" in bold and "Escalation" in bold


def test_a_rota_that_names_no_times_says_the_looks_the_promise_needs(bakery):
    """The bakery's rota names who is on, not when: each day reads as a look at least every
    4 hours (its fastest promise) through its staffed window, three a day."""
    rows = _markdown_rows(staff_markdown(bakery))
    assert rows[1:3] == [[days, f"{name}: a look at least every 4 hours from 07:00 to 16:00 (3 a "
                          "day)"] for days, name in (("Mon–Thu", "Priya"), ("Fri–Sat", "Ollie"))]


def test_an_unwritten_plan_says_what_is_not_written_in_every_format():
    empty = plan.Plan("Harbour Books", community=plan.Community(days=2))
    text = staff_markdown(empty)
    assert ("When the inbox is staffed is not written yet (Community: days, opens, closes)."
            in text)
    assert _markdown_rows(text)[1:] == [["Mon–Tue", "nobody yet: not written yet."]]
    for step in ("3. Pause every scheduled post", "1. Tell", "Approves what we say",
                 "2. Send the holding statement", "Hacked or locked account, first",
                 "Posting about us yourself"):
        assert f"**{step}**: not written yet." in text
    assert ("**What counts as a crisis**: not written yet (Crisis: escalation, say what counts as "
            "one).") in text
    assert "**Numbers to ring** (fill in): approver ________; cover ________" in text  # no on-call phone
    assert "**Always**: not written yet." in text
    for line in ("**Overnight alerts**: none planned.",
                 "**Every look**: not written yet (Community: who answers, say what each look does "
                 "with the messages waiting).",
                 "**How we answer**: not written yet (Voice: how you sound, and the rules every reply "
                 "keeps).",
                 "**4. After the first hour**: not written yet (Crisis: escalation, say what the people on "
                 "the rota do after the first hour: who rings whom, who takes the inbox)."):
        assert f"- {line}\n" in text
    assert "Approves what we say: not written yet." in _parsed(staff_html(empty)).items
    paragraphs = [p.text for p in docx.Document(io.BytesIO(staff_docx(empty))).paragraphs]
    assert "Always: not written yet." in paragraphs


def test_staffed_hours_that_are_not_times_of_day_get_a_clear_message(bakery):
    for opens, closes in (("7am", "late"), ("16:00", "07:00")):
        odd = dataclasses.replace(bakery, community=dataclasses.replace(
            bakery.community, opens=opens, closes=closes))
        text = staff_markdown(odd)
        assert (f"The staffed hours, “{opens}” to “{closes}”, are not two times of day, the first "
                "the earlier: write them as 07:00 and 19:30 (Community: opens, closes).") in text
        assert ["Mon–Thu", "Priya"] in _markdown_rows(text)


def test_a_plan_without_a_response_promise_says_so():
    lumen = plan.example_plan()
    silent = dataclasses.replace(lumen, channels=[dataclasses.replace(c, response_hours="")
                                                  for c in lumen.channels])
    assert ("Staffed 7 days a week, 07:00 to 19:30. No response promise is written yet (Channels: "
            "answered within).") in staff_markdown(silent)


def test_a_long_text_is_cut_at_a_sentence_or_marked_where_cut_and_a_short_one_is_whole():
    """Lumen's escalation fits whole, the wholesale enquiries with it; a longer one keeps its
    duties, a refund limit among them, and leaves out a cost; a run of words with no sentence end
    is cut and marked "…"."""
    lumen = plan.example_plan()
    assert (f"**Escalation**: {lumen.community.escalation}\n" in staff_markdown(lumen)
            and lumen.community.escalation.endswith("Wholesale enquiries go to the founder within "
                                                    "a working day."))
    limit = "Refunds over 50 USD need the founder's yes, asked by email with the order number."
    longer = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, escalation=f"{lumen.community.escalation} {limit} Refunds cost us about "
                                    "900 USD a year in card fees."))
    assert f"**Escalation**: {lumen.community.escalation} {limit}\n" in staff_markdown(longer)
    short = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, escalation="Complaints go to Dee. Refunds wait for Monday."))
    assert "**Escalation**: Complaints go to Dee. Refunds wait for Monday.\n" in staff_markdown(short)
    one_long_word_run = dataclasses.replace(lumen, disclosure=" ".join(["label"] * 80))
    assert f"**Always**: {' '.join(['label'] * 60)}…\n" in staff_markdown(one_long_word_run)


def test_a_number_in_a_rota_that_is_not_a_time_is_left_as_typed():
    lumen = plan.example_plan()
    typed = dataclasses.replace(lumen, community=dataclasses.replace(lumen.community, rota={
        **lumen.community.rota, "Mon": "Team of 2 at 7.30, Sam at 9am and 13"}))
    assert ["Mon", "Team of 2 at 07:30, Sam at 09:00 and 13:00"] in _markdown_rows(
        staff_markdown(typed))


def test_export_writes_the_staff_sheet_beside_the_plan(tmp_path):
    written = {path.name: path for path in export(plan.example_plan(), tmp_path / "lumen.plan.json")}
    assert {"lumen.plan.staff.md", "lumen.plan.staff.html", "lumen.plan.staff.letter.html",
            "lumen.plan.staff.docx"} <= set(written)
    assert written["lumen.plan.staff.md"].read_text(encoding="utf-8") == staff_markdown(
        plan.example_plan())
    assert "@page{size:letter;" in written["lumen.plan.staff.letter.html"].read_text(
        encoding="utf-8")
    assert docx.Document(str(written["lumen.plan.staff.docx"])).paragraphs[0].text == \
        "Staff sheet: Lumen Coffee Roasters"


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("which", ["Lumen", "bakery"])
def test_the_staff_sheet_prints_on_two_sides_the_crisis_whole_on_the_back(
        tmp_path, browser, bakery, paper, which):
    """Lumen's sheet and the bakery reference's, printed by chromium on each paper: the crisis
    heading starts a page, so two pages in all means the front fits the first and the crisis and
    disclosure the second, unsplit."""
    sheet = plan.example_plan() if which == "Lumen" else bakery
    path = tmp_path / "staff.html"
    path.write_text(staff_html(sheet, paper), encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    pdf = page.pdf(prefer_css_page_size=True)
    page.close()
    assert re.findall(r'<h2 class="new-page">([^<]+)</h2>', path.read_text(encoding="utf-8")) == [
        "In a crisis, in this order"]
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 2


def test_the_rota_gives_a_row_to_each_run_of_days_with_the_same_shift():
    """Days next to each other with the same shift share a row; the same shift on a day further on
    gets its own, and a day alone keeps its name."""
    lumen = plan.example_plan()
    rota = {**lumen.community.rota, "Thu": lumen.community.rota["Mon"]}
    moved = dataclasses.replace(lumen, community=dataclasses.replace(lumen.community, rota=rota))
    rows = _markdown_rows(staff_markdown(moved))
    assert [row[0] for row in rows[:rows.index(["Channel", "Answer within", "Posts", "Who posts"])]] \
        == ["Day", "Mon–Tue", "Wed", "Thu", "Fri", "Sat–Sun"]
    assert rows[3] == ["Thu", "Sam at 07:00 and 11:00, Jo at 15:00 and 19:00"]


def test_numbers_to_ring_print_as_given_and_blank_where_not(tmp_path):
    """Each contact the plan gives is printed; each it leaves out is a blank to fill in by hand,
    in every format, and what was typed is escaped."""
    lumen = plan.example_plan()
    some = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, contacts={"on-call phone": " 555-0142 <b>mobile</b> "}))
    line = ("Numbers to ring (fill in): on-call phone 555-0142 <b>mobile</b>; approver ________; "
            "cover ________")
    assert f"**Numbers to ring** (fill in):{line.split(':', 1)[1]}" in staff_markdown(some)
    assert line in _parsed(staff_html(some)).items and "<b>mobile" not in staff_html(some)
    document = docx.Document(io.BytesIO(staff_docx(some)))
    assert line in [p.text for p in document.paragraphs]


def test_the_on_call_phone_is_asked_for_only_when_the_plan_has_one():
    """A plan whose texts name no on-call phone and no alert has no number to fill in for one; a
    number typed for it is printed all the same."""
    lumen = plan.example_plan()
    texts = {"who_answers": "Each look answers every message waiting.",
             "escalation": "Complaints go to Gemma."}
    quiet = dataclasses.replace(lumen, community=dataclasses.replace(lumen.community, contacts={}, **texts),
                                crisis=dataclasses.replace(lumen.crisis, pause="Gemma pauses every post.",
                                                           escalation="Gemma rings the owner at once."))
    assert "**Numbers to ring** (fill in): approver ________; cover ________" in staff_markdown(quiet)
    alerted = dataclasses.replace(quiet, crisis=dataclasses.replace(
        quiet.crisis, escalation="A keyword alert wakes Gemma at night."))
    assert "on-call phone ________; approver" in staff_markdown(alerted)
    given = dataclasses.replace(quiet, community=dataclasses.replace(
        quiet.community, contacts={"on-call phone": "555-0100"}))
    assert "**Numbers to ring** (fill in): on-call phone 555-0100; approver ________" in staff_markdown(given)


def test_a_plan_saved_before_contacts_existed_loads_and_its_sheet_has_blanks(tmp_path):
    saved = plan.to_dict(plan.example_plan())
    del saved["plan"]["community"]["contacts"]
    path = tmp_path / "old.plan.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    loaded = plan.load(path)
    assert loaded.state == "restored" and loaded.plan.community.contacts == {}
    assert loaded.plan.community.rota == plan.example_plan().community.rota
    assert ("**Numbers to ring** (fill in): on-call phone ________; approver ________; cover "
            "________") in staff_markdown(loaded.plan)  # its texts give an on-call phone
    plan.save(plan.example_plan(), path)
    assert plan.load(path).plan.community.contacts["on-call phone"] == "555-0142"


def test_what_counts_as_a_crisis_is_the_sentence_that_says_so():
    lumen = plan.example_plan()
    said = dataclasses.replace(lumen, crisis=dataclasses.replace(
        lumen.crisis, escalation="Jo rings the owner. A burst pipe or a food scare counts as a "
                                 "crisis, at any hour. Then the owner decides."))
    assert ("**What counts as a crisis**: A burst pipe or a food scare counts as a crisis, at any "
            "hour.\n") in staff_markdown(said)


def test_the_disclosure_keeps_the_staff_rule_whole_and_its_other_rules_without_the_citation():
    """Lumen's rules for labels, creators, AI images and reviews are on the sheet; the sentence
    that only cites the FTC's Endorsement Guides is left out, the line being over 60 words."""
    lumen = plan.example_plan()
    assert STAFF_RULE in lumen.disclosure and not lumen.disclosure.startswith(STAFF_RULE)
    text = staff_markdown(lumen)
    always = re.search(r"\*\*Always\*\*: (.+)", text)[1]
    assert STAFF_RULE not in always and always.startswith("Paid partnerships say so")
    assert "Creators we gift or pay disclose it in the post" in always
    assert "Endorsement Guides" in lumen.disclosure and "Endorsement Guides" not in always
    employees = dataclasses.replace(lumen, disclosure="Gifts carry #ad. Employees say they work "
                                                      "for us in their bio.")
    assert ("- **Always**: Gifts carry #ad.\n- **Posting about us yourself**: Employees say they "
            "work for us in their bio.\n") in staff_markdown(employees)


def test_lumen_s_weekend_escalation_and_hacked_account_step_name_the_people_the_plan_does():
    """The weekend complaints go to whoever holds the look, as the rota has it; the hacked account
    is recovered by the people who hold the admin role."""
    lumen = plan.example_plan()
    for day in ("Sat", "Sun"):
        assert re.fullmatch(r"Ade at 07 and 11, Jo at 15 and 19", lumen.community.rota[day])
    assert "at weekends whoever holds the look answers them (Ade until 15:00, then Jo)" in \
        lumen.community.escalation
    assert lumen.crisis.account_security.startswith(
        "The founder and the head of marketing hold the admin role (on Facebook, full control) on every "
        "channel")
    assert f"**Hacked or locked account, first**: {RECOVERY}" in staff_markdown(lumen)


ROTA_PART = (
    "In a recall an approver starts the surge rota: one person is on the inbox and mentions from 07:00 "
    "to 22:00 every day, in two shifts with meal breaks, for up to three weeks. "
    "Early shifts (07:00 to 14:30): Ade on Monday, Sam on Sunday, their days off, Lee from Tuesday "
    "to Saturday; late shifts (14:30 to 22:00): Jo from Monday to Saturday, her looks inside them, "
    "Lee on Sunday, holding Jo's; Jo's and Lee's shifts take the place of their café work. "
    "Each keeps one day of rest in a surge week: Lee Monday, Ade Tuesday, Sam Saturday, Jo Sunday, "
    "free of the on-call phone (Ade holds it on Sam's, Sam on Ade's). "
    "From Monday to Saturday, while Jo is on late shifts, the café manager supervises the café in "
    "her place. "
    "The batch's buyers are told directly and promptly, as 21 CFR 7.49 asks, within 4 hours by "
    "Lumen's own target: the head of marketing emails web-shop buyers from the order records; "
    "whoever holds the on-call phone that day calls each café that took it and puts a "
    "banner on the website.")
ALERTS = ("Between the 19:00 and 07:00 looks, whoever holds the on-call phone gets an alert for a public "
          "mention, or a comment on our posts, with a crisis word. The on-call number and the alert emails "
          "forward to the holder's own phone and pass on at 06:30 (02:00 on a Wednesday is Tuesday's "
          "holder's). An alert answered overnight is paid by "
          "its logged time, not as a shift; after one past 22:00, if the holder also has the next 06:30 "
          "check, the head of marketing takes it and the 07:00 look. No alert comes from messages, private "
          "groups or platforms the listening tool misses: nobody watches them overnight.")
EVERY_LOOK = ("Each look answers every message waiting, care@ mail included, or says when the answer will "
              "come.")
VOICE = ("Warm, curious and plain: we sound like a barista who loves explaining coffee. We sign "
         "replies with our first name, we never mock a question, and we never criticise another "
         "roaster.")


def _lines(sheet: plan.Plan) -> dict[str, list[str]]:
    """The sheet's labelled lines as each format reads back: Markdown, HTML and Word."""
    markdown = [re.sub(r"^- \*\*(.+?)\*\*", r"\1", line) for line in staff_markdown(sheet).splitlines()
                if line.startswith("- **")]
    document = docx.Document(io.BytesIO(staff_docx(sheet)))
    return {"Markdown": markdown, "HTML": _parsed(staff_html(sheet)).items,
            "Word": [p.text for p in document.paragraphs if p.style.name == "List Bullet"]}


def _in_every_format(sheet: plan.Plan, line: str) -> None:
    for name, lines in _lines(sheet).items():
        assert line in lines, name


def test_the_rota_s_part_in_a_recall_says_who_rings_the_cafes_and_the_surge_rota():
    """The crisis escalation's sentences that give someone on the rota a duty, not given already:
    Lumen's surge rota, its shifts from the budget's surge and the café calls by whoever holds the
    on-call phone, in every format; the telling, the recall's reports and the press are step 2."""
    lumen = plan.example_plan()
    assert "whoever is on duty" not in lumen.crisis.escalation
    _in_every_format(lumen, f"4. After the first hour: {ROTA_PART}")
    tell = [sentence for sentence in _sentences(lumen.crisis.escalation)
            if sentence.startswith(("Anything about safety or a hack goes", "On a suspected illness",
                                    "If the founder is unreachable", "If the founder hears",
                                    "The founder decides whether"))]
    assert len(tell) == 5  # the press's line is step 1's first, where a reporter's call finds it
    _in_every_format(lumen, f"2. Tell: {' '.join(tell)}")


def test_the_rota_s_part_takes_the_surge_sentences_that_name_people_with_a_day_or_a_time():
    """A surge sentence that names someone on the rota with a weekday (rest days, who stands in) or
    a time of day reaches the rota's part; one that names someone with neither, or a weekday and
    nobody, does not."""
    lumen = plan.example_plan()
    surge = ("Jo rests on Sunday. Lee is on the inbox from 14:30. Jo and Lee are paid for it. The "
             "café manager works on Monday.")
    line = _lines(dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, surge=surge)))["Markdown"]
    part = next(said for said in line if said.startswith("4. After the first hour:"))
    assert "for up to three weeks. Jo rests on Sunday. Lee is on the inbox from 14:30. The " \
           "batch's buyers" in part
    assert "Jo and Lee are paid for it" not in part and "café manager works" not in part


def test_the_rota_s_part_follows_a_learner_s_names_and_says_what_to_write_when_there_is_none(bakery):
    """An escalation all in its "Tell" step leaves the rota's part asking for more, and the checks
    ask for it too; a sentence naming someone on its rota (Priya) is its rota's part, and one naming
    only the owner is not."""
    told = ("Priya or Ollie calls Gemma at once, day or night; Gemma calls the council's food "
            "safety team for anything about allergens.")
    tell_only = dataclasses.replace(bakery, crisis=dataclasses.replace(bakery.crisis, escalation=told))
    assert _lines(tell_only)["Markdown"].count(
        "4. After the first hour: not written yet (Crisis: escalation, say what the people on the rota "
        "do after the first hour: who rings whom, who takes the inbox).") == 1
    assert [(issue.level, issue.where) for issue in plan.check(tell_only)] == [
        ("consider", "crisis.escalation")] * 2  # what counts as a crisis, and the rota's part
    more = dataclasses.replace(tell_only, crisis=dataclasses.replace(
        tell_only.crisis, escalation=f"{told} Gemma rings the insurer. In a food scare Priya rings "
        "each café that bought the batch."))
    _in_every_format(more, "4. After the first hour: In a food scare Priya rings each café that bought "
                           "the batch.")
    _in_every_format(more, f"1. Tell: {told} Gemma rings the insurer.")  # no one to ring said above


def test_a_rule_with_an_amount_is_on_the_sheet_and_a_priced_surge_is_not(bakery):
    """A refund limit at the till is a rule staff need, though it gives an amount; the surge's
    shifts priced in the same sentence ("at time and a quarter … 900 in all") stay in the budget,
    off the desk (reader 151's garden centre lost the first and pinned the second)."""
    refund = "At weekends whoever holds the look may refund up to 25 GBP at the till at once."
    team = dataclasses.replace(bakery.community, escalation=(
        f"{bakery.community.escalation} Gemma answers wholesale questions within a day. {refund} "
        "Each refund costs us 25 GBP at most, about 300 GBP in a year of the budget. Most "
        "complaints in 2026 were about late orders in December, when the ovens run all day and "
        "the shop is at its busiest, and they fell once the order form closed earlier."))
    priced = ("Priya and Ollie add looks at 11:00 and 15:00 every day, at time and a quarter of "
              "15, 18.75 an hour: about 750 in all.")
    shifts = "Priya takes the 11:00 look on Saturday."
    sheet = dataclasses.replace(bakery, community=team, budget=dataclasses.replace(
        bakery.budget, surge=f"{bakery.budget.surge}. {priced} {shifts}"))
    lines = _lines(sheet)["Markdown"]
    escalation = next(line for line in lines if line.startswith("Escalation:"))
    assert refund in escalation and "costs us" not in escalation
    part = next(line for line in lines if line.startswith("4. After the first hour:"))
    assert shifts in part and "18.75" not in part


def test_what_the_sheet_leaves_out_of_lumen_s_texts_is_description_price_or_the_word_list():
    """Every sentence of Lumen's desk texts the sheet leaves out is named with its field, and each
    is a description, a price, an assumption or the alert's word list, none a duty staff act on."""
    left = staff_sheet_left_out(plan.example_plan())
    fields = {field for field, _ in left}
    assert fields <= set(STAFF_SOURCES)
    said = dict((sentence[:40], field) for field, sentence in left)
    assert said["The alert's crisis words are those start"] == "Crisis: escalation"  # in the plan only
    assert said["Each is paid a wage of 35 USD an hour (t"] == "Community: who answers"  # a price
    assert said["The FTC's Endorsement Guides (16 CFR Par"] == "Disclosure"
    sheet = staff_markdown(plan.example_plan())
    assert all(sentence not in sheet for _, sentence in left)
    assert not any(sentence.startswith(("Whoever holds", "Each look")) for _, sentence in left)


def test_the_overnight_alerts_are_on_the_sheet_and_not_twice():
    """Lumen's alerts to the on-call phone between the 19:00 and 07:00 looks, in every format, and
    not again in the out-of-hours line; a plan without one is told what to write."""
    lumen = plan.example_plan()
    _in_every_format(lumen, f"Overnight alerts: {ALERTS}")
    out_of_hours = next(line for line in _lines(lumen)["Markdown"] if line.startswith("Out of hours"))
    assert "alert" not in out_of_hours and "the night after" in out_of_hours
    quiet = dataclasses.replace(lumen, crisis=dataclasses.replace(
        lumen.crisis, escalation=" ".join(s for s in lumen.crisis.escalation.split(". ")
                                          if "alert" not in s)))
    _in_every_format(quiet, "Overnight alerts: none planned: the on-call phone takes calls, and posts, "
                     "comments and messages wait for the first look.")  # its texts ring the phone


def test_no_alerts_beside_an_on_call_phone_say_what_the_phone_takes():
    """Reader 160's guesthouse: "Overnight alerts: none planned" beside a key-holder on call
    overnight read as nobody there at night (readers 163 and 164 too, whose crisis steps rang the
    phone); it now says the phone takes calls and the rest waits. A plan whose texts name no
    on-call phone says only that none is planned."""
    lumen = plan.example_plan()
    night = ("Out of hours, the on-call phone is held by Siobhán from 22:00 to 07:00; guests ring it "
             "for anything urgent.")
    texts = {"who_answers": f"Each look answers every message waiting. {night}",
             "escalation": "Complaints go to Siobhán the same day."}
    held = dataclasses.replace(lumen, community=dataclasses.replace(lumen.community, **texts),
                               crisis=dataclasses.replace(lumen.crisis, escalation="Ring Siobhán at once."))
    _in_every_format(held, "Overnight alerts: none planned: the on-call phone takes calls, and posts, "
                     "comments and messages wait for the first look.")
    rung = dataclasses.replace(held, community=dataclasses.replace(
        held.community, who_answers="Each look answers every message waiting."), crisis=dataclasses.replace(
        held.crisis, escalation="1. Anyone hurt: 000. 2. The manager rings the on-call phone at once."))
    _in_every_format(rung, "Overnight alerts: none planned: the on-call phone takes calls, and posts, "
                     "comments and messages wait for the first look.")  # reader 163's, in the crisis steps
    unheld = dataclasses.replace(rung, crisis=dataclasses.replace(
        rung.crisis, escalation="Ring Siobhán at once.", pause="Siobhán pauses every post.",
        account_security="Siobhán holds the admin role."), community=dataclasses.replace(
        rung.community, contacts={}))  # no phone's number either
    _in_every_format(unheld, "Overnight alerts: none planned.")


def test_what_every_look_does_has_its_own_line_and_is_asked_for_when_unwritten():
    lumen = plan.example_plan()
    _in_every_format(lumen, f"Every look: {EVERY_LOOK}")
    short = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, who_answers=f"Sam and Ade share the inbox. {EVERY_LOOK}"))
    _in_every_format(short, "Who answers: Sam and Ade share the inbox.")
    _in_every_format(short, f"Every look: {EVERY_LOOK}")
    silent = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, who_answers="Sam and Ade share the inbox."))
    _in_every_format(silent, "Every look: not written yet (Community: who answers, say what each look "
                             "does with the messages waiting).")


def test_the_voice_staff_answer_in_is_on_the_sheet_its_rules_when_it_is_long():
    """Lumen's voice whole (it fits); a long one gives its rules for replies; none asks for it."""
    lumen = plan.example_plan()
    assert lumen.voice == VOICE
    _in_every_format(lumen, f"How we answer: {VOICE}")
    long = dataclasses.replace(lumen, voice="We sound like a barista who loves explaining coffee, "
                               + "and we talk about origins, roasting, grinders and recipes " * 5
                               + "as friends would. We sign replies with our first name. We never "
                                 "mock a question.")
    _in_every_format(long, "How we answer: We sign replies with our first name. We never mock a "
                           "question.")
    _in_every_format(dataclasses.replace(lumen, voice=" "), "How we answer: not written yet (Voice: "
                     "how you sound, and the rules every reply keeps).")


def test_no_line_sends_the_staff_to_a_part_of_the_plan():
    """The staff have the sheet, not the plan, by the desk."""
    lumen = plan.example_plan()
    document = docx.Document(io.BytesIO(staff_docx(lumen)))
    for text in (staff_markdown(lumen), staff_html(lumen),
                 "\n".join(p.text for p in document.paragraphs)):
        assert not re.search(r"\b(?:more in|parts?) \d", text)


def test_the_back_starts_at_the_crisis_in_every_format():
    """Markdown draws a rule before the crisis, the HTML page breaks before it, and Word's page
    break stands just before its heading, after the front's two parts."""
    lumen = plan.example_plan()
    text = staff_markdown(lumen)
    front, back = text.split("\n\n---\n\n")
    assert re.findall(r"^## (.+)$", front, re.MULTILINE) == HEADINGS[:2]
    assert re.findall(r"^## (.+)$", back, re.MULTILINE) == HEADINGS[2:]
    document = docx.Document(io.BytesIO(staff_docx(lumen)))
    breaks = [i for i, p in enumerate(document.paragraphs)
              if any('w:type="page"' in run._r.xml for run in p.runs)]
    assert [document.paragraphs[i + 1].text for i in breaks] == ["In a crisis, in this order"]
    assert _parsed(staff_html(lumen)).headings == HEADINGS


def test_the_word_sheet_has_the_printed_page_s_margins_and_type():
    """Word's default margins and type would push Lumen's front onto a second page (LibreOffice 7.4
    prints it on three); with the printed page's it prints on two, the crisis on the back."""
    document = docx.Document(io.BytesIO(staff_docx(plan.example_plan())))
    page = document.sections[0]
    assert [round(length.mm) for length in (page.top_margin, page.bottom_margin, page.left_margin,
                                            page.right_margin)] == [10, 10, 12, 12]
    assert [document.styles[style].font.size.pt for style in ("Normal", "Title", "Heading 1")] == [
        9.5, 16, 11]


@pytest.mark.parametrize("text, sentences", [
    ("Report it (FD&C Act section 417, 21 U.S.C. 350f(d)), then ring the county. Then rest.",
     ["Report it (FD&C Act section 417, 21 U.S.C. 350f(d)), then ring the county.", "Then rest."]),
    ("Reviews follow 16 CFR 465. We never pay for one.",
     ["Reviews follow 16 CFR 465.", "We never pay for one."]),
    ("AI images carry a label (N.Y. GBL 396-b). Staff say so.",
     ["AI images carry a label (N.Y. GBL 396-b).", "Staff say so."]),
    ("Post on two apps, e.g. Instagram and TikTok, i.e. Ade's. Then rest.",
     ["Post on two apps, e.g. Instagram and TikTok, i.e. Ade's.", "Then rest."]),
    ("The first look is at 7 a.m. Sam takes it.", ["The first look is at 7 a.m. Sam takes it."]),
    ("Ring Dr. Lee at once. J. Smith approves.", ["Ring Dr. Lee at once.", "J. Smith approves."]),
    ("Vitamin C. Then rest.", ["Vitamin C. Then rest."]),
    ("1. Pause every post. Then ring. See § 4. The rest waits.",
     ["1. Pause every post.", "Then ring.", "See § 4. The rest waits."]),
    ("Is it safe? Yes! We check.", ["Is it safe?", "Yes!", "We check."]),
    ("We never write “gifted.” Staff say so.", ["We never write “gifted.”", "Staff say so."]),
    ("Look at  the\n app, then reply.  ", ["Look at the app, then reply."]),
    (" \n", []),
])
def test_sentences_end_before_a_capital_and_not_at_an_abbreviation_initial_or_section_number(
        text, sentences):
    assert _sentences(text) == sentences


LOST_DUTIES = {  # the duties a first-come cut at 60 words left off Lumen's sheet, by line
    "Tell": ("The founder decides whether to stop sales and keep samples, calls the insurer and "
             "counsel, and speaks to the press.",
             "the FDA's recall coordinator", "New York's food inspectors", "(21 U.S.C. 350f(d))"),
    "Always": ("We never pay for, filter or write reviews", "16 CFR Part 465",
               "Images made or changed with AI carry the platform's AI label",
               "General Business Law section 396-b"),
    "After the first hour": ("Early shifts (07:00 to 14:30): Ade on Monday",
                        "late shifts (14:30 to 22:00): Jo from Monday to Saturday"),
    "Holidays and sickness": ("Lee takes Jo's looks and checks",
                              "Jo books no holiday in a lead's weeks away"),
}


def test_lumen_s_sheet_keeps_every_duty_of_its_long_texts_and_leaves_out_their_costs():
    """The press rule, the recall's reports, the review and AI-label rules, the surge's shifts and
    Jo's own cover are on Lumen's sheet in every format; the cover's overtime cost is not."""
    for name, lines in _lines(plan.example_plan()).items():
        for label, duties in LOST_DUTIES.items():
            line = next(line for line in lines if re.match(rf"(?:\d\. )?{re.escape(label)}:", line))
            for duty in duties:
                assert duty in line, (name, label, duty)
        holidays = next(line for line in lines if line.startswith("Holidays and sickness:"))
        assert "overtime at time and a half" not in holidays and "USD" not in holidays


def test_a_duty_after_a_cost_is_kept_and_the_cost_left_out():
    """The cut chooses by duty, not by position: a long cover text that opens with its cost keeps
    the duties after it."""
    lumen = plan.example_plan()
    cost = ("Cover is overtime at time and a half, paid from the budget's contingency at 60 USD an "
            "hour, about 900 USD a year over the five weeks the leads are away on holiday or sick, "
            "as the budget sets out in full with the hours of looks, checks and posts made ahead "
            "that each of them takes. ")
    duties = ("Jo takes the looks when a lead is away. Lee takes Jo's looks when she is away. If "
              "both are sick, the head of marketing takes the looks.")
    covered = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, deputy=cost + duties))
    _in_every_format(covered, f"Holidays and sickness: {duties}")


@pytest.mark.parametrize("which", ["Lumen", "bakery"])
def test_no_line_of_the_sheet_ends_in_a_fragment(bakery, which):
    """No line stops after an abbreviation or an initial ("U.S.", "e.g.", a lone capital) or opens
    with the rest of a broken citation ("350f(d)), then…")."""
    sheet = plan.example_plan() if which == "Lumen" else bakery
    for name, lines in _lines(sheet).items():
        for line in lines:
            said = line.split(": ", 1)[1]
            assert not re.search(r"(?:\b[A-Z]|\bU\.S\.C|\be\.g|\bi\.e|\b[ap]\.m)\.$", said), (name, line)
            assert not re.match(r"\d+[a-z]?\(", said), (name, line)


SPOKES_MEANING = ("A crisis is anything that could hurt a rider or the shop's name: a brake fault, a "
                  "crash on a hired bike, a complaint spreading fast.")
SPOKES_CALLS = "Whoever is on the rota rings Dan, then Priya, within the hour, day or night."


def test_a_crisis_escalation_that_opens_with_what_a_crisis_is_tells_the_call_order_first():
    """Spokes' escalation opens with what a crisis is, then the call order: the definition is only
    under what counts as a crisis, "2. Tell" opens with the call order, and the rota's part keeps
    the rota's later duties, not the call order."""
    lumen = plan.example_plan()
    spokes = dataclasses.replace(lumen, organisation="Spokes", crisis=dataclasses.replace(
        lumen.crisis, escalation=f"{SPOKES_MEANING} {SPOKES_CALLS} In a recall Sam calls each "
                                 "buyer of the batch."), budget=dataclasses.replace(lumen.budget, surge=""))
    _in_every_format(spokes, "What counts as a crisis: Anything that could hurt a rider or the shop's "
                             "name: a brake fault, a crash on a hired bike, a complaint spreading fast.")
    _in_every_format(spokes, f"1. Tell: {SPOKES_CALLS}")  # what counts as a crisis names no call
    _in_every_format(spokes, "4. After the first hour: In a recall Sam calls each buyer of the batch.")


def test_whom_to_tell_comes_first_unless_what_counts_as_a_crisis_says_whom_to_ring(bakery):
    """Lumen's line on what counts as a crisis ends "ring the on-call phone", so its checklist opens
    with the holding statement; reader 156's ("A crisis is any post about a dog's safety…") named
    no call, and the sheet told staff to post before telling anyone, against "the dog comes first
    … before anything is posted"."""
    assert [line.split(":")[0] for line in _lines(plan.example_plan())["Markdown"]
            if line[:2] in ("1.", "2.")] == ["1. Send the holding statement", "2. Tell"]
    assert [line.split(":")[0] for line in _lines(bakery)["Markdown"] if line[:2] in ("1.", "2.")] == [
        "1. Tell", "2. Send the holding statement"]


LATER = "Priya reports fake reviews to Google the same day."  # a duty for later: the rota's part


@pytest.mark.parametrize("escalation, told", [
    # reader 157's, printed as the rota's part after the pause its holder makes
    (f"If anyone is hurt, whoever sees it calls 999 first. Whoever sees a crisis calls the on-call phone "
     f"at once, and its holder calls Gemma. {LATER}",
     "If anyone is hurt, whoever sees it calls 999 first. Whoever sees a crisis calls the on-call phone at "
     "once, and its holder calls Gemma."),
    # reader 161's "the rider or whoever sees it calls 911", printed under "After the first hour":
    # an emergency number is the first minutes' wherever it stands
    (f"Priya or Ollie calls Gemma at once, day or night. {LATER} Scald in the shop: whoever sees it calls "
     "999, then Ollie fills in the accident book.",
     "Priya or Ollie calls Gemma at once, day or night. Scald in the shop: whoever sees it calls 999, then "
     "Ollie fills in the accident book.")])
def test_a_step_of_the_first_minutes_is_whom_to_tell_not_the_rota_s_part(bakery, escalation, told):
    shop = dataclasses.replace(bakery, crisis=dataclasses.replace(bakery.crisis, escalation=escalation))
    _in_every_format(shop, f"1. Tell: {told}")
    _in_every_format(shop, f"4. After the first hour: {LATER}")


# A long escalation: the sheet keeps its duties and leaves out its description (the last sentence)
STEPS = ("Priya or Ollie calls Gemma at once, day or night, and keeps calling until she answers. "
         "Anything about allergens goes at once to Gemma, who rings the council's food safety team. "
         "Storm: close the shop early, post the new hours on every channel and ring each customer with a "
         "cake due that day. Tomás tells the insurer if Gemma cannot be reached within the hour. "
         "Our shop has had two such complaints since 2019, both of them minor and both settled the same "
         "week with a refund and an apology, and neither reached the press.")


def test_a_crisis_s_own_label_a_routing_said_at_once_and_an_accented_name_are_duties(bakery):
    """Reader 160's "Storm: follow Met Éireann warnings…", "Anything about … goes at once to the
    on-call phone" and "The on-call holder rings Siobhán…" were left off the crisis side as
    description; a name with an accent (Tomás, Siobhán) counted as nobody."""
    shop = dataclasses.replace(
        bakery, crisis=dataclasses.replace(bakery.crisis, escalation=STEPS),
        community=dataclasses.replace(bakery.community, rota={**bakery.community.rota, "Sat": "Tomás"}))
    assert len(STEPS.split()) > plan_export.STAFF_WORDS  # too long to print whole: its duties are kept
    _in_every_format(shop, f"1. Tell: {' '.join(_sentences(STEPS)[:4])}")
    assert "two such complaints" not in staff_markdown(shop)


def test_escalation_steps_the_crisis_side_has_no_room_for_are_asked_about(bakery):
    """Reader 161's typhoon steps ("no rider goes out in Signal No. 3") fell off the crisis side for
    want of room, said only in the export's fold: the builder asks, naming the first one left."""
    kinds = {"Allergen": "council", "Burn": "insurer", "Break-in": "police", "Flood": "landlord",
             "Hack": "bank", "Fake page": "platform", "Power cut": "electrician", "Gas leak": "gas board",
             "Food poisoning": "doctor", "Theft": "police", "Typhoon": "council's emergency line"}
    crises = [f"{kind}: Gemma rings the {body} at once, and Priya or Ollie posts the holding statement on "
              f"every channel within the hour, then answers each comment on the {kind.lower()}."
              for kind, body in kinds.items()]
    escalation = "A crisis is any complaint about allergens or food safety. " + " ".join(crises)
    shop = dataclasses.replace(bakery, crisis=dataclasses.replace(bakery.crisis, escalation=escalation))
    asked = [issue.message for issue in plan.check(shop)
             if issue.where == "crisis.escalation" and "has room" in issue.message]
    left = [sentence for field, sentence in plan_export.staff_sheet_left_out(shop)
            if field == "Crisis: escalation"]
    assert left and left[0] in crises
    assert asked == [f"The staff sheet's crisis side has room for only some of the escalation's steps and "
                     f"leaves out {len(left)} (“{' '.join(left[0].split()[:12])}…”): shorten the steps, or "
                     "move what is not for the first hours to the full plan's other parts."]
    assert not [issue for issue in plan.check(bakery) if "has room for only some" in issue.message]


SPOKES_ESCALATION = (
    "Complaints about a repair go to the workshop manager the same day, and about an online order to "
    "Dan, who runs the web shop. Technical questions go to Tom. Our repair bookings grew by a third "
    "in 2026, most of them e-bikes, so questions about batteries, motors and gears come in every day "
    "and take longer to answer well than questions about opening hours, prices or stock. A refund "
    "over 50 GBP costs the shop its margin on the repair.")
SPOKES_COVER = (
    "When a lead is away, about 5 weeks a year, the other takes their looks. Mia covers Tom's "
    "Saturday looks. The shop has been open since 2009 and most of its riders live within three "
    "miles of it, so the weeks away fall in the quiet months from November to February, when the "
    "workshop is half as busy and the inbox is at its quietest. Cover is paid at 18 GBP an hour.")


def test_a_sentence_that_routes_work_to_someone_is_a_duty_and_every_person_the_plan_names_counts():
    """Spokes' complaint escalation and cover are longer than the sheet gives whole: "Technical
    questions go to Tom" routes work, a duty, and Tom, who makes the YouTube videos, and Mia, in the
    hours by person, are the plan's people, though neither is on the rota or has a number to ring;
    the description and the cost are left out."""
    lumen = plan.example_plan()
    spokes = dataclasses.replace(
        lumen, organisation="Spokes",
        channels=[dataclasses.replace(c, owner="Tom") if c.name == "YouTube" else c for c in lumen.channels],
        budget=dataclasses.replace(lumen.budget, hours_by_person={**lumen.budget.hours_by_person, "Mia": 2}),
        community=dataclasses.replace(lumen.community, escalation=SPOKES_ESCALATION, deputy=SPOKES_COVER))
    assert not re.search(r"\b(?:Tom|Mia)\b", " ".join([*lumen.community.rota.values(),
                                                       *lumen.community.contacts.values()]))
    _in_every_format(spokes, "Escalation: Complaints about a repair go to the workshop manager the same day, "
                             "and about an online order to Dan, who runs the web shop. Technical "
                             "questions go to Tom.")
    _in_every_format(spokes, "Holidays and sickness: When a lead is away, about 5 weeks a year, the other "
                             "takes their looks. Mia covers Tom's Saturday looks.")


def test_a_crisis_that_is_over_is_no_definition_of_one():
    """Reader 77's rota part, "… until Martin says the crisis is over.", was read as what a crisis
    is and vanished from the sheet: it now prints under the rota's part."""
    lumen = plan.example_plan()
    ending = "Whoever is on the inbox keeps looking every hour until the founder says the crisis is over."
    lumen.crisis.escalation = "Whoever is on the inbox rings the founder at once, day or night. " + ending
    [rota_part] = [line for line in staff_markdown(lumen).splitlines()
                   if "**4. After the first hour**" in line]
    assert ending in rota_part
    [meaning] = [line for line in staff_markdown(lumen).splitlines() if "**What counts as a crisis**" in line]
    assert "is over" not in meaning


def test_the_closed_dates_are_on_the_front_in_every_format():
    """Reader 77's sheet put a supervisor on the inbox on Christmas Day: the closed dates print
    under the rota, and a plan without any prints no such line."""
    lumen = plan.example_plan()
    assert not any(line.startswith("Closed") for line in _lines(lumen)["Markdown"])
    lumen.community.closed_dates = "2027-12-26, 2027-12-25"
    _in_every_format(lumen, "Closed: 25 December 2027 and 26 December 2027: no looks and no posts, "
                            "answered again from Mon 27 December 2027 at 07:00; the last look before says "
                            "when we answer again.")


def test_the_weekdays_the_rota_leaves_closed_are_on_the_closed_line_with_the_dates():
    """Reader 91's café shut on Mondays and Tuesdays found them nowhere on the sheet: the weekdays
    nobody is on come first on the Closed line, then the closed dates."""
    lumen = plan.example_plan()
    del lumen.community.rota["Mon"], lumen.community.rota["Tue"]
    lumen.community.days = 5
    _in_every_format(lumen, "Closed: every Mon and Tue: no looks; the last look before says when we "
                            "answer again.")
    lumen.community.closed_dates = "2027-12-25"
    _in_every_format(lumen, "Closed: every Mon and Tue: no looks; 25 December 2027: no looks and no "
                            "posts, answered again from Sun 26 December 2027 at 07:00; the last look "
                            "before says when we answer again.")
    lumen.community.closed_dates = "2027-12-24, 2027-12-25, 2027-12-26, 2027-12-29"  # reader 97's week
    _in_every_format(lumen, "Closed: every Mon and Tue: no looks; 24 December 2027 to 29 December 2027: no "
                            "looks and no posts, answered again from Thu 30 December 2027 at 07:00; the last "
                            "look before says when we answer again.")


def test_a_disclosure_sentence_for_everyone_and_for_staff_fills_both_lines():
    """Reader 83's one-sentence rule went whole under "Posting about us yourself" and left "Always"
    not written yet: a sentence giving both is split at its semicolon."""
    lumen = plan.example_plan()
    lumen.disclosure = "Gifted or paid posts say #ad; staff say they work here when they post about us."
    _in_every_format(lumen, "Always: Gifted or paid posts say #ad.")
    _in_every_format(lumen, "Posting about us yourself: Staff say they work here when they post about us.")


def test_a_quoted_line_of_two_sentences_stays_whole_on_the_sheet():
    """Reader 164's required line "'Not for sale to persons under the age of 18. Enjoy
    responsibly.'" was cut at its first full stop: the sheet printed an open quote under Always and
    "Enjoy responsibly.'" under the staff's own line. A quotation is one sentence, in either quotes."""
    lumen = plan.example_plan()
    for line in ("'Not for sale to persons under the age of 18. Enjoy responsibly.'",
                 '"Not for sale to persons under the age of 18. Enjoy responsibly."'):
        lumen.disclosure = (f"Paid or gifted posts say #ad, and every wine post carries the line {line} "
                            "Staff who post about us say they work here.")
        _in_every_format(lumen, f"Always: Paid or gifted posts say #ad, and every wine post carries the "
                         f"line {line}")
        _in_every_format(lumen, "Posting about us yourself: Staff who post about us say they work here.")


def test_numbered_crisis_steps_keep_their_order_under_one_heading():
    """Readers 163 and 164 numbered their steps; the sheet moved "2. … rings the on-call phone" under
    "4. After the first hour" and split a step's two sentences across headings. Numbered steps now
    print whole and in order as the first step, with no step 4 when they hold the rota's part too;
    the builder does not ask for a step 4 they already give."""
    lumen = plan.example_plan()
    steps = ("1. Anyone hurt: 000 first, from whoever is on site. 2. The on-call tradesperson rings "
             "Karen at once, then Leanne. 3. Scam texts: Leanne warns customers by SMS within 2 hours. "
             "If customer details may have leaked, Karen tells the OAIC. 4. Storm surge: Karen calls in "
             "the second on-call tradesperson and Sam adds evening looks.")
    numbered = dataclasses.replace(lumen, crisis=dataclasses.replace(
        lumen.crisis, escalation=f"A crisis is anyone hurt, scam texts or a storm. {steps}"),
        budget=dataclasses.replace(lumen.budget, surge="Two weeks a year of 10 extra hours a week at "
                                   "20 USD an hour."))  # no shifts: they would be step 4
    back = staff_markdown(numbered).split("## In a crisis", 1)[1].split("## Disclosure")[0]
    assert f"- **2. Tell and act, step by step**: {steps}\n" in back
    assert "After the first hour" not in back
    assert not [issue for issue in plan.check(numbered) if "After the first hour" in issue.message]
    unnumbered = dataclasses.replace(numbered, crisis=dataclasses.replace(
        numbered.crisis, escalation=re.sub(r"\d\. ", "", numbered.crisis.escalation)))
    assert "**4. After the first hour**: Storm surge: Karen calls in" in staff_markdown(unnumbered)
    skipped = dataclasses.replace(numbered, crisis=dataclasses.replace(  # 1, 2, 4: not numbered steps
        numbered.crisis, escalation=numbered.crisis.escalation.replace("3. Scam", "5. Scam")))
    assert "Tell and act" not in staff_markdown(skipped)


@pytest.mark.parametrize("rule, asks", [
    ("Gifted and paid posts always carry #ad, and we check that creators label them.", "Say what staff do"),
    ("Staff who post about us say they work here, and gifts to them are labelled #ad.", "Say how gifted"),
    ("Gifted or paid posts say #ad; staff say they work here when they post about us.", None)])
def test_a_disclosure_the_staff_sheet_cannot_split_into_its_two_lines_is_a_consider(rule, asks):
    lumen = plan.example_plan()
    lumen.disclosure = rule
    found = [(issue.level, issue.where, issue.message[:len(asks)]) for issue in plan.check(lumen)
             if issue.where == "disclosure"]
    assert found == ([("consider", "disclosure", asks)] if asks else [])


def test_the_longest_wait_over_closed_days_is_on_the_sheet_and_the_director_s_page():
    """Reader 94's bike shop, closed on Sunday and Monday, kept a 4-hour promise in staffed hours
    while a message after Saturday's last look waited until Tuesday: both pages now say how long,
    on the clock (Tuesday 09:00 less Saturday 12:00 is three days less three hours)."""
    shop = plan.example_plan()
    team = shop.community
    team.rota = {**dict.fromkeys(("Tue", "Wed", "Thu", "Fri"), "Sam at 09, 12 and 15:30"),
                 "Sat": "Sam at 09 and 12"}
    team.days, team.opens, team.closes, team.other_hours = 5, "09:00", "18:00", "Sat 09:00 to 16:00"
    team.who_answers, shop.crisis.escalation = "Sam answers the inbox.", "Sam tells the owner at once."
    hours = (dt.datetime(2027, 1, 5, 9) - dt.datetime(2027, 1, 2, 12)) / dt.timedelta(hours=1)
    wait = (f"A message after Sat's last look (12:00) waits for Tue's first (09:00): {hours:g} hours, "
            "the longest wait.")
    assert hours == 69
    assert wait in director_markdown(shop)
    _in_every_format(shop, "Out of hours: Nobody looks while the inbox is closed: messages wait for the "
                           f"next day's first look. {wait}")
    assert "Staffed 5 days a week (Tue–Sat), 09:00 to 18:00 (Sat 09:00 to 16:00)." in staff_markdown(shop)


def test_the_holding_statement_above_points_to_where_each_page_has_it():
    """Reader 163's approver line, "Leanne posts the holding statement above as written", pointed
    at nothing on the director's page and at the wrong place on the staff sheet, where the
    statement comes after it; each now says where its page has it."""
    lumen = plan.example_plan()
    said = dataclasses.replace(lumen, crisis=dataclasses.replace(
        lumen.crisis, approver="Karen approves. If she cannot be reached in 30 minutes, Leanne posts the "
        "holding statement above as written."))
    assert ("**Approves what we say**: Karen approves. If she cannot be reached in 30 minutes, Leanne posts "
            "the holding statement (the checklist's step 1 below) as written.") in staff_markdown(said)
    assert "Leanne posts the holding statement (on the staff sheet) as written." in director_markdown(said)
    assert "above" not in staff_markdown(said).split("Approves what we say", 1)[1].split("\n", 1)[0]
