"""The trial spreadsheet (smcourse.core.trial_sheet) decides as lesson 06's section 12 does: each
case is written into a sheet, its formulas are worked out by `formulas` (an Excel engine in
Python), and the decision is compared with the rule's, computed here from the same weeks."""

import math
import statistics

import numpy as np
import pytest

formulas = pytest.importorskip("formulas")

from smcourse.core import trial_sheet  # noqa: E402


def _rule(t_weeks, f_weeks, k=1, floor=0, trial_weeks=26, read="first"):
    """Section 12's table: the best week has most of T (a tie: the larger T − kF); D is
    2√max(T + k²F, k(T + F), weeks × VAR.S(d)); the last read leaves the best week out of T, F and D."""
    d = [t - k * f for t, f in zip(t_weeks, f_weeks, strict=True)]
    best = max(range(len(d)), key=lambda week: (t_weeks[week], d[week]))
    t, f, b, weeks = sum(t_weeks), sum(f_weeks), t_weeks[best], len(d)
    spread = weeks * statistics.variance(d) if weeks > 1 else 0
    allowance = 2 * math.sqrt(max(t + k * k * f, k * (t + f), spread))
    if read == "first":
        if k * f - t > allowance:
            return "stop"
        keep = t + k * k * f >= 25 and t - b >= k * f and t >= floor * weeks / trial_weeks
        return "keep" if keep else "wait"
    others, f = d[:best] + d[best + 1:], f - f_weeks[best]
    spread = (weeks - 1) * statistics.variance(others) if weeks > 2 else 0
    without = 2 * math.sqrt(max(t - b + k * k * f, k * (t - b + f), spread))
    return "keep" if t - b >= k * f - without and t >= floor else "stop"


def _sheet_decision(tmp_path, t_weeks, f_weeks, cell=trial_sheet.DECISION, **settings):
    """The decision the spreadsheet's formulas give for these weeks (or another result `cell`)."""
    book = trial_sheet.workbook(**settings)
    sheet = book["Trial"]
    for row, (t, f) in enumerate(zip(t_weeks, f_weeks, strict=True), start=trial_sheet.FIRST_WEEK):
        sheet[f"B{row}"], sheet[f"C{row}"] = int(t), int(f)
    path = tmp_path / "trial.xlsx"
    book.save(path)
    solved = formulas.ExcelModel().loads(str(path)).finish().calculate()
    return str(solved[f"'[trial.xlsx]TRIAL'!{cell.replace('$', '')}"].value[0][0])


def _spread(total, weeks):
    """`total` spread as evenly as whole numbers allow over `weeks`."""
    return [total // weeks + (week < total % weeks) for week in range(weeks)]


@pytest.mark.parametrize("t_weeks, f_weeks, settings, decision", [
    (_spread(2, 10), _spread(20, 10), {}, "stop"),  # 18 short, beyond 2√22
    (_spread(0, 10), _spread(6, 10), {"k": 0.5}, "wait"),  # 3 short of kF, inside 2√(0.5 × 6)
    ([3, *_spread(11, 12)], _spread(50, 13), {"k": 0.5, "read": "last"}, "stop"),
    ([2, *_spread(10, 12)], _spread(20, 13), {"read": "last", "floor": 10}, "keep"),  # 10 short, D 11.0
    ([6, *_spread(24, 12)], _spread(24, 13), {}, "keep"),
    ([7, *_spread(23, 12)], _spread(24, 13), {}, "wait"),  # a keep that rests on its best week
    ([6, *_spread(24, 12)], _spread(24, 13), {"floor": 39, "trial_weeks": 13}, "wait")])  # under the floor
def test_the_sheet_decides_the_lessons_cases_as_section_12_does(tmp_path, t_weeks, f_weeks, settings,
                                                               decision):
    assert _rule(t_weeks, f_weeks, **settings) == decision
    assert _sheet_decision(tmp_path, t_weeks, f_weeks, **settings) == decision


def test_the_sheet_agrees_with_the_rule_on_random_weeks(tmp_path):
    draws = np.random.default_rng(12)
    for _ in range(12):
        weeks = int(draws.integers(2, 30))
        k = float(draws.choice([0.25, 0.5, 1, 2]))
        t_weeks = draws.poisson(draws.uniform(0.2, 3), weeks)
        f_weeks = draws.poisson(draws.uniform(0.2, 3), weeks)
        settings = {"k": k, "floor": int(draws.integers(0, 20)), "trial_weeks": 30,
                    "read": str(draws.choice(["first", "last"]))}
        assert _sheet_decision(tmp_path, t_weeks, f_weeks, **settings) == _rule(
            list(t_weeks), list(f_weeks), **settings), (list(t_weeks), list(f_weeks), settings)


def test_an_empty_sheet_asks_for_the_weeks_and_saving_says_what_to_fill_in(tmp_path):
    assert _sheet_decision(tmp_path, [], []) == "enter the weeks"
    message = trial_sheet.save(tmp_path / "reads.xlsx", k=0.5)
    assert message.startswith("Wrote reads.xlsx: fill in k, the floor") and "E10" in message
    assert (tmp_path / "reads.xlsx").stat().st_size > 0


@pytest.mark.parametrize("floor, said", [(0, "set the floor before the trial: at 0 any count passes it"),
                                         (13, "")])
def test_a_floor_left_at_0_is_pointed_out_on_the_sheet(tmp_path, floor, said):
    trial_sheet.workbook(floor=floor).save(tmp_path / "trial.xlsx")
    solved = formulas.ExcelModel().loads(str(tmp_path / "trial.xlsx")).finish().calculate()
    assert str(solved["'[trial.xlsx]TRIAL'!C4"].value[0][0]) == said


@pytest.mark.parametrize("t_weeks, f_weeks, settings, why", [
    (_spread(2, 10), _spread(20, 10), {}, "T is short of kF by more than D"),
    (_spread(6, 10), _spread(6, 10), {}, "T + k²F is under 25: too early to keep"),
    ([7, *_spread(23, 12)], _spread(24, 13), {},
     "T − B is short of kF: the keep would rest on the best week"),
    ([6, *_spread(24, 12)], _spread(24, 13), {"floor": 39, "trial_weeks": 13},
     "T is under the floor's share for the weeks so far"),
    ([6, *_spread(24, 12)], _spread(24, 13), {}, "all three keep conditions hold"),
    ([2, *_spread(10, 12)], _spread(20, 13), {"read": "last", "floor": 10},
     "T − B reaches kF′ − D, and T the floor"),
    ([2, *_spread(10, 12)], _spread(20, 13), {"read": "last", "floor": 13}, "T is under the floor"),
    ([3, *_spread(11, 12)], _spread(50, 13), {"k": 0.5, "read": "last"},
     "T − B is short of kF′ by more than D")])
def test_the_sheet_says_which_condition_decided(tmp_path, t_weeks, f_weeks, settings, why):
    assert _sheet_decision(tmp_path, t_weeks, f_weeks, cell=trial_sheet.WHY, **settings) == why
