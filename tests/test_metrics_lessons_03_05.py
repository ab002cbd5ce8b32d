"""Unit tests for the helpers lessons 03 to 05 call: whole-week means and the two lesson figures."""

import pandas as pd
import pytest

from smcourse.core import metrics
from smcourse.ui import figures


def test_weekly_mean_keeps_whole_weeks_only():
    # Wednesday 1 January to Wednesday 29 January 2025: whole weeks start on 6, 13 and 20 January.
    times = pd.Series(pd.date_range("2025-01-01", "2025-01-29", freq="D", tz="America/New_York"))
    values = pd.Series(range(len(times)), dtype="float64", name="score")
    weekly = metrics.weekly_mean(values, times)
    assert weekly["week"].dt.strftime("%d").tolist() == ["06", "13", "20"]
    assert weekly["score"].tolist() == [8.0, 15.0, 22.0]  # the mean of days 5-11, 12-18, 19-25


def test_weekly_mean_works_without_time_zones_and_on_a_single_whole_week():
    times = pd.Series(pd.date_range("2025-03-03 09:00", periods=7, freq="D"))
    weekly = metrics.weekly_mean(pd.Series([1.0] * 7), times)
    assert weekly.shape == (1, 2) and weekly.iloc[0, 1] == pytest.approx(1.0)


def test_denominator_bars_draws_one_panel_per_denominator_in_one_colour():
    rates = pd.DataFrame({"by_impressions": [0.05, 0.02], "by_followers": [0.001, 0.04]},
                         index=pd.Index(["facebook", "youtube"], name="platform"))
    fig = figures.denominator_bars(rates, colour="#123456")
    assert sorted(a.text for a in fig.layout.annotations) == ["by followers", "by impressions"]
    assert {trace.marker.color for trace in fig.data} == {"#123456"}
    assert fig.layout.yaxis.tickformat == ".1%" and fig.layout.yaxis2.matches is None


def test_time_grid_is_a_heat_map_of_the_grid():
    grid = pd.DataFrame([[0.01, None], [0.03, 0.04]], index=["Mon", "Tue"], columns=[9, 10])
    fig = figures.time_grid(grid)
    assert fig.data[0].type == "heatmap" and list(fig.data[0].y) == ["Mon", "Tue"]


def test_category_colours_never_reuse_a_brand_colour():
    assert not set(figures.CATEGORY_COLOURS) & set(figures.BRAND_COLOURS.values())


def test_a_radar_profile_that_is_not_a_brand_never_wears_a_brand_colour():
    from smcourse.ui.assessment_widgets import radar_chart

    scores = {"planning": 4, "presences": 4, "commitment": 3, "relationships": 4}
    fig = radar_chart({"Your organisation": scores, "beacon": scores}, title="t", alt="a")
    mine, beacon = (trace.line.color for trace in fig.data)
    assert mine not in figures.BRAND_COLOURS.values() and beacon == figures.BRAND_COLOURS["beacon"]


def test_activity_indicators_can_leave_replies_out_of_the_planning_indicators():
    # Week of 3 March: one feed post and two replies; week of 10 March: one feed post.
    published = pd.to_datetime(["2025-03-03 09:00", "2025-03-04 09:00", "2025-03-05 20:00",
                                "2025-03-11 09:00"]).tz_localize("America/New_York")
    posts = pd.DataFrame({"post_id": ["P1", "P2", "P3", "P4"], "brand": ["lumen"] * 4,
                          "published_at": published,
                          "content_type": ["promotional", "culture", "question", "promotional"],
                          "mode": ["broadcast", "reply", "reply", "broadcast"]})
    comments = pd.DataFrame({"post_id": ["P1"], "is_question": [False], "answered": [False],
                             "created_at": published[:1],
                             "answered_at": pd.Series([pd.NaT], dtype=published.dtype)})
    everything = metrics.activity_indicators(posts, comments).loc["lumen"]
    feed_only = metrics.activity_indicators(posts, comments, planning_on_feed=True).loc["lumen"]
    assert everything["promotional_share"] == 0.5 and feed_only["promotional_share"] == 1.0
    assert everything["posting_unevenness"] == pytest.approx(2 ** -0.5)  # counts 3 and 1: deviation 1 over √2
    assert feed_only["posting_unevenness"] == 0.0  # one feed post in each week
    assert feed_only["reply_share"] == everything["reply_share"] == 0.5
