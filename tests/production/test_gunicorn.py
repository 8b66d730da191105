"""The production stack for real: gunicorn with gunicorn.conf.py, DEBUG off, static files
hashed, compressed and served by whitenoise with far-future cache headers."""

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from tests.production.conftest import ROOT, free_port, production_env, run_python

FAR_FUTURE = "max-age=315360000"


@contextmanager
def running_gunicorn(directory, **environment: str):
    """gunicorn (gunicorn.conf.py) on a free port with a freshly migrated SQLite database, in
    the production environment plus `environment`; stopped afterwards."""
    port = free_port()
    env = production_env(
        DATABASE_URL=f"sqlite:///{directory / 'db.sqlite3'}",
        PORT=str(port),
        HOST="127.0.0.1",
        WEB_CONCURRENCY="2",
        **environment,
    )
    migrate = run_python(["manage.py", "migrate", "--no-input", "-v", "0"], env)
    assert migrate.returncode == 0, migrate.stderr
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def gunicorn_url(tmp_path_factory):
    with running_gunicorn(tmp_path_factory.mktemp("gunicorn")) as url:
        yield url


def wait_until_healthy(url: str, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited with {server.returncode}:\n{server.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            # TimeoutError: a first request slower than 2 s on a busy machine; ask again.
            time.sleep(0.2)
    pytest.fail("gunicorn did not answer /healthz in time")


def fetch(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_gunicorn_serves_the_home_page_with_debug_off(gunicorn_url):
    status, headers, body = fetch(f"{gunicorn_url}/")
    assert status == 200
    assert "quizsite" in body.decode()
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert headers["X-Frame-Options"] == "DENY"


def test_gunicorn_healthz_reports_the_database(gunicorn_url):
    """And Redis, when the server was started with REDIS_URL (the PostgreSQL + Redis run)."""
    status, _, body = fetch(f"{gunicorn_url}/healthz")
    redis = {"cache": "ok"} if os.environ.get("REDIS_URL") else {}
    assert (status, json.loads(body)) == (200, {"status": "ok", "database": "ok"} | redis)


def test_unknown_page_is_a_404_not_a_debug_page(gunicorn_url):
    with pytest.raises(urllib.error.HTTPError) as error:
        fetch(f"{gunicorn_url}/nulle-part/")
    assert error.value.code == 404
    assert b"Traceback" not in error.value.read()


def hashed_stylesheet(gunicorn_url: str) -> str:
    _, _, body = fetch(f"{gunicorn_url}/")
    match = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body.decode())
    assert match, "the page links the hashed stylesheet"
    return gunicorn_url + match.group(1)


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_hashed_static_file_is_compressed_and_cached_forever(gunicorn_url, encoding):
    status, headers, body = fetch(hashed_stylesheet(gunicorn_url), **{"Accept-Encoding": encoding})
    assert status == 200
    assert headers["Content-Encoding"] == encoding
    assert FAR_FUTURE in headers["Cache-Control"]
    assert "immutable" in headers["Cache-Control"]
    assert headers["Content-Type"].startswith("text/css")
    assert "Accept-Encoding" in headers["Vary"]
    _, _, plain = fetch(hashed_stylesheet(gunicorn_url), **{"Accept-Encoding": "identity"})
    assert len(body) < len(plain)


def test_static_file_is_sent_plain_to_clients_without_compression(gunicorn_url):
    status, headers, body = fetch(
        hashed_stylesheet(gunicorn_url), **{"Accept-Encoding": "identity"}
    )
    assert status == 200
    assert headers.get("Content-Encoding") is None
    assert b"{" in body


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def status_of(url: str, **headers: str) -> tuple[int, str]:
    """The status and Location of a response, without following redirects."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=30) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


@pytest.mark.parametrize(
    ("behind_proxy", "believed"), [("", False), ("1", True)], ids=["direct", "behind-proxy"]
)
def test_a_forged_forwarded_proto_passes_for_https_only_behind_a_proxy(
    tmp_path, behind_proxy, believed
):
    # With HTTPS on, plain-HTTP requests are redirected to https://. A client that reaches
    # gunicorn directly must not skip that (and get Secure-only cookies over plain HTTP) by
    # claiming "X-Forwarded-Proto: https"; behind a proxy, the proxy's header is believed.
    with running_gunicorn(tmp_path, HTTPS="1", BEHIND_PROXY=behind_proxy) as url:
        status, location = status_of(f"{url}/", **{"X-Forwarded-Proto": "https"})
        if believed:
            assert status == 200
        else:
            assert (status, location) == (301, "https://127.0.0.1:" + url.rsplit(":", 1)[1] + "/")
        # Without the header, plain HTTP is always redirected.
        assert status_of(f"{url}/")[0] == 301
