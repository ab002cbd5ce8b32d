"""Extra JupyterHub settings for The Littlest JupyterHub (copy into /opt/tljh/config/jupyterhub_config.d/):
instructors (TLJH's admins) get SMCOURSE_ROLE=instructor, so nbgrader finds their course folder."""

c = get_config()  # noqa: F821 (provided by JupyterHub)


def smcourse_role(spawner):
    return "instructor" if spawner.user.admin else "learner"


c.Spawner.environment.update({"SMCOURSE_ROLE": smcourse_role,
                              "SMCOURSE_EXCHANGE": "/srv/nbgrader/exchange"})
