"""The reference plan of assignment 06 (a small bakery's), made by running the solution's own
`own_plan` cell, so the tests grade and compare the very plan the reference run hands in."""

import contextlib
import dataclasses
import datetime as dt
import functools
import io
import json
import math
import random
import re
from pathlib import Path

import nbformat

from smcourse.core import plan
from smcourse.instructor import alike
from smcourse.ui.answers import score_parts

SOLUTION = (Path(__file__).resolve().parents[1] / "solutions" / "06_capstone_strategy_plan" /
            "06_capstone_strategy_plan.ipynb")


def solution_cells() -> dict[str, str]:
    """The source of each graded cell of the solution notebook, by grade id."""
    notebook = nbformat.read(SOLUTION, as_version=4)
    return {cell.metadata.nbgrader["grade_id"]: cell.source for cell in notebook.cells}


def reference_plan(folder: Path) -> plan.Plan:
    """The plan the solution's `own_plan` cell saves when no plan file exists, saved in `folder`."""
    return alike.reference_plan(SOLUTION, folder)


def _reversed(text):
    """`text` with its sentences, and the words in each, in reverse order."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return " ".join(" ".join(reversed(s.split())) for s in reversed(sentences))


def _map_texts(value, change, skip=("rota",), field: str = ""):
    """`value` (a plan or any part of it) with each string passed through `change(text, field)`,
    `field` naming the dataclass field that holds it ("" inside lists and dicts); a dict held in a
    field of `skip` (the rota, say) stays as it is."""
    if dataclasses.is_dataclass(value):
        return dataclasses.replace(value, **{f.name: _map_texts(getattr(value, f.name), change,
                                                                skip, f.name)
                                             for f in dataclasses.fields(value)})
    if isinstance(value, list):
        return [_map_texts(item, change, skip) for item in value]
    if isinstance(value, dict) and field not in skip:
        return {key: _map_texts(item, change, skip) for key, item in value.items()}
    return change(value, field) if isinstance(value, str) else value


def with_texts_reversed(value):
    """`value` (a plan or any part of it) with every text of more than one word `_reversed`: the
    fourth reader's evasion of the copy check."""
    return _map_texts(value, lambda text, field: _reversed(text) if " " in text.strip() else text,
                      skip=())


def with_numbers_nudged(lumen: plan.Plan) -> plan.Plan:
    """Lumen's plan (`lumen`, a copy of `plan.example_plan()`) renamed with every number nudged a
    little and every text kept: the fifth reader's evasion of the copy check (the reader measured
    28% alike under the exact-match fingerprint: not flagged, every automatic point)."""
    lumen.organisation = "Harbour Tea Co."
    for objective in lumen.objectives:
        rising = float(objective.target) > float(objective.baseline)
        objective.target = f"{float(objective.target) + (0.5 if rising else -0.5):g}"
        objective.by = str(dt.date.fromisoformat(objective.by) - dt.timedelta(days=1))
        objective.spread = f"{float(objective.spread) + 0.1:g}"
    for channel in lumen.channels:
        channel.minutes_per_post += 1
        if channel.response_hours:
            channel.response_hours = f"{float(channel.response_hours) + 1:g}"
        if len(channel.mix) > 1:
            first, second = list(channel.mix)[:2]
            channel.mix[first] += 5
            channel.mix[second] -= 5
    team, budget = lumen.community, lumen.budget
    team.rota = {day: re.sub(r"\b(07|11|15|19)\b", lambda hour: f"{int(hour.group()) + 1:02d}",
                             shift) for day, shift in team.rota.items()}
    team.opens, team.closes = "08:00", "20:45"
    team.staffed_hours += 1
    team.messages_per_week += 1
    team.dms_per_week += 1
    budget.people_hours += 2
    budget.hours_by_person = _hours_split_again(lumen)
    budget.other_hours += 0.5
    budget.tools_per_month += 5
    budget.paid_per_month += 10
    budget.contingency += 500
    return lumen


def _hours_split_again(lumen: plan.Plan) -> dict[str, float]:
    """`lumen`'s hours by person split again to add up to its people hours: each person's posts
    and looks (`plan.person_loads`), and the hours left over shared as the old split shares them."""
    old = lumen.budget.hours_by_person
    loads = plan.person_loads(lumen)
    left = lumen.budget.people_hours - sum(loads[name].total() for name in old)
    return {name: round(loads[name].total() + left * hours / sum(old.values()), 2)
            for name, hours in old.items()}


def _shifted(text: str) -> str:
    """`text` with each letter moved one on in the alphabet: every word new, the numbers kept."""
    return re.sub(r"[A-Za-z]", lambda letter: chr((ord(letter.group()) - ord("a" if
                  letter.group().islower() else "A") + 1) % 26 + ord("a" if letter.group().islower()
                                                                     else "A")), text)


def with_texts_replaced(value):
    """`value` (a plan or any part of it) with every written text of more than one word
    `_shifted`; channel names, units and the rota stay as they are."""
    return _map_texts(value, lambda text, field: _shifted(text) if " " in text.strip()
                      and field not in ("name", "unit") else text)


def _one_word_in_three_changed(text: str) -> str:
    """`text` with its first word and every third one after it replaced by a new one."""
    return " ".join(f"{word[::-1].lower()}x" if index % 3 == 0 else word
                    for index, word in enumerate(text.split()))


SIXTH_READER_CHANGES = ("handles", "units", "rota", "reworded")


def with_sixth_reader_changes(lumen: plan.Plan, changes=SIXTH_READER_CHANGES) -> plan.Plan:
    """Lumen's plan (`lumen`, a copy of `plan.example_plan()`) renamed, every number, pillar and
    persona name kept, with the sixth reader's `changes`: " (@harbourtea)" after each channel name,
    units "a month" as "per month", "Lee at 21" on every rota day, and every written text with one
    word in three changed (the reader measured 0.26 alike and 0 texts repeated: not flagged)."""
    lumen.organisation = "Harbour Tea Co."
    if "handles" in changes:
        for channel in lumen.channels:
            channel.name += " (@harbourtea)"
    if "units" in changes:
        for objective in lumen.objectives:
            objective.unit = objective.unit.replace(" a month", " per month")
    if "rota" in changes:
        lumen.community.rota = {day: f"{shift}, Lee at 21"
                                for day, shift in lumen.community.rota.items()}
    if "reworded" in changes:
        lumen = _reworded(lumen, {p.name for p in lumen.pillars} |
                          {p.name for p in lumen.audience.personas})
    return lumen


def _reworded(value, names: set[str]):
    """`value` with every written text of more than one word `_one_word_in_three_changed`; names,
    units, metrics, the rota and pillar mixes stay as they are."""
    return _map_texts(value, lambda text, field: _one_word_in_three_changed(text)
                      if " " in text.strip() and text not in names
                      and field not in ("name", "unit", "metric", "organisation") else text,
                      skip=("rota", "mix"))


PLACEHOLDER_FIELDS = {"presences", "numbers", "competitor", "summary", "description", "needs",
                      "reason", "why", "purpose", "voice", "who_answers", "escalation", "deputy",
                      "holding_statement", "approver", "pause", "account_security", "disclosure",
                      "other_work", "other_costs", "tools", "surge", "case", "step", "owner",
                      "readers", "source", "moved_from"}


def _texts_as(value, text: str):
    """`value` with every written text (a field of PLACEHOLDER_FIELDS) set to `text`."""
    return _map_texts(value, lambda old, field: text if field in PLACEHOLDER_FIELDS else old)


def _pushed(lumen: plan.Plan, factor: float, looks: dict[str, str],
            later: dt.timedelta = dt.timedelta(weeks=3),
            dropped: tuple[str, ...] = ("Threads", "X", "YouTube")) -> plan.Plan:
    """Lumen's plan (`lumen`, a copy of `plan.example_plan()`) renamed, its numbers (but pillar
    shares and what would pass a metric's range) times `factor`, every date `later` on (three
    weeks), the `dropped` channels dropped, the rota's looks moved as `looks` says, and people
    hours just enough (split by person again): the shape the seventh and eighth readers kept."""
    lumen.organisation = "Harbour Tea Co."
    lumen.start = str(dt.date.fromisoformat(lumen.start) + later)
    for objective in lumen.objectives:
        if float(objective.target) * factor <= objective.spec().high:
            for name in ("baseline", "target", "spread"):
                setattr(objective, name, f"{float(getattr(objective, name)) * factor:g}")
        objective.by = str(dt.date.fromisoformat(objective.by) + later)
    lumen.reporting.first = str(dt.date.fromisoformat(lumen.reporting.first) + later)
    for action in lumen.actions.values():
        action.due = str(dt.date.fromisoformat(action.due) + later)
    lumen.channels = [c for c in lumen.channels if c.name not in dropped]
    for channel in lumen.channels:
        channel.posts, channel.minutes_per_post = (round(channel.posts * factor),
                                                   round(channel.minutes_per_post * factor))
        if channel.response_hours:
            channel.response_hours = f"{float(channel.response_hours) * factor:g}"
    team, budget = lumen.community, lumen.budget
    team.rota = {day: re.sub(r"\b(07|11|15|19)\b", lambda hour: looks[hour.group()], shift)
                 for day, shift in team.rota.items()}
    for name in ("staffed_hours", "messages_per_week", "dms_per_week"):
        setattr(team, name, round(getattr(team, name) * factor, 1))
    for name in ("other_hours", "tools_per_month", "paid_per_month", "contingency"):
        setattr(budget, name, round(getattr(budget, name) * factor, 1))
    budget.people_hours = math.ceil(sum(lumen.hours_by_work().values()) * (1 + plan.BUFFER))
    budget.hours_by_person = _hours_split_again(lumen)
    return lumen


def with_placeholder_texts(lumen: plan.Plan) -> plan.Plan:
    """Lumen's plan `_pushed` by 1.3 with each look moved an hour, and every written text "See
    notes attached": the seventh reader's disguise (every automatic point while texts were only
    checked for being blank)."""
    lumen = _pushed(lumen, 1.3, {"07": "08", "11": "12", "15": "14", "19": "18"})
    return _texts_as(lumen, "See notes attached")


FILLER = "for our customers every week"


def _cut(text: str) -> str:
    """`text`'s first three words and FILLER: a text that reads as an answer and says nothing."""
    return f"{' '.join(text.split()[:3])} {FILLER}"


def with_texts_cut_and_numbers_pushed(lumen: plan.Plan) -> plan.Plan:
    """Lumen's plan `_pushed` by 1.2 (past the copy check's tolerance of a tenth), its looks and
    inbox hours two hours later, and every written text cut to its first three words and FILLER:
    the eighth reader's disguise (20 % alike, 6 % of texts, every automatic point while a filler
    phrase made up the four words a text needs)."""
    lumen.community.opens, lumen.community.closes = "09:00", "21:30"
    lumen = _pushed(lumen, 1.2, {"07": "09", "11": "13", "15": "17", "19": "21"})
    return _map_texts(lumen, lambda old, field: _cut(old) if field in PLACEHOLDER_FIELDS
                      and field != "source" else old)


def _nonsense(text: str, field: str) -> str:
    """`text` with two words in three replaced by made-up ones (a fixed pattern, no randomness)."""
    made_up = ("".join("bcdfghjklmnpqrstvwxz"[(7 * index + 3 * k) % 20] for k in range(5))
               for index in range(len(text.split())))
    return " ".join(word if index % 3 == 0 else invented
                    for index, (word, invented) in enumerate(zip(text.split(), made_up, strict=True)))


def with_numbers_doubled_and_texts_garbled(lumen: plan.Plan) -> plan.Plan:
    """Lumen's plan (`lumen`, a copy of `plan.example_plan()`) renamed, every count, cadence,
    spread, promise, hour and budget line about 2.2 times (a metric's rate kept in its range),
    every date 60 days on, the inbox open an hour longer, two words in three of every text made
    up, and the baselines' sources "our own export": the ninth reader's disguise (0.14 alike,
    shape 0.19, texts 0.23: every automatic point while texts were only checked for length)."""
    later = dt.timedelta(days=60)
    lumen.organisation = "Harbour Tea Co."
    lumen.start = str(dt.date.fromisoformat(lumen.start) + later)
    for objective in lumen.objectives:
        if float(objective.target) * 2.2 <= objective.spec().high:
            for name in ("baseline", "target", "spread"):
                setattr(objective, name, f"{float(getattr(objective, name)) * 2.2:.3g}")
        objective.by = str(dt.date.fromisoformat(objective.by) + later)
    lumen.reporting.first = str(dt.date.fromisoformat(lumen.reporting.first) + later)
    for action in lumen.actions.values():
        action.due = str(dt.date.fromisoformat(action.due) + later)
    for channel in lumen.channels:
        channel.posts = 2 * channel.posts + 1 if channel.posts else 0
        channel.minutes_per_post *= 2
        if channel.response_hours:
            channel.response_hours = f"{float(channel.response_hours) * 2.2:.3g}"
    team, budget = lumen.community, lumen.budget
    team.opens = "06:00"
    for name in ("staffed_hours", "messages_per_week", "dms_per_week"):
        setattr(team, name, round(getattr(team, name) * 2.2, 1))
    for name in ("other_hours", "tools_per_month", "paid_per_month", "contingency"):
        setattr(budget, name, round(getattr(budget, name) * 2.2, 1))
    budget.people_hours = math.ceil(sum(lumen.hours_by_work().values()) * (1 + plan.BUFFER))
    budget.hours_by_person = _hours_split_again(lumen)
    garbled = _map_texts(lumen, lambda old, field: _nonsense(old, field) if field in
                         PLACEHOLDER_FIELDS and field != "source" and " " in old.strip() else old)
    return _map_texts(garbled, lambda old, field: "our own export" if field == "source" else old)


SITUATION_AND_REASONS = {"presences", "numbers", "competitor", "reason"}  # the reader's fields


def _dictionary_words(text: str, seed: str) -> str:
    """`text` with every word replaced by an English word drawn at random (seeded by `seed`, so
    the same text always gives the same words) from the word list the checks read."""
    draw = random.Random(seed)
    words = _long_english_words()
    return " ".join(draw.choice(words) for _ in text.split())


@functools.cache
def _long_english_words() -> list[str]:
    """The check's English words (`plan._english`) of more than three letters, sorted."""
    return sorted(word for word in plan._english() if word.isalpha() and len(word) > 3)


def with_dictionary_words(bakery: plan.Plan, fields=None) -> plan.Plan:
    """The bakery's plan (`bakery`, the learner's own numbers) with each written text (a field of
    `fields`, or of PLACEHOLDER_FIELDS but the baselines' sources) turned into English words drawn
    at random: the eleventh reader's disguise (every automatic point while a text had only to be
    long enough, English and unrepeated)."""
    chosen = fields or PLACEHOLDER_FIELDS - {"source"}
    return _map_texts(bakery, lambda old, field: _dictionary_words(old, f"{field}:{old}")
                      if field in chosen and " " in old.strip() else old)


def _word_salad(text: str, seed: str, channel: str) -> str:
    """`text` as `channel` followed by English words drawn at random (`_dictionary_words`), as
    many as `text` has: a list of words that names the plan, not a sentence."""
    return f"{channel} {_dictionary_words(' '.join(text.split()[1:]), seed)}"


SALAD_KEPT = {"source", "disclosure", "holding_statement"}  # checked for a label, a time, data


def _salad_texts(value, channel: str):
    """`value` with each written text of more than one word (a field of PLACEHOLDER_FIELDS but
    SALAD_KEPT) `_word_salad` naming `channel`."""
    return _map_texts(value, lambda old, field: _word_salad(old, f"{field}:{old}", channel)
                      if field in PLACEHOLDER_FIELDS - SALAD_KEPT and " " in old.strip() else old)


def with_themes_and_readers(lumen: plan.Plan) -> plan.Plan:
    """Lumen's plan (`lumen`) with its pillars named "Theme 0", "Theme 1"... (in the mixes too) and
    its personas "Reader 0", "Reader 1"..."""
    pillars = {pillar.name: f"Theme {index}" for index, pillar in enumerate(lumen.pillars)}
    for pillar in lumen.pillars:
        pillar.name = pillars[pillar.name]
    for channel in lumen.channels:
        channel.mix = {pillars[name]: share for name, share in channel.mix.items()}
    for index, persona in enumerate(lumen.audience.personas):
        persona.name = f"Reader {index}"
    return lumen


def with_new_people(lumen: plan.Plan) -> plan.Plan:
    """Lumen's plan (`lumen`) with new people on its rota, owning its channels and in its hours by
    person: Tomasz, Bea and Kit; its numbers to ring left blank."""
    people = {"Sam": "Tomasz", "Ade": "Bea", "Jo": "Kit"}
    lumen.community.rota = {day: re.sub(r"[A-Z][a-z]+", lambda name: people[name.group()], shift)
                            for day, shift in lumen.community.rota.items()}
    for channel in lumen.channels:
        channel.owner = people.get(channel.owner, channel.owner)
    lumen.budget.hours_by_person = {people.get(name, name): hours
                                    for name, hours in lumen.budget.hours_by_person.items()}
    lumen.community.contacts = {}  # Lumen's numbers to ring, naming Jo and Lee, left out
    return lumen


def with_everything_renamed_and_rewritten(lumen: plan.Plan, factor: float) -> plan.Plan:
    """Lumen's plan (`lumen`, a copy of `plan.example_plan()`) with every name new (the
    organisation, pillars, personas and the people on the rota), every written text replaced
    (`with_texts_replaced`), every number `factor` times and three channels dropped (`_pushed`,
    the looks where they were) and every date a year on: the expert reader's copy (at 1.15, 49 %
    of the shape while names and texts weighed in it, under the line of a half)."""
    pushed = _pushed(lumen, factor, {hour: hour for hour in ("07", "11", "15", "19")},
                     later=dt.timedelta(days=365))
    return with_texts_replaced(with_new_people(with_themes_and_readers(pushed)))


def with_numbers_pushed_and_word_salad(lumen: plan.Plan) -> plan.Plan:
    """Lumen's plan `_pushed` by 1.6, each look an hour later, its pillars and personas renamed and
    every written text but SALAD_KEPT word salad naming Instagram and the baselines' sources "our
    own export":
    the eleventh reader's first disguise (21 % alike, 33 % of the shape, no text repeated: every
    automatic point while a text had only to be English)."""
    lumen.community.opens, lumen.community.closes = "08:00", "20:30"
    lumen = with_themes_and_readers(_pushed(lumen, 1.6, {"07": "08", "11": "12", "15": "16",
                                                     "19": "20"}))
    for objective in lumen.objectives:
        objective.source = "our own export"
    return _salad_texts(lumen, "Instagram")


def with_one_objective_and_word_salad(bakery: plan.Plan) -> plan.Plan:
    """The bakery's plan (`bakery`) cut to Instagram and its cake orders, 14 a month to 15 with a
    spread of 0.1, every written text but SALAD_KEPT word salad naming Instagram: the eleventh
    reader's second disguise (every automatic point while a text had only to be English)."""
    orders = dataclasses.replace(bakery.objectives[0], target="15", spread="0.1")
    return _salad_texts(dataclasses.replace(bakery, objectives=[orders],
                                            channels=bakery.channels[:1]), "Instagram")


SCRIPTED_COPY = Path(__file__).with_name("capstone_scripted_copy.plan.json")


def scripted_copy() -> plan.Plan:
    """A reader's scripted copy of Lumen's plan, as the reader handed it in: Lumen's skeleton with
    every number doubled, the dates three months on, the metrics "Our count of ...", pillars and
    personas renamed and every text a sentence assembled at random, but Lumen's rota and people
    kept. Its shares printed under their lines (27 % of the choices, 32 % of the shape while names
    and texts weighed in it, 45 % of the skeleton alone, no texts) until the shape took out scale
    and calendar (77 %)."""
    return plan.load(SCRIPTED_COPY).plan


def quarter_filled(whole: plan.Plan) -> plan.Plan:
    """The expert reader's quarter-filled plan: only the pillars, channels, voice, reporting and
    actions of `whole`, every other part as a new plan leaves it."""
    return plan.Plan(pillars=whole.pillars, channels=whole.channels, voice=whole.voice,
                     reporting=whole.reporting, actions=whole.actions, weakest=whole.weakest)


def with_invented_rate(bakery: plan.Plan) -> plan.Plan:
    """The expert reader's gamed plan: `bakery` with an engagement rate "from our Instagram
    export" moving from 9.5 to 9.8 with a spread of 0.05, and 1 message a week."""
    rate = plan.Objective("sales", "engagement_rate", "9.5", "9.8", "2027-07-31", spread="0.05",
                          source="our Instagram export",
                          reason="Reels of the Tuesday cake on Instagram draw people in.")
    return dataclasses.replace(bakery, objectives=[*bakery.objectives, rate],
                               community=dataclasses.replace(bakery.community,
                                                             messages_per_week=1, dms_per_week=0))


# Words for `_unrelated_sentence`: one word a slot, and at least two slots in every run of four
# words, so that no run is in three texts of a plan (two slots repeat together every 56 sentences
# at the soonest, under the strides below) and each sentence's words are its own.
OPENERS = ("Yesterday", "Often", "Sometimes", "Usually", "Lately", "Quietly", "Slowly", "Later",
           "Soon", "Again", "Still", "Meanwhile", "Happily")
SUBJECTS = ("sailors", "gardeners", "librarians", "painters", "drivers", "farmers", "tailors",
            "poets", "pilots", "cyclists", "singers")
VERBS = ("repaint", "collect", "measure", "describe", "photograph", "repair", "polish", "gather",
         "sketch", "fold")
OBJECTS = ("lanterns", "bicycles", "kites", "coats", "stones", "maps", "clocks", "blankets",
           "ladders")
PLACES = ("harbour", "meadow", "library", "station", "orchard", "bridge", "castle", "valley")
SEASONS = ("spring", "winter", "summer", "autumn", "evenings", "mornings", "holidays")


def _unrelated_sentence(index: int, channel: str) -> str:
    """A sentence of everyday English about nothing in the plan but `channel`, its runs of four
    words shared with the sentences of at most one other `index` below 112 (strides prime to each
    list's length)."""
    pick = [words[index * stride % len(words)] for words, stride in (
        (OPENERS, 1), (SUBJECTS, 2), (VERBS, 3), (OBJECTS, 4), (PLACES, 3), (SEASONS, 2))]
    opener, subject, verb, thing, place, season = pick
    return f"{opener} {subject} {verb} {thing} by {place} in {season}, and {channel} hears."


# What the checks ask of a disguise's texts beyond being written, added to its unrelated sentences:
# a time for the next update, a label, a role and a time to hand on by, a surge's sum, a voice's
# limit and a reader who decides; the fields whose floor a sentence does not reach take two.
DISGUISE_ENDINGS = {"holding_statement": "We will post an update here by 6 pm.",
                    "disclosure": "Gifted posts say #ad.",
                    "escalation": "The owner hears of it the same day.",
                    "surge": "It prices 3 weeks × 40 extra hours × 25 an hour.",
                    "voice": "We never swear.", "readers": "The owner decides."}
TWO_SENTENCE_FIELDS = {"pause", "escalation", "account_security", "reason"}


def _unrelated_text(field: str, written, channels: list[str]) -> str:
    """An unrelated sentence (`_unrelated_sentence`, numbered from `written`) naming the channel of
    its number, for `field`: two of them in TWO_SENTENCE_FIELDS, ended as DISGUISE_ENDINGS says."""
    index = next(written)
    channel = channels[index % len(channels)]
    text = _unrelated_sentence(index, channel)
    if field in TWO_SENTENCE_FIELDS:
        text = f"{text} {_unrelated_sentence(next(written), channel)}"
    return f"{text} {DISGUISE_ENDINGS[field]}" if field in DISGUISE_ENDINGS else text


SOURCE_FIELDS = {"source"}
STAGED_ASK_FIELDS = {"first_stage", "go_no_go", "payback", "rests_on"}


def with_everything_scaled_and_moved(lumen: plan.Plan, factor: float = 1.7,
                                     later: dt.timedelta = dt.timedelta(weeks=13),
                                     hours: int = 1) -> plan.Plan:
    """Lumen's plan (`lumen`, a copy of `plan.example_plan()`) disguised by the fourteenth reader's
    recipe: every number `factor` times (a share of 100 % kept where it would pass it, a count of
    posts rounded; the staffed and people hours then raised just enough to pass the checks), every
    date `later` on, every look on the rota and the inbox's hours `hours` later, the organisation,
    pillars, personas and people renamed, and every written text an unrelated sentence naming one
    of its channels (the baselines' sources "our own records", with the count a rate is out of;
    the channels' owners stay the renamed people, their hours by person scaled with the budget).
    The reader measured 29 % alike and 40 % of the shape, and this script 20 % and 28 % while the
    shape compared numbers as typed: no copy, every automatic point."""
    lumen.organisation = "Harbour Tea Co."
    lumen.start = str(dt.date.fromisoformat(lumen.start) + later)
    for objective in lumen.objectives:
        ceiling = 100 if "%" in objective.spec().unit else objective.spec().high
        if float(objective.target) * factor <= ceiling:
            for name in ("baseline", "target", "spread"):
                setattr(objective, name, f"{float(getattr(objective, name)) * factor:.4g}")
        objective.by = str(dt.date.fromisoformat(objective.by) + later)
        objective.metric = objective.metric.replace("Lumen", lumen.organisation)
        rate = plan.RATE_OF.search(objective.spec().unit)
        objective.source = "our own records, 2026" + (
            f", about {round(95 * factor)} {rate.group(1)} a month" if rate else "")
    lumen.reporting.first = str(dt.date.fromisoformat(lumen.reporting.first) + later)
    for action in lumen.actions.values():
        action.due = str(dt.date.fromisoformat(action.due) + later)
    for channel in lumen.channels:
        channel.posts = round(channel.posts * factor)
        channel.minutes_per_post = round(channel.minutes_per_post * factor)
        if channel.response_hours:
            channel.response_hours = f"{float(channel.response_hours) * factor:.4g}"
    team, budget = lumen.community, lumen.budget
    team.opens, team.closes = (plan.clock_text(plan.parse_clock(time) + hours)
                               for time in (team.opens, team.closes))
    team.rota = {day: re.sub(r"\b(\d{2})\b", lambda hour: f"{int(hour.group()) + hours:02d}",
                             shift) for day, shift in team.rota.items()}
    for name in ("messages_per_week", "dms_per_week", "minutes_per_reply"):
        setattr(team, name, round(getattr(team, name) * factor, 1))
    for name in ("other_hours", "tools_per_month", "paid_per_month", "contingency"):
        setattr(budget, name, round(getattr(budget, name) * factor, 1))
    team.staffed_hours = max(round(team.staffed_hours * factor, 1),
                             math.ceil(team.hours_needed(min(lumen.promises().values()))))
    budget.people_hours = max(round(budget.people_hours * factor, 1),
                              math.ceil(sum(lumen.hours_by_work().values()) * (1 + plan.BUFFER)))
    budget.hours_by_person = _hours_split_again(lumen)
    renamed = with_new_people(with_themes_and_readers(lumen))
    channels = [channel.name for channel in renamed.channels]
    written = iter(range(1000))

    def unrelated(old: str, field: str) -> str:
        if field not in (PLACEHOLDER_FIELDS | STAGED_ASK_FIELDS) - SOURCE_FIELDS or not old.strip():
            return old
        return _unrelated_text(field, written, channels)
    disguised = _map_texts(renamed, unrelated)
    for channel, named in zip(disguised.channels, renamed.channels, strict=True):
        channel.owner = named.owner  # a person's name, renamed with the rota, not a text
    return disguised


def with_lumen_s_policies_pasted(bakery: plan.Plan) -> plan.Plan:
    """The bakery's plan (`reference_plan`) with Lumen's crisis policy, disclosure, surge pricing,
    complaint escalation and cover pasted word for word, Lumen's people renamed as the bakery's:
    the reader's transplant (0.13 of Lumen's texts, under the 0.25 cap: every automatic point
    while only the whole plan's share of texts was checked)."""
    lumen = plan.example_plan()
    bakers = {"Jo": "Dev", "Lee": "Maya", "Sam": "Gemma", "Ade": "Ollie"}

    def renamed(text):
        return re.sub(r"\b(Jo|Lee|Sam|Ade)\b", lambda name: bakers[name.group()], text)

    return _policies_of(lumen, bakery, renamed)


def _policies_of(source: plan.Plan, target: plan.Plan, change) -> plan.Plan:
    """`target` with the crisis policy, disclosure, surge pricing, complaint escalation and cover
    of `source`, each text `change`d."""
    return dataclasses.replace(
        target, crisis=plan.Crisis(*map(change, dataclasses.astuple(source.crisis))),
        disclosure=change(source.disclosure),
        budget=dataclasses.replace(target.budget, surge=change(source.budget.surge)),
        community=dataclasses.replace(target.community,
                                      escalation=change(source.community.escalation),
                                      deputy=change(source.community.deputy)))


def _with_pasted_texts_changed(bakery: plan.Plan, change) -> plan.Plan:
    """`with_lumen_s_policies_pasted(bakery)` with each pasted text `change`d."""
    pasted = with_lumen_s_policies_pasted(bakery)
    return _policies_of(pasted, pasted, change)


def with_lumen_s_policies_reordered(bakery: plan.Plan) -> plan.Plan:
    """The twenty-third reader's recipe: Lumen's policies pasted (`with_lumen_s_policies_pasted`)
    with each text's sentences in reverse order, which once hid them from a check of words in
    Lumen's order."""
    return _with_pasted_texts_changed(
        bakery, lambda text: " ".join(reversed(re.split(r"(?<=[.!?])\s+", text))))


def with_lumen_s_policies_garbled(bakery: plan.Plan) -> plan.Plan:
    """The twenty-third reader's other recipe: Lumen's policies pasted with every second word
    dropped, no longer readable, and once no longer found."""
    return _with_pasted_texts_changed(bakery, lambda text: " ".join(text.split()[::2]))


def with_lumen_s_policies_padded(bakery: plan.Plan) -> plan.Plan:
    """The expert reader's recipe: Lumen's policies pasted with a filler word ("really", "indeed")
    put between every two words, which once made every neighbouring pair (word, filler)."""
    def padded(text):
        words = text.split()
        return " ".join(words[:1] + [word for at, next_word in enumerate(words[1:])
                                     for word in (("really", "indeed")[at % 2], next_word)])

    return _with_pasted_texts_changed(bakery, padded)


def with_lumen_s_policies_shuffled(bakery: plan.Plan) -> plan.Plan:
    """The expert reader's word salad applied to a transplant: Lumen's policies pasted
    (`with_lumen_s_policies_pasted`) with each text's words shuffled and a third of them dropped
    (`_shuffled_and_cut`) and the holding statement given UPDATE_LINE, which no pair of
    neighbouring words gives away: every automatic point until words were compared in any
    order."""
    shuffled = _with_pasted_texts_changed(bakery, lambda text: _shuffled_and_cut(text, text))
    shuffled.crisis.holding_statement += UPDATE_LINE
    return shuffled


def with_lumen_s_policies_moved(bakery: plan.Plan) -> plan.Plan:
    """The expert reader's other recipe: Lumen's policies pasted into other fields (its pause into
    the crisis escalation and back, its disclosure into the surge pricing and back, its complaint
    escalation into the cover and back), once compared only with Lumen's same field."""
    pasted = with_lumen_s_policies_pasted(bakery)
    crisis, budget, team = pasted.crisis, pasted.budget, pasted.community
    return dataclasses.replace(
        pasted, crisis=dataclasses.replace(crisis, pause=crisis.escalation, escalation=crisis.pause),
        disclosure=budget.surge, budget=dataclasses.replace(budget, surge=pasted.disclosure),
        community=dataclasses.replace(team, escalation=team.deputy, deputy=team.escalation))


ONE_LINE_POLICIES = {"holding_statement": "Sorry, update within two hours.",
                     "pause": "Gemma pauses all posts.", "escalation": "Priya tells Gemma.",
                     "disclosure": "Gifted posts say #gifted."}


def with_one_line_policies(bakery: plan.Plan) -> plan.Plan:
    """The bakery's plan with its crisis policy and disclosure cut to a line each (ONE_LINE_POLICIES),
    as the expert reader's thin plan: each names someone or a time, none can be followed."""
    crisis = {name: text for name, text in ONE_LINE_POLICIES.items() if name != "disclosure"}
    return dataclasses.replace(bakery, crisis=dataclasses.replace(bakery.crisis, **crisis),
                               disclosure=ONE_LINE_POLICIES["disclosure"])


SHORT_REASON = "Paid ads and a new menu will bring more orders."


def with_invented_cake_orders(bakery: plan.Plan, reason: str = SHORT_REASON) -> plan.Plan:
    """The expert reader's invented baseline: 1,400 cake orders a month (a spread of 60) aimed at
    3,500, 2.5 times, with `reason` (10 words unless given): no check can tell the 1,400 invented."""
    orders = dataclasses.replace(bakery.objectives[0], baseline="1400", target="3500", spread="60",
                                 reason=reason)
    return dataclasses.replace(bakery, objectives=[orders, *bakery.objectives[1:]])


def bike_shop_skeleton(bakery: plan.Plan) -> plan.Plan:
    """The expert reader's skeleton for an invented bike shop, rebuilt from the bakery's parts
    (`bakery`): one channel (Instagram), one objective (its cake orders, counted as the shop's
    service bookings from social links), a voice naming Instagram and the bakery's two
    activities, monitoring left unmeasured. All four automatic points until a goal with no
    objective and a single channel were fixes."""
    orders = dataclasses.replace(bakery.objectives[0], metric="Bike service bookings from social "
                                 "links")
    return dataclasses.replace(bakery, organisation="Spoke and Sprocket Cycles",
                               objectives=[orders], channels=bakery.channels[:1],
                               voice="Friendly and plain on Instagram: short sentences, first "
                                     "names, and every service price given in full.")


TEMPLATE_REASON = ("We expect {metric} to reach the target because we will post more often, "
                   "answer every message and share what our customers make.")


def with_templated_reasons(bakery: plan.Plan) -> plan.Plan:
    """The expert reader's templated reasons: every objective of `bakery` given TEMPLATE_REASON
    with its own metric filled in."""
    return dataclasses.replace(bakery, objectives=[
        dataclasses.replace(objective, reason=TEMPLATE_REASON.format(metric=objective.metric))
        for objective in bakery.objectives])


RESPACED_LOOKS = {"07": "09", "11": "12", "15": "14", "19": "17"}  # three hours apart at most
KEPT_BY_THE_RESHAPER = {"presences", "numbers", "competitor", "description", "needs",
                        "source"}  # the audit, personas and pillars: 15 of Lumen's 64 texts kept


def with_each_number_reshaped(lumen: plan.Plan, seed: int = 8) -> plan.Plan:
    """Lumen's plan (`lumen`, a copy of `plan.example_plan()`) reshaped by the expert reader's
    ten-minute recipe: each figure scaled by its own factor drawn between 0.7 and 1.4 (`seed`: a
    baseline, its target's change, each objective's days from the start, each channel's and
    budget line's figures; a spread by 0.7 to 1; the staffed and people hours then raised just
    enough to pass the checks), the looks respaced (RESPACED_LOOKS, the inbox open 09:00 to
    20:00), every name new, twenty points of each channel's mix moved from its smallest share to
    its largest, every written text but the audit's, the personas' and the pillars'
    (KEPT_BY_THE_RESHAPER) an unrelated sentence, and the fields the copy checks once left out
    kept as Lumen's: the first stage, the go/no-go test, the payback, the premises, the baselines'
    sources and the metrics' names, and the account security (then in the texts' share only). The
    reader measured 0.16 of the choices, 0.40 of the shape and 0.23 of the texts: every automatic
    point. Drawn with seed 8 (as the reader, redrawing until it passed; most seeds keep half of
    the shape), this script measured 0.29, 0.48 and 0.23 before those fields counted."""
    draw = random.Random(seed)

    def factor() -> float:
        return draw.uniform(0.7, 1.4)

    lumen.organisation = "Harbour Tea Co."
    for objective in lumen.objectives:
        objective.metric = objective.metric.replace("Lumen", lumen.organisation)
        if plan.COURSE_DATA.search(objective.source):
            rate = plan.RATE_OF.search(objective.spec().unit)
            objective.source = "our own records, 2026" + (
                f", about 95 {rate.group(1)} a month" if rate else "")
        baseline, target = float(objective.baseline), float(objective.target)
        moved = baseline * factor() + (target - baseline) * factor()  # the change its own factor
        ceiling = 100 if "%" in objective.spec().unit else objective.spec().high
        if moved <= ceiling and baseline * 1.4 <= ceiling:
            objective.baseline = f"{baseline * factor():.4g}"
            objective.target = f"{float(objective.baseline) + (target - baseline) * factor():.4g}"
        objective.spread = f"{float(objective.spread) * draw.uniform(0.7, 1):.4g}"
        start, by = dt.date.fromisoformat(lumen.start), dt.date.fromisoformat(objective.by)
        objective.by = str(start + (by - start) * factor())
    for channel in lumen.channels:
        channel.posts = max(1, round(channel.posts * factor())) if channel.posts else 0
        channel.minutes_per_post = round(channel.minutes_per_post * factor())
        if len(channel.mix) > 1:  # twenty points from its smallest share to its largest
            smallest, *_, largest = sorted(channel.mix, key=channel.mix.get)
            channel.mix[largest] += 20
            channel.mix[smallest] -= 20
        if channel.response_hours:  # never faster than the respaced looks can keep
            channel.response_hours = f"{max(3, float(channel.response_hours) * factor()):.3g}"
    team, budget = lumen.community, lumen.budget
    team.opens, team.closes = "09:00", "20:00"
    team.rota = {day: re.sub(r"\b(07|11|15|19)\b", lambda hour: RESPACED_LOOKS[hour.group()],
                             shift) for day, shift in team.rota.items()}
    for name in ("messages_per_week", "dms_per_week", "minutes_per_reply"):
        setattr(team, name, round(getattr(team, name) * factor(), 1))
    for name in ("other_hours", "hourly_cost", "tools_per_month", "paid_per_month", "contingency",
                 "first_stage_cost", "new_money_per_year", "other_costs_per_year"):
        setattr(budget, name, round(getattr(budget, name) * factor()))
    team.staffed_hours = max(round(team.staffed_hours * factor(), 1),
                             math.ceil(team.hours_needed(min(lumen.promises().values()))))
    budget.people_hours = max(round(budget.people_hours * factor(), 1),
                              math.ceil(sum(lumen.hours_by_work().values()) * (1 + plan.BUFFER)))
    budget.hours_today = min(budget.hours_today, budget.people_hours)
    budget.hours_by_person = _hours_split_again(lumen)
    renamed = with_new_people(with_themes_and_readers(lumen))
    channels = [channel.name for channel in renamed.channels]
    written = iter(range(1000))

    def rewritten(old: str, field: str) -> str:
        if field not in PLACEHOLDER_FIELDS - KEPT_BY_THE_RESHAPER or not old.strip():
            return old
        if field in ("account_security", "owner"):
            return old
        return _unrelated_text(field, written, channels)
    reshaped = _map_texts(renamed, lambda text, field: rewritten(text, field).replace(
        "Lumen", renamed.organisation))
    for channel, named in zip(reshaped.channels, renamed.channels, strict=True):
        channel.owner = named.owner
    return reshaped



def _shuffled_and_cut(text: str, seed: str) -> str:
    """`text`'s words shuffled (drawn by `seed`), every third new word dropped (every second in a
    text of under 15 words) but those with a digit: still English words, with their "the", "to"
    and "we", in no order. A text of under four words stays as it is."""
    words = text.split()
    if len(words) < 4:
        return text
    random.Random(seed).shuffle(words)
    every = 2 if len(words) < 15 else 3
    seen, kept = set(), []
    for word in words:
        key = word.lower().strip(".,;:()")
        if key not in seen and len(seen) % every == every - 1 and not re.search(r"\d", word):
            seen.add(key)
            continue
        seen.add(key)
        kept.append(word)
    return " ".join(kept)


# The expert reader's new names for Lumen's, replaced wherever they stand (longest first).
TEA_HOUSE = {"Lumen Coffee Roasters": "Ridgeline Tea House", "Lumen": "Ridgeline", "Sam": "Mia",
             "Ade": "Raj", "Jo": "Kit", "Lee": "Noor", "Hannah": "Olivia", "Marco": "Dario",
             "Priya": "Ken", "Beacon Bean Co.": "Summit Leaf Ltd", "Beacon": "Summit",
             "coffee": "tea", "Coffee": "Tea", "roaster": "blender", "roastery": "blending room",
             "roast": "blend", "café": "tea room", "beans": "leaves",
             "Brewing at home": "Steeping at home", "Behind the roaster": "Behind the blends",
             "Ask the roaster": "Ask the blender", "New roasts and offers": "New blends and deals",
             "Wholesale and careers": "Trade and jobs", "SOCIAL": "SOCIALTEA",
             "Dutchess County": "Ulster County", "cold brew": "iced tea"}
TEA_POSTS = {"Instagram": 4, "Facebook": 3, "TikTok": 3, "X": 2, "LinkedIn": 1, "Threads": 3,
             "Google Business Profile": 2, "Website and blog": 2, "YouTube": 2,
             "Email newsletter": 1}
TEA_MINUTES = {"Instagram": 35, "Facebook": 25, "TikTok": 70, "X": 15, "LinkedIn": 30,
               "Threads": 12, "Google Business Profile": 20, "Website and blog": 150,
               "YouTube": 300, "Email newsletter": 60}
TEA_PROMISES = {"Instagram": "5", "Facebook": "6", "TikTok": "5", "X": "8", "LinkedIn": "8",
                "Threads": "6", "Google Business Profile": "10", "Website and blog": "20",
                "YouTube": "20", "Review sites": "10"}
SHUFFLED_KEPT = {"source", "owner", "readers", "approver"}  # not shuffled by the reader
UPDATE_LINE = " We will post an update here by TIME."


def with_words_shuffled_and_cut(lumen: plan.Plan, seed: int = 1) -> plan.Plan:
    """The expert reader's word salad of Lumen's plan (`lumen`, a copy of `plan.example_plan()`):
    every name new (TEA_HOUSE), about 20 numbers moved (each baseline 1.3 times and its target's
    rise 2.1 times, each date 45 days on, each channel's cadence, minutes and promise, the inbox
    hours, rota and budget), the baselines' sources "our own" records, every written text
    `_shuffled_and_cut` (the holding statement then given UPDATE_LINE), and one persona's needs
    typed anew. The reader measured 0.24 of the choices, 0.41 of the shape and 0.21 of the texts,
    no names: every automatic point while texts were compared with Lumen's only in Lumen's word
    order or by nearly all their words. Drawn with seed 1 (the first seed tried), this script
    measured 0.23, 0.41 and 0.21 then, and earned every point too."""
    copied = json.dumps(plan.to_dict(lumen), ensure_ascii=False)
    for old, new in sorted(TEA_HOUSE.items(), key=lambda names: -len(names[0])):
        copied = re.sub(rf"\b{re.escape(old)}\b", new, copied)
    tea = plan.from_dict(json.loads(copied))
    for objective in tea.objectives:
        baseline, target = float(objective.baseline), float(objective.target)
        moved = round(baseline * 1.3, 1)
        objective.baseline = f"{moved:g}"
        objective.target = f"{round(moved * 0.5, 1):g}" if objective.metric == "response_time" \
            else f"{min(99, round(moved + target - baseline, 1)):g}" \
            if objective.metric == "questions_answered" \
            else f"{round(moved + (target - baseline) * 2.08, 1):g}"
        objective.spread = f"{float(objective.spread) * 1.3:.2g}"
        objective.by = str(dt.date.fromisoformat(objective.by) + dt.timedelta(days=45))
        objective.periods = str(int(objective.periods) + 1) if objective.periods else ""
        if plan.COURSE_DATA.search(objective.source):
            objective.source = "our own inbox export, 2026"
        if "mention" in f"{objective.metric} {objective.unit}".lower():
            objective.source += "; about 90 mentions a month"
        if objective.metric == "questions_answered":
            objective.baseline, objective.target = "80", "94"
    for channel in tea.channels:
        channel.posts = TEA_POSTS.get(channel.name, channel.posts)
        channel.minutes_per_post = TEA_MINUTES.get(channel.name, channel.minutes_per_post)
        channel.response_hours = TEA_PROMISES.get(channel.name, channel.response_hours)
        if len(channel.mix) >= 2:
            shares = [60] + [40 // (len(channel.mix) - 1)] * (len(channel.mix) - 1)
            shares[1] += 100 - sum(shares)
            channel.mix = dict(zip(channel.mix, shares, strict=True))
    team, budget = tea.community, tea.budget
    team.opens, team.closes = "08:00", "18:30"
    team.rota = {**dict.fromkeys(("Mon", "Tue"), "Mia at 08 and 13, Kit at 18"),
                 **dict.fromkeys(("Wed", "Thu", "Fri"), "Raj at 08 and 13, Mia at 18"),
                 **dict.fromkeys(("Sat", "Sun"), "Raj at 08 and 13, Kit at 18")}
    team.staffed_hours, team.messages_per_week, team.dms_per_week = 11, 70, 10
    team.minutes_per_reply = 5
    budget.tools_per_month, budget.paid_per_month, budget.contingency = 300, 150, 16000
    budget.people_hours = 48
    budget.hours_by_person = {"Mia": 17, "Raj": 19, "Kit": 7, "Head of marketing": 5}
    salad = _map_texts(tea, lambda old, field: _shuffled_and_cut(old, f"{seed}:{field}:{old}")
                       if field in (PLACEHOLDER_FIELDS | STAGED_ASK_FIELDS) - SHUFFLED_KEPT
                       else old)
    salad.crisis.holding_statement = _shuffled_and_cut(
        tea.crisis.holding_statement, f"{seed}:holding_statement") + UPDATE_LINE
    for persona in salad.audience.personas:
        if len(persona.needs.split()) < plan.PROSE_MIN_WORDS:
            persona.needs = "Steady supply, staff training, and honest prices for trade"
    return salad


def task_b_run(handed_in: plan.Plan, folder: Path) -> tuple[float, str]:
    """The solution's Task B hidden-test cell run in this process on `handed_in` saved in `folder`:
    its points and what it printed."""
    path = folder / "my_strategy.plan.json"
    plan.save(handed_in, path)
    earned, shown = [], io.StringIO()
    with contextlib.redirect_stdout(shown):
        exec(solution_cells()["own_plan_test"], {  # noqa: S102 (the course's own hidden test)
            "plan": plan, "PLAN_FILE": path,
            "score_parts": lambda checks, points: earned.append(score_parts(checks, points))})
    return earned[0], shown.getvalue()


# The expert reader's six fields that still took hollow text: who approves what is said in a crisis,
# the account security, and the staged ask (its first stage, go/no-go test, payback and premises).
HOLLOW_CRISIS_AND_ASK = {"approver": "Management.",
                         "account_security": "Gemma keeps the passwords safe.",
                         "first_stage": "Approve it.", "go_no_go": "We will see how it goes.",
                         "payback": "Soon.", "rests_on": "Things going well."}
# The expert reviewer's hollow bakery: every text a line of a few words, every reason its own.
HOLLOW_REASONS = ("Celebration cakes posts make people happy.", "Happy customers leave good reviews.",
                  "People who liked a cake come back.", "We will try hard to answer more questions.",
                  "We will reply faster than before.", "WhatsApp questions get answered the same day.")
HOLLOW_TEXTS = {"voice": "Friendly and fun on Instagram and Facebook.",
                "escalation": "Complaints that staff cannot solve go to the owner.",
                "deputy": "Ollie covers.",
                "holding_statement": "Sorry, we are looking into it and will update you by 5 pm.",
                "pause": "Gemma pauses all the scheduled posts when things go wrong.",
                "crisis_escalation": "Staff tell the owner about any crisis that comes up.",
                "disclosure": "Gifted and paid posts are always labelled #ad by us.",
                "surge": "Extra help from the team for a busy week or a crisis.",
                "readers": "The team", **HOLLOW_CRISIS_AND_ASK}


def with_hollow_crisis_and_ask(bakery: plan.Plan) -> plan.Plan:
    """The reference bakery (`bakery`) hollow only in the expert reader's six fields
    (HOLLOW_CRISIS_AND_ASK): an approver who is nobody of the plan, account security of a few
    words, a first stage without its end, a go/no-go test without a date or a number, a payback
    without a time and premises without a figure. Each left the plan nothing to fix."""
    texts = HOLLOW_CRISIS_AND_ASK
    return dataclasses.replace(
        bakery, crisis=dataclasses.replace(bakery.crisis, approver=texts["approver"],
                                           account_security=texts["account_security"]),
        budget=dataclasses.replace(bakery.budget, **{name: texts[name] for name in (
            "first_stage", "go_no_go", "payback", "rests_on")}))


def with_hollow_texts(bakery: plan.Plan) -> plan.Plan:
    """The expert reviewer's hollow plan: a made-up bakery with the reference bakery's numbers
    (`bakery`), complete, but with one-line reasons (HOLLOW_REASONS, each different) and policies
    of a few words (HOLLOW_TEXTS, the six of `with_hollow_crisis_and_ask` among them). It earned
    Task B's 4 points before the checks asked for substance."""
    texts, hollow = HOLLOW_TEXTS, with_hollow_crisis_and_ask(bakery)
    return dataclasses.replace(
        hollow, organisation="Sugar Loaf Bakery",
        objectives=[dataclasses.replace(objective, reason=reason)
                    for objective, reason in zip(bakery.objectives, HOLLOW_REASONS, strict=True)],
        voice=texts["voice"], disclosure=texts["disclosure"],
        community=dataclasses.replace(bakery.community, escalation=texts["escalation"],
                                      deputy=texts["deputy"]),
        crisis=dataclasses.replace(hollow.crisis, holding_statement=texts["holding_statement"],
                                   pause=texts["pause"], escalation=texts["crisis_escalation"]),
        budget=dataclasses.replace(hollow.budget, surge=texts["surge"]),
        reporting=dataclasses.replace(bakery.reporting, readers=texts["readers"]))
