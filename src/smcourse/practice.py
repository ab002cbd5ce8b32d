"""Practice checks: the questions a lesson asks, and the pure logic that judges an answer.

A question is declared once in a notebook cell and shows itself as a widget when it is the last
expression of the cell (the display layer is `smcourse.widgets`):

    Choice("Which denominator ...?", options=["impressions", "reach", "followers"],
           answer="reach", explanation="...", hint="...")

`question.check(answer)` is the whole judgement: it never raises, and returns a `Feedback` whose
status is "correct", "incorrect" or "invalid" (empty, wrong type, not one of the options...), with
a message written for the learner. The widgets, the graded answers and the tests all call it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Status = Literal["correct", "incorrect", "invalid"]


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer, and what to tell the learner about it."""

    status: Status
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"


class InvalidAnswer(Exception):
    """The answer cannot be judged yet (nothing chosen, not a number...); the message says why."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


class Question:
    """What every practice check shares: prompt, explanation, optional hint, and `check`."""

    kind = "question"

    def __init__(self, prompt: str, *, explanation: str = "", hint: str | None = None,
                 name: str | None = None):
        self.prompt = prompt
        self.explanation = explanation
        self.hint = hint
        self.name = name or _slug(prompt)

    def parse(self, answer: Any) -> Any:
        """Turn a raw answer into the form `is_right` compares, or raise InvalidAnswer."""
        raise NotImplementedError

    def is_right(self, value: Any) -> bool:
        raise NotImplementedError

    def solution(self) -> str:
        """The right answer, written out for a learner."""
        raise NotImplementedError

    def why_wrong(self, value: Any) -> str:
        """What to say about a wrong (but valid) answer; subclasses can be more specific."""
        return "Not quite." + (" Try the hint." if self.hint else " Have another look.")

    def check(self, answer: Any) -> Feedback:
        """Judge `answer`; never raises."""
        try:
            value = self.parse(answer)
        except InvalidAnswer as problem:
            return Feedback("invalid", str(problem))
        if self.is_right(value):
            return Feedback("correct", " ".join(filter(None, ["Correct!", self.explanation])))
        return Feedback("incorrect", self.why_wrong(value))

    def _ipython_display_(self):
        from smcourse.widgets import show

        show(self)


def _options(options: Iterable[str]) -> tuple[str, ...]:
    options = tuple(str(option) for option in options)
    if len(set(options)) != len(options) or len(options) < 2:
        raise ValueError("a question needs at least two distinct options")
    return options


class Choice(Question):
    """Pick exactly one option. `why` maps a wrong option to the reason it is wrong."""

    kind = "choice"

    def __init__(self, prompt: str, options: Sequence[str], answer: str, *,
                 why: Mapping[str, str] | None = None, **kwargs):
        super().__init__(prompt, **kwargs)
        self.options = _options(options)
        if answer not in self.options:
            raise ValueError(f"the answer {answer!r} is not one of the options")
        self.answer = answer
        self.why = dict(why or {})

    def parse(self, answer):
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            raise InvalidAnswer("Pick one of the options first.")
        if not isinstance(answer, str) or answer not in self.options:
            raise InvalidAnswer(f"{answer!r} is not one of the options. Choose one of: "
                                + "; ".join(self.options) + ".")
        return answer

    def is_right(self, value):
        return value == self.answer

    def why_wrong(self, value):
        return self.why.get(value) or super().why_wrong(value)

    def solution(self):
        return self.answer


class MultiSelect(Question):
    """Tick every option that applies (and none that does not)."""

    kind = "multiselect"

    def __init__(self, prompt: str, options: Sequence[str], answers: Iterable[str], **kwargs):
        super().__init__(prompt, **kwargs)
        self.options = _options(options)
        self.answers = frozenset(answers)
        if not self.answers or not self.answers <= set(self.options):
            raise ValueError("the answers must be a non-empty subset of the options")

    def parse(self, answer):
        if isinstance(answer, str) or not isinstance(answer, Iterable):
            raise InvalidAnswer("Tick the options that apply (give a list of options).")
        try:
            chosen = frozenset(answer)
        except TypeError:
            raise InvalidAnswer("Tick the options that apply (give a list of options).") from None
        if not chosen:
            raise InvalidAnswer("Tick at least one option first.")
        unknown = sorted(map(str, chosen - set(self.options)))
        if unknown:
            raise InvalidAnswer(f"Not an option here: {', '.join(unknown)}.")
        return chosen

    def is_right(self, value):
        return value == self.answers

    def why_wrong(self, value):
        found, extra = len(value & self.answers), len(value - self.answers)
        parts = [f"You found {found} of the {len(self.answers)} right options"]
        if extra:
            parts.append(f"and ticked {extra} that {'does' if extra == 1 else 'do'} not belong")
        return " ".join(parts) + "."

    def solution(self):
        return "; ".join(option for option in self.options if option in self.answers)


def parse_number(answer: Any) -> float:
    """A number from a learner: 0.034, "0.034", "3.4%", "1,250". Raises InvalidAnswer otherwise."""
    if isinstance(answer, bool):
        raise InvalidAnswer("Type a number, like 0.034 or 3.4%.")
    if isinstance(answer, (int, float)):
        number = float(answer)
    elif isinstance(answer, str) and answer.strip():
        text = answer.strip().replace(",", "").replace(" ", "")
        scale = 0.01 if text.endswith("%") else 1.0
        try:
            number = float(text.rstrip("%")) * scale
        except ValueError:
            raise InvalidAnswer(f"{answer.strip()!r} is not a number. Type digits, like 0.034 "
                                "or 3.4%.") from None
    elif answer is None or isinstance(answer, str):
        raise InvalidAnswer("Type a number first.")
    else:
        raise InvalidAnswer("Type a number, like 0.034 or 3.4%.")
    if not math.isfinite(number):
        raise InvalidAnswer("Type an ordinary (finite) number.")
    return number


class Numeric(Question):
    """A number, right within `tolerance` (absolute). Percent input such as "3.4%" is understood."""

    kind = "numeric"

    def __init__(self, prompt: str, answer: float, *, tolerance: float = 0.0, unit: str = "",
                 **kwargs):
        super().__init__(prompt, **kwargs)
        self.answer = float(answer)
        self.tolerance = float(tolerance)
        self.unit = unit

    def parse(self, answer):
        return parse_number(answer)

    def is_right(self, value):
        return abs(value - self.answer) <= self.tolerance + 1e-12

    def why_wrong(self, value):
        direction = "too high" if value > self.answer else "too low"
        return f"{value:g} is {direction}." + (" Try the hint." if self.hint else "")

    def solution(self):
        return f"{self.answer:g}{(' ' + self.unit) if self.unit else ''}"


class Matching(Question):
    """Match each item on the left to one option on the right (`pairs`: item -> option)."""

    kind = "matching"

    def __init__(self, prompt: str, pairs: Mapping[str, str], *, options: Sequence[str] | None = None,
                 **kwargs):
        super().__init__(prompt, **kwargs)
        self.pairs = {str(item): str(match) for item, match in pairs.items()}
        self.options = tuple(sorted(set(options or self.pairs.values())))
        if not set(self.pairs.values()) <= set(self.options):
            raise ValueError("every match must be one of the options")

    @property
    def items(self) -> tuple[str, ...]:
        return tuple(self.pairs)

    def parse(self, answer):
        if not isinstance(answer, Mapping):
            raise InvalidAnswer("Choose a match for every item.")
        missing = [item for item in self.items if not answer.get(item)]
        if missing:
            raise InvalidAnswer(f"Choose a match for: {', '.join(missing)}.")
        unknown = [str(answer[item]) for item in self.items if answer[item] not in self.options]
        if unknown:
            raise InvalidAnswer(f"Not an option here: {', '.join(unknown)}.")
        return {item: answer[item] for item in self.items}

    def is_right(self, value):
        return value == self.pairs

    def why_wrong(self, value):
        right = sum(value[item] == self.pairs[item] for item in self.items)
        return f"{right} of {len(self.items)} matches are right."

    def solution(self):
        return "; ".join(f"{item} → {match}" for item, match in self.pairs.items())


class Ordering(Matching):
    """Put `order` in the right sequence: a matching of positions (1st, 2nd...) to items."""

    kind = "ordering"

    def __init__(self, prompt: str, order: Sequence[str], **kwargs):
        self.order = tuple(str(item) for item in order)
        if len(set(self.order)) != len(self.order):
            raise ValueError("the items to order must be distinct")
        positions = {_ordinal(index): item for index, item in enumerate(self.order, start=1)}
        super().__init__(prompt, positions, **kwargs)

    def parse(self, answer):
        if isinstance(answer, Sequence) and not isinstance(answer, str):
            answer = {_ordinal(index): item for index, item in enumerate(answer, start=1)}
        value = super().parse(answer)
        if len(set(value.values())) != len(value):
            raise InvalidAnswer("Use each item once.")
        return value

    def why_wrong(self, value):
        right = sum(value[item] == self.pairs[item] for item in self.items)
        return f"{right} of {len(self.items)} are in the right place."

    def solution(self):
        return " → ".join(self.order)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
