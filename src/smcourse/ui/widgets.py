"""The display layer: practice cards, the inputs graded questions use, and what every kit widget needs.

A practice card shows the prompt, an input that fits the question kind, and buttons: Check
(always), Hint (when the question has one) and Show answer. It is an anywidget whose front end
(static/practice.js) judges the answer in the page with the twin of `Question.check`, so it answers
within a frame in JupyterLab and on the course site, where the book build embeds each card's state
(book/_ext/course_site.py). Importing this module makes the card the way a notebook shows every
question (`practice.display_with`); the learners' short name `smcourse.practice` imports it. Graded
questions (smcourse.ui.answers) use `AnswerInput` and the kernel. Where no widget can be drawn (a
text console, a page without the widget manager) a widget falls back to a short note that says to
open the notebook in JupyterLab.

Every control has an accessible name that says what it is for (a matching row's menu is named by its
left-hand item, a number field by its unit or the question), and every verdict is a live region
(role="status"), so the cards work with a screen reader and with the keyboard alone. `Slider` is
the one control ipywidgets cannot name: its own slider's handle takes no label, so `Slider` draws a
native, labelled `<input type="range">` instead (through anywidget).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as w
import traitlets
from IPython.display import display

from smcourse.core import attempts
from smcourse.core.practice import Choice, Matching, MultiSelect, Numeric, Question, display_with

STATIC = Path(__file__).parent / "static"  # the front-end modules, shipped with the package

_STYLES = {
    # Icons from plain Unicode (not emoji), so they render with any system font.
    "correct": ("✓", "#166534", "#dcfce7"),
    "incorrect": ("✗", "#991b1b", "#fee2e2"),
    "invalid": ("⚠", "#854d0e", "#fef9c3"),
    "hint": ("ℹ", "#1e3a8a", "#dbeafe"),
    "solution": ("ℹ", "#374151", "#f3f4f6"),
    "saved": ("✓", "#1e3a8a", "#dbeafe"),
}
_PLACEHOLDER = "— choose —"


def message_html(status: str, text: str) -> str:
    """A coloured, screen-reader-announced message box."""
    icon, colour, background = _STYLES[status]
    return (f'<div class="smcourse-feedback smcourse-{status}" role="status" aria-live="polite" '
            f'style="color:{colour};background:{background};padding:0.4em 0.7em;'
            f'border-radius:4px;margin-top:0.3em">{icon} {html.escape(text)}</div>')


_SLIDER_ESM = """
function render({ model, el }) {
  const id = `smcourse-slider-${Math.random().toString(36).slice(2)}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.className = "smcourse-slider-label";
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  const readout = document.createElement("output");
  readout.htmlFor = id;
  readout.className = "smcourse-slider-readout";
  readout.setAttribute("aria-hidden", "true");  // the slider itself announces its value
  const words = value => (model.get("value_texts") || {})[String(value)];
  const show = value => {
    const text = words(value);
    readout.textContent = text ? `${value} · ${text}` : String(value);
    if (text) input.setAttribute("aria-valuetext", `${value}: ${text}`);
    else input.removeAttribute("aria-valuetext");
  };
  const sync = () => {
    label.textContent = model.get("description");
    input.title = model.get("tooltip") || "";
    input.min = model.get("min");
    input.max = model.get("max");
    input.step = model.get("step");
    input.value = model.get("value");
    show(model.get("value"));
  };
  input.addEventListener("input", () => show(input.value));
  input.addEventListener("change", () => {
    model.set("value", Number(input.value));
    model.save_changes();
  });
  model.on("change", sync);
  el.classList.add("smcourse-slider");
  if (model.get("label_after")) el.append(input, readout, label);
  else el.append(label, input, readout);
  sync();
  return () => model.off("change", sync);
}
export default { render };
"""
_SLIDER_CSS = """
.smcourse-slider { display: flex; align-items: center; gap: 0.6em; margin: 2px 0; }
.smcourse-slider input[type="range"] { width: 10em; flex: none; }
.smcourse-slider input[type="range"]:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.smcourse-slider-readout { min-width: 2em; flex: none; font-variant-numeric: tabular-nums; }
.smcourse-slider-label { white-space: normal; }
"""


class Slider(anywidget.AnyWidget):
    """An integer slider with an accessible name: a native `<input type="range">` with a `<label>`.

    Arrow keys, Page Up/Down, Home and End move it; its value reaches the kernel when it is let go
    (as ipywidgets' sliders with `continuous_update=False`). `value_texts` maps a value to the words
    a screen reader says with it (for a rating: 4 -> "mostly true"); `label_after` puts the label
    to the right of the slider (for long statements) instead of before it.
    """

    _esm = _SLIDER_ESM
    _css = _SLIDER_CSS
    value = traitlets.Int(0).tag(sync=True)
    min = traitlets.Int(0).tag(sync=True)
    max = traitlets.Int(100).tag(sync=True)
    step = traitlets.Int(1).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode("").tag(sync=True)
    value_texts = traitlets.Dict().tag(sync=True)
    label_after = traitlets.Bool(False).tag(sync=True)

    @traitlets.validate("value")
    def _within_range(self, proposal):
        return max(self.min, min(self.max, proposal["value"]))


class AnswerInput:
    """The input widget for one graded question, with the raw answer it holds (`value`). A typed
    answer reaches the kernel at every keystroke (each is saved, so nothing typed is lost)."""

    def __init__(self, question: Question):
        self.question = question
        if isinstance(question, Choice):
            self._radio = w.RadioButtons(options=question.options, value=None,
                                         layout=w.Layout(width="auto"))
            self.widget = self._radio
            self._targets = [self._radio]
        elif isinstance(question, MultiSelect):
            self._boxes = [w.Checkbox(value=False, description=option, indent=False,
                                      layout=w.Layout(width="auto")) for option in question.options]
            self.widget = w.VBox(self._boxes)
            self._targets = self._boxes
        elif isinstance(question, Numeric):
            # Named by its unit when it has one (the visible label), else by the question (title).
            self._text = w.Text(placeholder="a number, e.g. 0.034 or 3.4%", description=question.unit or "",
                                tooltip=question.prompt, layout=w.Layout(width="18em"))
            self.widget = self._text
            self._targets = [self._text]
        elif isinstance(question, Matching):
            choices = [(_PLACEHOLDER, None)] + [(option, option) for option in question.options]
            # The left-hand item is each menu's own label, so the menu is named by it.
            self._menus = {item: w.Dropdown(options=choices, value=None, description=item,
                                            style={"description_width": "14em"},
                                            layout=w.Layout(width="auto")) for item in question.items}
            self.widget = w.VBox(list(self._menus.values()))
            self._targets = list(self._menus.values())
        else:
            raise TypeError(f"no input widget for {type(question).__name__}")

    @property
    def value(self) -> Any:
        if isinstance(self.question, Choice):
            return self._radio.value
        if isinstance(self.question, MultiSelect):
            return [box.description for box in self._boxes if box.value]
        if isinstance(self.question, Numeric):
            return self._text.value
        return {item: menu.value for item, menu in self._menus.items()}

    @value.setter
    def value(self, answer: Any) -> None:
        """Show a previously given answer again (answers that no longer fit are skipped)."""
        if isinstance(self.question, Choice):
            self._radio.value = answer if answer in self.question.options else None
        elif isinstance(self.question, MultiSelect):
            chosen = set(answer or ())
            for box in self._boxes:
                box.value = box.description in chosen
        elif isinstance(self.question, Numeric):
            self._text.value = "" if answer is None else str(answer)
        else:
            answer = answer if isinstance(answer, dict) else {}
            for item, menu in self._menus.items():
                menu.value = answer.get(item) if answer.get(item) in self.question.options else None

    def observe(self, callback) -> None:
        """Call `callback()` whenever the learner changes the answer."""
        for widget in self._targets:
            widget.observe(lambda change: callback(), names="value")


class PracticeCard(anywidget.AnyWidget):
    """One practice question as a card judged in the page (static/practice.js), so Check, Hint and
    Show answer answer at once, with or without a kernel. The page sends each check and hint here
    afterwards; the kernel judges the answer again (`Question.check` is the source of truth) and
    writes it to the learner's attempts log."""

    _esm = STATIC / "practice.js"
    _css = STATIC / "practice.css"
    spec = traitlets.Dict().tag(sync=True)

    def __init__(self, question: Question):
        super().__init__(spec=question.spec())
        self.question = question
        self.on_msg(self._record)

    def _record(self, _widget, content: dict, _buffers) -> None:
        if content.get("event") == "check":
            answer = content.get("answer")
            attempts.record(self.question, "check", self.question.check(answer).status, answer)
        elif content.get("event") == "hint":
            attempts.record(self.question, "hint")


# Two things JupyterLab does not do for outputs, done in the page once a kit widget is shown (every
# lesson shows practice checks):
# * its notebook shortcuts act on keys pressed anywhere in a cell that is not being edited: the arrow
#   keys select another cell and Space scrolls, so a radio group, a check box, a menu or a slider in
#   an output cannot be worked from the keyboard. Lumino skips its shortcuts for an element marked
#   data-lm-suppress-shortcuts; the kit's own controls are marked as they take the focus.
# * plotly's renderer draws a figure without its alt text; the output that holds a course figure
#   gets role="figure" and the alt text (`figures.finish` keeps it in layout.meta) as its label, as
#   the figure's HTML has on the site.
# * an output wider than the notebook (a wide table) scrolls sideways in a region the keyboard cannot
#   reach; such an output becomes a named region in the Tab order, with a visible focus, whose arrow
#   keys scroll it rather than move to another cell.
_LAB_ESM = """
const CONTROLS = 'input[type=radio], input[type=checkbox], input[type=range], select, button, ' +
                 '[role=tab]';
const nameFigures = () => {
  for (const plot of document.querySelectorAll(".jp-OutputArea .js-plotly-plot")) {
    const alt = plot.layout?.meta?.alt;
    const output = plot.closest(".jp-OutputArea-output");
    if (alt && output.getAttribute("aria-label") !== alt) {
      output.setAttribute("role", "figure");
      output.setAttribute("aria-label", alt);
    }
  }
};
const SCROLLER = "data-smcourse-scroller";
const regionName = output => {
  const headers = [...output.querySelectorAll("table thead th")].map(th => th.textContent.trim())
    .filter(Boolean);
  const what = headers.length ? `Table of ${headers.join(", ")}` : "Output";
  return `${what}, wider than the notebook: scroll it with the arrow keys`;
};
const reachScrollers = () => {
  for (const output of document.querySelectorAll(".jp-OutputArea-output")) {
    if (output.hasAttribute(SCROLLER) || output.hasAttribute("role")
        || output.scrollWidth <= output.clientWidth) continue;
    output.setAttribute(SCROLLER, "");
    output.setAttribute("tabindex", "0");
    output.setAttribute("role", "region");
    output.setAttribute("aria-label", regionName(output));
    output.setAttribute("data-lm-suppress-shortcuts", "true");
  }
};
const FOCUS_CSS = `.jp-OutputArea-output[${SCROLLER}]:focus-visible {
  outline: 3px solid var(--jp-brand-color1, #1976d2); outline-offset: 2px; }`;
const tidy = () => { nameFigures(); reachScrollers(); };
function render({ el }) {
  el.hidden = true;
  if (window.__smcourseLab) return;
  window.__smcourseLab = true;
  const style = document.createElement("style");
  style.textContent = FOCUS_CSS;
  document.head.append(style);
  window.addEventListener("resize", reachScrollers);
  document.addEventListener("focusin", event => {
    const target = event.target;
    if (target instanceof Element && target.matches(CONTROLS) && target.closest(".smcourse-widget"))
      target.setAttribute("data-lm-suppress-shortcuts", "true");
  }, true);
  let pending = null;
  new MutationObserver(() => {
    if (pending === null) pending = setTimeout(() => { pending = null; tidy(); }, 300);
  }).observe(document.body, { childList: true, subtree: true });
  tidy();
}
export default { render };
"""


class _InLab(anywidget.AnyWidget):
    """Invisible: lets the kit's controls keep their keys, names its figures and puts wide outputs in
    the Tab order (see _LAB_ESM)."""

    _esm = _LAB_ESM


def _static_note(title: str) -> dict[str, str]:
    """What a page without a live kernel shows for a widget: a note to open the notebook in JupyterLab."""
    return {"text/html": f'<div class="smcourse-widget-note"><b>{html.escape(title)}</b><br>'
                         '<em>Interactive: run this cell in JupyterLab to use it.</em></div>',
            "text/plain": f"{title} (interactive: run this cell in JupyterLab to use it)"}


def show_widget(box: w.Widget, title: str) -> None:
    """Display a widget with a static fallback: a note to open the notebook in JupyterLab."""
    shown = w.VBox([box, _InLab()])
    shown.add_class("smcourse-widget")
    display({
        "application/vnd.jupyter.widget-view+json": {
            "version_major": 2, "version_minor": 0, "model_id": shown.model_id},
        **_static_note(title),
    }, raw=True)


def show_note(title: str) -> None:
    """Display only the static fallback `show_widget` gives a widget, for a widget nobody will use."""
    display(_static_note(title), raw=True)


def show(question: Question) -> PracticeCard:
    """Display the practice card for `question` and return it."""
    card = PracticeCard(question)
    show_widget(card, f"Practice check: {question.prompt}")
    return card


display_with(show)
