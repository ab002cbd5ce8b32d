"""The class dashboard: what the nbgrader gradebook and the learners' practice logs say about a class.

    board = build("gradebook.db", submitted="submitted", attempts_folder="attempts")
    board.show()                      # in a notebook
    board.write_html("dashboard.html")  # one standalone file, plotly.js inside, no network

Sources, each optional, so a dashboard can be drawn before anything is graded:
* the gradebook, read through nbgrader's own models (`nbgrader.api`): scores per assignment,
  item difficulty and discrimination, late and missing work, each learner's progress;
* the graded answers saved beside each submission (`submitted/<learner>/<assignment>/answers.json`,
  written by `smcourse.answers`): the most common wrong answers per graded question;
* collected practice logs (`smcourse.attempts`): the practice questions where the room is stuck.

Every figure goes through `smcourse.figures.finish`, so it has a title, labelled axes and alt text.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio
from markupsafe import Markup
from plotly.offline import get_plotlyjs
from tqdm.auto import tqdm

from smcourse import answer_file, attempts, figures, templates
from smcourse.errors import SmcourseError

STATUSES = ("on time", "late", "missing")
STATUS_COLOURS = {"on time": figures.SEQUENCE[0], "late": figures.SEQUENCE[3],
                  "missing": figures.SEQUENCE[1]}
MISSING_GREY = "#9ca3af"
MIN_LEARNERS_FOR_DISCRIMINATION = 3
WEAK_DISCRIMINATION = 0.2
GRADE_CELL_SUFFIX = "_test"  # graded question "q1" is scored by the grade cell "q1_test"
TOP_QUESTIONS = 12


@dataclass(frozen=True)
class ClassRecord:
    """The gradebook as two tidy tables.

    `submissions`: one row per learner and assignment (missing work included) with status
    (on time, late, missing), hours_late, score, max_score and percent.
    `items`: one row per graded cell of each handed-in submission: learner, assignment, notebook,
    item, score, needs_marking (a manually graded answer nobody has marked yet), max_score.
    """

    submissions: pd.DataFrame
    items: pd.DataFrame

    @property
    def learners(self) -> list[str]:
        return sorted(self.submissions["learner"].unique())

    @property
    def assignments(self) -> list[str]:
        return list(dict.fromkeys(self.submissions["assignment"]))

    @property
    def handed_in(self) -> pd.DataFrame:
        return self.submissions[self.submissions["status"] != "missing"]


def _course_id(path: Path) -> str:
    """The course id stored in an nbgrader gradebook (checked read-only, so a wrong file is never
    turned into an empty gradebook by opening it)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            row = connection.execute("SELECT id FROM course ORDER BY id LIMIT 1").fetchone()
    except sqlite3.Error:
        row = None
    if row is None:
        raise SmcourseError(f"{path} is not an nbgrader gradebook. Point --gradebook at the "
                            "gradebook.db that `nbgrader autograde` writes in the course folder.")
    return row[0]


def read_gradebook(path: str | Path) -> ClassRecord:
    """Read scores, timestamps and due dates from the nbgrader gradebook at `path`."""
    from nbgrader.api import (
        Assignment,
        BaseCell,
        Grade,
        Gradebook,
        Notebook,
        Student,
        SubmittedAssignment,
        SubmittedNotebook,
    )

    path = Path(path)
    if not path.is_file():
        raise SmcourseError(f"No gradebook at {path}. It appears after the first "
                            "`nbgrader autograde` in the course folder.")
    with Gradebook(f"sqlite:///{path.resolve()}", course_id=_course_id(path)) as gradebook:
        cells = [(assignment.name, notebook.name, cell.name, cell.max_score)
                 for assignment in gradebook.assignments for notebook in assignment.notebooks
                 for cell in [*notebook.grade_cells, *notebook.task_cells]]
        learners = [student.id for student in gradebook.students]
        query = gradebook.db.query
        handed_in = (
            query(Student.id, Assignment.name, SubmittedAssignment.timestamp,
                  SubmittedAssignment.extension, Assignment.duedate)
            .select_from(SubmittedAssignment)
            .join(Student, SubmittedAssignment.student_id == Student.id)
            .join(Assignment, SubmittedAssignment.assignment_id == Assignment.id).all())
        grades = (
            query(Student.id, Assignment.name, Notebook.name, BaseCell.name, Grade.score,
                  Grade.needs_manual_grade)
            .select_from(Grade)
            .join(SubmittedNotebook, Grade.notebook_id == SubmittedNotebook.id)
            .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
            .join(Student, SubmittedAssignment.student_id == Student.id)
            .join(Assignment, SubmittedAssignment.assignment_id == Assignment.id)
            .join(Notebook, SubmittedNotebook.notebook_id == Notebook.id)
            .join(BaseCell, Grade.cell_id == BaseCell.id).all())
    return class_record(cells, learners, handed_in, grades)


def class_record(cells, learners, handed_in, grades) -> ClassRecord:
    """Assemble a ClassRecord from gradebook rows: cells (assignment, notebook, item, max_score),
    learner ids, submissions (learner, assignment, timestamp, extension, due date) and grades
    (learner, assignment, notebook, item, score, needs_marking)."""
    catalogue = pd.DataFrame(cells, columns=["assignment", "notebook", "item", "max_score"])
    assignments = sorted(catalogue["assignment"].unique())
    every = pd.MultiIndex.from_product([sorted(learners), assignments],
                                       names=["learner", "assignment"]).to_frame(index=False)
    times = pd.DataFrame(handed_in, columns=["learner", "assignment", "timestamp", "extension",
                                             "duedate"])
    due = pd.to_datetime(times["duedate"]) + pd.to_timedelta(times["extension"]).fillna(pd.Timedelta(0))
    times["hours_late"] = ((pd.to_datetime(times["timestamp"]) - due).dt.total_seconds() / 3600
                           ).clip(lower=0).fillna(0.0)
    items = pd.DataFrame(grades, columns=["learner", "assignment", "notebook", "item", "score",
                                          "needs_marking"]).merge(
        catalogue, on=["assignment", "notebook", "item"])
    scores = items.groupby(["learner", "assignment"], as_index=False)["score"].sum()
    submissions = every.merge(times[["learner", "assignment", "hours_late"]], how="left",
                              on=["learner", "assignment"], indicator=True).merge(
        scores, how="left", on=["learner", "assignment"])
    submitted = submissions.pop("_merge") == "both"
    submissions["status"] = np.where(~submitted, "missing",
                                     np.where(submissions["hours_late"] > 0, "late", "on time"))
    submissions.loc[submitted, "score"] = submissions.loc[submitted, "score"].fillna(0.0)
    submissions["max_score"] = submissions["assignment"].map(
        catalogue.groupby("assignment")["max_score"].sum())
    submissions["percent"] = 100 * submissions["score"] / submissions["max_score"].where(
        submissions["max_score"] > 0)
    return ClassRecord(submissions, items)


def _discrimination(scores: pd.DataFrame, item: str) -> float:
    """Corrected item-total correlation: the item's score against the rest of the assignment,
    over the learners whose answer to the item has been marked."""
    scores = scores.dropna(subset=[item])
    rest = scores.drop(columns=item).sum(axis=1)
    own = scores[item]
    if len(scores) < MIN_LEARNERS_FOR_DISCRIMINATION or own.std() == 0 or rest.std() == 0:
        return float("nan")
    return float(np.corrcoef(own, rest)[0, 1])


def _advice(facility: float, discrimination: float) -> str:
    if discrimination < 0:
        return "check the key: stronger learners scored lower"
    if facility < 0.3:
        return "hard: re-teach or reword"
    if discrimination < WEAK_DISCRIMINATION:
        return "weak: does not separate stronger and weaker learners"
    if facility > 0.9:
        return "easy: nearly everyone has it"
    return "fine" if pd.notna(discrimination) else "too few learners to judge"


def item_statistics(record: ClassRecord) -> pd.DataFrame:
    """Per graded item, over the answers that have been marked: learners, facility (mean score /
    max: 1 = everyone full marks), discrimination (correlation with the rest of the assignment; NaN
    under 3 learners) and advice."""
    rows = []
    marked = record.items[~record.items["needs_marking"].astype(bool)]
    for (assignment, notebook), group in marked.groupby(["assignment", "notebook"], sort=True):
        scores = group.pivot_table(index="learner", columns="item", values="score", aggfunc="sum")
        maxima = group.groupby("item")["max_score"].first()
        for item in scores.columns:
            facility = scores[item].mean() / maxima[item] if maxima[item] > 0 else float("nan")
            discrimination = _discrimination(scores, item)
            rows.append({"assignment": assignment, "notebook": notebook, "item": item,
                         "label": f"{assignment} · {item}", "max_score": maxima[item],
                         "learners": int(scores[item].notna().sum()), "facility": facility,
                         "discrimination": discrimination,
                         "advice": _advice(facility, discrimination)})
    return pd.DataFrame(rows, columns=["assignment", "notebook", "item", "label", "max_score",
                                       "learners", "facility", "discrimination", "advice"])


def _height(rows: int) -> int:
    return int(min(max(300, 140 + 24 * rows), 1400))


def score_distribution(record: ClassRecord) -> go.Figure:
    """Box plot of percentage scores per assignment (handed-in work only)."""
    handed_in = record.handed_in
    fig = px.box(handed_in, x="assignment", y="percent", hover_name="learner",
                 points="all" if len(handed_in) <= 3000 else "outliers",
                 category_orders={"assignment": record.assignments})
    fig.update_yaxes(range=[0, 105], ticksuffix="%")
    summary = handed_in.groupby("assignment", sort=False)["percent"].agg(["median", "size"])
    alt = "Box plot of scores per assignment. Median (handed in): " + "; ".join(
        f"{name} {row['median']:.0f}% ({int(row['size'])})" for name, row in summary.iterrows()) + "."
    return figures.finish(fig, title="Scores per assignment", x_title="assignment",
                          y_title="score (% of the maximum)", alt=alt)


def item_difficulty(stats: pd.DataFrame) -> go.Figure:
    """Horizontal bars: each item's mean score as a share of its maximum."""
    fig = px.bar(stats, x=stats["facility"] * 100, y="label", orientation="h",
                 hover_data=["advice", "learners"], color_discrete_sequence=[figures.SEQUENCE[2]])
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, 100], ticksuffix="%")
    hardest = stats.nsmallest(3, "facility")
    alt = (f"Bars for {len(stats)} graded items, from 0 to 100% of the marks earned on average. "
           "Hardest: " + "; ".join(f"{row.label} {row.facility:.0%}" for row in hardest.itertuples())
           + ".")
    return figures.finish(fig, title="Item difficulty: mean score as a share of the maximum",
                          x_title="mean score (% of the item's maximum)", y_title="item", alt=alt,
                          height=_height(len(stats)))


def item_discrimination(stats: pd.DataFrame) -> go.Figure | None:
    """Horizontal bars: each item's correlation with the rest of its assignment (None when no item
    has enough learners to judge)."""
    judged = stats.dropna(subset=["discrimination"])
    if judged.empty:
        return None
    colours = np.where(judged["discrimination"] < WEAK_DISCRIMINATION, figures.SEQUENCE[1],
                       figures.SEQUENCE[0])
    fig = go.Figure(go.Bar(x=judged["discrimination"], y=judged["label"], orientation="h",
                           marker_color=colours, customdata=judged[["advice"]],
                           hovertemplate="%{y}: %{x:.2f}<br>%{customdata[0]}<extra></extra>"))
    fig.add_vline(x=WEAK_DISCRIMINATION, line_dash="dash", line_color="#6b7280")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[-1, 1])
    weak = judged[judged["discrimination"] < WEAK_DISCRIMINATION]
    alt = (f"Bars for {len(judged)} items from -1 to 1, with a dashed line at "
           f"{WEAK_DISCRIMINATION}. " + (f"{len(weak)} below it: " + "; ".join(
               f"{row.label} {row.discrimination:.2f}" for row in weak.head(5).itertuples())
               if len(weak) else "All items are above it") + ".")
    return figures.finish(fig, title="Item discrimination: does the item separate stronger learners?",
                          x_title="correlation of the item with the rest of the assignment",
                          y_title="item", alt=alt, height=_height(len(judged)))


def late_and_missing(record: ClassRecord) -> go.Figure:
    """Stacked bars: on-time, late and missing submissions per assignment."""
    counts = (record.submissions.groupby(["assignment", "status"]).size()
              .unstack(fill_value=0).reindex(columns=list(STATUSES), fill_value=0)
              .reindex(record.assignments))
    fig = go.Figure([go.Bar(name=status, x=counts.index, y=counts[status],
                            marker_color=STATUS_COLOURS[status]) for status in STATUSES])
    fig.update_layout(barmode="stack", legend_title_text="submission")
    alt = "Stacked bars per assignment: " + "; ".join(
        f"{name} {row['on time']} on time, {row['late']} late, {row['missing']} missing"
        for name, row in counts.iterrows()) + "."
    return figures.finish(fig, title="On time, late and missing work", x_title="assignment",
                          y_title="learners", alt=alt)


def follow_up(record: ClassRecord) -> pd.DataFrame:
    """Learners with missing or late work, most missing first: whom to contact."""
    behind = record.submissions[record.submissions["status"] != "on time"]
    table = (behind.groupby(["learner", "status"])["assignment"].agg(", ".join).unstack()
             .reindex(columns=["missing", "late"]).fillna(""))
    missing = behind[behind["status"] == "missing"].groupby("learner").size()
    order = sorted(table.index, key=lambda learner: (-missing.get(learner, 0), learner))
    return table.loc[order].rename_axis(index="learner", columns=None)


def progress(record: ClassRecord) -> go.Figure:
    """Heat map: each learner's score on each assignment (grey = missing), weakest at the bottom."""
    grid = record.submissions.pivot(index="learner", columns="assignment", values="percent")
    grid = grid.reindex(columns=record.assignments)
    order = grid.notna().sum(axis=1) * 1000 + grid.mean(axis=1).fillna(0)
    grid = grid.loc[order.sort_values(ascending=False, kind="stable").index]
    fig = go.Figure(go.Heatmap(z=grid.to_numpy(), x=list(grid.columns), y=list(grid.index),
                               zmin=0, zmax=100, colorscale=figures.HEATMAP_SCALE, hoverongaps=False,
                               colorbar={"title": {"text": "score %"}},
                               hovertemplate="%{y} · %{x}: %{z:.0f}%<extra></extra>"))
    fig.update_yaxes(autorange="reversed", showticklabels=len(grid) <= 60, type="category",
                     showgrid=False)
    fig.update_xaxes(showgrid=False)
    fig.update_layout(plot_bgcolor=MISSING_GREY)
    everything = int(grid.notna().all(axis=1).sum())
    behind = int((grid.isna().sum(axis=1) >= 2).sum())
    alt = (f"Heat map of {len(grid)} learners by {grid.shape[1]} assignments, coloured by score, "
           f"grey where work is missing. {everything} handed in everything; {behind} are missing "
           "two or more. Learners with the least work and lowest scores are at the bottom.")
    return figures.finish(fig, title="Each learner's progress across the modules",
                          x_title="assignment", y_title="learner (weakest at the bottom)", alt=alt,
                          height=_height(len(grid)) if len(grid) <= 60 else 900)


def question_label(table: pd.DataFrame) -> pd.Series:
    """"assignment · question" (graded answers) or "lesson · question" (practice logs), so that
    two modules' "q1" stay apart."""
    where = table["assignment"] if "assignment" in table else table["lesson"]
    return where.fillna("").astype(str).str.cat(table["question"].astype(str), sep=" · ").str.strip(" ·")


def where_stuck(practice: pd.DataFrame) -> go.Figure:
    """Stacked bars: wrong attempts and hints per practice question, most troubled first."""
    per_question = practice.assign(
        label=question_label(practice),
        wrong=practice["status"].eq("incorrect"), hint=practice["event"].eq("hint"),
    ).groupby("label").agg(wrong=("wrong", "sum"), hints=("hint", "sum"),
                           learners=("learner", "nunique"))
    per_question = per_question.assign(trouble=per_question["wrong"] + per_question["hints"])
    top = per_question[per_question["trouble"] > 0].nlargest(TOP_QUESTIONS, "trouble")
    fig = go.Figure([go.Bar(name="wrong attempts", y=top.index, x=top["wrong"], orientation="h",
                            marker_color=figures.SEQUENCE[1]),
                     go.Bar(name="hints asked", y=top.index, x=top["hints"], orientation="h",
                            marker_color=figures.SEQUENCE[2])])
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed")
    alt = ("Stacked bars of wrong attempts and hints per practice question. "
           + ("Most trouble: " + "; ".join(
               f"{label} ({int(row.wrong)} wrong, {int(row.hints)} hints, {int(row.learners)} learners)"
               for label, row in top.head(3).iterrows()) if len(top) else "No wrong attempts or hints")
           + ".")
    return figures.finish(fig, title="Where the room is stuck (practice checks)",
                          x_title="count", y_title="lesson · question", alt=alt,
                          height=_height(len(top)))


def wrong_answers(answers: pd.DataFrame, per_question: int = 3) -> pd.DataFrame:
    """The most common wrong answers per question: question, answer, learners (who gave it)."""
    wrong = answers[answers["status"].eq("incorrect") & answers["answer"].ne("")]
    wrong = wrong.assign(question=question_label(wrong))
    counts = (wrong.groupby(["question", "answer"])["learner"].nunique().rename("learners")
              .reset_index().sort_values(["learners", "question", "answer"],
                                         ascending=[False, True, True]))
    ranked = counts.groupby("question", sort=False).head(per_question)
    questions = ranked.groupby("question", sort=False)["learners"].sum().nlargest(TOP_QUESTIONS).index
    return ranked[ranked["question"].isin(questions)].reset_index(drop=True)


def wrong_answers_figure(answers: pd.DataFrame, what: str) -> go.Figure:
    """Horizontal bars: how many learners gave each common wrong answer (`what`: practice/graded)."""
    table = wrong_answers(answers)
    labels = table["question"] + ": " + table["answer"].str.slice(0, 60)
    fig = go.Figure(go.Bar(x=table["learners"], y=labels, orientation="h",
                           marker_color=figures.SEQUENCE[1]))
    fig.update_yaxes(autorange="reversed")
    alt = (f"Bars of the most common wrong answers to {what} questions. " + ("Top: " + "; ".join(
        f"{row.question} '{row.answer}' by {row.learners}" for row in table.head(3).itertuples())
        if len(table) else "No wrong answers") + ".")
    return figures.finish(fig, title=f"Most common wrong answers ({what} questions): what to re-teach",
                          x_title="learners who gave the answer", y_title="question: answer",
                          alt=alt, height=_height(len(table)))


def saved_answers(path: Path) -> dict:
    """The answers in one `answers.json` (question name -> raw answer); {} when unreadable."""
    return answer_file.read(path)[0]


def read_graded_answers(submitted: str | Path, record: ClassRecord | None = None) -> pd.DataFrame:
    """Graded widget answers from `submitted/<learner>/<assignment>/answers.json`, with a status
    taken from the gradebook: the answer to "q1" is correct when its grade cell "q1_test" has full
    marks, incorrect when it has fewer, and unknown when it is not graded yet."""
    rows = [{"learner": path.parts[-3], "assignment": path.parts[-2], "question": question,
             "answer": attempts.answer_text(answer)}
            for path in sorted(Path(submitted).glob(f"*/*/{answer_file.FILE}"))
            for question, answer in saved_answers(path).items()]
    answers = pd.DataFrame(rows, columns=["learner", "assignment", "question", "answer"])
    items = record.items if record is not None else pd.DataFrame(
        columns=["learner", "assignment", "item", "score", "max_score"])
    graded = items.assign(question=items["item"].str.removesuffix(GRADE_CELL_SUFFIX))
    graded = graded.groupby(["learner", "assignment", "question"], as_index=False)[
        ["score", "max_score"]].sum()
    answers = answers.merge(graded, how="left", on=["learner", "assignment", "question"])
    answers["status"] = np.select([answers["score"].isna(), answers["score"] >= answers["max_score"]],
                                  ["unknown", "correct"], "incorrect")
    return answers.drop(columns=["score", "max_score"])


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


# A demo class, so the dashboard can be tried (and tested) before a real class exists.
DEMO_MODULES = ("01_why_social_media", "02_what_to_do", "03_existing_vs_living",
                "04_relationships_and_influence", "05_metrics", "06_capstone_strategy_plan")
DEMO_ITEMS = (("q1_test", 1.0, 0.0), ("q2_test", 1.0, 1.0), ("task_test", 3.0, -0.5),
              ("reflection", 3.0, 0.2), ("bonus_test", 1.0, 1.5))  # name, points, difficulty
DEMO_WRONG = ("reach", "impressions", "followers", "all three")
DEMO_START = datetime(2026, 3, 2, 17, 0)


def _alembic_head() -> str:
    """The schema version a new gradebook is stamped with, read in this process."""
    import nbgrader
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(Path(nbgrader.__file__).parent / "alembic")).get_current_head()


@contextmanager
def new_gradebook(path: Path) -> Iterator:
    """Create and open an nbgrader gradebook at `path`. nbgrader learns the schema version for a
    new database by starting the `alembic` command (seconds, and only if it is on PATH); the same
    answer is read here in-process instead."""
    from nbgrader import api

    started_alembic = api.get_alembic_version
    api.get_alembic_version = _alembic_head
    try:
        gradebook = api.Gradebook(f"sqlite:///{path}", course_id="smcourse")
    finally:
        api.get_alembic_version = started_alembic
    with gradebook:
        yield gradebook


def _demo_rows(learners: list[str], ability: np.ndarray, rng) -> tuple:
    """A demo class as the rows `class_record` takes (cells, submissions, grades), plus due dates
    per assignment and the answer each learner gave to q1."""
    duedates, cells, handed_in, grades, given = {}, [], [], [], {}
    for week, module in enumerate(DEMO_MODULES):
        duedates[module] = DEMO_START + timedelta(weeks=week)
        cells += [(module, module, name, points) for name, points, _ in DEMO_ITEMS]
        for learner, skill in zip(learners, ability, strict=True):
            if rng.random() < 0.03 + 0.04 * week - 0.05 * skill:
                continue  # missing: weaker learners drop out more as the weeks go by
            hours = rng.exponential(20) if rng.random() < 0.12 else -rng.uniform(1, 72)
            handed_in.append((learner, module, duedates[module] + timedelta(hours=hours), None,
                              duedates[module]))
            for name, points, difficulty in DEMO_ITEMS:
                # a mis-keyed bonus item: the weaker learners are the ones who get it
                edge = -skill if name == "bonus_test" else 2 * skill - difficulty
                score = float(rng.binomial(int(points), 1 / (1 + np.exp(-edge))))
                grades.append((learner, module, module, name, score, False))
                if name == "q1_test":
                    given[(learner, module)] = "reach" if score else str(
                        rng.choice(DEMO_WRONG[1:], p=[0.6, 0.3, 0.1]))
    return duedates, cells, handed_in, grades, given


def _write_demo_gradebook(path: Path, learners: list[str], duedates: dict, cells: list,
                          handed_in: list, grades: list) -> None:
    """Store the demo rows in an nbgrader gradebook through nbgrader's models, in bulk (500
    learners take a second)."""
    from nbgrader.api import (
        Assignment,
        Grade,
        GradeCell,
        Notebook,
        Student,
        SubmittedAssignment,
        SubmittedNotebook,
        new_uuid,
    )

    with new_gradebook(path) as gradebook:
        sources, cell_ids = {}, {}
        for module, duedate in duedates.items():
            assignment = Assignment(name=module, duedate=duedate, course_id="smcourse")
            sources[module] = Notebook(name=module, assignment=assignment)
            gradebook.db.add(assignment)
        for module, notebook, name, points in cells:
            cell_ids[(module, name)] = GradeCell(name=name, notebook=sources[notebook],
                                                 max_score=points, cell_type="code")
        gradebook.db.add_all(cell_ids.values())
        gradebook.db.flush()  # gives the rows their ids; one commit for everything at the end
        submissions = {(learner, module): (new_uuid(), new_uuid())
                       for learner, module, *_ in handed_in}
        rows = {
            Student: [{"id": learner} for learner in learners],
            SubmittedAssignment: [
                {"id": submissions[(learner, module)][0], "student_id": learner,
                 "assignment_id": sources[module].assignment.id, "timestamp": timestamp}
                for learner, module, timestamp, _, _ in handed_in],
            SubmittedNotebook: [
                {"id": notebook_id, "assignment_id": assignment_id,
                 "notebook_id": sources[module].id}
                for (_, module), (assignment_id, notebook_id) in submissions.items()],
            Grade: [{"id": new_uuid(), "cell_id": cell_ids[(module, name)].id,
                     "notebook_id": submissions[(learner, module)][1], "auto_score": score,
                     "needs_manual_grade": needs_marking}
                    for learner, module, _, name, score, needs_marking in grades],
        }
        for model, mappings in rows.items():
            gradebook.db.bulk_insert_mappings(model, mappings)
        gradebook.db.commit()


# lesson, question name, the right answer, the tempting wrong ones (most tempting first)
DEMO_PRACTICE = (
    ("01_why_social_media", "main-outcome", "advocacy", ("direct sales", "more followers")),
    ("02_what_to_do", "rented-property", "a page on a platform", ("the company blog", "a forum")),
    ("02_what_to_do", "stable-relationships", "about 150", ("about 1,500", "about 15")),
    ("03_existing_vs_living", "living-presence", "people who answer", ("a logo that posts daily",
                                                                      "a fixed schedule")),
    ("05_metrics", "engagement-denominator", "reach", ("impressions", "followers")),
    ("05_metrics", "qualitative-data", "sentiment", ("click-through rate", "follower count")),
)


def _demo_practice_logs(folder: Path, learners: list[str], ability: np.ndarray, rng) -> None:
    """One practice log per learner: tries until right (at most four), sometimes asking for a hint."""
    from smcourse.practice import Choice

    for learner, skill in zip(learners, ability, strict=True):
        lines, moment = [], DEMO_START - timedelta(days=7)
        for number, (lesson, name, right, wrong) in enumerate(DEMO_PRACTICE):
            question = Choice(name, [right, *wrong], right, name=name)
            for _ in range(4):
                moment += timedelta(minutes=3)
                if rng.random() < 0.2 + 0.06 * number - 0.2 * skill:
                    lines.append({**attempts.entry(question, "hint", now=moment), "lesson": lesson})
                correct = rng.random() < 1 / (1 + np.exp(0.35 * number - 1 - skill))
                answer = right if correct else str(rng.choice(wrong, p=[0.8, 0.2]))
                lines.append({**attempts.entry(question, "check", "correct" if correct else "incorrect",
                                               answer, now=moment), "lesson": lesson})
                if correct:
                    break
        (folder / f"{learner}.jsonl").write_text(
            "".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def _demo_start(learners: int, seed: int) -> tuple:
    rng = np.random.default_rng(seed)
    names = [f"learner{number:03d}" for number in range(1, learners + 1)]
    return names, rng.normal(0, 1, learners), rng


def demo_record(learners: int = 30, seed: int = 2026) -> ClassRecord:
    """The demo class's gradebook as a ClassRecord, without nbgrader (what `demo_class` stores)."""
    names, ability, rng = _demo_start(learners, seed)
    _, cells, handed_in, grades, _ = _demo_rows(names, ability, rng)
    return class_record(cells, names, handed_in, grades)


def demo_class(folder: str | Path, learners: int = 30, seed: int = 2026,
               gradebook: bool = True) -> dict[str, Path]:
    """Write a synthetic class into `folder`: `gradebook.db` (unless `gradebook` is False),
    `submitted/<learner>/<assignment>/answers.json` and `attempts/<learner>.jsonl`.
    Deterministic for a given seed; returns the paths that `build` takes."""
    folder = Path(folder)
    paths = {"submitted": folder / "submitted", "attempts_folder": folder / "attempts"}
    for path in paths.values():
        path.mkdir(parents=True, exist_ok=True)
    names, ability, rng = _demo_start(learners, seed)
    duedates, cells, handed_in, grades, given = _demo_rows(names, ability, rng)
    if gradebook:
        paths = {"gradebook": folder / "gradebook.db", **paths}
        _write_demo_gradebook(paths["gradebook"], names, duedates, cells, handed_in, grades)
    for (learner, module), answer in given.items():
        target = paths["submitted"] / learner / module
        target.mkdir(parents=True, exist_ok=True)
        (target / answer_file.FILE).write_text(json.dumps({"q1": answer}), encoding="utf-8")
    _demo_practice_logs(paths["attempts_folder"], names, ability, rng)
    return paths
