"""The existing-vs-living self-assessment: statements, scores, verdicts, and the same four dimensions
read from activity data (no widgets and no plotly here; the form is `smcourse.ui.assessment_widgets`).

An organisation rates twelve statements from 1 (not true of us) to 5 (completely true), three per
dimension. Two statements of each dimension describe the living form; one describes the existing
form and is scored in reverse (6 - rating). A dimension's score is the mean of its scored answers,
from 1 (existing) to 5 (living). When one dimension holds a 1 and a 4 or 5 after reversal, the answers
contradict each other and the verdict says so instead of averaging the contradiction away.

`behaviour_scores` puts activity indicators (`smcourse.core.metrics.activity_indicators`, plus the share of
mentions a brand joined) on the same 1-to-5 scale, and `check_claim` sets a claim beside behaviour.
Only indicators that do not grow with the number of posts are scored (`ANCHORS`), so posting more
cannot buy a better score; reply share and posting unevenness are read beside the scores, not in them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from smcourse.core.errors import SmcourseError

DIMENSIONS = ("planning", "presences", "commitment", "relationships")
SCALE = {1: "not true of us", 2: "rarely true", 3: "partly true", 4: "mostly true",
         5: "completely true"}
LIVING_FROM, EXISTING_BELOW = 3.5, 2.5
CONTRADICTION_SPREAD = 3  # a 1 and a 4 (or more) in the same dimension cannot both be right


@dataclass(frozen=True)
class Dimension:
    """One of the four dimensions, with what its existing and its living form look like."""

    name: str
    existing: str
    living: str


FORMS = {dimension.name: dimension for dimension in (
    Dimension("planning",
              "Accounts opened everywhere as signposts whose only job is to send people to the website.",
              "A few platforms chosen because customers, staff and suppliers already gather there, "
              "with a plan that looks years ahead."),
    Dimension("presences",
              "A logo for a face and a timetable of announcements; nobody seems to be there.",
              "Named people who answer, speak like humans and make it plain they are glad to talk."),
    Dimension("commitment",
              "One more chore on somebody's list, with no training and no time set aside.",
              "A plan, training, daily time in people's job descriptions, and leaders who treat it "
              "as core work."),
    Dimension("relationships",
              "The audience is there to be sold to; the brand takes and gives little back.",
              "Ties with customers, staff, partners and even rivals: listening to sentiment, "
              "thanking fans, and working things out with critics."),
)}


@dataclass(frozen=True)
class Statement:
    """A statement to rate; `reverse` marks one that describes the existing form."""

    id: str
    dimension: str
    text: str
    reverse: bool = False


STATEMENTS = (
    Statement("planning-where", "planning",
              "We chose our platforms by finding out where our customers and staff already spend time."),
    Statement("planning-horizon", "planning",
              "Our social media plan has goals for the next two or three years, not only this month."),
    Statement("planning-outpost", "planning",
              "Our accounts exist mainly so that people click through to our website.", reverse=True),
    Statement("presences-people", "presences",
              "People can see who is behind our accounts, and they write in their own voice."),
    Statement("presences-answers", "presences",
              "Someone who asks us a question on social media gets an answer."),
    Statement("presences-schedule", "presences",
              "Our feeds are mostly a schedule of announcements about us and our products.",
              reverse=True),
    Statement("commitment-time", "commitment",
              "The people who run our accounts have time set aside for it every day."),
    Statement("commitment-training", "commitment",
              "They have been trained, and leadership backs the work as seriously as sales or service."),
    Statement("commitment-sideline", "commitment",
              "Social media is an extra task squeezed in when there is time.", reverse=True),
    Statement("relationships-listen", "relationships",
              "We follow what people say about us and thank the ones who recommend us."),
    Statement("relationships-critics", "relationships",
              "When someone criticises us in public, we work with them until the problem is solved."),
    Statement("relationships-take", "relationships",
              "We are on social media mainly to get sales out of it.", reverse=True),
)
STATEMENTS_BY_ID = {statement.id: statement for statement in STATEMENTS}

# Answers a team might give when it believes it is "living": the default of the form, and the
# example of the lesson. (They are Beacon's marketing team's answers in lesson 3.)
EXAMPLE_ANSWERS = {
    "planning-where": 4, "planning-horizon": 4, "planning-outpost": 2,
    "presences-people": 4, "presences-answers": 5, "presences-schedule": 2,
    "commitment-time": 3, "commitment-training": 3, "commitment-sideline": 3,
    "relationships-listen": 4, "relationships-critics": 4, "relationships-take": 2,
}


@dataclass(frozen=True)
class DimensionResult:
    """The score (1-5, NaN when unanswered), how many statements were answered, and the verdict."""

    dimension: str
    score: float
    answered: int
    verdict: str

    @property
    def advice(self) -> str:
        """One sentence on what the verdict means for this dimension."""
        form = FORMS[self.dimension]
        return {
            "not answered": "Rate at least one statement to score this dimension.",
            "mixed answers": "Your answers disagree with each other: look for evidence (your own "
                             "activity data) before you trust either.",
            "existing": f"Existing: {form.existing} Next step: {form.living}",
            "in between": f"On the way. The living form to aim for: {form.living}",
            "living": f"Living: {form.living} Check that your activity data agree.",
        }[self.verdict]


def verdict(score: float) -> str:
    """existing (below 2.5), in between, or living (3.5 and above); 'not answered' for NaN."""
    if score is None or math.isnan(score):
        return "not answered"
    if score >= LIVING_FROM:
        return "living"
    return "existing" if score < EXISTING_BELOW else "in between"


def _rating(statement_id: str, rating) -> int | None:
    if statement_id not in STATEMENTS_BY_ID:
        raise SmcourseError(f"There is no statement {statement_id!r} in the self-assessment.")
    if rating is None:
        return None
    if isinstance(rating, bool) or not isinstance(rating, (int, np.integer)) or rating not in SCALE:
        raise SmcourseError(f"Rate {statement_id!r} with a whole number from 1 to 5 "
                            f"(1 = {SCALE[1]}, 5 = {SCALE[5]}), not {rating!r}.")
    return int(rating)


def score(answers: Mapping[str, int | None]) -> dict[str, DimensionResult]:
    """Score each dimension from `answers` (statement id -> rating 1-5, or None for 'skip')."""
    if not isinstance(answers, Mapping):
        raise SmcourseError("Give the answers as a mapping of statement id to a rating from 1 to 5.")
    scored: dict[str, list[int]] = {name: [] for name in DIMENSIONS}
    for statement_id, rating in answers.items():
        value = _rating(statement_id, rating)
        if value is not None:
            statement = STATEMENTS_BY_ID[statement_id]
            scored[statement.dimension].append(6 - value if statement.reverse else value)
    results = {}
    for name, values in scored.items():
        mean = float(np.mean(values)) if values else math.nan
        contradictory = bool(values) and max(values) - min(values) >= CONTRADICTION_SPREAD
        results[name] = DimensionResult(name, mean, len(values),
                                        "mixed answers" if contradictory else verdict(mean))
    return results


def scores(answers: Mapping[str, int | None]) -> dict[str, float]:
    """Just the score of each dimension (NaN when unanswered)."""
    return {name: result.score for name, result in score(answers).items()}


def results_table(answers: Mapping[str, int | None]) -> pd.DataFrame:
    """One row per dimension: score, statements answered, verdict and advice."""
    rows = [{"dimension": result.dimension, "score": round(result.score, 2),
             "answered": result.answered, "verdict": result.verdict, "advice": result.advice}
            for result in score(answers).values()]
    return pd.DataFrame(rows).set_index("dimension")


VERDICTS = ("existing", "in between", "living")


def verdict_counts(survey: pd.DataFrame) -> pd.DataFrame:
    """How many organisations' scores read as existing (below EXISTING_BELOW), in between, or
    living (LIVING_FROM and above), per dimension: columns dimension, verdict, organisations."""
    missing = [name for name in DIMENSIONS if name not in survey]
    if missing:
        raise SmcourseError(f"verdict_counts needs the dimension columns {', '.join(missing)}.")
    rows = []
    for name in DIMENSIONS:
        band = pd.cut(survey[name], [-math.inf, EXISTING_BELOW, LIVING_FROM, math.inf],
                      right=False, labels=list(VERDICTS))
        counts = band.value_counts().reindex(list(VERDICTS), fill_value=0)
        rows += [{"dimension": name, "verdict": verdict, "organisations": int(count)}
                 for verdict, count in counts.items()]
    return pd.DataFrame(rows)


def standing_in_survey(dimension_scores: Mapping[str, float], survey: pd.DataFrame) -> pd.Series:
    """Per dimension, the share of surveyed organisations scoring at or below `dimension_scores`."""
    shares = {name: (survey[name] <= dimension_scores[name]).mean()
              if not math.isnan(dimension_scores.get(name, math.nan)) else math.nan
              for name in DIMENSIONS}
    return pd.Series(shares, name="at_or_below").rename_axis("dimension")


@dataclass(frozen=True)
class Anchor:
    """How to read one activity indicator: the value that looks existing (1) and living (5)."""

    indicator: str
    dimension: str
    existing: float
    living: float
    log_scale: bool = False
    meaning: str = ""

    def to_score(self, value: float) -> float:
        """Place `value` on the 1-5 scale, straight-line between the anchors, clipped (NaN stays)."""
        if value is None or math.isnan(value):
            return math.nan
        low, high, value = self.existing, self.living, float(value)
        if self.log_scale:
            low, high, value = math.log(low), math.log(high), math.log(max(value, 1e-9))
        position = (value - low) / (high - low)
        return float(1 + 4 * min(max(position, 0.0), 1.0))


ANCHORS = (
    Anchor("promotional_share", "planning", 0.7, 0.2,
           meaning="a proxy for planning, since a plan leaves no trace in posts: what the feed is for, "
                   "few posts that only push people to the shop (close to the reversed presences "
                   "statement, a schedule of announcements)"),
    Anchor("questions_answered", "presences", 0.2, 0.9,
           meaning="questions in comments that get an answer"),
    Anchor("median_response_hours", "commitment", 72.0, 4.0, log_scale=True,
           meaning="hours to answer a comment: only daily time set aside makes this short (four "
                   "hours counts as living, since evening and weekend comments wait for the morning)"),
    Anchor("mention_reply_share", "relationships", 0.0, 0.5,
           meaning="conversations started by others that the brand joins, to thank or to help"),
)


def behaviour_scores(indicators: pd.DataFrame) -> pd.DataFrame:
    """The four dimensions on the 1-5 scale, per brand (rows), from activity indicator columns.

    Each dimension is the mean of its indicators' scores (`ANCHORS`); an indicator that is missing
    or NaN is left out, and a dimension with no evidence at all is NaN.
    """
    columns = {}
    for name in DIMENSIONS:
        per_indicator = [indicators[anchor.indicator].map(anchor.to_score)
                         for anchor in ANCHORS
                         if anchor.dimension == name and anchor.indicator in indicators]
        columns[name] = (pd.concat(per_indicator, axis=1).mean(axis=1) if per_indicator
                         else pd.Series(np.nan, index=indicators.index))
    return pd.DataFrame(columns, index=indicators.index)


def check_claim(claimed: Mapping[str, float], observed: Mapping[str, float],
                tolerance: float = 1.0) -> pd.DataFrame:
    """Set claimed scores beside observed ones: does behaviour back each claim?

    A gap (claimed - observed) larger than `tolerance` means the claim runs ahead of behaviour; a gap
    below -tolerance means the organisation does better than it says.
    """
    rows = []
    for name in DIMENSIONS:
        said, seen = claimed.get(name, math.nan), observed.get(name, math.nan)
        gap = said - seen
        if math.isnan(gap):
            finding = "cannot check"
        elif gap > tolerance:
            finding = "claim runs ahead of behaviour"
        elif gap < -tolerance:
            finding = "behaviour better than claimed"
        else:
            finding = "backed by behaviour"
        rows.append({"dimension": name, "claimed": said, "observed": seen, "gap": gap,
                     "finding": finding})
    return pd.DataFrame(rows).set_index("dimension").round(2)
