"""The spreadsheet for lesson 06's trial of a channel (section 12), as formulas a manager can check
and keep using in Excel, LibreOffice or Google Sheets. Its "Trial" tab takes a row a week of T,
what the trial channel brings, and F, what the channels it is compared with bring; its "Replies"
tab, for a channel whose job is conversation, a row a post of its replies from outside. Each tab
ends in the keep, wait or stop that section 12's tables give, and the condition that decided it."""

from pathlib import Path

import openpyxl
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

WEEK_ROWS = 52  # a year of weeks; empty rows are left out of every sum
FIRST_WEEK = 16  # the Trial tab's row of the first week
LAST_WEEK = FIRST_WEEK + WEEK_ROWS - 1
TOO_FEW_TO_KEEP = 25  # T + k²F under which a first read cannot keep
POST_ROWS = 156  # a year at three posts a week
FIRST_POST = 16  # the Replies tab's row of the first post
HALF_ROW = "fill in both"  # what d says in a week's row with T or F but not both
LAST_POST = FIRST_POST + POST_ROWS - 1


def _column(letter: str) -> str:
    return f"{letter}{FIRST_WEEK}:{letter}{LAST_WEEK}"


def _posts(letter: str) -> str:
    return f"{letter}{FIRST_POST}:{letter}{LAST_POST}"


# The Trial tab's inputs (column B of rows 3 to 6) and results (column E of rows 3 to 13).
K, FLOOR, TRIAL_WEEKS, READ = "$B$3", "$B$4", "$B$5", "$B$6"
WEEKS, T, F, BEST, BEST_F, D, D_WITHOUT = "$E$3", "$E$4", "$E$5", "$E$6", "$E$7", "$E$8", "$E$9"
DECISION, WHY, SHORTFALL, FLOOR_SHARE = "$E$10", "$E$11", "$E$12", "$E$13"
_T_AND_F = f"COUNT({_column('B')})+COUNT({_column('C')})"  # the numbers typed in T and F
_BEST_ROW = f"MATCH(MAX({_column('F')}), {_column('F')}, 0)"  # the best week: most T, then the larger d

RESULTS = {  # cell: (label, formula)
    WEEKS: ("Weeks so far", f"=COUNT({_column('D')})"),
    T: ("T, all weeks", f"=SUM({_column('B')})"),
    F: ("F, all weeks", f"=SUM({_column('C')})"),
    BEST: ("B, the best week's T", f"=IF({WEEKS}=0, 0, INDEX({_column('B')}, {_BEST_ROW}))"),
    BEST_F: ("The best week's F", f"=IF({WEEKS}=0, 0, INDEX({_column('C')}, {_BEST_ROW}))"),
    D: ("D, chance's allowance", f"=2*SQRT(MAX({T}+{K}^2*{F}, {K}*({T}+{F}), "
                                 f"IF({WEEKS}>1, {WEEKS}*_xlfn.VAR.S({_column('D')}), 0)))"),
    D_WITHOUT: ("D without the best week", f"=2*SQRT(MAX({T}-{BEST}+{K}^2*({F}-{BEST_F}), "
                                           f"{K}*({T}-{BEST}+{F}-{BEST_F}), "
                                           f"IF({WEEKS}>2, ({WEEKS}-1)*_xlfn.VAR.S({_column('E')}), 0)))"),
    DECISION: ("Decision", f'=IF({WEEKS}=0, "enter the weeks", IF(AND({READ}<>"first", {READ}<>"last"), '
                           f'"type first or last in B6", IF({_T_AND_F}<>2*{WEEKS}, '
                           f'"{HALF_ROW} T and F in each week\'s row, 0 where none came", '
                           f'IF(AND({READ}="first", N({TRIAL_WEEKS})<=0), "set the trial\'s weeks in B5", '
                           f'IF({READ}="first", '
                           f'IF({K}*{F}-{T}>{D}, "stop", IF(AND({T}+{K}^2*{F}>={TOO_FEW_TO_KEEP}, '
                           f'{T}-{BEST}>={K}*{F}, {T}>={FLOOR}*{WEEKS}/{TRIAL_WEEKS}), "keep", "wait")), '
                           f'IF(AND({T}-{BEST}>={K}*({F}-{BEST_F})-{D_WITHOUT}, {T}>={FLOOR}), "keep", '
                           f'"stop"))))))'),
    WHY: ("Why", f'=IF(NOT(OR({DECISION}="keep", {DECISION}="wait", {DECISION}="stop")), "", '
                 f'IF({READ}="first", IF({DECISION}="stop", "T is short of kF by more '
                 f'than D", IF({DECISION}="keep", "all three keep conditions hold", '
                 f'IF({T}+{K}^2*{F}<{TOO_FEW_TO_KEEP}, "T + k²F is under {TOO_FEW_TO_KEEP}: too early to '
                 f'keep", IF({T}-{BEST}<{K}*{F}, "T − B is short of kF: the keep would rest on the best '
                 f'week", "T is under the floor\'s share for the weeks so far")))), '
                 f'IF({DECISION}="keep", "T − B reaches kF′ − D, and T the floor", IF({T}<{FLOOR}, '
                 f'"T is under the floor", "T − B is short of kF′ by more than D"))))'),
    SHORTFALL: ("kF − T, how far T is behind (negative: ahead)", f"={K}*{F}-{T}"),
    FLOOR_SHARE: ("The floor's share for the weeks so far",
                  f'=IF(N({TRIAL_WEEKS})<=0, "", {FLOOR}*{WEEKS}/{TRIAL_WEEKS})'),
}

# The Replies tab's inputs (column B of rows 3 to 6) and results (column E of rows 3 to 13).
PER_POST, VARIANCE, POSTS_AT_FIRST, REPLIES_READ = "$B$3", "$B$4", "$B$5", "$B$6"
POSTS, REPLIES, BEST_POST, VARIANCE_USED, BAR, STOP_LINE = "$E$3", "$E$4", "$E$5", "$E$6", "$E$7", "$E$8"
POSTS_SINCE, REPLIES_SINCE, STOP_LINE_SINCE = "$E$9", "$E$10", "$E$11"
REPLIES_DECISION, REPLIES_WHY = "$E$12", "$E$13"

REPLIES_RESULTS = {  # cell: (label, formula)
    POSTS: ("n, posts so far", f"=COUNT({_posts('B')})"),
    REPLIES: ("Replies from outside, all posts", f"=SUM({_posts('B')})"),
    BEST_POST: ("The best post's replies", f"=IF({POSTS}=0, 0, MAX({_posts('B')}))"),
    VARIANCE_USED: ("s², the variance a post used: the assumed or the posts' own, the larger",
                    f"=MAX({VARIANCE}, IF({POSTS}>1, _xlfn.VAR.S({_posts('B')}), 0))"),
    BAR: ("The bar, r × n", f"={PER_POST}*{POSTS}"),
    STOP_LINE: ("The stop line, r × n − 2√(n × s²)", f"={BAR}-2*SQRT({POSTS}*{VARIANCE_USED})"),
    POSTS_SINCE: ("Posts since the first read", f"=MAX(0, {POSTS}-{POSTS_AT_FIRST})"),
    REPLIES_SINCE: ("Their replies", f"=SUM({_posts('C')})"),
    STOP_LINE_SINCE: ("Their own stop line",
                      f"={PER_POST}*{POSTS_SINCE}-2*SQRT({POSTS_SINCE}*{VARIANCE_USED})"),
    REPLIES_DECISION: ("Decision", f'=IF({POSTS}=0, "enter the posts", IF(AND({REPLIES_READ}<>"first", '
                                   f'{REPLIES_READ}<>"last"), "type first or last in B6", '
                                   f'IF({REPLIES_READ}="first", '
                                   f'IF({REPLIES}<{STOP_LINE}, "stop", IF(AND({REPLIES}>={BAR}, '
                                   f'{REPLIES}-{BEST_POST}>={BAR}), "keep", "wait")), '
                                   f'IF(AND({REPLIES}>={STOP_LINE}, {REPLIES_SINCE}>={STOP_LINE_SINCE}), '
                                   f'"keep", "stop"))))'),
    REPLIES_WHY: ("Why", f'=IF(NOT(OR({REPLIES_DECISION}="keep", {REPLIES_DECISION}="wait", '
                         f'{REPLIES_DECISION}="stop")), "", IF({REPLIES_READ}="first", '
                         f'IF({REPLIES_DECISION}="stop", '
                         f'"the replies are below the stop line", IF({REPLIES_DECISION}="keep", '
                         f'"the replies reach the bar, also without the best post", IF({REPLIES}<{BAR}, '
                         f'"the replies are between the stop line and the bar", "without the best post '
                         f'the replies are short of the bar: the keep would rest on it"))), '
                         f'IF({REPLIES_DECISION}="keep", IF({POSTS_AT_FIRST}=0, "the replies reach the stop '
                         f'line (set the posts up to the first read to check those since)", "the replies '
                         f'reach the stop line, and so do those since the first read"), '
                         f'IF({REPLIES}<{STOP_LINE}, "the replies are below the stop line", "the replies '
                         f'since the first read are below their own stop line"))))'),
}


def _fill(sheet: Worksheet, title: str, inputs: list[tuple[str, object]], results: dict[str, tuple[str, str]],
          read_cell: str, headers: list[str], widths: tuple[int, ...]) -> None:
    """Write a tab: its title, the inputs in column B from row 3, the results (a label in column D, the
    formula in E), a first-or-last list on the read's cell and the headers above the first data row."""
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=13)
    for row, (label, value) in enumerate(inputs, start=3):
        sheet.cell(row, 1, label)
        sheet.cell(row, 2, value)
    reads = DataValidation(type="list", formula1='"first,last"', allow_blank=False, showErrorMessage=True,
                           errorTitle="First or last", error="Type first or last.")
    sheet.add_data_validation(reads)
    reads.add(read_cell.replace("$", ""))
    for cell, (label, formula) in results.items():
        column, row = cell.replace("$", "")[0], int(cell.replace("$", "")[1:])
        sheet.cell(row, ord(column) - ord("A"), label)
        sheet[cell.replace("$", "")] = formula
    decision = [cell for cell, (label, _) in results.items() if label == "Decision"][0]
    sheet[decision.replace("$", "")].font = Font(bold=True)
    header_row = max(int(cell.replace("$", "")[1:]) for cell in results) + 2
    for column, header in enumerate(headers, start=1):
        sheet.cell(header_row, column, header).font = Font(bold=True)
    for column, width in zip("ABCDEF", widths, strict=False):
        sheet.column_dimensions[column].width = width


def _trial_tab(sheet: Worksheet, k: float, floor: float, trial_weeks: int, read: str) -> None:
    """The Trial tab: new customers, a row a week (section 12's first table)."""
    _fill(sheet, "A channel on trial: keep, wait or stop (lesson 06, section 12)",
          [("k: the trial's hours over the others' (1 when equal)", k),
           ("Floor over the whole trial: the fewest new customers for which you would still pay its cost",
            floor),
           ("The trial's weeks (a part-week at either end counts as a week)", trial_weeks),
           ("Read: first or last", read)], RESULTS, READ,
          ["Week starting (Monday)", "T: the trial channel's new customers (0 where none came)",
           "F: the compared channels' new customers (0 where none came)",
           "d = T − kF", "d without the best week", "rank (most T, then the larger d)"],
          (62, 14, 14, 12, 14, 14))
    sheet["C4"] = f'=IF(N({FLOOR})=0, "set the floor before the trial: at 0 any count passes it", "")'
    sheet["C5"] = (f'=IF(N({TRIAL_WEEKS})<=0, "set the trial\'s weeks: the first read\'s floor share needs '
                   'them", "")')
    for row in range(FIRST_WEEK, LAST_WEEK + 1):
        sheet[f"D{row}"] = (f'=IF(COUNT(B{row}:C{row})=2, B{row}-{K}*C{row}, '
                            f'IF(COUNT(B{row}:C{row})=1, "{HALF_ROW}", ""))')
        sheet[f"F{row}"] = f'=IF(COUNT(B{row}:C{row})=2, B{row}*100000+D{row}, "")'
        sheet[f"E{row}"] = f'=IF(OR(NOT(ISNUMBER(D{row})), {row}={_BEST_ROW}+{FIRST_WEEK - 1}), "", D{row})'
    sheet.column_dimensions["F"].hidden = True  # the rank that picks the best week, for the formulas


def _replies_tab(sheet: Worksheet, per_post: float, variance: float, posts_at_first_read: int,
                 read: str) -> None:
    """The Replies tab: a conversation channel's replies from outside, a row a post (section 12's
    second table)."""
    _fill(sheet, "A conversation channel on trial: replies from outside (lesson 06, section 12)",
          [("r: the replies a post that the same minutes earn elsewhere", per_post),
           ("The replies' variance a post assumed before the trial", variance),
           ("Posts up to the first read (for the last read)", posts_at_first_read),
           ("Read: first or last", read)], REPLIES_RESULTS, REPLIES_READ,
          ["Post's date", "Replies from outside (0 where none came)", "Since the first read"],
          (62, 14, 14, 14, 12))
    sheet["C3"] = f'=IF(N({PER_POST})=0, "set r before the trial: at 0 any count reaches the bar", "")'
    sheet["C4"] = (f'=IF(N({VARIANCE})=0, "set the variance assumed before the trial; until then the '
                   'posts\' own is used", "")')
    for post, row in enumerate(range(FIRST_POST, LAST_POST + 1), start=1):
        sheet[f"C{row}"] = f'=IF(AND(ISNUMBER(B{row}), {post}>{POSTS_AT_FIRST}), B{row}, "")'


def workbook(k: float = 1, floor: float | None = None, trial_weeks: int | None = None, read: str = "first",
             per_post: float | None = None, variance: float | None = None, posts_at_first_read: int = 0
             ) -> openpyxl.Workbook:
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
