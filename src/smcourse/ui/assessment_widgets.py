"""The display layer of the existing-vs-living self-assessment: a radar chart and the widget form.

All scoring is `smcourse.core.assessment`; this module only draws it. `SelfAssessmentForm` shows one
slider per statement, grouped by dimension, and redraws the verdicts and the radar chart whenever a
slider moves. `form.figure()` gives the chart of the current answers as an ordinary figure, so a
lesson can store a static result for the answers the form starts with.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

import ipywidgets as w
import plotly.graph_objects as go

from smcourse.core import assessment
from smcourse.ui import figures
from smcourse.ui.widgets import Slider, show_widget

AXIS_TITLE = "Score (1 = existing, 5 = living)"

def radar_chart(profiles: Mapping[str, Mapping[str, float]], *, title: str, alt: str) -> go.Figure:
    """One closed outline per profile (name -> dimension scores) on the four dimensions, 1 to 5.

    Profiles named after a case brand ("lumen", "beacon") get that brand's colour, and no other
    profile does; NaN scores are drawn at the centre.
    """
    fig = go.Figure()
    labels = [name.capitalize() for name in assessment.DIMENSIONS]
    for index, (name, scores) in enumerate(profiles.items()):
        values = [scores.get(dim, math.nan) for dim in assessment.DIMENSIONS]
        values = [0 if math.isnan(value) else value for value in values]
        other = figures.CATEGORY_COLOURS[index % len(figures.CATEGORY_COLOURS)]
        colour = figures.BRAND_COLOURS.get(name.lower(), other)
        fig.add_trace(go.Scatterpolar(r=values + values[:1], theta=labels + labels[:1], name=name,
                                      fill="toself", opacity=0.6, line={"color": colour}))
    fig.update_layout(polar={"radialaxis": {"range": [0, 5], "tickvals": [1, 2, 3, 4, 5],
                                            "title": {"text": "score"}}},
                      xaxis={"visible": False}, yaxis={"visible": False}, showlegend=True)
    return figures.finish(fig, title=title, x_title="Dimension", y_title=AXIS_TITLE, alt=alt)


def describe(scores: Mapping[str, float]) -> str:
    """The scores in words, for alt text: 'planning 4.0, presences 4.3, ...'."""
    return ", ".join(f"{dim} {'unanswered' if math.isnan(scores[dim]) else format(scores[dim], '.1f')}"
                     for dim in assessment.DIMENSIONS)


class SelfAssessmentForm:
    """Twelve sliders, a verdict per dimension and a radar chart that follow the answers."""

    def __init__(self, answers: Mapping[str, int] = assessment.EXAMPLE_ANSWERS,
                 name: str = "Your organisation"):
        self.name = name
        # Each slider is named by the statement it rates and says its value in words (4: mostly true).
        scale_words = {str(value): label for value, label in assessment.SCALE.items()}
        self.sliders = {
            statement.id: Slider(value=answers.get(statement.id, 3), min=1, max=5,
                                 description=statement.text, value_texts=scale_words, label_after=True)
            for statement in assessment.STATEMENTS}
        self.summary = w.HTML()
        self.chart = w.Output()
        sections = []
        for dim in assessment.DIMENSIONS:
            rows = [self.sliders[s.id] for s in assessment.STATEMENTS if s.dimension == dim]
            sections.append(w.VBox([w.HTML(f"<b>{dim.capitalize()}</b>"), *rows]))
        scale = " · ".join(f"{value} = {label}" for value, label in assessment.SCALE.items())
        self.box = w.VBox([w.HTML(f"<em>How true is each statement of your organisation? {scale}.</em>"),
                           *sections, self.summary, self.chart])
        for slider in self.sliders.values():
            slider.observe(lambda change: self.update(), names="value")
        self.update()

    @property
    def answers(self) -> dict[str, int]:
        return {statement_id: slider.value for statement_id, slider in self.sliders.items()}

    @answers.setter
    def answers(self, answers: Mapping[str, int]) -> None:
        for statement_id, rating in answers.items():
            if statement_id in self.sliders and rating in assessment.SCALE:
                self.sliders[statement_id].value = rating

    @property
    def results(self) -> dict[str, assessment.DimensionResult]:
        return assessment.score(self.answers)

    def figure(self) -> go.Figure:
        """The radar chart of the current answers."""
        scores = {dim: result.score for dim, result in self.results.items()}
        return radar_chart({self.name: scores}, title=f"{self.name}: existing or living?",
                           alt=f"Radar chart of the self-assessment of {self.name}: {describe(scores)} "
                               "(1 = existing, 5 = living).")

    def update(self) -> None:
        """Rewrite the verdicts and redraw the chart from the sliders."""
        rows = "".join(f"<tr><td>{dim}</td><td>{result.score:.1f}</td><td>{result.verdict}</td>"
                       f"<td>{html.escape(result.advice)}</td></tr>"
                       for dim, result in self.results.items())
        self.summary.value = ("<table class='smcourse-assessment'><tr><th>dimension</th><th>score</th>"
                              f"<th>verdict</th><th>what it means</th></tr>{rows}</table>")
        figures.draw_in(self.chart, self.figure())

    def _ipython_display_(self):
        show_widget(self.box, "Self-assessment: existing or living?")
