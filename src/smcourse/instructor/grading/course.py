"""The course folder as nbgrader sees it: its configuration, its assignments, its name and lessons."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbgrader.apps.api import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from smcourse.core import kit_files
from smcourse.core.errors import SmcourseError
from smcourse.instructor import feedback as feedback_pages

CONFIG_FILE = "nbgrader_config.py"
GRADEBOOK_VARIABLE = "SMCOURSE_GRADEBOOK"
DEFAULT_COURSE_TITLE = "Social Media Strategy for Businesses"
DEFAULT_LESSONS_URL = "https://smcourse.github.io/smcourse/course"  # the published site's lessons


def load_config(root: Path | None = None, **settings: dict) -> Config:
    """nbgrader's configuration for the course at `root`, with `settings` ({"Execute": {...}})
    laid over it."""
    root = root or kit_files.home()
    # nbgrader runs `alembic` (from this environment) when it creates a gradebook
    tools = str(Path(sys.executable).parent)
    if tools not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = tools + os.pathsep + os.environ.get("PATH", "")
    if not (root / CONFIG_FILE).is_file():
        raise SmcourseError(f"{root} has no {CONFIG_FILE}: is it the course folder?")
    config = PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    # a gradebook on a database server (PostgreSQL, for several graders at once), e.g. on the hub
    if os.environ.get(GRADEBOOK_VARIABLE):
        config.CourseDirectory.db_url = os.environ[GRADEBOOK_VARIABLE]
    for section, values in settings.items():
        for key, value in values.items():
            config[section][key] = value
    return config


def nbgrader_api(config: Config) -> NbGraderAPI:
    return NbGraderAPI(CourseDirectory(config=config), config=config)


def assignments(root: Path | None = None) -> list[str]:
    """Assignment ids: the folders of solutions/."""
    root = root or kit_files.home()
    source = root / load_config(root).CourseDirectory.source_directory
    return sorted(path.name for path in source.iterdir() if path.is_dir() and not path.name.startswith("."))


def check_result(result: dict, what: str) -> None:
    if not result["success"]:
        raise SmcourseError(f"{what} failed:\n{result.get('error') or result.get('log')}")


def course_settings(config: Config, root: Path) -> tuple[str, str, dict[str, str]]:
    """The course's name, where its lessons are published, and each lesson's title."""
    settings = config.get("Smcourse", {})
    course = root / "course" if (root / "course").is_dir() else kit_files.home() / "course"
    lessons = {path.stem: feedback_pages.title_of(nbformat.read(path, as_version=4), path.stem)
               for path in sorted(course.glob("[0-9][0-9]_*.ipynb"))}
    return (settings.get("course_title", DEFAULT_COURSE_TITLE),
            settings.get("lessons_url", DEFAULT_LESSONS_URL), lessons)
