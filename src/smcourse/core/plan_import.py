"""Baselines for a plan: from the course data, or from the learner's own analytics export.

    baseline(posts, comments)                 # the plan's units: per cent, or hours
    with_units(baseline(posts, comments))     # the same, each row labelled with its unit
    table = read_export("posts.csv")          # CSV or Excel; ImportFileError says what is wrong
    posts = recognise(table)                  # a Meta Business Suite or LinkedIn page export
    posts = recognise(table, {"Views": "impressions", ...})   # any other table, mapped by hand
    baseline(posts)
    baseline(posts, comments, exclude=("2025-09-08", "2025-09-28"))   # leave out an exceptional spell
    waits = inbox_waits(comments["created_at"], plan.community, 4)       # replay arrivals on the rota
    course_replay(plan.community, 4, "all", "2025", "mean of weeks")     # course data, judged weekly

Every rate is pooled (total engagements / total impressions over all posts), the one way the
course computes a baseline, so a handful of tiny posts cannot swing it. Nothing leaves the machine.

The recognised column names are those of the post-level exports as these tools label them:
Meta Business Suite's content export (Insights > Content > Export data: "Publish time",
"Impressions" or, since Meta renamed it, "Views", "Reach", "Reactions", "Comments", "Shares",
"Link clicks") and a LinkedIn page's content export (Analytics > Posts > Export: "Created date",
"Impressions", "Clicks", "Likes", "Comments", "Reposts", with a line of description above the
header). Neither company publishes a column list we could cite as fixed, and both rename columns
from time to time, so any table that does not match is imported through the mapping step
(`recognise(table, mapping)`), which names the columns still missing.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import numpy as np
import pandas as pd

from smcourse.core import metrics
from smcourse.core.errors import SmcourseError
from smcourse.core.plan import (
    METRICS,
    WEEKDAYS,
    Community,
    Plan,
    parse_clock,
    read_rota_day,
    staffed_days,
)

NEEDED = ("impressions", "likes", "comments", "shares")
OPTIONAL = ("published_at", "clicks", "reach")
FORMATS = {
    "Meta Business Suite": {"Publish time": "published_at", "Impressions": "impressions",
                            "Views": "impressions", "Reach": "reach", "Reactions": "likes",
                            "Comments": "comments", "Shares": "shares", "Link clicks": "clicks"},
    "LinkedIn page": {"Created date": "published_at", "Impressions": "impressions",
                      "Clicks": "clicks", "Likes": "likes", "Comments": "comments",
                      "Reposts": "shares"},
}
HEADER_SEARCH_ROWS = 5  # LinkedIn puts a line of description above its header
RECALL = ("2025-09-08", "2025-09-28")  # Lumen's cold-brew recall in the course data, first and last day


class ImportFileError(SmcourseError):
    """An analytics file that cannot be read, or a table that lacks what a baseline needs."""


def baseline(posts: pd.DataFrame, comments: pd.DataFrame | None = None,
             exclude: tuple[str, str] | None = None) -> pd.Series:
    """The plan's baseline metrics from a posts table (and, when given, the comments on them):
    pooled engagement and click-through rates in per cent, the median response time in hours,
    the share of questions answered and of positive comments in per cent. `exclude` (first and
    last day, YYYY-MM-DD) leaves out an exceptional spell, such as a recall, by publish or
    arrival date."""
    if exclude is not None:
        posts = _outside(posts, "published_at", exclude)
        comments = None if comments is None else _outside(comments, "created_at", exclude)
    impressions = posts["impressions"].sum()
    values = {"engagement_rate": metrics.engagements(posts).sum() / impressions * 100}
    if "clicks" in posts:
        values["click_through_rate"] = posts["clicks"].sum() / impressions * 100
    if comments is not None:
        questions = comments[comments["is_question"]]
        sentiment = metrics.sentiment_labels(metrics.sentiment_scores(comments["text"]))
        values["response_time"] = metrics.response_hours(comments).median()
        values["questions_answered"] = questions["answered"].mean() * 100
        values["positive_sentiment"] = (sentiment == "positive").mean() * 100
    return pd.Series(values, name="baseline").round(2)


def with_units(table: pd.Series | pd.DataFrame) -> pd.Series | pd.DataFrame:
    """`baseline`'s figures (or a table of them side by side) for reading, each row named as the
    plan names its metric, with its unit: "Engagement rate (% of impressions)", "Median response
    time (hours)"."""
    return table.rename(index=lambda key: f"{METRICS[key].label} ({METRICS[key].unit})"
                        if key in METRICS else key)


def weekly(posts: pd.DataFrame, comments: pd.DataFrame | None = None,
           exclude: tuple[str, str] | None = None) -> pd.DataFrame:
    """The baseline's metrics week by week (Monday to Sunday, whole weeks of the data only), with
    the clicks a week as a count: `.mean()` gives a baseline per week, `.std()` the week-to-week
    spread an objective's target must beat. `exclude` as for `baseline`."""
    if exclude is not None:
        posts = _outside(posts, "published_at", exclude)
        comments = None if comments is None else _outside(comments, "created_at", exclude)
    if "published_at" not in posts:
        raise ImportFileError("The table has no published_at column, so its posts cannot be put "
                              "in weeks; map the column that holds each post's date to it.")
    try:
        published = _local(posts["published_at"])
    except (ValueError, TypeError):
        raise ImportFileError("Some values of published_at are not dates; remove total or empty "
                              "rows from the file and import it again.") from None
    weeks = published.dt.to_period("W")
    whole = (weeks.dt.start_time >= published.min().normalize()) \
        & (weeks.dt.end_time <= published.max().normalize() + pd.Timedelta(days=1))
    by_week = posts[whole].groupby(weeks[whole])
    impressions = by_week["impressions"].sum()
    table = pd.DataFrame({"engagement_rate": by_week.apply(
        lambda week: metrics.engagements(week).sum()) / impressions * 100})
    if "clicks" in posts:
        table["clicks"] = by_week["clicks"].sum()
        table["click_through_rate"] = table["clicks"] / impressions * 100
    if comments is not None:
        arrived = _local(comments["created_at"]).dt.to_period("W")
        positive = metrics.sentiment_labels(metrics.sentiment_scores(comments["text"])) == "positive"
        answers = comments.assign(wait=metrics.response_hours(comments), positive=positive.to_numpy())
        by_arrival = answers.groupby(arrived)
        table["response_time"] = by_arrival["wait"].median()
        table["questions_answered"] = answers[answers["is_question"]].groupby(
            arrived[answers["is_question"]])["answered"].mean() * 100
        table["positive_sentiment"] = by_arrival["positive"].mean() * 100
    return table.rename_axis("week")


@functools.cache
def course_baselines(platform: str = "all") -> dict[str, dict[tuple[str, str], float]]:
    """The values the course data give Lumen on `platform` (or all its platforms) for each course
    metric `baseline` computes, by metric, then by (span, method): span "2025" (the whole year) or
    "2025 without the recall" (RECALL); method "pooled" (`baseline`), "mean of weeks" or "spread
    of weeks" (`weekly(...).mean()` and `.std()`). A baseline or spread a plan takes from the course
    data is one of them."""
    from smcourse.core import data  # the course's own data, read only when a plan cites it

    posts, comments = data.load("posts"), data.load("comments")
    scope = posts[(posts["brand"] == "lumen") & ((posts["platform"] == platform) | (platform == "all"))]
    answered = comments[comments["post_id"].isin(scope["post_id"])]
    values: dict[str, dict[tuple[str, str], float]] = {}
    for span, exclude in (("2025", None), ("2025 without the recall", RECALL)):
        weeks = weekly(scope, answered, exclude)
        for method, found in (("pooled", baseline(scope, answered, exclude)),
                              ("mean of weeks", weeks.mean()), ("spread of weeks", weeks.std())):
            for metric, value in found.dropna().items():
                values.setdefault(str(metric), {})[span, method] = float(value)
    return values


def _local(times: pd.Series) -> pd.Series:
    """`times` as local clock times without a time zone."""
    times = pd.to_datetime(times)
    return times.dt.tz_localize(None) if times.dt.tz is not None else times


def expected_per_week(posts: pd.DataFrame, plan: Plan, column: str,
                      types: dict[str, str] | None = None) -> pd.Series:
    """`column` (clicks, comments...) a week that the plan's cadence would earn on each channel
    with a history in `posts`, at that platform's average per broadcast post; a channel without
    history (a new one) is left out, so the total is a floor. With `types` (each pillar's
    `content_type` in `posts`), each pillar's share of a channel's posts earns that platform's
    average for its type instead."""
    feed = posts[posts["mode"] == "broadcast"] if "mode" in posts else posts
    platform = feed["platform"].astype(str).str.lower()
    per_post = feed.groupby(platform)[column].mean()
    if types is not None:
        per_type = feed.groupby([platform, feed["content_type"].astype(str)])[column].mean()
    weekly = {}
    for channel in plan.channels:
        name = channel.name.lower()
        if name not in per_post.index:
            continue
        if types is None:
            weekly[channel.name] = channel.posts_per_week() * per_post[name]
        else:
            weekly[channel.name] = sum(
                channel.posts_per_week() * share / 100
                * per_type.get((name, types.get(pillar, "")), per_post[name])
                for pillar, share in channel.mix.items())
    return pd.Series(weekly, name=f"{column}_per_week", dtype=float)


def _outside(table: pd.DataFrame, column: str, spell: tuple[str, str]) -> pd.DataFrame:
    if column not in table:
        raise ImportFileError(f"The table has no {column} column, so no dates can be left out.")
    day = pd.to_datetime(table[column]).dt.date
    first, last = (pd.Timestamp(date).date() for date in spell)
    return table[(day < first) | (day > last)]


def inbox_waits(arrivals: pd.Series, team: Community, promise: float) -> pd.Series:
    """Hours each message would wait for the first look through the inbox if `team` staffed it:
    on its staffed days (`staffed_days`) of each week, at the look times each rota day names
    (`read_rota_day`; a shift on the inbox as a look every SHIFT_LOOK_MINUTES), and on a day that
    names none a look every `promise` hours from opening, as `Community.hours_needed` counts
    them; messages after the last look of the day wait for the next staffed look. `arrivals` are
    local clock times."""
    return _waits_at(_local(arrivals), look_hours(team, promise)).set_axis(arrivals.index)


SHIFT_LOOK_MINUTES = 5  # a shift on the inbox replayed as a look this often


def look_hours(team: Community, promise: float) -> tuple[tuple[int, tuple[float, ...]], ...]:
    """The hours of the day of each look, by staffed weekday (0 is Monday), as `inbox_waits`
    replays them: the rota's own looks and shifts within that day's staffed hours
    (`Community.day_window`), else a look every `promise` hours from its opening."""
    opens, closes = parse_clock(team.opens), parse_clock(team.closes)
    if opens is None or closes is None or closes <= opens or promise <= 0 \
            or not 1 <= team.days <= 7:
        raise ImportFileError("The inbox needs opening hours (HH:MM to HH:MM), 1 to 7 days and "
                              "a promise above 0 hours before arrivals can be replayed.")
    days = []
    for day in staffed_days(team):
        opens, closes = team.day_window(day)
        rhythm = tuple(opens + number * promise for number in range(math.ceil((closes - opens) / promise)))
        read = read_rota_day(team.rota.get(day, ""))
        step = SHIFT_LOOK_MINUTES / 60
        looks = {look for look in read.looks if opens <= look < closes} | {
            start + number * step for start, end in read.shifts if start < end
            for number in range(math.ceil((end - start) / step))
            if opens <= start + number * step < closes}
        days.append((WEEKDAYS.index(day), tuple(sorted(looks)) or rhythm))
    return tuple(days)


def _waits_at(local: pd.Series, looks_by_day: tuple[tuple[int, tuple[float, ...]], ...]) -> pd.Series:
    days = pd.date_range(local.min().normalize(), local.max().normalize() + pd.Timedelta(days=8))
    looks = np.sort(np.concatenate([
        (days[days.day_of_week == weekday] + pd.to_timedelta(hour, unit="h")).to_numpy()
        for weekday, hours in looks_by_day for hour in hours]))
    seen = looks[np.searchsorted(looks, local.to_numpy(), side="left")]
    return pd.Series((seen - local.to_numpy()) / np.timedelta64(1, "h"), index=local.index,
                     name="wait_hours")


REPLAY_CACHE_SIZE = 64  # rotas the builder may go back and forth between while a plan is edited


def course_replay(team: Community, promise: float, platform: str = "all", span: str = "2025",
                  method: str = "mean of weeks") -> float:
    """The median wait, in hours, of Lumen's comments on `platform` (or all its platforms) in
    the course data over `span` ("2025", or "2025 without the recall"), replayed on `team`'s
    rota as `inbox_waits` replays it: the mean of the weekly medians for `method` "mean of
    weeks", else the median of all (pooled); NaN when no comment arrived there. Remembered by
    what it depends on, so a builder that checks at every change replays each rota once."""
    return _course_replay(look_hours(team, promise), platform.lower(), span, method)


@functools.lru_cache(maxsize=REPLAY_CACHE_SIZE)
def _course_replay(looks_by_day: tuple[tuple[int, tuple[float, ...]], ...], platform: str,
                   span: str, method: str) -> float:
    arrivals = _local(_course_arrivals(platform, span))
    if arrivals.empty:
        return math.nan
    waits = _waits_at(arrivals, looks_by_day)
    if method != "mean of weeks":
        return float(waits.median())
    return float(waits.groupby(arrivals.dt.to_period("W")).median().mean())


@functools.cache
def _course_arrivals(platform: str, span: str) -> pd.Series:
    """When Lumen's comments on `platform` (or "all") arrived in the course data over `span`."""
    from smcourse.core import data  # the course's own data, read only when a plan cites it

    posts, comments = metrics.brand_posts_and_comments(data.load("posts"), data.load("comments"),
                                                       "lumen")
    scope = comments if platform == "all" else comments[comments["platform"] == platform]
    if span == "2025 without the recall":
        scope = _outside(scope, "created_at", RECALL)
    return scope["created_at"].reset_index(drop=True)


def read_export(path: str | Path) -> pd.DataFrame:
    """The table in a CSV or Excel (.xlsx) file, its header found within the first rows."""
    path = Path(path)
    readers = {".csv": lambda: pd.read_csv(path, header=None, dtype=str, encoding="utf-8-sig"),
               ".xlsx": lambda: pd.read_excel(path, header=None, dtype=str)}
    if path.suffix.lower() not in readers:
        raise ImportFileError(f"{path.name} is neither a CSV nor an Excel (.xlsx) file; export "
                              "your analytics in one of those formats.")
    try:
        raw = readers[path.suffix.lower()]()
    except FileNotFoundError:
        raise ImportFileError(f"There is no file {path.name} here; check its name and folder.") \
            from None
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError, OSError) as error:
        raise ImportFileError(f"{path.name} could not be read as a table ({error}).") from None
    if raw.empty:
        raise ImportFileError(f"{path.name} is empty.")
    known = {name for columns in FORMATS.values() for name in columns}
    headers = [raw.iloc[row].fillna("").astype(str).str.strip()
               for row in range(min(HEADER_SEARCH_ROWS, len(raw)))]
    row = next((row for row, header in enumerate(headers) if known & set(header)), 0)
    return raw.iloc[row + 1:].set_axis(list(headers[row]), axis=1).reset_index(drop=True)


def format_of(table: pd.DataFrame) -> str | None:
    """The recognised export `table` comes from, or None."""
    for name, columns in FORMATS.items():
        targets = {columns[column] for column in table.columns if column in columns}
        if set(NEEDED) <= targets:
            return name
    return None


def recognise(table: pd.DataFrame, mapping: dict[str, str] | None = None) -> pd.DataFrame:
    """`table` as a posts table with the course's column names: through `mapping` (the file's
    column -> impressions, likes, comments, shares, clicks, reach or published_at) when given,
    else through the recognised export format."""
    if mapping is None:
        name = format_of(table)
        if name is None:
            raise ImportFileError("This table is not a Meta Business Suite or LinkedIn page export "
                                  "this course recognises; map its columns to "
                                  f"{', '.join(NEEDED)} (and clicks if you have them).")
        mapping = {column: course for column, course in FORMATS[name].items()
                   if column in table.columns}
    unknown = sorted(set(mapping.values()) - {*NEEDED, *OPTIONAL})
    if unknown:
        raise ImportFileError(f"{', '.join(unknown)} is not a column the baseline uses; map to "
                              f"{', '.join((*NEEDED, *OPTIONAL))}.")
    absent = [column for column in mapping if column not in table.columns]
    if absent:
        raise ImportFileError(f"The file has no column {', '.join(absent)}; its columns are "
                              f"{', '.join(map(str, table.columns))}.")
    missing = [course for course in NEEDED if course not in mapping.values()]
    if missing:
        raise ImportFileError(f"Map a column to {', '.join(missing)}: the baseline needs it.")
    posts = table[list(mapping)].rename(columns=mapping)
    counts = [column for column in posts.columns if column != "published_at"]
    numbers = posts[counts].apply(lambda column: pd.to_numeric(
        column.astype(str).str.replace(",", "").str.strip(), errors="coerce"))
    bad = [column for column in counts if numbers[column].isna().any()]
    if bad:
        raise ImportFileError(f"Some values of {', '.join(bad)} are not numbers; remove total or "
                              "empty rows from the file and import it again.")
    if numbers["impressions"].sum() <= 0:
        raise ImportFileError("The file has no impressions, so no rate can be computed.")
    return posts.assign(**numbers)
