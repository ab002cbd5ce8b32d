"""Execute lesson notebooks headless and store clean, reproducible outputs.

Stored outputs are what nbval compares against and what the book shows, so they must be the same
on every run: no execution timestamps, and no widget views (their model ids are random, and a
stored view without its kernel shows an error box in JupyterLab). Each widget keeps its static
fallback (`smcourse.ui.widgets.show_widget`), which tells a reader to run the cell.

A practice check's source spells out its answer, so it is stored collapsed: JupyterLab shows the
card and a "…" that opens the code on a click (the site removes the source altogether).
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from smcourse.core import kit_files
from smcourse.core.errors import SmcourseError
from smcourse.core.practice import Question

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _kinds(question: type) -> set[str]:
    """The names of `question`'s subclasses, at any depth."""
    return {kind for sub in question.__subclasses__() for kind in {sub.__name__, *_kinds(sub)}}


PRACTICE_CLASSES = _kinds(Question)  # Choice, MultiSelect, Numeric, Matching, Ordering


def is_practice_check(cell) -> bool:
    """A code cell whose last statement declares a practice question (CONTRIBUTING.md: one per
    cell, as the cell's last expression)."""
    if cell.cell_type != "code":
        return False
    try:
        body = ast.parse(cell.source).body
    except SyntaxError:
        return False
    return bool(body) and isinstance(body[-1], ast.Expr) and isinstance(body[-1].value, ast.Call) \
        and getattr(body[-1].value.func, "id", None) in PRACTICE_CLASSES


def execute(path: Path, timeout: int = 120) -> nbformat.NotebookNode:
    """Run the notebook at `path` top to bottom in a fresh kernel, in its own folder."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except CellExecutionError as error:
        raise SmcourseError(f"{path.name} stopped at a failing cell (tag a cell that is meant to "
                            f"fail 'raises-exception'):\n{error}") from None
    return notebook


def clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what varies between runs (widget views, widget state, execution metadata), and store each
    practice check's source collapsed."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if is_practice_check(cell):
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
    return notebook


def refresh(path: Path) -> None:
    """Re-execute `path` and write it back with clean outputs."""
    nbformat.write(clean(execute(path)), path)


def lessons() -> list[Path]:
    """Every lesson notebook in course/, in module order."""
    return sorted((kit_files.home() / "course").glob("[0-9][0-9]_*.ipynb"))


def stored_output_notebooks() -> list[Path]:
    """Every notebook under course/ whose stored outputs nbval checks: lessons and instructor ones."""
    return lessons() + sorted((kit_files.home() / "course" / "instructor").glob("*.ipynb"))
