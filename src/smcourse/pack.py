"""The facilitator's printed pack: an activity card per module and the day's script with time cues.

Both are read from the instructor material when the pack is built, so they follow its edits:

* a card's title, time, groups and starter code come from the `## Group activity (...)` section of
  course/instructor/NN_*.md; what the group does and hands back (`CARDS`) is written for learners,
  without the findings the notes give the instructor;
* the script's cues are the rows of the one-day agenda (course/instructor/workshop_one_day.md):
  at each time, what happens, how, and what to have ready (the module's deck, its activity card).

Every card and the script are plain HTML with print CSS: one A4 page per card.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from smcourse.errors import SmcourseError

ACTIVITY = re.compile(r"^## Group activity \(([^)]*)\):?[ \t]*(.*)$", re.M)
WHEN = re.compile(r"\d|during")  # the part of "(15 minutes, groups)" that says how long
CODE = re.compile(r"```python\n(.*?)```", re.S)
AGENDA_ROW = re.compile(r"^\|\s*\d\d:\d\d\s*\|.*\|\s*$", re.M)

# What each group does and hands back, in learners' words (the notes keep the findings).
CARDS = {
    "00_welcome": ("Take one table of the case data. Say what one row describes and which question "
                   "about Lumen it could answer, then check one number with the code below.",
                   "One question per table for the board, and the number you checked."),
    "01_why_social_media": ("Run the code, then read ten mentions Lumen left unanswered. Sort them "
                            "into feedback to act on, a fan to thank, and nothing to do.",
                            "The mention you would answer first, and why."),
    "02_what_to_do": ("Choose one goal: more comments, more shop visits or more applicants for a "
                      "barista job. Read what each content type earns, then plan Lumen's next "
                      "seven posts.",
                      "Seven posts (type, platform, day and hour, one line of text) and the goal they "
                      "serve."),
    "03_existing_vs_living": ("Your side is given to you: argue that Lumen is living and Beacon only "
                              "existing, or the opposite. Use only the indicators the code prints.",
                              "Your two strongest pieces of evidence, and the dimension the data "
                              "cannot show."),
    "04_relationships_and_influence": ("Look at the weekly mentions around the recall of 8 September "
                                       "2025, then write Lumen's first public post and one reply to "
                                       "an angry customer.",
                                       "A post of at most 60 words, one reply, and who signs them."),
    "05_metrics": ("Draw one goal. Choose the single metric and denominator you would report each "
                   "week, and compute it for Lumen and Beacon.",
                   "One sentence a manager would understand, naming the metric and its denominator."),
    "06_capstone_strategy_plan": ("Half-way through building your plan, swap with a neighbour for "
                                  "five minutes and look for the weakest link between its parts.",
                                  "One comment each: a goal with no metric, a channel with no "
                                  "content, a target with no baseline or a rule nobody owns."),
}

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
    code: tuple[str, ...]  # the notes' code blocks, in order


def _section(notes: str) -> tuple[str, str, str] | None:
    match = ACTIVITY.search(notes)
    if match is None:
        return None
    rest = notes[match.end():]
    end = re.search(r"^## ", rest, re.M)
    return match.group(1), match.group(2), rest[:end.start() if end else len(rest)]


def card(notes_path: Path) -> Card | None:
    """The activity card of the module whose instructor notes are at `notes_path`, or None when
    the notes have no group activity."""
    found = _section(notes_path.read_text(encoding="utf-8"))
    if found is None:
        return None
    facts, title, text = found
    module = notes_path.stem
    if module not in CARDS:
        raise SmcourseError(f"{notes_path} has a group activity but pack.CARDS has no task for "
                            f"{module}: add what the groups do and hand back.")
    parts = [part.strip() for part in facts.split(",")]
    time = next((part for part in parts if WHEN.search(part)), "")
    groups = ", ".join(part for part in parts if part != time)
    return Card(module, title or "Group activity", time, groups or "the whole room",
                *CARDS[module], tuple(block.strip() for block in CODE.findall(text)))


def card_html(found: Card) -> str:
    code = ("<h2>Code to run</h2>" + "".join(f"<pre><code>{html.escape(block)}</code></pre>"
                                              for block in found.code)) if found.code else ""
    return (f'<section class="card" aria-labelledby="card-{found.module}">'
            f'<h1 id="card-{found.module}">{html.escape(found.title[:1].upper() + found.title[1:])}</h1>'
            f'<p class="facts">Module {int(found.module[:2])} · '
            f"{html.escape(' · '.join(part for part in (found.time, found.groups) if part))}</p>"
            f"<h2>Your task</h2><p>{html.escape(found.task)}</p>{code}"
            f"<h2>What you hand back</h2><p>{html.escape(found.produce)}</p></section>")


def cards(instructor: Path) -> list[Card]:
    """Every module's card, in module order."""
    return [found for path in sorted(instructor.glob("[0-9][0-9]_*.md"))
            if (found := card(path)) is not None]


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


def _markdown_inline(text: str) -> str:
    """Agenda text as HTML: escaped, with *emphasis* kept."""
    return re.sub(r"\*(.+?)\*", r"<em>\1</em>", html.escape(text))


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
        if cue.what.startswith("activity") and cue.module.isdigit():
            module = next((name for name in card_modules if int(name[:2]) == int(cue.module)), None)
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
    instructor = course / "instructor"
    found = cards(instructor)
    output.mkdir(parents=True, exist_ok=True)
    written = [output / "activity_cards.html", output / "facilitator_script.html", output / "index.html"]
    written[0].write_text(_page("Activity cards", "\n".join(map(card_html, found))), encoding="utf-8")
    agenda = cues((instructor / "workshop_one_day.md").read_text(encoding="utf-8"))
    by_number = {str(int(deck.name[:2])): deck.name for deck in decks}
    written[1].write_text(script_html(agenda, by_number, {c.module for c in found}), encoding="utf-8")
    written[2].write_text(index_html(decks), encoding="utf-8")
    return written
