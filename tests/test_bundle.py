"""The learner bundle (`python kit.py bundle`): nothing a learner should not see, and it installs and
runs lesson 00 on its own, with the learner's environment only."""

import importlib.util
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("kit", ROOT / "kit.py")
kit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(kit)
ARTIFACTS = ROOT / "tests" / "artifacts"
# nbgrader's regions in a source notebook: model answers, hidden tests, marking notes
REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS|MARK SCHEME)(.*?)### END \1", re.DOTALL)
MARKERS = ["BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME", "END SOLUTION"]
NOT_FOR_LEARNERS = ["jupyter-book", "playwright", "pytest", "ruff", "nbgrader", "jupyterhub", "nbval"]


def _secrets():
    """Every substantial line (over 12 characters, more than one word: not a bare argument such as
    `"2027-03-31"),` that any plan repeats) of a model answer, hidden test or marking note in
    solutions/, except those the lessons themselves teach (a worked example a model answer repeats
    is no secret)."""
    lines = set()
    for path in (ROOT / "solutions").rglob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            for _, region in REGION.findall(cell.source):
                lines |= {line.strip() for line in region.splitlines()
                          if len(line.strip()) > 12 and " " in line.strip()}
            if cell.metadata.get("nbgrader", {}).get("solution") and cell.cell_type == "markdown":
                lines |= {line.strip() for line in cell.source.splitlines() if len(line.strip()) > 40}
    taught = "\n".join(path.read_text() for path in (ROOT / "course").glob("*.ipynb"))
    return {line for line in lines if json.dumps(line)[1:-1] not in taught and line not in taught}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    return Path(kit.bundle(str(tmp_path_factory.mktemp("dist") / "smcourse-learner.zip"), root=str(ROOT)))


def test_the_bundle_holds_lessons_exercises_data_package_and_launcher_only(bundle):
    names = zipfile.ZipFile(bundle).namelist()
    assert all(name.startswith("smcourse/") for name in names)
    tops = {name.split("/")[1] for name in names}
    assert tops == {"kit.py", "pyproject.toml", "README.md", "jupyter", "src", "course", "exercises",
                    "datasets"}
    for lesson in (ROOT / "course").glob("*.ipynb"):
        assert f"smcourse/course/{lesson.name}" in names
    forbidden = {"solutions", "tests", "book", "hub", "benchmarks", "submitted", "autograded", "feedback",
                 ".smcourse"}
    for name in names:
        assert not forbidden & set(name.split("/")), name
        assert not name.startswith("smcourse/course/instructor/"), name  # the instructors' notes
        assert not name.endswith(("answers.json", "gradebook.db", ".pyc")), name
    assert "smcourse/src/smcourse/instructor/grading/__init__.py" in names  # the package whole, as installed


def test_no_model_answer_hidden_test_or_marking_note_is_in_the_bundle(bundle):
    secrets = _secrets()
    assert len(secrets) > 50  # the check has something to look for
    with zipfile.ZipFile(bundle) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8", errors="replace")
            assert not [marker for marker in MARKERS if marker in text], name
            assert sorted(line for line in secrets if line in text) == [], name


@pytest.mark.slow
def test_the_bundle_installs_alone_and_runs_lesson_00(bundle, tmp_path):
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "smcourse"
    install = subprocess.run([sys.executable, "kit.py", "install"], cwd=folder, capture_output=True,
                             text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    scripts, python = kit.venv_paths(str(folder / ".venv"), kit.os.name)
    listing = subprocess.run([python, "-m", "pip", "list", "--format", "json"], capture_output=True,
                             text=True, check=True).stdout
    packages = {p["name"].lower() for p in json.loads(listing)}
    assert "jupyterlab" in packages and "smcourse" in packages
    assert not packages & set(NOT_FOR_LEARNERS)
    # lesson 00 runs top to bottom in the bundle's own environment, from the bundle's own files
    run = subprocess.run([python, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                          "--output", str(tmp_path / "ran.ipynb"), "course/00_welcome.ipynb"],
                         cwd=folder, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    ran = nbformat.read(tmp_path / "ran.ipynb", as_version=4)
    assert not [o for c in ran.cells for o in c.get("outputs", []) if o.output_type == "error"]
    where = subprocess.run([python, "-c", "import smcourse; print(smcourse.__file__)"],
                           capture_output=True, text=True, check=True).stdout
    assert str(folder) in where
    total, count = kit.size(str(folder / ".venv"))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "learner_environment.json").write_text(json.dumps(
        {"megabytes": round(total / 1e6), "packages": count}))
