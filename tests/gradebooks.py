"""Gradebooks built for tests: an empty nbgrader gradebook to fill in, and the dashboard's demo
class stored in one, as `nbgrader autograde` would have left it."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbgrader
from alembic.script import ScriptDirectory
from nbgrader import api
from nbgrader.api import (
    Assignment,
    Grade,
    GradeCell,
    Notebook,
    Student,
    SubmittedAssignment,
    SubmittedNotebook,
    new_uuid,
)

from smcourse.instructor.dashboard import demo


def _alembic_head() -> str:
    """The schema version a new gradebook is stamped with, read in this process."""
    return ScriptDirectory(str(Path(nbgrader.__file__).parent / "alembic")).get_current_head()


@contextmanager
def new_gradebook(path: Path) -> Iterator:
    """Create and open an nbgrader gradebook at `path`. nbgrader learns the schema version for a
    new database by starting the `alembic` command (seconds, and only if it is on PATH); the same
    answer is read here in-process instead."""
    started_alembic = api.get_alembic_version
    api.get_alembic_version = _alembic_head
    try:
        gradebook = api.Gradebook(f"sqlite:///{path}", course_id="smcourse")
    finally:
        api.get_alembic_version = started_alembic
    with gradebook:
        yield gradebook


def _store(path: Path, rows: demo.DemoRows) -> None:
    """Store the demo rows in an nbgrader gradebook through nbgrader's models, in bulk (500
    learners take a second)."""
    with new_gradebook(path) as gradebook:
        sources, cell_ids = {}, {}
        for module, duedate in rows.duedates.items():
            assignment = Assignment(name=module, duedate=duedate, course_id="smcourse")
            sources[module] = Notebook(name=module, assignment=assignment)
            gradebook.db.add(assignment)
        for module, notebook, name, points in rows.cells:
            cell_ids[(module, name)] = GradeCell(name=name, notebook=sources[notebook],
                                                 max_score=points, cell_type="code")
        gradebook.db.add_all(cell_ids.values())
        gradebook.db.flush()  # gives the rows their ids; one commit for everything at the end
        submissions = {(learner, module): (new_uuid(), new_uuid())
                       for learner, module, *_ in rows.handed_in}
        tables = {
            Student: [{"id": learner} for learner in rows.learners],
            SubmittedAssignment: [
                {"id": submissions[(learner, module)][0], "student_id": learner,
                 "assignment_id": sources[module].assignment.id, "timestamp": timestamp}
                for learner, module, timestamp, _, _ in rows.handed_in],
            SubmittedNotebook: [
                {"id": notebook_id, "assignment_id": assignment_id,
                 "notebook_id": sources[module].id}
                for (_, module), (assignment_id, notebook_id) in submissions.items()],
            Grade: [{"id": new_uuid(), "cell_id": cell_ids[(module, name)].id,
                     "notebook_id": submissions[(learner, module)][1], "auto_score": score,
                     "needs_manual_grade": needs_marking}
                    for learner, module, _, name, score, needs_marking in rows.grades],
        }
        for model, mappings in tables.items():
            gradebook.db.bulk_insert_mappings(model, mappings)
        gradebook.db.commit()


def demo_class(folder: Path, learners: int = 30, seed: int = 2026) -> dict[str, Path]:
    """The demo class in `folder` with its gradebook: the paths that `dashboard.build` takes."""
    paths = {"gradebook": folder / "gradebook.db", **demo.demo_class(folder, learners, seed)}
    _store(paths["gradebook"], demo.demo_rows(learners, seed))
    return paths
