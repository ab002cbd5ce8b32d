"""The spreadsheet for lesson 06's trial of a channel (section 12), as formulas a manager can check
and keep using in Excel, LibreOffice or Google Sheets. Its "Trial" tab takes a row a week of T,
what the trial channel brings, and F, what the channels it is compared with bring; its "Replies"
tab, for a channel whose job is conversation, a row a post of its replies from outside. Each tab
ends in the keep, wait or stop that section 12's tables give, and the condition that decided it.
`replies_a_post` and `replies_lines` work out the Replies tab's settings and lines in Python, as the
lesson's appendix does for Threads."""

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.styles import Font, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

WEEK_ROWS = 52  # a year of weeks; empty rows are left out of every sum
FIRST_WEEK = 18  # the Trial tab's row of the first week, below its results (to row 15)
LAST_WEEK = FIRST_WEEK + WEEK_ROWS - 1
TOO_FEW_TO_KEEP = 25  # T + k²F under which a first read cannot keep
POST_ROWS = 156  # a year at three posts a week
FIRST_POST = 19  # the Replies tab's row of the first post, below its results (to row 16)
HALF_ROW = "fill in both"  # what d says in a week's row with T or F but not both
LAST_POST = FIRST_POST + POST_ROWS - 1
WARNINGS = "G"  # the column beside the results where a setting's warning shows
# hidden columns: a row's number where it holds a bad count, is a gap, or (the Trial tab) holds T or F alone
BAD_ROWS, GAP_ROWS, HALF_ROWS = "H", "I", "J"
DECIMALS = "0.0"  # the number format of a result that is not a whole count


def _given(settings: tuple[str, ...], formula: str) -> str:
    """`formula` (without its "=") where each of `settings` is a number, else blank: a setting typed as
    text leaves the results it feeds empty beside the decision's message, not #VALUE!."""
    return f'=IF(AND({", ".join(f"ISNUMBER({cell})" for cell in settings)}), {formula}, "")'


def _column(letter: str) -> str:
    return f"{letter}{FIRST_WEEK}:{letter}{LAST_WEEK}"


def _posts(letter: str) -> str:
    return f"{letter}{FIRST_POST}:{letter}{LAST_POST}"


# The Trial tab's inputs (column B of rows 3 to 6) and results (column E of rows 3 to 15).
K, FLOOR, TRIAL_WEEKS, READ = "$B$3", "$B$4", "$B$5", "$B$6"
WEEKS, T, F, BEST, BEST_F, D, D_WITHOUT = "$E$3", "$E$4", "$E$5", "$E$6", "$E$7", "$E$8", "$E$9"
DECISION, WHY, SHORTFALL, FLOOR_SHARE, T_WITHOUT_BEST, LAST_LINE = (
    "$E$10", "$E$11", "$E$12", "$E$13", "$E$14", "$E$15")
_BAD_WEEK, _GAP_WEEK, _HALF_WEEK = (f"MIN({_column(BAD_ROWS)})", f"MIN({_column(GAP_ROWS)})",
                                    f"MIN({_column(HALF_ROWS)})")  # 0 where there is none
_BEST_ROW = f"MATCH(MAX({_column('F')}), {_column('F')}, 0)"  # the best week: most T, then the larger d

RESULTS = {  # cell: (label, formula)
    WEEKS: ("Weeks so far", f"=COUNT({_column('D')})"),
    T: ("T, all weeks", f"=SUM({_column('B')})"),
    F: ("F, all weeks", f"=SUM({_column('C')})"),
    BEST: ("B, the best week's T", f"=IF({WEEKS}=0, 0, INDEX({_column('B')}, {_BEST_ROW}))"),
    BEST_F: ("The best week's F", f"=IF({WEEKS}=0, 0, INDEX({_column('C')}, {_BEST_ROW}))"),
    D: ("D, chance's allowance", _given((K,), f"2*SQRT(MAX({T}+{K}^2*{F}, {K}*({T}+{F}), "
                                              f"IF({WEEKS}>1, {WEEKS}*_xlfn.VAR.S({_column('D')}), 0)))")),
    D_WITHOUT: ("D without the best week", _given((K,), f"2*SQRT(MAX({T}-{BEST}+{K}^2*({F}-{BEST_F}), "
                                                        f"{K}*({T}-{BEST}+{F}-{BEST_F}), IF({WEEKS}>2, "
                                                        f"({WEEKS}-1)*_xlfn.VAR.S({_column('E')}), 0)))")),
    DECISION: ("Decision", f'=IF(AND({READ}<>"first", {READ}<>"last"), "type first or last in B6", '
                           f'IF(N({K})<=0, "set k in B3: a number above 0", IF(OR(NOT(ISNUMBER({FLOOR})), '
                           f'N({FLOOR})<0), "set the floor in B4: a number, 0 or more", '
                           f'IF(AND({READ}="first", N({TRIAL_WEEKS})<=0), "set the trial\'s weeks in B5: a '
                           f'number above 0", '
                           f'IF({_BAD_WEEK}>0, "row "&{_BAD_WEEK}&": type whole numbers, 0 or more, in T '
                           f'and F", IF({_GAP_WEEK}>0, "row "&{_GAP_WEEK}&" is blank: type 0 in T and F '
                           f'where none came", IF({WEEKS}=0, "enter the weeks", '
                           f'IF({_HALF_WEEK}>0, "row "&{_HALF_WEEK}&": {HALF_ROW} T and F, 0 where none '
                           f'came", IF({READ}="first", '
                           f'IF({K}*{F}-{T}>{D}, "stop", IF(AND({T}+{K}^2*{F}>={TOO_FEW_TO_KEEP}, '
                           f'{T}-{BEST}>={K}*{F}, {T}>={FLOOR}*{WEEKS}/{TRIAL_WEEKS}), "keep", "wait")), '
                           f'IF(AND({T}-{BEST}>={K}*({F}-{BEST_F})-{D_WITHOUT}, {T}>={FLOOR}), "keep", '
                           f'"stop"))))))))))'),
    WHY: ("Why", f'=IF(NOT(OR({DECISION}="keep", {DECISION}="wait", {DECISION}="stop")), "", '
                 f'IF({READ}="first", IF({DECISION}="stop", "T is short of kF by more '
                 f'than D", IF({DECISION}="keep", "all three keep conditions hold", '
                 f'IF({T}+{K}^2*{F}<{TOO_FEW_TO_KEEP}, "T + k²F is under {TOO_FEW_TO_KEEP}: too early to '
                 f'keep", IF({T}<{K}*{F}, "T is behind kF, by no more than D: chance could explain it", '
                 f'IF({T}-{BEST}<{K}*{F}, "T − B is short of kF: the keep would rest on the best '
                 f'week", "T is under the floor\'s share for the weeks so far"))))), '
                 f'IF({DECISION}="keep", "T − B reaches kF′ − D, and T the floor", IF({T}<{FLOOR}, '
                 f'"T is under the floor", "T − B is short of kF′ by more than D"))))'),
    T_WITHOUT_BEST: ("T − B, T without the best week (the last read)", f"={T}-{BEST}"),
    LAST_LINE: ("kF′ − D, the last read's line for T − B", _given((K,), f"{K}*({F}-{BEST_F})-{D_WITHOUT}")),
    SHORTFALL: ("kF − T, how far T is behind (negative: ahead)", _given((K,), f"{K}*{F}-{T}")),
    FLOOR_SHARE: ("The floor's share for the weeks so far",
                  _given((FLOOR,), f'IF(N({TRIAL_WEEKS})<=0, "", {FLOOR}*{WEEKS}/{TRIAL_WEEKS})')),
}

# The Replies tab's inputs (column B of rows 3 to 6) and results (column E of rows 3 to 16).
PER_POST, VARIANCE, POSTS_AT_FIRST, REPLIES_READ = "$B$3", "$B$4", "$B$5", "$B$6"
POSTS, REPLIES, BEST_POST, VARIANCE_USED, BAR, STOP_LINE = "$E$3", "$E$4", "$E$5", "$E$6", "$E$7", "$E$8"
POSTS_SINCE, REPLIES_SINCE, STOP_LINE_SINCE = "$E$9", "$E$10", "$E$11"
REPLIES_DECISION, REPLIES_WHY = "$E$12", "$E$13"
WITHOUT_BEST, LINE_WITHOUT_BEST, FIRST_READ_LAST_POST = "$E$14", "$E$15", "$E$16"
# The best post: the most replies, the first of them if several have as many.
_BEST_POST_ROW = f"MATCH(MAX({_posts('B')}), {_posts('B')}, 0)"
_BEST_SINCE = f"ISNUMBER(INDEX({_posts('C')}, {_BEST_POST_ROW}))"  # the best post came after the first read
_BAD_POST, _GAP_POST = f"MIN({_posts(BAD_ROWS)})", f"MIN({_posts(GAP_ROWS)})"  # 0 where there is none

REPLIES_RESULTS = {  # cell: (label, formula)
    POSTS: ("n, posts so far", f"=COUNT({_posts('B')})"),
    REPLIES: ("R, replies from outside, all posts", f"=SUM({_posts('B')})"),
    BEST_POST: ("B, the best post's replies", f"=IF({POSTS}=0, 0, MAX({_posts('B')}))"),
    VARIANCE_USED: ("s², the variance a post used: the assumed, or the posts' own without the best post, "
                    "the larger",
                    _given((VARIANCE,), f"MAX({VARIANCE}, IF({POSTS}>2, _xlfn.VAR.S({_posts('D')}), 0))")),
    BAR: ("The bar, r × n", _given((PER_POST,), f"{PER_POST}*{POSTS}")),
    STOP_LINE: ("The stop line, r × n − 2√(n × s²)",
                _given((PER_POST, VARIANCE), f"{BAR}-2*SQRT({POSTS}*{VARIANCE_USED})")),
    POSTS_SINCE: ("m′, posts since the first read, less the best post if it came since",
                  _given((POSTS_AT_FIRST,), f"MAX(0, {POSTS}-{POSTS_AT_FIRST})-IF({_BEST_SINCE}, 1, 0)")),
    REPLIES_SINCE: ("Their replies", f"=SUM({_posts('C')})-IF({_BEST_SINCE}, {BEST_POST}, 0)"),
    STOP_LINE_SINCE: ("Their own line, r × m′ − 2√(m′ × s²)",
                      _given((PER_POST, VARIANCE, POSTS_AT_FIRST),
                             f"{PER_POST}*{POSTS_SINCE}-2*SQRT({POSTS_SINCE}*{VARIANCE_USED})")),
    REPLIES_DECISION: ("Decision", f'=IF(AND({REPLIES_READ}<>"first", {REPLIES_READ}<>"last"), '
                                   f'"type first or last in B6", IF(OR(NOT(ISNUMBER({PER_POST})), '
                                   f'N({PER_POST})<0), "set r in B3: a number, 0 or more", '
                                   f'IF(OR(NOT(ISNUMBER({VARIANCE})), N({VARIANCE})<0), "set the variance in '
                                   f'B4: a number, 0 or more", '
                                   f'IF({_BAD_POST}>0, "row "&{_BAD_POST}&": type a whole number of replies, '
                                   f'0 or more", IF({_GAP_POST}>0, "row "&{_GAP_POST}&" is blank: type 0 '
                                   f'where none came", IF({POSTS}=0, "enter the posts", '
                                   f'IF(OR(NOT(ISNUMBER({POSTS_AT_FIRST})), N({POSTS_AT_FIRST})<1, '
                                   f'N({POSTS_AT_FIRST})<>INT(N({POSTS_AT_FIRST}))), '
                                   f'"set the posts up to the first read in B5: a whole number, 1 or more", '
                                   f'IF(AND({REPLIES_READ}="first", {POSTS_AT_FIRST}<>{POSTS}), '
                                   f'"B5 plans "&{POSTS_AT_FIRST}&" posts up to the first read, but "'
                                   f'&{POSTS}&" are entered: enter them all, or correct B5", '
                                   f'IF(AND({REPLIES_READ}="last", {POSTS_AT_FIRST}>={POSTS}), '
                                   f'"B5 counts "&{POSTS_AT_FIRST}&" posts up to the first read, but "'
                                   f'&{POSTS}&" are entered in all: enter those since, or correct B5", '
                                   f'IF({REPLIES_READ}="first", '
                                   f'IF({REPLIES}<{STOP_LINE}, "stop", IF(AND({REPLIES}>={BAR}, '
                                   f'{REPLIES}-{BEST_POST}>={BAR}), "keep", "wait")), '
                                   f'IF(AND({WITHOUT_BEST}>={LINE_WITHOUT_BEST}, '
                                   f'{REPLIES_SINCE}>={STOP_LINE_SINCE}), "keep", "stop")))))))))))'),
    REPLIES_WHY: ("Why", f'=IF(NOT(OR({REPLIES_DECISION}="keep", {REPLIES_DECISION}="wait", '
                         f'{REPLIES_DECISION}="stop")), "", IF({REPLIES_READ}="first", '
                         f'IF({REPLIES_DECISION}="stop", '
                         f'"the replies are below the stop line", IF({REPLIES_DECISION}="keep", '
                         f'"the replies reach the bar, also without the best post", IF({REPLIES}<{BAR}, '
                         f'"the replies are between the stop line and the bar", "without the best post '
                         f'the replies are short of the bar: the keep would rest on it"))), '
                         f'IF({REPLIES_DECISION}="keep", "without the best post the replies reach their '
                         f'line, and so do those since the first read", '
                         f'IF({WITHOUT_BEST}<{LINE_WITHOUT_BEST}, "without the best post the replies are '
                         f'below their line", "the replies since '
                         f'the first read, less the best post if it came since, are below their own '
                         f'line"))))'),
    WITHOUT_BEST: ("R − B, the replies without the best post", f"={REPLIES}-{BEST_POST}"),
    FIRST_READ_LAST_POST: ("The date of post B5, the last up to the first read (check it)",
                           f'=IF(AND(ISNUMBER({POSTS_AT_FIRST}), N({POSTS_AT_FIRST})>=1, '
                           f'N({POSTS_AT_FIRST})<={POST_ROWS}), INDEX({_posts("A")}, {POSTS_AT_FIRST}), "")'),
    LINE_WITHOUT_BEST: ("Their line at the last read, r × (n − 1) − 2√((n − 1) × s²)",
                        _given((PER_POST, VARIANCE), f'IF({POSTS}=0, "", '
                                                     f'{PER_POST}*({POSTS}-1)-2*SQRT(({POSTS}-1)*{VARIANCE_USED}))')),
}


def _fill(sheet: Worksheet, title: str, inputs: list[tuple[str, object]], results: dict[str, tuple[str, str]],
          read_cell: str, headers: list[str], widths: tuple[int, ...], rows: tuple[int, int], entered: str,
          decimals: tuple[str, ...]) -> None:
    """Write a tab: its title and a note on the rows the formulas read (`rows`, first to last), the inputs
    in column B from row 3, the results (a label in column D, the formula in E, `decimals` to a tenth), a
    first-or-last list on the read's cell, the headers above the first row, and a whole-number check on
    the counts typed in the `entered` columns. Only the inputs, the dates and the counts can be edited."""
    first, last = rows
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = (f"The formulas read rows {first} to {last}, {last - first + 1} in all; a row below "
                   f"{last} is not counted. Type 0 where none came: a blank row above a filled one is "
                   "named.")
    for row, (label, value) in enumerate(inputs, start=3):
        sheet.cell(row, 1, label)
        sheet.cell(row, 2, value).protection = Protection(locked=False)
    reads = DataValidation(type="list", formula1='"first,last"', allow_blank=False, showErrorMessage=True,
                           errorTitle="First or last", error="Type first or last.")
    sheet.add_data_validation(reads)
    reads.add(read_cell.replace("$", ""))
    settings = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                              showErrorMessage=True, errorTitle="A number", error="Type a number, 0 or more.")
    sheet.add_data_validation(settings)
    settings.add("B3:B4")
    count_setting = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="1",
                                   showErrorMessage=True, errorTitle="A whole number",
                                   error="Type a whole number, 1 or more.")
    sheet.add_data_validation(count_setting)
    count_setting.add("B5")
    counts = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", showErrorMessage=True,
                            errorTitle="A whole number", error="Type a whole number, 0 or more.")
    sheet.add_data_validation(counts)
    for column in entered:
        counts.add(f"{column}{first}:{column}{last}")
    for row in range(first, last + 1):
        for column in "A" + entered:
            sheet[f"{column}{row}"].protection = Protection(locked=False)
    for cell, (label, formula) in results.items():
        column, row = cell.replace("$", "")[0], int(cell.replace("$", "")[1:])
        sheet.cell(row, ord(column) - ord("A"), label)
        sheet[cell.replace("$", "")] = formula
        if cell in decimals:
            sheet[cell.replace("$", "")].number_format = DECIMALS
    decision = [cell for cell, (label, _) in results.items() if label == "Decision"][0]
    sheet[decision.replace("$", "")].font = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        sheet.cell(first - 1, column, header).font = Font(bold=True)
    for column, width in zip("ABCDEFG", widths, strict=False):
        sheet.column_dimensions[column].width = width
    for column in BAD_ROWS + GAP_ROWS:
        sheet.column_dimensions[column].hidden = True
    sheet.protection.sheet = True  # no password: Review > Unprotect Sheet lifts it


def _flag_rows(sheet: Worksheet, rows: tuple[int, int], entered: str) -> None:
    """In the hidden columns, each row's number where a count typed in the `entered` columns is text,
    negative or not whole (BAD_ROWS), or where the row is blank above a filled row (GAP_ROWS)."""
    first, last = rows
    for row in range(first, last + 1):
        text = ", ".join(f"ISTEXT({column}{row})" for column in entered)
        wrong = ", ".join(f"IF(ISNUMBER({column}{row}), OR({column}{row}<0, "
                          f"{column}{row}<>INT({column}{row})), FALSE)" for column in entered)
        sheet[f"{BAD_ROWS}{row}"] = f'=IF(OR({text}), {row}, IF(OR({wrong}), {row}, ""))'
        if row < last:
            below = f"{entered[0]}{row + 1}:{entered[-1]}${last}"
            sheet[f"{GAP_ROWS}{row}"] = (f'=IF(AND(COUNTA({entered[0]}{row}:{entered[-1]}{row})=0, '
                                         f'COUNTA({below})>0), {row}, "")')


def _trial_tab(sheet: Worksheet, k: float, floor: float, trial_weeks: int, read: str) -> None:
    """The Trial tab: new customers, a row a week (section 12's first table)."""
    rows = (FIRST_WEEK, LAST_WEEK)
    _fill(sheet, "A channel on trial: keep, wait or stop (lesson 06, section 12)",
          [("k: the trial's hours over the others' (1 when equal)", k),
           ("Floor over the whole trial: the fewest new customers for which you would still pay its cost",
            floor),
           ("The trial's weeks (a part-week at either end counts as a week)", trial_weeks),
           ("Read: first or last", read)], RESULTS, READ,
          ["Week starting (Monday)", "T: the trial channel's new customers (0 where none came)",
           "F: the compared channels' new customers (0 where none came)",
           "d = T − kF", "d without the best week", "rank (most T, then the larger d)"],
          (62, 14, 14, 45, 14, 14, 60), rows, "BC", (D, D_WITHOUT, SHORTFALL, FLOOR_SHARE, LAST_LINE))
    sheet[f"{WARNINGS}4"] = (f'=IF(AND(ISNUMBER({FLOOR}), N({FLOOR})=0), "the floor is 0: any count '
                             'passes it", "")')
    sheet[f"{WARNINGS}5"] = (f'=IF(AND({READ}="first", N({TRIAL_WEEKS})<=0), "set the trial\'s weeks: the '
                             'first read\'s floor share needs them", "")')
    for row in range(FIRST_WEEK, LAST_WEEK + 1):
        sheet[f"D{row}"] = (f'=IF(COUNT(B{row}:C{row})=2, IF(ISNUMBER({K}), B{row}-{K}*C{row}, ""), '
                            f'IF(COUNT(B{row}:C{row})=1, "{HALF_ROW}", ""))')
        sheet[f"{HALF_ROWS}{row}"] = f'=IF(COUNT(B{row}:C{row})=1, {row}, "")'
        sheet[f"F{row}"] = f'=IF(ISNUMBER(D{row}), B{row}*100000+D{row}, "")'
        sheet[f"E{row}"] = (f'=IF(NOT(ISNUMBER(D{row})), "", '
                            f'IF({row}={_BEST_ROW}+{FIRST_WEEK - 1}, "", D{row}))')
    _flag_rows(sheet, rows, "BC")
    for column in "F" + HALF_ROWS:  # the rank that picks the best week, and the half-filled rows
        sheet.column_dimensions[column].hidden = True


def _replies_tab(sheet: Worksheet, per_post: float, variance: float, posts_at_first_read: int,
                 read: str) -> None:
    """The Replies tab: a conversation channel's replies from outside, a row a post (section 12's
    second table)."""
    rows = (FIRST_POST, LAST_POST)
    _fill(sheet, "A conversation channel on trial: replies from outside (lesson 06, section 12)",
          [("r: the replies a post that the same minutes earn elsewhere (an assumption set before the trial)",
            per_post),
           ("The replies' variance a post assumed before the trial", variance),
           ("Posts up to the first read (for the last read)", posts_at_first_read),
           ("Read: first or last", read)], REPLIES_RESULTS, REPLIES_READ,
          ["Post's date", "Replies from outside (0 where none came)", "Since the first read",
           "Without the best post (the first with the most replies)"],
          (62, 14, 14, 45, 12, 12, 60), rows, "B",
          (VARIANCE_USED, BAR, STOP_LINE, STOP_LINE_SINCE, LINE_WITHOUT_BEST))
    sheet[f"{WARNINGS}3"] = (f'=IF(AND(ISNUMBER({PER_POST}), {PER_POST}=0), "r is 0: any count reaches the '
                             'bar", "")')
    for post, row in enumerate(range(FIRST_POST, LAST_POST + 1), start=1):
        sheet[f"C{row}"] = f'=IF(AND(ISNUMBER(B{row}), {post}>{POSTS_AT_FIRST}), B{row}, "")'
        sheet[f"D{row}"] = f'=IF(OR(NOT(ISNUMBER(B{row})), {post}={_BEST_POST_ROW}), "", B{row})'
    _flag_rows(sheet, rows, "B")
    sheet[FIRST_READ_LAST_POST.replace("$", "")].number_format = "d mmm yyyy"


def workbook(k: float = 1, floor: float | None = None, trial_weeks: int | None = None, read: str = "first",
             per_post: float | None = None, variance: float | None = None,
             posts_at_first_read: int | None = None) -> openpyxl.Workbook:
    """The two tabs. Trial: k, the trial's hours over the others'; the floor set before the trial;
    the trial's weeks; the read, "first" or "last"; a row a week of T and F, each week's d = T − kF
    and d without the best week (most of T, a tie going to the larger d). Replies: r, the replies a
    post the same minutes earn elsewhere; the variance a post assumed; the posts up to the first read;
    the same read; a row a post. A setting left as None is a blank cell, which the tab asks for."""
    book = openpyxl.Workbook()
    book.active.title = "Trial"
    _trial_tab(book.active, k, floor, trial_weeks, read)
    _replies_tab(book.create_sheet("Replies"), per_post, variance, posts_at_first_read, read)
    return book


def replies_a_post(posts: pd.DataFrame, kept: float) -> tuple[float, float]:
    """r and s², a trial post's replies from outside, mean and variance, from the compared channel's
    posts of the trial's kinds (`posts`: a row a post, its `content_type` and `comments`), each comment
    kept as a reply with chance `kept` (the trial's minutes a post over theirs): a thinned count's
    mean p × m and variance p² × v + p(1 − p) × m, kind by kind, then the kinds half and half."""
    by_kind = posts.groupby("content_type", observed=True)["comments"]
    means, variances = by_kind.mean(), by_kind.var()
    return float((kept * means).mean()), float((kept ** 2 * variances + kept * (1 - kept) * means).mean())


def replies_lines(per_post: float, variance: float, posts: pd.Series) -> pd.DataFrame:
    """For each count of `posts` (by name), the Replies tab's bar r × n, its stop line
    r × n − 2√(n × s²) (`STOP_LINE`: chance as twice the spread of n posts' total) and the whole count
    under which the channel stops."""
    line = per_post * posts - 2 * np.sqrt(variance * posts)
    return pd.DataFrame({"bar": per_post * posts, "stop line": line,
                         "stop under": np.ceil(line).astype(int)}).round(2)


def save(path: str | Path = "trial_reads.xlsx", **settings) -> str:
    """Write the sheet (`workbook`, with `settings`) to `path`, and say what to fill in; a sheet already
    there is kept as it is, weeks and all, and the message says so."""
    path = Path(path)
    if path.exists():
        return (f"{path.name} is already there, and is kept as it is, with whatever you filled in. To start "
                "afresh, rename or delete it and run this cell again.")
    workbook(**settings).save(path)

    def cell(name: str) -> str:
        return name.replace("$", "")

    return (f"Wrote {path.name}. Trial tab: fill in k, the floor, the trial's weeks and the read at the top, "
            f"then a row a week of T and F from row {FIRST_WEEK}, 0 where none came; the decision is in "
            f"{cell(DECISION)}, and why in {cell(WHY)}. Replies tab, for a channel whose job is "
            f"conversation: r, the variance, the posts up to the first read and the read, then a row a "
            f"post from row {FIRST_POST}, 0 where none came; the decision is in {cell(REPLIES_DECISION)}, "
            f"and why in {cell(REPLIES_WHY)}.")
