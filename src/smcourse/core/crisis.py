"""A small, deterministic model of one customer complaint on social media, and of how the brand's
answer changes what happens to it.

The scenario: a customer with a few hundred followers posts that their Lumen order arrived late and
stale, tags the brand, and the post starts to travel a little. The brand picks one of six choices
(`CHOICES`) and the hour at which it acts; `simulate` returns the hour-by-hour timeline and `outcome`
the end state. The model is a teaching device, not a forecast. Every number in it is a parameter
(`PARAMETERS`) or a fixed rule (`CONSTANTS`), each documented as sourced (with the publication it
comes from, in `SOURCES`; sources older than 2024 say so) or as an assumption.

It models one complaint, not a problem that affects many customers. For a recall or a safety issue a
public statement is the required first step; the model says nothing against that. It models a text
post on a feed that shows posts mainly to followers (X, Facebook): the caps on `outsiders` and
`first_post` fit that. A video complaint on a recommendation feed (TikTok, Instagram Reels, YouTube
Shorts) is shown to people who do not follow the poster and can reach many times the high values;
the model does not cover it. Nor does it separate a public reply from a private message.

The model, hour by hour (t = 0, 1, 2 ...):

1. **Attention decays unless something feeds it.** Attention A(t) is the number of exposures the
   story gets in hour t. A post gives `first_post` exposures in all, spread over the hours as it
   decays by the factor d = 2 ** (-1 / half_life) an hour. The complainant's post starts it. Events
   feed it: each new negative voice's post adds `voice_views` exposures (voice_share * voice_views
   is far below 1, so the story dies down unless something else feeds it); a complainant with no
   answer in person by `ESCALATION_HOUR` posts again, one more post as large as the first (a
   defensive reply or a statement on the brand's own feed is not an answer in person); a defensive
   reply is shared like one more post, and its screenshots and quote-posts, which tag the brand, add
   `screenshots` times the brand's own organic reach; a broadcast statement or a public follow-up
   adds the brand's own organic reach, `followers * follower_reach`, spread over the hours as it
   decays.
2. **Reach is bounded by the audience that can see it.** The audience is
   N = followers * follower_reach + outsiders: the share of the brand's followers that a post about
   the brand reaches, plus the non-followers who could see it (the complainant's network and the
   people their sharers reach). Of the A(t) exposures, the new people reached are
   (N - R) * (1 - exp(-A(t) / N)), so reach R never exceeds N.
3. **Seeing is not voicing.** The complainant is the first negative voice. A small share of the new
   viewers post about it too: new negative voices = voice_share * damping(t) * new viewers. The
   damping is 1 while the complaint is unanswered or answered defensively, `BROADCAST_DAMPING` after
   a broadcast statement (its apology makes viewers less inclined to pile on, as Kim et al. found
   for viewers of a public apology), `HOLDING_DAMPING` after a holding statement, and
   `PERSONAL_DAMPING` once the customer has a personal answer. A defensive reply is not damped: it
   draws `pile_on` more voices per voice so far, and the people its screenshots reach join in at the
   full rate, so it draws more negative voices than a broadcast statement
   (`tests/test_crisis.py` checks this over the parameters' ranges).
4. **An answer cools the story and may win the customer back.** A personal answer removes `cooling`
   of the attention still to come, and wins the complainant back with the chance
   win_back * timeliness(h), where timeliness(h) = 1 up to `EXPECTED_HOURS` and halves every
   `patience` hours after that. The other voices are bystanders; the answer stops newcomers joining
   them but does not win them back.
5. **Sentiment mixes voices, and old voices fade.** The settled tone of the conversation about the
   brand mixes its everyday community (`community` people, at tone `baseline`) with the people who
   posted about the complaint: the bystanders at `complaint_tone`, the complainant at
   `complaint_tone` or, if won back, at the community's tone, raised towards `praise_tone` by the
   service recovery effect, which holds for a minority (`recovery_holds`) and, as the research
   finds, on the satisfaction of the customer who was put right, not on what others say. The
   people who posted fade from the conversation with a half-life of `fade_half_life` hours, so a
   complaint leaves a fading mark. A public follow-up may raise the community's own tone a little,
   only when the recovery effect holds: recovery_holds * FOLLOW_UP_LIFT * timeliness(h) *
   (praise_tone - baseline), a small labelled assumption. The hourly sentiment is the tone of the
   last 24 hours of mentions: `everyday_mentions` a day at the settled tone, plus the voices that
   joined in those 24 hours.

Because every helpful effect applies from the hour of the answer on and every harmful event grows
with waiting, answering earlier with the same choice is never worse; `tests/test_crisis.py` checks
this and the other properties a practitioner would insist on.

Two "ends": the timeline (`simulate`) shows the first `HOURS` (four days); outcomes (`outcome`,
`outcome_table`) are measured three weeks in (`STORY_HOURS`), long after the story has died down.
`band` reruns an outcome over the low, central and high value of every uncertain parameter, one at a
time, and `sensitivity` returns the same runs for a tornado chart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from smcourse.core.errors import SmcourseError

HOURS = 96               # hours the timeline shows: four days
STORY_HOURS = 504        # hours over which outcomes are measured: three weeks, long after it dies down
ESCALATION_HOUR = 4      # an unacknowledged complainant posts again at this hour (see EXPECTED_HOURS)
EXPECTED_HOURS = 4       # sourced: Sprout Social Index Q2 2016, people expect a reply within 4 hours
HOLDING_GAP = 3          # assumption: hours from a holding statement to the personal replies
FOLLOW_UP_GAP = 24       # assumption: hours from the personal reply to the transparent public update
BROADCAST_DAMPING = 0.5  # assumption: viewers of a brand's apology pile on less (see SOURCES["kim2016"])
HOLDING_DAMPING = 0.5    # assumption: an acknowledged complaint draws fewer new voices
PERSONAL_DAMPING = 0.3   # assumption: an answered, resolved complaint draws few new voices
FOLLOW_UP_LIFT = 0.05    # assumption: share of the community a public account of the fix wins over


@dataclass(frozen=True)
class Parameters:
    """The model's parameters; `PARAMETERS` documents each (value range, unit, source)."""

    followers: float = 18_000
    follower_reach: float = 0.08
    outsiders: float = 1_500
    first_post: float = 100
    half_life: float = 6.0
    voice_share: float = 0.002
    voice_views: float = 40
    pile_on: float = 0.5
    screenshots: float = 0.5
    cooling: float = 0.5
    win_back: float = 0.34
    patience: float = 24.0
    recovery_holds: float = 0.18
    fade_half_life: float = 336.0
    community: float = 500
    everyday_mentions: float = 3.5
    baseline: float = 0.2
    complaint_tone: float = -0.6
    praise_tone: float = 0.6


CENTRAL = Parameters()

# Lumen's followers across platforms in the case data (datasets/followers.csv), rounded to hundreds:
# on the first and the last day of 2025. tests/test_crisis.py checks them against the data.
LUMEN_FOLLOWERS = {"2025-01-01": 15_300, "2025-12-31": 22_200}
# Lumen's organic reach per follower in the course's calibrated data (datasets/calibration.json):
# the median share of followers a feed post reaches. tests/test_crisis.py checks them too.
CALIBRATED_REACH = {"facebook": 0.024, "instagram": 0.135}


@dataclass(frozen=True)
class Parameter:
    """One parameter: its plausible low and high values, what it means, and where it comes from."""

    name: str
    low: float
    high: float
    unit: str
    meaning: str
    source: str  # names a key of SOURCES, or starts "assumption: why this value"

    @property
    def central(self) -> float:
        return getattr(CENTRAL, self.name)

    @property
    def sourced(self) -> bool:
        return not self.source.startswith("assumption")


SOURCES = {
    "casedata": "The course's own case data, invented and calibrated to published figures "
                "(datasets/README.md, the data card): Lumen had 15,300 followers across platforms on "
                "1 January 2025 and 22,200 on 31 December (datasets/followers.csv), and about 3 "
                "mentions a day outside the recall (median 3, mean 3.5; datasets/mentions.csv). "
                "Read with smcourse.data from the kit's datasets/ folder.",
    "calibration": "The course's calibrated figures (datasets/calibration.json, in the data card): "
                   "organic reach per follower of Lumen's feed posts, Instagram 13.5 % (published "
                   "3.5-40 %: social.plus 2025, StartMotion 2024), Facebook 2.4 % (published "
                   "1.65-8 %: social.plus 2025, AiToEarn 2024); comments per impression on Lumen's "
                   "posts about 0.15 % overall, 0.19 % on Instagram. https://www.social.plus/blog/"
                   "only-3-5-of-followers-see-your-instagram-posts---why-organic-reach-is-no-longer-"
                   "a-growth-strategy and https://blog.aitoearn.ai/facebook-organic-reach-"
                   "percentage-2024",
    "pfeffer2023": "Older than 2024: Pfeffer, Matter and Sargsyan (2023), 'The Half-Life of a Tweet', "
                   "ICWSM 17: median half-life of a tweet's impressions about 80 minutes; ~95 % of "
                   "tweets have no relevant impressions after 24 hours. https://ojs.aaai.org/index.php/"
                   "ICWSM/article/view/22228",
    "nielsen2006": "History (2006): Nielsen, 'Participation Inequality: Encouraging More Users to "
                   "Contribute', Alertbox: across a whole site or community 90 % of users lurk, 9 % "
                   "contribute a little, 1 % account for most activity; it is not a share of the "
                   "viewers of one post. http://www.useit.com/alertbox/participation_inequality.html",
    "sprout2016": "History (2016): Sprout Social Index Q2 2016: ignored on social media, 36 % of people "
                  "say they would shame the brand on their own profiles; people expect a reply within "
                  "four hours. https://sproutsocial.com/insights/responding-on-social-media/ and "
                  "https://pauldughi.com/2016/05/15/the-impact-of-not-responding-quickly-to-customer-"
                  "inquiries-on-social-media/",
    "sprout2017": "History (2017): Sprout Social Index Q3 2017 ('Call-out culture'), via eMarketer: 50 % "
                  "would never buy again after a poor response to their complaint, and nearly as many "
                  "were more likely to share the experience with friends. http://hispanicad.com/media/"
                  "marketing-social/got-complaint-brands-take-it-social-media",
    "rightnow2011": "History (2011), a vendor's survey: RightNow / Harris Interactive Retail Consumer "
                    "Report: of shoppers whose negative post got a reply, 34 % deleted it, 33 % posted "
                    "a positive review and 18 % became loyal customers. It measures complainants, not "
                    "bystanders. https://www.businesswire.com/news/home/20110301007409/en/",
    "dematos2007": "Older than 2024: de Matos, Henrique and Rossi (2007), 'Service Recovery Paradox: A "
                   "Meta-Analysis', Journal of Service Research 10(1): the paradox holds on "
                   "satisfaction, not on repurchase intention, word of mouth or corporate image. "
                   "https://www.researchgate.net/publication/"
                   "247745333_Service_Recovery_Paradox_A_Meta-Analysis",
    "michel2008": "Older than 2024: Michel and Meuter (2008), 'The service recovery paradox: true but "
                  "overrated?', International Journal of Service Industry Management 19(4): real, but "
                  "rare and small. https://serviceleadershipblog.com/the-service-recovery-paradox-"
                  "true-but-overrated/",
    "kim2016": "Older than 2024: Kim, Wang, Maslowska and Malthouse (2016), 'Understanding a fury in "
               "your words', Computers in Human Behavior 54, 511-521: a company's public apology helps "
               "those who view a complaint, not those who posted it. "
               "https://doi.org/10.1016/j.chb.2015.08.015",
    "baer2016": "History (2016): Baer, Hug Your Haters, with Edison Research: 40 % of those who expect a "
                "reply on social media expect it within an hour. http://www.socialmediatoday.com/"
                "special-columns/learning-hug-your-haters-jay-baer",
}

PARAMETERS = {p.name: p for p in (
    Parameter("followers", LUMEN_FOLLOWERS["2025-01-01"], LUMEN_FOLLOWERS["2025-12-31"], "people",
              "Lumen's followers across platforms (central: about its 2025 average)",
              "casedata (Lumen's followers on the first and last day of 2025)"),
    Parameter("follower_reach", CALIBRATED_REACH["facebook"], CALIBRATED_REACH["instagram"], "share",
              "share of followers a post by or about the brand reaches",
              "calibration (Facebook 2.4 %, Instagram 13.5 %); the central 8 % between them is an "
              "assumption"),
    Parameter("outsiders", 750, 3_000, "people",
              "non-followers who could see the story (the complainant's network and beyond)",
              "assumption: a customer with a few hundred followers, and the networks of the few who "
              "share, on a follower-driven feed; a video on a recommendation feed can go far beyond"),
    Parameter("first_post", 40, 300, "exposures",
              "exposures one post of the complainant gets in all (a second post as many again)",
              "assumption: a few hundred followers, of whom a post reaches a share (calibration: "
              "2.4-13.5 %), plus people who find it through the brand's tag and the replies"),
    Parameter("half_life", 3.0, 12.0, "hours",
              "half-life of attention to the story when nothing feeds it",
              "assumption: longer than a single tweet's 80 minutes (pfeffer2023, older than 2024), "
              "since a complaint thread gathers replies"),
    Parameter("voice_share", 0.001, 0.005, "share",
              "share of new viewers who post against the brand themselves",
              "calibration (about 0.15-0.19 % of impressions become comments in the course's data); "
              "the range up to 0.5 % is an assumption, as a complaint draws more replies than a "
              "brand's post; nielsen2006 (history) for why so few post"),
    Parameter("voice_views", 20, 80, "exposures",
              "exposures each negative voice's own post adds",
              "assumption: a reply or quote from someone with a few hundred followers"),
    Parameter("pile_on", 0.25, 1.0, "voices per voice",
              "extra negative voices a defensive reply draws, per voice so far",
              "assumption: guided by sprout2017 (history: a poor response gets shared)"),
    Parameter("screenshots", 0.25, 1.0, "share",
              "exposures the screenshots and quote-posts of a defensive reply get, as a share of the "
              "exposures of a post by the brand",
              "assumption: a public defensive reply is screenshotted and quote-posted with the brand "
              "tagged, the usual route from a ripple to a pile-on; from a quarter of a brand post's "
              "reach to as much again"),
    Parameter("cooling", 0.3, 0.7, "share",
              "share of the story's remaining attention a personal answer removes",
              "assumption"),
    Parameter("win_back", 0.18, 0.67, "chance",
              "chance that a prompt personal answer wins the complainant back (bystanders are not "
              "won back)",
              "rightnow2011 (history, a 2011 vendor survey of complainants who got a reply: the "
              "central 0.34 is the share who deleted their complaint after a reply of any kind, a "
              "proxy: deleting is not coming back, and a prompt apology with a replacement is likely "
              "to win back more, so it is conservative for the best answers; the low 0.18 the share "
              "who became loyal customers); the high 0.67 "
              "is an assumption (the 34 % who deleted plus the 33 % who posted a positive review, as "
              "if no one did both)"),
    Parameter("patience", 12.0, 48.0, "hours",
              "hours after the expected 4 in which an answer's effect halves",
              "assumption: expectations from sprout2016 and baer2016 (both history, 2016)"),
    Parameter("recovery_holds", 0.0, 0.33, "chance",
              "chance that a won-back complainant ends more satisfied than before (service recovery "
              "effect); it does not lift what others say",
              "dematos2007 (on satisfaction only, none on word of mouth); michel2008; rightnow2011 "
              "(18 % loyal, 33 % positive review)"),
    Parameter("fade_half_life", 168.0, 720.0, "hours",
              "half-life with which the people who posted fade from the conversation about the brand",
              "assumption: two weeks (one to four), as threads sink and people move on"),
    Parameter("community", 250, 1_000, "people",
              "people whose posts make up the brand's everyday conversation",
              "assumption"),
    Parameter("everyday_mentions", 3.5, 3.5, "mentions a day",
              "mentions of the brand on an ordinary day",
              "casedata (Lumen's mean 3.5 a day outside the recall, median 3); not varied"),
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
     "hour at which a complainant with no answer in person posts again, a post as large as the first",
     "assumption: the hour from sprout2016 (history, 2016: a reply expected within four hours; 36 % "
     "say they would shame an unresponsive brand); that this customer does post again is assumed"),
    ("EXPECTED_HOURS", EXPECTED_HOURS, "hours", "hours within which an answer loses nothing",
     "sprout2016 (history, 2016)"),
    ("HOLDING_GAP", HOLDING_GAP, "hours", "hours from a holding statement to the personal replies",
     "assumption"),
    ("FOLLOW_UP_GAP", FOLLOW_UP_GAP, "hours",
     "hours from the personal reply to the transparent public update", "assumption"),
    ("BROADCAST_DAMPING", BROADCAST_DAMPING, "factor",
     "new voices per viewer after a broadcast statement with an apology, against none",
     "assumption: the direction from kim2016 (a public apology helps viewers), the size ours"),
    ("HOLDING_DAMPING", HOLDING_DAMPING, "factor",
     "new voices per viewer after a holding statement", "assumption"),
    ("PERSONAL_DAMPING", PERSONAL_DAMPING, "factor",
     "new voices per viewer once the customer has a personal answer", "assumption"),
    ("FOLLOW_UP_LIFT", FOLLOW_UP_LIFT, "share",
     "share of the everyday community a prompt public account of the fix wins over, when the "
     "recovery effect holds", "assumption: small, since dematos2007 finds no effect on word of mouth"),
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
           "Post a general statement with an apology on the brand's own feed; the customer gets no "
           "answer in person."),
    Choice("personal", "Personal reply",
           "A named person answers the customer where they posted, apologises and puts it right."),
    Choice("holding", "Holding statement, then personal replies",
           f"Acknowledge at once in public, under the customer's post ('we are looking into it'), then "
           f"answer the customer personally {HOLDING_GAP} hours later."),
    Choice("transparent", "Transparent follow-up",
           f"A personal reply, then {FOLLOW_UP_GAP} hours later a public update on what went wrong "
           f"and what has changed, on the brand's feed (the usual step when many customers are affected)."),
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
    """The model's loop: lists per hour 0..hours."""
    n, p = audience(params), params
    decay = 2.0 ** (-1.0 / p.half_life)
    fade = 2.0 ** (-1.0 / p.fade_half_life)
    post = p.first_post * (1 - decay)  # hourly start of one more post like the complainant's
    statement = p.followers * p.follower_reach * (1 - decay)  # hourly start of the brand's own post
    acknowledged = name in ANSWERED and respond_at <= ESCALATION_HOUR
    resolved_at = respond_at + HOLDING_GAP if name == "holding" else respond_at
    win = p.win_back * timeliness(respond_at, p) if name in ANSWERED else 0.0
    won_tone = p.baseline + p.recovery_holds * (p.praise_tone - p.baseline)
    lift = (p.recovery_holds * FOLLOW_UP_LIFT * timeliness(respond_at, p) * (p.praise_tone - p.baseline)
            if name == "transparent" else 0.0)
    attention, reach, voices = post, 0.0, 1.0  # the complainant is the first negative voice
    rows = {key: [] for key in ("views", "reach", "voices", "won_back", "sentiment")}
    joined = []  # bystanders' new voices per hour
    for hour in range(hours + 1):
        extra = 0.0
        if hour == ESCALATION_HOUR and not acknowledged:
            attention += post
        if hour == respond_at and name == "defensive":
            extra = p.pile_on * voices
            attention += post + extra * p.voice_views * (1 - decay) + p.screenshots * statement
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
        voices += extra + new_voices
        joined.append(extra + new_voices)
        attention = attention * decay + new_voices * p.voice_views * (1 - decay)
        rows["views"].append(new)
        rows["reach"].append(reach)
        rows["voices"].append(voices)
        rows["won_back"].append(win if hour >= resolved_at else 0.0)
    old = 0.0  # bystanders who joined 24 or more hours ago, faded
    for hour in range(hours + 1):
        if hour >= 24:
            old = old * fade + joined[hour - 24] * fade ** 24
        fresh = sum(joined[max(0, hour - 23):hour + 1])
        won = rows["won_back"][hour]
        complainant_tone = won * won_tone + (1 - won) * p.complaint_tone
        complainant_old = fade ** hour if hour >= 24 else 0.0
        complainant_fresh = 1.0 - (1.0 if hour >= 24 else 0.0)
        tone = p.baseline + (lift if name == "transparent" and hour >= respond_at + FOLLOW_UP_GAP else 0.0)
        settled = ((p.community * tone + old * p.complaint_tone + complainant_old * complainant_tone)
                   / (p.community + old + complainant_old))
        mentions = p.everyday_mentions
        rows["sentiment"].append(
            (mentions * settled + fresh * p.complaint_tone + complainant_fresh * complainant_tone)
            / (mentions + fresh + complainant_fresh))
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
    who have seen it so far), voices (people who have posted against the brand so far, the
    complainant included), won_back (the chance that the complainant has been won back), sentiment
    (net tone of the last 24 hours of mentions, -1 to +1), and the choice and respond_at.
    """
    _check(choice, respond_at, hours)
    rows = _run(choice, respond_at, params, hours)
    timeline = pd.DataFrame({"hour": range(hours + 1), **rows})
    return timeline.assign(choice=choice, respond_at=respond_at)


def outcome(choice: str, respond_at: int = 0, params: Parameters = CENTRAL) -> dict:
    """Where the story ends when it has run its course (hour `STORY_HOURS`, three weeks in): a dict of

    reach (people who saw it), voices (people who posted against the brand, the complainant
    included), won_back (the chance the complainant was won back), sentiment
    (the settled tone of the conversation about the brand), lowest_sentiment (the worst 24 hours),
    peak_views (people reached in the busiest hour) and peak_hour.

    Reach, voices and sentiment are the outcomes the properties are about (answering earlier is
    never worse). The worst day's sentiment is not: it is the first day's mix of the complaint and
    Lumen's everyday mentions, and a defensive reply or a statement can move the worst day later.
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

    Every outcome is measured at hour `STORY_HOURS` (three weeks in), except the worst day's
    sentiment and the busiest hour, which are the worst moments along the way. Sentiment is given
    to three decimals because one complaint moves the settled tone by thousandths. With `with_band`,
    two more columns give the band (see `band`) of the reach and of the sentiment, as text such as
    "+0.198 to +0.200".
    """
    table = outcome_table(hours)
    labels = {name: choice.label for name, choice in CHOICES.items()}
    closing = pd.DataFrame({
        "choice": table["choice"].map(labels), "answered at hour": table["respond_at"],
        "people reached": table["reach"].round(-1).astype(int),
        "negative voices": table["voices"].round(1),
        "chance the customer is won back": table["won_back"].round(2),
        f"sentiment at hour {STORY_HOURS}": table["sentiment"].round(3),
        "worst day's sentiment": table["lowest_sentiment"].round(3),
        "busiest hour (people)": table["peak_views"].round().astype(int),
        "busiest hour": table["peak_hour"]})
    if with_band:
        bands = [band(name, hour).set_index("measure") for name, hour in
                 zip(table["choice"], table["respond_at"], strict=True)]
        closing["reach band"] = [f"{b.loc['reach', 'low']:,.0f} to {b.loc['reach', 'high']:,.0f}"
                                 for b in bands]
        closing["sentiment band"] = [f"{b.loc['sentiment', 'low']:+.3f} to "
                                     f"{b.loc['sentiment', 'high']:+.3f}" for b in bands]
    return closing


def main() -> None:
    """Print the closing-note table as Markdown: `python -m smcourse.core.crisis`."""
    print(f"Baseline sentiment {CENTRAL.baseline:+.2f}; audience that could see the story "
          f"{audience():,.0f} people. Outcomes at hour {STORY_HOURS} (three weeks in, long after the "
          f"story has died down); bands: each uncertain parameter at its low and high value, one at "
          f"a time.\n")
    print(closing_table(with_band=True).to_markdown(
        index=False, floatfmt=("", "g", "g", ".1f", ".2f", "+.3f", "+.3f", "g", "g", "", "")))


if __name__ == "__main__":  # pragma: no cover
    main()
