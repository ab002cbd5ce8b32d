"""Every number and comparison that lesson 01 states in prose, alt text and practice-check text,
computed from the datasets: a change to the data that falsifies a sentence fails here, naming it."""

import json
from functools import cache
from pathlib import Path

import pandas as pd
from claims import says_and_agrees, text_of

from smcourse.core import attempts, calibration, data, metrics

LESSON = Path(__file__).resolve().parents[1] / "course" / "01_why_social_media.ipynb"
NAMES = ("lumen", "lumencoffee", "beacon", "beaconbean", "coffee", "specialtycoffee")
RECALL = ("2025-09-08", "2025-09-28")


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


def _taken_in_by_questions():
    """The Lumen mentions of the one author whom counting questions as warm adds to the list of five."""
    scores = metrics.sentiment_scores(_people()["text"])
    with_questions = metrics.likely_advocates(_people(), scores, "lumen", n=5)["author"]
    added = set(with_questions) - set(_advocates()["author"])
    assert len(added) == 1, added
    return _people()[(_people()["author"] == added.pop()) & (_people()["brand"] == "lumen")]


@cache
def _posts():
    return data.load("posts")


@cache
def _table_followers():
    return data.load("followers")


def _follower_ratio(day):
    """Beacon's followers over Lumen's, all platforms summed, on the first (`min`) or last (`max`) day."""
    followers = _table_followers()
    first = followers[followers["date"] == day(followers["date"])]
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
    """Beacon's engagement per view over Lumen's, for each content type both brands post."""
    posts = metrics.feed_posts(_posts())
    groups = posts["brand"].astype(str) + " " + posts["content_type"].astype(str)
    rates = metrics.performance_by(posts.assign(group=groups), "group")["engagement_rate"]
    shared = sorted(set(posts.loc[posts["brand"] == "beacon", "content_type"].astype(str))
                    & set(posts.loc[posts["brand"] == "lumen", "content_type"].astype(str)))
    return {kind: rates[f"beacon {kind}"] / rates[f"lumen {kind}"] for kind in shared}


def _platform_ratio_range():
    """The lowest and highest of Beacon's engagement per view over Lumen's, platform by platform."""
    feed = metrics.feed_posts(_posts())
    counts = ["likes", "comments", "shares", "impressions"]
    sums = feed.groupby(["brand", "platform"], observed=True)[counts].sum()
    rate = sums[["likes", "comments", "shares"]].sum(axis=1) / sums["impressions"]
    ratio = rate["beacon"] / rate["lumen"]
    return round(ratio.min(), 2), round(ratio.max(), 2)


def _lumen_answers():
    """Comments Lumen answered plus mentions it joined, in the year."""
    comments = data.load("comments").merge(_posts()[["post_id", "brand"]], on="post_id")
    return (comments.loc[comments["brand"] == "lumen", "answered"].sum()
            + _brand(_mentions(), "lumen")["brand_replied"].sum())


def _all_advocates():
    scores = metrics.sentiment_scores(_people()["text"])
    return metrics.likely_advocates(_people(), scores, "lumen", n=50, leave_out_questions=True)


def _recall_posts():
    return _brand(_posts(), "lumen").loc[lambda f: f["text"].str.startswith("Recall")]


def _first_notice():
    return _recall_posts().loc[lambda f: f["text"].str.startswith("Recall notice")].sort_values(
        "published_at").iloc[0]


def _brands():
    return metrics.performance_by(metrics.feed_posts(_posts()), "brand")


def _engagement_ratio():
    return _brands().loc["beacon", "engagement_rate"] / _brands().loc["lumen", "engagement_rate"]


def _texts_of(author):
    """One author's mentions of Lumen, oldest first."""
    own = _brand(_people(), "lumen")
    return own[own["author"] == author].sort_values("created_at")["text"]


CLAIMS = {
    "Instagram carries about a third of it, and Facebook, TikTok and X about a fifth each":
        lambda: abs(_platform_shares()["instagram"] - 1 / 3) < 0.02
        and _platform_shares()[["facebook", "tiktok", "x"]].between(0.18, 0.23).all(),
    "every mention sits on one of the five platforms where the brands post, and Instagram carries the most":
        lambda: set(_platform_shares().index) == {"instagram", "facebook", "x", "tiktok", "linkedin"}
        and _platform_shares().idxmax() == "instagram"
        and set(_platform_shares().index) <= set(_posts()["platform"].astype(str)),
    "A team that watches only its favourite platform misses most of what is said":
        lambda: _mentions()["platform"].value_counts(normalize=True).max() < 0.5,
    "Both brands are talked about in every full week of 2025": lambda: (_weekly() > 0).all().all(),
    "in the 51 full weeks of 2025": lambda: len(_weekly()) == 51,
    "In the median week Beacon is mentioned about 32 times and Lumen about 24, spam included (about 29 "
    "and 22 without it)":
        lambda: _weekly().median().round().to_dict() == {"lumen": 24, "beacon": 32}
        and metrics.weekly_counts(_people(), by="brand").groupby("brand", observed=True)["count"].median()
        .round().to_dict() == {"lumen": 22, "beacon": 29},
    "The week of Lumen's 8 September cold-brew recall has about 110 mentions of Lumen, the next week about "
    "50, and from the week ending 28 September Lumen is back in its usual range":
        lambda: [round(v, -1) for v in _weekly().loc["2025-09-14":"2025-09-21", "lumen"]] == [110, 50]
        and _weekly().loc["2025-09-28", "lumen"].item() <= _usual(_weekly()["lumen"]).quantile(0.9),
    "Over the year the tool exported about 3,100 mentions, none of them written by the brands":
        lambda: round(len(_mentions()), -2) == 3100
        and not _mentions()["author"].str.lower().isin(["@lumencoffee", "@beaconbean"]).any(),
    "Lumen joins about four in ten conversations about it; Beacon fewer than one in ten":
        lambda: round(_reply_share()["lumen"], 1) == 0.4 and _reply_share()["beacon"] < 0.1,
    "Lumen replied to 46% of the mentions that ask a question and 42% of the other mentions. Beacon "
    "replied to 7% of the questions and 6% of the other mentions":
        lambda: [_split()[key] for key in [("lumen", True), ("lumen", False), ("beacon", True),
                                           ("beacon", False)]] == [0.46, 0.42, 0.07, 0.06],
    "it leaves almost every conversation about itself to others": lambda: _reply_share()["beacon"] < 0.1,
    "To get through about three thousand posts": lambda: round(len(_people()), -3) == 3000,
    "'opened', 'stall' and 'market' lead with 68 mentions each, then 'disappointed' (53), then 'waited', "
    "'forty', 'minutes', 'awful' and 'wrong' (46 each) and 'got', 'order', 'twice' and 'frustrating' "
    "(45 each)":
        lambda: list(_terms(_complaints(), 13).items()) == [
            ("opened", 68), ("stall", 68), ("market", 68), ("disappointed", 53), ("waited", 46),
            ("forty", 46), ("minutes", 46), ("awful", 46), ("wrong", 46), ("got", 45), ("order", 45),
            ("twice", 45), ("frustrating", 45)],
    "the thirteen most frequent words": lambda: list(_terms(_complaints(), 14).values())[-1] < 45,
    "People talk about Beacon's *orders* (some grateful that one was fixed fast and kindly, others not), ask "
    "whether it still does a *loyalty card*, and compare Beacon with *supermarket beans*":
        lambda: {"order", "loyalty", "card", "supermarket", "beans"}
        <= set(_terms(_brand(_people(), "beacon")[lambda f: ~f["in_recall"]], 10))
        and {"positive", "negative"} <= set(_brand(_people(), "beacon")
                                            .loc[lambda f: f["text"].str.contains("order"), "mood"])
        and _brand(_people(), "beacon")["text"].str.contains("fixed my order fast and kindly").any()
        and _brand(_people(), "beacon")["text"].str.contains("still do the loyalty card?", regex=False).any(),
    "Accounts that have mentioned Lumen warmly more than once":
        lambda: (_advocates()["positive_mentions"] >= 2).all(),
    "Counted with questions, the list would have taken in someone whose two \"positive\" mentions were one "
    "shout-out for the friendly service and one question about the loyalty card":
        lambda: len(_taken_in_by_questions()) == 2
        and _taken_in_by_questions()["text"].str.contains("loyalty card?", regex=False).sum() == 1
        and _taken_in_by_questions()["text"].str.contains("Shout-out").sum() == 1
        and (metrics.sentiment_scores(_taken_in_by_questions()["text"]) >= metrics.POSITIVE_FROM).all(),
    "Public replies outnumber promotions about two to one":
        lambda: round((_brand(_posts(), "lumen")["mode"] == "reply").sum()
                      / (_brand(_posts(), "lumen")["content_type"] == "promotional").sum()) == 2,
    "this invented export stores a reply as a post on every platform":
        lambda: set(_brand(_posts(), "lumen").loc[lambda f: f["mode"] == "reply", "platform"].astype(str))
        == {"instagram", "facebook", "x", "linkedin", "youtube", "tiktok"},
    "The other weeks have 14 to 36 mentions, more positive than negative in every one":
        lambda: _usual(_lumen_moods().sum(axis=1)).agg(["min", "max"]).tolist() == [14, 36]
        and (_usual(_lumen_moods()["positive"] - _lumen_moods()["negative"]) > 0).all(),
    "The week of 8 September has about 110, 65 of them negative; the next about 50":
        lambda: round(_lumen_moods().sum(axis=1).loc["2025-09-14"].item(), -1) == 110
        and _lumen_moods().loc["2025-09-14", "negative"].item() == 65
        and round(_lumen_moods().sum(axis=1).loc["2025-09-21"].item(), -1) == 50,
    "By October people were writing that Lumen had explained the recall openly and that its updates "
    "reassured them":
        lambda: _recall_table().loc[lambda f: f["month"] == 10, "text"].str.contains("recall so openly").any()
        and _recall_table().loc[lambda f: f["month"] == 10, "text"].str.contains("reassured").any(),
    "What were people saying? The first posts in each month that mention the recall (a text repeated within "
    "a month is shown once)":
        lambda: not _recall_table().duplicated(["month", "text"]).any()
        and sorted(_recall_table()["month"].unique()) == [9, 10],
    "Beacon has the larger audience (about 2.4 times Lumen's followers at the start of 2025, as module 0 "
    "showed, and 1.9 times at its end)":
        lambda: round(_follower_ratio(min), 1) == 2.4 and round(_follower_ratio(max), 1) == 1.9,
    "This invented export is also built from a few hundred short texts, each used about five times on "
    "average":
        lambda: 200 <= _people()["text"].nunique() < 1000
        and round(len(_people()) / _people()["text"].nunique()) == 5,
    "a cheerful offer posted by the scheduler that morning would look careless, so Lumen paused its "
    "promotions":
        lambda: _lumen_promotions().between(*RECALL).sum() == 0 and len(_lumen_promotions()) > 0,
    "Beacon already posts mostly offers and, platform by platform, earns 67-94 % of Lumen's engagement per "
    "view. The data cannot say why; one likely reason to test is":
        lambda: (_brand(_posts(), "beacon")["content_type"] == "promotional").mean() > 0.5,
    "Lumen kept answering through the storm, and Lumen's negative mentions fell back to their usual level "
    "within three weeks":
        lambda: _recall_lumen()["brand_replied"].mean() > _reply_share()["lumen"]
        and _lumen_moods().loc["2025-09-28", "negative"].item()
        <= _usual(metrics.weekly_counts(_brand(_people(), "lumen"), by="mood")
                  .pivot(index="week", columns="mood", values="count")["negative"]).quantile(0.9),
    "About 55%, more than Lumen's 43% for the whole year, at about three times the usual volume":
        lambda: round(_recall_lumen()["brand_replied"].mean(), 2) == 0.55
        and round(_reply_share()["lumen"], 2) == 0.43
        and round(len(_recall_lumen()) / 3 / _usual_lumen_week()) == 3,
    "About 61% of Beacon's feed posts are promotions":
        lambda: round((metrics.feed_posts(_brand(_posts(), "beacon"))["content_type"] == "promotional")
                      .mean(), 2) == 0.61,
    "Beacon's feed posts, all types together, draw more link clicks per view (about 0.19% against "
    "Lumen's 0.07%)":
        lambda: round(_brands().loc["beacon", "click_through_rate"], 4) == 0.0019
        and round(_brands().loc["lumen", "click_through_rate"], 4) == 0.0007,
    "Beacon earns about 75 % of Lumen's engagement per view overall, and less than Lumen in five of the six "
    "content types both post (70-97 %), all but questions":
        lambda: round(_engagement_ratio(), 2) == 0.75
        and [kind for kind, ratio in _by_type_ratio().items() if ratio >= 1] == ["question"]
        and [round(f(ratio for ratio in _by_type_ratio().values() if ratio < 1), 2) for f in (min, max)]
        == [0.70, 0.97],
    "Beacon already posts mostly offers and, platform by platform, earns 67-94 % of Lumen's engagement per "
    "view":
        lambda: (_brand(_posts(), "beacon")["content_type"] == "promotional").mean() > 0.5
        and _platform_ratio_range() == (0.67, 0.94),
    "so a fair comparison sets brands side by side within one platform: there Beacon earns 67-94 % of "
    "Lumen's rate":
        lambda: _platform_ratio_range() == (0.67, 0.94),
    "Nor is a reply row every answer: Lumen answered about 1,490 comments and mentions in the year, recorded "
    "in those tables, against its 489 reply rows":
        lambda: round(_lumen_answers(), -1) == 1490
        and (_brand(_posts(), "lumen")["mode"] == "reply").sum() == 489,
    "Twelve authors tie at two warm mentions each and nobody has more, so these five are simply the earliest "
    "of the twelve by first mention":
        lambda: (_all_advocates()["positive_mentions"] == 2).sum() == 12
        and _all_advocates()["positive_mentions"].max() == 2
        and _all_advocates().head(5)["author"].tolist() == _advocates()["author"].tolist()
        and _all_advocates().head(12)["first_mention"].is_monotonic_increasing,
    "The first name's (@user7520's) January post calls Lumen's pour-over kit the best they have \"tasted\"":
        lambda: "best pour-over kit I have tasted" in _advocate()["text"].iloc[0]
        and _advocate()["author"].iloc[0] == "@user7520"
        and _advocate()["created_at"].dt.month.tolist() == [1, 10],
    "in October they are back to call it fantastic":
        lambda: "pour-over kit" in _advocate()["text"].iloc[1] and "fantastic" in _advocate()["text"].iloc[1],
    "@user2795 posted the same sentence twice, thanking Lumen for fixing an order":
        lambda: "@user2795" in _advocates()["author"].tolist()
        and _brand(_people(), "lumen").loc[lambda f: f["author"] == "@user2795", "text"]
        .pipe(lambda texts: len(texts) == 2 and texts.nunique() == 1 and "fixed my order" in texts.iloc[0]),
    "@user4018's second mention is that same thanks after an oat-latte compliment: both are service recovery":
        lambda: "@user4018" in _advocates()["author"].tolist()
        and _texts_of("@user4018").pipe(lambda texts: len(texts) == 2 and "oat latte" in texts.iloc[0]
                                        and texts.iloc[1] == _texts_of("@user2795").iloc[0]),
    "It names the batch, says not to drink the cans and promises a refund, but it never says what could go "
    "wrong if you drink one (the hazard) and it apologises nowhere. The hazard was known on day one, when "
    "Lumen learned the cans may be unsafe; the root cause was not (Lumen first names the faulty seal four "
    "days later)":
        lambda: all(word in _first_notice()["text"] for word in ("best before", "do not drink", "refund"))
        and not any(word in _first_notice()["text"].lower()
                    for word in ("sorry", "apolog", "seal", "because", "unwell", "harm", "risk", "injur"))
        and _recall_posts().loc[lambda f: f["text"].str.contains("seal"), "published_at"].min()
        .strftime("%Y-%m-%d") == "2025-09-12",
    "`metrics.likely_spam` flags a mention when either of two rules fires. First, the text holds a link "
    "(`http://`, `https://`, `bit.ly` or a `.example` address) or a bait word: *win*, *free*, *giveaway*, a "
    "dollar amount or *followers and likes*, in any case. Second, the same author posted the identical text "
    "three times or more. So it misses spam without those words or links (\"DM us to claim your prize\"), "
    "and bots that vary their wording or spread one text over many accounts with fewer than three copies "
    "each; and it flags a customer who praises a free refill":
        lambda: _spam_flags([("@a", "See bit.ly/x"), ("@b", "see https://x.io"), ("@c", "deals.example"),
                             ("@d", "WIN big"), ("@e", "Free cup"), ("@f", "Our GIVEAWAY"),
                             ("@g", "Earn $500"), ("@h", "Cheap followers and likes"),
                             ("@i", "same"), ("@i", "same"), ("@i", "same")])
        == [True] * 11
        and _spam_flags([("@j", "DM us to claim your prize"), ("@k", "bot text"), ("@k", "bot text"),
                         ("@l", "bot text"), ("@l", "bot text"), ("@m", "Winter blend, lovely")])
        == [False] * 6
        and _spam_flags([("@n", "Thanks for the free refill, Lumen")]) == [True],
    "The same text, \"refund form in the link\", went out on Instagram and TikTok":
        lambda: {"instagram", "tiktok"} <= set(_recall_posts().loc[
            lambda f: f["text"].str.contains("refund form in the link"), "platform"].astype(str)),
    "the first worried post (07:31) came an hour and a half before Lumen's first notice (09:07)":
        lambda: _recall_table()["created_at"].min().strftime("%H:%M") == "07:31"
        and _first_notice()["published_at"].strftime("%H:%M") == "09:07",
    "Lumen replied to about 43% of the mentions people wrote, Beacon to about 6%, leaving hundreds of "
    "questions to others":
        lambda: _reply_share().round(2).to_dict() == {"beacon": 0.06, "lumen": 0.43}
        and len(_brand(_people(), "beacon").loc[lambda f: f["asks"] & ~f["brand_replied"]]) >= 200,
}


test_the_lesson_says_it, test_the_data_agrees = says_and_agrees(LESSON, CLAIMS)


NOTES = LESSON.parent / "instructor" / "01_why_social_media.md"


def _assignment_ids():
    """The nbgrader cell ids of assignment 01's solution notebook."""
    path = LESSON.parents[1] / "solutions" / "01_why_social_media" / "01_why_social_media.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return {cell["metadata"].get("nbgrader", {}).get("grade_id", "") for cell in cells} - {""}


def _september_first_week_share():
    """The share of Lumen's September mentions written in the recall's first week (8 to 14 September)."""
    september = _brand(_people(), "lumen")[lambda frame: frame["created_at"].dt.month == 9]
    return september["created_at"].dt.strftime("%Y-%m-%d").between("2025-09-08", "2025-09-14").mean()


def _lumen_months():
    lumen = _brand(_people(), "lumen")
    return lumen.groupby(lumen["created_at"].dt.month)["brand_replied"].agg(["size", "mean"])


NOTES_CLAIMS = {
    "`01_why_social_media` has eight graded questions (q1-q8: six on the lesson's ideas, q6 on Lumen's "
    "reply share, q7 on the platform ranking once spam is out), two code tasks (Task A counts Lumen's "
    "mentions per platform, Task B the same without likely spam) and a reflection marked by you":
        lambda: _assignment_ids() >= {f"q{n}" for n in range(1, 9)} | {"reflection"}
        and not _assignment_ids() & {"q9", "q10"}
        and {"mentions_by_platform", "real_by_platform"} <= _assignment_ids()
        and len([i for i in _assignment_ids() if i.endswith("_task")]) == 2,
    "Lumen's mentions more than double over the month": lambda: _lumen_months().loc[9, "size"]
    > 2 * _lumen_months().loc[8, "size"],
    "nearly half of them in the recall's first week":
        lambda: 0.45 <= _september_first_week_share() < 0.5,
    "the share Lumen answers rises to about half":
        lambda: round(_lumen_months().loc[9, "mean"], 1) == 0.5
        and _lumen_months().loc[9, "mean"] > _lumen_months().loc[8, "mean"],
    "the recall's first week brought about five times a usual week's mentions":
        lambda: round(_weekly().loc["2025-09-14", "lumen"].item() / _usual_lumen_week()) == 5,
    "Lumen's Instagram, with 6,800 to 8,200 followers over the year, reaches a median of about 14 % of its "
    "followers per post and its Facebook page about 2.4 %, both inside the published spread, though the data "
    "card marks both rows as assumptions":
        lambda: round(_reach_rate("instagram"), 2) == 0.14 and round(_reach_rate("facebook"), 3) == 0.024
        and not [line for line in calibration.check(_tables()) if line.startswith("reach_per_follower")]
        and {e["id"]: e["status"] for e in calibration.load_table()["figures"]
             if e["id"] in ("reach_per_follower.instagram", "reach_per_follower.facebook")}
        == {"reach_per_follower.instagram": "assumption", "reach_per_follower.facebook": "assumption"}
        and [round(_instagram_followers().agg(end), -2) for end in ("min", "max")] == [6800, 8200],
}


def _spam_flags(rows):
    """`metrics.likely_spam` on made-up (author, text) mentions, in order."""
    return metrics.likely_spam(pd.DataFrame(rows, columns=["author", "text"])).tolist()


@cache
def _tables():
    return {name: data.load(name) for name in data.TABLES}


def _reach_rate(platform):
    return calibration.figures(_tables())[f"reach_per_follower.{platform}"]


def _instagram_followers():
    followers = _tables()["followers"]
    lumen = followers[(followers["brand"] == "lumen") & (followers["platform"] == "instagram")]
    return lumen["followers"]


test_the_instructor_notes_say_it, test_the_data_agree_with_the_notes = says_and_agrees(NOTES, NOTES_CLAIMS)


def test_the_lesson_says_which_file_its_practice_checks_write_and_how_to_stop_it():
    text = text_of(LESSON)
    assert f"`{attempts.LOG_FOLDER}/{attempts.LOG_NAME}`" in text
    assert f"`%env {attempts.SWITCH}=off`" in text
