"""Grade N submissions of one assignment twice, on identical copies of a course: with
`smcourse.grading.grade` (parallel) and with plain serial `nbgrader autograde`. Prints both times,
the speed-up and whether every learner got the same score. Not part of `make test`.

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
        parallel, serial = Path(scratch) / "parallel", Path(scratch) / "serial"
        parallel.mkdir()
        build_course(parallel, args.assignment, args.count)
        shutil.copytree(parallel, serial)
        start = time.perf_counter()
        grading.grade(args.assignment, parallel, workers=args.workers)
        parallel_seconds = time.perf_counter() - start
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
        start = time.perf_counter()
        subprocess.run([Path(sys.executable).parent / "nbgrader", "autograde", args.assignment,
                        "--log-level=ERROR"], cwd=serial, env=env, check=True)
        serial_seconds = time.perf_counter() - start
        same = scores(parallel, args.assignment) == scores(serial, args.assignment)
        print(json.dumps({
            "submissions": args.count, "workers": args.workers, "cores": os.cpu_count(),
            "smcourse_grade_seconds": round(parallel_seconds, 1),
            "nbgrader_autograde_seconds": round(serial_seconds, 1),
            "speed_up": round(serial_seconds / parallel_seconds, 2),
            "identical_scores": same}, indent=1))
        if not same:
            sys.exit("the two gradebooks disagree")


if __name__ == "__main__":
    main()
