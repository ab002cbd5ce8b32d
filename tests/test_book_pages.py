"""The built site as files (book/_build/html, from `make book`): what it contains and what it must not.

No browser here: these read the HTML, the search index and the notebook copies the site offers for
download. tests/test_book_browser.py checks the same site in Chromium.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from smcourse.core.notebooks import is_practice_check

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "book" / "_build" / "html"

# What only nbgrader's source versions in solutions/ hold: solution regions, hidden tests, the mark
# scheme of written answers, and the marking guides of the assignments' rubric cells.
LEAK_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
                "BEGIN MARK SCHEME", "END MARK SCHEME", "Marking guide", "full-marks answer")


def leaks(site: Path) -> list[str]:
    """Every 'file: marker' in `site` that shows solution, hidden test or rubric text."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        if path.suffix not in {".html", ".js", ".ipynb", ".md", ".txt", ".json"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(site)}: {marker}" for marker in LEAK_MARKERS if marker in text]
    return found


def built(page: str) -> str:
    path = SITE / page
    assert path.exists(), f"{page} is missing from the site: build it with `make book`"
    return path.read_text(encoding="utf-8")


def test_the_site_is_built():
    assert (SITE / "book" / "intro.html").exists(), "no site in book/_build/html: run `make book`"


def test_no_solution_hidden_test_or_rubric_text_reaches_the_site():
    test_the_site_is_built()
    assert leaks(SITE) == []


def test_no_page_comes_from_solutions():
    test_the_site_is_built()
    assert not (SITE / "solutions").exists()
    assert not (SITE / "_sources" / "solutions").exists()


def test_the_leak_scan_finds_a_planted_solution(tmp_path):
    (tmp_path / "page.html").write_text("<pre>### BEGIN SOLUTION\nrate = 0.1\n### END SOLUTION</pre>")
    (tmp_path / "searchindex.js").write_text('Search.setIndex({"t": "Marking guide (3 points)"})')
    assert leaks(tmp_path) == ["page.html: BEGIN SOLUTION", "page.html: END SOLUTION",
                               "searchindex.js: Marking guide"]


@pytest.mark.parametrize("folder, pattern", [("course", "[0-9][0-9]_*.ipynb"),
                                             ("exercises", "[0-9][0-9]_*/[0-9][0-9]_*.ipynb")])
def test_every_lesson_and_student_version_has_a_page_and_a_download(folder, pattern):
    test_the_site_is_built()
    for notebook in sorted((ROOT / folder).glob(pattern)):
        page = notebook.relative_to(ROOT).with_suffix(".html")
        assert (SITE / page).exists(), f"{page} missing: is it matched by book/_toc.yml?"
        assert (SITE / "_sources" / notebook.relative_to(ROOT)).exists()
        assert f'_sources/{notebook.relative_to(ROOT).as_posix()}' in built(page.as_posix())


def test_the_datasets_page_lists_every_column_of_the_schema():
    page = built("book/datasets.html")
    package = json.loads((ROOT / "datasets" / "datapackage.json").read_text())
    for resource in package["resources"]:
        assert resource["path"] in page
        for field in resource["schema"]["fields"]:
            assert f"<code class=\"docutils literal notranslate\"><span class=\"pre\">{field['name']}" \
                   f"</span></code>" in page, f"{resource['name']}.{field['name']} not in the schema table"


def test_plotly_js_is_served_by_the_site_once_on_each_page_with_a_figure():
    test_the_site_is_built()
    assert (SITE / "_static" / "plotly.min.js").stat().st_size > 1_000_000
    for path in SITE.rglob("*.html"):
        if path.relative_to(SITE).parts[0] == "_static":
            continue
        html = path.read_text(encoding="utf-8")
        loads = len(re.findall(r'<script[^>]*src="[^"]*plotly[^"]*\.js', html))
        assert loads == (1 if "Plotly.newPlot" in html else 0), path.relative_to(SITE)
        assert 'src="http' not in html, f"{path.relative_to(SITE)} loads a script from elsewhere"


def test_every_practice_check_of_a_lesson_is_on_its_page_as_a_widget_served_by_the_site():
    for notebook in sorted((ROOT / "course").glob("[0-9][0-9]_*.ipynb")):
        checks = sum(map(is_practice_check, nbformat.read(notebook, as_version=4).cells))
        page = built(f"course/{notebook.stem}.html")
        assert page.count('type="application/vnd.jupyter.widget-view+json"') == checks, notebook.name
        assert page.count("Practice check:") == 0, f"{notebook.name}: a check shows its note instead"
        if checks:
            for script in ("require.js", "embed-amd.js"):
                assert re.search(rf'src="\.\./_static/{script}(\?v=\w+)?"', page), script
    for served in ("embed-amd.js", "require.js", "anywidget.js", "widgets.js"):
        assert (SITE / "_static" / served).stat().st_size > 500, served
