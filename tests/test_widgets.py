"""Do the widgets carry what the page needs (a practice card's question, judged there; a graded
question's input holding the answer given) and keep the kernel's side of each?

The practice card's behaviour in a page is tested in a browser: tests/test_e2e.py and
tests/test_lab_a11y.py in JupyterLab, tests/test_book_browser.py on the site; its judge against
`Question.check` in tests/test_judge_equivalence.py.
"""

import json
import subprocess
import sys

from smcourse.core.practice import Choice, MultiSelect, Numeric, Ordering
from smcourse.ui.widgets import STATIC, AnswerInput, PracticeCard, show


def test_a_practice_card_carries_its_question_and_the_page_module_from_the_package():
    question = Choice("Pick", ["a", "b"], "b", explanation="b is it.", hint="Think of b.")
    card = PracticeCard(question)
    assert card.spec == question.spec()
    assert card.get_state()["spec"]["answer"] == "b"
    assert card._esm == (STATIC / "practice.js").read_text(encoding="utf-8")
    assert "export function judge" in card._esm and "export default { render }" in card._esm
    assert ".smcourse-feedback" in card._css


def test_showing_a_question_returns_the_card_it_displays():
    card = show(Numeric("How many?", 3, unit="posts"))
    assert isinstance(card, PracticeCard) and card.spec["unit"] == "posts"


SHOWN_IN_A_NOTEBOOK = """
import json, sys
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

shell = InteractiveShell.instance()

def shown(module):
    with capture_output() as captured:  # a question as the last expression of a cell
        shell.run_cell(f"from {module} import Choice\\nChoice('Pick one', ['a', 'b'], 'b')")
    return {"text": captured.stdout.split(": ", 1)[-1].strip(),
            "outputs": [sorted(output.data) for output in captured.outputs],
            "widgets loaded": "ipywidgets" in sys.modules}

print(json.dumps([shown("smcourse.core.practice"), shown("smcourse.practice")]))
"""


def test_a_lessons_short_import_shows_each_question_as_its_card():
    # the core names no display: the learners' `smcourse.practice` brings the cards with it
    result = subprocess.run([sys.executable, "-c", SHOWN_IN_A_NOTEBOOK], capture_output=True, text=True,
                            check=True)
    core_alone, short_name = json.loads(result.stdout)
    assert core_alone == {"text": "Practice check: Pick one", "outputs": [], "widgets loaded": False}
    assert short_name["outputs"] == [["application/vnd.jupyter.widget-view+json", "text/html", "text/plain"]]
    assert short_name["widgets loaded"]


def test_inputs_hold_and_restore_each_kind_of_answer():
    for question, answer in [
        (Choice("c", ["a", "b"], "a"), "a"),
        # ticked boxes come back in the card's order: here the written one
        (MultiSelect("m", ["a", "b", "c"], ["a", "c"], shuffle=False), ["a", "c"]),
        (Numeric("n", 2.5), "2.5"),
        (Ordering("o", ["x", "y"]), {"1st": "x", "2nd": "y"}),
    ]:
        given = AnswerInput(question)
        given.value = answer
        assert given.value == answer
        assert question.check(given.value).correct


def test_a_stale_answer_that_no_longer_fits_is_dropped_not_crashed():
    given = AnswerInput(Choice("c", ["a", "b"], "a"))
    given.value = "z"
    assert given.value is None


def test_observe_reports_each_change():
    given = AnswerInput(MultiSelect("m", ["a", "b"], ["a"]))
    seen = []
    given.observe(lambda: seen.append(given.value))
    given.value = ["a"]
    assert seen == [["a"]]


def test_a_typed_graded_answer_reaches_the_kernel_at_every_keystroke():
    assert AnswerInput(Numeric("How many?", 3)).widget.continuous_update is True
