"""Grade N submissions of one assignment three ways, on identical copies of a course: plain serial
`nbgrader autograde`, `smcourse.instructor.grading.grade` with cold kernels (a new Python per notebook, as
before warm kernels), and `smcourse.instructor.grading.grade` with warm kernels (forked from each worker's
zygote, `smcourse.instructor.warm`), both sandboxed and one worker per core. Prints, in one block, the three
times, warm kernels' speed-up over serial nbgrader (the headline), the load on the machine, and
whether every learner got the same score in all three (it exits with an error if not). With
`--cpu`, also the CPU seconds each way spends per submission, every process counted (nbgrader,
workers, launchers, bubblewrap, kernels): unlike wall time, this hardly moves with the load of a
shared machine, and on an idle one the speed-up follows it. Not part of `make test`.

    .venv/bin/python benchmarks/grading.py --count 100 --assignment 05_metrics --cpu

Where warm grading's time goes (profiled 2026-11-30 on 05_metrics, two workers, timestamps per
phase and cProfile; per submission). CPU, about 0.9 s: the kernel 0.38 s (the notebook's own cells
about 0.33 s, as much when run a second time in one process, so nothing is left to warm in the
zygote; ipykernel's start after the fork 0.05 s), the worker 0.35 s (nbgrader's two passes and its
gradebook, the kernel client's message handling, the referee's judge about 0.065 s), the launcher
and bubblewrap about 0.07 s, the main process's copy into the gradebook 0.02 s. A worker's wall
time at load 4-5: nbgrader's init_assignment 0.15-0.19 s, sanitize pass 0.09-0.12 s, kernel start
0.36 s (the launcher's Python and imports 0.11 s, arguments and connecting 0.02 s, bubblewrap's
view 0.01 s, fork, limits and setns 0.035 s, ipykernel ~0.17 s), the notebook 0.62 s, shutdown
0.07 s, the referee's verdicts 0.15-0.17 s, saving the grades and the notebook 0.13-0.17 s; a
worker waits 2-4 ms between submissions. The workers wait while their kernel starts and runs, but
on a shared machine the cores rarely idle: a third worker on two cores made both the wall time
and the CPU a submission worse (load 5-8), so the lever is CPU.

Profiled again later that day, per submission (kernels: CPU per thread from /proc and cProfile on
the kernel's main thread with a thread-CPU clock; the worker: cProfile with a CPU clock; shares are
of profiled time). A kernel's CPU is its main thread's: 0.30-0.35 s for a solved notebook, 0.20 s
for a blank one; its IOPub thread 0.01-0.05 s, its heartbeat, control, shell-channel and ZeroMQ
threads about nothing. Of the main thread: the notebook's own code 60 % (plotly building each
figure with the course template about 8 %, the answer boxes' widgets and their comm messages 6 %),
ipykernel's start after the fork 12 % (making the shell 6 %, traitlets parsing the command line
2.5 %), IPython transforming each cell's input, twice, 7 %, jupyter_client packing and signing about
230 messages 7 %, the pure-Python murmur2 hash ipykernel names each cell with 3 %, the displayhook
3 %, the history under 1 %. So the kernel's own overhead is spread thin: no one piece of it is more
than about 0.02 s. Skipping ipykernel's flushes of streams with nothing written (two thirds of some
580 hand-overs to the IOPub thread) changed no measured CPU, and was left out. Of the worker: the
kernel client's handling of about 200 messages 32 %, the referee's judge 20 % (the hidden tests
themselves; rebuilding a learner's figure through plotly's validation 4 %), SaveAutoGrades 9 %,
init_assignment 7 %, OverwriteCells 6 %, nbgrader opening the gradebook ten times (create_all and
check_course each time) 6 %, nbconvert validating the whole notebook after each preprocessor and
nbformat validating each output (through jsonschema's slow $ref path) 8 %, writing the notebook
twice 5 %. The launcher, a new Python per notebook: 0.055 s of start-up and imports, down from
0.067 s once `sandbox.Limits` stopped being a dataclass and `warm` stopped importing tempfile at
the top (importing `smcourse` itself still costs it about 12 ms, `core.errors` importing html).
The whole run after that, load 2.4 rising to 5.6: serial nbgrader 313.4 s (1.96 s of CPU a
submission), cold 148.5 s (2.08 s), warm 90.4 s (1.07 s), 3.47x; the CPU ratio 1.84, as before
(1.86): every way's CPU a submission rises with the load (earlier, at load 1-5: 1.73, 1.91 and
0.93 s), so compare the ratios, not the seconds, across runs.

On the same two cores with no other session running (30 November 2026, load 1.6-3.0, 05_metrics,
100 submissions), twice: serial nbgrader 221.5 s (1.77 s of CPU a submission), cold kernels 97.4 s
(1.62), warm kernels 44.1 s (0.79): 5.02x; then 205.1 s, 92.4 s and 44.9 s: 4.57x; identical
scores both times. A shared machine costs warm grading more than serial nbgrader, whose one
process leaves the second core to the other sessions.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from smcourse.core import notebooks
from smcourse.instructor import grading

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


def cpu_seconds() -> float:
    """CPU time of this process and of every descendant that has ended and been waited for."""
    return sum(usage.ru_utime + usage.ru_stime for usage in
               (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=100, help="submissions (default: 100)")
    options.add_argument("--assignment", default="05_metrics")
    options.add_argument("--workers", type=int, default=os.cpu_count())
    options.add_argument("--cpu", action="store_true", help="also report CPU seconds per submission")
    args = options.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        warm, cold, plain = (Path(scratch) / name for name in ("warm", "cold", "plain"))
        warm.mkdir()
        build_course(warm, args.assignment, args.count)
        shutil.copytree(warm, cold)
        shutil.copytree(warm, plain)
        seconds, cpu = {}, {}
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
        start, cpu_start = time.perf_counter(), cpu_seconds()
        subprocess.run([Path(sys.executable).parent / "nbgrader", "autograde", args.assignment,
                        "--log-level=ERROR"], cwd=plain, env=env, check=True)
        seconds["plain"], cpu["plain"] = time.perf_counter() - start, cpu_seconds() - cpu_start
        for name, folder, warm_kernels in (("cold", cold, False), ("warm", warm, True)):
            start, cpu_start = time.perf_counter(), cpu_seconds()
            grading.grade(args.assignment, folder, workers=args.workers, show_progress=False,
                          warm_kernels=warm_kernels)
            seconds[name], cpu[name] = time.perf_counter() - start, cpu_seconds() - cpu_start
        same = scores(plain, args.assignment) == scores(cold, args.assignment) \
            == scores(warm, args.assignment)
    labels = {"plain": "serial nbgrader autograde", "cold": "smcourse grade, cold kernels",
              "warm": "smcourse grade, warm kernels"}
    print(f"{args.assignment}: {args.count} submissions, {args.workers} workers on {os.cpu_count()} cores, "
          f"load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after")
    for name, label in labels.items():
        print(f"  {label:30} {seconds[name]:7.1f} s"
              + (f"   {cpu[name] / args.count:5.2f} s of CPU a submission" if args.cpu else ""))
    print(f"  speed-up over serial nbgrader: warm {seconds['plain'] / seconds['warm']:.2f}x, "
          f"cold {seconds['plain'] / seconds['cold']:.2f}x")
    if args.cpu:
        print(f"  CPU a submission, serial nbgrader over warm kernels: {cpu['plain'] / cpu['warm']:.2f}x "
              f"(on an idle machine the speed-up is at most this times {args.workers} workers)")
    print(f"  identical scores: {'yes' if same else 'NO'}")
    if not same:
        sys.exit("the gradebooks disagree")


if __name__ == "__main__":
    main()
