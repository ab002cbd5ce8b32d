"""The rota's look times read the way people write them (`plan.read_rota_day`): "9am", "3 pm",
"07.00", "07:00", shifts on the inbox as continuous cover, counts of minutes or looks no times;
the checks, the costing and the staff sheet read them alike. Lumen's plan (staffed 07:00 to 19:30
every day, a 4-hour promise) is the plan each rota is tried on."""
import pytest
from capstone_reference import reference_plan

from smcourse.core import plan
from smcourse.core.plan_export import staff_markdown


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
    is broken (before, they were not read, and the rota was only costed)."""
    assert _rota_fixes("Sam at 9am and 3pm") == [
        "The rota cannot keep the 4-hour response promise made on Instagram: on Mon, Tue, Wed, "
        "Thu, Fri, Sat, Sun it leaves the inbox unread for more than 4 hours (on Mon from 09:00 "
        "to 15:00). Add looks, or promise what the rota keeps."]


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
