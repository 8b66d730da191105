"""Two teachers paste lists with the same pupils' names at the same instant: every account gets
its own username and every card its own login. Real threads with their own connections: a
username taken by the other batch between reading the taken names and inserting makes the
unique constraint refuse the insert, and the batch starts again, whole, in a new transaction."""

import re
from functools import partial

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.concurrency.threads import at_once, browsers
from tests.factories import make_class, make_teacher

pytestmark = pytest.mark.django_db(transaction=True)

NAMES = "\n".join(["Camille Lefèvre", "Zoé Hervé", "Léo Martin", "Inès Bernard"])


def create_accounts(client, classroom):
    """(status, [(username, password)] as the printed cards say). Read from the page: the test
    client's captured contexts mix across threads."""
    response = client.post(reverse("teacher_class_accounts", args=[classroom.pk]), {"names": NAMES})
    page = response.content.decode()
    logins = re.findall(r"<dd><code>([^<]+)</code></dd>\s*<dt>[^<]*</dt>\s*<dd><code>([^<]+)", page)
    return response.status_code, logins


def test_simultaneous_class_lists_with_the_same_names_get_distinct_usernames(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    tasks = []
    for n in range(3):
        teacher = make_teacher(f"prof-{n}")
        classroom = make_class(teacher=teacher, name=f"3e {n}")
        (client,) = browsers(teacher, 1)
        tasks.append(partial(create_accounts, client, classroom))
    results = at_once(tasks)
    assert [status for status, _cards in results] == [200, 200, 200]
    usernames = [username for _status, logins in results for username, _password in logins]
    assert len(usernames) == len(set(usernames)) == 12
    assert {"camille.lefevre", "camille.lefevre2", "camille.lefevre3"} <= set(usernames)
    pupils = get_user_model().objects.filter(username__in=usernames)
    assert pupils.count() == 12
    for _status, logins in results:
        for username, password in logins:
            assert pupils.get(username=username).check_password(password)
