"""How the case data compare with published benchmarks: the figures, computed from the CSVs.

`datasets/calibration.json` is the one place that records, for each calibrated figure, the
published value or range, its sources and how their definitions differ. `figures()` computes the
same figures from the course tables (Lumen's feed posts and accounts in 2025), `check()` lists any
figure that has left its range, and `render_table()` writes the table the data card shows
(`python -m smcourse.core.calibration` rewrites it in `datasets/README.md`; a test keeps them equal).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from smcourse.core import data, generate, metrics
from smcourse.core.errors import SmcourseError

BRAND = "lumen"
START, END = "<!-- calibration:start -->", "<!-- calibration:end -->"
MAX_SPREAD = 3  # published values further apart than this validate no band


def load_table(directory: Path | None = None) -> dict:
    """The calibration record: {"sources": {...}, "figures": [...]}."""
    path = (directory or data.datasets_dir()) / "calibration.json"
    if not path.is_file():
        raise SmcourseError(f"{path} is missing: the datasets folder needs its calibration.json.")
    return json.loads(path.read_text(encoding="utf-8"))


def figures(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Every calibrated figure, keyed `<measure>.<platform or brand>`, computed from the tables."""
    posts, followers = tables["posts"], tables["followers"]
    feed = metrics.feed_posts(posts[posts["brand"] == BRAND])
    by_platform = feed.groupby(feed["platform"].astype(str))
    totals = by_platform[["impressions", "reach", "likes", "comments", "shares"]].sum()
    linked = feed[feed["content_type"].isin(generate.LINK_TYPES)]  # the posts the sources' CTRs count
    link_totals = linked.groupby(linked["platform"].astype(str))[["clicks", "impressions"]].sum()
    engaged = totals[["likes", "comments", "shares"]].sum(axis=1)
    per_follower = metrics.engagement_rate(feed, "followers", followers)
    reach = metrics.reach_rate(feed, followers)
    growth = metrics.follower_growth(followers[followers["brand"] == BRAND], by="platform")
    growth = growth.groupby(growth["platform"].astype(str))
    views = by_platform["impressions"]
    found = {
        "engagement_per_follower": per_follower.groupby(feed["platform"].astype(str)).median(),
        "engagement_per_impression": engaged / totals["impressions"],
        "engagement_per_impression_median_post": (
            feed[["likes", "comments", "shares"]].sum(axis=1) / feed["impressions"]
        ).groupby(feed["platform"].astype(str)).median(),
        "reach_per_follower": reach.groupby(feed["platform"].astype(str)).median(),
        "impressions_per_reach": totals["impressions"] / totals["reach"],
        "posts_per_week": by_platform.size() / (365 / 7),
        "comment_share": totals["comments"] / engaged,
        "share_share": totals["shares"] / engaged,
        "click_through": link_totals["clicks"] / link_totals["impressions"],
        "monthly_growth": growth["growth_rate"].median(),
        "monthly_churn": growth["churn_rate"].median(),
        "watched_share": metrics.watched_share(feed).groupby(feed["platform"].astype(str)).mean(),
        "views_p90_over_median": views.quantile(0.9) / views.median(),
        "views_top_sixth_share": views.apply(_top_sixth_share),
    }
    result = {f"{measure}.{key}": float(value) for measure, series in found.items()
              for key, value in series.dropna().items()}
    response = metrics.response_summary(tables["comments"], posts)
    answered = tables["comments"][tables["comments"]["answered"]]
    hours = metrics.response_hours(answered).groupby(
        answered["post_id"].map(posts.set_index("post_id")["brand"].astype(str))).mean()
    mentions = tables["mentions"]
    spam = metrics.likely_spam(mentions).groupby(mentions["brand"].astype(str)).mean()
    for brand in ("lumen", "beacon"):
        result[f"response_rate.{brand}"] = float(response.loc[brand, "response_rate"])
        result[f"mean_response_hours.{brand}"] = float(hours[brand])
        result[f"spam_share.{brand}"] = float(spam[brand])
    return result


def _top_sixth_share(views: pd.Series) -> float:
    """The share of all views that the most viewed sixth of the posts earned (a tail figure)."""
    ranked = views.sort_values(ascending=False)
    return ranked.iloc[:round(len(ranked) / 6)].sum() / ranked.sum()


def check(tables: dict[str, pd.DataFrame], record: dict | None = None) -> list[str]:
    """One line per figure that contradicts its record: an 'inside' or 'assumption' figure outside
    its band, an 'outside' figure that has moved inside (its explanation would be stale), an
    'inside' figure that breaks the status rule (`rule_breaks`), or a figure the record names that
    the data cannot give."""
    record = record or load_table()
    values = figures(tables)
    problems = []
    for entry in record["figures"]:
        key, low, high = entry["id"], entry["low"], entry["high"]
        if key not in values:
            problems.append(f"{key}: the data give no such figure")
            continue
        if entry["status"] == "inside" and (reason := rule_breaks(entry, record["sources"])):
            problems.append(f"{key}: marked inside, but {reason}")
        inside = low <= values[key] <= high
        if inside != (entry["status"] != "outside"):
            problems.append(f"{key} = {values[key]:.4g}, band {low:g} to {high:g}, "
                            f"status {entry['status']}")
    return problems


def rule_breaks(entry: dict, sources: dict) -> str:
    """Why a figure cannot be 'inside' (empty if it can): it names no source, a source marked
    weak, or published values that disagree more than threefold (high above three times low)."""
    if not entry["sources"]:
        return "it names no source"
    weak = [name for name in entry["sources"] if sources[name].get("weak")]
    if weak:
        return f"{', '.join(weak)} is marked weak"
    if entry["high"] > MAX_SPREAD * entry["low"]:
        return f"its sources disagree more than {MAX_SPREAD}-fold"
    return ""


def _format(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{100 * value:.2f} %" if value < 0.1 else f"{100 * value:.1f} %"
    if unit == "hours":
        return f"{value:.1f} h"
    return f"{value:.2f}"


def render_table(tables: dict[str, pd.DataFrame], record: dict | None = None) -> str:
    """The data card's calibration table as Markdown (one row per figure, sources below)."""
    record = record or load_table()
    values = figures(tables)
    lines = ["| figure | in the data | published | accepted band | status | sources "
             "| definitions and notes |", "|---|---:|---|---|---|---|---|"]
    for entry in record["figures"]:
        unit = entry["unit"]
        band = f"{_format(entry['low'], unit)} to {_format(entry['high'], unit)}"
        lines.append(f"| {entry['figure']} | {_format(values[entry['id']], unit)} | "
                     f"{entry['published']} | {band} | {entry['status']} | "
                     f"{', '.join(entry['sources']) or 'none found'} | {entry['note']} |")
    lines += ["", "Sources (publisher, title, date, where we read it):", ""]
    for key, source in record["sources"].items():
        lines.append(f"- **{key}**: {source['publisher']}, *{source['title']}*, {source['date']}. "
                     f"<{source['url']}>{(' ' + source['note']) if source.get('note') else ''}"
                     f"{(' **Weak source:** ' + source['weak'] + '.') if source.get('weak') else ''}")
    return "\n".join(lines)


def write_card(directory: Path | None = None) -> Path:
    """Rewrite the calibration section of the data card from the record and the CSVs."""
    directory = directory or data.datasets_dir()
    card = directory / "README.md"
    text = card.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SmcourseError(f"{card} has no {START} ... {END} section to fill.")
    tables = {name: data.load(name, directory) for name in data.TABLES}
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    card.write_text(f"{head}{START}\n{render_table(tables, load_table(directory))}\n{END}{tail}",
                    encoding="utf-8")
    return card


if __name__ == "__main__":  # python -m smcourse.core.calibration
    sys.stdout.write(f"rewrote {write_card()}\n")
