"""« Mes données »: a pupil downloads everything the site holds about them (and nothing of
anyone else) and deletes their own account after confirming with their password; the privacy
page is linked from every page's footer."""

import json

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from quizzes.attempts import start_attempt
from quizzes.models import Attempt, AttemptQuestion, Enrollment, FactResult
from tests.conftest import right_answer_post, wrong_answer_post
from tests.factories import make_class, make_student, make_teacher

PASSWORD = "mot-de-passe-solide-42"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def answer(client, attempt, position, post):
    url = reverse("attempt_question", args=[attempt.pk, position])
    assert client.post(url, post).status_code == 200


@pytest.fixture
def history(default_sets, student, other_student, classroom, client):
    """Camille answered the first question right and the second wrong and left the rest;
    Dominique, in another teacher's class, has an attempt of their own."""
    question_set = default_sets["Quiz mixte"]
    attempt = start_attempt(question_set, user=student)
    client.force_login(student)
    first, second = attempt.questions.order_by("position")[:2]
    answer(client, attempt, first.position, right_answer_post(first.data))
    answer(client, attempt, second.position, wrong_answer_post(second.data))
    make_class(
        teacher=make_teacher("m-martin"), name="Classe secrète de M. Martin", pupils=[other_student]
    )
    other_attempt = start_attempt(question_set, user=other_student)
    return attempt, other_attempt


def download(client) -> dict:
    response = client.get(reverse("my_data_download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="quizsite-mes-donnees-')
    assert "no-store" in response["Cache-Control"]
    return json.loads(response.content)


def test_the_download_holds_the_account_classes_attempts_answers_and_results(
    client, history, student
):
    attempt, _other = history
    data = download(client)
    assert data["account"]["username"] == "camille"
    assert data["classes"] == [{"name": "3e B", "joined_at": data["classes"][0]["joined_at"]}]
    [exported] = data["attempts"]
    assert exported["id"] == attempt.pk and exported["question_set"] == "Quiz mixte"
    answered = [q for q in exported["questions"] if q["answered"]]
    assert len(answered) == 2
    assert answered[0]["score"] == 1.0 and answered[1]["score"] < 1.0
    stored = AttemptQuestion.objects.get(attempt=attempt, position=answered[0]["position"])
    assert answered[0]["question"] == stored.data and answered[0]["response"] == stored.response
    assert len(data["fact_results"]) == FactResult.objects.filter(user=student).count() > 0
    misses = FactResult.objects.filter(user=student, correct=False).values("fact").distinct()
    assert len(data["to_review"]) == misses.count()


def test_the_download_never_gives_a_password_hash_nor_an_unanswered_questions_answer(
    client, history, student
):
    text = client.get(reverse("my_data_download")).content.decode()
    assert student.password not in text and "pbkdf2" not in text and "md5$" not in text
    for question in json.loads(text)["attempts"][0]["questions"]:
        if not question["answered"]:
            assert set(question) == {"position", "kind", "answered"}


def test_the_download_holds_nothing_of_another_user(client, history, other_student):
    _attempt, other_attempt = history
    AccessAttempt.objects.create(
        username="dominique", ip_address="192.0.2.1", user_agent="x", failures_since_start=3
    )
    AccessAttempt.objects.create(
        username="camille",
        ip_address="192.0.2.99",
        user_agent="secret-agent",
        failures_since_start=2,
    )
    data = download(client)
    text = json.dumps(data, ensure_ascii=False)
    for foreign in ("dominique", "Classe secrète", "mme-durand", "192.0.2", "secret-agent"):
        assert foreign not in text
    assert [a["id"] for a in data["attempts"]] == [history[0].pk]
    assert other_attempt.pk != history[0].pk
    assert data["failed_logins"] == [
        {"first_at": data["failed_logins"][0]["first_at"], "failures": 2}
    ]


def test_the_download_and_the_page_need_a_login(client, db):
    for name in ("my_data", "my_data_download"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_page_offers_the_download_and_the_deletion_form(student_client):
    page = student_client.get(reverse("my_data")).content.decode()
    assert "Télécharger mes données" in page and reverse("my_data_download") in page
    assert 'name="password"' in page and reverse("delete_account") in page


def test_a_pupil_deletes_their_account_with_everything_after_giving_their_password(
    client, history, student
):
    attempt, other_attempt = history
    AccessAttempt.objects.create(username="camille", ip_address="192.0.2.5", failures_since_start=1)
    response = client.post(reverse("delete_account"), {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Votre compte et toutes vos données ont été supprimés." in response.content.decode()
    assert not get_user_model().objects.filter(username="camille").exists()
    assert not Attempt.objects.filter(pk=attempt.pk).exists()
    assert not AttemptQuestion.objects.filter(attempt_id=attempt.pk).exists()
    assert not FactResult.objects.filter(question__attempt_id=attempt.pk).exists()
    assert not Enrollment.objects.filter(student_id=student.pk).exists()
    assert not AccessAttempt.objects.filter(username="camille").exists()
    assert "_auth_user_id" not in client.session
    assert Attempt.objects.filter(pk=other_attempt.pk).exists()  # nobody else's data goes


def test_a_wrong_password_deletes_nothing(client, history, student):
    response = client.post(reverse("delete_account"), {"password": "pas-le-bon"})
    assert response.status_code == 400
    assert "Ce n’est pas votre mot de passe." in response.content.decode()
    assert get_user_model().objects.filter(pk=student.pk).exists()
    assert Attempt.objects.filter(user=student).count() == 1


def test_deleting_is_post_only_and_csrf_protected(student):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    assert client.get(reverse("delete_account")).status_code == 405
    assert client.post(reverse("delete_account"), {"password": PASSWORD}).status_code == 403
    assert get_user_model().objects.filter(pk=student.pk).exists()


def test_teachers_and_staff_cannot_delete_their_own_account_here(client, db):
    teacher = make_teacher("prof-durand", PASSWORD)
    staff = make_student("secretariat", PASSWORD)
    staff.is_staff = True
    staff.save()
    for user in (teacher, staff):
        client.force_login(user)
        page = client.get(reverse("my_data")).content.decode()
        assert 'name="password"' not in page and "administrateur" in page
        assert client.post(reverse("delete_account"), {"password": PASSWORD}).status_code == 403
        assert get_user_model().objects.filter(pk=user.pk).exists()


@pytest.mark.parametrize("name", ["home", "login", "privacy"])
def test_every_page_links_the_privacy_page_from_its_footer(client, db, name):
    page = client.get(reverse(name)).content.decode()
    footer = page[page.index('<footer class="site-footer">') :]
    assert f'href="{reverse("privacy")}">Données personnelles</a>' in footer


def test_the_privacy_page_says_what_is_kept_and_how_long_in_french_and_english(client, db):
    page = client.get(reverse("privacy")).content.decode()
    assert "24 heures au plus" in page and "tant que le compte existe" in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(reverse("privacy")).content.decode()
    assert "Personal data" in english and "24 hours" in english
    assert "24 heures" not in english
