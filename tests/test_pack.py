"""Does the facilitator's pack follow the lessons and the agenda, and does each activity card print
on one page?"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from smcourse import cli
from smcourse.core.errors import SmcourseError
from smcourse.instructor import pack
from smcourse.instructor.dashboard import class_ratings
from smcourse.ui import self_rating

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTOR = ROOT / "course" / "instructor"
AGENDA = (INSTRUCTOR / "workshop_one_day.md").read_text(encoding="utf-8")
CHROMIUM = "/usr/bin/chromium"
LESSONS = sorted((ROOT / "course").glob("[0-9][0-9]_*.ipynb"))
WITH_ACTIVITY = [path for path in LESSONS if "## Group activity (" in path.read_text(encoding="utf-8")]


def test_every_module_the_agenda_gives_an_activity_has_it_in_its_lesson():
    scheduled = pack.scheduled_activities(pack.cues(AGENDA))
    assert scheduled == {0, 1, 2, 3, 4, 5}
    assert {int(path.name[:2]) for path in WITH_ACTIVITY} >= scheduled


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


def _activity(lesson):
    """The lesson's group activity section and the code cell after it."""
    cells = nbformat.read(lesson, as_version=4).cells
    index = next(index for index, cell in enumerate(cells) if cell.source.startswith("## Group activity ("))
    return cells[index].source, cells[index + 1]


@pytest.mark.parametrize("lesson", WITH_ACTIVITY, ids=lambda path: path.stem)
def test_each_card_is_its_lessons_group_activity_section_and_the_notes_point_to_it(lesson):
    section, code = _activity(lesson)
    heading = re.match(r"## Group activity \((.*?)\): (.*)", section)
    found = pack.card(lesson)
    assert found.title == heading.group(2)
    assert {found.time, *found.groups.split(", ")} == {part.strip() for part in heading.group(1).split(",")}
    assert f"**Your task.** {found.task}" in section and f"**What you hand back.** {found.produce}" in section
    assert code.cell_type == "code" and found.code == code.source.strip()
    assert not [output for output in code.outputs if output.output_type == "error"]
    page = pack.card_html(found)
    shown_code = re.search(r"<pre><code>(.*?)</code></pre>", page, re.S).group(1)
    assert html.unescape(shown_code) == found.code and "<" not in shown_code and found.time in page
    notes = (INSTRUCTOR / lesson.name.replace(".ipynb", ".md")).read_text(encoding="utf-8")
    assert section.split("\n")[0] + "\n" in notes  # the same heading (time, groups, title) ...
    notes_section = notes.split(section.split("\n")[0])[1].split("\n## ")[0]
    assert "lesson's own *Group activity*" in notes_section and "```" not in notes_section  # ... no copy


def _lesson_with(path, *cells):
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Module 7"),
                                                   *cells]), path)
    return path


def test_a_lesson_without_a_whole_activity_section_is_named_with_what_to_add(tmp_path):
    heading = "## Group activity (10 minutes, pairs): film it\n\n**Your task.** Film it."
    bare = _lesson_with(tmp_path / "07_video.ipynb", nbformat.v4.new_markdown_cell("## Reflect"))
    with pytest.raises(SmcourseError, match=r"07_video.ipynb has no group activity: add a markdown "
                                            r"cell '## Group activity \(minutes, groups\): title'"):
        pack.card(bare)
    assert pack.cards([bare], scheduled=set()) == []
    with pytest.raises(SmcourseError, match="07_video.ipynb has no group activity"):
        pack.cards([bare], scheduled={7})  # the agenda gives module 7 an activity
    _lesson_with(bare, nbformat.v4.new_markdown_cell(heading), nbformat.v4.new_code_cell("1 + 1"))
    with pytest.raises(SmcourseError, match="07_video.ipynb's group activity is incomplete"):
        pack.card(bare)  # no "What you hand back"
    _lesson_with(bare, nbformat.v4.new_markdown_cell(heading + "\n\n**What you hand back.** A clip."))
    with pytest.raises(SmcourseError, match="incomplete: it needs .* then the code cell"):
        pack.card(bare)  # no code cell after it
    _lesson_with(bare, nbformat.v4.new_markdown_cell(heading + "\n\n**What you hand back.** A clip."),
                 nbformat.v4.new_code_cell("clip = 1"))
    assert pack.cards([bare], scheduled={7}) == [
        pack.Card("07_video", "film it", "10 minutes", "pairs", "Film it.", "A clip.", "clip = 1")]


def test_the_script_follows_the_agenda_row_by_row_with_what_to_have_ready():
    agenda = pack.cues(AGENDA)
    decks = {str(number): f"0{number}_x.html" for number in range(7)}
    page = pack.script_html(agenda, decks, {path.stem for path in WITH_ACTIVITY})
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


MARKUP = "<script>alert(1)</script> & co"  # text a page must show as text, never run
SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"


def test_a_card_shows_the_lessons_text_and_code_as_text_keeping_emphasis_and_code():
    page = pack.card_html(pack.Card("07_video", MARKUP, "10 minutes", "pairs",
                                    f"Film *it* with `cut()` {MARKUP}", f"A clip {MARKUP}",
                                    f"print('{MARKUP}')"))
    assert "<script>" not in page and "& co" not in page
    assert page.count(SHOWN) == 4  # the title, the task, the hand-back, the code
    assert f"<p>Film <em>it</em> with <code>cut()</code> {SHOWN}</p>" in page
    assert '<p class="facts">Module 7 · 10 minutes · pairs</p>' in page


def test_the_script_and_the_index_show_the_agendas_and_decks_text_as_text(tmp_path):
    row = f"| 17:00 | *evaluation* {MARKUP} | 5 | `plenary` {MARKUP} |\n"
    script = pack.script_html(pack.cues(row), {"5": "05_metrics.html"}, set())
    assert "<script>" not in script and "& co" not in script and script.count(SHOWN) == 2
    assert (f"<td><em>evaluation</em> {SHOWN}</td><td>5</td><td><code>plenary</code> {SHOWN}</td>"
            '<td>deck <a href="decks/05_metrics.html">05_metrics.html</a>; the printed evaluation forms, '
            "one per learner</td>") in script
    index = pack.index_html([Path("decks/05_<b>&.html")])
    assert '<a href="decks/05_&lt;b&gt;&amp;.html">05_&lt;b&gt;&amp;</a>' in index and "<b>" not in index


def test_the_command_builds_decks_cards_script_and_an_index_whose_links_work(tmp_path, capsys):
    lesson = ROOT / "course" / "05_metrics.ipynb"
    assert cli.main(["pack", "build", str(lesson), "--output", str(tmp_path)]) == 0
    assert f"wrote {tmp_path / 'decks' / '05_metrics.html'}" in capsys.readouterr().out
    for page in ("index.html", "facilitator_script.html"):
        for link in _links(tmp_path / page):
            assert (tmp_path / link.split("#")[0]).is_file(), (page, link)
    cards = (tmp_path / "activity_cards.html").read_text(encoding="utf-8")
    assert cards.count('class="card"') == len(WITH_ACTIVITY) and "http" not in cards


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
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == len(WITH_ACTIVITY)


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


def test_the_form_shows_a_modules_name_as_text_and_explains_the_scale(tmp_path, monkeypatch):
    monkeypatch.setattr(self_rating, "objectives",
                        lambda lessons=None: [self_rating.Objective("07_video.1", MARKUP, "Cut it.")])
    form = self_rating.SelfRatingForm("after", folder=tmp_path)
    assert form.box.children[1].children[0].value == f"<b>{SHOWN}</b>"
    assert form.box.children[0].value == (
        "<em>Rate each statement after the course: 1 = I could not do this · 2 = I could do it with "
        "help · 3 = I could do it on my own · 4 = I could do it well · 5 = I could teach it.</em>")


def test_a_damaged_rating_file_is_named(tmp_path):
    (tmp_path / "ana.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SmcourseError, match="damaged"):
        self_rating.load(tmp_path / "ana.json")
    with pytest.raises(SmcourseError, match="not self-ratings: ana.json"):
        class_ratings.read(tmp_path)


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
    summary = class_ratings.class_summary(class_ratings.read(tmp_path), known).set_index("objective")
    assert summary.loc["Define it.", ["before", "after", "change", "learners"]].tolist() == [2, 4, 2, 2]
    assert summary.loc["Compute it.", ["before", "after", "change"]].tolist() == [1.5, 2.5, 1]
    board = class_ratings.board(tmp_path, known)
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


def test_a_learner_sees_their_own_two_ratings_side_by_side_once_both_are_done(tmp_path):
    known = [self_rating.Objective("01_why.1", "Module 1", "Define it."),
             self_rating.Objective("01_why.2", "Module 1", "Explain it."),
             self_rating.Objective("05_metrics.1", "Module 5", "Compute it.")]
    mine = tmp_path / self_rating.RATINGS_FILE
    assert "fill in the form under *Before the course* first" in self_rating.OwnBeforeAndAfter(
        tmp_path, known).message
    self_rating.save(mine, "before", {"01_why.1": 1, "01_why.2": 2, "05_metrics.1": 3})
    waiting = self_rating.OwnBeforeAndAfter(tmp_path, known)
    assert waiting.missing == ["after"] and "not after it yet" in waiting.message
    self_rating.save(mine, "after", {"01_why.1": 4, "01_why.2": 3})  # 05_metrics.1 not rated again
    view = self_rating.OwnBeforeAndAfter(tmp_path, known)
    assert view.message == ""
    assert view.table.to_dict("records") == [
        {"module": "Module 1", "objective": "Define it.", "before": 1, "after": 4, "change": 3},
        {"module": "Module 1", "objective": "Explain it.", "before": 2, "after": 3, "change": 1}]
    assert view.figure().layout.meta["alt"] == ("Dot chart of your own average self-rating per module, "
                                                "before and after: Module 1 1.5 to 3.5.")
    self_rating.save(mine, "after", {"07_gone.1": 4})  # the lessons changed between the two
    assert "nothing to compare" in self_rating.OwnBeforeAndAfter(tmp_path, known).message


def test_the_self_rating_notebook_ends_with_the_learners_own_view():
    cells = nbformat.read(ROOT / "course" / "self_rating.ipynb", as_version=4).cells
    assert cells[-1].source == "OwnBeforeAndAfter()"
    assert cells[-2].source.startswith("## Your own before and after")
