"""Does the plan builder save what a learner types, and does a fresh builder bring it all back?"""

import json
from pathlib import Path

from smcourse import plan
from smcourse.plan_widgets import PlanBuilder


def _fill_in_like_a_learner(builder):
    builder.organisation.value = "Harbour Books"
    builder.goals["connect"].chosen.value = True
    builder.goals["connect"].why.value = "Meet local authors and book clubs"
    builder.audience.value = "Readers in town"
    persona = builder.personas[0]
    persona.name.value, persona.needs.value, persona.stage.value = "Ola", "Signed copies", "decision"
    builder.channels["Instagram"].chosen.value = True
    builder.channels["Instagram"].property.value = "rented"
    builder.channels["Instagram"].purpose.value = "Shelf photos"
    builder.mix["educational"].value = 60
    builder.mix["culture"].value = 40
    builder.posts_per_week["Instagram"].value = 4
    builder.response_hours["Instagram"].value = "3"
    builder.who_answers.value = "Jo, every morning"
    builder.escalation.value = "The owner"
    builder.metrics["questions_answered"].chosen.value = True
    builder.metrics["questions_answered"].target.value = "90"
    for dimension, row in builder.actions.items():
        row.step.value, row.owner.value = f"a step for {dimension}", "Jo"


def test_every_change_is_saved_and_a_fresh_builder_restores_it(tmp_path):
    path = tmp_path / "mine.plan.json"
    builder = PlanBuilder(path)
    _fill_in_like_a_learner(builder)
    saved = json.loads(path.read_text(encoding="utf-8"))["plan"]
    assert saved["organisation"] == "Harbour Books"
    assert saved["channels"] == [{"name": "Instagram", "property": "rented",
                                  "purpose": "Shelf photos"}]
    assert saved["content"] == {"mix": {"educational": 60, "culture": 40},
                                "posts_per_week": {"Instagram": 4}}
    restored = PlanBuilder(path)
    assert restored.read() == builder.read() and plan.check(restored.read()) == []
    assert restored.goals["connect"].why.value == "Meet local authors and book clubs"
    assert restored.personas[0].stage.value == "decision"
    assert restored.metrics["questions_answered"].target.value == "90"
    assert "Restored your plan from mine.plan.json." in restored.status.value


def test_the_form_shows_what_is_missing_and_updates_as_the_learner_types(tmp_path):
    builder = PlanBuilder(tmp_path / "mine.plan.json")
    assert builder.tabs.titles[0] == "Goals (2)" and "Name the organisation" in builder.issues.value
    _fill_in_like_a_learner(builder)
    assert builder.tabs.titles[0] == "Goals" and "Nothing is missing" in builder.issues.value
    builder.mix["culture"].value = 30
    assert "The content mix adds up to 90%, not 100%." in builder.issues.value
    assert builder.tabs.titles[3] == "Content (1)"


def test_unticking_a_channel_exposes_its_leftover_targets(tmp_path):
    builder = PlanBuilder(tmp_path / "mine.plan.json")
    _fill_in_like_a_learner(builder)
    builder.channels["Instagram"].chosen.value = False
    assert "response-time target for Instagram, which is not one of your channels" in \
        builder.issues.value


def test_the_example_plan_fills_the_form_and_is_written_to_the_given_path(tmp_path):
    path = tmp_path / "lumen.plan.json"
    builder = PlanBuilder(path, start=plan.example_plan())
    assert builder.read() == plan.example_plan()
    assert plan.load(path).plan == plan.example_plan()


def test_channels_outside_the_catalogue_survive_a_round_trip(tmp_path):
    path = tmp_path / "mine.plan.json"
    own = plan.Plan(channels=[plan.Channel("Mastodon", "rented", "tech readers")],
                    engagement=plan.Engagement({"Mastodon": "6"}))
    plan.save(own, path)
    builder = PlanBuilder(path)
    assert builder.channels["Mastodon"].chosen.value and builder.read() == own


def test_a_corrupt_save_file_is_backed_up_and_the_learner_told(tmp_path):
    path = tmp_path / "mine.plan.json"
    path.write_text("{half a plan", encoding="utf-8")
    builder = PlanBuilder(path)
    assert "could not be read" in builder.status.value and "mine.plan.corrupt-1.json" in \
        builder.status.value
    builder.organisation.value = "Fresh start"
    assert (tmp_path / "mine.plan.corrupt-1.json").read_text(encoding="utf-8") == "{half a plan"
    assert plan.load(path).plan.organisation == "Fresh start"


def test_export_button_writes_both_documents(tmp_path):
    builder = PlanBuilder(tmp_path / "mine.plan.json")
    _fill_in_like_a_learner(builder)
    export_button = builder.box.children[-1]
    export_button.click()
    markdown = (tmp_path / "mine.plan.md").read_text(encoding="utf-8")
    assert "# Social media strategy plan: Harbour Books" in markdown
    assert "<td>Ola</td>" in (tmp_path / "mine.plan.html").read_text(encoding="utf-8")
    assert 'href="mine.plan.html"' in builder.status.value


def test_a_starting_plan_never_replaces_a_saved_one(tmp_path):
    path = tmp_path / "mine.plan.json"
    plan.save(plan.Plan("My own shop"), path)
    builder = PlanBuilder(path, start=plan.example_plan())
    assert builder.organisation.value == "My own shop"
    assert plan.load(path).plan == plan.Plan("My own shop")


def test_a_starting_plan_never_overwrites_a_corrupt_file(tmp_path):
    path = tmp_path / "mine.plan.json"
    path.write_text("[broken", encoding="utf-8")
    builder = PlanBuilder(path, start=plan.example_plan())
    assert builder.read() == plan.Plan() and not path.exists()
    assert (tmp_path / "mine.plan.corrupt-1.json").read_text(encoding="utf-8") == "[broken"


def test_when_saving_is_off_changes_leave_the_file_alone(tmp_path, monkeypatch):
    path = tmp_path / "mine.plan.json"
    path.write_text("not a plan", encoding="utf-8")
    monkeypatch.setattr(Path, "rename", _refuse)
    builder = PlanBuilder(path)
    builder.organisation.value = "Typed anyway"
    assert "Saving is off" in builder.status.value
    assert path.read_text(encoding="utf-8") == "not a plan"


def _refuse(self, target):
    raise PermissionError(13, "Permission denied")
