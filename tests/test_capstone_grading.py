"""Does the automatic part of assignment 06 grade the plan file each learner hands in, through the
real pipeline (release, submission folder, sandboxed autograde, gradebook)?"""

import dataclasses
import shutil
from pathlib import Path

import nbformat
import pytest

from smcourse import grading, plan

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "06_capstone_strategy_plan"
TASK_A, TASK_B = 2, 4  # the code task's points and the plan check's, one per group of parts

pytestmark = pytest.mark.slow


def _own_plan() -> plan.Plan:
    """A bookshop's plan, workable: Lumen's shape, rewritten for another organisation."""
    ours = plan.example_plan()
    ours.organisation, ours.voice = "Harbour Books", "Bookish, kind and never snobbish."
    return ours


def _submit(root: Path, student: str, handed_in: plan.Plan | None) -> None:
    """The released notebook with the code cells solved as the source solves them, and
    `handed_in` saved beside it as my_strategy.plan.json; no answers.json (the cards are blank)."""
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    source = nbformat.read(root / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    solved = {cell.metadata.nbgrader["grade_id"]: cell.source for cell in source.cells}
    notebook = nbformat.read(root / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in ("baseline", "own_plan"):
            cell.source = solved[grade_id]
    nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
    if handed_in is not None:
        plan.save(handed_in, folder / "my_strategy.plan.json")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "solutions", root / "solutions")
    grading.release(root, only=[ASSIGNMENT])
    short_of_hours = _own_plan()
    short_of_hours.budget = dataclasses.replace(short_of_hours.budget, people_hours=10)
    renamed_only = dataclasses.replace(plan.example_plan(), organisation="Lumen Coffee Roasters Ltd")
    learners = {"own": _own_plan(), "short_of_hours": short_of_hours,
                "lumen_unchanged": plan.example_plan(), "lumen_by_name": renamed_only}
    for student, handed_in in learners.items():
        _submit(root, student, handed_in)
    run = grading.grade(ASSIGNMENT, root, show_progress=False)
    return {result.student: result.score for result in run.results}


def test_a_workable_plan_of_the_learner_s_own_earns_every_group(scores):
    assert scores["own"] == TASK_A + TASK_B


def test_the_points_come_from_the_plan_handed_in(scores):
    """Only the implementation group (the budget) is short in this learner's plan file."""
    assert scores["short_of_hours"] == TASK_A + TASK_B - 1


def test_lumen_s_example_handed_in_as_it_is_earns_nothing_for_the_plan(scores):
    assert scores["lumen_unchanged"] == scores["lumen_by_name"] == TASK_A
