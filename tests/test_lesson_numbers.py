"""Are the numbers that lesson 06's prose states true for the data?

Lessons 00-05 keep theirs in tests/test_claims_<lesson>.py; this file holds lesson 06's until the
capstone has its own claims file.
"""


def test_lesson_06_content_mix_of_feed_posts(tables):
    posts = tables["posts"]
    feed = posts[(posts["brand"] == "lumen") & (posts["mode"] == "broadcast")]
    mix = feed["content_type"].value_counts(normalize=True).mul(100).round(1)
    assert mix[["educational", "promotional", "culture", "question", "humour", "job"]].tolist() == \
        [27.8, 20.4, 19.2, 14.4, 11.2, 7.0]
