"""The instructor's pipeline, thin over nbgrader's own API: release, grade, feedback, export.

The course folder is a plain nbgrader course (`nbgrader_config.py` at its root: source assignments
in solutions/, student versions in exercises/), so `nbgrader` commands work on it as well. Each
function works on the course folder `root`, by default the one `smcourse.core.kit_files.home` finds.

* `release` runs nbgrader's generate_assignment into exercises/; `release_differences` regenerates
  into a scratch copy and lists where the committed exercises/ no longer match solutions/.
* `grade` autogrades every submission of an assignment in parallel. nbgrader's gradebook is one
  SQLite file, which does not take concurrent writers well, so each worker autogrades one
  submission in a scratch course of its own, against a private copy of the gradebook, and the main
  process copies the grades of that submission into the real gradebook as it finishes (one writer
  at a time). The learner's code runs in `smcourse.instructor.sandbox`: limits on memory, CPU time, files and
  processes; only its own scratch folder writable; other learners' work and the gradebook hidden.
* `feedback` writes one HTML page per learner and assignment (`smcourse.instructor.feedback`): each item as
  the learner met it, their answer, the referee's verdict and where the lesson teaches it, never
  the hidden test code or a solution; and an index per learner.
* `export` writes the grades as CSV, one row per learner, plain or in the shape Canvas or Moodle
  imports (smcourse.instructor.lms).
"""

from __future__ import annotations

import csv
import os
import shutil
import sys
import tempfile
import traceback
import warnings
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import jsonschema
import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps.api import NbGraderAPI
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.nbgraderformat.common import BaseMetadataValidator
from nbgrader.preprocessors import CheckCellMetadata, LimitOutput
from sqlalchemy.exc import SAWarning
from traitlets import Integer
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from smcourse.core import answer_file, data, kit_files
from smcourse.core.errors import SmcourseError
from smcourse.instructor import feedback as feedback_pages
from smcourse.instructor import lms, referee, sandbox, warm

CONFIG_FILE = "nbgrader_config.py"
GRADEBOOK_VARIABLE = "SMCOURSE_GRADEBOOK"
DEFAULT_COURSE_TITLE = "Social Media Strategy for Businesses"
DEFAULT_LESSONS_URL = "https://smcourse.github.io/smcourse/course"  # the published site's lessons
CHECK_METADATA = "nbgrader.preprocessors.CheckCellMetadata"


class LimitOutputSize(LimitOutput):
    """nbgrader's LimitOutput (by lines), plus a cap on the characters of every output, so that
    one line of 50 MB cannot bloat a graded notebook."""

    max_chars = Integer(100_000, help="maximum characters kept per output").tag(config=True)

    def preprocess_cell(self, cell, resources, cell_index):
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and len(output.text) > self.max_chars:
                output.text = output.text[: self.max_chars] + "\n... Output truncated ..."
            elif output.output_type in ("display_data", "execute_result"):
                if sum(len(str(value)) for value in output.data.values()) > self.max_chars:
                    output.data = {"text/plain": "... Output too large, removed ..."}
            elif output.output_type == "error":
                output.evalue = output.evalue[: self.max_chars]
                output.traceback = [line[: self.max_chars] for line in output.traceback]
        return cell, resources


class _SchemaCheckedOnce(BaseMetadataValidator):
    """nbgrader's check of a cell's metadata against its schema, with the schema itself checked once
    per notebook: jsonschema.validate, which nbgrader calls for every cell, first checks the schema
    against jsonschema's meta-schema, most of the cost of the whole check."""

    def __init__(self):
        super().__init__()
        checker = jsonschema.validators.validator_for(self.schema)
        checker.check_schema(self.schema)
        self.checker = checker(self.schema)

    def validate_cell(self, cell) -> None:
        if cell.metadata.get("nbgrader", {}).get("schema_version") != self.schema_version:
            super().validate_cell(cell)  # no metadata, or nbgrader's own message for another version
            return
        error = jsonschema.exceptions.best_match(self.checker.iter_errors(cell.metadata["nbgrader"]))
        if error is not None:  # what jsonschema.validate raises
            raise error


class _CellMetadataValidator(MetadataValidator, _SchemaCheckedOnce):
    """nbgrader's MetadataValidator (its rules on top of the schema), the schema checked once."""


class CheckCellMetadataOnce(CheckCellMetadata):
    """nbgrader's CheckCellMetadata with `_CellMetadataValidator`: the same verdict, the same log."""

    def preprocess(self, nb, resources):
        try:
            _CellMetadataValidator().validate_nb(nb)
        except ValidationError:
            self.log.error(traceback.format_exc())
            message = "Notebook failed to validate; the nbgrader metadata may be corrupted."
            self.log.error(message)
            raise ValidationError(message) from None
        return nb, resources


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


def _check_result(result: dict, what: str) -> None:
    if not result["success"]:
        raise SmcourseError(f"{what} failed:\n{result.get('error') or result.get('log')}")


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
        _check_result(api.generate_assignment(assignment, force=True, create=True),
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


@dataclass
class GradeResult:
    """One learner's outcome for one assignment."""

    student: str
    score: float
    max_score: float
    problems: list[str]

    @property
    def summary(self) -> str:
        text = f"{self.student}: {self.score:g} / {self.max_score:g} automatic points"
        return text + ("" if not self.problems else " — " + "; ".join(self.problems))


def _submission_problems(gradebook: Gradebook, coursedir: CourseDirectory, assignment: str,
                         student: str, locked: dict[str, dict[str, str]]) -> tuple[list[str], bool]:
    """What is wrong with a submission before running it, and whether it can be run at all;
    `locked` holds each notebook's locked cells as released (`_locked_sources`)."""
    folder = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
    problems, runnable = [], True
    for notebook in gradebook.find_assignment(assignment).notebooks:
        path = folder / f"{notebook.name}.ipynb"
        if not path.is_file():
            problems.append(f"{path.name} was not submitted (0 points)")
            runnable = False
            continue
        try:
            submitted = nbformat.read(path, as_version=4)
        except Exception as error:  # nbformat raises several types for broken files
            problems.append(f"{path.name} is not a readable notebook ({type(error).__name__}: "
                            f"{str(error)[:200]}) (0 points)")
            runnable = False
            continue
        present = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell.source
                   for cell in submitted.cells}
        deleted = sorted(cell.name for cell in notebook.grade_cells if cell.name not in present)
        if deleted:
            problems.append(f"graded cells deleted: {', '.join(deleted)} (0 points for them)")
        edited = sorted(name for name, source in locked[notebook.name].items()
                        if name in present and present[name] != source)
        if edited:
            problems.append(f"locked cells edited: {', '.join(edited)} (nbgrader graded them "
                            "with the original cells)")
    if not (folder / answer_file.FILE).is_file() and runnable:
        problems.append(f"no {answer_file.FILE} submitted (widget questions score 0)")
    return problems, runnable


def _locked_sources(coursedir: CourseDirectory, assignment: str, notebook: str) -> dict[str, str]:
    """grade_id -> source of each locked cell as released to learners."""
    path = Path(coursedir.format_path(coursedir.release_directory, ".", assignment)) / f"{notebook}.ipynb"
    if not path.is_file():
        return {}
    return {cell.metadata.nbgrader["grade_id"]: cell.source
            for cell in nbformat.read(path, as_version=4).cells
            if cell.metadata.get("nbgrader", {}).get("locked")}


def _log_problems(log: str, events: list[dict], limits: sandbox.Limits) -> list[str]:
    """Why a kernel stopped, from nbgrader's log and the sandbox's events."""
    if any(event["event"] == "wall-clock-limit" for event in events):
        return [f"the notebook ran for longer than {limits.wall_seconds} s in all and was stopped "
                "(0 points)"]
    for event in events:
        if event.get("signal") == "SIGKILL" and event["cpu_seconds"] >= limits.cpu_seconds - 1:
            return [f"the notebook used up its {limits.cpu_seconds} s of CPU time and was stopped "
                    "(0 points)"]
    if "DeadKernelError" in log or "Kernel died" in log:
        signals = [event["signal"] for event in events if "signal" in event]
        if signals:
            return [f"the notebook's kernel was ended by {signals[-1]}, so it could not be graded "
                    "(0 points)"]
        return ["the notebook stopped its own kernel (e.g. os._exit), so it could not be graded "
                "(0 points)"]
    if "UnresponsiveKernelError" in log or "became unresponsive" in log:
        return ["the kernel stopped responding (0 points)"]
    return []


def _copy_files(source: Path, target: Path) -> None:
    """Copy the regular files under `source` (never links a learner's code may have made)."""
    shutil.rmtree(target, ignore_errors=True)
    for path in source.rglob("*"):
        if path.is_file() and not path.is_symlink() and ".ipynb_checkpoints" not in path.parts:
            (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / path.relative_to(source))


def _links(folder: str, names: list[str]) -> list[str]:
    """The names in `folder` that are links: nbgrader would copy what they point to (another
    learner's work, the gradebook) into the sandbox, so a submission's links are left behind."""
    return [name for name in names if os.path.islink(os.path.join(folder, name))]


_zygote: warm.Zygote | None = None  # this worker's warm kernel process, started by its first job


def _warm_address() -> Path | None:
    """The address of this worker's zygote, started (again) when needed; None if it cannot start."""
    global _zygote
    if _zygote is None or not _zygote.alive():
        environment = {**os.environ, **sandbox.spec_environment(Path(tempfile.gettempdir()))}
        try:
            _zygote = warm.Zygote(sandbox.kernel_environment(environment))
        except OSError:
            _zygote = None
            return None
    return _zygote.address


def _autograde_one(root: str, assignment: str, student: str, template_db: str, settings: dict,
                   limits: sandbox.Limits, run_dir: str, warm_kernels: bool) -> dict:
    """Worker: autograde one submission in a scratch course of its own, against a private copy of
    the gradebook, with the learner's code in the grading sandbox (in a kernel forked from this
    worker's zygote, with `warm_kernels`) and its hidden tests judged again by the referee; copy
    the result back."""
    warnings.simplefilter("ignore", SAWarning)  # nbgrader's own autoflush chatter
    work = Path(run_dir) / student
    course, private = work / "course", work / "private"
    real = CourseDirectory(config=load_config(Path(root)))
    private.mkdir(parents=True)
    shutil.copytree(real.format_path(real.source_directory, ".", assignment),
                    course / real.source_directory / assignment)
    shutil.copytree(real.format_path(real.submitted_directory, student, assignment),
                    course / real.submitted_directory / student / assignment, ignore=_links)
    shutil.copy(Path(root) / CONFIG_FILE, course / CONFIG_FILE)
    database = Path(template_db).with_name(f"{student}.db")  # beside the template, in memory
    shutil.copy(template_db, database)
    report, handed, disputed = (private / name for name in ("sandbox.jsonl", "values.jsonl", "disputes.txt"))
    config = load_config(course, **settings)
    config.CourseDirectory.db_url = f"sqlite:///{database}"
    # nbgrader validates every cell's nbgrader metadata at the end of its sanitize pass and again at
    # the end of its autograde pass; the second pass starts from the notebook the first one checked,
    # read before any learner code runs, and changes outputs, never that metadata: its check is left out
    config.Autograde.autograde_preprocessors = [
        name for name in config.Autograde.autograde_preprocessors if name != CHECK_METADATA]
    config.Autograde.sanitize_preprocessors = [
        CheckCellMetadataOnce if step is CheckCellMetadata else step
        for step in config.Autograde.get("sanitize_preprocessors",
                                          Autograde.class_traits()["sanitize_preprocessors"].default())]
    # the kernel runs in the scratch course, outside the course's folder: it is told where the
    # datasets are, which also works when the kit is installed from a wheel
    datasets = data.datasets_dir()
    os.environ["SMCOURSE_DATASETS"] = str(datasets)
    if sandbox.SUPPORTED:
        # the kernel has no network, so it talks to nbgrader over Unix sockets in a folder of its
        # own, on a short path (a socket's path may not exceed about 100 characters)
        sockets = Path(tempfile.mkdtemp(prefix="smg-", dir="/tmp"))
        referee.use_referee(config, handed, disputed, sockets)
        sandbox.write_kernel_spec(private / "jupyter", limits, home=work / "home",
                                  read_only=[datasets], writable=[sockets],
                                  report=report, kernel_log=private / "kernel.log",
                                  warm=_warm_address() if warm_kernels else None)
        os.environ["JUPYTER_PATH"] = str(private / "jupyter")
        config.Execute.kernel_name = sandbox.KERNEL_NAME
    else:
        referee.use_referee(config, handed, disputed)
    try:
        result = nbgrader_api(config).autograde(assignment, student, force=True, create=True)
    finally:
        sandbox.remove_cgroup(os.getpid())
        if sandbox.SUPPORTED:
            shutil.rmtree(sockets, ignore_errors=True)
    graded = course / real.autograded_directory / student / assignment
    if result["success"] and graded.is_dir():
        _copy_files(graded, Path(real.format_path(real.autograded_directory, student, assignment)))
    return {"student": student, "success": result["success"], "db": str(database),
            "events": sandbox.read_report(report),
            "disputes": referee.disputes(disputed) if result["success"] else [],
            "log": (result.get("log") or "") + (result.get("error") or "")}


def _template_gradebook(config: Config, assignment: str, template: Path, release_dir: Path) -> None:
    """A private SQLite gradebook holding `assignment` (notebooks, cells, points, due date), for a
    course whose gradebook is on a database server and cannot be copied as a file."""
    private = Config(config)
    private.CourseDirectory.db_url = f"sqlite:///{template}"
    private.CourseDirectory.release_directory = str(release_dir)
    _check_result(nbgrader_api(private).generate_assignment(assignment, force=True, create=True),
                  f"preparing {assignment} for grading")
    with Gradebook(config.CourseDirectory.db_url, config.CourseDirectory.course_id) as main, \
            Gradebook(f"sqlite:///{template}", config.CourseDirectory.course_id) as mine:
        mine.update_or_create_assignment(assignment, duedate=main.find_assignment(assignment).duedate)


def _copy_grades(source: Gradebook, target: Gradebook, assignment: str, student: str) -> None:
    """Copy one autograded submission from a worker's gradebook into the course gradebook."""
    submitted = source.find_submission(assignment, student)
    target.update_or_create_student(student)
    target.update_or_create_submission(assignment, student, timestamp=submitted.timestamp)
    for notebook in submitted.notebooks:
        copy = target.find_submission_notebook(notebook.name, assignment, student)
        copy.flagged = notebook.flagged
        copy.late_submission_penalty = notebook.late_submission_penalty
        for grade in notebook.grades:
            mine = target.find_grade(grade.name, notebook.name, assignment, student)
            mine.auto_score, mine.needs_manual_grade = grade.auto_score, grade.needs_manual_grade
        for comment in notebook.comments:
            target.find_comment(comment.name, notebook.name, assignment, student).auto_comment = \
                comment.auto_comment
    target.db.commit()


def _record_zero(gradebook: Gradebook, assignment: str, student: str) -> None:
    """Score a submission that cannot run 0, as nbgrader does for a notebook that is missing."""
    gradebook.update_or_create_student(student)
    submission = gradebook.update_or_create_submission(assignment, student)
    for notebook in submission.notebooks:
        for grade in notebook.grades:
            grade.auto_score, grade.needs_manual_grade = 0, False
    gradebook.db.commit()


@contextmanager
def _progress(total: int, show: bool):
    from tqdm import tqdm

    with tqdm(total=total, unit="submission", disable=not show, desc="grading") as bar:
        yield bar


@dataclass
class ClassRun:
    """The outcome of grading one assignment: a result per learner, and what kept the run safe."""

    results: list[GradeResult]
    safety: list[str]


def _safety(events: list[dict], limits: sandbox.Limits, cell_timeout: int) -> list[str]:
    """One line per protection, from what the sandbox launchers reported."""
    if not sandbox.SUPPORTED:
        return ["WARNING: learners' code ran without the sandbox, which needs Linux; only the time "
                "limit per cell applied (see the grading guide)"]
    started = [event for event in events if event["event"] == "started"]
    if not started:
        return []
    lines = [f"time: {cell_timeout} s per cell, {limits.wall_seconds} s per notebook",
             f"limits per process: {limits.memory_mb} MB of memory, {limits.cpu_seconds} s of CPU, "
             f"files up to {limits.file_mb} MB"]
    capped = {event["tasks_capped_by"] for event in started}
    lines.append(f"processes and threads capped at {limits.tasks}" if "none" not in capped else
                 "WARNING: the number of processes was not capped (root without a writable pids "
                 "cgroup); see the grading guide")
    files = {event["files"] for event in started}
    if files == {"isolated"}:
        lines.append("files: learners' code saw only its own folder, Python, the kit and the "
                     "datasets, and could write only to its own folder; no network, none of your "
                     "environment")
    else:
        lines.append("WARNING: learners' code was not isolated (" + "; ".join(sorted(files - {"isolated"}))
                     + "): it could read the course's solutions and use the network; install "
                     "bubblewrap or grade in a container, as the grading guide explains")
    lines.append("hidden tests: judged again outside the learners' kernels, on the values and "
                 "answers they handed in")
    return lines


def _gradebooks_folder() -> tempfile.TemporaryDirectory:
    """A scratch folder for the workers' private gradebooks, in memory where the system has one
    (/dev/shm): nbgrader commits every grade, and SQLite waits for the disk at each commit, for a
    copy that is thrown away once its grades are in the course gradebook."""
    memory = Path("/dev/shm")
    return tempfile.TemporaryDirectory(prefix="smcourse-gradebooks-",
                                       dir=memory if memory.is_dir() and os.access(memory, os.W_OK) else None)


def grade(assignment: str, root: Path | None = None, workers: int | None = None,
          cell_timeout: int | None = None, show_progress: bool = True,
          limits: sandbox.Limits | None = None, warm_kernels: bool = True) -> ClassRun:
    """Autograde every submission of `assignment` in submitted/, `workers` at a time (default:
    one per core), into autograded/ and the gradebook, each notebook within `limits`; with
    `warm_kernels`, each in a kernel forked from its worker's zygote (`smcourse.instructor.warm`)."""
    root = root or kit_files.home()
    limits = limits or sandbox.Limits()
    settings = {"Execute": {"timeout": cell_timeout}} if cell_timeout else {}
    config = load_config(root, **settings)
    coursedir = CourseDirectory(config=config)
    submitted = Path(coursedir.root) / coursedir.submitted_directory
    students = sorted(path.parent.name for path in submitted.glob(f"*/{assignment}") if path.is_dir())
    problems, runnable = {}, []
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        try:
            notebooks = gradebook.find_assignment(assignment).notebooks
        except MissingEntry:
            raise SmcourseError(f"{assignment} is not in the gradebook yet: run "
                                f"`smcourse assignments release {assignment}` first.") from None
        if not students:
            raise SmcourseError(f"no submissions of {assignment} in {submitted}/<student>/{assignment}/")
        locked = {notebook.name: _locked_sources(coursedir, assignment, notebook.name)
                  for notebook in notebooks}
        for student in students:
            problems[student], ok = _submission_problems(gradebook, coursedir, assignment, student, locked)
            runnable += [student] if ok else []
    database = Path(coursedir.db_url.removeprefix("sqlite:///"))  # when it is a file
    events = []
    with tempfile.TemporaryDirectory(prefix="smcourse-grading-") as scratch, \
            _gradebooks_folder() as gradebooks, _progress(len(students), show_progress) as bar, \
            warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        template = Path(gradebooks) / "template.db"
        if coursedir.db_url.startswith("sqlite:///"):
            shutil.copy(database, template)
        else:
            _template_gradebook(config, assignment, template, Path(scratch) / "release")
        run_dir = Path(scratch) / "submissions"
        with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
            for student in set(students) - set(runnable):
                _record_zero(gradebook, assignment, student)
                bar.update()
            with ProcessPoolExecutor(max_workers=workers or os.cpu_count(),
                                     mp_context=get_context("spawn")) as pool:
                jobs = [pool.submit(_autograde_one, str(root), assignment, student, str(template),
                                    settings, limits, str(run_dir), warm_kernels)
                        for student in runnable]
                for job in as_completed(jobs):
                    outcome = job.result()
                    student = outcome["student"]
                    events += outcome["events"]
                    known = _log_problems(outcome["log"], outcome["events"], limits) \
                        + outcome["disputes"]
                    if outcome["success"]:
                        with Gradebook(f"sqlite:///{outcome['db']}", coursedir.course_id) as mine:
                            _copy_grades(mine, gradebook, assignment, student)
                    else:
                        known = known or ["nbgrader could not grade it (0 points): "
                                          + outcome["log"].strip()[-300:]]
                        _record_zero(gradebook, assignment, student)
                    problems[student] += known
                    shutil.rmtree(run_dir / student, ignore_errors=True)
                    Path(outcome["db"]).unlink(missing_ok=True)
                    bar.update()
            results = [_result(gradebook, assignment, student, problems[student]) for student in students]
    return ClassRun(results, _safety(events, limits, config.Execute.timeout))


def _result(gradebook: Gradebook, assignment: str, student: str, problems: list[str]) -> GradeResult:
    submission = gradebook.find_submission(assignment, student)
    auto = [grade for notebook in submission.notebooks for grade in notebook.grades
            if grade.cell.cell_type == "code"]
    return GradeResult(student, sum(grade.auto_score or 0 for grade in auto),
                       sum(grade.max_score for grade in auto), problems)


def _course_settings(config: Config, root: Path) -> tuple[str, str, dict[str, str]]:
    """The course's name, where its lessons are published, and each lesson's title."""
    settings = config.get("Smcourse", {})
    course = root / "course" if (root / "course").is_dir() else kit_files.home() / "course"
    lessons = {path.stem: feedback_pages.title_of(nbformat.read(path, as_version=4), path.stem)
               for path in sorted(course.glob("[0-9][0-9]_*.ipynb"))}
    return (settings.get("course_title", DEFAULT_COURSE_TITLE),
            settings.get("lessons_url", DEFAULT_LESSONS_URL), lessons)


def feedback(assignment: str, root: Path | None = None, lessons_url: str | None = None) -> list[Path]:
    """Write feedback/<student>/<assignment>/<notebook>.html for every graded submission, and
    feedback/<student>/index.html across that learner's assignments. Lesson links point at
    `lessons_url` (default: `c.Smcourse.lessons_url` in nbgrader_config.py, else the published
    site)."""
    root = root or kit_files.home()
    config = load_config(root)
    coursedir = CourseDirectory(config=config)
    course, default_url, lessons = _course_settings(config, root)
    written = []
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        for submission in gradebook.find_assignment(assignment).submissions:
            student = submission.student.id
            graded = Path(coursedir.format_path(coursedir.autograded_directory, student, assignment))
            handed_in = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
            target = Path(coursedir.format_path(coursedir.feedback_directory, student, assignment))
            for notebook in submission.notebooks:
                source = nbformat.read(Path(coursedir.format_path(
                    coursedir.source_directory, ".", assignment)) / f"{notebook.name}.ipynb", as_version=4)
                path = graded / f"{notebook.name}.ipynb"
                problems = [] if path.is_file() else [
                    "Your notebook could not be run by the autograder; your tutor has the reason."]
                grades = {grade.name: (None if grade.needs_manual_grade and grade.manual_score is None
                                       else grade.score,
                                       grade.max_score, _comment(notebook, grade.name))
                          for grade in notebook.grades}
                found = feedback_pages.items(
                    source, nbformat.read(path, as_version=4) if path.is_file() else None,
                    feedback_pages.read_answers(handed_in), grades, lessons, lessons_url or default_url)
                target.mkdir(parents=True, exist_ok=True)
                page = target / f"{notebook.name}.html"
                page.write_text(feedback_pages.page(course, feedback_pages.title_of(source, assignment),
                                                    student, submission.timestamp, found, problems),
                                encoding="utf-8")
                written.append(page)
            # what nbgrader's release_feedback needs to return the pages through the exchange
            # (the hand-in's time and secret), as nbgrader's own generate_feedback copies them
            for name in ("timestamp.txt", "submission_secret.txt"):
                for kept in (graded / name, handed_in / name):
                    if kept.is_file() and target.is_dir():
                        shutil.copy(kept, target / name)
                        break
            written.append(_write_index(gradebook, coursedir, course, student))
    return written


def _comment(notebook, name: str) -> str:
    try:
        return next(comment.manual_comment or "" for comment in notebook.comments if comment.name == name)
    except StopIteration:
        return ""


def _write_index(gradebook: Gradebook, coursedir: CourseDirectory, course: str, student: str) -> Path:
    """feedback/<student>/index.html: a link to every feedback page the learner has."""
    folder = Path(coursedir.format_path(coursedir.feedback_directory, student, "."))
    pages = []
    for submission in sorted(gradebook.find_student(student).submissions,
                             key=lambda submission: submission.assignment.name):
        for notebook in submission.notebooks:
            page = folder / submission.assignment.name / f"{notebook.name}.html"
            if page.is_file():
                pages.append((submission.assignment.name, page.relative_to(folder).as_posix(),
                              notebook.score, notebook.max_score))
    index = folder / "index.html"
    index.write_text(feedback_pages.index_page(course, student, pages), encoding="utf-8")
    return index


def gradebook_grades(root: Path | None = None) -> lms.Grades:
    """Every learner's points per assignment from the gradebook: a missing submission counts 0 and
    a late penalty is taken off (never below 0), as `nbgrader export` does. Parts that still need
    marking by hand count 0 and are listed in `unmarked`."""
    root = root or kit_files.home()
    coursedir = CourseDirectory(config=load_config(root))
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        assignments = {assignment.name: assignment.max_score for assignment in gradebook.assignments}
        learners, scores, unmarked = [], {}, {}
        for student in sorted(gradebook.students, key=lambda student: student.id):
            learners.append(lms.Learner(student.id, student.first_name or "", student.last_name or "",
                                        student.email or "", student.lms_user_id or ""))
            scores[student.id] = dict.fromkeys(assignments, 0.0)
            for submission in student.submissions:
                scores[student.id][submission.assignment.name] = max(
                    0.0, submission.score - submission.late_submission_penalty)
                if submission.needs_manual_grade:
                    unmarked.setdefault(student.id, []).extend(
                        f"{submission.assignment.name}: {grade.name}" for notebook in submission.notebooks
                        for grade in notebook.grades if grade.needs_manual_grade)
    return lms.Grades(assignments, learners, scores, unmarked)


def export(path: Path, root: Path | None = None, format: str = "plain") -> lms.Grades:
    """Write the grades as CSV in the shape `format` expects ("plain", "canvas" or "moodle", see
    smcourse.instructor.lms), UTF-8; write nothing if a learner lacks an identifier that shape needs. Returns
    the grades written, whose `unmarked` the caller should show."""
    root = root or kit_files.home()
    grades = gradebook_grades(root)
    rows = lms.rows(grades, format)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return grades
