"""The LTI app is optional: without LTI_ENABLED the site runs without it (its URLs are 404s and
its apps are not installed); with it, production's deploy check stays clean."""

import json

from tests.production.conftest import production_env, run_python

PROBE = """
import json, django
django.setup()
from django.apps import apps
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
print(json.dumps({
    "installed": [apps.is_installed(name) for name in ("lti_tool", "quizzes_lti")],
    "launch": client.post("/lti/lancement/", {"id_token": "x", "state": "y"}).status_code,
    "jwks": client.get("/lti/jwks.json").status_code,
}))
"""


def probe(**env) -> dict:
    result = run_python(["-c", PROBE], production_env(**env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_lti_enabled_the_launch_url_is_a_404_and_the_apps_are_absent(tmp_path):
    seen = probe(LTI_ENABLED="", DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert seen["installed"] == [False, False]
    assert seen["launch"] == seen["jwks"] == 404


def test_with_lti_enabled_the_same_probe_reaches_the_lti_views(tmp_path):
    """The control of the test above: the probe does see the URLs when they exist (its empty
    database makes them answer 503, never 404)."""
    seen = probe(LTI_ENABLED="1", DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert seen["installed"] == [True, True]
    assert seen["launch"] != 404 and seen["jwks"] != 404


def test_deploy_check_is_clean_with_lti_enabled():
    env = production_env(ALLOWED_HOSTS="example.org", HTTPS="1", LTI_ENABLED="1")
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
