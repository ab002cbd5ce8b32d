"""Does the tutor's report of plans alike list a plan shared by two learners, one scaled and moved
from another's, and a learner who handed in the reference plan, leave unlike plans out, name a
plan file it cannot read, and come at the end of grading the capstone?"""

import dataclasses
import shutil
from pathlib import Path

import pytest
from capstone_reference import reference_plan, with_everything_scaled_and_moved

from smcourse import cli
from smcourse.core import plan
from smcourse.instructor import alike

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "06_capstone_strategy_plan"


def _course(root: Path, handed_in: dict[str, plan.Plan | str | None]) -> Path:
    """A course folder whose learners handed in `handed_in`: a plan, a file's text, or nothing."""
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, root / "solutions" / ASSIGNMENT)
    for student, work in handed_in.items():
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        if isinstance(work, plan.Plan):
            plan.save(work, folder / alike.PLAN_FILE)
        elif isinstance(work, str):
            (folder / alike.PLAN_FILE).write_text(work, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    bakery = reference_plan(tmp_path_factory.mktemp("reference"))
    shared = dataclasses.replace(plan.example_plan(), organisation="Harbour Street Café")
    renamed = dataclasses.replace(shared, organisation="Quayside Roasters",
                                  voice="Warm, plain and curious about every cup.")
    root = _course(tmp_path_factory.mktemp("course"), {
        "amina": dataclasses.replace(bakery, organisation="Amina's Bakes"), "ben": shared,
        "cleo": renamed, "dev": '{"format": "smcourse-strategy-plan", "version": 2, "plan": [',
        "eli": None, "fay": with_everything_scaled_and_moved(plan.example_plan())})
    return alike.alike(ASSIGNMENT, root), bakery, shared


def test_two_learners_with_the_same_plan_renamed_are_listed(report):
    pairs = {(pair.first, pair.second): pair.share for pair in report[0].pairs}
    assert pairs[("ben", "cleo")] >= plan.COPY_SHARE


def test_a_learner_who_hands_in_the_reference_plan_is_listed(report):
    pairs = {(pair.first, pair.second): pair.share for pair in report[0].pairs}
    assert pairs[("amina", alike.REFERENCE)] >= 0.9


def test_the_bakery_and_lumen_are_not_alike(report):
    found, bakery, lumen = report
    listed = {frozenset((pair.first, pair.second)) for pair in found.pairs}
    assert listed == {frozenset(("ben", "cleo")), frozenset(("amina", alike.REFERENCE)),
                      frozenset(("ben", "fay")), frozenset(("cleo", "fay"))}
    assert max(plan.similarity(bakery, lumen), plan.similarity(lumen, bakery)) < plan.COPY_SHARE
    assert max(plan.shape_similarity(bakery, lumen),
               plan.shape_similarity(lumen, bakery)) < plan.SHAPE_SHARE


def test_a_plan_renamed_with_every_number_scaled_is_listed_by_its_shape(report):
    pairs = {(pair.first, pair.second): pair for pair in report[0].pairs}
    scaled = pairs[("ben", "fay")]
    assert scaled.share < plan.COPY_SHARE <= plan.SHAPE_SHARE < 0.9 <= scaled.shape
    assert f"ben and fay: {scaled.share:.0%} alike, {scaled.shape:.0%} of the shape" in report[0].lines()


def test_lumen_s_own_shape_share_is_the_pairwise_one_with_lumen():
    scaled = with_everything_scaled_and_moved(plan.example_plan())
    assert plan.example_shape(scaled) == plan.shape_similarity(scaled, plan.example_plan()) > 0.9


def test_a_malformed_or_missing_plan_file_is_named_not_a_traceback(report):
    lines = report[0].lines()
    assert any(line.startswith("dev: left out,") and alike.PLAN_FILE in line
               and "not valid JSON at line 1" in line for line in lines)
    assert "eli: left out, no my_strategy.plan.json handed in" in lines


def test_each_learner_s_plan_is_set_beside_lumen_s_with_the_three_shares_and_names(report):
    """The shares the learner's feedback no longer shows: every readable plan gets a line, the
    most alike first, saying whether the copy check fired and on which measure."""
    found, bakery, lumen = report
    against = {line.student: line for line in found.lumen}
    assert list(against) == ["ben", "cleo", "fay", "amina"]
    assert (against["ben"].share, against["ben"].shape, against["ben"].texts) == (1, 1, 1)
    fay, fay_plan = against["fay"], with_everything_scaled_and_moved(plan.example_plan())
    assert fay.share < plan.COPY_SHARE and fay.texts < plan.TEXT_COPY_SHARE
    assert fay.shape > 0.9 and fay.names == plan.example_names(fay_plan)
    assert fay.line() == (f"fay against Lumen's example: {fay.share:.0%} of its choices, "
                          f"{fay.shape:.0%} of its shape, {fay.texts:.0%} of its texts; Lumen's "
                          f"names: {'; '.join(fay.names) or 'none'} (the copy check fired: "
                          f"{', '.join(plan.example_copied_by(fay_plan))})")
    amina = against["amina"]
    assert amina.share == plan.example_similarity(bakery) < plan.COPY_SHARE
    assert amina.names == [] and "the copy check fired" not in amina.line()
    assert [line.line() for line in found.lumen] == found.lines()[len(found.pairs):-3]
    assert found.lines()[-1] == alike.JUDGED_COPY and "own_plan_test to 0" in alike.JUDGED_COPY


def test_the_command_prints_the_pairs_or_that_no_two_plans_are_alike(tmp_path, capsys):
    root = _course(tmp_path, {"ben": plan.example_plan()})
    assert cli.main(["assignments", "alike", ASSIGNMENT, "--course", str(root)]) == 0
    saved = root / "alike" / f"{ASSIGNMENT}.txt"
    beside_lumen = ("ben against Lumen's example: 100% of its choices, 100% of its shape, 100% of "
                    "its texts; Lumen's names: ")
    out = capsys.readouterr().out
    assert out.startswith(f"no two plans alike\n{beside_lumen}") and out.endswith(f"wrote {saved}\n")
    assert saved.read_text(encoding="utf-8") == out.removesuffix(f"wrote {saved}\n")
    assert cli.main(["assignments", "alike", "07_missing", "--course", str(root)]) == 1
    assert "no solution notebook at" in capsys.readouterr().err


def test_grading_the_capstone_ends_with_the_report_printed_and_saved(tmp_path, capsys, monkeypatch):
    """The grading run itself is tested in test_capstone_grading; here only what follows it."""
    from smcourse.instructor import grading

    monkeypatch.setattr(grading, "grade", lambda *args, **kwargs: grading.ClassRun([], []))
    lumen = plan.example_plan()
    root = _course(tmp_path, {"ben": lumen, "cleo": dataclasses.replace(lumen, organisation="Quay")})
    assert cli.main(["assignments", "grade", ASSIGNMENT, "--course", str(root)]) == 0
    out = capsys.readouterr().out
    saved = (root / "alike" / f"{ASSIGNMENT}.txt").read_text(encoding="utf-8")
    assert saved.startswith("ben and cleo: 100% alike, 100% of the shape\n")
    assert out.endswith("Plans alike, and each beside Lumen's example (for the tutor to read side "
                        f"by side):\n{saved}wrote {root / 'alike' / (ASSIGNMENT + '.txt')}\n")
