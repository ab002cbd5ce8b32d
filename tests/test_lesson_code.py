"""Lesson code stays short, and the helpers that keep it short do what the lessons rely on.

CONTRIBUTING's rule: an analysis cell holds at most eight lines of code (blank lines and comments do
not count); longer work lives in `smcourse`. A practice check's declaration is data and is exempt.
"""

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from smcourse.core import metrics, notebooks
from smcourse.ui import figures

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "course").glob("[0-9][0-9]_*.ipynb"))
CHECK = re.compile(r"^(Choice|MultiSelect|Numeric|Ordering|Matching)\(", re.M)


def _code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(index, "".join(cell["source"])) for index, cell in enumerate(cells)
            if cell["cell_type"] == "code"]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.stem)
def test_no_analysis_cell_is_longer_than_eight_lines(lesson):
    long = {index: len(code) for index, source in _code_cells(lesson) if not CHECK.search(source)
            and len(code := [line for line in source.splitlines()
                             if line.strip() and not line.lstrip().startswith("#")]) > 8}
    assert not long, f"{lesson.name}: cells (index: lines of code) to move into smcourse: {long}"


def test_lines_by_brand_draws_each_brand_in_its_colour_from_zero():
    table = pd.DataFrame({"month": ["Jan", "Feb"] * 2, "brand": ["lumen"] * 2 + ["beacon"] * 2,
                          "followers": [10, 12, 30, 31]})
    fig = figures.lines_by_brand(table, x="month", y="followers")
    colours = {trace.name: trace.line.color for trace in fig.data}
    assert colours == {brand: figures.BRAND_COLOURS[brand] for brand in ("lumen", "beacon")}
    assert fig.layout.yaxis.rangemode == "tozero"
    assert list(fig.data[0].y) == [10, 12]


def test_rate_scatter_labels_and_sizes_each_point_with_per_cent_axes_in_no_brand_colour():
    table = pd.DataFrame({"content_type": ["humour", "promotional"], "engagement_rate": [0.05, 0.03],
                          "click_through_rate": [0.0005, 0.0033], "posts": [120, 230]})
    fig = figures.rate_scatter(table, x="engagement_rate", y="click_through_rate", label="content_type")
    (trace,) = fig.data
    assert list(trace.text) == ["humour", "promotional"] and list(trace.marker.size) == [120, 230]
    assert fig.layout.xaxis.tickformat == fig.layout.yaxis.tickformat == ".1%"
    assert trace.marker.color not in figures.BRAND_COLOURS.values()


def test_brand_posts_and_comments_keeps_one_brands_posts_and_tags_their_comments_with_the_platform():
    posts = pd.DataFrame({"post_id": ["P1", "P2", "P3"], "brand": ["lumen", "beacon", "lumen"],
                          "platform": ["x", "x", "tiktok"]})
    comments = pd.DataFrame({"post_id": ["P1", "P2", "P3", "P3"], "text": ["a", "b", "c", "d"]})
    own, on_own = metrics.brand_posts_and_comments(posts, comments, "lumen")
    assert list(own["post_id"]) == ["P1", "P3"]
    assert on_own[["text", "platform"]].values.tolist() == [["a", "x"], ["c", "tiktok"], ["d", "tiktok"]]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.stem)
def test_each_practice_check_is_stored_with_its_source_collapsed_and_nothing_else_is(lesson):
    cells = nbformat.read(lesson, as_version=4).cells
    hidden = [index for index, cell in enumerate(cells)
              if cell.metadata.get("jupyter", {}).get("source_hidden")]
    assert hidden == [index for index, cell in enumerate(cells) if notebooks.is_practice_check(cell)], \
        f"{lesson.name}: run `smcourse lessons refresh` to store its checks collapsed"


def test_refreshing_collapses_a_practice_check_and_leaves_an_analysis_cell_open():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('x = 1\nChoice("Pick one", options=["a", "b"], answer="a")'),
        nbformat.v4.new_code_cell("Choice = 2  # not a check: the last statement declares nothing"),
        nbformat.v4.new_markdown_cell("Choice(\"in prose\")")])
    cleaned = notebooks.clean(notebook)
    assert [cell.metadata.get("jupyter", {}).get("source_hidden", False) for cell in cleaned.cells] == \
        [True, False, False]
