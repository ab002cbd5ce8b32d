"""Every number and comparison that lesson 04 states outside its crisis section (which
test_claims_04_crisis checks against the model), computed from `datasets/`: a change to the data that
falsifies a sentence fails here, naming the sentence."""

import json
from functools import cache
from pathlib import Path

import pandas as pd
from claims import says_and_agrees, squash, text_of

from smcourse.core import data, metrics

LESSON = Path(__file__).resolve().parents[1] / "course" / "04_relationships_and_influence.ipynb"
NOTES = LESSON.parent / "instructor" / "04_relationships_and_influence.md"
RECALL_WEEK = pd.Timestamp("2025-09-08")


@cache
def tables() -> dict:
    return {name: data.load(name) for name in data.TABLES}


def broadcasts():
    return metrics.feed_posts(tables()["posts"])


def by_mode():
    posts = tables()["posts"]
    groups = posts.assign(group=posts["brand"].astype(str) + " · " + posts["mode"].astype(str))
    return metrics.performance_by(groups, "group")["engagement_rate"]


def platform_ratio():
    """Engagement per impression of Beacon's feed posts over Lumen's, platform by platform."""
    rates = {brand: metrics.performance_by(group, "platform")["engagement_rate"]
             for brand, group in broadcasts().groupby("brand", observed=True)}
    return rates["beacon"] / rates["lumen"]


def feed_impressions():
    return broadcasts().groupby("brand", observed=True)["impressions"].sum()


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


def comment_weekly_sentiment():
    """Weekly mean sentiment of the comments on Lumen's posts, as module 5 scores them."""
    posts, comments = tables()["posts"], tables()["comments"]
    lumen = comments[comments["post_id"].isin(posts.loc[posts["brand"] == "lumen", "post_id"])]
    scores = metrics.sentiment_scores(lumen["text"])
    return metrics.weekly_mean(scores, lumen["created_at"]).set_index("week")["sentiment"]


def first_recall_notice():
    """Lumen's recall announcements of 8 September, the first notice and its copies, earliest first."""
    posts = tables()["posts"]
    notices = posts[(posts["brand"] == "lumen") & (posts["content_type"] == "announcement")]
    first_day = notices["published_at"].dt.strftime("%Y-%m-%d") == "2025-09-08"
    return notices[first_day].sort_values("published_at")


def weekly_counts():
    """Mentions per whole week (Monday to Sunday), the weeks the sentiment chart shows."""
    days = people_mentioning_lumen()["created_at"].dt.tz_localize(None).dt.normalize()
    week = days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    return week.value_counts().reindex(weekly_sentiment().index)


def lumen_answer_hours():
    posts, comments = tables()["posts"], tables()["comments"]
    lumen = comments.merge(posts[["post_id", "brand"]], on="post_id").query("brand == 'lumen'")
    return lumen.assign(hours=metrics.response_hours(lumen), day=lumen["created_at"].dt.strftime("%Y-%m-%d"))


def beacon_know_how():
    """Beacon's educational feed posts, the type one clip's shares put first."""
    posts = broadcasts()
    return posts[(posts["brand"] == "beacon") & (posts["content_type"] == "educational")]


def beacon():
    posts = tables()["posts"]
    return posts[posts["brand"] == "beacon"]


def recorded_weekly_mentions():
    """The group activity's recipe: Lumen's mentions, spam left out, weeks labelled by their Monday."""
    lumen = group_activity_mentions()
    weeks = lumen.set_index("created_at").resample("W-MON", closed="left", label="left")["mention_id"].count()
    return weeks.set_axis(weeks.index.strftime("%Y-%m-%d"))


def group_activity_mentions():
    mentions = tables()["mentions"]
    return mentions[(mentions["brand"] == "lumen") & ~metrics.likely_spam(mentions)]


MOMENT = "2025-09-08 08:30"  # the group activity's moment: an hour after the first mention of the recall


def known_at_moment():
    """What the group activity shows: Lumen's mentions, spam left out, before the moment only."""
    lumen = group_activity_mentions()
    return lumen[lumen["created_at"] < MOMENT]


def last_day_mentions():
    """The mentions of the 24 hours before the moment, as the group activity lists them."""
    known = known_at_moment()
    return known[known["created_at"] >= "2025-09-07 08:30"]


def group_activity_outputs():
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    cell = next(c for c in cells if c.get("id") == "group-activity-code")
    return " ".join("".join(o.get("data", {}).get("text/plain", o.get("text", ""))) for o in cell["outputs"])


CLAIMS = {
    "Bar chart of engagement per impression of each brand's feed posts, replies left out: Lumen 5.1 %, "
    "Beacon 3.8 %.": lambda: (
        [f"{by_mode()[g]:.1%}" for g in ("lumen · broadcast", "beacon · broadcast")] == ["5.1%", "3.8%"]
    ),
    "Each view of a Beacon broadcast earns less reaction than a Lumen one": lambda: (
        by_mode()["beacon · broadcast"] < by_mode()["lumen · broadcast"]
    ),
    "it has about twice Lumen's follows and, on its feed posts, about a fifth more impressions": lambda: (
        round(follows()["beacon"] / follows()["lumen"], 1) in (1.9, 2.0, 2.1)
        and round(1 / (feed_impressions()["beacon"] / feed_impressions()["lumen"] - 1)) == 5
    ),
    "on most platforms a view of a Beacon broadcast earns about 0.8 to 0.94 of the reaction a Lumen one "
    "earns (from 0.80 on Facebook to 0.94 on LinkedIn, with Instagram, X and TikTok between), and about "
    "two thirds on YouTube.": lambda: (
        platform_ratio().drop("youtube").round(2).agg(["min", "max"]).tolist() == [0.80, 0.94]
        and (platform_ratio().drop("youtube").idxmin(), platform_ratio().drop("youtube").idxmax())
        == ("facebook", "linkedin")
        and len(platform_ratio()) == 6 and round(platform_ratio()["youtube"], 2) == 0.67
    ),
    "Most of Beacon's posts are broadcasts, and most of those are promotions.": lambda: (
        (beacon()["mode"] == "broadcast").mean() > 0.9
        and (metrics.feed_posts(beacon())["content_type"] == "promotional").mean() > 0.5
    ),
    "Lumen answers 86 % of the questions it is asked and Beacon about three in ten, and Beacon takes about "
    "three days to do it.": lambda: (
        metrics.activity_indicators(tables()["posts"], tables()["comments"])
        .pipe(
            lambda t: f"{t.loc['lumen', 'questions_answered']:.0%}" == "86%"
            and round(t.loc["beacon", "questions_answered"], 1) == 0.3
            and round(t.loc["beacon", "median_response_hours"] / 24) == 3
        )
    ),
    "Beacon loses between 0.8 % and 1.1 % of its followers each month; Lumen between 0.5 % and 1.0 %, "
    "except September (about 1.8 %)": lambda: (
        [f"{f(churn()['beacon']):.1%}" for f in (min, max)] == ["0.8%", "1.1%"]
        and [f"{f(outside_september()['lumen']):.1%}" for f in (min, max)] == ["0.5%", "1.0%"]
        and f"{churn().loc['2025-09-01', 'lumen']:.1%}" == "1.8%"
    ),
    "Beacon loses followers a little faster in every month but Lumen's recall month": lambda: (
        (outside_september()["beacon"] > outside_september()["lumen"]).all()
        and churn().loc["2025-09-01", "lumen"] > churn().loc["2025-09-01", "beacon"]
        and churn()["lumen"].idxmax() == pd.Timestamp("2025-09-01")
    ),
    "In all eleven months outside September, Beacon loses a slightly larger share of its audience "
    "than Lumen does, about one follower in a hundred": lambda: (
        (outside_september()["beacon"] > outside_september()["lumen"]).all()
        and round(churn()["beacon"].median(), 2) == 0.01
    ),
    "about one follower in a hundred: on average 0.96 % a month against Lumen's 0.82 %. The gap is small, "
    "and in June and November it is under a hundredth of a percentage point.": lambda: (
        [f"{outside_september()[b].mean():.2%}" for b in ("beacon", "lumen")] == ["0.96%", "0.82%"]
        and all(0 < outside_september().loc[m, "beacon"] - outside_september().loc[m, "lumen"] < 0.0001
                for m in ("2025-06-01", "2025-11-01"))
    ),
    "it loses a little more of its followers each month than Lumen (0.96 % against 0.82 %)": lambda: (
        [f"{outside_september()[b].mean():.2%}" for b in ("beacon", "lumen")] == ["0.96%", "0.82%"]
    ),
    "a brand that loses 1 % of its followers a month has lost about one in nine of the people it started "
    "the year with by December": lambda: round(1 / (1 - 0.99**12)) == 9,
    "In this invented data, promotions are shared least of the feed posts": lambda: (
        shares().idxmin() == "promotional"
    ),
    "humour about 5.8, educational 5.4, announcement 4.9, job and question 4.5, culture 4 and "
    "promotional 3.1.": lambda: (
        shares().sort_values(ascending=False).index.tolist()
        == ["humour", "educational", "announcement", "job", "question", "culture", "promotional"]
        and shares().round(1)[["humour", "educational", "announcement", "job", "question", "promotional"]]
        .tolist() == [5.8, 5.4, 4.9, 4.5, 4.5, 3.1]
        and round(shares()["culture"]) == 4
    ),
    "Of the posts Lumen plans, humour travels furthest (about 5.1 shares a post).": lambda: (
        planned_shares("lumen").idxmax() == "humour" and round(planned_shares("lumen").max(), 1) == 5.1
    ),
    "its useful know-how averages about 9.2 shares a post, but one TikTok clip carries 394 of those posts' "
    "878 shares, and without it know-how averages 5.1 and humour leads at 7.0. One post decides the "
    "order.": lambda: (
        planned_shares("beacon").idxmax() == "educational"
        and round(planned_shares("beacon")["educational"], 1) == 9.2
        and beacon_know_how().pipe(lambda e: [e["shares"].max(), e["shares"].sum()] == [394, 878]
                                   and e.loc[e["shares"].idxmax(), "platform"] == "tiktok"
                                   and round((e["shares"].sum() - e["shares"].max()) / (len(e) - 1), 1)
                                   == 5.1)
        and round(planned_shares("beacon").drop("educational").max(), 1) == 7.0
        and planned_shares("beacon").drop("educational").idxmax() == "humour"
    ),
    "The typical post is small everywhere: the median is 1 to 4 shares for every type at both brands. On "
    "average, both brands share promotions least of any post made for everyone.": lambda: (
        broadcasts().groupby(["brand", "content_type"], observed=True)["shares"].median().between(1, 4).all()
        and all(planned_shares(b).idxmin() == "promotional" for b in ("lumen", "beacon"))
    ),
    "Lumen's recall announcements come close behind its humour (about 4.9 a post)": lambda: (
        brand_shares("lumen").sort_values(ascending=False).index[:2].tolist() == ["humour", "announcement"]
        and round(brand_shares("lumen")["announcement"], 1) == 4.9
    ),
    "Its lowest week, about -0.2, is the week of the recall on 8 September; the next two weeks (shaded "
    "with it: Lumen's extended rota) climb back, and by the week of 22 September it is back in its "
    "usual range.": lambda: (
        weekly_sentiment().idxmin() == RECALL_WEEK
        and round(weekly_sentiment().min(), 1) == -0.2
        and weekly_sentiment()[RECALL_WEEK] < weekly_sentiment()["2025-09-15"]
        < weekly_sentiment()["2025-09-22"]
        and weekly_sentiment()["2025-09-15"] < weekly_sentiment().quantile(0.25)
        <= weekly_sentiment()["2025-09-22"]
    ),
    "With about 20 mentions a week it is noisy, mostly between 0 and +0.5.": lambda: (
        round(weekly_counts().median(), -1) == 20 and weekly_sentiment().between(0, 0.5).mean() > 0.9
    ),
    "Mentions jumped to about five times their usual weekly number and turned negative in the first week, "
    "then calmed over the next two": lambda: (
        round(weekly_counts()[RECALL_WEEK] / weekly_counts().median()) == 5
        and weekly_sentiment()[RECALL_WEEK] < 0
        and weekly_counts()["2025-09-15"] > weekly_counts()["2025-09-22"]
    ),
    "one week can dip for no reason at all (early December does)": lambda: (
        weekly_sentiment()["2025-12-08"] < 0
        and weekly_sentiment().drop(RECALL_WEEK).idxmin() == pd.Timestamp("2025-12-08")
    ),
    "During those three weeks Lumen answered comments in about 80 minutes (median), against about ten "
    "hours usually": lambda: (
        round(lumen_answer_hours().query("'2025-09-08' <= day <= '2025-09-28'")["hours"].median() * 60, -1)
        == 80
        and round(lumen_answer_hours().query("day < '2025-09-08' or day > '2025-09-28'")["hours"].median())
        == 10
    ),
    "In the case data, broadcasting went with less response per view (on most platforms each view of a "
    "Beacon broadcast earns about 0.8 to 0.94 of a Lumen one's reaction), and Beacon loses followers a "
    "little faster than Lumen.": lambda: (
        (platform_ratio().round(2) >= 0.80).sum() == 5 and platform_ratio().max() < 1
        and (outside_september()["beacon"] > outside_september()["lumen"]).all()
    ),
    "The case for answering rests on response measures a customer sees directly: Lumen answers 86 % of the "
    "questions it is asked, Beacon about three in ten.": lambda: (
        metrics.activity_indicators(tables()["posts"], tables()["comments"])["questions_answered"]
        .pipe(lambda q: f"{q['lumen']:.0%}" == "86%" and round(q["beacon"], 1) == 0.3)
    ),
    "the comments on Lumen's own posts, which module 5 scores, recover more slowly and reach their usual "
    "level only in the first week of October": lambda: (
        comment_weekly_sentiment()["2025-09-15":"2025-09-29"].max() < comment_weekly_sentiment().median()
        <= comment_weekly_sentiment()["2025-10-06"]
        and weekly_sentiment()["2025-09-22"] >= weekly_sentiment().quantile(0.25)
    ),
    "Comments that arrive from 08:00 to 16:59 already get an answer in a median of 1.0 to 1.8 hours, hour by "
    "hour; Lumen's median wait in 2025 was about 7.5 hours because evening and weekend comments wait for "
    "the morning.": lambda: (
        lumen_answer_hours().pipe(lambda c: c.groupby(c["created_at"].dt.hour)["hours"].median())
        .pipe(lambda wait: [f"{wait.loc[8:16].min():.1f}", f"{wait.loc[8:16].max():.1f}"] == ["1.0", "1.8"]
              and wait.loc[18:23].min() > 7.5)
        and lumen_answer_hours().pipe(
            lambda c: c[c["created_at"].dt.day_of_week >= 5]["hours"].median()
            > c[(c["created_at"].dt.day_of_week < 5) & c["created_at"].dt.hour.between(8, 16)]["hours"]
            .median())
    ),
    "Lumen's median wait in 2025 was about 7.5 hours": lambda: (
        round(metrics.activity_indicators(tables()["posts"], tables()["comments"])
              .loc["lumen", "median_response_hours"], 1) == 7.5
    ),
    "the course's data card builds TikTok clips that mostly stay small and a few break out far beyond the "
    "followers": lambda: (
        "1.2 on TikTok, so that most clips stay small and a few break out far beyond the followers"
        in squash((LESSON.parents[1] / "datasets" / "README.md").read_text(encoding="utf-8"))
    ),
    "It is 8:30 on Monday 8 September 2025, an hour after the first mention of the recall of Lumen's "
    "cold-brew cans.": lambda: (
        pd.Timestamp(MOMENT).day_name() == "Monday"
        and NOTES_CLAIMS[
            "The cell stops at 8:30 on 8 September, an hour after the first mention of the recall"]()
    ),
    "Score influence by audience and Beacon wins; score it by how people respond and Lumen wins.": lambda: (
        broadcasts().groupby("brand", observed=True)["impressions"].sum().idxmax() == "beacon"
        and metrics.performance_by(broadcasts(), "brand")["engagement_rate"].idxmax() == "lumen"
    ),
}

NOTES_CLAIMS = {
    "Lumen's 1,277 mentions, spam left out, use 267 distinct texts": lambda: (
        len(group_activity_mentions()) == 1277 and group_activity_mentions()["text"].nunique() == 267
    ),
    "Weekly mentions, spam left out, ran at about 20-35 in the weeks before the recall.": lambda: (
        recorded_weekly_mentions()["2025-08-18":"2025-09-01"].between(17.5, 37.5).all()
    ),
    "The cell stops at 8:30 on 8 September, an hour after the first mention of the recall": lambda: (
        group_activity_mentions().query("text.str.contains('recall', case=False)")["created_at"].min()
        .strftime("%Y-%m-%d %H:%M") == "2025-09-08 07:31"
        and f'lumen["created_at"] < "{MOMENT}"' in text_of(LESSON)
        and "2025-09-08 08:28" in group_activity_outputs()
        and "2025-09-08 08:55" not in group_activity_outputs()
    ),
    "three mentions so far that day, all of them about the recall, after a quiet Sunday of the usual "
    "praise and grumbles": lambda: (
        (day := last_day_mentions()[last_day_mentions()["created_at"] >= "2025-09-08"]).shape[0] == 3
        and day["text"].str.contains("recall", case=False).all()
        and not last_day_mentions()[last_day_mentions()["created_at"] < "2025-09-08"]["text"]
        .str.contains("recall", case=False).any()
        and recorded_weekly_mentions()["2025-09-08"] > 3
    ),
    "by the end of that week mentions had risen to about 110": lambda: (
        round(recorded_weekly_mentions()["2025-09-08"], -1) == 110
    ),
    "The same sentence turns up from different accounts (one furious line from two people within eight "
    "minutes)": lambda: (
        (repeats := last_day_mentions().query("text.str.contains('furious')"))["author"].nunique() == 2
        and repeats["text"].nunique() == 1
        and repeats["created_at"].diff().max() == pd.Timedelta(minutes=8)
    ),
    "Beacon's audience keeps growing although it loses about 1 % of its followers a month": lambda: (
        follows()["beacon"]
        > tables()["followers"].query("date == date.min() and brand == 'beacon'")["followers"].sum()
        and round(churn()["beacon"].median(), 2) == 0.01
    ),
    "Beacon's bigger audience engages less per view": lambda: (
        by_mode()["beacon · broadcast"] < 0.8 * by_mode()["lumen · broadcast"]
    ),
    "it went out on Facebook at 09:07 and on LinkedIn, Instagram, X and TikTok by 09:58, with the same text "
    "on each. It names the cans, the best-before date, what to do and the refund, but no hazard and no "
    "contact": lambda: (
        first_recall_notice().pipe(lambda n: (
            n.iloc[0]["platform"] == "facebook" and n.iloc[0]["published_at"].strftime("%H:%M") == "09:07"
            and set(n["platform"]) == {"facebook", "linkedin", "instagram", "x", "tiktok"}
            and n["published_at"].max().strftime("%H:%M") == "09:58" and n["text"].nunique() == 1
            and all(w in n.iloc[0]["text"] for w in ("cold brew cans", "best before Dec 2025",
                                                     "do not drink", "refunded in full"))
            and not any(w in n.iloc[0]["text"].lower() for w in ("because", "contamin", "ill", "risk",
                                                                 "call us", "phone", "email", "@", "hours"))))
    ),
    "Its Instagram version says \"refund form in the link\"": lambda: (
        "refund form in the link" in first_recall_notice().query("platform == 'instagram'")["text"].iloc[0]
    ),
    "as Lumen's own reply on X at 08:38 put it": lambda: (
        tables()["posts"].query("brand == 'lumen' and platform == 'x' and mode == 'reply'")
        .pipe(lambda r: r[r["published_at"].dt.strftime("%Y-%m-%d %H:%M") == "2025-09-08 08:38"]["text"])
        .str.contains("the form is in our bio").tolist() == [True]
    ),
}


test_the_lesson_says_it, test_the_data_agree = says_and_agrees(LESSON, CLAIMS)


test_the_instructor_notes_say_it, test_the_data_agree_with_the_notes = says_and_agrees(NOTES, NOTES_CLAIMS)
