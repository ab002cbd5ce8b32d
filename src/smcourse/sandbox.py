"""Limits and a private view of the files for the kernel that runs one learner's notebook in grading.

nbgrader starts one kernel per graded notebook. `smcourse.grading` points it at the kernel spec that
`write_kernel_spec` writes, whose command is this module (`python -m smcourse.sandbox [limits] --
<kernel command>`). Before starting the kernel, the launcher

* sets resource limits: memory written to, CPU seconds, the size of any file written, no core
  dumps, the number of processes and threads (`RLIMIT_NPROC`; Linux exempts root from it, so
  for root the kernel also goes into a `pids` cgroup when the machine has one it may write to);
* enters new user, mount and PID namespaces (Linux; no privilege needed where unprivileged user
  namespaces are allowed), where every file system is read-only except the kernel's own folder and
  a private home, and the `--hide` paths (other learners' work, the gradebook) look empty;
* starts the kernel as PID 1 of its namespace, so every process it started ends when it ends, and
  stops it when the notebook has run for longer than its wall-clock allowance.

What was in force is appended to the `--report` file as JSON lines, for the grading summary. Where a
step is refused (no Linux, user namespaces disabled), the launcher goes on with what it could apply
and says so there; it never stops a class run. See course/instructor/room_setup_and_grading.md for
what this does not isolate (network, CPU share, disk space) and how to go further.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

KERNEL_NAME = "smcourse-sandbox"
SUPPORTED = sys.platform.startswith("linux")  # elsewhere grading uses the plain kernel
CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID = 0x00020000, 0x10000000, 0x20000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 0x1, 0x2, 0x4, 0x8
MS_REMOUNT, MS_NOATIME, MS_NODIRATIME, MS_BIND = 0x20, 0x400, 0x800, 0x1000
MS_REC, MS_PRIVATE, MS_RELATIME = 0x4000, 0x40000, 0x200000
PR_SET_PDEATHSIG = 1
# statvfs flags (by name: some exist only on Linux) that a remount inside a user namespace must
# keep, because the kernel locks them, and the mount flag for each
LOCKED_FLAGS = {"ST_NOSUID": MS_NOSUID, "ST_NODEV": MS_NODEV, "ST_NOEXEC": MS_NOEXEC,
                "ST_NOATIME": MS_NOATIME, "ST_NODIRATIME": MS_NODIRATIME, "ST_RELATIME": MS_RELATIME}


@dataclass(frozen=True)
class Limits:
    """What one graded notebook may use. Memory and CPU apply to each of its processes."""

    cpu_seconds: int = 120
    memory_mb: int = 2048
    tasks: int = 128  # processes and threads, the kernel's own included
    file_mb: int = 200
    wall_seconds: int = 900  # the whole notebook, however many cells wait for their timeout

    def arguments(self) -> list[str]:
        return ["--cpu-seconds", str(self.cpu_seconds), "--memory-mb", str(self.memory_mb),
                "--tasks", str(self.tasks), "--file-mb", str(self.file_mb),
                "--wall-seconds", str(self.wall_seconds)]


def write_kernel_spec(folder: Path, limits: Limits, *, home: Path, hide: list[Path], report: Path,
                      kernel_log: Path) -> Path:
    """Write the sandboxed Python kernel spec under `folder`/kernels/; put `folder` on JUPYTER_PATH
    to use it. The kernel's own chatter goes to `kernel_log`, not the grader's terminal. Returns the
    spec's folder."""
    command = [sys.executable, "-m", "smcourse.sandbox", *limits.arguments(), "--home", str(home),
               "--report", str(report), "--kernel-log", str(kernel_log)]
    for path in hide:
        command += ["--hide", str(path)]
    spec = {
        "argv": [*command, "--", sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (grading sandbox)",
        "language": "python",
        # one thread per numerical library keeps memory predictable and results reproducible
        "env": {"HOME": str(home), "IPYTHONDIR": str(home / ".ipython"), "TMPDIR": str(home),
                "MPLCONFIGDIR": str(home), "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
                "MKL_NUM_THREADS": "1", "MALLOC_ARENA_MAX": "2", "PYTHONDONTWRITEBYTECODE": "1"},
    }
    target = folder / "kernels" / KERNEL_NAME
    target.mkdir(parents=True, exist_ok=True)
    (target / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    home.mkdir(parents=True, exist_ok=True)
    return target


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

def _set_limits(limits: Limits) -> str:
    """Set the rlimits; returns how the number of tasks is capped."""
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
    return "cgroup" if _join_pids_cgroup(limits.tasks) else "none"


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


def _join_pids_cgroup(tasks: int) -> bool:
    """Move this process into a pids cgroup of its grading worker, capped at `tasks`."""
    try:
        parent = _pids_cgroup_parent()
        if parent is None:
            return False
        group = parent / _cgroup_name(os.getppid())
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


def _libc_call(name: str, *arguments) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if getattr(libc, name)(*arguments) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{name}: {os.strerror(error)}")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    def encode(text: str | None) -> bytes | None:
        return None if text is None else os.fsencode(text)

    _libc_call("mount", encode(source), encode(target), encode(fstype), ctypes.c_ulong(flags),
               encode(data))


def _mount_points() -> list[str]:
    # the kernel escapes a space, tab, newline or backslash in a path as \ and three octal digits
    return [re.sub(r"\\([0-7]{3})", lambda match: chr(int(match.group(1), 8)), line.split()[4])
            for line in Path("/proc/self/mountinfo").read_text().splitlines()]


def _isolate_files(writable: list[str], hide: list[str]) -> list[str]:
    """New user, mount and PID namespaces; everything read-only but `writable`; `hide` empty.
    Returns the mount points that could not be made read-only."""
    uid, gid = os.getuid(), os.getgid()
    _libc_call("unshare", CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID)
    Path("/proc/self/setgroups").write_text("deny")
    Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
    Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    kept = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in writable}  # before hiding
    for path in hide:
        if os.path.isdir(path):
            _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=755")
        elif os.path.exists(path):
            _mount("/dev/null", path, None, MS_BIND)
    for path, descriptor in kept.items():
        os.makedirs(path, exist_ok=True)  # inside a hidden folder, the path is gone until bound again
        _mount(f"/proc/self/fd/{descriptor}", path, None, MS_BIND)
        os.close(descriptor)
    refused = []
    for point in _mount_points():
        if point in kept:
            continue
        try:
            locked = os.statvfs(point).f_flag
            flags = sum(ms for name, ms in LOCKED_FLAGS.items() if locked & getattr(os, name))
            _mount(None, point, None, MS_REMOUNT | MS_BIND | MS_RDONLY | flags)
        except OSError:
            refused.append(point)
    return refused


def _run(command: list[str], wall_seconds: int, output: int | None, report) -> int:
    """Fork the kernel (PID 1 of the new namespace, if any) with its stdout and stderr on the
    descriptor `output` (if given), stop it after `wall_seconds`, wait for it, return its exit code."""
    child = os.fork()
    if child == 0:
        try:
            # the kernel dies with its launcher, however the launcher ends (jupyter_client may stop
            # it with SIGTERM, which the kernel, as PID 1 of its namespace, would ignore)
            _libc_call("prctl", PR_SET_PDEATHSIG, signal.SIGKILL)
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
    _, status, usage = os.wait4(child, 0)
    cpu = round(usage.ru_utime + usage.ru_stime, 1)
    if os.WIFSIGNALED(status):
        report({"event": "kernel-ended", "signal": signal.Signals(os.WTERMSIG(status)).name,
                "cpu_seconds": cpu})
        return 128 + os.WTERMSIG(status)
    report({"event": "kernel-ended", "exit_code": os.WEXITSTATUS(status), "cpu_seconds": cpu})
    return os.WEXITSTATUS(status)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(prog="python -m smcourse.sandbox",
                                      description="Start a kernel with grading limits (for kernel specs).")
    options.add_argument("--cpu-seconds", type=int, required=True)
    options.add_argument("--memory-mb", type=int, required=True)
    options.add_argument("--tasks", type=int, required=True)
    options.add_argument("--file-mb", type=int, required=True)
    options.add_argument("--wall-seconds", type=int, required=True)
    options.add_argument("--home", required=True, help="private writable folder (HOME, TMPDIR)")
    options.add_argument("--report", required=True, help="JSON-lines file to append events to")
    options.add_argument("--kernel-log", help="file for the kernel's own output (default: inherited)")
    options.add_argument("--hide", action="append", default=[], help="path that must look empty")
    options.add_argument("command", nargs="+", help="the kernel command, after --")
    args = options.parse_args(argv)
    limits = Limits(args.cpu_seconds, args.memory_mb, args.tasks, args.file_mb, args.wall_seconds)
    cwd = os.getcwd()
    # both files are opened before the file systems turn read-only
    output = os.open(args.kernel_log, os.O_WRONLY | os.O_CREAT | os.O_APPEND) if args.kernel_log else None
    with open(args.report, "a", encoding="utf-8") as log:
        def report(event: dict) -> None:
            log.write(json.dumps(event) + "\n")
            log.flush()

        tasks_capped_by = _set_limits(limits)
        try:
            refused = _isolate_files([cwd, os.path.abspath(args.home)],
                                     [os.path.abspath(path) for path in args.hide])
            files = "isolated" if not refused else "partly isolated"
        except (OSError, AttributeError) as error:  # not Linux, or namespaces not allowed here
            refused, files = [], f"not isolated ({error})"
        os.chdir(cwd)  # into the folder bound over the original, not the read-only original
        report({"event": "started", "tasks_capped_by": tasks_capped_by, "files": files,
                "not_read_only": refused, "limits": limits.__dict__})
        return _run(args.command, limits.wall_seconds, output, report)


if __name__ == "__main__":
    sys.exit(main())
