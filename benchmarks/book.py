"""Time a clean build of the course site and a rebuild after a prose edit: `python benchmarks/book.py`.

Both run `book/build.py` (what `make book` runs) in a fresh process, on a copy of the sources in a
temporary folder, so neither book/_build nor any page in the worktree is touched. The prose edit
appends a sentence to a Markdown cell of the metrics lesson (the first lesson when it is missing;
the landing page when there is no lesson yet). Prints wall-clock and CPU seconds and the ratio of
rebuild to clean build; the target is a ratio of at most 0.15. CPU time is the steadier figure on
a busy machine. A build with nothing to do is timed too: it is the fixed start-up (imports, the
saved environment, the theme), which both builds pay, so the ratio cannot fall below
start-up / clean build.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("book", "course", "exercises", "datasets")
REBUILDS = 3


def copy_sources(target: Path) -> None:
    for name in SOURCES:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name, symlinks=True,
                            ignore=shutil.ignore_patterns("_build", "_vendor", ".ipynb_checkpoints"))
    (target / "book" / "_vendor").symlink_to(ROOT / "book" / "_vendor")


def build(root: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one build of the site copied to `root`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, str(root / "book" / "build.py")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def edit_prose(root: Path, round_: int) -> str:
    """Append a sentence to a lesson's last Markdown cell (or to the landing page); its name."""
    lessons = sorted((root / "course").glob("[0-9][0-9]_*.ipynb"))
    metrics = [path for path in lessons if path.name.startswith("05_")]
    sentence = f"\n\nA sentence added by the benchmark, round {round_}."
    if not lessons:
        page = root / "book" / "intro.md"
        page.write_text(page.read_text() + sentence)
        return page.name
    lesson = (metrics or lessons)[0]
    notebook = nbformat.read(lesson, as_version=4)
    cell = [c for c in notebook.cells if c.cell_type == "markdown"][-1]
    cell.source += sentence
    nbformat.write(notebook, lesson)
    return lesson.name


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="smcourse-book-") as folder:
        root = Path(folder)
        copy_sources(root)
        clean_wall, clean_cpu = build(root)
        print(f"clean build:   {clean_wall:6.1f} s wall, {clean_cpu:6.1f} s CPU")
        idle_wall, idle_cpu = build(root)
        print(f"nothing to do: {idle_wall:6.1f} s wall, {idle_cpu:6.1f} s CPU (start-up)")
        rebuilds = []
        for round_ in range(1, REBUILDS + 1):
            page = edit_prose(root, round_)
            rebuilds.append(build(root))
            print(f"rebuild {round_} after editing {page}: {rebuilds[-1][0]:6.1f} s wall, "
                  f"{rebuilds[-1][1]:6.1f} s CPU")
        wall = statistics.median(r[0] for r in rebuilds)
        cpu = statistics.median(r[1] for r in rebuilds)
        print(f"rebuild (median of {REBUILDS}): {wall:6.1f} s wall, {cpu:6.1f} s CPU")
        print(f"ratio rebuild/clean: {wall / clean_wall:.2f} wall, {cpu / clean_cpu:.2f} CPU "
              "(target <= 0.15)")


if __name__ == "__main__":
    main()
