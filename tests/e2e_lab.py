"""A real JupyterLab driven by Debian chromium through Playwright, for the browser tests and the
feedback-latency benchmark.

    with lab_server(root) as lab, chromium() as browser:
        with lab.run(browser, "00_welcome.ipynb") as page:  # every cell run
            ...

The server listens on 127.0.0.1 on a free port with a random token, keeps its config, runtime,
settings and workspaces in a temporary folder (news and update checks off, every cell in the DOM),
and is shut down on exit. Nothing here touches the network beyond that local server.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "artifacts"
# axe-core, vendored by `make book` (the Makefile's $(VENDOR) target), as the site's tests use it.
AXE = ROOT / "book" / "_vendor" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# JupyterLab settings for the test server: no news or update checks (they phone home and their
# toast can cover buttons), the notebook's own kernel started without asking, and every cell kept
# in the DOM so widgets and figures draw off screen.
SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none",
                                                "autoStartDefaultKernel": True},
}
CELL_TIMEOUT_MS = 480_000  # Run All on the capstone lesson: 52 s alone, over 240 s beside the hub tests
FEEDBACK_LIMIT_MS = 15_000
# A learner reads the answer they chose before pressing Check. Without a pause, ipywidgets may
# still hold the choice back (it throttles a model's updates while the kernel is busy) when the
# click, which is never held back, reaches the kernel.
THINK_MS = 300
WIDGET_PROBLEMS = ["Error displaying widget", "Loading widget...", "could not be displayed",
                   "Could not find", "No renderer could be found",
                   "Click to show javascript error"]  # ipywidgets' ErrorWidgetView, its broken icon


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Lab:
    """A running JupyterLab: where it serves, with what token, from which folder."""

    url: str
    token: str
    root: Path

    def open(self, browser: Browser, notebook: str) -> Page:
        """A new tab showing only `notebook` (a path under the server's root), its kernel idle."""
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(60_000)
        # A workspace of its own, so JupyterLab does not restore another tab's notebooks here.
        workspace = f"e2e-{secrets.token_hex(4)}"
        page.goto(f"{self.url}/lab/workspaces/{workspace}/tree/{notebook}?token={self.token}")
        page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
        wait_for_kernel(page)
        return page

    @contextlib.contextmanager
    def run(self, browser: Browser, notebook: str) -> Iterator[Page]:
        """`notebook` open in a new tab with every cell run in a fresh kernel; on exit the tab
        closes and the kernel shuts down, so the next run of `notebook` starts afresh."""
        page = self.open(browser, notebook)
        try:
            run_all_cells(page)
            yield page
        finally:
            page.close()
            self.shut_down(notebook)

    def shut_down(self, notebook: str) -> None:
        """End the sessions (and so the kernels) the server holds for `notebook`."""
        def call(method: str, path: str) -> bytes:
            request = urllib.request.Request(f"{self.url}/api/sessions{path}", method=method,
                                             headers={"Authorization": f"token {self.token}"})
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read()

        for session in json.loads(call("GET", "")):
            if session["path"] == notebook:
                call("DELETE", f"/{session['id']}")


def _write_settings(folder: Path) -> None:
    for name, values in SETTINGS.items():
        target = folder / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")


def _wait_until_up(lab: Lab, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{lab.url}/api/status?token={lab.token}", timeout=2):
                return
        time.sleep(0.3)
    raise RuntimeError(f"JupyterLab did not answer within {seconds} s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def lab_server(root: Path) -> Iterator[Lab]:
    """JupyterLab serving `root` on 127.0.0.1, a free port and a random token; stopped on exit."""
    home = Path(tempfile.mkdtemp(prefix="smcourse-lab-"))
    _write_settings(home / "settings")
    env = {**os.environ,
           "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces")}
    port, token = free_port(), secrets.token_hex(16)
    lab = Lab(f"http://127.0.0.1:{port}", token, root)
    command = [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser",
               "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = home / "server.log"
    with log.open("w") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(lab, process, log)
        yield lab
    finally:
        stop(process)
        shutil.rmtree(home, ignore_errors=True)


def stop(process: subprocess.Popen, seconds: float = 30) -> None:
    """End a server the tests started: politely, then for good after `seconds`."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's chromium, headless, with its own network chatter switched off."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def course_copy(target: Path, root: Path = ROOT) -> Path:
    """A writable copy under `target` of the course folder `root`: lessons, assignments (sources,
    student versions and nbgrader's configuration) and datasets, without learners' files."""
    for folder in ("course", "solutions", "exercises", "datasets"):
        if (root / folder).is_dir():
            shutil.copytree(root / folder, target / folder,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "*.plan.*",
                                                          "answers.json"))
    if (root / "nbgrader_config.py").is_file():
        shutil.copy(root / "nbgrader_config.py", target)
    return target


def run_all_cells(page: Page) -> None:
    """Run → Run All Cells, and wait until every stored output has been replaced, no cell is still
    queued or running, and the kernel is idle."""
    page.evaluate("""() => document.querySelectorAll('.jp-OutputArea-child')
                                   .forEach(child => child.dataset.e2eStale = 'yes')""")
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    wait_for_kernel(page)


def wait_for_kernel(page: Page) -> None:
    """Wait until no cell shows a `[*]` prompt or an output marked stale, and the kernel is idle.
    Fails at once, with the error, if Run All stopped at a cell that raised; on timeout, says
    what was still pending."""
    try:
        state = page.wait_for_function(_KERNEL_STATE, arg=False, timeout=CELL_TIMEOUT_MS,
                                       polling=200).json_value()
    except PlaywrightTimeoutError as timeout:
        raise AssertionError(f"the notebook did not finish: {page.evaluate(_KERNEL_STATE, True)}") \
            from timeout
    assert state == "done", f"Run All stopped at a cell that raised: {state}"


# "done" when idle with no cell running or queued and no stale output left; "halted" and the
# error when idle with stale outputs left behind a cell that raised in this run; else null, or
# with `describe` what is pending.
_KERNEL_STATE = """describe => {
    const busy = [...document.querySelectorAll('.jp-InputArea-prompt')]
        .filter(prompt => prompt.textContent.includes('*')).length;
    const status = [...document.querySelectorAll('.jp-StatusBar-TextItem')]
        .map(item => item.textContent.trim()).find(text => text.includes('|')) || 'no kernel status';
    const stale = document.querySelectorAll('[data-e2e-stale]').length;
    const idle = status.endsWith('| Idle') && busy === 0;
    const error = [...document.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
        .find(output => output.closest('[data-e2e-stale]') === null);
    if (idle && stale === 0) return 'done';
    if (idle && error) return `halted: ${error.textContent.slice(-600)}`;
    return describe ? `${busy} cells running or queued, ${stale} stale outputs, kernel: ${status}` : null;
}"""


def widget_problems(page: Page) -> list[str]:
    """The messages JupyterLab shows instead of a widget or a rich output, if any, and the
    JavaScript error behind each widget that failed to draw, in a tab shown or hidden."""
    text = page.locator(".jp-OutputArea").all_inner_texts()
    return ([problem for problem in WIDGET_PROBLEMS if any(problem in block for block in text)]
            + page.evaluate(_FAILED_VIEWS))


# ipywidgets draws a view whose render() threw as an icon that shows the error when clicked.
_FAILED_VIEWS = """() => [...document.querySelectorAll('.jp-OutputArea .jupyter-widgets-error-widget')]
    .map(icon => { icon.parentElement.click(); return icon.textContent.trim().slice(0, 600); })"""


# axe over the notebook's outputs only (what the kit shows: cards, forms, figures, tables), not
# JupyterLab's own menus, toolbars and editors.
_AXE_OUTPUTS = """async tags => {
    const outputs = [...document.querySelectorAll('.jp-Notebook .jp-OutputArea-output')];
    if (outputs.length === 0) return [];
    const result = await axe.run(outputs, {runOnly: {type: 'tag', values: tags},
                                           resultTypes: ['violations']});
    return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                        targets: v.nodes.map(n => n.target.join(' ')),
                                        html: v.nodes.map(n => n.html.slice(0, 300))}));
}"""


def axe_violations(page: Page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations of `impacts` among the notebook's outputs, each with
    its rule id, impact, help text and the elements (`targets`) that break it."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    violations = page.evaluate(_AXE_OUTPUTS, AXE_TAGS)
    return [violation for violation in violations if violation["impact"] in impacts]


def screenshot(view: Page | Locator, name: str) -> Path:
    """Save what the learner sees now (the window, or one widget) as tests/artifacts/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    view.screenshot(path=path)
    return path


def practice_card(page: Page, prompt: str) -> Locator:
    """The practice check whose prompt contains `prompt`, scrolled into view."""
    card = page.locator(".smcourse-practice").filter(has_text=prompt)
    card.scroll_into_view_if_needed()
    return card


# Armed before a click: records performance.now() when the click reaches `root` (capture phase)
# and resolves with the milliseconds until the DOM under `root` shows a new `selector` text (or
# fails after `limit` ms).
_ARM = """(root, [selector, limit]) => {
    const text = () => root.querySelector(selector)?.textContent ?? '';
    const before = text();
    window.__e2eLatency = new Promise((resolve, reject) => {
        let clickedAt = null;
        setTimeout(() => reject(new Error(`no new ${selector} within ${limit} ms of the click`)),
                   limit);
        root.addEventListener('click', () => { clickedAt = performance.now(); },
                              {capture: true, once: true});
        const observer = new MutationObserver(() => {
            if (clickedAt !== null && text() !== '' && text() !== before) {
                observer.disconnect();
                resolve({ms: performance.now() - clickedAt, text: text()});
            }
        });
        observer.observe(root, {childList: true, subtree: true, characterData: true});
    });
}"""


def click_and_time(root: Locator, button: Locator, selector: str) -> tuple[float, str]:
    """Click `button` for real; return the in-page milliseconds from the click until the text of
    `selector` under `root` changes, and the new text."""
    root.evaluate(_ARM, [selector, FEEDBACK_LIMIT_MS])
    button.click()
    result = root.page.evaluate("() => window.__e2eLatency")
    return result["ms"], result["text"]


def check_answer(card: Locator, option: str) -> tuple[float, str, str]:
    """Choose `option` of a Choice card and press Check; return the latency, the feedback's status
    (correct, incorrect, invalid) and its text."""
    card.get_by_role("radio", name=option, exact=True).check()
    card.page.wait_for_timeout(THINK_MS)
    wait_for_kernel(card.page)
    ms, text = click_and_time(card, card.get_by_role("button", name="Check"), ".smcourse-feedback")
    status = card.locator(".smcourse-feedback").get_attribute("class").split()[-1]
    return ms, status.removeprefix("smcourse-"), text


# Lesson 00's first practice check, with one wrong and the right option.
WELCOME = "course/00_welcome.ipynb"
CHECK_PROMPT = "What happens when you press Check"
WRONG = "The notebook is handed in as your assignment"
RIGHT = "You see at once whether you are right; nothing is marked"
# The baseline: a bare ipywidgets button whose click handler changes an HTML widget.
BARE_ROUNDTRIP = """import ipywidgets as w

clicks = 0
button = w.Button(description="Ping")
reply = w.HTML()


def pong(_):
    global clicks
    clicks += 1
    reply.value = f'<span class="bare-reply">pong {clicks}</span>'


button.on_click(pong)
box = w.VBox([button, reply])
box.add_class("bare-roundtrip")
box"""


def practice_latencies(page: Page, rounds: int) -> list[float]:
    """Milliseconds from click to feedback for `rounds` Check clicks on lesson 00's first check
    (already run in `page`), alternating a wrong and the right answer so the feedback changes."""
    card = practice_card(page, CHECK_PROMPT)
    return [check_answer(card, (WRONG, RIGHT)[round % 2])[0] for round in range(rounds)]


def bare_latencies(lab: Lab, browser: Browser, rounds: int) -> list[float]:
    """Milliseconds from click to output for `rounds` clicks on a bare ipywidgets button."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BARE_ROUNDTRIP)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, lab.root / "bare_roundtrip.ipynb")
    with lab.run(browser, "bare_roundtrip.ipynb") as page:
        box = page.locator(".bare-roundtrip")
        button = box.get_by_role("button", name="Ping")
        latencies = []
        for _ in range(rounds):  # each click from an idle kernel, as for the practice check
            wait_for_kernel(page)
            latencies.append(click_and_time(box, button, ".bare-reply")[0])
        return latencies


def code_cell(page: Page, text: str) -> Locator:
    """The code cell whose source contains `text`."""
    return page.locator(".jp-CodeCell").filter(has_text=text)


def type_code(cell: Locator, source: str) -> None:
    """Replace the code in `cell` by typing `source` into its editor, then run it (Shift+Enter).
    The text is inserted as typed characters without key events, so the editor's automatic
    closing brackets cannot double them."""
    cell.locator(".cm-content").click()
    cell.page.keyboard.press("Control+A")
    cell.page.keyboard.insert_text(source)
    cell.page.keyboard.press("Shift+Enter")
    wait_for_kernel(cell.page)


def save_and_close(page: Page) -> None:
    """Save the notebook (Ctrl+S), then File → Close and Shut Down Notebook, and close the tab."""
    page.locator(".jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+S")
    page.locator(".lm-TabBar-tab.jp-mod-dirty").wait_for(state="detached", timeout=15_000)
    page.get_by_role("menuitem", name="File", exact=True).click()
    page.get_by_role("menuitem", name="Close and Shut Down Notebook").click()
    dialog = page.locator(".jp-Dialog")
    dialog.get_by_role("button", name="Ok").click(timeout=15_000)
    dialog.wait_for(state="detached")
    page.close()


def saved_plan(lab, done, seconds: float = 15) -> dict:
    """The builder's saved plan once `done(plan)` holds, or as it stands after `seconds`; until then
    a file not yet written (the first save still on its way, as on a loaded CI machine) is waited for."""
    path = lab.root / "course" / "my_strategy.plan.json"
    deadline = time.monotonic() + seconds
    while True:
        try:
            plan = json.loads(path.read_text(encoding="utf-8"))["plan"]
        except (FileNotFoundError, json.JSONDecodeError):
            assert time.monotonic() < deadline, f"the builder saved no plan to {path} in {seconds} s"
        else:
            if done(plan) or time.monotonic() > deadline:
                return plan
        time.sleep(0.2)


@contextlib.contextmanager
def drawn(lab, browser, notebook: str):
    """`notebook` run in a fresh kernel with every widget drawn. On a busy machine a widget's view
    now and then fails to draw in chromium (ipywidgets shows its error icon); the notebook is then
    run once more in a new tab and the first try's errors printed. Two failed tries fail."""
    for attempt in (1, 2):
        with lab.run(browser, notebook) as page:
            page.locator(".jp-OutputArea-output").first.wait_for()
            for _ in range(60):  # on a busy machine widgets may still be arriving from the kernel
                if not widget_problems(page):
                    break
                page.wait_for_timeout(500)
            problems = widget_problems(page)
            if problems and attempt == 1:
                print(f"{notebook}: run again, widgets not drawn: {problems}")
                continue
            assert problems == []
            yield page
            return
