"""The dashboard itself: `build` gathers whichever sources exist into sections of figures, tables
and notes, shown in a notebook or rendered through the `dashboard.html` template as one standalone
page with plotly.js inside."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from markupsafe import Markup
from plotly.offline import get_plotlyjs
from tqdm.auto import tqdm

from smcourse.core import attempts, templates
from smcourse.core.errors import SmcourseError
from smcourse.instructor.dashboard.charts import (
    item_difficulty,
    item_discrimination,
    late_and_missing,
    progress,
    score_distribution,
    where_stuck,
    wrong_answers_figure,
)
from smcourse.instructor.dashboard.records import ClassRecord, read_gradebook, read_graded_answers
from smcourse.instructor.dashboard.statistics import (
    MIN_LEARNERS_FOR_DISCRIMINATION,
    follow_up,
    item_statistics,
)
from smcourse.ui import figures


@dataclass
class Section:
    """One part of the dashboard: a heading with a figure, a table or a note."""

    title: str
    figure: go.Figure | None = None
    table: pd.DataFrame | None = None
    note: str = ""

    def _ipython_display_(self) -> None:
        from IPython.display import Markdown, display

        display(Markdown(f"### {self.title}" + (f"\n\n{self.note}" if self.note else "")))
        for shown in (self.figure, self.table):
            if shown is not None:
                display(shown)


@dataclass
class Dashboard:
    """Headline numbers and sections, shown in a notebook or written as one HTML file."""

    summary: list[str]
    sections: list[Section] = field(default_factory=list)

    def show(self) -> None:
        """Display the headline numbers and every section in the notebook."""
        from IPython.display import display

        self.show_summary()
        for section in self.sections:
            display(section)

    def show_summary(self) -> None:
        """Display the headline numbers."""
        from IPython.display import Markdown, display

        display(Markdown("\n".join(f"- {line}" for line in self.summary)))

    def section(self, title: str) -> Section:
        """The section called `title`."""
        for section in self.sections:
            if section.title == title:
                return section
        raise SmcourseError(f"No section called {title!r}. This dashboard has: "
                            + "; ".join(section.title for section in self.sections) + ".")

    def to_html(self) -> str:
        """A standalone page: plotly.js inline once, every figure with its alt text as a caption."""
        shown = []
        for number, section in enumerate(self.sections, start=1):
            figure, table = section.figure, section.table
            shown.append({
                "title": section.title, "note": section.note,
                "alt": figures.alt_text(figure.to_dict()) if figure is not None else "",
                "figure": None if figure is None else Markup(pio.to_html(
                    figure, full_html=False, include_plotlyjs=False, div_id=f"figure-{number}",
                    config={"displaylogo": False})),
                "table": None if table is None else Markup(table.to_html(border=0, classes="follow-up")),
            })
        return templates.render("dashboard.html", summary=self.summary, sections=shown,
                                plotly_js=Markup(get_plotlyjs()))

    def write_html(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.to_html(), encoding="utf-8")
        return path


def _gradebook_sections(record: ClassRecord) -> list[Callable[[], Section]]:
    stats = item_statistics(record)
    discrimination_note = (f"Discrimination needs at least {MIN_LEARNERS_FOR_DISCRIMINATION} learners "
                           "who handed in the assignment, and some spread in their scores.")
    chase = follow_up(record)
    return [
        lambda: Section("Scores per assignment", score_distribution(record)),
        lambda: Section("Item difficulty", item_difficulty(stats)),
        lambda: Section("Item discrimination", item_discrimination(stats),
                        note="" if stats["discrimination"].notna().any() else discrimination_note),
        lambda: Section("Late and missing work", late_and_missing(record),
                        table=chase if len(chase) else None,
                        note="Nobody has late or missing work." if chase.empty else
                        f"{len(chase)} learners to follow up:"),
        lambda: Section("Progress across the modules", progress(record)),
    ]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def build(gradebook: str | Path | ClassRecord | None = "gradebook.db", *,
          submitted: str | Path | None = None, attempts_folder: str | Path | None = None,
          show_progress: bool = False) -> Dashboard:
    """The dashboard from whichever sources exist: `gradebook` is the path of nbgrader's gradebook
    (or a ClassRecord already read). Raises SmcourseError when there is nothing to show."""
    if isinstance(gradebook, ClassRecord):
        record = gradebook
    else:
        record = read_gradebook(gradebook) if gradebook and Path(gradebook).exists() else None
    if record is not None and record.handed_in.empty:
        record = None
    practice = attempts.read(attempts_folder) if attempts_folder else None
    if practice is not None and practice.empty:
        practice = None
    graded = (read_graded_answers(submitted, record)
              if submitted and Path(submitted).is_dir() and record is not None else None)
    if record is None and practice is None:
        where = f" at {gradebook}" if isinstance(gradebook, (str, Path)) else ""
        raise SmcourseError(
            f"Nothing to show yet: the gradebook{where} has no "
            "graded submissions, and no practice logs were given. Grade a first assignment "
            "(nbgrader autograde) or collect the learners' practice logs (--attempts), then try again.")
    summary, makers = [], []
    if record is None:
        summary.append("No graded submissions yet: the gradebook sections appear after the first "
                       "nbgrader autograde.")
    else:
        counts = record.submissions["status"].value_counts()
        pending = int(record.items["needs_marking"].astype(bool).sum())
        summary.append(f"{_plural(len(record.learners), 'learner')}, "
                       f"{_plural(len(record.assignments), 'assignment')}; "
                       f"{counts.get('on time', 0) + counts.get('late', 0)} submissions "
                       f"({counts.get('late', 0)} late), {counts.get('missing', 0)} missing; "
                       f"median score {record.handed_in['percent'].median():.0f}%.")
        if pending:
            summary.append(f"Still to mark by hand (Formgrader): {_plural(pending, 'answer')}; until "
                           "then they count as 0 and are left out of the item statistics.")
        makers += _gradebook_sections(record)
    if graded is not None and graded["status"].eq("incorrect").any():
        makers.append(lambda: Section("Common wrong answers to graded questions",
                                      wrong_answers_figure(graded, "graded")))
    if practice is not None:
        summary.append(f"{len(practice)} practice events from {practice['learner'].nunique()} "
                       f"learners ({practice['status'].eq('incorrect').sum()} wrong attempts, "
                       f"{practice['event'].eq('hint').sum()} hints).")
        makers.append(lambda: Section("Where the room is stuck", where_stuck(practice)))
        if practice["status"].eq("incorrect").any():
            makers.append(lambda: Section("Common wrong answers to practice checks",
                                          wrong_answers_figure(practice, "practice")))
    sections = [make() for make in tqdm(makers, desc="drawing", unit="figure",
                                        disable=not show_progress)]
    return Dashboard(summary, sections)
