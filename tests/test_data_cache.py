"""Does `data.load` parse a table once per process without ever handing out a stale or shared one?

Grading relies on it: the warm zygote parses the tables before forking, and a grading worker's
referee loads them for every learner it judges.
"""

import pytest

from smcourse.core import data
from smcourse.core.data import DatasetError


def test_each_load_is_a_table_of_its_own(dataset_copy):
    first = data.load("followers", dataset_copy)
    first.loc[0, "followers"] = -1
    del first["lost"]
    second = data.load("followers", dataset_copy)
    assert second.loc[0, "followers"] == 6802 and "lost" in second.columns


def test_a_file_whose_bytes_change_is_read_again(dataset_copy):
    path = dataset_copy / "followers.csv"
    assert data.load("followers", dataset_copy).loc[0, "followers"] == 6802
    path.write_text(path.read_text(encoding="utf-8").replace("2025-01-01,lumen,instagram,6802,",
                                                             "2025-01-01,lumen,instagram,6904,", 1),
                    encoding="utf-8")
    assert data.load("followers", dataset_copy).loc[0, "followers"] == 6904
    path.write_text(path.read_text(encoding="utf-8").replace(",6904,", ",many,", 1), encoding="utf-8")
    with pytest.raises(DatasetError, match=r"followers.csv, line 2, column 'followers'"):
        data.load("followers", dataset_copy)
