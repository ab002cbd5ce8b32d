"""The reference plan of assignment 06 (a small bakery's), made by running the solution's own
`own_plan` cell, so the tests grade and compare the very plan the reference run hands in."""

from pathlib import Path

import nbformat

from smcourse import plan

SOLUTION = (Path(__file__).resolve().parents[1] / "solutions" / "06_capstone_strategy_plan" /
            "06_capstone_strategy_plan.ipynb")


def solution_cells() -> dict[str, str]:
    """The source of each graded cell of the solution notebook, by grade id."""
    notebook = nbformat.read(SOLUTION, as_version=4)
    return {cell.metadata.nbgrader["grade_id"]: cell.source for cell in notebook.cells}


def reference_plan(folder: Path) -> plan.Plan:
    """The plan the solution's `own_plan` cell saves when no plan file exists, saved in `folder`."""
    path = Path(folder) / "my_strategy.plan.json"
    exec(solution_cells()["own_plan"], {"plan": plan, "PLAN_FILE": path})  # noqa: S102
    return plan.load(path).plan
