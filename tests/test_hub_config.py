"""The hub's configuration files, read without starting anything (tests/test_hub.py runs them)."""

import os
import runpy
from pathlib import Path

import yaml
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[1]
HUB = ROOT / "hub"


def _hub_config(monkeypatch, tmp_path, **environment):
    monkeypatch.setenv("SMCOURSE_EXCHANGE", str(tmp_path / "exchange"))
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    config = Config()
    runpy.run_path(str(HUB / "jupyterhub_config.py"), init_globals={"get_config": lambda: config})
    return config


def test_workshop_hub_uses_accounts_of_the_server_and_makes_the_exchange(monkeypatch, tmp_path):
    c = _hub_config(monkeypatch, tmp_path, SMCOURSE_INSTRUCTORS="teacher",
                    SMCOURSE_LEARNERS="ana, ben")
    assert c.JupyterHub.authenticator_class == "pam"
    assert c.JupyterHub.spawner_class == "localprocess"
    assert c.Authenticator.allowed_users == {"teacher", "ana", "ben"}
    assert c.Authenticator.admin_users == {"teacher"}
    assert os.stat(tmp_path / "exchange").st_mode & 0o1777 == 0o1777


def test_only_instructors_get_the_gradebook_url(monkeypatch, tmp_path):
    c = _hub_config(monkeypatch, tmp_path, SMCOURSE_INSTRUCTORS="teacher", SMCOURSE_LEARNERS="ana",
                    SMCOURSE_GRADEBOOK="postgresql://grader:secret@db/smcourse")

    class Spawner:
        def __init__(self, name):
            self.user = type("User", (), {"name": name})()

    gradebook = c.Spawner.environment["SMCOURSE_GRADEBOOK"]
    assert gradebook(Spawner("teacher")) == "postgresql://grader:secret@db/smcourse"
    assert gradebook(Spawner("ana")) == ""
    assert c.Spawner.environment["SMCOURSE_ROLE"](Spawner("ana")) == "learner"


def test_learners_can_come_from_a_file(monkeypatch, tmp_path):
    roster = tmp_path / "learners.txt"
    roster.write_text("# the class\nana\n\nben\n")
    c = _hub_config(monkeypatch, tmp_path, SMCOURSE_LEARNERS=str(roster))
    assert c.Authenticator.allowed_users == {"instructor", "ana", "ben"}


def _nbgrader_config(monkeypatch, home, **environment):
    monkeypatch.setenv("HOME", str(home))
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    config = Config()
    loaded = []
    runpy.run_path(str(HUB / "jupyter" / "nbgrader_config.py"),
                   init_globals={"get_config": lambda: config, "load_subconfig": loaded.append})
    return config, loaded


def test_a_learner_hands_in_under_their_hub_name(monkeypatch, tmp_path):
    c, _ = _nbgrader_config(monkeypatch, tmp_path, SMCOURSE_ROLE="learner", JUPYTERHUB_USER="ana")
    assert c.CourseDirectory.student_id == "ana"
    assert c.CourseDirectory.course_id == "smcourse"
    assert "root" not in c.CourseDirectory


def test_an_instructor_works_in_the_course_folder_on_the_gradebook_given(monkeypatch, tmp_path):
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "nbgrader_config.py").write_text("")
    c, loaded = _nbgrader_config(monkeypatch, tmp_path, SMCOURSE_ROLE="instructor",
                                 JUPYTERHUB_USER="teacher", SMCOURSE_GRADEBOOK="postgresql://g@/db")
    assert c.CourseDirectory.root == str(tmp_path / "course")
    assert loaded == [str(tmp_path / "course" / "nbgrader_config.py")]
    assert c.CourseDirectory.db_url == "postgresql://g@/db"
    assert "student_id" not in c.CourseDirectory


def test_kubernetes_values_name_the_image_the_exchange_volume_and_the_gradebook():
    values = yaml.safe_load((HUB / "k8s" / "values.yaml").read_text())
    single = values["singleuser"]
    assert single["image"]["name"] and single["defaultUrl"] == "/lab"
    mounts = single["storage"]["extraVolumeMounts"]
    assert mounts[0]["mountPath"] == single["extraEnv"]["SMCOURSE_EXCHANGE"]
    assert "SMCOURSE_GRADEBOOK" not in single["extraEnv"]  # never in learners' servers
    assert "secretKeyRef" in values["hub"]["extraEnv"]["SMCOURSE_GRADEBOOK"]["valueFrom"]
    claim = yaml.safe_load((HUB / "k8s" / "exchange-pvc.yaml").read_text())
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]
    volume = single["storage"]["extraVolumes"][0]
    assert claim["metadata"]["name"] == volume["persistentVolumeClaim"]["claimName"]
