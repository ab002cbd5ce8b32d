"""Does the self-assessment form follow its sliders: verdicts, chart and answers kept?"""

import math

from smcourse.core import assessment
from smcourse.ui import figures
from smcourse.ui.assessment_widgets import SelfAssessmentForm, radar_chart


def test_the_form_starts_from_the_example_answers_and_scores_them():
    form = SelfAssessmentForm()
    assert form.answers == assessment.EXAMPLE_ANSWERS
    assert form.results["commitment"].verdict == "in between"
    assert "in between" in form.summary.value


def test_moving_sliders_changes_the_verdict_and_the_chart():
    form = SelfAssessmentForm(name="Test cafe")
    for statement_id in ("commitment-time", "commitment-training"):
        form.sliders[statement_id].value = 1
    form.sliders["commitment-sideline"].value = 5
    assert form.results["commitment"].score == 1.0
    assert "<td>commitment</td><td>1.0</td><td>existing</td>" in form.summary.value
    radar = form.figure()
    assert list(radar.data[0].r)[2] == 1.0 and radar.data[0].name == "Test cafe"
    assert "commitment 1.0" in figures.alt_text(radar.to_dict())


def test_contradictory_sliders_are_reported_as_mixed():
    form = SelfAssessmentForm()
    form.answers = {"presences-answers": 5, "presences-schedule": 5}
    assert form.results["presences"].verdict == "mixed answers"
    assert "mixed answers" in form.summary.value


def test_setting_answers_keeps_them_and_skips_ones_that_do_not_fit():
    form = SelfAssessmentForm()
    form.answers = {"planning-where": 1, "planning-horizon": 9, "no-such-statement": 3}
    assert form.answers["planning-where"] == 1
    assert form.answers["planning-horizon"] == assessment.EXAMPLE_ANSWERS["planning-horizon"]


def test_radar_chart_closes_each_outline_and_puts_unscored_dimensions_at_the_centre():
    radar = radar_chart({"lumen": {"planning": 4, "presences": 5, "commitment": 4,
                                   "relationships": math.nan}}, title="t", alt="a")
    trace = radar.data[0]
    assert list(trace.r) == [4, 5, 4, 0, 4] and trace.theta[0] == trace.theta[-1]
    assert trace.line.color == figures.BRAND_COLOURS["lumen"]
    assert radar.layout.title.text == "t" and figures.alt_text(radar.to_dict()) == "a"


def test_the_chart_in_the_form_is_redrawn_when_a_slider_moves():
    form = SelfAssessmentForm()
    (before,) = form.chart.outputs
    assert "commitment 3.0" in before["data"]["text/plain"]
    form.sliders["commitment-time"].value = 5
    (after,) = form.chart.outputs
    assert "commitment 3.7" in after["data"]["text/plain"]
    assert "application/vnd.plotly.v1+json" in after["data"]
