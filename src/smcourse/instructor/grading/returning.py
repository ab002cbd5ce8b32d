"""Feedback: the pages each learner gets back for a graded assignment, and their index."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory

from smcourse.core import kit_files
from smcourse.instructor import feedback as feedback_pages
from smcourse.instructor.grading.course import course_settings, load_config


def feedback(assignment: str, root: Path | None = None, lessons_url: str | None = None) -> list[Path]:
    """Write feedback/<student>/<assignment>/<notebook>.html for every graded submission, and
    feedback/<student>/index.html across that learner's assignments. Lesson links point at
    `lessons_url` (default: `c.Smcourse.lessons_url` in nbgrader_config.py, else the published
    site)."""
    root = root or kit_files.home()
    config = load_config(root)
    coursedir = CourseDirectory(config=config)
    course, default_url, lessons = course_settings(config, root)
    written = []
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        for submission in gradebook.find_assignment(assignment).submissions:
            student = submission.student.id
            graded = Path(coursedir.format_path(coursedir.autograded_directory, student, assignment))
            handed_in = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
            target = Path(coursedir.format_path(coursedir.feedback_directory, student, assignment))
            for notebook in submission.notebooks:
                source = nbformat.read(Path(coursedir.format_path(
                    coursedir.source_directory, ".", assignment)) / f"{notebook.name}.ipynb", as_version=4)
                path = graded / f"{notebook.name}.ipynb"
                problems = [] if path.is_file() else [
                    "Your notebook could not be run by the autograder; your tutor has the reason."]
                grades = {grade.name: (None if grade.needs_manual_grade and grade.manual_score is None
                                       else grade.score,
                                       grade.max_score, _comment(notebook, grade.name))
                          for grade in notebook.grades}
                found = feedback_pages.items(
                    source, nbformat.read(path, as_version=4) if path.is_file() else None,
                    feedback_pages.read_answers(handed_in), grades, lessons, lessons_url or default_url)
                target.mkdir(parents=True, exist_ok=True)
                page = target / f"{notebook.name}.html"
                page.write_text(feedback_pages.page(course, feedback_pages.title_of(source, assignment),
                                                    student, submission.timestamp, found, problems),
                                encoding="utf-8")
                written.append(page)
            # what nbgrader's release_feedback needs to return the pages through the exchange
            # (the hand-in's time and secret), as nbgrader's own generate_feedback copies them
            for name in ("timestamp.txt", "submission_secret.txt"):
                for kept in (graded / name, handed_in / name):
                    if kept.is_file() and target.is_dir():
                        shutil.copy(kept, target / name)
                        break
            written.append(_write_index(gradebook, coursedir, course, student))
    return written


def _comment(notebook, name: str) -> str:
    try:
        return next(comment.manual_comment or "" for comment in notebook.comments if comment.name == name)
    except StopIteration:
        return ""


def _write_index(gradebook: Gradebook, coursedir: CourseDirectory, course: str, student: str) -> Path:
    """feedback/<student>/index.html: a link to every feedback page the learner has."""
    folder = Path(coursedir.format_path(coursedir.feedback_directory, student, "."))
    pages = []
    for submission in sorted(gradebook.find_student(student).submissions,
                             key=lambda submission: submission.assignment.name):
        for notebook in submission.notebooks:
            page = folder / submission.assignment.name / f"{notebook.name}.html"
            if page.is_file():
                pages.append((submission.assignment.name, page.relative_to(folder).as_posix(),
                              notebook.score, notebook.max_score))
    index = folder / "index.html"
    index.write_text(feedback_pages.index_page(course, student, pages), encoding="utf-8")
    return index
