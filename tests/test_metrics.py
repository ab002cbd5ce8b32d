"""Do the metric formulas give the numbers a careful analyst would compute by hand?"""

import math

import numpy as np
import pandas as pd
import pytest

from smcourse.core import metrics
from smcourse.core.errors import SmcourseError

TZ = "America/New_York"


def _posts(**columns):
    base = {"post_id": ["P1", "P2"], "brand": ["lumen", "lumen"], "platform": ["x", "x"],
            "published_at": pd.to_datetime(["2025-03-04 12:00", "2025-03-05 20:00"]).tz_localize(TZ),
            "content_type": ["question", "promotional"], "mode": ["broadcast", "reply"],
            "impressions": [1000, 0], "reach": [500, 0], "likes": [30, 0], "comments": [15, 0],
            "shares": [5, 0], "clicks": [20, 0]}
    base.update(columns)
    return pd.DataFrame(base)


def test_engagement_rate_by_impressions_and_reach():
    posts = _posts()
    assert metrics.engagement_rate(posts)[0] == pytest.approx(50 / 1000)
    assert metrics.engagement_rate(posts, "reach")[0] == pytest.approx(50 / 500)


def test_a_zero_denominator_gives_nan_not_infinity():
    rates = metrics.engagement_rate(_posts())
    assert math.isnan(rates[1])
    assert math.isnan(metrics.click_through_rate(_posts())[1])


def test_engagement_rate_by_followers_uses_the_start_of_the_posting_day():
    followers = pd.DataFrame({
        "date": pd.to_datetime(["2025-03-04", "2025-03-05"]), "brand": ["lumen", "lumen"],
        "platform": ["x", "x"], "followers": [2010, 2100], "gained": [20, 100], "lost": [10, 10]})
    posts = _posts(impressions=[1000, 10])
    rate = metrics.engagement_rate(posts, "followers", followers=followers)
    assert rate[0] == pytest.approx(50 / 2000)  # 2010 at day's end - 20 gained + 10 lost
    assert rate[1] == 0.0


def test_engagement_rate_by_followers_without_the_table_explains_itself():
    with pytest.raises(SmcourseError, match="needs the followers table"):
        metrics.engagement_rate(_posts(), "followers")


def test_engagement_rate_rejects_an_unknown_denominator():
    expected = 'engagement_rate: by= must be "impressions", "reach" or "followers", not \'likes\'.'
    with pytest.raises(SmcourseError) as raised:
        metrics.engagement_rate(_posts(), "likes")
    assert str(raised.value) == expected


def test_engagement_rates_by_pools_each_denominator_per_group():
    followers = pd.DataFrame({
        "date": pd.to_datetime(["2025-03-04", "2025-03-05"]), "brand": ["lumen", "lumen"],
        "platform": ["x", "x"], "followers": [2000, 4000], "gained": [0, 0], "lost": [0, 0]})
    posts = _posts(impressions=[1000, 3000], reach=[500, 1500], likes=[30, 10], comments=[15, 5],
                   shares=[5, 5], content_type=["question", "question"])
    table = metrics.engagement_rates_by(posts, followers, "content_type")
    row = table.loc["question"]
    assert list(table.columns) == ["by_impressions", "by_reach", "by_followers"]
    assert row["by_impressions"] == pytest.approx(70 / 4000)
    assert row["by_reach"] == pytest.approx(70 / 2000)
    assert row["by_followers"] == pytest.approx(70 / 6000)


def test_click_through_rate():
    assert metrics.click_through_rate(_posts())[0] == pytest.approx(0.02)


def test_performance_by_pools_totals_per_group():
    posts = _posts(content_type=["question", "question"], impressions=[1000, 3000],
                   likes=[30, 10], comments=[15, 5], shares=[5, 5], clicks=[10, 30])
    table = metrics.performance_by(posts, "content_type")
    assert table.loc["question", "posts"] == 2
    assert table.loc["question", "engagement_rate"] == pytest.approx(70 / 4000)
    assert table.loc["question", "click_through_rate"] == pytest.approx(40 / 4000)


def test_posting_time_grid_has_every_weekday_in_order():
    grid = metrics.posting_time_grid(_posts(impressions=[1000, 100]))
    assert list(grid.index) == list(metrics.WEEKDAYS)
    assert grid.loc["Tue", 12] == pytest.approx(0.05)
    assert np.isnan(grid.loc["Mon"]).all()


def test_follower_growth_and_churn_per_month():
    followers = pd.DataFrame({
        "date": pd.to_datetime(["2025-01-30", "2025-01-31", "2025-02-01"]),
        "brand": ["lumen"] * 3, "platform": ["x"] * 3,
        "followers": [1010, 1015, 1000], "gained": [20, 10, 0], "lost": [10, 5, 15]})
    table = metrics.follower_growth(followers).set_index("date")
    january = table.loc["2025-01-01"]
    assert (january["start"], january["end"], january["net"]) == (1000, 1015, 15)
    assert january["growth_rate"] == pytest.approx(0.015)
    assert january["churn_rate"] == pytest.approx(15 / 1000)
    assert table.loc["2025-02-01", "churn_rate"] == pytest.approx(15 / 1015)


def _two_accounts_and_a_rival():
    """January for lumen on x (1,000 -> 1,015, 15 lost) and instagram (100 -> 90, 15 lost), and
    for beacon on x (500 -> 510, 5 lost)."""
    return pd.DataFrame({
        "date": pd.to_datetime(["2025-01-30", "2025-01-31"] * 3),
        "brand": ["lumen"] * 4 + ["beacon"] * 2,
        "platform": ["x", "x", "instagram", "instagram", "x", "x"],
        "followers": [1010, 1015, 95, 90, 505, 510], "gained": [20, 10, 5, 0, 10, 5],
        "lost": [10, 5, 10, 5, 5, 0]})


def test_follower_growth_by_brand_adds_counts_before_computing_rates():
    table = metrics.follower_growth(_two_accounts_and_a_rival(), by="brand").set_index("brand")
    lumen = table.loc["lumen"]
    assert (lumen["start"], lumen["end"], lumen["gained"], lumen["lost"]) == (1100, 1105, 35, 30)
    # Pooled, not the mean of the platforms' rates (0.015 and -0.1; 0.015 and 0.15).
    assert lumen["growth_rate"] == pytest.approx(5 / 1100)
    assert lumen["churn_rate"] == pytest.approx(30 / 1100)
    assert table.loc["beacon", "churn_rate"] == pytest.approx(5 / 500)
    as_tuple = metrics.follower_growth(_two_accounts_and_a_rival(), by=("brand",))
    pd.testing.assert_frame_equal(as_tuple, table.reset_index())


def test_follower_growth_by_platform_and_overall():
    by_platform = metrics.follower_growth(_two_accounts_and_a_rival(), by="platform").set_index("platform")
    assert by_platform.loc["x", "growth_rate"] == pytest.approx(25 / 1500)
    assert by_platform.loc["instagram", "churn_rate"] == pytest.approx(15 / 100)
    overall = metrics.follower_growth(_two_accounts_and_a_rival(), by=()).iloc[0]
    assert (overall["start"], overall["end"], overall["net"]) == (1600, 1615, 15)
    assert overall["churn_rate"] == pytest.approx(35 / 1600)


def test_follower_growth_rejects_an_unknown_grouping():
    expected = ('follower_growth: by= must be "brand", "platform", ("brand", "platform") or () for '
                "everything, not 'brands'.")
    with pytest.raises(SmcourseError) as raised:
        metrics.follower_growth(_two_accounts_and_a_rival(), by="brands")
    assert str(raised.value) == expected
    with pytest.raises(SmcourseError, match="not 'channel'.$"):
        metrics.follower_growth(_two_accounts_and_a_rival(), by=("brand", "channel"))


def test_sentiment_scores_and_labels_follow_vader():
    texts = pd.Series(["I love this, amazing coffee!", "Posted from the cafe",
                       "Terrible service, very disappointed"])
    scores = metrics.sentiment_scores(texts)
    assert scores[0] > 0.5 and scores[2] < -0.5 and abs(scores[1]) < 0.05
    assert metrics.sentiment_labels(scores).tolist() == ["positive", "neutral", "negative"]


def test_top_terms_drops_stop_words_and_excluded_names():
    texts = pd.Series(["The recall is scary #Lumen", "recall again and the refund #lumen #coffee"])
    words = metrics.top_terms(texts, 2, exclude=("lumen",))
    assert words.to_dict("records") == [{"term": "recall", "count": 2}, {"term": "scary", "count": 1}]
    tags = metrics.top_terms(texts, 1, hashtags=True)
    assert tags.to_dict("records") == [{"term": "#lumen", "count": 2}]


def test_response_hours_is_nan_for_unanswered_comments():
    created = pd.to_datetime(["2025-01-01 10:00", "2025-01-01 11:00"]).tz_localize(TZ)
    comments = pd.DataFrame({"created_at": created,
                             "answered_at": [created[0] + pd.Timedelta(minutes=90), pd.NaT]})
    hours = metrics.response_hours(comments)
    assert hours[0] == pytest.approx(1.5) and math.isnan(hours[1])


def test_activity_indicators_on_a_tiny_brand():
    posts = _posts()
    created = posts["published_at"]
    comments = pd.DataFrame({"post_id": ["P1", "P1"], "is_question": [True, False],
                             "answered": [True, False], "created_at": created,
                             "answered_at": [created[0] + pd.Timedelta(hours=2), pd.NaT]})
    row = metrics.activity_indicators(posts, comments).loc["lumen"]
    assert row["reply_share"] == 0.5 and row["promotional_share"] == 0.5
    assert row["questions_answered"] == 1.0 and row["median_response_hours"] == 2.0
    assert row["posting_unevenness"] == 0.0  # both posts fall in the same single week


def test_compare_groups_reports_medians_and_a_p_value():
    result = metrics.compare_groups(pd.Series([5, 6, 7, 8, 9] * 4), pd.Series([1, 2, 2, 3, 1] * 4),
                                    "questions", "others")
    assert (result.median_a, result.median_b) == (7.0, 2.0)
    assert result.p_value < 0.001
    assert "unlikely to be chance" in result.summary()
    with pytest.raises(SmcourseError, match="each need at least one value"):
        metrics.compare_groups(pd.Series([], dtype=float), pd.Series([1.0]))


def _comment_frame(rows):
    frame = pd.DataFrame(rows, columns=["post_id", "created_at", "answered_at", "answered",
                                        "is_question"])
    for column in ("created_at", "answered_at"):
        frame[column] = pd.to_datetime(frame[column]).dt.tz_localize("America/New_York")
    return frame


def test_response_summary_counts_the_unanswered_as_not_answered_in_time():
    posts = pd.DataFrame({"post_id": ["P1", "P2"], "brand": ["lumen", "beacon"]})
    comments = _comment_frame([
        ("P1", "2025-03-03 10:00", "2025-03-03 11:00", True, True),
        ("P1", "2025-03-03 22:00", "2025-03-04 09:00", True, False),
        ("P1", "2025-03-03 12:00", None, False, True),
        ("P1", "2025-03-03 12:00", None, False, False),
        ("P2", "2025-03-03 12:00", "2025-03-06 12:00", True, False),
    ])
    table = metrics.response_summary(comments, posts, within_hours=24)
    assert table.loc["lumen", "comments"] == 4
    assert table.loc["lumen", "response_rate"] == pytest.approx(0.5)
    assert table.loc["lumen", "answered_within_24h"] == pytest.approx(0.5)  # unanswered count as late
    assert table.loc["lumen", "median_response_hours"] == pytest.approx(6.0)  # 1 h and 11 h
    assert table.loc["lumen", "questions_answered"] == pytest.approx(0.5)
    assert table.loc["beacon", "answered_within_24h"] == 0.0


def test_likely_spam_flags_bait_and_copy_paste_repeats_only():
    mentions = pd.DataFrame({
        "author": ["@a", "@b", "@bot1", "@bot1", "@bot1", "@c", "@d"],
        "text": ["Love the cold brew", "WIN a prize at bit.ly/x", "Top deals list", "Top deals list",
                 "Top deals list", "Love the cold brew", "Free followers and likes here"],
    })
    assert metrics.likely_spam(mentions).tolist() == [False, True, True, True, True, False, True]


def test_reach_rate_and_watched_share():
    followers = pd.DataFrame({"date": pd.to_datetime(["2025-01-02"]), "brand": ["lumen"],
                              "platform": ["tiktok"], "followers": [1010], "gained": [20],
                              "lost": [10]})
    posts = pd.DataFrame({"published_at": pd.to_datetime(["2025-01-02 12:00"]).tz_localize(TZ),
                          "brand": ["lumen"], "platform": ["tiktok"], "reach": [500],
                          "video_seconds": pd.array([30], dtype="Int64"),
                          "avg_watch_seconds": [6.0]})
    assert metrics.reach_rate(posts, followers).iloc[0] == pytest.approx(0.5)
    assert metrics.watched_share(posts).iloc[0] == pytest.approx(0.2)


def test_feed_posts_keep_broadcasts_and_leave_replies_out():
    feed = metrics.feed_posts(_posts())
    assert feed["post_id"].tolist() == ["P1"]


def test_feed_posts_need_the_mode_column():
    with pytest.raises(SmcourseError, match="'mode' column"):
        metrics.feed_posts(_posts().drop(columns="mode"))


def test_median_post_rate_is_the_typical_post_not_the_pooled_total():
    # Three question posts: two small ones at 1 % and 2 %, one breakout at 10 % on 100 times the views.
    posts = pd.DataFrame({"content_type": ["question"] * 3 + ["humour"], "brand": ["lumen"] * 4,
                          "impressions": [1000, 1000, 100_000, 500], "likes": [10, 20, 10_000, 15],
                          "comments": [0, 0, 0, 0], "shares": [0, 0, 0, 0]})
    median = metrics.median_post_rate(posts, "content_type")
    assert median.to_dict() == {"humour": 0.03, "question": 0.02}
    assert metrics.median_post_rate(posts, ["brand", "content_type"])[("lumen", "question")] == 0.02
    with pytest.raises(SmcourseError, match="no column 'platform'"):
        metrics.median_post_rate(posts, "platform")
