"""The deterministic generator behind `datasets/`: one synthetic year of social media for the case brand.

Lumen Coffee Roasters (the case brand) and Beacon Bean Co. (its competitor) post on five platforms
during 2025. The numbers are invented, but shaped so that lessons can discover real patterns:

* weekday and hour effects: posts at lunchtime and early evening, Tuesday to Thursday, do best;
* content types differ: questions draw comments, humour draws shares, promotions draw clicks but
  little else;
* an incident (a recall of cold-brew cans on 2025-09-08) turns comments and mentions negative for
  about three weeks, then sentiment recovers because Lumen answers quickly and openly;
* the competitor "exists" rather than "lives": a bigger audience, mostly promotional broadcasts in
  morning batches, few and slow replies, and lower engagement per impression.

`write_datasets()` rewrites every CSV from the fixed seed, so the committed files are reproducible
(`smcourse data generate`, then `git diff` shows nothing).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

SEED = 2025
TIMEZONE = ZoneInfo("America/New_York")
YEAR_START = date(2025, 1, 1)
DAYS = 365
INCIDENT_START = date(2025, 9, 8)
INCIDENT_DAYS = 21

PLATFORMS = ("instagram", "facebook", "x", "linkedin", "youtube")
CONTENT_TYPES = ("promotional", "educational", "question", "culture", "humour", "job")


@dataclass(frozen=True)
class BrandProfile:
    """How one brand behaves: the knobs that make 'existing' and 'living' look different in data."""

    brand: str
    posts_per_week: dict[str, float]
    start_followers: dict[str, int]
    content_mix: dict[str, float]
    reply_share: float
    engagement_scale: float
    batch_posting: bool
    answer_probability_question: float
    answer_probability_other: float
    median_response_hours: float


LUMEN = BrandProfile(
    brand="lumen",
    posts_per_week={"instagram": 5, "facebook": 4, "x": 6, "linkedin": 2, "youtube": 0.5},
    start_followers={"instagram": 12000, "facebook": 8500, "x": 5200, "linkedin": 2400, "youtube": 900},
    content_mix={"promotional": 0.2, "educational": 0.25, "question": 0.15, "culture": 0.2,
                 "humour": 0.12, "job": 0.08},
    reply_share=0.3,
    engagement_scale=1.0,
    batch_posting=False,
    answer_probability_question=0.88,
    answer_probability_other=0.45,
    median_response_hours=1.5,
)

BEACON = BrandProfile(
    brand="beacon",
    posts_per_week={"instagram": 6, "facebook": 6, "x": 8, "linkedin": 1, "youtube": 0.25},
    start_followers={"instagram": 31000, "facebook": 24000, "x": 15500, "linkedin": 3100, "youtube": 2600},
    content_mix={"promotional": 0.62, "educational": 0.1, "question": 0.03, "culture": 0.08,
                 "humour": 0.07, "job": 0.1},
    reply_share=0.04,
    engagement_scale=0.55,
    batch_posting=True,
    answer_probability_question=0.25,
    answer_probability_other=0.05,
    median_response_hours=26.0,
)

# Engagements per impression by content type, and how they split into likes/comments/shares.
BASE_ENGAGEMENT = {"promotional": 0.014, "educational": 0.03, "question": 0.034, "culture": 0.032,
                   "humour": 0.045, "job": 0.016}
ENGAGEMENT_SPLIT = {  # likes, comments, shares
    "promotional": (0.8, 0.1, 0.1), "educational": (0.65, 0.12, 0.23),
    "question": (0.45, 0.5, 0.05), "culture": (0.75, 0.12, 0.13),
    "humour": (0.55, 0.1, 0.35), "job": (0.6, 0.1, 0.3),
}
CLICK_RATE = {"promotional": 0.012, "educational": 0.008, "question": 0.002, "culture": 0.003,
              "humour": 0.002, "job": 0.011}
PLATFORM_REACH = {"instagram": 0.35, "facebook": 0.22, "x": 0.3, "linkedin": 0.4, "youtube": 1.6}
PLATFORM_ENGAGEMENT = {"instagram": 1.2, "facebook": 0.9, "x": 0.7, "linkedin": 1.0, "youtube": 1.1}
WEEKDAY_EFFECT = (0.95, 1.12, 1.18, 1.15, 1.0, 0.82, 0.8)  # Monday first
# Hour of day (local time) to engagement multiplier: peaks at lunch and in the early evening.
HOUR_EFFECT = {h: 0.55 for h in range(24)} | {7: 0.8, 8: 0.9, 9: 0.95, 10: 1.0, 11: 1.25, 12: 1.35,
                                             13: 1.2, 14: 0.95, 15: 0.9, 16: 0.9, 17: 1.0, 18: 1.15,
                                             19: 1.3, 20: 1.25, 21: 1.0, 22: 0.75}

PRODUCTS = ("Harbour blend", "cold brew", "single-origin Kenya", "decaf Colombia", "oat latte",
            "espresso roast", "seasonal pumpkin blend", "pour-over kit")
HASHTAGS = ("#coffee", "#specialtycoffee", "#roastery", "#morningcoffee", "#coldbrew", "#baristalife",
            "#smallbusiness", "#coffeelovers")
BRAND_NAMES = {"lumen": ("Lumen", "@LumenCoffee", "#LumenCoffee"),
               "beacon": ("Beacon", "@BeaconBean", "#BeaconBean")}

POST_TEMPLATES = {
    "promotional": ("Our {product} is back in stock. Order today {tag}",
                    "This week only: 15% off the {product}. Link in bio {tag}",
                    "Free shipping on every {product} bag this weekend {tag}",
                    "New in the shop: {product}. Get yours now {tag}"),
    "educational": ("How fine should you grind for a {product}? A short guide {tag}",
                    "Three ways to keep beans fresh at home {tag}",
                    "Water temperature matters: our brewing notes for the {product} {tag}",
                    "What does 'washed process' mean? We explain {tag}"),
    "question": ("Which would you pick for a rainy Monday: {product} or a flat white? {tag}",
                 "What is your favourite way to brew at home? Tell us below {tag}",
                 "Should we bring back the {product} for winter? {tag}",
                 "What song goes best with your first cup? {tag}"),
    "culture": ("Meet Ana, who roasts the {product} every Tuesday {tag}",
                "Our team spent Saturday planting trees by the river {tag}",
                "Behind the scenes: cupping session at the roastery {tag}",
                "Thank you to the farmers who grow our {product} {tag}"),
    "humour": ("Me before coffee vs me after the {product} {tag}",
               "Our espresso machine has more fans than we do {tag}",
               "Decaf is just coffee in witness protection {tag}",
               "Monday called. We sent it a {product} {tag}"),
    "job": ("We are hiring a barista for our riverside cafe. Apply via the link {tag}",
            "Join the roastery team: production assistant wanted {tag}",
            "Looking for a part-time delivery driver who loves coffee {tag}",
            "Internship in marketing and community, summer 2025 {tag}"),
}
REPLY_TEMPLATES = ("Thanks for the kind words, {name}! Enjoy the {product}",
                   "Great question, {name}: the {product} works best with a medium grind",
                   "Sorry to hear that, {name}. We have sent you a message to put it right",
                   "Glad you liked it, {name}. See you at the cafe soon")

COMMENT_TEMPLATES = {
    "positive": ("Love the {product}, best coffee in town!", "This made my morning, thank you",
                 "Great beans and friendly people, always a pleasure", "Amazing flavour, so smooth",
                 "Wonderful team, keep it up!", "So good. Ordering again"),
    "neutral": ("Tried the {product} today", "Is this the same roast as last year",
                "Saw this at the market", "Tagging my brother here", "Noted for the weekend",
                "Posted from the cafe"),
    "negative": ("The {product} arrived late and stale, disappointed", "Terrible service today, very slow",
                 "Too expensive for what it is", "My order was wrong again, not happy",
                 "Bitter and burnt, not good"),
    "incident": ("Is the cold brew recall affecting my cans? Worried",
                 "Bad news about the cold brew, really disappointed",
                 "Angry that I found out about the recall from a friend",
                 "Cold brew recall is scary, I want a refund"),
}
QUESTION_TEMPLATES = ("When will the {product} be back in stock?", "Do you ship the {product} abroad?",
                      "Which grind should I use for a French press?", "Are your cups compostable?",
                      "Is the {product} good for espresso?", "Can I get a refund for my order?")
MENTION_TEMPLATES = {
    "positive": ("Just had the {product} from {name}, fantastic {tag}",
                 "Shout-out to {name} for the friendly service this morning",
                 "{name} makes the best {product} I have tasted {tag}",
                 "Grateful for {name}, they fixed my order fast and kindly"),
    "neutral": ("Anyone tried the {product} from {name}?", "Heading to {name} for a meeting",
                "Does {name} still do the loyalty card?", "{name} opened a stall at the market {tag}",
                "Comparing {name} and the supermarket beans this week"),
    "negative": ("{name} got my order wrong twice, frustrating", "Why is {name} so expensive now?",
                 "Disappointed with the {product} from {name} {tag}",
                 "Waited forty minutes at {name}, awful"),
    "incident": ("Heard {name} is recalling cold brew cans. Worried and upset",
                 "{name} cold brew recall, furious I bought a whole case",
                 "Never buying from {name} again after this awful recall",
                 "Recall at {name}? Scary, does anyone know what went wrong"),
    "recovery": ("Credit to {name} for explaining the recall so openly",
                 "{name} refunded my cold brew within a day, impressed",
                 "Good update from {name} on the recall, feeling reassured"),
}
SECTORS = ("retail", "hospitality", "software", "manufacturing", "healthcare", "nonprofit",
           "professional services", "education")
SIZES = ("1-9", "10-49", "50-249", "250+")


def _local_datetime(day: date, hour: int, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TIMEZONE)


def _iso(moment: datetime) -> str:
    return moment.astimezone(TIMEZONE).isoformat(timespec="seconds")


def _in_incident(day: date, brand: str) -> bool:
    return brand == "lumen" and 0 <= (day - INCIDENT_START).days < INCIDENT_DAYS


def _pick(rng: np.random.Generator, options):
    return options[int(rng.integers(len(options)))]


def _fill(rng, template: str, brand: str) -> str:
    name, handle, tag = BRAND_NAMES[brand]
    return template.format(product=_pick(rng, PRODUCTS), name=_pick(rng, (name, handle)),
                           tag=f"{tag} {_pick(rng, HASHTAGS)}")


def _author(rng) -> str:
    return f"@user{int(rng.integers(1000, 9999))}"


def _follower_rows(rng, profile: BrandProfile) -> list[dict]:
    rows = []
    for platform in PLATFORMS:
        followers = profile.start_followers[platform]
        gain_rate = followers * (0.0016 if profile.brand == "lumen" else 0.0009)
        loss_rate = followers * (0.0005 if profile.brand == "lumen" else 0.0008)
        for offset in range(DAYS):
            day = YEAR_START + timedelta(days=offset)
            incident = _in_incident(day, profile.brand)
            gained = int(rng.poisson(gain_rate * (0.7 if incident else 1.0)))
            lost = int(rng.poisson(loss_rate * (3.0 if incident else 1.0)))
            followers += gained - lost
            rows.append({"date": day.isoformat(), "brand": profile.brand, "platform": platform,
                         "followers": followers, "gained": gained, "lost": lost})
    return rows


def _post_times(rng, profile: BrandProfile, platform: str) -> list[datetime]:
    weekly = profile.posts_per_week[platform]
    times = []
    for offset in range(DAYS):
        day = YEAR_START + timedelta(days=offset)
        for _ in range(int(rng.poisson(weekly / 7))):
            if profile.batch_posting:  # scheduled in a morning batch, minutes apart
                hour, minute = 9, int(rng.integers(0, 20))
            else:
                hour = int(rng.choice(np.arange(7, 23)))
                minute = int(rng.integers(0, 60))
            times.append(_local_datetime(day, hour, minute))
    return times


def _post_rows(rng, profile: BrandProfile, followers_on: dict) -> list[dict]:
    rows = []
    types = list(profile.content_mix)
    weights = np.array(list(profile.content_mix.values()))
    for platform in PLATFORMS:
        for moment in _post_times(rng, profile, platform):
            mode = "reply" if rng.random() < profile.reply_share else "broadcast"
            content_type = str(rng.choice(types, p=weights / weights.sum()))
            audience = followers_on[(profile.brand, platform, moment.date())]
            impressions = int(audience * PLATFORM_REACH[platform] * rng.lognormal(0, 0.35))
            if mode == "reply":
                impressions = int(impressions * 0.25)
            reach = int(impressions * rng.uniform(0.55, 0.85))
            rate = (BASE_ENGAGEMENT[content_type] * PLATFORM_ENGAGEMENT[platform]
                    * WEEKDAY_EFFECT[moment.weekday()] * HOUR_EFFECT[moment.hour]
                    * profile.engagement_scale * (1.6 if mode == "reply" else 1.0)
                    * rng.lognormal(0, 0.25))
            engagements = int(rng.poisson(impressions * rate))
            likes_share, comments_share, _ = ENGAGEMENT_SPLIT[content_type]
            likes = int(round(engagements * likes_share))
            comments = int(round(engagements * comments_share * 0.25))
            shares = max(engagements - likes - int(round(engagements * comments_share)), 0)
            clicks = int(rng.binomial(impressions, CLICK_RATE[content_type]))
            template = REPLY_TEMPLATES if mode == "reply" else POST_TEMPLATES[content_type]
            text = _pick(rng, template).format(product=_pick(rng, PRODUCTS), name=_author(rng),
                                               tag=BRAND_NAMES[profile.brand][2])
            rows.append({"brand": profile.brand, "platform": platform, "published_at": moment,
                         "content_type": content_type, "mode": mode, "text": text,
                         "impressions": impressions, "reach": reach, "likes": likes,
                         "comments": comments, "shares": shares, "clicks": clicks})
    rows.sort(key=lambda r: (r["published_at"], r["brand"], r["platform"]))
    for number, row in enumerate(rows, start=1):
        row["post_id"] = f"P{number:05d}"
    return rows


def _comment_rows(rng, posts: list[dict], profiles: dict[str, BrandProfile]) -> list[dict]:
    rows = []
    year_end = _local_datetime(YEAR_START + timedelta(days=DAYS - 1), 23, 59)
    for post in posts:
        profile = profiles[post["brand"]]
        for _ in range(post["comments"]):
            created = post["published_at"] + timedelta(hours=float(rng.exponential(5)))
            created = min(created, year_end)
            incident = _in_incident(created.date(), post["brand"])
            is_question = rng.random() < (0.6 if post["content_type"] == "question" else 0.18)
            if is_question:
                text = _fill(rng, _pick(rng, QUESTION_TEMPLATES), post["brand"])
            else:
                mood = str(rng.choice(["positive", "neutral", "negative", "incident"],
                                      p=[0.2, 0.2, 0.2, 0.4] if incident else [0.55, 0.3, 0.15, 0.0]))
                text = _fill(rng, _pick(rng, COMMENT_TEMPLATES[mood]), post["brand"])
            chance = (profile.answer_probability_question if is_question
                      else profile.answer_probability_other)
            answered = rng.random() < chance
            answered_at = ""
            if answered:
                delay = rng.lognormal(np.log(profile.median_response_hours), 0.8)
                if incident:
                    delay *= 0.5
                answered_at = _iso(created + timedelta(hours=float(delay)))
            rows.append({"post_id": post["post_id"], "author": _author(rng), "created_at": created,
                         "text": text, "is_question": is_question, "answered": answered,
                         "answered_at": answered_at})
    rows.sort(key=lambda r: (r["created_at"], r["post_id"]))
    for number, row in enumerate(rows, start=1):
        row["comment_id"] = f"C{number:06d}"
        row["created_at"] = _iso(row["created_at"])
    return rows


def _mention_rows(rng) -> list[dict]:
    rows = []
    for offset in range(DAYS):
        day = YEAR_START + timedelta(days=offset)
        for brand, daily in (("lumen", 4.0), ("beacon", 5.0)):
            since_incident = (day - INCIDENT_START).days if brand == "lumen" else -1
            incident = 0 <= since_incident < INCIDENT_DAYS
            recovery = INCIDENT_DAYS <= since_incident < INCIDENT_DAYS + 30
            for _ in range(int(rng.poisson(daily * (4.0 if incident else 1.0)))):
                if incident:
                    mood = str(rng.choice(["incident", "negative", "neutral", "positive"],
                                          p=[0.6, 0.15, 0.15, 0.1]))
                elif recovery:
                    mood = str(rng.choice(["recovery", "positive", "neutral", "negative"],
                                          p=[0.25, 0.35, 0.3, 0.1]))
                else:
                    probs = [0.45, 0.35, 0.2] if brand == "lumen" else [0.3, 0.4, 0.3]
                    mood = str(rng.choice(["positive", "neutral", "negative"], p=probs))
                hour, minute = int(rng.integers(6, 24)), int(rng.integers(0, 60))
                replied_chance = 0.55 if brand == "lumen" else 0.08
                rows.append({"brand": brand, "platform": str(rng.choice(PLATFORMS[:4])),
                             "created_at": _local_datetime(day, hour, minute),
                             "author": _author(rng),
                             "text": _fill(rng, _pick(rng, MENTION_TEMPLATES[mood]), brand),
                             "brand_replied": rng.random() < replied_chance})
    rows.sort(key=lambda r: (r["created_at"], r["brand"]))
    for number, row in enumerate(rows, start=1):
        row["mention_id"] = f"M{number:05d}"
        row["created_at"] = _iso(row["created_at"])
    return rows


def _survey_rows(rng, count: int = 160) -> list[dict]:
    rows = []
    for number in range(1, count + 1):
        maturity = rng.normal(0, 1)  # one latent "how alive is this organisation" trait
        scores = {dim: int(np.clip(round(3 + 0.9 * maturity + rng.normal(0, 0.8) + shift), 1, 5))
                  for dim, shift in (("planning", -0.2), ("presences", 0.1),
                                     ("commitment", -0.4), ("relationships", 0.0))}
        rows.append({"organisation_id": f"O{number:03d}", "sector": _pick(rng, SECTORS),
                     "employees": _pick(rng, SIZES),
                     "years_on_social": int(np.clip(rng.normal(5 + maturity, 2.5), 0, 15)),
                     **scores})
    return rows


def build_tables(seed: int = SEED) -> dict[str, list[dict]]:
    """Return every table as a list of row dicts, generated from `seed`."""
    rng = np.random.default_rng(seed)
    profiles = {"lumen": LUMEN, "beacon": BEACON}
    followers = _follower_rows(rng, LUMEN) + _follower_rows(rng, BEACON)
    followers_on = {(r["brand"], r["platform"], date.fromisoformat(r["date"])): r["followers"]
                    for r in followers}
    posts = sorted(_post_rows(rng, LUMEN, followers_on) + _post_rows(rng, BEACON, followers_on),
                   key=lambda r: (r["published_at"], r["brand"], r["platform"]))
    for number, post in enumerate(posts, start=1):
        post["post_id"] = f"P{number:05d}"
    comments = _comment_rows(rng, posts, profiles)
    for post in posts:
        post["published_at"] = _iso(post["published_at"])
    return {"posts": posts, "followers": followers, "comments": comments,
            "mentions": _mention_rows(rng), "survey": _survey_rows(rng)}


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_datasets(directory: Path, fields: dict[str, list[str]], seed: int = SEED) -> list[Path]:
    """Write each table to `directory/<name>.csv` with the column order given by `fields`."""
    written = []
    for name, rows in build_tables(seed).items():
        path = directory / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(fields[name])
            writer.writerows([_cell(row[column]) for column in fields[name]] for row in rows)
        written.append(path)
    return written
