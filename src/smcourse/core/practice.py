"""Practice checks: the questions a lesson asks, and the pure logic that judges an answer.

A question is declared once in a notebook cell and shows itself as a widget when it is the last
expression of the cell:

    Choice("Which denominator ...?", options=["impressions", "reach", "followers"],
           answer="reach", explanation="...", hint="...")

`question.check(answer)` is the whole judgement: it never raises, and returns a `Feedback` whose
status is "correct", "incorrect" or "invalid" (empty, wrong type, not one of the options...), with
a message written for the learner. The graded answers and the tests call it; practice cards judge
in the page with its twin in JavaScript (`smcourse/static/practice.js`, fed by `Question.spec()`),
which tests/test_judge_equivalence.py holds to the same verdict and message for every answer.
So the rules here stay simple enough to say the same way in both languages: answers are JSON-like
(text, numbers, lists, mappings), blanks are the six ASCII white-space characters, and numbers are
written with `short_number`.

The core names no display: the display layer (`smcourse.ui.widgets`) gives `display_with` its
practice card when it is imported, and importing the learners' short name `smcourse.practice`
imports it too (`smcourse/__init__.py`). So a lesson shows cards, while grading and the tests that
import `smcourse.core.practice` judge answers without loading ipywidgets.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, Literal

Status = Literal["correct", "incorrect", "invalid"]
BLANK = " \t\n\r\f\v"  # what counts as white space around an answer (as in the page's judge)
NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
# The course reads numbers one way (English): a point marks decimals, and a comma only separates
# thousands, in groups of three ("1,250.5"); "4,5" is refused rather than guessed.
THOUSANDS = re.compile(r"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?([eE][+-]?[0-9]+)?")


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

    def spec(self) -> dict[str, Any]:
        """What the page needs to show this question and judge it as `check` does (JSON)."""
        return {"kind": self.kind, "prompt": self.prompt, "explanation": self.explanation,
                "hint": self.hint, "solution": self.solution()}

    def _ipython_display_(self):
        """Show the question in a notebook: as its card once the display layer is imported, else as text."""
        if _display is None:
            print(f"Practice check: {self.prompt}")
        else:
            _display(self)


_display: Callable[[Question], object] | None = None  # set by `display_with`


def display_with(show: Callable[[Question], object]) -> None:
    """Make `show(question)` the way a notebook shows every question (the display layer calls it)."""
    global _display
    _display = show


def shown_order(prompt: str, options: Iterable[str], shuffle: bool = True) -> tuple[str, ...]:
    """The options of a Choice or MultiSelect in the order a learner sees them. Shuffled, so that
    where the key sits says nothing about it, but by a hash of the question's own text (prompt and
    options), so every learner, every run and a lesson's stored outputs see one order; answers are
    judged as text, so the order never changes a verdict. `shuffle=False` keeps the order as
    written, for options with a natural order (weekdays, ranges, a scale)."""
    options = tuple(str(option) for option in options)
    if len(set(options)) != len(options) or len(options) < 2:
        raise ValueError("a question needs at least two distinct options")
    if not shuffle:
        return options
    seed = hashlib.sha256("\x1f".join((prompt, *options)).encode()).digest()
    return tuple(sorted(options, key=lambda option: hashlib.sha256(seed + option.encode()).digest()))


def _named(answer: Any) -> str:
    """A learner's answer as a message names it: text in quotes, a number as `short_number` writes
    it, anything else as "That"."""
    if isinstance(answer, str):
        return f"“{answer}”"
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        try:
            number = float(answer)
        except OverflowError:
            return "That"
        if math.isfinite(number):
            return short_number(number)
    return "That"


class Choice(Question):
    """Pick exactly one option. `why` maps a wrong option to the reason it is wrong. The options
    are shown shuffled (`shown_order`) unless `shuffle=False`."""

    kind = "choice"

    def __init__(self, prompt: str, options: Sequence[str], answer: str, *,
                 why: Mapping[str, str] | None = None, shuffle: bool = True, **kwargs):
        super().__init__(prompt, **kwargs)
        self.options = shown_order(prompt, options, shuffle)
        if answer not in self.options:
            raise ValueError(f"the answer {answer!r} is not one of the options")
        self.answer = answer
        self.why = dict(why or {})

    def parse(self, answer):
        if answer is None or (isinstance(answer, str) and not answer.strip(BLANK)):
            raise InvalidAnswer("Pick one of the options first.")
        if not isinstance(answer, str) or answer not in self.options:
            raise InvalidAnswer(f"{_named(answer)} is not one of the options. Choose one of: "
                                + "; ".join(self.options) + ".")
        return answer

    def is_right(self, value):
        return value == self.answer

    def why_wrong(self, value):
        return self.why.get(value) or super().why_wrong(value)

    def solution(self):
        return self.answer

    def spec(self):
        return super().spec() | {"options": list(self.options), "answer": self.answer, "why": self.why}


class MultiSelect(Question):
    """Tick every option that applies (and none that does not). The options are shown shuffled
    (`shown_order`) unless `shuffle=False`."""

    kind = "multiselect"

    def __init__(self, prompt: str, options: Sequence[str], answers: Iterable[str], *,
                 shuffle: bool = True, **kwargs):
        super().__init__(prompt, **kwargs)
        self.options = shown_order(prompt, options, shuffle)
        self.answers = frozenset(answers)
        if not self.answers or not self.answers <= set(self.options):
            raise ValueError("the answers must be a non-empty subset of the options")

    def parse(self, answer):
        if not isinstance(answer, (list, tuple)) or not all(isinstance(option, str) for option in answer):
            raise InvalidAnswer("Tick the options that apply (give a list of options).")
        chosen = list(dict.fromkeys(answer))  # in the order given, each once
        if not chosen:
            raise InvalidAnswer("Tick at least one option first.")
        unknown = [option for option in chosen if option not in self.options]
        if unknown:
            raise InvalidAnswer(f"Not an option here: {', '.join(unknown)}.")
        return frozenset(chosen)

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

    def spec(self):
        return super().spec() | {"options": list(self.options),
                                 "answers": [option for option in self.options if option in self.answers]}


def read_number(text: str) -> tuple[float, bool]:
    """A number as typed ("0.034", "3.4 %", "1,250", "1e3") and whether it ends in "%", read by
    the course's one rule (THOUSANDS). Raises InvalidAnswer when `text` is not a number."""
    typed = text.strip(BLANK)
    compact = typed.replace(" ", "")
    digits = compact.rstrip("%")
    per_cent = digits != compact
    if "," in digits:
        if not THOUSANDS.fullmatch(digits):
            raise InvalidAnswer(f"“{typed}”: write decimals with a point (4.5); a comma only "
                                "separates thousands (1,250).")
        digits = digits.replace(",", "")
    if not NUMBER.fullmatch(digits):
        raise InvalidAnswer(f"“{typed}” is not a number. Type digits, like 0.034 or 3.4%.")
    return float(digits), per_cent


def parse_number(answer: Any) -> float:
    """A number from a learner: 0.034, "0.034", "3.4%" (0.034), "1,250", "1e3" (`read_number`).
    Raises InvalidAnswer otherwise."""
    if isinstance(answer, bool):
        raise InvalidAnswer("Type a number, like 0.034 or 3.4%.")
    if isinstance(answer, (int, float)):
        try:
            number = float(answer)
        except OverflowError:  # an integer too large for a float, as JavaScript's Infinity
            number = math.inf
    elif isinstance(answer, str) and answer.strip(BLANK):
        digits, per_cent = read_number(answer)
        number = digits * (0.01 if per_cent else 1.0)
    elif answer is None or isinstance(answer, str):
        raise InvalidAnswer("Type a number first.")
    else:
        raise InvalidAnswer("Type a number, like 0.034 or 3.4%.")
    if not math.isfinite(number):
        raise InvalidAnswer("Type an ordinary (finite) number.")
    return number


def short_number(number: float) -> str:
    """`number` to six significant digits, written as `f"{number:g}"` would (1250, 0.034, 1.5e+07)
    but with a half rounded away from zero, as JavaScript's toExponential does."""
    if number == 0:
        return "0"
    rounded = Context(prec=6, rounding=ROUND_HALF_UP).plus(Decimal(abs(number)))
    digits = "".join(map(str, rounded.as_tuple().digits)).ljust(6, "0")
    exponent = rounded.adjusted()
    if -4 <= exponent < 6:
        whole, fraction = (digits[:exponent + 1], digits[exponent + 1:]) if exponent >= 0 \
            else ("0", "0" * (-exponent - 1) + digits)
        text = whole + ("." + fraction.rstrip("0") if fraction.rstrip("0") else "")
    else:
        text = digits[0] + ("." + digits[1:].rstrip("0") if digits[1:].rstrip("0") else "")
        text += f"e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"
    return ("-" if number < 0 else "") + text


SHUFFLED = (Choice.__name__, MultiSelect.__name__)  # the kinds whose options `shown_order` shuffles


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
        return f"{short_number(value)} is {direction}." + (" Try the hint." if self.hint else "")

    def solution(self):
        return f"{short_number(self.answer)}{(' ' + self.unit) if self.unit else ''}"

    def spec(self):
        return super().spec() | {"answer": self.answer, "tolerance": self.tolerance, "unit": self.unit}


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
        chosen = {item: answer.get(item) for item in self.items}
        missing = [item for item, match in chosen.items() if not isinstance(match, str) or not match]
        if missing:
            raise InvalidAnswer(f"Choose a match for: {', '.join(missing)}.")
        unknown = [match for match in chosen.values() if match not in self.options]
        if unknown:
            raise InvalidAnswer(f"Not an option here: {', '.join(unknown)}.")
        return chosen

    def is_right(self, value):
        return value == self.pairs

    def why_wrong(self, value):
        right = sum(value[item] == self.pairs[item] for item in self.items)
        return f"{right} of {len(self.items)} matches are right."

    def solution(self):
        return "; ".join(f"{item} → {match}" for item, match in self.pairs.items())

    def spec(self):
        return super().spec() | {"items": list(self.items), "options": list(self.options),
                                 "pairs": self.pairs}


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
        if isinstance(answer, (list, tuple)):
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
