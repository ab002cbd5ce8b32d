"""Does every graded assignment assess what its lesson teaches? Each source notebook's marking
notes hold a blueprint (the lesson's objectives, the items that assess them, their points); the
grading guide's copy must match it, every objective must be assessed and every item accounted for.
And no line of a solution may be one a learner can copy from a lesson, an instructor note or the
site: those files are read as they are when the test runs."""

import ast
import re
from pathlib import Path

import nbformat
import pytest

from smcourse.instructor import grading

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = [name for name in grading.assignments(ROOT) if name[:2] in {"01", "02", "03", "04", "05"}]
GUIDE = ROOT / "course" / "instructor" / "assessment_blueprints.md"
ROW = re.compile(r"^\| (?!objective |---)(.+?) \| (.+?) \| (.+?) \|$", re.M)
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)


def _source(assignment):
    return nbformat.read(ROOT / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)


def _item(cell) -> str | None:
    """The blueprint's name for a graded cell: q1, Task A, reflection."""
    meta = cell.metadata.get("nbgrader", {})
    if not meta.get("grade"):
        return None
    if cell.cell_type == "markdown":
        return "reflection"
    if re.fullmatch(r"q\d+_test", meta["grade_id"]):
        return meta["grade_id"].removesuffix("_test")
    return re.search(r'"""(Task [A-Z])', cell.source).group(1)


def _points(assignment) -> dict[str, float]:
    return {_item(cell): cell.metadata.nbgrader["points"] for cell in _source(assignment).cells
            if _item(cell)}


def _blueprint(assignment) -> list[tuple[str, list[str], list[float]]]:
    notes = next(cell.source for cell in _source(assignment).cells if _item(cell) == "reflection")
    rows = ROW.findall(notes.split("**Blueprint")[1])
    return [(objective, items.split(", "), [float(p) for p in points.split(" + ")])
            for objective, items, points in rows]


def _objectives(assignment) -> list[str]:
    """The bullets of the lesson's "What you will learn", as the lesson reads now."""
    lesson = nbformat.read(ROOT / "course" / f"{assignment}.ipynb", as_version=4)
    text = next(cell.source for cell in lesson.cells if cell.source.startswith("## What you will learn"))
    return [line[2:].replace("**", "") for line in text.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_blueprint_covers_every_objective_of_the_lesson_in_its_order(assignment):
    blueprint, objectives = _blueprint(assignment), _objectives(assignment)
    assert len(blueprint) == len(objectives), (assignment, [row[0] for row in blueprint], objectives)
    for (objective, items, _), lesson in zip(blueprint, objectives, strict=True):
        assert objective.split()[0] == lesson.split()[0], (objective, lesson)
        assert items, f"{assignment}: nothing assesses {objective!r}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_graded_item_is_in_the_blueprint_with_its_points(assignment):
    """An item may serve several objectives (a written answer's criteria), but its points are
    split between them, never counted twice: the blueprint adds up to the assignment's total."""
    points, blueprint = _points(assignment), _blueprint(assignment)
    counted = dict.fromkeys(points, 0.0)
    for objective, items, item_points in blueprint:
        assert len(items) == len(item_points), objective
        for item, given in zip(items, item_points, strict=True):
            assert item in points, f"{assignment}: {item} is in the blueprint but not graded"
            counted[item] += given
    assert counted == points, f"{assignment}: blueprint points per item {counted}, graded {points}"


def test_the_grading_guide_holds_each_blueprint_as_the_notebook_does():
    guide = GUIDE.read_text(encoding="utf-8")
    for assignment in ASSIGNMENTS:
        notes = next(cell.source for cell in _source(assignment).cells if _item(cell) == "reflection")
        table = "\n".join(line for line in notes.split("**Blueprint")[1].splitlines() if line.startswith("|"))
        section = guide.split(f"## {assignment}")[1].split("\n## ")[0]
        assert table in section, assignment


def _published_texts() -> dict[Path, str]:
    """Everything a learner can read: lessons, instructor notes, the site's own pages."""
    paths = [*ROOT.glob("course/*.ipynb"), *ROOT.glob("course/instructor/*.md"),
             *(path for path in (ROOT / "book").rglob("*")
               if path.suffix in {".md", ".ipynb", ".html"} and path.is_file())]
    return {path: path.read_text(encoding="utf-8", errors="ignore") for path in paths}


def test_no_solution_line_appears_in_a_lesson_an_instructor_note_or_the_site():
    texts = _published_texts()
    assert any(path.parent.name == "course" for path in texts)
    for assignment in ASSIGNMENTS:
        for cell in _source(assignment).cells:
            if cell.cell_type != "code":
                continue
            for region in SOLUTION.findall(cell.source):
                for line in filter(lambda line: len(line) > 12, map(str.strip, region.splitlines())):
                    copied = [path.relative_to(ROOT) for path, text in texts.items() if line in text]
                    assert not copied, f"{assignment}: {line!r} stands in {copied}"


def test_the_platform_question_of_assignment_2_keys_to_the_lessons_dated_table():
    """Assignment 2's q2 matches goals to platforms by what the lesson's table (as of its date)
    says each platform is for: every platform it keys must still be a row of that table."""
    key = next(cell.source for cell in _source("02_what_to_do").cells
               if cell.metadata.get("nbgrader", {}).get("grade_id") == "q2")
    pairs = ast.literal_eval(re.search(r"q2\.value = (\{.*\})", key).group(1))
    lesson = nbformat.read(ROOT / "course" / "02_what_to_do.ipynb", as_version=4)
    table = next(cell.source for cell in lesson.cells if "| Platform (as of" in cell.source)
    rows = {line.split("|")[1].split(" (")[0].strip() for line in table.splitlines() if line.startswith("| ")}
    assert set(pairs.values()) <= rows, set(pairs.values()) - rows
