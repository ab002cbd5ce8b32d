"""Can a hostile submission hang the class run, exhaust the machine, or write outside its folder?

One class run of a small assignment with an honest learner and four hostile ones, each graded by
`smcourse.grading` with the learner's code in `smcourse.sandbox`. The launcher's own checks (without
nbgrader) come first: they are quick and say which protection failed.
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

from smcourse import cli, grading, sandbox

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "01_why_social_media"
LIMITS = sandbox.Limits(cpu_seconds=10, memory_mb=2048, tasks=48, file_mb=5)
SLEEP_MARKER = "41.37"  # the argument of the sleeps the fork bomb starts, to find survivors

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the grading sandbox is for Linux")


def _launch(tmp_path, code, limits=LIMITS, hide=()):
    """Run `code` under the launcher, in tmp_path/work; returns (stdout, report events)."""
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    script = tmp_path / "probe.py"
    script.write_text(textwrap.dedent(code))
    command = [sys.executable, "-m", "smcourse.sandbox", *limits.arguments(), "--home", str(home),
               "--report", str(tmp_path / "report.jsonl"), *[f"--hide={path}" for path in hide],
               "--", sys.executable, str(script)]
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=120)
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


def test_the_launcher_keeps_writes_in_the_kernels_folder_and_hides_what_it_is_told(tmp_path, isolation):
    secret = tmp_path / "others" / "learner_b" / "answers.json"
    secret.parent.mkdir(parents=True)
    secret.write_text('{"q1": "reach"}')
    out, events = _launch(tmp_path, f"""
        import os
        open("mine.txt", "w").write("kept")
        for target in [{str(ROOT / 'pyproject.toml')!r}, {str(secret)!r}, "../outside.txt"]:
            try:
                open(target, "a").write("x")
                print("wrote", target)
            except OSError as error:
                print("refused", error.strerror)
        print("others:", os.listdir({str(secret.parents[1])!r}))
        print("pid", os.getpid())
        """, hide=[secret.parents[1]])
    assert out.count("refused Read-only file system") == 2 and "wrote" not in out.replace(
        str(secret), "")  # the hidden file sits on an empty read-only tmpfs: gone, not writable
    assert "others: []" in out and "pid 1" in out
    assert (tmp_path / "work" / "mine.txt").read_text() == "kept"
    assert not (tmp_path / "outside.txt").exists() and secret.read_text() == '{"q1": "reach"}'
    assert events[0]["files"] == "isolated" and events[0]["tasks_capped_by"] in ("cgroup", "rlimit")


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
        sys.executable, "-m", "smcourse.sandbox", *LIMITS.arguments(), "--home", str(tmp_path / "home"),
        "--report", str(tmp_path / "report.jsonl"), "--", "sleep", SLEEP_MARKER])
    pid_file = tmp_path / "launcher.pid"
    script = (f"cd {shlex.quote(str(tmp_path / 'work'))} && "
              f"({command} >/dev/null 2>&1 & echo $! > {shlex.quote(str(pid_file))}) && "
              f"for _ in $(seq 100); do pgrep -f '^sleep {SLEEP_MARKER}' && break; sleep 0.1; done && "
              f"kill -TERM $(cat {shlex.quote(str(pid_file))})")
    subprocess.run(["bash", "-c", script], timeout=60, check=True, capture_output=True)
    time.sleep(1)
    sandbox.remove_cgroup(os.getpid())
    assert _survivors() == []


def _survivors():
    return [p.pid for p in psutil.process_iter(["cmdline"]) if SLEEP_MARKER in (p.info["cmdline"] or [])]


# --- a class run --------------------------------------------------------------------------------

def _submit(root, student, extra=None):
    """The student version with the task solved, and `extra` code inserted after the set-up cell."""
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    notebook = nbformat.read(root / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    solved = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell.source for cell in nbformat.read(
        root / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4).cells}
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "mentions_by_platform":
            cell.source = solved["mentions_by_platform"]
    if extra:
        index = next(i for i, cell in enumerate(notebook.cells)
                     if cell.metadata.get("nbgrader", {}).get("grade_id") == "setup")
        notebook.cells.insert(index + 1, nbformat.v4.new_code_cell(textwrap.dedent(extra)))
    nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
    return folder


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def class_run(tmp_path_factory, isolation):
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, root / "solutions" / ASSIGNMENT)
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
        print("gradebook bytes readable:", len(open({str(gradebook)!r}, "rb").read()))
        print("learners visible:", os.listdir({str(root / 'submitted')!r}))
        """)
    before = {path: _digest(path) for path in (released, honest / f"{ASSIGNMENT}.ipynb")}
    capture = tmp_path_factory.mktemp("output") / "grade.txt"
    with capture.open("w") as output, contextlib.redirect_stdout(output):  # as an instructor runs it
        status = cli.main(["assignments", "grade", ASSIGNMENT, "--course", str(root), "--workers", "2",
                           "--timeout", "60", *LIMITS.arguments()])
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
    assert scores["honest"] == 3  # the code task solved, no widget answers submitted
    assert scores["fork_bomb"] == scores["memory_hog"] == scores["vandal"] == scores["linker"] \
        == scores["honest"]
    assert scores["cpu_hog"] == 0
    [line] = [line for line in printed.splitlines() if line.startswith("cpu_hog:")]
    assert line.startswith("cpu_hog: 0 / 6 automatic points") and "used up its 10 s of CPU time" in line


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
    assert "gradebook bytes readable: 0" in out and "learners visible: []" in out
    # the gradebook is /dev/null to the learner's code, other learners' folders are not there,
    # and everything else is read-only
    assert "exercises/01_why_social_media/01_why_social_media.ipynb Read-only file system" in out
    assert "submitted/honest/01_why_social_media/01_why_social_media.ipynb No such file" in out
    assert "refused: ../../../gradebook.db Read-only file system" in out
    assert {path: _digest(path) for path in before} == before
    assert len(scores) == 6  # the gradebook still holds every learner, as graded
    assert "linked gradebook readable: False" in _outputs(root, "linker")


@pytest.mark.slow
def test_the_run_says_what_kept_it_safe(class_run):
    _, _, printed, _ = class_run
    safety = printed.split("Safety:")[1]
    assert "WARNING" not in safety
    assert "capped at 48" in safety and "only to its own scratch folder" in safety


def test_a_machine_that_refuses_the_sandbox_is_named_in_the_summary():
    refused = {"event": "started", "tasks_capped_by": "none",
               "files": "not isolated ([Errno 1] unshare: Operation not permitted)"}
    safety = "\n".join(grading._safety([refused], sandbox.Limits(), cell_timeout=30))
    assert "WARNING: the number of processes was not capped" in safety
    assert "WARNING: file isolation incomplete (not isolated ([Errno 1] unshare" in safety
    assert "time: 30 s per cell, 900 s per notebook" in safety


def test_a_report_cut_off_mid_line_keeps_its_whole_events(tmp_path):
    report = tmp_path / "sandbox.jsonl"
    report.write_text('{"event": "started", "files": "isolated"}\n{"event": "kernel-en', encoding="utf-8")
    assert sandbox.read_report(report) == [{"event": "started", "files": "isolated"}]
