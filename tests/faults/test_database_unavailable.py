"""When the database cannot be reached, pages answer a clean 503 (French page, Retry-After),
never a 500 traceback: a real gunicorn server whose DATABASE_URL points at a closed port."""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent.parent


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture(scope="module")
def server_without_database(tmp_path_factory):
    port = closed_port()
    db_port = closed_port()
    env = dict(
        os.environ,
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{db_port}/absent",
        DEBUG="0",
        SECRET_KEY="test-key-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        QUIZSITE_PLAIN_STATIC="1",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        DJANGO_SETTINGS_MODULE="quizsite.settings",
    )
    log = tmp_path_factory.mktemp("server") / "gunicorn.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(base + "/healthz", timeout=5)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("gunicorn did not start:\n" + log.read_text())
                time.sleep(0.2)
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=30)


def assert_clean_503(response):
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert "Service momentanément indisponible" in response.text
    assert "Traceback" not in response.text
    assert "OperationalError" not in response.text


def test_a_page_that_reads_the_database_answers_a_clean_503(server_without_database):
    base, _log = server_without_database
    assert_clean_503(requests.get(base + "/", timeout=10))


def test_a_login_post_answers_a_clean_503(server_without_database):
    base, _log = server_without_database
    session = requests.Session()
    page = session.get(base + "/compte/connexion/", timeout=10)
    assert page.status_code == 200  # the form itself needs no database
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        base + "/compte/connexion/",
        data={"username": "eleve", "password": "mot-de-passe", "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=10,
    )
    assert_clean_503(response)


def test_the_health_check_reports_the_database_down(server_without_database):
    base, _log = server_without_database
    response = requests.get(base + "/healthz", timeout=10)
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_no_request_ended_in_a_server_error(server_without_database):
    base, log = server_without_database
    requests.get(base + "/", timeout=10)
    assert not re.search(r'" 500 ', log.read_text())
