"""Do the lessons run with the network cut off, and do their stored outputs load nothing from outside?"""

import re
import textwrap

import nbformat
import pytest

from smcourse import notebooks

# Installed as sitecustomize in the kernel: any connection or name lookup that is not loopback is
# written to a log and refused, so a notebook that reaches out fails and the test names the host.
GUARD = textwrap.dedent('''
    import os, socket
    _LOG = os.environ["SMCOURSE_NETWORK_LOG"]
    _LOCAL = {"127.0.0.1", "::1", "localhost", "0.0.0.0", ""}

    def _refuse(host):
        with open(_LOG, "a") as log:
            log.write(f"{host}\\n")
        raise OSError(f"network access to {host} is disabled in this test")

    _connect, _lookup = socket.socket.connect, socket.getaddrinfo

    def connect(self, address):
        if isinstance(address, tuple) and str(address[0]) not in _LOCAL:
            _refuse(address[0])
        return _connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and str(host) not in _LOCAL:
            _refuse(host)
        return _lookup(host, *args, **kwargs)

    socket.socket.connect, socket.getaddrinfo = connect, getaddrinfo
''')
EXTERNAL_LOAD = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import\s+url\(\s*["']?https?:""",
                           re.IGNORECASE)
LESSONS = notebooks.lessons()


@pytest.fixture
def offline_kernel(tmp_path, monkeypatch):
    """Kernels started in this test get the guard; returns the log of refused hosts."""
    (tmp_path / "sitecustomize.py").write_text(GUARD)
    log = tmp_path / "network.log"
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.setenv("SMCOURSE_NETWORK_LOG", str(log))
    return log


def test_the_guard_catches_a_notebook_that_reaches_out(offline_kernel, tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.org', timeout=2)\n"
        "except OSError:\n    pass")])
    path = tmp_path / "reaches_out.ipynb"
    nbformat.write(notebook, path)
    notebooks.execute(path)
    assert offline_kernel.read_text().split() == ["example.org"]


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=[path.stem for path in LESSONS])
def test_lesson_runs_offline(offline_kernel, lesson):
    notebooks.execute(lesson)
    assert not offline_kernel.exists(), f"{lesson.name} tried to reach {offline_kernel.read_text()}"


@pytest.mark.parametrize("lesson", LESSONS, ids=[path.stem for path in LESSONS])
def test_stored_outputs_load_nothing_from_the_network(lesson):
    notebook = nbformat.read(lesson, as_version=4)
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            for mime, content in output.get("data", {}).items():
                text = content if isinstance(content, str) else "".join(content)
                if mime.startswith("text/"):
                    assert not EXTERNAL_LOAD.search(text), f"cell {index} of {lesson.name} ({mime})"
