"""The capstone strategy plan: its model, the checks that find gaps and contradictions, saving and
restoring it as JSON, and exporting it as a Markdown and an HTML document.

No widgets here (the form is `smcourse.plan_widgets`), so every rule is a plain function:

    plan = example_plan()                # the plan Lumen Coffee Roasters might write
    issues = check(plan)                 # what is missing or contradictory, in plain words
    save(plan, path); load(path).plan    # JSON beside the notebook; a damaged file is backed up
    export(plan, path)                   # writes path.md and path.html next to the save file

Targets and response times are kept as the learner typed them ("4.5", "two"), so a restored plan
shows exactly what was entered and `check` can say why a value is not a number.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args, get_origin, get_type_hints

from smcourse.errors import SmcourseError

ACTIVITIES = {
    "monitor": "listen to what is said about you, your competitors and your field",
    "communicate": "tell your story, raise awareness and give followers something worth reacting to",
    "connect": "build ties with peers, partners, creators, media and the people you serve",
    "collaborate": "work with others in groups and shared spaces, inside and outside the company",
}
PROPERTIES = {
    "owned": "you control the site and its rules (website, blog, newsletter)",
    "rented": "you run a presence on a platform someone else controls",
    "occupied": "you take part in a space that belongs to others (forums, review sites)",
}
# The channels the plan builder offers, with the kind of property each one usually is.
CHANNELS = {
    "Website and blog": "owned",
    "Email newsletter": "owned",
    "Instagram": "rented",
    "Facebook": "rented",
    "LinkedIn": "rented",
    "X": "rented",
    "YouTube": "rented",
    "TikTok": "rented",
    "Review sites": "occupied",
    "Community forums": "occupied",
}
# The content types of the course data (posts.csv), so a plan can be compared with what was posted.
CONTENT_TYPES = {
    "educational": "how-tos and tips: learn and improve",
    "question": "questions and conversation starters",
    "culture": "the people and work behind the brand",
    "humour": "light, shareable moments",
    "job": "job openings and life at work",
    "promotional": "offers, launches and products",
}
JOURNEY_STAGES = ("awareness", "consideration", "decision")
DIMENSIONS = {
    "planning": ("outposts that push people to the website",
                 "platforms chosen where customers, staff and suppliers already are, for the long run"),
    "presences": ("a logo that broadcasts a schedule", "people who answer and sound like themselves"),
    "commitment": ("a task added to someone's list", "a plan, training, time and leadership backing"),
    "relationships": ("taking from the audience",
                      "building ties: thanking promoters, working with detractors"),
}
PROMOTIONAL_CEILING = 40  # per cent of posts; above it a feed reads as an advert
POSTS_PER_WEEK_CEILING = 21  # three a day on one channel is where clustered updates start


@dataclass(frozen=True)
class MetricSpec:
    """A course metric a plan can set a target for, with the range a target should fall in."""

    label: str
    unit: str
    low: float
    high: float
    measures: tuple[str, ...]
    why_range: str

    def amount(self, value: float) -> str:
        """`value` with its unit: "3% of impressions", "2 hours"."""
        return f"{value:g}{'' if self.unit.startswith('%') else ' '}{self.unit}"


METRICS = {
    "engagement_rate": MetricSpec(
        "Engagement rate", "% of impressions", 0.5, 15, ("communicate", "connect"),
        "engagement rates by impressions are usually a few per cent"),
    "click_through_rate": MetricSpec(
        "Click-through rate", "% of impressions", 0.1, 10, ("communicate",),
        "most posts are clicked by well under one viewer in ten"),
    "follower_growth": MetricSpec(
        "Follower growth", "% a month", 0.1, 10, ("communicate",),
        "growth above 10% a month rarely lasts and is seldom worth chasing"),
    "response_time": MetricSpec(
        "Median response time", "hours", 0.25, 48, ("monitor", "connect", "collaborate"),
        "under a quarter of an hour needs a round-the-clock team; over two days and people give up"),
    "positive_sentiment": MetricSpec(
        "Positive sentiment", "% of comments", 20, 95, ("monitor",),
        "no brand pleases everyone, and a target near zero is no target"),
    "questions_answered": MetricSpec(
        "Questions answered", "% of questions", 50, 100, ("connect", "collaborate"),
        "answering fewer than half of the questions leaves most people waiting"),
    "reply_share": MetricSpec(
        "Reply share", "% of posts that answer someone", 5, 80, ("connect", "collaborate"),
        "a feed that only replies has nothing of its own to say"),
}


@dataclass
class Goal:
    """One of the four activities, and why the organisation takes it up."""

    activity: str
    why: str = ""


@dataclass
class Persona:
    """A sketch of one kind of person the plan serves."""

    name: str
    description: str = ""
    needs: str = ""
    stage: str = ""


@dataclass
class Audience:
    summary: str = ""
    personas: list[Persona] = field(default_factory=list)


@dataclass
class Channel:
    """A place the organisation will be, marked owned, rented or occupied."""

    name: str
    property: str = ""
    purpose: str = ""


@dataclass
class Content:
    mix: dict[str, int] = field(default_factory=dict)  # content type -> per cent of posts
    posts_per_week: dict[str, int] = field(default_factory=dict)  # channel -> posts a week


@dataclass
class Engagement:
    response_hours: dict[str, str] = field(default_factory=dict)  # channel -> target, as typed
    who_answers: str = ""
    escalation: str = ""


@dataclass
class Metric:
    name: str
    target: str = ""


@dataclass
class Action:
    """The next step from existing to living on one dimension."""

    step: str = ""
    owner: str = ""
    due: str = ""


@dataclass
class Plan:
    organisation: str = ""
    goals: list[Goal] = field(default_factory=list)
    audience: Audience = field(default_factory=Audience)
    channels: list[Channel] = field(default_factory=list)
    content: Content = field(default_factory=Content)
    engagement: Engagement = field(default_factory=Engagement)
    metrics: list[Metric] = field(default_factory=list)
    actions: dict[str, Action] = field(default_factory=dict)

    def channel_names(self) -> list[str]:
        return [channel.name for channel in self.channels]


# ---------------------------------------------------------------------------------------- checks

Part = Literal["organisation", "goals", "audience", "channels", "content", "engagement", "metrics",
               "actions"]
PARTS: tuple[str, ...] = get_args(Part)


@dataclass(frozen=True)
class Issue:
    """Something to fix (`level="fix"`: missing or contradictory) or to reconsider ("consider")."""

    part: Part
    level: Literal["fix", "consider"]
    message: str


def parse_amount(text: str) -> float | None:
    """A number typed by a learner ("4.5", "4.5 %", "4,5"); None when it is not one."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def check(plan: Plan) -> list[Issue]:
    """Every gap and contradiction in `plan`, in the order of the plan's parts."""
    issues: list[Issue] = []
    for finder in (_check_organisation, _check_goals, _check_audience, _check_channels,
                   _check_content, _check_engagement, _check_metrics, _check_actions):
        issues.extend(finder(plan))
    return issues


def _fix(part: Part, message: str) -> Issue:
    return Issue(part, "fix", message)


def _consider(part: Part, message: str) -> Issue:
    return Issue(part, "consider", message)


def _check_organisation(plan: Plan):
    if not plan.organisation.strip():
        yield _fix("organisation", "Name the organisation the plan is for.")


def _check_goals(plan: Plan):
    if not plan.goals:
        yield _fix("goals", "Choose at least one goal: monitor, communicate, connect or collaborate.")
    for goal in plan.goals:
        if goal.activity not in ACTIVITIES:
            yield _fix("goals", f"“{goal.activity}” is not one of the four activities "
                                f"({', '.join(ACTIVITIES)}).")
        elif not goal.why.strip():
            yield _fix("goals", f"Say why you want to {goal.activity}: what should it change?")


def _check_audience(plan: Plan):
    if not plan.audience.summary.strip():
        yield _fix("audience", "Describe your audience in a sentence or two: who do you want to reach?")
    personas = plan.audience.personas
    if not personas:
        yield _fix("audience", "Sketch at least one persona: a name and what that person needs.")
    for persona in personas:
        if not persona.name.strip():
            yield _fix("audience", "Give each persona a name, so the team can talk about them.")
            continue
        if not persona.needs.strip():
            yield _fix("audience", f"What does {persona.name} need from you? Fill in their needs.")
        if persona.stage and persona.stage not in JOURNEY_STAGES:
            yield _fix("audience", f"{persona.name}'s journey stage “{persona.stage}” is not one of "
                                   f"{', '.join(JOURNEY_STAGES)}.")


def _check_channels(plan: Plan):
    if not plan.channels:
        yield _fix("channels", "Choose at least one channel.")
    names = plan.channel_names()
    for name in sorted({name for name in names if names.count(name) > 1}):
        yield _fix("channels", f"{name} is listed twice; keep one entry.")
    for channel in plan.channels:
        if channel.property not in PROPERTIES:
            yield _fix("channels", f"Mark {channel.name} as owned, rented or occupied.")
        elif CHANNELS.get(channel.name) == "rented" and channel.property == "owned":
            yield _consider("channels", f"{channel.name} is marked owned, but the platform sets the "
                                        "rules and can change them: it is usually rented.")
        if not channel.purpose.strip():
            yield _consider("channels", f"Say what {channel.name} is for (which goal, which persona).")


def _check_content(plan: Plan):
    mix, chosen = plan.content.mix, set(plan.channel_names())
    total = sum(mix.values())
    if total == 0:
        yield _fix("content", "Set the content mix: what share of your posts is each content type?")
    elif total != 100:
        yield _fix("content", f"The content mix adds up to {total}%, not 100%.")
    for kind, share in mix.items():
        if kind not in CONTENT_TYPES:
            yield _fix("content", f"“{kind}” is not a content type of the course "
                                  f"({', '.join(CONTENT_TYPES)}).")
        if share < 0:
            yield _fix("content", f"The share of {kind} posts cannot be negative.")
    if mix.get("promotional", 0) > PROMOTIONAL_CEILING:
        yield _consider("content", f"{mix['promotional']}% promotional posts reads as an advert; "
                                   f"keep it under {PROMOTIONAL_CEILING}% and give value first.")
    weekly = plan.content.posts_per_week
    for name, posts in weekly.items():
        if name not in chosen and posts:
            yield _fix("content", f"The calendar has {posts} posts a week on {name}, which is not "
                                  "one of your channels. Add the channel or clear its posts.")
        if posts < 0:
            yield _fix("content", f"Posts a week on {name} cannot be negative.")
        if posts > POSTS_PER_WEEK_CEILING:
            yield _consider("content", f"{posts} posts a week on {name} is more than three a day; "
                                       "test whether your audience wants that many.")
    if chosen and not any(weekly.get(name, 0) > 0 for name in chosen):
        yield _fix("content", "The calendar is empty: how many posts a week on each channel?")


def _check_engagement(plan: Plan):
    rules, chosen = plan.engagement, set(plan.channel_names())
    if not rules.who_answers.strip():
        yield _fix("engagement", "Say who answers comments and messages, and when they do it.")
    if not rules.escalation.strip():
        yield _fix("engagement", "Say what happens to a complaint the first person cannot solve.")
    typed = {name: text for name, text in rules.response_hours.items() if text.strip()}
    for name, text in typed.items():
        hours = parse_amount(text)
        if name not in chosen:
            yield _fix("engagement", f"There is a response-time target for {name}, which is not one "
                                     "of your channels. Add the channel or clear the target.")
        elif hours is None:
            yield _fix("engagement", f"The response time for {name} (“{text}”) is not a number "
                                     "of hours.")
        elif not 0 < hours <= 72:
            yield _fix("engagement", f"A response time of {hours:g} hours on {name} is outside a "
                                     "sensible range (more than 0, at most 72 hours).")
    if chosen and not typed:
        yield _fix("engagement", "Set a response-time target (in hours) for at least one channel.")


def _check_metrics(plan: Plan):
    if not plan.metrics:
        yield _fix("metrics", "Choose at least one metric and give it a target.")
    for metric in plan.metrics:
        spec = METRICS.get(metric.name)
        if spec is None:
            yield _fix("metrics", f"“{metric.name}” is not a course metric ({', '.join(METRICS)}).")
            continue
        target = parse_amount(metric.target)
        if not metric.target.strip():
            yield _fix("metrics", f"{spec.label} has no target. What number, in {spec.unit}, "
                                  "would show it worked?")
        elif target is None:
            yield _fix("metrics", f"The target for {spec.label} (“{metric.target}”) is not a number.")
        elif not spec.low <= target <= spec.high:
            yield _fix("metrics", f"A target of {spec.amount(target)} for {spec.label} is outside "
                                  f"a sensible range ({spec.low:g} to {spec.amount(spec.high)}): "
                                  f"{spec.why_range}.")
    chosen = {metric.name for metric in plan.metrics}
    if chosen == {"follower_growth"}:
        yield _consider("metrics", "Follower growth alone is not the score: add a metric for "
                                   "interactions, such as engagement rate or response time.")
    for goal in plan.goals:
        fitting = [name for name, spec in METRICS.items() if goal.activity in spec.measures]
        if goal.activity in ACTIVITIES and not chosen & set(fitting):
            labels = " or ".join(METRICS[name].label.lower() for name in fitting[:2])
            yield _consider("metrics", f"No metric tells you whether your {goal.activity} goal "
                                       f"works; consider {labels}.")


def _check_actions(plan: Plan):
    for dimension in DIMENSIONS:
        action = plan.actions.get(dimension, Action())
        if not action.step.strip():
            yield _fix("actions", f"Write one action that moves your {dimension} from existing to "
                                  "living.")
        elif not action.owner.strip():
            yield _fix("actions", f"Who owns the {dimension} action? Name a person or a role.")


# ------------------------------------------------------------------------------- save and load

FORMAT = "smcourse-strategy-plan"
VERSION = 1


class PlanFileError(SmcourseError):
    """A save file that cannot be read as a plan, or a plan that cannot be written."""


def to_dict(plan: Plan) -> dict:
    return {"format": FORMAT, "version": VERSION, "plan": dataclasses.asdict(plan)}


def from_dict(data: object) -> Plan:
    """The plan in a saved document; PlanFileError says what does not fit."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFileError("it is not a strategy plan saved by this course")
    if data.get("version") != VERSION:
        raise PlanFileError(f"it was saved in format version {data.get('version')!r}; this course "
                            f"reads version {VERSION}")
    return _build(data.get("plan"), Plan, "plan")


def _build(value, kind, where: str):
    """`value` (parsed JSON) as `kind`: a dataclass, list[...], dict[str, ...], str or int."""
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise PlanFileError(f"{where} should be an object")
        hints = get_type_hints(kind)
        return kind(**{f.name: _build(value[f.name], hints[f.name], f"{where}.{f.name}")
                       for f in dataclasses.fields(kind) if f.name in value})
    origin, arguments = get_origin(kind), get_args(kind)
    if origin is list and isinstance(value, list):
        return [_build(item, arguments[0], f"{where}[{index}]") for index, item in enumerate(value)]
    if origin is dict and isinstance(value, dict):
        return {str(key): _build(item, arguments[1], f"{where}.{key}") for key, item in value.items()}
    if kind is str and isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value if isinstance(value, str) else f"{value:g}"
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    raise PlanFileError(f"{where} has an unexpected value ({json.dumps(value)[:40]})")


def save(plan: Plan, path: Path) -> None:
    """Write `plan` to `path` as JSON, atomically (a crash never leaves half a file)."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(json.dumps(to_dict(plan), indent=2, ensure_ascii=False) + "\n",
                           encoding="utf-8")
        os.replace(partial, path)
    except OSError as error:
        raise PlanFileError(f"Your plan could not be saved to {path} ({error.strerror}).") from None


@dataclass(frozen=True)
class Loaded:
    """The outcome of opening a save file: the plan, and what happened in words.

    `state` is "restored", "fresh" (no file yet), "set aside" (an unreadable file was moved to a
    backup) or "blocked" (it could not even be moved, so saving must stay off).
    """

    plan: Plan
    message: str
    state: Literal["restored", "fresh", "set aside", "blocked"]

    @property
    def can_save(self) -> bool:
        return self.state != "blocked"


def load(path: Path, start: Plan | None = None) -> Loaded:
    """The plan saved at `path`; when there is none yet, `start` (or an empty plan), and why.

    A file that cannot be read as a plan is never overwritten: it is renamed to a numbered backup
    first (`name.corrupt-1.json`), and when even that fails, saving stays off.
    """
    path = Path(path)
    if not path.exists():
        beginning = "a fresh plan" if start is None else "the plan this cell provides"
        return Loaded(start or Plan(), f"No saved plan at {path.name} yet: you are starting from "
                                       f"{beginning}. It is saved there as you type.", "fresh")
    try:
        plan = from_dict(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as error:
        return _set_aside(path, f"it is not valid JSON at line {error.lineno}, column {error.colno}")
    except UnicodeDecodeError:
        return _set_aside(path, "it is not UTF-8 text")
    except OSError as error:
        return _set_aside(path, error.strerror or str(error))
    except PlanFileError as error:
        return _set_aside(path, str(error))
    return Loaded(plan, f"Restored your plan from {path.name}.", "restored")


def _set_aside(path: Path, reason: str) -> Loaded:
    backup = backup_path(path)
    try:
        path.rename(backup)
    except OSError as error:
        return Loaded(Plan(), f"The saved plan in {path.name} could not be read ({reason}) nor "
                              f"moved aside ({error.strerror}). Saving is off so that it is not "
                              "overwritten: move or repair the file, then run this cell again.",
                      "blocked")
    return Loaded(Plan(), f"The saved plan in {path.name} could not be read ({reason}). It is "
                          f"kept, unchanged, as {backup.name}; you are starting a fresh plan.",
                  "set aside")


def backup_path(path: Path) -> Path:
    """The first free `name.corrupt-N.json` beside `path`."""
    number = 1
    while (candidate := path.with_name(f"{path.stem}.corrupt-{number}{path.suffix}")).exists():
        number += 1
    return candidate


# -------------------------------------------------------------------------------------- export


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]


Block = str | list[str] | Table  # a paragraph, a bullet list, or a table


@dataclass(frozen=True)
class Section:
    part: str
    title: str
    blocks: list[Block]


def sections(plan: Plan) -> list[Section]:
    """The plan as a document: the parts in order, then what is still open."""
    parts = [
        Section("goals", "1. Goals",
                [[f"**{goal.activity.capitalize()}**: {goal.why}" for goal in plan.goals]]),
        Section("audience", "2. Audience and personas", [plan.audience.summary, Table(
            ("Persona", "Who they are", "What they need", "Journey stage"),
            [(p.name, p.description, p.needs, p.stage) for p in plan.audience.personas])]),
        Section("channels", "3. Channels", [Table(
            ("Channel", "Property", "What it is for"),
            [(c.name, c.property, c.purpose) for c in plan.channels])]),
        Section("content", "4. Content mix and calendar", [
            Table(("Content type", "Share of posts"),
                  [(kind, f"{share}%") for kind, share in plan.content.mix.items() if share]),
            "Posts a week per channel and content type:", _calendar(plan)]),
        Section("engagement", "5. Engagement rules", [[
            f"**Who answers**: {plan.engagement.who_answers}",
            f"**Escalation**: {plan.engagement.escalation}",
            *(f"**Response time on {name}**: within {hours} hours"
              for name, hours in plan.engagement.response_hours.items() if hours.strip())]]),
        Section("metrics", "6. Metrics and targets", [Table(
            ("Metric", "Target", "Unit"), [_metric_row(metric) for metric in plan.metrics])]),
        Section("actions", "7. From existing to living", [Table(
            ("Dimension", "Action", "Owner", "Due"),
            [(dimension, action.step, action.owner, action.due)
             for dimension, action in plan.actions.items()])]),
    ]
    issues = check(plan)
    if issues:
        parts.append(Section("open", "Still open",
                             [[f"{issue.part}: {issue.message}" for issue in issues]]))
    return parts


def _metric_row(metric: Metric) -> tuple[str, str, str]:
    spec = METRICS.get(metric.name)
    return (spec.label, metric.target, spec.unit) if spec else (metric.name, metric.target, "")


def _calendar(plan: Plan) -> Table:
    mix = {kind: share for kind, share in plan.content.mix.items() if share > 0}
    rows = []
    for name, posts in plan.content.posts_per_week.items():
        if posts > 0:
            split = (f"{posts * share / 100:.1f}" for share in mix.values())
            rows.append((name, *split, str(posts)))
    return Table(("Channel", *mix, "Total"), rows)


def title(plan: Plan) -> str:
    return f"Social media strategy plan: {plan.organisation.strip() or 'my organisation'}"


def to_markdown(plan: Plan) -> str:
    """The plan as a Markdown document (learner text is kept out of table syntax)."""
    text = "\n\n".join([f"# {title(plan)}", *map(_section_markdown, sections(plan))])
    return text + "\n"


def part_markdown(plan: Plan, part: str) -> str:
    """One part of the plan ("goals", "channels"... as in PARTS) as Markdown, for a lesson cell."""
    return _section_markdown(next(section for section in sections(plan) if section.part == part))


def _section_markdown(section: Section) -> str:
    return "\n\n".join([f"## {section.title}", *("\n".join(_markdown_block(block))
                                                   for block in section.blocks)])


def _markdown_block(block: Block) -> list[str]:
    if isinstance(block, Table):
        if not block.rows:
            return ["*(nothing yet)*"]
        cell = lambda text: " ".join(str(text).split()).replace("|", "\\|") or "–"  # noqa: E731
        return ["| " + " | ".join(block.header) + " |", "|" + "---|" * len(block.header),
                *("| " + " | ".join(map(cell, row)) + " |" for row in block.rows)]
    if isinstance(block, list):
        return [f"- {' '.join(item.split())}" for item in block] or ["*(nothing yet)*"]
    return [block.strip() or "*(nothing yet)*"]


_STYLE = ("body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;"
          "color:#1f2937;line-height:1.5}h1{color:#0f766e}table{border-collapse:collapse;"
          "margin:0.5em 0}th,td{border:1px solid #d1d5db;padding:0.3em 0.6em;text-align:left;"
          "vertical-align:top}th{background:#f0fdfa}")


def to_html(plan: Plan) -> str:
    """The plan as a standalone HTML page; everything the learner typed is escaped."""
    body = [f"<h1>{html.escape(title(plan))}</h1>"]
    for section in sections(plan):
        body.append(f"<h2>{html.escape(section.title)}</h2>")
        body.extend(_html_block(block) for block in section.blocks)
    return ('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title(plan))}</title>\n<style>{_STYLE}</style>\n</head>\n"
            "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def _inline(text: str) -> str:
    """Escape `text`, then turn a leading **label** into bold (the only markup sections use)."""
    escaped = html.escape(str(text))
    if escaped.startswith("**") and "**" in escaped[2:]:
        label, rest = escaped[2:].split("**", 1)
        return f"<strong>{label}</strong>{rest}"
    return escaped


def _html_block(block: Block) -> str:
    empty = "<p><em>(nothing yet)</em></p>"
    if isinstance(block, Table):
        if not block.rows:
            return empty
        head = "".join(f"<th>{html.escape(name)}</th>" for name in block.header)
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row)
                       + "</tr>" for row in block.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    if isinstance(block, list):
        items = "".join(f"<li>{_inline(item)}</li>" for item in block)
        return f"<ul>{items}</ul>" if block else empty
    return f"<p>{html.escape(block)}</p>" if block.strip() else empty


def export(plan: Plan, path: Path) -> tuple[Path, Path]:
    """Write the plan beside the save file `path`: `<stem>.md` and `<stem>.html`."""
    path = Path(path)
    documents = {path.with_suffix(".md"): to_markdown(plan), path.with_suffix(".html"): to_html(plan)}
    for target, text in documents.items():
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            raise PlanFileError(f"{target} could not be written ({error.strerror}).") from None
    md_path, html_path = documents
    return md_path, html_path


def example_plan() -> Plan:
    """The plan Lumen Coffee Roasters might write, the course's worked example (it passes `check`)."""
    return Plan(
        organisation="Lumen Coffee Roasters",
        goals=[
            Goal("monitor", "Hear questions and complaints about our coffee and cafés early, and "
                            "see what Beacon Bean Co. is trying."),
            Goal("communicate", "Show how we source and roast, so home brewers learn something "
                                "every week and think of us first."),
            Goal("connect", "Know the growers, baristas and local press who shape what people "
                            "drink in our city."),
        ],
        audience=Audience(
            "Home brewers and café regulars in and around our city, plus the cafés and offices "
            "that buy our beans wholesale.",
            [Persona("Hannah, home brewer", "Thirty-something, owns a grinder and a pour-over set",
                     "Recipes, grind advice, news of new single origins", "consideration"),
             Persona("Marco, café owner", "Runs two cafés and is looking for a new roaster",
                     "Reliable supply, barista training, fair prices", "decision"),
             Persona("Priya, curious commuter", "Buys a flat white on the way to work",
                     "A reason to try something new; a friendly face", "awareness")]),
        channels=[
            Channel("Website and blog", "owned", "Brewing guides and the shop: our home base"),
            Channel("Email newsletter", "owned", "New roasts and events for regulars"),
            Channel("Instagram", "rented", "Behind the roaster, latte art, questions to Hannah"),
            Channel("Facebook", "rented", "Café events and local community groups"),
            Channel("LinkedIn", "rented", "Wholesale partners like Marco; hiring"),
            Channel("X", "rented", "Quick answers, local news, talking with the press"),
            Channel("YouTube", "rented", "Monthly brewing video"),
            Channel("TikTok", "rented", "Short brewing clips and the team at work, for people "
                                        "who do not follow us yet"),
            Channel("Review sites", "occupied", "Thank reviewers, put right what went wrong"),
        ],
        content=Content(
            mix={"educational": 30, "question": 15, "culture": 20, "humour": 10, "job": 5,
                 "promotional": 20},
            posts_per_week={"Website and blog": 1, "Email newsletter": 1, "Instagram": 5,
                            "Facebook": 3, "LinkedIn": 2, "X": 5, "YouTube": 1, "TikTok": 4}),
        engagement=Engagement(
            response_hours={"Instagram": "2", "Facebook": "2", "X": "2", "LinkedIn": "4",
                            "TikTok": "4", "YouTube": "24", "Website and blog": "24",
                            "Review sites": "24"},
            who_answers="The two community leads, in shifts from 7:00 to 19:00, seven days a week; "
                        "baristas answer brewing questions on their café's posts.",
            escalation="Complaints about an order or a café go to the café manager the same day; "
                       "anything about safety or the press goes to the founder within the hour."),
        metrics=[Metric("engagement_rate", "4"), Metric("click_through_rate", "0.2"),
                 Metric("response_time", "4"), Metric("positive_sentiment", "45"),
                 Metric("questions_answered", "90")],
        actions={
            "planning": Action("Review the channel list every quarter against where customers "
                               "and staff actually talk", "Head of marketing", "end of March"),
            "presences": Action("Sign replies with the first name of the person answering",
                                "Community leads", "next week"),
            "commitment": Action("Give the community leads four hours a week of protected time "
                                 "and one training day", "Founder", "end of February"),
            "relationships": Action("Thank the ten most active fans each month and invite two "
                                    "detractors to a tasting", "Community leads", "monthly"),
        },
    )
