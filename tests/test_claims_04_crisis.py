"""Every number and comparison that lesson 04's crisis section states in prose, checked against the
model: a change to `smcourse.crisis` that falsifies a sentence fails here, naming the sentence."""

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from smcourse import crisis, metrics

LESSON = Path(__file__).resolve().parents[1] / "course" / "04_relationships_and_influence.ipynb"
ANSWERED, UNANSWERED = ("personal", "holding", "transparent"), ("ignore", "defensive", "broadcast")


def _text() -> str:
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    return re.sub(r"\s+", " ", " ".join("".join(cell["source"]) for cell in cells))


def out(choice, hour=6, params=crisis.CENTRAL):
    return crisis.outcome(choice, hour, params)


def tone(value) -> str:
    return f"{value:+.2f}"


def about(value, places=-2) -> int:
    return int(round(value, places))


def _band_runs():
    return [crisis.CENTRAL] + [crisis.varied(name, level) for name in crisis.UNCERTAIN
                               for level in ("low", "high")]


NEVER_HOLDS = replace(crisis.CENTRAL, recovery_holds=0.0)

CLAIMS = {
    "A post is seen most in its first hours":
        lambda: out("ignore")["peak_hour"] <= crisis.ESCALATION_HOUR,
    "about 7,700 people could see the story at all": lambda: about(crisis.audience()) == 7_700,
    "About 2 in every 100 of them post something themselves":
        lambda: crisis.CENTRAL.voice_share == 0.02,
    "Ignored, the complaint reaches about 2,700 people and 54 of them post against Lumen":
        lambda: about(out("ignore")["reach"]) == 2_700 and about(out("ignore")["voices"], 0) == 54,
    "sentiment settles at +0.12 instead of +0.20":
        lambda: tone(out("ignore")["sentiment"]) == "+0.12" and tone(crisis.CENTRAL.baseline) == "+0.20",
    "A personal reply at hour 6 keeps the story to about 1,800 people and ends at +0.19":
        lambda: about(out("personal")["reach"]) == 1_800 and tone(out("personal")["sentiment"]) == "+0.19",
    "A defensive reply is worse than silence (it ends at +0.08)":
        lambda: tone(out("defensive")["sentiment"]) == "+0.08"
        and out("defensive")["sentiment"] < out("ignore")["sentiment"],
    "shows the complaint to about 5,100 people":
        lambda: about(out("broadcast")["reach"]) == 5_100
        and out("broadcast")["reach"] > out("ignore")["reach"],
    "it ends at +0.09, below ignoring":
        lambda: tone(out("broadcast")["sentiment"]) == "+0.09"
        and out("broadcast")["sentiment"] < out("ignore")["sentiment"],
    "A transparent follow-up also spreads the story (about 4,600 people)":
        lambda: about(out("transparent")["reach"]) == 4_600
        and out("transparent")["reach"] > out("ignore")["reach"],
    "the only choice that ends above where Lumen started, at +0.22":
        lambda: tone(out("transparent")["sentiment"]) == "+0.22"
        and [n for n in crisis.CHOICES if out(n)["sentiment"] > crisis.CENTRAL.baseline] == ["transparent"],
    "a personal reply settles at +0.21 at once, +0.15 after a day and +0.14 after two":
        lambda: [tone(out("personal", h)["sentiment"]) for h in (0, 24, 48)] == ["+0.21", "+0.15", "+0.14"],
    "Answering earlier is never worse in the model, whichever choice you make":
        lambda: all(out(n, h)["sentiment"] >= out(n, h + 6)["sentiment"]
                    and out(n, h)["reach"] <= out(n, h + 6)["reach"]
                    for n in crisis.CHOICES for h in range(0, crisis.HOURS - 5, 6)),
    "a holding statement at once, followed by personal replies three hours later, ends at +0.21, "
    "better than a personal reply after six hours":
        lambda: crisis.HOLDING_GAP == 3 and tone(out("holding", 0)["sentiment"]) == "+0.21"
        and out("holding", 0)["sentiment"] > out("personal", 6)["sentiment"],
    "Even a personal reply a whole day late (+0.15) ends better than a broadcast statement after "
    "three hours (+0.10)":
        lambda: tone(out("personal", 24)["sentiment"]) == "+0.15"
        and tone(out("broadcast", 3)["sentiment"]) == "+0.10"
        and out("personal", 24)["sentiment"] > out("broadcast", 3)["sentiment"],
    "The order of the choices hardly changes across the band":
        lambda: all(min(out(n, 6, p)["sentiment"] for n in ANSWERED)
                    > max(out(n, 6, p)["sentiment"] for n in UNANSWERED) for p in _band_runs()),
    "its sentiment runs from +0.16 to +0.28":
        lambda: [tone(v) for v in crisis.band("transparent", 6).set_index("measure").loc[
            "sentiment", ["low", "high"]]] == ["+0.16", "+0.28"],
    "The widest bar is how often the service recovery effect holds":
        lambda: crisis.sensitivity("transparent", 6).iloc[0]["parameter"] == "recovery_holds",
    "If it never holds, even the best answer only limits the damage (+0.16 here)":
        lambda: tone(out("transparent", 6, NEVER_HOLDS)["sentiment"]) == "+0.16"
        and all(out(n, h, NEVER_HOLDS)["sentiment"] <= NEVER_HOLDS.baseline
                for n in crisis.CHOICES for h in (0, 6, 24, 48)),
    "a deep dip while the story ran, then a return to a little above Lumen's usual tone":
        lambda: out("transparent")["lowest_sentiment"] < 0 < crisis.CENTRAL.baseline
        < out("transparent")["sentiment"] < crisis.CENTRAL.baseline + 0.1,
    "about +0.15 against +0.10":
        lambda: [tone(out("personal", 24)["sentiment"]), tone(out("broadcast", 3)["sentiment"])]
        == ["+0.15", "+0.10"],
    "it ends above silence even a day late":
        lambda: out("personal", 24)["sentiment"] > out("ignore", 24)["sentiment"],
    "A defensive reply ends worse than saying nothing":
        lambda: all(out("defensive", h)["sentiment"] < out("ignore", h)["sentiment"]
                    for h in range(0, crisis.HOURS + 1, 6)),
    "A transparent follow-up reaches more people than ignoring the complaint":
        lambda: all(out("transparent", h)["reach"] > out("ignore", h)["reach"]
                    for h in range(0, crisis.HOURS + 1, 6)),
    "started depends on how often the recovery effect holds":
        lambda: out("transparent", 0, NEVER_HOLDS)["sentiment"] < NEVER_HOLDS.baseline
        < out("transparent", 0)["sentiment"],
    "an open, prompt fix can sometimes leave people thinking better of you than before":
        lambda: out("transparent", 0)["sentiment"] > crisis.CENTRAL.baseline,
    "Every prompt personal answer ends better than silence; only a defensive reply or a broadcast "
    "statement ends worse":
        lambda: all(out(n, h)["sentiment"] > out("ignore", h)["sentiment"]
                    for n in ANSWERED for h in range(0, 7))
        and all(out(n, h)["sentiment"] < out("ignore", h)["sentiment"]
                for n in ("defensive", "broadcast") for h in range(0, crisis.HOURS + 1, 6)),
    "a statement shows the complaint to people who had not seen it":
        lambda: all(out("broadcast", h)["reach"] > out("ignore", h)["reach"] for h in (0, 6, 24, 48)),
}


@pytest.mark.parametrize("sentence", CLAIMS)
def test_the_lesson_says_it(sentence):
    assert sentence in _text()


@pytest.mark.parametrize("sentence", CLAIMS)
def test_the_model_agrees(sentence):
    assert CLAIMS[sentence](), sentence


def test_the_model_has_the_shape_of_the_recall_in_the_data(tables):
    """Section 5's recall and the model's prompt, open answer: a dip below zero, then a little above
    the usual tone."""
    lumen = tables["mentions"][tables["mentions"]["brand"] == "lumen"]
    weekly = (lumen.assign(sentiment=metrics.sentiment_scores(lumen["text"])).set_index("created_at")
              .resample("W")["sentiment"].mean())
    before, during, after = (weekly[:"2025-09-07"], weekly["2025-09-08":"2025-09-28"],
                             weekly["2025-10-01":"2025-10-31"])
    assert during.min() < 0 < before.mean() < after.mean()
    model = out("transparent")
    assert model["lowest_sentiment"] < 0 < crisis.CENTRAL.baseline < model["sentiment"]


NOTES = LESSON.parent / "instructor" / "04_relationships_and_influence.md"


def _first_hour_worse_than_silence(choice):
    return next(h for h in range(crisis.HOURS + 1)
                if out(choice, h)["sentiment"] < out("ignore", h)["sentiment"])


NOTES_CLAIMS = {
    "Given late, after about two and a half days, it re-opens a story that had died down and ends "
    "worse than silence":
        lambda: 54 <= _first_hour_worse_than_silence("transparent") <= 66
        and all(out("transparent", h)["sentiment"] < out("ignore", h)["sentiment"]
                for h in range(_first_hour_worse_than_silence("transparent"), crisis.HOURS + 1, 3)),
    "It shows one customer's complaint to followers who had never seen it":
        lambda: out("broadcast")["reach"] > out("ignore")["reach"],
    "every answer in person beats silence, a defensive reply and a broadcast statement, and that "
    "answering earlier is never worse":
        lambda: all(min(out(n, 6, p)["sentiment"] for n in ANSWERED)
                    > max(out(n, 6, p)["sentiment"] for n in UNANSWERED) for p in _band_runs())
        and all(out(n, h, p)["sentiment"] >= out(n, h + 24, p)["sentiment"]
                for p in _band_runs() for n in crisis.CHOICES for h in (0, 24)),
}


@pytest.mark.parametrize("sentence", NOTES_CLAIMS)
def test_the_instructor_notes_say_it_and_the_model_agrees(sentence):
    assert sentence in re.sub(r"\s+", " ", NOTES.read_text(encoding="utf-8"))
    assert NOTES_CLAIMS[sentence](), sentence
