"""Does a graded widget keep the learner's answer, stay quiet about right and wrong, and give the
hidden test exactly the verdict the answer deserves?"""

import json

import pytest

from smcourse.core.notebooks import WIDGET_VIEW
from smcourse.core.practice import Choice, MultiSelect, Numeric
from smcourse.ui import answers, widgets
from smcourse.ui.answers import ask, score_parts


@pytest.fixture
def notebook_folder(tmp_path, monkeypatch):
    """A fresh folder as the working directory of a notebook, with no answers saved yet."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    return tmp_path


def _reopen(name="q1", kind=Choice, **fields):
    """The question as a fresh kernel sees it when the notebook is run again."""
    answers._stores.clear()
    return ask(name, kind, "Which denominator counts people?", **fields)


OPTIONS = {"options": ["impressions", "reach", "followers"]}


def test_a_click_is_saved_at_once_and_shown_again_after_a_restart(notebook_folder):
    question = _reopen(**OPTIONS)
    question.input.value = "reach"  # what clicking the radio button does
    assert json.loads((notebook_folder / "answers.json").read_text()) == {"q1": "reach"}
    again = _reopen(**OPTIONS)
    assert again.input.value == "reach" and again.value == "reach"
    assert "Answer saved." in again.status.value


def test_a_typed_graded_answer_is_saved_at_every_keystroke(notebook_folder):
    question = _reopen("q2", Numeric)
    assert question.input.widget.continuous_update is True  # nothing typed is lost on closing
    assert "Answer saved." not in question.status.value  # nothing was saved yet


def test_the_card_says_saved_never_right_or_wrong(notebook_folder):
    question = _reopen(**OPTIONS)
    question.input.value = "impressions"
    assert "Answer saved." in question.status.value
    assert "smcourse-incorrect" not in question.status.value and "Not quite" not in question.status.value


def test_answering_in_code_is_the_same_as_clicking(notebook_folder):
    question = _reopen("q2", MultiSelect, options=["a", "b", "c"])
    question.value = ["a", "c"]
    assert sorted(question.input.value) == ["a", "c"]  # ticked, in the order the card shows them
    assert json.loads((notebook_folder / "answers.json").read_text()) == {"q2": ["a", "c"]}


def test_the_hidden_test_passes_a_right_answer_and_fails_a_wrong_one(notebook_folder, capsys):
    question = _reopen(**OPTIONS)
    question.value = "reach"
    capsys.readouterr()
    question.score(answer="reach", explanation="Reach counts people.")
    assert capsys.readouterr().out == "Right. Reach counts people.\n"
    question.value = "followers"
    with pytest.raises(AssertionError) as wrong:
        question.score(answer="reach", explanation="Reach counts people.",
                       why={"followers": "Followers may never see a post."})
    # the reason for the option chosen, the right answer and the explanation, for the feedback
    assert str(wrong.value) == ("Not right. Followers may never see a post. The right answer: reach. "
                                "Reach counts people.")


USES = {"options": ["recruiting", "customer service", "banner ads", "press releases"]}


def test_a_graded_card_shows_the_shuffled_order_a_practice_check_shows(notebook_folder):
    choice, multi = _reopen(**OPTIONS), _reopen("q2", MultiSelect, **USES)
    assert choice.input.widget.options == Choice(choice.prompt, answer="reach", **OPTIONS).options
    assert choice.input.widget.options != tuple(OPTIONS["options"])
    boxes = tuple(box.description for box in multi.input.widget.children)
    assert boxes == MultiSelect(multi.prompt, answers=["recruiting"], **USES).options
    assert boxes != tuple(USES["options"])
    assert _reopen(shuffle=False, **OPTIONS).input.widget.options == tuple(OPTIONS["options"])


def test_answers_saved_before_the_shuffle_restore_into_the_card_and_grade(notebook_folder, capsys):
    # answers.json as graded widgets wrote it when options were shown as written
    (notebook_folder / "answers.json").write_text('{"q1": "reach", "q2": ["recruiting", "customer service"]}')
    choice, multi = _reopen(**OPTIONS), _reopen("q2", MultiSelect, **USES)
    assert choice.input.widget.options != tuple(OPTIONS["options"])  # shuffled since it was saved
    assert choice.input.value == "reach" and "Answer saved." in choice.status.value
    assert sorted(multi.input.value) == ["customer service", "recruiting"]
    choice.score(answer="reach")
    multi.score(answers=["customer service", "recruiting"])
    assert capsys.readouterr().out == "Right.\nRight.\n"
    with pytest.raises(AssertionError, match="The right answer: impressions"):
        choice.score(answer="impressions")


def test_a_number_within_tolerance_is_right(notebook_folder):
    question = _reopen("q3", Numeric, unit="rate")
    question.input.value = "0.65%"
    question.score(answer=0.0065, tolerance=0.0005)
    with pytest.raises(AssertionError):
        question.score(answer=0.02, tolerance=0.0005)


@pytest.mark.parametrize("content, reason", [
    (None, "answers.json was not found beside the notebook"),
    ("{not json", "answers.json is damaged"),
    ('["reach"]', "answers.json does not hold named answers"),
])
def test_a_missing_or_corrupt_answers_file_scores_zero_with_the_reason(notebook_folder, content,
                                                                          reason):
    if content is not None:
        (notebook_folder / "answers.json").write_text(content)
    question = _reopen(**OPTIONS)
    assert question.value is None
    with pytest.raises(AssertionError, match=reason):
        question.score(answer="reach")


def test_an_answer_of_the_wrong_type_is_reported_not_crashed(notebook_folder):
    (notebook_folder / "answers.json").write_text('{"q1": 42, "q2": 7}')
    choice = _reopen(**OPTIONS)
    with pytest.raises(AssertionError, match="cannot be judged: 42 is not one of the options"):
        choice.score(answer="reach")
    multi = ask("q2", MultiSelect, "Tick", options=["a", "b"])
    assert multi.input.value == []
    with pytest.raises(AssertionError, match="cannot be judged"):
        multi.score(answers=["a"])


def test_while_nbgrader_runs_nothing_is_written_and_stderr_stays_empty(notebook_folder, monkeypatch,
                                                                       capsys):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    question = _reopen(**OPTIONS)
    question.value = "reach"
    question.score(answer="reach")
    with pytest.raises(AssertionError):
        _reopen("q9", **OPTIONS).score(answer="reach")
    assert not (notebook_folder / "answers.json").exists()
    assert capsys.readouterr().err == ""


def test_while_nbgrader_runs_a_card_shows_its_static_note_and_builds_no_widget(notebook_folder,
                                                                            monkeypatch):
    shown = []
    monkeypatch.setattr(answers, "get_ipython", object)  # as in a kernel
    monkeypatch.setattr(widgets, "display", lambda bundle, raw: shown.append(bundle))
    learner = _reopen(**OPTIONS)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    (notebook_folder / "answers.json").write_text('{"q1": "reach"}')
    graded = _reopen(**OPTIONS)
    assert WIDGET_VIEW in shown[0] and "box" in vars(learner)
    assert shown[1] == {key: value for key, value in shown[0].items() if key != WIDGET_VIEW}
    assert "box" not in vars(graded) and graded.value == "reach"
    graded.score(answer="reach")


def test_a_failed_save_is_said_on_the_card(notebook_folder):
    (notebook_folder / "answers.json").mkdir()  # a folder where the file should be
    question = _reopen(**OPTIONS)
    question.input.value = "reach"
    assert "Could not save your answer" in question.status.value


def test_score_parts_shares_the_points_and_says_which_part_failed(capsys):
    def wrong():
        raise AssertionError("the rates are not pooled")

    earned = score_parts({"a Series": lambda: None, "right rates": wrong, "sorted": lambda: None},
                         points=3)
    assert earned == 2
    assert capsys.readouterr().out == "✓ a Series\n✗ right rates: the rates are not pooled\n✓ sorted\n"
