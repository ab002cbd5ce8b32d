"""kit.py, the launcher learners run without make: platform layouts, the version check, the roles."""

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("kit", ROOT / "kit.py")
kit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(kit)


def test_windows_environment_has_scripts_and_python_exe():
    scripts, python = kit.venv_paths(r"C:\course\.venv", "nt")
    assert scripts.endswith("Scripts") and python.endswith(os.path.join("Scripts", "python.exe"))


def test_unix_environment_has_bin_and_python():
    scripts, python = kit.venv_paths("/home/a/course/.venv", "posix")
    assert scripts == "/home/a/course/.venv/bin" and python == "/home/a/course/.venv/bin/python"


@pytest.mark.parametrize("platform, says", [
    ("win32", "winget install Python.Python.3.12"),
    ("darwin", "The python3 that comes with macOS is too old"),
    ("linux", "sudo apt install python3.12"),
])
def test_old_python_is_told_what_to_install_for_its_system(platform, says):
    message = kit.python_problem((3, 9, 6), platform)
    assert "needs Python 3.10 or newer; this is Python 3.9" in message and says in message


@pytest.mark.parametrize("version", [(3, 10, 0), (3, 12, 1), (4, 0, 0)])
def test_new_enough_python_has_no_problem(version):
    assert kit.python_problem(version, "linux") is None


def test_main_stops_an_old_python_before_doing_anything(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(kit, "install", lambda *a, **k: pytest.fail("must not install"))
    assert kit.main(["lab"], version_info=(3, 8, 10), platform="darwin") == 2
    assert "python.org/downloads/macos" in capsys.readouterr().err


@pytest.mark.parametrize("feature_version", [(3, 4), (3, 6)])
def test_an_old_python_can_read_the_launcher_far_enough_to_explain(feature_version):
    # No f-strings, walrus or annotations: an old interpreter parses the file and prints the message.
    ast.parse((ROOT / "kit.py").read_text(), feature_version=feature_version)


def test_the_launcher_uses_the_standard_library_only():
    tree = ast.parse((ROOT / "kit.py").read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}


def test_jupyterlab_is_started_as_a_module_and_allowed_root_only_as_root():
    assert kit.lab_command("py", "course/00_welcome.ipynb", root=False) == [
        "py", "-m", "jupyterlab", "course/00_welcome.ipynb"]
    assert kit.lab_command("py", "x.ipynb", root=True)[-1] == "--allow-root"
    assert not kit.is_root("nt")


def test_learner_install_carries_no_site_builder_test_or_grading_tools():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    learner = " ".join(project["dependencies"]).lower()
    for tool in ["jupyter-book", "playwright", "pytest", "ruff", "nbgrader", "jupyterhub"]:
        assert tool not in learner
    extras = project["optional-dependencies"]
    assert set(kit.ROLES) - {"learner"} <= set(extras)


def test_a_bigger_role_satisfies_a_smaller_one_and_an_edit_invalidates_it(tmp_path):
    (tmp_path / "jupyter").mkdir()
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    (tmp_path / "jupyter" / "overrides.json").write_text("{}")
    venv = tmp_path / ".venv"
    venv.mkdir()
    (venv / kit.STAMP).write_text(json.dumps({"dev": kit.fingerprint(str(tmp_path), "dev")}))
    assert kit.satisfied(str(venv), str(tmp_path), "learner")
    assert kit.satisfied(str(venv), str(tmp_path), "dev")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'changed'\n")
    assert not kit.satisfied(str(venv), str(tmp_path), "learner")


def test_make_calls_the_launcher_for_install_lab_and_test():
    makefile = (ROOT / "Makefile").read_text()
    assert "$(PYTHON) kit.py install --role dev" in makefile
    assert "$(PYTHON) kit.py lab" in makefile
    assert "$(PYTHON) kit.py test" in makefile


@pytest.mark.parametrize("argv, says", [
    (["frobnicate"], "unknown command 'frobnicate'"),
    (["install", "--role", "wizard"], "unknown role 'wizard'"),
    (["install", "--everything"], "install takes only --role"),
])
def test_bad_commands_get_a_message_not_a_traceback(argv, says, tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "kit.py"), *argv], capture_output=True,
                            text=True, cwd=tmp_path)
    assert result.returncode != 0 and says in result.stderr and "Traceback" not in result.stderr


def test_readme_gives_the_learner_command_without_make():
    readme = (ROOT / "README.md").read_text()
    assert "python kit.py lab" in readme and "py kit.py lab" in readme


def test_lab_installs_the_learner_role_then_opens_the_welcome_lesson(monkeypatch):
    calls = []
    monkeypatch.setattr(kit, "install", lambda role, root: calls.append(role) or "/env/python")
    monkeypatch.setattr(kit.subprocess, "call", lambda command, cwd: calls.append((command, cwd)) or 0)
    assert kit.main(["lab"]) == 0
    role, (command, cwd) = calls
    assert role == "learner" and cwd == kit.ROOT
    assert command[:4] == ["/env/python", "-m", "jupyterlab", os.path.join("course", "00_welcome.ipynb")]


def test_size_counts_the_environment_on_disk(tmp_path, capsys):
    total, count = kit.size(str(ROOT / ".venv"))
    assert total > 100e6 and count > 20
    assert "MB on disk" in capsys.readouterr().out
