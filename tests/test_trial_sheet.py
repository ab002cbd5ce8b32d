"""The trial spreadsheet (smcourse.core.trial_sheet) decides as lesson 06's section 12 does: each
case is written into a sheet, its formulas are worked out by `formulas` (an Excel engine in
Python), and the decision is compared with the rule's, computed here from the same weeks (the
Trial tab) or posts (the Replies tab)."""

import math
import re
import statistics
import zipfile

import numpy as np
import openpyxl
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


def _replies_rule(replies, per_post, variance, posts_at_first_read=0, read="first"):
    """Section 12's replies table: s² is the assumed variance a post or the posts' own, the larger;
    the bar is r × n and the stop line the bar less 2√(n × s²); the last read also reads the posts
    since the first on their own."""
    posts, total = len(replies), sum(replies)
    spread = max(variance, statistics.variance(replies) if posts > 1 else 0)
    bar = per_post * posts
    stop_line = bar - 2 * math.sqrt(posts * spread)
    if read == "first":
        if total < stop_line:
            return "stop"
        return "keep" if total >= bar and total - max(replies) >= bar else "wait"
    since = max(0, posts - posts_at_first_read)
    own_line = per_post * since - 2 * math.sqrt(since * spread)
    return "keep" if total >= stop_line and sum(replies[posts_at_first_read:]) >= own_line else "stop"


def _solved(tmp_path, book, tab, cell):
    """The value the spreadsheet's formulas give in `tab`'s `cell`, once `book` is saved."""
    path = tmp_path / "trial.xlsx"
    book.save(path)
    solved = formulas.ExcelModel().loads(str(path)).finish().calculate()
    return str(solved[f"'[trial.xlsx]{tab.upper()}'!{cell.replace('$', '')}"].value[0][0])


def _sheet_decision(tmp_path, t_weeks, f_weeks, cell=trial_sheet.DECISION, **settings):
    """The decision the spreadsheet's formulas give for these weeks (or another result `cell`), with
    `_rule`'s floor and trial's weeks unless `settings` give others."""
    book = trial_sheet.workbook(**{"floor": 0, "trial_weeks": 26, **settings})
    for row, (t, f) in enumerate(zip(t_weeks, f_weeks, strict=True), start=trial_sheet.FIRST_WEEK):
        book["Trial"][f"B{row}"], book["Trial"][f"C{row}"] = int(t), int(f)
    return _solved(tmp_path, book, "Trial", cell)


def _replies_decision(tmp_path, replies, cell=trial_sheet.REPLIES_DECISION, **settings):
    """The decision the Replies tab's formulas give for these posts (or another result `cell`)."""
    book = trial_sheet.workbook(**settings)
    for row, count in enumerate(replies, start=trial_sheet.FIRST_POST):
        book["Replies"][f"B{row}"] = int(count)
    return _solved(tmp_path, book, "Replies", cell)


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
    assert message.startswith("Wrote reads.xlsx. Trial tab: fill in k, the floor") and "E10" in message
    assert "Replies tab" in message and "E12" in message
    assert _replies_decision(tmp_path, []) == "enter the posts"
    assert (tmp_path / "reads.xlsx").stat().st_size > 0


@pytest.mark.parametrize("floor, said", [(0, "set the floor before the trial: at 0 any count passes it"),
                                         (None, "set the floor before the trial: at 0 any count passes it"),
                                         (13, "")])
def test_a_floor_left_at_0_is_pointed_out_on_the_sheet(tmp_path, floor, said):
    assert _solved(tmp_path, trial_sheet.workbook(floor=floor), "Trial", "C4") == said


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


def _posts_of(total, posts, best=None):
    """`posts` posts whose replies add up to `total`, as evenly as whole numbers allow, or with one post
    of `best` replies and the rest spread over the others."""
    if best is None:
        return _spread(total, posts)
    return [best, *_spread(total - best, posts - 1)]


THREADS = {"per_post": 0.88, "variance": 1.60}  # the appendix's Threads: replies a post, their variance


@pytest.mark.parametrize("replies, settings, decision, why", [
    # July, 52 posts: bar 45.76, stop line 27.52 (the appendix's "46 or more", "under 28")
    (_posts_of(47, 52), {}, "keep", "the replies reach the bar, also without the best post"),
    (_posts_of(46, 52), {}, "wait",
     "without the best post the replies are short of the bar: the keep would rest on it"),
    (_posts_of(60, 52, best=15), {}, "wait",
     "without the best post the replies are short of the bar: the keep would rest on it"),
    (_posts_of(28, 52), {}, "wait", "the replies are between the stop line and the bar"),
    (_posts_of(27, 52), {}, "stop", "the replies are below the stop line"),
    # October, 78 posts, 26 since 5 July: stop under 47, and under 10 since
    (_posts_of(37, 52) + _posts_of(10, 26), {"posts_at_first_read": 52, "read": "last"}, "keep",
     "the replies reach the stop line, and so do those since the first read"),
    (_posts_of(37, 52) + _posts_of(9, 26), {"posts_at_first_read": 52, "read": "last"}, "stop",
     "the replies are below the stop line"),
    (_posts_of(45, 52) + _posts_of(9, 26), {"posts_at_first_read": 52, "read": "last"}, "stop",
     "the replies since the first read are below their own stop line")])
def test_the_replies_tab_decides_the_appendix_s_threads_lines_as_section_12_does(tmp_path, replies, settings,
                                                                                  decision, why):
    assert _replies_rule(replies, **THREADS, **settings) == decision
    assert _replies_decision(tmp_path, replies, **THREADS, **settings) == decision
    assert _replies_decision(tmp_path, replies, cell=trial_sheet.REPLIES_WHY, **THREADS, **settings) == why


def test_the_replies_tab_uses_the_posts_own_variance_when_it_is_larger(tmp_path):
    bursts = [0] * 47 + [5] * 5  # 25 replies in bursts: variance 2.2, so the stop line falls to 24.3
    assert 25 < 0.88 * 52 - 2 * math.sqrt(52 * THREADS["variance"])  # the assumed 1.60 would stop it
    used = float(_replies_decision(tmp_path, bursts, cell=trial_sheet.VARIANCE_USED, **THREADS))
    assert used == pytest.approx(statistics.variance(bursts)) and used > THREADS["variance"]
    assert _replies_rule(bursts, **THREADS) == _replies_decision(tmp_path, bursts, **THREADS) == "wait"


def test_the_replies_tab_agrees_with_the_rule_on_random_posts(tmp_path):
    draws = np.random.default_rng(7)
    for _ in range(10):
        posts = int(draws.integers(2, 80))
        replies = list(draws.poisson(draws.uniform(0.2, 2), posts))
        settings = {"per_post": float(draws.uniform(0.3, 1.5)), "variance": float(draws.uniform(0.5, 3)),
                    "posts_at_first_read": int(draws.integers(0, posts)),
                    "read": str(draws.choice(["first", "last"]))}
        assert _replies_decision(tmp_path, replies, **settings) == _replies_rule(replies, **settings), (
            replies, settings)


def test_a_read_typed_wrong_is_asked_for_again_not_read_as_the_last(tmp_path):
    """Reader 106: 'first read' in B6 was read as the last read, and stopped a channel on its floor."""
    weeks = {"t_weeks": _spread(10, 26), "f_weeks": _spread(14, 26)}
    assert _sheet_decision(tmp_path, **weeks, floor=13) == "wait"
    assert _sheet_decision(tmp_path, **weeks, floor=13, read="first read") == "type first or last in B6"
    assert _sheet_decision(tmp_path, **weeks, floor=13, read="first read", cell=trial_sheet.WHY) == ""
    assert _replies_decision(tmp_path, _posts_of(47, 52), **THREADS, read="1st") == "type first or last in B6"
    validation = trial_sheet.workbook()["Trial"].data_validations.dataValidation[0]
    assert validation.showErrorMessage and validation.formula1 == '"first,last"'


def test_a_week_with_t_or_f_but_not_both_is_pointed_out_before_any_decision(tmp_path):
    """Reader 106: two weeks of T without F were summed into T but left out of B and d, and kept."""
    book = trial_sheet.workbook(floor=0, trial_weeks=26)
    rows = [(1, 1)] * 20 + [(5, None)] * 2 + [(0, 0)] * 4
    for row, (t, f) in enumerate(rows, start=trial_sheet.FIRST_WEEK):
        book["Trial"][f"B{row}"], book["Trial"][f"C{row}"] = t, f
    assert _solved(tmp_path, book, "Trial", trial_sheet.DECISION) == (
        "fill in both T and F in each week's row, 0 where none came")
    assert _solved(tmp_path, book, "Trial", f"D{trial_sheet.FIRST_WEEK + 20}") == "fill in both"
    assert _rule([t for t, _ in rows if t is not None][:20] + [0] * 4, [1] * 20 + [0] * 4) == "wait"


def test_settings_left_blank_are_asked_for(tmp_path):
    book = trial_sheet.workbook()
    assert book["Trial"]["B4"].value is None and book["Trial"]["B5"].value is None
    assert _solved(tmp_path, book, "Trial", "C5") == (
        "set the trial's weeks: the first read's floor share needs them")
    assert _sheet_decision(tmp_path, _spread(10, 26), _spread(14, 26), trial_weeks=None) == (
        "set the trial's weeks in B5")
    assert _solved(tmp_path, trial_sheet.workbook(), "Replies", "C3") == (
        "set r before the trial: at 0 any count reaches the bar")
    assert _solved(tmp_path, trial_sheet.workbook(), "Replies", "C4").startswith(
        "set the variance assumed before the trial")


def test_the_sheet_shows_the_shortfall_and_the_floor_s_share(tmp_path):
    settings = {"k": 0.5, "floor": 39, "trial_weeks": 39}
    assert float(_sheet_decision(tmp_path, _spread(8, 13), _spread(40, 13), cell=trial_sheet.SHORTFALL,
                                 **settings)) == 12
    assert float(_sheet_decision(tmp_path, _spread(8, 13), _spread(40, 13), cell=trial_sheet.FLOOR_SHARE,
                                 **settings)) == 13


def test_saving_again_keeps_a_filled_sheet(tmp_path):
    """Reader 106: running the lesson's cell again wiped the weeks a manager had typed."""
    path = tmp_path / "trial_reads.xlsx"
    assert trial_sheet.save(path).startswith("Wrote trial_reads.xlsx.")
    book = openpyxl.load_workbook(path)
    book["Trial"][f"B{trial_sheet.FIRST_WEEK}"] = 3
    book.save(path)
    assert trial_sheet.save(path).startswith("trial_reads.xlsx is already there, and is kept as it is")
    assert openpyxl.load_workbook(path)["Trial"][f"B{trial_sheet.FIRST_WEEK}"].value == 3


def test_every_newer_function_carries_excel_s_prefix(tmp_path):
    """Excel reads VAR.S in a file only as _xlfn.VAR.S; without it the cell shows #NAME?."""
    trial_sheet.save(tmp_path / "trial_reads.xlsx")
    with zipfile.ZipFile(tmp_path / "trial_reads.xlsx") as sheet_file:
        xml = " ".join(sheet_file.read(name).decode() for name in sheet_file.namelist()
                       if name.startswith("xl/worksheets/"))
    assert xml.count("_xlfn.VAR.S(") >= 3 and not re.search(r"(?<!_xlfn\.)VAR\.S\(", xml)
