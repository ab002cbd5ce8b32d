"""Does the automatic part of assignment 06 grade the plan file each learner hands in, through the
real pipeline (release, submission folder, sandboxed autograde, gradebook)?"""

import dataclasses
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from capstone_reference import (
    SITUATION_AND_REASONS,
    bike_shop_skeleton,
    quarter_filled,
    reference_plan,
    scripted_copy,
    solution_cells,
    task_b_run,
    with_dictionary_words,
    with_each_number_reshaped,
    with_everything_renamed_and_rewritten,
    with_everything_scaled_and_moved,
    with_hollow_crisis_and_ask,
    with_hollow_texts,
    with_invented_cake_orders,
    with_invented_rate,
    with_lumen_s_policies_garbled,
    with_lumen_s_policies_moved,
    with_lumen_s_policies_padded,
    with_lumen_s_policies_pasted,
    with_lumen_s_policies_reordered,
    with_numbers_doubled_and_texts_garbled,
    with_numbers_nudged,
    with_numbers_pushed_and_word_salad,
    with_one_line_policies,
    with_one_objective_and_word_salad,
    with_placeholder_texts,
    with_templated_reasons,
    with_texts_cut_and_numbers_pushed,
    with_texts_reversed,
)
from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory

from smcourse import cli
from smcourse.core import plan
from smcourse.instructor import alike, grading

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "06_capstone_strategy_plan"
TASK_A, TASK_B = 2, 4  # the code task's points and the plan check's, one per group of parts

pytestmark = pytest.mark.slow


# Task A as learners write it: (code, points it must earn)
ORDINARY = 'ordinary = lumen[~lumen["published_at"].dt.strftime("%Y-%m-%d").between(*RECALL)]\n'
TASK_A_ANSWERS = {
    "in_per_cent": (ORDINARY + 'baseline = (metrics.performance_by(ordinary, "platform")'
                    '["engagement_rate"] * 100).round(3)\n'
                    'overall = plan_import.baseline(lumen, exclude=RECALL)["engagement_rate"]', TASK_A),
    "smallest_first": (ORDINARY + 'baseline = metrics.performance_by(ordinary, "platform")'
                       '["engagement_rate"].sort_values()\n'
                       'overall = plan_import.baseline(lumen, exclude=RECALL)["engagement_rate"]',
                       TASK_A / 2),
    "recall_included": ('baseline = metrics.performance_by(lumen, "platform")["engagement_rate"]\n'
                        'overall = plan_import.baseline(lumen)["engagement_rate"]', 0),
    "feed_posts_only": (ORDINARY + 'feed = ordinary[ordinary["mode"] == "broadcast"]\n'
                        'baseline = metrics.performance_by(feed, "platform")["engagement_rate"]\n'
                        'overall = plan_import.baseline(feed)["engagement_rate"]', 0),
}


def _submit(root: Path, student: str, handed_in: plan.Plan | None, task_a: str = "") -> None:
    """The released notebook with the code cells solved as the source solves them (Task A as
    `task_a` when given), and `handed_in` saved beside it as my_strategy.plan.json; no
    answers.json (the cards are blank). Without `handed_in` no plan file is handed in: the
    solution's cell then writes the bakery's in the kernel's folder only, which is not graded."""
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    solved = solution_cells()
    notebook = nbformat.read(root / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in ("baseline", "own_plan"):
            cell.source = task_a if grade_id == "baseline" and task_a else solved[grade_id]
    nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
    if handed_in is not None:
        plan.save(handed_in, folder / "my_strategy.plan.json")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Each learner's score, and the course folder the autograded notebooks are in."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "solutions", root / "solutions")
    grading.release(root, only=[ASSIGNMENT])
    bakery = reference_plan(tmp_path_factory.mktemp("reference"))
    short_of_hours = dataclasses.replace(bakery, budget=dataclasses.replace(bakery.budget,
                                                                            people_hours=5))
    renamed = dataclasses.replace(plan.example_plan(), organisation="Harbour Street Café",
                                  voice="Bookish, kind and never snobbish.")
    disguised = dataclasses.replace(  # the reader's evasion: "!" on the texts, "40" as "40.0"
        renamed, disclosure=renamed.disclosure + "!", voice=renamed.voice + "!",
        pillars=[dataclasses.replace(p, name=p.name + "!") for p in renamed.pillars],
        actions={name: dataclasses.replace(a, step=a.step + "!")
                 for name, a in renamed.actions.items()},
        objectives=[dataclasses.replace(o, baseline=f"{float(o.baseline):.1f}")
                    for o in renamed.objectives])
    names = {p.name: f"Theme {index}" for index, p in enumerate(renamed.pillars)}
    reworded = dataclasses.replace(  # the third reader's: pillars, five metrics, a persona renamed
        renamed, pillars=[dataclasses.replace(p, name=names[p.name]) for p in renamed.pillars],
        channels=[dataclasses.replace(c, mix={names[k]: v for k, v in c.mix.items()})
                  for c in renamed.channels],
        objectives=[dataclasses.replace(o, metric=f"Our count number {index}") if index < 5 else o
                    for index, o in enumerate(renamed.objectives)],
        audience=dataclasses.replace(renamed.audience, personas=[
            dataclasses.replace(renamed.audience.personas[0], name="Greta, weekend baker"),
            *renamed.audience.personas[1:]]))
    learners = {"reference": bakery, "short_of_hours": short_of_hours,
                "lumen_unchanged": plan.example_plan(), "lumen_renamed": renamed,
                "lumen_disguised": disguised, "lumen_reworded": reworded,
                "lumen_reversed": with_texts_reversed(renamed),
                "lumen_nudged": with_numbers_nudged(plan.example_plan()),
                "lumen_placeholders": with_placeholder_texts(plan.example_plan()),
                "lumen_cut": with_texts_cut_and_numbers_pushed(plan.example_plan()),
                "lumen_garbled": with_numbers_doubled_and_texts_garbled(plan.example_plan()),
                "bakery_dictionary_words": with_dictionary_words(bakery),
                "bakery_audit_of_dictionary_words": with_dictionary_words(bakery, SITUATION_AND_REASONS),
                "lumen_pushed_word_salad": with_numbers_pushed_and_word_salad(plan.example_plan()),
                "bakery_one_objective_word_salad": with_one_objective_and_word_salad(bakery),
                "lumen_scripted_copy": scripted_copy(),
                "lumen_renamed_and_rewritten": with_everything_renamed_and_rewritten(
                    plan.example_plan(), 1.15),
                "lumen_scaled_and_moved": with_everything_scaled_and_moved(plan.example_plan()),
                "no_plan_file": None}
    answered = next(o for o in bakery.objectives if o.metric == "questions_answered")
    learners["bakery_comments_file_baseline"] = dataclasses.replace(bakery, objectives=[
        dataclasses.replace(o, baseline="40",
                            source="the course data's comments file of 2025 (no recall), pooled")
        if o is answered else o for o in bakery.objectives])
    learners["bakery_rota_misses_promise"] = dataclasses.replace(  # 11:00 to 16:00 unread
        bakery, community=dataclasses.replace(bakery.community, rota={
            day: f"{name} at 07 and 11" for day, name in bakery.community.rota.items()}))
    learners["bakery_cake_orders_tenfold"] = with_cake_orders_aimed_at(bakery, "200")
    learners["quarter_filled"] = quarter_filled(bakery)
    learners["bakery_invented_rate"] = with_invented_rate(bakery)
    learners["bakery_hollow_texts"] = with_hollow_texts(bakery)
    learners["bakery_hollow_crisis_and_ask"] = with_hollow_crisis_and_ask(bakery)
    for student, handed_in in learners.items():
        _submit(root, student, handed_in)
    for student, (code, _) in TASK_A_ANSWERS.items():
        _submit(root, student, bakery, code)
    run = grading.grade(ASSIGNMENT, root, show_progress=False)
    return {result.student: result.score for result in run.results}, root


@pytest.fixture(scope="module")
def scores(graded):
    return graded[0]


def _shown(root: Path, student: str) -> str:
    """What the autograded Task B cell printed: the learner's feedback."""
    notebook = nbformat.read(root / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
                             as_version=4)
    cell = next(c for c in notebook.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == "own_plan_test")
    return "".join(output.get("text", "") for output in cell.outputs
                   if output.output_type == "stream")


def test_the_reference_plan_a_bakery_s_own_earns_every_group(scores):
    assert scores["reference"] == TASK_A + TASK_B


def test_the_points_come_from_the_plan_handed_in(scores):
    """Only the implementation group (the budget) is short in this learner's plan file."""
    assert scores["short_of_hours"] == TASK_A + TASK_B - 1


def test_lumen_s_example_earns_nothing_for_the_plan_under_any_name(scores):
    assert scores["lumen_unchanged"] == scores["lumen_renamed"] == scores["lumen_disguised"] \
        == scores["lumen_reworded"] == scores["lumen_reversed"] == scores["lumen_nudged"] \
        == scores["lumen_placeholders"] == scores["lumen_cut"] \
        == scores["lumen_garbled"] == scores["lumen_renamed_and_rewritten"] \
        == scores["lumen_scaled_and_moved"] == TASK_A


def test_a_plan_of_dictionary_words_chosen_at_random_earns_nothing_for_the_plan(scores):
    """The eleventh reader's disguise: the bakery's own numbers with every written text English
    words drawn at random; as the reader made it (the situation audit and the objectives'
    reasons only), it loses the objectives and audience insight group's point."""
    assert scores["bakery_dictionary_words"] == TASK_A
    assert scores["bakery_audit_of_dictionary_words"] == TASK_A + TASK_B - 1


def test_a_plan_of_word_salad_naming_a_channel_earns_nothing_for_the_plan(scores):
    """The eleventh reader's other disguises: Lumen's shape pushed 60 % and the bakery's cut to one
    channel and one objective, every text English words naming Instagram, not sentences."""
    assert scores["lumen_pushed_word_salad"] == scores["bakery_one_objective_word_salad"] == TASK_A


def test_a_scripted_copy_that_keeps_lumen_s_people_and_rota_earns_nothing_for_the_plan(graded):
    """A reader's scripted copy: numbers doubled, dates moved, every text a sentence made at random,
    so its choices stay under their line; its shape, scale and calendar taken out, and Lumen's
    rota and people give it away. The learner reads which measures fired, in words only."""
    scores, root = graded
    assert scores["lumen_scripted_copy"] == TASK_A
    line = _shown(root, "lumen_scripted_copy")
    assert "close to Lumen's example in its shape and its names (Lumen's people, personas, " \
        "business or rota)." in line
    assert "close to Lumen's example" not in _shown(root, "reference")


def test_a_baseline_typed_against_the_comments_file_it_names_costs_the_objectives_point(scores):
    """The eleventh reader's third disguise: 40 % of questions answered where the course data
    give 85.7 %, from "the course data's comments file of 2025 (no recall)" (the file's name
    alone is a business's own export, review 35's M3: test_plan checks it)."""
    assert scores["bakery_comments_file_baseline"] == TASK_A + TASK_B - 1


def test_a_rota_whose_looks_cannot_keep_the_promise_costs_the_implementation_point(scores):
    """The bakery's 4-hour promise on a rota that looks at 07:00 and 11:00 and closes at 16:00."""
    assert scores["bakery_rota_misses_promise"] == TASK_A + TASK_B - 1


def test_no_plan_file_handed_in_earns_no_plan_points_and_says_why(graded):
    scores, root = graded
    assert scores["no_plan_file"] == TASK_A
    notebook = nbformat.read(root / "autograded" / "no_plan_file" / ASSIGNMENT /
                             f"{ASSIGNMENT}.ipynb", as_version=4)
    cell = next(c for c in notebook.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == "own_plan_test")
    shown = "".join(output.get("text", "") for output in cell.outputs)
    assert "Save your plan as my_strategy.plan.json beside this notebook" in shown


@pytest.mark.parametrize("student", TASK_A_ANSWERS)
def test_task_a_accepts_per_cent_and_checks_the_order_and_the_posts_pooled(scores, student):
    assert scores[student] == TASK_A_ANSWERS[student][1] + TASK_B


def test_the_learner_s_feedback_shows_no_share_of_lumen_s_example(graded):
    """A copier who read the shares could edit until they slipped under the lines: the feedback
    says only whether the copy check fired, on which measure, and that the tutor compares."""
    scores, root = graded
    for student in scores:
        shown = _shown(root, student)
        assert "Your tutor compares every plan handed in with Lumen's example" in shown
        if student.startswith("lumen_"):
            assert "close to Lumen's example in " in shown and not re.search(r"\d\s*%", shown)


def test_the_tutor_s_report_gives_the_shares_of_lumen_s_example_each_plan_repeats(graded):
    """`smcourse assignments alike` on the graded course: the shares the feedback left out."""
    _, root = graded
    against = {line.student: line for line in alike.alike(ASSIGNMENT, root).lumen}
    share = {student: round(100 * line.share) for student, line in against.items()}
    assert share["reference"] < 10 and share["lumen_reworded"] > 90 \
        and share["lumen_reversed"] > 90 and share["lumen_nudged"] > 90
    assert against["lumen_nudged"].texts == 1
    shape = {student: round(100 * line.shape) for student, line in against.items()}
    assert shape["reference"] < 20 and shape["lumen_cut"] >= 50 \
        and shape["lumen_renamed_and_rewritten"] >= 50 and shape["lumen_scaled_and_moved"] > 90
    scripted = against["lumen_scripted_copy"]
    assert (share["lumen_scripted_copy"], shape["lumen_scripted_copy"]) == (25, 77)
    assert scripted.names == ["Lumen's people and personas (Ade, Jo, Priya, Sam)",
                              "Lumen as its own business", "Lumen's rota"]
    assert against["reference"].names == [] and "no_plan_file" not in against


def test_task_b_run_directly_gives_a_quarter_filled_plan_no_point_and_names_the_empty_groups(
        tmp_path):
    """The expert reader's quarter-filled plan (only the bakery's pillars, channels, voice,
    reporting and actions) has nothing to fix in two groups, but two groups are empty."""
    bakery = reference_plan(tmp_path)
    assert task_b_run(bakery, tmp_path)[0] == TASK_B
    earned, shown = task_b_run(quarter_filled(bakery), tmp_path)
    assert earned == 0
    assert shown.count("still empty: objectives and audience insight, implementation") == TASK_B


def test_task_b_run_directly_takes_the_points_invented_numbers_earned(tmp_path):
    """The expert reader's bakery with an engagement rate "from our Instagram export", 9.5 to 9.8
    with a spread of 0.05, and 1 message a week (its response time now within the noise of a median
    of 1 wait): the objectives point goes. One message for 7 posts a week is advice (a quiet
    account may draw that few), so the implementation point stays."""
    earned, shown = task_b_run(with_invented_rate(reference_plan(tmp_path)),
                                         tmp_path)
    assert earned == TASK_B - 1
    assert "✗ objectives and audience insight: 5 still to fix; first, at objectives[4].spread: " \
        "The spread of objective 4 (12 points) is far below what a rate of 70% out of 1 " \
        "questions a week allows" in shown
    assert "✓ implementation" in shown.splitlines()


def test_the_grading_run_gives_no_point_to_a_quarter_filled_plan_or_invented_numbers(scores):
    assert scores["quarter_filled"] == TASK_A
    assert scores["bakery_invented_rate"] == TASK_A + TASK_B - 1


def test_task_b_run_directly_takes_the_points_of_a_one_channel_skeleton_and_templated_reasons(
        tmp_path):
    """The expert reader's bike-shop skeleton (one channel, one objective, monitoring chosen and
    unmeasured) earned all four points; now its goal and its single channel are fixes (and its
    voice, which says how it sounds but nothing it never does). So is one
    reason given, with each metric's name filled in, for four of the bakery's objectives."""
    bakery = reference_plan(tmp_path)
    earned, shown = task_b_run(bike_shop_skeleton(bakery), tmp_path)
    assert earned == TASK_B - 2
    assert "✗ objectives and audience insight: 1 still to fix; first, at goals.monitor: No " \
        "objective tells you whether monitor works" in shown
    assert "✗ strategy: 2 still to fix; first, at channels: Choose at least 2 channels" in shown
    templated = with_templated_reasons(bakery)
    earned, shown = task_b_run(templated, tmp_path)
    assert earned == TASK_B - 1  # each reason is the template's words, and the template is named
    assert "✗ objectives and audience insight: 6 still to fix; first, at objectives[1].reason: " \
        "Why should Cake orders from social links reach the target of objective 1?" in shown
    assert shown.split("\n✓ strategy")[0].endswith(
        "words given in 3 or more fields.)")
    assert any(issue.message.startswith("One reason is given, near word for word, for 6 objectives "
                                        "(objectives[1].reason, ") for issue in plan.check(templated))


def with_cake_orders_aimed_at(bakery: plan.Plan, target: str) -> plan.Plan:
    """The bakery aiming its cake orders (14 a month, a spread of 3) at `target`."""
    orders = dataclasses.replace(bakery.objectives[0], target=target)
    return dataclasses.replace(bakery, objectives=[orders, *bakery.objectives[1:]])


def test_a_count_aimed_past_three_times_its_baseline_costs_the_objectives_point(scores):
    """The readers' bakery: 14 cake orders a month aimed at 200, 14.3 times and 62 spreads."""
    assert scores["bakery_cake_orders_tenfold"] == TASK_A + TASK_B - 1


def test_task_b_run_directly_takes_the_point_of_a_tenfold_target_and_keeps_a_milder_rise_s(
        tmp_path):
    """200 cake orders a month from 14 is a fix: the objectives point goes. 33 from 14 (2.4 times,
    5.1 times √14) is a consider, as every one costing no point: the tutor judges its reason."""
    bakery = reference_plan(tmp_path)
    earned, shown = task_b_run(with_cake_orders_aimed_at(bakery, "200"), tmp_path)
    assert earned == TASK_B - 1
    assert "✗ objectives and audience insight: 1 still to fix; first, at objectives[1].target: " \
        "The target of objective 1 (200 orders a month) is 14.3 times its baseline" in shown
    milder = with_cake_orders_aimed_at(bakery, "33")
    assert [(issue.level, issue.where) for issue in plan.check(milder)] == [
        ("consider", "objectives[1].target")]
    assert task_b_run(milder, tmp_path)[0] == TASK_B


RESERVE_PASTED = ("9 still to fix; first, at budget.surge: This text gives a reserve of 16,000 GBP, "
                  "but budget.contingency is 600 GBP: make the two agree.")


@pytest.mark.parametrize(("recipe", "first"), [
    (with_lumen_s_policies_pasted, RESERVE_PASTED),
    (with_lumen_s_policies_reordered, RESERVE_PASTED),
    (with_lumen_s_policies_garbled, "11 still to fix; first, at crisis.approver: “The or of first "
                                    "answer” names nobody of your plan"),
    (with_lumen_s_policies_padded, "10 still to fix; first, at crisis.holding_statement: Say in "
                                   "the holding statement when the next update comes"),
    (with_lumen_s_policies_moved, "11 still to fix; first, at disclosure: Name the label a gifted "
                                  "or paid post carries")])
def test_task_b_run_directly_takes_the_implementation_point_of_pasted_policies(tmp_path, recipe,
                                                                                first):
    """The readers' transplants: Lumen's crisis, disclosure, surge, escalation and cover pasted
    into the bakery's plan, as they are, with their sentences reversed, with every second word
    dropped (the approver left naming nobody) or a filler word between every two (which breaks the
    holding statement's "within two hours"),
    or moved into each other's fields (Lumen's surge as the disclosure names no label), no longer
    earn the implementation point: 8 pasted fields to fix (the crisis policy's account security
    too), and Lumen's surge pricing, while readable, sets aside 16,000 beside the bakery's 600;
    garbled, it no longer shows its sum, and moved, Lumen's pause as the crisis escalation names
    nobody of the bakery's and its disclosure as the surge pricing no sum."""
    earned, shown = task_b_run(recipe(reference_plan(tmp_path)), tmp_path)
    assert earned == TASK_B - 1
    assert f"✗ implementation: {first}" in shown


def test_task_b_run_directly_takes_the_implementation_point_of_one_line_policies(tmp_path):
    """The expert reader's thin plan: a crisis policy and a disclosure of a line each (3 to 5
    words, each naming someone or a time) earned 4/4; now each is too short to follow, and only the
    implementation point goes. The bakery's own policies (21 words and more) keep every point."""
    bakery = reference_plan(tmp_path)
    assert task_b_run(bakery, tmp_path)[0] == TASK_B
    earned, shown = task_b_run(with_one_line_policies(bakery), tmp_path)
    assert earned == TASK_B - 1
    assert ("✗ implementation: 4 still to fix; first, at disclosure: Write your disclosure policy: "
            "how gifts, paid partnerships and staff posts about the organisation are labelled. "
            "(“Gifted posts say #gifted.” is fewer than 8 words, too short for someone else to "
            "follow.)") in shown


def test_a_hollow_plan_earns_no_point_for_the_plan(scores):
    """The expert reviewer's hollow bakery earned Task B's 4 points; now each group has a fix."""
    assert scores["bakery_hollow_texts"] == TASK_A


def test_task_b_run_directly_names_the_first_hollow_text_of_each_group(tmp_path):
    """The hollow bakery's feedback: the first fix of each group is a hollow text, with what is
    missing and an example of what would do."""
    earned, shown = task_b_run(with_hollow_texts(reference_plan(tmp_path)), tmp_path)
    assert earned == 0
    assert ("✗ objectives and audience insight: 6 still to fix; first, at objectives[1].reason: "
            "Why should Cake orders from social links reach the target of objective 1? Say what "
            "the plan does that moves it, and who does it, in 10 words or more, such as “a "
            "celebration-cake post every Tuesday on Instagram with the order link") in shown
    assert ("✗ strategy: 1 still to fix; first, at voice: Say what your voice never does, as well "
            "as how it sounds") in shown
    assert ("✗ implementation: 10 still to fix; first, at community.escalation: The escalation says "
            "no time: say how soon it is handed on (“at once”, “the same day”, “within 2 hours”)") in shown
    assert ("✗ scoring and next steps: 1 still to fix; first, at reporting.readers: “The team” "
            "names nobody of your plan to decide on the report") in shown


def test_a_plan_hollow_only_in_its_approver_account_security_and_staged_ask_loses_their_point(
        scores, tmp_path):
    """The expert reader's six fields (`with_hollow_crisis_and_ask`: "Management.", "Approve
    it.", "Soon." and the rest) left the bakery all 4 points; all six are implementation's, so the
    implementation point goes, in the grading run and in the cell's feedback, which names the
    approver first."""
    assert scores["bakery_hollow_crisis_and_ask"] == TASK_A + TASK_B - 1
    earned, shown = task_b_run(with_hollow_crisis_and_ask(reference_plan(tmp_path)), tmp_path)
    assert earned == TASK_B - 1
    assert ("✗ implementation: 6 still to fix; first, at crisis.approver: “Management.” names "
            "nobody of your plan to approve what is said") in shown


def test_task_b_run_directly_takes_the_objectives_point_of_an_invented_leap(tmp_path):
    """The expert reader's invented baseline, 1,400 cake orders a month aimed at 3,500 with a
    10-word reason, earned 4/4: the leap without its evidence now costs the objectives point."""
    earned, shown = task_b_run(with_invented_cake_orders(reference_plan(tmp_path)),
                                         tmp_path)
    assert earned == TASK_B - 1
    assert ("✗ objectives and audience insight: 1 still to fix; first, at objectives[1].reason: "
            "The target of objective 1 (3500 orders a month) is 2.5 times its baseline") in shown


def test_task_b_run_directly_gives_the_reshaped_copy_no_point(tmp_path):
    """The expert reader's reshaped copy of Lumen's plan (each figure by its own factor, looks
    respaced, most texts rewritten) earned 4/4 at 0.16 / 0.40 / 0.23 (this script: 0.29 / 0.48 /
    0.23) while its kept account security, gates, payback and premises were read by no check; now
    they bring its texts to 0.28 of Lumen's, and the copy check takes every Task B point."""
    earned, shown = task_b_run(with_each_number_reshaped(plan.example_plan()), tmp_path)
    assert earned == 0
    assert shown.count("close to Lumen's example in its written texts.") == TASK_B


def _task_b_grade(root: Path, student: str):
    """`student`'s Task B grade in the course's gradebook: (auto score, manual score, score)."""
    coursedir = CourseDirectory(config=grading.load_config(root))
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        grade = gradebook.find_grade(alike.TASK_B_CELL, ASSIGNMENT, ASSIGNMENT, student)
        return grade.auto_score, grade.manual_score, grade.score


def test_a_plan_the_tutor_judges_a_copy_loses_task_b_in_the_gradebook(graded, capsys):
    """`smcourse assignments judge-copy` gives the Task B cell a manual score of 0, which nbgrader
    counts in place of the autograder's 3 points (the invented rate's); Task A's stand. An unknown
    learner is named, not a traceback."""
    scores, root = graded
    student = "bakery_invented_rate"
    assert _task_b_grade(root, student) == (TASK_B - 1, None, TASK_B - 1)
    assert cli.main(["assignments", "judge-copy", student, "--course", str(root)]) == 0
    assert capsys.readouterr().out == (f"{student}: Task B (own_plan_test) of {ASSIGNMENT} set to "
                                       "0 by hand, in place of the 3 automatic points; Q1 to Q3 "
                                       "and Task A stand.\n")
    assert _task_b_grade(root, student) == (TASK_B - 1, 0, 0)
    assert grading.gradebook_grades(root).scores[student][ASSIGNMENT] == scores[student] - 3 == TASK_A
    assert cli.main(["assignments", "judge-copy", "nobody", "--course", str(root)]) == 1
    assert "no graded 06_capstone_strategy_plan of 'nobody' in the gradebook" in \
        capsys.readouterr().err
