"""Does every practice check and hint leave one line in the learner's local log, without ever
disturbing the learner, and can an instructor read a folder of collected logs back?"""

import errno
import json
from pathlib import Path

import pytest

from smcourse.core import attempts
from smcourse.core.errors import SmcourseError
from smcourse.core.practice import Choice, MultiSelect
from smcourse.ui.widgets import PracticeCard

QUESTION = Choice("Which denominator counts people?", ["impressions", "reach"], "reach",
                  hint="One person can see a post twice.", name="denominator")


@pytest.fixture
def in_notebook(tmp_path, monkeypatch):
    """Pretend to be a notebook kernel whose notebook sits in tmp_path."""
    monkeypatch.setattr(attempts, "notebook_folder", lambda: tmp_path)
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "05_metrics.ipynb"))
    return tmp_path


def _logged(folder):
    return [json.loads(line) for line in
            (folder / ".smcourse" / "attempts.jsonl").read_text(encoding="utf-8").splitlines()]


def _sent(card, content):
    """What the page sends the kernel after it has shown a verdict or a hint (a custom message)."""
    card._handle_custom_msg(content, [])


def test_checks_and_hints_on_a_card_are_logged_in_order_with_answer_and_status(in_notebook):
    card = PracticeCard(QUESTION)
    _sent(card, {"event": "check", "answer": "impressions"})
    _sent(card, {"event": "hint"})
    _sent(card, {"event": "check", "answer": "reach"})
    lines = _logged(in_notebook)
    assert [(line["event"], line["status"], line["answer"]) for line in lines] == [
        ("check", "incorrect", "impressions"), ("hint", None, None), ("check", "correct", "reach")]
    assert {line["question"] for line in lines} == {"denominator"}
    assert {line["lesson"] for line in lines} == {"05_metrics"}
    assert all(line["time"].endswith("+00:00") for line in lines)


def test_the_kernel_judges_a_logged_answer_itself(in_notebook):
    """The status logged is `Question.check`'s, whatever else a message carries."""
    _sent(PracticeCard(QUESTION), {"event": "check", "answer": "impressions", "status": "correct"})
    _sent(PracticeCard(QUESTION), {"event": "unknown"})
    assert [line["status"] for line in _logged(in_notebook)] == ["incorrect"]


def test_outside_a_notebook_kernel_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert attempts.notebook_folder() is None
    _sent(PracticeCard(QUESTION), {"event": "check", "answer": "reach"})
    assert not (tmp_path / ".smcourse").exists()


def test_a_full_disk_is_skipped_silently(tmp_path, monkeypatch, capsys):
    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "open", full_disk)
    assert attempts.record(QUESTION, "hint", folder=tmp_path) is None
    assert capsys.readouterr() == ("", "")


def test_a_log_that_cannot_be_written_never_raises_or_prints(tmp_path, capsys):
    """A file where the log folder should be stands in for any write failure (full disk, no rights)."""
    (tmp_path / ".smcourse").write_text("not a folder")
    assert attempts.record(QUESTION, "check", "correct", "reach", folder=tmp_path) is None
    assert capsys.readouterr() == ("", "")


def test_an_answer_that_is_not_json_is_logged_as_text(tmp_path):
    attempts.record(QUESTION, "check", "invalid", object(), folder=tmp_path)
    assert _logged(tmp_path)[0]["answer"].startswith("<object object")


def test_reading_a_folder_of_collected_logs_names_each_learner(tmp_path):
    nested = tmp_path / "ana" / "course" / ".smcourse"
    nested.mkdir(parents=True)
    for answer, status in (("impressions", "incorrect"), ("reach", "correct")):
        attempts.record(QUESTION, "check", status, answer, folder=nested.parent)
    (tmp_path / "ben").mkdir()
    multi = MultiSelect("Pick uses", ["service", "hiring", "ads"], ["service", "hiring"], name="uses")
    attempts.record(multi, "check", "incorrect", ["service", "ads"], folder=tmp_path / "ben")
    (tmp_path / "ben" / ".smcourse" / "attempts.jsonl").rename(tmp_path / "ben.jsonl")
    with (tmp_path / "ben.jsonl").open("a") as log:
        log.write('{"question": "uses", "event": "che')  # cut short by a full disk
    table = attempts.read(tmp_path)
    assert sorted(table["learner"]) == ["ana", "ana", "ben"]
    ben = table[table["learner"] == "ben"].iloc[0]
    assert (ben["question"], ben["status"], ben["answer"]) == ("uses", "incorrect", "service; ads")
    assert str(table["time"].dt.tz) == "UTC"


def test_an_empty_folder_reads_as_no_attempts_and_a_missing_one_says_what_to_do(tmp_path):
    assert attempts.read(tmp_path).empty
    with pytest.raises(SmcourseError, match="Collect each learner"):
        attempts.read(tmp_path / "nowhere")
