"""Every number and comparison that lesson 01 states in prose, alt text and practice-check text,
computed from the datasets: a change to the data that falsifies a sentence fails here, naming it."""

import json
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from smcourse import attempts, calibration, data, metrics

LESSON = Path(__file__).resolve().parents[1] / "course" / "01_why_social_media.ipynb"
NAMES = ("lumen", "lumencoffee", "beacon", "beaconbean", "coffee", "specialtycoffee")
RECALL = ("2025-09-08", "2025-09-28")


def _text() -> str:
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    joined = " ".join("".join(cell["source"]) for cell in cells)
    return re.sub(r"\s+", " ", re.sub(r'"\s*\n\s*"', "", joined))  # string literals split over lines


@cache
def _mentions():
    return data.load("mentions")


@cache
def _people():
    """Mentions without spam and bots, scored and labelled as the lesson does."""
    mentions = _mentions()[~metrics.likely_spam(_mentions())]
    day = mentions["created_at"].dt.strftime("%Y-%m-%d")
    return mentions.assign(asks=mentions["text"].str.contains("?", regex=False),
                           mood=metrics.sentiment_labels(metrics.sentiment_scores(mentions["text"])),
                           in_recall=day.between(*RECALL))


def _brand(frame, name):
    return frame[frame["brand"] == name]


def _platform_shares():
    """Before the spam filter, as the lesson's first table counts them."""
    return _mentions()["platform"].astype(str).value_counts(normalize=True)


def _weekly():
    return metrics.weekly_counts(_mentions(), by="brand").pivot(index="week", columns="brand", values="count")


def _usual(series):
    """Weeks outside the recall's three weeks (Monday 8 to Sunday 28 September)."""
    return series[(series.index < pd.Timestamp("2025-09-14", tz=series.index.tz))
                  | (series.index > pd.Timestamp("2025-09-28", tz=series.index.tz))]


def _lumen_moods():
    weekly = metrics.weekly_counts(_brand(_people(), "lumen"), by="mood").pivot(
        index="week", columns="mood", values="count")
    return weekly[weekly.index.month.isin([8, 9, 10, 11])]


def _usual_lumen_week():
    weekly = metrics.weekly_counts(_brand(_people(), "lumen"), by="brand")
    return _usual(weekly[weekly["brand"] == "lumen"].set_index("week")["count"]).median()


def _reply_share(frame=None):
    frame = _people() if frame is None else frame
    return frame.groupby(frame["brand"].astype(str))["brand_replied"].mean()


def _split():
    people = _people()
    return people.groupby([people["brand"].astype(str), "asks"])["brand_replied"].mean().round(2)


def _terms(frame, n):
    table = metrics.top_terms(frame["text"], n=n, exclude=NAMES)
    return dict(zip(table["term"], table["count"], strict=True))


def _complaints():
    people = _people()
    return people[(people["brand"] == "lumen") & (people["mood"] == "negative") & ~people["in_recall"]]


def _recall_lumen():
    return _brand(_people(), "lumen")[lambda frame: frame["in_recall"]]


def _advocate():
    first = _advocates()["author"].iloc[0]
    people = _people()
    return people[(people["author"] == first) & (people["brand"] == "lumen")].sort_values("created_at")


def _advocates():
    scores = metrics.sentiment_scores(_people()["text"])
    return metrics.likely_advocates(_people(), scores, "lumen", n=5, leave_out_questions=True)


def _question_counted_first():
    scores = metrics.sentiment_scores(_people()["text"])
    first = metrics.likely_advocates(_people(), scores, "lumen", n=5)["author"].iloc[0]
    return _people()[(_people()["author"] == first) & (_people()["brand"] == "lumen")]


@cache
def _posts():
    return data.load("posts")


@cache
def _table_followers():
    return data.load("followers")


def _first_day_ratio():
    followers = _table_followers()
    first = followers[followers["date"] == followers["date"].min()]
    totals = first.groupby(first["brand"].astype(str))["followers"].sum()
    return totals["beacon"] / totals["lumen"]


def _lumen_promotions():
    """The days on which Lumen published a promotional post."""
    lumen = _brand(_posts(), "lumen")
    return lumen.loc[lumen["content_type"] == "promotional", "published_at"].dt.strftime("%Y-%m-%d")


def _recall_table():
    """The lesson's table of recall talk: the first three texts of each month, each text once a month."""
    talk = _brand(_people(), "lumen")[lambda frame: frame["text"].str.contains("recall")]
    talk = talk.assign(month=talk["created_at"].dt.month).drop_duplicates(["month", "text"])
    return talk.groupby("month").head(3)


def _by_type_ratio():
    posts = metrics.feed_posts(_posts())
    groups = posts["brand"].astype(str) + " " + posts["content_type"].astype(str)
    rates = metrics.performance_by(posts.assign(group=groups), "group")["engagement_rate"]
    shared = ["promotional", "educational", "question", "culture", "humour", "job"]
    return [rates[f"beacon {kind}"] / rates[f"lumen {kind}"] for kind in shared]


def _brands():
    return metrics.performance_by(metrics.feed_posts(_posts()), "brand")


def _engagement_ratio():
    return _brands().loc["beacon", "engagement_rate"] / _brands().loc["lumen", "engagement_rate"]


CLAIMS = {
    "Instagram carries about a third of it, and Facebook, TikTok and X about a fifth each":
        lambda: abs(_platform_shares()["instagram"] - 1 / 3) < 0.02
        and _platform_shares()[["facebook", "tiktok", "x"]].between(0.18, 0.23).all(),
    "A team that watches only its favourite platform misses most of what is said":
        lambda: _mentions()["platform"].value_counts(normalize=True).max() < 0.5,
    "Both brands are talked about in every full week of 2025": lambda: (_weekly() > 0).all().all(),
    "in the 51 full weeks of 2025": lambda: len(_weekly()) == 51,
    "In a typical week Beacon is mentioned about 33 times and Lumen about 23":
        lambda: _weekly().median().round().to_dict() == {"lumen": 23, "beacon": 33},
    "The week of Lumen's 8 September cold-brew recall has about 130 mentions of Lumen, the next week about "
    "40, and from the week ending 28 September Lumen is back in its usual range":
        lambda: [round(v, -1) for v in _weekly().loc["2025-09-14":"2025-09-21", "lumen"]] == [130, 40]
        and _weekly().loc["2025-09-28", "lumen"].item() <= _usual(_weekly()["lumen"]).quantile(0.9),
    "Over the year the tool exported about 3,100 mentions, none of them written by the brands":
        lambda: round(len(_mentions()), -2) == 3100
        and not _mentions()["author"].str.lower().isin(["@lumencoffee", "@beaconbean"]).any(),
    "Lumen joins about four in ten conversations about it; Beacon fewer than one in ten":
        lambda: round(_reply_share()["lumen"], 1) == 0.4 and _reply_share()["beacon"] < 0.1,
    "Lumen replied to 44% of the mentions that ask a question and 41% of the other mentions. Beacon "
    "replied to 7% of the questions and 7% of the other mentions":
        lambda: [_split()[key] for key in [("lumen", True), ("lumen", False), ("beacon", True),
                                           ("beacon", False)]] == [0.44, 0.41, 0.07, 0.07],
    "it leaves almost every conversation about itself to others": lambda: _reply_share()["beacon"] < 0.1,
    "To get through about three thousand posts": lambda: round(len(_people()), -3) == 3000,
    "'opened', 'stall' and 'market' lead with 62 mentions each, then 'disappointed' (61), then 'got', "
    "'order', 'wrong', 'twice' and 'frustrating' (60 each) and 'waited', 'forty' and 'minutes' (50 each)":
        lambda: list(_terms(_complaints(), 12).values()) == [62] * 3 + [61] + [60] * 5 + [50] * 3
        and list(_terms(_complaints(), 12))[:4] == ["opened", "stall", "market", "disappointed"],
    "People talk about Beacon's *orders* (some grateful that one was *fixed fast and kindly*, others not) "
    "and compare Beacon with *supermarket beans*":
        lambda: {"order", "supermarket", "beans", "fixed", "kindly"}
        <= set(_terms(_brand(_people(), "beacon")[lambda f: ~f["in_recall"]], 10))
        and {"positive", "negative"} <= set(_brand(_people(), "beacon")
                                            .loc[lambda f: f["text"].str.contains("order"), "mood"]),
    "Their first mention, in January, calls Lumen's cold brew the best they have tasted; in August they are "
    "back with a shout-out for the friendly service":
        lambda: len(_advocate()) == 2 and _advocate()["created_at"].dt.month.tolist() == [1, 8]
        and "best cold brew" in _advocate()["text"].iloc[0]
        and "friendly service" in _advocate()["text"].iloc[1]
        and (metrics.sentiment_scores(_advocate()["text"]) >= metrics.POSITIVE_FROM).all(),
    "Accounts that have mentioned Lumen warmly more than once":
        lambda: (_advocates()["positive_mentions"] >= 2).all(),
    "Counted with questions, the list would have put first someone whose three \"positive\" mentions were "
    "one thank-you and two questions about the loyalty card":
        lambda: _question_counted_first()["text"].str.contains("loyalty card?", regex=False).sum() == 2
        and _question_counted_first()["text"].str.contains("fast and kindly").sum() == 1
        and metrics.likely_advocates(_people(), metrics.sentiment_scores(_people()["text"]), "lumen")
        ["positive_mentions"].iloc[0] == 3,
    "Public replies outnumber promotions about two to one":
        lambda: round((_brand(_posts(), "lumen")["mode"] == "reply").sum()
                      / (_brand(_posts(), "lumen")["content_type"] == "promotional").sum()) == 2,
    "this invented export stores a reply as a post on every platform":
        lambda: set(_brand(_posts(), "lumen").loc[lambda f: f["mode"] == "reply", "platform"].astype(str))
        == {"instagram", "facebook", "x", "linkedin", "youtube", "tiktok"},
    "The other weeks have 16 to 32 mentions, more positive than negative in all but one":
        lambda: _usual(_lumen_moods().sum(axis=1)).agg(["min", "max"]).tolist() == [16, 32]
        and (_usual(_lumen_moods()["positive"] - _lumen_moods()["negative"]) <= 0).sum() == 1,
    "The week of 8 September has about 130, around 80 of them negative; the next about 40":
        lambda: round(_lumen_moods().sum(axis=1).loc["2025-09-14"].item(), -1) == 130
        and round(_lumen_moods().loc["2025-09-14", "negative"].item(), -1) == 80
        and round(_lumen_moods().sum(axis=1).loc["2025-09-21"].item(), -1) == 40,
    "By October people were writing that Lumen had explained the recall openly and that its updates "
    "reassured them":
        lambda: _recall_table().loc[lambda f: f["month"] == 10, "text"].str.contains("recall so openly").any()
        and _recall_table().loc[lambda f: f["month"] == 10, "text"].str.contains("reassured").any(),
    "What were people saying? The first posts in each month that mention the recall (a text repeated within "
    "a month is shown once)":
        lambda: not _recall_table().duplicated(["month", "text"]).any()
        and sorted(_recall_table()["month"].unique()) == [9, 10],
    "Beacon has the larger audience (about 2.4 times Lumen's followers at the start of 2025, as module 0 "
    "showed)":
        lambda: round(_first_day_ratio(), 1) == 2.4,
    "This invented export is also built from a few hundred short texts, each used about five times on "
    "average":
        lambda: 200 <= _people()["text"].nunique() < 1000
        and round(len(_people()) / _people()["text"].nunique()) == 5,
    "a cheerful offer posted by the scheduler that morning would look careless, so Lumen paused its "
    "promotions":
        lambda: _lumen_promotions().between(*RECALL).sum() == 0 and len(_lumen_promotions()) > 0,
    "Beacon already posts mostly offers and earns about 70 % of Lumen's engagement per view. The data cannot "
    "say why; one likely reason to test is":
        lambda: (_brand(_posts(), "beacon")["content_type"] == "promotional").mean() > 0.5,
    "Lumen kept answering through the storm, and Lumen's negative mentions fell back to their usual level "
    "within three weeks":
        lambda: _recall_lumen()["brand_replied"].mean() > _reply_share()["lumen"]
        and _lumen_moods().loc["2025-09-28", "negative"].item()
        <= _usual(metrics.weekly_counts(_brand(_people(), "lumen"), by="mood")
                  .pivot(index="week", columns="mood", values="count")["negative"]).quantile(0.9),
    "About 53%, more than Lumen's 42% for the whole year, at about three times the usual volume":
        lambda: round(_recall_lumen()["brand_replied"].mean(), 2) == 0.53
        and round(_reply_share()["lumen"], 2) == 0.42
        and round(len(_recall_lumen()) / 3 / _usual_lumen_week()) == 3,
    "About 64% of Beacon's feed posts are promotions":
        lambda: round((metrics.feed_posts(_brand(_posts(), "beacon"))["content_type"] == "promotional")
                      .mean(), 2) == 0.64,
    "Beacon's feed posts, all types together, draw more link clicks per view (about 0.3% against "
    "Lumen's 0.14%)":
        lambda: round(_brands().loc["beacon", "click_through_rate"], 3) == 0.003
        and round(_brands().loc["lumen", "click_through_rate"], 4) == 0.0014,
    "Beacon earns about 70 % of Lumen's engagement per view overall, and less than Lumen in every content "
    "type it posts for everyone (75-90 %)":
        lambda: round(_engagement_ratio(), 1) == 0.7
        and 0.745 <= min(_by_type_ratio()) and max(_by_type_ratio()) < 0.905,
    "Beacon already posts mostly offers and earns about 70 % of Lumen's engagement per view":
        lambda: (_brand(_posts(), "beacon")["content_type"] == "promotional").mean() > 0.5
        and round(_engagement_ratio(), 1) == 0.7,
    "Lumen replied to about 42% of the mentions people wrote, Beacon to about 7%, leaving hundreds of "
    "questions to others":
        lambda: _reply_share().round(2).to_dict() == {"beacon": 0.07, "lumen": 0.42}
        and len(_brand(_people(), "beacon").loc[lambda f: f["asks"] & ~f["brand_replied"]]) >= 200,
}


@pytest.mark.parametrize("sentence", CLAIMS)
def test_the_lesson_says_it(sentence):
    assert sentence in _text()


@pytest.mark.parametrize("sentence", CLAIMS)
def test_the_data_agrees(sentence):
    assert CLAIMS[sentence](), sentence


NOTES = LESSON.parent / "instructor" / "01_why_social_media.md"


def _lumen_months():
    lumen = _brand(_people(), "lumen")
    return lumen.groupby(lumen["created_at"].dt.month)["brand_replied"].agg(["size", "mean"])


NOTES_CLAIMS = {
    "Lumen's mentions more than double over the month": lambda: _lumen_months().loc[9, "size"]
    > 2 * _lumen_months().loc[8, "size"],
    "the share Lumen answers rises to about half":
        lambda: round(_lumen_months().loc[9, "mean"], 1) == 0.5
        and _lumen_months().loc[9, "mean"] > _lumen_months().loc[8, "mean"],
    "the volume jumped nearly sixfold in a week":
        lambda: 5.4 <= _weekly().loc["2025-09-14", "lumen"].item()
        / _weekly().loc["2025-09-07", "lumen"].item() < 6,
    "Lumen's Instagram, with 6,800 to 8,300 followers over the year, reaches a median of about 14 % of its "
    "followers per post and its Facebook page about 2.5 %, both inside the published spread":
        lambda: round(_reach_rate("instagram"), 2) == 0.14 and round(_reach_rate("facebook"), 3) == 0.025
        and not [line for line in calibration.check(_tables()) if line.startswith("reach_per_follower")]
        and [round(_instagram_followers().agg(end), -2) for end in ("min", "max")] == [6800, 8300],
}


@cache
def _tables():
    return {name: data.load(name) for name in data.TABLES}


def _reach_rate(platform):
    return calibration.figures(_tables())[f"reach_per_follower.{platform}"]


def _instagram_followers():
    followers = _tables()["followers"]
    lumen = followers[(followers["brand"] == "lumen") & (followers["platform"] == "instagram")]
    return lumen["followers"]


@pytest.mark.parametrize("sentence", NOTES_CLAIMS)
def test_the_instructor_notes_say_it_and_the_data_agrees(sentence):
    assert sentence in re.sub(r"\s+", " ", NOTES.read_text(encoding="utf-8"))
    assert NOTES_CLAIMS[sentence](), sentence


def test_the_lesson_says_which_file_its_practice_checks_write_and_how_to_stop_it():
    text = _text()
    assert f"`{attempts.LOG_FOLDER}/{attempts.LOG_NAME}`" in text
    assert f"`%env {attempts.SWITCH}=off`" in text
