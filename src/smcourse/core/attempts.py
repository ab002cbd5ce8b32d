"""Practice attempts, logged on the learner's own machine so an instructor can see where a room is stuck.

Each click on Check or Hint in a practice card appends one JSON line to `.smcourse/attempts.jsonl`
in the folder the notebook runs in (the kernel's working folder, which JupyterLab sets to the
notebook's folder):

    {"time": "2026-03-02T10:15:04+00:00", "lesson": "05_metrics", "question": "which-denominator",
     "kind": "choice", "event": "check", "status": "incorrect", "answer": "impressions"}

`event` is "check" (then `status` is correct, incorrect or invalid) or "hint" (no status).
Nothing leaves the machine: the learner hands the file in only if asked to. Logging is best effort:
outside a notebook kernel (scripts, tests) nothing is written, and a folder that cannot be written
(read-only, full disk) is skipped in silence, so the learner never sees an error from it.
Setting the environment variable `SMCOURSE_PRACTICE_LOG` to `off` (in a notebook: `%env
SMCOURSE_PRACTICE_LOG=off`) stops the logging until it is set to anything else.

An instructor who has collected the files reads them all with `read(folder)`.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from smcourse.core.errors import SmcourseError

LOG_FOLDER = ".smcourse"
LOG_NAME = "attempts.jsonl"
SWITCH = "SMCOURSE_PRACTICE_LOG"
COLUMNS = ("learner", "time", "lesson", "question", "kind", "event", "status", "answer")


def notebook_folder() -> Path | None:
    """The folder of the running notebook, or None when this is not a notebook kernel."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    if getattr(get_ipython(), "kernel", None) is None:
        return None
    return Path.cwd()


def enabled() -> bool:
    """Whether practice attempts are logged: yes, unless `SMCOURSE_PRACTICE_LOG` is "off"."""
    return os.environ.get(SWITCH, "").strip().lower() != "off"


def entry(question, event: str, status: str | None = None, answer: Any = None,
          now: datetime | None = None) -> dict:
    """One log line for `question` (a `smcourse.core.practice.Question`) as a dict."""
    session = os.environ.get("JPY_SESSION_NAME", "")
    return {"time": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
            "lesson": Path(session).stem if session else None,
            "question": question.name, "kind": question.kind, "event": event,
            "status": status, "answer": answer}


def record(question, event: str, status: str | None = None, answer: Any = None,
           folder: Path | None = None) -> Path | None:
    """Append one attempt or hint to the log beside the notebook; return the log's path, or None
    when nothing was written (switched off, not in a notebook, or the folder cannot be written).
    Never raises."""
    try:
        folder = folder or notebook_folder()
        if folder is None or not enabled():
            return None
        line = json.dumps(entry(question, event, status, answer), default=str, ensure_ascii=False)
        path = Path(folder) / LOG_FOLDER / LOG_NAME
        path.parent.mkdir(exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(line + "\n")
        return path
    except Exception:  # a log must never disturb the learner
        return None


def _learner(path: Path, root: Path) -> str:
    """`root/<learner>/.../attempts.jsonl` names the learner by folder; `root/<learner>.jsonl` by file."""
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else path.stem


def _lines(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut short by a full disk or a crash: skip it, keep the rest
        if isinstance(row, dict) and row.get("question") and row.get("event"):
            rows.append(row)
    return rows


def read(folder: str | Path) -> pd.DataFrame:
    """Every attempt in the `*.jsonl` logs under `folder`, one row each, with a `learner` column.

    Lay the collected logs out as `folder/<learner>/.../attempts.jsonl` (for instance a copy of each
    learner's course folder) or as `folder/<learner>.jsonl`. Damaged lines are skipped.
    """
    root = Path(folder)
    if not root.is_dir():
        raise SmcourseError(f"No folder of practice logs at {root}. Collect each learner's "
                            f"{LOG_FOLDER}/{LOG_NAME} into it first (see the instructor guide).")
    rows = []
    for path in sorted(root.rglob("*.jsonl")):
        rows += [{**row, "learner": _learner(path, root)} for row in _lines(path)]
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    table["answer"] = table["answer"].map(answer_text)
    table["time"] = pd.to_datetime(table["time"], utc=True, errors="coerce")
    return table


def answer_text(answer: Any) -> str:
    """An answer as one short line, whatever its kind (text, list of options, matching)."""
    if answer is None:
        return ""
    if isinstance(answer, list):
        return "; ".join(map(str, answer))
    if isinstance(answer, dict):
        return "; ".join(f"{key} → {value}" for key, value in answer.items())
    return str(answer)
