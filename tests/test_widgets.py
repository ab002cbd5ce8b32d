"""Does a practice card show the right feedback when the learner clicks, and keep the answer given?"""

from smcourse.practice import Choice, MultiSelect, Numeric, Ordering
from smcourse.widgets import PracticeCard


def _click(card, description):
    buttons = card.box.children[2].children
    next(button for button in buttons if button.description == description).click()


def test_choice_card_feedback_changes_from_wrong_to_right():
    card = PracticeCard(Choice("Pick", ["a", "b"], "b", explanation="b is it."))
    card.input.value = "a"
    _click(card, "Check")
    assert "smcourse-incorrect" in card.feedback.value
    card.input.value = "b"
    _click(card, "Check")
    assert "smcourse-correct" in card.feedback.value and "b is it." in card.feedback.value


def test_clicking_check_with_no_answer_asks_for_one():
    card = PracticeCard(Numeric("How many?", 3))
    _click(card, "Check")
    assert "smcourse-invalid" in card.feedback.value and "Type a number first." in card.feedback.value


def test_hint_and_answer_buttons():
    card = PracticeCard(Choice("Pick", ["a", "b"], "b", hint="Think of b.", explanation="Because."))
    _click(card, "Hint")
    assert "Think of b." in card.feedback.value
    _click(card, "Show answer")
    assert "Answer: b. Because." in card.feedback.value


def test_inputs_hold_and_restore_each_kind_of_answer():
    for question, answer in [
        (Choice("c", ["a", "b"], "a"), "a"),
        (MultiSelect("m", ["a", "b", "c"], ["a", "c"]), ["a", "c"]),
        (Numeric("n", 2.5), "2.5"),
        (Ordering("o", ["x", "y"]), {"1st": "x", "2nd": "y"}),
    ]:
        card = PracticeCard(question)
        card.input.value = answer
        assert card.input.value == answer
        assert card.check().correct


def test_a_stale_answer_that_no_longer_fits_is_dropped_not_crashed():
    card = PracticeCard(Choice("c", ["a", "b"], "a"))
    card.input.value = "z"
    assert card.input.value is None


def test_observe_reports_each_change():
    card = PracticeCard(MultiSelect("m", ["a", "b"], ["a"]))
    seen = []
    card.input.observe(lambda: seen.append(card.input.value))
    card.input.value = ["a"]
    assert seen == [["a"]]


def test_a_verdict_is_cleared_when_the_answer_changes_but_a_hint_stays():
    card = PracticeCard(Choice("Pick", ["a", "b"], "b", hint="Think of b."))
    card.input.value = "a"
    _click(card, "Check")
    assert "smcourse-incorrect" in card.feedback.value
    card.input.value = "b"  # the wrong verdict is about "a", not about what the card now shows
    assert card.feedback.value == ""
    _click(card, "Hint")
    card.input.value = "a"
    assert "Think of b." in card.feedback.value


def test_a_typed_practice_answer_reaches_the_kernel_when_the_field_is_left():
    card = PracticeCard(Numeric("How many?", 3))
    assert card.input.widget.continuous_update is False  # clicking Check sends the finished number
