"""Does the copy check read a text's words whatever their order? The expert reader's copy of
Lumen's plan with every text's words shuffled and a third dropped, and Lumen's policies pasted into
the bakery's plan so, against the honest plans the tests make."""

import itertools
import random

from capstone_reference import (
    reference_plan,
    task_b_run,
    with_dictionary_words,
    with_each_number_reshaped,
    with_invented_rate,
    with_lumen_s_policies_shuffled,
    with_one_line_policies,
    with_templated_reasons,
    with_words_shuffled_and_cut,
)

from smcourse.core import plan

TASK_B = 4
PAUSE = ("Whoever holds the on-call phone pauses every scheduled post in Buffer, the approver says "
         "so by email, and posting resumes only when the approver says so.")


def _shuffled(text: str, seed: int = 3) -> str:
    words = text.split()
    random.Random(seed).shuffle(words)
    return " ".join(words)


def test_words_shared_reads_content_words_in_any_order():
    """The same words shuffled share 1; a third of them dropped still about 0.8; "the", "and",
    numbers and plurals count for nothing; a text of function words alone shares nothing."""
    assert plan.content_words("The approver says so, by 6 pm, in Buffer") == {
        "approver", "say", "buffer", "pm"}
    assert plan.words_shared(PAUSE, _shuffled(PAUSE)) == 1
    kept = [word for at, word in enumerate(_shuffled(PAUSE).split()) if at % 3]
    assert 0.75 < plan.words_shared(PAUSE, " ".join(kept)) < 1
    assert plan.words_shared(PAUSE, "Gemma pauses all posts until the owner agrees.") < 0.3
    assert plan.words_shared("and the of to", "the and of to") == 0


def _honest_plans(bakery: plan.Plan) -> dict[str, plan.Plan]:
    return {"bakery": bakery, "dictionary words": with_dictionary_words(bakery),
            "invented rate": with_invented_rate(bakery),
            "templated reasons": with_templated_reasons(bakery),
            "one-line policies": with_one_line_policies(bakery)}


def _lumen_s_texts() -> list[str]:
    return [choice.split("|", 1)[1] for choice in plan._example_fingerprint()
            if choice.startswith("text|")]


def _texts(learner: plan.Plan) -> list[str]:
    names = plan._names(learner)
    return [plan._unnamed(text, names) for text in plan._prose(learner)]


def test_honest_plans_share_no_text_s_words_with_lumen_s(tmp_path):
    """SIMILAR's margin below: the bakery's text closest to one of Lumen's ("Sign every reply with
    a first name") shares 0.61 of its words; no honest plan repeats any of Lumen's texts, nor is
    any of their long fields a transplant."""
    bakery = reference_plan(tmp_path)
    closest = max(plan.words_shared(lumen, mine) for lumen in _lumen_s_texts()
                  for mine in _texts(bakery))
    assert round(closest, 2) == 0.61 and closest < plan.SIMILAR
    for name, honest in _honest_plans(bakery).items():
        assert plan.example_texts_repeated(honest) == 0, name
        assert not plan.copies_example(honest), name
        assert not [issue for issue in plan.check(honest)
                    if "repeats Lumen's" in issue.message], name


def test_the_transplant_line_sits_clear_of_honest_fields_by_words_in_any_order(tmp_path):
    """TRANSPLANT_SHARE by `words_shared`: Lumen's long fields share at most 0.42 with each other,
    the bakery's at most 0.39 with any of Lumen's (its account security, on the same subject);
    Lumen's shuffled with a third dropped (the reader's copy), 0.72 or more (where its moved hours
    come from; the words drawn for the cut depend on the text, so a reworded field moves it: 0.71 to
    0.76 over four wordings)."""
    lumen = plan._example_field_texts()
    long_fields = [text for text in lumen.values()
                   if len(text.split()) >= plan.TRANSPLANT_MIN_WORDS]
    among_lumen = max(plan.words_shared(text, other)
                      for text, other in itertools.combinations(long_fields, 2))
    bakery = reference_plan(tmp_path)
    names = plan._names(bakery)
    bakery_s = max(plan.transplanted_from(plan._unnamed(text(bakery), names), plan.words_shared)[1]
                   for _, _, text in plan.TRANSPLANT_FIELDS.values())
    copied = with_words_shuffled_and_cut(plan.example_plan())
    names = plan._names(copied)
    copied_s = [plan.transplanted_from(plan._unnamed(text(copied), names), plan.words_shared)[1]
                for where, (_, _, text) in plan.TRANSPLANT_FIELDS.items()
                if len(lumen[where].split()) >= plan.TRANSPLANT_MIN_WORDS]
    assert [round(share, 2) for share in (among_lumen, bakery_s, min(copied_s))] == [0.42, 0.39,
                                                                                    0.72]
    assert max(among_lumen, bakery_s) < plan.TRANSPLANT_SHARE < min(copied_s)


def test_the_reader_s_word_salad_of_lumen_s_plan_repeats_most_of_its_texts():
    """The expert reader's copy (renamed, about 20 numbers moved, every text's words shuffled with a
    third dropped) measured 0.21 of Lumen's texts and no names, and its texts passed the English
    and sentence checks; read in any order, they repeat 0.81 of Lumen's, while its shape (0.41) and
    names still do not show it."""
    copied = with_words_shuffled_and_cut(plan.example_plan())
    assert plan.example_names(copied) == [] and round(plan.example_shape(copied), 2) == 0.41
    assert round(plan.example_texts_repeated(copied), 2) == 0.81
    assert "its written texts" in plan.example_copied_by(copied)
    assert not [issue for issue in plan.check(copied)
                if "not English" in issue.message or "a list of words" in issue.message]


def test_the_reader_s_word_salad_of_lumen_s_plan_earns_no_automatic_point(tmp_path):
    """Task B's hidden cell gave the reader's copy 4/4; now the copy check takes every point."""
    (tmp_path / "bakery").mkdir()
    bakery = reference_plan(tmp_path / "bakery")
    assert task_b_run(bakery, tmp_path / "bakery")[0] == TASK_B
    earned, shown = task_b_run(with_words_shuffled_and_cut(plan.example_plan()), tmp_path)
    assert earned == 0
    assert shown.count("close to Lumen's example in its") == TASK_B


def test_lumen_s_policies_shuffled_into_the_bakery_s_plan_cost_the_implementation_point(tmp_path):
    """Lumen's policies pasted into the bakery's plan with their words shuffled and a third dropped
    earned 4/4; each pasted field is now a transplant, and only the implementation point goes."""
    shuffled = with_lumen_s_policies_shuffled(reference_plan(tmp_path))
    assert not plan.copies_example(shuffled)
    transplants = [issue.where for issue in plan.check(shuffled)
                   if issue.message.startswith("This part repeats Lumen's")]
    assert transplants == ["community.escalation", "community.deputy", "crisis.holding_statement",
                           "crisis.pause", "crisis.escalation", "disclosure", "budget.surge",
                           "crisis.account_security"]
    earned, shown = task_b_run(shuffled, tmp_path)
    assert earned == TASK_B - 1
    assert "✗ implementation: 9 still to fix; first, at budget.surge: The surge pricing does not show " \
        "how the contingency of 600 GBP is worked out" in shown  # shuffled and cut, it loses its sum


def test_the_reshaped_copy_stays_flagged_by_its_texts():
    """The reader's reshaped recipe (`with_each_number_reshaped`) still repeats over a quarter of
    Lumen's texts."""
    reshaped = with_each_number_reshaped(plan.example_plan())
    assert plan.example_texts_repeated(reshaped) >= plan.TEXT_COPY_SHARE
    assert plan.example_copied_by(reshaped) == ["its written texts"]


def test_a_careful_rewrite_in_one_s_own_words_is_not_flagged():
    """What still slips past: Lumen's pause said again in other words shares under the line, so a
    rewrite is the tutor's call."""
    rewrite = ("If something goes wrong, the person carrying the duty mobile stops all queued "
               "updates in the scheduling tool; nothing goes out again until our boss agrees.")
    assert plan.words_shared(PAUSE, rewrite) < plan.SIMILAR
    assert not plan._text_alike(plan._plain(PAUSE), plan._plain(rewrite))
