"""Plans that are alike: after grading a capstone, each learner's saved plan compared with every
other learner's and with the solution's reference plan, by the copy check's own measure
(`plan.similarity`), so that a shared or leaked plan reaches the tutor, who reads both.

    report = alike("06_capstone_strategy_plan", root)
    report.pairs       # Pair("amina", "the reference plan", 0.91), ... highest share first
    report.unreadable  # {"ben": "no my_strategy.plan.json handed in", ...}
"""

from __future__ import annotations

import contextlib
import io
import itertools
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.coursedir import CourseDirectory

from smcourse.core import plan
from smcourse.core.errors import SmcourseError
from smcourse.instructor.grading.course import load_config

PLAN_FILE = "my_strategy.plan.json"  # the file Task B grades, beside the learner's notebook
REFERENCE = "the reference plan"
REFERENCE_CELL = "own_plan"  # the solution's cell that writes the reference plan


@dataclass(frozen=True)
class Pair:
    """Two plans, and the larger share of either that the other repeats (`plan.similarity`)."""

    first: str
    second: str
    share: float


@dataclass
class Report:
    pairs: list[Pair] = field(default_factory=list)
    unreadable: dict[str, str] = field(default_factory=dict)  # learner -> why their plan is left out

    def lines(self) -> list[str]:
        """The report as lines to read: each pair, then each plan left out."""
        found = [f"{pair.first} and {pair.second}: {pair.share:.0%} alike" for pair in self.pairs]
        skipped = [f"{student}: left out, {why}" for student, why in self.unreadable.items()]
        return (found or ["no two plans alike"]) + skipped


def reference_plan(solution: Path, folder: Path) -> plan.Plan:
    """The plan the solution notebook's `own_plan` cell saves in `folder` when no plan file is
    there, as the reference run hands it in."""
    cells = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell.source
             for cell in nbformat.read(solution, as_version=4).cells}
    if REFERENCE_CELL not in cells:
        raise SmcourseError(f"{solution} has no `{REFERENCE_CELL}` cell: it holds no plan to "
                            "compare with.")
    path = Path(folder) / PLAN_FILE
    with contextlib.redirect_stdout(io.StringIO()):
        exec(cells[REFERENCE_CELL], {"plan": plan, "PLAN_FILE": path})  # noqa: S102 (the course's own solution)
    return plan.read(path)


def _handed_in(submitted: Path, assignment: str) -> tuple[dict[str, plan.Plan], dict[str, str]]:
    """Each learner's plan handed in with `assignment`, and why any other learner's is left out."""
    plans, unreadable = {}, {}
    for folder in sorted(path for path in submitted.glob(f"*/{assignment}") if path.is_dir()):
        student, path = folder.parent.name, folder / PLAN_FILE
        if not path.exists():
            unreadable[student] = f"no {PLAN_FILE} handed in"
            continue
        try:
            plans[student] = plan.read(path)
        except plan.PlanFileError as error:
            unreadable[student] = f"{path} cannot be read as a plan: {error}"
    return plans, unreadable


def alike(assignment: str, root: Path, line: float = plan.COPY_SHARE) -> Report:
    """The pairs of plans handed in with `assignment` in the course folder `root`, and of each
    with the solution's reference plan, of which one repeats at least `line` of the other (the
    copy check's line), highest share first."""
    coursedir = CourseDirectory(config=load_config(root))
    base = Path(coursedir.root)
    solution = base / coursedir.source_directory / assignment / f"{assignment}.ipynb"
    submitted = base / coursedir.submitted_directory
    if not solution.exists():
        raise SmcourseError(f"no solution notebook at {solution}: is {assignment} an assignment?")
    plans, unreadable = _handed_in(submitted, assignment)  # the reference comes last: pairs end with it
    if not plans and not unreadable:
        raise SmcourseError(f"no submissions of {assignment} in {submitted}/<student>/{assignment}/")
    with tempfile.TemporaryDirectory() as scratch:
        plans[REFERENCE] = reference_plan(solution, Path(scratch))
    prints = {name: plan.fingerprint(handed_in) for name, handed_in in plans.items()}
    pairs = []
    for first, second in itertools.combinations(plans, 2):
        share = max(plan.similarity(plans[first], prints[second]),
                    plan.similarity(plans[second], prints[first]))
        if share >= line:
            pairs.append(Pair(first, second, share))
    return Report(sorted(pairs, key=lambda pair: -pair.share), unreadable)
