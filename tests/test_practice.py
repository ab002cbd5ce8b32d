"""Do practice checks judge answers correctly and answer every bad input with a friendly message?"""

import json
import os
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcourse.core.plan import parse_amount
from smcourse.core.practice import (
    Choice,
    InvalidAnswer,
    Matching,
    MultiSelect,
    Numeric,
    Ordering,
    parse_number,
    short_number,
)

CHOICE = Choice("Which denominator?", ["impressions", "reach", "followers"], "reach",
                why={"followers": "Followers ignore people who saw a share."}, hint="Who saw it?",
                explanation="Reach counts people, not views.")
MULTI = MultiSelect("Which are uses beyond marketing?", ["recruiting", "customer service", "banner ads"],
                    ["recruiting", "customer service"])
NUMBER = Numeric("What is the CTR?", 0.034, tolerance=0.0005)
ORDER = Ordering("Order the path", ["contact", "relationship", "brand experience", "leverage"])
MATCH = Matching("Match", {"blog": "owned", "Facebook page": "rented", "forum thread": "occupied"})
QUESTIONS = [CHOICE, MULTI, NUMBER, ORDER, MATCH]


def test_judging_an_answer_loads_no_widgets():
    # as grading and the page's twin tests do: the core's questions alone, in a fresh interpreter
    script = """
import json, sys
from smcourse.core.practice import Choice
verdict = Choice("Pick one", ["a", "b"], "b").check("b").status
print(json.dumps({"verdict": verdict, "widgets": sorted(
    name for name in sys.modules if name.split(".")[0] in ("ipywidgets", "anywidget"))}))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == {"verdict": "correct", "widgets": []}


def test_choice_right_wrong_and_specific_feedback():
    assert CHOICE.check("reach").correct
    assert "Reach counts people" in CHOICE.check("reach").message
    wrong = CHOICE.check("followers")
    assert wrong.status == "incorrect" and "ignore people who saw a share" in wrong.message
    assert "Try the hint" in CHOICE.check("impressions").message


def test_multiselect_counts_what_was_found_without_revealing_it():
    assert MULTI.check(["customer service", "recruiting"]).correct
    verdict = MULTI.check(["recruiting", "banner ads"])
    assert verdict.status == "incorrect"
    assert verdict.message == "You found 1 of the 2 right options and ticked 1 that does not belong."


@pytest.mark.parametrize("answer", [0.034, "0.034", "3.4%", " 3.40 % ", "0.0344"])
def test_numeric_accepts_numbers_in_learner_formats(answer):
    assert NUMBER.check(answer).correct


@pytest.mark.parametrize("typed, number", [("1,250", 1250), ("1,250.5", 1250.5), ("12,345,678", 12345678),
                                           ("-1,000", -1000), ("4.5", 4.5), ("1 250", 1250),
                                           ("4,5", None), ("1,25", None), ("1,2500", None),
                                           (",5", None), ("1,,250", None)])
def test_one_rule_reads_numbers_in_practice_checks_and_the_plan(typed, number):
    """A point marks decimals and a comma only separates thousands; "4,5" is refused, not guessed,
    by the practice checks and the plan alike."""
    assert parse_amount(typed) == number
    if number is None:
        with pytest.raises(InvalidAnswer, match="write decimals with a point|is not a number"):
            parse_number(typed)
    else:
        assert parse_number(typed) == number


def test_numbers_are_written_to_six_digits_with_halves_rounded_up():
    assert [short_number(x) for x in (0.034, 1250, 1234565, 1.5e7, -0.00012345, 2.5e-5, 0)] == [
        "0.034", "1250", "1.23457e+06", "1.5e+07", "-0.00012345", "2.5e-05", "0"]


def test_each_question_tells_the_page_what_it_needs_to_judge():
    assert NUMBER.spec() == {"kind": "numeric", "prompt": "What is the CTR?", "explanation": "",
                             "hint": None, "solution": "0.034", "answer": 0.034, "tolerance": 0.0005,
                             "unit": ""}
    assert ORDER.spec()["items"] == ["1st", "2nd", "3rd", "4th"]
    # the right options in the order the card shows them
    assert MULTI.spec()["answers"] == [option for option in MULTI.spec()["options"] if option != "banner ads"]


def test_numeric_says_which_way_it_is_off():
    assert NUMBER.check(0.05).message.startswith("0.05 is too high")
    assert NUMBER.check("1%").message.startswith("0.01 is too low")


def test_ordering_accepts_a_list_or_positions_and_counts_places():
    assert ORDER.check(["contact", "relationship", "brand experience", "leverage"]).correct
    verdict = ORDER.check(["relationship", "contact", "brand experience", "leverage"])
    assert verdict.message == "2 of 4 are in the right place."
    assert ORDER.check(["contact"] * 4).message == "Use each item once."


def test_matching_names_the_items_still_unmatched():
    verdict = MATCH.check({"blog": "owned"})
    assert verdict.status == "invalid"
    assert verdict.message == "Choose a match for: Facebook page, forum thread."
    assert MATCH.check({"blog": "owned", "Facebook page": "rented", "forum thread": "occupied"}).correct


@pytest.mark.parametrize(("question", "answer", "message"), [
    (CHOICE, None, "Pick one of the options first."),
    (CHOICE, "", "Pick one of the options first."),
    (CHOICE, 3, f"3 is not one of the options. Choose one of: {'; '.join(CHOICE.options)}."),
    (CHOICE, ["reach"], "That is not one of the options."),
    (CHOICE, "likes", "“likes” is not one of the options."),
    (MULTI, [], "Tick at least one option first."),
    (MULTI, "recruiting", "Tick the options that apply"),
    (MULTI, ["recruiting", "billboards"], "Not an option here: billboards."),
    (NUMBER, "", "Type a number first."),
    (NUMBER, "three percent", "“three percent” is not a number."),
    (NUMBER, "1_000", "“1_000” is not a number."),
    (NUMBER, 10**400, "Type an ordinary (finite) number."),
    (MULTI, ["recruiting", 3], "Tick the options that apply"),
    (MATCH, {"blog": 3, "Facebook page": "rented", "forum thread": ""},
     "Choose a match for: blog, forum thread."),
    (NUMBER, True, "Type a number"),
    (NUMBER, float("nan"), "Type an ordinary (finite) number."),
    (ORDER, 42, "Choose a match for every item."),
])
def test_empty_and_wrong_type_answers_get_a_friendly_message(question, answer, message):
    verdict = question.check(answer)
    assert verdict.status == "invalid"
    assert verdict.message.startswith(message)


ANYTHING = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=8)


@given(answer=ANYTHING)
def test_check_never_raises_whatever_the_answer(answer):
    for question in QUESTIONS:
        assert question.check(answer).status in {"correct", "incorrect", "invalid"}


def test_badly_declared_questions_fail_at_authoring_time():
    with pytest.raises(ValueError, match="not one of the options"):
        Choice("?", ["a", "b"], "c")
    with pytest.raises(ValueError, match="at least two distinct options"):
        Choice("?", ["a", "a"], "a")
    with pytest.raises(ValueError, match="non-empty subset"):
        MultiSelect("?", ["a", "b"], ["z"])


WRITTEN = ["first", "second", "third", "fourth"]
PROMPTS = [f"Question {number}: which option is meant?" for number in range(60)]
SHOWN = """
import json
from smcourse.core.practice import Choice
print(json.dumps([Choice(prompt, {written!r}, "first").options for prompt in {prompts!r}]))
"""


def test_a_question_shows_its_options_in_one_order_in_every_build_and_process():
    built = [Choice(prompt, WRITTEN, "first").options for prompt in PROMPTS]
    assert built == [Choice(prompt, WRITTEN, "first").options for prompt in PROMPTS]
    script = SHOWN.format(written=WRITTEN, prompts=PROMPTS)
    for salt in ("1", "2"):  # str hashes differ between these processes; the order must not
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                                env=os.environ | {"PYTHONHASHSEED": salt})
        assert [tuple(options) for options in json.loads(result.stdout)] == built


@pytest.mark.parametrize("kind, key", [(Choice, "first"), (MultiSelect, ["first", "third"])])
def test_most_questions_move_their_options_and_the_key_can_sit_anywhere(kind, key):
    questions = [kind(prompt, WRITTEN, key) for prompt in PROMPTS]
    moved = sum(question.options != tuple(WRITTEN) for question in questions)
    assert moved >= 0.8 * len(questions)  # a fair shuffle of four leaves 1 in 24 as written
    places = Counter(question.options.index("first") for question in questions)
    assert set(places) == set(range(len(WRITTEN))) and max(places.values()) <= len(questions) / 2
    assert all(question.check(key).correct for question in questions)
    assert not any(question.check(["second"] if kind is MultiSelect else "second").correct
                   for question in questions)


def test_the_order_comes_from_the_question_not_its_key():
    # a graded card is built with a placeholder key and must show what the hidden test's question shows
    assert Choice("Which one?", WRITTEN, "first").options == Choice("Which one?", WRITTEN, "fourth").options
    assert Choice("Which one?", WRITTEN, "first").options != Choice("Which one, then?", WRITTEN,
                                                                    "first").options


def test_shuffle_false_keeps_a_natural_order():
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert Choice("Which day?", days, "Thu").options != tuple(days)  # shuffled by default
    assert Choice("Which day?", days, "Thu", shuffle=False).options == tuple(days)
    assert MultiSelect("Which days?", days, ["Sat", "Sun"], shuffle=False).options == tuple(days)
    assert MultiSelect("Which days?", days, ["Sat", "Sun"], shuffle=False).check(["Sun", "Sat"]).correct
