"""The referee: hidden tests judged where the learner's code cannot reach them.

nbgrader runs a notebook's hidden tests in the learner's own kernel, after the learner's code, so
that code can replace what the tests judge with (a comparison, the kit's scoring helpers, even the
kernel's error reporting) and earn marks for work not done. Plain nbgrader and otter-grader share
the weakness. The referee keeps the learner's kernel for the one thing only it can do, running the
learner's code, and judges everywhere else:

1. While nbgrader executes the notebook (`RefereeExecute`, nbgrader's own Execute preprocessor
   plus one step), the kernel is asked just before each hidden test cell for the values that test
   reads, and they leave it as JSON data (`smcourse.core.values`): data, never objects or functions the
   learner wrote.
2. After the run, before nbgrader saves any grade (`RefereeVerdicts`, a preprocessor placed just
   before nbgrader's SaveAutoGrades), every hidden test cell runs again in a fresh namespace in the
   grading process, which never ran learner code: the assignment's own locked cells and question
   declarations (from the source notebook, solutions cleared), the learner's values laid over the
   `...` placeholders of the code tasks, and widget answers read from the `answers.json` the
   learner handed in (not the copy the kernel could rewrite after seeing a hidden test).
3. The referee's outputs replace the kernel's in the notebook, so nbgrader's own SaveAutoGrades
   scores them by its own rule (`determine_grade`) and nbgrader writes the graded notebook once. A
   cell where the kernel claimed more than the referee gave is reported to the instructor.

A plain `nbgrader autograde` of the same course still works: nothing in the notebooks changes.
"""

from __future__ import annotations

import ast
import builtins
import copy
import io
import json
import math
import os
import time
import traceback
from contextlib import contextmanager, redirect_stdout, suppress
from functools import lru_cache
from pathlib import Path
from queue import Empty

import nbformat
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import ClearSolutions, Execute, NbGraderPreprocessor
from nbgrader.utils import determine_grade
from traitlets import Type, Unicode
from traitlets.config import Config

from smcourse.core import values
from smcourse.core.errors import SmcourseError

PREPROCESSOR = "smcourse.instructor.referee.RefereeExecute"
VERDICTS = "smcourse.instructor.referee.RefereeVerdicts"
EXECUTE, SAVE_GRADES = "nbgrader.preprocessors.Execute", "nbgrader.preprocessors.SaveAutoGrades"
CONFIG = "nbgrader_config.py"
PROBE = '__import__("smcourse.core.values", fromlist=["emit"]).emit(globals(), {names!r})'


def _grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def is_test(cell) -> bool:
    """Whether `cell` is an automatically graded test cell (not a learner's answer)."""
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


@lru_cache(maxsize=4096)  # the same cells are read for every test of every submission
def _names(source: str, loaded: bool) -> frozenset[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return frozenset()
    wanted = ast.Load if loaded else (ast.Store, ast.Del)
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)
             and isinstance(node.ctx, wanted)}
    if not loaded:
        names |= {node.name for node in ast.walk(tree)
                  if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
        names |= {(alias.asname or alias.name).split(".")[0] for node in ast.walk(tree)
                  if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
    return frozenset(names)


def learner_names(notebook: nbformat.NotebookNode, test) -> list[str]:
    """The names `test` reads that the assignment's locked cells do not define: the learner's."""
    locked = set().union(*[_names(cell.source, loaded=False) for cell in notebook.cells
                           if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("locked")
                           and not is_test(cell)])
    own = _names(test.source, loaded=False)
    return sorted(_names(test.source, loaded=True) - locked - own - set(dir(builtins)))


class PromptKernelClient(AsyncKernelClient):
    """jupyter_client's kernel client at a grading kernel's pace. Its sockets, which connect before
    the kernel has bound its own, retry every 10 ms, not zeromq's 100 ms. It is ready as soon as the
    kernel is: jupyter_client's check (kernel_info until the reply comes on shell and IOPub delivers
    too) ends by waiting until IOPub has been quiet for 0.2 s, to drop that request's messages;
    nbclient reads only the IOPub messages of its own requests, so here those already there are
    dropped without waiting."""

    def _context_default(self) -> zmq.asyncio.Context:
        self._created_context = True
        context = zmq.asyncio.Context()
        context.setsockopt(zmq.RECONNECT_IVL, 10)  # milliseconds, for every socket made from it
        return context

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (math.inf if timeout is None else timeout)
        while True:
            self.kernel_info()
            with suppress(Empty):
                reply = await self.shell_channel.get_msg(timeout=1)
                if reply["msg_type"] == "kernel_info_reply":
                    await self.iopub_channel.get_msg(timeout=0.2)  # Empty: IOPub is not connected yet
                    self._handle_kernel_info_reply(reply)
                    break
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")
        with suppress(Empty):
            while True:
                await self.iopub_channel.get_msg(timeout=0)


class PromptKernelManager(AsyncKernelManager):
    """jupyter_client's kernel manager whose client is a `PromptKernelClient`, and which, after asking
    the kernel to shut down, looks every 10 ms, not every 100 ms, whether it has ended (within the
    same overall wait)."""

    client_factory = Type(PromptKernelClient, config=True)

    async def _async_finish_shutdown(self, waittime=None, pollinterval=0.01, restart=False):
        await super()._async_finish_shutdown(waittime, pollinterval, restart)


class RefereeExecute(Execute):
    """nbgrader's Execute, which also hands the learner's values over before each hidden test."""

    values_file = Unicode("", help="JSON-lines file that receives the values each test reads"
                          ).tag(config=True)
    sockets_dir = Unicode("", help="talk to the kernel over Unix sockets in this folder (for a "
                          "kernel without network); its path must be short").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        # nbgrader writes the notebook, hidden tests restored, into the folder where the learner's
        # code then runs; it writes it again when the run ends, so until then it is taken away
        if self.values_file and resources:
            on_disk = Path(resources["metadata"]["path"]) / f"{resources['unique_key']}.ipynb"
            on_disk.unlink(missing_ok=True)
        return super().preprocess(nb, resources, km)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", PromptKernelManager)  # nbgrader's own is the plain one
        super().__init__(*args, **kwargs)

    def create_kernel_manager(self):
        manager = super().create_kernel_manager()
        if self.sockets_dir:
            manager.transport = "ipc"
            manager.connection_file = os.path.join(self.sockets_dir, "kernel.json")
            manager.ip = os.path.join(self.sockets_dir, "kernel")
        return manager

    def preprocess_cell(self, cell, resources, index):
        if self.values_file and is_test(cell):
            names = learner_names(self.nb, cell)
            probe = nbformat.v4.new_code_cell(PROBE.format(names=names))
            self.execute_cell(probe, index, store_history=False)
            handed = next((output.data[values.MIME]["values"] for output in probe.outputs
                           if output.get("output_type") == "display_data"
                           and values.MIME in output.get("data", {})), {})
            with open(self.values_file, "a", encoding="utf-8") as file:
                file.write(json.dumps({"notebook": resources.get("unique_key"),
                                       "cell": _grade_id(cell), "values": handed}) + "\n")
        return super().preprocess_cell(cell, resources, index)


class RefereeVerdicts(NbGraderPreprocessor):
    """Put the referee's verdict (`judge`) in place of the kernel's output in every hidden test
    cell of the notebook nbgrader is grading; note where the kernel had claimed more."""

    values_file = Unicode("", help="JSON-lines file RefereeExecute filled with the values each "
                          "test reads").tag(config=True)
    disputes_file = Unicode("", help="text file that receives a line for each cell where the "
                            "kernel claimed more points than the referee gave").tag(config=True)

    def preprocess(self, nb, resources):
        about = resources["nbgrader"]
        notebook, assignment, student = about["notebook"], about["assignment"], about["student"]
        coursedir = CourseDirectory(config=self.config)
        source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
        handed_in = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
        handed = {cell: data for (name, cell), data in handed_values(Path(self.values_file)).items()
                  if name == notebook}
        verdicts = judge(nbformat.read(source / f"{notebook}.ipynb", as_version=4), handed_in,
                         handed, self.config)
        disputes = []
        for cell in nb.cells:
            if _grade_id(cell) not in verdicts:
                continue
            claimed, _ = determine_grade(cell)
            cell.outputs = verdicts[_grade_id(cell)]
            given, _ = determine_grade(cell)
            if (claimed or 0) > (given or 0):
                disputes.append(f"{_grade_id(cell)}: the notebook's own run claimed {claimed:g} "
                                f"points, the referee gave {given:g} (its code may have changed "
                                "how it was checked)\n")
        with open(self.disputes_file, "a", encoding="utf-8") as file:
            file.writelines(disputes)
        return nb, resources


def use_referee(config: Config, values_file: Path, disputes_file: Path,
                sockets: Path | None = None) -> None:
    """Make nbgrader's autograde under `config` hand values over to `values_file`, grade hidden tests
    by the referee's verdicts and note disputes in `disputes_file` (and talk to the kernel over
    Unix sockets in `sockets`, if given)."""
    if SAVE_GRADES not in config.Autograde.get("autograde_preprocessors", []):
        raise SmcourseError(f"the course's {CONFIG} must list {SAVE_GRADES!r} by name in "
                            "c.Autograde.autograde_preprocessors, for the referee to judge before "
                            "nbgrader saves the grades (see the kit's own nbgrader_config.py)")
    replaced = {EXECUTE: [PREPROCESSOR], SAVE_GRADES: [VERDICTS, SAVE_GRADES]}
    config.Autograde.autograde_preprocessors = [
        new for name in config.Autograde.autograde_preprocessors for new in replaced.get(name, [name])]
    config.RefereeExecute.values_file = config.RefereeVerdicts.values_file = str(values_file)
    config.RefereeVerdicts.disputes_file = str(disputes_file)
    config.RefereeExecute.sockets_dir = str(sockets or "")


def disputes(disputes_file: Path) -> list[str]:
    """The lines RefereeVerdicts noted: cells where the kernel claimed more than the referee gave."""
    return disputes_file.read_text(encoding="utf-8").splitlines() if disputes_file.is_file() else []


def handed_values(values_file: Path) -> dict[tuple[str, str], dict]:
    """(notebook, grade_id) -> the values the kernel handed over before that test."""
    found = {}
    if values_file.is_file():
        for line in values_file.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            found[(record["notebook"], record["cell"])] = record["values"]
    return found


@lru_cache(maxsize=1024)
def _compiled(source: str, label: str):
    """`source` compiled as a kernel runs a cell: its statements, and its last expression (or None),
    whose value is the cell's result. Kept for a worker's later submissions: the judge's cells come
    from the assignment's source notebook, never from a learner, and a code object cannot change,
    so a learner's values (data, laid in the namespace) cannot reach what is cached."""
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    return (compile(tree, label, "exec"),
            None if last is None else compile(ast.Expression(last.value), label, "eval"))


def _run(source: str, namespace: dict, label: str) -> list[dict]:
    """Run `source` in `namespace` as a kernel would run a cell; its outputs in nbformat's shape."""
    printed, outputs, result = io.StringIO(), [], None
    try:
        statements, last = _compiled(source, label)
        with redirect_stdout(printed):
            exec(statements, namespace)
            if last is not None:
                result = eval(last, namespace)
    except Exception as error:  # a failing test is a verdict, whatever it raised
        failure = {"output_type": "error", "ename": type(error).__name__, "evalue": str(error),
                   "traceback": traceback.format_exception_only(type(error), error)}
    else:
        failure = None
    if printed.getvalue():
        outputs.append(nbformat.v4.new_output("stream", name="stdout", text=printed.getvalue()))
    if failure:
        outputs.append(nbformat.v4.new_output("error", **{k: v for k, v in failure.items()
                                                            if k != "output_type"}))
    elif result is not None:
        outputs.append(nbformat.v4.new_output("execute_result", data={"text/plain": repr(result)},
                                              execution_count=None))
    return outputs


@contextmanager
def _judging(folder: Path):
    """Run cells as the autograder would, with `folder` (where answers.json is) as the cwd."""
    before, previous = os.getcwd(), os.environ.get("NBGRADER_EXECUTION")
    os.environ["NBGRADER_EXECUTION"] = "autograde"
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)
        if previous is None:
            os.environ.pop("NBGRADER_EXECUTION", None)
        else:
            os.environ["NBGRADER_EXECUTION"] = previous


def _unanswered(notebook, test, namespace: dict) -> tuple[list[dict], bool]:
    """A line for the feedback naming the answers a code task still leaves as `...`, and whether
    that is all of them (then the test is not run: it could only list the same gap part by part)."""
    names = [name for name in learner_names(notebook, test) if name in namespace]
    left = [name for name in names if namespace[name] is Ellipsis]
    if not left:
        return [], False
    text = "Not answered yet: " + ", ".join(left) + (" is" if len(left) == 1 else " are") + " still `...`."
    if len(left) == len(names):
        return [nbformat.v4.new_output("error", ename="AssertionError", evalue=text,
                                       traceback=[f"AssertionError: {text}"])], True
    return [nbformat.v4.new_output("stream", name="stdout", text=text + "\n")], False


def judge(source: nbformat.NotebookNode, answers_folder: Path, handed: dict[str, dict],
          config: Config) -> dict[str, list[dict]]:
    """grade_id -> the outputs of each hidden test cell, run in a fresh namespace: the notebook's
    own cells with solutions cleared, the learner's `handed` values (grade_id -> name -> data) over
    the `...` placeholders, widget answers from the answers.json in `answers_folder`."""
    release, _ = ClearSolutions(config=config).preprocess(copy.deepcopy(source), {})
    namespace: dict = {"__name__": "__main__"}
    verdicts = {}
    with _judging(answers_folder):
        for cell in release.cells:
            if cell.cell_type != "code":
                continue
            if not is_test(cell):
                _run(cell.source, namespace, f"<{_grade_id(cell) or 'cell'}>")
                continue
            for name, data in handed.get(_grade_id(cell), {}).items():
                if namespace.get(name, Ellipsis) is Ellipsis:
                    namespace[name] = values.decode(data)
            gap, blank = _unanswered(release, cell, namespace)
            verdicts[_grade_id(cell)] = gap if blank else gap + _run(cell.source, namespace,
                                                                   f"<{_grade_id(cell)}>")
    return verdicts
