"""Statistics over a class's records: item difficulty and discrimination with advice per item,
whom to follow up for late or missing work, and the most common wrong answers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from smcourse.instructor.dashboard.records import ClassRecord

MIN_LEARNERS_FOR_DISCRIMINATION = 3
WEAK_DISCRIMINATION = 0.2
TOP_QUESTIONS = 12


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


def follow_up(record: ClassRecord) -> pd.DataFrame:
    """Learners with missing or late work, most missing first: whom to contact."""
    behind = record.submissions[record.submissions["status"] != "on time"]
    table = (behind.groupby(["learner", "status"])["assignment"].agg(", ".join).unstack()
             .reindex(columns=["missing", "late"]).fillna(""))
    missing = behind[behind["status"] == "missing"].groupby("learner").size()
    order = sorted(table.index, key=lambda learner: (-missing.get(learner, 0), learner))
    return table.loc[order].rename_axis(index="learner", columns=None)


def question_label(table: pd.DataFrame) -> pd.Series:
    """"assignment · question" (graded answers) or "lesson · question" (practice logs), so that
    two modules' "q1" stay apart."""
    where = table["assignment"] if "assignment" in table else table["lesson"]
    return where.fillna("").astype(str).str.cat(table["question"].astype(str), sep=" · ").str.strip(" ·")


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
