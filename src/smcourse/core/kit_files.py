"""Where the course's own files are (course/, datasets/, solutions/, book/): one answer for the kit.

The package may be installed from a wheel, far from the course's folders, so it finds them at call
time, in this order:

1. `$SMCOURSE_HOME`, when it is set;
2. the nearest folder at or above the current one that holds `datasets/datapackage.json` (a
   learner runs lessons from course/, a tutor grades from the course folder itself);
3. the checkout the package sits in, when it is installed editable (`src/smcourse/` of the kit).
"""

from __future__ import annotations

import os
from pathlib import Path

from smcourse.core.errors import SmcourseError

HOME_VARIABLE = "SMCOURSE_HOME"
MARKER = Path("datasets") / "datapackage.json"
CAPSTONE = "06_capstone_strategy_plan"  # the capstone assignment's id, in solutions/ and the gradebook


def home() -> Path:
    """The course's folder, the one holding course/ and datasets/."""
    chosen = os.environ.get(HOME_VARIABLE)
    if chosen:
        folder = Path(chosen).expanduser().resolve()
        if not (folder / MARKER).is_file():
            raise SmcourseError(f"{HOME_VARIABLE} is {chosen}, which has no {MARKER.as_posix()}: "
                                "set it to the course folder, the one holding course/ and datasets/.")
        return folder
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    checkout = Path(__file__).resolve().parents[3]  # src/smcourse/core/kit_files.py in an editable install
    if (checkout / MARKER).is_file():
        return checkout
    raise SmcourseError(f"Cannot find the course's files from {here}: run this from the course folder "
                        f"(the one holding course/ and datasets/) or a folder inside it, or set "
                        f"{HOME_VARIABLE} to that folder.")
