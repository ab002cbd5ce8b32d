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
* Compiled page templates are kept between builds (bytecode cache in the build folder).
* On GitHub Actions (GITHUB_REPOSITORY set), the repository and launch buttons point at the
  repository being built rather than the default in _config.yml.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
from pathlib import Path

import plotly
from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

DATASETS = Path(__file__).resolve().parents[2] / "datasets"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
MATHJAX = Path(__file__).resolve().parents[1] / "_vendor" / "node_modules" / "mathjax" / "es5"
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
        app.add_js_file(PLOTLY_JS.name)


def _require_mathjax(app: Sphinx, config) -> None:
    if not (MATHJAX / MATHJAX_ENTRY).exists():
        raise ExtensionError(f"MathJax is missing from {MATHJAX}: build the site with `make book`, "
                             "which installs it from npm")


def _unchanged(source: Path, target: Path) -> bool:
    return target.exists() and filecmp.cmp(source, target, shallow=False)


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Thebe is off (_config.yml), but sphinx-thebe still adds its scripts, its configuration twice."""
    context["script_files"][:] = [script for script in context["script_files"]
                                  if "thebe" not in str(getattr(script, "filename", "") or "")
                                  and "THEBE" not in script.attributes.get("body", "")]


def _copy_offline_scripts(app: Sphinx, exception: Exception | None) -> None:
    """plotly.min.js and MathJax into _static, skipped when the copy there is already current."""
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    if not _unchanged(PLOTLY_JS, static / PLOTLY_JS.name):
        shutil.copyfile(PLOTLY_JS, static / PLOTLY_JS.name)
    if not _unchanged(MATHJAX / MATHJAX_ENTRY, static / "mathjax" / MATHJAX_ENTRY):
        # The entry component and what it loads on demand (fonts, TeX extensions, menu, a11y);
        # the other entry points are left out.
        shutil.copytree(MATHJAX, static / "mathjax", dirs_exist_ok=True,
                        ignore=lambda folder, names: [n for n in names if Path(folder) == MATHJAX
                                                      and n.endswith(".js") and n != MATHJAX_ENTRY])


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
    app.connect("config-inited", _require_mathjax)
    app.connect("build-finished", _copy_offline_scripts)
    app.connect("source-read", _fill_datasets_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
