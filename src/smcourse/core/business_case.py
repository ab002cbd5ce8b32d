"""A plan's business case month by month: the margin its extra orders and wholesale accounts earn
against the cost it adds, so that a payback date is computed, not only stated.

    case = lumen_case(example_plan())            # Lumen's case, from its plan and its records
    case.payback()                               # 2033-06-01: June 2033
    replace(case, added_per_year=case.added_per_year + 5688).payback()   # with 2.5 more hours a week

Month 1 is the plan's first month. Each extra climbs to June's level over the first three months,
holds to June, climbs to December's by September and holds there after the first year; an account
starts buying `sales_cycle` months after its enquiry, and a share `kept` of accounts still buys a
year on. Only the orders and the wholesale enquiries earn: the case counts no other objective.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

from smcourse.core.errors import SmcourseError
from smcourse.core.plan import Plan

HORIZON = 20 * 12  # the months `payback` looks ahead


@dataclass(frozen=True)
class Case:
    """A business case's figures: what the plan adds and what it costs."""

    start: int  # the plan's first year: month 1 is its January
    orders: tuple[float, float]  # extra orders a month: June's level, December's
    order_value: float  # the margin an extra order earns
    enquiries: tuple[float, float]  # extra wholesale enquiries a month: June's level, December's
    account_value: float  # an account's margin a year
    won: float  # the share of enquiries that become accounts
    kept: float  # the share of accounts still buying a year on
    added_per_year: float  # the cost the plan adds a year, sample bags aside
    sample_cost: float  # the sample bags sent for each extra enquiry
    once: float = 0  # a cost in month 1 alone (a training day, the first stage's monthly billing)
    sales_cycle: int = 3  # months from an enquiry to its account's first order
    enquiries_until: int | None = None  # the last month that brings extra enquiries (None: all)

    def extra_orders(self, month: int) -> float:
        """The extra orders in `month`."""
        return _ramp(month, *self.orders)

    def extra_enquiries(self, month: int) -> float:
        """The extra enquiries in `month`: none after `enquiries_until`."""
        if self.enquiries_until is not None and month > self.enquiries_until:
            return 0
        return _ramp(month, *self.enquiries)

    def accounts_buying(self, month: int) -> float:
        """The accounts won from the extra enquiries that buy in `month`."""
        def still_buying(asked: int) -> float:  # the share of accounts from `asked`'s enquiries
            return self.won * self.kept ** ((month - asked - self.sales_cycle) / 12)

        return sum(self.extra_enquiries(asked) * still_buying(asked)
                   for asked in range(1, month - self.sales_cycle + 1))

    def value(self, month: int) -> float:
        """The margin the extra orders and the accounts earn in `month`."""
        return (self.extra_orders(month) * self.order_value
                + self.accounts_buying(month) * self.account_value / 12)

    def samples(self, month: int) -> float:
        """The sample bags' cost in `month`."""
        return self.extra_enquiries(month) * self.sample_cost

    def cost(self, month: int) -> float:
        """What the plan costs in `month`: a twelfth of the added cost, the sample bags and, in month
        1, the one-off cost."""
        return self.added_per_year / 12 + self.samples(month) + (month == 1) * self.once

    def year(self, year: int) -> tuple[float, float]:
        """The value earned and the cost in the calendar year `year`."""
        months = range((year - self.start) * 12 + 1, (year - self.start) * 12 + 13)
        return sum(map(self.value, months)), sum(map(self.cost, months))

    def payback(self) -> dt.date | None:
        """The first day of the month in which the value earned since the start first covers the
        cost; None if not within twenty years."""
        balance = 0.0
        for month in range(1, HORIZON + 1):
            balance += self.value(month) - self.cost(month)
            if balance >= 0:
                return dt.date(self.start + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        return None

    def furthest(self, rate: str, by: dt.date, toward: float | tuple[float, float]):
        """How far the field `rate` ("won", "kept", "sales_cycle", "enquiries"...) can move from its
        value toward `toward` with the case still paying back by `by`: the point of the way nearest
        `toward` that does, to a millionth of the way (whole months for the sales cycle; a pair, the
        enquiries' June and December levels, moves as one). Payback must only worsen on the way; the
        value itself when even it misses `by`, `toward` when even that pays back."""
        start = getattr(self, rate)

        def point(share):  # `share` of the way from the value to `toward`
            if isinstance(start, tuple):
                return tuple(a + share * (b - a) for a, b in zip(start, toward, strict=True))
            moved = start + share * (toward - start)
            return (math.floor if toward > start else math.ceil)(moved) if isinstance(start, int) else moved

        def pays_back(share):
            month = replace(self, **{rate: point(share)}).payback()
            return month is not None and month <= by

        if not pays_back(0):
            return point(0)
        if pays_back(1):
            return point(1)
        good, bad = 0.0, 1.0
        while bad - good > 1e-6:
            middle = (good + bad) / 2
            good, bad = (middle, bad) if pays_back(middle) else (good, middle)
        return point(good)


def _ramp(month: int, june: float, december: float) -> float:
    """A month's extra: up to June's over the first three months, held to June, up to December's by
    September, held at December's after the first year."""
    month = min(month, 12)
    if month <= 6:
        return june * min(month, 3) / 3
    return june + (december - june) * min(month - 6, 3) / 3


# Lumen's records and assumptions, as its budget's case states them (all invented for the course)
PRICE, MARGIN, CODE_OFF = 32, 0.40, 0.10  # an order's average value, its margin, the code's discount
ANYWAY = 1 / 4  # the share of extra code orders that would have come anyway, costing only the discount
ACCOUNT, ACCOUNT_MARGIN, WON, KEPT = 7800, 0.35, 1 / 4, 0.8  # a wholesale account a year and its odds
BAGS_PER_ENQUIRY, SAMPLE_BAG = 3, 15  # one café in three offered a bag enquires; a bag with postage
TRAINING = 2475  # the training day in January 2027: the trainer's 600 and the staff's 1,875
MONTHLY_BILLING = 42  # Buffer billed monthly in the first stage: 7 channels, 2 USD more, 3 months


def order_margin() -> float:
    """What a code order earns Lumen: its price after the code's discount, less its cost (9.60 USD)."""
    return round(PRICE * (1 - CODE_OFF) - PRICE * (1 - MARGIN), 2)


def order_value() -> float:
    """What an extra code order earns Lumen on average: the margin after the code, less the discount
    given on the orders that would have come anyway (6.40 USD)."""
    return round((1 - ANYWAY) * order_margin() - ANYWAY * PRICE * CODE_OFF, 2)


def lumen_case(plan: Plan) -> Case:
    """Lumen's case from its plan (the orders and enquiries targets, the added cost) and the records
    above. The plan's added cost a year counts December's sample bags, which `Case` adds month by
    month, so they are taken out of it here."""
    def extras(outcome: str) -> tuple[float, float]:
        targets = {o.by: float(o.target) - float(o.baseline) for o in plan.objectives if o.outcome == outcome}
        dates = f"{start}-06-30", f"{start}-12-31"
        if not set(dates) <= set(targets):
            raise SmcourseError(f"The case needs a {outcome} objective with targets for 30 June and "
                                f"31 December {start} (Objectives); this plan has "
                                f"{', '.join(sorted(targets)) or 'none'}.")
        return targets[dates[0]], targets[dates[1]]

    start = int(plan.start[:4])
    enquiries = extras("leads")
    sample_cost = BAGS_PER_ENQUIRY * SAMPLE_BAG
    return Case(start=start, orders=extras("sales"), order_value=order_value(), enquiries=enquiries,
                account_value=ACCOUNT * ACCOUNT_MARGIN, won=WON, kept=KEPT,
                added_per_year=plan.budget.added_per_year() - 12 * enquiries[1] * sample_cost,
                sample_cost=sample_cost, once=TRAINING + MONTHLY_BILLING)
