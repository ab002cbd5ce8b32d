"""The grade files an LMS imports: a grades table in, CSV rows out (no gradebook, no files here).

Three shapes, each described column by column in course/instructor/room_setup_and_grading.md:

* `plain`: student_id, a column per assignment, total, and a "(maximum)" row; for people.
* `canvas`: what Canvas's Gradebook import reads: Student, ID, SIS User ID, SIS Login ID, Section,
  a column per assignment, and a "Points Possible" row. Canvas matches a row to a learner by ID
  (its own user id), then SIS User ID, then SIS Login ID, then the name, and an assignment by its
  exact title; columns it does not know become new assignments
  (instructure/canvas-lms, app/models/gradebook_importer.rb).
* `moodle`: First name, Last name, Username, Email address and a column per assignment, with no
  extra rows: Moodle's "Import grades from CSV" treats every row as a learner and stops the whole
  import at a row it cannot match (moodle/moodle, grade/import/csv/classes/load_data.php).

Scores are written with "." as the decimal mark, which both systems read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from smcourse.core.errors import SmcourseError

ROSTER_FIX = ("Add them to a roster CSV with the columns id,first_name,last_name,email,lms_user_id "
              "(one row per learner; id is the name of their folder in submitted/), run "
              "`nbgrader db student import roster.csv` in the course folder, then export again.")


@dataclass(frozen=True)
class Learner:
    """A learner as nbgrader's gradebook knows them (empty strings for what the roster lacks)."""

    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    lms_user_id: str = ""

    @property
    def sortable_name(self) -> str:
        """The name as "Last, First", the way Canvas lists and matches learners."""
        return ", ".join(part for part in (self.last_name, self.first_name) if part)


@dataclass(frozen=True)
class Grades:
    """Every learner's points per assignment, ready to export."""

    assignments: dict[str, float]  # assignment -> points possible, in column order
    learners: list[Learner]
    scores: dict[str, dict[str, float]]  # learner id -> assignment -> points (0 when not submitted)
    unmarked: dict[str, list[str]] = field(default_factory=dict)  # learner id -> parts to mark by hand

    def row(self, learner: Learner) -> list[str]:
        return [_number(self.scores[learner.id][name]) for name in self.assignments]


def _number(value: float) -> str:
    return f"{value:g}"


def plain(grades: Grades) -> list[list[str]]:
    maximum = list(grades.assignments.values())
    return ([["student_id", *grades.assignments, "total"],
             ["(maximum)", *map(_number, maximum), _number(sum(maximum))]]
            + [[learner.id, *grades.row(learner), _number(sum(grades.scores[learner.id].values()))]
               for learner in grades.learners])


def canvas(grades: Grades) -> list[list[str]]:
    return ([["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *grades.assignments],
             ["Points Possible", "", "", "", "", *map(_number, grades.assignments.values())]]
            + [[learner.sortable_name, learner.lms_user_id, "", learner.id, "", *grades.row(learner)]
               for learner in grades.learners])


def moodle(grades: Grades) -> list[list[str]]:
    return ([["First name", "Last name", "Username", "Email address", *grades.assignments]]
            + [[learner.first_name, learner.last_name, learner.id, learner.email, *grades.row(learner)]
               for learner in grades.learners])


@dataclass(frozen=True)
class Shape:
    rows: Callable[[Grades], list[list[str]]]
    identified: Callable[[Learner], bool]  # whether the LMS can tell who this learner is
    needs: str  # what `identified` asks for, in words


SHAPES = {
    "plain": Shape(plain, lambda learner: True, ""),
    "canvas": Shape(canvas, lambda learner: bool(learner.lms_user_id or learner.first_name
                                                 or learner.last_name),
                    "a Canvas user ID (lms_user_id) or a name (first_name, last_name)"),
    "moodle": Shape(moodle, lambda learner: bool(learner.email), "an email address (email)"),
}


def rows(grades: Grades, shape: str) -> list[list[str]]:
    """The CSV rows of `grades` in `shape`; an SmcourseError naming every learner the LMS could not
    identify, before anything is built."""
    if shape not in SHAPES:
        raise SmcourseError(f"unknown export format {shape!r}: choose one of {', '.join(SHAPES)}.")
    unknown = [learner.id for learner in grades.learners if not SHAPES[shape].identified(learner)]
    if unknown:
        raise SmcourseError(f"the {shape} file needs {SHAPES[shape].needs} for every learner; "
                            f"missing for {', '.join(unknown)}. {ROSTER_FIX} Nothing was written.")
    return SHAPES[shape].rows(grades)


def unmarked_report(grades: Grades) -> str:
    """A warning listing the parts still to be marked by hand, or "" when there are none."""
    if not grades.unmarked:
        return ""
    lines = [f"  {learner}: {', '.join(parts)}" for learner, parts in sorted(grades.unmarked.items())]
    return ("warning: these parts are not marked by hand yet and count 0 in this file; mark them in "
            "Formgrader (Manual grading) and export again:\n" + "\n".join(lines))
