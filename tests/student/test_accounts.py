"""Students sign up, log in and out; visitors try the sample quiz without being tracked."""

import re

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from quizzes.models import Attempt
from quizzes.roles import STUDENTS


def test_signup_creates_a_logged_in_student(client, db):
    response = client.post(
        reverse("signup"),
        {"username": "lea", "password1": "Sicile-1943-juillet", "password2": "Sicile-1943-juillet"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="lea")
    assert user.groups.filter(name=STUDENTS).exists()
    assert client.get(reverse("student_home")).status_code == 200


def test_signup_with_mismatched_passwords_is_a_form_error(client, db):
    response = client.post(
        reverse("signup"), {"username": "lea", "password1": "Sicile-1943", "password2": "autre"}
    )
    assert response.status_code == 400
    assert not get_user_model().objects.filter(username="lea").exists()


def test_demo_student_logs_in_with_the_printed_password(client, fact_base, capsys):
    call_command("setup_demo", passwords="published")
    assert "eleve-demo-2026" in capsys.readouterr().out
    response = client.post(
        reverse("login"), {"username": "eleve", "password": "eleve-demo-2026"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("student_home")
    page = response.content.decode()
    assert "Chronologie 1943-1945" in page
    # The demo teacher's set reaches the demo student through the demo class.
    assert "Le débarquement en Sicile et la chute de Mussolini" in page


def log_in(client, username: str, password: str) -> bool:
    """Whether the password opens the account (checked on the account: a login through the
    client would count wrong passwords toward the lockout)."""
    return get_user_model().objects.get(username=username).check_password(password)


def test_without_debug_the_demo_admin_never_gets_the_published_password(client, fact_base, capsys):
    # settings.DEBUG is off under tests, as on a production server (make prod).
    call_command("setup_demo")
    out = capsys.readouterr().out
    assert "admin-demo-2026" not in out
    assert not log_in(client, "admin", "admin-demo-2026")
    printed = re.search(r"identifiant « admin », mot de passe « ([^ ]+) »", out).group(1)
    assert log_in(client, "admin", printed)


def test_an_account_left_with_its_published_password_gets_a_random_one_in_production(
    client, fact_base, capsys
):
    call_command("setup_demo", passwords="published")  # an older make prod did this
    call_command("setup_demo")
    assert not log_in(client, "admin", "admin-demo-2026")


def test_setup_demo_never_resets_a_changed_password(client, fact_base, capsys):
    call_command("setup_demo", passwords="published")
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("mon-propre-mot-de-passe-7")
    admin.save()
    for passwords in ("published", "random"):
        call_command("setup_demo", passwords=passwords)
        assert "identifiant « admin », mot de passe inchangé" in capsys.readouterr().out
        assert log_in(client, "admin", "mon-propre-mot-de-passe-7")
    call_command("setup_demo", passwords="published", reset_passwords=True)
    assert log_in(client, "admin", "admin-demo-2026")


def test_setup_demo_runs_twice_without_duplicates(fact_base):
    from quizzes.models import Classroom, QuestionSet

    call_command("setup_demo")
    call_command("setup_demo")
    assert Classroom.objects.filter(name="3e B (démo)").count() == 1
    assert QuestionSet.objects.filter(owner__username="prof").count() == 1


def test_login_page_is_french(client, db):
    page = client.get(reverse("login")).content.decode()
    assert "Connexion" in page and "Nom d’utilisateur" in page


def test_student_pages_require_login(client, db):
    for name in ("student_home", "results"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_visitor_can_try_the_sample_quiz_but_is_not_tracked(client, default_sets):
    sample = default_sets["Quiz mixte"]
    response = client.post(reverse("attempt_start", args=[sample.pk]))
    assert response.status_code == 302
    attempt = Attempt.objects.get()
    assert attempt.user is None
    assert client.get(response.url).status_code == 200
    other = default_sets["Qui a fait quoi ?"]
    assert client.post(reverse("attempt_start", args=[other.pk])).status_code == 404


def test_teacher_lands_on_classes_and_sees_teacher_navigation(client, db):
    from tests.conftest import make_teacher

    make_teacher("prof-test", "mot-de-passe-solide-42")
    response = client.post(
        reverse("login"),
        {"username": "prof-test", "password": "mot-de-passe-solide-42"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("teacher_classes")
    page = response.content.decode()
    assert "Mes classes" in page and "Mes séries" in page
    assert "Mes quiz" not in page


def test_student_navigation_has_no_teacher_links(student_client):
    page = student_client.get(reverse("student_home")).content.decode()
    assert "Mes quiz" in page and "Mes résultats" in page
    assert "Mes séries" not in page
