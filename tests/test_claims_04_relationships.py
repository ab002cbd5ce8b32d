"""Every number and comparison that lesson 04 states outside its crisis section (which
test_claims_04_crisis checks against the model), computed from `datasets/`: a change to the data that
falsifies a sentence fails here, naming the sentence."""

import json
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from smcourse import data, metrics

LESSON = Path(__file__).resolve().parents[1] / "course" / "04_relationships_and_influence.ipynb"
NOTES = LESSON.parent / "instructor" / "04_relationships_and_influence.md"
RECALL_WEEK = pd.Timestamp("2025-09-08")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _lesson_text() -> str:
    """The lesson's prose and code, with adjacent string literals joined (an alt text over lines)."""
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    return _squash(re.sub(r'"\s*\n\s*"', "", " ".join("".join(cell["source"]) for cell in cells)))


@cache
def tables() -> dict:
    return {name: data.load(name) for name in data.TABLES}


def _data_card_entry(name: str) -> str:
    """The data card's source entry that starts with **name**, as one line."""
    card = (LESSON.parents[1] / "datasets" / "README.md").read_text(encoding="utf-8")
    return _squash(next(line for line in card.splitlines() if line.startswith(f"- **{name}**")))


def broadcasts():
    return metrics.feed_posts(tables()["posts"])


def by_mode():
    posts = tables()["posts"]
    groups = posts.assign(group=posts["brand"].astype(str) + " · " + posts["mode"].astype(str))
    return metrics.performance_by(groups, "group")["engagement_rate"]


def impressions():
    return tables()["posts"].groupby("brand", observed=True)["impressions"].sum()


def follows():
    followers = tables()["followers"]
    last = followers[followers["date"] == followers["date"].max()]
    return last.groupby("brand", observed=True)["followers"].sum()


def churn():
    return metrics.follower_growth(tables()["followers"], by="brand").pivot(
        index="date", columns="brand", values="churn_rate"
    )


def outside_september():
    return churn().drop(pd.Timestamp("2025-09-01"))


def shares():
    return metrics.performance_by(broadcasts(), "content_type")["shares_per_post"]


def brand_shares(brand):
    """Shares per feed post by content type, within one brand."""
    posts = broadcasts()
    return metrics.performance_by(posts[posts["brand"] == brand], "content_type")["shares_per_post"]


def planned_shares(brand):
    """As brand_shares, without the recall announcements (not a type anyone plans)."""
    return brand_shares(brand).drop("announcement", errors="ignore")


@cache
def people_mentioning_lumen():
    mentions = tables()["mentions"]
    lumen = mentions[(mentions["brand"] == "lumen") & ~metrics.likely_spam(mentions)]
    return lumen.assign(sentiment=metrics.sentiment_scores(lumen["text"]))


def weekly_sentiment():
    lumen = people_mentioning_lumen()
    return metrics.weekly_mean(lumen["sentiment"], lumen["created_at"]).set_index("week")["sentiment"]


def weekly_counts():
    """Mentions per whole week (Monday to Sunday), the weeks the sentiment chart shows."""
    days = people_mentioning_lumen()["created_at"].dt.tz_localize(None).dt.normalize()
    week = days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    return week.value_counts().reindex(weekly_sentiment().index)


def lumen_answer_hours():
    posts, comments = tables()["posts"], tables()["comments"]
    lumen = comments.merge(posts[["post_id", "brand"]], on="post_id").query("brand == 'lumen'")
    return lumen.assign(hours=metrics.response_hours(lumen), day=lumen["created_at"].dt.strftime("%Y-%m-%d"))


def beacon():
    posts = tables()["posts"]
    return posts[posts["brand"] == "beacon"]


def recorded_weekly_mentions():
    """The group activity's recipe: Lumen's mentions, spam left out, weeks ending on Sunday."""
    lumen = group_activity_mentions()
    weeks = lumen.set_index("created_at").resample("W")["mention_id"].count()
    return weeks.set_axis(weeks.index.strftime("%Y-%m-%d"))


def group_activity_mentions():
    mentions = tables()["mentions"]
    return mentions[(mentions["brand"] == "lumen") & ~metrics.likely_spam(mentions)]


def first_day_mentions():
    """The twenty mentions the group activity lists: the first from 8 September, spam left out."""
    lumen = group_activity_mentions()
    return lumen[lumen["created_at"].dt.strftime("%Y-%m-%d") == "2025-09-08"].head(20)


CLAIMS = {
    "Bar chart of engagement per impression of each brand's feed posts, replies left out: Lumen 4.4 %, "
    "Beacon 3.1 %.": lambda: (
        [f"{by_mode()[g]:.1%}" for g in ("lumen · broadcast", "beacon · broadcast")] == ["4.4%", "3.1%"]
    ),
    "Each view of a Beacon broadcast earns less reaction than a Lumen one": lambda: (
        by_mode()["beacon · broadcast"] < by_mode()["lumen · broadcast"]
    ),
    "it has about twice Lumen's follows and a third more impressions": lambda: (
        round(follows()["beacon"] / follows()["lumen"], 1) in (1.9, 2.0, 2.1)
        and round(impressions()["beacon"] / impressions()["lumen"], 1) == 1.3
    ),
    "each view of a Beacon broadcast earns only about 70 % of the reaction a Lumen broadcast earns": lambda: (
        round(by_mode()["beacon · broadcast"] / by_mode()["lumen · broadcast"], 2) in (0.69, 0.70, 0.71)
    ),
    "Most of Beacon's posts are broadcasts, and most of those are promotions.": lambda: (
        (beacon()["mode"] == "broadcast").mean() > 0.9
        and (metrics.feed_posts(beacon())["content_type"] == "promotional").mean() > 0.5
    ),
    "Lumen answers 87 % of the questions it is asked and Beacon about three in ten, and Beacon takes about "
    "three days to do it.": lambda: (
        metrics.activity_indicators(tables()["posts"], tables()["comments"])
        .pipe(
            lambda t: f"{t.loc['lumen', 'questions_answered']:.0%}" == "87%"
            and round(t.loc["beacon", "questions_answered"], 1) == 0.3
            and round(t.loc["beacon", "median_response_hours"] / 24) == 3
        )
    ),
    "Beacon loses between 0.8 % and 1.1 % of its followers each month; Lumen between 0.6 % and 1.0 %, "
    "except September (about 1.5 %)": lambda: (
        [f"{f(churn()['beacon']):.1%}" for f in (min, max)] == ["0.8%", "1.1%"]
        and [f"{f(outside_september()['lumen']):.1%}" for f in (min, max)] == ["0.6%", "1.0%"]
        and f"{churn().loc['2025-09-01', 'lumen']:.1%}" == "1.5%"
    ),
    "Beacon loses followers a little faster in most months; Lumen's recall month stands out": lambda: (
        (outside_september()["beacon"] > outside_september()["lumen"]).sum() == 10
        and churn()["lumen"].idxmax() == pd.Timestamp("2025-09-01")
    ),
    "In ten of the eleven months outside September, Beacon loses a slightly larger share of its audience "
    "than Lumen does, about one follower in a hundred": lambda: (
        (outside_september()["beacon"] > outside_september()["lumen"]).sum() == 10
        and round(churn()["beacon"].median(), 2) == 0.01
    ),
    "a brand that loses 1 % of its followers a month has lost about one in nine of the people it started "
    "the year with by December": lambda: round(1 / (1 - 0.99**12)) == 9,
    "In this invented data, promotions are shared least of the feed posts": lambda: (
        shares().idxmin() == "promotional"
    ),
    "humour and announcement about 7.5, job 6, educational 4.5, question 3.7, culture 3.5 and "
    "promotional 3.": lambda: (
        shares().round(1)[["humour", "announcement"]].tolist() == [7.6, 7.5]
        and round(shares()["job"]) == 6
        and shares().round(1)[["educational", "question", "culture"]].tolist() == [4.5, 3.7, 3.5]
        and round(shares()["promotional"]) == 3
    ),
    "Of the posts each brand plans, humour travels furthest (Lumen about 6.3 shares a post, Beacon about "
    "9.9), then job openings (people pass a vacancy on to a friend) and useful know-how; promotions are "
    "shared least of any post made for everyone. The gaps are a factor of about three, not tenfold.":
    lambda: (
        all(planned_shares(brand).sort_values(ascending=False).index[:3].tolist()
            == ["humour", "job", "educational"]
            and planned_shares(brand).idxmin() == "promotional"
            and round(planned_shares(brand).max() / planned_shares(brand).min()) == 3
            for brand in ("lumen", "beacon"))
        and [round(planned_shares(b)["humour"], 1) for b in ("lumen", "beacon")] == [6.3, 9.9]
    ),
    "Lumen's recall announcements top its own list (about 7.5 a post)": lambda: (
        brand_shares("lumen").idxmax() == "announcement" and round(brand_shares("lumen").max(), 1) == 7.5
    ),
    "Its lowest week, about -0.2, is the week of the recall on 8 September; the next two weeks (shaded "
    "with it: Lumen's extended rota) climb back, and from the week of 29 September it is back in its "
    "usual range.": lambda: (
        weekly_sentiment().idxmin() == RECALL_WEEK
        and round(weekly_sentiment().min(), 1) == -0.2
        and weekly_sentiment()[RECALL_WEEK]
        < weekly_sentiment()["2025-09-15"]
        < weekly_sentiment()["2025-09-22"]
        < weekly_sentiment()["2025-09-29"]
        and weekly_sentiment()["2025-09-29"] >= weekly_sentiment().quantile(0.25)
    ),
    "With about 20 mentions a week it is noisy, mostly between 0 and +0.5.": lambda: (
        round(weekly_counts().median(), -1) == 20 and weekly_sentiment().between(0, 0.5).mean() > 0.9
    ),
    "Mentions jumped to about six times their usual weekly number and turned negative in the first week, "
    "then calmed over the next two": lambda: (
        round(weekly_counts()[RECALL_WEEK] / weekly_counts().median()) == 6
        and weekly_sentiment()[RECALL_WEEK] < 0
        and weekly_counts()["2025-09-15"] > weekly_counts()["2025-09-22"]
    ),
    "one week can dip for no reason at all (late October does)": lambda: (
        weekly_sentiment()["2025-10-27"] < 0
        and weekly_sentiment().drop(RECALL_WEEK).idxmin() == pd.Timestamp("2025-10-27")
    ),
    "During those three weeks Lumen answered comments in about an hour (median), against about nine "
    "hours usually": lambda: (
        round(lumen_answer_hours().query("'2025-09-08' <= day <= '2025-09-28'")["hours"].median()) == 1
        and round(lumen_answer_hours().query("day < '2025-09-08' or day > '2025-09-28'")["hours"].median())
        == 9
    ),
    "accounts that reply to comments earn more engagement than accounts that do not, by up to 42 % on "
    "Threads and 30 % on LinkedIn: the largest gaps, on two platforms, not a range": lambda: (
        "by up to 42 % on Threads and up to 30 % on LinkedIn (two platforms' figures, not a range)"
        in _data_card_entry("Buffer 2026")
    ),
    "Score influence by audience and Beacon wins; score it by how people respond and Lumen wins.": lambda: (
        broadcasts().groupby("brand", observed=True)["impressions"].sum().idxmax() == "beacon"
        and metrics.performance_by(broadcasts(), "brand")["engagement_rate"].idxmax() == "lumen"
    ),
}

NOTES_CLAIMS = {
    "Weekly mentions, spam left out, go from about 20-30 to about 130 in the recall's first week": lambda: (
        recorded_weekly_mentions()["2025-08-17":"2025-09-07"].between(15, 30).all()
        and round(recorded_weekly_mentions()["2025-09-14"], -1) == 130
    ),
    "half of them name the recall": lambda: (
        len(first_day_mentions()) == 20
        and first_day_mentions()["text"].str.contains("recall", case=False).sum() == 10
    ),
    "The same sentence turns up from different accounts (one furious line from three people)": lambda: (
        first_day_mentions().groupby("text")["author"].nunique().max() == 3
    ),
    "Beacon's audience keeps growing although it loses about 1 % of its followers a month": lambda: (
        follows()["beacon"]
        > tables()["followers"].query("date == date.min() and brand == 'beacon'")["followers"].sum()
        and round(churn()["beacon"].median(), 2) == 0.01
    ),
    "Beacon's bigger audience engages far less": lambda: (
        by_mode()["beacon · broadcast"] < 0.75 * by_mode()["lumen · broadcast"]
    ),
}


@pytest.mark.parametrize("sentence", CLAIMS)
def test_the_lesson_says_it(sentence):
    assert _squash(sentence) in _lesson_text()


@pytest.mark.parametrize("sentence", CLAIMS)
def test_the_data_agree(sentence):
    assert CLAIMS[sentence](), sentence


@pytest.mark.parametrize("sentence", NOTES_CLAIMS)
def test_the_instructor_notes_say_it_and_the_data_agree(sentence):
    assert _squash(sentence) in _squash(NOTES.read_text(encoding="utf-8"))
    assert NOTES_CLAIMS[sentence](), sentence
