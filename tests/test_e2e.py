"""The learner's path in a real JupyterLab and chromium: lessons, practice checks, the plan builder.

One JupyterLab server serves a temporary copy of the course for the whole file (all browser tests
live here, so `--dist loadfile` keeps them on one worker and one server). Screenshots of each step
go to tests/artifacts/.
"""

from __future__ import annotations

import json
import statistics

import pytest
from e2e_lab import (
    ARTIFACTS,
    CHECK_PROMPT,
    RIGHT,
    WELCOME,
    WRONG,
    check_answer,
    chromium,
    course_copy,
    lab_server,
    practice_card,
    practice_latencies,
    run_all_cells,
    screenshot,
    widget_problems,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with lab_server(course_copy(tmp_path_factory.mktemp("lab"))) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.fixture(scope="module")
def welcome(lab, browser):
    """Lesson 00 open in a tab, every cell run in a fresh kernel."""
    page = lab.open(browser, WELCOME)
    run_all_cells(page)
    yield page
    page.close()


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
    assert 0 < wrong_ms < 2000 and 0 < right_ms < 2000


def test_click_to_feedback_latency_is_recorded(welcome):
    latencies = practice_latencies(welcome, rounds=10)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "feedback_latency.json").write_text(
        json.dumps({"click_to_feedback_ms": latencies}, indent=1), encoding="utf-8")
    assert len(latencies) == 10
    assert statistics.median(latencies) < 500, latencies


def test_plan_builder_exports_what_was_clicked_and_typed(lab, browser):
    page = lab.open(browser, "course/06_capstone_strategy_plan.ipynb")
    run_all_cells(page)
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
    screenshot(builder, "04_plan_builder_filled")
    builder.get_by_role("button", name="Export").click()
    builder.get_by_text("Exported;").wait_for()
    screenshot(builder, "05_plan_builder_exported")
    exported = (lab.root / "course" / "my_strategy.plan.md").read_text(encoding="utf-8")
    assert exported.startswith("# Social media strategy plan: Riverside Bikes")
    assert "Hear about flat tyres early" in exported
    assert "| Instagram | rented | Ride photos from customers |" in exported
    assert "Riverside Bikes" in (lab.root / "course" / "my_strategy.plan.html").read_text(encoding="utf-8")
    page.close()
