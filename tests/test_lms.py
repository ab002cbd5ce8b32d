"""Does the grade export give Canvas and Moodle files they can import, for a realistic class?

A class of 12 (accented names, a comma in one, two without a roster entry in the copies that
test the errors) with the course's six assignments, built in a real nbgrader gradebook through
nbgrader's own API (no kernels): some submissions missing, one late, one reflection not yet marked.
Small on purpose: every behaviour below needs a dozen learners, and each submission is a commit.
"""

import csv
import shutil
import warnings
from pathlib import Path

import gradebooks
import pytest
from nbgrader.api import Gradebook
from sqlalchemy.exc import SAWarning

from smcourse import cli
from smcourse.core.errors import SmcourseError
from smcourse.instructor import grading, lms

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = grading.assignments(ROOT)
CLASS_SIZE = 12
CELLS = {"checks": ("code", 3), "widget_q1": ("code", 2), "reflection": ("markdown", 2)}
FIRST = ["Zoë", "José", "Siobhán", "Łukasz", "Øyvind", "Françoise", "Chloé", "Björn", "Ana-María",
         "Dvořák", "Niamh", "Thảo", "Ahmed", "Ngozi", "Maëlle", "Jürgen", "Ines", "Kofi", "Aoife", "Søren"]
LAST = ["Núñez", "O'Brien", "Müller", "Kowalczyk", "Ó Dálaigh", "Sørensen", "Lefèvre", "Nguyễn",
        "García Márquez", "Þórsdóttir"]
COMMA_NAME = ("Amélie", "Dupont, Jr.")
UNMARKED = ("l05", ASSIGNMENTS[3])
LATE = ("l08", ASSIGNMENTS[0], 1.5)


def _roster():
    learners = []
    for i in range(1, CLASS_SIZE + 1):
        first, last = (FIRST[i % len(FIRST)], LAST[i % len(LAST)]) if i != 12 else COMMA_NAME
        learners.append(lms.Learner(f"l{i:02}", first, last, f"l{i:02}@lumen-coffee.example",
                                    str(48_000 + i)))
    return learners


def _points(i, j):
    """What learner i scored on assignment j, per cell (None: did not submit)."""
    if (i + j) % 7 == 0:
        return None
    return {"checks": (i + j) % 4, "widget_q1": (i * j) % 3, "reflection": (i + 2 * j) % 3 * 0.5}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course folder whose gradebook holds the class; and the points each learner should get."""
    root = tmp_path_factory.mktemp("lms-course")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    expected = {}
    with warnings.catch_warnings(), gradebooks.new_gradebook(root / "gradebook.db") as gradebook:
        warnings.simplefilter("ignore", SAWarning)
        for assignment in ASSIGNMENTS:
            gradebook.add_assignment(assignment)
            gradebook.add_notebook(assignment, assignment)
            for cell, (kind, points) in CELLS.items():
                gradebook.add_grade_cell(cell, assignment, assignment, max_score=points, cell_type=kind)
        for i, learner in enumerate(_roster(), start=1):
            gradebook.add_student(learner.id, first_name=learner.first_name, last_name=learner.last_name,
                                  email=learner.email, lms_user_id=learner.lms_user_id)
            expected[learner.id] = {}
            for j, assignment in enumerate(ASSIGNMENTS):
                points = _points(i, j)
                expected[learner.id][assignment] = sum(points.values()) if points else 0
                if points is None:
                    continue
                gradebook.add_submission(assignment, learner.id)
                for cell, score in points.items():
                    grade = gradebook.find_grade(cell, assignment, assignment, learner.id)
                    if cell == "reflection" and (learner.id, assignment) == UNMARKED:
                        expected[learner.id][assignment] -= score  # counts 0 until marked
                    elif cell == "reflection":
                        grade.manual_score, grade.needs_manual_grade = score, False
                    else:
                        grade.auto_score, grade.needs_manual_grade = score, False
        student, assignment, penalty = LATE
        gradebook.find_submission_notebook(assignment, assignment, student).late_submission_penalty = penalty
        expected[student][assignment] = max(0, expected[student][assignment] - penalty)
        gradebook.db.commit()
    return root, expected


def _read(path):
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def _scores(row, first_score_column):
    return dict(zip(ASSIGNMENTS, map(float, row[first_score_column:]), strict=True))


def test_the_class_is_as_built(course):
    root, expected = course
    grades = grading.gradebook_grades(root)
    assert [learner.id for learner in grades.learners] == sorted(expected)
    assert grades.scores == expected
    assert grades.assignments == dict.fromkeys(ASSIGNMENTS, 7)
    zeros = sum(score == 0 for by_assignment in expected.values() for score in by_assignment.values())
    assert zeros > CLASS_SIZE * len(ASSIGNMENTS) / 8


def test_canvas_file_has_the_student_columns_points_possible_and_every_score(course, tmp_path):
    root, expected = course
    path = tmp_path / "canvas.csv"
    grading.export(path, root, format="canvas")
    rows = _read(path)
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *ASSIGNMENTS]
    assert rows[1] == ["Points Possible", "", "", "", "", *["7"] * len(ASSIGNMENTS)]
    by_login = {row[3]: row for row in rows[2:]}
    assert len(rows) == 2 + CLASS_SIZE and sorted(by_login) == sorted(expected)
    for learner in _roster():
        row = by_login[learner.id]
        assert row[:5] == [f"{learner.last_name}, {learner.first_name}", learner.lms_user_id, "",
                           learner.id, ""]
        assert _scores(row, 5) == expected[learner.id], learner.id
    assert by_login["l12"][0] == "Dupont, Jr., Amélie"


def test_moodle_file_has_one_row_per_learner_and_nothing_else(course, tmp_path):
    root, expected = course
    path = tmp_path / "moodle.csv"
    grading.export(path, root, format="moodle")
    rows = _read(path)
    assert rows[0] == ["First name", "Last name", "Username", "Email address", *ASSIGNMENTS]
    assert len(rows) == 1 + CLASS_SIZE
    for learner, row in zip(_roster(), rows[1:], strict=True):
        assert row[:4] == [learner.first_name, learner.last_name, learner.id, learner.email]
        assert _scores(row, 4) == expected[learner.id], learner.id


def test_plain_file_keeps_its_maximum_row_and_totals(course, tmp_path):
    root, expected = course
    path = tmp_path / "grades.csv"
    grading.export(path, root)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows[0] == {"student_id": "(maximum)", **dict.fromkeys(ASSIGNMENTS, "7"), "total": "42"}
    by_student = {row["student_id"]: row for row in rows[1:]}
    assert sorted(by_student) == sorted(expected)
    for student, row in by_student.items():
        assert float(row["total"]) == pytest.approx(sum(expected[student].values()))
    student, assignment, _ = LATE
    assert float(by_student[student][assignment]) == expected[student][assignment]


def test_files_are_utf8_without_a_byte_order_mark_and_quote_names_with_commas(course, tmp_path):
    root, _ = course
    path = tmp_path / "moodle.csv"
    grading.export(path, root, format="moodle")
    raw = path.read_bytes()
    assert raw.startswith(b"First name,") and "Ó Dálaigh".encode() in raw and "Þórsdóttir".encode() in raw
    assert b'"Dupont, Jr."' in raw


def test_an_unmarked_reflection_is_listed_not_hidden(course):
    root, _ = course
    grades = grading.gradebook_grades(root)
    student, assignment = UNMARKED
    assert grades.unmarked == {student: [f"{assignment}: reflection"]}
    report = lms.unmarked_report(grades)
    assert f"{student}: {assignment}: reflection" in report and "count 0" in report
    assert lms.unmarked_report(lms.Grades({}, [], {})) == ""


def _without(root, tmp_path, **blank):
    """A copy of the course where learners l03 and l11 lack the roster fields in `blank`."""
    copy = tmp_path / "course"
    shutil.copytree(root, copy)
    with Gradebook(f"sqlite:///{copy / 'gradebook.db'}", "smcourse") as gradebook:
        for student in ("l03", "l11"):
            gradebook.update_or_create_student(student, **blank)
    return copy


@pytest.mark.parametrize("shape, blank, needs", [
    ("moodle", {"email": None}, "an email address"),
    ("canvas", {"first_name": None, "last_name": None, "lms_user_id": None}, "a Canvas user ID"),
])
def test_a_learner_the_lms_cannot_identify_stops_the_export_and_says_how_to_fix_it(
        course, tmp_path, shape, blank, needs):
    copy = _without(course[0], tmp_path, **blank)
    path = tmp_path / "grades.csv"
    path.write_text("previous export\n")
    with pytest.raises(SmcourseError) as error:
        grading.export(path, copy, format=shape)
    message = str(error.value)
    assert needs in message and "missing for l03, l11." in message
    assert "nbgrader db student import roster.csv" in message
    assert path.read_text() == "previous export\n"
    grading.export(path, copy)  # the plain file needs no roster
    assert path.read_text() != "previous export\n"


def test_canvas_is_satisfied_by_a_canvas_user_id_alone(course, tmp_path):
    copy = _without(course[0], tmp_path, first_name=None, last_name=None)
    path = tmp_path / "canvas.csv"
    grading.export(path, copy, format="canvas")
    assert ["", "48003", "", "l03", ""] in [row[:5] for row in _read(path)]


def test_an_unknown_shape_is_refused():
    with pytest.raises(SmcourseError, match="choose one of plain, canvas, moodle"):
        lms.rows(lms.Grades({}, [], {}), "blackboard")


def test_the_command_writes_the_chosen_format_and_warns_about_unmarked_parts(course, tmp_path, capsys):
    root, _ = course
    path = tmp_path / "canvas.csv"
    assert cli.main(["assignments", "export", "--course", str(root), "--format", "canvas",
                     "--output", str(path)]) == 0
    out, err = capsys.readouterr()
    assert f"wrote {path} (canvas: {CLASS_SIZE} learners, {len(ASSIGNMENTS)} assignments" in out
    assert err.startswith("smcourse: warning: ") and f"l05: {UNMARKED[1]}: reflection" in err
    assert _read(path)[1][0] == "Points Possible"


def test_the_command_rejects_an_unknown_format(capsys):
    with pytest.raises(SystemExit):
        cli.main(["assignments", "export", "--format", "blackboard"])
    assert "invalid choice: 'blackboard'" in capsys.readouterr().err


def test_the_export_help_shows_an_example_for_each_format(capsys):
    with pytest.raises(SystemExit):
        cli.main(["assignments", "export", "--help"])
    out = capsys.readouterr().out
    assert all(f"--format {shape} --output" in out for shape in ("canvas", "moodle"))
    assert "nbgrader db student import roster.csv" in out
