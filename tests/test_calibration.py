"""Do the CSVs match the published benchmarks recorded in datasets/calibration.json, and does the
data card show that record as it is?"""

import re

import pytest

from smcourse.core import calibration, data


@pytest.fixture(scope="module")
def record():
    return calibration.load_table()


def test_every_figure_lies_where_its_record_says(tables, record):
    assert calibration.check(tables, record) == []


@pytest.mark.parametrize("status", ["inside", "assumption", "outside"])
def test_each_status_is_used_honestly(record, status):
    entries = [e for e in record["figures"] if e["status"] == status]
    assert entries
    for entry in entries:
        assert entry["low"] <= entry["high"], entry["id"]
        if status == "inside":
            assert entry["sources"], f"{entry['id']} is 'inside' a published range but names no source"
        else:
            assert len(entry["note"]) > 40, f"{entry['id']} needs its reason in the note"
        assert all(name in record["sources"] for name in entry["sources"]), entry["id"]


def test_every_source_has_publisher_title_date_and_address(record):
    for name, source in record["sources"].items():
        assert source["url"].startswith("http"), name
        assert source["publisher"] and source["title"] and source["date"], name


def test_a_figure_leaving_its_band_is_reported(tables, record):
    moved = {**record, "figures": [dict(record["figures"][0], low=0.5, high=0.9)]}
    assert calibration.check(tables, moved)[0].startswith(record["figures"][0]["id"])


def test_an_inside_figure_with_a_weak_or_disagreeing_source_breaks_the_rule(tables, record):
    inside = next(e for e in record["figures"] if e["status"] == "inside")
    weak = {**record, "sources": {**record["sources"], inside["sources"][0]: dict(
        record["sources"][inside["sources"][0]], weak="no method stated")}, "figures": [inside]}
    assert calibration.check(tables, weak) == [
        f"{inside['id']}: marked inside, but {inside['sources'][0]} is marked weak"]
    spread = {**record, "figures": [dict(inside, high=4 * inside["low"])]}
    assert "disagree more than 3-fold" in calibration.check(tables, spread)[0]


def test_every_source_older_than_2024_or_undated_is_marked_weak(record):
    for name, source in record["sources"].items():
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", source["date"])]
        if not years or max(years) < 2024:
            assert source.get("weak"), f"{name} ({source['date']}) needs its weakness stated"


def test_the_data_card_shows_the_calibration_table(tables, record):
    card = (data.datasets_dir() / "README.md").read_text(encoding="utf-8")
    shown = card.split(calibration.START, 1)[1].split(calibration.END, 1)[0].strip()
    assert shown == calibration.render_table(tables, record), \
        "run `python -m smcourse.core.calibration` to refresh datasets/README.md"


def test_every_platform_is_calibrated_on_engagement_and_reach(record):
    ids = {entry["id"] for entry in record["figures"]}
    for platform in ("instagram", "facebook", "x", "linkedin", "youtube", "tiktok"):
        for measure in ("engagement_per_follower", "engagement_per_impression", "reach_per_follower",
                        "impressions_per_reach", "posts_per_week", "monthly_growth"):
            assert f"{measure}.{platform}" in ids
