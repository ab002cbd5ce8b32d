"""The plan as documents people use at work: Markdown, print-ready HTML (A4 or Letter), Word (A4) and
the six-week calendar as CSV and iCalendar.

    export(plan, path)                  # every format, beside the save file `path`
    to_markdown(plan); to_html(plan, paper="Letter"); part_markdown(plan, "channels")

The document opens with a one-page executive summary for a director (the plan in two sentences,
else the goal; the headline objectives, the decision asked for: what to approve, what it costs,
when it pays back, what it rests on and the gates that decide the next step; then the top risks),
then follows the plan's OASIS order: objectives, audience insight, strategy, implementation,
scoring. A table cell holds a figure, a name, a date or a line: a longer text moves to the
numbered notes after the last part, and its cell says "see note 3". What `plan.check` still finds
is listed at the end, field by field, each field named in words.

Beside it, `staff_sheet(plan)` is the two-sided sheet the staff who run the plan pin by the desk:
on the front the inbox rota, the nights and who answers what, how and where; on the back the crisis
checklist and the disclosure rule, rendered by the same Markdown, HTML and Word renderers
(`staff_markdown`, `staff_html`, `staff_docx`).

And `director_brief(plan)` is the version a manager hands the director who approves the money, two
or three printed pages, each thing said once: the executive summary alone on the first, the decision
first, with one money box (the first stage and a full year: new money, staff time moved, the
reserve, what the plan earns back and when it pays back) and what the director also commits to,
the top risks opening with what the case rests on; then every objective, what the plan costs (its
total saying what of it is spent today), the plan beside the cheaper option, what the first page
leaves out of the payback and returns, and who approves in a crisis and what a surge costs, each
long text shortened at a sentence and pointing to the part of the full plan that has it whole
(`director_markdown`, `director_html`, `director_docx`, by the staff sheet's renderers).
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import html
import io
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import docx
import icalendar

from smcourse.core.plan import (
    CALENDAR_WEEKS,
    CHEAPER,
    CHECK_MINUTES,
    CONTACT_ROLES,
    COURSE_DATA,
    DAY_NAME,
    DIMENSIONS,
    EARNED,
    METRICS,
    NEW_MONEY_SAID,
    NOISE_WIDTH,
    UNIT_EARNS,
    WEEKDAYS,
    WRITTEN_AMOUNTS,
    Budget,
    Channel,
    Community,
    Entry,
    Objective,
    Plan,
    PlanFileError,
    baseline_method,
    calendar,
    check,
    clock_text,
    closures,
    counts_platform_activity,
    course_source,
    field_label,
    in_words,
    longest_wait,
    measure_label,
    noise_spread,
    paid_once,
    parse_amount,
    parse_clock,
    parse_date,
    payback_day,
    person_loads,
    read_other_hours,
    read_rota_day,
    splits_hours,
    staffed_days,
    staffed_hours_text,
    stage_dates,
    stage_weeks,
    typed,
    unit_for,
)

PAPERS = {"A4": "A4", "Letter": "letter"}
PAPER_HEIGHT_MM = {"A4": 297, "Letter": 279.4}
A4_MM = (210, 297)  # the Word files' paper, width and height
CELL_WORDS = 20  # the most words a table cell holds; a longer text becomes a note
SUMMARY_OBJECTIVES = 5  # the most objectives the executive summary shows
NOT_WRITTEN = "not written yet."
NO_PAYBACK = "when it pays back is not written yet (Budget: Payback)."
NO_PREMISES = "not written yet: the assumptions the case rests on (Budget: Rests on)."
ANNEX = "annex"  # the part that lists the calendar day by day, at the end of the document
# The course data file each course metric is computed from (the rest: posts.csv).
COURSE_FILES = {"response_time": "comments.csv", "questions_answered": "comments.csv",
                "positive_sentiment": "comments.csv", "follower_growth": "followers.csv"}
# Module names dropped from a source, and what a course function's name says in plain words.
CODE_MODULES = {"smcourse", "plan_import", "metrics", "data", "pd"}
PLAIN_CALLS = {"baseline": "pooled", "std": "spread", "likely_spam": "likely spam",
               "mention_reply_share": "share of mentions answered"}
# a reason's opening label, up to its first colon or full stop ("Lumen's own records, ...:")
LEADING_LABEL = re.compile(r"([^:.]+)[:.]\s*")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # "1,950", "1950", "6.40"
ASIDE = re.compile(r"\s*\([^()]*\)")  # a parenthesised aside, with the space before it
# A sentence that says why the plan is chosen over the cheaper option ("The plan is chosen over the
# cheaper option for its paid test.").
WHY_CHOSEN = re.compile(r"\b(?:chosen|chose|choose|preferred|prefer|rather than the cheaper|worth the "
                        r"(?:wait|extra|difference))\b", re.IGNORECASE)
CLAUSE_END = re.compile(r";\s+(?![^()]*\))")  # a semicolon that ends a clause, not one in brackets
# The condition a first stage is approved on ("if December's timing finds at least 31 of the 35 hours
# (at 31, payback in June 2036)"), up to the colon or semicolon that ends it outside brackets: the
# recommendation keeps it.
CONDITION = re.compile(r"\b(?:if|once|provided|subject to|unless)\b(?:\([^()]*\)|[^:;()])*", re.IGNORECASE)
CODE = re.compile(r"\b[A-Za-z_]\w*(?:\.[A-Za-z_]\w*(?:\([^)]*\))?)+|\b[A-Za-z]\w*_\w+\b")


@dataclass(frozen=True)
class NoteRef:
    """What a table cell says when its text has moved to note `number`."""

    number: int

    def __str__(self) -> str:
        return f"see note {self.number}"


@dataclass(frozen=True)
class Note:
    number: int
    part: str  # the `Section.part` whose table points to it
    label: str  # where it comes from: part, row and column
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: list[tuple[str | NoteRef, ...]]
    unbroken: int | None = None  # a column of short labels or amounts that print on one line in HTML


@dataclass(frozen=True)
class Notes:
    notes: list[Note]


@dataclass(frozen=True)
class Subheading:
    """A heading inside a part ("Decision needed"), a level below the part's title."""

    text: str


Block = str | list[str] | Table | Notes | Subheading  # a paragraph, a list, a table, the notes, a heading


@dataclass(frozen=True)
class Section:
    part: str
    title: str
    blocks: list[Block]


def _number(value: float) -> str:
    """`value` with a thousands separator and at most two decimals, as every amount is shown."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _whole(value: float) -> int:
    """`value` to the nearest whole unit, halves up as a calculator rounds (9,652.5 is 9,653)."""
    return math.floor(value + 0.5)


def _amount(value: float, unit: str) -> str:
    """`value` in `unit`, as every amount is shown: "1,200 USD a year", "1 hour a week"."""
    return f"{_number(value)} {unit_for(value, unit)}"


def sections(plan: Plan) -> list[Section]:
    """The plan as a document: its parts in the OASIS order, then what is still open."""
    situation, team, crisis, budget = plan.situation, plan.community, plan.crisis, plan.budget
    posts = calendar(plan)
    case = budget.case.strip().partition("\n\n")[0]  # the ask; its arithmetic is in the table
    stage = _first_stage(budget)
    parts = [
        _summary(plan),
        Section("situation", "1. Where we start", [[
            f"**Where we are**: {situation.presences}", f"**What the numbers say**: "
            f"{situation.numbers}", f"**One competitor**: {situation.competitor}"]]),
        Section("objectives", "2. Objectives", [Table(
            ("Business outcome", "Metric", "Baseline", "Target", "By", "Noise", "Baseline from",
             "Why we expect it"),
            [(group[0].outcome, measure_label(group[0]), group[0].baseline,
              " → ".join(o.target for o in group), _dates(o.by for o in group),
              _noise(group, plan), _distinct("; ", map(plain_source, group)),
              _reasons(group))
             for group in _by_metric(plan.objectives)])]),
        Section("goals", "3. What social media will do", [
            [f"**{activity_label(goal.activity, course_word=True)}**: {goal.why}" for goal in plan.goals]]),
        Section("audience", "4. Audience insight", [plan.audience.summary, Table(
            ("Persona", "Who they are", "What they need", "Journey stage"),
            [(p.name, p.description, p.needs, p.stage) for p in plan.audience.personas])]),
        Section("pillars", "5. Content pillars", [Table(
            ("Pillar", "What it covers"), [(p.name, p.description) for p in plan.pillars])]),
        Section("channels", "6. Channels, cadence and mix", [Table(
            ("Channel", "Property", "What it is for", "Cadence", "Mix",
             "Answered within (hours the inbox is staffed)"),
            [(c.name, c.property, c.purpose,
              cadence_text(c) if c.posts else "no posts",
              ", ".join(f"{pillar} {share}%" for pillar, share in plan.mix_of(c).items() if share),
              _promise_hours(c, team))
             for c in plan.channels])]),
        Section("voice", "7. Voice and tone", [plan.voice]),
        Section("calendar", f"8. Calendar: the first {CALENDAR_WEEKS} weeks", [_calendar_pointer(posts)]),
        Section("community", "9. Community management", [[
            f"**Who answers**: {team.who_answers}", f"**Escalation**: {team.escalation}",
            f"**Staffed**: {_amount(team.days, 'days a week')}, {staffed_hours_text(team)}, "
            f"{_amount(team.staffed_hours, 'inbox hours a week')} in all",
            f"**Expected workload**: {_amount(team.messages_per_week, 'comments')} and "
            f"{_amount(team.dms_per_week, 'direct messages a week')}, about "
            f"{_amount(team.minutes_per_reply, 'minutes each')}",
            f"**Rota**: {'; '.join(f'{day}: {team.rota[day]}' for day in WEEKDAYS if day in team.rota)}",
            f"**Cover**: {team.deputy}"]]),
        Section("crisis", "10. Crisis policy", [[
            f"**Holding statement**: {crisis.holding_statement}",
            f"**Who approves**: {crisis.approver}", f"**Pausing scheduled posts**: {crisis.pause}",
            f"**Escalation**: {crisis.escalation}",
            f"**Account security**: {crisis.account_security.strip() or NOT_WRITTEN}"]]),
        Section("disclosure", "11. Disclosure policy", [plan.disclosure]),
        Section("budget", "12. Budget", [
            Table(("Item", "Amount", "Details"), _budget_rows(plan)), *_hours_by_person(plan), [
                *([f"**What it buys**: {case}"] if case else []), *_moved_line(budget),
                f"**First stage**: {f'{stage}.' if stage else NOT_WRITTEN}",
                *_gate_lines(budget),
                f"**Payback**: {budget.payback.strip() or NOT_WRITTEN}",
                f"**The case rests on**: {budget.rests_on.strip() or NOT_WRITTEN}"]]),
        Section("reporting", "13. Measurement and reporting", [[
            f"**Rhythm**: {plan.reporting.rhythm}", f"**Read by**: {plan.reporting.readers}",
            f"**First report**: {day_text(plan.reporting.first)}"]]),
        Section("actions", "14. From existing to living", [
            f"**Weakest dimension** (our behaviour scores or self-assessment): {plan.weakest or '–'}", Table(
            ("Dimension", "Action", "Owner", "Due"),
            [(dimension, action.step, action.owner, day_text(action.due))
             for dimension, action in plan.actions.items() if dimension in DIMENSIONS])]),
    ]
    parts, notes = _long_cells_as_notes(parts)
    if notes:
        parts.append(Section("notes", "Notes", [Notes(notes)]))
    issues = check(plan)
    if issues:
        parts.append(Section("open", "Still open", [[
            f"{field_label(issue.where or issue.part)}: {issue.message}" for issue in issues]]))
    if posts:
        parts.append(Section(ANNEX, f"Annex: calendar of the first {CALENDAR_WEEKS} weeks", [Table(
            ("Date", "Day", "Channel", "Pillar"),
            [(entry.day.isoformat(), entry.day.strftime("%a"), entry.channel, entry.pillar)
             for entry in posts])]))
    return parts


def _budget_rows(plan: Plan) -> list[tuple[str, str, str]]:
    """Part 12's table a row each: item, amount and details, the people priced, the total a year,
    the new money and, when the hours spent today and their cost are given, the added cost a year."""
    budget, money = plan.budget, plan.budget.money
    figures = budget.case.strip().partition("\n\n")[2]  # the case's arithmetic, after its ask
    return [
        ("People", _amount(budget.people_hours, "hours a week"), ""),
        ("Of which spent on social today", _amount(budget.hours_today, "hours a week")
         if budget.hours_today > 0 else "not given",
         f"the other {budget.moved_hours():g} move from other work"
         if budget.hours_today > 0 else "how many of the people hours are spent on social "
         "today"),
        ("Of which other work", _amount(budget.other_hours, "hours a week"),
         budget.other_work),
        ("People cost", f"{budget.people_cost():,.0f} {money} a year"
         if budget.hourly_cost > 0 else "not given",
         f"{budget.people_hours:g} hours a week × 52 × {budget.hourly_cost:g} {money} an hour "
         "(wages and on-costs)" if budget.hourly_cost > 0 else "no hourly cost given"),
        ("Other costs", f"{budget.other_costs_per_year:,.0f} {money} a year",
         budget.other_costs),
        ("Tools", _amount(budget.tools_per_month, f"{money} a month"), budget.tools),
        ("Paid promotion", _amount(budget.paid_per_month, f"{money} a month"), ""),
        ("Surge contingency", _amount(budget.contingency, f"{money} a year"), budget.surge),
        ("Total a year", f"{budget.total():,.0f} {money}" if budget.hourly_cost > 0 else
         f"{budget.total():,.0f} {money}, wages aside", "people cost + other costs + "
         "12 × (tools + paid promotion) + surge contingency" if budget.hourly_cost > 0 else
         "other costs + 12 × (tools + paid promotion) + surge contingency; no hourly cost given"),
        ("New money", _amount(budget.new_money_per_year, f"{money} a year")
         if budget.new_money_per_year > 0 else "not given",
         "the cash the plan adds a year, spending today aside"),
        *([("Added cost a year", f"{budget.added_per_year():,.0f} {money}",
            f"new money + {budget.moved_hours():g} moved hours a week × 52 × "
            f"{budget.hourly_cost:g} {money} an hour")]
          if budget.hourly_cost > 0 and budget.hours_today > 0
          and budget.new_money_per_year > 0 else []),
        *([("The case in figures", "", figures)] if figures else [])]


def _moved_line(budget: Budget, shorten: Callable[[str], str] = str) -> list[str]:
    """What the hours moved from other work come from, a labelled line (`shorten`ed), when the
    plan moves any; the field to fill in when it is blank."""
    if budget.hours_today <= 0 or budget.moved_hours() <= 0:
        return []
    text = budget.moved_from.strip()
    return [f"**Where the {_amount(budget.moved_hours(), 'moved hours')} a week come from**: "
            f"{shorten(text) if text else NOT_WRITTEN}"]


def cadence_text(channel: Channel) -> str:
    """A channel's cadence as people say it: "5 a week", "1 a month", "2 a week, on weekdays"
    (the days named only when posts keep off some of them)."""
    days = channel.post_days()
    return f"{channel.posts} a {channel.per}" + ("" if days == "every day" else f", on {days}")


def _tenths(hours: float) -> str:
    """Hours to a tenth, a half rounded up as people do (0.25 is "0.3", not Python's "0.2"), never
    "-0.0"."""
    rounded = decimal.Decimal(repr(hours)).quantize(decimal.Decimal("0.1"), decimal.ROUND_HALF_UP)
    return f"{rounded + 0:.1f}".replace("-0.0", "0.0")


def _hours_by_person(plan: Plan) -> list[Block]:
    """Each person's week, when the plan splits its hours by person: their hours, the posts of
    the channels they make, their hours on the inbox by the rota (its looks and shifts) and the
    hours left for the other work (not split by person) and a busy week."""
    if not splits_hours(plan):
        return []
    rows = [(name, "not given" if load.hours is None else f"{load.hours:g}", _tenths(load.posts),
             _tenths(load.look_hours), "–" if load.free() is None else _tenths(load.free()))
            for name, load in person_loads(plan).items()]
    return [f"**Hours by person**, a week: the posts of the channels each makes, their hours on "
            f"the inbox by the rota (sharing the {_amount(plan.community.staffed_hours, 'inbox hours')}), "
            f"and what is left for the other work ({_amount(plan.budget.other_hours, 'hours')}) and "
            "a busy week.",
            Table(("Person", "Hours", "Posts", "On the inbox", "Left for other work"), rows)]


def _calendar_pointer(posts: list[Entry]) -> str:
    """Part 8 in one line: how many posts the calendar holds, and where it is listed."""
    if not posts:
        return "No posts planned yet."
    return (f"{_amount(len(posts), 'posts')} from {day_text(posts[0].day.isoformat())} to "
            f"{day_text(posts[-1].day.isoformat())}, listed day by day in the annex at the end (and exported "
            "as CSV and iCalendar files).")


def _long_cells_as_notes(parts: list[Section]) -> tuple[list[Section], list[Note]]:
    """`parts` with each table cell longer than `CELL_WORDS` words replaced by a pointer to a
    numbered note that holds its text, and the notes in the order the cells come."""
    notes: list[Note] = []

    def short(cell: str, part: str, label: str) -> str | NoteRef:
        if len(cell.split()) <= CELL_WORDS:
            return cell
        notes.append(Note(len(notes) + 1, part, label, cell))
        return NoteRef(len(notes))

    def table(section: Section, block: Table) -> Table:
        return replace(block, rows=[
            tuple(short(str(cell), section.part, _note_label(section, block, number, column))
                  for column, cell in enumerate(row))
            for number, row in enumerate(block.rows, start=1)])

    return [Section(section.part, section.title, [
        table(section, block) if isinstance(block, Table) else block for block in section.blocks])
        for section in parts], notes


def _note_label(section: Section, block: Table, number: int, column: int) -> str:
    """Where a note comes from: "Objectives, sales: Why we expect it", or "row 3" for a row
    whose first cell is itself too long to name it."""
    name = " ".join(str(block.rows[number - 1][0]).split())
    if column == 0 or len(name.split()) > CELL_WORDS:
        name = f"row {number}"
    return f"{section.title.split('. ', 1)[-1]}, {name}: {block.header[column]}"


def _by_metric(objectives: list[Objective]) -> list[list[Objective]]:
    """The objectives grouped by outcome, metric and baseline (a milestone with its year-end
    target), in the plan's order; a row from another baseline is a row of its own (reader 156's
    bookings, 18 → 26 by June and 21 → 29 by December, printed "18 → 26 → 29")."""
    groups: dict[tuple[str, str, str], list[Objective]] = {}
    for objective in objectives:
        key = (objective.outcome, objective.metric, objective.baseline.strip())
        groups.setdefault(key, []).append(objective)
    return list(groups.values())


def _distinct(separator: str, texts) -> str:
    """The non-blank `texts`, each once, in order, joined by `separator`."""
    return separator.join(dict.fromkeys(text for text in texts if text.strip()))


def _reasons(group: list[Objective]) -> str:
    """The milestones' reasons in order, with a leading label the first already gives (where its
    numbers come from, say) left off the later ones."""
    reasons = list(dict.fromkeys(o.reason.strip() for o in group if o.reason.strip()))
    if not reasons:
        return ""
    label = LEADING_LABEL.match(reasons[0])
    later = [LEADING_LABEL.sub("", reason, count=1)
             if label and (match := LEADING_LABEL.match(reason)) and match[1] == label[1] else reason
             for reason in reasons[1:]]
    return " ".join([reasons[0], *later])


def _noise(group: list[Objective], plan: Plan) -> str:
    """How much the metric moves by chance, and the periods each target of `group` is averaged
    over ("varies by 6 a month; mean of 3 months", "varies by 4 a week; mean of 12 weeks, then of 26
    weeks"), with the spread chance alone gives when it is larger than the one typed, which the checks
    and the director's ± then use (`noise_spread`: "varies by 4.3 a month, chance alone 5.0; mean of 3
    months"). It is not written "±": the exports keep that for the band a target must clear."""
    spreads = _distinct(" → ", (o.spread.strip() for o in group))
    if not spreads:
        return ""
    period = group[0].period()
    judged = _distinct(", then of ", (o.periods.strip() or "1" for o in group))
    typed = parse_amount(group[0].spread)
    used = noise_spread(group[0], plan)
    floor = f", chance alone {used:.1f}" if typed is not None and used is not None and used > typed else ""
    return f"varies by {spreads} a {period}{floor}; " + ("one " + period if judged == "1" else
                                                        f"mean of {judged} {period}s")


def _promise_hours(channel: Channel, team: Community) -> str:
    """A channel's promise as typed, with "(a staffed day)" when it is the inbox's whole day
    (`Community.window_hours`), so that "12.5" reads as an answer within a day."""
    typed, day = channel.response_hours.strip(), team.window_hours()
    return typed + (" (a staffed day)" if day and parse_amount(typed) == day else "")


def plain_source(objective: Objective) -> str:
    """Where the baseline comes from, in words: a course metric taken from the course data as
    the file, span and method it names ("The course data: Lumen's comments.csv, 2025 without
    the recall weeks, mean of weekly medians"), else the source typed, any Python name in it
    said in words (`code_free`)."""
    method = baseline_method(objective)
    if objective.metric not in METRICS or not COURSE_DATA.search(objective.source) or not method:
        return code_free(objective.source)
    platform, spans, _ = course_source(objective)
    scope = "Lumen's" if platform == "all" else f"Lumen's {platform}"
    span = "2025 without the recall weeks" if spans == ["2025 without the recall"] else "2025"
    if objective.metric == "response_time":
        measure = "mean of weekly medians" if method == "mean of weeks" else "median of every answer"
    else:
        measure = "mean of weekly values" if method == "mean of weeks" else "pooled"
    file = COURSE_FILES.get(objective.metric, "posts.csv")
    return f"The course data: {scope} {file}, {span}, {measure}"


def code_free(text: str) -> str:
    """`text` with each Python name or call in words: its module dropped, a course function by
    what it computes ("plan_import.baseline" is "pooled"), underscores as spaces, and a name's
    possessive before its own last word merged ("weekly's weekly medians": "weekly medians")."""
    def words(found: re.Match) -> str:
        names = [name for name in re.sub(r"\([^)]*\)", "", found.group()).split(".")
                 if name and name not in CODE_MODULES]
        return " ".join(PLAIN_CALLS.get(name, name.replace("_", " ")) for name in names)

    return re.sub(r"\b(\w+)'s \1\b", r"\1", CODE.sub(words, text))


def _first_sentence(text: str) -> str:
    """The first sentence of `text`, spacing tidied."""
    return next(iter(_sentences(text)), "")


def _headline_objectives(plan: Plan) -> list[list[Objective]]:
    """The objectives grouped by outcome and metric (a milestone with its later steps), one group
    per business outcome first, counted by the business's own number where there is one, then
    the rest, in the plan's order."""
    ordered = sorted(_by_metric(plan.objectives),
                     key=lambda group: counts_platform_activity(group[0]))
    first: dict[str, list[Objective]] = {}
    for group in ordered:
        first.setdefault(group[0].outcome, group)
    chosen = list(first.values())
    return chosen + [group for group in ordered if group not in chosen]


def _summary_risks(plan: Plan, open_at: str, for_director: bool = False) -> list[str]:
    """The top risks: what else the case rests on (`_premises_left`; the director's version gives
    all of it first instead, `_premises_risk`), then, from the plan's own numbers, what is still
    open (`open_at`: where it is listed), the target nearest its noise (for the director, with
    chance's reach in the metric's units), the inbox's margin
    (`_inbox_risk`), and the weakest dimension, which the director's version lists under the
    decision instead, as a commitment (`_commitment`)."""
    left = "" if for_director else _premises_left(plan.budget.rests_on)
    risks = [f"**The case also rests on**: {day_text(left)}"] if left else []
    fixes = [issue for issue in check(plan) if issue.level == "fix"]
    if fixes:
        risks.append(f"**Unfinished**: {_amount(len(fixes), 'points')} of the plan still open "
                     f"({open_at}).")
    margins = []
    for objective in plan.objectives:
        baseline, target = parse_amount(objective.baseline), parse_amount(objective.target)
        if None not in (baseline, target) and (noise := chance_reach(objective, plan)):
            margins.append((abs(target - baseline) / noise, noise, objective))
    if margins:
        ratio, noise, objective = min(margins, key=lambda margin: margin[0])
        measures = {measure_label(other) for other in plan.objectives
                    if other.outcome == objective.outcome}
        named = objective.outcome if len(measures) == 1 else measure_label(objective)  # as tabled
        size = (f"where chance can move it by about {noise:.1f}"  # the ±: chance or the plan's spread
                if for_director else f"is {ratio:.1f} times what chance can move it")
        risks.append(f"**Tightest target**: {named}, {objective.baseline} to {objective.target} "
                     f"by {day_text(objective.by)}, {size}: an early report that shows no change "
                     "proves little.")
    if inbox := _inbox_risk(plan, for_director):
        risks.append(inbox)
    action = plan.actions.get(plan.weakest)
    if action is not None and not for_director:
        risks.append(f"**Weakest dimension, {plan.weakest}**: {_first_sentence(action.step)} "
                     f"({action.owner}, by {day_text(action.due)}).")
    return risks


def chance_reach(objective: Objective, plan: Plan) -> float | None:
    """How far chance alone can move the mean a target is judged on: `NOISE_WIDTH` spreads
    (`noise_spread`) over the root of the periods averaged; None without a spread or periods."""
    spread, periods = noise_spread(objective, plan), parse_amount(objective.periods or "1")
    if spread is None or periods is None or spread <= 0 or periods < 1:
        return None
    return NOISE_WIDTH * spread / periods ** 0.5


def _inbox_risk(plan: Plan, for_director: bool = False) -> str:
    """The inbox's margin: the hours the expected messages and a look at least every fastest
    promise take (`Community.hours_needed`), of the staffed hours, at a look's minutes and at twice
    them; the director's version, in plain sentences, says that the promise is a look through every
    inbox that often (in hours the inbox is staffed), not an answer to every message within it, and
    parts the replies' hours from the looks'; "" when the plan lacks the numbers."""
    team, promises = plan.community, plan.promises()
    promise = min(promises.values()) if promises else None
    needed = team.hours_needed(promise) if promise else None
    if needed is None or not team.staffed_hours:
        return ""
    slower = team.hours_needed(promise, 2 * CHECK_MINUTES)
    messages = f"{team.messages_per_week + team.dms_per_week:g} messages a week planned for"
    looks = (f"{team.staffed_hours:g} staffed hours a week at {CHECK_MINUTES}-minute looks, "
             f"{_tenths(slower)} at {2 * CHECK_MINUTES}: more messages or slower looks, and ")
    if not for_director:
        return (f"**The inbox**: the {messages}, each answered within {promise:g} staffed hours "
                f"(the fastest promise), take {_tenths(needed)} of the inbox's {looks}promises slip.")
    replies = (team.messages_per_week + team.dms_per_week) * team.minutes_per_reply / 60
    # the total the sum of its parts as printed (reader 157 read "6.2 … 4.5: 10.8")
    answering, looking = decimal.Decimal(_tenths(replies)), decimal.Decimal(_tenths(needed - replies))
    return (f"**The inbox**: staffed {_staffed_days_text(team)}, {staffed_hours_text(team)}, and looked "
            f"through at least every {_amount(promise, 'hours')}. "
            f"{_longest_wait_text(team)} Answering the {messages} takes {answering} hours and the "
            f"looks {looking}: {answering + looking} of the {team.staffed_hours:g} weekly hours set "
            f"aside if a look takes {CHECK_MINUTES} minutes, {_tenths(slower)} if "
            f"{2 * CHECK_MINUTES}: more messages or slower looks, and answers wait longer.")


def _staffed_days_text(team: Community) -> str:
    """The staffed days as runs a person reads at a glance: "every day", "Mon–Fri", "Wed–Sun"."""
    days = staffed_days(team)
    return "every day" if len(days) == len(WEEKDAYS) else in_words(list(map(_run_text, _day_runs(days))))


def _day_runs(days: tuple[str, ...], same: Callable[[str], object] = lambda day: None) -> list[list[str]]:
    """`days` (in week order) in runs of days in a row for which `same` gives the same value."""
    runs: list[list[str]] = []
    for day in days:
        if runs and WEEKDAYS.index(day) == WEEKDAYS.index(runs[-1][-1]) + 1 \
                and same(day) == same(runs[-1][-1]):
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _run_text(run: list[str]) -> str:
    """A run of days as a rota writes it: "Mon", "Mon–Fri"."""
    return run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}"


def _commitment(plan: Plan) -> str:
    """What the director also commits to: the weakest dimension's action, its owner and date, as
    a line under the decision; "" when the plan names no weakest dimension with an action."""
    action = plan.actions.get(plan.weakest)
    if action is None:
        return ""
    return (f"**The plan also depends on**: {_first_sentence(action.step).rstrip('.')} "
            f"({action.owner}, by {day_text(action.due)}).")


def _premises_left(rests_on: str) -> str:
    """What the case rests on beyond the opening the ask shows (`_lead`); "" when it shows it all."""
    text, shown = " ".join(rests_on.split()), _lead(rests_on)
    if shown.endswith("…") or not text.startswith(shown):
        return text
    return text[len(shown):].lstrip(";. ")


def day_text(text: str) -> str:
    """`text` with each ISO date in it ("2027-01-04") as the summary writes dates: "4 January 2027"."""
    def spelled(match: re.Match) -> str:
        day = parse_date(match[0])
        return f"{day.day} {day:%B %Y}" if day else match[0]
    return ISO_DATE.sub(spelled, text)


def _dates(texts) -> str:
    """Dates as the summary writes them, those of one year sharing it ("30 June, 31 December
    2027"); when one is not a date, each as `day_text` writes it."""
    texts = list(texts)
    days = [parse_date(text) for text in texts]
    if None in days:
        return ", ".join(map(day_text, texts))
    return ", ".join(", ".join(f"{day.day} {day:%B}" for day in group) + f" {year}"
                     for year, group in itertools.groupby(days, key=lambda day: day.year))


def _full_year(budget: Budget) -> str:
    """A year of the plan for a director, in one cell: what it adds to today's costs in all
    (`Budget.added_per_year`), its new money and what the people hours moved from other work are
    worth (the recommendation gives the hours), or the field to fill in for each."""
    money, moved = budget.money, budget.moved_hours()
    if budget.new_money_per_year > 0 and budget.hours_today > 0 and moved > 0 \
            and budget.hourly_cost > 0:
        return (f"{_amount(budget.added_per_year(), money)} more than today: "
                f"{budget.new_money_per_year:,.0f} of new money and {moved * 52 * budget.hourly_cost:,.0f} "
                f"of moved hours")
    cash = (f"{_amount(budget.new_money_per_year, money)} of new money"
            if budget.new_money_per_year > 0 else "new money not written yet (Budget: New money a year)")
    if budget.hours_today <= 0:
        hours = "hours spent today not written yet (Budget: Of these, today)"
    elif moved <= 0:
        hours = "no people hours moved from other work"
    elif budget.hourly_cost <= 0:
        hours = f"{_amount(moved, 'people hours a week')} moved from other work, unpriced (Budget: " \
                "Cost of an hour)"
    else:
        hours = (f"{_amount(moved, 'people hours a week')} moved from other work, worth "
                 f"{_amount(moved * 52 * budget.hourly_cost, money)}")
    return f"{cash}; {hours}"


def _stage_weeks(plan: Plan) -> float | None:
    """The first stage's length in weeks: from its first to its last day when they are known
    (`stage_dates`: 4 January to 31 March is 87 days, 12.4 weeks), else as it is written
    (`stage_weeks`); None when it is not given."""
    if dates := stage_dates(plan):
        return ((dates[1] - dates[0]).days + 1) / 7
    return stage_weeks(plan.budget.first_stage)


def _recommendation(plan: Plan, for_director: bool = False) -> str:
    """What the director is asked to approve, in one line: the first stage's days (`_stage_days`),
    its new money, the people hours moved from other work and the reserve for a surge, on the
    stage's condition if it has one (CONDITION, without its asides, which part 12 keeps:
    "Approve 4 January to 31 March 2027: 6,686 USD of new money, 7 people hours a week moved from
    other work and a 16,000 USD reserve for a surge, if December's timing finds …"); the director's
    version leaves the figures to its money box below (`_money_box`)."""
    budget = plan.budget
    if not budget.first_stage.strip():
        return ("What to approve now is not written yet: say what is approved and until when, such "
                "as “January to March 2027: the tools and the paid promotion” (Budget: First stage).")
    condition = CONDITION.search(budget.first_stage)
    provided = f", {without_asides(condition.group(0)).strip().rstrip('.,')}" if condition else ""
    if for_director:
        days = _stage_days(plan).removeprefix("the first stage").strip()
        return (f"Approve the first stage{f', {days},' if days else ''} with the money, staff time "
                f"and reserve in the box below{provided}.")
    asked = [f"{_amount(budget.first_stage_cost, budget.money)} of new money"]
    if (moved := budget.moved_hours()) > 0:
        asked.append(f"{_amount(moved, 'people hours a week')} moved from other work")
    if budget.contingency > 0:
        asked.append(f"a {_amount(budget.contingency, budget.money)} reserve for a surge")
    return (f"Approve {_stage_days(plan)}: {', '.join(asked[:-1])}{' and ' if asked[1:] else ''}"
            f"{asked[-1]}{provided}.")


def _stage_days(plan: Plan) -> str:
    """The first stage's first and last day ("4 January to 31 March 2027"), or "the first stage"
    from the start when its length is not given."""
    if dates := stage_dates(plan):
        first, last = dates
        year = "" if first.year == last.year else f" {first.year}"
        return f"{first.day} {first:%B}{year} to {last.day} {last:%B %Y}"
    start = day_text(plan.start.strip())
    return f"the first stage from {start}" if start else "the first stage"


def _ask(plan: Plan) -> Table:
    """The ask in four rows, beside the recommendation that gives the first stage: the reserve, a
    full year (`_full_year`), when it pays back (its first sentence whole, a note when long: a clause
    cut off could be its caveat) and what it rests on (its opening, `_lead`; the whole text is in
    part 12)."""
    budget = plan.budget
    reserve = (f"{_amount(budget.contingency, f'{budget.money} a year')}, held for a surge"
               if budget.contingency > 0 else "none (Budget: Surge contingency a year)")
    return Table(("The ask", "What the plan says"), unbroken=0, rows=[
        ("Reserve for a surge", reserve),
        ("A full year", _full_year(budget)),
        ("Pays back", day_text(_first_sentence(budget.payback)) or NO_PAYBACK),
        ("Rests on", day_text(_lead(budget.rests_on)) or NO_PREMISES)])


def _lead(text: str, words: int = CELL_WORDS) -> str:
    """The opening of `text` that fits a table cell: its first sentence when it holds at most
    `words` words, else that sentence's first clauses that fit (cut at a semicolon outside
    brackets), else its first `words` words and "…"; "" when it is blank."""
    sentence = _first_sentence(text)
    if len(sentence.split()) <= words:
        return sentence
    if clauses := _fitting(CLAUSE_END.split(sentence), words):
        return "; ".join(clauses)
    return " ".join(sentence.split()[:words]) + "…"


def without_asides(text: str) -> str:
    """`text` without its parenthesised asides (a gate's odds, say), nested ones too; `text` as
    written when it has none or is nothing but asides."""
    short = text
    while (cut := ASIDE.sub("", short)) != short:
        short = cut
    return short.strip() or text


def _first_stage(budget: Budget) -> str:
    """What the director approves now, and its new money: "January to March (6,040 USD of new
    money)", the stage alone when it states that sum itself (`_states`); "" when the plan does not
    say."""
    stage = budget.first_stage.strip().rstrip(".")
    if not stage or _states(stage, budget.first_stage_cost):
        return stage
    return f"{stage} ({_amount(budget.first_stage_cost, budget.money)} of new money)"


def _states(text: str, amount: float) -> bool:
    """Whether `text` gives `amount` as a figure ("1,950", "1950")."""
    return any(parse_amount(figure) == amount for figure in FIGURE.findall(text))


def _gate_lines(budget: Budget, missing: str = NOT_WRITTEN,
                shorten: Callable[[str], str] = str) -> list[str]:
    """The go/no-go gates a line each, as the builder asks for them (a text of one line is one
    test; several are numbered), each as `shorten` gives it (the summary's `without_asides`, the
    director's `_director_gate`), or `missing` when none is written."""
    gates = [shorten(line.strip()) for line in budget.go_no_go.splitlines() if line.strip()]
    if len(gates) <= 1:
        return [f"**Go/no-go test**: {''.join(gates) or missing}"]
    return [f"**Gate {number}**: {gate}" for number, gate in enumerate(gates, 1)]


def _decision(plan: Plan, for_director: bool = False) -> list[Block]:
    """The summary's decision: the recommendation in one line, the ask (`_ask`), then each go/no-go
    gate without its asides (whole in part 12) and the first report, a line each; the director's
    version gives its money box in place of the ask (`_money_box`), keeps the gates' asides that
    carry a figure other than odds (`_director_gate`), and adds what the director also commits to
    (the weakest dimension's action, `_commitment`)."""
    reporting = plan.reporting
    lines = [*map(day_text, _gate_lines(plan.budget, "the test that decides the next stage is not "
                                                     "written yet (Budget: Go/no-go gates).",
                                        shorten=_director_gate if for_director else without_asides)),
             f"**First report**: {reporting.rhythm or '–'} to {reporting.readers or '–'}, on "
             f"{day_text(reporting.first) or '–'}."]
    if for_director and (commitment := _commitment(plan)):
        lines.append(commitment)
    if for_director:
        return [_recommendation(plan, for_director), _money_box(plan), lines]
    return [_recommendation(plan), _ask(plan), lines]


# The activities as a director who has not taken the course reads them
PLAIN_ACTIVITIES = {"monitor": "Listening", "communicate": "Telling our story",
                    "connect": "Building ties", "collaborate": "Working with others"}


def activity_label(activity: str, course_word: bool = False) -> str:
    """An activity's name in the exports: its plain name (`PLAIN_ACTIVITIES`), so that every document
    names a goal alike; the full plan's part 3 adds the course's word ("Listening (monitor)")."""
    plain = PLAIN_ACTIVITIES.get(activity)
    if plain is None:
        return activity.capitalize()
    return f"{plain} ({activity})" if course_word else plain


def _goal(plan: Plan) -> list[Block]:
    """The goal: the plan in two sentences (`Plan.summary`), or, when it does not say them, that the
    organisation will do the activities it chose on social media; then why each, a line each,
    named as `activity_label` names it."""
    activities = [goal.activity for goal in plan.goals]
    aim = (f"**Goal**: {plan.organisation.strip() or 'we'} will {in_words(activities)} on social "
           "media:" if activities else "**Goal**: no activity chosen yet.")
    return [" ".join(plan.summary.split()) or aim,
            [f"**{activity_label(goal.activity)}**: {goal.why}" for goal in plan.goals]]


def _summary(plan: Plan) -> Section:
    """One page for a director: the goal, the headline objectives, the decision asked for (what to
    approve, what it costs, when it pays back, what it rests on, what decides the next step) and
    the top risks; every date written "4 January 2027". The whole budget is in part 12, the
    objectives left out in part 2, what is still open under Still open."""
    groups = _headline_objectives(plan)
    more = len(groups[SUMMARY_OBJECTIVES:])  # metrics, each with its milestones
    return Section("summary", "Executive summary", [
        *_goal(plan), _objectives_table(groups[:SUMMARY_OBJECTIVES]),
        *([f"{more} more {'objective is' if more == 1 else 'objectives are'} in part 2."]
          if more > 0 else []),
        Subheading("Decision needed"), *_decision(plan), Subheading("Top risks"),
        _summary_risks(plan, "listed under Still open, before the annex")])


def _objectives_table(groups: list[list[Objective]]) -> Table:
    """The objectives a row per metric, as a director reads them: outcome, measure, the baseline
    and each milestone's target, and their dates."""
    return Table(("Outcome", "Measure", "Baseline → target", "By"), [
        (group[0].outcome, measure_label(group[0]),
         " → ".join([group[0].baseline, *(o.target for o in group)]), _dates(o.by for o in group))
        for group in groups])


def _judged_objectives(plan: Plan) -> list[Block]:
    """Every objective as `_objectives_table` gives it, a baseline its source calls assumed marked
    so (the director's version has no source column), with what each is judged on (`_judged_on`),
    and how (`JUDGED`, and `ASSUMED_NOTE` when a baseline is assumed)."""
    groups = _by_metric(plan.objectives)
    table = _objectives_table(groups)
    rows = []
    for (outcome, measure, targets, by), group in zip(table.rows, groups, strict=True):
        if any(ASSUMED.search(objective.source) for objective in group):
            baseline, arrow, later = targets.partition(" → ")
            targets = f"{baseline} (assumed){arrow}{later}"
        rows.append((outcome, measure, targets, by, _judged_on(group, plan)))
    assumed = any("(assumed)" in row[2] for row in rows)
    return [Table((*table.header, "Judged on"), rows), [JUDGED + (ASSUMED_NOTE if assumed else "")]]


def _judged_on(group: list[Objective], plan: Plan) -> str:
    """The mean each milestone is judged on and how far chance can move it (`chance_reach`):
    "3-month mean by each date, ±2.9" ("by the date" for one); milestones judged on different spans
    each with its day: "12-week mean by 31 March (±2.5), 26-week by 31 December (±1.7)"; "–" when
    no milestone gives a spread."""
    period = group[0].period()
    parts = [(o.periods.strip() or "1", chance_reach(o, plan)) for o in group]
    if all(reach is None for _, reach in parts):
        return "–"

    points = " points" if "%" in measure_label(group[0]) else ""  # a rate moves by points

    def chance(reach: float | None) -> str:
        return "" if reach is None else f"±{reach:.1f}{points}"
    if len(set(parts)) == 1:
        periods, reach = parts[0]
        span = f"the {period}" if periods == "1" else f"{periods}-{period} mean"
        return f"{span} by {'each date' if len(group) > 1 else 'the date'}, {chance(reach)}"

    def day(text: str) -> str:  # the By column gives the year
        return f"{when.day} {when:%B}" if (when := parse_date(text)) else day_text(text)
    (first, first_reach), *later = parts
    return f"{first}-{period} mean by {day(group[0].by)} ({chance(first_reach)}), " + ", ".join(
        f"{periods}-{period} by {day(o.by)} ({chance(reach)})"
        for o, (periods, reach) in zip(group[1:], later, strict=True))


def title(plan: Plan) -> str:
    return f"Social media strategy plan: {plan.organisation.strip() or 'my organisation'}"


# -------------------------------------------------------------------------------------- markdown

def to_markdown(plan: Plan) -> str:
    """The plan as a Markdown document (learner text is kept out of table syntax)."""
    start = f"Starts {day_text(plan.start)}." if plan.start.strip() else ""
    return "\n\n".join(filter(None, [f"# {title(plan)}", start,
                                     *map(_section_markdown, sections(plan))])) + "\n"


def part_markdown(plan: Plan, part: str) -> str:
    """One part of the plan ("objectives", "channels"... as `Section.part`) as Markdown, headed
    "From the plan" one level down, so that its number is not read as a lesson's section, and
    followed by the notes its tables point to, numbered as in the whole document."""
    parts = sections(plan)
    section = next(section for section in parts if section.part == part)
    shown = _section_markdown(section).replace(f"## {section.title}",
                                               f"#### From the plan · part {section.title}", 1)
    own = [note for other in parts for block in other.blocks if isinstance(block, Notes)
           for note in block.notes if note.part == part]
    if not own:
        return shown
    return "\n\n".join([shown, "**Notes**", "\n".join(_markdown_block(Notes(own)))])


def _section_markdown(section: Section) -> str:
    return "\n\n".join([f"## {section.title}", *("\n".join(_markdown_block(block))
                                                   for block in section.blocks)])


def _cell_text(cell: object) -> str:
    """A table cell's text on one line, "–" for an empty cell, in every format."""
    return " ".join(str(cell).split()) or "–"


def _markdown_block(block: Block) -> list[str]:
    if isinstance(block, Subheading):
        return [f"### {block.text}"]
    if isinstance(block, Notes):
        return [f"{note.number}. **{note.label}**: {' '.join(note.text.split())}"
                for note in block.notes]
    if isinstance(block, Table):
        if not block.rows:
            return ["*(nothing yet)*"]
        return ["| " + " | ".join(block.header) + " |", "|" + "---|" * len(block.header),
                *("| " + " | ".join(_cell_text(cell).replace("|", "\\|") for cell in row) + " |"
                  for row in block.rows)]
    if isinstance(block, list):
        return [f"- {' '.join(item.split())}" for item in block] or ["*(nothing yet)*"]
    return [block.strip() or "*(nothing yet)*"]


# ------------------------------------------------------------------------------------------ html

PLAN_MARGINS_MM = (18, 16)  # the full plan's and the director's: top and bottom, then the sides
_STYLE = ("body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;"
          "color:#1f2937;line-height:1.5}h1{color:#0f766e}table{border-collapse:collapse;"
          "margin:0.5em 0}th,td{border:1px solid #d1d5db;padding:0.3em 0.6em;text-align:left;"
          "vertical-align:top}th{background:#f0fdfa}h3{break-after:avoid}"
          "@media print{body{max-width:none;margin:0;font-size:9.5pt;line-height:1.25}"
          "h3{font-size:1em;margin:0.3em 0}"  # the summary's parts, no taller than the bold line they were
          "h1{font-size:15pt;margin:0 0 0.3em}h2{break-after:avoid;margin:0.6em 0 0.3em}"
          "p,ul,table{margin-top:0.3em;margin-bottom:0.3em}th,td{padding:0.15em 0.5em}"
          "tr,li{break-inside:avoid}thead{display:table-header-group}"
          "p:has(+table){break-after:avoid}"  # a table's opening line stays with it (reader 164)
          ".new-page{break-before:page}}")


def to_html(plan: Plan, paper: str = "A4") -> str:
    """The plan as a standalone HTML page that prints on `paper` ("A4" or "Letter"); everything
    the learner typed is escaped."""
    body = [f"<h1>{html.escape(title(plan))}</h1>"]
    if plan.start.strip():
        body.append(f"<p>Starts {html.escape(day_text(plan.start))}.</p>")
    after_summary = False
    for section in sections(plan):
        new_page = ' class="new-page"' if after_summary or section.part == ANNEX else ""
        body.append(f"<h2{new_page}>{html.escape(section.title)}</h2>")
        body.extend(_html_block(block) for block in section.blocks)
        after_summary = section.part == "summary"
    return _html_page(title(plan), paper, PLAN_MARGINS_MM, _STYLE, body)


def _html_page(name: str, paper: str, margins: tuple[float, float], style: str, body: list[str]) -> str:
    """A standalone HTML page titled `name` that prints on `paper` ("A4" or "Letter") with its
    top and bottom, and side `margins` (mm), `style` and the `body`'s elements."""
    if paper not in PAPERS:
        raise ValueError(f"paper should be one of {', '.join(PAPERS)}, not {paper!r}")
    return ('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(name)}</title>\n"
            f"<style>@page{{size:{PAPERS[paper]};margin:{margins[0]:g}mm {margins[1]:g}mm}}{style}</style>\n"
            "</head>\n"
            "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def _split_label(text: str) -> tuple[str, str]:
    """A leading **label** and the rest of `text` (the only markup sections use)."""
    if text.startswith("**") and "**" in text[2:]:
        label, rest = text[2:].split("**", 1)
        return label, rest
    return "", text


def _inline(text: str) -> str:
    label, rest = _split_label(str(text))
    return (f"<strong>{html.escape(label)}</strong>" if label else "") + html.escape(rest)


def _html_cell(cell: str | NoteRef, unbroken: bool = False) -> str:
    if isinstance(cell, NoteRef):
        return f'<td><a href="#note-{cell.number}">{cell}</a></td>'
    opening = '<td style="white-space:nowrap">' if unbroken else "<td>"
    return f"{opening}{html.escape(_cell_text(cell))}</td>"


def _html_block(block: Block) -> str:
    empty = "<p><em>(nothing yet)</em></p>"
    if isinstance(block, Subheading):
        return f"<h3>{html.escape(block.text)}</h3>"
    if isinstance(block, Notes):
        items = "".join(f'<li id="note-{note.number}" value="{note.number}"><strong>'
                        f"{html.escape(note.label)}</strong>: {html.escape(note.text)}</li>"
                        for note in block.notes)
        return f"<ol>{items}</ol>"
    if isinstance(block, Table):
        if not block.rows:
            return empty
        head = "".join(f"<th>{html.escape(name)}</th>" for name in block.header)
        rows = "".join("<tr>" + "".join(_html_cell(cell, column == block.unbroken)
                                        for column, cell in enumerate(row)) + "</tr>" for row in block.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    if isinstance(block, list):
        items = "".join(f"<li>{_inline(item)}</li>" for item in block)
        return f"<ul>{items}</ul>" if block else empty
    return f"<p>{_inline(block)}</p>" if block.strip() else empty


# ------------------------------------------------------------------------------------------ word

def to_docx(plan: Plan) -> bytes:
    """The plan as a Word document, on A4 (`_a4_document`)."""
    document = _a4_document()
    document.add_heading(title(plan), level=0)
    if plan.start.strip():
        document.add_paragraph(f"Starts {day_text(plan.start)}.")
    for section in sections(plan):
        if section.part == ANNEX:
            document.add_page_break()  # the calendar starts a page of its own
        document.add_heading(section.title, level=1)
        for block in section.blocks:
            _docx_block(document, block)
        if section.part == "summary":
            document.add_page_break()  # the summary is a page of its own
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _a4_document():
    """A new Word document on A4 paper, as every Word file the kit writes is (python-docx's own
    template is Letter, whose readers have the HTML's Letter copy)."""
    document = docx.Document()
    for page in document.sections:
        page.page_width, page.page_height = docx.shared.Mm(A4_MM[0]), docx.shared.Mm(A4_MM[1])
    return document


def _docx_block(document, block: Block) -> None:
    if isinstance(block, Subheading):
        document.add_heading(block.text, level=2)
    elif isinstance(block, Notes):
        for note in block.notes:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{note.number}. {note.label}").bold = True
            paragraph.add_run(f": {note.text}")
    elif isinstance(block, Table):
        if not block.rows:
            document.add_paragraph("(nothing yet)")
            return
        table = document.add_table(rows=1, cols=len(block.header), style="Table Grid")
        for cell, name in zip(table.rows[0].cells, block.header, strict=True):
            cell.text = name
        for row in block.rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = _cell_text(value)
    elif isinstance(block, list):
        for item in block or ["(nothing yet)"]:
            _docx_labelled(document.add_paragraph(style="List Bullet"), item)
    else:
        _docx_labelled(document.add_paragraph(), block.strip() or "(nothing yet)")


def _docx_labelled(paragraph, text: str) -> None:
    """`text` in `paragraph`, its leading **label** in bold."""
    label, rest = _split_label(text)
    if label:
        paragraph.add_run(label).bold = True
    paragraph.add_run(rest)


# -------------------------------------------------------------------------------------- calendar

def calendar_csv(plan: Plan) -> str:
    """The six-week calendar as CSV: date, channel, pillar and who posts (the channel's owner)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["date", "channel", "pillar", "posted_by"])
    owners = _channel_owners(plan)
    writer.writerows((entry.day.isoformat(), entry.channel, entry.pillar, owners.get(entry.channel, ""))
                     for entry in calendar(plan))
    return buffer.getvalue()


def _channel_owners(plan: Plan) -> dict[str, str]:
    """Who posts on each channel, by the channel's name ("" when nobody is named)."""
    return {channel.name: channel.owner.strip() for channel in plan.channels}


def calendar_ics(plan: Plan, made: dt.datetime | None = None) -> bytes:
    """The six-week calendar as iCalendar: one all-day event per planned post, saying who makes it,
    each stamped (DTSTAMP) with the time the file was `made`, now unless given. Each event's UID
    names the organisation, the day and the channel (`_slug`), so two plans' calendars imported
    into one app never overwrite each other, and an edit elsewhere in the plan keeps the rest."""
    ics = icalendar.Calendar()
    ics.add("prodid", "-//smcourse//strategy plan//EN")
    ics.add("version", "2.0")
    ics.add("x-wr-calname", title(plan))
    owners = _channel_owners(plan)
    stamp = (made or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    that_day: Counter = Counter()
    for entry in calendar(plan):
        post = (entry.day, entry.channel)
        that_day[post] += 1
        event = icalendar.Event()
        event.add("uid", f"{entry.day.isoformat()}-{_slug(entry.channel)}-{that_day[post]}"
                         f"@{_slug(plan.organisation) or 'plan'}.smcourse")
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.day)
        event.add("summary", f"{entry.channel}: {entry.pillar}" if entry.pillar else entry.channel)
        if owners.get(entry.channel):
            event.add("description", f"Posted by {owners[entry.channel]}.")
        ics.add_component(event)
    return ics.to_ical()


def _slug(text: str) -> str:
    """`text` in lower-case letters and digits joined by hyphens: "Lumen Coffee Roasters" is
    "lumen-coffee-roasters"."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


# ---------------------------------------------------------------------------------------- export

def export(plan: Plan, path: Path) -> list[Path]:
    """Write the plan beside the save file `path`: `.md`, `.html` (A4), `.letter.html`, `.docx`,
    the calendar as `.calendar.csv` and `.calendar.ics`, the staff sheet as `.staff.md`,
    `.staff.html` (A4), `.staff.letter.html` and `.staff.docx`, and the director's version as
    `.director.md`, `.director.html` (A4), `.director.letter.html` and `.director.docx`. A value of
    the wrong type, which code can set, is left out (`typed`), as `check` names it."""
    path, plan = Path(path), typed(plan)[0]
    documents = {
        path.with_suffix(".md"): to_markdown(plan),
        path.with_suffix(".html"): to_html(plan),
        path.with_suffix(".letter.html"): to_html(plan, "Letter"),
        path.with_suffix(".docx"): to_docx(plan),
        path.with_suffix(".calendar.csv"): calendar_csv(plan),
        path.with_suffix(".calendar.ics"): calendar_ics(plan),
        **_staff_documents(plan, path),
        **_director_documents(plan, path),
    }
    for target, content in documents.items():
        try:
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        except OSError as error:
            raise PlanFileError(f"{target} could not be written ({error.strerror}).") from None
    return list(documents)


# ----------------------------------------------------------------------------------- staff sheet

STAFF_WORDS = 60  # the most words of a text the staff sheet gives whole; a longer one keeps its duties
DUTY_WORDS = 100  # the same for the night's and the crisis's duties (`_duties`)
MOST_DUTY_WORDS = 160  # the most words a long text's duties take, its description left out
ROTA_PART_WORDS = 200  # the same for the rota's part in a crisis, beside the checklist on the back
TELL_WORDS = 200  # the same for whom to tell in a crisis: stand-ins and the law's calls need the room
CRISIS_MEANING_WORDS = 80  # what counts as a crisis is given whole up to this; it decides who rings
TIME_OF_DAY = re.compile(r"\b([01]\d|2[0-3]):([0-5]\d)\b")  # "22:00", "06:30"
AFTER_TIME = re.compile(rf"(\bafter )?{TIME_OF_DAY.pattern}")  # a time, and whether "after" it
CLOSED_HOURS = re.compile(r"\bout[- ]of[- ]hours\b|\bovernight\b|\bat night\b", re.IGNORECASE)
WEEKDAY = re.compile(DAY_NAME)  # a day of the week, "Monday", "Sat" (a surge's shifts and rest days)
# a sentence's end: a full stop, "!" or "?" (and any closing quote or bracket) before a space and a
# capital letter, or at the end of the text; `_abbreviated` says which full stops end nothing
STEP_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]\s")  # a numbered step's opening: "1. ", "2) ", "(3) "
SENTENCE_END = re.compile(r"([.!?])[”\"’')]*(?=\s+[“\"‘'(]?[A-Z]|\s+\d{1,2}\.\s+[A-Z]|$)")  # or before "2. A"
# quotation marks that open and close (a straight single one between letters is an apostrophe)
QUOTES = (("“", "”"), (re.compile(r"(?:^|(?<=[\s(]))'(?=\w)"), re.compile(r"(?<=[\w.!?,])'(?!\w)")),
          (re.compile(r'(?:^|(?<=[\s(:]))"(?=\S)'), re.compile(r'(?<=\S)"(?=[\s.,;:!?)]|$)')))
# words whose full stop is read before a capitalised word ("e.g. Instagram", "9 a.m. Sam", "Dr.
# Lee"); an abbreviation before a number ("U.S.C. 350f", "No. 5") never ends a sentence anyway
ABBREVIATIONS = {"e.g", "i.e", "cf", "vs", "a.m", "p.m", "approx", "dept", "dr", "mr", "mrs", "ms",
                 "mx", "prof", "st"}
INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")  # "J", "U.S", "N.Y" (before their last full stop)
SECTION_NUMBER = re.compile(r"(?:^|§\s?)\d+(?:\.\d+)*$")  # "§ 5", or a list's "1" opening it
# what makes a sentence description rather than a duty: a cost, an assumption, a reason
MONEY = re.compile(r"[$£€]\s?\d|\d\s?(?:USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|INR|ZAR|SEK|NOK|DKK|SGD|"
                   r"HKD|NGN|KES)\b")
# what a sentence that prices something says: "costs", "at time and a half", "900 in all"; a sentence
# with an amount and none of these is a rule with a limit ("a refund under 25 GBP at the tills")
COST = re.compile(r"\b(?:costs?|costing|budget|pric(?:e|es|ed|ing)|overtime|premium|"
                  r"reserve|contingency|wages?|salar(?:y|ied)|time and an? \w+|in all)\b", re.IGNORECASE)
RATE = re.compile(r"\b\d[\d,.]*\s(?:an hour|in all)\b")  # "21.875 an hour", "900 in all"
ASSUMED = re.compile(r"\bassum(?:e|ed|es|ption)s?\b", re.IGNORECASE)  # outside brackets
REASON = re.compile(r"(?:So|Because|That is why|This is why)\b")  # at the sentence's start
# who acts in a duty (besides the people the plan names), and the words of a rule
ACTOR = re.compile(r"\b(?:we|founder|owner|head of \w+|leads?|managers?|supervisors?|baristas?|"
                   r"approver|holders?|whoever|everyone|nobody|anyone|staff|employees?|creators?|person|people)\b",
                   re.IGNORECASE)
NAME = r"\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+\b"  # a person's name, accents and all ("Siobhán", "Tomás")
RULE = re.compile(r"\b(?:never|always|must|only|requires?|label(?:led|s)?|nobody|no one)\b",
                  re.IGNORECASE)
# a sentence that sends work to someone: "Technical questions go to Tom", "are passed to the owner"
ROUTING = re.compile(r"\b(?:go(?:es)?|pass(?:es|ed)?|forward(?:s|ed)?|refer(?:s|red)?)"
                     r"(?: at once| straight| directly| first| immediately)? to\b", re.IGNORECASE)
# a step for one kind of crisis, its kind as a label: "Storm: follow Met Éireann's warnings…"
LABELLED_STEP = re.compile(r"^[A-Z][\w'’ -]{0,40}: [a-z]")
# the event a sentence is about (a hacked, locked, lost or stolen account), not a "recovery email"
ACCOUNT_TROUBLE = re.compile(r"\b(?:hack|locked|lost|stolen)", re.IGNORECASE)
# a sentence that says what a crisis is: "A crisis is…", "…counts as a crisis"; not "until the
# crisis is over"
CRISIS_MEANING = re.compile(r"\bcris[ie]s (?:is|are|means?)\b(?! (?:over|past|ended|finished|resolved)\b)"
                            r"|\bcounts? as a crisis\b", re.IGNORECASE)
# where one sentence joins two rules: a semicolon, or ", and" ("paid posts say #ad, and staff say…")
RULE_JOIN = re.compile(r";\s+(?![^()]*\))|,\s+and\s+")
# the disclosure rule's sentences for staff who post about the organisation
STAFF_RULE = re.compile(r"\b(?:staff|employees?|work(?:s)? (?:here|for us))\b", re.IGNORECASE)
# what every look does with the messages waiting: "Each look answers every message waiting…"
EACH_LOOK = re.compile(r"\b(?:each|every) (?:look|check)\b.*\b(?:answer|repl|respond)", re.IGNORECASE)
ALERT = re.compile(r"\balerts?\b", re.IGNORECASE)  # a keyword alert that wakes the on-call phone
ON_CALL = re.compile(r"\bon[- ]call\b", re.IGNORECASE)  # a phone someone holds out of hours
ON_CALL_ROLE = CONTACT_ROLES[0]  # "on-call phone"
RECALL = re.compile(r"\b(?:recall|surge|batch)", re.IGNORECASE)  # a crisis's own rota, not the nights
# a voice's rules for replies ("we sign…", "we never mock…"), not its description
VOICE_RULE = re.compile(r"\b(?:never|always|sign|don't|do not|must|avoid)\b", re.IGNORECASE)
# the words by which a crisis sentence gives someone on the rota a duty, besides the rota's names
ROTA_WORDS = ("whoever", "inbox", "rota")
RINGS = re.compile(r"\b(?:ring|call|phone|text)s?\b", re.IGNORECASE)  # whom to ring, said before the steps
# A step taken in the first minutes ("calls the on-call phone at once", "posts within 30 minutes"):
# whom to tell and what to do first, not the rota's part after the first hour; an emergency number
# or an ambulance is always the first minutes' (reader 161's "the rider or whoever sees it calls 911")
URGENT = re.compile(r"\b(?:at once|immediately|right away|straight away|within (?:the|an|one) hour|"
                    r"within (?:\d+|five|ten|fifteen|twenty|thirty) min(?:ute)?s|ambulance)\b|"
                    r"(?<![\d,.])(?:911|9-1-1|999|112|000)\b(?![,.]\d)", re.IGNORECASE)
BLANK = "________"  # a number to fill in by hand
BACK = "crisis"  # the section that starts the back of the two-sided sheet
BACK_TITLE = "In a crisis, in this order"
# What one printed side of the staff sheet holds, in words, a table row counted as TABLE_ROW_WORDS:
# Lumen's sheet (903 and 979) fills both sides of Letter to within 8 and 22 px; reader 157's
# everyday side (961) and reader 156's crisis side (1,028) ran onto another page. An estimate: a
# few words over Lumen's may already spill, and the consider asks only past these.
SIDE_WORDS = {"everyday side": 950, "crisis side": 1000}
TABLE_ROW_WORDS = 4
FRONT_FIELDS = {"Who answers (Community)": "community.who_answers", "Cover (Community)": "community.deputy",
                "Escalation (Community)": "community.escalation", "Voice and tone (Content)": "voice"}
BACK_FIELDS = {"Holding statement (Crisis)": "crisis.holding_statement",
               "Escalation (Crisis)": "crisis.escalation", "Pausing posts (Crisis)": "crisis.pause",
               "Account security (Crisis)": "crisis.account_security", "Disclosure (Crisis)": "disclosure"}
_STAFF_STYLE = "@media print{body{line-height:1.2}h2{font-size:11pt}}"  # two sides, as printed and pinned
STAFF_DOCX_POINTS = {"Normal": 9.5, "Title": 16, "Heading 1": 11}  # Word's type, as printed
STAFF_MARGINS_MM = (10, 12)  # top and bottom, then the sides, in print and in Word


def staff_sheet(plan: Plan) -> list[Section]:
    """Two sides for the staff who run the plan: on the front the rota (a row per run of days with
    the same shift), cover, the nights and the overnight alerts, who answers what and how, and
    where; on the back what counts as a crisis, the numbers to ring, who approves what we say, what
    to do first when an account is hacked (before the checklist, where it is read in time), the
    crisis checklist with the rota's part in it, and the disclosure rule with its line for staff,
    from the plan's own fields. The checklist opens with the holding statement, written and
    approved ahead so that it can go out at once, when the line on what counts as a crisis says
    whom to ring; else with whom to tell (`_first_two_steps`); either way whom to tell, a call
    that takes a minute, comes before the pause, which may take half an hour; what goes beyond
    the statement waits for an approver, named above the checklist as a role rather than a step."""
    team, crisis = plan.community, plan.crisis
    return [
        Section("rota", "The inbox rota", [_staffing_line(plan), Table(
            ("Day", "On the inbox, and when they look"), _rota_rows(plan)),
            [f"**Holidays and sickness**: {_day_cover(plan)}",
             *([f"**Closed**: {_closed(team)}"] if _closed(team) else []),
             f"**Out of hours**: {_out_of_hours(plan)}",
             f"**Overnight alerts**: {_alerts(plan)}"]]),
        Section("answers", "Who answers what", [[
            f"**Who answers**: {_who_answers(plan)}",
            f"**Every look**: {_every_look(team)}",
            f"**How we answer**: {_voice_rules(plan.voice)}",
            f"**Escalation**: {_brief(team.escalation, people=_people(plan))}"], Table(
            ("Channel", "Answer within", "Posts", "Who posts"),
            [(c.name, _promise_text(c, team), cadence_text(c) if c.posts else "none",
              c.owner.strip() or ("not written yet." if c.posts else "–"))
             for c in plan.channels])]),
        Section(BACK, BACK_TITLE, [[
            f"**What counts as a crisis**: {_crisis_meaning(plan)}",
            _numbers_to_ring(plan),
            "**Approves what we say**: "
            f"{_statement_where(crisis.approver, _statement_step(plan)).strip() or NOT_WRITTEN}",
            f"**Hacked or locked account, first**: {_account_first(crisis.account_security)}",
            *_first_two_steps(plan),
            f"**3. Pause every scheduled post**: {_brief(crisis.pause)}",
            *([f"**4. After the first hour**: {_rota_part(plan)}"]  # the rota's part
              if _rota_duties(plan) or not _in_steps(plan) else [])]]),
        Section("disclosure", "Disclosure", [_disclosure(plan.disclosure)]),
    ]


STATEMENT_ABOVE = re.compile(r"\b(holding statements?) (?:above|below)\b", re.IGNORECASE)


def _statement_where(text: str, where: str) -> str:
    """`text` with its "the holding statement above" pointing to where the page has it (`where`):
    reader 163's approver line said "above" on a director's page without one, and on the staff
    sheet before it."""
    return STATEMENT_ABOVE.sub(lambda found: f"{found[1]} ({where})", text)


def _statement_step(plan: Plan) -> str:
    """Where the staff sheet's checklist sends the holding statement: "the checklist's step 1 below"
    or step 2 (`_first_two_steps`; numbered steps of the learner's own may sit beside it)."""
    return f"the checklist's step {1 if RINGS.search(_crisis_meaning(plan)) else 2} below"


def _first_two_steps(plan: Plan) -> list[str]:
    """The checklist's first two steps: the holding statement, then whom to tell, when what counts
    as a crisis already says whom to ring (`RINGS`, Lumen's "ring the on-call phone"); else whom
    to tell first (reader 156's "the dog comes first … before anything is posted")."""
    statement = f"Send the holding statement**: {plan.crisis.holding_statement.strip() or NOT_WRITTEN}"
    tell = f"{'Tell and act, step by step' if _in_steps(plan) else 'Tell'}**: {_tell(plan)}"
    first, second = (statement, tell) if RINGS.search(_crisis_meaning(plan)) else (tell, statement)
    return [f"**1. {first}", f"**2. {second}"]


def _promise_text(channel: Channel, team: Community) -> str:
    """A channel's response promise as the staff sheet gives it: "4 staffed hours", and when it
    runs past a staffed day (`Community.window_hours`), the staffed days it takes: "24 staffed
    hours (3 days)" on a 9-hour day; "no promise" when none is written."""
    promise, typed = parse_amount(channel.response_hours), channel.response_hours.strip()
    if not typed:
        return "no promise"
    day = team.window_hours()
    if promise is None or not day or day <= 0 or promise <= day:
        return f"{typed} staffed hours"
    return f"{typed} staffed hours ({math.ceil(promise / day)} days)"  # staffed days: "working" overfills A4


def _closed(team: Community) -> str:
    """The weekdays the rota leaves unstaffed and the closed dates, a closure at a time
    (`closures`) with the day and time the inbox is answered again; "" when there are none."""
    staffed = staffed_days(team)
    weekly = [day for day in WEEKDAYS if day not in staffed] if staffed else []
    parts = [*([f"every {in_words(weekly)}: no looks"] if weekly else [])]
    for closure in closures(team):
        dates = [day_text(day.isoformat()) for day in closure.dates]
        shut = in_words(dates) if len(dates) <= 2 else f"{dates[0]} to {dates[-1]}"
        opens = team.day_window(WEEKDAYS[closure.reopens.weekday()])
        again = f" at {clock_text(opens[0])}" if opens else ""
        parts.append(f"{shut}: no looks and no posts, answered again from "
                     f"{WEEKDAYS[closure.reopens.weekday()]} {day_text(closure.reopens.isoformat())}{again}")
    return f"{'; '.join(parts)}; the last look before says when we answer again." if parts else ""


def _staffing_line(plan: Plan) -> str:
    """When the inbox is staffed, and how often it is looked at to keep the fastest promise
    (`Community.hours_needed` over the channels' response hours, at the minutes a look and a reply
    it assumes)."""
    team, promises = plan.community, plan.promises()
    if team.days <= 0 or not (team.opens.strip() and team.closes.strip()):
        return "When the inbox is staffed is not written yet (Community: days, opens, closes)."
    if not team.window_hours() or team.window_hours() < 0:
        return (f"The staffed hours, “{team.opens}” to “{team.closes}”, are not two times of day, "
                "the first the earlier: write them as 07:00 and 19:30 (Community: opens, closes).")
    days = "" if len(staffed_days(team)) == len(WEEKDAYS) else f" ({_staffed_days_text(team)})"
    staffed = f"Staffed {_amount(team.days, 'days a week')}{days}, {staffed_hours_text(team)}."
    if not promises:
        return f"{staffed} No response promise is written yet (Channels: answered within)."
    promise = min(promises.values())
    return (f"{staffed} The fastest promise is {_amount(promise, 'staffed hours')}: look through "
            f"every inbox at least every {_amount(promise, 'hours')}, "
            f"{team.looks_a_day(promise)} or more looks a day{_looks_on_other_days(team, promise)}, "
            f"{_tenths(team.hours_needed(promise))} of the "
            f"{_amount(team.staffed_hours, 'inbox hours a week')} "
            f"({CHECK_MINUTES}-minute looks, {_amount(team.minutes_per_reply, 'minutes a reply')}).")


def _looks_on_other_days(team: Community, promise: float) -> str:
    """The looks a day on the days with other hours, when they need fewer or more (" (Sun 2)")."""
    usual = team.looks_a_day(promise)
    others = [f"{day} {looks}" for day in staffed_days(team) if day in read_other_hours(team.other_hours)[0]
              and (looks := team.looks_a_day(promise, day)) != usual]
    return f" ({', '.join(others)})" if others else ""


def _rota_rows(plan: Plan) -> list[tuple[str, str]]:
    """The rota a row per run of staffed days in a row with the same shift: "Mon–Tue", then
    "Wed–Fri"... (a closed day between two ends the run)."""
    days = staffed_days(plan.community)
    shifts = {day: _shift(plan, plan.community.rota.get(day, ""), day) for day in days}
    return [(_run_text(run), shifts[run[0]]) for run in _day_runs(days, shifts.get)]


def _shift(plan: Plan, shift: str, day: str) -> str:
    """A rota day (`day`) as the person on it reads it: its look times as a clock writes them, or,
    when it names none, a look at least every fastest promise from that day's opening to closing."""
    team, promises = plan.community, plan.promises()
    shift = " ".join(shift.split())
    if not shift:
        return "nobody yet: not written yet."
    read = read_rota_day(shift)
    if read.has_times() or not promises or not team.window_hours() or team.window_hours() < 0:
        return read.text
    promise = min(promises.values())
    opens, closes = team.day_window(day)
    return (f"{shift}: a look at least every {_amount(promise, 'hours')} from {clock_text(opens)} to "
            f"{clock_text(closes)} ({team.looks_a_day(promise, day)} a day)")


def _sentences(text: str) -> list[str]:
    """The sentences of `text`, its spacing tidied; [] when it is blank. A sentence ends at a
    full stop, "!" or "?" before a space and a capital letter (or at the end), but not at a full
    stop after an abbreviation ("e.g.", "a.m.", "U.S.C."), a single capital letter ("J.") or a
    section number ("§ 5.", a list's "1."), nor inside a quotation (`_in_quote`)."""
    text = " ".join(text.split())
    sentences, start = [], 0
    for end in SENTENCE_END.finditer(text):
        if end[1] == "." and _abbreviated(text[start:end.start()]) or _in_quote(
                text[start:end.end()], text[end.end():]):
            continue
        sentences.append(text[start:end.end()].strip())
        start = end.end()
    return [*sentences, text[start:]] if text[start:] else sentences


def _in_quote(sentence: str, rest: str) -> bool:
    """Whether `sentence` ends inside a quotation (`QUOTES`) that `rest` closes: reader 164's "the
    line 'Not for sale to persons under the age of 18. Enjoy responsibly.'" is one sentence."""
    def count(mark, text):
        return text.count(mark) if isinstance(mark, str) else len(mark.findall(text))
    return any(count(opening, sentence) > count(closing, sentence) and count(closing, rest)
               for opening, closing in QUOTES)


def _abbreviated(before: str) -> bool:
    """Whether a full stop after `before` closes an abbreviation, an initial or a section number
    rather than a sentence."""
    word = before.rsplit(" ", 1)[-1].lstrip("(“\"‘'[")
    return (word.lower() in ABBREVIATIONS or bool(INITIALS.fullmatch(word))
            or bool(SECTION_NUMBER.search(before.strip())))


def _brief(text: str, words: int = STAFF_WORDS, people: frozenset[str] = frozenset(),
           most: int = MOST_DUTY_WORDS) -> str:
    """`text` as long as the sheet allows: whole when it fits in `words` words, else its duties
    (`_is_duty`, `people` the plan's names) while they fit in `most` words, its description left
    out; else its opening sentences that fit in `words`, else the first sentence's clauses, else
    its first `words` words, a cut inside a sentence marked "…"; "not written yet." when blank."""
    text = " ".join(text.split())
    if not text:
        return NOT_WRITTEN
    if len(text.split()) > words and (
            duties := _within([s for s in _sentences(text) if _is_duty(s, people)], most)):
        return " ".join(duties)
    return _opening(text, words)


def _opening(text: str, words: int) -> str:
    """The opening of `text` within `words` words: whole when it fits, else its opening sentences
    that fit, else the first sentence's clauses, else its first `words` words, a cut inside a
    sentence marked "…"."""
    text = " ".join(text.split())
    if len(text.split()) <= words:
        return text
    if opening := _fitting(_sentences(text), words):
        return " ".join(opening)
    if clauses := _fitting(text.split("; "), words):
        return "; ".join(clauses).rstrip(".;") + "…"
    return " ".join(text.split()[:words]) + "…"


def _is_duty(sentence: str, people: frozenset[str] = frozenset()) -> bool:
    """Whether `sentence`, a whole one, says who does what (a role, "we", one of `people`), sends work
    to someone ("go to", `ROUTING`), is a rule ("never", "must", "nobody", a label) or a step for
    one kind of crisis (`LABELLED_STEP`, reader 160's "Storm: follow…"), rather than
    description: a price (`_prices`; an amount alone may be a rule's limit), an assumption or a
    reason ("So…") that sets no rule. A run of words with no sentence end is no
    duty, to be cut where it passes the sheet's words."""
    aside_free = re.sub(r"\([^)]*\)", "", sentence)
    if (not SENTENCE_END.search(sentence) or _prices(sentence) or ASSUMED.search(aside_free)
            or (REASON.match(sentence) and not RULE.search(sentence))):
        return False
    return _names(sentence, people) or bool(ACTOR.search(sentence) or ROUTING.search(sentence)
                                            or RULE.search(sentence) or LABELLED_STEP.match(sentence))


def _prices(sentence: str) -> bool:
    """Whether `sentence` prices something (`COST` words beside a sum in a currency, a rate "18.75
    an hour" or a total "900 in all"), which a desk sheet leaves to the budget; "paid as overtime"
    with no sum is a duty."""
    return bool(COST.search(sentence) and (MONEY.search(sentence) or RATE.search(sentence)))


def _names(sentence: str, people: frozenset[str]) -> bool:
    """Whether `sentence` names one of `people`."""
    return any(re.search(rf"\b{re.escape(name)}\b", sentence) for name in people)


def _within(pieces: list[str], words: int) -> list[str]:
    """`pieces` in order, each kept while all kept so far hold at most `words` words (one that
    would pass it is left out, and the later ones still tried)."""
    kept: list[str] = []
    for piece in pieces:
        if len(" ".join([*kept, piece]).split()) <= words:
            kept.append(piece)
    return kept


def _fitting(pieces: list[str], words: int) -> list[str]:
    """The first `pieces` that together hold at most `words` words."""
    kept: list[str] = []
    for piece in pieces:
        if len(" ".join([*kept, piece]).split()) > words:
            break
        kept.append(piece)
    return kept


def _duties(sentences: list[str], people: frozenset[str] = frozenset(),
            most: int = MOST_DUTY_WORDS) -> str:
    """`sentences` whole when they fit in `DUTY_WORDS` words, else as `_brief` cuts them (their
    duties kept, within `most` words); "" when there are none."""
    return _brief(" ".join(sentences), DUTY_WORDS, people, most) if sentences else ""


def _people(plan: Plan) -> frozenset[str]:
    """The names of the people the plan puts on the rota, gives a number to ring, splits the hours
    by (`Budget.hours_by_person`) or has make a channel's posts."""
    return frozenset(re.findall(NAME, " ".join(
        [*plan.community.rota.values(), *plan.community.contacts.values(),
         *plan.budget.hours_by_person, *(channel.owner for channel in plan.channels)])))


def _desk_texts(plan: Plan) -> list[str]:
    """The sentences of who answers, cover and the crisis escalation, where the nights are planned
    (reader 157 planned its evening checks under cover)."""
    team = plan.community
    return [*_sentences(team.who_answers), *_sentences(plan.crisis.escalation), *_sentences(team.deputy)]


def _day_cover(plan: Plan) -> str:
    """Cover for holidays and sickness (`_brief`), without the sentences the nights' and the
    alerts' lines print (`_night`, `ALERT`)."""
    night = set(_night(plan))
    day = " ".join(sentence for sentence in _sentences(plan.community.deputy)
                   if sentence not in night and not ALERT.search(sentence))
    return _brief(day or plan.community.deputy, 70, _people(plan))


def _night(plan: Plan) -> list[str]:
    """The sentences of who answers and the crisis escalation about the closed hours (night checks,
    a phone taken home): those that say "out of hours" or "overnight" (`CLOSED_HOURS`), give a
    time outside the staffed hours or one from closing on ("after 17:30"), leaving the alerts and a
    crisis's own rota (`RECALL`) to their lines; of cover, only those that say so (its times are
    shifts: reader 156's "Tyler (07:00 to 15:30) takes her looks" is no night)."""
    opens, closes = parse_clock(plan.community.opens), parse_clock(plan.community.closes)
    if opens is None or closes is None:
        return []

    def outside(sentence: str) -> bool:
        return bool(CLOSED_HOURS.search(sentence)) or any(
            not opens <= hours + minutes / 60 <= closes
            or (after and hours + minutes / 60 >= closes)
            for after, hours, minutes in ((after, int(h), int(m))
                                          for after, h, m in AFTER_TIME.findall(sentence)))

    cover = set(_sentences(plan.community.deputy))  # its times are shifts: it says "out of hours"
    return [sentence for sentence in _desk_texts(plan)
            if (CLOSED_HOURS.search(sentence) if sentence in cover else outside(sentence))
            and not ALERT.search(sentence) and not RECALL.search(sentence)]


def _out_of_hours(plan: Plan) -> str:
    """What happens while the inbox is closed: the night's sentences (`_night`), as many as fit,
    else that nobody looks but for the alerts' line, if it has any (reader 161's "At 23:30 … checks
    …; the on-call phone gets … alerts" printed beside "Nobody looks"); then the longest a message
    waits on the clock (`longest_wait`)."""
    if parse_clock(plan.community.opens) is None or parse_clock(plan.community.closes) is None:
        return NOT_WRITTEN
    night = _without_label(_duties(_night(plan), _people(plan))) or (
        "Nobody works the inbox while it is closed, but for the overnight alerts and checks below: "
        "other messages wait for the next day's first look." if _alert_duties(plan) else
        "Nobody looks while the inbox is closed: messages wait for the next day's first look.")
    return f"{night} {_longest_wait_text(plan.community)}".strip()


def _without_label(text: str) -> str:
    """`text` without an opening "Out of hours," that the line's label says already."""
    text = re.sub(r"^out of hours,?\s+", "", text, flags=re.IGNORECASE)
    return text[:1].upper() + text[1:]


def _longest_wait_text(team: Community) -> str:
    """The longest wait when it runs over a closed day, for the staff and the director alike: "A
    message after Sat's last look (15:30) waits for Tue's first (09:00): 65.5 hours, the longest
    wait." "" without one, or when it is a night (a business staffed every day); "in a usual
    week, closed dates aside" when the plan has some (reader 156's closed Mondays made 63.25 hours
    of 39.25)."""
    wait = longest_wait(team)
    if wait is None or wait.hours <= 24:
        return ""
    usual = " in a usual week, closed dates aside" if team.closed_on() else ""
    return (f"A message after {wait.day}'s last look ({clock_text(wait.start)}) waits for "
            f"{wait.end_day}'s first ({clock_text(wait.end)}): {wait.hours:g} hours, the longest wait"
            f"{usual}.")


def _alerts(plan: Plan) -> str:
    """What reaches the on-call phone between the last look and the first: the sentences of who
    answers and the crisis escalation about an alert (`ALERT`), or that none is planned, and, when
    the plan has an on-call phone (`_ring_numbers`), that it takes calls only (readers 160, 163 and
    164: "none planned" beside a key-holder or a 24-hour call-out read as nobody there at night)."""
    if duties := _alert_duties(plan):
        return duties
    if ON_CALL_ROLE in _ring_numbers(plan):  # the texts send staff to an on-call phone
        return ("none planned: the on-call phone takes calls, and posts, comments and messages wait "
                "for the first look.")
    return "none planned."


def _alert_duties(plan: Plan) -> str:
    """The sentences of who answers and the crisis escalation about an alert (`ALERT`); "" when none."""
    return _duties([sentence for sentence in _desk_texts(plan) if ALERT.search(sentence)], _people(plan))


def _who_answers(plan: Plan) -> str:
    """Who shares the inbox: who answers, as `_brief` gives it, without what every look does and
    the nights (their own lines: reader 160's on-call nights printed twice)."""
    night = set(_night(plan))
    own = [sentence for sentence in _sentences(plan.community.who_answers) if not EACH_LOOK.search(sentence)]
    day = [sentence for sentence in own if sentence not in night] or own  # all night: keep them
    return _brief(" ".join(day), people=_people(plan))


def _every_look(team: Community) -> str:
    """What every look does with the messages waiting: who answers' sentences that say so."""
    said = " ".join(sentence for sentence in _sentences(team.who_answers) if EACH_LOOK.search(sentence))
    return _brief(said) if said else ("not written yet (Community: who answers, say what each "
                                      "look does with the messages waiting).")


def _voice_rules(voice: str) -> str:
    """How staff sound when they answer: the voice whole when it fits, else its rules
    (`VOICE_RULE`)."""
    if not voice.strip():
        return "not written yet (Voice: how you sound, and the rules every reply keeps)."
    rules = " ".join(sentence for sentence in _sentences(voice) if VOICE_RULE.search(sentence))
    return _brief(voice if len(voice.split()) <= STAFF_WORDS or not rules else rules)


def _rota_duties(plan: Plan) -> list[str]:
    """What the people on the rota do in a crisis after the first telling (`_first_call`: a surge rota,
    ringing the buyers): the crisis escalation's other sentences that name someone on the rota, whoever
    holds a look or the inbox (`ROTA_WORDS`), other than the nights, the alerts, what counts as a crisis
    and the steps of the first minutes (`URGENT`, reader 157's "whoever sees a crisis calls the on-call
    phone at once" is whom to tell); and, after the one about the surge, the budget's surge sentences that
    name the plan's people (`_people`) with a time of day or a day of the week: who takes which shift, who
    rests which day, who stands in for whom. Numbered steps stay whom to tell, in their order."""
    names = set(re.findall(NAME, " ".join(plan.community.rota.values())))
    named = re.compile(rf"\b(?:{'|'.join(sorted(names | set(ROTA_WORDS)))})\b", re.IGNORECASE)
    night, steps = _night(plan), _in_steps(plan)
    duties = [sentence for sentence in _sentences(plan.crisis.escalation)
              if sentence != _first_call(plan) and named.search(sentence) and sentence not in night
              and sentence not in steps
              and not ALERT.search(sentence) and not CRISIS_MEANING.search(sentence)
              and not URGENT.search(sentence)]
    shifts = [sentence for sentence in _sentences(plan.budget.surge)
              if _names(sentence, _people(plan)) and not _prices(sentence)
              and (TIME_OF_DAY.search(sentence) or WEEKDAY.search(sentence))]
    surge = next((number + 1 for number, sentence in enumerate(duties)
                  if re.search(r"\bsurge\b", sentence, re.IGNORECASE)), len(duties))
    return [*duties[:surge], *shifts, *duties[surge:]]


def _numbered_steps(text: str) -> list[list[str]]:
    """The sentences of `text`'s numbered steps ("1. Anyone hurt: 000 first.", "2) …"), each step
    with the sentences after it up to the next but what counts as a crisis (`CRISIS_MEANING`), when
    it numbers at least two from 1 in order; [] otherwise. The staff sheet keeps them in their order
    (readers 163 and 164 found "2. … rings the on-call phone" under "4. After the first hour")."""
    steps: list[list[str]] = []
    for sentence in _sentences(text):
        if number := STEP_NUMBER.match(sentence):
            if int(number[1]) != len(steps) + 1:
                return []
            steps.append([sentence])
        elif steps and not CRISIS_MEANING.search(sentence):
            steps[-1].append(sentence)
    return steps if len(steps) >= 2 else []


def _in_steps(plan: Plan) -> set[str]:
    """The crisis escalation's sentences in its numbered steps (`_numbered_steps`)."""
    return {sentence for step in _numbered_steps(plan.crisis.escalation) for sentence in step}


def _first_call(plan: Plan) -> str:
    """The first telling: the crisis escalation's first sentence that does not say what a crisis is
    (`CRISIS_MEANING`, its own line), "Whoever is on the rota rings Dan, then…"."""
    return next((sentence for sentence in _sentences(plan.crisis.escalation)
                 if not CRISIS_MEANING.search(sentence)), "")


def _tell(plan: Plan) -> str:
    """Whom to tell: the first telling (`_first_call`) and the crisis escalation's other sentences,
    without those of the rota's part, the nights, the alerts and what counts as a crisis (their
    own lines); numbered steps whole and in order, with the rota part's room too."""
    elsewhere, steps = {*_rota_duties(plan), *_night(plan)}, _in_steps(plan)
    return _brief(" ".join(
        sentence for sentence in _sentences(plan.crisis.escalation)
        if sentence == _first_call(plan) or sentence in steps
        or not (sentence in elsewhere or ALERT.search(sentence) or CRISIS_MEANING.search(sentence))),
        people=_people(plan), most=TELL_WORDS + (ROTA_PART_WORDS if steps else 0))


def _rota_part(plan: Plan) -> str:
    """The rota's part in a crisis (`_rota_duties`), as many sentences as fit on the back."""
    return _duties(_rota_duties(plan), _people(plan), ROTA_PART_WORDS) or (
        "not written yet (Crisis: escalation, say what the people on the rota do after the first "
        "hour: who rings whom, who takes the inbox).")


def _account_first(security: str) -> str:
    """What to do first when an account is hacked or locked: the sentences of the account
    security policy that say so, else its opening."""
    trouble = [sentence for sentence in _sentences(security) if ACCOUNT_TROUBLE.search(sentence)]
    return _brief(" ".join(trouble) or security)


def _crisis_meaning(plan: Plan) -> str:
    """What counts as a crisis: the first sentence that says so (`CRISIS_MEANING`) in the crisis
    escalation, the pause or the complaint escalation, its leading "A crisis is" dropped."""
    texts = (plan.crisis.escalation, plan.crisis.pause, plan.community.escalation)
    meaning = next((sentence for text in texts for sentence in _sentences(text)
                    if CRISIS_MEANING.search(sentence)), "")
    if not meaning:
        return "not written yet (Crisis: escalation, say what counts as one)."
    meaning = re.sub(r"^(?:a|any) crisis is\s+", "", meaning, flags=re.IGNORECASE)
    return _brief(meaning[0].upper() + meaning[1:], CRISIS_MEANING_WORDS)


def staff_sheet_gaps(plan: Plan) -> list[tuple[str, str, str]]:
    """The staff sheet's lines that read a sentence out of a written text and find none, as (part,
    field, what to write): what every look does (`_every_look`), the disclosure's two lines
    (`_disclosure`), what counts as a crisis (`_crisis_meaning`) and the rota's part in one
    (`_rota_part`); `plan.check` gives each as a consider, so a plan it passes prints no line "not
    written yet"."""
    gaps = []
    if plan.community.who_answers.strip() and _every_look(plan.community).startswith(
            "not written yet"):
        gaps.append(("community", "community.who_answers", "Say what each look does with the "
                     "messages waiting, in a sentence of its own (“Each look answers every message "
                     "waiting, hides spam and passes complaints on”): the staff sheet prints it."))
    always, yourself = _disclosure(plan.disclosure)
    if always.endswith(NOT_WRITTEN):
        gaps.append(("disclosure", "disclosure", "Say how gifted and paid posts are labelled in a "
                     "sentence of its own, apart from staff's own posts: the staff sheet prints it "
                     "under “Always”."))
    if yourself.endswith(NOT_WRITTEN):
        gaps.append(("disclosure", "disclosure", "Say what staff do when they post about you "
                     "(“staff say they work here”): the staff sheet prints it for them."))
    if plan.crisis.escalation.strip():
        if _crisis_meaning(plan).startswith("not written yet"):
            gaps.append(("crisis", "crisis.escalation", "Say what counts as a crisis (“A crisis is "
                         "a complaint about safety, or…”): the staff sheet prints it first."))
        if dropped := [sentence for field, sentence in staff_sheet_left_out(plan)
                       if field == "Crisis: escalation" and _is_duty(sentence, _people(plan))]:
            gaps.append(("crisis", "crisis.escalation", f"The staff sheet's crisis side has room for "
                         f"only some of the escalation's steps and leaves out {len(dropped)} "
                         f"(“{_opening(dropped[0], 12)}”): shorten the steps, or move what is "
                         "not for the first hours to the full plan's other parts."))
        if not _rota_duties(plan) and not _in_steps(plan):
            gaps.append(("crisis", "crisis.escalation", "Say what the people on the rota do after "
                         "the first call (who takes the inbox, who rings whom), naming them: the "
                         "staff sheet prints it as step 4, “After the first hour”."))
    return [*gaps, *_sides_too_long(plan)]


def _sides_too_long(plan: Plan) -> list[tuple[str, str, str]]:
    """A gap for each side of the staff sheet longer than a printed side holds (`SIDE_WORDS`, a
    table row counted as `TABLE_ROW_WORDS` words), pointing to the longest text printed on it."""
    front, back = staff_markdown(plan).split(f"\n## {BACK_TITLE}", 1)
    gaps = []
    for side, text, fields in (("everyday side", front, FRONT_FIELDS), ("crisis side", back, BACK_FIELDS)):
        words = len(text.split()) + TABLE_ROW_WORDS * text.count("\n|")
        if words > SIDE_WORDS[side]:
            label, where = max(fields.items(), key=lambda item: len(_field_text(plan, item[1]).split()))
            longest = len(_field_text(plan, where).split())
            gaps.append((where.split(".")[0], where, f"The staff sheet's {side} runs to about {words:,} "
                         f"words with its tables, more than one printed side holds (about "
                         f"{SIDE_WORDS[side]:,}): shorten {label} ({longest} words), the longest text on "
                         "it, then print the sheet to check it keeps to two pages."))
    return gaps


def _field_text(plan: Plan, where: str) -> str:
    """The text of a field named as `plan.check` names it ("crisis.pause", "voice")."""
    part, _, name = where.rpartition(".")
    return getattr(getattr(plan, part) if part else plan, name)


def _ring_numbers(plan: Plan) -> dict[str, str]:
    """The numbers to ring by role (`Community.contacts`), "" for each not given; the on-call phone
    only when it has a number or the community's or crisis texts give one (`ON_CALL`, `ALERT`)."""
    team = plan.community
    numbers = {role: " ".join(team.contacts.get(role, "").split()) for role in CONTACT_ROLES}
    texts = (team.who_answers, team.escalation, plan.crisis.pause, plan.crisis.escalation)
    if not numbers[ON_CALL_ROLE] and not any(ON_CALL.search(text) or ALERT.search(text) for text in texts):
        del numbers[ON_CALL_ROLE]
    return numbers


def blank_numbers(plan: Plan) -> list[str]:
    """The roles whose number to ring the staff sheet leaves blank, to fill in by hand."""
    return [role for role, number in _ring_numbers(plan).items() if not number]


def _numbers_to_ring(plan: Plan) -> str:
    """The numbers to ring by role (`_ring_numbers`), a blank to fill in for each not given."""
    numbers = _ring_numbers(plan)
    fill_in = " (fill in)" if not all(numbers.values()) else ""
    return f"**Numbers to ring**{fill_in}: " + "; ".join(
        f"{role} {number or BLANK}" for role, number in numbers.items())


def _disclosure(rule: str) -> list[str]:
    """The disclosure rule for the desk: its opening as long as fits, and, whole, its sentences for
    staff who post about the organisation (`STAFF_RULE`); a sentence that opens with a rule for
    everyone and goes on to staff ("Gifted posts say #ad; staff say they work here") is split where
    it turns to them (`RULE_JOIN`)."""
    parts = []
    for sentence in _sentences(rule):
        joins = list(RULE_JOIN.finditer(sentence))
        turn = next((join for join in joins if STAFF_RULE.search(sentence[join.end():])
                     and not STAFF_RULE.search(sentence[:join.start()])), None)
        parts += [_as_sentence(sentence[:turn.start()].strip()),
                  _as_sentence(sentence[turn.end():].strip())] if turn else [sentence]
    staff = [part for part in parts if STAFF_RULE.search(part)]
    others = " ".join(part for part in parts if not STAFF_RULE.search(part))
    return [f"**Always**: {_brief(others)}",
            f"**Posting about us yourself**: {' '.join(staff) or NOT_WRITTEN}"]


def _as_sentence(text: str) -> str:
    """`text` with a capital first letter and a full stop (a clause standing alone)."""
    return f"{text[:1].upper()}{text[1:]}{'' if text.endswith(('.', '!', '?')) else '.'}"


def staff_title(plan: Plan) -> str:
    return f"Staff sheet: {plan.organisation.strip() or 'my organisation'}"


def _staff_opening(plan: Plan) -> str:
    start = f" from {day_text(plan.start.strip())}" if plan.start.strip() else ""
    return f"Pin both pages side by side by the desk: the plan day to day{start}; a crisis on page 2."


def staff_markdown(plan: Plan) -> str:
    """The staff sheet as Markdown, a rule where the back starts."""
    return _sheet_markdown(staff_title(plan), _staff_opening(plan), staff_sheet(plan), BACK)


# The texts the staff sheet reads sentences out of, by the builder's field names.
STAFF_SOURCES = {"Community: who answers": ("community", "who_answers"),
                 "Community: escalation": ("community", "escalation"),
                 "Community: holidays and sickness": ("community", "deputy"),
                 "Voice": (None, "voice"),
                 "Crisis: holding statement": ("crisis", "holding_statement"),
                 "Crisis: pause": ("crisis", "pause"),
                 "Crisis: escalation": ("crisis", "escalation"),
                 "Crisis: account security": ("crisis", "account_security"),
                 "Budget: surge": ("budget", "surge"),
                 "Disclosure": (None, "disclosure")}

# What the sheet keeps of the fields it reads narrowly, and where a duty it leaves out belongs
STAFF_KEEPS = {"Voice": ("the rules every reply keeps (sentences with never, always, must, avoid or sign)",
                         "Community: who answers"),
               "Crisis: account security": ("what to do when an account is hacked, locked, lost or stolen",
                                            "Community: who answers"),
               "Budget: surge": ("who takes which shift, rests which day or stands in for whom (sentences "
                                 "that name your people with a time or a day)", "Crisis: escalation")}


def staff_sheet_left_out(plan: Plan) -> list[tuple[str, str]]:
    """The sentences of the texts the staff sheet reads (`STAFF_SOURCES`) that it leaves out, as
    (field, sentence): descriptions, assumptions, prices and what does not fit, which the full plan
    and the director's page keep. A sentence counts as on the sheet when its last five words are,
    in any case (the sheet may drop a sentence's opening words, "A crisis is", or split it where
    it joins two rules). Of the surge, a budget text whose sums are the budget's, only its duties
    (`_is_duty`: reader 159 found Lumen's rule for a surge in a week away left out unsaid)."""
    sheet = " ".join(staff_markdown(plan).replace("*", "").split()).lower()
    left = []
    for label, (part, name) in STAFF_SOURCES.items():
        text = getattr(getattr(plan, part) if part else plan, name)
        for sentence in _sentences(text):
            if " ".join(sentence.split()[-5:]).lower().rstrip(".") not in sheet and (
                    part != "budget" or _is_duty(sentence, _people(plan))):
                left.append((label, sentence))
    return left


def staff_html(plan: Plan, paper: str = "A4") -> str:
    """The staff sheet as a standalone HTML page that prints on the two sides of a sheet of
    `paper` ("A4" or "Letter"), the crisis starting the back; everything the learner typed is
    escaped."""
    return _sheet_html(staff_title(plan), _staff_opening(plan), staff_sheet(plan), BACK, paper,
                       STAFF_MARGINS_MM, _STYLE + _STAFF_STYLE)


def staff_docx(plan: Plan) -> bytes:
    """The staff sheet as a Word document, the crisis starting the back, its margins and type as
    small as the printed page's so that each side fits a page."""
    return _sheet_docx(staff_title(plan), _staff_opening(plan), staff_sheet(plan), BACK, STAFF_MARGINS_MM,
                       STAFF_DOCX_POINTS)


# A short document made of a few parts (the staff sheet, the director's version), in each format: its
# heading, an opening paragraph, and its parts, the part `new_page` starting a new page.

def _sheet_markdown(heading: str, opening: str, parts: list[Section], new_page: str) -> str:
    """The document as Markdown, a rule where the part `new_page` starts."""
    return "\n\n".join([f"# {heading}", opening, *(
        ("---\n\n" if section.part == new_page else "") + _section_markdown(section)
        for section in parts)]) + "\n"


def _sheet_html(heading: str, opening: str, parts: list[Section], new_page: str, paper: str,
                margins: tuple[float, float], style: str, fill_first: bool = False) -> str:
    """The document as a standalone HTML page that prints on `paper` with `margins` (mm, as
    `_html_page` takes them) and `style`, the part `new_page` starting a page; every text escaped.
    With `fill_first`, what comes before `new_page` is a first page at least a page tall
    (`FIRST_PAGE_SLACK_MM` short of it) instead: alone on its page when it fits, and when it runs
    over, `new_page` follows it on the second rather than leaving that one nearly empty (readers 160
    and 161's directors' pages printed four pages, the second holding a bullet)."""
    body = [f"<h1>{html.escape(heading)}</h1>", f"<p>{html.escape(opening)}</p>"]
    for section in parts:
        if section.part == new_page and fill_first:
            body = ['<div class="first-page">', *body, "</div>"]
        starts = ' class="new-page"' if section.part == new_page and not fill_first else ""
        body.append(f"<h2{starts}>{html.escape(section.title)}</h2>")
        body.extend(_html_block(block) for block in section.blocks)
    if fill_first:
        tall = PAPER_HEIGHT_MM[paper] - 2 * margins[0] - FIRST_PAGE_SLACK_MM
        style += f"@media print{{.first-page{{min-height:{tall:g}mm}}}}"
    return _html_page(heading, paper, margins, style, body)


def _sheet_docx(heading: str, opening: str, parts: list[Section], new_page: str,
                margins: tuple[float, float], points: dict[str, float]) -> bytes:
    """The document as Word, the part `new_page` starting a page, its top and bottom, and side
    `margins` (mm) and its styles' type (`points`) as the printed page's, on A4 (`_a4_document`)."""
    document = _a4_document()
    for page in document.sections:
        page.top_margin = page.bottom_margin = docx.shared.Mm(margins[0])
        page.left_margin = page.right_margin = docx.shared.Mm(margins[1])
    for style, size in points.items():
        document.styles[style].font.size = docx.shared.Pt(size)
    document.add_heading(heading, level=0)
    document.add_paragraph(opening)
    for section in parts:
        if section.part == new_page:
            document.add_page_break()
        document.add_heading(section.title, level=1)
        for block in section.blocks:
            _docx_block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _staff_documents(plan: Plan, path: Path) -> dict[Path, str | bytes]:
    """The staff sheet's files beside the save file `path`, as `export` writes them."""
    return {path.with_suffix(".staff.md"): staff_markdown(plan),
            path.with_suffix(".staff.html"): staff_html(plan),
            path.with_suffix(".staff.letter.html"): staff_html(plan, "Letter"),
            path.with_suffix(".staff.docx"): staff_docx(plan)}



# ------------------------------------------------------------------------------ director's version

DIRECTOR_WORDS = 80  # the most words of a text the director's version gives whole; a longer one is shortened
RETURNS_WORDS = 50  # the most words of what the plan earns and loses, on the first page (`_returns`)
# a sentence of the case's figures that says what the plan earns back, saves or loses
RETURNS = re.compile(r"\b(?:earns?|earned|pays? back|paid back|payback|saves?|saving|loses?|lost|"
                     r"returns?|break[- ]?even|profits?)\b", re.IGNORECASE)
# a sentence that puts a sum to what the plan earns or loses: "earns back 5,000", "loses 31,000",
# "48,000 short" (not "an extra order earns, after three months", nor what an option saves)
NUMBER = re.compile(r"\d")  # an aside with one carries a figure, which the director's version keeps
# the odds a gate calls wrong ("the case's path under 1 in 100", "a 1 in 3 chance"): the full plan's;
# not a count in a year ("290 in 2026")
ODDS = re.compile(r"\b\d+ in (?!(?:19|20)\d\d\b)\d+\b|\b(?:chances?|odds)\b", re.IGNORECASE)
# what the case says the cheaper option saves: "3,080 of cash" (and what that is made of, when an
# aside follows: "(promotion 2,400, …)"), "2.68 moved hours", and drops
SAVES = re.compile(r"\bsav(?:es|ing)\b", re.IGNORECASE)
SAVED_CASH = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s+(?:[A-Z]{3}\s+)?(?:a year\s+)?of (?:cash|new money)\b"
                        r"(?:\s*\(([^()]*)\))?")
# a sum of money, when the case says no more of what it saves: "1,200 GBP", "£1,200", "1,200 a year"
SAVED_SUM = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s+[A-Z]{3}\b|[£$€]\s?(\d[\d,]*(?:\.\d+)?)"
                       r"|(\d[\d,]*(?:\.\d+)?)\s+a year\b")
SAVED_HOURS = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s+(?:moved |people |staff )?hours?\b"  # "1 moved hour"
                         r"(?:\s+(?:a|per)\s+(week|month|year))?")
WEEKS_IN = {None: 1, "week": 1, "month": 52 / 12, "year": 52}  # saved hours are a week's: "a year" ÷ 52
DROPS = re.compile(r"\b(without\b[^:;]*?),?\s+(?:saves|costs)\b")
LOSES = re.compile(r"\b(?:loses|gives up)\s+(?!about\b|[$£€]?\d)(.+?)\.?$")  # what, not a sum
# how the director's objectives are judged, under their table
JUDGED = ("**How they are judged**: at each date, the mean of the months or weeks by it meets the "
          "target or misses it; with no real change, chance alone keeps it within the ± of the baseline 19 "
          "times in 20, so a smaller move is no clear change. The ± is twice a period's usual wobble "
          "(the plan's spread, or chance's if larger) over √periods.")
ASSUMED_NOTE = " An assumed baseline is not yet measured, nor its spread."
AFTER_SUMMARY = "objectives"  # the director's version's part that starts the second page
FIRST_PAGE_SLACK_MM = 3  # the first page's least height short of a page: no heading fits in it
# the full plan's parts (`sections`) that give those texts whole
COMMUNITY_PART, BUDGET_PART, CRISIS_PART = 9, 12, 10
UNWATCHED = re.compile(r"\bnobody\b|\bno alert", re.IGNORECASE)  # what nobody watches at night
DIRECTOR_DOCX_POINTS = {"Normal": 9.5, "Title": 15, "Heading 1": 12, "Heading 2": 10.5}  # as printed
_DIRECTOR_STYLE = ("h3{break-after:avoid}@media print{h3{font-size:10.5pt;margin:0.5em 0 0.2em}"
                   "th,td{padding:0.1em 0.5em}}"
                   # the money box's labels, and its first stage's, on two lines at most
                   ".first-page table:first-of-type th:first-child{width:14.5em}"
                   ".first-page table:first-of-type th:nth-child(2){width:10em}")
# The budget table's rows the director's version keeps: the people and their cost, the costs
# besides and the total (not the other work's breakdown, the case's figures, or the new money and
# the added cost, which the first page's money box gives).
DIRECTOR_BUDGET = ("People", "Of which spent on social today", "People cost", "Other costs", "Tools",
                   "Paid promotion", "Surge contingency", "Total a year")


def director_brief(plan: Plan) -> list[Section]:
    """Two or three pages for the director who approves the plan, each thing said once: on the
    first the executive summary in the director's order (`_director_summary`: the decision first,
    with its money box); then every objective (the first page points to them), what the plan costs
    (part 12's budget table, its details as short as a summary's cell, its total saying what of it
    is spent today), what the new money buys, the first stage, the plan beside the cheaper option
    (`_cheaper_option`), what the first page leaves out of the payback and returns
    (`_more_returns`, which says where the gates are whole when the first page leaves out their
    asides without figures or with the odds, `_director_gate`), then who approves in a crisis and
    what a surge costs. A text longer than `DIRECTOR_WORDS` is shortened at a sentence
    (`_in_brief`) and says where the full plan has it whole; the calendar, voice, pillars, channels
    and rota are left to the full plan and the staff sheet, the reports to the first page's first
    report."""
    budget, crisis = plan.budget, plan.crisis
    ask = budget.case.strip().partition("\n\n")[0]
    more = _more_returns(plan)
    return [
        _director_summary(plan),
        Section(AFTER_SUMMARY, "The objectives", _judged_objectives(plan)),
        Section("money", "What it costs and what it returns", [
            _director_budget(plan),
            list(map(day_text, [
                *([f"**What the new money buys**: {_in_brief(ask, BUDGET_PART)}"] if ask else []),
                *_moved_line(plan.budget, lambda text: _in_brief(text, BUDGET_PART)),
                _stage_line(plan)])),
            *_cheaper_option(plan),
            *([[day_text(f"**More on payback and returns**: {more}")]] if more else [])]),
        Section("crisis", "In a crisis: who decides", [list(map(day_text, [
            "**Approves what we say**: "
            f"{_statement_where(_in_brief(crisis.approver, CRISIS_PART), 'on the staff sheet')}",
            f"**Out of hours**: {_director_out_of_hours(plan)}",
            f"**Surge reserve**: {_surge_line(plan)}"]))]),
    ]


def _director_summary(plan: Plan) -> Section:
    """The first page of the director's version: the decision first (`_decision`, with what the
    plan returns and what the director also commits to), then the goal and where the objectives
    are, then the top risks, opening with what the case rests on (`_premises_risk`) and its main
    risk (`_main_risk`), each part under its own heading."""
    return Section("summary", "Executive summary", [
        Subheading("Decision needed"), *_decision(plan, for_director=True),
        Subheading("Goal and objectives"), *_goal(plan), _objectives_pointer(plan),
        Subheading("Top risks"), [_premises_risk(plan), *_main_risk(plan), *_summary_risks(
            plan, "listed in the full plan, under Still open", for_director=True)]])


MAIN_RISK = re.compile(r"\b(?:main|biggest|chief|key|greatest) risk\b", re.IGNORECASE)


def _main_risk(plan: Plan) -> list[str]:
    """The case's sentences on its main risk (`MAIN_RISK`), whole, as a top risk: readers 163 and
    164 wrote "The main risk is that…" and found it on no page of the director's version; not when
    what the new money buys gives it already."""
    shown = _in_brief(plan.budget.case.strip().partition("\n\n")[0], BUDGET_PART)  # what it buys
    said = [sentence for sentence in _sentences(plan.budget.case)
            if MAIN_RISK.search(sentence) and sentence not in shown]
    return [day_text(f"**The main risk, as the case says**: {' '.join(said)}")] if said else []


def _director_out_of_hours(plan: Plan) -> str:
    """Who hears of a complaint while the inbox is closed, as a director asks it: the night's first
    duty (`_night`), the one on the on-call phone when there is one, or that nobody looks; the
    first sentence of the alerts (`_alerts`) and those that say what nobody watches (`UNWATCHED`),
    who is rung first in a crisis when neither names an on-call phone (`_crisis_call`), then the
    longest wait over a closed day; where the full plan says more, a pointer to the parts that do
    (9 for who answers, 10 for the crisis escalation)."""
    team = plan.community
    if parse_clock(team.opens) is None or parse_clock(team.closes) is None:
        return NOT_WRITTEN
    night = _sentences(_duties(_night(plan), _people(plan)))
    alerts = _sentences(_alert_duties(plan))
    kept = [sentence for number, sentence in enumerate(alerts) if number == 0 or UNWATCHED.search(sentence)]
    nobody = ("Nobody works the inbox while it is closed, but for these alerts and checks:" if alerts
              else "Nobody looks while the inbox is closed, and no alert is planned.")
    said = [next((sentence for sentence in night if ON_CALL.search(sentence)), night[0])] if night \
        else [nobody]  # who holds the phone first, when a sentence says (reader 152's director)
    left_out = [*(sentence for sentence in night if sentence not in said),
                *(sentence for sentence in alerts if sentence not in kept)]
    community = [*_sentences(team.who_answers), *_sentences(team.deputy)]
    parts = sorted({COMMUNITY_PART if sentence in community else CRISIS_PART for sentence in left_out})
    more = (f"(More in part{'s' * (len(parts) > 1)} {in_words([str(part) for part in parts])} of the "
            "full plan.)") if parts else ""
    phone = alerts or any(ON_CALL.search(sentence) for sentence in said)
    called = "" if phone else _crisis_call(plan)
    return " ".join(filter(None, (_without_label(said[0]), *kept, called and f"In a crisis, {called}",
                                  _longest_wait_text(team), more)))


OPENING_WORDS = {"The", "A", "An", "If", "When", "Whoever", "Our", "We", "Either", "Both", "Only",
                 "Any"}  # capitalised, but no one's name
# a call made ("rings Karen", "calls 000"), not an "on-call" phone
CALLS = re.compile(r"(?<!\bon-)(?<!\bon )\b(?:rings?|calls?|phones|texts|tells?)\b", re.IGNORECASE)


def _crisis_call(plan: Plan) -> str:
    """Who is rung first in a crisis: the first sentence of the crisis escalation or the pause that
    rings (`CALLS`) the on-call phone or an approver by name, its step's number left out; "" when
    none does. The director reads it when the nights name no phone (reader 163's page said nobody
    looks, beside an on-call tradesperson who rings the director)."""
    approvers = set(re.findall(NAME, plan.crisis.approver)) - OPENING_WORDS
    for sentence in [*_sentences(plan.crisis.escalation), *_sentences(plan.crisis.pause)]:
        if CRISIS_MEANING.search(sentence) or ALERT.search(sentence) or not CALLS.search(sentence):
            continue
        if ON_CALL.search(sentence) or approvers & set(re.findall(NAME, sentence)):
            called = re.sub(r"^((?:\S+\s+){1,5}?)then\s+(?=(?:rings?|calls?|phones|texts|tells?)\b)", r"\1",
                            STEP_NUMBER.sub("", sentence))  # "the manager on duty then rings": no "then"
            return re.sub(r"^(?:The|Whoever|Anyone|A|An)\b", lambda word: word[0].lower(), called)
    return ""


def _money_box(plan: Plan) -> Table:
    """The director's money, each figure once, for the first stage and for a full year: the new
    money (cash), the staff time moved from other work and its worth (to the whole unit, as part 12
    prices it), the two together, the reserve for a surge (held), what the plan
    earns back (`_returns`) and when it pays back (`_plan_payback`); a figure the plan lacks names
    the field to fill in."""
    budget, money = plan.budget, plan.budget.money
    weeks = _stage_weeks(plan)
    stage_cash = budget.first_stage_cost if budget.first_stage.strip() else None
    year_cash = budget.new_money_per_year if budget.new_money_per_year > 0 else None
    moved = budget.moved_hours()
    a_year = _whole(moved * 52 * budget.hourly_cost)  # each figure rounded as shown, then summed
    priced = budget.hours_today > 0 and moved > 0 and budget.hourly_cost > 0
    stage_time = _whole(moved * weeks * budget.hourly_cost) \
        if priced and weeks and stage_cash is not None else None
    if budget.hours_today <= 0:
        time = ("Staff time moved from other work", "–", "hours spent on social today not written "
                "yet (Budget: Of these, today)")
    elif moved <= 0:
        time = ("Staff time moved from other work", "none", "none")
    else:
        time = (f"Staff time moved from other work, {_amount(moved, 'hours a week')}",
                f"worth {stage_time:,.0f} {money} ({_number(round(weeks, 1))} weeks)"
                if stage_time is not None else "–",
                f"worth {a_year:,.0f} {money}" if priced else "unpriced (Budget: Cost of an hour)")
    together = ("Cash and staff time together",
                f"{_whole(stage_cash) + stage_time:,} {money}" if stage_time is not None else "–",
                f"{_whole(budget.new_money_per_year) + a_year:,} {money}" + _paid_once_too(budget))
    reserve = (f"{_amount(budget.contingency, money)}, held", "the same, held each year") \
        if budget.contingency > 0 else ("none (Budget: Surge contingency a year)", "–")
    earned = _returns(plan)
    return Table(("The money", "First stage", "A full year"), [  # its days are in the line above
        ("New money (cash)", _amount(stage_cash, money) + _once_in_stage(budget)
         if stage_cash is not None else f"{NOT_WRITTEN[:-1]} (Budget: First stage)",
         _amount(year_cash, money) + _paid_once_too(budget) if year_cash
         else f"{NOT_WRITTEN[:-1]} (Budget: New money a year)"),
        time,
        *([together] if priced and year_cash else []),
        ("Reserve for a surge", *reserve),
        *([("What it earns back", "–", earned)] if earned else []),
        ("Pays back", "–", _plan_payback(plan.budget) or NO_PAYBACK)])


def _once_in_stage(budget: Budget) -> str:
    """", 2,475 of it paid once" when the first stage names the items the other costs mark as paid
    once (`paid_once`), so that the first stage's cash is not read as a quarter of a year's."""
    once = paid_once(budget.other_costs)[1]
    return f", {_number(once)} of it paid once" if once and _number(once) in budget.first_stage else ""


def _paid_once_too(budget: Budget) -> str:
    """", and 2,475 paid once" when the other costs list items paid once (`paid_once`) that the
    year's figures leave out, as they should: a director adding up the first year needs them."""
    yearly, once = paid_once(budget.other_costs)
    left_out = once and abs(budget.other_costs_per_year - yearly) < 1
    return f", and {_number(once)} paid once" if left_out else ""


def _plan_payback(budget: Budget) -> str:
    """When the plan pays back: the payback's first sentence, whole, without its clauses on the
    cheaper option (`CHEAPER`, which `_cheaper_option` sets beside the plan); "" when blank."""
    sentence = _first_sentence(budget.payback)
    own = [clause for clause in CLAUSE_END.split(sentence) if not CHEAPER.search(clause)]
    return day_text("; ".join(own) if own else sentence)


def _earned(plan: Plan) -> dict[str, str]:
    """The sentences of the case and of the payback after its first that put a sum to what the plan
    earns or loses (`EARNED`; not what one unit earns, `UNIT_EARNS`), each to its clauses that do
    (the year's cash, say, left out), as many as fit in `RETURNS_WORDS` words (the first even if
    longer), each sentence as written to what the director's version gives of it."""
    budget = plan.budget
    found = {sentence: _earning_clauses(sentence) for sentence in
             [*_sentences(budget.case), *_sentences(budget.payback)[1:]]
             if EARNED.search(sentence) and not UNIT_EARNS.search(sentence)}
    kept = _within(list(found.values()), RETURNS_WORDS) or list(found.values())[:1]
    return {sentence: given for sentence, given in found.items() if given in kept}


def _earning_clauses(sentence: str) -> str:
    """`sentence`'s clauses that put a sum to what the plan earns or loses (`EARNED`), ending it."""
    clauses = CLAUSE_END.split(sentence)
    earning = [clause for clause in clauses if EARNED.search(clause)]
    return sentence if earning == clauses else "; ".join(earning).rstrip(".") + "."


def _returns(plan: Plan) -> str:
    """What the plan earns and how far short of its cost it falls, in the plan's own words
    (`_earned`); "" when the plan says neither."""
    return day_text(" ".join(_earned(plan).values()))


@dataclass
class CheaperOption:
    """The cheaper option as the case and the payback say it: what it goes `without`, the cash and
    the moved hours it saves a year (None when the case does not say) and what the cash is made of
    (`cash_parts`, "" when unsaid), when it `pays_back` (and the rest of the payback's sentence on
    it, `pays_back_more`: reader 160's "on cash alone its 1,314 EUR is earned back by February
    2027"), what it `loses`, and the sentences all of it is taken from (`said`)."""

    without: str
    cash: float | None
    cash_parts: str
    hours: float | None
    pays_back: str
    pays_back_more: str
    loses: str
    why: str
    said: list[str]


@dataclass(frozen=True)
class Paybacks:
    """When the plan and its cheaper option pay back (`payback_day`), and the sentence that says why
    the plan is chosen over it ("" when none does)."""

    plan: dt.date
    cheaper: dt.date
    why: str


def cheaper_paybacks(plan: Plan) -> Paybacks | None:
    """The plan's and the cheaper option's paybacks (`_cheaper`), when both give a month or a year."""
    option = cheaper_option(plan.budget)
    if option is None:
        return None
    ours, theirs = payback_day(_plan_payback(plan.budget)), payback_day(option.pays_back)
    return Paybacks(ours, theirs, option.why) if ours and theirs else None


def cheaper_option(budget: Budget) -> CheaperOption | None:
    """The cheaper option the case names (its first sentence `CHEAPER` finds: what it goes without,
    `DROPS`, and saves, `SAVED_CASH` and `SAVED_HOURS`; it or the next says what it loses,
    `LOSES`) and the payback's first clause on it ("cheaper option: April 2031", after the colon;
    reader 156 gave it in a later sentence), and why the plan is chosen (`WHY_CHOSEN`: a later
    sentence of the payback or one of the case, else a clause of the payback's first); None when
    the case names none."""
    case = _sentences(budget.case)
    at = next((number for number, sentence in enumerate(case) if CHEAPER.search(sentence)), None)
    if at is None:
        return None
    opening = case[at]
    saving = SAVES.search(opening)  # the sums it saves follow "saves", up to what it keeps
    saved = re.split(r"\b(?:keeps?|but)\b", opening[saving.start():])[0] if saving else ""
    drops = DROPS.search(opening)
    cash, hours = SAVED_CASH.search(saved), SAVED_HOURS.search(saved)
    sums = SAVED_SUM.findall(saved)
    amount, parts = (cash[1], cash[2] or "") if cash else (None, "")
    if cash is None and hours is None and len(sums) == 1:  # "saves 1,200 GBP a year": one sum, cash
        amount = next(filter(None, sums[0]))
    lost = next(((sentence, found[1]) for sentence in case[at:at + 2] if (found := LOSES.search(sentence))),
                ("", ""))
    payback, own = next(((clause, sentence) for sentence in _sentences(budget.payback)
                         for clause in CLAUSE_END.split(sentence)
                         if CHEAPER.search(clause) and not WHY_CHOSEN.search(clause)), ("", ""))
    first, *later = _sentences(budget.payback) or [""]
    clauses = CLAUSE_END.split(own)  # a later sentence that opens on the option is all the option's
    rest = clauses[1:] if own in later and clauses[0] == payback else []
    why = next((sentence for sentence in [*later, *case] if WHY_CHOSEN.search(sentence)), "") or next(
        (clause for clause in CLAUSE_END.split(first) if WHY_CHOSEN.search(clause)), "")
    return CheaperOption(
        without=drops[1] if drops else "", cash=parse_amount(amount) if amount else None,
        cash_parts=parts.strip(),
        hours=parse_amount(hours[1]) / WEEKS_IN[hours[2]] if hours else None,
        pays_back=day_text(re.sub(r"^(?:the\s+)?cheaper option\b[,:]?\s*(?:pays back\s+)?", "",
                                  payback.rpartition(":")[2].strip().rstrip("."), flags=re.IGNORECASE)),
        pays_back_more=day_text("; ".join(rest).rstrip(".")), loses=lost[1], why=why,
        said=[*([opening] if amount or hours else []), *([lost[0]] if lost[0] else []),
              *([why] if why else []), *([own] if rest else [])])


def _cheaper_option(plan: Plan) -> list[Block]:
    """The plan beside the cheaper option its case names (`_cheaper`), after the cash and the staff
    hours it saves, the hours' worth and the sum, a column each, so that its cash and its staff time
    are read apart: the new money a year and the staff time moved (the option's, the plan's less
    what the case says it saves, the cash with what the case says it is made of, the hours priced at
    the budget's hourly cost), when each pays back (the plan's without the asides the first page
    gives) and what the option loses; a line saying it is not written yet when the case names
    none."""
    budget, money = plan.budget, plan.budget.money
    option = cheaper_option(budget)
    if option is None:
        return [["**The cheaper option**: none named in the case."]]
    unsaid, beyond = "not stated in the case", "the case saves more than the plan has: check it"
    new, moved = budget.new_money_per_year, budget.moved_hours()
    cash = (_amount(new, money), unsaid if option.cash is None else beyond if option.cash > new else
            f"{_amount(new - option.cash, money)} ({_number(option.cash)} less"
            f"{f': {option.cash_parts}' if option.cash_parts else ''})") if new > 0 else \
        (f"{NOT_WRITTEN[:-1]} (Budget: New money a year)", "–")
    hours_value = round((option.hours or 0) * budget.hourly_cost * 52, -1)
    worth = f", worth {hours_value:,.0f} {money} a year" if hours_value > 0 else ""
    hours = (_amount(moved, "hours a week"), unsaid if option.hours is None else beyond
             if option.hours > moved else f"{_amount(moved - option.hours, 'hours a week')} "
             f"({_number(option.hours)} fewer{worth})") \
        if budget.hours_today > 0 else (f"{NOT_WRITTEN[:-1]} (Budget: Of these, today)", "–")
    without = f", {option.without}," if option.without else ""
    both = (f" (saving {_amount(option.cash, money)} of cash a year and "
            f"{_amount(option.hours, 'staff hours')} a week, worth {hours_value:,.0f}: "
            f"{option.cash + hours_value:,.0f} in all)"
            if option.cash and hours_value else "")
    return [f"**The cheaper option**{without} beside the plan{both}:", Table(
        ("Side by side", "The plan", "The cheaper option"), [
            ("New money a year", *cash), ("Staff time moved from other work", *hours),
            ("Pays back", without_asides(_plan_payback(budget)) or NO_PAYBACK,
             "; ".join(filter(None, (option.pays_back, option.pays_back_more)))
             or "not stated in the payback"),
            ("What it loses", "–", option.loses or unsaid),
            ("Why the plan", day_text(option.why) or "not stated: say why the plan is chosen over the "
             "cheaper option (Budget: Payback)", "–")])]


def _premises_risk(plan: Plan) -> str:
    """The first of the director's top risks: what the case rests on, which decides whether the
    plan pays back, in whole sentences (`_in_brief`), or what to write when the plan does not say."""
    premises = plan.budget.rests_on
    said = day_text(_in_brief(premises, BUDGET_PART)) if premises.strip() else \
        "not written yet (Budget: Rests on)."
    return f"**The case rests on**: {said}"


def _objectives_pointer(plan: Plan) -> str:
    """The first page's line on the objectives, which the next page tables: how many measures, of
    which outcomes, and how many rows when a measure has two (reader 160's "5 measures" beside six
    rows, bookings by March and by August from different baselines)."""
    groups = _by_metric(plan.objectives)
    if not groups:
        return f"**Objectives**: {NOT_WRITTEN}"
    outcomes = list(dict.fromkeys(group[0].outcome.strip() or "an outcome not named" for group in groups))
    named = in_words(outcomes)
    measures = len({(group[0].outcome, group[0].metric) for group in groups})  # a row per baseline
    rows = f"{_amount(len(groups), 'targets')} on " if len(groups) > measures else ""
    return f"**Objectives**: {rows}{_amount(measures, 'measures')} of {named}, on the next page."


def _more_returns(plan: Plan) -> str:
    """What the first page leaves out of the payback and returns, each sentence not on it
    (`_returns`) nor beside the cheaper option (`_cheaper_option`) and whole, their asides without
    figures left out: the opening sentence of the case's figures (after its ask), the payback's
    later sentences, then the figures' sentences that say what the plan earns, saves or loses
    (`RETURNS`), as many as fit in `DIRECTOR_WORDS` words in that order, given in the order the
    plan has them, and followed by where the full plan has the rest when some is left out, and the
    gates whole when the first page leaves out asides of theirs (`_director_gate`); "" when nothing is
    left."""
    budget, option = plan.budget, cheaper_option(plan.budget)
    shown = {*_earned(plan), *(option.said if option else [])}
    figures = _sentences(budget.case.strip().partition("\n\n")[2])
    later = _sentences(budget.payback)[1:]
    candidates = [s for s in [*figures, *later] if s not in shown]
    wanted = [*figures[:1], *later, *(s for s in figures[1:] if RETURNS.search(s))]
    kept = set(_within([_figures_only(s) for s in wanted if s not in shown], DIRECTOR_WORDS))
    given = [_figures_only(s) for s in candidates if _figures_only(s) in kept]
    if not given:
        return ""
    rest = len(given) < len(candidates)
    gates = any(_director_gate(gate) != gate.strip() for gate in budget.go_no_go.splitlines())
    where = f"in part {BUDGET_PART} of the full plan"
    if rest:
        return " ".join(given) + (f" (More, and the gates in full, {where}.)" if gates
                                  else f" (More {where}.)")
    return " ".join(given) + (f" (The gates in full are {where}.)" if gates else "")


def _surge_line(plan: Plan) -> str:
    """What a surge is and costs, as the budget's surge says (its first sentence and those that
    price it, `MONEY`); the reserve itself is on the first page."""
    budget = plan.budget
    if budget.contingency <= 0:
        return "none set aside." + (f" {_in_brief(budget.surge, BUDGET_PART, MONEY)}"
                                    if budget.surge.strip() else "")
    if not budget.surge.strip():
        return "held for a surge; what one needs is not written yet (Budget: How it is priced)."
    return _in_brief(budget.surge, BUDGET_PART, MONEY)


def _director_budget(plan: Plan) -> Table:
    """Part 12's budget table, the rows `DIRECTOR_BUDGET` names, each detail as long as a cell
    (`CELL_WORDS`, whole sentences), the reserve's what it is held for (`_reserve_use`); the total
    says what of it is spent today (`_spent_today`)."""
    rows = {row[0]: row for row in _budget_rows(plan)}
    if today := _spent_today(plan.budget):
        held = plan.budget.contingency > 0
        rows["Total a year"] = (f"Everything a year, with today's spending{' and reserve' * held}",
                                rows["Total a year"][1],
                                f"of which {today} is spent today (the {plan.budget.hours_today:g} "
                                "hours on social and what is paid today); the rest is the first "
                                "page's " + ("cash, staff time and reserve, the reserve only if needed"
                                             if held else "cash and staff time"))
    return Table(("Item", "Amount", "Details"), unbroken=1, rows=[
        (label, amount, _reserve_use(plan.budget) if label == "Surge contingency"
         and plan.budget.contingency > 0 else details and _in_brief(details, BUDGET_PART, words=CELL_WORDS))
        for label, amount, details in (rows[label] for label in DIRECTOR_BUDGET if label in rows)])


def _reserve_use(budget: Budget) -> str:
    """What the reserve is held for: the case's sentences that name it (a reserve that also pays for
    slow looks, say), but not the ask that names it beside the new money (`NEW_MONEY_SAID`, or the
    year's new money as a figure: reader 160's row printed "The ask: 3,114 EUR a year of new
    money…", reader 163's "Karen is asked for AUD 10,230 a year in new cash…"); else "held for a
    surge", which the crisis's line prices."""
    new = budget.new_money_per_year
    ask = re.compile(rf"(?<![\d,.]){new:,.0f}(?![\d,])|(?<![\d,.]){new:.0f}(?![\d,])") if new > 0 else None
    named = [sentence for sentence in _sentences(budget.case)
             if WRITTEN_AMOUNTS["contingency"].search(sentence) and not NEW_MONEY_SAID.search(sentence)
             and not (ask and ask.search(sentence))]
    return " ".join(named) or "held for a surge (In a crisis, below)"


def _spent_today(budget: Budget) -> str:
    """What of the total a year is spent today (`Budget.spent_today`), as an amount; "" when the
    budget lacks a figure for it or its figures leave nothing."""
    if budget.hourly_cost <= 0 or budget.hours_today <= 0 or budget.new_money_per_year <= 0:
        return ""
    today = budget.spent_today()
    return f"{_whole(today):,} {budget.money}" if today > 0 else ""


def _figures_only(text: str, odds: bool = True) -> str:
    """`text` without its parenthesised asides that carry no figure (`NUMBER`) nor say a figure is
    assumed (`ASSUMED`, reader 156), nested ones too: "tools 2,520 (250 a month less the 40 paid
    today)" and "8 (assumed)" keep theirs, "15 USD (an estimate)" loses it; without `odds`, also
    those that give odds (`ODDS`: a gate's "(the case's path under 1 in 100)"); `text` as written
    when it is nothing but such asides."""
    def kept(aside: re.Match) -> str:
        said = NUMBER.search(aside[0]) or ASSUMED.search(aside[0])  # "(assumed)" marks a figure
        return aside[0] if said and (odds or not ODDS.search(aside[0])) else ""

    short = text
    while (cut := ASIDE.sub(kept, short)) != short:
        short = cut
    return short.strip() or text


def _director_gate(gate: str) -> str:
    """A go/no-go gate as the director's first page gives it: with its asides that carry the figures
    it is set from ("74 bookings (66 at 2026's rate, 82 on the plan's path)"), without those that
    carry none or give the odds of a wrong call, which the full plan's part 12 keeps (a reader found
    odds in brackets hard going on the first page)."""
    return _figures_only(gate.strip(), odds=False)


def _in_brief(text: str, part: int, picks: re.Pattern | None = None, words: int = DIRECTOR_WORDS) -> str:
    """`text` as the director's version gives it, never cut inside a sentence: whole when it fits
    in `words` words, else without its asides that carry no figure (`_figures_only`) when that
    fits, else its opening sentences that fit, or, with `picks`, its first sentence and those
    `picks` finds (a surge's cost) that fit; the first sentence whole even when it alone is longer.
    A shortened text is followed by where the full plan has it whole (its part `part`); "not
    written yet." when blank."""
    text = " ".join(text.split())
    if not text:
        return NOT_WRITTEN
    if len(text.split()) <= words:
        return text
    short = _figures_only(text)
    if len(short.split()) > words:
        first, *later = _sentences(short)
        if len(first.split()) > words:
            short = first
        elif picks:
            short = " ".join(_within([first, *(s for s in later if picks.search(s))], words))
        else:
            short = " ".join(_fitting([first, *later], words))
    if short == text:
        return text  # one sentence, longer than `words`, given whole
    if short.endswith((".", "!", "?")):
        return f"{short} (More in part {part} of the full plan.)"
    return f"{short} (more in part {part} of the full plan)"


def _stage_line(plan: Plan) -> str:
    """The first stage, its days and new money first, then what it is, as `_in_brief` gives it; its
    new money left to the stage or to what the new money buys when either states it (`_states`),
    so that the page says it once."""
    budget = plan.budget
    if not budget.first_stage.strip():
        return f"**First stage**: {NOT_WRITTEN}"
    days = _stage_days(plan)  # "4 January to 31 March 2027", or "the first stage" and its start
    stage = _in_brief(budget.first_stage, BUDGET_PART).rstrip(".")
    ask = _in_brief(budget.case.strip().partition("\n\n")[0], BUDGET_PART)
    cost = "" if _states(f"{ask} {stage}", budget.first_stage_cost) else \
        f"{_amount(budget.first_stage_cost, budget.money)} of new money. "
    return (f"**{'First stage, ' + days if days[0].isdigit() else days[0].upper() + days[1:]}**: "
            f"{cost}{stage}.")


def director_title(plan: Plan) -> str:
    return f"Social media plan in brief: {plan.organisation.strip() or 'my organisation'}"


def _director_opening(plan: Plan) -> str:
    """A line, as the full plan's start, so that the summary keeps to its page, saying what the
    first page holds and what comes after it."""
    start = f"Starts {day_text(plan.start.strip())}. " if plan.start.strip() else ""
    return f"{start}The decision, goal and top risks first; the figures follow."


def director_markdown(plan: Plan) -> str:
    """The director's version as Markdown, a rule where the second page starts."""
    return _sheet_markdown(director_title(plan), _director_opening(plan), director_brief(plan),
                           AFTER_SUMMARY)


def director_html(plan: Plan, paper: str = "A4") -> str:
    """The director's version as a standalone HTML page that prints on two or three pages of
    `paper` ("A4" or "Letter"), the summary alone on the first when it fits (`_sheet_html`'s
    `fill_first`), as the full plan's (its margins and style); everything the learner typed is
    escaped."""
    return _sheet_html(director_title(plan), _director_opening(plan), director_brief(plan),
                       AFTER_SUMMARY, paper, PLAN_MARGINS_MM, _STYLE + _DIRECTOR_STYLE, fill_first=True)


def director_docx(plan: Plan) -> bytes:
    """The director's version as a Word document on A4, as every Word file here (one for both papers:
    Letter readers have `director_html(plan, "Letter")`), the summary a page of its own, its margins
    and type as the printed page's."""
    return _sheet_docx(director_title(plan), _director_opening(plan), director_brief(plan),
                       AFTER_SUMMARY, PLAN_MARGINS_MM, DIRECTOR_DOCX_POINTS)


def _director_documents(plan: Plan, path: Path) -> dict[Path, str | bytes]:
    """The director's version's files beside the save file `path`, as `export` writes them."""
    return {path.with_suffix(".director.md"): director_markdown(plan),
            path.with_suffix(".director.html"): director_html(plan),
            path.with_suffix(".director.letter.html"): director_html(plan, "Letter"),
            path.with_suffix(".director.docx"): director_docx(plan)}
