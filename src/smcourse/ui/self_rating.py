"""Self-rating before and after the course: each learner rates every learning objective, and sees
their own two ratings side by side.

The objectives are read from each lesson's "What you will learn" list, so the form follows the
lessons. A learner's ratings are saved, as they move a slider, in `self_rating.json` beside the
notebook: `{"before": {"05_metrics.2": 3, ...}, "after": {...}}`. What moved across the class is
the instructor's page (`smcourse.instructor.dashboard.class_ratings`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd
import plotly.graph_objects as go

from smcourse.core import notebooks, templates
from smcourse.core.errors import SmcourseError
from smcourse.ui import figures

RATINGS_FILE = "self_rating.json"
STAGES = ("before", "after")
SCALE = {1: "I could not do this", 2: "I could do it with help", 3: "I could do it on my own",
         4: "I could do it well", 5: "I could teach it"}
OBJECTIVES_HEADING = "## What you will learn"
BULLET = re.compile(r"^- (.+?)(?=^- |\Z)", re.M | re.S)


@dataclass(frozen=True)
class Objective:
    """One learning objective: `id` is the lesson's stem and its place in the list ("05_metrics.2")."""

    id: str
    module: str
    text: str


def objectives(lessons: list[Path] | None = None) -> list[Objective]:
    """Every objective of every lesson, in course order."""
    found = []
    for path in lessons or notebooks.lessons():
        lesson = nbformat.read(path, as_version=4)
        module = next((cell.source.split("\n")[0].lstrip("# ").strip() for cell in lesson.cells
                       if cell.source.startswith("# ")), path.stem)
        listing = next((cell.source for cell in lesson.cells
                        if cell.cell_type == "markdown" and cell.source.startswith(OBJECTIVES_HEADING)), "")
        for number, item in enumerate(BULLET.findall(listing), start=1):
            text = " ".join(item.replace("**", "").split())
            found.append(Objective(f"{path.stem}.{number}", module, text))
    return found


def load(path: Path) -> dict[str, dict[str, int]]:
    """The ratings saved at `path` ({} for a missing file); an SmcourseError for a damaged one."""
    if not path.is_file():
        return {}
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        raise SmcourseError(f"{path} is damaged: delete it and rate yourself again.") from None
    if not isinstance(saved, dict):
        raise SmcourseError(f"{path} is not a self-rating file: delete it and rate yourself again.")
    return {stage: {key: value for key, value in saved.get(stage, {}).items()
                    if isinstance(value, int) and value in SCALE} for stage in STAGES}


def save(path: Path, stage: str, ratings: dict[str, int]) -> None:
    """Store one stage's ratings at `path`, keeping the other stage's."""
    saved = load(path) | {stage: dict(ratings)}
    path.write_text(json.dumps(saved, indent=1, sort_keys=True) + "\n", encoding="utf-8")


class SelfRatingForm:
    """A slider per objective, grouped by module; every move is saved at once."""

    def __init__(self, stage: str, folder: Path | None = None):
        import ipywidgets as w

        from smcourse.ui.widgets import Slider

        if stage not in STAGES:
            raise SmcourseError(f"the stage is {' or '.join(map(repr, STAGES))}, not {stage!r}.")
        self.stage, self.path = stage, (folder or Path.cwd()) / RATINGS_FILE
        earlier = load(self.path).get(stage, {})
        texts = {str(value): words for value, words in SCALE.items()}
        self.sliders, by_module = {}, {}
        for objective in objectives():
            slider = Slider(value=earlier.get(objective.id, 1), min=1, max=5,
                            description=objective.text, value_texts=texts, label_after=True)
            slider.observe(lambda change: self.save(), names="value")
            self.sliders[objective.id] = slider
            by_module.setdefault(objective.module, []).append(slider)
        sections = [w.VBox([w.HTML(templates.render("self_rating_module.html", module=module)), *rows])
                    for module, rows in by_module.items()]
        self.box = w.VBox([w.HTML(templates.render("self_rating_scale.html", stage=stage, scale=SCALE)),
                           *sections])

    @property
    def ratings(self) -> dict[str, int]:
        return {key: slider.value for key, slider in self.sliders.items()}

    def save(self) -> None:
        save(self.path, self.stage, self.ratings)

    def _ipython_display_(self):
        from smcourse.ui.widgets import show_widget

        show_widget(self.box, f"Self-rating {self.stage} the course")


class OwnBeforeAndAfter:
    """A learner's own two ratings of each objective, side by side: a table and a figure per
    module, or, until both forms are filled in, what is still to do."""

    def __init__(self, folder: Path | None = None, known: list[Objective] | None = None):
        saved = load((folder or Path.cwd()) / RATINGS_FILE)
        self.missing = [stage for stage in STAGES if not saved.get(stage)]
        before, after = (saved.get(stage, {}) for stage in STAGES)
        rows = [(objective.module, objective.text, before.get(objective.id), after.get(objective.id))
                for objective in known or objectives()]
        table = pd.DataFrame(rows, columns=["module", "objective", *STAGES]).dropna()
        self.table = table.astype({stage: int for stage in STAGES}).reset_index(drop=True)
        self.table["change"] = self.table["after"] - self.table["before"]

    @property
    def message(self) -> str:
        """What to do first, or "" when there is a before and an after to compare."""
        if "before" in self.missing:
            return ("There is no rating from before the course in self_rating.json, so there is "
                    "nothing to compare yet: fill in the form under *Before the course* first.")
        if "after" in self.missing:
            return ("You have rated yourself before the course but not after it yet: at the end of "
                    "the course, fill in the form under *After the course*, then run this cell "
                    "again to see the two side by side.")
        if self.table.empty:
            return ("None of the objectives you rated before the course is among those you rated "
                    "after it (the lessons changed in between), so there is nothing to compare.")
        return ""

    def figure(self) -> go.Figure:
        return module_figure(self.table, whose="your own")

    def _ipython_display_(self):
        from IPython.display import Markdown, display

        if self.message:
            display(Markdown(self.message))
            return
        display(self.table)
        display(self.figure())


def module_figure(summary: pd.DataFrame, whose: str = "the class's") -> go.Figure:
    """Each module's average rating before and after, as two dots joined by a line; `whose` names
    the ratings in the alt text ("the class's", "your own")."""
    modules = summary.groupby("module", sort=False)[["before", "after"]].mean()
    fig = go.Figure()
    for module, row in modules.iterrows():
        fig.add_trace(go.Scatter(x=[row["before"], row["after"]], y=[module, module], mode="lines",
                                 line={"color": "#9ca3af"}, showlegend=False, hoverinfo="skip"))
    for index, stage in enumerate(STAGES):
        fig.add_trace(go.Scatter(x=modules[stage], y=modules.index, mode="markers", name=stage,
                                 marker={"size": 12, "color": figures.SEQUENCE[index]}))
    fig.update_xaxes(range=[0.8, 5.2], tickvals=list(SCALE))
    fig.update_yaxes(autorange="reversed")
    moved = ", ".join(f"{module} {row['before']:.1f} to {row['after']:.1f}"
                      for module, row in modules.iterrows())
    return figures.finish(fig, title="Self-rating before and after the course, per module",
                          x_title="Average rating (1 = could not do it, 5 = could teach it)",
                          y_title="Module", alt=f"Dot chart of {whose} average self-rating per "
                                                f"module, before and after: {moved}.")
