"""Does the existing-vs-living self-assessment score answers as a careful reader would, and does
behaviour measured from activity data land on the same scale?"""

import math

import pandas as pd
import pytest

from smcourse.core import assessment, metrics
from smcourse.core.errors import SmcourseError

ALL_LIVING = {s.id: (1 if s.reverse else 5) for s in assessment.STATEMENTS}
ALL_EXISTING = {s.id: (5 if s.reverse else 1) for s in assessment.STATEMENTS}


def test_every_dimension_has_two_living_statements_and_one_reversed():
    for name in assessment.DIMENSIONS:
        own = [s for s in assessment.STATEMENTS if s.dimension == name]
        assert len(own) == 3 and sum(s.reverse for s in own) == 1
    assert set(assessment.EXAMPLE_ANSWERS) == set(assessment.STATEMENTS_BY_ID)


def test_living_answers_score_five_and_existing_answers_score_one():
    assert assessment.scores(ALL_LIVING) == dict.fromkeys(assessment.DIMENSIONS, 5.0)
    assert assessment.scores(ALL_EXISTING) == dict.fromkeys(assessment.DIMENSIONS, 1.0)
    assert {r.verdict for r in assessment.score(ALL_LIVING).values()} == {"living"}
    assert {r.verdict for r in assessment.score(ALL_EXISTING).values()} == {"existing"}


def test_a_reversed_statement_counts_against_the_living_form():
    result = assessment.score({"presences-people": 4, "presences-answers": 4, "presences-schedule": 4})
    assert result["presences"].score == pytest.approx((4 + 4 + 2) / 3)
    assert result["presences"].verdict == "in between"


def test_empty_answers_leave_every_dimension_unscored_without_an_error():
    for answers in ({}, dict.fromkeys(assessment.STATEMENTS_BY_ID)):
        results = assessment.score(answers)
        assert all(math.isnan(r.score) and r.answered == 0 and r.verdict == "not answered"
                   for r in results.values())
        assert "Rate at least one statement" in results["planning"].advice


def test_a_partly_answered_form_scores_only_what_was_answered():
    results = assessment.score({"commitment-time": 2})
    assert results["commitment"].score == 2.0 and results["commitment"].answered == 1
    assert results["planning"].verdict == "not answered"


def test_contradictory_answers_are_flagged_not_averaged_away():
    # "people answer every question" and "our feed is only announcements" cannot both be true
    results = assessment.score({"presences-answers": 5, "presences-schedule": 5, "presences-people": 3})
    assert results["presences"].verdict == "mixed answers"
    assert "disagree" in results["presences"].advice


@pytest.mark.parametrize("answers, problem", [
    ({"planning-where": 6}, "whole number from 1 to 5"),
    ({"planning-where": 3.5}, "whole number from 1 to 5"),
    ({"planning-where": "4"}, "whole number from 1 to 5"),
    ({"planning-where": True}, "whole number from 1 to 5"),
    ({"budget": 3}, "no statement 'budget'"),
    ([3, 4], "mapping of statement id"),
])
def test_bad_ratings_are_explained(answers, problem):
    with pytest.raises(SmcourseError, match=problem):
        assessment.score(answers)


@pytest.mark.parametrize("value, expected", [(1.0, "existing"), (2.49, "existing"), (2.5, "in between"),
                                             (3.49, "in between"), (3.5, "living"),
                                             (math.nan, "not answered")])
def test_verdict_thresholds(value, expected):
    assert assessment.verdict(value) == expected


def test_results_table_has_a_row_and_advice_per_dimension():
    table = assessment.results_table(assessment.EXAMPLE_ANSWERS)
    assert list(table.index) == list(assessment.DIMENSIONS)
    assert table.loc["commitment", "verdict"] == "in between"
    assert table["advice"].str.len().min() > 20


def test_standing_in_survey_is_the_share_at_or_below():
    survey = pd.DataFrame({name: [1, 2, 3, 4] for name in assessment.DIMENSIONS})
    standing = assessment.standing_in_survey({"planning": 3, "presences": 1, "commitment": 5,
                                              "relationships": math.nan}, survey)
    assert standing["planning"] == 0.75 and standing["presences"] == 0.25
    assert standing["commitment"] == 1.0 and math.isnan(standing["relationships"])


def test_anchors_map_indicators_onto_one_to_five_and_clip():
    questions = next(a for a in assessment.ANCHORS if a.indicator == "questions_answered")
    assert questions.to_score(0.2) == 1.0 and questions.to_score(0.55) == pytest.approx(3.0)
    assert questions.to_score(1.0) == 5.0 and math.isnan(questions.to_score(math.nan))
    hours = next(a for a in assessment.ANCHORS if a.indicator == "median_response_hours")
    assert hours.to_score(4.0) == 5.0 and hours.to_score(72.0) == 1.0
    assert hours.to_score(math.sqrt(4 * 72)) == pytest.approx(3.0)  # halfway on a log scale
    assert {a.dimension for a in assessment.ANCHORS} == set(assessment.DIMENSIONS)


def test_behaviour_scores_average_the_evidence_and_leave_gaps_as_nan():
    indicators = pd.DataFrame({"questions_answered": [0.9, 0.2], "median_response_hours": [4.0, math.nan],
                               "promotional_share": [0.2, 0.7]}, index=["lively", "quiet"])
    table = assessment.behaviour_scores(indicators)
    assert table.loc["lively", "presences"] == 5.0 and table.loc["lively", "commitment"] == 5.0
    assert table.loc["quiet", "presences"] == 1.0
    assert math.isnan(table.loc["quiet", "commitment"])  # the NaN indicator leaves no evidence
    assert table.loc["quiet", "planning"] == 1.0
    assert table["relationships"].isna().all()


def test_posting_more_cannot_raise_a_behaviour_score():
    steady = pd.DataFrame({"reply_share": [0.05], "posting_unevenness": [1.0], "questions_answered": [0.5],
                           "promotional_share": [0.4]}, index=["brand"])
    busier = steady.assign(reply_share=0.6, posting_unevenness=0.1)
    assert assessment.behaviour_scores(busier).equals(assessment.behaviour_scores(steady))


def test_on_the_case_data_lumen_behaves_living_and_beacon_existing(tables):
    indicators = metrics.activity_indicators(tables["posts"], tables["comments"]).join(
        metrics.mention_reply_share(tables["mentions"]))
    table = assessment.behaviour_scores(indicators)
    assert (table.loc["lumen"] >= assessment.LIVING_FROM).all()
    assert (table.loc["beacon", ["presences", "commitment", "relationships"]]
            < assessment.EXISTING_BELOW).all()


def test_check_claim_separates_backed_claims_from_claims_that_run_ahead():
    claimed = {"planning": 4, "presences": 5, "commitment": 2, "relationships": 3}
    observed = {"planning": 3.5, "presences": 1.5, "commitment": 4, "relationships": math.nan}
    findings = assessment.check_claim(claimed, observed)["finding"]
    assert findings.to_dict() == {"planning": "backed by behaviour",
                                  "presences": "claim runs ahead of behaviour",
                                  "commitment": "behaviour better than claimed",
                                  "relationships": "cannot check"}


def test_mention_reply_share_per_brand():
    mentions = pd.DataFrame({"brand": ["lumen", "lumen", "beacon", "lumen"],
                             "brand_replied": [True, False, False, True]})
    share = metrics.mention_reply_share(mentions)
    assert share["lumen"] == pytest.approx(2 / 3) and share["beacon"] == 0.0


def test_verdict_counts_band_scores_at_the_thresholds():
    survey = pd.DataFrame({name: [1.0, 2.33, 2.5, 3.33, 3.5, 5.0] for name in assessment.DIMENSIONS})
    table = assessment.verdict_counts(survey).set_index(["dimension", "verdict"])["organisations"]
    assert table["planning"].to_dict() == {"existing": 2, "in between": 2, "living": 2}
    with pytest.raises(SmcourseError, match="commitment"):
        assessment.verdict_counts(survey.drop(columns="commitment"))
