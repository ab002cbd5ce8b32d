"""The trial spreadsheet (smcourse.core.trial_sheet) decides as lesson 06's section 12 does: each
case is written into a sheet, its formulas are worked out by `formulas` (an Excel engine in
Python), and the decision is compared with the rule's, computed here from the same weeks (the
Trial tab) or posts (the Replies tab)."""

import datetime as dt
import math
import re
import statistics
import zipfile

import numpy as np
import openpyxl
import pandas as pd
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
    """Section 12's replies table. The best post has the most replies (the first of them if several
    have as many); s² is the assumed variance a post or that of the posts without the best, the larger,
    so that one viral post cannot widen the allowance. A count of c posts has the line r × c − 2√(c × s²).
    The first read stops below the line for all n posts, and keeps when the replies reach the bar r × n,
    also without the best post. The last read, like the Trial tab's, leaves the best post out: it keeps
    only if the replies without it reach the line for n − 1 posts, and the posts since the first read,
    without the best post when it is among them, reach the line for their count; else it stops."""
    posts, total = len(replies), sum(replies)
    best = replies.index(max(replies))
    others = replies[:best] + replies[best + 1:]
    spread = max(variance, statistics.variance(others) if len(others) > 1 else 0)

    def line(count):
        return per_post * count - 2 * math.sqrt(count * spread)

    if read == "first":
        if total < line(posts):
            return "stop"
        return "keep" if total >= per_post * posts and total - replies[best] >= per_post * posts else "wait"
    since = others[posts_at_first_read:] if best >= posts_at_first_read else replies[posts_at_first_read:]
    return "keep" if total - replies[best] >= line(posts - 1) and sum(since) >= line(len(since)) else "stop"


def _solved(tmp_path, book, tab, cell):
    """The value the spreadsheet's formulas give in `tab`'s `cell`, once `book` is saved, as text; for
    a tuple of cells, a tuple of their values, from one solving."""
    path = tmp_path / "trial.xlsx"
    book.save(path)
    solved = formulas.ExcelModel().loads(str(path)).finish().calculate()
    values = tuple(str(solved[f"'[trial.xlsx]{tab.upper()}'!{one.replace('$', '')}"].value[0][0])
                   for one in ((cell,) if isinstance(cell, str) else cell))
    return values[0] if isinstance(cell, str) else values


def _sheet_decision(tmp_path, t_weeks, f_weeks, cell=trial_sheet.DECISION, **settings):
    """The decision the spreadsheet's formulas give for these weeks (or another result `cell`), with
    `_rule`'s floor and trial's weeks unless `settings` give others."""
    book = trial_sheet.workbook(**{"floor": 0, "trial_weeks": 26, **settings})
    for row, (t, f) in enumerate(zip(t_weeks, f_weeks, strict=True), start=trial_sheet.FIRST_WEEK):
        book["Trial"][f"B{row}"], book["Trial"][f"C{row}"] = int(t), int(f)
    return _solved(tmp_path, book, "Trial", cell)


def _replies_decision(tmp_path, replies, cell=trial_sheet.REPLIES_DECISION, **settings):
    """The decision the Replies tab's formulas give for these posts (or another result `cell`); at the
    first read the posts up to it are all of them unless `settings` say otherwise."""
    if settings.get("read", "first") == "first":
        settings = {"posts_at_first_read": len(replies), **settings}
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
    assert _replies_decision(tmp_path, [], **THREADS) == "enter the posts"
    assert (tmp_path / "reads.xlsx").stat().st_size > 0


@pytest.mark.parametrize("floor, said", [(0, "the floor is 0: any count passes it"), (None, ""),
                                         ("13 new", ""), (13, "")])
def test_a_floor_left_at_0_is_pointed_out_on_the_sheet(tmp_path, floor, said):
    assert _solved(tmp_path, trial_sheet.workbook(floor=floor), "Trial", "G4") == said


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
    # October, 78 posts, 26 since 5 July, the best post left out. These feeds' posts have 0 or 1 replies,
    # so the best is the first post with 1, before the first read: R − B = R − 1 has the line for 77
    # posts, 67.76 − 2√(77 × 1.60) = 45.56, and the 26 posts since keep theirs, 22.88 − 2√(26 × 1.60) =
    # 9.98. So the appendix's lines stand: stop under 47 in all (46 less the best is 45), and under 10
    # since. The decisions are as before; only the why is new.
    (_posts_of(37, 52) + _posts_of(10, 26), {"posts_at_first_read": 52, "read": "last"}, "keep",
     "without the best post the replies reach their line, and so do those since the first read"),
    (_posts_of(37, 52) + _posts_of(9, 26), {"posts_at_first_read": 52, "read": "last"}, "stop",
     "without the best post the replies are below their line"),
    (_posts_of(45, 52) + _posts_of(9, 26), {"posts_at_first_read": 52, "read": "last"}, "stop",
     "the replies since the first read, less the best post if it came since, are below their own line")])
def test_the_replies_tab_decides_the_appendix_s_threads_lines_as_section_12_does(tmp_path, replies, settings,
                                                                                  decision, why):
    assert _replies_rule(replies, **THREADS, **settings) == decision
    assert _replies_decision(tmp_path, replies, cell=(trial_sheet.REPLIES_DECISION, trial_sheet.REPLIES_WHY),
                             **THREADS, **settings) == (decision, why)


def test_the_replies_tab_uses_the_posts_own_variance_when_it_is_larger(tmp_path):
    bursts = [0] * 49 + [8] * 3  # 24 replies in three bursts: without the best, variance 2.46 a post,
    assert 24 < 0.88 * 52 - 2 * math.sqrt(52 * THREADS["variance"])  # so the stop line falls from 27.52
    used = float(_replies_decision(tmp_path, bursts, cell=trial_sheet.VARIANCE_USED, **THREADS))
    assert used == pytest.approx(statistics.variance(bursts[:-1])) and used > THREADS["variance"]
    assert 24 >= 0.88 * 52 - 2 * math.sqrt(52 * used)  # to 23.14
    assert _replies_rule(bursts, **THREADS) == _replies_decision(tmp_path, bursts, **THREADS) == "wait"


def test_the_best_post_does_not_widen_the_allowance(tmp_path):
    """These 25 replies, in five bursts of 5, waited when s² was the variance of all the posts (2.22 a
    post, a stop line of 24.3); without one burst the posts' variance is 1.84, the stop line 26.2: stop."""
    bursts = [0] * 47 + [5] * 5
    assert 25 >= 0.88 * 52 - 2 * math.sqrt(52 * statistics.variance(bursts))
    used = float(_replies_decision(tmp_path, bursts, cell=trial_sheet.VARIANCE_USED, **THREADS))
    assert used == pytest.approx(statistics.variance(bursts[:-1])) == pytest.approx(1.843, abs=0.001)
    assert _replies_rule(bursts, **THREADS) == _replies_decision(tmp_path, bursts, **THREADS) == "stop"


def test_one_viral_post_after_the_first_read_does_not_pass_a_dead_feed(tmp_path):
    """A trainer's case: 37 replies over the 52 posts to the first read, then 26 posts of which one has
    10 replies and the rest none. The old last read kept it on the viral post: 47 replies against the
    stop line for 78 posts, 46.3, and its 10 against the 26 posts' own line, 9.98. Without the best post
    37 replies are far short of their line for 77 posts, 45.56: stop."""
    replies = _posts_of(37, 52) + [10] + [0] * 25
    settings = {**THREADS, "posts_at_first_read": 52, "read": "last"}
    spread = max(THREADS["variance"], statistics.variance(replies))  # the old sheet's s², here 1.60
    assert 47 >= 0.88 * 78 - 2 * math.sqrt(78 * spread) and 10 >= 0.88 * 26 - 2 * math.sqrt(26 * spread)
    assert _replies_rule(replies, **settings) == "stop"
    cells = ("REPLIES_DECISION", "REPLIES_WHY", "WITHOUT_BEST", "LINE_WITHOUT_BEST", "POSTS_SINCE",
             "REPLIES_SINCE", "STOP_LINE_SINCE")
    decision, why, without, line, since, their_replies, their_line = _replies_decision(
        tmp_path, replies, cell=tuple(getattr(trial_sheet, name) for name in cells), **settings)
    assert decision == "stop" and why == (
        "without the best post the replies are below their line")
    assert float(without) == 37 and float(line) == pytest.approx(0.88 * 77 - 2 * math.sqrt(77 * 1.60))
    assert float(since) == 25 and float(their_replies) == 0  # the 26 posts since, less the viral one
    assert float(their_line) == pytest.approx(0.88 * 25 - 2 * math.sqrt(25 * 1.60))


def test_the_replies_tab_agrees_with_the_rule_on_random_posts(tmp_path):
    draws = np.random.default_rng(7)
    for _ in range(10):
        posts = int(draws.integers(2, 80))
        replies = list(draws.poisson(draws.uniform(0.2, 2), posts))
        settings = {"per_post": float(draws.uniform(0.3, 1.5)), "variance": float(draws.uniform(0.5, 3)),
                    "posts_at_first_read": int(draws.integers(1, posts)),  # the first read: all of them
                    "read": str(draws.choice(["first", "last"]))}
        if settings["read"] == "first":
            settings["posts_at_first_read"] = posts
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
    """Reader 106: two weeks of T without F were summed into T but left out of B and d, and kept;
    reader 111: the message now names the first such row, as column D marks each."""
    book = trial_sheet.workbook(floor=0, trial_weeks=26)
    rows = [(1, 1)] * 20 + [(5, None)] * 2 + [(0, 0)] * 4
    for row, (t, f) in enumerate(rows, start=trial_sheet.FIRST_WEEK):
        book["Trial"][f"B{row}"], book["Trial"][f"C{row}"] = t, f
    first_half = trial_sheet.FIRST_WEEK + 20
    cells = (trial_sheet.DECISION, f"D{first_half}", f"D{first_half + 1}")
    assert _solved(tmp_path, book, "Trial", cells) == (
        f"row {first_half}: fill in both T and F, 0 where none came", "fill in both", "fill in both")
    assert book["Trial"].column_dimensions[trial_sheet.HALF_ROWS].hidden
    assert _rule([t for t, _ in rows if t is not None][:20] + [0] * 4, [1] * 20 + [0] * 4) == "wait"


def test_settings_left_blank_are_asked_for_before_any_decision(tmp_path):
    """Reader 107: a blank k, floor, r or variance was read as 0, and any count passed it."""
    book = trial_sheet.workbook()
    assert book["Trial"]["B4"].value is None and book["Trial"]["B5"].value is None
    assert _solved(tmp_path, book, "Trial", "G5") == (
        "set the trial's weeks: the first read's floor share needs them")
    weeks = {"t_weeks": _spread(10, 26), "f_weeks": _spread(14, 26)}
    assert _sheet_decision(tmp_path, **weeks, trial_weeks=None) == (
        "set the trial's weeks in B5: a number above 0")
    assert _sheet_decision(tmp_path, **weeks, floor=None) == "set the floor in B4: a number, 0 or more"
    assert _sheet_decision(tmp_path, **weeks, k=None) == "set k in B3: a number above 0"
    assert _sheet_decision(tmp_path, **weeks, floor=None, cell=trial_sheet.WHY) == ""
    replies = _posts_of(47, 52)
    assert _replies_decision(tmp_path, replies, variance=1.6) == "set r in B3: a number, 0 or more"
    assert _replies_decision(tmp_path, replies, per_post=0.88) == (
        "set the variance in B4: a number, 0 or more")
    assert _replies_decision(tmp_path, replies, **THREADS, read="last") == (
        "set the posts up to the first read in B5: a whole number, 1 or more")
    assert _replies_decision(tmp_path, replies, **THREADS, posts_at_first_read=0, read="last") == (
        "set the posts up to the first read in B5: a whole number, 1 or more")
    assert _solved(tmp_path, trial_sheet.workbook(per_post=0), "Replies", "G3") == (
        "r is 0: any count reaches the bar")


@pytest.mark.parametrize("tab, settings, said", [
    # reader 110: "1,60" in B4 was passed over for the posts' own variance, and stopped a channel that waits
    ("Replies", {**THREADS, "variance": "1,60"}, "set the variance in B4: a number, 0 or more"),
    ("Replies", {**THREADS, "per_post": "0,88"}, "set r in B3: a number, 0 or more"),
    # "13 new customers" in B4 read as under every count, so a last read stopped on the floor
    ("Trial", {"floor": "13 new customers", "read": "last"}, "set the floor in B4: a number, 0 or more"),
    ("Trial", {"k": "one"}, "set k in B3: a number above 0")])
def test_a_setting_typed_as_text_is_asked_for_as_a_number(tmp_path, tab, settings, said):
    if tab == "Trial":
        book = trial_sheet.workbook(**{"floor": 13, "trial_weeks": 39, **settings})
        for row in range(trial_sheet.FIRST_WEEK, trial_sheet.FIRST_WEEK + 13):
            book["Trial"][f"B{row}"], book["Trial"][f"C{row}"] = 5, 3
        assert _solved(tmp_path, book, "Trial", (trial_sheet.DECISION, "G4")) == (said, "")
    else:
        assert _replies_decision(tmp_path, _posts_of(38, 52), **settings) == said
    rules = trial_sheet.workbook()[tab].data_validations.dataValidation
    decimal = [rule for rule in rules if rule.type == "decimal"][0]
    assert str(decimal.sqref) == "B3:B4" and decimal.showErrorMessage
    # reader 111: B5 counts weeks or posts, so a whole number, 1 or more
    whole = [rule for rule in rules if rule.type == "whole" and str(rule.sqref) == "B5"][0]
    assert (whole.operator, whole.formula1, whole.showErrorMessage) == ("greaterThanOrEqual", "1", True)


def test_a_setting_typed_as_text_leaves_the_results_it_feeds_blank_not_an_error(tmp_path):
    """Reader 111: with k typed as text, the decision asked for k while D, the lines and every week's d
    showed #VALUE! beside it; now they are blank until the setting is a number. So on the Replies tab,
    for r and the variance."""
    book = trial_sheet.workbook(k="one", floor=13, trial_weeks=39)
    for row in range(trial_sheet.FIRST_WEEK, trial_sheet.FIRST_WEEK + 13):
        book["Trial"][f"B{row}"], book["Trial"][f"C{row}"] = 5, 3
    fed = (trial_sheet.D, trial_sheet.D_WITHOUT, trial_sheet.SHORTFALL, trial_sheet.LAST_LINE,
           f"D{trial_sheet.FIRST_WEEK}", f"E{trial_sheet.FIRST_WEEK + 1}")
    assert _solved(tmp_path, book, "Trial", (trial_sheet.DECISION, trial_sheet.T, *fed)) == (
        "set k in B3: a number above 0", "65.0", *[""] * len(fed))
    book["Trial"]["B3"] = 1
    solved = _solved(tmp_path, book, "Trial", fed)
    assert float(solved[0]) == pytest.approx(2 * math.sqrt(65 + 39)) and float(solved[4]) == 2
    replies = (trial_sheet.BAR, trial_sheet.STOP_LINE, trial_sheet.STOP_LINE_SINCE,
               trial_sheet.LINE_WITHOUT_BEST)
    assert _replies_decision(tmp_path, _posts_of(38, 52), cell=(trial_sheet.REPLIES_DECISION, *replies),
                             **{**THREADS, "per_post": "r"}) == (
        "set r in B3: a number, 0 or more", *[""] * len(replies))
    assert _replies_decision(tmp_path, _posts_of(38, 52), cell=(trial_sheet.VARIANCE_USED, *replies[1:]),
                             **{**THREADS, "variance": "v"}) == ("", "", "", "")


def test_a_first_read_decides_only_on_the_posts_planned_for_it(tmp_path):
    """Reader 111: three posts (0, 3, 5) were kept at a first read planned for 52."""
    assert _replies_decision(tmp_path, [0, 3, 5], **THREADS, posts_at_first_read=52) == (
        "B5 plans 52 posts up to the first read, but 3 are entered: enter them all, or correct B5")
    assert _replies_decision(tmp_path, [0, 3, 5], **THREADS) == "keep"  # a read planned at three posts


def test_the_replies_tab_shows_the_date_of_the_last_post_up_to_the_first_read(tmp_path):
    """Reader 111: B5 at 50 or 54 for 52 flips a last read silently; the date of post B5 shows the slip."""
    book = trial_sheet.workbook(**THREADS, posts_at_first_read=52, read="last")
    for post, row in enumerate(range(trial_sheet.FIRST_POST, trial_sheet.FIRST_POST + 78)):
        book["Replies"][f"A{row}"] = dt.date(2027, 1, 4) + dt.timedelta(days=post)
        book["Replies"][f"B{row}"] = 1
    shown = _solved(tmp_path, book, "Replies", trial_sheet.FIRST_READ_LAST_POST)
    assert float(shown) == (dt.date(2027, 2, 24) - dt.date(1899, 12, 30)).days  # Excel's serial day
    assert book["Replies"][trial_sheet.FIRST_READ_LAST_POST.replace("$", "")].number_format == "d mmm yyyy"


def test_posts_up_to_the_first_read_past_the_posts_entered_are_pointed_out(tmp_path):
    """Reader 110: B5 at 78 of 78 posts left no posts since the first read, so their check always passed."""
    replies = _posts_of(47, 52) + _posts_of(8, 26)
    settings = {**THREADS, "read": "last"}
    assert _replies_decision(tmp_path, replies, **settings, posts_at_first_read=52) == "stop"
    assert _replies_decision(tmp_path, replies, **settings, posts_at_first_read=78) == (
        "B5 counts 78 posts up to the first read, but 78 are entered in all: enter those since, or "
        "correct B5")


def test_a_wait_behind_within_chance_says_so_and_the_last_read_shows_its_margin(tmp_path):
    """Reader 110: T 20 against F 25 waited 'because the keep would rest on the best week'; it is behind,
    by less than D."""
    t_weeks, f_weeks = _spread(20, 10), _spread(25, 10)
    assert _rule(t_weeks, f_weeks) == "wait"
    assert _sheet_decision(tmp_path, t_weeks, f_weeks, cell=trial_sheet.WHY) == (
        "T is behind kF, by no more than D: chance could explain it")
    t_weeks, f_weeks = [2, *_spread(10, 12)], _spread(20, 13)
    without, line = _sheet_decision(tmp_path, t_weeks, f_weeks, read="last", floor=10,
                                    cell=(trial_sheet.T_WITHOUT_BEST, trial_sheet.LAST_LINE))
    d_without = 2 * math.sqrt(max(10 + 20 - f_weeks[0], 10 + 20 - f_weeks[0],
                                  12 * statistics.variance([t - f for t, f in zip(t_weeks[1:], f_weeks[1:],
                                                                                   strict=True)])))
    assert float(without) == 10 and float(line) == pytest.approx(20 - f_weeks[0] - d_without)


def _book_with(tab, rows):
    """A workbook with THREADS' and `_rule`'s settings and `rows` typed from the tab's first row: for
    the Trial tab (T, F) pairs, for the Replies tab single counts; None leaves a cell blank."""
    book = trial_sheet.workbook(floor=0, trial_weeks=26, posts_at_first_read=len(rows), **THREADS)
    first = trial_sheet.FIRST_WEEK if tab == "Trial" else trial_sheet.FIRST_POST
    for row, values in enumerate(rows, start=first):
        for column, value in zip("BC", values if tab == "Trial" else (values,), strict=False):
            book[tab][f"{column}{row}"] = value
    return book


WHOLE_WEEKS = "type whole numbers, 0 or more, in T and F"
WHOLE_POSTS = "type a whole number of replies, 0 or more"


@pytest.mark.parametrize("tab, rows, said", [
    ("Trial", [(1, 1)] * 5 + [(None, None)] + [(2, 0)] * 5,
     f"row {trial_sheet.FIRST_WEEK + 5} is blank: type 0 in T and F where none came"),
    ("Trial", [(1, 1)] * 3 + [(2.5, 1)] + [(1, 1)] * 3,
     f"row {trial_sheet.FIRST_WEEK + 3}: {WHOLE_WEEKS}"),
    ("Trial", [(1, 1)] * 3 + [(1, -1)], f"row {trial_sheet.FIRST_WEEK + 3}: {WHOLE_WEEKS}"),
    ("Trial", [(1, 1)] * 3 + [("3 ", 1)], f"row {trial_sheet.FIRST_WEEK + 3}: {WHOLE_WEEKS}"),
    ("Replies", [1, 0, 2, None, 1, 1],
     f"row {trial_sheet.FIRST_POST + 3} is blank: type 0 where none came"),
    ("Replies", [1, 0, "two", 1], f"row {trial_sheet.FIRST_POST + 2}: {WHOLE_POSTS}"),
    ("Replies", [1, 0, 1.5, 1], f"row {trial_sheet.FIRST_POST + 2}: {WHOLE_POSTS}")])
def test_a_blank_or_bad_row_is_named_before_any_decision(tmp_path, tab, rows, said):
    cell = trial_sheet.DECISION if tab == "Trial" else trial_sheet.REPLIES_DECISION
    assert _solved(tmp_path, _book_with(tab, rows), tab, cell) == said


def test_a_blank_first_row_is_named_and_rows_after_the_last_are_not(tmp_path):
    """Reader 110: a blank first week was left out, so 25 weeks were counted for 26 and the floor's share
    fell."""
    trial = _book_with("Trial", [(None, None), (1, 1), (2, 1)])
    assert _solved(tmp_path, trial, "Trial", trial_sheet.DECISION) == (
        f"row {trial_sheet.FIRST_WEEK} is blank: type 0 in T and F where none came")
    replies = _book_with("Replies", [None] + [1] * 52)
    assert _solved(tmp_path, replies, "Replies", trial_sheet.REPLIES_DECISION) == (
        f"row {trial_sheet.FIRST_POST} is blank: type 0 where none came")
    filled = _book_with("Replies", [1] * 52)
    assert _solved(tmp_path, filled, "Replies", trial_sheet.REPLIES_DECISION) == "keep"


def test_only_the_inputs_can_be_edited_and_counts_must_be_whole(tmp_path):
    """The results and the hidden columns the formulas use are locked (no password: Unprotect Sheet lifts
    it); the settings, the dates and the counts are not, and a count must be a whole number, 0 or more."""
    book = trial_sheet.workbook(**THREADS)
    for tab, first, last, entered in (("Trial", trial_sheet.FIRST_WEEK, trial_sheet.LAST_WEEK, "BC"),
                                      ("Replies", trial_sheet.FIRST_POST, trial_sheet.LAST_POST, "B")):
        sheet = book[tab]
        assert sheet.protection.sheet and not sheet.protection.password
        assert all(not sheet[f"B{row}"].protection.locked for row in range(3, 7))
        assert all(not sheet[f"{column}{row}"].protection.locked for column in "A" + entered
                   for row in (first, last))
        assert sheet["E3"].protection.locked and sheet[f"D{first}"].protection.locked
        assert sheet[f"{trial_sheet.BAD_ROWS}{first}"].protection.locked
        whole = [rule for rule in sheet.data_validations.dataValidation if rule.type == "whole"
                 and str(rule.sqref) != "B5"][0]
        assert (whole.operator, whole.formula1, whole.showErrorMessage) == ("greaterThanOrEqual", "0", True)
        assert {str(area) for area in whole.sqref.ranges} == {f"{column}{first}:{column}{last}"
                                                              for column in entered}
        assert f"rows {first} to {last}" in sheet["A2"].value
        assert sheet.column_dimensions["D"].width == 45
        assert sheet.column_dimensions[trial_sheet.BAD_ROWS].hidden
    assert book["Trial"][trial_sheet.D.replace("$", "")].number_format == "0.0"
    assert book["Replies"][trial_sheet.STOP_LINE.replace("$", "")].number_format == "0.0"


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


def test_a_post_s_replies_are_each_kind_s_comments_thinned_then_the_kinds_half_and_half():
    """Two question posts with 2 and 4 comments (mean 3, variance 2) and four culture posts with 0, 2, 0
    and 2 (mean 1, variance 4/3), a comment kept one time in four: the kinds' means 0.75 and 0.25, their
    variances 1/16 × 2 + 3/16 × 3 = 0.6875 and 1/16 × 4/3 + 3/16 × 1 = 0.2708; half and half, however
    many posts of each kind, 0.5 (not the posts' 5/12) and 0.4792."""
    kinds = ["question"] * 2 + ["culture"] * 4
    posts = pd.DataFrame({"content_type": kinds, "comments": [2, 4, 0, 2, 0, 2]})
    assert trial_sheet.replies_a_post(posts, 0.25) == pytest.approx((0.5, (0.6875 + 1 / 12 + 0.1875) / 2))
    assert trial_sheet.replies_a_post(posts, 1) == pytest.approx((2, (2 + 4 / 3) / 2))  # every comment kept


def test_the_replies_lines_in_python_are_the_replies_tab_s(tmp_path):
    """The appendix's lines for Threads (r 0.88, s² 1.60) from `replies_lines` are the bar and stop line
    the Replies tab's formulas give for 52 posts whose own variance is under 1.60."""
    lines = trial_sheet.replies_lines(0.88, 1.60, pd.Series({"July": 52, "since July": 26}))
    assert lines.loc["July"].tolist() == [45.76, 27.52, 28]
    assert lines.loc["since July"].tolist() == [22.88, 9.98, 10]
    bar, line = _replies_decision(tmp_path, _posts_of(40, 52), **THREADS,
                                  cell=(trial_sheet.BAR, trial_sheet.STOP_LINE))
    july = lines.loc["July"]
    assert (float(bar), float(line)) == pytest.approx((july["bar"], july["stop line"]), abs=0.005)
