"""Does the length or the place of an option give the answer away? A test-wise learner who always
picks the longest option, or always the first, should score no better than chance on the
single-answer questions.

Every Choice question of a lesson and of a graded assignment's source is collected by running the
notebook with a recorder on `Choice` (some options and keys are computed from the data, so reading
the source is not enough; a lesson's stored outputs hold only the prompt). In each notebook the key
may be the longest option in at most a third of its questions, and the shortest in at most a third
(at least one of each is allowed), and no key may be more than 1.5 times as long as the mean of its
question's other options. An assignment's graded question builds its Choice twice, first with a
placeholder key and then, in the hidden test, with the real one: the last one built counts.

The place of the key is read in the order the learner sees (options are shuffled, `shown_order`),
over the whole course, as a notebook asks only one to six such questions: a learner who always
picks the first option, the second, or the last scores at most 15 points above what picking at
random scores (about two standard errors for the course's 50-odd questions). As written, before the
shuffle, always picking the first scored 55% against 30% by chance.
"""

import json
import re

import nbformat
import pytest
from conftest import ROOT

from smcourse.core import notebooks
from smcourse.instructor import grading

RECORDER = """\
import json as _json
from smcourse.core import practice as _practice
_asked = {}
_build = _practice.Choice.__init__
def _record(question, *args, **kwargs):
    _build(question, *args, **kwargs)
    _asked[question.name] = [list(question.options), question.answer]
_practice.Choice.__init__ = _record
"""
REPORT = "print(_json.dumps(_asked))"
MAX_RATIO = 1.5
pytestmark = pytest.mark.slow  # runs every lesson and assignment source (about 75 s on two workers)

LESSONS = {path.stem: path for path in notebooks.lessons()}
ASSIGNMENTS = {name: ROOT / "solutions" / name / f"{name}.ipynb" for name in grading.assignments(ROOT)}
CASES = [pytest.param(path, id=f"lesson-{name}") for name, path in LESSONS.items()]
CASES += [pytest.param(path, id=f"assignment-{name}") for name, path in ASSIGNMENTS.items()]
# How the source writes a Choice question: a practice check, or a graded question
BUILT = re.compile(r"\bChoice\(|\bask\(\s*\"\w+\",\s*Choice\b")


def asked(path, folder) -> dict[str, tuple[list[str], str]]:
    """Each Choice question the notebook at `path` builds, by name: its options and its key. The
    notebook runs from a copy in `folder`, where an assignment writes its answers.json."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(RECORDER))
    notebook.cells.append(nbformat.v4.new_code_cell(REPORT))
    copy = folder / path.name
    nbformat.write(notebook, copy)
    printed = notebooks.execute(copy).cells[-1].outputs[0]["text"]
    return {name: (options, key) for name, (options, key) in json.loads(printed).items()}


@pytest.fixture(scope="module")
def shown(tmp_path_factory):
    """`asked` for a notebook path, run once per test process (one test per notebook checks every
    rule, so that a notebook runs in one process only, and the course-wide check reuses the runs)."""
    runs = {}

    def questions(path):
        if path not in runs:
            runs[path] = asked(path, tmp_path_factory.mktemp(path.stem))
        return runs[path]
    return questions


def place(options, key) -> str:
    """Where the learner sees the key: "1", "2", ... or "last"."""
    index = options.index(key)
    return "last" if index == len(options) - 1 else str(index + 1)


def ratio(options, key) -> float:
    others = [len(option) for option in options if option != key]
    return len(key) / (sum(others) / len(others))


@pytest.mark.parametrize("path", CASES)
def test_the_key_is_not_given_away_by_its_length(path, shown):
    questions = shown(path)
    written = sum(len(BUILT.findall(cell.source)) for cell in nbformat.read(path, as_version=4).cells
                  if cell.cell_type == "code")
    assert len(questions) == written > 0, (f"{path.name} writes {written} Choice questions, the recorder "
                                           f"saw {len(questions)} (do two share a name?)")
    allowed = max(1, len(questions) // 3)
    longest = [name for name, (options, key) in questions.items()
               if len(key) == max(map(len, options))]
    shortest = [name for name, (options, key) in questions.items()
                if len(key) == min(map(len, options))]
    padded = {name: round(ratio(options, key), 2) for name, (options, key) in questions.items()
              if ratio(options, key) > MAX_RATIO}
    assert len(longest) <= allowed, (f"{path.name}: the key is the longest option in {len(longest)} of "
                                     f"{len(questions)} questions (at most {allowed}): {longest}")
    assert len(shortest) <= allowed, (f"{path.name}: the key is the shortest option in {len(shortest)} of "
                                      f"{len(questions)} questions (at most {allowed}): {shortest}")
    assert not padded, (f"{path.name}: the key is more than {MAX_RATIO} times the mean length of the "
                        f"other options in {padded}")


def test_no_place_of_the_key_scores_above_chance(shown):
    """Always the first option, always the second, always the last: none beats chance by over 15 points."""
    questions = [question for case in CASES for question in shown(case.values[0]).values()]
    chance = sum(1 / len(options) for options, _ in questions) / len(questions)
    scores = {where: sum(place(options, key) == where for options, key in questions) / len(questions)
              for where in ("1", "2", "last")}
    assert all(score <= chance + 0.15 for score in scores.values()), (
        f"as shown, always picking one place scores {scores} against {chance:.0%} by chance")
