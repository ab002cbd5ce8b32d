"""The class dashboard: what the nbgrader gradebook and the learners' practice logs say about a class.

    board = build("gradebook.db", submitted="submitted", attempts_folder="attempts")
    board.show()                      # in a notebook
    board.write_html("dashboard.html")  # one standalone file, plotly.js inside, no network

Sources, each optional, so a dashboard can be drawn before anything is graded:
* the gradebook, read through nbgrader's own models (`nbgrader.api`): scores per assignment,
  item difficulty and discrimination, late and missing work, each learner's progress;
* the graded answers saved beside each submission (`submitted/<learner>/<assignment>/answers.json`,
  written by `smcourse.ui.answers`): the most common wrong answers per graded question;
* collected practice logs (`smcourse.core.attempts`): the practice questions where the room is stuck.

Split by task: `records` reads them, `statistics` judges items and answers, `charts` draws the
figures, `page` assembles and renders the dashboard, `demo` makes the demo class the instructor
notebook shows. The names below are the ones to use. `class_ratings` is a page of its own: the
class's self-ratings before and after the course (`smcourse pack ratings`).
"""

from smcourse.instructor.dashboard.charts import (
    item_difficulty,
    item_discrimination,
    late_and_missing,
    progress,
    score_distribution,
    where_stuck,
    wrong_answers_figure,
)
from smcourse.instructor.dashboard.demo import demo_class, demo_record
from smcourse.instructor.dashboard.page import Dashboard, Section, build
from smcourse.instructor.dashboard.records import (
    ClassRecord,
    class_record,
    read_gradebook,
    read_graded_answers,
    saved_answers,
)
from smcourse.instructor.dashboard.statistics import (
    MIN_LEARNERS_FOR_DISCRIMINATION,
    WEAK_DISCRIMINATION,
    follow_up,
    item_statistics,
    question_label,
    wrong_answers,
)

__all__ = [
    "MIN_LEARNERS_FOR_DISCRIMINATION", "WEAK_DISCRIMINATION", "ClassRecord", "Dashboard", "Section",
    "build", "class_record", "demo_class", "demo_record", "follow_up", "item_difficulty",
    "item_discrimination", "item_statistics", "late_and_missing", "progress", "question_label",
    "read_graded_answers", "read_gradebook", "saved_answers", "score_distribution", "where_stuck",
    "wrong_answers", "wrong_answers_figure",
]
