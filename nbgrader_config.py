"""nbgrader's configuration for this course folder, read by plain `nbgrader` commands and by
`smcourse assignments ...` alike. Source assignments live in solutions/, student versions in
exercises/; submitted/, autograded/, feedback/ and gradebook.db are generated (ignored by git)."""

c = get_config()  # noqa: F821 (provided by nbgrader when it reads this file)

c.CourseDirectory.course_id = "smcourse"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"

# One stub for every solution region. It is a comment, so a widget question whose source records
# its answer in code (`q1.value = "reach"`) still runs top to bottom in the student version, and
# an unanswered code task leaves its variable undefined or `...`, which its tests score 0.
c.ClearSolutions.code_stub = {"python": "# YOUR ANSWER HERE"}

# Grading: at most 30 s per cell; huge outputs are cut (by lines and by characters) so that a
# graded notebook and its feedback page stay small.
c.Execute.timeout = 30
# After a cell replies, its remaining output may still be arriving: a notebook that prints 50 MB on a
# busy machine needs more than nbclient's default 4 s, and nbgrader stops the whole notebook when it
# runs out (raise_on_iopub_timeout).
c.Execute.iopub_timeout = 30
c.Autograde.autograde_preprocessors = [
    "nbgrader.preprocessors.Execute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "smcourse.instructor.grading.LimitOutputSize",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# The kit's own settings (nbgrader ignores them): the course's name on feedback pages, and where
# learners read the lessons, for the feedback's links to the section that teaches each item
# (`smcourse assignments feedback --lessons-url URL` overrides it for one run).
c.Smcourse.course_title = "Social Media Strategy for Businesses"
c.Smcourse.lessons_url = "https://smcourse.github.io/smcourse/course"
