"""Helpers for tests that run the project the way production does: in a separate process, with
DEBUG off and the settings read from the environment."""

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PRODUCTION_KEY = "k9Vq-3tLw_ZpX7rNc2yHbE8sJm4uFa6dGh0QoRiT1vYxWz5KlMnBcDeFgHjPqSt"


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production process; overrides set or (when "") remove variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key not in {"DEBUG", "HTTPS"}
    }
    env.update(
        DEBUG="0",
        SECRET_KEY=PRODUCTION_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SETTINGS_MODULE="quizsite.settings",
        PYTHONUNBUFFERED="1",
    )
    for key, value in overrides.items():
        if value == "":
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_python(args: list[str], env: dict[str, str], timeout: float = 120):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
