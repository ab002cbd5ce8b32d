"""Does every HTML template ship in the wheel and serve a page, and do the shared filters escape?"""

import re
from pathlib import Path

import pytest

from smcourse.core import templates

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "smcourse"
FOLDER = PACKAGE / "core" / "templates"
TEMPLATES = sorted(path.name for path in FOLDER.iterdir() if path.suffix == ".html")


def test_every_template_is_in_the_wheels_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["smcourse.core"]
    shipped = {path.name for pattern in patterns for path in (PACKAGE / "core").glob(pattern)
               if path.parent.name == "templates"}
    assert TEMPLATES and set(TEMPLATES) <= shipped


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_is_filled_in_by_a_module_or_another_template(name):
    named = re.compile(rf"[\"']{re.escape(name)}[\"']")
    users = [path for path in [*PACKAGE.rglob("*.py"), *FOLDER.glob("*.html")]
             if path.name != name and named.search(path.read_text(encoding="utf-8"))]
    assert users, f"nothing renders, extends or includes {name}"


def test_the_shared_filters_escape_the_text_and_keep_only_their_own_markup():
    render = templates.ENVIRONMENT.from_string
    assert render("{{ text | line_breaks }}").render(text="a & <b>\nc") == "a &amp; &lt;b&gt;<br>c"
    assert render("{{ text | inline_markdown }}").render(text="a & *b* `<c>`") == \
        "a &amp; <em>b</em> <code>&lt;c&gt;</code>"
    assert render("{{ n | points }}, {{ m | points }}").render(n=1, m=2.5) == "1 point, 2.5 points"
