"""nbgrader's configuration in every JupyterLab the workshop hub starts (JUPYTER_CONFIG_PATH points
here): the course's name and exchange for everyone; for an instructor, the course folder ~/course
with its own nbgrader_config.py (sources in solutions/, student versions in exercises/) and the
gradebook, on PostgreSQL when SMCOURSE_GRADEBOOK says so."""

import os

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.course_id = "smcourse"
c.Exchange.root = os.environ.get("SMCOURSE_EXCHANGE", "/srv/nbgrader/exchange")
c.Exchange.assignment_dir = os.path.expanduser("~")

if os.environ.get("SMCOURSE_ROLE") == "instructor":
    course = os.path.expanduser("~/course")
    c.CourseDirectory.root = course
    if os.path.isfile(os.path.join(course, "nbgrader_config.py")):
        load_subconfig(os.path.join(course, "nbgrader_config.py"))  # noqa: F821
    if os.environ.get("SMCOURSE_GRADEBOOK"):
        c.CourseDirectory.db_url = os.environ["SMCOURSE_GRADEBOOK"]
elif os.environ.get("JUPYTERHUB_USER"):
    # Every learner hands in under their hub name, whatever account their server runs as
    c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]
