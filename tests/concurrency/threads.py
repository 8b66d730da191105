"""Run several requests at the same instant, each in a real thread with its own database
connection, the way browsers of one student hit the server together."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.db import connection
from django.test import Client

T = TypeVar("T")


def at_once(tasks: list[Callable[[], T]], *, timeout: float = 120) -> list[T]:
    """Start every task behind one barrier; their results in the order they finished. An
    exception in a task fails the calling test instead of vanishing with its thread."""
    barrier = threading.Barrier(len(tasks))
    results: list[T] = []
    errors: list[BaseException] = []

    def run(task):
        try:
            barrier.wait(timeout=10)
            results.append(task())
        except BaseException as error:  # reported in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(task,)) for task in tasks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not errors, errors
    assert len(results) == len(tasks), "a thread did not finish in time"
    return results


def browsers(user, count: int) -> list[Client]:
    """`count` browsers, each with its own session, logged in as `user`."""
    clients = [Client() for _ in range(count)]
    for client in clients:
        client.force_login(user)
    return clients
