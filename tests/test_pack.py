"""Does the facilitator's pack follow the instructor notes and the agenda, and does each activity
card print on one page?"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from smcourse import cli, pack
from smcourse.errors import SmcourseError

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTOR = ROOT / "course" / "instructor"
AGENDA = (INSTRUCTOR / "workshop_one_day.md").read_text(encoding="utf-8")
CHROMIUM = "/usr/bin/chromium"
MODULE_NOTES = sorted(INSTRUCTOR.glob("[0-9][0-9]_*.md"))


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.found.append(dict(attrs)["href"])


def _links(path):
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found


@pytest.mark.parametrize("notes", MODULE_NOTES, ids=lambda path: path.stem)
def test_each_card_takes_its_title_time_groups_and_code_from_the_notes(notes):
    text = notes.read_text(encoding="utf-8")
    heading = re.search(r"^## Group activity \((.*?)\)(?::\s*(.*))?$", text, re.M)
    found = pack.card(notes)
    assert found is not None and heading is not None, "every module's notes have a group activity"
    assert found.title == (heading.group(2) or "Group activity")
    assert {found.time, *found.groups.split(", ")} == {part.strip() for part in heading.group(1).split(",")}
    assert found.time and found.code in text and "data.load" in found.code
    page = pack.card_html(found)
    assert html.escape(found.task) in page and html.escape(found.produce) in page


def test_a_new_activity_without_a_learners_task_is_named_and_notes_without_one_give_no_card(tmp_path):
    notes = tmp_path / "07_video.md"
    notes.write_text("# Notes\n\n## Group activity (10 minutes, pairs): film it\n\nDo.\n", encoding="utf-8")
    with pytest.raises(SmcourseError, match="07_video.md has a group activity but pack.CARDS"):
        pack.card(notes)
    notes.write_text("# Notes\n\n## Discussion questions\n\n1. Why?\n", encoding="utf-8")
    assert pack.card(notes) is None


def test_the_script_follows_the_agenda_row_by_row_with_what_to_have_ready():
    agenda = pack.cues(AGENDA)
    decks = {str(number): f"0{number}_x.html" for number in range(7)}
    page = pack.script_html(agenda, decks, {path.stem for path in MODULE_NOTES})
    times = re.findall(r'<td class="time">(\d\d:\d\d)</td>', page)
    assert times == re.findall(r"^\| (\d\d:\d\d) \|", AGENDA, re.M) and len(times) > 10
    metrics_activity = next(row for row in page.split("<tr>") if "one goal, one metric" in row)
    assert 'href="decks/05_x.html"' in metrics_activity
    assert 'href="activity_cards.html#card-05_metrics"' in metrics_activity
    with pytest.raises(SmcourseError, match="no rows"):
        pack.cues("# An agenda\n\nNo table yet.")


def test_the_command_builds_decks_cards_script_and_an_index_whose_links_work(tmp_path, capsys):
    lesson = ROOT / "course" / "05_metrics.ipynb"
    assert cli.main(["pack", str(lesson), "--output", str(tmp_path)]) == 0
    assert f"wrote {tmp_path / 'decks' / '05_metrics.html'}" in capsys.readouterr().out
    for page in ("index.html", "facilitator_script.html"):
        for link in _links(tmp_path / page):
            assert (tmp_path / link.split("#")[0]).is_file(), (page, link)
    cards = (tmp_path / "activity_cards.html").read_text(encoding="utf-8")
    assert cards.count('class="card"') == len(MODULE_NOTES) and "http" not in cards


@pytest.mark.browser
def test_each_activity_card_prints_on_one_a4_page(tmp_path):
    from playwright import sync_api

    pack.build(tmp_path, ROOT / "course", [])
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto((tmp_path / "activity_cards.html").as_uri())
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        browser.close()
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == len(MODULE_NOTES)
