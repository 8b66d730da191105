"""Shared by the load benchmark and the fault script: settings environment, gunicorn start
and stop, and a real login (CSRF cookie + token, POST) that returns the session cookies."""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent.parent
VENV_BIN = ROOT / ".venv" / "bin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url: str, port: int, **extra: str) -> dict[str, str]:
    """The environment of the benchmarked server (and of the seeding process)."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="quizsite.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        BENCH_VIEWS="1",
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="2",
        GUNICORN_THREADS="1",
    )
    env.pop("QUIZSITE_ALLOW_INSECURE_KEY", None)
    env.pop("QUIZSITE_PLAIN_STATIC", None)
    env.update(extra)
    return env


def start_gunicorn(env: dict[str, str], log_path: Path, timeout: float = 30) -> subprocess.Popen:
    """gunicorn with gunicorn.conf.py (2 workers); returns once /healthz answers 200."""
    log = open(log_path, "ab")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{env['PORT']}/healthz"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({process.returncode}), see {log_path}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return process
        except requests.RequestException:
            pass
        time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout} s, see {log_path}")


def stop(process: subprocess.Popen) -> None:
    """Stop the gunicorn we started (its own process group: master and workers)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=25)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def login(base: str, username: str, password: str) -> requests.Session:
    """Log in through the real form: GET (CSRF cookie + token), POST, expect the redirect."""
    session = requests.Session()
    page = session.get(f"{base}/compte/connexion/", timeout=10)
    page.raise_for_status()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{base}/compte/connexion/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=10,
    )
    if response.status_code != 302 or "sessionid" not in session.cookies:
        raise RuntimeError(f"login of {username} failed: HTTP {response.status_code}")
    return session


def cookie_header(session: requests.Session) -> str:
    return "; ".join(f"{c.name}={c.value}" for c in session.cookies)


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(process: subprocess.Popen) -> float:
    """CPU time (user + system) used so far by gunicorn: the master, its live workers, and the
    workers that exited (counted in the master's children times once reaped), from /proc."""

    def times(pid: int) -> list[int]:
        with open(f"/proc/{pid}/stat") as stat:
            # The command name may hold spaces: the fields are counted after its ")".
            fields = stat.read().rsplit(")", 1)[1].split()
        return [int(value) for value in fields[11:15]]  # utime, stime, cutime, cstime

    total = sum(times(process.pid))
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            if parent == process.pid:
                total += sum(times(int(entry))[:2])
        except (OSError, ValueError, IndexError):
            continue  # a process that ended meanwhile
    return total / CLOCK_TICKS
