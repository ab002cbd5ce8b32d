"""The feedback page's parts without grading: anchors, questions read from their declarations,
rubrics without model answers, and every graded item linked to a lesson section that exists."""

from pathlib import Path

import nbformat
import pytest

from smcourse.core import practice
from smcourse.instructor import feedback

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "solutions").glob("*/*.ipynb"))


@pytest.mark.parametrize("heading, anchor", [
    ("1. Choosing what to count", "choosing-what-to-count"),
    ("10. Testing a hunch: do question posts get more comments?",
     "testing-a-hunch-do-question-posts-get-more-comments"),
    ("6. Where you publish: owned, rented and occupied", "where-you-publish-owned-rented-and-occupied"),
    ("Café culture", "cafe-culture"),
])
def test_section_anchors_are_the_ones_sphinx_makes(heading, anchor):
    assert feedback.section_id(heading) == anchor


def test_a_question_is_read_from_its_declaration_without_running_it():
    question = feedback._question('q3 = ask("q3", Numeric, "What share?", unit="share")\n# YOUR ANSWER HERE')
    assert question == {"name": "q3", "kind": "Numeric", "prompt": "What share?", "options": [],
                        "unit": "share"}
    assert feedback._question("rate = ...") is None


def test_a_choice_on_the_feedback_page_lists_its_options_in_the_order_the_learner_saw():
    written = ["first written", "second written", "third written", "fourth written"]
    question = feedback._question(f'q1 = ask("q1", Choice, "Which?", options={written!r})')
    kept = feedback._question(f'q2 = ask("q2", Choice, "Which day?", options={written!r}, shuffle=False)')
    assert question["options"] == list(practice.shown_order("Which?", written)) != written
    assert kept["options"] == written


def test_a_rubric_shows_its_criteria_and_never_its_model_answer():
    guide = ("### BEGIN SOLUTION\n**Marking guide (3 points).**\n\n- 1 point: names a metric.\n"
             "- 2 points: a test.\n\n**Example of a full-marks answer.** The secret model answer.\n"
             "- not a criterion\n### END SOLUTION")
    assert feedback._rubric(guide) == ["1 point: names a metric.", "2 points: a test."]


def _headings(lesson):
    notebook = nbformat.read(ROOT / "course" / f"{lesson}.ipynb", as_version=4)
    return {line[3:].strip() for cell in notebook.cells if cell.cell_type == "markdown"
            for line in cell.source.splitlines() if line.startswith("## ")}


@pytest.mark.parametrize("source", SOLUTIONS, ids=lambda path: path.stem)
def test_every_graded_item_links_to_a_lesson_section_that_exists(source):
    notebook = nbformat.read(source, as_version=4)
    graded = [cell for cell in notebook.cells if cell.metadata.get("nbgrader", {}).get("grade")]
    assert graded
    for cell in graded:
        where = cell.metadata.get("smcourse", {}).get("revisit")
        assert where, f"{cell.metadata.nbgrader['grade_id']} says nothing about where it is taught"
        assert where["section"] in _headings(where["lesson"]), where


def test_a_page_lists_what_to_revisit_by_points_lost_and_escapes_everything():
    link = ("Lesson <5>", "https://example.org/course/05_metrics.html#x")
    items = [feedback.Item("Question 1", "question", "Which <b>?", 1, 0, options=["a", "b"],
                           answer="a", verdict=["Not right."], revisit=link),
             feedback.Item("Task A", "code", "Make it.", 3, 1, answer="x = 1", revisit=link),
             feedback.Item("Reflection", "written", "Write.", 3, None, answer="text",
                           rubric=["1 point: a test."])]
    page = feedback.page("Course", "Assignment 5", "sam", None, items)
    assert "Score: 1 of 7 points" in page and "3 of these points are for written answers" in page
    assert "Which &lt;b&gt;?" in page and "<b>?" not in page
    revisit = page.split("What to revisit")[1]
    assert revisit.index("2 points lost on Task A") < revisit.index("1 point lost on Question 1")
    assert ">to be marked</span> · not marked yet" in page


MARKUP = "<script>alert(1)</script> & co"  # a name or answer a page must show as text, never run


def test_a_learners_name_and_answers_are_shown_as_text_never_as_markup():
    items = [feedback.Item("Question 1", "question", MARKUP, 1, 0, options=[MARKUP], answer=MARKUP,
                           verdict=[MARKUP]),
             feedback.Item("Reflection", "written", "Write.\nTwo lines.", 3, 1, answer=MARKUP,
                           comment=f"{MARKUP}\nsecond line", revisit=(MARKUP, "05.html#a&b"))]
    page = feedback.page("Course", "Assignment 5", MARKUP, None, items, problems=[MARKUP])
    assert "<script>" not in page and "& co" not in page
    shown = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    # the title, the byline, the problem, the prompt, the option, two answers, the verdict, the
    # comment, the item's link and the same link under "What to revisit"
    assert page.count(shown) == 11
    assert "Write.<br>Two lines." in page and f"{shown}<br>second line" in page  # line breaks kept
    assert f"<dt>Your answer</dt><dd>{shown}</dd>" in page and f"<dd><pre>{shown}</pre></dd>" in page
    assert 'href="05.html#a&amp;b"' in page


def test_the_index_shows_names_and_titles_as_text():
    page = feedback.index_page(MARKUP, MARKUP, [(MARKUP, "a&b/05.html", 2, 3)])
    assert "<script>" not in page and "& co" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") == 5
    assert '<a href="a&amp;b/05.html">' in page and ": 2 of 3 points</li>" in page
