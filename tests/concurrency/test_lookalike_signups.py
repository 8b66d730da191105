"""Two people sign up at the same instant with names that look alike (Latin « dominique » and
Cyrillic « dоminique »): both forms see no look-alike, both try to create the account, and the
unique constraint on the names' skeletons lets only one through."""

from functools import partial

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from quizzes.models import UsernameSkeleton
from quizzes.usernames import skeletons
from tests.concurrency.threads import at_once

pytestmark = pytest.mark.django_db(transaction=True)


def sign_up(username: str) -> int:
    password = "Sicile-1943-juillet"
    data = {"username": username, "password1": password, "password2": password}
    return Client().post(reverse("signup"), data).status_code


@pytest.mark.parametrize("rounds", [3])
def test_simultaneous_look_alike_sign_ups_create_one_account(settings, rounds):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for n in range(rounds):
        latin, cyrillic = f"dominique{n}", f"d\u043eminique{n}"
        statuses = sorted(at_once([partial(sign_up, latin), partial(sign_up, cyrillic)]))
        assert statuses == [302, 400]
        (user,) = get_user_model().objects.filter(username__in=[latin, cyrillic])
        stored = set(user.username_skeletons.values_list("skeleton", flat=True))
        assert stored == skeletons(user.username)
    assert UsernameSkeleton.objects.count() == len(
        set().union(*(skeletons(u.username) for u in get_user_model().objects.all()))
    )
