"""Export: the gradebook's points per learner and assignment, as CSV for a spreadsheet, Canvas or Moodle."""

from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory

from smcourse.core import kit_files
from smcourse.instructor import lms
from smcourse.instructor.grading.course import load_config


def gradebook_grades(root: Path | None = None) -> lms.Grades:
    """Every learner's points per assignment from the gradebook: a missing submission counts 0 and
    a late penalty is taken off (never below 0), as `nbgrader export` does. Parts that still need
    marking by hand count 0 and are listed in `unmarked`."""
    root = root or kit_files.home()
    coursedir = CourseDirectory(config=load_config(root))
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        assignments = {assignment.name: assignment.max_score for assignment in gradebook.assignments}
        learners, scores, unmarked = [], {}, {}
        for student in sorted(gradebook.students, key=lambda student: student.id):
            learners.append(lms.Learner(student.id, student.first_name or "", student.last_name or "",
                                        student.email or "", student.lms_user_id or ""))
            scores[student.id] = dict.fromkeys(assignments, 0.0)
            for submission in student.submissions:
                scores[student.id][submission.assignment.name] = max(
                    0.0, submission.score - submission.late_submission_penalty)
                if submission.needs_manual_grade:
                    unmarked.setdefault(student.id, []).extend(
                        f"{submission.assignment.name}: {grade.name}" for notebook in submission.notebooks
                        for grade in notebook.grades if grade.needs_manual_grade)
    return lms.Grades(assignments, learners, scores, unmarked)


def export(path: Path, root: Path | None = None, format: str = "plain") -> lms.Grades:
    """Write the grades as CSV in the shape `format` expects ("plain", "canvas" or "moodle", see
    smcourse.instructor.lms), UTF-8; write nothing if a learner lacks an identifier that shape needs. Returns
    the grades written, whose `unmarked` the caller should show."""
    root = root or kit_files.home()
    grades = gradebook_grades(root)
    rows = lms.rows(grades, format)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return grades
