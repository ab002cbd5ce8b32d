"""Autograde: every submission of an assignment in parallel, each in the sandbox, into the gradebook."""

from __future__ import annotations

import os
import shutil
import tempfile
import traceback
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import jsonschema
import nbgrader.api
from nbgrader.api import BaseCell, Gradebook, MissingEntry
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.nbgraderformat.common import BaseMetadataValidator
from nbgrader.preprocessors import CheckCellMetadata, LimitOutput
from sqlalchemy.exc import SAWarning
from traitlets import Integer
from traitlets.config import Config

from smcourse.core import data, kit_files
from smcourse.core.errors import SmcourseError
from smcourse.instructor import referee, sandbox, warm
from smcourse.instructor.grading.course import CONFIG_FILE, check_result, load_config, nbgrader_api
from smcourse.instructor.grading.diagnosis import locked_sources, log_problems, safety, submission_problems

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
_engines: dict = {}  # this worker's database engines, one per gradebook address (`_share_engines`)


def _share_engines() -> None:
    """Make nbgrader's gradebooks in this worker share one SQLAlchemy engine per address. nbgrader
    opens the gradebook about ten times per submission, each time with an engine of its own, whose
    cache of compiled SQL starts empty: most of the database's cost was compiling the same queries
    again. Closing a gradebook still closes its connections (the engine's pool is disposed)."""
    create_engine = nbgrader.api.create_engine
    if getattr(create_engine, "shared", False):
        return

    def shared_engine(url, **options):
        key = (str(url), tuple(sorted(options.items())))
        if key not in _engines:
            _engines[key] = create_engine(url, **options)
        return _engines[key]

    shared_engine.shared = True
    nbgrader.api.create_engine = shared_engine


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
    _share_engines()
    work = Path(run_dir) / student
    course, private = work / "course", work / "private"
    real = CourseDirectory(config=load_config(Path(root)))
    private.mkdir(parents=True)
    shutil.copytree(real.format_path(real.source_directory, ".", assignment),
                    course / real.source_directory / assignment)
    shutil.copytree(real.format_path(real.submitted_directory, student, assignment),
                    course / real.submitted_directory / student / assignment, ignore=_links)
    shutil.copy(Path(root) / CONFIG_FILE, course / CONFIG_FILE)
    # beside the template, in memory; one per worker, so that its engine (and compiled SQL) is reused
    database = Path(template_db).with_name(f"worker-{os.getpid()}.db")
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
    grades = None
    if result["success"]:
        with Gradebook(config.CourseDirectory.db_url, real.course_id) as gradebook:
            grades = _submission_grades(gradebook, assignment, student)
    return {"student": student, "success": result["success"], "grades": grades,
            "events": sandbox.read_report(report),
            "disputes": referee.disputes(disputed) if result["success"] else [],
            "log": (result.get("log") or "") + (result.get("error") or "")}


def _template_gradebook(config: Config, assignment: str, template: Path, release_dir: Path) -> None:
    """A private SQLite gradebook holding `assignment` (notebooks, cells, points, due date), for a
    course whose gradebook is on a database server and cannot be copied as a file."""
    private = Config(config)
    private.CourseDirectory.db_url = f"sqlite:///{template}"
    private.CourseDirectory.release_directory = str(release_dir)
    check_result(nbgrader_api(private).generate_assignment(assignment, force=True, create=True),
                  f"preparing {assignment} for grading")
    with Gradebook(config.CourseDirectory.db_url, config.CourseDirectory.course_id) as main, \
            Gradebook(f"sqlite:///{template}", config.CourseDirectory.course_id) as mine:
        mine.update_or_create_assignment(assignment, duedate=main.find_assignment(assignment).duedate)


def _cell_names(gradebook: Gradebook, notebook) -> dict[str, str]:
    """cell id -> name for the cells of a submitted `notebook`, in one query: a grade's or comment's
    `name` would load its cell, one query each."""
    cells = gradebook.db.query(BaseCell.id, BaseCell.name)
    return dict(cells.filter(BaseCell.notebook_id == notebook.notebook_id))


def _submission_grades(gradebook: Gradebook, assignment: str, student: str) -> dict:
    """What autograding wrote for one submission (its timestamp, and per notebook its flag, late
    penalty, grades and comments by cell name), as data the main process copies."""
    submitted = gradebook.find_submission(assignment, student)
    notebooks = {}
    for notebook in submitted.notebooks:
        names = _cell_names(gradebook, notebook)
        notebooks[notebook.name] = {
            "flagged": notebook.flagged, "late_submission_penalty": notebook.late_submission_penalty,
            "grades": {names[grade.cell_id]: (grade.auto_score, grade.needs_manual_grade)
                       for grade in notebook.grades},
            "comments": {names[comment.cell_id]: comment.auto_comment for comment in notebook.comments}}
    return {"timestamp": submitted.timestamp, "notebooks": notebooks}


def _copy_grades(grades: dict, target: Gradebook, assignment: str, student: str) -> None:
    """Write one autograded submission's `grades` (`_submission_grades`) into the course gradebook."""
    target.update_or_create_student(student)
    copies = {notebook.name: notebook for notebook in target.update_or_create_submission(
        assignment, student, timestamp=grades["timestamp"]).notebooks}
    for name, notebook in grades["notebooks"].items():
        copy = copies[name]
        copy.flagged = notebook["flagged"]
        copy.late_submission_penalty = notebook["late_submission_penalty"]
        names = _cell_names(target, copy)
        mine = {names[grade.cell_id]: grade for grade in copy.grades}
        for cell, (auto_score, needs_manual_grade) in notebook["grades"].items():
            mine[cell].auto_score, mine[cell].needs_manual_grade = auto_score, needs_manual_grade
        mine = {names[comment.cell_id]: comment for comment in copy.comments}
        for cell, auto_comment in notebook["comments"].items():
            mine[cell].auto_comment = auto_comment
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
        locked = {notebook.name: locked_sources(coursedir, assignment, notebook.name)
                  for notebook in notebooks}
        for student in students:
            problems[student], ok = submission_problems(gradebook, coursedir, assignment, student, locked)
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
                    known = log_problems(outcome["log"], outcome["events"], limits) \
                        + outcome["disputes"]
                    if outcome["success"]:
                        _copy_grades(outcome["grades"], gradebook, assignment, student)
                    else:
                        known = known or ["nbgrader could not grade it (0 points): "
                                          + outcome["log"].strip()[-300:]]
                        _record_zero(gradebook, assignment, student)
                    problems[student] += known
                    shutil.rmtree(run_dir / student, ignore_errors=True)
                    bar.update()
            results = [_result(gradebook, assignment, student, problems[student]) for student in students]
    return ClassRun(results, safety(events, limits, config.Execute.timeout))


def _result(gradebook: Gradebook, assignment: str, student: str, problems: list[str]) -> GradeResult:
    submission = gradebook.find_submission(assignment, student)
    auto = [grade for notebook in submission.notebooks for grade in notebook.grades
            if grade.cell.cell_type == "code"]
    return GradeResult(student, sum(grade.auto_score or 0 for grade in auto),
                       sum(grade.max_score for grade in auto), problems)
