"""Does the loader return typed tables, and does every kind of bad file get a clear message?"""

import pandas as pd
import pytest

from smcourse.core import data
from smcourse.core.data import DatasetError


def test_every_table_loads_with_schema_types(tables):
    posts = tables["posts"]
    assert isinstance(posts["brand"].dtype, pd.CategoricalDtype)
    assert list(posts["brand"].cat.categories) == ["lumen", "beacon"]
    assert str(posts["published_at"].dt.tz) == "America/New_York"
    assert posts["impressions"].dtype == "int64"
    assert tables["comments"]["is_question"].dtype == bool
    assert tables["comments"]["answered_at"].isna().sum() == (~tables["comments"]["answered"]).sum()
    assert pd.api.types.is_datetime64_any_dtype(tables["followers"]["date"])
    assert {name: len(frame) > 100 for name, frame in tables.items()} == dict.fromkeys(data.TABLES, True)


def test_comment_rows_match_post_comment_counts(tables):
    counted = tables["comments"].groupby("post_id").size()
    declared = tables["posts"].set_index("post_id")["comments"]
    assert counted.reindex(declared.index, fill_value=0).equals(declared)


def _corrupt(folder, table, line, column, value):
    path = folder / f"{table}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[line - 2, column] = value
    frame.to_csv(path, index=False)


@pytest.mark.parametrize(("column", "value", "expected"), [
    ("likes", "lots", "line 7, column 'likes': expected a whole number, found 'lots'"),
    ("likes", "-3", "line 7, column 'likes': -3 is outside the allowed range (minimum 0)"),
    ("impressions", "12.5", "line 7, column 'impressions': expected a whole number"),
    ("platform", "myspace", "line 7, column 'platform': 'myspace' is not one of"),
    ("published_at", "yesterday", "line 7, column 'published_at': expected a datetime"),
    ("text", "", "line 7, column 'text': a value is required but the cell is empty"),
    ("post_id", "P00001", "line 7, column 'post_id': 'P00001' appears twice"),
])
def test_a_bad_cell_is_reported_with_file_line_and_column(dataset_copy, column, value, expected):
    _corrupt(dataset_copy, "posts", 7, column, value)
    with pytest.raises(DatasetError) as raised:
        data.load("posts", dataset_copy)
    assert str(raised.value).startswith("posts.csv, ")
    assert expected in str(raised.value)


def test_a_bad_boolean_names_its_line(dataset_copy):
    _corrupt(dataset_copy, "comments", 3, "answered", "maybe")
    with pytest.raises(DatasetError, match=r"comments.csv, line 3, column 'answered': expected true"):
        data.load("comments", dataset_copy)


def test_a_missing_file_says_how_to_restore_it(dataset_copy):
    (dataset_copy / "mentions.csv").unlink()
    with pytest.raises(DatasetError, match=r"mentions.csv is missing.*smcourse data generate"):
        data.load("mentions", dataset_copy)


def test_a_missing_column_is_named(dataset_copy):
    path = dataset_copy / "survey.csv"
    pd.read_csv(path).drop(columns="planning").to_csv(path, index=False)
    with pytest.raises(DatasetError, match=r"survey.csv has no column 'planning'"):
        data.load("survey", dataset_copy)


def test_a_file_that_is_not_csv_is_reported(dataset_copy):
    (dataset_copy / "followers.csv").write_bytes(b'date,brand\n"unclosed,lumen\n\xff\xfe')
    with pytest.raises(DatasetError, match=r"followers.csv cannot be read as CSV"):
        data.load("followers", dataset_copy)


def test_an_unknown_table_lists_the_real_ones():
    with pytest.raises(DatasetError, match=r"no table called 'tweets'.*posts, followers"):
        data.load("tweets")


def test_a_learners_own_export_is_checked_like_the_course_data(tmp_path, tables):
    own = tmp_path / "my_posts.csv"
    tables["posts"].head(5).to_csv(own, index=False)
    loaded = data.load_csv(own, like="posts")
    assert loaded["likes"].tolist() == tables["posts"]["likes"].head(5).tolist()
    assert loaded["published_at"].equals(tables["posts"]["published_at"].head(5))


def test_an_export_without_the_optional_video_columns_loads(tmp_path, tables):
    own = tmp_path / "no_video.csv"
    tables["posts"].head(5).drop(columns=["video_seconds", "avg_watch_seconds"]).to_csv(own, index=False)
    loaded = data.load_csv(own, like="posts")
    assert loaded["video_seconds"].isna().all() and loaded["avg_watch_seconds"].isna().all()
    own.write_text(own.read_text().replace("likes,", "", 1))  # a required column is still required
    with pytest.raises(DatasetError, match="has no column 'likes'"):
        data.load_csv(own, like="posts")
