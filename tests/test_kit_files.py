"""Does the kit find the course's folder one way, in the stated order, at call time, and say what to do
when it cannot?"""

import shutil
from pathlib import Path

import pytest

import smcourse
from smcourse import SmcourseError
from smcourse.core import data, kit_files, notebooks
from smcourse.instructor import grading

ROOT = Path(__file__).resolve().parents[1]


def _course_folder(folder: Path) -> Path:
    """A folder the kit takes for a course: it holds datasets/datapackage.json."""
    (folder / "datasets").mkdir(parents=True)
    shutil.copy(ROOT / "datasets" / "datapackage.json", folder / "datasets")
    return folder


@pytest.fixture(autouse=True)
def _no_overrides(monkeypatch):
    monkeypatch.delenv("SMCOURSE_HOME", raising=False)
    monkeypatch.delenv("SMCOURSE_DATASETS", raising=False)


def test_the_nearest_course_folder_at_or_above_the_working_folder(tmp_path, monkeypatch):
    outer, inner = _course_folder(tmp_path / "outer"), _course_folder(tmp_path / "outer" / "inner")
    (inner / "course" / "notes").mkdir(parents=True)
    monkeypatch.chdir(inner / "course" / "notes")
    assert kit_files.home() == inner
    monkeypatch.chdir(outer)
    assert kit_files.home() == outer


def test_smcourse_home_comes_first(tmp_path, monkeypatch):
    chosen = _course_folder(tmp_path / "chosen")
    monkeypatch.chdir(_course_folder(tmp_path / "here"))
    monkeypatch.setenv("SMCOURSE_HOME", str(chosen))
    assert kit_files.home() == chosen


def test_smcourse_home_without_datasets_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("SMCOURSE_HOME", str(tmp_path))
    with pytest.raises(SmcourseError, match="SMCOURSE_HOME is .*datasets/datapackage.json"):
        kit_files.home()


def test_outside_any_course_folder_the_editable_checkout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert kit_files.home() == Path(smcourse.__file__).resolve().parents[2] == ROOT


def test_nowhere_to_look_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    installed = tmp_path / "site-packages" / "smcourse" / "core" / "kit_files.py"
    monkeypatch.setattr(kit_files, "__file__", str(installed))
    with pytest.raises(SmcourseError, match="run this from the course folder .* or set SMCOURSE_HOME"):
        kit_files.home()


def test_every_place_asks_at_call_time(tmp_path, monkeypatch):
    """The datasets, the lessons and grading's default course follow the working folder."""
    course = _course_folder(tmp_path / "course")
    shutil.copy(ROOT / "nbgrader_config.py", course)
    (course / "solutions" / "07_extra").mkdir(parents=True)
    (course / "course").mkdir()
    (course / "course" / "07_extra.ipynb").write_text("{}")
    monkeypatch.chdir(course / "course")
    assert data.datasets_dir() == course / "datasets"
    assert notebooks.lessons() == [course / "course" / "07_extra.ipynb"]
    assert grading.assignments() == ["07_extra"]
    monkeypatch.setenv("SMCOURSE_DATASETS", str(tmp_path / "elsewhere"))
    assert data.datasets_dir() == tmp_path / "elsewhere"
