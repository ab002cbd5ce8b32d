"""Time each lesson headless and report the kernel's peak memory, against a bare kernel.

    .venv/bin/python benchmarks/lessons.py

Each notebook runs in its own child process (so the kernel it starts is that process's only
child, and RUSAGE_CHILDREN gives the kernel's peak resident memory). The baseline is an empty
notebook: the plain cost of starting a kernel, which no lesson can avoid. Target: <= 10 s each.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from smcourse.core import notebooks

TARGET_SECONDS = 10.0


def measure_one(path: Path) -> dict:
    """Run one notebook here; return wall seconds and the kernel's peak memory in MB."""
    start = time.perf_counter()
    notebooks.execute(path)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "peak_mb": peak_kb / 1024}


def measure(path: Path) -> dict:
    """Run `measure_one` in a fresh process so each kernel's memory is counted alone."""
    result = subprocess.run([sys.executable, __file__, "--one", str(path)], check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")]), empty)
        baseline = measure(empty)
    print(f"{'notebook':40} {'seconds':>8} {'x bare kernel':>14} {'peak MB':>8}")
    print(f"{'(bare kernel, empty notebook)':40} {baseline['seconds']:8.2f} {1:14.2f} "
          f"{baseline['peak_mb']:8.0f}")
    slow = []
    for lesson in notebooks.lessons():
        result = measure(lesson)
        ratio = result["seconds"] / baseline["seconds"]
        print(f"{lesson.name:40} {result['seconds']:8.2f} {ratio:14.2f} {result['peak_mb']:8.0f}")
        if result["seconds"] > TARGET_SECONDS:
            slow.append(lesson.name)
    print(f"target: each lesson <= {TARGET_SECONDS:g} s; over target: {', '.join(slow) or 'none'}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure_one(Path(sys.argv[2]))))
        sys.exit(0)
    sys.exit(main())
