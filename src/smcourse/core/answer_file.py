"""The graded answers file, `answers.json`: the one place that knows its name and format.

A learner's graded widgets (`smcourse.ui.answers`) write it beside the notebook, question name ->
raw answer; grading, feedback, collection and the class dashboard read it back. Reading never
raises: a missing, damaged or misshapen file gives no answers and a sentence saying why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FILE = "answers.json"


def read(path: Path) -> tuple[dict[str, Any], str]:
    """The answers in `path` and "" or, when they cannot be used, {} and why (for the learner)."""
    if not path.exists():
        return {}, f"{path.name} was not found beside the notebook, so no answers were saved"
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}, f"{path.name} is damaged (not readable JSON), so its answers were lost"
    if not isinstance(saved, dict):
        return {}, f"{path.name} does not hold named answers, so its answers were ignored"
    return saved, ""


def write(path: Path, answers: dict[str, Any]) -> str:
    """Write `answers` to `path`; return "" or a message saying why it failed."""
    try:
        path.write_text(json.dumps(answers, indent=1, sort_keys=True), encoding="utf-8")
    except (OSError, TypeError) as error:
        return f"Could not save your answer to {path.name}: {error}"
    return ""
