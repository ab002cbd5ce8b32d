"""The lessons and assignments as learners use them, in a real JupyterLab and chromium: axe-core
(WCAG 2.1 A and AA) over the notebook's outputs (no exceptions), every course figure named by its alt
text, the practice checks and the plan builder answered with the keyboard alone, and a table wider
than the notebook reached with Tab and scrolled with the arrow keys.

The test server keeps every cell in the DOM (no windowing, see e2e_lab.SETTINGS), so axe sees every
output, not only those JupyterLab had drawn; the plan builder's tabs are each shown in turn, since
axe skips what is hidden. Findings are written to tests/artifacts/axe_lab.json, and each notebook's
count is printed (run with -s to see it).
"""

from __future__ import annotations

import json

import nbformat
import pytest
from e2e_lab import (
    ARTIFACTS,
    ROOT,
    axe_violations,
    drawn,
    practice_card,
    saved_plan,
    screenshot,
    wait_for_kernel,
    widget_problems,
)

pytestmark = pytest.mark.browser

NOTEBOOKS = ([f"course/{path.name}" for path in sorted((ROOT / "course").glob("[0-9][0-9]_*.ipynb"))]
             + [path.relative_to(ROOT).as_posix()
                for path in sorted((ROOT / "exercises").glob("*/[0-9][0-9]_*.ipynb"))])
CAPSTONE = "course/06_capstone_strategy_plan.ipynb"
FINDINGS: dict[str, list[dict]] = {}
FIGURES: dict[str, dict[str, int]] = {}


@pytest.fixture(scope="module", autouse=True)
def findings():
    yield FINDINGS
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe_lab.json").write_text(json.dumps(FINDINGS, indent=1), encoding="utf-8")
    (ARTIFACTS / "figures_lab.json").write_text(json.dumps(FIGURES, indent=1), encoding="utf-8")


def _every_tab_checked(page) -> list[dict]:
    """axe over the outputs, then again with each tab of every tabbed output shown in turn."""
    found = axe_violations(page)
    tabs = page.locator(".jp-OutputArea-output .lm-TabBar-tab")
    for index in range(tabs.count()):
        tabs.nth(index).click()
        found += axe_violations(page)
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_outputs_have_no_serious_accessibility_violation(lab, browser, notebook):
    with drawn(lab, browser, notebook) as page:
        found = _every_tab_checked(page)
        FINDINGS[notebook] = found
        # Each course figure carries its alt text in JupyterLab as on the site.
        page.wait_for_timeout(500)
        plots, named = page.evaluate("""() => {
            const plots = [...document.querySelectorAll('.jp-OutputArea .js-plotly-plot')];
            const named = plots.map(plot => plot.closest('.jp-OutputArea-output')).filter(output =>
                output.getAttribute('role') === 'figure' && output.getAttribute('aria-label'));
            return [plots.length, named.length];
        }""")
        FIGURES[notebook] = {"figures": plots, "named": named}
        assert named == plots, f"{plots - named} of {plots} figures without their alt text"
        print(f"{notebook}: {sum(len(v['targets']) for v in found)} elements in serious or "
              "critical violation")
        assert [f"{v['id']} ({v['impact']}): {v['help']}: {v['targets'][:3]} {v['html'][:1]}"
                for v in found] == []


WIDE_TABLE = """import pandas as pd
from smcourse.practice import Choice
Choice("Which is wider?", options=["this table", "the notebook"], answer="this table")"""


def test_a_table_wider_than_the_notebook_is_reached_and_scrolled_with_the_keyboard(lab, browser):
    cells = [nbformat.v4.new_code_cell(WIDE_TABLE), nbformat.v4.new_code_cell(
        'pd.DataFrame([range(40)], columns=[f"a rather long column name {n}" for n in range(40)])')]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), lab.root / "course" / "wide_table.ipynb")
    with lab.run(browser, "course/wide_table.ipynb") as page:
        table = page.locator(".jp-OutputArea-output:has(table)")
        table.wait_for()
        page.wait_for_function("() => document.querySelector('.jp-OutputArea-output:has(table)')"
                               ".getAttribute('role') === 'region'")
        assert table.get_attribute("tabindex") == "0"
        assert table.get_attribute("aria-label").startswith(
            "Table of a rather long column name 0, a rather long column name 1,")
        assert axe_violations(page) == []
        page.get_by_role("button", name="Check", exact=True).focus()
        for _ in range(10):  # from the practice card on, Tab reaches the table's region
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.getAttribute('role')") == "region":
                break
        assert _focused(page).startswith("div|region|")
        assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid"
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.activeElement.scrollLeft > 0")


def _focused(page) -> str:
    """What has the keyboard focus: its tag, type or role, and accessible text."""
    return page.evaluate("""() => {
        const el = document.activeElement;
        return `${el.tagName.toLowerCase()}|${el.type || el.getAttribute('role') || ''}|`
             + `${(el.textContent || el.value || '').trim().slice(0, 60)}`;
    }""")


def _tab_to(page, tag: str, text: str, limit: int = 40) -> None:
    """Press Tab until the focused element is a `tag` whose text is `text`."""
    for _ in range(limit):
        focused = _focused(page)
        if focused.startswith(f"{tag}|") and focused.endswith(f"|{text}"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {tag} {text!r}; focus is on {_focused(page)!r}")


def _check_by_keyboard(card) -> str:
    """Tab to the card's Check button, press Enter and return the verdict's status."""
    page = card.page
    _tab_to(page, "button", "Check")
    page.keyboard.press("Enter")  # judged in the page: no wait for the kernel
    feedback = card.locator(".smcourse-feedback[role=status]:not(:empty)")
    feedback.wait_for(timeout=1_000)
    return feedback.get_attribute("class").split()[-1].removeprefix("smcourse-")


@pytest.fixture(scope="module")
def capstone(lab, browser):
    """Lesson 06 (every kind of practice check and the plan builder), every cell run and every
    widget drawn."""
    with drawn(lab, browser, CAPSTONE) as page:
        yield page


def test_each_kind_of_practice_check_is_answered_with_the_keyboard_alone(capstone):
    page = capstone
    # Choice: focus the group, Space picks the first option, arrow down to the right one (in the
    # shuffled order the card shows), Tab to Check, Enter.
    choice = practice_card(page, "Which metric says most about whether")
    right = "Introductions that led to a tasting, a tour or a story, each month"
    radios = choice.get_by_role("radio")
    shown = radios.evaluate_all("radios => radios.map(radio => radio.value)")
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(shown.index(right)):
        page.keyboard.press("ArrowDown")
    assert choice.get_by_role("radio", name=right, exact=True).is_checked()
    assert _check_by_keyboard(choice) == "correct"
    # MultiSelect: Tab between the boxes, Space ticks one: here the first and the third shown.
    multi = practice_card(page, "Which of these would the builder ask you to fix?")
    boxes = multi.get_by_role("checkbox")
    shown = boxes.evaluate_all("boxes => boxes.map(box => box.value)")
    boxes.first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    ticked = [multi.get_by_role("checkbox", name=option, exact=True).is_checked() for option in shown]
    assert ticked[:3] == [True, False, True] and not any(ticked[3:])
    assert _check_by_keyboard(multi) in ("correct", "incorrect")
    # Numeric: type the number into the field named by its unit.
    numeric = practice_card(page, "question posts go on Facebook")
    numeric.get_by_role("textbox", name="posts").focus()
    page.keyboard.type("8")
    assert _check_by_keyboard(numeric) == "correct"
    # Matching: each menu is named by its item; arrow keys choose on a closed menu.
    matching = practice_card(page, "Mark each place as owned, rented or occupied.")
    menus = matching.get_by_role("combobox")
    menus.first.focus()
    for _ in range(menus.count()):  # from no choice, past "— choose —", to the first option
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
    chosen = [menus.nth(index).evaluate("menu => menu.selectedOptions[0].textContent")
              for index in range(menus.count())]
    assert all(text.replace("\xa0", " ") != "— choose —" for text in chosen), chosen
    assert _check_by_keyboard(matching) in ("correct", "incorrect"), matching.inner_text()
    screenshot(page, "08_keyboard_practice_checks")


def test_a_tab_of_the_plan_builder_is_filled_with_the_keyboard_alone(lab, capstone):
    page = capstone
    builder = page.locator(".smcourse-plan-builder").last
    builder.scroll_into_view_if_needed()
    builder.get_by_role("textbox", name="Organisation").focus()
    page.keyboard.type("Riverside Bikes")
    page.keyboard.press("Tab")  # to the plan in two sentences
    assert _focused(page).startswith("textarea")
    page.keyboard.type("Riverside Bikes answers riders faster. It asks for two hours a week.")
    page.keyboard.press("Tab")  # to the first activity
    assert _focused(page).startswith("input|checkbox")
    page.keyboard.press("Space")  # monitor
    page.keyboard.press("Tab")
    assert "Why monitor?" == page.evaluate("() => document.activeElement.title")
    page.keyboard.type("Hear about flat tyres early")
    page.keyboard.press("Tab")  # the change reaches the kernel and the plan is saved
    builder.get_by_text("Saved to my_strategy.plan.json").wait_for(timeout=15_000)
    wait_for_kernel(page)
    # "Saved" already shows from the earlier fields' saves: wait for the file to hold the last answer.
    saved = saved_plan(lab, lambda plan: plan["goals"] and plan["goals"][0]["why"])
    assert saved["organisation"] == "Riverside Bikes"
    assert saved["summary"] == "Riverside Bikes answers riders faster. It asks for two hours a week."
    assert {"activity": "monitor", "why": "Hear about flat tyres early"} in saved["goals"]
    # Shift+Tab goes back the way it came: nothing traps the focus.
    page.keyboard.press("Shift+Tab")
    assert "Why monitor?" == page.evaluate("() => document.activeElement.title")
    screenshot(builder, "09_keyboard_plan_builder")


BROKEN_IN_A_HIDDEN_TAB = """import ipywidgets as w
from traitlets import Unicode
class Broken(w.DOMWidget):
    _view_name = Unicode("NoSuchView").tag(sync=True)
    _view_module = Unicode("no-such-module").tag(sync=True)
w.Tab(children=[w.Label("shown"), Broken()])"""


def test_a_widget_that_fails_to_draw_in_a_hidden_tab_is_reported_with_its_error(lab, browser):
    cells = [nbformat.v4.new_code_cell(BROKEN_IN_A_HIDDEN_TAB)]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), lab.root / "course" / "broken.ipynb")
    with lab.run(browser, "course/broken.ipynb") as page:
        page.locator(".jupyter-widgets-error-widget").wait_for(state="attached")
        assert any("no-such-module" in problem for problem in widget_problems(page))
