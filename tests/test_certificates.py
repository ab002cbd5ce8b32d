"""Do certificates go to exactly the learners who meet the instructor's completion rule, carry codes
that verify and resist tampering, and does the completion report say who is missing what?"""

import csv
import json
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import gradebooks
import pytest

from smcourse import cli
from smcourse.core.errors import SmcourseError
from smcourse.instructor import certificates
from smcourse.instructor.certificates import Rule

ROOT = Path(__file__).resolve().parents[1]
WHY, METRICS, CAPSTONE = "01_why_social_media", "05_metrics", "06_capstone_strategy_plan"
POINTS = {WHY: 4, METRICS: 10, CAPSTONE: 5}
# learner -> (first name, last name, {assignment: (points, hand-in day in March 2026)})
CLASS = {
    "ana": ("Ana", "Silva", {WHY: (4, 2), METRICS: (8, 9), CAPSTONE: (0, 16)}),
    "ben": ("Ben", "O'Neill", {WHY: (3, 3), METRICS: (4, 10), CAPSTONE: (5, 17)}),
    "cleo": ("Cleo", "Ng", {WHY: (2, 2), METRICS: (10, 9)}),
    "dev": ("", "", {}),
}
# nbgrader's own Gradebook.add_submission warns about its autoflush order; the rows are stored right.
pytestmark = pytest.mark.filterwarnings("ignore:Object of type:sqlalchemy.exc.SAWarning")


@pytest.fixture(scope="module")
def built_course(tmp_path_factory):
    """A course folder whose real nbgrader gradebook holds the class above, built once."""
    root = tmp_path_factory.mktemp("certificates") / "course"
    root.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", root)
    with gradebooks.new_gradebook(root / "gradebook.db") as gradebook:
        for assignment, points in POINTS.items():
            gradebook.add_assignment(assignment)
            gradebook.add_notebook(assignment, assignment)
            gradebook.add_grade_cell("task_test", assignment, assignment, max_score=points,
                                     cell_type="code")
        for learner, (first, last, work) in CLASS.items():
            gradebook.add_student(learner, first_name=first or None, last_name=last or None,
                                  email=f"{learner}@lumen-coffee.example")
            for assignment, (points, day) in work.items():
                gradebook.add_submission(assignment, learner, timestamp=datetime(2026, 3, day, 15))
                grade = gradebook.find_grade("task_test", assignment, assignment, learner)
                grade.auto_score, grade.needs_manual_grade = points, False
        gradebook.db.commit()
    return root


@pytest.fixture
def course(built_course, tmp_path):
    """A copy of the built course for one test, which may write its secret and register."""
    return shutil.copytree(built_course, tmp_path / "course")


def _report(folder):
    with (folder / "completion_report.csv").open(encoding="utf-8", newline="") as file:
        return {row["student_id"]: row for row in csv.DictReader(file)}


def test_only_learners_meeting_the_rule_get_a_certificate(course, tmp_path):
    issued = certificates.issue(tmp_path / "out", course)
    assert sorted(issued.certificates) == ["ana"]
    missing = {outcome.learner.id: outcome.missing for outcome in issued.outcomes}
    assert missing == {
        "ana": (),
        "ben": (f"{METRICS}: 40%, needs 50%",),
        "cleo": (f"{CAPSTONE}: not handed in",),
        "dev": (f"{WHY}: not handed in", f"{METRICS}: not handed in", f"{CAPSTONE}: not handed in"),
    }
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "certificate_ana.html", "completion_report.csv", "completion_report.html"]


def test_the_certificate_states_name_course_date_modules_and_code(course, tmp_path):
    issued = certificates.issue(tmp_path / "out", course)
    certificate = issued.certificates["ana"]
    assert certificate.name == "Ana Silva"
    assert certificate.course == "Social Media Strategy for Businesses"
    assert certificate.date == "2026-03-16"  # her last hand-in that counted
    assert [module.split(" · ")[0] for module in certificate.modules] == ["Module 1", "Module 5",
                                                                          "Module 6"]
    page = (tmp_path / "out" / "certificate_ana.html").read_text(encoding="utf-8")
    for stated in ("Ana Silva", "Social Media Strategy for Businesses", "16 March 2026",
                   certificate.code, "@page { size: A4 landscape"):
        assert stated in page
    assert "<script" not in page and "http" not in page


def test_the_rule_is_the_instructors(course, tmp_path):
    lenient = certificates.issue(tmp_path / "a", course, Rule(pass_percent=40))
    assert sorted(lenient.certificates) == ["ana", "ben"]
    capstone_graded = certificates.issue(tmp_path / "b", course, Rule(pass_percent=50, submitted=()))
    assert sorted(capstone_graded.certificates) == []  # ana scored 0 on the capstone
    one_module = certificates.issue(tmp_path / "c", course, Rule(passed=(WHY,), submitted=()))
    assert sorted(one_module.certificates) == ["ana", "ben", "cleo"]
    assert one_module.certificates["cleo"].date == "2026-03-02"


def test_a_date_given_is_on_every_certificate_and_codes_are_reproducible(course, tmp_path):
    first = certificates.issue(tmp_path / "a", course, Rule(pass_percent=40), on=date(2026, 3, 20))
    again = certificates.issue(tmp_path / "b", course, Rule(pass_percent=40), on=date(2026, 3, 20))
    assert {c.date for c in first.certificates.values()} == {"2026-03-20"}
    assert first.certificates == again.certificates
    assert len({c.code for c in first.certificates.values()}) == 2


@pytest.mark.parametrize("rule, named", [(Rule(passed=("07_tiktok",)), "07_tiktok"),
                                         (Rule(submitted=("06_capstone",)), "06_capstone")])
def test_a_rule_naming_an_unknown_assignment_is_refused(course, tmp_path, rule, named):
    with pytest.raises(SmcourseError, match=f"names {named}.*its assignments are {WHY}"):
        certificates.issue(tmp_path / "out", course, rule)
    assert not (tmp_path / "out").exists()


def test_a_learner_not_in_the_gradebook_is_named(course, tmp_path):
    with pytest.raises(SmcourseError, match="no learner zoe; its learners are ana, ben, cleo, dev"):
        certificates.issue(tmp_path / "out", course, only=["ana", "zoe"])
    only = certificates.issue(tmp_path / "out", course, only=["dev"])
    assert [outcome.learner.id for outcome in only.outcomes] == ["dev"] and not only.certificates


def test_a_valid_code_verifies_with_what_it_certifies(course, tmp_path):
    issued = certificates.issue(tmp_path / "out", course).certificates["ana"]
    code = issued.code
    assert certificates.verify(code, course) == issued
    assert (course / certificates.SECRET_FILE).stat().st_mode & 0o777 == 0o600
    assert certificates.verify(code.lower().replace("-", " "), course).learner == "ana"


def test_a_tampered_code_or_record_does_not_verify(course, tmp_path):
    code = certificates.issue(tmp_path / "out", course).certificates["ana"].code
    changed = ("B" if code[0] != "B" else "C") + code[1:]
    with pytest.raises(SmcourseError, match="not a code this course issued"):
        certificates.verify(changed, course)
    register = course / certificates.REGISTER_FILE
    records = json.loads(register.read_text(encoding="utf-8"))
    records[code]["name"] = "Dev Patel"
    register.write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(SmcourseError, match="altered since it was issued"):
        certificates.verify(code, course)


def test_a_code_from_another_course_folder_does_not_verify(course, tmp_path):
    code = certificates.issue(tmp_path / "out", course).certificates["ana"].code
    other = tmp_path / "other"
    shutil.copytree(course, other)
    (other / certificates.SECRET_FILE).write_text("another course's secret\n", encoding="utf-8")
    with pytest.raises(SmcourseError, match="altered"):
        certificates.verify(code, other)
    (other / certificates.SECRET_FILE).unlink()
    with pytest.raises(SmcourseError, match="no certificate was issued from this course folder"):
        certificates.verify(code, other)


def test_the_completion_report_lists_everyone_with_what_is_missing(course, tmp_path):
    issued = certificates.issue(tmp_path / "out", course)
    rows = _report(tmp_path / "out")
    assert list(rows) == ["ana", "ben", "cleo", "dev"]
    assert rows["ana"] | {"modules_completed": ""} == {
        "student_id": "ana", "first_name": "Ana", "last_name": "Silva",
        "email": "ana@lumen-coffee.example", "completed": "yes", "date": "2026-03-16",
        "modules_completed": "", "missing": "", "certificate_code": issued.certificates["ana"].code}
    assert rows["ana"]["modules_completed"] == f"{WHY}; {METRICS}; {CAPSTONE}"
    assert (rows["ben"]["completed"], rows["ben"]["modules_completed"], rows["ben"]["missing"]) == (
        "no", f"{WHY}; {CAPSTONE}", f"{METRICS}: 40%, needs 50%")
    assert rows["dev"]["missing"].count("not handed in") == 3 and rows["dev"]["certificate_code"] == ""
    page = (tmp_path / "out" / "completion_report.html").read_text(encoding="utf-8")
    assert "1 of 4 learners completed" in page
    assert f"at least 50% in {WHY}, {METRICS} and {CAPSTONE} handed in" in page
    assert page.index("Not completed yet (3)") < page.index("O&#39;Neill")


MARKUP = "<script>alert(1)</script> & co"  # a name a page must show as text, never run
SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"


def test_a_certificate_shows_the_name_course_and_modules_as_text():
    page = certificates.certificate_page(certificates.Certificate(
        "ana", MARKUP, MARKUP, "2026-03-16", ("Module 1", MARKUP), "ABCD-EFGH-JKLM-NPQR"))
    assert "<script>" not in page and "& co" not in page
    assert page.count(SHOWN) == 4  # the title, the name, the course, a module
    assert "<li>Module 1</li>" in page and "on 16 March 2026, including" in page


def test_the_completion_report_shows_names_and_reasons_as_text():
    rows = [["ana", MARKUP, "Silva", "a@x", "yes", "2026-03-16", "Module 1", "", "ABCD"],
            ["ben", "Ben", "B", "b@x", "no", "", "", f"{METRICS}: {MARKUP}", ""]]
    page = certificates.report_page(MARKUP, "at least 50% in everything", rows)
    assert "<script>" not in page and "& co" not in page
    assert page.count(SHOWN) == 4  # the title, the heading, ana's first name, ben's reason
    assert "<td>ana</td><td>&lt;script&gt;" in page and "1 of 2 learners completed" in page
    assert "<h2>Not completed yet (0)</h2>\n<p>Nobody.</p>" in certificates.report_page("C", "r", rows[:1])


def test_the_command_issues_and_verifies(course, tmp_path, capsys):
    output = tmp_path / "out"
    assert cli.main(["certificates", "make", "--course", str(course), "--output", str(output),
                     "--pass-percent", "40", "--date", "2026-03-20"]) == 0
    printed = capsys.readouterr().out
    assert "wrote 2 certificates" in printed and f"dev: missing {WHY}: not handed in" in printed
    code = _report(output)["ben"]["certificate_code"]
    assert cli.main(["certificates", "verify", code, "--course", str(course)]) == 0
    assert "valid: Ben O'Neill (ben) completed Social Media Strategy" in capsys.readouterr().out
    assert cli.main(["certificates", "verify", "AAAA-AAAA-AAAA-AAAA", "--course", str(course)]) == 1
    assert "not a code this course issued" in capsys.readouterr().err
    assert cli.main(["certificates", "make", "--course", str(course), "--date", "20/03/2026"]) == 1
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err


def test_without_a_gradebook_the_instructor_is_told_what_to_do(tmp_path):
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    with pytest.raises(SmcourseError, match="no gradebook"):
        certificates.issue(tmp_path / "out", tmp_path)


@pytest.mark.browser
def test_a_certificate_prints_on_one_a4_landscape_page(tmp_path):
    """Even with every module of the course listed and a long name."""
    from playwright import sync_api

    modules = tuple(f"Module {number} · Capstone: your social media strategy plan" for number in range(7))
    page_text = certificates.certificate_page(certificates.Certificate(
        "ana", "Ana Beatriz Fernandes da Silva Albuquerque", "Social Media Strategy for Businesses",
        "2026-03-16", modules, "ABCD-EFGH-JKLM-NPQR"))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "certificate_ana.html").write_text(page_text, encoding="utf-8")
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.goto((tmp_path / "out" / "certificate_ana.html").as_uri())
        pdf = page.pdf(prefer_css_page_size=True)
        browser.close()
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1
    width, height = map(float, re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf).groups())
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points


def test_work_still_to_be_marked_is_named_as_the_reason_to_wait(course, tmp_path):
    with gradebooks.new_gradebook(course / "gradebook.db") as gradebook:
        gradebook.find_grade("task_test", METRICS, METRICS, "ben").needs_manual_grade = True
        gradebook.db.commit()
    ben = next(o for o in certificates.issue(tmp_path / "out", course).outcomes if o.learner.id == "ben")
    assert ben.missing == (f"{METRICS}: 40%, needs 50%; parts still to be marked by hand",)
