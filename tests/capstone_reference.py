"""The reference plan of assignment 06 (a small bakery's), made by running the solution's own
`own_plan` cell, so the tests grade and compare the very plan the reference run hands in."""

import dataclasses
import re
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


def _reversed(text):
    """`text` with its sentences, and the words in each, in reverse order."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return " ".join(" ".join(reversed(s.split())) for s in reversed(sentences))


def with_texts_reversed(value):
    """`value` (a plan or any part of it) with every text of more than one word `_reversed`: the
    fourth reader's evasion of the copy check."""
    if dataclasses.is_dataclass(value):
        return dataclasses.replace(value, **{f.name: with_texts_reversed(getattr(value, f.name))
                                             for f in dataclasses.fields(value)})
    if isinstance(value, list):
        return [with_texts_reversed(item) for item in value]
    if isinstance(value, dict):
        return {key: with_texts_reversed(item) for key, item in value.items()}
    return _reversed(value) if isinstance(value, str) and " " in value.strip() else value
