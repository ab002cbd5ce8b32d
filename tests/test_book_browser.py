"""The built site (book/_build/html, from `make book`) in a real browser, served on 127.0.0.1.

Debian's Chromium, driven by Playwright. Every request that would leave 127.0.0.1 is recorded and
blocked, so the site is proven to work with no internet. axe-core comes from npm (`make book`
installs it into book/_vendor). Screenshots of the landing page and the metrics lesson are saved
to book/_build/screenshots/ for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright import sync_api as playwright_api

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "book" / "_build" / "html"
AXE = ROOT / "book" / "_vendor" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "book" / "_build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# The pages a reader can reach: not the theme's template fragments in _static, nor index.html, which
# only redirects to the landing page (test_landing_page_leads_through_the_course follows it).
PAGES = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html")
               if not p.relative_to(SITE).parts[0].startswith("_") and p != SITE / "index.html")
FIGURE_PAGES = [p for p in PAGES if "smcourse-figure" in (SITE / p).read_text(encoding="utf-8")]
WIDGET_PAGES = [p for p in PAGES if "smcourse-widget-note" in (SITE / p).read_text(encoding="utf-8")]
WIDGET_STATE = re.compile(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', re.S)


def practice_specs(page: str) -> list[dict]:
    """The questions of the practice checks embedded in a built page, in page order."""
    found = WIDGET_STATE.search((SITE / page).read_text(encoding="utf-8"))
    state = json.loads(found.group(1))["state"] if found else {}
    return [state[f"practice-{number}"]["state"]["spec"] for number in range(1, len(state) // 2 + 1)]


PRACTICE_PAGES = [p for p in PAGES if practice_specs(p)]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site_url():
    assert (SITE / "book" / "intro.html").exists(), "no site in book/_build/html: run `make book`"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Debian chromium is missing: `make chromium` installs it"
    with playwright_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One page opened in its own browser context, with what went wrong while it loaded."""

    def __init__(self, browser, url: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.set_default_timeout(60_000)  # a busy 2-core machine parses plotly.js slowly
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.context.route("**/*", self._only_loopback)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("response", lambda response: response.status >= 400
                     and self.errors.append(f"{response.url}: {response.status}"))
        self.page.goto(url, wait_until="load")
        self.page.wait_for_timeout(500)  # errors from scripts that run just after load
        # the widget manager draws each practice check after load
        self.page.wait_for_function("""() => document.querySelectorAll('.smcourse-practice').length ===
            document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length""")

    def _only_loopback(self, route) -> None:
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, site_url):
    """Open a page afresh (for tests that click, type or resize)."""
    opened = []

    def open_page(page: str) -> Visit:
        opened.append(Visit(browser, site_url + page))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()


@pytest.fixture(scope="module")
def loaded(browser, site_url):
    """Each page opened once and kept for the checks that only read it (loading is the slow part)."""
    pages: dict[str, Visit] = {}

    def get(page: str) -> Visit:
        if page not in pages:
            pages[page] = Visit(browser, site_url + page)
        return pages[page]

    yield get
    for opened in pages.values():
        opened.close()


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_offline_with_no_console_error(loaded, page):
    opened = loaded(page)
    assert opened.outside == [], "requests leaving 127.0.0.1"
    assert opened.errors == []


@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_serious_accessibility_violation(loaded, page):
    assert serious_violations(loaded(page).page) == []


@pytest.mark.parametrize("page", FIGURE_PAGES)
def test_every_plotly_figure_draws_and_has_alt_text(loaded, page):
    opened = loaded(page).page
    figures = opened.locator(".smcourse-figure")
    count = figures.count()
    assert count > 0
    for index in range(count):
        figure = figures.nth(index)
        figure.scroll_into_view_if_needed()
        figure.locator("svg.main-svg").first.wait_for(state="attached", timeout=15_000)
        assert figure.get_attribute("role") in ("img", "figure")
        assert (figure.get_attribute("aria-label") or "").strip(), f"figure {index} has no alt text"


def test_every_image_has_alt_text(loaded):
    for page in PAGES:
        html = (SITE / page).read_text(encoding="utf-8")
        if "<img" not in html:
            continue
        missing = loaded(page).page.locator("img:not([alt])").count()
        assert missing == 0, f"{page}: {missing} image(s) without alt text"


@pytest.mark.parametrize("page", WIDGET_PAGES)
def test_widgets_that_need_a_kernel_show_a_note_to_run_them_in_jupyterlab(loaded, page):
    opened = loaded(page).page
    notes = opened.locator(".smcourse-widget-note")
    assert notes.count() > 0
    assert "run this cell in JupyterLab" in notes.first.inner_text()
    assert "Practice check" not in " ".join(notes.all_inner_texts())  # those work here


@pytest.mark.parametrize("page", PRACTICE_PAGES)
def test_every_practice_check_is_drawn_with_no_answer_shown_and_no_source(loaded, page):
    opened = loaded(page).page
    cards = opened.locator(".smcourse-practice")
    assert cards.count() == len(practice_specs(page))
    for card, spec in zip(cards.all(), practice_specs(page), strict=True):
        assert spec["prompt"] in card.inner_text()
        assert card.locator(".smcourse-feedback").inner_text() == ""
    text = opened.locator("article").inner_text()
    assert not re.search(r"\b(Choice|MultiSelect|Numeric|Ordering|Matching)\(", text), "a source shows"


def _answer(card, spec: dict, right: bool) -> None:
    """Give `card` the right answer to `spec`, or a wrong (but complete) one, as a learner does."""
    kind = spec["kind"]
    if kind == "choice":
        option = spec["answer"] if right else next(o for o in spec["options"] if o != spec["answer"])
        card.get_by_role("radio", name=option, exact=True).check()
    elif kind == "multiselect":
        for option in spec["options"]:
            box = card.get_by_role("checkbox", name=option, exact=True)
            box.set_checked(option in spec["answers"] if right else option == spec["answers"][0])
        if not right and len(spec["answers"]) == 1:  # the one right option alone would be right
            wrong = next(o for o in spec["options"] if o not in spec["answers"])
            card.get_by_role("checkbox", name=wrong, exact=True).check()
    elif kind == "numeric":
        field = card.get_by_role("textbox")
        field.fill(str(spec["answer"] if right else spec["answer"] + 10 * spec["tolerance"] + 1))
    else:  # matching and ordering: each item's menu, named by the item
        for index, item in enumerate(spec["items"]):
            match = spec["pairs"][item]
            if not right:  # another item's match (orderings must use each item once)
                match = spec["pairs"][spec["items"][(index + 1) % len(spec["items"])]]
                if match == spec["pairs"][item]:
                    match = next(o for o in spec["options"] if o != spec["pairs"][item])
            card.get_by_role("combobox", name=item, exact=True).select_option(match)


def _first_of_each_kind() -> dict[str, tuple[str, int, dict]]:
    found = {}
    for page in PRACTICE_PAGES:
        for index, spec in enumerate(practice_specs(page)):
            found.setdefault(spec["kind"], (page, index, spec))
    return found


@pytest.mark.parametrize("kind", ["choice", "multiselect", "numeric", "ordering", "matching"])
def test_a_practice_check_of_each_kind_is_answered_wrong_then_right_with_no_kernel(visit, kind):
    assert kind in _first_of_each_kind(), f"no {kind} practice check on the site"
    page, index, spec = _first_of_each_kind()[kind]
    opened = visit(page)
    card = opened.page.locator(".smcourse-practice").nth(index)
    card.scroll_into_view_if_needed()
    feedback = card.locator(".smcourse-feedback[role=status]")
    _answer(card, spec, right=False)
    card.get_by_role("button", name="Check").click()
    assert feedback.get_attribute("class") == "smcourse-feedback smcourse-incorrect", feedback.inner_text()
    _answer(card, spec, right=True)
    assert feedback.inner_text() == ""  # the verdict on the old answer went with it
    card.get_by_role("button", name="Check").press("Enter")  # the keyboard works as the mouse
    assert feedback.get_attribute("class") == "smcourse-feedback smcourse-correct"
    assert feedback.inner_text().startswith("✓ Correct!")
    card.get_by_role("button", name="Show answer").click()
    assert feedback.inner_text().startswith(f"ℹ Answer: {spec['solution']}.")
    assert opened.outside == [] and opened.errors == [], opened.errors


def test_landing_page_leads_through_the_course(visit):
    opened = visit("index.html").page
    opened.wait_for_url("**/book/intro.html")
    assert "Social Media Strategy for Businesses" in opened.title()
    sidebar = opened.locator("nav.bd-docs-nav")
    lessons = sorted((ROOT / "course").glob("[0-9][0-9]_*.ipynb"))
    captions = sidebar.locator("p.caption").all_inner_texts()
    # A part with nothing in it yet (no lesson written) has no caption.
    assert captions == ["Lessons"] * bool(lessons) + ["Graded assignments", "The case data",
                                                      "For instructors"]
    for lesson in lessons:
        assert sidebar.locator(f"a[href$='course/{lesson.stem}.html']").count() == 1, lesson.name
    sidebar.get_by_role("link", name="The case data").click()
    opened.wait_for_url("**/book/datasets.html")
    assert opened.locator("h1").first.inner_text().startswith("The case data")
    opened.locator("a.left-prev").click()
    assert not opened.url.endswith("book/datasets.html")


def test_search_finds_pages_and_opens_them(visit):
    opened = visit("book/intro.html").page
    opened.locator("button.search-button-field, button.search-button").first.click()
    box = opened.locator("form.bd-search input[name=q]:visible").first
    box.fill("instructor")
    box.press("Enter")
    opened.wait_for_url("**/search.html?q=instructor*")
    results = opened.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=15_000)
    assert results.count() >= 1
    results.first.click()
    opened.wait_for_load_state("load")
    assert "instructor" in opened.content().lower()


def save_screenshot(page, name: str) -> Path:
    """The whole page as a reader's window would show it (a tall window: Chromium's full-page
    capture lays the theme's sticky sidebars out wrongly)."""
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 1280, "height": min(height, 6000)})
    page.wait_for_timeout(500)  # let plotly redraw at the new size
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name))
    return SCREENSHOTS / name


def test_screenshots_of_the_landing_page_and_the_metrics_lesson(visit):
    assert save_screenshot(visit("book/intro.html").page, "landing.png").stat().st_size > 20_000
    if not (ROOT / "course" / "05_metrics.ipynb").exists():
        pytest.skip("course/05_metrics.ipynb is not written yet")
    lesson = visit("course/05_metrics.html").page
    lesson.locator("svg.main-svg").first.wait_for(state="attached", timeout=15_000)
    assert save_screenshot(lesson, "metrics.png").stat().st_size > 20_000


# --- a learner's feedback page, with its links into this site -----------------------------------

FEEDBACK_ASSIGNMENT = "05_metrics"


def _key(source, name):
    """The right answer of widget question `name`, from its hidden test (`qN.score(answer=...)`)."""
    import ast

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "score" \
                and getattr(node.func.value, "id", "") == name:
            return {keyword.arg: keyword.value for keyword in node.keywords}
    raise LookupError(name)


@pytest.fixture(scope="module")
def feedback_url(tmp_path_factory, site_url):
    """A partly right learner graded for real (one wrong option, one right, one unanswered), and
    the URL of their feedback page, served on 127.0.0.1, whose lesson links point at this site."""
    import ast
    import json
    import shutil

    import nbformat

    from smcourse.instructor import grading

    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "solutions" / FEEDBACK_ASSIGNMENT, root / "solutions" / FEEDBACK_ASSIGNMENT)
    grading.release(root)
    source = nbformat.read(root / "solutions" / FEEDBACK_ASSIGNMENT / f"{FEEDBACK_ASSIGNMENT}.ipynb",
                           as_version=4)
    tests = "\n".join(cell.source.replace("### BEGIN HIDDEN TESTS", "").replace("### END HIDDEN TESTS", "")
                      for cell in source.cells if cell.cell_type == "code")
    q1 = _key(tests, "q1")
    options = next(ast.literal_eval(keyword.value) for node in ast.walk(ast.parse(tests))
                   if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ask"
                   and ast.literal_eval(node.args[0]) == "q1" for keyword in node.keywords
                   if keyword.arg == "options")
    wrong = next(option for option in options if option != ast.literal_eval(q1["answer"]))
    answers = {"q1": wrong, "q2": ast.literal_eval(_key(tests, "q2")["answers"])}
    folder = root / "submitted" / "learner" / FEEDBACK_ASSIGNMENT
    folder.mkdir(parents=True)
    shutil.copy(root / "exercises" / FEEDBACK_ASSIGNMENT / f"{FEEDBACK_ASSIGNMENT}.ipynb", folder)
    (folder / "answers.json").write_text(json.dumps(answers))
    grading.grade(FEEDBACK_ASSIGNMENT, root, workers=1, show_progress=False)
    grading.feedback(FEEDBACK_ASSIGNMENT, root, lessons_url=site_url + "course")
    served = root / "feedback" / "learner"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield (f"http://127.0.0.1:{server.server_address[1]}/{FEEDBACK_ASSIGNMENT}/{FEEDBACK_ASSIGNMENT}.html",
           wrong, ast.literal_eval(q1.get("explanation", ast.Constant(""))))
    server.shutdown()
    server.server_close()


def test_a_feedback_page_shows_the_question_the_answer_why_and_a_working_link(browser, feedback_url):
    url, wrong, explanation = feedback_url
    opened = Visit(browser, url)
    try:
        page = opened.page
        assert opened.outside == [] and opened.errors == []
        first = page.locator("section.item").first
        assert first.get_by_role("heading").inner_text() == "Question 1"
        assert wrong in first.inner_text() and "wrong" in first.inner_text()
        assert explanation and explanation in first.inner_text()
        assert serious_violations(page) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "feedback.png"), full_page=True)
        link = first.get_by_role("link")
        section = link.get_attribute("href").split("#")[1]
        link.click()
        page.wait_for_load_state("load")
        assert page.url.split("#")[0].endswith(f"course/{FEEDBACK_ASSIGNMENT}.html")
        assert page.locator(f"[id='{section}']").count() == 1  # the section the link names is there
        page.set_viewport_size({"width": 390, "height": 800})  # a phone
        page.go_back()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        opened.close()
