"""Slide decks generated from the lessons: reveal.js pages that need nothing off the machine.

A deck is not written beside its lesson; it is chosen from the lesson's cells by rules, so an edit
to a lesson reaches its deck at the next build:

* the title cell, and "What you will learn";
* each section (`## N. ...`, or any other `## ` heading, such as the group activity): its heading
  and opening paragraph, with its workshop time from the notes' timing table in the speaker notes,
  then each of its figures, one per slide (the stored output alone, no code);
* each practice check as a question to the room (prompt and options, the options of an ordering
  question shuffled into alphabetical order), with the answer and its explanation in the speaker
  notes (press S);
* the discussion questions from the module's instructor notes (course/instructor/NN_*.md);
* "Reflect" and "Summary".

nbconvert's reveal.js exporter renders the deck, through a template that loads reveal.js (npm,
vendored in book/_vendor/slides by `make pack`) and plotly.js (from the plotly package) from the
deck's own folder instead of a CDN, and leaves out MathJax, require.js and jQuery, which no deck
uses.
"""

from __future__ import annotations

import ast
import html
import re
import shutil
from pathlib import Path

import nbformat
from jinja2 import DictLoader

from smcourse.core import kit_files, practice
from smcourse.core.errors import SmcourseError

REVEAL = Path("book") / "_vendor" / "slides" / "node_modules" / "reveal.js"  # in the course's folder
PRACTICE_KINDS = ("Choice", "MultiSelect", "Numeric", "Ordering", "Matching")
FIGURE_MARK = "smcourse-figure"
TEMPLATE_NAME = "smcourse_deck.html.j2"
TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block html_head_js %}<script src="plotly.min.js"></script>{% endblock html_head_js %}
{% block html_head_js_mathjax %}{% endblock html_head_js_mathjax %}
{% block html_head_css %}<style>
.reveal .slides section { font-size: 0.62em; text-align: left; }
.reveal .slides h1, .reveal .slides h2, .reveal .slides h3 { text-transform: none; }
.reveal .slides h1, .reveal .slides h2 { font-size: 1.6em; }
.reveal .smcourse-question { font-size: 1.25em; }
</style>{% endblock html_head_css %}
{% block footer_js %}
<script src="reveal.js/dist/reveal.js"></script>
<script src="reveal.js/plugin/notes/notes.js"></script>
<script>
Reveal.initialize({controls: true, progress: true, history: true, transition: "none",
                   slideNumber: "c/t", width: 1280, height: 760, plugins: [RevealNotes]});
// a figure drawn while its slide was hidden takes its real size when the slide is shown
Reveal.on("slidechanged", function (event) {
  event.currentSlide.querySelectorAll(".js-plotly-plot").forEach(function (plot) {
    Plotly.Plots.resize(plot);
  });
});
</script>
{% endblock footer_js %}
"""


def _markdown(source: str, slide_type: str = "slide") -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(source, metadata={"slideshow": {"slide_type": slide_type}})


def _literal(node: ast.AST | None):
    try:
        return ast.literal_eval(node) if node is not None else None
    except ValueError:
        return None  # computed in the lesson (a variable or an expression): not shown


def practice_check(source: str) -> tuple[str, list[str], str] | None:
    """A practice check declared in a code cell as (prompt, options to show, answer and
    explanation for the notes), or None when the cell declares none."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in PRACTICE_KINDS and node.args:
            prompt = _literal(node.args[0])
            if not isinstance(prompt, str):
                return None
            given = {keyword.arg: _literal(keyword.value) for keyword in node.keywords}
            options = given.get("options") or sorted(given.get("order") or [])
            if node.func.id in practice.SHUFFLED and given.get("options"):  # as the learner sees them
                options = practice.shown_order(prompt, options, given.get("shuffle", True))
            if isinstance(given.get("pairs"), dict):
                pairs = given["pairs"]
                options = [f"Match: {'; '.join(pairs)}", f"with: {'; '.join(sorted(pairs.values()))}"]
            answer = given.get("answer") or given.get("order") or given.get("pairs")
            notes = " ".join(part for part in (f"Answer: {answer}." if answer is not None else "",
                                               given.get("explanation") or "") if part)
            return prompt, [str(option) for option in options], notes
    return None


def _figure_cells(cell: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """A slide for each figure among the cell's stored outputs: the figure alone, no code."""
    return [nbformat.v4.new_code_cell("", metadata={"slideshow": {"slide_type": "slide"}}, outputs=[
                nbformat.from_dict({**output, "data": {"text/html": output["data"]["text/html"]}})])
            for output in cell.get("outputs", [])
            if FIGURE_MARK in str(output.get("data", {}).get("text/html", ""))]


def _opening(source: str) -> str:
    """A section cell's heading and its first paragraph (with the list or table it introduces,
    when it ends in a colon)."""
    blocks = source.strip().split("\n\n")
    kept = 3 if len(blocks) > 2 and blocks[1].rstrip().endswith(":") else 2
    return "\n\n".join(blocks[:kept])


def notes_section(notes: str, heading: str) -> tuple[str, str] | None:
    """The `## heading...` section of instructor notes as (its full heading, its text)."""
    match = re.search(rf"^## ({re.escape(heading)}[^\n]*)\n(.*?)(?=^## |\Z)", notes, re.M | re.S)
    return (match.group(1).strip(), match.group(2).strip()) if match else None


TIMING_ROW = re.compile(r"^\| (\d+)(?:-(\d+))? ([^|]*)\|[^|]*\|\s*(\d+)\s*\|", re.M)


def workshop_minutes(notes: str) -> dict[int, str]:
    """Section number -> the time cue for it from the notes' timing table ("6 minutes in a
    workshop", or for a row covering sections 4-5 "10 minutes in a workshop for sections 4-5")."""
    timing = notes_section(notes, "Timing")
    cues = {}
    for first, last, _, minutes in TIMING_ROW.findall(timing[1] if timing else ""):
        shared = f" for sections {first}-{last}" if last else ""
        for number in range(int(first), int(last or first) + 1):
            cues[number] = f"{minutes} minutes in a workshop{shared}."
    return cues


def deck_cells(lesson: nbformat.NotebookNode, notes: str) -> list[nbformat.NotebookNode]:
    """The cells of a lesson's deck, chosen by the rules in the module docstring."""
    cells, ending, minutes = [], {}, workshop_minutes(notes)
    for cell in lesson.cells:
        source = cell.source.strip()
        if cell.cell_type == "markdown" and source.startswith("## For instructors"):
            break
        if cell.cell_type == "markdown":
            if source.startswith("# ") or source.startswith("## What you will learn"):
                cells.append(_markdown(source))
            elif source.startswith(("## Reflect", "## Summary")):
                ending[source.split("\n")[0]] = _markdown(source)
            elif source.startswith("## "):  # a section: numbered, or one such as a group activity
                cells.append(_markdown(_opening(source)))
                number = re.match(r"## (\d+)\.", source)
                if number and int(number.group(1)) in minutes:
                    cells.append(_markdown(minutes[int(number.group(1))], "notes"))
            continue
        cells += _figure_cells(cell)
        check = practice_check(cell.source)
        if check is not None:
            prompt, options, answer = check
            listed = "".join(f"\n- {option}" for option in options)
            cells.append(_markdown(f"### Question to the room\n\n<p class=\"smcourse-question\">"
                                   f"{html.escape(prompt)}</p>\n{listed}"))
            if answer:
                cells.append(_markdown(answer, "notes"))
    discussion = notes_section(notes, "Discussion questions")
    if discussion:
        cells.append(_markdown(f"## Discuss\n\n{discussion[1]}"))
    return cells + list(ending.values())


def deck_notebook(lesson_path: Path) -> nbformat.NotebookNode:
    """The deck of the lesson at `lesson_path` as a notebook of slides."""
    lesson = nbformat.read(lesson_path, as_version=4)
    notes_path = lesson_path.parent / "instructor" / lesson_path.name.replace(".ipynb", ".md")
    notes = notes_path.read_text(encoding="utf-8") if notes_path.is_file() else ""
    deck = nbformat.v4.new_notebook(cells=deck_cells(lesson, notes))
    deck.metadata["title"] = lesson_path.stem
    return deck


def _exporter():
    from nbconvert import SlidesExporter

    return SlidesExporter(extra_loaders=[DictLoader({TEMPLATE_NAME: TEMPLATE})],
                          template_file=TEMPLATE_NAME, exclude_input=True, exclude_input_prompt=True,
                          exclude_output_prompt=True, reveal_url_prefix="reveal.js",
                          reveal_theme="white")  # "simple" would fetch its fonts from Google


def copy_scripts(output: Path) -> None:
    """Put reveal.js and plotly.js beside the decks in `output`."""
    import plotly

    reveal = kit_files.home() / REVEAL
    if not (reveal / "dist" / "reveal.js").is_file():
        raise SmcourseError(f"reveal.js is not in {reveal.parent}: run `make pack`, which installs "
                            "it from npm once.")
    for part in ("dist", "plugin/notes"):
        shutil.copytree(reveal / part, output / "reveal.js" / part, dirs_exist_ok=True)
    shutil.copy(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", output)


def build_decks(output: Path, lessons: list[Path]) -> list[Path]:
    """Write one deck per lesson into `output`, with the scripts they load; the decks' paths."""
    if not lessons:
        raise SmcourseError("no lessons to make decks from: name course/NN_topic.ipynb files.")
    missing = [str(path) for path in lessons if not path.is_file()]
    if missing:
        raise SmcourseError(f"no lesson at {', '.join(missing)}.")
    output.mkdir(parents=True, exist_ok=True)
    copy_scripts(output)
    exporter, written = _exporter(), []
    for lesson in lessons:
        body, _ = exporter.from_notebook_node(deck_notebook(lesson))
        written.append(output / f"{lesson.stem}.html")
        written[-1].write_text(body, encoding="utf-8")
    return written
