"""The rota's look times read the way people write them (`plan.read_rota_day`): "9am", "3 pm",
"07.00", "07:00", shifts on the inbox as continuous cover, counts of minutes or looks no times;
the checks, the costing and the staff sheet read them alike. Lumen's plan (staffed 07:00 to 19:30
every day, a 4-hour promise) is the plan each rota is tried on."""
import dataclasses
import datetime as dt
import math
from collections import Counter

import pandas as pd
import pytest
from capstone_reference import reference_plan

from smcourse.core import plan
from smcourse.core.plan_export import staff_html, staff_markdown, to_html, to_markdown
from smcourse.core.plan_import import inbox_waits


@pytest.mark.parametrize(("text", "looks", "shifts"), [
    ("Sam at 07 and 11:30, Jo at 15 and 19", (7, 11.5, 15, 19), ()),
    ("Priya at 9am and 3pm", (9, 15), ()),
    ("Priya at 9:30am and 3 pm", (9.5, 15), ()),
    ("Priya at 12pm and 12am", (12, 0), ()),
    ("Priya at 07.00, 11.00 and 15.00", (7, 11, 15), ()),
    ("Priya 07:00-16:00", (), ((7, 16),)),
    ("Priya 07:00–16:00, Jo at 17", (17,), ((7, 16),)),
    ("Priya from 7am to 4pm", (), ((7, 16),)),
    ("Priya at 07 (10 to 12 minutes, 15 at most)", (7,), ()),
    ("Priya (2 looks a day, 1.5 hours, 3x)", (), ()),
    ("Team of 2 at 7.30", (7.5,), ()),
    ("Priya 7-16", (), ()),
])
def test_each_format_reads_its_looks_and_shifts(text, looks, shifts):
    read = plan.read_rota_day(text)
    assert (read.looks, read.shifts) == (looks, shifts)


def test_the_reference_plans_read_the_looks_they_read_before(tmp_path):
    """Lumen's rota and the bakery reference's read as they did before am/pm and shifts were read:
    Lumen's four looks a day, the bakery's names with no times."""
    lumen = plan.example_plan()
    assert {plan.read_rota_day(text).looks for text in lumen.community.rota.values()} == {
        (7, 11, 15, 19)}
    assert plan.looks_held(lumen.community) == {"Sam": 10, "Ade": 10, "Jo": 8}
    bakery = reference_plan(tmp_path)
    assert not any(plan.read_rota_day(text).has_times() for text in bakery.community.rota.values())
    assert [i for i in plan.check(lumen) if i.where == "community.rota"] == []


def _rota_fixes(rota: str) -> list[str]:
    lumen = plan.example_plan()
    lumen.community.rota = dict.fromkeys(plan.WEEKDAYS, rota)
    return [i.message for i in plan.check(lumen) if i.where == "community.rota"]


@pytest.mark.parametrize("rota", ["Sam at 7am and 11am, Jo at 3pm and 7pm",
                                  "Sam at 07.00 and 11.00, Jo at 15.00 and 19.00",
                                  "Sam 07:00-16:00, Jo at 19",
                                  "Sam from 07:00 to 19:30"])
def test_an_honest_rota_in_any_format_keeps_the_4_hour_promise(rota):
    assert _rota_fixes(rota) == []


def test_looks_written_with_am_and_pm_are_checked_against_the_promise():
    """Two looks at 9am and 3pm leave 07:00 to 19:30 unread for longer than 4 hours: the promise
    is broken (before, they were not read, and the rota was only costed). The longest stretch runs
    from the last look past closing to the next morning's first look."""
    assert _rota_fixes("Sam at 9am and 3pm") == [
        "The rota cannot keep the 4-hour response promise made on Instagram: on Mon, Tue, Wed, "
        "Thu, Fri, Sat, Sun it leaves the inbox unread for more than 4 hours (from Mon at 15:00 "
        "to Tue at 09:00, 6.5 staffed hours). Add looks, or promise what the rota keeps."]


def test_a_message_left_at_closing_waits_for_the_next_staffed_day_s_first_look():
    """Reader 91: looks at 10, 14 and 18 leave no day's stretch over 4 hours, yet a message sent
    at 18:01 waits 1.5 staffed hours to closing and 3 more the next morning. Four looks a day, as
    the staff sheet asks, keep the promise; across a closed Sunday the stretch runs to Monday."""
    assert _rota_fixes("Sam at 10, 14 and 18") == [
        "The rota cannot keep the 4-hour response promise made on Instagram: on Mon, Tue, Wed, "
        "Thu, Fri, Sat, Sun it leaves the inbox unread for more than 4 hours (from Mon at 18:00 "
        "to Tue at 10:00, 4.5 staffed hours). Add looks, or promise what the rota keeps."]
    assert _rota_fixes("Sam at 09, 13, 17 and 19") == []
    lumen = plan.example_plan()
    lumen.community.rota = {**dict.fromkeys(plan.WEEKDAYS[:6], "Sam at 07, 11, 15 and 19"),
                            "Mon": "Sam at 10, 11, 15 and 19", "Sat": "Sam at 07, 11, 15 and 18"}
    lumen.community.days = 6
    assert [i.message for i in plan.check(lumen) if i.where == "community.rota"] == [
        "The rota cannot keep the 4-hour response promise made on Instagram: on Sat it leaves the "
        "inbox unread for more than 4 hours (from Sat at 18:00 to Mon at 10:00, 4.5 staffed hours). "
        "Add looks, or promise what the rota keeps."]


def test_a_shift_is_continuous_cover_and_the_gap_after_it_counts():
    """A shift on the inbox leaves nothing unread inside it (no look at its end outside the
    hours); the stretch after it to closing is a gap like any other."""
    assert _rota_fixes("Sam 07:00 to 13:00") == [
        "The rota cannot keep the 4-hour response promise made on Instagram: on Mon, Tue, Wed, "
        "Thu, Fri, Sat, Sun it leaves the inbox unread for more than 4 hours (on Mon from 13:00 "
        "to 19:30). Add looks, or promise what the rota keeps."]
    assert _rota_fixes("Sam 07:00 to 13:00, Jo at 16") == []


def test_minute_counts_are_no_looks_and_hide_no_gap():
    assert _rota_fixes("Sam at 07 (10 to 12 minutes, 15 at most)") == [
        "The rota cannot keep the 4-hour response promise made on Instagram: on Mon, Tue, Wed, "
        "Thu, Fri, Sat, Sun it leaves the inbox unread for more than 4 hours (on Mon from 07:00 "
        "to 19:30). Add looks, or promise what the rota keeps."]


def test_numbers_that_hold_no_time_get_one_sentence_on_what_to_write():
    assert _rota_fixes("Sam (2 looks a day)") == [
        "On Mon, Tue, Wed, Thu, Fri, Sat, Sun the rota has numbers but no time of day that can "
        "be read (“Sam (2 looks a day)”): write each look's time, as in “Priya at 07:00 and "
        "11:00”, or a shift on the inbox, as in “Priya 07:00 to 16:00”."]
    assert _rota_fixes("Sam") == []  # a name alone is costed, not replayed


def test_a_shift_backwards_or_outside_the_staffed_hours_is_a_fix():
    assert _rota_fixes("Sam 16:00 to 07:00, Jo at 07, 11, 15 and 19")[0] == (
        "On Mon the rota's shift from 16:00 to 07:00 ends before it starts: write it as the "
        "earlier time to the later, within one day.")
    assert _rota_fixes("Sam 20:00 to 22:00, Jo at 07, 11, 15 and 19")[0] == (
        "On Mon the rota's shift from 20:00 to 22:00 is outside the staffed hours 07:00 to "
        "19:30: move the shift, or change the hours and what the profiles promise.")


def test_a_shift_holds_a_look_an_hour_in_the_costing():
    lumen = plan.example_plan()
    lumen.community.rota = dict.fromkeys(plan.WEEKDAYS, "Sam 07:00 to 16:00, Jo at 17 and 19")
    assert plan.looks_held(lumen.community) == {"Sam": 9 * 7, "Jo": 2 * 7}


def test_the_staff_sheet_writes_the_times_the_checks_read():
    lumen = plan.example_plan()
    lumen.community.rota = {**lumen.community.rota, "Mon": "Sam at 7am and 11.00, Jo 15:00-19:30",
                            "Tue": "Sam (2 looks a day)"}
    rows = staff_markdown(lumen).splitlines()
    assert "| Mon | Sam at 07:00 and 11:00, Jo 15:00-19:30 |" in rows
    assert ("| Tue | Sam (2 looks a day): a look at least every 4 hours from 07:00 to 19:30 (4 a "
            "day) |") in rows


# --- staffed days read from the rota, wherever the closed days fall ------------------------------

@pytest.fixture(scope="module")
def bakery(tmp_path_factory):
    return reference_plan(tmp_path_factory.mktemp("bakery"))


def _staffed_on(a_plan, days, count=None):
    """`a_plan` with its inbox staffed on `days` (Priya the first three, Ollie the rest) and
    `count` days a week (len(days) unless given)."""
    rota = {day: "Priya" if number < 3 else "Ollie" for number, day in enumerate(days)}
    return dataclasses.replace(a_plan, community=dataclasses.replace(
        a_plan.community, days=len(days) if count is None else count, rota=rota))


MON_FRI, WED_SUN = ("Mon", "Tue", "Wed", "Thu", "Fri"), ("Wed", "Thu", "Fri", "Sat", "Sun")


def test_a_cafe_closed_on_monday_and_tuesday_passes_where_a_monday_to_friday_one_does(bakery):
    """Five staffed days are five staffed days whichever they are: a Wed–Sun rota is told nothing
    a Mon–Fri one is not (before, its Monday and Tuesday were empty and its weekend unread),
    but where each one's closed days' messages pile up."""
    weekdays, weekend = _staffed_on(bakery, MON_FRI), _staffed_on(bakery, WED_SUN)
    assert plan.staffed_days(weekend.community) == WED_SUN
    assert [i for i in plan.check(weekend) if i.level == "fix"] == []
    assert [(i.where, i.message) for i in plan.check(weekend)] == [
        (i.where, i.message.replace("Sat and Sun's messages pile up for Mon's",
                                    "Mon and Tue's messages pile up for Wed's"))
        for i in plan.check(weekdays) if i.where != "budget.go_no_go"]
    assert [i.message for i in plan.check(weekdays) if i.where == "budget.go_no_go"] == [
        "The go/no-go test is read on Sat 1 May 2027, a day the business is closed: read it on the next "
        "open day, Mon 3 May 2027, or another that is open."]  # the bakery's gate, on a closed Saturday
    assert plan.looks_held(weekend.community) == plan.looks_held(weekdays.community) == {
        "Priya": 3, "Ollie": 2}


def test_a_rota_naming_fewer_days_than_the_inbox_is_staffed_names_the_days_it_found(bakery):
    short = _staffed_on(bakery, MON_FRI, count=6)
    assert [i.message for i in plan.check(short) if i.where == "community.rota"] == [
        "The rota names who answers on 5 days (Mon, Tue, Wed, Thu, Fri), but the inbox is staffed "
        "6 days a week: name who answers on each staffed day and leave the closed days blank, or "
        "give the number of days the rota covers (Community: days)."]
    assert [i.where for i in plan.check(_staffed_on(bakery, MON_FRI)) if i.level == "fix"] == []


def test_an_empty_rota_is_read_as_the_first_days_of_the_week():
    lumen = plan.example_plan()
    lumen.community.days, lumen.community.rota = 3, {}
    assert plan.staffed_days(lumen.community) == ("Mon", "Tue", "Wed")
    assert [i.message for i in plan.check(lumen) if i.where == "community.rota"] == [
        "Nobody is on the rota on Mon, Tue, Wed, though the inbox is staffed 3 days a week: name "
        "who answers."]


@pytest.mark.parametrize(("days", "unread"), [
    (("Mon", "Tue", "Thu", "Fri", "Sat"), None),  # closed Wed and Sun: 24 hours and a night each
    (("Mon", "Fri"), "from Mon at 16:00 to the next Fri at 07:00, 87 hours"),
    (("Sat", "Sun"), "from Sun at 16:00 to the next Sat at 07:00, 135 hours"),
])
def test_the_longest_run_of_closed_days_is_the_gap_wherever_it_falls(bakery, days, unread):
    messages = [i.message for i in plan.check(_staffed_on(bakery, days))
                if i.where == "community.days"]
    assert messages == ([] if unread is None else [
        f"Staffed {len(days)} days a week, the inbox goes unread {unread}: longer than any "
        "response promise may be (72 hours). Staff it on more days, or for longer hours."])


def test_the_exports_list_the_days_the_rota_staffs(bakery):
    weekend = _staffed_on(bakery, WED_SUN)
    rows = [row for row in staff_markdown(weekend).splitlines() if row.startswith("| ")]
    assert rows[:3] == [
        "| Day | On the inbox, and when they look |",
        "| Wed–Fri | Priya: a look at least every 4 hours from 07:00 to 16:00 (3 a day) |",
        "| Sat–Sun | Ollie: a look at least every 4 hours from 07:00 to 16:00 (3 a day) |"]
    sheet = staff_html(weekend)
    assert "<td>Wed–Fri</td>" in sheet and "<td>Sat–Sun</td>" in sheet and "<td>Mon" not in sheet
    assert "- **Rota**: Wed: Priya; Thu: Priya; Fri: Priya; Sat: Ollie; Sun: Ollie" in \
        to_markdown(weekend).splitlines()
    assert "Wed: Priya; Thu: Priya; Fri: Priya; Sat: Ollie; Sun: Ollie" in to_html(weekend)


def test_a_closed_day_between_two_alike_ends_a_run_of_the_rota_table(bakery):
    split = _staffed_on(bakery, ("Mon", "Tue", "Thu", "Fri", "Sat"))
    split.community.rota = dict.fromkeys(split.community.rota, "Priya")
    assert [row.split(" | ")[0] for row in staff_markdown(split).splitlines()
            if row.startswith("| ") and "Priya:" in row] == ["| Mon–Tue", "| Thu–Sat"]


def test_replayed_arrivals_wait_for_the_next_staffed_day_the_rota_names(bakery):
    """A message at 08:00 on a Monday (2026-11-30) to a café staffed Wed–Sun waits for Wednesday's
    first look at 07:00, 47 hours; one at 08:00 on that Wednesday for the look at 11:00."""
    weekend = _staffed_on(bakery, WED_SUN)
    arrivals = pd.Series(pd.to_datetime(["2026-11-30 08:00", "2026-12-02 08:00"]))
    assert list(inbox_waits(arrivals, weekend.community, 4)) == [47.0, 3.0]


# --- fewer messages than posts: advice, and the noise floor's n is the plan's own ---------------

def test_fewer_messages_than_posts_is_a_consider_and_fails_nothing(bakery):
    quiet = dataclasses.replace(bakery, community=dataclasses.replace(
        bakery.community, messages_per_week=4, dms_per_week=2))
    assert [i for i in plan.check(quiet) if i not in plan.check(bakery)] == [plan.Issue(
        "community", "consider",
        "6 messages a week (comments and direct messages) for 7.2 posts a week is fewer than one a "
        "post (Lumen's posts drew about one comment each): check the count against your inbox, or "
        "expect the inbox to grow, and its hours with it.", "community.messages_per_week")]
    silent = dataclasses.replace(quiet, community=dataclasses.replace(
        quiet.community, messages_per_week=0, dms_per_week=0))
    assert [i.level for i in plan.check(silent) if i.where == "community.messages_per_week"] == [
        "fix"]  # none at all is a field left blank, not a quiet account


def test_the_noise_floor_and_the_inbox_cap_count_the_plan_s_own_messages_not_its_posts(bakery):
    """Six messages a week for 7.2 posts: the response time's chance spread is over the six (26
    a month), and a rate of questions is out of six a week, whatever one a post would give."""
    quiet = dataclasses.replace(bakery, community=dataclasses.replace(
        bakery.community, messages_per_week=4, dms_per_week=2))
    wait = next(o for o in quiet.objectives if o.metric == "response_time")
    answered = next(o for o in quiet.objectives if o.metric == "questions_answered")
    spread, how = plan.chance_spread(wait, quiet)
    messages = 6 * (plan.WEEKS_A_MONTH if wait.period() == "month" else 1)
    assert spread == pytest.approx(plan.MEDIAN_WAIT_SPREAD * 20 / messages ** 0.5)
    assert f"over {messages:,.0f} messages a {wait.period()}" in how
    weeks = plan.WEEKS_A_MONTH if answered.period() == "month" else 1
    assert plan.rate_base(answered, quiet) == ("questions", pytest.approx(6 * weeks))


# --- closed days: the response-time target replayed, the texts' weekdays, the busy week --------

def _lumen_closed_monday_and_tuesday():
    """The expert reader's probe: Lumen's plan for a café closed Monday and Tuesday (rota Wed–Sun)."""
    lumen = plan.example_plan()
    rota = {day: text for day, text in lumen.community.rota.items() if day in WED_SUN}
    return dataclasses.replace(lumen, community=dataclasses.replace(lumen.community, rota=rota, days=5))


def _numbered(a_plan, metric):
    return [number for number, objective in enumerate(a_plan.objectives, start=1)
            if objective.metric == metric]


def test_a_response_time_target_the_closed_days_put_out_of_reach_is_a_consider_with_the_replay():
    """Replayed on Wed–Sun (looks at 07, 11, 15 and 19), the course's 2025 comments outside the
    recall wait a mean weekly median of 7.6 hours (3.6 every day): Lumen's 4.5 is out of reach."""
    probe = _lumen_closed_monday_and_tuesday()
    found = [i for i in plan.check(probe) if i.where.endswith(".target")]
    assert [(i.level, i.where) for i in found] == [
        ("consider", f"objectives[{number}].target") for number in _numbered(probe, "response_time")]
    number = _numbered(probe, "response_time")[0]
    assert found[0].message == (
        "On your rota (closed Mon, Tue) the course's 2025 comments (the recall weeks left out), "
        "replayed on its looks, wait a median of 7.6 hours a week for the first look (mean of "
        "weeks; 3.6 if staffed every day), not the 4.5 objective "
        f"{number} (Mean of weekly median response times) targets: staff more days or looks, or "
        "aim for what your rota reaches.")


def test_the_replay_is_the_one_the_lesson_and_the_import_use():
    """`course_replay` is `inbox_waits` on the course's comments: the weekly medians' mean on
    Lumen's every-day rota is the 3.6 its objective cites, and 7.6 on Wed–Sun."""
    from smcourse.core.plan_import import course_replay
    span = "2025 without the recall"
    assert round(course_replay(plan.example_plan().community, 4, "all", span), 1) == 3.6
    assert round(course_replay(_lumen_closed_monday_and_tuesday().community, 4, "all", span), 1) == 7.6
    assert course_replay(_lumen_closed_monday_and_tuesday().community, 4, "all", span, "pooled") \
        < course_replay(_lumen_closed_monday_and_tuesday().community, 4, "all", span)
    assert math.isnan(course_replay(plan.example_plan().community, 4, "a platform Lumen is not on"))


def test_an_every_day_rota_that_reaches_its_target_is_told_nothing_but_an_unreachable_target_is():
    lumen = plan.example_plan()
    assert [i for i in plan.check(lumen) if "replayed" in i.message] == []
    number = _numbered(lumen, "response_time")[0]
    hasty = dataclasses.replace(lumen, objectives=[
        dataclasses.replace(o, target="3") if n == number else o
        for n, o in enumerate(lumen.objectives, start=1)])
    [found] = [i for i in plan.check(hasty) if "replayed" in i.message]
    assert found.where == f"objectives[{number}].target" and found.message.startswith(
        "On your rota (every day) ") and "wait a median of 3.6 hours a week" in found.message


def test_a_target_from_the_learner_s_own_data_is_not_replayed_on_the_course_s(bakery):
    weekend = _staffed_on(bakery, WED_SUN)
    assert [i for i in plan.check(weekend) if "replayed" in i.message] == []


def test_texts_naming_a_closed_day_as_a_working_day_get_a_consider_each():
    probe = _lumen_closed_monday_and_tuesday()
    named = {i.where: i.message for i in plan.check(probe) if "leaves closed" in i.message}
    assert named == {
        "community.who_answers": "This text has someone work or act on a day your rota leaves "
        "closed (Mon, Tue): “Monday to Friday”. Name the staffed day it happens on, or put that day "
        "on the rota.",
        "community.escalation": "This text has someone work or act on a day your rota leaves "
        "closed (Mon, Tue): “and leaves refunds for Monday”. Name the staffed day it happens on, or "
        "put that day on the rota."}  # the crisis escalation's are on-call sentences: kept shut too
    assert [i for i in plan.check(plan.example_plan()) if "leaves closed" in i.message] == []


@pytest.mark.parametrize(("text", "clauses"), [
    ("The café is closed on Monday and Tuesday.", []),
    ("Nobody answers on Mondays; Sam rests on Tuesday.", []),
    ("Week 1 starts on Monday 4 January 2027.", []),
    ("Ade (Wednesday to Sunday) answers.", []),
    ("Sam (Monday to Friday) answers.", ["Monday to Friday"]),
    ("Jo covers from Sat to Tue.", ["Jo covers from Sat to Tue"]),
    ("Refunds wait for Tues.", ["Refunds wait for Tues"]),
    ("Sam on Monday, Ade on Friday.", ["Sam on Monday"]),
    ("Monica answers on Friday.", []),
    # reader 83: messages that wait are no one at work, and a time's colon ends no clause
    ("Messages after 18:00 or on a Monday wait for Wednesday's first look.", []),
    ("On a Monday they wait for Tuesday's look.", ["On a Monday they wait for Tuesday's look"]),
    ("Sam answers on Monday at 18:00.", ["Sam answers on Monday at 18:00"]),
    # reader 94: when a message sent on a closed day is answered is no one at work on it
    ("Messages that arrive on Sunday or Monday are answered at the Wednesday 09:00 look.", []),
    ("Anything sent on a Monday is answered first thing Wednesday.", []),
    ("A customer is answered on Monday by Jo.", ["A customer is answered on Monday by Jo"]),
    # readers 156 and 157: the on-call phone and its alerts are kept while the business is shut
    ("The on-call phone is with Dana on Monday and Tuesday.", []),
    ("Alerts reach Sam's phone on Monday.", []),
])
def test_a_closed_day_named_as_a_working_day_is_found_and_a_closed_one_is_not(text, clauses):
    assert plan.closed_days_named(text, ("Mon", "Tue")) == clauses


def test_the_busy_week_says_what_a_look_costs_and_where_closed_days_pile_up():
    """Lumen's staffed 10 hours over 20 looks on Wed–Sun give 30 minutes a look; a busy week adds
    CHECK_MINUTES to each, and Monday and Tuesday's messages pile up for Wednesday's 07:00 look."""
    [busy] = [i.message for i in plan.check(_lumen_closed_monday_and_tuesday())
              if i.message.startswith("In a busy week")]
    assert busy == ("In a busy week each look runs 10 minutes longer (40 minutes, not the 30 the "
                    "staffed hours allow), and Ade would need 15.5 hours against the 15 budgeted; "
                    "Mon and Tue's messages pile up for Wed's 07:00 look: say who takes some of Ade's "
                    "looks or posts that week (Community: cover).")


def test_one_message_a_week_is_singular_in_the_noise_floor(bakery):
    lone = dataclasses.replace(bakery, community=dataclasses.replace(
        bakery.community, messages_per_week=1, dms_per_week=0))
    wait = next(o for o in lone.objectives if o.metric == "response_time")
    assert wait.period() == "week"
    assert plan.chance_spread(wait, lone)[1].endswith("over 1 message a week")


def test_the_calendar_posts_only_on_days_someone_answers():
    """Reader 72's shop had posts on the days it was closed: with the rota on Wed–Sun, every
    channel's posts move to those days, as many of them as before; LinkedIn keeps its weekdays."""
    probe, lumen = _lumen_closed_monday_and_tuesday(), plan.example_plan()
    entries = plan.calendar(probe)
    assert {entry.day.strftime("%a") for entry in entries} == set(WED_SUN)
    assert Counter(e.channel for e in entries) == Counter(e.channel for e in plan.calendar(lumen))
    linkedin = {e.day.strftime("%a") for e in entries if e.channel == "LinkedIn"}
    assert linkedin and linkedin <= {"Wed", "Thu", "Fri"}



def test_the_busy_week_names_each_person_over_their_hours():
    """Lumen's three on the rota each given only their week's work: the first over says what the
    numbers are, the others follow in short."""
    lumen = plan.example_plan()
    loads = plan.person_loads(lumen)
    lumen.budget.hours_by_person = {name: round(load.total() + 0.05, 1) if load.looks else load.hours
                                    for name, load in loads.items()}
    [busy] = [i.message for i in plan.check(lumen) if i.message.startswith("In a busy week")]
    assert busy == ("In a busy week each look runs 10 minutes longer (31 minutes, not the 21 the "
                    "staffed hours allow), and Sam would need 12.2 hours against the 10.6 budgeted, "
                    "Ade 14.1 against 12.5 and Jo 4.2 against 2.9: say who takes some of Sam, Ade and "
                    "Jo's looks or posts that week (Community: cover).")


def _with_other_hours(other_hours: str, sunday: str = "Jo at 10:00 and 14:00"):
    """Lumen's plan with Sunday's rota `sunday` and the days with other hours `other_hours`."""
    lumen = plan.example_plan()
    return dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, rota={**lumen.community.rota, "Sun": sunday}, other_hours=other_hours))


def _community_issues(a_plan):
    return [(issue.level, issue.where, issue.message) for issue in plan.check(a_plan)
            if issue.part == "community"]


@pytest.mark.parametrize("typed, read", [
    ("Sun 10:00 to 16:00", {"Sun": (10, 16)}),
    ("Sat and Sunday: 9:30-13:00", {"Sat": (9.5, 13), "Sun": (9.5, 13)}),
    ("sat 09.00 until 13.00; Sun from 10:00 to 16:00", {"Sat": (9, 13), "Sun": (10, 16)}),
    ("Sunday 10am to 4pm", {"Sun": (10, 16)}), ("Sun 9:30 a.m. - 1 p.m.", {"Sun": (9.5, 13)}),
    ("", {})])
def test_days_with_other_hours_are_read_as_people_write_them(typed, read):
    assert plan.read_other_hours(typed) == (read, [])


def test_a_day_with_other_hours_that_cannot_be_read_is_named_in_a_fix():
    assert plan.read_other_hours("Sunday 9-5; Mon 18:00 to 09:00")[1] == ["Sunday 9-5", "Mon 18:00 to 09:00"]
    assert ("fix", "community.other_hours", "Give each day with other hours as a day and two times of day, "
            "the earlier first, as “Sun 10:00 to 16:00”, entries apart by semicolons: “Sunday 9-5” cannot be "
            "read.") in _community_issues(_with_other_hours("Sunday 9-5"))


def test_a_shorter_sunday_is_checked_costed_and_printed_on_its_own_hours():
    """Three real businesses open shorter on one day (a garden centre's Sunday, a clinic's
    Saturday): the rota that looks at 10:00 and 14:00 keeps a 4-hour promise from 10:00 to 16:00,
    needs two looks that day, not four, and the staff sheet says so."""
    usual = _with_other_hours("")
    assert ("fix", "community.rota", "The rota cannot keep the 4-hour response promise made on Instagram: "
            "on Sun it leaves the inbox unread for more than 4 hours (on Sun from 14:00 to 19:30). Add "
            "looks, or promise what the rota keeps.") in _community_issues(usual)
    shorter = _with_other_hours("Sun 10:00 to 16:00")
    assert _community_issues(shorter) == []
    team = shorter.community
    assert team.day_window("Sun") == (10, 16) and team.day_window("Mon") == (7, 19.5)
    assert math.isclose(usual.community.hours_needed(4) - team.hours_needed(4), 2 * plan.CHECK_MINUTES / 60)
    assert ("Staffed 7 days a week, 07:00 to 19:30 (Sun 10:00 to 16:00). The fastest promise is 4 staffed "
            "hours: look through every inbox at least every 4 hours, 4 or more looks a day (Sun 2), ") \
        in staff_markdown(shorter)
    assert "**Staffed**: 7 days a week, 07:00 to 19:30 (Sun 10:00 to 16:00)," in to_markdown(shorter)
    early = _with_other_hours("Sun 10:00 to 16:00", sunday="Jo at 08:00 and 12:00")
    assert ("fix", "community.rota", "On Sun the rota has a look at 08:00, outside the staffed hours 10:00 "
            "to 16:00: move the look, or change the hours and what the profiles promise.") \
        in _community_issues(early)


def test_other_hours_for_a_day_the_rota_leaves_closed_are_a_consider():
    lumen = plan.example_plan()
    rota = {day: text for day, text in lumen.community.rota.items() if day != "Mon"}
    closed_monday = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, days=6, rota=rota, other_hours="Mon 10:00 to 16:00"))
    assert ("consider", "community.other_hours", "Other hours are given for Mon, which the rota leaves "
            "closed: name who answers that day, or take the day out of Other hours.") \
        in _community_issues(closed_monday)


def test_the_replay_looks_on_each_day_within_its_own_hours():
    """A day with other hours and no look times is replayed as a look every promise from its own
    opening; a message after its closing waits for the next day's first look."""
    from smcourse.core.plan_import import look_hours
    shorter = _with_other_hours("Sun 10:00 to 16:00", sunday="Jo")
    assert dict(look_hours(shorter.community, 4))[6] == (10, 14)
    sunday_evening = pd.Series(pd.to_datetime(["2027-01-10 17:00"]))  # a Sunday, after 16:00
    assert inbox_waits(sunday_evening, shorter.community, 4).iloc[0] == 14  # Monday's 07:00 look


def test_the_unread_stretch_between_days_runs_from_one_day_s_closing_to_the_next_s_opening():
    lumen = plan.example_plan()
    four_days = {day: text for day, text in lumen.community.rota.items() if day in plan.WEEKDAYS[:4]}
    short_thursday = dataclasses.replace(lumen, community=dataclasses.replace(
        lumen.community, days=4, rota=four_days, other_hours="Thu 07:00 to 12:00"))
    assert any("the inbox goes unread from Thu at 12:00 to the next Mon at 07:00, 91 hours" in message
               for _, where, message in _community_issues(short_thursday) if where == "community.days")


def test_a_shift_partly_outside_a_shorter_day_is_counted_within_it_and_a_consider():
    """Reader 91's Sunday shift ran 09:00 to 17:00 on a 10:00 to 16:00 day: it keeps the promise,
    holds the day's six hours of looks, not eight, and the plan is asked to fit it to the hours."""
    fitted = _with_other_hours("Sun 10:00 to 16:00", sunday="Jo 10:00 to 16:00")
    longer = _with_other_hours("Sun 10:00 to 16:00", sunday="Jo 09:00 to 17:00")
    assert plan.looks_held(longer.community) == plan.looks_held(fitted.community)
    assert _community_issues(fitted) == []
    assert _community_issues(longer) == [(
        "consider", "community.rota", "On Sun the rota's shift from 09:00 to 17:00 runs past the staffed "
        "hours 10:00 to 16:00: only those hours are counted as the inbox's. Fit the shift to them, or "
        "change the hours.")]


def test_closed_dates_that_leave_the_inbox_unread_too_long_or_repeat_a_closed_weekday_are_considers():
    """Reader 94's bike shop, shut on Sunday and Monday, added Good Friday and Easter Saturday: the
    inbox goes unread from Thursday's closing to Tuesday's opening, five days less nine hours;
    Easter Monday is closed every week anyway."""
    shop = plan.example_plan()
    team = shop.community
    team.rota = {day: "Sam at 09, 12 and 15:30" for day in ("Tue", "Wed", "Thu", "Fri", "Sat")}
    team.days, team.opens, team.closes = 5, "09:00", "18:00"
    team.closed_dates = "2027-04-02, 2027-04-03, 2027-04-05"
    hours = (dt.datetime(2027, 4, 6, 9) - dt.datetime(2027, 4, 1, 18)) / dt.timedelta(hours=1)
    assert hours == 111
    assert [(i.level, i.message) for i in plan.check(shop) if i.where == "community.closed_dates"] == [
        ("consider", "2027-04-05 falls on a day the rota leaves closed each week: leave such dates out, so "
                     "the staff sheet lists only the extra closures."),
        ("consider", "Closed from 2027-04-02 to 2027-04-05, the inbox goes unread from Thu 2027-04-01 at "
                     "18:00 to Tue 2027-04-06 at 09:00, 111 hours: longer than any response promise may be "
                     "(72 hours). Have someone look once in between, or say in Who answers that the "
                     "profiles give the date you answer again.")]
    team.who_answers += " Over the Easter closure our profiles say when we answer again."
    assert [i.message[:10] for i in plan.check(shop) if i.where == "community.closed_dates"] == ["2027-04-05"]
    team.closed_dates = "2027-04-02"
    assert [i for i in plan.check(shop) if i.where == "community.closed_dates"] == []  # Thu to Sat: 39 hours


def test_a_promise_longer_than_a_staffed_day_gives_the_working_days_it_takes():
    """24 staffed hours on Lumen's 12.5-hour day take 2 staffed days, on a 9-hour day 3;
    a promise inside a day is as typed (a grooming salon read its 24 hours as a day's)."""
    lumen = plan.example_plan()
    rows = {row.split(" | ")[0]: row.split(" | ")[1] for row in staff_markdown(lumen).splitlines()
            if row.startswith("| ") and row.count(" | ") == 3}
    assert rows["| Website and blog"] == "24 staffed hours (2 days)"
    assert rows["| Google Business Profile"] == "12.5 staffed hours"
    assert rows["| Instagram"] == "4 staffed hours"
    assert rows["| Email newsletter"] == "no promise"
    salon = dataclasses.replace(lumen, community=dataclasses.replace(lumen.community, opens="08:30",
                                                                      closes="17:30"))
    assert "| Website and blog | 24 staffed hours (3 days) |" in staff_markdown(salon)
