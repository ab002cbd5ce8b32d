"""Click-to-verdict latency of a practice check in a real JupyterLab and on the built site, beside
the bare ipywidgets round trip.

    .venv/bin/python benchmarks/feedback_latency.py [--rounds 20]

Starts JupyterLab on a temporary copy of the course and drives Debian chromium (the same helpers
as the browser tests, tests/e2e_lab.py); serves the site from book/_build/html (`make book` first)
on 127.0.0.1. Each round clicks Check on lesson 00's first practice check, alternating a wrong and
the right answer, and measures in the page, with performance.now(), the time from the click to the
DOM change that shows the verdict. The practice check is judged in the page in both places; the
baseline is a bare ipywidgets button whose handler, in the kernel, sets an HTML widget, measured the
same way. Target: a practice check's median within one frame (16 ms), in JupyterLab and on the site.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from e2e_lab import (  # noqa: E402 (the helpers live beside the tests that share them)
    CHECK_PROMPT,
    RIGHT,
    ROOT,
    WELCOME,
    WRONG,
    bare_latencies,
    chromium,
    click_and_time,
    course_copy,
    lab_server,
    practice_latencies,
    run_all_cells,
)

TARGET_MS = 16.0
SITE = ROOT / "book" / "_build" / "html"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def site_latencies(browser, rounds: int) -> list[float]:
    """Milliseconds from click to verdict for `rounds` Check clicks on the same check on the site."""
    page_path = SITE / Path(WELCOME).with_suffix(".html")
    if not page_path.exists():
        raise SystemExit(f"{page_path} is missing: build the site with `make book` first")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/{Path(WELCOME).with_suffix('.html')}")
        card = page.locator(".smcourse-practice").filter(has_text=CHECK_PROMPT)
        card.wait_for()
        card.scroll_into_view_if_needed()
        latencies = []
        for round in range(rounds):
            card.get_by_role("radio", name=(WRONG, RIGHT)[round % 2], exact=True).check()
            latencies.append(click_and_time(card, card.get_by_role("button", name="Check"),
                                            ".smcourse-feedback")[0])
        return latencies
    finally:
        page.close()
        server.shutdown()
        server.server_close()


def measure(rounds: int) -> dict[str, list[float]]:
    """Milliseconds per click: the practice check in JupyterLab and on the site, the bare widget."""
    with tempfile.TemporaryDirectory(prefix="smcourse-latency-") as folder, \
            lab_server(course_copy(Path(folder))) as lab, chromium() as browser:
        page = lab.open(browser, WELCOME)
        run_all_cells(page)
        in_lab = practice_latencies(page, rounds)
        page.close()
        return {"practice, JupyterLab": in_lab, "practice, site": site_latencies(browser, rounds),
                "bare ipywidgets": bare_latencies(lab, browser, rounds)}


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=20, help="clicks measured for each (20)")
    rounds = options.parse_args().rounds
    timings = measure(rounds)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, values in timings.items():
        print(f"{name:21} median {medians[name]:6.1f} ms   min {min(values):6.1f}   "
              f"max {max(values):6.1f}   ({len(values)} clicks)")
    within = all(medians[name] <= TARGET_MS for name in ("practice, JupyterLab", "practice, site"))
    print(f"practice checks' medians {'within' if within else 'OVER'} the {TARGET_MS:.0f} ms target "
          f"(one frame); the bare ipywidgets round trip: {medians['bare ipywidgets']:.1f} ms")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
