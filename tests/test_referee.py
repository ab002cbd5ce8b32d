"""The referee's parts without nbgrader: values that leave a kernel as data, the names a hidden test
reads, and hidden tests judged in a fresh namespace that learner code never touched."""

import json
import math

import nbformat
import numpy as np
import pandas as pd
import plotly.express as px
import pytest
from ipywidgets.widgets.widget import _instances as widget_registry  # every widget built, by id

from smcourse.core import values
from smcourse.core.errors import SmcourseError
from smcourse.instructor import referee
from smcourse.instructor.grading import load_config


def _round_trip(value):
    return values.decode(json.loads(json.dumps(values.encode(value))))


def test_series_and_frames_come_back_with_their_index_values_and_order():
    rates = pd.Series([0.031, 0.012], index=pd.CategoricalIndex(["humour", "job"]), name="rate")
    back = _round_trip(rates)
    assert list(back.index) == ["humour", "job"] and back.name == "rate"
    assert np.allclose(back.to_numpy(dtype=float), [0.031, 0.012]) and back.is_monotonic_decreasing
    hours = _round_trip(pd.Series([1.5, 2.5], index=[9, 18]))
    assert list(hours.index) == [9, 18] and hours.dtype == float
    table = _round_trip(pd.DataFrame({"term": ["#coffee", "#lumen"], "count": [5, 3]}))
    assert list(table["term"]) == ["#coffee", "#lumen"] and list(table["count"]) == [5, 3]


def test_plain_values_figures_and_numpy_scalars_come_back_as_themselves():
    assert _round_trip(np.int64(18)) == 18 and type(_round_trip(np.int64(18))) is int
    assert math.isnan(_round_trip(float("nan"))) and _round_trip(("a", 1)) == ("a", 1)
    assert _round_trip({9: "morning"}) == {9: "morning"} and _round_trip(...) is Ellipsis
    figure = _round_trip(px.bar(x=[1, 2], y=[3, 4], title="t"))
    assert figure.data[0].type == "bar" and figure.layout.title.text == "t"
    assert list(figure.data[0].x) == [1, 2] and list(figure.data[0].y) == [3, 4]  # unpacked arrays
    heat = _round_trip(px.imshow(np.arange(6, dtype=float).reshape(2, 3)))
    assert np.array_equal(np.asarray(heat.data[0].z), np.arange(6).reshape(2, 3))


def test_objects_the_learner_wrote_cannot_leave_the_kernel():
    class Everything:
        def __eq__(self, other):
            return True

    for value in (Everything(), lambda: 3, print):
        back = _round_trip(value)
        assert back != back and back != 3 and not isinstance(back, (pd.Series, int))
        assert isinstance(back, values.Unjudgeable)


def _cell(kind, source, **nbgrader):
    make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    cell = make(source)
    cell.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False,
                                 "locked": False, **nbgrader}
    return cell


@pytest.fixture
def assignment():
    """A small source notebook shaped like the course's: a set-up, a widget question and a code
    task, each with its hidden test."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "language": "python"}
    notebook.cells = [
        _cell("code", "import pandas as pd\nfrom smcourse.answers import ask, score_parts\n"
                      "from smcourse.practice import Choice\nposts = pd.Series([3, 1, 2])",
              grade_id="setup", locked=True),
        _cell("code", 'q1 = ask("q1", Choice, "Pick one", options=["a", "b"])\n'
                      '### BEGIN SOLUTION\nq1.value = "a"\n### END SOLUTION', grade_id="q1", solution=True),
        _cell("code", 'q1.score(answer="a")', grade_id="q1_test", grade=True, locked=True, points=1),
        _cell("code", "biggest = ...\n### BEGIN SOLUTION\nbiggest = posts.max()\n### END SOLUTION",
              grade_id="biggest", solution=True),
        _cell("code", "def right():\n    assert biggest == posts.max(), 'not the largest'\n"
                      'score_parts({"largest": right}, points=2)',
              grade_id="biggest_test", grade=True, locked=True, points=2),
    ]
    return notebook


def test_a_hidden_test_reads_the_learners_names_not_the_locked_ones(assignment):
    tests = {cell.metadata.nbgrader["grade_id"]: cell for cell in assignment.cells}
    assert referee.learner_names(assignment, tests["biggest_test"]) == ["biggest"]
    assert referee.learner_names(assignment, tests["q1_test"]) == ["q1"]


def _judge(assignment, tmp_path, answers, handed):
    (tmp_path / "answers.json").write_text(json.dumps(answers))
    encoded = {cell: {name: values.encode(value) for name, value in names.items()}
               for cell, names in handed.items()}
    verdicts = referee.judge(assignment, tmp_path, encoded, load_config())
    return {cell: [dict(output) for output in outputs] for cell, outputs in verdicts.items()}


def test_an_honest_learner_is_judged_right(assignment, tmp_path):
    verdicts = _judge(assignment, tmp_path, {"q1": "a"}, {"biggest_test": {"biggest": 3}})
    assert verdicts["q1_test"][0]["text"] == "Right.\n"
    assert verdicts["biggest_test"][-1]["data"]["text/plain"] == "2.0"


def test_the_referee_judges_widget_answers_without_building_a_card(assignment, tmp_path):
    # outside IPython nothing can show a card, so the referee's run of `ask` builds none
    built = set(widget_registry)
    verdicts = _judge(assignment, tmp_path, {"q1": "a"}, {})
    assert verdicts["q1_test"][0]["text"] == "Right.\n"
    assert set(widget_registry) == built


def test_what_the_learner_hands_over_cannot_replace_the_referees_own_objects(assignment, tmp_path):
    handed = {"q1_test": {"q1": "anything"},
              "biggest_test": {"biggest": 1, "score_parts": 2, "posts": pd.Series([1])}}
    verdicts = _judge(assignment, tmp_path, {"q1": "b"}, handed)
    assert verdicts["q1_test"][-1]["ename"] == "AssertionError"  # judged on answers.json
    assert verdicts["biggest_test"][-1]["data"]["text/plain"] == "0.0"
    assert "✗ largest: not the largest" in verdicts["biggest_test"][0]["text"]


def test_an_unanswered_task_and_a_missing_answers_file_score_nothing(assignment, tmp_path):
    verdicts = referee.judge(assignment, tmp_path, {"biggest_test": {"biggest": values.encode(...)}},
                             load_config())
    assert "answers.json was not found" in verdicts["q1_test"][-1]["evalue"]
    [unanswered] = verdicts["biggest_test"]  # nothing more to say, part by part
    assert unanswered["evalue"] == "Not answered yet: biggest is still `...`."


def test_the_referee_judges_just_before_nbgrader_saves_the_grades(tmp_path):
    config = load_config()
    referee.use_referee(config, tmp_path / "values.jsonl", tmp_path / "disputes.txt")
    steps = config.Autograde.autograde_preprocessors
    assert steps[0] == referee.PREPROCESSOR
    assert steps[steps.index(referee.SAVE_GRADES) - 1] == referee.VERDICTS


def test_a_course_that_does_not_name_nbgraders_grade_saving_step_is_told_so(tmp_path):
    config = load_config()
    config.Autograde.autograde_preprocessors = ["nbgrader.preprocessors.Execute"]
    with pytest.raises(SmcourseError, match="SaveAutoGrades"):
        referee.use_referee(config, tmp_path / "values.jsonl", tmp_path / "disputes.txt")


def test_a_kernel_ready_without_jupyter_clients_wait_loses_no_output_and_ends_cleanly(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('first')"),
                                               nbformat.v4.new_code_cell("1 + 1")])
    execute = referee.RefereeExecute(kernel_name="python3")  # no values file: nbgrader's Execute
    assert execute.kernel_manager_class is referee.PromptKernelManager
    execute.preprocess(notebook, {"metadata": {"path": str(tmp_path)}})
    assert [output.text for output in notebook.cells[0].outputs] == ["first\n"]
    assert notebook.cells[1].outputs[0].data["text/plain"] == "2"
    assert execute.km is None  # the kernel was shut down and its manager released
