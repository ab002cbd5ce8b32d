"""The demo class the instructor notebook shows before a real class exists: 30 (or any number of)
invented learners over the six modules, deterministic for a seed. `demo_record` gives its gradebook
as a ClassRecord without nbgrader; `demo_class` writes its saved answers and practice logs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from smcourse.core import answer_file, attempts
from smcourse.instructor.dashboard.records import ClassRecord, class_record

DEMO_MODULES = ("01_why_social_media", "02_what_to_do", "03_existing_vs_living",
                "04_relationships_and_influence", "05_metrics", "06_capstone_strategy_plan")
DEMO_ITEMS = (("q1_test", 1.0, 0.0), ("q2_test", 1.0, 1.0), ("task_test", 3.0, -0.5),
              ("reflection", 3.0, 0.2), ("bonus_test", 1.0, 1.5))  # name, points, difficulty
DEMO_WRONG = ("reach", "impressions", "followers", "all three")
DEMO_START = datetime(2026, 3, 2, 17, 0)


@dataclass(frozen=True)
class DemoRows:
    """The demo class as the rows `class_record` takes (learners, cells, submissions, grades), plus
    the due date of each assignment and the answer each learner gave to q1 in each."""

    learners: list[str]
    cells: list
    handed_in: list
    grades: list
    duedates: dict[str, datetime]
    given: dict[tuple[str, str], str]


def _demo_rows(learners: list[str], ability: np.ndarray, rng) -> DemoRows:
    """Draw the demo class's rows for `learners` of the given `ability`."""
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
    return DemoRows(learners, cells, handed_in, grades, duedates, given)


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
    from smcourse.core.practice import Choice

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


def _demo(learners: int, seed: int) -> tuple[DemoRows, np.ndarray, np.random.Generator]:
    """The demo class's rows, each learner's ability, and the generator that goes on to draw their
    practice logs."""
    rng = np.random.default_rng(seed)
    names = [f"learner{number:03d}" for number in range(1, learners + 1)]
    ability = rng.normal(0, 1, learners)
    return _demo_rows(names, ability, rng), ability, rng


def demo_rows(learners: int = 30, seed: int = 2026) -> DemoRows:
    """The demo class's gradebook rows, as an nbgrader gradebook of it would hold them."""
    return _demo(learners, seed)[0]


def demo_record(learners: int = 30, seed: int = 2026) -> ClassRecord:
    """The demo class's gradebook as a ClassRecord, without nbgrader."""
    rows = demo_rows(learners, seed)
    return class_record(rows.cells, rows.learners, rows.handed_in, rows.grades)


def demo_class(folder: str | Path, learners: int = 30, seed: int = 2026) -> dict[str, Path]:
    """Write the demo class's `submitted/<learner>/<assignment>/answers.json` and
    `attempts/<learner>.jsonl` into `folder`. Deterministic for a given seed; returns the paths that
    `build` takes, beside `demo_record` with the same learners and seed."""
    folder = Path(folder)
    paths = {"submitted": folder / "submitted", "attempts_folder": folder / "attempts"}
    for path in paths.values():
        path.mkdir(parents=True, exist_ok=True)
    rows, ability, rng = _demo(learners, seed)
    for (learner, module), answer in rows.given.items():
        target = paths["submitted"] / learner / module
        target.mkdir(parents=True, exist_ok=True)
        (target / answer_file.FILE).write_text(json.dumps({"q1": answer}), encoding="utf-8")
    _demo_practice_logs(paths["attempts_folder"], rows.learners, ability, rng)
    return paths
