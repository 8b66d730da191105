"""`manage.py check --deploy` is clean with production settings, and a missing SECRET_KEY with
DEBUG off stops the site before it starts."""

from tests.production.conftest import production_env, run_python

DEPLOY_CHECK = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]


def test_deploy_check_is_clean_with_https_production_settings():
    env = production_env(ALLOWED_HOSTS="example.org", HTTPS="1")
    result = run_python(DEPLOY_CHECK, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_deploy_check_flags_a_plain_http_deployment():
    """The same check does catch something: without the HTTPS flag there is no HSTS, no SSL
    redirect and no secure cookies."""
    result = run_python(DEPLOY_CHECK, production_env(ALLOWED_HOSTS="example.org"))
    assert result.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr + result.stdout


def test_missing_secret_key_with_debug_off_is_refused_with_a_clear_message():
    result = run_python(["manage.py", "check"], production_env(SECRET_KEY=""))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_mode_runs_without_a_secret_key():
    result = run_python(["manage.py", "check"], production_env(SECRET_KEY="", DEBUG="1"))
    assert result.returncode == 0, result.stderr
