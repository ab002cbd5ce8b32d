"""Is the package laid out in its layers (core, ui, instructor), does every short name lessons use
(`smcourse.data`) give the very module of its layer, and do the import contracts catch a wrong-way
import?"""

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import smcourse

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "smcourse"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_the_layers_table_names_every_module_of_the_tree():
    on_disk = {layer: sorted(path.stem if path.is_file() else path.name
                             for path in (PACKAGE / layer).iterdir()
                             if (path.suffix == ".py" and path.stem != "__init__")
                             or (path / "__init__.py").is_file())
               for layer in smcourse.LAYERS}
    assert on_disk == {layer: sorted(modules) for layer, modules in smcourse.LAYERS.items()}
    assert sorted(path.name for path in PACKAGE.glob("*.py")) == ["__init__.py", "cli.py"]


def test_the_readmes_module_table_lists_each_layers_modules():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| module | owns |"):readme.index("## Common tasks")]
    listed, layer = {}, None
    for row in table.splitlines():
        heading = re.match(r"\| \*\*(`(\w+)/`|top)\*\*", row)  # a layer's folder, or the cli on top
        if heading:
            layer = heading.group(2)
        elif layer and (cell := re.match(r"\| (`[^|]+`) \|", row)):
            listed.setdefault(layer, set()).update(re.findall(r"`(\w+)`", cell.group(1)))
    assert listed == {layer: set(modules) for layer, modules in smcourse.LAYERS.items()}


def test_a_short_name_is_the_module_of_its_layer_loaded_only_when_asked():
    script = """
import importlib, json, sys
import smcourse
heavy = sorted(name for name in sys.modules if name.split(".")[0] in ("ipywidgets", "plotly", "nbgrader"))
import smcourse.ui.answers  # the long name first, then the short one: one module either way
from smcourse.answers import ask
from smcourse.practice import Choice
from smcourse.dashboard import page
import smcourse.core.practice, smcourse.instructor.dashboard.page
same = {short: importlib.import_module(short) is importlib.import_module(long)
        for short, long in smcourse.SHORT_NAMES.items()}
print(json.dumps({
    "heavy": heavy, "same": same,
    "specs": sorted({sys.modules[long].__spec__.name == long for long in smcourse.SHORT_NAMES.values()}),
    "class": Choice is smcourse.core.practice.Choice and ask is smcourse.ui.answers.ask,
    "inside a short package": page is smcourse.instructor.dashboard.page,
}))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    found = json.loads(result.stdout)
    assert found["heavy"] == []
    assert found["same"] == dict.fromkeys(smcourse.SHORT_NAMES, True)
    assert found["specs"] == [True]  # `python -m` and pickling see the module's own place
    assert found["class"] and found["inside a short package"]


def _smcourse_imports(tree: ast.AST):
    """(line, module) for every smcourse module an import statement names."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "smcourse":
            yield from ((node.lineno, f"smcourse.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.lineno, node.module


def test_the_package_itself_imports_by_layer_never_by_short_name():
    # a short name would hide the import from lint-imports, which sees no module of that name
    short = [f"{path.relative_to(PACKAGE)}:{line} {name}"
             for path in PACKAGE.rglob("*.py")
             for line, name in _smcourse_imports(ast.parse(path.read_text(encoding="utf-8")))
             if ".".join(name.split(".")[:2]) in smcourse.SHORT_NAMES]
    assert short == []


WRONG_WAY = {  # file -> the import added, and what lint-imports must then report
    "core/data.py": ("from smcourse.ui import widgets", "smcourse.core.data -> smcourse.ui.widgets"),
    "core/metrics.py": ("import plotly", "smcourse.core.metrics -> plotly"),
    "ui/figures.py": ("from smcourse.instructor import lms",
                      "smcourse.ui.figures -> smcourse.instructor.lms"),
    "instructor/feedback.py": ("from smcourse.ui import answers",
                               "smcourse.instructor.feedback -> smcourse.ui.answers"),
    # a lazy import, inside a function, is as wrong: the core's questions name no display
    "core/practice.py": ("def _card(question):\n    from smcourse.ui.widgets import show\n    show(question)",
                         "smcourse.core.practice -> smcourse.ui.widgets"),
}


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is a test extra")
def test_the_contracts_fail_on_each_wrong_way_import(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "src" / "smcourse", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)

    def lint() -> subprocess.CompletedProcess:
        return subprocess.run([LINT_IMPORTS, "--no-cache"], cwd=tmp_path, capture_output=True, text=True,
                              env={"PYTHONPATH": str(tmp_path / "src"), "PATH": "/usr/bin:/bin"})

    assert lint().returncode == 0  # the copy as it is keeps every contract
    for name, (statement, _) in WRONG_WAY.items():
        path = tmp_path / "src" / "smcourse" / name
        path.write_text(f"{path.read_text(encoding='utf-8')}\n{statement}\n", encoding="utf-8")
    result = lint()
    assert result.returncode != 0
    for _, reported in WRONG_WAY.values():
        assert reported in result.stdout, reported


def test_a_short_name_runs_as_a_command_like_its_module(tmp_path):
    def run(module: str) -> str:
        return subprocess.run([sys.executable, "-m", module], cwd=tmp_path, capture_output=True, text=True,
                              check=True).stdout

    table = run("smcourse.crisis")  # the instructor notes' command for the crisis model's outcomes
    assert "| choice" in table and table == run("smcourse.core.crisis")
