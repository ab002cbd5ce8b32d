"""Graded widget answers that survive grading, and the helpers that hidden tests call.

nbgrader grades by re-running a notebook in a fresh, headless kernel, so whatever a learner clicked
is gone by then. Here every change of a graded widget is written at once to a small responses
file, `answers.json`, beside the notebook. The file travels with the submission (`submit`,
`collect` and `autograde` copy the files beside a notebook), and when the notebook runs again the
question cell reloads the saved answer: the learner who reopens the notebook sees it, and the
autograder judges it. The judging itself is the question's own pure `check` from
`smcourse.core.practice`; only the hidden test cell knows the right answer:

    q9 = ask("q9", Choice, "Which day of the week comes after Monday?",
             options=["Sunday", "Tuesday", "Friday"])             # shown to the learner
    q9.score(answer="Tuesday")                                    # in a hidden test cell

A graded card never says right or wrong, only "Answer saved". While nbgrader executes a notebook
(`NBGRADER_EXECUTION` is set) nothing is written and nothing goes to stderr, because nbgrader
scores a test cell 0 when it writes to stderr.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import ipywidgets as w
from IPython import get_ipython

from smcourse.core import answer_file
from smcourse.core.practice import (
    Choice,
    InvalidAnswer,
    Matching,
    MultiSelect,
    Numeric,
    Ordering,
    Question,
    parse_number,
)
from smcourse.ui.widgets import AnswerInput, message_html, show_note, show_widget


def grading() -> bool:
    """Whether nbgrader is running this kernel (autograde or validate) rather than a learner."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


class AnswerStore:
    """The responses file: question name -> raw answer, read once and rewritten on every change."""

    def __init__(self, path: Path):
        self.path = path
        # why saved answers could not be read, for the feedback ("" when they could)
        self.saved, self.problem = answer_file.read(path)

    def save(self, name: str, answer: Any) -> str:
        """Record `answer` for question `name`; return "" or a message saying why it failed."""
        self.saved[name] = answer
        return "" if grading() else answer_file.write(self.path, self.saved)


_stores: dict[Path, AnswerStore] = {}


def store(folder: Path | None = None) -> AnswerStore:
    """The answer store of the notebook running in `folder` (default: the working directory)."""
    path = (folder or Path.cwd()).resolve() / answer_file.FILE
    if path not in _stores:
        _stores[path] = AnswerStore(path)
    return _stores[path]


# Keys that make a question displayable before the right answer is known; never judged. Any option
# will do as a Choice's placeholder: the order its card shows comes from the prompt and options
# (`shown_order`), never from the key, so the card matches the question the hidden test builds.
# A graded Ordering shows its `options` (the items, in a neutral order); a graded Matching shows
# its `items` and `options`; the hidden test gives `order` or `pairs`.
_PLACEHOLDER_KEYS: dict[type[Question], Callable[[dict], dict]] = {
    Choice: lambda fields: {"answer": fields["options"][0]},
    MultiSelect: lambda fields: {"answers": fields["options"][:1]},
    Numeric: lambda fields: {"answer": 0.0},
    Ordering: lambda fields: {"order": fields["options"]},
    Matching: lambda fields: {"pairs": dict.fromkeys(fields["items"], fields["options"][0])},
}
SHOWN_ONLY = ("items",)  # fields that shape the card but are not the question's own arguments
PER_CENT = "%"  # the unit of a Numeric question that asks for a per cent: 12.5 or "12.5%" mean 12.5 %


def _per_cent(answer: Any) -> Any:
    """A per-cent question's raw answer as a plain number of per cent ("12.5%" -> "12.5")."""
    return answer.strip().removesuffix("%") if isinstance(answer, str) else answer


class GradedQuestion:
    """A graded question as the learner sees it: prompt and options, but no answer key. Its card
    (`box`, `input`, `status`) is built on first use, so judging without a display builds none."""

    def __init__(self, name: str, kind: type[Question], prompt: str, answers: AnswerStore,
                 **fields: Any):
        self.name, self.kind, self.prompt, self.fields = name, kind, prompt, fields
        self._store = answers
        self._shape = kind(prompt, name=name, **self._arguments(), **_PLACEHOLDER_KEYS[kind](fields))
        self._answer = answers.saved.get(name)

    @cached_property
    def input(self) -> AnswerInput:
        control = AnswerInput(self._shape)
        _show(control, self._answer)
        control.observe(lambda: self._record(control.value))
        return control

    @cached_property
    def status(self) -> w.HTML:
        status = w.HTML(layout=w.Layout(min_height="1.5em"))
        if self._answer is not None:  # reopened: the restored answer is the one saved
            status.value = message_html("saved", "Answer saved.")
        return status

    @cached_property
    def box(self) -> w.VBox:
        box = w.VBox([w.HTML(f"<b>{html.escape(self.prompt)}</b>"), self.input.widget, self.status],
                     layout=w.Layout(border="1px solid #d1d5db", padding="0.6em", margin="0.5em 0"))
        box.add_class("smcourse-graded")
        return box

    @property
    def value(self) -> Any:
        """The answer that will be graded."""
        return self._answer

    @value.setter
    def value(self, answer: Any) -> None:
        """Answer in code, exactly as clicking would: the widget shows it and it is saved."""
        _show(self.input, answer)
        self._record(answer)

    def _arguments(self) -> dict:
        return {key: value for key, value in self.fields.items() if key not in SHOWN_ONLY}

    def _per_cent_asked(self) -> bool:
        return self.kind is Numeric and self.fields.get("unit") == PER_CENT

    def _record(self, answer: Any) -> None:
        self._answer = answer
        problem = self._store.save(self.name, answer)
        self.status.value = message_html("invalid" if problem else "saved",
                                         problem or f"Answer saved.{self._form_note(answer)}")

    def _form_note(self, answer: Any) -> str:
        """For a per-cent question answered with a number below 1: how it is read, and the per
        cent it would be if it was meant as a fraction."""
        if not self._per_cent_asked():
            return ""
        try:
            number = parse_number(_per_cent(answer))
        except InvalidAnswer:
            return ""
        if not 0 < abs(number) < 1:
            return ""
        return (f" It is read as {number:g} %. If {number:g} is a fraction, the per cent is "
                f"{number * 100:g} %: type that instead.")

    def score(self, **key: Any) -> None:
        """Hidden-test use: judge the saved answer against `key` (the question's answer arguments,
        and its `explanation` and `why` for the feedback); pass when right, otherwise fail with a
        reason written for the learner."""
        question = self.kind(self.prompt, name=self.name, **self._arguments(), **key)
        if self._answer is None:
            reason = self._store.problem or "this question was not answered"
            raise AssertionError(f"No answer saved for {self.name}: {reason}.")
        answer = _per_cent(self._answer) if self._per_cent_asked() else self._answer
        verdict = question.check(answer)
        if self._per_cent_asked() and not verdict.correct and verdict.status != "invalid" \
                and question.is_right(question.parse(answer) * 100):
            print(" ".join(filter(None, [
                f"Right, though written as a fraction ({question.parse(answer):g}): the question "
                f"asked for a per cent, {question.parse(answer) * 100:g} %.", question.explanation])))
            return
        if verdict.status == "invalid":
            raise AssertionError(f"The saved answer for {self.name} cannot be judged: "
                                 f"{verdict.message}")
        if not verdict.correct:
            value = question.parse(answer)
            detail = question.why.get(value, "") if isinstance(question, Choice) \
                else question.why_wrong(value)
            raise AssertionError(" ".join(filter(None, [
                "Not right.", detail,
                f"The right answer: {question.solution()}.", question.explanation])))
        print(" ".join(filter(None, ["Right.", question.explanation])))


def _show(control: AnswerInput, answer: Any) -> None:
    try:
        control.value = answer
    except (TypeError, ValueError):  # an answer of the wrong type stays saved but not shown
        pass


def ask(name: str, kind: type[Question], prompt: str, **fields: Any) -> GradedQuestion:
    """Show a graded question card (Choice, MultiSelect, Numeric, Ordering or Matching) whose
    answer is saved beside the notebook and reloaded from there, and return it. A Numeric with
    `unit="%"` asks for a per cent; an Ordering takes its items as `options`, a Matching its
    `items` and `options`. Outside IPython (the referee judging in the grading process) there is
    nowhere to show a card, so none is built; while nbgrader runs the notebook nobody can click it
    (the answer comes from answers.json), so only the card's static note is shown."""
    question = GradedQuestion(name, kind, prompt, store(), **fields)
    if get_ipython() is None:
        return question
    if grading():
        show_note(f"Graded question: {prompt}")
    else:
        show_widget(question.box, f"Graded question: {prompt}")
    return question


def score_parts(checks: Mapping[str, Callable[[], Any]], points: float) -> float:
    """Hidden-test use: run each named check (a callable that raises AssertionError with a reason
    when the part is wrong) and return the points earned, shared equally between the parts.

    Each part's verdict is printed to stdout, which the feedback shows; nothing goes to stderr.
    """
    passed = 0
    for label, check in checks.items():
        try:
            check()
        except Exception as problem:  # any failure of a part costs that part only
            reason = str(problem) or type(problem).__name__
            print(f"✗ {label}: {reason}")
        else:
            passed += 1
            print(f"✓ {label}")
    return round(points * passed / len(checks), 2)
