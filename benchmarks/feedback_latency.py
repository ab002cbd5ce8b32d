"""Click-to-feedback latency of a practice check in a real JupyterLab, against a bare widget.

    .venv/bin/python benchmarks/feedback_latency.py [--rounds 20]

Starts JupyterLab on a temporary copy of the course and drives Debian chromium (the same helpers
as the browser tests, tests/e2e_lab.py). Each round clicks Check on lesson 00's first practice
check, alternating a wrong and the right answer, and measures in the page, with performance.now(),
the time from the click to the DOM change that shows the feedback. The baseline is a bare
ipywidgets button whose handler sets an HTML widget, measured the same way. Target: <= 100 ms median.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from e2e_lab import (  # noqa: E402 (the helpers live beside the tests that share them)
    WELCOME,
    bare_latencies,
    chromium,
    course_copy,
    lab_server,
    practice_latencies,
    run_all_cells,
)

TARGET_MS = 100.0


def measure(rounds: int) -> dict[str, list[float]]:
    """Milliseconds per click for the practice check and for the bare widget."""
    with tempfile.TemporaryDirectory(prefix="smcourse-latency-") as folder, \
            lab_server(course_copy(Path(folder))) as lab, chromium() as browser:
        page = lab.open(browser, WELCOME)
        run_all_cells(page)
        practice = practice_latencies(page, rounds)
        page.close()
        return {"practice check": practice, "bare ipywidgets": bare_latencies(lab, browser, rounds)}


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=20, help="clicks measured for each (20)")
    rounds = options.parse_args().rounds
    timings = measure(rounds)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, values in timings.items():
        print(f"{name:16} median {medians[name]:6.1f} ms   min {min(values):6.1f}   "
              f"max {max(values):6.1f}   ({len(values)} clicks)")
    ratio = medians["practice check"] / medians["bare ipywidgets"]
    verdict = "within" if medians["practice check"] <= TARGET_MS else "OVER"
    print(f"practice / bare = {ratio:.2f}; practice median {verdict} the {TARGET_MS:.0f} ms target")
    return 0 if verdict == "within" else 1


if __name__ == "__main__":
    sys.exit(main())
