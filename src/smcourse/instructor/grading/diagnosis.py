"""What went wrong with a submission, and what kept a class run safe, in words for the grader."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory

from smcourse.core import answer_file
from smcourse.instructor import sandbox


def submission_problems(gradebook: Gradebook, coursedir: CourseDirectory, assignment: str,
                         student: str, locked: dict[str, dict[str, str]]) -> tuple[list[str], bool]:
    """What is wrong with a submission before running it, and whether it can be run at all;
    `locked` holds each notebook's locked cells as released (`locked_sources`)."""
    folder = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
    problems, runnable = [], True
    for notebook in gradebook.find_assignment(assignment).notebooks:
        path = folder / f"{notebook.name}.ipynb"
        if not path.is_file():
            problems.append(f"{path.name} was not submitted (0 points)")
            runnable = False
            continue
        try:
            submitted = nbformat.read(path, as_version=4)
        except Exception as error:  # nbformat raises several types for broken files
            problems.append(f"{path.name} is not a readable notebook ({type(error).__name__}: "
                            f"{str(error)[:200]}) (0 points)")
            runnable = False
            continue
        present = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell.source
                   for cell in submitted.cells}
        deleted = sorted(cell.name for cell in notebook.grade_cells if cell.name not in present)
        if deleted:
            problems.append(f"graded cells deleted: {', '.join(deleted)} (0 points for them)")
        edited = sorted(name for name, source in locked[notebook.name].items()
                        if name in present and present[name] != source)
        if edited:
            problems.append(f"locked cells edited: {', '.join(edited)} (nbgrader graded them "
                            "with the original cells)")
    if not (folder / answer_file.FILE).is_file() and runnable:
        problems.append(f"no {answer_file.FILE} submitted (widget questions score 0)")
    return problems, runnable


def locked_sources(coursedir: CourseDirectory, assignment: str, notebook: str) -> dict[str, str]:
    """grade_id -> source of each locked cell as released to learners."""
    path = Path(coursedir.format_path(coursedir.release_directory, ".", assignment)) / f"{notebook}.ipynb"
    if not path.is_file():
        return {}
    return {cell.metadata.nbgrader["grade_id"]: cell.source
            for cell in nbformat.read(path, as_version=4).cells
            if cell.metadata.get("nbgrader", {}).get("locked")}


def log_problems(log: str, events: list[dict], limits: sandbox.Limits) -> list[str]:
    """Why a kernel stopped, from nbgrader's log and the sandbox's events."""
    if any(event["event"] == "wall-clock-limit" for event in events):
        return [f"the notebook ran for longer than {limits.wall_seconds} s in all and was stopped "
                "(0 points)"]
    for event in events:
        if event.get("signal") == "SIGKILL" and event["cpu_seconds"] >= limits.cpu_seconds - 1:
            return [f"the notebook used up its {limits.cpu_seconds} s of CPU time and was stopped "
                    "(0 points)"]
    if "DeadKernelError" in log or "Kernel died" in log:
        signals = [event["signal"] for event in events if "signal" in event]
        if signals:
            return [f"the notebook's kernel was ended by {signals[-1]}, so it could not be graded "
                    "(0 points)"]
        return ["the notebook stopped its own kernel (e.g. os._exit), so it could not be graded "
                "(0 points)"]
    if "UnresponsiveKernelError" in log or "became unresponsive" in log:
        return ["the kernel stopped responding (0 points)"]
    return []


def safety(events: list[dict], limits: sandbox.Limits, cell_timeout: int) -> list[str]:
    """One line per protection, from what the sandbox launchers reported."""
    if not sandbox.SUPPORTED:
        return ["WARNING: learners' code ran without the sandbox, which needs Linux; only the time "
                "limit per cell applied (see the grading guide)"]
    started = [event for event in events if event["event"] == "started"]
    if not started:
        return []
    lines = [f"time: {cell_timeout} s per cell, {limits.wall_seconds} s per notebook",
             f"limits per process: {limits.memory_mb} MB of memory, {limits.cpu_seconds} s of CPU, "
             f"files up to {limits.file_mb} MB"]
    capped = {event["tasks_capped_by"] for event in started}
    lines.append(f"processes and threads capped at {limits.tasks}" if "none" not in capped else
                 "WARNING: the number of processes was not capped (root without a writable pids "
                 "cgroup); see the grading guide")
    files = {event["files"] for event in started}
    if files == {"isolated"}:
        lines.append("files: learners' code saw only its own folder, Python, the kit and the "
                     "datasets, and could write only to its own folder; no network, none of your "
                     "environment")
    else:
        lines.append("WARNING: learners' code was not isolated (" + "; ".join(sorted(files - {"isolated"}))
                     + "): it could read the course's solutions and use the network; install "
                     "bubblewrap or grade in a container, as the grading guide explains")
    lines.append("hidden tests: judged again outside the learners' kernels, on the values and "
                 "answers they handed in")
    return lines
