"""Do warm kernels (`smcourse.instructor.warm`) keep learners apart and run in the sandbox a cold
kernel gets?

Graded with one worker, so that every kernel is forked from the same zygote, one after another.
"""

import json
import os
import shutil
import subprocess
import sys

import nbformat
import pytest
from nbgrader.api import Gradebook
from test_safe_grading import ASSIGNMENT, ROOT, _submit

from smcourse.instructor import grading, sandbox
from smcourse.instructor.warm import Zygote

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux" or sandbox.bubblewrap() is None,
                                 reason="warm kernels join a bubblewrap view, on Linux")]

POISON = """
    import builtins, os, signal, pandas, smcourse.metrics
    builtins.LEFT_BY_ANOTHER_LEARNER = True
    pandas.DataFrame.sum = lambda self, *args, **kwargs: "poisoned"
    pandas.read_csv = lambda *args, **kwargs: "poisoned"
    smcourse.metrics.engagement_rate = lambda *args, **kwargs: "poisoned"
    os.environ["LEFT_BY_ANOTHER_LEARNER"] = "1"
    open(os.path.join(os.environ["HOME"], "left.txt"), "w").write("poisoned")
    open("/tmp/left.txt", "w").write("poisoned") if os.access("/tmp", os.W_OK) else None
    print("poisoned as pid", os.getpid())
    """
KILL = "import os, signal\nos.killpg(0, signal.SIGKILL)"
CHECK = """
    import builtins, os, pandas, smcourse.metrics
    left = [name for name, there in [
        ("a global", hasattr(builtins, "LEFT_BY_ANOTHER_LEARNER")),
        ("pandas.DataFrame.sum", pandas.DataFrame({"a": [1, 2]}).sum()["a"] != 3),
        ("pandas.read_csv", pandas.read_csv is not pandas.io.parsers.read_csv),
        ("the kit", smcourse.metrics.engagement_rate.__module__ != "smcourse.core.metrics"),
        ("the environment", "LEFT_BY_ANOTHER_LEARNER" in os.environ),
        ("a file in home", os.path.exists(os.path.join(os.environ["HOME"], "left.txt"))),
        ("a file in /tmp", os.path.exists("/tmp/left.txt"))] if there]
    print("left by others:", left, "as pid", os.getpid())
    """
# what the sandbox makes of a kernel: identity, capabilities, limits, view, network, environment
FINGERPRINT = """
    import json, os, resource, socket, sys
    status = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines())
    print("FINGERPRINT", json.dumps({
        "status": {key: status[key].split() for key in ("Uid", "Gid", "Groups", "CapInh", "CapPrm",
                   "CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Seccomp")},
        "limits": {name: resource.getrlimit(getattr(resource, name)) for name in
                   ("RLIMIT_DATA", "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_CORE", "RLIMIT_NPROC")},
        "root": sorted(os.listdir("/")), "tmp": len(os.listdir("/tmp")),
        "home": os.environ["HOME"], "cwd": os.getcwd(), "path": sys.path,
        "environment": sorted(os.environ), "interfaces": socket.if_nameindex(),
        "hostname": socket.gethostname()}))
    """


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    root = tmp_path_factory.mktemp("released")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, root / "solutions" / ASSIGNMENT)
    grading.release(root)
    return root


def _course(released, tmp_path, submissions: dict[str, str]):
    root = tmp_path / "course"
    shutil.copytree(released, root)
    for student, extra in submissions.items():
        _submit(root, student, extra)
    return root


def _outputs(root, student):
    notebook = nbformat.read(root / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
                             as_version=4)
    # a cell's stream outputs joined as the learner reads them: under load one print may arrive in pieces
    return "\n".join("".join(output.get("text", "") for output in cell.get("outputs", []))
                     for cell in notebook.cells)


def _scores(root):
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "smcourse") as book:
        return {s.student.id: s.score for s in book.find_assignment(ASSIGNMENT).submissions}


def test_one_learners_kernel_state_never_reaches_the_next(released, tmp_path):
    root = _course(released, tmp_path, {"a_poisoner": POISON, "b_killer": KILL, "c_checker": CHECK,
                                        "d_honest": None})
    results = {result.student: result for result in grading.grade(
        ASSIGNMENT, root, workers=1, show_progress=False, warm_kernels=True).results}
    assert "poisoned as pid 2" in _outputs(root, "a_poisoner")  # PID 2: a kernel forked warm
    assert "left by others: [] as pid 2" in _outputs(root, "c_checker")
    # the kernel that killed its own process group cost its author alone
    assert results["b_killer"].score == 0 and "kernel was ended by SIGKILL" in results["b_killer"].summary
    scores = _scores(root)
    assert scores["c_checker"] == scores["d_honest"] == 2  # Task A solved, as in test_safe_grading
    assert results["c_checker"].problems == results["d_honest"].problems


def test_a_warm_kernel_runs_in_the_sandbox_a_cold_one_gets(released, tmp_path):
    fingerprints = {}
    for warm in (True, False):
        root = _course(released, tmp_path / str(warm), {"learner": FINGERPRINT})
        grading.grade(ASSIGNMENT, root, workers=1, show_progress=False, warm_kernels=warm)
        [line] = [line for line in _outputs(root, "learner").splitlines() if line.startswith("FINGERPRINT")]
        fingerprints[warm] = json.loads(line.removeprefix("FINGERPRINT "))
        # each run grades in a scratch folder of its own: compare where they sit, not their names
        for key in ("home", "cwd"):
            fingerprints[warm][key] = fingerprints[warm][key].split("/submissions/")[1]
        fingerprints[warm]["path"] = [part.split("/submissions/")[-1] for part in fingerprints[warm]["path"]]
    assert fingerprints[True] == fingerprints[False], json.dumps(fingerprints, indent=1)


def test_where_bubblewrap_is_refused_a_warm_launch_says_why_and_starts_cold(tmp_path):
    refusing = tmp_path / "bin" / "bwrap"  # a bubblewrap that cannot create namespaces
    refusing.parent.mkdir()
    refusing.write_text('#!/bin/sh\necho "bwrap: No permissions to create new namespace" >&2\nexit 1\n')
    refusing.chmod(0o755)
    zygote = Zygote(sandbox.kernel_environment({**os.environ, **sandbox.spec_environment(tmp_path)}))
    try:
        command = [sys.executable, "-m", "smcourse.instructor.sandbox",
                   *sandbox.Limits(wall_seconds=3).arguments(),
                   "--home", str(tmp_path), "--report", str(tmp_path / "report.jsonl"),
                   f"--warm={zygote.address}", "--", sys.executable, "-m", "ipykernel_launcher",
                   "-f", str(tmp_path / "kernel.json")]  # no client comes: the wall clock ends it
        path = f"{refusing.parent}{os.pathsep}{os.environ['PATH']}"
        done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PATH": path})
    finally:
        zygote.stop()
    started = sandbox.read_report(tmp_path / "report.jsonl")[0]
    assert started["kernel"] == "cold (bubblewrap did not start the view)"
    assert started["files"] == ("not isolated (bubblewrap refused: bwrap: No permissions to create new "
                                "namespace)")
    assert "bwrap" not in done.stderr  # the refusal is reported, not printed on the grader's terminal
