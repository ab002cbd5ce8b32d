"""The capstone plan builder: an ipywidgets form over `smcourse.plan`, one tab per part of the plan.

    builder = PlanBuilder("my_strategy.plan.json")   # reloads what was saved there, if anything
    builder                                          # shows the form

Every change is checked and saved to the plan file at once; the Export button writes the plan as
Markdown and HTML beside it. The form holds no rules: reading and writing the plan, the checks and
the export are all `smcourse.plan` functions.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, fields
from pathlib import Path

import ipywidgets as w

from smcourse import plan as model
from smcourse.widgets import message_html, show_widget

_NONE = ("— choose —", "")
_WIDE = w.Layout(width="40em")
_LABEL = w.Layout(width="11em")
_NUMBER = w.Layout(width="6em")
_LOAD_STYLES = {"restored": "saved", "fresh": "hint", "set aside": "invalid", "blocked": "incorrect"}
TABS = {"goals": "Goals", "audience": "Audience", "channels": "Channels", "content": "Content",
        "engagement": "Engagement", "metrics": "Metrics", "actions": "Actions"}


# Every field has an accessible name: the label beside it when there is one (`_row`), else its
# `name` (a tooltip, which ipywidgets gives the field as its title) that says which row it is in.
# A text reaches the kernel (and the plan is saved) when the learner leaves the field, not at each
# keystroke: one save per answer, and no kernel echo of "R" overwriting "Riverside" mid-typing.
def _text(placeholder: str, layout: w.Layout = _WIDE, name: str = "") -> w.Text:
    return w.Text(placeholder=placeholder, layout=layout, tooltip=name or placeholder,
                  continuous_update=False)


def _long_text(placeholder: str, value: str = "", name: str = "") -> w.Textarea:
    return w.Textarea(placeholder=placeholder, value=value, rows=2, layout=_WIDE,
                      tooltip=name or placeholder, continuous_update=False)


def _choices(values) -> list[tuple[str, str]]:
    return [_NONE, *((value, value) for value in values)]


def _tab_of(part: str) -> str:
    """The tab where a part of the plan is filled in (the organisation's name is on Goals)."""
    return TABS.get(part, TABS["goals"])


def _row(label: str, field: w.Widget) -> w.HBox:
    """`field` with `label` before it, as the field's own description (a `<label>` tied to it, so
    the label is its accessible name); with no label, a gap of the same width keeps the column."""
    if not label:
        return w.HBox([w.Label("", layout=_LABEL), field])
    field.description = label
    field.style.description_width = _LABEL.width
    field.layout = w.Layout(width=f"calc({_LABEL.width} + {field.layout.width})")
    return w.HBox([field])


@dataclass
class GoalRow:
    chosen: w.Checkbox
    why: w.Textarea


@dataclass
class PersonaRow:
    name: w.Text
    description: w.Text
    needs: w.Text
    stage: w.Dropdown

    def read(self) -> model.Persona:
        return model.Persona(self.name.value, self.description.value, self.needs.value,
                             self.stage.value)


@dataclass
class ChannelRow:
    chosen: w.Checkbox
    property: w.Dropdown
    purpose: w.Text


@dataclass
class MetricRow:
    chosen: w.Checkbox
    target: w.Text


@dataclass
class ActionRow:
    step: w.Textarea
    owner: w.Text
    due: w.Text


class PlanBuilder:
    """The form for one plan file; `start` (e.g. `plan.example_plan()`) fills it while nothing is
    saved there yet, and never replaces a saved plan."""

    PERSONA_SLOTS = 3

    def __init__(self, path: str | Path, start: model.Plan | None = None):
        self.path = Path(path)
        loaded = model.load(self.path, start)
        self.can_save = loaded.can_save
        self._build(loaded.plan)
        self.plan = loaded.plan
        self.status = w.HTML(message_html(_LOAD_STYLES[loaded.state], loaded.message))
        self.issues = w.HTML()
        export = w.Button(description="Export", icon="download", button_style="primary",
                          tooltip="Write the plan as Markdown and HTML beside the notebook")
        export.on_click(lambda _: self.export())
        self.box = w.VBox([self.status, self.tabs, self.issues, export])
        self.box.add_class("smcourse-plan-builder")
        self._show_issues()
        for widget in self._inputs():
            widget.observe(lambda change: self._changed(), names="value")
        if start is not None and loaded.state == "fresh":
            self._changed()

    # --- building the form ------------------------------------------------------------------

    def _build(self, plan: model.Plan) -> None:
        self.organisation = _text("the organisation this plan is for")
        self.organisation.value = plan.organisation
        self.goals = {activity: GoalRow(w.Checkbox(description=activity, indent=False,
                                                   layout=_LABEL),
                                        _long_text(f"why {activity}? ({meaning})",
                                                   name=f"Why {activity}?"))
                      for activity, meaning in model.ACTIVITIES.items()}
        for goal in plan.goals:
            if goal.activity in self.goals:
                self.goals[goal.activity].chosen.value = True
                self.goals[goal.activity].why.value = goal.why
        self.audience = _long_text("who you want to reach, in a sentence or two",
                                   plan.audience.summary)
        slots = max(self.PERSONA_SLOTS, len(plan.audience.personas))
        self.personas = [PersonaRow(_text("name, e.g. Hannah, home brewer"),
                                    _text("who they are", name=f"Persona {number}: who they are"),
                                    _text("what they need from you",
                                          name=f"Persona {number}: what they need from you"),
                                    w.Dropdown(options=_choices(model.JOURNEY_STAGES), value="",
                                               layout=w.Layout(width="14em")))
                         for number in range(1, slots + 1)]
        for row, persona in zip(self.personas, plan.audience.personas, strict=False):
            row.name.value, row.description.value = persona.name, persona.description
            row.needs.value = persona.needs
            row.stage.value = persona.stage if persona.stage in model.JOURNEY_STAGES else ""
        chosen = {channel.name: channel for channel in plan.channels}
        names = list(dict.fromkeys([*model.CHANNELS, *chosen, *plan.content.posts_per_week,
                                    *plan.engagement.response_hours]))
        self.channels = {name: ChannelRow(
            w.Checkbox(description=name, indent=False, value=name in chosen, layout=_LABEL),
            w.Dropdown(options=_choices(model.PROPERTIES), layout=w.Layout(width="9em"),
                       tooltip=f"{name}: owned, rented or borrowed?",
                       value=chosen[name].property if chosen.get(name) and
                       chosen[name].property in model.PROPERTIES else ""),
            _text("what it is for", w.Layout(width="24em"), name=f"{name}: what it is for"))
            for name in names}
        for name, channel in chosen.items():
            self.channels[name].purpose.value = channel.purpose
        self.mix = {kind: w.IntText(value=plan.content.mix.get(kind, 0), layout=_NUMBER)
                    for kind in model.CONTENT_TYPES}
        self.posts_per_week = {name: w.IntText(value=plan.content.posts_per_week.get(name, 0),
                                               layout=_NUMBER) for name in names}
        self.response_hours = {name: _text("hours", _NUMBER) for name in names}
        for name, hours in plan.engagement.response_hours.items():
            self.response_hours[name].value = hours
        self.who_answers = _long_text("who answers, and when", plan.engagement.who_answers)
        self.escalation = _long_text("where a complaint goes when the first person cannot solve it",
                                     plan.engagement.escalation)
        targets = {metric.name: metric.target for metric in plan.metrics}
        self.metrics = {name: MetricRow(
            w.Checkbox(description=spec.label, indent=False, value=name in targets,
                       layout=w.Layout(width="14em")),
            _text(f"target, in {spec.unit}", w.Layout(width="16em"),
                  name=f"{spec.label}: target, in {spec.unit}"))
            for name, spec in model.METRICS.items()}
        for name, target in targets.items():
            if name in self.metrics:
                self.metrics[name].target.value = target
        self.actions = {dimension: ActionRow(_long_text("one action",
                                                        name=f"{dimension.capitalize()}: one action"),
                                             _text("a person or a role", w.Layout(width="14em")),
                                             _text("a date", w.Layout(width="10em")))
                        for dimension in model.DIMENSIONS}
        for dimension, action in plan.actions.items():
            if dimension in self.actions:
                row = self.actions[dimension]
                row.step.value, row.owner.value, row.due.value = action.step, action.owner, action.due
        self.tabs = w.Tab(children=[self._goals_tab(), self._audience_tab(), self._channels_tab(),
                                    self._content_tab(), self._engagement_tab(),
                                    self._metrics_tab(), self._actions_tab()])
        self.tabs.titles = tuple(TABS.values())

    def _goals_tab(self) -> w.VBox:
        rows = [w.HBox([row.chosen, row.why]) for row in self.goals.values()]
        return w.VBox([_row("Organisation", self.organisation),
                       w.HTML("<b>Which of the four activities, and why?</b>"), *rows])

    def _audience_tab(self) -> w.VBox:
        rows = [w.VBox([_row(f"Persona {number}", row.name),
                        _row("", row.description), _row("", row.needs),
                        _row(f"Persona {number} stage", row.stage)])
                for number, row in enumerate(self.personas, start=1)]
        return w.VBox([_row("Audience", self.audience), *rows])

    def _channels_tab(self) -> w.VBox:
        kinds = "; ".join(f"<b>{kind}</b>: {meaning}" for kind, meaning in model.PROPERTIES.items())
        rows = [w.HBox([row.chosen, row.property, row.purpose]) for row in self.channels.values()]
        return w.VBox([w.HTML(f"<small>{kinds}</small>"), *rows])

    def _content_tab(self) -> w.VBox:
        mix = [_row(f"{kind} %", box) for kind, box in self.mix.items()]
        weekly = [_row(name, box) for name, box in self.posts_per_week.items()]
        return w.VBox([w.HTML("<b>Content mix</b> (per cent of posts; together 100)"), *mix,
                       w.HTML("<b>Calendar</b> (posts a week on each channel)"), *weekly])

    def _engagement_tab(self) -> w.VBox:
        hours = [_row(name, box) for name, box in self.response_hours.items()]
        return w.VBox([_row("Who answers", self.who_answers), _row("Escalation", self.escalation),
                       w.HTML("<b>Response-time targets</b> (hours; leave channels you do not "
                              "use empty)"), *hours])

    def _metrics_tab(self) -> w.VBox:
        return w.VBox([w.HBox([row.chosen, row.target, w.Label(model.METRICS[name].unit)])
                       for name, row in self.metrics.items()])

    def _actions_tab(self) -> w.VBox:
        rows = []
        for dimension, row in self.actions.items():
            existing, living = model.DIMENSIONS[dimension]
            rows.append(w.HTML(f"<b>{dimension.capitalize()}</b>: from <i>{existing}</i> to "
                               f"<i>{living}</i>"))
            rows.append(w.HBox([row.step, w.VBox([_row("owner", row.owner),
                                                  _row("by when", row.due)])]))
        return w.VBox(rows)

    def _inputs(self) -> list[w.Widget]:
        rows = [*self.goals.values(), *self.personas, *self.channels.values(),
                *self.metrics.values(), *self.actions.values()]
        return [self.organisation, self.audience, self.who_answers, self.escalation,
                *self.mix.values(), *self.posts_per_week.values(), *self.response_hours.values(),
                *(getattr(row, field.name) for row in rows for field in fields(row))]

    # --- reading, saving, exporting -----------------------------------------------------------

    def read(self) -> model.Plan:
        """The plan as the form shows it now."""
        personas = [row.read() for row in self.personas]
        return model.Plan(
            organisation=self.organisation.value,
            goals=[model.Goal(activity, row.why.value) for activity, row in self.goals.items()
                   if row.chosen.value],
            audience=model.Audience(self.audience.value, [
                persona for persona in personas
                if any((persona.name, persona.description, persona.needs, persona.stage))]),
            channels=[model.Channel(name, row.property.value, row.purpose.value)
                      for name, row in self.channels.items() if row.chosen.value],
            content=model.Content(
                {kind: box.value for kind, box in self.mix.items() if box.value},
                {name: box.value for name, box in self.posts_per_week.items() if box.value}),
            engagement=model.Engagement(
                {name: box.value for name, box in self.response_hours.items() if box.value.strip()},
                self.who_answers.value, self.escalation.value),
            metrics=[model.Metric(name, row.target.value) for name, row in self.metrics.items()
                     if row.chosen.value],
            actions={dimension: model.Action(row.step.value, row.owner.value, row.due.value)
                     for dimension, row in self.actions.items()
                     if any((row.step.value, row.owner.value, row.due.value))},
        )

    def _changed(self) -> None:
        self.plan = self.read()
        self._show_issues()
        if not self.can_save:
            return
        try:
            model.save(self.plan, self.path)
        except model.PlanFileError as error:
            self.status.value = message_html("invalid", str(error))
        else:
            self.status.value = message_html("saved", f"Saved to {self.path.name}.")

    def _show_issues(self) -> None:
        issues = model.check(self.plan)
        for index, label in enumerate(TABS.values()):
            count = sum(issue.level == "fix" and _tab_of(issue.part) == label for issue in issues)
            self.tabs.set_title(index, f"{label} ({count})" if count else label)
        if not issues:
            self.issues.value = message_html("correct", "Nothing is missing or contradictory.")
            return
        fixes = sum(issue.level == "fix" for issue in issues)
        items = "".join(f"<li><b>{_tab_of(issue.part)}</b>: "
                        f"{'' if issue.level == 'fix' else 'consider this. '}"
                        f"{html.escape(issue.message)}</li>" for issue in issues)
        self.issues.value = (f'<div class="smcourse-plan-issues" role="status" aria-live="polite">'
                             f"<b>{fixes} to fix, {len(issues) - fixes} to consider</b> (the "
                             f"number on a tab counts what to fix there)<ul>{items}</ul></div>")

    def export(self) -> tuple[Path, Path] | None:
        """Write the plan as Markdown and HTML beside the save file; say where."""
        try:
            written = model.export(self.read(), self.path)
        except model.PlanFileError as error:
            self.status.value = message_html("invalid", str(error))
            return None
        links = " and ".join(f'<a href="{html.escape(path.name)}" target="_blank">'
                             f"{html.escape(path.name)}</a>" for path in written)
        self.status.value = message_html("saved", "Exported; open the files beside this notebook.")
        self.status.value += f"<div>{links}</div>"
        return written

    def _ipython_display_(self) -> None:
        show_widget(self.box, "Strategy plan builder")
