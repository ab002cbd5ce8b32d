"""Unit tests for the helpers lessons 03 to 05 call: whole-week means and the two lesson figures."""

import pandas as pd
import pytest

from smcourse import figures, metrics


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
    from smcourse.assessment_widgets import radar_chart

    scores = {"planning": 4, "presences": 4, "commitment": 3, "relationships": 4}
    fig = radar_chart({"Your organisation": scores, "beacon": scores}, title="t", alt="a")
    mine, beacon = (trace.line.color for trace in fig.data)
    assert mine not in figures.BRAND_COLOURS.values() and beacon == figures.BRAND_COLOURS["beacon"]
