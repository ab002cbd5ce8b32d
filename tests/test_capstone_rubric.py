"""Is the capstone judged by one rubric, word for word the same in the lesson, the assignment and
the instructor notes?"""

import re
from pathlib import Path

import nbformat
import pytest

from smcourse.core.plan_rubric import CRITERIA, POINTS, RUBRIC

ROOT = Path(__file__).resolve().parents[1]
PLACES = {
    "lesson": ROOT / "course" / "06_capstone_strategy_plan.ipynb",
    "assignment": ROOT / "solutions" / "06_capstone_strategy_plan" / "06_capstone_strategy_plan.ipynb",
    "released assignment": ROOT / "exercises" / "06_capstone_strategy_plan" /
                           "06_capstone_strategy_plan.ipynb",
    "instructor notes": ROOT / "course" / "instructor" / "06_capstone_strategy_plan.md",
}


def _text(path: Path) -> str:
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    return "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)


@pytest.mark.parametrize("place", PLACES)
def test_the_rubric_appears_word_for_word(place):
    assert RUBRIC.strip() in _text(PLACES[place])


@pytest.mark.parametrize("place", PLACES)
def test_no_other_rubric_table_competes_with_it(place):
    tables = [line for line in _text(PLACES[place]).splitlines()
              if line.startswith("| Criterion |")]
    assert tables == [RUBRIC.splitlines()[0]]


def test_the_rubric_s_points_match_the_hand_marked_part():
    source = nbformat.read(PLACES["assignment"], as_version=4)
    judged = next(c for c in source.cells if c.metadata["nbgrader"]["grade_id"] == "reflection")
    assert judged.metadata["nbgrader"]["points"] == POINTS == 14


def test_every_total_named_is_the_rubric_s_and_the_guide_gives_the_notes_score_of_lumen():
    """The fifth reader's blockers: the notes said "a 12-point judgement" and the marking guide
    "7 of 12" while the rubric is out of 14 and the notes score Lumen 8 of 14."""
    notes, guide = _text(PLACES["instructor notes"]), _text(PLACES["assignment"])
    totals = re.findall(r"(\d+)-point judgement|\b\d+ of (\d+)\b(?=[:)])|out of (\d+) in all",
                        notes + guide)
    assert totals and {int(next(filter(None, found))) for found in totals} == {POINTS}
    notes_score = re.search(r"That is (\d+ of \d+):", notes).group(1)
    assert f"Lumen's example plan row by row ({notes_score})" in guide


def test_the_lesson_and_the_notes_score_lumen_the_same_row_by_row():
    """The lesson's table and the notes' closing table give each rubric row the same score, and
    each names the sum of its rows as Lumen's total."""
    lesson, notes = _text(PLACES["lesson"]), _text(PLACES["instructor notes"])
    in_lesson, in_notes = ({row: int(re.search(rf"^\| {row} \| (\d) \|", text, re.M).group(1))
                            for row in CRITERIA} for text in (lesson, notes))
    assert in_lesson == in_notes
    total = f"{sum(in_lesson.values())} of {POINTS}"
    assert f"Lumen's plan gets {total}:" in lesson and f"That is {total}:" in notes
