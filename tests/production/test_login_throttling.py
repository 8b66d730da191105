"""Password guessing is throttled (django-axes): after 5 wrong passwords for one username from one
address, even the right password is refused for 15 minutes, with a French explanation."""

import pytest
from django.urls import reverse

from tests.conftest import make_student

PASSWORD = "mot-de-passe-solide-42"
LOCKOUT_MESSAGE = "Trop de tentatives de connexion échouées"


def log_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def guess_wrong(client, username, times=5, address="10.0.0.1"):
    return [log_in(client, username, "mauvais-mot-de-passe", address) for _ in range(times)]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs ~0.3 s a guess; the throttling does not depend on it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def camille(db, fast_password_hashing):
    return make_student("camille")


def test_four_wrong_passwords_do_not_lock_the_account(client, camille):
    responses = guess_wrong(client, "camille", times=4)
    assert [response.status_code for response in responses] == [200] * 4
    assert LOCKOUT_MESSAGE not in responses[-1].content.decode()
    assert log_in(client, "camille", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_five_wrong_passwords_lock_out_even_the_right_one(client, camille):
    fifth = guess_wrong(client, "camille")[-1]
    assert fifth.status_code == 429
    response = log_in(client, "camille", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKOUT_MESSAGE in page
    assert "15 minutes" in page
    assert 'role="alert"' in page  # the login page, with the reason where errors are read out
    assert not is_logged_in(client)


def test_lockout_does_not_affect_another_user(client, camille):
    make_student("dominique")
    guess_wrong(client, "camille")
    assert log_in(client, "dominique", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_lockout_is_per_address_for_the_same_user(client, camille):
    """Locking by username alone would let anyone lock a pupil out of class from outside."""
    guess_wrong(client, "camille", address="10.0.0.1")
    assert log_in(client, "camille", PASSWORD, address="10.0.0.2").status_code == 302


def test_a_successful_login_resets_the_failure_count(client, camille):
    guess_wrong(client, "camille", times=4)
    assert log_in(client, "camille", PASSWORD).status_code == 302
    client.logout()
    guess_wrong(client, "camille", times=4)
    assert log_in(client, "camille", PASSWORD).status_code == 302
