"""A real JupyterHub on 127.0.0.1, with hub/jupyterhub_config.py, one instructor and two learners,
driven in chromium: the instructor releases an assignment; each learner fetches it from the
Assignments tab, answers widgets and code, submits; the instructor collects, grades with
`smcourse assignments grade`, releases feedback; each learner fetches a feedback page with their own
score. Run once with the gradebook on SQLite and once on a PostgreSQL server the test starts.

Only the log-in and the accounts differ from a workshop server: JupyterHub's DummyAuthenticator and
SimpleLocalProcessSpawner (every server runs as this test's user, each person in a home of their
own under a temporary folder), because a test must not create Linux accounts. The proxy is
configurable-http-proxy from npm (`make proxy`), PostgreSQL is Debian's (`make postgresql`).
The instructor's steps are the commands the grading guide gives, typed in the instructor's
environment as a terminal on the hub would run them.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from e2e_lab import (
    _write_settings,
    chromium,
    code_cell,
    free_port,
    run_all_cells,
    save_and_close,
    screenshot,
    stop,
    type_code,
    wait_for_kernel,
)
from test_e2e import ADA, ASSIGNMENT, AUTOMATIC, BEN, Q1, Q2, Q3, USES, _lumen_reply_share

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PROXY = ROOT / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
INSTRUCTOR, LEARNERS = "instructor", {"ana": ADA, "ben": BEN}
PASSWORD = secrets.token_hex(8)


def _wait(url: str, seconds: float, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited:\n{log.read_text()[-4000:]}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=2):
                return
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s:\n{log.read_text()[-4000:]}")


@contextlib.contextmanager
def postgresql(folder: Path):
    """A PostgreSQL server of Debian's package on a private socket (no TCP), run as the `postgres`
    account when this test is root; yields a database URL for the gradebook."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL is not installed: run `make postgresql` (apt-get install postgresql)")
    tools = Path(found[-1]).parent
    data, socket = folder / "pgdata", folder / "pgsocket"
    data.mkdir()
    socket.mkdir()
    as_user = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(data, "postgres")
        shutil.chown(socket, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*as_user, str(tools / "initdb"), "-D", str(data), "-U", "grader", "--auth=trust"],
                   check=True, capture_output=True)
    port = free_port()
    log = folder / "postgres.log"
    with log.open("w") as output:
        server = subprocess.Popen([*as_user, str(tools / "postgres"), "-D", str(data), "-p", str(port),
                                   "-k", str(socket), "-c", "listen_addresses="],
                                  stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while subprocess.run([str(tools / "pg_isready"), "-h", str(socket), "-p", str(port)],
                             capture_output=True).returncode != 0:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        subprocess.run([str(tools / "createdb"), "-h", str(socket), "-p", str(port), "-U", "grader",
                        "smcourse"], check=True, capture_output=True)
        yield f"postgresql+psycopg2://grader@/smcourse?host={socket}&port={port}"
    finally:
        stop(server)


class Hub:
    def __init__(self, url: str, folder: Path, environment: dict):
        self.url, self.folder, self.environment = url, folder, environment

    def home(self, user: str) -> Path:
        return self.folder / "homes" / user

    def instructor(self, *command: str, check: bool = True) -> str:
        """A command in the instructor's course folder, in the environment the hub gives them."""
        env = {**os.environ, **self.environment, "HOME": str(self.home(INSTRUCTOR)),
               "USER": INSTRUCTOR, "JUPYTERHUB_USER": INSTRUCTOR, "SMCOURSE_ROLE": "instructor"}
        result = subprocess.run(list(command), cwd=self.home(INSTRUCTOR) / "course", env=env,
                                capture_output=True, text=True, timeout=600)
        if check and result.returncode != 0:
            raise AssertionError(f"{command} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        return result.stdout + result.stderr


@contextlib.contextmanager
def jupyterhub(folder: Path, gradebook: str):
    """JupyterHub from hub/jupyterhub_config.py on 127.0.0.1, with throwaway log-ins."""
    if not PROXY.exists():
        pytest.fail("configurable-http-proxy is missing: run `make proxy` (npm install into hub/)")
    port = free_port()
    environment = {
        "SMCOURSE_INSTRUCTORS": INSTRUCTOR, "SMCOURSE_LEARNERS": ",".join(LEARNERS),
        "SMCOURSE_EXCHANGE": str(folder / "exchange"), "SMCOURSE_HOMES": str(folder / "homes" / "{username}"),
        "SMCOURSE_GRADEBOOK": gradebook, "SMCOURSE_HUB_DB": f"sqlite:///{folder / 'hub.sqlite'}",
        "SMCOURSE_HUB_URL": f"http://127.0.0.1:{port}", "JUPYTER_CONFIG_PATH": str(ROOT / "hub" / "jupyter"),
    }
    for user in [INSTRUCTOR, *LEARNERS]:
        # JupyterLab as the other browser tests see it: no news, every cell kept in the page
        _write_settings(folder / "homes" / user / ".jupyter" / "lab" / "user-settings")
    config = folder / "jupyterhub_config.py"
    config.write_text(f"""
c = get_config()
load_subconfig({str(ROOT / 'hub' / 'jupyterhub_config.py')!r})
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(folder / 'homes' / '{username}')!r}
c.Spawner.args = {['--allow-root'] if os.geteuid() == 0 else []!r}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.ConfigurableHTTPProxy.pid_file = {str(folder / 'proxy.pid')!r}
c.JupyterHub.cookie_secret_file = {str(folder / 'cookie_secret')!r}
c.JupyterHub.cleanup_servers = True
""")
    log = folder / "hub.log"
    env = {**os.environ, **environment, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    with log.open("w") as output:
        process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=folder, env=env,
                                   stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait(f"http://127.0.0.1:{port}/hub/api", 90, process, log)
        yield Hub(f"http://127.0.0.1:{port}", folder, environment)
    finally:
        stop(process)
        # JupyterHub stops the servers it started; a leftover one (a hub that died) goes too
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, 15)
        (ROOT / "tests" / "artifacts").mkdir(exist_ok=True)
        shutil.copy(log, ROOT / "tests" / "artifacts" / f"hub_{'postgresql' if gradebook else 'sqlite'}.log")


def log_in(hub: Hub, browser, user: str):
    """A browser context of `user`'s own, logged in, with JupyterLab open (the server started)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.locator("#username_input").fill(user)
    page.locator("#password_input").fill(PASSWORD)
    page.locator("#login_submit").click()
    page.locator("#jp-main-dock-panel").wait_for(timeout=120_000)
    return context, page


def assignments_tab(page):
    """Nbgrader → Assignment List, showing `ASSIGNMENT` in one of its lists."""
    page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
    page.get_by_role("menuitem", name="Assignment List", exact=True).click()
    page.locator("#released_assignments_list").wait_for()
    return page


def row(page, listing: str):
    return page.locator(f"#{listing} .list_item:not(.nested_list_item)").filter(has_text=ASSIGNMENT).first


def answer(hub: Hub, context, user: str, answers: dict) -> None:
    """Open the fetched notebook, answer the widgets by clicking and the code by typing, save."""
    page = context.new_page()
    notebook = f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
    page.goto(f"{hub.url}/user/{user}/lab/workspaces/hub-{secrets.token_hex(3)}/tree/{notebook}")
    page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
    wait_for_kernel(page)
    run_all_cells(page)
    graded = page.locator(".smcourse-graded")
    graded.filter(has_text=Q1).get_by_role("radio", name=answers["q1"], exact=True).check()
    for use in USES:
        graded.filter(has_text=Q2).get_by_role("checkbox", name=use, exact=True).check()
    graded.filter(has_text=Q3).get_by_role("textbox").press_sequentially(_lumen_reply_share())
    type_code(code_cell(page, "mentions_by_platform = ..."), answers["code"])
    screenshot(page, f"hub_answered_{user}")
    save_and_close(page)


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_class_on_jupyterhub_from_release_to_feedback(database, browser):
    folder = Path(tempfile.mkdtemp(prefix="smcourse-hub-"))
    os.chmod(folder, 0o755)
    try:
        with contextlib.ExitStack() as stack:
            gradebook = stack.enter_context(postgresql(folder)) if database == "postgresql" else ""
            hub = stack.enter_context(jupyterhub(folder, gradebook))
            _whole_cycle(hub, browser, database)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _whole_cycle(hub: Hub, browser, database: str) -> None:
    # The instructor logs in (their course folder appears) and releases the assignment
    teacher, teacher_page = log_in(hub, browser, INSTRUCTOR)
    assert (hub.home(INSTRUCTOR) / "course" / "solutions" / ASSIGNMENT).is_dir()
    hub.instructor(str(BIN / "smcourse"), "assignments", "release", ASSIGNMENT, "--course", ".")
    hub.instructor(str(BIN / "nbgrader"), "release_assignment", ASSIGNMENT, "--force")
    teacher_page.goto(f"{hub.url}/user/{INSTRUCTOR}/formgrader")
    teacher_page.get_by_text(ASSIGNMENT).first.wait_for()  # formgrader knows it, from the gradebook
    screenshot(teacher_page, f"hub_formgrader_{database}")

    # Each learner fetches it in the Assignments tab, answers, and submits there
    learners = {}
    for user, answers in LEARNERS.items():
        context, page = log_in(hub, browser, user)
        learners[user] = (context, page)
        assert not (hub.home(user) / "solutions").exists()
        assert (hub.home(user) / "smcourse" / "course" / "00_welcome.ipynb").is_file()
        assignments_tab(page)
        row(page, "released_assignments_list").get_by_role("button", name="Fetch", exact=True).first.click()
        row(page, "fetched_assignments_list").wait_for()
        screenshot(page, f"hub_fetched_{user}_{database}")
        answer(hub, context, user, answers)
        page = context.new_page()
        page.goto(f"{hub.url}/user/{user}/lab")
        assignments_tab(page)
        row(page, "fetched_assignments_list").get_by_role("button", name="Submit", exact=True).first.click()
        row(page, "submitted_assignments_list").wait_for(timeout=60_000)
        learners[user] = (context, page)

    # The instructor collects, grades in the sandbox, writes and releases the feedback
    hub.instructor(str(BIN / "nbgrader"), "collect", ASSIGNMENT)
    for user in LEARNERS:
        assert (hub.home(INSTRUCTOR) / "course" / "submitted" / user / ASSIGNMENT / "answers.json").is_file()
    graded = hub.instructor(str(BIN / "smcourse"), "assignments", "grade", ASSIGNMENT, "--course", ".",
                            "--workers", "2")
    hub.instructor(str(BIN / "smcourse"), "assignments", "feedback", ASSIGNMENT, "--course", ".")
    hub.instructor(str(BIN / "nbgrader"), "release_feedback", ASSIGNMENT)
    expected = {"ana": 5, "ben": 3}
    for user, score in expected.items():
        assert f"{user}: {score:g} / {AUTOMATIC} automatic points" in graded, graded
    gradebook_file = hub.home(INSTRUCTOR) / "course" / "gradebook.db"
    assert gradebook_file.exists() == (database == "sqlite")
    if database == "postgresql":
        from nbgrader.api import Gradebook

        with Gradebook(hub.environment["SMCOURSE_GRADEBOOK"], "smcourse") as book:
            scores = {user: book.find_submission(ASSIGNMENT, user).score for user in LEARNERS}
        assert scores == expected

    # Each learner fetches their feedback in the Assignments tab and reads their own score
    for user, (context, page) in learners.items():
        page.reload()
        assignments_tab(page)
        submitted = row(page, "submitted_assignments_list")
        submitted.get_by_role("button", name="Fetch Feedback", exact=True).first.click()
        submitted.get_by_text("(view feedback)").first.wait_for(timeout=60_000)
        pages = list((hub.home(user) / ASSIGNMENT / "feedback").rglob(f"{ASSIGNMENT}.html"))
        assert len(pages) == 1
        relative = pages[0].relative_to(hub.home(user))
        view = context.new_page()
        view.goto(f"{hub.url}/user/{user}/files/{relative}")
        text = view.locator("body").inner_text()
        assert f"feedback for {user}" in text
        assert f"Score: {expected[user]:g} of " in text, text[:500]
        other = next(name for name in LEARNERS if name != user)
        assert other not in text
        screenshot(view, f"hub_feedback_{user}_{database}")
        context.close()
    teacher.close()
