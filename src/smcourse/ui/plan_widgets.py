"""The capstone plan builder: an ipywidgets form over `smcourse.core.plan`, one tab per part of the plan.

    builder = PlanBuilder("my_strategy.plan.json")   # reloads what was saved there, if anything
    builder                                          # shows the form

Every change is checked and saved to the plan file at once; the Export button writes the plan as
Markdown, HTML (A4 and Letter), Word and the calendar (CSV, iCalendar) beside it, the staff sheet,
two pages to pin side by side at the desk, and the director's version, two or three pages, in the
same formats (`….staff.html`, `….director.html`). The form holds no rules: reading and writing the plan, the
checks and the exports are `smcourse.core.plan` and `smcourse.core.plan_export` functions.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from dataclasses import dataclass, fields
from pathlib import Path

import ipywidgets as w

from smcourse.core import plan as model
from smcourse.core import plan_export
from smcourse.ui.widgets import message_html, show_widget

_NONE = ("— choose —", "")
_WIDE = w.Layout(width="40em")
_LABEL = w.Layout(width="11em")
_NUMBER = w.Layout(width="6em")
_LOAD_STYLES = {"restored": "saved", "fresh": "hint", "set aside": "invalid", "blocked": "incorrect"}
TABS = {"goals": "Goals", "situation": "Situation", "objectives": "Objectives",
        "audience": "Audience", "content": "Content", "channels": "Channels",
        "community": "Community", "crisis": "Crisis", "budget": "Budget", "actions": "Actions"}
# The tab where each part of the plan is filled in.
PART_TABS = {"organisation": "goals", "pillars": "content", "voice": "content",
             "disclosure": "crisis", "reporting": "budget"}


# Every field has an accessible name: the label beside it when there is one (`_row`), else its
# `name` (a tooltip, which ipywidgets gives the field as its title) that says which row it is in.
# A text reaches the kernel (and the plan is saved) when the learner leaves the field, not at each
# keystroke: one save per answer, and no kernel echo of "R" overwriting "Riverside" mid-typing.
def _text(placeholder: str, layout: w.Layout = _WIDE, name: str = "", value: str = "") -> w.Text:
    return w.Text(value=value, placeholder=placeholder, layout=layout,
                  tooltip=name or placeholder, continuous_update=False)


def _long_text(placeholder: str, value: str = "", name: str = "") -> w.Textarea:
    return w.Textarea(placeholder=placeholder, value=value, rows=2, layout=_WIDE,
                      tooltip=name or placeholder, continuous_update=False)


def _whole(value: int, name: str) -> w.IntText:
    return w.IntText(value=value, layout=_NUMBER, tooltip=name)


def _labelled_whole(value: int, label: str) -> w.IntText:
    """A whole number with a short visible label of its own (a `<label>` tied to the box)."""
    return w.IntText(value=value, description=label, style={"description_width": "initial"},
                     layout=w.Layout(width="12em"))


def _amount(value: float, name: str) -> w.FloatText:
    return w.FloatText(value=value, layout=_NUMBER, tooltip=name)


def _menu(values, value: str, name: str, width: str = "12em") -> w.Dropdown:
    return w.Dropdown(options=[_NONE, *((item, item) for item in values)],
                      value=value if value in values else "", layout=w.Layout(width=width),
                      tooltip=name)


def _tab_of(part: str) -> str:
    """The tab label where a part of the plan is filled in."""
    return TABS[PART_TABS.get(part, part)]


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
class ObjectiveRow:
    outcome: w.Dropdown
    metric: w.Combobox
    unit: w.Text
    baseline: w.Text
    target: w.Text
    by: w.Text
    reason: w.Text
    spread: w.Text
    periods: w.Text
    activity: w.Dropdown
    source: w.Text

    def read(self) -> model.Objective:
        return model.Objective(**{field.name: getattr(self, field.name).value
                                  for field in fields(self)})


@dataclass
class PersonaRow:
    name: w.Text
    description: w.Text
    needs: w.Text
    stage: w.Dropdown

    def read(self) -> model.Persona:
        return model.Persona(*(getattr(self, field.name).value for field in fields(self)))


@dataclass
class PillarRow:
    name: w.Text
    description: w.Text


@dataclass
class ChannelRow:
    chosen: w.Checkbox
    property: w.Dropdown
    purpose: w.Text
    posts: w.IntText
    per: w.Dropdown
    minutes_per_post: w.IntText
    response_hours: w.Text
    days: w.Combobox
    owner: w.Text
    mix: list[w.IntText]  # one share per pillar slot


@dataclass
class ActionRow:
    step: w.Textarea
    owner: w.Text
    due: w.Text


def _simple_fields(part: object, widgets: dict[str, w.Widget]) -> None:
    """Fill `widgets` (field name -> widget) from the dataclass `part`."""
    for name, widget in widgets.items():
        widget.value = getattr(part, name)


def _objective_row(number: int) -> ObjectiveRow:
    """The empty fields of objective `number`, each named after its row."""
    return ObjectiveRow(
        _menu(model.OUTCOMES, "", f"Objective {number}: business outcome"),
        w.Combobox(options=tuple(model.METRICS), ensure_option=False,
                   placeholder="a course metric or your own", layout=w.Layout(width="14em"),
                   tooltip=f"Objective {number}: metric"),
        _text("unit of your own metric", w.Layout(width="10em"),
              f"Objective {number}: unit of your own metric"),
        _text("baseline", _NUMBER, f"Objective {number}: baseline"),
        _text("target", _NUMBER, f"Objective {number}: target"),
        _text("YYYY-MM-DD", w.Layout(width="9em"), f"Objective {number}: by when"),
        _text("why you expect it", w.Layout(width="16em"), f"Objective {number}: reason"),
        _text("spread", _NUMBER, f"Objective {number}: spread from one week or month to the next"),
        _text("periods", _NUMBER, f"Objective {number}: weeks or months the target is averaged "
                                  "over"),
        _menu(model.ACTIVITIES, "", f"Objective {number}: activity your own count measures"),
        _text("export file or records", w.Layout(width="16em"),
              f"Objective {number}: where the baseline comes from"))


def _channel_layout(row: ChannelRow) -> w.VBox:
    """A channel's row as the Channels tab lays it out: what it is, its cadence, then its mix."""
    cadence = w.HBox([w.Label("", layout=_LABEL), row.posts, row.per, row.minutes_per_post,
                      w.Label("answer within (staffed hours)"), row.response_hours, w.Label("posts on"),
                      row.days, w.Label("made by"), row.owner])
    return w.VBox([w.HBox([row.chosen, row.property, row.purpose]), cadence,
                   w.HBox([w.Label("mix (%)", layout=_LABEL), *row.mix])])


def _objective_layout(row: ObjectiveRow) -> w.VBox:
    return w.VBox([w.HBox([row.outcome, row.metric, row.unit, row.baseline, row.target, row.by,
                           row.reason]),
                   w.HBox([w.Label("noise:"), row.spread, row.periods,
                           w.Label("own count measures:"), row.activity,
                           w.Label("baseline from:"), row.source])])


class PlanBuilder:
    """The form for one plan file; `start` (e.g. `plan.example_plan()`) fills it while nothing is
    saved there yet, and never replaces a saved plan; a plan starting before `today` (the clock's
    day unless given) is pointed out."""

    PERSONA_SLOTS = 3
    OBJECTIVE_SLOTS = 5
    PILLAR_SLOTS = 6

    def __init__(self, path: str | Path, start: model.Plan | None = None, today: dt.date | None = None):
        self.path = Path(path)
        self.today = today or dt.date.today()  # a start before it is pointed out
        loaded = model.load(self.path, start)
        self.can_save = loaded.can_save
        self._build(loaded.plan)
        self._label_mix()
        self.plan = loaded.plan
        self.status = w.HTML(message_html(_LOAD_STYLES[loaded.state], loaded.message))
        self.issues = w.HTML()
        self.export_button = w.Button(
            description="Export", icon="download", button_style="primary",
            tooltip="Write the plan as Markdown, HTML, Word and a calendar beside the notebook")
        self.export_button.on_click(lambda _: self.export())
        # The button sits above the list of issues, which grows and shrinks as a field is left: a
        # click that leaves a field would otherwise land where the button was a moment before.
        self.box = w.VBox([self.status, self.tabs, self.export_button, self.issues])
        self.box.add_class("smcourse-plan-builder")
        self._show_issues()
        for widget in self._inputs():
            widget.observe(lambda change: self._changed(), names="value")
        if start is not None and loaded.state == "fresh":
            self._changed()

    # --- building the form ------------------------------------------------------------------

    def _build(self, plan: model.Plan) -> None:
        self.organisation = _text("the organisation this plan is for", value=plan.organisation)
        self.start = _text("YYYY-MM-DD", w.Layout(width="10em"), "The day the plan starts",
                           plan.start)
        self.summary = _long_text("in two short sentences: what this plan does, for whom, and what it "
                                  "asks", plan.summary, name="The plan in two sentences")
        chosen_goals = {goal.activity: goal.why for goal in plan.goals}
        self.goals = {activity: GoalRow(
            w.Checkbox(description=activity, indent=False, layout=_LABEL,
                       value=activity in chosen_goals),
            _long_text(f"why {activity}? ({meaning})", chosen_goals.get(activity, ""),
                       name=f"Why {activity}?"))
            for activity, meaning in model.ACTIVITIES.items()}
        self.situation = {name: _long_text(hint, getattr(plan.situation, name)) for name, hint in (
            ("presences", "where you are present online today"),
            ("numbers", "what your numbers say today"),
            ("competitor", "one competitor, and what they do well or badly"))}
        self.objectives = [_objective_row(number) for number in
                           range(1, max(self.OBJECTIVE_SLOTS, len(plan.objectives)) + 1)]
        for row, objective in zip(self.objectives, plan.objectives, strict=False):
            row.outcome.value = objective.outcome if objective.outcome in model.OUTCOMES else ""
            row.metric.value, row.unit.value = objective.metric, objective.unit
            row.baseline.value, row.target.value = objective.baseline, objective.target
            row.by.value, row.reason.value = objective.by, objective.reason
            row.spread.value, row.periods.value = objective.spread, objective.periods
            row.source.value = objective.source
            row.activity.value = objective.activity if objective.activity in model.ACTIVITIES \
                else ""
        self.audience = _long_text("who you want to reach, in a sentence or two",
                                   plan.audience.summary)
        self.personas = [PersonaRow(
            _text("name, e.g. Hannah, home brewer"),
            _text("who they are", name=f"Persona {number}: who they are"),
            _text("what they need from you", name=f"Persona {number}: what they need from you"),
            _menu(model.JOURNEY_STAGES, "", f"Persona {number}: journey stage", "14em"))
            for number in range(1, max(self.PERSONA_SLOTS, len(plan.audience.personas)) + 1)]
        for row, persona in zip(self.personas, plan.audience.personas, strict=False):
            row.name.value, row.description.value = persona.name, persona.description
            row.needs.value = persona.needs
            row.stage.value = persona.stage if persona.stage in model.JOURNEY_STAGES else ""
        self.pillars = [PillarRow(_text("a theme you post about", w.Layout(width="16em"),
                                        f"Pillar {number}: name"),
                                  _text("what it covers", w.Layout(width="24em"),
                                        f"Pillar {number}: what it covers"))
                        for number in range(1, max(self.PILLAR_SLOTS, len(plan.pillars)) + 1)]
        for row, pillar in zip(self.pillars, plan.pillars, strict=False):
            row.name.value, row.description.value = pillar.name, pillar.description
        self.voice = _long_text("how you sound, and what you never say", plan.voice)
        self._build_channels(plan)
        self.community = {
            "who_answers": _long_text("who answers, and what each person answers"),
            "escalation": _long_text("where a complaint goes when the first person cannot solve "
                                     "it"),
            "days": _whole(0, "Staffed days a week"),
            "opens": _text("HH:MM", _NUMBER, "Inbox opens at"),
            "closes": _text("HH:MM", _NUMBER, "Inbox closes at"),
            "staffed_hours": _amount(0, "Inbox hours a week: people's time on looks and replies, "
                                        "not the opening hours"),
            "messages_per_week": _amount(0, "Comments expected a week"),
            "dms_per_week": _amount(0, "Direct messages expected a week"),
            "minutes_per_reply": _amount(0, "Minutes per reply"),
            "deputy": _long_text("who covers holidays and sickness, on which days"),
            "closed_dates": _text("YYYY-MM-DD, YYYY-MM-DD (optional)", _WIDE, "Closed dates"),
            "other_hours": _text("Sun 10:00 to 16:00; Sat 09:00 to 13:00 (optional)", _WIDE,
                                 "Days with other hours")}
        _simple_fields(plan.community, self.community)
        self.rota = {day: _text("Priya at 07:00 and 11:00, Jo at 15:00 (or Jo 07:00 to 16:00)",
                                _WIDE, f"Rota: {day}",
                                plan.community.rota.get(day, "")) for day in model.WEEKDAYS}
        self.contacts = {role: _text("a phone number (optional)", w.Layout(width="24em"),
                                     f"Number to ring: {role}", plan.community.contacts.get(role, ""))
                         for role in model.CONTACT_ROLES}
        self.crisis = {name: _long_text(hint) for name, hint in (
            ("holding_statement", "what you post in the first hour"),
            ("approver", "who approves what is said"),
            ("pause", "who pauses scheduled posts, and how"),
            ("escalation", "who is told, in what order"),
            ("account_security", "who holds the admin roles, two-factor login, who recovers a "
                                 "hacked or locked account"))}
        _simple_fields(plan.crisis, self.crisis)
        self.disclosure = _long_text("how gifts, paid partnerships and staff posts are labelled",
                                     plan.disclosure)
        # the currency first: every sum below is in it
        self.budget = {"currency": _text("USD, GBP, EUR…", _NUMBER, "Currency"),
                       "people_hours": _amount(0, "People hours a week"),
                       "hours_today": _amount(0, "Of these, hours spent on social today"),
                       "moved_from": _text("the work the other hours come from, and what becomes of it",
                                           _WIDE, "What the moved hours come from"),
                       "other_work": _text("monitoring, review replies, the report...",
                                           w.Layout(width="24em"), "Other work"),
                       "other_hours": _amount(0, "Other work, hours a week"),
                       "hourly_cost": _amount(0, "Cost of an hour, wages and on-costs"),
                       "other_costs": _text("overtime, an on-call premium, a freelancer...",
                                            w.Layout(width="24em"), "Other costs"),
                       "other_costs_per_year": _amount(0, "Other costs a year"),
                       "tools": _text("which tools", w.Layout(width="24em"), "Tools"),
                       "tools_per_month": _amount(0, "Tools a month"),
                       "paid_per_month": _amount(0, "Paid promotion a month"),
                       "contingency": _amount(0, "Surge contingency a year"),
                       "surge": _text("extra hours a surge week × weeks × cost an hour",
                                      w.Layout(width="24em"), "How the contingency is priced"),
                       "new_money_per_year": _amount(0, "New money a year (spending today aside)"),
                       "case": _long_text("the ask and what it buys, the main risk, a cheaper "
                                          "option; after an empty line, the arithmetic",
                                          name="What the budget buys"),
                       "first_stage": _text("what the director approves now, and until when",
                                            _WIDE, "First stage"),
                       "first_stage_cost": _amount(0, "First stage, new money"),
                       "go_no_go": _long_text("one gate a line: its date, measure and threshold, "
                                              "and what follows either way",
                                              name="Go/no-go gates, one a line"),
                       "payback": _long_text("when the spending pays back, and on what; the first "
                                             "sentence stands alone on the director's first page",
                                             name="Payback"),
                       "rests_on": _long_text("the assumptions the case rests on, the riskiest "
                                              "first", name="What the case rests on")}
        _simple_fields(plan.budget, self.budget)
        self.hours_by_person = _text("Sam 15, Ade 15: each person's social hours a week", _WIDE,
                                     "Hours by person",
                                     model.hours_by_person_text(plan.budget.hours_by_person))
        self.hours_message = w.HTML()
        report = plan.reporting
        self.reporting = {"rhythm": _menu(model.RHYTHMS, report.rhythm, "Reporting rhythm"),
                          "readers": _text("who reads the report and decides", _WIDE,
                                           "Who reads the report", report.readers),
                          "first": _text("YYYY-MM-DD", w.Layout(width="10em"), "First report",
                                         report.first)}
        self.weakest = _menu(model.DIMENSIONS, plan.weakest, "Weakest dimension")
        self.actions = {dimension: ActionRow(
            _long_text("one action", name=f"{dimension.capitalize()}: one action"),
            _text("a person or a role", w.Layout(width="14em"), f"{dimension.capitalize()}: owner"),
            _text("YYYY-MM-DD", w.Layout(width="10em"), f"{dimension.capitalize()}: due"))
            for dimension in model.DIMENSIONS}
        for dimension, action in plan.actions.items():
            if dimension in self.actions:
                row = self.actions[dimension]
                row.step.value, row.owner.value, row.due.value = action.step, action.owner, action.due
        self.tabs = w.Tab(children=[self._goals_tab(), self._situation_tab(),
                                    self._objectives_tab(), self._audience_tab(),
                                    self._content_tab(), self._channels_tab(),
                                    self._community_tab(), self._crisis_tab(), self._budget_tab(),
                                    self._actions_tab()])
        self.tabs.titles = tuple(TABS.values())

    def _build_channels(self, plan: model.Plan) -> None:
        chosen = {channel.name: channel for channel in plan.channels}
        names = list(dict.fromkeys([*model.CHANNELS, *chosen]))
        pillar_names = [row.name.value for row in self.pillars]
        self.channels = {name: self._channel_row(chosen.get(name, model.Channel(name)), name in chosen,
                                                 pillar_names) for name in names}

    @staticmethod
    def _channel_row(channel: model.Channel, chosen: bool, pillar_names: list[str]) -> ChannelRow:
        """The Channels tab's row for `channel`, ticked when `chosen`, a mix box per pillar."""
        name = channel.name
        return ChannelRow(
            w.Checkbox(description=name, indent=False, value=chosen, layout=_LABEL),
            _menu(model.PROPERTIES, channel.property, f"{name}: owned, rented or occupied?",
                  "9em"),
            _text("what it is for", w.Layout(width="24em"), f"{name}: what it is for",
                  channel.purpose),
            _labelled_whole(channel.posts, "posts"),
            w.Dropdown(options=[("a week", "week"), ("a month", "month")],
                       value=channel.per if channel.per in model.CADENCES else "week",
                       layout=w.Layout(width="7em"), tooltip=f"{name}: a week or a month"),
            _labelled_whole(channel.minutes_per_post, "minutes a post"),
            _text("hours", _NUMBER, f"{name}: answered within (staffed hours)", channel.response_hours),
            w.Combobox(options=list(model.POST_DAYS), value=channel.post_days(), ensure_option=False,
                       continuous_update=False, layout=w.Layout(width="8em"),
                       tooltip=f"{name}: posts on which days (every day, weekdays, or by name: "
                       "Thu to Sat)"),
            _text("a name", w.Layout(width="12em"), f"{name}: who makes its posts",
                  channel.owner),
            [_labelled_whole(channel.mix.get(pillar, 0) if pillar else 0, "")
             for pillar in pillar_names])

    def _goals_tab(self) -> w.VBox:
        rows = [w.HBox([row.chosen, row.why]) for row in self.goals.values()]
        return w.VBox([_row("Organisation", self.organisation), _row("In two sentences", self.summary),
                       w.HTML("<b>Which of the four activities, and why?</b>"), *rows,
                       _row("Plan starts", self.start)])

    def _situation_tab(self) -> w.VBox:
        labels = {"presences": "Where you are", "numbers": "What the numbers say",
                  "competitor": "One competitor"}
        return w.VBox([_row(labels[name], box) for name, box in self.situation.items()])

    def _objectives_tab(self) -> w.VBox:
        head = w.HTML("<b>Objectives</b>: a business outcome, the metric that shows it (a course "
                      "metric, or your own count with its unit), today's baseline, the target, "
                      "the date (YYYY-MM-DD) and why you expect the change; then, from your data, "
                      "how much the metric moves from one week or month to the next, the number "
                      "of them the target is averaged over, for your own count the activity it "
                      "measures, and where the baseline comes from (an export file, or your "
                      "records)")
        self.add_objective = w.Button(description="Add an objective", icon="plus",
                                      tooltip="Another row, e.g. a second date for the same measure")
        self.add_objective.on_click(lambda _: self._add_objective())
        self._objective_rows = w.VBox([_objective_layout(row) for row in self.objectives])
        return w.VBox([head, self._objective_rows, self.add_objective])

    def _add_objective(self) -> None:
        """One more objective row, empty, at the end of the tab; saved once something is typed."""
        row = _objective_row(len(self.objectives) + 1)
        for field in fields(row):
            getattr(row, field.name).observe(lambda change: self._changed(), names="value")
        self.objectives.append(row)
        self._objective_rows.children = (*self._objective_rows.children, _objective_layout(row))

    def _audience_tab(self) -> w.VBox:
        rows = [w.VBox([_row(f"Persona {number}", row.name),
                        _row("", row.description), _row("", row.needs),
                        _row(f"Persona {number} stage", row.stage)])
                for number, row in enumerate(self.personas, start=1)]
        return w.VBox([_row("Audience", self.audience), *rows])

    def _content_tab(self) -> w.VBox:
        rows = [w.HBox([row.name, row.description]) for row in self.pillars]
        return w.VBox([w.HTML("<b>Content pillars</b>: the themes you post about"), *rows,
                       _row("Voice and tone", self.voice)])

    def _channels_tab(self) -> w.VBox:
        kinds = "; ".join(f"<b>{kind}</b>: {meaning}" for kind, meaning in model.PROPERTIES.items())
        self._channel_rows = w.VBox([_channel_layout(row) for row in self.channels.values()])
        self.new_channel = _text("Nextdoor, Yelp, a booking app…", w.Layout(width="16em"),
                                 "A channel of your own")
        self.add_channel = w.Button(description="Add a channel", icon="plus",
                                    tooltip="A channel the list above does not have, ticked at the end")
        self.add_channel.on_click(lambda _: self._add_channel())
        self.channel_message = w.HTML()
        return w.VBox([w.HTML(f"<small>{kinds}. Each channel's mix (per cent of its posts on "
                              "each pillar of the Content tab) adds up to 100. Answers are promised "
                              "in staffed hours, the hours the inbox is open: with a 10-hour day, "
                              "24 is nearly three days, and “within a day” is 10.</small>"),
                       self._channel_rows,
                       w.HBox([self.new_channel, self.add_channel]), self.channel_message])

    def _add_channel(self) -> None:
        """A channel named in the box, ticked, at the end of the tab, and saved; a blank name or
        one already on the tab is refused with a message (readers 156 and 157 had Nextdoor and
        Yelp filed as "Community forums" and "Review sites")."""
        name = " ".join(self.new_channel.value.split())
        same = next((known for known in self.channels if known.lower() == name.lower()), None)
        if not name or same:
            self.channel_message.value = message_html("invalid", (
                f"{same} is on the tab already: tick it there." if same else
                "Type the channel's name in the box first, such as Nextdoor."))
            return
        row = self._channel_row(model.Channel(name), True, [row.name.value for row in self.pillars])
        for field in fields(row):
            for widget in (getattr(row, field.name) if field.name == "mix" else [getattr(row, field.name)]):
                widget.observe(lambda change: self._changed(), names="value")
        self.channels[name] = row
        self._channel_rows.children = (*self._channel_rows.children, _channel_layout(row))
        self.new_channel.value, self.channel_message.value = "", ""
        self._changed()

    def _community_tab(self) -> w.VBox:
        labels = {"who_answers": "Who answers", "escalation": "Escalation",
                  "days": "Days a week", "opens": "Opens at", "closes": "Closes at",
                  "staffed_hours": "Inbox hours a week", "messages_per_week": "Comments a week",
                  "dms_per_week": "Direct messages a week", "minutes_per_reply": "Minutes a reply",
                  "deputy": "Cover", "closed_dates": "Closed dates",
                  "other_hours": "Other hours"}
        return w.VBox([*(_row(labels[name], box) for name, box in self.community.items()),
                       w.HTML("<b>Rota</b>: who answers on each staffed day (leave the days "
                              "the inbox is closed blank) and when they look, as “Priya at 07:00 and "
                              "11:00, Jo at 15:00” (9am, 3 pm and 07.00 read too), or a shift on the "
                              "inbox, as “Jo 07:00 to 16:00”"),
                       *(_row(day, box) for day, box in self.rota.items()),
                       w.HTML("<b>Numbers to ring</b> (optional): printed on the staff sheet, "
                              "left blank there to fill in by hand when you leave them out"),
                       *(_row(role.capitalize(), box) for role, box in self.contacts.items())])

    def _crisis_tab(self) -> w.VBox:
        labels = {"holding_statement": "Holding statement", "approver": "Who approves",
                  "pause": "Pausing posts", "escalation": "Escalation",
                  "account_security": "Account security"}
        return w.VBox([*(_row(labels[name], box) for name, box in self.crisis.items()),
                       _row("Disclosure", self.disclosure)])

    def _budget_tab(self) -> w.VBox:
        labels = {"people_hours": "People hours a week", "hours_today": "Of these, today",
                  "moved_from": "Moved from",
                  "other_work": "Other work",
                  "other_hours": "Other work, hours", "hourly_cost": "Cost of an hour",
                  "other_costs": "Other costs", "other_costs_per_year": "Other costs a year",
                  "tools": "Tools",
                  "tools_per_month": "Tools a month", "paid_per_month": "Paid a month",
                  "currency": "Currency", "contingency": "Surge contingency a year",
                  "surge": "How it is priced", "new_money_per_year": "New money a year",
                  "case": "What it buys",
                  "first_stage": "First stage", "first_stage_cost": "Its new money",
                  "go_no_go": "Go/no-go gates, one a line", "payback": "Payback",
                  "rests_on": "Rests on",
                  "rhythm": "Report", "readers": "Read by",
                  "first": "First report"}
        rows = [_row(labels[name], box) for name, box in self.budget.items()]
        rows[3:3] = [_row("Hours by person", self.hours_by_person),  # under the people hours
                     self.hours_message]
        return w.VBox([w.HTML("<b>Budget</b>"), *rows,
                       w.HTML("<b>Reporting</b>"),
                       *(_row(labels[name], box) for name, box in self.reporting.items())])

    def _actions_tab(self) -> w.VBox:
        rows = [_row("Weakest dimension (module 3)", self.weakest)]
        for dimension, row in self.actions.items():
            existing, living = model.DIMENSIONS[dimension]
            rows.append(w.HTML(f"<b>{dimension.capitalize()}</b>: from <i>{existing}</i> to "
                               f"<i>{living}</i>"))
            rows.append(w.HBox([row.step, w.VBox([_row("owner", row.owner),
                                                  _row("by when", row.due)])]))
        return w.VBox(rows)

    def _inputs(self) -> list[w.Widget]:
        rows = [*self.goals.values(), *self.objectives, *self.personas, *self.pillars,
                *self.actions.values()]
        channel_fields = [getattr(row, field.name) for row in self.channels.values()
                          for field in fields(row) if field.name != "mix"]
        return [self.organisation, self.start, self.summary, self.audience, self.voice, self.disclosure,
                self.weakest,
                *self.situation.values(), *self.community.values(), *self.rota.values(),
                *self.contacts.values(),
                *self.crisis.values(),
                *self.budget.values(), self.hours_by_person, *self.reporting.values(),
                *channel_fields,
                *(box for row in self.channels.values() for box in row.mix),
                *(getattr(row, field.name) for row in rows for field in fields(row))]

    # --- reading, saving, exporting -----------------------------------------------------------

    def read(self) -> model.Plan:
        """The plan as the form shows it now."""
        personas = [row.read() for row in self.personas]
        objectives = [row.read() for row in self.objectives]
        pillars = [model.Pillar(row.name.value, row.description.value) for row in self.pillars]
        values = lambda widgets: {name: box.value for name, box in widgets.items()}  # noqa: E731
        return model.Plan(
            organisation=self.organisation.value,
            start=self.start.value,
            summary=self.summary.value,
            situation=model.Situation(**values(self.situation)),
            objectives=[o for o in objectives if any(map(str.strip, dataclass_values(o)))],
            goals=[model.Goal(activity, row.why.value) for activity, row in self.goals.items()
                   if row.chosen.value],
            audience=model.Audience(self.audience.value, [
                persona for persona in personas if any(dataclass_values(persona))]),
            pillars=[pillar for pillar in pillars if pillar.name or pillar.description],
            channels=[self._read_channel(name, row, pillars)
                      for name, row in self.channels.items() if row.chosen.value],
            voice=self.voice.value,
            community=model.Community(**values(self.community), rota={
                day: box.value for day, box in self.rota.items() if box.value.strip()},
                contacts={role: box.value for role, box in self.contacts.items()
                          if box.value.strip()}),
            crisis=model.Crisis(**values(self.crisis)),
            disclosure=self.disclosure.value,
            budget=model.Budget(**values(self.budget), hours_by_person=model.parse_hours_by_person(
                self.hours_by_person.value)[0]),
            reporting=model.Reporting(**values(self.reporting)),
            actions={dimension: model.Action(row.step.value, row.owner.value, row.due.value)
                     for dimension, row in self.actions.items()
                     if any((row.step.value, row.owner.value, row.due.value))},
            weakest=self.weakest.value,
        )

    @staticmethod
    def _read_channel(name: str, row: ChannelRow, pillars: list[model.Pillar]) -> model.Channel:
        mix = {pillar.name: box.value for pillar, box in zip(pillars, row.mix, strict=False)
               if pillar.name and box.value}
        usual = model.Channel(name).post_days()  # kept blank, so the usual days stay the default
        return model.Channel(name, row.property.value, row.purpose.value, row.posts.value,
                             row.per.value, mix, row.minutes_per_post.value,
                             row.response_hours.value,
                             "" if row.days.value == usual else row.days.value, row.owner.value)

    def _changed(self) -> None:
        self.plan = self.read()
        problems = model.parse_hours_by_person(self.hours_by_person.value)[1]
        self.hours_message.value = message_html("invalid", " ".join(
            [*problems, "Only the other entries are saved."])) if problems else ""
        self._label_mix()
        self._show_issues()
        if not self.can_save:
            return
        try:
            model.save(self.plan, self.path)
        except model.PlanFileError as error:
            self.status.value = message_html("invalid", str(error))
        else:
            self.status.value = message_html("saved", f"Saved to {self.path.name}.")

    def _label_mix(self) -> None:
        """Name each channel's mix boxes after the pillars as they are now."""
        for name, row in self.channels.items():
            for number, (pillar, box) in enumerate(zip(self.pillars, row.mix, strict=False), 1):
                label = pillar.name.value or f"pillar {number}"
                box.description, box.tooltip = f"{label} %", f"{name}: share of {label} (%)"

    def _show_issues(self) -> None:
        issues = model.check(self.plan, self.today)
        for index, label in enumerate(TABS.values()):
            count = sum(issue.level == "fix" and _tab_of(issue.part) == label for issue in issues)
            self.tabs.set_title(index, f"{label} ({count})" if count else label)
        if not issues:
            self.issues.value = message_html("correct", "Nothing is missing or unworkable.")
            return
        fixes = sum(issue.level == "fix" for issue in issues)
        items = "".join(f"<li><b>{_tab_of(issue.part)}</b>: "
                        f"{'' if issue.level == 'fix' else 'consider this. '}"
                        f"{html.escape(issue.message)}</li>" for issue in issues)
        self.issues.value = (f'<div class="smcourse-plan-issues" role="status" aria-live="polite">'
                             f"<b>{fixes} to fix, {len(issues) - fixes} to consider</b> (the "
                             f"number on a tab counts what to fix there)<ul>{items}</ul></div>")

    def export(self, path: str | Path | None = None) -> list[Path] | None:
        """Write the plan's documents beside the save file, or named after `path` (a file's name, or
        a folder to write them in under the save file's name); say where."""
        target = self.path if path is None else Path(path)
        if target.is_dir():
            target = target / self.path.name
        plan = self.read()
        try:
            written = plan_export.export(plan, target)
        except model.PlanFileError as error:
            self.status.value = message_html("invalid", str(error))
            return None
        links = ", ".join(f'<a href="{html.escape(_link(path))}" target="_blank">'
                          f"{html.escape(path.name)}</a>" for path in written)
        where = "beside this notebook" if path is None else f"in {html.escape(str(target.parent))}"
        self.status.value = message_html("saved", f"Exported; open the files {where} "
                                         "(the .staff files are the sheet for the staff's desk, the "
                                         ".director files the plan in brief for your director).")
        self.status.value += f"<div>{links}</div>{_blank_numbers_html(plan)}{_left_out_html(plan)}"
        return written

    def _ipython_display_(self) -> None:
        show_widget(self.box, "Strategy plan builder")


def _blank_numbers_html(plan: model.Plan) -> str:
    """A line under the export's message naming the numbers to ring the staff sheet leaves blank
    (`blank_numbers`; reader 160 was not told), "" when it gives them all."""
    blank = plan_export.blank_numbers(plan)
    if not blank:
        return ""
    return (f"<p>The staff sheet leaves the number of the {html.escape(model.in_words(blank))} blank, to "
            "write in by hand: give them under Community, Numbers to ring, or write them on the "
            "printed sheet if they should stay out of the plan's file.</p>")


def _left_out_html(plan: model.Plan) -> str:
    """The sentences of the learner's texts the staff sheet leaves out (`staff_sheet_left_out`), in
    a fold under the export's message, so nothing is dropped without a word; "" when none is."""
    left = plan_export.staff_sheet_left_out(plan)
    if not left:
        return ""
    items = "".join(f"<li><b>{html.escape(field)}</b>: {html.escape(sentence)}</li>"
                    for field, sentence in left)
    narrow = "".join(f"<p>From <b>{html.escape(field)}</b> it keeps only {html.escape(keeps)}: a duty "
                     f"staff need from it goes in {html.escape(home)}.</p>"
                     for field, (keeps, home) in plan_export.STAFF_KEEPS.items()
                     if field in {field for field, _ in left})  # readers 156, 157 and 159's duties
    return (f"<details><summary>The staff sheet leaves out {len(left)} of your sentences, which the "
            "full plan keeps</summary><p>It keeps who does what and drops descriptions, assumptions, "
            "prices and what does not fit. If staff need one of these, write it as a duty (who does "
            f"what, when) or shorten the field.</p>{narrow}<ul>{items}</ul></details>")


def _link(path: Path) -> str:
    """A written file's address from the notebook's folder (the working one), as a link wants it."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive, on Windows
        return path.resolve().as_uri()


def dataclass_values(item: object) -> list[str]:
    """The text fields of a small dataclass row, to tell an empty row from a filled one."""
    return [getattr(item, field.name) for field in fields(item)]
