"""Do the lessons run with the network cut off, and do their stored outputs load nothing from outside?

Each lesson runs once per `make test`: nbval's run of it is under the network guard (conftest.py),
which fails the cell during which the lesson reached out. These tests prove the guard works."""

import re

import nbformat
import pytest
from conftest import ROOT, guard_environment

from smcourse.core import notebooks

EXTERNAL_LOAD = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import\s+url\(\s*["']?https?:""",
                           re.IGNORECASE)
LESSONS = notebooks.lessons()
REACHES_OUT = ("import urllib.request\ntry:\n    urllib.request.urlopen('http://example.org', timeout=2)\n"
               "except OSError:\n    pass")


@pytest.fixture
def offline_kernel(tmp_path, monkeypatch):
    """Kernels started in this test get the guard; returns the log of refused hosts."""
    log = tmp_path / "network.log"
    for name, value in guard_environment(tmp_path, log).items():
        monkeypatch.setenv(name, value)
    return log


def test_the_guard_catches_a_notebook_that_reaches_out(offline_kernel, tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(REACHES_OUT)])
    path = tmp_path / "reaches_out.ipynb"
    nbformat.write(notebook, path)
    notebooks.execute(path)
    assert offline_kernel.read_text().split() == ["example.org"]


@pytest.mark.slow
def test_nbval_fails_a_lesson_that_reaches_out_even_quietly(pytester):
    """nbval under the kit's conftest fails the cell that tried, though the cell caught the error."""
    pytester.makeconftest((ROOT / "tests" / "conftest.py").read_text())
    pytester.makepyfile(e2e_lab=(ROOT / "tests" / "e2e_lab.py").read_text())  # the conftest imports it
    nbformat.write(nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("1 + 1", outputs=[nbformat.v4.new_output(
            "execute_result", data={"text/plain": "2"}, execution_count=1)], execution_count=1),
        nbformat.v4.new_code_cell(REACHES_OUT, execution_count=2)]), pytester.path / "lesson.ipynb")
    result = pytester.runpytest_subprocess("--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
                                           "lesson.ipynb")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*lesson.ipynb tried to reach example.org (lessons must run offline)*"])


@pytest.mark.parametrize("lesson", LESSONS, ids=[path.stem for path in LESSONS])
def test_stored_outputs_load_nothing_from_the_network(lesson):
    notebook = nbformat.read(lesson, as_version=4)
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            for mime, content in output.get("data", {}).items():
                text = content if isinstance(content, str) else "".join(content)
                if mime.startswith("text/"):
                    assert not EXTERNAL_LOAD.search(text), f"cell {index} of {lesson.name} ({mime})"
