"""The admin lists and edits the accounts' profiles (who made a pupil's account, one-time
password still to replace), the username skeletons, the sides' oppositions and « acts for »
links; and it refuses a username that looks like another account's as a form error."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from quizzes.class_accounts import create_class_accounts
from quizzes.models import AccountProfile, ActsFor, Opposes, UsernameSkeleton


@pytest.fixture
def pupil(teacher, classroom):
    (card,) = create_class_accounts(classroom=classroom, teacher=teacher, names=["Lina Morel"])
    return get_user_model().objects.get(username=card.username)


def changelist(model):
    return reverse(f"admin:quizzes_{model._meta.model_name}_changelist")


@pytest.mark.parametrize(
    "model",
    [AccountProfile, UsernameSkeleton, Opposes, ActsFor],
    ids=lambda model: model.__name__,
)
def test_changelists_load_for_a_superuser(admin_client, pupil, fact_base, model):
    assert admin_client.get(changelist(model)).status_code == 200


def test_a_pupils_profile_is_found_by_name_and_edited(admin_client, pupil):
    found = admin_client.get(changelist(AccountProfile), {"q": "Morel"})
    assert found.context["cl"].result_count == 1
    assert "lina.morel" in found.content.decode()
    profile = pupil.account_profile
    url = reverse("admin:quizzes_accountprofile_change", args=[profile.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"user": pupil.pk, "created_by": profile.created_by_id, "must_change_password": ""}
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.must_change_password is False


def test_the_user_admin_refuses_a_look_alike_username_as_a_form_error(admin_client, pupil):
    password = "Sicile-1943-juillet"
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "Iina.morel",  # capital « I » for « l »
            "usable_password": "true",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200
    assert "ressemble trop" in response.content.decode()
    assert not get_user_model().objects.filter(username="Iina.morel").exists()
