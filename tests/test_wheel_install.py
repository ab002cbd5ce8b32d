"""Does the kit work installed from its wheel (`pip install .`, not editable), far from its checkout?
In a copy of the course's folders, lesson 00 runs and a submission is graded by the installed
`smcourse`, which finds those folders from the working folder alone.

Offline: the wheel is built with this environment's setuptools (no build isolation, no index). The
fresh environment has no system site packages: it gets this environment's installed dependencies as
hard links (copies across file systems) in its own site-packages, everything but smcourse's
editable install, so only the wheel can provide `smcourse`, and the grading sandbox, which shows a
kernel its own environment's files, sees them all. The test checks `smcourse.__file__` in each
process it starts.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
from importlib.metadata import version
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "05_metrics"
LESSON = "00_welcome.ipynb"
WIDGET = re.compile(r"q\d+$")  # graded widget questions, scored from answers.json
# what would point the fresh environment back at the checkout
LEFT_BEHIND = ("PYTHONPATH", "SMCOURSE_HOME", "SMCOURSE_DATASETS", "VIRTUAL_ENV", "JUPYTER_PATH")


def _run(command: list, **options) -> str:
    done = subprocess.run(command, capture_output=True, text=True, **options)
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _wheel(folder: Path) -> Path:
    """The kit's wheel, built from a copy of its sources (a build writes beside them)."""
    assert int(version("setuptools").split(".")[0]) >= 77, \
        "building the wheel offline needs setuptools>=77 here: `make install` adds it (the test extra)"
    source = folder / "source"
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
          "--quiet", "--wheel-dir", str(folder / "dist"), str(source)])
    (wheel,) = (folder / "dist").glob("smcourse-*.whl")
    return wheel


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _fresh_environment(folder: Path, wheel: Path) -> tuple[Path, Path]:
    """A new venv with this one's dependencies and the wheel installed; its python and site-packages."""
    venv.EnvBuilder(with_pip=False).create(folder)
    python = folder / "bin" / "python"
    packages = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).strip())
    for place in {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}:
        for entry in Path(place).iterdir():
            if entry.name.startswith(("smcourse", "__editable__")):  # the checkout's editable install
                continue
            if entry.is_dir():
                shutil.copytree(entry, packages / entry.name, symlinks=True, copy_function=_link_or_copy,
                                dirs_exist_ok=True)
            else:
                _link_or_copy(entry, packages / entry.name)
    # their commands too (nbgrader runs `alembic`), started by the new environment's python
    scripts = Path(sysconfig.get_path("scripts"))
    for script in scripts.iterdir():
        target = python.parent / script.name
        if target.exists() or script.name.startswith("smcourse") or not script.is_file():
            continue
        first, _, rest = script.read_bytes().partition(b"\n")
        if first.startswith(b"#!") and Path(first[2:].decode(errors="replace").strip()).parent == scripts:
            target.write_bytes(b"#!" + bytes(python) + b"\n" + rest)
            target.chmod(0o755)
    _run([python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)])
    return python, packages


def _course_copy(folder: Path) -> Path:
    """The course's folders as a tutor has them, without the package's sources."""
    shutil.copytree(ROOT / "course", folder / "course")
    shutil.copytree(ROOT / "datasets", folder / "datasets")
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, folder / "solutions" / ASSIGNMENT)
    shutil.copy(ROOT / "nbgrader_config.py", folder)
    return folder


def _submit(course: Path, student: str) -> None:
    """Hand in the student version with the right code in every code task and no widget answers."""
    source = nbformat.read(course / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    solved = {cell.metadata.nbgrader["grade_id"]: cell.source for cell in source.cells
              if "nbgrader" in cell.metadata}
    notebook = nbformat.read(course / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in notebook.cells:
        marks = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and marks.get("solution") and not WIDGET.match(marks["grade_id"]):
            cell.source = solved[marks["grade_id"]]
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")


def _points(course: Path) -> tuple[float, float]:
    """The assignment's automatic points: all of them, and those of its code tasks alone."""
    source = nbformat.read(course / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    graded = [cell.metadata.nbgrader for cell in source.cells
              if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade")]
    code = [marks for marks in graded if not WIDGET.match(marks["grade_id"].removesuffix("_test"))]
    return sum(marks["points"] for marks in graded), sum(marks["points"] for marks in code)


def test_an_installed_wheel_runs_lesson_00_and_grades_a_submission_from_the_course_folder(tmp_path):
    python, packages = _fresh_environment(tmp_path / "env", _wheel(tmp_path))
    environment = {name: value for name, value in os.environ.items() if name not in LEFT_BEHIND}
    environment["PATH"] = f"{python.parent}{os.pathsep}{environment['PATH']}"
    course = _course_copy(tmp_path / "course")

    where = json.loads(_run([python, "-c", "import json, smcourse; from smcourse import kit_files; print("
                             "json.dumps([smcourse.__file__, str(kit_files.home())]))"],
                            cwd=course / "course", env=environment))
    assert Path(where[0]).is_relative_to(packages), f"smcourse came from {where[0]}, not the wheel"
    assert Path(where[1]) == course.resolve()

    # lesson 00, with a last cell saying which smcourse and which datasets its kernel used
    lesson = nbformat.read(ROOT / "course" / LESSON, as_version=4)
    lesson.cells.append(nbformat.v4.new_code_cell(
        "import smcourse\nfrom smcourse import data\nprint(smcourse.__file__)\nprint(data.datasets_dir())"))
    nbformat.write(lesson, course / "course" / LESSON)
    _run([python, "-m", "nbconvert", "--to", "notebook", "--execute", "--output", "ran.ipynb",
          LESSON], cwd=course / "course", env=environment)
    ran = nbformat.read(course / "course" / "ran.ipynb", as_version=4)
    errors = [output.ename for cell in ran.cells for output in cell.get("outputs", [])
              if output.output_type == "error"]
    assert errors == []
    used, datasets = ran.cells[-1].outputs[0].text.split()
    assert Path(used).is_relative_to(packages) and Path(datasets) == course.resolve() / "datasets"

    # the tutor's cycle from the course folder, with the installed command and no --course
    smcourse = [python.parent / "smcourse", "assignments"]
    _run([*smcourse, "release", ASSIGNMENT], cwd=course, env=environment)
    _submit(course, "learner")
    graded = _run([*smcourse, "grade", ASSIGNMENT, "--workers", "1"], cwd=course, env=environment)
    full, code = _points(course)
    assert 0 < code < full
    assert f"learner: {code:g} / {full:g} automatic points" in graded
