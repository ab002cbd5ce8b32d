"""Does the facilitator's pack follow the instructor notes and the agenda, and does each activity
card print on one page?"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from smcourse import cli, pack, self_rating
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
    assert found.time and found.code and all(block in text for block in found.code)
    assert len(found.code) == text.split("## Group activity")[1].split("\n## ")[0].count("```python")
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
    recap = pack.script_html(pack.cues("| 09:00 | recap of the morning | 1-3 | plenary, 5 min |\n"),
                             decks, set())  # a row may span modules; the day's agenda has none now
    assert re.findall(r'href="decks/(\d+)_x', recap) == ["01", "02", "03"]
    with pytest.raises(SmcourseError, match="no rows"):
        pack.cues("# An agenda\n\nNo table yet.")


def test_the_command_builds_decks_cards_script_and_an_index_whose_links_work(tmp_path, capsys):
    lesson = ROOT / "course" / "05_metrics.ipynb"
    assert cli.main(["pack", "build", str(lesson), "--output", str(tmp_path)]) == 0
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


# --- self-rating before and after --------------------------------------------------------------

def _lesson(path, title, objectives_cell):
    nbformat.write(nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(f"# {title}\n\nOne line."),
        nbformat.v4.new_markdown_cell(objectives_cell)]), path)
    return path


def test_objectives_are_each_lessons_what_you_will_learn(tmp_path):
    lesson = _lesson(tmp_path / "07_video.ipynb", "Module 7 · Video",
                     "## What you will learn\n\n- **Plan** a video that\n  fits the goal.\n- Cut it.\n")
    found = self_rating.objectives([lesson])
    assert found == [
        self_rating.Objective("07_video.1", "Module 7 · Video", "Plan a video that fits the goal."),
        self_rating.Objective("07_video.2", "Module 7 · Video", "Cut it.")]
    every = self_rating.objectives()
    for path in sorted((ROOT / "course").glob("[0-9][0-9]_*.ipynb")):
        objectives = next(cell.source for cell in nbformat.read(path, as_version=4).cells
                          if cell.source.startswith("## What you will learn"))
        listed = len(re.findall(r"^- ", objectives, re.M))
        assert sum(o.id.startswith(path.stem + ".") for o in every) == listed, path.name


def test_the_form_saves_each_move_and_keeps_the_other_stage(tmp_path):
    before = self_rating.SelfRatingForm("before", folder=tmp_path)
    first = self_rating.objectives()[0].id
    assert len(before.sliders) == len(self_rating.objectives())
    before.sliders[first].value = 2
    self_rating.SelfRatingForm("after", folder=tmp_path).sliders[first].value = 4
    saved = self_rating.load(tmp_path / self_rating.RATINGS_FILE)
    assert saved["before"][first] == 2 and saved["after"][first] == 4
    assert self_rating.SelfRatingForm("before", folder=tmp_path).sliders[first].value == 2
    with pytest.raises(SmcourseError, match="'before' or 'after', not 'during'"):
        self_rating.SelfRatingForm("during", folder=tmp_path)


def test_a_damaged_rating_file_is_named(tmp_path):
    (tmp_path / "ana.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SmcourseError, match="damaged"):
        self_rating.load(tmp_path / "ana.json")
    with pytest.raises(SmcourseError, match="not self-ratings: ana.json"):
        self_rating.read(tmp_path)


def _collected(folder):
    """ana and ben rate both times, cleo only before; ben's folder layout is a copy of his course/."""
    folder.mkdir(exist_ok=True)
    known = [self_rating.Objective("01_why.1", "Module 1", "Define it."),
             self_rating.Objective("05_metrics.1", "Module 5", "Compute it.")]
    self_rating.save(folder / "ana.json", "before", {"01_why.1": 1, "05_metrics.1": 2})
    self_rating.save(folder / "ana.json", "after", {"01_why.1": 4, "05_metrics.1": 2})
    (folder / "ben" / "course").mkdir(parents=True)
    bens = folder / "ben" / "course" / "self_rating.json"
    self_rating.save(bens, "before", {"01_why.1": 3, "05_metrics.1": 1})
    self_rating.save(bens, "after", {"01_why.1": 4, "05_metrics.1": 3})
    self_rating.save(folder / "cleo.json", "before", {"01_why.1": 5, "05_metrics.1": 5})
    return known


def test_the_class_summary_counts_only_learners_who_rated_both_times(tmp_path):
    known = _collected(tmp_path)
    summary = self_rating.class_summary(self_rating.read(tmp_path), known).set_index("objective")
    assert summary.loc["Define it.", ["before", "after", "change", "learners"]].tolist() == [2, 4, 2, 2]
    assert summary.loc["Compute it.", ["before", "after", "change"]].tolist() == [1.5, 2.5, 1]
    board = self_rating.board(tmp_path, known)
    assert board.summary[0] == "2 of 3 learners rated themselves both before and after."
    assert board.sections[1].table["objective"].tolist() == ["Compute it.", "Define it."]
    assert "Module 1 2.0 to 4.0, Module 5 1.5 to 2.5." in board.sections[0].figure.layout.meta["alt"]


def test_the_ratings_command_writes_the_before_and_after_page(tmp_path, capsys, monkeypatch):
    known = _collected(tmp_path / "ratings")
    monkeypatch.setattr(self_rating, "objectives", lambda lessons=None: known)
    output = tmp_path / "ratings.html"
    assert cli.main(["pack", "ratings", str(tmp_path / "ratings"), "--output", str(output)]) == 0
    assert "2 of 3 learners" in capsys.readouterr().out
    page = output.read_text(encoding="utf-8")
    assert "Self-rating per objective, least moved first" in page and "Compute it." in page
    assert cli.main(["pack", "ratings", str(tmp_path / "none")]) == 1
    assert "no folder of self-ratings" in capsys.readouterr().err
