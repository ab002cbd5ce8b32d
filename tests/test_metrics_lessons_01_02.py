"""Do the formulas behind lessons 1 and 2 (advocates, conversations, clustered updates) count right?"""

import pandas as pd
import pytest

from smcourse.core import metrics

TZ = "America/New_York"


def _times(*stamps):
    return pd.to_datetime(list(stamps)).tz_localize(TZ)


def test_likely_advocates_rank_authors_by_warm_mentions_of_that_brand_only():
    mentions = pd.DataFrame({
        "brand": ["lumen", "lumen", "lumen", "lumen", "lumen", "beacon", "beacon"],
        "author": ["@ana", "@ana", "@ben", "@cy", "@cy", "@dee", "@dee"],
        "created_at": _times("2025-01-05", "2025-02-01", "2025-01-02", "2025-01-03", "2025-01-09",
                             "2025-01-01", "2025-01-02"),
    })
    sentiment = pd.Series([0.8, 0.6, 0.7, 0.9, -0.5, 0.9, 0.9])
    table = metrics.likely_advocates(mentions, sentiment, "lumen")
    assert table["author"].tolist() == ["@ana", "@ben", "@cy"]  # @ben and @cy tie: @ben came first
    assert table["positive_mentions"].tolist() == [2, 1, 1]
    assert table["mentions"].tolist() == [2, 1, 2]


def test_likely_advocates_leave_out_authors_who_were_never_positive():
    mentions = pd.DataFrame({"brand": ["lumen", "lumen"], "author": ["@ana", "@ben"],
                             "created_at": _times("2025-01-01", "2025-01-02")})
    table = metrics.likely_advocates(mentions, pd.Series([0.0, -0.4]), "lumen")
    assert table.empty


def test_likely_advocates_can_leave_questions_out_of_the_warm_count():
    mentions = pd.DataFrame({"brand": ["lumen"] * 3, "author": ["@ana", "@ana", "@ben"],
                             "text": ["Does Lumen still do the loyalty card?", "Lovely roast",
                                      "Great service"],
                             "created_at": _times("2025-01-01", "2025-01-02", "2025-01-03")})
    sentiment = pd.Series([0.5, 0.6, 0.7])
    assert metrics.likely_advocates(mentions, sentiment, "lumen")["positive_mentions"].tolist() == [2, 1]
    table = metrics.likely_advocates(mentions, sentiment, "lumen", leave_out_questions=True)
    assert table["author"].tolist() == ["@ana", "@ben"]  # one warm mention each: @ana came first
    assert table["positive_mentions"].tolist() == [1, 1]
    assert table["mentions"].tolist() == [2, 1]


def test_conversations_count_answered_comments_and_replied_mentions_per_brand():
    followers = pd.DataFrame({
        "date": pd.to_datetime(["2025-12-30", "2025-12-31", "2025-12-31", "2025-12-31"]),
        "brand": ["lumen", "lumen", "lumen", "beacon"], "platform": ["x", "x", "instagram", "x"],
        "followers": [999, 1000, 1000, 4000]})
    posts = pd.DataFrame({"post_id": ["P1", "P2"], "brand": ["lumen", "beacon"]})
    comments = pd.DataFrame({"post_id": ["P1", "P1", "P2"], "answered": [True, False, True]})
    mentions = pd.DataFrame({"brand": ["lumen", "lumen", "beacon"],
                             "brand_replied": [True, True, False]})
    table = metrics.audience_and_conversations(followers, posts, comments, mentions)
    assert table.loc["lumen", "followers"] == 2000  # the last day only, summed over platforms
    assert table.loc["lumen", "conversations"] == 3
    assert table.loc["beacon", "conversations"] == 1
    assert table.loc["lumen", "per_1000_followers"] == pytest.approx(1.5)
    assert table.loc["beacon", "per_1000_followers"] == pytest.approx(0.25)


def test_clustered_share_counts_posts_close_to_the_previous_one_on_the_same_platform():
    posts = pd.DataFrame({
        "brand": ["beacon", "beacon", "beacon", "beacon", "lumen", "lumen"],
        "platform": ["x", "x", "x", "facebook", "x", "x"],
        "published_at": _times("2025-03-04 09:00", "2025-03-04 09:10", "2025-03-04 11:00",
                               "2025-03-04 09:05", "2025-03-04 12:00", "2025-03-04 12:30"),
    })
    shares = metrics.clustered_share(posts, minutes=30)
    assert shares["beacon"] == pytest.approx(1 / 4)  # only the 09:10 post on x; facebook is apart
    assert shares["lumen"] == pytest.approx(1 / 2)  # exactly 30 minutes counts as clustered
    assert metrics.clustered_share(posts, minutes=20)["lumen"] == 0.0


def test_follower_accounts_at_month_ends_sum_platforms_on_the_last_day_of_each_month():
    followers = pd.DataFrame({
        "date": pd.to_datetime(["2025-01-30", "2025-01-31", "2025-01-31", "2025-02-28", "2025-01-31"]),
        "brand": ["lumen", "lumen", "lumen", "lumen", "beacon"],
        "platform": ["x", "x", "tiktok", "x", "x"], "followers": [5, 10, 20, 12, 40]})
    table = metrics.follower_accounts_at_month_ends(followers)
    assert table.to_dict("list") == {
        "date": list(pd.to_datetime(["2025-01-31", "2025-01-31", "2025-02-28"])),
        "brand": ["beacon", "lumen", "lumen"], "followers": [40, 30, 12], "month": ["Jan", "Jan", "Feb"]}


def test_weekly_counts_keep_only_full_weeks_and_count_zero_weeks():
    # Wednesday 1 January to Wednesday 22 January 2025: only the weeks ending 12 and 19 January are full.
    frame = pd.DataFrame({
        "created_at": _times("2025-01-01 10:00", "2025-01-06 09:00", "2025-01-12 23:00", "2025-01-13 08:00",
                             "2025-01-22 18:00"),
        "brand": ["lumen", "lumen", "beacon", "lumen", "lumen"]})
    table = metrics.weekly_counts(frame, by="brand")
    counts = table.set_index([table["week"].dt.strftime("%Y-%m-%d"), "brand"])["count"].to_dict()
    assert counts == {("2025-01-12", "beacon"): 1, ("2025-01-12", "lumen"): 1,
                      ("2025-01-19", "beacon"): 0, ("2025-01-19", "lumen"): 1}
