"""The business case model: its climb to the targets, the accounts' lag and decay, and the payback
month, on a toy case worked by hand and on Lumen's own."""

import datetime as dt
from dataclasses import replace

import pytest

from smcourse.core import business_case, plan
from smcourse.core.errors import SmcourseError

TOY = business_case.Case(start=2027, orders=(3, 6), order_value=10, enquiries=(0, 0), account_value=0,
                         won=0, kept=1, added_per_year=120, sample_cost=0)


def test_the_extras_climb_to_june_hold_then_climb_to_december_and_hold_after_the_first_year():
    assert [TOY.extra_orders(month) for month in range(1, 13)] == [1, 2, 3, 3, 3, 3, 4, 5, 6, 6, 6, 6]
    assert TOY.extra_orders(40) == 6


def test_an_account_buys_from_its_sales_cycle_on_and_fewer_keep_buying_each_year():
    case = replace(TOY, orders=(0, 0), enquiries=(3, 3), won=1 / 3, kept=0.5, sales_cycle=3)
    assert case.accounts_buying(3) == 0  # month 1's enquiry first buys 3 months on, in month 4
    assert case.accounts_buying(4) == pytest.approx(1 / 3)  # January's 1 enquiry (the climb), won 1 in 3
    assert case.accounts_buying(5) == pytest.approx(1 / 3 * 0.5 ** (1 / 12) + 2 / 3)  # and February's 2
    assert case.accounts_buying(16) == pytest.approx(sum(
        (min(asked, 3) / 3) * 3 * (1 / 3) * 0.5 ** ((16 - asked - 3) / 12) for asked in range(1, 14)))


def test_payback_is_the_first_month_the_running_balance_covers_the_cost():
    # 10 USD a month of cost; the orders earn 10, 20, 30...: -0, then +10, so January already covers
    assert TOY.payback() == dt.date(2027, 1, 1)
    slower = replace(TOY, added_per_year=12 * 25)  # 25 a month: -15, -20, -15, -10, -5, 0 in June
    assert slower.payback() == dt.date(2027, 6, 1)
    assert replace(TOY, order_value=0).payback() is None
    assert replace(TOY, added_per_year=0, once=100).payback() == dt.date(2027, 5, 1)  # 10+20+30+30+30 ≥ 100


def test_furthest_finds_how_far_a_rate_can_slip_and_still_pay_back_by_a_date():
    slower = replace(TOY, added_per_year=12 * 25)  # by June the orders' 15 × value must cover 150
    june, july = dt.date(2027, 6, 1), dt.date(2027, 7, 1)
    assert slower.furthest("order_value", june, 0) == pytest.approx(10, abs=0.001)
    assert replace(slower, order_value=9.99).payback() > june  # a cent under misses June
    assert slower.furthest("order_value", dt.date(2027, 1, 1), 0) == 10  # misses even as it is
    assert TOY.furthest("added_per_year", july, 0) == 0  # the way's end pays back too
    accounts = replace(TOY, orders=(0, 0), enquiries=(3, 3), account_value=120, won=1, kept=1)
    cycle = accounts.furthest("sales_cycle", dt.date(2027, 12, 1), 24)  # whole months
    assert isinstance(cycle, int) and replace(accounts, sales_cycle=cycle).payback() <= dt.date(2027, 12, 1)
    assert replace(accounts, sales_cycle=cycle + 1).payback() > dt.date(2027, 12, 1)
    pair = accounts.furthest("enquiries", dt.date(2027, 12, 1), (0, 0))  # both levels by one share
    assert pair[0] == pair[1] < 3 and replace(accounts, enquiries=pair).payback() <= dt.date(2027, 12, 1)
    assert replace(accounts, enquiries=(pair[0] * 0.99,) * 2).payback() > dt.date(2027, 12, 1)


def test_the_sample_bags_follow_the_enquiries_and_stop_with_them():
    case = replace(TOY, enquiries=(2, 2), sample_cost=45, enquiries_until=12)
    assert case.samples(3) == 90 and case.samples(13) == 0
    assert case.cost(1) == 10 + case.samples(1)


def test_lumens_case_reads_its_plan_and_pays_back_in_june_2033():
    case = business_case.lumen_case(plan.example_plan())
    assert (case.orders, case.enquiries) == ((8, 14), (2, 2))
    assert (case.order_value, case.account_value) == (6.40, 2730)
    assert case.added_per_year == 32962 - 1080  # the budget's added cost, December's sample bags aside
    assert case.payback() == dt.date(2033, 6, 1)
    assert replace(case, enquiries_until=12).payback() is None


def test_a_plan_without_a_dated_sales_or_leads_target_gets_a_clear_message():
    lumen = plan.example_plan()
    for outcome, dropped in (("leads", "2027-06-30"), ("sales", "2027-12-31")):
        mended = replace(lumen, objectives=[o for o in lumen.objectives
                                            if not (o.outcome == outcome and o.by == dropped)])
        with pytest.raises(SmcourseError, match=f"a {outcome} objective with targets for 30 June and 31 "
                                                "December 2027"):
            business_case.lumen_case(mended)
