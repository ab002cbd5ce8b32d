"""`smcourse assignments collect`: hand-ins downloaded from an LMS or an inbox, filed by nbgrader's
zip_collect with the names and times the LMS gave them; unknown names listed, never guessed."""

import os
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from smcourse import cli
from smcourse.instructor.collect import identify, learner_id

ROOT = Path(__file__).resolve().parents[1]
A = "05_metrics"
NB = [f"{A}.ipynb"]


@pytest.mark.parametrize("parts, expected", [
    (["smithjohn_12345_67890_05_metrics.ipynb"], ("smithjohn", "05_metrics.ipynb")),
    (["submissions", "smithjohn_late_12345_67890_05_metrics-1.ipynb"], ("smithjohn", "05_metrics.ipynb")),
    (["smithjohn_12345_67890_answers.json"], ("smithjohn", "answers.json")),
    (["Ana López_4242_assignsubmission_file_05_metrics.ipynb"], ("ana_lopez", "05_metrics.ipynb")),
    (["m.zip", "Ana López_4242_assignsubmission_file_", "answers.json"], ("ana_lopez", "answers.json")),
    (["ana", "05_metrics.ipynb"], ("ana", "05_metrics.ipynb")),
    (["ben", "05_metrics", "answers.json"], ("ben", "answers.json")),
    (["cleo.ipynb"], ("cleo", "05_metrics.ipynb")),
])
def test_lms_and_email_names_are_read(parts, expected):
    assert identify(parts, NB) == expected


@pytest.mark.parametrize("parts", [
    ["05_metrics.ipynb"],                 # whose?
    ["notes.txt"], ["ana", "draft.ipynb"], ["smithjohn_12345_67890_other.ipynb"],
    ["Untitled (3).json"],
])
def test_names_that_say_nothing_sure_are_not_guessed(parts):
    assert identify(parts, NB) is None


def test_learner_ids_have_no_spaces_or_accents():
    assert learner_id("Zoë  O'Neil-Smith") == "zoe_o_neil_smith"


@pytest.fixture
def course(tmp_path):
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "exercises" / A, root / "exercises" / A)
    return root


def _zip(path, members, when=(2026, 3, 9, 16, 40, 0)):
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=when), text)


def _local(date_time):
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(time.mktime(date_time + (0, 0, -1))))


def test_a_mixed_download_is_filed_with_times_and_the_rest_listed(course, tmp_path, capsys):
    notebook = (course / "exercises" / A / f"{A}.ipynb").read_text()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    _zip(downloads / "submissions.zip", {            # Canvas's bulk download
        "smithjohn_12345_67890_05_metrics.ipynb": notebook,
        "smithjohn_12345_67890_answers.json": "{}",
        "doeanna_late_12346_67891_05_metrics-1.ipynb": notebook,
    }, when=(2026, 3, 10, 9, 5, 0))
    moodle = downloads / "Ana López_4242_assignsubmission_file_"     # Moodle, folders
    moodle.mkdir()
    (moodle / f"{A}.ipynb").write_text(notebook)
    (moodle / "answers.json").write_text("{}")
    stamp = time.mktime((2026, 3, 8, 12, 0, 0, 0, 0, -1))
    for path in moodle.iterdir():
        os.utime(path, (stamp, stamp))
    _zip(downloads / "ben.zip", {f"{A}/{A}.ipynb": notebook, f"{A}/answers.json": "{}"})  # email
    (downloads / "cleo.ipynb").write_text(notebook)
    (downloads / f"{A}.ipynb").write_text(notebook)           # nobody's name: listed
    (downloads / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")

    assert cli.main(["assignments", "collect", A, str(downloads), "--course", str(course)]) == 0
    out, err = capsys.readouterr()
    submitted = course / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == ["ana_lopez", "ben", "cleo", "doeanna", "smithjohn"]
    for student in ["ana_lopez", "ben", "smithjohn"]:
        assert sorted(p.name for p in (submitted / student / A).iterdir()) == [
            f"{A}.ipynb", "answers.json", "timestamp.txt"]
    assert (submitted / "smithjohn" / A / "timestamp.txt").read_text().startswith(
        _local((2026, 3, 10, 9, 5, 0))[:19])
    assert (submitted / "ben" / A / "timestamp.txt").read_text().startswith(
        _local((2026, 3, 9, 16, 40, 0))[:19])
    assert (submitted / "ana_lopez" / A / "timestamp.txt").read_text().startswith(
        time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(stamp)))
    assert "filed 5 learners" in out
    assert f"{A}.ipynb  (name not recognised: not filed)" in err
    assert "broken.zip  (not a readable zip: not filed)" in err
    assert "Traceback" not in out + err


def test_collecting_again_asks_for_force_then_replaces(course, tmp_path, capsys):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "cleo.ipynb").write_text((course / "exercises" / A / f"{A}.ipynb").read_text())
    args = ["assignments", "collect", A, str(downloads), "--course", str(course)]
    assert cli.main(args) == 0
    assert cli.main(args) == 1
    assert "add --force" in capsys.readouterr().err
    assert cli.main([*args, "--force"]) == 0


@pytest.mark.parametrize("assignment, folder, says", [
    ("99_nothing", "downloads", "no released assignment '99_nothing'"),
    (A, "missing", "is not a folder"),
])
def test_bad_arguments_get_a_message(course, tmp_path, capsys, assignment, folder, says):
    (tmp_path / "downloads").mkdir()
    code = cli.main(["assignments", "collect", assignment, str(tmp_path / folder), "--course", str(course)])
    err = capsys.readouterr().err
    assert code == 1 and says in err and "Traceback" not in err
