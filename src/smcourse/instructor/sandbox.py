"""Limits, an allow-list view of the files, and no network for the kernel that grades a notebook.

nbgrader starts one kernel per graded notebook. `smcourse.instructor.grading` points it at the
kernel spec that `write_kernel_spec` writes, whose command is this module
(`python -m smcourse.instructor.sandbox [limits] -- <kernel command>`). Before starting the
kernel, the launcher

* sets resource limits: memory written to, CPU seconds, the size of any file written, no core
  dumps, the number of processes and threads (`RLIMIT_NPROC`; Linux exempts root from it, so
  for root the kernel also goes into a `pids` cgroup when the machine has one it may write to);
* starts the kernel inside bubblewrap (`bwrap`, the sandbox Flatpak uses), which builds an
  allow-list view of the files: the system's programs and libraries, Python with its installed
  packages and this kit, and the `--read-only` paths (the datasets), all read-only; the kernel's
  own folder, a private home and the `--writable` paths (where its IPC sockets live) writable;
  nothing else, so no source assignment, gradebook, other learner or home folder can be seen.
  New user, PID, network (loopback only), IPC and UTS namespaces; an environment of its own with
  nothing of the instructor's (`KERNEL_ENVIRONMENT` lists what passes);
* stops it when the notebook has run for longer than its wall-clock allowance; the kernel dies
  with its launcher, however the launcher ends.

With `--warm`, the kernel is not started from scratch: bubblewrap builds the same view around a
placeholder, and a kernel forked from the grading worker's zygote joins it (`smcourse.instructor.warm`).

We chose a well-kept tool over hand-made system calls: bubblewrap is small, audited, packaged by
every Linux distribution, and builds the view from an allow-list, where a hand-made remount can
only hide what it knows of. What was in force is appended to the `--report` file as JSON lines,
for the grading summary. Where bubblewrap is missing or refused (no Linux, user namespaces
disabled), the launcher starts the kernel with the limits alone and says so there; the summary
then warns loudly. It never stops a class run. See course/instructor/room_setup_and_grading.md.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
from collections import namedtuple
from pathlib import Path

KERNEL_NAME = "smcourse-sandbox"
SUPPORTED = sys.platform.startswith("linux")  # elsewhere grading uses the plain kernel
PR_SET_PDEATHSIG = 1
# what the kernel's environment keeps of the launcher's (the kernel spec sets most of these); the
# rest, tokens and paths of the instructor's included, is left behind
KERNEL_ENVIRONMENT = ("HOME", "TMPDIR", "IPYTHONDIR", "MPLCONFIGDIR", "OMP_NUM_THREADS",
                      "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "MALLOC_ARENA_MAX",
                      "PYTHONDONTWRITEBYTECODE", "NBGRADER_EXECUTION", "SMCOURSE_DATASETS",
                      "LANG", "LC_ALL", "TZ", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
# the system's own programs and libraries (on merged-/usr systems most of these are links)
SYSTEM_PATHS = ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


class Limits(namedtuple("Limits", "cpu_seconds memory_mb tasks file_mb wall_seconds",
                        defaults=(120, 2048, 128, 200, 900))):
    """What one graded notebook may use. Memory and CPU apply to each of its processes: CPU
    seconds, memory written (MB), processes and threads (the kernel's own included), the size of
    any file written (MB), and the wall-clock seconds of the whole notebook, however many cells
    wait for their timeout. A named tuple rather than a dataclass: the launcher, a new Python for
    every notebook, then need not import dataclasses (about 8 ms of CPU, with inspect and ast)."""

    __slots__ = ()

    def arguments(self) -> list[str]:
        return ["--cpu-seconds", str(self.cpu_seconds), "--memory-mb", str(self.memory_mb),
                "--tasks", str(self.tasks), "--file-mb", str(self.file_mb),
                "--wall-seconds", str(self.wall_seconds)]


def spec_environment(home: Path) -> dict[str, str]:
    """What the kernel spec sets in a grading kernel's environment, with `home` as its home."""
    # one thread per numerical library keeps memory predictable and results reproducible
    return {"HOME": str(home), "IPYTHONDIR": str(home / ".ipython"), "TMPDIR": str(home),
            "MPLCONFIGDIR": str(home), "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1", "MALLOC_ARENA_MAX": "2", "PYTHONDONTWRITEBYTECODE": "1"}


def write_kernel_spec(folder: Path, limits: Limits, *, home: Path, read_only: list[Path],
                      writable: list[Path], report: Path, kernel_log: Path,
                      warm: Path | None = None) -> Path:
    """Write the sandboxed Python kernel spec under `folder`/kernels/; put `folder` on JUPYTER_PATH
    to use it. Beyond Python, the kit and the system, the kernel may read `read_only` and write its
    own folder, `home` and `writable`. Its own chatter goes to `kernel_log`, not the grader's
    terminal. With `warm` (the address of a `smcourse.instructor.warm` zygote) the kernel is forked from it
    rather than started cold. Returns the spec's folder."""
    command = [sys.executable, "-m", "smcourse.instructor.sandbox", *limits.arguments(), "--home", str(home),
               "--report", str(report), "--kernel-log", str(kernel_log)]
    command += [f"--read-only={path}" for path in read_only]
    command += [f"--writable={path}" for path in writable]
    command += [f"--warm={warm}"] if warm else []
    spec = {
        # no history file: it would keep the hidden tests already run where later cells can read them
        "argv": [*command, "--", sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                 "--HistoryManager.hist_file=:memory:"],
        "display_name": "Python 3 (grading sandbox)",
        "language": "python",
        "env": spec_environment(home),
    }
    target = folder / "kernels" / KERNEL_NAME
    target.mkdir(parents=True, exist_ok=True)
    (target / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    home.mkdir(parents=True, exist_ok=True)
    return target


def bubblewrap() -> str | None:
    """The bubblewrap program, if this machine has it."""
    return shutil.which("bwrap") if SUPPORTED else None


def read_report(report: Path) -> list[dict]:
    """The events the launchers of one grading worker wrote (what was in force, why a kernel ended)."""
    if not report.is_file():
        return []
    events = []
    for line in report.read_text(encoding="utf-8").splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:  # a launcher killed while writing leaves half a line
            continue
    return events


# --- the launcher ---------------------------------------------------------------------------------

def set_limits(limits: Limits, worker: int) -> str:
    """Set the rlimits of this process (and so of the kernel it starts), in the pids cgroup of
    grading worker `worker` when run as root; returns how the number of tasks is capped."""
    import resource

    megabyte = 1024 * 1024
    # RLIMIT_DATA counts the memory a process writes to (heap, anonymous maps, thread stacks), not
    # address space merely reserved, which grows with threads and cores (RLIMIT_AS would count it)
    resource.setrlimit(resource.RLIMIT_DATA, (limits.memory_mb * megabyte,) * 2)
    # SIGKILL at the limit: the kernel is PID 1 of its namespace, which ignores the softer SIGXCPU
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds,) * 2)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_mb * megabyte,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if os.getuid() != 0:  # RLIMIT_NPROC counts every task of the user, not only this kernel's
        allowed = _tasks_of_user(os.getuid()) + limits.tasks
        resource.setrlimit(resource.RLIMIT_NPROC, (allowed, allowed))
        return "rlimit"
    return "cgroup" if _join_pids_cgroup(limits.tasks, worker) else "none"


def _tasks_of_user(uid: int) -> int:
    count = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:  # the process ended while we looked
            continue
        if int(fields["Uid"].split()[0]) == uid:
            count += int(fields["Threads"])
    return count


def _cgroup_name(worker: int) -> str:
    return f"smcourse-grading-{worker}"


def _pids_cgroup_parent() -> Path | None:
    """The folder of this process's pids cgroup (v1 or v2), if there is one."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if "pids" in controllers.split(","):
            return Path("/sys/fs/cgroup/pids") / path.lstrip("/")
        if controllers == "" and "pids" in Path("/sys/fs/cgroup/cgroup.controllers").read_text():
            return Path("/sys/fs/cgroup") / path.lstrip("/")
    return None


def _join_pids_cgroup(tasks: int, worker: int) -> bool:
    """Move this process into the pids cgroup of grading worker `worker`, capped at `tasks`."""
    try:
        parent = _pids_cgroup_parent()
        if parent is None:
            return False
        group = parent / _cgroup_name(worker)
        group.mkdir(exist_ok=True)
        (group / "pids.max").write_text(str(tasks + 1))  # + this launcher
        (group / "cgroup.procs").write_text(str(os.getpid()))
        return True
    except OSError:
        return False


def remove_cgroup(worker: int) -> None:
    """Remove the (by now empty) pids cgroup a grading worker's kernels used, if any."""
    try:
        parent = _pids_cgroup_parent()
        if parent is not None and (parent / _cgroup_name(worker)).is_dir():
            (parent / _cgroup_name(worker)).rmdir()
    except OSError:
        pass


def libc_call(name: str, *arguments) -> None:
    """Call the C library's `name`; raise OSError when it fails."""
    libc = ctypes.CDLL(None, use_errno=True)
    if getattr(libc, name)(*arguments) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{name}: {os.strerror(error)}")


def _python_paths() -> list[str]:
    """Where this Python, its installed packages and the kit live (read-only in the view)."""
    import smcourse

    paths = {sys.prefix, sys.base_prefix, os.path.dirname(os.path.dirname(os.path.realpath(sys.executable))),
             os.path.dirname(os.path.dirname(os.path.abspath(smcourse.__file__)))}
    paths |= {sysconfig.get_path(name) for name in ("purelib", "platlib", "stdlib", "platstdlib")}
    return sorted(path for path in paths if path and os.path.isdir(path))


def _view(writable: list[str], read_only: list[str]) -> list[str]:
    """bubblewrap's arguments for the allow-list view: nothing is there unless named here."""
    # the view's root is an empty file system of bubblewrap's, made read-only once the binds are in
    # place: /tmp is there only as the folders on the way to a writable path (TMPDIR is the home)
    arguments = ["--unshare-all", "--as-pid-1", "--die-with-parent", "--dev", "/dev", "--proc", "/proc"]
    for path in SYSTEM_PATHS:
        if os.path.islink(path):
            arguments += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            arguments += ["--ro-bind", path, path]
    for path in _python_paths() + read_only:
        arguments += ["--ro-bind-try", path, path]
    for path in writable:
        arguments += ["--bind", path, path]
    return arguments + ["--remount-ro", "/"]


def kernel_environment(environ: dict[str, str]) -> dict[str, str]:
    """The kernel's environment, from the launcher's `environ`: a few named settings, nothing else."""
    kept = {name: environ[name] for name in KERNEL_ENVIRONMENT if name in environ}
    return {"PATH": os.pathsep.join([os.path.dirname(sys.executable), "/usr/bin", "/bin"]), **kept}


def _sandboxed(writable: list[str], read_only: list[str], probe: bool = True) -> tuple[list[str] | None, str]:
    """bubblewrap's command, up to the command it is to run, that puts a process in the view (None
    where there is no view), and what the view is ("isolated" or why not). Without `probe`, the
    view is not tried first: for a warm kernel, whose placeholder tries it."""
    program = bubblewrap()
    if program is None:
        return None, ("not isolated (bubblewrap is not installed; on Debian or Ubuntu: "
                      "apt-get install bubblewrap)" if SUPPORTED else "not isolated (not Linux)")
    environment = [argument for name, value in kernel_environment(dict(os.environ)).items()
                   for argument in ("--setenv", name, value)]
    wrapped = [program, *_view(writable, read_only), "--clearenv", *environment, "--chdir", os.getcwd()]
    if probe:
        tried = subprocess.run([*wrapped, "--", "true"], capture_output=True, text=True)
        if tried.returncode != 0:
            return None, f"not isolated (bubblewrap refused: {tried.stderr.strip()[:200]})"
    return wrapped, "isolated"


def _run(command: list[str], wall_seconds: int, output: int | None, report) -> int:
    """Fork the kernel with its stdout and stderr on the descriptor `output` (if given), stop it
    after `wall_seconds`, wait for it, return its exit code."""
    child = os.fork()
    if child == 0:
        try:
            # the kernel dies with its launcher, however the launcher ends (jupyter_client may stop
            # it with SIGTERM, which bubblewrap's PID 1 would not pass on)
            libc_call("prctl", PR_SET_PDEATHSIG, signal.SIGKILL)
            # an interrupt reaches the whole process group: the kernel installs its own handler,
            # bubblewrap must not die of it
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            if output is not None:
                os.dup2(output, 1)
                os.dup2(output, 2)
            os.execvp(command[0], command)
        finally:
            os._exit(127)

    def stop(signum, frame) -> None:
        report({"event": "wall-clock-limit"})
        os.kill(child, signal.SIGKILL)

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts are meant for the kernel
    signal.signal(signal.SIGALRM, stop)
    signal.alarm(wall_seconds)
    end_kernel_on_terminate(child, report)
    _, status, usage = os.wait4(child, 0)
    return kernel_ended(status, usage.ru_utime + usage.ru_stime, report)


def end_kernel_on_terminate(pid: int, report) -> None:
    """On SIGTERM (jupyter_client's way to stop a kernel slow to shut down, sent to its launcher),
    kill the process `pid` the kernel ends with, so that the launcher still reports how it ended."""
    def terminate(signum, frame) -> None:
        report({"event": "terminated"})
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)

    signal.signal(signal.SIGTERM, terminate)


def kernel_ended(status: int, cpu_seconds: float, report) -> int:
    """Report how a kernel ended, from its wait `status`; returns its exit code."""
    cpu = round(cpu_seconds, 1)
    # bubblewrap reports a kernel killed by signal N as exit code 128 + N
    code = 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    if code > 128 and code - 128 in signal.Signals._value2member_map_:
        report({"event": "kernel-ended", "signal": signal.Signals(code - 128).name, "cpu_seconds": cpu})
    else:
        report({"event": "kernel-ended", "exit_code": code, "cpu_seconds": cpu})
    return code


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(prog="python -m smcourse.instructor.sandbox",
                                      description="Start a kernel with grading limits (for kernel specs).")
    options.add_argument("--cpu-seconds", type=int, required=True)
    options.add_argument("--memory-mb", type=int, required=True)
    options.add_argument("--tasks", type=int, required=True)
    options.add_argument("--file-mb", type=int, required=True)
    options.add_argument("--wall-seconds", type=int, required=True)
    options.add_argument("--home", required=True, help="private writable folder (HOME, TMPDIR)")
    options.add_argument("--report", required=True, help="JSON-lines file to append events to")
    options.add_argument("--kernel-log", help="file for the kernel's own output (default: inherited)")
    options.add_argument("--read-only", action="append", default=[], help="a path the kernel may read")
    options.add_argument("--writable", action="append", default=[],
                         help="a path the kernel may write, besides its own folder and home")
    options.add_argument("--warm",
                         help="address of a smcourse.instructor.warm zygote to fork the kernel from")
    options.add_argument("command", nargs="+", help="the kernel command, after --")
    args = options.parse_args(argv)
    limits = Limits(args.cpu_seconds, args.memory_mb, args.tasks, args.file_mb, args.wall_seconds)
    writable = [os.getcwd(), os.path.abspath(args.home), *map(os.path.abspath, args.writable)]
    read_only = list(map(os.path.abspath, args.read_only))
    wrapped, files = _sandboxed(writable, read_only, probe=not args.warm)
    output = os.open(args.kernel_log, os.O_WRONLY | os.O_CREAT | os.O_APPEND) if args.kernel_log else None
    with open(args.report, "a", encoding="utf-8") as log:
        def report(event: dict) -> None:
            log.write(json.dumps(event) + "\n")
            log.flush()

        def started() -> dict:
            return {"event": "started", "files": files, "limits": limits._asdict(),
                    "network": "loopback only" if files == "isolated" else "not isolated"}

        kernel = "cold"
        if args.warm:
            from smcourse.instructor import warm

            if wrapped is None:
                kernel = "cold (a warm kernel needs the view: " + files + ")"
            else:
                code, kernel = warm.launch(args.warm, wrapped, args.command, limits, output, started(),
                                           report)
                if code is not None:
                    return code
                wrapped, files = _sandboxed(writable, read_only)  # why the view did not start, if so
        report({**started(), "kernel": kernel, "tasks_capped_by": set_limits(limits, os.getppid())})
        command = args.command if wrapped is None else [*wrapped, "--", *args.command]
        return _run(command, limits.wall_seconds, output, report)


if __name__ == "__main__":
    sys.exit(main())
