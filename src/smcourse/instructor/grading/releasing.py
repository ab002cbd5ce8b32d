"""Release: the student version of each assignment, generated from solutions/ into exercises/."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from smcourse.core import answer_file, kit_files
from smcourse.core.errors import SmcourseError
from smcourse.instructor.grading.course import (
    CONFIG_FILE,
    assignments,
    check_result,
    load_config,
    nbgrader_api,
)


def release(root: Path | None = None, only: Iterable[str] | None = None) -> list[str]:
    """Generate the student version of each assignment into exercises/ (and the gradebook)."""
    root = root or kit_files.home()
    api = nbgrader_api(load_config(root))
    released = []
    for assignment in only or assignments(root):
        stray = root / api.coursedir.source_directory / assignment / answer_file.FILE
        if stray.exists():
            raise SmcourseError(f"{stray} holds answers clicked in the source notebook; delete it "
                                "before releasing (it would be copied to every learner and over "
                                "their answers when grading).")
        check_result(api.generate_assignment(assignment, force=True, create=True),
                      f"generating {assignment}")
        released.append(assignment)
    return released


def _files(folder: Path) -> dict[str, Path]:
    return {str(path.relative_to(folder)): path for path in sorted(folder.rglob("*"))
            if path.is_file() and ".ipynb_checkpoints" not in path.parts
            and path.name != answer_file.FILE}  # a learner's own answers, if one tried the exercise


def release_differences(root: Path | None = None) -> list[str]:
    """Regenerate every assignment in a scratch copy; list how the committed exercises/ differ."""
    root = root or kit_files.home()
    config = load_config(root)
    source, released = config.CourseDirectory.source_directory, config.CourseDirectory.release_directory
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        shutil.copy(root / CONFIG_FILE, scratch / CONFIG_FILE)
        shutil.copytree(root / source, scratch / source)
        release(scratch)
        expected, actual = _files(scratch / released), _files(root / released)
        problems = [f"missing from {released}/: {name}" for name in expected if name not in actual]
        problems += [f"not generated from {source}/: {name}" for name in actual if name not in expected]
        problems += [f"out of date: {released}/{name}" for name in expected
                     if name in actual and expected[name].read_bytes() != actual[name].read_bytes()]
    return problems
