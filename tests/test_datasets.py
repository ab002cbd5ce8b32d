"""Are the committed CSVs valid, reproducible from the seed, and shaped so lessons can find patterns?"""

import filecmp

from frictionless import validate

from smcourse import data, generate, metrics


def test_committed_csvs_validate_against_the_datapackage():
    report = validate(str(data.datasets_dir() / "datapackage.json"))
    errors = report.flatten(["title", "rowNumber", "fieldName", "note"])
    assert report.valid, errors[:10]


def test_generator_reproduces_the_committed_files(tmp_path):
    fields = {name: [f["name"] for f in data.schema(name)["schema"]["fields"]] for name in data.TABLES}
    for path in generate.write_datasets(tmp_path, fields):
        assert filecmp.cmp(path, data.datasets_dir() / path.name, shallow=False), path.name


def test_question_posts_draw_more_comments(tables):
    lumen = tables["posts"][tables["posts"]["brand"] == "lumen"]
    asks = lumen["content_type"] == "question"
    result = metrics.compare_groups(lumen.loc[asks, "comments"], lumen.loc[~asks, "comments"])
    assert result.median_a > result.median_b and result.p_value < 0.001


def test_midweek_lunch_and_evening_beat_late_night(tables):
    lumen = tables["posts"][tables["posts"]["brand"] == "lumen"]
    rate = metrics.engagement_rate(lumen)
    hour = lumen["published_at"].dt.hour
    assert rate[hour.isin([12, 19, 20])].median() > 1.3 * rate[hour.isin([7, 22])].median()
    weekday = lumen["published_at"].dt.day_of_week
    assert rate[weekday.isin([1, 2, 3])].median() > rate[weekday.isin([5, 6])].median()


def test_sentiment_dips_during_the_incident_then_recovers(tables):
    mentions = tables["mentions"][tables["mentions"]["brand"] == "lumen"]
    score = metrics.sentiment_scores(mentions["text"])
    day = mentions["created_at"].dt.strftime("%Y-%m-%d")
    before = score[day < "2025-09-01"].mean()
    during = score[(day >= "2025-09-08") & (day < "2025-09-29")].mean()
    after = score[day >= "2025-11-01"].mean()
    assert during < before - 0.2 and after > during + 0.2


def test_competitor_exists_rather_than_lives(tables):
    indicators = metrics.activity_indicators(tables["posts"], tables["comments"])
    lumen, beacon = indicators.loc["lumen"], indicators.loc["beacon"]
    assert lumen["reply_share"] > 3 * beacon["reply_share"]
    assert lumen["median_response_hours"] < beacon["median_response_hours"] / 5
    assert beacon["promotional_share"] > 2 * lumen["promotional_share"]
    followers = tables["followers"].groupby("brand", observed=True)["followers"].max()
    assert followers["beacon"] > followers["lumen"]
