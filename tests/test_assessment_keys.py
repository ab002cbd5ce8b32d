"""The keys of the interpretation questions whose options are fixed text but whose truth rests on the
data (assignment 03 q6, 04 q3, 05 q6), checked against `datasets/` with a wide margin: if the data
change so that a key no longer holds without caveats, this fails and names the question."""

from functools import cache

from smcourse import data, metrics


@cache
def tables():
    return data.load("posts"), data.load("comments")


def test_03_q6_lumen_answers_within_hours_and_beacon_after_days_in_ordinary_weeks():
    posts, comments = tables()
    day = posts["published_at"].dt.strftime("%Y-%m-%d")
    ordinary = posts[(day >= "2025-07-01") & ~day.between("2025-09-08", "2025-09-28")]
    hours = metrics.activity_indicators(ordinary, comments)["median_response_hours"]
    assert hours["lumen"] < 24 and hours["beacon"] > 48, hours


def test_04_q3_beacon_reaches_more_on_instagram_but_leaves_most_questions_unanswered():
    posts, comments = tables()
    instagram = posts[posts["platform"] == "instagram"]
    reach = instagram.groupby("brand", observed=True)["reach"].sum()
    assert reach["beacon"] > 2 * reach["lumen"], reach  # the prompt: "reaches far more people"
    table = metrics.response_summary(comments, instagram)
    assert table.at["beacon", "questions_answered"] < 0.5 < table.at["lumen", "questions_answered"], table
    hours = table["median_response_hours"]
    assert hours["lumen"] < 24 and hours["beacon"] > 48, table


def test_05_q6_promotions_are_most_of_beacons_feed_and_earn_least_per_view():
    posts, _ = tables()
    feed = posts[(posts["brand"] == "beacon") & (posts["mode"] == "broadcast")]
    rates = metrics.performance_by(feed, "content_type")["engagement_rate"].rename(index=str)
    assert (feed["content_type"] == "promotional").mean() > 0.5
    assert rates.drop("promotional").min() > 1.1 * rates["promotional"], rates  # the least, by a margin
