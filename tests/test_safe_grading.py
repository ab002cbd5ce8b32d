"""Can a hostile submission hang the class run, exhaust the machine, write outside its folder, see
the answers, change the referee, reach the network or read the instructor's environment?

One class run of a small assignment with an honest learner and hostile ones, each graded by
`smcourse.instructor.grading` with the learner's code in `smcourse.instructor.sandbox` and the
hidden tests judged by `smcourse.instructor.referee`. The launcher's own checks (without nbgrader)
come first: they are quick and say which protection failed.
"""

import contextlib
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from nbgrader.api import Gradebook

from smcourse import cli
from smcourse.instructor import grading, sandbox
from smcourse.instructor.grading import diagnosis

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "01_why_social_media"
LIMITS = sandbox.Limits(cpu_seconds=10, memory_mb=2048, tasks=48, file_mb=5)
SLEEP_MARKER = "41.37"  # the argument of the sleeps the fork bomb starts, to find survivors

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the grading sandbox is for Linux")


def _launch(tmp_path, code, limits=LIMITS, env=None):
    """Run `code` under the launcher, in tmp_path/work; returns (stdout, report events)."""
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    script = work / "probe.py"
    script.write_text(textwrap.dedent(code))
    command = [sys.executable, "-m", "smcourse.instructor.sandbox", *limits.arguments(), "--home", str(home),
               "--report", str(tmp_path / "report.jsonl"), "--", sys.executable, str(script)]
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=120, env=env)
    sandbox.remove_cgroup(os.getpid())  # the launcher's parent here is this test process
    return done.stdout, sandbox.read_report(tmp_path / "report.jsonl")


@pytest.fixture(scope="module")
def isolation(tmp_path_factory):
    """Skip a test that needs what this machine refuses (user namespaces, a process cap), and say
    which: the grading summary warns an instructor in the same case."""
    _, events = _launch(tmp_path_factory.mktemp("probe"), "pass\n")
    started = events[0]
    refused = []
    if started["files"] != "isolated":
        refused.append(f"file isolation ({started['files']})")
    if started["tasks_capped_by"] == "none":
        refused.append("a process cap")
    if refused:
        pytest.skip("this machine refuses " + " and ".join(refused))


def test_the_launcher_shows_only_what_is_allowed_and_keeps_writes_in_the_kernels_folder(tmp_path,
                                                                                      isolation):
    secret = tmp_path / "others" / "learner_b" / "answers.json"
    secret.parent.mkdir(parents=True)
    secret.write_text('{"q1": "reach"}')
    out, events = _launch(tmp_path, f"""
        import os
        open("mine.txt", "w").write("kept")
        for target in [{str(ROOT / 'pyproject.toml')!r}, {str(secret)!r}, "../outside.txt",
                       {str(sys.prefix + '/new.py')!r}]:
            try:
                open(target, "a").write("x")
                print("wrote", target)
            except OSError as error:
                print("refused", error.strerror)
        for folder in [{str(ROOT)!r}, {str(tmp_path)!r}, os.path.expanduser("~root")]:
            print("sees", folder, sorted(os.listdir(folder)) if os.path.isdir(folder) else None)
        print("pid", os.getpid())
        """)
    assert "wrote" not in out and out.count("refused") == 4, out
    # the checkout shows only what a notebook needs; nothing of the test's folder but the kernel's
    [checkout] = [line for line in out.splitlines() if line.startswith(f"sees {ROOT} ")]
    listed = checkout.removeprefix(f"sees {ROOT} ")
    assert "'src'" in listed and not any(name in listed for name in ("solutions", "exercises", "pyproject"))
    assert f"sees {tmp_path} ['home', 'work']" in out and "pid 1" in out
    assert (tmp_path / "work" / "mine.txt").read_text() == "kept"
    assert not (tmp_path / "outside.txt").exists() and secret.read_text() == '{"q1": "reach"}'
    assert events[0]["files"] == "isolated" and events[0]["network"] == "loopback only"
    assert events[0]["tasks_capped_by"] in ("cgroup", "rlimit")


def test_without_bubblewrap_the_kernel_still_runs_and_the_report_says_it_was_not_isolated(tmp_path):
    out, events = _launch(tmp_path, "print('ran')", env={**os.environ, "PATH": "/nonexistent"})
    assert out.strip() == "ran"
    assert events[0]["files"].startswith("not isolated (bubblewrap is not installed")
    assert events[0]["network"] == "not isolated"


def test_the_launcher_refuses_10_gb_caps_processes_and_leaves_none_behind(tmp_path, isolation):
    out, _ = _launch(tmp_path, f"""
        import subprocess
        try:
            bytearray(10 * 2**30)
            print("allocated")
        except MemoryError:
            print("memory refused")
        started = []
        try:
            for _ in range(300):
                started.append(subprocess.Popen(["sleep", "{SLEEP_MARKER}"]))
        except OSError as error:
            print("stopped at", len(started), type(error).__name__)
        """)
    assert "memory refused" in out
    stopped = int(out.split("stopped at ")[1].split()[0])
    assert 0 < stopped < LIMITS.tasks
    assert _survivors() == []


def test_the_launcher_stops_a_kernel_at_its_cpu_budget(tmp_path):
    _, events = _launch(tmp_path, "while True:\n    pass\n", limits=sandbox.Limits(cpu_seconds=2))
    ended = [event for event in events if event["event"] == "kernel-ended"]
    assert ended and ended[0]["signal"] == "SIGKILL" and 1.5 <= ended[0]["cpu_seconds"] < 4


def test_the_launcher_stops_a_notebook_that_outlasts_its_wall_clock_allowance(tmp_path):
    _, events = _launch(tmp_path, "import time\ntime.sleep(60)\n",
                        limits=sandbox.Limits(wall_seconds=2))
    assert [event["event"] for event in events] == ["started", "wall-clock-limit", "kernel-ended"]
    assert events[-1]["signal"] == "SIGKILL"


def test_a_kernel_ends_with_its_launcher_however_the_launcher_is_stopped(tmp_path, isolation):
    # jupyter_client stops a kernel that is slow to shut down through its launcher (SIGTERM), which
    # the kernel, PID 1 of its namespace, would not get; left behind, it would run on outside every
    # limit. The launcher is started from a shell, in the background, as a service would start it.
    (tmp_path / "work").mkdir()
    (tmp_path / "home").mkdir()
    command = " ".join(shlex.quote(part) for part in [
        sys.executable, "-m", "smcourse.instructor.sandbox", *LIMITS.arguments(),
        "--home", str(tmp_path / "home"), "--report", str(tmp_path / "report.jsonl"),
        "--", "sleep", SLEEP_MARKER])
    pid_file = tmp_path / "launcher.pid"
    script = (f"cd {shlex.quote(str(tmp_path / 'work'))} && "
              f"({command} >/dev/null 2>&1 & echo $! > {shlex.quote(str(pid_file))}) && "
              f"for _ in $(seq 100); do pgrep -f '^sleep {SLEEP_MARKER}' && break; sleep 0.1; done && "
              f"kill -TERM $(cat {shlex.quote(str(pid_file))})")
    subprocess.run(["bash", "-c", script], timeout=60, check=True, capture_output=True)
    time.sleep(1)
    sandbox.remove_cgroup(os.getpid())
    assert _survivors() == []
    # and the launcher still says how the kernel ended, as the grading summary reads it
    events = [event["event"] for event in sandbox.read_report(tmp_path / "report.jsonl")]
    assert events == ["started", "terminated", "kernel-ended"]


def _survivors():
    return [p.pid for p in psutil.process_iter(["cmdline"]) if SLEEP_MARKER in (p.info["cmdline"] or [])]


# --- a class run --------------------------------------------------------------------------------

def _submit(root, student, extra=None, solve=True):
    """The student version with the code task solved (if `solve`), and `extra` code inserted after
    the set-up cell."""
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    notebook = nbformat.read(root / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    solved = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell.source for cell in nbformat.read(
        root / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4).cells}
    for cell in notebook.cells:
        if solve and cell.metadata.get("nbgrader", {}).get("grade_id") == "mentions_by_platform":
            cell.source = solved["mentions_by_platform"]
    if extra:
        index = next(i for i, cell in enumerate(notebook.cells)
                     if cell.metadata.get("nbgrader", {}).get("grade_id") == "setup")
        notebook.cells.insert(index + 1, nbformat.v4.new_code_cell(textwrap.dedent(extra)))
    nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
    return folder


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


CANARY = "canary-3f9c1e0b7d"  # planted in the source's hidden test and model solution only
INSTRUCTOR_SECRET = "instructor-secret-5b2e"  # in the grading process's environment only

SNOOP = f"""
    import os, sys
    skip, system = ("/proc", "/sys", "/dev"), (sys.prefix, sys.base_prefix, "/usr")
    notebooks, hits, opened = [], [], 0
    canary = b"{CANARY[::-1]}"[::-1]  # never written out whole here, so only a leak can match it
    for folder, dirs, files in os.walk("/"):
        dirs[:] = [d for d in dirs if os.path.join(folder, d) not in skip]
        for name in files:
            path = os.path.join(folder, name)
            if path.startswith(system) and not name.endswith((".ipynb", ".db")):
                continue  # the system's and Python's own files: names only
            if name.endswith((".ipynb", ".db")) and not path.startswith(system):
                notebooks.append(path)
            try:
                if os.path.getsize(path) > 2_000_000:
                    continue
                text = open(path, "rb").read()
                opened += 1
            except OSError:
                continue
            # nbgrader's own test notebooks, among Python's packages, carry the markers too
            markers = [canary] + ([] if path.startswith(system) else
                                       [b"BEGIN HIDDEN TESTS", b"BEGIN SOLUTION"])
            if any(marker in text for marker in markers):
                hits.append(path)
    print("opened", opened, "files; notebooks and databases:", notebooks)
    print("hits:", hits)
    """

CHEAT = r"""
    import json, re
    import numpy
    class Fake:
        def score(self, **key):
            print("right")
        value = None
    ask = lambda *args, **kwargs: Fake()           # every widget question passes
    score_parts = lambda checks, points: points    # every code part passes
    numpy.allclose = lambda *args, **kwargs: True
    class Everything:
        def __eq__(self, other): return True
        def __getattr__(self, name): return Everything()
    mentions_by_platform = Everything()
    get_ipython().set_custom_exc((BaseException,), lambda *args, **kwargs: None)  # errors vanish
    saved = {}
    def learn_keys(result):  # answers.json rewritten with the keys each hidden test shows
        for name, key in re.findall(r"(q\d)\.score\(answers?=(\[[^\]]*\]|\"[^\"]*\"|[^,)]+)",
                                    result.info.raw_cell):
            try:
                saved[name] = eval(key)
            except Exception:
                pass
        json.dump(saved, open("answers.json", "w"))
    get_ipython().events.register("post_run_cell", learn_keys)
    """

NETWORK = """
    import socket, time
    for address in [("127.0.0.1", {port}), ("1.1.1.1", 80), ("example.org", 80)]:
        start = time.monotonic()
        try:
            socket.create_connection(address, timeout=20).close()
            print("connected to", address)
        except OSError as error:
            print("no connection to", address[0], "after", round(time.monotonic() - start, 1), "s:",
                  type(error).__name__)
    """


@pytest.fixture(scope="module")
def listener():
    """A server on this machine's loopback that a grading kernel must not reach."""
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    yield server.getsockname()[1]
    server.close()


def _plant_canary(notebook_path):
    notebook = nbformat.read(notebook_path, as_version=4)
    for cell in notebook.cells:
        cell.source = cell.source.replace("### BEGIN HIDDEN TESTS", f"### BEGIN HIDDEN TESTS\n# {CANARY}")
        cell.source = cell.source.replace("### BEGIN SOLUTION", f"### BEGIN SOLUTION\n# {CANARY}")
    nbformat.write(notebook, notebook_path)


@pytest.fixture(scope="module")
def class_run(tmp_path_factory, isolation, listener):
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, root / "solutions" / ASSIGNMENT)
    _plant_canary(root / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    grading.release(root)
    honest = _submit(root, "honest")
    gradebook = root / "gradebook.db"
    released = root / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    _submit(root, "fork_bomb", f"""
        import subprocess
        started = []
        try:
            for _ in range(500):
                started.append(subprocess.Popen(["sleep", "{SLEEP_MARKER}"]))
        except OSError as error:
            print("stopped at", len(started), type(error).__name__)
        """)
    _submit(root, "memory_hog", "block = bytearray(10 * 2**30)")
    linker = _submit(root, "linker", """
        import os
        print("linked gradebook readable:", os.path.exists("stolen.db"))
        """)
    (linker / "stolen.db").symlink_to(gradebook)  # a link in a zip a learner handed in
    _submit(root, "cpu_hog", "while True:\n    pass")
    _submit(root, "vandal", f"""
        import os
        for target in [{str(gradebook)!r}, {str(released)!r}, {str(honest / f'{ASSIGNMENT}.ipynb')!r},
                       "../../../gradebook.db"]:
            try:
                with open(target, "w") as file:
                    file.write("overwritten")
                print("opened for writing:", target)
            except OSError as error:
                print("refused:", target, error.strerror)
        print("gradebook visible:", os.path.exists({str(gradebook)!r}))
        print("learners visible:", os.path.isdir({str(root / 'submitted')!r}))
        """)
    _submit(root, "snoop", SNOOP)
    _submit(root, "cheat", CHEAT, solve=False)
    _submit(root, "blank", solve=False)
    _submit(root, "network", NETWORK.format(port=listener))
    _submit(root, "environment", "import os\nprint(dict(os.environ))")
    before = {path: _digest(path) for path in (released, honest / f"{ASSIGNMENT}.ipynb")}
    capture = tmp_path_factory.mktemp("output") / "grade.txt"
    os.environ["JUPYTERHUB_API_TOKEN"] = os.environ["SMCOURSE_TEST_SECRET"] = INSTRUCTOR_SECRET
    try:
        with capture.open("w") as output, contextlib.redirect_stdout(output):  # as an instructor runs it
            status = cli.main(["assignments", "grade", ASSIGNMENT, "--course", str(root), "--workers",
                               "2", "--timeout", "60", *LIMITS.arguments()])
    finally:
        del os.environ["JUPYTERHUB_API_TOKEN"], os.environ["SMCOURSE_TEST_SECRET"]
    assert status == 0
    with Gradebook(f"sqlite:///{gradebook}", "smcourse") as book:
        scores = {s.student.id: s.score for s in book.find_assignment(ASSIGNMENT).submissions}
    return root, scores, capture.read_text(), before


def _outputs(root, student):
    notebook = nbformat.read(root / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
                             as_version=4)
    return "\n".join(json.dumps(cell.get("outputs", [])) for cell in notebook.cells)


@pytest.mark.slow
def test_hostile_code_costs_its_author_nothing_more_and_others_nothing(class_run):
    _, scores, printed, _ = class_run
    assert scores["honest"] == 2  # Task A solved, no widget answers submitted
    assert scores["fork_bomb"] == scores["memory_hog"] == scores["vandal"] == scores["linker"] \
        == scores["snoop"] == scores["network"] == scores["environment"] == scores["honest"]
    assert scores["cpu_hog"] == 0
    [line] = [line for line in printed.splitlines() if line.startswith("cpu_hog:")]
    assert line.startswith("cpu_hog: 0 / 11 automatic points") and "used up its 10 s of CPU time" in line


@pytest.mark.slow
def test_a_fork_bomb_is_capped_and_leaves_no_process_behind(class_run):
    root, _, _, _ = class_run
    out = _outputs(root, "fork_bomb")
    stopped = int(out.split("stopped at ")[1].split()[0])
    assert 0 < stopped < LIMITS.tasks
    assert _survivors() == []


@pytest.mark.slow
def test_a_10_gb_allocation_is_refused(class_run):
    root, _, _, _ = class_run
    assert "MemoryError" in _outputs(root, "memory_hog")


@pytest.mark.slow
def test_writes_outside_the_learners_folder_are_refused_or_without_effect(class_run):
    root, scores, _, before = class_run
    out = _outputs(root, "vandal")
    assert "gradebook visible: False" in out and "learners visible: False" in out
    # the course folder is not in the learner's view at all, and what is there is read-only
    assert "gradebook.db No such file or directory" in out
    assert "exercises/01_why_social_media/01_why_social_media.ipynb No such file" in out
    assert "submitted/honest/01_why_social_media/01_why_social_media.ipynb No such file" in out
    assert "refused: ../../../gradebook.db Read-only file system" in out
    assert {path: _digest(path) for path in before} == before
    assert len(scores) == 11  # the gradebook still holds every learner, as graded
    assert "linked gradebook readable: False" in _outputs(root, "linker")


@pytest.mark.slow
def test_the_run_says_what_kept_it_safe(class_run):
    _, _, printed, _ = class_run
    safety = printed.split("Safety:")[1]
    assert "WARNING" not in safety
    assert "capped at 48" in safety and "saw only its own folder" in safety and "no network" in safety
    assert "hidden tests: judged again outside the learners' kernels" in safety


def test_a_machine_that_refuses_the_sandbox_is_named_in_the_summary():
    refused = {"event": "started", "tasks_capped_by": "none",
               "files": "not isolated ([Errno 1] unshare: Operation not permitted)"}
    safety = "\n".join(diagnosis.safety([refused], sandbox.Limits(), cell_timeout=30))
    assert "WARNING: the number of processes was not capped" in safety
    assert "WARNING: learners' code was not isolated (not isolated ([Errno 1] unshare" in safety
    assert "could read the course's solutions" in safety
    assert "time: 30 s per cell, 900 s per notebook" in safety


def test_a_report_cut_off_mid_line_keeps_its_whole_events(tmp_path):
    report = tmp_path / "sandbox.jsonl"
    report.write_text('{"event": "started", "files": "isolated"}\n{"event": "kernel-en', encoding="utf-8")
    assert sandbox.read_report(report) == [{"event": "started", "files": "isolated"}]


@pytest.mark.slow
def test_a_submission_that_searches_every_file_finds_no_solution_hidden_test_or_gradebook(class_run):
    root, _, _, _ = class_run
    out = _outputs(root, "snoop")
    opened = int(out.split("opened ")[1].split()[0])
    assert opened > 100  # it really looked: the kit, the datasets, its own folder
    assert "hits: []" in out
    found = out.split("notebooks and databases: ")[1].split("\\n")[0]
    # not even its own notebook: nbgrader wrote it there with the hidden tests restored, so it is
    # taken away while the learner's code runs
    assert found == "[]"


@pytest.mark.slow
def test_a_blank_notebook_that_replaces_the_checks_earns_nothing_and_is_reported(class_run):
    root, scores, printed, _ = class_run
    assert scores["blank"] == 0 and scores["cheat"] == 0
    [line] = [line for line in printed.splitlines() if line.startswith("cheat:")]
    assert "the notebook's own run claimed" in line and "the referee gave 0" in line
    graded = _outputs(root, "cheat")
    assert "No answer saved for q1" in graded  # the referee's verdicts are what the learner sees
    # the answers its code wrote into its folder after seeing the hidden tests were not judged
    rewritten = json.loads((root / "autograded" / "cheat" / ASSIGNMENT / "answers.json").read_text())
    assert {"q1", "q2"} <= set(rewritten)


@pytest.mark.slow
def test_no_network_from_a_grading_kernel_and_no_wait_for_it(class_run, listener):
    root, _, _, _ = class_run
    out = _outputs(root, "network")
    assert "connected to" not in out
    waits = [float(part.split(" s:")[0]) for part in out.split("after ")[1:]]
    assert len(waits) == 3 and max(waits) < 2


@pytest.mark.slow
def test_a_grading_kernel_sees_nothing_of_the_instructors_environment(class_run):
    root, _, _, _ = class_run
    out = _outputs(root, "environment")
    assert "HOME" in out and INSTRUCTOR_SECRET not in out and "JUPYTERHUB" not in out
    assert os.path.expanduser("~") + "'" not in out  # the kernel's home is a private folder
