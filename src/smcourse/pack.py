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

import html
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from smcourse.errors import SmcourseError

ACTIVITY = re.compile(r"## Group activity \(([^)]*)\):[ \t]*(.+)")  # a cell's first line
WHEN = re.compile(r"\d|during")  # the part of "(15 minutes, groups)" that says how long
PARAGRAPHS = {"task": "**Your task.**", "produce": "**What you hand back.**"}
AGENDA_ROW = re.compile(r"^\|\s*\d\d:\d\d\s*\|.*\|\s*$", re.M)
SECTION_HELP = ("a markdown cell '## Group activity (minutes, groups): title' with a "
                "'**Your task.**' and a '**What you hand back.**' paragraph, then the code cell the "
                "groups run")

PRINT_CSS = """
body { font-family: system-ui, 'DejaVu Sans', sans-serif; color: #1f2937; margin: 0; }
@page { size: A4; margin: 15mm; }
.card { box-sizing: border-box; border: 2px solid #6b4226; border-radius: 6px; padding: 10mm;
        margin: 0 auto 10mm; max-width: 180mm; break-after: page; page-break-after: always; }
.card:last-child { break-after: auto; page-break-after: auto; }
h1 { font-size: 20pt; margin: 0 0 2mm; color: #6b4226; }
.facts { font-size: 13pt; font-weight: bold; }
h2 { font-size: 13pt; margin: 6mm 0 1mm; }
p, li { font-size: 12pt; line-height: 1.4; }
pre { font-size: 10pt; background: #f3f4f6; padding: 3mm; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d1d5db; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
td.time { font-weight: bold; white-space: nowrap; }
"""


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">\n'
            f"<title>{html.escape(title)}</title>\n<style>{PRINT_CSS}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")


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


def _markdown_inline(text: str) -> str:
    """Markdown text as HTML: escaped, with *emphasis* and `code` kept."""
    return re.sub(r"`(.+?)`", r"<code>\1</code>",
                  re.sub(r"\*(.+?)\*", r"<em>\1</em>", html.escape(text)))


def card_html(found: Card) -> str:
    return (f'<section class="card" aria-labelledby="card-{found.module}">'
            f'<h1 id="card-{found.module}">{html.escape(found.title[:1].upper() + found.title[1:])}</h1>'
            f'<p class="facts">Module {int(found.module[:2])} · '
            f"{html.escape(' · '.join(part for part in (found.time, found.groups) if part))}</p>"
            f"<h2>Your task</h2><p>{_markdown_inline(found.task)}</p>"
            f"<h2>Code to run</h2><pre><code>{html.escape(found.code)}</code></pre>"
            f"<h2>What you hand back</h2><p>{_markdown_inline(found.produce)}</p></section>")


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


def script_html(agenda: list[Cue], decks: dict[str, str], card_modules: set[str]) -> str:
    """The facilitator's script: a time cue per agenda row and what to have ready for it.
    `decks` maps a module number ("5") to its deck's file name."""
    rows = []
    for cue in agenda:
        ready = []
        for first, last in re.findall(r"(\d+)(?:-(\d+))?", cue.module):  # "5", or a range "1-3"
            for number in map(str, range(int(first), int(last or first) + 1)):
                if number in decks:
                    ready.append(f'deck <a href="decks/{decks[number]}">{decks[number]}</a>')
        for number in scheduled_activities([cue]):
            module = next((name for name in card_modules if int(name[:2]) == number), None)
            if module:
                ready.append(f'activity card: print <a href="activity_cards.html#card-{module}">'
                             f"module {cue.module}</a> for each group")
        if "evaluation" in cue.what:
            ready.append("the printed evaluation forms, one per learner")
        rows.append(f'<tr><td class="time">{cue.time}</td><td>{_markdown_inline(cue.what)}</td>'
                    f"<td>{html.escape(cue.module)}</td><td>{_markdown_inline(cue.how)}</td>"
                    f"<td>{'; '.join(ready)}</td></tr>")
    body = ("<h1>Facilitator's script: the one-day workshop</h1>"
            "<p>Each row is a time cue from the agenda. When a row runs over, take the time from the "
            "places the agenda names, never from the capstone.</p>"
            "<table><thead><tr><th scope='col'>at</th><th scope='col'>what happens</th>"
            "<th scope='col'>module</th><th scope='col'>how</th><th scope='col'>have ready</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return _page("Facilitator's script", body)


def index_html(decks: list[Path]) -> str:
    """The pack's front page: a link to every deck and printed sheet."""
    links = "".join(f'<li><a href="decks/{deck.name}">{deck.stem}</a></li>' for deck in decks)
    body = ("<h1>The facilitator's pack</h1>"
            "<h2>To print</h2><ul><li><a href=\"facilitator_script.html\">facilitator's script</a> "
            "(time cues from the one-day agenda)</li><li><a href=\"activity_cards.html\">activity "
            "cards</a> (one A4 page per module)</li></ul>"
            "<h2>To project</h2><p>Arrow keys move through a deck; S opens the speaker notes, which "
            f"hold each question's answer.</p><ul>{links}</ul>")
    return _page("The facilitator's pack", body)


def build(output: Path, course: Path, decks: list[Path]) -> list[Path]:
    """Write activity_cards.html, facilitator_script.html and index.html into `output`; `course`
    is the course/ folder and `decks` the decks already built into output/decks."""
    agenda = cues((course / "instructor" / "workshop_one_day.md").read_text(encoding="utf-8"))
    found = cards(sorted(course.glob("[0-9][0-9]_*.ipynb")), scheduled_activities(agenda))
    output.mkdir(parents=True, exist_ok=True)
    written = [output / "activity_cards.html", output / "facilitator_script.html", output / "index.html"]
    written[0].write_text(_page("Activity cards", "\n".join(map(card_html, found))), encoding="utf-8")
    by_number = {str(int(deck.name[:2])): deck.name for deck in decks}
    written[1].write_text(script_html(agenda, by_number, {c.module for c in found}), encoding="utf-8")
    written[2].write_text(index_html(decks), encoding="utf-8")
    return written
