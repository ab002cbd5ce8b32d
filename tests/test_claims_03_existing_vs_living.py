"""Every number and comparison that lesson 03 (existing or living?) and its instructor notes state,
computed from `datasets/` and `smcourse.assessment`: a change that falsifies a sentence fails here,
naming the sentence."""

import json
import math
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from smcourse import assessment, data, metrics

LESSON = Path(__file__).resolve().parents[1] / "course" / "03_existing_vs_living.ipynb"
NOTES = LESSON.parent / "instructor" / "03_existing_vs_living.md"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _lesson_text() -> str:
    """The lesson's prose and code, with adjacent string literals joined (an alt text over lines)."""
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    return _squash(re.sub(r'"\s*\n\s*"', "", " ".join("".join(cell["source"]) for cell in cells)))


@cache
def tables() -> dict:
    return {name: data.load(name) for name in data.TABLES}


def follows():
    followers = tables()["followers"]
    last = followers[followers["date"] == followers["date"].max()]
    return last.groupby("brand", observed=True)["followers"].sum()


def survey():
    return tables()["survey"][list(assessment.DIMENSIONS)]


def counts():
    table = assessment.verdict_counts(tables()["survey"])
    return table.set_index(["dimension", "verdict"])["organisations"]


def claimed():
    return assessment.scores(assessment.EXAMPLE_ANSWERS)


def indicators():
    posts, comments, mentions = tables()["posts"], tables()["comments"], tables()["mentions"]
    return metrics.activity_indicators(posts, comments, planning_on_feed=True).join(
        metrics.mention_reply_share(mentions)
    )


def observed():
    return assessment.behaviour_scores(indicators())


def year_end_follows():
    followers = tables()["followers"]
    last = followers[followers["date"] == followers["date"].max()]
    return last.pivot_table(
        index="platform", columns="brand", values="followers", observed=True, aggfunc="sum"
    )


def lumen_answer_hours():
    posts, comments = tables()["posts"], tables()["comments"]
    answers = comments.merge(posts[["post_id", "brand"]], on="post_id")
    outside_recall = ~answers["created_at"].between("2025-09-08", "2025-09-29")
    lumen = answers[(answers["brand"] == "lumen") & outside_recall]
    return lumen.assign(hours=metrics.response_hours(lumen), hour=lumen["created_at"].dt.hour)


def item_mean(column):
    """The surveyed organisations' mean answer to one statement, as given (before any reversal)."""
    return tables()["survey"][column].mean()


def response_anchor():
    return next(a for a in assessment.ANCHORS if a.indicator == "median_response_hours")


def anchor_score(indicator, brand):
    anchor = next(a for a in assessment.ANCHORS if a.indicator == indicator)
    return anchor.to_score(indicators().loc[brand, indicator])


def lumen_feed_posts_by_platform():
    feed = metrics.feed_posts(tables()["posts"])
    return feed[feed["brand"] == "lumen"].groupby("platform", observed=True).size()


def per_platform(platform):
    posts, comments = tables()["posts"], tables()["comments"]
    return metrics.activity_indicators(posts[posts["platform"] == platform], comments, planning_on_feed=True)


def on_platform(platform):
    mentions = tables()["mentions"]
    return mentions[mentions["platform"] == platform]


KEPT = ["presences", "commitment", "relationships"]


def platform_verdicts(platform):
    """Each brand's verdicts on one platform; a dimension the platform cannot score keeps the overall one."""
    scores = assessment.behaviour_scores(
        per_platform(platform).join(metrics.mention_reply_share(on_platform(platform)))
    )
    verdicts = scores.map(assessment.verdict)
    return verdicts.where(verdicts != "not answered", observed().map(assessment.verdict))


def youtube_feed():
    posts = tables()["posts"]
    return posts[(posts["platform"] == "youtube") & (posts["mode"] == "broadcast")]


def lumen_youtube_comments():
    """The comments on Lumen's YouTube posts, its replies included."""
    posts, comments = tables()["posts"], tables()["comments"]
    lumen_youtube = posts[(posts["brand"] == "lumen") & (posts["platform"] == "youtube")]
    return comments[comments["post_id"].isin(lumen_youtube["post_id"])]


MODULE_2 = LESSON.parent / "02_what_to_do.ipynb"


def feed_posts_a_week():
    """Each brand's mean feed posts per calendar week (weeks as `activity_indicators` counts them)."""
    feed = metrics.feed_posts(tables()["posts"])
    return feed.groupby("brand", observed=True).apply(
        lambda own: own.set_index("published_at").resample("W")["post_id"].count().mean()
    )


def platform_feed_per_week(platform):
    feed = metrics.feed_posts(tables()["posts"])
    return feed[feed["platform"] == platform].groupby("brand", observed=True).size() / (365 / 7)


def fixed_schedule():
    """Both brands' feed posts, redated to exactly three a week: a fixed schedule."""
    feed = metrics.feed_posts(tables()["posts"]).groupby("brand", observed=True).head(30).copy()
    step = feed.groupby("brand", observed=True).cumcount()
    feed["published_at"] = pd.Timestamp("2025-01-06") + pd.to_timedelta(step // 3 * 7 + step % 3, unit="D")
    return feed


def youtube_comments(brand):
    posts, comments = tables()["posts"], tables()["comments"]
    own = posts[(posts["brand"] == brand) & (posts["platform"] == "youtube")]
    return comments[comments["post_id"].isin(own["post_id"])]


def observed_without(indicator):
    """The behaviour scores with one indicator left out, as a dimension then rests on the other."""
    return assessment.behaviour_scores(indicators().drop(columns=indicator))


BRANDS = ["lumen", "beacon"]


def verdicts(scores, dimension):
    """Lumen's and Beacon's verdicts on one dimension of a table of behaviour scores."""
    return [assessment.verdict(scores.loc[brand, dimension]) for brand in BRANDS]


def percent(share) -> str:
    return f"{share:.0%}"


def standing(strictly: bool):
    below = {name: (survey()[name] < claimed()[name]).mean() for name in assessment.DIMENSIONS}
    at_or_below = assessment.standing_in_survey(claimed(), tables()["survey"])
    chosen = below if strictly else at_or_below
    return [percent(chosen[name]) for name in ("planning", "presences", "relationships")]


CLAIMS = {
    "Our two coffee companies opened accounts on the same six platforms.": lambda: (
        tables()["posts"].groupby("brand", observed=True)["platform"].unique().map(frozenset).nunique() == 1
        and tables()["posts"]["platform"].nunique() == 6
    ),
    "Beacon Bean Co. ended 2025 with far more followers in total than Lumen Coffee Roasters, though not on "
    "every platform": lambda: (
        follows()["beacon"] > 1.5 * follows()["lumen"]
        and (year_end_follows()["lumen"] > year_end_follows()["beacon"]).any()
    ),
    "Lumen leads on one platform only, TikTok (6,548 against 5,134).": lambda: (
        year_end_follows().index[year_end_follows()["lumen"] > year_end_follows()["beacon"]].tolist()
        == ["tiktok"]
        and year_end_follows().loc["tiktok", ["lumen", "beacon"]].tolist() == [6548, 5134]
    ),
    "with about twice as many follows as Lumen": lambda: round(follows()["beacon"] / follows()["lumen"]) == 2,
    "when the scored answers of one dimension lie three or more points apart, the assessment reports "
    "**mixed answers**": lambda: (
        assessment.CONTRADICTION_SPREAD == 3
        and assessment.score({"presences-answers": 5, "presences-people": 2})["presences"].verdict
        == "mixed answers"
        and assessment.score({"presences-answers": 5, "presences-people": 3})["presences"].verdict
        != "mixed answers"
    ),
    "so the pair is a tension to check, not a contradiction. But it hides in an average: the reversed "
    "statement counts 6 - 5 = 1, and with a middling 3 on the third presences statement (people can see "
    "who is behind the accounts) the dimension scores (5 + 1 + 3) / 3 = 3": lambda: (
        assessment.score({"presences-answers": 5, "presences-schedule": 5, "presences-people": 3})[
            "presences"
        ].score
        == 3
        and assessment.score({"presences-answers": 5, "presences-schedule": 5, "presences-people": 3})[
            "presences"
        ].verdict
        == "mixed answers"
    ),
    "answers four points apart say nothing clear about the dimension, so the verdict is "
    "'mixed answers'": lambda: (
        assessment.score({"presences-answers": 5, "presences-schedule": 5})["presences"].verdict
        == "mixed answers"
    ),
    "Beacon's team sees itself as living on three dimensions and on the way on the fourth (commitment, "
    "where they rate social media as an extra task squeezed in as partly true)": lambda: (
        {name: result.verdict for name, result in assessment.score(assessment.EXAMPLE_ANSWERS).items()}
        == {
            "planning": "living",
            "presences": "living",
            "commitment": "in between",
            "relationships": "living",
        }
        and assessment.SCALE[assessment.EXAMPLE_ANSWERS["commitment-sideline"]] == "partly true"
    ),
    "a survey of 160 organisations (synthetic, like all our data) from eight sectors": lambda: (
        len(tables()["survey"]) == 160 and tables()["survey"]["sector"].nunique() == 8
    ),
    "that is why scores come in thirds, such as 2.67 or 3.33": lambda: (
        ((survey() * 3).round(1) % 1 == 0).all().all()
    ),
    "Commitment has the most existing scores (79) and the fewest living ones (24); presences has the most "
    "living scores (43).": lambda: (
        (
            counts()[("commitment", "existing")],
            counts()[("commitment", "living")],
            counts()[("presences", "living")],
        )
        == (79, 24, 43)
        and counts().xs("existing", level="verdict").idxmax() == "commitment"
        and counts().xs("living", level="verdict").idxmin() == "commitment"
        and counts().xs("living", level="verdict").idxmax() == "presences"
    ),
    "160 organisations rate themselves: commitment lags behind": lambda: (
        survey().mean().idxmin() == "commitment"
    ),
    "In this synthetic survey commitment is the weakest dimension on average (its median, 2.67, ties with "
    "planning's)": lambda: (
        survey().mean().idxmin() == "commitment"
        and survey().median().round(2).nsmallest(3).tolist() == [2.67, 2.67, 3.0]
        and set(survey().median().nsmallest(2).index) == {"commitment", "planning"}
    ),
    "The four scores also move together": lambda: min(
        survey()[a].corr(survey()[b]) for a in assessment.DIMENSIONS for b in assessment.DIMENSIONS if a < b
    )
    > 0.4,
    "Beacon rates itself above 88 % of the surveyed organisations on planning, 96 % on presences and 87 % "
    "on relationships (level with or above 96 %, 96 % and 94 %)": lambda: (
        standing(strictly=True) == ["88%", "96%", "87%"] and standing(strictly=False) == ["96%", "96%", "94%"]
    ),
    "or a brand that answers one comment in ten looks merely slow": lambda: (
        round(
            metrics.response_summary(tables()["comments"], tables()["posts"]).loc["beacon", "response_rate"],
            1,
        )
        == 0.1
    ),
    "organisations rate their answering higher than their time and training for it (on average 2.9 out of 5 "
    "for \"someone who asks us a question gets an answer\", against 2.5 for time set aside every day and 2.6 "
    "for training and backing)": lambda: (
        [round(item_mean(key), 1) for key in ("presences_2", "commitment_1", "commitment_2")]
        == [2.9, 2.5, 2.6]
    ),
    "Response time is placed on a log scale: halving the hours moves the score as far whether a brand starts "
    "at 64 hours or at 8": lambda: (
        response_anchor().log_scale
        and math.isclose(response_anchor().to_score(32) - response_anchor().to_score(64),
                         response_anchor().to_score(4) - response_anchor().to_score(8))
    ),
    "Posting consistency supplies half the planning score": lambda: (
        [a.indicator for a in assessment.ANCHORS if a.dimension == "planning"]
        == ["posting_consistency", "promotional_share"]
        and math.isclose(observed().loc["lumen", "planning"],
                         (anchor_score("posting_consistency", "lumen")
                          + anchor_score("promotional_share", "lumen")) / 2)
    ),
    "Reply share supplies half the presences score": lambda: (
        [a.indicator for a in assessment.ANCHORS if a.dimension == "presences"]
        == ["reply_share", "questions_answered"]
    ),
    "In the course data 383 of Lumen's 489 replies are on those five platforms. Leave reply share out "
    "and presences rests on questions answered alone: Lumen scores 4.75 and Beacon 1.59, the same verdicts "
    "as with it, and the response rate to all comments in the table above (0.57 against 0.11) points the "
    "same way.": lambda: (
        (lumen_replies := tables()["posts"].query("brand == 'lumen' and mode == 'reply'")).shape[0] == 489
        and lumen_replies["platform"].isin(["instagram", "facebook", "tiktok", "linkedin", "youtube"]).sum()
        == 383
        and observed_without("reply_share")["presences"].round(2)[BRANDS].tolist() == [4.75, 1.59]
        and verdicts(observed_without("reply_share"), "presences") == verdicts(observed(), "presences")
        and metrics.response_summary(tables()["comments"], tables()["posts"])["response_rate"]
        .round(2)[BRANDS].tolist() == [0.57, 0.11]
    ),
    "Lumen's planning verdict does not need it: on promotional share alone Lumen scores 4.78, still "
    "living. Beacon's would fall from 2.94 (in between) to 1.76 (existing)": lambda: (
        observed_without("posting_consistency")["planning"].round(2)[BRANDS].tolist() == [4.78, 1.76]
        and observed()["planning"].round(2)["beacon"] == 2.94
        and verdicts(observed_without("posting_consistency"), "planning") == ["living", "existing"]
        and verdicts(observed(), "planning") == ["living", "in between"]
    ),
    "consistency lifts Beacon's planning from 1.76 (existing) to 2.94 (in between).": lambda: (
        observed_without("posting_consistency").loc["beacon", "planning"].round(2) == 1.76
        and observed().loc["beacon", "planning"].round(2) == 2.94
        and verdicts(observed_without("posting_consistency"), "planning")[1] == "existing"
        and verdicts(observed(), "planning")[1] == "in between"
    ),
    "Two reversed statements name commercial goals: planning_3 (clicks through to the website) and "
    "relationships_3 (getting sales).": lambda: (
        [(s.dimension, s.reverse) for s in assessment.STATEMENTS
         if "click through" in s.text or "get sales" in s.text]
        == [("planning", True), ("relationships", True)]
        and assessment.STATEMENTS[2].text.startswith("Our accounts exist mainly so that people click")
        and assessment.STATEMENTS[11].text == "We are on social media mainly to get sales out of it."
    ),
    "module 5 shows how to measure what social media earns": lambda: (
        "explain what ROI can and cannot show"
        in (LESSON.parent / "05_metrics.ipynb").read_text(encoding="utf-8")
    ),
    "Lumen's behaviour fills almost the whole chart.": lambda: (observed().loc["lumen"] >= 4).all(),
    "it replies in about 4 % of its posts, answers about three in ten of the questions it is asked, takes "
    "about three days to do so, and joins fewer than one in ten of the conversations others start "
    "about it": lambda: (
        percent(indicators().loc["beacon", "reply_share"]) == "4%"
        and round(indicators().loc["beacon", "questions_answered"], 1) == 0.3
        and round(indicators().loc["beacon", "median_response_hours"] / 24) == 3
        and indicators().loc["beacon", "mention_reply_share"] < 0.1
    ),
    "Every one of Beacon's claims runs ahead of its behaviour.": lambda: (
        assessment.check_claim(claimed(), observed().loc["beacon"])["finding"]
        == "claim runs ahead of behaviour"
    ).all(),
    "Beacon's posting consistency comes close to Lumen's (0.75 against 0.79), but not because either keeps a "
    "steady rhythm": lambda: (
        0 < indicators()["posting_consistency"].pipe(lambda s: s["lumen"] - s["beacon"]) < 0.05
        and indicators()["posting_consistency"].round(2)[["beacon", "lumen"]].tolist() == [0.75, 0.79]
    ),
    "Beacon's feed posts score almost as high on posting consistency as Lumen's (0.75 against "
    "0.79).": lambda: (
        indicators()["posting_consistency"].round(2)[["beacon", "lumen"]].tolist() == [0.75, 0.79]
    ),
    "Lumen's feed averages about 20 posts a week and Beacon's about 18; posted at random, they would score "
    "0.78 and 0.76. Both score about that": lambda: (
        feed_posts_a_week().round().tolist() == [20, 18]
        and (1 - feed_posts_a_week() ** -0.5).round(2).tolist() == [0.78, 0.76]
        and (indicators()["posting_consistency"] - (1 - feed_posts_a_week() ** -0.5)).abs().max() < 0.02
    ),
    "a feed that went out on a fixed weekly schedule would score close to 1": lambda: (
        metrics.activity_indicators(fixed_schedule(), tables()["comments"])["posting_consistency"].min() == 1
    ),
    "module 2's table names seven, each with their own platforms": lambda: (
        len(set(re.findall(r"\| \*\*(?:Keep|Trial from March|Answer first|Test)[^|]*"
                           r"\((?:the|two) ([a-z -]+)\) \|", MODULE_2.read_text(encoding="utf-8")))) + 1
        == 7
    ),
    "Lumen's behaviour is living on every dimension.": lambda: (
        observed().loc["lumen"] >= assessment.LIVING_FROM
    ).all(),
    "behaves as if it merely exists on three dimensions out of four": lambda: (
        sorted(assessment.verdict(v) for v in observed().loc["beacon"])
        == ["existing", "existing", "existing", "in between"]
    ),
}

NOTES_CLAIMS = {
    "on promotional share alone Beacon's planning would read existing, 1.76, not in between": lambda: (
        observed_without("posting_consistency").loc["beacon", "planning"].round(2) == 1.76
        and verdicts(observed_without("posting_consistency"), "planning")[1] == "existing"
        and verdicts(observed(), "planning")[1] == "in between"
    ),
    "The indicators show Lumen replying in nearly a third of its posts against Beacon's 4 %": lambda: (
        0.28 <= indicators().loc["lumen", "reply_share"] < 1 / 3
        and percent(indicators().loc["beacon", "reply_share"]) == "4%"
    ),
    "answering comments within about seven and a half hours over 2025 (about ten outside the recall "
    "weeks": lambda: (
        round(indicators().loc["lumen", "median_response_hours"] * 2) / 2 == 7.5
        and round(lumen_answer_hours()["hours"].median()) == 10
    ),
    "the median is pulled up by evening comments that wait overnight for the morning": lambda: (
        round(lumen_answer_hours()["hours"].median()) == 10
        and lumen_answer_hours().query("hour >= 18")["hours"].median() > 10
        and lumen_answer_hours().query("9 <= hour < 17")["hours"].median() < 2
    ),
    "rather than three days, and keeping promotions to fewer than one feed post in four against Beacon's "
    "about three in five": lambda: (
        round(indicators().loc["beacon", "median_response_hours"] / 24) == 3
        and 0.2 < indicators().loc["lumen", "promotional_share"] < 0.25
        and round(indicators().loc["beacon", "promotional_share"] * 5) == 3
    ),
    "its posting consistency is close to Lumen's, though both brands score about what posting at random "
    "times would give at their volume": lambda: (
        0 < indicators()["posting_consistency"].pipe(lambda s: s["lumen"] - s["beacon"]) < 0.05
        and (indicators()["posting_consistency"] - (1 - feed_posts_a_week() ** -0.5)).abs().max() < 0.02
    ),
    "The data hold no mentions on YouTube, so relationships stays empty (NaN) there; and Beacon answered "
    "none of the eleven comments on its YouTube posts, so its commitment (the median response time) is empty "
    "there too.": lambda: (
        not (tables()["mentions"]["platform"] == "youtube").any()
        and assessment.behaviour_scores(per_platform("youtube"))["relationships"].isna().all()
        and youtube_comments("beacon")["answered"].agg(["sum", "size"]).tolist() == [0, 11]
        and assessment.behaviour_scores(per_platform("youtube")).isna()["commitment"].to_dict()
        == {"lumen": False, "beacon": True}
    ),
    "Lumen's Instagram, at 4.4 feed posts a week, scores 0.51": lambda: (
        round(platform_feed_per_week("instagram")["lumen"], 1) == 4.4
        and round(per_platform("instagram").loc["lumen", "posting_consistency"], 2) == 0.51
    ),
    "Beacon's planning reads existing on Instagram (2.24), TikTok (1.72), LinkedIn (1.50) and X (2.48), its "
    "promotional share pulling it down as well, and Lumen's reads in between on LinkedIn (2.55), where it "
    "posts least apart from YouTube": lambda: (
        {p: round(assessment.behaviour_scores(per_platform(p)).loc["beacon", "planning"], 2)
         for p in ("instagram", "tiktok", "linkedin", "x")}
        == {"instagram": 2.24, "tiktok": 1.72, "linkedin": 1.5, "x": 2.48}
        and round(assessment.behaviour_scores(per_platform("linkedin")).loc["lumen", "planning"], 2) == 2.55
        and assessment.verdict(assessment.behaviour_scores(per_platform("linkedin")).loc["lumen", "planning"])
        == "in between"
        and lumen_feed_posts_by_platform().drop("youtube").idxmin() == "linkedin"
        and lumen_feed_posts_by_platform().idxmin() == "youtube"
        and all(assessment.verdict(assessment.behaviour_scores(per_platform(p)).loc["beacon", "planning"])
                == "existing" for p in ("instagram", "tiktok", "linkedin", "x"))
    ),
    "the snippet assumes the lesson's first code cell has run, so `data`, `metrics`, `posts` and `comments` "
    "are loaded": lambda: all(
        name in _lesson_text() for name in ('posts, comments = data.load("posts"), data.load("comments")',
                                            "from smcourse import assessment, data, figures, metrics")
    ),
    "On a platform with at most one feed post a month (YouTube) most weeks have none and consistency "
    "is 0": lambda: (
        youtube_feed()
        .groupby([youtube_feed()["brand"], youtube_feed()["published_at"].dt.month], observed=True)
        .size()
        .max()
        == 1
        and youtube_feed()
        .groupby("brand", observed=True)
        .apply(lambda own: (own.set_index("published_at").resample("W")["post_id"].count() == 0).mean())
        .gt(0.5)
        .all()
        and (per_platform("youtube")["posting_consistency"] == 0).all()
    ),
    "(Lumen's planning scores 3.0 there)": lambda: (
        round(assessment.behaviour_scores(per_platform("youtube")).loc["lumen", "planning"], 1) == 3.0
    ),
    "Lumen's posts there drew twelve comments in the year, one of them a question it left unanswered, so its "
    "presences and commitment read in between on YouTube": lambda: (
        len(lumen_youtube_comments()) == 12
        and lumen_youtube_comments().query("is_question")["answered"].tolist() == [False]
        and platform_verdicts("youtube").loc["lumen", ["presences", "commitment"]].tolist()
        == ["in between", "in between"]
    ),
    "Everywhere else presences, commitment and relationships keep the brand's overall verdicts, so only "
    "planning changes": lambda: all(
        platform_verdicts(p)[KEPT].equals(observed().map(assessment.verdict)[KEPT])
        for p in tables()["posts"]["platform"].unique()
        if p != "youtube"
    ),
    "Commitment is the lowest on average": lambda: survey().mean().idxmin() == "commitment",
    "Beacon has the larger audience and the weaker behaviour on every measure of taking part": lambda: (
        follows()["beacon"] > follows()["lumen"]
        and (observed().loc["beacon"] < observed().loc["lumen"]).all()
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
