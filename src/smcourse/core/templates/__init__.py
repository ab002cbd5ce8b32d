"""The kit's HTML pages and fragments, written as Jinja2 templates in this folder.

`render("feedback.html", ...)` fills one in. Every template is autoescaped, so a learner's name or
answer is always shown as text; HTML made elsewhere (a plotly figure, a pandas table) comes in as
`markupsafe.Markup`, the one way to say it is already safe.
"""

from __future__ import annotations

import re

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape


def _line_breaks(text: str) -> Markup:
    """Text shown with its line breaks kept."""
    return Markup("<br>").join(escape(text).split("\n"))


def _inline_markdown(text: str) -> Markup:
    """Markdown text as HTML: escaped, with *emphasis* and `code` kept."""
    escaped = str(escape(text))  # a plain str: re.sub would join a Markup's pieces escaped again
    return Markup(re.sub(r"`(.+?)`", r"<code>\1</code>", re.sub(r"\*(.+?)\*", r"<em>\1</em>", escaped)))


def _points(number: float) -> str:
    """A number of points in words: "1 point", "2.5 points"."""
    return f"{number:g} point" + ("" if number == 1 else "s")


ENVIRONMENT = Environment(loader=PackageLoader("smcourse.core", "templates"),
                          autoescape=select_autoescape(["html"]), keep_trailing_newline=True,
                          trim_blocks=True, lstrip_blocks=True)
ENVIRONMENT.filters |= {"line_breaks": _line_breaks, "inline_markdown": _inline_markdown, "points": _points}


def render(name: str, **context) -> str:
    """The template `name` filled in with `context`."""
    return ENVIRONMENT.get_template(name).render(**context)
