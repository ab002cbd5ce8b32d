"""Does the instructor's pipeline grade simulated learners exactly, survive bad submissions, keep
exercises/ in step with solutions/, and never show hidden tests or solutions to learners?

One class run per assignment, through the real nbgrader gradebook (SQLite), shared by the tests.
"""

import copy
import csv
import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import nbgrader.api
import pytest
from capstone_reference import reference_plan
from markupsafe import escape
from nbgrader.api import Gradebook
from nbgrader.nbgraderformat import MetadataValidator

from smcourse import cli
from smcourse.core import notebooks
from smcourse.instructor import grading, sandbox
from smcourse.instructor.grading import autograding

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = grading.assignments(ROOT)
WIDGET = re.compile(r"q\d+$")
CAPSTONE = "06_capstone_strategy_plan"  # its plan task grades the plan file handed in
PROBE = "05_metrics"  # the assignment that also receives the bad submissions
REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.S)

pytestmark = pytest.mark.slow


def _grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def _source(assignment, root=ROOT):
    return nbformat.read(root / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)


def _secrets(assignment, rubric=True):
    """Every line of solution code, hidden test and marking note in the source of `assignment`
    (with `rubric=False`, not the rubric's criteria, which feedback shows once work is graded)."""
    lines = set()
    for cell in _source(assignment).cells:
        for _, region in REGION.findall(cell.source):
            if not rubric and cell.cell_type == "markdown":
                region = region.split("Example")[-1]  # the model answer, never the criteria
            lines |= {line.strip() for line in region.splitlines() if len(line.strip()) > 12}
    return lines


def _leaks(text, assignment, rubric=True, own=""):
    """The secret lines of `assignment` in `text`, but for those the learner wrote themselves
    (`own`: their submitted notebook; a learner who solved a task sees their own solution)."""
    return sorted(line for line in _secrets(assignment, rubric) if line in text and line not in own)


def _own(root, student, assignment):
    path = root / "submitted" / student / assignment / f"{assignment}.ipynb"
    try:
        return "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)
    except Exception:  # missing or malformed: nothing of the learner's own
        return ""


def _points(assignment, root=ROOT, widgets=False):
    """The automatic points of `assignment` (with `widgets`, only its graded questions')."""
    return sum(cell.metadata.nbgrader["points"] for cell in _source(assignment, root).cells
               if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade")
               and (not widgets or WIDGET.match(_grade_id(cell).removesuffix("_test"))))


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course folder with every assignment released, and the right answers of each, saved by
    running its source notebook as a learner would (which also proves it passes its own tests)."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "solutions", root / "solutions")
    grading.release(root)

    def run_source(assignment):
        folder = root / "source-runs" / assignment
        folder.mkdir(parents=True)
        shutil.copy(root / "solutions" / assignment / f"{assignment}.ipynb", folder)
        return notebooks.execute(folder / f"{assignment}.ipynb"), folder / "answers.json"

    with ThreadPoolExecutor(2) as pool:
        runs = dict(zip(ASSIGNMENTS, pool.map(run_source, ASSIGNMENTS), strict=True))
    return root, runs


def _learner(root, assignment, student, *, code=True, answers=None, edit=None):
    """Submit the student version with the right code (or none) and `answers` as answers.json;
    `edit(cells)` may then damage the notebook. With the right code, the capstone's learner also
    hands in the reference plan file, which is what its plan task grades."""
    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True)
    notebook = nbformat.read(root / "exercises" / assignment / f"{assignment}.ipynb", as_version=4)
    solved = {_grade_id(cell): cell.source for cell in _source(assignment, root).cells}
    for cell in notebook.cells:
        nb = cell.metadata.get("nbgrader", {})
        if code and nb.get("solution") and cell.cell_type == "code" and not WIDGET.match(nb["grade_id"]):
            cell.source = solved[nb["grade_id"]]
    if edit:
        edit(notebook.cells)
    nbformat.write(notebook, folder / f"{assignment}.ipynb")
    if answers is not None:
        (folder / "answers.json").write_text(json.dumps(answers))
    if code and assignment == CAPSTONE:
        reference_plan(folder)
    return folder


def _replace(grade_id, source):
    def edit(cells):
        next(cell for cell in cells if _grade_id(cell) == grade_id).source = source
    return edit


def _insert_after(grade_id, source):
    def edit(cells):
        index = next(i for i, cell in enumerate(cells) if _grade_id(cell) == grade_id)
        cells.insert(index + 1, nbformat.v4.new_code_cell(source))
    return edit


def _delete(grade_id):
    def edit(cells):
        cells[:] = [cell for cell in cells if _grade_id(cell) != grade_id]
    return edit


@pytest.fixture(scope="module")
def graded(course):
    """Grade the class: per assignment a correct, a blank and a partly right learner, and for the
    probe assignment a learner for every kind of bad submission."""
    root, runs = course
    expected = {}
    for assignment in ASSIGNMENTS:
        right = json.loads(runs[assignment][1].read_text())
        full = _points(assignment, root)
        _learner(root, assignment, "correct", answers=right)
        _learner(root, assignment, "blank", code=False)
        # q1 right (1 point); q2, where it has several right options, only one of them; the rest unanswered
        part_of_q2 = {"q2": right["q2"][:1]} if isinstance(right["q2"], list) else {}
        _learner(root, assignment, "partial", answers={"q1": right["q1"], **part_of_q2})
        expected[assignment] = {"correct": full, "blank": 0,
                                "partial": full - _points(assignment, root, widgets=True) + 1}
    right = json.loads(runs[PROBE][1].read_text())
    full, code_only = _points(PROBE, root), _points(PROBE, root) - _points(PROBE, root, widgets=True)
    probes = {  # learner: (answers.json, damage, expected points); Task A is worth 2, 1 for its order
        "edited_test": (right, _replace("q1_test", "pass"), full),
        "deleted_test": (right, _delete("q1_test"), full - 1),
        "endless_loop": (right, _replace("rate_by_type", "while True:\n    pass"), full - 2),
        "dead_kernel": (right, _insert_after("setup", "import os\nos._exit(1)"), 0),
        "huge_output": (right, _insert_after("setup", 'print("x" * 50_000_000)'), full),
        "wrong_types": ({"q1": 42, "q2": "reach", "q3": {"a": 1}}, None, code_only),
        "no_answers": (None, None, code_only),
        "unsorted_rates": (right, _replace("rate_by_type", 'rate_by_type = metrics.performance_by('
                                           'beacon[beacon["mode"] == "broadcast"], "content_type")'
                                           '["engagement_rate"].sort_values()'),
                           full - 1),
    }
    for student, (answers, edit, points) in probes.items():
        _learner(root, PROBE, student, answers=answers, edit=edit)
        expected[PROBE][student] = points
    broken = root / "submitted" / "malformed" / PROBE
    broken.mkdir(parents=True)
    (broken / f"{PROBE}.ipynb").write_text('{"cells": [')
    (root / "submitted" / "missing" / PROBE).mkdir(parents=True)
    expected[PROBE].update(malformed=0, missing=0)
    results = {assignment: {result.student: result
                            for result in grading.grade(assignment, root, show_progress=False).results}
               for assignment in ASSIGNMENTS}
    return root, results, expected


def test_every_source_notebook_passes_its_own_tests(course):
    _, runs = course
    for assignment, (notebook, _) in runs.items():
        failing = [_grade_id(cell) for cell in notebook.cells
                   if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code"
                   and any(output.output_type == "error" for output in cell.outputs)]
        assert failing == [], f"{assignment}: {failing}"


def test_running_the_source_saves_the_right_widget_answers_as_clicks_would(course):
    _, runs = course
    saved = json.loads(runs["05_metrics"][1].read_text())
    assert saved["q1"] == "reach" and sorted(saved["q2"]) == ["click-through rate", "follower counts"]


def test_each_learner_gets_exactly_the_automatic_points_deserved(graded):
    _, results, expected = graded
    scores = {a: {s: r.score for s, r in by_student.items()} for a, by_student in results.items()}
    assert scores == expected


def test_a_correct_learner_gets_full_points_and_a_blank_one_none_in_every_assignment(graded):
    _, results, _ = graded
    for by_student in results.values():
        assert by_student["correct"].score == by_student["correct"].max_score > 0
        assert by_student["blank"].score == 0
        assert 0 < by_student["partial"].score < by_student["partial"].max_score


@pytest.mark.parametrize("student, reason", [
    ("edited_test", "locked cells edited: q1_test"),
    ("deleted_test", "graded cells deleted: q1_test"),
    ("dead_kernel", "stopped its own kernel"),
    ("malformed", "is not a readable notebook"),
    ("missing", "05_metrics.ipynb was not submitted"),
    ("no_answers", "no answers.json submitted"),
    ("blank", "no answers.json submitted"),
])
def test_bad_submissions_are_reported_with_a_reason(graded, student, reason):
    _, results, _ = graded
    assert reason in results[PROBE][student].summary


def test_the_gradebook_holds_one_consistent_submission_per_learner(graded):
    root, results, _ = graded
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "smcourse") as gradebook:
        for assignment, by_student in results.items():
            submissions = gradebook.find_assignment(assignment).submissions
            assert sorted(s.student.id for s in submissions) == sorted(by_student)
            for submission in submissions:
                code = [g for n in submission.notebooks for g in n.grades if g.cell.cell_type == "code"]
                assert all(g.auto_score is not None or g.name == "q1_test" for g in code)


def test_graded_notebooks_stay_small_even_after_printing_50_mb(graded):
    root, _, _ = graded
    notebook = root / "autograded" / "huge_output" / PROBE / f"{PROBE}.ipynb"
    assert notebook.stat().st_size < 2_000_000


def _pages(assignment, root):
    return {page.parts[-3]: page.read_text() for page in grading.feedback(assignment, root)
            if page.name != "index.html"}


def test_feedback_says_why_and_never_shows_hidden_tests_or_solutions(graded):
    root, _, _ = graded
    pages = _pages(PROBE, root)
    assert "✓ right rates" in pages["correct"] and ">right</span>" in pages["correct"]
    assert "✗ highest first: the content types are not in order" in pages["unsorted_rates"]
    assert "answers.json was not found beside the notebook" in pages["no_answers"]
    assert "answers.json is damaged" not in pages["no_answers"]
    assert "cannot be judged: 42 is not one of the options" in pages["wrong_types"]
    assert "could not be run by the autograder" in pages["dead_kernel"]
    assert all(len(page) < 500_000 for page in pages.values())
    for student, page in pages.items():
        assert _leaks(page, PROBE, rubric=False, own=_own(root, student, PROBE)) == [], student


def test_no_feedback_page_of_any_assignment_shows_a_hidden_test_solution_or_model_answer(graded):
    root, _, _ = graded
    for assignment in ASSIGNMENTS:
        pages = _pages(assignment, root)
        assert {"correct", "blank", "partial"} <= set(pages)
        for student, page in pages.items():
            own = _own(root, student, assignment)
            assert _leaks(page, assignment, rubric=False, own=own) == [], (assignment, student)


def test_feedback_shows_each_question_the_learners_answer_and_the_verdict(graded):
    root, _, _ = graded
    source = _source(PROBE, root)
    prompts = [re.search(r'ask\("q\d", \w+, "(.+?)"', cell.source).group(1) for cell in source.cells
               if WIDGET.match(_grade_id(cell) or "")]
    page = _pages(PROBE, root)["partial"]
    assert all(escape(prompt) in page for prompt in prompts)
    answers = json.loads((root / "submitted" / "partial" / PROBE / "answers.json").read_text())
    assert f"<dt>Your answer</dt><dd>{escape(answers['q1'])}</dd>" in page
    assert "Not right. You found 1 of the 2 right options" in page and "The right answer:" in page
    assert "You gave no answer." in page  # q3 unanswered
    assert "<dt>Your code</dt>" in page and "What your code produced" in page
    assert ">not answered</span> · 0 of 3 points" in page and "What your tutor looks for" in page


def _mark(root, student, points, comment):
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "smcourse") as book:
        book.find_grade("reflection", PROBE, PROBE, student).manual_score = points
        book.find_comment("reflection", PROBE, PROBE, student).manual_comment = comment
        book.db.commit()


def test_a_marked_written_answer_shows_its_points_and_the_tutors_comment(graded):
    root, _, _ = graded
    _mark(root, "correct", 2, "Good test; say more on chance.")
    try:
        page = _pages(PROBE, root)["correct"]
    finally:
        _mark(root, "correct", None, None)  # the class's grades stay as graded for the other tests
    assert "2 of 3 points" in page and "Good test; say more on chance." in page
    assert "Your tutor marks this answer" not in page
    index = (root / "feedback" / "correct" / "index.html").read_text()
    assert f'href="{PROBE}/{PROBE}.html"' in index


def test_a_corrupt_answers_file_is_named_in_the_feedback(course, tmp_path):
    root, runs = course
    copy = tmp_path / "course"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("submitted", "autograded", "feedback",
                                                              "source-runs"))
    folder = _learner(copy, "01_why_social_media", "corrupt")
    (folder / "answers.json").write_text("{oops")
    [result] = grading.grade("01_why_social_media", copy, workers=1, show_progress=False).results
    assert result.score == result.max_score - _points("01_why_social_media", copy, widgets=True)
    page = copy / "feedback" / "corrupt" / "01_why_social_media" / "01_why_social_media.html"
    assert page in grading.feedback("01_why_social_media", copy)
    assert "answers.json is damaged (not readable JSON)" in page.read_text()


def test_one_worker_grades_two_submissions_through_one_gradebook_engine(course, tmp_path,
                                                                         monkeypatch):
    """nbgrader opens a gradebook about ten times a submission, each with an engine of its own:
    a worker shares one per address (`autograding._share_engines`), so grading two submissions
    in one worker creates one engine, and both submissions' grades still come back."""
    root, runs = course
    assignment = "01_why_social_media"
    copy = tmp_path / "course"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("submitted", "autograded", "feedback",
                                                              "source-runs"))
    right = json.loads(runs[assignment][1].read_text())
    _learner(copy, assignment, "first", answers=right)
    _learner(copy, assignment, "second", code=False)
    template = tmp_path / "template.db"
    shutil.copy(copy / "gradebook.db", template)
    created = []
    engine = nbgrader.api.create_engine

    def counted_engine(url, **options):
        created.append(str(url))
        return engine(url, **options)

    monkeypatch.setattr(nbgrader.api, "create_engine", counted_engine)  # restored after the test
    monkeypatch.setattr(autograding, "_engines", {})
    for name in ("SMCOURSE_DATASETS", "JUPYTER_PATH"):  # the worker sets them; put them back
        monkeypatch.delenv(name, raising=False)
    outcomes = [autograding._autograde_one(str(copy), assignment, student, str(template), {},
                                           sandbox.Limits(), str(tmp_path / "runs"), False)
                for student in ("first", "second")]
    assert created == [f"sqlite:///{template.with_name(f'worker-{os.getpid()}.db')}"]
    scores = [sum(score or 0 for notebook in outcome["grades"]["notebooks"].values()
                  for score, _ in notebook["grades"].values()) for outcome in outcomes]
    assert [outcome["success"] for outcome in outcomes] == [True, True]
    assert scores == [_points(assignment, copy), 0]


def test_plain_nbgrader_autograde_still_grades_the_same_course(course, tmp_path):
    """The referee and the sandbox live in `smcourse assignments grade`; nothing in the notebooks
    depends on them, so an instructor's plain `nbgrader autograde` still works."""
    root, runs = course
    copy = tmp_path / "course"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("submitted", "autograded", "feedback",
                                                              "source-runs", "gradebook.db"))
    grading.release(copy)
    right = json.loads(runs["01_why_social_media"][1].read_text())
    _learner(copy, "01_why_social_media", "plain", answers=right)
    api = grading.nbgrader_api(grading.load_config(copy))
    assert api.autograde("01_why_social_media", "plain", force=True, create=True)["success"]
    with Gradebook(f"sqlite:///{copy / 'gradebook.db'}", "smcourse") as book:
        submission = book.find_submission("01_why_social_media", "plain")
        assert submission.code_score == submission.max_code_score > 0


def test_export_writes_one_row_per_learner_with_the_totals(graded, tmp_path):
    root, results, expected = graded
    grading.export(tmp_path / "grades.csv", root)
    rows = list(csv.DictReader((tmp_path / "grades.csv").open(encoding="utf-8")))
    assert rows[0]["student_id"] == "(maximum)"
    by_student = {row["student_id"]: row for row in rows[1:]}
    assert float(by_student["correct"][PROBE]) == expected[PROBE]["correct"]
    assert float(by_student["correct"]["total"]) == sum(expected[a]["correct"] for a in ASSIGNMENTS)
    assert float(by_student["missing"]["total"]) == 0


def test_committed_exercises_match_what_solutions_generate(capsys):
    assert cli.main(["assignments", "release", "--check"]) == 0
    assert "exercises/ matches solutions/" in capsys.readouterr().out


def test_no_solution_hidden_test_or_rubric_text_appears_in_exercises():
    for assignment in ASSIGNMENTS:
        assert _secrets(assignment), assignment
        for path in (ROOT / "exercises" / assignment).rglob("*"):
            if path.is_file():
                assert _leaks(path.read_text(), assignment) == [], path
        assert not (ROOT / "exercises" / assignment / "answers.json").exists()


def _corrupt(notebook, change):
    """`notebook` with its first graded cell's nbgrader metadata changed by `change`."""
    corrupted = copy.deepcopy(notebook)
    cells = [cell for cell in corrupted.cells if cell.metadata.get("nbgrader", {}).get("grade")]
    change(cells[0].metadata, cells[1].metadata)
    return corrupted


@pytest.mark.parametrize("change", [
    lambda first, second: None,
    lambda first, second: first.nbgrader.update(points="ten"),
    lambda first, second: first.nbgrader.update(grade=None),
    lambda first, second: first.nbgrader.update(unexpected=1),
    lambda first, second: first.nbgrader.update(schema_version=2),
    lambda first, second: first.nbgrader.update(schema_version=9),
    lambda first, second: first.nbgrader.pop("grade_id"),
    lambda first, second: second.nbgrader.update(grade_id=first.nbgrader.grade_id),
    lambda first, second: first.update(nbgrader="text"),
], ids=["intact", "points", "grade", "extra key", "old schema", "new schema", "no grade id",
        "duplicate id", "not a mapping"])
def test_the_sanitize_pass_judges_cell_metadata_exactly_as_nbgrader_does(change):
    notebook = _corrupt(nbformat.read(ROOT / "exercises" / PROBE / f"{PROBE}.ipynb", as_version=4), change)
    verdicts = []
    for validator in (MetadataValidator(), autograding._CellMetadataValidator()):
        try:
            validator.validate_nb(copy.deepcopy(notebook))
            verdicts.append("valid")
        except Exception as error:  # whatever nbgrader raises, the same must be raised
            verdicts.append(f"{type(error).__name__}: {error}")
    assert verdicts[0] == verdicts[1]
