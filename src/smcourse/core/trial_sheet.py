"""The spreadsheet for lesson 06's trial of a channel (section 12): a row a week of T, what the trial
channel brings, and F, what the channels it is compared with bring, and the keep, wait or stop each
read gives, as formulas a manager can check and keep using in Excel, LibreOffice or Google Sheets."""

from pathlib import Path

import openpyxl
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

WEEK_ROWS = 52  # a year of weeks; empty rows are left out of every sum
FIRST_WEEK = 14  # the sheet's row of the first week
LAST_WEEK = FIRST_WEEK + WEEK_ROWS - 1
TOO_FEW_TO_KEEP = 25  # T + k²F under which a first read cannot keep


def _column(letter: str) -> str:
    return f"{letter}{FIRST_WEEK}:{letter}{LAST_WEEK}"


# The inputs (column B of rows 3 to 6) and the results (column E of rows 3 to 10), for the formulas.
K, FLOOR, TRIAL_WEEKS, READ = "$B$3", "$B$4", "$B$5", "$B$6"
WEEKS, T, F, BEST, BEST_F, D, D_WITHOUT = "$E$3", "$E$4", "$E$5", "$E$6", "$E$7", "$E$8", "$E$9"
DECISION, WHY = "$E$10", "$E$11"
_BEST_ROW = f"MATCH(MAX({_column('F')}), {_column('F')}, 0)"  # the best week: most T, then the larger d

RESULTS = {  # cell: (label, formula)
    WEEKS: ("Weeks so far", f"=COUNT({_column('D')})"),
    T: ("T, all weeks", f"=SUM({_column('B')})"),
    F: ("F, all weeks", f"=SUM({_column('C')})"),
    BEST: ("B, the best week's T", f"=IF({WEEKS}=0, 0, INDEX({_column('B')}, {_BEST_ROW}))"),
    BEST_F: ("The best week's F", f"=IF({WEEKS}=0, 0, INDEX({_column('C')}, {_BEST_ROW}))"),
    D: ("D, chance's allowance", f"=2*SQRT(MAX({T}+{K}^2*{F}, {K}*({T}+{F}), "
                                 f"IF({WEEKS}>1, {WEEKS}*VAR.S({_column('D')}), 0)))"),
    D_WITHOUT: ("D without the best week", f"=2*SQRT(MAX({T}-{BEST}+{K}^2*({F}-{BEST_F}), "
                                           f"{K}*({T}-{BEST}+{F}-{BEST_F}), "
                                           f"IF({WEEKS}>2, ({WEEKS}-1)*VAR.S({_column('E')}), 0)))"),
    DECISION: ("Decision", f'=IF({WEEKS}=0, "enter the weeks", IF({READ}="first", '
                           f'IF({K}*{F}-{T}>{D}, "stop", IF(AND({T}+{K}^2*{F}>={TOO_FEW_TO_KEEP}, '
                           f'{T}-{BEST}>={K}*{F}, {T}>={FLOOR}*{WEEKS}/{TRIAL_WEEKS}), "keep", "wait")), '
                           f'IF(AND({T}-{BEST}>={K}*({F}-{BEST_F})-{D_WITHOUT}, {T}>={FLOOR}), "keep", '
                           f'"stop")))'),
    WHY: ("Why", f'=IF({WEEKS}=0, "", IF({READ}="first", IF({DECISION}="stop", "T is short of kF by more '
                 f'than D", IF({DECISION}="keep", "all three keep conditions hold", '
                 f'IF({T}+{K}^2*{F}<{TOO_FEW_TO_KEEP}, "T + k²F is under {TOO_FEW_TO_KEEP}: too early to '
                 f'keep", IF({T}-{BEST}<{K}*{F}, "T − B is short of kF: the keep would rest on the best '
                 f'week", "T is under the floor\'s share for the weeks so far")))), '
                 f'IF({DECISION}="keep", "T − B reaches kF′ − D, and T the floor", IF({T}<{FLOOR}, '
                 f'"T is under the floor", "T − B is short of kF′ by more than D"))))'),
}


def workbook(k: float = 1, floor: float = 0, trial_weeks: int = 26, read: str = "first"
             ) -> openpyxl.Workbook:
    """The sheet: the settings (k, the trial's hours over the others'; the floor set before the
    trial; the trial's weeks; which read, "first" or "last"), a row a week for T and F with each
    week's d = T − kF (and d without the best week: most of T, a tie going to the larger d), and
    the results, every one a formula, ending in the decision as section 12's table gives it (the
    last read leaves the best week out of T, F and D) and the condition that decided it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Trial"
    sheet["A1"] = "A channel on trial: keep, wait or stop (lesson 06, section 12)"
    sheet["A1"].font = Font(bold=True, size=13)
    for row, (label, value) in enumerate([
            ("k: the trial's hours over the others' (1 when equal)", k),
            ("Floor over the whole trial: the fewest new customers for which you would still pay its cost",
             floor),
            ("The trial's weeks", trial_weeks),
            ("Read: first or last", read)], start=3):
        sheet.cell(row, 1, label)
        sheet.cell(row, 2, value)
    sheet["C4"] = f'=IF({FLOOR}=0, "set the floor before the trial: at 0 any count passes it", "")'
    reads = DataValidation(type="list", formula1='"first,last"', allow_blank=False)
    sheet.add_data_validation(reads)
    reads.add(READ.replace("$", ""))
    for cell, (label, formula) in RESULTS.items():
        column, row = cell.replace("$", "")[0], int(cell.replace("$", "")[1:])
        sheet.cell(row, ord(column) - ord("A"), label)
        sheet[cell.replace("$", "")] = formula
    sheet[DECISION.replace("$", "")].font = Font(bold=True)
    headers = ["Week starting", "T: the trial channel's new customers",
               "F: the compared channels' new customers", "d = T − kF", "d without the best week",
               "rank (most T, then the larger d)"]
    for column, header in enumerate(headers, start=1):
        sheet.cell(FIRST_WEEK - 1, column, header).font = Font(bold=True)
    for row in range(FIRST_WEEK, LAST_WEEK + 1):
        sheet[f"D{row}"] = f'=IF(COUNT(B{row}:C{row})=2, B{row}-{K}*C{row}, "")'
        sheet[f"F{row}"] = f'=IF(COUNT(B{row}:C{row})=2, B{row}*100000+D{row}, "")'
        sheet[f"E{row}"] = f'=IF(OR(D{row}="", {row}={_BEST_ROW}+{FIRST_WEEK - 1}), "", D{row})'
    for column, width in zip("ABCDEF", (62, 14, 14, 12, 14, 14), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.column_dimensions["F"].hidden = True  # the rank that picks the best week, for the formulas
    return book


def save(path: str | Path = "trial_reads.xlsx", **settings) -> str:
    """Write the sheet (`workbook`, with `settings`) to `path`, and say where and what to fill in."""
    path = Path(path)
    workbook(**settings).save(path)
    return (f"Wrote {path.name}: fill in k, the floor, the trial's weeks and the read at the top, then "
            f"a row a week of T and F from row {FIRST_WEEK}, 0 where none came; the decision is in E10, "
            "and why in E11.")
