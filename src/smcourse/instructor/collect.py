"""Collecting hand-ins without a server: a folder downloaded from an LMS or an inbox, filed as nbgrader
submissions by nbgrader's own `zip_collect` (ZipCollectApp), with the kit's two plugins.

nbgrader extracts the zips and copies the files; the plugins here only (1) keep each file's time
(a zip member's date, a downloaded file's modification time), which becomes the submission's
`timestamp.txt`, and (2) read who handed in what from the names the LMSs give:

    smithjohn_12345_67890_05_metrics.ipynb                       Canvas ("Download submissions")
    smithjohn_late_12345_67890_05_metrics-1.ipynb                Canvas, late, second upload
    Ana López_4242_assignsubmission_file_05_metrics.ipynb        Moodle ("Download all submissions")
    Ana López_4242_assignsubmission_file_/05_metrics.ipynb       Moodle, one folder per submission
    ana.zip  holding 05_metrics.ipynb and answers.json           by email: a zip per learner
    ana/05_metrics.ipynb, ana/answers.json                       a folder per learner
    ana.ipynb                                                    by email: the notebook alone

A name that fits none of these is listed and left alone, never guessed at.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import tempfile
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.apps.zipcollectapp import ZipCollectApp
from nbgrader.coursedir import CourseDirectory
from nbgrader.plugins import ExtractorPlugin, FileNameCollectorPlugin
from nbgrader.utils import capture_log, find_all_notebooks
from traitlets import List

from smcourse.core import answer_file
from smcourse.core.errors import SmcourseError

CANVAS = re.compile(r"^(?P<name>[a-z0-9]+?)(?:_late)?_(?P<user>\d+)_(?P<submission>\d+)_(?P<file>.+)$",
                    re.IGNORECASE)
MOODLE_FILE = re.compile(r"^(?P<name>.+?)_(?P<participant>\d+)_assignsubmission_file_(?P<file>.+)$")
MOODLE_FOLDER = re.compile(r"^(?P<name>.+?)_(?P<participant>\d+)_assignsubmission_file_?$")
# Canvas renames a file uploaded again: 05_metrics-1.ipynb, 05_metrics-2.ipynb
RESUBMITTED = re.compile(r"^(?P<stem>.+?)-\d+(?P<ext>\.[^.]+)$")
LEARNER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def learner_id(name: str) -> str:
    """An nbgrader id from the name an LMS shows: "Ana López" -> "ana_lopez"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


def identify(parts: list[str], notebooks: list[str]) -> tuple[str, str] | None:
    """(learner id, file name) for a file at `parts` (its path inside the download), or None."""
    wanted = set(notebooks) | {answer_file.FILE}

    def canonical(filename: str) -> str | None:
        if filename in wanted:
            return filename
        again = RESUBMITTED.match(filename)
        if again and again["stem"] + again["ext"] in wanted:
            return again["stem"] + again["ext"]
        return None

    base = parts[-1]
    canvas = CANVAS.match(base)
    if canvas and canonical(canvas["file"]):
        return canvas["name"].lower(), canonical(canvas["file"])
    moodle = MOODLE_FILE.match(base)
    if moodle and canonical(moodle["file"]):
        return learner_id(moodle["name"]), canonical(moodle["file"])
    if len(parts) >= 2:
        folder = MOODLE_FOLDER.match(parts[-2])
        if folder and canonical(base):
            return learner_id(folder["name"]), canonical(base)
        if canonical(base) and learner_id(parts[0]):
            # a zip or a folder per learner, named after them (any folders below are fine)
            return learner_id(parts[0]), canonical(base)
    if len(parts) == 1 and base.endswith(".ipynb") and len(notebooks) == 1 and not canonical(base):
        stem = base[: -len(".ipynb")]
        if LEARNER_ID.match(stem) and not CANVAS.match(base) and not MOODLE_FILE.match(base):
            return stem, notebooks[0]
    return None


class TimedExtractor(ExtractorPlugin):
    """nbgrader's extractor, then each file gets back its time: a zip member's date (which LMSs set
    to the upload time) or the downloaded file's own modification time."""

    def extract(self, archive_path: str, extracted_path: str) -> None:
        super().extract(archive_path, extracted_path)
        for directory, _, files in os.walk(archive_path):
            target = os.path.join(extracted_path, os.path.relpath(directory, archive_path))
            for name in files:
                source = os.path.join(directory, name)
                stem, ext = os.path.splitext(name)
                if ext not in self.zip_ext:
                    copied = os.path.join(target, name)
                    if os.path.exists(copied):
                        stat = os.stat(source)
                        os.utime(copied, (stat.st_atime, stat.st_mtime))
                    continue
                with zipfile.ZipFile(source) as archive:
                    for member in archive.infolist():
                        extracted = os.path.join(target, stem, *member.filename.split("/"))
                        if not member.is_dir() and os.path.isfile(extracted):
                            when = time.mktime(member.date_time + (0, 0, -1))
                            os.utime(extracted, (when, when))


class LmsNameCollector(FileNameCollectorPlugin):
    """Files each notebook and answers file by the LMS's naming (see the module's docstring)."""

    valid_ext = List([".ipynb", ".json"]).tag(config=True)

    def collect(self, submitted_file: str) -> dict | None:
        app = self.parent
        root = app._format_collect_path(app.extracted_directory)
        parts = Path(os.path.relpath(submitted_file, root)).parts
        found = identify(list(parts), app.released_notebooks)
        if found is None:
            app.unknown.append("/".join(parts))
            return None
        student, filename = found
        app.identified.setdefault(student, []).append(("/".join(parts), filename))
        mtime = os.stat(submitted_file).st_mtime
        stamp = datetime.datetime.fromtimestamp(mtime, datetime.timezone.utc)
        return {"student_id": student, "file_id": filename,
                "timestamp": stamp.strftime("%Y-%m-%d %H:%M:%S UTC")}


class KitZipCollectApp(ZipCollectApp):
    """ZipCollectApp remembering what it filed and what it could not identify."""

    def start(self):
        self.unknown: list[str] = []
        self.identified: dict[str, list[tuple[str, str]]] = {}
        released = self.coursedir.format_path(self.coursedir.release_directory, ".",
                                              self.coursedir.assignment_id)
        self.released_notebooks = sorted(find_all_notebooks(released))
        super().start()


@dataclass
class Collected:
    """What `collect` filed: learner -> [(file in the download, file in submitted/)], the times,
    the names it did not recognise, and the archives it could not open."""

    learners: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    timestamps: dict[str, str] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def _readable_zip(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None
    except (zipfile.BadZipFile, OSError, EOFError):
        return False


def collect(folder: Path, assignment: str, config, force: bool = False) -> Collected:
    """File the hand-ins in `folder` as nbgrader submissions of `assignment` in the course `config`
    describes. Unreadable zips and unrecognised names are reported, not filed."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SmcourseError(f"{folder} is not a folder: download the hand-ins into a folder first.")
    coursedir = CourseDirectory(config=config)
    root = Path(coursedir.root)
    released = root / coursedir.release_directory / assignment
    if not released.is_dir():
        raise SmcourseError(f"there is no released assignment {assignment!r} ({released} is missing); "
                            "check its name, or run `smcourse assignments release` first.")
    result = Collected()
    with tempfile.TemporaryDirectory(prefix="smcourse-collect-") as staging:
        archive = Path(staging) / "archive"
        archive.mkdir()
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if path.is_dir() or any(part.startswith(".") for part in relative.parts):
                continue
            if path.suffix == ".zip" and not _readable_zip(path):
                result.unreadable.append(str(relative))
                continue
            (archive / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, archive / relative)
        config.ZipCollectApp.collect_directory_structure = os.path.join(staging, "{collect_step}")
        config.ZipCollectApp.force = force
        config.ExtractorPlugin.force = force
        config.ExtractorPlugin.zip_ext = [".zip"]
        config.ZipCollectApp.extractor_plugin = TimedExtractor
        config.ZipCollectApp.collector_plugin = LmsNameCollector
        coursedir.assignment_id = assignment
        app = KitZipCollectApp(coursedir=coursedir, config=config)
        log = capture_log(app)
        result.unknown = sorted(app.unknown)
        if not log["success"]:
            message = log.get("log") or ""
            if "Directory not empty" in message:
                raise SmcourseError(f"some of these learners already have a submission of {assignment} "
                                    "in submitted/: add --force to replace it.")
            raise SmcourseError(f"nbgrader zip_collect failed:\n{message.strip()}")
        result.learners = {student: sorted(files) for student, files in sorted(app.identified.items())}
    for student in result.learners:
        stamp = root / coursedir.submitted_directory / student / assignment / "timestamp.txt"
        if stamp.is_file():
            result.timestamps[student] = stamp.read_text().strip()
    return result
