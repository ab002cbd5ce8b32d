"""smcourse: the Python package behind the social media strategy course kit.

The package is in three layers, one folder each, and `smcourse.cli` on top:

- `smcourse.core`: data, metrics, the logic of questions, plans, the assessment and the crisis
  model, answer and attempt files, the HTML templates. It shows nothing and grades nothing (no
  ipywidgets, plotly or nbgrader).
- `smcourse.ui`: what a learner's notebook shows: practice cards, answer boxes, forms, figures.
- `smcourse.instructor`: what an instructor runs over a class: release, grading in the sandbox,
  feedback, exports, the dashboard, certificates, the facilitator's pack.

The display and the instructor's side use the core; the core uses neither, the display never uses
the instructor's side, and grading never loads the display (`lint-imports` checks it).

Lessons, assignments and the docs use short names (`from smcourse import data, figures`,
`from smcourse.practice import Choice`). `SHORT_NAMES` says where each one lives: importing a short
name gives the very module of its layer (one object under both names in `sys.modules`, so
monkeypatching and `isinstance` agree), imported only when asked for, so `import smcourse` loads
no display or grading library. `SHOWN_BY` names the display a short name brings with it: the core's
questions name no display, so `smcourse.practice` imports the practice cards, which a lesson shows.
"""

import importlib
import importlib.util
import sys

from smcourse.core.errors import SmcourseError, install_notebook_handler

__all__ = ["SmcourseError"]
__version__ = "0.1.0"

LAYERS = {
    "core": ("answer_file", "assessment", "attempts", "business_case", "calibration", "crisis", "data",
             "errors", "generate", "kit_files", "metrics", "notebooks", "plan", "plan_export", "plan_import",
             "plan_rubric", "practice", "templates", "trial_sheet", "values"),
    "ui": ("answers", "assessment_widgets", "crisis_widgets", "figures", "plan_widgets", "self_rating",
           "widgets"),
    "instructor": ("alike", "certificates", "collect", "dashboard", "feedback", "grading", "lms", "pack",
                   "referee", "sandbox", "slides", "warm"),
}
# short name -> the module's place in its layer: smcourse.data -> smcourse.core.data
SHORT_NAMES = {f"{__name__}.{module}": f"{__name__}.{layer}.{module}"
               for layer, modules in LAYERS.items() for module in modules}
# short name -> the display layer's module that shows its objects in a notebook (and registers itself)
SHOWN_BY = {f"{__name__}.practice": f"{__name__}.ui.widgets"}


def _place(name: str) -> str | None:
    """Where the module `name` lives, when it is a short name or inside one (smcourse.dashboard.page)."""
    parts = name.split(".")
    moved = SHORT_NAMES.get(".".join(parts[:2]))
    return moved and ".".join([moved, *parts[2:]])


class _ShortNames:
    """Imports a short name (`smcourse.data`) as the module it names (`smcourse.core.data`): a meta
    path finder and loader by their methods alone, as the import system asks (importlib.abc's base
    classes import importlib.resources, about 45 ms of every sandbox launcher's start)."""

    def find_spec(self, fullname, path=None, target=None):
        if _place(fullname) is None:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        module = importlib.import_module(_place(spec.name))
        if spec.name in SHOWN_BY:
            importlib.import_module(SHOWN_BY[spec.name])
        spec.loader_state = module.__spec__  # importing sets module.__spec__ to `spec`: put it back
        return module

    def exec_module(self, module):
        module.__spec__ = module.__spec__.loader_state

    def get_code(self, fullname):
        """The module's code, for `python -m smcourse.crisis` (runpy runs it as `__main__`)."""
        place = _place(fullname)
        return importlib.util.find_spec(place).loader.get_code(place)


sys.meta_path.insert(0, _ShortNames())  # before the path finder, which finds a short package's own modules
install_notebook_handler()
