"""A small, deterministic model of a complaint that spreads, and of how a brand's answer changes it.

The scenario: one unhappy customer posts a complaint about the brand. Hour by hour the story reaches
more people, and the tone of the conversation about the brand darkens. The brand picks a response
(`RESPONSES`) and the hour at which it gives it; `simulate` returns the hourly timeline of reach and
sentiment. The model is a teaching device, not a forecast. Its assumptions, stated so they can be
argued with:

1. **Spread is a simple contagion.** Reach R (people who have seen the complaint) grows each hour
   by b(t) * R * (1 - R / AUDIENCE): every person who has seen it passes it on at the same rate until
   the network around the brand is used up (a discrete logistic curve).
2. **Attention fades.** The pass-on rate b(t) = BASE_SPREAD * exp(-t / ATTENTION_HOURS) shrinks as
   the story ages, so a complaint that nobody answers still slows down in the end.
3. **An answer damps the spread.** From the hour of the response on, b(t) is multiplied by the
   response's `spread_factor` (< 1): people who find the complaint already answered pass it on less.
4. **Sentiment is a mix of two voices.** The complaint's share of the conversation about the brand is
   R / (R + EVERYDAY_VOICES), where EVERYDAY_VOICES stands for the people who talk about the brand
   in an ordinary week. Net sentiment = BASELINE - share * (BASELINE - COMPLAINT) * (1 - repair):
   without repair, the more the complaint dominates, the closer sentiment sinks to COMPLAINT.
5. **Repair moves towards recovery.** From the hour of the response on, repair (0 to 1, the share of
   the complaint's audience satisfied by the answer) closes a fixed fraction (`repair_rate`) of its
   gap to the response's ceiling (`repair_ceiling`) every hour. Repair of 1 brings sentiment back to
   BASELINE, never above it.

Because every step is monotone (more reach never lowers later reach; more repair never lowers later
repair), answering earlier with the same response never ends with more reach or lower sentiment than
answering later, and ignoring the complaint always spreads it furthest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from smcourse.errors import SmcourseError

HOURS = 72
AUDIENCE = 50_000        # people in the brand's wider network who could hear the story
FIRST_REACH = 150        # the complainant's own followers, who see it in hour 0
BASE_SPREAD = 0.25       # pass-on rate per hour at the start
ATTENTION_HOURS = 30.0   # time constant with which attention to the story fades
EVERYDAY_VOICES = 2_000  # people who talk about the brand in an ordinary week
BASELINE = 0.4           # the brand's usual net sentiment (-1 to +1)
COMPLAINT = -0.6         # net sentiment of the complaint's own conversation


@dataclass(frozen=True)
class Response:
    """One way to answer: how much it damps the spread, and how far and fast it repairs trust."""

    name: str
    label: str
    spread_factor: float
    repair_ceiling: float
    repair_rate: float
    description: str


RESPONSES = {response.name: response for response in (
    Response("ignore", "Ignore it", 1.0, 0.0, 0.0,
             "Say nothing and hope it blows over."),
    Response("broadcast", "Broadcast statement", 0.7, 0.35, 0.05,
             "Post a general statement on the brand's own feed; the complaint itself goes unanswered."),
    Response("personal", "Personal reply", 0.4, 0.7, 0.08,
             "A named person answers the customer where they posted, apologises and puts it right."),
    Response("transparent", "Transparent follow-up", 0.25, 0.95, 0.08,
             "A personal reply, then a public update on what went wrong and what has changed."),
)}


def response_named(name: str) -> Response:
    """The response called `name`, or an error that lists the ones there are."""
    try:
        return RESPONSES[name]
    except (KeyError, TypeError):
        raise SmcourseError(f"There is no response called {name!r}. Choose one of: "
                            f"{', '.join(RESPONSES)}.") from None


def _check_hour(respond_at: int, hours: int) -> int:
    if isinstance(respond_at, bool) or not isinstance(respond_at, int):
        raise SmcourseError(f"The response hour must be a whole number of hours, not {respond_at!r}.")
    if not 0 <= respond_at <= hours:
        raise SmcourseError(f"The response hour must be between 0 and {hours} (hours after the first "
                            f"complaint), not {respond_at}.")
    return respond_at


def simulate(response: str, respond_at: int = 0, hours: int = HOURS) -> pd.DataFrame:
    """Hour-by-hour reach and sentiment when the brand gives `response` `respond_at` hours in.

    Returns one row per hour 0..hours with columns hour, reach (people who have seen the complaint),
    sentiment (net, -1 to +1), repair (0 to 1), response and respond_at.
    """
    chosen = response_named(response)
    if isinstance(hours, bool) or not isinstance(hours, int) or hours < 1:
        raise SmcourseError(f"The timeline needs at least one hour, not {hours!r}.")
    respond_at = _check_hour(respond_at, hours)
    reach, repair = float(FIRST_REACH), 0.0
    rows = []
    for hour in range(hours + 1):
        share = reach / (reach + EVERYDAY_VOICES)
        sentiment = BASELINE - share * (BASELINE - COMPLAINT) * (1 - repair)
        rows.append((hour, reach, sentiment, repair))
        answered = hour >= respond_at
        spread = BASE_SPREAD * math.exp(-hour / ATTENTION_HOURS)
        if answered:
            spread *= chosen.spread_factor
            repair += chosen.repair_rate * (chosen.repair_ceiling - repair)
        reach += spread * reach * (1 - reach / AUDIENCE)
    timeline = pd.DataFrame(rows, columns=["hour", "reach", "sentiment", "repair"])
    return timeline.assign(response=chosen.name, respond_at=respond_at)


def compare(respond_at: int, responses=tuple(RESPONSES), hours: int = HOURS) -> pd.DataFrame:
    """The timelines of several responses given at the same hour, stacked in one long table."""
    return pd.concat([simulate(name, respond_at, hours) for name in responses], ignore_index=True)


def outcomes(timelines: pd.DataFrame) -> pd.DataFrame:
    """Per response and response hour: final reach, lowest and final sentiment."""
    grouped = timelines.groupby(["response", "respond_at"], sort=False)
    table = grouped.agg(final_reach=("reach", "last"), lowest_sentiment=("sentiment", "min"),
                        final_sentiment=("sentiment", "last"))
    return table.reset_index()


def timing_sweep(responses=tuple(RESPONSES), hours: int = HOURS, step: int = 3) -> pd.DataFrame:
    """Outcomes of each response given at hour 0, step, 2*step ... hours: what waiting costs."""
    timelines = pd.concat([simulate(name, hour, hours) for name in responses
                           for hour in range(0, hours + 1, step)], ignore_index=True)
    return outcomes(timelines)
