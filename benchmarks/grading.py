"""Grade N submissions of one assignment three times, on identical copies of a course: with
`smcourse.grading.grade` in parallel, with it on one worker, and with plain serial `nbgrader
autograde`. Prints the times, the parallel speed-up, the cost of the grading sandbox (one
sandboxed worker against plain nbgrader, which runs learners' code unguarded) and whether every
learner got the same score. Not part of `make test`.

    .venv/bin/python benchmarks/grading.py --count 100 --assignment 05_metrics
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from smcourse import grading, notebooks

ROOT = Path(__file__).resolve().parents[1]


def build_course(folder: Path, assignment: str, count: int) -> None:
    """A released course with `count` submissions: every third learner leaves the code blank."""
    shutil.copy(ROOT / "nbgrader_config.py", folder)
    shutil.copytree(ROOT / "solutions" / assignment, folder / "solutions" / assignment)
    grading.release(folder, [assignment])
    run = folder / "source-run"
    run.mkdir()
    shutil.copy(folder / "solutions" / assignment / f"{assignment}.ipynb", run)
    notebooks.execute(run / f"{assignment}.ipynb")  # saves the right answers, as clicks would
    answers = (run / "answers.json").read_text()
    source = nbformat.read(folder / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
    solved = nbformat.read(folder / "exercises" / assignment / f"{assignment}.ipynb", as_version=4)
    blank = nbformat.read(folder / "exercises" / assignment / f"{assignment}.ipynb", as_version=4)
    for cell, original in zip(solved.cells, source.cells, strict=True):
        if cell.metadata.get("nbgrader", {}).get("solution") and cell.cell_type == "code":
            cell.source = original.source
    for number in range(count):
        target = folder / "submitted" / f"learner{number:03d}" / assignment
        target.mkdir(parents=True)
        nbformat.write(blank if number % 3 == 2 else solved, target / f"{assignment}.ipynb")
        (target / "answers.json").write_text(answers)


def scores(folder: Path, assignment: str) -> dict[str, float]:
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}", "smcourse") as gradebook:
        return {submission.student.id: submission.score
                for submission in gradebook.find_assignment(assignment).submissions}


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=100, help="submissions (default: 100)")
    options.add_argument("--assignment", default="05_metrics")
    options.add_argument("--workers", type=int, default=os.cpu_count())
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        parallel, one_worker, plain = (Path(scratch) / name for name in ("parallel", "one", "plain"))
        parallel.mkdir()
        build_course(parallel, args.assignment, args.count)
        shutil.copytree(parallel, one_worker)
        shutil.copytree(parallel, plain)
        seconds = {}
        for name, folder, workers in (("parallel", parallel, args.workers), ("one_worker", one_worker, 1)):
            start = time.perf_counter()
            grading.grade(args.assignment, folder, workers=workers)
            seconds[name] = time.perf_counter() - start
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
        start = time.perf_counter()
        subprocess.run([Path(sys.executable).parent / "nbgrader", "autograde", args.assignment,
                        "--log-level=ERROR"], cwd=plain, env=env, check=True)
        seconds["plain"] = time.perf_counter() - start
        same = scores(parallel, args.assignment) == scores(plain, args.assignment) \
            == scores(one_worker, args.assignment)
        print(json.dumps({
            "submissions": args.count, "workers": args.workers, "cores": os.cpu_count(),
            "smcourse_grade_seconds": round(seconds["parallel"], 1),
            "smcourse_grade_one_worker_seconds": round(seconds["one_worker"], 1),
            "nbgrader_autograde_seconds": round(seconds["plain"], 1),
            "speed_up": round(seconds["plain"] / seconds["parallel"], 2),
            "sandboxed_one_worker_vs_nbgrader": round(seconds["one_worker"] / seconds["plain"], 2),
            "identical_scores": same}, indent=1))
        if not same:
            sys.exit("the gradebooks disagree")


if __name__ == "__main__":
    main()
