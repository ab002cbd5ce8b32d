"""Every number and comparison that lesson 00 states, and every statement it makes about the files the
kit writes, checked against the data and the code: a change that falsifies a sentence fails here."""

import json
import re
from functools import cache
from pathlib import Path

from claims import says_and_agrees, text_of

from smcourse.core import answer_file, attempts, calibration, data, metrics, plan, plan_export
from smcourse.core.practice import Choice

COURSE = Path(__file__).resolve().parents[1] / "course"
LESSON = COURSE / "00_welcome.ipynb"


@cache
def _table(name):
    return data.load(name)


def _brand(name):
    posts = _table("posts")
    return posts[posts["brand"] == name]


def _follower_ratio(day):
    followers = _table("followers")
    totals = followers[followers["date"] == day].groupby("brand", observed=True)["followers"].sum()
    return round(totals["beacon"] / totals["lumen"], 1)


def _month_end_totals():
    return metrics.follower_accounts_at_month_ends(_table("followers")).pivot(
        index="date", columns="brand", values="followers")


def _gain_by_platform(brand):
    followers = _table("followers")
    own = followers[followers["brand"] == brand].sort_values("date")
    by_platform = own.groupby("platform", observed=True)["followers"]
    return by_platform.last() - by_platform.first()


def _monthly_gain(month):
    return _month_end_totals()["lumen"].diff().loc[f"2025-{month:02d}"].iloc[0]


def _recall_start():
    lumen = _table("mentions")[_table("mentions")["brand"] == "lumen"]
    daily = lumen.groupby(lumen["created_at"].dt.strftime("%Y-%m-%d")).size()
    return daily[daily > 5 * daily.median()].index[0]


def _lumen_promotions():
    return metrics.feed_posts(_brand("lumen"))["content_type"] == "promotional"


def _lesson_minutes():
    return [int(re.search(r"\*About (\d+) minutes", text_of(path)).group(1))
            for path in sorted(COURSE.glob("[0-9][0-9]_*.ipynb"))]


CLAIMS = {
    "Its volume, about 21 feed posts a week":
        lambda: round(len(metrics.feed_posts(_brand("lumen"))) / 52) == 21,
    "accounts on Instagram, Facebook, X, LinkedIn, YouTube and TikTok":
        lambda: set(_brand("lumen")["platform"].astype(str))
        == {"instagram", "facebook", "x", "linkedin", "youtube", "tiktok"},
    "Beacon had about 2.4 times Lumen's total on 1 January 2025 and about 1.9 times on 31 December":
        lambda: (_follower_ratio("2025-01-01"), _follower_ratio("2025-12-31")) == (2.4, 1.9),
    "Beacon publishes about 62 % as many posts as Lumen (86 % counting feed posts only, since it rarely "
    "replies)":
        lambda: round(len(_brand("beacon")) / len(_brand("lumen")), 2) == 0.62
        and round(len(metrics.feed_posts(_brand("beacon")))
                  / len(metrics.feed_posts(_brand("lumen"))), 2) == 0.86
        and (_brand("beacon")["mode"] == "reply").mean() < 0.05,
    "mostly promotions, all published in one batch between 9 and 10 a.m.":
        lambda: (_brand("beacon")["content_type"] == "promotional").mean() > 0.5
        and (_brand("beacon")["published_at"].dt.hour == 9).all(),
    "(from 8 September)": lambda: _recall_start() == "2025-09-08",
    "(a reply is its own type)": lambda: "reply" in set(_table("posts")["content_type"].astype(str)),
    "module 3's twelve statements, with its score on each of the four dimensions":
        lambda: len([c for c in _table("survey") if re.fullmatch(r"[a-z]+_\d", c)]) == 12
        and {c.split("_")[0] for c in _table("survey") if re.fullmatch(r"[a-z]+_\d", c)}
        <= set(_table("survey").columns) and len(
            {c.split("_")[0] for c in _table("survey") if re.fullmatch(r"[a-z]+_\d", c)}) == 4,
    "in five tables": lambda: len(data.TABLES) == 5,
    "most take 50 to 90 minutes":
        lambda: sum(50 <= m <= 90 for m in _lesson_minutes()) > len(_lesson_minutes()) / 2,
    "Beacon grows from about 37,000 to 42,000; Lumen from about 16,000 to 22,000":
        lambda: _month_end_totals().iloc[[0, -1]].round(-3).to_dict("list")
        == {"lumen": [16000, 22000], "beacon": [37000, 42000]},
    "most of the gain on TikTok":
        lambda: _gain_by_platform("lumen")["tiktok"] > _gain_by_platform("lumen").sum() / 2,
    "about one feed post in four (23 %, about five a week) pushes a product":
        lambda: round(_lumen_promotions().mean(), 2) == 0.23
        and round(_lumen_promotions().sum() / (365 / 7)) == 5,
    "checked against published benchmarks where they exist (organic reach, engagement per follower and "
    "per view, posting volumes, growth by platform)":
        lambda: all(any(e["id"].startswith(f"{measure}.") and e["sources"]
                        for e in calibration.load_table()["figures"])
                    for measure in ("reach_per_follower", "engagement_per_follower",
                                    "engagement_per_impression", "posts_per_week", "monthly_growth"))
        and not any(e["sources"] for e in calibration.load_table()["figures"]
                    if e["id"].startswith("monthly_churn.")),
    "The table of posts per platform has two columns per brand: feed posts (broadcast) and replies.":
        lambda: _table("posts").pivot_table(index="platform", columns=["brand", "mode"], values="post_id",
                                            aggfunc="count", observed=True).columns.tolist()
        == [(brand, mode) for brand in ("lumen", "beacon") for mode in ("broadcast", "reply")],
    '# or "followers" or "mentions": these have a brand column table.groupby("brand").size() '
    '# "comments" and "survey" have none':
        lambda: all("brand" in _table(name).columns for name in ("posts", "followers", "mentions"))
        and not any("brand" in _table(name).columns for name in ("comments", "survey")),
    "Of the 67 figures in the data card's calibration table, 8 sit inside a published range, 7 sit outside, "
    "on purpose or as known limits, and the other 52 are our assumptions":
        lambda: [sum(e["status"] == status for e in calibration.load_table()["figures"])
                 for status in ("inside", "outside", "assumption")] == [8, 7, 52],
    "Lumen's 400 rows on TikTok are 272 clips and 128 replies, and its 20 on YouTube are 12 videos (one a "
    "month) and 8 replies":
        lambda: all(_brand("lumen")[_brand("lumen")["platform"] == platform]["mode"].astype(str)
                    .value_counts().to_dict() == counts
                    for platform, counts in {"tiktok": {"broadcast": 272, "reply": 128},
                                             "youtube": {"broadcast": 12, "reply": 8}}.items()),
    "less in September than in August or October": lambda: _monthly_gain(9) < min(_monthly_gain(8),
                                                                                   _monthly_gain(10)),
}


test_the_lesson_says_it, test_the_data_agrees = says_and_agrees(LESSON, CLAIMS)


def test_the_files_the_lesson_names_are_the_files_the_kit_writes():
    text = text_of(LESSON)
    assert f"`{attempts.LOG_FOLDER}/{attempts.LOG_NAME}`" in text
    assert f"`{answer_file.FILE}`" in text
    plan_file = re.search(r'PLAN_FILE = "([^"]+)"', text_of(COURSE / "06_capstone_strategy_plan.ipynb"))
    assert f"`{plan_file.group(1)}`" in text
    assert f"`%env {attempts.SWITCH}=off`" in text


def test_a_practice_check_writes_the_line_the_lesson_describes(tmp_path, monkeypatch):
    """One line per Check, holding what the lesson's file table lists, and none once switched off."""
    question = Choice("Which?", options=["a", "b"], answer="a", name="which")
    monkeypatch.delenv(attempts.SWITCH, raising=False)
    path = attempts.record(question, "check", "incorrect", "b", folder=tmp_path)
    line = json.loads(path.read_text(encoding="utf-8"))
    assert path == tmp_path / ".smcourse" / "attempts.jsonl"
    assert set(line) == {"time", "lesson", "question", "kind", "event", "status", "answer"}
    assert (line["event"], line["status"], line["answer"]) == ("check", "incorrect", "b")
    monkeypatch.setenv(attempts.SWITCH, "off")
    assert attempts.record(question, "hint", folder=tmp_path) is None
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1


def test_export_adds_the_copies_the_lesson_names(tmp_path):
    saved = tmp_path / "my_strategy.plan.json"
    written = plan_export.export(plan.example_plan(), saved)
    names = sorted(path.name.removeprefix("my_strategy.plan") for path in written)
    assert names == [".calendar.csv", ".calendar.ics", ".director.docx", ".director.html",
                     ".director.letter.html", ".director.md", ".docx", ".html", ".letter.html", ".md",
                     ".staff.docx", ".staff.html", ".staff.letter.html", ".staff.md"]
    assert all(path.parent == tmp_path for path in written)
