"""The course kit's launcher: one command on Windows, macOS or Linux, with nothing but Python.

    python kit.py lab        # learners: create .venv, install what the lessons need, open JupyterLab
    python kit.py install    # the same without opening JupyterLab (--role instructor|hub|dev for more)
    python kit.py test       # developers: install everything, then run the test suite
    python kit.py bundle     # instructors: build the zip learners get (no solutions, tests or tools)
    python kit.py size       # how much disk the environment takes, and how many packages

On Windows type `py kit.py lab`. `make lab`, `make install` and `make test` call this file, so there
is one way the environment is made. It uses the standard library only and is written so that even
an old Python can read it far enough to say which Python to install.
"""

# Old syntax on purpose (no f-strings, no annotations): a Python 2.7 or 3.6 must be able to parse
# this file to print the message that says what to install.
from __future__ import print_function

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile

MINIMUM = (3, 10)
ROOT = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(ROOT, ".venv")
# What each role installs (extras of pyproject.toml). A learner gets the lessons and JupyterLab only.
ROLES = {
    "learner": "",
    "instructor": "[instructor]",
    "hub": "[hub]",
    "dev": "[dev]",
}
# Each role includes the ones before it in this order, so an environment made for a developer also
# serves a learner and `kit.py lab` does not reinstall.
ORDER = ["learner", "instructor", "hub", "dev"]
WELCOME = os.path.join("course", "00_welcome.ipynb")
OVERRIDES = os.path.join("jupyter", "overrides.json")
STAMP = ".smcourse-installed.json"

# What goes into the learner bundle, relative to the kit's folder; everything else stays out.
BUNDLE_FILES = ["kit.py", "pyproject.toml", "LICENSE", OVERRIDES]
BUNDLE_FOLDERS = ["src", "course", "exercises", "datasets"]
# Never in the bundle, wherever they appear: answers, tools, generated and personal files.
BUNDLE_EXCLUDED_PARTS = {"__pycache__", ".ipynb_checkpoints", ".smcourse",
                         "solutions", "tests", "book", "submitted", "autograded", "feedback",
                         "hub", "benchmarks", "binder"}
BUNDLE_EXCLUDED_FOLDERS = {"course/instructor"}  # the instructors' notes (the package's own side stays)
BUNDLE_EXCLUDED_SUFFIXES = (".pyc", ".db", ".egg-info")
BUNDLE_EXCLUDED_NAMES = {"answers.json", "gradebook.db"}
# the bundle's README: a learner's, not the developer's
LEARNER_README = os.path.join("jupyter", "learner_README.md")


class KitError(Exception):
    """A problem the person at the keyboard can fix; shown as one message, never a traceback."""


def python_problem(version_info, platform):
    """None when this Python can run the kit, otherwise a message saying what to install."""
    if tuple(version_info[:2]) >= MINIMUM:
        return None
    found = "{0}.{1}".format(version_info[0], version_info[1])
    need = "{0}.{1}".format(*MINIMUM)
    lines = ["This course needs Python {0} or newer; this is Python {1}.".format(need, found)]
    if platform.startswith("win"):
        lines += [
            "Install Python 3.12 from https://www.python.org/downloads/windows/ (tick",
            "'Add python.exe to PATH'), or from the Microsoft Store, or with",
            "    winget install Python.Python.3.12",
            "then open a new terminal in this folder and type:  py -3.12 kit.py lab",
        ]
    elif platform == "darwin":
        lines += [
            "The python3 that comes with macOS is too old for the course. Install Python 3.12",
            "from https://www.python.org/downloads/macos/ (or `brew install python@3.12`),",
            "then open a new terminal in this folder and type:  python3.12 kit.py lab",
        ]
    else:
        lines += [
            "Install a newer Python with your system's package manager, for example",
            "    sudo apt install python3.12 python3.12-venv      (Debian, Ubuntu)",
            "    sudo dnf install python3.12                      (Fedora)",
            "or from https://www.python.org/downloads/, then type:  python3.12 kit.py lab",
        ]
    return "\n".join(lines)


def venv_paths(venv, os_name):
    """The environment's folder of programs and its Python, for this kind of system."""
    if os_name == "nt":
        scripts = os.path.join(venv, "Scripts")
        return scripts, os.path.join(scripts, "python.exe")
    scripts = os.path.join(venv, "bin")
    return scripts, os.path.join(scripts, "python")


def is_root(os_name):
    return os_name != "nt" and hasattr(os, "geteuid") and os.geteuid() == 0


def lab_command(python, notebook, root):
    """The command that opens JupyterLab on a notebook (JupyterLab refuses root unless told)."""
    command = [python, "-m", "jupyterlab", notebook]
    if root:
        command.append("--allow-root")
    return command


def fingerprint(root, role):
    """What an installation depends on: the role and the files that decide what gets installed."""
    digest = hashlib.sha256(role.encode("utf-8"))
    for name in ("pyproject.toml", OVERRIDES):
        with open(os.path.join(root, name), "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()


def installed_roles(venv):
    """{role: fingerprint} of what was installed into this environment."""
    try:
        with open(os.path.join(venv, STAMP)) as handle:
            return json.load(handle)
    except (OSError, IOError, ValueError):
        return {}


def satisfied(venv, root, role):
    """Whether the environment already holds `role` (or a larger one) for the current files."""
    stamps = installed_roles(venv)
    for bigger in ORDER[ORDER.index(role):]:
        if stamps.get(bigger) == fingerprint(root, bigger):
            return True
    return False


def run(command, cwd=None):
    print("+ " + " ".join(command), flush=True)
    code = subprocess.call(command, cwd=cwd)
    if code != 0:
        raise KitError("this step failed (exit code {0}): {1}".format(code, " ".join(command)))


def create_venv(venv):
    """Create the environment with the standard library's venv, in the layout of this system."""
    scripts, python = venv_paths(venv, os.name)
    if os.path.exists(python):
        return python
    print("Creating the course's Python environment in {0} ...".format(venv), flush=True)
    import venv as venv_module
    try:
        venv_module.EnvBuilder(with_pip=True).create(venv)
    except Exception as error:  # ensurepip missing (Debian's python3 without python3-venv), disk full
        shutil.rmtree(venv, ignore_errors=True)
        hint = ""
        if sys.platform.startswith("linux"):
            hint = (" On Debian or Ubuntu install the venv module first: "
                    "sudo apt install python3-venv")
        raise KitError("could not create {0}: {1}.{2}".format(venv, error, hint))
    return python


def install(role="learner", root=ROOT, venv=None):
    """Make sure `venv` holds the kit for `role`; install only what is missing. Returns its Python."""
    if role not in ROLES:
        raise KitError("unknown role {0!r}; choose one of {1}".format(role, ", ".join(ORDER)))
    venv = venv or os.path.join(root, ".venv")
    python = create_venv(venv)
    if not satisfied(venv, root, role):
        print("Installing the course ({0}); the first time takes a few minutes ...".format(role),
              flush=True)
        run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        run([python, "-m", "pip", "install", "--quiet", "-e", "." + ROLES[role]], cwd=root)
        stamps = installed_roles(venv)
        stamps[role] = fingerprint(root, role)
        with open(os.path.join(venv, STAMP), "w") as handle:
            json.dump(stamps, handle, indent=1)
    # JupyterLab never asks to fetch news or updates (the settings every JupyterLab here reads)
    settings = os.path.join(venv, "share", "jupyter", "lab", "settings")
    if not os.path.isdir(settings):
        os.makedirs(settings)
    shutil.copyfile(os.path.join(root, OVERRIDES), os.path.join(settings, "overrides.json"))
    return python


def lab(root=ROOT, notebook=WELCOME):
    python = install("learner", root)
    print("Opening JupyterLab on {0}; stop it with Ctrl+C in this window.".format(notebook), flush=True)
    return subprocess.call(lab_command(python, notebook, is_root(os.name)), cwd=root)


def test(arguments, root=ROOT):
    python = install("dev", root)
    return subprocess.call([python, "-m", "pytest"] + list(arguments), cwd=root)


def bundle_members(root=ROOT):
    """Every file of the learner bundle, as paths relative to `root` with forward slashes."""
    members = [name for name in BUNDLE_FILES if os.path.isfile(os.path.join(root, name))]
    for folder in BUNDLE_FOLDERS:
        for directory, subfolders, files in os.walk(os.path.join(root, folder)):
            relative = os.path.relpath(directory, root).replace(os.sep, "/")
            subfolders[:] = sorted(d for d in subfolders if d not in BUNDLE_EXCLUDED_PARTS
                                   and relative + "/" + d not in BUNDLE_EXCLUDED_FOLDERS
                                   and not d.endswith(BUNDLE_EXCLUDED_SUFFIXES)
                                   and not d.startswith("."))
            for name in sorted(files):
                if (name in BUNDLE_EXCLUDED_NAMES or name.endswith(BUNDLE_EXCLUDED_SUFFIXES)
                        or name.startswith(".")):
                    continue
                members.append(relative + "/" + name)
    return members


def bundle(output=None, root=ROOT):
    """Write the zip an instructor hands out: lessons, exercises, data, the package and this launcher."""
    output = output or os.path.join(root, "dist", "smcourse-learner.zip")
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        os.makedirs(folder)
    members = bundle_members(root)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(os.path.join(root, LEARNER_README), "smcourse/README.md")
        for member in members:
            archive.write(os.path.join(root, member), "smcourse/" + member)
    print("wrote {0} ({1} files, {2:.1f} MB); learners unzip it and type `python kit.py lab` "
          "in the smcourse folder".format(output, len(members) + 1, os.path.getsize(output) / 1e6))
    return output


def size(venv=None):
    """The environment's disk use in MB and its number of installed distributions."""
    venv = venv or VENV
    if not os.path.isdir(venv):
        raise KitError("{0} does not exist yet: run `python kit.py install` first".format(venv))
    total = 0
    for directory, _, files in os.walk(venv):
        for name in files:
            path = os.path.join(directory, name)
            if not os.path.islink(path):
                total += os.path.getsize(path)
    _, python = venv_paths(venv, os.name)
    listing = subprocess.check_output([python, "-m", "pip", "list", "--format", "json"])
    packages = len(json.loads(listing.decode("utf-8")))
    print("{0}: {1:.0f} MB on disk, {2} packages".format(venv, total / 1e6, packages))
    return total, packages


USAGE = """usage: python kit.py COMMAND   (on Windows: py kit.py COMMAND)

  lab                   create .venv if needed, install what the lessons need, open JupyterLab
  install [--role R]    only install; R is learner (default), instructor, hub or dev
  test [PYTEST ARGS]    install everything (dev) and run the tests
  bundle [--output F]   build the zip learners get (default dist/smcourse-learner.zip)
  size                  disk use and package count of .venv"""


def main(argv=None, version_info=None, platform=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    problem = python_problem(version_info or sys.version_info, platform or sys.platform)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "lab":
            return lab(notebook=rest[0] if rest else WELCOME)
        if command == "install":
            role = "learner"
            if rest[:1] == ["--role"] and len(rest) == 2:
                role = rest[1]
            elif rest:
                raise KitError("install takes only --role learner|instructor|hub|dev")
            install(role)
            return 0
        if command == "test":
            return test(rest)
        if command == "bundle":
            output = rest[1] if rest[:1] == ["--output"] and len(rest) == 2 else None
            if rest and output is None:
                raise KitError("bundle takes only --output FILE.zip")
            bundle(output)
            return 0
        if command == "size":
            size()
            return 0
        raise KitError("unknown command {0!r}\n\n{1}".format(command, USAGE))
    except KitError as error:
        print("kit.py: {0}".format(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
