"""Shared fixtures: the course tables, loaded once per test session; a JupyterLab serving a copy of
the course and the chromium that drives it, once per test file; and the network guard that every
lesson's nbval kernel runs under, so each lesson is executed once per `make test` and that one run
checks both its stored outputs and that it reaches nothing outside the machine."""

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest
from e2e_lab import chromium, course_copy, lab_server
from hypothesis import settings

from smcourse.core import data

# Property tests draw the same examples on every run, so `make test` never fails by chance;
# `HYPOTHESIS_PROFILE=explore make test` searches with new examples each time.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

pytest_plugins = ["pytester"]
ROOT = Path(__file__).resolve().parents[1]
# Installed as sitecustomize in a kernel: any connection or name lookup that is not loopback is
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


_GUARD_FOLDER = pytest.StashKey[str]()  # where this session's nbval kernels keep guard and logs


def guard_environment(folder: Path, log: Path) -> dict[str, str]:
    """The environment variables that start a kernel under the guard, which logs to `log`."""
    (folder / "sitecustomize.py").write_text(GUARD)
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")])),
            "SMCOURSE_NETWORK_LOG": str(log)}


def _nbval_log(item) -> Path | None:
    """Where the guard of an nbval cell's notebook logs refused hosts (None for other tests)."""
    if type(item).__name__ != "IPyNbCell":
        return None
    folder = Path(item.config.stash.setdefault(_GUARD_FOLDER, tempfile.mkdtemp(prefix="smcourse-offline-")))
    return folder / f"{Path(str(item.parent.fspath)).stem}.log"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    """nbval starts a notebook's kernel while setting up its first cell: start it under the guard."""
    log = _nbval_log(item)
    if log is None or item.parent.kernel is not None:
        yield
        return
    saved = {name: os.environ.get(name) for name in ("PYTHONPATH", "SMCOURSE_NETWORK_LOG")}
    os.environ.update(guard_environment(log.parent, log))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.hookimpl(trylast=True)
def pytest_runtest_call(item):
    """Fail the nbval cell during which its notebook tried to reach the network, naming the host."""
    log = _nbval_log(item)
    if log is not None and log.exists():
        hosts = log.read_text().split()
        log.unlink()
        pytest.fail(f"{Path(str(item.parent.fspath)).name} tried to reach {', '.join(hosts)} "
                    "(lessons must run offline)", pytrace=False)


def pytest_unconfigure(config):
    if _GUARD_FOLDER in config.stash:
        shutil.rmtree(config.stash[_GUARD_FOLDER], ignore_errors=True)


@pytest.fixture(scope="session")
def tables():
    return {name: data.load(name) for name in data.TABLES}


@pytest.fixture
def dataset_copy(tmp_path):
    """A writable copy of datasets/ that a test may damage."""
    target = tmp_path / "datasets"
    shutil.copytree(data.datasets_dir(), target)
    return target


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a writable copy of the course, shared by one test file's tests."""
    with lab_server(course_copy(tmp_path_factory.mktemp("lab"))) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, shared by one test file's tests."""
    with chromium() as running:
        yield running
