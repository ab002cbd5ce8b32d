"""Does the capstone plan find what is missing or unworkable, build its calendar, and survive a
save (including a file saved by the previous version of the builder)?"""

import dataclasses
import datetime as dt
import json
import re
from collections import Counter

import pandas as pd
import pytest
from capstone_reference import (
    HOLLOW_CRISIS_AND_ASK,
    HOLLOW_TEXTS,
    SITUATION_AND_REASONS,
    quarter_filled,
    reference_plan,
    scripted_copy,
    with_dictionary_words,
    with_each_number_reshaped,
    with_everything_renamed_and_rewritten,
    with_everything_scaled_and_moved,
    with_hollow_crisis_and_ask,
    with_hollow_texts,
    with_invented_cake_orders,
    with_invented_rate,
    with_lumen_s_policies_garbled,
    with_lumen_s_policies_moved,
    with_lumen_s_policies_padded,
    with_lumen_s_policies_pasted,
    with_lumen_s_policies_reordered,
    with_new_people,
    with_numbers_doubled_and_texts_garbled,
    with_numbers_nudged,
    with_numbers_pushed_and_word_salad,
    with_one_line_policies,
    with_one_objective_and_word_salad,
    with_placeholder_texts,
    with_sixth_reader_changes,
    with_texts_cut_and_numbers_pushed,
    with_texts_replaced,
    with_texts_reversed,
    with_themes_and_readers,
)

from smcourse.core import data, metrics, plan, plan_export, plan_import
from smcourse.core.plan import PARTS, Action, Channel, Goal, Objective, Persona, Plan
from smcourse.core.plan_import import baseline, weekly


def _messages(a_plan, part=None, level=None):
    return [issue.message for issue in plan.check(a_plan)
            if (part is None or issue.part == part) and (level is None or issue.level == level)]


def _voice_unwritten(a_plan):
    """The fixes of `a_plan`'s voice but the one asking what it never does (`plan.VOICE_LIMIT`):
    what the tests of a written text read."""
    return [message for message in _messages(a_plan, "voice")
            if not message.startswith("Say what your voice never does")]


def _example(**changes):
    return dataclasses.replace(plan.example_plan(), **changes)


def _with_channel(name, **changes):
    """Lumen's plan with one channel changed."""
    lumen = plan.example_plan()
    lumen.channels = [dataclasses.replace(c, **changes) if c.name == name else c
                      for c in lumen.channels]
    return lumen


# --- the worked example is workable -------------------------------------------------------------

def test_the_worked_example_has_nothing_missing_or_unworkable():
    assert plan.check(plan.example_plan()) == []


RECALL = plan_import.RECALL


def test_the_worked_example_baselines_are_the_course_data_or_labelled_as_lumen_s_records():
    """Outside the recall weeks: response time as the mean of its weekly medians (the way its target
    is judged), the other rates pooled, clicks and every spread week by week; a
    business count the course data cannot give says that it is Lumen's own (invented) record."""
    posts, comments = data.load("posts"), data.load("comments")
    lumen = posts[posts["brand"] == "lumen"]
    replies = comments[comments["post_id"].isin(lumen["post_id"])]
    computed = baseline(lumen, replies, RECALL)
    weeks = weekly(lumen, replies, RECALL)
    spreads = weeks.std()
    mentions = data.load("mentions").query("brand == 'lumen'")
    mentions = mentions[~mentions["created_at"].dt.strftime("%Y-%m-%d").between(*RECALL)]
    mentions = mentions[~metrics.likely_spam(mentions)]
    monthly = mentions.groupby(mentions["created_at"].dt.strftime("%Y-%m"))["brand_replied"].mean()
    for objective in plan.example_plan().objectives:
        if objective.source.endswith("metrics.mention_reply_share"):
            assert "without the recall weeks" in objective.source
            days = 365 - len(pd.date_range(*RECALL))  # the year outside the recall's days
            assert objective.source.startswith(
                f"the course data: {len(mentions) / days * 365 / 12:.0f} mentions a month in 2025 "
                "without")
            assert float(objective.baseline) == round(mentions["brand_replied"].mean() * 100)
            assert objective.spread == f"{monthly.std() * 100:.1f}"
            assert f"Lumen joined {objective.baseline}%" in objective.reason
            continue
        if objective.metric not in computed:
            assert objective.reason.startswith("Lumen's own records (assumed)")
            continue
        expected = (weeks[objective.metric].mean() if "weekly medians" in objective.source
                    else computed[objective.metric])
        assert float(objective.baseline) == pytest.approx(expected, abs=0.5)
        assert float(objective.spread) == pytest.approx(spreads[objective.metric], abs=0.5)


def test_the_worked_example_channels_include_threads_and_free_local_ones():
    names = plan.example_plan().channel_names()
    assert {"Threads", "Google Business Profile"} <= set(names)


def test_an_empty_plan_asks_for_every_part():
    issues = plan.check(Plan())
    assert {issue.part for issue in issues} == set(plan.PARTS)
    assert all(issue.where for issue in issues)
    assert [issue.where for issue in issues if issue.level != "fix"] == ["crisis.account_security"]


# --- the six checks of workability, each with a breaking plan ----------------------------------

def test_a_target_worse_than_its_baseline_is_refused_in_the_metric_s_own_direction():
    lumen = plan.example_plan()
    lumen.objectives[0] = dataclasses.replace(lumen.objectives[0], baseline="45", target="40")
    lumen.objectives[3] = dataclasses.replace(lumen.objectives[3], baseline="8", target="9.5")
    issues = [i for i in plan.check(lumen) if i.part == "objectives"]
    assert [(i.where, i.message) for i in issues] == [
        ("objectives[1].target", "The target of objective 1 (40 repeat orders a month) is below "
                                 "its baseline (45 repeat orders a month), and an own metric is "
                                 "judged as something you want more of: count what you want more "
                                 "of (complaints resolved the same day, not complaints; orders "
                                 "ready on time, not late orders), with a target above its "
                                 "baseline."),
        ("objectives[4].target", "The target of objective 4 (9.5 hours) is worse than its "
                                 "baseline (8 hours): Median response time should go down.")]


@pytest.mark.parametrize("unit, target, refused", [
    ("% of orders a month", "104", True), ("% of orders a month", "100", False),
    ("% growth a month", "104", False)])
def test_an_own_share_cannot_pass_100_percent(unit, target, refused):
    """Reader 108: an own metric in "% of orders" took a target of 104%."""
    lumen = plan.example_plan()
    lumen.objectives[0] = dataclasses.replace(lumen.objectives[0], metric="Orders from social", unit=unit,
                                              baseline="60", target=target)
    found = [issue.message for issue in plan.check(lumen) if issue.where == "objectives[1].target"]
    assert (f"A target of {target}% of orders a month for Orders from social is outside a sensible range (0 "
            "to 100% of orders a month): a share of a whole runs from 0 to 100%." in found) == refused


@pytest.mark.parametrize("number, field, typed, expected", [
    (4, "by", "2025-12-31", "The date of objective 4 (Median response time) (2025-12-31) is before "
                            "the plan starts (2027-01-04)."),
    (4, "by", "end of June", "The date of objective 4 (Median response time) (“end of June”) is "
                             "not a date written YYYY-MM-DD."),
    (4, "by", "", "Give objective 4 (Median response time) a date (YYYY-MM-DD)."),
    (2, "spread", "a lot", "The spread of objective 2 (“a lot”) is not a number of orders a month."),
    (2, "periods", "2.5", "The months objective 2 is averaged over (“2.5”) should be a whole "
                          "number, 1 or more."),
    (2, "periods", "0", "The months objective 2 is averaged over (“0”) should be a whole number, "
                        "1 or more.")])
def test_an_objective_s_date_spread_or_periods_mistyped_is_named(number, field, typed, expected):
    """A date checked against the plan's own start; a spread or periods that are not numbers."""
    lumen = plan.example_plan()
    lumen.objectives[number - 1] = dataclasses.replace(lumen.objectives[number - 1],
                                                       **{field: typed})
    assert _messages(lumen, "objectives") == [expected]


def test_an_action_due_before_the_start_and_a_report_after_the_deadline_are_out_of_order():
    lumen = plan.example_plan()
    lumen.actions["presences"] = dataclasses.replace(lumen.actions["presences"], due="2025-11-01")
    lumen.reporting = dataclasses.replace(lumen.reporting, first="2027-04-05")
    assert _messages(lumen, "actions", "fix") == [
        "The date of the presences action (2025-11-01) is before the plan starts (2027-01-04)."]
    assert _messages(lumen, "reporting") == [
        "The first report (2027-04-05) comes after the earliest objective's date (2027-03-31): you "
        "would learn you missed it too late."]


def test_the_same_dates_pass_when_the_plan_starts_earlier():
    lumen = _example(start="2025-10-01")
    lumen.actions["presences"] = dataclasses.replace(lumen.actions["presences"], due="2025-11-01")
    assert _messages(lumen, level="fix") == []


def test_staffed_hours_that_cannot_keep_the_promise_are_unworkable():
    """The old example: answers within two hours, 7:00 to 19:00, seven days, on four hours."""
    lumen = plan.example_plan()
    lumen.community = dataclasses.replace(lumen.community, days=7, opens="07:00", closes="19:00",
                                          staffed_hours=4)
    lumen.channels = [dataclasses.replace(c, response_hours="2") if c.name == "Instagram" else c
                      for c in lumen.channels]
    issues = [i for i in plan.check(lumen) if i.part == "community" and i.where != "community.rota"]
    assert [(i.where, i.message) for i in issues] == [(
        "community.staffed_hours",
        "4 staffed hours a week cannot keep a 2-hour promise from 07:00 to 19:00 on 7 days with 77 "
        "messages a week: it takes about 12.1 hours of looks and replies.")]


def test_the_staffing_arithmetic():
    team = plan.Community(days=5, opens="09:00", closes="17:00", messages_per_week=45,
                          dms_per_week=15, minutes_per_reply=4)
    # (45 comments + 15 DMs) × 4 min = 4 h of replies; 8 h open / 4 h promise = 2 looks a day
    # × 5 days × 10 min
    assert team.hours_needed(4) == pytest.approx(4 + 10 * 10 / 60)
    assert plan.Community(opens="18:00", closes="08:00").hours_needed(4) is None


def test_a_budget_below_the_hours_the_calendar_and_inbox_need_is_unworkable():
    lumen = plan.example_plan()
    lumen.budget = dataclasses.replace(lumen.budget, people_hours=4)
    assert [i.message for i in plan.check(lumen) if i.where == "budget.people_hours"] == [
        f"The budget has 4 people hours a week, but the calendar ({lumen.calendar_hours():.1f} h), "
        f"the inbox (10 h) and the other work (10.5 h) need {lumen.calendar_hours() + 20.5:.1f}."]


def test_a_budget_with_less_than_a_tenth_to_spare_is_unworkable():
    """37.8 hours needed: 38.5 leave 0.7 (2%), so the budget must be at least 41.6. The hours by
    person are split to match, each person's posts and looks within their hours."""
    lumen = plan.example_plan()
    needed = lumen.calendar_hours() + 20.5
    lumen.budget = dataclasses.replace(lumen.budget, people_hours=38.5, hours_by_person={
        "Sam": 12.5, "Ade": 15, "Jo": 4.5, "Head of marketing": 4, "Founder": 2.5})
    assert _messages(lumen, "budget") == [
        f"The budget's 38.5 people hours a week leave {38.5 - needed:.1f} free of the {needed:.1f} "
        "the plan needs, less than 10% for a busy week, a sick day or a slow post: budget at least "
        "41.6."]
    lumen.budget = dataclasses.replace(lumen.budget, people_hours=41.6, hours_by_person={
        "Sam": 15, "Ade": 15, "Jo": 5, "Head of marketing": 4, "Founder": 2.6})
    assert _messages(lumen, "budget") == []


def test_a_budget_without_the_work_beyond_posts_and_inbox_is_questioned():
    lumen = plan.example_plan()
    lumen.budget = dataclasses.replace(lumen.budget, other_work="", other_hours=0)
    assert _messages(lumen, "budget") == [
        "Posts and the inbox are not all the work: list the rest (monitoring, review replies, the "
        "report, paid promotion) and its hours."]


def test_the_calendar_hours_count_a_monthly_video_as_a_monthly_video():
    video = Channel("YouTube", "rented", "how-tos", 1, "month", {"guides": 100}, 520)
    assert Plan(channels=[video]).calendar_hours() == pytest.approx(520 / 60 * 12 / 52)


@pytest.mark.parametrize("mix, expected", [
    ({"Brewing at home": 50, "Behind the roaster": 30}, "The mix on TikTok adds up to 80%, not 100%."),
    ({"Brewing at home": 60, "Jokes": 40}, "The mix on TikTok uses “Jokes”, which is not one of "
                                           "your pillars."),
])
def test_each_channel_s_mix_must_add_up_over_named_pillars(mix, expected):
    assert _messages(_with_channel("TikTok", mix=mix), "channels") == [expected]


def test_a_channel_without_posts_needs_no_mix():
    assert plan.check(_with_channel("Review sites", mix={})) == []


def test_the_weakest_dimension_is_named_and_its_action_comes_first():
    assert [(i.level, i.where, i.message) for i in plan.check(_example(weakest="wisdom"))] == [
        ("fix", "weakest", "“wisdom” is not one of module 3's dimensions (planning, presences, "
                           "commitment, relationships).")]
    assert _messages(_example(weakest=""), "actions", "consider") == [
        "Which dimension did module 3's self-assessment score lowest? Name it, and start there."]
    assert _messages(_example(weakest="planning"), "actions", "consider") == [
        "The planning action, your weakest dimension, is not the first one due: consider starting "
        "there."]


def test_an_action_without_an_owner_is_reported_at_its_field():
    lumen = plan.example_plan()
    lumen.actions["commitment"] = dataclasses.replace(lumen.actions["commitment"], owner=" ")
    issues = [i for i in plan.check(lumen) if i.part == "actions"]
    assert [(i.where, i.message) for i in issues] == [
        ("actions.commitment.owner", "Who owns the commitment action? Name a person or a role.")]


# --- the other parts ----------------------------------------------------------------------------

def test_a_goal_needs_a_known_activity_and_a_reason():
    issues = _messages(_example(goals=[Goal("monitor"), Goal("sell", "revenue")]), "goals")
    assert issues == ["Say why you want to monitor: what should it change?",
                      "“sell” is not one of the four activities (monitor, communicate, connect, "
                      "collaborate)."]


def test_a_goal_no_objective_measures_is_a_fix():
    lumen = _example(objectives=[plan.example_plan().objectives[0]])
    assert _messages(lumen, "goals", "fix") == [
        "No objective tells you whether monitor works: measure it with median response time or "
        "positive sentiment, or a count of your own (introductions that led to a meeting a month, "
        "say) marked as measuring monitor, or drop the activity.",
        # newsletter sign-ups do not show ties with a few named people
        "No objective tells you whether connect works: measure it with median response time or "
        "questions answered, or a count of your own (introductions that led to a meeting a month, "
        "say) marked as measuring connect, or drop the activity."]


def test_an_own_count_measures_the_activity_it_is_marked_with():
    signups = plan.example_plan().objectives[0]
    lumen = _example(objectives=[signups, dataclasses.replace(signups, activity="connect"),
                                 dataclasses.replace(signups, activity="selling")])
    assert _messages(lumen, "goals", "fix") == [
        "No objective tells you whether monitor works: measure it with median response time or "
        "positive sentiment, or a count of your own (introductions that led to a meeting a month, "
        "say) marked as measuring monitor, or drop the activity."]
    assert _messages(lumen, "objectives") == [
        "“selling” is not one of the four activities (monitor, communicate, connect, "
        "collaborate)."]


def test_one_reason_given_for_three_objectives_of_different_metrics_is_a_template():
    """Spaces, case, punctuation and each objective's own metric name aside; a metric's
    milestones share their reason and count once, as Lumen's do."""
    objectives = plan.example_plan().objectives
    template = "We expect {} to grow because we will post more often and answer every message."
    metrics = list(dict.fromkeys(o.metric for o in objectives))[:3]
    firsts = [next(o for o in objectives if o.metric == metric) for metric in metrics]
    templated = [dataclasses.replace(o, reason=template.format(o.metric).upper() + "  !")
                 for o in firsts]
    found = [(i.where, i.message) for i in plan.check(_example(objectives=templated))
             if i.message.startswith("One reason")]
    assert found == [("objectives[1].reason", "One reason is given, near word for word, for 3 "
                      "objectives (objectives[1].reason, objectives[2].reason, "
                      "objectives[3].reason): say for each why its own metric should reach its "
                      "own target.")]
    two = [*templated[:2], dataclasses.replace(templated[0], target=str(
        float(templated[0].target) + 1))]  # two metrics, one with a milestone: not a template
    assert not [i for i in plan.check(_example(objectives=two)) if i.message.startswith("One reason")]
    assert not [i for i in plan.check(plan.example_plan()) if i.message.startswith("One reason")]


def test_a_plan_needs_two_channels_one_may_be_free():
    lumen = plan.example_plan()
    profile = next(c for c in lumen.channels if c.name == "Google Business Profile")
    message = ("Choose at least 2 channels, so that one platform's change of rules leaves you a "
               "way to reach people; one may be free, such as the Google Business Profile or an "
               "email list.")
    assert message in _messages(_example(channels=lumen.channels[:1]), "channels")
    assert message not in _messages(_example(channels=[lumen.channels[0], profile]), "channels")


# --- objectives measure what they name, beyond noise ----------------------------------------------

def test_an_outcome_measured_only_by_activity_on_the_platforms_needs_a_count_of_its_own():
    engagement = Objective("loyalty", "engagement_rate", "3.7", "4.5", "2027-06-30",
                           reason="Regulars who see more brewing posts will react to more of them",
                           spread="0.3", source="my_posts.csv, 6,000 impressions a week")
    others = [o for o in plan.example_plan().objectives if o.outcome != "loyalty"]
    lumen = _example(objectives=[engagement, *others])  # June's and December's loyalty counts gone
    assert [(i.where, i.message) for i in plan.check(lumen) if i.part == "objectives"] == [(
        "objectives[1].metric", "Objective 1 serves loyalty, but no objective counts loyalty "
        "itself: add a count of your own, such as repeat orders or returning customers a month "
        "(likes, views, clicks and comments count activity on the platforms, and posts published "
        "count your own effort).")]
    signups = plan.example_plan().objectives[0]
    assert _messages(_example(objectives=[engagement, signups]), "objectives") == []


@pytest.mark.parametrize("metric", ["response_time", "questions_answered"])
def test_how_fast_or_fully_customers_are_answered_counts_the_service_itself(metric):
    """Reader 82's clinic served its patients by answering them: a response-time or share-answered
    objective counts the service outcome, not activity on the platforms; for sales it does not."""
    lumen = plan.example_plan()
    service = [o for o in lumen.objectives if o.outcome == "service" and o.metric == metric][0]
    lumen.objectives = [o for o in lumen.objectives if o.outcome != "service"] + [service]
    assert not [i for i in plan.check(lumen) if "counts service itself" in i.message]
    assert plan.counts_platform_activity(dataclasses.replace(service, outcome="sales"))


def test_a_target_within_the_week_to_week_noise_is_refused():
    """Orders 30 -> 32 a month, where a month varies by 6."""
    lumen = plan.example_plan()
    orders = lumen.objectives[1]
    lumen.objectives[1] = dataclasses.replace(orders, target="32", periods="")
    assert _messages(lumen, "objectives") == [
        "The change objective 2 (Web-shop orders from unpaid social links or the SOCIAL code) aims "
        "for (2 orders a month) is within the noise: it moves by 6 orders a month from one month to "
        "the next, so one month can differ by 12 orders a month by chance. Aim further, or judge a "
        "mean over more months."]
    lumen.objectives[1] = dataclasses.replace(orders, target="36", periods="3")
    assert "can differ by 6.9 orders a month by chance" in _messages(lumen, "objectives")[0]
    lumen.objectives[1] = dataclasses.replace(orders, target="37", periods="3")
    assert _messages(lumen, "objectives") == []


def test_an_own_count_of_likes_views_or_clicks_does_not_count_the_outcome():
    """Renaming a platform metric as one's own count (engagement counted in likes, link clicks)
    or counting effort (posts published) leaves the outcome uncounted; a count whose unit is the
    outcome passes."""
    lumen = plan.example_plan()
    # the year-end sales count (after the second objective) left out, so objective 2 is the only one
    lumen.objectives = [o for i, o in enumerate(lumen.objectives) if i == 1 or o.outcome != "sales"]
    for metric, unit in (("Engagement on our posts", "likes a week"),
                         ("Link clicks from our posts", "clicks a week"),
                         ("Reel views", "views a month"),
                         ("Offer posts published", "posts a week")):
        lumen.objectives[1] = dataclasses.replace(plan.example_plan().objectives[1],
                                                  metric=metric, unit=unit)
        assert _messages(lumen, "objectives") == [
            "Objective 2 serves sales, but no objective counts sales itself: add a count of your "
            "own, such as web-shop orders or sales from social links a month (likes, views, clicks "
            "and comments count activity on the platforms, and posts published count your own "
            "effort)."], metric
    lumen.objectives[1] = dataclasses.replace(plan.example_plan().objectives[1],
                                              metric="Orders with the SOCIAL code")
    assert _messages(lumen, "objectives") == []
    for metric, unit in (("Messages and comments answered within 4 opening hours", "messages a month"),
                         ("E-bike test-ride requests by message, comment or the website form",
                          "requests a month")):  # reader 91: an outcome that arrives by comment
        lumen.objectives[1] = dataclasses.replace(plan.example_plan().objectives[1], metric=metric, unit=unit)
        assert not plan.counts_platform_activity(lumen.objectives[1]), metric


def test_a_target_needs_a_spread_and_a_baseline_its_source():
    """Without a spread the noise check would be skipped (31 -> 32 with no spread passed)."""
    lumen = plan.example_plan()
    lumen.objectives[1] = dataclasses.replace(lumen.objectives[1], target="31", spread="",
                                              source="")
    assert _messages(lumen, "objectives") == [
        "Say where the baseline of objective 2 comes from: the export file it was computed from, "
        "or your own records.",
        "Give the spread of objective 2: how much Web-shop orders from unpaid social links or the "
        "SOCIAL code moves from one month to the next in your data (compute it from your own "
        "records: the standard deviation of the monthly values), so that the target can be judged "
        "against chance."]


# --- cover for every staffed day, direct messages and a priced surge -------------------------------

def test_every_staffed_day_needs_someone_on_the_rota_and_a_deputy_for_days_off():
    lumen = plan.example_plan()
    lumen.community.rota = {day: name for day, name in lumen.community.rota.items()
                            if day not in ("Sat", "Sun")}
    lumen.community.deputy = ""
    assert [(i.where, i.message) for i in plan.check(lumen)] == [
        ("community.rota", "The rota names who answers on 5 days (Mon, Tue, Wed, Thu, Fri), but "
                           "the inbox is staffed 7 days a week: name who answers on each staffed "
                           "day and leave the closed days blank, or give the number of days the "
                           "rota covers (Community: days)."),
        ("community.deputy", "Name who covers days off, holidays and sickness, and what they "
                             "take on, so the promise holds all year, such as “Gemma takes the "
                             "looks when Priya or Ollie is on holiday or ill”.")]
    lumen.community.days = 5  # closed at weekends: the rest is what closed days do to Lumen's plan
    assert [i.where for i in plan.check(lumen) if i.level == "fix"] == ["community.deputy"]


def test_every_look_on_the_rota_falls_within_the_staffed_hours():
    lumen = plan.example_plan()
    assert lumen.community.closes == "19:30" and plan.check(lumen) == []  # the last look at 19
    lumen.community.rota["Sat"] = "Ade at 07 and 11, Jo at 15, 19 and 21:00"
    lumen.community.rota["Sun"] = "Ade at 06:45, 07 and 11, Jo at 15 and 19"
    assert [(i.where, i.message) for i in plan.check(lumen)] == [
        ("community.rota", "On Sat the rota has a look at 21:00, outside the staffed hours 07:00 "
                           "to 19:30: move the look, or change the hours and what the profiles "
                           "promise."),
        ("community.rota", "On Sun the rota has a look at 06:45, outside the staffed hours 07:00 "
                           "to 19:30: move the look, or change the hours and what the profiles "
                           "promise.")]
    lumen.community.closes = "22:00"
    assert [i.where for i in plan.check(lumen)] == ["community.rota"]  # 06:45 is still early
    lumen.community.opens = "06:30"
    # (its 06:30 and 22:00 checks are no longer the night's, and crowd the crisis side: asked there)
    assert [(i.where, i.message) for i in plan.check(lumen) if i.where != "crisis.escalation"] == [(
        "community.staffed_hours", "10 staffed hours a week cannot keep a 4-hour promise from 06:30 "
        "to 22:00 on 7 days with 77 messages a week: it takes about 10.1 hours of looks and replies.")]
    assert plan.timed_looks(lumen.community) == 30 and plan.timed_looks(plan.example_plan().community) == 28


@pytest.mark.parametrize("promise, closes, late, stretch", [
    ("2", "19:30", "Mon, Tue, Wed, Thu, Fri, Sat, Sun", "from 07:00 to 11:00"),
    ("4", "23:30", "Mon, Tue, Wed, Thu, Fri, Sat, Sun", "from 19:00 to 23:30"),
    ("4", "19:30", "Wed", "from 11:00 to 19:00")])
def test_the_rota_s_own_looks_must_keep_the_fastest_response_promise(promise, closes, late,
                                                                      stretch):
    """Lumen's rota looks every four hours from 07:00 and the inbox closes at 19:30: it keeps a
    4-hour promise, not a 2-hour one, nor a 4-hour one to 23:30 or on a day with a look missing,
    however many staffed hours are budgeted (and people hours, split by person to match)."""
    lumen = plan.example_plan()
    assert plan.check(lumen) == []
    lumen.community.closes, lumen.community.staffed_hours = closes, 14
    lumen.budget.people_hours = 50
    lumen.budget.hours_by_person = {"Sam": 20, "Ade": 18, "Jo": 8, "Head of marketing": 4}
    lumen.community.rota["Wed"] = ("Sam at 07 and 11, Ade at 19" if late == "Wed"
                                   else lumen.community.rota["Wed"])
    lumen.channels = [dataclasses.replace(c, response_hours=promise) if c.response_hours == "4"
                      else c for c in lumen.channels]
    assert [(i.level, i.where, i.message) for i in plan.check(lumen)] == [(
        "fix", "community.rota",
        f"The rota cannot keep the {promise}-hour response promise made on Instagram: on {late} "
        f"it leaves the inbox unread for more than {promise} hours (on {late[:3]} {stretch}). "
        "Add looks, or promise what the rota keeps.")]


def test_direct_messages_count_in_the_inbox_hours_and_are_asked_for():
    lumen = plan.example_plan()
    with_dms = lumen.community.hours_needed(4)
    lumen.community.dms_per_week = 0
    assert with_dms - lumen.community.hours_needed(4) == pytest.approx(15 * 4 / 60)
    assert [(i.level, i.where) for i in plan.check(lumen)] == [
        ("consider", "community.dms_per_week")]


def test_a_surge_contingency_must_be_priced():
    lumen = plan.example_plan()
    lumen.budget = dataclasses.replace(lumen.budget, surge="")
    assert _messages(lumen, "budget") == [
        "Say how the contingency of 16000 USD is worked out: extra hours, weeks and cost an hour."]
    lumen.budget = dataclasses.replace(lumen.budget, contingency=0)
    assert _messages(lumen, "budget") == [
        "Price a contingency for a surge (a crisis or a post gone viral): the extra hours a surge "
        "week takes, for how many weeks, at what cost an hour."]


# --- a copy of Lumen's plan is found by its strategy, not its name or its prose -------------------

def test_lumen_s_plan_under_another_name_is_a_copy():
    renamed = _example(organisation="Harbour Street Café", voice="Bookish and kind.",
                       start="2027-02-01")
    assert plan.example_similarity(plan.example_plan()) == 1
    assert plan.copies_example(renamed)


def test_lumen_s_plan_renamed_with_its_texts_reversed_is_still_a_copy():
    """The fourth reader's evasion: the organisation renamed and the words and sentences of every
    text in reverse order (0.198 under the old, prose-weighted fingerprint)."""
    lumen = with_texts_reversed(_example(organisation="Harbour Street Café"))
    assert lumen.voice.startswith("roaster. another") and lumen.community.rota["Mon"].startswith("19 and 15")
    assert plan.example_similarity(lumen) > 0.9 and plan.copies_example(lumen)


def test_lumen_s_plan_with_punctuation_and_number_formats_changed_is_still_a_copy():
    """The second reader's evasion: "!" added to the written texts, pillars and actions, and
    baselines written as "31.0"."""
    lumen = _example(organisation="Harbour Street Café")
    lumen.voice, lumen.disclosure = lumen.voice + "!", lumen.disclosure + "!"
    lumen.community = dataclasses.replace(lumen.community, who_answers=lumen.community.who_answers
                                          + "!", escalation=lumen.community.escalation + "!")
    lumen.pillars = [dataclasses.replace(p, name=p.name + "!") for p in lumen.pillars]
    lumen.actions = {name: dataclasses.replace(a, step=a.step + "!")
                     for name, a in lumen.actions.items()}
    lumen.objectives = [dataclasses.replace(o, baseline=f"{float(o.baseline):.1f}")
                        for o in lumen.objectives]
    assert plan.copies_example(lumen)


def test_lumen_s_plan_with_new_pillar_metric_people_and_persona_names_is_still_a_copy():
    """The third reader's evasion (pillars renamed, metric names reworded, a persona rewritten),
    with the people on the rota renamed too."""
    lumen = _example(organisation="Harbour Street Roasters")
    renamed = {p.name: f"Theme {index}" for index, p in enumerate(lumen.pillars)}
    lumen.pillars = [dataclasses.replace(p, name=renamed[p.name]) for p in lumen.pillars]
    lumen.channels = [dataclasses.replace(c, mix={renamed[k]: v for k, v in c.mix.items()})
                      for c in lumen.channels]
    lumen.objectives = [dataclasses.replace(o, metric=f"Our count number {index}")
                        if index < 5 else o for index, o in enumerate(lumen.objectives)]
    lumen.audience.personas[0] = dataclasses.replace(
        lumen.audience.personas[0], name="Greta, weekend baker", needs="bread recipes, flour news")
    people = {"Sam": "Tomasz", "Ade": "Bea", "Jo": "Kit"}
    lumen.community.rota = {day: re.sub(r"[A-Z][a-z]+", lambda m: people[m.group()], shift)
                            for day, shift in lumen.community.rota.items()}
    assert plan.example_similarity(lumen) > 0.9 and plan.copies_example(lumen)


def test_the_copy_check_weighs_the_strategy_but_holds_back_a_plan_that_repeats_lumen_s_texts():
    """Lumen's texts alone are under three tenths of the fingerprint's weight (0.2996 in December
    2026, its longest texts capped at PROSE_MAX_WORDS); a plan that repeats most of them is a copy
    all the same, whatever its numbers."""
    lumen = plan.example_plan()
    weights = plan.fingerprint(lumen)
    prose = sum(weight for choice, weight in weights.items() if choice.startswith("text|"))
    assert prose < 0.3 * sum(weights.values())
    texts_only = _example(objectives=[], channels=[], community=plan.Community(
        who_answers=lumen.community.who_answers, escalation=lumen.community.escalation),
        budget=plan.Budget(**{name: getattr(lumen.budget, name) for name in (
            "case", "surge", "first_stage", "go_no_go", "payback", "rests_on")}))
    assert plan.example_similarity(texts_only) < plan.COPY_SHARE
    assert plan.example_texts_repeated(texts_only) > 0.5 and plan.copies_example(texts_only)


def test_lumen_s_plan_with_every_number_nudged_is_still_a_copy():
    """The fifth reader's evasion (targets ±0.5, dates a day earlier, spreads +0.1, promises +1 h,
    mixes shifted 5 points, the rota an hour later, the budget raised): caught by its numbers
    alone and by its texts alone, and its pasted policies cost it the implementation point."""
    nudged = with_numbers_nudged(plan.example_plan())
    assert [(issue.level, issue.where) for issue in plan.check(nudged)] == [("fix", where) for where in (
        "community.who_answers", "community.escalation", "community.deputy",
        "crisis.holding_statement", "crisis.pause", "crisis.escalation", "disclosure",
        "budget.surge", "budget.other_work", "budget.other_costs", "budget.case",
        "crisis.account_security", "budget.first_stage", "budget.go_no_go", "budget.payback",
        "budget.rests_on", "budget.moved_from")]
    assert plan.example_texts_repeated(nudged) == 1 and plan.copies_example(nudged)
    rewritten = with_texts_replaced(nudged)
    assert plan.example_texts_repeated(rewritten) == 0
    assert plan.example_similarity(rewritten) > 2 * plan.COPY_SHARE and plan.copies_example(rewritten)


def test_lumen_s_plan_with_handles_per_month_an_extra_look_and_one_word_in_three_is_a_copy():
    """The sixth reader's evasion (0.26 alike, no text repeated, under exact channel names, units
    and rota days and a Jaccard of 0.8): channel handles, "per month", "Lee at 21" every day and
    one word in three of every text changed. Each change alone hides nothing either."""
    lumen = with_sixth_reader_changes(plan.example_plan())
    assert lumen.channels[3].name == "Instagram (@harbourtea)"
    assert lumen.community.rota["Mon"].endswith(", Lee at 21")
    assert plan.example_similarity(lumen) > 0.9 and plan.example_texts_repeated(lumen) > 0.85
    assert plan.copies_example(lumen)
    texts_replaced = plan.example_similarity(with_texts_replaced(plan.example_plan()))
    for change in ("handles", "units", "rota"):
        changed = with_sixth_reader_changes(plan.example_plan(), (change,))
        assert plan.example_similarity(with_texts_replaced(changed)) == texts_replaced, change
    reworded = with_sixth_reader_changes(plan.example_plan(), ("reworded",))
    assert plan.example_texts_repeated(reworded) > 0.85 and plan.copies_example(reworded)


def test_the_shape_share_weighs_lumen_s_structure_whatever_a_copy_names_or_writes():
    """New names and new texts change the other shares, never the shape: Lumen's plan with its
    pillars, personas, people and organisation renamed and every text replaced is all of its
    shape."""
    rewritten = with_texts_replaced(with_new_people(with_themes_and_readers(
        _example(organisation="Harbour Street Café"))))
    assert plan.example_names(rewritten) == [] and plan.example_texts_repeated(rewritten) == 0
    assert plan.example_shape(rewritten) == 1


@pytest.mark.parametrize("factor", [1.15, 1.25])
def test_lumen_s_plan_renamed_rewritten_and_pushed_is_a_copy_by_its_shape(factor):
    """The expert reader's copy: every name new, every text replaced, every number pushed 15 %
    (or 25 %), three channels dropped and the dates a year on. Nothing of Lumen's names or texts
    is left and it repeats under COPY_SHARE of Lumen's choices; most of its skeleton is Lumen's."""
    copied = with_everything_renamed_and_rewritten(plan.example_plan(), factor)
    assert plan.example_names(copied) == [] and plan.example_texts_repeated(copied) == 0
    assert plan.example_similarity(copied) < plan.COPY_SHARE
    assert plan.example_shape(copied) >= plan.SHAPE_SHARE and plan.copies_example(copied)


@pytest.mark.parametrize("factor", [1.7, 3])
def test_lumen_s_plan_scaled_moved_and_rewritten_is_a_copy_by_its_shape(factor):
    """The fourteenth reader's recipe: every number 70 % up, every date 13 weeks on, every look an
    hour later, every name new and every text an unrelated sentence. It passed every check; now
    only its approver and staged ask are fixes (a sentence there names nobody, no end, no date, no
    time, no figure). It repeats under the line of Lumen's choices (0.20) and none of its texts or
    names; its shape, scale and calendar taken out, is nearly all Lumen's (0.93; 0.28 while the
    shape compared numbers as typed)."""
    disguised = with_everything_scaled_and_moved(plan.example_plan(), factor)
    assert [issue.where for issue in plan.check(disguised) if issue.level == "fix"] == [
        "crisis.approver", "budget.first_stage", "budget.go_no_go", "budget.payback",
        "budget.rests_on"]
    assert plan.example_similarity(disguised) < plan.COPY_SHARE
    assert plan.example_texts_repeated(disguised) == 0 and plan.example_names(disguised) == []
    assert plan.example_shape(disguised) > 0.9 and plan.copies_example(disguised)


def test_the_shape_takes_out_scale_and_calendar_but_keeps_each_choice_s_proportions():
    lumen = plan.example_plan()
    doubled = with_everything_scaled_and_moved(plan.example_plan(), 2)
    same = set(plan.shape(lumen)) & set(plan.shape(doubled))
    assert "objective|26.7|177" in same  # 30 to 38 orders by 30 June: 60 to 76 by 29 September
    assert "cadence|instagram|250|25 25 25 25" in same  # 5 posts a week where the median has 2
    assert "promise|website and blog|600" in same  # 24 hours where the fastest promise is 4
    steeper = dataclasses.replace(doubled, objectives=[
        dataclasses.replace(o, target=f"{2 * float(o.target) - float(o.baseline):g}")
        for o in doubled.objectives])
    kept = plan._kept(plan._example_shape(), plan.shape(steeper), plan.RESHAPED)
    assert "objective|53.3|177" in plan.shape(steeper) and "objective|26.7|177" not in kept
    assert plan.example_shape(steeper) < plan.example_shape(doubled)


@pytest.mark.parametrize("looks, kept", [("09 and 13, Jo at 17 and 21", True),
                                         ("06 and 10, Jo at 14", True),
                                         ("08 and 11, Jo at 14 and 17", False)])
def test_a_rota_day_keeps_lumen_s_looks_at_any_time_of_day_in_the_shape(looks, kept):
    lumen = plan.example_plan()
    lumen.community.rota["Mon"] = f"Sam at {looks}"
    repeated = plan._kept(plan._example_shape(), plan.shape(lumen), plan.RESHAPED)
    assert ("looks|Mon|7 11 15 19" in repeated) == kept


def test_honest_plans_repeat_little_of_lumen_s_shape(tmp_path):
    """The bakery and every honest plan the tests make from it share under a fifth of Lumen's
    shape (0.15 at most: a few dates half a year on, equal promises and spreads), well under the
    line of a half."""
    bakery = reference_plan(tmp_path)
    for honest in (bakery, with_dictionary_words(bakery), with_invented_rate(bakery),
                   with_one_objective_and_word_salad(bakery), quarter_filled(bakery)):
        assert plan.example_shape(honest) < 0.2


def test_channels_units_and_rota_days_are_compared_by_what_they_mean():
    lumen = plan.example_plan()
    lumen.channels[3].name, lumen.channels[4].name = "Insta", "Facebook page"
    lumen.objectives[0].unit = "repeat order each month"
    lumen.community.rota["Mon"] = "Sam at 07, Jo at 15, Kit at 21"
    lumen.community.rota["Tue"] = "Sam at 07 and 11"
    matched = {choice.split("|")[1] for choice in plan.fingerprint(lumen)
               if choice.split("|")[0] in ("cadence", "rota")}
    assert {"instagram", "facebook", "Mon", "Tue"} <= matched
    repeated = plan._repeated(lumen)
    assert "rota|Mon|7 11 15 19" not in repeated and "rota|Tue|7 11 15 19" not in repeated
    lumen.community.rota["Mon"] = "Sam at 07 and 11, Jo at 15, Lee at 21"
    assert "rota|Mon|7 11 15 19" in plan._repeated(lumen)
    assert plan.example_similarity(lumen) > 0.9


def test_lumen_s_pillar_and_persona_names_kept_word_for_word_count_towards_a_copy(tmp_path):
    bakery, lumen = reference_plan(tmp_path), plan.example_plan()
    named = dataclasses.replace(bakery, pillars=[*bakery.pillars, *lumen.pillars],
                                audience=dataclasses.replace(bakery.audience, personas=[
                                    *bakery.audience.personas, *lumen.audience.personas]))
    weights = plan.fingerprint(lumen)
    names = sum(weights[f"name|{plan._plain(p.name)}"] for p in [*lumen.pillars,
                                                                 *lumen.audience.personas])
    assert plan.example_similarity(named) - plan.example_similarity(bakery) >= (
        names / sum(weights.values()) - 1e-9)


def test_a_copied_passage_of_eight_words_counts_a_text_as_repeated_but_seven_do_not(tmp_path):
    bakery, lumen = reference_plan(tmp_path), plan.example_plan()
    passage = lumen.voice.split()
    assert len(passage) > 8 and plan.example_texts_repeated(bakery) == 0
    copied = dataclasses.replace(bakery, voice=f"{bakery.voice} {' '.join(passage[:8])}")
    shorter = dataclasses.replace(bakery, voice=f"{bakery.voice} {' '.join(passage[:7])}")
    texts = sum(choice.startswith("text|") for choice in plan.fingerprint(lumen))
    assert plan.example_texts_repeated(copied) == 1 / texts
    assert plan.example_texts_repeated(shorter) == 0


def test_one_sentence_written_into_several_fields_is_refused_even_as_an_objective_s_reason(
        tmp_path):
    """The thirteenth reader's evasion: one stock sentence in many fields (one of them an
    objective's reason, which used to exempt it), counted a field at a time; a reason that a
    metric's two milestones share still counts once."""
    bakery = reference_plan(tmp_path)
    stock = bakery.objectives[0].reason
    reused = dataclasses.replace(
        bakery, voice=stock, situation=dataclasses.replace(bakery.situation, competitor=stock))
    fixes = {issue.where: issue.message for issue in plan.check(reused) if issue.level == "fix"}
    assert {"voice", "situation.competitor"} <= fixes.keys()
    assert all(stock[:40] in fixes[field] and "field" in fixes[field]
               for field in ("voice", "situation.competitor"))  # a filler given in 3 fields
    twice = dataclasses.replace(bakery, voice=bakery.situation.competitor)
    fixes = {issue.where: issue.message for issue in plan.check(twice) if issue.level == "fix"}
    assert all("the same text as another field" in fixes[field]
               for field in ("voice", "situation.competitor"))
    assert not [issue for issue in plan.check(bakery) if issue.level == "fix"]
    milestones = [dataclasses.replace(bakery.objectives[0]), dataclasses.replace(
        bakery.objectives[0], target="99", by="2027-12-31"), *bakery.objectives[1:]]
    assert not plan._repeated_texts(dataclasses.replace(bakery, objectives=milestones))


def test_the_reference_bakery_plan_says_what_its_calendar_and_rota_do(tmp_path):
    """Its orders reason names the weekday the calendar gives the cake posts, and its response
    target is what replaying its own estimate of arrivals (evenly from 08:00 to 22:00, every day,
    as many as its community section counts) through its rota gives; its loyalty is counted by
    repeat orders, not offers redeemed."""
    bakery = reference_plan(tmp_path)
    cake_days = {entry.day.strftime("%A") for entry in plan.calendar(bakery)
                 if entry.pillar == "Celebration cakes" and entry.channel != "Email newsletter"}
    orders, response = bakery.objectives[0], next(o for o in bakery.objectives
                                                  if o.metric == "response_time")
    assert cake_days == {"Tuesday"} and "every Tuesday" in orders.reason
    team = bakery.community
    week = pd.date_range("2027-02-01", periods=7)
    arrivals = pd.Series([day + pd.Timedelta(minutes=minute) for day in week
                          for minute in range(8 * 60, 22 * 60, 10)])
    replay = plan_import.inbox_waits(arrivals, team, 4).median()
    assert round(replay) == float(response.target) == 10
    assert "median wait of about 10 hours" in response.reason
    assert f"about {team.messages_per_week + team.dms_per_week:g} comments and messages a week, " \
           "spread evenly from 08:00 to 22:00 every day" in re.sub(r"\s+", " ", response.reason)
    loyalty = next(o for o in bakery.objectives if o.outcome == "loyalty")
    assert "repeat" in loyalty.unit and "offer" not in loyalty.metric.lower()


def test_a_plan_of_its_own_that_borrows_a_few_of_lumen_s_choices_is_not_a_copy(tmp_path):
    bakery = reference_plan(tmp_path)
    assert plan.check(bakery) == [] and plan.example_similarity(bakery) < 0.1
    assert plan.example_shape(bakery) < 0.2  # 0.15: a few dates, promises and spreads by chance
    lumen = plan.example_plan()
    bakers = {"Jo": "Dev", "Lee": "Maya", "Sam": "Gemma", "Ade": "Ollie"}
    crisis = plan.Crisis(*(re.sub(r"\b(Jo|Lee|Sam|Ade)\b", lambda name: bakers[name.group()],
                                  text) for text in dataclasses.astuple(lumen.crisis)))
    borrowed = dataclasses.replace(
        bakery, voice=lumen.voice, disclosure=lumen.disclosure, crisis=crisis,
        pillars=[*bakery.pillars, *lumen.pillars[:2]])
    assert not plan.copies_example(borrowed)
    assert plan.copies_example(dataclasses.replace(borrowed, channels=lumen.channels,
                                                   objectives=lumen.objectives))
    assert plan.copies_example(dataclasses.replace(borrowed, crisis=lumen.crisis))  # Lumen's staff


def test_a_scripted_copy_is_caught_by_its_shape_and_by_lumen_s_names():
    """The reader's scripted copy: numbers doubled, dates moved, every text new (27 % alike, 45 %
    of the shape while it compared numbers as typed), yet Lumen's shape once scale and calendar
    are taken out, and Lumen's rota, its people (Sam, Jo, Ade) and Priya, and "mentions of lumen"
    as its own metric."""
    copied = scripted_copy()
    assert plan.example_similarity(copied) < plan.COPY_SHARE
    assert plan.example_shape(copied) >= plan.SHAPE_SHARE
    assert plan.example_texts_repeated(copied) < plan.TEXT_COPY_SHARE
    assert plan.example_names(copied) == ["Lumen's people and personas (Ade, Jo, Priya, Sam)",
                                          "Lumen as its own business", "Lumen's rota"]
    assert plan.copies_example(copied)


def test_lumen_s_names_come_from_its_plan_and_one_common_name_is_chance(tmp_path):
    lumen, bakery = plan.example_plan(), reference_plan(tmp_path)
    assert plan.example_names(lumen)[0] == ("Lumen's people and personas "
                                            "(Ade, Hannah, Jo, Lee, Marco, Priya, Sam)")
    assert "Priya" in bakery.community.rota["Mon"] and plan.example_names(bakery) == []  # its own
    team = bakery.community
    with_sam = dataclasses.replace(bakery, community=dataclasses.replace(
        team, who_answers=team.who_answers + " Sam, our new apprentice, covers Sundays.",
        rota={**team.rota, "Sun": "Sam at 08 and 12"}))
    assert plan.example_names(with_sam) == [] and not plan.copies_example(with_sam)
    with_jo = dataclasses.replace(with_sam, voice=bakery.voice + " Jo writes the captions.")
    assert plan.example_names(with_jo) == ["Lumen's people and personas (Jo, Priya, Sam)"]
    assert plan.copies_example(with_jo)
    cited = dataclasses.replace(bakery, objectives=[
        dataclasses.replace(o, source="Lumen's comments.csv, the course data (no recall)")
        for o in bakery.objectives])
    assert plan.example_names(cited) == []
    own_metric = dataclasses.replace(bakery, objectives=[
        dataclasses.replace(bakery.objectives[0], metric="Mentions of Lumen we answer"),
        *bakery.objectives[1:]])
    assert plan.example_names(own_metric) == ["Lumen as its own business"]
    assert plan.example_names(dataclasses.replace(bakery, organisation="Lumen Bakery")) == [
        "Lumen as its own business"]
    rota = dataclasses.replace(bakery, community=dataclasses.replace(
        team, rota={**team.rota, "Sat": lumen.community.rota["Sat"].lower()}))
    assert plan.example_names(rota) == ["Lumen's people and personas (Ade, Jo, Priya)",
                                        "Lumen's rota"]


def test_a_response_time_objective_without_a_share_answered_floor_is_questioned():
    lumen = plan.example_plan()
    lumen.objectives = [o for o in lumen.objectives if o.metric != "questions_answered"]
    number = [o.metric for o in lumen.objectives].index("response_time") + 1
    assert [(i.level, i.where, i.message) for i in plan.check(lumen)] == [(
        "consider", f"objectives[{number}].metric",
        f"Objective {number} judges the median response time, which falls if you answer fewer, "
        "harder messages: add a floor on the share answered (questions_answered) beside it.")]
    assert plan.check(plan.example_plan()) == []


def test_a_persona_needs_a_name_needs_and_a_stage():
    audience = plan.Audience("People who brew coffee at home",
                             [Persona("", "someone"), Persona("Ana", "a buyer", "", "")])
    assert _messages(_example(audience=audience), "audience") == [
        "Give each persona a name, so the team can talk about them.",
        "What does Ana need from you? Fill in their needs.",
        "Place Ana on the buyer's journey: awareness, consideration, decision."]


def test_objectives_need_an_outcome_a_metric_and_numbers():
    sourced = {"source": "my_posts.csv, 6,000 impressions a week", "spread": "0.2"}
    objectives = [Objective("fame", "engagement_rate", "4", "5", "2027-06-30", **sourced),
                  Objective("sales", "Web-shop orders", "1", "2", "2027-06-30", **sourced),
                  Objective("sales", "click_through_rate", "low", "", "2027-06-30", **sourced),
                  Objective("sales", "engagement_rate", "4", "35", "2027-06-30", **sourced),
                  Objective("sales", " ", "4", "5", "2027-06-30", **sourced)]
    reasons = ("Two Instagram posts a week, each asking followers a question to answer.",
               "A code in every Instagram caption that the web shop counts at checkout.",
               "Every Facebook offer post carries the shop link, tagged for this channel.",
               "Reels of the Tuesday bake on Instagram, with the recipe in the comments.",
               "Sam writes one Facebook post a week that links to the new menu.")
    for objective, reason in zip(objectives, reasons, strict=True):
        objective.reason = reason
    assert _messages(_example(objectives=objectives), "objectives", "fix") == [
        "Objective 1 serves no business outcome: choose one of sales, leads, bookings, hires, "
        "reviews, loyalty, service, partnerships.",
        "Objective 2 measures “Web-shop orders”, your own count: give its unit (orders a month, "
        "enquiries a week).",
        "The baseline of objective 3 (“low”) is not a number.",
        "Objective 3 (Click-through rate) has no target, in % of impressions.",
        "A target of 35% of impressions for Engagement rate is outside a sensible range (0.5 to 15% "
        "of impressions): engagement rates by impressions are usually a few per cent.",
        "Objective 5 needs a metric: a course metric (engagement_rate, click_through_rate, "
        "follower_growth, response_time, positive_sentiment, questions_answered, reply_share) or "
        "your own count, with its unit."]


def test_an_own_business_count_is_judged_like_a_course_metric():
    orders = Objective("sales", "Web-shop orders from social links", "40", "30", "2027-06-30",
                       unit="orders a month", reason="", source="shop records")
    lumen = _example(objectives=[*plan.example_plan().objectives, orders])
    n = len(lumen.objectives)
    assert [(i.level, i.where, i.message) for i in plan.check(lumen) if i.part == "objectives"] == [
        ("fix", f"objectives[{n}].target", f"The target of objective {n} (30 orders a month) is "
         "below its baseline (40 orders a month), and an own metric is judged as something you "
         "want more of: count what you want more of (complaints resolved the same day, not "
         "complaints; orders ready on time, not late orders), with a target above its baseline."),
        ("fix", f"objectives[{n}].reason", "Why should Web-shop orders from social links reach "
         f"the target of objective {n}? Say what the plan does that moves it, and who does it, in "
         f"{plan.REASON_MIN_WORDS} words or more, such as “a celebration-cake post every Tuesday on "
         "Instagram with the order link, and Priya messages each customer a week before the date "
         "comes round again”.")]


def test_a_promise_that_is_not_hours_is_named():
    assert _messages(_with_channel("X", response_hours="soon"), "channels") == [
        "The response promise on X (“soon”) is not a number of hours."]


def test_every_channel_is_marked_and_a_rented_one_marked_owned_is_questioned():
    lumen = _with_channel("Instagram", property="owned")
    assert _messages(lumen, "channels", "consider") == [
        "Instagram is marked owned, but the platform sets the rules and can change them: it is "
        "usually rented."]
    assert _messages(_with_channel("X", property=""), "channels") == [
        "Mark X as owned, rented or occupied."]


ACCOUNT_SECURITY_QUESTION = (
    "Say who holds the accounts' admin roles, that two-factor login is on, and who recovers a "
    "hacked or locked account, such as “Gemma and Priya are the only admins, each with two-factor "
    "login by an app; Gemma recovers a hacked account through the platform's help pages”.")


@pytest.mark.parametrize("security, level, reason", [
    ("", "consider", ""),
    ("2FA on.", "fix", f" (“2FA on.” is fewer than {plan.POLICY_MIN_WORDS} words, too short for "
                       "someone else to follow.)")])
def test_account_security_blank_is_asked_for_and_written_too_short_to_follow_is_a_fix(
        security, level, reason):
    """Blank, as a plan saved before it was asked loads it, it is a suggestion; written, it must
    be followable, as the other crisis policies (POLICY_MIN_WORDS)."""
    lumen = _example(crisis=dataclasses.replace(plan.example_plan().crisis,
                                                account_security=security))
    assert [(i.level, i.where, i.message) for i in plan.check(lumen) if i.part == "crisis"] == [
        (level, "crisis.account_security", f"{ACCOUNT_SECURITY_QUESTION}{reason}")]


def test_the_crisis_disclosure_voice_and_reporting_parts_are_asked_for():
    lumen = _example(crisis=plan.Crisis(approver="Founder"), disclosure="", voice="",
                     reporting=plan.Reporting("daily-ish", "", "2027-02-01"))
    assert _messages(lumen, "crisis") == [
        "Write the holding statement you post in the first hour of a crisis.",
        "Say who pauses scheduled posts in a crisis, and how.",
        "Say who is told, in what order, when a crisis starts.", ACCOUNT_SECURITY_QUESTION]
    assert len(_messages(lumen, "disclosure")) == len(_messages(lumen, "voice")) == 1
    assert _messages(lumen, "reporting") == [
        "How often do you report: weekly, fortnightly, monthly, quarterly?",
        "Say who reads the report and decides on it."]


GRADED_GROUPS = tuple(plan.GRADED_GROUPS.values())  # the four groups Task B gives a point each


def test_a_group_counts_as_started_when_any_of_its_parts_is(tmp_path):
    bakery = reference_plan(tmp_path)
    assert plan.GRADED_GROUPS and set(PARTS) == {p for parts in GRADED_GROUPS for p in parts}
    assert plan.empty_groups(bakery) == [] == plan.empty_groups(plan.example_plan())
    assert plan.empty_groups(Plan()) == list(plan.GRADED_GROUPS)
    quarter = Plan(pillars=bakery.pillars, channels=bakery.channels, voice=bakery.voice,
                   reporting=bakery.reporting, actions=bakery.actions)
    assert plan.empty_groups(quarter) == ["objectives and audience insight", "implementation"]
    assert plan.empty_groups(dataclasses.replace(quarter, start="2027-02-01",
                                                 disclosure="Gifts are labelled #ad")) == []


def test_lumen_s_plan_disguised_with_placeholder_texts_has_something_to_fix_in_every_group():
    """The seventh reader's disguise is no copy by the nudged fingerprint (Lumen's shape is), and
    the checks stop it too."""
    disguised = with_placeholder_texts(plan.example_plan())
    assert plan.example_similarity(disguised) < plan.COPY_SHARE
    fixes = [issue for issue in plan.check(disguised) if issue.level == "fix"]
    for group in GRADED_GROUPS:
        assert any(issue.part in group for issue in fixes), group
    assert all("placeholder" in issue.message or issue.message.startswith("One reason is given")
               or issue.message.endswith("make the two agree.") or "repeats Lumen's" in issue.message
               for issue in fixes)  # the placeholder as every objective's reason is a template too;
    # Lumen's staged ask, left as it was, is pasted, and its first stage's 16,000 reserve is not
    # the contingency pushed to 20,800
    assert "crisis.approver" in {issue.where for issue in fixes}


def test_lumen_s_plan_with_numbers_pushed_and_texts_cut_to_a_filler_earns_nothing():
    """The eighth reader's disguise: every number a fifth up (past the nudge tolerance), three
    channels dropped, the rota two hours later, and every text three words and one filler phrase.
    Lumen's shape gives it away, and every graded group has something to fix besides."""
    disguised = with_texts_cut_and_numbers_pushed(plan.example_plan())
    assert plan.example_similarity(disguised) < plan.COPY_SHARE
    assert plan.example_texts_repeated(disguised) < plan.TEXT_COPY_SHARE
    assert plan.example_shape(disguised) >= plan.SHAPE_SHARE and plan.copies_example(disguised)
    fixes = [issue for issue in plan.check(disguised) if issue.level == "fix"]
    for group in GRADED_GROUPS:
        assert any(issue.part in group for issue in fixes), group
    where = {issue.where: issue.message for issue in fixes}
    assert where["voice"].endswith("(“Warm, curious and for our customers every week” is fewer "
                                   "than 4 words besides “and for our customers every week”, words "
                                   "given in 3 or more fields.)")
    response = 1 + [o.metric for o in disguised.objectives].index("response_time")
    assert "is not what the course data give" in where[f"objectives[{response}].baseline"]


def test_lumen_s_plan_with_numbers_doubled_and_texts_garbled_has_something_to_fix_in_every_group():
    """The ninth reader's disguise: Lumen's shape at 2.2 times its numbers (no copy by any share
    while the shape compared numbers as typed: 0.14 alike, shape 0.19), with two words in three of
    every text made up: its shape and Lumen's names give it away, and every graded group has a
    text to fix."""
    disguised = with_numbers_doubled_and_texts_garbled(plan.example_plan())
    assert plan.example_similarity(disguised) < plan.COPY_SHARE
    assert plan.example_shape(disguised) >= plan.SHAPE_SHARE and plan.example_names(disguised)
    fixes = [issue for issue in plan.check(disguised) if issue.level == "fix"]
    for group in GRADED_GROUPS:
        assert any(issue.part in group for issue in fixes), group
    assert "is mostly not English words (“" in next(i.message for i in fixes if i.where == "voice")


@pytest.mark.parametrize("voice, written", [
    ("Warm and neighbourly: we organise our replies around the customer's centre of gravity.", True),
    ("Priya and Ollie answer DMs in the inbox and on the app, never with emojis.", True),
    ("Kxq zvbt plorf and wemb gristle snarf the tobbler quinx.", False),
    ("Kxq zvbt Instagram wemb.", True)])  # too short to judge its words; it names a channel
def test_a_long_text_must_be_mostly_english_words_names_and_trade_words_aside(voice, written):
    lumen = plan.example_plan()
    lumen.voice = voice
    lumen.community.rota["Mon"] = "Priya at 07 and 11, Ollie at 15 and 19"
    assert (_voice_unwritten(lumen) == []) == written


@pytest.mark.parametrize("voice, written", [
    ("Instagram garden violet marble lantern basket stone", False),  # the reader's word salad
    ("Instagram recipes, grind advice, news of new single origins", True),  # one word in nine
    ("Friendly on Instagram: short sentences, first names", True),  # notes too short to judge
    ("Friendly and floury on Instagram: we use first names, never a pun at a customer's cost.",
     True)])
def test_a_text_of_seven_words_or_more_must_read_as_sentences(voice, written):
    lumen = plan.example_plan()
    lumen.voice = voice
    assert (_voice_unwritten(lumen) == []) == written


@pytest.mark.parametrize("disguise", [with_numbers_pushed_and_word_salad,
                                      with_one_objective_and_word_salad])
def test_a_plan_whose_texts_are_word_salad_naming_a_channel_has_something_to_fix_in_every_group(
        tmp_path, disguise):
    """The eleventh reader's disguises: Lumen's shape pushed 60 %, and the bakery's plan cut to one
    channel and one objective, each with every text English words that name Instagram."""
    lumen = disguise is with_numbers_pushed_and_word_salad
    disguised = disguise(plan.example_plan() if lumen else reference_plan(tmp_path))
    assert plan.example_similarity(disguised) < plan.COPY_SHARE
    assert (plan.example_shape(disguised) >= plan.SHAPE_SHARE) == lumen  # 0.84 and 0.06
    assert plan.copies_example(disguised) == lumen
    fixes = [issue for issue in plan.check(disguised) if issue.level == "fix"]
    for group in GRADED_GROUPS:
        assert any(issue.part in group and "is a list of words, not sentences" in issue.message
                   for issue in fixes), group


def test_a_baseline_said_to_come_from_lumen_s_data_is_recomputed_whatever_it_calls_them():
    lumen = plan.example_plan()
    number = 1 + [o.metric for o in lumen.objectives].index("response_time")
    response = lumen.objectives[number - 1]
    response.baseline, response.source = "17.6", "Lumen's comments.csv export, 2025"
    assert _messages(lumen, "objectives")[0].startswith(
        f"The baseline of objective {number} (17.6 hours) is not what the course data give")


@pytest.mark.parametrize("source, named", [
    ("the course data: comments.csv, 2025, pooled", "course data"),
    ("datasets/comments.csv, 2025, pooled", "datasets/"),
    ("the comments file of 2025 (no recall), pooled", None),
    ("Meta Business Suite's comments.csv export, August 2026 to January 2027", None),
    ("our inbox, leaving out the recall week of our nut-free cake", None)])
def test_only_words_that_name_the_course_data_have_a_baseline_recomputed(tmp_path, source, named):
    """Review 35's M3: the bakery's questions-answered baseline typed 40 % (the course data give
    85.7 %) is recomputed when its source names the course data, and the fix quotes the words;
    a file name or a recall of the business's own is its own data."""
    bakery = reference_plan(tmp_path)
    number, answered = next((n, o) for n, o in enumerate(bakery.objectives, 1)
                            if o.metric == "questions_answered")
    answered.baseline, answered.source = "40", source
    recomputed = [message for message in _messages(bakery, "objectives")
                  if message.startswith(f"The baseline of objective {number} ")]
    assert len(recomputed) == (1 if named else 0)
    assert not named or recomputed[0].startswith(
        f"The baseline of objective {number} (40% of questions) is not what the course data give")
    assert not named or recomputed[0].endswith(f"leave out “{named}”, which names the course data.")


@pytest.mark.parametrize("spread, plausible", [("0.1", False), ("1.8", False), ("1.9", True),
                                               ("3", True)])
def test_a_count_s_spread_far_below_its_chance_noise_is_flagged(tmp_path, spread, plausible):
    """14 orders a month vary by about √14 ≈ 3.7 by chance alone: a spread below half that is not
    what records show."""
    bakery = reference_plan(tmp_path)
    orders = bakery.objectives[0]
    assert (orders.baseline, orders.unit) == ("14", "orders a month")
    orders.target, orders.spread = "22", spread
    messages = [i.message for i in plan.check(bakery) if i.where == "objectives[1].spread"]
    assert messages == ([] if plausible else [
        f"The spread of objective 1 ({spread} orders a month) is far below what a count of 14 "
        "allows: chance alone moves it by about 3.7 (the square root of the count) from one month "
        "to the next, so give the spread your records show."])


def _with_engagement_rate(bakery, source, spread="0.05"):
    """The expert reader's objective added to the bakery: an engagement rate "from our Instagram
    export" moving from 9.5 to 9.8 with a spread of 0.05."""
    rate = Objective("sales", "engagement_rate", "9.5", "9.8", "2027-07-31", spread=spread,
                     source=source, reason="Reels of the Tuesday cake on Instagram draw people in.")
    bakery.objectives.append(rate)
    return f"objectives[{len(bakery.objectives)}]"


@pytest.mark.parametrize("target, spread, level", [  # the rise counted in √14 = 3.74, not the spread
    ("200", "3", "fix"),  # the reader's bakery: 14.3 times its baseline, 49.7 times √14 above it
    ("200", "20", "fix"),  # review 37's dodge: a spread of 20 typed does not hide it
    ("60", "5", "fix"),  # 4.3 times, 12.3 times √14
    ("52", "3", "fix"),  # 3.7 times, 10.2 times √14
    ("51", "3", "consider"),  # 3.6 times but 9.9 times √14, not more: past 2 times and 5
    ("33", "3", "consider"),  # 2.4 times, 5.1 times √14
    ("32", "3", None),  # 2.3 times, but 4.8 times √14
    ("28", "3", None),  # 2 times, not more
    ("22", "3", None)])  # the bakery's own target
def test_a_count_s_target_far_above_its_baseline_is_refused_and_a_milder_rise_questioned(
        tmp_path, target, spread, level):
    bakery = reference_plan(tmp_path)
    orders = dataclasses.replace(bakery.objectives[0], target=target, spread=spread)
    issues = plan.check(dataclasses.replace(bakery, objectives=[orders, *bakery.objectives[1:]]))
    assert [(issue.level, issue.where) for issue in issues] == (
        [(level, "objectives[1].target")] if level else [])
    if target == "200":
        assert issues[0].message == (
            "The target of objective 1 (200 orders a month) is 14.3 times its baseline (14 orders "
            "a month) and 49.7 times √14 above it: social media alone does not take a count past 3 "
            "times its baseline and 10 times the square root of its baseline above it. Set the "
            "target for what social media can move; what a new product or a new market adds belongs "
            "in its reason and in an objective of its own.")


def test_lumen_s_largest_rise_is_below_both_lines():
    """3 to 8 conversations a month with a spread of 1.8: 2.7 times, 2.8 spreads."""
    rises = [(float(o.target) / float(o.baseline), (float(o.target) - float(o.baseline))
              / float(o.spread)) for o in plan.example_plan().objectives if plan._is_count(o)]
    ratio, spreads = max(rises)
    assert plan.MILD_JUMP_RATIO < ratio < plan.JUMP_RATIO and spreads < plan.MILD_JUMP_SPREADS


def test_a_count_of_platform_activity_typed_as_an_own_count_is_judged_as_a_jump_too(tmp_path):
    """The course's own metrics are rates, shares and hours, judged by their ranges; link clicks
    or followers counted in absolute terms are typed as the plan's own counts, and jump as any."""
    bakery = reference_plan(tmp_path)
    clicks = dataclasses.replace(CLICKS, target="200")
    issues = plan.check(dataclasses.replace(bakery, objectives=[*bakery.objectives, clicks]))
    where = f"objectives[{len(bakery.objectives) + 1}].target"
    assert [(issue.level, issue.where) for issue in issues] == [("fix", where)]


def test_a_share_far_above_its_baseline_is_judged_by_its_range_not_as_a_jump(tmp_path):
    bakery = reference_plan(tmp_path)
    whatsapp = next(o for o in bakery.objectives if o.unit.startswith("%"))
    assert float(whatsapp.target) < 3 * float(whatsapp.baseline)
    tenfold = dataclasses.replace(whatsapp, baseline="8", target="80", spread="3")
    assert plan.check(dataclasses.replace(bakery, objectives=[
        tenfold if o is whatsapp else o for o in bakery.objectives])) == []


CLICKS = Objective("sales", "Link clicks from our cake posts", "15", "20", "2027-07-31",
                   unit="clicks a month", spread="4", periods="3", activity="communicate",
                   source="Meta Business Suite, August 2026 to January 2027",
                   reason="Every Tuesday cake post on Instagram carries the order link.")


@pytest.mark.parametrize("clicks, converts", [
    (CLICKS, False),  # 22 orders a month from 20 clicks: more than one order a click
    (dataclasses.replace(CLICKS, target="30"), True),
    (dataclasses.replace(CLICKS, baseline="5", target="9", spread="2.3", unit="clicks a week"),
     True)])  # 39 a month
def test_orders_through_links_above_the_clicks_the_plan_aims_at_are_questioned(tmp_path, clicks,
                                                                               converts):
    """The bakery's cake orders from social links (22 a month by July) beside a count of the link
    clicks: fewer clicks than orders means more than one order a click."""
    bakery = reference_plan(tmp_path)
    issues = plan.check(dataclasses.replace(bakery, objectives=[clicks, *bakery.objectives]))
    assert issues == ([] if converts else [plan.Issue(
        "objectives", "consider",
        "Objective 2 aims at 22 cake orders from social links a month, more than the 20 clicks or "
        "visits a month objective 1, the plan's highest, aims at: every click would have to bring "
        "more than one. Lower this target, raise the clicks', or say in its reason where the rest "
        "come from.", "objectives[2].target")])


def test_invented_export_numbers_with_a_tiny_spread_and_one_message_a_week_are_flagged(tmp_path):
    """The expert reader's gamed plan: the bakery with an engagement rate from "our Instagram
    export", 9.5 to 9.8 with a spread of 0.05, and 1 message a week for its 7 posts a week."""
    lumen, bakery = plan.example_plan(), reference_plan(tmp_path)
    assert [i for i in plan.check(lumen) + plan.check(bakery) if i.level == "fix"] == []
    where = _with_engagement_rate(bakery, "our Instagram export")
    bakery.community.messages_per_week, bakery.community.dms_per_week = 1, 0
    posts = sum(channel.posts_per_week() for channel in bakery.channels)
    fixes = {i.where: i.message for i in plan.check(bakery) if i.level == "fix"}
    assert fixes[f"{where}.source"].startswith(
        f"Say in the source of objective {len(bakery.objectives)} how many impressions a week its "
        "rate is out of")
    assert "community.messages_per_week" not in fixes  # a quiet account may draw that few
    assert f"{posts:.2f}" == "7.23"
    considers = {i.where: i.message for i in plan.check(bakery) if i.level == "consider"}
    assert considers["community.messages_per_week"] == (
        "1 message a week (comments and direct messages) for 7.2 posts a week is fewer "
        "than one a post (Lumen's posts drew about one comment each): check the count against "
        "your inbox, or expect the inbox to grow, and its hours with it.")


@pytest.mark.parametrize("impressions", [3_000, 400_000])
def test_a_rate_s_spread_below_its_sampling_noise_is_flagged(tmp_path, impressions):
    """9.5 % of n impressions a week varies by √(p(1 − p)/n) by sampling alone: 0.54 points for
    3,000 impressions, 0.046 for 400,000; a spread of 0.05 is below half the first only."""
    bakery = reference_plan(tmp_path)
    where = _with_engagement_rate(bakery, f"our Instagram export: {impressions:,} impressions a week")
    chance = 100 * (0.095 * 0.905 / impressions) ** 0.5
    fixes = [i.message for i in plan.check(bakery) if i.where == f"{where}.spread"]
    assert fixes == ([] if 0.05 >= plan.CHANCE_SPREAD_SHARE * chance else [
        f"The spread of objective {len(bakery.objectives)} (0.05 points) is far below "
        "what a rate of 9.5% out of "
        f"{impressions:,} impressions a week allows: sampling alone moves it by about {chance:.2g} "
        "points (√(p(1 − p)/n)) from one week to the next, so give the spread your export shows, "
        "or the number of impressions it is out of."])
    assert bool(fixes) is (impressions == 3_000)
    if impressions == 400_000:  # what is left to the tutor: nothing bounds a typed number of impressions
        assert not [i for i in plan.check(bakery) if i.where.startswith(where) and i.level == "fix"]


@pytest.mark.parametrize("spread, plausible", [("1", False), ("2", True)])
def test_a_rate_s_denominator_comes_from_the_plan_s_own_workload(tmp_path, spread, plausible):
    """The bakery's WhatsApp rate is "% of questions a month": its 25 comments and 20 direct
    messages a week give at most 195 questions a month, so 55 % varies by about 3.6 points."""
    bakery = reference_plan(tmp_path)
    number, whatsapp = next((n, o) for n, o in enumerate(bakery.objectives, 1)
                            if o.unit == "% of questions a month")
    assert plan.rate_base(whatsapp, bakery) == ("questions", 45 * 52 / 12)
    whatsapp.spread = spread
    fixes = [i.message for i in plan.check(bakery) if i.where == f"objectives[{number}].spread"]
    assert len(fixes) == (0 if plausible else 1)
    assert all("out of 195 questions a month" in fix and "about 3.6 points" in fix for fix in fixes)


@pytest.mark.parametrize("unit, named, counted", [
    ("% of rider bookings a month", "rider bookings", "bookings"),  # reader 72's garbled "rider"
    ("% of riders' bookings a month", "riders' bookings", "bookings"),  # not the possessive
    ("% of questions answered within a day", "questions", "questions")])
def test_a_rate_s_unit_names_what_it_counts_in_the_fix_that_asks_for_it(tmp_path, unit, named, counted):
    """A rate's unit names what it is out of; the fix that asks for its number quotes those words,
    and a source that gives "140 service bookings a month" answers it."""
    bakery = reference_plan(tmp_path)
    share = Objective("bookings", "repeat service bookings", "20", "30", "2027-07-31", unit=unit,
                      spread="3", source="our till records, 2026", activity="connect",
                      reason="Riders who book a service through Instagram come back for the next one.")
    bakery.objectives.append(share)
    where = f"objectives[{len(bakery.objectives)}].source"
    assert plan.rate_of(unit) == (named, counted)
    fixes = [i.message for i in plan.check(bakery) if i.where == where]
    if counted in plan.IMPLIED_BASES:  # the plan's own inbox bounds the questions
        assert fixes == []
        return
    assert fixes[0].startswith(f"Say in the source of objective {len(bakery.objectives)} how many "
                               f"{named} a month its rate is out of")
    share.source = f"our till records: 140 service {counted} a month, 2026"
    assert [i for i in plan.check(bakery) if i.where == where] == []


def test_a_phrase_stitched_onto_three_short_answers_leaves_them_unanswered():
    lumen = plan.example_plan()
    filler = "so that our customers always feel welcome here"
    lumen.voice, lumen.disclosure = f"Never curt {filler}", f"Label gifts and paid posts #ad {filler}"
    assert _messages(lumen, level="fix") == []  # two fields may share a phrase
    lumen.community.who_answers = f"Sam answers everything {filler}"
    assert [issue.where for issue in plan.check(lumen)] == ["voice", "disclosure",
                                                            "community.who_answers"]
    assert _messages(lumen, "voice")[0].endswith(
        "(“Never curt so that our customers always feel welcome here” is fewer than 4 words "
        "besides “so that our customers always feel welcome here”, words given in 3 or more "
        "fields.)")


def test_a_baseline_said_to_come_from_the_course_data_is_recomputed_as_its_source_says():
    lumen = plan.example_plan()
    number = 1 + [o.metric for o in lumen.objectives].index("response_time")
    response = lumen.objectives[number - 1]
    posts, comments = data.load("posts"), data.load("comments")
    ours = posts[posts["brand"] == "lumen"]
    replies = comments[comments["post_id"].isin(ours["post_id"])]
    given = plan_import.course_baselines()["response_time"]
    assert given["2025 without the recall", "pooled"] == baseline(ours, replies, RECALL)["response_time"]
    assert given["2025", "mean of weeks"] == weekly(ours, replies)["response_time"].mean()
    assert "without the recall weeks" in response.source and "weekly medians" in response.source
    assert float(response.baseline) == round(given["2025 without the recall", "mean of weeks"], 1)
    response.baseline = "9.6"  # the pooled median's value, where the source says a mean of weeks
    assert _messages(lumen, "objectives") == [
        f"The baseline of objective {number} (9.6 hours) is not what the course data give for "
        "Median response time on all of Lumen's platforms: 8.02 hours (mean of weeks, 2025 without "
        "the recall). Compute it as its source says (plan_import.baseline pools, "
        "plan_import.weekly(...).mean() gives a mean of weeks and .std() the spread), or, if it "
        "comes from your own data, say so in its source and leave out “course data”, which names "
        "the course data."]
    response.baseline = "9.95"  # the pooled median (assignment 06's q3), sourced as it is computed
    response.source = "the course data: 2025 comments without the recall weeks, plan_import.baseline"
    assert _messages(lumen, "objectives") == []
    response.baseline, response.spread = "9.95", "0.1"  # the weeks' spread is 4.3 hours
    assert _messages(lumen, "objectives") == [
        f"The spread of objective {number} (0.1 hours) is not what the course data give for Median "
        "response time on all of Lumen's platforms: 4.3 hours (spread of weeks, 2025 without the "
        "recall). Compute it as its source says (plan_import.baseline pools, "
        "plan_import.weekly(...).mean() gives a mean of weeks and .std() the spread), or, if it "
        "comes from your own data, say so in its source and leave out “course data”, which names "
        "the course data."]
    response.spread = "4"
    response.source = "the course data"  # any of the four ways: 7.53 to 9.95 hours
    assert _messages(lumen, "objectives") == []
    response.baseline = "25"
    assert "7.53 hours (pooled, 2025) or 7.64 hours (mean of weeks, 2025) or 9.95 hours (pooled, " \
           "2025 without the recall) or 8.02 hours" in _messages(lumen, "objectives")[0]
    feed = ours[ours["platform"] == "instagram"]
    instagram = baseline(feed, replies[replies["post_id"].isin(feed["post_id"])],
                         RECALL)["response_time"]
    response.baseline = f"{instagram:.1f}"
    response.source = "the course data, Instagram, pooled, without the recall"
    weeks = plan_import.course_baselines("instagram")["response_time"]
    response.spread = f"{weeks['2025 without the recall', 'spread of weeks']:.1f}"
    assert instagram > 1.1 * 9.95 and _messages(lumen, "objectives") == []
    response.baseline, response.source = "25", "our own inbox export, 2026"
    assert _messages(lumen, "objectives") == []


@pytest.mark.parametrize("voice, reason", [
    ("TBC", "a placeholder"), ("n/a", "a placeholder"), ("Warm and kind.", "fewer than 4 words"),
    ("See the attached document for our voice.", "a placeholder")])
def test_a_placeholder_or_very_short_text_counts_as_unanswered_at_its_field(voice, reason):
    issues = [issue for issue in plan.check(_example(voice=voice)) if issue.part == "voice"]
    assert [(issue.where, issue.message) for issue in issues] == [
        ("voice", "Describe your voice and tone: how you sound, and what you never say. "
                  f"(“{voice}” is {reason}.)")]


def test_one_text_given_in_two_fields_answers_neither():
    lumen = plan.example_plan()
    lumen.crisis.pause = lumen.crisis.escalation
    assert [issue.where for issue in plan.check(lumen)] == ["crisis.pause", "crisis.escalation"]


def test_a_holding_statement_says_when_the_update_comes_and_a_disclosure_names_its_label():
    lumen = plan.example_plan()
    lumen.crisis.holding_statement = "We are looking into a problem with PRODUCT and will update you."
    lumen.disclosure = "Creators we work with say so clearly in their own posts, and staff say so too."
    assert _messages(lumen) == [
        "Name the label a gifted or paid post carries, in plain words such as “#ad” or “they sent "
        "me this for free”.",
        "Say in the holding statement when the next update comes (“within two hours”, “by 6 pm”)."]
    lumen.crisis.holding_statement += " Next update within two hours."
    lumen.disclosure += " Each carries #ad."
    assert _messages(lumen) == []


@pytest.mark.parametrize("statement, names_the_update", [
    ("We are looking into it for our customers every week.", False),
    ("We are looking into it and will update you every week.", False),
    ("We are looking into it and will update you at some point.", False),
    ("We are looking into a problem with PRODUCT. Update by TIME.", True),
    ("We are looking into it and will post an update by 6 pm today.", True),
    ("We are looking into it and will tell you more at 15:00.", True),
    ("We are looking into it; we will be back to you within 2 hours.", True)])
def test_a_holding_statement_names_an_update_and_its_time(statement, names_the_update):
    lumen = plan.example_plan()
    lumen.crisis.holding_statement = statement
    assert (_messages(lumen) == []) == names_the_update


def test_the_inbox_hours_must_be_a_day_s_window():
    lumen = plan.example_plan()
    lumen.community = dataclasses.replace(lumen.community, opens="18:00", closes="08:00")
    assert _messages(lumen, "community") == ["The inbox closes (08:00) before it opens (18:00)."]


# --- the calendar -------------------------------------------------------------------------------

def test_the_calendar_spreads_six_weeks_of_posts_from_the_start_date():
    entries = plan.calendar(plan.example_plan())
    assert min(e.day for e in entries) == dt.date(2027, 1, 4)
    assert max(e.day for e in entries) < dt.date(2027, 1, 4) + dt.timedelta(weeks=6)
    per_channel = Counter(e.channel for e in entries)
    assert per_channel["Instagram"] == 5 * 6 and per_channel["YouTube"] == 2
    assert "Review sites" not in per_channel
    videos = [e.day for e in entries if e.channel == "YouTube"]
    assert (videos[1] - videos[0]).days == 30  # a month apart, not weekly


def test_the_calendar_follows_each_channel_s_own_mix():
    entries = plan.calendar(plan.example_plan())
    linkedin = {e.pillar for e in entries if e.channel == "LinkedIn"}
    assert linkedin == {"Wholesale and careers"}
    instagram = Counter(e.pillar for e in entries if e.channel == "Instagram")
    assert sorted(instagram.values()) == [7, 7, 8, 8]  # four pillars at 25% over 30 posts


def test_the_calendar_spreads_posts_over_every_day_of_the_week():
    entries = plan.calendar(plan.example_plan())
    per_weekday = Counter(e.day.weekday() for e in entries)
    assert len(per_weekday) == 7 and max(per_weekday.values()) < len(entries) / 4
    assert max(Counter(e.day for e in entries).values()) <= 7


def test_linkedin_posts_on_weekdays_unless_told_otherwise_and_any_channel_can_choose():
    weekend = {5, 6}
    lumen = plan.example_plan()
    on = lambda name: {e.day.weekday() for e in plan.calendar(lumen) if e.channel == name}  # noqa: E731
    assert not on("LinkedIn") & weekend and on("Instagram") & weekend
    count = Counter(e.channel for e in plan.calendar(lumen))
    lumen = _with_channel("Instagram", days="weekdays")
    assert not on("Instagram") & weekend
    assert Counter(e.channel for e in plan.calendar(lumen)) == count  # as many posts, other days
    lumen = _with_channel("LinkedIn", days="every day")
    assert on("LinkedIn") & weekend
    lumen = _with_channel("LinkedIn", days="Tuesdays")
    assert _messages(lumen, "channels") == [] and on("LinkedIn") == {1}
    lumen = _with_channel("LinkedIn", days="some Tuesdays")
    assert _messages(lumen, "channels") == [
        "“some Tuesdays” is not a choice of days for LinkedIn: every day, weekdays or days by name, "
        "such as “Thu to Sat” or “Fri, Sat”."]


@pytest.mark.parametrize("days, weekdays", [
    ("Thu to Sat", ("Thu", "Fri", "Sat")), ("fri, sat and sun", ("Fri", "Sat", "Sun")),
    ("Tue-Thu & Sat", ("Tue", "Wed", "Thu", "Sat")), ("Fri to Mon", ("Mon", "Fri", "Sat", "Sun")),
    ("weekdays", ("Mon", "Tue", "Wed", "Thu", "Fri")), ("Sat mornings", None), ("someday", None)])
def test_a_channel_s_days_can_be_named(days, weekdays):
    assert plan.post_weekdays(days) == weekdays


def test_a_channel_that_posts_on_a_day_the_rota_leaves_closed_is_questioned():
    """A florist closed on Monday put Facebook on "Mon, Wed, Fri": nobody would answer Monday's
    comments, and the calendar moved them to Wednesday."""
    lumen = _with_channel("Facebook", days="Mon, Wed, Fri", posts=3)
    lumen.community = dataclasses.replace(lumen.community, rota={
        day: shift for day, shift in lumen.community.rota.items() if day != "Mon"}, days=6)
    found = [(issue.level, issue.message) for issue in plan.check(lumen)
             if issue.where == "channels.Facebook.days"]
    assert found == [("consider", "Facebook posts on Mon, which the rota leaves closed: nobody answers its "
                                  "comments then, and the calendar moves those posts to its other days. Name "
                                  "days the rota staffs.")]
    lumen = _with_channel("Facebook", days="Tue, Wed, Fri", posts=3)
    assert not [issue for issue in plan.check(lumen) if issue.where == "channels.Facebook.days"]


def test_a_business_can_put_its_posts_on_its_busiest_days():
    """A bike shop busiest from Thursday to Saturday posts 3 times a week on those days, not spread
    over the week (reader 94's calendar never used its Saturday)."""
    lumen = _with_channel("Instagram", days="Thu to Sat", posts=3)
    days = Counter(e.day.strftime("%a") for e in plan.calendar(lumen) if e.channel == "Instagram")
    assert days == {"Thu": 6, "Fri": 6, "Sat": 6}
    instagram = next(channel for channel in lumen.channels if channel.name == "Instagram")
    assert plan_export.cadence_text(instagram) == "3 a week, on Thu to Sat"


def test_no_start_date_means_no_calendar():
    assert plan.calendar(_example(start="")) == []


# --- save and load ------------------------------------------------------------------------------

def test_a_plan_survives_a_save_and_a_load(tmp_path):
    path = tmp_path / "lumen.plan.json"
    plan.save(plan.example_plan(), path)
    loaded = plan.load(path)
    assert loaded.state == "restored" and loaded.plan == plan.example_plan()


def test_a_plan_saved_before_the_budget_had_costs_still_loads_with_them_empty(tmp_path):
    """A save file of the same version without `hourly_cost`, `other_costs` and
    `other_costs_per_year` loads; they take their defaults and the hours are questioned."""
    lumen = plan.example_plan()
    saved = plan.to_dict(lumen)
    for name in ("hourly_cost", "other_costs", "other_costs_per_year"):
        del saved["plan"]["budget"][name]
    path = tmp_path / "older.plan.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    loaded = plan.load(path)
    assert loaded.state == "restored"
    assert loaded.plan == dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, hourly_cost=0, other_costs="", other_costs_per_year=0))
    assert [(issue.level, issue.where) for issue in plan.check(loaded.plan)] == [
        ("consider", "budget.hourly_cost")]


def test_lumen_s_budget_prices_its_hours_and_adds_up_to_its_case():
    """42 hours a week × 52 × 43.75 USD, the overtime, a year of tools and promotion, and the
    contingency: the year's cost the case names."""
    budget = plan.example_plan().budget
    assert budget.people_cost() == 42 * 52 * 43.75 == 95_550
    assert budget.total() == 95_550 + budget.other_costs_per_year + 12 * (250 + 200) + 16_000
    assert f"A year of the plan costs about {budget.total():,.0f} USD" in budget.case


@pytest.mark.parametrize("change, found", [
    ({"hourly_cost": -1}, [("fix", "budget.hourly_cost")]),
    ({"other_costs_per_year": -5}, [("fix", "budget.other_costs_per_year")]),
    ({"other_costs": ""}, [("consider", "budget.other_costs")]),
    ({"other_costs": "", "other_costs_per_year": 0}, [])])
def test_the_budget_s_costs_are_not_negative_and_other_costs_are_named(change, found):
    lumen = plan.example_plan()
    changed = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, **change))
    assert [(issue.level, issue.where) for issue in plan.check(changed)] == found


STAGED_ASK = {"first_stage": "January to March 2027, then the April report decides",
              "first_stage_cost": 6040,
              "go_no_go": "on 1 April, go on if the quarter brings 100 code and link orders, else "
                          "stop the paid promotion",
              "payback": "It pays back in 2031 if one wholesale enquiry in four becomes an account, and the "
                         "plan is chosen over the cheaper option for its paid test. The cheaper option pays "
                         "back in 2032."}


def _staged(**changes):
    """Lumen's plan with its staged ask written (STAGED_ASK), then `changes` to its budget."""
    lumen = plan.example_plan()
    return dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, **{**STAGED_ASK, **changes}))


def _budget_issues(a_plan):
    return [(issue.level, issue.where, issue.message) for issue in plan.check(a_plan)
            if issue.part == "budget"]


MOVED_QUESTION = ("Say what work the 7 moved hours a week come from and what becomes of it (it "
                  "stops, slows, or someone else takes it on), so the director sees what the plan "
                  "gives up.")


@pytest.mark.parametrize("change, found", [
    ({"moved_from": ""}, ("consider", "budget.moved_from", MOVED_QUESTION)),
    ({"moved_from": "see notes"}, ("fix", "budget.moved_from",
                                   f"{MOVED_QUESTION} (“see notes” is a placeholder.)")),
    ({"moved_from": "Other work."}, ("fix", "budget.moved_from",
                                     f"{MOVED_QUESTION} (“Other work.” is fewer than 4 words.)")),
    ({"moved_from": "", "hours_today": 42}, None),  # nothing moves: nothing to say
    ({"moved_from": "", "hours_today": 0}, ("consider", "budget.hours_today", None)),  # asked first
    ({"moved_from": "Sam's Friday stock count moves to the Saturday part-timer."}, None),
])
def test_hours_moved_from_other_work_say_what_gives_way(change, found):
    """A director approving moved hours asks what stops for them (reader 108): with hours moved,
    a blank answer is asked for, a hollow one is a fix; with none moved, or the hours spent today
    not given yet, there is nothing to say."""
    issues = [(level, where, message) for level, where, message in _budget_issues(_staged(**change))
              if where in ("budget.moved_from", "budget.hours_today")]
    if found is None:
        assert issues == []
    elif found[2] is None:
        assert [(level, where) for level, where, _ in issues] == [found[:2]]
    else:
        assert issues == [found]


def test_a_case_that_names_no_cheaper_option_is_asked_for_one():
    """Readers' directors' pages said "none named in the case": the builder now asks for one."""
    lumen = _staged()
    case = " ".join(sentence for sentence in re.split(r"(?<=\.)\s+", lumen.budget.case)
                    if "cheaper" not in sentence.lower())
    without = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, case=case))
    [(level, where, message)] = _budget_issues(without)
    assert (level, where) == ("consider", "budget.case") and message.startswith(
        "The case names no cheaper option, and a director will ask what a smaller plan costs and brings")
    example, payback = re.findall(r"“([^”]+)”", message)  # written as asked, the director sees it whole
    followed = dataclasses.replace(without, budget=dataclasses.replace(
        without.budget, case=f"{case} {example}", payback=without.budget.payback.rstrip(".")
        + payback.replace("…", "")))
    assert _budget_issues(followed) == []
    director = plan_export.director_markdown(followed)
    assert "without the paid posts" in director and "not stated" not in director
    assert "June 2028" in director and "(2 fewer, worth 4,550 USD a year)" in director  # 2 × 43.75 × 52
    # reader 94 wrote the hours saved a year: they are set beside the plan's hours a week
    case = followed.budget.case.replace("2 moved hours a week", "104 moved hours a year")
    yearly = dataclasses.replace(followed, budget=dataclasses.replace(followed.budget, case=case))
    assert "(2 fewer, worth 4,550 USD a year)" in plan_export.director_markdown(yearly)


def test_a_case_that_gives_what_one_sale_earns_and_not_the_plan_is_asked_for_the_plan_s_sum():
    """Reader 94's director's box put "an extra service books at 65 GBP and earns about 30" as what
    the plan earns back: a unit's earnings are no return, and a case without one is asked for it,
    with an example that, followed, fills the box."""
    lumen = _staged()
    cheaper = next(sentence for sentence in re.split(r"(?<=\.)\s+", lumen.budget.case)
                   if "cheaper" in sentence)
    unit = ("An extra service books at 65 USD and earns about 30 USD after parts and time. Regulars earn "
            "about 400 USD a month once they come back.")  # reader 97: a rate a month is no return
    only_unit = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, case=f"{unit} {cheaper} It loses the paid test."))
    [(level, where, message)] = _budget_issues(only_unit)
    assert (level, where) == ("consider", "budget.case") and message.startswith(
        "The case does not say what the plan earns back in all")
    assert "What it earns back" not in plan_export.director_markdown(only_unit)
    [example] = re.findall(r"“([^”]+)”", message)
    followed = dataclasses.replace(only_unit, budget=dataclasses.replace(
        only_unit.budget, case=f"{only_unit.budget.case} {example}"))
    assert _budget_issues(followed) == []
    assert ("| What it earns back | – | The plan earns back about 2,200"
            in plan_export.director_markdown(followed))


@pytest.mark.parametrize("saving, cash, hours", [
    ("saves 1,200 USD a year of new money and 104 staff hours a year", "(1,200 less)",
     "(2 fewer, worth 4,550 USD a year)"),
    ("saves 1,200 USD of new money a year; it keeps all 7 people hours a week", "(1,200 less)",
     "not stated in the case"),
    ("saves 99,999 USD of new money and 2 moved hours a week", "the case saves more than the plan has",
     "(2 fewer, worth 4,550 USD a year)"),
    ("saves 1,200 USD a year of cash and 1 moved hour a week", "(1,200 less)",  # reader 164's singular
     "(1 fewer, worth 2,280 USD a year)")])
def test_the_cheaper_option_s_savings_are_read_as_written_and_never_beyond_the_plan(saving, cash, hours):
    """Reader 97's wordings: a saving 'a year of new money' and 'staff hours a year' are read, the
    hours a plan keeps are no saving, and a saving beyond the plan's own is flagged, not printed as
    a negative sum."""
    lumen = _staged()
    case = " ".join(sentence for sentence in re.split(r"(?<=\.)\s+", lumen.budget.case)
                    if "cheaper" not in sentence.lower())
    written = f"{case} The cheaper option, without the paid posts, {saving} and loses the spring ads."
    director = plan_export.director_markdown(dataclasses.replace(
        lumen, budget=dataclasses.replace(lumen.budget, case=written)))
    [money_row] = [line for line in director.splitlines() if line.startswith("| New money a year |")]
    [hours_row] = [line for line in director.splitlines()
                   if line.startswith("| Staff time moved from other work |")]
    assert cash in money_row and hours in hours_row


@pytest.mark.parametrize("saving, unread", [
    ("saves 1,344 a year", "the staff hours"),  # reader 151: the sum is read, its hours are not
    ("saves money and keeps the hours", "the cash or the staff hours")])
def test_a_cheaper_option_whose_saving_the_director_s_version_cannot_read_is_questioned(saving, unread):
    """Reader 151's director would have read "not stated in the case" beside a saving the case did
    state, with no word to the manager; the consider names what is unread, and its wording, followed,
    is read."""
    lumen = _staged()
    case = " ".join(sentence for sentence in re.split(r"(?<=\.)\s+", lumen.budget.case)
                    if "cheaper" not in sentence.lower())

    def with_saving(words: str) -> plan.Plan:
        return dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, case=(
            f"{case} The cheaper option, without the paid posts, {words} and loses the spring ads.")))
    [(level, where, message)] = _budget_issues(with_saving(saving))
    assert (level, where) == ("consider", "budget.case")
    assert message.startswith(f"The case names a cheaper option, but the director's version cannot read "
                              f"{unread} it saves")
    assert "not stated in the case" in plan_export.director_markdown(with_saving(saving))
    example = re.search(r"“(saves [^”]+)”", message)[1]
    assert example == "saves 1,200 USD a year of cash and 2 moved hours a week"
    assert _budget_issues(with_saving(example)) == []
    assert "not stated in the case" not in plan_export.director_markdown(with_saving(example))


def test_us_numbers_and_rules_in_a_plan_priced_in_another_currency_are_questioned(tmp_path):
    """Reader 151's garden centre in Harrogate could write "call 911" and "the FDA" in its own words
    and pass; a plan priced in GBP is asked about each US emergency number, health body and food
    law in its crisis texts, one consider a field, and Lumen (USD) is not."""
    lumen = plan.example_plan()
    assert not [issue for issue in plan.check(lumen) if "United States'" in issue.message]
    british = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, currency="GBP"))
    asked = {issue.where: issue.message for issue in plan.check(british) if "United States'" in issue.message}
    assert asked["crisis.holding_statement"].startswith(
        "“Crisis, holding statement” gives 911, Poison Help and 1-800-222-1222, which are the United "
        "States', in a plan priced in GBP")
    assert asked["crisis.escalation"].startswith("“Crisis, escalation” gives FDA, 1-866-300-4374, "
                                                 "Reportable Food Registry, 21 U.S.C. and 21 CFR")
    assert set(asked) == {"crisis.holding_statement", "crisis.escalation"}  # the FTC may be right
    own = dataclasses.replace(british, crisis=dataclasses.replace(
        british.crisis, holding_statement="Sorry to hear this. Trouble breathing: 999 now; otherwise "
        "NHS 111. An update here within two hours."))
    assert "crisis.holding_statement" not in {issue.where for issue in plan.check(own)}
    canadian = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, currency="CAD"))
    asked = {issue.where: issue.message for issue in plan.check(canadian)
             if "United States'" in issue.message}
    assert asked["crisis.holding_statement"].startswith(  # reader 157: 911 is Canada's number too
        "“Crisis, holding statement” gives Poison Help and 1-800-222-1222, which are the United "
        "States', in a plan priced in CAD")
    assert not [message for message in asked.values() if "Beyond the US" in message]  # no course text
    for currency in ("MXN", "PHP"):  # Mexico's and the Philippines' number too
        priced = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, currency=currency))
        assert "gives Poison Help and 1-800-222-1222," in next(
            issue.message for issue in plan.check(priced) if issue.where == "crisis.holding_statement")


@pytest.mark.parametrize("currency, escalation, holding, asked", [
    ("AUD", "Anyone hurt: call 9-1-1, then ring Sam.", "Poison Control, (800) 222-1222.",
     {"community.escalation": "9-1-1", "crisis.holding_statement": "Poison Control and (800) 222-1222"}),
    ("MX$", "Anyone hurt: call 911, then ring Sam.", "Call 911 now.", {}),  # Mexico's
    ("PHP", "Food poisoning: ring Carmela, who reports it to the FDA at once.",
     "Call 911 now. We are telling FDA Philippines.", {}),  # the Philippines' FDA
    ("EUR", "Food poisoning: ring Carmela, who tells the FDA.",
     "Call 112 now. We are telling FDA Philippines and the Thai FDA.", {"community.escalation": "FDA"}),
    ("GBP", "Food poisoning: ring Carmela, who rings (866) 300-4374.", "Call 999 now.",
     {"community.escalation": "(866) 300-4374"})])  # the FDA's emergency line, which Lumen gives
def test_us_numbers_written_otherwise_and_in_the_inbox_s_escalation_are_questioned(
        currency, escalation, holding, asked):
    """Reader 159: "9-1-1", "Poison Control" and "(800) 222-1222" passed, as did "call 911" in the
    inbox's escalation, which the staff sheet prints; "MX$" was asked about 911 and "FDA
    Philippines", the Philippines' own regulator, was taken for the United States'."""
    lumen = plan.example_plan()
    written = dataclasses.replace(
        lumen, budget=dataclasses.replace(lumen.budget, currency=currency),
        community=dataclasses.replace(lumen.community, escalation=escalation),
        crisis=dataclasses.replace(lumen.crisis, holding_statement=holding, escalation="Ring Sam."))
    found = {issue.where: issue.message for issue in plan.check(written) if "United States'" in issue.message}
    assert {where: message.split("” gives ")[1].split(", which")[0] for where, message in found.items()} \
        == asked


def test_a_code_typed_in_small_letters_is_printed_in_capitals():
    """A plan priced in "usd" printed "1,200 usd" in every amount; the exports and the budget's
    messages now give the code in capitals, and what is not a code as typed."""
    lumen = plan.example_plan()
    small = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, currency=" usd "))
    assert small.budget.money == "USD" and plan_export.director_markdown(small) == \
        plan_export.director_markdown(lumen)
    assert dataclasses.replace(lumen.budget, currency="CA$").money == "CA$"
    assert dataclasses.replace(lumen.budget, currency="").money == "[currency]"


@pytest.mark.parametrize("typed", ["$", "CA$", "MEX$", "R$", "US $"])
def test_a_dollar_sign_for_a_currency_is_asked_for_its_code_without_guessing_the_country(typed):
    """Reader 159: "$" was told "write the code, USD", wrong in Mexico, Canada or Australia, and
    "CA$" was asked nothing of its code but asked about 911, Canada's number too."""
    lumen = plan.example_plan()
    dollars = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, currency=typed))
    assert [message for level, where, message in _budget_issues(dollars) if where == "budget.currency"] == [
        f"The exports print every amount with its currency after it (“1,200 USD”), so “{typed}” would read "
        f"“1,200 {typed}”, and many countries' money is written alike: write its three-letter code (USD, "
        "CAD, AUD, MXN, NZD…)."]
    assert not [issue for issue in plan.check(dollars) if "United States'" in issue.message]  # code first


def test_a_plan_that_spends_with_its_staged_ask_written_passes_the_budget_s_checks():
    assert _budget_issues(_staged()) == []
    assert _budget_issues(_staged(go_no_go="in April: go on at 30 orders a month, else stop")) == []


@pytest.mark.parametrize("empty", ["first_stage", "go_no_go", "payback", "rests_on"])
def test_a_plan_that_spends_without_a_first_stage_its_test_or_its_premises_is_questioned(empty):
    [(level, where, message)] = _budget_issues(_staged(**{empty: " "}))
    assert (level, where) == ("consider", f"budget.{empty}") and message.count(". ") == 0
    nothing_spent = _staged(**{empty: "", "hourly_cost": 0, "other_costs_per_year": 0,
                               "other_costs": "", "tools_per_month": 0, "paid_per_month": 0})
    assert [where for _, where, _ in _budget_issues(nothing_spent)] == ["budget.hourly_cost"]


@pytest.mark.parametrize("over, message", [
    (None, "A budget cannot be negative."),
    (1, "The first stage's new money ({cost:,.0f} USD) is more than the plan's whole year "
        "({year:,.0f} USD): give the stage's cost alone.")])
def test_a_first_stage_costing_less_than_nothing_or_more_than_the_year_is_refused(over, message):
    year = plan.example_plan().budget.total()
    cost = -1 if over is None else year + over
    assert _budget_issues(_staged(first_stage_cost=cost)) == [
        ("fix", "budget.first_stage_cost", message.format(cost=cost, year=year))]
    assert _budget_issues(_staged(first_stage_cost=year, first_stage="the year 2027")) == []


def test_added_per_year_is_the_new_money_and_the_moved_hours_at_the_hourly_cost():
    budget = plan.example_plan().budget
    assert budget.moved_hours() == 42 - 35 == 7
    assert budget.added_per_year() == 17_037 + 7 * 52 * 43.75 == 32_962


@pytest.mark.parametrize("change, found", [
    ({"hours_today": 43}, ("fix", "budget.hours_today",
                           "The 43 hours spent on social today are more than the plan's 42 people "
                           "hours a week: give how many of the plan's hours are spent on social "
                           "today.")),
    ({"hours_today": 0}, ("consider", "budget.hours_today",
                          "Say how many of these 42 people hours are spent on social today, so "
                          "the director sees what is new.")),
    ({"first_stage_cost": 18_000}, ("consider", "budget.first_stage_cost",
                                    "The first stage of 3 months costs 18,000 USD of new money, "
                                    "more than the plan's new money in a whole year (17,037): give "
                                    "the stage's share of it, or say in the case what the stage "
                                    "buys once.")),
    ({"new_money_per_year": 0}, ("consider", "budget.new_money_per_year",
                                 "Give the cash the plan adds a year beyond today's spending "
                                 "(tools, promotion, other costs): while it is 0, the director's "
                                 "version says it is not written yet.")),
    ({"new_money_per_year": 20_000, "case": plan.example_plan().budget.case.replace("17,037", "20,000")},
     ("fix", "budget.new_money_per_year",
                                      "The new money a year, 20,000 USD, is more than the budget's "
                                      "items add: it leaves 77,142 of the total for what is spent "
                                      "today, less than the 35 hours a week on social today cost "
                                      "(79,625). Give only the cash the plan adds a year: at most the "
                                      "budget's cash items, other costs + 12 × (tools + paid "
                                      "promotion), 17,517, less what of them is paid today."))])
def test_what_the_plan_adds_is_checked_against_its_hours_and_its_first_stage(change, found):
    assert _budget_issues(_staged(**change)) == [found]


@pytest.mark.parametrize("stage, months", [
    ("January to March 2027, then the April report decides", 3), ("October 2026 to March 2027", 6),
    ("six months from May", 6), ("the first quarter", 3), ("12 months", 12),
    ("4 January to 31 March 2027", 3), ("January 5 to March 31, 2027", 3),
    ("Jan 5th - Jun 30th, 2027", 6), ("5 January 2027 to 30 April 2027", 4),
    ("until the owner says stop", None), ("we may stop in June", None)])
def test_a_first_stage_s_length_is_read_from_its_words(stage, months):
    assert plan.stage_months(stage) == months


@pytest.mark.parametrize("stage, weeks", [
    ("the first ten weeks", 10), ("6 weeks from 5 January", 6), ("January to March 2027", 13),
    ("until the owner says stop", None)])
def test_a_first_stage_s_weeks_are_read_from_its_words(stage, weeks):
    assert plan.stage_weeks(stage) == weeks


@pytest.mark.parametrize("summary, found", [
    ("It asks for 1,900 USD of new money in the first year.", "1,900"),
    ("It asks for 17,037 USD of new money a year.", None),
    ("It asks for 17,000 USD of new money a year.", None),  # rounded as people say it
    ("It asks for 20,000 USD of new money a year.", "20,000"),  # 17,037 rounds to it, but 17% away
    ("The first stage needs 6,686 USD of new money.", None),
    ("The cheaper option saves 3,080 USD a year of new money.", None)])  # not the plan's own
def test_new_money_in_the_summary_must_be_the_budget_s(summary, found):
    lumen = plan.example_plan()
    issues = [issue for issue in plan.check(dataclasses.replace(lumen, summary=summary))
              if issue.where == "summary"]
    assert [issue.message for issue in issues] == ([] if found is None else [
        f"This text gives {found} USD of new money, but the budget's is 17,037 a year and the first "
        "stage's 6,686: make them agree."])


@pytest.mark.parametrize("summary, found", [
    ("It moves 7 people hours a week from other work and holds a 16,000 USD reserve.", []),
    ("It needs 42 hours a week, tools and promotion at 450 USD a month.", []),
    ("It adds 32,962 USD a year, cash and moved hours.", []),  # the money box's "together"
    ("It costs 35,000 USD a year all told, with 17,037 USD a year of new money.", ["35,000 USD a year"]),
    ("It moves 12 people hours a week.", ["12 people hours a week"]),
    ("It takes eighteen hours a week of four people's time.", ["eighteen hours a week"]),  # reader 113
    ("It moves seven hours a week from other work.", []),
    ("It holds a 20,000 reserve and spends 500 USD a month.", ["500 USD a month", "20,000 reserve"]),
    ("The cheaper option needs 4 people hours a week.", []),  # the cheaper option's own
    ("It asks for 13 more office hours a week.", ["13 more office hours a week"]),  # reader 163
    ("It asks for 7 more office hours a week.", [])])
def test_hours_money_and_the_reserve_in_the_summary_must_be_the_budget_s(summary, found):
    """Reader 108: the summary's hours, money a month or a year and reserve went unchecked, and the
    director's page printed the budget's beside them; reader 163's "13 more office hours", two
    words before "hours", passed beside 17 moved."""
    lumen = plan.example_plan()
    messages = [issue.message for issue in plan.check(dataclasses.replace(lumen, summary=summary))
                if issue.where == "summary"]
    assert [message.split("“")[1].split("”")[0] for message in messages] == found
    assert all("make them agree" in message for message in messages)


def test_a_cheaper_option_that_pays_back_sooner_needs_a_reason_the_director_sees():
    """Reader 108: the plan's reason to be chosen over a cheaper option that pays back sooner was
    neither asked for nor on the director's page."""
    lumen = plan.example_plan()
    why = "The plan is chosen over the cheaper option for its paid test."
    assert why in lumen.budget.payback and not _budget_issues(lumen)
    rows = {row[0]: row[1:] for block in plan_export._cheaper_option(lumen) if hasattr(block, "rows")
            for row in block.rows}
    assert rows["Pays back"] == ("June 2033 at 35 hours", "April 2031")
    assert rows["Why the plan"] == (why, "–")
    assert plan_export.to_markdown(lumen).count(why) == 1
    lumen.budget = dataclasses.replace(lumen.budget, payback=lumen.budget.payback.replace(f" {why}", ""))
    assert _budget_issues(lumen) == [("consider", "budget.payback", (
        "The cheaper option pays back sooner (April 2031, against the plan's June 2033), and nothing says "
        "why the plan is worth the wait: add a sentence such as “The plan is chosen over the cheaper option "
        "for its paid test.”; the director's version sets it beside the two."))]


def test_a_case_s_new_money_must_be_the_budget_s_but_its_cheaper_option_s_saving_may_differ():
    lumen = plan.example_plan()
    assert "saves 9,180 USD a year" in lumen.budget.case  # the cheaper option's, left alone
    wrong = dataclasses.replace(lumen.budget, case=lumen.budget.case.replace("17,037", "17,937"))
    assert ("fix", "budget.case", "This text gives 17,937 USD of new money, but the budget's is "
            "17,037 a year and the first stage's 6,686: make them agree.") in _budget_issues(
        dataclasses.replace(lumen, budget=wrong))


@pytest.mark.parametrize("costs, per_year, flagged", [
    ("A pet photographer, 250 once; a one-day course for Aisha, 150 once", 400, True),
    ("Overtime 300; a one-off shoot 250", 550, True),
    ("Overtime 300; a one-off shoot 250", 300, False),  # the shoot left to the first stage
    ("Overtime 9,837 (cover 7,562, on-call 2,275); actions 1,200. Training, January 2027: 2,475 once",
     11_037, False),  # Lumen's way: the training day beside the year's figures, not in them
    ("Overtime 9,837 (cover 7,562, on-call 2,275); actions 1,200. Training, January 2027: 2,475 once",
     13_512, True),
    ("Overtime 300 a month", 3_600, False),
    ("Extra hours in the two peak weeks, 2 weeks of 10 hours at 14.50: 290; review cards 60. A "
     "photographer, February 2027: 400 once.", 750, True)])  # each item's sum comes last
def test_other_costs_a_year_that_count_a_one_off_are_questioned(costs, per_year, flagged):
    lumen = plan.example_plan()
    budget = dataclasses.replace(lumen.budget, other_costs=costs, other_costs_per_year=per_year)
    found = [issue for issue in plan.check(dataclasses.replace(lumen, budget=budget))
             if issue.where == "budget.other_costs_per_year"]
    assert [issue.level for issue in found] == (["consider"] if flagged else [])
    if flagged:
        once = plan.paid_once(costs)[1]
        assert found[0].message.startswith(f"The other costs a year, {per_year:,} USD, count {once:,.0f} "
                                           "paid once: a year's figures repeat every year")


@pytest.mark.parametrize("surge, flagged", [
    ("2 weeks of 12 extra hours a week at 14.50 GBP an hour (Megan's wage of 12.60 with on-costs)", "12.60"),
    ("2 weeks of 12 extra hours a week at 16.50 GBP an hour; staff are paid £12.20 an hour", "12.20"),
    ("2 weeks of 12 extra hours a week at 16.50 GBP an hour (a wage of 12.71, loaded)", None),
    ("2 weeks of 12 extra hours a week at 16.50 GBP an hour; Canva is paid 10 a month", None)])
def test_a_wage_written_below_the_legal_floor_is_questioned(surge, flagged):
    """A florist's loaded hour of 14.50 passed, while its surge line paid staff 12.60, under the
    National Living Wage of 12.71 (from April 2026)."""
    lumen = plan.example_plan()
    budget = dataclasses.replace(lumen.budget, currency="GBP", hourly_cost=16.5, surge=surge)
    found = [message for _, where, message in _budget_issues(dataclasses.replace(lumen, budget=budget))
             if where == "budget.surge" and "wage" in message]
    assert found == ([] if flagged is None else [
        f"This text pays a wage of {flagged} GBP an hour, below the UK's National Living Wage (aged 21 "
        "and over, from April 2026), 12.71 GBP: raise it, and the hourly cost with it."])
    answers = dataclasses.replace(lumen.community,
                                  who_answers="Megan answers; she is paid 12.50 GBP an hour.")
    found = [issue.where for issue in plan.check(dataclasses.replace(
        lumen, budget=budget, community=answers)) if "a wage of 12.50" in issue.message]
    assert found == ["community.who_answers"]  # a clinic's receptionist, on the rota's own line


@pytest.mark.parametrize("gate, flagged", [
    ("1 April 2027: stop if under 90 orders.", None),
    ("29 March 2027: stop if under 90 orders.", "Mon 29 March 2027"),  # a closed date (Easter Monday)
    ("3 April 2027: stop if under 90 orders.\n4 July 2027: go on with 199 orders.", "Sun 4 July 2027"),
    # the day written the American way, as a date field is typed, or shortened
    ("March 29, 2027: stop if under 90 orders.", "Mon 29 March 2027"),
    ("2027-07-04: go on with 199 orders.", "Sun 4 July 2027"),
    ("On 29th Mar 2027, stop if under 90 orders.", "Mon 29 March 2027"),
    ("31 February 2027: stop if under 90 orders.", None)])  # no such day: nothing to question
def test_a_gate_read_on_a_day_the_business_is_closed_is_questioned(gate, flagged):
    """A clinic put its go/no-go test on Easter Monday, a closed date it had typed itself."""
    lumen = plan.example_plan()
    lumen.community = dataclasses.replace(lumen.community, closed_dates="2027-03-29", rota={
        day: shift for day, shift in lumen.community.rota.items() if day != "Sun"}, days=6)
    lumen.budget = dataclasses.replace(lumen.budget, go_no_go=gate)
    found = [message for _, _, message in _budget_issues(lumen) if "a day the business is closed" in message]
    after = {"Mon 29 March 2027": "Tue 30 March 2027", "Sun 4 July 2027": "Mon 5 July 2027"}
    assert found == ([] if flagged is None else [
        f"The go/no-go test is read on {flagged}, a day the business is closed: read it on the next open "
        f"day, {after[flagged]}, or another that is open."])


def test_a_gate_inside_a_long_closure_names_the_first_open_day_after_it():
    """Closed three weeks from 20 December, a gate on 27 December points past the whole closure."""
    lumen = plan.example_plan()
    lumen.community = dataclasses.replace(lumen.community, closed_dates=", ".join(
        (dt.date(2027, 12, 20) + dt.timedelta(days=step)).isoformat() for step in range(21)))
    lumen.budget = dataclasses.replace(lumen.budget, go_no_go="27 December 2027: stop if under 90 orders.")
    found = [message for _, _, message in _budget_issues(lumen) if "a day the business is closed" in message]
    assert found == ["The go/no-go test is read on Mon 27 December 2027, a day the business is closed: read "
                     "it on the next open day, Mon 10 January 2028, or another that is open."]


@pytest.mark.parametrize("changes, where, said", [
    ({"first_stage": "January to March 2026: the tools"}, "budget.first_stage",
     "The first stage's months end on 31 March 2026, before the plan starts (4 January 2027)"),
    ({"first_stage": "January 2027 to March 2028: the tools"}, "budget.first_stage",
     "The first stage runs from 4 January 2027 to 31 March 2028, longer than a year"),
    ({"first_stage": "May to July 2027: the tools"}, "budget.first_stage",
     "The first stage begins on 1 May 2027, 117 days after the plan starts (4 January 2027)"),
    ({"go_no_go": "1 December 2026: stop if under 90 orders."}, "budget.go_no_go",
     "The go/no-go test is read on 1 December 2026, before the plan starts (4 January 2027)"),
    ({"go_no_go": "1 June 2027: stop if under 90 orders."}, "budget.go_no_go",
     "The first stage ends on 31 March 2027, but the test that decides the next stage is read on "
     "1 June 2027"),
    ({"payback": "It pays back by March 2026 at 35 hours."}, "budget.payback",
     "The payback gives March 2026, before the plan starts (4 January 2027)"),
    ({"payback": "It pays back in 2025."}, "budget.payback", "The payback gives in 2025, before the plan")])
def test_the_staged_ask_s_dates_must_agree_with_the_start(changes, where, said):
    """Reader 108: a plan whose start and staged ask disagreed passed every check, and the money box
    then counted more than a year of staff time into the first stage."""
    lumen = plan.example_plan()
    assert not [issue for issue in plan.check(lumen) if issue.where == where]
    lumen.budget = dataclasses.replace(lumen.budget, **changes)
    assert [message for _, found, message in _budget_issues(lumen)
            if found == where and message.startswith(said)], _budget_issues(lumen)


def test_a_start_already_past_is_pointed_out_only_when_today_is_given():
    lumen = plan.example_plan()  # starts 4 January 2027
    assert plan.check(lumen, dt.date(2027, 1, 4)) == plan.check(lumen)
    past = plan.check(lumen, dt.date(2027, 1, 5))
    assert [(issue.level, issue.where) for issue in past if issue not in plan.check(lumen)] == [
        ("consider", "start")]


def _surge_messages(**budget_fields) -> list[str]:
    """What the check says of the contingency of Lumen's plan with these budget fields."""
    lumen = plan.example_plan()
    budget = dataclasses.replace(lumen.budget, **budget_fields)
    return [message for level, where, message in _budget_issues(dataclasses.replace(lumen, budget=budget))
            if where == "budget.contingency"]


@pytest.mark.parametrize("contingency, flagged", [(300, True), (330, False), (400, False), (420, True)])
def test_a_surge_s_written_sum_must_match_its_contingency(contingency, flagged):
    """Two weeks × 10 hours a week × 16.50 is 330: a reserve below it, or over a quarter above it,
    is questioned (a bike shop's 300 was)."""
    found = _surge_messages(contingency=contingency, surge=(
        "Two weeks a year of 10 extra hours a week at 16.50 USD an hour, for a complaint or a post "
        "gone viral."))
    assert found == ([f"The surge pricing works out at 2 weeks × 10 extra hours a week × 16.5 USD an "
                      f"hour, 330 USD, but the contingency is {contingency}: make the sum and the "
                      "contingency agree."] if flagged else [])
    assert not [issue for issue in plan.check(plan.example_plan()) if issue.where == "budget.contingency"]


@pytest.mark.parametrize("contingency, flagged", [(900, False), (656, True)])
def test_a_surge_s_other_costs_count_in_its_sum(contingency, flagged):
    """Reader 151's garden centre priced its surge at 2 weeks × 15 hours × 21.875 (656) "plus 244
    for printing a refund notice and boosting the update posts": 900, which the check now adds up."""
    found = _surge_messages(currency="GBP", contingency=contingency, surge=(
        "One surge a year: 2 weeks of 15 extra hours a week at 21.875 GBP an hour, plus 244 for "
        "printing a refund notice and boosting the update posts: 900 in all."))
    assert found == (["The surge pricing works out at 2 weeks × 15 extra hours a week × 21.875 GBP an "
                      "hour + 244, 900 GBP, but the contingency is 656: make the sum and the "
                      "contingency agree."] if flagged else [])


def test_a_busy_week_adds_ten_minutes_to_the_looks_the_inbox_needs_not_to_each_hour_of_a_shift():
    """Reader 160's desk shifts count a look an hour, 112 a week where the 2-hour promise needs 56:
    a busy week's ten more minutes a look came to twice the inbox's own busy hours."""
    lumen = plan.example_plan()
    rota = dict.fromkeys(plan.WEEKDAYS, "Jo 07:00 to 16:00")
    shifts = dataclasses.replace(
        lumen, community=dataclasses.replace(lumen.community, rota=rota),
        budget=dataclasses.replace(lumen.budget, hours_by_person={**lumen.budget.hours_by_person, "Jo": 12}))
    team, promise = shifts.community, min(shifts.promises().values())
    extra = team.hours_needed(promise, 2 * plan.CHECK_MINUTES) - team.hours_needed(promise)
    busy = team.staffed_hours + extra
    assert plan.person_loads(shifts)["Jo"].looks == 63 and round(busy, 1) == 14.7  # not 10 + 63 × 10 min
    [message] = [issue.message for issue in plan.check(shifts) if "busy week" in issue.message]
    assert f"Jo would need {busy:.1f} hours against the 12 budgeted" in message


def test_a_cheaper_option_without_what_it_loses_or_its_payback_is_asked_for_them():
    """Readers 160 and 161 read "not stated in the case" and "not stated in the payback" in the
    director's cheaper-option table, and the builder had never asked for either."""
    lumen = plan.example_plan()
    loses = "It loses a video, an untested channel and the paid test, assumed to bring no sales."
    assert loses in lumen.budget.case and "; cheaper option: April 2031." in lumen.budget.payback
    silent = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, case=lumen.budget.case.replace(loses, ""),
        payback=lumen.budget.payback.replace("; cheaper option: April 2031.", ".")))
    director = plan_export.director_markdown(silent)
    assert "not stated in the case" in director and "not stated in the payback" in director
    asked = {where: message for level, where, message in _budget_issues(silent)
             if "cheaper option" in message}
    assert asked == {
        "budget.case": "The case names a cheaper option but not what it loses, and the director's version "
                       "will say “not stated in the case”: add, in its sentence or the next, “it loses …” "
                       "(the reach, the test or the customers it gives up).",
        "budget.payback": "The payback says when the plan pays back but not the cheaper option the case "
                          "names, and the director's version will say “not stated in the payback”: add a "
                          "clause such as “the cheaper option: by March 2029” (or “never”)."}
    assert not [message for level, where, message in _budget_issues(lumen) if "cheaper option" in message]


def test_a_currency_typed_as_its_symbol_is_asked_for_its_code():
    """Reader 151 typed "£" and read "786 £" on the director's page."""
    lumen = plan.example_plan()
    pounds = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, currency="£"))
    assert "6,686 £ of new money" in plan_export.director_markdown(pounds)  # what the consider warns of
    assert [(level, message) for level, where, message in _budget_issues(pounds)
            if where == "budget.currency"] == [(
                "consider", "The exports print every amount with its currency after it (“1,200 GBP”), "
                "so “£” would read “1,200 £”: write the code, GBP.")]


@pytest.mark.parametrize("moved, asked", [
    ("Alex's flyers (7 h, stopped), phone time (6 h), admin (2 h) and 1 h of Tom's; 17 hours in all.",
     "The hours this text moves add up to 16 (7 + 6 + 2 + 1), not the 17 in all it gives: make the "
     "parts and the total agree."),  # reader 157's, which passed
    ("Alex's flyers (8 h, stopped), phone time (6 h), admin (2 h) and 1 h of Tom's; 17 hours in all.", None),
    ("Alex's 8 come from flyers and Ben's 9 from the phones.", None)])  # no total to add up to
def test_moved_hours_written_in_parts_add_up_to_their_total(moved, asked):
    lumen = plan.example_plan()
    issues = [message for level, where, message in _budget_issues(dataclasses.replace(
        lumen, budget=dataclasses.replace(lumen.budget, moved_from=moved))) if where == "budget.moved_from"]
    assert issues == ([asked] if asked else [])


@pytest.mark.parametrize("rate, currency", [("PHP 243.75", "PHP"), ("₱243.75", "PHP"), ("243.75 PHP", "PHP"),
                                            ("R243.75", "ZAR")])
def test_a_surge_s_hourly_cost_may_be_written_with_its_currency_first(rate, currency):
    """Reader 161's "× 2 weeks × PHP 243.75" was asked what an hour costs until it read "243.75 PHP";
    reader 164's "R247.50", as South Africa writes rand, too."""
    found = _surge_messages(currency=currency, contingency=14625, surge=(
        f"30 extra hours a surge week × 2 weeks × {rate} (195 plus the 25% overtime premium)."))
    assert not [message for message in found if "what an hour costs" in message]


@pytest.mark.parametrize("earned", ["AUD 2,200", "R2,200", "2,200 AUD"])
def test_what_the_plan_earns_back_may_be_written_with_its_currency_first(earned):
    """Reader 163's "The plan earns back about AUD 36,720 a year" was asked for what the plan earns
    back until it read "36,720 AUD"; the code or rand's R may come first."""
    lumen = _staged()
    case = " ".join(sentence for sentence in re.split(r"(?<=\.)\s+", lumen.budget.case)
                    if not plan.EARNED.search(sentence))
    written = dataclasses.replace(lumen, budget=dataclasses.replace(
        lumen.budget, case=f"{case} The plan earns back about {earned} in its first year."))
    assert not [message for _, _, message in _budget_issues(written) if "earns back in all" in message]
    assert f"| What it earns back | – | The plan earns back about {earned}" in plan_export.director_markdown(
        written)


def test_a_plan_says_its_currency_which_no_longer_starts_as_pounds():
    """Reader 152, in Melbourne, was asked what an hour costs "in GBP" before reaching the Currency
    box, which a new plan filled with GBP: it now starts empty, is asked for, and comes first."""
    assert plan.Budget().currency == ""
    lumen = plan.example_plan()
    blank = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, currency=" "))
    assert [(level, message) for level, where, message in _budget_issues(blank)
            if where == "budget.currency"] == [(
                "fix", "Say which currency the budget is in (USD, GBP, EUR, AUD…): the exports print "
                "it after every amount.")]
    assert not [issue for issue in _budget_issues(lumen) if issue[1] == "budget.currency"]


@pytest.mark.parametrize("contingency, flagged", [(9_920, False), (12_152, False), (16_000, True)])
def test_a_surge_sum_worked_in_figures_is_read_as_written(contingency, flagged):
    """Reader 152 wrote "98 hours a week, about 80 of them beyond their usual hours … 80 × 2 × 62 =
    9,920": the check read 98 as the extra hours and asked about a right reserve. A sum worked in
    figures that agrees is read; one that does not, and words that do not, are still asked about."""
    found = _surge_messages(currency="AUD", contingency=contingency, surge=(
        "In a recall the shops need cover for 2 weeks: 98 hours a week at 62 AUD an hour, about 80 "
        "of them beyond their usual hours, so 80 × 2 × 62 = 9,920."))
    assert found == ([f"The surge pricing works out at 2 weeks × 98 extra hours a week × 62 AUD an "
                      f"hour, 12,152 AUD, but the contingency is {contingency:,}: make the sum and the "
                      "contingency agree."] if flagged else [])


@pytest.mark.parametrize("start, said, flagged", [
    ("2027-02-01", "7,645", False),  # 2027 is eleven months of this plan's
    ("2027-01-04", "7,645", True),  # a plan from January has no part year
    ("2027-02-01", "30,000", True),  # more than a year's and a quarter
    ("2027-02-01", "7,645 AUD of new money in 2028", True)])  # not the year it starts in
def test_new_money_for_the_part_year_a_plan_starts_in_is_read(start, said, flagged):
    """Reader 152's case gave "7,645 of new money in 2027" (eleven months and a training day of a
    7,790 a year) and was told to make it agree with the year's or the first stage's."""
    lumen = plan.example_plan()
    budget = dataclasses.replace(lumen.budget, currency="AUD", new_money_per_year=7_790,
                                 first_stage_cost=2_452)
    text = said if " in " in said else f"{said} AUD of new money in 2027"
    case = f"It asks for {text}, for the pre-orders."
    issues = [message for level, where, message in _budget_issues(dataclasses.replace(
        lumen, start=start, budget=dataclasses.replace(budget, case=case))) if where == "budget.case"
              and message.startswith("This text gives")]
    assert bool(issues) == flagged, issues


def test_a_first_stage_of_a_year_or_of_no_length_given_may_cost_more_than_a_year_s_new_money():
    assert _budget_issues(_staged(first_stage_cost=15_000, first_stage="the whole of 2027")) == []
    assert _budget_issues(_staged(first_stage_cost=15_000, first_stage="January to December")) == []


@pytest.mark.parametrize("test, missing", [
    ("in April: go on if orders rise, else stop", "a number that decides it"),
    ("on 1 April 2027: go on if orders rise, else stop", "a number that decides it"),
    ("go on at 30 orders a month, else stop", "a date it is read on"),
    ("after three months, if cake orders haven't risen by a quarter, we stop the ads", None),
    ("in June: keep the ads only if orders double", None),
    ("End of March: stop unless online orders have doubled.", None),
    ("on 1 April 2027: keep going only if we get at least fifteen orders a month", None),
    (HOLLOW_TEXTS["go_no_go"], "a date it is read on or a number that decides it")])
def test_a_go_no_go_test_needs_a_date_and_a_number_when_the_plan_spends(test, missing):
    """The date alone ("1 April 2027" is no threshold) or the number alone is a fix in a plan that
    spends, and only a suggestion in one that does not; a number may be a share in words ("risen by
    a quarter", "double", an expert reader's genuine tests)."""
    if missing is None:
        assert _budget_issues(_staged(go_no_go=test)) == []
        return
    message = (f"The go/no-go test does not give {missing}: write, for example, “on 1 April: go on "
               "if March brings 30 orders, else stop”.")
    assert _budget_issues(_staged(go_no_go=test)) == [("fix", "budget.go_no_go", message)]
    nothing_spent = _staged(go_no_go=test, hourly_cost=0, other_costs_per_year=0, other_costs="",
                            tools_per_month=0, paid_per_month=0)
    assert ("consider", "budget.go_no_go", message) in _budget_issues(nothing_spent)


@pytest.mark.parametrize("stage, cost, asked", [
    ("the first 6 months", 6040, True),  # 17,037 × 6 / 12 = 8,518.5, and 6,040 is under 0.8 of it
    ("the first 6 months", 6816, False),  # just over 0.8 of it
    ("January to March 2027", 3000, True), ("January to March 2027", 4259, False)])
def test_a_first_stage_well_under_its_share_of_the_year_s_new_money_is_asked_why(stage, cost, asked):
    """Reader 113's first stage of 1,000 GBP passed although its months' share of the new money was
    1,444: a stage may spend less (a quiet season), but the director should be told why."""
    issues = [issue for issue in _budget_issues(_staged(first_stage=stage, first_stage_cost=cost))
              if issue[1] == "budget.first_stage_cost"]
    months = plan.stage_months(stage)
    share = 17_037 * months / 12
    assert issues == ([("consider", "budget.first_stage_cost", f"The first stage of {months:g} months costs "
                        f"{cost:,} USD of new money, well under its share of the year's 17,037 "
                        f"({share:,.0f}): give the stage's own cost, or say in the first stage why it "
                        "spends less (a quiet season, say).")] if asked else [])


@pytest.mark.parametrize("stage, asked", [
    ("4 January to 9 April 2027: the posts", "The first stage of 3.2 months costs 3,000 USD of new "
     "money, well under its share of the year's 17,037 (4,543)"),  # 96 days, not four months
    ("4 January to 9 April 2027: the posts; it spends less because the ads wait for the April gate",
     None),
    ("January until March 2027: the posts", "The first stage of 3 months costs 3,000 USD of new money, "
     "well under its share of the year's 17,037 (4,259)"),  # "until" opens a date, it is no reason
    ("Since 4 January 2027, for 3 months: the posts", "The first stage of 3 months costs 3,000 USD of "
     "new money, well under its share of the year's 17,037 (4,259)"),
    ("For 3 months, since the ads start in April", None)])
def test_a_first_stage_s_written_days_give_its_length_and_a_reason_to_spend_less_is_read(stage, asked):
    """Reader 157's stage, 11 January to 9 April, was "4 months" (12.7 weeks on the director's page)
    and was still asked why it spent less after saying so in the stage."""
    issues = [message for level, where, message in _budget_issues(_staged(first_stage=stage,
                                                                           first_stage_cost=3000))
              if where == "budget.first_stage_cost"]
    assert [message.split(":")[0] for message in issues] == ([asked] if asked else [])


@pytest.mark.parametrize("stage, cost, missing", [
    ("Approve it.", 6040, "when it ends (a date, a month or a number of months)"),
    ("The paid posts and the training day", 6040, "when it ends"),
    ("January to March 2027", 0, "its new money (budget.first_stage_cost, or in the text)"),
    ("Approve it.", 0, "its new money (budget.first_stage_cost, or in the text) or when it ends"),
    ("January to March 2027", 6040, None), ("the first 6 months", 8520, None),
    ("Spend £150 on ads over the next quarter.", 150, None),
    ("January to March 2027: 6,040 USD of new money", 0, None),
    ("January to March 2027: the first stage costs 6,040", 0, None)])
def test_a_first_stage_gives_its_new_money_and_when_it_ends(stage, cost, missing):
    """Its new money in its field (budget.first_stage_cost) or in the text; its end as a date, a
    month, a year or a number of months."""
    issues = _budget_issues(_staged(first_stage=stage, first_stage_cost=cost))
    if missing is None:
        assert issues == []
    else:
        [(level, where, message)] = issues
        assert (level, where) == ("fix", "budget.first_stage")
        assert message.startswith(f"The first stage does not give {missing}")


@pytest.mark.parametrize("payback, when", [
    (HOLLOW_TEXTS["payback"], False), ("It will pay back quite quickly.", False),
    ("It may pay back.", False),  # "may" is no month
    ("It pays back in May 2029.", True), ("By 2031.", True), ("Within 18 months.", True),
    ("Not within 5 years.", True), ("Never in money: it buys readers who come back.", True),
    ("It should pay for itself in the second year.", True), ("In its 3rd year.", True),
    ("Within a year, if the 8 extra cake orders a month hold.", True),
    ("It costs 60 GBP a year.", False),
    ("On these figures it does not pay back: it needs about 10 extra bookings a month.", True),  # reader 160
    ("It won't pay for itself in money.", True), ("No payback: it buys goodwill.", True)])
def test_a_payback_says_when_or_that_it_never_comes(payback, when):
    issues = [issue for issue in _budget_issues(_staged(payback=payback)) if issue[0] == "fix"]
    assert issues == ([] if when else [
        ("fix", "budget.payback", "The payback does not give when (a month or a year, or “not "
         "within 5 years” or “never” if it does not): write, for example, “pays back by March "
         "2029, if 14 extra orders a month hold”.")])


def test_why_the_plan_is_chosen_is_asked_for_and_read_from_any_sentence_of_the_payback():
    """Reader 113 wrote why in the payback's one sentence; the builder said nothing, and the director's
    version printed "not stated: say why the plan is chosen" to the director. The reason is now read
    from a clause of the first sentence too, and a payback that says when without it is asked for it."""
    def asked(a_plan):  # what the cheaper option's own payback needs is asked apart
        return [issue for issue in _budget_issues(a_plan) if "but not the cheaper option" not in issue[2]]

    one_sentence = _staged(payback="Never in cash: it buys same-day answers, so it is chosen for them.")
    assert asked(one_sentence) == []
    assert ("| Why the plan | Never in cash: it buys same-day answers, so it is chosen for them. |"
            in plan_export.director_markdown(one_sentence))
    silent = _staged(payback="Never in cash.")
    assert asked(silent) == [("consider", "budget.payback", "The case names a cheaper option, and "
                                       "nothing says why the plan is chosen over it: add a sentence such as "
                                       "“The plan is chosen over the cheaper option for its paid test.”, or "
                                       "the director's version says it is not stated.")]
    assert "not stated: say why the plan is chosen" in plan_export.director_markdown(silent)


@pytest.mark.parametrize("premises, issue", [
    (HOLLOW_TEXTS["rests_on"], "Say what the case rests on, the riskiest assumption first (the "
     "hours spent on social today, a sale's worth, a route to new customers), so the director can "
     "see what would break it. (“Things going well.” is fewer than 4 words.)"),
    ("That customers keep coming back as they do now.", "What the case rests on does not give a "
     "figure the director can check: write, for example, “that the 10 hours a week we spend on "
     "social today are really 10 (nobody has timed them)”."),
    ("That sales hold up until March 2028.", "What the case rests on does not give a figure the "
     "director can check: write, for example, “that the 10 hours a week we spend on social today "
     "are really 10 (nobody has timed them)”."),  # a date is no figure of the case
    ("That no one leaves and everything goes on as it is.", "What the case rests on does not "
     "give a figure the director can check: write, for example, “that the 10 hours a week we spend "
     "on social today are really 10 (nobody has timed them)”."),  # "one" is no figure
    ("An order averages 32 USD at a 40% margin.", None),
    ("That Jo's five hours on social today are really five.", None)])
def test_what_the_case_rests_on_gives_a_figure_to_check(premises, issue):
    assert _budget_issues(_staged(rests_on=premises)) == ([] if issue is None else [
        ("fix", "budget.rests_on", issue)])


def test_a_plan_saved_by_the_previous_builder_still_loads_and_says_what_is_new(tmp_path):
    old = {"format": plan.FORMAT, "version": 1, "plan": {
        "organisation": "Harbour Books", "goals": [{"activity": "connect", "why": "authors"}],
        "audience": {"summary": "readers", "personas": []},
        "channels": [{"name": "Instagram", "property": "rented", "purpose": "shelves"}],
        "content": {"mix": {"educational": 60, "culture": 40}, "posts_per_week": {"Instagram": 4}},
        "engagement": {"response_hours": {"Instagram": "3"}, "who_answers": "Jo",
                       "escalation": "The owner"},
        "metrics": [{"name": "questions_answered", "target": "90"}],
        "actions": {"planning": {"step": "review", "owner": "Jo", "due": "March"}}}}
    path = tmp_path / "old.plan.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    loaded = plan.load(path)
    assert loaded.state == "restored"
    shop = loaded.plan
    assert shop.channels == [Channel("Instagram", "rented", "shelves", 4, "week",
                                     {"educational": 60, "culture": 40}, 0, "3")]
    assert shop.pillar_names() == ["educational", "culture"]
    assert shop.objectives == [Objective("", "questions_answered", "", "90", "")]
    assert shop.community.who_answers == "Jo" and shop.actions["planning"].due == "March"
    assert "Objective 1 (Questions answered) has no baseline, in % of questions." in \
        _messages(shop, "objectives")


@pytest.mark.parametrize("text, reason", [
    ("{half", "not valid JSON at line 1"),
    (json.dumps({"format": plan.FORMAT, "version": 9, "plan": {}}), "format version 9"),
    (json.dumps({"format": "other"}), "not a strategy plan"),
    (json.dumps({"format": plan.FORMAT, "version": 2, "plan": ["a list"]}), "it holds no plan"),
])
def test_an_unreadable_file_is_set_aside_with_a_reason(tmp_path, text, reason):
    path = tmp_path / "mine.plan.json"
    path.write_text(text, encoding="utf-8")
    loaded = plan.load(path)
    assert loaded.state == "set aside" and reason in loaded.message
    assert (tmp_path / "mine.plan.corrupt-1.json").read_text(encoding="utf-8") == text


def test_values_that_fit_no_field_are_named_and_the_rest_restored(tmp_path):
    """Reader 108: one mistyped number set the whole plan aside, named only the first, and printed
    "£" as \\u00a3; now every such value is named, the rest restored, and the file kept."""
    saved = plan.to_dict(plan.example_plan())
    saved["plan"]["budget"].update(people_hours="forty", hourly_cost="15", paid_per_month="£ lots")
    saved["plan"]["channels"][0]["posts"] = None
    path = tmp_path / "mine.plan.json"
    text = json.dumps(saved, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    loaded = plan.load(path)
    assert loaded.state == "restored" and loaded.can_save
    assert loaded.message == (
        "Restored your plan from mine.plan.json, but 3 values fit no field and are left empty: Channel 1, "
        'posts (null); Budget, people hours ("forty"); Budget, paid per month ("£ lots"). The file as it '
        "was is kept as mine.plan.corrupt-1.json; type them again.")
    assert loaded.plan.budget.hourly_cost == 15 and loaded.plan.budget.people_hours == 0
    assert loaded.plan.organisation == "Lumen Coffee Roasters"
    assert (tmp_path / "mine.plan.corrupt-1.json").read_text(encoding="utf-8") == text


def test_a_value_of_the_wrong_type_set_in_code_is_a_fix_not_a_crash():
    """Reader 108: money or posts typed as text in code raised a TypeError inside the checks."""
    lumen = plan.example_plan()
    lumen.budget.people_hours = "forty"
    lumen.channels[0].posts = "4"  # a number typed as text is read as one
    issues = plan.check(lumen)
    assert [(issue.level, issue.part, issue.where) for issue in issues][:1] == [
        ("fix", "budget", "budget.people_hours")]
    assert issues[0].message == ('Budget, people hours holds "forty", which is not what the field takes '
                                 "(a number in figures, or a text): type it again.")
    assert not any(issue.where.startswith("channels[1].posts") for issue in issues)
    assert plan_export.to_markdown(plan.typed(lumen)[0]).startswith("# Social media strategy plan: Lumen")


def test_a_missing_file_starts_from_the_given_plan(tmp_path):
    loaded = plan.load(tmp_path / "none.plan.json", plan.example_plan())
    assert loaded.state == "fresh" and loaded.plan == plan.example_plan()


def test_an_action_in_an_unknown_dimension_is_kept_but_not_required():
    lumen = plan.example_plan()
    lumen.actions["extra"] = Action("something", "", "")
    assert plan.check(lumen) == []


def test_the_hours_a_plan_needs_are_its_posts_its_inbox_and_its_other_work():
    lumen = plan.example_plan()
    needed = lumen.hours_by_work()
    assert needed["Inbox"] == lumen.community.staffed_hours
    assert needed["Other work"] == lumen.budget.other_hours
    assert sum(needed.values()) == pytest.approx(lumen.calendar_hours() + lumen.community.staffed_hours
                                                 + lumen.budget.other_hours)


def test_the_check_report_lists_every_issue_a_line_or_says_nothing_is_left():
    assert plan.check_report(plan.example_plan()) == "Nothing to fix."
    draft = plan.example_plan()
    draft.community.staffed_hours, draft.community.rota = 4, {}
    lines = plan.check_report(draft).splitlines()
    issues = plan.check(draft)
    assert len(lines) == len(issues) > 0
    assert all(line.split()[0] == issue.level and issue.message in line
               and f"  {plan.field_label(issue.where)}: " in line
               for line, issue in zip(lines, issues, strict=True))
    assert plan.field_label("objectives[3].metric") == "Objective 3, metric"  # not a list's index




def test_a_situation_audit_and_reasons_of_dictionary_words_chosen_at_random_are_flagged(tmp_path):
    """The eleventh reader's disguise, as the reader made it: the bakery's own plan with its
    situation audit and objectives' reasons turned into English words drawn at random. The audit
    costs its group's point, and so does each reason, as a missing one does."""
    bakery = reference_plan(tmp_path)
    disguised = with_dictionary_words(bakery, SITUATION_AND_REASONS)
    assert not plan._not_words(disguised.situation.numbers, disguised)  # every word is English
    issues = plan.check(disguised)
    assert [(i.level, i.where) for i in issues] == [
        ("fix", "situation.presences"), ("fix", "situation.numbers"),
        ("fix", "situation.competitor"),
        *(("fix", f"objectives[{n}].reason") for n in range(1, len(bakery.objectives) + 1))]
    assert issues[0].message.endswith(
        "is a list of words, not sentences (fewer than one word in ten is a word like “the”, "
        "“to”, “and” or “we”).)")
    assert plan.check(bakery) == []


def test_a_plan_whose_every_text_is_dictionary_words_has_something_to_fix_in_every_group(tmp_path):
    disguised = with_dictionary_words(reference_plan(tmp_path))
    assert not plan.copies_example(disguised)
    fixes = [issue for issue in plan.check(disguised) if issue.level == "fix"]
    for group in GRADED_GROUPS:
        assert any(issue.part in group for issue in fixes), group
    assert {"situation.numbers", "voice", "actions.planning"} <= {issue.where for issue in fixes}


@pytest.mark.parametrize("presences, names", [
    ("One kiosk by the station; we post on INSTAGRAM most days.", True),  # a channel, any case
    ("One kiosk by the station; our regulars read the monthly newsletters.", True),  # plural
    ("One kiosk by the station; we hire two instagrammers for the launch.", False),  # whole word
    ("One kiosk by the station where Marco buys coffee most days.", True),  # a persona
    ("One kiosk by the station; Behind the roaster videos most weeks.", True),  # a pillar
    ("One kiosk by the station; customers come back most weeks.", True),  # a metric's words
    ("One kiosk by the station; we are seen there most days of the year.", False)])
def test_the_situation_audit_must_name_a_channel_metric_persona_or_pillar(presences, names):
    lumen = _example(situation=dataclasses.replace(plan.example_plan().situation,
                                                   presences=presences))
    named_nothing = [m for m in _messages(lumen, "situation") if "names nothing" in m]
    assert (named_nothing == []) == names


def test_the_voice_and_at_least_one_action_must_name_something_of_the_plan():
    lumen = _example(voice="Warm, plain and brief; we never mock anyone or argue in public.")
    assert _messages(lumen, "voice") == [
        "Your voice and tone names nothing of your plan: mention one of its channels (once ticked "
        "on the Channels tab), metrics, personas or pillars, so that it is about this plan."]
    steps = {"planning": "Agree a plan at the next team meeting",
             "presences": "Sound like ourselves whenever we write",
             "commitment": "Give the work protected time on the rota",
             "relationships": "Thank the people who help us, openly and often"}
    vague = _example(actions={d: dataclasses.replace(a, step=steps[d])
                              for d, a in plan.example_plan().actions.items()})
    assert [m for m in _messages(vague, "actions") if "names anything" in m] == [
        "None of your four actions names anything of your plan: tie at least one to one of its "
        "channels, metrics, personas or pillars, so that it is about this plan."]
    vague.actions["planning"].step += " about Instagram"
    assert not [m for m in _messages(vague, "actions") if "names anything" in m]


def test_actions_that_differ_only_in_a_channel_or_dimension_name_are_templates_to_rewrite():
    """Issue 14: "Step for planning on Instagram", "Step for presences on Facebook"... each passed
    the word floor and named a channel, yet none says what its step is."""
    channels = dict(zip(plan.DIMENSIONS, ("Instagram", "Facebook", "TikTok",
                                          "Google Business Profile"), strict=True))
    templated = _example(actions={d: dataclasses.replace(a, step=f"Step for {d} on {channels[d]}")
                                  for d, a in plan.example_plan().actions.items()})
    fixes = [issue for issue in plan.check(templated) if issue.part == "actions"]
    assert [(issue.level, issue.where) for issue in fixes] == [
        ("fix", f"actions.{d}") for d in plan.DIMENSIONS]
    assert fixes[0].message == (
        "Your planning action (“Step for planning on Instagram”) is another action's text with only "
        "a channel or dimension name changed: say what that step is.")
    templated.actions["planning"].step = ("Review the channel list every quarter against where "
                                          "customers talk")
    assert [issue.where for issue in plan.check(templated) if issue.part == "actions"] == [
        f"actions.{d}" for d in list(plan.DIMENSIONS)[1:]]
    assert plan.check(plan.example_plan()) == []


def test_a_source_naming_its_own_comments_csv_is_not_recomputed_from_the_course_data(tmp_path):
    bakery = reference_plan(tmp_path)
    answered = next(o for o in bakery.objectives if o.metric == "questions_answered")
    answered.source = "our comments.csv from Meta Business Suite, August 2026 to January 2027"
    assert plan.check(bakery) == []


def test_a_look_at_half_past_is_one_look_in_the_fingerprint():
    """A rota day's looks are read as times of day: "11:30" is one look at 11.5, not two."""
    lumen = plan.example_plan()
    lumen.community.rota["Mon"] = "Sam at 07 and 11:30, Jo at 15 and 19"
    assert "rota|Mon|7 11.5 15 19" in plan.fingerprint(lumen)


# --- hours by person, transplanted policies and the wage floor (issue 14) ---------------------

HOURS = {"Sam": 15, "Ade": 15, "Jo": 5, "the head of marketing": 4, "the founder": 3}
OWNERS = {"LinkedIn": "the head of marketing", "TikTok": "Ade", "YouTube": "Ade",
          "Website and blog": "Ade"}


def _split(hours=None, owners=None, **team):
    """Lumen's plan with its hours split by person (HOURS) and an owner on every channel (OWNERS,
    Sam the rest), as its budget's text splits them, with `hours`, `owners` and `team` changed."""
    lumen = plan.example_plan()
    lumen.budget.hours_by_person = dict(HOURS if hours is None else hours)
    for channel in lumen.channels:
        channel.owner = {**OWNERS, **(owners or {})}.get(channel.name, "Sam")
    lumen.community = dataclasses.replace(lumen.community, **team)
    return lumen


def test_a_plan_split_by_person_within_everyone_s_hours_passes():
    lumen = _split()
    assert plan.check(lumen) == []
    loads = plan.person_loads(lumen)
    assert {name: load.looks for name, load in loads.items()} == {
        "Sam": 10, "Ade": 10, "Jo": 8, "the head of marketing": 0, "the founder": 0}
    # the 10 staffed hours shared by the rota's 28 looks; Sam's posts 6.94, Ade's 8.85
    assert round(loads["Sam"].look_hours, 2) == round(10 * 10 / 28, 2) == 3.57
    assert (round(loads["Sam"].posts, 2), round(loads["Ade"].posts, 2)) == (6.94, 8.85)
    assert round(sum(load.free() for load in loads.values()), 1) == round(
        42 - lumen.calendar_hours() - 10, 1) >= lumen.budget.other_hours


@pytest.mark.parametrize("cover, cleared", [
    ("In a busy week Lee takes Jo's Thursday looks.", True),
    ("When looks run slow, Jo's overflow goes to Sam.", True),
    ("Lee also covers Jo's Saturday looks in August.", False),  # no busy week said
    ("In a busy week someone helps out.", False),  # nobody named
])
def test_the_busy_week_consider_clears_when_the_cover_names_who_helps(cover, cleared):
    """Reader 72 could not clear the busy-week item: naming the busy week's cover in Community:
    cover, beside the holidays, now does."""
    def busy(a_plan):
        return [i for i in plan.check(a_plan) if i.message.startswith("In a busy week")]

    short = _split(hours={**HOURS, "Sam": 16.5, "Jo": 3.5})
    assert busy(short)
    short.community.deputy += " " + cover
    assert bool(plan.busy_week_cover(short)) is cleared
    assert (busy(short) == []) is cleared


@pytest.mark.parametrize("cover, hours, message", [
    ("In a busy week Jo works the extra half hour herself.", {}, "The busy-week cover names only Jo, who "
     "would need 0.7 hours beyond the budgeted in a busy week: name someone with room, or give Jo more "
     "hours (Community: cover)."),
    ("In a busy week Ade takes Jo's extra looks.", {"Ade": 14.2, "Sam": 17.3}, "The busy-week cover names "
     "Ade, whose spare hours in a busy week (0.1) do not cover the 0.7 that Jo would need beyond the "
     "budgeted: name someone with room, or give them more hours (Community: cover)."),
    ("In a busy week Sam takes Jo's extra looks.", {}, None),  # Sam's 16.5 leave room
    ("In a busy week the café manager takes Jo's extra looks.", {}, None),  # a role outside the hours
    ("In a busy week Chantal takes Jo's Sunday look.", {}, None),  # reader 164: a name outside them too
])
def test_the_busy_week_cover_must_name_someone_with_room(cover, hours, message):
    """Reader 83: naming the busy week cleared the consider even when the helper had no room left.
    Now the people it names, other than those who run over, must have the busy week's extra hours."""
    short = _split(hours={**HOURS, "Sam": 16.5, "Jo": 3.5, **hours})
    short.community.deputy += " " + cover
    found = [i.message for i in plan.check(short) if "busy" in i.message.lower()]
    assert found == ([message] if message else [])


def test_each_broken_hours_by_person_check_names_its_field():
    def found(a_plan):
        return [(i.level, i.where, i.message) for i in plan.check(a_plan)
                if "person" in i.where or i.where.endswith(("owner", "other_hours"))]

    assert found(_split(hours={**HOURS, "Sam": 16.5, "Jo": 3.5})) == [(
        "consider", "budget.hours_by_person", "In a busy week each look runs 10 minutes longer (31 "
        "minutes, not the 21 the staffed hours allow), and Jo would need 4.2 hours against the 3.5 "
        "budgeted: say who takes some of Jo's looks or posts that week (Community: cover).")]
    assert found(_split(hours={**HOURS, "Sam": 18, "Jo": 2})) == [(
        "fix", "budget.hours_by_person", "Jo's posts (0.0 h) and looks (2.9 h) take 2.9 hours a "
        "week, more than Jo's 2: move a channel or looks, or give Jo more hours.")]
    assert found(_split(hours={"Sam": 17, "Ade": 18, "the head of marketing": 4, "the founder": 3})) == [(
        "fix", "budget.hours_by_person", "The hours by person leave out Jo, on the rota or owning "
        "a channel: give each one's social hours a week.")]
    assert found(_split(hours={**HOURS, "Sam": 20})) == [(
        "fix", "budget.hours_by_person", "The hours by person add up to 47, not the 42 people "
        "hours a week the budget has: make them agree.")]
    assert found(_split(owners={"Instagram": ""})) == [(
        "fix", "channels.Instagram.owner", "Name who makes Instagram's posts, so their hours count "
        "in that person's week.")]
    assert ("consider", "budget.other_hours", "The people's free hours (9.7, their hours less their "
            "posts and looks) do not cover the other work's 10.5 hours a week: say who does it, or "
            "add hours.") in found(_split(staffed_hours=15))


def test_people_hours_not_split_by_person_are_questioned():
    """Lumen's plan splits its 42 hours and is clean; without the split (no hours by person, no
    owners) the per-person checks cannot run, so the plan is asked for it, and a named owner
    alone brings the per-person checks back. A plan without people hours is not asked."""
    lumen = plan.example_plan()
    assert lumen.budget.hours_by_person and plan.check(lumen) == []
    lumen.budget.hours_by_person = {}
    for channel in lumen.channels:
        channel.owner = ""
    assert [(i.level, i.where, i.message) for i in plan.check(lumen)] == [(
        "consider", "budget.hours_by_person", "Split the 42 people hours a week by person (Budget: "
        "Hours by person) so each person's posts and looks can be checked against their hours.")]
    lumen.channels[0].owner = "Sam"
    assert [(i.level, i.message) for i in plan.check(lumen) if i.where == "budget.hours_by_person"] == [
        ("fix", "The hours by person leave out Sam, Jo, Ade, on the rota or owning a channel: give "
                "each one's social hours a week."),
        ("fix", "The hours by person add up to 0, not the 42 people hours a week the budget has: "
                "make them agree.")]
    lumen.channels[0].owner = ""
    lumen.budget.people_hours = 0
    assert "budget.hours_by_person" not in {issue.where for issue in plan.check(lumen)}


PASTED_FIELDS = {"community.escalation", "community.deputy", "crisis.holding_statement",
                 "crisis.pause", "crisis.escalation", "disclosure", "budget.surge",
                 "crisis.account_security"}  # the whole crisis policy is pasted
# Where the moved recipe puts each of Lumen's fields.
MOVED_FROM = {"community.escalation": "community.deputy", "community.deputy": "community.escalation",
              "crisis.holding_statement": "crisis.holding_statement",
              "crisis.pause": "crisis.escalation", "crisis.escalation": "crisis.pause",
              "disclosure": "budget.surge", "budget.surge": "disclosure",
              "crisis.account_security": "crisis.account_security"}


@pytest.mark.parametrize("recipe", [with_lumen_s_policies_pasted, with_lumen_s_policies_reordered,
                                    with_lumen_s_policies_garbled, with_lumen_s_policies_padded,
                                    with_lumen_s_policies_moved])
def test_pasted_policies_cost_the_implementation_point(tmp_path, recipe):
    """The readers' recipes: the bakery's plan with Lumen's crisis, disclosure, surge, complaint
    escalation and cover pasted word for word (their names changed), then with each text's
    sentences reversed, every second word dropped, a filler word between every two words, or each
    text in another field; under the whole-plan share of texts (0.13 of 0.25) but a fix on each
    pasted field naming the field of Lumen's it repeats, the approver (12 words) aside."""
    pasted = recipe(reference_plan(tmp_path))
    assert not plan.copies_example(pasted)
    assert plan.example_texts_repeated(pasted) < plan.TEXT_COPY_SHARE
    fixes = [(i.part, i.where, i.message) for i in plan.check(pasted) if i.level == "fix"]
    # dropped words or fillers break the holding statement's "by 6 pm", and the moved disclosure
    # (Lumen's surge) names no label: those fixes are asked for as well
    fixes = [fix for fix in fixes if "repeats Lumen's" in fix[2]]
    moved = MOVED_FROM if recipe is with_lumen_s_policies_moved else {}
    assert [(part, where, message.split(" The words it shares: ")[0]) for part, where, message in fixes] == [
        (where.split(".")[0], where, "This part repeats Lumen's "
         f"{plan.TRANSPLANT_FIELDS[moved.get(where, where)][1]}: write your own.")
        for where in plan.TRANSPLANT_FIELDS if where in PASTED_FIELDS]
    if recipe is with_lumen_s_policies_pasted:  # reader 108: the message quotes what it found
        pause = next(message for _, where, message in fixes if where == "crisis.pause")
        assert pause.endswith("The words it shares: “Whoever holds the on-call phone pauses every scheduled "
                              "post within …”.")


def test_a_field_s_transplant_is_measured_against_each_of_lumen_s_long_fields():
    """Lumen's pause pasted as a crisis escalation repeats all of Lumen's pause and little of its
    crisis escalation; its approver (12 words) is too short a field to compare with."""
    lumen = plan._example_field_texts()
    assert plan.transplanted_from(lumen["crisis.pause"]) == ("crisis.pause", 1.0)
    assert plan.repeated_share(lumen["crisis.pause"], lumen["crisis.escalation"]) < 0.3
    assert plan.transplanted_from(lumen["crisis.approver"])[0] != "crisis.approver"


def test_filler_words_between_every_two_words_do_not_hide_a_paste():
    """With "really" between every two words, none of Lumen's pause's neighbouring pairs is left,
    but each of Lumen's pairs is still within TRANSPLANT_REACH words in the padded text."""
    pause = plan._example_field_texts()["crisis.pause"]
    padded = " really ".join(pause.split())
    assert not plan._word_pairs(padded, 1) & plan._word_pairs(pause, 1)
    assert plan.repeated_share(padded, pause) >= plan.TRANSPLANT_SHARE


def _transplant_shares(learner: plan.Plan) -> dict[str, float]:
    """The largest `repeated_share` of each long written field of `learner` against Lumen's long
    fields (`transplanted_from`), for the fields the transplant check reads."""
    names = plan._names(learner)
    mine = {where: plan._unnamed(text(learner), names)
            for where, (_, _, text) in plan.TRANSPLANT_FIELDS.items()}
    return {where: plan.transplanted_from(text)[1] for where, text in mine.items()
            if len(text.split()) >= plan.TRANSPLANT_MIN_OWN_WORDS}


def test_the_transplant_threshold_sits_clear_of_lumen_s_and_the_bakery_s_own_fields(tmp_path):
    """TRANSPLANT_SHARE's margins: Lumen's fields of 10 words or more repeat at most 0.26 of another
    long field of Lumen's (its other costs, of its case), the bakery's at most 0.24
    of any of Lumen's (its disclosure); the readers' recipes at least 0.93 (pasted), 0.9 (sentences reversed),
    0.91 (every second word dropped), 0.84 (a filler word between every two) and 0.93 (moved into
    other fields)."""
    lumen = plan._example_field_texts()
    among_lumen = max(plan.repeated_share(text, other) for where, text in lumen.items()
                      for other_where, other in lumen.items() if where != other_where
                      and len(text.split()) >= plan.TRANSPLANT_MIN_OWN_WORDS
                      and len(other.split()) >= plan.TRANSPLANT_MIN_WORDS)
    among_long = max(plan.repeated_share(text, other) for where, text in lumen.items()
                     for other_where, other in lumen.items() if where != other_where
                     and min(len(text.split()), len(other.split())) >= plan.TRANSPLANT_MIN_WORDS)
    assert round(among_long, 2) == 0.26  # fields of 20 words or more: its other costs, of its case
    bakery = reference_plan(tmp_path)
    bakery_s = max(_transplant_shares(bakery).values())
    recipes = [min(share for where, share in _transplant_shares(recipe(bakery)).items()
                   if where in PASTED_FIELDS)
               for recipe in (with_lumen_s_policies_pasted, with_lumen_s_policies_reordered,
                              with_lumen_s_policies_garbled, with_lumen_s_policies_padded,
                              with_lumen_s_policies_moved)]
    assert [round(share, 2) for share in (among_lumen, bakery_s, *recipes)] == [
        0.26, 0.24, 0.93, 0.9, 0.91, 0.84, 0.93]
    assert max(among_lumen, bakery_s) < plan.TRANSPLANT_SHARE < min(recipes)


KEPT_BY_THE_RESHAPER = ("crisis.account_security", "budget.go_no_go", "budget.payback",
                        "budget.rests_on")


def test_the_reshaped_copy_is_found_by_the_fields_it_kept():
    """The expert reader's reshaped copy (each figure by its own factor, looks respaced, most texts
    rewritten) kept Lumen's account security, gates, payback and premises, which no copy check
    read: it measured 0.29 of the choices, 0.48 of the shape and 0.23 of the texts, every
    automatic point. Now those texts count in the share (0.28, over the quarter) and each is a
    transplant, and the first stage's "16,000 USD reserve" contradicts its rescaled contingency."""
    reshaped = with_each_number_reshaped(plan.example_plan())
    assert plan.example_similarity(reshaped) < plan.COPY_SHARE
    assert plan.example_shape(reshaped) < plan.SHAPE_SHARE
    assert round(plan.example_texts_repeated(reshaped), 2) == 0.28
    assert plan.example_copied_by(reshaped) == ["its written texts"]
    fixes = {}
    for issue in plan.check(reshaped):
        if issue.level == "fix":
            fixes.setdefault(issue.where, []).append(issue.message)
    for where in (*KEPT_BY_THE_RESHAPER, "budget.first_stage"):
        assert any(message.startswith(f"This part repeats Lumen's {plan.TRANSPLANT_FIELDS[where][1]}: write "
                                      "your own.") for message in fixes[where])
    assert ("This text gives a reserve of 16,000 USD, but budget.contingency is "
            f"{reshaped.budget.contingency:,.0f} USD: make the two agree.") in fixes["budget.first_stage"]


def test_the_reshaped_copy_with_those_fields_rewritten_too_slips_past(tmp_path):
    """What the reshaper earned before the fields counted: with them (and its approver, an
    unrelated sentence that names nobody) rewritten as well, the copy is under every line and has
    nothing to fix, which only the tutor's reading finds."""
    reshaped = with_each_number_reshaped(plan.example_plan())
    rewritten = dataclasses.replace(
        reshaped, crisis=dataclasses.replace(reshaped.crisis, approver="The manager", account_security=(
            "Two of us are admins of every account, each with two-factor login on her own "
            "phone; the manager recovers a hacked account through the platform's help pages.")),
        budget=dataclasses.replace(reshaped.budget, first_stage="January to March 2027",
                                   go_no_go="On 1 April 2027, go on if the quarter brings 150 "
                                            "orders from social links, else stop the paid posts.",
                                   payback="The paid posts pay their way by the end of 2028.",
                                   rests_on="That paid posts bring orders at all, and that the "
                                            "20 hours spent on social today are what we think."))
    assert not plan.copies_example(rewritten)
    assert [issue for issue in plan.check(rewritten) if issue.level == "fix"] == []


def _with_budget(learner: plan.Plan, **changes) -> plan.Plan:
    return dataclasses.replace(learner, budget=dataclasses.replace(learner.budget, **changes))


def test_a_reserve_written_against_the_contingency_is_a_fix():
    """Lumen's first stage, case and surge pricing write its 16,000 USD reserve; with the
    contingency at 9,000 each contradicts it, one fix a text, naming the field."""
    lumen = plan.example_plan()
    assert list(plan._check_written_amounts(lumen.budget)) == []
    fixes = [(issue.where, issue.message) for issue in
             plan._check_written_amounts(_with_budget(lumen, contingency=9000).budget)]
    assert fixes == [(f"budget.{name}", "This text gives a reserve of 16,000 USD, but "
                      "budget.contingency is 9,000 USD: make the two agree.")
                     for name in ("first_stage", "case", "surge")]


def test_a_first_stage_cost_written_against_its_field_is_a_fix():
    """Lumen's texts give the first stage's parts, not its total, so a first_stage_cost of 5,000
    contradicts nothing written; "6,724 USD of new money" written in the first stage is a fix."""
    lumen = _with_budget(plan.example_plan(), first_stage_cost=5000)
    assert list(plan._check_written_amounts(lumen.budget)) == []
    staged = _with_budget(lumen, first_stage="January to March: 6,724 USD of new money")
    assert [(issue.where, issue.message) for issue in plan._check_written_amounts(staged.budget)] \
        == [("budget.first_stage", "This text gives the first stage's cost of 6,724 USD, but "
                                   "budget.first_stage_cost is 5,000 USD: make the two agree.")]


@pytest.mark.parametrize(("written", "value", "agrees"), [
    ("16,000", 16000, True), ("16,000", 16350, True), ("16,400", 16350, True),
    ("16,000", 9000, False), ("6,724", 6724, True), ("6,724", 6725, False),
    ("2.5", 2.5, True), ("2.5", 2.6, False)])
def test_a_written_amount_agrees_with_its_field_to_the_figure_s_own_rounding(written, value,
                                                                             agrees):
    assert plan._written_as(value, written) is agrees


def test_the_bakery_writes_no_amount_the_check_reads(tmp_path):
    """The bakery's budget texts name no reserve nor the first stage's cost: nothing to compare."""
    bakery = reference_plan(tmp_path)
    assert list(plan._check_written_amounts(bakery.budget)) == []
    assert list(plan._check_written_amounts(_with_budget(bakery, contingency=1).budget)) == []


@pytest.mark.parametrize(("currency", "below", "lawful", "wage"), [
    ("GBP", 1, 12.71, "the UK's National Living Wage (aged 21 and over, from April 2026)"),
    ("USD", 7, 7.25, "the U.S. federal minimum wage")])
def test_an_hourly_cost_below_the_minimum_wage_is_questioned(tmp_path, currency, below, lawful,
                                                              wage):
    bakery = reference_plan(tmp_path)

    def wage_issues(cost):
        priced = dataclasses.replace(bakery, budget=dataclasses.replace(
            bakery.budget, currency=currency, hourly_cost=cost))
        return [(i.level, i.message) for i in plan.check(priced) if i.where == "budget.hourly_cost"]

    assert wage_issues(below) == [("consider", f"An hour at {below:g} {currency} is below {wage}, "
                                   f"{lawful:g} {currency} before on-costs: price the hour at what "
                                   "the team is paid, loaded.")]
    assert wage_issues(lawful) == []
    unknown = dataclasses.replace(bakery, budget=dataclasses.replace(
        bakery.budget, currency="EUR", hourly_cost=1))  # no floor looked up: no question asked
    assert "budget.hourly_cost" not in {issue.where for issue in plan.check(unknown)}


def test_a_hollow_plan_has_something_to_fix_in_every_group(tmp_path):
    """The expert reviewer's hollow bakery (`with_hollow_texts`): complete, with the reference
    bakery's numbers, but its reasons one-line claims, each its own, and its policies a few words.
    It had nothing to fix in any group (Task B's 4 points); now each group has a fix, each at a
    hollow text, while the bakery it was made from has nothing to fix."""
    bakery = reference_plan(tmp_path)
    hollow = with_hollow_texts(bakery)
    assert not plan.example_copied_by(hollow) and plan.empty_groups(hollow) == []
    fixes = [issue for issue in plan.check(hollow) if issue.level == "fix"]
    assert [issue.where for issue in fixes] == [
        *(f"objectives[{n}].reason" for n in range(1, len(bakery.objectives) + 1)), "voice",
        "community.escalation", "community.deputy", "crisis.approver", "crisis.escalation",
        "crisis.account_security", "budget.first_stage", "budget.go_no_go", "budget.payback",
        "budget.rests_on", "budget.surge", "reporting.readers"]
    assert all({issue.part for issue in fixes} & set(parts) for parts in GRADED_GROUPS)
    assert plan.check(bakery) == []


def test_a_plan_hollow_only_in_the_expert_reader_s_six_fields_has_a_fix_in_each(tmp_path):
    """The reference bakery with only its approver, account security, first stage, go/no-go test,
    payback and premises hollow (`with_hollow_crisis_and_ask`): each left the plan nothing to fix;
    now each is a fix at its field, and nothing else is."""
    bakery = reference_plan(tmp_path)
    hollow = with_hollow_crisis_and_ask(bakery)
    assert [(issue.level, issue.where) for issue in plan.check(hollow)] == [
        ("fix", f"{'crisis' if name in ('approver', 'account_security') else 'budget'}.{name}")
        for name in ("approver", "account_security", "first_stage", "go_no_go", "payback",
                     "rests_on")]
    assert set(HOLLOW_CRISIS_AND_ASK) <= set(HOLLOW_TEXTS)
    assert plan.check(bakery) == []


# Each new check: a hollow text (the hollow bakery's, or one long enough that only the check's own
# question is left) put into Lumen's plan, whose own text passes, and the start of its fix.
HOLLOW_FIELDS = [
    ("objectives[1].reason", "Celebration cakes posts make people happy.",
     "Why should Repeat web-shop orders from customers who came through social reach the target "
     "of objective 1? Say what the plan does that moves it, and who does it, in 10 words or more"),
    ("voice", HOLLOW_TEXTS["voice"], "Say what your voice never does, as well as how it sounds"),
    ("community.escalation", HOLLOW_TEXTS["escalation"], "The escalation says no time"),
    ("community.escalation", "Complaints go to the owner.",
     "Say what happens to a complaint the first person cannot solve: who takes it, and by when. "
     "(“Complaints go to the owner.” is fewer than 8 words"),
    ("community.escalation", "Any complaint the first person cannot put right is passed on the "
                             "same day to whoever knows more.",
     "The escalation names nobody to hand on to"),
    ("crisis.escalation", "Sam or Ade tells the head of marketing, who tells the founder, and the "
                          "founder decides what to say.", "The escalation says no time"),
    ("crisis.escalation", HOLLOW_TEXTS["crisis_escalation"], "The escalation says no time"),
    ("crisis.pause", "Gemma pauses all posts.", "Say who pauses scheduled posts in a crisis, and how. "
     "(“Gemma pauses all posts.” is fewer than 8 words"),
    ("disclosure", "We label ads.", "Write your disclosure policy"),
    ("community.deputy", HOLLOW_TEXTS["deputy"], "Name who covers days off, holidays and sickness, "
     "and what they take on"),
    ("budget.surge", HOLLOW_TEXTS["surge"], "The surge pricing does not show how the contingency "
     "of 16000 USD is worked out: it does not give the extra hours or shifts or what an hour "
     "costs."),
    ("budget.surge", "Three weeks of 40 extra hours on the inbox and mentions, paid at overtime.",
     "The surge pricing does not show how the contingency of 16000 USD is worked out: it does not "
     "give what an hour costs."),
    ("reporting.readers", HOLLOW_TEXTS["readers"], "“The team” names nobody of your plan"),
    # the expert reader's six (HOLLOW_CRISIS_AND_ASK)
    ("crisis.approver", HOLLOW_TEXTS["approver"], "“Management.” names nobody of your plan to "
     "approve what is said: name the person (with hours, on the rota or owning a channel) or the "
     "role (the owner, a manager) who approves, such as “Gemma, the owner”."),
    ("crisis.account_security", HOLLOW_TEXTS["account_security"], "Say who holds the accounts' "
     "admin roles"),
    ("budget.first_stage", HOLLOW_TEXTS["first_stage"], "The first stage does not give when it "
     "ends"),
    ("budget.go_no_go", HOLLOW_TEXTS["go_no_go"], "The go/no-go test does not give a date it is "
     "read on or a number that decides it"),
    ("budget.payback", HOLLOW_TEXTS["payback"], "The payback does not give when"),
    ("budget.rests_on", HOLLOW_TEXTS["rests_on"], "Say what the case rests on"),
]


def _with_text(a_plan: Plan, where: str, text: str) -> Plan:
    """`a_plan` with the text at `where` (as `Issue.where` names it) set to `text`."""
    if where.startswith("objectives["):
        number = int(where[len("objectives["):where.index("]")])
        a_plan.objectives[number - 1].reason = text
    elif "." in where:
        part, name = where.split(".")
        setattr(getattr(a_plan, part), name, text)
    else:
        setattr(a_plan, where, text)
    return a_plan


@pytest.mark.parametrize(("where", "hollow", "fix"), HOLLOW_FIELDS)
def test_each_hollow_text_is_a_fix_at_its_field_where_lumen_s_passes(where, hollow, fix):
    assert not [issue for issue in plan.check(plan.example_plan()) if issue.where == where]
    found = [issue for issue in plan.check(_with_text(plan.example_plan(), where, hollow))
             if issue.where == where]
    assert [issue.level for issue in found] == ["fix"] and found[0].message.startswith(fix)


@pytest.mark.parametrize(("escalation", "timed"), [
    ("Priya calls Gemma at once.", True), ("Priya tells Gemma the same day.", True),
    ("Priya tells Gemma within 2 hours.", True), ("Priya tells Gemma by 18:00.", True),
    ("Priya tells Gemma within the hour.", True), ("Priya tells Gemma soon.", False),
    ("Priya tells Gemma when she can.", False)])
def test_an_escalation_s_time_is_read_as_a_time_to_hand_on_by(escalation, timed):
    assert bool(plan.ESCALATION_TIME.search(escalation)) == timed


@pytest.mark.parametrize(("surge", "shown"), [
    ("2 weeks a year × 20 extra hours × 15 GBP an hour", True),
    ("3 weeks of 14 shifts at £22 per hour", True),
    ("Overtime for 2 weeks, 30 hours at 18/hour", True),
    # the 44th reader's: its shifts in words, its rate in a week's cost
    ("One person on the inbox for up to three weeks, in two shifts a day, about 2,892 USD a week",
     True),
    # counts in words past twelve, which the checks' one list of number words reads too
    ("Fifteen extra hours for eleven days, at £18 each", True),
    ("Someone extra shifts the posts for a week at 20 USD", False),  # "one" inside a word
    ("Extra help from the team for a busy week or a crisis.", False),
    ("20 extra hours at 15 GBP an hour", False)])  # no span: for how long?
def test_a_surge_s_price_shows_hours_a_rate_and_a_span(surge, shown):
    found = [pattern.search(surge) for pattern in (plan.SURGE_HOURS, plan.SURGE_RATE,
                                                   plan.SURGE_SPAN)]
    assert all(found) == shown


def test_a_policy_too_short_to_follow_is_a_fix_and_a_name_answers_the_approver(tmp_path):
    bakery = reference_plan(tmp_path)
    thin = with_one_line_policies(bakery)
    assert [(issue.level, issue.where) for issue in plan.check(thin)] == [
        ("fix", "disclosure"), ("fix", "crisis.holding_statement"), ("fix", "crisis.pause"),
        ("fix", "crisis.escalation")]
    assert all("too short for someone else to follow" in issue.message for issue in plan.check(thin))
    eight = dataclasses.replace(thin, crisis=dataclasses.replace(
        thin.crisis, pause="Gemma pauses every scheduled post within the hour."))
    assert "crisis.pause" not in {issue.where for issue in plan.check(eight)}
    assert plan.POLICY_MIN_WORDS == 8 and len(eight.crisis.pause.split()) == 8
    assert min(len(text.split()) for text in (*dataclasses.astuple(bakery.crisis)[:1],
                                              *dataclasses.astuple(bakery.crisis)[2:],
                                              bakery.disclosure)) == 39


def test_a_target_two_and_a_half_times_its_baseline_with_a_short_reason_asks_for_the_evidence(
        tmp_path):
    bakery = reference_plan(tmp_path)
    invented = with_invented_cake_orders(bakery)
    assert [(issue.level, issue.where, issue.message) for issue in plan.check(invented)] == [
        ("fix", "objectives[1].reason", "The target of objective 1 (3500 orders a month) is 2.5 "
         "times its baseline (1400 orders a month), and its reason is 10 words: give the evidence "
         "that makes so large a change likely (last year's figures, a test, a new product or "
         "market, paid promotion) in 15 words or more, or aim lower.")]
    argued = with_invented_cake_orders(bakery, reason="Our order book for 2026 shows 1,400 a month; "
                                       "the new wedding menu and 200 GBP of paid posts a month")
    assert [(issue.level, issue.where) for issue in plan.check(argued)] == [
        ("consider", "objectives[1].target")]  # the rise is still large: the tutor judges its reason
    modest = dataclasses.replace(invented, objectives=[
        dataclasses.replace(invented.objectives[0], target="1800"), *invented.objectives[1:]])
    assert plan.check(modest) == []  # the invented 1,400 aimed a little higher: left to the tutor


def test_the_assignment_s_worked_noise_example(tmp_path):
    """Task B's example: cake orders of 14 a month varying by 3, judged on a mean of 3 months; chance
    alone moves 14 by √14 ≈ 3.7, more than the 3 typed, so a target must move more than
    2 × 3.7 ÷ √3 ≈ 4.3: 22 clears it, 17 or 18 does not."""
    bakery = reference_plan(tmp_path)
    orders = bakery.objectives[0]
    assert (orders.baseline, orders.target, orders.spread, orders.periods) == ("14", "22", "3", "3")
    assert plan.noise_spread(orders, bakery) == 14 ** 0.5 and f"{14 ** 0.5:.1f}" == "3.7"
    assert f"{plan.NOISE_WIDTH * 14 ** 0.5 / 3 ** 0.5:.1f}" == "4.3"
    assert plan.check(bakery) == []
    for target in ("17", "18"):
        nearer = dataclasses.replace(bakery, objectives=[
            dataclasses.replace(orders, target=target), *bakery.objectives[1:]])
        assert [(issue.level, issue.where) for issue in plan.check(nearer)] == [
            ("fix", "objectives[1].target")]


def test_a_spread_typed_below_chance_does_not_bring_a_target_out_of_the_noise(tmp_path):
    """The 30th reader's recipe: the bakery's spread of orders typed as 1.9 (above half of √14, so
    not refused as unmeasured) and its target moved to 17. Judged by the typed spread, 17 would clear
    2 × 1.9 ÷ √3 ≈ 2.2; the rule judges it by chance's 3.7, and the fix says so."""
    bakery = reference_plan(tmp_path)
    gamed = dataclasses.replace(bakery, objectives=[dataclasses.replace(
        bakery.objectives[0], spread="1.9", target="17"), *bakery.objectives[1:]])
    [issue] = plan.check(gamed)
    assert (issue.level, issue.where) == ("fix", "objectives[1].target")
    assert "moves by at least 3.7 orders a month (chance alone, √14; your spread says 1.9 orders " \
        "a month)" in issue.message


def test_a_time_cut_to_under_two_fifths_with_a_short_reason_asks_for_the_evidence(tmp_path):
    bakery = reference_plan(tmp_path)
    index = next(i for i, o in enumerate(bakery.objectives) if o.metric == "response_time")
    faster = dataclasses.replace(bakery.objectives[index], target="8", reason="We will be faster.")
    changed = dataclasses.replace(bakery, objectives=[
        faster if i == index else o for i, o in enumerate(bakery.objectives)])
    assert float(bakery.objectives[index].baseline) / 8 == 2.5
    assert (f"objectives[{index + 1}].reason", "fix") in {
        (issue.where, issue.level) for issue in plan.check(changed)}


def test_lumen_s_largest_rise_gives_its_evidence():
    """Lumen's conversations, 3 to 8 (2.7 times), give a reason of 33 words: no leap to fix."""
    conversations = plan.example_plan().objectives[-1]
    assert float(conversations.target) / float(conversations.baseline) >= plan.LEAP_RATIO
    assert len(conversations.reason.split()) >= plan.LEAP_REASON_WORDS
    assert not any(issue.where.endswith(".reason") for issue in plan.check(plan.example_plan()))


@pytest.mark.parametrize(("periods", "fits"), [("6", True), ("7", False), ("30", False)])
def test_a_target_s_mean_fits_between_the_start_and_its_date(tmp_path, periods, fits):
    """The 31st reader's route past the noise rule: a mean over 30 months for a target due in six.
    The bakery starts on 1 February and its orders are due on 31 July: six calendar months."""
    bakery = reference_plan(tmp_path)
    orders = dataclasses.replace(bakery.objectives[0], target="16", periods=periods)
    issues = plan.check(dataclasses.replace(bakery, objectives=[orders, *bakery.objectives[1:]]))
    found = [issue.message for issue in issues if issue.where == "objectives[1].periods"]
    assert found == ([] if fits else [
        f"Objective 1 is judged on a mean of {periods} months, but only 6 lie between the plan's "
        "start (2027-02-01) and its date (2027-07-31): judge it on 6 or fewer, or give it a later "
        "date."])
    assert all(len(plan.check(example)) == 0 for example in (bakery, plan.example_plan()))


def test_an_own_rate_says_what_it_is_out_of(tmp_path):
    """A percentage of the business's own that names nothing it is out of ("% answered the same
    day") cannot be weighed against chance: a fix on its unit."""
    bakery = reference_plan(tmp_path)
    index = next(i for i, o in enumerate(bakery.objectives) if "WhatsApp" in o.metric)
    vague = dataclasses.replace(bakery.objectives[index], unit="% answered the same day, a month",
                                target="57", spread="0.5")
    issues = plan.check(dataclasses.replace(bakery, objectives=[
        vague if i == index else o for i, o in enumerate(bakery.objectives)]))
    assert [(issue.level, issue.where) for issue in issues] == [("fix", f"objectives[{index + 1}].unit")]


def test_a_rate_s_typed_base_is_never_more_than_the_inbox_expects(tmp_path):
    """The 31st reader typed "10,000 questions a week" into a source so that a spread of 0.5 points
    looked like sampling noise; the plan's inbox expects 45 questions a week, and the rate is
    judged out of those."""
    bakery = reference_plan(tmp_path)
    index = next(i for i, o in enumerate(bakery.objectives) if o.metric == "questions_answered")
    objective = bakery.objectives[index]
    padded = dataclasses.replace(objective, target="72", spread="0.5",
                                 source=f"{objective.source}; 10,000 questions a week")
    assert plan.rate_base(padded, bakery) == ("questions", 45)
    issues = plan.check(dataclasses.replace(bakery, objectives=[
        padded if i == index else o for i, o in enumerate(bakery.objectives)]))
    assert ("fix", f"objectives[{index + 1}].spread") in [(i.level, i.where) for i in issues]


def _bakery_with(tmp_path, pick, **changes):
    """The bakery's plan with the first objective `pick` accepts changed, and its number."""
    bakery = reference_plan(tmp_path)
    index = next(i for i, o in enumerate(bakery.objectives) if pick(o))
    bakery.objectives[index] = dataclasses.replace(bakery.objectives[index], **changes)
    return bakery, index + 1


def _fixes_at(a_plan, number):
    return [(issue.where, issue.message) for issue in plan.check(a_plan)
            if issue.level == "fix" and issue.where.startswith(f"objectives[{number}].")]


@pytest.mark.parametrize("periods, passes", [("1", False), ("4", True)])
def test_a_rate_is_judged_by_at_least_its_sampling_noise(tmp_path, periods, passes):
    """The 33rd reader's route: the bakery's WhatsApp rate, 55% of 195 questions a month, typed
    with a spread of 1.8 (just above half the 3.6 sampling gives, so not refused as unmeasured)
    and a 4-point rise. Judged by 1.8 one month would clear 3.6; judged by chance's 3.6, it needs
    more than 7.1, and a mean of 4 months more than 3.6."""
    bakery, number = _bakery_with(tmp_path, lambda o: "WhatsApp" in o.metric, spread="1.8",
                                  target="59", periods=periods)
    assert f"{100 * (0.55 * 0.45 / 195) ** 0.5:.1f}" == "3.6"
    assert _fixes_at(bakery, number) == ([] if passes else [(
        f"objectives[{number}].target",
        f"The change objective {number} (WhatsApp cake questions answered the same day) aims for (4 "
        "points) is within the noise: it moves by at least 3.6 points (chance alone, "
        "√(p(1 − p)/n) for 55% of 195 questions a month; your spread says 1.8 points) from one "
        "month to the next, so one month can differ by 7.1 points by chance. Aim further, or judge "
        "a mean over more months.")])


@pytest.mark.parametrize("where_typed", ["reason", "source"])
def test_a_rate_s_base_counts_only_when_its_source_gives_it(tmp_path, where_typed):
    """Nothing in the plan bounds the impressions a rate is out of, so the number must stand in the
    source, beside the export it comes from, where a marker checks it; in the reason it is not
    taken. 9.5% of 3,000 impressions a week varies by 0.54 by chance: a rise to 10.5 with a spread
    of 0.3 is within it."""
    bakery = reference_plan(tmp_path)
    where = _with_engagement_rate(bakery, "our Instagram export", spread="0.3")
    rate = bakery.objectives[-1]
    setattr(rate, where_typed, f"{getattr(rate, where_typed)}; 3,000 impressions a week")
    rate.target = "10.5"
    fixes = [(issue.where, issue.message) for issue in plan.check(bakery)
             if issue.level == "fix" and issue.where.startswith(where)]
    assert [place for place, _ in fixes] == [f"{where}.source" if where_typed == "reason"
                                             else f"{where}.target"]
    if where_typed == "source":
        assert "moves by at least 0.54 points (chance alone, √(p(1 − p)/n) for 9.5% of 3,000 " \
               "impressions a week; your spread says 0.3 points)" in fixes[0][1]


FOLLOWERS = Objective("sales", "follower_growth", "2", "2.8", "2027-07-31", spread="0.1",
                      source="Instagram Insights, August 2026 to January 2027",
                      reason="Reels of the Tuesday cake on Instagram draw neighbours in.")


@pytest.mark.parametrize("typed_in, target, fixed", [
    (None, "2.8", "source"),  # no followers: growth cannot be weighed against chance
    ("reason", "2.8", "source"),  # the number counts from the source only, as a rate's base does
    ("source", "2.8", "target"),  # 20 new a month: √20 = 0.45 points
    ("source", "3", None)])  # a rise of 1 clears 2 × 0.45
def test_follower_growth_is_judged_by_the_square_root_of_its_new_followers(tmp_path, typed_in,
                                                                           target, fixed):
    """Follower growth of 2% a month out of 1,000 followers is 20 new followers a month, a count
    that chance alone moves by √20 ≈ 4.5, 0.45 points of growth; a spread of 0.1 does not hide it."""
    assert f"{20 ** 0.5:.1f}" == "4.5" and f"{100 * 20 ** 0.5 / 1000:.2f}" == "0.45"
    bakery = reference_plan(tmp_path)
    growth = dataclasses.replace(FOLLOWERS, target=target)
    if typed_in:
        setattr(growth, typed_in, f"{getattr(growth, typed_in)}; 1,000 followers")
    bakery.objectives.append(growth)
    number = len(bakery.objectives)
    fixes = _fixes_at(bakery, number)
    assert [place for place, _ in fixes] == ([f"objectives[{number}].{fixed}"] if fixed else [])
    if fixed == "source":
        assert fixes[0][1].startswith(f"Say in the source of objective {number} how many followers "
                                      "its growth is out of, the number just before “followers” "
                                      "(“4,000 followers”, “1.2k Instagram followers”)")
    if fixed == "target":
        assert "moves by at least 0.45 points (chance alone, √20 new followers a month out of " \
               "1,000; your spread says 0.1 points)" in fixes[0][1]


@pytest.mark.parametrize("spread, fixed", [("0", True), ("6", False)])
def test_a_response_time_with_a_spread_of_zero_is_refused(tmp_path, spread, fixed):
    """A response time's typed spread of 0 says its median never moves: no measure holds that still,
    whatever floor chance gives it."""
    bakery, number = _bakery_with(tmp_path, lambda o: o.metric == "response_time", spread=spread)
    assert _fixes_at(bakery, number) == ([(
        f"objectives[{number}].spread",
        f"The spread of objective {number} (0 hours) says Median response time is the same every "
        "week, and no measure holds that still: give the spread your data show "
        "(plan_import.weekly(...).std() gives it).")] if fixed else [])


@pytest.mark.parametrize("target, passes", [("1", False), ("2", False), ("3", True)])
def test_a_count_with_a_baseline_of_zero_is_judged_as_one(tmp_path, target, passes):
    """√0 is 0: a count of 0 a month typed with a spread of 0 made any rise look beyond chance.
    Judged as a count of 1, one month can differ by 2: 1 or 2 orders is within it, 3 is not."""
    bakery, number = _bakery_with(tmp_path, lambda o: o.unit == "orders a month", baseline="0",
                                  target=target, spread="0", periods="1")
    assert _fixes_at(bakery, number) == ([] if passes else [(
        f"objectives[{number}].target",
        f"The change objective {number} (Cake orders from social links) aims for ({target} "
        f"order{'s' * (target != '1')} a month) is within the noise: it moves by at least 1 order a "
        "month (chance "
        "alone, √1 for a count of 0; your spread says 0 orders a month) from one month to the next, "
        "so one month can differ by 2 orders a month by chance. Aim further, or judge a mean over "
        "more months.")])


@pytest.mark.parametrize("target, passes", [("1", False), ("2", True)])
def test_a_rate_of_zero_is_judged_as_one_in_its_base(tmp_path, target, passes):
    """A rate of 0% of 195 questions would vary by 0 by √(p(1 − p)/n): judged as 1 in 195, one
    month varies by about 0.51 points, so a rise to 1% in one month is within chance, 2% is not."""
    bakery, number = _bakery_with(tmp_path, lambda o: "WhatsApp" in o.metric, baseline="0",
                                  target=target, spread="0.1", periods="1")
    chance = 100 * (1 / 195 * (1 - 1 / 195) / 195) ** 0.5
    assert plan.noise_spread(bakery.objectives[number - 1], bakery) == pytest.approx(chance)
    fixes = _fixes_at(bakery, number)
    assert [place for place, _ in fixes] == ([] if passes else [f"objectives[{number}].target"])
    assert passes or "moves by at least 0.51 points (chance alone, √(p(1 − p)/n) for 0% of 195 " \
                     "questions a month, judged as 1 of them; your spread says 0.1 points)" \
                     in fixes[0][1]


# Review 35: routes an expert grader found through Task B's checks, each with a plan that breaks
# the rule and one that keeps it.

SHORT_REASON = "A Tuesday post of Celebration cakes on Facebook with the order link."


@pytest.mark.parametrize("target, spread, short, fixed", [
    ("400", "0", True, "target"),  # the grader's 0 -> 400: 400 times √1 up
    ("40", "0", False, "target"),  # 40 times √1 (a baseline under 1 counted as 1)
    ("8", "0", True, "reason"),  # a new channel's 0 -> 8 is no jump, but a leap to explain
    ("8", "0", False, None),
    ("8", "3", False, "spread"),  # review 37: a count 0 every month has a spread of 0
    ("30", "3", False, "spread")])  # and a false spread of 3 does not let 0 -> 30 through
def test_a_count_with_a_baseline_of_zero_is_judged_by_the_jump_and_the_leap(
        tmp_path, target, spread, short, fixed):
    """Review 35's M1: a baseline of 0 is an unlimited ratio, judged on spreads of at least 1."""
    bakery, number = _bakery_with(tmp_path, lambda o: o.unit == "orders a month", baseline="0",
                                  target=target, spread=spread)
    if short:
        bakery.objectives[number - 1].reason = SHORT_REASON
    fixes = _fixes_at(bakery, number)
    assert [place for place, _ in fixes][:1] == ([f"objectives[{number}].{fixed}"] if fixed else [])
    if fixed == "target":
        assert fixes[0][1].startswith(
            f"The target of objective {number} ({target} orders a month) is up from a baseline "
            f"(0 orders a month) and {int(target):.1f} times √1 above it")
        assert fixes[0][1].endswith("Set a new channel's target after its first four weeks of "
                                    "counts, from what they show (the course's practice).")
    if fixed == "spread":
        assert fixes[0][1] == (f"The spread of objective {number} ({spread} orders a month) is "
                               "above 0, but its baseline is 0: a count that was 0 every month has "
                               "a spread of 0.")
        assert (f"objectives[{number}].target" in [place for place, _ in fixes]) == (target == "30")
    if fixed == "reason":
        words = len(plan._plain(SHORT_REASON).split())
        assert words < plan.LEAP_REASON_WORDS and "is any number of times its baseline (0 orders a " \
            f"month), and its reason is {words} words" in fixes[0][1]


@pytest.mark.parametrize("changes, fixed", [
    ({"periods": "12", "by": "2027-04-30"}, "periods"),  # 12 months do not fit in 3
    ({"periods": "3", "by": "2027-04-30", "target": "3.2"}, None)])
def test_follower_growth_is_judged_month_by_month(tmp_path, changes, fixed):
    """Review 35's M2: follower growth is "% a month", its unit left blank: its means are counted
    in months, and its messages say "month"."""
    bakery = reference_plan(tmp_path)
    growth = dataclasses.replace(FOLLOWERS, source=f"{FOLLOWERS.source}: 1,000 followers",
                                 spread="0.45", **changes)
    bakery.objectives.append(growth)
    number = len(bakery.objectives)
    assert growth.period() == "month"
    fixes = _fixes_at(bakery, number)
    assert [place for place, _ in fixes] == ([f"objectives[{number}].{fixed}"] if fixed else [])
    assert not fixed or fixes[0][1].startswith(
        f"Objective {number} is judged on a mean of 12 months, but only 3 lie between")


@pytest.mark.parametrize("unit, fixed", [("orders a quarter", True), ("orders a year", True),
                                         ("orders a day", True), ("orders every three months", True),
                                         ("orders per 3 months", True), ("orders a year (12 months)", True),
                                         ("orders every two weeks", True), ("orders a fortnight", True),
                                         ("orders a month", False), ("monthly orders", False),
                                         ("orders every month", False)])
def test_an_own_count_s_unit_names_a_week_or_a_month(tmp_path, unit, fixed):
    """Review 35's M2: "orders a quarter" was counted in weeks, so a mean of 12 quarters fitted in
    3 months."""
    bakery, number = _bakery_with(tmp_path, lambda o: o.unit == "orders a month", unit=unit)
    fixes = _fixes_at(bakery, number)
    assert fixes == ([(f"objectives[{number}].unit",
                       f"The unit of objective {number} (“{unit}”) is not a count a week or a "
                       "month: its spread and the mean it is judged on are counted in single weeks "
                       "or months, so give it as “orders a month” or “enquiries a week” (not "
                       "“every three months”, “per 2 weeks”, a day, a fortnight, a quarter or a "
                       "year).")] if fixed else [])


@pytest.mark.parametrize("source, fixed", [
    ("Our Shopify analytics, leaving out the recall week of the nut-free cake", "source"),
    ("Our Shopify analytics, as Lumen's course data show theirs", "source"),
    ("Our Shopify analytics: 5,000 visitors a month", "spread"),
    ("Our Shopify analytics: 5,000 visitors a month", None)])
def test_an_own_rate_needs_its_base_and_its_spread_whatever_its_source_names(tmp_path, source,
                                                                             fixed):
    """Review 35's M3: "the recall" (or any word naming the course data) in an own rate's source
    switched off the checks asking for n and for a spread chance allows; an own rate is never
    recomputed, so they always hold. 2% of 5,000 visitors a month varies by 0.2 points by chance."""
    bakery = reference_plan(tmp_path)
    bakery.objectives.append(Objective(
        "sales", "Shop visitors who order a cake", "2", "2.6", "2027-05-31",
        unit="% of visitors a month", spread="0.3" if fixed is None else "0.01", periods="1",
        activity="communicate", source=source,
        reason="A Celebration cakes post each Tuesday on Facebook sends parents to the order page."))
    number = len(bakery.objectives)
    assert [place for place, _ in _fixes_at(bakery, number)] == (
        [f"objectives[{number}].{fixed}"] if fixed else [])


@pytest.mark.parametrize("typed, count", [
    ("1.2 million impressions a week", 1.2e6), ("12k impressions a week", 12e3),
    ("12,000 Instagram impressions a week", 12e3), ("3 thousand impressions a month", 3e3 * 12 / 52),
    ("impressions a week: 12,000", None)])
def test_a_rate_s_base_is_read_with_its_scale_and_a_word_between(tmp_path, typed, count):
    """Review 35's M4: "1.2 million impressions a week" was read as 1.2 impressions."""
    bakery = reference_plan(tmp_path)
    _with_engagement_rate(bakery, f"our Instagram export: {typed}")
    noun, base = plan.rate_base(bakery.objectives[-1], bakery)
    assert noun == "impressions"
    assert base == (None if count is None else pytest.approx(count))


@pytest.mark.parametrize("typed, count", [("1,000 followers", 1000), ("1.2k followers", 1200),
                                          ("1,000 Instagram followers", 1000),
                                          ("2 million followers", 2e6), ("followers: 1,000", None)])
def test_followers_are_read_with_their_scale_and_a_word_between(typed, count):
    growth = dataclasses.replace(FOLLOWERS, source=f"Instagram Insights: {typed}")
    assert plan.followers_of(growth) == count


@pytest.mark.parametrize("changes, fixed", [
    ({"minutes_per_reply": 0}, "minutes_per_reply"),
    ({"minutes_per_reply": 0.005}, "minutes_per_reply"),  # review 37's 7: under a minute a reply
    ({"minutes_per_reply": 1}, None),
    ({"minutes_per_reply": -2}, "minutes_per_reply"),
    ({"messages_per_week": 1_000_000, "dms_per_week": -999_960}, "dms_per_week"),
    ({"messages_per_week": -5}, "messages_per_week"),
    ({"days": 4}, "days"),  # Thursday 16:00 to Monday 07:00 is 87 hours
    ({"days": 5}, None),  # Friday 16:00 to Monday 07:00 is 63 hours
    ({}, None)])  # the bakery's Sunday closure: 39 hours
def test_an_inbox_that_cannot_keep_a_promise_is_refused(tmp_path, changes, fixed):
    """Review 35's M5: no minutes a reply, negative messages, and an inbox unread for longer than
    the longest promise allowed (LONGEST_PROMISE hours) kept every promise."""
    bakery = reference_plan(tmp_path)
    for name, value in changes.items():
        setattr(bakery.community, name, value)
    if "days" in changes:  # the rota names someone on as many days, Monday first
        bakery.community.rota = {day: bakery.community.rota[day]
                                 for day in plan.WEEKDAYS[:changes["days"]]}
    fixes = [issue.where for issue in plan.check(bakery)
             if issue.level == "fix" and issue.part == "community"]
    assert (f"community.{fixed}" in fixes) if fixed else not any(
        where in fixes for where in ("community.days", "community.minutes_per_reply",
                                     "community.messages_per_week", "community.dms_per_week"))
    if fixed == "days":
        assert "the inbox goes unread from Thu at 16:00 to the next Mon at 07:00, 87 hours" in \
            next(issue.message for issue in plan.check(bakery) if issue.where == "community.days")


@pytest.mark.parametrize("unit, spread, fixed", [
    ("GBP a month", "36", None),  # taken as typed: 2 × 36 is below the rise of 150
    ("pence a month", "3600", None),
    ("GBP a month", "0", "spread"),  # money never holds still
    ("GBP a month", "100", "target")])  # 2 × 100 is above 150
def test_money_has_no_chance_floor_but_needs_a_spread(tmp_path, unit, spread, fixed):
    """Review 35's M6: a sum of money is not a count of events: no √n floor (in pence, it would
    grow a hundredfold), its spread taken as typed, and never 0."""
    scale = 100 if unit.startswith("pence") else 1
    bakery, number = _bakery_with(
        tmp_path, lambda o: o.unit == "orders a month", metric="Cake sales from social links",
        unit=unit, baseline=f"{5000 * scale}", target=f"{5150 * scale}", spread=spread,
        periods="1")
    objective = bakery.objectives[number - 1]
    assert plan.is_money(objective) and plan.chance_spread(objective, bakery) is None
    assert [place for place, _ in _fixes_at(bakery, number)] == (
        [f"objectives[{number}].{fixed}"] if fixed else [])


@pytest.mark.parametrize("metric, unit, money", [
    ("Cake orders over £30 from social links", "orders a month", False),
    ("Cake orders from our spend-and-save offer", "orders a month", False),
    ("Cake sales from social links", "GBP a month", True),
    ("Cake sales from social links", "£ a week", True),
    ("Cake sales from social links", "pence a week", True)])
def test_money_is_decided_by_its_unit_alone(tmp_path, metric, unit, money):
    """Review 37's M2: "£" or "spend" in a count's name made it money, with no √n floor and no jump
    rule: 14 -> 400 orders with a spread of 0.1 earned full marks."""
    bakery, number = _bakery_with(tmp_path, lambda o: o.unit == "orders a month", metric=metric,
                                  unit=unit)
    assert plan.is_money(bakery.objectives[number - 1]) == money
    if not money:
        bakery.objectives[number - 1].target, bakery.objectives[number - 1].spread = "400", "0.1"
        assert [place for place, _ in _fixes_at(bakery, number)] == [
            f"objectives[{number}].spread", f"objectives[{number}].target"]


@pytest.mark.parametrize("target, level", [("100000", "fix"), ("3001", "fix"), ("3000", "consider"),
                                           ("2000", None)])
def test_money_past_three_times_its_baseline_is_refused(tmp_path, target, level):
    """Review 37's M2: 1,000 -> 100,000 GBP a month passed with a 20-word reason; money has the jump
    rule's ratio (past 3 times a fix, past 2 a consider), not its spreads."""
    bakery, number = _bakery_with(
        tmp_path, lambda o: o.unit == "orders a month", metric="Cake sales from social links",
        unit="GBP a month", baseline="1000", target=target, spread="50", periods="1")
    issues = [(issue.level, issue.message) for issue in plan.check(bakery)
              if issue.where == f"objectives[{number}].target"]
    assert [issue_level for issue_level, _ in issues] == ([level] if level else [])
    if target == "3001":
        assert issues[0][1] == (
            f"The target of objective {number} (3001 GBP a month) is 3.0 times its baseline (1000 "
            "GBP a month): social media alone does not take a sum past 3 times its baseline. Set "
            "the target for what social media can move; what a new product or a new market adds "
            "belongs in its reason and in an objective of its own.")


@pytest.mark.parametrize("target, spread, fixed", [
    ("19.9", "0.01", True),  # review 37's M5: passed, judged by the typed 0.01 alone
    ("17.5", "0.01", True),  # 2.5 hours: within 3.0
    ("16.5", "0.01", False),  # 3.5 hours: beyond it
    ("10", "6", False)])  # the bakery's own
def test_a_response_time_is_judged_by_at_least_the_chance_in_a_median(tmp_path, target, spread,
                                                                       fixed):
    """A median of n exponential waits with median m varies by about m ÷ (ln 2 · √n) = 1.44 m ÷ √n:
    the bakery's 20 hours over 45 messages a week, 4.3 hours; a mean of 8 weeks can differ by
    2 × 4.3 ÷ √8 = 3.0 hours by chance."""
    bakery, number = _bakery_with(tmp_path, lambda o: o.metric == "response_time", target=target,
                                  spread=spread)
    team = bakery.community
    floor, how = plan.chance_spread(bakery.objectives[number - 1], bakery)
    assert (team.messages_per_week + team.dms_per_week, f"{floor:.1f}") == (45, "4.3")
    assert how == "1.44 × 20 ÷ √45 for a median of 20 hours over 45 messages a week"
    fixes = _fixes_at(bakery, number)
    assert [place for place, _ in fixes] == ([f"objectives[{number}].target"] if fixed else [])
    if target == "19.9":
        assert fixes[0][1] == (
            f"The change objective {number} (Median response time) aims for (0.1 hours) is within "
            "the noise: it moves by at least 4.3 hours (chance alone, 1.44 × 20 ÷ √45 for a median "
            "of 20 hours over 45 messages a week; your spread says 0.01 hours) from one week to the "
            "next, so a mean of 8 weeks can differ by 3 hours by chance. Aim further, or judge a "
            "mean over more weeks.")


@pytest.mark.parametrize("periods, by, fixed", [("13", "2028-07-31", True), ("12", "2028-07-31", False),
                                                ("100", "2035-12-31", True)])
def test_a_target_s_mean_is_at_most_a_year(tmp_path, periods, by, fixed):
    """Review 37's 9: a mean of 100 months dated 2035 passed."""
    bakery, number = _bakery_with(tmp_path, lambda o: o.unit == "orders a month", periods=periods,
                                  by=by)
    assert _fixes_at(bakery, number) == ([(
        f"objectives[{number}].periods",
        f"Objective {number} is judged on a mean of {periods} months: judge it on 12 or fewer (a "
        "year), so that the target says where the metric stands, not where it stood on average for "
        "years.")] if fixed else [])


@pytest.mark.parametrize("changes, fixed", [
    ({"metric": "Cake sales from social links", "unit": "GBP a month", "target": "300"}, False),
    ({"metric": "Cake sales from social links", "unit": "GBP a month", "target": "300",
      "baseline": "50"}, True),
    ({"metric": "Wedding enquiries answered within a day", "unit": "% of questions a month",
      "target": "40"}, False),
    ({"target": "8"}, False)])
def test_a_spread_of_zero_is_allowed_for_any_own_metric_that_was_zero(tmp_path, changes, fixed):
    """Review 37's 10: a rate of 0% or 0 GBP every month was refused as "no measure holds that
    still", pointed to plan_import.weekly, which does not read an order book."""
    bakery, number = _bakery_with(tmp_path, lambda o: o.unit == "orders a month",
                                  **{"baseline": "0", "spread": "0", "periods": "1",
                                     "reason": "A new wedding cake page on Instagram and Facebook "
                                               "starts this spring, with its own order link and "
                                               "photos of the first cakes.", **changes})
    fixes = _fixes_at(bakery, number)
    assert [place for place, _ in fixes if place.endswith(".spread")] == (
        [f"objectives[{number}].spread"] if fixed else [])
    if fixed:
        assert fixes[0][1].endswith("give the spread your data show (compute it from your own "
                                    "records: the standard deviation of the monthly values).")


def test_an_own_count_below_its_baseline_asks_for_what_the_business_wants_more_of(tmp_path):
    """Review 37's M4: complaints 6 -> 2 was told "should go up"."""
    bakery, number = _bakery_with(tmp_path, lambda o: o.unit == "orders a month",
                                  metric="Complaints about late cakes", unit="complaints a month",
                                  baseline="6", target="2")
    [(_, message)] = _fixes_at(bakery, number)
    assert "should go up" not in message and "count what you want more of (complaints resolved " \
        "the same day, not complaints" in message
    resolved = dataclasses.replace(bakery.objectives[number - 1], metric="Complaints about cakes "
                                   "resolved the same day", baseline="4", target="8")
    bakery.objectives[number - 1] = resolved
    assert [place for place, _ in _fixes_at(bakery, number) if place.endswith(".target")] == []


def test_the_response_time_floor_sits_below_lumen_s_measured_spread():
    """The notes: Lumen's median wait moves by 4.3 hours from week to week; the floor gives 1.3 for
    its 8 hours over the 77 messages a week its plan expects."""
    lumen = plan.example_plan()
    response = next(o for o in lumen.objectives if o.metric == "response_time")
    floor, how = plan.chance_spread(response, lumen)
    assert (response.baseline, response.spread, f"{floor:.1f}") == ("8.0", "4.3", "1.3")
    assert how.endswith("over 77 messages a week")


def test_an_hour_is_written_singular():
    assert plan.METRICS["response_time"].amount(1) == "1 hour"
    assert plan.METRICS["response_time"].amount(1.5) == "1.5 hours"
    assert plan.METRICS["engagement_rate"].difference(1) == "1 point"


@pytest.mark.parametrize("objective, fixed", [
    (dataclasses.replace(FOLLOWERS, source="Instagram Insights: 1,000 followers", spread="0",
                         target="3"), True),
    (dataclasses.replace(FOLLOWERS, source="Instagram Insights: 1,000 followers", spread="0.45",
                         target="3"), False),
    (Objective("sales", "click_through_rate", "0", "0.1", "2027-05-31", spread="0",
               source="Meta Business Suite's Facebook export: 5,000,000 impressions a week",
               reason="Facebook posts of Celebration cakes will carry the order link for the first "
                      "time, so clicks start from nothing."), True)])
def test_a_spread_of_zero_is_refused_where_chance_gives_a_floor(tmp_path, objective, fixed):
    """Review 35's m4: follower growth and a rate at 0% passed with a spread of 0, judged by the
    chance floor alone."""
    bakery = reference_plan(tmp_path)
    bakery.objectives.append(objective)
    number = len(bakery.objectives)
    fixes = _fixes_at(bakery, number)
    assert [place for place, _ in fixes] == ([f"objectives[{number}].spread"] if fixed else [])
    assert not fixed or " says " in fixes[0][1] and "no measure holds that still" in fixes[0][1]


def test_a_small_chance_floor_is_written_to_two_figures(tmp_path):
    """Review 35's m1: "moves by at least 0.0" and "(0.2 % of impressions)"; review 37's 11: a rate's
    spread and change in points, the floor with its unit."""
    bakery = reference_plan(tmp_path)
    bakery.objectives.append(Objective(
        "sales", "click_through_rate", "0.3", "0.32", "2027-05-31", spread="0.01",
        source="Meta Business Suite's Facebook export: 120,000 impressions a week",
        reason="Facebook posts of Celebration cakes will carry the order link in the first line."))
    number = len(bakery.objectives)
    message = next(message for where, message in _fixes_at(bakery, number)
                   if where.endswith(".target"))
    assert f"{100 * (0.003 * 0.997 / 120_000) ** 0.5:.2g}" == "0.016"
    assert "(0.02 points)" in message and "moves by at least 0.016 points (chance alone" in message
    assert "can differ by 0.032 points by chance" in message


def test_what_the_floors_leave_to_the_tutor(tmp_path):
    """The instructor notes' limits (review 35): Lumen's weekly engagement rate varies by 1.09
    points outside the recall, about seven times the 0.15 sampling gives at its 21,782 impressions
    a week; a 3% rate with a spread of 0.08 aimed at 3.4 and the bakery's Sunday closure (39 hours
    unread) pass (a response time of 20 hours aimed at 19.9 with a spread of 0.01, once among them,
    meets its chance floor: review 37)."""
    posts, comments = data.load("posts"), data.load("comments")
    lumen = posts[posts["brand"] == "lumen"]
    weeks = weekly(lumen, comments[comments["post_id"].isin(lumen["post_id"])], RECALL)
    ordinary = lumen[~lumen["published_at"].dt.strftime("%Y-%m-%d").between(*RECALL)]
    impressions = ordinary["impressions"].sum() / len(weeks)
    rate = Objective("sales", "engagement_rate", "5.06", "6", "2027-07-31", spread="1.09",
                     source=f"our export: {impressions:,.0f} impressions a week")
    floor, _ = plan.chance_spread(rate, plan.example_plan())
    spread = weeks["engagement_rate"].std()
    assert (f"{spread:.2f}", f"{floor:.2f}", f"{impressions:,.0f}", round(spread / floor)) == (
        "1.09", "0.15", "21,782", 7)
    bakery = reference_plan(tmp_path)
    bakery.objectives.append(Objective(
        "sales", "engagement_rate", "3", "3.4", "2027-05-31", spread="0.08",
        source="Meta Business Suite's Instagram export: 12,000 impressions a week",
        reason="Instagram posts of Celebration cakes with a photo of the finished cake draw more "
               "comments than Fresh out of the oven posts."))
    assert _fixes_at(bakery, len(bakery.objectives)) == []
    team = bakery.community
    assert (8 - team.days) * 24 - team.window_hours() == 39
    assert not [issue for issue in plan.check(bakery) if issue.where == "community.days"]


def test_someone_who_owns_an_action_is_someone_a_text_may_name():
    """Reader 82's clinic owner, Gráinne, owned actions and approved in a crisis but had no hours on
    social: the readers' line naming her alone was "names nobody"; an action's owner is one of the
    plan's people."""
    lumen = plan.example_plan()
    lumen.reporting.readers = "Gráinne"
    assert [issue.where for issue in plan.check(lumen)] == ["reporting.readers"]
    lumen.actions["commitment"].owner = "Gráinne"
    assert plan.check(lumen) == []


def test_a_sentence_full_of_names_is_still_a_sentence():
    """Reader 82's pause and who-answers were sentences that names and a product's name left with
    too few words like "the" and "and": names are left out of the count; a list of nouns is not."""
    lumen = plan.example_plan()
    lumen.crisis.pause = "Conor pauses all scheduled posts in Meta Business Suite straight away."
    lumen.community.who_answers = ("Máire (Douglas reception) and Shauna (Ballincollig reception) "
                                   "answer messages between patients. Each look answers every "
                                   "message waiting.")
    assert [issue.where for issue in plan.check(lumen) if issue.level == "fix"] == []
    lumen.crisis.pause = "Conor, pauses, scheduled posts, Meta Business Suite, straight away, phone."
    assert [issue.where for issue in plan.check(lumen)] == ["crisis.pause"]


def test_an_on_call_phone_nobody_holds_is_questioned():
    """Reader 164's texts rang "the on-call phone" at every turn and none said who carried it after
    the inbox closed at 18:00; a plan whose texts send staff to the phone is asked who holds it, and
    when, unless a sentence gives it to someone. Lumen's phone "goes with the lead at work" passes."""
    lumen = plan.example_plan()
    assert not [issue for issue in plan.check(lumen) if "who holds it" in issue.message]
    unheld = dataclasses.replace(lumen, crisis=dataclasses.replace(
        lumen.crisis, escalation="A crisis is anyone ill or a hacked account. The manager on duty rings the "
        "on-call phone; no answer in 10 minutes: the founder."), community=dataclasses.replace(
        lumen.community, deputy="When a lead is away, the other takes their looks."))
    [asked] = [issue for issue in plan.check(unheld) if "who holds it" in issue.message]
    assert (asked.level, asked.where) == ("consider", "community.who_answers")
    assert asked.message.startswith("Your texts send staff to the on-call phone (“Whoever holds the "
                                    "on-call phone pauses every scheduled post within 30 minutes,…”)")
    held = dataclasses.replace(unheld, community=dataclasses.replace(
        unheld.community, who_answers=f"{lumen.community.who_answers} The on-call phone is held overnight "
        "by Sam Monday to Thursday and Ade Friday to Sunday."))
    assert not [issue for issue in plan.check(held) if "who holds it" in issue.message]
    for holder, asked in (("The on-call phone is carried by Sam on weekdays, day and night.", False),
                          ("The founder holds the on-call phone.", True)):  # reader 164's recheck: when?
        told = dataclasses.replace(unheld, community=dataclasses.replace(
            unheld.community, who_answers=f"{lumen.community.who_answers} {holder}"))
        assert bool([issue for issue in plan.check(told) if "who holds it" in issue.message]) is asked, holder


def test_other_work_given_to_someone_without_the_hours_left_is_questioned():
    """Reader 163 gave Leanne 4 hours of the other work, "(Leanne)" after each, where her 12 hours
    left 1.8 after her posts and looks, and the plan passed; a person's bracketed share of the other
    work beyond what their week leaves is a consider. Lumen, which splits it otherwise, is not asked."""
    lumen = plan.example_plan()
    assert plan.other_work_by_person(lumen, plan.person_loads(lumen)) == {}
    left = {name: load.free() for name, load in plan.person_loads(lumen).items()}
    assert round(left["Jo"], 2) == 2.14
    given = dataclasses.replace(lumen, budget=dataclasses.replace(lumen.budget, other_work=(
        "Monitoring Google, Facebook and scam ads 1.5 (Jo), review replies 1 (Jo), the report 1 (jo), "
        "approvals 0.5 (Head of marketing), the paid promotion 0.5 (Sam and Ade)")))
    assert plan.other_work_by_person(given, plan.person_loads(given)) == {"Jo": 3.5,
                                                                          "Head of marketing": 0.5}
    asked = [(issue.level, issue.message) for issue in plan.check(given)
             if issue.where == "budget.other_work"]
    assert asked == [("consider", "The other work gives Jo 3.5 hours a week, but Jo's 5 hours leave 2.1 "
                      "after their posts and looks: pass some of it to someone with room, or give Jo more "
                      "hours.")]
