"""Are the hidden tests fair both ways, and does every item earn its place?

A simulated class of six learners per assignment is graded through the real pipeline and gradebook
(`grading.grade`: sandbox, referee, nbgrader). Each learner hands in one solution from the corpus
(tests/corpus) for every code task: three learners a different right one each, three a different
plausible wrong one. Their widget answers follow their ability: from the strongest to the weakest,
each question is answered right by the first one to five learners (a different cut for each
question) and with a realistic mistake by the rest: a tempting wrong option, a number computed the
wrong way, two steps swapped, one match wrong. A tutor's marks for the written answer follow ability.

Then: every right solution earns its task's full points and every wrong one only its right parts;
and the dashboard's item analysis finds no item that everyone or no one got right, and every item
discriminating positively (stronger learners score higher on it).
"""

import ast
import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from corpus.code_tasks import CORPUS, NUMERIC_MISTAKES
from nbgrader.api import Gradebook

from smcourse.core import notebooks
from smcourse.instructor import dashboard, grading

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = list(CORPUS)
RANKED = ["right_0", "right_1", "wrong_0", "right_2", "wrong_1", "wrong_2"]  # strongest first
TUTOR_MARKS = [3, 3, 2, 2, 1, 0]  # what a tutor gives each learner's written answer, in that order
WIDGET = re.compile(r"q\d+$")

pytestmark = pytest.mark.slow


def _grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def _source(assignment, root=ROOT):
    return nbformat.read(root / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)


def _points(assignment, grade_id):
    return next(cell.metadata.nbgrader["points"] for cell in _source(assignment).cells
                if _grade_id(cell) == grade_id)


def _questions(assignment) -> dict[str, dict]:
    """name -> kind and fields of each `ask(...)` declaration, in the order the learner meets them."""
    found = {}
    for cell in _source(assignment).cells:
        if WIDGET.match(_grade_id(cell)):
            call = next(node for node in ast.walk(ast.parse(cell.source))
                        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ask")
            found[_grade_id(cell)] = {"kind": call.args[1].id, **{
                keyword.arg: ast.literal_eval(keyword.value) for keyword in call.keywords}}
    return found


def test_the_corpus_has_three_right_and_three_wrong_solutions_for_every_code_task():
    for assignment in ASSIGNMENTS:
        tasks = {_grade_id(cell) for cell in _source(assignment).cells
                 if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution")
                 and not WIDGET.match(_grade_id(cell))}
        assert set(CORPUS[assignment]) == tasks, assignment
        for task, solutions in CORPUS[assignment].items():
            assert len(set(solutions["right"])) == 3 and len({code for code, *_ in solutions["wrong"]}) == 3
            assert all(points < _points(assignment, f"{task}_test") for _, points, _ in solutions["wrong"])


def _mistake(assignment, name, question, right, rank, namespace):
    """A realistic wrong answer to `question` (right answer `right`) from the learner of `rank`."""
    kind = question["kind"]
    if kind == "Choice":
        tempting = [option for option in question["options"] if option != right]
        return tempting[rank % len(tempting)]
    if kind == "MultiSelect":
        tempting = [option for option in question["options"] if option not in right]
        return right[:-1] + tempting[:1]
    if kind == "Numeric":
        return eval(NUMERIC_MISTAKES[assignment][name], namespace)  # a number computed wrongly
    if kind == "Ordering":
        return [right[1], right[0], *right[2:]]
    first = question["items"][0]  # Matching: the first item matched wrongly
    return {**right, first: next(option for option in question["options"] if option != right[first])}


def _answers(assignment, right, rank, namespace):
    answers = {}
    for position, (name, question) in enumerate(_questions(assignment).items()):
        answered_right_by = 1 + (2 * position) % 5  # how many of the six get this one right
        answers[name] = right[name] if rank < answered_right_by else _mistake(
            assignment, name, question, right[name], rank, namespace)
    return answers


def _hand_in(root, assignment, learner, answers):
    folder = root / "submitted" / learner / assignment
    folder.mkdir(parents=True)
    notebook = nbformat.read(root / "exercises" / assignment / f"{assignment}.ipynb", as_version=4)
    group, index = learner.split("_")
    for cell in notebook.cells:
        solutions = CORPUS[assignment].get(_grade_id(cell))
        if solutions:
            chosen = solutions[group][int(index)]
            cell.source = chosen if group == "right" else chosen[0]
    nbformat.write(notebook, folder / f"{assignment}.ipynb")
    (folder / "answers.json").write_text(json.dumps(answers), encoding="utf-8")


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "solutions", root / "solutions")
    grading.release(root, only=ASSIGNMENTS)

    def right_answers(assignment):
        folder = root / "source-runs" / assignment
        folder.mkdir(parents=True)
        shutil.copy(root / "solutions" / assignment / f"{assignment}.ipynb", folder)
        notebooks.execute(folder / f"{assignment}.ipynb")
        return json.loads((folder / "answers.json").read_text())

    with ThreadPoolExecutor(2) as pool:
        rights = dict(zip(ASSIGNMENTS, pool.map(right_answers, ASSIGNMENTS), strict=True))
    for assignment in ASSIGNMENTS:
        namespace = {}
        exec(next(cell.source for cell in _source(assignment).cells if _grade_id(cell) == "setup"),
             namespace)
        for rank, learner in enumerate(RANKED):
            _hand_in(root, assignment, learner, _answers(assignment, rights[assignment], rank, namespace))
        grading.grade(assignment, root, show_progress=False)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "smcourse") as gradebook:
        for assignment in ASSIGNMENTS:
            for learner, marks in zip(RANKED, TUTOR_MARKS, strict=True):
                gradebook.find_grade("reflection", assignment, assignment, learner).manual_score = marks
        gradebook.db.commit()
    return root


def test_every_right_solution_earns_full_points_and_every_wrong_one_only_its_right_parts(graded_class):
    with Gradebook(f"sqlite:///{graded_class / 'gradebook.db'}", "smcourse") as gradebook:
        for assignment in ASSIGNMENTS:
            for task, solutions in CORPUS[assignment].items():
                full = _points(assignment, f"{task}_test")
                expected = {f"right_{index}": full for index in range(3)} | {
                    f"wrong_{index}": points for index, (_, points, _) in enumerate(solutions["wrong"])}
                got = {learner: gradebook.find_grade(f"{task}_test", assignment, assignment, learner).score
                       for learner in expected}
                assert got == expected, (assignment, task)


def test_no_item_is_right_for_everyone_or_no_one_and_every_item_discriminates(graded_class):
    stats = dashboard.item_statistics(dashboard.read_gradebook(graded_class / "gradebook.db"))
    stats = stats[stats["assignment"].isin(ASSIGNMENTS)]
    print("\n" + stats[["assignment", "item", "facility", "discrimination"]].round(2).to_string(index=False))
    items = {(row.assignment, row.item) for row in stats.itertuples()}
    graded = {(assignment, _grade_id(cell)) for assignment in ASSIGNMENTS
              for cell in _source(assignment).cells if cell.metadata.get("nbgrader", {}).get("grade")}
    assert items == graded
    assert stats["facility"].between(0, 1, inclusive="neither").all(), stats
    assert (stats["discrimination"] > 0).all(), stats
