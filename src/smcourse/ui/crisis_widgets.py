"""The display layer of the crisis scenario: figures of the model and a widget to try choices.

The model is `smcourse.core.crisis`; this module only draws it. `CrisisExplorer` lets the learner pick a
choice and the hour at which to make it, and redraws that choice against ignoring the complaint.
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from smcourse.core import crisis
from smcourse.ui import figures
from smcourse.ui.widgets import Slider, show_widget

MEASURES = {
    "views": ("People who first see it, per hour", "people who first see the complaint each hour"),
    "reach": ("People who have seen the complaint", "people reached"),
    "voices": ("People who have posted against the brand", "negative voices"),
    "sentiment": ("Net sentiment of the last 24 hours (-1 to +1)", "net sentiment"),
}
OUTCOMES = {
    "sentiment": f"Net sentiment at hour {crisis.STORY_HOURS} (three weeks in)",
    "reach": f"People reached by hour {crisis.STORY_HOURS}",
    "voices": f"Negative voices by hour {crisis.STORY_HOURS}",
    "peak_views": "People reached in the busiest hour",
    "lowest_sentiment": "Net sentiment of the worst 24 hours",
}


def _label(name: str) -> str:
    return crisis.CHOICES[name].label


def _labelled(table: pd.DataFrame) -> pd.DataFrame:
    return table.assign(label=table["choice"].map(_label))


def _number(value: float, measure: str) -> str:
    if "sentiment" in measure:
        return f"{value:+.3f}"
    return f"{value:,.1f}" if measure == "voices" else f"{value:,.0f}"


def _final_words(timelines: pd.DataFrame, measure: str) -> str:
    by_choice = _labelled(timelines).groupby("label", sort=False)
    if measure == "views":  # every line ends near zero; the busiest hour is what differs
        peaks = by_choice.apply(lambda rows: rows.loc[rows["views"].idxmax(), ["hour", "views"]],
                                include_groups=False)
        return "At their busiest: " + "; ".join(
            f"{label} {row['views']:,.0f} people in hour {int(row['hour'])}"
            for label, row in peaks.iterrows())
    finals = by_choice[measure].last()
    end = int(timelines["hour"].max())
    return f"At hour {end}, the end of the chart: " + "; ".join(f"{label} {_number(value, measure)}"
                                      for label, value in finals.items())


def timeline_figure(timelines: pd.DataFrame, measure: str, title: str) -> go.Figure:
    """One line per choice over the hours of the scenario, for `measure` (a key of MEASURES)."""
    axis, words = MEASURES[measure]
    fig = px.line(_labelled(timelines), x="hour", y=measure, color="label",
                  labels={"label": "choice"})
    fig.add_vline(x=int(timelines["respond_at"].iloc[0]), line_dash="dot", line_color="#6b7280")
    if measure == "sentiment":
        fig.add_hline(y=crisis.CENTRAL.baseline, line_dash="dash", line_color="#9ca3af")
    alt = (f"Line chart of {words} over {int(timelines['hour'].max())} hours after the first complaint, "
           f"one line per choice; a dotted line marks the hour of the answer. "
           f"{_final_words(timelines, measure)}.")
    return figures.finish(fig, title=title, x_title="Hours after the first complaint", y_title=axis,
                          alt=alt)


def timing_figure(sweep: pd.DataFrame, measure: str = "sentiment") -> go.Figure:
    """How an outcome (`measure`, a key of OUTCOMES) depends on the hour of the answer."""
    axis = OUTCOMES[measure]
    labelled = _labelled(sweep)
    fig = px.line(labelled, x="respond_at", y=measure, color="label", markers=True,
                  labels={"label": "choice"})
    if measure == "sentiment":
        fig.add_hline(y=crisis.CENTRAL.baseline, line_dash="dash", line_color="#9ca3af")
    ends = labelled.groupby("label", sort=False)[measure].agg(["first", "last"])
    first, last = int(sweep["respond_at"].min()), int(sweep["respond_at"].max())
    words = "; ".join(f"{label} {_number(row['first'], measure)} at hour {first}, "
                      f"{_number(row['last'], measure)} at hour {last}"
                      for label, row in ends.iterrows())
    return figures.finish(fig, title="The cost of waiting: where the story ends, by the hour you act",
                          x_title="Hour of the answer (after the first complaint)", y_title=axis,
                          alt=f"Line chart of {axis.lower()} by the hour of the answer, one line per "
                              f"choice: {words}.")


def band_table(respond_at: int, measure: str = "sentiment") -> pd.DataFrame:
    """Per choice made at `respond_at`: the central outcome and its band (see `crisis.band`)."""
    rows = []
    for name in crisis.CHOICES:
        band = crisis.band(name, respond_at).set_index("measure").loc[measure]
        rows.append({"choice": name, "low": band["low"], "central": band["central"],
                     "high": band["high"]})
    return pd.DataFrame(rows)


def band_figure(respond_at: int, measure: str = "sentiment") -> go.Figure:
    """One bar per choice made at `respond_at`, with the band of the parameters' uncertainty."""
    table = _labelled(band_table(respond_at, measure))
    fig = go.Figure(go.Bar(
        x=table["label"], y=table["central"], marker_color=figures.SEQUENCE[0],
        error_y={"type": "data", "symmetric": False, "array": table["high"] - table["central"],
                 "arrayminus": table["central"] - table["low"], "color": "#374151"}))
    if "sentiment" in measure:
        fig.add_hline(y=crisis.CENTRAL.baseline, line_dash="dash", line_color="#9ca3af")
    words = "; ".join(f"{row.label} {_number(row.central, measure)} (from {_number(row.low, measure)} "
                      f"to {_number(row.high, measure)})" for row in table.itertuples())
    axis = OUTCOMES[measure]
    return figures.finish(fig, title=f"Each choice at hour {respond_at}, with the band of the "
                                     f"parameters' uncertainty",
                          x_title="Choice", y_title=axis,
                          alt=f"Bar chart of {axis.lower()} for each choice made at hour {respond_at}, "
                              f"with whiskers from the lowest to the highest value when one parameter at "
                              f"a time takes its low or high value: {words}.")


def tornado_figure(choice: str, respond_at: int, measure: str = "sentiment", top: int = 8) -> go.Figure:
    """How far each uncertain parameter alone moves one outcome: a tornado chart, widest bar on top."""
    table = crisis.sensitivity(choice, respond_at, measure).head(top).iloc[::-1]
    central = float(table["central"].iloc[0])
    fig = go.Figure()
    for level, colour in (("low", figures.SEQUENCE[2]), ("high", figures.SEQUENCE[1])):
        fig.add_trace(go.Bar(y=table["parameter"], x=table[level] - central, base=central,
                             orientation="h", name=f"parameter at its {level} value",
                             marker_color=colour))
    fig.update_layout(barmode="overlay")
    fig.add_vline(x=central, line_color="#374151")
    widest = table.iloc[::-1].head(3)
    words = "; ".join(f"{row.parameter} from {_number(row.low, measure)} (low) to "
                      f"{_number(row.high, measure)} (high)" for row in widest.itertuples())
    axis = OUTCOMES[measure]
    return figures.finish(fig, title=f"What the answer depends on: {_label(choice).lower()} at hour "
                                     f"{respond_at}",
                          x_title=axis, y_title="Parameter",
                          alt=f"Tornado chart of {axis.lower()} for {_label(choice).lower()} at hour "
                              f"{respond_at}: central value {_number(central, measure)}; one bar per "
                              f"parameter, widest first: {words}.")


class CrisisExplorer:
    """A choice menu and an hour slider; the chart compares the choice with saying nothing."""

    def __init__(self, choice: str = "personal", respond_at: int = 6):
        crisis.choice_named(choice)
        style = {"description_width": "initial"}
        self.choice = w.Dropdown(options=[(c.label, name) for name, c in crisis.CHOICES.items()],
                                 value=choice, description="How Lumen answers", style=style,
                                 tooltip="Choose how Lumen answers the complaint")
        self.respond_at = Slider(value=respond_at, min=0, max=crisis.HOURS,
                                 description="Hour of the answer",
                                 tooltip="Hours after the first complaint at which Lumen acts")
        self.measure = w.ToggleButtons(options=[(MEASURES[m][1].capitalize(), m) for m in MEASURES],
                                       value="sentiment", description="Chart shows", style=style,
                                       tooltips=[MEASURES[m][0] for m in MEASURES])
        self.explanation = w.HTML()
        self.chart = w.Output()
        self.box = w.VBox([w.HBox([self.choice, self.respond_at]), self.measure,
                           self.explanation, self.chart])
        for control in (self.choice, self.respond_at, self.measure):
            control.observe(lambda change: self.update(), names="value")
        self.update()

    def timelines(self) -> pd.DataFrame:
        """The chosen answer and 'ignore', both at the chosen hour."""
        names = dict.fromkeys(["ignore", self.choice.value])
        return crisis.compare(self.respond_at.value, tuple(names))

    def update(self) -> None:
        chosen = crisis.CHOICES[self.choice.value]
        result = crisis.outcome(chosen.name, self.respond_at.value)
        self.explanation.value = (
            f'<p role="status" aria-live="polite"><b>{chosen.label}</b>: {chosen.description} Three '
            f"weeks in (hour {crisis.STORY_HOURS}), {result['reach']:,.0f} people have seen the "
            f"complaint, {result['voices']:,.1f} have posted against Lumen (the customer included), "
            f"the chance that the customer is won back is {result['won_back']:.0%}, and net "
            f"sentiment is {result['sentiment']:+.3f} (it was {crisis.CENTRAL.baseline:+.2f} before); "
            f"the worst day's was {result['lowest_sentiment']:+.2f}.</p>")
        figures.draw_in(self.chart, self.figure())

    def figure(self) -> go.Figure:
        return timeline_figure(self.timelines(), self.measure.value,
                               f"{crisis.CHOICES[self.choice.value].label} at hour "
                               f"{self.respond_at.value}, against saying nothing")

    def _ipython_display_(self):
        show_widget(self.box, "Crisis scenario: choose how and when Lumen answers")
