"""Does the crisis explorer follow the learner's choice, and do its figures say what they show?"""

from smcourse import crisis, figures
from smcourse.crisis_widgets import CrisisExplorer, timeline_figure, timing_figure


def test_the_explorer_compares_the_chosen_response_with_ignoring():
    explorer = CrisisExplorer()
    explorer.response.value = "transparent"
    explorer.respond_at.value = 12
    timelines = explorer.timelines()
    assert set(timelines["response"]) == {"ignore", "transparent"}
    assert (timelines["respond_at"] == 12).all()
    final = crisis.simulate("transparent", 12).iloc[-1]
    assert f"{final['sentiment']:+.2f}" in explorer.explanation.value
    assert "Transparent follow-up at hour 12" in explorer.figure().layout.title.text


def test_choosing_ignore_shows_one_line_not_two():
    explorer = CrisisExplorer(response="ignore")
    assert list(explorer.timelines()["response"].unique()) == ["ignore"]


def test_switching_the_measure_switches_the_axis():
    explorer = CrisisExplorer()
    explorer.measure.value = "reach"
    assert explorer.figure().layout.yaxis.title.text == "People who have seen the complaint"


def test_figures_carry_alt_text_with_the_end_state():
    timelines = crisis.compare(3)
    alt = figures.alt_text(timeline_figure(timelines, "reach", "Reach").to_dict())
    ignored = crisis.simulate("ignore", 3)["reach"].iloc[-1]
    assert f"Ignore it {ignored:,.0f}" in alt
    sweep = figures.alt_text(timing_figure(crisis.timing_sweep(step=24)).to_dict())
    assert "Transparent follow-up +0.38 if given at once" in sweep


def test_the_chart_in_the_explorer_follows_the_chosen_hour():
    explorer = CrisisExplorer(response="broadcast", respond_at=0)
    explorer.respond_at.value = 30
    (shown,) = explorer.chart.outputs
    assert shown["data"]["application/vnd.plotly.v1+json"]["layout"]["title"]["text"] == (
        "Broadcast statement at hour 30, against saying nothing")
