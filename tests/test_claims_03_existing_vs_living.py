"""Every number and comparison that lesson 03 (existing or living?) and its instructor notes state,
computed from `datasets/` and `smcourse.core.assessment`: a change that falsifies a sentence fails here,
naming the sentence."""

import math
import re
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
from claims import says_and_agrees, text_of

from smcourse.core import assessment, data, metrics

LESSON = Path(__file__).resolve().parents[1] / "course" / "03_existing_vs_living.ipynb"
NOTES = LESSON.parent / "instructor" / "03_existing_vs_living.md"


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


def people():
    """The mentions that `metrics.likely_spam` does not mark, as the lesson counts them."""
    mentions = tables()["mentions"]
    return mentions[~metrics.likely_spam(mentions)]


def indicators():
    posts, comments = tables()["posts"], tables()["comments"]
    return metrics.activity_indicators(posts, comments, planning_on_feed=True).join(
        metrics.mention_reply_share(people())
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
    return people()[people()["platform"] == platform]


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


RANDOM_WEEKS = 2000


def lumen_feed(offsets):
    """Lumen feed posts published at `offsets` after Monday 6 January 2025."""
    return pd.DataFrame({"post_id": [f"P{n}" for n in range(len(offsets))], "brand": "lumen",
                         "mode": "broadcast", "content_type": "culture",
                         "published_at": pd.Timestamp("2025-01-06") + offsets})


def unevenness(posts):
    return metrics.activity_indicators(posts, tables()["comments"])["posting_unevenness"]


def scored():
    return {anchor.indicator for anchor in assessment.ANCHORS}


def random_feed(per_week):
    """A feed posted at random times (uniform over the weeks), `per_week` posts a week on average."""
    rng = np.random.default_rng(7)
    seconds = rng.uniform(0, RANDOM_WEEKS * 7 * 86400, int(per_week * RANDOM_WEEKS))
    return lumen_feed(pd.to_timedelta(seconds, unit="s"))


def random_cv():
    """The coefficient of variation of weekly counts of random feeds of 20, 18, 40 and 100 posts a week."""
    volumes = [20, 18, 40, 100]
    unevenness = random_unevenness(tuple(volumes))
    return pd.Series(unevenness.to_numpy() / np.sqrt(volumes), index=volumes)


@cache
def random_unevenness(volumes=(1, 4, 20, 100)):
    return pd.Series([unevenness(random_feed(n))["lumen"] for n in volumes], index=list(volumes))


def bursts():
    """Thirty posts in the week of 6 January, none for eight weeks, then one: a feed fed in bursts."""
    days = [*(np.arange(30) % 7), 69]
    return lumen_feed(pd.to_timedelta(days, unit="D"))


def all_platform(indicator):
    return pd.concat({platform: per_platform(platform)[indicator]
                      for platform in tables()["posts"]["platform"].unique()})


def all_platform_unevenness():
    return all_platform("posting_unevenness")


def second_half():
    posts = tables()["posts"]
    return posts[posts["published_at"].dt.strftime("%Y-%m-%d") >= "2025-07-01"]


def assignment_indicators():
    """The assignment's code task: the second half of 2025 without the recall rota's three weeks."""
    day = second_half()["published_at"].dt.strftime("%Y-%m-%d")
    ordinary = second_half()[~day.between("2025-09-08", "2025-09-28")]
    return metrics.activity_indicators(ordinary, tables()["comments"])


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
    "Only measures that posting more cannot raise are scored, and each dimension rests on one of them: "
    "presences on the share of questions answered and commitment on the median response time": lambda: (
        {a.dimension: a.indicator for a in assessment.ANCHORS}
        == {"planning": "promotional_share", "presences": "questions_answered",
            "commitment": "median_response_hours", "relationships": "mention_reply_share"}
        and len(assessment.ANCHORS) == len(assessment.DIMENSIONS)
        and observed().loc["lumen", "presences"] == anchor_score("questions_answered", "lumen")
    ),
    "a brand that posts a hundred replies a week gains nothing unless it answers the questions people "
    "ask": lambda: assessment.behaviour_scores(indicators().assign(reply_share=1.0)).equals(observed()),
    "a brand posting at random times, *n* posts a week, has a CV of about 1/√*n*, so the more it posts "
    "the steadier it looks": lambda: (
        random_cv().sort_index().is_monotonic_decreasing
        and (random_cv() * random_cv().index ** 0.5 - 1).abs().max() < 0.05
    ),
    "it is about 1 for random posting at any volume, near 0 for a fixed schedule and above 1 for bursts "
    "and silences": lambda: (
        random_unevenness().between(0.95, 1.05).all()
        and unevenness(fixed_schedule()).max() == 0
        and unevenness(bursts())["lumen"] > 2
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
    "Promotional share shows what the feed is for, a schedule of announcements or more than that, which "
    "is close to what the reversed *presences* statement asks (\"our feeds are mostly a schedule of "
    "announcements about us and our products\")": lambda: (
        next(s for s in assessment.STATEMENTS if s.dimension == "presences" and s.reverse).text
        == "Our feeds are mostly a schedule of announcements about us and our products."
        and next(a for a in assessment.ANCHORS if a.dimension == "planning").indicator == "promotional_share"
    ),
    "once the mentions `metrics.likely_spam` marks are left out, as module 1 does before counting "
    "anything": lambda: (
        indicators()["mention_reply_share"].round(3).tolist()
        == [metrics.mention_reply_share(people()).round(3)[brand] for brand in indicators().index]
        and (metrics.mention_reply_share(people()) > metrics.mention_reply_share(tables()["mentions"])).all()
    ),
    "Lumen's behaviour fills almost the whole chart.": lambda: (observed().loc["lumen"] >= 4).all(),
    "it answers about three in ten of the questions it is asked, takes "
    "about three days to do so, and joins fewer than one in ten of the conversations others start "
    "about it": lambda: (
        round(indicators().loc["beacon", "questions_answered"], 1) == 0.3
        and round(indicators().loc["beacon", "median_response_hours"] / 24) == 3
        and indicators().loc["beacon", "mention_reply_share"] < 0.1
    ),
    "Every one of Beacon's claims runs ahead of its behaviour.": lambda: (
        assessment.check_claim(claimed(), observed().loc["beacon"])["finding"]
        == "claim runs ahead of behaviour"
    ).all(),
    "Beacon's and Lumen's feed posts have similar posting unevenness (1.06 and 0.93).": lambda: (
        indicators()["posting_unevenness"].round(2)[["beacon", "lumen"]].tolist() == [1.06, 0.93]
        and indicators()["posting_unevenness"].between(0.9, 1.1).all()
    ),
    "Lumen's feed averages about 20 posts a week and Beacon's about 18; posted at random, they would score "
    "0.78 and 0.76 on one minus the CV, and they score 0.79 and 0.75.": lambda: (
        feed_posts_a_week().round().tolist() == [20, 18]
        and (1 - feed_posts_a_week() ** -0.5).round(2).tolist() == [0.78, 0.76]
        and (1 - indicators()["posting_unevenness"] / feed_posts_a_week() ** 0.5).round(2).tolist()
        == [0.79, 0.75]
    ),
    "a feed that went out on a fixed weekly schedule would score close to 1": lambda: (
        unevenness(fixed_schedule()).max() == 0
    ),
    "Posting unevenness, with the volume taken out, reads 0.93 for Lumen and 1.06 for Beacon: both post "
    "about as unevenly as chance would.": lambda: (
        indicators()["posting_unevenness"].round(2)[BRANDS].tolist() == [0.93, 1.06]
        and indicators()["posting_unevenness"].between(0.9, 1.1).all()
    ),
    "the planning score rests on its proxy, promotional share, where the brands differ: "
    "Lumen scores 4.78 (living) and Beacon 1.76 (existing).": lambda: (
        observed()["planning"].round(2)[BRANDS].tolist() == [4.78, 1.76]
        and verdicts(observed(), "planning") == ["living", "existing"]
    ),
    "module 2's table names seven, each with their own platforms": lambda: (
        len(set(re.findall(r"\| \*\*(?:Keep|Trial from March|Answer first|Test)[^|]*"
                           r"\((?:the|two) ([a-z -]+)\) \|", MODULE_2.read_text(encoding="utf-8")))) + 1
        == 7
    ),
    "Lumen's behaviour is living on every dimension.": lambda: (
        observed().loc["lumen"] >= assessment.LIVING_FROM
    ).all(),
    "behaves as if it merely exists on all four dimensions": lambda: (
        observed().loc["beacon"] < assessment.EXISTING_BELOW
    ).all(),
}

NOTES_CLAIMS = {
    "The indicators show Lumen answering 86 % of the questions it is asked against Beacon's 30 %": lambda: (
        [percent(indicators().loc[brand, "questions_answered"]) for brand in BRANDS] == ["86%", "30%"]
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
    "its posting unevenness, 1.06, is close to Lumen's 0.93, but both are about the 1 that posting at "
    "random times gives, so neither shows a plan, and the scores leave it out": lambda: (
        indicators()["posting_unevenness"].round(2)[BRANDS].tolist() == [0.93, 1.06]
        and random_unevenness().between(0.95, 1.05).all()
        and "posting_unevenness" not in scored()
    ),
    "reply share is not scored either": lambda: "reply_share" not in scored(),
    "The data hold no mentions on YouTube, so relationships stays empty (NaN) there; and Beacon answered "
    "none of the eleven comments on its YouTube posts, so its commitment (the median response time) is empty "
    "there too.": lambda: (
        not (tables()["mentions"]["platform"] == "youtube").any()
        and assessment.behaviour_scores(per_platform("youtube"))["relationships"].isna().all()
        and youtube_comments("beacon")["answered"].agg(["sum", "size"]).tolist() == [0, 11]
        and assessment.behaviour_scores(per_platform("youtube")).isna()["commitment"].to_dict()
        == {"lumen": False, "beacon": True}
    ),
    "the snippet assumes the lesson's first code cell has run, so `data`, `metrics`, `posts` and `comments` "
    "are loaded": lambda: all(
        name in text_of(LESSON) for name in ('posts, comments = data.load("posts"), data.load("comments")',
                                            "from smcourse import assessment, data, figures, metrics")
    ),
    "Lumen's posts there drew twelve comments in the year, one of them a question it left unanswered, so on "
    "YouTube its presences reads existing and its commitment in between.": lambda: (
        len(lumen_youtube_comments()) == 12
        and lumen_youtube_comments().query("is_question")["answered"].tolist() == [False]
        and platform_verdicts("youtube").loc["lumen", ["presences", "commitment"]].tolist()
        == ["existing", "in between"]
    ),
    "posting unevenness stays between 0.76 and 1.07 for every brand on every platform": lambda: (
        all_platform_unevenness().round(2).agg(["min", "max"]).tolist() == [0.76, 1.07]
    ),
    "On X Beacon answers more of its questions than anywhere else (presences 2.93, in between); everywhere "
    "else apart from YouTube every dimension keeps the brand's overall verdict.": lambda: (
        all_platform("questions_answered").xs("beacon", level="brand").idxmax() == "x"
        and round(assessment.behaviour_scores(per_platform("x").join(
            metrics.mention_reply_share(on_platform("x")))).loc["beacon", "presences"], 2) == 2.93
        and platform_verdicts("x").loc["beacon", "presences"] == "in between"
        and all(platform_verdicts(p).equals(observed().map(assessment.verdict))
                for p in tables()["posts"]["platform"].unique() if p not in ("youtube", "x"))
        and platform_verdicts("x").drop(columns="presences").equals(
            observed().map(assessment.verdict).drop(columns="presences"))
    ),
    "The table's posting unevenness reads high there (about 2), because the three weeks left out count as "
    "weeks without a post": lambda: (
        assignment_indicators()["posting_unevenness"].round().tolist() == [2, 2]
        and (assignment_indicators()["posting_unevenness"]
             > unevenness(second_half()) + 0.5).all()
    ),
    "Commitment is the lowest on average": lambda: survey().mean().idxmin() == "commitment",
    "Beacon has the larger audience and the weaker behaviour on every measure of taking part": lambda: (
        follows()["beacon"] > follows()["lumen"]
        and (observed().loc["beacon"] < observed().loc["lumen"]).all()
    ),
}


test_the_lesson_says_it, test_the_data_agree = says_and_agrees(LESSON, CLAIMS)


test_the_instructor_notes_say_it, test_the_data_agree_with_the_notes = says_and_agrees(NOTES, NOTES_CLAIMS)
