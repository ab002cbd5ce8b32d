"""Solutions to every code task of assignments 01-05, as learners write them: at least three
correct ones that take other routes (another pandas function, another sort, rounding, another index
or figure call) and at least three plausible wrong ones, each with the points its task must give.

CORPUS[assignment][task] = {"right": [code, ...], "wrong": [(code, points, what is wrong), ...]}
A right solution earns the task's full points. A wrong one earns only its right parts.

NUMERIC_MISTAKES[assignment][question] is a plausible wrong number for a Numeric question.
"""

CORPUS = {
    "01_why_social_media": {
        "mentions_by_platform": {
            "right": [
                'mentions_by_platform = lumen_mentions["platform"].value_counts()',
                'mentions_by_platform = lumen_mentions.groupby("platform", observed=True)["mention_id"]'
                '.count().sort_values(ascending=False)',
                'mentions_by_platform = pd.crosstab(lumen_mentions["platform"], "mentions")["mentions"]'
                '.sort_values(ascending=False)',
            ],
            "wrong": [
                ('from smcourse import metrics\n'
                 'real = lumen_mentions[~metrics.likely_spam(lumen_mentions)]\n'
                 'mentions_by_platform = real["platform"].value_counts()', 0, "spam left out"),
                ('mentions_by_platform = mentions.groupby("platform", observed=True).size()'
                 '.sort_values(ascending=False)', 0, "both brands counted"),
                ('mentions_by_platform = lumen_mentions["platform"].value_counts(ascending=True)', 1,
                 "smallest first"),
            ],
        },
        "real_by_platform": {
            "right": [
                'real_by_platform = lumen_mentions[~metrics.likely_spam(lumen_mentions)]["platform"]'
                '.value_counts()',
                'spam = metrics.likely_spam(lumen_mentions)\n'
                'real_by_platform = lumen_mentions[spam == False].groupby("platform", observed=True).size()'
                '.sort_values(ascending=False)',
                'kept = lumen_mentions.loc[~metrics.likely_spam(lumen_mentions)]\n'
                'real_by_platform = pd.crosstab(kept["platform"], "n")["n"].sort_values(ascending=False)',
            ],
            "wrong": [
                ('real_by_platform = lumen_mentions["platform"].value_counts()', 0, "spam still counted"),
                ('real_by_platform = lumen_mentions[metrics.likely_spam(lumen_mentions)]["platform"]'
                 '.value_counts()', 0, "only the spam counted"),
                ('real_by_platform = lumen_mentions[~metrics.likely_spam(lumen_mentions)]["platform"]'
                 '.value_counts(ascending=True)', 0.5, "smallest first"),
            ],
        },
    },
    "02_what_to_do": {"content_mix": {
        "right": [
            'content_mix = beacon_feed["content_type"].value_counts(normalize=True)',
            'content_mix = beacon_feed.groupby("content_type", observed=True).size().div(len(beacon_feed))'
            '.sort_values(ascending=False)',
            'feed = beacon[beacon["content_type"] != "reply"]\n'
            'counts = feed["content_type"].astype(str).value_counts()\n'
            'content_mix = (counts / counts.sum()).round(4)',
        ],
        "wrong": [
            ('content_mix = beacon["content_type"].value_counts(normalize=True)', 0,
             "replies counted as a content type"),
            ('content_mix = beacon_feed["content_type"].value_counts()', 0, "counts, not shares"),
            ('content_mix = beacon_feed["content_type"].value_counts(normalize=True, ascending=True)', 1.5,
             "smallest first"),
        ],
    }},
    "03_existing_vs_living": {"lumen_hours": {
        "right": [
            'published = posts["published_at"]\n'
            'second_half = posts[(published >= "2025-07-01")\n'
            '                    & ((published < "2025-09-08") | (published >= "2025-09-29"))]\n'
            'indicators = metrics.activity_indicators(second_half, comments)\n'
            'lumen_hours = indicators.loc["lumen", "median_response_hours"]',
            'day = posts["published_at"].dt.strftime("%Y-%m-%d")\n'
            'second_half = posts[(day >= "2025-07-01") & ~day.between("2025-09-08", "2025-09-28")]\n'
            'indicators = metrics.activity_indicators(second_half, comments)\n'
            'lumen_hours = float(indicators["median_response_hours"]["lumen"])',
            'when = posts["published_at"]\n'
            'recall = (when.dt.month == 9) & when.dt.day.between(8, 28)\n'
            'second_half = posts[(when.dt.quarter > 2) & ~recall]\n'
            'indicators = metrics.activity_indicators(second_half, comments)\n'
            'indicators = indicators.reset_index().set_index("brand")\n'
            'lumen_hours = round(indicators.at["lumen", "median_response_hours"], 2)',
        ],
        "wrong": [
            ('second_half = posts[posts["published_at"] >= "2025-07-01"]\n'
             'indicators = metrics.activity_indicators(second_half, comments)\n'
             'lumen_hours = indicators.loc["lumen", "median_response_hours"]', 0, "the recall weeks kept"),
            ('published = posts["published_at"]\n'
             'second_half = posts[(published < "2025-09-08") | (published >= "2025-09-29")]\n'
             'indicators = metrics.activity_indicators(second_half, comments)\n'
             'lumen_hours = indicators.loc["lumen", "median_response_hours"]', 0,
             "the whole year without the recall weeks"),
            ('published = posts["published_at"]\n'
             'ordinary = (published < "2025-09-08") | (published >= "2025-09-29")\n'
             'second_half = posts[(published >= "2025-07-01") & ordinary]\n'
             'indicators = metrics.activity_indicators(second_half, comments)\n'
             'lumen_hours = indicators["median_response_hours"].mean()', 1, "both brands averaged"),
        ],
    }},
    "04_relationships_and_influence": {
        "answering": {
            "right": [
                'answering_on_instagram = metrics.response_summary(comments, instagram)'
                '[["questions_answered", "median_response_hours"]]'
                '.sort_values("questions_answered", ascending=False)',
                'table = metrics.activity_indicators(instagram, comments)\n'
                'answering_on_instagram = table[["questions_answered", "median_response_hours"]]'
                '.sort_values("questions_answered", ascending=False).round(4)',
                'asked = comments.merge(instagram[["post_id", "brand"]], on="post_id")\n'
                'asked["hours"] = metrics.response_hours(asked)\n'
                'answering_on_instagram = pd.DataFrame({\n'
                '    "questions_answered": asked[asked["is_question"]]'
                '.groupby("brand", observed=True)["answered"].mean(),\n'
                '    "median_response_hours": asked.groupby("brand", observed=True)["hours"].median(),\n'
                '}).sort_values("questions_answered", ascending=False)',
            ],
            "wrong": [
                ('answering_on_instagram = metrics.response_summary(comments, posts)'
                 '[["questions_answered", "median_response_hours"]]'
                 '.sort_values("questions_answered", ascending=False)',
                 0, "every platform, not Instagram"),
                ('table = metrics.response_summary(comments, instagram)\n'
                 'answering_on_instagram = table[["response_rate", "median_response_hours"]]'
                 '.rename(columns={"response_rate": "questions_answered"})'
                 '.sort_values("questions_answered", ascending=False)',
                 0, "every comment answered, not the questions"),
                ('answering_on_instagram = metrics.response_summary(comments, instagram)'
                 '[["questions_answered", "median_response_hours"]].sort_values("questions_answered")', 1,
                 "lowest first"),
            ],
        },
        "outcome_at_12": {
            "right": [
                'outcome_at_12 = crisis.outcome_table(hours=(12,)).set_index("choice")'
                '[["reach", "won_back", "lowest_sentiment"]].sort_values("reach")',
                'table = crisis.outcome_table(hours=(12,)).sort_values("reach")\n'
                'outcome_at_12 = table.set_index("choice").loc[:, ["reach", "won_back", "lowest_sentiment"]]',
                'outcome_at_12 = pd.DataFrame({name: crisis.outcome(name, 12) for name in crisis.CHOICES}).T'
                '[["reach", "won_back", "lowest_sentiment"]].astype(float).sort_values("reach").round(3)',
            ],
            "wrong": [
                ('outcome_at_12 = crisis.outcome_table(hours=(6,)).set_index("choice")'
                 '[["reach", "won_back", "lowest_sentiment"]].sort_values("reach")', 0,
                 "hour 6, as in the lesson"),
                ('outcome_at_12 = crisis.outcome_table(hours=(12,)).set_index("choice")'
                 '[["reach", "won_back", "sentiment"]].rename(columns={"sentiment": "lowest_sentiment"})'
                 '.sort_values("reach")', 2, "the settled tone, not the worst day"),
                ('outcome_at_12 = crisis.outcome_table(hours=(12,)).set_index("choice")'
                 '[["reach", "won_back", "lowest_sentiment"]].sort_values("reach", ascending=False)', 2,
                 "largest reach first"),
            ],
        },
    },
    "05_metrics": {
        "rate_by_type": {
            "right": [
                'beacon_feed = beacon[beacon["mode"] == "broadcast"]\n'
                'rate_by_type = metrics.performance_by(beacon_feed, "content_type")["engagement_rate"]'
                '.sort_values(ascending=False)',
                'feed = beacon.query("mode == \'broadcast\'")\n'
                'sums = feed.assign(engaged=metrics.engagements(feed)).groupby("content_type", '
                'observed=True)[["engaged", "impressions"]].sum()\n'
                'rate_by_type = (sums["engaged"] / sums["impressions"]).sort_values(ascending=False)',
                'table = metrics.performance_by(beacon[beacon["mode"] != "reply"], "content_type")'
                '.reset_index()\n'
                'rate_by_type = table.set_index("content_type")["engagement_rate"].nlargest(len(table))',
            ],
            "wrong": [
                ('rate_by_type = metrics.performance_by(beacon, "content_type")["engagement_rate"]'
                 '.sort_values(ascending=False)', 0, "replies included"),
                ('beacon_feed = beacon[beacon["mode"] == "broadcast"]\n'
                 'rate_by_type = metrics.engagement_rate(beacon_feed).groupby(beacon_feed["content_type"], '
                 'observed=True).mean().sort_values(ascending=False)', 0, "mean of per-post rates"),
                ('beacon_feed = beacon[beacon["mode"] == "broadcast"]\n'
                 'rate_by_type = metrics.performance_by(beacon_feed, "content_type")["engagement_rate"]'
                 '.sort_values()', 1, "lowest first"),
            ],
        },
        "best_hour": {
            "right": [
                'feed = lumen_instagram[lumen_instagram["mode"] == "broadcast"]\n'
                'rate_by_hour = metrics.engagement_rate(feed).groupby(feed["published_at"].dt.hour)'
                '.median()\n'
                'best_hour = int(rate_by_hour.idxmax())\n'
                'fig = figures.finish(px.bar(x=rate_by_hour.index, y=rate_by_hour.to_numpy()), '
                'title="Instagram by hour", x_title="Hour", y_title="Median rate", alt="Bars by hour.")',
                'feed = lumen_instagram.query("mode == \'broadcast\'")\n'
                'hourly = feed.assign(hour=feed["published_at"].dt.hour,\n'
                'rate=metrics.engagement_rate(feed))\n'
                'rate_by_hour = hourly.groupby("hour")["rate"].median()\n'
                'best_hour = int(rate_by_hour.sort_values().index[-1])\n'
                'fig = figures.finish(px.bar(rate_by_hour.reset_index(), x="hour", y="rate"), '
                'title="By hour", x_title="Hour of day", y_title="Median engagement rate", '
                'alt="Bar chart of the median by hour.")',
                'import plotly.graph_objects as go\n'
                'feed = lumen_instagram.loc[lumen_instagram["mode"].eq("broadcast")]\n'
                'rate_by_hour = metrics.engagement_rate(feed).groupby(feed["published_at"].dt.hour)'
                '.median()\n'
                'best_hour = int(rate_by_hour.index[np.argmax(rate_by_hour.to_numpy())])\n'
                'fig = figures.finish(go.Figure(go.Bar(x=list(rate_by_hour.index), y=list(rate_by_hour))), '
                'title="Hours", x_title="Hour", y_title="Rate", alt="Median engagement rate for each hour.")',
            ],
            "wrong": [
                ('rate_by_hour = metrics.engagement_rate(lumen_instagram)'
                 '.groupby(lumen_instagram["published_at"].dt.hour).median()\n'
                 'best_hour = int(rate_by_hour.idxmax())\n'
                 'fig = figures.finish(px.bar(x=rate_by_hour.index, y=rate_by_hour.to_numpy()), '
                 'title="Instagram by hour", x_title="Hour", y_title="Median rate", alt="Bars by hour.")',
                 0, "replies included"),
                ('feed = lumen_instagram[lumen_instagram["mode"] == "broadcast"]\n'
                 'rate_by_hour = metrics.engagement_rate(feed).groupby(feed["published_at"].dt.hour)'
                '.median()\n'
                 'best_hour = int(rate_by_hour.idxmin())\n'
                 'fig = figures.finish(px.bar(x=rate_by_hour.index, y=rate_by_hour.to_numpy()), '
                 'title="Instagram by hour", x_title="Hour", y_title="Median rate", alt="Bars by hour.")',
                 2, "the worst hour"),
                ('feed = lumen_instagram[lumen_instagram["mode"] == "broadcast"]\n'
                 'rate_by_hour = metrics.engagement_rate(feed).groupby(feed["published_at"].dt.hour).mean()\n'
                 'best_hour = int(rate_by_hour.idxmax())\n'
                 'fig = px.bar(x=rate_by_hour.index, y=rate_by_hour.to_numpy())', 0,
                 "the mean, not the median, and a figure not finished"),
            ],
        },
    },
}

NUMERIC_MISTAKES = {
    "01_why_social_media": {"q6": 'round(lumen_mentions["brand_replied"].mean(), 3)'},  # spam left in
    "02_what_to_do": {"q5": 'round((posts[posts["brand"] == "beacon"]["content_type"] == "promotional")'
                            '.mean() * 100, 1)'},
    "03_existing_vs_living": {"q4": "round((3 + 2 + 4) / 3, 2)",
                              "q5": 'round((survey["commitment"] <= 3).mean() * 100, 1)'},
    "05_metrics": {"q3": 'round((lumen["clicks"] / lumen["impressions"]).mean() * 100, 2)',
                   "q8": 'round(metrics.follower_growth(followers, by="brand").set_index(["brand", "date"])'
                         '.loc[("beacon", "2025-06-01"), "growth_rate"] * 100, 2)'},
}
