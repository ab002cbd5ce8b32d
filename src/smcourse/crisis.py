"""A small, deterministic model of one customer complaint on social media, and of how the brand's
answer changes what happens to it.

The scenario: a customer posts that their Lumen order arrived late and stale, tags the brand, and
the post starts to travel. The brand picks one of six choices (`CHOICES`) and the hour at which it
acts; `simulate` returns the hour-by-hour timeline and `outcome` the end state. The model is a
teaching device, not a forecast. Every number in it is a parameter (`PARAMETERS`), and each is
documented as sourced (with the publication it comes from, in `SOURCES`) or as an assumption.

The model, hour by hour (t = 0, 1, 2 ...):

1. **Attention decays unless something feeds it.** Attention A(t) is the number of exposures the
   story gets in hour t. It starts at `first_views` (the complainant's own followers) and shrinks by
   the factor d = 2 ** (-1 / half_life) every hour. It is fed by events: each new negative voice
   adds `voice_views` exposures over the following hours (their followers see their post), so one
   viewer leads on average to voice_share * voice_views < 1 further exposures and the story dies
   down unless something else feeds it. A complainant who has no answer in person by
   `ESCALATION_HOUR` posts again, adding `escalation_share * first_views` (a defensive reply or a
   statement on the brand's own feed is not an answer in person); a defensive reply re-ignites the
   story (adds `first_views` again); a broadcast statement or a public follow-up adds the brand's
   own organic reach, `followers * follower_reach`, spread over the hours as it decays.
2. **Reach is bounded by the audience that can see it.** The audience is
   N = followers * follower_reach + outsiders: the share of the brand's followers that a post about
   the brand reaches, plus a modest number of non-followers (the complainant's network and the
   people their sharers reach). Of the A(t) exposures, the new people reached are
   (N - R) * (1 - exp(-A(t) / N)), so reach R never exceeds N, and the final reach depends only on
   the total exposures, not on their order.
3. **Seeing is not voicing.** A small share of the new viewers post about it (participation
   inequality): new negative voices = voice_share * damping(t) * new viewers. The damping is 1
   while the complaint is unanswered or answered defensively, `BROADCAST_DAMPING` after a
   broadcast statement, `HOLDING_DAMPING` after a holding statement, and `PERSONAL_DAMPING` once
   the customer has a personal answer: people who find a complaint answered rarely pile on. A
   defensive reply instead draws `pile_on` more voices per voice so far.
4. **An answer cools the story and wins people back.** A personal answer removes `cooling` of the
   attention still to come, and wins back win_back * timeliness(h) of the negative voices, where
   timeliness(h) = 1 up to `EXPECTED_HOURS` and halves every `patience` hours after that.
5. **Sentiment mixes voices.** The settled tone of the conversation about the brand is the mix of
   its everyday community (`community` people, at tone `baseline`), the won-back voices (at the
   community's tone) and the voices left unresolved (at `complaint_tone`). The service recovery
   effect lifts the community's tone by recovery_holds * visibility * timeliness(h) *
   (praise_tone - baseline): it holds for a minority (`recovery_holds`), more when the recovery is
   public (`VISIBILITY`), and less the later it comes. The hourly sentiment is the tone of the last
   24 hours of mentions: `everyday_mentions` a day at the settled tone, plus the voices that joined
   in those 24 hours.

Because every helpful effect applies from the hour of the answer on and every harmful event grows
with waiting, answering earlier with the same choice is never worse; `tests/test_crisis.py` checks
this and the other properties a practitioner would insist on.

Outcomes (`outcome`, `outcome_table`) are measured when the story has run its course
(`STORY_HOURS`); the timeline (`simulate`) shows the first `HOURS`. `band` reruns an outcome over
the low, central and high value of every uncertain parameter, one at a time, and `sensitivity`
returns the same runs for a tornado chart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from smcourse.errors import SmcourseError

HOURS = 96               # hours the timeline shows: four days
STORY_HOURS = 504        # hours over which outcomes are measured: three weeks, long after it dies down
ESCALATION_HOUR = 4      # an unacknowledged complainant posts again at this hour (see EXPECTED_HOURS)
EXPECTED_HOURS = 4       # sourced: Sprout Social Index Q2 2016, people expect a reply within 4 hours
HOLDING_GAP = 3          # assumption: hours from a holding statement to the personal replies
FOLLOW_UP_GAP = 24       # assumption: hours from the personal reply to the transparent public update
BROADCAST_DAMPING = 0.7  # assumption: viewers of a brand statement pile on less (see SOURCES["kim2016"])
HOLDING_DAMPING = 0.6    # assumption: an acknowledged complaint draws fewer new voices
PERSONAL_DAMPING = 0.3   # assumption: an answered, resolved complaint draws few new voices
VISIBILITY = {"personal": 0.25, "holding": 0.25, "transparent": 1.0}  # assumption: who sees a recovery


@dataclass(frozen=True)
class Parameters:
    """The model's parameters; `PARAMETERS` documents each (value range, unit, source)."""

    followers: float = 37_000
    follower_reach: float = 0.128
    outsiders: float = 3_000
    first_views: float = 200
    half_life: float = 6.0
    voice_share: float = 0.02
    voice_views: float = 15
    escalation_share: float = 0.36
    pile_on: float = 0.5
    cooling: float = 0.5
    win_back: float = 0.34
    patience: float = 24.0
    recovery_holds: float = 0.18
    community: float = 500
    everyday_mentions: float = 5
    baseline: float = 0.2
    complaint_tone: float = -0.6
    praise_tone: float = 0.6


CENTRAL = Parameters()


@dataclass(frozen=True)
class Parameter:
    """One parameter: its plausible low and high values, what it means, and where it comes from."""

    name: str
    low: float
    high: float
    unit: str
    meaning: str
    source: str  # a key of SOURCES, or "assumption: why this value"

    @property
    def central(self) -> float:
        return getattr(CENTRAL, self.name)

    @property
    def sourced(self) -> bool:
        return not self.source.startswith("assumption")


SOURCES = {
    "agorapulse": "Agorapulse barometer, quoted by Jon Loomer and K. Banet, 'Who sees my Facebook posts "
                  "anyway?': pages with 1,000-10,000 fans reach 12.8 % of them with a post, all pages "
                  "9.0 %. https://kevinbanet.com/who-sees-my-facebook-posts-anyway",
    "facebook2012": "Facebook's 2012 figure of 16 % average organic reach of a page's fans, reported in "
                    "Adweek, 'How many fans do your Facebook posts reach?'. "
                    "http://www.adweek.com/digital/how-many-fans-do-your-facebook-posts-reach/",
    "pfeffer2023": "Pfeffer, Matter and Sargsyan (2023), 'The Half-Life of a Tweet', ICWSM 17: median "
                   "half-life of a tweet's impressions about 80 minutes; ~95 % of tweets have no "
                   "relevant impressions after 24 hours. https://ojs.aaai.org/index.php/ICWSM/article/"
                   "view/22228",
    "nielsen2006": "Nielsen (2006), 'Participation Inequality: Encouraging More Users to Contribute', "
                   "Alertbox: 90 % of users lurk, 9 % contribute a little, 1 % account for most "
                   "activity. http://www.useit.com/alertbox/participation_inequality.html",
    "sprout2016": "Sprout Social Index Q2 2016: ignored on social media, 36 % of people say they would "
                  "shame the brand on their own profiles; people expect a reply within four hours. "
                  "https://sproutsocial.com/insights/responding-on-social-media/ and "
                  "https://pauldughi.com/2016/05/15/the-impact-of-not-responding-quickly-to-customer-"
                  "inquiries-on-social-media/",
    "sprout2017": "Sprout Social Index Q3 2017 ('Call-out culture'), via eMarketer: 50 % would never buy "
                  "again after a poor response to their complaint, and nearly as many were more likely "
                  "to share the experience with friends. http://hispanicad.com/media/marketing-social/"
                  "got-complaint-brands-take-it-social-media",
    "rightnow2011": "RightNow / Harris Interactive Retail Consumer Report (2011): of shoppers whose "
                    "negative post got a reply, 34 % deleted it, 33 % posted a positive review and "
                    "18 % became loyal customers. https://www.businesswire.com/news/home/"
                    "20110301007409/en/",
    "dematos2007": "de Matos, Henrique and Rossi (2007), 'Service Recovery Paradox: A Meta-Analysis', "
                   "Journal of Service Research 10(1): the paradox holds on satisfaction, not on "
                   "repurchase intention, word of mouth or corporate image. "
                   "https://www.researchgate.net/publication/"
                   "247745333_Service_Recovery_Paradox_A_Meta-Analysis",
    "michel2008": "Michel and Meuter (2008), 'The service recovery paradox: true but overrated?', "
                  "International Journal of Service Industry Management 19(4): real, but rare and "
                  "small. https://serviceleadershipblog.com/the-service-recovery-paradox-true-but-"
                  "overrated/",
    "kim2016": "Kim, Wang, Maslowska and Malthouse (2016), 'Understanding a fury in your words', "
               "Computers in Human Behavior 54, 511-521: a company's public apology helps those who "
               "view a complaint, not those who posted it. https://doi.org/10.1016/j.chb.2015.08.015",
    "baer2016": "Baer (2016), Hug Your Haters, with Edison Research: 40 % of those who expect a reply "
                "on social media expect it within an hour. http://www.socialmediatoday.com/special-"
                "columns/learning-hug-your-haters-jay-baer",
}

PARAMETERS = {p.name: p for p in (
    Parameter("followers", 37_000, 37_000, "people",
              "the brand's followers across platforms",
              "assumption: the scenario's brand, about Lumen's size in the case data; not varied"),
    Parameter("follower_reach", 0.09, 0.16, "share",
              "share of followers a post about the brand can reach", "agorapulse; facebook2012"),
    Parameter("outsiders", 1_500, 6_000, "people",
              "non-followers who could see the story (the complainant's network and beyond)",
              "assumption: a modest number next to the followers"),
    Parameter("first_views", 100, 400, "exposures per hour",
              "exposures in the first hour, from the complainant's own followers",
              "assumption: an ordinary customer's following, a few hundred people"),
    Parameter("half_life", 3.0, 12.0, "hours",
              "half-life of attention to the story when nothing feeds it",
              "assumption: longer than a single tweet's 80 minutes (pfeffer2023), since a complaint "
              "thread gathers replies"),
    Parameter("voice_share", 0.01, 0.05, "share",
              "share of new viewers who post about it (negative voices)",
              "assumption: guided by the 90-9-1 rule (nielsen2006)"),
    Parameter("voice_views", 10, 18, "exposures",
              "exposures each negative voice's post adds",
              "assumption: kept low enough that the story dies down on its own"),
    Parameter("escalation_share", 0.18, 0.5, "share of a first post",
              "how much an unacknowledged complainant posts again at hour 4",
              "sprout2016 (36 % would shame the brand); range an assumption"),
    Parameter("pile_on", 0.25, 1.0, "voices per voice",
              "extra negative voices a defensive reply draws, per voice so far",
              "assumption: guided by sprout2017 (a poor response gets shared)"),
    Parameter("cooling", 0.3, 0.7, "share",
              "share of the story's remaining attention a personal answer removes",
              "assumption"),
    Parameter("win_back", 0.18, 0.67, "share",
              "share of negative voices a prompt personal answer wins back", "rightnow2011"),
    Parameter("patience", 12.0, 48.0, "hours",
              "hours after the expected 4 in which an answer's effect halves",
              "assumption: expectations from sprout2016 and baer2016"),
    Parameter("recovery_holds", 0.0, 0.33, "share",
              "how often the service recovery effect holds (ends better than before)",
              "dematos2007 (none on word of mouth); michel2008; rightnow2011 (18 % loyal, 33 % "
              "positive review)"),
    Parameter("community", 250, 1_000, "people",
              "people whose posts make up the brand's everyday conversation",
              "assumption"),
    Parameter("everyday_mentions", 5, 5, "mentions a day",
              "mentions of the brand on an ordinary day",
              "assumption: of the order of Lumen's mentions in the case data; not varied"),
    Parameter("baseline", 0.2, 0.2, "net sentiment",
              "the tone of an ordinary day's mentions (-1 to +1)",
              "assumption: close to Lumen's usual tone in the case data; not varied"),
    Parameter("complaint_tone", -0.6, -0.6, "net sentiment",
              "the tone of a negative voice's posts", "assumption; not varied"),
    Parameter("praise_tone", 0.6, 0.6, "net sentiment",
              "the tone of someone for whom the recovery effect holds", "assumption; not varied"),
)}

CONSTANTS = (  # the fixed rules of the scenario, documented like the parameters
    ("ESCALATION_HOUR", ESCALATION_HOUR, "hours",
     "hour at which a complainant with no answer in person posts again",
     "sprout2016 (a reply is expected within four hours)"),
    ("EXPECTED_HOURS", EXPECTED_HOURS, "hours", "hours within which an answer loses nothing",
     "sprout2016"),
    ("HOLDING_GAP", HOLDING_GAP, "hours", "hours from a holding statement to the personal replies",
     "assumption"),
    ("FOLLOW_UP_GAP", FOLLOW_UP_GAP, "hours",
     "hours from the personal reply to the transparent public update", "assumption"),
    ("BROADCAST_DAMPING", BROADCAST_DAMPING, "factor",
     "new voices per viewer after a broadcast statement, against none", "assumption: guided by kim2016"),
    ("HOLDING_DAMPING", HOLDING_DAMPING, "factor",
     "new voices per viewer after a holding statement", "assumption"),
    ("PERSONAL_DAMPING", PERSONAL_DAMPING, "factor",
     "new voices per viewer once the customer has a personal answer", "assumption"),
    ("VISIBILITY personal, holding", VISIBILITY["personal"], "share",
     "how widely a recovery in replies is seen, against a public post", "assumption"),
    ("VISIBILITY transparent", VISIBILITY["transparent"], "share",
     "how widely a recovery announced in a public update is seen", "assumption"),
)

UNCERTAIN = tuple(name for name, p in PARAMETERS.items() if p.low != p.high)


@dataclass(frozen=True)
class Choice:
    """One way to answer a complaint."""

    name: str
    label: str
    description: str


CHOICES = {choice.name: choice for choice in (
    Choice("ignore", "Ignore it",
           "Say nothing and hope it blows over."),
    Choice("defensive", "Defensive reply",
           "Answer in public that the customer is wrong or that it is not the brand's fault."),
    Choice("broadcast", "Broadcast statement",
           "Post a general statement on the brand's own feed; the customer gets no answer."),
    Choice("personal", "Personal reply",
           "A named person answers the customer where they posted, apologises and puts it right."),
    Choice("holding", "Holding statement, then personal replies",
           f"Acknowledge at once ('we are looking into it'), then answer personally {HOLDING_GAP} "
           f"hours later."),
    Choice("transparent", "Transparent follow-up",
           f"A personal reply, then {FOLLOW_UP_GAP} hours later a public update on what went wrong "
           f"and what has changed."),
)}

ANSWERED = ("personal", "holding", "transparent")  # the choices that answer the customer in person


def choice_named(name: str) -> Choice:
    """The choice called `name`, or an error that lists the ones there are."""
    try:
        return CHOICES[name]
    except (KeyError, TypeError):
        raise SmcourseError(f"There is no choice called {name!r}. Choose one of: "
                            f"{', '.join(CHOICES)}.") from None


def _check_whole(value, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SmcourseError(f"The {what} must be a whole number of hours, not {value!r}.")
    if not low <= value <= high:
        raise SmcourseError(f"The {what} must be between {low} and {high} (hours after the first "
                            f"complaint), not {value}.")
    return value


def audience(params: Parameters = CENTRAL) -> float:
    """The people who could see the story at all: followers a post reaches, plus outsiders."""
    return params.followers * params.follower_reach + params.outsiders


def timeliness(hour: int, params: Parameters = CENTRAL) -> float:
    """1 for an answer within the expected hours, halving every `patience` hours after that."""
    return 2.0 ** (-max(0, hour - EXPECTED_HOURS) / params.patience)


def _run(name: str, respond_at: int, params: Parameters, hours: int) -> dict:
    """The model's loop: lists per hour 0..hours, plus the end state."""
    n, p = audience(params), params
    decay = 2.0 ** (-1.0 / p.half_life)
    statement = p.followers * p.follower_reach * (1 - decay)  # hourly start of the brand's own post
    acknowledged = name in ANSWERED and respond_at <= ESCALATION_HOUR
    resolved_at = respond_at + HOLDING_GAP if name == "holding" else respond_at
    win = p.win_back * timeliness(respond_at, p) if name in ANSWERED else 0.0
    lift = (p.recovery_holds * VISIBILITY.get(name, 0.0) * timeliness(respond_at, p)
            * (p.praise_tone - p.baseline))
    lift_at = respond_at + FOLLOW_UP_GAP if name == "transparent" else resolved_at
    attention, reach, voices, peak_attention = p.first_views, 0.0, 0.0, p.first_views
    rows = {key: [] for key in ("views", "reach", "voices", "won_back", "sentiment", "lift")}
    for hour in range(hours + 1):
        if hour == ESCALATION_HOUR and not acknowledged:
            attention += p.escalation_share * p.first_views
        if hour == respond_at and name == "defensive":
            attention += p.first_views
            extra = p.pile_on * voices
            voices += extra
            attention += extra * p.voice_views * (1 - decay)
        if hour == respond_at and name == "broadcast":
            attention += statement
        if hour == resolved_at and name in ANSWERED:
            attention *= 1 - p.cooling
        if name == "transparent" and hour == respond_at + FOLLOW_UP_GAP:
            attention += statement
        if hour >= resolved_at and name in ANSWERED:
            damping = PERSONAL_DAMPING
        elif hour >= respond_at and name == "holding":
            damping = HOLDING_DAMPING
        elif hour >= respond_at and name == "broadcast":
            damping = BROADCAST_DAMPING
        else:
            damping = 1.0
        new = (n - reach) * -math.expm1(-attention / n)
        reach += new
        new_voices = p.voice_share * damping * new
        voices += new_voices
        peak_attention = max(peak_attention, attention)
        attention = attention * decay + new_voices * p.voice_views * (1 - decay)
        rows["views"].append(new)
        rows["reach"].append(reach)
        rows["voices"].append(voices)
        rows["won_back"].append(win * voices if hour >= resolved_at else 0.0)
        rows["lift"].append(lift if hour >= lift_at else 0.0)
    for hour in range(hours + 1):
        tone = p.baseline + rows["lift"][hour]
        old = rows["voices"][hour - 24] if hour >= 24 else 0.0
        won = win if hour >= resolved_at else 0.0
        fresh = rows["voices"][hour] - old
        settled = (p.community * tone + old * (won * tone + (1 - won) * p.complaint_tone)) / (
            p.community + old)
        mentions = p.everyday_mentions
        rows["sentiment"].append((mentions * settled + fresh * (won * tone + (1 - won) * p.complaint_tone))
                                 / (mentions + fresh))
    return rows


def _check(name: str, respond_at: int, hours: int) -> None:
    choice_named(name)
    if isinstance(hours, bool) or not isinstance(hours, int) or hours < 1:
        raise SmcourseError(f"The timeline needs at least one hour, not {hours!r}.")
    _check_whole(respond_at, "response hour", 0, max(hours, HOURS))


def simulate(choice: str, respond_at: int = 0, hours: int = HOURS,
             params: Parameters = CENTRAL) -> pd.DataFrame:
    """Hour-by-hour timeline when the brand makes `choice` `respond_at` hours in.

    One row per hour 0..hours: views (people who first see the complaint in that hour), reach (people
    who have seen it so far), voices (people who have posted against the brand so far), won_back (of
    those, the ones the answer has won back), sentiment (net tone of the last 24 hours of mentions,
    -1 to +1), and the choice and respond_at.
    """
    _check(choice, respond_at, hours)
    rows = _run(choice, respond_at, params, hours)
    rows.pop("lift")
    timeline = pd.DataFrame({"hour": range(hours + 1), **rows})
    return timeline.assign(choice=choice, respond_at=respond_at)


def outcome(choice: str, respond_at: int = 0, params: Parameters = CENTRAL) -> dict:
    """Where the story ends when it has run its course (`STORY_HOURS`): a dict of

    reach (people who saw it), voices (people who posted against the brand), won_back, sentiment
    (the settled tone of the conversation about the brand), lowest_sentiment (the worst 24 hours),
    peak_views (people reached in the busiest hour) and peak_hour.

    Reach, voices and sentiment are the outcomes the properties are about (answering earlier is
    never worse). The worst day's sentiment is not: once a story gets going, the day's mentions are
    nearly all complaints whatever the hour of the answer, so it sits close to `complaint_tone` and
    moves by hundredths either way.
    """
    _check(choice, respond_at, HOURS)
    rows = _run(choice, respond_at, params, STORY_HOURS)
    views = rows["views"]
    peak_hour = max(range(len(views)), key=views.__getitem__)
    return {"choice": choice, "respond_at": respond_at, "reach": rows["reach"][-1],
            "voices": rows["voices"][-1], "won_back": rows["won_back"][-1],
            "sentiment": rows["sentiment"][-1], "lowest_sentiment": min(rows["sentiment"]),
            "peak_views": views[peak_hour], "peak_hour": peak_hour}


def compare(respond_at: int, choices=tuple(CHOICES), hours: int = HOURS,
            params: Parameters = CENTRAL) -> pd.DataFrame:
    """The timelines of several choices made at the same hour, stacked in one long table."""
    return pd.concat([simulate(name, respond_at, hours, params) for name in choices],
                     ignore_index=True)


def outcome_table(hours=(0, 6, 24, 48), choices=tuple(CHOICES),
                  params: Parameters = CENTRAL) -> pd.DataFrame:
    """One row per choice and response hour: the outcome of each (see `outcome`)."""
    return pd.DataFrame([outcome(name, hour, params) for name in choices for hour in hours])


def timing_sweep(choices=tuple(CHOICES), step: int = 3, last: int = HOURS,
                 params: Parameters = CENTRAL) -> pd.DataFrame:
    """Outcomes of each choice made at hour 0, step, 2*step ... last: what waiting costs."""
    return outcome_table(tuple(range(0, last + 1, step)), choices, params)


def varied(name: str, level: str) -> Parameters:
    """The central parameters with `name` set to its `level` ("low", "central" or "high") value."""
    parameter = PARAMETERS[name]
    return replace(CENTRAL, **{name: getattr(parameter, level)})


def sensitivity(choice: str, respond_at: int, measure: str = "sentiment") -> pd.DataFrame:
    """How `measure` of one outcome moves when each uncertain parameter goes to its low or high value.

    One row per parameter, largest swing first: parameter, meaning, low (the outcome with the
    parameter low), high, central and swing (the absolute difference between low and high).
    """
    if measure not in ("reach", "voices", "sentiment", "lowest_sentiment", "peak_views"):
        raise SmcourseError(f"There is no outcome called {measure!r}.")
    central = outcome(choice, respond_at)[measure]
    rows = []
    for name in UNCERTAIN:
        low = outcome(choice, respond_at, varied(name, "low"))[measure]
        high = outcome(choice, respond_at, varied(name, "high"))[measure]
        rows.append({"parameter": name, "meaning": PARAMETERS[name].meaning, "low": low,
                     "high": high, "central": central, "swing": abs(high - low)})
    return pd.DataFrame(rows).sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


def band(choice: str, respond_at: int) -> pd.DataFrame:
    """The central outcome with a band: the lowest and highest value of each measure over the runs
    in which one uncertain parameter at a time takes its low or high value.

    One row per measure: measure, low, central, high. The band shows how much each parameter's
    uncertainty alone can move the answer; it does not combine them, so the joint uncertainty is
    wider.
    """
    runs = [outcome(choice, respond_at)] + [outcome(choice, respond_at, varied(name, level))
                                            for name in UNCERTAIN for level in ("low", "high")]
    rows = []
    for measure in ("reach", "voices", "sentiment", "lowest_sentiment", "peak_views"):
        values = [run[measure] for run in runs]
        rows.append({"measure": measure, "low": min(values), "central": runs[0][measure],
                     "high": max(values)})
    return pd.DataFrame(rows)


def parameter_table() -> pd.DataFrame:
    """Every parameter and fixed rule (`CONSTANTS`): central value, low and high, unit, meaning, and
    its source or 'assumption'."""
    rows = []
    for p in PARAMETERS.values():
        source = p.source
        if p.sourced:
            keys = [key.strip() for key in source.replace(";", " ").split() if key.strip() in SOURCES]
            source = "sourced: " + source
            assert keys, p.name
        rows.append({"parameter": p.name, "central": p.central, "low": p.low, "high": p.high,
                     "unit": p.unit, "meaning": p.meaning, "basis": source})
    for name, value, unit, meaning, basis in CONSTANTS:
        rows.append({"parameter": name, "central": value, "low": value, "high": value, "unit": unit,
                     "meaning": meaning + " (fixed)",
                     "basis": basis if basis.startswith("assumption") else "sourced: " + basis})
    return pd.DataFrame(rows)


def closing_table(hours=(0, 6, 24, 48), with_band: bool = False) -> pd.DataFrame:
    """The outcome table in the words of a closing note: rounded, one row per choice and hour.

    With `with_band`, two more columns give the band (see `band`) of the reach and of the sentiment
    at the end, as text such as "+0.15 to +0.20".
    """
    table = outcome_table(hours)
    labels = {name: choice.label for name, choice in CHOICES.items()}
    closing = pd.DataFrame({
        "choice": table["choice"].map(labels), "answered at hour": table["respond_at"],
        "people reached": table["reach"].round(-1).astype(int),
        "negative voices": table["voices"].round().astype(int),
        "sentiment at end": table["sentiment"].round(2),
        "worst day's sentiment": table["lowest_sentiment"].round(2),
        "busiest hour (people)": table["peak_views"].round().astype(int),
        "busiest hour": table["peak_hour"]})
    if with_band:
        bands = [band(name, hour).set_index("measure") for name, hour in
                 zip(table["choice"], table["respond_at"], strict=True)]
        closing["reach band"] = [f"{b.loc['reach', 'low']:,.0f} to {b.loc['reach', 'high']:,.0f}"
                                 for b in bands]
        closing["sentiment band"] = [f"{b.loc['sentiment', 'low']:+.2f} to "
                                     f"{b.loc['sentiment', 'high']:+.2f}" for b in bands]
    return closing


def main() -> None:
    """Print the closing-note table as Markdown: `python -m smcourse.crisis`."""
    print(f"Baseline sentiment {CENTRAL.baseline:+.2f}; audience that could see the story "
          f"{audience():,.0f} people. Outcomes once the story has died down ({STORY_HOURS} hours); "
          f"bands: each uncertain parameter at its low and high value, one at a time.\n")
    print(closing_table(with_band=True).to_markdown(index=False, floatfmt="+.2f"))


if __name__ == "__main__":  # pragma: no cover
    main()
