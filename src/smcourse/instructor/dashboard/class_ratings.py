"""The class's self-ratings before and after the course, as an instructor's page.

The instructor collects each learner's `self_rating.json` (written by the learner's form,
`smcourse.ui.self_rating`) into one folder (`folder/<learner>.json` or
`folder/<learner>/.../self_rating.json`); `class_summary` gives each objective's average before and
after, over the learners who rated it both times, and `board` shows it (`smcourse pack ratings`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from smcourse.core.errors import SmcourseError
from smcourse.instructor.dashboard.page import Dashboard, Section
from smcourse.ui import self_rating


def _learner(path: Path, root: Path) -> str:
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else path.stem


def read(folder: Path) -> pd.DataFrame:
    """Every collected rating under `folder`: learner, stage, objective, rating. Damaged files are
    named in an SmcourseError rather than skipped, so no learner is silently left out."""
    if not folder.is_dir():
        raise SmcourseError(f"no folder of self-ratings at {folder}: collect each learner's "
                            f"{self_rating.RATINGS_FILE} into it first.")
    rows, damaged = [], []
    for path in sorted(folder.rglob("*.json")):
        try:
            saved = self_rating.load(path)
        except SmcourseError:
            damaged.append(str(path.relative_to(folder)))
            continue
        rows += [(_learner(path, folder), stage, key, value)
                 for stage, ratings in saved.items() for key, value in ratings.items()]
    if damaged:
        raise SmcourseError(f"these files are not self-ratings: {', '.join(damaged)}. Ask the "
                            "learners for them again, or move them out of the folder.")
    return pd.DataFrame(rows, columns=["learner", "stage", "objective", "rating"])


def class_summary(ratings: pd.DataFrame, known: list[self_rating.Objective]) -> pd.DataFrame:
    """Per objective: module, objective, before, after, change and how many learners rated it both
    times (only they count), in course order."""
    both = ratings.pivot_table(index=["learner", "objective"], columns="stage", values="rating")
    both = both.reindex(columns=list(self_rating.STAGES)).dropna()
    means = both.groupby(level="objective").agg(["mean", "size"])
    rows = []
    for objective in known:
        if objective.id in means.index:
            before = means.loc[objective.id, ("before", "mean")]
            after = means.loc[objective.id, ("after", "mean")]
            rows.append((objective.module, objective.text, before, after, after - before,
                         int(means.loc[objective.id, ("before", "size")])))
    return pd.DataFrame(rows, columns=["module", "objective", "before", "after", "change", "learners"])


def board(folder: Path, known: list[self_rating.Objective] | None = None) -> Dashboard:
    """The class's before and after as a dashboard page: per module, then per objective, the
    objectives that moved least first."""
    ratings = read(folder)
    summary = class_summary(ratings, known or self_rating.objectives())
    if summary.empty:
        raise SmcourseError(f"no learner under {folder} has rated themselves both before and after "
                            "the course yet.")
    learners = ratings.pivot_table(index="learner", columns="stage", values="rating", aggfunc="size")
    both = int(learners.reindex(columns=list(self_rating.STAGES)).notna().all(axis=1).sum())
    table = summary.sort_values("change", kind="stable").round({"before": 1, "after": 1, "change": 1})
    return Dashboard(
        [f"{both} of {len(learners)} learners rated themselves both before and after.",
         f"Average rating {summary['before'].mean():.1f} before, {summary['after'].mean():.1f} after."],
        [Section("Self-rating per module", figure=self_rating.module_figure(summary)),
         Section("Self-rating per objective, least moved first", table=table.reset_index(drop=True))])
