"""The course's metric formulas, each small, documented and tested (no plotting, no widgets here).

Conventions shared by every function:
* engagements = likes + comments + shares (clicks are counted apart, in the click-through rate);
* a rate whose denominator is zero is NaN ("not defined"), never infinity or an error;
* inputs are the DataFrames returned by `smcourse.core.data.load`; outputs are plain pandas objects.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from smcourse.core.errors import SmcourseError

ENGAGEMENT_COLUMNS = ("likes", "comments", "shares")
DENOMINATORS = ("impressions", "reach", "followers")
ACCOUNT_COLUMNS = ("brand", "platform")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# VADER's own recommended cut-offs on the compound score.
POSITIVE_FROM, NEGATIVE_BELOW = 0.05, -0.05
STOP_WORDS = frozenset(
    "a an and are as at be but by can do does for from get has have how i if in is it its me my "
    "no not of on or our so that the their them this to too up us was we what when which who why "
    "will with you your just all again very been more than then there here one out about after "
    "before into over still same see any some".split()
)


def _rate(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator / denominator as floats, NaN where the denominator is zero or missing."""
    denominator = denominator.astype("float64")
    return numerator.astype("float64") / denominator.where(denominator > 0)


def _check_by(function: str, given: Sequence[str], choices: Sequence[str],
              combinations: Sequence[str] = ()) -> None:
    """Raise one clear SmcourseError if any of `given` is not among `function`'s `by=` choices;
    `combinations` are further accepted forms, named in the message only."""
    unknown = [value for value in given if value not in choices]
    if unknown:
        options = [f'"{choice}"' for choice in choices] + list(combinations)
        raise SmcourseError(f"{function}: by= must be {', '.join(options[:-1])} or {options[-1]}, "
                            f"not {', '.join(map(repr, unknown))}.")


def feed_posts(posts: pd.DataFrame) -> pd.DataFrame:
    """The feed posts (mode "broadcast"), the only posts to compare with each other.

    A platform's post export lists what was published for everyone; a reply answers one person where
    few followers see it, so replies are judged by answer rate and time, never beside feed posts.
    """
    if "mode" not in posts:
        raise SmcourseError("These posts have no 'mode' column, so feed posts cannot be told from "
                            "replies: add it (broadcast or reply) before comparing posts.")
    return posts[posts["mode"] == "broadcast"]


def engagements(posts: pd.DataFrame) -> pd.Series:
    """Likes + comments + shares for each post."""
    return posts[list(ENGAGEMENT_COLUMNS)].sum(axis=1)


def followers_at_post(posts: pd.DataFrame, followers: pd.DataFrame) -> pd.Series:
    """The audience each post was published to: the brand's followers on that platform at the
    start of the posting day (end-of-day count minus that day's gains plus its losses)."""
    start_of_day = followers.assign(
        start=followers["followers"] - followers["gained"] + followers["lost"],
        brand=followers["brand"].astype(str), platform=followers["platform"].astype(str))
    keys = pd.DataFrame({"date": posts["published_at"].dt.tz_localize(None).dt.normalize(),
                         "brand": posts["brand"].astype(str),
                         "platform": posts["platform"].astype(str)})
    merged = keys.merge(start_of_day[["date", "brand", "platform", "start"]], how="left",
                        on=["date", "brand", "platform"])
    return pd.Series(merged["start"].to_numpy(dtype="float64"), index=posts.index,
                     name="followers")


def engagement_rate(posts: pd.DataFrame, by: str = "impressions",
                    followers: pd.DataFrame | None = None) -> pd.Series:
    """Engagements per impression, per account reached, or per follower (`by`).

    By impressions measures how compelling each view was; by reach, how many of the people who saw
    it reacted; by followers, how much of the audience you own responded (it favours posts that
    travel beyond the audience). `by="followers"` needs the followers table.
    """
    _check_by("engagement_rate", [by], DENOMINATORS)
    if by == "followers":
        if followers is None:
            raise SmcourseError("engagement rate by followers needs the followers table: "
                                "engagement_rate(posts, 'followers', followers=load('followers'))")
        denominator = followers_at_post(posts, followers)
    else:
        denominator = posts[by]
    return _rate(engagements(posts), denominator).rename(f"engagement_rate_{by}")


def engagement_rates_by(posts: pd.DataFrame, followers: pd.DataFrame, column: str) -> pd.DataFrame:
    """Pooled engagement rate per group of `column` under each denominator, side by side.

    Each rate is total engagements / total denominator in the group (impressions, reach, or the
    followers each post was published to), so the three columns compare like with like.
    """
    frame = pd.DataFrame({"group": posts[column], "engagements": engagements(posts),
                          "impressions": posts["impressions"], "reach": posts["reach"],
                          "followers": followers_at_post(posts, followers)})
    totals = frame.groupby("group", observed=True).sum()
    rates = {f"by_{name}": _rate(totals["engagements"], totals[name]) for name in DENOMINATORS}
    return pd.DataFrame(rates).rename_axis(column)


def click_through_rate(posts: pd.DataFrame) -> pd.Series:
    """Clicks per impression."""
    return _rate(posts["clicks"], posts["impressions"]).rename("click_through_rate")


def performance_by(posts: pd.DataFrame, column: str | Sequence[str]) -> pd.DataFrame:
    """Posts, pooled engagement rate and click-through rate (per impression), and mean comments and
    shares per post, for each group of `column` (one column or a list of them).

    Rates are pooled (total engagements / total impressions), so one tiny post cannot dominate.
    """
    frame = posts.assign(engagements=engagements(posts))
    totals = frame.groupby(column, observed=True).agg(
        posts=("post_id", "size"), impressions=("impressions", "sum"),
        engagements=("engagements", "sum"), clicks=("clicks", "sum"),
        comments_per_post=("comments", "mean"), shares_per_post=("shares", "mean"))
    totals["engagement_rate"] = _rate(totals["engagements"], totals["impressions"])
    totals["click_through_rate"] = _rate(totals["clicks"], totals["impressions"])
    return totals[["posts", "engagement_rate", "click_through_rate", "comments_per_post",
                   "shares_per_post"]].sort_values("engagement_rate", ascending=False)


def median_post_rate(posts: pd.DataFrame, by: str | Sequence[str]) -> pd.Series:
    """The engagement rate (per impression) of the median post in each group of `by` (one column or a
    list of them): the typical post, which a few breakout posts cannot pull up as they pull a pooled rate."""
    keys = [by] if isinstance(by, str) else list(by)
    missing = [key for key in keys if key not in posts]
    if missing:
        raise SmcourseError(f"median_post_rate: the posts have no column {', '.join(map(repr, missing))} "
                            "to group by.")
    rates = engagement_rate(posts).rename("median_post_rate")
    return rates.groupby([posts[key] for key in keys], observed=True).median()


def posting_time_grid(posts: pd.DataFrame) -> pd.DataFrame:
    """Median engagement rate by weekday (rows, Mon first) and local hour (columns); NaN = no posts."""
    frame = pd.DataFrame({
        "weekday": pd.Categorical(posts["published_at"].dt.day_of_week.map(dict(enumerate(WEEKDAYS))),
                                  categories=WEEKDAYS),
        "hour": posts["published_at"].dt.hour,
        "rate": engagement_rate(posts),
    })
    grid = frame.pivot_table(index="weekday", columns="hour", values="rate", aggfunc="median",
                             observed=False)
    return grid.reindex(list(WEEKDAYS))


def follower_growth(followers: pd.DataFrame, freq: str = "MS",
                    by: str | Sequence[str] = ACCOUNT_COLUMNS) -> pd.DataFrame:
    """Per group of `by` and period: start and end followers, gained, lost, net, growth and churn.

    `by` is "brand", "platform", both (the default: one row per account) or () for everything.
    The counts of a group's accounts are added up first and the rates computed from the totals:
    growth_rate = (end - start) / start; churn_rate = lost / start, where start is the count at the
    end of the day before the period began.
    """
    keys = [by] if isinstance(by, str) else list(by)
    _check_by("follower_growth", keys, ACCOUNT_COLUMNS,
              combinations=['("brand", "platform")', "() for everything"])
    frame = followers.sort_values("date").assign(
        start=lambda f: f["followers"] - f["gained"] + f["lost"])
    accounts = frame.groupby([*ACCOUNT_COLUMNS, pd.Grouper(key="date", freq=freq)], observed=True)
    per_account = accounts.agg(start=("start", "first"), end=("followers", "last"),
                               gained=("gained", "sum"), lost=("lost", "sum"))
    table = per_account.groupby([*keys, "date"], observed=True).sum()
    table["net"] = table["gained"] - table["lost"]
    table["growth_rate"] = _rate(table["end"] - table["start"], table["start"])
    table["churn_rate"] = _rate(table["lost"], table["start"])
    return table.reset_index()


@cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentiment_scores(texts: pd.Series) -> pd.Series:
    """VADER compound score per text, from -1 (most negative) to +1 (most positive)."""
    analyser = _vader()
    scores = [analyser.polarity_scores(str(text))["compound"] for text in texts]
    return pd.Series(scores, index=texts.index, name="sentiment", dtype="float64")


def sentiment_labels(scores: pd.Series) -> pd.Series:
    """positive / neutral / negative from compound scores, with VADER's ±0.05 cut-offs."""
    labels = np.select([scores >= POSITIVE_FROM, scores <= NEGATIVE_BELOW],
                       ["positive", "negative"], "neutral")
    return pd.Series(pd.Categorical(labels, categories=["negative", "neutral", "positive"]),
                     index=scores.index, name="sentiment_label")


def _whole_weeks(times: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Each time's week (its Monday, at midnight, local time) and whether the whole week, Monday
    to Sunday, lies within the span of `times`: the first and last weeks are often cut short."""
    local = times.dt.tz_localize(None) if times.dt.tz is not None else times
    days = local.dt.normalize()
    week = days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    return week, (week >= days.min()) & (week + pd.Timedelta(days=6) <= days.max())


def weekly_mean(values: pd.Series, times: pd.Series) -> pd.DataFrame:
    """Mean of `values` per week (Monday to Sunday), over whole weeks only: a week cut by the
    start or end of `times` is left out, so a half-covered week cannot pass for a change."""
    week, whole = _whole_weeks(times)
    means = values[whole].groupby(week[whole]).mean()
    return means.rename_axis("week").rename(values.name or "mean").reset_index()


def top_terms(texts: pd.Series, n: int = 10, hashtags: bool = False,
              exclude: tuple[str, ...] = ()) -> pd.DataFrame:
    """The `n` most frequent words (stop words removed) or hashtags in `texts`, with counts."""
    pattern = r"#\w+" if hashtags else r"[a-z][a-z'-]+"
    skip = {word.lower() for word in exclude} | (set() if hashtags else STOP_WORDS)
    counts: Counter[str] = Counter()
    for text in texts.astype(str):
        found = re.findall(pattern, text.lower())
        counts.update(term for term in found if term not in skip)
    rows = counts.most_common(n)
    return pd.DataFrame(rows, columns=["term", "count"])


def response_hours(comments: pd.DataFrame) -> pd.Series:
    """Hours from each comment to the brand's answer (NaN when it was never answered)."""
    delay = comments["answered_at"] - comments["created_at"]
    return (delay.dt.total_seconds() / 3600).rename("response_hours")


def activity_indicators(posts: pd.DataFrame, comments: pd.DataFrame,
                        planning_on_feed: bool = False) -> pd.DataFrame:
    """The existing-vs-living indicators per brand, each from 0 to 1 except response time.

    * reply_share: share of posts that answer someone rather than broadcast (it grows with the
      number of replies, so it describes a feed and is not scored);
    * questions_answered: share of questions in comments that the brand answered;
    * median_response_hours: median time to answer a comment;
    * posting_unevenness: the coefficient of variation of weekly post counts over the one random
      posting at the same volume would give (std / sqrt(mean)): 1 = as uneven as chance, 0 = a
      fixed schedule, above 1 = bursts and silences, whatever the number of posts;
    * promotional_share: share of posts that are promotional.

    With `planning_on_feed`, the two planning indicators (the last two) count feed posts only
    (mode "broadcast"): a reply's timing and content are set by the person it answers, not by a plan.
    """
    enriched = comments.merge(posts[["post_id", "brand"]], on="post_id", how="left")
    enriched["hours"] = response_hours(enriched)
    rows = {}
    for brand, own in posts.groupby("brand", observed=True):
        replies = enriched[enriched["brand"] == brand]
        questions = replies[replies["is_question"]]
        planned = feed_posts(own) if planning_on_feed else own
        weekly = planned.set_index("published_at").resample("W")["post_id"].count()
        unevenness = weekly.std(ddof=0) / np.sqrt(weekly.mean()) if weekly.mean() > 0 else np.nan
        rows[brand] = {
            "reply_share": (own["mode"] == "reply").mean(),
            "questions_answered": questions["answered"].mean() if len(questions) else np.nan,
            "median_response_hours": replies["hours"].median(),
            "posting_unevenness": float(unevenness),
            "promotional_share": (planned["content_type"] == "promotional").mean(),
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("brand")


@dataclass(frozen=True)
class GroupComparison:
    """The result of comparing a metric between two groups of posts."""

    label_a: str
    label_b: str
    median_a: float
    median_b: float
    statistic: float
    p_value: float

    def summary(self, alpha: float = 0.05) -> str:
        verdict = ("unlikely to be chance" if self.p_value < alpha
                   else "could well be chance")
        return (f"{self.label_a}: median {self.median_a:g}; {self.label_b}: median "
                f"{self.median_b:g}; Mann-Whitney U = {self.statistic:g}, p = {self.p_value:.2g} "
                f"(a difference this large is {verdict} at the {alpha:g} level).")


def compare_groups(a: pd.Series, b: pd.Series, label_a: str = "group A",
                   label_b: str = "group B") -> GroupComparison:
    """Two-sided Mann-Whitney U test: do values in `a` tend to differ from values in `b`?

    A rank test suits social media counts, which are skewed and full of outliers.
    """
    from scipy import stats  # imported here: it adds seconds to every lesson's start-up otherwise

    a, b = a.dropna().astype("float64"), b.dropna().astype("float64")
    if len(a) == 0 or len(b) == 0:
        raise SmcourseError(f"compare_groups: {label_a} and {label_b} each need at least one value "
                            "to compare")
    result = stats.mannwhitneyu(a, b, alternative="two-sided")
    return GroupComparison(label_a, label_b, float(a.median()), float(b.median()),
                           float(result.statistic), float(result.pvalue))


def weekly_counts(frame: pd.DataFrame, by: str, column: str = "created_at") -> pd.DataFrame:
    """Rows per full week (Monday to Sunday, dated by its Sunday in `week`) and value of `by`, in
    `count`. Weeks the data covers only in part (its first and last) are left out: they would show
    as dips that are not there."""
    monday, full = _whole_weeks(frame[column])
    sunday = (monday + pd.Timedelta(days=6)).dt.tz_localize(frame[column].dt.tz)
    counts = frame[full].groupby([sunday[full].rename("week"), by], observed=True).size()
    return counts.unstack(fill_value=0).stack().rename("count").reset_index()


def likely_advocates(mentions: pd.DataFrame, sentiment: pd.Series, brand: str,
                     n: int = 5, leave_out_questions: bool = False) -> pd.DataFrame:
    """The `n` authors who mention `brand` warmly most often: candidates to invite as advocates.

    `sentiment` holds compound scores aligned with `mentions` (see `sentiment_scores`). Per author:
    positive mentions, all mentions and the date of the first one; ties go to the earlier fan. With
    `leave_out_questions`, a mention with a question mark never counts as positive: asking is not
    praise, whatever the scorer says.
    """
    positive = sentiment.reindex(mentions.index) >= POSITIVE_FROM
    if leave_out_questions:
        positive &= ~mentions["text"].str.contains("?", regex=False)
    own = mentions[mentions["brand"] == brand].assign(positive=positive)
    table = own.groupby("author").agg(positive_mentions=("positive", "sum"),
                                      mentions=("positive", "size"),
                                      first_mention=("created_at", "min"))
    table = table[table["positive_mentions"] > 0]
    return (table.sort_values(["positive_mentions", "first_mention"], ascending=[False, True])
            .head(n).reset_index())


def brand_posts_and_comments(posts: pd.DataFrame, comments: pd.DataFrame,
                             brand: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One brand's posts, and the comments on them with each post's platform added."""
    own = posts[posts["brand"] == brand]
    return own, comments.merge(own[["post_id", "platform"]], on="post_id")


def follower_accounts_at_month_ends(followers: pd.DataFrame) -> pd.DataFrame:
    """Per brand and month end: followers summed over platforms (someone who follows a brand on two
    platforms counts twice), with the month's short name in `month`."""
    month_end = followers[followers["date"].dt.is_month_end]
    table = month_end.groupby(["date", "brand"], observed=True)["followers"].sum().reset_index()
    table["month"] = table["date"].dt.strftime("%b")
    return table


def audience_and_conversations(followers: pd.DataFrame, posts: pd.DataFrame,
                               comments: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Per brand: followers on the last day, conversations joined, and conversations per 1,000
    followers. A conversation joined is a comment the brand answered or a mention it replied to."""
    last_day = followers[followers["date"] == followers["date"].max()]
    audience = last_day.groupby("brand", observed=True)["followers"].sum()
    comment_brand = comments["post_id"].map(posts.set_index("post_id")["brand"].astype(str))
    answered = comments["answered"].groupby(comment_brand).sum()
    replied = mentions["brand_replied"].groupby(mentions["brand"].astype(str)).sum()
    table = pd.DataFrame({"followers": audience.rename(index=str)})
    table["conversations"] = (answered.reindex(table.index, fill_value=0)
                              + replied.reindex(table.index, fill_value=0))
    table["per_1000_followers"] = 1000 * _rate(table["conversations"], table["followers"])
    return table.rename_axis("brand")


def clustered_share(posts: pd.DataFrame, minutes: int = 30) -> pd.Series:
    """Per brand, the share of posts published within `minutes` of that brand's previous post on
    the same platform: how often followers see updates bunched together in their feed."""
    ordered = posts.sort_values("published_at")
    gap = ordered.groupby(["brand", "platform"], observed=True)["published_at"].diff()
    clustered = gap <= pd.Timedelta(minutes=minutes)
    return clustered.groupby(ordered["brand"], observed=True).mean().rename("clustered_share")


def mention_reply_share(mentions: pd.DataFrame) -> pd.Series:
    """Per brand, the share of public mentions (conversations others started) the brand joined."""
    share = mentions.groupby("brand", observed=True)["brand_replied"].mean().astype("float64")
    return share.rename("mention_reply_share").rename_axis("brand")


def reach_rate(posts: pd.DataFrame, followers: pd.DataFrame) -> pd.Series:
    """Accounts reached per follower for each post (organic reach as a share of the audience the
    post went out to; above 1 when a post travels beyond the followers, as on TikTok)."""
    return _rate(posts["reach"], followers_at_post(posts, followers)).rename("reach_rate")


def watched_share(posts: pd.DataFrame) -> pd.Series:
    """Average watch time as a share of the video's length (NaN for posts that are not videos)."""
    return _rate(posts["avg_watch_seconds"].astype("float64"),
                 posts["video_seconds"].astype("float64")).rename("watched_share")


def response_summary(comments: pd.DataFrame, posts: pd.DataFrame,
                     within_hours: float = 24) -> pd.DataFrame:
    """Per brand: comments received, response rate, the share answered within `within_hours`, and
    the median hours to an answer among the comments that were answered.

    Why three numbers: a median over answered comments alone flatters a brand that leaves the hard
    ones unanswered, so the response rate sits beside it, and the share answered within
    `within_hours` counts every unanswered comment as not answered in time (time-to-answer with the
    unanswered treated as not yet answered). Questions are reported apart in `questions_answered`.
    """
    brand = comments["post_id"].map(posts.set_index("post_id")["brand"].astype(str))
    hours = response_hours(comments)
    frame = pd.DataFrame({"brand": brand, "answered": comments["answered"].astype(bool),
                          "in_time": hours.le(within_hours).fillna(False).astype(bool),
                          "hours": hours, "question": comments["is_question"].astype(bool)})
    grouped = frame.groupby("brand")
    table = pd.DataFrame({
        "comments": grouped.size(),
        "response_rate": grouped["answered"].mean(),
        f"answered_within_{within_hours:g}h": grouped["in_time"].mean(),
        "median_response_hours": grouped["hours"].median(),
        "questions_answered": frame[frame["question"]].groupby("brand")["answered"].mean(),
    })
    return table.rename_axis("brand")


SPAM_PATTERN = r"bit\.ly|https?://|\.example\b|giveaway|\bwin\b|\bfree\b|\$\d|followers and likes"


def likely_spam(mentions: pd.DataFrame, repeats: int = 3) -> pd.Series:
    """True for mentions that look like spam or bot posts, by two signals monitoring tools use:
    a link or prize/money bait in the text, or an author who posted the identical text at least
    `repeats` times (copy-paste bots). A filter, not a verdict: check a sample by eye."""
    bait = mentions["text"].str.contains(SPAM_PATTERN, case=False, regex=True)
    copies = mentions.groupby(["author", "text"])["text"].transform("size")
    return (bait | (copies >= repeats)).rename("likely_spam")
