"""The `smcourse` command: argument parsing only; the work happens in the modules it calls."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smcourse.core.errors import SmcourseError
from smcourse.core.kit_files import CAPSTONE
from smcourse.instructor.lms import SHAPES
from smcourse.instructor.sandbox import Limits

# the grading limits a tutor may change, with what each caps; their defaults are `sandbox.Limits`'s
LIMIT_OPTIONS = {"cpu-seconds": "CPU seconds allowed per notebook process",
                 "memory-mb": "memory allowed per notebook process, in MB",
                 "tasks": "processes and threads allowed per notebook",
                 "file-mb": "largest file a notebook may write, in MB",
                 "wall-seconds": "seconds a whole notebook may run"}


def _generate(args: argparse.Namespace) -> None:
    from smcourse.core import data, generate

    directory = data.datasets_dir()
    fields = {name: [f["name"] for f in data.schema(name)["schema"]["fields"]] for name in data.TABLES}
    for path in generate.write_datasets(directory, fields, seed=args.seed):
        print(f"wrote {path}")


def _check(args: argparse.Namespace) -> None:
    from smcourse.core import data

    for name in data.TABLES:
        print(f"{name}: {len(data.load(name)):,} rows, schema ok")


def _refresh(args: argparse.Namespace) -> None:
    from smcourse.core import notebooks

    for path in args.paths or notebooks.stored_output_notebooks():
        notebooks.refresh(path)
        print(f"refreshed {path}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _course(args: argparse.Namespace) -> Path:
    """The course folder the assignment commands work on."""
    from smcourse.core import kit_files

    return args.course or kit_files.home()


def _release(args: argparse.Namespace) -> None:
    from smcourse.instructor import grading

    if args.check:
        differences = grading.release_differences(_course(args))
        for difference in differences:
            print(difference)
        if differences:
            raise SmcourseError("exercises/ is out of step with solutions/: run "
                                "`smcourse assignments release` and commit exercises/.")
        print("exercises/ matches solutions/")
        return
    for assignment in grading.release(_course(args), only=args.assignments or None):
        print(f"released exercises/{assignment}/")


def _collect(args: argparse.Namespace) -> None:
    from smcourse.instructor import collect, grading

    run = collect.collect(args.folder, args.assignment, grading.load_config(_course(args)),
                          force=args.force)
    for student, files in run.learners.items():
        when = run.timestamps.get(student, "no time")
        print(f"{student} ({when}): " + ", ".join(f"{source} -> {name}" for source, name in files))
    print(f"filed {_count(len(run.learners), 'learner')} in submitted/*/{args.assignment}/")
    problems = [f"  {name}  (name not recognised: not filed)" for name in run.unknown]
    problems += [f"  {name}  (not a readable zip: not filed)" for name in run.unreadable]
    if problems:
        print("smcourse: these files were left alone; rename them as the grading guide shows "
              "(section 3.2) and collect again:\n" + "\n".join(problems), file=sys.stderr)


def _grade(args: argparse.Namespace) -> None:
    """Grade every submission; after the capstone, list the plans alike (`_alike_report`)."""
    from smcourse.instructor import grading

    limits = Limits(args.cpu_seconds, args.memory_mb, args.tasks, args.file_mb, args.wall_seconds)
    run = grading.grade(args.assignment, root=_course(args), workers=args.workers,
                        cell_timeout=args.timeout, limits=limits)
    for result in run.results:
        print(result.summary)
    print("\n".join(["", "Safety:", *run.safety]))
    if args.assignment == CAPSTONE:
        print("\nPlans alike, and each beside Lumen's example (for the tutor to read side by side):")
        _alike_report(args.assignment, _course(args))


def _alike(args: argparse.Namespace) -> None:
    _alike_report(args.assignment, _course(args))


def _alike_report(assignment: str, course: Path) -> None:
    """Print the pairs of plans alike, each plan beside Lumen's example and the plans left out,
    and save them for the tutor."""
    from smcourse.instructor import alike

    report = alike.alike(assignment, course)
    for line in report.lines():
        print(line)
    print(f"wrote {alike.save(report, assignment, course)}")


def _judge_copy(args: argparse.Namespace) -> None:
    """Set a learner's Task B points to 0: the tutor judged their plan a copy."""
    from smcourse.instructor import alike

    overridden = alike.judge_copy(args.student, _course(args), args.assignment)
    print(f"{args.student}: Task B ({alike.TASK_B_CELL}) of {args.assignment} set to 0 by hand, "
          f"in place of the {overridden:g} automatic points; Q1 to Q3 and Task A stand.")


def _feedback(args: argparse.Namespace) -> None:
    from smcourse.instructor import grading

    for page in grading.feedback(args.assignment, _course(args), lessons_url=args.lessons_url):
        print(f"wrote {page}")


def _export(args: argparse.Namespace) -> None:
    from smcourse.instructor import grading, lms

    grades = grading.export(args.output, _course(args), format=args.format)
    print(f"wrote {args.output} ({args.format}: {_count(len(grades.learners), 'learner')}, "
          f"{_count(len(grades.assignments), 'assignment')}; a missing submission counts 0)")
    if grades.unmarked:
        print(f"smcourse: {lms.unmarked_report(grades)}", file=sys.stderr)


def _course_option() -> argparse.ArgumentParser:
    """The `--course` option the assignment and certificate commands share."""
    course = argparse.ArgumentParser(add_help=False)
    course.add_argument("--course", type=Path,
                        help="the course folder, holding nbgrader_config.py (default: $SMCOURSE_HOME, "
                             "else the course folder this is run in)")
    return course


def _add_assignment_commands(commands) -> None:
    assignments = commands.add_parser("assignments", help="release, grade, give feedback on and "
                                      "export the nbgrader assignments")
    sub = assignments.add_subparsers(dest="action", required=True)
    course = _course_option()
    release = sub.add_parser("release", parents=[course],
                             help="generate the student versions in exercises/",
                             epilog="examples: smcourse assignments release; "
                                    "smcourse assignments release 05_metrics; "
                                    "smcourse assignments release --check")
    release.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    release.add_argument("--check", action="store_true",
                         help="only check that exercises/ matches what solutions/ generates")
    release.set_defaults(run=_release)
    collect = sub.add_parser(
        "collect", parents=[course],
        help="file hand-ins downloaded from Canvas, Moodle or an inbox as submissions (nbgrader zip_collect)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: smcourse assignments collect 05_metrics ~/Downloads/05_metrics/\n"
               "The folder may hold Canvas's or Moodle's downloads (zipped or not), a zip or a folder per\n"
               "learner named after them, or <learner>.ipynb files. Unknown names are listed, not filed.")
    collect.add_argument("assignment", help="assignment id, e.g. 05_metrics")
    collect.add_argument("folder", type=Path, help="the folder of downloaded files and zips")
    collect.add_argument("--force", action="store_true",
                         help="replace submissions already in submitted/ for these learners")
    collect.set_defaults(run=_collect)
    grade = sub.add_parser("grade", parents=[course],
                           help="autograde every submission in submitted/ (in parallel, sandboxed)",
                           epilog="examples: smcourse assignments grade 05_metrics --workers 2; "
                                  "smcourse assignments grade 05_metrics --timeout 60 --memory-mb 4096")
    grade.add_argument("assignment", help="assignment id, e.g. 05_metrics")
    grade.add_argument("--workers", type=int, help="parallel graders (default: one per core)")
    grade.add_argument("--timeout", type=int, help="seconds allowed per cell (default: 30)")
    for option, what in LIMIT_OPTIONS.items():
        default = getattr(Limits(), option.replace("-", "_"))
        grade.add_argument(f"--{option}", type=int, default=default, help=f"{what} (default: {default})")
    grade.set_defaults(run=_grade)
    feedback = sub.add_parser("feedback", parents=[course],
                              help="write an HTML feedback page per learner",
                              epilog="example: smcourse assignments feedback 05_metrics")
    feedback.add_argument("assignment", help="assignment id")
    feedback.add_argument("--lessons-url", help="where learners read the lessons, for the links to "
                          "each section (default: c.Smcourse.lessons_url in nbgrader_config.py, "
                          "else the published site)")
    feedback.set_defaults(run=_feedback)
    alike = sub.add_parser("alike", parents=[course],
                           help="after grading a capstone, list the pairs of learners' plans (and the "
                                "reference plan) that are alike, and each plan's shares of Lumen's "
                                "example, for the tutor to read side by side",
                           epilog=f"example: smcourse assignments alike {CAPSTONE}")
    alike.add_argument("assignment", help="assignment id")
    alike.set_defaults(run=_alike)
    judge = sub.add_parser("judge-copy", parents=[course],
                           help="a capstone plan you judge a copy loses Task B's automatic points: "
                                "set its cell to 0 in the gradebook (a manual score, which "
                                "overrides the autograder's)",
                           epilog="example: smcourse assignments judge-copy ben")
    judge.add_argument("student", help="the learner's id in the gradebook")
    judge.add_argument("--assignment", default=CAPSTONE,
                       help=f"the capstone's id (default: {CAPSTONE})")
    judge.set_defaults(run=_judge_copy)
    export = sub.add_parser(
        "export", parents=[course],
        help="write every grade to a CSV file, plain or for Canvas or Moodle to import",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  smcourse assignments export --output grades.csv                   # plain, to read\n"
               "  smcourse assignments export --format canvas --output canvas.csv   # Grades > Import\n"
               "  smcourse assignments export --format moodle --output moodle.csv   # Import > CSV file\n"
               "Canvas needs each learner's name or Canvas user ID, Moodle their email: load them once\n"
               "with `nbgrader db student import roster.csv` (see course/instructor/, section 3.6).")
    export.add_argument("--format", choices=list(SHAPES), default="plain",
                        help="the file's shape (default: plain)")
    export.add_argument("--output", type=Path, default=Path("grades.csv"),
                        help="CSV file to write (default: grades.csv)")
    export.set_defaults(run=_export)


def _dashboard(args: argparse.Namespace) -> None:
    from smcourse.instructor import dashboard

    board = dashboard.build(args.gradebook, submitted=args.submitted, attempts_folder=args.attempts,
                            show_progress=True)
    path = board.write_html(args.output)
    print("\n".join(board.summary))
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, {len(board.sections)} sections; "
          "open it in any browser, no network needed)")


def _certificates(args: argparse.Namespace) -> None:
    from datetime import date

    from smcourse.instructor import certificates

    try:
        on = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise SmcourseError(f"--date {args.date} is not a date: write it as YYYY-MM-DD.") from None
    rule = certificates.Rule(args.pass_percent, tuple(args.passed) if args.passed else None,
                             tuple(args.submitted))
    issued = certificates.issue(args.output, _course(args), rule, on, args.learner)
    for outcome in issued.outcomes:
        print(f"{outcome.learner.id}: " + (f"certificate {issued.certificates[outcome.learner.id].code}"
                                           if outcome.met else "missing " + "; ".join(outcome.missing)))
    print(f"wrote {_count(len(issued.certificates), 'certificate')} and the completion report "
          f"(CSV, HTML) in {args.output}/")


def _verify(args: argparse.Namespace) -> None:
    from smcourse.instructor import certificates

    found = certificates.verify(args.code, _course(args))
    print(f"valid: {found.name} ({found.learner}) completed {found.course} on {found.date}; "
          f"modules: {'; '.join(found.modules)}")


def _add_certificate_commands(commands) -> None:
    group = commands.add_parser("certificates", help="certificates of completion, their verification "
                                "and the completion report, from the gradebook")
    sub = group.add_subparsers(dest="action", required=True)
    course = _course_option()
    make = sub.add_parser("make", parents=[course],
                          help="a certificate per learner meeting the completion rule, and the report",
                          epilog="example: smcourse certificates make --pass-percent 60 "
                                 "--date 2026-03-20 --output certificates")
    make.add_argument("--pass-percent", type=float, default=50.0,
                      help="the score each assignment to pass needs, in percent (default: 50)")
    make.add_argument("--passed", nargs="+", metavar="ASSIGNMENT",
                      help="the assignments to pass (default: every one not in --submitted)")
    make.add_argument("--submitted", nargs="*", default=[CAPSTONE], metavar="ASSIGNMENT",
                      help=f"the assignments that need only be handed in (default: {CAPSTONE})")
    make.add_argument("--date", help="the date on every certificate, YYYY-MM-DD (default: each "
                      "learner's last hand-in that counted)")
    make.add_argument("--learner", action="append", help="only this learner (repeat for more)")
    make.add_argument("--output", type=Path, default=Path("certificates"),
                      help="folder for the certificates and report (default: certificates)")
    make.set_defaults(run=_certificates)
    verify = sub.add_parser("verify", parents=[course], help="check a certificate's verification code",
                            epilog="example: smcourse certificates verify ABCD-EFGH-JKLM-NPQR")
    verify.add_argument("code", help="the code printed on the certificate")
    verify.set_defaults(run=_verify)


def _ratings(args: argparse.Namespace) -> None:
    from smcourse.instructor.dashboard import class_ratings

    board = class_ratings.board(args.folder)
    path = board.write_html(args.output)
    print("\n".join(board.summary))
    print(f"wrote {path} (open it in any browser, no network needed)")


def _pack(args: argparse.Namespace) -> None:
    from smcourse.core import kit_files
    from smcourse.instructor import pack, slides

    kit = args.course or kit_files.home()
    course, output = kit / "course", args.output or kit / "book" / "_build" / "html" / "_pack"
    lessons = args.lessons or sorted(course.glob("[0-9][0-9]_*.ipynb"))
    decks = slides.build_decks(output / "decks", lessons)
    for path in [*decks, *pack.build(output, course, decks)]:
        print(f"wrote {path}")


def _add_pack_commands(commands) -> None:
    pack_group = commands.add_parser("pack", help="the facilitator's pack: decks, cards, script; "
                                     "the class's self-ratings before and after")
    pack_sub = pack_group.add_subparsers(dest="action", required=True)
    build = pack_sub.add_parser(
        "build", help="a slide deck per lesson, the activity cards and the facilitator's script",
        epilog="examples: smcourse pack build (what `make pack` runs); "
               "smcourse pack build course/05_metrics.ipynb --output /tmp/pack")
    build.add_argument("lessons", nargs="*", type=Path,
                       help="lessons to make decks of (default: every course/NN_*.ipynb)")
    build.add_argument("--course", type=Path,
                       help="the kit's folder, holding course/ (default: $SMCOURSE_HOME, else the "
                            "course folder this is run in)")
    build.add_argument("--output", type=Path,
                       help="folder to write into (default: the site's _pack folder, book/_build/html/"
                            "_pack, which it links)")
    build.set_defaults(run=_pack)
    ratings = pack_sub.add_parser(
        "ratings", help="the class's self-ratings before and after, as one HTML page",
        epilog="example: smcourse pack ratings collected_ratings/ --output ratings.html")
    ratings.add_argument("folder", type=Path, help="collected self_rating.json files: "
                         "<learner>.json or <learner>/.../self_rating.json")
    ratings.add_argument("--output", type=Path, default=Path("ratings.html"),
                         help="where to write the page (default: ratings.html)")
    ratings.set_defaults(run=_ratings)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="smcourse", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    data_cmd = commands.add_parser("data", help="generate or check the course datasets")
    data_sub = data_cmd.add_subparsers(dest="action", required=True)
    gen = data_sub.add_parser("generate", help="rewrite datasets/*.csv from the fixed seed",
                              epilog="example: smcourse data generate")
    gen.add_argument("--seed", type=int, default=2025, help="random seed (default: 2025)")
    gen.set_defaults(run=_generate)
    check = data_sub.add_parser("check", help="load every table and check it against its schema",
                                epilog="example: smcourse data check")
    check.set_defaults(run=_check)
    lessons = commands.add_parser("lessons", help="work on the lesson notebooks in course/")
    lessons_sub = lessons.add_subparsers(dest="action", required=True)
    refresh = lessons_sub.add_parser(
        "refresh", help="re-run lessons headless and store clean outputs (what nbval compares)",
        epilog="example: smcourse lessons refresh course/05_metrics.ipynb")
    refresh.add_argument("paths", nargs="*", type=Path,
                         help="notebooks (default: every lesson and instructor notebook in course/)")
    refresh.set_defaults(run=_refresh)
    _add_assignment_commands(commands)
    _add_certificate_commands(commands)
    _add_pack_commands(commands)
    board = commands.add_parser(
        "dashboard", help="write the class dashboard (gradebook and practice logs) as one HTML file",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: smcourse dashboard --attempts collected_logs/ --output dashboard.html\n"
               "Run it in the course folder, after nbgrader autograde; see course/instructor/.")
    board.add_argument("--gradebook", type=Path, default=Path("gradebook.db"),
                       help="nbgrader's gradebook (default: gradebook.db)")
    board.add_argument("--submitted", type=Path, default=Path("submitted"),
                       help="collected submissions, for graded answers (default: submitted)")
    board.add_argument("--attempts", type=Path, default=None,
                       help="folder of collected practice logs: <learner>/.../attempts.jsonl "
                            "or <learner>.jsonl (default: none)")
    board.add_argument("--output", type=Path, default=Path("dashboard.html"),
                       help="where to write the page (default: dashboard.html)")
    board.set_defaults(run=_dashboard)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except SmcourseError as error:
        print(f"smcourse: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
