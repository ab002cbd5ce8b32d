"""Certificates of completion and the completion report, from nbgrader's gradebook.

The instructor sets the completion rule (`Rule`): which assignments must be passed, at what
percentage, and which need only be handed in (the capstone plan). Every learner meeting it gets a
one-page, print-ready certificate: name, course, date, the modules completed, and a verification
code. The code is an HMAC of what the certificate states, keyed with a secret kept in the course
folder (`certificate_secret.txt`, never shared), and every code issued is recorded with what it
certifies in `certificate_register.json`; `verify` finds a code there and recomputes its HMAC, so a
mistyped or invented code is unknown and an altered record no longer matches. The completion
report (CSV for an HR or learning system, HTML to read) lists every learner: what they completed,
and for those not meeting the rule, what is missing.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory

from smcourse.core import kit_files, templates
from smcourse.core.errors import SmcourseError
from smcourse.instructor import grading, lms
from smcourse.instructor.grading.course import course_settings

SECRET_FILE = "certificate_secret.txt"
REGISTER_FILE = "certificate_register.json"
REPORT_NAME = "completion_report"


@dataclass(frozen=True)
class Rule:
    """What completing the course means: every assignment in `passed` (None: every assignment not
    in `submitted`) scored at least `pass_percent`, and every one in `submitted` handed in."""

    pass_percent: float = 50.0
    passed: tuple[str, ...] | None = None
    submitted: tuple[str, ...] = (kit_files.CAPSTONE,)

    def requirements(self, assignments: list[str]) -> dict[str, str]:
        """Assignment -> "pass" or "submit", in course order; an SmcourseError for a name the
        gradebook does not know."""
        if not 0 <= self.pass_percent <= 100:
            raise SmcourseError("the pass mark must be a percentage from 0 to 100, not "
                                f"{self.pass_percent:g}.")
        passed = [name for name in assignments if name not in self.submitted] \
            if self.passed is None else list(self.passed)
        unknown = [name for name in [*passed, *self.submitted] if name not in assignments]
        if unknown:
            raise SmcourseError(f"the completion rule names {', '.join(unknown)}, which the gradebook "
                                f"does not have; its assignments are {', '.join(assignments) or 'none'}.")
        needs = {name: "submit" if name in self.submitted else "pass"
                 for name in assignments if name in passed or name in self.submitted}
        if not needs:
            raise SmcourseError("the completion rule requires nothing: name at least one assignment.")
        return needs


@dataclass(frozen=True)
class Certificate:
    """What a certificate states; `code` is its verification code."""

    learner: str
    name: str
    course: str
    date: str  # ISO date
    modules: tuple[str, ...]
    code: str = ""


@dataclass(frozen=True)
class Outcome:
    """One learner against the rule: the modules they completed and what is missing."""

    learner: lms.Learner
    completed: tuple[str, ...]
    missing: tuple[str, ...]
    last_hand_in: date | None

    @property
    def met(self) -> bool:
        return not self.missing

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.learner.first_name, self.learner.last_name) if part) \
            or self.learner.id


@dataclass(frozen=True)
class _Submission:
    percent: float
    awaiting_marking: bool
    handed_in: date | None


def _read_gradebook(root: Path) -> tuple[list[str], list[tuple[lms.Learner, dict[str, _Submission]]]]:
    """The assignments in order, and every learner with their submissions (percent after any late
    penalty; parts still to be marked by hand count 0 until they are)."""
    coursedir = CourseDirectory(config=grading.load_config(root))
    if coursedir.db_url.startswith("sqlite:///") and not Path(coursedir.db_url[10:]).is_file():
        raise SmcourseError(f"no gradebook in {root}: grade the assignments first "
                            "(`smcourse assignments grade ...`).")
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        assignments = [assignment.name for assignment in gradebook.assignments]
        learners = []
        for student in sorted(gradebook.students, key=lambda student: student.id):
            submissions = {
                submission.assignment.name: _Submission(
                    100 * max(0.0, submission.score - submission.late_submission_penalty)
                    / submission.max_score if submission.max_score else 100.0,
                    submission.needs_manual_grade,
                    submission.timestamp.date() if submission.timestamp else None)
                for submission in student.submissions}
            learners.append((lms.Learner(student.id, student.first_name or "", student.last_name or "",
                                         student.email or "", student.lms_user_id or ""), submissions))
    return assignments, learners


def outcomes(root: Path, rule: Rule) -> tuple[dict[str, str], list[Outcome]]:
    """What `rule` requires of each assignment, and every learner in the gradebook measured
    against it, sorted by learner id."""
    assignments, learners = _read_gradebook(root)
    needs = rule.requirements(assignments)
    found = []
    for learner, submissions in learners:
        completed, missing = [], []
        for assignment, need in needs.items():
            submission = submissions.get(assignment)
            if submission is None:
                missing.append(f"{assignment}: not handed in")
            elif need == "pass" and submission.percent < rule.pass_percent:
                waiting = "; parts still to be marked by hand" if submission.awaiting_marking else ""
                missing.append(f"{assignment}: {submission.percent:.0f}%, needs "
                               f"{rule.pass_percent:g}%{waiting}")
            else:
                completed.append(assignment)
        dates = [submissions[name].handed_in for name in completed if submissions[name].handed_in]
        found.append(Outcome(learner, tuple(completed), tuple(missing), max(dates, default=None)))
    return needs, found


def _secret(root: Path, create: bool) -> bytes:
    path = root / SECRET_FILE
    if not path.is_file():
        if not create:
            raise SmcourseError(f"{root} has no {SECRET_FILE}, so no certificate was issued from this "
                                "course folder: verify in the folder that issued it.")
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
            file.write(secrets.token_hex(32) + "\n")  # readable by its owner only, from the start
    return path.read_text(encoding="utf-8").strip().encode()


def _code(secret: bytes, certificate: Certificate) -> str:
    stated = asdict(certificate) | {"code": ""}
    digest = hmac.new(secret, json.dumps(stated, sort_keys=True).encode(), hashlib.sha256).digest()
    letters = base64.b32encode(digest[:10]).decode()
    return "-".join(letters[i:i + 4] for i in range(0, 16, 4))


def _normal(code: str) -> str:
    letters = "".join(code.split()).replace("-", "").upper()
    return "-".join(letters[i:i + 4] for i in range(0, len(letters), 4))


def _register(root: Path) -> dict[str, dict]:
    path = root / REGISTER_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except json.JSONDecodeError as error:
        raise SmcourseError(f"{path} is damaged ({error}); restore it from a backup.") from None


def verify(code: str, root: Path | None = None) -> Certificate:
    """The certificate `code` was issued for; an SmcourseError when the code was never issued or
    its record no longer matches what was certified."""
    root = root or kit_files.home()
    secret = _secret(root, create=False)
    record = _register(root).get(_normal(code))
    if record is None:
        raise SmcourseError(f"{code} is not a code this course issued: check it letter by letter "
                            "(the letters are A to Z and the digits 2 to 7).")
    certificate = Certificate(**record | {"modules": tuple(record["modules"]), "code": _normal(code)})
    if not hmac.compare_digest(_code(secret, certificate), certificate.code):
        raise SmcourseError(f"the record of {code} has been altered since it was issued: do not "
                            "trust it.")
    return certificate


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def certificate_page(certificate: Certificate) -> str:
    """One certificate as a self-contained HTML page, one A4 landscape sheet when printed."""
    return templates.render("certificate.html", certificate=certificate,
                            day=_long_date(date.fromisoformat(certificate.date)))


REPORT_COLUMNS = ("student_id", "first_name", "last_name", "email", "completed", "date",
                  "modules_completed", "missing", "certificate_code")


def _report_rows(found: list[Outcome], issued: dict[str, Certificate]) -> list[list[str]]:
    return [[outcome.learner.id, outcome.learner.first_name, outcome.learner.last_name,
             outcome.learner.email, "yes" if outcome.met else "no",
             issued[outcome.learner.id].date if outcome.met else "",
             "; ".join(outcome.completed), "; ".join(outcome.missing),
             issued[outcome.learner.id].code if outcome.met else ""] for outcome in found]


def report_page(course: str, rule_text: str, rows: list[list[str]]) -> str:
    """The completion report as an HTML page: who completed, then who did not and what is missing."""
    return templates.render("completion_report.html", course=course, rule=rule_text,
                            headings=[column.replace("_", " ") for column in REPORT_COLUMNS],
                            done=[row for row in rows if row[4] == "yes"],
                            not_done=[row for row in rows if row[4] == "no"])


def rule_text(rule: Rule, needs: dict[str, str]) -> str:
    passed = [name for name, need in needs.items() if need == "pass"]
    handed = [name for name, need in needs.items() if need == "submit"]
    parts = [f"at least {rule.pass_percent:g}% in {', '.join(passed)}"] if passed else []
    parts += [f"{', '.join(handed)} handed in"] if handed else []
    return " and ".join(parts) or "nothing required"


@dataclass(frozen=True)
class Issued:
    """What `issue` wrote: the learners' outcomes, the certificates and the files."""

    outcomes: list[Outcome]
    certificates: dict[str, Certificate]  # learner id -> certificate
    files: list[Path]


def issue(output: Path, root: Path | None = None, rule: Rule = Rule(), on: date | None = None,
          only: list[str] | None = None) -> Issued:
    """Write a certificate per learner meeting `rule` (only those in `only`, when given) into
    `output`, with the completion report (CSV and HTML), and record each code in the register.
    The date is `on`, else the learner's last hand-in that counted."""
    root = root or kit_files.home()
    config = grading.load_config(root)
    course, _, lessons = course_settings(config, root)
    needs, found = outcomes(root, rule)
    if only:
        unknown = sorted(set(only) - {outcome.learner.id for outcome in found})
        if unknown:
            raise SmcourseError(f"the gradebook has no learner {', '.join(unknown)}; its learners are "
                                f"{', '.join(outcome.learner.id for outcome in found) or 'none'}.")
        found = [outcome for outcome in found if outcome.learner.id in only]
    secret = _secret(root, create=True)
    issued = {}
    for outcome in found:
        if outcome.met:
            if not (on or outcome.last_hand_in):
                raise SmcourseError(f"the gradebook has no hand-in time for {outcome.learner.id}: "
                                    "give the certificates' date with --date YYYY-MM-DD.")
            stated = Certificate(outcome.learner.id, outcome.name, course,
                                 (on or outcome.last_hand_in).isoformat(),
                                 tuple(lessons.get(name, name) for name in outcome.completed))
            issued[outcome.learner.id] = Certificate(**asdict(stated) | {"code": _code(secret, stated)})
    output.mkdir(parents=True, exist_ok=True)
    files = []
    for learner, certificate in issued.items():
        files.append(output / f"certificate_{learner}.html")
        files[-1].write_text(certificate_page(certificate), encoding="utf-8")
    rows = _report_rows(found, issued)
    with (output / f"{REPORT_NAME}.csv").open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([REPORT_COLUMNS, *rows])
    (output / f"{REPORT_NAME}.html").write_text(report_page(course, rule_text(rule, needs), rows),
                                                 encoding="utf-8")
    files += [output / f"{REPORT_NAME}.csv", output / f"{REPORT_NAME}.html"]
    register = _register(root) | {certificate.code: asdict(certificate) | {"code": ""}
                                  for certificate in issued.values()}
    (root / REGISTER_FILE).write_text(json.dumps(register, indent=1, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    return Issued(found, issued, files)
