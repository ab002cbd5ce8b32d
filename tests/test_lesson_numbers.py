"""Are the numbers that lesson prose, alt texts and instructor notes state true for the data?

Where a lesson types a number (in a sentence or a figure's alt text) rather than computing it, the
same number is checked here, so a change to the data that would make a lesson wrong fails a test.
"""

import pytest

from smcourse import assessment, metrics


@pytest.fixture(scope="module")
def people(tables):
    """Mentions without spam and bots, as lessons 01 and 04 use them."""
    mentions = tables["mentions"]
    return mentions[~metrics.likely_spam(mentions)]


def _by_brand(frame):
    return frame["brand"].astype(str)







def test_lesson_03_survey_and_indicators(tables):
    counts = assessment.verdict_counts(tables["survey"]).set_index(["dimension", "verdict"])["organisations"]
    assert counts[("commitment", "existing")] == 84 and counts[("commitment", "living")] == 24
    assert counts[("presences", "living")] == 53
    indicators = metrics.activity_indicators(tables["posts"], tables["comments"]).round(2)
    assert indicators["posting_consistency"].to_dict() == {"lumen": 0.78, "beacon": 0.76}
    assert indicators["questions_answered"].to_dict() == {"lumen": 0.87, "beacon": 0.30}
    assert indicators.loc["beacon", "median_response_hours"] == pytest.approx(72, abs=1)



def test_lesson_04_shares_and_the_rota(tables):
    shares = metrics.performance_by(tables["posts"], "content_type")["shares_per_post"].round(1)
    assert shares[["humour", "job", "educational", "question", "culture", "promotional"]].tolist() == \
        [7.6, 5.7, 4.8, 3.7, 3.5, 3.0]
    assert shares["reply"] < 1
    comments = tables["comments"].merge(tables["posts"][["post_id", "brand"]], on="post_id")
    lumen = comments[comments["brand"] == "lumen"]
    hours, day = metrics.response_hours(lumen), lumen["created_at"].dt.strftime("%Y-%m-%d")
    assert hours[day < "2025-09-01"].median() == pytest.approx(9, abs=1)
    recall = day.between("2025-09-08", "2025-09-28")
    assert hours[~recall].median() == pytest.approx(9, abs=0.5)  # "about nine outside the recall weeks"
    assert hours[day.between("2025-09-08", "2025-09-28")].median() == pytest.approx(1.2, abs=0.3)


def test_lesson_05_denominators_and_responses(tables):
    posts, followers = tables["posts"], tables["followers"]
    lumen = posts[posts["brand"] == "lumen"]
    rates = metrics.engagement_rates_by(lumen, followers, "platform")
    ranks = rates.rank(ascending=False).astype(int)
    assert ranks.loc["youtube", "by_impressions"] == 4 and ranks.loc["youtube", "by_followers"] == 1
    assert ranks.loc["tiktok", "by_followers"] == 2
    assert ranks.loc["facebook", "by_impressions"] == 2 and ranks.loc["facebook", "by_followers"] == 5
    assert rates["by_followers"].round(4).loc[["youtube", "tiktok", "facebook", "x"]].tolist() == \
        [0.0421, 0.0289, 0.0012, 0.0006]
    brands = metrics.engagement_rates_by(posts, followers, "brand")
    assert (brands.loc["lumen"] / brands.loc["beacon"]).between(1.3, 1.8).all()  # "about one and a half"
    summary = metrics.response_summary(tables["comments"], posts).round(2)
    assert summary.loc["lumen", ["response_rate", "answered_within_24h"]].tolist() == [0.58, 0.56]
    assert summary.loc["beacon", ["response_rate", "answered_within_24h"]].tolist() == [0.10, 0.02]
    assert summary.loc["lumen", "median_response_hours"] == pytest.approx(6.5, abs=0.1)  # "six and a half"
    comments = tables["comments"].merge(posts[["post_id", "brand"]], on="post_id")
    lumen_comments = comments[comments["brand"] == "lumen"]
    wait = metrics.response_hours(lumen_comments).groupby(lumen_comments["created_at"].dt.hour).median()
    assert wait.loc[[9, 12, 16]].max() < 1.5 and wait.loc[[18, 19, 20]].between(12, 15).all()


def test_lesson_05_comment_sentiment_around_the_recall(tables):
    lumen_ids = tables["posts"].loc[tables["posts"]["brand"] == "lumen", "post_id"]
    comments = tables["comments"][tables["comments"]["post_id"].isin(lumen_ids)]
    labels = metrics.sentiment_labels(metrics.sentiment_scores(comments["text"]))
    recall = comments["created_at"].between("2025-09-08", "2025-09-29")
    assert (labels[recall] == "negative").mean() == pytest.approx(0.30, abs=0.02)
    assert (labels[~recall] == "negative").mean() == pytest.approx(1 / 11, abs=0.01)


def test_lesson_06_content_mix_of_feed_posts(tables):
    posts = tables["posts"]
    feed = posts[(posts["brand"] == "lumen") & (posts["mode"] == "broadcast")]
    mix = feed["content_type"].value_counts(normalize=True).mul(100).round(1)
    assert mix[["educational", "promotional", "culture", "question", "humour", "job"]].tolist() == \
        [27.8, 20.4, 19.2, 14.4, 11.2, 7.0]


