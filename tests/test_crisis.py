"""Does the crisis model behave as the lesson claims, the same way every time, and explain bad input?"""

import pytest

from smcourse import crisis
from smcourse.errors import SmcourseError

ANSWERS = [name for name in crisis.RESPONSES if name != "ignore"]


def _final(response, respond_at):
    return crisis.simulate(response, respond_at).iloc[-1]


def test_the_same_choice_gives_the_same_timeline_every_time():
    first, second = crisis.simulate("personal", 6), crisis.simulate("personal", 6)
    assert first.equals(second)
    assert list(first["hour"]) == list(range(crisis.HOURS + 1))
    assert first["reach"].iloc[0] == crisis.FIRST_REACH


@pytest.mark.parametrize("response", ANSWERS)
def test_answering_earlier_never_ends_worse_than_answering_later(response):
    finals = [_final(response, hour) for hour in range(crisis.HOURS + 1)]
    for earlier, later in zip(finals[:-1], finals[1:], strict=True):
        assert earlier["reach"] <= later["reach"]
        assert earlier["sentiment"] >= later["sentiment"]
    assert finals[0]["reach"] < finals[-1]["reach"]  # and waiting really does cost something


@pytest.mark.parametrize("hour", [0, 6, 24, 48])
def test_a_transparent_follow_up_recovers_more_sentiment_than_a_broadcast(hour):
    assert _final("transparent", hour)["sentiment"] > _final("broadcast", hour)["sentiment"]


@pytest.mark.parametrize("hour", [0, 12, 71])
def test_ignoring_the_complaint_spreads_it_furthest(hour):
    ignored = _final("ignore", hour)["reach"]
    assert all(_final(name, hour)["reach"] < ignored for name in ANSWERS)


def test_ignoring_lets_sentiment_sink_towards_the_complaint_and_answering_lifts_it_back():
    ignored = crisis.simulate("ignore")
    assert ignored["sentiment"].iloc[0] > crisis.BASELINE - 0.1  # one small voice at first
    assert ignored["sentiment"].is_monotonic_decreasing
    assert ignored["sentiment"].iloc[-1] < 0
    followed_up = crisis.simulate("transparent", 12)["sentiment"]
    assert followed_up.iloc[-1] > followed_up.min() + 0.3
    assert followed_up.max() <= crisis.BASELINE


def test_reach_never_exceeds_the_audience_and_repair_stays_within_its_ceiling():
    for name, response in crisis.RESPONSES.items():
        timeline = crisis.simulate(name, 0)
        assert timeline["reach"].max() <= crisis.AUDIENCE
        assert timeline["repair"].between(0, response.repair_ceiling).all()


def test_compare_and_outcomes_give_one_row_per_response():
    table = crisis.outcomes(crisis.compare(3))
    assert list(table["response"]) == list(crisis.RESPONSES)
    assert (table["respond_at"] == 3).all()
    assert table.set_index("response").loc["ignore", "final_reach"] == table["final_reach"].max()


def test_timing_sweep_covers_each_response_at_each_step():
    sweep = crisis.timing_sweep(responses=("personal",), hours=12, step=4)
    assert list(sweep["respond_at"]) == [0, 4, 8, 12]
    assert sweep["final_sentiment"].is_monotonic_decreasing


def test_an_unknown_response_names_the_ones_there_are():
    with pytest.raises(SmcourseError, match="no response called 'apologise'.*ignore, broadcast"):
        crisis.simulate("apologise")


@pytest.mark.parametrize("hour, problem", [(-1, "between 0 and 72"), (73, "between 0 and 72"),
                                           (2.5, "whole number"), ("3", "whole number")])
def test_a_response_hour_outside_the_timeline_is_explained(hour, problem):
    with pytest.raises(SmcourseError, match=problem):
        crisis.simulate("personal", hour)


def test_a_timeline_without_hours_is_refused():
    with pytest.raises(SmcourseError, match="at least one hour"):
        crisis.simulate("personal", 0, hours=0)
