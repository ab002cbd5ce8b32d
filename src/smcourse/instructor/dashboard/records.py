"""Reading a class's records: the nbgrader gradebook as a ClassRecord of two tidy tables, and the
graded answers saved beside each submission, judged by that gradebook."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from smcourse.core import answer_file, attempts
from smcourse.core.errors import SmcourseError

GRADE_CELL_SUFFIX = "_test"  # graded question "q1" is scored by the grade cell "q1_test"


@dataclass(frozen=True)
class ClassRecord:
    """The gradebook as two tidy tables.

    `submissions`: one row per learner and assignment (missing work included) with status
    (on time, late, missing), hours_late, score, max_score and percent.
    `items`: one row per graded cell of each handed-in submission: learner, assignment, notebook,
    item, score, needs_marking (a manually graded answer nobody has marked yet), max_score.
    """

    submissions: pd.DataFrame
    items: pd.DataFrame

    @property
    def learners(self) -> list[str]:
        return sorted(self.submissions["learner"].unique())

    @property
    def assignments(self) -> list[str]:
        return list(dict.fromkeys(self.submissions["assignment"]))

    @property
    def handed_in(self) -> pd.DataFrame:
        return self.submissions[self.submissions["status"] != "missing"]


def _course_id(path: Path) -> str:
    """The course id stored in an nbgrader gradebook (checked read-only, so a wrong file is never
    turned into an empty gradebook by opening it)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            row = connection.execute("SELECT id FROM course ORDER BY id LIMIT 1").fetchone()
    except sqlite3.Error:
        row = None
    if row is None:
        raise SmcourseError(f"{path} is not an nbgrader gradebook. Point --gradebook at the "
                            "gradebook.db that `nbgrader autograde` writes in the course folder.")
    return row[0]


def read_gradebook(path: str | Path) -> ClassRecord:
    """Read scores, timestamps and due dates from the nbgrader gradebook at `path`."""
    from nbgrader.api import (
        Assignment,
        BaseCell,
        Grade,
        Gradebook,
        Notebook,
        Student,
        SubmittedAssignment,
        SubmittedNotebook,
    )

    path = Path(path)
    if not path.is_file():
        raise SmcourseError(f"No gradebook at {path}. It appears after the first "
                            "`nbgrader autograde` in the course folder.")
    with Gradebook(f"sqlite:///{path.resolve()}", course_id=_course_id(path)) as gradebook:
        cells = [(assignment.name, notebook.name, cell.name, cell.max_score)
                 for assignment in gradebook.assignments for notebook in assignment.notebooks
                 for cell in [*notebook.grade_cells, *notebook.task_cells]]
        learners = [student.id for student in gradebook.students]
        query = gradebook.db.query
        handed_in = (
            query(Student.id, Assignment.name, SubmittedAssignment.timestamp,
                  SubmittedAssignment.extension, Assignment.duedate)
            .select_from(SubmittedAssignment)
            .join(Student, SubmittedAssignment.student_id == Student.id)
            .join(Assignment, SubmittedAssignment.assignment_id == Assignment.id).all())
        grades = (
            query(Student.id, Assignment.name, Notebook.name, BaseCell.name, Grade.score,
                  Grade.needs_manual_grade)
            .select_from(Grade)
            .join(SubmittedNotebook, Grade.notebook_id == SubmittedNotebook.id)
            .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
            .join(Student, SubmittedAssignment.student_id == Student.id)
            .join(Assignment, SubmittedAssignment.assignment_id == Assignment.id)
            .join(Notebook, SubmittedNotebook.notebook_id == Notebook.id)
            .join(BaseCell, Grade.cell_id == BaseCell.id).all())
    return class_record(cells, learners, handed_in, grades)


def class_record(cells, learners, handed_in, grades) -> ClassRecord:
    """Assemble a ClassRecord from gradebook rows: cells (assignment, notebook, item, max_score),
    learner ids, submissions (learner, assignment, timestamp, extension, due date) and grades
    (learner, assignment, notebook, item, score, needs_marking)."""
    catalogue = pd.DataFrame(cells, columns=["assignment", "notebook", "item", "max_score"])
    assignments = sorted(catalogue["assignment"].unique())
    every = pd.MultiIndex.from_product([sorted(learners), assignments],
                                       names=["learner", "assignment"]).to_frame(index=False)
    times = pd.DataFrame(handed_in, columns=["learner", "assignment", "timestamp", "extension",
                                             "duedate"])
    due = pd.to_datetime(times["duedate"]) + pd.to_timedelta(times["extension"]).fillna(pd.Timedelta(0))
    times["hours_late"] = ((pd.to_datetime(times["timestamp"]) - due).dt.total_seconds() / 3600
                           ).clip(lower=0).fillna(0.0)
    items = pd.DataFrame(grades, columns=["learner", "assignment", "notebook", "item", "score",
                                          "needs_marking"]).merge(
        catalogue, on=["assignment", "notebook", "item"])
    scores = items.groupby(["learner", "assignment"], as_index=False)["score"].sum()
    submissions = every.merge(times[["learner", "assignment", "hours_late"]], how="left",
                              on=["learner", "assignment"], indicator=True).merge(
        scores, how="left", on=["learner", "assignment"])
    submitted = submissions.pop("_merge") == "both"
    submissions["status"] = np.where(~submitted, "missing",
                                     np.where(submissions["hours_late"] > 0, "late", "on time"))
    submissions.loc[submitted, "score"] = submissions.loc[submitted, "score"].fillna(0.0)
    submissions["max_score"] = submissions["assignment"].map(
        catalogue.groupby("assignment")["max_score"].sum())
    submissions["percent"] = 100 * submissions["score"] / submissions["max_score"].where(
        submissions["max_score"] > 0)
    return ClassRecord(submissions, items)


def saved_answers(path: Path) -> dict:
    """The answers in one `answers.json` (question name -> raw answer); {} when unreadable."""
    return answer_file.read(path)[0]


def read_graded_answers(submitted: str | Path, record: ClassRecord | None = None) -> pd.DataFrame:
    """Graded widget answers from `submitted/<learner>/<assignment>/answers.json`, with a status
    taken from the gradebook: the answer to "q1" is correct when its grade cell "q1_test" has full
    marks, incorrect when it has fewer, and unknown when it is not graded yet."""
    rows = [{"learner": path.parts[-3], "assignment": path.parts[-2], "question": question,
             "answer": attempts.answer_text(answer)}
            for path in sorted(Path(submitted).glob(f"*/*/{answer_file.FILE}"))
            for question, answer in saved_answers(path).items()]
    answers = pd.DataFrame(rows, columns=["learner", "assignment", "question", "answer"])
    items = record.items if record is not None else pd.DataFrame(
        columns=["learner", "assignment", "item", "score", "max_score"])
    graded = items.assign(question=items["item"].str.removesuffix(GRADE_CELL_SUFFIX))
    graded = graded.groupby(["learner", "assignment", "question"], as_index=False)[
        ["score", "max_score"]].sum()
    answers = answers.merge(graded, how="left", on=["learner", "assignment", "question"])
    answers["status"] = np.select([answers["score"].isna(), answers["score"] >= answers["max_score"]],
                                  ["unknown", "correct"], "incorrect")
    return answers.drop(columns=["score", "max_score"])
