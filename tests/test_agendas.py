"""The one-day and four-session agendas, the guide's module table and the module notes agree: each
module gets the workshop minutes its notes give it, with its activity and time for its discussion
questions; the day and every session add up; the capstone keeps at least 75 minutes and the day at
least 15 minutes of buffer. The test reads the files, so a re-timed module fails here until the
agendas follow it."""

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parents[1] / "course" / "instructor"
MODULES = sorted(GUIDE.glob("0[0-6]_*.md"))


def _rows(text: str, heading: str) -> list[list[str]]:
    """The body rows of the first Markdown table whose header row starts with `heading`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {heading} |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def _minutes(cell: str) -> int:
    found = re.match(r"\s*(\d+)", cell)
    return int(found.group(1)) if found else 0


def _notes(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    rows = _rows(text, "section")
    flat = re.sub(r"\s+", " ", text)
    header = re.search(r"\*\*Workshop:\*\*\s*(\d+) min", flat)
    self_paced = re.search(r"\*\*Self-paced:\*\*\s*(\d+) min", flat)
    activity = [_minutes(row[2]) for row in rows if row[0].startswith("activity")]
    heading = re.search(r"^## Group activity \((\d+) minutes", text, re.M)
    return {"workshop": sum(_minutes(row[2]) for row in rows), "header": int(header.group(1)),
            "self_paced": sum(_minutes(row[1]) for row in rows),
            "self_paced_header": int(self_paced.group(1)),
            "activity": sum(activity),
            "activity_heading": int(heading.group(1)) if heading else 0,
            "discussion": "## Discussion questions" in text}


NOTES = {int(path.name[:2]): _notes(path) for path in MODULES}


def _lesson_minutes(module: int) -> int:
    lesson = next((GUIDE.parent).glob(f"{module:02d}_*.ipynb")).read_text(encoding="utf-8")
    return int(re.search(r"\*About (\d+) minutes", lesson).group(1))


def _day():
    rows = _rows((GUIDE / "workshop_one_day.md").read_text(encoding="utf-8"), "time")
    return [{"start": datetime.strptime(row[0], "%H:%M"), "what": row[1], "module": row[2],
             "minutes": int(re.search(r"(\d+) min", row[3]).group(1))} for row in rows]


def _sessions():
    text = (GUIDE / "four_sessions.md").read_text(encoding="utf-8")
    sessions = re.split(r"^## Session \d+", text, flags=re.M)[1:]
    return [[{"minutes": int(row[0]), "module": row[1], "what": row[2]} for row in _rows(part, "minutes")]
            for part in sessions]


def _module_minutes(rows, module: int, discussion: bool) -> int:
    return sum(row["minutes"] for row in rows if row["module"] == str(module)
               and row["what"].startswith("discussion") == discussion)


@pytest.mark.parametrize("module", NOTES)
def test_each_module_note_adds_up_to_its_stated_times(module):
    notes = NOTES[module]
    assert notes["workshop"] == notes["header"], f"module {module}: workshop column against header"
    assert notes["self_paced"] == notes["self_paced_header"], f"module {module}: self-paced against header"
    assert notes["activity"] == notes["activity_heading"], f"module {module}: activity row against heading"


@pytest.mark.parametrize("module", [0, 1, 2])
def test_the_notes_of_lessons_00_to_02_give_the_lessons_own_time(module):
    assert NOTES[module]["self_paced"] == _lesson_minutes(module)


def test_the_day_runs_without_gaps_from_its_stated_start_to_its_stated_end():
    day = _day()
    for row, following in zip(day, day[1:], strict=False):
        assert row["start"] + timedelta(minutes=row["minutes"]) == following["start"], row["what"]
    text = (GUIDE / "workshop_one_day.md").read_text(encoding="utf-8")
    start, end = re.search(r"(\d\d:\d\d) to (\d\d:\d\d)", text).groups()
    assert day[0]["start"].strftime("%H:%M") == start
    assert (day[-1]["start"] + timedelta(minutes=day[-1]["minutes"])).strftime("%H:%M") == end


@pytest.mark.parametrize("module", NOTES)
def test_every_agenda_gives_each_module_its_workshop_minutes_and_its_discussion(module):
    for name, rows in [("one day", _day()), ("four sessions", [r for s in _sessions() for r in s])]:
        assert _module_minutes(rows, module, discussion=False) == NOTES[module]["workshop"], (name, module)
        activity = sum(r["minutes"] for r in rows
                       if r["module"] == str(module) and r["what"].startswith("activity"))
        assert activity == NOTES[module]["activity"] or module == 6, (name, module)
        if NOTES[module]["discussion"] and module != 6:  # the capstone's sharing round is its discussion
            assert _module_minutes(rows, module, discussion=True) >= 5, (name, module)


def test_the_capstone_keeps_75_minutes_and_the_day_keeps_15_minutes_of_buffer():
    day = _day()
    assert _module_minutes(day, 6, discussion=False) >= 75
    assert sum(row["minutes"] for row in day if "buffer" in row["what"]) >= 15


def test_every_session_adds_up_to_its_stated_length_with_a_buffer():
    text = (GUIDE / "four_sessions.md").read_text(encoding="utf-8")
    length = int(re.search(r"Each session is (\d+) minutes", text).group(1))
    for number, rows in enumerate(_sessions(), start=1):
        assert sum(row["minutes"] for row in rows) == length, f"session {number}"
        assert sum(row["minutes"] for row in rows if "buffer" in row["what"]) >= 10, f"session {number}"


def test_the_guide_lists_the_same_times_as_the_notes():
    rows = _rows((GUIDE / "README.md").read_text(encoding="utf-8"), "module")
    for row in rows:
        module = int(row[0].split()[0])
        assert _minutes(row[2]) == NOTES[module]["self_paced"], row[0]
        assert _minutes(row[3]) == NOTES[module]["workshop"], row[0]


def test_each_half_day_holds_its_modules_in_its_stated_minutes():
    text = (GUIDE / "workshop_one_day.md").read_text(encoding="utf-8")
    flat = re.sub(r"\s+", " ", text.split("**Two half-days**", 1)[1])
    length = int(re.match(r" of (\d+) minutes each", flat).group(1))
    mornings = re.findall(r"morning \d = modules (\d)-(\d): (\d+) minutes of modules(.*?)(?:;|\.)", flat)
    assert len(mornings) == 2
    covered = []
    for first, last, stated, rest in mornings:
        modules = range(int(first), int(last) + 1)
        covered += modules
        assert int(stated) == sum(NOTES[m]["workshop"] for m in modules)
        discussion = int(re.search(r"(\d+) of discussion", rest).group(1))
        assert discussion >= 5 * sum(1 for m in modules if m != 6)
        assert int(stated) + sum(int(n) for n in re.findall(r"(\d+)(?:-minute| of| to)", rest)) == length
    assert covered == sorted(NOTES)
