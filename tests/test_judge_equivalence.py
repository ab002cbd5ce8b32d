"""Does the page's judge (smcourse/ui/static/practice.js, run by node) give every answer the verdict
and message that `Question.check`, the source of truth, gives it?

The answers are those of tests/test_practice.py's property test (anything JSON can hold: wrong types,
empty and nested values) and those a learner types or picks: numbers with units, commas, percent
signs and spaces, options, lists of options and matchings, complete or not. Each answer goes to both
judges as the page would hold it (through JSON).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_practice import QUESTIONS

from smcourse.core.practice import Choice, Matching, MultiSelect, Numeric, Ordering, short_number

JUDGE = Path(__file__).resolve().parents[1] / "src" / "smcourse" / "ui" / "static" / "practice.js"
# Reads one JSON line of [spec, answer] pairs, writes one line of their verdicts. The module is
# imported from a data: URL, so node takes it as an ES module whatever its file name.
HARNESS = """
const { readFileSync } = await import("node:fs");
const { createInterface } = await import("node:readline");
const source = readFileSync(process.argv[1], "utf8");
const { judge, shortNumber } = await import(
  "data:text/javascript;base64," + Buffer.from(source).toString("base64"));
for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line);
  const reply = request.numbers ? request.numbers.map(shortNumber)
                                : request.cases.map(([spec, answer]) => judge(spec, answer));
  process.stdout.write(JSON.stringify(reply) + "\\n");
}
"""

MORE_QUESTIONS = [
    Choice("No hint", ["a", "b", "c"], "c", why={"a": ""}),
    MultiSelect("One right", ["x", "y"], ["y"], hint="Not x.", explanation="Only y."),
    Numeric("Exact", 1250, unit="posts", hint="Count them."),
    Numeric("Negative", -0.5, tolerance=0.01),
    Ordering("Three", ["c", "b", "a"], explanation="Backwards."),
    Matching("With spare options", {"one": "1"}, options=["1", "2", "3"]),
]
ALL = QUESTIONS + MORE_QUESTIONS
OPTIONS = sorted({option for question in ALL for option in getattr(question, "options", ())}
                 | {item for question in ALL for item in getattr(question, "order", ())})
ITEMS = sorted({item for question in ALL if isinstance(question, Matching) for item in question.items})

# tests/test_practice.py's ANYTHING, kept to what JSON (and so the page) can hold
JSON_ANYTHING = st.recursive(
    st.none() | st.booleans() | st.integers(-2**53, 2**53)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=8)
BLANKS = st.sampled_from(["", " ", "  ", "\t", "\n", "\u00a0"])
NUMBER_TEXT = st.builds(
    lambda blank, sign, digits, suffix, tail: f"{blank}{sign}{digits}{suffix}{tail}",
    BLANKS, st.sampled_from(["", "-", "+"]),
    st.one_of(st.integers(0, 10**9).map(lambda n: f"{n:,}"), st.floats(0, 1e6).map(repr),
              st.decimals(0, 1000, places=3).map(str), st.sampled_from(["1e3", ".5", "5.", "1e400", "1_000",
                                                                        "inf", "nan", "0x10", "١٢"])),
    st.sampled_from(["", "%", " %", "%%", " posts", "k", ","]), BLANKS)
LEARNER = st.one_of(
    NUMBER_TEXT, BLANKS, st.sampled_from(OPTIONS),
    st.lists(st.sampled_from(OPTIONS), max_size=5),
    st.dictionaries(st.sampled_from(ITEMS), st.sampled_from(OPTIONS) | st.none() | BLANKS, max_size=5))


@pytest.fixture(scope="module")
def node():
    """The page's judge in node: a function from [(spec, answer)...] to [verdict...]."""
    executable = shutil.which("node")
    assert executable, "node is missing (Debian's nodejs package)"
    process = subprocess.Popen([executable, "--input-type=module", "-e", HARNESS, str(JUDGE)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def ask(request: dict) -> list:
        process.stdin.write(json.dumps(request, allow_nan=False) + "\n")
        process.stdin.flush()
        reply = process.stdout.readline()
        assert reply, "the page's judge stopped (see the error above)"
        return json.loads(reply)

    yield ask
    process.stdin.close()
    process.wait(timeout=10)


def same_verdicts(node, answer) -> None:
    answer = json.loads(json.dumps(answer, allow_nan=False))  # as the page holds it
    expected = [{"status": (verdict := question.check(answer)).status, "message": verdict.message}
                for question in ALL]
    assert node({"cases": [[question.spec(), answer] for question in ALL]}) == expected, answer


@settings(max_examples=300, deadline=None)
@given(answer=JSON_ANYTHING)
def test_any_json_answer_gets_the_same_verdict_and_message(node, answer):
    same_verdicts(node, answer)


@settings(max_examples=500, deadline=None)
@given(answer=LEARNER)
@example(answer=" 3.40 % ")
@example(answer="1,250")
@example(answer=["contact", "relationship", "brand experience", "leverage"])
@example(answer={"blog": "owned", "Facebook page": "rented", "forum thread": "occupied"})
@example(answer={"1st": "c", "2nd": "b", "3rd": "a"})
@example(answer=["recruiting", "customer service"])
def test_learners_answers_get_the_same_verdict_and_message(node, answer):
    same_verdicts(node, answer)


@settings(max_examples=300, deadline=None)
@given(numbers=st.lists(st.floats(allow_nan=False, allow_infinity=False) | st.integers(-2**53, 2**53),
                        min_size=1, max_size=20))
@example(numbers=[1234565, 0.5, 2.5e-5, 999999.5, 1e16, 1e21, -0.00012345, 0.034, 123456789])
def test_numbers_are_written_alike(node, numbers):
    assert node({"numbers": numbers}) == [short_number(number) for number in numbers]


def test_the_harness_would_see_a_different_message(node):
    """A guard on the comparison itself: a spec that differs from the question gives another verdict."""
    question = QUESTIONS[0]
    spec = question.spec() | {"answer": "impressions"}
    assert node({"cases": [[spec, "reach"]]}) != [{"status": "correct", "message":
                                                    question.check("reach").message}]
