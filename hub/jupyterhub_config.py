"""JupyterHub for a workshop: learner accounts, the kit for every learner, nbgrader's exchange with
its Assignments and Course List tabs, and formgrader for the instructors.

Run it on the server as root, from this folder:

    jupyterhub -f /srv/smcourse/hub/jupyterhub_config.py

Settings come from the environment (defaults in brackets); hub/README.md explains each step.

    SMCOURSE_KIT          the kit's folder, installed with `python kit.py install --role hub` [its parent]
    SMCOURSE_INSTRUCTORS  instructors' user names, comma-separated [instructor]
    SMCOURSE_LEARNERS     learners' user names, comma-separated, or a file with one per line
                          [hub/learners.txt]
    SMCOURSE_EXCHANGE     nbgrader's exchange folder, writable by everyone [/srv/nbgrader/exchange]
    SMCOURSE_HOMES        where each person's files live [/home/{username}]
    SMCOURSE_GRADEBOOK    the gradebook's database URL, e.g. postgresql://grader@dbhost/smcourse
                          [sqlite in the instructor's course folder]
    SMCOURSE_HUB_DB       the hub's own database URL [sqlite in this folder]

Learners log in with the Linux accounts of this server (PAM; `adduser` creates one). The hub starts
each person's JupyterLab as that account (LocalProcessSpawner), so files and nbgrader's exchange
know who is who. A test (tests/test_hub.py) loads this file and swaps only the log-in and the
accounts for throwaway ones.
"""

import os
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (provided by JupyterHub when it reads this file)

HUB = Path(__file__).resolve().parent
KIT = Path(os.environ.get("SMCOURSE_KIT", HUB.parent))
BIN = Path(sys.executable).parent  # the environment JupyterHub runs in holds the kit too


def _names(value):
    path = Path(value)
    if path.is_file():
        value = path.read_text()
    return {name.strip() for name in value.replace(",", "\n").splitlines() if name.strip()
            and not name.strip().startswith("#")}


INSTRUCTORS = _names(os.environ.get("SMCOURSE_INSTRUCTORS", "instructor"))
LEARNERS = _names(os.environ.get("SMCOURSE_LEARNERS", str(HUB / "learners.txt")))
EXCHANGE = os.environ.get("SMCOURSE_EXCHANGE", "/srv/nbgrader/exchange")
HOMES = os.environ.get("SMCOURSE_HOMES", "/home/{username}")

# Who may log in, and who administers the hub
c.Authenticator.allowed_users = INSTRUCTORS | LEARNERS
c.Authenticator.admin_users = INSTRUCTORS
c.JupyterHub.authenticator_class = "pam"
c.JupyterHub.spawner_class = "localprocess"
c.JupyterHub.bind_url = os.environ.get("SMCOURSE_HUB_URL", "http://:8000")
c.JupyterHub.db_url = os.environ.get("SMCOURSE_HUB_DB", f"sqlite:///{HUB / 'jupyterhub.sqlite'}")
c.JupyterHub.cookie_secret_file = str(HUB / "jupyterhub_cookie_secret")

# Every person's JupyterLab: the kit's environment, opening on JupyterLab, never phoning home
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120


def _role(spawner):
    return "instructor" if spawner.user.name in INSTRUCTORS else "learner"


def _home(spawner):
    return HOMES.format(username=spawner.user.name)


# nbgrader reads hub/nbgrader_config.py in every JupyterLab (learners' Assignments and Course List
# tabs, instructors' formgrader); these variables tell it who is asking.
c.Spawner.environment = {
    "JUPYTER_CONFIG_PATH": str(HUB / "jupyter"),
    "SMCOURSE_ROLE": _role,
    "SMCOURSE_EXCHANGE": EXCHANGE,
    # the gradebook's URL (it may hold a password) goes to instructors only
    "SMCOURSE_GRADEBOOK": lambda spawner: (os.environ.get("SMCOURSE_GRADEBOOK", "")
                                           if _role(spawner) == "instructor" else ""),
    "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
}


def give_the_course(spawner):
    """Before someone's first start: a learner gets the lessons and the data in ~/smcourse (their
    own copy, as lessons save files beside the notebooks); an instructor gets the course folder
    with the sources of the assignments in ~/course. Nothing is overwritten later."""
    home = Path(_home(spawner))
    if _role(spawner) == "instructor":
        target = home / "course"
        folders = ["solutions", "exercises", "course", "datasets"]
    else:
        target = home / "smcourse"
        folders = ["course", "datasets"]
    if target.exists():
        return
    target.mkdir(parents=True)
    for folder in folders:
        shutil.copytree(KIT / folder, target / folder,
                        ignore=shutil.ignore_patterns("instructor", ".ipynb_checkpoints", "answers.json",
                                                      ".smcourse", "*.plan.*"))
    if _role(spawner) == "instructor":
        shutil.copy(KIT / "nbgrader_config.py", target)
    owner = spawner.user.name
    if os.geteuid() == 0 and shutil.which("chown") and _is_account(owner):
        shutil.chown(home, owner)
        for path in [target, *target.rglob("*")]:
            shutil.chown(path, owner, owner)


def _is_account(name):
    try:
        import pwd

        pwd.getpwnam(name)
        return True
    except (ImportError, KeyError):
        return False


c.Spawner.pre_spawn_hook = give_the_course

# nbgrader's exchange: one folder every account may write to (the sticky bit keeps each person's
# files their own); created at start-up when missing.
Path(EXCHANGE).mkdir(parents=True, exist_ok=True)
os.chmod(EXCHANGE, 0o1777)
