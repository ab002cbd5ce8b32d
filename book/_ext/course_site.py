"""Sphinx glue for the course site, loaded by book/_config.yml (`local_extensions`).

* plotly.js, offline and once per page: each lesson figure's stored text/html output holds its div
  and a Plotly.newPlot call but not the library (smcourse.figures). The build copies plotly.min.js
  from the installed plotly package into _static and loads it in the head of every page that draws
  a figure, and of no other page.
* Thebe stays off: its scripts (which would fetch thebe from a CDN on demand) are left out.
* MathJax, offline: Sphinx's default loads it from a CDN on pages with maths. _config.yml points
  `mathjax_path` at _static/mathjax/, and the build copies MathJax 3 there from the npm package that
  `make book` installs into book/_vendor/.
* The datasets page (book/datasets.md): the data card (datasets/README.md) and one schema table per
  table of datasets/datapackage.json are written into the page when it is read, so the site always
  shows the data as it is. Both files are recorded as dependencies: editing them rebuilds the page.
* Practice checks work on the site with no kernel: every notebook is read through
  `read_notebook` (_config.yml's `nb_custom_formats`), which finds each practice check (a code cell
  whose last expression declares a `smcourse.practice` question), hides its source (it spells out
  the answer) and puts the check's card in place of its stored "run this cell" note, with the card's
  widget state in the page. The state comes from running the notebook once in a kernel (the answers
  of many checks are computed from the data), cached in the build folder under a digest of the
  notebook's code, the datasets and the package. The page's widget manager
  (@jupyter-widgets/html-manager, with RequireJS, both from npm into book/_vendor) and the cards'
  front end (anywidget's, from its Python package) are served from _static, never from a CDN.
* Compiled page templates are kept between builds (bytecode cache in the build folder).
* On GitHub Actions (GITHUB_REPOSITORY set), the repository and launch buttons point at the
  repository being built rather than the default in _config.yml.
"""

from __future__ import annotations

import copy
import filecmp
import hashlib
import json
import os
import shutil
from pathlib import Path

import anywidget
import nbformat
import plotly
from jinja2 import FileSystemBytecodeCache
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from smcourse.core.notebooks import is_practice_check

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "datasets"
PACKAGE = ROOT / "src" / "smcourse"
STATIC = PACKAGE / "ui" / "static"  # the practice cards' front end
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
VENDOR = Path(__file__).resolve().parents[1] / "_vendor" / "node_modules"
MATHJAX = VENDOR / "mathjax" / "es5"
# The widget manager's files: its bundle (it defines the widget base and controls as AMD modules),
# the fonts its styles load (into _static/widget-fonts), RequireJS, and anywidget's front end as an
# AMD module.
HTML_MANAGER = VENDOR / "@jupyter-widgets" / "html-manager" / "dist"
WIDGET_SCRIPTS = {HTML_MANAGER / "embed-amd.js": "embed-amd.js",
                  VENDOR / "requirejs" / "require.js": "require.js",
                  Path(anywidget.__file__).parent / "nbextension" / "index.js": "anywidget.js"}
FONT_SUFFIXES = {".woff", ".woff2", ".ttf", ".eot", ".svg"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
PRACTICE_CACHE = ROOT / "book" / "_build" / "practice-checks"
MATHJAX_ENTRY = "tex-mml-chtml.js"  # the same component Sphinx would load from the CDN
DATASETS_PAGE = "book/datasets"
DATA_CARD_MARKER = "<!-- data card -->"
SCHEMA_MARKER = "<!-- schema tables -->"


def _follow_github_repository(app: Sphinx, config) -> None:
    repository = os.environ.get("GITHUB_REPOSITORY")
    if repository:
        config.html_theme_options["repository_url"] = f"https://github.com/{repository}"


def _cache_compiled_templates(app: Sphinx) -> None:
    """Keep the theme's compiled Jinja templates between builds: compiling them anew is a large
    part of what a one-page rebuild costs."""
    if app.builder.format == "html":
        folder = Path(app.doctreedir) / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        app.builder.templates.environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def _load_plotly_where_drawn(app: Sphinx, pagename: str, templatename: str, context: dict,
                             doctree) -> None:
    if "Plotly.newPlot" in context.get("body", ""):
        # before RequireJS (_config.yml's nb_ipywidgets_js, at the default priority of 500), whose
        # define() would otherwise take plotly.js as a module instead of letting it set window.Plotly
        app.add_js_file(PLOTLY_JS.name, priority=400)


def _require_vendored_scripts(app: Sphinx, config) -> None:
    for needed in [MATHJAX / MATHJAX_ENTRY, *WIDGET_SCRIPTS]:
        if not needed.exists():
            raise ExtensionError(f"{needed} is missing: build the site with `make book`, which "
                                 "installs the site's scripts from npm")


def _unchanged(source: Path, target: Path) -> bool:
    return target.exists() and filecmp.cmp(source, target, shallow=False)


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Thebe is off (_config.yml), but sphinx-thebe still adds its scripts, its configuration twice."""
    context["script_files"][:] = [script for script in context["script_files"]
                                  if "thebe" not in str(getattr(script, "filename", "") or "")
                                  and "THEBE" not in script.attributes.get("body", "")]


def _copy_offline_scripts(app: Sphinx, exception: Exception | None) -> None:
    """plotly.min.js, the widget manager and MathJax into _static, each skipped when the copy there
    is already current."""
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    fonts = {font: f"widget-fonts/{font.name}" for font in HTML_MANAGER.iterdir()
             if font.suffix in FONT_SUFFIXES}  # where book/_static/widgets.js sends the manager for them
    (static / "widget-fonts").mkdir(exist_ok=True)
    for source, name in {PLOTLY_JS: PLOTLY_JS.name, **WIDGET_SCRIPTS, **fonts}.items():
        if not _unchanged(source, static / name):
            shutil.copyfile(source, static / name)
    if not _unchanged(MATHJAX / MATHJAX_ENTRY, static / "mathjax" / MATHJAX_ENTRY):
        # The entry component and what it loads on demand (fonts, TeX extensions, menu, a11y);
        # the other entry points are left out.
        shutil.copytree(MATHJAX, static / "mathjax", dirs_exist_ok=True,
                        ignore=lambda folder, names: [n for n in names if Path(folder) == MATHJAX
                                                      and n.endswith(".js") and n != MATHJAX_ENTRY])


def _digest(notebook) -> str:
    """What a practice check's state depends on: the notebook's code, the data, the package."""
    digest = hashlib.sha256()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            digest.update(cell.source.encode() + b"\0")
    for path in sorted([*DATASETS.glob("*.csv"), *PACKAGE.rglob("*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def practice_models(notebook) -> dict[int, dict]:
    """Each practice check's card as the kernel made it (cell index -> the card's model), from
    running `notebook` once in course/ (a copy; the file is not touched), or from the cache."""
    cached = PRACTICE_CACHE / f"{_digest(notebook)}.json"
    if cached.exists():
        return {int(index): model for index, model in json.loads(cached.read_text()).items()}
    run = copy.deepcopy(notebook)
    try:
        NotebookClient(run, timeout=300, kernel_name="python3", record_timing=False,
                       resources={"metadata": {"path": str(ROOT / "course")}}).execute()
    except CellExecutionError as error:
        raise ExtensionError(f"a notebook with practice checks failed to run, so its checks cannot "
                             f"be put on the site:\n{error}") from None
    state = run.metadata["widgets"][WIDGET_STATE]["state"]
    models = {}
    for index, cell in enumerate(run.cells):
        if is_practice_check(cell):
            shown = next(output.data[WIDGET_VIEW]["model_id"] for output in cell.outputs
                         if WIDGET_VIEW in output.get("data", {}))
            card = state[shown]["state"]["children"][0].removeprefix("IPY_MODEL_")
            models[index] = state[card]
    PRACTICE_CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(models))
    return models


def read_notebook(text: str) -> nbformat.NotebookNode:
    """A notebook as the site shows it: each practice check's source hidden and its card, with its
    state, in place of its stored outputs (see the module's docstring)."""
    notebook = nbformat.reads(text, as_version=4)
    checks = [index for index, cell in enumerate(notebook.cells) if is_practice_check(cell)]
    if not checks:
        return notebook
    models = practice_models(notebook)
    state = {}
    for number, index in enumerate(checks, start=1):
        card = copy.deepcopy(models[index])
        # the front end as it is now, and the default layout (the card has no layout of its own)
        card["state"].update(_esm=(STATIC / "practice.js").read_text(encoding="utf-8"),
                             _css=(STATIC / "practice.css").read_text(encoding="utf-8"),
                             layout=f"IPY_MODEL_practice-{number}-layout")
        state[f"practice-{number}"] = card
        state[f"practice-{number}-layout"] = {"model_name": "LayoutModel",
                                              "model_module": "@jupyter-widgets/base",
                                              "model_module_version": "2.0.0", "state": {}}
        cell = notebook.cells[index]
        cell.metadata.setdefault("tags", []).append("remove-input")
        cell.outputs = [nbformat.v4.new_output("display_data", data={
            WIDGET_VIEW: {"version_major": 2, "version_minor": 0, "model_id": f"practice-{number}"},
            "text/plain": f"Practice check: {card['state']['spec']['prompt']}"})]
    notebook.metadata["widgets"] = {WIDGET_STATE: {"version_major": 2, "version_minor": 0, "state": state}}
    return notebook


def _note_what_practice_checks_depend_on(app: Sphinx, docname: str, source: list[str]) -> None:
    """A notebook page is read again when its cards' front end, the package or the data change,
    not only when the notebook does (Sphinx would otherwise keep the page's old widget state)."""
    if str(app.env.doc2path(docname)).endswith(".ipynb"):
        for path in [*STATIC.iterdir(), *PACKAGE.rglob("*.py"), *DATASETS.glob("*.csv")]:
            app.env.note_dependency(str(path))


def _cell(text: object) -> str:
    """Text that is safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _rules(field: dict) -> str:
    constraints = field.get("constraints", {})
    rules = [name for name in ("required", "unique") if constraints.get(name)]
    if "enum" in constraints:
        rules.append("one of " + ", ".join(f"`{value}`" for value in constraints["enum"]))
    for name, word in (("minimum", "at least"), ("maximum", "at most")):
        if name in constraints:
            rules.append(f"{word} {constraints[name]}")
    if "pattern" in constraints:
        rules.append(f"matches `{constraints['pattern']}`")
    return "; ".join(rules)


def schema_tables() -> str:
    """One Markdown section per table of the data package: what it holds and each column's rules.

    The descriptor is read as plain JSON (not through smcourse.data, which would bring pandas into
    every build for a table of text)."""
    sections = []
    for resource in json.loads((DATASETS / "datapackage.json").read_text())["resources"]:
        name = resource["name"]
        fields = resource["schema"]["fields"]
        rows = [f"| `{f['name']}` | {f['type']} | {_cell(f.get('description', ''))} "
                f"| {_cell(_rules(f))} |" for f in fields]
        key = resource["schema"].get("primaryKey")
        sections.append("\n".join([
            f"### `{resource['path']}`: {resource.get('title', name)}",
            "",
            resource.get("description", ""),
            "",
            f"Primary key: `{key}`." if key else "",
            "",
            "| column | type | meaning | rules |",
            "|---|---|---|---|",
            *rows,
        ]))
    return "\n\n".join(sections)


def data_card() -> str:
    """The data card, included with its headings one level down (or a note while it is missing)."""
    card = DATASETS / "README.md"
    if not card.exists():
        return "*The data card, `datasets/README.md`, has not been written yet.*"
    return "```{include} ../datasets/README.md\n:heading-offset: 2\n```"


def _fill_datasets_page(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname != DATASETS_PAGE:
        return
    app.env.note_dependency(str(DATASETS / "datapackage.json"))
    app.env.note_dependency(str(DATASETS / "README.md"))
    source[0] = (source[0].replace(DATA_CARD_MARKER, data_card())
                 .replace(SCHEMA_MARKER, schema_tables()))


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _follow_github_repository)
    app.connect("builder-inited", _cache_compiled_templates)
    app.connect("html-page-context", _load_plotly_where_drawn)
    app.connect("html-page-context", _drop_thebe)
    app.connect("config-inited", _require_vendored_scripts)
    app.connect("build-finished", _copy_offline_scripts)
    app.connect("source-read", _fill_datasets_page)
    app.connect("source-read", _note_what_practice_checks_depend_on)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
