"""One plotly look for the whole course: a template, brand colours, and figures that carry alt text.

`finish` returns a `CourseFigure`, a plotly Figure that displays itself with, for every figure:
* `application/vnd.plotly.v1+json`, which JupyterLab draws interactively;
* `text/html` without plotly.js inside (the book serves plotly.js once per page), wrapped in an
  element with role="figure" and the figure's alt text as its label (not role="img", which would
  hide plotly's toolbar buttons from assistive technology);
* `text/plain`: the alt text, so a text-only reader still learns what the figure shows.
The HTML element id is derived from the figure's content, so stored outputs are reproducible.
The figure displays itself rather than through plotly's renderer registry, whose first use imports
nbformat and jsonschema and adds seconds to every lesson's start-up.
"""

from __future__ import annotations

import hashlib
import html
import json
from typing import TYPE_CHECKING

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio

if TYPE_CHECKING:
    import ipywidgets

BRAND_COLOURS = {"lumen": "#0f766e", "beacon": "#c2410c"}
MOOD_COLOURS = {"negative": "#b91c1c", "neutral": "#9ca3af", "positive": "#4338ca"}  # none a brand's
SEQUENCE = ["#0f766e", "#c2410c", "#4338ca", "#a16207", "#be185d", "#15803d", "#475569"]
# For a variable other than the brand, so that teal and orange always mean Lumen and Beacon.
CATEGORY_COLOURS = SEQUENCE[2:]
HEATMAP_SCALE = "Teal"

# plotly_white with the course's look laid over it, merged once here: a default of
# "plotly_white+smcourse" would merge the two again for every figure made
pio.templates["smcourse"] = pio.templates.merge_templates(pio.templates["plotly_white"], go.layout.Template(
    layout=go.Layout(
        font={"family": "Inter, Segoe UI, Helvetica, Arial, sans-serif", "size": 14,
              "color": "#1f2937"},
        title={"x": 0.0, "xanchor": "left", "font": {"size": 18}},
        colorway=SEQUENCE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 70, "r": 30, "t": 70, "b": 60},
        xaxis={"gridcolor": "#e5e7eb", "zerolinecolor": "#d1d5db", "automargin": True},
        yaxis={"gridcolor": "#e5e7eb", "zerolinecolor": "#d1d5db", "automargin": True},
        legend={"bgcolor": "rgba(255,255,255,0.8)"},
    )
))
pio.templates.default = "smcourse"


def finish(fig: go.Figure, *, title: str, x_title: str, y_title: str, alt: str,
           height: int = 420) -> CourseFigure:
    """Give `fig` the course look, a title, labelled axes and alt text (all required)."""
    for name, value in (("title", title), ("x_title", x_title), ("y_title", y_title),
                        ("alt", alt)):
        if not str(value).strip():
            raise ValueError(f"every course figure needs a {name}")
    fig.update_layout(title_text=title, height=height, meta={"alt": alt},
                      xaxis_title_text=x_title, yaxis_title_text=y_title)
    return CourseFigure(fig)


def denominator_bars(rates: pd.DataFrame, colour: str) -> go.Figure:
    """One bar panel per engagement-rate column of `rates` (as from
    `metrics.engagement_rates_by`), each with its own per-cent axis, so the three denominators'
    very different scales stay readable side by side."""
    long = rates.rename_axis("group").reset_index().melt(id_vars="group", var_name="denominator",
                                                           value_name="rate")
    long["denominator"] = long["denominator"].str.replace("_", " ")
    fig = px.bar(long, x="group", y="rate", facet_col="denominator", facet_col_spacing=0.07,
                 color_discrete_sequence=[colour])
    fig.update_yaxes(matches=None, showticklabels=True, tickformat=".1%")
    fig.for_each_annotation(lambda label: label.update(text=label.text.split("=")[-1]))
    return fig


def time_grid(grid: pd.DataFrame) -> go.Figure:
    """A heat map of a weekday-by-hour table of rates (as from `metrics.posting_time_grid`)."""
    fig = px.imshow(grid, color_continuous_scale=HEATMAP_SCALE, aspect="auto",
                    labels={"color": "median rate"})
    fig.update_coloraxes(colorbar_tickformat=".0%")
    return fig


def lines_by_brand(table: pd.DataFrame, x: str, y: str) -> go.Figure:
    """One line per brand (column `brand`) of `y` over `x`, in the brand colours, the y axis from
    zero so that growth is not drawn larger than it is."""
    fig = px.line(table, x=x, y=y, color="brand", markers=True, color_discrete_map=BRAND_COLOURS)
    fig.update_yaxes(rangemode="tozero")
    return fig


def rate_scatter(table: pd.DataFrame, x: str, y: str, label: str, size: str = "posts") -> go.Figure:
    """Two rates of `table` against each other, a point per row named by `label` and sized by
    `size`, both axes in per cent, in a colour that is not a brand's."""
    fig = px.scatter(table, x=x, y=y, text=label, size=size,
                     color_discrete_sequence=CATEGORY_COLOURS[:1])
    fig.update_traces(textposition="top center")
    fig.update_layout(xaxis_tickformat=".1%", yaxis_tickformat=".1%")
    return fig


def alt_text(fig_dict: dict) -> str:
    """The alt text that `finish` stored in the figure (empty when it was never set)."""
    meta = fig_dict.get("layout", {}).get("meta") or {}
    return meta.get("alt", "") if isinstance(meta, dict) else ""


def mimebundle(fig_dict: dict) -> dict:
    """Interactive in JupyterLab, offline-ready HTML for the book, alt text for everyone else."""
    fig_json = json.loads(pio.to_json(fig_dict, validate=False, remove_uids=True))
    digest = hashlib.sha1(json.dumps(fig_json, sort_keys=True).encode()).hexdigest()[:12]
    alt = alt_text(fig_json)
    div = pio.to_html(fig_json, full_html=False, include_plotlyjs=False, div_id=f"fig-{digest}",
                      validate=False, config={"displaylogo": False, "responsive": True})
    label = html.escape(alt, quote=True)
    return {
        "application/vnd.plotly.v1+json": fig_json,
        "text/html": f'<div class="smcourse-figure" role="figure" aria-label="{label}">{div}</div>',
        "text/plain": f"Figure: {alt}" if alt else "Figure (no description)",
    }


def draw_in(output: ipywidgets.Output, fig: go.Figure) -> None:
    """Put `fig` into an Output widget as its only output.

    The widget's outputs are set directly rather than captured with `display`, so executing a
    notebook headless (refresh, nbval) never sees the chart as a cell output of its own.
    """
    output.outputs = ({"output_type": "display_data", "metadata": {},
                       "data": mimebundle(fig.to_plotly_json())},)


class CourseFigure(go.Figure):
    """A plotly Figure that shows itself as `mimebundle` describes."""

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        return mimebundle(self.to_dict())

    def _ipython_display_(self):
        from IPython.display import display

        display(self._repr_mimebundle_(), raw=True)
