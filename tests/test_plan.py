"""Does the capstone plan find what is missing or contradictory, survive a save, and export cleanly?"""

import dataclasses
import json
from pathlib import Path

import pytest

from smcourse import plan
from smcourse.plan import Action, Channel, Goal, Metric, Persona, Plan


def _messages(a_plan, part=None, level=None):
    return [issue.message for issue in plan.check(a_plan)
            if (part is None or issue.part == part) and (level is None or issue.level == level)]


def _example(**changes):
    return dataclasses.replace(plan.example_plan(), **changes)


# --- validation ---------------------------------------------------------------------------------

def test_the_worked_example_has_nothing_missing_or_contradictory():
    assert plan.check(plan.example_plan()) == []


def test_an_empty_plan_asks_for_every_part():
    issues = plan.check(Plan())
    assert {issue.part for issue in issues} == set(plan.PARTS)
    assert all(issue.level == "fix" for issue in issues)
    assert "Choose at least one goal: monitor, communicate, connect or collaborate." in _messages(Plan())


def test_a_goal_needs_a_known_activity_and_a_reason():
    issues = _messages(_example(goals=[Goal("monitor"), Goal("sell", "revenue")]), "goals")
    assert issues == ["Say why you want to monitor: what should it change?",
                      "“sell” is not one of the four activities (monitor, communicate, connect, "
                      "collaborate)."]


def test_a_persona_needs_a_name_and_needs():
    audience = plan.Audience("people", [Persona("", "someone"), Persona("Ana", "a buyer")])
    issues = _messages(_example(audience=audience), "audience")
    assert issues == ["Give each persona a name, so the team can talk about them.",
                      "What does Ana need from you? Fill in their needs."]


def test_every_channel_is_marked_owned_rented_or_occupied():
    channels = [*plan.example_plan().channels, Channel("Threads", "", "short posts")]
    assert _messages(_example(channels=channels), "channels") == [
        "Mark Threads as owned, rented or occupied."]


def test_a_rented_platform_marked_owned_is_questioned_not_refused():
    channels = [Channel("Instagram", "owned", "photos")]
    issues = [i for i in plan.check(_example(channels=channels)) if i.part == "channels"]
    assert [(i.level, "usually rented" in i.message) for i in issues] == [("consider", True)]


@pytest.mark.parametrize("mix, expected", [
    ({"educational": 50, "culture": 30}, "The content mix adds up to 80%, not 100%."),
    ({"educational": 60, "culture": 50}, "The content mix adds up to 110%, not 100%."),
    ({}, "Set the content mix: what share of your posts is each content type?"),
])
def test_the_content_mix_must_add_up_to_100(mix, expected):
    content = dataclasses.replace(plan.example_plan().content, mix=mix)
    assert _messages(_example(content=content), "content") == [expected]


def test_a_heavily_promotional_mix_is_flagged_for_a_second_thought():
    content = dataclasses.replace(plan.example_plan().content,
                                  mix={"promotional": 70, "educational": 30})
    assert _messages(_example(content=content), "content", "consider") == [
        "70% promotional posts reads as an advert; keep it under 40% and give value first."]


def test_posts_planned_for_a_channel_not_chosen_are_a_contradiction():
    content = dataclasses.replace(plan.example_plan().content,
                                  posts_per_week={"Instagram": 3, "Threads": 4})
    assert _messages(_example(content=content), "content") == [
        "The calendar has 4 posts a week on Threads, which is not one of your channels. "
        "Add the channel or clear its posts."]


def test_a_response_time_target_for_a_channel_not_chosen_is_a_contradiction():
    engagement = dataclasses.replace(plan.example_plan().engagement,
                                     response_hours={"Instagram": "2", "Threads": "1"})
    assert _messages(_example(engagement=engagement), "engagement") == [
        "There is a response-time target for Threads, which is not one of your channels. "
        "Add the channel or clear the target."]


@pytest.mark.parametrize("typed, expected", [
    ("soon", "The response time for X (“soon”) is not a number of hours."),
    ("0", "A response time of 0 hours on X is outside a sensible range (more than 0, at most 72 "
          "hours)."),
    ("200", "A response time of 200 hours on X is outside a sensible range (more than 0, at most 72 "
            "hours)."),
])
def test_response_times_must_be_sensible_hours(typed, expected):
    engagement = dataclasses.replace(plan.example_plan().engagement, response_hours={"X": typed})
    assert _messages(_example(engagement=engagement), "engagement") == [expected]


def test_engagement_rules_say_who_answers_and_where_complaints_go():
    engagement = plan.Engagement({"X": "2"})
    assert _messages(_example(engagement=engagement), "engagement") == [
        "Say who answers comments and messages, and when they do it.",
        "Say what happens to a complaint the first person cannot solve."]


def test_a_metric_without_a_target_or_with_a_word_is_reported():
    metrics = [Metric("engagement_rate", ""), Metric("response_time", "fast"),
               Metric("positive_sentiment", "45")]
    assert _messages(_example(metrics=metrics), "metrics", "fix") == [
        "Engagement rate has no target. What number, in % of impressions, would show it worked?",
        "The target for Median response time (“fast”) is not a number."]


@pytest.mark.parametrize("name, target, ok", [
    ("engagement_rate", "3", True), ("engagement_rate", "3 %", True), ("engagement_rate", "35", False),
    ("engagement_rate", "0.1", False), ("click_through_rate", "0.8", True),
    ("questions_answered", "120", False), ("response_time", "48", True),
    ("response_time", "96", False),
])
def test_targets_outside_a_sensible_range_are_reported(name, target, ok):
    metrics = [*plan.example_plan().metrics, Metric(name, target)]
    range_issues = [m for m in _messages(_example(metrics=metrics), "metrics")
                    if "outside a sensible range" in m]
    assert (range_issues == []) == ok


def test_an_unknown_metric_is_named():
    assert _messages(_example(metrics=[Metric("likes", "100")]), "metrics", "fix") == [
        "“likes” is not a course metric (engagement_rate, click_through_rate, follower_growth, "
        "response_time, positive_sentiment, questions_answered, reply_share)."]


def test_followers_alone_are_not_the_score():
    messages = _messages(_example(goals=[Goal("communicate", "awareness")],
                                  metrics=[Metric("follower_growth", "2")]), "metrics", "consider")
    assert messages == ["Follower growth alone is not the score: add a metric for interactions, "
                        "such as engagement rate or response time."]


def test_a_goal_no_metric_measures_is_pointed_out():
    messages = _messages(_example(metrics=[Metric("engagement_rate", "3")]), "metrics", "consider")
    assert messages == ["No metric tells you whether your monitor goal works; consider median "
                        "response time or positive sentiment."]


def test_each_dimension_needs_an_action_with_an_owner():
    actions = {"planning": Action("review channels", "Sam"), "presences": Action("sign replies")}
    assert _messages(_example(actions=actions), "actions") == [
        "Who owns the presences action? Name a person or a role.",
        "Write one action that moves your commitment from existing to living.",
        "Write one action that moves your relationships from existing to living."]


@pytest.mark.parametrize("typed, number", [("4.5", 4.5), (" 4,5 % ", 4.5), ("-2", -2.0),
                                            ("", None), ("two", None), ("nan", None), ("inf", None)])
def test_parse_amount_reads_what_learners_type(typed, number):
    assert plan.parse_amount(typed) == number


# --- save and restore ---------------------------------------------------------------------------

def test_a_saved_plan_is_restored_exactly(tmp_path):
    path = tmp_path / "mine.plan.json"
    plan.save(plan.example_plan(), path)
    loaded = plan.load(path)
    assert (loaded.state, loaded.can_save, loaded.plan) == ("restored", True, plan.example_plan())
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == "smcourse-strategy-plan" and saved["version"] == 1
    assert not list(tmp_path.glob("*.partial"))


def test_a_missing_file_gives_a_fresh_plan_and_says_so(tmp_path):
    loaded = plan.load(tmp_path / "mine.plan.json")
    assert loaded.plan == Plan() and loaded.state == "fresh"
    assert "No saved plan at mine.plan.json yet" in loaded.message
    assert not (tmp_path / "mine.plan.json").exists()


@pytest.mark.parametrize("content, reason", [
    (b'{"format": "smcourse-strategy-plan", "vers', "not valid JSON at line 1"),
    (b"", "not valid JSON at line 1, column 1"),
    (b"\xff\xfe\x00garbage", "not UTF-8 text"),
    (b'["a list"]', "not a strategy plan saved by this course"),
    (b'{"format": "smcourse-strategy-plan", "version": 9, "plan": {}}', "format version 9"),
    (b'{"format": "smcourse-strategy-plan", "version": 1, "plan": {"goals": "monitor"}}',
     "plan.goals has an unexpected value"),
    (b'{"format": "smcourse-strategy-plan", "version": 1, "plan": {"content": {"mix": '
     b'{"humour": "lots"}}}}', "plan.content.mix.humour has an unexpected value"),
])
def test_a_corrupt_file_is_kept_as_a_backup_and_a_fresh_plan_starts(tmp_path, content, reason):
    path = tmp_path / "mine.plan.json"
    path.write_bytes(content)
    loaded = plan.load(path)
    backup = tmp_path / "mine.plan.corrupt-1.json"
    assert loaded.plan == Plan() and loaded.state == "set aside" and loaded.can_save
    assert reason in loaded.message and "mine.plan.corrupt-1.json" in loaded.message
    assert backup.read_bytes() == content and not path.exists()


def test_backups_never_overwrite_each_other(tmp_path):
    path = tmp_path / "mine.plan.json"
    for attempt in (b"first", b"second"):
        path.write_bytes(attempt)
        plan.load(path)
    assert (tmp_path / "mine.plan.corrupt-1.json").read_bytes() == b"first"
    assert (tmp_path / "mine.plan.corrupt-2.json").read_bytes() == b"second"


def test_when_a_corrupt_file_cannot_be_moved_saving_stays_off(tmp_path, monkeypatch):
    path = tmp_path / "mine.plan.json"
    path.write_text("not json", encoding="utf-8")

    def refuse(self, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    loaded = plan.load(path)
    assert loaded.state == "blocked" and not loaded.can_save
    assert "Saving is off" in loaded.message and path.read_text(encoding="utf-8") == "not json"


def test_older_saves_without_some_parts_still_load(tmp_path):
    path = tmp_path / "mine.plan.json"
    path.write_text(json.dumps({"format": "smcourse-strategy-plan", "version": 1,
                                "plan": {"organisation": "Acme",
                                         "metrics": [{"name": "response_time", "target": 4}]}}))
    assert plan.load(path).plan == Plan("Acme", metrics=[Metric("response_time", "4")])


def test_saving_where_it_cannot_write_raises_a_kit_error(tmp_path):
    with pytest.raises(plan.PlanFileError, match="could not be saved"):
        plan.save(Plan(), tmp_path / "no such folder" / "mine.plan.json")


# --- export -------------------------------------------------------------------------------------

def test_export_writes_markdown_and_html_beside_the_save_file(tmp_path):
    written = plan.export(plan.example_plan(), tmp_path / "lumen.plan.json")
    assert written == (tmp_path / "lumen.plan.md", tmp_path / "lumen.plan.html")
    markdown, page = (path.read_text(encoding="utf-8") for path in written)
    for entered in ("Lumen Coffee Roasters", "Hannah, home brewer", "| Instagram | rented |",
                    "| Engagement rate | 4 | % of impressions |", "within 2 hours",
                    "| Instagram | 1.5 | 0.8 | 1.0 | 0.5 | 0.2 | 1.0 | 5 |",
                    "Sign replies with the first name"):
        assert entered in markdown
    assert page.startswith("<!DOCTYPE html>") and "<td>Hannah, home brewer</td>" in page
    assert "Still open" not in markdown


def test_export_escapes_what_the_learner_typed():
    sneaky = _example(organisation="<script>alert(1)</script> & Co",
                      goals=[Goal("monitor", "Hear <b>everything</b>")],
                      channels=[Channel("Instagram", "rented", "photos | reels")])
    page = plan.to_html(sneaky)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert "<strong>Monitor</strong>: Hear &lt;b&gt;everything&lt;/b&gt;" in page
    assert "| Instagram | rented | photos \\| reels |" in plan.to_markdown(sneaky)


def test_an_incomplete_plan_exports_with_what_is_still_open():
    markdown = plan.to_markdown(Plan(goals=[Goal("connect", "meet growers")]))
    assert "# Social media strategy plan: my organisation" in markdown
    assert "- **Connect**: meet growers" in markdown and "*(nothing yet)*" in markdown
    assert "## Still open" in markdown and "- channels: Choose at least one channel." in markdown
    assert "<em>(nothing yet)</em>" in plan.to_html(Plan())


def test_a_target_outside_its_range_is_explained_in_its_own_unit():
    metrics = [*plan.example_plan().metrics, Metric("follower_growth", "25")]
    assert _messages(_example(metrics=metrics), "metrics") == [
        "A target of 25% a month for Follower growth is outside a sensible range (0.1 to 10% a month): "
        "growth above 10% a month rarely lasts and is seldom worth chasing."]


def test_one_part_of_a_plan_can_be_shown_on_its_own():
    channels = plan.part_markdown(plan.example_plan(), "channels")
    assert channels.startswith("## 3. Channels\n\n| Channel | Property | What it is for |")
    assert "| Review sites | occupied |" in channels and "Goals" not in channels


def test_a_starting_plan_is_used_only_when_nothing_is_saved(tmp_path):
    path = tmp_path / "mine.plan.json"
    loaded = plan.load(path, start=plan.example_plan())
    assert loaded.plan == plan.example_plan() and "the plan this cell provides" in loaded.message
    plan.save(Plan("Saved"), path)
    assert plan.load(path, start=plan.example_plan()).plan == Plan("Saved")
