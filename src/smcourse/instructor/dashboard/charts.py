"""The dashboard's plotly figures, each finished by `smcourse.ui.figures.finish` so it has a title,
labelled axes and alt text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from smcourse.instructor.dashboard.records import ClassRecord
from smcourse.instructor.dashboard.statistics import (
    TOP_QUESTIONS,
    WEAK_DISCRIMINATION,
    question_label,
    wrong_answers,
)
from smcourse.ui import figures

STATUSES = ("on time", "late", "missing")
STATUS_COLOURS = {"on time": figures.SEQUENCE[0], "late": figures.SEQUENCE[3],
                  "missing": figures.SEQUENCE[1]}
MISSING_GREY = "#9ca3af"


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
