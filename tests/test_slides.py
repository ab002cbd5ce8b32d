"""Are the decks chosen from the lessons by the rules, and does a deck run in Chromium with nothing
fetched off the machine?"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

from smcourse.core import practice
from smcourse.core.errors import SmcourseError
from smcourse.instructor import slides

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "course" / "01_why_social_media.ipynb"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "artifacts"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _lesson(*cells):
    return nbformat.v4.new_notebook(cells=list(cells))


def _sources(cells):
    return [(cell.metadata["slideshow"]["slide_type"], cell.source.split("\n")[0]) for cell in cells]


NOTES = """# Module 9 · notes

## Timing

| section | self-paced | workshop |
|---|---:|---:|
| 1 first idea | 5 | 4 |
| 2-3 a list and more | 9 | 8 |

## Discussion questions

1. Which account do you run?
2. Who answers at weekends?

## Group activity (10 minutes, pairs): read the room

Do it.

## Common misconceptions
"""


def test_a_deck_keeps_title_objectives_sections_figures_checks_discussion_and_summary():
    figure = nbformat.v4.new_code_cell("fig", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": f'<div class="smcourse-figure">chart {number}</div>',
                              "text/plain": "Figure"}) for number in (1, 2)])
    table = nbformat.v4.new_code_cell("posts.head()", outputs=[nbformat.v4.new_output(
        "execute_result", data={"text/html": "<table></table>"}, execution_count=1)])
    check = nbformat.v4.new_code_cell(
        'Choice("Which denominator counts people?", options=["impressions", "reach"],\n'
        '       answer="reach", explanation="Reach counts accounts.")')
    cells = slides.deck_cells(_lesson(
        nbformat.v4.new_markdown_cell("# Module 9 · Test\n\nOne line.\n\n*About 5 minutes.*"),
        nbformat.v4.new_markdown_cell("## What you will learn\n\n- **Count** things."),
        nbformat.v4.new_code_cell("from smcourse import data"),
        nbformat.v4.new_markdown_cell("## 1. First idea\n\nOpening paragraph.\n\nMore prose not shown."),
        nbformat.v4.new_markdown_cell("## 2. A list\n\nThree kinds:\n\n- one\n- two\n\nNot shown."),
        nbformat.v4.new_markdown_cell("## Group activity (10 minutes, pairs): read the room\n\n"
                                      "**Your task.** Do it.\n\n**What you hand back.** A line."),
        table, figure,
        nbformat.v4.new_markdown_cell("Prose between cells, not shown."),
        check,
        nbformat.v4.new_markdown_cell("## Summary\n\n- one"),
        nbformat.v4.new_markdown_cell("## Reflect\n\nThink."),
        nbformat.v4.new_markdown_cell("## For instructors\n\n## 2. Not a section of the deck"),
    ), NOTES)
    assert _sources(cells) == [
        ("slide", "# Module 9 · Test"), ("slide", "## What you will learn"),
        ("slide", "## 1. First idea"), ("notes", "4 minutes in a workshop."),
        ("slide", "## 2. A list"), ("notes", "8 minutes in a workshop for sections 2-3."),
        ("slide", "## Group activity (10 minutes, pairs): read the room"), ("slide", ""),
        ("slide", ""), ("slide", "### Question to the room"),
        ("notes", "Answer: reach. Reach counts accounts."), ("slide", "## Discuss"),
        ("slide", "## Summary"), ("slide", "## Reflect")]
    # The activity is the lesson's own section; the notes' section of the same name is not repeated.
    assert cells[6].source == "## Group activity (10 minutes, pairs): read the room\n\n**Your task.** Do it."
    assert cells[2].source == "## 1. First idea\n\nOpening paragraph."
    assert cells[4].source == "## 2. A list\n\nThree kinds:\n\n- one\n- two"
    assert [cell.outputs for cell in cells[7:9]] == [
        [nbformat.from_dict({"output_type": "display_data", "metadata": {},
                             "data": {"text/html": f'<div class="smcourse-figure">chart {number}</div>'}})]
        for number in (1, 2)]
    shown = practice.shown_order("Which denominator counts people?", ["impressions", "reach"])
    assert "".join(f"\n- {option}" for option in shown) in cells[9].source
    assert "2. Who answers at weekends?" in cells[11].source


def test_an_ordering_question_does_not_show_its_answer_and_a_computed_one_shows_no_options():
    written = ["reach", "impressions", "likes", "follows"]
    _, shown, _ = slides.practice_check(f'Choice("Who?", options={written!r}, answer="reach")')
    assert shown == list(practice.shown_order("Who?", written)) != written  # as learners see it
    ordering = slides.practice_check('Ordering("Put in order.", order=["plan", "act", "check"])')
    assert ordering[:2] == ("Put in order.", ["act", "check", "plan"])
    assert ordering[2] == "Answer: ['plan', 'act', 'check']."
    computed = slides.practice_check('Numeric("How many?", answer=len(posts), tolerance=1)')
    assert computed == ("How many?", [], "")
    assert slides.practice_check("print('no check here')") is None


def test_every_lesson_gives_a_deck_with_its_sections_and_checks():
    for lesson in sorted((ROOT / "course").glob("0[1-6]_*.ipynb")):
        notebook = nbformat.read(lesson, as_version=4)
        sections = [cell for cell in notebook.cells if cell.cell_type == "markdown"
                    and re.match(r"## \d+\. ", cell.source)]
        deck = slides.deck_notebook(lesson)
        headings = [cell.source.split("\n")[0] for cell in deck.cells]
        assert headings[:2] == [notebook.cells[0].source.split("\n")[0], "## What you will learn"]
        assert [h for h in headings if re.match(r"## \d+\. ", h)] == [
            cell.source.split("\n")[0] for cell in sections], lesson.name
        assert "## Discuss" in headings and "## Summary" in headings, lesson.name
        assert headings.count("### Question to the room") >= 2, lesson.name


def test_a_missing_lesson_or_reveal_js_is_explained(tmp_path, monkeypatch):
    with pytest.raises(SmcourseError, match="no lesson at .*99_none.ipynb"):
        slides.build_decks(tmp_path, [ROOT / "course" / "99_none.ipynb"])
    monkeypatch.setattr(slides, "REVEAL", tmp_path / "nowhere")
    with pytest.raises(SmcourseError, match="make pack"):
        slides.build_decks(tmp_path, [LESSON])


@pytest.fixture(scope="module")
def deck_url(tmp_path_factory):
    """The module 1 deck, built into a scratch folder and served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("decks")
    slides.build_decks(folder, [LESSON])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{LESSON.stem}.html"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_a_deck_steps_through_in_chromium_with_nothing_off_the_machine(deck_url):
    from playwright import sync_api

    outside, errors = [], []

    def only_loopback(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 760})
        context.set_default_timeout(60_000)
        context.route("**/*", only_loopback)
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(deck_url, wait_until="load")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        total = page.evaluate("Reveal.getTotalSlides()")
        seen, figures, cut_off = [], 0, []
        for _ in range(total):
            title = page.evaluate("Reveal.getCurrentSlide().innerText.trim().split('\\n')[0]")
            seen.append(title)
            if page.evaluate("Reveal.getCurrentSlide().scrollHeight > Reveal.getConfig().height"):
                cut_off.append(title)
            if page.evaluate("Reveal.getCurrentSlide().querySelector('.smcourse-figure') !== null"):
                page.wait_for_function("Reveal.getCurrentSlide().querySelector('.main-svg') !== null")
                figures += 1
                if figures == 1:
                    ARTIFACTS.mkdir(exist_ok=True)
                    page.screenshot(path=str(ARTIFACTS / "deck_figure.png"))
            page.keyboard.press("ArrowRight")
        assert page.evaluate("Reveal.isLastSlide()")
        page.evaluate("Reveal.slide(Reveal.getSlides()"
                      ".findIndex(slide => slide.innerText.includes('Question to the room')))")
        with page.expect_popup() as opened:
            page.keyboard.press("s")  # the speaker view, with the question's answer in its notes
        speaker = opened.value
        speaker.wait_for_function("document.body && document.body.innerText.includes('Answer:')")
        browser.close()
    deck = slides.deck_notebook(LESSON)
    assert total == sum(cell.metadata["slideshow"]["slide_type"] == "slide" for cell in deck.cells)
    assert seen[0].startswith("Module 1") and seen[-1] == "Summary"
    assert figures == sum(cell.cell_type == "code" for cell in deck.cells) > 0
    assert outside == [] and errors == [] and cut_off == []
