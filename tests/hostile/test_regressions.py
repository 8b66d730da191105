"""Hostile inputs that once broke PostgreSQL (and not SQLite): kept as plain examples so both
databases check them on every run."""

import pytest
from django.test import Client
from django.urls import reverse


@pytest.mark.parametrize("username", ["0" * 5000, "camille\x00", "\x00" * 300])
def test_absurd_usernames_at_login_are_a_failed_login_not_a_crash(db, username):
    client = Client(raise_request_exception=False)
    for _ in range(6):  # through the lockout too
        response = client.post(reverse("login"), {"username": username, "password": "x"})
        assert response.status_code in (200, 429)


def test_nul_bytes_in_the_fact_search_find_nothing_instead_of_crashing(teacher_client, fact_base):
    teacher_client.raise_request_exception = False
    partial = teacher_client.get(
        reverse("teacher_set_facts"), {"q": "Mussolini\x00"}, HTTP_HX_REQUEST="true"
    )
    page = teacher_client.get(reverse("teacher_set_create"), {"q": "Mussolini\x00"})
    assert partial.status_code == page.status_code == 200
