"""Does a learner's own analytics export become a baseline, and does a bad file get a clear word?"""

import pandas as pd
import pytest

from smcourse.core.plan import Channel, Community, Plan
from smcourse.core.plan_import import (
    ImportFileError,
    baseline,
    expected_per_week,
    format_of,
    inbox_waits,
    read_export,
    recognise,
    weekly,
    with_units,
)

# Three posts: 60 engagements and 6 clicks over 2,000 impressions -> 3% and 0.3%, pooled.
META = pd.DataFrame({
    "Post ID": ["1", "2", "3"], "Publish time": ["01/05/2026 09:00", "01/07/2026 12:30",
                                                 "01/09/2026 18:00"],
    "Impressions": ["1,000", "900", "100"], "Reach": ["800", "700", "90"],
    "Reactions": ["20", "15", "5"], "Comments": ["5", "3", "2"], "Shares": ["4", "4", "2"],
    "Link clicks": ["3", "2", "1"]})
LINKEDIN_ROWS = [
    ["All posts: impressions, clicks and reactions for your page's posts", "", "", "", "", "", ""],
    ["Post title", "Created date", "Impressions", "Clicks", "Likes", "Comments", "Reposts"],
    ["Hiring a roaster", "01/05/2026", "1500", "5", "30", "6", "4"],
    ["Wholesale open day", "01/12/2026", "500", "1", "15", "3", "2"]]


def _rates(posts):
    return baseline(posts)[["engagement_rate", "click_through_rate"]].tolist()


def test_a_meta_business_suite_csv_is_recognised_and_pooled(tmp_path):
    path = tmp_path / "meta.csv"
    META.to_csv(path, index=False)
    table = read_export(path)
    assert format_of(table) == "Meta Business Suite"
    assert _rates(recognise(table)) == [3.0, 0.3]


def test_meta_s_renamed_views_column_counts_as_impressions(tmp_path):
    path = tmp_path / "meta.csv"
    META.rename(columns={"Impressions": "Views"}).to_csv(path, index=False)
    assert _rates(recognise(read_export(path))) == [3.0, 0.3]


def test_a_linkedin_excel_export_with_a_line_above_its_header_is_recognised(tmp_path):
    path = tmp_path / "linkedin.xlsx"
    pd.DataFrame(LINKEDIN_ROWS).to_excel(path, index=False, header=False)
    table = read_export(path)
    assert format_of(table) == "LinkedIn page"
    # 60 likes + comments + reposts over 2,000 impressions; 6 clicks
    assert _rates(recognise(table)) == [3.0, 0.3]


def test_any_other_table_is_imported_through_a_column_mapping(tmp_path):
    path = tmp_path / "tool.csv"
    pd.DataFrame({"Seen": [1500, 500], "Hearts": [40, 5], "Replies": [5, 4],
                  "Boosts": [5, 1]}).to_csv(path, index=False)
    table = read_export(path)
    assert format_of(table) is None
    with pytest.raises(ImportFileError, match="map its columns to impressions, likes"):
        recognise(table)
    mapping = {"Seen": "impressions", "Hearts": "likes", "Replies": "comments", "Boosts": "shares"}
    assert baseline(recognise(table, mapping)).to_dict() == {"engagement_rate": 3.0}


@pytest.mark.parametrize("mapping, message", [
    ({"Seen": "impressions", "Hearts": "likes"}, "Map a column to comments, shares"),
    ({"Seen": "impressions", "Hearts": "favourites"}, "favourites is not a column"),
    ({"Watched": "impressions"}, "The file has no column Watched"),
])
def test_a_mapping_that_cannot_give_a_baseline_says_why(mapping, message):
    table = pd.DataFrame({"Seen": ["10"], "Hearts": ["1"]})
    with pytest.raises(ImportFileError, match=message):
        recognise(table, mapping)


def test_a_totals_row_is_named_not_silently_counted(tmp_path):
    path = tmp_path / "meta.csv"
    with_total = pd.concat([META, pd.DataFrame({"Post ID": ["Total"], "Impressions": ["n/a"]})])
    with_total.to_csv(path, index=False)
    with pytest.raises(ImportFileError, match="Some values of impressions, reach, likes, comments, "
                                              "shares, clicks are not numbers"):
        recognise(read_export(path))


@pytest.mark.parametrize("name, content, message", [
    ("notes.txt", b"hello", "neither a CSV nor an Excel"),
    ("broken.xlsx", b"not a spreadsheet", "could not be read as a table"),
    ("empty.csv", b"", "could not be read as a table"),
])
def test_a_file_that_is_not_a_table_gets_a_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        read_export(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ImportFileError, match="There is no file gone.csv here"):
        read_export(tmp_path / "gone.csv")


# --- an exceptional spell, the inbox replay and counts a cadence earns -------------------------

def test_an_exceptional_spell_is_left_out_of_the_baseline_by_date():
    posts = recognise(META.assign(**{"Publish time": ["2026-01-05", "2026-01-07", "2026-01-09"]}))
    ordinary = baseline(posts, exclude=("2026-01-06", "2026-01-08"))
    # posts 1 and 3: 29 + 9 engagements over 1,100 impressions
    assert ordinary["engagement_rate"] == pytest.approx(round(38 / 1100 * 100, 2))
    with pytest.raises(ImportFileError, match="no published_at column"):
        baseline(recognise(META.drop(columns="Publish time")), exclude=("2026-01-06", "2026-01-08"))


def test_a_baseline_is_read_with_each_row_s_unit_and_its_figures_unchanged():
    """A trainer read the group activity's "engagement_rate 5.06" without knowing it is a
    percentage: `with_units` names each row's unit and leaves the figures alone."""
    figures = baseline(recognise(META))
    shown = with_units(pd.DataFrame({"all": figures, "again": figures}))
    assert list(shown.index) == ["Engagement rate (% of impressions)",
                                 "Click-through rate (% of impressions)"]
    assert shown["all"].tolist() == figures.tolist()


def test_the_inbox_replay_waits_for_the_next_look_on_a_staffed_day():
    team = Community(days=5, opens="08:00", closes="18:00")  # looks at 08, 12 and 16, Mon to Fri
    arrivals = pd.Series(pd.to_datetime([
        "2027-01-04 08:00",   # Monday, at a look: no wait
        "2027-01-04 09:30",   # waits for 12:00
        "2027-01-04 16:30",   # after the last look: Tuesday 08:00
        "2027-01-08 20:00",   # Friday evening: Monday 08:00
    ]))
    assert inbox_waits(arrivals, team, 4).tolist() == [0, 2.5, 15.5, 60]
    with pytest.raises(ImportFileError, match="opening hours"):
        inbox_waits(arrivals, Community(days=5, opens="18:00", closes="08:00"), 4)


def test_a_cadence_earns_the_platform_s_count_per_feed_post():
    posts = pd.DataFrame({"platform": ["facebook", "facebook", "x", "x"],
                          "mode": ["broadcast", "broadcast", "broadcast", "reply"],
                          "clicks": [2, 4, 1, 9]})
    lumen = Plan(channels=[Channel("Facebook", posts=5), Channel("X", posts=2),
                           Channel("Threads", posts=3)])
    assert expected_per_week(posts, lumen, "clicks").to_dict() == {"Facebook": 15.0, "X": 2.0}


def test_weekly_values_give_the_spread_over_whole_weeks_only():
    """Posts from a Sunday to a Wednesday sixteen days later: the part-weeks at either end are left
    out; of the two whole weeks, one earned 10 clicks and the other 30."""
    days = pd.to_datetime(["2026-01-04", "2026-01-05", "2026-01-08", "2026-01-12", "2026-01-18",
                           "2026-01-21"])
    posts = pd.DataFrame({"published_at": days, "impressions": [100, 400, 600, 1000, 1000, 100],
                          "likes": [1, 10, 20, 40, 60, 1], "comments": 0, "shares": 0,
                          "clicks": [50, 4, 6, 10, 20, 50]})
    weeks = weekly(posts)
    assert weeks["clicks"].tolist() == [10, 30]
    assert weeks["engagement_rate"].tolist() == [3.0, 5.0]
    assert weeks["clicks"].std() == pytest.approx(14.142, abs=0.001)
    assert weekly(posts, exclude=("2026-01-12", "2026-01-18"))["clicks"].tolist() == [10]


@pytest.mark.parametrize("published, message", [
    (None, "The table has no published_at column, so its posts cannot be put in weeks; map the "
           "column that holds each post's date to it."),
    (["01/05/2026", "Total"], "Some values of published_at are not dates; remove total or empty "
                              "rows from the file and import it again.")])
def test_weekly_values_need_dates_and_say_so(published, message):
    posts = pd.DataFrame({"impressions": [100, 50], "likes": [1, 2], "comments": 0, "shares": 0})
    if published is not None:
        posts["published_at"] = published
    with pytest.raises(ImportFileError) as error:
        weekly(posts)
    assert str(error.value) == message
