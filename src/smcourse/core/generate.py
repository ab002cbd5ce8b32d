"""The deterministic generator behind `datasets/`: one synthetic year of social media for the case brand.

Lumen Coffee Roasters (the case brand, about twenty people) and Beacon Bean Co. (its larger regional
competitor) post on six platforms during 2025. The numbers are invented but calibrated to published
2024-2026 benchmarks (the table lives in `datasets/calibration.json` and the data card): organic
reach is a few per cent of followers on Facebook and X and more on LinkedIn and TikTok, engagement
per impression and per follower differ by platform as the vendors' reports say, and so do
impressions per reach, posting volumes, comment and share rates, clicks and follower growth.

Patterns planted on purpose, each with a modest effect and noise around it (sizes in the card):

* timing: lunchtime and early evening, Tuesday to Thursday, do somewhat better than late evening
  and weekends;
* content types: questions draw comments, humour draws shares, posts with a link (LINK_TYPES)
  draw the clicks, promotions most;
* an incident: Lumen recalls cold-brew cans on 2025-09-08; mentions spike and turn negative, then
  decay over days to weeks while Lumen answers on an extended shift rota; Lumen posts recall
  notices and updates (content type `announcement`), pauses its promotions, and answers most of
  the rising comments (the recall weeks are drawn from their own generator, so the rest of the
  year stays as it was);
* the competitor "exists" rather than "lives": more followers, mostly promotional broadcasts in a
  morning batch, few and slow replies, and lower engagement per impression;
* operations as they are: comments are answered only while someone is at work, so evenings and
  weekends wait until the next working morning; many comments are never answered; monitoring
  picks up spam and copy-paste bot posts.

Random streams: every part of the data draws from its own generator,
`np.random.default_rng([seed, table, brand, platform])`, keyed by the stable integers in
TABLE_KEY, BRAND_KEY and PLATFORM_KEY (see `_stream`). Followers, posts, comments and the recall
weeks' posts and comments each have one stream per brand and platform; mentions one per brand; the
survey one of its own. A change to how one platform's posts are drawn therefore moves only that
platform's numbers (and its comments), never another platform's or another table's. Keep the keys
as they are; give a new effect a new key.

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

from smcourse.core.assessment import DIMENSIONS, STATEMENTS

SEED = 2025
TIMEZONE = ZoneInfo("America/New_York")
YEAR_START = date(2025, 1, 1)
DAYS = 365
INCIDENT_START = date(2025, 9, 8)
# The recall's shape: an immediate spike that decays exponentially (time constants in days).
INCIDENT_MENTION_PEAK = 7.0       # extra mentions on day 0, as a multiple of the usual volume
INCIDENT_MENTION_DECAY = 5.0      # days for the extra volume to fall to 1/e
INCIDENT_NEGATIVE_DECAY = 8.0     # days for the share of recall complaints to fall to 1/e
INCIDENT_UNFOLLOW_PEAK = 4.0      # extra unfollows on day 0, as a multiple of the usual
INCIDENT_UNFOLLOW_DECAY = 6.0
INCIDENT_ROTA_DAYS = 21           # Lumen answers on an extended rota for three weeks
INCIDENT_COMMENT_EXTRA = 3.0     # extra comments per Lumen post on day 0 (decays like mentions)
INCIDENT_ANSWER_PROBABILITY = 0.9  # Lumen answers recall questions and complaints on the rota
RECOVERY_DAYS = 45                # mentions crediting Lumen's openness appear during this window

PLATFORMS = ("instagram", "facebook", "x", "linkedin", "youtube", "tiktok")
CONTENT_TYPES = ("promotional", "educational", "question", "culture", "humour", "job", "announcement",
                 "reply")
VIDEO_PLATFORMS = ("youtube", "tiktok")
# Stable keys of the random streams (see `_stream`): never renumber, only add.
TABLE_KEY = {"followers": 1, "posts": 2, "comments": 3, "mentions": 4, "survey": 5,
             "recall_posts": 6, "recall_comments": 7}
BRAND_KEY = {"lumen": 1, "beacon": 2}
PLATFORM_KEY = {"instagram": 1, "facebook": 2, "x": 3, "linkedin": 4, "youtube": 5, "tiktok": 6}
# Platforms whose feed posts follow a fixed calendar (evenly spaced) rather than a daily chance.
SCHEDULED_PLATFORMS = ("youtube",)


@dataclass(frozen=True)
class Platform:
    """How one platform distributes and rewards organic posts (calibration in datasets/calibration.json)."""

    reach_share: float        # organic reach of a feed post as a share of followers (mean)
    frequency: float          # impressions per account reached
    engagement: float         # engagements (likes + comments + shares) per impression
    split: tuple[float, float, float]  # likes, comments, shares as shares of engagements
    click_rate: float         # link clicks per impression of a post that carries a link (LINK_TYPES)


PLATFORM = {
    "instagram": Platform(0.15, 1.35, 0.036, (0.88, 0.035, 0.085), 0.00144),
    "facebook": Platform(0.026, 1.15, 0.0495, (0.78, 0.07, 0.15), 0.0095),
    "x": Platform(0.030, 1.25, 0.0223, (0.80, 0.08, 0.12), 0.012),
    "linkedin": Platform(0.11, 1.3, 0.05, (0.86, 0.07, 0.07), 0.0052),
    "youtube": Platform(0.75, 1.3, 0.0285, (0.93, 0.05, 0.02), 0.0074),
    "tiktok": Platform(0.66, 1.2, 0.0505, (0.938, 0.012, 0.05), 0.0005),
}


@dataclass(frozen=True)
class BrandProfile:
    """How one brand behaves: the knobs that make 'existing' and 'living' look different in data."""

    brand: str
    posts_per_week: dict[str, float]    # broadcasts (feed posts) per week; replies come on top
    start_followers: dict[str, int]
    monthly_growth: dict[str, float]    # net follower growth per month
    monthly_churn: dict[str, float]     # followers lost per month, as a share of followers
    content_mix: dict[str, float]
    reply_share: float
    engagement_scale: float
    batch_posting: bool
    answer_probability_question: float
    answer_probability_other: float
    median_handling_hours: float        # working hours from the start of work on it to the answer
    working_hours: dict[int, tuple[int, int]]  # weekday (Monday 0) -> (start hour, end hour)
    mention_reply_probability: float


LUMEN = BrandProfile(
    brand="lumen",
    posts_per_week={"instagram": 4.5, "facebook": 4.9, "x": 4.5, "linkedin": 1.5, "youtube": 12 / 52,
                    "tiktok": 5.0},
    start_followers={"instagram": 6800, "facebook": 4300, "x": 1350, "linkedin": 900,
                     "youtube": 420, "tiktok": 1500},
    monthly_growth={"instagram": 0.016, "facebook": 0.004, "x": 0.005, "linkedin": 0.016,
                    "youtube": 0.012, "tiktok": 0.12},
    monthly_churn={"instagram": 0.006, "facebook": 0.004, "x": 0.008, "linkedin": 0.003,
                   "youtube": 0.004, "tiktok": 0.02},
    content_mix={"promotional": 0.22, "educational": 0.25, "question": 0.14, "culture": 0.2,
                 "humour": 0.12, "job": 0.07},
    reply_share=0.3,
    engagement_scale=1.0,
    batch_posting=False,
    answer_probability_question=0.85,
    answer_probability_other=0.42,
    median_handling_hours=1.0,
    working_hours={0: (8, 19), 1: (8, 19), 2: (8, 19), 3: (8, 19), 4: (8, 19), 5: (10, 14),
                   6: (10, 12)},
    mention_reply_probability=0.4,
)

BEACON = BrandProfile(
    brand="beacon",
    posts_per_week={"instagram": 5.0, "facebook": 5.0, "x": 4.5, "linkedin": 1.0, "youtube": 8 / 52,
                    "tiktok": 2.5},
    start_followers={"instagram": 16500, "facebook": 11800, "x": 3600, "linkedin": 1700,
                     "youtube": 950, "tiktok": 2400},
    monthly_growth={"instagram": 0.008, "facebook": 0.002, "x": 0.003, "linkedin": 0.011,
                    "youtube": 0.006, "tiktok": 0.06},
    monthly_churn={"instagram": 0.009, "facebook": 0.006, "x": 0.01, "linkedin": 0.004,
                   "youtube": 0.005, "tiktok": 0.03},
    content_mix={"promotional": 0.62, "educational": 0.1, "question": 0.03, "culture": 0.08,
                 "humour": 0.07, "job": 0.1},
    reply_share=0.04,
    engagement_scale=0.95,
    batch_posting=True,
    answer_probability_question=0.3,
    answer_probability_other=0.06,
    median_handling_hours=14.0,
    working_hours={0: (9, 17), 1: (9, 17), 2: (9, 17), 3: (9, 17), 4: (9, 17)},
    mention_reply_probability=0.06,
)
# During the recall Lumen's team answers on a rota from 07:00 to 22:00, seven days a week.
INCIDENT_ROTA = {day: (7, 22) for day in range(7)}

# Content types: engagement per impression relative to the average, and how each tilts the split.
CONTENT_ENGAGEMENT = {"promotional": 0.8, "educational": 1.05, "question": 1.05, "culture": 1.1,
                      "humour": 1.2, "job": 0.85, "announcement": 1.05, "reply": 1.25}
CONTENT_COMMENTS = {"question": 2.5, "reply": 2.0}   # multiplies the platform's comment share
CONTENT_SHARES = {"humour": 1.8, "educational": 1.3, "job": 1.5, "announcement": 1.3}
# Posts that carry a link: offers (the web shop), vacancies (the application form), notices (the
# refund form) and teaching posts (the blog). Instagram and TikTok posts point to the link in the
# profile instead. Clicks come from these; the other types get a few taps on the profile link.
LINK_TYPES = ("promotional", "job", "announcement", "educational")
CONTENT_CLICKS = {"promotional": 1.2, "job": 1.0, "announcement": 1.0, "educational": 0.7,
                  "question": 0.05, "culture": 0.05, "humour": 0.05, "reply": 0.05}
REPLY_REACH = 0.1   # a reply is seen mainly by the people in that conversation
WEEKDAY_EFFECT = (0.98, 1.06, 1.08, 1.05, 0.99, 0.92, 0.9)  # Monday first
# Hour of day (local time) to engagement multiplier: a little higher at lunch and early evening.
HOUR_EFFECT = {h: 0.85 for h in range(24)} | {7: 0.92, 8: 0.96, 9: 0.98, 10: 1.0, 11: 1.1, 12: 1.14,
                                             13: 1.08, 14: 0.98, 15: 0.97, 16: 0.98, 17: 1.02,
                                             18: 1.08, 19: 1.13, 20: 1.1, 21: 0.95, 22: 0.87}
RATE_NOISE = 0.45   # sigma of the log-normal noise on each post's engagement rate
REACH_NOISE = 0.4   # sigma of the log-normal noise on each post's reach
# TikTok's For You feed makes views heavy-tailed: most clips stay small and a few break out far
# beyond the followers (sigma 1.2 puts about 60 % of the views in the top sixth of the clips).
PLATFORM_REACH_NOISE = {"tiktok": 1.2}
# Video length in seconds and the average share of it watched (TikTok and YouTube).
VIDEO_SECONDS = {"tiktok": (12, 60), "youtube": (240, 720)}
WATCHED_SHARE = {"tiktok": 0.22, "youtube": 0.35}

PRODUCTS = ("Harbour blend", "cold brew", "single-origin Kenya", "decaf Colombia", "oat latte",
            "espresso roast", "seasonal pumpkin blend", "pour-over kit")
HASHTAGS = ("#coffee", "#specialtycoffee", "#roastery", "#morningcoffee", "#coldbrew", "#baristalife",
            "#smallbusiness", "#coffeelovers")
BRAND_NAMES = {"lumen": ("Lumen", "@LumenCoffee", "#LumenCoffee"),
               "beacon": ("Beacon", "@BeaconBean", "#BeaconBean")}

# Twelve texts a type (replies too), in groups of three that either all name the {product} or none
# does: a text's draw then picks the same group as the four-text lists the data were first made
# with, so the recall's product swaps, and every number, stayed as they were when the lists grew.
POST_TEMPLATES = {
    "promotional": ("Our {product} is back in stock. Order today {tag}",
                    "Two bags of {product} for the price of one until Sunday {tag}",
                    "Subscribers get the {product} first this month. Sign up in the shop {tag}",
                    "This week only: 15% off the {product}. Link in bio {tag}",
                    "Gift idea: the {product} in a tin, ready to post {tag}",
                    "Only a few {product} packs left from this batch {tag}",
                    "Free shipping on every {product} bag this weekend {tag}",
                    "Office order? The {product} comes in 1 kg bags, delivered on Mondays {tag}",
                    "Bring your own cup and save on any {product} at the cafe {tag}",
                    "New in the shop: {product}. Get yours now {tag}",
                    "Find us at the Saturday market: try the {product} and take a bag home {tag}",
                    "Loyalty card holders: your fifth {product} is on us this month {tag}"),
    "educational": ("How fine should you grind for a {product}? A short guide {tag}",
                    "From cherry to cup: where the {product} comes from, on the blog {tag}",
                    "Our roaster's tip for the {product}: let it rest a minute before you pour {tag}",
                    "Three ways to keep beans fresh at home {tag}",
                    "Why your coffee tastes sour, and two easy fixes {tag}",
                    "How much coffee for one cup, for two, for a pot: our ratio sheet {tag}",
                    "Water temperature matters: our brewing notes for the {product} {tag}",
                    "A beginner's guide to tasting notes, with the {product} {tag}",
                    "Storing the {product}: why we would not use the fridge {tag}",
                    "What does 'washed process' mean? We explain {tag}",
                    "Descaling your machine in five minutes, step by step {tag}",
                    "Light or dark roast? What changes in the cup {tag}"),
    "question": ("Which would you pick for a rainy Monday: {product} or a flat white? {tag}",
                 "How do you take your {product}: black, with milk, or iced? {tag}",
                 "Have you tried the {product} yet? What did you taste? {tag}",
                 "What is your favourite way to brew at home? Tell us below {tag}",
                 "Milk first or coffee first? Settle it below {tag}",
                 "What should we call our next blend? Best name wins a bag {tag}",
                 "Should we bring back the {product} for winter? {tag}",
                 "Morning {product} or afternoon {product}: which matters more to you? {tag}",
                 "What would you like us to explain next about the {product}? {tag}",
                 "What song goes best with your first cup? {tag}",
                 "Which brewing gadget would you rescue first? {tag}",
                 "Where do you drink your first coffee of the day? Show us {tag}"),
    "culture": ("Meet Ana, who roasts the {product} every Tuesday {tag}",
                "Friday lunch at the roastery: the team tastes next month's {product} {tag}",
                "Packing day: 600 bags of {product} on their way to you {tag}",
                "Our team spent Saturday planting trees by the river {tag}",
                "Five years with us today for Sam, our delivery driver. Thank you! {tag}",
                "Our baristas ran the river 10k for the food bank this morning {tag}",
                "Behind the scenes: cupping session at the roastery {tag}",
                "The new roaster arrived. Six people, one crane and a lot of nerves {tag}",
                "Our spent grounds now go to the community garden next door {tag}",
                "Thank you to the farmers who grow our {product} {tag}",
                "A quiet morning at the cafe: the first {product} of the day before the doors open {tag}",
                "Cafe regulars, meet Priya, our newest barista, who makes a fine {product} {tag}"),
    "humour": ("Me before coffee vs me after the {product} {tag}",
               "Tell us you need a {product} without telling us you need a {product} {tag}",
               "Our delivery van runs on diesel. Our driver runs on {product} {tag}",
               "Our espresso machine has more fans than we do {tag}",
               "Our barista wants to name a blend after her cat. We said no. For now {tag}",
               "Roaster's mood today: medium, with notes of not enough sleep {tag}",
               "Decaf is just coffee in witness protection {tag}",
               "The office kettle has seen things {tag}",
               "Five-second rule does not apply to coffee beans. We checked {tag}",
               "Monday called. We sent it a {product} {tag}",
               "Some people count sheep. We count beans for the {product} {tag}",
               "Our grinder is louder than our playlist, and the {product} is worth it {tag}"),
    "job": ("We are hiring a barista for our riverside cafe. Apply via the link {tag}",
            "Weekend barista wanted at the riverside cafe, training provided {tag}",
            "Hiring a full-time cafe supervisor; applications close at the end of the month {tag}",
            "Join the roastery team: production assistant wanted {tag}",
            "Roaster's assistant wanted: early starts and good coffee {tag}",
            "Our coffee roasting apprenticeship starts in September. Apply now {tag}",
            "Looking for a part-time delivery driver who loves coffee {tag}",
            "Seasonal packing help wanted for the winter rush {tag}",
            "Part-time customer service role for our web shop. Apply via the link {tag}",
            "Internship in marketing and community, summer 2025 {tag}",
            "Numbers and coffee? We need a part-time bookkeeper {tag}",
            "Open morning for job seekers at the roastery, Saturday 10 to 12 {tag}"),
}
REPLY_TEMPLATES = ("Thanks for the kind words, {name}! Enjoy the {product}",
                   "Thank you, {name}! The {product} is back next week",
                   "Hi {name}, yes: we post the {product} anywhere in the country",
                   "Great question, {name}: the {product} works best with a medium grind",
                   "Hi {name}, the {product} keeps best in an airtight tin away from light",
                   "Nice idea, {name}. We will try it with the {product} at the cafe",
                   "Sorry to hear that, {name}. We have sent you a message to put it right",
                   "{name}, we are sorry it arrived late. A fresh bag is on its way",
                   "Happy to help, {name}. Send us your order number in a message",
                   "Glad you liked it, {name}. See you at the cafe soon",
                   "Good to hear, {name}. Tell the team at the counter next time",
                   "Thanks, {name}! We will pass that on to the roaster")

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
# Lumen's own posts about the recall: (days after it began, platforms, text). The main platforms
# carry the notice on day 0, an update when the cause is found and the refund and restart news.
RECALL_MAIN = ("instagram", "facebook", "x", "tiktok")
RECALL_POSTS = (
    (0, RECALL_MAIN + ("linkedin",),
     "Recall notice: we are recalling all Lumen cold brew cans (best before Dec 2025). Please do not "
     "drink them; every can is refunded in full. Details and refund form in the link {tag}"),
    (1, RECALL_MAIN,
     "Recall update: we have stopped all cold brew sales while we investigate. If you drank one and "
     "feel unwell, call your doctor and tell us. Refunds are going out today {tag}"),
    (4, RECALL_MAIN + ("linkedin",),
     "Recall update: we found the cause, a faulty seal on one canning line at our supplier. No other "
     "product is affected. Here is what we are changing {tag}"),
    (9, RECALL_MAIN,
     "Recall update: 1,240 refunds paid so far. Still have a can? Bring it to the cafe or use the "
     "refund form; we answer every message until 10 p.m. {tag}"),
    (16, ("instagram", "facebook", "x"),
     "Recall update: the new seals passed independent testing. Cold brew stays off sale until the "
     "end of the month; thank you for your patience and your questions {tag}"),
)
# Scheduled posts Lumen turned into recall updates during the recall weeks (promotions paused).
RECALL_UPDATES = (
    "Recall update: how to check your cold brew can and get a full refund, step by step {tag}",
    "Recall update: your questions about the cold brew recall, answered {tag}",
    "Recall update: what we know so far, and which cans the recall covers {tag}",
)
RECALL_PAUSED = ("promotional", "humour")
RECALL_QUESTIONS = ("Which cold brew cans are affected by the recall?",
                    "How do I get my refund for the recalled cold brew?",
                    "I drank one of the cans yesterday, what should I do?",
                    "Is the Harbour blend safe or only the cold brew?")
RECALL_REPLIES = (
    "Sorry for the worry, {name}. Any cold brew can is refunded in full: the form is in our bio",
    "Thank you for telling us, {name}. We have sent you a message about your refund",
    "Good question, {name}: only the cold brew cans are affected, nothing else")
# What monitoring also picks up: spam from throwaway accounts, and one text pasted by many bots.
SPAM_TEMPLATES = ("WIN a FREE year of coffee from {name}!!! Claim now at bit.ly/fr33-cup {tag}",
                  "{name} gift card giveaway, DM us to claim your prize {tag}",
                  "Earn $500 a day from home, ask me how. {name} {tag}",
                  "Cheap followers and likes for {name}, visit our page {tag}")
BOT_TEXT = "Top 10 coffee deals this week, {name} included. Full list at deals-now.example {tag}"
SECTORS = ("retail", "hospitality", "software", "manufacturing", "healthcare", "nonprofit",
           "professional services", "education")
SIZES = ("1-9", "10-49", "50-249", "250+")
# The survey instrument is the course's self-assessment (`smcourse.core.assessment.STATEMENTS`): three
# statements per dimension answered from 1 to 5, one of them describing the existing form and scored
# in reverse (6 - answer); a dimension's score is the mean of its three scored answers.
SURVEY_STATEMENTS = {dimension: tuple(s for s in STATEMENTS if s.dimension == dimension)
                     for dimension in DIMENSIONS}


def _local_datetime(day: date, hour: int, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TIMEZONE)


def _iso(moment: datetime) -> str:
    return moment.astimezone(TIMEZONE).isoformat(timespec="seconds")


def _days_since_incident(day: date, brand: str) -> int:
    """Days since the recall began for Lumen (-1 before it, and always -1 for Beacon)."""
    return (day - INCIDENT_START).days if brand == "lumen" and day >= INCIDENT_START else -1


def _incident_weight(day: date, brand: str, decay: float) -> float:
    """exp(-days / decay) from the recall day on, 0 before it: how much of the shock is left."""
    since = _days_since_incident(day, brand)
    return float(np.exp(-since / decay)) if since >= 0 else 0.0


def _stream(seed: int, table: str, brand: str = "", platform: str = "") -> np.random.Generator:
    """The random generator of one part of the data: a table, for one brand and platform."""
    keys = [seed, TABLE_KEY[table], BRAND_KEY.get(brand, 0), PLATFORM_KEY.get(platform, 0)]
    return np.random.default_rng(keys)


def _pick(rng: np.random.Generator, options):
    return options[int(rng.integers(len(options)))]


def _other_product(rng: np.random.Generator) -> str:
    """A product other than the recalled cold brew, for posts that must not name it."""
    while (product := _pick(rng, PRODUCTS)) == "cold brew":
        pass
    return product


def _fill(rng, template: str, brand: str) -> str:
    name, handle, tag = BRAND_NAMES[brand]
    return template.format(product=_pick(rng, PRODUCTS), name=_pick(rng, (name, handle)),
                           tag=f"{tag} {_pick(rng, HASHTAGS)}")


def _author(rng) -> str:
    return f"@user{int(rng.integers(1000, 9999))}"


def _follower_rows(seed: int, profile: BrandProfile) -> list[dict]:
    rows = []
    for platform in PLATFORMS:
        rng = _stream(seed, "followers", profile.brand, platform)
        followers = float(profile.start_followers[platform])
        churn = profile.monthly_churn[platform] / 30.4
        gain = (profile.monthly_growth[platform] + profile.monthly_churn[platform]) / 30.4
        count = profile.start_followers[platform]
        for offset in range(DAYS):
            day = YEAR_START + timedelta(days=offset)
            shock = _incident_weight(day, profile.brand, INCIDENT_UNFOLLOW_DECAY)
            gained = int(rng.poisson(count * gain * (1 - 0.4 * shock)))
            lost = int(rng.poisson(count * churn * (1 + INCIDENT_UNFOLLOW_PEAK * shock)))
            count += gained - lost
            followers = count
            rows.append({"date": day.isoformat(), "brand": profile.brand, "platform": platform,
                         "followers": int(followers), "gained": gained, "lost": lost})
    return rows


def _post_times(rng, profile: BrandProfile, platform: str) -> list[tuple[datetime, bool]]:
    """When `profile` posts on `platform`, in order, each with whether it is a reply.

    Feed posts and replies come by a daily chance; on SCHEDULED_PLATFORMS the feed posts instead
    follow an even calendar (one every DAYS / count days) and only the replies come by chance."""
    weekly = profile.posts_per_week[platform]
    replies_weekly = weekly * profile.reply_share / (1 - profile.reply_share)
    scheduled = platform in SCHEDULED_PLATFORMS
    feed_days = []
    if scheduled:
        count = round(weekly * DAYS / 7)
        feed_days = [int(i * DAYS / count + rng.integers(0, DAYS // count)) for i in range(count)]
    times = []
    for offset in range(DAYS):
        day = YEAR_START + timedelta(days=offset)
        feed = feed_days.count(offset) if scheduled else int(rng.poisson(weekly / 7))
        kinds = [False] * feed + [True] * int(rng.poisson(replies_weekly / 7))
        times.extend((_posting_moment(rng, profile, day), is_reply) for is_reply in kinds)
    return sorted(times, key=lambda item: item[0])


def _posting_moment(rng, profile: BrandProfile, day: date) -> datetime:
    """A posting time on `day`: a morning batch minutes apart, or spread over the waking hours."""
    if profile.batch_posting:
        return _local_datetime(day, 9, int(rng.integers(0, 20)))
    hours = np.arange(7, 23)
    weights = np.array([0.5 if h in (7, 21, 22) else 1.0 for h in hours])
    return _local_datetime(day, int(rng.choice(hours, p=weights / weights.sum())),
                           int(rng.integers(0, 60)))


def _split(platform: str, content_type: str, comment_boost: float = 1.0) -> np.ndarray:
    likes, comments, shares = PLATFORM[platform].split
    comments *= CONTENT_COMMENTS.get(content_type, 1.0) * comment_boost
    shares *= CONTENT_SHARES.get(content_type, 1.0)
    likes = max(1.0 - comments - shares, 0.05)
    parts = np.array([likes, comments, shares])
    return parts / parts.sum()


def _post_numbers(rng, profile: BrandProfile, platform: str, content_type: str, moment: datetime,
                  audience: int, reach_boost: float = 1.0, comment_boost: float = 1.0) -> dict:
    """Reach, impressions, engagements and clicks of one post (see the data card)."""
    settings = PLATFORM[platform]
    is_reply = content_type == "reply"
    reach_share = settings.reach_share * (REPLY_REACH if is_reply else reach_boost)
    noise = PLATFORM_REACH_NOISE.get(platform, REACH_NOISE)
    reach = int(rng.poisson(audience * reach_share * rng.lognormal(-noise ** 2 / 2, noise)))
    impressions = reach + int(rng.poisson(reach * (settings.frequency - 1)
                                          * rng.uniform(0.8, 1.2)))
    rate = (settings.engagement * CONTENT_ENGAGEMENT[content_type]
            * WEEKDAY_EFFECT[moment.weekday()] * HOUR_EFFECT[moment.hour]
            * profile.engagement_scale * rng.lognormal(-RATE_NOISE ** 2 / 2, RATE_NOISE))
    engagements = int(rng.poisson(impressions * min(rate, 0.5)))
    likes, comments, shares = (int(n) for n in
                               rng.multinomial(engagements,
                                               _split(platform, content_type, comment_boost)))
    click_rate = settings.click_rate * CONTENT_CLICKS[content_type]
    clicks = int(rng.binomial(impressions, min(click_rate, 1.0)))
    return {"impressions": impressions, "reach": reach, "likes": likes, "comments": comments,
            "shares": shares, "clicks": clicks}


def _post_rows(seed: int, profile: BrandProfile, followers_on: dict) -> list[dict]:
    rows = []
    types = list(profile.content_mix)
    weights = np.array(list(profile.content_mix.values()))
    for platform in PLATFORMS:
        rng = _stream(seed, "posts", profile.brand, platform)
        for moment, is_reply in _post_times(rng, profile, platform):
            content_type = "reply" if is_reply else str(rng.choice(types, p=weights / weights.sum()))
            audience = followers_on[(profile.brand, platform, moment.date())]
            numbers = _post_numbers(rng, profile, platform, content_type, moment, audience)
            template = REPLY_TEMPLATES if is_reply else POST_TEMPLATES[content_type]
            text = _pick(rng, template).format(product=_pick(rng, PRODUCTS), name=_author(rng),
                                               tag=BRAND_NAMES[profile.brand][2])
            video_seconds, watch_seconds = _video(rng, platform, is_reply)
            rows.append({"brand": profile.brand, "platform": platform, "published_at": moment,
                         "content_type": content_type, "mode": "reply" if is_reply else "broadcast",
                         "text": text, **numbers,
                         "video_seconds": video_seconds, "avg_watch_seconds": watch_seconds})
    return rows


def _video(rng, platform: str, is_reply: bool) -> tuple:
    """Length and average watch time in seconds of a video post ('' elsewhere)."""
    if platform not in VIDEO_PLATFORMS or is_reply:
        return "", ""
    low, high = VIDEO_SECONDS[platform]
    video_seconds = int(rng.integers(low, high + 1))
    share = float(np.clip(rng.normal(WATCHED_SHARE[platform], 0.06), 0.05, 0.95))
    return video_seconds, round(video_seconds * share, 1)


def working_hours_on(profile: BrandProfile, day: date) -> tuple[int, int] | None:
    """The hours someone answers for `profile` on `day` (None when nobody is at work)."""
    if 0 <= _days_since_incident(day, profile.brand) < INCIDENT_ROTA_DAYS:
        return INCIDENT_ROTA[day.weekday()]
    return profile.working_hours.get(day.weekday())


def answer_time(profile: BrandProfile, created: datetime, working_hours: float) -> datetime:
    """When an answer goes out if it takes `working_hours` of someone's working time to get to it,
    counted from `created` through the brand's working calendar (nights and days off wait)."""
    moment, left = created, timedelta(hours=working_hours)
    while True:
        shift = working_hours_on(profile, moment.date())
        if shift is not None:
            opens = _local_datetime(moment.date(), shift[0], 0)
            closes = _local_datetime(moment.date(), shift[1], 0)
            start = max(moment, opens)
            if start < closes:
                if start + left <= closes:
                    return start + left
                left -= closes - start
        next_day = moment.date() + timedelta(days=1)
        moment = _local_datetime(next_day, 0, 0)


def _recall_posts(seed: int, posts: list[dict], followers_on: dict) -> list[dict]:
    """Lumen's posting during the recall weeks, drawn from the recall's own streams (one a platform).

    The notices and updates in RECALL_POSTS go out on the main platforms; scheduled promotional and
    humour posts become recall updates (promotions paused), no other post names the cold brew, some
    replies answer recall questions, and comments rise on every post (decaying like mentions).
    Each changed post keeps its year-long draw count in `base_comments` (see `_comment_rows`).
    """
    streams = {platform: _stream(seed, "recall_posts", "lumen", platform) for platform in PLATFORMS}
    for post in posts:
        since = _days_since_incident(post["published_at"].date(), post["brand"])
        if not 0 <= since < INCIDENT_ROTA_DAYS:
            continue
        rng = streams[post["platform"]]
        post["recall_window"], post["base_comments"] = True, post["comments"]
        if post["mode"] == "broadcast" and post["content_type"] in RECALL_PAUSED:
            audience = followers_on[("lumen", post["platform"], post["published_at"].date())]
            post.update(_post_numbers(rng, LUMEN, post["platform"], "announcement",
                                      post["published_at"], audience, 1.5, 1.5))
            post["content_type"] = "announcement"
            post["text"] = _pick(rng, RECALL_UPDATES).format(tag=BRAND_NAMES["lumen"][2])
        answers_recall = post["mode"] == "reply" and rng.random() < 0.6
        if answers_recall:
            post["text"] = _pick(rng, RECALL_REPLIES).format(name=_author(rng))
        if "cold brew" in post["text"] and not post["text"].startswith("Recall"):
            product = _other_product(rng)
            if not answers_recall:  # an answer about the recall names what the notice names
                post["text"] = post["text"].replace("cold brew", product)
        if post["mode"] == "broadcast":
            post["comments"] += _extra_comments(rng, post, INCIDENT_COMMENT_EXTRA)
    added = []
    for days, platforms, template in RECALL_POSTS:
        day = INCIDENT_START + timedelta(days=days)
        for platform in platforms:
            rng = streams[platform]
            planned = [p for p in posts if p["platform"] == platform and p["mode"] == "broadcast"
                       and p["published_at"].date() == day and not p.get("notice")]
            if planned:  # the notice takes the place of that day's scheduled post
                post = planned[0]
                if days == 0:  # on the day itself every notice goes out in the morning
                    post["published_at"] = _local_datetime(day, 9, int(rng.integers(0, 60)))
            else:
                post = {"brand": "lumen", "platform": platform, "mode": "broadcast",
                        "published_at": _local_datetime(day, 9 if days == 0 else 10,
                                                        int(rng.integers(0, 60))),
                        "recall_window": True, "base_comments": 0}
                post["video_seconds"], post["avg_watch_seconds"] = _video(rng, platform, False)
                added.append(post)
            audience = followers_on[("lumen", platform, day)]
            post.update(_post_numbers(rng, LUMEN, platform, "announcement", post["published_at"],
                                      audience, 2.0, 2.5))
            post["comments"] += _extra_comments(rng, post, 2 * INCIDENT_COMMENT_EXTRA)
            post.update(content_type="announcement", notice=True,
                        text=template.format(tag=BRAND_NAMES["lumen"][2]))
    return posts + added


def _extra_comments(rng, post: dict, peak: float) -> int:
    """Extra comments on a recall-weeks post: where customers talk (not X, LinkedIn or YouTube)."""
    if post["platform"] not in ("instagram", "facebook", "tiktok"):
        return 0
    weight = _incident_weight(post["published_at"].date(), "lumen", INCIDENT_MENTION_DECAY)
    return int(rng.poisson(peak * weight))


def _comment(rng, post: dict, profile: BrandProfile, year_end: datetime, recall: bool) -> dict:
    """One comment on `post`; `recall` draws it as the recall weeks had it (see `_recall_posts`)."""
    created = post["published_at"] + timedelta(hours=float(rng.exponential(4)))
    created = min(created, year_end)
    shock = _incident_weight(created.date(), post["brand"], INCIDENT_NEGATIVE_DECAY)
    asks = post["content_type"] == "question" or (recall and post["text"].startswith("Recall"))
    is_question = rng.random() < (0.5 if asks else 0.18)
    mood = "question"
    if is_question:
        recall_question = recall and rng.random() < max(shock, 0.5)
        text = _fill(rng, _pick(rng, RECALL_QUESTIONS if recall_question else QUESTION_TEMPLATES),
                     post["brand"])
    else:
        usual = np.array([0.55, 0.3, 0.15, 0.0])
        upset = np.array([0.1, 0.15, 0.25, 0.5])
        mood = str(rng.choice(["positive", "neutral", "negative", "incident"],
                              p=(1 - shock) * usual + shock * upset))
        text = _fill(rng, _pick(rng, COMMENT_TEMPLATES[mood]), post["brand"])
    chance = (profile.answer_probability_question if is_question
              else profile.answer_probability_other)
    if recall and mood in ("question", "negative", "incident"):
        chance = INCIDENT_ANSWER_PROBABILITY
    answered = rng.random() < chance
    answered_at = ""
    if answered:
        effort = float(rng.lognormal(np.log(profile.median_handling_hours), 0.9))
        answered_at = _iso(answer_time(profile, created, effort))
    return {"post_id": post["post_id"], "author": _author(rng), "created_at": created,
            "text": text, "is_question": is_question, "answered": answered,
            "answered_at": answered_at}


def _comment_rows(seed: int, posts: list[dict], profiles: dict[str, BrandProfile]) -> list[dict]:
    """Every comment, drawn post by post from the stream of the post's brand and platform."""
    rows = []
    year_end = _local_datetime(YEAR_START + timedelta(days=DAYS - 1), 23, 59)
    streams = {(table, brand, platform): _stream(seed, table, brand, platform)
               for table in ("comments", "recall_comments") for brand in profiles
               for platform in PLATFORMS}
    for post in posts:
        profile = profiles[post["brand"]]
        key = (post["brand"], post["platform"])
        drawn = [_comment(streams[("comments", *key)], post, profile, year_end, False)
                 for _ in range(post.get("base_comments", post["comments"]))]
        if post.get("recall_window"):  # the year's draws stay as they were; the recall's replace them
            drawn = [_comment(streams[("recall_comments", *key)], post, profile, year_end, True)
                     for _ in range(post["comments"])]
        rows.extend(drawn)
    rows.sort(key=lambda r: (r["created_at"], r["post_id"]))
    for number, row in enumerate(rows, start=1):
        row["comment_id"] = f"C{number:06d}"
        row["created_at"] = _iso(row["created_at"])
    return rows


MENTION_PLATFORMS = ("instagram", "facebook", "x", "linkedin", "tiktok")
MENTION_PLATFORM_WEIGHTS = np.array([0.32, 0.2, 0.2, 0.06, 0.22])


def _mention_rows(seed: int, profiles: dict[str, BrandProfile]) -> list[dict]:
    """Mentions of each brand, drawn day by day from that brand's stream."""
    rows = []
    for brand, daily in (("lumen", 3.0), ("beacon", 4.5)):
        rng = _stream(seed, "mentions", brand)
        bots = [f"@deals{int(rng.integers(100, 999))}" for _ in range(12)]
        for offset in range(DAYS):
            day = YEAR_START + timedelta(days=offset)
            volume = _incident_weight(day, brand, INCIDENT_MENTION_DECAY)
            recall = _incident_weight(day, brand, INCIDENT_NEGATIVE_DECAY)
            since = _days_since_incident(day, brand)
            recovery = 3 <= since < RECOVERY_DAYS
            for _ in range(int(rng.poisson(daily * (1 + INCIDENT_MENTION_PEAK * volume)))):
                usual = [0.45, 0.35, 0.2] if brand == "lumen" else [0.3, 0.42, 0.28]
                if rng.random() < 0.8 * recall:
                    mood = str(rng.choice(["incident", "negative"], p=[0.8, 0.2]))
                elif recovery and rng.random() < 0.3:
                    mood = "recovery"
                else:
                    mood = str(rng.choice(["positive", "neutral", "negative"], p=usual))
                hour, minute = int(rng.integers(6, 24)), int(rng.integers(0, 60))
                replied = rng.random() < profiles[brand].mention_reply_probability * (
                    1.3 if since >= 0 and since < INCIDENT_ROTA_DAYS else 1.0)
                rows.append({"brand": brand,
                             "platform": str(rng.choice(MENTION_PLATFORMS,
                                                        p=MENTION_PLATFORM_WEIGHTS)),
                             "created_at": _local_datetime(day, hour, minute),
                             "author": _author(rng),
                             "text": _fill(rng, _pick(rng, MENTION_TEMPLATES[mood]), brand),
                             "brand_replied": bool(replied)})
            # Noise that monitoring picks up too: spam, and bursts of one pasted text from bots.
            for _ in range(int(rng.poisson(daily * 0.05))):
                rows.append(_noise_row(rng, brand, day, _author(rng), _pick(rng, SPAM_TEMPLATES)))
            if rng.random() < 0.03:
                for bot in rng.choice(bots, size=int(rng.integers(3, 7)), replace=False):
                    rows.append(_noise_row(rng, brand, day, str(bot), BOT_TEXT))
    rows.sort(key=lambda r: (r["created_at"], r["brand"], r["author"]))
    for number, row in enumerate(rows, start=1):
        row["mention_id"] = f"M{number:05d}"
        row["created_at"] = _iso(row["created_at"])
    return rows


def _noise_row(rng, brand: str, day: date, author: str, template: str) -> dict:
    name, handle, tag = BRAND_NAMES[brand]
    text = template.format(name=handle, tag=tag, product="")
    return {"brand": brand, "platform": str(rng.choice(("x", "instagram", "facebook"))),
            "created_at": _local_datetime(day, int(rng.integers(0, 24)), int(rng.integers(0, 60))),
            "author": author, "text": text, "brand_replied": False}


def _years_on_social(rng, maturity: float) -> int:
    """Years since the first account: most organisations opened one in the early 2010s, none before
    Facebook opened pages to businesses in 2007 (18 years by 2025)."""
    return int(np.clip(rng.normal(10 + maturity, 3.5), 0, 18))


def _survey_rows(seed: int, count: int = 160) -> list[dict]:
    rng = _stream(seed, "survey")
    rows = []
    shifts = {"planning": -0.2, "presences": 0.1, "commitment": -0.4, "relationships": 0.0}
    for number in range(1, count + 1):
        maturity = rng.normal(0, 1)  # one latent "how alive is this organisation" trait
        row = {"organisation_id": f"O{number:03d}", "sector": _pick(rng, SECTORS),
               "employees": _pick(rng, SIZES),
               "years_on_social": _years_on_social(rng, maturity)}
        for dimension, shift in shifts.items():
            level = 3 + 0.7 * maturity + shift + rng.normal(0, 0.5)
            scored = []
            for item, statement in enumerate(SURVEY_STATEMENTS[dimension], start=1):
                agreement = int(np.clip(round(level + rng.normal(0, 0.7)), 1, 5))
                row[f"{dimension}_{item}"] = 6 - agreement if statement.reverse else agreement
                scored.append(agreement)
            row[dimension] = f"{sum(scored) / 3:.2f}"
        rows.append(row)
    return rows


def build_tables(seed: int = SEED) -> dict[str, list[dict]]:
    """Return every table as a list of row dicts, generated from `seed`."""
    profiles = {"lumen": LUMEN, "beacon": BEACON}
    followers = _follower_rows(seed, LUMEN) + _follower_rows(seed, BEACON)
    followers_on = {}
    for row in followers:  # the audience a post goes out to: followers at the start of its day
        start = row["followers"] - row["gained"] + row["lost"]
        followers_on[(row["brand"], row["platform"], date.fromisoformat(row["date"]))] = start
    lumen = _recall_posts(seed, _post_rows(seed, LUMEN, followers_on), followers_on)
    posts = sorted(lumen + _post_rows(seed, BEACON, followers_on),
                   key=lambda r: (r["published_at"], r["brand"], r["platform"]))
    for number, post in enumerate(posts, start=1):
        post["post_id"] = f"P{number:05d}"
    comments = _comment_rows(seed, posts, profiles)
    for post in posts:
        post["published_at"] = _iso(post["published_at"])
    return {"posts": posts, "followers": followers, "comments": comments,
            "mentions": _mention_rows(seed, profiles), "survey": _survey_rows(seed)}


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
