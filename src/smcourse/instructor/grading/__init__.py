"""The instructor's pipeline, thin over nbgrader's own API, one module per task as nbgrader and otter
split theirs: release, autograde, diagnose, feedback, export. The functions are used from here
(`grading.release`, `grading.grade`, `grading.feedback`, `grading.export`); each module is named
for its task, not its function, so that these names stay the functions.

The course folder is a plain nbgrader course (`nbgrader_config.py` at its root: source assignments
in solutions/, student versions in exercises/), so `nbgrader` commands work on it as well. Each
function works on the course folder `root`, by default the one `smcourse.core.kit_files.home` finds
(`course`: its configuration, assignments, name and lessons).

* `release` (`releasing`) runs nbgrader's generate_assignment into exercises/;
  `release_differences` regenerates into a scratch copy and lists where the committed exercises/
  no longer match solutions/.
* `grade` (`autograding`) autogrades every submission of an assignment in parallel. nbgrader's
  gradebook is one SQLite file, which does not take concurrent writers well, so each worker
  autogrades one submission in a scratch course of its own, against a private copy of the
  gradebook (one file per worker, copied afresh for each submission), and hands the grades of that
  submission to the main process, which writes them into the real gradebook as it finishes (one
  writer at a time). The learner's code runs in `smcourse.instructor.sandbox`:
  limits on memory, CPU time, files and processes; only its own scratch folder writable; other
  learners' work and the gradebook hidden. `diagnosis` says in words what was wrong with a
  submission and what kept the run safe.
* `feedback` (`returning`) writes one HTML page per learner and assignment
  (`smcourse.instructor.feedback`): each item as the learner met it, their answer, the referee's
  verdict and where the lesson teaches it, never the hidden test code or a solution; and an index
  per learner.
* `export` (`exporting`) writes the grades as CSV, one row per learner, plain or in the shape Canvas
  or Moodle imports (smcourse.instructor.lms).
"""

import sys

# jsonschema (nbgrader's metadata check) imports rfc3987_syntax, when it is installed, only to check
# the "iri" format, which no schema of nbgrader's or nbformat's uses; importing it builds a grammar:
# about 2 s of CPU in each grading worker, a worker that starts for every class graded
sys.modules.setdefault("rfc3987_syntax", None)

from smcourse.instructor.grading.autograding import ClassRun, GradeResult, LimitOutputSize, grade  # noqa: E402
from smcourse.instructor.grading.course import (  # noqa: E402
    CONFIG_FILE,
    DEFAULT_COURSE_TITLE,
    DEFAULT_LESSONS_URL,
    GRADEBOOK_VARIABLE,
    assignments,
    load_config,
    nbgrader_api,
)
from smcourse.instructor.grading.exporting import export, gradebook_grades  # noqa: E402
from smcourse.instructor.grading.releasing import release, release_differences  # noqa: E402
from smcourse.instructor.grading.returning import feedback  # noqa: E402

__all__ = ["CONFIG_FILE", "DEFAULT_COURSE_TITLE", "DEFAULT_LESSONS_URL", "GRADEBOOK_VARIABLE", "ClassRun",
           "GradeResult", "LimitOutputSize", "assignments", "export", "feedback", "grade", "gradebook_grades",
           "load_config", "nbgrader_api", "release", "release_differences"]
