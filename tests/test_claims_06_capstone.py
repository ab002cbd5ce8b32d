"""Every number and comparison that lesson 06 (and the closing note of its instructor notes) states
in prose, checked against the course data and Lumen's example plan: a change that falsifies a
sentence fails here, naming the sentence."""

import json
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from smcourse import assessment, data, metrics, plan, plan_import

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "course" / "06_capstone_strategy_plan.ipynb"
NOTES = ROOT / "course" / "instructor" / "06_capstone_strategy_plan.md"
RECALL = ("2025-09-08", "2025-09-28")
LUMEN = plan.example_plan()
OLD_ROTA = plan.Community(days=6, opens="08:00", closes="18:00")


def _text(path: Path) -> str:
    if path.suffix == ".md":
        return re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return re.sub(r"\s+", " ", " ".join("".join(cell["source"]) for cell in cells))


@cache
def _lumen():
    return metrics.brand_posts_and_comments(data.load("posts"), data.load("comments"), "lumen")


def _baseline(exclude=None):
    return plan_import.baseline(*_lumen(), exclude)


def _waits(team):
    return plan_import.inbox_waits(_lumen()[1]["created_at"], team, 4)


def _arrivals():
    local = _lumen()[1]["created_at"]
    return local.dt.hour, local.dt.day_of_week


def _weekly_comments():
    created = _lumen()[1]["created_at"].dt.tz_localize(None)
    return created.groupby(created.dt.to_period("W")).size()


def _share_of_impressions(platform):
    posts = _lumen()[0]
    return posts.loc[posts["platform"] == platform, "impressions"].sum() / posts["impressions"].sum()


def _click_rate(platform):
    return metrics.performance_by(_lumen()[0], "platform").loc[platform, "click_through_rate"] * 100


def _clicks():
    return plan_import.expected_per_week(_lumen()[0], LUMEN, "clicks")


def _instagram_rate():
    """Lumen's pooled Instagram engagement rate without the recall weeks, as every baseline is."""
    instagram = _lumen()[0][_lumen()[0]["platform"] == "instagram"]
    return plan_import.baseline(instagram, exclude=RECALL)["engagement_rate"]


def _lumen_scores():
    indicators = metrics.activity_indicators(data.load("posts"), data.load("comments"))
    return assessment.behaviour_scores(indicators).loc["lumen"].dropna()


def _needed():
    return LUMEN.calendar_hours() + LUMEN.community.staffed_hours + LUMEN.budget.other_hours


CLAIMS = {
    "the median wait over the whole year (6.5 hours) is shorter than in an ordinary week (9.4 hours)":
        lambda: f"{_baseline()['response_time']:.1f}" == "6.5"
        and f"{_baseline(RECALL)['response_time']:.1f}" == "9.4",
    "pulls positive sentiment down from 44.3% to 41.3%":
        lambda: f"{_baseline(RECALL)['positive_sentiment']:.1f}" == "44.3"
        and f"{_baseline()['positive_sentiment']:.1f}" == "41.3",
    "TikTok views were 58% of Lumen's impressions in 2025 and Instagram's another 34%":
        lambda: round(_share_of_impressions("tiktok") * 100) == 58
        and round(_share_of_impressions("instagram") * 100) == 34,
    "About 31 clicks a week, the same as 2025":
        lambda: round(_clicks().sum()) == 31
        and round(_lumen()[0].query("mode == 'broadcast'")["clicks"].sum() / 52) == 31,
    "X's readers clicked 1.35% of what they saw and Facebook's 1.02%, against 0.08% on Instagram and "
    "0.07% on TikTok":
        lambda: [f"{_click_rate(p):.2f}" for p in ("x", "facebook", "instagram", "tiktok")]
        == ["1.35", "1.02", "0.08", "0.07"],
    "Half of Lumen's comments in 2025 arrived before 08:00 or after 18:00, and one in seven on a "
    "Sunday":
        lambda: round(((_arrivals()[0] < 8) | (_arrivals()[0] >= 18)).mean(), 2) == 0.50
        and round(1 / (_arrivals()[1] == 6).mean()) == 7,
    "most people would wait almost ten clock hours":
        lambda: 9.5 <= _waits(OLD_ROTA).median() < 10,
    "The replay gives a median wait of 3 hours, which is where the response-time target of 4 hours "
    "comes from":
        lambda: round(_waits(LUMEN.community).median()) == 3
        and LUMEN.objectives[2].target == "4" and LUMEN.objectives[2].metric == "response_time",
    "Lumen receives about 32 comments a week on average (at most 40 in four weeks out of five)":
        lambda: round(_weekly_comments().mean()) == 32 and (_weekly_comments() <= 40).mean() >= 0.8
        and LUMEN.community.messages_per_week == 40,
    "Instagram (721 comments in 2025) and TikTok (575) most of all":
        lambda: _lumen()[1]["platform"].value_counts().head(2).to_dict()
        == {"instagram": 721, "tiktok": 575}
        and all(c.response_hours == "4" for c in LUMEN.channels if c.name in ("Instagram", "TikTok")),
    "recall brought 167 comments in its first week, five times an ordinary week":
        lambda: _weekly_comments().max() == 167
        and round(167 / _weekly_comments().median()) == 5,
    "monitoring mentions (Lumen gets about 25 a week)":
        lambda: round((data.load("mentions")["brand"] == "lumen").sum() / (365 / 7)) == 25,
    "against its budget of 32": lambda: LUMEN.budget.people_hours == 32,
    "31.3 hours in all against 32 budgeted": lambda: f"{_needed():.1f}" == "31.3",
    "Paid promotion (200 USD a month)":
        lambda: LUMEN.budget.paid_per_month == 200 and LUMEN.budget.currency == "USD",
    "a recall week needs about three times the usual inbox hours":
        lambda: round((167 * LUMEN.community.minutes_per_reply / 60 + 7 * 15 * 10 / 60)
                      / LUMEN.community.staffed_hours) == 3,
    "5 posts a week × 4 weeks × 40% = 8 questions a month on Facebook":
        lambda: next(c for c in LUMEN.channels if c.name == "Facebook").posts == 5
        and next(c for c in LUMEN.channels if c.name == "Facebook").mix["Ask the roaster"] == 40,
    "YouTube appears twice in six weeks, a month apart, and the newsletter three times":
        lambda: pd.Series([e.channel for e in plan.calendar(LUMEN)]).value_counts()[
            ["YouTube", "Email newsletter"]].tolist() == [2, 3],
    "the plan starts on 4 January 2027": lambda: LUMEN.start == "2027-01-04",
    "Lumen's lowest with evidence behind it is commitment (4.3), so its plan names commitment as the "
    "weakest and its commitment action is due on the first day":
        lambda: _lumen_scores().idxmin() == LUMEN.weakest == "commitment"
        and f"{_lumen_scores().min():.1f}" == "4.3"
        and LUMEN.actions["commitment"].due == LUMEN.start,
    "two community leads look in at 07:00, 11:00, 15:00 and 19:00 every day":
        lambda: LUMEN.community.days == 7 and sorted(set(
            plan_import.inbox_waits(pd.Series(pd.date_range("2027-01-04", periods=24 * 60, freq="min")),
                                    LUMEN.community, 4).loc[lambda waits: waits == 0].index // 60))
        == [7, 11, 15, 19],
    "0.7 hours a week of slack would not absorb a week like the recall's":
        lambda: f"{LUMEN.budget.people_hours - _needed():.1f}" == "0.7"
        and 167 * LUMEN.community.minutes_per_reply / 60 > LUMEN.budget.people_hours - _needed()
        + LUMEN.community.staffed_hours - LUMEN.community.hours_needed(4),
}

NOTES_CLAIMS = {
    "engagement on Instagram 3.70% by impressions":
        lambda: f"{_instagram_rate():.2f}" == "3.70" and LUMEN.objectives[0].baseline == "3.70",
    "86.65% of questions answered, 44.28% positive comments":
        lambda: [f"{_baseline(RECALL)[m]:.2f}" for m in ("questions_answered", "positive_sentiment")]
        == ["86.65", "44.28"],
    "on 8 staffed hours a week (6.7 needed for 40 comments a week)":
        lambda: f"{LUMEN.community.hours_needed(4):.1f}" == "6.7" and LUMEN.community.staffed_hours == 8,
    "replaying 2025's comments on that rota gives a median wait of 3 hours, where a Monday to "
    "Saturday, 08:00 to 18:00 inbox would give 9.8":
        lambda: round(_waits(LUMEN.community).median()) == 3 and f"{_waits(OLD_ROTA).median():.1f}" == "9.8",
    "need 31.3 of the 32 budgeted people hours": lambda: f"{_needed():.1f}" == "31.3",
    "the median wait looks three hours shorter than an ordinary week's":
        lambda: round(_baseline(RECALL)["response_time"] - _baseline()["response_time"]) == 3,
    "0.7 hours of slack": lambda: f"{LUMEN.budget.people_hours - _needed():.1f}" == "0.7",
}


def test_the_example_plan_passes_every_check():
    assert plan.check(LUMEN) == []


@pytest.mark.parametrize("sentence", CLAIMS)
def test_the_lesson_says_it(sentence):
    assert sentence in _text(LESSON)


@pytest.mark.parametrize("sentence", CLAIMS)
def test_the_data_agrees(sentence):
    assert CLAIMS[sentence](), sentence


@pytest.mark.parametrize("sentence", NOTES_CLAIMS)
def test_the_instructor_notes_say_it_and_the_data_agrees(sentence):
    assert sentence in _text(NOTES)
    assert NOTES_CLAIMS[sentence](), sentence
