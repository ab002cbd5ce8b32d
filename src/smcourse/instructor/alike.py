"""Plans that are alike: after grading a capstone, each learner's saved plan compared with every
other learner's and with the solution's reference plan, by the copy check's own measures (the
choices, `plan.similarity`, and the shape, `plan.shape_similarity`, which no scaling of the
numbers or moving of the dates hides), so that a shared or leaked plan reaches the tutor, who
reads both; and each learner's plan against Lumen's example, with the copy check's three shares
and Lumen's names it carries, which the learner's feedback does not show.

    report = alike(CAPSTONE, root)
    report.pairs       # Pair("amina", "the reference plan", 0.91, 0.98), ... highest first
    report.lumen       # AgainstLumen("ben", 0.22, 0.45, 0.22, []), ... the most alike first
    report.unreadable  # {"ben": "no my_strategy.plan.json handed in", ...}
    save(report, CAPSTONE, root)  # alike/06_capstone_strategy_plan.txt in the course folder

`smcourse assignments grade` runs it after grading the capstone; `smcourse assignments alike` on
its own. A plan the tutor judges a copy loses Task B's automatic points (they certify the
completeness of the learner's own plan): `judge_copy` (`smcourse assignments judge-copy`) gives
its Task B cell a manual score of 0, which overrides the autograder's in nbgrader's gradebook.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.coursedir import CourseDirectory

from smcourse.core import plan
from smcourse.core.errors import SmcourseError
from smcourse.core.kit_files import CAPSTONE
from smcourse.instructor.grading.course import load_config

REPORT_FOLDER = "alike"  # in the course folder: the reports name learners, so git ignores it
PLAN_FILE = "my_strategy.plan.json"  # the file Task B grades, beside the learner's notebook
REFERENCE = "the reference plan"
REFERENCE_CELL = "own_plan"  # the solution's cell that writes the reference plan
TASK_B_CELL = "own_plan_test"  # the autograded cell of Task B, whose points a judged copy loses
JUDGED_COPY = (f"A plan you judge a copy also loses Task B's automatic points: set its cell "
               f"{TASK_B_CELL} to 0 (smcourse assignments judge-copy STUDENT, or a manual score of "
               "0 in formgrader, which overrides the autograder's); Q1 to Q3 and Task A stand.")


@dataclass(frozen=True)
class Pair:
    """Two plans, the larger share of either's choices that the other repeats (`plan.similarity`)
    and the larger share of either's shape that the other repeats (`plan.shape_similarity`)."""

    first: str
    second: str
    share: float
    shape: float


@dataclass(frozen=True)
class AgainstLumen:
    """A learner's plan beside Lumen's example: the shares of its choices, shape and written texts
    the plan repeats (`plan.example_similarity`, `plan.example_shape`,
    `plan.example_texts_repeated`) and Lumen's names it carries (`plan.example_names`)."""

    student: str
    share: float
    shape: float
    texts: float
    names: list[str]

    def line(self) -> str:
        flagged = plan.copies_example_by(self.share, self.shape, self.texts, self.names)
        return (f"{self.student} against Lumen's example: {self.share:.0%} of its choices, "
                f"{self.shape:.0%} of its shape, {self.texts:.0%} of its texts; Lumen's names: "
                f"{'; '.join(self.names) or 'none'}"
                + (f" (the copy check fired: {', '.join(flagged)})" if flagged else ""))


@dataclass
class Report:
    pairs: list[Pair] = field(default_factory=list)
    unreadable: dict[str, str] = field(default_factory=dict)  # learner -> why their plan is left out
    lumen: list[AgainstLumen] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as lines to read: each pair, each plan against Lumen's example, each plan
        left out, then what a plan judged a copy loses and how (JUDGED_COPY)."""
        found = [f"{pair.first} and {pair.second}: {pair.share:.0%} alike, {pair.shape:.0%} of "
                 "the shape" for pair in self.pairs]
        skipped = [f"{student}: left out, {why}" for student, why in self.unreadable.items()]
        return ((found or ["no two plans alike"]) + [against.line() for against in self.lumen]
                + skipped + [JUDGED_COPY])


def against_lumen(plans: dict[str, plan.Plan]) -> list[AgainstLumen]:
    """Each of `plans` (by learner) beside Lumen's example, the most alike first."""
    found = [AgainstLumen(student, plan.example_similarity(mine), plan.example_shape(mine),
                          plan.example_texts_repeated(mine), plan.example_names(mine))
             for student, mine in plans.items()]
    return sorted(found, key=lambda against: (-max(against.share, against.shape, against.texts),
                                              against.student))


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


def alike(assignment: str, root: Path, line: float = plan.COPY_SHARE,
          shape_line: float = plan.SHAPE_SHARE) -> Report:
    """The pairs of plans handed in with `assignment` in the course folder `root`, and of each
    with the solution's reference plan, of which one repeats at least `line` of the other's
    choices or at least `shape_line` of its shape (the copy check's lines), the pair with the
    highest share of either kind first."""
    coursedir = CourseDirectory(config=load_config(root))
    base = Path(coursedir.root)
    solution = base / coursedir.source_directory / assignment / f"{assignment}.ipynb"
    submitted = base / coursedir.submitted_directory
    if not solution.exists():
        raise SmcourseError(f"no solution notebook at {solution}: is {assignment} an assignment?")
    plans, unreadable = _handed_in(submitted, assignment)  # the reference comes last: pairs end with it
    if not plans and not unreadable:
        raise SmcourseError(f"no submissions of {assignment} in {submitted}/<student>/{assignment}/")
    lumen = against_lumen(plans)
    with tempfile.TemporaryDirectory() as scratch:
        plans[REFERENCE] = reference_plan(solution, Path(scratch))
    prints = {name: plan.fingerprint(handed_in) for name, handed_in in plans.items()}
    shapes = {name: plan.shape(handed_in) for name, handed_in in plans.items()}
    pairs = []
    for first, second in itertools.combinations(plans, 2):
        share = max(plan.similarity(prints[first], prints[second]),
                    plan.similarity(prints[second], prints[first]))
        shape = max(plan.shape_similarity(shapes[first], shapes[second]),
                    plan.shape_similarity(shapes[second], shapes[first]))
        if share >= line or shape >= shape_line:
            pairs.append(Pair(first, second, share, shape))
    return Report(sorted(pairs, key=lambda pair: -max(pair.share, pair.shape)), unreadable, lumen)


def save(report: Report, assignment: str, root: Path) -> Path:
    """Write `report`'s lines to alike/<assignment>.txt in the course folder `root`; its path."""
    path = Path(CourseDirectory(config=load_config(root)).root) / REPORT_FOLDER / f"{assignment}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(report.lines()) + "\n", encoding="utf-8")
    return path


def judge_copy(student: str, root: Path, assignment: str = CAPSTONE) -> float:
    """The tutor's ruling that `student`'s plan is a copy: their Task B cell (TASK_B_CELL) of
    `assignment` gets a manual score of 0 in the course's gradebook, which nbgrader counts in
    place of the autograder's (`Grade.score`); Q1 to Q3 and Task A keep theirs. Returns the
    automatic points it overrides."""
    coursedir = CourseDirectory(config=load_config(root))
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        try:
            grade = gradebook.find_grade(TASK_B_CELL, assignment, assignment, student)
        except MissingEntry:
            raise SmcourseError(f"no graded {assignment} of {student!r} in the gradebook: grade it "
                                f"first (smcourse assignments grade {assignment})") from None
        grade.manual_score, grade.needs_manual_grade = 0.0, False
        gradebook.db.commit()
        return grade.auto_score or 0.0
