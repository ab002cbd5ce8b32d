"""Does a learner's own analytics export become a baseline, and does a bad file get a clear word?"""

import pandas as pd
import pytest

from smcourse.plan_import import ImportFileError, baseline, format_of, read_export, recognise

# Three posts: 60 engagements and 6 clicks over 2,000 impressions -> 3% and 0.3%, pooled.
META = pd.DataFrame({
    "Post ID": ["1", "2", "3"], "Publish time": ["01/05/2026 09:00", "01/07/2026 12:30",
                                                 "01/09/2026 18:00"],
    "Impressions": ["1,000", "900", "100"], "Reach": ["800", "700", "90"],
    "Reactions": ["20", "15", "5"], "Comments": ["5", "3", "2"], "Shares": ["4", "4", "2"],
    "Link clicks": ["3", "2", "1"]})
LINKEDIN_ROWS = [
    ["All posts: impressions, clicks and reactions for your page's posts", "", "", "", "", "", ""],
    ["Post title", "Created date", "Impressions", "Clicks", "Likes", "Comments", "Reposts"],
    ["Hiring a roaster", "01/05/2026", "1500", "5", "30", "6", "4"],
    ["Wholesale open day", "01/12/2026", "500", "1", "15", "3", "2"]]


def _rates(posts):
    return baseline(posts)[["engagement_rate", "click_through_rate"]].tolist()


def test_a_meta_business_suite_csv_is_recognised_and_pooled(tmp_path):
    path = tmp_path / "meta.csv"
    META.to_csv(path, index=False)
    table = read_export(path)
    assert format_of(table) == "Meta Business Suite"
    assert _rates(recognise(table)) == [3.0, 0.3]


def test_meta_s_renamed_views_column_counts_as_impressions(tmp_path):
    path = tmp_path / "meta.csv"
    META.rename(columns={"Impressions": "Views"}).to_csv(path, index=False)
    assert _rates(recognise(read_export(path))) == [3.0, 0.3]


def test_a_linkedin_excel_export_with_a_line_above_its_header_is_recognised(tmp_path):
    path = tmp_path / "linkedin.xlsx"
    pd.DataFrame(LINKEDIN_ROWS).to_excel(path, index=False, header=False)
    table = read_export(path)
    assert format_of(table) == "LinkedIn page"
    # 60 likes + comments + reposts over 2,000 impressions; 6 clicks
    assert _rates(recognise(table)) == [3.0, 0.3]


def test_any_other_table_is_imported_through_a_column_mapping(tmp_path):
    path = tmp_path / "tool.csv"
    pd.DataFrame({"Seen": [1500, 500], "Hearts": [40, 5], "Replies": [5, 4],
                  "Boosts": [5, 1]}).to_csv(path, index=False)
    table = read_export(path)
    assert format_of(table) is None
    with pytest.raises(ImportFileError, match="map its columns to impressions, likes"):
        recognise(table)
    mapping = {"Seen": "impressions", "Hearts": "likes", "Replies": "comments", "Boosts": "shares"}
    assert baseline(recognise(table, mapping)).to_dict() == {"engagement_rate": 3.0}


@pytest.mark.parametrize("mapping, message", [
    ({"Seen": "impressions", "Hearts": "likes"}, "Map a column to comments, shares"),
    ({"Seen": "impressions", "Hearts": "favourites"}, "favourites is not a column"),
    ({"Watched": "impressions"}, "The file has no column Watched"),
])
def test_a_mapping_that_cannot_give_a_baseline_says_why(mapping, message):
    table = pd.DataFrame({"Seen": ["10"], "Hearts": ["1"]})
    with pytest.raises(ImportFileError, match=message):
        recognise(table, mapping)


def test_a_totals_row_is_named_not_silently_counted(tmp_path):
    path = tmp_path / "meta.csv"
    with_total = pd.concat([META, pd.DataFrame({"Post ID": ["Total"], "Impressions": ["n/a"]})])
    with_total.to_csv(path, index=False)
    with pytest.raises(ImportFileError, match="Some values of impressions, reach, likes, comments, "
                                              "shares, clicks are not numbers"):
        recognise(read_export(path))


@pytest.mark.parametrize("name, content, message", [
    ("notes.txt", b"hello", "neither a CSV nor an Excel"),
    ("broken.xlsx", b"not a spreadsheet", "could not be read as a table"),
    ("empty.csv", b"", "could not be read as a table"),
])
def test_a_file_that_is_not_a_table_gets_a_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        read_export(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ImportFileError, match="There is no file gone.csv here"):
        read_export(tmp_path / "gone.csv")
