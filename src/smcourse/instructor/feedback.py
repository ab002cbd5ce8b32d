"""The feedback a learner gets back after grading: one page per assignment, and an index.

Each graded item appears as the learner met it: the question (its prompt and options) or the
task's instructions, the learner's own answer (the option chosen, the number typed, the code
written and what it printed), right or wrong, the points, and why, in the words the referee's
verdict used: the question's explanation, the reason a chosen option is wrong, which parts of a
code task passed and what a failed part expected. A written answer shows its rubric and, once
marked in formgrader, the tutor's points and comment. Each item links to the lesson section that
teaches it (`smcourse.revisit` in the graded cell's metadata of the source notebook: a lesson id
and a section heading), and the page ends with the sections to revisit, most points lost first.

What a page may show is built only from what the learner already saw (prompts, task texts, their
own work), the referee's verdict lines, the rubric criteria and the tutor's marks: never the
hidden tests' code, a model solution or a model answer. The pages are plain, self-contained HTML
(no script, no request off the page), readable on a phone and printable.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import nbformat

from smcourse.core import answer_file, practice, templates

MAX_SHOWN = 2_000  # characters of a learner's code, output or verdict shown per item
LESSON_HEADING = re.compile(r"^#\s+(.+)$", re.M)
UNANSWERED = "YOUR ANSWER HERE"  # nbgrader's stub for a written answer left as released


@dataclass
class Item:
    """One graded item of one learner's submission, as the feedback page shows it."""

    title: str
    kind: str  # "question", "code" or "written"
    prompt: str
    max_points: float
    points: float | None  # None: not marked yet
    options: list[str] = field(default_factory=list)
    answer: str = ""
    produced: str = ""
    verdict: list[str] = field(default_factory=list)
    rubric: list[str] = field(default_factory=list)
    comment: str = ""
    revisit: tuple[str, str] | None = None  # (label, address)

    @property
    def status(self) -> str:
        if self.points is None:
            return "to be marked"
        if self.points >= self.max_points:
            return "right" if self.kind != "written" else "full marks"
        return "partly right" if self.points > 0 else ("not answered" if self._unanswered else "wrong")

    @property
    def _unanswered(self) -> bool:
        return self.kind in ("question", "written") and not self.answer

    @property
    def lost(self) -> float:
        return self.max_points - (self.points or 0)


def section_id(heading: str) -> str:
    """The anchor Sphinx (docutils' make_id) gives a heading: "1. Choosing what to count" ->
    "choosing-what-to-count"."""
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", " ".join(text.lower().split()))
    return re.sub(r"^[-0-9]+|-+$", "", text)


def _nbgrader(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def _text(outputs: list) -> str:
    """What a cell printed or showed, as text (a figure is named, not drawn)."""
    parts = []
    for output in outputs:
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") in ("execute_result", "display_data"):
            data = output.get("data", {})
            if "application/vnd.plotly.v1+json" in data:
                title = data["application/vnd.plotly.v1+json"].get("layout", {}).get("title", {})
                title = title.get("text", "untitled") if isinstance(title, dict) else title
                parts.append(f"[a figure: {title}]")
            elif "text/plain" in data:
                parts.append(str(data["text/plain"]))
        elif output.get("output_type") == "error":
            parts.append(f"{output.get('ename')}: {output.get('evalue')}")
    return "\n".join(part.rstrip("\n") for part in parts)[:MAX_SHOWN]


def _verdict(outputs: list) -> list[str]:
    """The referee's verdict lines for one test cell, in the learner's language."""
    lines = []
    for output in outputs:
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            lines += [line for line in output.get("text", "").splitlines() if line.strip()]
        elif output.get("output_type") == "error":
            reason = str(output.get("evalue") or "")
            lines.append(reason if output.get("ename") == "AssertionError" and reason
                         else f"The check stopped with {output.get('ename')}: {reason}".strip(": "))
    return [line[:MAX_SHOWN] for line in lines]


def _question(source: str) -> dict | None:
    """The name, kind, prompt and options of an `ask(...)` declaration, read without running it."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ask" and len(node.args) >= 3:
            try:
                name, prompt = ast.literal_eval(node.args[0]), ast.literal_eval(node.args[2])
                fields = {keyword.arg: ast.literal_eval(keyword.value) for keyword in node.keywords}
            except ValueError:
                return None
            kind, options = getattr(node.args[1], "id", ""), fields.get("options", [])
            if kind in practice.SHUFFLED and options:  # in the order the learner saw them
                options = practice.shown_order(prompt, options, fields.get("shuffle", True))
            return {"name": name, "kind": kind, "prompt": prompt, "options": list(options),
                    "unit": fields.get("unit", "")}
    return None


def _shown_answer(question: dict, answer: Any) -> str:
    if answer is None:
        return ""
    if isinstance(answer, list):
        return "; ".join(map(str, answer))
    if question["kind"] == "Numeric" and question["unit"]:
        return f"{answer} ({question['unit']})"
    return str(answer)


def _rubric(source: str) -> list[str]:
    """The criteria of a written answer's marking guide (its bullet list), never its model answer."""
    guide = source.split("Example")[0]
    return [line.strip()[2:] for line in guide.splitlines() if line.strip().startswith("- ")]


def _prompt(cells: list) -> tuple[str, str]:
    """(title, text) of the instructions shown before an item: the locked markdown cells."""
    text = "\n\n".join(cell.source for cell in cells).strip()
    headings = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
    heading = headings[-1] if headings else ""  # the task's own heading, not its section's
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#")).strip()
    return heading, body


def _revisit(cell, lessons: dict[str, str], lessons_url: str) -> tuple[str, str] | None:
    where = cell.metadata.get("smcourse", {}).get("revisit")
    if not where:
        return None
    lesson, section = where["lesson"], where["section"]
    label = f"{lessons.get(lesson, lesson)}: {section}"
    return label, f"{lessons_url.rstrip('/')}/{lesson}.html#{section_id(section)}"


def items(source: nbformat.NotebookNode, graded: nbformat.NotebookNode | None, answers: dict,
          grades: dict[str, tuple[float | None, float, str]], lessons: dict[str, str],
          lessons_url: str) -> list[Item]:
    """The items of one notebook: `source` is the assignment's source notebook (read for its
    structure only), `graded` the learner's graded notebook, `answers` their answers.json, and
    `grades` maps a grade_id to (points or None, maximum, tutor's comment)."""
    learner = {_nbgrader(cell).get("grade_id"): cell for cell in (graded.cells if graded else [])}
    found, instructions, answer_cells = [], [], []
    for cell in source.cells:
        meta = _nbgrader(cell)
        if cell.cell_type == "markdown" and meta.get("locked") and not meta.get("grade"):
            if not cell.source.lstrip().startswith("# "):  # the assignment's own title
                instructions.append(cell)
            continue
        if meta.get("solution") and not meta.get("grade"):
            answer_cells.append(cell)
            continue
        if not meta.get("grade"):
            continue
        grade_id = meta["grade_id"]
        points, maximum, comment = grades.get(grade_id, (0.0, float(meta.get("points", 0)), ""))
        title, prompt = _prompt(instructions)
        mine = learner.get(grade_id)
        revisit = _revisit(cell, lessons, lessons_url)
        if cell.cell_type == "markdown":  # a written answer, marked by hand
            written = mine.source if mine is not None else ""
            written = "" if written.strip() == UNANSWERED else written
            found.append(Item(title or "Written answer", "written", prompt, maximum, points,
                              answer=written[:MAX_SHOWN * 2],
                              rubric=_rubric(cell.source), comment=comment, revisit=revisit))
        else:
            verdict = _verdict(mine.outputs if mine is not None else [])
            if mine is None:
                verdict = ["This graded cell was deleted from your notebook, so it scored 0."]
            question = next(filter(None, (_question(c.source) for c in answer_cells)), None)
            if question:
                number = question["name"].lstrip("q")
                found.append(Item(f"Question {number}", "question", question["prompt"], maximum, points,
                                  options=question["options"],
                                  answer=_shown_answer(question, answers.get(question["name"])),
                                  verdict=verdict, revisit=revisit))
            else:
                mine_cells = [learner[_nbgrader(c)["grade_id"]] for c in answer_cells
                              if _nbgrader(c)["grade_id"] in learner]
                code = "\n\n".join(c.source for c in mine_cells)
                produced = "\n".join(_text(c.outputs) for c in mine_cells)
                found.append(Item(title or "Code task", "code", prompt, maximum, points,
                                  answer=code[:MAX_SHOWN], produced=produced.strip()[:MAX_SHOWN],
                                  verdict=verdict, revisit=revisit))
        instructions, answer_cells = [], []
    return found


def page(course: str, assignment: str, learner: str, submitted: datetime | None, found: list[Item],
         problems: list[str] = ()) -> str:
    """The feedback page of one learner for one assignment."""
    revisit = sorted((item for item in found if item.revisit and item.lost > 0), key=lambda i: -i.lost)
    return templates.render(
        "feedback.html", course=course, assignment=assignment, learner=learner, submitted=submitted,
        items=found, problems=problems, revisit=revisit,
        score=sum(item.points or 0 for item in found), maximum=sum(item.max_points for item in found),
        waiting=sum(item.max_points for item in found if item.points is None))


def index_page(course: str, learner: str, pages: list[tuple[str, str, float, float]]) -> str:
    """A learner's index across assignments: (title, relative link, points, maximum) each."""
    return templates.render("feedback_index.html", course=course, learner=learner, pages=pages)


def read_answers(folder: Path) -> dict:
    """A learner's answers.json as handed in, or {} when missing or damaged (the verdicts say so)."""
    return answer_file.read(folder / answer_file.FILE)[0]


def title_of(notebook: nbformat.NotebookNode, fallback: str) -> str:
    """A notebook's title as people know it: its first `# ` heading."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            match = LESSON_HEADING.search(cell.source)
            if match:
                return match.group(1).strip()
    return fallback
