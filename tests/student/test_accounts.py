"""Students sign up, log in and out; visitors try the sample quiz without being tracked."""

import re

import pytest
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


# Sign-up refuses look-alike usernames (issue 12: « Sign-up accepts usernames that look identical
# to existing ones (Cyrillic « о » for Latin « o ») »).


def sign_up(client, username):
    password = "Sicile-1943-juillet"
    data = {"username": username, "password1": password, "password2": password}
    return client.post(reverse("signup"), data)


@pytest.mark.parametrize(
    ("existing", "look_alike"),
    [
        ("dominique", "dоminique"),  # Cyrillic « о »
        ("paul", "ραul"),  # Greek rho and alpha
        ("camille", "CAMILLE"),
        ("oscar", "0scar"),
        ("lina", "Iina"),  # capital « I » for « l »
        ("emma", "emrna"),  # « rn » for « m »
        ("zoe", "ｚｏｅ"),  # fullwidth letters
    ],
)
def test_signup_refuses_a_username_that_looks_like_an_existing_one(
    client, db, existing, look_alike
):
    from tests.conftest import make_student

    make_student(existing)
    response = sign_up(client, look_alike)
    assert response.status_code == 400
    # Django itself refuses the same name in other case or width; quizsite the look-alikes.
    assert response.context["form"].errors["username"][0] in (
        "Ce nom d’utilisateur est déjà pris, ou ressemble trop à un nom déjà pris.",
        "Un utilisateur avec ce nom existe déjà.",
    )
    assert get_user_model().objects.count() == 1


def test_signup_accepts_a_username_that_only_shares_letters(client, db):
    from tests.conftest import make_student

    make_student("dominique")
    assert sign_up(client, "dominique2").status_code == 302
    assert sign_up(client, "dominiqué").status_code == 302


# First login with a one-time password from the teacher (issue 12, item 2).


@pytest.fixture
def pupil_card(teacher, db):
    """A pupil made by Mme Durand's class list, with the password printed on their card."""
    from quizzes.class_accounts import create_class_accounts
    from quizzes.models import Classroom

    classroom = Classroom.objects.create(name="3e B", teacher=teacher)
    (card,) = create_class_accounts(classroom=classroom, teacher=teacher, names=["Lina Morel"])
    return card


def first_login(client, card):
    return client.post(reverse("login"), {"username": card.username, "password": card.password})


def test_a_pupil_with_a_one_time_password_must_choose_one_before_anything_else(client, pupil_card):
    response = first_login(client, pupil_card)
    assert client.get(response.url, follow=True).redirect_chain[-1][0] == reverse("choose_password")
    for page in (reverse("student_home"), reverse("results"), reverse("join_class")):
        assert client.get(page)["Location"] == reverse("choose_password")
    assert client.post(reverse("join_class"), {"code": "ABC"})["Location"] == reverse(
        "choose_password"
    )
    htmx = client.get(reverse("student_home"), headers={"HX-Request": "true"})
    assert htmx["HX-Redirect"] == reverse("choose_password")
    page = client.get(reverse("choose_password")).content.decode()
    assert "Choisissez votre mot de passe" in page
    assert "Mes quiz" not in page  # no navigation that would only lead back here


def test_the_chosen_password_must_pass_the_validators_and_then_lifts_the_duty(client, pupil_card):
    from quizzes.models import AccountProfile

    first_login(client, pupil_card)
    url = reverse("choose_password")
    weak = client.post(url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 400
    assert "trop courant" in weak.content.decode() or "trop commun" in weak.content.decode()
    chosen = "Vercors-1944-maquis"
    response = client.post(url, {"new_password1": chosen, "new_password2": chosen}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("student_home")
    assert "Votre mot de passe est enregistré" in response.content.decode()
    pupil = get_user_model().objects.get(username=pupil_card.username)
    assert pupil.check_password(chosen)
    assert not pupil.check_password(pupil_card.password)
    assert not AccountProfile.objects.get(user=pupil).must_change_password
    assert client.get(reverse("results")).status_code == 200  # still logged in
    client.logout()
    logged_in = client.post(reverse("login"), {"username": pupil_card.username, "password": chosen})
    assert client.get(logged_in.url, follow=True).redirect_chain[-1][0] == reverse("student_home")


def test_the_password_page_is_not_for_accounts_without_the_duty(student_client):
    response = student_client.post(
        reverse("choose_password"),
        {"new_password1": "Vercors-1944-maquis", "new_password2": "Vercors-1944-maquis"},
    )
    assert response["Location"] == reverse("after_login")
    assert (
        not get_user_model().objects.get(username="camille").check_password("Vercors-1944-maquis")
    )


def test_a_reset_logs_the_pupil_out_and_asks_again_for_a_new_password(client, pupil_card, teacher):
    from quizzes.class_accounts import reset_pupil_password

    first_login(client, pupil_card)
    chosen = "Vercors-1944-maquis"
    client.post(reverse("choose_password"), {"new_password1": chosen, "new_password2": chosen})
    pupil = get_user_model().objects.get(username=pupil_card.username)
    card = reset_pupil_password(teacher=teacher, pupil=pupil)
    assert client.get(reverse("student_home"))["Location"].startswith(reverse("login"))
    first_login(client, card)
    assert client.get(reverse("student_home"))["Location"] == reverse("choose_password")


def test_a_renamed_account_frees_its_old_name_and_takes_the_new_one(db):
    from django.test import Client

    from tests.conftest import make_student

    student = make_student("dominique")
    student.username = "morgane"
    student.save()
    assert sign_up(Client(), "rnorgane").status_code == 400  # « rn » for « m »
    assert sign_up(Client(), "dоminique").status_code == 302  # Cyrillic « о »: free again


def test_two_accounts_with_look_alike_names_cannot_both_exist(db):
    from django.db import IntegrityError

    from tests.conftest import make_student

    make_student("paul")
    with pytest.raises(IntegrityError):
        make_student("ραul")  # Greek rho and alpha, made without the sign-up form
