"""Graded orderings, matchings and per-cent answers: the card shows no key, saves what the learner
arranges, and the hidden test judges it as it judges a choice or a number."""

import json

import pytest

from smcourse.core.practice import Matching, Numeric, Ordering
from smcourse.ui import answers
from smcourse.ui.answers import ask

STEPS = ["a relationship", "first contact", "asking for something in return"]
ORDER = ["first contact", "a relationship", "asking for something in return"]
PAIRS = {"the web shop": "owned", "the TikTok account": "rented", "a local forum": "occupied"}


@pytest.fixture
def notebook_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    answers._stores.clear()
    return tmp_path


def _ordering():
    return ask("q1", Ordering, "Put the stages in order.", options=STEPS)


def _matching():
    return ask("q2", Matching, "Match each place to its kind.", items=list(PAIRS),
               options=["owned", "rented", "occupied"])


def test_an_ordering_card_offers_every_step_at_every_place_and_saves_the_order_chosen(notebook_folder):
    question = _ordering()
    assert question.input.question.items == ("1st", "2nd", "3rd")
    assert sorted(question.input.question.options) == sorted(STEPS)
    question.value = dict(zip(("1st", "2nd", "3rd"), ORDER, strict=True))
    saved = json.loads((notebook_folder / "answers.json").read_text())
    assert saved == {"q1": {"1st": "first contact", "2nd": "a relationship",
                            "3rd": "asking for something in return"}}


def test_an_ordering_is_right_only_with_every_step_in_place(notebook_folder, capsys):
    question = _ordering()
    question.value = ORDER
    question.score(order=ORDER, explanation="Contact first.")
    assert "Right. Contact first." in capsys.readouterr().out
    question.value = [ORDER[1], ORDER[0], ORDER[2]]
    with pytest.raises(AssertionError, match="1 of 3 are in the right place.*The right answer: "
                                             "first contact → a relationship"):
        question.score(order=ORDER)


def test_a_matching_card_shows_the_items_and_judges_every_match(notebook_folder, capsys):
    question = _matching()
    assert question.input.question.items == tuple(PAIRS)
    question.value = PAIRS
    question.score(pairs=PAIRS)
    assert capsys.readouterr().out.splitlines()[-1].startswith("Right.")
    question.value = {**PAIRS, "a local forum": "rented"}
    with pytest.raises(AssertionError, match="2 of 3 matches are right"):
        question.score(pairs=PAIRS)
    question.value = {"the web shop": "owned"}
    with pytest.raises(AssertionError, match="cannot be judged: Choose a match for: the TikTok"):
        question.score(pairs=PAIRS)


def _per_cent():
    return ask("q3", Numeric, "What is the click-through rate? (a per cent to two decimal places)",
               unit="%")


@pytest.mark.parametrize("typed", ["1.25", "1.25%", " 1.25 % ", 1.25, "1.254"])
def test_a_per_cent_question_reads_a_number_as_a_per_cent(notebook_folder, capsys, typed):
    question = _per_cent()
    question.value = typed
    question.score(answer=1.25, tolerance=0.006)
    assert capsys.readouterr().out.splitlines()[-1].startswith("Right.")


def test_a_fraction_where_a_per_cent_is_asked_is_named_on_the_card_and_not_judged_wrong(
        notebook_folder, capsys):
    question = _per_cent()
    question.value = "0.0125"
    assert "read as 0.0125 %. If 0.0125 is a fraction, the per cent is 1.25 %" in question.status.value
    question.score(answer=1.25, tolerance=0.006)
    out = capsys.readouterr().out
    assert "Right, though written as a fraction (0.0125): the question asked for a per cent, 1.25 %." in out


def test_a_wrong_per_cent_is_still_wrong(notebook_folder):
    question = _per_cent()
    question.value = "12.5"
    assert "fraction" not in question.status.value  # 12.5 cannot be a fraction
    with pytest.raises(AssertionError, match="12.5 is too high"):
        question.score(answer=1.25, tolerance=0.006)
    question.value = "0.5"  # neither 0.5 % nor 50 %
    with pytest.raises(AssertionError, match="0.5 is too low"):
        question.score(answer=1.25, tolerance=0.006)
