"""Does the smcourse command report results and problems as a person would want them?"""

import shutil

from smcourse import cli, data


def test_data_check_counts_rows(capsys):
    assert cli.main(["data", "check"]) == 0
    assert "posts: 1,955 rows, schema ok" in capsys.readouterr().out


def test_data_check_on_a_damaged_file_prints_the_problem_not_a_traceback(tmp_path, monkeypatch,
                                                                         capsys):
    shutil.copytree(data.datasets_dir(), tmp_path / "d")
    (tmp_path / "d" / "posts.csv").unlink()
    monkeypatch.setenv("SMCOURSE_DATASETS", str(tmp_path / "d"))
    assert cli.main(["data", "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("smcourse: ") and "posts.csv is missing" in err and "Traceback" not in err
