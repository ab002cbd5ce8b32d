"""The facilitator's printed pack: an activity card per module and the day's script with time cues.

Both are read from the course when the pack is built, so they follow its edits:

* a card is the lesson's own group activity: the markdown cell
  `## Group activity (time, groups): title` with a `**Your task.**` and a `**What you hand back.**`
  paragraph, and the code cell after it, which the groups run in the lesson or copy off the card;
* the script's cues are the rows of the one-day agenda (course/instructor/workshop_one_day.md):
  at each time, what happens, how, and what to have ready (the module's deck, its activity card).

Every card and the script are plain HTML with print CSS: one A4 page per card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from smcourse.core import templates
from smcourse.core.errors import SmcourseError

ACTIVITY = re.compile(r"## Group activity \(([^)]*)\):[ \t]*(.+)")  # a cell's first line
WHEN = re.compile(r"\d|during")  # the part of "(15 minutes, groups)" that says how long
PARAGRAPHS = {"task": "**Your task.**", "produce": "**What you hand back.**"}
AGENDA_ROW = re.compile(r"^\|\s*\d\d:\d\d\s*\|.*\|\s*$", re.M)
SECTION_HELP = ("a markdown cell '## Group activity (minutes, groups): title' with a "
                "'**Your task.**' and a '**What you hand back.**' paragraph, then the code cell the "
                "groups run")

@dataclass(frozen=True)
class Card:
    """One module's group activity, as printed for the groups."""

    module: str
    title: str
    time: str
    groups: str
    task: str
    produce: str
    code: str


def _activity_cell(cells: list) -> int | None:
    return next((index for index, cell in enumerate(cells)
                 if cell.cell_type == "markdown" and ACTIVITY.match(cell.source)), None)


def card(lesson_path: Path) -> Card:
    """The activity card of the lesson at `lesson_path`, from its group activity section."""
    cells = nbformat.read(lesson_path, as_version=4).cells
    index = _activity_cell(cells)
    if index is None:
        raise SmcourseError(f"{lesson_path.name} has no group activity: add {SECTION_HELP}.")
    source = cells[index].source
    paragraphs = {key: next((block.removeprefix(start).strip() for block in source.split("\n\n")
                             if block.startswith(start)), "") for key, start in PARAGRAPHS.items()}
    code = cells[index + 1] if index + 1 < len(cells) else None
    if not all(paragraphs.values()) or code is None or code.cell_type != "code" or not code.source:
        raise SmcourseError(f"{lesson_path.name}'s group activity is incomplete: it needs {SECTION_HELP}.")
    facts, title = ACTIVITY.match(source).groups()
    parts = [part.strip() for part in facts.split(",")]
    time = next((part for part in parts if WHEN.search(part)), "")
    groups = ", ".join(part for part in parts if part != time)
    return Card(lesson_path.stem, title.strip(), time, groups or "the whole room",
                paragraphs["task"], paragraphs["produce"], code.source.strip())


def card_html(found: Card) -> str:
    """One activity card, as printed for the groups."""
    return templates.render("activity_card.html", card=found)


def cards(lessons: list[Path], scheduled: set[int]) -> list[Card]:
    """The card of every lesson with a group activity, in module order; a lesson whose module the
    agenda gives an activity (a number in `scheduled`) must have one."""
    return [card(path) for path in sorted(lessons) if int(path.name[:2]) in scheduled
            or _activity_cell(nbformat.read(path, as_version=4).cells) is not None]


@dataclass(frozen=True)
class Cue:
    """One row of the agenda: at `time`, `what` happens, `how`, for `module` ("" for none)."""

    time: str
    what: str
    module: str
    how: str


def cues(agenda: str) -> list[Cue]:
    """The agenda table's rows, in order."""
    found = [Cue(*(part.strip() for part in row.strip().strip("|").split("|")[:4]))
             for row in AGENDA_ROW.findall(agenda)]
    if not found:
        raise SmcourseError("the agenda has no rows of the form | 09:00 | what | module | how |.")
    return found


def scheduled_activities(agenda: list[Cue]) -> set[int]:
    """The modules the agenda gives a group activity."""
    return {int(cue.module) for cue in agenda if cue.what.startswith("activity") and cue.module.isdigit()}


def _ready(cue: Cue, decks: dict[str, str], card_modules: set[str]) -> list[tuple[str, str]]:
    """What to have ready for one cue, in order: ("deck", file name), ("card", module) and
    ("forms", "") for the evaluation forms."""
    ready = []
    for first, last in re.findall(r"(\d+)(?:-(\d+))?", cue.module):  # "5", or a range "1-3"
        for number in map(str, range(int(first), int(last or first) + 1)):
            if number in decks:
                ready.append(("deck", decks[number]))
    for number in scheduled_activities([cue]):
        module = next((name for name in card_modules if int(name[:2]) == number), None)
        if module:
            ready.append(("card", module))
    if "evaluation" in cue.what:
        ready.append(("forms", ""))
    return ready


def script_html(agenda: list[Cue], decks: dict[str, str], card_modules: set[str]) -> str:
    """The facilitator's script: a time cue per agenda row and what to have ready for it.
    `decks` maps a module number ("5") to its deck's file name."""
    rows = [{"cue": cue, "ready": _ready(cue, decks, card_modules)} for cue in agenda]
    return templates.render("facilitator_script.html", rows=rows)


def index_html(decks: list[Path]) -> str:
    """The pack's front page: a link to every deck and printed sheet."""
    return templates.render("pack_index.html", decks=decks)


def build(output: Path, course: Path, decks: list[Path]) -> list[Path]:
    """Write activity_cards.html, facilitator_script.html and index.html into `output`; `course`
    is the course/ folder and `decks` the decks already built into output/decks."""
    agenda = cues((course / "instructor" / "workshop_one_day.md").read_text(encoding="utf-8"))
    found = cards(sorted(course.glob("[0-9][0-9]_*.ipynb")), scheduled_activities(agenda))
    output.mkdir(parents=True, exist_ok=True)
    written = [output / "activity_cards.html", output / "facilitator_script.html", output / "index.html"]
    written[0].write_text(templates.render("activity_cards.html", cards=found), encoding="utf-8")
    by_number = {str(int(deck.name[:2])): deck.name for deck in decks}
    written[1].write_text(script_html(agenda, by_number, {c.module for c in found}), encoding="utf-8")
    written[2].write_text(index_html(decks), encoding="utf-8")
    return written
