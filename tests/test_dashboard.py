"""Does the class dashboard tell an instructor the truth about a class of 1, 4 or 500, from the
nbgrader gradebook, the saved graded answers and the collected practice logs?"""

import json
import re
from datetime import datetime, timedelta

import gradebooks
import pandas as pd
import pytest

from smcourse import cli
from smcourse.core import attempts
from smcourse.core.errors import SmcourseError
from smcourse.core.practice import Choice
from smcourse.instructor import dashboard

DUE = datetime(2026, 3, 2, 17, 0)
# nbgrader's own Gradebook.add_submission warns about its autoflush order; the rows are stored right.
pytestmark = pytest.mark.filterwarnings("ignore:Object of type:sqlalchemy.exc.SAWarning")


@pytest.fixture(scope="module")
def big_class(tmp_path_factory):
    """The demo class with 500 learners: gradebook, saved answers and practice logs."""
    return gradebooks.demo_class(tmp_path_factory.mktemp("big"), learners=500)


def _grade(gradebook, learner, item, score):
    grade = gradebook.find_grade(item, "01_why", "01_why", learner)
    grade.auto_score, grade.needs_manual_grade = score, False


@pytest.fixture
def small_class(tmp_path):
    """Four learners, one assignment with q1_test (1 point) and task_test (2 points):
    ana 1+2 on time, ben 1+1 late, cleo 0+0 after the due date but within her extension,
    dev hands in nothing."""
    path = tmp_path / "gradebook.db"
    with gradebooks.new_gradebook(path) as gradebook:
        gradebook.add_assignment("01_why", duedate=DUE)
        gradebook.add_notebook("01_why", "01_why")
        for item, points in (("q1_test", 1), ("task_test", 2)):
            gradebook.add_grade_cell(item, "01_why", "01_why", max_score=points, cell_type="code")
        for learner in ("ana", "ben", "cleo", "dev"):
            gradebook.add_student(learner)
        gradebook.add_submission("01_why", "ana", timestamp=DUE - timedelta(hours=5))
        gradebook.add_submission("01_why", "ben", timestamp=DUE + timedelta(hours=3))
        gradebook.add_submission("01_why", "cleo", timestamp=DUE + timedelta(hours=20),
                                 extension=timedelta(days=1))
        for learner, q1, task in (("ana", 1, 2), ("ben", 1, 1), ("cleo", 0, 0)):
            _grade(gradebook, learner, "q1_test", q1)
            _grade(gradebook, learner, "task_test", task)
        gradebook.db.commit()
    return path


def test_scores_lateness_and_missing_work_come_from_the_gradebook(small_class):
    record = dashboard.read_gradebook(small_class)
    table = record.submissions.set_index("learner")
    assert table["status"].to_dict() == {"ana": "on time", "ben": "late", "cleo": "on time",
                                         "dev": "missing"}
    assert table.loc["ana", "percent"] == 100 and table.loc["cleo", "percent"] == 0
    assert table.loc["ben", "percent"] == pytest.approx(200 / 3)
    assert table.loc["ben", "hours_late"] == pytest.approx(3)
    assert dashboard.follow_up(record).to_dict("index") == {
        "dev": {"missing": "01_why", "late": ""}, "ben": {"missing": "", "late": "01_why"}}


def test_item_difficulty_and_discrimination_are_computed_over_learners_who_handed_in(small_class):
    stats = dashboard.item_statistics(dashboard.read_gradebook(small_class)).set_index("item")
    assert stats.loc["q1_test", "facility"] == pytest.approx(2 / 3)
    assert stats.loc["task_test", "facility"] == pytest.approx(0.5)
    # q1 = (1, 1, 0) against the rest (2, 1, 0): covariance 1, variances 2/3 and 2
    assert stats.loc["q1_test", "discrimination"] == pytest.approx(1 / (4 / 3) ** 0.5)
    assert set(stats["learners"]) == {3}


def test_answers_awaiting_marking_are_left_out_of_item_statistics_and_announced(small_class):
    with gradebooks.new_gradebook(small_class) as gradebook:
        gradebook.find_grade("task_test", "01_why", "01_why", "cleo").needs_manual_grade = True
        gradebook.db.commit()
    stats = dashboard.item_statistics(dashboard.read_gradebook(small_class)).set_index("item")
    assert stats.loc["task_test", "facility"] == pytest.approx((2 + 1) / 2 / 2)
    assert stats.loc["task_test", "learners"] == 2 and stats.loc["q1_test", "learners"] == 3
    assert "Still to mark by hand (Formgrader): 1 answer;" in dashboard.build(small_class).summary[1]


def test_a_mis_keyed_item_is_flagged(big_class):
    stats = dashboard.item_statistics(dashboard.read_gradebook(big_class["gradebook"]))
    bonus = stats[stats["item"] == "bonus_test"]
    assert (bonus["discrimination"] < 0).all()
    assert set(bonus["advice"]) == {"check the key: stronger learners scored lower"}
    assert (stats[stats["item"] == "task_test"]["discrimination"] > dashboard.WEAK_DISCRIMINATION).all()


def test_the_most_common_wrong_graded_answers_are_judged_by_the_gradebook(small_class, tmp_path):
    submitted = tmp_path / "submitted"
    for learner, answer in (("ana", "reach"), ("ben", "reach"), ("cleo", "impressions")):
        (submitted / learner / "01_why").mkdir(parents=True)
        (submitted / learner / "01_why" / "answers.json").write_text(json.dumps({"q1": answer}))
    (submitted / "dev" / "01_why").mkdir(parents=True)
    (submitted / "dev" / "01_why" / "answers.json").write_text("{not json")
    answers = dashboard.read_graded_answers(submitted, dashboard.read_gradebook(small_class))
    assert sorted(zip(answers["learner"], answers["status"], strict=True)) == [
        ("ana", "correct"), ("ben", "correct"), ("cleo", "incorrect")]
    wrong = dashboard.wrong_answers(answers)
    assert wrong.to_dict("records") == [{"question": "01_why · q1", "answer": "impressions",
                                        "learners": 1}]


def _practice_logs(folder):
    question = Choice("Which counts people?", ["impressions", "reach"], "reach", name="denominator")
    other = Choice("Which is rented?", ["blog", "page"], "page", name="rented")
    for learner, events in {"ana": [("check", "incorrect", "impressions"), ("hint", None, None),
                                    ("check", "correct", "reach")],
                            "ben": [("check", "incorrect", "impressions"),
                                    ("check", "incorrect", "impressions")]}.items():
        (folder / learner / "course").mkdir(parents=True)
        for event, status, answer in events:
            attempts.record(question, event, status, answer, folder=folder / learner / "course")
        attempts.record(other, "check", "correct", "page", folder=folder / learner / "course")
    return folder


def test_practice_logs_show_where_the_room_is_stuck(tmp_path):
    practice = attempts.read(_practice_logs(tmp_path / "logs"))
    figure = dashboard.where_stuck(practice)
    wrong, hints = figure.data
    assert list(wrong.y) == ["denominator"] and list(wrong.x) == [3] and list(hints.x) == [1]
    assert "denominator (3 wrong, 1 hints, 2 learners)" in figure.layout.meta["alt"]
    assert dashboard.wrong_answers(practice).to_dict("records") == [
        {"question": "denominator", "answer": "impressions", "learners": 2}]


def test_before_anything_is_graded_the_practice_logs_alone_make_a_dashboard(tmp_path):
    board = dashboard.build(tmp_path / "gradebook.db", attempts_folder=_practice_logs(tmp_path / "logs"))
    assert board.summary[0].startswith("No graded submissions yet")
    assert [section.title for section in board.sections] == [
        "Where the room is stuck", "Common wrong answers to practice checks"]


def test_an_empty_gradebook_says_so_clearly(tmp_path):
    with gradebooks.new_gradebook(tmp_path / "gradebook.db") as gradebook:
        gradebook.add_assignment("01_why", duedate=DUE)
    with pytest.raises(SmcourseError, match="Nothing to show yet: the gradebook at .* has no graded "
                                            "submissions"):
        dashboard.build(tmp_path / "gradebook.db")


def test_a_file_that_is_not_a_gradebook_is_refused_and_left_untouched(tmp_path):
    stranger = tmp_path / "notes.db"
    stranger.write_text("shopping list")
    with pytest.raises(SmcourseError, match="not an nbgrader gradebook"):
        dashboard.read_gradebook(stranger)
    assert stranger.read_text() == "shopping list"


def test_a_class_of_one_gets_every_section_and_a_note_instead_of_discrimination(tmp_path):
    board = dashboard.build(**gradebooks.demo_class(tmp_path, learners=1))
    sections = {section.title: section for section in board.sections}
    assert board.summary[0].startswith("1 learner, 6 assignments")
    assert sections["Item discrimination"].figure is None
    assert "at least 3 learners" in sections["Item discrimination"].note
    assert all(section.figure is not None for title, section in sections.items()
               if title != "Item discrimination")


def test_a_class_of_500_fits_on_one_standalone_page(big_class, tmp_path):
    board = dashboard.build(**big_class)
    progress = next(section.figure for section in board.sections if section.title.startswith("Progress"))
    assert len(progress.data[0].y) == 500 and progress.layout.height <= 1400
    page = board.write_html(tmp_path / "dashboard.html").read_text(encoding="utf-8")
    assert page.count("<figure") == len(board.sections)
    assert len(re.findall(r"<script>/\*\*\s*\n?\s*\* plotly\.js", page)) == 1  # plotly.js once, inline
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", page)  # nothing loaded from elsewhere
    assert "500 learners, 6 assignments" in page


def test_a_learners_name_and_answers_on_the_page_are_text_never_markup(tmp_path):
    markup = "<script>alert(1)</script> & co"
    shown = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    answers = pd.DataFrame({"learner": ["ana", "ben"], "lesson": ["05_metrics"] * 2,
                            "question": ["q1"] * 2, "answer": [markup] * 2, "status": ["incorrect"] * 2})
    chase = pd.DataFrame({"missing": [markup]}, index=pd.Index([markup], name="learner"))
    board = dashboard.Dashboard([f"Summary {markup}"], [
        dashboard.Section(f"Answers {markup}", dashboard.wrong_answers_figure(answers, "practice"),
                          table=chase, note=f"Note {markup}")])
    page = board.write_html(tmp_path / "dashboard.html").read_text(encoding="utf-8")
    assert markup not in page
    # the summary, the heading, the note, the alt text twice (label and caption), the table twice
    assert page.count(shown) == 7
    assert f'<figure role="img" aria-label="Bars of the most common wrong answers to practice questions. ' \
           f"Top: 05_metrics · q1 &#39;{shown}&#39; by 2.\"" in page
    assert f"<th>{shown}</th>\n      <td>{shown}</td>" in page


def test_the_demo_record_is_the_class_that_the_demo_gradebook_stores(big_class):
    """The dashboard notebook draws the demo without nbgrader; it must be the same class."""
    stored = dashboard.read_gradebook(big_class["gradebook"]).submissions
    pd.testing.assert_frame_equal(dashboard.demo_record(learners=500).submissions, stored)


def test_every_figure_has_a_title_axis_labels_and_alt_text(tmp_path):
    for section in dashboard.build(**gradebooks.demo_class(tmp_path, learners=5)).sections:
        layout = section.figure.layout
        assert layout.title.text and layout.xaxis.title.text and layout.yaxis.title.text
        assert len(layout.meta["alt"]) > 40


def test_the_command_writes_the_page_and_prints_a_summary(tmp_path, monkeypatch, capsys):
    paths = gradebooks.demo_class(tmp_path, learners=8)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["dashboard", "--attempts", "attempts", "--output", "class.html"]) == 0
    out, err = capsys.readouterr()
    assert "8 learners, 6 assignments" in out and "wrote class.html" in out
    assert "drawing: 100%" in err  # the progress bar
    assert (tmp_path / "class.html").stat().st_size > 1_000_000
    assert paths["gradebook"].exists()


def test_the_command_with_nothing_to_show_prints_the_reason_not_a_traceback(tmp_path, monkeypatch,
                                                                            capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["dashboard"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("smcourse: Nothing to show yet") and "Traceback" not in err


def test_dashboard_help_gives_an_example(capsys):
    with pytest.raises(SystemExit):
        cli.main(["dashboard", "--help"])
    assert "example: smcourse dashboard --attempts" in capsys.readouterr().out
