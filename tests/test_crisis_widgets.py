"""Does the crisis explorer follow the learner's choice, are its controls labelled, and do its
figures say what they show?"""

from smcourse.core import crisis
from smcourse.ui import figures
from smcourse.ui.crisis_widgets import (
    CrisisExplorer,
    band_figure,
    band_table,
    timeline_figure,
    timing_figure,
    tornado_figure,
)


def test_the_explorer_compares_the_chosen_answer_with_ignoring():
    explorer = CrisisExplorer()
    explorer.choice.value = "transparent"
    explorer.respond_at.value = 12
    timelines = explorer.timelines()
    assert set(timelines["choice"]) == {"ignore", "transparent"}
    assert (timelines["respond_at"] == 12).all()
    result = crisis.outcome("transparent", 12)
    assert f"{result['sentiment']:+.3f}" in explorer.explanation.value
    assert f"hour {crisis.STORY_HOURS}" in explorer.explanation.value
    assert f"{result['reach']:,.0f} people" in explorer.explanation.value
    assert "Transparent follow-up at hour 12" in explorer.figure().layout.title.text


def test_every_control_says_what_it_controls():
    explorer = CrisisExplorer()
    assert explorer.choice.description == "How Lumen answers"
    assert explorer.respond_at.description == "Hour of the answer"
    assert explorer.measure.description == "Chart shows"
    assert explorer.choice.tooltip and explorer.respond_at.tooltip
    assert len(explorer.measure.tooltips) == len(explorer.measure.options)
    assert explorer.respond_at.max == crisis.HOURS


def test_choosing_ignore_shows_one_line_not_two():
    explorer = CrisisExplorer(choice="ignore")
    assert list(explorer.timelines()["choice"].unique()) == ["ignore"]


def test_switching_the_measure_switches_the_axis():
    explorer = CrisisExplorer()
    explorer.measure.value = "reach"
    assert explorer.figure().layout.yaxis.title.text == "People who have seen the complaint"
    explorer.measure.value = "voices"
    assert explorer.figure().layout.yaxis.title.text == "People who have posted against the brand"


def test_figures_carry_alt_text_with_the_end_state():
    timelines = crisis.compare(3)
    alt = figures.alt_text(timeline_figure(timelines, "reach", "Reach").to_dict())
    ignored = crisis.simulate("ignore", 3)["reach"].iloc[-1]
    assert f"At hour {crisis.HOURS}, the end of the chart: " in alt
    assert f"Ignore it {ignored:,.0f}" in alt
    sweep = crisis.timing_sweep(step=24)
    alt = figures.alt_text(timing_figure(sweep).to_dict())
    assert f"Transparent follow-up {crisis.outcome('transparent', 0)['sentiment']:+.3f} at hour 0" in alt


def test_the_band_figure_shows_each_choice_with_its_band():
    table = band_table(6)
    assert list(table["choice"]) == list(crisis.CHOICES)
    assert ((table["low"] <= table["central"]) & (table["central"] <= table["high"])).all()
    fig = band_figure(6)
    assert list(fig.data[0].x) == [c.label for c in crisis.CHOICES.values()]
    alt = figures.alt_text(fig.to_dict())
    personal = table.set_index("choice").loc["personal"]
    assert f"Personal reply {personal['central']:+.3f} (from {personal['low']:+.3f}" in alt


def test_the_tornado_puts_the_widest_swing_on_top_and_names_it():
    fig = tornado_figure("personal", 6)
    widest = crisis.sensitivity("personal", 6).iloc[0]["parameter"]
    assert fig.data[0].y[-1] == widest  # plotly draws the last category at the top
    assert figures.alt_text(fig.to_dict()).count(widest) >= 1


def test_the_chart_in_the_explorer_follows_the_chosen_hour():
    explorer = CrisisExplorer(choice="broadcast", respond_at=0)
    explorer.respond_at.value = 30
    (shown,) = explorer.chart.outputs
    assert shown["data"]["application/vnd.plotly.v1+json"]["layout"]["title"]["text"] == (
        "Broadcast statement at hour 30, against saying nothing")
