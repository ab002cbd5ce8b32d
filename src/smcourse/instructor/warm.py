"""Warm kernels: every graded notebook gets a new kernel process, forked from one that has already
imported what the assignments import, and entered into the same sandbox a cold kernel starts in.

Most of the cost of grading one notebook is not the learner's code but starting Python and
importing ipykernel, pandas, plotly and the kit, paid again for every learner. The design is the
pre-forking server's (Apache's prefork, Android's zygote): each grading worker starts one *zygote*,
a process that imports all of that once and then only waits; for each notebook it forks a child
(copy-on-write, so the imports cost nothing) that becomes the kernel. The zygote never runs a line
of learner code, so each kernel starts from the same clean state and nothing of one learner's
kernel (globals, a monkeypatched pandas, files, processes) reaches the next. ipykernel's proposals
to fork a kernel (pull requests 410 and 1261, both closed) forked a *running* kernel, whose event
loop, threads and sockets a fork copies badly; the zygote forks before any of those exist (it
checks it has no second thread), the child closes every descriptor it inherited, takes the
environment of its own kernel spec and reseeds numpy, and only then starts ipykernel.

The sandbox is not rebuilt by hand. Per notebook the launcher (`python -m smcourse.sandbox`, the
command of the kernel spec, as for a cold kernel) starts bubblewrap with exactly the view, limits
and namespaces a cold kernel gets, but running a placeholder shell instead of the kernel. The
forked child joins that placeholder's namespaces (user, mount, network, IPC, UTS, cgroup, then
PID: `setns`), takes its capabilities and no_new_privs, sets the same resource limits and pids
cgroup, and becomes the kernel as PID 2 of that sandbox. So the view, the loopback-only network
and the limits are bubblewrap's own, built per notebook; a zygote inside one long-lived bubblewrap
per worker would share one view between learners. What differs from a cold kernel: the placeholder
is PID 1 beside the kernel, the kernel's CPU time counts from its fork, Python's hash seed is the
zygote's, the course tables are already parsed (`data.load` hands the kernel copies of them,
as it does after a first load in any process), and once it has answered jupyter_client's shutdown
request the kernel ends at once, running no exit handlers (ipykernel's own can hang, see
`_become_kernel`). Nbgrader still executes and scores every notebook
through jupyter_client: only where the kernel process comes from changes. A kernel that dies, hangs
or is killed ends its own placeholder and launcher; the zygote and the next notebook do not notice.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import gc
import importlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

from smcourse.instructor import sandbox

# what the assignments import, and the kernel itself: its app, its shell and what they import only
# when a kernel starts (the debugger with debugpy, psutil, pdb, the history's sqlite3). Importing
# more of what a kernel's start-up loads (IPython's inspector, completer and store magic,
# tornado's asyncio loop, faulthandler) made kernels slower, not faster, and some ended too late
# for their launcher to report it: measured, then left out.
WARM_MODULES = ("numpy", "pandas", "plotly.express", "plotly.graph_objects", "ipywidgets",
                "smcourse.ui.answers", "smcourse.core.data", "smcourse.ui.figures", "smcourse.core.metrics",
                "smcourse.core.practice", "smcourse.core.values", "ipykernel.kernelapp", "ipykernel.ipkernel",
                "ipykernel.zmqshell", "ipykernel.debugger", "psutil", "pdb", "sqlite3",
                "IPython.extensions")
# joined in this order: the user namespace first (it grants the rights to join the rest), the PID
# namespace last (it applies to the children of the process that joins it)
NAMESPACES = ("user", "mnt", "net", "ipc", "uts", "cgroup", "pid")
PLACEHOLDER = ["/bin/sh", "-c", "echo ready; read line"]  # PID 1 of the view until the kernel ends
PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 24, 38, 47, 4
CAPABILITY_VERSION_3 = 0x20080522
MESSAGE_BYTES = 1 << 16


class Zygote:
    """A grading worker's warm process: started once, forks a kernel for each notebook."""

    def __init__(self, environment: dict[str, str]):
        """Start it with the kernels' `environment` (read at import time by some libraries)."""
        # imported here, not at the top: the launcher, a new Python for every notebook, imports
        # this module for `launch` alone, and importing tempfile cost it about 5 ms of CPU
        import tempfile

        self.folder = Path(tempfile.mkdtemp(prefix="smz-", dir="/tmp"))  # short: a socket's path
        self.address = self.folder / "zygote"
        home = {name: str(self.folder) for name in ("HOME", "TMPDIR", "MPLCONFIGDIR")}
        # debugpy, imported for the kernels' debugger, would warn on the grader's terminal that
        # Python's own modules are frozen (a cold kernel's warning goes to its log)
        quiet = {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        self.process = subprocess.Popen([sys.executable, "-m", "smcourse.instructor.warm", str(self.address)],
                                        env={**environment, **home, **quiet}, cwd=self.folder,
                                        stdout=subprocess.PIPE, text=True)
        ready = self.process.stdout.readline().strip()
        if ready != "ready":
            self.stop()
            raise OSError(f"the warm kernel process did not start ({ready or 'no answer'})")
        atexit.register(self.stop)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


# --- the launcher's side (in `python -m smcourse.sandbox`, outside the sandbox) --------------------

def launch(address: str, wrapped: list[str], command: list[str], limits: sandbox.Limits,
           output: int | None, started: dict, report) -> tuple[int | None, str]:
    """Start `command` (an ipykernel) as a kernel forked from the zygote at `address`, in the view
    bubblewrap builds with `wrapped`; report as a cold launch does and wait for it. Returns its exit
    code and "warm", or None and why not when no warm kernel could be started (start a cold one)."""
    if command[:3] != [sys.executable, "-m", "ipykernel_launcher"]:
        return None, "cold (a warm kernel is an ipykernel of this Python)"
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        connection.connect(address)
    except OSError as error:
        return None, f"cold (no warm kernel process: {error.strerror})"
    placeholder, pid = _placeholder(wrapped)
    if pid is None:
        placeholder.kill()
        placeholder.wait()
        return None, "cold (bubblewrap did not start the view)"
    joined = [name for name in NAMESPACES
              if os.readlink(f"/proc/self/ns/{name}") != os.readlink(f"/proc/{pid}/ns/{name}")]
    namespaces = [os.open(f"/proc/{pid}/ns/{name}", os.O_RDONLY) for name in joined]
    status = dict(line.split(":\t", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    request = {"argv": command[3:], "cwd": os.getcwd(), "limits": limits._asdict(), "worker": os.getppid(),
               "environment": sandbox.kernel_environment(dict(os.environ)),
               "capabilities": {name: int(status[name], 16) for name in ("CapEff", "CapPrm", "CapBnd")}}
    log = 1 if output is None else output
    socket.send_fds(connection, [json.dumps(request).encode()], [log, *namespaces])
    for descriptor in namespaces:
        os.close(descriptor)
    answer = json.loads(connection.recv(MESSAGE_BYTES) or b'{"error": "the warm process ended"}')
    if "error" in answer:
        _end(placeholder, pid)
        return None, f"cold (the warm kernel could not enter the sandbox: {answer['error'][:200]})"
    report({**started, "kernel": "warm", "tasks_capped_by": answer["tasks_capped_by"]})

    def stop(signum, frame) -> None:
        report({"event": "wall-clock-limit"})
        os.kill(pid, signal.SIGKILL)  # PID 1 of the view: the kernel ends with it

    def interrupt(signum, frame) -> None:
        # interrupts are meant for the kernel, which is not in this process group; jupyter_client
        # sends one before every shutdown, when the kernel may have just ended
        with contextlib.suppress(ProcessLookupError):
            os.kill(answer["pid"], signal.SIGINT)

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGALRM, stop)
    signal.alarm(limits.wall_seconds)
    sandbox.end_kernel_on_terminate(pid, report)
    ended = json.loads(connection.recv(MESSAGE_BYTES) or b"{}")
    signal.alarm(0)
    _end(placeholder, pid)
    # the fork's parent ended without a word only if it was killed, and the kernel with it
    return sandbox.kernel_ended(ended.get("status", signal.SIGKILL), ended.get("cpu_seconds", 0.0),
                                report), "warm"


def _placeholder(wrapped: list[str]) -> tuple[subprocess.Popen, int | None]:
    """Start bubblewrap's view with the placeholder in it; returns bubblewrap and the placeholder's
    PID, once the view is complete (the placeholder has started), or None if it did not start."""
    info, info_end = os.pipe()
    # bubblewrap dies with this launcher (--die-with-parent), and the placeholder with it: so does
    # the kernel, whatever ends the launcher. It inherits ignoring SIGINT, meant for the kernel.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # bubblewrap's complaint, where it is refused, stays off the grader's terminal: the launcher
    # then tries the view again for a cold kernel and reports why it failed
    placeholder = subprocess.Popen([*wrapped, "--info-fd", str(info_end), "--", *PLACEHOLDER],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, pass_fds=[info_end])
    os.close(info_end)
    placeholder.stdout.readline()
    text, pid = b"", None
    while pid is None:
        chunk = os.read(info, MESSAGE_BYTES)
        if not chunk:
            break
        text += chunk
        try:
            pid = json.loads(text)["child-pid"]
        except json.JSONDecodeError:
            continue
    os.close(info)
    return placeholder, pid


def _end(placeholder: subprocess.Popen, pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    placeholder.wait()


# --- the zygote's side -----------------------------------------------------------------------------

def serve(address: str) -> None:
    """The zygote: import the warm modules, then fork a kernel for each launcher that asks."""
    sandbox.libc_call("prctl", sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)  # ends with its worker
    if sys.path[0] == os.getcwd():
        del sys.path[0]  # as ipykernel_launcher does; the kernel puts its own folder back
    before = dict(os.environ)
    for name in WARM_MODULES:
        importlib.import_module(name)
    # what importing set in the environment (debugpy sets PYDEVD_USE_FRAME_EVAL), as a cold kernel's
    # imports set it in its own
    set_by_imports = {name: value for name, value in os.environ.items() if before.get(name) != value}
    from smcourse.core import data

    try:  # the course tables, parsed once here: a kernel's data.load copies them
        for table in data.TABLES:
            data.load(table)
    except data.DatasetError:
        pass  # each kernel then reads them itself, and says what is wrong
    _draw_a_course_figure()
    # every object so far is the zygote's for good: a kernel's garbage collector, which would
    # otherwise walk them all (a full collection as the kernel ends), and copy every page it touches,
    # leaves them alone (the fork-without-exec use that Python's documentation gives for gc.freeze)
    gc.collect()
    gc.freeze()
    if len(os.listdir("/proc/self/task")) != 1:
        sys.exit("not warm: importing started threads, which a fork would not copy")
    last_capability = int(Path("/proc/sys/kernel/cap_last_cap").read_text())
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    listener.bind(address)
    listener.listen()
    signal.signal(signal.SIGCHLD, _reap)
    print("ready", flush=True)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.close(quiet)
    while True:
        connection, _ = listener.accept()
        try:
            message, descriptors, _, _ = socket.recv_fds(connection, MESSAGE_BYTES, len(NAMESPACES) + 1)
            request = json.loads(message)
        except (OSError, ValueError):
            connection.close()
            continue
        if os.fork() == 0:
            os.close(listener.detach())
            _enter(connection, request | {"set_by_imports": set_by_imports}, descriptors, last_capability)
        connection.close()
        for descriptor in descriptors:
            os.close(descriptor)


def _draw_a_course_figure() -> None:
    """Make and render one course figure, as most assignments do: plotly loads the modules and
    builds the validators a figure needs only on first use, so each kernel gets them already made."""
    import plotly.express as px

    from smcourse.ui import figures

    figure = figures.finish(px.bar(x=[0, 1], y=[1, 2]), title="warm", x_title="x", y_title="y",
                            alt="warm")
    figures.mimebundle(figure.to_dict())


def _reap(signum, frame) -> None:
    """Wait for the forks that have ended: their CPU time (their kernels' included) then counts as
    the zygote's children's, so the grading worker's resource usage includes it."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:  # none left
        pass


def _enter(connection: socket.socket, request: dict, descriptors: list[int], last_capability: int):
    """The fork: take the limits, join the view's namespaces, fork the kernel into its PID
    namespace, tell the launcher how the kernel ended. Never returns."""
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        sandbox.libc_call("prctl", sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)  # ends with the zygote
        os.setsid()  # a kernel that signals its process group reaches itself, not the zygote
        output, *namespaces = descriptors
        capped_by = sandbox.set_limits(sandbox.Limits(**request["limits"]), request["worker"])
        for descriptor in namespaces:
            sandbox.libc_call("setns", descriptor, 0)
            os.close(descriptor)
        kernel = os.fork()
        if kernel == 0:
            _become_kernel(connection, request, output, last_capability)
        connection.send(json.dumps({"pid": kernel, "tasks_capped_by": capped_by}).encode())
        _, status, usage = os.wait4(kernel, 0)
        connection.send(json.dumps({"status": status,
                                    "cpu_seconds": usage.ru_utime + usage.ru_stime}).encode())
    except Exception as error:  # the launcher starts a cold kernel instead, or reports the end
        try:
            connection.send(json.dumps({"error": f"{type(error).__name__}: {error}"}).encode())
        except OSError:
            pass
    os._exit(0)


def _become_kernel(connection: socket.socket, request: dict, output: int, last_capability: int):
    """The kernel: drop what the zygote holds, take what a cold kernel gets, run ipykernel. Never
    returns."""
    code = 1
    try:
        sandbox.libc_call("prctl", sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)  # ends with its parent
        connection.detach()
        os.dup2(output, 1)
        os.dup2(output, 2)
        nothing = os.open(os.devnull, os.O_RDONLY)
        os.dup2(nothing, 0)
        os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # the launcher's socket, the namespaces, the log
        os.chdir(request["cwd"])
        _take_capabilities(request["capabilities"], last_capability)
        # Python sets LC_CTYPE at start-up in a C locale (PEP 538): the zygote did, as a cold kernel
        # with the same environment does; bubblewrap sets PWD
        coerced = {"LC_CTYPE": os.environ["LC_CTYPE"]} if "LC_CTYPE" in os.environ else {}
        os.environ.clear()
        os.environ.update({**request["environment"], **coerced, **request["set_by_imports"],
                           "PWD": request["cwd"]})
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a cold kernel starts; ipykernel takes it
        sys.modules["tempfile"].tempdir = None  # imported with the warm modules
        sys.modules["numpy"].random.seed()  # a fresh kernel's numpy seeds itself from the system
        sys.argv = [sys.modules["ipykernel.kernelapp"].__file__, *request["argv"]]
        from ipykernel import kernelapp

        try:
            kernelapp.launch_new_instance()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        # no exit handlers once the kernel has answered its shutdown: ipykernel's own (close its
        # sockets, join its threads) can wait forever on its control thread, still announcing that
        # shutdown on a channel already closed (then jupyter_client ends the kernel after 2.5 s),
        # and what they would tidy (sockets, connection file, home) goes with the kernel's folder
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _take_capabilities(capabilities: dict[str, int], last_capability: int) -> None:
    """Keep only the capabilities bubblewrap left the view's own process, and no new privileges."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in range(last_capability + 1):
        if not capabilities["CapBnd"] >> capability & 1:
            sandbox.libc_call("prctl", PR_CAPBSET_DROP, capability, 0, 0, 0)
    sandbox.libc_call("prctl", PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    effective, permitted = capabilities["CapEff"], capabilities["CapPrm"]
    header = (ctypes.c_uint32 * 2)(CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)(effective & 0xFFFFFFFF, permitted & 0xFFFFFFFF, 0,
                                 effective >> 32, permitted >> 32, 0)
    if libc.capset(header, data) != 0:
        raise OSError(ctypes.get_errno(), "capset: " + os.strerror(ctypes.get_errno()))
    sandbox.libc_call("prctl", PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)


if __name__ == "__main__":
    serve(sys.argv[1])
