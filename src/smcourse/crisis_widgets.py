"""The display layer of the crisis scenario: comparison figures and a widget to try responses.

The model is `smcourse.crisis`; this module only draws it. `CrisisExplorer` lets the learner pick a
response and the hour at which to give it, and redraws that choice against ignoring the complaint.
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from smcourse import crisis, figures
from smcourse.assessment_widgets import draw_in
from smcourse.widgets import show_widget

MEASURES = {
    "reach": ("People who have seen the complaint", "people reached"),
    "sentiment": ("Net sentiment (-1 to +1)", "net sentiment"),
}


def _labelled(timelines: pd.DataFrame) -> pd.DataFrame:
    labels = {name: response.label for name, response in crisis.RESPONSES.items()}
    return timelines.assign(choice=timelines["response"].map(labels))


def _number(value: float, measure: str) -> str:
    return f"{value:+.2f}" if "sentiment" in measure else f"{value:,.0f}"


def _final_words(timelines: pd.DataFrame, measure: str) -> str:
    finals = _labelled(timelines).groupby("choice", sort=False)[measure].last()
    return "; ".join(f"{choice} {_number(value, measure)}" for choice, value in finals.items())


def timeline_figure(timelines: pd.DataFrame, measure: str, title: str) -> go.Figure:
    """One line per response over the hours of the scenario, for `measure` (reach or sentiment)."""
    axis, words = MEASURES[measure]
    fig = px.line(_labelled(timelines), x="hour", y=measure, color="choice",
                  labels={"choice": "response"})
    fig.add_vline(x=int(timelines["respond_at"].iloc[0]), line_dash="dot", line_color="#6b7280")
    alt = (f"Line chart of {words} over {int(timelines['hour'].max())} hours after the first complaint, "
           f"one line per response. At the end: {_final_words(timelines, measure)}.")
    return figures.finish(fig, title=title, x_title="Hours after the first complaint", y_title=axis,
                          alt=alt)


def timing_figure(sweep: pd.DataFrame, measure: str = "final_sentiment") -> go.Figure:
    """How the end state (`measure` of `crisis.outcomes`) depends on the hour of the answer."""
    axis = {"final_sentiment": "Net sentiment at the end",
            "final_reach": "People reached by the end"}[measure]
    labelled = _labelled(sweep)
    fig = px.line(labelled, x="respond_at", y=measure, color="choice", markers=True,
                  labels={"choice": "response"})
    ends = labelled.groupby("choice", sort=False)[measure].agg(["first", "last"])
    words = "; ".join(f"{choice} {_number(row['first'], measure)} if given at once, "
                      f"{_number(row['last'], measure)} if given at the end"
                      for choice, row in ends.iterrows())
    return figures.finish(fig, title="The cost of waiting: where the story ends, by the hour you answer",
                          x_title="Hour of the response (after the first complaint)", y_title=axis,
                          alt=f"Line chart of {axis.lower()} by the hour of the response, one line per "
                              f"response: {words}.")


class CrisisExplorer:
    """A response menu and an hour slider; the chart compares the choice with saying nothing."""

    def __init__(self, response: str = "personal", respond_at: int = 6):
        crisis.response_named(response)
        self.response = w.Dropdown(options=[(r.label, name) for name, r in crisis.RESPONSES.items()],
                                   value=response, description="Response")
        self.respond_at = w.IntSlider(value=respond_at, min=0, max=crisis.HOURS, description="At hour",
                                      continuous_update=False)
        self.measure = w.ToggleButtons(options=[("Reach", "reach"), ("Sentiment", "sentiment")],
                                       value="sentiment")
        self.explanation = w.HTML()
        self.chart = w.Output()
        self.box = w.VBox([w.HBox([self.response, self.respond_at]), self.measure,
                           self.explanation, self.chart])
        for control in (self.response, self.respond_at, self.measure):
            control.observe(lambda change: self.update(), names="value")
        self.update()

    def timelines(self) -> pd.DataFrame:
        """The chosen response and 'ignore', both at the chosen hour."""
        names = dict.fromkeys(["ignore", self.response.value])
        return crisis.compare(self.respond_at.value, tuple(names))

    def update(self) -> None:
        chosen = crisis.RESPONSES[self.response.value]
        table = crisis.outcomes(self.timelines()).set_index("response")
        final = table.loc[chosen.name]
        self.explanation.value = (f"<p><b>{chosen.label}</b>: {chosen.description} After 72 hours "
                                  f"{final['final_reach']:,.0f} people have seen the complaint and net "
                                  f"sentiment is {final['final_sentiment']:+.2f}.</p>")
        draw_in(self.chart, self.figure())

    def figure(self) -> go.Figure:
        return timeline_figure(self.timelines(), self.measure.value,
                               f"{crisis.RESPONSES[self.response.value].label} at hour "
                               f"{self.respond_at.value}, against saying nothing")

    def _ipython_display_(self):
        show_widget(self.box, "Crisis scenario: choose how and when Lumen answers")
