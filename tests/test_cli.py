"""Does the smcourse command report results and problems as a person would want them?"""

import shutil

from smcourse import cli
from smcourse.core import data


def test_data_check_counts_rows(capsys):
    assert cli.main(["data", "check"]) == 0
    assert f"posts: {len(data.load('posts')):,} rows, schema ok" in capsys.readouterr().out


def test_data_check_on_a_damaged_file_prints_the_problem_not_a_traceback(tmp_path, monkeypatch,
                                                                         capsys):
    shutil.copytree(data.datasets_dir(), tmp_path / "d")
    (tmp_path / "d" / "posts.csv").unlink()
    monkeypatch.setenv("SMCOURSE_DATASETS", str(tmp_path / "d"))
    assert cli.main(["data", "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("smcourse: ") and "posts.csv is missing" in err and "Traceback" not in err


def _commands(parser, path=()):
    """Every runnable command of the parser, as (words, its sub-parser)."""
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    if not actions:
        yield path, parser
        return
    for name, sub in actions[0].choices.items():
        yield from _commands(sub, (*path, name))


def test_every_command_has_help_with_an_example():
    commands = dict(_commands(cli.parser()))
    assert ("assignments", "grade") in commands and len(commands) >= 8
    for words, sub in commands.items():
        text = " ".join(sub.format_help().split())  # argparse wraps the epilog
        assert "example" in text and "smcourse " + " ".join(words) in text, words
