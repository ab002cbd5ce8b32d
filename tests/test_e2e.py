"""The learner's path in a real JupyterLab and chromium: lessons, practice checks, the plan builder,
and a graded assignment answered in the browser, submitted and graded with the real nbgrader.

One JupyterLab server (conftest's `lab`) serves a temporary copy of the course for the whole file
(`--dist loadfile` keeps the file on one worker and one server). Screenshots of each step go to
tests/artifacts/.
"""

from __future__ import annotations

import json
import shutil
import statistics
import time
from pathlib import Path

import nbformat
import pytest
from e2e_lab import (
    ARTIFACTS,
    CHECK_PROMPT,
    RIGHT,
    WELCOME,
    WRONG,
    check_answer,
    code_cell,
    drawn,
    practice_card,
    practice_latencies,
    run_all_cells,
    save_and_close,
    saved_plan,
    screenshot,
    type_code,
    widget_problems,
)

from smcourse.core import attempts, data, metrics
from smcourse.instructor import grading

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def welcome(lab, browser):
    """Lesson 00 open in a tab, every cell run in a fresh kernel."""
    with lab.run(browser, WELCOME) as page:
        yield page


def test_welcome_lesson_renders_every_widget_and_figure(welcome):
    cards = welcome.locator(".smcourse-practice")
    cards.nth(3).wait_for()
    welcome.locator(".js-plotly-plot svg.main-svg").first.wait_for()
    screenshot(welcome, "01_welcome_run_all")
    assert cards.count() == 4
    assert welcome.locator(".js-plotly-plot").count() == 1
    assert widget_problems(welcome) == []
    for card in cards.all():
        assert card.get_by_role("button", name="Check").is_visible()


def test_practice_feedback_changes_from_wrong_to_right_with_the_clicks(welcome):
    card = practice_card(welcome, CHECK_PROMPT)
    wrong_ms, status, text = check_answer(card, WRONG)
    assert (status, text) == ("incorrect", "✗ Submitting is a separate step, for assignments in "
                                           "exercises/ only.")
    screenshot(welcome, "02_practice_wrong")
    right_ms, status, text = check_answer(card, RIGHT)
    assert status == "correct"
    assert text.startswith("✓ Correct! Practice checks are for you alone")
    assert card.get_by_role("radio", name=RIGHT).is_checked()
    screenshot(welcome, "03_practice_right")
    assert 0 <= wrong_ms < 2000 and 0 <= right_ms < 2000  # 0: within the browser clock's resolution


def test_click_to_feedback_latency_is_recorded(welcome):
    latencies = practice_latencies(welcome, rounds=10)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "feedback_latency.json").write_text(
        json.dumps({"click_to_feedback_ms": latencies}, indent=1), encoding="utf-8")
    assert len(latencies) == 10
    assert statistics.median(latencies) < 500, latencies


# A one-card notebook whose clicks go to the attempts log beside it.
LOG_QUESTION = "where-attempts-go"
LOG_PROMPT = "Where does a practice attempt go?"
LOG_WRONG, LOG_RIGHT = "To your trainer, at once", "Into a file beside this notebook"
LOG_CARD = f"""from smcourse.practice import Choice
Choice({LOG_PROMPT!r}, options=[{LOG_WRONG!r}, {LOG_RIGHT!r}], answer={LOG_RIGHT!r},
       name={LOG_QUESTION!r})"""
LOG_OFF = f"%env {attempts.SWITCH}=off"


def _one_card_notebook(lab, folder: str, *sources: str) -> Path:
    """Write `folder`/one_card.ipynb under the served root with a code cell per source; return
    the folder, where the notebook's kernel keeps its attempts log."""
    target = lab.root / folder
    target.mkdir(parents=True)
    cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), target / "one_card.ipynb")
    return target


def _logged(folder: Path, count: int, seconds: float = 15) -> list[dict]:
    """The attempts logged in `folder` once there are at least `count` (the page tells the kernel
    just after it shows the verdict, so the lines come a moment later)."""
    log = folder / attempts.LOG_FOLDER / attempts.LOG_NAME
    deadline = time.monotonic() + seconds
    while True:
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        if len(lines) >= count or time.monotonic() > deadline:
            return [json.loads(line) for line in lines]
        time.sleep(0.2)


def _verdicts(rows: list[dict]) -> list[tuple]:
    return [(row["lesson"], row["question"], row["kind"], row["event"], row["status"], row["answer"])
            for row in rows]


def test_a_wrong_then_right_click_reaches_the_attempts_log(lab, browser):
    folder = _one_card_notebook(lab, "practice_log_on", LOG_CARD)
    with lab.run(browser, "practice_log_on/one_card.ipynb") as page:
        card = practice_card(page, LOG_PROMPT)
        assert check_answer(card, LOG_WRONG)[1] == "incorrect"
        assert check_answer(card, LOG_RIGHT)[1] == "correct"
        logged = _logged(folder, 2)
    assert _verdicts(logged) == [
        ("one_card", LOG_QUESTION, "choice", "check", "incorrect", LOG_WRONG),
        ("one_card", LOG_QUESTION, "choice", "check", "correct", LOG_RIGHT)]


def test_no_attempt_is_logged_while_the_log_is_switched_off(lab, browser):
    folder = _one_card_notebook(lab, "practice_log_off", LOG_OFF, LOG_CARD)
    with lab.run(browser, "practice_log_off/one_card.ipynb") as page:
        card = practice_card(page, LOG_PROMPT)
        assert check_answer(card, LOG_WRONG)[1] == "incorrect"
        assert check_answer(card, LOG_RIGHT)[1] == "correct"
        # The kernel handles messages in the order they come: switched back on, the log holds the
        # next click alone, so the two before it reached the kernel and were not written.
        type_code(code_cell(page, LOG_OFF), f"%env {attempts.SWITCH}=on")
        assert check_answer(card, LOG_WRONG)[1] == "incorrect"
        logged = _logged(folder, 1)
    assert _verdicts(logged) == [("one_card", LOG_QUESTION, "choice", "check", "incorrect", LOG_WRONG)]


def test_plan_builder_exports_what_was_clicked_and_typed(lab, browser):
    with drawn(lab, browser, "course/06_capstone_strategy_plan.ipynb") as page:
        builder = page.locator(".smcourse-plan-builder").last
        builder.scroll_into_view_if_needed()
        builder.get_by_placeholder("the organisation this plan is for").fill("Riverside Bikes")
        builder.get_by_role("checkbox", name="monitor", exact=True).check()
        builder.get_by_placeholder("why monitor?").press_sequentially("Hear about flat tyres early")
        builder.locator(".lm-TabBar-tab").filter(has_text="Channels").click()
        channel_row = builder.locator(".widget-hbox").filter(
            has=page.get_by_role("checkbox", name="Instagram", exact=True))
        channel_row.get_by_role("checkbox", name="Instagram").check()
        channel_row.locator("select").select_option("rented")
        channel_row.get_by_placeholder("what it is for").fill("Ride photos from customers")
        page.keyboard.press("Tab")  # the purpose reaches the kernel when the field is left
        saved_plan(lab, lambda plan: plan["channels"] and plan["channels"][0]["purpose"])
        screenshot(builder, "04_plan_builder_filled")
        builder.get_by_role("button", name="Export").click()
        builder.get_by_text("Exported;").wait_for()
        screenshot(builder, "05_plan_builder_exported")
    exported = (lab.root / "course" / "my_strategy.plan.md").read_text(encoding="utf-8")
    assert exported.startswith("# Social media strategy plan: Riverside Bikes")
    assert "Hear about flat tyres early" in exported
    assert "| Instagram | rented | Ride photos from customers |" in exported
    assert "Riverside Bikes" in (lab.root / "course" / "my_strategy.plan.html").read_text(encoding="utf-8")


# The assignment answered in the browser, and what two learners answer in it.
ASSIGNMENT = "01_why_social_media"
Q1 = "What does a brand that stays off social media give away?"
Q2 = "Which of these are uses of social media beyond marketing?"
Q3 = "what share of Lumen's mentions did Lumen reply to?"
USES = ["customer service", "recruiting staff", "public relations"]
TASK_STUB = "mentions_by_platform = ..."
COUNTS = 'mentions_by_platform = lumen_mentions.groupby("platform", observed=True).size()'
AUTOMATIC = 11  # the assignment's automatic points; the learners below answer only some questions
ADA = {"q1": "the chance to answer what customers say about it",  # all they answer right: 5 of 11
       "code": COUNTS + ".sort_values(ascending=False)"}
# q1 wrong (0 of 1); the platforms smallest first (1 of 2)
BEN = {"q1": "its website's place on Google when people search its name",
       "code": COUNTS + ".sort_values()"}


def _lumen_reply_share() -> str:
    mentions = data.load("mentions")
    lumen = mentions[mentions["brand"] == "lumen"]
    return f"{lumen.loc[~metrics.likely_spam(lumen), 'brand_replied'].mean():.3f}"


def _notebook(student: str) -> str:
    return f"home/{student}/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"


def _graded_card(page, prompt):
    return page.locator(".smcourse-graded").filter(has_text=prompt)


@pytest.fixture(scope="module")
def released(lab):
    """The assignment released into the served course, so the gradebook knows it."""
    grading.release(lab.root, only=[ASSIGNMENT])
    return lab


def _answer_in_browser(lab, browser, student, answers):
    """`student` opens their copy of the student version, answers the widgets by clicking and the
    code task by typing, saves, shuts the notebook down and closes the tab."""
    shutil.copytree(lab.root / "exercises" / ASSIGNMENT, lab.root / "home" / student / ASSIGNMENT)
    page = lab.open(browser, _notebook(student))
    run_all_cells(page)
    _graded_card(page, Q1).get_by_role("radio", name=answers["q1"], exact=True).check()
    for use in USES:
        _graded_card(page, Q2).get_by_role("checkbox", name=use, exact=True).check()
    _graded_card(page, Q3).get_by_role("textbox").press_sequentially(_lumen_reply_share())
    type_code(code_cell(page, TASK_STUB), answers["code"])
    screenshot(page, f"06_assignment_answered_{student}")
    save_and_close(page)
    return lab.root / "home" / student / ASSIGNMENT


@pytest.fixture(scope="module")
def ada(released, browser):
    return _answer_in_browser(released, browser, "ada", ADA)


def test_assignment_answers_are_still_there_after_save_close_and_reopen(released, browser, ada):
    with released.run(browser, _notebook("ada")) as page:
        assert _graded_card(page, Q1).get_by_role("radio", name=ADA["q1"], exact=True).is_checked()
        for use in USES:
            assert _graded_card(page, Q2).get_by_role("checkbox", name=use, exact=True).is_checked()
        assert _graded_card(page, Q3).get_by_role("textbox").input_value() == _lumen_reply_share()
        assert ADA["code"] in code_cell(page, "mentions_by_platform =").locator(".cm-content").inner_text()
        _graded_card(page, Q2).scroll_into_view_if_needed()
        screenshot(page, "07_assignment_reopened")


def test_graded_scores_match_what_each_learner_answered(released, browser, ada):
    ben = _answer_in_browser(released, browser, "ben", BEN)
    for student, folder in {"ada": ada, "ben": ben}.items():
        shutil.copytree(folder, released.root / "submitted" / student / ASSIGNMENT,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    results = grading.grade(ASSIGNMENT, root=released.root, workers=2, show_progress=False).results
    scores = {result.student: (result.score, result.max_score, result.problems) for result in results}
    assert scores == {"ada": (5, AUTOMATIC, []), "ben": (3, AUTOMATIC, [])}
